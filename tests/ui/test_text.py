"""Text layout: wrapping inside the width, Chinese line breaking, emphasis, glossary terms."""
import pygame
import pytest

from game.ui import text


@pytest.fixture(autouse=True)
def fonts():
    pygame.font.init()
    yield


def words_of(block):
    return "".join(run.text for run in block.runs)


def test_wraps_within_width_and_keeps_every_word():
    prose = "The loudspeaker on the poplar crackles before dawn, and the brigade walks out to the fields. " * 6
    block = text.layout(prose, 300, 20)
    assert len(block.lines) > 5
    assert all(run.x + run.width <= 300 for run in block.runs)
    assert words_of(block).replace(" ", "") == prose.replace(" ", "")


def test_chinese_breaks_between_characters_but_not_before_closing_punctuation():
    prose = "人民公社好，人民公社好，人民公社好，人民公社好，人民公社好。"
    block = text.layout(prose, 120, 20)
    assert len(block.lines) > 2
    line_starts = {run.y: run.text for run in sorted(block.runs, key=lambda r: (r.y, r.x)) if run.x == 0}
    assert not any(first[0] in "，。" for first in line_starts.values())
    assert all(run.face == "cjk" for run in block.runs)


def test_mixed_latin_and_chinese_share_a_line():
    block = text.layout("The canteen, 公共食堂, opened.", 2000, 20)
    faces = {run.face for run in block.runs}
    assert faces == {"serif", "cjk"} and len(block.lines) == 1


def test_emphasis_is_italic_and_markers_vanish():
    block = text.layout("A *red flag* on the wall.", 2000, 20)
    assert "*" not in words_of(block)
    assert [r.text for r in block.runs if r.face == "serif_italic"] == ["red", "flag"]


def test_glossary_marks_the_first_use_of_each_term_only():
    matcher = text.GlossaryMatcher([(0, ["people's commune", "commune"]), (1, ["work points"])])
    block = text.layout("The commune counts work points. The commune again; a people's commune.", 2000, 20,
                        glossary=matcher)
    marked = [(r.text, r.term) for r in block.runs if r.term is not None]
    assert marked == [("commune", 0), ("work", 1), ("points", 1)]
    assert [term for term, _rect in block.terms] == [0, 1]


def test_glossary_matches_whole_words_only():
    matcher = text.GlossaryMatcher([(0, ["mu"])])
    block = text.layout("Much music, and 200 jin a mu.", 2000, 20, glossary=matcher)
    assert [r.text for r in block.runs if r.term is not None] == ["mu."] or \
        [r.text for r in block.runs if r.term is not None] == ["mu"]


def test_typewriter_counts_every_character_once():
    block = text.layout("One two.\n\nThree.", 2000, 20)
    surface = pygame.Surface((400, 200))
    surface.fill((255, 255, 255))
    block.draw(surface, (0, 0), (0, 0, 0), visible=0)
    assert pygame.transform.average_color(surface)[:3] == (255, 255, 255)  # nothing shown yet
    block.draw(surface, (0, 0), (0, 0, 0), visible=block.chars)
    assert pygame.transform.average_color(surface)[:3] != (255, 255, 255)
    assert block.chars == len("One two.") + 1 + len("Three.")


def test_every_planned_act_finds_its_art():
    from game.ui.assets import art_for_act

    assert art_for_act("prologue") == "act_prologue.png"
    assert art_for_act("epilogue") == "epilogue.png"
    assert art_for_act("no_such_act") == "title.png"
