"""`python -m game graph`: the story as a map for writers, as text (dot, mermaid) and drawn (svg, png)."""
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from game.tools import graph

ROOT = Path(__file__).resolve().parents[1]
VILLAGE = ROOT / "tests" / "stories" / "valid" / "village"


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "game", "graph", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=env)


def test_dot_groups_scenes_by_act_marks_endings_and_labels_conditions(village):
    text = graph.to_dot(village)
    one = text.index('subgraph "cluster_one"')
    two = text.index('subgraph "cluster_two"')
    assert one < text.index('"gate" [') < two < text.index('"survived" [')
    assert 'label="survived\\nThe village survived", shape=doubleoctagon' in text
    assert '"granary" -> "gate" [label="#3 [visits(gate) < 2]", style=dashed' in text
    assert '"gate" -> "granary" [label="#1, #2"]' in text  # two choices, one arrow


def test_mermaid_has_the_same_map(village):
    text = graph.to_mermaid(village)
    assert text.startswith("flowchart TD")
    assert 's_survived{{"survived: The village survived"}}' in text
    assert 's_granary -.->|"3 [visits(gate) #lt; 2]"| s_gate' in text
    assert "class s_survived,s_hungry ending" in text


def test_the_shipped_story_maps_every_scene_and_every_choice_target(shipped_story):
    text = graph.to_dot(shipped_story)
    for scene_id in shipped_story.scenes:
        assert f'"{scene_id}" [' in text
    pairs = {(e.source, e.target) for e in graph.edges(shipped_story)}
    for scene in shipped_story.scenes.values():
        for choice in scene.choices:
            assert (scene.id, choice.goto) in pairs


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_svg_and_png_are_drawn_by_graphviz(tmp_path):
    svg = tmp_path / "story.svg"
    result = run(str(VILLAGE), "-o", str(svg))
    assert result.returncode == 0, result.stderr
    titles = {t.text for t in ET.parse(svg).iter("{http://www.w3.org/2000/svg}title")}
    assert {"gate", "granary", "meeting", "survived", "hungry"} <= titles  # one node per scene
    png = tmp_path / "story.png"
    assert run(str(VILLAGE), "--format", "png", "-o", str(png)).returncode == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_without_graphviz_the_message_says_how_to_get_it(tmp_path):
    env = dict(os.environ, PATH=str(tmp_path))  # no dot on this PATH
    result = run(str(VILLAGE), "-o", str(tmp_path / "story.svg"), env=env)
    assert result.returncode == 1
    assert "apt-get install graphviz" in result.stderr and "--format dot" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "story.svg").exists()


def test_text_formats_go_to_a_file_or_to_stdout(tmp_path):
    out = tmp_path / "map.mmd"
    assert run(str(VILLAGE), "-o", str(out)).returncode == 0  # the extension picks mermaid
    assert out.read_text().startswith("flowchart TD")
    assert run(str(VILLAGE)).stdout.startswith('digraph "Test Village"')
    assert run(str(VILLAGE), "--format", "svg").returncode == 2  # svg needs -o
