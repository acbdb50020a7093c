"""The ``speechparse`` command: parse reports to JSON / JSON Lines, print the schema, validate.

Exit status: 0 success, 1 some input failed to parse or validate, 2 usage or input error (bad
path, unreadable or undecodable file, not JSON), 130 interrupted. Every error is one line on
stderr: a shell pipeline over thousands of files needs a status and a line, not a traceback.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import orjson

from . import batch
from .analyst_cli import add_commands as add_analyst_commands
from .errors import SchemaValidationError, SpeechParseError
from .export import json_schema, validate
from .parser import DEFAULT_MAX_CHARS

PROG = "speechparse"
_DESCRIPTION = (
    "Parse Chinese meeting reports into JSON, print the schema, validate JSON output, "
    "write tables, review an extraction in a browser."
)


class _UsageError(Exception):
    """A bad path or argument: reported on one line, exit status 2."""


class _InputError(Exception):
    """An input that cannot be read or parsed at all: one line, exit status 2."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    parser = _arg_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed usage or help already
        return exc.code if isinstance(exc.code, int) else 2
    try:
        status: int = args.run(args)
        return status
    except KeyboardInterrupt:
        return 130
    except (_UsageError, _InputError) as exc:
        _complain(str(exc))
        return 2
    except (SpeechParseError, OSError) as exc:
        _complain(_describe(exc))
        return 2


def _complain(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _arg_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=_DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="parse reports to JSON (one file) or JSON Lines")
    p.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR_OR_GLOB", help="'-' reads stdin")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    p.add_argument("--jsonl", action="store_true", help="JSON Lines even for a single file")
    p.add_argument("--indent", action="store_true", help="indent a single JSON document")
    p.add_argument("--no-keywords", action="store_true", help="skip keywords (never loads jieba)")
    p.add_argument("--encoding", metavar="ENC", help="decode with ENC instead of detecting")
    p.add_argument("--strict", action="store_true", help="fail on text with no speeches")
    p.add_argument("--max-chars", type=_positive, default=DEFAULT_MAX_CHARS, metavar="N")
    p.add_argument("-j", "--jobs", type=_positive, metavar="N", help="worker processes")
    p.set_defaults(run=_cmd_parse)

    s = sub.add_parser("schema", help="print the JSON Schema of a report")
    s.set_defaults(run=_cmd_schema)

    v = sub.add_parser("validate", help="check JSON or JSON Lines output against the schema")
    v.add_argument("files", nargs="+", metavar="FILE.json")
    v.set_defaults(run=_cmd_validate)

    add_analyst_commands(sub)  # table, review
    return parser


# --- parse -------------------------------------------------------------------------------------

_GLOB_CHARS = frozenset("*?[")


def _expand(inputs: Sequence[str]) -> tuple[list[str], bool]:
    """The files to parse, in order, and whether the inputs could have named several."""
    paths: list[str] = []
    several = len(inputs) > 1
    for arg in inputs:
        if arg == batch.STDIN:
            paths.append(arg)
        elif os.path.isdir(arg):
            several = True
            paths.extend(_walk(Path(arg)))
        elif os.path.exists(arg):
            paths.append(arg)
        elif _GLOB_CHARS & set(arg):
            several = True
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise _UsageError(f"{arg}: no file matches")
            paths.extend(m for m in matches if not os.path.isdir(m))
        else:
            raise _UsageError(f"{arg}: no such file or directory")
    if not paths:
        raise _UsageError(f"{' '.join(inputs)}: no *.txt file found")
    return paths, several


def _walk(root: Path) -> Iterator[str]:
    return (str(p) for p in sorted(root.rglob("*.txt")) if p.is_file())


def _cmd_parse(args: argparse.Namespace) -> int:
    paths, several = _expand(args.inputs)
    stdin_data = sys.stdin.buffer.read() if batch.STDIN in paths else None
    tasks = [(p, stdin_data if p == batch.STDIN else None) for p in paths]
    options = batch._Options(
        encoding=args.encoding,
        strict=args.strict,
        keywords=not args.no_keywords,
        max_chars=args.max_chars,
    )
    workers = min(args.jobs or os.cpu_count() or 1, len(tasks))
    results = batch._raw_results(tasks, options, workers, chunksize=4)
    if not several and not args.jsonl:
        return _write_document(next(iter(results)), args)
    return _write_lines(results, len(tasks), args)


def _write_document(result: batch._Raw, args: argparse.Namespace) -> int:
    path, data, error, _ = result
    if data is None:
        raise _InputError(f"{path}: {error}")
    if args.indent:
        data = orjson.dumps(orjson.loads(data), option=orjson.OPT_INDENT_2)
    with _output(args.output) as out:
        out.write(data + b"\n")
    return 0


def _write_lines(results: Iterator[batch._Raw], total: int, args: argparse.Namespace) -> int:
    failed = 0
    progress = _Progress(total) if sys.stderr.isatty() else None
    with _output(args.output) as out:
        for done, (path, data, error, error_type) in enumerate(results, 1):
            failed += data is None
            out.write(batch.json_line(path, data, error, error_type))
            if progress is not None:
                progress.update(done, failed)
    if progress is not None:
        progress.close()
    return 1 if failed else 0


@contextmanager
def _output(target: str | None) -> Iterator[BinaryIO]:
    """stdout's byte stream, or the -o file.

    A regular file is written beside its destination and renamed into place, so a failed or
    interrupted run never leaves half a file under the real name. Anything else (/dev/null, a
    FIFO, /dev/stdout) is opened as it is: renaming over a device would replace the device.
    """
    if target is None:
        try:
            yield sys.stdout.buffer
        finally:
            sys.stdout.buffer.flush()
        return
    if os.path.exists(target) and not os.path.isfile(target):
        with open(target, "wb") as stream:
            yield stream
        return
    tmp = f"{target}.part{os.getpid()}"
    try:
        with open(tmp, "wb") as file:
            yield file
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class _Progress:
    """A one-line counter on stderr, redrawn at most ten times a second."""

    def __init__(self, total: int) -> None:
        self._total = total
        self._start = self._last = time.monotonic()

    def update(self, done: int, failed: int) -> None:
        now = time.monotonic()
        if now - self._last < 0.1 and done < self._total:
            return
        self._last = now
        rate = done / max(now - self._start, 1e-9)
        width = 30
        filled = width * done // max(self._total, 1)
        bar = "#" * filled + "." * (width - filled)
        sys.stderr.write(
            f"\r[{bar}] {done}/{self._total} {rate:.1f}/s" + (f" {failed} failed" if failed else "")
        )
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


# --- schema and validate ------------------------------------------------------------------------


def _cmd_schema(args: argparse.Namespace) -> int:
    del args
    sys.stdout.buffer.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.buffer.flush()
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    invalid = unreadable = False
    for path in args.files:
        try:
            problem = _check(Path(path).read_bytes())
        except OSError as exc:
            _complain(f"{path}: {exc.strerror or exc}")
            unreadable = True
            continue
        except _InputError as exc:
            _complain(f"{path}: {exc}")
            unreadable = True
            continue
        if problem is None:
            print(f"OK {path}")
        else:
            print(f"{path}: {problem}")
            invalid = True
    sys.stdout.flush()
    return 2 if unreadable else 1 if invalid else 0


def _check(data: bytes) -> str | None:
    """The first schema problem in a JSON report or a JSON Lines file of records, or None."""
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError:
        return _check_lines(data)
    if isinstance(document, dict) and ("report" in document or "error" in document):
        return _check_record(document, 1)
    try:
        validate(data)
    except SchemaValidationError as exc:
        return str(exc)
    return None


def _check_lines(data: bytes) -> str | None:
    lines = data.splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise _InputError(f"line {number}: not JSON: {exc}") from None
        problem = _check_record(record, number)
        if problem is not None:
            return problem
    return None


def _check_record(record: object, line: int) -> str | None:
    if not isinstance(record, dict):
        return f"line {line}: $: a record must be an object with a 'report' or 'error' key"
    if "error" in record and "report" not in record:
        return None  # a parse failure the CLI recorded: valid output, nothing to check
    try:
        validate(orjson.dumps(record.get("report")))
    except SchemaValidationError as exc:
        return f"line {line}: {exc}"
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
