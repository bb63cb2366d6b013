"""The JSON Schema that editors use is generated from the spec, shipped, and agrees with the loader."""
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from game.tools.schema import render

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "docs" / "story.schema.json"
STORY_FILES = sorted((ROOT / "story").rglob("*.yaml")) + sorted((ROOT / "tests" / "stories" / "valid").rglob("*.yaml"))


def test_shipped_schema_matches_the_spec():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render(), \
        "docs/story.schema.json is stale: run python -m game schema -o docs/story.schema.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize("path", STORY_FILES, ids=[p.relative_to(ROOT).as_posix() for p in STORY_FILES])
def test_valid_story_files_pass_the_schema(path, validator):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.mark.parametrize("snippet, fragment", [
    ({"act": "a", "title": "t", "summary": "s", "minutes": 3, "start": "x", "scenes": [
        {"id": "x", "date": "1958-04", "place": "p", "text": "t", "choises": []}]}, "choises"),
    ({"title": "t", "stats": {"grain": {"label": "G", "description": "d", "min": 0, "max": 9}}}, "start"),
    ({"facts": {"F01": {"year": 1958, "when": "w", "title": "t", "claim": "c", "reliability": ["MAYBE"],
                        "sources": ["A"]}}}, "MAYBE"),
])
def test_schema_flags_what_the_loader_flags(snippet, fragment, validator):
    messages = " ".join(e.message for e in validator.iter_errors(snippet))
    assert fragment in messages


@pytest.mark.parametrize("path", sorted((ROOT / "story").rglob("*.yaml")),
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_story_files_name_the_schema_for_editors(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
    assert target == SCHEMA_PATH.resolve()
