"""The screen contract: handle events, update animations, draw, and dismiss with a result.

The app owns a stack of screens (Textual's push_screen/dismiss). Only the top screen gets
input; a screen that is not opaque (a modal dialog) has the screens below drawn first. A
screen says it needs drawing with `invalidate()`; while `update` returns True it is animating
and the app keeps ticking, otherwise the app sleeps until the next event.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from .widgets import FocusRing

if TYPE_CHECKING:
    from .app import App


class Screen:
    opaque = True
    shows_game = False  # True for screens that show the story: a save's thumbnail pictures them
    name = "screen"  # for logs, tests and screenshots

    def __init__(self, app: "App") -> None:
        self.app = app
        self.focus = FocusRing()

    # -- lifecycle ------------------------------------------------------------------------------
    def layout(self) -> None:
        """Place everything for the current window size and theme; called before first draw,
        on every resize and when settings change."""

    def on_resume(self, result: Any = None) -> None:
        """The screen above was dismissed with `result`."""

    # -- frame ----------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        self.focus.handle(event)

    def update(self, dt: float) -> bool:
        """Advance animations by dt seconds; True while still animating."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError

    # -- helpers --------------------------------------------------------------------------------
    def invalidate(self) -> None:
        self.app.invalidate()

    def dismiss(self, result: Any = None) -> None:
        self.app.pop(self, result)

    @property
    def theme(self):
        return self.app.theme

    @property
    def palette(self):
        return self.app.theme.palette
