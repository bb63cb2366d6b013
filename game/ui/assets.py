"""Fonts and images from assets/, loaded on first use and cached.

Fonts are the OFL subsets built by assets/fonts/build_fonts.py: EB Garamond for prose and
titles, Noto Sans for the interface, Noto Serif CJK SC for Chinese. A missing image is not an
error (the screen draws without it); a missing font falls back to pygame's default font, so a
broken install still shows text rather than crashing.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pygame

ASSETS = Path(__file__).resolve().parents[2] / "assets"
FONT_FILES = {
    "serif": "ebgaramond-regular.otf",
    "serif_italic": "ebgaramond-italic.otf",
    "sans": "notosans-regular.ttf",
    "sans_bold": "notosans-bold.ttf",
    "cjk": "notoserifcjk-sc.otf",
}
# Chinese characters look larger than Latin at the same size; this keeps them in proportion.
CJK_SCALE = 0.9


@lru_cache(maxsize=128)
def font(face: str, size: int) -> pygame.font.Font:
    if not pygame.font.get_init():
        pygame.font.init()
    if face == "cjk":
        size = max(8, round(size * CJK_SCALE))
    path = ASSETS / "fonts" / FONT_FILES[face]
    try:
        return pygame.font.Font(path, size)
    except (OSError, FileNotFoundError, pygame.error):
        return pygame.font.Font(None, size)


@lru_cache(maxsize=32)
def _image(name: str) -> pygame.Surface | None:
    path = ASSETS / "images" / name
    try:
        image = pygame.image.load(path)
    except (OSError, FileNotFoundError, pygame.error):
        return None
    return image.convert() if pygame.display.get_surface() is not None else image


@lru_cache(maxsize=16)
def image_cover(name: str, width: int, height: int, focus_y: float = 0.5) -> pygame.Surface | None:
    """The image scaled and cropped to fill width x height (like CSS object-fit: cover).
    `focus_y` says which part of a tall crop to keep: 0 the top, 0.5 the middle, 1 the bottom."""
    image = _image(name)
    if image is None or width <= 0 or height <= 0:
        return None
    iw, ih = image.get_size()
    scale = max(width / iw, height / ih)
    scaled = pygame.transform.smoothscale(image, (max(1, round(iw * scale)), max(1, round(ih * scale))))
    x = (scaled.get_width() - width) // 2
    y = round((scaled.get_height() - height) * focus_y)
    return scaled.subsurface((x, y, width, height)).copy()


@lru_cache(maxsize=8)
def faded_cover(name: str, width: int, height: int, focus_y: float, paper: tuple[int, int, int],
                downwards: bool) -> pygame.Surface | None:
    """image_cover with a soft fade into the paper at its inner edge (the bottom of a band
    across the top, else the right side), made once per size and paper colour, not per frame."""
    art = image_cover(name, width, height, focus_y)
    if art is None:
        return None
    art = art.copy()
    fade = max(8, min(width, height) // 10)
    for i in range(fade):
        strip = pygame.Surface((width, 1) if downwards else (1, height), pygame.SRCALPHA)
        strip.fill((*paper, round(255 * (i + 1) / fade)))
        art.blit(strip, (0, height - fade + i) if downwards else (width - fade + i, 0))
    return art


def art_for_act(act_id: str) -> str:
    """The image of an act: assets/images/act_<id>.png or <id>.png (the epilogue's), else the title's."""
    for name in (f"act_{act_id}.png", f"{act_id}.png"):
        if (ASSETS / "images" / name).exists():
            return name
    return "title.png"


def reset() -> None:
    """Forget every loaded font and image. Needed whenever pygame is (re)started: a Font kept
    from before pygame.quit() points at freed memory and crashes the interpreter when used."""
    font.cache_clear()
    _image.cache_clear()
    image_cover.cache_clear()
    faded_cover.cache_clear()
    from . import text

    text.clear_caches()
