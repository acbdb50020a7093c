"""The ``speechparse`` command: parse reports to JSON / JSON Lines, print the schema, validate.

Exit status (the README has the table): 0 success; 1 some input failed to parse or validate
(each failure is a record or a line of its own); 2 usage or input error (bad path or option,
unreadable or undecodable file, not JSON, output not writable); 128 + the signal number when
stopped by SIGINT (130), SIGTERM (143) or SIGHUP (129); 141 when the reader of standard
output went away (``| head``), silently, as a process killed by SIGPIPE would report; 70 for
an internal error. Every error is one line on stderr: a shell pipeline over thousands of files
needs a status and a line, not a traceback.
"""

from __future__ import annotations

import argparse
import itertools
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from types import FrameType
from typing import BinaryIO

import orjson

from . import batch
from ._paths import Found, glob_files, has_magic, walk_files
from ._pool import WorkerLostError
from ._read import BYTES_PER_CHAR, read_limited
from .analyst_cli import add_commands as add_analyst_commands
from .errors import SchemaValidationError, SpeechParseError
from .export import json_schema, validate
from .parser import DEFAULT_MAX_CHARS

PROG = "speechparse"
_DESCRIPTION = (
    "Parse Chinese meeting reports into JSON, print the schema, validate JSON output, "
    "write tables, review an extraction in a browser."
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a process killed by SIGPIPE
_STOP_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


class _UsageError(Exception):
    """A bad path or argument: reported on one line, exit status 2."""


class _InputError(Exception):
    """An input that cannot be read or parsed at all: one line, exit status 2."""


class _OutputError(Exception):
    """The output cannot be written (disk full, closed): one line, exit status 2."""

    def __init__(self, message: str, *, stdout: bool) -> None:
        super().__init__(message)
        self.stdout = stdout


class _ReaderGone(_OutputError):
    """The reader of the output pipe went away (``| head``): the end of the run, not an error."""


class _Interrupted(BaseException):
    """A stop signal, raised in the main thread so that every ``finally`` on the way out runs.

    A ``BaseException`` like ``KeyboardInterrupt``, so that no ``except Exception`` (one bad
    file must not end a batch) can swallow it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    parser = _arg_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed usage, help or the version already
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    with _stop_signals_unwind():
        try:
            return _run(args)
        except (_Interrupted, KeyboardInterrupt) as exc:
            # also reached when the signal lands inside one of _run's own handlers
            signum = exc.signum if isinstance(exc, _Interrupted) else signal.SIGINT
            _complain(f"interrupted ({signal.Signals(signum).name})")
            return 128 + signum


def _run(args: argparse.Namespace) -> int:
    try:
        status: int = args.run(args)
        return status
    except _ReaderGone as exc:
        if exc.stdout:
            _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except _OutputError as exc:
        _complain(str(exc))
        if exc.stdout:
            _quiet_stdout()
        return EXIT_USAGE
    except (_UsageError, _InputError) as exc:
        _complain(str(exc))
        return EXIT_USAGE
    except (SpeechParseError, OSError) as exc:
        _complain(_describe(exc))
        return EXIT_USAGE
    except WorkerLostError as exc:
        _complain(f"{exc}: killed from outside, or out of memory")
        return EXIT_USAGE
    except MemoryError:
        _complain("out of memory")
        return EXIT_USAGE
    except Exception as exc:  # a bug: still one line, but a status that says so
        _complain(f"internal error, please report: {type(exc).__name__}: {exc}")
        return EXIT_INTERNAL


@contextmanager
def _stop_signals_unwind() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise :class:`_Interrupted` while the command runs.

    With Python's defaults SIGTERM kills the process on the spot, leaving worker processes
    blocked on their pipes and a half-written temporary output file; raising instead unwinds
    through the clean-up (workers killed, temporary file removed). The first signal starts
    the clean-up and later ones are ignored until it ends, so it is never cut short. A signal
    ignored when we started (``nohup``, a background job) stays ignored. Handlers are put
    back on return, so ``main`` can be called in-process (tests, other tools).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, Callable[[int, FrameType | None], object] | int] = {}

    def stop(signum: int, frame: FrameType | None) -> None:
        del frame
        for number in previous:
            signal.signal(number, signal.SIG_IGN)
        raise _Interrupted(signum)

    for name in _STOP_SIGNALS:
        number = getattr(signal, name, None)
        if number is None:
            continue
        current = signal.getsignal(number)
        if current == signal.SIG_IGN:
            continue
        previous[number] = signal.SIG_DFL if current is None else current
        signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _quiet_stdout() -> None:
    """Python's documented recipe for a closed stdout: point it at /dev/null.

    Otherwise the interpreter's last flush at exit fails once more and prints
    ``Exception ignored … BrokenPipeError`` after we chose to end quietly.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):  # closed, or not a real file (captured)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _complain(message: str) -> None:
    stream = sys.stderr
    if stream is None:  # started with stderr closed: the status is all we can give
        return
    with suppress(OSError, ValueError):  # stderr gone too: nothing more to do
        print(f"{PROG}: {batch.shown(message)}", file=stream, flush=True)


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


def _max_jobs() -> int:
    """Parsing is CPU-bound: beyond a few workers per CPU, more only cost memory."""
    return max(8, 4 * (os.cpu_count() or 1))


def _jobs(text: str) -> int:
    value = _positive(text)
    if value > _max_jobs():
        raise argparse.ArgumentTypeError(f"at most {_max_jobs()} (4 per CPU), not {value}")
    return value


def _encoding(text: str) -> str:
    try:
        b"a".decode(text, "replace")  # also refuses codecs that are not text encodings (rot13)
    except LookupError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


class _Version(argparse.Action):
    """``--version``, reading the package metadata only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        del kwargs
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS)
        self.help = "print the version and exit"

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from ._version import package_version

        del namespace, values, option_string
        print(f"{PROG} {package_version()}")
        parser.exit()


def _arg_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=_DESCRIPTION)
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="parse reports to JSON (one file) or JSON Lines")
    p.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR_OR_GLOB", help="'-' reads stdin")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    p.add_argument("--jsonl", action="store_true", help="JSON Lines even for a single file")
    p.add_argument("--indent", action="store_true", help="indent a single JSON document")
    p.add_argument("--no-keywords", action="store_true", help="skip keywords (never loads jieba)")
    p.add_argument(
        "--encoding", type=_encoding, metavar="ENC", help="decode with ENC instead of detecting"
    )
    p.add_argument("--strict", action="store_true", help="fail on text with no speeches")
    p.add_argument("--max-chars", type=_positive, default=DEFAULT_MAX_CHARS, metavar="N")
    p.add_argument("-j", "--jobs", type=_jobs, metavar="N", help="worker processes")
    p.set_defaults(run=_cmd_parse)

    s = sub.add_parser("schema", help="print the JSON Schema of a report")
    s.set_defaults(run=_cmd_schema)

    v = sub.add_parser("validate", help="check JSON or JSON Lines output against the schema")
    v.add_argument("files", nargs="+", metavar="FILE.json", help="'-' reads stdin")
    v.set_defaults(run=_cmd_validate)

    add_analyst_commands(sub)  # table, review
    return parser


# --- parse -------------------------------------------------------------------------------------


def _expand(inputs: Sequence[str]) -> tuple[list[Found], bool]:
    """The files to parse, in order, and whether the inputs could have named several.

    Directory walks and patterns also yield the paths they could not look at (an unreadable
    directory, a FIFO met in a walk) with their error, to be reported in their place.
    """
    found: list[Found] = []
    several = len(inputs) > 1
    for arg in inputs:
        if arg == batch.STDIN:
            found.append((arg, None))
        elif os.path.isdir(arg):
            several = True
            found.extend(walk_files(arg, (".txt", ".html", ".htm")))
        elif os.path.exists(arg):
            found.append((arg, None))
        elif has_magic(arg):
            several = True
            matches = list(glob_files(arg))
            if not matches:
                raise _UsageError(f"{arg}: no file matches")
            found.extend(matches)
        else:
            raise _UsageError(f"{arg}: no such file or directory")
    if not found:
        raise _UsageError(f"{' '.join(inputs)}: no *.txt, *.html or *.htm file found")
    return found, several


def _cmd_parse(args: argparse.Namespace) -> int:
    if args.output is None and sys.stdout is None:
        raise _UsageError("standard output is closed; name an output file with -o")
    found, several = _expand(args.inputs)
    target = None if args.output is None else _output_target(args.output, found)
    stdin: bytes | batch._Failed | None = None
    tasks: list[batch._Task] = []
    for path, error in found:
        if error is not None:
            tasks.append((path, batch._Failed.of(error, path)))
        elif path == batch.STDIN:
            stdin = _read_stdin(args.max_chars) if stdin is None else stdin
            tasks.append((path, stdin))
        else:
            tasks.append((path, None))
    options = batch._Options(
        encoding=args.encoding,
        strict=args.strict,
        keywords=not args.no_keywords,
        max_chars=args.max_chars,
    )
    workers = min(args.jobs or os.cpu_count() or 1, len(tasks))
    # closing(): on any way out (a signal, a closed pipe) the workers stop now, not at exit
    with closing(batch._raw_results(tasks, options, workers, chunksize=4)) as results:
        if not several and not args.jsonl:
            return _write_document(next(results), target, indent=args.indent)
        return _write_lines(results, len(tasks), target)


def _read_stdin(max_chars: int) -> bytes | batch._Failed:
    """Standard input, read in chunks and refused as soon as it passes the limit.

    Like a file, it may hold 4 bytes per allowed character; the parser then counts the
    characters once decoded. ``yes | speechparse parse -`` stops after the limit, not never.
    """
    if sys.stdin is None:
        raise _UsageError("standard input is closed")
    limit = max_chars * BYTES_PER_CHAR
    try:
        data = read_limited(sys.stdin.buffer, limit)
    except OSError as exc:
        return batch._Failed.of(exc, batch.STDIN)
    if data is None:
        return batch._Failed(
            "InputTooLargeError",
            f"more than {limit:,} bytes, over the limit of {max_chars:,} characters",
        )
    return data


def _label(path: str) -> str:
    return "standard input" if path == batch.STDIN else path


def _write_document(result: batch._Raw, target: str | None, *, indent: bool) -> int:
    path, data, error, _ = result
    if data is None:
        raise _InputError(f"{_label(path)}: {error}")
    if indent:
        data = orjson.dumps(orjson.loads(data), option=orjson.OPT_INDENT_2)
    with _output(target) as out:
        out.write(data + b"\n")
    return EXIT_OK


def _write_lines(results: Iterator[batch._Raw], total: int, target: str | None) -> int:
    failed = 0
    progress = _Progress(total) if sys.stderr is not None and sys.stderr.isatty() else None
    with _output(target) as out:
        for done, (path, data, error, error_type) in enumerate(results, 1):
            failed += data is None
            out.write(batch.json_line(path, data, error, error_type))
            if progress is not None:
                progress.update(done, failed)
    if progress is not None:
        progress.close()
    return EXIT_FAILED if failed else EXIT_OK


def _output_target(target: str, found: Sequence[Found]) -> str:
    """Check ``-o`` before any work and return the path to write: links resolved.

    ``-o`` naming a link writes the file the link points to, as the shell's ``>`` does, and
    the link stays a link (replacing the link by a file would silently cut it). A missing
    directory, a directory, or one of the inputs is refused now rather than after the parse.
    """
    try:
        mine: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        mine = None
    except OSError as exc:
        raise _UsageError(f"-o {target}: {exc.strerror or exc}") from None
    if mine is not None and stat.S_ISDIR(mine.st_mode):
        raise _UsageError(f"-o {target}: is a directory")
    if mine is not None and not stat.S_ISREG(mine.st_mode):
        return target  # a device or a FIFO (/dev/stdout too): written through as it is
    real = os.path.realpath(target)
    parent = os.path.dirname(real)
    if not os.path.isdir(parent):
        raise _UsageError(f"-o {target}: no such directory: {parent}")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise _UsageError(f"-o {target}: cannot write in {parent}: permission denied")
    if mine is not None:
        for path, error in found:
            if error is None and path != batch.STDIN and _same_file(path, mine):
                raise _UsageError(f"-o {target}: is also an input ({path}); it would be lost")
    return real


def _same_file(path: str, st: os.stat_result) -> bool:
    try:
        return os.path.samestat(os.stat(path), st)
    except (OSError, ValueError):
        return False


class _Sink:
    """A byte stream whose write errors name the output instead of escaping as bare OSErrors."""

    def __init__(self, stream: BinaryIO, label: str, *, stdout: bool = False) -> None:
        self._stream = stream
        self._label = label
        self._stdout = stdout

    def write(self, data: bytes) -> None:
        self._guard(lambda: self._stream.write(data))

    def flush(self) -> None:
        self._guard(self._stream.flush)

    def _guard(self, action: Callable[[], object]) -> None:
        try:
            action()
        except BrokenPipeError:
            raise _ReaderGone(self._label, stdout=self._stdout) from None
        except OSError as exc:
            message = f"{self._label}: {exc.strerror or exc}"
            raise _OutputError(message, stdout=self._stdout) from None


@contextmanager
def _output(target: str | None) -> Iterator[_Sink]:
    """stdout's byte stream, or the (resolved) ``-o`` file.

    A regular file is written to a new temporary file beside it and renamed into place, so a
    failed or interrupted run never leaves half a file under the real name, and never a
    temporary file either. Anything else (/dev/null, a FIFO) is opened as it is: renaming
    over a device would replace the device.
    """
    if target is None:
        if sys.stdout is None:
            raise _UsageError("standard output is closed; name an output file with -o")
        sink = _Sink(sys.stdout.buffer, "standard output", stdout=True)
        yield sink
        sink.flush()
        return
    if os.path.exists(target) and not os.path.isfile(target):
        with open(target, "wb") as device:
            sink = _Sink(device, target)
            yield sink
            sink.flush()
        return
    tmp, stream = _create_beside(target)
    try:
        with stream:
            sink = _Sink(stream, target)
            yield sink
            sink.flush()
        os.replace(tmp, target)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


def _create_beside(target: str) -> tuple[str, BinaryIO]:
    """A new file next to ``target`` (same filesystem, so the rename is atomic), O_EXCL.

    It takes the mode of the file it will replace, or the umask's default for a new one.
    """
    directory, name = os.path.split(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = os.path.join(directory, f"{name}.{os.urandom(4).hex()}.part")
        try:
            fd = os.open(tmp, flags, 0o666)
        except FileExistsError:  # pragma: no cover - a 32-bit random name already taken
            continue
        except OSError as exc:
            raise _OutputError(f"{target}: {exc.strerror or exc}", stdout=False) from None
        break
    with suppress(OSError):  # a new file, or not ours to chmod: the default mode stays
        os.chmod(fd, stat.S_IMODE(os.stat(target).st_mode))
    return tmp, os.fdopen(fd, "wb")


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
    with _output(None) as out:
        out.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2) + b"\n")
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    invalid = unreadable = False
    with _output(None) as out:
        for path in args.files:
            shown = batch.shown(path)
            try:
                problem = _check_file(path)
            except OSError as exc:
                _complain(f"{shown}: {exc.strerror or exc}")
                unreadable = True
                continue
            except _InputError as exc:
                _complain(f"{shown}: {exc}")
                unreadable = True
                continue
            line = f"OK {shown}" if problem is None else f"{shown}: {problem}"
            out.write(line.encode("utf-8") + b"\n")
            out.flush()  # in step with the error lines on stderr
            invalid = invalid or problem is not None
    return EXIT_USAGE if unreadable else EXIT_FAILED if invalid else EXIT_OK


def _check_file(path: str) -> str | None:
    if path == batch.STDIN:
        if sys.stdin is None:
            raise _InputError("standard input is closed")
        return _check_stream(sys.stdin.buffer)
    with open(path, "rb") as stream:
        return _check_stream(stream)


def _check_stream(stream: BinaryIO) -> str | None:
    """The first schema problem in a JSON report or a JSON Lines file of records, or None.

    JSON Lines are checked one line at a time, so a file of 100,000 records is never held
    whole; a single document is validated straight from its bytes (no intermediate tree of
    Python objects beside the bytes and the model).
    """
    lines = ((n, line) for n, line in enumerate(stream, 1) if line.strip())
    first = next(lines, None)
    if first is None:
        return "$: empty: no JSON document"
    second = next(lines, None)
    if second is None:
        return _check_document(first[1])
    try:
        record = orjson.loads(first[1])
    except orjson.JSONDecodeError:  # one document over several lines (--indent)
        if stream.seekable():
            stream.seek(0)
            return _check_document(stream.read())
        return _check_document(b"".join((first[1], second[1], stream.read())))
    problem = _check_record(record, first[0])
    rest = itertools.chain([second], lines)
    while problem is None and (item := next(rest, None)) is not None:
        problem = _check_line(item[1], item[0])
    return problem


def _check_line(line: bytes, number: int) -> str | None:
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        raise _InputError(f"line {number}: not JSON: {exc}") from None
    return _check_record(record, number)


def _check_document(data: bytes) -> str | None:
    try:
        validate(data)
    except SchemaValidationError as exc:
        problem = str(exc)
    else:
        return None
    # Not a report: perhaps a single JSON Lines record, perhaps not JSON at all.
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise _InputError(f"not JSON: {exc}") from None
    if isinstance(document, dict) and ("report" in document or "error" in document):
        return _check_record(document, 1)
    return problem


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
