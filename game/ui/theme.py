"""The look: palette, type scale and spacing, computed from the window and the settings.

Paper and ink. The palette is that of a 1950s woodcut print: warm paper, brown-black ink,
vermilion and ochre. It drains toward grey as the story moves into the famine (`mood` 0 is the
spring of 1958, 1 the winter of 1960) and warms a little with the retreat of 1961-62. High
contrast keeps the layout and swaps in black on white with a dark red, for projectors and for
players who need it.

Every size in the interface comes from `Theme`: one type scale (a base size from the window
height times the player's text size) and one spacing unit, so layouts stay in proportion from
1024x600 to 3840x2160.
"""
from __future__ import annotations

from dataclasses import dataclass

Color = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    paper: Color  # the page
    card: Color  # panels and buttons, a shade off the page
    ink: Color  # body text
    ink_soft: Color  # secondary text: captions, dates, locked choices
    rule: Color  # hairlines and meter tracks
    accent: Color  # vermilion: focus ring, emphasis, losses
    accent2: Color  # ochre: hover, gains of standing
    good: Color  # gains
    bad: Color  # losses
    shade: Color  # the veil behind modal screens


WARM = Palette(
    paper=(239, 230, 210), card=(246, 239, 224), ink=(43, 38, 32), ink_soft=(102, 92, 78), rule=(196, 184, 160),
    accent=(178, 58, 42), accent2=(200, 155, 60), good=(84, 110, 60), bad=(168, 52, 38), shade=(30, 26, 22),
)
GREY = Palette(
    paper=(217, 212, 199), card=(226, 222, 211), ink=(44, 42, 39), ink_soft=(98, 94, 88), rule=(178, 172, 160),
    accent=(138, 66, 54), accent2=(160, 136, 90), good=(86, 98, 74), bad=(132, 58, 48), shade=(26, 25, 24),
)
HIGH_CONTRAST = Palette(
    paper=(255, 255, 255), card=(255, 255, 255), ink=(0, 0, 0), ink_soft=(40, 40, 40), rule=(0, 0, 0),
    accent=(150, 0, 0), accent2=(0, 70, 160), good=(0, 100, 0), bad=(150, 0, 0), shade=(0, 0, 0),
)


def mix(a: Color, b: Color, t: float) -> Color:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def palette_for(mood: float, high_contrast: bool = False) -> Palette:
    if high_contrast:
        return HIGH_CONTRAST
    t = min(1.0, max(0.0, mood))
    return Palette(*(mix(w, g, t) for w, g in zip(vars(WARM).values(), vars(GREY).values())))


# Story dates mapped to how far the famine has deepened (linear between these points).
_MOOD_POINTS = ((1958.0, 0.0), (1958.75, 0.15), (1959.0, 0.3), (1959.6, 0.5), (1960.0, 0.8), (1960.9, 1.0),
                (1961.5, 0.8), (1962.5, 0.5), (1966.0, 0.4))


def mood_for_date(date: str) -> float:
    """'1958-09' -> 0.14; '1960-11' -> 1.0. Unknown dates are treated as spring 1958."""
    year, _, month = date.partition("-")
    try:
        when = int(year) + ((int(month) - 1) / 12 if month else 0.5)
    except ValueError:
        return 0.0
    if when <= _MOOD_POINTS[0][0]:
        return _MOOD_POINTS[0][1]
    for (x0, y0), (x1, y1) in zip(_MOOD_POINTS, _MOOD_POINTS[1:]):
        if when <= x1:
            return y0 + (y1 - y0) * (when - x0) / (x1 - x0)
    return _MOOD_POINTS[-1][1]


# The type scale: each role's size as a multiple of the base size.
TYPE_SCALE = {
    "caption": 0.78,  # dates, hints, source lines
    "ui": 0.9,  # buttons and labels (Noto Sans)
    "body": 1.0,  # prose (EB Garamond)
    "lead": 1.2,  # headings inside a screen
    "title": 1.7,  # a screen's title
    "display": 2.8,  # the game's name on the title screen
}


@dataclass(frozen=True)
class Theme:
    width: int
    height: int
    text_scale: float
    palette: Palette
    reduced_motion: bool = False
    projector: bool = False  # classroom projector layout: larger type, no small text

    @property
    def base(self) -> int:
        """The body text size in pixels: readable at 1024x600, not huge at 4K."""
        size = min(self.height / 30, self.width / 48)
        if self.projector:
            size *= 1.35
        return max(14, round(size * self.text_scale))

    def size(self, role: str) -> int:
        scale = TYPE_SCALE[role]
        if self.projector and scale < 1:
            scale = 1.0  # no small text on a projector
        return max(11, round(self.base * scale))

    @property
    def unit(self) -> int:
        """The spacing unit: half a line of body text, at least 6 px."""
        return max(6, round(min(self.height / 60, self.width / 96)))

    @property
    def margin(self) -> int:
        return self.unit * 3

    @property
    def measure(self) -> int:
        """The widest a column of prose should be: about 68 characters of body text."""
        return round(self.base * 31)

    @property
    def line_height(self) -> int:
        return round(self.base * 1.42)

    @property
    def radius(self) -> int:
        return max(3, self.unit // 2)

    @property
    def focus_width(self) -> int:
        return max(2, round(self.unit / 3))
