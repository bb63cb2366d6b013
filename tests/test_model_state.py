"""Small pieces players and saves rely on: date labels, state validation, visible sources."""
import json

import pytest

from game.core import engine
from game.core.model import date_label
from game.core.state import GameState, StateError


@pytest.mark.parametrize("date, plain, season", [
    ("1958-09", "September 1958", "Autumn 1958"),
    ("1959-01", "January 1959", "Winter 1959"),
    ("1961-04", "April 1961", "Spring 1961"),
    ("1962", "1962", "1962"),
])
def test_date_labels(date, plain, season):
    assert date_label(date) == plain
    assert date_label(date, season=True) == season


def test_state_round_trips_through_json(village):
    state, _ = engine.choose(village, engine.new_game(village), 0)
    assert GameState.from_dict(json.loads(json.dumps(state.to_dict()))) == state


@pytest.mark.parametrize("data, message", [
    ([], "not an object"),
    ({"stats": {}, "flags": {}, "visits": {}}, "lacks 'scene'"),
    ({"scene": "a", "stats": {"grain": "lots"}, "flags": {}, "visits": {}}, "'stats' should map names to whole numbers"),
    ({"scene": "a", "stats": {}, "flags": {"x": 1}, "visits": {}}, "'flags' should map names to true/false"),
    ({"scene": "a", "stats": {}, "flags": {}, "visits": {}, "log": [{"scene": "a"}]}, "log entry lacks"),
    ({"scene": "a", "stats": {}, "flags": {}, "visits": {}, "log": "x"}, "'log' is not a list"),
])
def test_damaged_state_is_refused_with_a_plain_message(data, message):
    with pytest.raises(StateError, match=message):
        GameState.from_dict(data)


def test_only_player_visible_sources_are_listed_once_each(village):
    fact = village.facts["F02"]
    assert [s.cite for s in village.visible_sources(fact)] == ["Author, Title (2000)"]


def test_one_file_outside_a_story_is_checked_alone(tmp_path):
    from game.tools.check import check_path
    lone = tmp_path / "scratch.yaml"
    lone.write_text("act: a\ntitle: A\nsummary: s\nminutes: 1\nstart: x\nscenes:\n"
                    "  - id: x\n    date: 1958-04\n    place: p\n    text: t\n    choices:\n"
                    "      - text: Go\n        outcome: o\n        history: [F01]\n        goto: elsewhere\n"
                    "        if: trust > 1\n")
    _story, diags, files = check_path(str(lone))
    # References it cannot see (the fact, the goto target, the stat) are not reported...
    assert files == 1 and diags == []
    # ...but the file's own shape and syntax are.
    lone.write_text(lone.read_text().replace("if: trust > 1", "if: trust >"))
    assert [d.code for d in check_path(str(lone))[1]] == ["E201"]
