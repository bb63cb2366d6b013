"""Live reload for writers (`python main.py --dev`, Ctrl+R): the edited story comes in where the
player stands; a broken edit is listed over the game, which goes on with the previous story."""
import shutil
from pathlib import Path

import pygame

from game.core import engine
from game.core.loader import load_story
from uihelp import press, settle, start_game

VILLAGE = Path(__file__).resolve().parents[1] / "stories" / "valid" / "village"


def dev_app(make_app, tmp_path):
    folder = tmp_path / "village"
    shutil.copytree(VILLAGE, folder)
    app = make_app(story=str(folder), dev=True)
    start_game(app)
    press(app, pygame.K_1)  # hide some grain: on to the granary
    settle(app)
    press(app, pygame.K_RETURN)  # past the outcome
    settle(app)
    assert app.top.name == "scene"
    return app, folder


def edit(folder, name, old, new):
    path = folder / "acts" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def ctrl_r(app):
    press(app, pygame.K_r, mod=pygame.KMOD_LCTRL)


def test_an_edit_appears_in_place_and_the_state_is_kept(make_app, tmp_path):
    app, folder = dev_app(make_app, tmp_path)
    before = app.session.state
    assert before.scene == "granary" and before.stats["grain"] != 0
    edit(folder, "01_gate.yaml", "full: The granary, in full detail.", "full: The granary, swept bare.")
    ctrl_r(app)
    assert app.story.scenes["granary"].text.full == "The granary, swept bare."
    assert app.top.name == "scene" and app.top.scene.text.full == "The granary, swept bare."
    assert app.session.state.stats == before.stats and app.session.state.log == before.log
    assert "Story reloaded" in app.toast[0]
    press(app, pygame.K_BACKSPACE)  # undo still works across the reload
    assert app.session.state.scene == "gate"


def test_a_broken_edit_is_listed_with_file_and_line_and_the_game_goes_on(make_app, tmp_path):
    app, folder = dev_app(make_app, tmp_path)
    story = app.story
    edit(folder, "01_gate.yaml", "goto: meeting\n      - text: Stay silent", "goto: meting\n      - text: Stay silent")
    ctrl_r(app)
    assert app.story is story  # still the previous story
    assert len(app.dev_problems) == 1 and "01_gate.yaml:" in app.dev_problems[0] and "E106" in app.dev_problems[0]
    overlay = app.surface.get_at((app.theme.margin + 4, app.theme.margin + 4))
    assert tuple(overlay)[:3] == app.theme.palette.accent  # the panel is drawn over the game
    settle(app)
    press(app, pygame.K_2)  # stay silent: the old story still plays
    assert app.session.state.scene == "meeting"
    press(app, pygame.K_ESCAPE)  # hides the panel
    assert app.dev_problems == []
    edit(folder, "01_gate.yaml", "goto: meting", "goto: meeting")
    ctrl_r(app)
    assert app.story is not story and app.dev_problems == []


def test_when_the_scene_is_gone_the_choices_are_replayed_as_far_as_they_go(make_app, tmp_path):
    app, folder = dev_app(make_app, tmp_path)
    edit(folder, "01_gate.yaml", "id: granary", "id: barn")
    edit(folder, "01_gate.yaml", "goto: granary", "goto: barn")
    ctrl_r(app)
    state = app.session.state
    assert state.scene == "barn" and len(state.log) == 1  # the one choice replayed into the renamed scene
    assert app.top.name == "scene"


def test_carry_over_keeps_a_state_whose_scene_exists_and_fills_new_stats(tmp_path):
    story, _ = load_story(VILLAGE)
    state, _ = engine.choose(story, engine.new_game(story), 0)
    carried = engine.carry_over(story, state)
    assert carried.kept and carried.state.stats == state.stats
    gone = engine.carry_over(story, type(state)("nowhere", state.stats, state.flags, {}, state.log))
    assert not gone.kept and gone.replayed == 1 and gone.state.scene == state.scene


def test_reload_without_dev_is_not_bound(make_app, tmp_path):
    folder = tmp_path / "village"
    shutil.copytree(VILLAGE, folder)
    app = make_app(story=str(folder))
    start_game(app)
    story = app.story
    ctrl_r(app)
    assert app.story is story and app.toast is None


def test_undo_survives_a_reload_in_a_game_started_anywhere(make_app, tmp_path):
    from game.ui.app import start_in

    folder = tmp_path / "village"
    shutil.copytree(VILLAGE, folder)
    story, _ = load_story(folder)
    app = make_app(story=str(folder), dev=True, start=start_in(engine.start_at(story, "gate", {"trust": 4})))
    settle(app)
    press(app, pygame.K_1)
    settle(app)
    press(app, pygame.K_RETURN)
    settle(app)
    assert app.session.state.scene == "granary"
    edit(folder, "01_gate.yaml", "full: The granary, in full detail.", "full: The granary, swept bare.")
    ctrl_r(app)
    press(app, pygame.K_BACKSPACE)
    assert app.session.state.scene == "gate" and app.session.state.stats["trust"] == 4
