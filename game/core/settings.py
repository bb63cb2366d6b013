"""Player settings: what they are, their limits, and how they are kept on disk.

Settings live as JSON in the user's config folder, written atomically. A damaged or partly
wrong file never stops the game: every value that cannot be read falls back to its default,
and `load` says which ones did so the UI can tell the player.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .files import atomic_write

TEXT_SIZES = (0.85, 1.0, 1.2, 1.45, 1.75)  # multipliers of the base type size, smallest first
TEXT_SPEEDS = (0, 25, 45, 80, 160)  # characters per second; 0 shows text at once
MIN_WINDOW = (1024, 600)


@dataclass(frozen=True)
class Settings:
    text_size: int = 1  # index into TEXT_SIZES
    text_speed: int = 2  # index into TEXT_SPEEDS
    fullscreen: bool = False
    window_size: tuple[int, int] = (1280, 720)
    volume: float = 0.6  # 0.0 .. 1.0
    high_contrast: bool = False
    reduced_motion: bool = False
    content_level: str = "full"  # "full" | "classroom"
    classroom_mode: bool = False  # projector layout (issue 6 builds on it)
    extras: dict = field(default_factory=dict)  # values written by newer versions, kept as they are

    @property
    def text_scale(self) -> float:
        return TEXT_SIZES[self.text_size]

    @property
    def chars_per_second(self) -> int:
        return 0 if self.reduced_motion and TEXT_SPEEDS[self.text_speed] else TEXT_SPEEDS[self.text_speed]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["window_size"] = list(self.window_size)
        extras = data.pop("extras")
        return {**extras, **data}


_CHECKS: dict[str, Any] = {
    "text_size": lambda v: type(v) is int and 0 <= v < len(TEXT_SIZES),
    "text_speed": lambda v: type(v) is int and 0 <= v < len(TEXT_SPEEDS),
    "fullscreen": lambda v: type(v) is bool,
    "window_size": lambda v: isinstance(v, list) and len(v) == 2 and all(type(n) is int for n in v)
    and MIN_WINDOW[0] <= v[0] <= 16384 and MIN_WINDOW[1] <= v[1] <= 16384,
    "volume": lambda v: type(v) in (int, float) and 0 <= v <= 1,
    "high_contrast": lambda v: type(v) is bool,
    "reduced_motion": lambda v: type(v) is bool,
    "content_level": lambda v: v in ("full", "classroom"),
    "classroom_mode": lambda v: type(v) is bool,
}


def from_dict(data: Any) -> tuple[Settings, list[str]]:
    """Build settings from parsed JSON; returns (settings, names of values that were reset)."""
    if not isinstance(data, dict):
        return Settings(), ["all settings"]
    values: dict[str, Any] = {}
    reset: list[str] = []
    known = {f.name for f in fields(Settings)} - {"extras"}
    for name in known:
        if name not in data:
            continue
        value = data[name]
        if _CHECKS[name](value):
            values[name] = tuple(value) if name == "window_size" else value
        else:
            reset.append(name)
    extras = {k: v for k, v in data.items() if k not in known}
    return replace(Settings(), **values, extras=extras), reset


def load(path: Path) -> tuple[Settings, list[str]]:
    """Read settings; a missing file gives defaults silently, a damaged one gives defaults and says so."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError:
        return Settings(), ["all settings (the file could not be read)"]
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return Settings(), ["all settings (the file was damaged)"]
    return from_dict(data)


def save(settings: Settings, path: Path) -> None:
    atomic_write(path, json.dumps(settings.to_dict(), indent=1).encode("utf-8"))


def user_folders() -> tuple[Path, Path, Path]:
    """(data folder for saves, config folder for settings, log folder), per platform.

    IRON_AND_GRAIN_HOME puts all three under one folder instead: tests, classroom machines
    that run from a USB stick, and anyone who wants their saves somewhere in particular.
    """
    home = os.environ.get("IRON_AND_GRAIN_HOME")
    if home:
        base = Path(home)
        return base / "saves", base, base / "logs"
    import platformdirs  # here, not at import: the story tools never need it

    app = "iron-and-grain"
    return (Path(platformdirs.user_data_dir(app, appauthor=False)) / "saves",
            Path(platformdirs.user_config_dir(app, appauthor=False)),
            Path(platformdirs.user_log_dir(app, appauthor=False)))


def report_folder() -> Path:
    """Where exported playthroughs go: the player's documents folder, where a student looks for a
    file to hand in (or IRON_AND_GRAIN_HOME/reports)."""
    home = os.environ.get("IRON_AND_GRAIN_HOME")
    if home:
        return Path(home) / "reports"
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Iron and Grain"
