"""Organisations named in a report, completed against the place the report is about.

Speakers are introduced by abbreviated designations (市委组织部, 市科技局, 县委农办): the
newspaper drops the city because every reader knows it. To make such a designation stand
alone we first infer the report's home place from the text itself, then prefix it.

The home place is found structurally, never from a gazetteer: place names are 2–3 CJK
characters before 市/县/区/省, and the home is the one written most often. Choices:

* Readings: at every 市/县/区/省 the two and three characters before it are candidate
  names. The three-character reading wins only when its two-character tail never occurs
  without the same head (马鞍山 vs 鞍山); readings that hold a level character, start
  with a function character, are stop words, or form a common noun with the suffix
  (文明城市, 开发区, 市场 ...) are dropped.
* Count: written-with-suffix mentions, plus bare mentions (安庆 in 安庆职院) when the
  bare form recurs (2+ times beyond the suffixed ones). A candidate needs at least one
  suffixed mention and two mentions in all, counting the title.
* Choice: municipal names first (county first when the text says 我县 more than 我市),
  then county, district, provincial. Within a level a name in the title wins, then the
  most suffixed mentions, then most mentions, then the earliest. A name that the title
  gives as a visit destination (after 赴/到/来到/前往/考察) is never home.
* Expansion: an abbreviated designation starts with a bare level character; it is
  completed only when that level is the home's level (市 with a municipal home). A 县
  designation under a municipal home stays None: which county is not stated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import get_args

import regex

from speechparse.core.lexicon import LexiconError, lexicon, load_words, word_set
from speechparse.models import OrgLevel

LEVELS: tuple[str, ...] = get_args(OrgLevel)
"""The levels a resolution may give: the contract's closed set, defined once in the models."""


@dataclass(frozen=True, slots=True)
class HomePlace:
    name: str
    level: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class OrgResolution:
    full_name: str | None
    level: str
    reason: str | None


_HOME_CHARS = "市县区省"  # the levels a report's home place can have


@cache
def _place_level_of() -> dict[str, str]:
    """Level of each one-character place suffix (县 -> county), from data/place_levels.txt."""
    return {suffix: level for suffix, level in lexicon().place_levels if len(suffix) == 1}


_LEVEL_WORD = {"市": "city", "县": "county", "区": "district", "省": "province"}
_LEVEL_CHARS = frozenset(_HOME_CHARS)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"  # CJK, extension A and the unified block
# CJK characters that are not level characters: what a place name is made of.
_NAME_CHARS = regex.compile(f"[[{_HAN}]--[{_HOME_CHARS}]]+", flags=regex.V1)
# Beyond this many candidate names, one pass over the text beats one search per name.
_SEARCHES_PER_NAME = 64
# Characters that end a sentence-level word rather than start a place name.
_FUNCTION_START = frozenset(
    "的在到赴来是和与及对为将把从向由经据至了我你他她它们全本该各每等也都就还又并且或而于以被给让使同跟往"
)
# A level character right after one of these belongs to 我市/全市/该县 or opens an
# abbreviated unit after a conjunction (省委和市委), never to a place name.
_PRONOUN_BEFORE = frozenset("我全本该各每此和与及或的在到对")
_VISIT_TRIGGER = regex.compile(r"赴|来到|到|前往|考察")
_VISIT_STOP = regex.compile(r"考察|学习|调研|参观|观摩|交流|[\s，,、：:；;—]")
_PLACE_PREFIX = regex.compile(r"\p{Han}{2,4}?(?:自治区|自治州|自治县|[省市县区镇乡村])")
_NATIONAL_PREFIX = ("国家", "国务院", "中央", "全国", "中国", "中华")
_EMBEDDED_ABBREVIATION = regex.compile(r"[省市县区]委")
_PARTY_AFTER_PLACE = "委"


@cache
def _org_levels() -> tuple[tuple[str, str], ...]:
    """(suffix, level) pairs from data/org_levels.txt, longest suffix first."""
    pairs = lexicon().org_levels
    unknown = [level for _, level in pairs if level not in LEVELS and level != "admin"]
    if unknown:
        raise LexiconError(
            f"speechparse data file data/org_levels.txt: unknown level {unknown[0]!r}"
        )
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


@cache
def _stop_words() -> frozenset[str]:
    """The shared stop-word list: a stop word is never a place name."""
    return lexicon().stopwords


# --------------------------------------------------------------------------- home place


@dataclass(slots=True)
class _Candidate:
    name: str
    suffix: str
    suffixed: list[tuple[int, int]]
    bare: list[tuple[int, int]]


def infer_home(text: str, title: str | None = None) -> HomePlace | None:
    """The place the report is about, with the first mention as evidence, or None."""
    if not isinstance(text, str) or not text:
        return None
    return _infer_home(text, title if isinstance(title, str) else "")


# A level character that can end a place name: two CJK characters before it, neither a
# level character (a three-character name ends with two such), the one right before it no
# pronoun or conjunction (我市, 和市委). Every other level character gives no reading, so it
# is never looked at. (``re``, level character first: it finds these several times faster.)
_LEVEL_SITE = re.compile(
    f"[{_HOME_CHARS}](?<=[{_HAN}][{_HAN}].)(?<![{_HOME_CHARS}]..)"
    f"(?<![{_HOME_CHARS}{''.join(sorted(_PRONOUN_BEFORE))}].)"
)


def _readings(text: str, at: int) -> list[str]:
    """Plausible place names ending right before the level character at ``at``."""
    if text.startswith(load_words("place_false_suffixes"), at) or (
        at > 0 and text[at - 1] in _PRONOUN_BEFORE
    ):
        return []  # 市场, or 我市/全市/和市委: the level character starts a word here
    words = _ordinary_words()
    out: list[str] = []
    for size in (2, 3):
        begin = at - size
        if begin < 0:
            break
        name = text[begin:at]
        if _NAME_CHARS.fullmatch(name) is None:
            continue
        if name[0] in _FUNCTION_START or name in words or (size == 3 and name[1:] in words):
            continue
        out.append(name)
    return out


@cache
def _ordinary_words() -> frozenset[str]:
    """Ordinary words (通过, 推动 ...) and stop words: never a place name."""
    return word_set("not_place_names") | _stop_words()


@cache
def _generic_by_end() -> dict[str, tuple[tuple[int, frozenset[str]], ...]]:
    """The common nouns ending in each level character, by length."""
    nouns = load_words("generic_place_nouns")
    return {
        ch: tuple(
            (n, frozenset(w for w in nouns if len(w) == n and w[-1] == ch))
            for n in sorted({len(w) for w in nouns if w[-1] == ch})
        )
        for ch in _HOME_CHARS
    }


def _is_generic(text: str, at: int) -> bool:
    """Whether the level character at ``at`` ends a common noun (文明城市, 开发区 ...)."""
    end = at + 1
    for n, words in _generic_by_end()[text[at]]:  # shortest first
        if n > end:
            return False
        if text[end - n : end] in words:
            return True
    return False


def _collect(text: str) -> dict[str, _Candidate]:
    sites: list[tuple[int, str, list[str]]] = []
    names: set[str] = set()
    for level in _LEVEL_SITE.finditer(text):
        at = level.start()
        if _is_generic(text, at):
            continue
        readings = _readings(text, at)
        if readings:
            sites.append((at, level.group(), readings))
            for name in readings:
                names.add(name)
                if len(name) == 3:
                    names.add(name[1:])
    found = _occurrences(text, names)
    picks: dict[str, _Candidate] = {}
    for at, ch, readings in sites:
        name = readings[-1]
        if len(name) == 3 and len(found[name[1:]]) > len(found[name]):
            # the tail stands without this head elsewhere (据安庆 vs 安庆): the head is
            # context; a 3-char name owns its tail (鞍山 never occurs without 马鞍山)
            if len(readings) == 1:
                continue
            name = readings[0]
        key = name + ch
        cand = picks.get(key)
        if cand is None:
            cand = picks[key] = _Candidate(name, ch, [], [])
        cand.suffixed.append((at - len(name), at + 1))
    for cand in picks.values():
        taken = {start for start, _ in cand.suffixed}
        size = len(cand.name)
        bare = [(start, start + size) for start in found[cand.name] if start not in taken]
        if len(bare) >= 2:
            cand.bare = bare
    return picks


def _occurrences(text: str, names: set[str]) -> dict[str, list[int]]:
    """Start offsets of each name, left to right and non-overlapping (as ``str.count``).

    A report names a few dozen candidate places, and one fast substring search per name is
    cheapest. Hostile text can make candidates grow with its length, and a search per name
    would then be quadratic, so past a fixed number of names one pass over the text looks
    every position up in the set instead.
    """
    found: dict[str, list[int]] = {name: [] for name in names}
    if len(names) <= _SEARCHES_PER_NAME:
        for name in sorted(names, key=len):  # shorter first: a name may be read off its tail
            tail = found.get(name[1:]) if len(name) == 3 and name[1] != name[2] else None
            found[name] = _find_all(text, name) if tail is None else _with_head(text, name, tail)
        return found
    for size in sorted({len(name) for name in names}):
        for at in range(len(text) - size + 1):
            seen = found.get(text[at : at + size])
            if seen is not None and (not seen or seen[-1] + size <= at):
                seen.append(at)
    return found


def _find_all(text: str, name: str) -> list[int]:
    """Start offsets of ``name`` in ``text``, left to right and non-overlapping."""
    starts = []
    at = text.find(name)
    while at >= 0:
        starts.append(at)
        at = text.find(name, at + len(name))
    return starts


def _with_head(text: str, name: str, tail_starts: list[int]) -> list[int]:
    """:func:`_find_all` of ``name`` from where its tail ``name[1:]`` occurs: no text search.

    Every occurrence of the name holds one of its tail, one character in. The tail's list
    holds them all when the tail cannot overlap itself (two characters that differ, which
    the caller checks), so the name's own non-overlapping ones are picked from it.
    """
    head, size = name[0], len(name)
    starts: list[int] = []
    for at in tail_starts:
        at -= 1
        if at >= 0 and text[at] == head and (not starts or starts[-1] + size <= at):
            starts.append(at)
    return starts


def _destinations(title: str) -> list[str]:
    """Stretches of the title that name where a delegation went."""
    out: list[str] = []
    for trigger in _VISIT_TRIGGER.finditer(title):
        start = trigger.end()
        stop = _VISIT_STOP.search(title, start)
        end = stop.start() if stop is not None else len(title)
        if start < end <= start + 12:
            out.append(title[start:end])
    return out


def _infer_home(text: str, title: str) -> HomePlace | None:
    picks = _collect(text)
    destinations = _destinations(title)
    level_order = ["市", "县", "区", "省"]
    if text.count("我县") > text.count("我市"):
        level_order = ["县", "市", "区", "省"]
    for suffix in level_order:
        ranked: list[tuple[tuple[int, int, int, int], _Candidate, bool]] = []
        for cand in picks.values():
            if cand.suffix != suffix or any(cand.name in dest for dest in destinations):
                continue
            in_title = bool(title) and cand.name in title
            total = len(cand.suffixed) + len(cand.bare) + (1 if in_title else 0)
            if total < 2:
                continue
            first = min(start for start, _ in cand.suffixed + cand.bare)
            key = (int(in_title), len(cand.suffixed), total, -first)
            ranked.append((key, cand, in_title))
        if not ranked:
            continue
        _, best, in_title = max(ranked, key=lambda item: item[0])
        return _home_from(best, in_title)
    return None


def _home_from(cand: _Candidate, in_title: bool) -> HomePlace:
    mentions = sorted(cand.suffixed + cand.bare)
    start, end = mentions[0]
    full = cand.name + cand.suffix
    forms = f"{cand.name}/{full}" if cand.bare else full
    reason = f"named {len(mentions)} times as {forms} in the text"
    if in_title:
        reason += " and in the title"
    return HomePlace(full, _place_level_of()[cand.suffix], start, end, reason)


# ------------------------------------------------------------------- organisation names


@lru_cache(maxsize=4096)
def resolve_organization(org: str, home: HomePlace | None) -> OrgResolution:
    """Complete an abbreviated designation against ``home`` and say what kind of body it is."""
    if not isinstance(org, str) or not org.strip():
        return OrgResolution(None, "unknown", "The designation is empty.")
    return _resolve(org.strip(), home)


@cache
def _org_level_index() -> tuple[dict[str, str], dict[str, tuple[int, ...]]]:
    """Each listed suffix's level (the first listing wins) and, per last character, the
    lengths of the suffixes ending in it, longest first."""
    levels: dict[str, str] = {}
    lengths: dict[str, set[int]] = {}
    for suffix, level in _org_levels():
        levels.setdefault(suffix, level)
        lengths.setdefault(suffix[-1], set()).add(len(suffix))
    return levels, {last: tuple(sorted(found, reverse=True)) for last, found in lengths.items()}


def _kind(org: str) -> str:
    """Level from the longest listed suffix; 'admin' still needs a place to be resolved."""
    levels, lengths = _org_level_index()
    for length in lengths.get(org[-1:], ()):
        if length <= len(org) and (level := levels.get(org[-length:])) is not None:
            return level
    return "unknown"


def _abbreviated(org: str) -> bool:
    """Whether the designation opens with a bare level character (市科技局, 县委农办)."""
    return (
        len(org) > 1
        and org[0] in _LEVEL_CHARS
        and not org.startswith(load_words("place_false_suffixes"))
    )


def _place_chain_end(org: str) -> tuple[int, str | None]:
    """End of the leading place names (安徽省安庆市…) and the last one's level character."""
    end, level_char = 0, None
    for _ in range(3):
        match = _PLACE_PREFIX.match(org, end)
        if match is None or match.group()[0] in _FUNCTION_START:
            break
        end, level_char = match.end(), match.group()[-1]
    return end, level_char


def _resolve(org: str, home: HomePlace | None) -> OrgResolution:
    kind = _kind(org)
    if _abbreviated(org):
        char = org[0]
        level = _settle(kind, _place_level_of()[char], org[1:])
        if home is None:
            reason = f"The designation is abbreviated to '{char}' and no home place is known."
            return OrgResolution(None, level, reason)
        if _place_level_of().get(char) != home.level:
            word = _LEVEL_WORD[char]
            reason = (
                f"The designation is abbreviated to '{char}' ({word} level) but the home place "
                f"{home.name} is {home.level}, so which {word} is meant is not stated."
            )
            return OrgResolution(None, level, reason)
        return OrgResolution(home.name + org[1:], level, None)

    if org.startswith(_NATIONAL_PREFIX):
        return OrgResolution(org, _settle(kind, "national", ""), None)

    place_end, level_char = _place_chain_end(org)
    if level_char is not None:
        rest = org[place_end:]
        level = _settle(kind, _place_level_of().get(level_char, "unknown"), rest)
        return OrgResolution(org, level, None)

    if kind in ("admin", "party", "legislature", "cppcc") or _EMBEDDED_ABBREVIATION.search(org):
        level = "unknown" if kind == "admin" else kind
        return OrgResolution(
            None, level, "The designation names no place, so the body it belongs to is not stated."
        )
    return OrgResolution(org, kind, None)


def _settle(kind: str, place_level: str, rest: str) -> str:
    """Final level: the kind of body, or the place's level for a government body.

    A body right under a party committee (市委组织部, 县委办) is a party organ whatever
    its suffix says.
    """
    if kind == "admin":
        return "party" if rest.startswith(_PARTY_AFTER_PLACE) else place_level
    if kind == "unknown" and not rest:
        return place_level
    if kind in ("municipal", "county", "district", "township", "village", "provincial"):
        return place_level if rest else kind
    return kind
