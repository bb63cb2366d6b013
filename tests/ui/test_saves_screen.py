"""The save and load screens: slots written and read, confirmations, damaged saves, the keyboard,
and cards that fit the window."""
from __future__ import annotations

import pygame
import pytest
from uihelp import click, pixels, press, settle, start_game


def open_saves(app, mode: str):
    from game.ui.screens.saves import SavesScreen

    screen = SavesScreen(app, mode=mode)
    app.push(screen)
    app.step([])
    return screen


def move_on(app) -> str:
    """Take the first available choice, so the game moves to another scene; returns it."""
    from game.core import engine

    before = app.session.state.scene
    for view in engine.choices(app.story, app.session.state):
        if view.available:
            app.session.choose(view.choice.index)
            break
    assert app.session.state.scene != before
    return app.session.state.scene


def redraw(app) -> pygame.Surface:
    app.invalidate()
    app.draw()
    return app.surface


def test_saving_to_slot_2_writes_the_save_and_its_thumbnail_and_the_card_shows_the_act(app):
    from game.ui.screens.saves import SavesScreen

    start_game(app)
    act_title = app.save_meta()["act"]
    screen = open_saves(app, "save")
    card = screen.card("2")
    assert card.info is None and card.lines[0][0] == "Empty"
    empty_ink = pixels(redraw(app), card.label, app.theme.palette.ink, 20)

    click(app, card.rect.center)  # an empty slot: saved at once, no question
    assert isinstance(app.top, SavesScreen)
    folder = app.saves.folder
    assert (folder / "2.json").is_file() and (folder / "2.png").is_file()
    assert pygame.image.load(str(folder / "2.png")).get_size() == (320, 180)
    assert "2" in {info.slot for info in app.saves.list()}
    assert app.toast is not None and app.toast[0] == "Saved."

    card = screen.card("2")  # refreshed in place
    assert card.info is not None and card.info.meta["act"] == act_title
    assert card.lines[0][0] == act_title or act_title.startswith(card.lines[0][0].rstrip("…"))
    surface = redraw(app)
    assert pixels(surface, card.label, app.theme.palette.ink, 20) > max(30, empty_ink * 2)
    colours = {tuple(surface.get_at((x, y)))[:3] for x in range(card.thumb.left + 2, card.thumb.right - 2, 3)
               for y in range(card.thumb.top + 2, card.thumb.bottom - 2, 3)}
    assert len(colours) > 20  # the thumbnail, not a plain box


def test_overwriting_asks_first_and_cancel_keeps_the_old_save(app):
    from game.ui.screens.message import MessageScreen
    from game.ui.screens.saves import SavesScreen

    start_game(app)
    app.write_save("2")
    path = app.saves.path("2")
    old = path.read_bytes()
    move_on(app)
    screen = open_saves(app, "save")

    press(app, pygame.K_2, unicode="2")
    assert isinstance(app.top, MessageScreen) and "Overwrite" in app.top.title
    cancel = app.top.focus.buttons[-1]
    assert cancel.label == "Cancel"
    click(app, cancel.rect.center)
    assert app.top is screen
    assert path.read_bytes() == old

    press(app, pygame.K_2, unicode="2")
    assert isinstance(app.top, MessageScreen)
    press(app, pygame.K_ESCAPE)  # Esc is Cancel too
    assert path.read_bytes() == old

    press(app, pygame.K_2, unicode="2")
    overwrite = app.top.focus.buttons[0]
    assert overwrite.label == "Overwrite"
    click(app, overwrite.rect.center)
    assert isinstance(app.top, SavesScreen)
    assert path.read_bytes() != old
    assert app.saves.read("2", app.story).state.scene == app.session.state.scene


def test_loading_slot_2_returns_to_the_saved_scene(app):
    from game.ui.screens.scene import SceneScreen

    start_game(app)
    saved_scene = app.session.state.scene
    app.write_save("2")
    assert move_on(app) != saved_scene
    screen = open_saves(app, "load")
    assert [card.slot for card in screen.cards[:2]] == ["auto", "quick"]
    assert not screen.card("3").button.enabled  # empty slots cannot be loaded

    click(app, screen.card("3").rect.center)
    assert app.top is screen
    click(app, screen.card("2").rect.center)
    assert isinstance(app.top, SceneScreen) and len(app.stack) == 1
    assert app.session.state.scene == saved_scene


def test_a_damaged_save_is_shown_as_damaged_and_cannot_be_loaded(app):
    from game.ui.screens.message import MessageScreen
    from game.ui.screens.saves import SavesScreen

    start_game(app)
    app.write_save("2")
    app.saves.path("3").write_bytes(b"\x00garbage{ not a save")
    session, state = app.session, app.session.state

    screen = open_saves(app, "load")
    card = screen.card("3")
    assert card.damaged and not card.button.enabled
    assert card.lines[0][0] == "Damaged" and "damaged" in card.lines[1][0]
    assert pixels(redraw(app), card.label, app.theme.palette.bad, 30) > 10

    press(app, pygame.K_3, unicode="3")
    click(app, card.rect.center)
    press(app, pygame.K_RETURN)
    assert app.top is screen
    assert app.session is session and app.session.state is state
    assert app.toast is not None and "damaged" in app.toast[0]

    # A new save may replace a damaged one (after the question).
    app.pop(screen)
    screen = open_saves(app, "save")
    press(app, pygame.K_3, unicode="3")
    assert isinstance(app.top, MessageScreen)
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, SavesScreen)
    assert not screen.card("3").damaged
    assert app.saves.read("3", app.story).state.scene == state.scene


def test_keyboard_alone_saves_and_loads(app):
    from game.ui.screens.saves import SavesScreen
    from game.ui.screens.scene import SceneScreen

    start_game(app)
    saved_scene = app.session.state.scene

    press(app, pygame.K_ESCAPE)  # the pause menu: Resume, Save, ...
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    screen = app.top
    assert isinstance(screen, SavesScreen) and screen.mode == "save"
    assert screen.focus.current is screen.card("1").button  # the first empty slot
    press(app, pygame.K_RIGHT)
    assert screen.focus.current is screen.card("2").button
    press(app, pygame.K_RETURN)
    assert app.saves.path("2").is_file()
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, SceneScreen)

    move_on(app)
    app.reset_to(SceneScreen(app))
    settle(app)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    screen = app.top
    assert isinstance(screen, SavesScreen) and screen.mode == "load"
    # Up to Back, down to the right end of the top row, then left: slot 2, wherever the focus began.
    for k in (pygame.K_UP, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT):
        press(app, k)
    assert screen.focus.current is screen.card("2").button
    press(app, pygame.K_DOWN)
    assert screen.focus.current is screen.card("5").button
    press(app, pygame.K_UP)
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, SceneScreen) and len(app.stack) == 1
    assert app.session.state.scene == saved_scene


def test_tab_moves_in_reading_order_and_esc_goes_back(app):
    from game.ui.screens.pause import PauseScreen

    start_game(app)
    app.push(PauseScreen(app))
    screen = open_saves(app, "save")
    order = []
    for _ in range(len(screen.focus.buttons)):
        order.append(screen.focus.current)
        press(app, pygame.K_TAB)
    assert order == [card.button for card in screen.cards] + [screen.back]
    assert screen.focus.current is screen.cards[0].button
    press(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert screen.focus.current is screen.back
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, PauseScreen)


def test_delete_asks_then_removes_the_save_and_its_thumbnail(app):
    from game.ui.screens.message import MessageScreen

    start_game(app)
    app.write_save("4")
    json_path = app.saves.path("4")
    png_path = json_path.with_suffix(".png")
    assert png_path.is_file()
    screen = open_saves(app, "load")
    assert screen.focus.current is screen.card("4").button  # the newest save that loads

    press(app, pygame.K_DELETE)
    assert isinstance(app.top, MessageScreen)
    press(app, pygame.K_ESCAPE)  # Cancel
    assert json_path.is_file()

    # With the mouse: the Delete button on the hovered card.
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=screen.card("4").rect.center, rel=(0, 0),
                                 buttons=(0, 0, 0))])
    redraw(app)
    button = screen.delete.rect
    assert screen.card("4").thumb.contains(button)
    click(app, button.center)
    assert isinstance(app.top, MessageScreen) and app.top.title.startswith("Delete")
    press(app, pygame.K_RETURN)
    assert app.top is screen
    assert not json_path.exists() and not png_path.exists()
    assert screen.card("4").info is None and not screen.card("4").button.enabled


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (3840, 2160)])
@pytest.mark.parametrize("mode", ["save", "load"])
def test_the_cards_fit_the_window(make_app, size, mode):
    app = make_app(size)
    start_game(app)
    app.write_save("1")
    screen = open_saves(app, mode)
    window = app.surface.get_rect()
    assert len(screen.cards) == (6 if mode == "save" else 8)
    gap = app.theme.focus_width * 2 + 1  # the focus ring is drawn just outside a card
    for card in screen.cards:
        assert window.contains(card.rect.inflate(gap * 2, gap * 2)), (card.slot, card.rect)
        assert card.rect.contains(card.thumb)
        assert abs(card.thumb.width / card.thumb.height - 16 / 9) < 0.03
        for words, face, text_size, _colour, (x, y) in card.lines:
            from game.ui import text

            drawn = text.line(words, face, text_size, (0, 0, 0)).get_rect(topleft=(x, y))
            assert drawn.right <= card.rect.right and drawn.bottom <= card.rect.bottom, (card.slot, words)
    for a in screen.cards:
        for b in screen.cards:
            assert a is b or not a.rect.colliderect(b.rect)
    assert window.contains(screen.back.rect)
    numbered = [card for card in screen.cards if card.slot.isdigit()]
    if size == (1280, 720):  # the numbered slots: three columns, two rows
        assert len({card.rect.x for card in numbered}) == 3 and len({card.rect.y for card in numbered}) == 2


def test_thumbnails_are_read_once_not_every_frame(app, monkeypatch):
    start_game(app)
    app.write_save("1")
    app.write_save("2")
    calls = []
    real_load = pygame.image.load
    monkeypatch.setattr(pygame.image, "load", lambda *a, **k: calls.append(a) or real_load(*a, **k))
    screen = open_saves(app, "load")
    first = len(calls)
    assert first >= 2
    for _ in range(5):
        redraw(app)
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=screen.cards[3].rect.center, rel=(0, 0),
                                 buttons=(0, 0, 0))])
    assert len(calls) == first


def test_saved_time_is_shown_in_local_time(monkeypatch):
    import time

    from game.ui.screens.saves import saved_label

    try:
        monkeypatch.setenv("TZ", "UTC")
        time.tzset()
        assert saved_label("2026-11-22T14:05:00+00:00") == "22 Nov 2026, 14:05"
        monkeypatch.setenv("TZ", "CST-8")  # China: UTC+8, no summer time
        time.tzset()
        assert saved_label("2026-11-22T14:05:00+00:00") == "22 Nov 2026, 22:05"
        assert saved_label("2026-03-01T23:30:00+00:00") == "2 Mar 2026, 07:30"
    finally:
        monkeypatch.undo()
        time.tzset()
    assert saved_label("not a time") == ""
