"""The published JSON Schema: no drift from the models, and every output validates against it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import speechparse

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "schemas" / f"report-{speechparse.SCHEMA_VERSION}.schema.json"
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.txt")) + sorted(
    (ROOT / "seeds").glob("*.txt")
)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_matches_the_models() -> None:
    """Regenerate with `python tools/write_schema.py` after changing the models."""
    committed = json.loads(SCHEMA_FILE.read_text("utf-8"))
    assert committed == speechparse.json_schema()


def test_schema_names_its_version_and_dialect() -> None:
    schema = speechparse.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["version"] == speechparse.SCHEMA_VERSION
    assert speechparse.SCHEMA_VERSION in schema["$id"]


def _properties(node: Any, path: str = "$") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            found.append((f"{path}.{name}", prop))
        for key, value in node.items():
            found.extend(_properties(value, f"{path}/{key}"))
    elif isinstance(node, list):
        for value in node:
            found.extend(_properties(value, path))
    return found


def test_every_field_has_a_description() -> None:
    undocumented = [
        path for path, prop in _properties(speechparse.json_schema()) if "description" not in prop
    ]
    assert undocumented == []


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
@pytest.mark.parametrize("keywords", [False, True], ids=["plain", "keywords"])
def test_outputs_validate_against_the_committed_schema(
    validator: jsonschema.Draft202012Validator, path: Path, keywords: bool
) -> None:
    data = json.loads(speechparse.to_json(speechparse.parse_file(path, keywords=keywords)))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, f"{path.name}: {errors[0].json_path}: {errors[0].message}"


def test_validate_round_trips_and_names_the_failing_path() -> None:
    report = speechparse.parse_file(FIXTURES[0], keywords=False)
    blob = speechparse.to_json(report)
    assert speechparse.validate(blob) == report
    data = json.loads(blob)
    data["speeches"][0]["speaker"]["name"] = 42
    with pytest.raises(speechparse.SchemaValidationError) as caught:
        speechparse.validate(data)
    assert caught.value.path == "$.speeches[0].speaker.name"
    assert "$.speeches[0].speaker.name" in str(caught.value)


@pytest.mark.parametrize(
    ("blob", "path"),
    [
        (b"{not json", "$"),
        (b"[]", "$"),
        (b'{"schema_version": "9.9.9"}', "$.schema_version"),
    ],
    ids=["not-json", "array", "wrong-version"],
)
def test_validate_rejects_bad_documents(blob: bytes, path: str) -> None:
    with pytest.raises(speechparse.SchemaValidationError) as caught:
        speechparse.validate(blob)
    assert caught.value.path == path


def test_json_keeps_chinese_as_utf8() -> None:
    blob = speechparse.to_json(speechparse.parse_file(FIXTURES[0], keywords=False))
    assert b"\\u" not in blob
    assert "市".encode() in blob
