"""Enrichment: what analysts compute by hand after parsing, grounded like everything else.

Title parts, the report's home place and resolved organisations, figures, quoted terms and
keywords. Each finder works on a compact, folded view of the text and its offsets are mapped
back to the source, so every value here still points at the characters it came from.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate

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
        # Sentence ends found once per paragraph and looked up by bisection: rescanning the
        # paragraph for every figure made one long line quadratic.
        ends = [x.start() for x in _SENTENCE_END.finditer(text)]
        sentences: dict[tuple[int, int], Span] = {}  # one Span for figures of one sentence
        for m in _figures.find_figures(text):
            k = bisect_left(ends, m.start)  # ends[k - 1] + 1 <= m.start: the sentence before
            left = ends[k - 1] + 1 if k > 0 else 0
            k = bisect_left(ends, m.end, k)
            right = ends[k] + 1 if k < len(ends) else len(text)
            s, e = view.span(m.start, m.end)
            sentence = sentences.get((left, right))
            if sentence is None:
                sentence = sentences[left, right] = _span(b, view, left, right)
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
                    sentence=sentence,
                )
            )
    return out


def _outside(figures: list[Figure], quoted: list[Span]) -> list[Figure]:
    """The figures not inside any quoted term, in one sorted sweep (not figures × terms)."""
    if not quoted:
        return figures
    spans = sorted((q.start, q.end) for q in quoted)
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))  # furthest end so far
    kept = []
    for f in figures:
        k = bisect_right(starts, f.start)
        if k == 0 or reach[k - 1] < f.end:
            kept.append(f)
    return kept


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


ENRICHMENTS = frozenset({"figures", "quotes", "keywords", "organizations", "title_parts"})
"""What ``parse(enrich=...)`` can ask for; ``organizations`` is the home place and the
resolution of abbreviated units against it (with its ``org.unresolved`` diagnostics)."""
# Quoted terms are found whenever figures or keywords are wanted: a figure inside quotes is
# a slogan, and quoted terms join the keyword dictionary, so those results do not change.
_NEEDS_QUOTES = frozenset({"figures", "quotes", "keywords"})


def wanted(enrich: bool | str | Iterable[str], *, keywords: bool) -> frozenset[str]:
    """The enrichments to compute: ``True`` for all, ``False`` for none, or a set of names.

    ``keywords=False`` still removes keywords, so the older switch keeps its meaning.
    """
    if enrich is True:
        names = ENRICHMENTS
    elif enrich is False:
        names = frozenset()
    else:
        names = frozenset([enrich] if isinstance(enrich, str) else enrich)
        unknown = sorted(name for name in names if name not in ENRICHMENTS)
        if unknown:
            raise ValueError(
                f"unknown enrichment {', '.join(map(repr, unknown))}; "
                f"choose among {', '.join(sorted(ENRICHMENTS))}"
            )
    return names if keywords else names - {"keywords"}


def enrich(
    b: Builder,
    parts: dict[str, object],
    *,
    keywords: bool,
    only: frozenset[str] = ENRICHMENTS,
) -> dict[str, object]:
    """Add enrichment fields to the built parts (those in ``only``; keywords if ``keywords``)."""
    title = parts["title"]
    assert title is None or isinstance(title, Span)
    organizations = "organizations" in only
    home = home_place(b, title) if organizations else None
    speeches: list[Speech] = []
    extra: list[str] = []
    raw = parts["speeches"]
    assert isinstance(raw, list)
    keywords = keywords and "keywords" in only
    for index, speech in enumerate(raw):
        raw[index] = None  # each speech is replaced by its enriched copy, not kept beside it
        if not (only & _NEEDS_QUOTES or organizations):
            speeches.append(speech)
            continue
        views = _paragraph_views(b, speech.paragraphs) if only & _NEEDS_QUOTES else []
        quoted = _quoted_in(b, views)
        # A number inside quotation marks names a slogan or policy (“7+1”, “12条”), not a figure.
        figures = _outside(_figures_in(b, views), quoted) if "figures" in only else []
        orgs = [p.organization for p in speech.speaker.positions if p.organization]
        extra.extend(fold(t.text) for t in quoted if 2 <= len(t.text) <= 8)
        extra.extend(fold(o) for o in orgs)
        update: dict[str, object] = {
            "figures": figures,
            "quoted_terms": quoted if "quotes" in only else [],
        }
        if organizations:
            written = speech.speaker.positions
            positions = [_resolve(b, p, home) for p in written]
            if any(new is not old for new, old in zip(positions, written, strict=True)):
                update["speaker"] = speech.speaker.model_copy(update={"positions": positions})
        speeches.append(speech.model_copy(update=update))
    if keywords and speeches:
        per_speech, together = _keywords(b, speeches, extra)
        speeches = [
            s.model_copy(update={"keywords": found})
            for s, found in zip(speeches, per_speech, strict=True)
        ]
        parts["keywords"] = together
    parts["speeches"] = speeches
    parts["title_parts"] = title_parts(b, title) if "title_parts" in only else None
    parts["home"] = _home_model(b, home)
    return parts
