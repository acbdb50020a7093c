"""Classified blocks to the report's skeleton: title, lead, speeches, bylines, leftovers.

Context decides what a plain block is: a short line without a full stop is a headline when a
designation follows it; a paragraph that stops mid-sentence continues in the next plain
block (a page or column break); a byline after the last speech belongs to the document
when no speech has one of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from speechparse.core.diagnostics import Code
from speechparse.core.lexicon import load_words
from speechparse.people.byline import BylineMatch, author_field, dateline
from speechparse.structure.blocks import (
    K_BYLINE,
    K_CHROME,
    K_DESIGNATION,
    K_GUEST,
    K_GUEST_LABEL,
    K_HEADLINE,
    K_LABEL,
    K_QUESTION,
    K_SUBTITLE,
    K_TEXT,
    Block,
)
from speechparse.structure.forms import mark_layout_forms

_MAX_TITLE = 60
_MAX_HEADLINE = 40


@dataclass(frozen=True, slots=True)
class Piece:
    """A source range [start, end) produced from a block."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DraftByline:
    """A byline found in a block's compact view."""

    block: Block
    match: BylineMatch


@dataclass(frozen=True, slots=True)
class Leftover:
    """Source text set aside, with the diagnostic code and message that say why."""

    code: Code
    message: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DraftSpeech:
    """A speech before decomposition."""

    designation: Block
    headline: Block | None
    paragraphs: tuple[Piece, ...]
    byline: DraftByline | None


@dataclass(frozen=True, slots=True)
class DraftQuestion:
    """An interviewer's turn: the block it opens with and the paragraphs after it."""

    block: Block
    paragraphs: tuple[Piece, ...]
    section: int | None
    before_speech: int | None


@dataclass(frozen=True, slots=True)
class DraftSection:
    """A section head between a dialogue's turns and the text under it before any turn."""

    heading: Block
    paragraphs: tuple[Piece, ...]
    first_speech: int | None


@dataclass(frozen=True, slots=True)
class Draft:
    """Stage 5's result: everything the assembler decided, in source coordinates."""

    title: Block | None
    kicker: Block | None
    subtitle: Block | None
    lead_label: Piece | None
    lead: tuple[Piece, ...]
    byline: DraftByline | None
    speeches: tuple[DraftSpeech, ...]
    leftovers: tuple[Leftover, ...]
    guest_label: Block | None
    guests: tuple[Block, ...]
    questions: tuple[DraftQuestion, ...]
    sections: tuple[DraftSection, ...]


@dataclass(slots=True)
class _OpenSpeech:
    """A speech while the walk is still inside it."""

    designation: Block
    headline: Block | None = None
    paragraphs: list[Piece] = field(default_factory=list)
    byline: DraftByline | None = None
    byline_is_line: bool = False
    open_paragraph: bool = False  # the last paragraph stopped mid-sentence
    closed_at: int | None = None  # paragraphs of its own when a dash attribution closed it

    def done(self) -> DraftSpeech:
        return DraftSpeech(self.designation, self.headline, tuple(self.paragraphs), self.byline)


@dataclass(slots=True)
class _OpenQuestion:
    """An interviewer's turn while the walk is inside it."""

    block: Block
    paragraphs: list[Piece]
    section: int | None
    before_speech: int | None = None
    open_paragraph: bool = False

    def done(self) -> DraftQuestion:
        return DraftQuestion(self.block, tuple(self.paragraphs), self.section, self.before_speech)


@dataclass(slots=True)
class _OpenSection:
    """A dialogue's section head while the walk is inside it."""

    heading: Block
    paragraphs: list[Piece] = field(default_factory=list)
    first_speech: int | None = None
    open_paragraph: bool = False

    def done(self) -> DraftSection:
        return DraftSection(self.heading, tuple(self.paragraphs), self.first_speech)


@dataclass(slots=True)
class _Walk:
    """What a reader keeps in mind while reading the blocks top to bottom."""

    title: Block | None = None
    kicker: Block | None = None
    subtitle: Block | None = None
    lead_label: Piece | None = None
    lead: list[Piece] = field(default_factory=list)
    byline: DraftByline | None = None
    speeches: list[_OpenSpeech] = field(default_factory=list)
    leftovers: list[Leftover] = field(default_factory=list)
    last_leftover: int = -2  # index of the block recorded last, to merge adjacent ones
    guest_label: Block | None = None
    guests: list[Block] = field(default_factory=list)
    questions: list[_OpenQuestion] = field(default_factory=list)
    sections: list[_OpenSection] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # blocks already used (a headline below)
    # The byline came from a meta line's author field: a byline line under the title, which
    # writes out every reporter, replaces it.
    byline_from_meta: bool = False

    def done(self) -> Draft:
        return Draft(
            title=self.title,
            kicker=self.kicker,
            subtitle=self.subtitle,
            lead_label=self.lead_label,
            lead=tuple(self.lead),
            byline=self.byline,
            speeches=tuple(s.done() for s in self.speeches),
            leftovers=tuple(self.leftovers),
            guest_label=self.guest_label,
            guests=tuple(self.guests),
            questions=tuple(q.done() for q in self.questions),
            sections=tuple(s.done() for s in self.sections),
        )


def _body(block: Block, body_start: int | None = None) -> Piece:
    return Piece(*_body_span(block, body_start))


def _body_span(block: Block, body_start: int | None = None) -> tuple[int, int]:
    """Source range of the block's content: past its marker or label, before its byline."""
    end_c = block.byline.start if block.byline is not None else len(block.text)
    if block.body_end is not None:
        end_c = block.body_end
    start = block.body_start if body_start is None else body_start
    return block.view.span(start, end_c)


def _headline_like(block: Block) -> bool:
    if block.kind is K_HEADLINE:
        return True
    text = block.text
    return (
        block.kind is K_TEXT
        and block.byline is None
        and not text.endswith(("，", "、", "；"))  # a clause cut before a speaker in the text
        and 0 < len(text) <= _MAX_HEADLINE
        and (not block.terminated or text.endswith(("？", "！")))
        and "：" not in text[:-1]
        # A line wholly in round brackets is a note or a credit, never a headline.
        and not (text.startswith("（") and text.endswith("）"))
    )


_KICKER_END = ("——", "—", "--")
_BODY_KINDS = (K_DESIGNATION, K_LABEL, K_GUEST_LABEL, K_GUEST)
_MAX_TITLE_SCAN = 12


def _choose_title(blocks: list[Block], after: list[int]) -> tuple[int | None, int | None]:
    """The blocks holding the title and the kicker above it, if any.

    A title is chosen by what it looks like and where it stands, not by being the first
    short line: it stands before the body (the scan stops at the first sentence paragraph or
    speaker), it is a short line with no sentence end, and evidence adds up — a Markdown
    heading (`#` most of all), a genre label at its end (…发言摘要; e-paper pages list other
    headlines of the page above the report), a `——` subtitle or a byline right under it.
    A very short line (a column tag like `在现场`) needs such evidence to win. The kicker is
    the line right above the title that introduces it (`引题——`, or a lower-level heading).
    """
    labels = load_words("genre_labels")
    candidates: list[tuple[int, int]] = []
    seen = 0
    page_top = _page_top_end(blocks)
    skipped = False
    for k, block in enumerate(blocks):
        if block.kind is K_CHROME:
            continue
        seen += 1
        if block.kind is K_DESIGNATION and not candidates and _speaker_kicker(blocks, after, k):
            continue
        if block.kind in _BODY_KINDS or seen > _MAX_TITLE_SCAN:
            break  # a speaker, a label or a guest list: the body has begun
        if block.kind is not K_TEXT:
            continue
        if not _title_like(block):
            if k < page_top:  # junk above the page's own chrome (an unknown advertisement)
                skipped = True
                continue
            break  # the body has begun
        text = block.text.replace(" ", "")
        if len(text) < 2 or text.endswith(_KICKER_END):
            continue
        _, nxt = _next_content(blocks, after, k)
        if skipped and nxt is not None and nxt.kind is K_DESIGNATION:
            continue  # past skipped junk, a line over a speaker is its headline
        score = 0
        if block.heading:
            score += {1: 6, 2: 4}.get(block.heading, 2)
        if text.endswith(labels):
            score += 5
        if nxt is not None and nxt.kind is K_SUBTITLE:
            score += 3
        if (
            _over_meta(blocks, k)
            or _over_lead(nxt)
            or (nxt is not None and (nxt.kind is K_BYLINE or dateline(nxt.view) is not None))
        ):
            score += 2
        if not candidates:
            score += 1
        if len(text) < 4 and not block.heading:
            score -= 2
        candidates.append((score, k))
    if not candidates:
        return None, None
    best = max(candidates, key=lambda c: (c[0], -c[1]))[1]
    return best, _kicker(blocks, best)


# An article's meta lines: the title stands right above them, a channel name does not.
_META = frozenset({"meta line", "date line", "edition line", "source line"})


def _over_meta(blocks: list[Block], k: int) -> bool:
    """Whether the page's meta lines (source, time, author) follow block ``k`` directly.

    A site prints its channel or section name (a short line) above the headline, and the
    headline right above the article's meta lines: of two title-like lines, the one over
    the meta lines is the title.
    """
    j = k + 1
    while j < len(blocks) and blocks[j].kind is K_CHROME:
        if blocks[j].chrome in _META:
            return True
        j += 1
    return False


def _over_lead(block: Block | None) -> bool:
    """Whether ``block`` opens the body with a lead sentence (not a speaker's words)."""
    if block is None or block.kind is not K_TEXT or _title_like(block):
        return False
    colon = block.text.find("：")
    return colon < 0 or colon > _MAX_HEADLINE


# Chrome that only the top of a page carries: text above it is page furniture too.
_PAGE_TOP = frozenset(
    {"breadcrumb", "edition line", "masthead", "meta line", "date line", "navigation menu",
     "language switch", "advertisement", "app banner", "placeholder", "running head"}
)  # fmt: skip
_PAGE_TOP_SCAN = 10


def _speaking_kicker(blocks: list[Block], after: list[int]) -> int | None:
    """A kicker line that is a designation ended by a dash (`全国政协委员某某——`), standing
    first over a title line and the reporter's byline: a portrait of one person, whose words
    the whole piece reports. The index of that kicker, or None."""
    k = next((i for i, b in enumerate(blocks) if b.kind is not K_CHROME), None)
    if k is None:
        return None
    block = blocks[k]
    if (
        block.kind is not K_DESIGNATION
        or block.form != "dash_ended"
        or block.body_start < len(block.text)
        or block.designation is None
        or block.designation.doubts
    ):
        return None
    title_at = after[k]
    title = blocks[title_at] if title_at < len(blocks) else None
    if title is None or title.kind is not K_TEXT or not _title_like(title):
        return None
    below_at = after[title_at]
    below = blocks[below_at] if below_at < len(blocks) else None
    if below is None or below.kind is not K_BYLINE or below.byline is None:
        return None
    return k


def _page_top_end(blocks: list[Block]) -> int:
    """Index of the last page-top chrome block among the first blocks, before any speaker."""
    end = 0
    for k, block in enumerate(blocks[:_PAGE_TOP_SCAN]):
        if block.kind is K_DESIGNATION:
            break
        if block.kind is K_CHROME and block.chrome in _PAGE_TOP:
            end = k
    return end


def _speaker_kicker(blocks: list[Block], after: list[int], k: int) -> bool:
    """Whether designation block ``k`` is a kicker naming the report's one speaker above
    the title (`### 某某委员、某某研究员某某——` over `# 标题`).

    It ends with a dash and stands over a title-like line that is a heading of a higher
    level (or, without Markdown, over a title-like line that the body follows).
    """
    block = blocks[k]
    if not block.text.endswith(_KICKER_END) or block.body_start < len(block.text):
        return False
    _, nxt = _next_content(blocks, after, k)
    if nxt is None or nxt.kind is not K_TEXT or not _title_like(nxt):
        return False
    if block.heading:
        return bool(nxt.heading) and nxt.heading < block.heading
    return not nxt.heading


def _kicker(blocks: list[Block], title: int) -> int | None:
    for k in range(title - 1, -1, -1):
        block = blocks[k]
        if block.kind is K_CHROME:
            continue
        if block.kind is K_DESIGNATION:
            return k if block.text.endswith(_KICKER_END) else None
        if block.kind is not K_TEXT or not _title_like(block):
            return None
        head = blocks[title].heading
        lower_heading = bool(head and block.heading > head)
        return k if block.text.endswith(_KICKER_END) or lower_heading else None
    return None


def _title_like(block: Block) -> bool:
    text = block.text
    return len(text) <= _MAX_TITLE and (not block.terminated or text.endswith(("？", "！")))


def _content_after(blocks: list[Block]) -> list[int]:
    """For each block, the index of the next block that is not page chrome (``len`` if none).

    Computed once, back to front, so a page of nothing but chrome costs linear time.
    """
    after = [len(blocks)] * len(blocks)
    following = len(blocks)
    for k in range(len(blocks) - 1, -1, -1):
        after[k] = following
        if blocks[k].kind is not K_CHROME:
            following = k
    return after


def _next_content(blocks: list[Block], after: list[int], i: int) -> tuple[int, Block | None]:
    """The next block after ``i`` that is not page chrome, with its index."""
    k = after[i]
    return k, blocks[k] if k < len(blocks) else None


def assemble(blocks: list[Block]) -> Draft:
    """Stage 5: walk the blocks once, top to bottom, keeping the state a reader would keep."""
    blocks = mark_layout_forms(blocks)
    draft = _Walk()
    after = _content_after(blocks)
    first, kicker = _choose_title(blocks, after)
    speaking_kicker = _speaking_kicker(blocks, after) if first is None else None
    if speaking_kicker is not None:
        first = after[speaking_kicker]
    pending_headline: Block | None = None
    lead_mark: int | None = None  # lead pieces under a headline before the first speech
    speaker: Block | None = None  # a kicker naming the speaker, until the body begins
    current: _OpenSpeech | None = None
    question: _OpenQuestion | None = None
    section: _OpenSection | None = None
    head = [kicker, speaking_kicker, first, None if first is None else after[first]]
    head_last = max((k for k in head if k is not None), default=-1)
    count = len(blocks)
    for i, block in enumerate(blocks):
        k = after[i]
        nxt = blocks[k] if k < count else None
        kind = block.kind
        if block.editors_from is not None:
            start, end = block.view.span(block.editors_from, len(block.text))
            draft.leftovers.append(
                Leftover(Code.PAGE_CHROME, "page chrome (editor credits) set aside", start, end)
            )
        if kind is K_CHROME and block.chrome == "meta line" and not draft.speeches:
            author = author_field(block.view) if draft.byline is None else None
            if author is not None:
                draft.byline, draft.byline_from_meta = DraftByline(block, author), True
        if kind is K_CHROME:
            # A sentence the page cut stays open across the chrome: the paragraph continues on
            # the other side (its span then holds the chrome, which this diagnostic marks).
            _leftover(draft, block, Code.PAGE_CHROME, f"page chrome ({block.chrome}) set aside")
            continue
        # The head of the report (kicker, title, subtitle) and a speaker named above the title
        # ask questions of their own; past them, with no such speaker, none applies.
        if i <= head_last or speaker is not None or speaking_kicker is not None:
            if i == kicker:
                draft.kicker = block
                if kind is K_DESIGNATION:
                    speaker = block  # the kicker names the speaker; the speech opens with the body
                continue
            if i == speaking_kicker:
                # `全国政协委员某某——` over the title: the whole piece is that person's.
                current = _OpenSpeech(block)
                draft.speeches.append(current)
                continue
            if (
                speaking_kicker is not None
                and kind is K_BYLINE
                and block.byline is not None
                and current is not None
                and not current.paragraphs
                and draft.byline is None
            ):
                draft.byline = DraftByline(block, block.byline)  # the reporter under the title
                continue
            if (
                speaker is not None
                and current is None
                and first is not None
                and i > first
                and kind in (K_TEXT, K_LABEL)
                and not (kind is K_TEXT and _title_like(block) and block.heading)
            ):
                current = _OpenSpeech(speaker, headline=pending_headline)
                pending_headline, speaker = None, None
                draft.speeches.append(current)
            if first is not None and i < first:
                _leftover(draft, block, Code.BEFORE_TITLE, "a line above the report's title")
                continue
            if i == first and kind is K_TEXT and _title_like(block):
                draft.title = block
                continue
            if (
                first is not None
                and i == after[first]
                and draft.title is not None
                and draft.subtitle is None
                and kind is K_TEXT
                and _title_like(block)
                and 0 < draft.title.heading < block.heading
                and not (nxt is not None and nxt.kind is K_DESIGNATION)  # a speech's headline
            ):
                draft.subtitle = block  # `## 副题` right under `# 标题`
                continue
        if (
            kind is K_SUBTITLE
            and draft.subtitle is None  # a second one must not replace (and lose) the first
            and not draft.speeches
            and current is None
        ):
            draft.subtitle = block
            continue
        if kind is K_GUEST_LABEL:
            # A label repeated for each guest lies inside the list the first one opens.
            draft.guest_label = draft.guest_label or block
            continue
        if kind is K_GUEST:
            draft.guests.append(block)
            continue
        if block.section:
            # A dialogue's section head: the headline of the first turn under it, and the
            # opening of a section that collects the text before that turn (a scene).
            if pending_headline is not None:
                _orphan_headline(draft, pending_headline)
            pending_headline, current, question = block, None, None
            section = _OpenSection(block)
            draft.sections.append(section)
            continue
        if kind is K_QUESTION:
            current = None
            where = len(draft.sections) - 1 if draft.sections else None
            question = _OpenQuestion(block, [_body(block)], where)
            question.open_paragraph = not block.terminated
            draft.questions.append(question)
            continue
        if kind is K_DESIGNATION:
            previous = current
            current = _OpenSpeech(block, headline=pending_headline)
            pending_headline = None
            if question is not None and question.before_speech is None:
                question.before_speech = len(draft.speeches)
            if section is not None and section.first_speech is None:
                section.first_speech = len(draft.speeches)
            question = None
            draft.speeches.append(current)
            if _closes(block) and previous is not None and previous.closed_at is not None:
                # `……。——某某代表`: the paragraphs since the last closed speech are this one's.
                current.paragraphs = previous.paragraphs[previous.closed_at :]
                del previous.paragraphs[previous.closed_at :]
            elif block.form == "author_note" and previous is None:
                # A signed piece: everything under the title is the author's.
                current.paragraphs, draft.lead = draft.lead, []
                _take_byline(draft, current, block)
            elif _closes(block) and previous is None and lead_mark is not None:
                # The first closed speech: what stood under its headline is its own.
                current.paragraphs = draft.lead[lead_mark:]
                del draft.lead[lead_mark:]
            if block.body_start < len(block.text):
                current.paragraphs.append(_body(block))
                current.open_paragraph = not block.terminated
                _take_byline(draft, current, block)
                if _closes(block):
                    current.closed_at = len(current.paragraphs)
            elif nxt is not None and current.headline is None and _headline_like(nxt):
                _, below = _next_content(blocks, after, k)
                if below is not None and below.kind is K_TEXT and not _headline_like(below):
                    current.headline = nxt
                    draft.taken.add(k)
            continue
        if i in draft.taken:
            continue
        above_designation = nxt is not None and nxt.kind is K_DESIGNATION
        if kind is K_HEADLINE or (above_designation and _headline_like(block)):
            if pending_headline is not None:
                _orphan_headline(draft, pending_headline)
            pending_headline = block
            lead_mark = len(draft.lead) if current is None else None
            continue
        if current is None and question is not None and kind is K_TEXT:
            _continue(question, block)
            continue
        if current is None and section is not None and kind is K_TEXT:
            _continue(section, block)
            continue
        if current is None:
            _before_speeches(draft, block)
            continue
        if kind is K_BYLINE:
            if current.byline is None and block.byline is not None:
                current.byline = DraftByline(block, block.byline)
                current.byline_is_line = True
            else:
                _leftover(draft, block, Code.UNCLASSIFIED, "a second byline for one speech")
            current.open_paragraph = False
            continue
        if kind in (K_TEXT, K_LABEL, K_SUBTITLE):
            if current.byline is not None and current.byline_is_line:
                _leftover(draft, block, Code.TRAILING_TEXT, "text after a speech's byline")
                continue
            start, end = _body_span(block) if kind is K_TEXT else (block.start, block.end)
            if current.open_paragraph and current.paragraphs:
                current.paragraphs[-1] = Piece(current.paragraphs[-1].start, end)
            else:
                current.paragraphs.append(Piece(start, end))
            current.open_paragraph = not block.terminated
            if block.byline is not None:
                _take_byline(draft, current, block)
            continue
        _leftover(draft, block, Code.UNCLASSIFIED, "a line the parser could not place")
    if pending_headline is not None:
        _orphan_headline(draft, pending_headline)
    _document_byline_at_end(draft)
    _section_bylines(draft)
    return draft.done()


def _continue(holder: _OpenQuestion | _OpenSection, block: Block) -> None:
    """A paragraph of a question or of a section's opening text; a cut sentence runs on."""
    # A byline inside such text stays in the paragraph rather than being lost.
    start, end = (
        _body_span(block)
        if block.byline is None
        else block.view.span(block.body_start, len(block.text))
    )
    if holder.open_paragraph and holder.paragraphs:
        holder.paragraphs[-1] = Piece(holder.paragraphs[-1].start, end)
    else:
        holder.paragraphs.append(Piece(start, end))
    holder.open_paragraph = not block.terminated


def _closes(block: Block) -> bool:
    """Whether the block's speaker stands after the speech, behind a dash."""
    return block.designation is not None and block.designation.form == "dash"


def _section_bylines(draft: _Walk) -> None:
    """In a round-up whose sections each close with a byline line, the byline credits every
    speech of its section, not only the last one.

    Only when two or more byline lines close groups of speeches and every group holds several
    speeches; where some speech has a byline line of its own, each byline is its speech's.
    """
    groups: list[list[_OpenSpeech]] = [[]]
    for speech in draft.speeches:
        groups[-1].append(speech)
        if speech.byline is not None:
            if not speech.byline_is_line:
                return  # speeches credited in their own paragraphs: no sections
            groups.append([])
    closed = [g for g in groups if g and g[-1].byline is not None]
    if len(closed) < 2 or any(len(g) == 1 for g in closed):
        return
    for group in closed:
        for speech in group[:-1]:
            speech.byline, speech.byline_is_line = group[-1].byline, True


def _take_byline(draft: _Walk, speech: _OpenSpeech, block: Block) -> None:
    """The block's trailing byline credits the speech; a second one is reported, not lost."""
    if block.byline is None:
        return
    if speech.byline is None:
        speech.byline = DraftByline(block, block.byline)
        return
    start, end = block.view.span(block.byline.start, block.byline.end)
    draft.leftovers.append(
        Leftover(Code.UNCLASSIFIED, "a second byline for one speech", start, end)
    )


def _byline_open(draft: _Walk) -> bool:
    """Whether a byline found before the speeches becomes the document's."""
    return draft.byline is None or draft.byline_from_meta


def _before_speeches(draft: _Walk, block: Block) -> None:
    """Blocks between the title and the first speech: lead, editor's note, top byline."""
    if block.kind is K_BYLINE and block.byline is not None and _byline_open(draft):
        draft.byline, draft.byline_from_meta = DraftByline(block, block.byline), False
        return
    if block.kind is K_LABEL:
        if block.marker is not None and draft.lead_label is None:
            start, end = block.view.span(*block.marker)
            draft.lead_label = Piece(start, end)
        if block.body_start < len(block.text):
            draft.lead.append(_body(block))
        return
    if block.kind in (K_TEXT, K_SUBTITLE):
        top = dateline(block.view) if not draft.lead else None
        body_start = block.body_start
        if top is not None and _byline_open(draft):
            draft.byline, draft.byline_from_meta = DraftByline(block, top), False
            if top.start > 0:  # a date or a photo caption glued before the dateline
                start, end = block.view.span(0, top.start)
                message = "page chrome (date and photo caption glued to the dateline) set aside"
                draft.leftovers.append(Leftover(Code.PAGE_CHROME, message, start, end))
            body_start = top.end
            while body_start < len(block.text) and block.text[body_start] in " ，":
                body_start += 1
        if body_start < len(block.text):
            draft.lead.append(_body(block, body_start))
        if block.byline is not None:
            if _byline_open(draft):
                draft.byline, draft.byline_from_meta = DraftByline(block, block.byline), False
            else:
                _leftover(draft, block, Code.UNCLASSIFIED, "a second byline before the speeches")
        return
    _leftover(draft, block, Code.UNCLASSIFIED, "a line the parser could not place")


def _document_byline_at_end(draft: _Walk) -> None:
    """A lone byline line closing the report credits the whole report, not its last speech;
    so does a bracketed byline after the report's last sentence (`……。（某社记者 某某）`)
    when no speech has a byline of its own (a column crediting each speech gives every one).

    When the report already has a byline at the top, a closing line is reported beside it
    rather than credited to the last speech, and a bracketed tail stays the speech's own.
    """
    if len(draft.speeches) < 2:
        return
    last = draft.speeches[-1]
    if last.byline is None:
        return
    if not last.byline_is_line and (not _byline_open(draft) or not _closes_report(last)):
        return  # beside a byline at the top, a bracketed tail is the last speech's own
    if any(s.byline is not None for s in draft.speeches[:-1]):
        return
    if _byline_open(draft):  # a meta line's author field gives way to the report's own
        draft.byline, last.byline, draft.byline_from_meta = last.byline, None, False
        return
    closing = last.byline
    last.byline = None
    start, end = closing.block.view.span(closing.match.start, closing.match.end)
    draft.leftovers.append(
        Leftover(
            Code.BYLINE_CLOSING,
            "a closing byline for the whole report, beside the one at the top",
            start,
            end,
        )
    )


def _closes_report(speech: _OpenSpeech) -> bool:
    """Whether the speech's byline, written after a sentence (`……。（某社记者 某某）`),
    is the last thing of the report: nothing of the speech follows it."""
    assert speech.byline is not None
    if speech.byline.match.form != "parenthesized":
        return False  # ` 记者 某某` run on after a sentence is the speech's own credit
    start, _ = speech.byline.block.view.span(speech.byline.match.start, speech.byline.match.end)
    return all(p.end <= start for p in speech.paragraphs)


def _orphan_headline(draft: _Walk, block: Block) -> None:
    _leftover(draft, block, Code.UNCLASSIFIED, "a headline with no speech under it")


def _leftover(draft: _Walk, block: Block, code: Code, message: str) -> None:
    """Record a block set aside; adjacent blocks set aside alike become one diagnostic."""
    if draft.leftovers and draft.last_leftover == block.index - 1:
        last = draft.leftovers[-1]
        if last.code == code and last.message == message:
            draft.leftovers[-1] = Leftover(last.code, last.message, last.start, block.end)
            draft.last_leftover = block.index
            return
    draft.leftovers.append(Leftover(code, message, block.start, block.end))
    draft.last_leftover = block.index
