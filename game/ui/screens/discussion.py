"""Discussion pause: at the end of an act, in classroom mode, its prompts one by one, full screen.

Made for a projector and a teacher at the keyboard: the prompt in large type; T shows or hides
the teacher's note; 3, 5 or 0 starts a 3, 5 or 10 minute timer, shown as a large countdown that
turns to the accent colour at zero; Enter, Space or Right goes on (after the last prompt, back to
the game), Left goes back, Esc skips the rest. While a timer runs the screen wakes once a second
for it (a pygame timer event), and otherwise sleeps like every other screen.
"""
from __future__ import annotations

import time
from typing import Callable

import pygame

from game.core.model import Act

from .. import text
from ..screen import Screen
from ..widgets import Button, panel

TICK = pygame.USEREVENT + 7  # once a second while a timer runs
TIMER_KEYS = {pygame.K_3: 3, pygame.K_KP3: 3, pygame.K_5: 5, pygame.K_KP5: 5, pygame.K_0: 10, pygame.K_KP0: 10}


class DiscussionScreen(Screen):
    name = "discussion"

    def __init__(self, app, act: Act, then: Callable[[], None]) -> None:
        super().__init__(app)
        self.act = act
        self.then = then
        self.index = 0
        self.show_note = False
        self.note_offset = 0  # pixels of the note scrolled past, for a long note on a small screen
        self.timer_end: float | None = None
        self.timer_minutes = 0
        self._column = pygame.Rect(0, 0, 0, 0)
        self._blocks: dict[str, text.Block] = {}

    # -- state ------------------------------------------------------------------------------------
    @property
    def prompt(self):
        return self.act.discussion[self.index]

    def remaining(self) -> int | None:
        """Whole seconds left on the timer (0 when it has run out), or None with no timer."""
        if self.timer_end is None:
            return None
        return max(0, int(self.timer_end - time.monotonic() + 0.999))

    def start_timer(self, minutes: int) -> None:
        self.timer_minutes = minutes
        self.timer_end = time.monotonic() + minutes * 60
        pygame.time.set_timer(TICK, 1000)
        self.layout()
        self.invalidate()

    def stop_timer(self) -> None:
        self.timer_end = None
        pygame.time.set_timer(TICK, 0)

    def toggle_note(self) -> None:
        self.show_note = not self.show_note
        self.note_offset = 0
        self.layout()
        self.invalidate()

    def next(self) -> None:
        if self.index + 1 < len(self.act.discussion):
            self.index += 1
            self.show_note = False
            self.stop_timer()
            self.layout()
            self.invalidate()
        else:
            self.finish()

    def previous(self) -> None:
        if self.index > 0:
            self.index -= 1
            self.show_note = False
            self.stop_timer()
            self.layout()
            self.invalidate()

    def scroll_note(self, lines: int) -> None:
        step = round(self.theme.size("caption") * 1.35) * 2
        self.note_offset = max(0, min(self._note_overflow, self.note_offset + lines * step))
        self.invalidate()

    _note_overflow = 0

    def finish(self) -> None:
        self.stop_timer()
        self.then()

    # -- screen -----------------------------------------------------------------------------------
    def layout(self) -> None:
        theme = self.theme
        width = min(theme.width - theme.margin * 2, round(theme.base * 40))
        self._column = pygame.Rect((theme.width - width) // 2, theme.margin, width, theme.height - theme.margin * 2)
        count = len(self.act.discussion)
        big = round(theme.size("body") * 1.5)
        self._blocks = {
            "kicker": text.layout(f"{self.act.title.upper()} · TO DISCUSS", width, theme.size("caption"), face="sans"),
            "counter": text.layout(f"Question {self.index + 1} of {count}", width, theme.size("ui"), face="sans"),
            # With the note open the prompt steps down a size, so both fit above the buttons.
            "prompt": text.layout(self.prompt.prompt, width, theme.size("body") if self.show_note else big,
                                  line_height=1.35),
        }
        if self.show_note:
            self._blocks["note"] = text.layout(f"*Teacher's note.* {self.prompt.teacher_note}",
                                               width - theme.unit * 4, theme.size("caption"), line_height=1.35)
        last = self.index + 1 == count
        buttons = [
            Button("Note", self.toggle_note, key="T",
                   tooltip="The teacher's note on this question"),
            Button("3 min", lambda: self.start_timer(3), key="3"),
            Button("5 min", lambda: self.start_timer(5), key="5"),
            Button("10 min", lambda: self.start_timer(10), key="0"),
            Button("Continue" if last else "Next", self.next, key="Enter"),
        ]
        gap = theme.unit * 2
        widths = [b.badge_width(theme) + text.line(b.label, "sans", theme.size("ui"), (0, 0, 0)).get_width()
                  + theme.unit * 4 for b in buttons]
        if sum(widths) + gap * (len(buttons) - 1) > width:  # narrow: share the row
            widths = [(width - gap * (len(buttons) - 1)) // len(buttons)] * len(buttons)
        height = max(b.measure(theme, w) for b, w in zip(buttons, widths))
        x, y = self._column.x, self._column.bottom - height
        for button, w in zip(buttons[:-1], widths):
            button.rect = pygame.Rect(x, y, w, height)
            x += w + gap
        buttons[-1].rect = pygame.Rect(self._column.right - widths[-1], y, widths[-1], height)  # on its own, right
        self.focus.set(buttons, keep=True)
        if not self.focus.moved:
            self.focus.index = len(buttons) - 1

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEWHEEL and self.show_note:
            self.scroll_note(-event.y)
            return
        if event.type == TICK:
            if self.remaining() == 0:
                pygame.time.set_timer(TICK, 0)  # stays at 0:00 until the teacher moves on
            self.invalidate()
            return
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_ESCAPE:
                self.finish()
                return
            if key == pygame.K_t:
                self.toggle_note()
                return
            if key in TIMER_KEYS:
                self.start_timer(TIMER_KEYS[key])
                return
            if key in (pygame.K_RIGHT, pygame.K_PAGEDOWN) or (key == pygame.K_SPACE and not self.focus.visible):
                self.next()
                return
            if key in (pygame.K_LEFT, pygame.K_PAGEUP, pygame.K_BACKSPACE):
                self.previous()
                return
            if key in (pygame.K_UP, pygame.K_DOWN) and self.show_note:
                self.scroll_note(-1 if key == pygame.K_UP else 1)
                return
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                current = self.focus.current if self.focus.visible else None
                (current.action if current is not None else self.next)()
                return
        self.focus.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        theme, palette = self.theme, self.palette
        surface.fill(palette.paper)
        x, y = self._column.x, self._column.y
        self._blocks["kicker"].draw(surface, (x, y), palette.accent)
        y += self._blocks["kicker"].height + theme.unit
        self._blocks["counter"].draw(surface, (x, y), palette.ink_soft)
        remaining = self.remaining()
        if remaining is not None:
            clock = f"{remaining // 60}:{remaining % 60:02d}"
            colour = palette.accent if remaining == 0 else palette.ink
            rendered = text.line(clock, "sans_bold", round(theme.size("title") * 1.2), colour)
            surface.blit(rendered, rendered.get_rect(topright=(self._column.right, self._column.y)))
        y += self._blocks["counter"].height + theme.unit * 3
        self._blocks["prompt"].draw(surface, (x, y), palette.ink, emphasis=palette.ink)
        y += self._blocks["prompt"].height + theme.unit * 3
        note = self._blocks.get("note")
        if note is not None:
            bottom = self.focus.buttons[0].rect.y - theme.unit * 2
            inner = bottom - y - theme.unit * 3
            self._note_overflow = max(0, note.height - inner)
            box = pygame.Rect(x, y, self._column.width, min(note.height, inner) + theme.unit * 3)
            panel(surface, box, palette, theme)
            clip = surface.get_clip()
            surface.set_clip(box.inflate(0, -theme.unit))
            note.draw(surface, (x + theme.unit * 2, y + theme.unit * 3 // 2 - self.note_offset), palette.ink,
                      emphasis=palette.accent)
            surface.set_clip(clip)
            if self._note_overflow:  # say there is more, inside the box's bottom edge
                more = "Down: more" if self.note_offset < self._note_overflow else "Up: back"
                rendered = text.line(more, "sans", theme.size("caption"), palette.accent)
                tag = rendered.get_rect(bottomright=(box.right - theme.unit, box.bottom - theme.unit // 2))
                pygame.draw.rect(surface, palette.card, tag.inflate(theme.unit * 2, theme.unit // 2))
                surface.blit(rendered, tag)
        self.focus.draw(surface, theme, palette, self.app.mouse)
