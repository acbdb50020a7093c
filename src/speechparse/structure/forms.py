"""Speaker forms decided from the document's structure, after each block was judged alone.

A block's own text cannot tell that `刘某某：…` is a dialogue turn (the name is only known from
the guest list above), that `河南省某市  关  慨` under a headline introduces a reader's piece
(one such line could be anything; a column of them is a layout), or that a paragraph ends
with the next speaker's designation (`…。全国人大代表、某局局长某某：`). Likewise a lecturer
named with a label in the edition line, `答：` turns answered by the interviewee of the title,
and an ordinal kicker (`案例一`) standing over a headline. These passes look across blocks and
re-classify the few blocks concerned; every other block is left as it was. Each pass is one
walk over the blocks, so the cost stays linear in the document.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from speechparse.core.diagnostics import Code
from speechparse.core.text import Compact, is_terminated
from speechparse.people.designation import Designation
from speechparse.people.dialogue import (
    answer_label,
    guest_line,
    guest_list_label,
    is_place,
    name_line,
    question_label,
    speaker_label,
    turn_name,
)
from speechparse.structure.blocks import Block, Kind, designation_at
from speechparse.structure.chrome import chrome_reason

_MAX_HEADLINE = 40
_SENTENCE_END = "。！？"
_LAYOUT_ONLY = "no designation or place vouches for this name: taken from the column's layout"
# `案例一`, `故事2`: a word and an ordinal on a line of their own, counting the pieces.
_ORDINAL_KICKER = regex.compile(r"\p{Han}{1,4}(?:[一二三四五六七八九十]{1,3}|\d{1,2})")


def _piece(view: Compact, start: int, end: int | None = None) -> Compact:
    """The view of ``view.text[start:end]``, offsets kept (a piece of a block)."""
    end = len(view.text) if end is None else end
    return Compact(view.text[start:end], tuple(view.index[i] for i in range(start, end)))


def mark_layout_forms(blocks: list[Block]) -> list[Block]:
    """Blocks with dialogue turns, questions, glued designations and name lines marked."""
    blocks = _split_glued(blocks)
    blocks = _label_in_head_lines(blocks)
    blocks = _split_guest_label(blocks)
    blocks = _mark_answers(blocks)
    blocks = _mark_dialogue(blocks)
    blocks = _mark_name_lines(blocks)
    blocks = _kickers_to_markers(blocks)
    return [b if b.index == i else replace(b, index=i) for i, b in enumerate(blocks)]


def _content(blocks: list[Block], i: int, step: int) -> Block | None:
    """The nearest block before (step -1) or after (step 1) ``i`` that is not page chrome."""
    k = i + step
    while 0 <= k < len(blocks):
        if blocks[k].kind is not Kind.CHROME:
            return blocks[k]
        k += step
    return None


def _short_unterminated(block: Block | None) -> bool:
    return (
        block is not None
        and block.kind in (Kind.TEXT, Kind.HEADLINE)
        and block.byline is None
        and 0 < len(block.text) <= _MAX_HEADLINE
        and not block.terminated
    )


def _split_guest_label(blocks: list[Block]) -> list[Block]:
    """`对话嘉宾：甘某  某大学教授` — the label and the first guest on one line become two
    blocks, when that guest later speaks in a `姓名：` turn (else it is a label-led speaker)."""
    for i, block in enumerate(blocks):
        colon = block.text.find("：", 0, 12)
        if block.kind is Kind.CHROME or colon <= 0:
            continue
        if guest_list_label(block.text[: colon + 1]) is None:
            continue
        rest_at = colon + 1
        while rest_at < len(block.text) and block.text[rest_at] == " ":
            rest_at += 1
        if rest_at >= len(block.text):
            return blocks  # the label alone: the ordinary layout
        rest = _piece(block.view, rest_at)
        found = guest_line(rest)
        if found is None or not any(
            turn_name(b.text, frozenset([found.name])) for b in blocks[i + 1 :]
        ):
            return blocks
        label = _piece(block.view, 0, colon + 1)
        pieces = []
        for view in (label, rest):
            start, end = view.span(0, len(view.text))
            pieces.append(Block(start, end, view, Kind.TEXT, blank_before=block.blank_before))
        return [*blocks[:i], *pieces, *blocks[i + 1 :]]
    return blocks


def _guest_list(blocks: list[Block]) -> tuple[dict[str, Block], int]:
    """The guests of a guest list (name → its line) and the index after the list.

    The guest lines and the label in ``blocks`` are replaced by their re-classified copies.
    """
    label_at = next(
        (
            i
            for i, b in enumerate(blocks)
            if b.kind in (Kind.TEXT, Kind.LABEL) and guest_list_label(b.text) is not None
        ),
        None,
    )
    if label_at is None:
        return {}, 0
    guests: dict[str, Block] = {}
    k = label_at + 1
    while k < len(blocks):
        block = blocks[k]
        if block.kind is Kind.CHROME:
            k += 1
            continue
        found = guest_line(block.view) if block.kind in (Kind.TEXT, Kind.DESIGNATION) else None
        if found is None:
            break
        designation = replace(
            found.designation, name_start=found.name_start, name_end=found.name_end
        )
        block = blocks[k] = replace(
            block, kind=Kind.GUEST, designation=designation, byline=None, marker=None
        )
        guests.setdefault(found.name, block)
        k += 1
    if not guests:
        return {}, 0
    label = blocks[label_at]
    end = guest_list_label(label.text)
    if end is None:
        raise ValueError(f"the guest-list label at {label.start} no longer reads as one")
    blocks[label_at] = replace(
        label, kind=Kind.GUEST_LABEL, marker=(0, end), body_start=len(label.text)
    )
    return guests, k


def _mark_dialogue(blocks: list[Block]) -> list[Block]:
    """Turns `姓名：…` by the guests of a guest list, or by a speaker already introduced with a
    full designation; `记者：…` questions between turns; section heads in a guest dialogue."""
    blocks = list(blocks)
    guests, k = _guest_list(blocks)
    known = dict(guests)
    turns = sum(1 for b in blocks if b.form == "dialogue")
    for i in range(k, len(blocks)):
        block = blocks[i]
        if block.kind in (Kind.CHROME, Kind.BYLINE):
            continue
        text = block.text
        turn = turn_name(text, known.keys()) if known else None
        if turn is not None:
            name_end, end, body = turn
            blocks[i] = replace(
                block,
                kind=Kind.DESIGNATION,
                designation=Designation(0, name_end, [], "dialogue", extent_end=end),
                guest=known[text[:name_end].replace(" ", "")],
                body_start=body,
                form="dialogue",
                marker=None,
                label=None,
                terminated=is_terminated(text[body:]),
            )
            turns += 1
            continue
        if block.kind is Kind.DESIGNATION and block.designation is not None:
            found = block.designation
            name = text[found.name_start : found.name_end].replace(" ", "")
            if found.parts and name:
                known.setdefault(name, block)
            continue
        if guests and (
            (block.kind is Kind.HEADLINE) or (_short_unterminated(block) and "：" not in text)
        ):
            blocks[i] = replace(block, section=True)
    if not guests and not turns:
        return blocks
    for i in range(k, len(blocks)):
        block = blocks[i]
        if block.kind not in (Kind.TEXT, Kind.LABEL):
            continue
        question = question_label(block.text)
        after = _content(blocks, i, 1)
        # Without a guest list (but with turns), a question must have an answer right below.
        if question is None or (
            not guests and (after is None or after.kind is not Kind.DESIGNATION)
        ):
            continue
        blocks[i] = replace(
            block,
            kind=Kind.QUESTION,
            marker=(0, question[0]),
            body_start=question[1],
            designation=None,
            section=False,
        )
    return blocks


def _interviewee(blocks: list[Block]) -> Block | None:
    """`…——访某市商务局局长某某` in the title or a subtitle: the one person interviewed, as a
    block holding just that designation."""
    for block in blocks:
        if block.kind is Kind.DESIGNATION or block.form == "dialogue":
            return None
        if block.kind not in (Kind.TEXT, Kind.SUBTITLE) or len(block.text) > 80:
            continue
        text = block.text
        at = text.find("访")
        while at >= 0:
            found = designation_at(text[at + 1 :])
            if found is not None and found[2] == len(text) - at - 1 and not found[0].doubts:
                view = _piece(block.view, at + 1)
                start, end = view.span(0, len(view.text))
                return Block(start, end, view, Kind.DESIGNATION, designation=found[0])
            at = text.find("访", at + 1)
    return None


def _mark_answers(blocks: list[Block]) -> list[Block]:
    """`问：… 答：…` interviews: each `答：` turn is a speech by the interviewee of the title."""
    answers = [
        i
        for i, b in enumerate(blocks)
        if b.kind in (Kind.TEXT, Kind.LABEL) and answer_label(b.text) is not None
    ]
    if not answers:
        return blocks
    interviewee = _interviewee(blocks)
    if interviewee is None:
        return blocks
    out = list(blocks)
    for i in answers:
        block = out[i]
        found = answer_label(block.text)
        if found is None:
            continue
        out[i] = replace(
            block,
            kind=Kind.DESIGNATION,
            designation=Designation(0, 0, [], "dialogue", extent_end=found[0]),
            guest=interviewee,
            label=(0, found[0]),
            form="dialogue",
            body_start=found[1],
            marker=None,
            terminated=is_terminated(block.text[found[1] :]),
        )
    return out


def _split_glued(blocks: list[Block]) -> list[Block]:
    """`…最后一句。全国人大代表、某局局长某某：` — the next designation glued to a paragraph."""
    out: list[Block] = []
    for block in blocks:
        text = block.text
        body = block.body_start if block.kind is Kind.DESIGNATION else 0
        if (
            block.kind not in (Kind.TEXT, Kind.DESIGNATION)
            or not text.endswith("：")
            or block.byline is not None
            or body >= len(text)
        ):
            out.append(block)
            continue
        cut = max(text.rfind(ch, body, len(text) - 1) for ch in _SENTENCE_END)
        while 0 <= cut + 1 < len(text) and text[cut + 1] in "”’）":
            cut += 1
        tail_from = cut + 1
        while tail_from < len(text) and text[tail_from] == " ":
            tail_from += 1
        found = designation_at(text[tail_from:]) if cut > body else None
        # A quotation-first speaker (`“……。”某某委员说：`) stands after the cut: not glued.
        named_after = block.designation is not None and block.designation.name_end > cut
        if (
            named_after
            or found is None
            or found[0].doubts
            or found[0].reported
            or found[1] != 0
            or found[2] != len(text) - tail_from
        ):
            out.append(block)
            continue
        head = _piece(block.view, 0, cut + 1)
        tail = _piece(block.view, tail_from)
        start, end = head.span(0, len(head.text))
        if block.kind is Kind.DESIGNATION:
            out.append(replace(block, view=head, end=end, terminated=True))
        else:
            out.append(
                Block(start, end, head, Kind.TEXT, terminated=True, blank_before=block.blank_before)
            )
        t_start, t_end = tail.span(0, len(tail.text))
        out.append(
            Block(
                t_start,
                t_end,
                tail,
                Kind.DESIGNATION,
                designation=found[0],
                body_start=len(tail.text),
                form="glued",
            )
        )
    return out


def _label_in_head_lines(blocks: list[Block]) -> list[Block]:
    """`本期主讲人：单位职务  姓名《某报》（…版）` above the text: a column's lecturer named
    in the edition line. The label and designation become a speaker line; the rest stays
    chrome."""
    out: list[Block] = []
    speaking = False
    for i, block in enumerate(blocks):
        speaking = speaking or block.kind is Kind.DESIGNATION
        # An edition line may have been read as chrome, text or a byline (a name after it).
        if speaking or block.kind not in (Kind.CHROME, Kind.TEXT, Kind.BYLINE):
            out.append(block)
            continue
        text = block.text
        lead = 0  # past a Markdown quote mark or a bullet, a few characters at most
        while lead < min(len(text), 4) and not regex.match(r"\p{Han}", text[lead]):
            lead += 1
        label = speaker_label(text, lead)
        cut = text.find("《", lead)
        cut = len(text) if cut < 0 else cut
        while cut > lead and text[cut - 1] == " ":
            cut -= 1
        found = designation_at(text[lead:cut]) if label is not None and i > 0 else None
        if label is None or found is None or found[0].doubts or found[2] != cut - lead:
            out.append(block)
            continue
        view = _piece(block.view, lead, cut)
        start, end = view.span(0, len(view.text))
        out.append(
            Block(
                start,
                end,
                view,
                Kind.DESIGNATION,
                designation=found[0],
                body_start=len(view.text),
                marker=None,
                label=(0, label[0] - lead),
                form="label",
                terminated=True,
                index=block.index,
            )
        )
        if cut < len(text):
            rest = _piece(block.view, cut)
            r_start, r_end = rest.span(0, len(rest.text))
            reason = block.chrome or chrome_reason(rest.text)
            kind = Kind.CHROME if reason else Kind.TEXT
            out.append(Block(r_start, r_end, rest, kind, chrome=reason, index=block.index))
    return out


def _mark_name_lines(blocks: list[Block]) -> list[Block]:
    """Reader columns: a headline, a `地名  姓名` (or bare name) line, then the piece.

    A line whose first word ends like a place (`某省某市`) is taken on its own; a bare name,
    or a first word that does not end like a place (`江苏南京`, a unit), only when the
    document has at least two such pieces, as one short name-like line proves no layout.
    """
    found: list[tuple[int, tuple[int, int] | None, tuple[int, int]]] = []
    first = next((b for b in blocks if b.kind is not Kind.CHROME), None)
    for i, block in enumerate(blocks):
        if block.kind is not Kind.TEXT or block.byline is not None:
            continue
        line = name_line(block.text)
        if line is None:
            continue
        above, below = _content(blocks, i, -1), _content(blocks, i, 1)
        # The line above must be a headline, not the report's title.
        if above is first or not _short_unterminated(above):
            continue
        if below is None or below.kind is not Kind.TEXT:
            continue
        if _short_unterminated(below):
            continue
        found.append((i, line[0], line[1]))
    out = list(blocks)
    for i, place, name in found:
        block = out[i]
        sure = place is not None and is_place(block.text[place[0] : place[1]])
        if not sure and len(found) < 2:
            continue
        doubts = [] if sure else [(Code.SPEAKER_LAYOUT_ONLY.value, _LAYOUT_ONLY)]
        out[i] = replace(
            block,
            kind=Kind.DESIGNATION,
            designation=Designation(
                name[0], name[1], [], "name_line", doubts, extent_end=name[1], extent_start=0
            ),
            place=place,
            form="name_line",
            body_start=len(block.text),
            terminated=True,
        )
    return out


def _kickers_to_markers(blocks: list[Block]) -> list[Block]:
    """`案例一` / headline / designation: the ordinal line is the headline's marker."""
    out: list[Block] = []
    skip = False
    for i, block in enumerate(blocks):
        if skip:
            skip = False
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            block.kind is Kind.TEXT
            and block.byline is None
            and len(block.text) <= 8
            and _ORDINAL_KICKER.fullmatch(block.text)
            and nxt is not None
            and nxt.kind is Kind.TEXT
            and _short_unterminated(nxt)
            and "：" not in nxt.text
            and (after := _content(blocks, i + 1, 1)) is not None
            and after.kind is Kind.DESIGNATION
        ):
            offsets = [block.view.index[k] for k in range(len(block.text))]
            offsets += [nxt.view.index[k] for k in range(len(nxt.text))]
            view = Compact(block.text + nxt.text, tuple(offsets))
            merged = Block(
                block.start,
                nxt.end,
                view,
                Kind.HEADLINE,
                marker=(0, len(block.text)),
                body_start=len(block.text),
                blank_before=block.blank_before,
            )
            out.append(merged)
            skip = True
            continue
        out.append(block)
    return out
