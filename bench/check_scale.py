"""How fast is `check` on a big story, against a bare libyaml parse of the same files?

Generates a synthetic story of 10,000 scenes (default) over several act files, in a temporary
folder, then measures in the same run:

  baseline  yaml.load(f, Loader=yaml.CSafeLoader) of every file (parse only, no checks)
  check     game.core.loader.load_story(): read, parse, build the model, validate everything

and prints both, with their ratio. Goal: check <= 3x the baseline, and under 2 s on the
project's 2-core machine. Each figure is the best of --repeat runs (the least disturbed one).

    python bench/check_scale.py [--scenes 10000] [--files 10] [--repeat 3]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.core.loader import load_story  # noqa: E402

WORDS = ("the grain the quota the furnace the commune the ladle the brigade the loudspeaker work points "
         "millet sweet potato the county telephone night soil the threshing floor red flag the ledger").split()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def generate(folder: Path, scenes: int, files: int, seed: int = 1) -> None:
    """A story shaped like the real one: 2-3 choices per scene, conditions, effects, citations."""
    rng = random.Random(seed)
    (folder / "acts").mkdir(parents=True)
    (folder / "story.yaml").write_text(
        "title: Scale\nstart: s0\n"
        "stats:\n"
        + "".join(f"  {s}: {{label: {s.title()}, description: d, min: 0, max: 100, start: 50}}\n"
                  for s in ("grain", "health", "trust", "standing"))
        + "flags:\n" + "".join(f"  flag{i}: {{description: d}}\n" for i in range(20)),
        encoding="utf-8")
    facts = "".join(f"  F{i:02d}: {{year: 1958, when: '1958', title: t{i}, claim: A claim., "
                    f"reliability: [MULTI], sources: [SRC]}}\n" for i in range(1, 100))
    (folder / "history.yaml").write_text(f"facts:\n{facts}sources:\n  SRC: {{cite: 'A, B (2000)', status: show}}\n",
                                         encoding="utf-8")
    per_file = scenes // files
    for f in range(files):
        lines = [f"act: act{f}", f"title: Act {f}", "summary: A generated act.", "minutes: 10",
                 f"start: s{f * per_file}", "scenes:"]
        for i in range(f * per_file, (f + 1) * per_file if f < files - 1 else scenes):
            nxt = i + 1 if i + 1 < scenes else None
            lines += [f"  - id: s{i}", f"    date: 19{58 + i % 5}-{1 + i % 12:02d}", "    place: Brigade office",
                      "    text: |", f"      {sentence(rng, 40)}", "", f"      {sentence(rng, 30)}"]
            if nxt is None:
                lines += ["    ending:", "      title: The end", f"      epilogue: {sentence(rng, 20)}"]
                continue
            lines.append("    choices:")
            for c in range(rng.choice((2, 3))):
                target = nxt if c == 0 else rng.randrange(i + 1, min(scenes, i + 40))
                lines += [f"      - text: {sentence(rng, 6)}"]
                if c == 2:
                    lines += [f"        if: trust >= {rng.randrange(20, 80)} and not flag{rng.randrange(20)}",
                              "        locked: Needs the villagers' trust"]
                lines += [f"        effects: {{grain: {rng.randrange(-9, 10)}, trust: {rng.randrange(-3, 4)}, "
                          f"flag{rng.randrange(20)}: true}}",
                          "        outcome: |", f"          {sentence(rng, 35)}",
                          f"        history: [F{rng.randrange(1, 100):02d}, F{rng.randrange(1, 100):02d}]",
                          f"        goto: s{target}"]
        (folder / "acts" / f"{f:02d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def best_of(repeat: int, func) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "story"
        generate(folder, args.scenes, args.files)
        paths = sorted(folder.rglob("*.yaml"))
        size = sum(p.stat().st_size for p in paths)

        def bare() -> None:
            for path in paths:
                with open(path, "rb") as handle:
                    yaml.load(handle, Loader=yaml.CSafeLoader)

        def check() -> None:
            story, diags = load_story(folder)
            assert story is not None and len(story.scenes) == args.scenes
            errors = [d.format() for d in diags if d.is_error]
            assert not errors, errors[:3]

        check()  # warm up imports and caches once, for both sides alike
        bare()
        baseline = best_of(args.repeat, bare)
        checked = best_of(args.repeat, check)
    print(f"story: {args.scenes:,} scenes in {len(paths)} files, {size / 1e6:.1f} MB")
    print(f"baseline (yaml.load, CSafeLoader): {baseline:.3f} s")
    print(f"load + check:                     {checked:.3f} s")
    print(f"ratio check / baseline:           {checked / baseline:.2f}x  (goal <= 3x; goal < 2 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
