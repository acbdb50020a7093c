"""Stage 8: the report, built once from the structure, its enrichment and the diagnostics.

This is the only place a :class:`~speechparse.models.Report` is constructed, so every field
of the contract is written here, by name, in one call (the type checker sees a missing one).
"""

from __future__ import annotations

from collections.abc import Iterable

from speechparse.build.enrich import Enrichment, SpeechEnrichment
from speechparse.build.speeches import SpeechParts, Structure
from speechparse.models import (
    SCHEMA_VERSION,
    Diagnostic,
    Position,
    Report,
    Source,
    Speaker,
    Speech,
)


def build_report(
    source: Source,
    structure: Structure,
    enrichment: Enrichment,
    diagnostics: Iterable[Diagnostic],
) -> Report:
    """Stage 8: put the stages' outputs together; diagnostics are listed in source order."""
    ordered = sorted(diagnostics, key=lambda d: (d.start, d.end, d.code))
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
        speeches=[
            _speech(parts, extra)
            for parts, extra in zip(structure.speeches, enrichment.speeches, strict=True)
        ],
        diagnostics=ordered,
    )


def _speech(parts: SpeechParts, extra: SpeechEnrichment) -> Speech:
    speaker = parts.speaker
    positions = [
        Position(
            organization=position.organization,
            title=position.title,
            inherited=position.inherited,
            organization_full=organization.full_name,
            level=organization.level,
            text=position.span.text,
            start=position.span.start,
            end=position.span.end,
        )
        for position, organization in zip(speaker.positions, extra.organizations, strict=True)
    ]
    return Speech(
        headline=parts.headline,
        speaker=Speaker(
            text=speaker.span.text,
            start=speaker.span.start,
            end=speaker.span.end,
            name=speaker.name,
            name_start=speaker.name_start,
            name_end=speaker.name_end,
            positions=positions,
            form=speaker.form,
            marker=speaker.marker,
            verb=speaker.verb,
        ),
        paragraphs=list(parts.paragraphs),
        points=list(parts.points),
        byline=parts.byline,
        keywords=list(extra.keywords),
        figures=list(extra.figures),
        quoted_terms=list(extra.quoted_terms),
    )
