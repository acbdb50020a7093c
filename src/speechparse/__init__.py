"""speechparse: Chinese meeting reports (发言摘要, 发言摘登) to typed, source-grounded data.

>>> import speechparse
>>> report = speechparse.parse(text)            # doctest: +SKIP
>>> speechparse.to_json(report)                  # doctest: +SKIP

The public names load on first use (PEP 562), so ``import speechparse`` in a notebook or a
command-line tool costs almost nothing until something is parsed; jieba loads later still,
only when keywords are asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    DecodeError,
    InputTooLargeError,
    MissingExtraError,
    NotAReportError,
    SchemaValidationError,
    SpeechParseError,
)

if TYPE_CHECKING:
    from .batch import BatchResult, parse_many
    from .export import json_schema, to_json, validate
    from .html_input import parse_html
    from .models import (
        SCHEMA_VERSION,
        Byline,
        Credit,
        Diagnostic,
        Figure,
        Guest,
        GuestList,
        Headline,
        HomePlace,
        Keyword,
        Person,
        Point,
        Position,
        Question,
        Report,
        Section,
        Source,
        Span,
        Speaker,
        Speech,
        TitleParts,
    )
    from .parser import DEFAULT_MAX_CHARS, parse, parse_file
    from .review import to_html
    from .tables import to_dataframes, to_tables

    __version__: str


_LAZY = {
    "parse_many": "batch",
    "BatchResult": "batch",
    "json_schema": "export",
    "to_json": "export",
    "validate": "export",
    "parse_html": "html_input",
    "DEFAULT_MAX_CHARS": "parser",
    "parse": "parser",
    "parse_file": "parser",
    "to_tables": "tables",
    "to_dataframes": "tables",
    "to_html": "review",
    **dict.fromkeys(
        [
            "SCHEMA_VERSION",
            "Byline",
            "Credit",
            "Diagnostic",
            "Figure",
            "Guest",
            "GuestList",
            "Headline",
            "HomePlace",
            "Keyword",
            "Person",
            "Point",
            "Position",
            "Question",
            "Report",
            "Section",
            "Source",
            "Span",
            "Speaker",
            "Speech",
            "TitleParts",
        ],
        "models",
    ),
}

__all__ = [
    "DEFAULT_MAX_CHARS",
    "SCHEMA_VERSION",
    "BatchResult",
    "Byline",
    "Credit",
    "DecodeError",
    "Diagnostic",
    "Figure",
    "Guest",
    "GuestList",
    "Headline",
    "HomePlace",
    "InputTooLargeError",
    "Keyword",
    "MissingExtraError",
    "NotAReportError",
    "Person",
    "Point",
    "Position",
    "Question",
    "Report",
    "SchemaValidationError",
    "Section",
    "Source",
    "Span",
    "Speaker",
    "Speech",
    "SpeechParseError",
    "TitleParts",
    "json_schema",
    "parse",
    "parse_file",
    "parse_html",
    "parse_many",
    "to_dataframes",
    "to_html",
    "to_json",
    "to_tables",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from ._version import package_version

        version = package_version()
        globals()[name] = version
        return version
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'speechparse' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__) | {"__version__"})
