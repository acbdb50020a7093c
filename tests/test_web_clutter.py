"""Web-page clutter, the title choice and the press's bylines, as tables of invented examples.

Each clutter line is put on a page around a small report; it must come back as a
`layout.page_chrome` diagnostic covering it, and never as the title, a speaker, a headline or
a byline. Lines that merely resemble clutter (a speech that mentions 直播, a short headline)
must stay what they are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import speechparse
from invariants import assert_covered, assert_grounded

TITLE = "桤川市民营经济发展座谈会发言摘登"
SPEECH = "桤川市发展改革委主任柏舟远：要推动政策直达快享，让企业少跑腿、快拿钱。"
SPEECH_2 = "苜原县副县长葛云舟：要扩大应急转贷资金池规模。"


def page(*above: str, below: tuple[str, ...] = ()) -> str:
    """A report with ``above`` lines before its title and ``below`` lines after it."""
    body = [TITLE, "把政策红利送到企业手中", SPEECH, "破解融资难题", SPEECH_2]
    return "\n".join([*above, *body, *below]) + "\n"


def report_of(text: str) -> speechparse.Report:
    report = speechparse.parse(text, keywords=False)
    assert_grounded(report, text)
    assert_covered(report, text)
    return report


def values(report: speechparse.Report) -> list[str]:
    out = [report.title.text if report.title else ""]
    out += [report.byline.text] if report.byline else []
    for s in report.speeches:
        out += [s.speaker.text, s.headline.text if s.headline else ""]
        out += [s.byline.text] if s.byline else []
    return out


CLUTTER = [
    pytest.param("您所在的位置：桤川新闻网 > 时政 > 正文", "breadcrumb", id="breadcrumb-label"),
    pytest.param("当前位置:首页 >  政务公开", "breadcrumb", id="breadcrumb-halfwidth"),
    pytest.param("首页 > 新闻中心 > 本地要闻 > 正文", "breadcrumb", id="trail"),
    pytest.param("首页 | 时政 | 经济 | 社会", "navigation menu", id="menu-line"),
    pytest.param("简体 | 繁体 | English", "language switch", id="language"),
    pytest.param("来源：桤川日报　发布时间：2025-03-13 08:30", "meta line", id="source-time"),
    pytest.param("2025-03-13 08:30:12　来源:桤川新闻网  我来说两句", "meta line", id="meta-any"),
    pytest.param("浏览字号: 来源: 桤川日报 2013年3月9日 08:32:06", "meta line", id="font-size"),
    pytest.param("2024-07-10 08:35:39", "date line", id="timestamp"),
    pytest.param("3月12日", "date line", id="bare-date"),
    pytest.param("关键词：民营经济 营商环境", "meta line", id="keywords"),
    pytest.param("分享到：微信 微博 QQ空间", "share widget", id="share"),
    pytest.param("【打印本页】【关闭窗口】", "navigation", id="print-close"),
    pytest.param("打开APP，阅读体验更佳", "app banner", id="app"),
    pytest.param("阅读 3562", "counter", id="counter"),
    pytest.param("版权所有 桤川新闻网 桤ICP备00000000号-1", "footer", id="copyright"),
    pytest.param("Copyright © 2025 All Rights Reserved", "footer", id="copyright-en"),
    pytest.param("真人视讯娱乐城 注册送彩金", "advertisement", id="betting"),
    pytest.param("CN9 高速专线,独立IP,按月支付,支持支付宝。", "advertisement", id="hosting"),
    pytest.param("图片", "placeholder", id="image-placeholder"),
    pytest.param("（资料图片）", "photo caption", id="file-photo"),
    pytest.param("(相关资料图)", "photo caption", id="related-photo"),
    pytest.param("图/新华社", "photo credit", id="picture-agency"),
    pytest.param("座谈会现场。　　桤川日报记者  缪致远摄", "photo caption", id="caption-credit"),
    pytest.param("受访者供图", "photo credit", id="handout"),
    pytest.param("责任编辑：庹星河　校对：扈雨桐", "editor credits", id="editors"),
    pytest.param("![](http://example.invalid/a.jpg)", "link", id="markdown-image"),
]


@pytest.mark.parametrize(("line", "reason"), CLUTTER)
def test_clutter_above_the_title_is_set_aside(line: str, reason: str) -> None:
    report = report_of(page(line))
    assert report.title is not None and report.title.text == TITLE
    assert [s.speaker.name for s in report.speeches] == ["柏舟远", "葛云舟"]
    chrome = [d for d in report.diagnostics if d.code == "layout.page_chrome"]
    assert any(f"({reason})" in d.message and d.start == 0 for d in chrome), [
        d.message for d in report.diagnostics
    ]


@pytest.mark.parametrize(("line", "reason"), CLUTTER)
def test_clutter_below_the_report_stays_out_of_values(line: str, reason: str) -> None:
    text = page(below=(line,))
    report = report_of(text)
    assert [s.speaker.name for s in report.speeches] == ["柏舟远", "葛云舟"]
    cut = text.index(line.split()[0])
    assert any(d.start <= cut < d.end and reason in d.message for d in report.diagnostics)
    assert not [v for v in values(report) if line.split()[0] in v]


def test_a_related_list_is_set_aside_with_its_items() -> None:
    text = page(below=("相关报道", "桤川出台支持民营经济发展十条措施", "苜原县举办政银企对接会"))
    report = report_of(text)
    start = text.index("相关报道")
    assert any(
        d.start == start and d.end == len(text.rstrip()) and "related" in d.message
        for d in report.diagnostics
    )


def test_a_menu_of_short_link_lines_is_set_aside() -> None:
    report = report_of(page("首页", "时政", "经济", "社会", "视频"))
    assert report.title is not None and report.title.text == TITLE
    assert any("navigation menu" in d.message and d.start == 0 for d in report.diagnostics)


def test_a_caption_printed_twice_is_set_aside_both_times() -> None:
    caption = "座谈会现场。　　桤川日报记者  缪致远摄"
    text = page(below=(caption, "座谈会现场。", "桤川日报记者  缪致远摄"))
    report = report_of(text)
    second = text.index("座谈会现场。", text.index(caption) + 1)
    assert any(d.start <= second < d.end for d in report.diagnostics)
    assert report.speeches[-1].paragraphs[-1].text == "要扩大应急转贷资金池规模。"


@pytest.mark.parametrize(
    "line",
    [
        "要发展直播电商，用好平台流量。",  # one spam-like word alone never decides
        "打印机产能提升了三成。",
        "图片展示了十年来的变化。",
        "来源广泛的数据要共享。",
        "相关部门要压缩审批时限。",
    ],
)
def test_sentences_that_resemble_clutter_stay_in_the_speech(line: str) -> None:
    text = page().replace(SPEECH_2, SPEECH_2 + "\n" + line)
    report = report_of(text)
    assert line in "".join(p.text for p in report.speeches[-1].paragraphs)


# --- the title --------------------------------------------------------------------------------

TITLES = [
    pytest.param(
        ["# " + TITLE, "> 《桤川日报》（2025年03月13日第 02 版）"], TITLE, None, id="markdown-title"
    ),
    pytest.param(
        ["### 聚焦民营经济——", "# " + TITLE], TITLE, "聚焦民营经济——", id="kicker-heading"
    ),
    pytest.param(["聚焦民营经济——", TITLE], TITLE, "聚焦民营经济——", id="kicker-dash"),
    pytest.param(["桤川足球比分_即时赔率-下注官网", TITLE], TITLE, None, id="spam-above"),
    pytest.param(
        ["在现场", "来源：桤川日报 2025年3月9日", "民情两“声”", "本报记者 韦 岚"],
        "民情两“声”",
        None,
        id="column-tag-then-title-over-byline",
    ),
    pytest.param(
        ["苜原县春耕备耕有序推进", "鹿鸣区新建口袋公园", TITLE], TITLE, None, id="genre-label-wins"
    ),
    pytest.param(
        ["某某加速器，全球节点，稳定不掉线。", "1985年3月31日桤川日报 第3版", "专栏:", TITLE],
        TITLE,
        None,
        id="unknown-ad-above-edition-line",
    ),
    pytest.param(
        ["打开APP", "政通人和 事业兴旺", "——桤川市政协会议部分委员发言摘要"],
        "政通人和 事业兴旺",
        None,
        id="title-over-subtitle",
    ),
]


@pytest.mark.parametrize(("top", "title", "kicker"), TITLES)
def test_the_title_is_chosen_by_evidence(top: list[str], title: str, kicker: str | None) -> None:
    body = ["把政策红利送到企业手中", SPEECH]
    text = "\n\n".join([*top, *body]) + "\n"
    report = report_of(text)
    assert report.title is not None and report.title.text == title
    assert (report.kicker.text if report.kicker else None) == kicker
    assert [s.speaker.name for s in report.speeches] == ["柏舟远"]


@pytest.mark.parametrize(
    "top",
    [
        ["2月18日", "新华社北京18日电 桤川市召开座谈会，与会人员踊跃发言。"],
        ["3月7日上午，桤川市召开座谈会，与会人员踊跃发言。"],
        ["桤川市召开座谈会，与会人员踊跃发言。", "来源：桤川日报", "把政策红利送到企业手中"],
    ],
    ids=["date-line", "sentence-first", "sentence-then-meta-then-headline"],
)
def test_a_page_without_a_title_gets_none(top: list[str]) -> None:
    report = report_of("\n\n".join([*top, SPEECH]) + "\n")
    assert report.title is None


# --- the press's bylines ----------------------------------------------------------------------

DOC_BYLINES = [
    pytest.param(
        "> 本报记者  韦  岚  祁望《桤川日报》（2025年03月13日第 02 版）",
        ["韦岚", "祁望"],
        id="glued-to-edition-line",
    ),
    pytest.param("星辰全媒体记者 蓝雨桐 柏舟", ["蓝雨桐", "柏舟"], id="outlet-prefixed-role"),
    pytest.param(
        "本报记者 韦岚 祁望 蓝雨桐 柏舟 葛云 訾晓",
        ["韦岚", "祁望", "蓝雨桐", "柏舟", "葛云", "訾晓"],
        id="six-names-spaced",
    ),
    pytest.param(
        "本报记者 韦岚、祁望、蓝雨桐、柏舟、葛云",
        ["韦岚", "祁望", "蓝雨桐", "柏舟", "葛云"],
        id="five-names-dunhao",
    ),
    pytest.param(
        "本报记者 王五赵六钱七孙八周九",
        ["王五", "赵六", "钱七", "孙八", "周九"],
        id="five-names-run-together",
    ),
    pytest.param("本报记者 韦 岚 参与采写", ["韦岚"], id="padded-with-credit"),
    pytest.param("作者：本报记者 韦岚", ["韦岚"], id="author-label"),
]


@pytest.mark.parametrize(("line", "names"), DOC_BYLINES)
def test_document_bylines_of_the_press(line: str, names: list[str]) -> None:
    text = "\n\n".join([TITLE, line, "把政策红利送到企业手中", SPEECH, "破解融资难题", SPEECH_2])
    report = report_of(text + "\n")
    assert report.byline is not None
    assert [c.name for c in report.byline.credits] == names


@pytest.mark.parametrize(
    ("lead", "names"),
    [
        ("中新网桤川3月5日电(记者 蓝雨桐)5日，桤川市召开座谈会。", ["蓝雨桐"]),
        ("桤川社桤川3月5日電（記者 藍雨桐）5日，桤川市召開座談會。", ["藍雨桐"]),
        ("中新网桤川7月9日电(柏舟远)9日，桤川市召开座谈会。", ["柏舟远"]),
        (
            "date 2026-03-09 会议现场（桤川社 蓝雨桐摄） "
            "桤川社北京3月9日电（记者 蓝雨桐）会议召开。",
            ["蓝雨桐"],
        ),
        ("（桤川社记者蓝雨桐台北5日电）桤川市召开座谈会。", ["蓝雨桐"]),
        (" date 2026-03-09 桤川社北京3月9日電（記者 藍雨桐）會議召開。", ["藍雨桐"]),
        ("本报桤川3月5日电  记者韦岚、祁望报道：桤川市召开座谈会。", ["韦岚", "祁望"]),
        ("【桤川報訊】記者韋嵐報道：桤川市召開座談會。", ["韋嵐"]),
    ],
    ids=[
        "agency-simplified",
        "agency-traditional",
        "bare-name",
        "after-glued-caption",
        "agency-in-brackets",
        "date-glued-before",
        "dateline-then-reporters",
        "bracketed-outlet-then-reporter",
    ],
)
def test_agency_datelines(lead: str, names: list[str]) -> None:
    report = report_of("\n\n".join([TITLE, lead, SPEECH]) + "\n")
    assert report.byline is not None and report.byline.form == "dateline"
    assert [c.name for c in report.byline.credits] == names


def test_a_column_tag_in_brackets_is_not_a_byline() -> None:
    report = report_of("\n\n".join(["从零到一，跑出加速度（议政）", SPEECH]) + "\n")
    assert report.title is not None and report.title.text == "从零到一，跑出加速度（议政）"
    assert report.byline is None


@pytest.mark.parametrize("credit", ["采访整理", "参与采写", "参与采访", "整理"])
def test_a_per_speech_credit_after_the_speech_is_its_byline(credit: str) -> None:
    text = (
        "\n\n".join(
            [
                TITLE,
                "把政策红利送到企业手中",
                SPEECH,
                f"（本报记者  蓝雨桐{credit}）",
                "破解融资难题",
                SPEECH_2,
                f"（本报记者  韦  岚{credit}）",
            ]
        )
        + "\n"
    )
    report = report_of(text)
    assert [s.headline.text if s.headline else None for s in report.speeches] == [
        "把政策红利送到企业手中",
        "破解融资难题",
    ]
    assert [[c.name for c in s.byline.credits] if s.byline else None for s in report.speeches] == [
        ["蓝雨桐"],
        ["韦岚"],
    ]


def test_section_bylines_credit_every_speech_of_their_section() -> None:
    speeches = [
        "桤川市发展改革委主任柏舟远：要推动政策直达快享。",
        "苜原县副县长葛云舟：要扩大转贷资金池。",
        "鹿鸣区区长訾晓晗：要压缩审批时限。",
        "桤川市财政局局长周明远：要落实减税降费。",
    ]
    text = (
        "\n\n".join(
            [
                TITLE,
                "一、政策篇",
                speeches[0],
                speeches[1],
                "（本报记者 蓝雨桐）",
                "二、服务篇",
                speeches[2],
                speeches[3],
                "（本报记者 韦 岚）",
            ]
        )
        + "\n"
    )
    report = report_of(text)
    assert [[c.name for c in s.byline.credits] if s.byline else None for s in report.speeches] == [
        ["蓝雨桐"],
        ["蓝雨桐"],
        ["韦岚"],
        ["韦岚"],
    ]


# --- where the title stands, authors in meta lines, closing bylines --------------------------

LEAD_SENTENCE = "3月8日，桤川市政协委员分组讨论，大家踊跃发言。"
HEADLINE = "桤川市政协小组讨论委员建言踊跃"


@pytest.mark.parametrize(
    "top",
    [
        ["今日桤川", HEADLINE, "来源：桤川日报 2025年3月9日", LEAD_SENTENCE],
        ["时政要闻", HEADLINE, "2025-03-09 08:30", LEAD_SENTENCE],
        ["本地新闻", HEADLINE, LEAD_SENTENCE],
        ["要闻", HEADLINE, "本报记者 韦岚", LEAD_SENTENCE],
        ["要闻速递", HEADLINE, "桤川社桤川3月8日电（记者 蓝雨桐）8日，桤川市政协委员分组讨论。"],
    ],
    ids=["over-meta-line", "over-date-line", "over-lead", "over-byline", "over-dateline"],
)
def test_a_channel_line_above_the_headline_is_not_the_title(top: list[str]) -> None:
    report = report_of("\n\n".join([*top, SPEECH, SPEECH_2]) + "\n")
    assert report.title is not None and report.title.text == HEADLINE
    assert [s.speaker.name for s in report.speeches] == ["柏舟远", "葛云舟"]
    assert all(HEADLINE not in v for v in values(report)[1:])


def test_a_genre_label_still_wins_over_a_line_above_the_lead() -> None:
    top = ["苜原县春耕备耕有序推进", TITLE, "把政策红利送到企业手中"]
    report = report_of("\n\n".join([*top, LEAD_SENTENCE, SPEECH]) + "\n")
    assert report.title is not None and report.title.text == TITLE


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("作者: 缪青禾", ["缪青禾"]),
        ("作者：缪青禾 祁望", ["缪青禾", "祁望"]),
        ("作者：缪青禾 祁望　来源：桤川日报", ["缪青禾", "祁望"]),
        ("来源：桤川日报　作者：缪青禾", ["缪青禾"]),
        ("2025-03-09 08:30  来源：桤川日报  作者：缪青禾", ["缪青禾"]),
        ("来源：桤川日报 | 作者：缪青禾 | 责任编辑：祁望", ["缪青禾"]),
        ("來源：桤川日報　作者：韋嵐 祁望", ["韋嵐", "祁望"]),
        ("发布时间：2025-03-09　来源：桤川日报　记者：韦岚", ["韦岚"]),
        ("作者为桤川大学教授", None),
        ("作者：桤川大学教授 缪青禾", None),
        ("作者：本报评论员", None),
    ],
    ids=[
        "halfwidth-colon",
        "two-names",
        "with-source-after",
        "after-source",
        "after-time-and-source",
        "bar-separated",
        "traditional",
        "reporter-field",
        "author-is-sentence",
        "author-with-position",
        "author-is-a-role",
    ],
)
def test_the_author_field_of_a_meta_line(line: str, names: list[str] | None) -> None:
    report = report_of("\n\n".join([TITLE, line, SPEECH, SPEECH_2]) + "\n")
    assert report.title is not None and report.title.text == TITLE
    got = [c.name for c in report.byline.credits] if report.byline else None
    assert got == names
    assert all(s.byline is None for s in report.speeches)


def test_a_byline_line_under_the_title_writes_out_the_meta_lines_author() -> None:
    text = (
        "\n\n".join(
            [TITLE, "来源：桤川日报　作者：缪青禾", "本报记者 缪青禾 祁望", SPEECH, SPEECH_2]
        )
        + "\n"
    )
    report = report_of(text)
    assert report.byline is not None
    assert [c.name for c in report.byline.credits] == ["缪青禾", "祁望"]


@pytest.mark.parametrize(
    "closing",
    ["（桤川社记者 蓝雨桐）", "(记者 蓝雨桐 韦岚)", "（桤川新闻记者 蓝雨桐）", "（記者 藍雨桐）"],
    ids=["agency", "halfwidth-two-names", "outlet-prefixed", "traditional"],
)
def test_a_bracketed_byline_closing_the_report_credits_the_report(closing: str) -> None:
    text = "\n\n".join([TITLE, LEAD_SENTENCE, SPEECH, SPEECH_2 + closing]) + "\n"
    report = report_of(text)
    names = [n for n in ("蓝雨桐", "韦岚", "藍雨桐") if n in closing]
    assert report.byline is not None and [c.name for c in report.byline.credits] == names
    assert [s.byline for s in report.speeches] == [None, None]


def test_closing_bylines_of_every_speech_stay_with_their_speeches() -> None:
    text = "\n\n".join([TITLE, SPEECH + "（记者 韦岚）", SPEECH_2 + "（记者 蓝雨桐）"]) + "\n"
    report = report_of(text)
    assert report.byline is None
    assert [[c.name for c in s.byline.credits] if s.byline else None for s in report.speeches] == [
        ["韦岚"],
        ["蓝雨桐"],
    ]


def test_a_closing_tail_beside_a_dateline_stays_the_last_speechs() -> None:
    lead = "本报讯（记者 韦岚）3日，桤川市召开座谈会。"
    report = report_of("\n\n".join([TITLE, lead, SPEECH, SPEECH_2 + "（记者 蓝雨桐）"]) + "\n")
    assert report.byline is not None and [c.name for c in report.byline.credits] == ["韦岚"]
    last = report.speeches[-1].byline
    assert last is not None and [c.name for c in last.credits] == ["蓝雨桐"]


@pytest.mark.parametrize(
    ("lead", "names"),
    [
        ("桤川网北京3月3日电（记者 蓝雨桐）3日，桤川市召开座谈会。", ["蓝雨桐"]),
        ("本报讯（通讯员 祁望 记者 韦岚）3日，桤川市召开座谈会。", ["祁望", "韦岚"]),
        ("本報訊（通訊員 祁望 記者 韋嵐）3日，桤川市召開座談會。", ["祁望", "韋嵐"]),
        ("桤川網北京3月3日電 (記者 藍雨桐 韋嵐)3日，桤川市召開座談會。", ["藍雨桐", "韋嵐"]),
        (
            "本报讯（记者 韦岚 通讯员 祁望 蓝雨桐）3日，桤川市召开座谈会。",
            ["韦岚", "祁望", "蓝雨桐"],
        ),
    ],
    ids=["portal", "correspondent-first", "traditional-bao-xun", "traditional-two", "three-names"],
)
def test_datelines_with_bare_reporters(lead: str, names: list[str]) -> None:
    report = report_of("\n\n".join([TITLE, lead, SPEECH, SPEECH_2]) + "\n")
    assert report.byline is not None and report.byline.form == "dateline"
    assert [c.name for c in report.byline.credits] == names


# --- Markdown: a kicker naming the speaker over the title -------------------------------------


@pytest.mark.parametrize(
    ("kicker", "tag"),
    [
        ("### 全国政协委员、苜原农学院研究员訾望川——", "（建言故事）"),
        ("### 桤川市政协委员訾望川——", ""),
    ],
    ids=["designation-kicker-with-column-tag", "short-designation-kicker"],
)
def test_a_speaker_kicker_over_a_markdown_title(kicker: str, tag: str) -> None:
    lines = [
        kicker,
        "# 把一粒良种育成千亩丰收" + tag,
        "## 守护种业的“芯片”",
        "> 本报记者  蓝雨桐",
        "“种业要自立自强，关键在育种人才。”訾望川说。",
    ]
    report = report_of("\n\n".join(lines) + "\n")
    assert report.title is not None and report.title.text == "把一粒良种育成千亩丰收" + tag
    assert report.kicker is not None and report.kicker.text == kicker.lstrip("# ")
    assert report.subtitle is not None and report.subtitle.text == "守护种业的“芯片”"
    assert report.byline is not None and [c.name for c in report.byline.credits] == ["蓝雨桐"]
    (speech,) = report.speeches
    assert speech.speaker.name == "訾望川" and speech.byline is None
    assert [p.text for p in speech.paragraphs] == ["“种业要自立自强，关键在育种人才。”訾望川说。"]


WEB = Path(__file__).resolve().parent / "fixtures" / "web"


def test_a_profile_page_in_markdown_with_a_speaker_kicker() -> None:
    path = WEB / "profile.md"
    report = speechparse.parse_file(path, keywords=False)
    text = path.read_text("utf-8")
    assert_grounded(report, text)
    assert_covered(report, text)
    assert report.title is not None
    assert report.title.text == "把一粒良种育成千亩丰收（建言故事）"
    assert report.kicker is not None and report.kicker.text.endswith("訾望川——")
    assert report.byline is not None and [c.name for c in report.byline.credits] == ["蓝雨桐"]
    (speech,) = report.speeches
    assert speech.speaker.name == "訾望川" and speech.byline is None
    assert [(p.organization, p.title) for p in speech.speaker.positions] == [
        ("全国政协", "委员"),
        ("苜原农学院", "研究员"),
    ]
    assert len(speech.paragraphs) == 3


def test_a_portal_page_with_a_channel_line_meta_author_and_closing_byline() -> None:
    path = WEB / "channel_page.txt"
    report = speechparse.parse_file(path, keywords=False)
    text = path.read_text("utf-8")
    assert_grounded(report, text)
    assert_covered(report, text)
    assert report.title is not None and report.title.text == "苜原县政协委员分组讨论建言踊跃"
    assert report.byline is not None
    assert [c.name for c in report.byline.credits] == ["葛云舟", "祁望"]
    assert [(s.speaker.name, s.byline) for s in report.speeches] == [
        ("柏舟远", None),
        ("缪青禾", None),
    ]
    # The report's own closing byline replaces the page's author field.
    assert report.byline.form == "parenthesized"
    assert text[report.byline.start : report.byline.end] == "（桤川日报记者 葛云舟 祁望）"
