"""Enrichment: what analysts compute by hand after parsing, grounded like everything else.

Title parts, the report's home place and resolved organisations, figures, quoted terms and
keywords. Each finder works on a compact, folded view of the text and its offsets are mapped
back to the source, so every value here still points at the characters it came from.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from speechparse.build.report import Builder
from speechparse.core.text import Compact, compact, layout_text
from speechparse.decoding.fold import fold
from speechparse.enrichment import figures as _figures
from speechparse.enrichment import organizations as _orgs
from speechparse.enrichment import quotes as _quotes
from speechparse.enrichment import title_parts as _titleparts
from speechparse.models import Figure, HomePlace, Keyword, Position, Span, Speech, TitleParts

_SENTENCE_END = regex.compile(r"[。！？；!?]")


def _span(b: Builder, view: Compact, start: int, end: int) -> Span:
    s, e = view.span(start, end)
    return Span(text=layout_text(b.source, s, e), start=s, end=e)


def title_parts(b: Builder, title: Span | None) -> TitleParts | None:
    """Genre, topic, delegation, destination and meeting named in the title."""
    if title is None:
        return None
    view = compact(b.folded, title.start, title.end)
    parts = _titleparts.decompose_title(view.text)

    def piece(part: tuple[str, int, int] | None) -> Span | None:
        return _span(b, view, part[1], part[2]) if part is not None else None

    return TitleParts(
        genre=piece(parts.genre),
        topic=piece(parts.topic),
        delegation=piece(parts.delegation),
        destination=piece(parts.destination),
        meeting=piece(parts.meeting),
    )


def home_place(b: Builder, title: Span | None) -> _orgs.HomePlace | None:
    """The place the report is about, inferred from how often it is named."""
    title_text = fold(title.text) if title is not None else None
    return _orgs.infer_home(b.folded, title_text)


def _home_model(b: Builder, home: _orgs.HomePlace | None) -> HomePlace | None:
    if home is None:
        return None
    evidence = Span(
        text=layout_text(b.source, home.start, home.end), start=home.start, end=home.end
    )
    return HomePlace(name=home.name, level=home.level, evidence=evidence, reason=home.reason)


def _resolve(b: Builder, position: Position, home: _orgs.HomePlace | None) -> Position:
    if position.organization is None:
        return position
    found = _orgs.resolve_organization(fold(position.organization), home)
    if found.full_name is None and found.reason and not position.inherited:
        b.diagnose(
            "org.unresolved",
            f"{position.organization}: {found.reason}",
            position.start,
            position.end,
            "info",
        )
    return position.model_copy(update={"organization_full": found.full_name, "level": found.level})


def _paragraph_views(b: Builder, paragraphs: Sequence[Span]) -> list[Compact]:
    return [compact(b.folded, p.start, p.end) for p in paragraphs]


def _figures_in(b: Builder, views: list[Compact]) -> list[Figure]:
    out: list[Figure] = []
    for view in views:
        text = view.text
        for m in _figures.find_figures(text):
            left = max((x.end() for x in _SENTENCE_END.finditer(text, 0, m.start)), default=0)
            right_match = _SENTENCE_END.search(text, m.end)
            right = right_match.end() if right_match else len(text)
            s, e = view.span(m.start, m.end)
            out.append(
                Figure(
                    text=layout_text(b.source, s, e),
                    start=s,
                    end=e,
                    value=m.value,
                    unit=m.unit,
                    inferred_unit=m.inferred_unit,
                    approximate=m.approximate,
                    bound=m.bound,
                    kind=m.kind,
                    sentence=_span(b, view, left, right),
                )
            )
    return out


def _quoted_in(b: Builder, views: list[Compact]) -> list[Span]:
    return [
        _span(b, view, s, e) for view in views for _, s, e in _quotes.find_quoted_terms(view.text)
    ]


def _occurrences(b: Builder, word: str, views: list[Compact]) -> list[Span]:
    target = fold(word)
    found: list[Span] = []
    for view in views:
        at = view.text.find(target)
        while at >= 0:
            found.append(_span(b, view, at, at + len(target)))
            at = view.text.find(target, at + len(target))
    return found


def _keyword_models(
    b: Builder, ranked: list[tuple[str, float]], views: list[Compact]
) -> list[Keyword]:
    out = []
    for word, weight in ranked:
        occurrences = _occurrences(b, word, views)
        if occurrences:
            out.append(Keyword(word=occurrences[0].text, weight=weight, occurrences=occurrences))
    return out


def _keywords(
    b: Builder, speeches: list[Speech], extra: Sequence[str]
) -> tuple[list[list[Keyword]], list[Keyword]]:
    """Keywords of each speech and of the report, from one segmentation of each speech."""
    from speechparse.enrichment.keywords import rank_many  # jieba loads here, never at import

    views = [_paragraph_views(b, s.paragraphs) for s in speeches]
    texts = ["\n".join(v.text for v in vs) for vs in views]
    per_speech, together = rank_many(texts, top_k=10, top_k_all=20, extra_words=extra)
    every_view = [v for vs in views for v in vs]
    return (
        [_keyword_models(b, ranked, vs) for ranked, vs in zip(per_speech, views, strict=True)],
        _keyword_models(b, together, every_view),
    )


def enrich(b: Builder, parts: dict[str, object], *, keywords: bool) -> dict[str, object]:
    """Add enrichment fields to the built parts."""
    title = parts["title"]
    assert title is None or isinstance(title, Span)
    home = home_place(b, title)
    speeches: list[Speech] = []
    extra: list[str] = []
    raw = parts["speeches"]
    assert isinstance(raw, list)
    for speech in raw:
        views = _paragraph_views(b, speech.paragraphs)
        quoted = _quoted_in(b, views)
        # A number inside quotation marks names a slogan or policy (“7+1”, “12条”), not a figure.
        figures = [
            f
            for f in _figures_in(b, views)
            if not any(q.start <= f.start and f.end <= q.end for q in quoted)
        ]
        orgs = [p.organization for p in speech.speaker.positions if p.organization]
        extra.extend(fold(t.text) for t in quoted if 2 <= len(t.text) <= 8)
        extra.extend(fold(o) for o in orgs)
        speech = speech.model_copy(
            update={
                "speaker": speech.speaker.model_copy(
                    update={
                        "positions": [_resolve(b, p, home) for p in speech.speaker.positions],
                    }
                ),
                "figures": figures,
                "quoted_terms": quoted,
            }
        )
        speeches.append(speech)
    if keywords and speeches:
        per_speech, together = _keywords(b, speeches, extra)
        speeches = [
            s.model_copy(update={"keywords": found})
            for s, found in zip(speeches, per_speech, strict=True)
        ]
        parts["keywords"] = together
    parts["speeches"] = speeches
    parts["title_parts"] = title_parts(b, title)
    parts["home"] = _home_model(b, home)
    return parts
