"""Speaker forms that rest on a label or on the layout rather than on a designation.

- a dialogue: a guest-list label (`对话嘉宾：`), one line per guest (`姓名  单位职务、…`), then
  turns `姓名：…` by the guests and questions `记者：…` by the interviewer;
- a label-led speaker line: `讲述人：单位职务  姓名`;
- a name line under a headline: `地名  姓名` or the name alone (reader columns).

Every function here judges one compact line (folded, spaces collapsed); which lines are read
this way is decided from the document's structure by the caller. The label words are data
(``guest_list_labels``, ``question_labels``, ``speaker_labels``); nothing names a person.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Literal

import regex

from speechparse.core.chars import BULLETS
from speechparse.core.lexicon import load_words, word_set
from speechparse.core.text import Compact
from speechparse.people.designation import (
    Designation,
    parse_designation,
    plausible_name,
    positions_only,
    surname_length,
    title_suffix,
)

_TOKEN = regex.compile(r"[^ ]+")
_GUEST_TOKEN = regex.compile(r"[^ ；;]+")  # guests may be parted by semicolons
_MAX_LABEL = 8
_MAX_TURN_NAME = 12
_MAX_OUTLET = 8
_BRACKETED_GUEST = regex.compile(r"\p{Han}[\p{Han} ·]{1,5}（[^（）]{2,60}）")
_BRACKETED_GUESTS = regex.compile(r"(?:\p{Han}[\p{Han} ·]{1,5}（[^（）]{2,60}）[、，；; ]*)+")
_HAN_NAME = regex.compile(r"\p{Han}+(?:·\p{Han}+)*")
_HAN_LABEL = regex.compile(r"\p{Han}{2,6}")
# A name line holds Han characters, spaces and the middle dot of transliterated names only.
_NAME_LINE = regex.compile(r"[\p{Han}· ]{2,30}")


@dataclass(frozen=True, slots=True)
class Guest:
    """One guest-list line: the name (compact offsets) and the positions after it."""

    name_start: int
    name_end: int
    name: str  # padding removed
    designation: Designation


def _despaced(text: str) -> str:
    return text.replace(" ", "")


def _label_before_colon(text: str, words: frozenset[str]) -> tuple[int, int] | None:
    """(label end, body start) when ``text`` opens with one of ``words`` and a colon."""
    colon = text.find("：", 0, _MAX_LABEL * 2 + 1)
    if colon <= 0:
        return None
    if _despaced(text[:colon]) not in words:
        return None
    body = colon + 1
    while body < len(text) and text[body] == " ":
        body += 1
    end = colon
    while end > 0 and text[end - 1] == " ":
        end -= 1
    return end, body


def guest_list_label(text: str) -> int | None:
    """End of the label when ``text`` is a guest-list label alone on its line (`对话嘉宾：`)."""
    stripped = text.rstrip(" ：:")
    if _despaced(stripped) in word_set("guest_list_labels"):
        return len(stripped)
    bracketed = stripped.startswith("【") and stripped.endswith("】")  # `【对话嘉宾】`
    if bracketed and _despaced(stripped[1:-1]) in word_set("guest_list_labels"):
        return len(stripped)
    return None


def question_label(text: str) -> tuple[int, int] | None:
    """(label end, body start) of an interviewer's turn (`记者：…`, `主持人：…`), or of an
    outlet asking in its own name (`本报：…`, `某晚报：…`)."""
    found = _label_before_colon(text, word_set("question_labels"))
    if found is None:
        found = outlet_label(text)
    if found is None or found[1] >= len(text):
        return None
    return found


def outlet_label(text: str) -> tuple[int, int] | None:
    """(label end, body start) when ``text`` opens with a news outlet's name and a colon: a
    short all-Han label ending like an outlet (``outlet_suffixes``)."""
    colon = text.find("：", 0, _MAX_OUTLET + 1)
    if colon < 2:
        return None
    label = _despaced(text[:colon])
    if not _HAN_LABEL.fullmatch(label) or not label.endswith(tuple(load_words("outlet_suffixes"))):
        return None
    if len(label) == 2 and _known_name(label):
        return None  # `李社：` could be a person's short name
    return _label_before_colon(text, frozenset([label]))


def answer_label(text: str) -> tuple[int, int] | None:
    """(label end, body start) of an interviewee's answer (`答：…`)."""
    found = _label_before_colon(text, word_set("answer_labels"))
    if found is None or found[1] >= len(text):
        return None
    return found


def speaker_label(text: str, start: int = 0) -> tuple[int, int] | None:
    """(label end, designation start) of a label-led speaker line (`讲述人：…`), offsets in
    ``text``; ``start`` is where the label may begin (after a bullet)."""
    found = _label_before_colon(text[start:], word_set("speaker_labels"))
    if found is None or found[1] >= len(text) - start:
        return None
    return start + found[0], start + found[1]


def turn_name(text: str, names: Collection[str]) -> tuple[int, int, int] | None:
    """(name end, designation end, body start) when ``text`` opens with a known speaker's
    name and a colon: `姓名：…`, or `姓名委员：…` with a title after the name."""
    colon = text.find("：", 0, _MAX_TURN_NAME + 1)
    if colon <= 0:
        return None
    end = colon
    while end > 0 and text[end - 1] == " ":
        end -= 1
    body = colon + 1
    while body < len(text) and text[body] == " ":
        body += 1
    prefix = _despaced(text[:end])
    if prefix in names:
        return end, end, body
    if " " in text[:end]:
        return None
    titles = word_set("titles")
    for cut in range(len(prefix) - 1, 1, -1):
        if prefix[:cut] in names and prefix[cut:] in titles:
            return cut, end, body
    # `司马委员：`: a surname and a title, for the one speaker of that surname.
    for cut in (1, 2):
        surname = prefix[:cut]
        if (
            prefix[cut:] in titles
            and surname_length(surname + "某") == cut
            and sum(1 for n in names if n.startswith(surname)) == 1
        ):
            return cut, end, body
    return None


def full_name(short: str, names: Iterable[str]) -> str | None:
    """The one known name that ``short`` (a name or a surname) stands for."""
    found = [n for n in names if n == short]
    found = found or [n for n in names if n.startswith(short)]
    return found[0] if len(found) == 1 else None


def turn_shape(text: str) -> Literal["label", "name"] | None:
    """How a line opens like a dialogue turn: with a label word (`记者`, `答`, `对话嘉宾`) and
    a colon ("label"), with a surname-led name, perhaps with a title, and a colon ("name")."""
    colon = text.find("：", 0, _MAX_TURN_NAME + 1)
    if colon < 1 or (colon + 1 >= len(text) and guest_list_label(text) is None):
        return None
    prefix = _despaced(text[:colon])
    labels = word_set("question_labels") | word_set("answer_labels") | word_set("guest_list_labels")
    if prefix in labels:
        return "label"
    for cut in range(len(prefix), 1, -1):
        name, rest = prefix[:cut], prefix[cut:]
        if (not rest or rest in word_set("titles")) and _known_name(name) and len(name) <= 3:
            return "name"
    return None


def _leading_name(text: str) -> tuple[int, int, int] | None:
    """The name at the start of a guest line and where the positions start: `常远峰 …`,
    `常远峰，…`, `常远峰：…` or padded `王 沛 …`."""
    if len(text) > 3 and text[1] == " " and text[3] in " ，：":  # a padded two-character name
        if surname_length(text[0] + text[2]):
            return 0, 3, 4
        return None
    for i, ch in enumerate(text[: _MAX_TURN_NAME + 1]):
        if ch in " ，：":
            return (0, i, i + 1) if i >= 2 else None
    return None


def _known_name(name: str) -> bool:
    return plausible_name(name) and ("·" in name or surname_length(name) > 0)


def guest_line(view: Compact) -> Guest | None:
    """A guest-list line: `姓名  单位职务、单位职务`, `姓名（单位职务）` or `单位职务  姓名`."""
    text = view.text
    if not text or len(text) > 80:
        return None
    skip = len(text) - len(text.lstrip(BULLETS + " "))  # `●姓名  单位职务`
    lead = _leading_name(text[skip:])
    if lead is not None:
        name = _despaced(text[skip + lead[0] : skip + lead[1]])
        if _known_name(name):
            found = positions_only(text, skip + lead[2], len(text))
            if found is not None:
                return Guest(skip + lead[0], skip + lead[1], name, found)
    found = parse_designation(view, skip, len(text)) if skip else parse_designation(view)
    if found is None or found.form not in ("name_first", "spaced"):
        return None
    name = _despaced(text[found.name_start : found.name_end])
    if not _known_name(name):
        return None
    return Guest(found.name_start, found.name_end, name, found)


_CLAUSE_STOPS = "，。；：！？“”（）—"


def designation_ending(view: Compact, name_start: int, name_end: int) -> Designation | None:
    """The designation in running text that ends with the name at ``name_start``: from the
    start of its clause (a comma, stop or quote before it; `、` joins positions and so does
    not end a clause) to the name, with at least one position and no doubt."""
    text = view.text
    clause = name_start
    while clause > 0 and text[clause - 1] not in _CLAUSE_STOPS:
        clause -= 1
    for start in range(clause, name_start - 1):
        if text[start] in _CLAUSE_STOPS or text[start] in "、 ":
            continue
        found = parse_designation(view, start, name_end)
        if found is not None and found.parts and found.name_start == name_start:
            return None if found.doubts else found
    return None


def guest_cuts(text: str) -> list[int]:
    """Where each guest starts when one line lists several (`甲某  职务  乙某  职务`), or a
    name was glued to the end of the previous guest's positions (`…研究员乙某  职务`).

    A guest starts at a token (spaces or `；` cut tokens) that is a plausible name followed by
    a token that is not; a token ending with a title then a name counts as the title's end
    and the next guest's name. Returns ``[0]`` when the line holds one guest only.
    """
    bracketed = [m.start() for m in _BRACKETED_GUEST.finditer(text)]
    if len(bracketed) > 1 and _BRACKETED_GUESTS.fullmatch(text):
        return bracketed  # `甲某（职务）、乙某（职务）`
    raw = [m.span() for m in _GUEST_TOKEN.finditer(text)]
    tokens: list[tuple[int, int]] = []
    for span in raw:  # a padded name (`柴  宁`) is one token
        last = tokens[-1] if tokens else None
        if (
            last is not None
            and last[1] - last[0] == 1
            and span[1] - span[0] == 1
            and _known_name(text[last[0]] + text[span[0]])
        ):
            tokens[-1] = (last[0], span[1])
        else:
            tokens.append(span)
    starts: list[int] = []
    for k, (a, b) in enumerate(tokens):
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if following is None or _is_name_token(_despaced(text[following[0] : following[1]])):
            continue
        token = _despaced(text[a:b])
        if _is_name_token(token):
            starts.append(a)
            continue
        for size in (3, 2):  # a name glued to the end of the previous guest's title
            if (
                len(token) > size + 1
                and _known_name(token[-size:])
                and title_suffix(token, len(token) - size) is not None
                and text[b - size - 1] != " "
            ):
                starts.append(b - size)
                break
    if len(starts) < 2 or starts[0] != tokens[0][0]:
        return [0]
    return starts


def _is_name_token(token: str) -> bool:
    return 2 <= len(token) <= 4 and _HAN_NAME.fullmatch(token) is not None and _known_name(token)


def name_line(text: str) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """A speaker line of a reader column: (place span or None, name span), compact offsets.

    `河南省某市  关  慨` (a place, then a name, padded or not) or the name alone. Whether
    the first word is a place (:func:`is_place`) is for the caller to weigh.
    """
    if not _NAME_LINE.fullmatch(text):
        return None
    tokens = [m.span() for m in _TOKEN.finditer(text)]
    # A padded two-character name is two one-character tokens at the end.
    if len(tokens) >= 2 and all(b - a == 1 for a, b in tokens[-2:]):
        name_span = (tokens[-2][0], tokens[-1][1])
        rest = tokens[:-2]
    else:
        name_span = tokens[-1]
        rest = tokens[:-1]
    name = _despaced(text[name_span[0] : name_span[1]])
    if not _known_name(name):
        return None
    if not rest:
        return None, name_span
    if len(rest) != 1 or rest[0][1] - rest[0][0] < 2:
        return None
    return rest[0], name_span


def is_place(text: str) -> bool:
    """Whether ``text`` ends with an administrative level (省, 市, 县 …) and so names a place."""
    suffixes = tuple(line.split("\t")[0] for line in load_words("place_levels"))
    return len(text) >= 3 and text.endswith(suffixes)
