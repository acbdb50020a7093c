"""Optional dependencies: import them on demand and name the extra that provides them.

The core install is pydantic, regex, jieba and orjson. Parquet, DataFrames and the like come
from extras, and a user who lacks one should learn which ``pip install`` fixes it, in one line,
instead of reading an ImportError traceback from deep inside a writer.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import SpeechParseError


class MissingExtraError(SpeechParseError, ImportError):
    """An optional package is not installed; the message names the extra that brings it."""


def require(module: str, *, extra: str, purpose: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingExtraError` saying how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"{purpose} needs the {module.split('.')[0]} package: "
            f"pip install 'speechparse[{extra}]'"
        ) from None
