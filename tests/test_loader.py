"""Loader details a writer would notice: which spec a file is read against, and where it points."""
from game.core.loader import load_story

from conftest import edited_copy


def test_a_key_of_the_other_kind_of_file_is_reported_at_the_key(tmp_path):
    folder = edited_copy(tmp_path, {"acts/02_end.yaml": (
        "scenes:\n", "facts:\n  F09: {year: 1958, when: '1958', title: t, claim: c, reliability: [MULTI], "
        "sources: [SRC-A]}\nscenes:\n")})
    _story, diags = load_story(folder)
    (problem,) = [d for d in diags if d.code == "E101"]
    assert (problem.loc.line, problem.loc.col) == (9, 1)
    assert "unknown key 'facts' in act file" in problem.message


def test_the_act_key_decides_the_kind_even_when_it_comes_last(tmp_path):
    folder = edited_copy(tmp_path, {"acts/02_end.yaml": ("act: two\n", "")})
    text = (folder / "acts" / "02_end.yaml").read_text()
    (folder / "acts" / "02_end.yaml").write_text(text + "act: two\n")
    story, diags = load_story(folder)
    assert not [d for d in diags if d.is_error], [d.format() for d in diags]
    assert story.scenes["meeting"].act == "two"


def test_yes_and_no_stay_words_in_prose(tmp_path):
    folder = edited_copy(tmp_path, {"acts/02_end.yaml": ("place: Commune hall", "place: No")})
    story, diags = load_story(folder)
    assert story.scenes["meeting"].place == "No"
