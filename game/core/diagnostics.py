"""Diagnostics: the one shape every author-facing problem takes, and its one text format.

Author mistakes are data, not exceptions: the loader and the validator return lists of
`Diagnostic`, and every tool prints them with `format()`:

    story/acts/02_steel.yaml:42:7: error E106: goto to unknown scene 'celar' (did you mean 'cellar'?)

Codes are stable; docs/errors.md documents each one, and a test keeps the two in step.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable, Literal, NamedTuple

Severity = Literal["error", "warning"]


class SourceLoc(NamedTuple):
    """Where something came from: a path as the author would type it, 1-based line and column.

    line/col are 0 when unknown (a whole-file problem such as an unreadable file). A NamedTuple
    rather than a frozen dataclass: the loader makes one per value, and tuples are made 5x faster.
    """

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.col or 1}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    severity: Severity
    code: str
    loc: SourceLoc
    message: str
    hint: str = ""

    def format(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.loc}: {self.severity} {self.code}: {self.message}{hint}"

    def to_json(self) -> dict:
        return {
            "severity": self.severity,
            "code": self.code,
            "path": self.loc.path,
            "line": self.loc.line,
            "col": self.loc.col,
            "message": self.message,
            "hint": self.hint,
        }

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


# Every code, its severity and a one-line title. docs/errors.md has a section per code;
# tests/test_docs.py fails when the two drift apart.
CODES: dict[str, tuple[Severity, str]] = {
    # Reading files
    "E001": ("error", "file is not valid UTF-8"),
    "E002": ("error", "YAML syntax error"),
    "E003": ("error", "tab used for indentation"),
    "E004": ("error", "duplicate key"),
    "E005": ("error", "empty file"),
    "E006": ("error", "file is not a mapping"),
    "E007": ("error", "YAML tag not allowed"),
    "E008": ("error", "YAML anchor or alias not allowed"),
    "E009": ("error", "file too large"),
    "E010": ("error", "nesting too deep"),
    "E011": ("error", "file cannot be read"),
    "E012": ("error", "more than one YAML document in a file"),
    "E013": ("error", "no story files found"),
    # Structure
    "E101": ("error", "unknown key"),
    "E102": ("error", "missing required key"),
    "E103": ("error", "wrong type of value"),
    "E104": ("error", "invalid value"),
    "E105": ("error", "duplicate id"),
    "E106": ("error", "goto to an unknown scene"),
    "E107": ("error", "unknown start scene"),
    "E108": ("error", "defined in more than one file"),
    "E109": ("error", "ending scene with choices"),
    "E110": ("error", "unknown name in a start state"),
    # Expressions
    "E201": ("error", "expression syntax error"),
    "E202": ("error", "unknown name in an expression"),
    "E203": ("error", "expression type error"),
    # History and citations
    "E301": ("error", "citation of an unknown fact"),
    "E302": ("error", "fact without a source"),
    "E303": ("error", "unknown source"),
    "E304": ("error", "citation of a claim to avoid"),
    "W305": ("warning", "cited fact has no source players may see"),
    "W306": ("warning", "unused fact"),
    "E307": ("error", "choice without a history citation"),
    # Numbers
    "W401": ("warning", "effect can push a stat out of its range"),
    # Story graph
    "W501": ("warning", "scene unreachable from the start"),
    "E502": ("error", "dead end: scene with no way out"),
    # Presentation
    "E601": ("error", "character no shipped font can draw"),
}


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A hint naming the closest candidate, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def make(code: str, loc: SourceLoc, message: str, hint: str = "") -> Diagnostic:
    """Build a diagnostic whose severity comes from the code table, so the two never disagree."""
    severity = CODES[code][0]
    return Diagnostic(severity, code, loc, message, hint)


def count(diagnostics: Iterable[Diagnostic]) -> tuple[int, int]:
    errors = warnings = 0
    for d in diagnostics:
        if d.is_error:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def summary(diagnostics: Iterable[Diagnostic], files: int) -> str:
    errors, warnings = count(diagnostics)

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files, 'file')}"


def sort_key(d: Diagnostic) -> tuple:
    return (d.loc.path, d.loc.line, d.loc.col, d.code)
