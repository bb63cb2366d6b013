"""How long do a writer's tools take on the shipped story? Check, explore, and Ctrl+R in --dev.

Measured in the same run, each the best of --repeat runs (the least disturbed one):

  baseline  yaml.load(f, Loader=yaml.CSafeLoader) of every story file (parse only, no checks)
  check     game.core.loader.load_story(): read, parse, build the model, validate everything
  explore   game.tools.explore.explore(): every distinct (scene, state) of the story
  reload    App.reload_story() in a running game (the SDL dummy driver): load, check, carry the
            game over and rebuild the screen, as Ctrl+R does with `python main.py --dev`

Goals (issue 5): check and explore together under 5 s; reload under 300 ms.

    python bench/story_tools.py [--story story] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.core import engine  # noqa: E402
from game.core.loader import load_story  # noqa: E402
from game.tools import explore  # noqa: E402


def best(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times)


def bare_parse(files: list[Path]) -> None:
    for path in files:
        with open(path, "rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)


def reload_time(story_path: str, repeat: int) -> float:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ["IRON_AND_GRAIN_HOME"] = tempfile.mkdtemp(prefix="iron-bench-")
    import pygame

    from game.ui.app import App, start_in

    story, _ = load_story(story_path)
    state = engine.new_game(story)
    for _ in range(20):  # somewhere in the middle of the story, with a log to carry over
        state, _ = engine.choose(story, state, engine.available_choices(story, state)[0].index)
    app = App(story_path, size=(1280, 720), start=start_in(state), dev=True)
    app.begin()
    app.step([])
    seconds = min(app.reload_story() for _ in range(repeat))
    pygame.quit()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", default=str(ROOT / "story"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(Path(args.story).rglob("*.yaml"))
    story, _ = load_story(args.story)
    baseline = best(args.repeat, lambda: bare_parse(files))
    check = best(args.repeat, lambda: load_story(args.story))
    states = explore.explore(story).states
    exploring = best(args.repeat, lambda: explore.explore(story))
    reload = reload_time(args.story, args.repeat)
    print(f"story: {len(story.scenes)} scenes, {sum(len(s.choices) for s in story.scenes.values())} choices, "
          f"{len(files)} files; explore visits {states:,} states")
    print(f"  baseline (bare libyaml parse): {baseline * 1000:7.0f} ms")
    print(f"  check (load and validate):     {check * 1000:7.0f} ms   {check / baseline:5.2f}x the baseline")
    print(f"  explore (every state):         {exploring * 1000:7.0f} ms")
    print(f"  check + explore:               {(check + exploring) * 1000:7.0f} ms   (goal < 5000 ms)")
    print(f"  reload in the game (Ctrl+R):   {reload * 1000:7.0f} ms   (goal < 300 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
