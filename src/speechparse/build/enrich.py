"""Stage 7: what analysts compute by hand after parsing, grounded like everything else.

Title parts, the report's home place and resolved organisations, figures, quoted terms and
keywords, computed from the structure stage's output (title, paragraphs, positions as
written) and returned beside it; the report stage puts the two together. Each finder works
on a compact, folded view of the text and its offsets are mapped back to the source, so every
value here still points at the characters it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import cast

from speechparse.build.document import (
    Document,
    collector_paused,
    cut,
    new_span,
    paragraph_view,
    restored_view,
    validator,
)
from speechparse.build.speeches import ParagraphViews, PositionParts, Structure
from speechparse.core.chars import SENTENCE_OR_CLAUSE_END_RE
from speechparse.core.diagnostics import Code
from speechparse.core.text import Compact, OffsetMap, compact
from speechparse.decoding.fold import fold
from speechparse.enrichment import figures as _figures
from speechparse.enrichment import organizations as _orgs
from speechparse.enrichment import quotes as _quotes
from speechparse.enrichment import title_parts as _titleparts
from speechparse.models import (
    Diagnostic,
    Figure,
    HomeLevel,
    HomePlace,
    Keyword,
    OrgLevel,
    Span,
    TitleParts,
)


@dataclass(frozen=True, slots=True)
class Organization:
    """What one position's organisation resolves to (both null when it names none)."""

    full_name: str | None
    level: OrgLevel | None


@dataclass(frozen=True, slots=True)
class SpeechEnrichment:
    """The enrichment of one speech; ``organizations`` lines up with its positions."""

    organizations: tuple[Organization, ...]
    figures: tuple[Figure, ...]
    quoted_terms: tuple[Span, ...]
    keywords: tuple[Keyword, ...]


@dataclass(frozen=True, slots=True)
class Enrichment:
    """The enrichment of a report; ``speeches`` lines up with the structure's speeches."""

    title_parts: TitleParts | None
    home: HomePlace | None
    keywords: tuple[Keyword, ...]
    speeches: tuple[SpeechEnrichment, ...]
    diagnostics: tuple[Diagnostic, ...]


ENRICHMENTS = frozenset({"figures", "quotes", "keywords", "organizations", "title_parts"})
"""What ``parse(enrich=...)`` can ask for; ``organizations`` is the home place and the
resolution of abbreviated units against it (with its ``org.unresolved`` diagnostics)."""
# Quoted terms are found whenever figures or keywords are wanted: a figure inside quotes is
# a slogan, and quoted terms join the keyword dictionary, so those results do not change.
_NEEDS_QUOTES = frozenset({"figures", "quotes", "keywords"})
UNRESOLVED = Organization(full_name=None, level=None)
"""No organisation, or resolution not asked for."""


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
    doc: Document,
    structure: Structure,
    *,
    only: frozenset[str] = ENRICHMENTS,
    views: ParagraphViews | None = None,
) -> Enrichment:
    """Stage 7: the enrichments named in ``only`` (see :func:`wanted`); the others stay empty.

    Without ``"keywords"`` jieba is never imported. ``views`` are the paragraph views stage 6
    built (:func:`~speechparse.build.speeches.structure_and_views`); without them they are
    built again.
    """
    # Its models (a large report's keywords alone are one Span per occurrence) form no cycle:
    # on a report 100 times the seed's size, collector passes were a third of the stage.
    with collector_paused():
        return _enrich(doc, structure, only, views)


def _enrich(
    doc: Document, structure: Structure, only: frozenset[str], given: ParagraphViews | None
) -> Enrichment:
    title = structure.title
    organizations = "organizations" in only
    home = None
    if organizations:
        home = _orgs.infer_home(doc.folded, fold(title.text) if title is not None else None)
    found: list[Diagnostic] = []
    views = (
        _paragraph_views(doc, structure, given)
        if only & _NEEDS_QUOTES
        else [[] for _ in structure.speeches]
    )
    speeches: list[SpeechEnrichment] = []
    extra: list[str] = []
    for speech, speech_views in zip(structure.speeches, views, strict=True):
        quoted = _quoted_in(doc, speech_views)
        # A number inside quotation marks names a slogan or policy (“7+1”, “12条”), not a figure.
        figures = _outside(_figures_in(doc, speech_views), quoted) if "figures" in only else ()
        resolved = []
        for position in speech.speaker.positions:
            if not organizations:
                resolved.append(UNRESOLVED)
                continue
            organization, diagnostics = _resolve(doc, position, home)
            resolved.append(organization)
            found.extend(diagnostics)
        if "keywords" in only:
            extra.extend(fold(t.text) for t in quoted if 2 <= len(t.text) <= 8)
            extra.extend(fold(p.organization) for p in speech.speaker.positions if p.organization)
        kept_quotes = quoted if "quotes" in only else ()
        speeches.append(SpeechEnrichment(tuple(resolved), figures, kept_quotes, ()))
    together: tuple[Keyword, ...] = ()
    if "keywords" in only and speeches:
        per_speech, together = _keywords(doc, views, extra)
        speeches = [
            SpeechEnrichment(s.organizations, s.figures, s.quoted_terms, found_words)
            for s, found_words in zip(speeches, per_speech, strict=True)
        ]
    return Enrichment(
        title_parts=_title_parts(doc, title) if "title_parts" in only else None,
        home=_home_model(doc, home),
        keywords=together,
        speeches=tuple(speeches),
        diagnostics=tuple(found),
    )


def _title_parts(doc: Document, title: Span | None) -> TitleParts | None:
    """Genre, topic, delegation, destination and meeting named in the title."""
    if title is None:
        return None
    view = compact(doc.folded, title.start, title.end)
    parts = _titleparts.decompose_title(view.text)

    def piece(part: tuple[str, int, int] | None) -> Span | None:
        return doc.view_span(view, part[1], part[2]) if part is not None else None

    return TitleParts(
        genre=piece(parts.genre),
        topic=piece(parts.topic),
        delegation=piece(parts.delegation),
        destination=piece(parts.destination),
        meeting=piece(parts.meeting),
    )


def _home_model(doc: Document, home: _orgs.HomePlace | None) -> HomePlace | None:
    if home is None:
        return None
    return HomePlace(
        name=home.name,
        # The finder writes only the four levels; pydantic checks the value here.
        level=cast(HomeLevel, home.level),
        evidence=doc.span(home.start, home.end),
        reason=home.reason,
    )


def _resolve(
    doc: Document, position: PositionParts, home: _orgs.HomePlace | None
) -> tuple[Organization, tuple[Diagnostic, ...]]:
    if position.organization is None:
        return Organization(full_name=None, level=None), ()
    found = _orgs.resolve_organization(fold(position.organization), home)
    organization = Organization(full_name=found.full_name, level=cast(OrgLevel, found.level))
    if found.full_name is None and found.reason and not position.inherited:
        span = position.span
        return organization, (
            doc.diagnostic(
                Code.ORG_UNRESOLVED,
                f"{position.organization}: {found.reason}",
                span.start,
                span.end,
            ),
        )
    return organization, ()


def _paragraph_views(
    doc: Document, structure: Structure, given: ParagraphViews | None
) -> list[list[Compact]]:
    """Each speech's paragraph views: those stage 6 built, or built again without them."""
    if given is not None:
        if len(given) != len(structure.speeches):
            raise ValueError(
                f"{len(given)} speeches' paragraph views for {len(structure.speeches)} speeches"
            )
        folded = doc.folded
        return [[restored_view(folded, view) for view in speech] for speech in given]
    return [
        [paragraph_view(doc.folded, p.start, p.end) for p in s.paragraphs]
        for s in structure.speeches
    ]


def _figures_in(doc: Document, views: list[Compact]) -> list[Figure]:
    out: list[Figure] = []
    for view in views:
        text = view.text
        found = _figures.find_figures(text)
        if not found:
            continue
        # Sentence ends found once per paragraph and looked up by bisection: rescanning the
        # paragraph for every figure made one long line quadratic.
        ends = [x.start() for x in _SENTENCE_OR_CLAUSE_END.finditer(text)]
        sentences: dict[tuple[int, int], Span] = {}  # one Span for figures of one sentence
        cuts = doc.cuts(view)
        for m in found:
            k = bisect_left(ends, m.start)  # ends[k - 1] + 1 <= m.start: the sentence before
            left = ends[k - 1] + 1 if k > 0 else 0
            k = bisect_left(ends, m.end, k)
            right = ends[k] + 1 if k < len(ends) else len(text)
            sentence = sentences.get((left, right))
            if sentence is None:
                sentence = sentences[left, right] = cuts.span(left, right)
            start, end = cuts.range(m.start, m.end)
            out.append(
                _new_figure(
                    {
                        "text": cut(doc.source, start, end),
                        "start": start,
                        "end": end,
                        "value": m.value,
                        "unit": m.unit,
                        "inferred_unit": m.inferred_unit,
                        "approximate": m.approximate,
                        "bound": m.bound,
                        "kind": m.kind,
                        "sentence": sentence,
                    }
                )
            )
    return out


# The shared pattern of sentence and clause ends, compiled with ``re``: a character class,
# which it scans half again as fast as ``regex`` does.
_SENTENCE_OR_CLAUSE_END = re.compile(SENTENCE_OR_CLAUSE_END_RE.pattern)

# A few hundred per report: validated without the constructor's frame (see validator).
_new_figure = validator(Figure)


def _outside(figures: list[Figure], quoted: Sequence[Span]) -> tuple[Figure, ...]:
    """The figures not inside any quoted term, in one sorted sweep (not figures × terms)."""
    if not quoted:
        return tuple(figures)
    spans = sorted((q.start, q.end) for q in quoted)
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))  # furthest end so far
    return tuple(
        f for f in figures if (k := bisect_right(starts, f.start)) == 0 or reach[k - 1] < f.end
    )


def _quoted_in(doc: Document, views: list[Compact]) -> tuple[Span, ...]:
    return tuple(
        doc.view_span(view, s, e)
        for view in views
        for _, s, e in _quotes.find_quoted_terms(view.text)
    )


class _Grounder:
    """Where the report's keywords occur, as Spans, each (start, end) built into a Span once.

    The paragraph views of all speeches are joined by line breaks, so a term is looked for
    with one ``find`` loop over a speech (a slice of the joined text) or over the whole
    report, not one per paragraph; a compact view holds no line break and a term none either,
    so no occurrence can straddle two paragraphs. Offsets map back through one table of the
    unbroken stretches of all views. One Span instance serves every keyword naming the same
    characters (a term of a speech that is also one of the report's); models are frozen, so
    sharing them cannot change what the JSON says.
    """

    __slots__ = ("_run_sources", "_run_starts", "_source", "_spans", "bounds", "text")

    def __init__(self, doc: Document, views: list[list[Compact]]) -> None:
        self.text = "\n".join(v.text for speech in views for v in speech)
        self._run_starts: list[int] = []  # where each stretch starts in ``text``
        self._run_sources: list[int] = []  # and in the source
        self.bounds: list[tuple[int, int]] = []  # each speech's slice of ``text``
        at = 0
        for speech in views:
            first = at
            for view in speech:
                for run_start, source in _runs(view):
                    self._run_starts.append(at + run_start)
                    self._run_sources.append(source)
                at += len(view.text) + 1
            self.bounds.append((first, at - 1) if speech else (0, 0))
        self._source = doc.source
        self._spans: dict[int, Span] = {}  # by start * (len(source) + 1) + end

    def occurrences(self, target: str, lo: int, hi: int) -> list[Span]:
        """Non-overlapping occurrences of ``target`` (folded) in ``text[lo:hi]``, in order."""
        text, size = self.text, len(target)
        run_starts, run_sources = self._run_starts, self._run_sources
        runs = len(run_starts)
        spans, source = self._spans, self._source
        stride = len(source) + 1
        found = []
        at = text.find(target, lo, hi)
        while at >= 0:
            k = bisect_right(run_starts, at) - 1
            start = run_sources[k] + at - run_starts[k]
            last = at + size - 1
            if k + 1 < runs and run_starts[k + 1] <= last:  # the term spans a line break
                k = bisect_right(run_starts, last) - 1
                end = run_sources[k] + last - run_starts[k] + 1
            else:
                end = start + size
            # An int key, not a (start, end) tuple: ints are not tracked by the cycle collector,
            # whose passes over a large report's objects grow with every tracked allocation.
            key = start * stride + end
            span = spans.get(key)
            if span is None:
                span = spans[key] = new_span(cut(source, start, end), start, end)
            found.append(span)
            at = text.find(target, at + size, hi)
        return found


def _runs(view: Compact) -> list[tuple[int, int]]:
    """The unbroken stretches of the source a view is made of: (view offset, source offset)."""
    index = view.index
    assert isinstance(index, OffsetMap), "paragraph views map offsets by runs"
    return index.runs()


def _keyword_models(
    grounder: _Grounder, ranked: list[tuple[str, float]], lo: int, hi: int
) -> tuple[Keyword, ...]:
    out = []
    for word, weight in ranked:
        occurrences = grounder.occurrences(fold(word), lo, hi)
        if occurrences:
            out.append(
                _new_keyword(
                    {"word": occurrences[0].text, "weight": weight, "occurrences": occurrences}
                )
            )
    return tuple(out)


# Ten or twenty per speech: validated without the constructor's frame (see validator).
_new_keyword = validator(Keyword)


def _keywords(
    doc: Document, views: list[list[Compact]], extra: Sequence[str]
) -> tuple[list[tuple[Keyword, ...]], tuple[Keyword, ...]]:
    """Keywords of each speech and of the report, from one segmentation of each speech."""
    from speechparse.enrichment.keywords import rank_many  # jieba loads here, never at import

    grounder = _Grounder(doc, views)
    text = grounder.text
    per_speech, together = rank_many(
        [text[lo:hi] for lo, hi in grounder.bounds], top_k=10, top_k_all=20, extra_words=extra
    )
    return (
        [
            _keyword_models(grounder, ranked, lo, hi)
            for ranked, (lo, hi) in zip(per_speech, grounder.bounds, strict=True)
        ],
        _keyword_models(grounder, together, 0, len(text)),
    )
