"""Ambient sound: two quiet loops, crossfaded by the story's date, under the player's volume.

`fields.wav` (wind over the fields, distant birds) belongs to 1958; `wind.wav` (thin wind alone)
to the hungry years. Sound is optional: with no audio device, or sound files missing, every
method here does nothing and the game runs silent.
"""
from __future__ import annotations

import pygame

from .assets import ASSETS

LOOPS = ("fields.wav", "wind.wav")
RATE = 22050  # the loops' sample rate (assets/sounds/make_sounds.py)
LEVEL = 0.35  # the loops sit well under speech-level: a room tone, not music


class Ambience:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.channels: list[pygame.mixer.Channel] = []
        self.volume = 0.0
        self.mood = 0.0

    def start(self, volume: float, mood: float) -> None:
        """Load and start the loops (after the first frame: decoding takes a moment)."""
        self.volume, self.mood = volume, mood
        if not self.enabled or self.channels:
            return
        try:
            for name in LOOPS:
                channel = pygame.mixer.Sound(ASSETS / "sounds" / name).play(loops=-1)
                if channel is not None:
                    self.channels.append(channel)
        except (pygame.error, FileNotFoundError, OSError):
            self.stop()
            self.enabled = False
            return
        self._apply()

    def set_volume(self, volume: float) -> None:
        self.volume = volume
        self._apply()

    def set_mood(self, mood: float) -> None:
        self.mood = mood
        self._apply()

    def levels(self) -> tuple[float, float]:
        """(fields, wind) channel volumes for the current volume and mood."""
        mood = min(1.0, max(0.0, self.mood))
        return (LEVEL * self.volume * (1 - mood), LEVEL * self.volume * (0.35 + 0.65 * mood))

    def _apply(self) -> None:
        if len(self.channels) == len(LOOPS):
            for channel, level in zip(self.channels, self.levels()):
                channel.set_volume(level)

    def stop(self) -> None:
        for channel in self.channels:
            channel.stop()
        self.channels = []
