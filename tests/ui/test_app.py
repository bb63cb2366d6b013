"""The app: the first frame, the idle loop, resizing, fullscreen, quicksave and crash handling."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from uihelp import click, press, start_game

ROOT = Path(__file__).resolve().parents[2]


def test_title_screen_offers_the_way_in(app):
    assert app.top.name == "title"
    labels = [b.label for b in app.top.focus.buttons]
    assert labels == ["New game", "Load", "Chapters", "Classroom mode: off", "Settings", "Quit"]  # no Continue yet
    assert all(b.enabled for b in app.top.focus.buttons)


def test_new_game_shows_the_content_note_then_the_first_scene(app):
    press(app, pygame.K_RETURN)  # focus starts on New game
    assert app.top.name == "message" and "Before you begin" in app.top.title
    press(app, pygame.K_RETURN)
    assert app.top.name == "scene" and app.session.state.scene == app.story.start
    assert app.saves.path("auto").exists()


def test_continue_appears_once_there_is_an_autosave(make_app):
    app = make_app()
    start_game(app)
    app.autosave()
    from game.ui.screens.title import TitleScreen

    app.reset_to(TitleScreen(app))
    assert app.top.focus.buttons[0].label == "Continue"
    press(app, pygame.K_RETURN)
    assert app.top.name == "scene"


def test_idle_app_does_not_redraw(app, monkeypatch):
    flips = []
    monkeypatch.setattr(pygame.display, "flip", lambda: flips.append(1))
    for _ in range(30):
        app.step([])
    assert flips == []  # nothing changed, nothing drawn
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 5), rel=(0, 0), buttons=(0, 0, 0))])
    assert len(flips) == 1


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (3840, 2160)])
def test_layouts_fit_the_window(make_app, size):
    app = make_app(size=size)
    window = app.surface.get_rect()
    assert all(window.contains(b.rect) for b in app.top.focus.buttons)
    scene = start_game(app)
    assert window.contains(scene.page.column) and window.contains(scene.page.hud)
    for part in scene.reading.parts:
        if part.block is not None:
            assert part.block.width <= scene.page.body.width


def test_resize_reflows(app):
    scene = start_game(app)
    before = scene.page.body.width
    app.surface = pygame.display.set_mode((1024, 600), pygame.RESIZABLE)
    app.step([pygame.event.Event(pygame.VIDEORESIZE, size=(1024, 600), w=1024, h=600)])
    assert scene.page.body.width != before
    assert app.settings.window_size == (1024, 600)


def test_quicksave_and_quickload(app):
    start_game(app)
    press(app, pygame.K_1)
    scene_after = app.session.state.scene
    press(app, pygame.K_F5)
    assert app.saves.path("quick").exists() and app.saves.path("quick").with_suffix(".png").exists()
    press(app, pygame.K_BACKSPACE)  # roll back on the outcome screen
    assert app.session.state.scene != scene_after
    press(app, pygame.K_F9)
    assert app.session.state.scene == scene_after


def test_a_corrupt_autosave_shows_a_message_not_a_crash(app):
    app.saves.folder.mkdir(parents=True, exist_ok=True)
    app.saves.path("auto").write_bytes(b"{not json")
    assert app.load_slot("auto") is False
    assert app.toast is not None and "damaged" in app.toast[0]


def test_unexpected_error_is_logged_and_reported(app, monkeypatch, capsys):
    # The message waits for the player to read it: post the key they would press.
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0))
    code = app.crash("Traceback: something broke")
    assert app.top.name == "message" and app.top.title == "The game stopped"
    logs = list(app.log_folder.glob("crash-*.log"))
    assert code == 1 and logs and "something broke" in logs[0].read_text()
    assert "Something went wrong" in capsys.readouterr().err


def test_broken_story_is_reported_on_the_title(make_app, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "story.yaml").write_text("title: Broken\nstart: nowhere\n")
    app = make_app(story=str(broken))
    assert app.story is None and app.story_errors
    assert not app.top.focus.buttons[0].enabled  # New game cannot start


def test_main_without_a_display_driver_problem_runs_headless():
    """python main.py starts and quits cleanly (SDL dummy driver, QUIT posted by a timer)."""
    code = ("import os, threading, pygame, sys\n"
            "from game.ui import app as ui\n"
            "a = ui.App('story', size=(800, 600))\n"
            "threading.Timer(1.0, lambda: pygame.event.post(pygame.event.Event(pygame.QUIT))).start()\n"
            "sys.exit(a.run())\n")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", IRON_AND_GRAIN_HOME="/tmp/iag-main")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_a_loaded_game_can_still_undo_its_choices(app):
    from uihelp import settle

    start_game(app)
    press(app, pygame.K_1)
    settle(app)
    press(app, pygame.K_RETURN)
    settle(app)
    press(app, pygame.K_1)
    two_choices = app.session.state
    assert two_choices.turn == 2
    press(app, pygame.K_F5)
    app.session = None
    assert app.load_slot("quick")
    assert len(app.session.history) == 2  # rebuilt by replaying the log
    press(app, pygame.K_BACKSPACE)
    assert app.session.state.turn == 1 and app.top.name == "scene"


def test_loading_a_save_made_at_an_ending_opens_the_ending(app):
    from game.core import engine

    state = engine.new_game(app.story)
    while not engine.is_over(app.story, state):
        state, _ = engine.choose(app.story, state, engine.available_choices(app.story, state)[0].index)
    app.new_session(state)
    app.autosave()
    assert app.load_slot("auto")
    assert app.top.name == "ending"


def test_a_writer_started_anywhere_plays_from_that_scene_and_state(make_app):
    from game.core import engine
    from game.core.loader import load_story
    from game.ui.app import start_in

    village = str(Path(__file__).resolve().parents[1] / "stories" / "valid" / "village")
    story, _ = load_story(village)
    state = engine.start_at(story, "meeting", {"grain": 7}, {"hid_grain": True})
    app = make_app(story=village, start=start_in(state))
    assert app.top.name == "scene" and app.session.state.scene == "meeting"
    assert app.session.state.stats["grain"] == 7
    press(app, pygame.K_SPACE)  # finish the text
    press(app, pygame.K_1)  # open the hidden store: available because the flag was set
    assert app.session.state.scene == "survived" and app.session.state.stats["grain"] == 9


def test_classroom_mode_from_the_title_screen(app):
    button = next(b for b in app.top.focus.buttons if b.label.startswith("Classroom mode"))
    click(app, button.rect.center)
    assert app.settings.classroom_mode and app.settings.content_level == "classroom"
    assert app.theme.projector and app.top.name == "title"
    assert any(b.label == "Classroom mode: on" for b in app.top.focus.buttons)  # the menu says so
    saved = json.loads((app.config_folder / "settings.json").read_text(encoding="utf-8"))
    assert saved["classroom_mode"] is True
    button = next(b for b in app.top.focus.buttons if b.label.startswith("Classroom mode"))
    click(app, button.rect.center)
    assert not app.settings.classroom_mode and not app.theme.projector
