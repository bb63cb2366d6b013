"""The runtime: a pure function of (story, state, choice).

    state = new_game(story)                  # or new_game(story, act="steel")
    for view in choices(story, state): ...   # every choice, with whether it is available
    state, outcome = choose(story, state, 0)

No I/O, no clocks, no randomness, no hidden state: save/load, rollback, the explorer and the
tests all rest on that. All effects of a choice read the values from before the choice, so their
order in the file does not matter.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Mapping

from .model import Choice, Ending, Fact, Scene, Story, Text
from .state import GameState, LogEntry


class EngineError(Exception):
    """A caller asked for something the story does not allow (a bug in a front end, not a writer's error)."""


@dataclass(frozen=True, slots=True)
class ChoiceView:
    choice: Choice
    available: bool

    @property
    def locked(self) -> Text | None:
        """The reason to show beside a dimmed choice, when the story gives one."""
        return None if self.available else self.choice.locked


@dataclass(frozen=True, slots=True)
class Outcome:
    choice: Choice
    text: Text
    facts: tuple[Fact, ...]
    changes: Mapping[str, tuple[int, int]]  # stat -> (before, after), only stats that changed
    flags: Mapping[str, bool]  # flags that changed -> new value
    clamped: tuple[str, ...]  # stats whose change was cut short by their range
    next_scene: Scene

    @property
    def ending(self) -> Ending | None:
        return self.next_scene.ending


def new_game(story: Story, act: str | None = None) -> GameState:
    """The state at the start of the story, or of one act played alone from its start state."""
    stats = {name: stat.start for name, stat in story.stats.items()}
    flags = {name: flag.start for name, flag in story.flags.items()}
    start = story.start
    if act is not None:
        if act not in story.acts:
            raise EngineError(f"no act '{act}' in this story")
        chapter = story.acts[act]
        start = chapter.start
        if chapter.start_state is not None:
            stats.update(chapter.start_state.stats)
            for name in chapter.start_state.flags:
                flags[name] = True
    if start not in story.scenes:
        raise EngineError(f"start scene '{start}' does not exist")
    return GameState(scene=start, stats=stats, flags=flags, visits={start: 1}, started_act=act or "")


def start_at(story: Story, scene_id: str, stats: Mapping[str, int] | None = None,
             flags: Mapping[str, bool] | None = None) -> GameState:
    """A game that begins at any scene, in any state: for writers trying a branch.

    The scene's act start state (or the story's) gives every value not named; a name or value the
    story does not allow raises EngineError with a message a writer can act on."""
    if scene_id not in story.scenes:
        close = difflib.get_close_matches(scene_id, list(story.scenes), n=1)
        raise EngineError(f"no scene '{scene_id}'" + (f": did you mean '{close[0]}'?" if close else ""))
    act = story.scenes[scene_id].act
    base = new_game(story, act if act in story.acts and story.acts[act].start_state is not None else None)
    new_stats = dict(base.stats)
    for name, value in (stats or {}).items():
        stat = story.stats.get(name)
        if stat is None:
            raise EngineError(f"no stat '{name}': the stats are {', '.join(story.stats)}")
        if not stat.min <= value <= stat.max:
            raise EngineError(f"{name} runs from {stat.min} to {stat.max}; {value} is outside it")
        new_stats[name] = value
    new_flags = dict(base.flags)
    for name, value in (flags or {}).items():
        if name not in story.flags:
            raise EngineError(f"no flag '{name}': the flags are {', '.join(story.flags)}")
        new_flags[name] = value
    return GameState(scene=scene_id, stats=new_stats, flags=new_flags, visits={scene_id: 1}, started_act=act)


def scene(story: Story, state: GameState) -> Scene:
    try:
        return story.scenes[state.scene]
    except KeyError:
        raise EngineError(f"the state is at scene '{state.scene}', which this story does not have") from None


def is_available(choice: Choice, state: GameState) -> bool:
    if choice.condition is None:
        return True
    return bool(choice.condition.evaluate(state.stats, state.flags, state.visits))


def choices(story: Story, state: GameState) -> list[ChoiceView]:
    """Every choice of the current scene, in order, marked available or not."""
    return [ChoiceView(c, is_available(c, state)) for c in scene(story, state).choices]


def available_choices(story: Story, state: GameState) -> list[Choice]:
    return [c for c in scene(story, state).choices if is_available(c, state)]


def is_over(story: Story, state: GameState) -> bool:
    return scene(story, state).is_ending


def choose(story: Story, state: GameState, index: int) -> tuple[GameState, Outcome]:
    """Take choice `index` (0-based) of the current scene. Pure: `state` is not changed."""
    current = scene(story, state)
    if not 0 <= index < len(current.choices):
        raise EngineError(f"scene '{current.id}' has no choice {index + 1}")
    choice = current.choices[index]
    if not is_available(choice, state):
        raise EngineError(f"choice {index + 1} of '{current.id}' is not available")
    target = story.scenes.get(choice.goto)
    if target is None:
        raise EngineError(f"choice {index + 1} of '{current.id}' leads to missing scene '{choice.goto}'")

    old_stats, old_flags, visits = state.stats, state.flags, state.visits
    stats = dict(old_stats)
    flags = dict(old_flags)
    clamped: list[str] = []
    for effect in choice.effects:
        value = effect.evaluate(old_stats, old_flags, visits)
        stat = story.stats.get(effect.target)
        if stat is not None:
            wanted = stats[effect.target] + value if effect.mode == "add" else value
            result = stat.clamp(wanted)
            if result != wanted:
                clamped.append(effect.target)
            stats[effect.target] = result
        else:
            flags[effect.target] = bool(value)

    changes = {name: (old_stats[name], stats[name]) for name in stats if stats[name] != old_stats.get(name)}
    flag_changes = {name: value for name, value in flags.items() if value != old_flags.get(name, False)}
    new_visits = dict(visits)
    new_visits[target.id] = new_visits.get(target.id, 0) + 1
    facts = tuple(story.facts[f] for f in choice.history if f in story.facts)
    entry = LogEntry(
        scene=current.id, act=current.act, date=current.date, choice=index,
        choice_text=choice.text.full, outcome=choice.outcome.full, history=choice.history,
        changes={name: after - before for name, (before, after) in changes.items()},
        flags=flag_changes, stats=dict(stats),
    )
    new_state = GameState(
        scene=target.id, stats=stats, flags=flags, visits=new_visits, log=state.log + (entry,),
        started_act=state.started_act, turn=state.turn + 1,
    )
    outcome = Outcome(choice, choice.outcome, facts, changes, flag_changes, tuple(clamped), target)
    return new_state, outcome


@dataclass(frozen=True, slots=True)
class CarriedOver:
    """Where a game stands in an edited story (live reload): the state, and how it got there."""

    state: GameState
    kept: bool  # the current scene still exists: the state was kept as it was
    replayed: int  # choices of the log replayed (when the state could not be kept)
    total: int  # choices in the log


def carry_over(story: Story, state: GameState) -> CarriedOver:
    """The same game in an edited `story`. The state is kept when its scene still exists (stats and
    flags the story no longer has are dropped; new ones take their start values). Otherwise the
    choice log is replayed from the start for as long as each step is still possible."""
    if state.scene in story.scenes:
        stats = {name: stat.clamp(state.stats.get(name, stat.start)) for name, stat in story.stats.items()}
        flags = {name: state.flags.get(name, flag.start) for name, flag in story.flags.items()}
        kept = GameState(state.scene, stats, flags, dict(state.visits), state.log, state.started_act, state.turn)
        return CarriedOver(kept, True, 0, len(state.log))
    act = state.started_act if state.started_act in story.acts else None
    current = new_game(story, act)
    replayed = 0
    for entry in state.log:
        if current.scene != entry.scene:
            break
        try:
            current, _ = choose(story, current, entry.choice)
        except EngineError:
            break
        replayed += 1
    return CarriedOver(current, False, replayed, len(state.log))
