"""`python -m game explore [PATH]`: play every path the story allows, and say what is wrong.

The search is exhaustive over distinct (scene, state) pairs, where the state is the stats, the
flags and the visit counts of scenes that some condition reads: two paths that arrive at the
same scene in the same state have the same future, so each pair is expanded once. (ChoiceScript's
quicktest ignores state and so reports branches that no player can take; this does not.) Search
starts from a new game and from each act's start state, because acts can be played alone.

`--random N --seed S` instead plays N seeded games that prefer the least-used choice, and prints
coverage: quick for very large stories, and the same numbers every time for the same seed.
"""
from __future__ import annotations

import random
import sys
from collections import deque
from dataclasses import dataclass, field
from typing import TextIO

from game.core import engine, rules
from game.core.model import Story
from game.core.state import GameState

DEFAULT_CAP = 200_000
MAX_RANDOM_STEPS = 10_000

Key = tuple


@dataclass
class Witness:
    """How a state was first reached: where the game started and the choices taken."""

    origin: str
    steps: list[tuple[str, int, str]]  # (scene, choice index, choice text)

    def describe(self) -> str:
        if not self.steps:
            return f"{self.origin}: (at the start)"
        parts = [f"{scene} #{index + 1}" for scene, index, _text in self.steps]
        return f"{self.origin}: " + " > ".join(parts)


@dataclass
class Report:
    states: int = 0
    capped: bool = False
    origins: list[str] = field(default_factory=list)
    scenes_reached: set[str] = field(default_factory=set)
    choices_available: set[tuple[str, int]] = field(default_factory=set)
    endings: dict[str, Witness] = field(default_factory=dict)
    dead_ends: dict[str, Witness] = field(default_factory=dict)
    stat_ranges: dict[str, tuple[int, int]] = field(default_factory=dict)
    clamps: dict[tuple[str, int, str], Witness] = field(default_factory=dict)

    unreached_endings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.dead_ends and not self.unreached_endings


def _visit_scenes(story: Story) -> tuple[str, ...]:
    """Scenes whose visit counts some condition or effect reads: the only visits that matter."""
    scenes: set[str] = set()
    for scene in story.scenes.values():
        for choice in scene.choices:
            exprs = [e.expr for e in choice.effects]
            if choice.condition is not None:
                exprs.append(choice.condition.expr)
            for expr in exprs:
                scenes |= rules.names_used(expr)[1]
    return tuple(sorted(scenes))


def explore(story: Story, cap: int = DEFAULT_CAP) -> Report:
    report = Report()
    stat_names = tuple(story.stats)
    flag_names = tuple(story.flags)
    visit_names = _visit_scenes(story)

    def key_of(state: GameState) -> Key:
        return (state.scene,
                tuple(state.stats[n] for n in stat_names),
                tuple(state.flags[n] for n in flag_names),
                tuple(state.visits.get(n, 0) for n in visit_names))

    roots: list[tuple[str, GameState]] = []
    if story.start in story.scenes:
        roots.append(("new game", engine.new_game(story)))
    for act in story.acts:
        if story.acts[act].start in story.scenes:
            roots.append((f"act {act}", engine.new_game(story, act)))
    report.origins = [origin for origin, _ in roots]

    parents: dict[Key, tuple[Key | None, int, str]] = {}  # key -> (parent key, choice index, origin)
    queue: deque[tuple[Key, GameState]] = deque()
    pending_roots = deque(roots)  # one after another, so witnesses start from a new game when they can

    def path_to(key: Key) -> Witness:
        steps = []
        origin = ""
        while True:
            parent, index, origin = parents[key]
            if parent is None:
                break
            scene = parent[0]
            steps.append((scene, index, story.scenes[scene].choices[index].text.full))
            key = parent
        steps.reverse()
        return Witness(origin, steps)

    lows = {n: story.stats[n].max for n in stat_names}
    highs = {n: story.stats[n].min for n in stat_names}
    # States carry no log here: the explorer rebuilds paths from parent links instead, which
    # keeps memory flat however long the paths grow.
    while queue or pending_roots:
        if not queue:
            origin, state = pending_roots.popleft()
            key = key_of(state)
            if key not in parents:
                parents[key] = (None, -1, origin)
                queue.append((key, state))
            continue
        key, state = queue.popleft()
        report.states += 1
        for n in stat_names:
            v = state.stats[n]
            if v < lows[n]:
                lows[n] = v
            if v > highs[n]:
                highs[n] = v
        scene = story.scenes[state.scene]
        report.scenes_reached.add(scene.id)
        if scene.is_ending:
            if scene.id not in report.endings:
                report.endings[scene.id] = path_to(key)
            continue
        any_available = False
        for choice in scene.choices:
            if not engine.is_available(choice, state):
                continue
            any_available = True
            report.choices_available.add((scene.id, choice.index))
            if choice.goto not in story.scenes:
                continue  # reported by check as E106
            new_state, outcome = engine.choose(story, state, choice.index)
            new_state = GameState(new_state.scene, new_state.stats, new_state.flags, new_state.visits)
            new_key = key_of(new_state)
            for stat in outcome.clamped:
                clamp_key = (scene.id, choice.index, stat)
                if clamp_key not in report.clamps:
                    report.clamps[clamp_key] = path_to(key)
            if new_key in parents:
                continue
            if len(parents) >= cap:
                report.capped = True
                continue
            parents[new_key] = (key, choice.index, parents[key][2])
            queue.append((new_key, new_state))
        if not any_available and scene.id not in report.dead_ends:
            report.dead_ends[scene.id] = path_to(key)
    report.stat_ranges = {n: (lows[n], highs[n]) for n in stat_names if lows[n] <= highs[n]}
    report.unreached_endings = [s.id for s in story.scenes.values() if s.is_ending and s.id not in report.endings]
    return report


def print_report(story: Story, report: Report, out: TextIO) -> None:
    w = out.write
    status = "search stopped at the cap; results are partial (raise --cap)" if report.capped else "complete"
    w(f"Explored {report.states:,} distinct states from {', '.join(report.origins) or 'nowhere'} ({status}).\n")
    endings = [s for s in story.scenes.values() if s.is_ending]
    w(f"\nEndings reached: {len(report.endings)} of {len(endings)}\n")
    for scene in endings:
        if scene.id in report.endings:
            w(f"  {scene.id} ({scene.ending.title}): {report.endings[scene.id].describe()}\n")
    unreached = report.unreached_endings
    for sid in unreached:
        w(f"{story.scenes[sid].loc}: ending '{sid}' is never reached\n")
    never = [s for s in story.scenes.values() if s.id not in report.scenes_reached and not s.is_ending]
    w(f"\nScenes never reached: {len(never)}\n")
    for scene in never:
        w(f"{scene.loc}: scene '{scene.id}' is never reached\n")
    unavailable = [c for s in story.scenes.values() if s.id in report.scenes_reached for c in s.choices
                   if (s.id, c.index) not in report.choices_available]
    w(f"\nChoices never available where their scene is reached: {len(unavailable)}\n")
    for choice in unavailable:
        condition = f" (if: {choice.condition.source})" if choice.condition else ""
        w(f"{choice.loc}: choice {choice.index + 1} of '{choice.scene}' is never available{condition}\n")
    w(f"\nDead ends: {len(report.dead_ends)}\n")
    for sid, path in report.dead_ends.items():
        w(f"{story.scenes[sid].loc}: dead end at '{sid}': no choice is available; reached by {path.describe()}\n")
    if report.clamps:
        w(f"\nEffects cut short by a stat's range: {len(report.clamps)}\n")
        for (sid, index, stat), path in sorted(report.clamps.items()):
            choice = story.scenes[sid].choices[index]
            w(f"  {choice.loc}: '{stat}' in choice {index + 1} of '{sid}', e.g. after {path.describe()}\n")
    w("\nStat ranges reached:\n")
    for name, (lo, hi) in report.stat_ranges.items():
        stat = story.stats[name]
        w(f"  {name:<12} {lo:>4} .. {hi:<4} (allowed {stat.min}..{stat.max})\n")
    verdict = "OK" if report.ok else "PROBLEMS FOUND"
    w(f"\n{verdict}: {len(report.dead_ends)} dead end(s), {len(unreached)} unreached ending(s)\n")


@dataclass
class RandomReport:
    runs: int
    steps: int
    scenes_visited: set[str]
    choices_taken: set[tuple[str, int]]
    endings: dict[str, int]
    dead_ends: dict[str, int]
    too_long: int


def random_runs(story: Story, runs: int, seed: int) -> RandomReport:
    """Seeded random play preferring the least-used choice (so coverage grows fast)."""
    rng = random.Random(seed)
    used: dict[tuple[str, int], int] = {}
    report = RandomReport(runs, 0, set(), set(), {}, {}, 0)
    for _ in range(runs):
        state = engine.new_game(story)
        for _step in range(MAX_RANDOM_STEPS):
            scene = story.scenes[state.scene]
            report.scenes_visited.add(scene.id)
            if scene.is_ending:
                report.endings[scene.id] = report.endings.get(scene.id, 0) + 1
                break
            options = [c for c in scene.choices if engine.is_available(c, state) and c.goto in story.scenes]
            if not options:
                report.dead_ends[scene.id] = report.dead_ends.get(scene.id, 0) + 1
                break
            fewest = min(used.get((scene.id, c.index), 0) for c in options)
            pick = rng.choice([c for c in options if used.get((scene.id, c.index), 0) == fewest])
            used[(scene.id, pick.index)] = used.get((scene.id, pick.index), 0) + 1
            report.choices_taken.add((scene.id, pick.index))
            state, _ = engine.choose(story, state, pick.index)
            state = GameState(state.scene, state.stats, state.flags, state.visits, (), state.started_act, state.turn)
            report.steps += 1
        else:
            report.too_long += 1
    return report


def print_random(story: Story, report: RandomReport, seed: int, out: TextIO) -> None:
    w = out.write
    total_choices = sum(len(s.choices) for s in story.scenes.values())
    endings = [s.id for s in story.scenes.values() if s.is_ending]
    w(f"{report.runs} random runs (seed {seed}), {report.steps:,} choices made\n")
    w(f"Scenes visited:  {len(report.scenes_visited)} of {len(story.scenes)} "
      f"({100 * len(report.scenes_visited) / max(1, len(story.scenes)):.0f}%)\n")
    w(f"Choices taken:   {len(report.choices_taken)} of {total_choices} "
      f"({100 * len(report.choices_taken) / max(1, total_choices):.0f}%)\n")
    w(f"Endings reached: {len(report.endings)} of {len(endings)}\n")
    for sid in endings:
        w(f"  {sid:<32} {report.endings.get(sid, 0)} run(s)\n")
    for sid, n in report.dead_ends.items():
        w(f"{story.scenes[sid].loc}: dead end at '{sid}' in {n} run(s)\n")
    if report.too_long:
        w(f"{report.too_long} run(s) stopped after {MAX_RANDOM_STEPS} choices without an ending (a loop?)\n")
    unvisited = [s for s in story.scenes.values() if s.id not in report.scenes_visited]
    for scene in unvisited[:50]:
        w(f"{scene.loc}: scene '{scene.id}' not visited in these runs\n")
    if len(unvisited) > 50:
        w(f"... and {len(unvisited) - 50} more\n")


def run(story: Story, *, cap: int = DEFAULT_CAP, random_count: int = 0, seed: int = 0,
        out: TextIO = sys.stdout) -> int:
    if random_count:
        rep = random_runs(story, random_count, seed)
        print_random(story, rep, seed, out)
        return 1 if rep.dead_ends else 0
    report = explore(story, cap)
    print_report(story, report, out)
    return 0 if report.ok else 1
