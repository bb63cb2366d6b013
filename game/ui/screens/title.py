"""The title screen: the village at dawn, the game's name, and the way in.

New game (after the content note), Continue (the latest autosave), Load, Chapters, Settings and
Quit. When the story cannot be loaded, the screen says so and lists the first problems, so a
writer who broke a file sees why instead of a blank window.
"""
from __future__ import annotations

import pygame

from .. import assets, flow, text
from ..screen import Screen
from ..theme import mix
from ..widgets import Button, panel


SUBTITLE = "A brigade secretary in Henan, 1958-1962"


class TitleScreen(Screen):
    name = "title"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.card = pygame.Rect(0, 0, 0, 0)
        self.focus.visible = True

    # -- actions ------------------------------------------------------------------------------------
    def new_game(self) -> None:
        flow.ask_then_start(self.app)

    def continue_game(self) -> None:
        self.app.load_slot("auto")

    def load(self) -> None:
        from .saves import SavesScreen

        self.app.push(SavesScreen(self.app, mode="load"))

    def chapters(self) -> None:
        from .chapters import ChaptersScreen

        self.app.push(ChaptersScreen(self.app))

    def toggle_classroom(self) -> None:
        """The projector layout with discussion pauses; turning it on also chooses the classroom
        content level, which stays as the teacher leaves it when the mode is turned off."""
        from dataclasses import replace

        on = not self.app.settings.classroom_mode
        changed = replace(self.app.settings, classroom_mode=on)
        if on:
            changed = replace(changed, content_level="classroom")
        self.app.apply_settings(changed)
        self.app.notify("Classroom mode is on: projector layout, discussion after each act." if on
                        else "Classroom mode is off.")

    def settings(self) -> None:
        from .settings import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def quit(self) -> None:
        self.app.running = False

    # -- layout -------------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """The first frame is drawn before the story is read: show the name, not greyed buttons."""
        return self.app.story is None and not self.app.story_errors

    def layout(self) -> None:
        theme = self.theme
        ready = self.app.story is not None
        has_autosave = ready and self.app.saves.path("auto").exists()
        items = []
        if has_autosave:
            items.append(Button("Continue", self.continue_game))
        items += [
            Button("New game", self.new_game, enabled=ready),
            Button("Load", self.load, enabled=ready),
            Button("Chapters", self.chapters, enabled=ready and bool(self.app.story.acts) if ready else False),
            Button("Classroom mode: " + ("on" if self.app.settings.classroom_mode else "off"),
                   self.toggle_classroom,
                   tooltip="Projector layout, class discussion pauses and the classroom content level"),
            Button("Settings", self.settings),
            Button("Quit", self.quit),
        ]
        subtitle = text.render(SUBTITLE, "serif_italic", theme.size("lead"), (0, 0, 0)).get_width()
        name = text.render("Iron and Grain", "serif", theme.size("display"), (0, 0, 0)).get_width()
        width = min(max(round(theme.base * 15), subtitle, name) + theme.unit * 6, theme.width - theme.margin * 2)
        inner = width - theme.unit * 6
        button_height = max(b.measure(theme, inner) for b in items)
        gap = theme.unit
        title_height = round(theme.size("display") * 1.15) + round(theme.size("lead") * 1.6) + theme.unit * 3
        errors_height = 0 if ready or not self.app.story_errors else round(theme.size("caption") * 1.4 * 7)
        hint_height = round(theme.size("caption") * 1.5) + theme.unit
        height = theme.unit * 4 + title_height + errors_height + len(items) * (button_height + gap) \
            + hint_height + theme.unit * 2
        columns, column_width = 1, inner
        if height > theme.height - theme.margin * 2:  # a short window: the menu in two columns
            columns = 2
            width = min(theme.width - theme.margin * 2, width + inner // 2 + theme.unit * 2)
            inner = width - theme.unit * 6
            column_width = (inner - theme.unit * 2) // 2
            button_height = max(b.measure(theme, column_width) for b in items)
            rows = (len(items) + 1) // 2
            height = theme.unit * 4 + title_height + errors_height + rows * (button_height + gap) \
                + hint_height + theme.unit * 2
        wide = theme.width / theme.height >= 1.45
        self.card = pygame.Rect(0, 0, width, min(height, theme.height - theme.margin * 2))
        if wide:
            self.card.midleft = (theme.margin * 2, theme.height // 2)
        else:
            self.card.center = (theme.width // 2, theme.height // 2)
        top = self.card.y + theme.unit * 4 + title_height + errors_height
        rows = (len(items) + columns - 1) // columns
        for i, button in enumerate(items):
            column, row = divmod(i, rows)
            x = self.card.x + theme.unit * 3 + column * (column_width + theme.unit * 2)
            button.rect = pygame.Rect(x, top + row * (button_height + gap), column_width, button_height)
        self.focus.set([] if self.loading else items)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return  # the title is the bottom of the stack: Esc does nothing here
        self.focus.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        theme, palette = self.theme, self.palette
        surface.fill(palette.paper)
        art = None if self.app.story is None else assets.image_cover("title.png", theme.width, theme.height)
        if art is not None and not self.app.settings.high_contrast:
            surface.blit(art, (0, 0))
        panel(surface, self.card, palette, theme, fill=palette.paper)
        x = self.card.x + theme.unit * 3
        y = self.card.y + theme.unit * 3
        name = text.render("Iron and Grain", "serif", theme.size("display"), palette.ink)
        surface.blit(name, (x, y))
        y += round(theme.size("display") * 1.15)
        subtitle = text.render(SUBTITLE, "serif_italic", theme.size("lead"), palette.ink_soft)
        surface.blit(subtitle, (x, y))
        y += round(theme.size("lead") * 1.6)
        pygame.draw.line(surface, palette.accent, (x, y), (x + theme.unit * 8, y), max(2, theme.unit // 3))
        if self.app.story is None and self.app.story_errors:
            y += theme.unit * 2
            lines = ["The story could not be loaded:"] + self.app.story_errors[:4]
            if len(self.app.story_errors) > 4:
                lines.append(f"... and {len(self.app.story_errors) - 4} more (python -m game check)")
            for line in lines:
                block = text.layout(line, self.card.width - theme.unit * 6, theme.size("caption"), face="sans",
                                    line_height=1.3)
                block.draw(surface, (x, y), palette.bad)
                y += block.height
        self.focus.draw(surface, theme, palette, self.app.mouse)
        hint = text.layout("Arrows or Tab to move, Enter to choose, F11 for full screen.", self.card.width - theme.unit * 6,
                           theme.size("caption"), face="sans", line_height=1.25)
        hint.draw(surface, (x, self.card.bottom - theme.unit * 2 - hint.height), mix(palette.ink_soft, palette.paper, 0.2))
