"""The scene: where and when, the prose revealed by the typewriter, and the choices.

Choices appear as numbered cards once the text is shown; a key or click completes the text at
once. A choice whose condition fails is shown dimmed with the story's reason. Keys: 1-9 take a
choice; arrows or Tab move the focus ring and Enter takes the focused choice; V opens a class vote
on the choices; Esc pauses; H or the mouse wheel (at the top) opens the backlog; Backspace undoes
the last choice.
"""
from __future__ import annotations

import pygame

from game.core import engine
from game.core.model import Scene

from ..reading import Part, ReadingScreen
from ..widgets import Button


class SceneScreen(ReadingScreen):
    name = "scene"

    @property
    def scene(self) -> Scene:
        return self.app.story.scenes[self.app.session.state.scene]

    def build(self, width: int) -> list[Part]:
        level = self.app.settings.content_level
        parts = self.header_parts(width)
        parts.append(self.prose_part(self.scene.text.get(level), width))
        parts.append(self.gap(1))
        views = engine.choices(self.app.story, self.app.session.state)
        number = 0
        for view in views:
            number += 1
            choice = view.choice
            note = ""
            if not view.available:
                note = view.locked.get(level) if view.locked is not None else "Not possible now."
            button = Button(choice.text.get(level), (lambda i=choice.index: self.take(i)), key=str(number),
                            note=note, enabled=view.available, style="choice")
            height = button.measure(self.theme, width) + self.theme.unit
            parts.append(Part("button", height, button=button))
        return parts

    def take(self, index: int) -> None:
        if not self.text_done:
            self.complete_text()
            return
        state = self.app.session.state
        choice = self.scene.choices[index]
        if not engine.is_available(choice, state):
            return
        outcome = self.app.session.choose(index)
        from .outcome import OutcomeScreen

        self.app.replace(OutcomeScreen(self.app, outcome))

    def open_vote(self) -> None:
        """V: the class votes on this scene's choices; the winner is taken and the votes kept."""
        if not self.text_done:
            self.complete_text()
        session = self.app.session
        open_choices = [c.index for c in engine.available_choices(self.app.story, session.state)]
        if not open_choices:
            return
        from .vote import VoteScreen

        def take(index: int, counts: list[int]) -> None:
            session.votes[len(session.state.log)] = counts
            self.take(index)

        self.app.push(VoteScreen(self.app, self.scene, open_choices, take, self.app.settings.content_level))

    def handle(self, event: pygame.event.Event) -> None:
        if self.handle_reading_keys(event):
            return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_v:
                self.open_vote()
                return
            if pygame.K_1 <= event.key <= pygame.K_9 or pygame.K_KP1 <= event.key <= pygame.K_KP9:
                number = (event.key - pygame.K_1 if event.key <= pygame.K_9 else event.key - pygame.K_KP1)
                if not self.text_done:
                    self.complete_text()
                elif number < len(self.scene.choices):
                    self.take(number)
                return
            if not self.text_done and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.complete_text()
                return
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) and not self.focus.visible:
                self.focus.visible = True  # first Enter shows where the focus is
                self.scroll_to_focus()
                return
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and not self.text_done:
            self.complete_text()
            return
        if self.text_done:
            self.focus.handle(event)
            if event.type == pygame.KEYDOWN:
                self.scroll_to_focus()
