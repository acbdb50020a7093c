"""Classified blocks to the report's skeleton: title, lead, speeches, bylines, leftovers.

Context decides what a plain block is: a short line without a full stop is a headline when a
designation follows it; a paragraph that stops mid-sentence continues in the next plain
block (a page or column break); a byline after the last speech belongs to the document
when no speech has one of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from speechparse.core.lexicon import load_words
from speechparse.people.byline import BylineMatch, dateline
from speechparse.structure.blocks import Block, Kind
from speechparse.structure.forms import mark_layout_forms

_MAX_TITLE = 60
_MAX_HEADLINE = 40


@dataclass(slots=True)
class Piece:
    """A source range [start, end) produced from a block, and the block it came from."""

    start: int
    end: int


@dataclass(slots=True)
class DraftByline:
    """A byline found in a block's compact view."""

    block: Block
    match: BylineMatch


@dataclass(slots=True)
class DraftSpeech:
    """A speech before decomposition."""

    designation: Block
    headline: Block | None = None
    paragraphs: list[Piece] = field(default_factory=list)
    byline: DraftByline | None = None
    byline_is_line: bool = False
    open_paragraph: bool = False  # the last paragraph stopped mid-sentence
    closed_at: int | None = None  # paragraphs of its own when a dash attribution closed it


@dataclass(slots=True)
class DraftQuestion:
    """An interviewer's turn: the block it opens with and the paragraphs after it."""

    block: Block
    paragraphs: list[Piece]
    section: int | None
    before_speech: int | None = None
    open_paragraph: bool = False


@dataclass(slots=True)
class DraftSection:
    """A section head between a dialogue's turns and the text under it before any turn."""

    heading: Block
    paragraphs: list[Piece] = field(default_factory=list)
    first_speech: int | None = None
    open_paragraph: bool = False


@dataclass(slots=True)
class Draft:
    """Everything the assembler decided, in source coordinates."""

    title: Block | None = None
    kicker: Block | None = None
    subtitle: Block | None = None
    lead_label: Piece | None = None
    lead: list[Piece] = field(default_factory=list)
    byline: DraftByline | None = None
    speeches: list[DraftSpeech] = field(default_factory=list)
    leftovers: list[tuple[str, str, int, int]] = field(default_factory=list)
    last_leftover: int = -2  # index of the block recorded last, to merge adjacent ones
    guest_label: Block | None = None
    guests: list[Block] = field(default_factory=list)
    questions: list[DraftQuestion] = field(default_factory=list)
    sections: list[DraftSection] = field(default_factory=list)


def _body(block: Block) -> Piece:
    end_c = block.byline.start if block.byline is not None else len(block.text)
    if block.body_end is not None:
        end_c = block.body_end
    start, end = block.view.span(block.body_start, end_c)
    return Piece(start, end)


def _headline_like(block: Block) -> bool:
    if block.kind is Kind.HEADLINE:
        return True
    text = block.text
    return (
        block.kind is Kind.TEXT
        and block.byline is None
        and not text.endswith(("，", "、", "；"))  # a clause cut before a speaker in the text
        and 0 < len(text) <= _MAX_HEADLINE
        and (not block.terminated or text.endswith(("？", "！")))
        and "：" not in text[:-1]
        # A line wholly in round brackets is a note or a credit, never a headline.
        and not (text.startswith("（") and text.endswith("）"))
    )


_KICKER_END = ("——", "—", "--")
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
        if block.kind is Kind.CHROME:
            continue
        seen += 1
        if block.kind is Kind.DESIGNATION or block.kind is Kind.LABEL or seen > _MAX_TITLE_SCAN:
            break
        if block.kind is not Kind.TEXT:
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
        if skipped and nxt is not None and nxt.kind is Kind.DESIGNATION:
            continue  # past skipped junk, a line over a speaker is its headline
        score = 0
        if block.heading:
            score += {1: 6, 2: 4}.get(block.heading, 2)
        if text.endswith(labels):
            score += 5
        if nxt is not None and nxt.kind is Kind.SUBTITLE:
            score += 3
        if nxt is not None and (nxt.kind is Kind.BYLINE or dateline(nxt.view) is not None):
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
    k = next((i for i, b in enumerate(blocks) if b.kind is not Kind.CHROME), None)
    if k is None:
        return None
    block = blocks[k]
    if (
        block.kind is not Kind.DESIGNATION
        or block.form != "dash_ended"
        or block.body_start < len(block.text)
        or block.designation is None
        or block.designation.doubts
    ):
        return None
    title_at = after[k]
    title = blocks[title_at] if title_at < len(blocks) else None
    if title is None or title.kind is not Kind.TEXT or not _title_like(title):
        return None
    below_at = after[title_at]
    below = blocks[below_at] if below_at < len(blocks) else None
    if below is None or below.kind is not Kind.BYLINE or below.byline is None:
        return None
    return k


def _page_top_end(blocks: list[Block]) -> int:
    """Index of the last page-top chrome block among the first blocks, before any speaker."""
    end = 0
    for k, block in enumerate(blocks[:_PAGE_TOP_SCAN]):
        if block.kind is Kind.DESIGNATION:
            break
        if block.kind is Kind.CHROME and block.chrome in _PAGE_TOP:
            end = k
    return end


def _kicker(blocks: list[Block], title: int) -> int | None:
    for k in range(title - 1, -1, -1):
        block = blocks[k]
        if block.kind is Kind.CHROME:
            continue
        if block.kind is not Kind.TEXT or not _title_like(block):
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
        if blocks[k].kind is not Kind.CHROME:
            following = k
    return after


def _next_content(blocks: list[Block], after: list[int], i: int) -> tuple[int, Block | None]:
    """The next block after ``i`` that is not page chrome, with its index."""
    k = after[i]
    return k, blocks[k] if k < len(blocks) else None


def assemble(blocks: list[Block]) -> Draft:
    """Walk the blocks once, top to bottom, keeping the state a reader would keep."""
    blocks = mark_layout_forms(blocks)
    draft = Draft()
    after = _content_after(blocks)
    first, kicker = _choose_title(blocks, after)
    speaking_kicker = _speaking_kicker(blocks, after) if first is None else None
    if speaking_kicker is not None:
        first = after[speaking_kicker]
    pending_headline: Block | None = None
    lead_mark: int | None = None  # lead pieces under a headline before the first speech
    current: DraftSpeech | None = None
    question: DraftQuestion | None = None
    section: DraftSection | None = None
    for i, block in enumerate(blocks):
        k, nxt = _next_content(blocks, after, i)
        if block.editors_from is not None:
            start, end = block.view.span(block.editors_from, len(block.text))
            draft.leftovers.append(
                ("layout.page_chrome", "page chrome (editor credits) set aside", start, end)
            )
        if block.kind is Kind.CHROME:
            # A sentence the page cut stays open across the chrome: the paragraph continues on
            # the other side (its span then holds the chrome, which this diagnostic marks).
            _leftover(draft, block, "layout.page_chrome", f"page chrome ({block.chrome}) set aside")
            continue
        if i == kicker:
            draft.kicker = block
            continue
        if i == speaking_kicker:
            # `全国政协委员某某——` over the title: the whole piece is that person's.
            current = DraftSpeech(block)
            draft.speeches.append(current)
            continue
        if (
            speaking_kicker is not None
            and block.kind is Kind.BYLINE
            and block.byline is not None
            and current is not None
            and not current.paragraphs
            and draft.byline is None
        ):
            draft.byline = DraftByline(block, block.byline)  # the reporter under the title
            continue
        if first is not None and i < first:
            _leftover(draft, block, "layout.before_title", "a line above the report's title")
            continue
        if i == first and block.kind is Kind.TEXT and _title_like(block):
            draft.title = block
            continue
        if (
            block.kind is Kind.SUBTITLE
            and draft.subtitle is None  # a second one must not replace (and lose) the first
            and not draft.speeches
            and current is None
        ):
            draft.subtitle = block
            continue
        if block.kind is Kind.GUEST_LABEL:
            # A label repeated for each guest lies inside the list the first one opens.
            draft.guest_label = draft.guest_label or block
            continue
        if block.kind is Kind.GUEST:
            draft.guests.append(block)
            continue
        if block.section:
            # A dialogue's section head: the headline of the first turn under it, and the
            # opening of a section that collects the text before that turn (a scene).
            if pending_headline is not None:
                _orphan_headline(draft, pending_headline)
            pending_headline, current, question = block, None, None
            section = DraftSection(block)
            draft.sections.append(section)
            continue
        if block.kind is Kind.QUESTION:
            current = None
            where = len(draft.sections) - 1 if draft.sections else None
            question = DraftQuestion(block, [_body(block)], where)
            question.open_paragraph = not block.terminated
            draft.questions.append(question)
            continue
        if block.kind is Kind.DESIGNATION:
            previous = current
            current = DraftSpeech(block, headline=pending_headline)
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
                if below is not None and below.kind is Kind.TEXT and not _headline_like(below):
                    current.headline = nxt
                    nxt.taken = True
            continue
        if block.taken:
            continue
        above_designation = nxt is not None and nxt.kind is Kind.DESIGNATION
        if block.kind is Kind.HEADLINE or (_headline_like(block) and above_designation):
            if pending_headline is not None:
                _orphan_headline(draft, pending_headline)
            pending_headline = block
            lead_mark = len(draft.lead) if current is None else None
            continue
        if current is None and question is not None and block.kind is Kind.TEXT:
            _continue(question, block)
            continue
        if current is None and section is not None and block.kind is Kind.TEXT:
            _continue(section, block)
            continue
        if current is None:
            _before_speeches(draft, block)
            continue
        if block.kind is Kind.BYLINE:
            if current.byline is None and block.byline is not None:
                current.byline = DraftByline(block, block.byline)
                current.byline_is_line = True
            else:
                _leftover(draft, block, "layout.unclassified", "a second byline for one speech")
            current.open_paragraph = False
            continue
        if block.kind in (Kind.TEXT, Kind.LABEL, Kind.SUBTITLE):
            if current.byline is not None and current.byline_is_line:
                _leftover(draft, block, "layout.trailing_text", "text after a speech's byline")
                continue
            piece = _body(block) if block.kind is Kind.TEXT else Piece(block.start, block.end)
            if current.open_paragraph and current.paragraphs:
                current.paragraphs[-1].end = piece.end
            else:
                current.paragraphs.append(piece)
            current.open_paragraph = not block.terminated
            _take_byline(draft, current, block)
            continue
        _leftover(draft, block, "layout.unclassified", "a line the parser could not place")
    if pending_headline is not None:
        _orphan_headline(draft, pending_headline)
    _document_byline_at_end(draft)
    _section_bylines(draft)
    return draft


def _continue(holder: DraftQuestion | DraftSection, block: Block) -> None:
    """A paragraph of a question or of a section's opening text; a cut sentence runs on."""
    # A byline inside such text stays in the paragraph rather than being lost.
    piece = (
        _body(block)
        if block.byline is None
        else Piece(*block.view.span(block.body_start, len(block.text)))
    )
    if holder.open_paragraph and holder.paragraphs:
        holder.paragraphs[-1].end = piece.end
    else:
        holder.paragraphs.append(piece)
    holder.open_paragraph = not block.terminated


def _closes(block: Block) -> bool:
    """Whether the block's speaker stands after the speech, behind a dash."""
    return block.designation is not None and block.designation.form == "dash"


def _section_bylines(draft: Draft) -> None:
    """In a round-up whose sections each close with a byline line, the byline credits every
    speech of its section, not only the last one.

    Only when two or more byline lines close groups of speeches and every group holds several
    speeches; where some speech has a byline line of its own, each byline is its speech's.
    """
    groups: list[list[DraftSpeech]] = [[]]
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


def _take_byline(draft: Draft, speech: DraftSpeech, block: Block) -> None:
    """The block's trailing byline credits the speech; a second one is reported, not lost."""
    if block.byline is None:
        return
    if speech.byline is None:
        speech.byline = DraftByline(block, block.byline)
        return
    start, end = block.view.span(block.byline.start, block.byline.end)
    draft.leftovers.append(("layout.unclassified", "a second byline for one speech", start, end))


def _before_speeches(draft: Draft, block: Block) -> None:
    """Blocks between the title and the first speech: lead, editor's note, top byline."""
    if block.kind is Kind.BYLINE and block.byline is not None and draft.byline is None:
        draft.byline = DraftByline(block, block.byline)
        return
    if block.kind is Kind.LABEL:
        if block.marker is not None and draft.lead_label is None:
            start, end = block.view.span(*block.marker)
            draft.lead_label = Piece(start, end)
        if block.body_start < len(block.text):
            draft.lead.append(_body(block))
        return
    if block.kind in (Kind.TEXT, Kind.SUBTITLE):
        top = dateline(block.view) if not draft.lead else None
        if top is not None and draft.byline is None:
            draft.byline = DraftByline(block, top)
            if top.start > 0:  # a date or a photo caption glued before the dateline
                start, end = block.view.span(0, top.start)
                message = "page chrome (date and photo caption glued to the dateline) set aside"
                draft.leftovers.append(("layout.page_chrome", message, start, end))
            block.body_start = top.end
            while block.body_start < len(block.text) and block.text[block.body_start] in " ，":
                block.body_start += 1
        if block.body_start < len(block.text):
            draft.lead.append(_body(block))
        if block.byline is not None:
            if draft.byline is None:
                draft.byline = DraftByline(block, block.byline)
            else:
                _leftover(
                    draft, block, "layout.unclassified", "a second byline before the speeches"
                )
        return
    _leftover(draft, block, "layout.unclassified", "a line the parser could not place")


def _document_byline_at_end(draft: Draft) -> None:
    """A lone byline line closing the report credits the whole report, not its last speech.

    When the report already has a byline at the top, the closing one is reported beside it
    rather than credited to the last speech.
    """
    if len(draft.speeches) < 2:
        return
    last = draft.speeches[-1]
    if last.byline is None or not last.byline_is_line:
        return
    if any(s.byline is not None for s in draft.speeches[:-1]):
        return
    if draft.byline is None:
        draft.byline, last.byline = last.byline, None
        return
    closing = last.byline
    last.byline = None
    start, end = closing.block.view.span(closing.match.start, closing.match.end)
    draft.leftovers.append(
        (
            "byline.closing",
            "a closing byline for the whole report, beside the one at the top",
            start,
            end,
        )
    )


def _orphan_headline(draft: Draft, block: Block) -> None:
    _leftover(draft, block, "layout.unclassified", "a headline with no speech under it")


def _leftover(draft: Draft, block: Block, code: str, message: str) -> None:
    """Record a block set aside; adjacent blocks set aside alike become one diagnostic."""
    if draft.leftovers and draft.last_leftover == block.index - 1:
        last = draft.leftovers[-1]
        if last[0] == code and last[1] == message:
            draft.leftovers[-1] = (code, message, last[2], block.end)
            draft.last_leftover = block.index
            return
    draft.leftovers.append((code, message, block.start, block.end))
    draft.last_leftover = block.index
