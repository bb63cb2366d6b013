"""Dependencies point one way: game.core and game.tools never import pygame; core never evals."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_and_tools_import_without_pygame():
    code = (
        "import sys, importlib, pkgutil\n"
        "sys.modules['pygame'] = None  # any import of pygame now fails\n"
        "import game.core, game.tools\n"
        "for pkg in (game.core, game.tools):\n"
        "    for mod in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(pkg.__name__ + '.' + mod.name)\n"
        "import game.__main__\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_core_never_calls_eval_or_exec_or_unsafe_yaml():
    for path in (ROOT / "game" / "core").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                # Builtins only: re.compile and friends are fine.
                assert not isinstance(func, ast.Name) or name not in ("eval", "exec", "compile", "__import__"), f"{path.name}:{node.lineno} calls {name}"
                if name in ("load", "full_load", "unsafe_load") and isinstance(func, ast.Attribute):
                    base = func.value
                    assert not (isinstance(base, ast.Name) and base.id == "yaml"), f"{path.name}:{node.lineno}"
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + ([node.module] if getattr(node, "module", None) else [])
                assert not any(n and n.split(".")[0] == "pygame" for n in names), f"{path.name} imports pygame"
