"""docs/writing.md's tutorial, followed as a new writer would: its YAML goes where it says, and each
command gives the output it shows. Keeps the guide true as the story changes."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from game.tools.plans import run_plan

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "writing.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    """The guide's fenced code blocks in one language ("" for plain fences), in order."""
    found, current, kind = [], None, ""
    for line in GUIDE.splitlines(keepends=True):
        if line.startswith("```"):
            if current is None:
                current, kind = [], line[3:].strip()
            else:
                if kind == language:
                    found.append("".join(current))
                current = None
        elif current is not None:
            current.append(line)
    return found


def check(folder: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # the repository's game, run from the copy's folder
    return subprocess.run([sys.executable, "-m", "game", "check", "story/acts/01_commune.yaml"], cwd=folder,
                          capture_output=True, text=True, timeout=120, env=env)


def test_the_tutorial_branch_works_as_the_guide_says(tmp_path):
    shutil.copytree(ROOT / "story", tmp_path / "story")
    act = tmp_path / "story" / "acts" / "01_commune.yaml"
    choice, scene = blocks("yaml")[:2]
    text = act.read_text(encoding="utf-8")

    # Step 1: the choice goes after the third choice of commune_sparrows, before the blank line
    # and the next scene.
    start = text.index("  - id: commune_sparrows\n")
    following = text.index("\n\n  - id: ", start)
    assert text[start:following].count("      - text: ") == 3, "commune_sparrows no longer has three choices"
    assert text[start:following].rstrip().endswith("goto: commune_granary")
    text = text[:following + 1] + choice + text[following + 1:]
    act.write_text(text, encoding="utf-8")

    # Step 2: the error the guide shows, word for word, line and column included.
    expected = re.search(r"^    (story/acts/01_commune\.yaml:\d+:\d+: error E106: .+)$", GUIDE, re.MULTILINE)[1]
    result = check(tmp_path)
    assert expected in result.stdout.splitlines(), result.stdout

    # Step 3: the scene goes after the new choice, before commune_roofs; then the check is clean.
    text = text.replace("  - id: commune_roofs\n", scene + "\n  - id: commune_roofs\n", 1)
    act.write_text(text, encoding="utf-8")
    result = check(tmp_path)
    assert "0 errors" in result.stdout, result.stdout

    # Step 6: both plans pass against the edited story.
    plans = [b for b in blocks("") if b.startswith(("# Sparrow day", "start: scene commune_sparrows"))]
    assert len(plans) == 2
    for number, plan in enumerate(plans):
        path = tmp_path / f"tutorial{number}.plan"
        path.write_text(f"story: {tmp_path / 'story'}\n{plan}", encoding="utf-8")
        outcome = run_plan(path)
        assert outcome.ok, outcome.failures
