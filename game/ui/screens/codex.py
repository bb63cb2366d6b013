"""The codex: every historical fact met so far, and the glossary, filtered by typing.

Two tabs: History (each fact cited by a choice made so far, in the order met: its title, when,
and the first sentence of its claim) and Glossary (every term with its characters, pinyin and
definition). Typing filters both tabs at once, ignoring case and tone marks, so "gongshe" finds
gōngshè and 公社 finds 人民公社. Up/Down and Tab move through the results; Enter opens a fact in
full or unfolds a term's whole definition; Left/Right or Ctrl+Tab switch tabs; Backspace deletes;
Esc clears the filter first, then closes.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pygame

from game.core.model import Fact, GlossaryTerm

from .. import text
from ..screen import Screen
from ..theme import Palette, Theme, mix
from ..widgets import Button, ScrollView, focus_ring, panel

TABS = ("History", "Glossary")
BLINK = 0.53  # seconds the caret stays on, then off
BLINK_FOR = 10.0  # after this long without input the caret stops blinking and stays on: idle means idle
MAX_QUERY = 60
ROW_PAD = (8, 6)  # padding inside a result row, across and down, in quarters of a unit
# The end of a sentence: a stop (and any closing quote) followed by a space and a capital or a quote.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])")


def fold(words: str) -> str:
    """Lower case without tone marks or accents, for matching: 'Gōngshè' -> 'gongshe'."""
    decomposed = unicodedata.normalize("NFKD", words)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def first_sentence(words: str, at_least: int = 40) -> str:
    """The claim's first sentence (skipping stops that come too early to end one, as in 'c. 1958')."""
    flat = " ".join(words.split())
    for match in _SENTENCE_END.finditer(flat):
        if match.start() + 1 >= at_least:
            return flat[: match.start() + 1].rstrip()
    return flat


@dataclass
class Entry:
    """One thing the codex can show: a fact or a glossary term."""

    kind: str  # "fact" | "term"
    key: str  # the fact's id, or the term's index in the glossary
    haystack: str  # everything the filter matches against, folded
    fact: Fact | None = None
    term: GlossaryTerm | None = None


@dataclass
class Piece:
    """A block of a result row, in a colour; `beside` puts it on the line of the piece before it."""

    block: text.Block
    color: str
    beside: int | None = None  # x offset when on the same line as the previous piece
    down: int = 0  # y offset on that line, to share the baseline


@dataclass
class Row:
    entry: Entry
    y: int
    height: int
    pieces: list[Piece] = field(default_factory=list)
    button: Button | None = None


def _stack(pieces: list[Piece], gap: int) -> list:
    """Where each piece goes (dx, dy) inside a row, and finally the height of them all."""
    places = []
    y = 0
    bottom = 0
    for piece in pieces:
        if piece.beside is not None and places:
            line_top = places[-1][1]
            places.append((piece.beside, line_top + piece.down))
            bottom = max(bottom, line_top + piece.down + piece.block.height)
            continue
        y = bottom + (gap if places else 0)
        places.append((0, y))
        bottom = y + piece.block.height
    return places + [bottom]


def _block_width(block: text.Block) -> int:
    return max((run.x + run.width for run in block.runs), default=0)


def _baseline(block: text.Block) -> int:
    return block.lines[0][0] + block.lines[0][2] if block.lines else 0


def _side_by_side(first: text.Block, first_color: str, second: text.Block, second_color: str, width: int,
                  gap: int) -> list[Piece]:
    """Two blocks on one line when both are one line and fit; otherwise one above the other."""
    if len(first.lines) == 1 and len(second.lines) == 1 and _block_width(first) + gap + _block_width(second) <= width:
        return [Piece(first, first_color),
                Piece(second, second_color, beside=_block_width(first) + gap,
                      down=_baseline(first) - _baseline(second))]
    return [Piece(first, first_color), Piece(second, second_color)]


class CodexScreen(Screen):
    name = "codex"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.tab = 0
        self.query = ""
        self.expanded: set[str] = set()  # glossary terms unfolded to their whole definition
        self.cursor = -1  # -1: the search box; otherwise the selected result row
        self.blink = 0.0
        self.idle = 0.0
        self.entries: tuple[list[Entry], list[Entry]] = (self._facts_met(), self._glossary())
        self.rows: list[Row] = []
        self.scroller = ScrollView()
        self.column = pygame.Rect(0, 0, 0, 0)
        self.tab_rects: list[pygame.Rect] = []
        self.search = pygame.Rect(0, 0, 0, 0)
        self.close_button = Button("Close", self.dismiss, key="Esc", style="small")
        self._blocks: dict[tuple, list[Piece]] = {}
        self._width = 0
        self._measure: tuple = ()
        self._swallow_space = False  # Space took a row: the TEXTINPUT " " that follows is not typing
        pygame.key.start_text_input()

    # -- what the codex holds ---------------------------------------------------------------------------
    def _facts_met(self) -> list[Entry]:
        story, session = self.app.story, self.app.session
        if story is None or session is None:
            return []
        level = self.app.settings.content_level
        seen: set[str] = set()
        entries = []
        for log_entry in session.state.log:
            for fact_id in log_entry.history:
                fact = story.facts.get(fact_id)
                if fact is None or fact_id in seen:
                    continue
                seen.add(fact_id)
                haystack = fold(" ".join((fact.title, fact.when, fact.claim.get(level))))
                entries.append(Entry("fact", fact_id, haystack, fact=fact))
        return entries

    def _glossary(self) -> list[Entry]:
        story = self.app.story
        if story is None:
            return []
        return [Entry("term", str(i), fold(" ".join((term.term, term.hanzi, term.pinyin, term.definition,
                                                     *term.aliases))), term=term)
                for i, term in enumerate(story.glossary)]

    def matches(self, tab: int | None = None) -> list[Entry]:
        """The entries of a tab that the filter lets through."""
        entries = self.entries[self.tab if tab is None else tab]
        words = fold(self.query).split()
        return [e for e in entries if all(word in e.haystack for word in words)]

    @property
    def search_focused(self) -> bool:
        return self.cursor < 0

    # -- layout ---------------------------------------------------------------------------------------
    def layout(self) -> None:
        theme = self.theme
        unit = theme.unit
        width = min(theme.width - theme.margin * 2, round(theme.base * 40))
        self.column = pygame.Rect((theme.width - width) // 2, theme.margin, width, theme.height - theme.margin * 2)
        title_height = round(theme.size("title") * 1.25)
        close_width = round(theme.base * 6)
        close_height = self.close_button.measure(theme, close_width)
        self.close_button.rect = pygame.Rect(self.column.right - close_width,
                                             self.column.y + (title_height - close_height) // 2,
                                             close_width, close_height)
        tabs_top = self.column.y + title_height + unit
        tab_height = round(theme.size("ui") * 1.9)
        x = self.column.x
        self.tab_rects = []
        for name, entries in zip(TABS, self.entries):
            label = text.render(f"{name}  {len(entries)}", "sans", theme.size("ui"), (0, 0, 0))
            rect = pygame.Rect(x, tabs_top, label.get_width() + unit * 2, tab_height)
            self.tab_rects.append(rect)
            x = rect.right + unit * 2
        search_height = round(theme.size("ui") * 2.2)
        self.search = pygame.Rect(self.column.x, tabs_top + tab_height + unit * 2, self.column.width, search_height)
        pygame.key.set_text_input_rect(self.search)  # where an input method shows its candidates
        hint_height = round(theme.size("caption") * 1.6)
        view_top = self.search.bottom + unit * 2
        track_width = max(3, unit // 2)
        view = pygame.Rect(self.column.x, view_top, self.column.width - track_width - unit * 2,
                           self.column.bottom - hint_height - unit - view_top)
        track = pygame.Rect(view.right + unit * 2, view.y, track_width, view.height)
        measure = (view.width, theme.base, self.app.settings.content_level)
        if measure != self._measure:  # text laid out for another width or size is of no use
            self._blocks = {}
            self._measure = measure
        self._width = view.width
        self.scroller.view = view
        self.scroller.track = track
        self._refresh(keep_scroll=True)

    def _refresh(self, keep_scroll: bool = False) -> None:
        """Rebuild the result rows for the tab and filter (text already laid out is reused)."""
        theme = self.theme
        gap = theme.unit
        rows = []
        y = 0
        for entry in self.matches():
            pieces = self._row_blocks(entry)
            height = _stack(pieces, theme.unit // 2)[-1] + ROW_PAD[1] * theme.unit * 2 // 4
            rows.append(Row(entry, y, height, pieces))
            y += height + gap
        self.rows = rows
        self.cursor = min(self.cursor, len(rows) - 1)
        self.scroller.place(self.scroller.view, self.scroller.track, max(0, y - gap))
        if not keep_scroll:
            self.scroller.scroll_to(0)
        self._place_rows()
        self.invalidate()

    def _row_blocks(self, entry: Entry) -> list[Piece]:
        theme = self.theme
        expanded = entry.key in self.expanded
        cache_key = (entry.kind, entry.key, expanded and entry.kind == "term")
        cached = self._blocks.get(cache_key)
        if cached is not None:
            return cached
        inner = self._width - theme.unit * 4
        level = self.app.settings.content_level
        caption, ui = theme.size("caption"), theme.size("ui")
        pieces: list[Piece] = []
        if entry.fact is not None:
            fact = entry.fact
            title = text.layout(fact.title, inner, ui, face="sans_bold", line_height=1.3)
            when = text.layout(fact.when.upper(), inner, caption, face="sans", line_height=1.3)
            pieces += _side_by_side(title, "ink", when, "accent", inner, theme.unit * 2)
            pieces.append(Piece(text.layout(first_sentence(fact.claim.get(level)), inner, caption,
                                            line_height=1.38), "ink"))
        elif entry.term is not None:
            term = entry.term
            head = text.layout(term.term, inner, ui, face="sans_bold", line_height=1.3)
            names = text.layout(f"{term.hanzi}   {term.pinyin}", inner, ui, face="serif_italic", line_height=1.3)
            pieces += _side_by_side(head, "ink", names, "ink_soft", inner, theme.unit * 2)
            definition = " ".join(term.definition.split())
            if expanded:
                if term.aliases:
                    definition += "\n\nAlso written: " + ", ".join(term.aliases) + "."
            else:
                short = first_sentence(definition)
                definition = short if short == definition else short + " (more)"
            pieces.append(Piece(text.layout(definition, inner, caption, line_height=1.38), "ink"))
        self._blocks[cache_key] = pieces
        return pieces

    def _place_rows(self) -> None:
        """Give each row's button its place on screen for the current scroll."""
        view = self.scroller.view
        offset = round(self.scroller.offset)
        buttons = []
        for i, row in enumerate(self.rows):
            if row.button is None:
                row.button = Button(self._row_label(row.entry), (lambda i=i: self.activate(i)))
            row.button.rect = pygame.Rect(view.x, view.y + row.y - offset, view.width, row.height)
            buttons.append(row.button)
        self.focus.buttons = buttons
        self.focus.index = max(0, self.cursor)
        self.focus.visible = self.cursor >= 0

    @staticmethod
    def _row_label(entry: Entry) -> str:
        if entry.fact is not None:
            return entry.fact.title
        return entry.term.term if entry.term is not None else ""

    # -- actions --------------------------------------------------------------------------------------
    def activate(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return
        self.cursor = index
        entry = self.rows[index].entry
        if entry.fact is not None:
            from .fact import FactScreen

            self._place_rows()
            self.app.push(FactScreen(self.app, entry.fact))
            return
        if entry.key in self.expanded:
            self.expanded.discard(entry.key)
        else:
            self.expanded.add(entry.key)
        self._refresh(keep_scroll=True)
        self._reveal_cursor()

    def switch_tab(self, tab: int) -> None:
        tab %= len(TABS)
        if tab != self.tab:
            self.tab = tab
            self.cursor = -1
            self._refresh()

    def set_query(self, query: str) -> None:
        query = query[:MAX_QUERY]
        if query != self.query:
            self.query = query
            self.cursor = -1
            self._refresh()

    def move(self, step: int, wrap: bool = False) -> None:
        count = len(self.rows)
        if wrap:
            cursor = (self.cursor + 1 + step) % (count + 1) - 1  # the search box is one stop in the cycle
        else:
            cursor = min(count - 1, max(-1, self.cursor + step))
        if cursor != self.cursor:
            self.cursor = cursor
            self._reveal_cursor()
            self._place_rows()
            self.invalidate()

    def _reveal_cursor(self) -> None:
        if self.cursor < 0:
            self.scroller.scroll_to(0)
        else:
            row = self.rows[self.cursor]
            self.scroller.reveal(row.y, row.y + row.height, self.theme.unit)
        self._place_rows()

    def dismiss(self, result=None) -> None:
        pygame.key.stop_text_input()
        super().dismiss(result)

    def on_resume(self, result=None) -> None:
        pygame.key.start_text_input()  # the fact screen may have been closed by a key that stopped it

    # -- input ----------------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if event.type in (pygame.KEYDOWN, pygame.TEXTINPUT, pygame.MOUSEBUTTONUP):
            self.idle = 0.0
            self.blink = 0.0
        if event.type == pygame.TEXTINPUT:
            self._typed(event.text)
            return
        if event.type == pygame.KEYDOWN:
            self._swallow_space = False
            self._key(event)
            return
        if event.type == pygame.MOUSEWHEEL:
            if self.scroller.scroll_by(-event.y * self.theme.line_height * 2):
                self._place_rows()
                self.invalidate()
            return
        if self.scroller.handle_mouse(event):
            self._place_rows()
            self.invalidate()
            return
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self._click(event.pos)

    def _typed(self, typed: str) -> None:
        if self._swallow_space and typed == " ":
            self._swallow_space = False
            return
        self._swallow_space = False
        typed = "".join(c for c in typed if c.isprintable())
        if typed and not (typed.isspace() and not self.query):
            self.set_query(self.query + typed)

    def _key(self, event: pygame.event.Event) -> None:
        key, mod = event.key, event.mod
        if key == pygame.K_ESCAPE:
            if self.query:
                self.set_query("")
            else:
                self.dismiss()
        elif key == pygame.K_BACKSPACE:
            if mod & pygame.KMOD_CTRL:
                self.set_query(re.sub(r"\S+\s*$", "", self.query))  # Ctrl+Backspace: the last word
            else:
                self.set_query(self.query[:-1])
        elif key == pygame.K_TAB and mod & pygame.KMOD_CTRL:
            self.switch_tab(self.tab + (-1 if mod & pygame.KMOD_SHIFT else 1))
        elif key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.switch_tab(self.tab + (1 if key == pygame.K_RIGHT else -1))
        elif key == pygame.K_TAB:
            self.move(-1 if mod & pygame.KMOD_SHIFT else 1, wrap=True)
        elif key in (pygame.K_DOWN, pygame.K_UP):
            self.move(1 if key == pygame.K_DOWN else -1)
        elif key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self._page(1 if key == pygame.K_PAGEDOWN else -1)
        elif key in (pygame.K_HOME, pygame.K_END) and self.rows and not self.search_focused:
            self.move(len(self.rows) * (1 if key == pygame.K_END else -1))
            self.cursor = max(0, self.cursor)
            self._reveal_cursor()
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.search_focused:
                self.move(1)  # Enter in the search box goes to the first result
            else:
                self.activate(self.cursor)
        elif key == pygame.K_SPACE and not self.search_focused:
            self._swallow_space = True
            self.activate(self.cursor)

    def _page(self, direction: int) -> None:
        if self.scroller.scroll_by(direction * self.scroller.view.height * 0.85):
            self._place_rows()
        if self.cursor >= 0:  # keep the selection on screen: the first row fully in view
            offset = self.scroller.offset
            visible = [i for i, row in enumerate(self.rows)
                       if row.y >= offset and row.y + row.height <= offset + self.scroller.view.height]
            if visible and self.cursor not in visible:
                self.cursor = visible[0] if direction > 0 else visible[-1]
            self._place_rows()
        self.invalidate()

    def _click(self, pos: tuple[int, int]) -> None:
        if self.close_button.rect.collidepoint(pos):
            self.dismiss()
            return
        for i, rect in enumerate(self.tab_rects):
            if rect.collidepoint(pos):
                self.switch_tab(i)
                return
        if self.search.collidepoint(pos):
            self.cursor = -1
            self._place_rows()
            return
        if self.scroller.view.collidepoint(pos):
            for i, row in enumerate(self.rows):
                if row.button is not None and row.button.rect.collidepoint(pos):
                    self.activate(i)
                    self.cursor = -1  # a click shows no focus ring: typing goes on in the search box
                    self._place_rows()
                    return

    # -- animation ------------------------------------------------------------------------------------
    @property
    def blinking(self) -> bool:
        return (self.search_focused and not self.app.settings.reduced_motion and self.idle < BLINK_FOR
                and self.app.top is self)

    @property
    def caret_on(self) -> bool:
        return not self.blinking or self.blink % (BLINK * 2) < BLINK

    def update(self, dt: float) -> bool:
        if not self.blinking:
            return False
        self.blink += dt
        self.idle += dt
        return True

    # -- drawing --------------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme, palette = self.theme, self.palette
        surface.fill(palette.paper)
        column = self.column
        title = text.render("Codex", "serif", theme.size("title"), palette.ink)
        surface.blit(title, (column.x, column.y))
        lead = text.render("The history met so far, and the words of the time", "serif_italic",
                           theme.size("caption"), palette.ink_soft)
        if column.x + title.get_width() + theme.unit * 3 + lead.get_width() < self.close_button.rect.x - theme.unit:
            surface.blit(lead, lead.get_rect(bottomleft=(column.x + title.get_width() + theme.unit * 3,
                                                         column.y + round(title.get_height() * 0.78))))
        hovered_close = self.app.mouse is not None and self.close_button.rect.collidepoint(self.app.mouse)
        self.close_button.draw(surface, theme, palette, hovered=hovered_close, focused=False)
        self._draw_tabs(surface, theme, palette)
        self._draw_search(surface, theme, palette)
        self._draw_rows(surface, theme, palette)
        self.scroller.draw(surface, palette)
        hint = ("Up/Down to move  ·  Enter to open  ·  Left/Right for the other tab  ·  "
                + ("Esc clears the filter" if self.query else "Esc to close"))
        rendered = text.render(hint, "sans", theme.size("caption"), mix(palette.ink_soft, palette.paper, 0.15))
        if rendered.get_width() > column.width:
            rendered = text.render("Up/Down, Enter, Left/Right, Esc", "sans", theme.size("caption"),
                                   palette.ink_soft)
        surface.blit(rendered, rendered.get_rect(bottomleft=(column.x, column.bottom)))

    def _draw_tabs(self, surface: pygame.Surface, theme: Theme, palette: Palette) -> None:
        bottom = self.tab_rects[0].bottom
        pygame.draw.line(surface, palette.rule, (self.column.x, bottom - 1), (self.column.right, bottom - 1))
        mouse = self.app.mouse
        for i, (name, rect) in enumerate(zip(TABS, self.tab_rects)):
            active = i == self.tab
            count = len(self.matches(i)) if self.query else len(self.entries[i])
            label = text.render(name, "sans_bold" if active else "sans", theme.size("ui"),
                                palette.ink if active else palette.ink_soft)
            number = text.render(str(count), "sans", theme.size("caption"),
                                 palette.accent if active else palette.ink_soft)
            x = rect.x + theme.unit
            y = rect.centery - label.get_height() // 2 - theme.unit // 4
            surface.blit(label, (x, y))
            surface.blit(number, (x + label.get_width() + theme.unit // 2 + 2,
                                  y + label.get_height() - number.get_height() - theme.unit // 4))
            thick = max(2, theme.unit // 3)
            if active:
                pygame.draw.rect(surface, palette.accent, (rect.x, rect.bottom - thick, rect.width, thick))
            elif mouse is not None and rect.collidepoint(mouse):
                pygame.draw.rect(surface, palette.accent2, (rect.x, rect.bottom - thick, rect.width, thick))

    def _draw_search(self, surface: pygame.Surface, theme: Theme, palette: Palette) -> None:
        box = self.search
        focused = self.search_focused
        pygame.draw.rect(surface, palette.card, box, border_radius=theme.radius)
        pygame.draw.rect(surface, palette.accent if focused else palette.rule, box,
                         width=max(1, theme.focus_width - 1) if focused else 1, border_radius=theme.radius)
        pad = theme.unit * 2
        size = theme.size("ui")
        shown = len(self.rows)
        total = len(self.entries[self.tab])
        count = text.render(f"{shown} of {total}" if self.query else "", "sans", theme.size("caption"),
                            palette.ink_soft)
        right = box.right - pad - (count.get_width() + theme.unit * 2 if self.query else 0)
        if self.query:
            surface.blit(count, count.get_rect(midright=(box.right - pad, box.centery)))
        room = pygame.Rect(box.x + pad, box.y, max(1, right - box.x - pad), box.height)
        if self.query:
            words = text.line(self.query, "sans", size, palette.ink)
        else:
            words = text.line("Type to filter: English, pinyin or characters", "sans", size,
                              mix(palette.ink_soft, palette.card, 0.2))
        caret_room = max(2, theme.unit // 4) + 2
        x = room.x if words.get_width() + caret_room <= room.width else room.right - caret_room - words.get_width()
        clip = surface.get_clip()
        surface.set_clip(room.clip(clip))
        surface.blit(words, (x, room.centery - words.get_height() // 2))
        if focused and self.caret_on:
            caret_x = x + (words.get_width() + max(2, theme.unit // 3) if self.query else 0)
            half = round(size * 0.62)
            pygame.draw.line(surface, palette.accent, (caret_x, room.centery - half), (caret_x, room.centery + half),
                             max(2, theme.unit // 4))
        surface.set_clip(clip)

    def _draw_rows(self, surface: pygame.Surface, theme: Theme, palette: Palette) -> None:
        view = self.scroller.view
        if not self.rows:
            self._draw_empty(surface, theme, palette)
            return
        offset = round(self.scroller.offset)
        colors = {"ink": palette.ink, "ink_soft": palette.ink_soft, "accent": palette.accent}
        clip = surface.get_clip()
        # The focus ring sits just outside a row: let it show, but never over the search box.
        surface.set_clip(view.inflate(theme.unit * 2, theme.unit).clip(clip))
        mouse = self.app.mouse
        for i, row in enumerate(self.rows):
            top = view.y + row.y - offset
            if top > view.bottom:
                break
            if top + row.height < view.y:
                continue
            rect = pygame.Rect(view.x, top, view.width, row.height)
            hovered = mouse is not None and rect.collidepoint(mouse) and view.collidepoint(mouse)
            selected = i == self.cursor
            fill = mix(palette.card, palette.accent2, 0.16) if hovered else palette.card
            panel(surface, rect, palette, theme, fill=fill, border=palette.accent2 if hovered else palette.rule,
                  shadow=False)
            if row.entry.kind == "fact":
                pygame.draw.line(surface, palette.accent, (rect.x, rect.y + theme.radius),
                                 (rect.x, rect.bottom - theme.radius), max(2, theme.unit // 3))
            inner = view.clip(clip)
            surface.set_clip(inner)
            x, y = rect.x + theme.unit * ROW_PAD[0] // 4, rect.y + theme.unit * ROW_PAD[1] // 4
            for piece, (dx, dy) in zip(row.pieces, _stack(row.pieces, theme.unit // 2)):
                piece.block.draw(surface, (x + dx, y + dy), colors[piece.color], emphasis=colors[piece.color])
            surface.set_clip(view.inflate(theme.unit * 2, theme.unit).clip(clip))
            if selected:
                focus_ring(surface, rect, palette, theme)
        surface.set_clip(clip)

    def _draw_empty(self, surface: pygame.Surface, theme: Theme, palette: Palette) -> None:
        name = TABS[self.tab]
        other = 1 - self.tab
        if not self.query:
            message = ("Nothing here yet. Each choice you make brings the history behind it into the codex."
                       if self.tab == 0 else "This story has no glossary.")
        else:
            message = f"Nothing in {name} matches \u201c{self.query}\u201d."
            elsewhere = len(self.matches(other))
            if elsewhere:
                arrow = "Right" if other > self.tab else "Left"
                things = "term" if other == 1 else "fact"
                message += (f" {TABS[other]} has {elsewhere} {things}{'s' if elsewhere != 1 else ''} that "
                            f"{'match' if elsewhere != 1 else 'matches'}: press {arrow} to see "
                            f"{'them' if elsewhere != 1 else 'it'}.")
            else:
                message += " Backspace or Esc changes the filter."
        block = text.layout(message, self.scroller.view.width, theme.size("body"), face="serif_italic")
        block.draw(surface, (self.scroller.view.x, self.scroller.view.y + theme.unit * 2), palette.ink_soft)
