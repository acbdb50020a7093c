"""Stage 6: the assembled draft decomposed: designations, bylines, headlines and points.

Spans are cut from the source (not the folded view), so a traditional-script report keeps its
own characters. Every function returns what it found together with the diagnostics it raised;
nothing is written into shared state. Organisations are resolved later, by enrichment, which
reads this stage's output: a speaker here holds positions as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from sys import intern

import regex

from speechparse.build.document import (
    Cuts,
    Document,
    HeldView,
    collector_paused,
    cut,
    held_view,
    new_span,
    paragraph_view,
    source_range,
    validator,
)
from speechparse.core.diagnostics import Code
from speechparse.core.text import Compact
from speechparse.decoding.fold import fold
from speechparse.models import (
    Byline,
    Credit,
    Diagnostic,
    Headline,
    Point,
    Question,
    Section,
    Span,
    SpeakerForm,
)
from speechparse.people.designation import Designation, Part, parse_designation, surname_length
from speechparse.people.dialogue import designation_ending
from speechparse.structure.assemble import (
    Draft,
    DraftByline,
    DraftQuestion,
    DraftSection,
    DraftSpeech,
    Piece,
)
from speechparse.structure.blocks import Block
from speechparse.structure.points import find_points

_WHITESPACE = regex.compile(r"\s+")
# A head of government inherits the government, not the party committee written before it:
# 某县委副书记、县长 → the 县长 is of 某县.
_HEAD_OF_GOVERNMENT = regex.compile(r"(?:常务|代)?副?([省市县区镇乡州])长$")

Diagnostics = tuple[Diagnostic, ...]

# Built by the dozen per report: validated without the constructor's frame (see validator).
_new_credit = validator(Credit)
_new_byline = validator(Byline)
_new_headline = validator(Headline)
_new_point = validator(Point)

# Roles, titles, units and reporters recur through a report (全媒体记者, 局长): interned,
# each is held once however often it is written.
# _SHARED: offsets past 256 are int objects of 28 bytes each and a report holds tens of
# thousands; where neighbouring fields hold equal offsets (a name's end and its
# designation's, a byline's end and its last credit's, a point's start and its marker's end)
# they are given the same object.


@dataclass(frozen=True, slots=True)
class Extent:
    """A piece of the source as a :class:`Span` would hold it, without being a model.

    The report copies it into a model of its own (a position), so a validated span here
    would only be garbage held through enrichment: this costs a third of one.
    """

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PositionParts:
    """One position as written; enrichment adds what the organisation resolves to."""

    organization: str | None
    title: str
    inherited: bool
    span: Extent


@dataclass(frozen=True, slots=True)
class SpeakerParts:
    """A decomposed designation, positions as written."""

    span: Span
    name: str
    name_start: int
    name_end: int
    positions: tuple[PositionParts, ...]
    form: SpeakerForm
    marker: Span | None
    verb: Span | None
    label: Span | None
    place: Span | None


@dataclass(frozen=True, slots=True)
class SpeechParts:
    """A speech's structure: who, under which headline, said what, in which points."""

    headline: Headline | None
    speaker: SpeakerParts
    paragraphs: tuple[Span, ...]
    points: tuple[Point, ...]
    byline: Byline | None


@dataclass(frozen=True, slots=True)
class Structure:
    """Everything the structure stages found, in source coordinates and model values."""

    title: Span | None
    kicker: Span | None
    subtitle: Span | None
    lead_label: Span | None
    lead: Span | None
    byline: Byline | None
    speeches: tuple[SpeechParts, ...]
    guest_list: GuestListParts | None
    questions: tuple[Question, ...]
    sections: tuple[Section, ...]
    diagnostics: Diagnostics


@dataclass(frozen=True, slots=True)
class GuestParts:
    """One guest-list line: the name as written and the positions after it."""

    name: Span
    positions: tuple[PositionParts, ...]


@dataclass(frozen=True, slots=True)
class GuestListParts:
    """A dialogue's guest list: its extent, its label and its guests."""

    span: Span
    label: Span
    guests: tuple[GuestParts, ...]


ParagraphViews = tuple[tuple[HeldView, ...], ...]
"""The compact view of each paragraph of each speech, lined up with ``Structure.speeches``,
as :func:`~speechparse.build.document.held_view` keeps it."""


def build_structure(doc: Document, draft: Draft) -> Structure:
    """Stage 6: decompose every part of the draft, collecting the diagnostics each raised."""
    return structure_and_views(doc, draft)[0]


def structure_and_views(doc: Document, draft: Draft) -> tuple[Structure, ParagraphViews]:
    """Stage 6, with the paragraph views it built to find the points.

    Stage 7 reads the same views (figures, quotes, keywords): handed over, they are built
    once. Mostly their offset maps alone are kept (the draft is still held here, so whole
    views raised the parse's peak memory by a tenth), and not on the structure, which lives
    on through stage 8: the caller drops them once stage 7 is done.
    """
    with collector_paused():
        return _build_structure(doc, draft)


def _build_structure(doc: Document, draft: Draft) -> tuple[Structure, ParagraphViews]:
    found: list[Diagnostic] = [
        doc.diagnostic(left.code, left.message, left.start, left.end) for left in draft.leftovers
    ]
    title = _heading(doc, draft.title) if draft.title is not None else None
    kicker = subtitle = None
    if draft.kicker is not None:
        kicker = doc.view_span(draft.kicker.view, 0, len(draft.kicker.view.text))
    if draft.subtitle is not None:
        subtitle = doc.view_span(draft.subtitle.view, 0, len(draft.subtitle.view.text))
    byline = None
    if draft.byline is not None:
        byline, diagnostics = _byline(doc, draft.byline)
        found.extend(diagnostics)
    speeches: list[SpeechParts] = []
    views: list[tuple[HeldView, ...]] = []
    for draft_speech in draft.speeches:
        speech, speech_views, diagnostics = _speech(doc, draft_speech)
        speeches.append(speech)
        views.append(speech_views)
        found.extend(diagnostics)
    label = draft.lead_label
    structure = Structure(
        title=title,
        kicker=kicker,
        subtitle=subtitle,
        lead_label=doc.span(label.start, label.end) if label is not None else None,
        lead=_joined(doc, draft.lead),
        byline=byline,
        speeches=tuple(speeches),
        guest_list=_guest_list(doc, draft),
        questions=tuple(_question(doc, q) for q in draft.questions),
        sections=tuple(_section(doc, s) for s in draft.sections),
        diagnostics=tuple(found),
    )
    return structure, tuple(views)


def _guest_list(doc: Document, draft: Draft) -> GuestListParts | None:
    """The guest-list lines, each with its name and positions, under their label."""
    label = draft.guest_label
    if label is None or not draft.guests:
        return None
    guests = []
    for block in draft.guests:
        found = block.designation
        if found is None:
            raise ValueError(f"guest line at {block.start} holds no designation")
        # One span, its text without padding (`阮  青`): not a layout span then rebuilt.
        start, end = source_range(block.view, found.name_start, found.name_end)
        guests.append(
            GuestParts(
                name=new_span(_no_space(cut(doc.source, start, end)), start, end),
                positions=_positions(doc, doc.cuts(block.view), found.parts),
            )
        )
    return GuestListParts(
        span=doc.span(label.start, draft.guests[-1].end),
        label=doc.view_span(label.view, *(label.marker or (0, len(label.text)))),
        guests=tuple(guests),
    )


def _question(doc: Document, draft: DraftQuestion) -> Question:
    block = draft.block
    asker = doc.view_span(block.view, *(block.marker or (0, 0)))
    paragraphs = [doc.span(p.start, p.end) for p in draft.paragraphs if p.end > p.start]
    end = paragraphs[-1].end if paragraphs else asker.end
    return Question(
        text=doc.text(asker.start, end),
        start=asker.start,
        end=end,
        asker=asker,
        paragraphs=paragraphs,
        section=draft.section,
        before_speech=draft.before_speech,
    )


def _section(doc: Document, draft: DraftSection) -> Section:
    return Section(
        heading=_heading(doc, draft.heading),
        paragraphs=[doc.span(p.start, p.end) for p in draft.paragraphs if p.end > p.start],
        first_speech=draft.first_speech,
    )


def _no_space(text: str) -> str:
    """``text`` with every whitespace character removed.

    Most names, units and titles are letters alone and hold none, which ``isalnum`` tells
    without a regex call.
    """
    return text if text.isalnum() else _WHITESPACE.sub("", text)


def _inherit(previous: str, title: str) -> str:
    head = _HEAD_OF_GOVERNMENT.search(fold(title))
    # 某县委 → 某县 for its 县长; a bare 市委 names no place, so it stays as written.
    if head is not None and len(previous) > 2 and fold(previous).endswith(head.group(1) + "委"):
        return previous[:-1]
    return previous


def _byline(doc: Document, draft: DraftByline) -> tuple[Byline, Diagnostics]:
    match, source = draft.match, doc.source
    cuts = doc.cuts(draft.block.view)
    start, end = cuts.range(match.start, match.end)
    credits: list[Credit] = []
    doubts: list[Diagnostic] = []
    for credit in match.credits:
        c_start, c_end = cuts.range(credit.start, credit.end)
        c_end = end if c_end == end else c_end  # one int object for both (see _SHARED)
        name = intern(_no_space(source[c_start:c_end]))  # one reporter credits many speeches
        role = intern(cuts.text(*credit.role)) if credit.role is not None else None
        credits.append(_new_credit({"role": role, "name": name, "start": c_start, "end": c_end}))
        folded = doc.folded[c_start:c_end].replace(" ", "")
        if "·" not in folded and surname_length(folded) == 0:
            doubts.append(
                doc.diagnostic(
                    Code.BYLINE_UNKNOWN_SURNAME,
                    f"credited name {name!r} starts with no known surname",
                    c_start,
                    c_end,
                )
            )
        if credit.split:
            doubts.append(
                doc.diagnostic(
                    Code.BYLINE_SPLIT_NAMES,
                    f"names written together were split at a surname: {name!r}",
                    c_start,
                    c_end,
                )
            )
    byline = _new_byline(
        {
            "text": intern(cut(source, start, end)),  # one reporter signs many speeches alike
            "start": start,
            "end": end,
            "credits": credits,
            "form": match.form,
        }
    )
    return byline, tuple(doubts)


def _heading(doc: Document, block: Block) -> Span:
    """A title or section heading: the headline's text as a plain span (no marker)."""
    view = block.view
    body_end = len(view.text) if block.body_end is None else block.body_end
    start, end = source_range(view, block.body_start, body_end)
    return new_span(cut(doc.source, start, end), start, end)


def _headline(doc: Document, block: Block) -> tuple[Headline, Diagnostics]:
    view = block.view
    doubts: Diagnostics = ()
    if block.marker is None and not block.brackets and block.terminated:
        doubts = (
            doc.diagnostic(
                Code.UNCERTAIN_HEADLINE,
                "a sentence-like line taken as a headline because a designation follows it",
                block.start,
                block.end,
            ),
        )
    body_end = len(view.text) if block.body_end is None else block.body_end
    start, end = source_range(view, block.body_start, body_end)
    marker = doc.view_span(view, *block.marker) if block.marker is not None else None
    headline = _new_headline(
        {
            "text": cut(doc.source, start, end),
            "start": start,
            "end": end,
            "marker": marker,
            "brackets": "【】" if block.brackets else None,
        }
    )
    return headline, doubts


def _positions(doc: Document, cuts: Cuts, parts: list[Part]) -> tuple[PositionParts, ...]:
    """The positions of decomposed parts; a part without a unit inherits the previous one.

    Unit and title are the source slices with every space removed; layout text would only
    remove some of them first, so the slices are not laid out.
    """
    source = doc.source
    positions: list[PositionParts] = []
    previous_org: str | None = None
    for part in parts:
        start, end = cuts.range(part.org_start, part.end)
        t_start, t_end = cuts.range(part.title_start, part.end)
        title = intern(_no_space(source[t_start:t_end]))
        org: str | None = None
        inherited = False
        if part.org_end > part.org_start:
            o_start, o_end = cuts.range(part.org_start, part.org_end)
            org = intern(_no_space(source[o_start:o_end]))
            if part.shared_level:
                org += title[0]
        elif previous_org is not None:
            org, inherited = _inherit(previous_org, title), True
        previous_org = org
        positions.append(
            PositionParts(
                organization=org,
                title=title,
                inherited=inherited,
                span=Extent(intern(cut(source, start, end)), start, end),
            )
        )
    return tuple(positions)


def _speaker_positions(
    doc: Document, block: Block, found: Designation, cuts: Cuts
) -> tuple[PositionParts, ...]:
    if not found.parts and found.mention is not None and found.mention[1] > found.mention[0]:
        # Named bare (`某某说，`): his positions are those of the designation that
        # introduced him earlier in the report, with their own spans there.
        earlier = paragraph_view(doc.folded, *found.mention)
        introduced = parse_designation(earlier)
        if introduced is not None:
            return _positions(doc, doc.cuts(earlier), introduced.parts)
    if block.guest is not None and block.guest.designation is not None:
        # A dialogue turn: the positions are written once, in the guest list (or the title,
        # for `答：` turns).
        positions = _positions(doc, doc.cuts(block.guest.view), block.guest.designation.parts)
        if block.form == "author_note":  # the note adds to the head line's positions
            return _merged(positions, _positions(doc, cuts, found.parts))
        return positions
    return _positions(doc, cuts, found.parts)


def _merged(
    positions: tuple[PositionParts, ...], more: tuple[PositionParts, ...]
) -> tuple[PositionParts, ...]:
    """``positions`` then those of ``more`` not already among them (same unit and title)."""
    seen = {(p.organization, p.title) for p in positions}
    return (*positions, *(p for p in more if (p.organization, p.title) not in seen))


def _fuller(doc: Document, name: str, paragraphs: tuple[Span, ...]) -> tuple[PositionParts, ...]:
    """A speaker line gives a short designation (`全国政协委员某某——`) and the text under
    it the fuller one (`全国政协委员、某研究所研究员某某`): the positions of the first
    designation of that name found in the paragraphs."""
    folded = doc.folded
    for paragraph in paragraphs:
        if name[0] not in folded[paragraph.start : paragraph.end]:
            continue  # the view holds the paragraph's characters: the name cannot be in it
        view = paragraph_view(folded, paragraph.start, paragraph.end)
        at = view.text.find(name)
        if at < 0:
            continue
        found = designation_ending(view, at, at + len(name))
        if found is None:
            continue
        return _positions(doc, doc.cuts(view), found.parts)
    return ()


_FORMS: dict[str, SpeakerForm] = {
    "joined": "colon",
    "spaced": "colon",
    "name_first": "name_first",
    "quote_first": "quote_first",
    "dash": "dash",
    "name_only": "reported",
}


# Forms the structure decided (a block's ``form``), which the designation alone cannot tell.
_LAYOUT_FORMS: dict[str, SpeakerForm] = {
    "dash_ended": "dash_ended",
    "glued": "glued",
    "dialogue": "dialogue",
    "label": "label",
    "name_line": "name_line",
    "author_note": "author_note",
}


def _speaker_form(block: Block, found: Designation) -> SpeakerForm:
    form = _FORMS.get(found.form, "colon")
    if found.reported and found.form in ("joined", "spaced"):
        form = "reported"
    if block.body_start >= len(block.view.text) and found.form not in (
        "name_first",
        "quote_first",
        "dash",
    ):
        form = "line"
    return _LAYOUT_FORMS.get(block.form or "", form)


def _speaker(
    doc: Document, block: Block, paragraphs: tuple[Span, ...]
) -> tuple[SpeakerParts, Diagnostics]:
    if block.designation is None:
        raise ValueError(f"block at {block.start} holds no designation")
    found = block.designation
    view = block.view
    first = min(found.name_start, found.extent_start)
    last = max(found.name_end, found.extent_end)
    for part in found.parts:
        first = min(first, part.org_start)
        last = max(last, part.end)
    cuts = doc.cuts(view)
    span = cuts.span(first, min(last, len(view.text)))
    n_start, n_end = cuts.range(found.name_start, found.name_end)
    n_end = span.end if n_end == span.end else n_end  # one int object for both (_SHARED)
    guest = block.guest.designation if block.guest is not None else None
    if block.guest is not None and guest is not None and found.name_end == found.name_start:
        # An `答：` turn takes the name from the designation of the title.
        n_start, n_end = source_range(block.guest.view, guest.name_start, guest.name_end)
    doubts: Diagnostics = ()
    if found.doubts:
        doubts = tuple(
            doc.diagnostic(code, message, span.start, span.end) for code, message in found.doubts
        )
    name = intern(_no_space(doc.source[n_start:n_end]))  # a dialogue names a speaker often
    positions = _speaker_positions(doc, block, found, cuts)
    if block.body_start >= len(block.text) and name:
        positions = _merged(positions, _fuller(doc, name, paragraphs))
    speaker = SpeakerParts(
        span=span,
        name=name,
        name_start=n_start,
        name_end=n_end,
        positions=positions,
        form=_speaker_form(block, found),
        marker=cuts.span(*block.marker) if block.marker is not None else None,
        verb=cuts.span(*found.verb) if found.verb else None,
        label=cuts.span(*block.label) if block.label else None,
        place=cuts.span(*block.place) if block.place else None,
    )
    return speaker, doubts


def _speech(
    doc: Document, draft: DraftSpeech
) -> tuple[SpeechParts, tuple[HeldView, ...], Diagnostics]:
    source, folded = doc.source, doc.folded
    spans: list[Span] = []
    views: list[Compact] = []
    for piece in draft.paragraphs:
        start, end = piece.start, piece.end
        if end > start:
            spans.append(new_span(cut(source, start, end), start, end))
            views.append(paragraph_view(folded, start, end))
    paragraphs = tuple(spans)
    points = tuple(
        [
            _new_point(
                {
                    "marker": intern(cut(source, m.marker_start, m.marker_end)),
                    "marker_start": m.marker_start,
                    "marker_end": m.marker_end,
                    "text": cut(source, m.start, m.end),
                    "start": m.marker_end if m.start == m.marker_end else m.start,  # _SHARED
                    "end": m.end,
                }
            )
            for m in find_points(views)
        ]
    )
    doubts: list[Diagnostic] = []
    headline = None
    if draft.headline is not None:
        headline, found = _headline(doc, draft.headline)
        doubts.extend(found)
    speaker, found = _speaker(doc, draft.designation, paragraphs)
    doubts.extend(found)
    byline = None
    if draft.byline is not None:
        byline, found = _byline(doc, draft.byline)
        doubts.extend(found)
    speech = SpeechParts(
        headline=headline,
        speaker=speaker,
        paragraphs=paragraphs,
        points=points,
        byline=byline,
    )
    return speech, tuple([held_view(view) for view in views]), tuple(doubts)


def _joined(doc: Document, pieces: tuple[Piece, ...]) -> Span | None:
    """One span over several pieces (a multi-paragraph lead), paragraphs kept on lines."""
    kept = [p for p in pieces if p.end > p.start]
    if not kept:
        return None
    texts = [doc.text(kept[0].start, kept[0].end)]
    for before, piece in pairwise(kept):
        # Whatever stands between two lead paragraphs (a byline cut out of one, say) stays
        # in the text, so the span's text is still its source slice.
        gap = doc.text(before.end, piece.start)
        if gap:
            texts.append(gap)
        texts.append(doc.text(piece.start, piece.end))
    return Span(text="\n".join(texts), start=kept[0].start, end=kept[-1].end)
