"""The dictionary cache is trusted only when it is our own, sound, private file.

Each end-to-end test runs a fresh process (the cache is read once per process) with its own
cache, temporary and home folders, and compares the keywords with those of a clean run.
"""

from __future__ import annotations

import marshal
import os
import stat
import subprocess
import sys
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


def test_cached_word_lists_leave_the_cycle_collectors_sight() -> None:
    # Hundreds of thousands of words in a list would be walked in every full collection for
    # the life of the process; a tuple of strings is dropped from tracking at first sight.
    import gc

    from speechparse.enrichment.jieba_adapter import _sorted_words

    words = _sorted_words("丙丁\n乙\n甲", 3)
    gc.collect()
    assert words is not None and not gc.is_tracked(words)
