"""Chinese and Arabic numbers, units and percentages.

This module knows numerals, nothing about reports. It parses the integers that number
headings (``十二、``), the years and days of dates (``二〇一四年一月二十日``), numbers with
multipliers (``3万`` = 30000, ``1.5亿``), grouped digits (``1,500``), counts written in Chinese
(``一千二百``, ``两万``), and quantities with their units (``420亿元``, ``8%``, ``1个百分点``,
``3万个`` = 30000 个, ``6%—6.5%``). Units come from ``resources/units.csv``.

>>> parse_chinese_integer("十二")
12
>>> parse_chinese_integer("二〇一四")
2014
>>> parse_date("2013年1月5日")
'2013-01-05'
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import re
from dataclasses import dataclass

from ..paths import resource
from .chars import DIGITS, LIANG, NUMBER_CHARS, NUMERALS, ZEROS

_DIGITS = {
    "〇": 0, "○": 0, "零": 0, "0": 0, "Ο": 0, "О": 0, "O": 0,  # Greek, Cyrillic and Latin O typed for 〇
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}

#: Characters that may appear in a Chinese-numeral integer.
CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS) + "".join(_BIG_UNITS)


def parse_chinese_integer(text: str) -> int:
    """Parse an integer written in Arabic digits or Chinese numerals, strictly.

    Positional numerals up to 10¹⁶ (``一千二百`` = 1200, ``十二`` = 12, ``两万`` = 20000,
    ``一百零五`` = 105, ``一万亿`` = 10¹², ``三千零五十`` = 3050), with 两 for 二, 〇 for 零 and
    the financial forms (壹贰…拾佰仟), and digit-by-digit years (``二〇一四`` = 2014).

    A round hundred or thousand may drop its 一, as in 突破千亿元 (``千亿`` = 10¹¹, ``百万``),
    with nothing after it.
    Raises ``ValueError`` for anything else, malformed numerals included (``万万``, ``十十``,
    ``一百五`` colloquial for 150, ``一千零二百``, ``一亿亿``): a numeral the grammar does not
    read is refused, never guessed.
    """
    s = text.strip()
    if not s:
        raise ValueError("empty numeral")
    if s.isascii() and s.isdigit():
        return int(s)
    if all(ch in _DIGITS for ch in s):
        # 二〇一四: one numeral per digit (and a single digit).
        return int("".join(str(_DIGITS[ch]) for ch in s))
    if any(ch not in _DIGITS and ch not in _UNITS and ch not in _BIG_UNITS for ch in s):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    round_number = _ROUND.fullmatch(s)
    if round_number:  # 千亿 (突破千亿元), 百万, 千: a hundred or a thousand of the unit, nothing after
        return _UNITS[round_number[1]] * {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}[round_number[2]]
    try:
        return _below(s, 2)
    except ValueError:
        raise ValueError(f"not a well-formed Chinese numeral: {text!r}") from None


_BIG = ("万", "亿")
#: A round number without its 一: 千亿, 百万, 百亿, 千 (and the financial 佰, 仟).
_ROUND = re.compile("([百千佰仟])(|万|亿|万亿)")


def _is_zero(ch: str) -> bool:
    return ch in _DIGITS and _DIGITS[ch] == 0


def _below(s: str, level: int) -> int:
    """A numeral below 10⁴ (level 0), 10⁸ (1: one 万 at most) or 10¹⁶ (2: one 亿 at most, with
    万 on either side: 一万亿 = 10¹²)."""
    if level == 0:
        return _section(s)
    big = _BIG[level - 1]
    scale = _BIG_UNITS[big]
    if big not in s:
        return _below(s, level - 1)
    if s.count(big) > 1:
        raise ValueError(s)
    head, _, tail = s.partition(big)
    if not head:
        raise ValueError(s)  # 万, 亿 alone
    high = _below(head, level if level == 2 else level - 1)
    if level == 2 and high >= _BIG_UNITS["亿"]:
        raise ValueError(s)
    if not tail:
        return high * scale
    zero = _is_zero(tail[0])
    if zero:
        tail = tail[1:]
    low = _below(tail, level - 1)
    # the part after 万/亿 fills its places: 一万二千 (no gap, no 零), 一万零五 (a gap, one 零);
    # a gap without 零 (十亿九万, 一万五: colloquial for 15000, not 10005) is refused
    if low >= scale or (zero and low >= scale // 10) or (not zero and low < scale // 10):
        raise ValueError(s)
    return high * scale + low


def _section(s: str) -> int:
    """Below 10⁴: digit-unit pairs with falling units, 零 marking skipped places, a bare 十 first."""
    if not s:
        raise ValueError(s)
    if s[0] in _UNITS and _UNITS[s[0]] == 10:
        s = "一" + s  # 十二 = 一十二
    value, last, zero, i = 0, 10_000, False, 0
    while i < len(s):
        ch = s[i]
        if _is_zero(ch):
            if zero or value == 0:
                raise ValueError(s)
            zero, i = True, i + 1
            continue
        if zero and _UNITS.get(ch) == 10:
            digit, unit, step = 1, 10, 1  # 一千零十 = 一千零一十
        elif ch not in _DIGITS:
            raise ValueError(s)  # a unit without its digit (十十, 百)
        else:
            digit = _DIGITS[ch]
            unit = _UNITS.get(s[i + 1]) if i + 1 < len(s) else 1
            if unit is None:
                raise ValueError(s)
            step = 2 if unit != 1 else 1
        expected = last // 10
        if (zero and unit >= expected) or (not zero and value and unit != expected) or unit >= last:
            raise ValueError(s)  # 一百五 (colloquial 150), 一千零二百, 十十
        value += digit * unit
        last, zero = unit, False
        i += step
    if zero:
        raise ValueError(s)  # 一百零
    return value


_CN = NUMERALS
#: A date as reports write it: 2014年1月20日, 2013 年 1 月 21 日 (spaces already removed by
#: the cleaner), or 二〇一四年一月二十日.
DATE_PATTERN = rf"(?:\d{{4}}年\d{{1,2}}月\d{{1,2}}日|[{_CN}]{{4}}年[{_CN}]{{1,3}}月[{_CN}]{{1,3}}日)"
_DATE_PARTS = re.compile(rf"(?P<y>\d{{4}}|[{_CN}]{{4}})年(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})月(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})日")


def parse_date(text: str) -> str | None:
    """The first valid date in ``text`` as an ISO string, or None.

    >>> parse_date("(二〇一九年一月十五日)")
    '2019-01-15'
    """
    for m in _DATE_PARTS.finditer(text):
        try:
            day = _dt.date(
                parse_chinese_integer(m["y"]), parse_chinese_integer(m["m"]), parse_chinese_integer(m["d"])
            )
        except ValueError:
            continue
        return day.isoformat()
    return None


#: An Arabic number: 420, 7.5, 27321, 1,500 (grouping commas only before exactly three digits).
ARABIC_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: A Chinese numeral as used in counts: 一千二百, 一万二千; a trailing 万 or 亿 (两万人) is matched
#: as a multiplier, so that 万人 can stay a unit.
CHINESE_NUMBER = rf"[{NUMBER_CHARS}]+(?:[万亿][{NUMBER_CHARS}]+)*"
MULTIPLIERS = {"千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "亿": 10**8}
_MULTIPLIER = "千万|百万|十万|万|亿"


def parse_number(text: str) -> float:
    """The value of a number as written: ``420``, ``7.5``, ``1,500``, ``3万``, ``1.5亿``,
    ``一千二百``, ``两万``. Raises ``ValueError`` for anything else.

    >>> parse_number("3万"), parse_number("1,500"), parse_number("一千二百")
    (30000.0, 1500.0, 1200.0)
    """
    s = text.strip().replace(",", "")
    m = re.fullmatch(rf"(?P<n>\d+(?:\.\d+)?)(?P<m>{_MULTIPLIER})?", s)
    if m:
        return float(m["n"]) * MULTIPLIERS.get(m["m"] or "", 1)
    return float(parse_chinese_integer(s))


@functools.cache
def _unit_rows() -> dict[str, dict[str, str]]:
    with resource("units.csv").open(encoding="utf-8", newline="") as f:
        return {row["unit"]: row for row in csv.DictReader(f)}


@functools.cache
def units() -> dict[str, str]:
    """``unit -> kind`` from ``resources/units.csv`` (亿元: currency, 个百分点: percentage_points…)."""
    return {unit: row["kind"] for unit, row in _unit_rows().items()}


def unit_label(unit: str, lang: str = "zh") -> str:
    """A unit as a figure shows it: 人 in Chinese, "people" in English."""
    row = _unit_rows().get(unit)
    return unit if lang == "zh" or row is None else row["label_en"]


@functools.cache
def _quantity_pattern() -> re.Pattern[str]:
    unit = "|".join(re.escape(u) for u in sorted(units(), key=len, reverse=True))
    number = rf"(?:{ARABIC_NUMBER})"
    return re.compile(
        rf"(?<![A-Za-z\d.])(?:(?P<n1>{number})|(?P<c1>{CHINESE_NUMBER}))(?P<m1>{_MULTIPLIER})?(?P<u1>{unit})?"
        rf"(?:(?P<dash>[—–\-~～]|至|到)(?P<n2>{number})(?P<m2>{_MULTIPLIER})?(?P<u2>{unit})?)?"
        r"(?![A-Za-z])"
    )


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as written in a text, e.g. 420亿元, 8%, 3万个, 6%—6.5%."""

    value: float
    unit: str | None
    start: int
    end: int
    text: str
    value_high: float | None = None  # the upper end of a range
    chinese: bool = False  # written in Chinese numerals


def _value_unit(number: str, multiplier: str | None, unit: str | None) -> tuple[float, str | None]:
    """Combine a number, an optional 万/亿 and a unit: 420 亿 元 -> (420, 亿元); 3 万 个 -> (30000, 个)."""
    value = parse_number(number)
    if multiplier and unit and multiplier + unit in units():
        return value, multiplier + unit
    if multiplier:
        value *= MULTIPLIERS[multiplier]
    return value, unit


_CN_DIGITS = ZEROS + DIGITS + LIANG
#: A percentage in words: 百分之五, 百分之十三点四, 千分之八点五 (and 百分之五到百分之六).
_CHINESE_PERCENT = re.compile(
    rf"(?P<kind>百分之|千分之)(?P<int>[{_CN_DIGITS}十百]+)(?:点(?P<dec>[{_CN_DIGITS}]+))?"
    rf"(?:(?:到|至|—|-)(?:百分之|千分之)(?P<int2>[{_CN_DIGITS}十百]+)(?:点(?P<dec2>[{_CN_DIGITS}]+))?)?"
)


def _chinese_decimal(integer: str, decimals: str | None) -> float:
    value = float(parse_chinese_integer(integer))
    if decimals:
        value += float("0." + "".join(str(_DIGITS[ch]) for ch in decimals))
    return value


def _chinese_percentages(text: str) -> list[Quantity]:
    out = []
    for m in _CHINESE_PERCENT.finditer(text):
        try:
            value = _chinese_decimal(m["int"], m["dec"])
            high = _chinese_decimal(m["int2"], m["dec2"]) if m["int2"] else None
        except ValueError:
            continue
        unit = "%" if m["kind"] == "百分之" else "‰"
        out.append(Quantity(value, unit, m.start(), m.end(), m.group(), high, True))
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in a cleaned ``text`` (full-width digits already folded), left to right.

    Arabic numbers are taken with or without a unit (a year such as 2018 comes without one);
    Chinese numerals only with a unit (十件, 两万人), so words such as 十大产业 or 一流 are not
    numbers.

    >>> [(q.value, q.unit) for q in find_quantities("新增城镇就业岗位3万个;能耗下降4%")]
    [(30000.0, '个'), (4.0, '%')]
    >>> q = find_quantities("增长6%—6.5%")[0]; (q.value, q.value_high, q.unit)
    (6.0, 6.5, '%')
    >>> [(q.value, q.unit) for q in find_quantities("增长百分之十三点四,控制在千分之八")]
    [(13.4, '%'), (8.0, '‰')]
    """
    out: list[Quantity] = _chinese_percentages(text) if ("百分之" in text or "千分之" in text) else []
    taken = [(q.start, q.end) for q in out]
    for m in _quantity_pattern().finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue  # inside 百分之十三
        chinese = m["c1"] is not None
        if chinese and not (m["u1"] or (m["m1"] and m["dash"] is None)):
            continue  # a Chinese numeral without a unit is a word, not a count
        if chinese and text[max(0, m.start() - 1):m.start()] == "每":
            continue  # 每千人拥有…床位5.5张: the denominator of a rate, not a count
        try:
            value, unit = _value_unit(m["n1"] or m["c1"], m["m1"], m["u1"])
        except ValueError:
            continue
        high = None
        end = m.end()
        if m["n2"] is not None and (m["u1"] is None or m["u2"] is None or m["u1"] == m["u2"]):
            try:
                high, unit2 = _value_unit(m["n2"], m["m2"], m["u2"])
                unit = unit or unit2  # 6-6.5%, 6-8万人: the unit is written once, after the range
            except ValueError:  # no number after the dash: the quantity ends before it
                high, end = None, m.start("dash")
        elif m["dash"]:
            end = m.start("dash")
        out.append(Quantity(value, unit, m.start(), end, text[m.start():end], high, chinese))
    return sorted(out, key=lambda q: q.start)
