"""Finding input files: directory walks and glob patterns that cannot loop and hide nothing.

Both walk with :func:`os.scandir` rather than :func:`glob.glob` or :meth:`pathlib.Path.rglob`:
``glob`` follows links to directories, so one link back to a parent sends ``**`` round the
same files until the path is too long (with two such links it never ends), and both skip a
directory they may not read without a word. Here a link to a directory is followed only where
the user named it (a walked root, or a fixed or wildcard part of a pattern, whose depth is
bounded), never when descending, as ``find`` does without ``-L``. Every path that cannot be
looked at comes back as a ``(path, error)`` pair, so the caller reports it in its place.

A name that is not valid UTF-8 arrives with surrogate escapes (PEP 383) and is yielded like any
other: what to do with it is the caller's decision.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterator

__all__ = ["Found", "glob_files", "has_magic", "walk_files"]

Found = tuple[str, OSError | None]
"""A file to parse (error None), or a path that could not be looked at and why."""

_MAGIC = frozenset("*?[")


def has_magic(text: str) -> bool:
    return not _MAGIC.isdisjoint(text)


def walk_files(root: str, suffix: str | tuple[str, ...] = ".txt") -> Iterator[Found]:
    """Files below ``root`` whose name ends with ``suffix`` (or one of them), depth first in
    name order.

    Name order within each directory, descending in place, is the order of sorted
    :class:`pathlib.Path` objects (what earlier versions produced). Hidden names are included.
    """
    for path, is_dir, error in _tree(root, hidden=True):
        if error is not None:
            yield path, error
        elif not is_dir and path.endswith(suffix):
            yield from _file(path)


def glob_files(pattern: str) -> Iterator[Found]:
    """The files matching a shell pattern, sorted; ``**`` spans any number of directories.

    As :func:`glob.glob` with ``recursive=True``: wildcards do not match a leading dot, and
    directories matching the pattern are left out (this looks for files to parse).
    """
    anchor, parts = _split(pattern)
    if not parts or pattern.endswith((os.sep, os.altsep or os.sep)):
        return  # a trailing separator asks for directories only
    found = sorted(_match(anchor, parts), key=lambda item: item[0])
    yield from found


def _file(path: str) -> Iterator[Found]:
    """A regular file (or a link to one) is yielded; a directory is not; the rest is reported.

    A FIFO or a device met in a walk could block or never end, so it is reported instead of
    read; a file named on the command line is read whatever it is.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError as exc:
        if os.path.lexists(path):  # a dangling link names a file the user expects parsed
            yield path, FileNotFoundError(exc.errno, "dangling symbolic link", path)
        return
    except OSError as exc:
        yield path, exc
        return
    if stat.S_ISREG(mode):
        yield path, None
    elif not stat.S_ISDIR(mode):
        yield path, OSError(0, "not a regular file (a FIFO, socket or device)", path)


def _listing(directory: str) -> tuple[list[os.DirEntry[str]], OSError | None]:
    try:
        with os.scandir(directory) as it:
            return sorted(it, key=lambda e: e.name), None
    except OSError as exc:
        return [], exc


def _join(directory: str, name: str) -> str:
    return name if directory == os.curdir else os.path.join(directory, name)


def _split(pattern: str) -> tuple[str, list[str]]:
    """The directory a pattern starts from (``/`` or ``.``) and its parts."""
    drive, rest = os.path.splitdrive(pattern)
    seps = os.sep + (os.altsep or "")
    anchor = drive + rest[0] if rest[:1] and rest[0] in seps else drive or os.curdir
    if os.altsep:
        rest = rest.replace(os.altsep, os.sep)
    parts = [p for p in rest.split(os.sep) if p]
    # ``**/**`` is ``**``
    return anchor, [p for i, p in enumerate(parts) if not (p == "**" and parts[i - 1 : i] == [p])]


def _match(directory: str, parts: list[str]) -> Iterator[Found]:
    head, rest = parts[0], parts[1:]
    if head == "**":
        for sub, error in _directories(directory):
            if error is not None:
                yield sub, error
            else:
                yield from _match(sub, rest or ["*"])
        return
    if has_magic(head):
        entries, error = _listing(directory)
        if error is not None:
            yield directory, error
            return
        names = [
            e.name
            for e in entries
            if fnmatch.fnmatchcase(e.name, head)
            and (head.startswith(".") or not e.name.startswith("."))
        ]
    elif os.path.lexists(_join(directory, head)):
        names = [head]
    else:
        names = []
    for name in names:
        path = _join(directory, name)
        if not rest:
            yield from _file(path)
        elif os.path.isdir(path):  # named at this level: links followed, depth bounded
            yield from _match(path, rest)


def _directories(directory: str) -> Iterator[Found]:
    """``directory`` and every directory below it, links and hidden names left out."""
    for path, is_dir, error in _tree(directory, hidden=False):
        if is_dir:
            yield path, error


def _tree(root: str, *, hidden: bool) -> Iterator[tuple[str, bool, OSError | None]]:
    """``(path, is_directory, error)`` for ``root`` and all below it, depth first, name order.

    A link to a directory is listed as a non-directory and never entered. Iterative, with
    one listing per open level on a stack: a tree nested thousands deep is walked all the same.
    """
    entries, error = _listing(root)
    yield root, True, error
    if error is not None:
        return
    stack = [(root, iter(entries))]
    while stack:
        directory, rest = stack[-1]
        entry = next(rest, None)
        if entry is None:
            stack.pop()
            continue
        if not hidden and entry.name.startswith("."):
            continue
        path = _join(directory, entry.name)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError as exc:
            yield path, False, exc
            continue
        if not is_dir:
            yield path, False, None
            continue
        below, error = _listing(path)
        yield path, True, error
        if error is None:
            stack.append((path, iter(below)))
