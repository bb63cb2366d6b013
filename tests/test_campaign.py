"""The campaign as players and teachers meet it: its size and length, every ending reachable in one
game, every fact in play, prompts for each act, and classroom variants for the worst of it."""
import re

import pytest

from game.core import engine
from game.tools import explore, stats

ACTS = ["prologue", "commune", "steel", "harvest", "lushan", "famine", "retreat", "epilogue"]
# Violence against people, torture, poisoning, cannibalism: what the classroom level must soften.
GRAPHIC = re.compile(r"cannibal|human flesh|tortur|poison"
                     r"|\b(?:was|were|is|are|be|been|being|gets?|got)\s+beaten\b"
                     r"|\bbeat(?:s|ing)?\s+(?:him|her|them|people|peasants|villagers|members|the boy|a man|a woman)\b"
                     r"|\bbound and\b|\bhung up\b", re.IGNORECASE)
TOO_GRAPHIC_FOR_CLASS = re.compile(r"cannibal|human flesh|tortur", re.IGNORECASE)


@pytest.fixture(scope="module")
def figures(shipped_story):
    return stats.collect(shipped_story)


@pytest.fixture(scope="module")
def report(shipped_story):
    return explore.explore(shipped_story)


def test_the_campaign_has_its_acts_in_order(shipped_story):
    assert list(shipped_story.acts) == ACTS


def test_the_story_reaches_its_size_goals(figures):
    _per_act, total = figures
    assert total.scenes >= 120 and total.choices >= 300 and total.endings >= 8, total
    assert total.words >= 40_000, total.words
    assert total.cited_choices == total.choices


def test_each_act_plays_alone_in_a_lesson(figures):
    per_act, _total = figures
    for act in ACTS[1:-1]:  # the six acts; the prologue and epilogue are shorter by design
        assert 8 <= per_act[act].minutes <= 15, (act, per_act[act].minutes)


def test_a_whole_game_fits_forty_to_sixty_minutes(figures):
    _per_act, total = figures  # the median of seeded random games from a new game to an ending
    assert 40 <= total.minutes <= 60, total.minutes


def test_each_act_announces_the_minutes_it_measures(shipped_story, figures):
    per_act, _total = figures
    for act in shipped_story.acts.values():  # Chapters shows `minutes:` to a teacher planning a lesson
        assert abs(act.minutes - per_act[act.id].minutes) <= 2, (act.id, act.minutes, per_act[act.id].minutes)


def test_every_ending_can_be_reached_in_one_game_from_the_start(shipped_story, report):
    endings = [s.id for s in shipped_story.scenes.values() if s.is_ending]
    assert len(endings) >= 8
    for ending in endings:
        assert report.endings[ending].origin == "new game", ending


def test_every_fact_is_in_play(shipped_story):
    cited = {fid for scene in shipped_story.scenes.values() for choice in scene.choices for fid in choice.history}
    notes = " ".join(p.teacher_note for act in shipped_story.acts.values() for p in act.discussion)
    for fact in shipped_story.facts.values():
        if shipped_story.visible_sources(fact):
            assert fact.id in cited, f"{fact.id} is never cited by a choice"
        else:  # no source players may see yet: it stays in the teacher's notes
            assert re.search(rf"\b{fact.id}\b", notes), f"{fact.id} is in no teacher note"


def test_each_act_ends_with_two_or_three_prompts_with_teacher_notes(shipped_story):
    for act in shipped_story.acts.values():
        assert 2 <= len(act.discussion) <= 3, act.id
        for prompt in act.discussion:
            assert len(prompt.prompt.split()) >= 8 and len(prompt.teacher_note.split()) >= 50, (act.id, prompt.prompt)


def texts(story):
    for scene in story.scenes.values():
        yield scene.id, scene.text
        if scene.ending:
            yield scene.id, scene.ending.epilogue
        for choice in scene.choices:
            yield f"{scene.id} #{choice.index + 1}", choice.outcome
            if choice.locked:
                yield f"{scene.id} #{choice.index + 1} locked", choice.locked


def test_graphic_passages_have_a_classroom_variant_without_the_detail(shipped_story):
    graphic = 0
    for where, text in texts(shipped_story):
        if GRAPHIC.search(text.full):
            graphic += 1
            assert text.classroom, f"{where}: graphic text without a classroom variant"
            assert not TOO_GRAPHIC_FOR_CLASS.search(text.classroom), f"{where}: the classroom text keeps the detail"
    assert graphic >= 3  # the famine's documented horrors are in the story, with their variants


def test_a_new_game_starts_in_the_prologue_and_every_act_start_is_a_scene_of_its_act(shipped_story):
    assert shipped_story.scenes[shipped_story.start].act == "prologue"
    for act in shipped_story.acts.values():
        assert shipped_story.scenes[act.start].act == act.id
        state = engine.new_game(shipped_story, act.id)
        assert engine.available_choices(shipped_story, state), act.id
