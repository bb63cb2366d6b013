"""Golden playthrough plans: every tests/plans/*.plan, plainly and with a save/load round trip
after every step. Writers add plans without writing Python."""
from pathlib import Path

import pytest

from game.tools.plans import parse_plan, run_plan

PLANS = sorted((Path(__file__).parent / "plans").glob("*.plan"))


@pytest.mark.parametrize("roundtrip", [False, True], ids=["plain", "roundtrip"])
@pytest.mark.parametrize("plan", PLANS, ids=[p.stem for p in PLANS])
def test_plan(plan, roundtrip):
    result = run_plan(plan, roundtrip=roundtrip)
    assert result.ok, "\n".join(result.failures)
    assert result.steps > 0


def test_a_failing_plan_names_its_line(tmp_path):
    plan = tmp_path / "bad.plan"
    village = Path(__file__).parent / "stories" / "valid" / "village"
    plan.write_text(f"story: {village}\nchoose: Hide some grain\nstat: grain == 99\nscene: gate\nchoose: Fly\n")
    result = run_plan(plan)
    assert not result.ok
    assert f"{plan}:3: stat: grain == 99: is false (now grain=7, trust=3)" in result.failures
    assert any(f.startswith(f"{plan}:4: scene: gate") for f in result.failures)
    assert any(f.startswith(f"{plan}:5: choose: Fly: no choice starts with this") for f in result.failures)


def test_unknown_steps_are_reported():
    steps, errors = parse_plan("pick: 1\nchoose:\n", Path("p.plan"))
    assert errors == ["p.plan:1: unknown step 'pick: 1' (steps are: story, start, set, level, see, choose, "
                      "outcome, stat, flag, scene, unavailable, ending)", "p.plan:2: 'choose:' needs a value"]


def test_a_plan_can_start_at_any_scene_in_a_given_state(tmp_path):
    village = Path(__file__).parent / "stories" / "valid" / "village"
    plan = tmp_path / "meeting.plan"
    plan.write_text(f"story: {village}\nstart: scene meeting\nset: hid_grain = false\nset: grain = 3\n"
                    "unavailable: Open the hidden store\nchoose: Wait\nstat: grain == 3\nending: hungry\n")
    result = run_plan(plan)
    assert result.ok, result.failures
    plan.write_text(f"story: {village}\nstart: scene meting\n")
    assert run_plan(plan).failures == [f"{plan}: cannot start there: no scene 'meting': did you mean 'meeting'?"]


def test_every_act_and_every_ending_has_a_plan(shipped_story):
    """A writer who breaks an act or an ending finds out from a plan that walks into it."""
    acts, endings = set(), set()
    for plan in PLANS:
        steps, _errors = parse_plan(plan.read_text(encoding="utf-8"), plan)
        values = {step.key: step.value for step in steps}
        if "story" in values:
            continue  # the test village
        start = values.get("start", "new game")
        if start == "new game":
            acts.add(shipped_story.scenes[shipped_story.start].act)
        elif start.startswith("act "):
            acts.add(start[4:].strip())
        elif start.startswith("scene "):
            acts.add(shipped_story.scenes[start[6:].strip()].act)
        endings.update(step.value for step in steps if step.key == "ending")
    assert acts == set(shipped_story.acts)
    assert endings == {s.id for s in shipped_story.scenes.values() if s.is_ending}


def test_a_plan_with_two_starts_says_so(tmp_path):
    village = Path(__file__).parent / "stories" / "valid" / "village"
    plan = tmp_path / "two.plan"
    plan.write_text(f"story: {village}\nstart: scene meeting\nchoose: Wait\nstart: scene gate\nchoose: 1\n")
    result = run_plan(plan)
    assert result.failures == [f"{plan}:4: a second 'start:' (line 2 has the first); one plan plays one game: "
                               "put the other in its own .plan file"]
