"""Rewrite the table layout section of README.md from ``speechparse.tables.TABLES``.

Run after changing the tables (a new column for a new JSON field); the README test fails until
the section between the ``tables:begin`` and ``tables:end`` markers matches.
"""

from __future__ import annotations

from pathlib import Path

from speechparse.tables import schema_markdown

README = Path(__file__).resolve().parent.parent / "README.md"
BEGIN, END = "<!-- tables:begin -->\n", "<!-- tables:end -->"


def main() -> None:
    text = README.read_text("utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    README.write_text(head + BEGIN + schema_markdown() + END + tail, "utf-8")
    print(f"wrote the table layout into {README}")


if __name__ == "__main__":
    main()
