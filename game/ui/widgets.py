"""Interface pieces shared by the screens: buttons with a focus ring, meters, panels, and the
keyboard focus that moves among them.

Focus is shown only once the player uses the keyboard (Tab, arrows) and hides again when the
mouse moves, as in a browser's :focus-visible: mouse players see a clean page, keyboard players
always see where they are.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pygame

from . import text
from .theme import Color, Palette, Theme, mix


def panel(surface: pygame.Surface, rect: pygame.Rect, palette: Palette, theme: Theme, *, fill: Color | None = None,
          border: Color | None = None, shadow: bool = True) -> None:
    """A card on the page: a soft offset shadow, the card, a hairline border."""
    radius = theme.radius
    if shadow:
        shade = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(shade, (*palette.shade, 38), shade.get_rect(), border_radius=radius)
        offset = max(2, theme.unit // 3)
        surface.blit(shade, rect.move(offset, offset))
    pygame.draw.rect(surface, fill or palette.card, rect, border_radius=radius)
    pygame.draw.rect(surface, border or palette.rule, rect, width=1, border_radius=radius)


def modal(surface: pygame.Surface, box: pygame.Rect, palette: Palette, theme: Theme) -> None:
    """A dialog over the game: the page below veiled in shade, then a paper card."""
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill((*palette.shade, 120))
    surface.blit(veil, (0, 0))
    panel(surface, box, palette, theme, fill=palette.paper)


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, palette: Palette, theme: Theme) -> None:
    gap = theme.focus_width + 1
    pygame.draw.rect(surface, palette.accent, rect.inflate(gap * 2, gap * 2), width=theme.focus_width,
                     border_radius=theme.radius + gap)


def blit_line(surface: pygame.Surface, words: str, face: str, size: int, color: Color, pos: tuple[int, int],
              *, anchor: str = "topleft") -> pygame.Rect:
    rendered = text.line(words, face, size, color)
    rect = rendered.get_rect(**{anchor: pos})
    surface.blit(rendered, rect)
    return rect


@dataclass
class Button:
    """A clickable, focusable control. `key` is the number or letter shown as its shortcut."""

    label: str
    action: Callable[[], None]
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    key: str = ""
    note: str = ""  # a second line: why a choice is locked, what a slot holds
    enabled: bool = True
    style: str = "menu"  # menu | choice | small
    tooltip: str = ""
    _block: text.Block | None = None

    def measure(self, theme: Theme, width: int) -> int:
        """Lay the label out for `width` pixels; returns the height the button needs."""
        pad = theme.unit * (2 if self.style == "choice" else 1)
        face, size = self.face(theme)
        inner = width - pad * 2 - (self.badge_width(theme) if self.key else 0)
        self._block = text.layout(self.label, max(40, inner), size, face=face, line_height=1.3)
        height = self._block.height + pad * 2 - (theme.unit // 2 if self.style != "choice" else 0)
        if self.note:
            note_block = text.layout(self.note, max(40, inner), theme.size("caption"), face="serif_italic",
                                     line_height=1.25)
            height += note_block.height + theme.unit // 2
        return max(height, theme.size(self.face(theme)[0] == "sans" and "ui" or "body") + pad * 2)

    def face(self, theme: Theme) -> tuple[str, int]:
        if self.style == "choice":
            return "serif", theme.size("body")
        if self.style == "small":
            return "sans", theme.size("caption")
        return "sans", theme.size("ui")

    def badge_width(self, theme: Theme) -> int:
        """Room for the shortcut badge: wide enough for 'Esc' as well as '1'."""
        label = text.render(self.key, "sans_bold", theme.size("caption"), (0, 0, 0)).get_width()
        return max(round(theme.size("ui") * 1.9), label + theme.unit * 3)

    def draw(self, surface: pygame.Surface, theme: Theme, palette: Palette, *, hovered: bool, focused: bool) -> None:
        if self._block is None or self._block.width > self.rect.width:
            self.measure(theme, self.rect.width)
        fill = palette.card
        border = palette.rule
        ink = palette.ink if self.enabled else palette.ink_soft
        if hovered and self.enabled:
            fill = mix(palette.card, palette.accent2, 0.18)
            border = palette.accent2
        panel(surface, self.rect, palette, theme, fill=fill, border=border, shadow=self.style != "small")
        pad = theme.unit * (2 if self.style == "choice" else 1)
        x = self.rect.x + pad
        face, size = self.face(theme)
        if self.key:
            badge = pygame.Rect(x, self.rect.y + pad, self.badge_width(theme) - theme.unit, round(size * 1.3))
            pygame.draw.rect(surface, palette.ink if self.enabled else palette.rule, badge,
                             border_radius=theme.radius)
            blit_line(surface, self.key, "sans_bold", theme.size("caption"), palette.card, badge.center,
                      anchor="center")
            x += self.badge_width(theme)
        assert self._block is not None
        y = self.rect.y + pad - (theme.unit // 4 if self.style != "choice" else 0)
        if self.style != "choice" and not self.note:
            y = self.rect.centery - self._block.height // 2
        self._block.draw(surface, (x, y), ink)
        if self.note:
            note_y = y + self._block.height + theme.unit // 3
            note = text.layout(self.note, self.rect.right - pad - x, theme.size("caption"), face="serif_italic",
                               line_height=1.25)
            note.draw(surface, (x, note_y), palette.ink_soft)
        if focused:
            focus_ring(surface, self.rect, palette, theme)


class FocusRing:
    """Which of a screen's buttons has keyboard focus, and whether to show it."""

    def __init__(self) -> None:
        self.buttons: list[Button] = []
        self.index = 0
        self.visible = False
        self.moved = False  # the player has moved the focus: keep it where they put it

    def set(self, buttons: list[Button], keep: bool = True) -> None:
        current = self.current
        self.buttons = buttons
        if keep and self.moved and current is not None:
            for i, button in enumerate(buttons):
                if button.label == current.label:
                    self.index = i
                    return
        self.index = next((i for i, b in enumerate(buttons) if b.enabled), 0)

    @property
    def current(self) -> Button | None:
        return self.buttons[self.index] if 0 <= self.index < len(self.buttons) else None

    def move(self, step: int, wrap: bool = True) -> None:
        """Move to the next usable button. The first key press only shows a hidden ring.
        Arrows stop at the ends (Up from the first item must not land on Quit); Tab wraps."""
        if not self.buttons:
            return
        self.moved = True
        if not self.visible:
            self.visible = True
            return
        index = self.index
        for _ in range(len(self.buttons)):
            index += step
            if not wrap and not 0 <= index < len(self.buttons):
                return
            index %= len(self.buttons)
            if self.buttons[index].enabled or self.buttons[index].style == "choice":
                self.index = index
                return

    def handle(self, event: pygame.event.Event) -> bool:
        """Tab, arrows, Enter and Space; mouse hover and click. True if the event was used."""
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_TAB:
                self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                return True
            if event.key in (pygame.K_DOWN, pygame.K_RIGHT):
                self.move(1, wrap=False)
                return True
            if event.key in (pygame.K_UP, pygame.K_LEFT):
                self.move(-1, wrap=False)
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                # Enter takes the focused item even when the ring is hidden after mouse use.
                button = self.current
                if button is not None and button.enabled:
                    button.action()
                return True
        elif event.type == pygame.MOUSEMOTION:
            self.visible = False
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for button in self.buttons:
                if button.enabled and button.rect.collidepoint(event.pos):
                    self.index = self.buttons.index(button)
                    button.action()
                    return True
        return False

    def hovered(self, pos: tuple[int, int] | None) -> Button | None:
        if pos is None:
            return None
        for button in self.buttons:
            if button.rect.collidepoint(pos):
                return button
        return None

    def draw(self, surface: pygame.Surface, theme: Theme, palette: Palette, mouse: tuple[int, int] | None) -> None:
        over = self.hovered(mouse)
        for i, button in enumerate(self.buttons):
            button.draw(surface, theme, palette, hovered=button is over,
                        focused=self.visible and i == self.index)


@dataclass
class Meter:
    """A labelled stat meter. A change animates the bar and shows +N or -N for a moment."""

    label: str
    low: int
    high: int
    value: float
    target: int
    delta: int = 0
    flash: float = 0.0  # seconds the +/- stays visible
    track: pygame.Rect | None = None  # where the bar was last drawn

    def set(self, value: int, animate: bool) -> None:
        if value != self.target:
            self.delta = value - self.target
            self.flash = 2.5 if animate else 0.0
        self.target = value
        if not animate:
            self.value = value

    def update(self, dt: float) -> bool:
        """Advance the animation; True while something still moves."""
        moving = False
        if abs(self.value - self.target) > 0.01:
            step = max(abs(self.target - self.value) * min(1.0, dt * 5), (self.high - self.low) * dt * 0.25)
            self.value = self.target if abs(self.target - self.value) <= step else \
                self.value + step * (1 if self.target > self.value else -1)
            moving = True
        if self.flash > 0:
            self.flash = max(0.0, self.flash - dt)
            moving = True
        return moving

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, theme: Theme, palette: Palette) -> None:
        size = theme.size("caption")
        label = text.render(self.label, "sans", size, palette.ink_soft)
        surface.blit(label, (rect.x, rect.y))
        value = text.render(str(self.target), "sans_bold", size, palette.ink)
        surface.blit(value, (rect.right - value.get_width(), rect.y))
        if self.flash > 0 and self.delta:
            sign = f"+{self.delta}" if self.delta > 0 else str(self.delta)
            badge = text.render(sign, "sans_bold", size, palette.good if self.delta > 0 else palette.bad)
            surface.blit(badge, (rect.right - value.get_width() - badge.get_width() - theme.unit // 2, rect.y))
        track = pygame.Rect(rect.x, rect.y + label.get_height() + theme.unit // 3, rect.width,
                            max(4, theme.unit // 2))
        if sum(abs(a - b) for a, b in zip(palette.rule, palette.ink)) < 90:
            # High contrast draws hairlines in ink: a solid track would hide the bar, so the track
            # is an outline on the paper and the bar fills it.
            track.height = max(track.height, 8)
            pygame.draw.rect(surface, palette.paper, track, border_radius=track.height // 2)
            pygame.draw.rect(surface, palette.rule, track, width=2, border_radius=track.height // 2)
        else:
            pygame.draw.rect(surface, palette.rule, track, border_radius=track.height // 2)
        self.track = track
        span = max(1, self.high - self.low)
        filled = track.copy()
        filled.width = max(0, round(track.width * (self.value - self.low) / span))
        if filled.width:
            pygame.draw.rect(surface, palette.ink, filled, border_radius=track.height // 2)


class ScrollView:
    """A vertically scrolled view onto `content` pixels, with a scrollbar that can be dragged."""

    def __init__(self) -> None:
        self.view = pygame.Rect(0, 0, 0, 0)
        self.track = pygame.Rect(0, 0, 0, 0)
        self.content = 0
        self.offset = 0.0
        self._grab: int | None = None  # where on the thumb the mouse holds it, while dragging

    def place(self, view: pygame.Rect, track: pygame.Rect, content: int) -> None:
        self.view, self.track, self.content = view, track, content
        self.offset = min(self.offset, self.limit)

    @property
    def limit(self) -> int:
        return max(0, self.content - self.view.height)

    @property
    def at_end(self) -> bool:
        return self.offset >= self.limit - 1

    @property
    def needed(self) -> bool:
        return self.content > self.view.height

    def scroll_to(self, offset: float) -> bool:
        new = min(float(self.limit), max(0.0, offset))
        changed = abs(new - self.offset) > 0.01
        self.offset = new
        return changed

    def scroll_by(self, pixels: float) -> bool:
        return self.scroll_to(self.offset + pixels)

    def reveal(self, top: int, bottom: int, pad: int = 0) -> bool:
        """Scroll the least needed so content from `top` to `bottom` is in view."""
        if bottom + pad > self.offset + self.view.height:
            return self.scroll_to(bottom + pad - self.view.height)
        if top - pad < self.offset:
            return self.scroll_to(top - pad)
        return False

    def thumb(self) -> pygame.Rect:
        height = max(self.track.width * 4, round(self.track.height * self.view.height / max(1, self.content)))
        height = min(height, self.track.height)
        y = self.track.y + round((self.track.height - height) * self.offset / max(1, self.limit))
        return pygame.Rect(self.track.x, y, self.track.width, height)

    def handle_mouse(self, event: pygame.event.Event) -> bool:
        """Drag the thumb, or click the track to jump there. True if the event was used."""
        if not self.needed:
            return False
        grip = self.track.inflate(self.track.width * 4, 0)  # a thin bar is hard to hit: widen it
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and grip.collidepoint(event.pos):
            thumb = self.thumb()
            if not thumb.collidepoint((thumb.x, event.pos[1])):
                self._drag_to(event.pos[1] - thumb.height // 2)
                thumb = self.thumb()
            self._grab = event.pos[1] - thumb.y
            return True
        if event.type == pygame.MOUSEMOTION and self._grab is not None:
            self._drag_to(event.pos[1] - self._grab)
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self._grab is not None:
            self._grab = None
            return True
        return False

    def _drag_to(self, thumb_y: int) -> None:
        room = self.track.height - self.thumb().height
        self.scroll_to((thumb_y - self.track.y) / max(1, room) * self.limit)

    def draw(self, surface: pygame.Surface, palette: Palette) -> None:
        if not self.needed:
            return
        radius = self.track.width // 2
        pygame.draw.rect(surface, palette.rule, self.track, border_radius=radius)
        color = palette.ink if self._grab is not None else palette.ink_soft
        pygame.draw.rect(surface, color, self.thumb(), border_radius=radius)
