"""`python -m game graph [PATH] --format dot|mermaid|svg|png -o FILE`: the story as a map.

Scenes are grouped by act, in the acts' order; the start scene and each act's start are marked,
endings are drawn as double octagons with their titles, and a choice with a condition carries the
condition on its arrow. Choices from one scene to the same next scene share one arrow, labelled
with their numbers, so a large story stays readable.

dot and mermaid are text written here; svg and png are drawn by Graphviz's `dot` program, which is
looked up on PATH and, when missing, named with how to install it.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from game.core.files import atomic_write
from game.core.model import Story

FORMATS = ("dot", "mermaid", "svg", "png")
INSTALL_HINT = ("Drawing svg or png needs Graphviz's `dot` program, which was not found on PATH. "
                "Install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; "
                "Windows: winget install graphviz), or write --format dot or --format mermaid instead.")
# Soft colours that print well: one per act, cycling.
ACT_COLOURS = ("#f3e7d3", "#e6eddc", "#dfe8ee", "#efe0e0", "#e9e4f0", "#e4e4e4", "#f0ead6", "#e2ece8")


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str  # "#1, #3" and any conditions
    conditional: bool


def edges(story: Story) -> list[Edge]:
    """One edge per (scene, next scene), naming the choices that take it and their conditions."""
    result: list[Edge] = []
    for scene in story.scenes.values():
        grouped: dict[str, list[str]] = {}
        conditional: dict[str, bool] = {}
        for choice in scene.choices:
            if choice.goto not in story.scenes:
                continue  # check reports it (E106)
            part = f"#{choice.index + 1}"
            if choice.condition is not None:
                part += f" [{choice.condition.source}]"
                conditional[choice.goto] = True
            grouped.setdefault(choice.goto, []).append(part)
        for target, parts in grouped.items():
            result.append(Edge(scene.id, target, ", ".join(parts), conditional.get(target, False)))
    return result


def _dot_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def to_dot(story: Story) -> str:
    starts = {act.start for act in story.acts.values()}
    lines = [f'digraph "{_dot_text(story.title)}" {{',
             '  graph [rankdir=TB, fontname="Helvetica", fontsize=12, newrank=true, nodesep=0.3, ranksep=0.45];',
             '  node [shape=box, style="rounded,filled", fillcolor=white, fontname="Helvetica", fontsize=10];',
             '  edge [fontname="Helvetica", fontsize=8, color="#555555"];']
    for number, act in enumerate(story.acts.values()):
        colour = ACT_COLOURS[number % len(ACT_COLOURS)]
        lines.append(f'  subgraph "cluster_{_dot_text(act.id)}" {{')
        lines.append(f'    label="{_dot_text(act.title)}"; style=filled; color="{colour}"; fillcolor="{colour}";')
        for scene_id in act.scenes:
            scene = story.scenes[scene_id]
            label = f"{scene_id}\\n{_dot_text(scene.date)}"
            attrs = [f'label="{label}"']
            if scene.is_ending:
                attrs = [f'label="{scene_id}\\n{_dot_text(scene.ending.title)}"', "shape=doubleoctagon",
                         'fillcolor="#3b3b3b"', 'fontcolor="white"']
            elif scene_id == story.start:
                attrs += ["penwidth=3", 'fillcolor="#fff6c8"']
            elif scene_id in starts:
                attrs += ["penwidth=2"]
            lines.append(f'    "{_dot_text(scene_id)}" [{", ".join(attrs)}];')
        lines.append("  }")
    for edge in edges(story):
        attrs = [f'label="{_dot_text(edge.label)}"']
        if edge.conditional:
            attrs += ["style=dashed", 'color="#9a3b2e"', 'fontcolor="#9a3b2e"']
        lines.append(f'  "{_dot_text(edge.source)}" -> "{_dot_text(edge.target)}" [{", ".join(attrs)}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_text(value: str) -> str:
    # Mermaid labels sit in double quotes; it spells quotes and angle brackets as entities.
    return value.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;").replace("\n", " ")


def _mermaid_id(scene_id: str) -> str:
    return "s_" + scene_id  # scene ids are lower_snake_case: safe, and never a Mermaid keyword


def to_mermaid(story: Story) -> str:
    lines = ["flowchart TD"]
    for act in story.acts.values():
        lines.append(f'  subgraph {_mermaid_id("act_" + act.id)}["{_mermaid_text(act.title)}"]')
        for scene_id in act.scenes:
            scene = story.scenes[scene_id]
            if scene.is_ending:
                lines.append(f'    {_mermaid_id(scene_id)}{{{{"{scene_id}: {_mermaid_text(scene.ending.title)}"}}}}')
            else:
                lines.append(f'    {_mermaid_id(scene_id)}["{scene_id}<br/>{_mermaid_text(scene.date)}"]')
        lines.append("  end")
    for edge in edges(story):
        arrow = "-.->" if edge.conditional else "-->"
        label = _mermaid_text(edge.label.replace("#", ""))  # "#1" would read as an entity
        lines.append(f'  {_mermaid_id(edge.source)} {arrow}|"{label}"| {_mermaid_id(edge.target)}')
    endings = [_mermaid_id(s.id) for s in story.scenes.values() if s.is_ending]
    lines.append("  classDef ending fill:#3b3b3b,color:#ffffff,stroke:#000000")
    lines.append("  classDef start stroke-width:3px,fill:#fff6c8")
    if endings:
        lines.append(f"  class {','.join(endings)} ending")
    if story.start in story.scenes:
        lines.append(f"  class {_mermaid_id(story.start)} start")
    return "\n".join(lines) + "\n"


def draw(dot_source: str, fmt: str) -> bytes:
    """Run Graphviz; raises FileNotFoundError (with the install hint) when `dot` is missing."""
    program = shutil.which("dot")
    if program is None:
        raise FileNotFoundError(INSTALL_HINT)
    result = subprocess.run([program, f"-T{fmt}"], input=dot_source.encode("utf-8"), capture_output=True,
                            timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"Graphviz's dot failed: {result.stderr.decode('utf-8', 'replace').strip()}")
    return result.stdout


def run(story: Story, fmt: str, output: str | None) -> int:
    if fmt in ("svg", "png") and not output:
        print(f"--format {fmt} writes a file: add -o FILE (for example -o story.{fmt}).", file=sys.stderr)
        return 2
    if fmt == "mermaid":
        data = to_mermaid(story).encode("utf-8")
    elif fmt == "dot":
        data = to_dot(story).encode("utf-8")
    else:
        try:
            data = draw(to_dot(story), fmt)
        except (FileNotFoundError, RuntimeError, subprocess.TimeoutExpired) as problem:
            print(problem, file=sys.stderr)
            return 1
    if output:
        atomic_write(Path(output), data)
        scenes = len(story.scenes)
        print(f"wrote {output}: {scenes} scenes in {len(story.acts)} acts, {len(edges(story))} arrows")
    else:
        sys.stdout.write(data.decode("utf-8"))
    return 0
