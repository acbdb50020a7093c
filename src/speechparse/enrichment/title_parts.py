"""Split a report headline into the slots that carry meaning: genre, topic, visit, meeting.

Report headlines follow a few stock shapes, and the slots are found from that shape
alone (a genre label at the end, a visit verb after 赴/到, a meeting word before the
genre), never from the names in them:

* ``<delegation>赴<destination>考察 <topic>之<genre>`` — a delegation's visit report;
* ``<place><meeting><genre>`` — speeches at a named meeting;
* ``<main title>——<subtitle>`` — a headline with a subtitle; the genre may end either.

Every part is ``(text, start, end)`` with ``title[start:end] == text``, or None when the
shape does not show it. Deliberate choices:

* The genre is the longest label from ``data/genre_labels.txt`` that ends the subtitle
  or the main title (a trailing enumerator such as （二） is allowed after it). Without a
  genre label the title is not a speech digest headline and only ``meeting`` is filled.
* A genre label may begin with a meeting word (座谈会发言摘编). When the text before it
  names the meeting without its own meeting word (民营经济高质量发展 + 座谈会发言摘编),
  the meeting span runs into the label, so ``meeting`` and ``genre`` overlap.
* ``meeting`` leaves out a leading place name (X市/X县/X区/X省) and any 召开/举行 verb
  before it; ``topic`` is the meeting minus that place, a scope word (全市), an edition
  (第二届) and the trailing meeting word. If what is left names the attendees (…代表,
  …委员), a session (十五届二次) or an abbreviated unit (市…), it is not a topic: None.
* ``在<occasion>上的<genre>`` names the occasion as the meeting even when it lacks a
  meeting word (…学习会上的交流发言); the topic then stays None.
* A head that is neither a visit nor a meeting (乡村振兴专题讨论发言摘要) gives its text,
  minus place, scope word and a trailing 专题, as the topic.
* With a subtitle, a slogan in the main title (为县域高质量发展建言献策) is not taken as
  the topic: a topic is read only from the structural slot next to the genre (after the
  visit verb, or the meeting). The previous segment is consulted only when the genre's
  own segment has nothing before the label, and then only for a meeting or a visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from speechparse.core.lexicon import lexicon, load_words

Span = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class TitleParts:
    genre: Span | None
    topic: Span | None
    delegation: Span | None
    destination: Span | None
    meeting: Span | None


_EMPTY = TitleParts(None, None, None, None, None)


@cache
def _meeting_words() -> tuple[str, ...]:
    """Words ending a meeting's name (data/meeting_words.txt), longest first."""
    return tuple(sorted(load_words("meeting_words"), key=len, reverse=True))


_SUBTITLE_SEP = regex.compile(r"——|──|―{1,2}|—|-{2}|－{2}|\r?\n")
# Matched backwards from the end ((?r)): a forward search retried the run of noise from every
# position before it, quadratic on a long run that is not at the end (（一）（一）…x).
_TRAILING_NOISE = regex.compile(
    r"(?r)(?:\s|[（(][一二三四五六七八九十0-9０-９]{1,3}[)）]|[：:。])+$"
)
_VISIT = regex.compile(
    r"(?:赴|到|前往|来到|在)(?P<dest>\p{Han}{1,12}?)"
    r"(?P<verb>考察学习|学习考察|考察调研|调研考察|参观学习|学习交流|考察|学习|调研|参观|观摩)"
)
_CLAUSE_BREAK = regex.compile(r"[\s，,：:；;、|]|召开的|召开|举行的|举行|举办的|举办")
_PLACE_PREFIX = regex.compile(
    r"(?P<name>[\p{Han}A-Za-zＡ-Ｚａ-ｚ]{2,4}?)[省市县区]|(?P<name1>\p{Han})县"
)
_NOT_A_NAME_START = frozenset("全各本我该每在于市县区省")
_SCOPE_PREFIX = regex.compile(r"全(?:国|省|市|县|区)")
_EDITION = regex.compile(r"(?:第[一二三四五六七八九十百零〇0-9０-９]{1,4}|首)届")
_SESSION = regex.compile(
    r"[一二三四五六七八九十百零〇0-9０-９]届|[第一二三四五六七八九十0-9０-９]次"
)
_CONNECTOR_TAIL = regex.compile(r"(?:之|的)$")
_SKIP_CHARS = " \t\u3000，,：:、；;"


@cache
def _genre_labels() -> tuple[str, ...]:
    """Genre labels, longest first, so compound labels beat their tails."""
    return tuple(sorted(lexicon().genre_labels, key=len, reverse=True))


def decompose_title(title: str) -> TitleParts:
    """Slots of a report headline; a part is None whenever the shape does not show it."""
    if not isinstance(title, str) or not title.strip():
        return _EMPTY
    return _decompose(title)


def _decompose(title: str) -> TitleParts:
    segments = _segments(title)
    for index in range(len(segments) - 1, -1, -1):
        seg_start, seg_end = segments[index]
        genre = _find_genre(title, seg_start, seg_end)
        if genre is None:
            continue
        head_start, head_end, extension = _head(title, seg_start, genre[1], genre[0])
        own_segment = head_start < head_end
        if not own_segment and index > 0:
            head_start, head_end = segments[index - 1]
            head_end = _strip_tail(title, head_start, head_end)
            extension = 0
        return _read_head(title, genre, head_start, head_end, extension, own_segment)
    for seg_start, seg_end in reversed(segments):
        end = _strip_tail(title, seg_start, seg_end)
        meeting = _meeting(title, seg_start, end, 0)
        if meeting is not None:
            return TitleParts(None, None, None, None, meeting)
    return _EMPTY


def _segments(title: str) -> list[tuple[int, int]]:
    """Main title and subtitle(s) as offset ranges, whitespace trimmed."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SUBTITLE_SEP.finditer(title):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(title)))
    trimmed: list[tuple[int, int]] = []
    for begin, end in bounds:
        while begin < end and title[begin].isspace():
            begin += 1
        while end > begin and title[end - 1].isspace():
            end -= 1
        if begin < end:
            trimmed.append((begin, end))
    return trimmed


def _strip_tail(title: str, start: int, end: int) -> int:
    """End offset once a trailing enumerator （二）, colon or blank is dropped."""
    match = _TRAILING_NOISE.search(title, start, end)
    return match.start() if match is not None else end


def _find_genre(title: str, start: int, end: int) -> Span | None:
    end = _strip_tail(title, start, end)
    labels = _genre_labels()
    if not title.endswith(labels, start, end):  # one call answers the usual "none"
        return None
    for label in labels:
        if title.endswith(label, start, end):
            return label, end - len(label), end
    return None


def _head(title: str, seg_start: int, genre_start: int, label: str) -> tuple[int, int, int]:
    """The text before the genre label, minus a 之/的/上的 link, plus any meeting word
    that the label itself begins with (returned as the extension length)."""
    end = genre_start
    while end > seg_start and title[end - 1].isspace():
        end -= 1
    tail = _CONNECTOR_TAIL.search(title, seg_start, end)
    if tail is not None:
        end = tail.start()
    if end > seg_start and title[end - 1] == "上" and _ends_with_meeting(title, seg_start, end - 1):
        end -= 1
    extension = 0
    if end > seg_start and not _ends_with_meeting(title, seg_start, end):
        for word in _meeting_words():
            if label.startswith(word):
                extension = len(word)
                break
    return seg_start, end, extension


def _ends_with_meeting(title: str, start: int, end: int) -> bool:
    return _meeting_word_at_end(title, start, end) is not None


def _meeting_word_at_end(title: str, start: int, end: int) -> str | None:
    words = _meeting_words()
    if not title.endswith(words, start, end):  # one call answers the usual "none"
        return None
    for word in words:
        if title.endswith(word, start, end):
            return word
    return None


def _read_head(
    title: str, genre: Span, start: int, end: int, extension: int, own_segment: bool
) -> TitleParts:
    delegation: Span | None = None
    destination: Span | None = None
    rest_start = start
    visit = _VISIT.search(title, start, end)
    if visit is not None:
        delegation = _delegation(title, start, visit.start())
        if delegation is None and title[visit.start()] == "在":
            visit = None  # 在…学习 is usually a study session, not a trip
    if visit is not None:
        destination = _span(title, visit.start("dest"), visit.end("dest"))
        rest_start = visit.end()
        while rest_start < end and title[rest_start] in _SKIP_CHARS:
            rest_start += 1
    else:
        rest_start = _clause_start(title, start, end)
        if rest_start < end and title[rest_start] == "在":
            rest_start += 1  # 在…上的发言: the preposition is not part of any name
    meeting = _meeting(title, rest_start, end, extension)
    occasion = (
        meeting is None
        and visit is None
        and end - rest_start > 1
        and rest_start > start
        and title[rest_start - 1] == "在"
        and title[end - 1] == "上"
    )
    if occasion:
        # 在<occasion>上的发言: the frame itself says a meeting is named inside it
        inner_start = _after_place(title, rest_start, end - 1)
        meeting = _meeting(title, inner_start, end - 1, 0) or _span(title, inner_start, end - 1)
    topic: Span | None
    if meeting is not None:
        topic = _topic_from_meeting(title, meeting)
    elif visit is not None and rest_start < end:
        topic = _span(title, rest_start, end)
    elif visit is None and own_segment and rest_start < end:
        begin = _after_place(title, rest_start, end, keep_some=False)
        scope = _SCOPE_PREFIX.match(title, begin, end)
        if scope is not None:
            begin = scope.end()
        if title.endswith("专题", begin, end):
            end -= 2
        topic = _clean_topic(title, begin, end)
    else:
        topic = None
    return TitleParts(genre, topic, delegation, destination, meeting)


def _delegation(title: str, start: int, verb_start: int) -> Span | None:
    """The travelling group named right before 赴/到, when it ends in a delegation word."""
    end = verb_start
    while end > start and title[end - 1].isspace():
        end -= 1
    if not any(
        end - len(word) >= start and title.startswith(word, end - len(word))
        for word in load_words("delegation_words")
    ):
        return None
    begin = end
    while begin > start and title[begin - 1] not in _SKIP_CHARS and not title[begin - 1].isspace():
        begin -= 1
    return _span(title, begin, end)


def _clause_start(title: str, start: int, end: int) -> int:
    """Offset after the last clause break (blank, comma, 召开 ...) in the head."""
    begin = start
    for match in _CLAUSE_BREAK.finditer(title, start, end):
        begin = match.end()
    return begin


def _after_place(title: str, start: int, end: int, *, keep_some: bool = True) -> int:
    """Offset after leading place names (安徽省安庆市 ...), if any.

    With ``keep_some`` a place that is all there is stays, so 芦汀市座谈会 keeps its name.
    """
    for _ in range(3):
        match = _PLACE_PREFIX.match(title, start, end)
        if match is None:
            break
        name = match.group("name") or match.group("name1") or ""
        if not name or name[0] in _NOT_A_NAME_START or (keep_some and match.end() >= end):
            break
        start = match.end()
    return start


def _meeting(title: str, start: int, end: int, extension: int) -> Span | None:
    """The meeting named in ``title[start:end]`` (plus the label's meeting word)."""
    full_end = end + extension
    if extension == 0 and not _ends_with_meeting(title, start, end):
        return None
    begin = _after_place(title, start, end)
    word = _meeting_word_at_end(title, begin, full_end)
    if word is None or full_end - len(word) <= begin:
        return None  # a bare 座谈会 names no meeting
    return _span(title, begin, full_end)


def _topic_from_meeting(title: str, meeting: Span) -> Span | None:
    _, begin, end = meeting
    word = _meeting_word_at_end(title, begin, end)
    if word is None:
        return None
    end -= len(word)
    if title.endswith("专题", begin, end):
        end -= 2
    begin = _after_place(title, begin, end, keep_some=False)
    scope = _SCOPE_PREFIX.match(title, begin, end)
    if scope is not None:
        begin = scope.end()
    edition = _EDITION.match(title, begin, end)
    if edition is not None:
        begin = edition.end()
    return _clean_topic(title, begin, end)


_QUOTE_PAIRS = frozenset({"“”", "「」", "『』", "‘’", '""'})


def _clean_topic(title: str, begin: int, end: int) -> Span | None:
    """The span as a topic, or None when it names attendees, a session or a unit."""
    if end - begin > 2 and title[begin] + title[end - 1] in _QUOTE_PAIRS:
        inner = title[begin + 1 : end - 1]
        if not any(mark in inner for pair in _QUOTE_PAIRS for mark in pair):
            begin, end = begin + 1, end - 1  # “民营经济高质量发展” -> the phrase itself
    text = title[begin:end]
    if len(text) < 2 or text[0] in "省市县区":
        return None
    if _SESSION.search(text) is not None:
        return None
    if any(text.endswith(word) for word in load_words("attendee_words")):
        return None
    return _span(title, begin, end)


def _span(title: str, begin: int, end: int) -> Span | None:
    if begin >= end:
        return None
    return title[begin:end], begin, end
