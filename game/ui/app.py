"""The desktop game: the window, the event-driven loop, the screen stack and the game session.

The loop checks for events and sleeps in between (see wait_for_events), and draws only when
something changed (pgzero's need_redraw): an idle game uses next to no CPU. The first frame of
the title screen is drawn before anything slow: the story, the save code, the art and the sound
follow it, and the modules they need are imported only then (bench/startup.py).

Global keys: F11 fullscreen, F5 quicksave, F9 quickload. An unexpected error never shows a
traceback: it is written to a log file in the user's log folder and the player sees a message.
"""
from __future__ import annotations

import os
import sys
import time
import traceback
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import pygame

from game.core import settings as settings_store
from game.core.settings import Settings

from .screen import Screen

if TYPE_CHECKING:  # the loader, engine and saves are imported after the first frame
    from game.core import engine
    from game.core.model import Story
    from game.core.saves import SaveStore
    from game.core.state import GameState
from .theme import Theme, mood_for_date, palette_for

FPS = 60
THUMBNAIL_SIZE = (320, 180)


class Session:
    """The game being played: the state, the states before it (for rollback) and autosaves."""

    def __init__(self, app: "App", state: GameState) -> None:
        self.app = app
        self.state = state
        self.history: list[GameState] = []
        self.started = datetime.now().astimezone().isoformat(timespec="seconds")
        self.votes: dict[int, list[int]] = {}  # turn -> the class's votes for each choice there
        self._active = 0.0
        self._last_input = time.monotonic()

    def touch(self) -> None:
        """Count time played: the time between inputs, with a long pause counted as two minutes
        (the player went away; the game was idle)."""
        now = time.monotonic()
        self._active += min(now - self._last_input, 120.0)
        self._last_input = now

    @property
    def seconds_played(self) -> float:
        self.touch()
        return self._active

    @property
    def story(self) -> Story:
        return self.app.story

    def choose(self, index: int) -> "engine.Outcome":
        from game.core import engine

        self.history.append(self.state)
        self.state, outcome = engine.choose(self.story, self.state, index)
        self.app.autosave()
        return outcome

    def rollback(self) -> bool:
        if not self.history:
            return False
        self.state = self.history.pop()
        self.votes = {turn: counts for turn, counts in self.votes.items() if turn < len(self.state.log)}
        self.app.autosave()
        return True


def replay_history(story: Story, state: GameState) -> list[GameState]:
    """The states before each choice in `state.log`, by replaying it through the pure engine.
    Empty when the story has changed so that the replay no longer arrives at `state`."""
    from game.core import engine

    try:
        current = engine.new_game(story, state.started_act or None)
        history = []
        for entry in state.log:
            if current.scene != entry.scene:
                return []
            history.append(current)
            current, _ = engine.choose(story, current, entry.choice)
    except engine.EngineError:
        return []
    if (current.scene, dict(current.stats), dict(current.flags)) != (state.scene, dict(state.stats), dict(state.flags)):
        return []
    return history


class App:
    def __init__(self, story_path: str = "story", *, size: tuple[int, int] | None = None,
                 classroom: bool = False, start: Callable[["App"], None] | None = None,
                 dev: bool = False) -> None:
        self.story_path = story_path
        self.dev = dev  # --dev: Ctrl+R reloads the story from disk
        self.dev_problems: list[str] = []  # the last reload's errors, shown over the game
        self.saves_folder, self.config_folder, self.log_folder = settings_store.user_folders()
        self.settings_path = self.config_folder / "settings.json"
        self.settings, self.settings_reset = settings_store.load(self.settings_path)
        if classroom:
            self.settings = replace(self.settings, classroom_mode=True, content_level="classroom")
        self._saves: SaveStore | None = None
        self.story: Story | None = None
        self.story_errors: list[str] = []
        self.session: Session | None = None
        self.stack: list[tuple[Screen, Callable[[Any], None] | None]] = []
        self.running = True
        self.dirty = True
        self.mood = 0.0
        self.mouse: tuple[int, int] | None = None
        self.start = start
        self.toast: tuple[str, float] | None = None  # a short message at the bottom, and until when
        self.audio = False
        self._init_pygame(size)
        from .audio import Ambience

        self.ambience = Ambience(False)
        self.theme = self._make_theme()

    @property
    def saves(self) -> "SaveStore":
        if self._saves is None:
            from game.core.saves import SaveStore

            self._saves = SaveStore(self.saves_folder)
        return self._saves

    # -- window ------------------------------------------------------------------------------------
    def _init_pygame(self, size: tuple[int, int] | None) -> None:
        os.environ.setdefault("SDL_VIDEO_CENTERED", "1")
        from . import assets

        assets.reset()  # nothing loaded by an earlier pygame session may be used again
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Iron and Grain")
        self.audio = False  # the mixer starts after the first frame (start_audio)
        self.window_size = size or tuple(self.settings.window_size)
        self._open_window()
        pygame.key.set_repeat(400, 40)

    def _open_window(self) -> None:
        if self.settings.fullscreen:
            self.surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.surface = pygame.display.set_mode(self.window_size, pygame.RESIZABLE)

    def _make_theme(self) -> Theme:
        width, height = self.surface.get_size()
        palette = palette_for(self.mood, self.settings.high_contrast or self.settings.classroom_mode)
        return Theme(width, height, self.settings.text_scale, palette, self.settings.reduced_motion,
                     projector=self.settings.classroom_mode)

    def relayout(self) -> None:
        self.theme = self._make_theme()
        for screen, _callback in self.stack:
            screen.layout()
        self.invalidate()

    def set_mood(self, date: str) -> None:
        """Tint the palette for a story date (greyer as the famine deepens)."""
        mood = mood_for_date(date)
        if abs(mood - self.mood) > 0.005:
            self.mood = mood
            self.ambience.set_mood(mood)
            self.relayout()

    def apply_settings(self, new: Settings) -> None:
        old = self.settings
        self.settings = new
        if new.fullscreen != old.fullscreen:
            self._open_window()
        if new.volume != old.volume:
            self.ambience.set_volume(new.volume)
        self.save_settings()
        self.relayout()

    def save_settings(self) -> None:
        try:
            settings_store.save(self.settings, self.settings_path)
        except OSError as exc:
            self.notify(f"Settings could not be saved: {exc.strerror or exc}")

    def toggle_fullscreen(self) -> None:
        self.apply_settings(replace(self.settings, fullscreen=not self.settings.fullscreen))

    # -- the screen stack --------------------------------------------------------------------------
    @property
    def top(self) -> Screen | None:
        return self.stack[-1][0] if self.stack else None

    def push(self, screen: Screen, on_result: Callable[[Any], None] | None = None) -> None:
        self.stack.append((screen, on_result))
        screen.layout()
        self.invalidate()

    def pop(self, screen: Screen | None = None, result: Any = None) -> None:
        if not self.stack or (screen is not None and self.stack[-1][0] is not screen):
            return
        _screen, callback = self.stack.pop()
        if self.top is not None:
            self.top.on_resume(result)
        if callback is not None:
            callback(result)
        self.invalidate()

    def replace(self, screen: Screen) -> None:
        if self.stack:
            self.stack.pop()
        self.push(screen)

    def reset_to(self, screen: Screen) -> None:
        self.stack.clear()
        self.push(screen)

    def invalidate(self) -> None:
        self.dirty = True

    def notify(self, message: str, seconds: float = 3.5) -> None:
        self.toast = (message, time.monotonic() + seconds)
        self.invalidate()

    # -- story, session and saves --------------------------------------------------------------
    def load_story(self) -> bool:
        from game.core.diagnostics import sort_key
        from game.core.loader import load_story

        story, diags = load_story(self.story_path)
        errors = [d for d in sorted(diags, key=sort_key) if d.is_error]
        if story is None or errors:
            self.story_errors = [d.format() for d in errors] or ["the story could not be loaded"]
            return False
        self.story = story
        return True

    def reload_story(self) -> float:
        """Ctrl+R in --dev: read the story again. With errors, list them over the game and go on
        with the previous story; otherwise carry the game over (see engine.carry_over) and show
        where it now stands. Returns the seconds it took."""
        from game.core import engine
        from game.core.diagnostics import sort_key
        from game.core.loader import load_story

        began = time.perf_counter()
        story, diags = load_story(self.story_path)
        errors = [d for d in sorted(diags, key=sort_key) if d.is_error]
        if story is None or errors:
            self.dev_problems = [d.format() for d in errors] or ["the story could not be loaded"]
            self.invalidate()
            return time.perf_counter() - began
        self.dev_problems = []
        self.story = story
        message = "Story reloaded"
        if self.session is not None:
            carried = engine.carry_over(story, self.session.state)
            history = replay_history(story, carried.state)
            if not history and carried.kept:
                # A game begun with --scene or --set cannot be replayed from an act's start; its
                # states before this one are carried over as they are, back to the first whose
                # scene the edit removed.
                for old in reversed(self.session.history):
                    if old.scene not in story.scenes:
                        break
                    history.insert(0, engine.carry_over(story, old).state)
            self.session.state = carried.state
            self.session.history = history
            if not carried.kept:
                message += (f"; the scene was gone, so {carried.replayed} of {carried.total} choices "
                            f"were replayed")
            from . import flow

            if any(screen.shows_game for screen, _ in self.stack):
                flow.show_game(self)
        elapsed = time.perf_counter() - began
        self.relayout()
        self.notify(f"{message} ({elapsed * 1000:.0f} ms).")
        return elapsed

    def new_session(self, state: GameState, replay: bool = False) -> Session:
        """Play from `state`. With `replay`, the states before it are rebuilt from its log, so a
        loaded game can still undo its choices."""
        self.session = Session(self, state)
        if replay and self.story is not None:
            self.session.history = replay_history(self.story, state)
        return self.session

    def save_meta(self) -> dict:
        assert self.story is not None and self.session is not None
        from game.core.model import date_label

        scene = self.story.scenes[self.session.state.scene]
        act = self.story.acts.get(scene.act)
        return {"act": act.title if act else "", "date": date_label(scene.date, season=True),
                "place": scene.place, "turn": self.session.state.turn}

    def write_save(self, slot: str, quiet: bool = False) -> bool:
        from game.core.saves import SaveError

        if self.story is None or self.session is None:
            return False
        try:
            path = self.saves.write(slot, self.story, self.session.state, self.save_meta())
            self._write_thumbnail(path.with_suffix(".png"))
        except SaveError as exc:
            self.notify(f"Could not save: {exc}")
            return False
        if not quiet:
            self.notify("Saved." if slot != "quick" else "Quicksaved.")
        return True

    def autosave(self) -> None:
        self.write_save("auto", quiet=True)

    def _write_thumbnail(self, path: Path) -> None:
        """A small picture of the game under any menus, for the save and load screens."""
        game_screens = [screen for screen, _ in self.stack if screen.shows_game]
        if not game_screens:
            return
        try:
            shot = pygame.Surface(self.surface.get_size())
            game_screens[-1].draw(shot)
            pygame.image.save(pygame.transform.smoothscale(shot, THUMBNAIL_SIZE), str(path))
        except (pygame.error, OSError):
            pass  # a save without a thumbnail is still a save

    def export_report(self) -> Path | None:
        """Write the game so far as a session file and its HTML report, side by side, in the
        player's documents folder; say where, or why not."""
        from game.core import session as sessions
        from game.core.files import atomic_write
        from game.tools import report

        if self.story is None or self.session is None:
            return None
        now = datetime.now().astimezone()
        data = sessions.build(self.story, self.session.state, level=self.settings.content_level,
                              started=self.session.started, finished=now.isoformat(timespec="seconds"),
                              seconds_played=self.session.seconds_played, votes=self.session.votes)
        folder = settings_store.report_folder()
        page = folder / f"iron-and-grain-{now:%Y-%m-%d-%H%M%S}.html"
        try:
            atomic_write(page.with_suffix(".json"), sessions.dumps(data))
            atomic_write(page, report.render(data).encode("utf-8"))
        except OSError as exc:
            self.notify(f"Could not save the report: {exc.strerror or exc}", seconds=6)
            return None
        self.notify(f"Report saved: {page}", seconds=8)
        return page

    def load_slot(self, slot: str) -> bool:
        """Load a save and continue playing it; a damaged save is reported, never fatal."""
        from game.core.saves import SaveError

        if self.story is None:
            return False
        try:
            loaded = self.saves.read(slot, self.story)
        except SaveError as exc:
            self.notify(str(exc)[0].upper() + str(exc)[1:] + ".", seconds=6)
            return False
        self.new_session(loaded.state, replay=True)
        from . import flow

        flow.show_game(self)
        for warning in loaded.warnings:
            self.notify(f"Note: {warning}.", seconds=5)
        return True

    # -- the loop ----------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            if not self.settings.fullscreen:
                size = self.surface.get_size()
                if size != tuple(self.settings.window_size):
                    self.settings = replace(self.settings, window_size=(max(size[0], 320), max(size[1], 240)))
            self.relayout()
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWMAXIMIZED):
            self.invalidate()
            return
        if event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
            self.invalidate()
        elif event.type == pygame.WINDOWLEAVE:
            self.mouse = None
            self.invalidate()
        if self.session is not None and event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.session.touch()
        if event.type == pygame.KEYDOWN:
            if self.dev and event.key == pygame.K_r and event.mod & pygame.KMOD_CTRL:
                self.reload_story()
                return
            if self.dev_problems and event.key == pygame.K_ESCAPE:
                self.dev_problems = []  # hide the overlay; the next Esc goes to the screen
                self.invalidate()
                return
            if event.key == pygame.K_F11:
                self.toggle_fullscreen()
                return
            if event.key == pygame.K_F5 and self.session is not None:
                if self.write_save("quick") and self.top is not None:
                    self.top.layout()  # a save or load screen on top shows the new quicksave
                return
            if event.key == pygame.K_F9 and self.story is not None:
                if self.saves.path("quick").exists():
                    self.load_slot("quick")
                else:
                    self.notify("There is no quicksave yet (F5 saves).")
                return
        if self.top is not None:
            self.top.handle(event)
            if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL,
                              pygame.TEXTINPUT):
                self.invalidate()

    def update(self, dt: float) -> bool:
        animating = False
        for screen, _ in self.stack:
            if screen.update(dt):
                animating = True
                self.dirty = True
        if self.toast is not None:
            if time.monotonic() >= self.toast[1]:
                self.toast = None
                self.dirty = True
            else:
                animating = True
        return animating

    def draw(self) -> None:
        if not self.stack:
            self.surface.fill(self.theme.palette.paper)
        else:
            first = max(i for i, (screen, _) in enumerate(self.stack) if screen.opaque or i == 0)
            for screen, _ in self.stack[first:]:
                screen.draw(self.surface)
        if self.dev_problems:
            self._draw_dev_problems()
        if self.toast is not None:
            self._draw_toast(self.toast[0])
        pygame.display.flip()
        self.dirty = False

    def _draw_dev_problems(self) -> None:
        """The reload's errors as a panel over the top of the game, in the check command's form."""
        from . import text

        theme = self.theme
        width = self.surface.get_width() - 2 * theme.margin
        size = theme.size("caption")
        count = len(self.dev_problems)
        lines = [f"*The story has {count} error{'s' if count != 1 else ''}; still playing the previous story.* "
                 f"Fix {'them' if count != 1 else 'it'} and press Ctrl+R again (Esc hides this)."]
        shown = self.dev_problems[:8]
        lines += shown
        if len(self.dev_problems) > len(shown):
            lines.append(f"... and {len(self.dev_problems) - len(shown)} more (python -m game check)")
        block = text.layout("\n\n".join(lines), width - theme.unit * 4, size, face="sans", paragraph_gap=0.3)
        box = pygame.Rect(theme.margin, theme.margin, width, block.height + theme.unit * 3)
        pygame.draw.rect(self.surface, theme.palette.accent, box, border_radius=theme.radius)
        block.draw(self.surface, (box.left + theme.unit * 2, box.top + theme.unit * 3 // 2), theme.palette.card)

    def _draw_toast(self, message: str) -> None:
        from . import text

        theme = self.theme
        widest = self.surface.get_width() - theme.margin * 2 - theme.unit * 4
        rendered = text.line(message, "sans", theme.size("ui"), theme.palette.card)
        if rendered.get_width() <= widest:
            box = rendered.get_rect().inflate(theme.unit * 4, theme.unit * 2)
            box.midbottom = (self.surface.get_width() // 2, self.surface.get_height() - theme.margin)
            pygame.draw.rect(self.surface, theme.palette.ink, box, border_radius=theme.radius)
            self.surface.blit(rendered, rendered.get_rect(center=box.center))
            return
        # A long message (a file's path) wraps, a word too long for a line by its characters.
        from . import assets

        font = assets.font("sans", theme.size("ui"))
        lines = [""]
        for word in message.split(" "):
            candidate = f"{lines[-1]} {word}".strip()
            if font.size(candidate)[0] <= widest:
                lines[-1] = candidate
                continue
            if lines[-1]:
                lines.append("")
            for char in word:
                if font.size(lines[-1] + char)[0] > widest:
                    lines.append("")
                lines[-1] += char
        rendered_lines = [text.line(line, "sans", theme.size("ui"), theme.palette.card) for line in lines]
        height = sum(r.get_height() for r in rendered_lines)
        box = pygame.Rect(0, 0, max(r.get_width() for r in rendered_lines) + theme.unit * 4, height + theme.unit * 2)
        box.midbottom = (self.surface.get_width() // 2, self.surface.get_height() - theme.margin)
        pygame.draw.rect(self.surface, theme.palette.ink, box, border_radius=theme.radius)
        y = box.y + theme.unit
        for rendered in rendered_lines:
            self.surface.blit(rendered, (box.x + theme.unit * 2, y))
            y += rendered.get_height()

    def step(self, events: list[pygame.event.Event] | None = None, dt: float = 1 / FPS) -> None:
        """One turn of the loop without waiting: used by the tests to drive the game."""
        for event in events if events is not None else pygame.event.get():
            self.handle(event)
        self.update(dt)
        if self.dirty:
            self.draw()

    def begin(self) -> None:
        """Show the first screen, then do the slow loading behind it."""
        self.show_first_frame()
        self.finish_loading()

    def show_first_frame(self) -> None:
        """The title screen's first frame: the name, drawn before anything slow happens
        (bench/startup.py measures the time to here)."""
        from .screens.title import TitleScreen

        self.push(TitleScreen(self))
        self.draw()

    def start_audio(self) -> None:
        """Open the mixer at the loops' own format (22 kHz mono: nothing is converted up, which
        keeps memory low) and start the ambience. No sound device means a silent game."""
        from .audio import RATE, Ambience

        try:
            pygame.mixer.init(frequency=RATE, size=-16, channels=1, buffer=2048)
            self.audio = True
        except pygame.error:
            self.audio = False
        self.ambience = Ambience(self.audio)
        self.ambience.start(self.settings.volume, self.mood)

    def finish_loading(self) -> None:
        ok = self.load_story()
        self.start_audio()
        if self.start is not None and ok:
            self.start(self)
        if self.top is not None:
            self.top.layout()
        self.invalidate()

    def wait_for_events(self, animating: bool, quiet_since: float) -> list[pygame.event.Event]:
        """The next events, sleeping in between. pygame.event.wait() is no use for idling: it
        re-implements SDL's wait as a loop with a 1 ms delay, waking the CPU a thousand times a
        second (bench/idle.py measured 3.5% of a core for a bare window). Instead we check and
        sleep: a frame while animating, 15 ms just after input, 40 ms once the game is quiet."""
        frame = 1 / FPS
        while True:
            events = pygame.event.get()
            if events or animating or self.dirty:
                if not events and (animating or self.dirty):
                    time.sleep(frame)
                return events
            time.sleep(0.015 if time.monotonic() - quiet_since < 2.0 else 0.04)

    def run(self) -> int:
        try:
            self.begin()
            clock = time.monotonic()
            quiet_since = clock
            animating = True
            while self.running:
                events = self.wait_for_events(animating, quiet_since)
                for event in events:
                    self.handle(event)
                now = time.monotonic()
                if events:
                    quiet_since = now
                animating = self.update(min(0.1, now - clock))
                clock = now
                if self.dirty and self.running:
                    self.draw()
        except Exception:  # noqa: BLE001 - the last line of defence: log it, tell the player
            return self.crash(traceback.format_exc())
        finally:
            self.save_settings()
        return 0

    def crash(self, details: str) -> int:
        log = self.write_log(details)
        message = ("Something went wrong and the game has to stop. Your progress up to the last choice "
                   "is kept in the autosave.")
        where = f"The details are in {log}." if log else ""
        print(f"Iron and Grain: {message} {where}", file=sys.stderr)
        try:
            from .screens.message import MessageScreen

            self.stack.clear()
            self.push(MessageScreen(self, "The game stopped", f"{message}\n\n{where}", buttons=[("Quit", None)]))
            self.draw()
            while self.running:
                event = pygame.event.wait()
                if event.type == pygame.QUIT or (event.type == pygame.KEYDOWN and event.key in
                                                 (pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_SPACE)):
                    break
                if event.type == pygame.MOUSEBUTTONUP:
                    break
        except Exception:  # noqa: BLE001 - the message itself failed: the console line stands
            pass
        return 1

    def write_log(self, details: str) -> Path | None:
        try:
            self.log_folder.mkdir(parents=True, exist_ok=True)
            path = self.log_folder / f"crash-{datetime.now().strftime('%Y%m%d-%H%M%S')}.log"
            path.write_text(details, encoding="utf-8")
            return path
        except OSError:
            return None


def start_in(state: GameState) -> Callable[[App], None]:
    """A start hook that opens the game at `state` (from --act or --scene) instead of the title."""
    def start(app: App) -> None:
        from .screens.scene import SceneScreen

        if app.story is not None and state.scene in app.story.scenes:
            app.new_session(state)
            app.reset_to(SceneScreen(app))
    return start


def run(story_path: str = "story", *, classroom: bool = False, state: GameState | None = None,
        dev: bool = False) -> int:
    """Open the window and play until the player quits; returns the process's exit status.
    With `state` (from --act or --scene), play starts there instead of at the title; with `dev`,
    Ctrl+R reloads the story."""
    app = App(story_path, classroom=classroom, start=start_in(state) if state is not None else None, dev=dev)
    code = app.run()
    pygame.quit()
    return code
