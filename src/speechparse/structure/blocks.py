"""Physical lines to classified blocks: layout repair and line classification.

A block is a run of lines that belong together: a paragraph split by hard wraps, a headline,
a designation line, a byline line, a line of page chrome. Whether two adjacent lines belong
together depends on the document's layout, which is measured first: `　　` indentation marks
paragraph starts in some reports, fixed-width wrapping in others, blank lines in most.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache, partial
from itertools import pairwise

import regex

from speechparse.core.chars import BULLETS, CLAUSE_END, SENTENCE_END, char_class
from speechparse.core.lexicon import word_set
from speechparse.core.text import Compact, compact, is_terminated
from speechparse.people import byline as _byline
from speechparse.people.attribution import (
    Attribution,
    Known,
    attribution_at,
    closing_attribution,
    inline_attributions,
    member_line,
)
from speechparse.people.designation import Designation, Part, parse_designation, title_suffix
from speechparse.people.dialogue import (
    guest_line,
    guest_list_label,
    question_label,
    speaker_label,
    turn_shape,
)
from speechparse.structure import chrome as _chrome
from speechparse.structure import markdown as _markdown

_INDENT_CHARS = " \u3000\t\xa0"
_DASH_LEAD = regex.compile(r"——\p{Han}?")
_LINE_BREAK = regex.compile(r"\r\n|\r|\n|\u2028|\u2029")
_MARKER = regex.compile(
    r"""
    (?: [{bullets}]+ [ ]?                                # decorative bullets
      | （ [一二三四五六七八九十]{1,3} ）            # （一）
      | [一二三四五六七八九十]{1,3} 、                # 一、
      | \d{1,2} [、.] (?!\d)                          # 1、  1.
      | （ \d{1,2} ）                                 # （1）
      | [\u2460-\u2473\u2776-\u277f] [ ]?                 # ① … ⑳, ❶ … ❿
      | 〔 [一二三四五六七八九十]{1,3} 〕            # 〔一〕
      | 【 [一二三四五六七八九十\d]{1,3} 】          # ［一］ (folded to 【一】)
      | \#{2,6} [ ]?                                  # `###` heading marks left in the text
    )
    """.replace("{bullets}", BULLETS),
    regex.VERBOSE,
)
_BRACKETED = regex.compile(r"【([^【】]{1,60})】")
_LABEL = regex.compile(
    r"【?(?:编者按|编者的话|编前语|开栏的话|阅读提示|内容提要|导读|引言)】?[ ：]?"
)
_SUBTITLE = regex.compile(r"^[—\-]{1,3}")
_DECORATION = regex.compile(r"[\p{S}\p{Pd}\p{Zs}*#·~_=]+")
_BULLETS = regex.compile(rf"[{BULLETS}]+ ?")
_REPORTED = regex.compile(
    r"(?:在发言中|发言时|在会上)?(?:表示|说|指出|认为|建议|介绍|强调|谈到|提出)，"
)
_SENTENCE_MARKS = regex.compile(char_class(SENTENCE_END + CLAUSE_END + "“”"))
_AUTHOR = regex.compile(r"(?:作者|记者) ?[：:]")
_MAX_HEADLINE = 40
# Where a designation met in running text can begin: after a clause mark, or after a
# preposition that opens the clause (`由市商务局局长某某提问`).
_MENTION_STOP = frozenset("，。；：！？“”（）《》\n\r由被把让请")
_MAX_DESIGNATION = 64


class Kind(Enum):
    """What a block is, judged from its own text (context is the assembler's job)."""

    TEXT = "text"
    HEADLINE = "headline"  # carries a marker or brackets
    DESIGNATION = "designation"  # designation + colon + speech, or designation alone
    BYLINE = "byline"
    CHROME = "chrome"
    SUBTITLE = "subtitle"
    LABEL = "label"
    GUEST_LABEL = "guest_label"  # `对话嘉宾：` opening a dialogue's guest list
    GUEST = "guest"  # one guest-list line: name and positions
    QUESTION = "question"  # an interviewer's turn (`记者：…`)


# Kind's members bound to names once, for the stages' per-block loops: an Enum member read
# through its class costs a metaclass lookup, paid thousands of times per report.
K_TEXT = Kind.TEXT
K_HEADLINE = Kind.HEADLINE
K_DESIGNATION = Kind.DESIGNATION
K_BYLINE = Kind.BYLINE
K_CHROME = Kind.CHROME
K_SUBTITLE = Kind.SUBTITLE
K_LABEL = Kind.LABEL
K_GUEST_LABEL = Kind.GUEST_LABEL
K_GUEST = Kind.GUEST
K_QUESTION = Kind.QUESTION


@dataclass(frozen=True, slots=True)
class Line:
    """A physical line: content bounds in the source (indentation, trailing spaces and the
    line marks of Markdown — `#`, `>`, `**…**` — excluded)."""

    start: int
    end: int
    indent: int
    blank_before: bool
    heading: int = 0  # Markdown heading level (`#` = 1 … `######` = 6), 0 for none

    @property
    def indented(self) -> bool:
        # The fold turns `　` and tabs into spaces: two of them make an indentation.
        return self.indent >= 2


@dataclass(frozen=True, slots=True)
class Block:
    """A classified run of lines, with its compact view for pattern matching."""

    start: int
    end: int
    view: Compact
    kind: Kind = Kind.TEXT
    marker: tuple[int, int] | None = None  # compact offsets
    body_start: int = 0  # compact offset where the content after a marker/label/colon starts
    designation: Designation | None = None
    byline: _byline.BylineMatch | None = None
    chrome: str | None = None
    brackets: bool = False
    terminated: bool = False
    blank_before: bool = False
    index: int = 0
    body_end: int | None = None  # compact offset where the content before a closer ends (【…】)
    editors_from: int | None = None  # compact offset of editors' credits after a byline
    label: tuple[int, int] | None = None  # compact span of a speaker label (`讲述人`)
    place: tuple[int, int] | None = None  # compact span of a place on a name line
    guest: Block | None = None  # the guest-list line a dialogue turn's speaker comes from
    section: bool = False  # a section head between a dialogue's turns
    form: str | None = None  # a speaker form decided from the layout (dialogue, name_line …)
    heading: int = 0  # Markdown heading level of its first line (0: none)

    @property
    def text(self) -> str:
        return self.view.text


def split_lines(folded: str) -> list[Line]:
    """Stage 3: the non-blank physical lines, with their layout facts."""
    lines: list[Line] = []
    blank = False
    for pos, end, raw in _raw_lines(folded):
        # Indentation and line-end spaces trimmed by str methods, not a loop per character.
        line = raw.strip(_INDENT_CHARS)
        if not line:
            blank = True
            continue
        a = end - len(raw.lstrip(_INDENT_CHARS))
        b = a + len(line)
        indent = a - pos
        a, b, heading = _markdown.strip_marks(folded, a, b)
        if b > a and not _DECORATION.fullmatch(folded, a, b):
            glued = _chrome.glued_head_end(folded, a, b)
            if glued is not None:  # a running head glued to the text: two lines in one
                head_end = glued
                while folded[head_end - 1] == " ":
                    head_end -= 1
                lines.append(Line(a, head_end, indent, blank, heading))
                a, blank, indent = glued, False, 0
            tail = _chrome.glued_source_start(folded, a, b)
            if tail is not None:  # `本报记者 X《某报》（…第 2 版）`: a byline glued to the edition
                head_end = tail
                while folded[head_end - 1] == " ":
                    head_end -= 1
                lines.append(Line(a, head_end, indent, blank, heading))
                a, blank, indent = tail, False, 0
            lines.append(Line(a, b, indent, blank, heading))
            blank = False
        else:
            # A rule of ■, —— or ＊ (symbols only) separates like a blank line.
            blank = True
    return lines


def _raw_lines(folded: str) -> Iterator[tuple[int, int, str]]:
    """Each physical line as (start, end, text), line marks excluded.

    Most texts break lines with a line feed alone: ``str.split`` finds those without a
    match object per line; other breaks (CR LF, CR, U+2028/9) take the pattern.
    """
    pos = 0
    if "\r" in folded or "\u2028" in folded or "\u2029" in folded:
        for m in _LINE_BREAK.finditer(folded):
            yield pos, m.start(), folded[pos : m.start()]
            pos = m.end()
        yield pos, len(folded), folded[pos:]
        return
    for raw in folded.split("\n"):
        yield pos, pos + len(raw), raw
        pos += len(raw) + 1


def _wrap_width(widths: list[int]) -> int | None:
    """The fixed width lines were wrapped at, when a clear mode of line widths exists."""
    long = [w for w in widths if w >= 8]
    if len(long) < 6:
        return None
    counts = Counter(long)
    best = max(counts, key=lambda w: (counts[w] + counts.get(w - 1, 0), w))
    share = (counts[best] + counts.get(best - 1, 0)) / len(long)
    # Wrapped text has almost no line longer than the wrap width.
    over = sum(1 for w in long if w > best + 2) / len(long)
    return best if share >= 0.3 and over <= 0.1 else None


def _indent_informative(lines: list[Line]) -> bool:
    indented = sum(1 for line in lines if line.indented)
    return indented >= 2 and indented < len(lines) * 0.95


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a line or block says of itself, worked out once and read by every pass."""

    view: Compact
    chrome: str | None  # why its text is page chrome, if it is
    own: _byline.BylineMatch | None  # the byline it consists of, if it does
    trailing: _byline.BylineMatch | None  # the byline after its last sentence, if any
    # The openings both _special and _classify test for, matched once.
    subtitle: regex.Match[str] | None  # `——…`
    label: regex.Match[str] | None  # `编者按：`
    bracketed: bool  # `【…】` and nothing else
    marker: regex.Match[str] | None  # `一、`, `（一）`, `■` …


def _facts(view: Compact) -> _Facts:
    text = view.text
    return _Facts(
        view,
        _chrome.chrome_reason(text),
        _byline.own_line(view),
        _byline.trailing(view),
        _SUBTITLE.match(text),
        _LABEL.match(text),
        _BRACKETED.fullmatch(text) is not None,
        _MARKER.match(text),
    )


def _special(facts: _Facts, line: Line) -> str | None:
    """Why a line must start a block of its own whatever the layout says, if it must.

    ``"designation"`` for a designation start, ``"chrome"`` for page chrome, ``"marker"`` for a
    marked headline, ``"other"`` for bylines, labels, subtitles and bracketed headlines,
    ``"turn"`` for a dialogue turn, label or guest line.
    """
    view = facts.view
    text = view.text
    if not text:
        return None
    if _AUTHOR.match(text) and facts.own is not None:
        return "other"  # `作者：本报记者 X` credits reporters; other 作者： lines are meta
    if facts.chrome:
        return "chrome"
    if facts.subtitle or facts.label:
        return "other"
    if facts.bracketed or facts.own is not None:
        return "other"
    if line.heading != 1 and _designation(view) is not None:
        return "designation"
    marker = facts.marker
    if marker is not None and (text[0] in BULLETS or len(text) <= _MAX_HEADLINE):
        return "marker"
    if " " in text and guest_line(view) is not None:
        return "other"  # `姓名  单位职务`: a guest-list line stands alone
    shape = turn_shape(text)
    if shape == "label":
        return "other"  # `记者：`, `答：`, `对话嘉宾：` always open a block
    if shape == "name":
        # `姓名：…` opens a dialogue turn, unless it finishes a designation the wrap cut
        # (`…局长` / `某某：…`)
        return "turn"
    return None


def _designation(view: Compact) -> tuple[Designation, int, int] | None:
    """A designation at the start of ``view``: (designation, marker_end, body_start)."""
    return _designation_in(view.text)


@lru_cache(maxsize=4096)
def _designation_in(text: str) -> tuple[Designation, int, int] | None:
    """Decisions depend on the text alone, so a line seen twice (as a line, then as a block)
    is decomposed once."""
    view = Compact(text, ())
    marker_end = 0
    # A bullet or a number (`1. `, `一、`, `（一）`) may lead a designation instead of a headline.
    m = _BULLETS.match(text) or _MARKER.match(text)
    if m is not None:
        marker_end = m.end()
        while marker_end < len(text) and text[marker_end] == " ":
            marker_end += 1
    # `讲述人：单位职务  姓名`: a speaker label before the designation is set aside like a marker.
    label = speaker_label(text, marker_end)
    if label is not None:
        marker_end = label[1]
    colon = text.find("：", marker_end, marker_end + _MAX_DESIGNATION + 1)
    if colon > marker_end and not _SENTENCE_MARKS.search(text, marker_end, colon):
        found = parse_designation(view, marker_end, colon, lenient=True)
        if found is not None:
            # `某某委员笑道：` reads as unit 某某 + title 委员 + name 笑道; a name of no known
            # surname gives way to a speaker in running text found at the same place.
            if any(code == "speaker.unknown_surname" for code, _ in found.doubts):
                attributed = attribution_at(view, marker_end)
                if attributed is not None:
                    return attributed.designation, marker_end, attributed.body_start
            return found, marker_end, colon + 1
    # `单位职务姓名——…`: a designation ended by a dash instead of a colon.
    dash = text.find("——", marker_end, marker_end + _MAX_DESIGNATION + 1)
    if dash > marker_end and not _SENTENCE_MARKS.search(text, marker_end, dash):
        found = parse_designation(view, marker_end, dash)
        if found is not None and not found.doubts:
            body = dash + 2
            while body < len(text) and text[body] in "— ":
                body += 1
            return found, marker_end, body
    # Reported speech: `市人大代表某某说，…` / `…局长某某在发言中表示，…`.
    verb = _REPORTED.search(text, marker_end, marker_end + _MAX_DESIGNATION + 8)
    if (
        verb is not None
        and not _SENTENCE_MARKS.search(text, marker_end, verb.start())
        and "，" not in text[marker_end : verb.start()]
    ):
        found = parse_designation(view, marker_end, verb.start())
        # Reported speech carries no colon to vouch for it: the name must look like one.
        if found is not None and not any(
            code == "speaker.unknown_surname" for code, _ in found.doubts
        ):
            # A copy: the cached decomposition of the text before the verb stays as it was.
            found = replace(found, verb=(verb.start(), verb.end() - 1), reported=True)
            return found, marker_end, verb.end()
    # A dash inside a line marks a title or a subtitle (`…——访某局局长某某`), not a designation.
    if len(text) - marker_end <= _MAX_DESIGNATION and not is_terminated(text) and "——" not in text:
        end = len(text) - 1 if text.endswith("：") else len(text)
        found = parse_designation(view, marker_end, end)
        # Alone on a line, a run-on `单位职务姓名` must be short and its units look like units;
        # a bare title before a name with no known surname (`代表心声`) is a headline.
        bare = found is not None and all(p.org_end == p.org_start for p in found.parts)
        if (
            bare
            and found is not None
            and any(c == "speaker.unknown_surname" for c, _ in found.doubts)
        ):
            found = None
        if found is not None and (
            found.form != "joined"
            or marker_end > 0
            or (len(text) <= 30 and _units_look_right(text, found))
        ):
            return found, marker_end, len(text)
    # A speaker named in running text: `某某委员（单位职务）说，`, `“……”，某某代表介绍。`.
    attributed = attribution_at(view, marker_end)
    # Several people credited together are cut into their speeches with the paragraph scan.
    if attributed is not None and not attributed.others:
        return attributed.designation, marker_end, attributed.body_start
    # `某某代表` alone on a line: a member's line of his own.
    member = member_line(text, marker_end) if not is_terminated(text) else None
    if member is not None:
        return member, marker_end, len(text)
    return None


def _units_look_right(text: str, found: Designation) -> bool:
    """Every written unit ends with a unit word (局, 委, 公司 …) and holds no particle 的."""
    units = word_set("unit_suffixes")
    for part in found.parts:
        unit = text[part.org_start : part.org_end] + (
            text[part.title_start] if part.shared_level else ""
        )
        if unit and ("的" in unit or not any(unit.endswith(u) for u in units)):
            return False
    return True


def build_blocks(folded: str, lines: list[Line]) -> list[Block]:
    """Stage 4: group lines into blocks and classify each block by its own text."""
    if not lines:
        return []
    by_indent = _indent_informative(lines)
    # Characters, not display cells: quotes and dashes have ambiguous widths, and a line
    # wrapped by cells holds at least as many characters as the mode anyway.
    widths = [line.end - line.start + line.indent for line in lines]
    wrap = _wrap_width(widths)
    facts = [_facts(compact(folded, line.start, line.end)) for line in lines]
    specials = [_special(fact, line) for fact, line in zip(facts, lines, strict=True)]
    forced = _clutter_runs([fact.view.text for fact in facts], specials)
    for i in forced:
        specials[i] = "chrome"
    # A short line without a full stop right above a designation is a headline, whatever
    # the line above it looks like.
    headlines = [
        i + 1 < len(lines)
        and specials[i + 1] == "designation"
        and not specials[i]
        and not _wrapped(wrap, widths[i])
        and not is_terminated(folded[lines[i].start : lines[i].end])
        and lines[i].end - lines[i].start <= _MAX_HEADLINE
        for i in range(len(lines))
    ]
    layout = _Layout(folded, lines, widths, wrap, by_indent, specials, headlines, facts)
    groups: list[list[int]] = [[0]]
    for i in range(1, len(lines)):
        if layout.runs_on(i):
            groups[-1].append(i)
        else:
            groups.append([i])
    groups = _mend_split_designations(layout, groups)
    blocks = [
        _classify(
            folded,
            [lines[i] for i in group],
            k,
            forced.get(group[0]),
            facts=facts[group[0]] if len(group) == 1 else None,
        )
        for k, group in enumerate(groups)
    ]
    blocks = _split_at_attributions(folded, _without_repeats(blocks))
    return [b if b.index == i else replace(b, index=i) for i, b in enumerate(blocks)]


def _split_at_attributions(folded: str, blocks: list[Block]) -> list[Block]:
    """Cut paragraphs where a speaker named in running text starts a new speech.

    When the report gives its speakers lines of their own (two or more `单位职务姓名：` or
    designation lines), a speaker named inside a speech is quoted by that speech, not a new
    one; only a designation glued to the end of a paragraph (`…。某某委员（…）说：`, a lost
    line break) still starts a speech there.
    """
    explicit = sum(
        1
        for b in blocks
        if b.designation is not None
        and b.designation.verb is None
        and not b.designation.reported
        and b.designation.form in ("joined", "spaced", "name_first")
    )
    out: list[Block] = []
    current: str | None = None  # the name of the speaker speaking now
    for block in _closing_attributions(folded, blocks):
        if block.kind not in (K_TEXT, K_DESIGNATION):
            out.append(block)
            continue
        if block.designation is not None:
            current = _name_of(block.text, block.designation)
        if explicit >= 2 and not block.text.endswith("："):
            out.append(block)  # nothing it could find would be kept (see the filter below)
            continue
        scan_from = block.body_start
        if block.designation is not None:  # past a quote-first speaker in mid-paragraph
            verb_end = block.designation.verb[1] if block.designation.verb else 0
            scan_from = max(scan_from, block.designation.extent_end, verb_end)
        found = inline_attributions(
            block.view,
            scan_from,
            known=_known_names(folded, block) if explicit < 2 else None,
            first=block.kind is K_TEXT and explicit < 2,
        )
        found = [
            a
            for a in found
            if explicit < 2 or (a.body_start >= len(block.text) and block.text.endswith("："))
        ]
        found, current = _new_speakers(block, found, current)
        if not found:
            out.append(block)
            continue
        bounds = [(0, None), *((a.split, a) for a in found if a.split > 0), (len(block.text), None)]
        if found[0].split == 0:
            bounds[0] = (0, found[0])
        for n, ((a, attributed), (b, _)) in enumerate(pairwise(bounds)):
            start, end = block.view.span(a, b)
            line = Line(start, end, 0, block.blank_before if n == 0 else False)
            piece = _classify(folded, [line], block.index)
            if attributed is not None:
                piece = _attribute(piece, attributed, a, block.text[a:b])
            out.append(piece)
            # Several people credited with the same words each get a speech over that piece.
            others = attributed.others if attributed is not None else ()
            for other in others:
                twin = _classify(folded, [Line(start, end, 0, False)], block.index)
                shared = Attribution(a, other, piece.body_start + a, piece.body_start + a)
                out.append(_attribute(twin, shared, a, block.text[a:b]))
    return out


def _name_of(text: str, designation: Designation) -> str:
    return text[designation.name_start : designation.name_end].replace(" ", "")


def _new_speakers(
    block: Block, found: list[Attribution], current: str | None
) -> tuple[list[Attribution], str | None]:
    """Drop a bare-name attribution of the speaker already speaking (`…。某某建议，…`): his
    speech goes on; any other attribution starts a speech and makes its speaker current."""
    kept: list[Attribution] = []
    for attributed in found:
        name = _name_of(block.text, attributed.designation)
        if not attributed.designation.parts and name == current:
            continue
        kept.append(attributed)
        current = name
    return kept, current


def _known_names(folded: str, block: Block) -> Known:
    """Where a name stands right after a job title somewhere before a place in ``block``:
    a person introduced as `单位职务某某` may later speak under his bare name."""

    def known(name: str, at: int) -> tuple[int, int] | None:
        before = block.view.src(at)
        i = folded.find(name, 0, before)
        while i >= 0:
            if title_suffix(folded, i, max(0, i - 12)) is not None:
                return _mention(folded, i, i + len(name))
            i = folded.find(name, i + 1, before)
        return None

    return known


def _mention(folded: str, name_start: int, name_end: int) -> tuple[int, int]:
    """The designation `单位职务某某` ending with the name at ``name_start``: back to the
    clause start; an empty range when it does not decompose."""
    start = name_start
    while start > max(0, name_start - _MAX_DESIGNATION) and folded[start - 1] not in _MENTION_STOP:
        start -= 1
    # A subtitle's `——记`/`——访` before the designation is no part of it.
    lead = _DASH_LEAD.match(folded[start:name_end])
    if lead is not None and lead.end() < name_end - start:
        start += lead.end()
    view = compact(folded, start, name_end)
    found = parse_designation(view)
    if found is None or found.name_end != len(view.text):
        return name_start, name_start
    return start, name_end


def _attribute(piece: Block, attributed: Attribution, offset: int, expected: str) -> Block:
    """``piece`` (cut at ``offset`` of its block) with the speaker the scan found there.

    The scan saw the clause in context (a bare name known from earlier, the quotation
    before a speaker), so its reading wins over the piece's own classification.
    """
    if piece.text != expected or piece.kind not in (K_TEXT, K_DESIGNATION):
        return piece
    d = attributed.designation
    moved = Designation(
        d.name_start - offset,
        d.name_end - offset,
        [
            Part(
                p.org_start - offset,
                p.org_end - offset,
                p.title_start - offset,
                p.end - offset,
                p.shared_level,
            )
            for p in d.parts
        ],
        d.form,
        list(d.doubts),
        d.extent_end - offset,
        d.extent_start - offset,
        (d.verb[0] - offset, d.verb[1] - offset) if d.verb else None,
        d.reported,
        d.mention,
    )
    body_start = attributed.body_start - offset
    rest = piece.text[body_start:]
    byline = piece.byline
    if byline is not None and byline.start <= body_start:
        byline = None
    return replace(
        piece,
        kind=Kind.DESIGNATION,
        designation=moved,
        marker=None,
        body_start=body_start,
        body_end=None,
        terminated=not rest or is_terminated(rest),
        byline=byline,
    )


def _closing_attributions(folded: str, blocks: list[Block]) -> list[Block]:
    """`……。——某某代表（单位职务）`, inline or on a line of its own below the paragraph: the
    paragraph becomes the speech of the speaker named after the dash."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            block.kind is K_SUBTITLE
            and previous is not None
            and previous.kind is K_TEXT
            and previous.terminated
            and previous.byline is None
            and closing_attribution(block.view) is not None
        ):
            line = Line(previous.start, block.end, 0, previous.blank_before)
            merged = _classify(folded, [line], previous.index)
            out[-1] = _as_closed(merged)
            continue
        out.append(_as_closed(block) if block.kind is K_TEXT else block)
    return out


def _as_closed(block: Block) -> Block:
    """The block as a speech closed by its speaker, when a dash attribution ends it."""
    found = closing_attribution(block.view)
    if found is None or block.byline is not None:
        return block
    dash, designation = found
    return replace(
        block,
        kind=Kind.DESIGNATION,
        designation=designation,
        body_start=0,
        body_end=dash,
        terminated=True,
    )


_MAX_MENU_ITEM = 8
_MAX_LIST_ITEM = 40


def _clutter_runs(texts: list[str], specials: list[str | None]) -> dict[int, str]:
    """Lines that are clutter because of their neighbours, not their own text: the items of a
    related-article list under its heading, and navigation menus (four or more very short
    link lines in a row). ``texts`` are the lines' compact texts."""
    forced: dict[int, str] = {}
    for i, text in enumerate(texts):
        if specials[i] == "chrome" and _chrome.related_heading(text):
            k = i + 1
            while (
                k < len(texts)
                and k - i <= 12
                and len(texts[k]) <= _MAX_LIST_ITEM
                and specials[k] in (None, "chrome")
                and not is_terminated(texts[k])
            ):
                if specials[k] is None:  # a footer below the list keeps its own reason
                    forced[k] = "related articles"
                k += 1

    def menu_item(k: int) -> bool:
        text = texts[k]
        return (
            specials[k] is None
            and 0 < len(text) <= _MAX_MENU_ITEM
            and not _SENTENCE_MARKS.search(text)
            and "：" not in text
        )

    i = 0
    while i < len(texts):
        k = i
        while k < len(texts) and menu_item(k):
            k += 1
        if k - i >= 4:
            forced.update(dict.fromkeys(range(i, k), "navigation menu"))
        i = max(k, i + 1)
    return forced


def _without_repeats(blocks: list[Block]) -> list[Block]:
    """A caption printed twice (with its credit, then alone) or a notice repeated right after
    itself: the copy is clutter, the first print stays where it is."""
    out = list(blocks)
    captions: set[str] = set()
    for k, block in enumerate(out):
        text = block.text
        if block.kind is K_CHROME:
            if block.chrome == "photo caption" and " " in text:
                # The caption is the sentence before the credit (`现场。 某报记者 某某摄`).
                stop = text.rfind("。")
                captions.add(text[: stop + 1] if stop >= 0 else text[: text.find(" ")])
            continue
        if block.kind is not K_TEXT or len(text) > 150:
            continue
        if text in captions:
            out[k] = replace(block, kind=Kind.CHROME, chrome="repeated caption")
            continue
        if len(text) < 8:
            continue
        for j in range(max(0, k - 3), k):
            if out[j].kind is K_TEXT and out[j].text == text:
                # A notice printed twice in a row is page furniture, both prints of it.
                for copy in (j, k):
                    out[copy] = replace(out[copy], kind=Kind.CHROME, chrome="repeated line")
                break
    return out


@dataclass(frozen=True, slots=True)
class _Layout:
    """What was measured about the lines, to decide where blocks break."""

    folded: str
    lines: list[Line]
    widths: list[int]
    wrap: int | None
    by_indent: bool
    specials: list[str | None]
    headlines: list[bool]
    facts: list[_Facts]

    def ends_sentence(self, i: int) -> bool:
        """A full stop, a byline after one, or a byline line of its own ends line ``i``."""
        line = self.lines[i]
        if is_terminated(self.folded[line.start : line.end]):
            return True
        facts = self.facts[i]
        return facts.own is not None or facts.trailing is not None

    def _headline_tail(self, i: int) -> bool:
        """A short plain line after a marked headline, with a new paragraph (or a
        designation) right after it, is the headline's second line."""
        line = self.lines[i]
        if self.specials[i] or line.end - line.start > _MAX_HEADLINE:
            return False
        if is_terminated(self.folded[line.start : line.end]):
            return False
        if i + 1 == len(self.lines):
            return False
        after = self.lines[i + 1]
        return after.blank_before or after.indented or self.specials[i + 1] is not None

    def runs_on(self, i: int) -> bool:
        """Whether line ``i`` continues the block of line ``i - 1``.

        Only a full (wrapped) line runs on, and not into an indented line when indentation
        marks paragraphs; a blank line always breaks (the assembler mends sentences a page
        break cut). A line that looks like a headline or a designation on its own still
        continues a sentence that the wrap cut (`…遗产保` / `护中心主任某某：`).
        """
        line, prev = self.lines[i], self.lines[i - 1]
        if line.blank_before or (self.by_indent and line.indented):
            return False
        if self.specials[i - 1] == "marker" and self._headline_tail(i):
            return True  # `■推动制造业数字化转型` / `走深走实`: one headline on two lines
        if not _wrapped(self.wrap, self.widths[i - 1]):
            return False
        special = self.specials[i]
        if special == "turn":
            # `姓名：…` after a finished sentence or a guest line opens a turn; after a line
            # the wrap cut (`…局长` / `某某：…`) it is the rest of a designation: plain text.
            if self.specials[i - 1] == "other" or self.ends_sentence(i - 1):
                return False
            special = None
        if self.specials[i - 1] == "marker" and not special:
            return True  # a marked headline wrapped onto a second line
        if not special and not self.headlines[i]:
            return True
        if special == "chrome" or self.ends_sentence(i - 1):
            return False
        if (
            special == "other"
        ):  # a byline line: only the rest of one the wrap cut (`全媒体`/`记者 X`)
            return _completes_byline(self.folded, prev, line)
        # After a marker line, a designation starts afresh unless positions run across.
        if (
            special == "designation"
            and self.specials[i - 1]
            and self.folded[prev.end - 1] not in "、，兼"
            and self.folded[line.start] not in "、，"
        ):
            return False
        return (
            not self.headlines[i]
            or _completes_byline(self.folded, prev, line)
            or _splits_positions(self.folded, prev, line)
        )


def _mend_split_designations(layout: _Layout, groups: list[list[int]]) -> list[list[int]]:
    """Rejoin `…院长、教授陆` + blank line + `知微：…`: a designation broken across blocks.

    Only when the second block does not start a designation of its own, so a headline above
    a designation is never glued to it.
    """
    folded, lines, specials, facts = layout.folded, layout.lines, layout.specials, layout.facts
    mended = [groups[0]]
    for group in groups[1:]:
        previous = mended[-1]
        first, last = lines[previous[0]], lines[previous[-1]]
        nxt = lines[group[0]]
        if (
            not specials[previous[0]]
            and "：" in folded[nxt.start : min(nxt.end, nxt.start + _MAX_DESIGNATION)]
            and last.end - first.start <= _MAX_DESIGNATION
            and not layout.ends_sentence(previous[-1])
        ):
            one_line = len(previous) == 1
            head = facts[previous[0]].view if one_line else compact(folded, first.start, last.end)
            # A block that starts something of its own, unless positions run across into
            # it; a guest-list line; or a label opening the next block: whole as it stands.
            if (
                (specials[group[0]] not in (None, "turn") and not _ends_inside_positions(head.text))
                or guest_line(head) is not None
                or _opens_with_label(facts[group[0]].view.text)
            ):
                mended.append(group)
                continue
            both = compact(folded, first.start, lines[group[0]].end)
            found = _designation(both)
            if found is not None and found[2] > len(head.text) + 1:
                previous.extend(group)
                continue
        mended.append(group)
    return mended


def _opens_with_label(text: str) -> bool:
    """`对话嘉宾：`, `记者：…`, `讲述人：…`: a label that starts a block of its own."""
    colon = text.find("：")
    head = text[: colon + 1] if colon >= 0 else text
    return (
        guest_list_label(head) is not None
        or question_label(text) is not None
        or speaker_label(text) is not None
    )


def _completes_byline(folded: str, prev: Line, line: Line) -> bool:
    """`…十八支。 全媒` + `体记者 宫立`: the line finishes a byline the wrap cut in two."""
    return _byline.trailing(compact(folded, prev.start, line.end)) is not None


def _splits_positions(folded: str, prev: Line, line: Line) -> bool:
    """`…馆长、市非物` + `质文化遗产保`: the lines hold a designation the wrap cut."""
    return _ends_inside_positions(compact(folded, prev.start, line.end).text)


def _ends_inside_positions(text: str) -> bool:
    """`…馆长、市非物质文化遗产保`: a whole position, a separator, then a broken one."""
    sep = max(text.rfind("、"), text.rfind("，"))
    return sep > 0 and title_suffix(text, sep) is not None


def _wrapped(wrap: int | None, width: int) -> bool:
    return wrap is not None and width >= wrap - 2


def _classify(
    folded: str,
    lines: list[Line],
    index: int,
    forced: str | None = None,
    *,
    facts: _Facts | None = None,
) -> Block:
    """``facts``: the lines' own facts when the caller has worked them out already.

    Each kind's block is built in one call: a block rebuilt field by field with
    ``dataclasses.replace`` costs more than the decision that made it.
    """
    start, end = lines[0].start, lines[-1].end
    if facts is None:
        facts = _facts(compact(folded, start, end))
    view = facts.view
    text = view.text
    terminated = is_terminated(text)
    block = partial(
        Block,
        start,
        end,
        view,
        blank_before=lines[0].blank_before,
        index=index,
        heading=lines[0].heading,
    )
    reason = forced or (facts.chrome if len(lines) <= 2 else None)
    if reason is not None and _AUTHOR.match(text) and facts.own is not None:
        reason = None
    if reason is not None:
        return block(kind=K_CHROME, chrome=reason, terminated=terminated)
    own = facts.own
    if own is not None:
        editors = own.end
        while editors < len(text) and text[editors] == " ":
            editors += 1
        return block(
            kind=K_BYLINE,
            byline=own,
            terminated=True,
            editors_from=editors if editors < len(text) else None,
        )
    subtitle = facts.subtitle
    if subtitle is not None:
        return block(kind=K_SUBTITLE, body_start=subtitle.end(), terminated=terminated)
    label = facts.label
    if label is not None:
        word_end = label.end()
        while word_end > 0 and text[word_end - 1] in " ：":
            word_end -= 1
        body_start = label.end()
        while body_start < len(text) and text[body_start] in " ：":
            body_start += 1
        return block(
            kind=K_LABEL,
            marker=(0, word_end),
            body_start=body_start,
            terminated=terminated,
        )
    # A page's top heading (`# 标题`) names the article, never a speaker.
    found = _designation(view) if lines[0].heading != 1 else None
    if found is not None:
        designation, marker_end, body_start = found
        bullet = _BULLETS.match(text) or facts.marker
        label_from = bullet.end() if bullet is not None else 0
        while label_from < len(text) and text[label_from] == " ":
            label_from += 1
        led = speaker_label(text, label_from) if marker_end else None
        speaker_label_span: tuple[int, int] | None = None
        form: str | None = None
        if led is not None:
            speaker_label_span, form = (label_from, led[0]), "label"
            marker_end = label_from
        if "——" in text[designation.extent_end : body_start]:
            form = "dash_ended"
        while body_start < len(text) and text[body_start] == " ":
            body_start += 1
        rest = text[body_start:]
        byline = _trailing_after(facts, body_start) if rest else None
        return block(
            kind=K_DESIGNATION,
            designation=designation,
            body_start=body_start,
            marker=(0, marker_end) if marker_end else None,
            terminated=byline is not None or not rest or is_terminated(rest),
            label=speaker_label_span,
            form=form,
            byline=byline,
        )
    if facts.bracketed:
        return block(
            kind=K_HEADLINE,
            brackets=True,
            body_start=1,
            body_end=len(text) - 1,
            terminated=terminated,
        )
    marker = facts.marker
    if marker is not None and len(text) <= _MAX_HEADLINE and not terminated:
        body_start = marker.end()
        while body_start < len(text) and text[body_start] == " ":
            body_start += 1
        return block(
            kind=K_HEADLINE, marker=(0, marker.end()), body_start=body_start, terminated=False
        )
    byline = _trailing_after(facts, 0)
    return block(byline=byline, terminated=byline is not None or terminated)


def _trailing_after(facts: _Facts, body_start: int) -> _byline.BylineMatch | None:
    """The byline ending the block, when it starts after ``body_start``."""
    found = facts.trailing
    return found if found is not None and found.start > body_start else None


def designation_at(text: str) -> tuple[Designation, int, int] | None:
    """A designation at the start of ``text``: (designation, marker end, body start).

    For passes that judge a piece of a block (a designation glued to a paragraph's end).
    """
    return _designation_in(text)
