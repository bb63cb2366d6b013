"""Reading one story file safely into a tree of nodes that remember their line and column.

Why not `yaml.safe_load`? It forgets positions, silently keeps the last of two duplicate keys,
treats `no` as false (YAML 1.1), expands alias bombs, and its C composer recurses: a file
nested 100,000 deep crashes the interpreter. Instead we walk libyaml's event stream (fast and
iterative) and build the tree ourselves, refusing tags, anchors, aliases, deep nesting and huge
files with a diagnostic that names the place. Plain scalars resolve by the YAML 1.2 core schema,
as the VS Code YAML extension does.
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


def describe(node: YNode | None) -> str:
    """A writer's word for what a node is, for 'expected X, found Y' messages."""
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    if node is None or node.value is None:
        return "nothing"
    value = node.value
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


def parse_text(text: str, loc_path: str) -> tuple[YNode | None, list[Diagnostic]]:
    """Parse decoded text into a node tree. Returns (root or None, diagnostics)."""
    diags: list[Diagnostic] = []
    try:
        root = _build(text, loc_path, diags)
    except _Abort:
        return None, diags
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or "invalid YAML"
        if mark is not None and _tab_at(text, mark.line, mark.column):
            # YAML forbids tabs in indentation; libyaml's own message does not say 'tab'.
            diags.append(make("E003", SourceLoc(loc_path, line, col), "tab character used for indentation",
                              "indent with spaces only; set your editor to insert spaces"))
            return None, diags
        hint = _syntax_hint(problem, exc.context or "")
        diags.append(make("E002", SourceLoc(loc_path, line, col), problem, hint))
        return None, diags
    except yaml.YAMLError as exc:  # e.g. a reader error on control characters
        mark = getattr(exc, "position", None)
        diags.append(make("E002", SourceLoc(loc_path, 0, 0), str(exc).splitlines()[0],
                          "remove control characters; is this really a story file?"))
        return None, diags
    if root is None:
        diags.append(make("E005", SourceLoc(loc_path, 1, 1), "the file holds no YAML content",
                          "add the file's keys, or delete the file"))
    elif not isinstance(root, YMap):
        diags.append(make("E006", SourceLoc(loc_path, root.line, root.col),
                          f"the file holds {describe(root)}, but a story file must be a mapping of keys",
                          "start the file with keys such as 'act:' or 'facts:'"))
        return None, diags
    return root, diags


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


def _build(text: str, loc_path: str, diags: list[Diagnostic]) -> YNode | None:
    """Build the node tree from libyaml's events.

    This is the hot loop of every check (a 10,000-scene story has ~700,000 events), so the
    common cases are inlined: the open container, whether it is a mapping, and its pending key
    live in locals, and the stack saves them only when a nested container opens.
    """
    ScalarEvent, MappingStartEvent, SequenceStartEvent = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    MappingEndEvent, SequenceEndEvent = yaml.MappingEndEvent, yaml.SequenceEndEvent
    stack: list[tuple] = []  # saved (container, is_map, pending key) of the enclosing containers
    container: YMap | YSeq | None = None
    is_map = False
    key: YScalar | None = None  # in a mapping: the key awaiting its value
    root: YNode | None = None
    documents = 0

    def fail(code: str, mark, message: str, hint: str) -> None:
        diags.append(make(code, SourceLoc(loc_path, mark.line + 1, mark.column + 1), message, hint))
        raise _Abort

    def refuse(event) -> None:
        """Anchors and tags are rare: checked here, out of the hot path."""
        if event.anchor is not None:
            fail("E008", event.start_mark, f"anchor '&{event.anchor}' is not allowed",
                 "write the value out in full; story files do not use anchors and aliases")
        if event.tag is not None and event.tag != "!":
            fail("E007", event.start_mark, f"YAML tag '{_tag_text(event.tag)}' is not allowed",
                 "remove the tag; story files hold plain text, numbers, true/false, lists and mappings")

    def add_key(node: YNode) -> YScalar:
        """A new key of the open mapping; reports a duplicate and returns the marker then."""
        if type(node) is not YScalar:
            diags.append(make("E103", SourceLoc(loc_path, node.line, node.col), "a mapping key must be plain text",
                              "write 'name: value'"))
            raise _Abort
        if not isinstance(node.value, str):
            node.value = _scalar_text(node.value)
        if node.value in container.items:
            first = container.items[node.value][0]
            diags.append(make("E004", SourceLoc(loc_path, node.line, node.col),
                              f"key '{node.value}' appears twice in this mapping (first at line {first.line})",
                              "remove or rename one of them; YAML would silently keep only the last"))
            return _DUPLICATE
        return node

    loader = _Loader(text)
    get_event = loader.get_event
    budget = MAX_VALUES
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent:
                budget -= 1
                if budget < 0:
                    fail("E009", event.start_mark, f"the file holds more than {MAX_VALUES:,} values",
                         "split the act into several files; is this really a story file?")
                if event.anchor is not None or event.tag is not None:
                    refuse(event)
                mark = event.start_mark
                style = event.style
                if style:
                    node = YScalar(event.value, mark.line + 1, mark.column + 1, True)
                elif event.implicit[0]:
                    node = YScalar(resolve_plain(event.value), mark.line + 1, mark.column + 1, False)
                else:
                    node = YScalar(event.value, mark.line + 1, mark.column + 1, True)
                if is_map:
                    if key is None:
                        key = add_key(node)
                    else:
                        if key is not _DUPLICATE:
                            container.items[key.value] = (key, node)
                        key = None
                elif container is not None:
                    container.items.append(node)
                else:
                    root = node
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    refuse(event)
                mark = event.start_mark
                if len(stack) >= MAX_DEPTH:
                    fail("E010", mark, f"values nested more than {MAX_DEPTH} levels deep",
                         "story files need only a few levels; is this really a story file?")
                stack.append((container, is_map, key))
                if kind is MappingStartEvent:
                    container, is_map = YMap(mark.line + 1, mark.column + 1), True
                else:
                    container, is_map = YSeq(mark.line + 1, mark.column + 1), False
                key = None
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                node = container
                container, is_map, key = stack.pop()
                if is_map:
                    if key is None:
                        key = add_key(node)
                    else:
                        if key is not _DUPLICATE:
                            container.items[key.value] = (key, node)
                        key = None
                elif container is not None:
                    container.items.append(node)
                else:
                    root = node
            elif kind is yaml.AliasEvent:
                fail("E008", event.start_mark, f"alias '*{event.anchor}' is not allowed",
                     "write the value out in full; story files do not use anchors and aliases")
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    fail("E012", event.start_mark, "a second YAML document starts here",
                         "remove the '---' line; put each act in its own file")
            elif kind is yaml.StreamEndEvent:
                return root
    finally:
        loader.dispose()


# Marker for the value of a duplicate key, which is reported and then dropped.
_DUPLICATE = YScalar(None, 0, 0, False)


def _scalar_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def read_file(path: Path, loc_path: str) -> tuple[YNode | None, bytes | None, list[Diagnostic]]:
    """Read, size-check, decode and parse one file. Returns (root, raw bytes, diagnostics)."""
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
    if text is None:
        return None, data, diags
    root, more = parse_text(text, loc_path)
    return root, data, diags + more
