"""Idle cost and memory of the running game: CPU while it waits, and resident memory.

Starts `python main.py`-equivalent in a fresh process (the real event loop), plays one choice so
every screen's caches are warm, then leaves it idle on the scene screen and measures the CPU
time the process uses over --seconds, as a percentage of one core, next to a bare pygame
window idling the usual way, in pygame.event.wait() (which polls every millisecond). Also prints the game's
peak resident memory (shared libraries counted in full) and its proportional set size at the
end (shared pages divided among their users). Goals: idle CPU under 3% of a core; memory
under 200 MB.

    python bench/idle.py [--seconds 10]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Started in a thread by both scripts: measures, prints "cpu% peak_MB pss_MB", then quits.
MEASURE = """
import resource, sys, threading, time, pygame
seconds = float(sys.argv[1])
def pss():
    try:
        for line in open("/proc/self/smaps_rollup"):
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0
def measure():
    time.sleep(1.0)  # let the loop settle into waiting
    start = time.process_time()
    time.sleep(seconds)
    used = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{used / seconds * 100:.2f} {peak:.0f} {pss():.0f}", flush=True)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
"""

GAME = MEASURE + """
from game.core import engine
from game.ui.app import App
from game.ui.screens.scene import SceneScreen
app = App("story", size=(1280, 720))
app.begin()
app.new_session(engine.new_game(app.story))
app.reset_to(SceneScreen(app))
app.top.complete_text()
app.step([])
threading.Thread(target=measure, daemon=True).start()
app.run()
"""

BARE = MEASURE + """
pygame.display.init()
screen = pygame.display.set_mode((1280, 720))
threading.Thread(target=measure, daemon=True).start()
while pygame.event.wait().type != pygame.QUIT:  # pygame's own wait, for comparison
    pass
"""


def run(code: str, seconds: float, env: dict) -> tuple[float, float, float]:
    out = subprocess.run([sys.executable, "-c", code, str(seconds)], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=seconds + 60)
    line = out.stdout.strip().splitlines()[-1]
    cpu, memory, proportional = line.split()
    return float(cpu), float(memory), float(proportional)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    env = dict(os.environ, PYGAME_HIDE_SUPPORT_PROMPT="1", SDL_AUDIODRIVER="dummy",
               IRON_AND_GRAIN_HOME=tempfile.mkdtemp())
    if not env.get("DISPLAY"):
        env["SDL_VIDEODRIVER"] = "dummy"
    bare_cpu, bare_memory, _bare_pss = run(BARE, args.seconds, env)
    game_cpu, game_memory, game_pss = run(GAME, args.seconds, env)
    print(f"idle for {args.seconds:.0f} s ({'display ' + env['DISPLAY'] if env.get('DISPLAY') else 'SDL dummy driver'}):")
    print(f"  bare pygame window waiting for events: {bare_cpu:5.2f}% of a core, {bare_memory:4.0f} MB peak")
    print(f"  Iron and Grain on the scene screen:    {game_cpu:5.2f}% of a core, {game_memory:4.0f} MB peak"
          f" ({game_pss:.0f} MB proportional set)   (goals: < 3%, < 200 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
