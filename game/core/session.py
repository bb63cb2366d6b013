"""A playthrough as a document: what a student hands in and what reports are made from.

A session file is JSON that stands on its own: besides every choice made (with the class's votes,
when there were any) it carries the texts the player read at their content level, the facts the
outcomes rest on with the citations players may see, the act's discussion prompts, the stats after
each choice and the ending. So a report or a class summary can be made years later, on another
machine, without the story that produced it.

`build` is pure (story, state, facts about the sitting -> dict); `load` checks a file and raises
SessionError with a plain message, never a traceback.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

from .engine import new_game
from .model import ContentLevel, Story, date_label
from .state import GameState

FORMAT = "iron-and-grain-session"
VERSION = 1


class SessionError(ValueError):
    """A session file that cannot be read as one."""


def build(story: Story, state: GameState, *, level: ContentLevel = "full", started: str = "",
          finished: str = "", seconds_played: float = 0.0, votes: Mapping[int, list[int]] | None = None,
          answers: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The session document for a game that has reached `state`. `votes` maps a turn (the index in
    the log) to the count for each of that scene's choices; `answers` maps a prompt key
    ("act:number") to what the students wrote."""
    votes = votes or {}
    choices = []
    cited: list[str] = []
    acts_seen: list[str] = []
    for turn, entry in enumerate(state.log):
        scene = story.scenes.get(entry.scene)
        choice = scene.choices[entry.choice] if scene is not None and entry.choice < len(scene.choices) else None
        if entry.act not in acts_seen:
            acts_seen.append(entry.act)
        record: dict[str, Any] = {
            "turn": turn,
            "scene": entry.scene,
            "act": entry.act,
            "date": entry.date,
            "when": date_label(entry.date),
            "place": scene.place if scene is not None else "",
            "options": [c.text.get(level) for c in scene.choices] if scene is not None else [],
            "choice": entry.choice,
            "choice_text": choice.text.get(level) if choice is not None else entry.choice_text,
            "outcome": choice.outcome.get(level) if choice is not None else entry.outcome,
            "history": list(entry.history),
            "changes": dict(entry.changes),
            "stats": dict(entry.stats),
        }
        if turn in votes:
            record["votes"] = list(votes[turn])
        choices.append(record)
        cited.extend(f for f in entry.history if f not in cited)
    last = story.scenes.get(state.scene)
    if last is not None and last.act not in acts_seen:
        acts_seen.append(last.act)
    ending = None
    if last is not None and last.is_ending:
        ending = {"scene": last.id, "title": last.ending.title, "text": last.text.get(level),
                  "epilogue": last.ending.epilogue.get(level), "date": last.date, "when": date_label(last.date)}
    facts = {}
    for fact_id in cited:
        fact = story.facts.get(fact_id)
        if fact is not None:
            facts[fact_id] = {"title": fact.title, "when": fact.when, "claim": fact.claim.get(level),
                              "sources": [s.cite for s in story.visible_sources(fact)]}
    prompts = []
    for act_id in acts_seen:
        act = story.acts.get(act_id)
        if act is None:
            continue
        for number, prompt in enumerate(act.discussion, start=1):
            key = f"{act_id}:{number}"
            prompts.append({"key": key, "act": act_id, "act_title": act.title, "prompt": prompt.prompt,
                            "teacher_note": prompt.teacher_note, "answer": (answers or {}).get(key, "")})
    first = new_game(story, state.started_act if state.started_act in story.acts else None).stats
    return {
        "format": FORMAT,
        "version": VERSION,
        "story": {"title": story.title, "content_hash": story.content_hash},
        "level": level,
        "started": started,
        "finished": finished,
        "seconds_played": round(seconds_played),
        "started_act": state.started_act,
        "stats": {name: {"label": stat.label, "min": stat.min, "max": stat.max, "start": first[name]}
                  for name, stat in story.stats.items()},
        "choices": choices,
        "ending": ending,
        "facts": facts,
        "prompts": prompts,
        "state": state.to_dict(),
    }


def dumps(session: Mapping[str, Any]) -> bytes:
    return (json.dumps(session, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def load(path: Path) -> dict[str, Any]:
    """Read and check a session file; SessionError says what is wrong with it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SessionError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SessionError(f"{path}: is not a session file (not JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionError(f"{path}: is not an Iron and Grain session file")
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise SessionError(f"{path}: was written by a newer version of the game (session version {version}); "
                           f"update the game to read it")
    problems = _problems(data)
    if problems:
        raise SessionError(f"{path}: is damaged: {problems[0]}")
    return data


def _problems(data: dict[str, Any]) -> list[str]:
    problems = []
    for key, kind in (("story", dict), ("level", str), ("stats", dict), ("choices", list), ("facts", dict),
                      ("prompts", list)):
        if not isinstance(data.get(key), kind):
            problems.append(f"'{key}' is missing or not a {kind.__name__}")
    if problems:
        return problems
    for number, choice in enumerate(data["choices"]):
        if not isinstance(choice, dict) or not all(
                isinstance(choice.get(k), t) for k, t in (("scene", str), ("choice_text", str), ("outcome", str),
                                                          ("history", list), ("stats", dict), ("date", str))):
            problems.append(f"choice {number + 1} is incomplete")
            break
    ending = data.get("ending")
    if ending is not None and not (isinstance(ending, dict) and isinstance(ending.get("title"), str)):
        problems.append("'ending' is not an ending")
    return problems
