"""Ambient sound: follows the volume setting and the story's date; silent, not broken, without
an audio device."""
from dataclasses import replace

import pygame
import pytest

from uihelp import start_game


def test_ambience_plays_and_follows_volume_and_mood(app):
    if not app.audio:
        pytest.skip("no audio driver here")
    assert len(app.ambience.channels) == 2
    fields, wind = app.ambience.levels()
    assert fields > wind > 0  # spring 1958: the fields loop leads
    app.apply_settings(replace(app.settings, volume=0.0))
    assert app.ambience.levels() == (0.0, 0.0)
    assert all(channel.get_volume() == 0 for channel in app.ambience.channels)
    app.apply_settings(replace(app.settings, volume=1.0))
    app.set_mood("1960-11")  # the famine: the fields fall silent, the wind remains
    fields, wind = app.ambience.levels()
    assert fields < 0.01 < wind


def test_no_audio_device_means_silence_not_an_error(make_app, monkeypatch):
    def no_device(*args, **kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    app = make_app()
    assert app.audio is False and app.ambience.channels == []
    start_game(app)  # everything else works as before
    app.apply_settings(replace(app.settings, volume=0.3))
    assert app.top.name == "scene"
