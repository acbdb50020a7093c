"""The dictionary cache is trusted only when it is our own, sound, private file.

Each end-to-end test runs a fresh process (the cache is read once per process) with its own
cache, temporary and home folders, and compares the keywords with those of a clean run.
"""

from __future__ import annotations

import marshal
import math
import os
import stat
import subprocess
import sys
from array import array
from collections.abc import Callable
from pathlib import Path

import pytest

from speechparse.enrichment import _cache

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ba715635817add7f.txt"

_PRINT_KEYWORDS = """
import resource, sys
limit = 3 * 1024 ** 3  # a hostile cache must not be able to take the machine's memory
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
import speechparse
report = speechparse.parse_file(sys.argv[1])
print([(k.word, k.weight) for k in report.keywords])
print([[k.word for k in s.keywords] for s in report.speeches])
"""


class Run:
    """A fresh process with private cache, temporary and home folders under ``root``."""

    def __init__(self, root: Path, **env: str) -> None:
        self.cache = root / "xdg"
        self.tmp = root / "tmp"
        self.home = root / "home"
        for folder in (self.tmp, self.home):
            folder.mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "XDG_CACHE_HOME": str(self.cache),
            "TMPDIR": str(self.tmp),
            "HOME": str(self.home),
            **env,
        }

    def __call__(self, *, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", _PRINT_KEYWORDS, str(SEED)],
            capture_output=True,
            text=True,
            env=self.env,
            cwd=cwd,
            timeout=300,
            check=False,
        )

    @property
    def folder(self) -> Path:
        return self.cache / "speechparse"

    def files(self) -> dict[str, tuple[int, int]]:
        return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in self.folder.iterdir()}


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Keywords of the seed from a run with an empty cache: what every test must get."""
    done = Run(tmp_path_factory.mktemp("clean"))()
    assert done.returncode == 0, done.stderr
    assert "创新" in done.stdout
    return done.stdout


def test_a_file_planted_in_the_shared_temp_folder_is_never_read(tmp_path: Path, clean: str) -> None:
    run = Run(tmp_path, SPEECHPARSE_SEGMENTER="jieba")
    planted = run.tmp / "jieba.cache"
    planted.write_bytes(marshal.dumps(({"创新": 0, "产业": 0}, 1)))  # jieba's own format
    done = run()
    assert done.returncode == 0, done.stderr
    assert done.stdout == clean
    assert sorted(p.name for p in run.tmp.iterdir()) == ["jieba.cache"]  # nothing written there


def test_jiebas_cache_failures_never_reach_stderr(tmp_path: Path, clean: str) -> None:
    run = Run(tmp_path, SPEECHPARSE_SEGMENTER="jieba")
    (run.tmp / "jieba.cache").mkdir()  # jieba could neither read nor replace its cache file
    done = run()
    assert (done.returncode, done.stderr, done.stdout) == (0, "", clean)


HOSTILE = {
    "marshal claiming 2**31 items": b"[\xff\xff\xff\x7f",
    "valid marshal of the wrong shape": marshal.dumps(({"创新": "x"}, 1, ["创新"])),
    "truncated": b"SPCACHE",
    "empty": b"",
}


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_bad_cache_file_is_rebuilt_once_and_never_blamed_on_the_input(
    tmp_path: Path, clean: str, content: bytes
) -> None:
    run = Run(tmp_path)
    assert run().returncode == 0
    names = list(run.files())
    assert names
    for name in names:
        (run.folder / name).write_bytes(content)
    done = run()
    assert (done.returncode, done.stderr, done.stdout) == (0, "", clean)
    repaired = run.files()
    assert run().stdout == clean
    assert run.files() == repaired  # the repaired files are read, not rebuilt again


def test_the_cache_folder_is_private_whatever_the_umask(tmp_path: Path, clean: str) -> None:
    run = Run(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", "import os; os.umask(0o022); exec(open(0).read())", str(SEED)],
        input=_PRINT_KEYWORDS,
        capture_output=True,
        text=True,
        env=run.env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(run.folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in run.folder.iterdir())


def test_a_folder_left_open_by_an_earlier_version_is_closed(tmp_path: Path) -> None:
    run = Run(tmp_path)
    run.folder.mkdir(parents=True)
    run.folder.chmod(0o755)
    assert run().returncode == 0
    assert stat.S_IMODE(run.folder.stat().st_mode) == 0o700


def test_a_relative_xdg_cache_home_is_ignored(tmp_path: Path, clean: str) -> None:
    run = Run(tmp_path, XDG_CACHE_HOME="relative-cache")
    work = tmp_path / "work"
    work.mkdir()
    done = run(cwd=work)
    assert done.returncode == 0, done.stderr
    assert done.stdout == clean
    assert list(work.iterdir()) == []
    assert any((run.home / ".cache" / "speechparse").iterdir())


def test_speechparse_cache_0_turns_the_cache_off(tmp_path: Path, clean: str) -> None:
    run = Run(tmp_path, SPEECHPARSE_CACHE="0")
    done = run()
    assert (done.returncode, done.stdout) == (0, clean)
    assert not run.cache.exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_a_folder_owned_by_someone_else_is_not_used(tmp_path: Path, clean: str) -> None:
    run = Run(tmp_path)
    run.folder.mkdir(parents=True, mode=0o700)
    os.chown(run.folder, 65534, 65534)
    done = run()
    assert (done.returncode, done.stdout) == (0, clean)
    assert list(run.folder.iterdir()) == []


# --- the file format, in process --------------------------------------------------------------


def _is_table(value: object) -> dict[str, int] | None:
    if isinstance(value, dict) and all(type(k) is str and type(v) is int for k, v in value.items()):
        return value
    return None


class Builds:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> dict[str, int]:
        self.count += 1
        return {"甲": 1, "乙": 2}


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("SPEECHPARSE_CACHE", raising=False)
    return tmp_path / "speechparse"


def _only_file(folder: Path) -> Path:
    (path,) = folder.iterdir()
    return path


def test_a_table_is_built_once_then_read(cache_home: Path) -> None:
    build = Builds()
    assert _cache.load("t", ("k",), build, _is_table) == {"甲": 1, "乙": 2}
    assert _cache.load("t", ("k",), build, _is_table) == {"甲": 1, "乙": 2}
    assert build.count == 1
    assert _cache.load("t", ("other key",), build, _is_table) == {"甲": 1, "乙": 2}
    assert build.count == 2
    assert len(list(cache_home.iterdir())) == 1  # the superseded file is gone


def test_two_sources_keep_their_tables_and_a_new_version_replaces_only_its_own(
    cache_home: Path,
) -> None:
    # Two installs of jieba sharing one cache: neither may evict the other's tables.
    build = Builds()
    _cache.load("t", ("v1",), build, _is_table, source="/env-a/dict.txt")
    _cache.load("t", ("v1",), build, _is_table, source="/env-b/dict.txt")
    _cache.load("t", ("v1",), build, _is_table, source="/env-a/dict.txt")
    _cache.load("t", ("v1",), build, _is_table, source="/env-b/dict.txt")
    assert build.count == 2
    a_v1 = _cache._name("t", "/env-a/dict.txt", ("v1",))
    b_file = {p.name for p in cache_home.iterdir()} - {a_v1}
    _cache.load("t", ("v2",), build, _is_table, source="/env-a/dict.txt")  # env a upgraded
    assert build.count == 3
    assert {p.name for p in cache_home.iterdir()} == {
        _cache._name("t", "/env-a/dict.txt", ("v2",)),
        *b_file,
    }


@pytest.mark.parametrize(
    ("name", "removed"),
    [
        ("t-0123456789abcdef0123.bin", True),  # format 2, named by kind alone
        ("t-anything.marshal", True),  # format 1
        ("t-0123456789abcdef012.bin", False),  # not a name speechparse wrote
        ("t-0123456789ABCDEF0123.bin", False),
        ("u-0123456789abcdef0123.bin", False),  # another kind's
        ("t-01234567-0123456789abcdef0123.bin", False),  # another source's
        ("notes.txt", False),
    ],
)
def test_storing_a_table_removes_its_earlier_layouts_and_nothing_else(
    cache_home: Path, name: str, removed: bool
) -> None:
    _cache.load("t", ("k",), Builds(), _is_table)  # creates the folder
    (cache_home / name).write_bytes(b"old")
    _cache.load("t", ("other key",), Builds(), _is_table)
    assert (cache_home / name).exists() is not removed


def _flip_last_byte(data: bytes) -> bytes:
    return data[:-1] + bytes([data[-1] ^ 1])


def _claim_more(data: bytes) -> bytes:
    at = len(_cache.MAGIC)
    return data[:at] + (2**40).to_bytes(8, "big") + data[at + 8 :]


def _frame(value: object) -> bytes:
    payload = marshal.dumps(value)
    return _cache.MAGIC + len(payload).to_bytes(8, "big") + _cache._checksum(payload) + payload


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "flipped byte": _flip_last_byte,
    "truncated": lambda data: data[:-3],
    "padded": lambda data: data + b"\0",
    "length header claims 1 TB": _claim_more,
    "other magic": lambda data: b"X" + data[1:],
    "sound frame, wrong shape": lambda data: _frame({"甲": "one"}),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_file_is_rebuilt(cache_home: Path, damage: Callable[[bytes], bytes]) -> None:
    build = Builds()
    _cache.load("t", ("k",), build, _is_table)
    path = _only_file(cache_home)
    path.write_bytes(damage(path.read_bytes()))
    assert _cache.load("t", ("k",), build, _is_table) == {"甲": 1, "乙": 2}
    assert build.count == 2
    assert _cache.load("t", ("k",), build, _is_table) == {"甲": 1, "乙": 2}
    assert build.count == 2  # rebuilt once, then read again


def test_a_symlink_in_place_of_the_file_is_not_followed(cache_home: Path, tmp_path: Path) -> None:
    build = Builds()
    _cache.load("t", ("k",), build, _is_table)
    path = _only_file(cache_home)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(elsewhere)
    _cache.load("t", ("k",), build, _is_table)
    assert build.count == 2
    assert not path.is_symlink()  # replaced by a file of our own; the target is untouched
    assert elsewhere.read_bytes() == path.read_bytes()


@pytest.mark.parametrize(
    ("text", "expected", "words"),
    [
        ("丙丁\n乙\n甲", 3, ("丙丁", "乙", "甲")),  # code points: 丙 < 乙 < 甲
        ("甲\n乙\n丙丁", 3, None),  # reversed
        ("乙\n丙丁\n甲", 3, None),  # one pair out of order
        ("丙丁\n乙", 3, None),  # fewer words than weights
        ("丙丁\n\n乙", 3, None),  # an empty word
        ("\n乙", 2, None),
        ("乙\n", 2, None),
        ("", 1, None),
    ],
)
def test_a_cached_word_list_is_used_only_when_whole_and_sorted(
    text: str, expected: int, words: tuple[str, ...] | None
) -> None:
    from speechparse.enrichment.jieba_adapter import _sorted_words

    assert _sorted_words(text, expected) == words


def _counts_bytes(*counts: int) -> bytes:
    return b"".join(c.to_bytes(8, sys.byteorder, signed=True) for c in counts)


@pytest.mark.parametrize(
    ("value", "count"),
    [
        (("丙丁\n乙", _counts_bytes(3, 4), 7), 3),
        (("丙丁\n乙", _counts_bytes(0, 0), 0), 0),
        (("丙丁\n乙", _counts_bytes(3, 4), 6), None),  # a total below the counts' sum
        # Counts are read unsigned: a negative one is a huge count the total must cover.
        (("丙丁\n乙", _counts_bytes(-1, 4), 10), None),
        (("丙丁\n乙", _counts_bytes(3, -4), 2**64 - 2), None),
        (("丙丁\n乙", _counts_bytes(3, -4), 2**64 - 1), 3),
        (("丙丁\n乙", _counts_bytes(3, 4)[:-1], 7), None),  # a torn count
        (("丙丁\n乙", _counts_bytes(3), 7), None),  # fewer counts than words
        (("乙\n丙丁", _counts_bytes(3, 4), 7), None),  # unsorted
        (("丙丁\n乙", _counts_bytes(3, 4), 7.0), None),
        (("丙丁\n乙", _counts_bytes(3, 4)), None),
        ([b"x", _counts_bytes(3, 4), 7], None),
    ],
)
def test_a_cached_count_table_is_used_only_when_sound(value: object, count: int | None) -> None:
    """``count``: what the table gives for 丙丁, None when the value is not a sound table."""
    from speechparse.enrichment.jieba_adapter import _as_counts

    table = _as_counts(value)
    assert (table is None) is (count is None)
    if table is not None:
        assert (table.get("丙丁"), table.get("丙"), table.get("甲")) == (count, 0, None)


def _weights(*weights: float) -> bytes:
    return array("d", weights).tobytes()


@pytest.mark.parametrize(
    ("value", "weight"),
    [
        (("丙丁\n乙", _weights(2.5, 9.0), 5.0), 2.5),
        (("丙丁\n乙", _weights(2.5, math.inf), 5.0), None),
        (("丙丁\n乙", _weights(-math.inf, math.inf), 5.0), None),
        (("丙丁\n乙", _weights(math.nan, 9.0), 5.0), None),
        (("丙丁\n乙", _weights(1e308, 1e308), 5.0), None),  # finite, but no sum
        (("丙丁\n乙", _weights(2.5, 9.0), math.nan), None),  # the median
        (("丙丁\n乙", _weights(2.5, 9.0), 5), None),
        (("丙丁\n乙", _weights(2.5, 9.0)[:-1], 5.0), None),
        (("乙\n丙丁", _weights(2.5, 9.0), 5.0), None),
    ],
)
def test_a_cached_idf_table_is_used_only_when_sound(value: object, weight: float | None) -> None:
    """``weight``: what the table gives 丙丁, None when the value is not a sound table."""
    from speechparse.enrichment.jieba_adapter import _as_idf

    table = _as_idf(value)
    assert (table is None) is (weight is None)
    if table is not None:
        assert (table.get("丙丁"), table.get("甲")) == (weight, 5.0)


def test_cached_word_lists_leave_the_cycle_collectors_sight() -> None:
    # Hundreds of thousands of words in a list would be walked in every full collection for
    # the life of the process; a tuple of strings is dropped from tracking at first sight.
    import gc

    from speechparse.enrichment.jieba_adapter import _sorted_words

    words = _sorted_words("丙丁\n乙\n甲", 3)
    gc.collect()
    assert words is not None and not gc.is_tracked(words)
