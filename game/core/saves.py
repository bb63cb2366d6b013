"""Save slots on disk: versioned JSON, atomic writes, clear errors, never lost data.

A save file is one JSON object:

    {"format": "iron-and-grain-save", "version": 1, "story": {"title": ..., "hash": ...},
     "saved_at": "2026-11-22T10:00:00+00:00", "meta": {...}, "state": {...}}

Writes go to a temporary file in the same folder, are flushed and fsync'd, then renamed over the
old file, so a crash leaves either the old save or the new one, never half of one. Reading a
corrupt, truncated or foreign file raises SaveError with a plain message and touches nothing.
A save made before the story was edited still loads when its scene exists; values the story no
longer has are dropped and new ones take their start values, and the warnings say so.

Versions: SAVE_VERSION is written; files from MIN_COMPATIBLE_VERSION up to it load.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from .files import atomic_write
from .model import Story
from .state import GameState, StateError

SAVE_FORMAT = "iron-and-grain-save"
SAVE_VERSION = 1
MIN_COMPATIBLE_VERSION = 1
MAX_SAVE_BYTES = 16 * 1024 * 1024
SLOT_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}\Z")


class SaveError(Exception):
    """A save that cannot be written or read; the message is fit to show a player."""


@dataclass(frozen=True)
class SaveInfo:
    """What a save menu shows about a slot, read without building the state."""

    slot: str
    path: Path
    saved_at: str = ""
    scene: str = ""
    act: str = ""
    date: str = ""
    meta: dict = field(default_factory=dict)
    error: str = ""  # set when the file cannot be read; the slot is shown as damaged


@dataclass(frozen=True)
class LoadedSave:
    state: GameState
    info: SaveInfo
    warnings: tuple[str, ...] = ()


def encode_save(story: Story, state: GameState, meta: dict | None = None, *, now: datetime | None = None) -> bytes:
    document = {
        "format": SAVE_FORMAT,
        "version": SAVE_VERSION,
        "story": {"title": story.title, "hash": story.content_hash},
        "saved_at": (now or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        "meta": meta or {},
        "state": state.to_dict(),
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _parse_document(data: bytes, name: str) -> dict:
    if not data.strip():
        raise SaveError(f"{name} is empty (the save was not completed)")
    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SaveError(f"{name} is damaged: it is not text") from None
    except json.JSONDecodeError as exc:
        raise SaveError(f"{name} is damaged or cut short (at line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise SaveError(f"{name} is damaged: nested too deeply") from None
    if not isinstance(document, dict) or document.get("format") != SAVE_FORMAT:
        raise SaveError(f"{name} is not an Iron and Grain save")
    version = document.get("version")
    if type(version) is not int:
        raise SaveError(f"{name} has no version number")
    if version > SAVE_VERSION:
        raise SaveError(f"{name} was made by a newer version of the game (save version {version}); "
                        "update the game to load it")
    if version < MIN_COMPATIBLE_VERSION:
        raise SaveError(f"{name} is from an old version of the game (save version {version}) "
                        "that this version cannot read")
    return document


def decode_save(data: bytes, story: Story, name: str = "the save") -> LoadedSave:
    """Turn save bytes back into a state for `story`, or raise SaveError saying why not."""
    document = _parse_document(data, name)
    story_info = document.get("story") if isinstance(document.get("story"), dict) else {}
    try:
        state = GameState.from_dict(document.get("state"))
    except StateError as exc:
        raise SaveError(f"{name} is damaged: {exc}") from None
    warnings: list[str] = []
    if story_info.get("title") != story.title:
        raise SaveError(f"{name} belongs to another story ('{story_info.get('title', '?')}')")
    if story_info.get("hash") != story.content_hash:
        warnings.append("the story has been edited since this save was made")
    if state.scene not in story.scenes:
        raise SaveError(f"{name} is at scene '{state.scene}', which the edited story no longer has")
    state = _adapt(story, state, warnings)
    meta = document.get("meta") if isinstance(document.get("meta"), dict) else {}
    current = story.scenes[state.scene]
    info = SaveInfo(slot=name, path=Path(name), saved_at=str(document.get("saved_at", "")), scene=state.scene,
                    act=current.act, date=current.date, meta=meta)
    return LoadedSave(state, info, tuple(warnings))


def _adapt(story: Story, state: GameState, warnings: list[str]) -> GameState:
    """Fit a state to an edited story: drop what it lacks, start what is new, clamp ranges."""
    stats = {}
    for name, stat in story.stats.items():
        if name in state.stats:
            stats[name] = stat.clamp(state.stats[name])
        else:
            stats[name] = stat.start
            warnings.append(f"new stat '{name}' starts at {stat.start}")
    dropped = sorted(set(state.stats) - set(story.stats)) + sorted(set(state.flags) - set(story.flags))
    if dropped:
        warnings.append(f"values the story no longer uses were dropped: {', '.join(dropped)}")
    flags = {name: state.flags.get(name, flag.start) for name, flag in story.flags.items()}
    visits = {scene: n for scene, n in state.visits.items() if scene in story.scenes}
    if stats == state.stats and flags == state.flags and visits == state.visits:
        return state
    return GameState(state.scene, stats, flags, visits, state.log, state.started_act, state.turn)


class SaveStore:
    """Named save slots in one folder: '1'..'N', 'auto', 'quick' or any short lower-case name."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)

    def path(self, slot: str) -> Path:
        if not SLOT_PATTERN.match(slot):
            raise SaveError(f"'{slot}' is not a valid slot name")
        return self.folder / f"{slot}.json"

    def write(self, slot: str, story: Story, state: GameState, meta: dict | None = None) -> Path:
        path = self.path(slot)
        try:
            atomic_write(path, encode_save(story, state, meta))
        except OSError as exc:
            raise SaveError(f"could not write save '{slot}': {exc.strerror or exc}") from None
        return path

    def read(self, slot: str, story: Story) -> LoadedSave:
        path = self.path(slot)
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_SAVE_BYTES + 1)
        except FileNotFoundError:
            raise SaveError(f"there is no save in slot '{slot}'") from None
        except OSError as exc:
            raise SaveError(f"could not read save '{slot}': {exc.strerror or exc}") from None
        if len(data) > MAX_SAVE_BYTES:
            raise SaveError(f"save '{slot}' is too large to be a save")
        loaded = decode_save(data, story, f"save '{slot}'")
        return replace(loaded, info=replace(loaded.info, slot=slot, path=path))

    def list(self) -> list[SaveInfo]:
        """Every slot in the folder, damaged ones included (with `error` set), newest first."""
        if not self.folder.is_dir():
            return []
        infos = []
        for path in self.folder.glob("*.json"):
            slot = path.stem
            if not SLOT_PATTERN.match(slot):
                continue
            try:
                document = _parse_document(path.read_bytes()[: MAX_SAVE_BYTES + 1], f"save '{slot}'")
                try:
                    state = GameState.from_dict(document.get("state"))
                except StateError as exc:
                    raise SaveError(f"save '{slot}' is damaged: {exc}") from None
                last = state.log[-1] if state.log else None
                infos.append(SaveInfo(slot, path, str(document.get("saved_at", "")), state.scene,
                                      last.act if last else "", last.date if last else "",
                                      document.get("meta") if isinstance(document.get("meta"), dict) else {}))
            except (SaveError, OSError) as exc:
                infos.append(SaveInfo(slot, path, error=str(exc)))
        return sorted(infos, key=lambda i: i.saved_at, reverse=True)

    def delete(self, slot: str) -> None:
        try:
            self.path(slot).unlink()
        except FileNotFoundError:
            pass
