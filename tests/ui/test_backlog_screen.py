"""The backlog: the story so far as it was read, opened at the bottom, scrolled, closed, and the
undo button that goes back one choice at a time."""
import time

import pygame

from uihelp import click, pixels, press, settle, start_game


def take(app, index=0):
    """Take a choice and come back to the next scene, as the brief's helper does."""
    from game.ui.screens.scene import SceneScreen

    app.session.choose(index)
    app.reset_to(SceneScreen(app))
    settle(app)


def words(text):
    return " ".join(text.replace("*", "").split())


def wheel(app, y):
    app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0, precise_y=float(y))])


def test_after_two_choices_the_backlog_lists_both_and_opens_at_the_bottom(app):
    start_game(app)
    take(app, 0)
    take(app, 1)
    press(app, pygame.K_h)
    backlog = app.top
    assert backlog.name == "backlog"
    laid_out = words(backlog.laid_out_text())
    level = app.settings.content_level
    chosen = [app.story.choice(e.scene, e.choice) for e in app.session.state.log]
    assert len(chosen) == 2
    places = [laid_out.index(words(f"You chose: {c.text.get(level)}")) for c in chosen]
    assert places[0] < places[1]  # in the order taken
    assert words(chosen[1].outcome.get(level)) in laid_out
    # The scene being played comes last, and the view starts there.
    current = app.story.scenes[app.session.state.scene]
    assert laid_out.endswith(words(current.text.get(level)))
    assert backlog.scroller.limit > 0 and backlog.at_bottom
    assert backlog.scroller.offset == backlog.scroller.limit
    app.dirty = True
    app.step([])
    assert pixels(app.surface, backlog.scroller.view, app.theme.palette.ink, tolerance=60) > 50  # text is drawn


def test_scroll_keys_wheel_and_scrollbar(app):
    start_game(app)
    take(app, 0)
    take(app, 0)
    press(app, pygame.K_h)
    backlog = app.top
    bottom = backlog.scroller.offset
    press(app, pygame.K_PAGEUP)
    assert backlog.scroller.offset < bottom
    press(app, pygame.K_HOME)
    assert backlog.scroller.offset == 0
    press(app, pygame.K_DOWN)
    assert backlog.scroller.offset > 0
    press(app, pygame.K_END)
    assert backlog.at_bottom
    wheel(app, 1)
    assert not backlog.at_bottom
    # The scrollbar's thumb is drawn in its track, and dragging it to the top scrolls to the top.
    app.dirty = True
    app.step([])
    thumb = backlog.scroller.thumb()
    assert pixels(app.surface, thumb.inflate(2, 0), app.theme.palette.ink_soft, tolerance=30) > 0
    app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=thumb.center, button=1)])
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=(thumb.centerx, 0), rel=(0, -thumb.y), buttons=(1, 0, 0))])
    app.step([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(thumb.centerx, 0), button=1)])
    assert backlog.scroller.offset == 0 and app.top is backlog
    # The wheel turned down past the end closes it.
    press(app, pygame.K_END)
    wheel(app, -1)
    assert app.top.name == "scene"


def test_h_opens_and_closes_it_from_the_scene_and_so_do_esc_and_the_wheel(app):
    start_game(app)
    press(app, pygame.K_h)
    assert app.top.name == "backlog"
    press(app, pygame.K_h)
    assert app.top.name == "scene"
    wheel(app, 1)  # wheel up at the top of the page
    assert app.top.name == "backlog"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "scene"


def test_undo_goes_back_one_choice_at_a_time_to_the_start(app):
    start_game(app)
    first = app.session.state
    take(app, 0)
    second = app.session.state
    take(app, 0)
    press(app, pygame.K_h)
    backlog = app.top
    assert backlog.undo_button.enabled
    click(app, backlog.undo_button.rect.center)
    assert app.top.name == "scene" and app.session.state == second
    assert [screen.name for screen, _ in app.stack] == ["scene"]
    assert app.toast and app.toast[0] == "Went back one choice."
    press(app, pygame.K_h)
    press(app, pygame.K_BACKSPACE)
    assert app.top.name == "scene" and app.session.state == first
    # At the start there is nothing to undo: the button is dimmed and Backspace changes nothing.
    press(app, pygame.K_h)
    backlog = app.top
    assert not backlog.undo_button.enabled
    press(app, pygame.K_BACKSPACE)
    click(app, backlog.undo_button.rect.center)
    assert app.top is backlog and app.session.state == first
    assert "Nothing has happened yet" in backlog.laid_out_text()


def test_undo_from_the_outcome_goes_back_to_the_scene_before_the_choice(app):
    start_game(app)
    first = app.session.state
    app.top.complete_text()
    press(app, pygame.K_1)
    assert app.top.name == "outcome"
    press(app, pygame.K_h)
    backlog = app.top
    # The next scene has not been read yet: the backlog ends with the outcome on screen.
    next_scene = app.story.scenes[app.session.state.scene]
    assert words(next_scene.text.full)[:60] not in words(backlog.laid_out_text())
    press(app, pygame.K_BACKSPACE)
    assert app.top.name == "scene" and app.session.state == first


def test_layout_fits_the_window_at_1024x600(make_app):
    app = make_app(size=(1024, 600))
    start_game(app)
    take(app, 0)
    press(app, pygame.K_h)
    backlog = app.top
    window = app.surface.get_rect()
    assert window.contains(backlog.box)
    for rect in (backlog.scroller.view, backlog.scroller.track, backlog.undo_button.rect,
                 backlog.close_button.rect):
        assert backlog.box.contains(rect), rect
    assert not backlog.undo_button.rect.colliderect(backlog.close_button.rect)
    assert backlog.scroller.view.bottom < backlog.undo_button.rect.top
    assert backlog.scroller.view.height > app.theme.line_height * 6  # room to read


def test_a_long_backlog_is_laid_out_once_and_draws_only_what_is_in_view(app, monkeypatch):
    from dataclasses import replace

    from game.ui import text
    from game.ui.screens.backlog import BacklogScreen

    start_game(app)
    take(app, 0)
    entry = app.session.state.log[0]
    app.session.state = replace(app.session.state, log=(entry,) * 400)
    started = time.perf_counter()
    backlog = BacklogScreen(app)
    app.push(backlog)
    assert time.perf_counter() - started < 5
    assert len(backlog.items) > 1600
    drawn = []
    original = text.Block.draw
    monkeypatch.setattr(text.Block, "draw", lambda self, *a, **k: (drawn.append(self), original(self, *a, **k)))
    started = time.perf_counter()
    for _ in range(5):
        app.dirty = True
        app.step([])
    assert time.perf_counter() - started < 2
    backlog_blocks = {id(item.block) for item in backlog.items if item.block is not None}
    assert 0 < len([b for b in drawn if id(b) in backlog_blocks]) < 5 * 12
