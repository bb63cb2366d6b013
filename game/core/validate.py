"""Checks across files once the model is built: targets, reachability, citations, ranges.

Called by the loader; returns diagnostics and never raises for an author's mistake.
"""
from __future__ import annotations

import json
from collections import deque
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from .diagnostics import Diagnostic, SourceLoc, did_you_mean, make
from .model import Story, Text
from .rules import Num

if TYPE_CHECKING:  # the builder type only, to read item locations
    from .loader import _Builder


def validate(story: Story, builder: "_Builder", *, partial: bool = False) -> list[Diagnostic]:
    diags: list[Diagnostic] = []

    def report(code: str, loc: SourceLoc, message: str, hint: str = "") -> None:
        diags.append(make(code, loc, message, hint))

    scenes = story.scenes
    whole = not partial  # a lone file cannot see the rest of the story

    # -- start scenes -------------------------------------------------------------------------
    if whole and story.start and story.start not in scenes:
        report("E107", story.start_loc, f"start scene '{story.start}' does not exist",
               did_you_mean(story.start, scenes) or "name a scene id from one of the act files")
    for act in story.acts.values():
        if act.start not in scenes:
            if whole:
                report("E107", act.start_loc, f"act '{act.id}' starts at unknown scene '{act.start}'",
                       did_you_mean(act.start, scenes) or "name a scene id of this act")
        elif scenes[act.start].act != act.id:
            report("E107", act.start_loc,
                   f"act '{act.id}' starts at '{act.start}', which belongs to act '{scenes[act.start].act}'",
                   "start each act at one of its own scenes")

    # -- scenes and choices ----------------------------------------------------------------------
    used_facts: set[str] = set()
    for scene in scenes.values():
        if scene.ending is not None and scene.choices:
            report("E109", scene.loc, f"scene '{scene.id}' is an ending but also has choices",
                   "remove the choices, or remove 'ending:'")
        if scene.ending is None and not scene.choices:
            report("E502", scene.loc, f"scene '{scene.id}' has no choices and is not an ending",
                   "add a choice with a goto, or make it an ending with 'ending:'")
        for choice in scene.choices:
            if whole and choice.goto and choice.goto not in scenes:
                report("E106", choice.goto_loc, f"goto to unknown scene '{choice.goto}'",
                       did_you_mean(choice.goto, scenes) or "name an existing scene id")
            locs = builder.history_locs.get((scene.id, choice.index))
            if locs is not None and not choice.history:  # given, but empty
                report("E307", choice.history_loc,
                       f"choice {choice.index + 1} of '{scene.id}' cites no history",
                       "add 'history: [F..]' with the facts its outcome rests on")
            for i, fid in enumerate(choice.history):
                loc = locs.at(i) if locs is not None else choice.history_loc
                if fid in story.cautions:
                    report("E304", loc, f"'{fid}' is a claim to avoid, not a fact: {story.cautions[fid].title}",
                           "cite the F or G fact that states what the sources support")
                elif fid not in story.facts:
                    if whole:
                        report("E301", loc, f"citation of unknown fact '{fid}'",
                               did_you_mean(fid, story.facts) or "add the fact to history.yaml")
                else:
                    used_facts.add(fid)
            for effect in choice.effects:
                stat = story.stats.get(effect.target)
                if stat is None or not isinstance(effect.expr, Num):
                    continue
                value = effect.expr.value
                span = stat.max - stat.min
                if effect.mode == "add" and abs(value) > span:
                    report("W401", effect.loc,
                           f"adding {value} to '{stat.name}' always reaches its "
                           f"{'max' if value > 0 else 'min'} ({stat.min}..{stat.max})",
                           "use a smaller change, or '= value' to set it")
                elif effect.mode == "set" and not stat.min <= value <= stat.max:
                    report("W401", effect.loc, f"setting '{stat.name}' to {value} is outside {stat.min}..{stat.max}",
                           "the value will be clamped; choose one within the range")

    # -- facts and sources -------------------------------------------------------------------------
    for fact in story.facts.values():
        if not fact.sources:
            report("E302", fact.loc, f"fact '{fact.id}' has no source", "list its sources: [KEY, ...]")
        locs = builder.fact_source_locs.get(fact.id)
        for i, key in enumerate(fact.sources):
            if key not in story.sources and whole:
                loc = locs.at(i) if locs is not None else fact.loc
                report("E303", loc, f"fact '{fact.id}' names unknown source '{key}'",
                       did_you_mean(key, story.sources) or "add it under 'sources:' in history.yaml")
        if whole and fact.id in used_facts and fact.sources and not story.visible_sources(fact) \
                and all(k in story.sources for k in fact.sources):
            report("W305", fact.loc, f"fact '{fact.id}' is cited in play but none of its sources may be "
                   "shown to players", "add a source with status show or book, or cite another fact")
        if whole and fact.id not in used_facts:
            report("W306", fact.loc, f"fact '{fact.id}' is not cited by any choice",
                   "cite it where the story touches it, or it stays out of play")
    if whole:
        for caution in story.cautions.values():
            for key in caution.sources:
                if key not in story.sources:
                    report("E303", caution.loc, f"caution '{caution.id}' names unknown source '{key}'",
                           did_you_mean(key, story.sources) or "add it under 'sources:' in history.yaml")

    # -- characters the game's fonts cannot draw ---------------------------------------------------
    drawable = font_coverage()
    if drawable:
        for loc, what, text in player_texts(story):
            missing = sorted(c for c in set(text) if ord(c) not in drawable and not c.isspace())
            if missing:
                shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:8])
                report("E601", _find_char(loc, missing[0]), f"{what} uses characters no shipped font can draw: {shown}",
                       "use another character, or add it to the fonts: python assets/fonts/build_fonts.py")

    # -- reachability -------------------------------------------------------------------------------
    if whole and story.start in scenes:
        reached = reachable(story, story.start)
        for scene in scenes.values():
            if scene.id not in reached:
                report("W501", scene.loc, f"scene '{scene.id}' cannot be reached from the start "
                       f"'{story.start}'", "add a choice that leads here, or remove the scene")
    return diags


def reachable(story: Story, start: str) -> set[str]:
    """Scenes reachable from `start` following every goto, ignoring conditions."""
    seen = {start}
    queue = deque([start])
    while queue:
        scene = story.scenes.get(queue.popleft())
        if scene is None:
            continue
        for choice in scene.choices:
            if choice.goto not in seen:
                seen.add(choice.goto)
                queue.append(choice.goto)
    return seen


COVERAGE_FILE = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "coverage.json"


@lru_cache(maxsize=1)
def font_coverage() -> frozenset[int]:
    """Every code point some shipped font can draw (assets/fonts/coverage.json); empty if absent."""
    try:
        data = json.loads(COVERAGE_FILE.read_text(encoding="utf-8"))
        return frozenset(code for spans in data.values() for lo, hi in spans for code in range(lo, hi + 1))
    except (OSError, ValueError, TypeError):
        return frozenset()


def player_texts(story: Story) -> Iterator[tuple[SourceLoc, str, str]]:
    """(where, what, text) for every string the game shows players."""
    def texts(value: Text | None) -> str:
        return "" if value is None else value.full + (value.classroom or "")

    yield story.start_loc, "the story's title or content note", story.title + story.content_note
    for stat in story.stats.values():
        yield stat.loc, f"stat '{stat.name}'", stat.label + stat.description
    for act in story.acts.values():
        yield act.loc, f"act '{act.id}'", act.title + act.summary + "".join(
            p.prompt + p.teacher_note for p in act.discussion)
    for scene in story.scenes.values():
        yield scene.loc, f"scene '{scene.id}'", scene.place + texts(scene.text) + (
            scene.ending.title + texts(scene.ending.epilogue) if scene.ending else "")
        for choice in scene.choices:
            yield choice.loc, f"choice {choice.index + 1} of '{scene.id}'", \
                texts(choice.text) + texts(choice.locked) + texts(choice.outcome)
    for fact in story.facts.values():
        yield fact.loc, f"fact '{fact.id}'", fact.when + fact.title + texts(fact.claim) + fact.note
    for source in story.sources.values():
        yield source.loc, f"source '{source.key}'", source.cite
    for term in story.glossary:
        yield term.loc, f"glossary term '{term.term}'", \
            term.term + term.pinyin + term.hanzi + term.definition + "".join(term.aliases)


def _find_char(loc: SourceLoc, char: str) -> SourceLoc:
    """Where `char` first appears in the file at or after `loc` (this runs only for errors)."""
    try:
        lines = Path(loc.path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return loc
    for number in range(max(loc.line, 1), len(lines) + 1):
        col = lines[number - 1].find(char)
        if col >= 0:
            return SourceLoc(loc.path, number, col + 1)
    return loc
