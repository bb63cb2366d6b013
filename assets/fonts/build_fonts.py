"""Build the game's fonts: subsets of OFL fonts holding every character the story uses.

    apt-get install fonts-ebgaramond fonts-noto-core fonts-noto-cjk   # the source fonts
    pip install fonttools                                             # the subsetter
    python assets/fonts/build_fonts.py

Writes, next to this script:
  ebgaramond-regular.otf, ebgaramond-italic.otf                       prose and titles (EB Garamond;
                                                                       its bold lacks pinyin, so none)
  notosans-regular.ttf, notosans-bold.ttf                              interface (Noto Sans)
  notoserifcjk-sc.otf                                                  Chinese (Noto Serif CJK SC)
  coverage.json                                                        what each font can draw
  OFL.txt                                                              the licence of all of them

`python -m game check` reads coverage.json and reports any character in the story that no
shipped font can draw (E601); run this script again after adding new Chinese characters.
Subsetting keeps the game small: the full Noto CJK collection is over 100 MB, the subset a few
hundred KB.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SOURCES = {
    "ebgaramond-regular.otf": ("/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf", None),
    "ebgaramond-italic.otf": ("/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Italic.otf", None),
    "notosans-regular.ttf": ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", None),
    "notosans-bold.ttf": ("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", None),
    "notoserifcjk-sc.otf": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"),
}
OFL_SOURCE = Path("/usr/share/doc/fonts-ebgaramond/copyright")

# Characters the interface itself needs, whatever the story says: Latin with pinyin tone marks,
# typographic punctuation, arrows and signs used by the HUD and the menus.
LATIN = (
    [range(0x20, 0x7F), range(0xA0, 0x180), range(0x1CD, 0x1DD), range(0x2010, 0x2028), range(0x2030, 0x203B)]
    + [[0x2190, 0x2191, 0x2192, 0x2193, 0x2212, 0x2022, 0x25B2, 0x25BC, 0x2026, 0x00D7]]
)
CJK_PUNCTUATION = "、。〈〉《》「」『』【】〔〕（），：；？！·—…～"


def story_characters() -> set[str]:
    chars: set[str] = set()
    for path in sorted((REPO / "story").rglob("*.yaml")):
        chars |= set(path.read_text(encoding="utf-8"))
    return {c for c in chars if c.isprintable()}


def is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF \
        or 0x3000 <= code <= 0x303F or 0x20000 <= code <= 0x2FFFF


def open_font(path: str, name: str | None) -> TTFont:
    if name is None:
        return TTFont(path)
    for font in TTCollection(path).fonts:
        if font["name"].getDebugName(4) == name:
            return font
    raise SystemExit(f"{path} holds no face named {name!r}")


def subset_font(source: TTFont, codepoints: set[int], out: Path) -> set[int]:
    available = set(source.getBestCmap())
    wanted = codepoints & available
    options = subset.Options()
    options.layout_features = ["*"]  # keep kerning and ligatures
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted))
    subsetter.subset(source)
    source.save(out)
    return wanted


def ranges(codepoints: set[int]) -> list[list[int]]:
    result: list[list[int]] = []
    for code in sorted(codepoints):
        if result and result[-1][1] == code - 1:
            result[-1][1] = code
        else:
            result.append([code, code])
    return result


def ofl_text() -> str:
    text = OFL_SOURCE.read_text(encoding="utf-8")
    body = text.split("License: OFL-1.1", 1)[1]
    lines = []
    for line in body.splitlines():
        if re.match(r"\S", line):  # the next stanza of the copyright file
            break
        line = line[4:] if line.startswith("    ") else line.strip()
        lines.append("" if line == "." else line)
    return "\n".join(lines).strip() + "\n"


def main() -> int:
    chars = story_characters()
    latin = {code for block in LATIN for code in block} | {ord(c) for c in chars if not is_cjk(c)}
    cjk = {ord(c) for c in chars if is_cjk(c)} | {ord(c) for c in CJK_PUNCTUATION}
    coverage: dict[str, list[list[int]]] = {}
    notices: list[str] = []
    for name, (path, face) in SOURCES.items():
        wanted = cjk if "cjk" in name else latin
        font = open_font(path, face)
        notices.append(f"{name}: {font['name'].getDebugName(4)}. {font['name'].getDebugName(0)}")
        drawn = subset_font(font, wanted, HERE / name)
        coverage[name] = ranges(drawn)
        size = (HERE / name).stat().st_size
        print(f"{name:28} {len(drawn):5} characters  {size / 1024:6.0f} KB")
    missing = sorted(c for c in chars if not any(lo <= ord(c) <= hi for r in coverage.values() for lo, hi in r))
    (HERE / "coverage.json").write_text(json.dumps(coverage, separators=(",", ":")) + "\n", encoding="utf-8")
    (HERE / "OFL.txt").write_text(
        "Subsets made by build_fonts.py from Debian's fonts-ebgaramond (EB Garamond, 2010-2012 Georg\n"
        "Duffner), fonts-noto-core and fonts-noto-cjk. Each font's own notice:\n"
        + "".join(f"  {notice}\n" for notice in notices)
        + "\nAll are licensed under the SIL Open Font License, Version 1.1, reproduced below.\n\n"
        + ofl_text(), encoding="utf-8")
    if missing:
        print("no source font can draw: " + " ".join(f"{c} (U+{ord(c):04X})" for c in missing))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
