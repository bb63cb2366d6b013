"""Discussion pauses (classroom mode): at an act's end its prompts, full screen, one by one, with
the teacher's note on T and a timer on 3, 5 or 0; then the game goes on where it was going."""
from pathlib import Path

import pygame

from game.ui.screens import discussion
from uihelp import press, settle, start_game

VILLAGE = str(Path(__file__).resolve().parents[1] / "stories" / "valid" / "village")


def to_the_act_boundary(app):
    start_game(app)
    press(app, pygame.K_2)  # report everything: on to the granary, still act one
    settle(app)
    press(app, pygame.K_RETURN)
    settle(app)
    press(app, pygame.K_2)  # stay silent: on to the meeting, in act two
    settle(app)
    press(app, pygame.K_RETURN)  # past the outcome
    settle(app)


def test_an_acts_prompts_come_between_its_last_outcome_and_the_next_act(make_app):
    app = make_app(story=VILLAGE, classroom=True)
    to_the_act_boundary(app)
    screen = app.top
    assert screen.name == "discussion" and screen.act.id == "one"
    assert screen.prompt.prompt == "What happened?"
    press(app, pygame.K_t)  # the teacher's note
    assert screen.show_note and "Listen for the quota." in " ".join(r.text for r in screen._blocks["note"].runs)
    press(app, pygame.K_RETURN)  # the last prompt: back to the game
    assert app.top.name == "scene" and app.session.state.scene == "meeting"


def test_without_classroom_mode_the_game_goes_straight_on(make_app):
    app = make_app(story=VILLAGE)
    to_the_act_boundary(app)
    assert app.top.name == "scene" and app.session.state.scene == "meeting"


def test_the_timer_counts_down_on_a_projector_and_stops_at_zero(make_app, monkeypatch):
    app = make_app(story=VILLAGE, classroom=True)
    to_the_act_boundary(app)
    screen = app.top
    clock = [1000.0]
    monkeypatch.setattr(discussion.time, "monotonic", lambda: clock[0])
    press(app, pygame.K_5)
    assert screen.remaining() == 300
    clock[0] += 61
    app.step([pygame.event.Event(discussion.TICK)])
    assert screen.remaining() == 239
    clock[0] += 600
    app.step([pygame.event.Event(discussion.TICK)])
    assert screen.remaining() == 0
    press(app, pygame.K_ESCAPE)  # Esc skips the rest of the discussion
    assert app.top.name == "scene" and screen.timer_end is None


def test_the_shipped_acts_each_pause_for_their_own_prompts(make_app):
    from game.core import engine
    from game.ui.app import start_in

    app = make_app(classroom=True)
    state = engine.start_at(app.story, "commune_door", {"trust": 7, "standing": 7})
    app.new_session(state)
    start_in(state)(app)
    settle(app)
    press(app, pygame.K_1)
    settle(app)
    press(app, pygame.K_RETURN)
    screen = app.top
    assert screen.name == "discussion" and screen.act.id == "commune"
    for _ in screen.act.discussion:
        press(app, pygame.K_RIGHT)
    assert app.top.name == "scene" and app.story.scenes[app.session.state.scene].act == "steel"


def test_an_act_played_alone_ends_with_a_question(make_app, tmp_path):
    app = make_app(story=VILLAGE)
    start_game(app, act="one")
    press(app, pygame.K_2)
    settle(app)
    press(app, pygame.K_RETURN)
    settle(app)
    press(app, pygame.K_2)  # into act two
    settle(app)
    press(app, pygame.K_RETURN)
    settle(app)
    question = app.top
    assert question.name == "message" and question.title == "The end of Act One"
    press(app, pygame.K_RETURN)  # Save report
    assert list((tmp_path / "home" / "reports").glob("*.html"))
    assert app.top.name == "message" and [label for label, _ in app.top.choices] == ["Main menu", "Go on"]
    press(app, pygame.K_ESCAPE)  # go on
    assert app.top.name == "scene" and app.session.state.scene == "meeting"


def test_a_new_game_goes_on_between_acts_without_asking(make_app):
    app = make_app(story=VILLAGE)
    to_the_act_boundary(app)
    assert app.top.name == "scene"
