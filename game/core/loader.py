"""Loading a story folder (or one file) into the model, with diagnostics for every problem.

    story, diagnostics = load_story("story")

The loader never raises for an author's mistake: it records a Diagnostic and carries on, so one
run of `check` reports every problem. `story` is None when errors make a model impossible to
build; it is a Story (possibly with warnings) otherwise. Cross-file checks live in validate.py.
"""
from __future__ import annotations

import gc
import hashlib
import os
import re
from pathlib import Path
from typing import Any

from . import rules, spec
from .diagnostics import Diagnostic, SourceLoc, did_you_mean, make
from .model import (Act, Caution, Choice, Condition, Effect, Ending, Fact, Flag, GlossaryTerm, Prompt,
                    Scene, Source, StartState, Stat, Story, Text)
from .yamlsrc import (Events, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent,
                      SequenceStartEvent, YScalar, convert_file, describe_event, duplicate_key, read_text, scalar_value)

STORY_SUFFIX = ".yaml"


def _at(path: str, mark) -> SourceLoc:
    return SourceLoc(path, mark.line + 1, mark.column + 1)


class Rec(dict):
    """A checked object: field name -> converted value, plus where each field was written.

    Positions are kept as libyaml's marks and become SourceLocs only when a message needs one:
    a big story has half a million values and few problems."""

    __slots__ = ("loc", "marks")

    def __init__(self, loc: SourceLoc) -> None:
        super().__init__()
        self.loc = loc
        self.marks: dict[str, Any] = {}  # also for keys whose value was invalid

    def at(self, key: str) -> SourceLoc:
        mark = self.marks.get(key)
        return self.loc if mark is None else _at(self.loc.path, mark)


class Items(list):
    """A checked list, with the position of each item."""

    __slots__ = ("loc", "marks")

    def __init__(self, loc: SourceLoc) -> None:
        super().__init__()
        self.loc = loc
        self.marks: list[Any] = []

    def at(self, index: int) -> SourceLoc:
        return _at(self.loc.path, self.marks[index]) if index < len(self.marks) else self.loc


class Keyed(dict):
    """A checked id -> value mapping, with the position of each key."""

    __slots__ = ("loc", "marks")

    def __init__(self, loc: SourceLoc) -> None:
        super().__init__()
        self.loc = loc
        self.marks: dict[str, Any] = {}

    def at(self, key: str) -> SourceLoc:
        return _at(self.loc.path, self.marks[key])


class ExprSource:
    """Expression text with where it was written, for precise error columns."""

    __slots__ = ("text", "path", "mark", "quoted", "value")

    def __init__(self, value: Any, path: str, mark: Any, quoted: bool) -> None:
        self.value = value  # str, int or bool as written
        self.text = value if isinstance(value, str) else ""
        self.path = path
        self.mark = mark
        self.quoted = quoted

    @property
    def loc(self) -> SourceLoc:
        return _at(self.path, self.mark)

    def loc_at(self, offset: int) -> SourceLoc:
        shift = 1 if self.quoted else 0
        return SourceLoc(self.path, self.mark.line + 1, self.mark.column + 1 + shift + offset)


_INVALID = object()
_PATTERNS: dict[str, re.Pattern] = {}


def _pattern(text: str) -> re.Pattern:
    compiled = _PATTERNS.get(text)
    if compiled is None:
        compiled = _PATTERNS[text] = re.compile(text)
    return compiled


_PATTERN_HINTS = {
    spec.ID_PATTERN: "use lower_snake_case: letters, digits and _, starting with a letter",
    spec.DATE_PATTERN: "write the date as YYYY-MM, e.g. 1958-09",
    spec.FACT_ID_PATTERN: "fact ids look like F12 or G03",
    spec.CAUTION_ID_PATTERN: "caution ids look like X01",
    spec.CITABLE_ID_PATTERN: "cite fact ids such as F12 or G03",
    spec.SOURCE_KEY_PATTERN: "source keys are upper case, e.g. WP-GLF",
}


class _Converter:
    """Converts one file's events against the spec, reporting shape problems as it goes.

    Each method receives the first event of a value and consumes the rest of it from `events`,
    so a value of the wrong shape is reported once and skipped whole.
    """

    def __init__(self, path: str, diags: list[Diagnostic], events: Events) -> None:
        self.path = path
        self.diags = diags
        self.events = events
        self.next = events.next

    def loc(self, event) -> SourceLoc:
        mark = event.start_mark
        return SourceLoc(self.path, mark.line + 1, mark.column + 1)

    def report(self, code: str, event, message: str, hint: str = "") -> None:
        self.diags.append(make(code, self.loc(event), message, hint))

    def wrong(self, event, message: str, hint: str) -> Any:
        """Report a value of the wrong shape (E103) and skip it."""
        self.report("E103", event, message, hint)
        self.events.skip(event)
        return _INVALID

    def convert(self, event, sp: spec.Spec, what: str) -> Any:
        kind = type(sp)
        if kind is spec.Scalar:
            return self.scalar(event, sp, what)
        if kind is spec.Obj:
            return self.obj(event, sp, what)
        if kind is spec.ListOf:
            return self.list_of(event, sp, what)
        return self.map_of(event, sp, what)

    def keys(self, event):
        """Yield (key, key event, value's first event) of a mapping, reporting duplicate keys
        (and skipping their values) and keys that are not plain text (which stop the file)."""
        seen: dict[str, int] = {}
        next_event = self.next
        while True:
            key_event = next_event()
            if type(key_event) is MappingEndEvent:
                return
            if type(key_event) is not ScalarEvent:
                self.events.fail("E103", key_event, "a mapping key must be plain text", "write 'name: value'")
            key = key_event.value  # as written: a key '+3' stays '+3', not the number 3
            value_event = next_event()
            if key in seen:
                mark = key_event.start_mark
                self.diags.append(duplicate_key(self.path, YScalar(key, mark.line + 1, mark.column + 1, False),
                                                seen[key]))
                self.events.skip(value_event)
                continue
            seen[key] = key_event.start_mark.line + 1
            yield key, key_event, value_event

    def obj(self, event, sp: spec.Obj, what: str, unknown: list | None = None,
            key_marks: dict | None = None) -> Any:
        """A mapping with the keys of `sp`. With `unknown`, keys not in `sp` are collected there
        as (key, loc) instead of reported: the caller decides later what they are. `key_marks`,
        when given, receives where each key was written."""
        if type(event) is not MappingStartEvent:
            return self.wrong(event, f"{what} should be a mapping of keys, found {describe_event(event)}",
                              f"expected keys: {', '.join(sp.fields)}")
        rec = Rec(self.loc(event))
        fields = sp.fields
        for key, key_event, value_event in self.keys(event):
            if key_marks is not None:
                key_marks[key] = key_event.start_mark
            field = fields.get(key)
            if field is None:
                if unknown is not None:
                    unknown.append((key, self.loc(key_event)))
                else:
                    hint = did_you_mean(key, fields) or f"known keys: {', '.join(fields)}"
                    self.report("E101", key_event, f"unknown key '{key}' in {sp.name}", hint)
                self.events.skip(value_event)
                continue
            value = self.convert(value_event, field.spec, f"'{key}'")
            rec.marks[key] = value_event.start_mark  # also when invalid: the key was given
            if value is not _INVALID:
                rec[key] = value
        for key, field in fields.items():
            if field.required and key not in rec and unknown is None:
                self.missing(rec, sp, key, field)
        return rec

    def missing(self, rec: Rec, sp: spec.Obj, key: str, field: spec.Field) -> None:
        if key not in rec.marks:  # given but invalid: already reported
            self.diags.append(make("E102", rec.loc, f"{sp.name} is missing '{key}'", f"add '{key}:': {field.doc}"))

    def list_of(self, event, sp: spec.ListOf, what: str) -> Any:
        if type(event) is not SequenceStartEvent:
            if type(event) is ScalarEvent and type(sp.item) is spec.Scalar and scalar_value(event)[0] is not None:
                hint = f"write it as a list: [{scalar_value(event)[0]}]"
            else:
                hint = "write a list with '- ' items or [a, b]"
            return self.wrong(event, f"{what} should be a list, found {describe_event(event)}", hint)
        items = Items(self.loc(event))
        item_spec = sp.item
        item_what = f"an item of {what}"
        next_event = self.next
        count = 0
        while True:
            child = next_event()
            if type(child) is SequenceEndEvent:
                break
            count += 1
            value = self.convert(child, item_spec, item_what)
            if value is not _INVALID:
                items.append(value)
                items.marks.append(child.start_mark)
        if count < sp.min_items:
            self.report("E104", event, f"{what} needs at least {sp.min_items} item(s)", "add an item with '- '")
        return items

    def map_of(self, event, sp: spec.MapOf, what: str) -> Any:
        if type(event) is not MappingStartEvent:
            if type(event) is ScalarEvent and scalar_value(event)[0] is None:
                return Keyed(self.loc(event))  # 'flags:' with nothing under it: an empty mapping
            return self.wrong(event, f"{what} should be a mapping of {sp.key_doc}s, found {describe_event(event)}",
                              f"write one '{sp.key_doc}: value' per line under it")
        keyed = Keyed(self.loc(event))
        pattern = _pattern(sp.key_pattern)
        for key, key_event, value_event in self.keys(event):
            if not pattern.match(key):
                self.report("E104", key_event, f"'{key}' is not a valid {sp.key_doc}",
                            _PATTERN_HINTS.get(sp.key_pattern, ""))
                self.events.skip(value_event)
                continue
            value = self.convert(value_event, sp.value, f"{sp.key_doc} '{key}'")
            if value is not _INVALID:
                keyed[key] = value
                keyed.marks[key] = key_event.start_mark
        return keyed

    def scalar(self, event, sp: spec.Scalar, what: str) -> Any:
        kind = sp.kind
        if kind == "text":
            return self.text(event, what)
        if type(event) is not ScalarEvent:
            return self.wrong(event, f"{what} should be {_kind_word(kind)}, found {describe_event(event)}",
                              _KIND_HINTS[kind])
        value, quoted = scalar_value(event)
        if kind == "effect" or kind == "expr":
            if value is None or (kind == "expr" and isinstance(value, (int, float))):
                self.report("E103", event, f"{what} should be {_kind_word(kind)}, found {describe_event(event)}",
                            _KIND_HINTS[kind])
                return _INVALID
            if isinstance(value, float):
                self.report("E103", event, f"{what} should be a whole number, found {value}", _KIND_HINTS["int"])
                return _INVALID
            return ExprSource(value, self.path, event.start_mark, quoted)
        if kind == "int":
            if type(value) is not int:
                self.report("E103", event, f"{what} should be a whole number, found {describe_event(event)}",
                            _KIND_HINTS["int"])
                return _INVALID
            if sp.minimum is not None and value < sp.minimum:
                self.report("E104", event, f"{what} must be at least {sp.minimum}, found {value}",
                            f"write a whole number of {sp.minimum} or more")
                return _INVALID
            return value
        if kind == "bool":
            if type(value) is not bool:
                self.report("E103", event, f"{what} should be true or false, found {describe_event(event)}",
                            "YAML 1.2 reads only true/false as booleans; yes/no/on/off are text")
                return _INVALID
            return value
        # str-like kinds: str, id, date
        if value is None:
            self.report("E103", event, f"{what} is empty", "write a value after the colon")
            return _INVALID
        if type(value) is bool:
            self.report("E103", event, f"{what} should be {_kind_word(kind)}, found {describe_event(event)}",
                        "put it in quotes if you mean the word: 'true'")
            return _INVALID
        if type(value) is not str:
            value = str(value)
        if kind == "str" and not value.strip():
            self.report("E103", event, f"{what} is empty", "write a value after the colon")
            return _INVALID
        if sp.pattern is not None and not _pattern(sp.pattern).match(value):
            self.report("E104", event, f"{what} has an invalid value '{value}'", _PATTERN_HINTS.get(sp.pattern, ""))
            return _INVALID
        if sp.enum is not None and value not in sp.enum:
            hint = did_you_mean(value, sp.enum) or f"use one of: {', '.join(sp.enum)}"
            self.report("E104", event, f"{what} has a value '{value}' that is not allowed", hint)
            return _INVALID
        return value

    def text(self, event, what: str) -> Any:
        kind = type(event)
        if kind is ScalarEvent:
            value, _quoted = scalar_value(event)
            if value is None or (isinstance(value, str) and not value.strip()):
                self.report("E103", event, f"{what} is empty", "write the text after the colon")
                return _INVALID
            if type(value) is bool:
                self.report("E103", event, f"{what} should be text, found {describe_event(event)}",
                            "put it in quotes if you mean the word")
                return _INVALID
            return Text(_clean(str(value)))
        if kind is MappingStartEvent:
            variants: dict[str, str] = {}
            named: set[str] = set()
            for key, key_event, value_event in self.keys(event):
                named.add(key)
                if key not in ("full", "classroom"):
                    hint = did_you_mean(key, ("full", "classroom")) or "text variants are 'full' and 'classroom'"
                    self.report("E101", key_event, f"unknown content level '{key}' in {what}", hint)
                    self.events.skip(value_event)
                    continue
                value = scalar_value(value_event)[0] if type(value_event) is ScalarEvent else None
                if not isinstance(value, str) or not value.strip():
                    self.wrong(value_event, f"the '{key}' text of {what} should be text",
                               "write the text after the colon")
                    continue
                variants[key] = _clean(value)
            if "full" not in variants:
                if "full" not in named:
                    self.report("E102", event, f"{what} has variants but no 'full' text",
                                "add 'full:' with the complete text")
                return _INVALID
            return Text(variants["full"], variants.get("classroom"))
        return self.wrong(event, f"{what} should be text, found {describe_event(event)}",
                          "write the text, or 'full:' and 'classroom:' variants")


def _kind_word(kind: str) -> str:
    return {"str": "text", "id": "an id", "date": "a date (YYYY-MM)", "int": "a whole number",
            "bool": "true or false", "expr": "a condition", "effect": "a number, true/false or '= expr'",
            "text": "text"}.get(kind, kind)


_KIND_HINTS = {
    "str": "write the text after the colon",
    "id": "write an id in lower_snake_case",
    "date": "write the date as YYYY-MM, e.g. 1958-09",
    "int": "write a whole number, e.g. 8",
    "bool": "write true or false",
    "expr": "write a condition such as 'trust >= 3'",
    "effect": "write a number to add, true/false for a flag, or '= expr'",
    "text": "write the text after the colon",
}


def _clean(text: str) -> str:
    return text.strip()


# ---- building the model ---------------------------------------------------------------------------

class _Builder:
    """Collects the converted files and builds the Story."""

    def __init__(self, diags: list[Diagnostic], partial: bool = False) -> None:
        self.diags = diags
        self.partial = partial
        self.singles: dict[str, tuple[Any, SourceLoc]] = {}
        self.stats: dict[str, Stat] = {}
        self.flags: dict[str, Flag] = {}
        self.facts: dict[str, Fact] = {}
        self.cautions: dict[str, Caution] = {}
        self.sources: dict[str, Source] = {}
        self.glossary: list[GlossaryTerm] = []
        self.glossary_terms: dict[str, SourceLoc] = {}
        self.acts: dict[str, Act] = {}
        self.scene_recs: list[tuple[str, Rec]] = []  # (act id, scene rec) in file order
        self.act_recs: list[Rec] = []
        # Item locations that the frozen model does not carry, for validate.py's messages.
        self.fact_source_locs: dict[str, Items] = {}
        self.history_locs: dict[tuple[str, int], Items] = {}

    def report(self, code: str, loc: SourceLoc, message: str, hint: str = "") -> None:
        self.diags.append(make(code, loc, message, hint))

    def unique(self, table: dict, key: str, loc: SourceLoc, what: str) -> bool:
        """False (and an E105) when `key` is already in `table`."""
        if key in table:
            first = table[key].loc if hasattr(table[key], "loc") else table[key]
            self.report("E105", loc, f"{what} '{key}' is already defined at {first}",
                        "ids must be unique across the whole story; rename one")
            return False
        return True

    def add_data_file(self, rec: Rec) -> None:
        for key in spec.SINGLE_DEFINITION_KEYS:
            if key in rec:
                if key in self.singles:
                    first = self.singles[key][1]
                    self.report("E108", rec.at(key), f"'{key}' is already defined at {first}",
                                "keep the story's title, start, stats and flags in story.yaml only")
                else:
                    self.singles[key] = (rec[key], rec.at(key))
        for name, srec in rec.get("stats", {}).items():
            loc = rec["stats"].at(name)
            lo, hi, start = srec.get("min"), srec.get("max"), srec.get("start")
            if lo is None or hi is None or start is None or "label" not in srec or "description" not in srec:
                continue  # already reported as missing
            if lo >= hi:
                self.report("E104", srec.at("max"), f"stat '{name}' has max {hi} not above min {lo}",
                            "make max greater than min")
                continue
            if not lo <= start <= hi:
                self.report("E104", srec.at("start"), f"stat '{name}' starts at {start}, outside {lo}..{hi}",
                            "choose a start value within min and max")
                continue
            self.stats[name] = Stat(name, srec["label"], srec["description"], lo, hi, start, loc)
        for name, frec in rec.get("flags", {}).items():
            if "description" not in frec:
                continue
            self.flags[name] = Flag(name, frec["description"], frec.get("start", False), rec["flags"].at(name))
        for key, srec in rec.get("sources", {}).items():
            loc = rec["sources"].at(key)
            if "cite" in srec and "status" in srec and self.unique(self.sources, key, loc, "source"):
                if re.search(r"https?://|www\.", srec["cite"]):
                    self.report("E104", srec.at("cite"), f"source '{key}' shows a URL to players",
                                "cite author, title and year; never a mirror URL")
                self.sources[key] = Source(key, srec["cite"], srec["status"], srec.get("note", ""), loc)
        for fid, frec in rec.get("facts", {}).items():
            loc = rec["facts"].at(fid)
            if not all(k in frec for k in ("year", "when", "title", "claim", "reliability", "sources")):
                continue
            if self.unique(self.facts, fid, loc, "fact") and fid not in self.cautions:
                claim = Text(frec["claim"], frec.get("claim_classroom"))
                fact = Fact(fid, frec["year"], frec["when"], frec["title"], claim, frec.get("note", ""),
                            tuple(frec["reliability"]), frec.get("henan", False), tuple(frec["sources"]), loc)
                self.facts[fid] = fact
                self.fact_source_locs[fid] = frec["sources"]
        for xid, xrec in rec.get("cautions", {}).items():
            loc = rec["cautions"].at(xid)
            if "title" in xrec and "note" in xrec and self.unique(self.cautions, xid, loc, "caution"):
                self.cautions[xid] = Caution(xid, xrec["title"], xrec["note"], tuple(xrec.get("sources", ())), loc)
        for term_rec in rec.get("glossary", ()):
            if not all(k in term_rec for k in ("term", "pinyin", "hanzi", "definition")):
                continue
            aliases = tuple(term_rec.get("aliases", ()))
            ok = True
            for i, word in enumerate((term_rec["term"],) + aliases):
                where = term_rec.at("term") if i == 0 else term_rec["aliases"].at(i - 1)
                folded = word.casefold()
                if folded in self.glossary_terms:
                    self.report("E105", where, f"glossary term '{word}' is already defined at "
                                f"{self.glossary_terms[folded]}", "each term and alias may appear once")
                    ok = False
                else:
                    self.glossary_terms[folded] = where
            if ok:
                self.glossary.append(GlossaryTerm(term_rec["term"], term_rec["pinyin"], term_rec["hanzi"],
                                                  term_rec["definition"], aliases, term_rec.loc))

    def add_act_file(self, rec: Rec) -> None:
        if not all(k in rec for k in ("act", "title", "summary", "minutes", "start", "scenes")):
            # Still collect scenes so gotos into this file resolve and errors stay few.
            for scene_rec in rec.get("scenes", ()):
                self.scene_recs.append((rec.get("act", "?"), scene_rec))
            return
        self.act_recs.append(rec)
        for scene_rec in rec["scenes"]:
            self.scene_recs.append((rec["act"], scene_rec))


def discover(path: Path) -> list[Path]:
    """Every *.yaml under a folder, in a stable order (sorted by relative path)."""
    if path.is_file():
        return [path]
    found = []
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.endswith(STORY_SUFFIX) and not name.startswith("."):
                found.append(Path(dirpath) / name)
    return sorted(found, key=lambda p: p.relative_to(path).as_posix())


def find_story_root(file: Path) -> Path | None:
    """The nearest folder above a story file that holds story.yaml."""
    for parent in file.resolve().parents:
        if (parent / "story.yaml").is_file():
            return parent
    return None


def display_path(path: Path) -> str:
    """A path as a writer would type it: relative to the working folder when inside it."""
    try:
        return Path(os.path.relpath(path)).as_posix() if not os.path.relpath(path).startswith("..") \
            else path.as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def load_story(path: str | os.PathLike, *, partial: bool = False) -> tuple[Story | None, list[Diagnostic]]:
    """Load every story file under `path`. With `partial`, a lone file is checked on its own:
    cross-file references it cannot see are not reported."""
    # Loading allocates hundreds of thousands of small objects and frees none of them, so the
    # cyclic garbage collector would scan the growing heap again and again for nothing: pausing
    # it halves the time of a 10,000-scene check (bench/check_scale.py). Nothing here makes cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_story(path, partial)
    finally:
        if was_enabled:
            gc.enable()


def _load_story(path: str | os.PathLike, partial: bool) -> tuple[Story | None, list[Diagnostic]]:
    root = Path(path)
    diags: list[Diagnostic] = []
    if not root.exists():
        diags.append(make("E011", SourceLoc(display_path(root)), "no such file or folder",
                          "give the story folder, e.g. 'story'"))
        return None, diags
    files = discover(root)
    if not files:
        diags.append(make("E013", SourceLoc(display_path(root)), "no *.yaml story files here",
                          "a story folder holds story.yaml, history.yaml and acts/*.yaml"))
        return None, diags
    builder = _Builder(diags, partial)
    digest = hashlib.sha256()
    shown_paths = []
    complete = True  # every file was read; else references into the unread ones look missing
    # story.yaml first: it is where title, start, stats and flags belong, so a second definition
    # elsewhere is the one to report.
    files.sort(key=lambda f: f.name != "story.yaml" or f.parent != root)
    for file in files:
        shown = display_path(file)
        shown_paths.append(shown)
        text, data, file_diags = read_text(file, shown)
        diags.extend(file_diags)
        rel = file.name if root.is_file() else file.relative_to(root).as_posix()
        digest.update(rel.encode() + b"\0" + (data or b"") + b"\0")
        rec = None
        if text is not None:
            rec, file_diags = convert_file(text, shown, lambda events, first: _convert_top(shown, events, first))
            if rec is None:
                # Unreadable part-way: report why it cannot be read (and duplicate keys, which are
                # found while reading), not the shape of the part before the fault.
                file_diags = [d for d in file_diags if d.code.startswith("E0")]
            diags.extend(file_diags)
        if rec is None:
            complete = False
        elif "act" in rec.marks:  # an act file, even when its 'act:' value was invalid
            builder.add_act_file(rec)
        else:
            builder.add_data_file(rec)
    # With a file unread, 'unknown scene' or 'unreachable' would mostly be echoes of its error.
    references = not partial and complete
    story = _assemble(builder, str(path), tuple(shown_paths), digest.hexdigest(), not references)
    from .validate import validate  # late import: validate needs the assembled model

    if story is not None:
        diags.extend(validate(story, builder, partial=not references))
    return story, diags


def _convert_top(path: str, events: Events, first) -> Rec:
    """A file's top-level mapping. Whether it is an act file (it has 'act:') is known only at
    the end, so keys are read against both specs and checked against the right one after."""
    diags = events.diags
    converter = _Converter(path, diags, events)
    unknown: list[tuple[str, SourceLoc]] = []
    key_marks: dict[str, Any] = {}
    rec = converter.obj(first, spec.TOP_LEVEL, "this file", unknown, key_marks)
    sp = spec.ACT if "act" in rec.marks else spec.DATA_FILE
    for key in list(rec.marks):
        if key not in sp.fields:  # a key of the other kind of file, e.g. 'facts:' in an act
            del rec.marks[key]
            rec.pop(key, None)
            unknown.append((key, _at(path, key_marks[key])))
    for key, loc in sorted(unknown, key=lambda item: (item[1].line, item[1].col)):
        hint = did_you_mean(key, sp.fields) or f"known keys: {', '.join(sp.fields)}"
        diags.append(make("E101", loc, f"unknown key '{key}' in {sp.name}", hint))
    for key, field in sp.fields.items():
        if field.required and key not in rec:
            converter.missing(rec, sp, key, field)
    return rec


def _assemble(b: _Builder, root: str, files: tuple[str, ...], content_hash: str,
              partial: bool) -> Story | None:
    """Build scenes (with compiled expressions) and acts, then the Story."""
    names_clash = set(b.stats) & set(b.flags)
    for name in names_clash:
        b.report("E105", b.flags[name].loc, f"'{name}' is both a stat and a flag", "rename one of them")
    for table in (b.stats, b.flags):
        for name, item in table.items():
            if name in rules.KEYWORDS:
                b.report("E104", item.loc, f"'{name}' is a reserved word in expressions", "choose another name")
    scene_ids = frozenset(rec["id"] for _act, rec in b.scene_recs if "id" in rec)
    names = rules.Names(frozenset(b.stats), frozenset(b.flags), scene_ids)
    scenes: dict[str, Scene] = {}
    for act_id, rec in b.scene_recs:
        if "id" not in rec:
            continue
        scene = _build_scene(b, act_id, rec, names)
        if scene is not None and b.unique(scenes, scene.id, scene.loc, "scene"):
            scenes[scene.id] = scene
    acts: dict[str, Act] = {}
    for rec in b.act_recs:
        act = _build_act(b, rec)
        if b.unique(acts, act.id, act.loc, "act"):
            acts[act.id] = act
    title = b.singles.get("title", (None,))[0]
    start = b.singles.get("start", (None,))[0]
    if not partial:
        if title is None:
            b.report("E102", SourceLoc(_story_yaml(files)), "the story has no 'title'",
                     "add 'title:' to story.yaml")
        if start is None:
            b.report("E102", SourceLoc(_story_yaml(files)), "the story has no 'start' scene",
                     "add 'start: <scene id>' to story.yaml")
    start_loc = b.singles.get("start", (None, SourceLoc(_story_yaml(files))))[1]
    return Story(
        title=title or "",
        start=start or "",
        content_note=b.singles.get("content_note", ("",))[0],
        stats=b.stats,
        flags=b.flags,
        scenes=scenes,
        acts=acts,
        facts=b.facts,
        cautions=b.cautions,
        sources=b.sources,
        glossary=tuple(b.glossary),
        content_hash=content_hash,
        root=root,
        files=files,
        start_loc=start_loc,
    )


def _story_yaml(files: tuple[str, ...]) -> str:
    for f in files:
        if f.endswith("story.yaml"):
            return f
    return files[0] if files else "story.yaml"


def _compile_condition(b: _Builder, src: ExprSource, names: rules.Names) -> Condition | None:
    try:
        expr = rules.parse(src.text)
        kind = rules.check(expr, names)
    except rules.ExprError as exc:
        _expr_error(b, src, exc)
        return None
    if kind != "bool":
        b.report("E203", src.loc, f"condition '{src.text}' is a number, not true/false",
                 "compare it, e.g. 'grain > 0'")
        return None
    return Condition(src.text, expr, rules.compile_expr(expr), src.loc)


def _expr_error(b: _Builder, src: ExprSource, exc: rules.ExprError) -> None:
    if exc.kind == "name" and b.partial:
        return  # a lone file cannot see story.yaml's stats and flags, nor other files' scenes
    code = {"syntax": "E201", "name": "E202", "type": "E203"}[exc.kind]
    b.report(code, src.loc_at(exc.offset), f"{exc.message} in '{src.text}'", exc.hint)


def _compile_effect(b: _Builder, target: str, src: ExprSource, effects: Keyed,
                    names: rules.Names) -> Effect | None:
    value = src.value
    if target in names.stats:
        want = "number"
    elif target in names.flags:
        want = "bool"
    else:
        if not b.partial:
            hint = did_you_mean(target, names.stats | names.flags) or "declare it in story.yaml under stats or flags"
            b.report("E202", effects.at(target), f"effect on unknown stat or flag '{target}'", hint)
        return None
    if isinstance(value, bool):
        if want != "bool":
            b.report("E203", src.loc, f"'{target}' is a stat; give a number to add, not {str(value).lower()}",
                     "e.g. 'trust: -1', or '= 3' to set it")
            return None
        expr = rules.Bool(value, 0)
        return Effect(target, "set", str(value).lower(), expr, rules.compile_expr(expr), src.loc)
    if isinstance(value, int):
        if want != "number":
            b.report("E203", src.loc, f"'{target}' is a flag; set it with true or false",
                     f"'{target}: true'")
            return None
        expr = rules.Num(value, 0)
        return Effect(target, "add", str(value), expr, rules.compile_expr(expr), src.loc)
    text = src.text.strip()
    lead = len(src.text) - len(src.text.lstrip())
    if not text or text[0] not in "=+-":
        b.report("E201", src.loc, f"effect '{src.text}' should start with '=', '+' or '-'",
                 "'= expr' sets the value; '+ expr' or '- expr' adds to a stat")
        return None
    mode = "set" if text[0] == "=" else "add"
    body = text[1:] if text[0] == "=" else text  # keep the sign of '+ x' / '- x' in the expression
    body_offset = lead + (1 if text[0] == "=" else 0)
    try:
        expr = rules.parse(body)
        kind = rules.check(expr, names)
    except rules.ExprError as exc:
        exc.offset += body_offset
        _expr_error(b, src, exc)
        return None
    if mode == "add" and want != "number":
        b.report("E203", src.loc, f"'{target}' is a flag; it can only be set", f"write '= {body.strip()}'")
        return None
    if kind != want:
        b.report("E203", src.loc, f"'{target}' needs {'a number' if want == 'number' else 'true/false'}, "
                 f"but '{body.strip()}' gives {'a number' if kind == 'number' else 'true/false'}")
        return None
    return Effect(target, mode, text, expr, rules.compile_expr(expr), src.loc)


_EMPTY_TEXT = Text("")


def _build_scene(b: _Builder, act_id: str, rec: Rec, names: rules.Names) -> Scene | None:
    """Build a scene even when some of its fields were wrong (and reported): a scene that
    vanished would make every goto to it and everything after it look broken too."""
    choices: list[Choice] = []
    for index, crec in enumerate(rec.get("choices", ())):
        condition = _compile_condition(b, crec["if"], names) if "if" in crec else None
        effects = []
        for target, src in crec.get("effects", {}).items():
            effect = _compile_effect(b, target, src, crec["effects"], names)
            if effect is not None:
                effects.append(effect)
        history = crec.get("history")
        choice = Choice(
            scene=rec["id"], index=index, text=crec.get("text", _EMPTY_TEXT), condition=condition,
            locked=crec.get("locked"), effects=tuple(effects), outcome=crec.get("outcome", _EMPTY_TEXT),
            history=tuple(history or ()), goto=crec.get("goto", ""), loc=crec.loc, goto_loc=crec.at("goto"),
            history_loc=crec.at("history"),
        )
        if history is not None:  # a missing or mistyped list was reported already
            b.history_locs[(rec["id"], index)] = history
        choices.append(choice)
    ending = None
    if "ending" in rec:
        erec = rec["ending"]
        ending = Ending(erec.get("title", ""), erec.get("epilogue", _EMPTY_TEXT), erec.loc)
    return Scene(rec["id"], act_id, str(rec.get("date", "")), rec.get("place", ""), rec.get("text", _EMPTY_TEXT),
                 tuple(choices), ending, rec.loc)


def _build_act(b: _Builder, rec: Rec) -> Act:
    start_state = None
    if "start_state" in rec:
        srec = rec["start_state"]
        stats = dict(srec.get("stats", {}))
        for name in list(stats):
            stat = b.stats.get(name)
            loc = srec["stats"].at(name)
            if stat is None:
                b.report("E110", loc, f"start state names unknown stat '{name}'",
                         did_you_mean(name, b.stats) or "declare it under 'stats:' in story.yaml")
                del stats[name]
            elif not stat.min <= stats[name] <= stat.max:
                b.report("E104", loc, f"start value {stats[name]} for '{name}' is outside {stat.min}..{stat.max}",
                         "choose a value within the stat's range")
                del stats[name]
        flags = set()
        for i, name in enumerate(srec.get("flags", ())):
            if name not in b.flags:
                b.report("E110", srec["flags"].at(i), f"start state names unknown flag '{name}'",
                         did_you_mean(name, b.flags) or "declare it under 'flags:' in story.yaml")
            else:
                flags.add(name)
        start_state = StartState(stats, frozenset(flags), srec.loc)
    prompts = tuple(Prompt(p["prompt"], p["teacher_note"], p.loc)
                    for p in rec.get("discussion", ()) if "prompt" in p and "teacher_note" in p)
    scene_ids = tuple(s["id"] for s in rec["scenes"] if "id" in s)
    return Act(rec["act"], rec["title"], rec["summary"], rec["minutes"], rec["start"], start_state, prompts,
               scene_ids, rec.loc, rec.at("start"))
