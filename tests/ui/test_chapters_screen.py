"""The chapters screen: every act in order, and any one of them played alone from its start
state, after the same content note as a new game."""
import pygame

from uihelp import click, pixels, press

VILLAGE = "tests/stories/valid/village"


def open_chapters(app):
    app.top.chapters()  # the title screen's Chapters button
    screen = app.top
    assert screen.name == "chapters" and screen.opaque
    return screen


def test_every_act_is_listed_in_order_with_its_length(make_app):
    app = make_app(story=VILLAGE)
    screen = open_chapters(app)
    acts = list(app.story.acts.values())
    assert [card.act.id for card in screen.cards] == [act.id for act in acts]
    for card, act in zip(screen.cards, acts):
        assert " ".join(r.text for r in card.length.runs) == f"about {act.minutes} minutes"
        assert " ".join(r.text for r in card.summary.runs) == act.summary
    assert [b.label for b in screen.focus.buttons][-1] == "Back"


def test_choosing_the_first_act_starts_it_from_its_start_state(app):
    screen = open_chapters(app)
    act = next(iter(app.story.acts.values()))
    press(app, pygame.K_RETURN)  # the first card has the focus
    assert app.top.name == "message" and app.top.title == "Before you begin"
    assert app.session is None  # nothing starts before the note is accepted
    press(app, pygame.K_RETURN)  # Begin
    assert app.top.name == "scene" and len(app.stack) == 1
    state = app.session.state
    assert state.scene == act.start
    assert state.started_act == act.id
    assert act.start_state is not None
    for name, value in act.start_state.stats.items():
        assert state.stats[name] == value
    assert app.saves.path("auto").exists()
    del screen


def test_digits_pick_an_act(make_app):
    app = make_app(story=VILLAGE)
    open_chapters(app)
    press(app, pygame.K_9)  # no ninth act: nothing happens
    assert app.top.name == "chapters"
    press(app, pygame.K_2)
    assert app.top.name == "message"
    press(app, pygame.K_RETURN)
    act = app.story.acts["two"]
    state = app.session.state
    assert state.scene == act.start == "meeting"
    assert state.stats["grain"] == act.start_state.stats["grain"]
    assert all(state.flags[name] for name in act.start_state.flags)


def test_backing_out_of_the_content_note_stays_on_chapters(make_app):
    app = make_app(story=VILLAGE)
    screen = open_chapters(app)
    press(app, pygame.K_1)
    press(app, pygame.K_ESCAPE)  # Esc on the note is its last button, Back
    assert app.top is screen and app.session is None


def test_escape_returns_to_the_title(app):
    open_chapters(app)
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "title"


def test_keyboard_moves_between_cards_with_a_visible_ring(make_app):
    app = make_app(story=VILLAGE)
    screen = open_chapters(app)
    press(app, pygame.K_DOWN)
    second = screen.cards[1].button
    assert screen.focus.current is second
    app.dirty = True
    app.step([])
    edge = pygame.Rect(second.rect.x - 6, second.rect.y, 6, second.rect.height)
    assert pixels(app.surface, edge, app.theme.palette.accent, tolerance=40) > 0
    press(app, pygame.K_TAB)
    assert screen.focus.current is screen.back
    press(app, pygame.K_RETURN)
    assert app.top.name == "title"


def test_clicking_a_card_or_back(make_app):
    app = make_app(story=VILLAGE)
    screen = open_chapters(app)
    click(app, screen.cards[1].button.rect.center)
    assert app.top.name == "message"
    press(app, pygame.K_RETURN)
    assert app.session.state.scene == app.story.acts["two"].start
    app = make_app(story=VILLAGE)
    screen = open_chapters(app)
    click(app, screen.back.rect.center)
    assert app.top.name == "title"


def test_cards_show_art_and_fit_a_small_window(make_app):
    from dataclasses import replace

    app = make_app(size=(1024, 600), story=VILLAGE)
    screen = open_chapters(app)
    window = app.surface.get_rect()
    for card in screen.cards:
        assert card.art.width > 0 and abs(card.art.width * 9 / 16 - card.art.height) <= 1
        assert screen.viewport.contains(card.button.rect) and window.contains(card.button.rect)
    art = screen.cards[0].art.move(screen.cards[0].button.rect.topleft)
    assert window.contains(art)
    assert pixels(app.surface, art, app.theme.palette.card, tolerance=20) < (art.width * art.height) // 8
    # At the largest text the list scrolls, and the keyboard brings the last card into view.
    app.apply_settings(replace(app.settings, text_size=4))
    assert window.contains(screen.back.rect)
    press(app, pygame.K_DOWN)
    last = screen.cards[-1].button
    assert screen.viewport.top <= last.rect.top and last.rect.bottom <= screen.viewport.bottom
