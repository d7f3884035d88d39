"""Chinese and Arabic numbers.

This module knows numerals, nothing about reports. It parses the integers that number
headings (``十二、``), the years and days of dates (``二〇一四年一月二十日``), and counts
written out in Chinese (``一千二百``, ``两万``).

>>> parse_chinese_integer("十二")
12
>>> parse_chinese_integer("二〇一四")
2014
>>> parse_date("2013年1月5日")
'2013-01-05'
"""

from __future__ import annotations

import datetime as _dt
import re

_DIGITS = {
    "〇": 0, "○": 0, "零": 0, "0": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}

#: Characters that may appear in a Chinese-numeral integer.
CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS) + "".join(_BIG_UNITS)


def parse_chinese_integer(text: str) -> int:
    """Parse an integer written in Arabic digits or Chinese numerals.

    Handles positional numerals (``一千二百`` = 1200, ``十二`` = 12, ``两万`` = 20000,
    ``一百零五`` = 105) and digit-by-digit years (``二〇一四`` = 2014).

    Raises ``ValueError`` for anything else.
    """
    s = text.strip()
    if not s:
        raise ValueError("empty numeral")
    if s.isascii() and s.isdigit():
        return int(s)
    if all(ch in _DIGITS for ch in s):
        # 二〇一四: one numeral per digit.
        return int("".join(str(_DIGITS[ch]) for ch in s))
    total = section = number = 0
    for ch in s:
        if ch in _DIGITS:
            number = _DIGITS[ch]
        elif ch in _UNITS:
            section += (number or 1) * _UNITS[ch]
            number = 0
        elif ch in _BIG_UNITS:
            section += number
            total += (section or 1) * _BIG_UNITS[ch]
            section = number = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + section + number


_CN = "〇○零一二两三四五六七八九十"
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
