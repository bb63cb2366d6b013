"""What the scene and outcome screens share: the page, the act's art, the header, the stat
meters, prose revealed by the typewriter, scrolling, and glossary definitions on hover or focus.

A reading screen is a column of `Part`s (header, prose, buttons, panels) laid out top to bottom
in the page's body and scrolled as one when it is taller than the window.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pygame

from game.core.model import Scene, date_label

from . import assets, text
from .page import Page, draw_art, page_layout
from .screen import Screen
from .theme import mix
from .widgets import Button, Meter, ScrollView, panel


@dataclass
class Part:
    """One piece of a reading column, placed at `y` (relative to the column's top)."""

    kind: str  # "prose" | "caption" | "button" | "panel" | "gap"
    height: int
    y: int = 0
    block: text.Block | None = None
    button: Button | None = None
    draw: Callable[[pygame.Surface, pygame.Rect], None] | None = None
    color: str = "ink"
    typewriter: bool = False


@dataclass
class ReadingState:
    parts: list[Part] = field(default_factory=list)
    revealed: float = 0.0  # characters of the typewriter prose shown so far
    total: int = 0


class ReadingScreen(Screen):
    shows_game = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.reading = ReadingState()
        self.scroller = ScrollView()
        self.page: Page | None = None
        self.meters: list[Meter] = []
        self.glossary = _matcher(app)
        self.hover_term: int | None = None
        self.term_anchor: tuple[int, int] | None = None  # where a term chosen by keyboard sits

    # -- to be provided by the screen ----------------------------------------------------------------
    @property
    def scene(self) -> Scene:
        raise NotImplementedError

    def build(self, width: int) -> list[Part]:
        """The column's parts for a column `width` pixels wide."""
        raise NotImplementedError

    # -- layout ---------------------------------------------------------------------------------------
    def layout(self) -> None:
        self.app.set_mood(self.scene.date)
        theme = self.theme
        self.page = page_layout(theme)
        self._sync_meters(animate=False)
        parts = self.build(self.page.body.width)
        y = 0
        total = 0
        for part in parts:
            part.y = y
            y += part.height
            if part.typewriter and part.block is not None:
                total += part.block.chars
        self.reading.parts = parts
        self.reading.total = total
        if self.app.settings.chars_per_second == 0:
            self.reading.revealed = total
        self.reading.revealed = min(self.reading.revealed, total)
        body = self.page.body
        track = pygame.Rect(self.page.column.right + theme.unit, body.y, max(3, theme.unit // 2), body.height)
        self.scroller.place(body, track, y)
        self._place_buttons()

    def _sync_meters(self, animate: bool) -> None:
        story = self.app.story
        state = self.app.session.state
        if not self.meters:
            self.meters = [Meter(stat.label, stat.min, stat.max, state.stats[name], state.stats[name])
                           for name, stat in story.stats.items()]
        for meter, name in zip(self.meters, story.stats):
            meter.set(state.stats[name], animate and not self.app.settings.reduced_motion)

    def _place_buttons(self) -> None:
        assert self.page is not None
        top = self.page.body.y - round(self.scroller.offset)
        buttons = []
        for part in self.reading.parts:
            if part.button is not None:
                part.button.rect = pygame.Rect(self.page.body.x, top + part.y, self.page.body.width,
                                               part.height - self.theme.unit)
                buttons.append(part.button)
        self.focus.set(buttons)

    # -- text helpers for build() ---------------------------------------------------------------------
    def header_parts(self, width: int, label: str | None = None) -> list[Part]:
        theme = self.theme
        scene = self.scene
        act = self.app.story.acts.get(scene.act)
        parts = []
        kicker = label or (act.title if act else "")
        if kicker:
            parts.append(Part("caption", round(theme.size("caption") * 1.6),
                              block=text.layout(kicker.upper(), width, theme.size("caption"), face="sans",
                                                line_height=1.3), color="accent"))
        where = f"{date_label(scene.date, season=True)}  ·  {scene.place}"
        block = text.layout(where, width, theme.size("lead"), face="serif_italic", line_height=1.3)
        parts.append(Part("caption", block.height + theme.unit * 2, block=block, color="ink_soft"))
        return parts

    def prose_part(self, words: str, width: int, typewriter: bool = True) -> Part:
        theme = self.theme
        block = text.layout(words, width, theme.size("body"), glossary=self.glossary)
        return Part("prose", block.height + theme.unit * 2, block=block, typewriter=typewriter)

    def gap(self, units: int) -> Part:
        return Part("gap", self.theme.unit * units)

    # -- typewriter and scrolling ---------------------------------------------------------------------
    @property
    def text_done(self) -> bool:
        return self.reading.revealed >= self.reading.total

    def complete_text(self) -> None:
        self.reading.revealed = self.reading.total
        self.invalidate()

    def scroll_by(self, pixels: float) -> None:
        if self.scroller.scroll_by(pixels):
            self._place_buttons()
            self.invalidate()

    def scroll_to_focus(self) -> None:
        button = self.focus.current
        if button is None or self.page is None or not self.focus.visible:
            return
        body = self.page.body
        if button.rect.bottom > body.bottom:
            self.scroll_by(button.rect.bottom - body.bottom + self.theme.unit)
        elif button.rect.top < body.top:
            self.scroll_by(button.rect.top - body.top - self.theme.unit)

    @property
    def at_top(self) -> bool:
        return self.scroller.offset <= 0

    def update(self, dt: float) -> bool:
        moving = any(meter.update(dt) for meter in self.meters)
        speed = self.app.settings.chars_per_second
        if not self.text_done:
            if speed == 0:
                self.reading.revealed = self.reading.total
            else:
                self.reading.revealed = min(self.reading.total, self.reading.revealed + speed * dt)
            moving = True
        return moving

    def handle_reading_keys(self, event: pygame.event.Event) -> bool:
        """Keys and wheel every reading screen shares. True if the event was used."""
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                from .screens.pause import PauseScreen

                self.hover_term, self.term_anchor = None, None  # no definition left open under the menu
                self.app.push(PauseScreen(self.app))
                return True
            if event.key == pygame.K_h:
                self.open_backlog()
                return True
            if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
                assert self.page is not None
                self.scroll_by(self.page.body.height * 0.8 * (1 if event.key == pygame.K_PAGEDOWN else -1))
                return True
            if event.key == pygame.K_BACKSPACE:
                self.rollback()
                return True
        if event.type == pygame.MOUSEWHEEL:
            if event.y > 0 and self.at_top:
                self.open_backlog()
            else:
                self.scroll_by(-event.y * self.theme.line_height * 2)
            return True
        if self.scroller.handle_mouse(event):
            self._place_buttons()
            self.invalidate()
            return True
        if event.type == pygame.MOUSEMOTION:
            self.hover_term = self._term_at(event.pos)
            self.term_anchor = None
        if event.type == pygame.KEYDOWN and event.key == pygame.K_g:
            self.next_term(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        return False

    def visible_terms(self) -> list[tuple[int, pygame.Rect]]:
        """Glossary terms marked on the page and in view, in reading order, with screen rects."""
        if self.page is None:
            return []
        top = self.page.body.y - round(self.scroller.offset)
        found = []
        for part in self.reading.parts:
            if part.block is None:
                continue
            for term, rect in part.block.terms:
                placed = rect.move(self.page.body.x, top + part.y)
                if self.page.body.colliderect(placed):
                    found.append((term, placed))
        return found

    def next_term(self, step: int) -> None:
        """G (Shift+G back) steps through the marked terms: the keyboard's way to a definition."""
        terms = self.visible_terms()
        if not terms:
            self.app.notify("No glossary terms on this page; the codex (Esc, then Codex) lists them all.")
            return
        order = [term for term, _rect in terms]
        index = order.index(self.hover_term) + step if self.hover_term in order else (0 if step > 0 else -1)
        if not 0 <= index < len(order):
            self.hover_term, self.term_anchor = None, None  # past the last term: close the definition
        else:
            self.hover_term = order[index]
            rect = terms[index][1]
            self.term_anchor = (rect.x, rect.bottom)
        self.invalidate()

    def open_backlog(self) -> None:
        from .screens.backlog import BacklogScreen

        self.app.push(BacklogScreen(self.app))

    def rollback(self) -> None:
        session = self.app.session
        if session is not None and session.rollback():
            from .screens.scene import SceneScreen

            self.app.replace(SceneScreen(self.app))
            self.app.notify("Went back one choice.")
        else:
            self.app.notify("This is the beginning: there is nothing to undo.")

    def _term_at(self, pos: tuple[int, int]) -> int | None:
        if self.page is None:
            return None
        top = self.page.body.y - round(self.scroller.offset)
        for part in self.reading.parts:
            if part.block is None or not part.block.terms:
                continue
            for term, rect in part.block.terms:
                if rect.move(self.page.body.x, top + part.y).collidepoint(pos):
                    return term
        return None

    # -- drawing ---------------------------------------------------------------------------------------
    def art_name(self) -> str:
        return assets.art_for_act(self.scene.act)

    def draw(self, surface: pygame.Surface) -> None:
        theme, palette = self.theme, self.palette
        page = self.page
        assert page is not None
        surface.fill(palette.paper)
        draw_art(surface, page, self.art_name(), palette,
                 high_contrast=self.app.settings.high_contrast or self.app.settings.classroom_mode)
        self.draw_hud(surface)
        clip = surface.get_clip()
        surface.set_clip(page.body)
        top = page.body.y - round(self.scroller.offset)
        budget = self.reading.revealed
        colors = {"ink": palette.ink, "ink_soft": palette.ink_soft, "accent": palette.accent}
        term_color = mix(palette.ink, palette.accent, 0.55)
        typing = not self.text_done
        for part in self.reading.parts:
            rect = pygame.Rect(page.body.x, top + part.y, page.body.width, part.height)
            if rect.bottom < page.body.top or rect.top > page.body.bottom:
                if part.typewriter and part.block is not None:
                    budget -= part.block.chars
                continue
            if part.kind in ("prose", "caption") and part.block is not None:
                visible = None
                if part.typewriter:
                    visible = max(0, int(budget))
                    budget -= part.block.chars
                part.block.draw(surface, rect.topleft, colors[part.color], emphasis=palette.ink,
                                term_color=term_color, visible=visible, highlight=self.hover_term,
                                highlight_color=palette.accent)
            elif part.kind == "panel" and part.draw is not None:
                if not typing:
                    part.draw(surface, rect)
        if not typing:
            self.focus.draw(surface, theme, palette, self.app.mouse)
        surface.set_clip(clip)
        self.scroller.draw(surface, palette)
        if self.hover_term is not None:
            self._draw_definition(surface, self.hover_term)

    def draw_hud(self, surface: pygame.Surface) -> None:
        page = self.page
        assert page is not None
        theme, palette = self.theme, self.palette
        if not self.meters or page.hud.height == 0:
            return
        gap = theme.unit * 2
        width = (page.hud.width - gap * (len(self.meters) - 1)) // len(self.meters)
        for i, meter in enumerate(self.meters):
            meter.draw(surface, pygame.Rect(page.hud.x + i * (width + gap), page.hud.y, width, page.hud.height),
                       theme, palette)
        pygame.draw.line(surface, palette.rule, (page.hud.x, page.hud.bottom + theme.unit),
                         (page.hud.right, page.hud.bottom + theme.unit))

    def _draw_definition(self, surface: pygame.Surface, term_index: int) -> None:
        theme, palette = self.theme, self.palette
        term = self.app.story.glossary[term_index]
        width = min(round(theme.base * 20), theme.width - theme.margin * 2)
        inner = width - theme.unit * 4
        head = text.layout(f"*{term.term}*\n\n{term.hanzi}  {term.pinyin}", inner, theme.size("ui"), face="sans",
                           line_height=1.3, paragraph_gap=0.1)
        body = text.layout(term.definition, inner, theme.size("caption") if not theme.projector else theme.size("body"),
                           face="serif", line_height=1.35)
        box = pygame.Rect(0, 0, width, head.height + body.height + theme.unit * 5)
        anchor = self.term_anchor or self.app.mouse or (theme.width // 2, theme.height // 2)
        box.topleft = (anchor[0] + theme.unit * 2, anchor[1] + theme.unit * 2)
        box.clamp_ip(surface.get_rect().inflate(-theme.unit * 2, -theme.unit * 2))
        panel(surface, box, palette, theme, fill=palette.paper, border=palette.accent2)
        head.draw(surface, (box.x + theme.unit * 2, box.y + theme.unit * 2), palette.ink)
        body.draw(surface, (box.x + theme.unit * 2, box.y + theme.unit * 3 + head.height), palette.ink)


def _matcher(app) -> text.GlossaryMatcher | None:
    story = app.story
    if story is None or not story.glossary:
        return None
    cached = getattr(app, "_glossary_matcher", None)
    if cached is not None and cached[0] is story:
        return cached[1]
    matcher = text.GlossaryMatcher((i, (term.term, *term.aliases)) for i, term in enumerate(story.glossary))
    app._glossary_matcher = (story, matcher)
    return matcher
