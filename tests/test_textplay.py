"""The terminal player: numbered choices, locked reasons, history, undo, saves, content levels."""
import io

from game.core import engine
from game.core.saves import SaveStore
from game.tools.textplay import TextPlayer


def play(story, answers, tmp_path=None, level="full", act=None):
    out = io.StringIO()
    feed = iter(answers)

    def read(prompt):
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    saves = SaveStore(tmp_path / "saves") if tmp_path else None
    player = TextPlayer(story, level=level, out=out, read=read, saves=saves, width=80)
    state = player.play(engine.new_game(story, act))
    return state, out.getvalue()


def test_plays_to_an_ending_showing_outcomes_history_and_sources(village, tmp_path):
    state, text = play(village, ["1", "1", "1"], tmp_path)
    assert engine.is_over(village, state)
    assert "April 1958, The village gate" in text
    assert "  1. Hide some grain" in text
    assert "You hide grain under the floor." in text
    assert "Changes: Grain +2 (now 7); Trust +1 (now 3)." in text
    assert "In history:" in text and "[F01] A test fact (Spring 1958)" in text
    assert "Sources: Author, Title (2000)" in text
    assert "Other Author" not in text  # a teacher-only source is never shown to players
    assert "Ending: The village survived" in text


def test_locked_choice_is_listed_with_its_reason_and_refused(village):
    _, text = play(village, ["2", "1"])
    assert "1. (unavailable: Needs the villagers behind you) Speak up at the meeting" in text
    assert "That choice is unavailable: Needs the villagers behind you." in text


def test_undo_log_fact_and_bad_input(village):
    state, text = play(village, ["1", "u", "9", "x", "l", "f f02", "2"])
    assert "Undone." in text
    assert "Choose a number from 1 to 2" in text
    assert "Type a choice number" in text
    assert "[F02] Another test fact" in text
    assert state.scene == "granary" and state.stats["grain"] == 2  # the undone choice left no trace


def test_save_and_load(village, tmp_path):
    state, text = play(village, ["1", "s 3", "1", "r 3"], tmp_path)
    assert "Saved to slot '3'" in text and "Loaded slot '3'" in text
    assert state.scene == "granary"


def test_classroom_level_uses_classroom_text(village):
    _, text = play(village, ["2", "2", "2"], level="classroom")
    assert "The granary." in text and "in full detail" not in text
    assert "Many died." in text and "in detail" not in text


def test_end_of_input_quits_politely(village):
    state, text = play(village, [])
    assert text.rstrip().endswith("Goodbye.") and state.scene == "gate"


def test_emphasis_markers_are_not_read_aloud(village, tmp_path):
    from game.tools.textplay import TextPlayer
    out = io.StringIO()
    TextPlayer(village, out=out, width=80).prose("The *Red Flag* says so.")
    assert out.getvalue().strip() == "The Red Flag says so."
