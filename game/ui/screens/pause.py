"""The pause menu (Esc): resume, save, load, settings, backlog, codex, main menu, quit."""
from __future__ import annotations

import pygame

from .. import text
from ..screen import Screen
from ..widgets import Button, modal


KEYS = ("1-9 choose · Enter continue · V class vote · H backlog · Backspace undo · G glossary · "
        "F5 quicksave · F9 quickload · F11 full screen")


class PauseScreen(Screen):
    opaque = False
    name = "pause"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.box = pygame.Rect(0, 0, 0, 0)
        self.focus.visible = True

    def save_report(self) -> None:
        self.dismiss()
        self.app.export_report()

    def layout(self) -> None:
        theme = self.theme
        items = [
            ("Resume", lambda: self.dismiss()),
            ("Save", self.open_saves),
            ("Load", self.open_loads),
            ("Settings", self.open_settings),
            ("Backlog", self.open_backlog),
            ("Codex", self.open_codex),
            ("Save report", self.save_report),
            ("Main menu", self.main_menu),
            ("Quit", self.quit),
        ]
        buttons = [Button(label, action) for label, action in items]
        width = min(round(theme.base * 14), theme.width - theme.margin * 2)
        inner = width - theme.unit * 6
        button_height = max(b.measure(theme, inner) for b in buttons)
        gap = max(4, theme.unit // 2)
        title_height = round(theme.size("title") * 1.4)
        self.keys = text.layout(KEYS, inner, theme.size("caption"), face="sans", line_height=1.35)
        keys_height = self.keys.height + theme.unit * 2
        height = theme.unit * 6 + title_height + len(buttons) * (button_height + gap) + keys_height
        if height > theme.height - theme.margin:  # short windows: two columns, and a wider box
            columns = 2
            width = min(round(theme.base * 24), theme.width - theme.margin * 2)
            inner = width - theme.unit * 6
            inner_col = (inner - theme.unit * 2) // 2
            self.keys = text.layout(KEYS, inner, theme.size("caption"), face="sans", line_height=1.35)
            keys_height = self.keys.height + theme.unit * 2
            height = theme.unit * 6 + title_height + (len(buttons) + 1) // 2 * (button_height + gap) + keys_height
        else:
            columns, inner_col = 1, inner
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = (theme.width // 2, theme.height // 2)
        top = self.box.y + theme.unit * 3 + title_height
        rows = (len(buttons) + columns - 1) // columns
        for i, button in enumerate(buttons):
            column, row = divmod(i, rows)
            button.rect = pygame.Rect(self.box.x + theme.unit * 3 + column * (inner_col + theme.unit * 2),
                                      top + row * (button_height + gap), inner_col, button_height)
        self.focus.set(buttons)

    # -- actions ----------------------------------------------------------------------------------
    def open_saves(self) -> None:
        from .saves import SavesScreen

        self.app.push(SavesScreen(self.app, mode="save"))

    def open_loads(self) -> None:
        from .saves import SavesScreen

        self.app.push(SavesScreen(self.app, mode="load"))

    def open_settings(self) -> None:
        from .settings import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def open_backlog(self) -> None:
        from .backlog import BacklogScreen

        self.app.push(BacklogScreen(self.app))

    def open_codex(self) -> None:
        from .codex import CodexScreen

        self.app.push(CodexScreen(self.app))

    def main_menu(self) -> None:
        from .title import TitleScreen

        self.app.autosave()
        self.app.session = None
        self.app.reset_to(TitleScreen(self.app))

    def quit(self) -> None:
        self.app.autosave()
        self.app.running = False

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.dismiss()
            return
        self.focus.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        theme, palette = self.theme, self.palette
        modal(surface, self.box, palette, theme)
        title = text.render("Paused", "serif", theme.size("title"), palette.ink)
        surface.blit(title, (self.box.x + theme.unit * 3, self.box.y + theme.unit * 2))
        self.focus.draw(surface, theme, palette, self.app.mouse)
        self.keys.draw(surface, (self.box.x + theme.unit * 3, self.box.bottom - theme.unit * 3 - self.keys.height),
                       palette.ink_soft)
