"""The shipped story: it passes its own checks, and its history restates the whole fact sheet."""
import io
import re
from pathlib import Path

import pytest

from game.tools import explore

ROOT = Path(__file__).resolve().parents[1]
FACT_SHEET = ROOT.parent / "shared" / "history" / "facts.md"


def test_story_loads_without_errors(shipped_story):
    assert shipped_story.title == "Iron and Grain"
    assert shipped_story.start in shipped_story.scenes


def test_story_explores_cleanly(shipped_story):
    report = explore.explore(shipped_story)
    out = io.StringIO()
    explore.print_report(shipped_story, report, out)
    assert not report.capped and report.ok, out.getvalue()
    assert report.scenes_reached == set(shipped_story.scenes), out.getvalue()


def test_every_choice_cites_history_that_players_can_check(shipped_story):
    for scene in shipped_story.scenes.values():
        for choice in scene.choices:
            assert choice.history, f"{choice.loc}: no citation"
            for fid in choice.history:
                fact = shipped_story.facts[fid]
                assert shipped_story.visible_sources(fact), f"{choice.loc}: {fid} has no source players may see"


def test_no_source_shows_a_url(shipped_story):
    for source in shipped_story.sources.values():
        assert not re.search(r"https?://|www\.", source.cite), source.key


def test_every_fact_names_known_sources(shipped_story):
    for fact in shipped_story.facts.values():
        assert fact.sources and all(k in shipped_story.sources for k in fact.sources), fact.id
        assert fact.claim.full.strip()


@pytest.mark.skipif(not FACT_SHEET.exists(), reason="shared/history/facts.md is not beside the repo")
def test_history_has_every_fact_of_the_fact_sheet_with_the_same_ids(shipped_story):
    sheet = FACT_SHEET.read_text(encoding="utf-8")
    ids = set(re.findall(r"^\*\*([FG]\d{2,3}) ·", sheet, re.MULTILINE))
    cautions = set(re.findall(r"^\*\*(X\d{2,3}) ·", sheet, re.MULTILINE))
    assert ids and ids == set(shipped_story.facts)
    assert cautions == set(shipped_story.cautions)
    table = sheet.split("### How to cite in the game", 1)[1].split("### Seed documents", 1)[0]
    register = set(re.findall(r"^\| \[([A-Z0-9][A-Z0-9-]*)\] \|", table, re.MULTILINE))
    seeds = {f"SEED-{n}" for n in re.findall(r"^\| `(\d{3})_[0-9a-f]+\.txt` \|", table, re.MULTILINE)}
    assert len(register) > 100 and len(seeds) == 5
    assert register | seeds == set(shipped_story.sources)


def test_death_toll_is_given_as_a_range(shipped_story):
    claim = shipped_story.facts["F62"].claim.full
    assert "15" in claim and "55" in claim


def test_glossary_has_at_least_thirty_terms(shipped_story):
    assert len(shipped_story.glossary) >= 30
    for term in shipped_story.glossary:
        assert term.hanzi and term.pinyin and term.definition
