"""The assembled draft to the public model: spans cut from the source, parts decomposed.

Every text value is cut from the source (not from the folded view), so a traditional-script
report keeps its own characters; decisions were made on the folded view at the same offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import regex

from speechparse.build.people import gather_people
from speechparse.core.diagnostics import Code, severity_of
from speechparse.core.text import Compact, LineIndex, compact, layout_text
from speechparse.decoding.fold import fold
from speechparse.models import (
    Byline,
    Credit,
    Diagnostic,
    Guest,
    GuestList,
    Headline,
    Point,
    Position,
    Question,
    Section,
    Severity,
    Span,
    Speaker,
    SpeakerForm,
    Speech,
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
# Forms the structure decided (a block's ``form``), which the designation alone cannot tell.
_LAYOUT_FORMS: dict[str, SpeakerForm] = {
    "dash_ended": "dash_ended",
    "glued": "glued",
    "dialogue": "dialogue",
    "label": "label",
    "name_line": "name_line",
    "author_note": "author_note",
}
# A head of government inherits the government, not the party committee written before it:
# 某县委副书记、县长 → the 县长 is of 某县.
_HEAD_OF_GOVERNMENT = regex.compile(r"(?:常务|代)?副?([省市县区镇乡州])长$")


def _inherit(previous: str, title: str) -> str:
    head = _HEAD_OF_GOVERNMENT.search(fold(title))
    # 某县委 → 某县 for its 县长; a bare 市委 names no place, so it stays as written.
    if head is not None and len(previous) > 2 and fold(previous).endswith(head.group(1) + "委"):
        return previous[:-1]
    return previous


@dataclass(slots=True)
class Builder:
    """Holds the source and its folded view while the model is built."""

    source: str
    folded: str
    lines: LineIndex
    diagnostics: list[Diagnostic]

    def span(self, start: int, end: int) -> Span:
        return Span(text=layout_text(self.source, start, end), start=start, end=end)

    def diagnose(
        self, code: str, message: str, start: int, end: int, severity: Severity = "warning"
    ) -> None:
        line, column = self.lines.line_col(start)
        self.diagnostics.append(
            Diagnostic(
                code=code,
                message=message,
                severity=severity,
                start=start,
                end=end,
                line=line,
                column=column,
            )
        )

    def byline(self, draft: DraftByline) -> Byline:
        view = draft.match
        start, end = draft.block.view.span(view.start, view.end)
        credits = []
        for credit in view.credits:
            c_start, c_end = draft.block.view.span(credit.start, credit.end)
            name = _WHITESPACE.sub("", layout_text(self.source, c_start, c_end))
            role = None
            if credit.role is not None:
                role = layout_text(self.source, *draft.block.view.span(*credit.role))
            credits.append(Credit(role=role, name=name, start=c_start, end=c_end))
            folded = self.folded[c_start:c_end].replace(" ", "")
            if "·" not in folded and surname_length(folded) == 0:
                self.diagnose(
                    "byline.unknown_surname",
                    f"credited name {name!r} starts with no known surname",
                    c_start,
                    c_end,
                )
            if credit.split:
                self.diagnose(
                    "byline.split_names",
                    f"names written together were split at a surname: {name!r}",
                    c_start,
                    c_end,
                )
        return Byline(
            text=layout_text(self.source, start, end),
            start=start,
            end=end,
            credits=credits,
            form=view.form,
        )

    def headline(self, block: Block, *, check: bool = False) -> Headline:
        view = block.view
        if check and block.marker is None and not block.brackets and block.terminated:
            self.diagnose(
                "layout.uncertain_headline",
                "a sentence-like line taken as a headline because a designation follows it",
                block.start,
                block.end,
            )
        body_end = len(view.text) if block.body_end is None else block.body_end
        start, end = view.span(block.body_start, body_end)
        marker = None
        if block.marker is not None:
            m_start, m_end = view.span(*block.marker)
            marker = self.span(m_start, m_end)
        return Headline(
            text=layout_text(self.source, start, end),
            start=start,
            end=end,
            marker=marker,
            brackets="【】" if block.brackets else None,
        )

    def positions(self, view: Compact, parts: list[Part]) -> list[Position]:
        """The positions of decomposed parts; a part without a unit inherits the previous one."""
        positions: list[Position] = []
        previous_org: str | None = None
        for part in parts:
            p_start, p_end = view.span(part.org_start, part.end)
            title = _WHITESPACE.sub(
                "", layout_text(self.source, *view.span(part.title_start, part.end))
            )
            org: str | None = None
            inherited = False
            if part.org_end > part.org_start:
                org = _WHITESPACE.sub(
                    "", layout_text(self.source, *view.span(part.org_start, part.org_end))
                )
                if part.shared_level:
                    org += title[0]
            elif previous_org is not None:
                org, inherited = _inherit(previous_org, title), True
            previous_org = org
            positions.append(
                Position(
                    organization=org,
                    title=title,
                    inherited=inherited,
                    text=layout_text(self.source, p_start, p_end),
                    start=p_start,
                    end=p_end,
                )
            )
        return positions

    def speaker(self, block: Block) -> Speaker:
        assert block.designation is not None
        found: Designation = block.designation
        view = block.view
        first = min([found.name_start, found.extent_start] + [p.org_start for p in found.parts])
        last = max([found.name_end, found.extent_end] + [p.end for p in found.parts])
        start, end = view.span(first, min(last, len(view.text)))
        n_start, n_end = view.span(found.name_start, found.name_end)
        positions = self.positions(view, found.parts)
        if not found.parts and found.mention is not None and found.mention[1] > found.mention[0]:
            # Named bare (`某某说，`): his positions are those of the designation that
            # introduced him earlier in the report, with their own spans there.
            earlier = compact(self.folded, *found.mention)
            introduced = parse_designation(earlier)
            if introduced is not None:
                positions = self.positions(earlier, introduced.parts)
        if block.guest is not None and block.guest.designation is not None:
            # A dialogue turn: the positions are written once, in the guest list (or the
            # title, for `答：` turns, which also take the name from there).
            guest = block.guest.designation
            own = positions
            positions = self.positions(block.guest.view, guest.parts)
            if block.form == "author_note":  # the note adds to the head line's positions
                seen = {(p.organization, p.title) for p in positions}
                positions += [p for p in own if (p.organization, p.title) not in seen]
            if found.name_end == found.name_start:
                n_start, n_end = block.guest.view.span(guest.name_start, guest.name_end)
        for code, message in found.doubts:
            self.diagnose(code, message, start, end, severity_of(Code(code)))
        marker = None
        if block.marker is not None:
            marker = self.span(*view.span(*block.marker))
        forms: dict[str, SpeakerForm] = {
            "joined": "colon",
            "spaced": "colon",
            "name_first": "name_first",
            "quote_first": "quote_first",
            "dash": "dash",
            "name_only": "reported",
        }
        form = forms.get(found.form, "colon")
        if found.reported and found.form in ("joined", "spaced"):
            form = "reported"
        if block.body_start >= len(view.text):
            form = "line" if found.form not in ("name_first", "quote_first", "dash") else form
        if block.form in _LAYOUT_FORMS:
            form = _LAYOUT_FORMS[block.form]
        return Speaker(
            text=layout_text(self.source, start, end),
            start=start,
            end=end,
            name=_WHITESPACE.sub("", layout_text(self.source, n_start, n_end)),
            name_start=n_start,
            name_end=n_end,
            positions=positions,
            form=form,
            marker=marker,
            verb=self.span(*view.span(*found.verb)) if found.verb else None,
            label=self.span(*view.span(*block.label)) if block.label else None,
            place=self.span(*view.span(*block.place)) if block.place else None,
        )

    def speech(self, draft: DraftSpeech) -> Speech:
        paragraphs = [self.span(p.start, p.end) for p in draft.paragraphs if p.end > p.start]
        points = [
            Point(
                marker=layout_text(self.source, m.marker_start, m.marker_end),
                marker_start=m.marker_start,
                marker_end=m.marker_end,
                text=layout_text(self.source, m.start, m.end),
                start=m.start,
                end=m.end,
            )
            for m in find_points([compact(self.folded, p.start, p.end) for p in paragraphs])
        ]
        speaker = self.speaker(draft.designation)
        if draft.designation.body_start >= len(draft.designation.text) and speaker.name:
            speaker = self._fuller(speaker, paragraphs)
        return Speech(
            headline=self.headline(draft.headline, check=True) if draft.headline else None,
            speaker=speaker,
            paragraphs=paragraphs,
            points=points,
            byline=self.byline(draft.byline) if draft.byline is not None else None,
        )

    def _fuller(self, speaker: Speaker, paragraphs: list[Span]) -> Speaker:
        """A speaker line gives a short designation (`全国政协委员某某——`) and the text under
        it the fuller one (`全国政协委员、某研究所研究员某某`): positions come from both."""
        known = {(p.organization, p.title) for p in speaker.positions}
        for paragraph in paragraphs:
            view = compact(self.folded, paragraph.start, paragraph.end)
            at = view.text.find(speaker.name)
            if at < 0:
                continue
            found = designation_ending(view, at, at + len(speaker.name))
            if found is None:
                continue
            extra = [
                p
                for p in self.positions(view, found.parts)
                if (p.organization, p.title) not in known
            ]
            if extra:
                return speaker.model_copy(update={"positions": [*speaker.positions, *extra]})
            return speaker
        return speaker

    def guests(self, draft: Draft) -> list[Guest]:
        """The guest-list lines, each with its name and positions."""
        out = []
        for block in draft.guests:
            found = block.designation
            assert found is not None
            start, end = block.view.span(found.name_start, found.name_end)
            name = self.span(start, end)
            out.append(
                Guest(
                    name=name.model_copy(update={"text": _WHITESPACE.sub("", name.text)}),
                    positions=self.positions(block.view, found.parts),
                    person=None,
                )
            )
        return out

    def guest_list(self, draft: Draft, guests: list[Guest]) -> GuestList | None:
        if draft.guest_label is None or not guests:
            return None
        label = draft.guest_label
        start = label.start
        end = draft.guests[-1].end
        return GuestList(
            text=layout_text(self.source, start, end),
            start=start,
            end=end,
            label=self.span(*label.view.span(*(label.marker or (0, len(label.text))))),
            guests=guests,
        )

    def question(self, draft: DraftQuestion) -> Question:
        block = draft.block
        asker = self.span(*block.view.span(*(block.marker or (0, 0))))
        paragraphs = [self.span(p.start, p.end) for p in draft.paragraphs if p.end > p.start]
        end = paragraphs[-1].end if paragraphs else asker.end
        return Question(
            text=layout_text(self.source, asker.start, end),
            start=asker.start,
            end=end,
            asker=asker,
            paragraphs=paragraphs,
            section=draft.section,
            before_speech=draft.before_speech,
        )

    def section(self, draft: DraftSection) -> Section:
        heading = self.headline(draft.heading)
        return Section(
            heading=Span(text=heading.text, start=heading.start, end=heading.end),
            paragraphs=[self.span(p.start, p.end) for p in draft.paragraphs if p.end > p.start],
            first_speech=draft.first_speech,
        )

    def joined(self, pieces: list[Piece]) -> Span | None:
        """One span over several pieces (a multi-paragraph lead), paragraphs kept on lines."""
        pieces = [p for p in pieces if p.end > p.start]
        if not pieces:
            return None
        texts = [layout_text(self.source, pieces[0].start, pieces[0].end)]
        for before, piece in pairwise(pieces):
            # Whatever stands between two lead paragraphs (a byline cut out of one, say) stays
            # in the text, so the span's text is still its source slice.
            gap = layout_text(self.source, before.end, piece.start)
            texts.extend(
                [gap, layout_text(self.source, piece.start, piece.end)]
                if gap
                else [layout_text(self.source, piece.start, piece.end)]
            )
        return Span(text="\n".join(texts), start=pieces[0].start, end=pieces[-1].end)


def build_parts(builder: Builder, draft: Draft) -> dict[str, object]:
    """The report's fields (except source facts), in model types."""
    b = builder
    title = b.headline(draft.title) if draft.title is not None else None
    subtitle = None
    if draft.subtitle is not None:
        view = draft.subtitle.view
        subtitle = b.span(*view.span(0, len(view.text)))
    for code, message, start, end in draft.leftovers:
        severity: Severity = (
            "info" if code in ("layout.page_chrome", "byline.closing") else "warning"
        )
        b.diagnose(code, message, start, end, severity)
    speeches, people, guests = gather_people([b.speech(s) for s in draft.speeches], b.guests(draft))
    kicker = None
    if draft.kicker is not None:
        view = draft.kicker.view
        kicker = b.span(*view.span(0, len(view.text)))
    return {
        "title": Span(text=title.text, start=title.start, end=title.end) if title else None,
        "kicker": kicker,
        "subtitle": subtitle,
        "lead_label": b.span(draft.lead_label.start, draft.lead_label.end)
        if draft.lead_label
        else None,
        "lead": b.joined(draft.lead),
        "byline": b.byline(draft.byline) if draft.byline is not None else None,
        "speeches": speeches,
        "people": people,
        "guest_list": b.guest_list(draft, guests),
        "questions": [b.question(q) for q in draft.questions],
        "sections": [b.section(s) for s in draft.sections],
    }
