"""Sessions and reports (issue 6): a random game written as a session file, and that file made
into one self-contained HTML page to print or hand in, checked as HTML and as Chromium draws it."""
import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game.core import engine, session
from game.tools import report

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sessions")
    path = folder / "seed7.json"
    result = run("play", "--random-seed", "7", "--session", str(path))
    assert result.returncode == 0, result.stderr
    return path


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.links, self.ids, self.text = [], [], set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        for key in ("href", "src"):
            if key in attrs:
                self.links.append(attrs[key])
        if "id" in attrs:
            self.ids.add(attrs["id"])

    def handle_data(self, data):
        self.text.append(data)


def test_a_random_game_writes_the_same_session_for_the_same_seed(played, tmp_path):
    again = tmp_path / "again.json"
    assert run("play", "--random-seed", "7", "--session", str(again)).returncode == 0
    assert again.read_bytes() == played.read_bytes()
    data = session.load(played)
    assert data["ending"] and data["choices"] and len(data["facts"]) >= 5
    cited = {fid for choice in data["choices"] for fid in choice["history"]}
    assert cited == set(data["facts"]) and all(fact["sources"] for fact in data["facts"].values())


def test_the_report_holds_every_choice_fact_and_prompt_and_fetches_nothing(played, tmp_path):
    out = tmp_path / "report.html"
    result = run("report", str(played), "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(played.read_text(encoding="utf-8"))
    page = Page()
    page.feed(out.read_text(encoding="utf-8"))
    text = " ".join(" ".join(page.text).split())
    assert data["ending"]["title"] in text
    for choice in data["choices"]:
        assert " ".join(choice["choice_text"].split()) in text
    for fid, fact in data["facts"].items():
        assert fid in page.ids and fact["title"] in text and fact["sources"][0] in text
    assert all(link.startswith("#") for link in page.links), page.links  # nothing from the network
    assert not [tag for tag, _ in page.tags if tag in ("script", "img", "link", "iframe")]
    lines = [attrs for tag, attrs in page.tags if tag == "polyline"]
    assert [a["data-stat"] for a in lines] == list(data["stats"])
    assert all(len(a["points"].split()) == len(data["choices"]) + 1 for a in lines)  # the start, then each choice
    answers = [attrs for tag, attrs in page.tags if attrs.get("class") == "answer"]
    assert len(answers) == len(data["prompts"]) >= 3
    assert "Teacher's note" not in text  # only with --teacher
    assert run("report", str(played), "-o", str(out), "--teacher").returncode == 0
    assert out.read_text(encoding="utf-8").count("Teacher's note") == len(data["prompts"])


def test_a_classroom_session_carries_the_classroom_texts(shipped_story):
    scene = next(s for s in shipped_story.scenes.values()
                 if any(c.outcome.classroom for c in s.choices) and not s.is_ending)
    index = next(c.index for c in scene.choices if c.outcome.classroom)
    state = engine.start_at(shipped_story, scene.id)
    choice = scene.choices[index]
    flags = {name: True for name in shipped_story.flags}
    for candidate in ({}, flags):  # whatever the choice needs to be open
        state = engine.start_at(shipped_story, scene.id, {"trust": 7, "standing": 3}, candidate)
        if engine.is_available(choice, state):
            break
    state, _ = engine.choose(shipped_story, state, index)
    data = session.build(shipped_story, state, level="classroom")
    assert data["choices"][0]["outcome"] == choice.outcome.classroom
    assert session.build(shipped_story, state)["choices"][0]["outcome"] == choice.outcome.full


@pytest.mark.parametrize("content, message", [
    ("not json", "is not a session file"),
    ('{"format": "something else"}', "is not an Iron and Grain session file"),
    ('{"format": "iron-and-grain-session", "version": 99}', "written by a newer version"),
    ('{"format": "iron-and-grain-session", "version": 1, "story": {}}', "is damaged"),
])
def test_a_bad_session_file_gets_a_message_not_a_traceback(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = run("report", str(bad), "-o", str(tmp_path / "out.html"))
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.html").exists()


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed (Debian package chromium)")
def test_chromium_draws_the_report(played, tmp_path):
    import pygame

    html_file = tmp_path / "report.html"
    html_file.write_text(report.render(session.load(played)), encoding="utf-8")
    shot = tmp_path / "report.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=1000,1400", f"--screenshot={shot}", html_file.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.exists(), "chromium wrote no screenshot"
    image = pygame.image.load(str(shot))
    assert image.get_size() == (1000, 1400)
    # The page is drawn: the paper colour fills the column, and there is dark type on it.
    dark = sum(1 for x in range(150, 850, 3) for y in range(0, 1400, 3) if sum(image.get_at((x, y))[:3]) < 200)
    paper = image.get_at((500, 20))[:3]
    assert dark > 500 and paper == (248, 243, 232), (dark, paper)


def test_a_class_report_counts_every_game_at_every_decision(tmp_path):
    from game.tools import class_report

    paths = []
    for seed in (1, 2, 3, 4):
        path = tmp_path / f"student{seed}.json"
        assert run("play", "--random-seed", str(seed), "--session", str(path)).returncode == 0
        paths.append(path)
    sessions = [(p.stem, session.load(p)) for p in paths]
    summary = class_report.collect(sessions)
    assert sum(len(students) for students in summary["endings"].values()) == 4
    first = next(iter(summary["decisions"].values()))
    assert len(first["students"]) == 4  # everyone starts at the telegram
    for decision in summary["decisions"].values():
        assert sum(decision["counts"].values()) == len(decision["students"])
    out = tmp_path / "class.html"
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    result = run("class-report", *map(str, paths), str(tmp_path / "broken.json"), "-o", str(out))
    assert result.returncode == 1 and "skipped:" in result.stderr and "broken.json" in result.stderr
    page = Page()
    page.feed(out.read_text(encoding="utf-8"))
    text = " ".join(" ".join(page.text).split())
    assert "4 games" in text and "reached by 4 of 4" in text
    for stem, data in sessions:
        assert stem in text and data["ending"]["title"] in text
    assert all(link.startswith("#") for link in page.links) and not [t for t, _ in page.tags if t == "script"]
    nothing = tmp_path / "none.html"
    assert run("class-report", str(tmp_path / "broken.json"), "-o", str(nothing)).returncode == 1
    assert not nothing.exists()
