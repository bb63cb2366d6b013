"""Start-up time: the game's first title frame against a bare pygame window with one line of text.

Each side runs in a fresh Python process, as a player's would, and reports when its first frame
is on screen; the figure is the wall time from launching the process to that moment (so Python,
pygame and our imports all count). Both run the same number of times, interleaved, and the
medians are compared. Goal: the game within 1.5x the bare window.

    python bench/startup.py [--runs 9]

Uses the real display when DISPLAY is set (e.g. under Xvfb), else SDL's dummy driver.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import pygame
pygame.display.init(); pygame.font.init()
screen = pygame.display.set_mode((1280, 720))
screen.fill((239, 230, 210))
font = pygame.font.Font(None, 48)
screen.blit(font.render("Iron and Grain", True, (43, 38, 32)), (80, 80))
pygame.display.flip()
print("ready", flush=True)
"""

GAME = """
from game.ui.app import App
app = App("story", size=(1280, 720))
app.show_first_frame()
print("ready", flush=True)
"""


def launch(code: str, env: dict) -> float:
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    for line in process.stdout:
        if line.strip() == "ready":
            elapsed = time.perf_counter() - start
            break
    else:
        raise SystemExit(f"the process ended without drawing: exit {process.wait()}")
    process.wait()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = dict(os.environ, PYGAME_HIDE_SUPPORT_PROMPT="1", SDL_AUDIODRIVER="dummy")
    if not env.get("DISPLAY"):
        env["SDL_VIDEODRIVER"] = "dummy"
    with tempfile.TemporaryDirectory() as home:
        env["IRON_AND_GRAIN_HOME"] = home
        launch(BARE, env), launch(GAME, env)  # warm the disk cache for both
        bare, game = [], []
        for _ in range(args.runs):
            bare.append(launch(BARE, env))
            game.append(launch(GAME, env))
    b, g = statistics.median(bare), statistics.median(game)
    driver = "display " + env["DISPLAY"] if env.get("DISPLAY") else "SDL dummy driver"
    print(f"first frame, median of {args.runs} runs each ({driver}):")
    print(f"  bare pygame window + one line of text: {b * 1000:6.0f} ms")
    print(f"  Iron and Grain title screen:           {g * 1000:6.0f} ms")
    print(f"  ratio game / bare:                     {g / b:6.2f}x  (goal <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
