"""Golden playthrough plans: choices in, expected text and numbers out, no Python needed.

A plan is a text file of `key: value` lines, run top to bottom (see docs/story-format.md):

    # Hide the grain, then open the store at the meeting.
    story: ../stories/valid/village   # optional; relative to the plan; default: the repo's story/
    start: new game                   # or: act two, or: scene granary (any scene, from its act's start state)
    set: grain = 7                    # before play: a stat's value, or a flag (set: hid_grain, set: hid_grain = false)
    level: full                       # or: classroom
    see: The telephone rings          # the scene's text or one of its choices contains this
    choose: Hide some grain           # a choice by the start of its text, or by number: choose: 1
    outcome: You hide grain           # the last outcome contains this
    stat: grain == 7                  # any comparison the story's expressions allow
    flag: hid_grain                   # or: flag: not hid_grain
    scene: granary                    # the current scene id
    unavailable: Speak up             # a choice shown dimmed (its condition is false)
    ending: survived                  # the game has reached this ending

`python -m game plan FILE...` runs plans; pytest runs every tests/plans/*.plan twice, once
plainly and once with a save/load round trip after every step (so no state escapes a save).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from game.core import engine, rules
from game.core.loader import load_story
from game.core.model import ContentLevel, Story
from game.core.saves import decode_save, encode_save

KEYS = ("story", "start", "set", "level", "see", "choose", "outcome", "stat", "flag", "scene", "unavailable", "ending")
REPO_STORY = Path(__file__).resolve().parents[2] / "story"


@dataclass(frozen=True)
class Step:
    key: str
    value: str
    line: int


@dataclass
class PlanResult:
    path: Path
    failures: list[str]
    steps: int

    @property
    def ok(self) -> bool:
        return not self.failures


def parse_plan(text: str, path: Path) -> tuple[list[Step], list[str]]:
    steps: list[Step] = []
    errors: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        value = value.split(" #", 1)[0].strip() if key not in ("see", "outcome") else value.strip()
        if not sep or key not in KEYS:
            errors.append(f"{path}:{number}: unknown step '{line}' (steps are: {', '.join(KEYS)})")
            continue
        if not value:
            errors.append(f"{path}:{number}: '{key}:' needs a value")
            continue
        steps.append(Step(key, value, number))
    return steps, errors


_story_cache: dict[Path, tuple[Story | None, list[str]]] = {}


def _load(path: Path) -> tuple[Story | None, list[str]]:
    resolved = path.resolve()
    if resolved not in _story_cache:
        story, diags = load_story(resolved)
        errors = [d.format() for d in diags if d.is_error]
        _story_cache[resolved] = (story if not errors else None, errors)
    return _story_cache[resolved]


def run_plan(path: Path, *, roundtrip: bool = False) -> PlanResult:
    """Run one plan; failures name the plan's file and line."""
    steps, failures = parse_plan(path.read_text(encoding="utf-8"), path)
    result = PlanResult(path, failures, 0)
    if failures:
        return result
    story_path = REPO_STORY
    start = "new game"
    level: ContentLevel = "full"
    given_stats: dict[str, int] = {}
    given_flags: dict[str, bool] = {}
    for key in ("story", "start", "level"):
        lines = [step.line for step in steps if step.key == key]
        if len(lines) > 1:
            failures.append(f"{path}:{lines[1]}: a second '{key}:' (line {lines[0]} has the first); "
                            f"one plan plays one game: put the other in its own .plan file")
    for step in steps:  # settings may appear anywhere but apply to the whole plan
        if step.key == "story":
            story_path = (path.parent / step.value)
        elif step.key == "start":
            start = step.value
        elif step.key == "set":
            name, sep, value = (part.strip() for part in step.value.partition("="))
            if not sep or value.lower() in ("true", "false"):
                given_flags[name] = not sep or value.lower() == "true"
            elif value.lstrip("-").isdigit():
                given_stats[name] = int(value)
            else:
                failures.append(f"{path}:{step.line}: set: write 'stat = number', 'flag' or 'flag = false'")
        elif step.key == "level":
            if step.value not in ("full", "classroom"):
                failures.append(f"{path}:{step.line}: level must be full or classroom")
            level = step.value  # type: ignore[assignment]
    story, errors = _load(story_path)
    if story is None:
        failures.append(f"{path}: the story at {story_path} does not load: " + "; ".join(errors[:3]))
        return result
    if failures:
        return result
    if start == "new game":
        first, act = story.start, None
    elif start.startswith("act ") and start[4:].strip() in story.acts:
        act = start[4:].strip()
        first = story.acts[act].start
    elif start.startswith("scene "):
        first, act = start[6:].strip(), None
    else:
        failures.append(f"{path}: start must be 'new game', 'act ID' or 'scene ID' (acts: {', '.join(story.acts)})")
        return result
    try:
        if start.startswith("scene ") or given_stats or given_flags:
            state = engine.start_at(story, first, given_stats, given_flags)
        else:
            state = engine.new_game(story, act)
    except engine.EngineError as exc:
        failures.append(f"{path}: cannot start there: {exc}")
        return result
    last_outcome = ""
    names = rules.Names(frozenset(story.stats), frozenset(story.flags), frozenset(story.scenes))

    def fail(step: Step, message: str) -> None:
        failures.append(f"{path}:{step.line}: {step.key}: {step.value}: {message}")

    for step in steps:
        if step.key in ("story", "start", "set", "level"):
            continue
        result.steps += 1
        scene = story.scenes[state.scene]
        if step.key == "see":
            texts = [scene.text.get(level)] + [c.text.get(level) for c in scene.choices]
            if scene.ending:
                texts += [scene.ending.title, scene.ending.epilogue.get(level)]
            if not any(step.value in t for t in texts):
                fail(step, f"not found in scene '{scene.id}'")
        elif step.key == "choose":
            index = _find_choice(scene, step.value, level)
            if isinstance(index, str):
                fail(step, index)
                break
            if not engine.is_available(scene.choices[index], state):
                fail(step, f"choice {index + 1} of '{scene.id}' is not available in this state")
                break
            state, outcome = engine.choose(story, state, index)
            last_outcome = outcome.text.get(level)
            if roundtrip:
                state = decode_save(encode_save(story, state), story).state
        elif step.key == "outcome":
            if step.value not in last_outcome:
                fail(step, "not in the last outcome" + (f" ({last_outcome[:60]!r}...)" if last_outcome else ""))
        elif step.key in ("stat", "flag"):
            try:
                expr = rules.parse(step.value)
                kind = rules.check(expr, names)
            except rules.ExprError as exc:
                fail(step, f"{exc.message} {exc.hint}".strip())
                continue
            if kind != "bool":
                fail(step, "write a comparison, e.g. 'grain == 40'")
            elif not rules.compile_expr(expr)(state.stats, state.flags, state.visits):
                values = ", ".join(f"{n}={state.stats[n]}" for n in story.stats)
                fail(step, f"is false (now {values})")
        elif step.key == "scene":
            if state.scene != step.value:
                fail(step, f"the game is at scene '{state.scene}'")
        elif step.key == "unavailable":
            index = _find_choice(scene, step.value, level)
            if isinstance(index, str):
                fail(step, index)
            elif engine.is_available(scene.choices[index], state):
                fail(step, "the choice is available")
        elif step.key == "ending":
            if not scene.is_ending:
                fail(step, f"the game is at scene '{scene.id}', not at an ending")
            elif scene.id != step.value:
                fail(step, f"the game reached ending '{scene.id}'")
    return result


def _find_choice(scene, wanted: str, level: ContentLevel) -> int | str:
    if wanted.isdigit():
        index = int(wanted) - 1
        if 0 <= index < len(scene.choices):
            return index
        return f"scene '{scene.id}' has {len(scene.choices)} choices"
    matches = [c.index for c in scene.choices if c.text.get(level).startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    listed = "; ".join(f"{c.index + 1}. {c.text.get(level)}" for c in scene.choices)
    if not matches:
        return f"no choice starts with this in '{scene.id}' ({listed or 'no choices'})"
    return f"several choices start with this in '{scene.id}'; write more of the text or the number"


def run(paths: list[str], *, out: TextIO = sys.stdout) -> int:
    files: list[Path] = []
    for p in paths:
        path = Path(p)
        files.extend(sorted(path.glob("*.plan")) if path.is_dir() else [path])
    failed = 0
    for file in files:
        result = run_plan(file, roundtrip=True)
        if result.ok:
            out.write(f"ok    {file} ({result.steps} step{'s' if result.steps != 1 else ''})\n")
        else:
            failed += 1
            out.write(f"FAIL  {file}\n")
            for failure in result.failures:
                out.write(f"  {failure}\n")
    out.write(f"{len(files) - failed} passed, {failed} failed\n")
    return 1 if failed else 0
