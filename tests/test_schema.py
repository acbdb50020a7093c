"""The published JSON Schema: no drift from the models, strict enough for other languages'
validators (ajv strict mode compiles it), and every output validates against it with both
``jsonschema`` and ajv."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import speechparse
from conftest import Ajv

ROOT = Path(__file__).resolve().parent.parent
SPEAKER_FORMS = (
    "colon", "line", "name_first", "reported", "quote_first", "dash", "dash_ended", "glued",
    "dialogue", "label", "name_line", "author_note",
)  # fmt: skip
SCHEMA_FILE = ROOT / "schemas" / f"report-{speechparse.SCHEMA_VERSION}.schema.json"
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.txt")) + sorted(
    (ROOT / "seeds").glob("*.txt")
)
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
# Texts that take the paths a fixture file does not: nothing, and no speech at all.
EDGE_TEXTS = {"empty": "", "blank": " \n\u3000\n", "not-a-report": "今天天气很好。\n明天下雨。\n"}


def _outputs() -> dict[str, bytes]:
    """Every document the suite checks against the schema, by a readable name."""
    out: dict[str, bytes] = {}
    for path in FIXTURES:
        for keywords in (False, True):
            report = speechparse.parse_file(path, keywords=keywords)
            out[f"{path.stem}-{'keywords' if keywords else 'plain'}"] = speechparse.to_json(report)
    for path in CORPUS:
        out[f"corpus-{path.stem}"] = speechparse.to_json(
            speechparse.parse_file(path, keywords=False)
        )
    for name, text in EDGE_TEXTS.items():
        out[f"edge-{name}"] = speechparse.to_json(speechparse.parse(text, keywords=False))
    return out


OUTPUT_NAMES = (
    [f"{p.stem}-{k}" for p in FIXTURES for k in ("plain", "keywords")]
    + [f"corpus-{p.stem}" for p in CORPUS]
    + [f"edge-{name}" for name in EDGE_TEXTS]
)


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    return _outputs()


@pytest.fixture(scope="module")
def committed() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_FILE.read_text("utf-8"))
    return schema


@pytest.fixture(scope="module")
def validator(committed: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(committed)
    return jsonschema.Draft202012Validator(committed)


@pytest.fixture(scope="module")
def ajv_results(ajv: Ajv, outputs: dict[str, bytes]) -> dict[str, Any]:
    """One node process compiles the committed schema and validates every output."""
    return ajv.run(SCHEMA_FILE, outputs)


def test_committed_schema_matches_the_models(committed: dict[str, Any]) -> None:
    """Regenerate with `python tools/write_schema.py` after changing the models."""
    assert committed == speechparse.json_schema()


def test_schema_names_its_version_and_dialect(committed: dict[str, Any]) -> None:
    assert committed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert committed["$id"].endswith(f"/report-{speechparse.SCHEMA_VERSION}.schema.json")
    assert speechparse.SCHEMA_VERSION in committed["$comment"]
    # A keyword the dialect does not define makes strict validators refuse the schema.
    assert "version" not in committed
    assert committed["properties"]["schema_version"]["const"] == speechparse.SCHEMA_VERSION


def test_earlier_schema_versions_stay_published() -> None:
    names = {p.name for p in (ROOT / "schemas").glob("report-*.schema.json")}
    assert {"report-1.1.0.schema.json", "report-1.2.0.schema.json"} <= names


def _objects(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = {name: node for name, node in schema.get("$defs", {}).items() if "properties" in node}
    found["Report"] = schema
    return found


def test_every_written_field_is_required(committed: dict[str, Any]) -> None:
    """The library writes every field of every object (null where it may be null)."""
    loose = {
        name: sorted(set(node["properties"]) - set(node.get("required", [])))
        for name, node in _objects(committed).items()
    }
    assert {name: fields for name, fields in loose.items() if fields} == {}
    assert all(node.get("additionalProperties") is False for node in _objects(committed).values())


@pytest.mark.parametrize(
    ("model", "field", "values"),
    [
        ("Figure", "kind", {"amount", "count", "percent", "duration", "ratio", "other"}),
        ("Figure", "bound", {"lower", "upper", "range"}),
        ("Speaker", "form", set(SPEAKER_FORMS)),
        ("Byline", "form", {"trailing", "line", "parenthesized", "dateline"}),
        ("HomePlace", "level", {"municipal", "county", "district", "provincial"}),
        ("Diagnostic", "severity", {"info", "warning", "error"}),
        ("Headline", "brackets", {"【】"}),
    ],
)
def test_closed_sets_are_enums(
    committed: dict[str, Any], model: str, field: str, values: set[str]
) -> None:
    prop = committed["$defs"][model]["properties"][field]
    branches = [prop, *prop.get("anyOf", [])]
    enums = [
        b["enum"] if "enum" in b else [b["const"]] for b in branches if {"enum", "const"} & b.keys()
    ]
    assert len(enums) == 1 and set(enums[0]) == values


def test_diagnostic_codes_are_the_registry(committed: dict[str, Any]) -> None:
    from speechparse.core.diagnostics import REGISTRY

    prop = committed["$defs"]["Diagnostic"]["properties"]["code"]
    codes = committed["$defs"][prop["$ref"].rsplit("/", 1)[1]]["enum"]
    assert codes == [code.value for code in REGISTRY]
    # Each code's meaning is in the schema too, not only in the README.
    assert all(f"`{code.value}`" in prop["description"] for code in REGISTRY)


def test_position_levels_are_an_enum(committed: dict[str, Any]) -> None:
    prop = committed["$defs"]["Position"]["properties"]["level"]
    (enum,) = [b["enum"] for b in prop["anyOf"] if "enum" in b]
    assert {"municipal", "county", "party", "university", "unknown"} <= set(enum)


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


def test_ajv_strict_mode_compiles_the_committed_schema(ajv_results: dict[str, Any]) -> None:
    assert ajv_results["compiled"], ajv_results["error"]


def test_ajv_strict_mode_is_strict(ajv: Ajv, committed: dict[str, Any], tmp_path: Path) -> None:
    """The check above can fail: strict ajv refuses the keyword the 1.x schemas carried."""
    loose = tmp_path / "loose.schema.json"
    loose.write_text(json.dumps({**committed, "version": "x"}), encoding="utf-8")
    result = ajv.run(loose)
    assert not result["compiled"] and "version" in result["error"]


@pytest.mark.parametrize("name", OUTPUT_NAMES)
def test_outputs_validate_with_jsonschema_and_ajv(
    name: str,
    outputs: dict[str, bytes],
    validator: jsonschema.Draft202012Validator,
    ajv_results: dict[str, Any],
) -> None:
    data = json.loads(outputs[name])
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, f"{name}: {errors[0].json_path}: {errors[0].message}"
    assert ajv_results["results"][name] == []


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.pop("schema_version"), "schema_version"),
        (lambda d: d["speeches"][0]["speaker"]["positions"][0].pop("level"), "level"),
        (lambda d: d["speeches"][0]["speaker"]["positions"][0].update(level="city"), "level"),
        (lambda d: d["diagnostics"].append({**d["diagnostics"][0], "code": "x.y"}), "code"),
        (lambda d: d["speeches"][0].update(mood="calm"), "mood"),
    ],
    ids=["no-version", "no-level", "bad-level", "unknown-code", "extra-field"],
)
def test_both_validators_and_validate_refuse_a_broken_document(
    ajv: Ajv,
    outputs: dict[str, bytes],
    validator: jsonschema.Draft202012Validator,
    change: Any,
    where: str,
) -> None:
    data = json.loads(outputs["cppcc_plenary-plain"])
    assert data["diagnostics"], "the fixture must hold a diagnostic to break"
    change(data)
    assert list(validator.iter_errors(data))
    result = ajv.run(SCHEMA_FILE, {"broken": json.dumps(data).encode()})
    assert result["results"]["broken"]
    with pytest.raises(speechparse.SchemaValidationError) as caught:
        speechparse.validate(data)
    assert where in caught.value.path


def test_validate_round_trips_and_names_the_failing_path() -> None:
    report = speechparse.parse_file(FIXTURES[0], keywords=False)
    blob = speechparse.to_json(report)
    again = speechparse.validate(blob)
    assert again == report
    assert speechparse.to_json(again) == blob
    data = json.loads(blob)
    assert speechparse.validate(data) == report
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
