"""Frame times of the scene screen while its text is being typed out, at 1280x720.

Runs the real App under SDL's dummy video driver, starts the prologue's first scene and steps
the loop frame by frame (1/60 s each) until the typewriter has shown the whole text, timing
each frame's update and draw. Prints the median and 95th percentile, and for scale the time of
one full-window fill and flip measured the same way in the same run. Goal: p95 under 8 ms.

    python bench/render.py [--frames 600]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=600)
    args = parser.parse_args()
    os.environ["IRON_AND_GRAIN_HOME"] = tempfile.mkdtemp()
    import pygame

    from game.core import engine
    from game.ui.app import App
    from game.ui.screens.scene import SceneScreen

    app = App("story", size=(1280, 720))
    app.begin()
    app.new_session(engine.new_game(app.story))
    app.reset_to(SceneScreen(app))
    scene = app.top
    times: list[float] = []
    for _ in range(args.frames):
        start = time.perf_counter()
        app.step([], dt=1 / 60)
        times.append(time.perf_counter() - start)
        if scene.text_done:
            break
    baseline: list[float] = []
    for _ in range(120):
        start = time.perf_counter()
        app.surface.fill((239, 230, 210))
        pygame.display.flip()
        baseline.append(time.perf_counter() - start)
    print(f"scene screen, text typing, 1280x720 (SDL dummy driver), {len(times)} frames:")
    print(f"  median {statistics.median(times) * 1000:6.2f} ms   p95 {percentile(times, 0.95) * 1000:6.2f} ms"
          f"   max {max(times) * 1000:6.2f} ms   (goal: p95 < 8 ms)")
    print(f"  for scale, a bare fill + flip: median {statistics.median(baseline) * 1000:.2f} ms;"
          f" frame / fill ratio {statistics.median(times) / statistics.median(baseline):.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
