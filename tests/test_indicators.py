"""Phrases to canonical indicators."""

import pytest

from reportlib.lang.indicators import canonical, label, mentioned, vocabulary


@pytest.mark.parametrize(
    "phrase, indicator",
    [
        ("生产总值", "gdp"), ("地区生产总值", "gdp"), ("服务业增加值", "service_value_added"),
        ("地方财政收入", "general_budget_revenue"), ("地方一般公共预算收入", "general_budget_revenue"),
        ("公共财政预算收入", "general_budget_revenue"), ("财政总收入", "fiscal_revenue_total"),
        ("全社会固定资产投资", "fixed_asset_investment"), ("固定资产投资总额", "fixed_asset_investment"),
        ("新增城镇就业岗位", "urban_employment_new"), ("城镇新增就业人数", "urban_employment_new"),
        ("万元工业增加值能耗", "industrial_energy_intensity"), ("单位GDP能耗", "energy_intensity"),
        ("万元生产总值综合能耗", "energy_intensity"),
        # a place named before its GDP, and what is not its GDP
        ("北京市生产总值", "gdp"), ("本地生产总值", "gdp"), ("人均地区生产总值", "other"),
        ("城镇登记失业率", "unemployment_rate"), ("居民消费价格涨幅", "cpi"), ("外贸出口额", "exports"),
        ("进出口总额", "trade_total"), ("实际利用外资", "foreign_investment"),
        ("城乡居民人均可支配收入", "resident_income"),
        # sectors and other measures are not the headline indicators
        ("五大产业增加值", "other"), ("信息服务业增加值", "other"), ("规模以上工业销售产值", "other"),
        ("五大主导产业实现一般公共预算收入", "other"), ("计划生育率", "other"),
    ],
)
def test_canonical(phrase, indicator):
    assert canonical(phrase) == indicator


def test_mentioned_in_running_text():
    found = mentioned("财政总收入和地方财政收入克服政策调控带来的减税因素")
    assert [(i, raw) for i, raw, *_ in found] == [("fiscal_revenue_total", "财政总收入"), ("general_budget_revenue", "地方财政收入")]


def test_vocabulary_has_the_issue_ids_with_labels():
    ids = {"gdp", "service_value_added", "industrial_value_added", "fiscal_revenue_total", "general_budget_revenue",
           "retail_sales", "fixed_asset_investment", "urban_employment_new", "unemployment_rate", "cpi",
           "energy_intensity", "exports", "foreign_investment", "resident_income", "other"}
    assert ids <= set(vocabulary())
    assert label("general_budget_revenue", "en") == "General public budget revenue"
    assert label("gdp", "zh") == "地区生产总值"


def test_a_researcher_can_add_indicators(tmp_path):
    from reportlib.lang import indicators

    path = tmp_path / "mine.csv"
    path.write_text("indicator,label_zh,label_en,aliases,heads\n"
                    "tourism_revenue,旅游总收入,Tourism revenue,旅游总收入|旅游收入,\n"
                    "gdp,,,经济总量,\n", encoding="utf-8")
    assert canonical("旅游总收入") == "other"
    try:
        indicators.add_vocabulary(path)
        assert canonical("旅游总收入") == "tourism_revenue" and label("tourism_revenue", "en") == "Tourism revenue"
        assert canonical("经济总量") == "gdp" and canonical("地区生产总值") == "gdp"  # extended, not replaced
        assert label("gdp", "zh") == "地区生产总值"
    finally:
        indicators.reset_vocabulary()
    assert canonical("旅游总收入") == "other"


def test_a_bad_vocabulary_file_is_named(tmp_path):
    from reportlib import ReportLibError
    from reportlib.lang import indicators

    path = tmp_path / "bad.csv"
    path.write_text("name,alias\nx,y\n", encoding="utf-8")
    with pytest.raises(ReportLibError, match="bad.csv: an indicator vocabulary needs the columns"):
        indicators.add_vocabulary(path)
