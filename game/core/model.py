"""The story model: frozen dataclasses that the loader builds and everything else reads.

Each object carries the SourceLoc it came from, so any tool can point a writer at the line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping

from .diagnostics import SourceLoc
from .rules import Evaluator, Expr

ContentLevel = Literal["full", "classroom"]
CONTENT_LEVELS: tuple[ContentLevel, ...] = ("full", "classroom")
SOURCE_STATUSES = ("show", "book", "teacher", "partisan", "never")
PLAYER_VISIBLE_STATUSES = frozenset({"show", "book"})


@dataclass(frozen=True, slots=True)
class Text:
    """Prose with an optional classroom variant for the most graphic documented passages."""

    full: str
    classroom: str | None = None

    def get(self, level: ContentLevel = "full") -> str:
        if level == "classroom" and self.classroom is not None:
            return self.classroom
        return self.full

    def __str__(self) -> str:
        return self.full


@dataclass(frozen=True, slots=True)
class Stat:
    name: str
    label: str
    description: str
    min: int
    max: int
    start: int
    loc: SourceLoc

    def clamp(self, value: int) -> int:
        return self.min if value < self.min else self.max if value > self.max else value


@dataclass(frozen=True, slots=True)
class Flag:
    name: str
    description: str
    start: bool
    loc: SourceLoc


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    cite: str
    status: str
    note: str
    loc: SourceLoc

    @property
    def player_visible(self) -> bool:
        return self.status in PLAYER_VISIBLE_STATUSES


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    year: int
    when: str
    title: str
    claim: Text
    note: str
    reliability: tuple[str, ...]
    henan: bool
    sources: tuple[str, ...]
    loc: SourceLoc


@dataclass(frozen=True, slots=True)
class Caution:
    """A claim to avoid or qualify (the fact sheet's X items): never citable as fact."""

    id: str
    title: str
    note: str
    sources: tuple[str, ...]
    loc: SourceLoc


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    term: str
    pinyin: str
    hanzi: str
    definition: str
    aliases: tuple[str, ...]
    loc: SourceLoc


@dataclass(frozen=True, slots=True)
class Condition:
    source: str
    expr: Expr
    evaluate: Evaluator
    loc: SourceLoc


@dataclass(frozen=True, slots=True)
class Effect:
    """Change one stat or flag: 'add' a number to a stat, or 'set' a stat or flag."""

    target: str
    mode: Literal["add", "set"]
    source: str
    expr: Expr
    evaluate: Evaluator
    loc: SourceLoc


@dataclass(frozen=True, slots=True)
class Choice:
    scene: str
    index: int  # 0-based position within its scene; the player sees index + 1
    text: Text
    condition: Condition | None
    locked: Text | None
    effects: tuple[Effect, ...]
    outcome: Text
    history: tuple[str, ...]
    goto: str
    loc: SourceLoc
    goto_loc: SourceLoc
    history_loc: SourceLoc


@dataclass(frozen=True, slots=True)
class Ending:
    title: str
    epilogue: Text
    loc: SourceLoc


@dataclass(frozen=True, slots=True)
class Scene:
    id: str
    act: str
    date: str  # "1958" or "1958-09"
    place: str
    text: Text
    choices: tuple[Choice, ...]
    ending: Ending | None
    loc: SourceLoc

    @property
    def is_ending(self) -> bool:
        return self.ending is not None


@dataclass(frozen=True, slots=True)
class Prompt:
    prompt: str
    teacher_note: str
    loc: SourceLoc


@dataclass(frozen=True, slots=True)
class StartState:
    stats: Mapping[str, int]
    flags: frozenset[str]
    loc: SourceLoc


@dataclass(frozen=True, slots=True)
class Act:
    id: str
    title: str
    summary: str
    minutes: int
    start: str
    start_state: StartState | None
    discussion: tuple[Prompt, ...]
    scenes: tuple[str, ...]  # scene ids in file order
    loc: SourceLoc
    start_loc: SourceLoc


@dataclass(frozen=True)
class Story:
    title: str
    start: str
    content_note: str
    stats: Mapping[str, Stat]
    flags: Mapping[str, Flag]
    scenes: Mapping[str, Scene]
    acts: Mapping[str, Act]  # in file order
    facts: Mapping[str, Fact]
    cautions: Mapping[str, Caution]
    sources: Mapping[str, Source]
    glossary: tuple[GlossaryTerm, ...]
    content_hash: str
    root: str  # the folder the story was loaded from, as given
    files: tuple[str, ...]
    start_loc: SourceLoc = field(default=SourceLoc("story.yaml"))

    def choice(self, scene_id: str, index: int) -> Choice:
        return self.scenes[scene_id].choices[index]

    def visible_sources(self, fact: Fact) -> list[Source]:
        """The sources of a fact that players may see, one per distinct citation, in order."""
        seen: set[str] = set()
        result = []
        for key in fact.sources:
            source = self.sources.get(key)
            if source is not None and source.player_visible and source.cite not in seen:
                seen.add(source.cite)
                result.append(source)
        return result


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_SEASONS = ("Winter", "Winter", "Spring", "Spring", "Spring", "Summer", "Summer", "Summer", "Autumn",
            "Autumn", "Autumn", "Winter")


def date_label(date: str, *, season: bool = False) -> str:
    """'1958-09' -> 'September 1958' (or 'Autumn 1958' with season=True); '1958' -> '1958'."""
    year, _, month = date.partition("-")
    if not month.isdigit() or not 1 <= int(month) <= 12:
        return year
    names = _SEASONS if season else _MONTHS
    return f"{names[int(month) - 1]} {year}"
