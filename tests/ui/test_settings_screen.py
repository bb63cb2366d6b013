"""The settings screen: every change applies at once and is saved; text re-wraps live; the whole
screen is reachable by keyboard and fits (by scrolling) a 1024x600 window at the largest text."""
import json
from dataclasses import replace

import pygame

from game.core.settings import TEXT_SIZES
from game.ui.theme import HIGH_CONTRAST
from uihelp import click, pixels, press

ROWS = ["Text size", "Text speed", "Fullscreen", "Volume", "High contrast", "Reduced motion", "Content level"]


def open_settings(app):
    app.top.settings()  # the title screen's Settings button
    screen = app.top
    assert screen.name == "settings"
    return screen


def saved(app) -> dict:
    return json.loads(app.settings_path.read_text(encoding="utf-8"))


def focus_row(app, screen, label):
    """Move the focus ring to a row with the Down key, as a keyboard player would."""
    for _ in range(len(screen.focus.buttons) + 1):
        if screen.focus.visible and screen.focus.current.label == label:
            return
        press(app, pygame.K_DOWN)
    raise AssertionError(f"the keyboard never reached {label}")


def row(screen, label):
    return next(r for r in screen.rows if r.label == label)


def test_the_screen_lists_every_setting_as_a_row(app):
    screen = open_settings(app)
    assert [r.label for r in screen.rows] == ROWS
    assert [b.label for b in screen.focus.buttons] == ROWS + ["Done"]
    assert not screen.opaque


def test_right_on_text_size_grows_the_text_and_saves_it(app):
    screen = open_settings(app)
    body = app.theme.size("body")
    press(app, pygame.K_RIGHT)
    assert app.settings.text_size == 2
    assert app.theme.size("body") > body
    assert saved(app)["text_size"] == 2
    press(app, pygame.K_LEFT, times=3)  # stops at the smallest size
    assert app.settings.text_size == 0 and saved(app)["text_size"] == 0
    assert screen.focus.current.label == "Text size"


def test_the_preview_rewraps_live_at_a_larger_size(app):
    screen = open_settings(app)
    before = len(screen.preview.lines)
    label_height = screen.rows[0].label_block.height
    title_button = app.stack[0][0].focus.buttons[0].rect.height
    press(app, pygame.K_RIGHT, times=3)
    assert app.settings.text_size == len(TEXT_SIZES) - 1
    assert screen.preview.size == app.theme.size("body")
    assert len(screen.preview.lines) > before
    assert screen.rows[0].label_block.height > label_height
    # The title screen underneath was laid out again too.
    assert app.stack[0][0].focus.buttons[0].rect.height > title_button


def test_the_preview_paragraph_is_drawn(app):
    screen = open_settings(app)
    press(app, pygame.K_END)
    app.dirty = True
    app.step([])
    top = screen.viewport.y - round(screen.scroller.offset)
    card = pygame.Rect(screen.viewport.x, top + screen.preview_y, screen.viewport.width, screen.preview.height)
    assert screen.viewport.contains(card)
    assert pixels(app.surface, card, app.theme.palette.ink, tolerance=60) > 50


def test_high_contrast_swaps_the_palette_and_is_saved(app):
    screen = open_settings(app)
    focus_row(app, screen, "High contrast")
    press(app, pygame.K_RIGHT)
    assert app.settings.high_contrast
    assert app.theme.palette == HIGH_CONTRAST
    assert saved(app)["high_contrast"] is True
    app.dirty = True
    app.step([])
    # The card is now white.
    assert pixels(app.surface, screen.box.inflate(-screen.theme.unit * 2, -screen.theme.unit * 2),
                  (255, 255, 255), tolerance=0) > 1000
    press(app, pygame.K_RETURN)  # Enter toggles it back
    assert not app.settings.high_contrast and app.theme.palette != HIGH_CONTRAST


def test_content_level_switch_persists_across_restarts(make_app):
    app = make_app()
    screen = open_settings(app)
    focus_row(app, screen, "Content level")
    press(app, pygame.K_RIGHT)
    assert app.settings.content_level == "classroom"
    assert saved(app)["content_level"] == "classroom"
    hint = row(screen, "Content level").hint_block
    assert " ".join(run.text for run in hint.runs).startswith("Leaves out the most graphic")
    again = make_app()
    assert again.settings.content_level == "classroom"


def test_keyboard_alone_reaches_every_row_and_done(make_app):
    app = make_app(size=(1024, 600))
    app.apply_settings(replace(app.settings, text_size=len(TEXT_SIZES) - 1))
    screen = open_settings(app)
    reached = []
    for _ in range(len(ROWS) + 1):
        current = screen.focus.current
        reached.append(current.label)
        if current is not screen.done:
            # The focused row is scrolled into view and wears the focus ring.
            assert screen.viewport.contains(current.rect), current.label
            app.dirty = True
            app.step([])
            edge = pygame.Rect(current.rect.x - 6, current.rect.y, 6, current.rect.height)
            assert pixels(app.surface, edge, app.theme.palette.accent, tolerance=40) > 0, current.label
        press(app, pygame.K_DOWN)
    assert reached == ROWS + ["Done"]
    assert screen.focus.current is screen.done  # arrows stop at the ends
    press(app, pygame.K_TAB)
    assert screen.focus.current.label == "Text size"  # Tab wraps round
    press(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert screen.focus.current is screen.done
    press(app, pygame.K_RETURN)
    assert app.top.name == "title"


def test_it_fits_1024x600_at_the_largest_text_by_scrolling(make_app):
    app = make_app(size=(1024, 600))
    app.apply_settings(replace(app.settings, text_size=len(TEXT_SIZES) - 1))
    screen = open_settings(app)
    window = app.surface.get_rect()
    assert window.contains(screen.box)
    assert window.contains(screen.viewport) and window.contains(screen.done.rect)
    last = screen.rows[-1].button
    assert screen.scroller.limit > 0  # too tall to show at once ...
    assert not screen.viewport.contains(last.rect)
    for _ in range(20):  # ... so the wheel scrolls until the last row is in view
        if screen.viewport.contains(last.rect):
            break
        app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False)])
    assert screen.viewport.contains(last.rect) and window.contains(last.rect)
    press(app, pygame.K_HOME)
    assert screen.scroller.offset == 0
    press(app, pygame.K_PAGEDOWN, times=10)  # Page Down goes on to the preview below the rows
    assert screen.scroller.offset == screen.scroller.limit
    for r in screen.rows:  # every control sits inside its row, and every row inside the card
        assert r.button.rect.contains(r.control)
        assert r.button.rect.left >= screen.box.left and r.button.rect.right <= screen.box.right


def test_clicking_the_arrows_and_the_row_changes_values(app):
    screen = open_settings(app)
    volume = row(screen, "Volume")
    screen.scroll_by(volume.button.rect.bottom - screen.viewport.bottom)
    left, right = screen._arrows(volume)
    click(app, right.center)
    assert abs(app.settings.volume - 0.7) < 1e-9 and abs(saved(app)["volume"] - 0.7) < 1e-9
    click(app, left.center)
    click(app, left.center)
    assert abs(app.settings.volume - 0.5) < 1e-9
    click(app, (volume.button.rect.x + screen.theme.unit * 2, volume.button.rect.centery))
    assert abs(app.settings.volume - 0.6) < 1e-9  # a click on the row steps it on
    assert screen.focus.current is volume.button  # and keeps the focus there


def test_text_speed_steps_through_named_speeds(app):
    screen = open_settings(app)
    focus_row(app, screen, "Text speed")
    press(app, pygame.K_LEFT, times=4)
    assert app.settings.text_speed == 0 and app.settings.chars_per_second == 0
    assert row(screen, "Text speed").options[0][1] == "Instant"
    press(app, pygame.K_RIGHT)
    assert app.settings.text_speed == 1 and saved(app)["text_speed"] == 1


def test_fullscreen_row_switches_the_window_mode(app):
    screen = open_settings(app)
    focus_row(app, screen, "Fullscreen")
    press(app, pygame.K_RIGHT)
    assert app.settings.fullscreen and saved(app)["fullscreen"] is True
    assert screen.box.width > 0 and app.surface.get_rect().contains(screen.box)
    press(app, pygame.K_LEFT)
    assert not app.settings.fullscreen and saved(app)["fullscreen"] is False


def test_escape_and_done_close_and_clicking_done_works(app):
    open_settings(app)
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "title"
    screen = open_settings(app)
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=screen.done.rect.center, rel=(0, 0), buttons=(0, 0, 0))])
    click(app, screen.done.rect.center)
    assert app.top.name == "title"


def test_values_reset_from_a_damaged_file_are_named(make_app, tmp_path):
    home = tmp_path / "home"
    home.mkdir(parents=True)
    (home / "settings.json").write_text('{"volume": "loud", "text_size": 3}', encoding="utf-8")
    app = make_app()
    assert app.settings.text_size == 3 and app.settings_reset == ["volume"]
    screen = open_settings(app)
    assert screen.note is not None
    words = " ".join(run.text for run in screen.note.runs)
    assert "volume" in words


def test_no_reset_line_when_the_file_was_fine(app):
    screen = open_settings(app)
    assert screen.note is None


def test_classroom_mode_says_it_keeps_high_contrast(make_app):
    from game.ui.theme import HIGH_CONTRAST

    app = make_app(classroom=True)
    assert app.theme.palette == HIGH_CONTRAST and not app.settings.high_contrast
    screen = open_settings(app)
    row = next(r for r in screen.rows if r.setting == "high_contrast")
    assert "keeps high contrast on" in row.hint(app.settings)  # the row says why it reads Off
