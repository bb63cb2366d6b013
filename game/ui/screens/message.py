"""A modal message: a title, some text, and buttons that dismiss it with a result.

Used for the content note before play, confirmations, and errors the player should read.
Enter takes the first button (unless focus is elsewhere), Esc the last.
"""
from __future__ import annotations

from typing import Any

import pygame

from .. import text
from ..screen import Screen
from ..widgets import Button, modal


class MessageScreen(Screen):
    opaque = False
    name = "message"

    def __init__(self, app, title: str, body: str, buttons: list[tuple[str, Any]] | None = None) -> None:
        super().__init__(app)
        self.title = title
        self.body = body
        self.choices = buttons or [("OK", None)]
        self.box = pygame.Rect(0, 0, 0, 0)
        self.block: text.Block | None = None
        self.focus.visible = True

    def layout(self) -> None:
        theme = self.theme
        width = min(theme.width - theme.margin * 2, round(theme.base * 30))
        inner = width - theme.unit * 6
        self.block = text.layout(self.body, inner, theme.size("body"))
        buttons = [Button(label, (lambda r=result: self.dismiss(r)), key="" if i else "Enter")
                   for i, (label, result) in enumerate(self.choices)]
        button_height = max(b.measure(theme, inner // max(1, len(buttons))) for b in buttons)
        title_height = round(theme.size("title") * 1.3)
        height = theme.unit * 3 + title_height + theme.unit * 2 + self.block.height + theme.unit * 3 \
            + button_height + theme.unit * 3
        height = min(height, theme.height - theme.margin * 2)
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = (theme.width // 2, theme.height // 2)
        gap = theme.unit * 2
        button_width = (inner - gap * (len(buttons) - 1)) // len(buttons)
        y = self.box.bottom - theme.unit * 3 - button_height
        for i, button in enumerate(buttons):
            button.rect = pygame.Rect(self.box.x + theme.unit * 3 + i * (button_width + gap), y, button_width,
                                      button_height)
        self.focus.set(buttons, keep=False)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.dismiss(self.choices[-1][1])
                return
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                current = self.focus.current
                (current.action if current is not None else (lambda: self.dismiss(self.choices[0][1])))()
                return
        self.focus.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        theme, palette = self.theme, self.palette
        modal(surface, self.box, palette, theme)
        x, y = self.box.x + theme.unit * 3, self.box.y + theme.unit * 3
        title = text.line(self.title, "serif", theme.size("title"), palette.ink)
        surface.blit(title, (x, y))
        y += round(theme.size("title") * 1.3) + theme.unit * 2
        assert self.block is not None
        clip = surface.get_clip()
        surface.set_clip(pygame.Rect(x, y, self.box.width, self.focus.buttons[0].rect.y - y - theme.unit))
        self.block.draw(surface, (x, y), palette.ink, emphasis=palette.ink)
        surface.set_clip(clip)
        self.focus.draw(surface, theme, palette, self.app.mouse)
