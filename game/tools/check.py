"""`python -m game check [PATH]`: every problem in a story, in one run.

PATH is a story folder (default story/) or one file. For a file inside a story folder the whole
story is loaded, so references across files resolve, and only that file's problems are shown.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from game.core.diagnostics import Diagnostic, count, sort_key, summary
from game.core.loader import display_path, find_story_root, load_story
from game.core.model import Story


def check_path(path: str) -> tuple[Story | None, list[Diagnostic], int]:
    """Load and check; returns (story, diagnostics to show, number of files they cover)."""
    target = Path(path)
    if target.is_file():
        root = find_story_root(target)
        if root is not None:
            story, diags = load_story(root)
            shown = display_path(target)
            return story, [d for d in diags if d.loc.path == shown], 1
        story, diags = load_story(target, partial=True)
        return story, diags, 1
    story, diags = load_story(target)
    return story, diags, len(story.files) if story is not None else 0


def run(path: str, *, as_json: bool = False, errors_only: bool = False, out: TextIO = sys.stdout) -> int:
    story, diags, files = check_path(path)
    diags = sorted(diags, key=sort_key)
    errors, warnings = count(diags)
    if as_json:
        shown = [d for d in diags if d.is_error or not errors_only]
        json.dump({"path": path, "files": files, "errors": errors, "warnings": warnings,
                   "diagnostics": [d.to_json() for d in shown]}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for d in diags:
            if d.is_error or not errors_only:
                out.write(d.format() + "\n")
        out.write(summary(diags, files) + "\n")
    return 1 if errors else 0
