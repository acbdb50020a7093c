"""Speaker designations: split `单位职务姓名` into positions and a name.

The grammar is structural: a designation is one or more parts joined by 、 ， or 兼; each
part is an optional unit followed by a job title from the lexicon; the name follows the last
title (or comes first, with the positions in brackets). Which characters are a title and which
a name is settled by the lexicons (titles, surnames); nothing here names a person or a unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from speechparse.core.chars import CLAUSE_END, QUOTE_MARKS, SENTENCE_END, char_class
from speechparse.core.lexicon import load_pairs, longest_ending, word_pattern, word_set
from speechparse.core.text import Compact

# A name character: Han, or the middle dot of transliterated minority names.
_NAME_DOT = "·"
_BRACKETED = regex.compile(r"([^\s（）]{2,16}?) ?（([^（）]+)）")
_VERB_FRAME = regex.compile(r"(?:在发言中|在会上|在座谈会上|发言时)$")
_LEAD_IN = regex.compile(r"来自[^，。、：]{1,16}?的")
_PADDED = regex.compile(r"(?<=\p{Han})\p{Han} \p{Han}$")
_SPACED = regex.compile(r" (\p{Han}(?: \p{Han})?|[\p{Han}·]{2,16})$")
# A designation never holds sentence punctuation, quotes or a date.
_SENTENCE = regex.compile(
    char_class(SENTENCE_END + CLAUSE_END + QUOTE_MARKS) + r"|\d{1,2} ?月 ?\d{1,2} ?日|\d{4} ?年"
)
_PART_SEPARATORS = "、，"
_MAX_NAME = 4
_LONG_NAME = 5  # minority names written without a dot (阿苏木呷依)
_HAN_RUN = regex.compile(r"\p{Han}+")
_HAN_OR_DOT = regex.compile(r"[\p{Han}·]+")
# Level characters a title can share with the unit before it: 岳西县长 = 岳西县 + 县长.
_SHARED_LEVEL = frozenset("省市县区镇乡州")


@dataclass(frozen=True, slots=True)
class Part:
    """One position, as compact offsets: unit [org_start, org_end) then title [title_start, end)."""

    org_start: int
    org_end: int
    title_start: int
    end: int
    shared_level: bool = False


@dataclass(slots=True)
class Designation:
    """A decomposed designation in compact coordinates.

    Mutable while the people stage builds it (attribution readings adjust the form, verb and
    extent); once a block holds it, it is read, never changed.
    """

    name_start: int
    name_end: int
    parts: list[Part]
    form: str
    doubts: list[tuple[str, str]] = field(default_factory=list)
    extent_end: int = 0  # end of the designation as written (a closing bracket included)
    extent_start: int = 0  # start, a descriptive lead-in (`来自基层的`) included
    verb: tuple[int, int] | None = None  # a verb of saying after it (`说`, `在发言中表示`)
    reported: bool = False  # introduced as reported speech (`…说，`) rather than by a colon
    # For a speaker named bare (`某某说，`): the source range of the earlier `单位职务某某`
    # that introduced him, whose positions are his.
    mention: tuple[int, int] | None = None


def title_suffix(text: str, end: int, start: int = 0) -> int | None:
    """Start of the longest known title ending at ``end`` (not reaching before ``start``)."""
    return longest_ending("titles", text, end, start)


def surname_length(name: str) -> int:
    """Length of the known surname ``name`` starts with: 2 (compound), 1, or 0 (unknown)."""
    if name[:2] in word_set("compound_surnames"):
        return 2
    if name[:1] in word_set("surnames"):
        return 1
    return 0


def plausible_name(name: str) -> bool:
    """Whether ``name`` can be a person's name by shape (not by lexicon)."""
    if not name or name[0] == _NAME_DOT or name[-1] == _NAME_DOT:
        return False
    if _NAME_DOT in name:
        return len(name) <= 16 and _HAN_OR_DOT.fullmatch(name) is not None
    if not 2 <= len(name) <= _MAX_NAME or _HAN_RUN.fullmatch(name) is None:
        return False
    # Four characters make a name only with a compound surname (欧阳启明); otherwise they are
    # far more often a word pair (发言摘要) than a person.
    if len(name) == _MAX_NAME and name[:2] not in word_set("compound_surnames"):
        return False
    verbs = word_set("speech_verbs")
    return name[-1:] not in verbs and name[-2:] not in verbs


def _name_score(name: str) -> float:
    """Prefer names with a known surname, then the commonest lengths (3, then 2)."""
    if not plausible_name(name):
        return -1.0
    if _NAME_DOT in name:
        return 3.0
    score = {2: 2.0, 1: 1.5}.get(surname_length(name), 0.0)
    return score + {3: 0.5, 2: 0.4, 4: 0.1}.get(len(name), 0.0)


def _split_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut [start, end) at 、 ， and at a 兼 that follows a title."""
    pieces: list[tuple[int, int]] = []
    begin = start
    for i in range(start, end):
        ch = text[i]
        if ch in _PART_SEPARATORS or (ch == "兼" and title_suffix(text, i, begin) is not None):
            if i > begin:
                pieces.append((begin, i))
            begin = i + 1
    if end > begin:
        pieces.append((begin, end))
    return [(a, b) for a, b in pieces if text[a:b].strip()]


def _part(text: str, start: int, end: int) -> Part | None:
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    title_start = title_suffix(text, end, start)
    if title_start is None:
        return None
    title_start = _with_modifiers(text, start, title_start)
    # 原副主席 / 前市长: "former" belongs to the title, not to the unit before it.
    if (
        title_start - start >= 2
        and text[title_start - 1] in "原前"
        and any(text.endswith(u, start, title_start - 1) for u in word_set("unit_suffixes"))
    ):
        title_start -= 1
    shared = (
        title_start > start
        and text[title_start] in _SHARED_LEVEL
        and text[title_start - 1] != text[title_start]
        and end - title_start == 2
    )
    return Part(start, title_start, title_start, end, shared)


def positions_in(
    text: str, start: int, end: int, doubts: list[tuple[str, str]], *, lenient: bool = False
) -> list[Part] | None:
    """Parts of the positions text; a unit-only part lends its unit to the next part.

    An ethnicity written among them (`…主席，蒙古族`) is no position and is passed over.
    """
    parts: list[Part] = []
    pending: tuple[int, int] | None = None
    ethnic = word_set("ethnic_groups")
    for a, b in _split_parts(text, start, end):
        if text[a:b].strip() in ethnic:
            continue
        part = _part(text, a, b)
        if part is None and lenient:
            part = _grammar_part(text, a, b)
            if part is not None:
                title = text[part.title_start : part.end]
                doubts.append(("speaker.unknown_title", f"{title!r} is not a known job title"))
        if part is None:
            # A part with no title must at least name a unit (`市纪委监委、监委委员`);
            # `一次宣讲会上，…` is a sentence, not a designation.
            if pending is not None or not _names_unit(text, a, b):
                return None
            pending = (a, b)
            continue
        if pending is not None:
            part = _absorb_unit(text, pending, part)
            pending = None
        parts.append(part)
    if pending is not None:
        doubts.append(
            ("speaker.unit_without_title", f"{text[pending[0] : pending[1]]!r} has no job title")
        )
        if not parts:
            return None
    return parts or None


@cache
def _modifiers() -> tuple[str, ...]:
    words = [w for kind, w in load_pairs("title_grammar") if kind == "modifier"]
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@cache
def title_heads() -> tuple[str, ...]:
    """Words that end a job title in the title grammar (长, 主任, 师, 总监 …)."""
    words = [w for kind, w in load_pairs("title_grammar") if kind == "head"]
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _with_modifiers(text: str, start: int, title_start: int) -> int:
    """Extend a lexicon title leftwards over the grammar's modifiers (名誉 + 院长).

    A modifier joins only when a unit word still stands before it, so a unit is never
    emptied into its title.
    """
    units = word_set("unit_suffixes")
    moved = True
    while moved:
        moved = False
        for modifier in _modifiers():
            at = title_start - len(modifier)
            if (
                at > start
                and text.startswith(modifier, at)
                and any(text.endswith(u, start, at) for u in units)
            ):
                title_start, moved = at, True
                break
    return title_start


def _names_unit(text: str, start: int, end: int) -> bool:
    piece = text[start:end].strip(" ")
    return any(piece.endswith(u) for u in word_set("unit_suffixes"))


def _grammar_part(text: str, start: int, end: int) -> Part | None:
    """`单位 + title the lexicon lacks` read by the title grammar: the title ends with a
    grammar head (师, 长, 总监 …) and a unit word stands right before it."""
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    units = word_set("unit_suffixes")
    for title_start in range(end - 2, max(start, end - 6) - 1, -1):
        if title_start <= start or not text[title_start:end].endswith(title_heads()):
            continue
        if any(text.endswith(u, start, title_start) for u in units):
            return Part(start, title_start, title_start, end)
    return None


def _absorb_unit(text: str, unit: tuple[int, int], part: Part) -> Part:
    """`市纪委监委、监委委员` — the unit-only part names the body the next title belongs to."""
    own_unit = text[part.org_start : part.org_end]
    if not own_unit or text[unit[0] : unit[1]].endswith(own_unit):
        return Part(unit[0], unit[1], part.title_start, part.end, part.shared_level)
    return part


def _split_name_tail(
    text: str, start: int, end: int, *, lenient: bool = False
) -> tuple[int, float] | None:
    """Where the name begins inside [start, end) when it follows the last title directly.

    When two readings both give a surname-led name (董事长孙杰: 董事长 + 孙杰, or 董事 +
    长孙杰), the longer title wins: titles are listed whole, surnames are not evidence
    enough to shorten one. ``lenient`` (a colon or a line of its own vouches for the
    designation) also admits a five-character minority name written without a dot
    (研究员 + 阿苏木呷依) when no shorter reading exists.
    """
    best: tuple[float, int] | None = None
    best_rank: tuple[bool, int, float] = (False, 0, 0.0)
    dot = text.rfind(_NAME_DOT, start, end)
    limit = 16 if dot >= 0 else _MAX_NAME
    for length in range(2, min(limit, end - start - 1) + 1):
        name_start = end - length
        # A title must end where the name begins: one dictionary lookup that rules out
        # most places before the name is judged.
        if title_suffix(text, name_start, start) is None:
            continue
        score = _name_score(text[name_start:end])
        if score < 0:
            continue
        rank = (score >= 1.5, name_start if score >= 1.5 else -name_start, score)
        if best is None or rank > best_rank:
            best, best_rank = (score, name_start), rank
    if best is None and lenient and dot < 0 and end - start > _LONG_NAME:
        name_start = end - _LONG_NAME
        name = text[name_start:end]
        if (
            _HAN_RUN.fullmatch(name)
            and surname_length(name)
            and title_suffix(text, name_start, start) is not None
        ):
            return name_start, 1.0
    if best is None:
        return None
    return best[1], best[0]


def parse_designation(
    view: Compact, start: int = 0, end: int | None = None, *, lenient: bool = False
) -> Designation | None:
    """Decompose ``view.text[start:end]``, or return None when it is not a designation.

    ``lenient`` also accepts a job title missing from the lexicon when the structure is
    strong (a unit word before it, a surname-led name after it); the result then carries a
    ``speaker.unknown_title`` doubt.
    """
    text = view.text
    end = len(text) if end is None else end
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    if end - start < 3 or _SENTENCE.search(text, start, end):
        return None
    # `…局长某某说：` — a verb of saying after the name is not part of the designation.
    verb_span = None
    verb_at = longest_ending("speech_verbs", text, end, start)
    if verb_at is not None and verb_at - start >= 3:
        verb_start = verb_at
        frame = _VERB_FRAME.search(text, start, verb_start)
        if frame is not None:
            if frame.start() - start < 3:
                return None  # `局长在会上说`: a title and a frame, no room for a name
            verb_start = frame.start()
        verb_span = (verb_start, end)
        end = verb_start
    # `来自基层一线的市人大代表…`: a descriptive lead-in belongs to no unit.
    extent_start = start
    lead_in = _LEAD_IN.match(text, start, end)
    if lead_in is not None and end - lead_in.end() >= 3:
        start = lead_in.end()
    if _prose(text, start, end):
        return None
    found = _decompose(view, start, end, lenient=lenient)
    if found is None:
        return None
    # ``found`` is new and held by no one else: set in place, not copied field by field.
    found.extent_start, found.verb = extent_start, verb_span
    return found


def _prose(text: str, start: int, end: int) -> bool:
    """Whether words of running prose (pronouns, particles) stand in ``text[start:end]``."""
    return word_pattern("sentence_words").search(text, start, end) is not None


def _decompose(view: Compact, start: int, end: int, *, lenient: bool) -> Designation | None:
    text = view.text
    extent_end = end
    doubts: list[tuple[str, str]] = []
    # 姓名（单位职务、…）
    bracketed = _BRACKETED.fullmatch(text[start:end])
    if bracketed is not None:
        name = bracketed.group(1)
        if plausible_name(name):
            inner_start = start + bracketed.start(2)
            parts = positions_in(
                text, inner_start, start + bracketed.end(2), doubts, lenient=lenient
            )
            if parts is not None:
                if surname_length(name) == 0 and _NAME_DOT not in name:
                    doubts.append(
                        ("speaker.unknown_surname", f"{name!r} starts with no known surname")
                    )
                return Designation(
                    start, start + len(name), parts, "name_first", doubts, extent_end
                )
    # 单位职务 姓名 (a space, or a padded two-character name, before the name)
    spaced = _SPACED.search(text[start:end])
    if spaced is not None:
        name_start = start + spaced.start(1)
        name = spaced.group(1).replace(" ", "")
        if plausible_name(name):
            parts = positions_in(text, start, start + spaced.start(), doubts, lenient=lenient)
            if parts is not None:
                if surname_length(name) == 0 and _NAME_DOT not in name:
                    doubts.append(
                        ("speaker.unknown_surname", f"{name!r} starts with no known surname")
                    )
                return Designation(name_start, end, parts, "spaced", doubts, extent_end)
    # 单位职务姓 名 (a two-character name padded to three cells, run on from the title)
    padded = _PADDED.search(text, start, end)
    if padded is not None and padded.start() > start:
        name = padded.group().replace(" ", "")
        title_end = padded.start()
        if surname_length(name) and title_suffix(text, title_end, start) is not None:
            parts = positions_in(text, start, title_end, doubts)
            if parts is not None:
                return Designation(title_end, end, parts, "joined", doubts, extent_end)
    # 单位职务姓名 (the name runs on from the last title)
    found = _split_name_tail(text, start, end, lenient=lenient)
    if found is None:
        return _unknown_title(text, start, end, extent_end) if lenient else None
    name_start, score = found
    parts = positions_in(text, start, name_start, doubts)
    if parts is None:
        return None
    if score < 1.0:
        doubts.append(
            ("speaker.unknown_surname", f"{text[name_start:end]!r} starts with no known surname")
        )
    return Designation(name_start, end, parts, "joined", doubts, extent_end)


def _unknown_title(text: str, start: int, end: int, extent_end: int) -> Designation | None:
    """`单位 + unlisted title + 姓名`, accepted only in its plainest shape."""
    if end - start > 24 or any(ch in text[start:end] for ch in " 、，（）"):
        return None
    units = word_set("unit_suffixes")
    for length in (3, 2):
        name_start = end - length
        name = text[name_start:end]
        if not plausible_name(name) or surname_length(name) == 0:
            continue
        for title_start in range(name_start - 1, start, -1):
            if name_start - title_start > 6:
                break
            if any(
                text.endswith(u, start, title_start) for u in units if len(u) <= title_start - start
            ):
                title = text[title_start:name_start]
                if not title.endswith(title_heads()):
                    continue
                part = Part(start, title_start, title_start, name_start)
                doubt = ("speaker.unknown_title", f"{title!r} is not a known job title")
                return Designation(name_start, end, [part], "joined", [doubt], extent_end)
    return None


def positions_only(text: str, start: int, end: int) -> Designation | None:
    """The positions of ``text[start:end]`` with no name after them, as in a guest list
    (`常远峰  全国政协常委、某大学校长`): the name stands elsewhere, so the designation's name
    span is empty at ``start``."""
    while start < end and text[start] == " ":
        start += 1
    if end - start < 2 or _SENTENCE.search(text, start, end):
        return None
    doubts: list[tuple[str, str]] = []
    parts = positions_in(text, start, end, doubts, lenient=True)
    if parts is None:
        return None
    return Designation(start, start, parts, "positions", doubts, end, start)
