"""Speakers named inside running text: name-first members, reported speech, quote first.

A meeting report does not always give each speaker a line of his own. Round-ups write
`某某委员（单位职务）说，…`, `某某常委代表某党中央建议…；`, `单位职务某某认为，…` or
`“……”，单位职务某某介绍。` anywhere in a paragraph. Each such attribution starts a speech that
runs to the next attribution or to the end of its paragraph.

Precision comes first, so an attribution needs two kinds of evidence that agree: a speaker
(a surname-led name with a member title after it, or a designation whose title the lexicon
or the title grammar knows) and a verb of reporting in the same clause. It must also start a
clause (the paragraph's start, or right after 。！？； or a closing quote); after a mere comma
the verb must follow the speaker directly. Nothing here names a person or a unit: the word
lists (member titles, reporting verbs, ethnic groups) are data files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex

from speechparse.core.chars import CLAUSE_END, CLOSERS, SENTENCE_END, char_class
from speechparse.core.lexicon import longest_first, word_pattern, word_set
from speechparse.core.text import Compact, alt
from speechparse.people.designation import (
    Designation,
    Part,
    parse_designation,
    plausible_name,
    positions_in,
    surname_length,
    title_suffix,
)

_NAME_DOT = "·"
_HAN5 = regex.compile(r"\p{Han}{5}")
# Descriptive lead-ins that belong to no unit: 来自基层的…, 68岁的….
_LEAD_IN = regex.compile(
    r"(?:来自[^，。、：；“”]{1,16}?|\d{1,3}岁)的|据(?=[^，。；“”]{3,40}?(?:介绍|透露|说)，)"
    r"|在(?=[^，。；“”]{2,40}?看来，)"
)
# Frames between a speaker and the verb: 在发言中 / 发言时 / 代表某党中央 / “插话” / 以《…》为题.
_FRAME = regex.compile(
    r"(?:在发言中|发言时|在会上|在座谈会上|在讨论中|发言(?=[说表建指认提强谈呼])"
    r"|[对向就][^，。；：“”]{1,10}?(?=表示|说|介绍|透露|问道|建言|建议|提出|呼吁|指出|强调)"
    r"|(?:在)?接受[^，。；：“”]{0,12}?(?:采访|专访|访问)时"
    r"|在[^，。；：“”在]{1,10}?[中时上](?=\p{Han}{0,3}[说表建指认提强谈呼介坦透])"
    r"|(?:笑着|笑|\p{Han}{2,5}地)(?=说|表示|介绍|回忆|感慨)|代表[^，。；：“”《》（）]{2,14}?(?=发言|[说表认建介提指强谈作呼坦])"
    r"|“[^“”]{1,6}”|以《[^《》]{1,60}》为题)*"
)
# The same frames, found backwards from the verb (`…董事长某某对记者表示`).
_TRAILING_FRAME = regex.compile(
    r"(?:在发言中|发言时|在会上|在座谈会上|在讨论中|[对向就][^，。；：“”]{1,8}?"
    r"|(?:在)?接受[^，。；：“”]{0,12}?(?:采访|专访|访问)时|在[^，。；：“”在]{1,10}?[中时上])$"
)
# A verb of saying made with 道 (笑道, 感慨道, 动情地问道) before a colon or a quotation.
_DAO_VERB = regex.compile(r"(?:\p{Han}{1,5}地)?\p{Han}{1,2}道(?=：|，“)")
# A verb of telling with its hearer before the comma (告诉本报记者，).
_TELLING = regex.compile(r"告诉[^，。；：“”]{1,8}?(?=[，：])")
# A quotation opened right after a clause: `：“` or `，“`.
_QUOTE_OPENERS = ("：“", "，“", ":“")
# How far a phrase of action may run between a speaker and the colon opening his quotation
# (`某某接过话筒：“`, `所长某某形容当地气候说：“`).
_MAX_ACTION = 14
# A quotation given to a person named after it holds at least a short sentence; a lead
# clause of scene between them (`二度登台，`) is short.
_MIN_QUOTED_SENTENCE = 6
_MAX_SCENE = 12
_MAX_JOINT = 6
_MAX_DESCRIPTION = (
    12  # a description ending in 的 before a member  # names credited together in one clause
)
# Words of company after a person (某某和代表们…): a scene of several people, no voice.
_COMPANY_CHARS = frozenset("和与同跟")
_CLAUSE_END = frozenset("，：" + SENTENCE_END + CLAUSE_END)
# The first character where a clause may end or a bracket or quotation opens.
_CLAUSE_STOP = regex.compile(char_class("".join(sorted(_CLAUSE_END)) + "《“（"))
# What the walk through a sentence looks at: its end, commas, and quotation marks.
_SENTENCE_STOP = regex.compile(char_class(SENTENCE_END + "，“”"))
# Function words that may follow a speaker's name before the rest of the sentence.
_FUNCTION_CHARS = frozenset("和向对与把将也还则又就便同跟")
_SENTENCE_STARTS = frozenset(SENTENCE_END + CLAUSE_END)
_CLOSERS = frozenset(CLOSERS)
# What may stand right before the start of a clause.
_BOUNDARY = regex.compile(char_class("".join(sorted(_SENTENCE_STARTS | {"，"} | _CLOSERS))))
_SENTENCE_OR_QUOTE = frozenset(SENTENCE_END + CLAUSE_END + "“")
_ENDS_BEFORE = frozenset(SENTENCE_END + CLOSERS)
_MAX_CLAUSE = 80
_MAX_QUOTE = 400
_MAX_DESIGNATION = 48


Known = Callable[[str, int], tuple[int, int] | None]
"""Where a name was introduced with a title before a compact offset of the paragraph: the
source range of that designation (empty when it cannot be decomposed), or None."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker found in running text, in the compact coordinates of its paragraph.

    ``split`` is where the speech begins (the clause start, or the opening quote when the
    quotation comes first); ``body_start`` is where the speech's own words begin.
    """

    split: int
    designation: Designation
    body_start: int
    resume: int  # where the search for the next attribution goes on
    others: tuple[Designation, ...] = ()  # more speakers credited with the same words


def _verbs() -> tuple[str, ...]:
    return longest_first("reporting_verbs")


def _member_titles() -> tuple[str, ...]:
    return longest_first("member_titles")


def _manner_words() -> tuple[str, ...]:
    return longest_first("manner_words")


def _manner_length(text: str, i: int) -> int:
    """Length of the longest manner word (动情地, 笑着) at ``i``, 0 when none stands there."""
    found = word_pattern("manner_words").match(text, i)
    return len(found.group()) if found is not None else 0


@cache
def _manner_stems() -> regex.Pattern[str]:
    """Manner words without their 地, of two characters or more (`动情`, `笑着`)."""
    return regex.compile(
        alt(stem for w in _manner_words() if len(stem := w.removesuffix("地")) >= 2)
    )


@cache
def _member_title_ahead() -> regex.Pattern[str]:
    """A member title starting two to five characters on: a cheap test before the loop."""
    return regex.compile(f"(?s).{{2,5}}?{alt(_member_titles())}")


@cache
def _long_verb_pattern() -> regex.Pattern[str]:
    """What ``_verb_at`` finds when it finds two characters or more."""
    return regex.compile(f"{_TELLING.pattern}|{alt(v for v in _verbs() if len(v) >= 2)}")


def _opens_quote(text: str, i: int) -> bool:
    return text.startswith(_QUOTE_OPENERS, i)


@cache
def _verb_pattern() -> regex.Pattern[str]:
    return regex.compile(f"{_TELLING.pattern}|{alt(_verbs())}")


def _verb_at(text: str, i: int) -> str | None:
    found = _verb_pattern().match(text, i)
    return found.group() if found is not None else None


def _clause_end(text: str, start: int) -> int:
    """End of the clause from ``start``: the first ，。；： outside 《》 and quotes."""
    limit = min(len(text), start + _MAX_CLAUSE)
    # Most clauses hold no bracket: the first stop is their end.
    stop = _CLAUSE_STOP.search(text, start, limit)
    if stop is None:
        return limit
    if text[stop.start()] not in "《“（":
        return stop.start()
    depth = 0
    for i in range(stop.start(), limit):
        ch = text[i]
        if ch in "《“（":
            depth += 1
        elif ch in "》”）" and depth:
            depth -= 1
        elif depth == 0 and ch in _CLAUSE_END:
            return i
    return limit


def _long_verb_in(text: str, start: int, end: int) -> bool:
    """Whether a reporting verb of two or more characters starts in ``text[start:end]``."""
    if start >= end:
        return False
    found = _long_verb_pattern().search(text, start)
    return found is not None and found.start() < end


def _direct_verb(text: str, i: int) -> tuple[int, int, int] | None:
    """A verb right at ``i`` (after frames), followed by ，or ：; (verb_start, verb_end, body)."""
    frame = _FRAME.match(text, i)
    j = frame.end() if frame is not None else i
    dao = _DAO_VERB.match(text, j)
    j += _manner_length(text, j)
    verb = _verb_at(text, j)
    if verb is None:
        if dao is None:
            return None
        j, verb = dao.start(), dao.group()
    end = j + len(verb)
    if end < len(text) and text[end] in "，：":
        return i, end, end + 1
    return None


def _name_first(text: str, k: int) -> tuple[Designation, int] | None:
    """`某某委员（单位职务）` at ``k``: the designation and where it ends."""
    if _member_title_ahead().match(text, k) is None:
        return None
    for title in _member_titles():
        for length in (2, 3, 4, 5):
            at = k + length
            if not text.startswith(title, at):
                continue
            name = text[k:at]
            bracket = text.startswith("（", at + len(title))
            if not _name_like(name, long_ok=bracket):
                continue
            end = at + len(title)
            parts: list[Part] | None = None
            doubts: list[tuple[str, str]] = []
            if end < len(text) and text[end] == "（":
                close = text.find("）", end, end + _MAX_DESIGNATION)
                if close > end:
                    parts = positions_in(text, end + 1, close, doubts, lenient=True)
                    end = close + 1
            if not parts:
                parts, doubts = [Part(at, at, at, at + len(title))], []
            found = Designation(k, at, parts, "name_first", doubts, end, k)
            return found, end
    return None


def member_line(text: str, k: int) -> Designation | None:
    """`某某代表` or `某某委员（单位职务）` filling a line from ``k`` to its end: a speaker's
    line of his own, the speech in the paragraphs below."""
    named = _name_first(text, k)
    if named is None or named[1] != len(text.rstrip(" ：")):
        return None
    return named[0]


def _described(text: str, k: int) -> tuple[Designation, int] | None:
    """`同样快人快语的某某代表…`: a short description ending in 的 before a member."""
    mark = text.find("的", k + 1, k + _MAX_DESCRIPTION)
    if mark < 0 or any(ch in _CLAUSE_END or ch in "“”" for ch in text[k:mark]):
        return None
    return _name_first(text, mark + 1)


def _name_then_title(text: str, k: int) -> tuple[Designation, int] | None:
    """`某某教授认为，` / `某某院士说：`: a surname-led name, a job title the lexicon knows,
    then at once a verb of reporting and a comma or colon; without the verb a name and a
    title (`某某总理主持…`) report an act, not words.

    A three-character name is preferred, unless its last character begins a longer title
    the lexicon knows (`某宁副教授`: 副教授, not the name 某宁副)."""
    if not _name_may_start(text, k):
        return None
    three = _titled_name(text, k, 3)
    two = _titled_name(text, k, 2)
    if three is not None and two is not None and two[1] == three[1]:
        return two  # the same title end: the two-character name leaves the longer title
    return three or two


def _titled_name(text: str, k: int, length: int) -> tuple[Designation, int] | None:
    """A name of ``length`` at ``k``, a listed title right after it and a verb after that."""
    at = k + length
    if not _name_like(text[k:at], long_ok=False):
        return None
    titles = word_set("titles")
    for end in range(min(len(text), at + _longest_title()), at, -1):
        # The longest title ending at ``end`` starts at ``at`` exactly when the whole of
        # ``text[at:end]`` is one: a set lookup instead of a walk over title lengths.
        if text[at:end] not in titles or _direct_verb(text, end) is None:
            continue
        return Designation(k, at, [Part(at, at, at, end)], "name_first", [], end, k), end
    return None


@cache
def _longest_title() -> int:
    return max(len(title) for title in word_set("titles"))


def _personal(name: str) -> bool:
    """Whether ``name`` can name one person: not a group (全体, 青年, 文艺界), no word of prose
    in it (有的), and no title at its end or member title inside it (王主任, 常委会)."""
    if name in word_set("group_words") or name.endswith("界"):
        return False
    if word_pattern("sentence_words").search(name) or word_pattern("member_titles").search(name):
        return False
    return title_suffix(name, len(name)) is None


def _name_may_start(text: str, k: int) -> bool:
    """Whether a name of two to four characters may start at ``k``: one that
    :func:`_name_like` could accept starts with a known surname or holds a name dot."""
    return surname_length(text[k : k + 2]) > 0 or text.find(_NAME_DOT, k, k + 4) >= 0


def _name_like(name: str, *, long_ok: bool) -> bool:
    """A surname-led name; five characters (a minority name written without ·) only when a
    bracketed designation vouches for it."""
    if _NAME_DOT in name:
        return plausible_name(name)
    # The cheapest test first: most candidates start with no known surname.
    if surname_length(name) == 0:
        return False
    if len(name) == 5:
        return long_ok and bool(_HAN5.fullmatch(name)) and _personal(name)
    return plausible_name(name) and _personal(name)


def _designation_first(view: Compact, k: int, clause_end: int) -> tuple[Designation, int] | None:
    """`单位职务某某[委员]` from ``k`` to a reporting verb inside the clause."""
    text = view.text
    limit = min(clause_end, k + _MAX_DESIGNATION)
    for verb in _verb_pattern().finditer(text, k + 3, limit + 1, overlapped=True):
        v = verb.start()
        for end in _speaker_ends(text, k, v):
            found = _speaker_before(view, k, end)
            if found is not None:
                return found, v
    return None


def _before_colon_quote(view: Compact, k: int, clause_end: int) -> tuple[Designation, int] | None:
    """`居民某某对来访的代表说起新变化：“……”`, `学生某某对…有些困惑，“……”`: no verb of
    reporting, but the clause ends by opening a quotation; the speaker is the designation
    that the clause starts with, followed by a short phrase of action."""
    text = view.text
    if not _opens_quote(text, clause_end):
        return None
    found = _designation_prefix(view, k, clause_end)
    return (found, clause_end) if found is not None else None


def _adverbial_at(text: str, i: int) -> bool:
    """Whether a manner word (with or without its 地) or a verb of saying starts at ``i``."""
    verb = _verb_at(text, i)
    if verb is not None and len(verb) >= 2:
        return True
    return _manner_stems().match(text, i) is not None


def _designation_prefix(view: Compact, k: int, limit: int) -> Designation | None:
    """The designation `单位职务某某` that starts at ``k`` and is followed by a function word
    (和, 对, 在 …), a manner word or a verb, or by a phrase of at most ``_MAX_ACTION``
    characters before ``limit``. The name ends before such a word when one follows it;
    otherwise a three-character name is preferred to two."""
    text = view.text
    candidates: list[tuple[int, Designation]] = []
    for e in range(k + 3, min(limit, k + _MAX_DESIGNATION)):
        before_function = text[e] in _FUNCTION_CHARS or text[e] in "在等" or _adverbial_at(text, e)
        if not before_function and limit - e > _MAX_ACTION:
            continue
        found = _checked(view, parse_designation(view, k, e))
        if found is None or found.verb is not None or found.name_end != e or not found.parts:
            continue
        rank = 0 if before_function else 1
        length = found.name_end - found.name_start
        candidates.append((rank * 10 + (0 if length == 3 else 1 if length == 2 else 2), found))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]


def _speaker_ends(text: str, k: int, v: int) -> list[int]:
    """Where the speaker may end before the verb at ``v``: right there, before a listed
    manner word (动情地, 笑着), before a frame (在发言中, 对记者), or before both
    (在会上动情地说)."""
    ends = [v]
    for end in list(ends):
        ends.extend(end - len(w) for w in _manner_words() if text.endswith(w, k, end))
    for end in list(ends):
        frame = _TRAILING_FRAME.search(text, k, end)
        if frame is not None:
            ends.append(frame.start())
    return ends


def _speaker_before(view: Compact, k: int, end: int) -> Designation | None:
    """`单位职务某某` or `单位职务某某委员` in ``[k, end)``; a member title after the name is
    kept in the extent, not made a position."""
    text = view.text
    for title in _member_titles():
        if text.endswith(title, k, end) and end - len(title) - k >= 4:
            found = _checked(view, parse_designation(view, k, end - len(title)))
            if found is not None:
                found.extent_end = end
                return found
    return _checked(view, parse_designation(view, k, end))


def _checked(view: Compact, found: Designation | None) -> Designation | None:
    """Running text gives no colon to vouch for a designation: the name must look like one."""
    if found is None or any(code == "speaker.unknown_surname" for code, _ in found.doubts):
        return None
    return found if _personal(view.text[found.name_start : found.name_end]) else None


def attribution_at(
    view: Compact, k: int, *, weak: bool = False, known: Known | None = None
) -> Attribution | None:
    """An attribution starting at ``k``, or None.

    ``weak`` says ``k`` follows only a comma: then the verb must follow the speaker directly.
    ``known`` tells whether a bare name was introduced earlier with a title; such a name
    alone may then attribute words (`某某说，…`).
    """
    text = view.text
    if k < len(text) and text[k] == "“":
        return None if weak else _quote_first(view, k, known)
    start = k
    lead_in = _LEAD_IN.match(text, k)
    if lead_in is not None:
        start = lead_in.end()
    clause_end = _clause_end(text, start)
    joint = _joint_speakers(view, start, clause_end)
    if joint is not None:
        first, *rest = joint[0]
        first.extent_start = k
        return Attribution(k, first, joint[1], joint[1], tuple(rest))
    named = _name_first(text, start) or _name_then_title(text, start) or _described(text, start)
    if named is not None:
        found, end = named
        found.extent_start = k
        if end < len(text) and text[end] == "：":
            return Attribution(k, found, end + 1, end + 1)
        direct = _direct_verb(text, end)
        if direct is not None:
            found.verb = (end, direct[1])
            return Attribution(k, found, direct[2], direct[2])
        if _opens_quote(text, clause_end) and clause_end - end <= _MAX_ACTION:
            found.verb = (end, clause_end) if clause_end > end else None
            return Attribution(k, found, clause_end + 1, clause_end + 1)
        if weak:
            return None
        # The speech is the clause itself (`某某常委建议加强…；`): a verb must stand in it.
        if (
            _long_verb_in(text, end, clause_end)
            or _pronoun_continues(text, k)
            or _subject_goes_on(text, clause_end)
        ):
            return Attribution(k, found, end, end)
        return None
    designated = _designation_first(view, start, clause_end)
    if designated is not None:
        attributed = _with_verb(view, k, designated[0], weak=weak)
        if attributed is not None:
            return attributed
    # A colon opening a quotation vouches for a speaker even after a comma.
    quoted = _before_colon_quote(view, start, clause_end)
    if quoted is not None:
        quoted[0].extent_start, quoted[0].reported = k, True
        # The words of action before the colon (`形容当地气候说`) stand where a verb would.
        quoted[0].verb = (quoted[0].extent_end, quoted[1])
        return Attribution(k, quoted[0], quoted[1] + 1, quoted[1] + 1)
    if (
        designated is None
        and not weak
        and (_pronoun_continues(text, k) or _subject_goes_on(text, clause_end))
    ):
        introduced = _designation_prefix(view, start, clause_end)
        if introduced is not None:
            introduced.extent_start, introduced.reported = k, True
            return Attribution(k, introduced, introduced.extent_end, introduced.extent_end)
    return _name_only(view, k, known) if designated is None else None


def _subject_goes_on(text: str, clause_end: int) -> bool:
    """`某某委员今年提交了一份提案，建议…` / `…长期关注养老，她呼吁…`: the clause after the
    comma has no subject of its own (or only 他/她) and opens with a verb of reporting of two
    or more characters, so the speaker of the first clause says it."""
    if text[clause_end : clause_end + 1] != "，":
        return False
    i = clause_end + 1
    pronoun = text[i : i + 1] in ("他", "她") and text[i + 1 : i + 2] != "们"
    verb = _verb_at(text, i + pronoun)
    if verb is None:
        return False
    # A lone 说 could begin 说明; after a pronoun, a comma or colon after it settles that.
    after = text[i + pronoun + len(verb) : i + pronoun + len(verb) + 1]
    return len(verb) >= 2 or (pronoun and after in ("，", "："))


def _pronoun_continues(text: str, k: int) -> bool:
    """Whether the person introduced in the sentence from ``k`` goes on speaking as 他/她:
    in a later clause of that sentence (`某某代表，是某公司董事长，她发言时强调…`) or at the
    start of the next one, possibly after a quotation (`…带来了一份提案。她说，…`,
    `…。“……”她说。`, `…。在她看来，…`)."""
    # Every way below needs 他 or 她 within this sentence, a quotation after it and a short
    # lead clause: without one in reach, nothing to walk.
    reach = k + _MAX_CLAUSE + _MAX_QUOTE + _MAX_SCENE + 8
    if text.find("他", k, reach) < 0 and text.find("她", k, reach) < 0:
        return False
    depth = 0
    limit = min(len(text), k + _MAX_CLAUSE)
    for stop in _SENTENCE_STOP.finditer(text, k, limit):
        end, ch = stop.start(), stop.group()
        if depth == 0 and ch in SENTENCE_END:
            break
        if depth == 0 and ch == "，" and _pronoun_says(text, end + 1):
            return True
        depth += ch == "“"
        depth -= ch == "”" and depth > 0
    else:
        return False
    i = end + 1
    if text.startswith("“", i):
        close = text.find("”", i + 1, i + _MAX_QUOTE)
        if close < 0:
            return False
        i = close + 1
    if text.startswith(("在他看来，", "在她看来，"), i) or _pronoun_says(text, i):
        return True
    # One short lead clause may open the next sentence (`走访了几个村后，她认为，…`).
    lead_end = _clause_end(text, i)
    return (
        lead_end - i <= _MAX_SCENE
        and text[lead_end : lead_end + 1] == "，"
        and _pronoun_says(text, lead_end + 1)
    )


def _pronoun_says(text: str, i: int) -> bool:
    """`他说，` / `她表示` / `她发言时经常强调` at ``i``: one person (not 他们) and a verb of
    reporting after any frame or manner word; a lone 说 must be followed by ，：。."""
    if text[i : i + 1] not in ("他", "她") or text[i + 1 : i + 2] == "们":
        return False
    frame = _FRAME.match(text, i + 1)
    j = frame.end() if frame is not None else i + 1
    j += _manner_length(text, j)
    verb = _verb_at(text, j)
    if verb is None:
        return False
    return len(verb) >= 2 or text[j + len(verb) : j + len(verb) + 1] in ("，", "：", "。")


def _joint_speakers(view: Compact, k: int, clause_end: int) -> tuple[list[Designation], int] | None:
    """`甲、乙等委员在发言中谈到…`, `单位职务甲、单位职务乙等，在发言中…`: one clause crediting
    several people with the same words. Each must be a surname-led name (a member title may
    follow it) or a designation, and a verb of reporting must follow the last one (after 等,
    a shared member title and frames); each person then gets the same speech, marked with a
    ``speaker.shared_attribution`` doubt."""
    text = view.text
    people: list[Designation] = []
    i = k
    while len(people) < _MAX_JOINT:
        sep = text.find("、", i, min(clause_end, i + _MAX_DESIGNATION))
        if sep < 0:
            break
        one = _one_of_several(view, i, sep)
        if one is None:
            return None
        people.append(one)
        i = sep + 1
    if not people:
        return None
    for end in range(i + 2, min(clause_end, i + _MAX_DESIGNATION) + 1):
        last = _one_of_several(view, i, end)
        if last is None:
            continue
        j = end + (1 if text.startswith("等", end) else 0)
        title = next((t for t in _member_titles() if text.startswith(t, j)), None)
        shared = (j, j + len(title)) if title else None
        j += len(title) if title else 0
        said = j + 1 if text[j : j + 1] in "，," and j > end else j
        if not _said_from(text, said):
            continue
        people.append(last)
        message = f"{len(people)} people are credited with the same words"
        for person in people:
            if not person.parts and shared is not None:
                person.parts = [Part(shared[0], shared[0], *shared)]
            person.doubts.append(("speaker.shared_attribution", message))
        people[-1].extent_end = j
        return people, said
    return None


def _one_of_several(view: Compact, start: int, end: int) -> Designation | None:
    """One person in a list joined by 、: a name with an optional member title, or a
    designation ending with the name."""
    text = view.text
    title = next((t for t in _member_titles() if text.endswith(t, start, end)), None)
    name_end = end - len(title) if title else end
    if _name_like(text[start:name_end], long_ok=False):
        parts = [Part(name_end, name_end, name_end, end)] if title else []
        return Designation(start, name_end, parts, "name_first", [], end, start)
    found = _checked(view, parse_designation(view, start, end))
    if found is None or found.verb is not None or found.name_end != end or not found.parts:
        return None
    found.form = "name_first"
    return found


def _said_from(text: str, j: int) -> bool:
    """A verb of reporting at ``j`` (frames and manner words allowed), or a frame at ``j``
    and a verb of two or more characters later in the clause (`在发言中着重谈到`)."""
    if _direct_verb(text, j) is not None:
        return True
    frame = _FRAME.match(text, j)
    after = frame.end() if frame is not None else j
    if _verb_at(text, after) is not None:
        return True
    return after > j and _long_verb_in(text, after, _clause_end(text, after))


def _with_verb(view: Compact, k: int, found: Designation, *, weak: bool) -> Attribution | None:
    """The attribution of a designation-first speaker, when a verb of reporting follows it."""
    text = view.text
    found.extent_start = k
    direct = _direct_verb(text, found.extent_end)
    if direct is not None:
        found.verb, found.reported = (found.extent_end, direct[1]), True
        return Attribution(k, found, direct[2], direct[2])
    if weak:
        return None
    # `单位职务某某分享了…` / `…某某委员的发言…`: a verb of two or more characters right after
    # the speaker (a lone 说 could begin 说明) opens the reported clause.
    frame = _FRAME.match(text, found.extent_end)
    verb = _verb_at(text, frame.end() if frame is not None else found.extent_end)
    if verb is not None and len(verb) >= 2:
        found.reported = True
        return Attribution(k, found, found.extent_end, found.extent_end)
    return None


def _name_only(view: Compact, k: int, known: Known | None) -> Attribution | None:
    """`某某说，…` where 某某 was named earlier with a title: the same person speaking again.

    A name never introduced is taken only on the strongest evidence, a verb of saying and
    a colon opening a quotation (`某某说：“…`); a name introduced earlier may also be
    followed by a short action before that colon (`某某接过话筒：“…`)."""
    text = view.text
    if known is None or not _name_may_start(text, k):
        return None
    for length in (2, 3, 4):
        name = text[k : k + length]
        if not _name_like(name, long_ok=False):
            continue
        direct = _direct_verb(text, k + length)
        if direct is None:
            continue
        mention = known(name, k)
        if mention is None and not (length <= 3 and _opens_quote(text, direct[1])):
            continue
        found = Designation(k, k + length, [], "name_only", [], k + length, k)
        found.mention = mention
        found.verb, found.reported = (k + length, direct[1]), True
        return Attribution(k, found, direct[2], direct[2])
    clause_end = _clause_end(text, k)
    if not _opens_quote(text, clause_end):
        return None
    named = _known_bare_name(text, k, known)
    if named is None or clause_end - named.name_end > _MAX_ACTION:
        return None
    named.form, named.reported = "name_only", True
    named.verb = (named.extent_end, clause_end) if clause_end > named.extent_end else None
    return Attribution(k, named, clause_end + 1, clause_end + 1)


def _verb_closing(text: str, start: int, clause_end: int) -> int | None:
    """End of a verb of two or more characters that closes the clause (`…向来宾问道。`)."""
    for verb in _verbs():
        if len(verb) >= 2 and text.endswith(verb, start, clause_end):
            return clause_end
    return None


def _quote_first(view: Compact, k: int, known: Known | None = None) -> Attribution | None:
    """`“……”，单位职务某某说。`: the quotation opens the speech, the speaker follows it."""
    text = view.text
    close = text.find("”", k + 1, k + _MAX_QUOTE)
    if close < 0 or "“" in text[k + 1 : close]:
        return None
    j = close + 1
    if j < len(text) and text[j] == "，":
        j += 1
    clause_end = _clause_end(text, j)
    named = _name_first(text, j)
    if named is not None:
        found, end = named
        frame = _FRAME.match(text, end)
        v = frame.end() if frame is not None else end
        verb = _verb_at(text, v)
        if verb is None:
            if not _full_quotation(text, k, close):
                return None
            found.form = "quote_first"
            return Attribution(k, found, k, end)
        found.verb = (end, v + len(verb))
    else:
        designated = _designation_first(view, j, clause_end)
        if designated is None:
            return (
                _quote_then_designation(view, k, j, clause_end)
                or _quote_then_name(view, k, j, clause_end, known)
                or _quote_then_mention(view, k, close, j, known)
            )
        found, v = designated
        verb = _verb_at(text, v)
        assert verb is not None
        found.verb = (found.extent_end if found.extent_end else v, v + len(verb))
    found.form = "quote_first"
    return Attribution(k, found, k, found.verb[1])


def _full_quotation(text: str, k: int, close: int) -> bool:
    """A quotation of whole sentences (`“……。”`), not a quoted term: only such a quotation
    is given to a person merely named after it."""
    return close - k > _MIN_QUOTED_SENTENCE and text[close - 1] in SENTENCE_END


def _quote_then_mention(
    view: Compact, k: int, close: int, j: int, known: Known | None
) -> Attribution | None:
    """`“……。”某某委员拿起话筒…`, `“……。”单位职务某某对此深有体会。`, `“……。”二度登台，某某…`:
    a quotation of whole sentences followed at once by a person — a member, a designation,
    or a bare name introduced earlier — is that person's, whatever verb follows. One short
    clause of scene (at most ``_MAX_SCENE`` characters, no name in it) may stand between."""
    text = view.text
    if not _full_quotation(text, k, close):
        return None
    starts = [j]
    scene_end = _clause_end(text, j)
    if scene_end - j <= _MAX_SCENE and text[scene_end : scene_end + 1] == "，":
        starts.append(scene_end + 1)
    for at in starts:
        clause_end = _clause_end(text, at)
        member = _name_first(text, at)
        if member is not None and text[member[1]] not in _COMPANY_CHARS:
            member[0].form, member[0].extent_start = "quote_first", at
            return Attribution(k, member[0], k, member[1])
        found = _designation_prefix(view, at, clause_end)
        if found is not None and text[found.extent_end] in _COMPANY_CHARS:
            found = None  # `…局长某某和代表们走过桥面`: a scene of several people
        if found is None and known is not None:
            found = _known_bare_name(text, at, known)
        if found is not None:
            found.form, found.extent_start = "quote_first", at
            return Attribution(k, found, k, found.extent_end)
    return None


def _known_bare_name(text: str, at: int, known: Known) -> Designation | None:
    """A bare name at ``at`` introduced earlier with a title, not followed by more Han
    characters that would lengthen it into another name."""
    for length in (4, 3, 2):
        name = text[at : at + length]
        if not _name_like(name, long_ok=False):
            continue
        mention = known(name, at)
        if mention is not None:
            found = Designation(at, at + length, [], "quote_first", [], at + length, at)
            found.mention = mention
            return found
    return None


def _quote_then_designation(view: Compact, k: int, j: int, clause_end: int) -> Attribution | None:
    """`“……”单位职务某某和来宾一边走，一边介绍。`: the designation ends before a function
    word (和, 向, 对 …) and a verb of reporting closes the sentence."""
    text = view.text
    sentence_end = j
    while sentence_end < len(text) and text[sentence_end] not in _SENTENCE_OR_QUOTE:
        sentence_end += 1
    verb_end = _verb_closing(text, j, sentence_end)
    if verb_end is None:
        return None
    for e in range(j + 3, min(clause_end, j + _MAX_DESIGNATION)):
        if text[e] not in _FUNCTION_CHARS:
            continue
        found = _checked(view, parse_designation(view, j, e))
        if found is not None and found.verb is None:
            found.form, found.extent_start = "quote_first", j
            return Attribution(k, found, k, sentence_end)
    return None


def _quote_then_name(
    view: Compact, k: int, j: int, clause_end: int, known: Known | None
) -> Attribution | None:
    """`“……”某某向来宾问道。` with 某某 named earlier with a title."""
    if known is None:
        return None
    text = view.text
    for length in (4, 3, 2):
        name = text[j : j + length]
        mention = known(name, j) if _name_like(name, long_ok=False) else None
        if mention is None:
            continue
        frame = _FRAME.match(text, j + length)
        v = frame.end() if frame is not None else j + length
        verb = _verb_at(text, v)
        end = v + len(verb) if verb is not None else _verb_closing(text, j + length, clause_end)
        if end is None:
            continue
        found = Designation(j, j + length, [], "quote_first", [], j + length, j)
        found.verb, found.mention = (j + length, end), mention
        return Attribution(k, found, k, end)
    return None


def inline_attributions(
    view: Compact, start: int = 0, *, known: Known | None = None, first: bool = False
) -> list[Attribution]:
    """Attributions starting a clause after ``start`` (the paragraph's own start excluded,
    unless ``first``)."""
    text = view.text
    found: list[Attribution] = []
    if first and start < len(text):
        got = attribution_at(view, start, known=known)
        if got is not None:
            found.append(got)
            start = max(start, got.resume - 1)
    i = start + 1
    while i < len(text):
        # Jump to the next place a clause may start: after a sentence or clause end, a
        # comma or a closing mark.
        after = _BOUNDARY.search(text, i - 1, len(text) - 1)
        if after is None:
            break
        i = after.end()
        ch = text[i - 1]
        weak = ch == "，"
        closed = ch in _CLOSERS and i >= 2 and text[i - 2] in _SENTENCE_STARTS
        boundary = ch in _SENTENCE_STARTS or weak or closed
        if not boundary or text[i] in _CLOSERS:
            i += 1
            continue
        got = attribution_at(view, i, weak=weak, known=known)
        if got is not None:
            found.append(got)
            i = max(i + 1, got.resume)
            continue
        i += 1
    return found


def closing_attribution(view: Compact) -> tuple[int, Designation] | None:
    """`……。——某某代表（单位职务）`: a speaker after a dash closes the speech before it.

    Returns where the dash starts and the designation after it, which must reach the end
    of the text and stand after a finished sentence (or alone, as a line of its own).
    """
    text = view.text.rstrip(" ")
    dash = text.rfind("——")
    if dash < 0 or len(text) - dash - 2 > _MAX_DESIGNATION:
        return None
    before = text[:dash].rstrip(" ")
    if before and before[-1] not in _ENDS_BEFORE:
        return None
    start = dash + 2
    while start < len(text) and text[start] == " ":
        start += 1
    named = _name_first(text, start)
    found: Designation | None = named[0] if named is not None and named[1] == len(text) else None
    if found is None:
        found = _checked(view, parse_designation(view, start, len(text)))
        if found is None or found.verb is not None:
            return None
    found.form = "dash"
    found.extent_start = start
    return dash, found
