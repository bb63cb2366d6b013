"""GameState: everything that changes during play, and nothing else.

The state is immutable: the engine returns a new one for every choice, so rollback is keeping
the old one, and a save is `state.to_dict()` as JSON. `from_dict` checks what it reads and raises
StateError with a plain message, so a damaged save can never produce a half-built state.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


class StateError(ValueError):
    """A state dictionary that does not describe a valid GameState."""


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One choice made: where, what, what came of it, and the facts it rests on."""

    scene: str
    act: str
    date: str
    choice: int  # 0-based index within the scene
    choice_text: str
    outcome: str
    history: tuple[str, ...]
    changes: Mapping[str, int]  # stat -> change actually applied (after clamping)
    flags: Mapping[str, bool]  # flags whose value changed -> new value
    stats: Mapping[str, int]  # every stat after the choice, for charts over the years

    def to_dict(self) -> dict[str, Any]:
        return {
            "scene": self.scene, "act": self.act, "date": self.date, "choice": self.choice,
            "choice_text": self.choice_text, "outcome": self.outcome, "history": list(self.history),
            "changes": dict(self.changes), "flags": dict(self.flags), "stats": dict(self.stats),
        }

    @classmethod
    def from_dict(cls, data: Any) -> "LogEntry":
        if not isinstance(data, dict):
            raise StateError("a log entry is not an object")
        try:
            return cls(
                scene=_str(data, "scene"), act=_str(data, "act"), date=_str(data, "date"),
                choice=_int(data, "choice"), choice_text=_str(data, "choice_text"),
                outcome=_str(data, "outcome"), history=tuple(_str_list(data, "history")),
                changes=_int_map(data, "changes"), flags=_bool_map(data, "flags"),
                stats=_int_map(data, "stats"),
            )
        except KeyError as exc:
            raise StateError(f"a log entry lacks '{exc.args[0]}'") from None


@dataclass(frozen=True, slots=True)
class GameState:
    scene: str
    stats: Mapping[str, int]
    flags: Mapping[str, bool]
    visits: Mapping[str, int]
    log: tuple[LogEntry, ...] = ()
    started_act: str = ""  # the act a game was started from ("" for a new game)
    turn: int = field(default=0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scene": self.scene,
            "stats": dict(self.stats),
            "flags": dict(self.flags),
            "visits": dict(self.visits),
            "log": [entry.to_dict() for entry in self.log],
            "started_act": self.started_act,
            "turn": self.turn,
        }

    @classmethod
    def from_dict(cls, data: Any) -> "GameState":
        if not isinstance(data, dict):
            raise StateError("the game state is not an object")
        try:
            log = data.get("log", [])
            if not isinstance(log, list):
                raise StateError("'log' is not a list")
            return cls(
                scene=_str(data, "scene"),
                stats=_int_map(data, "stats"),
                flags=_bool_map(data, "flags"),
                visits=_int_map(data, "visits"),
                log=tuple(LogEntry.from_dict(entry) for entry in log),
                started_act=data.get("started_act", "") if isinstance(data.get("started_act", ""), str) else "",
                turn=_int(data, "turn") if "turn" in data else len(log),
            )
        except KeyError as exc:
            raise StateError(f"the game state lacks '{exc.args[0]}'") from None


def _str(data: dict, key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise StateError(f"'{key}' should be text")
    return value


def _int(data: dict, key: str) -> int:
    value = data[key]
    if type(value) is not int:
        raise StateError(f"'{key}' should be a whole number")
    return value


def _str_list(data: dict, key: str) -> list[str]:
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise StateError(f"'{key}' should be a list of text")
    return value


def _int_map(data: dict, key: str) -> dict[str, int]:
    value = data[key]
    if not isinstance(value, dict) or not all(type(v) is int for v in value.values()):
        raise StateError(f"'{key}' should map names to whole numbers")
    return dict(value)


def _bool_map(data: dict, key: str) -> dict[str, bool]:
    value = data[key]
    if not isinstance(value, dict) or not all(type(v) is bool for v in value.values()):
        raise StateError(f"'{key}' should map names to true/false")
    return dict(value)
