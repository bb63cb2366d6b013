"""The scene and outcome screens: typewriter, choices by key and click, locked choices with their
reason, the focus ring, the 'In history' panel and rollback."""
import pygame

from game.core import engine
from uihelp import click, pixels, press, settle, start_game


def test_typewriter_reveals_text_and_a_key_completes_it(app):
    from game.ui.screens.scene import SceneScreen

    app.new_session(engine.new_game(app.story))
    app.reset_to(SceneScreen(app))
    scene = app.top
    app.step([], dt=0.05)
    assert 0 < scene.reading.revealed < scene.reading.total
    press(app, pygame.K_SPACE)
    assert scene.text_done


def test_number_keys_take_a_choice_and_show_the_outcome(app):
    start_game(app)
    first = app.story.scenes[app.story.start].choices[1]
    press(app, pygame.K_2)
    assert app.top.name == "outcome"
    assert app.session.state.log[-1].choice_text == first.text.full
    settle(app)
    facts = app.top.outcome.facts
    assert facts and [f.id for f in facts] == list(first.history)


def test_clicking_a_choice_card_takes_it(app):
    scene = start_game(app)
    button = scene.focus.buttons[0]
    scene.scroll_by(button.rect.bottom)  # bring it into view
    click(app, app.top.focus.buttons[0].rect.center)
    assert app.top.name == "outcome"


def test_focus_ring_is_drawn_for_keyboard_players(app):
    scene = start_game(app)
    press(app, pygame.K_TAB)
    assert scene.focus.visible
    button = scene.focus.current
    scene.scroll_to_focus()
    app.dirty = True
    app.step([])
    ring = button.rect.inflate(12, 12)
    assert pixels(app.surface, ring, app.theme.palette.accent, tolerance=30) > 20


def test_locked_choice_is_dimmed_with_its_reason_and_cannot_be_taken(app):
    # In the prologue, 'Set out Old Wei's reckoning' needs asked_old_wei; the first path skips it.
    start_game(app)
    for _ in range(4):  # telegram 1, white flags 1, harvest 1 -> the July meeting
        press(app, pygame.K_1)
        settle(app)
        if app.top.name == "outcome":
            press(app, pygame.K_RETURN)
            settle(app)
        if app.session.state.scene == "prologue_report_meeting":
            break
    assert app.session.state.scene == "prologue_report_meeting"
    locked = [b for b in app.top.focus.buttons if not b.enabled]
    assert locked and locked[0].note == "You never walked the wheat with Old Wei."
    press(app, pygame.K_2)
    assert app.top.name == "scene" and app.session.state.scene == "prologue_report_meeting"


def test_outcome_fact_opens_in_full_and_rollback_returns_to_the_scene(app):
    start_game(app)
    start_scene = app.session.state.scene
    press(app, pygame.K_1)
    settle(app)
    press(app, pygame.K_1)  # the first cited fact
    assert app.top.name == "fact"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "outcome"
    press(app, pygame.K_BACKSPACE)
    assert app.top.name == "scene" and app.session.state.scene == start_scene


def test_meters_animate_a_change(app):
    start_game(app)
    press(app, pygame.K_1)  # the telegram read out: standing +1
    outcome = app.top
    meter = outcome.meters[list(app.story.stats).index("standing")]
    assert meter.flash > 0 and meter.delta == 1
    settle(app)
    assert meter.value == meter.target == app.session.state.stats["standing"]


def test_grey_palette_as_the_famine_deepens(app):
    from game.ui.theme import mood_for_date

    assert mood_for_date("1958-04") < 0.05 < mood_for_date("1959-08") < mood_for_date("1960-11") <= 1.0
    assert mood_for_date("1960-11") > 0.95
    assert mood_for_date("1962-06") < mood_for_date("1960-11")


def test_glossary_definitions_by_keyboard(app):
    scene = start_game(app)  # the telegram scene marks 'cooperative'
    terms = scene.visible_terms()
    assert terms
    press(app, pygame.K_g)
    assert scene.hover_term == terms[0][0] and scene.term_anchor is not None
    app.dirty = True
    app.step([])
    term = app.story.glossary[scene.hover_term]
    assert term.term  # the definition box is drawn next to the term (below it)
    for _ in range(len(terms)):
        press(app, pygame.K_g)
    assert scene.hover_term is None  # past the last term the definition closes


def test_the_projector_layout_gives_the_art_panel_to_the_text(make_app):
    plain = make_app()
    start_game(plain)
    projector = make_app(classroom=True)
    start_game(projector)
    assert plain.top.page.art.width > 0
    assert projector.top.page.art.width == 0 and projector.top.page.column.width > plain.top.page.column.width


def test_high_contrast_meters_show_how_full_they_are(make_app):
    app = make_app(classroom=True)  # the projector layout is high contrast
    start_game(app)
    palette = app.theme.palette
    for meter in app.top.meters:  # each bar: ink as far as the value, paper after it
        track = meter.track
        row = [tuple(app.surface.get_at((x, track.centery)))[:3] for x in range(track.left + 4, track.right - 4)]
        share = (meter.target - meter.low) / (meter.high - meter.low)
        inked = row.count(palette.ink) / len(row)
        assert abs(inked - share) < 0.1 and palette.paper in row, (meter.label, inked, share)
