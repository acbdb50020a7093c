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
        and 0 < len(text) <= _MAX_HEADLINE
        and (not block.terminated or text.endswith(("？", "！")))
        and "：" not in text[:-1]
        # A line wholly in round brackets is a note or a credit, never a headline.
        and not (text.startswith("（") and text.endswith("）"))
    )


def _title_index(blocks: list[Block]) -> int | None:
    """The block holding the title: the first one, unless a later one before the speeches
    names the genre (…发言摘要) and the first does not — e-paper pages list other headlines
    of the page above the report."""
    content = [k for k, b in enumerate(blocks) if b.kind is not Kind.CHROME]
    if not content:
        return None
    labels = load_words("genre_labels")
    for k in content[:8]:
        block = blocks[k]
        if block.kind is Kind.DESIGNATION:
            break
        if block.kind is Kind.TEXT and _title_like(block) and block.text.endswith(labels):
            return k
    return content[0]


def _title_like(block: Block) -> bool:
    text = block.text
    return len(text) <= _MAX_TITLE and (not block.terminated or text.endswith(("？", "！")))


def _next_content(blocks: list[Block], i: int) -> tuple[int, Block | None]:
    """The next block after ``i`` that is not page chrome, with its index."""
    for k in range(i + 1, len(blocks)):
        if blocks[k].kind is not Kind.CHROME:
            return k, blocks[k]
    return len(blocks), None


def assemble(blocks: list[Block]) -> Draft:
    """Walk the blocks once, top to bottom, keeping the state a reader would keep."""
    blocks = mark_layout_forms(blocks)
    draft = Draft()
    first = _title_index(blocks)
    pending_headline: Block | None = None
    current: DraftSpeech | None = None
    question: DraftQuestion | None = None
    section: DraftSection | None = None
    for i, block in enumerate(blocks):
        k, nxt = _next_content(blocks, i)
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
        if first is not None and i < first:
            _leftover(draft, block, "layout.before_title", "a line above the report's title")
            continue
        if i == first and block.kind is Kind.TEXT and _title_like(block):
            draft.title = block
            continue
        if block.kind is Kind.SUBTITLE and not draft.speeches and current is None:
            draft.subtitle = block
            continue
        if block.kind is Kind.GUEST_LABEL:
            draft.guest_label = block
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
            current = DraftSpeech(block, headline=pending_headline)
            pending_headline = None
            if question is not None and question.before_speech is None:
                question.before_speech = len(draft.speeches)
            if section is not None and section.first_speech is None:
                section.first_speech = len(draft.speeches)
            question = None
            draft.speeches.append(current)
            if block.body_start < len(block.text):
                current.paragraphs.append(_body(block))
                current.open_paragraph = not block.terminated
                _take_byline(draft, current, block)
            elif nxt is not None and current.headline is None and _headline_like(nxt):
                _, after = _next_content(blocks, k)
                if after is not None and after.kind is Kind.TEXT and not _headline_like(after):
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
