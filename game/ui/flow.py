"""How a game begins and resumes: the content note, a new session, and the right first screen.

Shared by the title screen (New game), the chapter list (an act alone), the ending (Play again)
and loading a save, so all of them show the same note and land on the same screens.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.core.state import GameState

    from .app import App


def content_note(app: "App") -> str:
    """The note shown before play begins."""
    note = app.story.content_note or "This story describes hunger, fear and death."
    if app.settings.content_level == "classroom":
        note += "\n\nClassroom content level is on: the most graphic documented details are left out."
    return note


def ask_then_start(app: "App", act: str | None = None) -> None:
    """Show the content note; on Begin, start a new game (or one act alone, from its start state)."""
    if app.story is None:
        return
    from .screens.message import MessageScreen

    def begin(go: bool) -> None:
        from game.core import engine

        if go and app.story is not None:
            start(app, engine.new_game(app.story, act))

    app.push(MessageScreen(app, "Before you begin", content_note(app), [("Begin", True), ("Back", False)]), begin)


def start(app: "App", state: "GameState") -> None:
    app.new_session(state)
    app.autosave()
    show_game(app)


def show_game(app: "App") -> None:
    """The screen for where the session is: the scene, or the ending if the game is over."""
    from game.core import engine

    if engine.is_over(app.story, app.session.state):
        from .screens.ending import EndingScreen

        app.reset_to(EndingScreen(app))
    else:
        from .screens.scene import SceneScreen

        app.reset_to(SceneScreen(app))
