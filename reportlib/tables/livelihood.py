"""Livelihood projects (民生实事): the items each report promises, their domains and quantities.

The structure parser marks a report's livelihood list as part ``livelihood`` (see
:mod:`reportlib.parse.structure`). Its items are found in any of the styles reports use:

* ``一是…;二是…;…十是…`` inside one paragraph;
* ``1.建设…。2.加快…`` run together in one paragraph, or ``(1)…(2)…`` names only;
* ``1. …`` ⏎ ``2. …`` one per line, ``一、…`` / ``1. 教育方面。…`` paragraphs (also in an appendix).

Among the numbered markers present, the style whose numbers run longest from 1 wins, so a stray
"四是" inside item (4) does not start a list of its own. The list's *frame* (how many candidates,
how many to adopt, chosen by the deputies' vote or not) and review statements such as
"十件为民办实事项目如期完成" go to ``livelihood_lists``. The markers and runs are the list grammar of
:mod:`reportlib.lang.lists`; domains come from :mod:`reportlib.lang.domains`; comparisons
across reports are in :mod:`reportlib.analysis.livelihood`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ..lang import lists
from ..lang.domains import classify, domains
from ..lang.promises import promises_in
from ..parse.metadata import REPORT_TYPES
from ..parse.structure import split_sentences
from .frame import frame

if TYPE_CHECKING:
    from ..parse.report import Report

#: A sentence about the list as a whole, after its last item: "对区人大代表票选确定的十件民生实事,区政府将…"
_CLOSING = re.compile(r"票决|票选|(?:区|县|市)政府将|我们将|确保.{0,12}(?:办好|办实|完成)|实事办好")
_TITLE_END = re.compile(r"[。;:\n]")
#: The words that name the list in its introduction: "…作为2014年政府为民办实事的重点,确保年内完成:"
_LIST_CUE = re.compile(r"民生实事|为民办实事|惠民实事|实事项目|实事")


@dataclass(frozen=True)
class Item:
    """One livelihood project as the report lists it (offsets in the report's clean text)."""

    item_no: int
    marker: str
    title: str | None
    start: int
    end: int


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in ";,、 ":
        end -= 1
    while start < end and text[start] == " ":
        start += 1
    return start, end


def _title(text: str) -> str | None:
    """The short name an item opens with: 建设“美好家园”, 生活小区雨污分流改造项目, 教育方面."""
    m = _TITLE_END.search(text)
    first = text[: m.start()] if m else text
    if len(first) <= 20 and not re.search(r"\d", first) and "," not in first:
        return first
    return None


def _last_item_end(text: str, start: int, end: int) -> int:
    """Where the last item of an inline list ends: before a closing sentence about the list."""
    for s, e in split_sentences(text[start:end])[1:]:
        if _CLOSING.search(text[start + s : start + e]):
            return start + s
    return end


def inline_items(text: str) -> list[tuple[int, str, int, int]]:
    """Items listed inside one paragraph: ``(number, marker, start, end)``, from the longest run
    of inline markers (:func:`reportlib.lang.lists.inline_runs`); the last item stops before a
    closing sentence about the list."""
    best: list[tuple[re.Match[str], int]] = []
    for run in lists.inline_runs(text):
        if len(run) > len(best):
            best = run
    items = []
    for k, (m, num) in enumerate(best):
        end = best[k + 1][0].start() if k + 1 < len(best) else _last_item_end(text, m.end(), len(text))
        s, e = _trim(text, m.end(), end)
        items.append((num, m.group().strip(), s, e))
    return items


def items_of_block(report: Report, paragraphs: list[int]) -> list[Item]:
    """The items of one livelihood block (paragraph indexes of the report)."""
    spans = report.paragraph_spans
    texts = [report.text[slice(*spans[i])] for i in paragraphs]
    marked = [(lists.item_marker(t), i, t) for i, t in zip(paragraphs, texts)]
    numbered = [((m.number, m.text, m.end), i, t) for m, i, t in marked if m]
    # the longest run 1, 2, 3… (the block may open with its own heading, "三、扎实办好十件民生实事")
    numbers = [m[0] for m, _, _ in numbered]
    runs = [(lists.run_from_one(numbers[k:]), -k) for k, n in enumerate(numbers) if n == 1]
    run, first = max(runs, default=(0, 0))
    numbered = numbered[-first : -first + run]
    if run >= 2:
        items = []
        for k, ((num, marker, off), i, t) in enumerate(numbered):
            last = paragraphs.index(numbered[k + 1][1]) - 1 if k + 1 < len(numbered) else len(paragraphs) - 1
            # an item runs over following unnumbered paragraphs, but not over a closing one
            end_par = i
            for j in paragraphs[paragraphs.index(i) + 1 : last + 1]:
                if _CLOSING.search(report.text[slice(*spans[j])]):
                    break
                end_par = j
            s, e = _trim(report.text, spans[i][0] + off, spans[end_par][1])
            items.append(Item(num, marker, _title(report.text[s:e]), s, e))
        return items
    for i, t in zip(paragraphs, texts):
        found = inline_items(t) or unnumbered_items(t)
        if found:
            base = spans[i][0]
            return [Item(n, marker, _title(t[s:e]), base + s, base + e) for n, marker, s, e in found]
    return []


def unnumbered_items(text: str) -> list[tuple[int, str, int, int]]:
    """Items of an unnumbered list after its lead: separated by semicolons (three or more), or
    by commas or 、 when the lead states their number ("10项为民办实事事项:A,B,…"). Items
    that cannot be told apart give none."""
    lead = lists.UNNUMBERED_LEAD.search(text)
    if lead is None:
        return []
    end = _last_item_end(text, lead.end(), len(text))
    body = text[lead.end() : end].rstrip("。 ")
    stated = lists.count_in(lists.COUNT_BEFORE_LEAD, text[: lead.end()])[0]
    for seps, need in ((";", None), (",、", stated), (",", stated)):
        parts = [(a, b) for a, b in _split(body, seps) if b > a]
        if len(parts) >= 3 and (need is None or len(parts) == need):
            return [(k + 1, "", lead.end() + a, lead.end() + b) for k, (a, b) in enumerate(parts)]
    return []


def _split(text: str, seps: str) -> list[tuple[int, int]]:
    out, left, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(“《[":
            depth += 1
        elif ch in ")”》]":
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            out.append((left, i))
            left = i + 1
    out.append((left, len(text)))
    return [_trim(text, a, b) for a, b in out]


def _blocks(report: Report) -> list[list[int]]:
    """Runs of consecutive livelihood paragraphs."""
    blocks: list[list[int]] = []
    for i, part in enumerate(report.structure.parts):
        if part != "livelihood":
            continue
        if blocks and blocks[-1][-1] == i - 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    return blocks


def _sentence_of(report: Report, pos: int) -> tuple[int, int]:
    for _, s, e in report.sentence_spans:
        if s <= pos < e:
            return s, e
    return pos, pos


def livelihood_tables(reports: Sequence[Report]) -> dict[str, pd.DataFrame]:
    """The ``livelihood``, ``livelihood_lists`` and ``quantities`` tables (see
    :func:`livelihood_table`, :func:`livelihood_lists_table`, :func:`quantities_table`)."""
    items, frames, quantities = [], [], []
    for r in reports:
        m = r.metadata
        base = dict(report_id=r.report_id, place=m.place, report_type=m.report_type, plan_year=m.plan_year)
        for block in _blocks(r):
            spans = r.paragraph_spans
            block_start, block_end = spans[block[0]][0], spans[block[-1]][1]
            block_text = r.text[block_start:block_end]
            selection = "deputies_vote" if lists.VOTE.search(block_text) else "government"
            found = items_of_block(r, block)
            candidates, cm = lists.count_in(lists.CANDIDATES, block_text)
            adopt, am = lists.count_in(lists.TO_ADOPT, block_text)
            stated, sm = (adopt, am) if am else lists.count_in(lists.STATED, block_text)
            announces = sm is not None and re.match(r"[^。:]*:", block_text[sm.end():]) is not None
            if found and stated and len(found) not in (stated, candidates) and not cm and not announces:
                # "完成为民办12件实事。一是…七是": the numbered points are not the 12 projects
                found = []
            for it in found:
                text = r.text[it.start : it.end]
                primary, touched = classify(text, it.title)
                raw_start, raw_end = r.raw_span(it.start, it.end)
                items.append(dict(base, item_no=it.item_no, marker=it.marker, title=it.title, text=text,
                                  domain=primary, domains="|".join(touched), selection=selection,
                                  start=it.start, end=it.end, raw_start=raw_start, raw_end=raw_end))
                for p in promises_in(text):
                    q_start, q_end = it.start + p.start, it.start + p.end
                    q_raw = r.raw_span(q_start, q_end)
                    quantities.append(dict(base, item_no=it.item_no, domain=primary, verb=p.verb, object=p.object,
                                           value=p.value, value_high=p.value_high, unit=p.unit,
                                           qualifier=p.qualifier, qualifier_kind=p.qualifier_kind,
                                           text_span=r.text[q_start:q_end], start=q_start, end=q_end,
                                           raw_start=q_raw[0], raw_end=q_raw[1]))
            cue = cm or am or _LIST_CUE.search(block_text)
            anchor = block_start + cue.start() if cue else block_start
            s, e = _sentence_of(r, anchor)
            raw_start, raw_end = r.raw_span(s, e)
            frames.append(dict(base, kind="plan_list", n_listed=len(found), n_candidates=candidates,
                              n_to_adopt=adopt, n_stated=None, selection=selection, statement=r.text[s:e],
                              start=s, end=e, raw_start=raw_start, raw_end=raw_end))
        for k, (i, s, e) in enumerate(r.sentence_spans):
            if r.structure.parts[i] != "review":
                continue
            stated, sm = lists.count_in(lists.STATED, r.text[s:e])
            if sm:
                raw_start, raw_end = r.raw_span(s, e)
                frames.append(dict(base, kind="review_statement", n_listed=0, n_candidates=None, n_to_adopt=None,
                                  n_stated=stated, selection=None, statement=r.text[s:e], start=s, end=e,
                                  raw_start=raw_start, raw_end=raw_end))
    return {
        "livelihood": _frame(items, LIVELIHOOD_COLUMNS, ["plan_year", "item_no"]),
        "livelihood_lists": _frame(frames, LIST_COLUMNS, ["plan_year", "n_listed", "n_candidates", "n_to_adopt", "n_stated"]),
        "quantities": _frame(quantities, QUANTITY_COLUMNS, ["plan_year", "item_no"]),
    }


LIVELIHOOD_COLUMNS = ["report_id", "place", "report_type", "plan_year", "item_no", "marker", "title", "text", "domain",
                      "domains", "selection", "start", "end", "raw_start", "raw_end"]
LIST_COLUMNS = ["report_id", "place", "report_type", "plan_year", "kind", "n_listed", "n_candidates", "n_to_adopt",
                "n_stated", "selection", "statement", "start", "end", "raw_start", "raw_end"]
QUANTITY_COLUMNS = ["report_id", "place", "report_type", "plan_year", "item_no", "domain", "verb", "object", "value",
                    "value_high", "unit", "qualifier", "qualifier_kind", "text_span", "start", "end", "raw_start",
                    "raw_end"]


def _frame(rows: list[dict], columns: list[str], nullable_ints: Sequence[str]) -> pd.DataFrame:
    """A livelihood-family table: its column types (every table of this module has them)."""
    return frame(rows, columns, nullable_ints=nullable_ints, ints=("start", "end", "raw_start", "raw_end"),
                 categories={"report_type": REPORT_TYPES, "domain": domains()})


def livelihood_table(reports: Sequence[Report]) -> pd.DataFrame:
    """One row per livelihood item.

    Columns: ``report_id``, ``place``, ``report_type``, ``plan_year``, ``item_no``, ``marker``
    (as written: 1., (1), 一是), ``title`` (the short name an item opens with, e.g.
    建设“美好家园”; null when it has none), ``text`` (the whole item, verbatim, without its
    marker), ``domain`` (primary), ``domains`` (every domain touched, ``|``-separated),
    ``selection`` (``deputies_vote`` where the list's text says 票决/票选, else ``government``),
    ``start``/``end``, ``raw_start``/``raw_end``.
    """
    return livelihood_tables(reports)["livelihood"]


def livelihood_lists_table(reports: Sequence[Report]) -> pd.DataFrame:
    """One row per livelihood list (``kind`` = ``plan_list``) and per review sentence that
    mentions the year's projects (``review_statement``: 十件为民办实事项目如期完成).

    Columns: ``report_id``, ``place``, ``report_type``, ``plan_year``, ``kind``, ``n_listed``
    (items found), ``n_candidates`` (形成了以下12件候选项目), ``n_to_adopt`` (票决确定的10件,
    办好十件), ``n_stated`` (the count a review statement gives), ``selection``, ``statement``
    (the sentence that says so), ``start``/``end``, ``raw_start``/``raw_end``.
    """
    return livelihood_tables(reports)["livelihood_lists"]


def quantities_table(reports: Sequence[Report]) -> pd.DataFrame:
    """One row per quantity in a livelihood item: ``report_id``, ``place``, ``report_type``,
    ``plan_year``, ``item_no``, ``domain``, ``verb`` (新增), ``object`` (what it counts:
    公共停车泊位), ``value``, ``value_high``, ``unit``, ``qualifier`` (以上), ``qualifier_kind``,
    ``text_span`` (the number as written), ``start``/``end``, ``raw_start``/``raw_end``."""
    return livelihood_tables(reports)["quantities"]


# --- comparisons for the notebook ------------------------------------------------------------
