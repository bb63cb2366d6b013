"""Class vote: the teacher counts hands for each choice, and the class's choice is taken.

Opened with V on a scene's choices. Each open choice shows its count and a bar. A number key or a
click adds a vote to that choice (Shift+number or a right click takes one away; Backspace takes
back the last vote added). Enter takes the choice with the most votes; on a tie the tied choices
are marked and the teacher presses the number of the one to take. Esc closes the vote without
choosing. The counts go into the session, so reports show how the class voted.
"""
from __future__ import annotations

from typing import Callable

import pygame

from game.core.model import Scene

from .. import text
from ..screen import Screen
from ..theme import mix
from ..widgets import modal

NUMBER_KEYS = {getattr(pygame, f"K_{n}"): n - 1 for n in range(1, 10)} | \
    {getattr(pygame, f"K_KP{n}"): n - 1 for n in range(1, 10)}


class VoteScreen(Screen):
    opaque = False
    name = "vote"

    def __init__(self, app, scene: Scene, open_choices: list[int], take: Callable[[int, list[int]], None],
                 level: str = "full") -> None:
        super().__init__(app)
        self.scene = scene
        self.open = open_choices  # indexes of the choices that can be taken
        self.take = take
        self.level = level
        self.counts = [0] * len(scene.choices)
        self.added: list[int] = []  # the order votes were added, for Backspace
        self.tied: list[int] = []  # after Enter on a tie: the choices the teacher picks between
        self.box = pygame.Rect(0, 0, 0, 0)
        self.rows: list[tuple[int, pygame.Rect, text.Block]] = []

    # -- counting ---------------------------------------------------------------------------------
    def add(self, index: int, amount: int = 1) -> None:
        if index not in self.open:
            return
        if amount > 0:
            self.counts[index] += 1
            self.added.append(index)
        elif self.counts[index] > 0:
            self.counts[index] -= 1
            for position in range(len(self.added) - 1, -1, -1):  # forget its latest addition
                if self.added[position] == index:
                    del self.added[position]
                    break
        self.tied = []
        self.invalidate()

    def undo(self) -> None:
        if self.added:
            self.counts[self.added.pop()] -= 1
            self.tied = []
            self.invalidate()

    def decide(self) -> None:
        """Take the winner; on a tie, ask the teacher to pick among the tied choices."""
        if not any(self.counts):
            self.app.notify("No votes yet: press a choice's number for each hand.")
            return
        best = max(self.counts[i] for i in self.open)
        leaders = [i for i in self.open if self.counts[i] == best]
        if len(leaders) == 1:
            self.finish(leaders[0])
        else:
            self.tied = leaders
            self.invalidate()

    def finish(self, index: int) -> None:
        self.app.pop(self)
        self.take(index, list(self.counts))

    # -- screen -----------------------------------------------------------------------------------
    def layout(self) -> None:
        theme = self.theme
        width = min(theme.width - theme.margin * 2, round(theme.base * 38))
        inner = width - theme.unit * 6
        label_width = round(inner * 0.58)
        self.rows = []
        y = theme.unit * 3 + round(theme.size("title") * 1.4) + round(theme.size("caption") * 2.6)
        for index, choice in enumerate(self.scene.choices):
            block = text.layout(f"{index + 1}. {choice.text.get(self.level)}", label_width, theme.size("ui"),
                                face="sans", line_height=1.3)
            row = pygame.Rect(theme.unit * 3, y, inner, max(block.height, round(theme.size("ui") * 1.6)))
            self.rows.append((index, row, block))
            y += row.height + theme.unit
        height = y + round(theme.size("caption") * 3) + theme.unit * 3
        self.box = pygame.Rect(0, 0, width, min(height, theme.height - theme.margin))
        self.box.center = (theme.width // 2, theme.height // 2)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.dismiss()
                return
            if event.key in NUMBER_KEYS:
                index = NUMBER_KEYS[event.key]
                if self.tied:
                    if index in self.tied:
                        self.finish(index)
                    return
                self.add(index, -1 if event.mod & pygame.KMOD_SHIFT else 1)
                return
            if event.key == pygame.K_BACKSPACE:
                self.undo()
                return
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.decide()
                return
        if event.type == pygame.MOUSEBUTTONUP and event.button in (1, 3):
            for index, row, _block in self.rows:
                if row.move(self.box.topleft).collidepoint(event.pos):
                    if self.tied:
                        if index in self.tied and event.button == 1:
                            self.finish(index)
                    else:
                        self.add(index, 1 if event.button == 1 else -1)
                    return

    def draw(self, surface: pygame.Surface) -> None:
        theme, palette = self.theme, self.palette
        modal(surface, self.box, palette, theme)
        x, y = self.box.x + theme.unit * 3, self.box.y + theme.unit * 3
        surface.blit(text.line("Class vote", "serif", theme.size("title"), palette.ink), (x, y))
        y += round(theme.size("title") * 1.4)
        total = sum(self.counts)
        hint = (f"Tied: press {' or '.join(str(i + 1) for i in self.tied)} to take one." if self.tied else
                f"{total} vote{'s' if total != 1 else ''}. A number adds a hand, Shift+number takes one away.")
        surface.blit(text.line(hint, "sans", theme.size("caption"), palette.accent if self.tied else palette.ink_soft),
                     (x, y))
        best = max(self.counts) if any(self.counts) else 0
        for index, row, block in self.rows:
            row = row.move(self.box.topleft)
            is_open = index in self.open
            ink = palette.ink if is_open else palette.ink_soft
            if self.tied and index in self.tied:
                pygame.draw.rect(surface, mix(palette.card, palette.accent2, 0.3), row.inflate(theme.unit, theme.unit // 2),
                                 border_radius=theme.radius)
            block.draw(surface, (row.x, row.y), ink)
            track = pygame.Rect(row.x + round(row.width * 0.62), row.centery - theme.unit // 2,
                                round(row.width * 0.28), max(6, theme.unit))
            pygame.draw.rect(surface, mix(palette.paper, palette.rule, 0.6), track, border_radius=track.height // 2)
            if self.counts[index]:
                filled = track.copy()
                filled.width = max(track.height, round(track.width * self.counts[index] / max(1, best)))
                colour = palette.accent if self.counts[index] == best else palette.ink
                pygame.draw.rect(surface, colour, filled, border_radius=track.height // 2)
            count = text.line(str(self.counts[index]) if is_open else "-", "sans_bold", theme.size("ui"), ink)
            surface.blit(count, count.get_rect(midright=(row.right, row.centery)))
        footer = "Enter takes the class's choice · Backspace undoes a vote · Esc closes"
        rendered = text.line(footer, "sans", theme.size("caption"), palette.ink_soft)
        surface.blit(rendered, (x, self.box.bottom - theme.unit * 2 - rendered.get_height()))
