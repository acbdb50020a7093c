"""Parse many reports, in order, on several processes, with bounded memory.

Parsing is CPU-bound pure Python, so threads would not help: each worker process parses a small
chunk of paths and sends back JSON bytes. Bytes are what the CLI writes anyway, and they cross
the process boundary far cheaper than a pickled tree of pydantic models; ``parse_many`` turns
them back into a validated :class:`Report` in the parent (see ``benchmarks/run.py``).

Only a bounded window of chunks is ever in flight and the input iterable is pulled from only as
the window drains, so a run over 100,000 files holds a few dozen results at a time.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass

import orjson

from speechparse.build.enrich import wanted
from speechparse.decoding.decode import decode

from .errors import DecodeError
from .export import to_json
from .html_input import looks_like_html, parse_html
from .models import Report
from .parser import DEFAULT_MAX_CHARS, parse, parse_file

__all__ = ["BatchResult", "parse_many"]

STDIN = "-"
"""The path label of a report read from standard input (its bytes travel with the task)."""


@dataclass(frozen=True, slots=True)
class BatchResult:
    """One input's outcome: exactly one of ``report`` and ``error`` is set."""

    path: str
    report: Report | None
    error: str | None
    error_type: str | None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class _Options:
    encoding: str | None
    strict: bool
    keywords: bool
    max_chars: int
    enrich: bool | frozenset[str] = True


@dataclass(frozen=True, slots=True)
class _Failed:
    """An input that failed before it could be parsed (an unreadable directory met in a walk,
    standard input over the limit): it still gets its error record, in its place."""

    type: str
    message: str

    @classmethod
    def of(cls, exc: BaseException, path: str) -> _Failed:
        return cls(type(exc).__name__, _message(exc, path))


# (path label, bytes already read, a failure already known, or None to read the file)
_Task = tuple[str, bytes | _Failed | None]
# (path label, report JSON or None, error message or None, error type or None)
_Raw = tuple[str, bytes | None, str | None, str | None]


def _parse_one(task: _Task, options: _Options) -> _Raw:
    path, data = task
    if isinstance(data, _Failed):
        return path, None, data.message, data.type
    try:
        _check_name(path)
        if data is None:
            report = parse_file(
                path,
                encoding=options.encoding,
                strict=options.strict,
                keywords=options.keywords,
                max_chars=options.max_chars,
                enrich=options.enrich,
            )
        elif options.encoding is None and looks_like_html(data):
            report = parse_html(
                data,
                strict=options.strict,
                keywords=options.keywords,
                max_chars=options.max_chars,
                enrich=options.enrich,
            )
        else:
            try:
                text, used = decode(data, options.encoding)
            except DecodeError as exc:
                raise DecodeError(f"{path}: {exc}", offset=exc.offset) from None
            report = parse(
                text,
                strict=options.strict,
                keywords=options.keywords,
                max_chars=options.max_chars,
                encoding=used,
                enrich=options.enrich,
            )
    except Exception as exc:  # one bad file (or a parser bug) must not end a batch
        return path, None, _message(exc, path), type(exc).__name__
    return path, to_json(report), None, None


def _check_name(path: str) -> None:
    """Refuse a file name JSON cannot hold, before any work: its record must name its file.

    A name that is not UTF-8 (GBK bytes from an old archive) reaches Python with surrogate
    escapes; a report filed under an altered name would be a report about no file.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raise DecodeError(
            "the file name is not valid UTF-8 (its bytes are shown as \\xNN); rename the file "
            "to UTF-8 (for example with convmv) to parse it"
        ) from None


def shown(text: str) -> str:
    """``text`` as valid Unicode: bytes of a non-UTF-8 file name written as ``\\xNN``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate that no file name produced
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")
    return text


def _message(exc: BaseException, path: str) -> str:
    """The message without the path: every record already names its path once."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    message = str(exc) or type(exc).__name__
    for prefix in (f"{path}: ", f"{os.path.normpath(path)}: "):
        message = message.removeprefix(prefix)
    return message


def _parse_chunk(tasks: list[_Task], options: _Options) -> list[_Raw]:
    return [_parse_one(task, options) for task in tasks]


def _raw_results(
    tasks: Iterable[_Task], options: _Options, workers: int, chunksize: int
) -> Generator[_Raw, None, None]:
    """Results as JSON bytes, in input order: what the CLI and the Dask recipe write out.

    With several workers, closing this generator (or an exception through it: a signal, a
    closed pipe) kills them at once instead of waiting for the chunks they hold.
    """
    if workers <= 1:
        for task in tasks:
            yield _parse_one(task, options)
        return
    # Imported here: multiprocessing costs `import speechparse` ~15 ms it rarely needs.
    from ._pool import ordered_map

    # Two chunks per worker keep every worker busy while the parent writes results out.
    chunks = _chunks(tasks, chunksize)
    parts = ordered_map(_parse_chunk, chunks, options, workers=workers, window=2 * workers)
    with closing(parts):
        for part in parts:
            yield from part


def _chunks(tasks: Iterable[_Task], size: int) -> Iterator[list[_Task]]:
    it = iter(tasks)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _workers(workers: int | None) -> int:
    count = (os.cpu_count() or 1) if workers is None else workers
    if count < 1:
        raise ValueError(f"workers must be at least 1, not {count}")
    return count


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    chunksize: int = 4,
    encoding: str | None = None,
    strict: bool = False,
    keywords: bool = True,
    max_chars: int = DEFAULT_MAX_CHARS,
    enrich: bool | str | Iterable[str] = True,
) -> Iterator[BatchResult]:
    """Parse files lazily, in input order; a failing file yields an error, not an exception.

    ``workers`` processes are used (default: one per CPU; ``1`` parses in this process); a
    worker killed from outside raises ``speechparse._pool.WorkerLostError`` (a
    ``RuntimeError``). Closing the iterator early stops the workers at once. The other options
    are those of :func:`speechparse.parse_file`.
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    count = _workers(workers)
    tasks = ((os.fspath(p), None) for p in paths)
    options = _Options(
        encoding=encoding,
        strict=strict,
        keywords=keywords,
        max_chars=max_chars,
        # names checked here, before any worker starts
        enrich=enrich if isinstance(enrich, bool) else wanted(enrich, keywords=True),
    )
    for path, data, error, error_type in _raw_results(tasks, options, count, chunksize):
        report = None if data is None else Report.model_validate_json(data)
        yield BatchResult(path=path, report=report, error=error, error_type=error_type)


def json_line(path: str, data: bytes | None, error: str | None, error_type: str | None) -> bytes:
    """One JSON Lines record, newline included: the line format shared by the CLI and Dask.

    The report bytes are spliced in as they are rather than decoded and re-encoded.
    """
    head = b'{"path":' + orjson.dumps(shown(path))
    if data is not None:
        return head + b',"report":' + data + b"}\n"
    message = None if error is None else shown(error)
    return head + b',"error":' + orjson.dumps({"type": error_type, "message": message}) + b"}\n"
