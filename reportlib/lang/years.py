"""The years a text names, and whether they lie before or within a report's plan year.

Reports name years in Arabic digits (``2019年``), in Chinese numerals (``一九八九年``,
``二〇〇五年``) and by five-year plan (``“十三五”时期``, ``“九五”计划``, ``第十个五年计划``). A heading
such as ``2022年主要工作`` announces the plan in a report that plans 2022 and the review in one
that plans 2023: what decides is the year against the report's plan year, not the words.

>>> years_in("一、2019年工作回顾和2020年工作安排"), years_in("一、一九八九年工作的回顾")
([2019, 2020], [1989])
>>> five_year_plans_in("“十三五”时期和2020年工作回顾"), five_year_plan_span(14)
([13], (2021, 2025))
>>> relative_to("“十四五”时期主要目标任务", 2021), relative_to("2014年主要工作", 2015)
('plan', 'past')
"""

from __future__ import annotations

import re

from .numbers import parse_chinese_integer
from .chars import DIGITS, ORDINALS, ZERO_LOOKALIKES, ZEROS

_ARABIC_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19[4-9]|20[0-9])\d)年")
_CHINESE_YEAR = re.compile(rf"(?P<year>[一二][九{ZEROS}0{ZERO_LOOKALIKES}][{ZEROS}0{ZERO_LOOKALIKES}{DIGITS}]{{2}})年")
#: "十三五", "“九五”", "十二五" (the ordinal of a five-year plan, 十四五 = the 14th plan).
_FYP_SHORT = re.compile(r"(?<![" + ORDINALS + "第])(?P<n>十[" + DIGITS + "]?|[六七八九])五(?=”|’|\"|时期|期间|规划|计划|末|以来|开局|发展|目标|$)")
#: "第十个五年计划", "第十一个五年规划", "第一个五年计划"
_FYP_LONG = re.compile(rf"第(?P<n>[{ORDINALS}]{{1,3}})个五年(?:计划|规划)")


def years_in(text: str) -> list[int]:
    """The calendar years a text names (``2019年``, ``一九八九年``), in order."""
    found = [(m.start(), int(m["year"])) for m in _ARABIC_YEAR.finditer(text)]
    for m in _CHINESE_YEAR.finditer(text):
        try:
            found.append((m.start(), parse_chinese_integer(m["year"])))
        except ValueError:
            continue
    return [y for _, y in sorted(found) if 1940 <= y <= 2100]


def five_year_plans_in(text: str) -> list[int]:
    """The five-year plans a text names, as ordinals (``十三五`` -> 13)."""
    found = []
    for pattern in (_FYP_SHORT, _FYP_LONG):
        for m in pattern.finditer(text):
            try:
                found.append((m.start(), parse_chinese_integer(m["n"])))
            except ValueError:
                continue
    return [n for _, n in sorted(found)]


def five_year_plan_span(n: int) -> tuple[int, int]:
    """The years of the n-th five-year plan: the 1st 1953–1957, the 2nd 1958–1962, the 3rd
    1966–1970 (after three years of readjustment), then every five years (14th: 2021–2025)."""
    if n == 1:
        return 1953, 1957
    if n == 2:
        return 1958, 1962
    start = 1966 + 5 * (n - 3)
    return start, start + 4


def relative_to(text: str, plan_year: int | None) -> str | None:
    """Whether the years a text names lie before the plan year (``past``), in or after it
    (``plan``), both (``mixed``), or None when it names none or the plan year is unknown."""
    if plan_year is None:
        return None
    spans = [(y, y) for y in years_in(text)] + [five_year_plan_span(n) for n in five_year_plans_in(text)]
    if not spans:
        return None
    kinds = {"past" if end < plan_year else "plan" for _, end in spans}
    return kinds.pop() if len(kinds) == 1 else "mixed"
