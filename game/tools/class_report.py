"""`python -m game class-report SESSION... -o class.html`: many students' games on one page.

For the lesson after the students played alone: at each decision, how many reached it and the
share that took each option (with class votes counted as the class's choice); the endings reached;
time played. Students are named by their session files' names (anna.json -> anna), so a teacher
can see who went where without the files holding any personal data. Self-contained HTML like the
single report: no scripts, nothing fetched, print-friendly.
"""
from __future__ import annotations

import html
import statistics
import sys
from pathlib import Path
from typing import Any

from game.core.files import atomic_write
from game.core.session import SessionError, load
from game.tools.report import CSS, _duration

EXTRA_CSS = """
table { border-collapse: collapse; width: 100%; font-family: "Helvetica Neue", Arial, sans-serif; font-size: .85rem; }
th, td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid #d8ccb4; vertical-align: top; }
.decision { break-inside: avoid; margin: 1.1rem 0 1.4rem; }
.bar { display: flex; align-items: center; gap: .6rem; margin: .2rem 0; font-family: "Helvetica Neue", Arial, sans-serif;
       font-size: .85rem; }
.bar .label { flex: 0 0 55%; }
.bar .track { flex: 1; height: .8rem; background: #e6dcc6; border-radius: 2px; overflow: hidden; }
.bar .fill { height: 100%; background: #a8342a; }
.bar .share { flex: 0 0 5.5rem; text-align: right; color: #5e5447; }
"""


def collect(sessions: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """Decisions keyed by scene (in the order the class first met them), endings and times."""
    decisions: dict[str, dict[str, Any]] = {}
    endings: dict[str, list[str]] = {}
    times = []
    for student, data in sessions:
        for choice in data["choices"]:
            entry = decisions.setdefault(choice["scene"], {
                "when": choice.get("when", choice["date"]), "place": choice.get("place", ""),
                "act": choice.get("act", ""), "options": list(choice.get("options") or [choice["choice_text"]]),
                "counts": {}, "students": []})
            entry["students"].append(student)
            index = choice.get("choice", 0)
            entry["counts"][index] = entry["counts"].get(index, 0) + 1
            if index >= len(entry["options"]):
                entry["options"] += [choice["choice_text"]] * (index + 1 - len(entry["options"]))
        title = data["ending"]["title"] if data.get("ending") else "Not finished"
        endings.setdefault(title, []).append(student)
        times.append((student, data.get("seconds_played", 0), len(data["choices"]), title))
    return {"decisions": decisions, "endings": endings, "times": times}


def render(sessions: list[tuple[str, dict[str, Any]]]) -> str:
    e = html.escape
    summary = collect(sessions)
    title = sessions[0][1]["story"]["title"] if sessions else "Iron and Grain"
    seconds = [t for _s, t, _c, _e in summary["times"] if t]
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>{e(title)}: the class's games</title>", f"<style>{CSS}{EXTRA_CSS}</style>", "</head>",
           "<body>", "<main>", f'<p class="kicker">{e(title)}</p>', "<h1>The class's games</h1>",
           f'<p class="meta">{len(sessions)} games'
           + (f" · median time played {_duration(round(statistics.median(seconds)))}" if seconds else "")
           + "</p>", "<h2>Endings reached</h2>"]
    for ending, students in sorted(summary["endings"].items(), key=lambda item: -len(item[1])):
        out.append(_bar(ending, len(students), len(sessions), ", ".join(students)))
    out += ["<h2>Time played</h2>", "<table>", "<tr><th>Game</th><th>Choices</th><th>Time played</th>"
            "<th>Ending</th></tr>"]
    for student, secs, count, ending in summary["times"]:
        out.append(f"<tr><td>{e(student)}</td><td>{count}</td><td>{_duration(secs) if secs else '-'}</td>"
                   f"<td>{e(ending)}</td></tr>")
    out += ["</table>", "<h2>Decision by decision</h2>",
            '<p class="caption">Every decision any game reached, in the order the class first met it: how many '
            "games reached it, and the share that took each option.</p>"]
    for decision in summary["decisions"].values():
        reached = len(decision["students"])
        out += ['<div class="decision">',
                f'<p class="when">{e(decision["when"])} · {e(decision["place"])} · reached by {reached} of '
                f"{len(sessions)}</p>"]
        for index, option in enumerate(decision["options"]):
            out.append(_bar(option, decision["counts"].get(index, 0), reached))
        out.append("</div>")
    out += ['<footer class="caption"><p>Made by Iron and Grain from session files.</p></footer>',
            "</main>", "</body>", "</html>"]
    return "\n".join(out)


def _bar(label: str, count: int, total: int, note: str = "") -> str:
    share = count / total if total else 0.0
    e = html.escape
    return (f'<div class="bar"><span class="label">{e(label)}'
            + (f' <span class="caption">({e(note)})</span>' if note else "")
            + f'</span><span class="track"><span class="fill" style="display:block;width:{share * 100:.1f}%"></span>'
            f'</span><span class="share">{count} · {share * 100:.0f}%</span></div>')


def run(paths: list[str], output: str) -> int:
    sessions = []
    failed = 0
    for path in paths:
        try:
            sessions.append((Path(path).stem, load(Path(path))))
        except SessionError as problem:
            print(f"skipped: {problem}", file=sys.stderr)
            failed += 1
    if not sessions:
        print("No session file could be read; nothing written.", file=sys.stderr)
        return 1
    atomic_write(Path(output), render(sessions).encode("utf-8"))
    print(f"wrote {output}: {len(sessions)} games" + (f", {failed} file(s) skipped" if failed else ""))
    return 1 if failed else 0
