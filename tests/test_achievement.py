"""Targets across reports: achievement (target against the next report's result), revisions of
results, escalation from parent to place; and the place codes they rest on."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

import reportlib
from reportlib.analysis import compare
from reportlib.lang import places
from reportlib.read.decode import read_raw

from .conftest import SHARED

CORPUS = Path(os.environ.get("REPORTLIB_CORPORA") or SHARED / "corpora") / "cn-gov-reports"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the development corpus is not at {CORPUS}")


@pytest.fixture(scope="module")
def zhejiang() -> reportlib.Corpus:
    """浙江省 2021 and 2022, 杭州市 2021 and 2022, and the State Council's 2021 report."""
    files = [CORPUS / p for p in ("provincial/浙江省/2021.md", "provincial/浙江省/2022.md", "major-cities/杭州市/2021.md",
                                  "major-cities/杭州市/2022.md", "national/2021.md")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportlib.ReportLibWarning)
        return reportlib.load_corpus(files)


def _source(corpus, report_id, start, end) -> str:
    return read_raw(corpus.report(report_id).raw.path).text[start:end]


# --- place codes


def test_reports_carry_the_code_of_their_place_when_it_was_delivered(corpus):
    r = corpus.reports.set_index("report_id")
    assert r.loc["jianggan-2014-gov", ["place_code", "parent_code"]].tolist() == ["330104", "330100"]
    assert r.loc["xiacheng-2018-gov", ["place_code", "parent_code"]].tolist() == ["330103", "330100"]
    assert r.loc["shangcheng-2013-npc", "place_code"] == "330102"


def test_a_place_is_coded_as_it_was_at_the_time():
    assert places.place_code("重庆市", "1996-02") == "510200" and places.parent_code("510200") == "510000"
    assert places.place_code("重庆市", "2021-01-20") == "500000" and places.parent_code("500000") == "100000"
    assert places.place_code("富阳市", "2013-03") == "330183" and places.place_code("富阳区", "2013-03") is None
    assert places.place_code("钱塘区", "2020-01") is None and places.place_code("钱塘区", "2022-01") == "330114"
    assert places.place_code("江干区", "2021-01") == "330104" and places.place_code("江干区", "2022-01") is None
    assert places.place_code("拱墅", "2019-01") == "330105"  # a short name
    assert places.place_code("某某区", "2019-01") is None  # not in the table: no guess


def test_the_crosswalk_records_hangzhous_2021_reorganisation():
    jianggan = [(c.date, c.to_name, c.extent) for c in places.successors("330104")]
    assert jianggan == [("2021-03", "上城区", "part"), ("2021-03", "钱塘区", "part")]
    assert [(c.to_name, c.extent) for c in places.successors("330103")] == [("拱墅区", "whole")]
    assert [(c.date, c.to_code) for c in places.successors("330183")] == [("2014-12", "330111")]
    assert [(c.date, c.to_code) for c in places.successors("330185")] == [("2017-08", "330112")]


def test_every_place_of_the_table_has_a_parent_in_it():
    codes = {p.code for p in places.places()}
    for p in places.places():
        assert p.parent_code is None and p.code == places.NATIONAL_CODE or p.parent_code in codes, p


# --- whether targets were met


def _table(rows, columns):
    return pd.DataFrame([dict(zip(columns, row)) for row in rows])


T_COLUMNS = ["report_id", "place", "report_type", "target_year", "indicator", "measure", "direction", "value",
             "value_high", "unit", "qualifier_kind", "is_sub", "text_span", "start", "raw_start", "raw_end"]
A_COLUMNS = ["report_id", "place", "report_type", "year", "indicator", "measure", "direction", "value", "unit",
             "period", "estimated", "is_sub", "text_span", "start", "raw_start", "raw_end"]


@pytest.mark.parametrize("kind, target, high, direction, result, result_direction, met, gap", [
    ("floor", 6.5, None, "increase", 8.5, "increase", True, 2.0),        # 增长6.5%以上, 增长8.5%
    ("point", 7.5, None, "increase", 7.2, "increase", False, -0.3),      # 增长7.5%, 增长7.2%
    ("ceiling", 3.0, None, "increase", 2.1, "increase", True, -0.9),     # 涨幅控制在3%以内, 上涨2.1%
    ("approx", 6.0, None, "increase", 6.4, "increase", True, 0.4),       # 增长6%左右, 增长6.4%
    ("approx", 6.0, None, "increase", 6.6, "increase", False, 0.6),
    ("range", 6.0, 6.5, "increase", 6.1, "increase", True, 0.1),         # 增长6%-6.5%
    ("floor", 3.0, None, "decrease", 3.6, "decrease", True, -0.6),       # 能耗下降3%以上, 下降3.6%
    ("point", 3.0, None, "decrease", 2.0, "decrease", False, 1.0),
])
def test_met_is_decided_by_the_qualifier(kind, target, high, direction, result, result_direction, met, gap):
    targets = _table([("x-2020-gov", "某市", "government_work_report", 2020, "gdp", "growth", direction, target, high,
                       "%", kind, False, "…", 0, 10, 20)], T_COLUMNS)
    actuals = _table([("x-2021-gov", "某市", "government_work_report", 2020, "gdp", "growth", result_direction, result,
                       "%", "year", False, False, "…", 0, 30, 40)], A_COLUMNS)
    row = compare.achievement(targets, actuals).iloc[0]
    assert (row.met, row.gap) == (met, gap)
    assert (row.target_report_id, row.result_report_id) == ("x-2020-gov", "x-2021-gov")


def test_a_qualitative_target_has_no_verdict():
    targets = _table([("x-2020-gov", "某市", "government_work_report", 2020, "gdp", "qualitative", "increase", None, None,
                       None, "qualitative", False, "经济平稳增长", 0, 10, 20)], T_COLUMNS)
    actuals = _table([("x-2021-gov", "某市", "government_work_report", 2020, "gdp", "growth", "increase", 5.0,
                       "%", "year", False, False, "增长5%", 0, 30, 40)], A_COLUMNS)
    row = compare.achievement(targets, actuals).iloc[0]
    assert row.result == 5.0 and pd.isna(row.met) and pd.isna(row.gap)


def test_a_result_revised_between_the_party_and_the_government_report(corpus):
    r = compare.revisions(corpus.actuals, corpus.targets, corpus.reports)
    row = r[(r.place == "上城区") & (r.indicator == "gdp") & (r.measure == "level") & (r.year == 2012)].iloc[0]
    # the party committee's report (2013-01-05) comes first, the government's (2013-01-21) revises it
    assert (row.first_report_id, row.later_report_id) == ("shangcheng-2013-party", "shangcheng-2013-gov")
    assert (row.first, row.later, row.revision) == (675.0, 667.87, -7.13)
    assert "667.87" in read_raw(corpus.report(row.later_report_id).raw.path).text[row.later_raw_start:row.later_raw_end]


@needs_corpus
def test_a_provinces_gdp_target_against_its_next_reports_result(zhejiang):
    a = compare.achievement(zhejiang.targets, zhejiang.actuals, zhejiang.reports)
    row = a[(a.place == "浙江省") & (a.indicator == "gdp") & (a.measure == "growth") & (a.year == 2021)].iloc[0]
    assert (row.target, row.qualifier_kind, row.result, row.gap, row.met) == (6.5, "floor", 8.5, 2.0, True)
    assert (row.target_report_id, row.result_report_id) == ("zhejiang-2021-gov", "zhejiang-2022-gov")
    assert _source(zhejiang, row.target_report_id, row.target_raw_start, row.target_raw_end) == "生产总值增长6.5%以上"
    assert "增长8.5%" in _source(zhejiang, row.result_report_id, row.result_raw_start, row.result_raw_end)
    city = a[(a.place == "杭州市") & (a.indicator == "gdp") & (a.measure == "growth") & (a.year == 2021)].iloc[0]
    assert (city.target, city.qualifier_kind, city.result_report_id) == (7.0, "point", "hangzhou-2022-gov")


@needs_corpus
def test_a_citys_target_against_its_provinces_for_the_same_year(zhejiang):
    e = compare.escalation(zhejiang.targets, zhejiang.reports)
    row = e[(e.place == "杭州市") & (e.indicator == "gdp") & (e.year == 2021)].iloc[0]
    assert (row.place_code, row.parent, row.parent_code) == ("330100", "浙江省", "330000")
    assert (row.target, row.parent_target, row.escalation_pp) == (7.0, 6.5, 0.5)
    assert _source(zhejiang, row.report_id, row.raw_start, row.raw_end) == "地区生产总值增长7%"
    assert _source(zhejiang, row.parent_report_id, row.parent_raw_start, row.parent_raw_end) == "生产总值增长6.5%以上"
    national = e[(e.place == "浙江省") & (e.indicator == "gdp") & (e.year == 2021)].iloc[0]
    assert (national.parent, national.parent_code, national.parent_report_id) == ("全国", "100000", "china-2021-gov")


# --- what notebooks 05 and 06 show, on the bundled corpus joined with the open panel


@pytest.fixture(scope="module")
def joined(corpus):
    from reportlib import datasets

    reports, targets, actuals = datasets.combined(corpus)
    return reports, targets, actuals


def test_met_rates_count_only_decided_targets(joined):
    reports, targets, actuals = joined
    a = compare.achievement(targets, actuals, reports)
    assert set(a.level.dropna()) == {"national", "province", "city"}
    national = a[a.level == "national"]
    by_level = compare.met_rates(a, "level").set_index("level")
    assert by_level.loc["national", "n"] == national.met.notna().sum()
    assert by_level.loc["national", "n_met"] == national.met.sum()
    kinds = compare.met_rates(a, "qualifier_kind")
    assert "qualitative" not in set(kinds.qualifier_kind)  # never decided
    assert list(kinds.n) == sorted(kinds.n, reverse=True)


def test_bunching_counts_the_half_points_either_side_of_the_target():
    b = compare.bunching(pd.Series([-0.6, -0.5, -0.1, 0.0, 0.2, 0.4, 0.5, 2.0]))
    assert list(b.n) == [2, 3] and list(b.pct) == [25.0, 37.5] and set(b.of) == {8}


def test_chains_run_from_the_nation_to_the_bundled_districts(joined):
    reports, targets, _ = joined
    chains = compare.escalation_chains(compare.escalation(targets, reports), "gdp", limit=4)
    # districts first (the bundled corpus's), longest, latest, then by code
    assert list(dict.fromkeys(chains.chain)) == ["下城区 2018", "江干区 2014", "上城区 2020", "江干区 2020"]
    xiacheng = chains[chains.chain == "下城区 2018"]
    assert list(zip(xiacheng.level, xiacheng.place, xiacheng.target)) == [
        ("national", "全国", 6.5), ("province", "浙江省", 7.0), ("city", "杭州市", 7.5), ("district", "下城区", 6.0)]
    assert set(xiacheng.current_place) == {"拱墅区"}  # merged into 拱墅区 in 2021
    assert list(chains[chains.chain == "上城区 2020"].place) == ["浙江省", "杭州市", "上城区"]  # no national GDP target in 2020


def test_select_rows_keeps_a_place_and_its_children(joined):
    reports, targets, _ = joined
    e = compare.escalation(targets, reports)
    kept = compare.select_rows(e, places=["杭州市"], years=[2020], indicators=["gdp"], with_parent=True)
    assert sorted(kept.place) == ["上城区", "杭州市", "江干区"]
    assert sorted(compare.select_rows(e, places=["杭州市"], years=[2020], indicators=["gdp"]).place) == ["杭州市"]
