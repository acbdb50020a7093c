"""The people who speak: one entry per person, however often and in whatever form they speak.

A person is known by their name (padding removed, traditional folded to simplified for the
comparison): dialogues and round-ups give one person several speeches, and each speech points
to its person by a stable id (p1, p2 … in order of first speech). Two different people with the
same name in one report would be merged; reports name their speakers fully, so this is rare.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from speechparse.build.document import validator
from speechparse.decoding.fold import fold
from speechparse.models import Person, Position, Span, Speech

# One per speaker: validated without the constructor's frame (see validator).
_new_person = validator(Person)


@dataclass(frozen=True, slots=True)
class People:
    """The people list, each speech's person id, and each guest's (null when silent)."""

    people: list[Person]
    ids: tuple[str, ...]
    guests: tuple[str | None, ...]


def person_ids(names: Sequence[str]) -> tuple[tuple[str, ...], dict[str, str]]:
    """The person id of each speaker name (p1, p2 … in order of first appearance), and the
    id of each name key (padding removed, folded), by which guests are linked."""
    known: dict[str, str] = {}
    ids = tuple(known.setdefault(_key(name), f"p{len(known) + 1}") for name in names)
    return ids, known


def gather_people(
    speeches: Sequence[Speech],
    mentions: Sequence[Span],
    ids: Sequence[str],
    known: Mapping[str, str],
    guest_names: Sequence[Span],
) -> People:
    """One person per id, with every distinct position and every mention; guests linked.

    ``mentions`` are the speakers' designations as spans (one per speech), reused as they are.
    """
    by_id: dict[str, tuple[str, list[Position], list[Span], list[int]]] = {}
    for index, (speech, mention, pid) in enumerate(zip(speeches, mentions, ids, strict=True)):
        speaker = speech.speaker
        entry = by_id.get(pid)
        if entry is None:
            by_id[pid] = (speaker.name, list(speaker.positions), [mention], [index])
            continue
        _, positions, found, indexes = entry
        seen = {(p.organization, p.title) for p in positions}
        positions.extend(p for p in speaker.positions if (p.organization, p.title) not in seen)
        found.append(mention)
        indexes.append(index)
    guests: list[str | None] = []
    for guest in guest_names:
        linked = known.get(_key(guest.text))
        if linked is not None:
            by_id[linked][2].append(guest)
        guests.append(linked)
    people = [
        _new_person(
            {
                "id": pid,
                "name": name,
                "positions": positions,
                "mentions": sorted(found, key=_start_end) if len(found) > 1 else found,
                "speeches": indexes,
            }
        )
        for pid, (name, positions, found, indexes) in by_id.items()
    ]
    return People(people=people, ids=tuple(ids), guests=tuple(guests))


def _key(name: str) -> str:
    return fold(name).replace(" ", "")


def _start_end(span: Span) -> tuple[int, int]:
    return span.start, span.end
