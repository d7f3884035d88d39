"""Headings → sections; each paragraph and section labelled with its part of the report.

Parts:

``review``
    the past year (工作回顾, the results a report claims);
``plan``
    targets and work for the coming year (重点工作, 主要预期目标, 工作安排);
``livelihood``
    the list of livelihood projects (民生实事, 为民办实事) promised for the coming year;
``glossary``
    名词解释 / 注释 entries after the report;
``other``
    the header, salutations, the opening formula (我代表…向大会报告工作), notes (说明:…).

Headings follow the official hierarchy (GB/T 9704): ``一、`` > ``(一)`` > ``1.`` > ``(1)``,
plus markdown headings (``## …``) and short unnumbered lines (``2019年工作回顾``). A report's
heading levels are the ranks of the styles it uses, so ``(一)`` is level 1 in a report that has
no ``一、``. A numbered line that continues with body text (``(一)认真做好…各项工作。全面推进…``)
opens a section whose heading is its first sentence (a run-in heading).

The part of each paragraph comes from a small state machine: part headings (回顾, 重点工作, …)
switch it; a top-level heading without such a cue is decided by the first paragraph under it
(``2018年是…开局之年`` in a report planning 2018); the livelihood list and the glossary are
recognised where they start. Vocabulary: ``resources/part_cues.csv``.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass

from ..lang import lists, patterns, years
from ..paths import resource

PARTS: tuple[str, ...] = ("review", "plan", "livelihood", "glossary", "other")

#: Heading styles from the top of the hierarchy down; markdown and plain headings share a rank.
STYLE_RANK = {
    "markdown": 0, "plain": 0, "part": 1, "cn": 2, "cn_paren": 3, "arabic": 4, "arabic_paren": 5, "circled": 6,
}

_LEADING_YEAR = re.compile(r"^(?P<year>\d{4})年")
#: A heading that names a year's or a period's work: "2022年主要工作", "“十三五”时期工作", "一九八九年的回顾".
_YEAR_WORK = re.compile(r"(?:年|时期|期间|计划|规划)(?:的)?(?:主要|政府)?(?:工作|情况|发展|经济社会发展)")
_ANY_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})年")
_FIRST_SENTENCE = re.compile(r"[^。!?]{1,100}[。!?]")
#: "办好民生实事项目。今年政府民生实事项目采取人大代表票决制。" -> run-in lead "办好民生实事项目"
_RUN_IN_LEAD = re.compile(r"^(?P<lead>[^。!?,;:]{2,20})。")
_SENTENCE_END = re.compile(r"(?:[。!?]+|…{1,2}|\.{3,})[”’」』)]*")
#: A glossary entry "“井长制”:我区在全省率先…", "JCI:即国际医疗卫生机构认证…"
_GLOSSARY_ENTRY = re.compile(r"^(?P<term>[^,;。!?:]{1,40}?)\s*:\s*(?P<definition>\S.*)$")
_GLOSSARY_MARKER = re.compile(r"^(?:注释|名词解释|注)\s*")


@functools.cache
def part_cues() -> dict[tuple[str, str], re.Pattern[str]]:
    """``(part, where) -> regex`` from ``resources/part_cues.csv`` (alternatives joined)."""
    grouped: dict[tuple[str, str], list[str]] = {}
    with resource("part_cues.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            grouped.setdefault((row["part"], row["where"]), []).append(f"(?:{row['pattern']})")
    return {key: re.compile("|".join(alts)) for key, alts in grouped.items()}


def _cue(part: str, where: str, text: str) -> bool:
    pattern = part_cues().get((part, where))
    return bool(pattern and pattern.search(text))


def heading_cue(heading: str, review_year: int | None = None, plan_year: int | None = None) -> str | None:
    """The part a heading announces, or None.

    A heading that names years is decided by them against the plan year (``2022年主要工作``
    is the plan of a report that plans 2022, the review of one that plans 2023; ``“十三五”时期
    回顾`` looks back, ``“十四五”时期主要目标`` ahead); otherwise by its words (回顾, 过去一年 …
    against 重点工作, 目标任务 …; ``resources/part_cues.csv``).

    >>> heading_cue("一、2013年政府工作回顾"), heading_cue("2020年重点工作"), heading_cue("(一)坚持稳中求进")
    ('review', 'plan', None)
    >>> heading_cue("二、2022年主要工作", plan_year=2022), heading_cue("一、2014年主要工作", plan_year=2015)
    ('plan', 'review')
    """
    if _cue("glossary", "heading", heading):
        return "glossary"
    if plan_year is None and review_year is not None:
        plan_year = review_year + 1
    if _cue("livelihood", "heading", heading):
        # "2019年十件民生实事完成情况" in a report planning 2020 looks back
        past = years.relative_to(heading, plan_year) == "past" or "完成情况" in heading
        return "review" if past else "livelihood"
    review, plan = _cue("review", "heading", heading), _cue("plan", "heading", heading)
    when = years.relative_to(heading, plan_year)
    if when == "past" and (review or plan or _YEAR_WORK.search(heading)):
        return "review"
    if when == "plan" and (review or plan or _YEAR_WORK.search(heading)):
        return "plan" if not review or plan else None
    if review and not plan:
        return "review"
    if plan and not review:
        return "plan"
    return None


def opening_cue(
    text: str, *, date: str | None = None, review_year: int | None = None, plan_year: int | None = None,
    words: bool = True,
) -> str | None:
    """The part a paragraph opening a report or a top-level section belongs to, or None.

    A leading year decides against the known years or the report's date ("2012年是…的一年" in
    a report dated 2013-01-05 reviews 2012); otherwise, when ``words`` is true, cue words do
    (一年来, 预计全年 … against 总体要求, 新的一年 …).
    """
    if _cue("other", "opening", text):
        return "other"
    m = _LEADING_YEAR.match(text)
    if m:
        year = int(m["year"])
        if year == review_year:
            return "review"
        if year == plan_year:
            return "plan"
        if date:
            date_year, month = int(date[:4]), int(date[5:7])
            if year < date_year:
                return "review"
            if year > date_year:
                return "plan"
            return "review" if month >= 10 else "plan"
    if not words:
        return None
    review = len(part_cues()[("review", "opening")].findall(text))
    plan = len(part_cues()[("plan", "opening")].findall(text))
    if review > plan:
        return "review"
    if plan > review:
        return "plan"
    return None


@dataclass(frozen=True)
class Heading:
    """A heading found at the start of a paragraph."""

    style: str  # markdown | plain | part | cn | cn_paren | arabic | arabic_paren | circled
    number: str | None  # the enumerator as written ("一", "3"), None when unnumbered
    text: str  # the heading without its enumerator
    standalone: bool  # the paragraph is only the heading (False: a run-in heading)


def detect_heading(text: str, markdown_level: int = 0) -> Heading | None:
    """The heading a paragraph is or starts with, if any.

    >>> detect_heading("(一)坚持稳中求进,综合实力进一步增强")
    Heading(style='cn_paren', number='一', text='坚持稳中求进,综合实力进一步增强', standalone=True)
    >>> detect_heading("1. 完成旧住宅小区改造面积14.69万平方米;实行10个老旧小区“小区管家”服务。") is None
    True
    """
    if text.startswith("|"):
        return None  # a Markdown table row
    e = patterns.enumerator(text)
    if e:
        style, number, end = e
        rest = text[end:].strip()
        if not rest:
            return None
        if markdown_level or patterns.is_heading_shaped(text):
            if style in ("arabic", "arabic_paren", "circled") and (len(text) > 40 or patterns.ends_sentence(text)):
                return None
            return Heading(style, number, rest, True)
        if style in ("arabic", "arabic_paren", "circled"):
            return None  # a list item, not a section
        m = _FIRST_SENTENCE.match(rest)
        return Heading(style, number, (m.group()[:-1] if m else rest[:60]).strip(), False)
    if markdown_level:
        return Heading("markdown", None, text, True)
    if patterns.is_bare_title(text) and not patterns.SALUTATION_LINE.match(text):
        return Heading("plain", None, text, True)
    return None


def _item_run(texts: list[str], start: int) -> int:
    """End (exclusive) of the numbered items from ``start``: a run 1, 2, 3… in one style, with
    unnumbered paragraphs allowed between two items. ``start`` itself when no run starts there."""
    first = lists.item_marker(texts[start]) if start < len(texts) else None
    if not first or first.number != 1:
        return start
    style, expected, end, j = first.style, 2, start + 1, start + 1
    while j < len(texts):
        item = lists.item_marker(texts[j])
        if item and (item.style, item.number) == (style, expected):
            expected, end = expected + 1, j + 1
        elif item is not None:
            break
        j += 1
    return end


@dataclass(frozen=True)
class Section:
    """A section of a report: a heading and what follows it until the next heading of the same
    or a higher level. Section 0 is the root (header and front matter)."""

    no: int
    parent: int | None
    level: int
    style: str  # a heading style, "root", or "synthetic" (a livelihood list or glossary found without a heading)
    number: str | None
    heading: str | None
    part: str
    first_paragraph: int
    last_paragraph: int  # inclusive, descendants included


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str
    first_paragraph: int
    last_paragraph: int
    start: int  # offsets in the report's clean text
    end: int


@dataclass(frozen=True)
class ReportStructure:
    """The structure of one report: per-paragraph kind/section/part, sections, glossary."""

    kinds: tuple[str, ...]  # header | heading | body
    section_of: tuple[int, ...]  # deepest section holding each paragraph
    parts: tuple[str, ...]
    sections: tuple[Section, ...]
    glossary: tuple[GlossaryEntry, ...]


def _livelihood_blocks(texts: list[str], parts: list[str], headings: list[Heading | None], start: int):
    """``(first, end, lead)`` of each livelihood list found in running text (end exclusive)."""
    blocks = []
    i = start
    n = len(texts)
    while i < n:
        t = texts[i]
        if parts[i] in ("plan", "other") and not (headings[i] and headings[i].standalone) and _cue("livelihood", "list", t):
            first = min((run[0][0].start() for run in lists.inline_runs(t)), default=None)
            cues = list(part_cues()[("livelihood", "list")].finditer(t))
            cue = cues[-1] if cues else None
            # the list follows its cue closely: "今年,集中力量办好10件实事:一是…", "认真办好民生重点实事。一是…"
            before = [c for c in cues if first is not None and c.start() < first]
            inline = bool(before and first <= before[-1].end() + 40)
            run_end = _item_run(texts, i + 1)
            # a list of paragraphs is announced at the end of the paragraph before it
            announced = cue is not None and (t.rstrip().endswith(":") or cue.end() >= len(t.rstrip()) - 60)
            unnumbered = bool(lists.UNNUMBERED_LIST.search(t))
            if inline or (run_end > i + 2 and announced) or unnumbered:
                j = run_end if run_end > i + 2 else i + 1
                if j < n and j > i + 1 and not headings[j] and (_cue("livelihood", "list", texts[j]) or "票决" in texts[j]):
                    j += 1  # the closing sentence ("对区人大代表票决确定的10件民生实事项目,…")
                m = _RUN_IN_LEAD.match(t)
                lead = m["lead"] if m and _cue("livelihood", "list", m["lead"]) else None
                blocks.append((i, j, lead))
                i = j
                continue
        i += 1
    return blocks


def analyse(
    texts: list[str],
    markdown_levels: list[int],
    spans: list[tuple[int, int]],
    header_count: int,
    *,
    date: str | None = None,
    review_year: int | None = None,
    plan_year: int | None = None,
) -> ReportStructure:
    """Sections, parts and glossary of one report.

    ``texts``/``markdown_levels``/``spans`` describe the report's clean paragraphs (spans in the
    report's clean text); the first ``header_count`` paragraphs are its header block.
    """
    n = len(texts)
    headings: list[Heading | None] = [None] * n
    for i in range(header_count, n):
        headings[i] = detect_heading(texts[i], markdown_levels[i])

    # Glossary: from a glossary heading, or a paragraph starting with a marker ("注释 …:…").
    glossary_start = n
    for i in range(header_count, n):
        h = headings[i]
        if (h and h.standalone and heading_cue(h.text) == "glossary") or (
            not h and _GLOSSARY_MARKER.match(texts[i]) and _GLOSSARY_ENTRY.match(_GLOSSARY_MARKER.sub("", texts[i], 1))
            and _cue("glossary", "heading", texts[i])
        ):
            glossary_start = i
            break

    ranks = sorted({STYLE_RANK[h.style] for h in headings[header_count:glossary_start] if h})
    level_of_rank = {rank: k + 1 for k, rank in enumerate(ranks)}

    def level(h: Heading) -> int:
        return level_of_rank.get(STYLE_RANK[h.style], 1)

    # Parts.
    parts = ["other"] * n
    state = "other"
    pending: int | None = None  # a top-level heading whose part its first paragraph decides
    livelihood_level: int | None = None
    for i in range(header_count, n):
        t, h = texts[i], headings[i]
        if i >= glossary_start:
            parts[i] = "glossary"
            continue
        if h:
            lv = level(h)
            if livelihood_level is not None and lv <= livelihood_level:
                livelihood_level = None
            cue = heading_cue(h.text, review_year, plan_year)
            if cue in ("review", "plan"):
                state, pending = cue, None
            elif cue == "livelihood":
                livelihood_level = lv
            elif lv == 1:
                pending = i
            if h.standalone:
                parts[i] = "livelihood" if livelihood_level is not None else state
                continue
        if _cue("other", "note", t):
            parts[i] = "other"
            continue
        if state == "other" or pending is not None:
            cue = opening_cue(t, date=date, review_year=review_year, plan_year=plan_year, words=state == "other")
            if cue in ("review", "plan"):
                state = cue
                if pending is not None:
                    for k in range(pending, i):
                        if parts[k] != "livelihood":
                            parts[k] = state
            pending = None
        parts[i] = "livelihood" if livelihood_level is not None else state

    blocks = _livelihood_blocks(texts, parts, headings, header_count)
    block_at = {first: (end, lead) for first, end, lead in blocks}
    for first, end, _ in blocks:
        for k in range(first, end):
            parts[k] = "livelihood"
            if k > first:
                headings[k] = None  # numbered items of the list are not sections

    # Sections.
    sections: list[dict] = [dict(no=0, parent=None, level=0, style="root", number=None, heading=None, first=0)]
    stack = [0]
    section_of = [0] * n
    kinds = ["header" if i < header_count else "body" for i in range(n)]
    block_end: int | None = None
    for i in range(header_count, n):
        h = headings[i]
        if block_end is not None and i >= block_end:
            if sections[stack[-1]]["style"] == "synthetic":
                stack.pop()
            block_end = None
        if i == glossary_start and not (h and h.standalone):
            stack = [0]
            sections.append(dict(no=len(sections), parent=0, level=1, style="synthetic", number=None,
                                 heading=_GLOSSARY_MARKER.match(texts[i]).group().strip() or None, first=i))
            stack.append(len(sections) - 1)
        elif h:
            lv = 1 if i >= glossary_start else level(h)
            while len(stack) > 1 and sections[stack[-1]]["level"] >= lv:
                stack.pop()
            sections.append(dict(no=len(sections), parent=stack[-1], level=lv, style=h.style, number=h.number,
                                 heading=h.text, first=i))
            stack.append(len(sections) - 1)
            if h.standalone:
                kinds[i] = "heading"
        if i in block_at:
            end, lead = block_at[i]
            parent = stack[-1]
            sections.append(dict(no=len(sections), parent=parent, level=sections[parent]["level"] + 1,
                                 style="synthetic", number=None, heading=lead, first=i))
            stack.append(len(sections) - 1)
            block_end = end
        section_of[i] = stack[-1]

    last = {s["no"]: s["first"] for s in sections}
    for i in range(n):
        s = section_of[i]
        while s is not None:
            last[s] = max(last[s], i)
            s = sections[s]["parent"]
    chars: dict[int, Counter] = {s["no"]: Counter() for s in sections}
    for i in range(header_count, n):
        if kinds[i] == "body":
            chars[section_of[i]][parts[i]] += len(texts[i])
    out_sections = []
    for s in sections:
        c = chars[s["no"]]
        if c:
            part = max(PARTS, key=lambda p: (c[p], -PARTS.index(p)))
        else:
            part = parts[s["first"]] if s["no"] else "other"
        out_sections.append(Section(s["no"], s["parent"], s["level"], s["style"], s["number"], s["heading"], part,
                                    s["first"], last[s["no"]]))

    glossary = _glossary_entries(texts, spans, kinds, glossary_start)
    return ReportStructure(tuple(kinds), tuple(section_of), tuple(parts), tuple(out_sections), glossary)


def _glossary_entries(texts, spans, kinds, start) -> tuple[GlossaryEntry, ...]:
    entries: list[list] = []
    for i in range(start, len(texts)):
        if kinds[i] == "heading":
            continue
        t = texts[i]
        offset = 0
        if i == start:
            m = _GLOSSARY_MARKER.match(t)
            offset = m.end() if m else 0
        m = _GLOSSARY_ENTRY.match(t[offset:])
        if m:
            entries.append([m["term"].strip(), m["definition"].strip(), i, i, spans[i][0] + offset, spans[i][1]])
        elif entries:  # a continuation the page-break join could not mend
            e = entries[-1]
            e[1] += t
            e[3], e[5] = i, spans[i][1]
    return tuple(GlossaryEntry(*e) for e in entries)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of a paragraph: up to 。!? or …, closing quotes
    included; semicolons do not end a sentence.

    >>> t = "各位代表!过去一年成绩来之不易。“零进京”。"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['各位代表!', '过去一年成绩来之不易。', '“零进京”。']
    """
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > start:
            spans.append((start, m.end()))
            start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def strip_quotes(term: str) -> str:
    """A glossary term without its quotation marks: “井长制” -> 井长制."""
    return re.sub(r"[“”\"‘’'《》]", "", term).strip()
