"""Reading one story file safely, from libyaml's event stream, keeping every line and column.

Why not `yaml.safe_load`? It forgets positions, silently keeps the last of two duplicate keys,
treats `no` as false (YAML 1.1), expands alias bombs, and its C composer recurses: a file
nested 100,000 deep crashes the interpreter. Instead we pull libyaml's events one at a time
(fast and iterative) through `Events`, which refuses tags, anchors, aliases, deep nesting and
huge files with a diagnostic that names the place. Plain scalars resolve by the YAML 1.2 core
schema, as the VS Code YAML extension does.

The loader converts events straight into its checked records (no tree in between: that halves
the time of a big check). `parse_text` and `read_file` build a generic node tree from the same
stream, for tools and tests.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Union

import yaml

from .diagnostics import Diagnostic, SourceLoc, make

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
# A realistic act file holds ~60,000 values per MB; this bounds memory for hostile files that
# pack millions of tiny values ('[1,1,1,...') under the size limit.
MAX_VALUES = 1_000_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})


class YScalar:
    """A scalar with its resolved value (str, int, float, bool or None)."""

    __slots__ = ("value", "line", "col", "quoted")

    def __init__(self, value: object, line: int, col: int, quoted: bool) -> None:
        self.value = value
        self.line = line
        self.col = col
        self.quoted = quoted  # quoted or block scalars: the text starts one column later


class YMap:
    """A mapping. `items` keeps source order; keys are scalars (duplicates already reported)."""

    __slots__ = ("items", "line", "col")

    def __init__(self, line: int, col: int) -> None:
        self.items: dict[str, tuple[YScalar, YNode]] = {}
        self.line = line
        self.col = col


class YSeq:
    __slots__ = ("items", "line", "col")

    def __init__(self, line: int, col: int) -> None:
        self.items: list[YNode] = []
        self.line = line
        self.col = col


YNode = Union[YScalar, YMap, YSeq]


def resolve_plain(text: str) -> object:
    """YAML 1.2 core schema resolution of an unquoted scalar."""
    if text in _NULLS:
        return None
    first = text[0]
    if first in "tTfF":
        if text in _TRUES:
            return True
        if text in _FALSES:
            return False
        return text
    if first in "0123456789+-.":
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
    return text


def describe_value(value: object) -> str:
    """A writer's word for a scalar's value, for 'expected X, found Y' messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{'true' if value else 'false'}' (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return "text"


class _Abort(Exception):
    """Stop reading a file: the diagnostic has been recorded."""


def decode(data: bytes, loc_path: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text: UTF-8 with an optional BOM; CRLF becomes LF."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        # Columns count characters, as libyaml's do, not bytes.
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", errors="replace")) + 1
        return None, [
            make(
                "E001",
                SourceLoc(loc_path, line, col),
                f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
                "save the file as UTF-8; is this really a story file?",
            )
        ]
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return text, []


def _tab_at(text: str, line: int, column: int) -> bool:
    """True when the error position is a tab in a line's leading whitespace."""
    lines = text.split("\n", line + 1)
    if line >= len(lines):
        return False
    row = lines[line]
    leading = row[: len(row) - len(row.lstrip(" \t"))]
    return "\t" in leading and column <= len(leading)


def _tag_text(tag: str) -> str:
    """Show a tag as the writer typed it: 'tag:yaml.org,2002:python/...' is '!!python/...'."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


def _syntax_hint(problem: str, context: str) -> str:
    if "mapping values are not allowed" in problem:
        return "a colon followed by a space starts a key; put text containing ': ' in quotes"
    if "found character" in problem and "cannot start any token" in problem:
        return "quote text that starts with a special character such as ` @ or %"
    if "could not find expected ':'" in problem:
        return "every line of a mapping needs 'key: value'; check the indentation above"
    if "did not find expected" in problem or "expected <block end>" in problem:
        return "check the indentation of this line against the lines above"
    if "unacceptable character" in problem or "control characters" in problem:
        return "remove control characters; is this really a story file?"
    return "check the YAML syntax at this position"


ScalarEvent = yaml.ScalarEvent
MappingStartEvent = yaml.MappingStartEvent
SequenceStartEvent = yaml.SequenceStartEvent
MappingEndEvent = yaml.MappingEndEvent
SequenceEndEvent = yaml.SequenceEndEvent


class Events:
    """One file's events, with the refusals every story file gets.

    `next()` returns libyaml's next event, having checked it: an anchor, alias or tag, nesting
    deeper than MAX_DEPTH or more than MAX_VALUES scalars is reported and stops the file
    (raises _Abort). Converters pull events from here and never see a refused construct.
    """

    __slots__ = ("path", "diags", "_loader", "_get", "depth", "budget")

    def __init__(self, text: str, path: str, diags: list[Diagnostic]) -> None:
        self.path = path
        self.diags = diags
        self._loader = _Loader(text)
        self._get = self._loader.get_event
        self.depth = 0
        self.budget = MAX_VALUES

    def close(self) -> None:
        self._loader.dispose()

    def fail(self, code: str, event, message: str, hint: str):
        mark = event.start_mark
        self.diags.append(make(code, SourceLoc(self.path, mark.line + 1, mark.column + 1), message, hint))
        raise _Abort

    def next(self):
        event = self._get()
        kind = type(event)
        if kind is ScalarEvent:
            # Hot path: one test for the common case of an untagged, unanchored scalar.
            if event.anchor is not None or event.tag is not None:
                self._refuse(event)
            self.budget -= 1
            if self.budget < 0:
                self.fail("E009", event, f"the file holds more than {MAX_VALUES:,} values",
                          "split the act into several files; is this really a story file?")
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                self._refuse(event)
            self.depth += 1
            if self.depth > MAX_DEPTH:
                self.fail("E010", event, f"values nested more than {MAX_DEPTH} levels deep",
                          "story files need only a few levels; is this really a story file?")
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            self.depth -= 1
        elif kind is yaml.AliasEvent:
            self.fail("E008", event, f"alias '*{event.anchor}' is not allowed",
                      "write the value out in full; story files do not use anchors and aliases")
        return event

    def _refuse(self, event) -> None:
        if event.anchor is not None:
            self.fail("E008", event, f"anchor '&{event.anchor}' is not allowed",
                      "write the value out in full; story files do not use anchors and aliases")
        if event.tag != "!":
            self.fail("E007", event, f"YAML tag '{_tag_text(event.tag)}' is not allowed",
                      "remove the tag; story files hold plain text, numbers, true/false, lists and mappings")

    def skip(self, start) -> None:
        """Consume the rest of a value whose first event was `start` (a no-op for a scalar)."""
        if type(start) is ScalarEvent:
            return
        level = 1
        while level:
            kind = type(self.next())
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                level += 1
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                level -= 1

    def loc(self, event) -> SourceLoc:
        mark = event.start_mark
        return SourceLoc(self.path, mark.line + 1, mark.column + 1)


def scalar_value(event) -> tuple[object, bool]:
    """(resolved value, quoted) of a scalar event: plain scalars by YAML 1.2, others as text."""
    if event.style:
        return event.value, True
    if event.implicit[0]:
        return resolve_plain(event.value), False
    return event.value, True


def key_text(event) -> str:
    """A mapping key as written: keys are names, so '+3' stays '+3' and 'true' stays 'true'."""
    return event.value


def describe_event(event) -> str:
    """A writer's word for what a value is, from its first event."""
    kind = type(event)
    if kind is MappingStartEvent:
        return "a mapping"
    if kind is SequenceStartEvent:
        return "a list"
    return describe_value(scalar_value(event)[0])


def convert_file(text: str, loc_path: str, convert_root) -> tuple[object | None, list[Diagnostic]]:
    """Run `convert_root(events, first_event)` on the file's top-level mapping.

    Returns (its result, or None when the file cannot be used, and the diagnostics). The whole-file
    problems are handled here: syntax errors, tabs, an empty file, a file that is not a mapping,
    a second document.
    """
    diags: list[Diagnostic] = []
    events = Events(text, loc_path, diags)
    try:
        result = _convert_stream(events, convert_root)
    except _Abort:
        return None, diags
    except yaml.MarkedYAMLError as exc:
        diags.append(_syntax_error(exc, text, loc_path))
        return None, diags
    except yaml.YAMLError as exc:  # e.g. a reader error on control characters
        diags.append(make("E002", SourceLoc(loc_path, 0, 0), str(exc).splitlines()[0],
                          "remove control characters; is this really a story file?"))
        return None, diags
    finally:
        events.close()
    return result, diags


def _convert_stream(events: Events, convert_root):
    next_event = events.next
    next_event()  # StreamStartEvent
    first = next_event()
    if type(first) is yaml.StreamEndEvent:
        events.diags.append(make("E005", SourceLoc(events.path, 1, 1), "the file holds no YAML content",
                                 "add the file's keys, or delete the file"))
        raise _Abort
    root = next_event()  # after DocumentStartEvent: the root value's first event
    if type(root) is not MappingStartEvent:
        what = describe_event(root)
        events.fail("E006", root, f"the file holds {what}, but a story file must be a mapping of keys",
                    "start the file with keys such as 'act:' or 'facts:'")
    result = convert_root(events, root)
    next_event()  # DocumentEndEvent
    after = next_event()
    if type(after) is yaml.DocumentStartEvent:
        events.fail("E012", after, "a second YAML document starts here",
                    "remove the '---' line; put each act in its own file")
    return result


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, loc_path: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    if mark is not None and _tab_at(text, mark.line, mark.column):
        # YAML forbids tabs in indentation; libyaml's own message does not say 'tab'.
        return make("E003", SourceLoc(loc_path, line, col), "tab character used for indentation",
                    "indent with spaces only; set your editor to insert spaces")
    problem = exc.problem or "invalid YAML"
    return make("E002", SourceLoc(loc_path, line, col), problem, _syntax_hint(problem, exc.context or ""))


# ---- the generic tree, for tools and tests ------------------------------------------------------

def parse_text(text: str, loc_path: str) -> tuple[YNode | None, list[Diagnostic]]:
    """Parse decoded text into a node tree. Returns (root mapping or None, diagnostics)."""
    def root(events: Events, first) -> YNode:
        return _tree(events, first)

    return convert_file(text, loc_path, root)


def _tree(events: Events, event) -> YNode:
    kind = type(event)
    mark = event.start_mark
    if kind is ScalarEvent:
        value, quoted = scalar_value(event)
        return YScalar(value, mark.line + 1, mark.column + 1, quoted)
    if kind is SequenceStartEvent:
        seq = YSeq(mark.line + 1, mark.column + 1)
        while True:
            item = events.next()
            if type(item) is SequenceEndEvent:
                return seq
            seq.items.append(_tree(events, item))
    mapping = YMap(mark.line + 1, mark.column + 1)
    while True:
        key_event = events.next()
        if type(key_event) is MappingEndEvent:
            return mapping
        if type(key_event) is not ScalarEvent:
            events.fail("E103", key_event, "a mapping key must be plain text", "write 'name: value'")
        key = key_text(key_event)
        key_node = YScalar(key, key_event.start_mark.line + 1, key_event.start_mark.column + 1, False)
        value = _tree(events, events.next())
        if key in mapping.items:
            events.diags.append(duplicate_key(events.path, key_node, mapping.items[key][0].line))
            continue
        mapping.items[key] = (key_node, value)


def duplicate_key(path: str, key: YScalar, first_line: int) -> Diagnostic:
    return make("E004", SourceLoc(path, key.line, key.col),
                f"key '{key.value}' appears twice in this mapping (first at line {first_line})",
                "remove or rename one of them; YAML would silently keep only the last")


def read_text(path: Path, loc_path: str) -> tuple[str | None, bytes | None, list[Diagnostic]]:
    """Read, size-check and decode one file. Returns (text or None, raw bytes, diagnostics)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, None, [
                make("E009", SourceLoc(loc_path), f"file is {size / 1048576:.1f} MB; the limit is "
                     f"{MAX_FILE_BYTES // 1048576} MB", "split the act into several files")
            ]
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, None, [make("E011", SourceLoc(loc_path), f"cannot read the file: {exc.strerror or exc}",
                                 "check that the file exists and is readable")]
    if len(data) > MAX_FILE_BYTES:  # grew while we looked
        return None, None, [make("E009", SourceLoc(loc_path), "file is larger than the limit",
                                 "split the act into several files")]
    text, diags = decode(data, loc_path)
    return text, data, diags


def read_file(path: Path, loc_path: str) -> tuple[YNode | None, bytes | None, list[Diagnostic]]:
    """Read one file into a node tree. Returns (root, raw bytes, diagnostics)."""
    text, data, diags = read_text(path, loc_path)
    if text is None:
        return None, data, diags
    root, more = parse_text(text, loc_path)
    return root, data, diags + more
