"""The people who speak: one entry per person, however often and in whatever form they speak.

A person is known by their name (padding removed, traditional folded to simplified for the
comparison): dialogues and round-ups give one person several speeches, and each speech points
to its person by a stable id (p1, p2 … in order of first speech). Two different people with the
same name in one report would be merged; reports name their speakers fully, so this is rare.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from speechparse.decoding.fold import fold
from speechparse.models import Person, Position, Span, Speech


@dataclass(frozen=True, slots=True)
class People:
    """The people list, each speech's person id, and each guest's (null when silent)."""

    people: list[Person]
    ids: tuple[str, ...]
    guests: tuple[str | None, ...]


def _key(name: str) -> str:
    return fold(name).replace(" ", "")


def person_ids(names: Sequence[str]) -> tuple[str, ...]:
    """The person id of each speaker name: p1, p2 … in order of first appearance."""
    ids: dict[str, str] = {}
    return tuple(ids.setdefault(_key(name), f"p{len(ids) + 1}") for name in names)


def gather_people(
    speeches: Sequence[Speech], ids: Sequence[str], guest_names: Sequence[Span]
) -> People:
    """One person per id, with every distinct position and every mention; guests linked."""
    by_id: dict[str, tuple[str, list[Position], list[Span], list[int]]] = {}
    for index, (speech, pid) in enumerate(zip(speeches, ids, strict=True)):
        speaker = speech.speaker
        _, positions, mentions, indexes = by_id.setdefault(pid, (speaker.name, [], [], []))
        seen = {(p.organization, p.title) for p in positions}
        positions.extend(p for p in speaker.positions if (p.organization, p.title) not in seen)
        mentions.append(Span(text=speaker.text, start=speaker.start, end=speaker.end))
        indexes.append(index)
    known = {_key(by_id[pid][0]): pid for pid in by_id}
    guests: list[str | None] = []
    for guest in guest_names:
        found = known.get(_key(guest.text))
        if found is not None:
            by_id[found][2].append(guest)
        guests.append(found)
    people = [
        Person(
            id=pid,
            name=name,
            positions=positions,
            mentions=sorted(mentions, key=lambda s: (s.start, s.end)),
            speeches=indexes,
        )
        for pid, (name, positions, mentions, indexes) in by_id.items()
    ]
    return People(people=people, ids=tuple(ids), guests=tuple(guests))
