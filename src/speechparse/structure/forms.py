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

from speechparse.core.chars import CLOSERS, SENTENCE_END
from speechparse.core.diagnostics import Code
from speechparse.core.lexicon import load_words
from speechparse.core.text import Compact, is_terminated
from speechparse.people.byline import BylineMatch, parse_credits
from speechparse.people.designation import Designation, parse_designation, positions_only
from speechparse.people.dialogue import (
    designation_ending,
    full_name,
    guest_cuts,
    guest_line,
    guest_list_label,
    is_place,
    name_line,
    outlet_label,
    speaker_label,
    turn_name,
    turn_shape,
)
from speechparse.structure.block_facts import BlockFacts
from speechparse.structure.blocks import (
    K_BYLINE,
    K_CHROME,
    K_DESIGNATION,
    K_GUEST,
    K_GUEST_LABEL,
    K_HEADLINE,
    K_LABEL,
    K_QUESTION,
    K_SUBTITLE,
    K_TEXT,
    Block,
    designation_at,
)
from speechparse.structure.chrome import chrome_reason

_MAX_HEADLINE = 40
_GUEST_SEPARATORS = " 、，；;"
_SENTENCE_END = SENTENCE_END
_LAYOUT_ONLY = "no designation or place vouches for this name: taken from the column's layout"
# `案例一`, `故事2`: a word and an ordinal on a line of their own, counting the pieces.
_INNER = regex.compile(r"\S.*\S")  # a line without its outer spaces
_HAN = regex.compile(r"\p{Han}")
_ORDINAL_KICKER = regex.compile(r"\p{Han}{1,4}(?:[一二三四五六七八九十]{1,3}|\d{1,2})")


def _piece(view: Compact, start: int, end: int | None = None) -> Compact:
    """The view of ``view.text[start:end]``, offsets kept (a piece of a block)."""
    end = len(view.text) if end is None else end
    return Compact(view.text[start:end], tuple(view.index[i] for i in range(start, end)))


def mark_layout_forms(blocks: list[Block]) -> list[Block]:
    """Blocks with dialogue turns, questions, glued designations and name lines marked.

    The facts about each block's text are asked once and shared by the passes; a pass that
    splits or merges blocks returns a new list, and the facts are asked again of that list.
    """
    facts = BlockFacts(blocks)
    for split in (_split_glued, _label_in_head_lines, _split_guest_label, _split_guest_runs):
        split_blocks = split(blocks, facts)
        if split_blocks is not blocks:
            blocks, facts = split_blocks, BlockFacts(split_blocks)
    blocks = _mark_answers(blocks, facts)
    blocks = _unlabelled_answers(blocks, facts)
    blocks = _mark_dialogue(blocks, facts)
    blocks = _mark_name_lines(blocks, facts)
    merged = _names_alone(blocks, facts)
    if len(merged) != len(blocks):
        facts = BlockFacts(merged)
    blocks = _mark_interview_sections(merged, facts)
    blocks = _mark_author_note(blocks)
    blocks = _kickers_to_markers(blocks, facts)
    return [b if b.index == i else replace(b, index=i) for i, b in enumerate(blocks)]


def _content(blocks: list[Block], i: int, step: int) -> Block | None:
    """The nearest block before (step -1) or after (step 1) ``i`` that is not page chrome."""
    k = i + step
    while 0 <= k < len(blocks):
        if blocks[k].kind is not K_CHROME:
            return blocks[k]
        k += step
    return None


def _short_unterminated(block: Block | None) -> bool:
    return (
        block is not None
        and block.kind in (K_TEXT, K_HEADLINE)
        and block.byline is None
        and 0 < len(block.text) <= _MAX_HEADLINE
        and not block.terminated
    )


def _split_guest_label(blocks: list[Block], facts: BlockFacts) -> list[Block]:
    """`对话嘉宾：甘某  某大学教授` — the label and the first guest on one line become two
    blocks, when that guest later speaks in a `姓名：` turn (else it is a label-led speaker)."""
    for i, colon in facts.colons.items():
        if not 0 < colon < 12:
            continue
        block = blocks[i]
        if block.kind is K_CHROME or facts.guest_label_prefix(i, colon) is None:
            continue
        rest_at = colon + 1
        while rest_at < len(block.text) and block.text[rest_at] == " ":
            rest_at += 1
        if rest_at >= len(block.text):
            return blocks  # the label alone: the ordinary layout
        rest = _piece(block.view, rest_at)
        cuts = guest_cuts(rest.text)
        first_end = cuts[1] if len(cuts) > 1 else len(rest.text)
        while first_end > 0 and rest.text[first_end - 1] in _GUEST_SEPARATORS:
            first_end -= 1
        found = guest_line(_piece(rest, 0, first_end))
        if found is None or not any(
            turn_name(b.text, frozenset([found.name])) for b in blocks[i + 1 :]
        ):
            return blocks
        return [
            *blocks[:i],
            *_label_and_guest(block, colon, rest),
            *_repeated_labels(blocks, i + 1),
        ]
    return blocks


def _label_and_guest(block: Block, colon: int, rest: Compact) -> list[Block]:
    label = _piece(block.view, 0, colon + 1)
    pieces = []
    for view in (label, rest):
        start, end = view.span(0, len(view.text))
        pieces.append(Block(start, end, view, K_TEXT, blank_before=block.blank_before))
    return pieces


def _repeated_labels(blocks: list[Block], k: int) -> list[Block]:
    """`嘉宾：乙某  职务` lines right after the first one: the label repeated for each guest.
    Each later label becomes a guest-list label block of its own, then the guest."""
    out: list[Block] = []
    while k < len(blocks):
        block = blocks[k]
        colon = block.text.find("：", 0, 12)
        if colon <= 0 or guest_list_label(block.text[: colon + 1]) is None:
            break
        rest_at = colon + 1
        while rest_at < len(block.text) and block.text[rest_at] == " ":
            rest_at += 1
        if rest_at >= len(block.text) or guest_line(_piece(block.view, rest_at)) is None:
            break
        label, guest = _label_and_guest(block, colon, _piece(block.view, rest_at))
        label = replace(label, kind=K_GUEST_LABEL, marker=(0, colon), body_start=colon + 1)
        out += [label, guest]
        k += 1
    return [*out, *blocks[k:]]


def _split_guest_runs(blocks: list[Block], facts: BlockFacts) -> list[Block]:
    """Guest lines under a guest-list label that hold several guests (`甲某  职务  乙某  职务`)
    become one block per guest, so no name is read as part of the previous guest's unit."""
    label_at = _guest_label_at(blocks, facts)
    if label_at is None:
        return blocks
    out = blocks[: label_at + 1]
    k = label_at + 1
    split = False
    while k < len(blocks):
        block = blocks[k]
        if block.kind not in (K_TEXT, K_DESIGNATION, K_CHROME) or block.byline:
            break
        cuts = guest_cuts(block.text) if block.kind is not K_CHROME else [0]
        if len(cuts) == 1:
            if block.kind is not K_CHROME and facts.guest_line(k, block.view) is None:
                break
            out.append(block)
            k += 1
            continue
        split = True
        for a, b in zip(cuts, [*cuts[1:], len(block.text)], strict=True):
            while b > a and block.text[b - 1] in _GUEST_SEPARATORS:
                b -= 1
            view = _piece(block.view, a, b)
            start, end = view.span(0, len(view.text))
            out.append(Block(start, end, view, K_TEXT, blank_before=block.blank_before))
        k += 1
    return [*out, *blocks[k:]] if split else blocks


def _guest_label_at(blocks: list[Block], facts: BlockFacts) -> int | None:
    """Index of the first block that is a guest-list label (`对话嘉宾：`)."""
    labels = (K_TEXT, K_LABEL, K_HEADLINE)
    return next((i for i in facts.guest_labels if blocks[i].kind in labels), None)


def _guest_list(blocks: list[Block], facts: BlockFacts) -> tuple[dict[str, Block], int]:
    """The guests of a guest list (name → its line) and the index after the list.

    The guest lines and the label in ``blocks`` are replaced by their re-classified copies.
    """
    label_at = _guest_label_at(blocks, facts)
    if label_at is None:
        return {}, 0
    guests: dict[str, Block] = {}
    k = label_at + 1
    while k < len(blocks):
        block = blocks[k]
        if block.kind in (K_CHROME, K_GUEST_LABEL):
            k += 1
            continue
        guestlike = block.kind in (K_TEXT, K_DESIGNATION, K_HEADLINE)
        found = facts.guest_line(k, block.view) if guestlike else None
        if found is None:
            break
        designation = replace(
            found.designation, name_start=found.name_start, name_end=found.name_end
        )
        block = blocks[k] = replace(
            block, kind=K_GUEST, designation=designation, byline=None, marker=None
        )
        guests.setdefault(found.name, block)
        k += 1
    if not guests:
        return {}, 0
    label = blocks[label_at]
    end = facts.guest_labels[label_at]
    blocks[label_at] = replace(
        label, kind=K_GUEST_LABEL, marker=(0, end), body_start=len(label.text)
    )
    return guests, k


def _mark_dialogue(blocks: list[Block], facts: BlockFacts) -> list[Block]:
    """Turns `姓名：…` by the guests of a guest list, or by a speaker already introduced with a
    full designation; `记者：…` questions between turns; section heads in a guest dialogue."""
    blocks = list(blocks)
    guests, k = _guest_list(blocks, facts)
    known = dict(guests)
    # A turn opens with a known name or its surname: lines opening otherwise are not asked.
    initials = {name[0] for name in known}
    turns = 0
    asked = not guests and _asks_twice(blocks, facts)
    for i in _dialogue_candidates(blocks, facts, every=bool(guests) or asked):
        if i < k:
            continue
        block = blocks[i]
        if block.kind in (K_CHROME, K_BYLINE):
            continue
        text = block.text
        if asked and block.kind is K_TEXT and _after_question(blocks, i, facts):
            # `某某：…` answering a question: the name is known from the text above.
            introduced = _introduced(blocks, i, facts)
            if introduced is not None:
                known.setdefault(*introduced)
                initials.add(introduced[0][0])
            elif (alone := _turn_name_alone(facts, i)) is not None:
                known.setdefault(alone, block)  # not introduced: a name without positions
                initials.add(alone[0])
        turn = (
            turn_name(text, known.keys())
            if facts.colons.get(i, 0) > 0 and text.lstrip(" ")[:1] in initials
            else None
        )
        if turn is not None:
            name_end, end, body = turn
            short = text[:name_end].replace(" ", "")
            full = full_name(short, known)
            if full is None:
                raise ValueError(f"the turn at {block.start} names no known speaker")
            # `司马委员：` names by surname only: the name is then the guest list's.
            name_at = name_end if full == short else 0
            blocks[i] = replace(
                block,
                kind=K_DESIGNATION,
                designation=Designation(0, name_at, [], "dialogue", extent_end=end),
                guest=known[full],
                body_start=body,
                form="dialogue",
                marker=None,
                label=None,
                terminated=is_terminated(text[body:]),
            )
            turns += 1
            continue
        if block.kind is K_DESIGNATION and block.designation is not None:
            found = block.designation
            name = text[found.name_start : found.name_end].replace(" ", "")
            if found.parts and name:
                known.setdefault(name, block)
                initials.add(name[0])
            continue
        if (
            block.kind is K_TEXT
            and text.replace(" ", "") in known
            and facts.name_line(i) is not None
            and (after := _content(blocks, i, 1)) is not None
            and after.kind is K_TEXT
            and not _short_unterminated(after)
        ):
            # The name alone on its line, the words below (`某某` / `“……”`).
            blocks[i] = _name_turn(block, known[text.replace(" ", "")])
            turns += 1
            continue
        if guests and (
            (block.kind is K_HEADLINE) or (_short_unterminated(block) and "：" not in text)
        ):
            blocks[i] = replace(block, section=True)
    if not guests and not turns and not any(b.form == "dialogue" for b in blocks):
        return blocks
    for i, colon in facts.colons.items():  # an outlet's or an interviewer's label needs one
        if i < k or colon <= 0:
            continue
        block = blocks[i]
        if block.kind is K_DESIGNATION and block.form != "dialogue" and _outlet_turn(block):
            # An outlet asking, read as a name by its first character.
            block = blocks[i] = replace(block, kind=K_TEXT)
        if block.kind not in (K_TEXT, K_LABEL):
            continue
        question = facts.question(i)
        after = _content(blocks, i, 1)
        # Without a guest list (but with turns), a question must have an answer right below.
        if question is None or (not guests and (after is None or after.kind is not K_DESIGNATION)):
            continue
        blocks[i] = replace(
            block,
            kind=K_QUESTION,
            marker=(0, question[0]),
            body_start=question[1],
            designation=None,
            section=False,
        )
    return blocks


def _dialogue_candidates(blocks: list[Block], facts: BlockFacts, *, every: bool) -> list[int]:
    """The blocks :func:`_mark_dialogue` must read, in order: all of them in a guest dialogue
    or an interview; else the speakers (who introduce names), the lines with a colon (a turn
    `姓名：…`) and the lines that may be a name alone."""
    if every:
        return list(range(len(blocks)))
    speakers = [i for i, b in enumerate(blocks) if b.kind is K_DESIGNATION]
    return sorted({*speakers, *(i for i, c in facts.colons.items() if c > 0), *facts.nameish})


def _name_turn(block: Block, guest: Block) -> Block:
    """A line holding only a known speaker's name, as that speaker's turn; the words are the
    paragraphs below it."""
    name = _INNER.search(block.text)
    if name is None:
        raise ValueError(f"the name line at {block.start} holds no name")
    return replace(
        block,
        kind=K_DESIGNATION,
        designation=Designation(name.start(), name.end(), [], "dialogue", extent_end=name.end()),
        guest=guest,
        form="dialogue",
        marker=None,
        label=None,
        body_start=len(block.text),
        terminated=True,
    )


def _asks_twice(blocks: list[Block], facts: BlockFacts) -> bool:
    asks = (
        i
        for i in facts.colons
        if blocks[i].kind in (K_TEXT, K_LABEL) and facts.question(i) is not None
    )
    return next(asks, None) is not None and next(asks, None) is not None


def _content_at(blocks: list[Block], i: int, step: int) -> int | None:
    """Index of the nearest block before (step -1) or after (step 1) ``i`` that is not page
    chrome."""
    k = i + step
    while 0 <= k < len(blocks):
        if blocks[k].kind is not K_CHROME:
            return k
        k += step
    return None


def _after_question(blocks: list[Block], i: int, facts: BlockFacts) -> bool:
    above = _content_at(blocks, i, -1)
    return (
        above is not None
        and blocks[above].kind in (K_TEXT, K_LABEL, K_QUESTION)
        and facts.question(above) is not None
    )


def _turn_name_alone(facts: BlockFacts, i: int) -> str | None:
    """The name of `某某：…`, or of a line holding only a name (the words below it)."""
    text = facts.texts[i]
    line = facts.name_line(i)
    if line is not None and line[0] is None:
        name = text.replace(" ", "")
        return name if 2 <= len(name) <= 4 else None
    colon = text.find("：", 0, 6)
    name = text[:colon].replace(" ", "") if colon > 1 else ""
    return name if turn_shape(text) == "name" and 2 <= len(name) <= 4 else None


def _introduced_anywhere(blocks: list[Block], name: str, skip: int) -> Block | None:
    """A block holding the designation (`单位职务某某`) that introduces ``name`` in some
    paragraph of the document other than block ``skip``."""
    for k, block in enumerate(blocks):
        if k == skip or block.kind not in (K_TEXT, K_DESIGNATION):
            continue
        at = block.text.find(name)
        while at >= 0:
            found = designation_ending(block.view, at, at + len(name))
            if found is not None:
                start = min([found.extent_start, *(p.org_start for p in found.parts)])
                view = _piece(block.view, start, at + len(name))
                shifted = parse_designation(view)
                if shifted is not None and shifted.parts:
                    return Block(*view.span(0, len(view.text)), view, K_TEXT, designation=shifted)
            at = block.text.find(name, at + 1)
    return None


def _introduced(blocks: list[Block], i: int, facts: BlockFacts) -> tuple[str, Block] | None:
    """(name, a block holding just its designation) when block ``i`` opens with `某某：` and
    that person was introduced with a designation (`单位职务某某`) in an earlier paragraph."""
    name = _turn_name_alone(facts, i)
    if name is None:
        return None
    interviewee = _interviewee(blocks[:i])
    if interviewee is not None and interviewee.designation is not None:
        named = interviewee.designation
        if interviewee.text[named.name_start : named.name_end].replace(" ", "") == name:
            return name, interviewee
    holder = _introduced_anywhere(blocks[:i], name, i)
    return None if holder is None else (name, holder)


def _outlet_turn(block: Block) -> bool:
    """Whether a designation block is in fact `某报：…`, an outlet's question: the text before
    the colon is an outlet's name and no position was read in it."""
    found = block.designation
    return (
        found is not None
        and not found.parts
        and outlet_label(block.text) is not None
        and found.name_end <= block.text.find("：")
    )


def _interviewee(blocks: list[Block]) -> Block | None:
    """`…——访某市商务局局长某某` in the title or a subtitle: the one person interviewed, as a
    block holding just that designation."""
    for block in blocks:
        if block.kind is K_DESIGNATION or block.form == "dialogue":
            return None
        if block.kind not in (K_TEXT, K_SUBTITLE) or len(block.text) > 80:
            continue
        text = block.text
        for word in load_words("interview_words"):
            at = text.find(word)
            while at >= 0:
                after = at + len(word)
                found = designation_at(text[after:])
                if found is not None and found[2] == len(text) - after and not found[0].doubts:
                    view = _piece(block.view, after)
                    start, end = view.span(0, len(view.text))
                    return Block(start, end, view, K_DESIGNATION, designation=found[0])
                at = text.find(word, at + 1)
    return None


def _unlabelled_answers(blocks: list[Block], facts: BlockFacts) -> list[Block]:
    """An interview of the one person named in the title (`——访某局局长某某`): questions
    (`记者：…`) each followed by the answer in plain paragraphs; each answer is a turn of
    that person. Needs two questions or more."""
    if not _asks_twice(blocks, facts):
        return blocks
    if any(b.form == "dialogue" or b.kind is K_GUEST for b in blocks):
        return blocks
    interviewee = _interviewee(blocks)
    if interviewee is None:
        return blocks
    out = list(blocks)
    for i, block in enumerate(out):
        if block.kind is not K_TEXT or block.byline is not None or not block.text:
            continue
        if not _after_question(out, i, facts) or facts.question(i) is not None:
            continue
        if _turn_name_alone(facts, i) is not None:
            continue  # `某某：…` or a name line: a named turn, read as such later
        out[i] = _answer_turn(block, interviewee)
    return out


def _answer_turn(block: Block, person: Block) -> Block:
    """A plain paragraph after a question: the answer, a dialogue turn of ``person``."""
    return replace(
        block,
        kind=K_DESIGNATION,
        designation=Designation(0, 0, [], "dialogue"),
        guest=person,
        form="dialogue",
        body_start=0,
    )


def _mark_answers(blocks: list[Block], facts: BlockFacts) -> list[Block]:
    """`问：… 答：…` interviews: each `答：` turn is a speech by the interviewee of the title."""
    answers = [
        i
        for i in facts.colons
        if blocks[i].kind in (K_TEXT, K_LABEL) and facts.answer(i) is not None
    ]
    if not answers:
        return blocks
    interviewee = _interviewee(blocks)
    if interviewee is None:
        return blocks
    out = list(blocks)
    for i in answers:
        block = out[i]
        found = facts.answer(i)
        if found is None:
            continue
        out[i] = replace(
            block,
            kind=K_DESIGNATION,
            designation=Designation(0, 0, [], "dialogue", extent_end=found[0]),
            guest=interviewee,
            label=(0, found[0]),
            form="dialogue",
            body_start=found[1],
            marker=None,
            terminated=is_terminated(block.text[found[1] :]),
        )
    return out


def _split_glued(blocks: list[Block], facts: BlockFacts) -> list[Block]:
    """`…最后一句。全国人大代表、某局局长某某：` — the next designation glued to a paragraph."""
    cuts: dict[int, tuple[Block, ...]] = {}
    for i in facts.colons:  # only a line holding a colon can end with one
        block = blocks[i]
        text = block.text
        body = block.body_start if block.kind is K_DESIGNATION else 0
        if (
            block.kind not in (K_TEXT, K_DESIGNATION)
            or not text.endswith("：")
            or block.byline is not None
            or body >= len(text)
        ):
            continue
        cut = max(text.rfind(ch, body, len(text) - 1) for ch in _SENTENCE_END)
        while 0 <= cut + 1 < len(text) and text[cut + 1] in CLOSERS:
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
            continue
        head = _piece(block.view, 0, cut + 1)
        tail = _piece(block.view, tail_from)
        start, end = head.span(0, len(head.text))
        if block.kind is K_DESIGNATION:
            first = replace(block, view=head, end=end, terminated=True)
        else:
            first = Block(
                start, end, head, K_TEXT, terminated=True, blank_before=block.blank_before
            )
        t_start, t_end = tail.span(0, len(tail.text))
        cuts[i] = (
            first,
            Block(
                t_start,
                t_end,
                tail,
                K_DESIGNATION,
                designation=found[0],
                body_start=len(tail.text),
                form="glued",
            ),
        )
    return _spliced(blocks, cuts) if cuts else blocks


def _spliced(blocks: list[Block], pieces: dict[int, tuple[Block, ...]]) -> list[Block]:
    """``blocks`` with each block named in ``pieces`` replaced by its pieces."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if i in pieces:
            out.extend(pieces[i])
        else:
            out.append(block)
    return out


def _label_in_head_lines(blocks: list[Block], facts: BlockFacts) -> list[Block]:
    """`本期主讲人：单位职务  姓名《某报》（…版）` above the text: a column's lecturer named
    in the edition line. The label and designation become a speaker line; the rest stays
    chrome."""
    pieces: dict[int, tuple[Block, ...]] = {}
    # The head lines end at the first speaker.
    head = next((i for i, b in enumerate(blocks) if b.kind is K_DESIGNATION), len(blocks))
    for i in facts.colons:  # a label ends with a colon
        if i >= head:
            break
        block = blocks[i]
        # An edition line may have been read as chrome, text or a byline (a name after it).
        if block.kind not in (K_CHROME, K_TEXT, K_BYLINE):
            continue
        text = block.text
        lead = 0  # past a Markdown quote mark or a bullet, a few characters at most
        while lead < min(len(text), 4) and not _HAN.match(text[lead]):
            lead += 1
        label = speaker_label(text, lead)
        cut = text.find("《", lead)
        cut = len(text) if cut < 0 else cut
        while cut > lead and text[cut - 1] == " ":
            cut -= 1
        found = designation_at(text[lead:cut]) if label is not None and i > 0 else None
        if label is None or found is None or found[0].doubts or found[2] != cut - lead:
            continue
        view = _piece(block.view, lead, cut)
        start, end = view.span(0, len(view.text))
        speaker = Block(
            start,
            end,
            view,
            K_DESIGNATION,
            designation=found[0],
            body_start=len(view.text),
            marker=None,
            label=(0, label[0] - lead),
            form="label",
            terminated=True,
            index=block.index,
        )
        if cut < len(text):
            rest = _piece(block.view, cut)
            r_start, r_end = rest.span(0, len(rest.text))
            reason = block.chrome or chrome_reason(rest.text)
            kind = K_CHROME if reason else K_TEXT
            rest_block = Block(r_start, r_end, rest, kind, chrome=reason, index=block.index)
            pieces[i] = (speaker, rest_block)
        else:
            pieces[i] = (speaker,)
    return _spliced(blocks, pieces) if pieces else blocks


def _mark_name_lines(blocks: list[Block], facts: BlockFacts) -> list[Block]:
    """Reader columns: a headline, a `地名  姓名` (or bare name) line, then the piece.

    A line whose first word ends like a place (`某省某市`) is taken on its own; a bare name,
    or a first word that does not end like a place (`江苏南京`, a unit), only when the
    document has at least two such pieces, as one short name-like line proves no layout.
    """
    found: list[tuple[int, tuple[int, int] | None, tuple[int, int]]] = []
    first = next((b for b in blocks if b.kind is not K_CHROME), None)
    for i in facts.nameish:
        block = blocks[i]
        if block.kind is not K_TEXT or block.byline is not None:
            continue
        above = _content(blocks, i, -1)
        # The line above must be a headline, not the report's title.
        if above is first or not _short_unterminated(above):
            continue
        below = _content(blocks, i, 1)
        if below is None or below.kind is not K_TEXT:
            continue
        if _short_unterminated(below):
            continue
        line = facts.name_line(i)
        if line is None:
            continue
        found.append((i, line[0], line[1]))
    if not found:
        return blocks
    out = list(blocks)
    for i, place, name in found:
        block = out[i]
        sure = place is not None and is_place(block.text[place[0] : place[1]])
        if not sure and len(found) < 2:
            continue
        doubts = [] if sure else [(Code.SPEAKER_LAYOUT_ONLY.value, _LAYOUT_ONLY)]
        out[i] = replace(
            block,
            kind=K_DESIGNATION,
            designation=Designation(
                name[0], name[1], [], "name_line", doubts, extent_end=name[1], extent_start=0
            ),
            place=place,
            form="name_line",
            body_start=len(block.text),
            terminated=True,
        )
    return out


# `（作者为某大学教授，本报记者某某采访整理）`: who wrote a signed piece, and who took it down.
_AUTHOR_NOTE = regex.compile(
    r"（作者(?:为|系|是) ?([^（），。；]{3,60}?)(?:[，。；] ?([^（），。；]{2,30}?)。?)?）"
)
_HEAD_SCAN = 6


def _mark_author_note(blocks: list[Block]) -> list[Block]:
    """A signed piece closing with an author's note is that author's one speech.

    The note names the author (`（作者为单位职务某某，本报记者某某采访整理）`), or gives only
    the positions while the name stands at the head, alone or with a title (`全国政协委员
    某某`) in the edition or kicker line; the note's `采访整理` credit is the speech's byline.
    """
    k = len(blocks) - 1
    while k >= 0 and blocks[k].kind in (K_CHROME, K_BYLINE):
        k -= 1
    if k <= 0 or blocks[k].kind is not K_TEXT:
        return blocks
    block = blocks[k]
    note = _AUTHOR_NOTE.fullmatch(block.text)
    if note is None:
        return blocks
    if any(b.kind in (K_QUESTION, K_GUEST) or b.form == "dialogue" for b in blocks):
        return blocks
    speakers = [i for i, b in enumerate(blocks) if b.kind is K_DESIGNATION]
    if len(speakers) > 1:
        return blocks
    author: tuple[int, Block] | None = None
    found = parse_designation(block.view, note.start(1), note.end(1))
    if found is None or found.name_end != note.end(1):
        found = positions_only(block.text, note.start(1), note.end(1))
        author = _author_at_head(blocks, speakers)
        if author is None:
            return blocks
    elif speakers:
        return blocks
    if found is None or found.doubts or not found.parts:
        return blocks
    byline = None
    if note.group(2) is not None:
        credits = parse_credits(block.text, note.start(2), note.end(2), need_role=True)
        if credits is None:
            return blocks
        byline = BylineMatch(note.start(2), note.end(2), tuple(credits), "trailing")
    out = list(blocks)
    guest = block.guest
    if author is not None:
        # The head line only names the author: it reads as a line under (or over) the title.
        at, head = author
        guest = out[at] = replace(head, kind=K_SUBTITLE, byline=None, body_start=len(head.text))
    out[k] = replace(
        block,
        kind=K_DESIGNATION,
        designation=found,
        form="author_note",
        guest=guest,
        marker=(0, note.start(1)),
        body_start=len(block.text),
        byline=byline,
        terminated=True,
    )
    return out


def _author_at_head(blocks: list[Block], speakers: list[int]) -> tuple[int, Block] | None:
    """The line at the head of a signed piece that names its author (its index, and the block
    holding the name's designation): the one speaker line there, or a name alone (read as
    text or as a byline without a role)."""
    seen = 0
    for i, block in enumerate(blocks):
        if block.kind is K_CHROME:
            continue
        seen += 1
        if seen > _HEAD_SCAN or (block.kind is K_TEXT and block.terminated):
            return None
        if i in speakers:
            found = block.designation
            if found is None or found.doubts or block.body_start < len(block.text):
                return None
            return i, block
        if block.kind is K_BYLINE and block.byline is not None:
            credits = block.byline.credits
            if len(credits) != 1 or credits[0].role is not None:
                continue
        elif block.kind is not K_TEXT or block.byline is not None:
            continue
        line = name_line(block.text)
        if line is not None and line[0] is None and seen > 1:
            start, end = line[1]
            return i, replace(block, designation=Designation(start, end, [], "name_line", [], end))
    return None


def _bare_name(blocks: list[Block], i: int, facts: BlockFacts) -> tuple[int, int] | None:
    """The name span when block ``i`` is a name alone on its line, not the report's first line."""
    block = blocks[i]
    if block.kind is not K_TEXT or block.byline is not None or _content(blocks, i, -1) is None:
        return None
    line = facts.name_line(i)
    return line[1] if line is not None and line[0] is None else None


def _names_alone(blocks: list[Block], facts: BlockFacts) -> list[Block]:
    """Portraits and interviews: a name alone on its line, then the positions on the next
    line (`某某` / `全国人大代表、某村党支部书记`), or the quoted words right below it.

    A positions line vouches for the name; a quotation alone does only when the layout
    repeats (two such names or more), and the speaker is then flagged as resting on it.
    """
    quoted: list[tuple[int, tuple[int, int]]] = []
    merged: dict[int, Block] = {}
    for i in facts.nameish:
        below = blocks[i + 1] if i + 1 < len(blocks) else None
        if below is None or below.kind is not K_TEXT or below.byline:
            continue
        name = _bare_name(blocks, i, facts)
        if name is None:
            continue
        block = blocks[i]
        if below.text.startswith("“"):
            quoted.append((i, name))
            continue
        if below.terminated or len(below.text) > 60:
            continue
        found = positions_only(below.text, 0, len(below.text))
        if found is None or found.doubts:
            continue
        merged[i] = _name_over_positions(block, below, name, found)
    if not quoted and not merged:
        return blocks
    out = list(blocks)
    for i, name in quoted:
        block = out[i]
        introduced = _introduced_anywhere(out, block.text.replace(" ", ""), i)
        if introduced is None and len(quoted) < 2:
            continue
        doubts = [] if introduced else [(Code.SPEAKER_LAYOUT_ONLY.value, _LAYOUT_ONLY)]
        out[i] = replace(
            block,
            kind=K_DESIGNATION,
            designation=Designation(name[0], name[1], [], "name_line", doubts, name[1]),
            form="name_line",
            body_start=len(block.text),
            terminated=True,
            guest=introduced,
        )
    if not merged:
        return out
    joined: list[Block] = []
    skip: set[int] = set()
    for i, block in enumerate(out):
        if i in skip:
            continue
        if i in merged:
            joined.append(merged[i])
            skip.add(i + 1)
            continue
        joined.append(block)
    return joined


def _name_over_positions(
    block: Block, below: Block, name: tuple[int, int], found: Designation
) -> Block:
    """One designation block from a name line and the positions line under it."""
    shift = len(block.text)
    offsets = [block.view.index[k] for k in range(shift)]
    offsets += [below.view.index[k] for k in range(len(below.text))]
    view = Compact(block.text + below.text, tuple(offsets))
    parts = [
        replace(
            p,
            org_start=p.org_start + shift,
            org_end=p.org_end + shift,
            title_start=p.title_start + shift,
            end=p.end + shift,
        )
        for p in found.parts
    ]
    return Block(
        block.start,
        below.end,
        view,
        K_DESIGNATION,
        designation=Designation(name[0], name[1], parts, "name_line", extent_end=len(view.text)),
        body_start=len(view.text),
        form="name_line",
        terminated=True,
        blank_before=block.blank_before,
    )


def _interviewee_line(blocks: list[Block], i: int, facts: BlockFacts) -> Designation | None:
    """A line naming one interviewee (`某某  单位职务`, `单位职务  某某` or the name alone)."""
    block = blocks[i]
    if block.kind is K_DESIGNATION and block.body_start >= len(block.text):
        found = block.designation
        return found if found is not None and not found.doubts else None
    if block.kind is not K_TEXT or block.byline is not None or block.terminated:
        return None
    guest = guest_line(block.view)
    if guest is not None:
        return replace(guest.designation, name_start=guest.name_start, name_end=guest.name_end)
    name = _bare_name(blocks, i, facts)
    return None if name is None else Designation(name[0], name[1], [], "name_line", [], name[1])


def _mark_interview_sections(blocks: list[Block], facts: BlockFacts) -> list[Block]:
    """Round-ups of short interviews: each interviewee's line, then questions (`某报：…`,
    `记者：…`) each followed by the answer in plain paragraphs, with no name before them.

    Needs two questions or more, and a question right under the interviewee's line; each
    answer is a turn by the interviewee above it.
    """
    if not _asks_twice(blocks, facts):
        return blocks
    if any(b.form == "dialogue" or b.kind is K_GUEST for b in blocks):
        return blocks
    out = list(blocks)
    person: Block | None = None
    after_question = False
    for i, block in enumerate(out):
        if block.kind is K_CHROME:
            continue
        n = _content_at(out, i, 1)
        if n is not None and out[n].kind in (K_TEXT, K_LABEL) and facts.question(n) is not None:
            found = _interviewee_line(out, i, facts)
            if found is not None and found.name_end > found.name_start:
                person = out[i] = replace(
                    block,
                    kind=K_DESIGNATION,
                    designation=found,
                    form="line",
                    body_start=len(block.text),
                    terminated=True,
                    byline=None,
                )
                after_question = False
                continue
        if person is None:
            continue
        asks = block.kind in (K_TEXT, K_LABEL)
        question = facts.question(i) if asks else None
        if question is not None:
            out[i] = replace(
                block,
                kind=K_QUESTION,
                marker=(0, question[0]),
                body_start=question[1],
                designation=None,
            )
            after_question = True
            continue
        if after_question and block.kind is K_TEXT and block.byline is None:
            out[i] = _answer_turn(block, person)
            after_question = False
            continue
        if block.kind is not K_TEXT:
            after_question = False
    return out


def _kickers_to_markers(blocks: list[Block], facts: BlockFacts) -> list[Block]:
    """`案例一` / headline / designation: the ordinal line is the headline's marker."""
    texts = facts.texts
    if not any(len(texts[i]) <= 8 and _ORDINAL_KICKER.fullmatch(texts[i]) for i in facts.nameish):
        return blocks  # (an ordinal holds no comma and no full stop)
    out: list[Block] = []
    skip = False
    for i, block in enumerate(blocks):
        if skip:
            skip = False
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            block.kind is K_TEXT
            and block.byline is None
            and len(block.text) <= 8
            and _ORDINAL_KICKER.fullmatch(block.text)
            and nxt is not None
            and nxt.kind is K_TEXT
            and _short_unterminated(nxt)
            and "：" not in nxt.text
            and (after := _content(blocks, i + 1, 1)) is not None
            and after.kind is K_DESIGNATION
        ):
            offsets = [block.view.index[k] for k in range(len(block.text))]
            offsets += [nxt.view.index[k] for k in range(len(nxt.text))]
            view = Compact(block.text + nxt.text, tuple(offsets))
            merged = Block(
                block.start,
                nxt.end,
                view,
                K_HEADLINE,
                marker=(0, len(block.text)),
                body_start=len(block.text),
                blank_before=block.blank_before,
            )
            out.append(merged)
            skip = True
            continue
        out.append(block)
    return out
