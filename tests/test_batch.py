"""parse_many: input order, failures as results, and laziness on both ends."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import speechparse
from speechparse import parse_many
from speechparse.batch import BatchResult

FIXTURE = Path(__file__).parent / "fixtures" / "linjiang_report.txt"


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    """Five reports with a binary file in the middle; names sort in this order."""
    paths = []
    for i in range(5):
        path = tmp_path / f"r{i}.txt"
        if i == 2:
            path.write_bytes(bytes(range(256)) * 4)
        else:
            text = FIXTURE.read_text("utf-8").replace("临江市", f"临江{i}市", 1)
            path.write_text(text, "utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("workers", [1, 2])
def test_order_and_failures(corpus: list[Path], workers: int) -> None:
    results = list(parse_many(corpus, workers=workers, chunksize=1, keywords=False))
    assert [r.path for r in results] == [str(p) for p in corpus]
    broken = results[2]
    assert broken.report is None and not broken.ok
    assert broken.error_type == "DecodeError"
    assert broken.error and "UTF-8" in broken.error and str(corpus[2]) not in broken.error
    for i, result in enumerate(results):
        if i == 2:
            continue
        assert result.ok and result.error is None and result.report is not None
        assert result.report.title is not None
        assert result.report.title.text.startswith(f"临江{i}市")
        single = speechparse.parse_file(corpus[i], keywords=False)
        assert speechparse.to_json(result.report) == speechparse.to_json(single)


def test_missing_file_is_a_result_not_an_exception(tmp_path: Path) -> None:
    (result,) = parse_many([tmp_path / "absent.txt"], workers=1)
    assert result == BatchResult(
        str(tmp_path / "absent.txt"), None, result.error, "FileNotFoundError"
    )
    assert result.error


@pytest.mark.parametrize("workers", [1, 2])
def test_input_is_consumed_lazily(tmp_path: Path, workers: int) -> None:
    shutil.copy(FIXTURE, tmp_path / "a.txt")
    pulled = 0

    def endless() -> Iterator[Path]:
        nonlocal pulled
        for _ in itertools.count():
            pulled += 1
            yield tmp_path / "a.txt"

    results = parse_many(endless(), workers=workers, chunksize=2, keywords=False)
    first = next(results)
    assert first.ok
    # only the bounded window of chunks in flight has been read, not the whole input
    assert pulled <= 2 * workers * 2 + 2
    results.close()  # type: ignore[attr-defined]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="workers"):
        next(parse_many([FIXTURE], workers=0))
    with pytest.raises(ValueError, match="chunksize"):
        next(parse_many([FIXTURE], chunksize=0))
