"""speechparse: Chinese meeting reports (发言摘要, 发言摘登) to typed, source-grounded data.

>>> import speechparse
>>> report = speechparse.parse(text)            # doctest: +SKIP
>>> speechparse.to_json(report)                  # doctest: +SKIP
"""

from __future__ import annotations

import logging

from .batch import parse_many
from .errors import (
    DecodeError,
    InputTooLargeError,
    NotAReportError,
    SchemaValidationError,
    SpeechParseError,
)
from .export import json_schema, to_json, validate
from .models import (
    SCHEMA_VERSION,
    Byline,
    Credit,
    Diagnostic,
    Headline,
    Point,
    Position,
    Report,
    Source,
    Span,
    Speaker,
    Speech,
)
from .parser import DEFAULT_MAX_CHARS, parse, parse_file

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "DEFAULT_MAX_CHARS",
    "SCHEMA_VERSION",
    "Byline",
    "Credit",
    "DecodeError",
    "Diagnostic",
    "Headline",
    "InputTooLargeError",
    "NotAReportError",
    "Point",
    "Position",
    "Report",
    "SchemaValidationError",
    "Source",
    "Span",
    "Speaker",
    "Speech",
    "SpeechParseError",
    "json_schema",
    "parse",
    "parse_file",
    "parse_many",
    "to_json",
    "validate",
]
