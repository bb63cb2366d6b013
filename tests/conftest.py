"""Shared fixtures: paths to the repo's story and the small test stories."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parents[1]
VILLAGE = ROOT / "tests" / "stories" / "valid" / "village"


@pytest.fixture(scope="session")
def village():
    from game.core.loader import load_story

    story, diags = load_story(VILLAGE)
    assert story is not None and not [d for d in diags if d.is_error], [d.format() for d in diags]
    return story


@pytest.fixture(scope="session")
def shipped_story():
    from game.core.loader import load_story

    story, diags = load_story(ROOT / "story")
    errors = [d.format() for d in diags if d.is_error]
    assert story is not None and not errors, errors
    return story


def edited_copy(tmp_path: Path, edits: dict[str, tuple[str, str]], source: Path = VILLAGE) -> Path:
    """Copy a story folder and apply text edits: {relative file path: (old text, new text)}."""
    folder = tmp_path / source.name
    shutil.copytree(source, folder)
    for name, (old, new) in edits.items():
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return folder
