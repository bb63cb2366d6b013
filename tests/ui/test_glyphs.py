"""Every character the interface's own strings use can be drawn: Latin by both the interface face
(Noto Sans) and the prose face (EB Garamond), Chinese by Noto Serif CJK. A missing glyph shows
as an empty box, which no test of behaviour would notice."""
import ast
import json
from pathlib import Path

from game.ui.text import is_cjk

ROOT = Path(__file__).resolve().parents[2]


def covered(name: str) -> set[int]:
    data = json.loads((ROOT / "assets" / "fonts" / "coverage.json").read_text())
    return {code for lo, hi in data[name] for code in range(lo, hi + 1)}


def strings(tree: ast.AST):
    """String constants that reach the screen: docstrings are left out."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node


def test_interface_strings_use_only_drawable_characters():
    latin = covered("notosans-regular.ttf") & covered("ebgaramond-regular.otf")
    chinese = covered("notoserifcjk-sc.otf")
    problems = []
    for path in sorted((ROOT / "game" / "ui").rglob("*.py")):
        for node in strings(ast.parse(path.read_text(encoding="utf-8"))):
            for char in set(node.value):
                if ord(char) <= 127 or char.isspace():
                    continue
                if ord(char) not in (chinese if is_cjk(char) else latin):
                    problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: {char!r} U+{ord(char):04X}")
    assert not problems, "\n".join(sorted(set(problems)))
