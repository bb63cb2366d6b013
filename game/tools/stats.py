"""`python -m game stats [PATH] [--json]`: how big the story is, act by act, and how long it plays.

Counts what a writer or a teacher planning a lesson needs: scenes, choices, endings, words of prose,
cited choices and facts. "Words" are the prose a player reads in the full content level: scene
texts, choice texts, locked reasons, outcomes, ending titles and epilogues (facts, glossary and
teacher notes are not counted).

Minutes are measured, not guessed from the whole act: seeded random playthroughs (the same every
run) read one path, and each path's minutes are its words at READING_WPM plus THINK_SECONDS per
decision (CONTINUE_SECONDS where only one choice is open, as at the end of an act). An act's figure is the median of playing it alone from its start; the story's is the
median of complete games from a new game, with the median for each ending (an early ending makes a
shorter game, so the whole-game median alone can mislead).
"""
from __future__ import annotations

import json
import random
import re
import statistics
import sys
from dataclasses import asdict, dataclass, field
from typing import TextIO

from game.core import engine
from game.core.model import Scene, Story, Text
from game.core.state import GameState

READING_WPM = 238  # adults reading silently (Brysbaert 2019, meta-analysis of 190 studies: 238 wpm)
THINK_SECONDS = 8  # reading the choices again and deciding
CONTINUE_SECONDS = 2  # a scene where only one choice is open: nothing to decide, only to go on
PLAYS = 400  # enough that the median holds still when one branch changes
SEED = 1958
MAX_STEPS = 2_000

_WORD = re.compile(r"\d+(?:[,.]\d+)*%?"  # 3,530 and 25.8% are one word each
                   r"|[A-Za-z\u00C0-\u024F]+(?:['\u2019-][A-Za-z0-9\u00C0-\u024F]+)*"  # Ma's, full-to-the-brim
                   r"|[\u3400-\u9FFF]")  # each Chinese character


def words(text: str | Text | None) -> int:
    """Words in a text's full variant; each Chinese character counts as one word."""
    if text is None:
        return 0
    return len(_WORD.findall(text.full if isinstance(text, Text) else text))


def scene_words(scene: Scene) -> int:
    """Every word the scene can show: its text, each choice with its lock and outcome, its ending."""
    total = words(scene.text)
    for choice in scene.choices:
        total += words(choice.text) + words(choice.locked) + words(choice.outcome)
    if scene.ending is not None:
        total += words(scene.ending.title) + words(scene.ending.epilogue)
    return total


@dataclass
class Figures:
    """The counts for an act or for the whole story."""

    scenes: int = 0
    choices: int = 0
    endings: int = 0
    words: int = 0
    cited_choices: int = 0
    facts: int = 0  # distinct facts cited by these choices
    minutes: float = 0.0  # median of measured playthroughs
    minutes_range: tuple[float, float] = (0.0, 0.0)  # 10th to 90th percentile
    minutes_by_ending: dict[str, float] = field(default_factory=dict)  # median per ending reached
    minutes_planned: int | None = None  # the act's own `minutes:` estimate
    title: str = ""
    ending_ids: list[str] = field(default_factory=list)


def count(story: Story, scene_ids: list[str]) -> Figures:
    figures = Figures()
    cited: set[str] = set()
    for scene_id in scene_ids:
        scene = story.scenes[scene_id]
        figures.scenes += 1
        figures.words += scene_words(scene)
        if scene.is_ending:
            figures.endings += 1
            figures.ending_ids.append(scene_id)
        for choice in scene.choices:
            figures.choices += 1
            if choice.history:
                figures.cited_choices += 1
                cited.update(choice.history)
    figures.facts = len(cited)
    return figures


def walk(story: Story, rng: random.Random, state: GameState, act: str | None = None,
         max_steps: int = MAX_STEPS) -> tuple[float, GameState, bool]:
    """One random path from `state`, to an ending or (with `act`) until it leaves the act: its
    minutes, the state it stopped in, and whether it stopped at a dead end."""
    total_words = 0
    seconds = 0.0
    for _ in range(max_steps):
        scene = story.scenes[state.scene]
        if act is not None and scene.act != act:
            break
        total_words += words(scene.text)
        if scene.is_ending:
            total_words += words(scene.ending.title) + words(scene.ending.epilogue)
            break
        available = engine.available_choices(story, state)
        if not available:
            return total_words / READING_WPM + seconds / 60, state, True
        total_words += sum(words(c.text) for c in scene.choices)
        choice = rng.choice(available)
        total_words += words(choice.outcome)
        seconds += THINK_SECONDS if len(available) > 1 else CONTINUE_SECONDS
        state, _ = engine.choose(story, state, choice.index)
    return total_words / READING_WPM + seconds / 60, state, False


def play(story: Story, rng: random.Random, act: str | None) -> tuple[float, str] | None:
    """One random path from a new game (or an act's start): its minutes and the scene it stopped
    at (an ending, or the next act's); None at a dead end, which explore reports."""
    minutes, state, stuck = walk(story, rng, engine.new_game(story, act), act)
    return None if stuck else (minutes, state.scene)


def measure(story: Story, act: str | None, plays: int = PLAYS) -> tuple[float, tuple[float, float], dict[str, float]]:
    """Median minutes, the 10th-90th percentile, and (for whole games) the median per ending."""
    rng = random.Random(f"{SEED}:{act}")
    results = [r for r in (play(story, rng, act) for _ in range(plays)) if r is not None]
    if not results:
        return 0.0, (0.0, 0.0), {}
    minutes = sorted(m for m, _end in results)
    low, high = minutes[len(minutes) // 10], minutes[(len(minutes) * 9) // 10 - 1]
    by_ending: dict[str, list[float]] = {}
    if act is None:
        for m, end in results:
            by_ending.setdefault(end, []).append(m)
    return (round(statistics.median(minutes), 1), (round(low, 1), round(high, 1)),
            {end: round(statistics.median(ms), 1) for end, ms in sorted(by_ending.items())})


def collect(story: Story, plays: int = PLAYS) -> tuple[dict[str, Figures], Figures]:
    per_act: dict[str, Figures] = {}
    for act in story.acts.values():
        figures = count(story, list(act.scenes))
        figures.title = act.title
        figures.minutes_planned = act.minutes
        if act.start_state is not None or act.start == story.start:
            figures.minutes, figures.minutes_range, _ = measure(story, act.id, plays)
        per_act[act.id] = figures
    total = count(story, list(story.scenes))
    total.title = story.title
    total.minutes, total.minutes_range, total.minutes_by_ending = measure(story, None, plays)
    return per_act, total


def as_json(story: Story, per_act: dict[str, Figures], total: Figures) -> dict:
    def row(f: Figures) -> dict:
        data = asdict(f)
        data["minutes_range"] = list(f.minutes_range)
        data["reading_minutes"] = data.pop("minutes")
        return data

    summary = row(total)
    summary.pop("minutes_planned")
    cited = set()
    for scene in story.scenes.values():
        for choice in scene.choices:
            cited.update(choice.history)
    summary["facts_total"] = len(story.facts)
    summary["facts_uncited"] = sorted(set(story.facts) - cited)
    summary["acts"] = {act_id: row(f) for act_id, f in per_act.items()}
    summary["assumptions"] = {"reading_wpm": READING_WPM, "think_seconds_per_choice": THINK_SECONDS,
                              "seconds_when_one_choice_is_open": CONTINUE_SECONDS,
                              "random_playthroughs": PLAYS, "seed": SEED}
    return summary


def render(story: Story, per_act: dict[str, Figures], total: Figures, out: TextIO) -> None:
    header = f"{'act':<12}{'scenes':>7}{'choices':>8}{'cited':>7}{'endings':>8}{'words':>8}{'facts':>6}  minutes"
    print(header, file=out)
    for act_id, f in per_act.items():
        low, high = f.minutes_range
        played = f"{f.minutes:g} ({low:g}-{high:g})" if f.minutes else "-"
        print(f"{act_id:<12}{f.scenes:>7}{f.choices:>8}{f.cited_choices:>7}{f.endings:>8}{f.words:>8}"
              f"{f.facts:>6}  {played}", file=out)
    low, high = total.minutes_range
    print("-" * len(header), file=out)
    print(f"{'total':<12}{total.scenes:>7}{total.choices:>8}{total.cited_choices:>7}{total.endings:>8}"
          f"{total.words:>8}{total.facts:>6}  {total.minutes:g} ({low:g}-{high:g}) for a whole game", file=out)
    if total.minutes_by_ending:
        print("whole games by ending (median minutes): " + ", ".join(
            f"{end} {m:g}" for end, m in sorted(total.minutes_by_ending.items(), key=lambda item: item[1])), file=out)
    print(f"facts cited: {total.facts} of {len(story.facts)}; minutes: the median (10th-90th percentile) of "
          f"{PLAYS} seeded random playthroughs at {READING_WPM} words a minute, {THINK_SECONDS} s a choice "
          f"({CONTINUE_SECONDS} s where only one is open)",
          file=out)


def run(story: Story, as_json_output: bool = False, out: TextIO = sys.stdout) -> int:
    per_act, total = collect(story)
    if as_json_output:
        json.dump(as_json(story, per_act, total), out, indent=2)
        out.write("\n")
    else:
        render(story, per_act, total, out)
    return 0
