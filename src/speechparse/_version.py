"""The installed package's version, looked up only when asked for.

``importlib.metadata`` costs a few milliseconds that ``import speechparse`` should not pay, so
this runs on first access of ``speechparse.__version__`` or ``speechparse --version``.
"""

from __future__ import annotations

UNKNOWN = "0+unknown"
"""The version reported when the package metadata is missing (a source tree on ``sys.path``
without an install): a valid PEP 440 version that sorts below every release."""


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("speechparse")
    except PackageNotFoundError:
        return UNKNOWN
