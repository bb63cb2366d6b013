"""Class vote: V on a scene's choices; hands counted with keys or clicks; Enter takes the winner,
a tie is settled by the teacher; the counts are kept in the session and reach the report."""
from pathlib import Path

import pygame

from game.core import session as sessions
from uihelp import click, press, settle, start_game

VILLAGE = str(Path(__file__).resolve().parents[1] / "stories" / "valid" / "village")


def test_the_class_chooses_and_the_count_is_kept(make_app):
    app = make_app(story=VILLAGE, classroom=True)
    start_game(app)
    press(app, pygame.K_v)
    vote = app.top
    assert vote.name == "vote" and vote.open == [0, 1]
    for key in (pygame.K_1, pygame.K_2, pygame.K_2, pygame.K_2, pygame.K_1):
        press(app, key)
    press(app, pygame.K_2, mod=pygame.KMOD_LSHIFT)  # one hand too many
    assert vote.counts == [2, 2]
    _index, row, _block = vote.rows[1]
    click(app, row.move(vote.box.topleft).center)  # a click adds a hand too
    press(app, pygame.K_RETURN)
    assert app.session.state.log[-1].choice == 1  # "Report everything", the class's choice
    assert app.session.votes == {0: [2, 3]}
    data = sessions.build(app.story, app.session.state, votes=app.session.votes)
    assert data["choices"][0]["votes"] == [2, 3]


def test_a_tie_waits_for_the_teacher(make_app):
    app = make_app(story=VILLAGE)
    start_game(app)
    press(app, pygame.K_v)
    press(app, pygame.K_1)
    press(app, pygame.K_2)
    press(app, pygame.K_RETURN)
    vote = app.top
    assert vote.name == "vote" and vote.tied == [0, 1]  # nothing taken yet
    press(app, pygame.K_1)  # the teacher picks
    assert app.session.state.log[-1].choice == 0 and app.session.votes == {0: [1, 1]}


def test_esc_closes_the_vote_and_backspace_takes_back_a_hand(make_app):
    app = make_app(story=VILLAGE)
    start_game(app)
    press(app, pygame.K_v)
    press(app, pygame.K_1)
    press(app, pygame.K_1)
    press(app, pygame.K_BACKSPACE)
    assert app.top.counts == [1, 0]
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "scene" and not app.session.state.log and not app.session.votes


def test_undoing_a_voted_choice_forgets_its_votes(make_app):
    app = make_app(story=VILLAGE)
    start_game(app)
    press(app, pygame.K_v)
    press(app, pygame.K_2)
    press(app, pygame.K_RETURN)
    settle(app)
    press(app, pygame.K_RETURN)
    settle(app)
    press(app, pygame.K_BACKSPACE)
    assert not app.session.state.log and app.session.votes == {}
