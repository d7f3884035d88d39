"""Targets for the coming year, results claimed for the past one, and quantified commitments.

``targets``
    the "main expected targets" (主要预期目标/指标) of the plan part: the sentence after the cue
    (``今年全区经济社会发展的主要预期指标是:``) and any following sentences of the paragraph that
    still state targets, parsed by :mod:`reportlib.lang.claims`.
``actuals``
    the headline results of the review part: claims in review paragraphs that give values for
    at least two canonical indicators (the 地区生产总值…财政总收入… paragraph), taken from the
    sentences that hold at least one of them; sector figures elsewhere in the review
    (五大主导产业实现一般公共预算收入…) are left out.
``commitments``
    every other quantity the plan and livelihood parts promise (新增公共停车泊位1500个以上,
    实际利用外资2.8亿美元), with its verb and object.

Every row carries its report, the verbatim ``text_span`` and its ``start``/``end`` in the clean
text and ``raw_start``/``raw_end`` in the source file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from ..lang import claims as _claims
from ..lang import lists
from ..lang.indicators import vocabulary
from ..lang.numbers import units
from ..lang.promises import promises
from ..lang.years import years_in
from ..parse.metadata import REPORT_TYPES
from ..parse.structure import PARTS
from .frame import frame
from ..lang.chars import DIGITS, YEAR_DIGITS

if TYPE_CHECKING:
    from ..parse.report import Report

#: The cue of the main targets: "今年全区经济社会发展的主要预期指标是:", "2018年经济发展主要预期目标为:",
#: "主要调控预期目标是", "计划的主要指标是", "主要预期目标建议为", "2024年主要预期目标:".
TARGET_CUE = re.compile(
    r"(?P<lead>[^,;。:]{0,30}?)(?:主要|预期|调控|计划|发展)[^,;。:]{0,6}?(?:目标|指标)(?:任务)?"
    r"(?:(?:是|为|确定为|安排为|建议为|设定为|定为|如下)\s*:?|\s*:)"
)
#: Words before a cue that make it not the plan year's: five-year goals (今后五年, “十四五”时期,
#: 到2025年) and looks back (去年, 年初确定的).
_NOT_ANNUAL = re.compile(
    rf"五年|十[{DIGITS}]?五|“十.五”|到\d{{4}}年|\d{{4}}年前|今后|未来|中长期|远景|规划|去年|上年|年初|确定的|提出的|下达的"
    r"|过去|回顾|完成|执行"
)
_FIVE_YEAR_AFTER = re.compile(rf"^\s*(?:到|至)(?:\d{{4}}|[{YEAR_DIGITS}]{{4}})年")
#: Old-style plans state the targets without a cue: "今年计划国内生产总值比上年增长12%",
#: "国家计划要求今年的国民生产总值比上年增长百分之五", "今年我省国内生产总值预期增长9%".
_PLAN_YEAR_WORD = re.compile(rf"今年|本年|明年|年度|\d{{4}}年|[{YEAR_DIGITS}]{{4}}年")
_PLAN_WORD = re.compile(r"计划|要求|拟定|预期|安排|争取|力争|确定")
_PLAN_NOT_ANNUAL = re.compile(rf"平均每年|年均|每年|到(?:\d{{4}}|[{YEAR_DIGITS}]{{4}})年|五年|五”?计划|规划")
#: A heading that announces the targets: "二、2020年发展主要目标和下一阶段主要工作".
_HEADING_CUE = re.compile(r"(?:主要|预期)[^,;。:]{0,4}(?:目标|指标)")
_ESTIMATED = re.compile(r"预计")
_DIGIT = re.compile(r"\d")
_PROVENANCE = ["text_span", "start", "end", "raw_start", "raw_end"]
TARGET_COLUMNS = [
    "report_id", "place", "report_type", "target_year", "indicator", "indicator_raw", "value", "value_high", "unit",
    "direction", "measure", "qualifier", "qualifier_kind", "is_sub", "sentence_no", *_PROVENANCE,
]
ACTUAL_COLUMNS = [
    "report_id", "place", "report_type", "year", "indicator", "indicator_raw", "measure", "direction", "value",
    "value_high", "unit", "qualifier", "qualifier_kind", "estimated", "period", "is_sub", "sentence_no", *_PROVENANCE,
]
COMMITMENT_COLUMNS = [
    "report_id", "place", "report_type", "plan_year", "section_no", "part", "verb", "object", "value", "value_high",
    "unit", "qualifier", "qualifier_kind", "sentence_no", *_PROVENANCE,
]
QUALIFIER_KINDS = ("point", "approx", "floor", "ceiling", "range", "qualitative")


def _sentences(report: Report, parts: set[str]):
    """``(sentence_no, start, end)`` of the report's body sentences in the given parts."""
    for k, (i, start, end) in enumerate(report.sentence_spans):
        if report.structure.parts[i] in parts and report.structure.kinds[i] != "heading":
            yield k, i, start, end


def _claim_row(report: Report, claim: _claims.Claim, offset: int) -> dict:
    start, end = offset + claim.start, offset + claim.end
    raw_start, raw_end = report.raw_span(start, end)
    m = report.metadata
    return dict(
        report_id=report.report_id, place=m.place, report_type=m.report_type, indicator=claim.indicator,
        indicator_raw=claim.indicator_raw, value=claim.value, value_high=claim.value_high, unit=claim.unit,
        direction=claim.direction, measure=claim.measure, qualifier=claim.qualifier,
        qualifier_kind=claim.qualifier_kind, is_sub=claim.is_sub, text_span=report.text[start:end], start=start,
        end=end, raw_start=raw_start, raw_end=raw_end,
    )


def _canonical(found: list[_claims.Claim]) -> bool:
    return any(c.indicator != "other" for c in found)


def _measured(claim: _claims.Claim) -> bool:
    """A claim with a measured value (not a count of tasks: 重点抓好八个方面)."""
    return claim.value is not None and units().get(claim.unit or "") != "count"


def _year_of(text: str) -> int | None:
    """The first year named in ``text``: 2018年, 一九八八年."""
    found = years_in(text)
    return found[0] if found else None


#: A passage about several years: 年均增长, 到2020年 (checked against the plan year).
_MULTI_YEAR = re.compile(r"年均(?:实际)?(?:增长|增速|递增|提高|下降)|平均每年|每年平均|(?:到|至)(?P<year>\d{4})年")
#: A further list of targets announced in the next paragraph: "约束性指标是:", "更加注重以下指标:".
_MORE_CUE = re.compile(r"(?:指标|目标)(?:是|为|如下)?\s*:")


def _multi_year(text: str, plan_year: int | None) -> bool:
    for m in _MULTI_YEAR.finditer(text):
        if not m["year"] or (plan_year and int(m["year"]) > plan_year):
            return True
    return False


def _annual_cue(sentence: str, plan_year: int | None) -> re.Match | None:
    """The first cue of the plan year's main targets in a sentence, or None."""
    for m in TARGET_CUE.finditer(sentence):
        lead = m["lead"]
        year = _year_of(lead)
        if _NOT_ANNUAL.search(lead) or (year and plan_year and year != plan_year):
            continue
        if _FIVE_YEAR_AFTER.match(sentence, m.end()):
            continue
        return m
    return None


def _follow(report: Report, spans, n: int, paragraphs: bool) -> list[tuple[int, int, int, list]]:
    """The sentences after ``spans[n]`` that go on stating targets: in the same paragraph, and
    (``paragraphs``) in the following paragraphs of a list announced by the cue."""
    out = []
    para = spans[n][0]
    for k in range(n + 1, len(spans)):
        i, start, end = spans[k]
        if i != para and not paragraphs:
            break
        if _multi_year(report.text[start:end], report.metadata.plan_year):
            break
        found = _claims.parse_claims(report.text[start:end])
        # in the cue's paragraph any target goes on the list (粮食产量保持在240亿斤); a following
        # paragraph must name a canonical indicator
        if not (_canonical(found) or (i == spans[n][0] and any(_measured(c) for c in found))):
            break
        out.append((k, start, end, found))
        para = i
    return out


def _more_targets(report: Report, spans, last: int, plan_year: int | None) -> list:
    """Targets the next paragraph adds under its own cue ("约束性指标是:…")."""
    k = next((k for k in range(last + 1, len(spans)) if spans[k][0] != spans[last][0]), None)
    if k is None:
        return []
    i, start, end = spans[k]
    m = _MORE_CUE.search(report.text[start:end])
    if m is None or m.start() > 40 or _multi_year(report.text[start:end], plan_year):
        return []
    found = _claims.parse_claims(report.text[start + m.end() : end])
    if len(found) < 2:
        return []
    return [(k, start + m.end(), end, found)] + _follow(report, spans, k, paragraphs=False)


def target_sentences(report: Report) -> list[tuple[int, int, int, int | None, list[_claims.Claim]]]:
    """``(sentence_no, start of the targets, end, year stated in the cue, claims)`` for each
    sentence that states the plan year's main targets (claim offsets are relative to the start
    of the targets).

    The passage is found wherever it sits (a part label does not hide it):

    1. a cue (主要预期目标是:, 主要指标为:, 预期目标:) not about five years or the past, with the
       targets after it in the sentence, in the following sentences of its paragraph, or in
       the list of paragraphs it announces (1. 地区生产总值增长7%; …), and those a next
       paragraph adds under its own cue (约束性指标是:…);
    2. else, a heading announcing the targets (2020年发展主要目标…), with the first sentence
       of its section that states two or more canonical targets;
    3. else (old-style plans), the first sentence that names the plan year
       and a plan word (今年计划, 计划要求今年, 预期增长) with a GDP growth target.
    """
    spans = report.sentence_spans
    kinds = report.structure.kinds
    plan_year = report.metadata.plan_year
    out: list = []
    taken: set[int] = set()
    for n, (i, start, end) in enumerate(spans):
        if n in taken:
            continue
        sentence = report.text[start:end]
        m = _annual_cue(sentence, plan_year)
        if m is None:
            continue
        found = _claims.parse_claims(sentence[m.end():])
        rest_empty = not _DIGIT.search(sentence, m.end()) and not _canonical(found)
        if not _canonical(found) and not rest_empty:
            continue
        year = _year_of(m["lead"])
        if _multi_year(sentence[m.end():], plan_year):
            continue  # five-year goals: 到2015年…年均增长13%
        passage = [(n, start + m.end(), end, found)] if _canonical(found) else []
        passage += _follow(report, spans, n, paragraphs=rest_empty or sentence.rstrip().endswith(":"))
        if not passage or (rest_empty and _multi_year(report.text[passage[0][1]:passage[0][2]], plan_year)):
            continue
        passage += _more_targets(report, spans, passage[-1][0], plan_year)
        for k, s, e, f in passage:
            taken.add(k)
            out.append((k, s, e, year, f))
    if out:
        return out
    for n, (i, start, end) in enumerate(spans):  # a heading that announces the targets
        if kinds[i] != "heading" or not _HEADING_CUE.search(report.text, start, end):
            continue
        heading = report.text[start:end]
        year = _year_of(heading)
        if _NOT_ANNUAL.search(heading) or (year and plan_year and year != plan_year):
            continue
        for k in range(n + 1, min(len(spans), n + 40)):
            i2, s2, e2 = spans[k]
            if kinds[i2] == "heading":
                break
            found = _claims.parse_claims(report.text[s2:e2])
            if len({c.indicator for c in found} - {"other"}) >= 2:
                return [(k, s2, e2, year, found)] + [(k2, s3, e3, year, f) for k2, s3, e3, f in
                                                     _follow(report, spans, k, paragraphs=False)]
    for n, (i, start, end) in enumerate(spans):  # old style: "今年计划国内生产总值比上年增长12%"
        if kinds[i] == "heading":
            continue
        sentence = report.text[start:end]
        found = _claims.parse_claims(sentence)
        gdp = next((c for c in found if c.indicator == "gdp" and c.measure == "growth" and not c.is_sub), None)
        if gdp is None:
            continue
        clause_start = max(sentence.rfind(sep, 0, gdp.start) for sep in ",;:")  # the clause naming GDP
        lead = sentence[clause_start + 1 : gdp.end]
        if _PLAN_YEAR_WORD.search(lead) and _PLAN_WORD.search(lead) and not _PLAN_NOT_ANNUAL.search(lead):
            year = _year_of(lead)
            if year and plan_year and year != plan_year:
                continue
            return [(n, start, end, None, found)] + [(k, s, e, None, f) for k, s, e, f in
                                                     _follow(report, spans, n, paragraphs=False)]
    return out


def targets_table(reports: Sequence[Report]) -> pd.DataFrame:
    """One row per target of the coming year.

    Columns: ``report_id``, ``place``, ``report_type``, ``target_year`` (the year the cue
    names, else the report's plan year), ``indicator`` (canonical id, ``other`` for the rest),
    ``indicator_raw`` (as written: 地方一般公共预算收入; an elided head is filled in:
    城、乡居民人均可支配收入 gives 城居民… and 乡居民…), ``value`` (null for a qualitative
    target), ``value_high`` (upper end of a range), ``unit``, ``direction`` (increase,
    decrease, level), ``measure`` (growth, level, qualitative), ``qualifier`` (左右, 以上,
    力争…以上, 控制在…以内, 完成上级下达任务 …, or empty), ``qualifier_kind`` (point, approx,
    floor, ceiling, range, qualitative), ``is_sub`` (a 其中 sub-target), ``sentence_no``,
    ``text_span``, ``start``/``end``, ``raw_start``/``raw_end``. A report without targets gives
    no rows.
    """
    rows = []
    for r in reports:
        for k, start, _, year, found in target_sentences(r):
            for claim in found:
                row = _claim_row(r, claim, start)
                row.update(target_year=year or r.metadata.plan_year, sentence_no=k)
                rows.append(row)
    return _frame(rows, TARGET_COLUMNS, nullable_ints=["target_year"])


#: Words that make a result one of several years: 年均增长, 累计, 五年来, “十一五”期间, 是2007年的2.5倍.
_PERIOD_WORDS = re.compile(
    r"年均|平均每年|每年平均|累计|五年|三年|近年|过去|以来|期间|时期|“十.?五”|十[一二三四五]五|翻(?:了)?[一两三]?番|(?:比|是)(?P<year>\d{4})年"
)
_ESTIMATE = re.compile(r"预计|初步核算|初步统计|初步测算|快报")


_CHANGE_FROM = re.compile(r"(?:由|从)[^,;:]*?(?:增加|提高|增长|跃升|上升|扩大|下降|降低)(?:到|至)")
_TERM_OPENING = re.compile(r"^(?:其中)?(?:五年来|过去五年|近五年|五年|“十.五”(?:时期|期间|以来)?|十.五(?:时期|期间)|累计)")


def _period(report: Report, sentence: str, claim: _claims.Claim) -> str:
    """``multi_year`` when a result is about several years, else ``year``: the clause of its
    value speaks of several years (年均增长, 累计, 比“十五”, 是2007年的2.5倍), or the segment
    opens on the term (五年来…, “十一五”时期…) and the clause names no single year."""
    if claim.unit == "倍":
        return "multi_year"
    left = max(sentence.rfind(sep, 0, claim.end - 1) for sep in ",;:")
    clause = _CHANGE_FROM.sub("", sentence[left + 1 : claim.end])  # 由“十二五”末的6557亿元增加到9017亿元: a level
    review = report.metadata.review_year
    years = [int(y) for y in re.findall(r"(\d{4})年", clause)]
    if review and review in years and not re.search(r"年均|平均每年|累计|是\d{4}年的", clause):
        return "year"  # "2010年达到590.55亿元"
    for m in _PERIOD_WORDS.finditer(clause):
        if not m["year"] or (review and int(m["year"]) < review - 1):
            return "multi_year"
    segment = sentence[max(sentence.rfind(sep, 0, claim.end - 1) for sep in ";。") + 1 :]
    if _TERM_OPENING.match(segment) and not years:
        return "multi_year"
    return "year"


#: A clause whose subject is a sector, an area or a group of firms: "金融服务业持续做强",
#: "健康服务业加快发展" (the figures after it are theirs, not the jurisdiction's).
_SECTOR_SUBJECT = re.compile(
    r"^[^,;:。]{0,14}?(?:业|园|园区|企业|集团|街道|板块|平台|基地)"
    r"(?:持续|加快|稳步|保持|继续|快速|不断|进一步|发展|做强|做大|壮大|提速|提质|增势|运行|势头|实现|完成|蓬勃|稳中|逆势|强劲)"
)


def _sector_subject(sentence: str, claim: _claims.Claim) -> bool:
    """The claim's segment opens with a clause about a sector (not the jurisdiction)."""
    left = max(sentence.rfind(sep, 0, claim.start) for sep in ";。") + 1
    first = re.split(r"[,:]", sentence[left : claim.start], maxsplit=1)[0]
    return bool(_SECTOR_SUBJECT.match(first)) and first != sentence[left : claim.start]


_FUTURE_GOALS = re.compile(
    r"(?:今后|未来)(?:五|5)年|(?:主要|奋斗)目标(?:是|为)\s*:\s*(?:到|至)\d{4}年|“十.{0,2}五”[^。,;]{0,16}?(?:主要|奋斗)?目标(?:是|为)"
)
_FUTURE_YEAR = re.compile(r"(?:到|至)(\d{4})年")


def _drop_milestones(found: list[_claims.Claim]) -> list[_claims.Claim]:
    """"三产增加值突破4000亿元、达到4355.99亿元": the milestone passed is not a second result."""
    out = []
    for n, c in enumerate(found):
        nxt = found[n + 1] if n + 1 < len(found) else None
        if (nxt is not None and c.qualifier_kind == "floor" and c.measure == nxt.measure == "level"
                and nxt.qualifier_kind == "point" and nxt.indicator_raw == c.indicator_raw and nxt.unit == c.unit
                and c.value is not None and nxt.value is not None and nxt.value >= c.value):
            continue
        out.append(c)
    return out


def _drop_bounds(found: list[_claims.Claim]) -> list[_claims.Claim]:
    """"城镇登记失业率为2.15%,控制在3.5%以内": the bound it stayed within is the target, not a
    second result."""
    out = []
    for c in found:
        prev = out[-1] if out else None
        if (prev is not None and c.qualifier_kind == "ceiling" and prev.indicator_raw == c.indicator_raw
                and prev.measure == c.measure and prev.qualifier_kind == "point" and "控制在" in c.qualifier):
            continue
        out.append(c)
    return out


def _base_year(report: Report, sentence: str, claim: _claims.Claim) -> bool:
    """A level of an earlier year given as a base: "农民人均纯收入,1982年为270元"."""
    review = report.metadata.review_year
    if claim.measure != "level" or not review:
        return False
    left = max(sentence.rfind(sep, 0, claim.end - 1) for sep in ",;:")
    clause = re.sub(r"(?:由|从)\d{4}年的?", "", sentence[left + 1 : claim.end])  # 从2007年的3340亿元跃上7000亿元
    years = [int(y) for y in re.findall(r"(\d{4})年", clause)]
    return bool(years) and max(years) < review - 1


def _review_sentences(report: Report):
    """``(sentence_no, paragraph, start, end)`` of the sentences that review the past: the
    review part, and any unlabelled (or livelihood) paragraph before the plan, leaving out goals for coming
    years (a sentence naming a later year, 到2015年…; a passage on 今后五年 up to the next
    heading)."""
    parts, kinds = report.structure.parts, report.structure.kinds
    first_plan = next((i for i, p in enumerate(parts) if p == "plan"), len(parts))
    review = report.metadata.review_year or (report.metadata.plan_year - 1 if report.metadata.plan_year else None)
    in_goals = False  # in a passage setting goals for coming years (今后五年…其主要标志是:…), up to the next heading
    for k, (i, start, end) in enumerate(report.sentence_spans):
        if kinds[i] == "heading":
            in_goals = False
            continue
        if in_goals or not (parts[i] == "review" or (parts[i] in ("other", "livelihood") and i < first_plan)):
            continue
        sentence = report.text[start:end]
        if _FUTURE_GOALS.search(sentence):
            in_goals = True
            continue
        if review and any(int(y) > review for y in _FUTURE_YEAR.findall(sentence)):
            continue  # "到2015年,全市地区生产总值达到1000亿元以上": a goal, not a result
        yield k, i, start, end


def actuals_table(reports: Sequence[Report]) -> pd.DataFrame:
    """One row per headline result claimed for the reviewed year (or term).

    Headline results are the values the review gives for a canonical indicator of the whole
    jurisdiction (地区生产总值, 一般公共预算收入 …, not a sector's or a district's), in any
    sentence of the review, with the other claims of such a sentence (``other``). Columns as
    :func:`targets_table`, with ``year`` (the review year) instead of ``target_year``,
    ``estimated`` (the sentence says 预计, 初步核算, 初步统计 … before the figure: a preliminary
    figure) and ``period`` (``year``, or ``multi_year`` for a figure over several years:
    年均增长, 累计, 五年来, “十三五”期间, 是2007年的2.5倍; never mixed with the year's figures).
    """
    rows = []
    for r in reports:
        targets = {k for k, *_ in target_sentences(r)}
        by_paragraph: dict[int, list] = {}
        for k, i, start, end in _review_sentences(r):
            if k in targets or not _DIGIT.search(r.text, start, end):
                continue  # a sentence without a digit can state no headline result
            by_paragraph.setdefault(i, []).append((k, start, end, _claims.parse_claims(r.text[start:end])))
        for sentences in by_paragraph.values():
            # the summary paragraph names two or more canonical indicators: all its claims are
            # kept; elsewhere only canonical ones whose subject is the jurisdiction
            summary = len({c.indicator for *_, found in sentences for c in found if c.value is not None} - {"other"}) >= 2
            for k, start, end, found in sentences:
                if not any(c.indicator != "other" and c.value is not None for c in found):
                    continue
                sentence = r.text[start:end]
                if TARGET_CUE.search(sentence):
                    continue  # "一九八八年…主要指标是:…": last year's targets, not its results
                found = _drop_bounds(_drop_milestones(found))
                for claim in found:
                    if claim.value is None or (not summary and (claim.indicator == "other" or _sector_subject(sentence, claim))):
                        continue
                    if _base_year(r, sentence, claim):
                        continue
                    row = _claim_row(r, claim, start)
                    row.update(year=r.metadata.review_year, sentence_no=k,
                               estimated=bool(_ESTIMATE.search(sentence[: claim.end])),
                               period=_period(r, sentence, claim))
                    rows.append(row)
    return _frame(rows, ACTUAL_COLUMNS, nullable_ints=["year"])


def commitments_table(reports: Sequence[Report]) -> pd.DataFrame:
    """One row per quantified commitment in the plan and livelihood parts (target sentences
    excepted): 新增公共停车泊位1500个以上, 实际利用外资2.8亿美元.

    Columns: ``report_id``, ``place``, ``report_type``, ``plan_year``, ``section_no``,
    ``part``, ``verb`` (新增), ``object`` (公共停车泊位; empty when the text names none),
    ``value``, ``value_high``, ``unit``, ``qualifier``, ``qualifier_kind``, ``sentence_no``,
    ``text_span`` (the clause), ``start``/``end``, ``raw_start``/``raw_end``. Quantities inside
    quotation marks (slogans such as “四个意识”), years, ordinals and a bare 一 (一批, 一个) are not
    commitments, nor is the frame of a livelihood list (its candidates, the projects to adopt:
    ``livelihood_lists``).
    """
    rows = []
    for r in reports:
        skip = {k for k, *_ in target_sentences(r)}
        for k, i, start, end in _sentences(r, {"plan", "livelihood"}):
            if k in skip:
                continue
            sentence = r.text[start:end]
            for c_start, c_end in _claims.split_outside_brackets(sentence, ",;:。"):
                clause = sentence[c_start:c_end]
                if lists.states_list_frame(clause):
                    continue  # "形成了以下12件候选项目", "票决确定10件": the livelihood_lists table's
                rows += _commitments(r, clause, start + c_start, k, i)
    return _frame(rows, COMMITMENT_COLUMNS, nullable_ints=["plan_year", "section_no"])


def _commitments(report: Report, clause: str, offset: int, sentence_no: int, paragraph: int) -> list[dict]:
    raw_start, raw_end = report.raw_span(offset, offset + len(clause))
    m = report.metadata
    return [
        dict(report_id=report.report_id, place=m.place, report_type=m.report_type, plan_year=m.plan_year,
             section_no=report.structure.section_of[paragraph], part=report.structure.parts[paragraph],
             verb=p.verb, object=p.object, value=p.value, value_high=p.value_high, unit=p.unit, qualifier=p.qualifier,
             qualifier_kind=p.qualifier_kind, sentence_no=sentence_no, text_span=clause, start=offset,
             end=offset + len(clause), raw_start=raw_start, raw_end=raw_end)
        for p in promises(clause)
    ]


def _frame(rows: list[dict], columns: list[str], nullable_ints: Sequence[str] = ()) -> pd.DataFrame:
    """A targets-family table: its column types (every table of this module has them)."""
    return frame(rows, columns, nullable_ints=nullable_ints, floats=("value", "value_high"),
                 ints=("start", "end", "raw_start", "raw_end", "sentence_no"), bools=("is_sub", "estimated"),
                 categories={"report_type": REPORT_TYPES, "indicator": vocabulary(), "part": PARTS,
                             "qualifier_kind": QUALIFIER_KINDS})
