"""Stage 8: the report, built once from the structure, its enrichment and the diagnostics.

This is the only place a :class:`~speechparse.models.Report` is constructed, so every field
of the contract is written here, by name, in one call (the type checker sees a missing one).
"""

from __future__ import annotations

from collections.abc import Iterable

from speechparse.build.document import collector_paused, validator
from speechparse.build.enrich import UNRESOLVED, Enrichment, Organization, SpeechEnrichment
from speechparse.build.people import People, gather_people, person_ids
from speechparse.build.speeches import GuestListParts, PositionParts, SpeechParts, Structure
from speechparse.models import (
    SCHEMA_VERSION,
    Diagnostic,
    Guest,
    GuestList,
    Position,
    Report,
    Source,
    Speaker,
    Speech,
)

# A few per speech: validated without the constructor's frame (see validator).
_new_position = validator(Position)
_new_speaker = validator(Speaker)
_new_speech = validator(Speech)


def build_report(
    source: Source,
    structure: Structure,
    enrichment: Enrichment,
    diagnostics: Iterable[Diagnostic],
) -> Report:
    """Stage 8: put the stages' outputs together; diagnostics are listed in source order."""
    with collector_paused():
        return _report(source, structure, enrichment, diagnostics)


def _report(
    source: Source,
    structure: Structure,
    enrichment: Enrichment,
    diagnostics: Iterable[Diagnostic],
) -> Report:
    ordered = sorted(diagnostics, key=lambda d: (d.start, d.end, d.code))
    ids, known = person_ids([parts.speaker.name for parts in structure.speeches])
    speeches = [
        _speech(parts, extra, person)
        for parts, extra, person in zip(structure.speeches, enrichment.speeches, ids, strict=True)
    ]
    guest_list = structure.guest_list
    people = gather_people(
        speeches,
        [parts.speaker.span for parts in structure.speeches],
        ids,
        known,
        [g.name for g in guest_list.guests] if guest_list else [],
    )
    return Report(
        schema_version=SCHEMA_VERSION,
        source=source,
        title=structure.title,
        kicker=structure.kicker,
        subtitle=structure.subtitle,
        lead_label=structure.lead_label,
        lead=structure.lead,
        byline=structure.byline,
        title_parts=enrichment.title_parts,
        home=enrichment.home,
        keywords=list(enrichment.keywords),
        speeches=speeches,
        people=people.people,
        guest_list=_guest_list(structure.guest_list, people),
        questions=list(structure.questions),
        sections=list(structure.sections),
        diagnostics=ordered,
    )


def _position(position: PositionParts, organization: Organization) -> Position:
    written, full = position.organization, organization.full_name
    span = position.span
    return _new_position(
        {
            "organization": written,
            "title": position.title,
            "inherited": position.inherited,
            # Most units are written in full already: one string for both fields then.
            "organization_full": written if full == written else full,
            "level": organization.level,
            "text": span.text,
            "start": span.start,
            "end": span.end,
        }
    )


def _speech(parts: SpeechParts, extra: SpeechEnrichment, person: str) -> Speech:
    speaker, span = parts.speaker, parts.speaker.span
    positions = [
        _position(position, organization)
        for position, organization in zip(speaker.positions, extra.organizations, strict=True)
    ]
    return _new_speech(
        {
            "headline": parts.headline,
            "speaker": _new_speaker(
                {
                    "text": span.text,
                    "start": span.start,
                    "end": span.end,
                    "name": speaker.name,
                    "name_start": speaker.name_start,
                    "name_end": speaker.name_end,
                    "positions": positions,
                    "form": speaker.form,
                    "marker": speaker.marker,
                    "verb": speaker.verb,
                    "label": speaker.label,
                    "place": speaker.place,
                }
            ),
            # Tuples validate into the lists the model holds, as the copies did.
            "paragraphs": parts.paragraphs,
            "points": parts.points,
            "byline": parts.byline,
            "keywords": extra.keywords,
            "figures": extra.figures,
            "quoted_terms": extra.quoted_terms,
            "person": person,
        }
    )


def _guest_list(parts: GuestListParts | None, people: People) -> GuestList | None:
    if parts is None:
        return None
    guests = [
        Guest(
            name=guest.name,
            positions=[_position(p, UNRESOLVED) for p in guest.positions],
            person=people.guests[k],
        )
        for k, guest in enumerate(parts.guests)
    ]
    return GuestList(
        text=parts.span.text,
        start=parts.span.start,
        end=parts.span.end,
        label=parts.label,
        guests=guests,
    )
