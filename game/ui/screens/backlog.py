"""The backlog (H, or the mouse wheel at the top of a page): the story so far, and rollback.

Each choice made is shown as it was read: when and where, the scene's prose (muted), the choice
taken and what came of it; the scene being played comes last. The backlog opens scrolled to the
bottom, the most recent. Wheel, arrows, PageUp/PageDown, Home/End and the scrollbar scroll it;
H, Esc, a click outside it or the wheel turned down past its end close it. "Undo last choice"
(or Backspace) goes back one choice, as often as the player likes, back to the start.

Long games give long backlogs, so every block of text is laid out once per layout (and kept in a
small cache across openings), and drawing only touches the blocks inside the view.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass

import pygame

from game.core.model import Story, date_label
from game.core.state import LogEntry

from .. import text
from ..screen import Screen
from ..theme import Palette, Theme, mix
from ..widgets import Button, ScrollView, modal

# Laid-out blocks, shared by every opening of the backlog: reopening it lays out only what is new.
_BLOCKS: "OrderedDict[tuple, text.Block]" = OrderedDict()
_BLOCK_CACHE_SIZE = 600


def cached_layout(words: str, width: int, size: int, face: str = "serif", line_height: float = 1.42) -> text.Block:
    key = (words, width, size, face, line_height)
    block = _BLOCKS.get(key)
    if block is None:
        block = text.layout(words, width, size, face=face, line_height=line_height)
        _BLOCKS[key] = block
        if len(_BLOCKS) > _BLOCK_CACHE_SIZE:
            _BLOCKS.popitem(last=False)
    else:
        _BLOCKS.move_to_end(key)
    return block


@dataclass
class Item:
    """One laid-out piece of the backlog, at `y` in the content."""

    y: int
    height: int
    block: text.Block | None  # None: a hairline between two choices
    color: str
    words: str = ""


class BacklogScreen(Screen):
    opaque = False
    name = "backlog"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.box = pygame.Rect(0, 0, 0, 0)
        self.items: list[Item] = []
        self._tops: list[int] = []
        self.scroller = ScrollView()
        self.undo_button = Button("Undo last choice (Backspace)", self.undo)
        self.close_button = Button("Close", lambda: self.dismiss(), key="Esc")
        self._laid_out = False

    # -- what the backlog says ------------------------------------------------------------------------
    def pieces(self) -> list[tuple[str, str, str]]:
        """(words, style, colour) from the first choice to the scene being played."""
        app = self.app
        story: Story | None = app.story
        session = app.session
        if story is None or session is None:
            return [("Nothing has happened yet.", "note", "ink_soft")]
        level = app.settings.content_level
        state = session.state
        out: list[tuple[str, str, str]] = []
        act = None
        for number, entry in enumerate(state.log):
            if number:
                out.append(("", "rule", "rule"))
            if entry.act != act:
                act = entry.act
                if act in story.acts:
                    out.append((story.acts[act].title, "act", "ink"))
            out.extend(self._entry_pieces(story, entry, level))
        if not state.log:
            out.append(("Nothing has happened yet: this is where the story begins.", "note", "ink_soft"))
        if self._shows_current_scene():
            scene = story.scenes.get(state.scene)
            if scene is not None:
                if state.log:
                    out.append(("", "rule", "rule"))
                if scene.act != act and scene.act in story.acts:
                    out.append((story.acts[scene.act].title, "act", "ink"))
                where = f"Now  ·  {date_label(scene.date, season=True)}  ·  {scene.place}"
                out.append((where.upper(), "kicker", "accent"))
                out.append((scene.text.get(level), "prose", "ink"))
        return out

    @staticmethod
    def _entry_pieces(story: Story, entry: LogEntry, level: str) -> list[tuple[str, str, str]]:
        scene = story.scenes.get(entry.scene)
        choice_text, outcome_text = entry.choice_text, entry.outcome
        place = ""
        pieces: list[tuple[str, str, str]] = []
        if scene is not None:
            place = scene.place
            if 0 <= entry.choice < len(scene.choices):
                choice = scene.choices[entry.choice]
                choice_text, outcome_text = choice.text.get(level), choice.outcome.get(level)
        where = date_label(entry.date, season=True) + (f"  ·  {place}" if place else "")
        pieces.append((where.upper(), "kicker", "ink_soft"))
        if scene is not None:
            pieces.append((scene.text.get(level), "prose", "ink_soft"))
        pieces.append((f"You chose: {choice_text}", "choice", "accent"))
        pieces.append((outcome_text, "prose", "ink"))
        return pieces

    def _shows_current_scene(self) -> bool:
        """The scene being played is shown unless the game under the backlog is still on the
        outcome of the last choice (the next scene has not been read yet)."""
        below = [screen for screen, _ in self.app.stack if screen is not self and screen.shows_game]
        return not below or below[-1].name != "outcome"

    # -- layout ---------------------------------------------------------------------------------------
    def layout(self) -> None:
        theme = self.theme
        unit = theme.unit
        pad = unit * 3
        width = min(theme.width - theme.margin * 2, theme.measure + pad * 2 + unit * 2)
        height = theme.height - theme.margin * 2
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = (theme.width // 2, theme.height // 2)

        buttons = [self.undo_button, self.close_button]
        self.undo_button.enabled = self.app.session is not None and bool(self.app.session.history)
        close_width = round(theme.base * 7)
        undo_width = min(self.box.width - pad * 2 - close_width - unit * 2, _label_width(self.undo_button, theme))
        button_height = max(self.undo_button.measure(theme, undo_width), self.close_button.measure(theme, close_width))
        y = self.box.bottom - pad - button_height
        self.undo_button.rect = pygame.Rect(self.box.x + pad, y, undo_width, button_height)
        self.close_button.rect = pygame.Rect(self.box.right - pad - close_width, y, close_width, button_height)
        self.focus.set(buttons, keep=True)
        if not self.undo_button.enabled and self.focus.current is self.undo_button:
            self.focus.index = 1

        title_height = round(theme.size("title") * 1.25)
        top = self.box.y + pad + title_height + unit * 2
        view = pygame.Rect(self.box.x + pad, top, self.box.width - pad * 2 - unit * 2, y - unit * 2 - top)
        track = pygame.Rect(self.box.right - pad + unit, view.y, max(3, unit // 2), view.height)
        was_at_end = not self._laid_out or self.scroller.at_end
        fraction = self.scroller.offset / max(1, self.scroller.limit)
        self._build(view.width)
        self.scroller.place(view, track, self._tops[-1] if self._tops else 0)
        self.scroller.scroll_to(self.scroller.limit if was_at_end else fraction * self.scroller.limit)
        self._laid_out = True

    def _build(self, width: int) -> None:
        theme = self.theme
        unit = theme.unit
        body, caption = theme.size("body"), theme.size("caption")
        items: list[Item] = []
        y = 0
        for words, style, color in self.pieces():
            if style == "rule":
                items.append(Item(y + unit * 2, unit * 4, None, color))
                y += unit * 4
                continue
            if style == "kicker":
                block = cached_layout(words, width, caption, face="sans", line_height=1.3)
                gap = unit
            elif style == "act":
                block = cached_layout(words, width, theme.size("lead"), line_height=1.25)
                gap = unit
            elif style == "choice":
                block = cached_layout(words, width, body, face="serif_italic")
                gap = unit * 2
            elif style == "note":
                block = cached_layout(words, width, body, face="serif_italic")
                gap = unit * 3
            else:
                block = cached_layout(words, width, body)
                gap = unit * 2
            items.append(Item(y, block.height, block, color, words))
            y += block.height + gap
        self.items = items
        self._tops = [item.y for item in items] + [max(0, y - unit)]

    # -- what the player sees of it (also used by the tests) -----------------------------------------
    def laid_out_text(self) -> str:
        """Every word laid out in the backlog, in order, as drawn."""
        def joined(runs) -> str:
            out, end, line = "", None, None
            for run in runs:  # a new line, or a gap in the reading-order index, is a space
                touching = end is not None and run.y == line and run.start == end
                out += ("" if end is None or touching else " ") + run.text
                end, line = run.start + len(run.text), run.y
            return out

        return "\n".join(joined(item.block.runs) for item in self.items if item.block)

    @property
    def at_bottom(self) -> bool:
        return self.scroller.at_end

    # -- actions --------------------------------------------------------------------------------------
    def undo(self) -> None:
        session = self.app.session
        if session is None or not session.rollback():
            self.app.notify("This is the beginning: there is nothing to undo.")
            return
        from .scene import SceneScreen

        self.app.reset_to(SceneScreen(self.app))
        self.app.notify("Went back one choice.")

    def scroll_by(self, pixels: float) -> None:
        if self.scroller.scroll_by(pixels):
            self.invalidate()

    def scroll_to(self, offset: float) -> None:
        if self.scroller.scroll_to(offset):
            self.invalidate()

    # -- input ----------------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        theme = self.theme
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key in (pygame.K_ESCAPE, pygame.K_h):
                self.dismiss()
                return
            if key == pygame.K_BACKSPACE:
                self.undo()
                return
            line = theme.line_height * 2
            page = self.scroller.view.height * 0.85
            steps = {pygame.K_UP: -line, pygame.K_DOWN: line, pygame.K_PAGEUP: -page, pygame.K_PAGEDOWN: page}
            if key in steps:
                self.scroll_by(steps[key])
                return
            if key == pygame.K_HOME:
                self.scroll_to(0)
                return
            if key == pygame.K_END:
                self.scroll_to(self.scroller.limit)
                return
            if key == pygame.K_SPACE and not self.focus.visible:
                self.scroll_by(-page if event.mod & pygame.KMOD_SHIFT else page)
                return
        if event.type == pygame.MOUSEWHEEL:
            if event.y < 0 and self.scroller.at_end:
                self.dismiss()  # wheel down past the end: back to the game, as it was opened
            else:
                self.scroll_by(-event.y * theme.line_height * 2)
            return
        if self.scroller.handle_mouse(event):
            self.invalidate()
            return
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and not self.box.collidepoint(event.pos):
            self.dismiss()
            return
        self.focus.handle(event)

    # -- drawing --------------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme, palette = self.theme, self.palette
        unit = theme.unit
        modal(surface, self.box, palette, theme)
        pad = unit * 3
        title = text.render("Backlog", "serif", theme.size("title"), palette.ink)
        surface.blit(title, (self.box.x + pad, self.box.y + pad - unit // 2))
        hint = text.render("H or Esc to close", "sans", theme.size("caption"), palette.ink_soft)
        surface.blit(hint, hint.get_rect(bottomright=(self.box.right - pad, self.box.y + pad + title.get_height()
                                                      - unit)))
        view = self.scroller.view
        pygame.draw.line(surface, palette.rule, (self.box.x + pad, view.y - unit),
                         (self.box.right - pad, view.y - unit))
        pygame.draw.line(surface, palette.rule, (self.box.x + pad, view.bottom + unit),
                         (self.box.right - pad, view.bottom + unit))
        self._draw_items(surface, theme, palette)
        self.scroller.draw(surface, palette)
        self.focus.draw(surface, theme, palette, self.app.mouse)

    def _draw_items(self, surface: pygame.Surface, theme: Theme, palette: Palette) -> None:
        view = self.scroller.view
        offset = round(self.scroller.offset)
        colors = {"ink": palette.ink, "ink_soft": palette.ink_soft, "accent": palette.accent,
                  "rule": palette.rule}
        clip = surface.get_clip()
        surface.set_clip(view.clip(clip))
        # The items are sorted by y: find the first one that reaches into the view, draw until past it.
        first = max(0, bisect_right(self._tops, offset) - 1)
        for item in self.items[first:]:
            top = view.y + item.y - offset
            if top > view.bottom:
                break
            if top + item.height < view.y:
                continue
            if item.block is None:
                middle = view.centerx
                span = theme.unit * 4
                pygame.draw.line(surface, mix(palette.rule, palette.paper, 0.2), (middle - span, top),
                                 (middle + span, top))
                continue
            item.block.draw(surface, (view.x, top), colors[item.color], emphasis=colors[item.color])
        surface.set_clip(clip)


def _label_width(button: Button, theme: Theme) -> int:
    """The width a menu button needs for its label on one line."""
    label = text.render(button.label, "sans", theme.size("ui"), (0, 0, 0))
    return label.get_width() + theme.unit * 4
