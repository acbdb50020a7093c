"""Numeric figures in report prose, each tied to the exact characters it was read from.

Meeting reports state their substance in figures (``385亿财政收入``, ``引进了6.93万人``,
``二十多个地区``), but the same characters also spell idioms, ordinals, plan names and
dates. The scanner therefore reports a figure only when the characters around a number make
it a quantity; when in doubt it stays silent, because a wrong figure in an analyst's table is
worse than a missing one.

Deliberate choices (the lead can revisit them in one place):

* Dates are not figures. ``2018年``, ``二〇一八年``, ``3月18日``, ``5号``, ``9时`` and year
  ranges such as ``2018—2020年`` are skipped outright: analysts track quantities, and a year
  read as "2018 years" would pollute every sum. A 4-digit number before 年 counts as a year
  unless a qualifier such as 近 marks it as a span (``近1000年``).
* A range (``5至8家``, ``五至八家``, ``3-5年``, ``10%-20%``) is one figure covering both ends;
  ``value`` is the low end and ``bound`` is ``"range"``. Adjacent digits (``三四个``,
  ``三五年``) are the colloquial range form and are also ``"range"``, approximate.
* ``成`` is a ratio: ``三成`` has value 0.3 and unit ``成``; ``倍`` is a ratio with the
  multiple as value.
* Qualifiers written inside the figure (多, 余, 几 in ``30多亿``, ``十几个``, ``3年多``) are
  part of ``text``; qualifiers standing before or after it (近, 约, 超过, 不到, 以上, 左右 ...)
  set ``approximate``/``bound`` but stay outside ``text``, so ``text`` is always the figure
  itself and the qualifier can be shown next to it.
* ``unit`` is normalised (``％`` -> ``%``, ``个月`` -> ``月``, ``个百分点`` -> ``百分点``,
  ``万人次`` -> ``人次``); ``百分之三十`` has unit ``%``.
* A bare Chinese numeral needs a unit or a 万/亿 magnitude, since without one it is almost
  always a word (一是, 二要, 两会, 十分). A lone 一 before a count word (一个, 一批, 一把手)
  is the indefinite article, not a count, so it is reported only with time, money, percent
  or measurement units (一年, 一亩).
* Vague multiples (几十个, 数十万) are skipped: there is no honest single value to give.
* ``kind`` ``"other"`` covers physical measurements (亩, 公里, 吨) and bare numbers.

Every pattern but the scanner's is a flat alternation or a single-character class with no
nested quantifiers; the scanner's steps over each character once (its repeated parts are
possessive or atomic), and every step of the scan moves forward, so the cost stays linear in
the input length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Final, NamedTuple

import regex

from speechparse.core.chars import CLAUSE_END, CLOSE_QUOTES, SENTENCE_END, char_class
from speechparse.models import Bound, FigureKind

__all__ = ["FigureMatch", "chinese_to_number", "find_figures"]


class FigureMatch(NamedTuple):
    """One figure as written, with offsets so it can be highlighted in the source.

    A named tuple, immutable like a frozen dataclass but built several times faster: a report
    holds a few hundred of them and each is read once, into the report's model.
    """

    text: str
    start: int
    end: int
    value: float
    unit: str | None
    inferred_unit: bool
    approximate: bool
    bound: Bound | None
    kind: FigureKind


# --------------------------------------------------------------------------------------------
# Chinese numerals
# --------------------------------------------------------------------------------------------

_NONZERO: Final[dict[str, int]] = {
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_ZEROS: Final = frozenset("零〇")
_SMALL_UNITS: Final[dict[str, int]] = {"十": 10, "百": 100, "千": 1000}
_PLAIN_DIGITS: Final[dict[str, str]] = {
    "零": "0", "〇": "0", "一": "1", "二": "2", "三": "3", "四": "4",
    "五": "5", "六": "6", "七": "7", "八": "8", "九": "9",
}  # fmt: skip
_DIGIT_CHARS: Final = frozenset(_PLAIN_DIGITS)
_MAG_VALUE: Final[dict[str, int]] = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_FULLWIDTH: Final = str.maketrans("０１２３４５６７８９．", "0123456789.")
# Beyond this many digits a "number" is noise (IDs, hashes), and Decimal could overflow.
_MAX_DIGITS: Final = 60


def _section(s: str) -> int | None:
    """Value of a numeral below 10 000, or None when the characters do not form one.

    Strictness here is what keeps 十四五, 三五, 一五一十 from being read as quantities.
    Colloquial elision (两千五 = 2500, 三百五 = 350) is accepted because reporters write it.
    """
    total = 0
    pending: int | None = None
    last_unit = 0
    after_zero = False
    for ch in s:
        if ch in _ZEROS:
            if pending is not None or last_unit == 0:
                return None
            after_zero = True
        elif ch in _NONZERO:
            if pending is not None:
                return None
            pending = _NONZERO[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if last_unit and unit >= last_unit:
                return None
            if pending is None:
                if (total == 0 and last_unit == 0) or ch == "十":
                    pending = 1
                else:
                    return None
            total += pending * unit
            pending = None
            last_unit = unit
            after_zero = False
        else:
            return None
    if pending is not None:
        total += pending if (after_zero or not last_unit) else pending * last_unit // 10
    elif after_zero:
        return None
    return total


def _tail(right: str, magnitude: int, below: int) -> int | None:
    """The part after 万/亿: 一万二 means 12 000, so a lone digit is scaled down by ten."""
    if right == "":
        return 0
    if len(right) == 1 and right in _NONZERO:
        return _NONZERO[right] * magnitude // 10
    stripped = right.lstrip("零〇")
    if stripped == "":
        return None
    value = _below_yi(stripped) if below > 10**4 else _section(stripped)
    if value is None or value >= below:
        return None
    return value


def _below_yi(s: str) -> int | None:
    if "亿" in s or s.count("万") > 1:
        return None
    i = s.find("万")
    if i < 0:
        return _section(s)
    if i == 0 and len(s) > 1:
        return None  # 万一 is a word ("in case"), not 11 000
    left = 1 if i == 0 else _section(s[:i])
    if not left:
        return None
    right = _tail(s[i + 1 :], 10**4, 10**4)
    return None if right is None else left * 10**4 + right


def _cn_int(s: str) -> int | None:
    if s == "":
        return None
    if s in _ZEROS:
        return 0
    i = s.rfind("亿")
    if i < 0:
        return _below_yi(s)
    if i == 0 and len(s) > 1:
        return None  # 亿万 is a word ("countless")
    left = 1 if i == 0 else _below_yi(s[:i])
    if not left:
        return None
    right = _tail(s[i + 1 :], 10**8, 10**8)
    return None if right is None else left * 10**8 + right


@lru_cache(maxsize=1024)
def _cn_value(s: str) -> Decimal | None:
    """Structured numeral with an optional 点 decimal; digit-by-digit strings are refused.

    Digit strings (二〇一八) are years or codes in running text, so the scanner treats them
    separately; ``chinese_to_number`` still reads them for callers who know the context.
    Remembered: reports write the same few numerals (一, 两, 三十) over and over, and the
    value depends on the characters alone.
    """
    whole, dot, frac = s.partition("点")
    if dot and (frac == "" or any(c not in _PLAIN_DIGITS for c in frac)):
        return None
    int_part = _cn_int(whole)
    if int_part is None:
        return None
    if not dot:
        return Decimal(int_part)
    return Decimal(f"{int_part}." + "".join(_PLAIN_DIGITS[c] for c in frac))


def _ar_value(raw: str) -> Decimal | None:
    digits = raw.translate(_FULLWIDTH).replace(",", "")
    if len(digits) > _MAX_DIGITS:
        return None
    return Decimal(digits)


_MIXED: Final = re.compile(r"([0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?)([十百千万亿]*)")


def chinese_to_number(numeral: str) -> float | None:
    """Read a numeral such as 二十三, 一百零二, 一万二千, 两千, 三点五, 二〇一八 or 3.5万.

    Returns None instead of raising because callers feed it fragments of scraped text.
    Ratios (三成) and approximations (三十多) are not numerals; ``find_figures`` handles them.
    """
    s = numeral.strip() if isinstance(numeral, str) else ""
    if not s:
        return None
    mixed = _MIXED.fullmatch(s)
    if mixed is not None:
        base = _ar_value(mixed[1])
        if base is None:
            return None
        for ch in mixed[2]:
            base *= _MAG_VALUE[ch]
        return float(base)
    if len(s) >= 2 and all(c in _PLAIN_DIGITS for c in s):
        return float(int("".join(_PLAIN_DIGITS[c] for c in s)))
    value = _cn_value(s)
    return None if value is None else float(value)


# --------------------------------------------------------------------------------------------
# Units and qualifiers
# --------------------------------------------------------------------------------------------

# written form -> (normalised unit, kind). Physical measurements are kind "other".
_UNITS: Final[dict[str, tuple[str, FigureKind]]] = {
    **{u: (u, "amount") for u in ("元", "美元", "欧元", "港元", "日元", "英镑")},
    "%": ("%", "percent"), "％": ("%", "percent"), "‰": ("‰", "percent"),
    "个百分点": ("百分点", "percent"), "百分点": ("百分点", "percent"),
    "成": ("成", "ratio"), "倍": ("倍", "ratio"),
    "年": ("年", "duration"), "周年": ("周年", "duration"), "个月": ("月", "duration"),
    "个多月": ("月", "duration"), "天": ("天", "duration"), "周": ("周", "duration"),
    "个星期": ("星期", "duration"), "小时": ("小时", "duration"),
    "个小时": ("小时", "duration"), "分钟": ("分钟", "duration"), "秒": ("秒", "duration"),
    "个工作日": ("工作日", "duration"), "工作日": ("工作日", "duration"),
    "岁": ("岁", "duration"),
    **{u: (u, "other") for u in (
        "亩", "公顷", "平方公里", "平方米", "平米", "立方米", "公里", "千米", "米", "厘米",
        "吨", "千克", "公斤", "克", "斤", "千瓦时", "千瓦", "兆瓦", "度", "标箱", "升",
    )},
    **{u: (u, "count") for u in (
        "人次", "人", "个", "项", "家", "户", "名", "位", "所", "座", "条", "件", "次", "批",
        "场", "种", "类", "台", "辆", "套", "处", "篇", "份", "部", "本", "张", "栋", "间",
        "棵", "株", "头", "只", "支", "架", "艘", "点", "册", "字", "例", "起", "宗", "笔",
        "轮", "层", "床", "枚", "对", "双", "组", "支队", "队", "团", "班", "根", "块", "门",
        "颗", "首", "幅", "句", "段", "章", "趟", "遍", "县", "市", "镇", "乡", "村", "国",
        "所", "校", "站", "厂", "店", "园", "链", "片", "节", "届次",
    )},
}  # fmt: skip
# Plain literals and classes: ``re`` matches them about twice as fast as ``regex`` does
# (which _MONEY keeps: with its lookarounds ``regex`` searches faster).
_UNIT_RE: Final = re.compile("|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True)))
_MAG_AR: Final = re.compile(r"[十百千]?(?:万亿|亿|万)|[百千]")
_MAG_CN: Final = re.compile(r"万亿|亿|万")
_AR_NUMBER: Final = r"[0-9０-９]+(?:,[0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?"
_NUM: Final = re.compile(
    rf"(?P<ar>{_AR_NUMBER})|(?P<cn>[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)"
)

# With these units a lone 一 still means "one" rather than "a/an".
_YI_UNITS: Final = frozenset(
    {"年", "周年", "月", "天", "周", "星期", "小时", "分钟", "工作日", "倍", "%", "百分点",
     "亩", "公顷", "平方公里", "平方米", "公里", "千米", "米", "吨", "公斤"}
    | {u for u, k in _UNITS.values() if k == "amount"}
)  # fmt: skip
# 统一, 之一, 唯一 ... : the 一 belongs to the word before it.
_YI_BLOCK_BEFORE: Final = frozenset("统之唯万逐专单划同不归合")
_DURATION_TRAIL_BLOCK: Final = frozenset("次元个项家种样方少彩重措部渠层位")
_OPEN_QUOTES: Final = frozenset("“「『\"'‘《")
_CLOSE_QUOTES: Final = frozenset(CLOSE_QUOTES)
_RANGE_SEP: Final = frozenset("至到-－~～—–〜")
_DATE_MARKERS: Final = frozenset("月日号时")
_SENTENCE_END_RE: Final = re.compile(char_class(SENTENCE_END + CLAUSE_END + "\n"))
_MONEY: Final = regex.compile(
    r"财政|收入|资金|投资|经费|基金|预算|税|营收|产值|总额|金额|融资|贷款|资产|销售额|"
    r"生产总值|GDP|增加值|利润|补贴|补助|奖补|拨付|投入|资本|债|收益|成本|支出|存款|"
    r"营业额|交易额|募集|钱|(?<![多单公纪])元(?![素旦宵首])"
)

# Longest first, so 不超过 is not read as 超过 and 将近 not as 近.
_PREFIXES: Final[tuple[tuple[str, Bound | None], ...]] = (
    ("不超过", "upper"), ("不少于", "lower"), ("不低于", "lower"), ("不高于", "upper"),
    ("不到", "upper"), ("不足", "upper"), ("将近", "upper"), ("接近", "upper"),
    ("超过", "lower"), ("多于", "lower"), ("至少", "lower"), ("最多", "upper"),
    ("大约", None), ("大概", None), ("约", None), ("近", "upper"), ("逾", "lower"),
    ("超", "lower"),
)  # fmt: skip
# 最近三年 is "the last three years" and 签约3个 is "signed three": not qualifiers.
_PREFIX_FALSE_FRIENDS: Final[dict[str, frozenset[str]]] = {
    "近": frozenset("最附临靠邻就亲"),
    "约": frozenset("节制签合集预简邀履特违公条契婚相缔"),
    "超": frozenset("赶"),
}
_SUFFIXES: Final[tuple[tuple[str, Bound | None], ...]] = (
    ("以上", "lower"), ("以下", "upper"), ("以内", "upper"), ("之内", "upper"),
    ("左右", None), ("上下", None), ("开外", "lower"), ("有余", "lower"),
)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Scanner
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Quantity:
    """A number with what is written right after it, before deciding whether to report it."""

    start: int
    end: int
    num: Decimal
    mag: int
    big: bool  # 万/亿 written, so a bare figure may be money
    unit: str | None
    kind: FigureKind | None
    approx: bool  # 多/余/几 written inside the figure
    pair: bool  # 三四个
    cn: bool
    raw: str
    reject: bool = False  # a date, ordinal, code ...: never reportable
    year: bool = False


def _rejected(start: int, end: int, *, year: bool = False) -> _Quantity:
    return _Quantity(start, end, Decimal(0), 1, False, None, None, False, False, False, "",
                     reject=True, year=year)  # fmt: skip


def _pair_value(raw: str) -> Decimal | None:
    """三四 / 五六百 / 三四十万: two ascending digits name a range by its low end."""
    if len(raw) < 2 or raw[0] not in _NONZERO or raw[1] not in _NONZERO:
        return None
    low, high = _NONZERO[raw[0]], _NONZERO[raw[1]]
    if not 1 <= high - low <= 2:
        return None
    rest = raw[2:]
    if rest == "":
        return Decimal(low)
    if any(c not in _MAG_VALUE for c in rest):
        return None
    mult = _cn_int("一" + rest)
    return None if mult is None else Decimal(low * mult)


def _read(text: str, start: int, core_end: int, cn: bool) -> _Quantity:
    n = len(text)
    raw = text[start:core_end]
    before = text[start - 1] if start > 0 else " "  # a sentinel no rule below matches
    if before == "第" or before in "几数":
        return _rejected(start, core_end)
    if cn:
        # 三百万千瓦: the trailing 千 starts the unit, not the numeral.
        for i in range(1, len(raw)):
            if raw[i] in "千百" and _UNIT_RE.match(text, start + i) is not None:
                raw, core_end = raw[:i], start + i
                break
        if before in _OPEN_QUOTES and any(c in _CLOSE_QUOTES for c in text[core_end : start + 9]):
            return _rejected(start, core_end)
        if len(raw) >= 2 and _DIGIT_CHARS.issuperset(raw):
            pair_num = _pair_value(raw)
            if pair_num is None:  # 二〇一八年 and other digit-by-digit codes
                return _rejected(start, core_end, year=True)
            num: Decimal | None = pair_num
            pair = True
        else:
            num, pair = _cn_value(raw), False
            if num is None:
                num, pair = _pair_value(raw), True
        if num is None:
            return _rejected(start, core_end)
    else:
        after = text[core_end] if core_end < n else ""
        if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
            return _rejected(start, core_end)  # 5G, G20, COVID-19
        if before in ".．:：" and start >= 2 and text[start - 2].isdigit():
            return _rejected(start, core_end)  # 1.2.3, 9:30
        if after in ":：" and core_end + 1 < n and text[core_end + 1].isdigit():
            return _rejected(start, core_end)
        num, pair = _ar_value(raw), False
        if num is None:
            return _rejected(start, core_end)

    p = core_end
    approx = False
    if p < n and text[p] in "多余几":
        approx, p = True, p + 1
    mag, big = 1, cn and ("万" in raw or "亿" in raw)
    unit_match = _UNIT_RE.match(text, p)
    if unit_match is None:
        mag_match = (_MAG_CN if cn else _MAG_AR).match(text, p)
        if mag_match is not None:
            for ch in mag_match[0]:
                mag *= _MAG_VALUE[ch]
            big = big or any(c in "万亿" for c in mag_match[0])
            p = mag_match.end()
            if not approx and p < n and text[p] in "多余":
                approx, p = True, p + 1
            unit_match = _UNIT_RE.match(text, p)
    unit: str | None = None
    kind: FigureKind | None = None
    if unit_match is not None:
        written = unit_match[0]
        unit, kind = _UNITS[written]
        p = unit_match.end()
        if written == "个多月":
            approx = True
        elif (
            not approx
            and (kind == "duration" or unit == "倍")
            and p < n
            and text[p] in "多余"
            and (p + 1 >= n or text[p + 1] not in _DURATION_TRAIL_BLOCK)
        ):
            approx, p = True, p + 1  # 3年多
    elif mag == 1 and not approx and p < n and text[p] in _DATE_MARKERS:
        return _rejected(start, p + 1)  # 3月, 18日, 5号, 9时
    elif mag == 1 and p < n and text[p] == "分" and before in "时点":
        return _rejected(start, p + 1)  # 9时30分

    if unit == "年":
        if p < n and text[p] in "代级":
            return _rejected(start, p)  # 80年代, 一年级
        digits = raw.translate(_FULLWIDTH)
        if (
            not cn
            and len(digits) == 4
            and digits.isdigit()
            and 1000 <= int(digits) <= 2199
            and mag == 1
            and not approx
            and not _prefix(text, start)[0]
        ):
            return _rejected(start, p, year=True)
    if cn and unit == "次" and text.startswith(("会议", "全会", "全体会议", "大会"), p):
        return _rejected(start, p)  # 二次会议 is an ordinal
    if pair and unit == "成":
        return _rejected(start, p)  # 三五成群
    if cn and kind != "amount" and raw[0] != "十" and _NONZERO.keys().isdisjoint(raw):
        return _rejected(start, p)  # 千家万户, 百花, 零部件
    return _Quantity(start, p, num, mag, big, unit, kind, approx, pair, cn, raw)


def _standalone_ok(q: _Quantity, text: str) -> bool:
    """Whether a quantity may be reported on its own, not as the low end of a range."""
    if not q.cn:
        return True
    if q.unit is None and not q.big:
        return False  # 一是, 两会, 十分
    if q.raw == "一":
        before = text[q.start - 1] if q.start > 0 else ""
        return q.unit in _YI_UNITS and before not in _YI_BLOCK_BEFORE
    return True


# Every qualifier ends (before) or starts (after) with one of these: one set lookup rules out
# the usual case, a figure with no qualifier, before trying each word.
_PREFIX_LAST: Final = frozenset(word[-1] for word, _ in _PREFIXES)
_SUFFIX_FIRST: Final = frozenset(word[0] for word, _ in _SUFFIXES)


def _prefix(text: str, start: int) -> tuple[bool, Bound | None]:
    if start == 0 or text[start - 1] not in _PREFIX_LAST:
        return False, None
    for word, bound in _PREFIXES:
        i = start - len(word)
        if i >= 0 and text.startswith(word, i):
            false_friends = _PREFIX_FALSE_FRIENDS.get(word)
            if false_friends and i > 0 and text[i - 1] in false_friends:
                return False, None
            return True, bound
    return False, None


def _suffix(text: str, end: int) -> tuple[bool, Bound | None]:
    if end >= len(text) or text[end] not in _SUFFIX_FIRST:
        return False, None
    for word, bound in _SUFFIXES:
        if text.startswith(word, end):
            return True, bound
    return False, None


class _MoneyContext:
    """Answers "does this sentence talk about money?" scanning each sentence at most once."""

    __slots__ = ("_cache", "_ends", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._ends: list[int] | None = None  # found when first asked: most texts never are
        self._cache: dict[int, bool] = {}

    def about_money(self, pos: int) -> bool:
        if self._ends is None:
            self._ends = [m.start() for m in _SENTENCE_END_RE.finditer(self._text)]
        k = bisect.bisect_left(self._ends, pos)
        if k not in self._cache:
            lo = self._ends[k - 1] + 1 if k > 0 else 0
            hi = self._ends[k] if k < len(self._ends) else len(self._text)
            self._cache[k] = _MONEY.search(self._text, lo, hi) is not None
        return self._cache[k]


def _build(
    text: str,
    low: _Quantity,
    high: _Quantity | None,
    money: _MoneyContext,
) -> FigureMatch:
    last = high if high is not None else low
    unit, kind = last.unit, last.kind
    mag = low.mag
    if high is not None and low.mag == 1 and low.unit is None and low.num <= high.num:
        mag = high.mag  # 3至5万元: the magnitude is written once for both ends
    value = low.num * mag
    if unit == "成":
        value /= 10
    inferred = False
    if (
        unit is None
        and (low.big or (high is not None and high.big))
        and money.about_money(low.start)
    ):
        unit, kind, inferred = "元", "amount", True
    has_prefix, prefix_bound = _prefix(text, low.start)
    has_suffix, suffix_bound = _suffix(text, last.end)
    inside = low.approx or last.approx
    bound: Bound | None
    if high is not None or low.pair:
        bound = "range"
    elif inside:
        bound = "lower"
    else:
        bound = prefix_bound if prefix_bound is not None else suffix_bound
    return FigureMatch(
        text=text[low.start : last.end],
        start=low.start,
        end=last.end,
        value=float(value),
        unit=unit,
        inferred_unit=inferred,
        approximate=inside or low.pair or has_prefix or has_suffix,
        bound=bound,
        kind=kind or "other",
    )


def _is_year_number(q: _Quantity) -> bool:
    return (
        not q.cn and q.mag == 1 and len(q.raw) == 4 and q.raw.isdigit()
        and 1000 <= int(q.raw) <= 2199
    )  # fmt: skip


def _number_figure(
    text: str, start: int, core_end: int, cn: bool, money: _MoneyContext
) -> tuple[FigureMatch | None, int]:
    low = _read(text, start, core_end, cn)
    if low.reject:
        return None, low.end
    n = len(text)
    if low.end < n and text[low.end] in _RANGE_SEP:
        m2 = _NUM.match(text, low.end + 1)
        if m2 is not None:
            high = _read(text, m2.start(), m2.end(), m2.group("cn") is not None)
            if high.reject:
                if low.unit is None or high.year:
                    return None, high.end  # 2018—2020年, 3至5日
            elif low.unit is None or low.unit == high.unit:
                if (
                    low.unit is None
                    and high.unit is None
                    and _is_year_number(low)
                    and _is_year_number(high)
                ):
                    return None, high.end
                if _standalone_ok(high, text):
                    return _build(text, low, high, money), high.end
    if not _standalone_ok(low, text):
        return None, low.end
    return _build(text, low, None, money), low.end


def _percent_words(
    text: str, start: int, core_end: int, per_mille: bool
) -> tuple[FigureMatch | None, int]:
    """百分之三十 / 千分之五: the number follows its denominator word."""
    m = _NUM.match(text, core_end)
    if m is None:
        return None, core_end
    num = _ar_value(m[0]) if m.group("ar") is not None else _cn_value(m[0])
    if num is None:
        return None, m.end()
    end = m.end()
    approx = end < len(text) and text[end] in "多几"
    if approx:
        end += 1
    has_prefix, prefix_bound = _prefix(text, start)
    has_suffix, suffix_bound = _suffix(text, end)
    bound = "lower" if approx else (prefix_bound if prefix_bound is not None else suffix_bound)
    return (
        FigureMatch(
            text=text[start:end],
            start=start,
            end=end,
            value=float(num),
            unit="‰" if per_mille else "%",
            inferred_unit=False,
            approximate=approx or has_prefix or has_suffix,
            bound=bound,
            kind="percent",
        ),
        end,
    )


# What may follow a Chinese numeral that is part of a figure, besides a unit: a qualifier
# written inside it, a magnitude (after a decimal, 五点七万), or the separator of a range.
_AFTER_NUMERAL: Final = frozenset("多余几万亿") | _RANGE_SEP
_CN_DIGITS: Final = "零〇一二两三四五六七八九十"
_CN_DECIMAL: Final = "(?:点[零〇一二三四五六七八九]+)?"
# A Chinese numeral without a magnitude, taken whole (an atomic group: 三点五 is never
# retried as 三 before the unit 点), and what must follow it for it to be read as a figure.
_CN_NO_MAGNITUDE: Final = f"(?>[{_CN_DIGITS}]+{_CN_DECIMAL})"
_CONTINUES: Final = f"[{re.escape(''.join(sorted(_AFTER_NUMERAL)))}]|{_UNIT_RE.pattern}"
# The next number worth reading, from a position on: a percent word (group ``pct``), an
# Arabic number (``ar``) or a Chinese numeral (``cn``) that holds a magnitude (百 千 万 亿)
# or is followed by a unit or one of _AFTER_NUMERAL. Any other Chinese numeral is surely a
# word (一是, 两会, 十四五): :func:`_standalone_ok` wants a unit or a magnitude, it cannot
# start a range, and reading it would move the scan on by at most one character that starts
# no number (三月: rejected through 月). Most numerals in prose are such words, and the match
# steps over them, whole, together with the text between numbers, instead of stopping for a
# Python step at each. Stepping over whole words keeps the numbers where a scan word by word
# would find them (三点五十个: 十个, not 五十个), and every character is stepped over once,
# so the cost is linear. Match it at the scan position; the number is its group's span.
_NEXT_NUMBER: Final = re.compile(
    rf"(?:[^0-9０-９{_CN_DIGITS}百千万亿]++|{_CN_NO_MAGNITUDE}(?!{_CONTINUES}))*?"
    rf"(?:(?P<pct>百分之|千分之)"
    rf"|(?P<ar>{_AR_NUMBER})"
    rf"|(?P<cn>[{_CN_DIGITS}]*[百千万亿][{_CN_DIGITS}百千万亿]*{_CN_DECIMAL}"
    rf"|{_CN_NO_MAGNITUDE}(?={_CONTINUES})))"
)


def find_figures(text: str) -> list[FigureMatch]:
    """All reportable figures in ``text``, in order and non-overlapping.

    Never raises: the input is scraped newspaper text and a parser that dies on one odd
    paragraph loses the whole report.
    """
    if not isinstance(text, str) or not text:
        return []
    money = _MoneyContext(text)
    found: list[FigureMatch] = []
    pos = 0
    while True:
        m = _NEXT_NUMBER.match(text, pos)
        if m is None:
            break
        kind = m.lastgroup  # "pct", "ar" or "cn": the alternative that matched
        assert kind is not None, "every match ends in one of the three groups"
        start, end = m.span(kind)
        if kind == "pct":
            fig, nxt = _percent_words(text, start, end, m.group(kind) == "千分之")
        else:
            fig, nxt = _number_figure(text, start, end, kind == "cn", money)
        if fig is not None:
            found.append(fig)
        pos = max(nxt, end)
    return found
