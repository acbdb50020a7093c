"""Write the published JSON Schema for the current model version into ``schemas/``.

Run after changing the models (and bumping ``SCHEMA_VERSION``); the drift test fails until
the committed file matches what the models generate.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from speechparse import SCHEMA_VERSION, json_schema

OUT = Path(__file__).resolve().parent.parent / "schemas" / f"report-{SCHEMA_VERSION}.schema.json"


def main() -> None:
    OUT.write_bytes(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2) + b"\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
