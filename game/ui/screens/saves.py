"""The save and load screens: six numbered slots as cards (and, to load, the autosave and the
quicksave), each with its thumbnail, the act, the story date and when it was saved.

Saving to a slot that holds a save asks first; so does deleting (the Delete key, or the small
Delete button on the focused or hovered card). A damaged save is shown as damaged, with the
reason: it cannot be loaded, but a new save may replace it. Keys: arrows move in the grid, Tab
and Shift-Tab in reading order, Enter or Space choose, 1-6 choose that slot, Esc goes back.

The cards share the window: on a wide page the autosave and quicksave stand in a column beside
the six slots; when that leaves too little room they move to a row above. The slot's number (its
key) or name is a tag on the thumbnail; the time saved goes beside the thumbnail when the card has
room, below it otherwise. Thumbnails are read from disk once per screen (and again only for a slot
just saved).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

import pygame

from game.core.saves import SaveInfo

from .. import text
from ..screen import Screen
from ..theme import Color, mix
from ..widgets import Button, blit_line, focus_ring, panel

NUMBERED = ("1", "2", "3", "4", "5", "6")
SPECIAL = ("auto", "quick")
NAMES = {"auto": "Autosave", "quick": "Quicksave"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ASPECT = 16 / 9
DIGIT_KEYS = {**{pygame.K_1 + i: str(i + 1) for i in range(6)}, **{pygame.K_KP1 + i: str(i + 1) for i in range(6)}}


def saved_label(saved_at: str) -> str:
    """'2026-11-22T13:05:00+00:00' -> '22 Nov 2026, 14:05' in local time ('' if unreadable).
    Month names are spelled out here, not by strftime, so the system's locale cannot change them."""
    try:
        when = datetime.fromisoformat(saved_at).astimezone()
    except (TypeError, ValueError, OverflowError, OSError):
        return ""
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}, {when:%H:%M}"


def fit(words: str, face: str, size: int, width: int) -> str:
    """`words` cut with an ellipsis so that one line of it is at most `width` pixels wide."""
    if width <= 0:
        return ""
    if text.line(words, face, size, (0, 0, 0)).get_width() <= width:
        return words
    low, high = 0, len(words)
    while low < high:  # the longest prefix that fits with its ellipsis
        middle = (low + high + 1) // 2
        if text.line(words[:middle].rstrip() + "…", face, size, (0, 0, 0)).get_width() <= width:
            low = middle
        else:
            high = middle - 1
    return words[:low].rstrip() + "…" if low else ""


def wrap(words: str, face: str, size: int, width: int, rows: int) -> list[str]:
    """`words` in at most `rows` lines of `width` pixels, the last cut with an ellipsis if need be."""
    lines: list[str] = []
    rest = words.split()
    while rest and len(lines) < rows:
        count = 1
        while count < len(rest) and text.line(" ".join(rest[:count + 1]), face, size, (0, 0, 0)).get_width() <= width:
            count += 1
        if len(lines) == rows - 1:
            count = len(rest)
        lines.append(fit(" ".join(rest[:count]), face, size, width))
        rest = rest[count:]
    return lines


class Line(NamedTuple):
    """One line of text on a card, fitted to it at layout time."""

    words: str
    face: str
    size: int
    colour: str  # a palette field
    pos: tuple[int, int]


@dataclass(frozen=True)
class CardPlan:
    """Where things go inside a card of a given size (offsets from its top-left corner)."""

    size: tuple[int, int]
    thumb: pygame.Rect
    side: bool  # the time saved beside the thumbnail (else on a line below it)
    below: int  # y of the first text line under the thumbnail

    @property
    def score(self) -> int:
        return self.thumb.width * self.thumb.height


@dataclass
class Card:
    slot: str
    row: int
    col: int
    button: Button  # the card's place in the focus ring; its rect is the card
    info: SaveInfo | None = None
    thumb: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    label: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))  # the act (or Empty) line
    lines: list[Line] = field(default_factory=list)

    @property
    def rect(self) -> pygame.Rect:
        return self.button.rect

    @property
    def name(self) -> str:
        return NAMES.get(self.slot, f"Slot {self.slot}")

    @property
    def damaged(self) -> bool:
        return self.info is not None and bool(self.info.error)


class SavesScreen(Screen):
    name = "saves"

    def __init__(self, app, mode: str = "save") -> None:
        super().__init__(app)
        if mode not in ("save", "load"):
            raise ValueError(f"mode must be 'save' or 'load', not {mode!r}")
        self.mode = mode
        self.slots = NUMBERED if mode == "save" else SPECIAL + NUMBERED
        self.cards: list[Card] = []
        self.infos: dict[str, SaveInfo] = {}
        self.back = Button("Back", self.dismiss, key="Esc", style="small")
        self.delete = Button("Delete", lambda: None, style="small")
        self.plan: CardPlan | None = None
        self.title_pos = (0, 0)
        self.hint = ""
        self.hint_pos = (0, 0)
        self.rule_y = 0
        self.divider: tuple[tuple[int, int], tuple[int, int]] | None = None  # between the automatic and own saves
        self._images: dict[str, pygame.Surface | None] = {}  # thumbnails as read from disk
        self._scaled: dict[str, pygame.Surface] = {}  # ... and scaled to the current card
        self._read = False
        self.focus.visible = True

    # -- reading the slots ----------------------------------------------------------------------------
    def refresh(self, slot: str | None = None) -> None:
        """Read the slots again; forget the thumbnail of `slot` (just written or deleted)."""
        self.infos = {info.slot: info for info in self.app.saves.list() if info.slot in self.slots}
        if slot is not None:
            self._images.pop(slot, None)
            self._scaled.pop(slot, None)
        self._read = True

    def _image(self, slot: str) -> pygame.Surface | None:
        if slot not in self._images:
            image = None
            if slot in self.infos and not self.infos[slot].error:
                try:
                    image = pygame.image.load(str(self.app.saves.path(slot).with_suffix(".png")))
                    if pygame.display.get_surface() is not None:
                        image = image.convert()
                except (pygame.error, OSError):
                    image = None  # no thumbnail: the card shows a plain box
            self._images[slot] = image
        return self._images[slot]

    # -- layout ---------------------------------------------------------------------------------------
    def layout(self) -> None:
        if not self._read:
            self.refresh()
        theme = self.theme
        unit, margin = theme.unit, theme.margin
        width, height = theme.width, theme.height
        # The header: the title, the key hint, and Back on the right.
        title_height = round(theme.size("title") * 1.3)
        back_height = self.back.measure(theme, self._small_width(self.back))
        self.back.rect = pygame.Rect(0, 0, self._small_width(self.back), back_height)
        self.back.rect.midright = (width - margin, margin + title_height // 2)
        self.title_pos = (margin, margin)
        title_width = text.line(self._title(), "serif", theme.size("title"), self.palette.ink).get_width()
        room = self.back.rect.x - unit * 3 - (margin + title_width + unit * 3)
        verb = "save here" if self.mode == "save" else "load"
        hint = f"Arrows to move, Enter to {verb}, Delete to remove, Esc to go back."
        fits = text.line(hint, "sans", theme.size("caption"), self.palette.ink_soft).get_width() <= room
        self.hint = hint if fits else ""  # a cut-off hint helps no one; the keys still work
        self.hint_pos = (margin + title_width + unit * 3, margin + title_height // 2)
        self.rule_y = margin + title_height + unit
        area = pygame.Rect(margin, self.rule_y + unit * 2, width - margin * 2, height - margin - self.rule_y - unit * 2)
        self._arrange(area)
        self._place_cards()
        buttons = [card.button for card in self.cards] + [self.back]
        first = not self.focus.buttons
        self.focus.set(buttons)
        if first:
            self.focus.index = self._initial_focus()

    def _title(self) -> str:
        return "Save" if self.mode == "save" else "Load"

    def _small_width(self, button: Button) -> int:
        theme = self.theme
        label = text.line(button.label, "sans", theme.size("caption"), (0, 0, 0)).get_width()
        return (button.badge_width(theme) if button.key else 0) + label + theme.unit * 2

    def _arrangements(self) -> list[tuple[str, int, int, dict[str, tuple[int, int]]]]:
        """(kind, columns, rows, slot -> (row, column)) for each way the cards may stand."""
        grid = {slot: (i // 3, i % 3) for i, slot in enumerate(NUMBERED)}
        if self.mode == "save":
            return [("grid", 3, 2, grid)]
        beside = {"auto": (0, 0), "quick": (1, 0), **{s: (r, c + 1) for s, (r, c) in grid.items()}}
        above = {"auto": (0, 0), "quick": (0, 1), **{s: (r + 1, c) for s, (r, c) in grid.items()}}
        return [("beside", 4, 2, beside), ("above", 3, 3, above)]

    def _arrange(self, area: pygame.Rect) -> None:
        """Choose the arrangement and card layout that give the largest thumbnails."""
        unit = self.theme.unit
        gap = unit * 2
        best: tuple[float, str, int, int, dict, CardPlan, int] | None = None
        for kind, columns, rows, places in self._arrangements():
            extra = gap if kind != "grid" else 0  # room for a rule between the two kinds of save
            cell_w = (area.width - gap * (columns - 1) - (extra if kind == "beside" else 0)) // columns
            cell_h = (area.height - gap * (rows - 1) - (extra if kind == "above" else 0)) // rows
            stack, side = self._plan(cell_w, cell_h, False), self._plan(cell_w, cell_h, True)
            plan = side if side is not None and (stack is None or side.score > stack.score) else stack
            if plan is None:
                continue
            score = plan.score * (1.15 if kind == "beside" else 1.0)
            if best is None or score > best[0]:
                best = (score, kind, columns, rows, places, plan, extra)
        if best is None:  # very large text in a small window: no thumbnails, the tag and the text only
            kind, columns, rows, places = self._arrangements()[0]
            extra = gap if kind != "grid" else 0
            cell_w = (area.width - gap * (columns - 1) - extra) // columns
            cell_h = (area.height - gap * (rows - 1)) // rows
            pad = unit + unit // 2
            tag_h = round(self.theme.size("ui") * 1.3)
            best = (0, kind, columns, rows, places,
                    CardPlan((cell_w, cell_h), pygame.Rect(pad, pad, 0, tag_h), False, pad + tag_h + unit // 2),
                    extra)
        _score, kind, columns, rows, places, plan, extra = best
        self.plan = plan
        card_w, card_h = plan.size
        total_h = rows * card_h + (rows - 1) * gap + (extra if kind == "above" else 0)
        total_w = columns * card_w + (columns - 1) * gap + (extra if kind == "beside" else 0)
        left = area.x + (area.width - total_w) // 2
        top = area.y + max(0, (area.height - total_h) // 3)  # a little above the middle: calmer
        old = {card.slot: card for card in self.cards}
        self.cards = []
        for slot in self.slots:
            row, col = places[slot]
            x = left + col * (card_w + gap) + (extra if kind == "beside" and col > 0 else 0)
            y = top + row * (card_h + gap) + (extra if kind == "above" and row > 0 else 0)
            button = old[slot].button if slot in old else Button(f"slot {slot}", lambda s=slot: self.choose(s))
            button.rect = pygame.Rect(x, y, card_w, card_h)
            self.cards.append(Card(slot, row, col, button, self.infos.get(slot)))
        self.divider = None
        if kind == "beside":
            x = left + card_w + (gap + extra) // 2
            self.divider = ((x, top + unit), (x, top + total_h - unit))
        elif kind == "above":
            y = top + card_h + (gap + extra) // 2
            self.divider = ((left + unit, y), (left + total_w - unit, y))

    def _line_heights(self) -> tuple[int, int]:
        """The height of the act's line and of a caption line."""
        theme = self.theme
        return round(theme.size("body") * 1.3), round(theme.size("caption") * 1.45)

    def _side_width(self) -> int:
        """The narrowest column beside a thumbnail that still holds the date and time saved."""
        theme = self.theme
        return text.line("22 Sep 2026", "sans", theme.size("caption"), (0, 0, 0)).get_width() + theme.unit

    def _badge_width(self) -> int:
        return round(self.theme.size("ui") * 1.5)

    def _plan(self, cell_w: int, cell_h: int, side: bool) -> CardPlan | None:
        """The largest 16:9 thumbnail a card of this cell can hold with its text; None if none."""
        unit = self.theme.unit
        pad = unit + unit // 2
        act_h, small_h = self._line_heights()
        inner_w, inner_h = cell_w - pad * 2, cell_h - pad * 2
        below = act_h + small_h * (1 if side else 2)
        room_w = inner_w - (unit * 2 + self._side_width() if side else 0)
        room_h = inner_h - unit - below
        thumb_w = min(room_w, round(room_h * ASPECT))
        thumb_h = round(thumb_w / ASPECT)
        if thumb_w < unit * 8 or (side and thumb_h < small_h * 3):
            return None
        card_h = pad * 2 + thumb_h + unit + below
        return CardPlan((cell_w, card_h), pygame.Rect(pad, pad, thumb_w, thumb_h), side, pad + thumb_h + unit)

    def _place_cards(self) -> None:
        """Each card's thumbnail, its lines of text, and the focus ring's enabled flags."""
        assert self.plan is not None
        theme = self.theme
        unit = theme.unit
        act_h, small_h = self._line_heights()
        plan = self.plan
        pad = plan.thumb.x
        for card in self.cards:
            rect = card.rect
            info = card.info
            card.button.enabled = self.mode == "save" or (info is not None and not info.error)
            card.thumb = plan.thumb.move(rect.topleft)
            inner_w = rect.width - pad * 2
            x, y = rect.x + pad, rect.y + plan.below
            card.lines = []
            card.label = pygame.Rect(x, y, inner_w, act_h)
            body, caption = theme.size("body"), theme.size("caption")
            when = saved_label(info.saved_at) if info is not None and not info.error else ""
            if info is None:
                card.lines.append(Line(fit("Empty", "serif_italic", body, inner_w), "serif_italic", body, "ink_soft",
                                   (x, y)))
            elif info.error:
                card.lines.append(Line("Damaged", "sans_bold", theme.size("ui"), "bad", (x, y)))
                reason = info.error[0].upper() + info.error[1:] + "."
                for i, words in enumerate(wrap(reason, "sans", caption, inner_w, 1 if plan.side else 2)):
                    card.lines.append(Line(words, "sans", caption, "ink_soft", (x, y + act_h + i * small_h)))
            else:
                meta = info.meta
                act = str(meta.get("act") or "")
                when_place = "  ·  ".join(str(part) for part in (meta.get("date"), meta.get("place")) if part)
                card.lines.append(Line(fit(act or "Untitled act", "serif", body, inner_w), "serif", body, "ink",
                                       (x, y)))
                card.lines.append(Line(fit(when_place, "serif_italic", caption, inner_w), "serif_italic", caption,
                                   "ink_soft", (x, y + act_h)))
                if not plan.side:
                    card.lines.append(Line(fit(f"Saved {when}" if when else "", "sans", caption, inner_w), "sans",
                                       caption, "ink_soft", (x, y + act_h + small_h)))
            if plan.side and when:
                side_x = card.thumb.right + unit * 2
                side_w = rect.right - pad - side_x
                date, _comma, clock = when.partition(", ")
                for i, (words, colour) in enumerate((("Saved", "accent"), (date, "ink_soft"), (clock, "ink_soft"))):
                    card.lines.append(Line(fit(words, "sans", caption, side_w), "sans", caption, colour,
                                       (side_x, card.thumb.y + i * small_h)))
            # What does not fit (very large text) is left out rather than cut through.
            card.lines = [line for line in card.lines
                          if line.pos[1] + text.line(line.words or " ", line.face, line.size, (0, 0, 0)).get_height()
                          <= rect.bottom - unit // 2]
            self._scale(card)

    def _scale(self, card: Card) -> None:
        image = self._image(card.slot)
        size = card.thumb.size
        cached = self._scaled.get(card.slot)
        if image is None or size[0] <= 0 or size[1] <= 0:
            self._scaled.pop(card.slot, None)
        elif cached is None or cached.get_size() != size:
            self._scaled[card.slot] = pygame.transform.smoothscale(image, size)

    def _initial_focus(self) -> int:
        """Saving: the first empty slot (else slot 1). Loading: the newest save that loads."""
        if self.mode == "save":
            empty = [i for i, card in enumerate(self.cards) if card.info is None]
            return empty[0] if empty else 0
        loadable = [(card.info.saved_at, i) for i, card in enumerate(self.cards)
                    if card.info is not None and not card.info.error]
        return max(loadable)[1] if loadable else 0

    # -- actions --------------------------------------------------------------------------------------
    def card(self, slot: str) -> Card | None:
        return next((card for card in self.cards if card.slot == slot), None)

    def choose(self, slot: str) -> None:
        card = self.card(slot)
        if card is None:
            return
        self._focus_card(card)
        if self.mode == "load":
            if card.info is None:
                self.app.notify(f"{card.name} is empty.")
                return
            if card.info.error:
                self.app.notify(f"{card.name} is damaged and cannot be loaded.")
                return
            if not self.app.load_slot(slot):
                self.refresh()
                self.layout()
            return
        if self.app.session is None:
            self.app.notify("There is no game to save.")
            return
        if card.info is None:
            self._write(slot)
            return
        from .message import MessageScreen

        if card.info.error:
            body = f"{card.name} holds a damaged save. Saving here replaces it."
        else:
            body = f"{card.name} holds {self._describe(card.info)}. Saving here replaces it."
        self.app.push(MessageScreen(self.app, f"Overwrite {card.name.lower()}?", body,
                                    [("Overwrite", True), ("Cancel", False)]),
                      lambda go, s=slot: self._write(s) if go else None)

    def _describe(self, info: SaveInfo) -> str:
        """'the game of Spring 1958 (Prologue), saved on 22 Nov 2026, 14:05'"""
        meta = info.meta
        what = f"the game of {meta['date']}" if meta.get("date") else "a game"
        if meta.get("act"):
            what += f" ({meta['act']})"
        when = saved_label(info.saved_at)
        return f"{what}, saved on {when}" if when else what

    def _write(self, slot: str) -> None:
        self.app.write_save(slot)  # it tells the player how it went
        self.refresh(slot)
        self.layout()
        self.invalidate()

    def ask_delete(self, slot: str) -> None:
        card = self.card(slot)
        if card is None or card.info is None:
            return
        from .message import MessageScreen

        what = "a damaged save" if card.info.error else self._describe(card.info)
        self.app.push(MessageScreen(self.app, f"Delete {card.name.lower()}?",
                                    f"This removes {what}. It cannot be undone.",
                                    [("Delete", True), ("Cancel", False)]),
                      lambda go, s=slot: self._delete(s) if go else None)

    def _delete(self, slot: str) -> None:
        try:
            self.app.saves.delete(slot)
            self.app.saves.path(slot).with_suffix(".png").unlink(missing_ok=True)
        except OSError as exc:
            self.app.notify(f"Could not delete the save: {exc.strerror or exc}")
        else:
            self.app.notify("Deleted.")
        self.refresh(slot)
        self.layout()
        self.invalidate()

    # -- focus and input ------------------------------------------------------------------------------
    def _focus_card(self, card: Card) -> None:
        self.focus.index = self.cards.index(card)

    def _focused_card(self) -> Card | None:
        return self.cards[self.focus.index] if 0 <= self.focus.index < len(self.cards) else None

    def _hovered_card(self, pos: tuple[int, int] | None) -> Card | None:
        if pos is None:
            return None
        return next((card for card in self.cards if card.rect.collidepoint(pos)), None)

    def _active_card(self, pos: tuple[int, int] | None) -> Card | None:
        """The card Delete acts on: the focused one for keyboard players, else the one under the mouse."""
        if self.focus.visible:
            return self._focused_card()
        return self._hovered_card(pos) or self._focused_card()

    def _delete_rect(self, card: Card | None) -> pygame.Rect | None:
        """The Delete button's place on a card that holds a save: the thumbnail's lower right corner,
        else the card's upper right corner; None when it would cover the tag (the key still works)."""
        if card is None or card.info is None:
            return None
        theme = self.theme
        width = self._small_width(self.delete)
        height = self.delete.measure(theme, width)
        inset = theme.unit // 2
        tag = self._tag_rect(card)
        places = [pygame.Rect(card.thumb.right - inset - width, card.thumb.bottom - inset - height, width, height),
                  pygame.Rect(card.rect.right - card.thumb.x + card.rect.x - width, tag.y, width, height)]
        for place in places:
            inside = card.thumb if place is places[0] else card.rect
            if inside.contains(place) and not place.colliderect(tag.inflate(inset * 2, inset * 2)):
                return place
        return None

    def _move(self, dx: int, dy: int) -> None:
        if not self.focus.visible:
            self.focus.visible = True
            return
        current = self._focused_card()
        if current is None:  # on Back: any arrow but Up comes down to the nearest card
            if dy >= 0 and self.cards:
                top = min(card.row for card in self.cards)
                self._focus_card(max((c for c in self.cards if c.row == top), key=lambda c: c.col))
            return
        if dx:
            index = (self.cards.index(current) + dx) % len(self.cards)
            self.focus.index = index
            return
        row = current.row + dy
        candidates = [card for card in self.cards if card.row == row]
        if not candidates:
            if dy < 0:
                self.focus.index = len(self.cards)  # up from the top row: Back
            return
        self._focus_card(min(candidates, key=lambda c: (abs(c.col - current.col), c.col)))

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_ESCAPE:
                self.dismiss()
            elif key == pygame.K_TAB:
                if self.focus.visible:
                    step = -1 if event.mod & pygame.KMOD_SHIFT else 1
                    self.focus.index = (self.focus.index + step) % len(self.focus.buttons)
                self.focus.visible = True
            elif key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN):
                dx = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1}.get(key, 0)
                dy = {pygame.K_UP: -1, pygame.K_DOWN: 1}.get(key, 0)
                self._move(dx, dy)
            elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                if not self.focus.visible:
                    self.focus.visible = True  # the first Enter shows where the focus is
                elif self.focus.current is not None:
                    self.focus.current.action()
            elif key == pygame.K_DELETE:
                card = self._active_card(self.app.mouse)
                if card is not None:
                    self.ask_delete(card.slot)
            elif key in DIGIT_KEYS:
                self.focus.visible = True
                self.choose(DIGIT_KEYS[key])
            self.invalidate()
        elif event.type == pygame.MOUSEMOTION:
            self.focus.visible = False
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            card = self._active_card(event.pos)
            target = self._delete_rect(card)
            if card is not None and target is not None and target.collidepoint(event.pos):
                self.ask_delete(card.slot)
            elif self.back.rect.collidepoint(event.pos):
                self.dismiss()
            else:
                card = self._hovered_card(event.pos)
                if card is not None and card.button.enabled:
                    card.button.action()
            self.invalidate()

    # -- drawing --------------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme, palette = self.theme, self.palette
        surface.fill(palette.paper)
        blit_line(surface, self._title(), "serif", theme.size("title"), palette.ink, self.title_pos)
        if self.hint:
            blit_line(surface, self.hint, "sans", theme.size("caption"), mix(palette.ink_soft, palette.paper, 0.2),
                      self.hint_pos, anchor="midleft")
        pygame.draw.line(surface, palette.rule, (theme.margin, self.rule_y), (theme.width - theme.margin, self.rule_y))
        if self.divider is not None:
            pygame.draw.line(surface, palette.rule, *self.divider)
        mouse = None if self.focus.visible else self.app.mouse
        hovered = self._hovered_card(mouse)
        focused = self._focused_card() if self.focus.visible else None
        for card in self.cards:
            self._draw_card(surface, card, hovered=card is hovered, focused=card is focused)
        active = self._active_card(mouse)
        delete_rect = self._delete_rect(active) if active is not None and (active is hovered or active is focused) \
            else None
        if delete_rect is not None:
            self.delete.rect = delete_rect
            over = mouse is not None and delete_rect.collidepoint(mouse)
            self.delete.draw(surface, theme, palette, hovered=over, focused=False)
        self.back.draw(surface, theme, palette, hovered=mouse is not None and self.back.rect.collidepoint(mouse),
                       focused=self.focus.visible and self.focus.current is self.back)

    def _draw_card(self, surface: pygame.Surface, card: Card, *, hovered: bool, focused: bool) -> None:
        theme, palette = self.theme, self.palette
        enabled = card.button.enabled
        fill, border = palette.card, palette.rule
        if not enabled:
            fill = mix(palette.card, palette.paper, 0.6)
        elif hovered:
            fill, border = mix(palette.card, palette.accent2, 0.18), palette.accent2
        panel(surface, card.rect, palette, theme, fill=fill, border=border, shadow=enabled)
        clip = surface.get_clip()
        surface.set_clip(card.rect.clip(clip) if clip else card.rect)
        if card.thumb.width > 0:
            image = self._scaled.get(card.slot)
            if image is not None:
                surface.blit(image, card.thumb)
            else:
                pygame.draw.rect(surface, palette.paper, card.thumb)
            pygame.draw.rect(surface, mix(palette.rule, palette.paper, 0.3), card.thumb, width=1)
        self._draw_tag(surface, card)
        for words, face, size, colour, pos in card.lines:
            if not words:
                continue
            ink: Color = getattr(palette, colour)
            if not enabled and colour == "ink":
                ink = palette.ink_soft
            surface.blit(text.line(words, face, size, ink), pos)
        surface.set_clip(clip)
        if focused:
            focus_ring(surface, card.rect, palette, theme)

    def _tag_rect(self, card: Card) -> pygame.Rect:
        theme = self.theme
        label = text.line(self._tag_words(card), "sans_bold", theme.size("caption"), (0, 0, 0))
        inset = theme.unit // 2 if card.thumb.width > 0 else 0
        return pygame.Rect(card.thumb.x + inset, card.thumb.y + inset,
                           max(self._badge_width(), label.get_width() + theme.unit * 2), round(theme.size("ui") * 1.3))

    @staticmethod
    def _tag_words(card: Card) -> str:
        return card.slot if card.slot in NUMBERED else card.name

    def _draw_tag(self, surface: pygame.Surface, card: Card) -> None:
        """The slot's number (its key), or Autosave or Quicksave, in an ink tag on the thumbnail."""
        theme, palette = self.theme, self.palette
        tag = self._tag_rect(card)
        pygame.draw.rect(surface, palette.ink if card.button.enabled else palette.ink_soft, tag,
                         border_radius=theme.radius)
        blit_line(surface, self._tag_words(card), "sans_bold", theme.size("caption"), palette.card, tag.center,
                  anchor="center")
