"""Helpers for UI tests: post real key and mouse events, let animations finish, count pixels."""
from __future__ import annotations

import pygame


def press(app, key, mod=0, unicode="", times=1):
    for _ in range(times):
        app.step([pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0)])
        app.step([pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0)])


def click(app, pos, button=1):
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))])
    app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button)])
    app.step([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button)])


def settle(app, seconds=120.0):
    """Let animations (typewriter, meters) run to their end, as if `seconds` passed at most."""
    for _ in range(int(seconds * 4)):
        app.step([], dt=0.25)
        if not app.update(0):
            break


def start_game(app, act=None):
    """A new game (or an act alone), on the scene screen, text fully shown."""
    from game.core import engine
    from game.ui.screens.scene import SceneScreen

    app.new_session(engine.new_game(app.story, act))
    app.reset_to(SceneScreen(app))
    settle(app)
    return app.top


def pixels(surface, rect, color, tolerance=40):
    """How many pixels inside `rect` are within `tolerance` of `color`."""
    rect = rect.clip(surface.get_rect())
    count = 0
    for y in range(rect.top, rect.bottom, 2):
        for x in range(rect.left, rect.right, 2):
            c = surface.get_at((x, y))
            if abs(c.r - color[0]) + abs(c.g - color[1]) + abs(c.b - color[2]) <= tolerance:
                count += 1
    return count
