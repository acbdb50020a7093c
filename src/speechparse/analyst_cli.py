"""The analyst subcommands of ``speechparse``: ``table`` (CSV, Parquet, SQLite) and ``review``.

Kept apart from :mod:`speechparse.cli` and built on the public API only; ``cli`` registers them
with :func:`add_commands`. Errors are raised as :class:`SpeechParseError` or :class:`OSError`,
which the main command turns into one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson

from .errors import SpeechParseError

_JSON_SUFFIXES = (".json", ".jsonl")


def add_commands(sub: Any) -> None:
    """Add ``table`` and ``review`` to the main parser's subcommands."""
    t = sub.add_parser(
        "table",
        help="write reports as tables: CSV files, Parquet files or a SQLite database",
        description="Parse reports (or read speechparse JSON / JSON Lines) and write one "
        "normalised set of tables, keyed by each report's sha256. CSV and Parquet write a folder "
        "of files; SQLite appends to a database, replacing a report already in it.",
    )
    t.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR", help="*.txt, *.json, *.jsonl")
    t.add_argument("--format", required=True, choices=("csv", "parquet", "sqlite"))
    t.add_argument("-o", "--output", required=True, metavar="OUT", help="folder or .db file")
    t.add_argument("--bom", action="store_true", help="CSV: UTF-8 with BOM (for spreadsheets)")
    t.add_argument("--no-keywords", action="store_true", help="skip keywords (never loads jieba)")
    t.add_argument("--encoding", metavar="ENC", help="decode with ENC instead of detecting")
    t.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes")
    t.set_defaults(run=_cmd_table)

    r = sub.add_parser(
        "review",
        help="write a self-contained HTML page showing the extraction over the text",
    )
    r.add_argument("file", metavar="FILE", help="a report text file")
    r.add_argument("-o", "--output", metavar="OUT.html", help="write here instead of stdout")
    r.add_argument("--no-keywords", action="store_true", help="skip keywords (never loads jieba)")
    r.add_argument("--encoding", metavar="ENC", help="decode with ENC instead of detecting")
    r.set_defaults(run=_cmd_review)


# --- table ---------------------------------------------------------------------------------------


def _cmd_table(args: argparse.Namespace) -> int:
    from .table_files import write_tables
    from .tables import to_tables

    if args.jobs is not None and args.jobs < 1:
        raise SpeechParseError(f"-j must be at least 1, not {args.jobs}")
    if args.format == "parquet":  # fail before parsing a year of reports, not after
        from ._extras import require

        require("pyarrow.parquet", extra="tables", purpose="Parquet output")
    reports: list[Any] = []
    paths: list[str] = []
    failed = 0
    for path, report, error in _reports(args):
        if report is None:
            failed += 1
            print(f"speechparse: {path}: {error}", file=sys.stderr)
            continue
        reports.append(report)
        paths.append(path)
    tables = to_tables(reports, paths=paths)
    write_tables(tables, args.output, format=args.format, bom=args.bom)
    speeches = len(tables["speeches"])
    print(f"{args.output}: {len(tables['reports'])} reports, {speeches} speeches ({args.format})")
    return 1 if failed else 0


def _reports(args: argparse.Namespace) -> Iterator[tuple[str, Any, str | None]]:
    """(path, report, error) for every input, in order."""
    texts: list[str] = []
    for path in _expand(args.inputs):
        if path.lower().endswith(_JSON_SUFFIXES):
            yield from _parse_texts(texts, args)
            texts = []
            yield from _json_reports(path)
        else:
            texts.append(path)
    yield from _parse_texts(texts, args)


def _parse_texts(
    paths: list[str], args: argparse.Namespace
) -> Iterator[tuple[str, Any, str | None]]:
    import speechparse

    if not paths:
        return
    workers = min(args.jobs or os.cpu_count() or 1, len(paths))
    for result in speechparse.parse_many(
        paths, workers=workers, encoding=args.encoding, keywords=not args.no_keywords
    ):
        yield result.path, result.report, result.error


def _json_reports(path: str) -> Iterator[tuple[str, Any, str | None]]:
    """Reports from a JSON document or the JSON Lines that ``speechparse parse`` writes."""
    import speechparse

    data = Path(path).read_bytes()
    try:
        documents: list[tuple[str, Any]] = [(path, orjson.loads(data))]
    except orjson.JSONDecodeError:
        documents = []
        for number, line in enumerate(data.splitlines(), 1):
            if line.strip():
                try:
                    documents.append((f"{path}:{number}", orjson.loads(line)))
                except orjson.JSONDecodeError as exc:
                    yield f"{path}:{number}", None, f"not JSON: {exc}"
    for label, document in documents:
        if isinstance(document, dict) and ("report" in document or "error" in document):
            if document.get("report") is None:
                error = document.get("error")
                message = error.get("message") if isinstance(error, dict) else error
                yield str(document.get("path", label)), None, f"parse failed: {message}"
                continue
            label, document = str(document.get("path", label)), document["report"]
        try:
            yield label, speechparse.validate(document), None
        except SpeechParseError as exc:
            yield label, None, str(exc)


def _expand(inputs: Sequence[str]) -> list[str]:
    paths: list[str] = []
    for arg in inputs:
        if os.path.isdir(arg):
            paths.extend(str(p) for p in sorted(Path(arg).rglob("*.txt")) if p.is_file())
        elif os.path.exists(arg):
            paths.append(arg)
        else:
            raise FileNotFoundError(errno.ENOENT, "no such file or directory", arg)
    if not paths:
        raise SpeechParseError(f"{' '.join(inputs)}: no *.txt file found")
    return paths


# --- review --------------------------------------------------------------------------------------


def _cmd_review(args: argparse.Namespace) -> int:
    import speechparse

    from .review import read_source

    report = speechparse.parse_file(
        args.file, encoding=args.encoding, keywords=not args.no_keywords
    )
    text = read_source(args.file, report)
    page = speechparse.to_html(report, text).encode("utf-8")
    if args.output is None:
        sys.stdout.buffer.write(page)
        sys.stdout.buffer.flush()
        return 0
    target = Path(args.output)
    tmp = target.with_name(f".{target.name}.part{os.getpid()}")
    try:
        tmp.write_bytes(page)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return 0
