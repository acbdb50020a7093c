"""Reading input bytes with a ceiling, for inputs whose size is not known in advance.

A pipe, a FIFO or a device (``yes |``, ``/dev/zero``) reports size 0 to ``stat``, so the size
check done on regular files before reading cannot protect against them: reading has to stop by
itself once the ceiling is passed, holding at most one chunk more than the ceiling.
"""

from __future__ import annotations

import io
from typing import BinaryIO

BYTES_PER_CHAR = 4
"""The most bytes one character takes in any accepted encoding (UTF-8, UTF-16, GB18030)."""

_CHUNK = 1 << 16


def read_limited(stream: BinaryIO, limit: int) -> bytes | None:
    """All of ``stream`` if it holds at most ``limit`` bytes, else None (and stop reading)."""
    first = stream.read(min(_CHUNK, limit + 1))
    if len(first) > limit:
        return None
    if not first:
        return b""
    # Most inputs fit one chunk; the rest grow one buffer instead of joining a list (one copy).
    buffer: io.BytesIO | None = None
    while chunk := stream.read(min(_CHUNK, limit + 1)):
        if buffer is None:
            buffer = io.BytesIO()
            buffer.write(first)
        buffer.write(chunk)
        if buffer.tell() > limit:
            return None
    return first if buffer is None else buffer.getvalue()
