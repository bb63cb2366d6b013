"""The error reference documents every code, under the title the code table gives it."""
import re
from pathlib import Path

from game.core.diagnostics import CODES

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_errors_md_has_a_section_per_code_in_order():
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## ([EW]\d{3}): (.+)$", text, re.MULTILINE)
    assert headings == [(code, title) for code, (_severity, title) in CODES.items()]


def test_every_code_section_shows_a_real_message_line():
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    for section in sections:
        code = section[:4]
        severity = CODES[code][0]
        assert f"{severity} {code}:" in section, f"{code}: no example message"
