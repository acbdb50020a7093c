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
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import orjson

from speechparse.decoding.decode import decode

from .errors import DecodeError
from .export import to_json
from .models import Report
from .parser import DEFAULT_MAX_CHARS, parse, parse_file

if TYPE_CHECKING:
    from concurrent.futures import Future

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


# (path label, bytes already read or None to read the file)
_Task = tuple[str, bytes | None]
# (path label, report JSON or None, error message or None, error type or None)
_Raw = tuple[str, bytes | None, str | None, str | None]


def _parse_one(task: _Task, options: _Options) -> _Raw:
    path, data = task
    try:
        if data is None:
            report = parse_file(
                path,
                encoding=options.encoding,
                strict=options.strict,
                keywords=options.keywords,
                max_chars=options.max_chars,
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
            )
    except Exception as exc:  # one bad file (or a parser bug) must not end a batch
        return path, None, _message(exc, path), type(exc).__name__
    return path, to_json(report), None, None


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
) -> Iterator[_Raw]:
    """Results as JSON bytes, in input order: what the CLI and the Dask recipe write out."""
    if workers <= 1:
        for task in tasks:
            yield _parse_one(task, options)
        return
    # Imported here: multiprocessing costs `import speechparse` ~15 ms it rarely needs.
    from concurrent.futures import ProcessPoolExecutor

    if options.keywords:  # load the dictionary once, here: forked workers inherit it
        from speechparse.enrichment.keywords import preload

        preload()

    window: deque[Future[list[_Raw]]] = deque()
    # Two chunks per worker keep every worker busy while the parent writes results out.
    limit = 2 * workers
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint)
    try:
        for chunk in _chunks(tasks, chunksize):
            window.append(pool.submit(_parse_chunk, chunk, options))
            if len(window) >= limit:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    finally:
        # Also reached when the consumer stops early: drop queued work, don't wait for it.
        pool.shutdown(wait=True, cancel_futures=True)


def _chunks(tasks: Iterable[_Task], size: int) -> Iterator[list[_Task]]:
    it = iter(tasks)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _ignore_sigint() -> None:
    """Ctrl-C is the parent's to handle; workers would each print a traceback for it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
) -> Iterator[BatchResult]:
    """Parse files lazily, in input order; a failing file yields an error, not an exception.

    ``workers`` processes are used (default: one per CPU; ``1`` parses in this process).
    The other options are those of :func:`speechparse.parse_file`.
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    count = _workers(workers)
    tasks = ((os.fspath(p), None) for p in paths)
    options = _Options(encoding=encoding, strict=strict, keywords=keywords, max_chars=max_chars)
    for path, data, error, error_type in _raw_results(tasks, options, count, chunksize):
        report = None if data is None else Report.model_validate_json(data)
        yield BatchResult(path=path, report=report, error=error, error_type=error_type)


def json_line(path: str, data: bytes | None, error: str | None, error_type: str | None) -> bytes:
    """One JSON Lines record, newline included: the line format shared by the CLI and Dask.

    The report bytes are spliced in as they are rather than decoded and re-encoded.
    """
    head = b'{"path":' + orjson.dumps(path)
    if data is not None:
        return head + b',"report":' + data + b"}\n"
    return head + b',"error":' + orjson.dumps({"type": error_type, "message": error}) + b"}\n"
