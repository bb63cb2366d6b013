"""Command line: `python -m game check|explore|play|plan|stats|graph|report|class-report|schema ...`.

Every command takes a story folder (default: story/). Exit status: 0 when all is well, 1 when
the command found problems, 2 for a usage mistake.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_STORY = "story"


def load_or_report(path: str):
    """Load a story for a command that needs a working one; print problems and return None if not."""
    from game.core.diagnostics import count, sort_key, summary
    from game.core.loader import display_path, find_story_root, load_story

    if Path(path).is_file():
        # Only check reads one file alone; the others play or count the story the file is in.
        root = find_story_root(Path(path))
        if root is None:
            print(f"'{path}' is a file with no story.yaml above it: give the story folder instead "
                  f"(for example: story).", file=sys.stderr)
            return None
        print(f"note: '{path}' is one file; using the story it belongs to, {display_path(root)}.", file=sys.stderr)
        path = str(root)
    story, diags = load_story(path)
    errors, _ = count(diags)
    if errors or story is None:
        for d in sorted(diags, key=sort_key):  # as `check` prints them, warnings too
            print(d.format(), file=sys.stderr)
        print(summary(diags, len(story.files) if story else 0), file=sys.stderr)
        print(f"The story in '{path}' has errors; fix them and try again "
              f"(python -m game check {path}).", file=sys.stderr)
        return None
    return story


def cmd_check(args: argparse.Namespace) -> int:
    from game.tools import check

    return check.run(args.path, as_json=args.json, errors_only=args.errors_only)


def cmd_explore(args: argparse.Namespace) -> int:
    from game.tools import explore

    story = load_or_report(args.path)
    if story is None:
        return 1
    return explore.run(story, cap=args.cap, random_count=args.random, seed=args.seed)


def cmd_play(args: argparse.Namespace) -> int:
    from game.core import engine
    from game.core.saves import SaveStore
    from game.tools.textplay import TextPlayer, default_save_folder

    story = load_or_report(args.path)
    if story is None:
        return 1
    if args.act and args.act not in story.acts:
        print(f"No act '{args.act}'. Acts: {', '.join(story.acts) or 'none'}.", file=sys.stderr)
        return 2
    try:
        state = starting_state(story, args)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    if getattr(args, "random_seed", None) is not None:
        return play_random(story, state, args)
    if getattr(args, "session", None):
        print("--session writes the session of a --random-seed game; to hand in your own game, "
              "export it from the ending screen.", file=sys.stderr)
        return 2
    saves = None if args.no_saves else SaveStore(args.saves or default_save_folder())
    player = TextPlayer(story, level="classroom" if args.classroom else "full", saves=saves)
    player.play(state)
    return 0


def play_random(story, state, args: argparse.Namespace) -> int:
    """A whole game with seeded random choices and no input: for demos, tests and sample reports."""
    import random
    from datetime import datetime, timedelta, timezone

    from game.core import session
    from game.core.files import atomic_write
    from game.tools.stats import walk

    # The same walk and time model as `stats`, so the session's time is the stats tool's estimate.
    minutes, state, stuck = walk(story, random.Random(args.random_seed), state, max_steps=10_000)
    if stuck:
        print(f"The game is stuck at scene '{state.scene}': no choice is open there "
              f"(python -m game explore {args.path} finds such dead ends).", file=sys.stderr)
        return 1
    level = "classroom" if args.classroom else "full"
    seconds = minutes * 60  # with a fixed clock below, the file is the same for the same seed
    began = datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc)
    data = session.build(story, state, level=level, started=began.isoformat(),
                         finished=(began + timedelta(seconds=round(seconds))).isoformat(), seconds_played=seconds)
    ending = data["ending"]["title"] if data["ending"] else f"no ending (stopped at {state.scene})"
    print(f"Seed {args.random_seed}: {len(state.log)} choices, ending: {ending}.")
    if args.session:
        atomic_write(Path(args.session), session.dumps(data))
        print(f"wrote {args.session}")
    return 0


def parse_assignments(stat_args: list[str], flag_args: list[str]) -> tuple[dict[str, int], dict[str, bool]]:
    """`--set grain=30` and `--flag hid_grain` (or `--flag hid_grain=false`) as dictionaries."""
    stats: dict[str, int] = {}
    for item in stat_args:
        name, sep, value = item.partition("=")
        try:
            stats[name.strip()] = int(value)
        except ValueError:
            raise ValueError(f"--set {item}: write it as stat=number, for example --set grain=30") from None
        if not sep:
            raise ValueError(f"--set {item}: write it as stat=number, for example --set grain=30")
    flags: dict[str, bool] = {}
    for item in flag_args:
        name, sep, value = item.partition("=")
        if sep and value.strip().lower() not in ("true", "false"):
            raise ValueError(f"--flag {item}: write --flag name to set it, or --flag name=false to clear it")
        flags[name.strip()] = not sep or value.strip().lower() == "true"
    return stats, flags


def starting_state(story, args: argparse.Namespace):
    """The game state the command line asks for: a new game, an act alone (--act), or any scene
    in any state (--scene, --set, --flag). Raises ValueError with a message for the user."""
    from game.core import engine

    stats, flags = parse_assignments(args.set or [], args.flag or [])
    if args.scene and args.act:
        raise ValueError("--scene and --act both say where to start: give one of them")
    try:
        if args.scene:
            return engine.start_at(story, args.scene, stats, flags)
        if stats or flags:
            start = story.acts[args.act].start if args.act in story.acts else story.start
            if args.act and args.act not in story.acts:
                raise ValueError(f"No act '{args.act}'. Acts: {', '.join(story.acts) or 'none'}.")
            return engine.start_at(story, start, stats, flags)
        return engine.new_game(story, args.act)
    except engine.EngineError as problem:
        raise ValueError(f"Cannot start there: {problem}.") from None


def cmd_plan(args: argparse.Namespace) -> int:
    from game.tools import plans

    return plans.run(args.plans)


def cmd_stats(args: argparse.Namespace) -> int:
    from game.tools import stats

    story = load_or_report(args.path)
    if story is None:
        return 1
    return stats.run(story, as_json_output=args.json)


def cmd_graph(args: argparse.Namespace) -> int:
    from game.tools import graph

    story = load_or_report(args.path)
    if story is None:
        return 1
    fmt = args.format or (Path(args.output).suffix.lstrip(".") if args.output else "dot")
    if fmt == "mmd":
        fmt = "mermaid"
    if fmt not in graph.FORMATS:
        print(f"Unknown format '{fmt}': choose one of {', '.join(graph.FORMATS)}.", file=sys.stderr)
        return 2
    return graph.run(story, fmt, args.output)


def cmd_report(args: argparse.Namespace) -> int:
    from game.tools import report

    return report.run(args.session, args.output, teacher=args.teacher)


def cmd_class_report(args: argparse.Namespace) -> int:
    from game.tools import class_report

    return class_report.run(args.sessions, args.output)


def cmd_schema(args: argparse.Namespace) -> int:
    from game.core.files import atomic_write
    from game.tools.schema import render

    text = render()
    if args.output:
        atomic_write(Path(args.output), text.encode("utf-8"))
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def add_play_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--act", help="start an act alone, from its start state")
    parser.add_argument("--classroom", action="store_true", help="classroom content level")
    parser.add_argument("--saves", help="folder for save slots (default: your user data folder)")
    parser.add_argument("--no-saves", action="store_true", help="do not read or write saves")
    parser.add_argument("--scene", metavar="ID", help="start at this scene (from its act's start state)")
    parser.add_argument("--set", action="append", metavar="STAT=N", help="start with a stat at N (repeatable)")
    parser.add_argument("--flag", action="append", metavar="NAME[=false]",
                        help="start with a flag set, or cleared with =false (repeatable)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m game", description="Iron and Grain story tools.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("check", help="report every problem in a story")
    p.add_argument("path", nargs="?", default=DEFAULT_STORY, help="story folder or one file (default: story)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--errors-only", action="store_true", help="leave warnings out")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("explore", help="play every path; report dead ends and unreachable endings")
    p.add_argument("path", nargs="?", default=DEFAULT_STORY)
    p.add_argument("--cap", type=int, default=200_000, help="most states to explore (default 200000)")
    p.add_argument("--random", type=int, default=0, metavar="N", help="play N seeded random games instead")
    p.add_argument("--seed", type=int, default=0, help="seed for --random (default 0)")
    p.set_defaults(func=cmd_explore)

    p = sub.add_parser("play", help="play in the terminal with numbered choices")
    p.add_argument("path", nargs="?", default=DEFAULT_STORY)
    add_play_arguments(p)
    p.add_argument("--random-seed", type=int, metavar="N",
                   help="play a whole game with seeded random choices, without input")
    p.add_argument("--session", metavar="FILE", help="with --random-seed: write the game's session file here")
    p.set_defaults(func=cmd_play)

    p = sub.add_parser("plan", help="run golden playthrough plans (*.plan files or folders of them)")
    p.add_argument("plans", nargs="+", metavar="PLAN")
    p.set_defaults(func=cmd_plan)

    p = sub.add_parser("stats", help="count scenes, choices, words and minutes, per act and in total")
    p.add_argument("path", nargs="?", default=DEFAULT_STORY)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("graph", help="draw the story as a map: scenes by act, endings, conditions")
    p.add_argument("path", nargs="?", default=DEFAULT_STORY)
    p.add_argument("--format", choices=("dot", "mermaid", "svg", "png"),
                   help="default: from the output file's extension, else dot")
    p.add_argument("-o", "--output", help="write to this file (required for svg and png)")
    p.set_defaults(func=cmd_graph)

    p = sub.add_parser("report", help="a playthrough as one HTML file to print or hand in")
    p.add_argument("session", metavar="SESSION.json")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")
    p.add_argument("--teacher", action="store_true", help="add the teacher's notes under the prompts")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("class-report", help="many students' session files merged into one HTML page")
    p.add_argument("sessions", nargs="+", metavar="SESSION.json")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")
    p.set_defaults(func=cmd_class_report)

    p = sub.add_parser("schema", help="print the JSON Schema of the story format")
    p.add_argument("-o", "--output", help="write to this file")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into head
        return 0


if __name__ == "__main__":
    sys.exit(main())
