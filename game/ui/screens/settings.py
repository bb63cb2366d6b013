"""Settings: text size, text speed, fullscreen, volume, high contrast, reduced motion and the
content level, over the game as a modal card.

Each row is a label on the left and a stepper on the right. Up, Down and Tab move between the
rows and the Done button; Left and Right change the focused row; Enter or Space steps it on
(wrapping); a click on a stepper's arrows steps that way and a click elsewhere on a row steps it
on. Every change is applied and saved at once, so the whole interface, and the preview paragraph
below the rows, re-wraps as the text size changes. Esc or Done closes.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable

import pygame
from pygame import gfxdraw

from game.core.settings import TEXT_SIZES, TEXT_SPEEDS, Settings

from .. import text
from ..screen import Screen
from ..theme import mix
from ..widgets import Button, ScrollView, focus_ring, modal, panel

SIZE_NAMES = ("Small", "Standard", "Large", "Larger", "Largest")
SPEED_NAMES = ("Instant", "Slow", "Medium", "Fast", "Very fast")
CLASSROOM_NOTE = "Leaves out the most graphic documented details; the facts stay."

PREVIEW = ("The bell at the brigade office rang twice before dawn. Old Zhao was already at the granary "
           "door with a lamp, counting sacks under his breath, for the commune wanted the figures by "
           "noon and the figures had to be *bigger* than last year's. Behind him the threshing floor "
           "lay swept and empty, and somewhere in the village a child was crying for breakfast.")

# Names of settings as the player knows them, for the line about values reset from a damaged file.
FIELD_NAMES = {
    "text_size": "text size", "text_speed": "text speed", "fullscreen": "fullscreen",
    "window_size": "window size", "volume": "volume", "high_contrast": "high contrast",
    "reduced_motion": "reduced motion", "content_level": "content level", "classroom_mode": "classroom mode",
}

assert len(SIZE_NAMES) == len(TEXT_SIZES) and len(SPEED_NAMES) == len(TEXT_SPEEDS)


@dataclass
class Row:
    """One setting: its field in Settings, the values it steps through, and where it is drawn."""

    label: str
    setting: str  # the field of Settings
    options: tuple[tuple[Any, str], ...]  # (value, what the player reads)
    hint: Callable[[Settings], str] | None = None
    ordered: bool = False  # a scale (sizes, speeds, volume): drawn with a bar showing how far along
    button: Button | None = None  # the focus ring's entry; its rect is the row on screen
    y: int = 0  # top, relative to the top of the scrolled content
    height: int = 0
    label_block: text.Block | None = None
    hint_block: text.Block | None = None
    control: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))  # the stepper on screen

    def index(self, settings: Settings) -> int:
        value = getattr(settings, self.setting)
        for i, (option, _name) in enumerate(self.options):
            if option == value and type(option) is type(value):
                return i
        if isinstance(value, (int, float)):  # a volume of 0.63 from an old file: the nearest step
            return min(range(len(self.options)), key=lambda i: abs(self.options[i][0] - value))
        return 0


def _rows() -> list[Row]:
    def speed_hint(settings: Settings) -> str:
        return "Reduced motion is on: text appears at once." if settings.reduced_motion and settings.text_speed \
            else ""

    def level_hint(settings: Settings) -> str:
        return CLASSROOM_NOTE if settings.content_level == "classroom" else "Classroom: " + CLASSROOM_NOTE[0].lower() \
            + CLASSROOM_NOTE[1:]

    return [
        Row("Text size", "text_size", tuple(enumerate(SIZE_NAMES)), ordered=True),
        Row("Text speed", "text_speed", tuple(enumerate(SPEED_NAMES)), hint=speed_hint, ordered=True),
        Row("Fullscreen", "fullscreen", ((False, "Off"), (True, "On")),
            hint=lambda s: "F11 switches at any time. The window keeps its size."),
        Row("Volume", "volume", tuple((round(i / 10, 1), f"{i * 10}%") for i in range(11)), ordered=True),
        Row("High contrast", "high_contrast", ((False, "Off"), (True, "On")),
            hint=lambda s: ("The classroom projector layout keeps high contrast on." if s.classroom_mode
                            else "Black on white, for projectors and tired eyes.")),
        Row("Reduced motion", "reduced_motion", ((False, "Off"), (True, "On")),
            hint=lambda s: "No typing out, no moving meters."),
        Row("Content level", "content_level", (("full", "Full"), ("classroom", "Classroom")), hint=level_hint),
    ]


def reset_line(reset: list[str]) -> str:
    """The quiet line about settings that could not be read: 'Reset to defaults ...: volume.'"""
    if not reset:
        return ""
    whole = next((r for r in reset if r.startswith("all settings")), None)
    if whole is not None:
        detail = whole[len("all settings"):].strip()
        return "All settings were reset to their defaults" + (f" {detail}." if detail else ".")
    names = ", ".join(FIELD_NAMES.get(name, name.replace("_", " ")) for name in reset)
    return f"Reset to defaults because the settings file had a bad value: {names}."


class SettingsScreen(Screen):
    opaque = False
    name = "settings"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.rows = _rows()
        for row in self.rows:
            row.button = Button(row.label, (lambda r=row: self.step(r, 1, wrap=True)))
        self.done = Button("Done", lambda: self.dismiss(), key="Esc", style="small")
        self.box = pygame.Rect(0, 0, 0, 0)
        self.viewport = pygame.Rect(0, 0, 0, 0)  # where the rows and the preview scroll
        self.scroller = ScrollView()
        self.content_height = 0
        self.note: text.Block | None = None  # the reset line
        self.preview: text.Block | None = None
        self.preview_y = 0  # top of the preview card, relative to the content
        self.control_width = 0
        self.control_height = 0
        self.focus.visible = True

    # -- values -----------------------------------------------------------------------------------
    def step(self, row: Row, delta: int, wrap: bool = False) -> None:
        settings = self.app.settings
        count = len(row.options)
        index = row.index(settings) + delta
        index = index % count if wrap else max(0, min(count - 1, index))
        value = row.options[index][0]
        if value == getattr(settings, row.setting) and type(value) is type(getattr(settings, row.setting)):
            return
        self.app.apply_settings(replace(settings, **{row.setting: value}))  # saves, and lays every screen out again
        self.invalidate()

    # -- layout -----------------------------------------------------------------------------------
    def layout(self) -> None:
        theme = self.theme
        unit = theme.unit
        settings = self.app.settings
        width = min(theme.width - theme.margin * 2, max(unit * 72, round(theme.base * 28)))
        inner = width - unit * 6
        ui = theme.size("ui")
        caption = theme.size("caption")
        # Every stepper is as wide as the widest value, so the controls line up in one column.
        widest = max(text.render(name, "sans", ui, (0, 0, 0)).get_width() for row in self.rows
                     for _v, name in row.options)
        self.control_height = round(ui * 1.4) + unit * 2  # the value, and under it the scale's bar
        self.control_width = min(round(inner * 0.55), widest + self.control_height * 2 + unit * 2)
        label_width = max(unit * 8, inner - self.control_width - unit * 3)

        y = theme.focus_width + 1  # room for the first row's focus ring
        reset = reset_line(list(self.app.settings_reset))
        self.note = text.layout(reset, inner, caption, face="serif_italic", line_height=1.3) if reset else None
        if self.note is not None:
            y += self.note.height + unit * 2
        for row in self.rows:
            row.label_block = text.layout(row.label, label_width, ui, face="sans", line_height=1.3)
            hint = row.hint(settings) if row.hint else ""
            row.hint_block = text.layout(hint, label_width, caption, face="serif_italic", line_height=1.3) \
                if hint else None
            words = row.label_block.height + (row.hint_block.height + unit // 3 if row.hint_block else 0)
            row.y = y
            row.height = max(words, self.control_height) + unit * 2
            y += row.height
        y += unit * 3
        self.preview_y = y + round(caption * 1.3) + unit
        self.preview = text.layout(PREVIEW, inner - unit * 4, theme.size("body"))
        y = self.preview_y + self.preview.height + unit * 4 + theme.focus_width
        self.content_height = y

        title_height = round(theme.size("title") * 1.3)
        done_height = self.done.measure(theme, round(theme.base * 6))
        chrome = unit * 2 + title_height + unit + unit * 2 + done_height + unit * 3
        height = min(theme.height - theme.margin * 2, chrome + self.content_height)
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = (theme.width // 2, theme.height // 2)
        top = self.box.y + unit * 2 + title_height + unit
        done_width = self.done.badge_width(theme) + text.render("Done", "sans", caption, (0, 0, 0)).get_width() \
            + unit * 4
        self.done.rect = pygame.Rect(self.box.right - unit * 3 - done_width, self.box.bottom - unit * 3 - done_height,
                                     done_width, done_height)
        self.viewport = pygame.Rect(self.box.x + unit * 3, top, inner, self.done.rect.y - unit * 2 - top)
        index = self.focus.index
        self.focus.set([row.button for row in self.rows] + [self.done])
        self.focus.index = index  # the same rows every time: a click or a change keeps its place
        track = pygame.Rect(self.viewport.right + unit + unit // 2, self.viewport.y, max(3, unit // 2),
                            self.viewport.height)
        self.scroller.place(self.viewport, track, self.content_height)
        self._place()
        self.scroll_to_focus()

    def _place(self) -> None:
        """Put the rows' rects where they are on screen for the current scroll."""
        top = self.viewport.y - round(self.scroller.offset)
        for row in self.rows:
            assert row.button is not None
            row.button.rect = pygame.Rect(self.viewport.x, top + row.y, self.viewport.width, row.height)
            control = pygame.Rect(0, 0, self.control_width, self.control_height)
            control.midright = (row.button.rect.right - self.theme.unit, row.button.rect.centery)
            row.control = control

    def scroll_by(self, pixels: float) -> None:
        if self.scroller.scroll_by(pixels):
            self._place()
            self.invalidate()

    def scroll_to_focus(self) -> None:
        current = self.focus.current
        if current is None or not self.focus.visible:
            return
        if current is self.done:  # Done sits below the preview: show the preview on the way out
            self.scroll_by(self.scroller.limit - self.scroller.offset)
            return
        gap = self.theme.focus_width + 1
        if current.rect.bottom + gap > self.viewport.bottom:
            self.scroll_by(current.rect.bottom + gap - self.viewport.bottom)
        elif current.rect.top - gap < self.viewport.top:
            self.scroll_by(current.rect.top - gap - self.viewport.top)

    # -- input ------------------------------------------------------------------------------------
    def focused_row(self) -> Row | None:
        current = self.focus.current
        return next((row for row in self.rows if row.button is current), None)

    def handle(self, event: pygame.event.Event) -> None:
        if self.scroller.handle_mouse(event):  # dragging or clicking the scrollbar
            self._place()
            self.invalidate()
            return
        if event.type == pygame.KEYDOWN:
            self._key(event)
        elif event.type == pygame.MOUSEWHEEL:
            self.scroll_by(-event.y * self.theme.line_height * 2)
        elif event.type == pygame.MOUSEMOTION:
            if self.focus.visible:
                self.focus.visible = False
                self.invalidate()
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self._click(event.pos)

    def _key(self, event: pygame.event.Event) -> None:
        key = event.key
        if key == pygame.K_ESCAPE:
            self.dismiss()
            return
        if key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.scroll_by(self.viewport.height * 0.8 * (1 if key == pygame.K_PAGEDOWN else -1))
            return
        if key in (pygame.K_HOME, pygame.K_END):
            self.scroll_by(-self.scroller.offset if key == pygame.K_HOME else self.scroller.limit - self.scroller.offset)
            return
        moves = {pygame.K_UP: -1, pygame.K_DOWN: 1,
                 pygame.K_TAB: -1 if event.mod & pygame.KMOD_SHIFT else 1}
        if key in moves:
            self.focus.move(moves[key], wrap=key == pygame.K_TAB)
            self.scroll_to_focus()
            self.invalidate()
            return
        if not self.focus.visible:  # the first key shows where the focus is before it changes anything
            if key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.focus.visible = True
                self.scroll_to_focus()
                self.invalidate()
            return
        row = self.focused_row()
        if key in (pygame.K_LEFT, pygame.K_RIGHT) and row is not None:
            self.step(row, -1 if key == pygame.K_LEFT else 1)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            current = self.focus.current
            if current is not None:
                current.action()

    def _click(self, pos: tuple[int, int]) -> None:
        if self.done.rect.collidepoint(pos):
            self.dismiss()
            return
        if not self.box.collidepoint(pos):
            self.dismiss()  # a click on the veil closes, as with the other cards
            return
        if not self.viewport.collidepoint(pos):
            return
        for i, row in enumerate(self.rows):
            assert row.button is not None
            if not row.button.rect.collidepoint(pos):
                continue
            self.focus.index = i
            left, right = self._arrows(row)
            if left.collidepoint(pos):
                self.step(row, -1)
            elif right.collidepoint(pos):
                self.step(row, 1)
            else:
                self.step(row, 1, wrap=True)
            self.invalidate()
            return

    def _arrows(self, row: Row) -> tuple[pygame.Rect, pygame.Rect]:
        control = row.control
        side = self.control_height
        return (pygame.Rect(control.x, control.y, side, control.height),
                pygame.Rect(control.right - side, control.y, side, control.height))

    # -- drawing ----------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme, palette = self.theme, self.palette
        unit = theme.unit
        modal(surface, self.box, palette, theme)
        x = self.box.x + unit * 3
        title = text.render("Settings", "serif", theme.size("title"), palette.ink)
        surface.blit(title, (x, self.box.y + unit * 2))

        clip = surface.get_clip()
        # The focus ring may stand a little outside a row, so the clip is wider than the column.
        surface.set_clip(self.viewport.inflate(unit * 2, 0).clip(clip))
        top = self.viewport.y - round(self.scroller.offset)
        if self.note is not None:
            self.note.draw(surface, (x, top + theme.focus_width + 1), palette.ink_soft)
        mouse = self.app.mouse
        focused = self.focused_row() if self.focus.visible else None
        for i, row in enumerate(self.rows):
            self._draw_row(surface, row, hovered=mouse is not None and row.button.rect.collidepoint(mouse)
                           and self.viewport.collidepoint(mouse), focused=row is focused, first=i == 0)
        self._draw_preview(surface, x, top)
        surface.set_clip(clip)
        self.scroller.draw(surface, palette)

        self.done.draw(surface, theme, palette, hovered=mouse is not None and self.done.rect.collidepoint(mouse),
                       focused=self.focus.visible and self.focus.current is self.done)
        hint = text.line("Up and Down choose, Left and Right change", "sans", theme.size("caption"),
                         mix(palette.ink_soft, palette.paper, 0.15))
        if hint.get_width() < self.done.rect.x - x - unit * 2:
            surface.blit(hint, hint.get_rect(midleft=(x, self.done.rect.centery)))

    def _draw_row(self, surface: pygame.Surface, row: Row, *, hovered: bool, focused: bool, first: bool) -> None:
        theme, palette = self.theme, self.palette
        unit = theme.unit
        assert row.button is not None and row.label_block is not None
        rect = row.button.rect
        if rect.bottom < self.viewport.top or rect.top > self.viewport.bottom:
            return
        if hovered:
            pygame.draw.rect(surface, mix(palette.paper, palette.accent2, 0.12), rect, border_radius=theme.radius)
        if not first:
            pygame.draw.line(surface, palette.rule, (rect.x, rect.y), (rect.right - 1, rect.y))
        words = row.label_block.height + (row.hint_block.height + unit // 3 if row.hint_block else 0)
        y = rect.centery - words // 2
        row.label_block.draw(surface, (rect.x + unit, y), palette.ink)
        if row.hint_block is not None:
            row.hint_block.draw(surface, (rect.x + unit, y + row.label_block.height + unit // 3), palette.ink_soft)
        self._draw_stepper(surface, row)
        if focused:
            focus_ring(surface, rect, palette, theme)

    def _draw_stepper(self, surface: pygame.Surface, row: Row) -> None:
        theme, palette = self.theme, self.palette
        unit = theme.unit
        control = row.control
        index = row.index(self.app.settings)
        panel(surface, control, palette, theme, fill=palette.card, shadow=False)
        left, right = self._arrows(row)
        mouse = self.app.mouse
        for part, direction, live in ((left, -1, index > 0), (right, 1, index < len(row.options) - 1)):
            color = palette.ink if live else mix(palette.rule, palette.card, 0.3)
            if live and mouse is not None and part.collidepoint(mouse):
                color = palette.accent
            _triangle(surface, part, direction, max(4, round(self.control_height * 0.16)), color)
        value_area = pygame.Rect(left.right, control.y, right.x - left.right, control.height)
        name = row.options[index][1]
        label = text.line(name, "sans", theme.size("ui"), palette.ink)
        if row.ordered:
            bar_height = max(3, unit // 3)
            label_rect = label.get_rect(midtop=(value_area.centerx, control.y + unit // 3))
            surface.blit(label, label_rect)
            track = pygame.Rect(value_area.x + unit, control.bottom - unit - bar_height // 2,
                                value_area.width - unit * 2, bar_height)
            pygame.draw.rect(surface, palette.rule, track, border_radius=bar_height)
            filled = track.copy()
            filled.width = max(bar_height, round(track.width * index / max(1, len(row.options) - 1)))
            pygame.draw.rect(surface, palette.ink_soft, filled,
                             border_radius=bar_height)
        else:
            surface.blit(label, label.get_rect(center=value_area.center))

    def _draw_preview(self, surface: pygame.Surface, x: int, top: int) -> None:
        theme, palette = self.theme, self.palette
        unit = theme.unit
        assert self.preview is not None
        heading_y = self.preview_y - round(theme.size("caption") * 1.3) - unit
        heading = text.line("PREVIEW", "sans", theme.size("caption"), palette.accent)
        surface.blit(heading, (x, top + heading_y))
        card = pygame.Rect(x, top + self.preview_y, self.viewport.width, self.preview.height + unit * 4)
        panel(surface, card, palette, theme, fill=palette.card, shadow=False)
        self.preview.draw(surface, (card.x + unit * 2, card.y + unit * 2), palette.ink, emphasis=palette.ink)


def _triangle(surface: pygame.Surface, rect: pygame.Rect, direction: int, size: int, color) -> None:
    """A small arrowhead pointing left (-1) or right (1), centred in rect, smoothed at the edges."""
    cx, cy = rect.center
    tip = cx + direction * size
    back = cx - direction * size
    points = [(tip, cy), (back, cy - round(size * 1.2)), (back, cy + round(size * 1.2))]
    gfxdraw.aapolygon(surface, points, color)
    gfxdraw.filled_polygon(surface, points, color)
