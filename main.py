"""Play Iron and Grain.

Until the desktop front end lands, this runs the terminal player:
    python main.py [--story PATH] [--act ID] [--classroom]
A story with errors prints its diagnostics and exits with status 1.
"""
import argparse
import sys

from game.__main__ import add_play_arguments, cmd_play


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python main.py", description="Play Iron and Grain.")
    parser.add_argument("--story", default="story", help="story folder (default: story)")
    add_play_arguments(parser)
    args = parser.parse_args(argv)
    args.path = args.story
    return cmd_play(args)


if __name__ == "__main__":
    sys.exit(main())
