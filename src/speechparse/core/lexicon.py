"""Word lists the parser knows, kept as plain data files under ``speechparse/data``.

Knowledge about the genre (job titles, surnames, byline role words ...) lives in data so a
rule never has to name a person or a unit. Each file is read once, on first use, through one
typed object (:func:`lexicon`), so a misspelt list name is a type error rather than a silently
empty list, and a missing or malformed file fails at first use naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

import regex

from speechparse.core.text import alt


class LexiconError(RuntimeError):
    """A data file shipped with the package is missing or malformed: a broken install.

    Not a :class:`~speechparse.errors.SpeechParseError`: no input can cause it, and hiding it
    behind worse output would make every later result quietly wrong.
    """


def _read(name: str) -> str:
    path = resources.files("speechparse").joinpath("data").joinpath(f"{name}.txt")
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"speechparse data file data/{name}.txt cannot be read: {exc}") from exc


@cache
def load_words(name: str) -> tuple[str, ...]:
    """Entries of ``data/<name>.txt``: one per line, ``#`` starts a comment, order kept.

    Duplicates are dropped (first wins) so a list can be grown by appending. An empty list is
    an error: every rule built on a list would silently match nothing.
    """
    seen: dict[str, None] = {}
    for raw in _read(name).splitlines():
        entry = raw.split("#", 1)[0].strip()
        if entry:
            seen.setdefault(entry, None)
    if not seen:
        raise LexiconError(f"speechparse data file data/{name}.txt holds no entries")
    return tuple(seen)


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of ``data/<name>.txt`` as a set, for membership tests."""
    return frozenset(load_words(name))


@cache
def longest_first(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt``, longest first (ties in code-point order).

    For "the longest entry that fits here" — iterating a set instead would make the choice
    depend on the process's string hashing when two entries fit (回答 and 答).
    """
    return tuple(sorted(word_set(name), key=lambda w: (-len(w), w)))


@cache
def _lengths_by_last(name: str) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for word in word_set(name):
        lengths.setdefault(word[-1], set()).add(len(word))
    return {last: tuple(sorted(found, reverse=True)) for last, found in lengths.items()}


def longest_ending(name: str, text: str, end: int, start: int = 0) -> int | None:
    """Start of the longest entry of ``data/<name>.txt`` ending at ``end`` in ``text`` and
    not reaching before ``start``, or None.

    Only the lengths of entries that end in the character before ``end`` are tried, so most
    places cost one dictionary lookup.
    """
    if end <= start:
        return None
    words = word_set(name)
    for length in _lengths_by_last(name).get(text[end - 1 : end], ()):
        if length <= end - start and text[end - length : end] in words:
            return end - length
    return None


@cache
def word_pattern(name: str) -> regex.Pattern[str]:
    """One compiled alternation of the entries of ``data/<name>.txt``, longest first.

    ``search`` answers "does any entry occur here" and ``match`` gives the longest entry at a
    position, in one call instead of a loop over the list.
    """
    return regex.compile(alt(word_set(name)))


@cache
def load_pairs(name: str) -> tuple[tuple[str, str], ...]:
    """Entries of a two-column ``key<TAB>value`` file; a line without both columns is an error."""
    pairs: list[tuple[str, str]] = []
    for number, entry in enumerate(load_words(name), start=1):
        key, _, value = entry.partition("\t")
        if not key.strip() or not value.strip():
            raise LexiconError(
                f"speechparse data file data/{name}.txt: entry {number} ({entry!r}) "
                "is not 'key<TAB>value'"
            )
        pairs.append((key.strip(), value.strip()))
    return tuple(pairs)


@dataclass(frozen=True)
class Lexicon:
    """Every word list, one attribute each; each is read on first access."""

    @cached_property
    def titles(self) -> frozenset[str]:
        return word_set("titles")

    @cached_property
    def surnames(self) -> frozenset[str]:
        return word_set("surnames")

    @cached_property
    def compound_surnames(self) -> frozenset[str]:
        return word_set("compound_surnames")

    @cached_property
    def unit_suffixes(self) -> frozenset[str]:
        return word_set("unit_suffixes")

    @cached_property
    def speech_verbs(self) -> frozenset[str]:
        return word_set("speech_verbs")

    @cached_property
    def byline_roles(self) -> frozenset[str]:
        return word_set("byline_roles")

    @cached_property
    def photo_roles(self) -> frozenset[str]:
        return word_set("photo_roles")

    @cached_property
    def editor_roles(self) -> frozenset[str]:
        return word_set("editor_roles")

    @cached_property
    def genre_labels(self) -> tuple[str, ...]:
        return load_words("genre_labels")

    @cached_property
    def stopwords(self) -> frozenset[str]:
        return word_set("stopwords")

    @cached_property
    def place_levels(self) -> tuple[tuple[str, str], ...]:
        return load_pairs("place_levels")

    @cached_property
    def org_levels(self) -> tuple[tuple[str, str], ...]:
        return load_pairs("org_levels")

    @cached_property
    def web_chrome(self) -> tuple[tuple[str, str], ...]:
        return load_pairs("web_chrome")

    @cached_property
    def spam_words(self) -> frozenset[str]:
        return word_set("spam_words")


@cache
def lexicon() -> Lexicon:
    """The one lexicon of the process; lists load lazily, on first access."""
    return Lexicon()
