"""The ordered worker pool: input order under every start method, a worker that dies is an
error (not a hang), and closing the results early leaves no process behind."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterator

import pytest

from speechparse._pool import WorkerLostError, ordered_map

METHODS = [
    m for m in ("fork", "spawn", "forkserver") if m in multiprocessing.get_all_start_methods()
]


def square_slowly(chunk: list[int], delay: float) -> list[int]:
    # later chunks finish first: the pool must still give them back in input order
    time.sleep(delay * (5 - chunk[0] % 5))
    return [n * n for n in chunk]


def die_on_seven(chunk: list[int], unused: None) -> list[int]:
    if 7 in chunk:
        os._exit(3)
    return chunk


def pid_of_worker(chunk: list[int], unused: None) -> list[int]:
    return [os.getpid() for _ in chunk]


@pytest.mark.parametrize("method", METHODS)
def test_results_come_back_in_input_order(method: str) -> None:
    chunks = [[i, i + 100] for i in range(12)]
    results = list(ordered_map(square_slowly, chunks, 0.01, workers=3, window=6, method=method))
    assert results == [[i * i, (i + 100) ** 2] for i in range(12)]


@pytest.mark.parametrize("method", METHODS)
def test_a_dying_worker_is_an_error_not_a_hang(method: str) -> None:
    chunks = [[i] for i in range(10)]
    with pytest.raises(WorkerLostError, match=r"died \(exit 3\)"):
        list(ordered_map(die_on_seven, chunks, None, workers=2, window=4, method=method))


def test_closing_early_leaves_no_worker() -> None:
    results = ordered_map(pid_of_worker, ([i] for i in range(1000)), None, workers=2, window=4)
    first = next(results)
    results.close()
    assert multiprocessing.active_children() == []
    with pytest.raises(OSError):
        os.kill(first[0], 0)  # reaped, not a zombie


def test_input_is_pulled_lazily() -> None:
    pulled = 0

    def chunks() -> Iterator[list[int]]:
        nonlocal pulled
        while True:
            pulled += 1
            yield [pulled]

    results = ordered_map(pid_of_worker, chunks(), None, workers=2, window=4)
    next(results)
    assert pulled <= 4 + 1
    results.close()
