"""Reporter bylines: `全媒体记者 项珍`, `（记者 庞悦）`, `本报讯（记者 X 通讯员 Y）`, `X 整理`.

A byline is a run of role words (from the lexicon) and names. Where it stands decides its
form: after the last sentence, on its own line, in brackets, or in a dateline at the top.
Photo credits (摄) and editors' credit blocks are recognised so they are never taken for
reporters.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from speechparse.core.chars import (
    BULLETS,
    CLOSERS,
    SENTENCE_END,
    SENTENCE_OR_CLAUSE_END_RE,
    char_class,
)
from speechparse.core.lexicon import word_set
from speechparse.core.text import Compact, alt
from speechparse.models import BylineForm
from speechparse.people.designation import surname_length

# Roles written after the names they credit: `李安歌 整理`, `姓名报道`.
# Longest first, so `采访整理` is read before `整理`.
_POST_ROLES = (
    "采访整理", "记录整理", "参与采写", "参与采访", "参与整理",
    "整理", "报道", "报导", "撰稿", "执笔", "编译", "综合", "采写",
)  # fmt: skip
_SEPARATORS = " 、，/／"
_LABEL = regex.compile(r"(?:记者|作者|文|采写)[：:]")
_SENTENCE_END = SENTENCE_OR_CLAUSE_END_RE  # a byline line never ends a sentence
_PLACE_TAIL = regex.compile(r"[/／]\p{Han}{1,8}(?:报道|报导)$")
# `（某社记者某某台北5日电）`: the day of an agency dateline written inside the bracket.
_DAY_TAIL = regex.compile(r"(?<=\p{Han})(?:\d{1,2}月)?\d{1,2}日电$")
_HAN_NAME = regex.compile(r"\p{Han}+")
_DOT_NAME = regex.compile(r"\p{Han}+(?:·\p{Han}+)+")
_LEAD_CHARS = BULLETS + " "  # what may stand before a byline line's credits
_OPEN = "（【〔["
_CLOSE = "）】〕]"


@dataclass(frozen=True, slots=True)
class CreditMatch:
    """One credited person, in compact coordinates."""

    role: tuple[int, int] | None  # compact offsets of the role word, if any
    name: str
    start: int
    end: int
    split: bool = False


@dataclass(frozen=True, slots=True)
class BylineMatch:
    """A byline found in a compact view: its extent, credits and form."""

    start: int
    end: int
    credits: tuple[CreditMatch, ...]
    form: BylineForm


@cache
def _role_pattern() -> regex.Pattern[str]:
    # An organisation may precede a reporter role: `XX日报社全媒体记者`.
    words = word_set("byline_roles") - {"文", "图"}
    roles = alt(words)
    # Any outlet may prefix a reporter's role (`星辰全媒体记者`, `某某网记者`); other roles
    # take an outlet only when it ends like one (报社, 电视台, 网, 中心 …).
    reporters = alt(w for w in words if w.endswith(("记者", "通讯员")))
    return regex.compile(
        rf"\p{{Han}}{{1,8}}?{reporters}|"
        rf"(?:\p{{Han}}{{1,10}}?(?:报社|日报|晚报|报|电视台|台|网|社|中心))?{roles}"
    )


@cache
def _any_role_word() -> regex.Pattern[str]:
    """A role word written before the names, a role written after them, or 文 of `文/`."""
    return regex.compile(alt({*word_set("byline_roles"), *_POST_ROLES, "文"}))


@cache
def _photo_words() -> frozenset[str]:
    return word_set("photo_roles")


def _is_name(token: str) -> bool:
    if "·" in token:
        return 3 <= len(token) <= 16 and _DOT_NAME.fullmatch(token) is not None
    return 2 <= len(token) <= 4 and _HAN_NAME.fullmatch(token) is not None


def _split_run_together(token: str) -> list[str] | None:
    """`祁晓东邵嘉` — names written with no separator; split only where surnames agree.

    Any number of names may run together (`甲乙丙丁…`); every piece must be a two- or
    three-character name starting with a known surname, and three-character pieces are tried
    first.
    """
    if 2 <= len(token) <= 3:
        return [token] if surname_length(token) else None
    for first in (3, 2):
        head, rest = token[:first], token[first:]
        if surname_length(head) and len(rest) >= 2:
            tail = _split_run_together(rest)
            if tail is not None:
                return [head, *tail]
    return None


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = start
    while i < end:
        if text[i] in _SEPARATORS:
            i += 1
            continue
        j = i
        while j < end and text[j] not in _SEPARATORS:
            j += 1
        out.append((i, j))
        i = j
    return out


def parse_credits(
    text: str, start: int, end: int, *, need_role: bool = True, labelled: bool = False
) -> list[CreditMatch] | None:
    """Credits in ``text[start:end]``, or None when it is not a reporter byline.

    Photo credits return None: they credit pictures, not reporting. ``labelled`` says a
    label before the range (`记者：`) already vouches for the names.
    """
    # Every way a role can vouch for the names needs one of these words in the range.
    if need_role and _any_role_word().search(text, start, end) is None:
        return None
    pattern = _role_pattern()
    # `〔记者 X／台北报道〕`: a place after a slash before 报道 is a dateline, not a name.
    place = _PLACE_TAIL.search(text, start, end)
    if place is not None and place.start() > start:
        end = place.start()
    day = _DAY_TAIL.search(text, start, end)
    if day is not None:
        # The place before the day is two to four characters; the names end where it begins.
        for length in (2, 3, 4):
            cut = day.start() - length
            found = None
            if cut > start:
                found = parse_credits(text, start, cut, need_role=need_role, labelled=labelled)
            if found is not None:
                return found
        return None
    credits: list[CreditMatch] = []
    role: tuple[int, int] | None = None
    saw_role = False
    pending_single: tuple[int, int] | None = None
    pictures = False
    for a, b in _tokens(text, start, end):
        token = text[a:b]
        # `文/本报记者 X 图/本报记者 Y`: what follows 图/ credits pictures, not reporting.
        if token in ("文", "图") and b < end and text[b] in "/／":
            pictures = token == "图"
            if not pictures:
                role, saw_role = (a, b), True
            continue
        if pictures:
            continue
        if token in _photo_words() or token.endswith(("摄", "摄影")):
            return None
        if token in _POST_ROLES and credits:
            saw_role = True
            if not any(c.role for c in credits):
                credits = [CreditMatch((a, b), c.name, c.start, c.end, c.split) for c in credits]
            continue
        while a < b:
            m = pattern.match(text, a, b)
            if m is not None:
                role = (m.end() - len(_role_of(m.group())), m.end())
                saw_role = True
                a = m.end()
                continue
            post = next((p for p in _POST_ROLES if text.endswith(p, a, b) and b - a > len(p)), None)
            name_end = b - len(post) if post else b
            name = text[a:name_end]
            if len(name) == 1 and _HAN_NAME.fullmatch(name):
                if pending_single is None:
                    pending_single = (a, name_end)
                else:
                    padded = text[pending_single[0] : name_end]
                    credits.append(
                        CreditMatch(role, padded.replace(" ", ""), pending_single[0], name_end)
                    )
                    pending_single = None
            elif _is_name(name):
                credits.append(CreditMatch(role, name, a, name_end))
            else:
                pieces = _split_run_together(name) if len(name) <= 24 else None
                if pieces is None or len(pieces) < 2:
                    return None
                cut = a
                for piece in pieces:
                    credits.append(CreditMatch(role, piece, cut, cut + len(piece), split=True))
                    cut += len(piece)
            if post:
                saw_role = True
                if not any(c.role for c in credits):
                    credits = [
                        CreditMatch((name_end, b), c.name, c.start, c.end, c.split) for c in credits
                    ]
            a = b
    if pending_single is not None or not credits:
        return None
    if need_role and not saw_role:
        return None
    # With no role word to vouch for them, bare words are names only when surnames agree:
    # `（议政）` closing a title is a column tag, `（梁某某）` a reporter.
    if (
        not saw_role
        and not labelled
        and any("·" not in c.name and surname_length(c.name) == 0 for c in credits)
    ):
        return None
    return credits


def _role_of(matched: str) -> str:
    """The role word itself, without an organisation written before it."""
    roles = word_set("byline_roles")
    for length in range(len(matched), 0, -1):
        if matched[-length:] in roles:
            return matched[-length:]
    return matched


_MAX_OWN_LINE = 40  # characters of a byline line inside its brackets, bullets aside


def own_line(view: Compact) -> BylineMatch | None:
    """A block that is nothing but a byline: `本报记者 任苒 房晨`, `（记者 庞悦）`, `■记者 X`.

    A credit line may go on with editors' credits (`记者：X Y  编辑：W  二审：V`); the byline
    then ends where they begin, and the caller sets the rest aside.
    """
    text = view.text
    # A byline holds at most ``_MAX_OWN_LINE`` characters after its bullets, so a longer
    # line is one only when editors' credits begin within reach: a paragraph costs a
    # bounded search, not a scan of its whole length.
    lead = len(text) - len(text.lstrip(_LEAD_CHARS))
    reach = lead + 2 * _MAX_OWN_LINE
    if len(text) > reach and (
        # An editor's label ends in a colon or a slash: without one there is none to find.
        not any(mark in text[1:reach] for mark in "：:/")
        or _editor_label().search(text, 1, reach) is None
    ):
        return None
    # An editor's label ends in a colon or a slash: most lines hold none, and need no search.
    has_mark = "：" in text or ":" in text or "/" in text
    editors = _editor_label().search(text, 1) if has_mark else None
    if editors is not None:
        head = own_line(Compact(text[: editors.start()].rstrip(), view.index))
        return head if head is not None and _editor_label().match(text, 0) is None else None
    return _own_line(text)


@cache
def _editor_label() -> regex.Pattern[str]:
    # Labels are often letter-spaced (`编 辑：`, `二 审：`).
    spaced = [" ?".join(regex.escape(ch) for ch in word) for word in word_set("editor_roles")]
    return regex.compile(r"(?:" + "|".join(sorted(spaced, key=len, reverse=True)) + r") ?[：:/]")


def _own_line(text: str) -> BylineMatch | None:
    start, end = 0, len(text)
    while start < end and (text[start] in BULLETS or text[start] == " "):
        start += 1
    form: BylineForm = "line"
    if end - start >= 2 and text[start] in _OPEN and text[end - 1] in _CLOSE:
        start, end, form = start + 1, end - 1, "parenthesized"
    if end - start > _MAX_OWN_LINE or end <= start or _SENTENCE_END.search(text, start, end):
        return None
    label = _LABEL.match(text[start:end])
    inner_start = start + (label.end() if label else 0)
    credits = parse_credits(
        text, inner_start, end, need_role=label is None, labelled=label is not None
    )
    if credits is None:
        return None
    if label is not None:
        credits = [
            CreditMatch(c.role or (start, start + label.end() - 1), c.name, c.start, c.end, c.split)
            for c in credits
        ]
    lead = 1 if form == "parenthesized" else 0
    return BylineMatch(start - lead, end + lead, tuple(credits), form)


_TRAILING = regex.compile(
    "(?<="
    + char_class(SENTENCE_END + CLOSERS)
    + r")[ ]*(?:([（【〔])([^（）【】〔〕]{2,40})[）】〕]|( [^ ].{1,40}))$"
)


def trailing(view: Compact) -> BylineMatch | None:
    """A byline after the last sentence of a paragraph: ` 全媒体记者 项珍` or `（记者 庞悦）`."""
    text = view.text
    # Either form shows at the very end: a closing bracket, or a space before the last
    # 40 characters; most paragraphs have neither.
    if not text.endswith(("）", "】", "〕")) and text.find(" ", max(0, len(text) - 42)) < 0:
        return None
    # A byline is short: look only at the paragraph's tail, so a long paragraph costs nothing.
    # The tail keeps one character before the search start for the pattern's look-behind.
    pos = max(0, len(text) - _TAIL)
    cut = max(0, pos - 1)
    found = _trailing_in(text[cut:], pos - cut)
    if found is None or not cut:
        return found
    return BylineMatch(
        found.start + cut,
        found.end + cut,
        tuple(_shifted(c, cut) for c in found.credits),
        found.form,
    )


_TAIL = 64


@lru_cache(maxsize=1024)
def _trailing_in(tail: str, pos: int) -> BylineMatch | None:
    """The byline ending ``tail``, searched from ``pos``; cached by the tail's text, since a
    report credits the same reporters under most of its speeches."""
    m = _TRAILING.search(tail, pos)
    if m is None:
        return None
    if m.group(1) is not None:
        credits = parse_credits(tail, m.start(2), m.end(2), need_role=False)
        if credits is None:
            return None
        return BylineMatch(m.start(1), m.end(), tuple(credits), "parenthesized")
    inner_start = m.start(3) + 1
    credits = parse_credits(tail, inner_start, m.end(3))
    if credits is None:
        return None
    return BylineMatch(inner_start, m.end(), tuple(credits), "trailing")


def _shifted(credit: CreditMatch, by: int) -> CreditMatch:
    role = (credit.role[0] + by, credit.role[1] + by) if credit.role is not None else None
    return CreditMatch(role, credit.name, credit.start + by, credit.end + by, credit.split)


_DATELINE = regex.compile(
    r"[【〔]?[\p{Han}\d]{0,20}?(?:讯|电)[】〕]?[ ]*[（【〔]([^（）【】〔〕]{2,40})[）】〕]"
)


_DATELINE_BARE = regex.compile(r"[（【〔]([^（）【】〔〕]{2,40})[）】〕]")
_DATELINE_OPEN = regex.compile(
    r"[【〔]?[\p{Han}\d]{0,20}?(?:讯|电)[】〕]? *([^，。：（）]{3,30}?)[：，]"
)


# A page may glue a date, a photo caption or both before the dateline:
# `date 2026-03-09 会议现场（某社 某某摄） 某社北京3月9日电（记者 某某）…`.
_GLUED_CAPTION = regex.compile(
    r"(?:date ?)?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2} ?)?"
    r"(?:[^（）。]{0,80}（[^（）]{0,30}(?:摄|摄影|供图)）)?[ ]*"
)


def dateline(view: Compact) -> BylineMatch | None:
    """`本报讯（记者 X 通讯员 Y）`, `新华社北京3月5日电（记者 X）` or `本报讯 记者 X 报道：`
    at the start of a paragraph (or right after a photo caption glued before it: the match
    then starts after the caption, which the caller sets aside)."""
    found = _dateline_at(view.text, 0)
    if found is None:
        caption = _GLUED_CAPTION.match(view.text)
        if caption is not None and 0 < caption.end() < len(view.text):
            found = _dateline_at(view.text, caption.end())
    return found


def _dateline_at(text: str, pos: int) -> BylineMatch | None:
    # `〔记者 X／台中报导〕…` or `本报讯 记者 X 报道：…`: without `…电（…）` around the credits,
    # only a role word makes them a byline.
    for pattern, need_role in ((_DATELINE, False), (_DATELINE_BARE, True), (_DATELINE_OPEN, True)):
        m = pattern.match(text, pos)
        if m is None:
            continue
        credits = parse_credits(text, m.start(1), m.end(1), need_role=need_role)
        if credits is not None:
            return BylineMatch(pos, m.end(), tuple(credits), "dateline")
    return None


# `作者：陈某 王某　来源：某报`: the author field of a page's meta line, up to the next field.
_AUTHOR_FIELD = regex.compile(r"(?:^|(?<=[ |｜]))(?:作者|记者)[：:] ?")
_NEXT_FIELD = regex.compile(r" +[|｜]? *\p{Han}{1,6}[：:]| *[|｜]")


def author_field(view: Compact) -> BylineMatch | None:
    """The names of an author field in a page's meta line (`作者: 陈某`, `作者：陈某 王某
    来源：某报`), or None when the field holds something else (a title, a unit)."""
    text = view.text
    label = _AUTHOR_FIELD.search(text)
    if label is None:
        return None
    stop = _NEXT_FIELD.search(text, label.end())
    end = stop.start() if stop is not None else len(text)
    while end > label.end() and text[end - 1] == " ":
        end -= 1
    if end - label.end() > 40:
        return None
    credits = parse_credits(text, label.end(), end, need_role=False, labelled=True)
    if credits is None:
        return None
    role = (label.start(), label.start() + 2)
    credits = [CreditMatch(c.role or role, c.name, c.start, c.end, c.split) for c in credits]
    return BylineMatch(label.start(), end, tuple(credits), "line")
