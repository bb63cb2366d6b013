"""The runtime is a pure function of (story, state, choice); every test also runs with a save/load
round trip after every step, so no part of the state can escape a save (ink's JsonRoundTrip)."""
import pytest

from game.core import engine
from game.core.saves import decode_save, encode_save


@pytest.fixture(params=["plain", "roundtrip"])
def play(request, village):
    """choose() as the game uses it, optionally through a save file between steps."""

    def step(state, index):
        new_state, outcome = engine.choose(village, state, index)
        if request.param == "roundtrip":
            new_state = decode_save(encode_save(village, new_state), village).state
        return new_state, outcome

    return step


def test_new_game_uses_story_start_values(village):
    state = engine.new_game(village)
    assert state.scene == "gate"
    assert dict(state.stats) == {"grain": 5, "trust": 2}
    assert dict(state.flags) == {"hid_grain": False, "spoke_up": False}
    assert state.visits == {"gate": 1} and state.log == ()


def test_act_played_alone_uses_its_start_state(village):
    state = engine.new_game(village, "two")
    assert state.scene == "meeting"
    assert state.stats["grain"] == 8 and state.stats["trust"] == 2  # unnamed stats keep start values
    assert state.flags["hid_grain"] is True and state.started_act == "two"
    with pytest.raises(engine.EngineError):
        engine.new_game(village, "nine")


def test_choose_is_pure(village, play):
    state = engine.new_game(village)
    before = state.to_dict()
    new_state, outcome = play(state, 0)
    assert state.to_dict() == before  # the old state is untouched: rollback is keeping it
    assert new_state.scene == "granary"
    assert new_state.stats["grain"] == 7 and new_state.stats["trust"] == 3
    assert new_state.flags["hid_grain"] is True
    assert outcome.changes == {"grain": (5, 7), "trust": (2, 3)}
    assert outcome.flags == {"hid_grain": True}
    assert [f.id for f in outcome.facts] == ["F01"]
    assert outcome.text.full == "You hide grain under the floor."
    # Same input, same output: nothing depends on time or chance.
    again, _ = engine.choose(village, state, 0)
    assert again.to_dict() == engine.choose(village, state, 0)[0].to_dict()


def test_locked_choice_shows_reason_and_cannot_be_taken(village, play):
    state, _ = play(engine.new_game(village), 1)  # report everything: trust stays 2
    views = engine.choices(village, state)
    assert [v.available for v in views] == [False, True, True]
    assert views[0].locked.full == "Needs the villagers behind you"
    with pytest.raises(engine.EngineError):
        engine.choose(village, state, 0)
    with pytest.raises(engine.EngineError):
        engine.choose(village, state, 7)


def test_effects_clamp_to_range_and_say_so(village, play):
    state, outcome = play(engine.new_game(village), 1)
    assert state.stats["grain"] == 2
    state, _ = play(state, 2)  # back to the gate
    state, outcome = play(state, 1)  # -3 from 2 stops at 0
    assert state.stats["grain"] == 0
    assert outcome.clamped == ("grain",)
    assert outcome.changes == {"grain": (2, 0)}


def test_visits_count_and_gate_conditions(village, play):
    state, _ = play(engine.new_game(village), 1)
    assert engine.choices(village, state)[2].available  # visits(gate) == 1 < 2
    state, _ = play(state, 2)
    assert state.visits["gate"] == 2
    state, _ = play(state, 1)
    assert not engine.choices(village, state)[2].available


def test_effects_read_values_from_before_the_choice(village, play):
    state = engine.new_game(village, "two")
    state, outcome = play(state, 0)  # grain = grain + 2 (clamped at 10) and hid_grain = false together
    assert state.stats["grain"] == 10 and state.flags["hid_grain"] is False
    assert engine.is_over(village, state) and outcome.ending.title == "The village survived"


def test_log_records_choices_outcomes_citations_and_stats(village, play):
    state, _ = play(engine.new_game(village), 0)
    state, _ = play(state, 0)
    assert [(e.scene, e.choice, e.history) for e in state.log] == [("gate", 0, ("F01",)), ("granary", 0, ("F02",))]
    first = state.log[0]
    assert first.choice_text == "Hide some grain" and first.outcome.startswith("You hide grain")
    assert first.date == "1958-04" and first.act == "one"
    assert dict(first.changes) == {"grain": 2, "trust": 1} and dict(first.stats) == {"grain": 7, "trust": 3}
    assert state.turn == 2


def test_ending_scene_has_no_choices(village, play):
    state = engine.new_game(village, "two")
    state, _ = play(state, 1)
    assert engine.is_over(village, state)
    assert engine.choices(village, state) == []
    with pytest.raises(engine.EngineError):
        engine.choose(village, state, 0)
