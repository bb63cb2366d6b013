"""Every diagnostic code, shown by a small broken story: the checker must report exactly what each
case's expected.txt lists, at the right file and line, with a message a writer can act on.

A case is a folder under tests/stories/invalid/ holding a story (mostly the village story with one
mistake) and expected.txt: one line per diagnostic, `CODE relative/path.yaml:LINE`. The path is
relative to the case folder; `.` is the folder itself and line 0 means "the whole file or folder".
Blank lines are ignored. A line may repeat when the same diagnostic is expected twice.

Cases that would be huge or hostile as files in the repository (a 9 MB file, a billion-laughs
alias bomb, nesting 100,000 deep, a file that cannot be read) are generated below instead.
"""
from __future__ import annotations

import os
import re
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest

from game.core.diagnostics import CODES, Diagnostic
from game.core.loader import load_story

HERE = Path(__file__).resolve().parent
INVALID = HERE / "stories" / "invalid"
VILLAGE = HERE / "stories" / "valid" / "village"
CASES = sorted(p for p in INVALID.iterdir() if p.is_dir())

Key = tuple[str, str, int]  # (code, path relative to the case folder, line)

_EXPECTED_LINE = re.compile(r"(?P<code>[EW][0-9]{3}) (?P<path>\S+):(?P<line>[0-9]+)\Z")


def read_expected(folder: Path) -> Counter[Key]:
    expected: Counter[Key] = Counter()
    for number, line in enumerate((folder / "expected.txt").read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        match = _EXPECTED_LINE.match(line)
        assert match, f"{folder.name}/expected.txt:{number}: expected 'CODE path:LINE', found {line!r}"
        expected[(match["code"], match["path"], int(match["line"]))] += 1
    return expected


def relative(diag: Diagnostic, folder: Path) -> str:
    """The diagnostic's display path, relative to the case folder ('.' for the folder itself).

    Display paths are relative to the working folder when inside it, so resolve them; resolve
    only the parent, so that a symbolic link is named, not the file it points to."""
    shown = Path(diag.loc.path)
    path = shown.parent.resolve() / shown.name if shown.name else shown.resolve()
    try:
        return path.relative_to(folder.resolve()).as_posix()
    except ValueError:
        pytest.fail(f"{diag.format()}: the path is outside the story folder {folder}")


def reported(folder: Path, diags: list[Diagnostic]) -> Counter[Key]:
    return Counter((d.code, relative(d, folder), d.loc.line) for d in diags)


def show(keys: Counter[Key]) -> list[str]:
    return sorted(f"{code} {path}:{line}" for (code, path, line), n in keys.items() for _ in range(n))


def assert_reports(folder: Path, expected: Counter[Key]) -> list[Diagnostic]:
    story, diags = load_story(folder)
    got = reported(folder, diags)
    assert got == expected, (
        f"\nmissing:    {show(expected - got)}\nunexpected: {show(got - expected)}\n"
        "full output:\n" + "\n".join(d.format() for d in diags)
    )
    if not any(d.is_error for d in diags):
        assert story is not None, "a story without errors must load"
    return diags


def assert_writer_friendly(diags: list[Diagnostic]) -> None:
    """One line each, no Python internals, and a hint that says what to do."""
    for d in diags:
        text = d.format()
        assert d.code in CODES, text
        assert d.severity == CODES[d.code][0], text
        assert d.message.strip(), text
        assert "\n" not in text, f"a diagnostic must fit on one line: {text!r}"
        for leak in ("Traceback", "Error(", "Exception", "<class", "object at 0x"):
            assert leak not in text, f"Python internals in a writer's message: {text}"
        # Every code in the table names a mistake with a fix; E1xx-E3xx above all must say which.
        assert d.hint.strip(), f"no hint on how to fix it: {text}"


# ---- the fixture folders ------------------------------------------------------------------------

@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_case_reports_exactly_the_expected_diagnostics(folder):
    assert_reports(folder, read_expected(folder))


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_case_messages_are_writer_friendly(folder):
    _story, diags = load_story(folder)
    assert_writer_friendly(diags)


def test_case_folders_are_named_after_their_code():
    for folder in CASES:
        code = folder.name.split("_", 1)[0]
        if folder.name.startswith("ok_"):
            assert not read_expected(folder), f"{folder.name} is a valid case: expected.txt must be empty"
            continue
        assert code in CODES, f"{folder.name}: folders are named CODE_what_it_shows or ok_what_it_shows"
        assert code in {key[0] for key in read_expected(folder)}, f"{folder.name} does not report {code}"


def test_bom_and_crlf_case_really_has_them():
    """Guard against a checkout or an editor normalising the fixture (see .gitattributes)."""
    files = list((INVALID / "ok_bom_crlf").rglob("*.yaml"))
    assert files
    for path in files:
        data = path.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), path
        assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n"), path


# ---- generated cases: too big or too hostile to keep as files ---------------------------------

def _big_file(story: Path) -> None:
    (story / "acts" / "03_big.yaml").write_bytes(b"act: big\nsummary: " + b"a" * (9 * 1024 * 1024) + b"\n")


def _deep_flow(story: Path) -> None:
    depth = 100_000
    (story / "acts" / "03_deep.yaml").write_text("act: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")


def _deep_block(story: Path) -> None:
    lines = [" " * i + f"k{i}:" for i in range(200)]
    (story / "acts" / "03_deep.yaml").write_text("\n".join(lines) + " x\n", encoding="utf-8")


def _billion_laughs(story: Path) -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    (story / "acts" / "03_lol.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _broken_link(story: Path) -> None:
    try:
        os.symlink("03_draft.yaml", story / "acts" / "03_missing.yaml")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")


# name -> (how to break the village story, expected diagnostics, relative to the story folder)
GENERATED = {
    "E009_file_too_large": (_big_file, {("E009", "acts/03_big.yaml", 0)}),
    "E010_deep_flow_nesting": (_deep_flow, {("E010", "acts/03_deep.yaml", 1)}),
    "E010_deep_block_nesting": (_deep_block, {("E010", "acts/03_deep.yaml", 65)}),
    "E008_billion_laughs": (_billion_laughs, {("E008", "acts/03_lol.yaml", 1)}),
    "E011_unreadable_file": (_broken_link, {("E011", "acts/03_missing.yaml", 0)}),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_case(name, tmp_path):
    make, expected = GENERATED[name]
    story = tmp_path / name
    shutil.copytree(VILLAGE, story)
    make(story)
    started = time.perf_counter()
    diags = assert_reports(story, Counter(expected))
    assert time.perf_counter() - started < 10, "hostile input must be refused quickly"
    assert_writer_friendly(diags)


def test_missing_folder_is_E011(tmp_path):
    missing = tmp_path / "no_such_story"
    story, diags = load_story(missing)
    assert story is None
    assert [(d.code, d.loc.line) for d in diags] == [("E011", 0)]
    assert_writer_friendly(diags)


# ---- coverage ----------------------------------------------------------------------------------

def test_every_code_has_a_case():
    """A new code in CODES needs a case here (and a section in docs/errors.md)."""
    covered = {key[0] for folder in CASES for key in read_expected(folder)}
    covered |= {key[0] for _make, expected in GENERATED.values() for key in expected}
    covered.add("E011")  # test_missing_folder_is_E011, also where symbolic links are unavailable
    assert covered == set(CODES), (
        f"codes without a case: {sorted(set(CODES) - covered)}; "
        f"cases for unknown codes: {sorted(covered - set(CODES))}"
    )


# ---- message details the (code, path, line) triples cannot show ---------------------------------

def test_tag_message_names_the_tag_as_written():
    _story, diags = load_story(INVALID / "E007_python_tag")
    (diag,) = [d for d in diags if d.code == "E007"]
    assert "!!python/object/apply:os.system" in diag.message, diag.format()
    assert "tag:yaml.org,2002:" not in diag.message, diag.format()


def test_not_utf8_column_counts_characters(tmp_path):
    """Columns count characters, as editors and the other diagnostics do, not bytes."""
    story = tmp_path / "story"
    shutil.copytree(VILLAGE, story)
    (story / "glossary.yaml").write_bytes(
        "glossary:\n  - term: Canteen\n    hanzi: 食堂 ".encode("utf-8") + b"caf\xe9\n")
    _story, diags = load_story(story)
    (diag,) = diags
    assert (diag.code, diag.loc.line, diag.loc.col) == ("E001", 3, 18), diag.format()
