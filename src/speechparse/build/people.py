"""The people who speak: one entry per person, however often and in whatever form they speak.

A person is known by their name (padding removed, traditional folded to simplified for the
comparison): dialogues and round-ups give one person several speeches, and each speech points
to its person by a stable id (p1, p2 … in order of first speech). Two different people with the
same name in one report would be merged; reports name their speakers fully, so this is rare.
"""

from __future__ import annotations

from speechparse.decoding.fold import fold
from speechparse.models import Guest, Person, Position, Span, Speech


def _key(name: str) -> str:
    return fold(name).replace(" ", "")


def gather_people(
    speeches: list[Speech], guests: list[Guest]
) -> tuple[list[Speech], list[Person], list[Guest]]:
    """Speeches with their person set, the people list, and guests linked to the people."""
    ids: dict[str, str] = {}
    positions: dict[str, list[Position]] = {}
    mentions: dict[str, list[Span]] = {}
    indexes: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    linked: list[Speech] = []
    for index, speech in enumerate(speeches):
        speaker = speech.speaker
        key = _key(speaker.name)
        if key not in ids:
            ids[key] = f"p{len(ids) + 1}"
            positions[key], mentions[key], indexes[key] = [], [], []
            names[key] = speaker.name
        seen = {(p.organization, p.title) for p in positions[key]}
        positions[key].extend(p for p in speaker.positions if (p.organization, p.title) not in seen)
        mentions[key].append(Span(text=speaker.text, start=speaker.start, end=speaker.end))
        indexes[key].append(index)
        linked.append(speech.model_copy(update={"person": ids[key]}))
    out_guests: list[Guest] = []
    for guest in guests:
        key = _key(guest.name.text)
        if key in ids:
            mentions[key].append(guest.name)
        out_guests.append(guest.model_copy(update={"person": ids.get(key)}))
    people = [
        Person(
            id=ids[key],
            name=names[key],
            positions=positions[key],
            mentions=sorted(mentions[key], key=lambda s: (s.start, s.end)),
            speeches=indexes[key],
        )
        for key in ids
    ]
    return linked, people, out_guests
