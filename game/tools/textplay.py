"""`python -m game play [PATH]`: the story in a terminal, with numbered choices.

For writers trying a branch, and for players who use a screen reader: plain lines only, no
colours, no cursor tricks, nothing redrawn. Commands at the prompt:

    1-9      take a choice            u   undo the last choice     l  what has happened so far
    f F12    read a fact in full      s   save (s NAME for a slot) r  load (r NAME)
    ?        help                     q   quit
"""
from __future__ import annotations

import re
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Callable, TextIO

from game.core import engine
from game.core.model import ContentLevel, Story, date_label
from game.core.saves import SaveError, SaveStore
from game.core.state import GameState

_EMPHASIS = re.compile(r"\*([^*\n]+)\*")

HELP = """Commands: a number takes that choice; u undoes the last choice; l shows what has happened
so far; f F12 shows a fact in full; s saves (s NAME for a named slot); r loads (r NAME);
q quits; ? shows this help."""


def default_save_folder() -> Path:
    from game.core.settings import user_folders

    return user_folders()[0]


class TextPlayer:
    def __init__(self, story: Story, *, level: ContentLevel = "full", out: TextIO = sys.stdout,
                 read: Callable[[str], str] = input, saves: SaveStore | None = None, width: int | None = None) -> None:
        self.story = story
        self.level = level
        self.out = out
        self.read = read
        self.saves = saves
        self.width = width or min(100, max(40, shutil.get_terminal_size((80, 24)).columns - 1))
        self.history: list[GameState] = []  # earlier states, for undo

    # -- output -----------------------------------------------------------------------------------
    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def prose(self, text: str, indent: str = "") -> None:
        # *Emphasis* markers are for the desktop UI; a screen reader would read them as "star".
        text = _EMPHASIS.sub(r"\1", text)
        for paragraph in text.split("\n\n"):
            joined = " ".join(line.strip() for line in paragraph.splitlines())
            self.say(textwrap.fill(joined, self.width, initial_indent=indent, subsequent_indent=indent))
            self.say()

    def show_scene(self, state: GameState) -> None:
        scene = engine.scene(self.story, state)
        act = self.story.acts.get(scene.act)
        self.say("=" * min(self.width, 60))
        header = f"{date_label(scene.date)}, {scene.place}"
        if act is not None:
            header = f"{act.title}. {header}"
        self.say(header)
        self.say()
        self.prose(scene.text.get(self.level))
        if scene.ending is not None:
            self.say(f"Ending: {scene.ending.title}")
            self.say()
            self.prose(scene.ending.epilogue.get(self.level))
            return
        for view in engine.choices(self.story, state):
            number = view.choice.index + 1
            text = view.choice.text.get(self.level)
            if view.available:
                self.say(f"  {number}. {text}")
            else:
                reason = view.locked.get(self.level) if view.locked else "not possible now"
                self.say(f"  {number}. (unavailable: {reason}) {text}")

    def show_outcome(self, outcome: engine.Outcome) -> None:
        self.say()
        self.prose(outcome.text.get(self.level))
        if outcome.changes:
            parts = []
            for name, (before, after) in outcome.changes.items():
                delta = after - before
                parts.append(f"{self.story.stats[name].label} {'+' if delta > 0 else ''}{delta} (now {after})")
            self.say("Changes: " + "; ".join(parts) + ".")
            self.say()
        if outcome.facts:
            self.say("In history:")
            for fact in outcome.facts:
                self.say(f"  [{fact.id}] {fact.title} ({fact.when})")
                self.prose(fact.claim.get(self.level), indent="    ")
                cites = "; ".join(s.cite for s in self.story.visible_sources(fact))
                if cites:
                    self.prose(f"Sources: {cites}", indent="    ")

    def show_fact(self, fact_id: str) -> None:
        fact = self.story.facts.get(fact_id.upper())
        if fact is None:
            self.say(f"No fact '{fact_id}'.")
            return
        self.say(f"[{fact.id}] {fact.title} ({fact.when})")
        self.prose(fact.claim.get(self.level), indent="  ")
        for source in self.story.visible_sources(fact):
            self.say(f"  - {source.cite}")
        self.say()

    def show_log(self, state: GameState) -> None:
        if not state.log:
            self.say("Nothing has happened yet.")
            return
        for entry in state.log:
            self.say(f"{date_label(entry.date)}: {entry.choice_text}")

    # -- the loop ---------------------------------------------------------------------------------
    def play(self, state: GameState) -> GameState:
        if self.story.content_note and not state.log:
            self.say("Content note: " + self.story.content_note)
            self.say()
        self.show_scene(state)
        while not engine.is_over(self.story, state):
            try:
                answer = self.read("> ").strip()
            except (EOFError, KeyboardInterrupt):
                self.say()
                self.say("Goodbye.")
                return state
            if not answer:
                continue
            command, _, argument = answer.partition(" ")
            command = command.lower()
            if command.isdigit():
                index = int(command) - 1
                views = engine.choices(self.story, state)
                if not 0 <= index < len(views):
                    self.say(f"Choose a number from 1 to {len(views)}, or ? for help.")
                elif not views[index].available:
                    reason = views[index].locked.get(self.level) if views[index].locked else "it is not possible now"
                    self.say(f"That choice is unavailable: {reason.rstrip('.')}.")
                else:
                    self.history.append(state)
                    state, outcome = engine.choose(self.story, state, index)
                    self.show_outcome(outcome)
                    self.autosave(state)
                    self.show_scene(state)
            elif command in ("q", "quit"):
                self.say("Goodbye.")
                return state
            elif command in ("u", "undo"):
                if self.history:
                    state = self.history.pop()
                    self.say("Undone.")
                    self.show_scene(state)
                else:
                    self.say("Nothing to undo.")
            elif command in ("l", "log"):
                self.show_log(state)
            elif command in ("f", "fact"):
                self.show_fact(argument.strip())
            elif command in ("s", "save"):
                self.save(state, argument.strip() or "1")
            elif command in ("r", "load"):
                state = self.load(argument.strip() or "1", state)
            elif command in ("?", "h", "help"):
                self.say(HELP)
            else:
                self.say("Type a choice number, or ? for help.")
        self.say("The end. Thank you for playing.")
        return state

    def autosave(self, state: GameState) -> None:
        if self.saves is None:
            return
        try:
            self.saves.write("auto", self.story, state)
        except SaveError as exc:
            self.say(f"(Autosave failed: {exc})")

    def save(self, state: GameState, slot: str) -> None:
        if self.saves is None:
            self.say("Saving is off in this session.")
            return
        try:
            path = self.saves.write(slot, self.story, state)
            self.say(f"Saved to slot '{slot}' ({path}).")
        except SaveError as exc:
            self.say(f"Could not save: {exc}")

    def load(self, slot: str, state: GameState) -> GameState:
        if self.saves is None:
            self.say("Saving is off in this session.")
            return state
        try:
            loaded = self.saves.read(slot, self.story)
        except SaveError as exc:
            self.say(f"Could not load: {exc}")
            return state
        for warning in loaded.warnings:
            self.say(f"Note: {warning}.")
        self.history.clear()
        self.say(f"Loaded slot '{slot}'.")
        self.show_scene(loaded.state)
        return loaded.state
