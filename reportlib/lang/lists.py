"""The grammar of numbered lists: the markers that number a list's items and the runs 1, 2, 3…
they form, for the structure parser (where does a livelihood list sit?) and the livelihood
table (what are its items?) alike.

Two shapes of marker:

- a paragraph that opens with one (:func:`item_marker`): "1. 教育方面。…", "(一)…", "一是…",
  "①…", or a Markdown table row numbered in its first cell ("|1|交通领域|…");
- markers inside running text (:data:`INLINE_MARKERS`, :func:`inline_runs`):
  "…确保年内完成:一是…;二是…", "…审议:1.建设…。2.加快…", "。(1)…(2)…", "①…;②…".

A list is a run numbered 1, 2, 3… in one style (:func:`run_from_one`); a list without numbers
follows its lead's colon (:data:`UNNUMBERED_LEAD`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chars import ORDINALS
from .numbers import parse_chinese_integer
from .patterns import ITEM_SHI, enumerator

#: A Markdown table row numbered in its first cell: "|1|交通领域|持续推进交通拥堵点改造|…"
TABLE_ROW_NUMBER = re.compile(r"^\|\s*(?P<num>\d{1,2})\s*\|")

#: Item markers inside a paragraph, by style: "…确保年内完成:一是…;二是…", "…审议:1.建设…。2.加快…",
#: "。(1)…(2)…", "①…;②…". An arabic number needs a sentence break before it and no digit after
#: its point, so "1.5亿元" is no item.
INLINE_MARKERS: dict[str, re.Pattern[str]] = {
    "shi": re.compile(rf"(?:^|(?<=[:;。!,]))\s*(?P<n>[{ORDINALS}]+)是"),
    "arabic": re.compile(r"(?:^|(?<=[:;。!]))\s*(?P<n>\d{1,2})[.、](?!\d)\s*"),
    "arabic_paren": re.compile(r"\((?P<n>\d{1,2})\)\s*"),
    "circled": re.compile(r"(?P<n>[\u2460-\u2473])\s*"),
}

#: The colon that opens an unnumbered list of projects: "…办好一批实事,主要是:", "10项为民办实事事项:".
UNNUMBERED_LEAD = re.compile(r"(?:实事|项目)[^。:;]{0,12}?(?:主要是|主要有|包括|如下)?:")
#: An unnumbered list after its lead, three or more items apart by semicolons: "…主要是:A;B;C。"
UNNUMBERED_LIST = re.compile(UNNUMBERED_LEAD.pattern + r"[^;。]+;[^;。]+;[^;。]+")

_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))


def marker_number(numeral: str) -> int | None:
    """The number a marker's numeral stands for: "3", "十二", "①"; None if it is none.

    >>> marker_number("十二"), marker_number("②"), marker_number("7"), marker_number("多")
    (12, 2, 7, None)
    """
    if len(numeral) == 1 and numeral in _CIRCLED:
        return ord(numeral) - 0x2460 + 1
    try:
        return parse_chinese_integer(numeral)
    except ValueError:
        return None


@dataclass(frozen=True)
class Marker:
    """The marker a paragraph opens with."""

    style: str  # table | part | cn | cn_paren | arabic | arabic_paren | circled | shi
    number: int
    text: str  # the marker as written, stripped: "1.", "(一)", "一是", "3" (a table row's cell)
    end: int  # where the item's own text starts


def item_marker(paragraph: str) -> Marker | None:
    """The list marker ``paragraph`` opens with, or None (also where its numeral is no number).

    >>> item_marker("(2)交通出行项目。")
    Marker(style='arabic_paren', number=2, text='(2)', end=3)
    >>> item_marker("三是新建幼儿园2所。").number, item_marker("|4|教育|…").style
    (3, 'table')
    """
    row = TABLE_ROW_NUMBER.match(paragraph)
    if row:
        return Marker("table", int(row["num"]), row["num"], row.end())
    e = enumerator(paragraph)
    if e:
        style, numeral, end = e
    else:
        m = ITEM_SHI.match(paragraph)
        if not m:
            return None
        style, numeral, end = "shi", m["num"], m.end()
    number = marker_number(numeral)
    return Marker(style, number, paragraph[:end].strip(), end) if number else None


def run_from_one(numbers: list[int | None]) -> int:
    """Length of the run 1, 2, 3… at the start of ``numbers``.

    >>> run_from_one([1, 2, 3, 5]), run_from_one([2, 3])
    (3, 0)
    """
    k = 0
    while k < len(numbers) and numbers[k] == k + 1:
        k += 1
    return k


def inline_runs(text: str) -> list[list[tuple[re.Match[str], int]]]:
    """Every run of two or more inline markers numbered 1, 2, 3… in ``text``, one style each,
    as ``(marker match, number)`` lists: by style (in :data:`INLINE_MARKERS` order), then by
    position.

    >>> [[m.group().strip() for m, _ in run] for run in inline_runs("确保完成:一是新增泊位;二是改造公厕。")]
    [['一是', '二是']]
    """
    runs = []
    for pattern in INLINE_MARKERS.values():
        marks = [(m, marker_number(m["n"])) for m in pattern.finditer(text)]
        numbers = [n for _, n in marks]
        for i, n in enumerate(numbers):
            if n == 1:
                run = run_from_one(numbers[i:])
                if run >= 2:
                    runs.append(marks[i : i + run])
    return runs


# --- the frame of a livelihood list: how many candidates, how many to adopt, who chooses

_COUNT = rf"(?P<n>\d+|[{ORDINALS}]+)"
#: The deputies choose the projects: "实施民生实事人大代表票决制", "提请本次大会票决确定10件".
VOTE = re.compile(r"票决|票选|代表投票|代表大会(?:审议)?表决")
#: The candidates put to the vote: "形成了以下12件候选项目", "形成2020年12个民生实事候选项目",
#: "候选项目12个".
CANDIDATES = (
    re.compile(rf"{_COUNT}(?:件|个|项)(?:民生实事|为民办实事)?(?:候选)项目"),
    re.compile(rf"候选项目(?:共)?{_COUNT}(?:件|个|项)"),
)
#: The projects to adopt or to deliver: "票决确定的10件民生实事项目", "集中力量办好十件民生实事项目",
#: "提请本次大会票决确定10件".
TO_ADOPT = (
    re.compile(rf"(?:(?:票决|票选)(?:确定|产生)?的?|办好|办|实施|推进){_COUNT}(?:件|个|项)(?:民生实事|为民办实事|实事)"),
    re.compile(rf"(?:票决|票选|表决)(?:确定|产生|选出)的?{_COUNT}(?:件|个|项)"),
)
#: A count of projects as a report states it: "十件为民办实事项目如期完成", "十项为民办实事工程较好完成".
STATED = (re.compile(rf"{_COUNT}(?:件|项|个)(?:为民办实事|民生实事|惠民实事)"),)
#: The count before a list's colon: "…10项为民办实事事项:".
COUNT_BEFORE_LEAD = (re.compile(rf"{_COUNT}(?:件|项|个)"),)


def count_in(patterns: tuple[re.Pattern[str], ...], text: str) -> tuple[int | None, re.Match | None]:
    """The count that the earliest match of any of ``patterns`` states, and that match
    (``(None, None)`` when none matches): ``count_in(TO_ADOPT, "提请本次大会票决确定10件")`` is 10."""
    found = [m for m in (p.search(text) for p in patterns) if m]
    if not found:
        return None, None
    m = min(found, key=lambda m: (m.start(), -m.end()))
    return marker_number(m["n"]), m


def states_list_frame(text: str) -> bool:
    """Whether ``text`` states the frame of a livelihood list (its candidates, the projects to
    adopt, a count of projects), which the ``livelihood_lists`` table holds, not a promise."""
    return any(p.search(text) for group in (CANDIDATES, TO_ADOPT, STATED) for p in group)
