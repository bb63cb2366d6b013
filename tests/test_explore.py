"""The explorer: exhaustive over (scene, state), with witnesses; and seeded random coverage."""
import io


from game.core.loader import load_story
from game.tools import explore

from conftest import edited_copy


def test_village_is_fully_explored(village):
    report = explore.explore(village)
    assert not report.capped and report.ok
    assert set(report.endings) == {"survived", "hungry"}
    assert report.scenes_reached == set(village.scenes)
    assert report.stat_ranges == {"grain": (0, 10), "trust": (2, 5)}
    witness = report.endings["survived"]
    assert witness.origin == "new game"  # witnesses start from a new game where one exists
    assert [step[0] for step in witness.steps][-1] == "meeting"


def edited_village(tmp_path, old, new):
    story, diags = load_story(edited_copy(tmp_path, {"acts/02_end.yaml": (old, new)}))
    assert story is not None and not [d for d in diags if d.is_error], [d.format() for d in diags]
    return story


def test_dead_end_is_found_with_a_witness_path(tmp_path):
    # 'Wait' only when grain is high: with grain at 0..1 and no hidden store, nothing is available.
    story = edited_village(tmp_path, "      - text: Wait\n", "      - text: Wait\n        if: grain > 1\n")
    report = explore.explore(story)
    assert "meeting" in report.dead_ends and not report.ok
    steps = report.dead_ends["meeting"].steps
    # Replaying the witness really reaches the dead end.
    from game.core import engine
    state = engine.new_game(story) if report.dead_ends["meeting"].origin == "new game" else None
    for scene, index, _text in steps:
        assert state.scene == scene
        state, _ = engine.choose(story, state, index)
    assert state.scene == "meeting" and engine.available_choices(story, state) == []
    out = io.StringIO()
    assert explore.run(story, out=out) == 1
    assert "dead end at 'meeting'" in out.getvalue() and "02_end.yaml" in out.getvalue()


def test_condition_that_is_never_true_is_reported(tmp_path):
    # ChoiceScript's quicktest would call this branch reachable; the state says it is not.
    story = edited_village(tmp_path, "if: hid_grain\n", "if: hid_grain and grain > 10\n")
    report = explore.explore(story)
    assert ("meeting", 0) not in report.choices_available
    assert "survived" in report.unreached_endings
    out = io.StringIO()
    assert explore.run(story, out=out) == 1
    text = out.getvalue()
    assert "ending 'survived' is never reached" in text
    assert "choice 1 of 'meeting' is never available (if: hid_grain and grain > 10)" in text


def test_cap_stops_the_search_and_says_so(village):
    report = explore.explore(village, cap=3)
    assert report.capped
    out = io.StringIO()
    explore.print_report(village, report, out)
    assert "partial" in out.getvalue()


def test_random_runs_are_seeded_and_prefer_unused_choices(village):
    first = explore.random_runs(village, 10, seed=4)
    second = explore.random_runs(village, 10, seed=4)
    assert first == second
    assert first.scenes_visited == set(village.scenes)
    assert len(first.choices_taken) == 7  # least-used first: every choice within 10 runs
    out = io.StringIO()
    assert explore.run(village, random_count=10, seed=4, out=out) == 0
    assert "Scenes visited:  5 of 5 (100%)" in out.getvalue()
