"""A per-user cache of tables that are slow to parse, trusted only when it is our own.

jieba's tables take a tenth of a second or more to parse from text on every fresh process; a
marshalled copy loads several times faster. But a cache is input too, so a file is used only
when all of these hold, and otherwise rebuilt (once) and rewritten:

- it lies in ``$XDG_CACHE_HOME/speechparse`` (an absolute ``XDG_CACHE_HOME`` only; a relative
  one would depend on the working directory) or ``~/.cache/speechparse``, a real directory
  owned by this user and closed to others (created, or tightened, to mode 0700);
- it is a regular file owned by this user whose header gives its exact length (at most
  ``MAX_BYTES``) and a BLAKE2 checksum of the payload, both checked before a byte is unmarshalled,
  so a truncated, padded or foreign file costs a ``stat`` and a hash, never an unbounded
  ``marshal.loads``;
- the unmarshalled value passes the caller's check of its whole structure (``decode``).

Files are named after everything they were built from (format, Python version, source file
size and mtime), so a stale file is simply never looked up. A new version of a table replaces
the files of earlier versions *of the same source* only: two installs of jieba (two virtual
environments, say) sharing one cache each keep their tables, where evicting each other's would
make every process of either rebuild them. Writes go through a temporary file renamed into
place, so concurrent processes never see half a file. ``SPEECHPARSE_CACHE=0``
turns the cache off: nothing is read or written. Failing to cache is never an error: the table
is then built the slow way.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = ["MAX_BYTES", "cache_dir", "enabled", "load", "stamp"]

T = TypeVar("T")

FORMAT = 2
MAGIC = b"SPCACHE\x02"
MAX_BYTES = 64 * 1024 * 1024
_DIGEST = 32
_LENGTH = 8
_HEADER = len(MAGIC) + _LENGTH + _DIGEST
_OFF = frozenset({"0", "false", "no", "off"})


def enabled() -> bool:
    return os.environ.get("SPEECHPARSE_CACHE", "1").strip().lower() not in _OFF


def _base() -> Path | None:
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg)
    home = os.path.expanduser("~")
    return Path(home) / ".cache" if os.path.isabs(home) else None


def cache_dir(*, create: bool) -> Path | None:
    """The private cache directory, or None when there is none we can trust."""
    base = _base()
    if base is None:
        return None
    path = base / "speechparse"
    try:
        if create:
            base.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileExistsError):
                path.mkdir(mode=0o700)
        info = os.lstat(path)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
            return None
        if stat.S_IMODE(info.st_mode) != 0o700:
            os.chmod(path, 0o700)  # ours, but made by an older version or under another umask
    except OSError:
        return None
    return path


def stamp(path: Path) -> tuple[int, int]:
    """What identifies a source file's version cheaply: its size and modification time."""
    try:
        info = path.stat()
    except OSError:
        return (-1, -1)
    return (info.st_size, info.st_mtime_ns)


def _prefix(kind: str, source: str) -> str:
    """What the names of all versions of one table from one source start with."""
    return f"{kind}-{hashlib.sha256(source.encode()).hexdigest()[:8]}-"


def _name(kind: str, source: str, key: tuple[object, ...]) -> str:
    digest = hashlib.sha256(repr((FORMAT, sys.version_info[:2], kind, source, key)).encode())
    return f"{_prefix(kind, source)}{digest.hexdigest()[:20]}.bin"


def _superseded(directory: Path, kind: str, source: str, name: str) -> list[Path]:
    """Earlier versions of the table from this source, and files of the earlier layouts
    (named by kind alone), which any source's new version replaces."""
    ours = directory.glob(f"{_prefix(kind, source)}*.bin")
    legacy = (p for p in directory.glob(f"{kind}-*.*") if _LEGACY.fullmatch(p.name, len(kind)))
    return [p for p in (*ours, *legacy) if p.name != name]


# ``-<20 hex digits>.bin`` (format 2 without a source) and ``-<anything>.marshal`` (format 1).
_LEGACY = re.compile(r"-(?:[0-9a-f]{20}\.bin|[^/]*\.marshal)")


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_DIGEST).digest()


def _read(path: Path) -> object | None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
            return None
        if not _HEADER <= info.st_size <= _HEADER + MAX_BYTES:
            return None
        header = file.read(_HEADER)
        length = int.from_bytes(header[len(MAGIC) : len(MAGIC) + _LENGTH], "big")
        if header[: len(MAGIC)] != MAGIC or info.st_size != _HEADER + length:
            return None
        payload = file.read(length + 1)
    if len(payload) != length or _checksum(payload) != header[len(MAGIC) + _LENGTH :]:
        return None
    try:
        value: object = marshal.loads(payload)
    except Exception:  # checksummed, so only a file we did not write gets here
        return None
    return value


def _write(directory: Path, name: str, kind: str, source: str, value: object) -> None:
    try:
        payload = marshal.dumps(value)  # type: ignore[arg-type]  # tables of str, int, float, bytes
        if len(payload) > MAX_BYTES:
            return
        header = MAGIC + len(payload).to_bytes(_LENGTH, "big") + _checksum(payload)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{kind}-")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(header)
                file.write(payload)
            os.replace(tmp, directory / name)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        for old in _superseded(directory, kind, source, name):
            old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass


def load(
    kind: str,
    key: tuple[object, ...],
    build: Callable[[], object],
    decode: Callable[[object], T | None],
    *,
    source: str = "",
) -> T:
    """The table for ``key``: decoded from the cache if the cache holds a sound one, else
    ``build()`` (stored for next time) decoded. ``decode`` checks the whole structure of what
    it is given and returns None when it is not a table it could have built. ``source`` names
    what the table is built from (a file's path): storing a table removes only the earlier
    versions built from the same source."""
    directory = cache_dir(create=True) if enabled() else None
    name = _name(kind, source, key)
    if directory is not None:
        cached = _read(directory / name)
        if cached is not None and (table := decode(cached)) is not None:
            return table
    value = build()
    table = decode(value)
    if table is None:
        raise RuntimeError(f"speechparse built a {kind} table that fails its own check")
    if directory is not None:
        _write(directory, name, kind, source, value)
    return table
