"""The ending screen: the ending's prose, title and epilogue beside the art; Enter turns to the
debrief, with one row per choice beside the history it cites and a chart of the stats over the
years; Main menu and Play again; scrolling, focus and the pause menu; everything in the window."""
from pathlib import Path

import pygame
import pytest

from game.core import engine
from game.ui.screens.ending import (ChartPoint, EndingScreen, chart_points, date_span, map_point, normalise,
                                    start_stats, time_range)
from uihelp import click, pixels, press

VILLAGE = str(Path(__file__).resolve().parents[1] / "stories" / "valid" / "village")


def play_to_ending(app, pick=0):
    """Play the story through, always taking the first (or `pick`-th) available choice."""
    app.new_session(engine.new_game(app.story))
    while not engine.is_over(app.story, app.session.state):
        available = engine.available_choices(app.story, app.session.state)
        app.session.choose(available[min(pick, len(available) - 1)].index)
    app.reset_to(EndingScreen(app))
    app.step([])
    return app.top


def redraw(app):
    app.dirty = True
    app.step([])


def ink_in(app, rect, tolerance=60):
    return pixels(app.surface, rect, app.theme.palette.ink, tolerance=tolerance)


def on_screen(screen, column, name):
    piece = column.find(name)
    assert piece is not None, name
    return column.rect_of(piece).clip(column.view)


def inside(app, rect):
    return app.surface.get_rect().contains(rect)


# ---- the ending page ----------------------------------------------------------------------------

@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)])
def test_the_ending_title_prose_and_epilogue_are_drawn(make_app, size):
    app = make_app(size=size)
    screen = play_to_ending(app)
    scene = app.story.scenes[app.session.state.scene]
    assert scene.is_ending and screen.name == "ending" and screen.page_name == "ending"
    assert screen.scene is scene
    title = on_screen(screen, screen.ending, "title")
    assert title.height > 0 and ink_in(app, title) > 30
    prose = on_screen(screen, screen.ending, "prose")
    assert prose.height > 0 and ink_in(app, prose) > 30
    # The epilogue may be below the fold at first: scroll it into view, as a player would.
    piece = screen.ending.find("epilogue")
    screen.scroll_by(piece.y)
    redraw(app)
    epilogue = on_screen(screen, screen.ending, "epilogue")
    assert epilogue.height > 0 and ink_in(app, epilogue) > 30
    # The art is there too (the page is not bare paper).
    art = screen.page.art
    paper = pixels(app.surface, art, app.theme.palette.paper, tolerance=6)
    assert paper < (art.width // 2) * (art.height // 2) * 0.9


def test_the_ending_uses_the_content_level(make_app):
    from dataclasses import replace

    app = make_app(size=(1024, 600), story=VILLAGE)
    app.settings = replace(app.settings, content_level="classroom")
    app.new_session(engine.new_game(app.story))
    for index in (0, 1, 1):  # hide grain, speak up, wait: the hungry ending
        app.session.choose(index)
    assert app.session.state.scene == "hungry"
    app.reset_to(EndingScreen(app))
    app.step([])
    screen = app.top
    assert screen.ending.find("title").words == "A hungry spring"
    assert screen.ending.find("prose").words == "Spring comes late."
    assert screen.ending.find("epilogue").words == "Many died."  # not the full level's detail
    assert ink_in(app, on_screen(screen, screen.ending, "epilogue")) > 5


def test_scrolling_by_keys_and_wheel_with_a_scrollbar(make_app):
    app = make_app(size=(1024, 600))
    screen = play_to_ending(app)
    column = screen.ending
    assert column.height > column.view.height  # the shipped ending is longer than the window
    bar = screen.scrollbar()
    assert bar is not None
    track, thumb = bar
    assert inside(app, track)
    assert pixels(app.surface, thumb, app.theme.palette.ink_soft, tolerance=20) > 0
    press(app, pygame.K_PAGEDOWN)
    after_page = column.scroll
    assert after_page > 0
    press(app, pygame.K_UP)
    assert column.scroll < after_page
    press(app, pygame.K_DOWN)
    assert column.scroll == pytest.approx(after_page)
    app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False)])
    assert column.scroll > after_page
    press(app, pygame.K_PAGEUP, times=10)
    assert column.scroll == 0
    press(app, pygame.K_END)
    assert column.scroll == column.limit
    assert screen.scrollbar()[1].bottom == track.bottom


def test_the_debrief_button_is_reachable_by_mouse_and_tab(make_app):
    app = make_app(size=(1280, 720))
    screen = play_to_ending(app)
    press(app, pygame.K_TAB)
    assert screen.focus.visible and screen.focus.current.label == "See your debrief"
    button = screen.focus.current
    assert screen.ending.view.contains(button.rect)  # the focus scrolled it into view
    redraw(app)
    assert pixels(app.surface, button.rect.inflate(12, 12), app.theme.palette.accent, tolerance=30) > 20
    click(app, button.rect.center)
    assert screen.page_name == "debrief"


def test_escape_opens_the_pause_menu(make_app):
    app = make_app(size=(1024, 600))
    play_to_ending(app)
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pause"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "ending"


# ---- the debrief ----------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)])
def test_enter_turns_to_the_debrief_with_a_row_per_choice_and_a_chart(make_app, size):
    app = make_app(size=size)
    screen = play_to_ending(app)
    press(app, pygame.K_RETURN)
    assert screen.page_name == "debrief"
    log = app.session.state.log
    assert len(log) >= 2
    assert len(screen.rows) == len(log)
    for entry, row in zip(log, screen.rows):
        scene = app.story.scenes[entry.scene]
        assert row["choice"] == scene.choices[entry.choice].text.get(app.settings.content_level)
        assert row["place"] == scene.place
        assert row["act"] == app.story.acts[entry.act].title
        assert row["facts"] == [(app.story.facts[f].title, app.story.facts[f].when)
                                for f in entry.history if f in app.story.facts]
    assert [p.name for p in screen.debrief.pieces if p.name.startswith("row")] == \
        [f"row{i}" for i in range(len(log))]
    # The chart is drawn: every stat's line colour is inside the plot.
    chart = screen.chart_rect
    assert chart.width > 0 and inside(app, chart) and screen.debrief.view.contains(chart)
    palette = app.theme.palette
    for colour in (palette.ink, palette.accent, palette.accent2, palette.good)[:len(app.story.stats)]:
        assert pixels(app.surface, chart, colour, tolerance=12) > 3, colour


def test_the_record_rows_are_drawn_when_scrolled_to(make_app):
    app = make_app(size=(1024, 600))
    screen = play_to_ending(app)
    press(app, pygame.K_SPACE)
    last = screen.debrief.find(f"row{len(screen.rows) - 1}")
    press(app, pygame.K_END)
    rect = on_screen(screen, screen.debrief, last.name)
    assert rect.height == last.height  # fully in view at the end of the page
    assert ink_in(app, rect) > 30
    # Two columns on a wide window: ink on both sides of the row.
    left = pygame.Rect(rect.x, rect.y, rect.width // 3, rect.height)
    right = pygame.Rect(rect.centerx + rect.width // 10, rect.y, rect.width // 3, rect.height)
    assert screen.wide and ink_in(app, left) > 10 and ink_in(app, right) > 10


def test_a_narrow_window_stacks_the_record(make_app):
    app = make_app(size=(520, 600))
    screen = play_to_ending(app)
    press(app, pygame.K_RETURN)
    assert not screen.wide
    assert len([p for p in screen.debrief.pieces if p.name.startswith("row")]) == len(app.session.state.log)
    for button in screen.footer_buttons:
        assert inside(app, button.rect)
    assert inside(app, screen.chart_rect)


def test_main_menu_returns_to_the_title_without_a_session(make_app):
    app = make_app(size=(1024, 600))
    screen = play_to_ending(app)
    press(app, pygame.K_RETURN)
    button = next(b for b in screen.footer_buttons if b.label == "Main menu")
    click(app, button.rect.center)
    assert app.top.name == "title"
    assert app.session is None
    assert len(app.stack) == 1


def test_main_menu_by_keyboard_alone(make_app):
    app = make_app(size=(1024, 600))
    play_to_ending(app)
    press(app, pygame.K_RETURN)  # to the debrief
    press(app, pygame.K_RETURN)  # shows the focus, on Main menu
    assert app.top.focus.visible and app.top.focus.current.label == "Main menu"
    press(app, pygame.K_RETURN)
    assert app.top.name == "title" and app.session is None


def test_tab_moves_the_focus_between_the_buttons(make_app):
    app = make_app(size=(1280, 720))
    screen = play_to_ending(app)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_TAB)
    assert screen.focus.visible
    first = screen.focus.current
    press(app, pygame.K_TAB)
    second = screen.focus.current
    assert second is not first
    redraw(app)
    assert pixels(app.surface, second.rect.inflate(12, 12), app.theme.palette.accent, tolerance=30) > 20
    press(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert screen.focus.current is first


def test_play_again_starts_a_new_game_after_the_content_note(make_app):
    app = make_app(size=(1024, 600))
    screen = play_to_ending(app)
    press(app, pygame.K_RETURN)
    button = next(b for b in screen.footer_buttons if b.label == "Play again")
    click(app, button.rect.center)
    assert app.top.name == "message"  # the content note first
    assert app.stack[0][0].name == "title"
    press(app, pygame.K_RETURN)  # Begin
    assert app.top.name == "scene"
    assert app.session is not None and app.session.state.log == ()
    assert app.session.state.scene == app.story.start


def test_back_to_the_ending(make_app):
    app = make_app(size=(1024, 600))
    screen = play_to_ending(app)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_BACKSPACE)
    assert screen.page_name == "ending"
    press(app, pygame.K_RETURN)
    button = next(b for b in screen.footer_buttons if b.label == "Back to the ending")
    click(app, button.rect.center)
    assert screen.page_name == "ending"


def test_everything_is_inside_the_window_at_1024x600(make_app):
    app = make_app(size=(1024, 600))
    screen = play_to_ending(app)
    window = app.surface.get_rect()
    assert window.contains(screen.ending.view)
    assert window.contains(screen.scrollbar()[0])
    press(app, pygame.K_END)
    assert window.contains(screen.focus.current.rect)
    press(app, pygame.K_RETURN)
    assert window.contains(screen.debrief.view) and window.contains(screen.footer)
    for button in screen.footer_buttons:
        assert window.contains(button.rect)
        assert not button.rect.colliderect(screen.debrief.view)
    assert window.contains(screen.chart_rect)
    assert window.contains(screen.scrollbar()[0])
    for piece in screen.debrief.pieces:  # nothing wider than the page
        assert screen.debrief.rect_of(piece).width <= screen.debrief.view.width


def test_resizing_keeps_the_page_and_lays_it_out_again(make_app):
    app = make_app(size=(1280, 720))
    screen = play_to_ending(app)
    press(app, pygame.K_RETURN)
    app.surface = pygame.display.set_mode((1024, 600))
    app.relayout()
    redraw(app)
    assert screen.page_name == "debrief"
    assert app.surface.get_rect().contains(screen.chart_rect)


def test_the_debrief_is_idle(make_app):
    app = make_app(size=(1024, 600))
    screen = play_to_ending(app)
    assert screen.update(0.1) is False
    press(app, pygame.K_RETURN)
    assert screen.update(0.1) is False


# ---- the small test story ---------------------------------------------------------------------

def test_the_village_story_reaches_its_ending_and_debrief(make_app):
    app = make_app(size=(1024, 600), story=VILLAGE)
    screen = play_to_ending(app)
    scene = app.story.scenes[app.session.state.scene]
    assert scene.ending.title == "The village survived"
    assert ink_in(app, on_screen(screen, screen.ending, "title")) > 20
    assert ink_in(app, on_screen(screen, screen.ending, "epilogue")) > 5
    press(app, pygame.K_RETURN)
    assert len(screen.rows) == len(app.session.state.log) == 3
    assert [row["act"] for row in screen.rows] == ["Act One", "Act One", "Act Two"]
    palette = app.theme.palette
    for colour in (palette.ink, palette.accent):  # two stats, two lines
        assert pixels(app.surface, screen.chart_rect, colour, tolerance=12) > 3
    pixels_by_stat = screen.chart_pixels()
    assert set(pixels_by_stat) == {"grain", "trust"}
    assert all(len(points) == 4 for points in pixels_by_stat.values())


def test_an_ending_without_choices_says_the_chart_needs_more(make_app):
    from dataclasses import replace

    app = make_app(size=(1024, 600), story=VILLAGE)
    app.new_session(replace(engine.new_game(app.story), scene="survived"))
    app.reset_to(EndingScreen(app))
    app.step([])
    screen = app.top
    press(app, pygame.K_RETURN)
    assert len(screen.points) == 1 and screen.rows == []
    assert pixels(app.surface, screen.chart_rect, app.theme.palette.ink, tolerance=12) > 3


# ---- the chart's mapping ------------------------------------------------------------------------

def test_chart_points_follow_the_log(village):
    state = engine.new_game(village)
    for index in (0, 0, 0):
        state, _ = engine.choose(village, state, index)
    points = chart_points(village, state)
    assert len(points) == len(state.log) + 1
    assert dict(points[0].stats) == {name: stat.start for name, stat in village.stats.items()}
    for point, entry in zip(points[1:], state.log):
        assert dict(point.stats) == dict(entry.stats)
        start, length = date_span(entry.date)
        assert start < point.when < start + length  # within the month (or year) of the choice
    assert [p.when for p in points] == sorted(p.when for p in points)


def test_choices_in_the_same_month_are_spread_across_it(shipped_story):
    state = engine.new_game(shipped_story)
    while not engine.is_over(shipped_story, state):
        state, _ = engine.choose(shipped_story, state,
                                 engine.available_choices(shipped_story, state)[0].index)
    points = chart_points(shipped_story, state)
    whens = [p.when for p in points]
    assert len(set(whens)) == len(whens)  # no two points on top of each other in time


def test_an_act_played_alone_starts_the_chart_from_its_own_values(village):
    state = engine.new_game(village, "two")
    state, _ = engine.choose(village, state, 0)
    assert start_stats(village, state)["grain"] == 8  # the act's start state, not the story's 5
    assert chart_points(village, state)[0].stats["grain"] == 8


def test_date_span_and_time_range():
    assert date_span("1958-09") == (pytest.approx(1958 + 8 / 12), pytest.approx(1 / 12))
    assert date_span("1961") == (1961.0, 1.0)
    assert date_span("?") is None
    start, end, monthly = time_range([ChartPoint(1958.3, {}), ChartPoint(1958.6, {})])
    assert monthly and start == pytest.approx(1958.25) and end == pytest.approx(1958 + 8 / 12)
    start, end, monthly = time_range([ChartPoint(1958.3, {}), ChartPoint(1960.4, {})])
    assert not monthly and (start, end) == (1958.0, 1961.0)


def test_map_point_puts_low_at_the_bottom_and_time_left_to_right():
    plot = pygame.Rect(100, 50, 401, 201)
    span = (1958.0, 1960.0)
    assert map_point(1958.0, 0, 0, 10, plot, span) == (plot.left, plot.bottom - 1)
    assert map_point(1960.0, 10, 0, 10, plot, span) == (plot.right - 1, plot.top)
    assert map_point(1959.0, 5, 0, 10, plot, span) == (plot.centerx, plot.centery)
    assert map_point(1959.0, 50, 0, 100, plot, span) == map_point(1959.0, 5, 0, 10, plot, span)
    assert normalise(15, 0, 10) == 1.0 and normalise(-3, 0, 10) == 0.0 and normalise(4, 4, 4) == 0.5


def test_the_screen_maps_each_logged_stat_to_its_point(make_app):
    app = make_app(size=(1280, 720), story=VILLAGE)
    screen = play_to_ending(app)
    press(app, pygame.K_RETURN)
    area = screen.plot_area(screen.chart_rect)
    span = screen.chart_span()
    mapped = screen.chart_pixels()
    log = app.session.state.log
    for name, stat in app.story.stats.items():
        for point, entry, pixel in zip(screen.points[1:], log, mapped[name][1:]):
            assert pixel == map_point(point.when, entry.stats[name], stat.min, stat.max, area, span)
            assert area.collidepoint(pixel)
    # A higher value is drawn higher up.
    grain = mapped["grain"]
    values = [screen.points[0].stats["grain"]] + [e.stats["grain"] for e in log]
    for (_, y1), (_, y2), v1, v2 in zip(grain, grain[1:], values, values[1:]):
        assert (y2 < y1) == (v2 > v1) or v1 == v2


def test_save_report_writes_the_session_and_its_page_for_handing_in(make_app, tmp_path):
    import json

    app = make_app(story=VILLAGE)
    play_to_ending(app)
    press(app, pygame.K_RETURN)  # to the debrief
    button = next(b for b in app.top.footer_buttons if b.label == "Save report")
    click(app, button.rect.center)
    folder = tmp_path / "home" / "reports"
    pages = list(folder.glob("*.html"))
    assert len(pages) == 1 and pages[0].with_suffix(".json").exists()
    data = json.loads(pages[0].with_suffix(".json").read_text(encoding="utf-8"))
    ending = app.story.scenes[app.session.state.scene].ending.title
    assert data["ending"]["title"] == ending and len(data["choices"]) == len(app.session.state.log)
    assert ending in pages[0].read_text(encoding="utf-8")
    assert "Report saved" in app.toast[0] and str(pages[0]) in app.toast[0]


def test_save_report_from_the_pause_menu_mid_game(make_app, tmp_path):
    from uihelp import start_game

    app = make_app(story=VILLAGE)
    start_game(app)
    press(app, pygame.K_1)
    press(app, pygame.K_ESCAPE)
    if app.top.name != "pause":
        press(app, pygame.K_ESCAPE)
    button = next(b for b in app.top.focus.buttons if b.label == "Save report")
    click(app, button.rect.center)
    pages = list((tmp_path / "home" / "reports").glob("*.html"))
    assert len(pages) == 1 and "A game not yet finished" in pages[0].read_text(encoding="utf-8")
    assert app.top.name != "pause"  # back to the game
