"""The codex: the facts met so far and the glossary, filtered by typing, browsed by keyboard."""
import pygame

from game.ui.screens.codex import fold
from uihelp import click, pixels, press, settle, start_game


def take(app, index=0):
    from game.ui.screens.scene import SceneScreen

    app.session.choose(index)
    app.reset_to(SceneScreen(app))
    settle(app)


def type_text(app, words):
    for char in words:
        app.step([pygame.event.Event(pygame.TEXTINPUT, text=char)])


def open_codex(app):
    """Through the pause menu, as a player would."""
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pause"
    button = next(b for b in app.top.focus.buttons if b.label == "Codex")
    click(app, button.rect.center)
    assert app.top.name == "codex"
    return app.top


def shown(codex):
    return [row.entry for row in codex.rows]


def test_the_codex_lists_exactly_the_facts_cited_so_far_and_every_term(app):
    start_game(app)
    codex = open_codex(app)
    assert codex.entries[0] == [] and codex.rows == []  # no choice yet: no history
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "scene"

    take(app, 0)
    cited = list(dict.fromkeys(app.session.state.log[0].history))
    assert cited
    codex = open_codex(app)
    assert [entry.key for entry in shown(codex)] == cited
    assert [entry.fact.title for entry in shown(codex)] == [app.story.facts[i].title for i in cited]
    press(app, pygame.K_RIGHT)
    assert codex.tab == 1
    assert [entry.term for entry in shown(codex)] == list(app.story.glossary)


def test_facts_are_listed_once_in_the_order_met(app):
    start_game(app)
    take(app, 0)
    take(app, 0)
    take(app, 0)
    expected = []
    for entry in app.session.state.log:
        expected += [f for f in entry.history if f not in expected]
    codex = open_codex(app)
    assert [entry.key for entry in codex.entries[0]] == expected


def test_typing_filters_both_tabs(app):
    start_game(app)
    take(app, 0)
    codex = open_codex(app)
    type_text(app, "commune")
    assert codex.query == "commune"
    for tab in (0, 1):
        for entry in codex.matches(tab):
            assert "commune" in entry.haystack
    terms = codex.matches(1)
    assert 0 < len(terms) < len(app.story.glossary)
    assert "People's commune" in [entry.term.term for entry in terms]
    assert [row.entry for row in codex.rows] == codex.matches(0)
    press(app, pygame.K_RIGHT)
    assert [row.entry for row in codex.rows] == terms
    # Backspace deletes; pinyin matches without its tone marks, and Chinese matches too.
    press(app, pygame.K_BACKSPACE)
    assert codex.query == "commun"
    press(app, pygame.K_ESCAPE)
    type_text(app, "gongshe")
    assert "People's commune" in [row.entry.term.term for row in codex.rows]
    press(app, pygame.K_ESCAPE)
    type_text(app, "公社")
    assert "People's commune" in [row.entry.term.term for row in codex.rows]
    assert fold("Gōngshè") == "gongshe"


def test_when_nothing_matches_it_says_so(app):
    start_game(app)
    take(app, 0)
    codex = open_codex(app)
    type_text(app, "zzqx")
    assert codex.rows == []
    app.dirty = True
    app.step([])
    view = codex.scroller.view
    assert pixels(app.surface, view, app.theme.palette.ink_soft, tolerance=30) > 20  # the message is drawn


def test_esc_clears_the_filter_then_closes(app):
    start_game(app)
    codex = open_codex(app)
    type_text(app, "mu")
    press(app, pygame.K_ESCAPE)
    assert app.top is codex and codex.query == ""
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pause"


def test_enter_on_a_fact_opens_it_and_on_a_term_unfolds_it(app):
    start_game(app)
    take(app, 0)
    codex = open_codex(app)
    press(app, pygame.K_DOWN)
    assert codex.cursor == 0 and codex.focus.visible
    press(app, pygame.K_RETURN)
    assert app.top.name == "fact"
    assert app.top.fact.id == app.session.state.log[0].history[0]
    press(app, pygame.K_ESCAPE)
    assert app.top is codex

    press(app, pygame.K_RIGHT)
    type_text(app, "commune")
    press(app, pygame.K_DOWN)
    row = codex.rows[0]
    height = row.height
    press(app, pygame.K_RETURN)
    assert row.entry.key in codex.expanded
    assert codex.rows[0].height > height  # the whole definition now shows
    assert app.top is codex


def test_tab_and_arrows_move_through_results_and_ctrl_tab_switches_tabs(app):
    start_game(app)
    take(app, 0)
    codex = open_codex(app)
    press(app, pygame.K_RIGHT)
    assert codex.tab == 1
    press(app, pygame.K_TAB)
    press(app, pygame.K_TAB)
    assert codex.cursor == 1
    press(app, pygame.K_UP)
    assert codex.cursor == 0
    press(app, pygame.K_UP)
    assert codex.search_focused
    for _ in range(20):
        press(app, pygame.K_DOWN)
    row = codex.rows[codex.cursor]
    assert codex.scroller.view.contains(row.button.rect)  # the selection is scrolled into view
    app.dirty = True
    app.step([])
    ring = row.button.rect.inflate(8, 8)
    assert pixels(app.surface, ring, app.theme.palette.accent, tolerance=30) > 20  # the focus ring shows
    press(app, pygame.K_TAB, mod=pygame.KMOD_CTRL)
    assert codex.tab == 0 and codex.search_focused
    press(app, pygame.K_LEFT)
    assert codex.tab == 1


def test_clicking_a_tab_a_term_and_close(app):
    start_game(app)
    codex = open_codex(app)
    click(app, codex.tab_rects[1].center)
    assert codex.tab == 1
    row = codex.rows[0]
    click(app, row.button.rect.center)
    assert row.entry.key in codex.expanded
    click(app, codex.close_button.rect.center)
    assert app.top.name == "pause"


def test_the_caret_blinks_only_while_the_search_box_has_focus(app):
    from dataclasses import replace

    from game.ui.screens.codex import BLINK, BLINK_FOR

    start_game(app)
    codex = open_codex(app)
    assert codex.update(0.1)
    seen = set()
    for _ in range(4):
        codex.update(BLINK / 2)
        seen.add(codex.caret_on)
    assert seen == {True, False}
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_DOWN)  # focus on a result: the caret stops
    assert not codex.update(0.1) and codex.caret_on is True
    press(app, pygame.K_UP)
    assert codex.update(0.1)
    codex.update(BLINK_FOR)  # a long time without input: idle again, the caret stays on
    assert not codex.update(0.1) and codex.caret_on
    app.settings = replace(app.settings, reduced_motion=True)
    press(app, pygame.K_BACKSPACE)
    assert not codex.update(0.1) and codex.caret_on


def test_layout_fits_the_window_at_1024x600(make_app):
    app = make_app(size=(1024, 600))
    start_game(app)
    take(app, 0)
    codex = open_codex(app)
    window = app.surface.get_rect()
    for rect in [codex.column, codex.search, codex.close_button.rect, codex.scroller.view, codex.scroller.track,
                 *codex.tab_rects]:
        assert window.contains(rect), rect
    assert codex.search.bottom < codex.scroller.view.top
    assert not codex.close_button.rect.colliderect(codex.tab_rects[0])
    press(app, pygame.K_RIGHT)
    assert codex.scroller.limit > 0  # the glossary scrolls
    for row in codex.rows:
        assert row.button.rect.width <= codex.scroller.view.width
    press(app, pygame.K_END)
    app.dirty = True
    app.step([])
    # Rows are clipped to the results view: nothing spills over the hint line below it.
    below = pygame.Rect(codex.column.x, codex.scroller.view.bottom + app.theme.unit,
                        codex.column.width, codex.column.bottom - codex.scroller.view.bottom - app.theme.unit * 3)
    assert pixels(app.surface, below, app.theme.palette.card, tolerance=0) < 10
