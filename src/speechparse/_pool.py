"""An ordered process pool that can always be stopped at once.

``concurrent.futures.ProcessPoolExecutor`` cannot: it has no way to stop running work before
Python 3.14, and killing its workers by hand can hang the parent for good, because its manager
thread waits for the rest of a result message that a killed worker was half-way through
sending. A command stopped by SIGTERM or a closed pipe has to end now, so this pool keeps
everything in the calling thread: one pipe per worker, a chunk sent only to a worker that is
waiting for one (so parent and worker never both block writing to each other), and results put
back in input order. Stopping it means killing and reaping its processes, nothing more.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Generator, Iterable
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

__all__ = ["WorkerLostError", "ordered_map"]

C = TypeVar("C")
A = TypeVar("A")
R = TypeVar("R")

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class WorkerLostError(RuntimeError):
    """A worker process died with work in hand (killed from outside, or out of memory)."""


@dataclass(slots=True)
class _Worker(Generic[C]):
    process: BaseProcess
    conn: Connection
    busy: bool = False

    def give(self, item: tuple[int, C]) -> None:
        try:
            self.conn.send(item)
        except OSError:
            raise WorkerLostError(self._obituary()) from None
        self.busy = True

    def _obituary(self) -> str:
        self.process.join(timeout=1)
        code = self.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit {code}"
        return f"worker process {self.process.pid} died ({how})"


def ordered_map(
    function: Callable[[C, A], R],
    chunks: Iterable[C],
    argument: A,
    *,
    workers: int,
    window: int,
    method: str | None = None,
) -> Generator[R, None, None]:
    """``function(chunk, argument)`` for each chunk on ``workers`` processes, in input order.

    At most ``window`` chunks are out at a time (being worked on, or done and waiting for an
    earlier one), so ``chunks`` is pulled from lazily and memory stays bounded. Closing the
    generator, or any exception through it (a signal turned into one), kills the workers.
    ``method`` is a multiprocessing start method (default: the platform's).
    """
    import multiprocessing
    from multiprocessing.connection import wait

    context = multiprocessing.get_context(method)
    crew: list[_Worker[C]] = []
    finished = False
    try:
        for _ in range(workers):
            crew.append(_start(context, function, argument))
        pending = iter(enumerate(chunks))
        done: dict[int, R] = {}
        sent = following = 0
        more = True
        while True:
            for worker in crew:
                if not more or worker.busy or sent - following >= window:
                    continue
                item = next(pending, None)
                if item is None:
                    more = False
                    break
                worker.give(item)
                sent += 1
            while following in done:
                yield done.pop(following)
                following += 1
            busy = [w for w in crew if w.busy]
            if not busy:
                if more:
                    continue
                break
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.conn in ready:
                    try:
                        index, result = worker.conn.recv()
                    except (EOFError, OSError):
                        raise WorkerLostError(worker._obituary()) from None
                    done[index] = result
                    worker.busy = False
                elif worker.process.sentinel in ready:
                    raise WorkerLostError(worker._obituary())
        finished = True
    finally:
        for worker in crew:
            _stop(worker, gently=finished)


def _start(context: BaseContext, function: Callable[[C, A], R], argument: A) -> _Worker[C]:
    mine, theirs = context.Pipe()
    forked = context.get_start_method() == "fork"
    process = context.Process(  # type: ignore[attr-defined]
        target=_serve, args=(theirs, function, argument, os.getpid(), forked), daemon=True
    )
    process.start()
    theirs.close()  # now only the worker holds its end: its death is our end-of-file
    return _Worker(process, mine)


def _stop(worker: _Worker[C], *, gently: bool) -> None:
    process = worker.process
    if gently:
        with suppress(OSError):
            worker.conn.send(None)
        process.join(timeout=10)
    if process.is_alive():
        process.kill()
    process.join()
    worker.conn.close()


def _serve(
    conn: Connection, function: Callable[[C, A], R], argument: A, parent: int, forked: bool
) -> None:
    """A worker's life: take a chunk, send its result back, until told to stop or orphaned."""
    _detach(parent, forked=forked)
    try:
        while (message := conn.recv()) is not None:
            index, chunk = message
            conn.send((index, function(chunk, argument)))
    except (EOFError, OSError):  # the parent is gone: nobody to work for
        pass
    except BaseException:  # a bug: the parent reports a lost worker, in one line
        os._exit(70)


def _detach(parent: int, *, forked: bool) -> None:
    """Signals are the parent's to handle, and a worker never outlives its parent.

    Ctrl-C reaches the whole foreground process group; the parent stops the workers, which
    would otherwise each print a traceback. A forked worker also inherits the parent's Python
    handlers for SIGTERM and SIGHUP (which unwind the parent's clean-up), so they go back to
    the default. A forked worker also inherits its elder siblings' ends of their pipes, so a
    parent that dies without cleaning up (SIGKILL) gives them no end-of-file: on Linux the
    kernel kills such workers with their parent instead. (Spawned workers inherit no pipes and
    see the end-of-file; under forkserver their parent is the server, not ``parent``.)
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if sys.platform == "linux" and forked:
        import ctypes

        try:
            ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # pragma: no cover - an unusual libc
            return
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)
