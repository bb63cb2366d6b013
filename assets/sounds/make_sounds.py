"""Generate the game's ambient sound loops, deterministically, with the standard library only.

    python assets/sounds/make_sounds.py

Writes, next to this script (22,050 Hz, mono, 16-bit WAV, seamless loops):
  fields.wav   wind moving over open fields, with a few distant birds: the village in 1958
  wind.wav     thin wind alone, lower and emptier: the hungry years

The game crossfades between them by the story's date, quietly, under the player's volume.
Both are made here from filtered noise and short sine chirps; CC BY 4.0 (assets/LICENSES).
"""
from __future__ import annotations

import math
import random
import struct
import wave
from pathlib import Path

HERE = Path(__file__).resolve().parent
RATE = 22050
SECONDS = 24
FADE = 3.0  # seconds of crossfade that make the loop seamless


def wind(rng: random.Random, n: int, brightness: float, gust_depth: float) -> list[float]:
    """Brown noise, low-passed, swelling and falling in slow gusts."""
    out = []
    level = 0.0
    smooth = 0.0
    alpha = 0.02 + 0.06 * brightness  # one-pole low-pass: higher is brighter
    phases = [rng.random() * math.tau for _ in range(3)]
    rates = [0.05, 0.11, 0.023]
    for i in range(n):
        level = 0.995 * level + rng.uniform(-1, 1) * 0.06
        smooth += alpha * (level - smooth)
        t = i / RATE
        gust = sum(math.sin(math.tau * r * t + p) for r, p in zip(rates, phases)) / 3
        out.append(smooth * (1 - gust_depth + gust_depth * (0.5 + 0.5 * gust)))
    return out


def chirps(rng: random.Random, samples: list[float], count: int, level: float) -> None:
    """A few short, distant bird calls: falling sine sweeps with a soft envelope."""
    for _ in range(count):
        start = rng.randrange(int(RATE * 1.0), len(samples) - int(RATE * 1.5))
        notes = rng.randint(2, 4)
        for k in range(notes):
            f0 = rng.uniform(2600, 3800)
            f1 = f0 * rng.uniform(0.7, 0.9)
            length = int(RATE * rng.uniform(0.06, 0.12))
            offset = start + k * int(RATE * rng.uniform(0.12, 0.2))
            phase = 0.0
            for j in range(length):
                if offset + j >= len(samples):
                    break
                x = j / length
                freq = f0 + (f1 - f0) * x
                phase += math.tau * freq / RATE
                envelope = math.sin(math.pi * x) ** 2
                samples[offset + j] += level * envelope * math.sin(phase)


def loop(samples: list[float]) -> list[float]:
    """Crossfade the end into the start so the sound repeats without a seam."""
    fade = int(RATE * FADE)
    body = samples[: len(samples) - fade]
    tail = samples[len(samples) - fade:]
    for i in range(fade):
        t = i / fade
        body[i] = body[i] * t + tail[i] * (1 - t)
    return body


def normalise(samples: list[float], peak: float) -> list[float]:
    """Centre on zero (brown noise drifts) and scale to `peak`."""
    mean = sum(samples) / len(samples)
    centred = [s - mean for s in samples]
    top = max(abs(s) for s in centred) or 1.0
    return [s * peak / top for s in centred]


def write(name: str, samples: list[float]) -> None:
    with wave.open(str(HERE / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", max(-32767, min(32767, round(s * 32767)))) for s in samples))


def main() -> None:
    n = RATE * SECONDS + int(RATE * FADE)
    rng = random.Random(1958)
    fields = wind(rng, n, brightness=0.6, gust_depth=0.5)
    fields = normalise(fields, 0.5)
    chirps(rng, fields, count=7, level=0.05)
    write("fields.wav", normalise(loop(fields), 0.55))
    rng = random.Random(1960)
    bare = normalise(wind(rng, n, brightness=0.3, gust_depth=0.75), 0.5)
    write("wind.wav", normalise(loop(bare), 0.5))


if __name__ == "__main__":
    main()
