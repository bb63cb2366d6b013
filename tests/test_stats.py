"""`python -m game stats`: the counts a writer and a teacher read, checked against the test village."""
import json
import subprocess
import sys
from pathlib import Path

from game.core.loader import load_story
from game.tools import stats

ROOT = Path(__file__).resolve().parents[1]
VILLAGE = ROOT / "tests" / "stories" / "valid" / "village"


def run_json(path):
    result = subprocess.run([sys.executable, "-m", "game", "stats", str(path), "--json"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_words_count_english_words_and_each_chinese_character():
    assert stats.words("You hide grain under the floor.") == 6
    assert stats.words("Aunt Ma's ladle, full-to-the-brim: 3,530 jin!") == 6
    assert stats.words("Wuwei lost 25.8% in 1960") == 5
    assert stats.words("食堂 canteen") == 3


def test_the_village_is_counted_per_act_and_in_total():
    data = run_json(VILLAGE)
    assert (data["scenes"], data["choices"], data["endings"], data["cited_choices"]) == (5, 7, 2, 7)
    assert data["acts"]["one"]["scenes"] == 2 and data["acts"]["one"]["choices"] == 5
    assert data["acts"]["two"]["endings"] == 2 and data["acts"]["two"]["ending_ids"] == ["survived", "hungry"]
    assert data["facts"] == 2 and data["facts_total"] == 2 and data["facts_uncited"] == []
    # Words: the sum over acts is the total, and a word added to a scene is counted once.
    assert data["words"] == sum(act["words"] for act in data["acts"].values()) > 0


def test_an_added_word_and_an_uncited_fact_show_up(tmp_path):
    import shutil

    copy = tmp_path / "village"
    shutil.copytree(VILLAGE, copy)
    before = run_json(copy)
    act = copy / "acts" / "02_end.yaml"
    act.write_text(act.read_text().replace("text: The meeting.", "text: The long meeting."))
    after = run_json(copy)
    assert after["words"] == before["words"] + 1
    assert after["acts"]["two"]["words"] == before["acts"]["two"]["words"] + 1


def test_minutes_are_measured_the_same_every_run_and_grow_with_the_prose():
    story, _ = load_story(VILLAGE)
    first = stats.collect(story)[1]
    again = stats.collect(story)[1]
    assert first.minutes == again.minutes and first.minutes_range == again.minutes_range
    low, high = first.minutes_range
    assert 0 < low <= first.minutes <= high
