"""The outcome: what happened in the village, what it changed, and what happened in China.

The outcome prose comes first, then the changes to the stats (the meters above animate them),
then an "In history" panel with each cited fact in plain words and its sources, as players may
see them (author, title, year; never a URL). Each fact opens in full on demand (its number key,
or a click). Enter continues to the next scene, or to the ending.
"""
from __future__ import annotations

import pygame

from game.core.engine import Outcome
from game.core.model import Fact, Scene

from .. import text
from ..reading import Part, ReadingScreen
from ..theme import mix
from ..widgets import Button, panel


class OutcomeScreen(ReadingScreen):
    name = "outcome"

    def __init__(self, app, outcome: Outcome) -> None:
        super().__init__(app)
        self.outcome = outcome
        self.previous_scene = app.story.scenes[outcome.choice.scene]
        # The meters start at the values before the choice and move to the new ones.
        self._before = {name: before for name, (before, _after) in outcome.changes.items()}

    @property
    def scene(self) -> Scene:
        return self.previous_scene

    def layout(self) -> None:
        first = not self.meters
        super().layout()
        if first:
            for meter, name in zip(self.meters, self.app.story.stats):
                if name in self._before:
                    meter.value = meter.target = self._before[name]
            self._sync_meters(animate=True)

    def build(self, width: int) -> list[Part]:
        theme = self.theme
        level = self.app.settings.content_level
        parts = self.header_parts(width, label="What happened")
        chosen = text.layout(self.outcome.choice.text.get(level), width, theme.size("body"), face="serif_italic")
        parts.append(Part("caption", chosen.height + theme.unit * 2, block=chosen, color="ink_soft"))
        parts.append(self.prose_part(self.outcome.text.get(level), width))
        if self.outcome.changes:
            parts.append(Part("panel", round(theme.size("ui") * 1.6) + theme.unit * 2, draw=self._draw_changes))
        facts = self.outcome.facts
        if facts:
            parts.append(self.gap(1))
            heading = text.layout("IN HISTORY", width, theme.size("caption"), face="sans", line_height=1.3)
            parts.append(Part("caption", heading.height + theme.unit, block=heading, color="accent"))
            for number, fact in enumerate(facts, 1):
                parts.append(self._fact_part(fact, number, width))
        parts.append(self.gap(1))
        label = "See how it ended" if self.outcome.ending is not None else "Continue"
        button = Button(label, self.proceed, key="Enter")
        parts.append(Part("button", button.measure(theme, width) + theme.unit, button=button))
        return parts

    def _fact_part(self, fact: Fact, number: int, width: int) -> Part:
        theme = self.theme
        level = self.app.settings.content_level
        inner = width - theme.unit * 4
        title = text.layout(f"{fact.title}  ({fact.when})", inner, theme.size("ui"), face="sans_bold",
                            line_height=1.3)
        claim = text.layout(fact.claim.get(level), inner, theme.size("caption"), line_height=1.38)
        cites = "; ".join(source.cite for source in self.app.story.visible_sources(fact))
        sources = text.layout(f"Sources: {cites}", inner, theme.size("caption"), face="serif_italic",
                              line_height=1.3)
        hint = text.layout(f"Press {number} or click to read it in full", inner, theme.size("caption"),
                           face="sans", line_height=1.3)
        height = title.height + claim.height + sources.height + hint.height + theme.unit * 6

        def draw(surface: pygame.Surface, rect: pygame.Rect) -> None:
            palette = self.palette
            box = pygame.Rect(rect.x, rect.y, rect.width, height - theme.unit)
            panel(surface, box, palette, theme, fill=mix(palette.card, palette.paper, 0.3), shadow=False)
            pygame.draw.line(surface, palette.accent, box.topleft, box.bottomleft, max(2, theme.unit // 3))
            x, y = box.x + theme.unit * 2, box.y + theme.unit * 2
            for block, color in ((title, palette.ink), (claim, palette.ink), (sources, palette.ink_soft),
                                 (hint, mix(palette.ink_soft, palette.paper, 0.25))):
                block.draw(surface, (x, y), color)
                y += block.height + theme.unit // 2
            self._fact_rects[fact.id] = box

        return Part("panel", height, draw=draw)

    _fact_rects: dict[str, pygame.Rect]

    def proceed(self) -> None:
        if not self.text_done:
            self.complete_text()
            return
        acts = self.acts_to_discuss()
        chapter = self.chapter_ended()

        def after(index: int) -> None:
            """Each ending act's discussion in turn, then, for an act played alone, the question
            of what next, then the game."""
            if index < len(acts):
                from .discussion import DiscussionScreen

                self.app.replace(DiscussionScreen(self.app, acts[index], lambda: after(index + 1)))
            elif chapter is not None:
                self.ask_after_chapter(chapter, self.go_on)
            else:
                self.go_on()
        after(0)

    def go_on(self) -> None:
        """On to where the choice leads: its ending, or the next scene."""
        if self.outcome.ending is not None:
            from .ending import EndingScreen

            self.app.replace(EndingScreen(self.app))
        else:
            from .scene import SceneScreen

            self.app.replace(SceneScreen(self.app))

    def chapter_ended(self):
        """The act this choice ends, when the game was started from Chapters at that act (a lesson's
        worth), and the story goes on into the next act; else None."""
        story = self.app.story
        left = story.scenes[self.outcome.choice.scene].act
        state = self.app.session.state
        started = state.started_act
        from_its_start = bool(state.log) and started in story.acts and state.log[0].scene == story.acts[started].start
        if self.outcome.ending is None and from_its_start and started == left and self.outcome.next_scene.act != left:
            return story.acts.get(left)
        return None

    def ask_after_chapter(self, act, going_on, saved: bool = False) -> None:
        from .message import MessageScreen
        from .title import TitleScreen

        next_act = self.app.story.acts.get(self.outcome.next_scene.act)
        # The outcome screen stays underneath, so the question reads over what just happened.
        self.app.replace(self)

        def answer(result) -> None:
            if result == "menu":
                self.app.autosave()
                self.app.session = None
                self.app.reset_to(TitleScreen(self.app))
            elif result == "report":
                self.ask_after_chapter(act, going_on, saved=self.app.export_report() is not None)
            else:
                going_on()

        going = next_act.title if next_act else "the next act"
        if saved:  # Enter: the main menu; Esc: go on
            body = f"The report is saved. The story goes on into {going}, or you can stop here."
            buttons = [("Main menu", "menu"), ("Go on", "next")]
        else:  # Enter: save the report; Esc: go on
            body = (f"You played {act.title} on its own. Save a report of it to print or hand in, stop here, "
                    f"or go on into {going}.")
            buttons = [("Save report", "report"), ("Main menu", "menu"), ("Go on", "next")]
        self.app.push(MessageScreen(self.app, f"The end of {act.title}", body, buttons), answer)

    def acts_to_discuss(self) -> list:
        """In classroom mode: the act this choice ends, when the story moves on to another, and
        the last act when the game ends; each with its prompts."""
        if not self.app.settings.classroom_mode:
            return []
        story = self.app.story
        left = story.acts.get(story.scenes[self.outcome.choice.scene].act)
        arrived = story.acts.get(self.outcome.next_scene.act)
        acts = []
        if left is not None and arrived is not left:
            acts.append(left)
        if self.outcome.ending is not None and arrived is not None and arrived not in acts:
            acts.append(arrived)
        return [act for act in acts if act.discussion]

    def open_fact(self, fact: Fact) -> None:
        from .fact import FactScreen

        self.app.push(FactScreen(self.app, fact))

    def _draw_changes(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme, palette = self.theme, self.palette
        x = rect.x
        y = rect.y + theme.unit
        for name, (before, after) in self.outcome.changes.items():
            delta = after - before
            label = f"{self.app.story.stats[name].label} {'+' if delta > 0 else '–'}{abs(delta)}"
            chip = text.render(label, "sans_bold", theme.size("ui"), palette.card)
            box = chip.get_rect(topleft=(x, y)).inflate(theme.unit * 2, theme.unit)
            box.topleft = (x, y)
            pygame.draw.rect(surface, palette.good if delta > 0 else palette.bad, box, border_radius=theme.radius)
            surface.blit(chip, chip.get_rect(center=box.center))
            x = box.right + theme.unit

    def handle(self, event: pygame.event.Event) -> None:
        if self.handle_reading_keys(event):
            return
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.proceed()
                return
            if pygame.K_1 <= event.key <= pygame.K_9 and self.text_done:
                number = event.key - pygame.K_1
                if number < len(self.outcome.facts):
                    self.open_fact(self.outcome.facts[number])
                return
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            if not self.text_done:
                self.complete_text()
                return
            for fact in self.outcome.facts:
                rect = self._fact_rects.get(fact.id)
                if rect is not None and rect.collidepoint(event.pos):
                    self.open_fact(fact)
                    return
        if self.text_done:
            self.focus.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        self._fact_rects = {}
        super().draw(surface)
