"""The Dask recipe writes exactly what a single process would parse."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

import speechparse

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


@pytest.mark.skipif(not DEV.is_dir(), reason="the shared dev corpus is not present")
def test_dask_matches_single_process(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.bag")
    from speechparse.cluster import parse_directory_dask

    expected = sorted(DEV.rglob("*.txt"))
    assert expected
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        parts = parse_directory_dask(DEV, tmp_path, client=client, partitions=3)

    assert parts == [tmp_path / f"part-{i:05d}.jsonl" for i in range(3)]
    lines = b"".join(p.read_bytes() for p in parts).splitlines()
    assert len(lines) == len(expected)
    for line, path in zip(lines, expected, strict=True):
        record = orjson.loads(line)
        assert record["path"] == str(path)
        assert "error" not in record
        single = speechparse.to_json(speechparse.parse_file(path))
        assert orjson.dumps(record["report"]) == single, path
