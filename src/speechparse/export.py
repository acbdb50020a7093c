"""JSON out and in: orjson export, the published JSON Schema, and validation against it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from pydantic import ValidationError

from .errors import SchemaValidationError
from .models import SCHEMA_VERSION, Report

SCHEMA_ID = f"https://speechparse.invalid/schemas/report-{SCHEMA_VERSION}.schema.json"


def to_json(report: Report, *, indent: bool = False) -> bytes:
    """UTF-8 JSON with Chinese kept as characters (orjson never writes \\u escapes for them)."""
    option = orjson.OPT_INDENT_2 if indent else 0
    return orjson.dumps(report.model_dump(mode="json"), option=option)


def json_schema() -> dict[str, Any]:
    """The published JSON Schema (draft 2020-12) of :class:`Report`.

    The version lives in ``$id`` and ``$comment`` only: a schema keyword the dialect does not
    define (a top-level ``version``) makes strict validators such as ajv refuse the schema.
    """
    schema = Report.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "$comment": f"speechparse report schema, version {SCHEMA_VERSION}",
        **schema,
    }


def _path(loc: tuple[int | str, ...]) -> str:
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def validate(data: bytes | str | Mapping[str, Any]) -> Report:
    """Check a JSON document against the schema; return the model or name the failing path.

    Validation is strict (no string-to-number coercion), as a JSON Schema validator would be.
    A mapping is checked as the JSON it stands for, so it passes exactly when its JSON would.
    """
    try:
        if isinstance(data, Mapping):
            try:
                data = orjson.dumps(data)
            except TypeError as exc:
                raise SchemaValidationError(f"not JSON data: {exc}", path="$") from None
        return Report.model_validate_json(data, strict=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        path = _path(tuple(first["loc"]))
        if first["type"] == "json_invalid":
            raise SchemaValidationError(f"not JSON: {first['msg']}", path="$") from None
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise SchemaValidationError(f"{path}: {first['msg']}{more}", path=path) from None
