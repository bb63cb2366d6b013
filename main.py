"""Play Iron and Grain.

    python main.py                  the desktop game (mouse or keyboard)
    python main.py --text           the same story in the terminal (screen readers, writers)
    python main.py --story PATH     another story folder; a story with errors prints its
                                    diagnostics and exits with status 1
    python main.py --act ID         one act alone, from its start state
    python main.py --scene ID --set grain=20 --flag hid_grain
                                    any scene, in any state (for writers)
    python main.py --dev            Ctrl+R reloads the story, keeping your place (for writers)
"""
import argparse
import sys

from game.__main__ import add_play_arguments, cmd_play, load_or_report, starting_state


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python main.py", description="Play Iron and Grain.")
    parser.add_argument("--story", default="story", help="story folder (default: story)")
    parser.add_argument("--text", action="store_true", help="play in the terminal instead of a window")
    parser.add_argument("--dev", action="store_true", help="for writers: Ctrl+R reloads the story from disk")
    add_play_arguments(parser)
    args = parser.parse_args(argv)
    args.path = args.story
    if args.text:
        return cmd_play(args)
    story = load_or_report(args.story)  # the same diagnostics as `python -m game check`
    if story is None:
        return 1
    try:
        state = starting_state(story, args) if (args.act or args.scene or args.set or args.flag) else None
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    from game.ui.app import run  # pygame is imported only for the desktop game

    return run(args.story, classroom=args.classroom, state=state, dev=args.dev)


if __name__ == "__main__":
    sys.exit(main())
