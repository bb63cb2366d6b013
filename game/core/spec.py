"""The story format, declared once: which keys each object has, their types and what they mean.

The loader checks files against these declarations (unknown keys, missing keys, wrong types),
and `python -m game schema` turns the same declarations into the JSON Schema that editors use
for autocompletion (docs/story.schema.json). One source, so the two cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
FACT_ID_PATTERN = r"^[FG][0-9]{2,3}$"
CAUTION_ID_PATTERN = r"^X[0-9]{2,3}$"
CITABLE_ID_PATTERN = r"^[FGX][0-9]{2,3}$"
SOURCE_KEY_PATTERN = r"^[A-Z0-9][A-Z0-9-]*$"
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$"
RELIABILITY_TAGS = ("MULTI", "SINGLE", "SEED-ONLY", "DISPUTED", "PARTISAN", "PRIMARY", "COPY")
SOURCE_STATUSES = ("show", "book", "teacher", "partisan", "never")


@dataclass(frozen=True)
class Scalar:
    """A leaf value. kind: str | int | bool | text | expr | effect | date | id."""

    kind: str
    pattern: str | None = None
    enum: tuple[str, ...] | None = None
    minimum: int | None = None


@dataclass(frozen=True)
class ListOf:
    item: "Spec"
    min_items: int = 0


@dataclass(frozen=True)
class MapOf:
    """A mapping from ids (matching key_pattern) to values of one kind."""

    value: "Spec"
    key_pattern: str
    key_doc: str


@dataclass(frozen=True)
class Field:
    spec: "Spec"
    doc: str
    required: bool = False


@dataclass(frozen=True)
class Obj:
    name: str  # how messages and the schema name this object
    fields: dict[str, Field] = field(default_factory=dict)


Spec = Union[Scalar, ListOf, MapOf, Obj]

STR = Scalar("str")
INT = Scalar("int")
BOOL = Scalar("bool")
TEXT = Scalar("text")
ID = Scalar("id", pattern=ID_PATTERN)

STAT = Obj("stat", {
    "label": Field(STR, "Name shown to players, e.g. 'Grain'.", required=True),
    "description": Field(STR, "What the number means, shown on hover and in the codex.", required=True),
    "min": Field(INT, "Lowest value; effects are clamped to it.", required=True),
    "max": Field(INT, "Highest value; effects are clamped to it.", required=True),
    "start": Field(INT, "Value at the start of a new game.", required=True),
})

FLAG = Obj("flag", {
    "description": Field(STR, "What it records, for writers.", required=True),
    "start": Field(BOOL, "Value at the start of a new game (default false)."),
})

FACT = Obj("fact", {
    "year": Field(Scalar("int", minimum=1900), "First year the fact concerns, for ordering.", required=True),
    "when": Field(STR, "The date or span as players read it, e.g. 'Autumn 1958'.", required=True),
    "title": Field(STR, "A short headline in our own words.", required=True),
    "claim": Field(STR, "The fact in our own words, with names and figures from the sources.",
                   required=True),
    "claim_classroom": Field(STR, "The claim without graphic detail, shown in classroom mode."),
    "note": Field(STR, "For teachers: reliability, disagreements between sources, cautions."),
    "reliability": Field(ListOf(Scalar("str", enum=RELIABILITY_TAGS)),
                         "Reliability tags from the fact sheet.", required=True),
    "henan": Field(BOOL, "True when the fact concerns Henan."),
    "sources": Field(ListOf(Scalar("str", pattern=SOURCE_KEY_PATTERN)),
                     "Keys of entries under 'sources:'.", required=True),
})

CAUTION = Obj("caution", {
    "title": Field(STR, "The claim to avoid, in a few words.", required=True),
    "note": Field(STR, "What not to say, why, and how to say it instead.", required=True),
    "sources": Field(ListOf(Scalar("str", pattern=SOURCE_KEY_PATTERN)), "Sources the item discusses."),
})

SOURCE = Obj("source", {
    "cite": Field(STR, "The canonical citation players see: author, title, year. Never a URL.",
                  required=True),
    "status": Field(Scalar("str", enum=SOURCE_STATUSES),
                    "show/book: players may see it; teacher: teacher notes only; partisan: never on "
                    "its own; never: not shown.", required=True),
    "note": Field(STR, "Advice on using the source."),
})

GLOSSARY_TERM = Obj("glossary term", {
    "term": Field(STR, "The English term.", required=True),
    "pinyin": Field(STR, "Pinyin with tone marks.", required=True),
    "hanzi": Field(STR, "Chinese characters.", required=True),
    "definition": Field(STR, "One or two sentences in our own words.", required=True),
    "aliases": Field(ListOf(STR), "Other forms of the term in English prose, for highlighting."),
})

START_STATE = Obj("start state", {
    "stats": Field(MapOf(INT, ID_PATTERN, "stat name"), "Stat values; unnamed stats take their start value."),
    "flags": Field(ListOf(ID), "Flags that are true."),
})

PROMPT = Obj("discussion prompt", {
    "prompt": Field(STR, "A question for the class.", required=True),
    "teacher_note": Field(STR, "What the question is for and what to listen for.", required=True),
})

CHOICE = Obj("choice", {
    "text": Field(TEXT, "What the player does: short, imperative.", required=True),
    "if": Field(Scalar("expr"), "Condition for the choice to be available, e.g. 'trust >= 4'."),
    "locked": Field(TEXT, "Shown beside the dimmed choice when its condition is false."),
    "effects": Field(MapOf(Scalar("effect"), ID_PATTERN, "stat or flag"),
                     "Changes: a number adds to a stat; true/false sets a flag; '= expr' sets; "
                     "'+ expr' or '- expr' adds."),
    "outcome": Field(TEXT, "What happened in the village because of the choice.", required=True),
    "history": Field(ListOf(Scalar("str", pattern=CITABLE_ID_PATTERN)),
                     "Ids of the facts the outcome rests on (story/history.yaml).", required=True),
    "goto": Field(ID, "The scene that follows.", required=True),
})

ENDING = Obj("ending", {
    "title": Field(STR, "The ending's name.", required=True),
    "epilogue": Field(TEXT, "What became of you and the village, tied to the record.", required=True),
})

SCENE = Obj("scene", {
    "id": Field(ID, "Unique across the whole story, lower_snake_case.", required=True),
    "date": Field(Scalar("date", pattern=DATE_PATTERN), "YYYY-MM or YYYY.", required=True),
    "place": Field(STR, "Where the scene happens.", required=True),
    "text": Field(TEXT, "The scene's prose. *asterisks* mark emphasis.", required=True),
    "choices": Field(ListOf(CHOICE), "What the player may do. Scenes without an ending need one."),
    "ending": Field(ENDING, "Makes this an ending scene (no choices)."),
})

ACT = Obj("act file", {
    "act": Field(ID, "The act's id.", required=True),
    "title": Field(STR, "Title shown in the chapter menu.", required=True),
    "summary": Field(STR, "One or two sentences for the chapter menu.", required=True),
    "minutes": Field(Scalar("int", minimum=1), "Estimated play time in minutes.", required=True),
    "start": Field(ID, "The act's first scene.", required=True),
    "start_state": Field(START_STATE, "State when the act is played alone."),
    "discussion": Field(ListOf(PROMPT), "Prompts shown at the act's end."),
    "scenes": Field(ListOf(SCENE, min_items=1), "The act's scenes.", required=True),
})

DATA_FILE = Obj("story file", {
    "title": Field(STR, "The story's title (story.yaml)."),
    "start": Field(ID, "The scene where a new game begins (story.yaml)."),
    "content_note": Field(STR, "Shown before play: what the story depicts (story.yaml)."),
    "stats": Field(MapOf(STAT, ID_PATTERN, "stat name"), "Numbers the story tracks (story.yaml)."),
    "flags": Field(MapOf(FLAG, ID_PATTERN, "flag name"), "True/false facts about the playthrough."),
    "facts": Field(MapOf(FACT, FACT_ID_PATTERN, "fact id"), "Citable facts (history.yaml)."),
    "cautions": Field(MapOf(CAUTION, CAUTION_ID_PATTERN, "caution id"),
                      "Claims to avoid or qualify; never citable (history.yaml)."),
    "sources": Field(MapOf(SOURCE, SOURCE_KEY_PATTERN, "source key"), "Sources of the facts (history.yaml)."),
    "glossary": Field(ListOf(GLOSSARY_TERM), "Terms the UI explains (glossary.yaml)."),
})

# A file's keys are read against both before it is known whether it is an act file.
TOP_LEVEL = Obj("story file", {**DATA_FILE.fields, **ACT.fields})

# Keys that only one file of a story may define.
SINGLE_DEFINITION_KEYS = ("title", "start", "content_note", "stats", "flags")
