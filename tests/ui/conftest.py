"""Fixtures for driving the desktop game headless: a real App on SDL's dummy video driver, with
saves and settings in a temporary folder. Helpers that post real events are in uihelp.py
(import them with `from uihelp import press, click, settle, start_game, pixels`)."""
from __future__ import annotations

import os

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame  # noqa: E402  (after the SDL drivers are chosen)


@pytest.fixture
def make_app(tmp_path, monkeypatch):
    """make_app(size=(1280, 720), story="story") -> a started App on the title screen."""
    monkeypatch.setenv("IRON_AND_GRAIN_HOME", str(tmp_path / "home"))
    apps = []

    def make(size=(1280, 720), story="story", **kwargs):
        from game.ui.app import App

        app = App(story, size=size, **kwargs)
        app.begin()
        app.step([])
        apps.append(app)
        return app

    yield make
    pygame.quit()


@pytest.fixture
def app(make_app):
    return make_app()
