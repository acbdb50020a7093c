"""Recipe: parse a whole archive on a Dask cluster into JSON Lines partition files.

Install the extra (``pip install 'speechparse[dask]'``), then::

    from distributed import Client
    from speechparse.cluster import parse_directory_dask

    with Client("tcp://scheduler:8786") as client:        # or Client() for a local cluster
        parts = parse_directory_dask("archive/", "parsed/", client=client)

Each partition is one task that parses its files and writes ``part-NNNNN.jsonl`` itself, so
reports never travel through the scheduler and only file names come back. Lines have the CLI's
format (``{"path": ..., "report": {...}}`` or ``{"path": ..., "error": {...}}``), and reading
the parts in name order gives the files in sorted path order. ``out`` must be visible to every
worker (a shared filesystem). Dask is imported only inside the function, so the core package
never depends on it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from . import batch
from .parser import DEFAULT_MAX_CHARS

__all__ = ["parse_directory_dask"]


def _write_partition(item: tuple[int, list[str]], out: str, keywords: bool) -> str:
    """Parse one partition's files and write them atomically, so a retried task is harmless."""
    index, paths = item
    options = batch._Options(
        encoding=None, strict=False, keywords=keywords, max_chars=DEFAULT_MAX_CHARS
    )
    target = os.path.join(out, f"part-{index:05d}.jsonl")
    tmp = f"{target}.tmp{os.getpid()}"
    with open(tmp, "wb") as file:
        for raw in batch._raw_results(((p, None) for p in paths), options, 1, 1):
            file.write(batch.json_line(*raw))
    os.replace(tmp, target)
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

    paths = sorted(str(p) for p in Path(src).rglob("*.txt") if p.is_file())
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("part-*.jsonl"):  # a larger earlier run must not leave extras
        stale.unlink()
    if not paths:
        return []
    if partitions is None:
        threads = sum(client.nthreads().values()) if client is not None else os.cpu_count()
        partitions = 4 * (threads or 1)
    count = max(1, min(partitions, len(paths)))
    size = -(-len(paths) // count)  # ceiling division: `count` chunks at most, none empty
    chunks = list(enumerate(paths[i : i + size] for i in range(0, len(paths), size)))
    bag = db.from_sequence(chunks, npartitions=len(chunks)).map(  # type: ignore[no-untyped-call]
        _write_partition, out=str(out_dir.resolve()), keywords=keywords
    )
    written = client.compute(bag, sync=True) if client is not None else bag.compute()
    return sorted(Path(p) for p in written)
