"""The ending: the last scene, the ending's name and its epilogue, then a debrief.

The first page is the ending as prose beside the act's art (or the epilogue's art when there is
one). Enter turns to the debrief: the player's stats over the years as a line chart, then every
choice made beside the history it rests on ("In the village" / "In China"), grouped by act.
Nothing is scored and nothing celebrates: this is the end of a story about a famine.

Keys: Enter or Space turns to the debrief; arrows, PageUp/PageDown, Home/End and the wheel
scroll; Tab (and Left/Right) move the focus among the buttons; Esc pauses.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

import pygame

from game.core.model import Scene, Story, date_label
from game.core.state import GameState, LogEntry

from .. import assets, text
from ..page import Page, draw_art, page_layout
from ..screen import Screen
from ..theme import Color, mix
from ..widgets import Button, ScrollView, blit_line, panel

EPILOGUE_ART = "epilogue.png"
MARKERS = ("circle", "square", "diamond", "triangle")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# ---- the chart's data: pure, so it can be tested without a window ------------------------------

@dataclass(frozen=True)
class ChartPoint:
    """The stats at one moment: before the first choice, then after each choice."""

    when: float  # fractional year
    stats: Mapping[str, int]


def date_span(date: str) -> tuple[float, float] | None:
    """The stretch of time a story date covers: '1958-09' -> (1958.667, 1/12); '1958' -> (1958.0, 1.0)."""
    year, _, month = date.partition("-")
    try:
        start = float(int(year))
    except ValueError:
        return None
    if month.isdigit() and 1 <= int(month) <= 12:
        return start + (int(month) - 1) / 12, 1 / 12
    return start, 1.0


def start_stats(story: Story, state: GameState) -> dict[str, int]:
    """The stats the game began with: the first choice's stats minus its changes (an act played
    alone starts from its own values), else the story's start values."""
    if state.log:
        first = state.log[0]
        return {name: first.stats.get(name, stat.start) - first.changes.get(name, 0)
                for name, stat in story.stats.items()}
    if state.stats:
        return {name: state.stats.get(name, stat.start) for name, stat in story.stats.items()}
    return {name: stat.start for name, stat in story.stats.items()}


def chart_points(story: Story, state: GameState) -> list[ChartPoint]:
    """The start, then one point per log entry, placed by date. Choices made in the same month
    are spread evenly across it, so they read left to right instead of piling up."""
    log = state.log
    points: list[ChartPoint] = []
    groups: list[list[LogEntry]] = []
    for entry in log:
        if groups and groups[-1][0].date == entry.date:
            groups[-1].append(entry)
        else:
            groups.append([entry])
    first_span = date_span(log[0].date) if log else None
    points.append(ChartPoint(first_span[0] if first_span else 0.0, start_stats(story, state)))
    last = points[0].when
    for group in groups:
        span = date_span(group[0].date)
        for rank, entry in enumerate(group):
            when = span[0] + span[1] * (rank + 1) / (len(group) + 1) if span else last
            stats = {name: entry.stats.get(name, points[-1].stats.get(name, stat.start))
                     for name, stat in story.stats.items()}
            points.append(ChartPoint(when, stats))
            last = when
    return points


def normalise(value: float, low: float, high: float) -> float:
    """A stat's value as 0..1 of its range (0.5 when the range is empty)."""
    if high <= low:
        return 0.5
    return min(1.0, max(0.0, (value - low) / (high - low)))


def time_range(points: Sequence[ChartPoint]) -> tuple[float, float, bool]:
    """(start, end, monthly): whole months for a game under a year long, else whole years."""
    if not points:
        return 0.0, 1.0, True
    low = min(p.when for p in points)
    high = max(p.when for p in points)
    if high - low <= 1.0:
        start = math.floor(low * 12 + 1e-6) / 12
        end = math.ceil(high * 12 - 1e-6) / 12
        if end - start < 1 / 12:
            end = start + 1 / 12
        return start, end, True
    start = float(math.floor(low + 1e-6))
    end = float(math.ceil(high - 1e-6))
    return start, max(end, start + 1), False


def map_point(when: float, value: float, low: float, high: float, plot: pygame.Rect,
              span: tuple[float, float]) -> tuple[int, int]:
    """Where a stat's value at a time goes in the plot: time left to right, low to high upwards."""
    x0, x1 = span
    fraction = 0.5 if x1 <= x0 else (when - x0) / (x1 - x0)
    x = plot.x + round(fraction * (plot.width - 1))
    y = plot.bottom - 1 - round(normalise(value, low, high) * (plot.height - 1))
    return x, y


# ---- a scrolling column of pieces ---------------------------------------------------------------

@dataclass
class Piece:
    """One piece of a scrolling page, `height` pixels tall at `y` from the top of the content."""

    height: int
    draw: Callable[[pygame.Surface, pygame.Rect], None] | None = None
    button: Button | None = None
    y: int = 0
    name: str = ""
    words: str = ""  # the text it shows, if it is text


@dataclass
class Column:
    """A scrolled page of pieces: where each piece sits, and the ScrollView that moves them."""

    pieces: list[Piece] = field(default_factory=list)
    height: int = 0
    scroller: ScrollView = field(default_factory=ScrollView)
    view: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))

    def set(self, pieces: list[Piece], track: pygame.Rect) -> None:
        y = 0
        for piece in pieces:
            piece.y = y
            y += piece.height
        self.pieces = pieces
        self.height = y
        self.scroller.place(self.view, track, y)

    @property
    def scroll(self) -> float:
        return self.scroller.offset

    @property
    def limit(self) -> int:
        return self.scroller.limit

    def rect_of(self, piece: Piece) -> pygame.Rect:
        return pygame.Rect(self.view.x, self.view.y - round(self.scroll) + piece.y, self.view.width, piece.height)

    def find(self, name: str) -> Piece | None:
        return next((p for p in self.pieces if p.name == name), None)


# ---- the screen ---------------------------------------------------------------------------------

class EndingScreen(Screen):
    name = "ending"
    shows_game = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page_name = "ending"  # "ending" | "debrief"
        self.page: Page | None = None
        self.ending = Column()
        self.debrief = Column()
        self.footer = pygame.Rect(0, 0, 0, 0)
        self.footer_buttons: list[Button] = []
        self.chart_rect = pygame.Rect(0, 0, 0, 0)  # the plot, on screen, as last drawn
        self.points: list[ChartPoint] = []
        self.rows: list[dict] = []  # one per log entry: what the debrief lists
        self.wide = True
        self._chart_image: pygame.Surface | None = None
        self._button_width = 0

    # -- data -------------------------------------------------------------------------------------
    @property
    def scene(self) -> Scene:
        return self.app.story.scenes[self.app.session.state.scene]

    @property
    def state(self) -> GameState:
        return self.app.session.state

    @property
    def column(self) -> Column:
        return self.ending if self.page_name == "ending" else self.debrief

    def _rows(self) -> list[dict]:
        story = self.app.story
        level = self.app.settings.content_level
        rows = []
        for entry in self.state.log:
            scene = story.scenes.get(entry.scene)
            choice_text = entry.choice_text
            if scene is not None and 0 <= entry.choice < len(scene.choices):
                choice_text = scene.choices[entry.choice].text.get(level)
            act = story.acts.get(entry.act)
            facts = [story.facts[f] for f in entry.history if f in story.facts]
            rows.append({
                "act": act.title if act else entry.act,
                "date": date_label(entry.date),
                "place": scene.place if scene is not None else "",
                "choice": choice_text,
                "facts": [(fact.title, fact.when) for fact in facts],
            })
        return rows

    # -- layout -----------------------------------------------------------------------------------
    def layout(self) -> None:
        self.app.set_mood(self.scene.date)
        self.rows = self._rows()
        self.points = chart_points(self.app.story, self.state)
        self._layout_ending()
        self._layout_debrief()
        self._chart_image = None
        self._set_focus(keep=True)

    def _layout_ending(self) -> None:
        theme = self.theme
        self.page = page_layout(theme, with_hud=False)
        view = self.page.body.copy()
        self.ending.view = view
        width = view.width
        scene = self.scene
        level = self.app.settings.content_level
        act = self.app.story.acts.get(scene.act)
        pieces: list[Piece] = []
        if act is not None:
            pieces.append(self._text_piece(act.title.upper(), width, "sans", theme.size("caption"), "accent",
                                           after=theme.unit // 2, line_height=1.3))
        title = scene.ending.title if scene.ending is not None else "The end"
        pieces.append(self._text_piece(title, width, "serif", theme.size("title"), "ink", after=theme.unit // 2,
                                       line_height=1.15, name="title"))
        where = f"{date_label(scene.date, season=True)}  ·  {scene.place}"
        pieces.append(self._text_piece(where, width, "serif_italic", theme.size("lead"), "ink_soft",
                                       after=theme.unit * 2, line_height=1.3))
        pieces.append(self._text_piece(scene.text.get(level), width, "serif", theme.size("body"), "ink",
                                       after=theme.unit * 2, name="prose"))
        epilogue = scene.ending.epilogue.get(level) if scene.ending is not None else ""
        if epilogue.strip():
            pieces.append(Piece(theme.unit * 3, self._draw_ornament))
            pieces.append(self._text_piece("AFTERWARDS", width, "sans", theme.size("caption"), "accent",
                                           after=theme.unit // 2, line_height=1.3))
            pieces.append(self._text_piece(epilogue, width, "serif", theme.size("body"), "ink",
                                           after=theme.unit * 3, name="epilogue"))
        button = Button("See your debrief", self.show_debrief, key="Enter")
        button_width = min(width, button.badge_width(theme) + text.line(button.label, "sans", theme.size("ui"),
                                                                         (0, 0, 0)).get_width() + theme.unit * 5)
        height = button.measure(theme, button_width)
        pieces.append(Piece(height + theme.unit, button=button, name="button"))
        self._button_width = button_width
        self.ending.set(pieces, self._track(self.ending))

    def _layout_debrief(self) -> None:
        theme = self.theme
        margin = theme.margin
        buttons = [
            Button("Back to the ending", self.show_ending, style="menu"),
            Button("Save report", self.app.export_report, style="menu"),
            Button("Main menu", self.main_menu, style="menu"),
            Button("Play again", self.play_again, style="menu"),
        ]
        # Button draws its label one unit in from the left: one unit on the right centres it.
        widths = [text.line(b.label, "sans", theme.size("ui"), (0, 0, 0)).get_width() + theme.unit * 2 + 2
                  for b in buttons]
        button_height = max(b.measure(theme, w) for b, w in zip(buttons, widths))
        self.footer = pygame.Rect(0, theme.height - button_height - theme.unit * 4, theme.width,
                                  button_height + theme.unit * 4)
        content_width = min(theme.width - margin * 2 - theme.unit * 2, round(theme.base * 52))
        left = (theme.width - content_width) // 2
        x = left + content_width
        for button, width in reversed(list(zip(buttons, widths))):
            x -= width
            button.rect = pygame.Rect(x, self.footer.y + theme.unit * 2, width, button_height)
            x -= theme.unit * 2
        if buttons[0].rect.x < left:  # too narrow for one row: shrink them to share it
            share = (content_width - theme.unit * 2 * (len(buttons) - 1)) // len(buttons)
            for i, button in enumerate(buttons):
                button.rect = pygame.Rect(left + i * (share + theme.unit * 2), self.footer.y + theme.unit * 2,
                                          share, button_height)
        self.footer_buttons = buttons
        self.debrief.view = pygame.Rect(left, margin, content_width, self.footer.y - margin)
        self.wide = content_width >= theme.base * 34
        width = content_width
        pieces: list[Piece] = []
        pieces.append(self._text_piece("DEBRIEF", width, "sans", theme.size("caption"), "accent",
                                       after=theme.unit // 2, line_height=1.3))
        pieces.append(self._text_piece("Looking back", width, "serif", theme.size("title"), "ink",
                                       after=theme.unit // 2, line_height=1.15, name="debrief_title"))
        pieces.append(self._text_piece(self._summary(), width, "serif_italic", theme.size("lead"), "ink_soft",
                                       after=theme.unit * 3, line_height=1.3))
        pieces.append(self._text_piece("YOUR STATS OVER THE YEARS", width, "sans", theme.size("caption"), "accent",
                                       after=theme.unit, line_height=1.3))
        pieces.append(self._chart_piece(width))
        pieces.append(Piece(theme.unit * 3))
        pieces.append(self._text_piece("YOUR CHOICES AND THE RECORD", width, "sans", theme.size("caption"),
                                       "accent", after=theme.unit, line_height=1.3))
        pieces.extend(self._record_pieces(width))
        pieces.append(Piece(theme.unit * 2))
        self.debrief.set(pieces, self._track(self.debrief))

    def _summary(self) -> str:
        scene = self.scene
        count = len(self.state.log)
        title = scene.ending.title if scene.ending is not None else "The end"
        choices = "one choice" if count == 1 else f"{count} choices"
        if self.state.log:
            first = date_label(self.state.log[0].date)
            return f"{title}. {choices[0].upper() + choices[1:]}, from {first} to {date_label(scene.date)}."
        return f"{title}."

    # -- pieces -----------------------------------------------------------------------------------
    def _text_piece(self, words: str, width: int, face: str, size: int, color: str, *, after: int = 0,
                    line_height: float = 1.42, name: str = "") -> Piece:
        block = text.layout(words, width, size, face=face, line_height=line_height)

        def draw(surface: pygame.Surface, rect: pygame.Rect) -> None:
            block.draw(surface, rect.topleft, self._color(color), emphasis=self.palette.ink)

        return Piece(block.height + after, draw, name=name, words=words)

    def _color(self, name: str) -> Color:
        return getattr(self.palette, name)

    def _draw_ornament(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.theme
        y = rect.y + theme.unit
        pygame.draw.line(surface, self.palette.accent, (rect.x, y), (rect.x + theme.unit * 8, y),
                         max(2, theme.unit // 3))

    def _record_pieces(self, width: int) -> list[Piece]:
        theme = self.theme
        pieces: list[Piece] = []
        if not self.rows:
            pieces.append(self._text_piece("No choices were made in this game.", width, "serif_italic",
                                           theme.size("body"), "ink_soft", after=theme.unit))
            return pieces
        gutter = theme.unit * 4
        left_width = (width - gutter) * 9 // 20 if self.wide else width
        right_width = width - gutter - left_width if self.wide else width - theme.unit * 3
        if self.wide:
            head_left = text.layout("In the village", left_width, theme.size("caption"), face="sans_bold",
                                    line_height=1.3)
            head_right = text.layout("In China", right_width, theme.size("caption"), face="sans_bold",
                                     line_height=1.3)

            def draw_heads(surface: pygame.Surface, rect: pygame.Rect) -> None:
                palette = self.palette
                head_left.draw(surface, (rect.x, rect.y), palette.ink_soft)
                head_right.draw(surface, (rect.x + left_width + gutter, rect.y), palette.ink_soft)
                y = rect.y + head_left.height + theme.unit // 2
                pygame.draw.line(surface, palette.rule, (rect.x, y), (rect.right, y))

            pieces.append(Piece(head_left.height + theme.unit, draw_heads))
        current_act = None
        for number, row in enumerate(self.rows):
            if row["act"] != current_act:
                current_act = row["act"]
                act_block = text.layout(current_act, width, theme.size("lead"), face="serif", line_height=1.3)
                top_gap = theme.unit * (2 if number else 1)

                def draw_act(surface: pygame.Surface, rect: pygame.Rect, block=act_block, gap=top_gap) -> None:
                    block.draw(surface, (rect.x, rect.y + gap), self.palette.ink)

                pieces.append(Piece(act_block.height + top_gap + theme.unit // 2, draw_act))
            pieces.append(self._row_piece(number, row, width, left_width, right_width, gutter))
        return pieces

    def _row_piece(self, number: int, row: dict, width: int, left_width: int, right_width: int,
                   gutter: int) -> Piece:
        theme = self.theme
        caption = theme.size("caption")
        where = f"{row['date']}  ·  {row['place']}" if row["place"] else row["date"]
        when_block = text.layout(where, left_width, caption, face="sans", line_height=1.3)
        choice_block = text.layout(row["choice"], left_width, theme.size("body"), line_height=1.3)
        left_height = when_block.height + theme.unit // 3 + choice_block.height
        facts: list[tuple[text.Block, text.Block]] = []
        for title, when in row["facts"]:
            facts.append((text.layout(when, right_width, caption, face="sans", line_height=1.3),
                          text.layout(title, right_width, theme.size("body"), line_height=1.3)))
        empty = None
        if not facts:
            empty = text.layout("No record is cited for this choice.", right_width, caption, face="serif_italic",
                                line_height=1.3)
        label = None if self.wide else text.layout("In China", right_width, caption, face="sans_bold",
                                                   line_height=1.3)
        right_height = sum(a.height + theme.unit // 3 + b.height for a, b in facts) \
            + theme.unit * max(0, len(facts) - 1) + (empty.height if empty else 0) \
            + (label.height + theme.unit // 3 if label else 0)
        pad = theme.unit * 3 // 2
        if self.wide:
            height = pad + max(left_height, right_height) + pad
        else:
            height = pad + left_height + theme.unit + right_height + pad

        def draw(surface: pygame.Surface, rect: pygame.Rect) -> None:
            palette = self.palette
            x, y = rect.x, rect.y + pad
            when_block.draw(surface, (x, y), palette.ink_soft)
            choice_block.draw(surface, (x, y + when_block.height + theme.unit // 3), palette.ink)
            if self.wide:
                rx, ry = rect.x + left_width + gutter, rect.y + pad
            else:
                rx, ry = rect.x + theme.unit * 3, y + left_height + theme.unit
                pygame.draw.line(surface, palette.accent2, (rect.x + theme.unit, ry),
                                 (rect.x + theme.unit, ry + right_height), max(2, theme.unit // 3))
            if label is not None:
                label.draw(surface, (rx, ry), palette.ink_soft)
                ry += label.height + theme.unit // 3
            for when, title in facts:
                when.draw(surface, (rx, ry), palette.ink_soft)
                ry += when.height + theme.unit // 3
                title.draw(surface, (rx, ry), palette.ink)
                ry += title.height + theme.unit
            if empty is not None:
                empty.draw(surface, (rx, ry), palette.ink_soft)
            pygame.draw.line(surface, mix(palette.rule, palette.paper, 0.35), (rect.x, rect.bottom - 1),
                             (rect.right, rect.bottom - 1))

        return Piece(height, draw, name=f"row{number}")

    # -- the chart --------------------------------------------------------------------------------
    def _chart_piece(self, width: int) -> Piece:
        theme = self.theme
        pad = theme.unit * 2
        caption = theme.size("caption")
        # The legend: a swatch, the stat's name, and where it began and ended; wrapping as needed.
        stats = list(self.app.story.stats.values())
        first, last = (self.points[0].stats, self.points[-1].stats) if self.points else ({}, {})
        legend: list[tuple[int, int, int, str, str]] = []  # (x, y, index, label, values)
        x, y = 0, 0
        row_height = round(caption * 1.5)
        swatch = theme.unit * 4
        for i, stat in enumerate(stats):
            values = f"{first.get(stat.name, stat.start)} to {last.get(stat.name, stat.start)}"
            item_width = (swatch + theme.unit + text.line(stat.label, "sans", caption, (0, 0, 0)).get_width()
                          + theme.unit + text.line(values, "serif_italic", caption, (0, 0, 0)).get_width())
            if x and x + item_width > width - pad * 2:
                x, y = 0, y + row_height
            legend.append((x, y, i, stat.label, values))
            x += item_width + theme.unit * 4
        legend_height = y + row_height if stats else 0
        axis_width = max(text.line(w, "sans", caption, (0, 0, 0)).get_width() for w in ("High", "Low")) + theme.unit
        view_height = self.debrief.view.height
        plot_height = max(theme.unit * 12, min(round(view_height * 0.42), round(theme.base * 11)))
        ticks_height = round(caption * 1.6) + theme.unit
        single = len(self.points) < 2
        note_height = round(caption * 1.5) if single else 0
        height = pad + legend_height + theme.unit + plot_height + ticks_height + note_height + pad
        plot = pygame.Rect(pad + axis_width, pad + legend_height + theme.unit, width - pad * 2 - axis_width,
                           plot_height)

        def draw(surface: pygame.Surface, rect: pygame.Rect) -> None:
            palette = self.palette
            box = pygame.Rect(rect.x, rect.y, rect.width, height)
            panel(surface, box, palette, theme, fill=mix(palette.card, palette.paper, 0.3), shadow=False)
            lw = self._line_width()
            for lx, ly, index, label, values in legend:
                sx, sy = box.x + pad + lx, box.y + pad + ly + row_height // 2
                colour = self._stat_color(index)
                pygame.draw.line(surface, colour, (sx, sy), (sx + swatch, sy), lw)
                _marker(surface, MARKERS[index % len(MARKERS)], (sx + swatch // 2, sy), self._marker_radius(),
                        colour, palette.card)
                label_rect = blit_line(surface, label, "sans", caption, palette.ink, (sx + swatch + theme.unit, sy),
                                       anchor="midleft")
                blit_line(surface, values, "serif_italic", caption, palette.ink_soft,
                          (label_rect.right + theme.unit, sy), anchor="midleft")
            on_screen = plot.move(box.x, box.y)
            self.chart_rect = on_screen
            self._draw_plot(surface, on_screen, axis_width)
            if single:
                blit_line(surface, "The chart needs more choices to draw a line over the years.", "serif_italic",
                          caption, palette.ink_soft, (on_screen.x, on_screen.bottom + ticks_height), anchor="topleft")

        return Piece(height, draw, name="chart")

    def _line_width(self) -> int:
        return max(2, round(self.theme.unit / 3.5))

    def _marker_radius(self) -> int:
        return max(3, round(self.theme.unit * 0.55))

    def _stat_color(self, index: int) -> Color:
        palette = self.palette
        colours = (palette.ink, palette.accent, palette.accent2, palette.good, palette.ink_soft, palette.bad)
        return colours[index % len(colours)]

    def chart_span(self) -> tuple[float, float]:
        start, end, _monthly = time_range(self.points)
        return start, end

    def plot_area(self, plot: pygame.Rect) -> pygame.Rect:
        """The part of the plot the points land in: inset so markers at the edges stay inside."""
        inset = self._marker_radius() + self._line_width() * 2
        return plot.inflate(-inset * 2, -inset * 2)

    def chart_pixels(self, plot: pygame.Rect | None = None) -> dict[str, list[tuple[int, int]]]:
        """Each stat's points on screen (before the small spread that keeps equal lines apart)."""
        area = self.plot_area(plot or self.chart_rect)
        span = self.chart_span()
        if len(self.points) < 2:
            span = (self.points[0].when - 1, self.points[0].when + 1) if self.points else span
        result: dict[str, list[tuple[int, int]]] = {}
        for name, stat in self.app.story.stats.items():
            result[name] = [map_point(p.when, p.stats[name], stat.min, stat.max, area, span) for p in self.points]
        return result

    def _draw_plot(self, surface: pygame.Surface, plot: pygame.Rect, axis_width: int) -> None:
        theme, palette = self.theme, self.palette
        caption = theme.size("caption")
        area = self.plot_area(plot)
        grid = mix(palette.card, palette.rule, 0.55)
        for step in range(5):
            y = area.bottom - 1 - round(step / 4 * (area.height - 1))
            pygame.draw.line(surface, grid if step else palette.rule, (plot.x, y), (plot.right, y))
        blit_line(surface, "High", "sans", caption, palette.ink_soft, (plot.x - theme.unit, area.y), anchor="midright")
        blit_line(surface, "Low", "sans", caption, palette.ink_soft, (plot.x - theme.unit, area.bottom - 1),
                  anchor="midright")
        self._draw_ticks(surface, plot, area)
        if self._chart_image is None or self._chart_image.get_size() != plot.size:
            self._chart_image = self._render_lines(plot)
        surface.blit(self._chart_image, plot)

    def _draw_ticks(self, surface: pygame.Surface, plot: pygame.Rect, area: pygame.Rect) -> None:
        theme, palette = self.theme, self.palette
        caption = theme.size("caption")
        if len(self.points) < 2:
            return
        start, end, monthly = time_range(self.points)
        ticks: list[tuple[float, str, bool]] = []  # (when, label, major)
        if monthly:
            months = round((end - start) * 12)
            for m in range(months + 1):
                when = start + m / 12
                index = round(when * 12) % 12
                year = math.floor(when + 1e-6)
                label = _MONTH_ABBR[index] + (f" {year}" if m == 0 or index == 0 else "")
                ticks.append((when, label, True))
        else:
            years = round(end - start)
            for y in range(years + 1):
                ticks.append((start + y, str(round(start + y)), True))
                if y < years:
                    ticks.extend((start + y + q / 4, "", False) for q in (1, 2, 3))
        last_right = -10 ** 6
        for when, label, major in ticks:
            x = map_point(when, 0, 0, 1, area, (start, end))[0]
            length = theme.unit if major else theme.unit // 2
            pygame.draw.line(surface, palette.rule, (x, area.bottom), (x, area.bottom + length))
            if major:
                pygame.draw.line(surface, mix(palette.card, palette.rule, 0.3), (x, plot.y), (x, area.bottom))
            if label:
                rendered = text.line(label, "sans", caption, palette.ink_soft)
                rect = rendered.get_rect(midtop=(x, area.bottom + length + theme.unit // 3))
                rect.clamp_ip(pygame.Rect(plot.x - theme.unit * 2, rect.y, plot.width + theme.unit * 4, rect.height))
                if rect.x > last_right + theme.unit:
                    surface.blit(rendered, rect)
                    last_right = rect.right

    def _render_lines(self, plot: pygame.Rect) -> pygame.Surface:
        """The lines and points, drawn twice the size and scaled down for smooth edges."""
        palette = self.palette
        scale = 2 if plot.width * plot.height < 1_500_000 else 1
        canvas = pygame.Surface((plot.width * scale, plot.height * scale), pygame.SRCALPHA)
        canvas.fill((0, 0, 0, 0))
        local = pygame.Rect(0, 0, plot.width, plot.height)
        pixels = self.chart_pixels(local)
        lw = self._line_width()
        count = len(pixels)
        for index, (name, points) in enumerate(pixels.items()):
            colour = self._stat_color(index)
            # Lines that share values would hide each other: each is nudged by its width, side by side.
            nudge = (index - (count - 1) / 2) * lw
            scaled = [(round(x * scale), round((y + nudge) * scale)) for x, y in points]
            if len(scaled) > 1:
                for a, b in zip(scaled, scaled[1:]):
                    _thick_line(canvas, colour, a, b, lw * scale)
            # A long game puts many choices in one month: markers closer than their own size would
            # pile into a smear, so a point gets one only when it stands clear of the last (and the
            # last point always does). The line still passes through every point.
            radius = self._marker_radius() * scale
            last_x: int | None = None
            for number, point in enumerate(scaled):
                final = number == len(scaled) - 1
                if last_x is not None and point[0] - last_x < radius * 3 and not final:
                    continue
                _marker(canvas, MARKERS[index % len(MARKERS)], point, radius, colour, palette.card)
                last_x = point[0]
        if scale == 1:
            return canvas
        return pygame.transform.smoothscale(canvas, plot.size)

    # -- focus and actions ------------------------------------------------------------------------
    def _set_focus(self, keep: bool) -> None:
        if self.page_name == "ending":
            piece = self.ending.find("button")
            buttons = [piece.button] if piece is not None and piece.button is not None else []
        else:
            buttons = self.footer_buttons
        self.focus.set(buttons, keep=keep)
        if self.page_name == "debrief" and not (keep and self.focus.moved):
            self.focus.index = next(i for i, b in enumerate(buttons) if b.label == "Main menu")  # calm, not a replay
        self._place_buttons()

    def _place_buttons(self) -> None:
        piece = self.ending.find("button")
        if piece is not None and piece.button is not None:
            rect = self.ending.rect_of(piece)
            piece.button.rect = pygame.Rect(rect.x, rect.y, self._button_width or rect.width,
                                            piece.height - self.theme.unit)

    def show_debrief(self) -> None:
        self.page_name = "debrief"
        self._set_focus(keep=False)
        self.invalidate()

    def show_ending(self) -> None:
        self.page_name = "ending"
        self._set_focus(keep=False)
        self.invalidate()

    def main_menu(self) -> None:
        from .title import TitleScreen

        self.app.session = None
        self.app.reset_to(TitleScreen(self.app))

    def play_again(self) -> None:
        from .title import TitleScreen

        self.app.session = None
        title = TitleScreen(self.app)
        self.app.reset_to(title)
        title.new_game()

    def scroll_by(self, pixels: float) -> None:
        if self.column.scroller.scroll_by(pixels):
            self._place_buttons()
            self.invalidate()

    def _scroll_to_focus(self) -> None:
        if self.page_name != "ending" or not self.focus.visible or self.focus.current is None:
            return
        rect, view = self.focus.current.rect, self.ending.view
        if rect.bottom > view.bottom:
            self.scroll_by(rect.bottom - view.bottom + self.theme.unit)
        elif rect.top < view.top:
            self.scroll_by(rect.top - view.top - self.theme.unit)

    # -- events -----------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        column = self.column
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_ESCAPE:
                from .pause import PauseScreen

                self.app.push(PauseScreen(self.app))
                return
            if key in (pygame.K_UP, pygame.K_DOWN):
                self.scroll_by(self.theme.line_height * 2 * (1 if key == pygame.K_DOWN else -1))
                return
            if key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
                self.scroll_by(column.view.height * 0.8 * (1 if key == pygame.K_PAGEDOWN else -1))
                return
            if key in (pygame.K_HOME, pygame.K_END):
                self.scroll_by(-column.height if key == pygame.K_HOME else column.height)
                return
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                if self.page_name == "ending":
                    self.show_debrief()
                elif not self.focus.visible:
                    self.focus.visible = True  # the first Enter shows where the focus is
                    self.invalidate()
                else:
                    self.focus.handle(event)
                return
            if key == pygame.K_BACKSPACE and self.page_name == "debrief":
                self.show_ending()
                return
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_by(-event.y * self.theme.line_height * 2)
            return
        if column.scroller.handle_mouse(event):  # dragging or clicking the scrollbar
            self._place_buttons()
            self.invalidate()
            return
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.page_name == "ending":
            piece = self.ending.find("button")
            if piece is not None and piece.button is not None and not piece.button.rect.colliderect(column.view):
                return  # scrolled out of sight: not clickable
        if self.focus.handle(event):
            self._scroll_to_focus()
            self.invalidate()

    # -- drawing ----------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        palette = self.palette
        surface.fill(palette.paper)
        if self.page_name == "ending":
            self._draw_ending(surface)
        else:
            self._draw_debrief(surface)

    def art_name(self) -> str:
        if (assets.ASSETS / "images" / EPILOGUE_ART).exists():
            return EPILOGUE_ART
        return assets.art_for_act(self.scene.act)

    def _draw_ending(self, surface: pygame.Surface) -> None:
        page = self.page
        assert page is not None
        draw_art(surface, page, self.art_name(), self.palette,
                 high_contrast=self.app.settings.high_contrast or self.app.settings.classroom_mode)
        self._draw_column(surface, self.ending)
        self.ending.scroller.draw(surface, self.palette)

    def _draw_debrief(self, surface: pygame.Surface) -> None:
        theme, palette = self.theme, self.palette
        self._draw_column(surface, self.debrief)
        self.debrief.scroller.draw(surface, self.palette)
        pygame.draw.rect(surface, palette.paper, self.footer)
        pygame.draw.line(surface, palette.rule, (self.debrief.view.x, self.footer.y),
                         (self.debrief.view.right, self.footer.y))
        hint = "Arrows or the wheel to scroll, Tab to move, Enter to choose"
        rendered = text.line(hint, "sans", theme.size("caption"), mix(palette.ink_soft, palette.paper, 0.2))
        first = min(b.rect.x for b in self.footer_buttons)
        if self.debrief.view.x + rendered.get_width() + theme.unit * 2 < first:
            surface.blit(rendered, rendered.get_rect(midleft=(self.debrief.view.x, self.footer_buttons[0].rect.centery)))
        self.focus.draw(surface, theme, palette, self.app.mouse)

    def _draw_column(self, surface: pygame.Surface, column: Column) -> None:
        theme, palette = self.theme, self.palette
        clip = surface.get_clip()
        surface.set_clip(column.view.clip(clip) if clip else column.view)
        for piece in column.pieces:
            rect = column.rect_of(piece)
            if rect.bottom < column.view.top or rect.top > column.view.bottom:
                continue
            if piece.draw is not None:
                piece.draw(surface, rect)
        if column is self.ending:
            self.focus.draw(surface, theme, palette, self.app.mouse)
        surface.set_clip(clip)

    def scrollbar(self, column: Column | None = None) -> tuple[pygame.Rect, pygame.Rect] | None:
        """The scrollbar's track and thumb for a page, or None when it all fits."""
        column = column or self.column
        if not column.scroller.needed:
            return None
        return column.scroller.track, column.scroller.thumb()

    def _track(self, column: Column) -> pygame.Rect:
        theme = self.theme
        if column is self.ending and self.page is not None:
            x = self.page.column.right + theme.unit
        else:
            x = column.view.right + theme.unit
        width = max(3, theme.unit // 2)
        return pygame.Rect(min(x, theme.width - width - 2), column.view.y, width, column.view.height)


# ---- drawing helpers ----------------------------------------------------------------------------

def _thick_line(surface: pygame.Surface, colour: Color, a: tuple[int, int], b: tuple[int, int], width: int) -> None:
    """A line with round ends, so joints between segments close up."""
    pygame.draw.line(surface, colour, a, b, width)
    radius = max(1, width // 2)
    pygame.draw.circle(surface, colour, a, radius)
    pygame.draw.circle(surface, colour, b, radius)


def _marker(surface: pygame.Surface, shape: str, centre: tuple[int, int], radius: int, colour: Color,
            ring: Color) -> None:
    """A point in one of four shapes, so lines can be told apart without colour."""
    x, y = centre
    outline = max(1, radius // 3)
    for r, fill in ((radius + outline, ring), (radius, colour)):
        if shape == "square":
            side = round(r * 1.7)
            pygame.draw.rect(surface, fill, (x - side // 2, y - side // 2, side, side))
        elif shape == "diamond":
            d = round(r * 1.35)
            pygame.draw.polygon(surface, fill, [(x, y - d), (x + d, y), (x, y + d), (x - d, y)])
        elif shape == "triangle":
            d = round(r * 1.35)
            pygame.draw.polygon(surface, fill, [(x, y - d), (x + d, y + round(d * 0.8)), (x - d, y + round(d * 0.8))])
        else:
            pygame.draw.circle(surface, fill, (x, y), r)


__all__ = ["EndingScreen", "ChartPoint", "chart_points", "date_span", "map_point", "normalise", "start_stats",
           "time_range"]
