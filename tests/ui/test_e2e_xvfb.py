"""End to end: `python main.py` in a real X window (Xvfb), played to an ending with keys alone.

Keys go in through xdotool, as a player's would; a screenshot of each screen type is kept in
tests/artifacts/e2e/ (CI keeps them as artefacts). Which choice to press is read from the
autosave, the way a player reads the screen: the first choice that is available.
Needs Xvfb, xdotool and ImageMagick's `import` (.ci/run installs them); skipped without them.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.core import engine
from game.core.loader import load_story
from game.core.state import GameState

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts" / "e2e"
TOOLS = ("Xvfb", "xdotool", "import")

pytestmark = pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS),
                                reason="needs Xvfb, xdotool and ImageMagick (installed by .ci/run)")


class Screen:
    def __init__(self, display: str, home: Path, artifacts: Path = ARTIFACTS) -> None:
        self.display = display
        self.home = home
        self.artifacts = artifacts
        self.env = dict(os.environ, DISPLAY=display, SDL_AUDIODRIVER="dummy", IRON_AND_GRAIN_HOME=str(home),
                        PYGAME_HIDE_SUPPORT_PROMPT="1")
        self.env.pop("SDL_VIDEODRIVER", None)  # a real X window, not the dummy driver
        self.shots: list[tuple[str, str]] = []

    def run(self, *args: str, timeout: float = 20) -> str:
        return subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=timeout).stdout

    def key(self, *keys: str, wait: float = 0.45) -> None:
        for key in keys:
            self.run("xdotool", "key", key)
            time.sleep(wait)

    def shot(self, name: str) -> Path:
        path = self.artifacts / f"{len(self.shots) + 1:02d}_{name}.png"
        self.run("import", "-window", "root", str(path))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        self.shots.append((name, digest))
        return path

    def autosave(self) -> dict:
        return json.loads((self.home / "saves" / "auto.json").read_text())


@contextlib.contextmanager
def running_game(tmp_path: Path, args: list[str], artifacts: Path):
    """`python main.py ARGS` in a fresh Xvfb display; its screenshots go to `artifacts`."""
    artifacts.mkdir(parents=True, exist_ok=True)
    for old in artifacts.glob("*.png"):
        old.unlink()
    display = f":{random.randint(150, 400)}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    assert xvfb.poll() is None, "Xvfb did not start"
    desk = Screen(display, tmp_path / "home", artifacts)
    game = subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT, env=desk.env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        window = desk.run("xdotool", "search", "--sync", "--class", "main.py", timeout=30).split()
        assert window, "the game's window did not appear"
        desk.run("xdotool", "windowfocus", "--sync", window[0])
        time.sleep(1.0)
        desk.game = game
        yield desk
    finally:
        game.terminate()
        try:
            _out, err = game.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            game.kill()
            err = ""
        xvfb.terminate()
        xvfb.wait(timeout=10)
        assert "Traceback" not in (err or ""), err


@pytest.fixture
def desktop(tmp_path):
    with running_game(tmp_path, [], ARTIFACTS) as desk:
        yield desk


def test_play_to_an_ending_in_a_real_window(desktop):
    story, _ = load_story(ROOT / "story")
    desktop.shot("title")
    # Arrows stop at the ends of a menu, so Up several times reaches its first item.
    desktop.key("Up", "Up", "Up", "Down", "Down", "Return")  # Chapters
    desktop.shot("chapters")
    desktop.key("Escape", "Up", "Up", "Up", "Return")  # back to the title, then New game
    desktop.shot("content_note")
    desktop.key("Return")  # Begin
    assert desktop.autosave()["state"]["scene"] == story.start
    desktop.key("space")  # finish the typewriter
    desktop.shot("scene")
    desktop.key("Escape")
    desktop.shot("pause")
    # Every menu of the pause screen, in its order: Save, Load, Settings, Backlog, Codex.
    for name in ("save", "load", "settings", "backlog", "codex"):
        desktop.key("Down", "Return")
        desktop.shot(name)
        desktop.key("Escape")
    desktop.key("Escape")  # resume
    for turn in range(60):
        state = GameState.from_dict(desktop.autosave()["state"])
        if engine.is_over(story, state):
            break
        first = engine.available_choices(story, state)[0]
        desktop.key("space", str(first.index + 1))
        after = GameState.from_dict(desktop.autosave()["state"])
        assert after.turn == state.turn + 1, "the key did not take the choice"
        if turn == 0:
            desktop.key("space")
            desktop.shot("outcome")
            desktop.key("1")  # the first cited fact, in full
            desktop.shot("fact")
            desktop.key("Escape")
        desktop.key("space", "Return")  # finish the outcome's text, then continue
    final = GameState.from_dict(desktop.autosave()["state"])
    assert engine.is_over(story, final), f"no ending reached; at {final.scene}"
    desktop.shot("ending")
    desktop.key("Return")
    desktop.shot("debrief")
    digests = [digest for _name, digest in desktop.shots]
    assert len(set(digests)) == len(digests), "two screens looked identical: a key did nothing"
    assert desktop.game.poll() is None, "the game exited"


def test_a_class_votes_discusses_and_saves_its_report_in_a_real_window(tmp_path):
    """The classroom flow with keys alone: the epilogue's choice by a class vote, its discussion
    pause with the teacher's note and a timer, then the report saved from the debrief."""
    with running_game(tmp_path, ["--classroom", "--act", "epilogue"], ARTIFACTS.parent / "e2e_classroom") as desk:
        desk.key("space")  # the router's text in full
        desk.shot("projector_scene")
        desk.key("v", "3", "3", "4")  # the first two choices are closed to this village; hands for 3 and 4
        desk.shot("vote")
        desk.key("Return")  # the class's choice: the third, with two hands
        state = GameState.from_dict(desk.autosave()["state"])
        assert len(state.log) == 1
        desk.key("space", "Return")  # past the outcome: the epilogue's prompts before its ending
        desk.key("t", "3")
        desk.shot("discussion")
        desk.key("Escape")  # skip the rest
        desk.shot("ending")
        desk.key("Return")  # the debrief
        desk.key("Tab", "Tab", "Tab", "Tab")
        reports = tmp_path / "home" / "reports"
        for _ in range(4):  # move the focus to Save report, whatever it starts on
            desk.key("Left")
        desk.key("Right", "Return")
        desk.shot("report_saved")
        pages = list(reports.glob("*.html"))
        assert len(pages) == 1, "no report was saved"
        data = json.loads(pages[0].with_suffix(".json").read_text(encoding="utf-8"))
        assert data["level"] == "classroom" and data["choices"][0]["votes"][:4] == [0, 0, 2, 1]
        assert data["choices"][0]["choice"] == 2
        digests = [digest for _name, digest in desk.shots]
        assert len(set(digests)) == len(digests), "two screens looked identical: a key did nothing"
