"""The page: where the art, the text column and the stat meters go, for any window.

Wide windows put the act's art in a column on the left and the text on the right; narrow or
short ones put a band of art across the top. The text column never grows wider than a
comfortable measure (about 68 characters), and everything is spaced in theme units, so the
page keeps its proportions from 1024x600 to 4K.
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from . import assets
from .theme import HIGH_CONTRAST, Palette, Theme, mix


@dataclass(frozen=True)
class Page:
    art: pygame.Rect  # may be empty
    column: pygame.Rect  # the text column, margins included
    hud: pygame.Rect  # the stat meters, at the top of the column
    body: pygame.Rect  # below the meters: header, text and choices (scrolls)


def page_layout(theme: Theme, with_hud: bool = True) -> Page:
    width, height = theme.width, theme.height
    margin = theme.margin
    wide = width / height >= 1.45 and width >= 1100
    if theme.projector or theme.palette == HIGH_CONTRAST:
        # High contrast shows no art (a faded woodcut is low contrast by nature), so its space goes
        # to the text rather than to an empty panel; on a projector that is what the room reads.
        art = pygame.Rect(0, 0, 0, 0)
        free = pygame.Rect(0, 0, width, height)
    elif wide:
        art_width = round(width * 0.36)
        art = pygame.Rect(0, 0, art_width, height)
        free = pygame.Rect(art_width, 0, width - art_width, height)
    else:
        band = round(height * 0.2)
        art = pygame.Rect(0, 0, width, band)
        free = pygame.Rect(0, band, width, height - band)
    column_width = min(free.width - margin * 2, theme.measure + margin)
    column = pygame.Rect(free.x + (free.width - column_width) // 2, free.y + margin, column_width,
                         free.height - margin * 2)
    hud_height = (theme.size("caption") * 2 + theme.unit * 2) if with_hud else 0
    hud = pygame.Rect(column.x, column.y, column.width, hud_height)
    body = pygame.Rect(column.x, hud.bottom + (theme.unit * 2 if with_hud else 0), column.width,
                       column.bottom - hud.bottom - (theme.unit * 2 if with_hud else 0))
    return Page(art, column, hud, body)


def draw_background(surface: pygame.Surface, palette: Palette) -> None:
    surface.fill(palette.paper)


def draw_art(surface: pygame.Surface, page: Page, image: str, palette: Palette, *, high_contrast: bool = False) -> None:
    """The act's woodcut, faded into the paper at its inner edge."""
    rect = page.art
    if rect.width <= 0 or rect.height <= 0:
        return
    # A band across the top keeps the lower middle of the picture, where the village and the
    # people are, rather than its sky.
    band = rect.height < rect.width * 0.5
    art = None if high_contrast else assets.faded_cover(image, rect.width, rect.height, 0.62 if band else 0.5,
                                                        palette.paper, band)
    if art is None:
        pygame.draw.rect(surface, mix(palette.paper, palette.rule, 0.35), rect)
        return
    surface.blit(art, rect)
