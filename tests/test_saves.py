"""Saves: atomic, versioned, with clear errors for damaged or foreign files and edited stories."""
import json
import os

import pytest

from game.core import engine
from game.core.loader import load_story
from game.core.saves import SAVE_VERSION, SaveError, SaveStore, atomic_write

from conftest import VILLAGE, edited_copy


@pytest.fixture
def store(tmp_path):
    return SaveStore(tmp_path / "saves")


def played(story):
    state = engine.new_game(story)
    state, _ = engine.choose(story, state, 0)
    return state


def test_write_then_read_gives_the_same_state(store, village):
    state = played(village)
    store.write("1", village, state, {"note": "before the meeting"})
    loaded = store.read("1", village)
    assert loaded.state == state
    assert loaded.warnings == ()
    assert loaded.info.meta == {"note": "before the meeting"} and loaded.info.scene == "granary"


def test_writes_are_atomic_and_leave_no_temp_files(store, village, monkeypatch):
    state = played(village)
    store.write("1", village, state)
    good = store.path("1").read_bytes()

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(SaveError, match="No space left"):
        store.write("1", village, engine.new_game(village))
    assert store.path("1").read_bytes() == good  # the old save is intact
    assert [p.name for p in store.folder.iterdir()] == ["1.json"]  # no stray temp file


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b'{"format": "iron-and-grain-save", "version": 1, "sta', "damaged or cut short"),
    (b"\x00\xff\xfe garbage", "damaged"),
    (b'{"hello": "world"}', "not an Iron and Grain save"),
    (b"[1, 2, 3]", "not an Iron and Grain save"),
    (json.dumps({"format": "iron-and-grain-save", "version": SAVE_VERSION + 1}).encode(), "newer version"),
    (json.dumps({"format": "iron-and-grain-save", "version": 1, "story": {"title": "Test Village"},
                 "state": {"scene": 3}}).encode(), "damaged"),
    (b"[" * 100000, "damaged"),
])
def test_bad_files_raise_a_clear_save_error_and_spare_other_slots(store, village, content, message):
    store.write("2", village, played(village))
    store.folder.mkdir(parents=True, exist_ok=True)
    store.path("1").write_bytes(content)
    with pytest.raises(SaveError, match=message):
        store.read("1", village)
    assert store.read("2", village).state.scene == "granary"
    slots = {info.slot: info for info in store.list()}
    assert slots["1"].error and not slots["2"].error


def test_missing_slot_and_bad_slot_name(store, village):
    with pytest.raises(SaveError, match="no save in slot"):
        store.read("3", village)
    with pytest.raises(SaveError, match="not a valid slot"):
        store.write("../escape", village, played(village))


def test_save_from_another_story_is_refused(store, village, tmp_path):
    other, _ = load_story(edited_copy(tmp_path, {"story.yaml": ("title: Test Village", "title: Another Story")}))
    store.write("1", other, engine.new_game(other))
    with pytest.raises(SaveError, match="another story"):
        store.read("1", village)


def saved_then_edited(store, tmp_path, edits):
    """Save a game in the village story, then edit the story; returns (original, edited)."""
    story, _ = load_story(VILLAGE)
    store.write("1", story, played(story))
    edited, _ = load_story(edited_copy(tmp_path, edits))
    return story, edited


def test_save_from_an_edited_story_loads_when_its_scene_exists(store, tmp_path):
    story, edited = saved_then_edited(store, tmp_path, {
        "acts/01_gate.yaml": ("The granary, in full detail.", "The granary, rewritten."),
        "story.yaml": ("flags:\n", "  fear:\n    label: Fear\n    description: Fear.\n    min: 0\n    max: 5\n"
                       "    start: 1\nflags:\n"),
    })
    assert edited.content_hash != story.content_hash
    loaded = store.read("1", edited)
    assert loaded.state.scene == "granary" and loaded.state.stats["fear"] == 1
    assert any("edited" in w for w in loaded.warnings)
    assert any("fear" in w for w in loaded.warnings)


def test_save_from_an_edited_story_says_which_scene_is_gone(store, tmp_path):
    _story, edited = saved_then_edited(store, tmp_path, {"acts/01_gate.yaml": ("granary", "storehouse")})
    with pytest.raises(SaveError, match="scene 'granary'.*no longer has"):
        store.read("1", edited)


def test_list_shows_newest_first(store, village):
    store.write("1", village, played(village))
    store.write("auto", village, engine.new_game(village))
    infos = store.list()
    assert {i.slot for i in infos} == {"1", "auto"}
    assert all(i.saved_at for i in infos)


def test_atomic_write_creates_folders(tmp_path):
    target = tmp_path / "a" / "b" / "settings.json"
    atomic_write(target, b"{}")
    assert target.read_bytes() == b"{}"
