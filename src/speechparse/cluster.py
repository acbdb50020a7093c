"""Recipe: parse a whole archive on a Dask cluster into JSON Lines partition files.

Install the extra (``pip install 'speechparse[dask]'``), then::

    from distributed import Client
    from speechparse.cluster import parse_directory_dask

    with Client("tcp://scheduler:8786") as client:        # or Client() for a local cluster
        parts = parse_directory_dask("archive/", "parsed/", client=client)

Each partition is one task that parses its files and writes ``part-NNNNN.jsonl`` itself, so
reports never travel through the scheduler and only file names come back. Lines have the CLI's
format (``{"path": ..., "report": {...}}`` or ``{"path": ..., "error": {...}}``), and reading
the parts in name order gives the files in the order ``speechparse parse DIR`` walks them. A
file that cannot be parsed, a name that is not UTF-8 and a directory that cannot be read each
get an error line in their place; nothing stops the run. ``out`` must be visible to every
worker (a shared filesystem). Dask is imported only inside the function, so the core package
never depends on it.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

from . import batch
from ._paths import walk_files
from .parser import DEFAULT_MAX_CHARS

__all__ = ["parse_directory_dask"]


def _write_partition(item: tuple[int, list[batch._Task]], out: str, keywords: bool) -> str:
    """Parse one partition's files and write them atomically, so a retried task is harmless.

    A task that fails part-way (a full disk, a killed worker thread) removes its temporary
    file: only whole ``part-*.jsonl`` files are ever seen in ``out``.
    """
    index, tasks = item
    options = batch._Options(
        encoding=None, strict=False, keywords=keywords, max_chars=DEFAULT_MAX_CHARS
    )
    target = os.path.join(out, f"part-{index:05d}.jsonl")
    tmp = f"{target}.tmp{os.getpid()}"
    try:
        with open(tmp, "wb") as file:
            for raw in batch._raw_results(tasks, options, 1, 1):
                file.write(batch.json_line(*raw))
        os.replace(tmp, target)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)
    return target


def parse_directory_dask(
    src: str | Path,
    out: str | Path,
    *,
    client: Any = None,
    partitions: int | None = None,
    keywords: bool = True,
) -> list[Path]:
    """Parse every ``*.txt`` under ``src`` into ``out/part-00000.jsonl`` … and return their paths.

    ``client`` is a ``distributed.Client`` (default: Dask's current scheduler); ``partitions``
    defaults to four per worker thread, enough to balance uneven file sizes. Existing
    ``part-*.jsonl`` files in ``out`` are replaced.
    """
    import dask.bag as db

    if not os.path.isdir(src):
        raise NotADirectoryError(errno.ENOTDIR, "not a directory", os.fspath(src))
    tasks: list[batch._Task] = [
        (path, None if error is None else batch._Failed.of(error, path))
        for path, error in walk_files(os.fspath(src))
    ]
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("part-*.jsonl"):  # a larger earlier run must not leave extras
        stale.unlink()
    if not tasks:
        return []
    if partitions is None:
        threads = sum(client.nthreads().values()) if client is not None else os.cpu_count()
        partitions = 4 * (threads or 1)
    count = max(1, min(partitions, len(tasks)))
    size = -(-len(tasks) // count)  # ceiling division: `count` chunks at most, none empty
    chunks = list(enumerate(tasks[i : i + size] for i in range(0, len(tasks), size)))
    bag = db.from_sequence(chunks, npartitions=len(chunks)).map(  # type: ignore[no-untyped-call]
        _write_partition, out=str(out_dir.resolve()), keywords=keywords
    )
    written = client.compute(bag, sync=True) if client is not None else bag.compute()
    return sorted(Path(p) for p in written)
