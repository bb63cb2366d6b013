"""The commands as writers use them: output format, JSON, exit codes, one-file checks."""
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INVALID = ROOT / "tests" / "stories" / "invalid"
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning) (?P<code>[EW]\d{3}): .+$")


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def make_broken(tmp_path):
    story = tmp_path / "broken"
    (story / "acts").mkdir(parents=True)
    (story / "story.yaml").write_text(
        "title: Broken\nstart: gate\nstats:\n  trust: {label: Trust, description: d, min: 0, max: 5, start: 2}\n"
        "facts:\n  F01: {year: 1958, when: '1958', title: t, claim: c, reliability: [MULTI], sources: [S]}\n"
        "sources:\n  S: {cite: 'A, B (2000)', status: show}\n")
    (story / "acts" / "a.yaml").write_text(
        "act: a\ntitle: A\nsummary: s\nminutes: 1\nstart: gate\nscenes:\n"
        "  - id: gate\n    date: 1958-04\n    place: p\n    text: t\n    choises: []\n"
        "  - id: end\n    date: 1958-05\n    place: p\n    text: t\n    choices:\n"
        "      - text: Go\n        if: trst > 1\n        outcome: o\n        history: [F01]\n        goto: gat\n")
    return story


def test_check_prints_every_problem_with_path_line_col_and_hint(tmp_path):
    story = make_broken(tmp_path)
    result = run("-m", "game", "check", str(story))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    problems = [LINE.match(l) for l in lines[:-1]]
    assert all(problems), lines
    codes = {(m["code"], m["line"]) for m in problems}
    assert ("E101", "11") in codes  # choises: did you mean 'choices'?
    assert ("E202", "18") in codes  # trst
    assert ("E106", "21") in codes  # gat
    assert ("E502", "7") in codes  # gate has no way out once 'choises' is not read
    assert "did you mean 'choices'?" in result.stdout
    assert "did you mean 'trust'?" in result.stdout and "did you mean 'gate'?" in result.stdout
    assert re.match(r"\d+ errors?, \d+ warnings? in 2 files", lines[-1])
    # The column points at the misspelt name inside the expression.
    e202 = next(m for m in problems if m["code"] == "E202")
    assert e202["col"] == "13"


def test_check_json(tmp_path):
    story = make_broken(tmp_path)
    result = run("-m", "game", "check", str(story), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["errors"] >= 4 and data["files"] == 2
    first = data["diagnostics"][0]
    assert set(first) == {"severity", "code", "path", "line", "col", "message", "hint"}


def test_check_one_file_inside_a_story_shows_only_that_file(tmp_path):
    story = make_broken(tmp_path)
    result = run("-m", "game", "check", str(story / "acts" / "a.yaml"))
    assert result.returncode == 1
    paths = {LINE.match(l)["path"] for l in result.stdout.strip().splitlines()[:-1]}
    assert paths == {str(story / "acts" / "a.yaml")} or all(p.endswith("acts/a.yaml") for p in paths)
    assert result.stdout.strip().endswith("in 1 file")


def test_check_clean_story_exits_zero():
    result = run("-m", "game", "check", "tests/stories/valid/village")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "0 errors, 0 warnings in 4 files"


def test_check_missing_path():
    result = run("-m", "game", "check", "no/such/story")
    assert result.returncode == 1 and "E011" in result.stdout and "Traceback" not in result.stderr


def test_main_with_a_broken_story_prints_diagnostics_and_fails(tmp_path):
    story = make_broken(tmp_path)
    result = run("main.py", "--story", str(story))
    assert result.returncode == 1
    assert "E106" in result.stderr and "did you mean 'gate'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_explore_command_exit_codes(tmp_path):
    assert run("-m", "game", "explore", "tests/stories/valid/village").returncode == 0
    assert run("-m", "game", "explore", str(make_broken(tmp_path))).returncode == 1


def test_play_command_plays_to_an_ending_from_piped_input(tmp_path):
    result = subprocess.run([sys.executable, "-m", "game", "play", "tests/stories/valid/village", "--act", "two",
                             "--saves", str(tmp_path / "saves")], cwd=ROOT, input="1\n", capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Ending: The village survived" in result.stdout
    assert (tmp_path / "saves" / "auto.json").exists()


def test_usage_error_exit_code():
    assert run("-m", "game", "nonsense").returncode == 2


def play_village(*args, input_text="1\n"):
    return subprocess.run([sys.executable, "-m", "game", "play", "tests/stories/valid/village", "--no-saves", *args],
                          cwd=ROOT, input=input_text, capture_output=True, text=True, timeout=60)


def test_a_writer_can_start_at_any_scene_in_any_state():
    # The hidden store is open only with hid_grain; the act's start state has it, so clear it first.
    shut = play_village("--scene", "meeting", "--flag", "hid_grain=false", input_text="2\n")
    assert shut.returncode == 0, shut.stderr
    assert "The meeting." in shut.stdout and "There is no hidden store" in shut.stdout
    opened = play_village("--scene", "meeting", "--set", "grain=7", "--flag", "hid_grain", input_text="1\n")
    assert opened.returncode == 0, opened.stderr
    assert "Ending: The village survived" in opened.stdout


def test_starting_somewhere_the_story_lacks_says_what_to_fix():
    cases = {("--scene", "meting"): "did you mean 'meeting'",
             ("--scene", "gate", "--set", "grain=500"): "grain runs from 0 to",
             ("--scene", "gate", "--set", "grian=5"): "no stat 'grian'",
             ("--scene", "gate", "--set", "grain"): "stat=number",
             ("--scene", "gate", "--flag", "hid_grain=maybe"): "--flag name=false",
             ("--scene", "gate", "--act", "two"): "give one of them"}
    for args, message in cases.items():
        result = play_village(*args)
        assert result.returncode == 2 and message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_tools_given_one_story_file_use_the_story_it_belongs_to():
    result = run("-m", "game", "explore", "tests/stories/valid/village/acts/01_gate.yaml")
    assert result.returncode == 0, result.stderr
    assert "one file; using the story it belongs to" in result.stderr and "OK: 0 dead end(s)" in result.stdout
