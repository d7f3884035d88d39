"""How completely reportlib reads a corpus: per level and decade, the share of reports with each
field and table, and the reports that fail each check.

``quality_report(corpus)`` checks every report for:

========================  ===================================================================
check                     passes when … (of the reports it applies to)
========================  ===================================================================
``place``                 ``place`` is known (all reports)
``plan_year``             ``plan_year`` is known (all reports)
``date``                  ``date`` is known (reports whose first lines or title state a date)
``speaker``               ``speaker`` is known (reports whose first lines name a head of
                          government: 市长 张三, 代省长 李四, 国务院总理 …)
``targets_passage``       the report has target rows (all reports)
``gdp_target``            a GDP target row (reports whose main-targets sentence states one:
                          a cue such as 主要预期目标是 followed in the sentence by 地区生产总值/
                          国内生产总值/GDP/经济增长 and a percentage, not about five years)
``gdp_actuals``           a GDP result for the reviewed year (all reports)
``livelihood_list``       a livelihood list of the plan year (all reports)
========================  ===================================================================

The "states" detectors are deliberately simple and independent of the extractor's rules (they
resemble them, but are not them), so that a miss by the extractor shows as a failure rather
than disappearing from the denominator.

>>> report = quality_report(load_corpus("reports/"))        # doctest: +SKIP
>>> report.shares            # one row per level and decade, one column per check  # doctest: +SKIP
>>> report.failures          # report_id, source_file, check                      # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ..lang.years import years_in
from ..lang.chars import DATE_NUMERALS, HAN

CHECKS = ("place", "plan_year", "date", "speaker", "targets_passage", "gdp_target", "gdp_actuals", "livelihood_list")

_CN = DATE_NUMERALS
#: A delivery date as the first lines write it: 2014年1月20日, 二〇一四年一月二十日.
STATED_DATE = re.compile(rf"\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|[{_CN}]{{4}}年[{_CN}]{{1,3}}月[{_CN}]{{1,3}}日")
#: A head of government named in the first lines: "市长 张三", "代省长:李四", "国务院总理 王五".
STATED_SPEAKER = re.compile(
    r"(?m)^[^\n]{0,30}?(?:总理|省长|市长|区长|县长|主席|州长|旗长|盟长|部长)[ \t\u3000:：*]*(?:\n\**)?(?!各位)"
    rf"[{HAN}·][{HAN}· \u3000]{{1,7}}\**[ \t\u3000]*$"
)
#: A main-targets sentence that states a GDP target.
_CUE = re.compile(r"(?P<lead>[^,，;；。:：]{0,30}?)(?:主要|预期|调控)[^,，;；。:：]{0,6}?(?:目标|指标)(?:是|为|建议为)?\s*[:：]")
_LEAD_NOT_ANNUAL = re.compile(r"五年|十.五|到\d{4}年|规划|今后|未来|去年|上年|年初|确定的|完成|过去")
_GDP_VALUE = re.compile(r"(?:地区生产总值|国内生产总值|生产总值|GDP|国民生产总值|经济增长)[^;；。]{0,12}?\d+(?:\.\d+)?\s*[%％]")
_FIVE_YEAR_AFTER = re.compile(r"^\s*(?:到|至)\d{4}年|年均")
_HEAD_LINES = 12


def _head(raw: str) -> str:
    lines = [line for line in raw.splitlines() if line.strip()][:_HEAD_LINES]
    return "\n".join(lines)


def states_gdp_target(text: str, plan_year: int | None = None) -> bool:
    """Whether a main-targets sentence of ``text`` states a GDP target for one year.

    >>> states_gdp_target("今年经济社会发展的主要预期目标是:地区生产总值增长7%;一般公共预算收入增长6%。")
    True
    >>> states_gdp_target("“十四五”时期的主要目标是:到2025年,地区生产总值年均增长6%。")
    False
    """
    for sentence in re.split(r"(?<=[。！？!?])", text):
        for m in _CUE.finditer(sentence):
            lead = m["lead"]
            named = years_in(lead)
            if _LEAD_NOT_ANNUAL.search(lead) or (named and plan_year and named[0] != plan_year):
                continue
            rest = sentence[m.end():]
            if _FIVE_YEAR_AFTER.search(rest[:40]) or not _GDP_VALUE.search(rest):
                continue
            return True
    return False


def _decade(year) -> str:
    return "unknown" if year is None or pd.isna(year) else f"{int(year) // 10 * 10}s"


@dataclass(frozen=True)
class QualityReport:
    per_report: pd.DataFrame  # one row per report: level, decade, applies_<check>, <check>
    shares: pd.DataFrame  # per level and decade: n and the share passing each check
    failures: pd.DataFrame  # report_id, source_file, check

    def to_markdown(self) -> str:
        """The shares as a Markdown table (percentages; n = reports the check applies to)."""
        cols = ["level", "decade", "reports"] + list(CHECKS)
        lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        for row in self.shares.itertuples(index=False):
            cells = [str(row.level), str(row.decade), str(row.reports)]
            for check in CHECKS:
                share, n = getattr(row, check), getattr(row, f"n_{check}")
                cells.append("–" if n == 0 else f"{100 * share:.1f}% ({n})")
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)


def quality_report(corpus: Iterable) -> QualityReport:
    """Check every report of a corpus (see the module docstring)."""
    reports = corpus.reports.set_index("report_id")
    with_targets = set(corpus.targets.report_id)
    gdp_targets = set(corpus.targets[corpus.targets.indicator == "gdp"].report_id)
    a = corpus.actuals
    gdp_actuals = set(a[(a.indicator == "gdp") & (a.get("period", "year") == "year")].report_id)
    ll = corpus.livelihood_lists
    with_list = set(ll[ll.kind == "plan_list"].report_id) | set(corpus.livelihood.report_id)
    rows = []
    for r in corpus:
        m = r.metadata
        head = _head(r.raw.readable)
        info = reports.loc[r.report_id]
        row = dict(report_id=r.report_id, source_file=r.source_file, level=info.get("level") or "unknown",
                   decade=_decade(m.plan_year or (int(m.date[:4]) if m.date else None)))
        title = str(info.get("source_title") or "")
        applies = dict(place=True, plan_year=True, date=bool(STATED_DATE.search(head) or STATED_DATE.search(title)),
                       speaker=bool(STATED_SPEAKER.search(head)), targets_passage=True,
                       gdp_target=states_gdp_target(r.text, m.plan_year), gdp_actuals=True, livelihood_list=True)
        passed = dict(place=m.place is not None, plan_year=m.plan_year is not None, date=m.date is not None,
                      speaker=m.speaker is not None, targets_passage=r.report_id in with_targets,
                      gdp_target=r.report_id in gdp_targets, gdp_actuals=r.report_id in gdp_actuals,
                      livelihood_list=r.report_id in with_list)
        for check in CHECKS:
            row[f"applies_{check}"] = applies[check]
            row[check] = passed[check]
        rows.append(row)
    per_report = pd.DataFrame(rows)
    groups = []
    for (level, decade), g in per_report.groupby(["level", "decade"], sort=True):
        out = dict(level=level, decade=decade, reports=len(g))
        for check in CHECKS:
            sub = g[g[f"applies_{check}"]]
            out[check] = sub[check].mean() if len(sub) else float("nan")
            out[f"n_{check}"] = len(sub)
        groups.append(out)
    total = dict(level="all", decade="all", reports=len(per_report))
    for check in CHECKS:
        sub = per_report[per_report[f"applies_{check}"]]
        total[check] = sub[check].mean() if len(sub) else float("nan")
        total[f"n_{check}"] = len(sub)
    shares = pd.DataFrame(groups + [total])
    fails = [(row.report_id, row.source_file, check) for row in per_report.itertuples(index=False)
             for check in CHECKS if getattr(row, f"applies_{check}") and not getattr(row, check)]
    failures = pd.DataFrame(fails, columns=["report_id", "source_file", "check"])
    return QualityReport(per_report, shares, failures)
