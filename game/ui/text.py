"""Laying out prose: wrapping (Chinese too), *emphasis*, glossary terms, typewriter reveal.

    block = layout("The *ladle* of the 公共食堂 ...", width=600, size=24, glossary=matcher)
    block.draw(surface, (x, y), ink, visible=120)   # the first 120 characters, for the typewriter

Text is cut into unbreakable boxes: a Latin word (with any punctuation stuck to it), or a single
Chinese character (Chinese breaks between any two characters, except that closing punctuation
never starts a line and opening punctuation never ends one). Each box is drawn in runs of one
font: EB Garamond (or its italic) for Latin, Noto Serif CJK for Chinese, aligned on a common
baseline. Rendered runs are cached, so a still page costs one blit per run.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Iterable

import pygame

from . import assets

Color = tuple[int, int, int]

NO_BREAK_BEFORE = set("，。、；：？！」』）》〉】…,.;:?!)]’”%")
NO_BREAK_AFTER = set("「『（《〈【([‘“")
_EMPHASIS = re.compile(r"\*([^*\n]+)\*")
_TOKENS = re.compile(r"\s+|\S+")


def is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF \
        or 0x3000 <= code <= 0x303F or 0x20000 <= code <= 0x2FFFF


# ---- glossary matching ------------------------------------------------------------------------

class GlossaryMatcher:
    """Finds glossary terms (and their aliases) in prose, longest first, whole words only."""

    def __init__(self, terms: Iterable[tuple[int, Iterable[str]]]) -> None:
        self.forms: dict[str, int] = {}
        for index, words in terms:
            for word in words:
                if word.strip():
                    self.forms[word.casefold()] = index
        if self.forms:
            ordered = sorted(self.forms, key=len, reverse=True)
            parts = [re.escape(w) if any(is_cjk(c) for c in w) else rf"(?<![\w-]){re.escape(w)}(?![\w-])"
                     for w in ordered]
            self.pattern: re.Pattern | None = re.compile("|".join(parts), re.IGNORECASE)
        else:
            self.pattern = None

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, term index) of each occurrence."""
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self.forms[m.group(0).casefold()]) for m in self.pattern.finditer(text)]


# ---- layout -------------------------------------------------------------------------------------

@dataclass
class Run:
    """A piece of one line in one font: what `draw` blits."""

    text: str
    face: str
    x: int
    y: int  # top of the line
    baseline: int  # from the line's top
    width: int
    term: int | None
    emphasis: bool
    start: int  # index of its first character in reading order, for the typewriter


@dataclass
class Block:
    width: int
    height: int
    size: int
    runs: list[Run] = field(default_factory=list)
    lines: list[tuple[int, int, int]] = field(default_factory=list)  # (y, height, baseline)
    chars: int = 0
    terms: list[tuple[int, pygame.Rect]] = field(default_factory=list)  # glossary hits, first each

    def draw(self, surface: pygame.Surface, pos: tuple[int, int], color: Color, *, emphasis: Color | None = None,
             term_color: Color | None = None, visible: int | None = None, highlight: int | None = None,
             highlight_color: Color | None = None) -> None:
        ox, oy = pos
        for run in self.runs:
            if visible is not None and run.start >= visible:
                break
            text = run.text
            if visible is not None and run.start + len(text) > visible:
                text = text[: visible - run.start]
            ink = emphasis if run.emphasis and emphasis else color
            if run.term is not None and term_color is not None:
                ink = term_color
            fnt = assets.font(run.face, self.size)
            rendered = render(text, run.face, self.size, ink)
            y = oy + run.y + run.baseline - fnt.get_ascent()
            surface.blit(rendered, (ox + run.x, y))
            if run.term is not None and term_color is not None:
                # Glossary terms: a dotted underline, solid when hovered or focused.
                underline_y = oy + run.y + run.baseline + max(2, self.size // 8)
                width = rendered.get_width()
                if highlight == run.term:
                    pygame.draw.line(surface, highlight_color or term_color, (ox + run.x, underline_y),
                                     (ox + run.x + width, underline_y), max(1, self.size // 14))
                else:
                    step = max(3, self.size // 6)
                    for dx in range(0, width, step):
                        pygame.draw.line(surface, term_color, (ox + run.x + dx, underline_y),
                                         (ox + run.x + min(width, dx + step // 2), underline_y), 1)


def layout(text: str, width: int, size: int, *, face: str = "serif", glossary: GlossaryMatcher | None = None,
           paragraph_gap: float = 0.65, line_height: float = 1.42) -> Block:
    """Wrap `text` to `width` pixels at `size`. Blank lines separate paragraphs; single newlines
    inside a paragraph are spaces (YAML block text keeps the writer's line breaks)."""
    block = Block(width=width, height=0, size=size)
    line_px = round(size * line_height)
    seen_terms: set[int] = set()
    y = 0
    index = 0
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    for number, paragraph in enumerate(paragraphs):
        paragraph = " ".join(paragraph.split())
        boxes = _boxes(paragraph, face, glossary, seen_terms)
        y, index = _place(block, boxes, width, size, line_px, y, index)
        if number < len(paragraphs) - 1:
            y += round(line_px * paragraph_gap)
            index += 1  # the paragraph break counts as one character for the typewriter
    block.height = y
    block.chars = index
    return block


@dataclass
class _Box:
    segments: list[tuple[str, str, bool, int | None]]  # (text, face, emphasis, term)
    space_before: bool
    can_break_before: bool


def _spans(paragraph: str, glossary: GlossaryMatcher | None, seen: set[int]) -> list[tuple[str, bool, int | None]]:
    """(text, emphasis, term) spans: *emphasis* markers removed; the first use of each term marked."""
    plain: list[tuple[str, bool]] = []
    last = 0
    for match in _EMPHASIS.finditer(paragraph):
        if match.start() > last:
            plain.append((paragraph[last:match.start()], False))
        plain.append((match.group(1), True))
        last = match.end()
    if last < len(paragraph):
        plain.append((paragraph[last:], False))
    spans: list[tuple[str, bool, int | None]] = []
    for chunk, emphasis in plain:
        cursor = 0
        for start, end, term in (glossary.find(chunk) if glossary else ()):
            if term in seen or start < cursor:
                continue
            seen.add(term)
            if start > cursor:
                spans.append((chunk[cursor:start], emphasis, None))
            spans.append((chunk[start:end], emphasis, term))
            cursor = end
        if cursor < len(chunk):
            spans.append((chunk[cursor:], emphasis, None))
    return spans


def _face_for(char: str, face: str, emphasis: bool) -> str:
    if is_cjk(char):
        return "cjk"
    if emphasis and face == "serif":
        return "serif_italic"
    if emphasis and face == "sans":
        return "sans_bold"
    return face


def _boxes(paragraph: str, face: str, glossary: GlossaryMatcher | None, seen: set[int]) -> list[_Box]:
    boxes: list[_Box] = []
    pending_space = False
    for text, emphasis, term in _spans(paragraph, glossary, seen):
        for token in _TOKENS.findall(text):
            if token.isspace():
                pending_space = True
                continue
            for char in token:
                char_face = _face_for(char, face, emphasis)
                joins_previous = bool(boxes) and not pending_space and (
                    char in NO_BREAK_BEFORE
                    or (boxes[-1].segments and boxes[-1].segments[-1][0][-1:] in NO_BREAK_AFTER)
                    or not (is_cjk(char) or _ends_cjk(boxes[-1])))
                if joins_previous:
                    last = boxes[-1].segments[-1]
                    if last[1] == char_face and last[2] == emphasis and last[3] == term:
                        boxes[-1].segments[-1] = (last[0] + char, char_face, emphasis, term)
                    else:
                        boxes[-1].segments.append((char, char_face, emphasis, term))
                else:
                    boxes.append(_Box([(char, char_face, emphasis, term)], pending_space,
                                      can_break_before=True))
                pending_space = False
    return boxes


def _ends_cjk(box: _Box) -> bool:
    last = box.segments[-1][0]
    return bool(last) and is_cjk(last[-1])


def _width(text: str, face: str, size: int) -> int:
    key = (text, face, size)
    width = _WIDTHS.get(key)
    if width is None:
        width = assets.font(face, size).size(text)[0]
        if len(_WIDTHS) > 20000:
            _WIDTHS.clear()
        _WIDTHS[key] = width
    return width


_WIDTHS: dict[tuple[str, str, int], int] = {}


def _place(block: Block, boxes: list[_Box], width: int, size: int, line_px: int, y: int,
           index: int) -> tuple[int, int]:
    space = _width(" ", "serif", size)
    lines: list[list[tuple[_Box, int]]] = [[]]
    x = 0
    for box in boxes:
        box_width = sum(_width(text, face, size) for text, face, _e, _t in box.segments)
        gap = space if box.space_before and lines[-1] else 0
        if lines[-1] and x + gap + box_width > width and box.can_break_before:
            lines.append([])
            x, gap = 0, 0
        lines[-1].append((box, x + gap))
        x += gap + box_width
    for line in lines:
        if not line:
            continue
        ascent = max(assets.font(face, size).get_ascent() for box, _x in line for _t, face, _e, _term in box.segments)
        height = max(line_px, ascent + max(assets.font(face, size).get_descent() * -1
                                           for box, _x in line for _t, face, _e, _term in box.segments))
        baseline = ascent + (line_px - ascent) // 3 if line_px > ascent else ascent
        block.lines.append((y, height, baseline))
        for box, x in line:
            if box.space_before and x > 0:
                index += 1
            for text, face, emphasis, term in box.segments:
                run_width = _width(text, face, size)
                block.runs.append(Run(text, face, x, y, baseline, run_width, term, emphasis, index))
                if term is not None and not any(t == term for t, _r in block.terms):
                    block.terms.append((term, pygame.Rect(x, y, run_width, height)))
                elif term is not None:  # a term split over two runs: grow its hit area
                    for i, (t, rect) in enumerate(block.terms):
                        if t == term and rect.y == y:
                            block.terms[i] = (t, rect.union(pygame.Rect(x, y, run_width, height)))
                x += run_width
                index += len(text)
        y += height
    return y, index


# ---- rendering cache ----------------------------------------------------------------------------

_RENDERED: "OrderedDict[tuple, pygame.Surface]" = OrderedDict()
_RENDER_CACHE_SIZE = 3000


def render(text: str, face: str, size: int, color: Color) -> pygame.Surface:
    """A run of text rendered once and reused (least recently used runs are dropped)."""
    key = (text, face, size, color)
    surface = _RENDERED.get(key)
    if surface is not None:
        _RENDERED.move_to_end(key)
        return surface
    surface = assets.font(face, size).render(text, True, color)
    _RENDERED[key] = surface
    if len(_RENDERED) > _RENDER_CACHE_SIZE:
        _RENDERED.popitem(last=False)
    return surface


def line(text: str, face: str, size: int, color: Color) -> pygame.Surface:
    """One line of interface text (labels, buttons), Chinese included, on one baseline."""
    if not any(is_cjk(c) for c in text):
        return render(text, face, size, color)
    block = layout(text, 100000, size, face=face, line_height=1.2)
    surface = pygame.Surface((max(1, max((r.x + r.width for r in block.runs), default=1)), max(1, block.height)),
                             pygame.SRCALPHA)
    block.draw(surface, (0, 0), color)
    return surface


def clear_caches() -> None:
    _RENDERED.clear()
    _WIDTHS.clear()
