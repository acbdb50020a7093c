"""The exceptions speechparse raises: one root, so callers can catch everything with one clause."""

from __future__ import annotations


class SpeechParseError(ValueError):
    """Root of every error speechparse raises on bad input."""


class DecodeError(SpeechParseError):
    """The bytes are not text in any encoding we accept (or not in the one declared)."""

    def __init__(self, message: str, *, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset


class InputTooLargeError(SpeechParseError):
    """The input exceeds the caller's size limit; raised before any work is done."""


class NotAReportError(SpeechParseError):
    """Raised in strict mode when the text holds no speeches at all."""


class SchemaValidationError(SpeechParseError):
    """A JSON document does not conform to the published schema."""

    def __init__(self, message: str, *, path: str = "$") -> None:
        super().__init__(message)
        self.path = path


class MissingExtraError(SpeechParseError, ImportError):
    """An input kind needs an optional extra that is not installed (HTML needs
    ``speechparse[html]``); the message names the extra to install."""
