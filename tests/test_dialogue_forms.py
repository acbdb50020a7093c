"""Dialogues, label-led speaker lines, name lines and the people list, through the JSON users get.

Every name, unit and place here is invented. Each table row is a small layout; the expected
people, positions, questions and forms were written from the text by hand.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechparse
from invariants import assert_covered, assert_grounded
from speechparse.people.dialogue import guest_cuts

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "schemas" / f"report-{speechparse.SCHEMA_VERSION}.schema.json"


def parsed(text: str) -> dict[str, Any]:
    """Parse, check the invariants and the committed schema, and return the JSON as data."""
    report = speechparse.parse(text, keywords=False)
    assert_grounded(report, text)
    assert_covered(report, text)
    data: dict[str, Any] = json.loads(speechparse.to_json(report))
    schema = json.loads(SCHEMA_FILE.read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    return data


def positions(item: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(p["organization"], p["title"]) for p in item["positions"]]


def doc(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


GUEST_A = "全国政协委员、东岭大学特聘教授"
GUEST_B = "全国政协委员、青禾种业有限公司创始人兼总经理"

DIALOGUES = [
    pytest.param(
        doc(
            "种业振兴怎么干",
            "对话嘉宾：",
            f"钟岳明  {GUEST_A}",
            f"阮  青  {GUEST_B}",
            "把种子牢牢攥在自己手里",
            "记者：种业创新的难点在哪里？",
            "钟岳明：难在基础研究。要稳定支持长周期的育种项目。",
            "阮青：企业要敢投入。我们每年把收入的一成用于研发。",
            "让农民用上好种子",
            "主持人：好种子怎样更快走到田间？",
            "阮青：要建好示范田，让农民看得见效果。",
        ),
        [
            ("钟岳明", [("全国政协", "委员"), ("东岭大学", "特聘教授")], [0]),
            (
                "阮青",
                [
                    ("全国政协", "委员"),
                    ("青禾种业有限公司", "创始人"),
                    ("青禾种业有限公司", "总经理"),
                ],
                [1, 2],
            ),
        ],
        [("记者", 0), ("主持人", 2)],
        ["把种子牢牢攥在自己手里", None, "让农民用上好种子"],
        id="guest-list-questions-sections",
    ),
    pytest.param(
        doc(
            "城市更新访谈",
            "访谈嘉宾：",
            "濮思远（澄江市规划设计研究院院长）",
            "澄江市住房和城乡建设局局长  尤佳禾",
            "尤佳禾：老旧小区改造要先问居民需要什么。",
            "濮思远：规划要留白，给社区留出公共空间。",
            "尤佳禾：改造以后还要管得住、管得好。",
        ),
        [
            ("尤佳禾", [("澄江市住房和城乡建设局", "局长")], [0, 2]),
            ("濮思远", [("澄江市规划设计研究院", "院长")], [1]),
        ],
        [],
        [None, None, None],
        id="guest-list-bracketed-and-title-first",
    ),
    pytest.param(
        doc(
            "教育访谈",
            "嘉宾：",
            "蒙晓光，澄江师范学院院长",
            "芮  宁：青石县实验小学校长",
            "本报记者：课后服务怎样做得更好？",
            "蒙晓光委员：要把校外资源引进校园。",
            "芮宁：我们开设了二十多门兴趣课。",
        ),
        [
            ("蒙晓光", [("澄江师范学院", "院长")], [0]),
            ("芮宁", [("青石县实验小学", "校长")], [1]),
        ],
        [("本报记者", 0)],
        [None, None],
        id="guest-lines-with-comma-and-colon-turn-with-title",
    ),
    pytest.param(
        doc(
            "科技访谈",
            "记者：实验室的成果怎样走向市场？",
            "澄江大学材料学院院长甘若溪：关键是找准企业的真需求。",
            "记者：高校应该怎么做？",
            "甘若溪：要建专业的转化团队。",
        ),
        [("甘若溪", [("澄江大学材料学院", "院长")], [0, 1])],
        [("记者", 0), ("记者", 1)],
        [None, None],
        id="no-guest-list-known-speaker-turns",
    ),
    pytest.param(
        doc(
            "水利访谈",
            f"对话嘉宾：钟岳明  {GUEST_A}",
            "甘若溪  青石县水利局局长",
            "■ 守好一方碧水",
            "记者：河湖治理难在哪里？",
            "甘若溪：难在上下游协同。",
            "钟岳明：要用好监测数据。",
        ),
        [
            ("甘若溪", [("青石县水利局", "局长")], [0]),
            ("钟岳明", [("全国政协", "委员"), ("东岭大学", "特聘教授")], [1]),
        ],
        [("记者", 0)],
        ["守好一方碧水", None],
        id="label-and-first-guest-on-one-line-marked-section-head",
    ),
]


@pytest.mark.parametrize(("text", "people", "questions", "headlines"), DIALOGUES)
def test_dialogue_people_questions_and_headlines(
    text: str,
    people: list[tuple[str, list[tuple[str | None, str]], list[int]]],
    questions: list[tuple[str, int]],
    headlines: list[str | None],
) -> None:
    data = parsed(text)
    got_people = [(p["name"], positions(p), p["speeches"]) for p in data["people"]]
    assert got_people == people
    assert [p["id"] for p in data["people"]] == [f"p{i + 1}" for i in range(len(people))]
    speeches = data["speeches"]
    assert all(s["speaker"]["form"] in ("dialogue", "colon") for s in speeches)
    assert speeches[-1]["speaker"]["form"] == "dialogue"
    # Each speech points to its person, and the person's positions are the guest list's.
    by_id = {p["id"]: p for p in data["people"]}
    for index, speech in enumerate(speeches):
        person = by_id[speech["person"]]
        assert index in person["speeches"]
        assert person["name"] == speech["speaker"]["name"]
        assert positions(speech["speaker"]) == positions(person)
    assert [(q["asker"]["text"], q["before_speech"]) for q in data["questions"]] == questions
    assert [s["headline"]["text"] if s["headline"] else None for s in speeches] == headlines
    # Questions are not speeches: no speaker is an interviewer.
    assert not {s["speaker"]["name"] for s in speeches} & {"记者", "主持人"}
    if data["guest_list"] is not None:
        guests = data["guest_list"]["guests"]
        assert {g["person"] for g in guests} == set(by_id)


def test_a_scene_under_a_section_head_belongs_to_the_section_not_to_a_speech() -> None:
    data = parsed(
        doc(
            "乡村振兴议政",
            "访谈嘉宾：",
            f"钟岳明  {GUEST_A}",
            "让产业旺起来",
            "【镜头】山坳里的茶园一片新绿，采茶的队伍排到了山顶。",
            "钟岳明：茶产业要走品牌化道路。",
        )
    )
    (section,) = data["sections"]
    assert section["heading"]["text"] == "让产业旺起来"
    assert [p["text"] for p in section["paragraphs"]] == [
        "【镜头】山坳里的茶园一片新绿，采茶的队伍排到了山顶。"
    ]
    assert section["first_speech"] == 0
    (speech,) = data["speeches"]
    assert [p["text"] for p in speech["paragraphs"]] == ["茶产业要走品牌化道路。"]


@pytest.mark.parametrize(
    "text",
    [
        # A guest-list label with no guest line under it opens no dialogue.
        doc("某刊访谈", "对话嘉宾：", "本期我们请来几位专家。", "记者：你怎么看？"),
        # `姓名：` by someone who is not on the guest list is not a turn.
        doc("某刊访谈", "对话嘉宾：", f"钟岳明  {GUEST_A}", "甄路：我补充一点。"),
        # An interviewer's label outside a dialogue is not a question.
        doc("某刊访谈", "记者：你怎么看这件事？", "这件事还要再看看。"),
    ],
    ids=["label-without-guests", "turn-by-a-stranger", "question-without-dialogue"],
)
def test_no_speech_or_question_without_the_dialogue_structure(text: str) -> None:
    data = parsed(text)
    assert data["speeches"] == []
    assert data["questions"] == []
    assert data["people"] == []


LABELLED = [
    pytest.param(
        doc(
            "故事汇",
            "案例一",
            "老街巷变身文创园",
            "讲述人：临江市文旅局副局长  甘若溪",
            "老街巷曾经破败不堪。我们请来设计团队，把旧仓库改成了展馆。",
        ),
        "讲述人",
        "甘若溪",
        [("临江市文旅局", "副局长")],
        ("老街巷变身文创园", "案例一"),
        id="kicker-headline-label-spaced",
    ),
    pytest.param(
        doc(
            "大讲堂",
            "主讲人：澄江大学经济学院院长祁明远",
            "数字经济正在改变我们的生活方式。",
        ),
        "主讲人",
        "祁明远",
        [("澄江大学经济学院", "院长")],
        None,
        id="label-joined-no-headline",
    ),
    pytest.param(
        doc(
            "河湖治理的新办法（访谈录）",
            "守护一方碧水",
            "嘉宾：青石县水利局局长 柯  明",
            "治水要从源头抓起，一条河一条河地管。",
        ),
        "嘉宾",
        "柯明",
        [("青石县水利局", "局长")],
        ("守护一方碧水", None),
        id="guest-label-padded-name",
    ),
    pytest.param(
        doc(
            "数据赋能实体经济（故事汇·第3期）",
            "本期主讲人：澄江数据研究院院长  祁明远《滨江日报》（2026年05月08日第 12 版）",
            "数据正在成为新的生产要素，企业用数据改进了生产流程。",
        ),
        "本期主讲人",
        "祁明远",
        [("澄江数据研究院", "院长")],
        None,
        id="lecturer-in-the-edition-line",
    ),
]


@pytest.mark.parametrize(("text", "label", "name", "expected", "headline"), LABELLED)
def test_label_led_speaker_lines(
    text: str,
    label: str,
    name: str,
    expected: list[tuple[str | None, str]],
    headline: tuple[str, str | None] | None,
) -> None:
    data = parsed(text)
    (speech,) = data["speeches"]
    speaker = speech["speaker"]
    assert speaker["form"] == "label"
    assert speaker["label"]["text"] == label
    assert (speaker["name"], positions(speaker)) == (name, expected)
    assert label not in (speaker["positions"][0]["organization"] or "")
    if headline is None:
        assert speech["headline"] is None
    else:
        marker = speech["headline"]["marker"]
        assert (speech["headline"]["text"], marker["text"] if marker else None) == headline
    assert data["people"][0]["name"] == name and speech["person"] == "p1"


NAME_LINES = [
    pytest.param(
        doc(
            "多为群众办实事（大家谈）",
            "多走一步路",
            "浙江省临江市  甘  雨",
            "走进群众家里，才能听到真话。",
            "少说一句空话",
            "福建省青石市  钟启航",
            "说实话、办实事，群众看得见。",
        ),
        [("甘雨", "浙江省临江市"), ("钟启航", "福建省青石市")],
        id="place-and-name",
    ),
    pytest.param(
        doc(
            "说说身边的新变化（读者来信）",
            "村口的路修好了",
            "伍晓川",
            "以前雨天出门一脚泥，现在水泥路通到了家门口。",
            "夜里有了路灯",
            "黎  凡",
            "村里装了路灯，晚上出门不再摸黑。",
        ),
        [("伍晓川", None), ("黎凡", None)],
        id="name-only-column",
    ),
    pytest.param(
        doc(
            "多为群众办实事（大家谈）",
            "多走一步路",
            "浙江临江  甘  雨",
            "走进群众家里，才能听到真话。",
            "少说一句空话",
            "青石县人民医院  钟启航",
            "说实话、办实事，群众看得见。",
        ),
        [("甘雨", "浙江临江"), ("钟启航", "青石县人民医院")],
        id="first-word-no-place-suffix-in-a-column",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAME_LINES)
def test_name_lines_under_headlines(text: str, expected: list[tuple[str, str | None]]) -> None:
    data = parsed(text)
    speeches = data["speeches"]
    got = [
        (s["speaker"]["name"], s["speaker"]["place"]["text"] if s["speaker"]["place"] else None)
        for s in speeches
    ]
    assert got == expected
    assert all(
        s["speaker"]["form"] == "name_line" and s["speaker"]["positions"] == [] for s in speeches
    )
    assert all(s["headline"] is not None for s in speeches)
    # A bare name, or one after a word that does not end like a place, rests on the layout
    # alone, and the result says so.
    doubted = [d["start"] for d in data["diagnostics"] if d["code"] == "speaker.layout_only"]
    weak = [
        s["speaker"]["start"]
        for s in speeches
        if s["speaker"]["place"] is None or not s["speaker"]["place"]["text"].endswith("市")
    ]
    assert doubted == weak


@pytest.mark.parametrize(
    "text",
    [
        # One bare name under one headline proves no column layout.
        doc(
            "说说身边的新变化（读者来信）",
            "村口的路修好了",
            "伍晓川",
            "以前雨天出门一脚泥，现在路通到了家门口。",
        ),
        # A place and a name with no headline above is not a speaker line.
        doc("某地见闻", "浙江省临江市  甘  雨", "走进群众家里，才能听到真话。"),
        # One line whose first word does not end like a place proves no column.
        doc(
            "多为群众办实事（大家谈）",
            "多走一步路",
            "浙江临江  甘  雨",
            "走进群众家里，才能听到真话。",
        ),
        # A place-like line whose last word is no name.
        doc(
            "多为群众办实事（大家谈）",
            "多走一步路",
            "浙江省临江市  会议",
            "走进群众家里，才能听到真话。",
        ),
    ],
    ids=["single-bare-name", "no-headline-above", "single-line-no-place-suffix", "not-a-name"],
)
def test_lines_that_are_not_name_lines(text: str) -> None:
    assert parsed(text)["speeches"] == []


@pytest.mark.parametrize(
    ("text", "form", "name", "first_words"),
    [
        (
            doc("座谈会发言摘登", "市数据资源局局长詹晓峰——今年我们上线了企业服务平台。"),
            "dash_ended",
            "詹晓峰",
            "今年我们上线了企业服务平台。",
        ),
        (
            doc(
                "座谈会发言摘登",
                "市商务局局长柯静：我们优化了服务流程。青川智造科技有限公司总经理闻一舟：",
                "我们感受到了服务的变化。",
            ),
            "glued",
            "闻一舟",
            "我们感受到了服务的变化。",
        ),
    ],
    ids=["dash-ended", "glued-to-previous-paragraph"],
)
def test_designation_variants(text: str, form: str, name: str, first_words: str) -> None:
    data = parsed(text)
    speech = data["speeches"][-1]
    assert (speech["speaker"]["form"], speech["speaker"]["name"]) == (form, name)
    assert speech["paragraphs"][0]["text"] == first_words


def test_people_are_listed_once_with_every_position() -> None:
    """The same name in two speeches is one person; positions from both are merged."""
    data = parsed(
        doc(
            "座谈会发言摘登",
            "市科技局局长甘雨：我们加大了研发投入。",
            "市财政局局长伍岳：我们保障了资金。",
            "市委副秘书长、市科技局局长甘雨：再补充一点。",
        )
    )
    assert [(p["id"], p["name"], p["speeches"]) for p in data["people"]] == [
        ("p1", "甘雨", [0, 2]),
        ("p2", "伍岳", [1]),
    ]
    assert positions(data["people"][0]) == [("市科技局", "局长"), ("市委", "副秘书长")]
    assert [s["person"] for s in data["speeches"]] == ["p1", "p2", "p1"]
    assert len(data["people"][0]["mentions"]) == 2


_GUEST_NAMES = ["钟岳明", "阮青", "甘若溪", "濮思远", "柏青禾", "芮宁"]
_GUEST_POSTS = ["东岭大学特聘教授", "青禾种业有限公司总经理", "澄江市文旅局局长", "青石县县长"]


@settings(max_examples=60, deadline=None)
@given(
    guests=st.integers(min_value=1, max_value=4),
    turns=st.lists(
        st.tuples(st.integers(min_value=0, max_value=3), st.booleans()), min_size=1, max_size=8
    ),
)
def test_any_dialogue_round_trips_its_people(guests: int, turns: list[tuple[int, bool]]) -> None:
    """Whatever the order of turns and questions, each turn is a speech by its guest, each
    guest is one person in order of first speech, and the questions stay apart."""
    names = _GUEST_NAMES[:guests]
    blocks = ["某刊访谈", "对话嘉宾："]
    blocks += [f"{n}  全国政协委员、{_GUEST_POSTS[i % 4]}" for i, n in enumerate(names)]
    order: list[str] = []
    asked = 0
    for who, ask in turns:
        if ask:
            blocks.append(f"记者：请谈谈第{asked + 1}个问题？")  # every line differs
            asked += 1
        name = names[who % guests]
        order.append(name)
        blocks.append(f"{name}：第{len(order)}点，我的看法是要抓落实。")
    data = parsed(doc(*blocks))
    assert [s["speaker"]["name"] for s in data["speeches"]] == order
    first_seen = list(dict.fromkeys(order))
    assert [p["name"] for p in data["people"]] == first_seen
    ids = {p["name"]: p["id"] for p in data["people"]}
    assert [s["person"] for s in data["speeches"]] == [ids[n] for n in order]
    assert len(data["questions"]) == asked
    for speech in data["speeches"]:
        name = speech["speaker"]["name"]
        post = _GUEST_POSTS[names.index(name) % 4]
        assert "".join(p["organization"] + p["title"] for p in speech["speaker"]["positions"]) == (
            "全国政协委员" + post
        )


@pytest.mark.parametrize(
    ("subtitle", "expected"),
    [
        ("——访青石县水利局局长尤若川", ("尤若川", [("青石县水利局", "局长")])),
        ("——对青石县水利局的一次采访", None),
    ],
    ids=["interviewee-in-subtitle", "no-interviewee"],
)
def test_answers_are_speeches_by_the_interviewee_of_the_title(
    subtitle: str, expected: tuple[str, list[tuple[str | None, str]]] | None
) -> None:
    data = parsed(
        doc(
            "守护一河清水",
            subtitle,
            "问：河道怎样管？",
            "答：我们实行河长制，每段河都有人负责。",
            "问：下一步呢？",
            "答：要把监测站建到每个乡镇。",
        )
    )
    if expected is None:
        assert data["speeches"] == [] and data["questions"] == []
        return
    got = [(s["speaker"]["name"], positions(s["speaker"])) for s in data["speeches"]]
    assert got == [expected, expected]
    assert [s["speaker"]["label"]["text"] for s in data["speeches"]] == ["答", "答"]
    assert [(q["asker"]["text"], q["before_speech"]) for q in data["questions"]] == [
        ("问", 0),
        ("问", 1),
    ]
    assert [p["name"] for p in data["people"]] == [expected[0]]


_WRAPPED_DIALOGUE = [
    "种业振兴怎么干",
    "對話嘉賓：",
    "鍾岳明  全國政協委員、東嶺大學特聘教授",
    "阮  青  全国政协委员、青禾种业有限公司总经理",
    "记者：种业创新的难点在哪里？我们很想听听两位的看法，特别是基础研究方面的。",
    "钟岳明：难在基础研究。要稳定支持长周期的育种项目，让科研人员坐得住冷板凳，十年磨一剑。",
    "阮青：企业要敢投入。我们每年把收入的一成用于研发，还和高校共建了联合实验室，效果很好。",
    "记者：好种子怎样更快走到田间？请再具体谈谈推广的办法，比如示范田的建设。",
    "阮青：要建好示范田，让农民看得见效果。我们在三个县建了示范田，农民看了都说好。",
]


def _hard_wrapped(lines: list[str], width: int) -> str:
    out: list[str] = []
    for line in lines:
        long = len(line) > width + 6
        out += [line[i : i + width] for i in range(0, len(line), width)] if long else [line]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    "text",
    [
        doc(*_WRAPPED_DIALOGUE),
        "\n".join(_WRAPPED_DIALOGUE) + "\n",
        _hard_wrapped(_WRAPPED_DIALOGUE, 20),
    ],
    ids=["blank-lines", "single-newlines", "hard-wrapped"],
)
def test_dialogue_layouts_traditional_guest_list(text: str) -> None:
    data = parsed(text)
    assert [s["speaker"]["name"] for s in data["speeches"]] == ["钟岳明", "阮青", "阮青"]
    assert [g["name"]["text"] for g in data["guest_list"]["guests"]] == ["鍾岳明", "阮青"]
    assert [p["name"] for p in data["people"]] == ["钟岳明", "阮青"]
    assert len(data["questions"]) == 2
    assert positions(data["people"][0]) == [("全國政協", "委員"), ("東嶺大學", "特聘教授")]


def test_dialogue_tables_link_speeches_people_guests_and_questions() -> None:
    """The flat tables carry the same links as the JSON: speech → person, guest → person."""
    text = (ROOT / "tests" / "corpus" / "inv63.txt").read_text("utf-8")
    tables = speechparse.to_tables([speechparse.parse(text, keywords=False)])
    people = {row["person_id"]: row for row in tables["people"]}
    assert [(r["name"], r["speeches"]) for r in tables["people"]] == [
        ("祁远舟", 2),
        ("严望", 2),
    ]
    assert all(people[s["person_id"]]["name"] == s["name"] for s in tables["speeches"])
    assert [(g["name"], people[g["person_id"]]["name"]) for g in tables["guests"]] == [
        ("祁远舟", "祁远舟"),
        ("严望", "严望"),
    ]
    assert [(q["asker"], q["before_speech"]) for q in tables["questions"]] == [
        ("记者", 0),
        ("主持人", 2),
    ]
    assert [(s["heading"], s["first_speech"]) for s in tables["sections"]] == [
        ("让成果转化有人管、有人干", 0),
        ("完善激励和容错机制", 2),
    ]


# Layouts seen on real pages that the first rules missed; names, units and wording invented.
GENERALISED = [
    pytest.param(
        doc(
            "湿地保护怎么干",
            "对话嘉宾：蒲晓川  全国政协委员、某林业大学教授  柴  宁  全国政协委员、某湿地公园主任",
            "【镜头】\n清晨的湖面上，几只白鹭掠过芦苇荡。",
            "一、守住生态红线",
            "记者：湿地保护的难点在哪里？",
            "蒲晓川：难在监测。要把监测站点建到每一块湿地。",
            "柴宁：难在协同。上下游要一起管。",
        ),
        [
            ("蒲晓川", [("全国政协", "委员"), ("某林业大学", "教授")]),
            ("柴宁", [("全国政协", "委员"), ("某湿地公园", "主任")]),
        ],
        ["dialogue", "dialogue"],
        1,
        id="guests-on-one-line-then-scene-and-section-head",
    ),
    pytest.param(
        doc(
            "湿地保护怎么干",
            "对话嘉宾：",
            "蒲晓川  全国政协委员、某林业大学教授柴宁  全国政协委员、某湿地公园主任",
            "记者：湿地保护的难点在哪里？",
            "蒲晓川：难在监测。要把监测站点建到每一块湿地。",
            "柴宁：难在协同。上下游要一起管。",
        ),
        [
            ("蒲晓川", [("全国政协", "委员"), ("某林业大学", "教授")]),
            ("柴宁", [("全国政协", "委员"), ("某湿地公园", "主任")]),
        ],
        ["dialogue", "dialogue"],
        1,
        id="next-guest-name-glued-to-the-previous-title",
    ),
    pytest.param(
        doc(
            "湿地保护怎么干",
            "对话嘉宾：",
            "司马兰芝  全国政协委员、某林业大学教授",
            "柴宁  全国人大代表、某湿地公园主任",
            "记者：湿地保护的难点在哪里？",
            "司马委员：难在监测。",
            "柴代表：难在协同。",
        ),
        [
            ("司马兰芝", [("全国政协", "委员"), ("某林业大学", "教授")]),
            ("柴宁", [("全国人大", "代表"), ("某湿地公园", "主任")]),
        ],
        ["dialogue", "dialogue"],
        1,
        id="turns-by-surname-and-title",
    ),
    pytest.param(
        doc(
            "# 湿地保护怎么干",
            "**对话嘉宾：**",
            "蒲晓川  全国政协委员、某林业大学教授",
            "柴宁  全国政协委员、某湿地公园主任",
            "**记者：**湿地保护的难点在哪里？",
            "**蒲晓川**：难在监测。",
            "**柴宁：**难在协同。",
        ),
        [
            ("蒲晓川", [("全国政协", "委员"), ("某林业大学", "教授")]),
            ("柴宁", [("全国政协", "委员"), ("某湿地公园", "主任")]),
        ],
        ["dialogue", "dialogue"],
        1,
        id="bold-labels-in-markdown",
    ),
    pytest.param(
        doc(
            "湿地保护怎么干",
            "对话嘉宾：",
            "●蒲晓川  全国政协委员、某林业大学教授",
            "●柴宁  全国政协委员、某湿地公园主任",
            "记者：湿地保护的难点在哪里？",
            "蒲晓川：难在监测。",
            "柴宁：难在协同。",
        ),
        [
            ("蒲晓川", [("全国政协", "委员"), ("某林业大学", "教授")]),
            ("柴宁", [("全国政协", "委员"), ("某湿地公园", "主任")]),
        ],
        ["dialogue", "dialogue"],
        1,
        id="bulleted-guest-lines",
    ),
    pytest.param(
        doc(
            "湿地保护怎么干",
            "嘉宾：蒲晓川  全国政协委员、某林业大学教授",
            "嘉宾：柴宁  全国政协委员、某湿地公园主任",
            "主持人：湿地保护的难点在哪里？",
            "蒲晓川：难在监测。",
            "柴宁：难在协同。",
        ),
        [
            ("蒲晓川", [("全国政协", "委员"), ("某林业大学", "教授")]),
            ("柴宁", [("全国政协", "委员"), ("某湿地公园", "主任")]),
        ],
        ["dialogue", "dialogue"],
        1,
        id="label-repeated-for-each-guest",
    ),
    pytest.param(
        doc(
            "湿地保护怎么干",
            "【对话嘉宾】",
            "蒲晓川  全国政协委员、某林业大学教授",
            "柴宁  全国政协委员、某湿地公园主任",
            "【镜头】",
            "清晨的湖面上，几只白鹭掠过芦苇荡。",
            "记者：湿地保护的难点在哪里？",
            "蒲晓川：难在监测。",
            "柴宁：难在协同。",
        ),
        [
            ("蒲晓川", [("全国政协", "委员"), ("某林业大学", "教授")]),
            ("柴宁", [("全国政协", "委员"), ("某湿地公园", "主任")]),
        ],
        ["dialogue", "dialogue"],
        1,
        id="bracketed-guest-label-and-scene-head",
    ),
    pytest.param(
        doc(
            "湿地保护怎么干",
            "对话嘉宾：蒲晓川（全国政协委员、某林业大学教授）、柴宁（全国政协委员、某湿地公园主任）",
            "记者：湿地保护的难点在哪里？",
            "蒲晓川：难在监测。",
            "柴宁：难在协同。",
        ),
        [
            ("蒲晓川", [("全国政协", "委员"), ("某林业大学", "教授")]),
            ("柴宁", [("全国政协", "委员"), ("某湿地公园", "主任")]),
        ],
        ["dialogue", "dialogue"],
        1,
        id="guests-in-brackets-on-the-label-line",
    ),
    pytest.param(
        doc(
            "让乡村医生留得住",
            "访谈嘉宾：",
            "郑文博  全国人大代表、某县人民医院院长",
            "韩  露  全国政协委员、某医科大学教授",
            "晨报：乡村医生流失的原因是什么？",
            "郑文博",
            "“收入偏低是主要原因，职称晋升也困难。”",
            "韩露",
            "“培训必须常态化，远程会诊要真正用起来。”",
            "本报：您有什么建议？",
            "郑文博：建议设立专项补贴。",
        ),
        [
            ("郑文博", [("全国人大", "代表"), ("某县人民医院", "院长")]),
            ("韩露", [("全国政协", "委员"), ("某医科大学", "教授")]),
        ],
        ["dialogue", "dialogue", "dialogue"],
        2,
        id="outlet-asks-and-names-alone-over-the-answers",
    ),
    pytest.param(
        doc(
            "让乡村医生留得住",
            "新民报：乡村医生流失的原因是什么？",
            "全国人大代表、某县人民医院院长郑文博：收入偏低是主要原因。",
            "新民报：您有什么建议？",
            "郑文博：建议设立专项补贴。",
        ),
        [("郑文博", [("全国人大", "代表"), ("某县人民医院", "院长")])],
        ["colon", "dialogue"],
        2,
        id="outlet-name-with-a-surname-first-is-a-question",
    ),
    pytest.param(
        doc(
            "###全国政协委员向明远——",
            "让古村落活起来（履职故事）",
            "本报记者  田甜",
            "走进修复室，全国政协委员、某省文物保护研究院研究员向明远正在查看一块木雕。",
            "他认为，保护不能只靠政府投入。",
        ),
        [("向明远", [("全国政协", "委员"), ("某省文物保护研究院", "研究员")])],
        ["dash_ended"],
        0,
        id="dash-kicker-over-title-and-byline-merges-positions",
    ),
    pytest.param(
        doc(
            "关于加快县域养老服务体系建设的提案",
            "提案人：全国政协委员柯宁",
            "当前，县域养老服务供给不足。建议加大财政投入。",
        ),
        [("柯宁", [("全国政协", "委员")])],
        ["label"],
        0,
        id="proposer-label-is-not-part-of-the-unit",
    ),
    pytest.param(
        doc(
            "让数据要素真正流动起来",
            "数据是新型生产要素。当前，数据确权、定价等环节仍存在堵点。",
            "一是要完善数据产权制度。二是要培育数据交易市场。",
            "（作者为全国政协委员、某财经大学教授邵景川，本报记者葛芸采访整理）",
        ),
        [("邵景川", [("全国政协", "委员"), ("某财经大学", "教授")])],
        ["author_note"],
        0,
        id="signed-piece-with-author-note",
    ),
]


@pytest.mark.parametrize(("text", "people", "forms", "questions"), GENERALISED)
def test_generalised_speaker_layouts(
    text: str,
    people: list[tuple[str, list[tuple[str | None, str]]]],
    forms: list[str],
    questions: int,
) -> None:
    data = parsed(text)
    assert [(p["name"], positions(p)) for p in data["people"]] == people
    assert [s["speaker"]["form"] for s in data["speeches"]] == forms
    assert len(data["questions"]) == questions
    # No label, outlet or mark is ever a unit or a speaker.
    for person in data["people"]:
        for org, _ in positions(person):
            assert org is None or not regex_marks.search(org)
    assert not {s["speaker"]["name"] for s in data["speeches"]} & {"晨报", "本报", "新民报"}


def test_signed_piece_takes_the_whole_body_and_the_credit() -> None:
    data = parsed(GENERALISED[-1].values[0])  # type: ignore[index]
    (speech,) = data["speeches"]
    assert len(speech["paragraphs"]) == 2
    assert speech["paragraphs"][0]["text"].startswith("数据是新型生产要素")
    assert [c["name"] for c in speech["byline"]["credits"]] == ["葛芸"]
    assert data["lead"] is None


def test_dash_kicker_leaves_title_and_document_byline() -> None:
    data = parsed(GENERALISED[10].values[0])  # type: ignore[index]
    assert data["title"]["text"] == "让古村落活起来（履职故事）"
    assert [c["name"] for c in data["byline"]["credits"]] == ["田甜"]
    assert data["speeches"][0]["byline"] is None


regex_marks = re.compile(r"[#：:*>—]")


NAMES_ALONE = [
    pytest.param(
        doc(
            "代表委员话民生",
            "禹春兰",
            "全国人大代表、某县花溪村党支部书记",
            "“合作社去年分红了。”今年她带来了关于农村电商的建议。",
            "盛启航",
            "全国政协委员、某理工大学副校长",
            "“成果转化要打通最后一公里。”他建议设立中试基地。",
        ),
        [
            ("禹春兰", [("全国人大", "代表"), ("某县花溪村", "党支部书记")], False),
            ("盛启航", [("全国政协", "委员"), ("某理工大学", "副校长")], False),
        ],
        id="name-then-positions-line",
    ),
    pytest.param(
        doc(
            "代表委员话民生",
            "禹春兰",
            "“合作社去年分红了，大家干劲更足了。”",
            "盛启航",
            "“成果转化要打通最后一公里。”",
        ),
        [("禹春兰", [], True), ("盛启航", [], True)],
        id="names-over-quotations-repeated",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMES_ALONE)
def test_names_alone_over_their_words(
    text: str, expected: list[tuple[str, list[tuple[str | None, str]], bool]]
) -> None:
    data = parsed(text)
    got = [(s["speaker"]["name"], positions(s["speaker"])) for s in data["speeches"]]
    assert got == [(name, pos) for name, pos, _ in expected]
    assert all(s["speaker"]["form"] == "name_line" for s in data["speeches"])
    flagged = [d for d in data["diagnostics"] if d["code"] == "speaker.layout_only"]
    assert len(flagged) == sum(1 for *_, doubt in expected if doubt)
    assert all(len(s["paragraphs"]) == 1 for s in data["speeches"])


def test_one_name_over_one_quotation_is_no_layout() -> None:
    data = parsed(doc("标题一行", "禹春兰", "“合作社去年分红了，大家干劲更足了。”"))
    assert data["speeches"] == []


_SIGNED_BODY = (
    "数据是新型生产要素。当前，数据确权、定价等环节仍存在堵点。",
    "一是要完善数据产权制度。二是要培育数据交易市场。",
)


@pytest.mark.parametrize(
    ("text", "reporters"),
    [
        pytest.param(
            doc(
                "让数据要素流动起来",
                "邵景川",
                *_SIGNED_BODY,
                "（作者为全国政协委员、某财经大学教授）",
            ),
            None,
            id="name-under-title-positions-in-note",
        ),
        pytest.param(
            doc(
                "全国政协委员  邵景川",
                "让数据要素流动起来",
                *_SIGNED_BODY,
                "（作者为某财经大学教授，本报记者葛芸采访整理）",
            ),
            ["葛芸"],
            id="kicker-line-names-author-note-adds-unit",
        ),
        pytest.param(
            doc(
                "让数据要素流动起来",
                *_SIGNED_BODY,
                "（作者为全国政协委员、某财经大学教授邵景川。本报记者葛芸采访整理）",
            ),
            ["葛芸"],
            id="named-note-stop-before-credit",
        ),
    ],
)
def test_signed_pieces(text: str, reporters: list[str] | None) -> None:
    data = parsed(text)
    (speech,) = data["speeches"]
    assert speech["speaker"]["form"] == "author_note"
    assert speech["speaker"]["name"] == "邵景川"
    assert positions(speech["speaker"]) == [("全国政协", "委员"), ("某财经大学", "教授")]
    assert [p["text"] for p in speech["paragraphs"]] == list(_SIGNED_BODY)
    got = [c["name"] for c in speech["byline"]["credits"]] if speech["byline"] else None
    assert got == reporters
    assert data["title"]["text"] == "让数据要素流动起来"


def test_note_without_a_name_anywhere_is_no_speech() -> None:
    data = parsed(doc("让数据要素流动起来", *_SIGNED_BODY, "（作者为某财经大学教授）"))
    assert data["speeches"] == []


def test_interview_round_up_answers_without_names() -> None:
    data = parsed(
        doc(
            "代表委员谈民生",
            "禹春兰  全国人大代表、某县花溪村党支部书记",
            "晨报：今年带来了什么建议？",
            "关于农村电商的建议。我们村去年网上卖出了三千多单土特产。",
            "晨报：还有哪些困难？",
            "物流成本偏高，希望能建县级分拣中心。",
            "盛启航  全国政协委员、某理工大学副校长",
            "晨报：您关注什么？",
            "成果转化要打通最后一公里。",
        )
    )
    assert [p["name"] for p in data["people"]] == ["禹春兰", "盛启航"]
    assert len(data["questions"]) == 3
    answers = [s for s in data["speeches"] if s["paragraphs"]]
    assert [(s["speaker"]["name"], s["paragraphs"][0]["text"][:4]) for s in answers] == [
        ("禹春兰", "关于农村"),
        ("禹春兰", "物流成本"),
        ("盛启航", "成果转化"),
    ]
    assert positions(data["people"][1]) == [("全国政协", "委员"), ("某理工大学", "副校长")]


def test_named_answers_to_outlet_questions_take_positions_from_the_text_above() -> None:
    data = parsed(
        doc(
            "两会连线｜把实事办到群众心坎上",
            "今年全国两会上，全国人大代表、花溪县花溪村党支部书记禹春兰带来了关于农村电商的建议。"
            "另一位受访者也谈了看法。",
            "新民报：为什么关注农村电商？",
            "禹春兰：我们村去年在网上卖出了三千多单土特产。",
            "新民报：成果转化难在哪里？",
            "盛启航：难在中试环节。",
        )
    )
    got = [(s["speaker"]["name"], positions(s["speaker"])) for s in data["speeches"]]
    assert got == [
        ("禹春兰", [("全国人大", "代表"), ("花溪县花溪村", "党支部书记")]),
        ("盛启航", []),
    ]
    assert [q["asker"]["text"] for q in data["questions"]] == ["新民报", "新民报"]


def test_one_question_does_not_make_a_name_and_colon_a_turn() -> None:
    data = parsed(doc("标题一行", "新民报：为什么关注？", "禹春兰：我们村去年卖出了三千多单。"))
    assert data["speeches"] == []
    assert data["questions"] == []


def test_a_name_alone_answering_a_question_speaks_the_lines_below() -> None:
    data = parsed(
        doc(
            "两会连线",
            "今年全国两会上，全国人大代表、花溪县花溪村党支部书记禹春兰带来了关于农村电商的建议。",
            "新民报：为什么关注农村电商？",
            "禹春兰",
            "我们村去年在网上卖出了三千多单土特产。",
            "新民报：还有什么困难？",
            "禹春兰",
            "物流成本偏高。",
        )
    )
    got = [(s["speaker"]["name"], [p["text"] for p in s["paragraphs"]]) for s in data["speeches"]]
    assert got == [
        ("禹春兰", ["我们村去年在网上卖出了三千多单土特产。"]),
        ("禹春兰", ["物流成本偏高。"]),
    ]
    assert positions(data["people"][0]) == [("全国人大", "代表"), ("花溪县花溪村", "党支部书记")]
    assert len(data["questions"]) == 2


@pytest.mark.parametrize(
    "answers",
    [
        pytest.param(("确权难、定价难。", "要完善数据产权制度。"), id="unlabelled-answers"),
        pytest.param(("邵景川：确权难、定价难。", "邵景川：要完善数据产权制度。"), id="named"),
    ],
)
def test_interview_of_the_person_named_in_the_subtitle(answers: tuple[str, str]) -> None:
    data = parsed(
        doc(
            "让数据要素流动起来\n——对话全国政协委员、栖霞财经大学教授邵景川",
            "本报记者  葛芸",
            "记者：数据要素流通的堵点在哪里？",
            answers[0],
            "记者：怎么破解？",
            answers[1],
        )
    )
    got = [(s["speaker"]["name"], s["paragraphs"][0]["text"]) for s in data["speeches"]]
    assert got == [("邵景川", "确权难、定价难。"), ("邵景川", "要完善数据产权制度。")]
    assert positions(data["people"][0]) == [("全国政协", "委员"), ("栖霞财经大学", "教授")]
    assert [q["before_speech"] for q in data["questions"]] == [0, 1]


def test_one_name_over_a_quotation_speaks_when_the_text_introduces_it() -> None:
    data = parsed(
        doc(
            "让老手艺走进新生活",
            "全国政协委员、青岫省工艺美术大师向明远带来了关于传统工艺振兴的提案。",
            "向明远",
            "“老手艺要活下去，就得走进年轻人的生活。”",
            "他建议在中小学开设手工课。",
        )
    )
    (speech,) = data["speeches"]
    assert speech["speaker"]["name"] == "向明远"
    assert speech["speaker"]["form"] == "name_line"
    assert positions(speech["speaker"]) == [("全国政协", "委员"), ("青岫省", "工艺美术大师")]
    assert len(speech["paragraphs"]) == 2
    assert not [d for d in data["diagnostics"] if d["code"] == "speaker.layout_only"]


@pytest.mark.parametrize(
    ("line", "cuts"),
    [
        pytest.param(
            "柏文峰（澄江大学校长）、鲁思琪（澄江种业公司总经理）", [0, 12], id="bracketed"
        ),
        pytest.param("柏文峰（澄江大学校长）", [0], id="one-bracketed"),
        pytest.param("柏文峰  澄江大学校长  鲁思琪  澄江种业公司总经理", [0, 13], id="spaced"),
        pytest.param("柏  宁  澄江大学校长  鲁思琪  总经理", [0, 14], id="padded-name"),
        pytest.param("柏文峰  澄江大学教授鲁思琪  澄江种业公司总经理", [0, 11], id="glued-name"),
        pytest.param("柏文峰；澄江大学校长；鲁思琪；总经理", [0, 11], id="semicolons"),
        pytest.param("澄江大学  柏文峰  校长  鲁思琪  总经理", [0], id="unit-first"),
        pytest.param("柏文峰  澄江大学校长", [0], id="one-guest"),
        pytest.param(
            "主持：柏文峰（澄江大学校长）、鲁思琪（澄江种业公司总经理）",
            [0],
            id="bracketed-after-a-label-is-one-token",
        ),
        pytest.param("柏文峰  鲁思琪  澄江大学校长", [0], id="two-names-in-a-row"),
        pytest.param("柏文峰  教授鲁思琪  总经理", [0, 7], id="glued-name-after-a-bare-title"),
        pytest.param("柏文峰  澄江大学教授柏宁  总经理", [0, 11], id="glued-two-character-name"),
        pytest.param("柏文峰  澄江大学教授的同事  总经理", [0], id="title-then-no-name"),
    ],
)
def test_guest_cuts(line: str, cuts: list[int]) -> None:
    """Where each guest of a guest line starts (offsets counted by hand)."""
    assert guest_cuts(line) == cuts


def test_guest_names_are_spans_of_the_source_without_padding() -> None:
    text = doc(
        "种业振兴怎么干",
        "对话嘉宾：",
        f"钟岳明  {GUEST_A}",
        f"阮  青  {GUEST_B}",
        "阮青：企业要敢投入。",
    )
    names = [g["name"] for g in parsed(text)["guest_list"]["guests"]]
    first, second = text.index("钟岳明"), text.index("阮  青")
    assert names == [
        {"text": "钟岳明", "start": first, "end": first + 3},
        {"text": "阮青", "start": second, "end": second + 4},  # padding inside the span
    ]
