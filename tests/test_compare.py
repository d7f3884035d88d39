"""Comparisons of targets and results on the seeds: values read from the sentences."""

import pandas as pd

from reportlib.analysis import compare


def test_target_matrix_marks_dropped_targets(corpus):
    m = compare.target_matrix(corpus.targets, "zh").set_index("report_id")
    assert m.loc["jianggan-2014-gov", "固定资产投资"] == "10%以上"
    assert m.loc["jianggan-2014-gov", "单位工业增加值能耗"] == "−4%"  # 万元工业增加值能耗, not per unit of GDP
    assert m.loc["xiacheng-2018-party", "财政总收入"] == "8%左右"
    # Jianggan set an industrial value added and an energy target in 2014, not in 2020
    assert m.loc["jianggan-2020-gov", "工业增加值"] == "未设定"
    assert m.loc["jianggan-2020-gov", "单位工业增加值能耗"] == "未设定"
    assert m.loc["jianggan-2020-gov", "固定资产投资"] == "完成上级下达任务"
    # never set by that place: empty, not "absent"
    assert m.loc["shangcheng-2020-gov", "工业增加值"] == ""
    en = compare.target_matrix(corpus.targets, "en").set_index("report_id")
    assert en.loc["jianggan-2014-gov", "Fixed-asset investment"] == "≥10%"
    assert en.loc["jianggan-2020-gov", "Industrial value added"] == "absent"


def test_dropped_targets(corpus):
    d = compare.dropped_targets(corpus.targets)
    assert list(zip(d.report_id, d.indicator, d.previous_target)) == [
        ("jianggan-2020-gov", "industrial_value_added", "5%"), ("jianggan-2020-gov", "industrial_energy_intensity", "−4%")]


def test_ambition(corpus):
    a = compare.ambition(corpus.targets, corpus.actuals).set_index(["report_id", "indicator"])
    # 000: target GDP +7.5% for 2014 against an estimated +7.5% in 2013
    assert a.loc[("jianggan-2014-gov", "gdp"), ["target", "actual", "ambition_pp"]].tolist() == [7.5, 7.5, 0.0]
    # 000: industrial energy use (万元工业增加值能耗) -4% targeted after -7.8% achieved: a smaller cut, 3.8
    # points less demanding (positive ambition always means more demanding)
    row = a.loc[("jianggan-2014-gov", "industrial_energy_intensity")]
    assert (row.target, row.actual, row.harder_is, row.ambition_pp) == (-4.0, -7.8, "lower", -3.8)
    # 001: fixed-asset investment +10% after +0.5%
    assert a.loc[("shangcheng-2020-gov", "fixed_asset_investment"), "ambition_pp"] == 9.5
    # 003: the party report's revenue target +8% (左右) after an estimated +11.71%
    row = a.loc[("xiacheng-2018-party", "fiscal_revenue_total")]
    assert (row.target, row.actual, row.ambition_pp, row.target_qualifier_kind, row.actual_estimated) == (
        8.0, 11.71, -3.71, "approx", True)
    assert ("xiacheng-2018-party", "gdp") not in a.index  # no GDP growth claimed in that report


def test_party_and_government_figures_differ(corpus):
    c = compare.compare_report_types(corpus.actuals, "year").set_index(["place", "year", "indicator", "measure"])
    row = c.loc[("下城区", 2017, "fiscal_revenue_total", "level")]
    assert (row.party_committee_report, row.government_work_report, row.spread) == (152.0, 151.25, 0.75)
    assert c.loc[("上城区", 2012, "gdp", "level")].tolist()[-3:] == [667.87, 675.0, 7.13]
    t = compare.compare_report_types(corpus.targets, "target_year")
    assert set(t.indicator) == {"gdp", "general_budget_revenue", "fixed_asset_investment"}
    assert (t.place == "下城区").all() and (t.spread == 0).all()


def test_format_target():
    row = pd.Series(dict(value=6.0, value_high=6.5, unit="%", qualifier="", qualifier_kind="range", direction="increase"))
    assert compare.format_target(row, "zh") == "6–6.5%"
    row = pd.Series(dict(value=4.5, value_high=float("nan"), unit="%", qualifier="控制在…以内", qualifier_kind="ceiling",
                         direction="level"))
    assert (compare.format_target(row, "zh"), compare.format_target(row, "en")) == ("4.5%以内", "≤4.5%")
