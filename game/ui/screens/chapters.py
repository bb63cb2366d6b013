"""Chapters: every act of the story in order, to be played alone from the act's own start state.

Each act is a card: a small picture of its art, its number, title, length and summary. Choosing
one (a click, Enter on the focused card, or its number key) shows the same content note as a new
game, then starts the act in a new session. Arrows and Tab move between the cards and Back;
Page Up, Page Down and the mouse wheel scroll a long list; Esc goes back to the title.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.core.model import Act

from .. import assets, flow, text
from ..screen import Screen
from ..theme import mix
from ..widgets import Button, ScrollView, focus_ring, panel

DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}


@dataclass
class Card:
    """One act on the page. Positions are relative to the card's top-left corner."""

    act: Act
    number: int
    button: Button
    y: int = 0  # top, relative to the top of the scrolled list
    height: int = 0
    art: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))  # empty when there is no room
    text_x: int = 0
    title: text.Block | None = None
    length: text.Block | None = None
    summary: text.Block | None = None


def minutes_label(minutes: int) -> str:
    return f"about {minutes} minute" + ("" if minutes == 1 else "s")


class ChaptersScreen(Screen):
    name = "chapters"

    def __init__(self, app) -> None:
        super().__init__(app)
        acts = list(app.story.acts.values()) if app.story is not None else []
        self.cards = [Card(act, n, Button(f"{n}. {act.title}", (lambda a=act.id: self.choose(a)), key=str(n)))
                      for n, act in enumerate(acts, 1)]
        self.back = Button("Back", lambda: self.dismiss(), key="Esc", style="small")
        self.column = pygame.Rect(0, 0, 0, 0)
        self.viewport = pygame.Rect(0, 0, 0, 0)
        self.scroller = ScrollView()
        self.subtitle: text.Block | None = None
        self.focus.visible = True

    # -- actions ----------------------------------------------------------------------------------
    def choose(self, act_id: str) -> None:
        if self.app.story is None or act_id not in self.app.story.acts:
            return
        flow.ask_then_start(self.app, act_id)

    # -- layout -----------------------------------------------------------------------------------
    def layout(self) -> None:
        theme = self.theme
        unit = theme.unit
        width = min(theme.width - theme.margin * 2, max(unit * 84, round(theme.base * 34)))
        self.column = pygame.Rect((theme.width - width) // 2, theme.margin, width, theme.height - theme.margin * 2)
        back_height = self.back.measure(theme, round(theme.base * 6))
        back_width = self.back.badge_width(theme) + text.render("Back", "sans", theme.size("caption"),
                                                                 (0, 0, 0)).get_width() + unit * 4
        self.back.rect = pygame.Rect(self.column.right - back_width, self.column.y, back_width, back_height)
        title_height = round(theme.size("title") * 1.25)
        self.subtitle = text.layout("Play one act on its own, from where it begins.", width - back_width - unit * 2,
                                    theme.size("body"), face="serif_italic", line_height=1.3)
        top = self.column.y + title_height + self.subtitle.height + unit * 3
        hint_height = round(theme.size("caption") * 1.4) + unit
        self.viewport = pygame.Rect(self.column.x, top, width, self.column.bottom - hint_height - top)

        pad = unit * 2
        show_art = not (self.app.settings.high_contrast or self.app.settings.classroom_mode)
        art_width = round(width * 0.28) if show_art else 0
        if art_width and width - art_width - pad * 3 < theme.base * 14:
            art_width = 0  # not enough room beside it for the words: leave the picture out
        text_x = pad + (art_width + pad if art_width else 0)
        text_width = width - text_x - pad
        badge = self.cards[0].button.badge_width(theme) if self.cards else 0
        y = theme.focus_width + 1  # room for the first card's focus ring
        for card in self.cards:
            act = card.act
            card.art = pygame.Rect(pad, pad, art_width, round(art_width * 9 / 16)) if art_width else \
                pygame.Rect(0, 0, 0, 0)
            card.text_x = text_x
            card.title = text.layout(act.title, text_width - badge, theme.size("lead"), line_height=1.25)
            card.length = text.layout(minutes_label(act.minutes), text_width, theme.size("caption"), face="sans",
                                      line_height=1.3)
            card.summary = text.layout(act.summary, text_width, theme.size("body"), line_height=1.35) \
                if act.summary else None
            words = card.title.height + unit // 2 + card.length.height \
                + (unit + card.summary.height if card.summary else 0)
            card.y = y
            card.height = max(words, card.art.height) + pad * 2
            y += card.height + unit * 2
        content_height = y - unit * 2 + theme.focus_width + 1 if self.cards else 0
        track = pygame.Rect(self.viewport.right + unit + unit // 2, self.viewport.y, max(3, unit // 2),
                            self.viewport.height)
        self.scroller.place(self.viewport, track, content_height)
        index = self.focus.index
        self.focus.set([card.button for card in self.cards] + [self.back])
        self.focus.index = min(index, len(self.focus.buttons) - 1)  # a resize keeps the player's place
        self._place()
        self.scroll_to_focus()

    def _place(self) -> None:
        top = self.viewport.y - round(self.scroller.offset)
        for card in self.cards:
            card.button.rect = pygame.Rect(self.viewport.x, top + card.y, self.viewport.width, card.height)

    def scroll_by(self, pixels: float) -> None:
        if self.scroller.scroll_by(pixels):
            self._place()
            self.invalidate()

    def scroll_to_focus(self) -> None:
        current = self.focus.current
        if current is None or current is self.back or not self.focus.visible:
            return
        gap = self.theme.focus_width + 1
        if current.rect.bottom + gap > self.viewport.bottom:
            self.scroll_by(min(current.rect.bottom + gap - self.viewport.bottom,
                               current.rect.top - gap - self.viewport.top))  # a tall card shows its top
        elif current.rect.top - gap < self.viewport.top:
            self.scroll_by(current.rect.top - gap - self.viewport.top)

    # -- input ------------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.dismiss()
                return
            if event.key in DIGITS:
                number = DIGITS[event.key]
                if number <= len(self.cards):
                    self.focus.index = number - 1
                    self.choose(self.cards[number - 1].act.id)
                return
            if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
                self.scroll_by(self.viewport.height * 0.8 * (1 if event.key == pygame.K_PAGEDOWN else -1))
                return
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_by(-event.y * self.theme.line_height * 2)
            return
        if self.scroller.handle_mouse(event):
            self._place()
            self.invalidate()
            return
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and not self.back.rect.collidepoint(event.pos) \
                and not self.viewport.collidepoint(event.pos):
            return  # a card scrolled out of the list's window cannot be clicked
        if self.focus.handle(event) and event.type == pygame.KEYDOWN:
            self.scroll_to_focus()

    # -- drawing ----------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme, palette = self.theme, self.palette
        unit = theme.unit
        surface.fill(palette.paper)
        x = self.column.x
        title = text.render("Chapters", "serif", theme.size("title"), palette.ink)
        surface.blit(title, (x, self.column.y - round(theme.size("title") * 0.15)))
        assert self.subtitle is not None
        self.subtitle.draw(surface, (x, self.column.y + round(theme.size("title") * 1.25)), palette.ink_soft)
        rule_y = self.viewport.y - unit - unit // 2
        pygame.draw.line(surface, palette.accent, (x, rule_y), (x + unit * 8, rule_y), max(2, unit // 3))

        mouse = self.app.mouse
        clip = surface.get_clip()
        surface.set_clip(self.viewport.inflate(unit * 2, 0).clip(clip))
        for i, card in enumerate(self.cards):
            rect = card.button.rect
            if rect.bottom < self.viewport.top or rect.top > self.viewport.bottom:
                continue
            hovered = mouse is not None and rect.collidepoint(mouse) and self.viewport.collidepoint(mouse)
            self._draw_card(surface, card, hovered=hovered,
                            focused=self.focus.visible and self.focus.index == i)
        surface.set_clip(clip)
        self.scroller.draw(surface, palette)
        self.back.draw(surface, theme, palette, hovered=mouse is not None and self.back.rect.collidepoint(mouse),
                       focused=self.focus.visible and self.focus.current is self.back)
        if not self.cards:
            note = text.render("This story has no acts to choose from.", "serif_italic", theme.size("body"),
                               palette.ink_soft)
            surface.blit(note, (x, self.viewport.y + unit))
        hint = text.line("Number keys or Enter begin an act.  Esc goes back.", "sans", theme.size("caption"),
                         mix(palette.ink_soft, palette.paper, 0.15))
        if hint.get_width() <= self.column.width:
            surface.blit(hint, hint.get_rect(bottomleft=(x, self.column.bottom)))

    def _draw_card(self, surface: pygame.Surface, card: Card, *, hovered: bool, focused: bool) -> None:
        theme, palette = self.theme, self.palette
        unit = theme.unit
        rect = card.button.rect
        fill = mix(palette.card, palette.accent2, 0.18) if hovered else palette.card
        panel(surface, rect, palette, theme, fill=fill, border=palette.accent2 if hovered else palette.rule)
        if card.art.width:
            art_rect = card.art.move(rect.topleft)
            art = assets.image_cover(assets.art_for_act(card.act.id), art_rect.width, art_rect.height)
            if art is not None:
                surface.blit(art, art_rect)
                pygame.draw.rect(surface, palette.rule, art_rect, width=1)
            else:
                pygame.draw.rect(surface, mix(palette.paper, palette.rule, 0.35), art_rect)
        x = rect.x + card.text_x
        y = rect.y + unit * 2
        assert card.title is not None and card.length is not None
        badge_size = card.button.badge_width(theme)
        badge = pygame.Rect(x, y + (round(theme.size("lead") * 1.25) - round(theme.size("ui") * 1.3)) // 2,
                            badge_size - unit, round(theme.size("ui") * 1.3))
        pygame.draw.rect(surface, palette.ink, badge, border_radius=theme.radius)
        label = text.render(str(card.number), "sans_bold", theme.size("caption"), palette.card)
        surface.blit(label, label.get_rect(center=badge.center))
        card.title.draw(surface, (x + badge_size, y), palette.ink)
        y += card.title.height + unit // 2
        card.length.draw(surface, (x, y), palette.accent)
        y += card.length.height
        if card.summary is not None:
            card.summary.draw(surface, (x, y + unit), palette.ink)
        if focused:
            focus_ring(surface, rect, palette, theme)

