"""Reading files safely: positions kept, YAML 1.2 scalars, and hostile files refused cleanly.

Hostile files run through the real command in a subprocess: a crash (the C composer segfaults
on deep nesting) or a hang would show there, and the output must name the file and line.
"""
import subprocess
import sys
from pathlib import Path

import pytest

from game.core.yamlsrc import MAX_FILE_BYTES, YMap, YSeq, parse_text, read_file

ROOT = Path(__file__).resolve().parents[1]


def parse(text):
    root, diags = parse_text(text, "f.yaml")
    return root, [(d.code, d.loc.line, d.loc.col) for d in diags]


def test_positions_are_kept():
    root, diags = parse("a: 1\nb:\n  - x\n  - {c: true}\n")
    assert not diags
    key, value = root.items["b"]
    assert (key.line, key.col) == (2, 1)
    assert isinstance(value, YSeq) and (value.items[0].line, value.items[0].col) == (3, 5)
    assert isinstance(value.items[1], YMap) and value.items[1].items["c"][1].value is True


@pytest.mark.parametrize("text, value", [
    ("no", "no"), ("yes", "yes"), ("on", "on"), ("off", "off"),  # YAML 1.1 booleans stay words
    ("true", True), ("False", False), ("~", None), ("", None), ("null", None),
    ("12", 12), ("-3", -3), ("+3", 3), ("1.5", 1.5), ("1958-09", "1958-09"), ("'12'", "12"), ("0x10", "0x10"),
])
def test_yaml_1_2_scalars(text, value):
    root, diags = parse(f"k: {text}\n")
    assert not diags
    assert root.items["k"][1].value == value


def test_duplicate_key_is_reported_with_both_lines():
    root, diags = parse("a: 1\nb: 2\na: 3\n")
    assert diags == [("E004", 3, 1)]
    assert root.items["a"][1].value == 1  # the first is kept; nothing is silently replaced


def test_tab_indentation():
    _, diags = parse("a:\n\tb: 1\n")
    assert diags == [("E003", 2, 1)]


def test_syntax_error_has_line_and_column():
    _, diags = parse("a: 1\nb: [1, 2\nc: 3\n")
    assert diags and diags[0][0] == "E002" and diags[0][1] >= 2


@pytest.mark.parametrize("text, code", [
    ("a: !!python/object/apply:os.system ['echo hacked']\n", "E007"),
    ("a: !!python/name:os.system\n", "E007"),
    ("a: &x 1\nb: *x\n", "E008"),
    ("a: 1\n---\nb: 2\n", "E012"),
    ("- 1\n- 2\n", "E006"),
    ("# only a comment\n", "E005"),
])
def test_refused_constructs(text, code):
    root, diags = parse(text)
    assert root is None
    assert diags[0][0] == code


def test_bom_and_crlf_are_fine(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: two\r\n")
    root, _, diags = read_file(path, "f.yaml")
    assert not diags and root.items["b"][1].value == "two"


def test_bad_utf8_names_line_and_column(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    root, _, diags = read_file(path, "f.yaml")
    assert root is None and [(d.code, d.loc.line, d.loc.col) for d in diags] == [("E001", 2, 7)]


def hostile(tmp_path, name, data: bytes):
    """Run the real checker on one hostile file; return (exit code, output)."""
    story = tmp_path / "story"
    story.mkdir()
    (story / name).write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "game", "check", str(story)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    return result.returncode, result.stdout + result.stderr


def billion_laughs() -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        ref = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{ref}]")
    return ("\n".join(lines) + "\n").encode()


HOSTILE = [
    ("bomb.yaml", billion_laughs(), "E008"),
    ("deep_flow.yaml", b"a: " + b"[" * 200_000 + b"]" * 200_000 + b"\n", "E010"),
    ("deep_block.yaml", b"a:\n" + b"- " * 200_000 + b"x\n", "E010"),
    ("deep_map.yaml", b"a: " + b"{a: " * 100_000 + b"1" + b"}" * 100_000 + b"\n", "E010"),
    ("huge.yaml", b"a: " + b"x" * (MAX_FILE_BYTES + 10) + b"\n", "E009"),
    ("many_values.yaml", b"a: [" + b"1," * 3_000_000 + b"1]\n", "E009"),
    ("tag.yaml", b"a: !!python/object/apply:os.system ['touch /tmp/iron_hacked']\n", "E007"),
    ("garbage.yaml", bytes(range(256)) * 64, "E001"),
    ("control.yaml", b"a: \x01\x02\x03\n", "E002"),
]


@pytest.mark.parametrize("name, data, code", HOSTILE, ids=[case[0] for case in HOSTILE])
def test_hostile_files_are_refused_cleanly(tmp_path, name, data, code):
    status, output = hostile(tmp_path, name, data)
    assert status == 1, output
    assert "Traceback" not in output
    line = next(l for l in output.splitlines() if code in l)
    assert name in line, line  # the message names the file
    assert not Path("/tmp/iron_hacked").exists()
