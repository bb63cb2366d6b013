"""The JSON Schema of the story format, generated from game/core/spec.py.

Shipped as docs/story.schema.json: each story file names it on its first line
(`# yaml-language-server: $schema=...`), and VS Code's YAML extension then completes keys and
flags mistakes as writers type. `python -m game schema -o docs/story.schema.json` regenerates it;
a test fails when the shipped file and the spec differ.
"""
from __future__ import annotations

import json
from typing import Any

from game.core import spec

SCHEMA_ID = "https://iron-and-grain.invalid/story.schema.json"  # an id, never fetched


def _scalar(sp: spec.Scalar, doc: str) -> dict[str, Any]:
    out: dict[str, Any]
    kind = sp.kind
    if kind == "text":
        out = {"anyOf": [
            {"type": "string", "minLength": 1},
            {"type": "object", "additionalProperties": False, "required": ["full"],
             "properties": {"full": {"type": "string", "description": "The complete text."},
                            "classroom": {"type": "string",
                                          "description": "Without graphic detail, for classroom mode."}}},
        ]}
    elif kind == "int":
        out = {"type": "integer"}
        if sp.minimum is not None:
            out["minimum"] = sp.minimum
    elif kind == "bool":
        out = {"type": "boolean"}
    elif kind == "effect":
        out = {"anyOf": [{"type": "integer"}, {"type": "boolean"}, {"type": "string", "pattern": r"^\s*[=+-]"}]}
    elif kind == "date":
        out = {"type": ["string", "integer"], "pattern": sp.pattern}
    else:  # str, id, expr
        out = {"type": "string"}
        if sp.pattern:
            out["pattern"] = sp.pattern
        if sp.enum:
            out["enum"] = list(sp.enum)
        if kind == "str":
            out["minLength"] = 1
            if not sp.enum and not sp.pattern:  # the loader reads `when: 1959` as the text '1959'
                out["type"] = ["string", "number"]
    if doc:
        out["description"] = doc
    return out


def _convert(sp: spec.Spec, doc: str = "") -> dict[str, Any]:
    if isinstance(sp, spec.Scalar):
        return _scalar(sp, doc)
    if isinstance(sp, spec.ListOf):
        out: dict[str, Any] = {"type": "array", "items": _convert(sp.item)}
        if sp.min_items:
            out["minItems"] = sp.min_items
    elif isinstance(sp, spec.MapOf):
        out = {"type": "object", "propertyNames": {"pattern": sp.key_pattern},
               "additionalProperties": _convert(sp.value)}
    else:
        out = {
            "type": "object",
            "additionalProperties": False,
            "properties": {name: _convert(f.spec, f.doc) for name, f in sp.fields.items()},
        }
        required = [name for name, f in sp.fields.items() if f.required]
        if required:
            out["required"] = required
    if doc:
        out["description"] = doc
    return out


def build_schema() -> dict[str, Any]:
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "Iron and Grain story file",
        "description": "One file of an Iron and Grain story: story.yaml, history.yaml, glossary.yaml "
                       "or an act in acts/. See docs/story-format.md.",
        "if": {"type": "object", "required": ["act"]},
        "then": _convert(spec.ACT),
        "else": _convert(spec.DATA_FILE),
    }


def render() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"
