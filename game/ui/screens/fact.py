"""One fact in full: the claim, when, how reliable the sources are, and every source players
may see. Opened from the outcome's "In history" panel and from the codex. Esc or Enter closes.
"""
from __future__ import annotations

import pygame

from game.core.model import Fact

from .. import text
from ..screen import Screen
from ..widgets import Button, ScrollView, modal

RELIABILITY_WORDS = {
    "MULTI": "two or more independent sources agree",
    "SINGLE": "found in one source only",
    "SEED-ONLY": "found only in a short educational text",
    "DISPUTED": "sources disagree; the figures are given as a range",
    "PARTISAN": "part rests on a source with a strong political slant",
    "PRIMARY": "includes a document of the time, which shows what was claimed then",
    "COPY": "includes a book read through an unofficial copy",
}


class FactScreen(Screen):
    opaque = False
    name = "fact"

    def __init__(self, app, fact: Fact) -> None:
        super().__init__(app)
        self.fact = fact
        self.box = pygame.Rect(0, 0, 0, 0)
        self.blocks: list[tuple[text.Block, str]] = []
        self.scroller = ScrollView()

    def layout(self) -> None:
        theme = self.theme
        fact = self.fact
        level = self.app.settings.content_level
        width = min(theme.width - theme.margin * 2, round(theme.base * 34))
        inner = width - theme.unit * 6
        reliability = "; ".join(RELIABILITY_WORDS.get(tag, tag) for tag in fact.reliability)
        sources = "\n\n".join(f"• {s.cite}" for s in self.app.story.visible_sources(fact))
        parts = [
            (f"{fact.when.upper()}", "caption_sans", "accent"),
            (fact.title, "title", "ink"),
            (fact.claim.get(level), "body", "ink"),
            ("How sure is this? " + reliability[0].upper() + reliability[1:] + ".", "caption", "ink_soft"),
        ]
        if fact.note:
            parts.append(("About the sources: " + fact.note, "caption", "ink_soft"))
        parts.append(("Sources", "caption_sans", "accent"))
        parts.append((sources or "No source that can be shown.", "caption", "ink"))
        self.blocks = []
        for words, role, color in parts:
            if role == "caption_sans":
                block = text.layout(words, inner, theme.size("caption"), face="sans", line_height=1.3)
            elif role == "title":
                block = text.layout(words, inner, theme.size("title"), line_height=1.2)
            else:
                block = text.layout(words, inner, theme.size(role), line_height=1.4)
            self.blocks.append((block, color))
        content_height = sum(b.height + theme.unit * 2 for b, _ in self.blocks)
        close = Button("Close", lambda: self.dismiss(), key="Esc", style="small")
        button_height = close.measure(theme, round(theme.base * 8))
        height = min(theme.height - theme.margin * 2, content_height + button_height + theme.unit * 8)
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = (theme.width // 2, theme.height // 2)
        close.rect = pygame.Rect(self.box.right - theme.unit * 3 - round(theme.base * 8),
                                 self.box.bottom - theme.unit * 3 - button_height, round(theme.base * 8), button_height)
        self.focus.set([close], keep=False)
        top = self.box.y + theme.unit * 3
        view = pygame.Rect(self.box.x, top, self.box.width - theme.unit * 3, close.rect.top - theme.unit * 2 - top)
        track = pygame.Rect(self.box.right - theme.unit * 2, top, max(3, theme.unit // 2), view.height)
        self.scroller.place(view, track, content_height)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER,
                                                          pygame.K_SPACE, pygame.K_BACKSPACE):
            self.dismiss()
            return
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_DOWN, pygame.K_PAGEDOWN, pygame.K_UP, pygame.K_PAGEUP):
            step = self.theme.line_height * (1 if event.key in (pygame.K_DOWN, pygame.K_UP) else 8)
            self._scroll(step if event.key in (pygame.K_DOWN, pygame.K_PAGEDOWN) else -step)
            return
        if event.type == pygame.MOUSEWHEEL:
            self._scroll(-event.y * self.theme.line_height * 2)
            return
        if self.scroller.handle_mouse(event):
            self.invalidate()
            return
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and not self.box.collidepoint(event.pos):
            self.dismiss()
            return
        self.focus.handle(event)

    def _scroll(self, pixels: float) -> None:
        if self.scroller.scroll_by(pixels):
            self.invalidate()

    def draw(self, surface: pygame.Surface) -> None:
        theme, palette = self.theme, self.palette
        modal(surface, self.box, palette, theme)
        x = self.box.x + theme.unit * 3
        view = self.scroller.view
        clip = surface.get_clip()
        surface.set_clip(view)
        y = view.y - round(self.scroller.offset)
        colors = {"ink": palette.ink, "ink_soft": palette.ink_soft, "accent": palette.accent}
        for block, color in self.blocks:
            block.draw(surface, (x, y), colors[color], emphasis=palette.ink)
            y += block.height + theme.unit * 2
        surface.set_clip(clip)
        self.scroller.draw(surface, palette)  # shows that there is more to read
        self.focus.draw(surface, theme, palette, self.app.mouse)
