"""`python -m game report SESSION.json -o report.html`: a playthrough to print or hand in.

One self-contained HTML file: styles inline, the stat chart as inline SVG, no scripts, no fonts or
images fetched, so it opens from a USB stick with no network and prints cleanly (A4 or Letter).
It reads only the session file, which carries every text the player read, so the report needs no
copy of the story. `--teacher` adds the teacher's notes under the discussion prompts.
"""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path
from typing import Any, Mapping

from game.core.files import atomic_write
from game.core.session import SessionError, load

STAT_COLOURS = ("#2b2620", "#a8342a", "#9a7a2e", "#4f6b3c", "#3d5a80", "#6b4f80")
STAT_DASHES = ("", "6 3", "2 3", "9 3 2 3", "4 4", "1 3")

CSS = """
@page { size: auto; margin: 18mm 16mm; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #efe6d2; color: #2b2620;
       font: 11.5pt/1.55 Georgia, "Times New Roman", serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; background: #f8f3e8; }
h1 { font-size: 2rem; font-weight: normal; margin: 0 0 .2rem; }
h2 { font-size: 1.35rem; font-weight: normal; margin: 2.4rem 0 .8rem; border-bottom: 2px solid #b23a2a;
     padding-bottom: .25rem; break-after: avoid; }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; break-after: avoid; }
p { margin: .45rem 0; }
.meta, .caption, .sources, .when { font-family: "Helvetica Neue", Arial, sans-serif; font-size: .8rem; color: #5e5447; }
.kicker { font-family: "Helvetica Neue", Arial, sans-serif; font-size: .75rem; letter-spacing: .08em;
          text-transform: uppercase; color: #b23a2a; }
.ending { border-left: 4px solid #b23a2a; padding: .2rem 0 .2rem 1rem; }
.record { background: #efe6d2; padding: .6rem .9rem; border-radius: 4px; }
figure { margin: 1rem 0; break-inside: avoid; }
svg { width: 100%; height: auto; display: block; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; margin-top: .3rem; }
.legend span { white-space: nowrap; }
.legend svg { width: 28px; height: 10px; display: inline-block; vertical-align: middle; }
ol.choices { list-style: none; padding: 0; margin: 0; }
ol.choices > li { padding: .6rem 0 .8rem; border-top: 1px solid #d8ccb4; break-inside: avoid; }
.options { margin: .3rem 0; padding-left: 1.2rem; }
.options li { color: #5e5447; }
.options li.taken { color: #2b2620; font-weight: bold; }
.votes { font-family: "Helvetica Neue", Arial, sans-serif; font-size: .8rem; color: #b23a2a; }
.changes { font-family: "Helvetica Neue", Arial, sans-serif; font-size: .8rem; }
.cites a { color: #b23a2a; }
dl.facts dt { font-weight: bold; margin-top: .9rem; break-after: avoid; }
dl.facts dd { margin: .2rem 0 0 0; break-inside: avoid; }
.prompt { break-inside: avoid; margin: 1.2rem 0 1.6rem; }
.answer { border: 1px solid #b8aa8e; border-radius: 3px; min-height: 7.5rem; padding: .5rem .7rem;
          background: repeating-linear-gradient(#f8f3e8 0 1.9rem, #d8ccb4 1.9rem calc(1.9rem + 1px)); }
.note { font-size: .9rem; color: #5e5447; border-left: 3px solid #c99b3c; padding-left: .8rem; }
footer { margin-top: 3rem; }
@media print {
  body { background: none; font-size: 10.5pt; }
  main { max-width: none; padding: 0; background: none; }
  h2 { break-before: auto; }
  .discussion { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
"""


def _prose(text: str) -> str:
    """Story text as paragraphs: blank lines separate them, *asterisks* mark emphasis."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    out = []
    for paragraph in paragraphs:
        escaped = html.escape(" ".join(paragraph.split()))
        out.append("<p>" + re.sub(r"\*(.+?)\*", r"<em>\1</em>", escaped) + "</p>")
    return "\n".join(out)


def _duration(seconds: int) -> str:
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} minutes"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _years(dates: list[str]) -> list[float]:
    """Each date ('1958-09') as a fractional year; several choices in one month share it out, in
    the order they were made, so the line keeps every step."""
    months: dict[str, int] = {}
    for date in dates:
        months[date] = months.get(date, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for date in dates:
        year, _, month = date.partition("-")
        base = int(year) + ((int(month) - 1) / 12 if month.isdigit() else 0.0)
        share = 1 / 12 if month.isdigit() else 1.0
        number = seen.get(date, 0)
        seen[date] = number + 1
        out.append(base + share * (number + 0.5) / months[date])
    return out


def chart(session: Mapping[str, Any], width: int = 720, height: int = 260) -> str:
    """The stats after each choice over the years, as an inline SVG line chart: each stat scaled to
    its own range, a tick for each year, the acts named where they begin. Lines differ in dash as
    well as colour, so a grey print reads."""
    stats: Mapping[str, Mapping[str, Any]] = session["stats"]
    choices = session["choices"]
    left, right, top, bottom = 46, 12, 12, 64
    plot_w, plot_h = width - left - right, height - top - bottom
    times = _years([c["date"] for c in choices]) if choices else [1958.0]
    first_year = int(min(times))
    last_year = int(max(times)) + 1
    span = max(1e-6, last_year - first_year)

    def x_at(when: float) -> float:
        return left + plot_w * (when - first_year) / span

    font = 'font-family="Arial, sans-serif" fill="#5e5447"'
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="The stats after each choice, over the years">']
    for fraction, label in ((1.0, "High"), (0.5, ""), (0.0, "Low")):
        y = top + plot_h * (1 - fraction)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#d8ccb4"/>')
        if label:
            parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" {font}>{label}</text>')
    for year in range(first_year, last_year + 1):
        x = x_at(year)
        parts.append(f'<line x1="{x:.1f}" y1="{top + plot_h}" x2="{x:.1f}" y2="{top + plot_h + 5}" stroke="#5e5447"/>')
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 18}" text-anchor="middle" font-size="11" {font}>{year}</text>')
    previous = None
    row_ends = [float("-inf")] * 3  # acts that begin close together take turns on three rows
    for when, choice in zip(times, choices):  # where each act begins: a hairline and its name
        if choice.get("act") != previous:
            previous = choice.get("act")
            x = x_at(when)
            name = str(previous).capitalize()
            label_width = 6 * len(name)
            anchor = ' text-anchor="end"' if x + 3 + label_width > width - right else ""
            label_x = width - right if anchor else x + 3
            start = label_x - label_width if anchor else label_x
            row = next((r for r, end in enumerate(row_ends) if start > end + 4), None)
            parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" stroke="#b8aa8e" '
                         f'stroke-dasharray="2 3"/>')
            if row is not None:
                row_ends[row] = start + label_width
                parts.append(f'<text x="{label_x:.1f}" y="{top + plot_h + 32 + row * 12}" font-size="10"{anchor} '
                             f'{font}>{html.escape(name)}</text>')
    for index, (name, stat) in enumerate(stats.items()):
        scale = max(1, stat["max"] - stat["min"])
        values = [stat["start"]] + [c["stats"].get(name, stat["start"]) for c in choices]
        xs = [x_at(times[0]) - 4] + [x_at(t) for t in times] if choices else [x_at(times[0])]
        points = " ".join(f"{x:.1f},{top + plot_h * (1 - (v - stat['min']) / scale):.1f}" for x, v in zip(xs, values))
        dash = STAT_DASHES[index % len(STAT_DASHES)]
        parts.append(f'<polyline data-stat="{html.escape(name)}" points="{points}" fill="none" '
                     f'stroke="{STAT_COLOURS[index % len(STAT_COLOURS)]}" stroke-width="2.2" '
                     f'stroke-linejoin="round"' + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
    parts.append("</svg>")
    legend = []
    for index, (name, stat) in enumerate(stats.items()):
        end = choices[-1]["stats"].get(name, stat["start"]) if choices else stat["start"]
        dash = STAT_DASHES[index % len(STAT_DASHES)]
        sample = (f'<svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true"><line x1="0" y1="5" x2="28" '
                  f'y2="5" stroke="{STAT_COLOURS[index % len(STAT_COLOURS)]}" stroke-width="2.5"'
                  + (f' stroke-dasharray="{dash}"' if dash else "") + "/></svg>")
        legend.append(f'<span>{sample} {html.escape(stat["label"])}: {stat["start"]} → {end} '
                      f'<span class="caption">(of {stat["max"]})</span></span>')
    return "".join(parts) + f'<div class="legend meta">{"".join(legend)}</div>'


def render(session: Mapping[str, Any], *, teacher: bool = False) -> str:
    e = html.escape
    story = session["story"]
    ending = session.get("ending")
    choices = session["choices"]
    facts: Mapping[str, Mapping[str, Any]] = session["facts"]
    title = f"{story['title']}: a playthrough"
    level = "classroom" if session.get("level") == "classroom" else "full"
    meta = [f"{len(choices)} choices"]
    if session.get("seconds_played"):
        meta.append(f"played for about {_duration(session['seconds_played'])}")
    if session.get("finished"):
        meta.append(f"finished {e(session['finished'][:10])}")
    meta.append(f"content level: {level}")
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{e(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>", "<main>",
           f'<p class="kicker">{e(story["title"])}</p>',
           f"<h1>{e(ending['title']) if ending else 'A game not yet finished'}</h1>",
           f'<p class="meta">{" · ".join(meta)}</p>',
           '<p class="meta">Name: ______________________________ &nbsp; Class: ____________ &nbsp; '
           'Date: ____________</p>']
    if ending:
        out += ['<section class="ending">', f'<p class="kicker">The ending · {e(ending.get("when", ""))}</p>',
                _prose(ending["text"]), "</section>",
                '<h3>What the record says</h3>', f'<div class="record">{_prose(ending["epilogue"])}</div>']
    out += ["<h2>The village over the years</h2>", "<figure>", chart(session),
            '<figcaption class="caption">Each line is one stat after each choice, over the years, from its lowest '
            "(bottom) to its highest (top) possible value; dotted lines mark where an act begins.</figcaption>",
            "</figure>"]
    out.append("<h2>Your choices</h2>")
    out.append('<ol class="choices">')
    for choice in choices:
        options = choice.get("options") or [choice["choice_text"]]
        votes = choice.get("votes")
        items = []
        for number, option in enumerate(options):
            taken = number == choice.get("choice", -1)
            vote = (f' <span class="votes">{votes[number]} vote{"s" if votes[number] != 1 else ""}</span>'
                    if votes and number < len(votes) else "")
            items.append(f'<li class="{"taken" if taken else ""}">{e(option)}{" ✓" if taken else ""}{vote}</li>')
        changes = ", ".join(f"{e(session['stats'][name]['label'])} {'+' if delta > 0 else ''}{delta}"
                            for name, delta in choice.get("changes", {}).items() if name in session["stats"])
        cites = ", ".join(f'<a href="#{e(fid)}">{e(fid)}</a>' for fid in choice["history"])
        out += ["<li>", f'<p class="when">{e(choice.get("when", choice["date"]))} · {e(choice.get("place", ""))}</p>',
                f'<ol class="options">{"".join(items)}</ol>' if len(options) > 1
                else f'<p><strong>{e(choice["choice_text"])}</strong></p>',
                _prose(choice["outcome"]),
                (f'<p class="changes">{changes}</p>' if changes else ""),
                f'<p class="cites caption">In history: {cites}</p>', "</li>"]
    out.append("</ol>")
    out.append("<h2>In history: the facts your choices rest on</h2>")
    out.append('<dl class="facts">')
    for fid, fact in facts.items():
        sources = "; ".join(e(s) for s in fact.get("sources", []))
        out += [f'<dt id="{e(fid)}">{e(fid)} · {e(fact["title"])} <span class="when">({e(fact["when"])})</span></dt>',
                f"<dd>{_prose(fact['claim'])}", f'<p class="sources">Sources: {sources}</p></dd>']
    out.append("</dl>")
    if session["prompts"]:
        out.append('<section class="discussion">')
        out.append("<h2>To discuss</h2>")
        act = None
        for prompt in session["prompts"]:
            if prompt["act"] != act:
                act = prompt["act"]
                out.append(f"<h3>{e(prompt['act_title'])}</h3>")
            answer = e(prompt.get("answer", ""))
            out += ['<div class="prompt">', f"<p>{e(prompt['prompt'])}</p>", f'<div class="answer">{answer}</div>']
            if teacher:
                out.append(f'<p class="note"><strong>Teacher\'s note.</strong> {e(prompt["teacher_note"])}</p>')
            out.append("</div>")
        out.append("</section>")
    out += ['<footer class="caption">',
            "<p>Yangshuwan, its people and their numbers are invented; the facts cited are documented, "
            "each with the sources players may check. Where sources disagree, the report gives their range.</p>",
            f"<p>Made by Iron and Grain from a session file (story {e(story.get('content_hash', '')[:12])}).</p>",
            "</footer>", "</main>", "</body>", "</html>"]
    return "\n".join(part for part in out if part)


def run(session_path: str, output: str, *, teacher: bool = False) -> int:
    try:
        session = load(Path(session_path))
    except SessionError as problem:
        print(problem, file=sys.stderr)
        return 1
    atomic_write(Path(output), render(session, teacher=teacher).encode("utf-8"))
    print(f"wrote {output}")
    return 0
