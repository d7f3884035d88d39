"""Targets, headline results and commitments on the seeds, measured against hand-coded tables."""

import pandas as pd
import pytest

from reportlib.analysis.evaluation import score

from .conftest import FIXTURES, gold, load_text, squeeze

TARGET_KEYS = ["report_id", "indicator", "indicator_raw", "measure", "direction", "value", "value_high", "unit",
               "qualifier", "qualifier_kind", "is_sub"]
ACTUAL_KEYS = ["report_id", "indicator", "indicator_raw", "measure", "direction", "value", "unit", "qualifier_kind",
               "estimated"]


def test_every_target_matches_the_hand_coding(corpus):
    s = score(corpus.targets, gold(FIXTURES / "gold_targets.csv"), TARGET_KEYS)
    assert (s.n_gold, s.precision, s.recall) == (33, 1.0, 1.0), (s.missed, s.spurious)


def test_every_headline_result_matches_the_hand_coding(corpus):
    s = score(corpus.actuals, gold(FIXTURES / "gold_actuals.csv"), ACTUAL_KEYS)
    assert (s.n_gold, s.precision, s.recall) == (82, 1.0, 1.0), (s.missed, s.spurious)


def test_score_reports_what_differs(corpus):
    g = gold(FIXTURES / "gold_targets.csv")
    g.loc[0, "value"] = "7.0"  # a wrong hand-coded value: one miss, one spurious row
    s = score(corpus.targets, g, TARGET_KEYS)
    assert (s.n_matched, len(s.missed), len(s.spurious)) == (32, 1, 1)
    assert s.spurious.iloc[0].text_span == "生产总值增长7.5%"


def rows(df, report_id, indicator_raw):
    return df[(df.report_id == report_id) & (df.indicator_raw == indicator_raw)]


def test_target_years_and_provenance(corpus):
    t = corpus.targets
    assert t.groupby("report_id").target_year.first().to_dict() == {
        "jianggan-2014-gov": 2014, "shangcheng-2020-gov": 2020, "jianggan-2020-gov": 2020,
        "xiacheng-2018-party": 2018, "xiacheng-2018-gov": 2018}
    for r in corpus:
        raw = r.raw.text
        for row in t[t.report_id == r.report_id].itertuples():
            assert r.text[row.start : row.end] == row.text_span
            # the raw span holds the same words, up to cleaning (spaces, page breaks)
            assert squeeze(raw[row.raw_start : row.raw_end]) == squeeze(row.text_span)


def test_the_target_a_page_break_split(corpus):
    (gdp,) = rows(corpus.targets, "xiacheng-2018-gov", "地区生产总值").itertuples()
    raw = corpus.report("xiacheng-2018-gov").raw.text
    assert raw[gdp.raw_start : gdp.raw_end] == "地区\n\n生产总值增长6%"


def test_estimated_and_years_of_results(corpus):
    a = corpus.actuals
    party = a[a.report_id == "xiacheng-2018-party"]
    # "全年预计完成…": the summary's figures are estimates; a later sentence's are not
    assert party[party.value != 2.10].estimated.all()
    assert not party[party.indicator_raw == "新增就业"].estimated.any()
    assert not a[a.report_id == "xiacheng-2018-gov"].estimated.any()
    assert set(a.period) == {"year"}  # the seeds review one year
    assert a.groupby("report_id").year.first().to_dict() == {
        "jianggan-2014-gov": 2013, "shangcheng-2020-gov": 2019, "xiacheng-2018-party": 2017,
        "xiacheng-2018-gov": 2017, "shangcheng-2013-party": 2012, "shangcheng-2013-gov": 2012}


def test_sector_figures_are_not_headline_results(corpus):
    a = corpus.actuals
    s2020 = a[a.report_id == "shangcheng-2020-gov"]
    # 五大主导产业, "金融服务业持续做强,完成一般公共预算收入18.08亿元", 健康服务业's 3.44亿元
    assert not {49.19, 18.08, 3.44} & set(s2020.value)
    assert 4.49 in set(s2020.value)  # "全年实际到位外资4.49亿美元", later in the review, is the district's


@pytest.mark.parametrize(
    "report_id, verb, obj, value, unit, qualifier, written, part, section",
    [
        # the livelihood list: "…确保年内完成:一是新开工建设安置房50万平方米、竣工40万平方米,…;
        # 二是新增公共停车泊位1500个以上;三是完成13条河道清淤和治理;…"
        ("jianggan-2014-gov", "新增", "公共停车泊位", 1500, "个", "以上", "1500个以上", "livelihood", None),
        ("jianggan-2014-gov", "新开工建设", "安置房", 50, "万平方米", "", "50万平方米", "livelihood", None),
        ("jianggan-2014-gov", "竣工", "安置房", 40, "万平方米", "", "40万平方米", "livelihood", None),  # the object carries over
        ("jianggan-2014-gov", "完成", "河道清淤和治理", 13, "条", "", "13条", "livelihood", None),  # the counted thing follows 条
        # "提升产业招商能力。…实现区外到位资金180亿元,实际利用外资2.8 亿美元。" (a space in the file)
        ("jianggan-2014-gov", "实际利用", "外资", 2.8, "亿美元", "", "2.8亿美元", "plan", "围绕质量效益,积极构建现代产业体系"),
        # "9. 新增500个公共停车泊位;新建电动汽车智能充电桩…"
        ("xiacheng-2018-gov", "新增", "公共停车泊位", 500, "个", "", "500个", "livelihood", "办好民生实事项目"),
        # "改善老旧高层住宅小区水质,完成二次供水改造工程10个,惠及居民2000余户。"
        ("shangcheng-2020-gov", "完成", "二次供水改造工程", 10, "个", "", "10个", "plan", "全力以赴提升城区环境,打造有机更新新高地"),
    ],
)
def test_each_commitment_is_one_row_with_its_span_part_and_section(corpus, report_id, verb, obj, value, unit, qualifier,
                                                                   written, part, section):
    c = corpus.commitments
    hit = c[(c.report_id == report_id) & (c.verb == verb) & (c.object == obj) & (c.value == value) & (c.unit == unit)]
    (row,) = hit.itertuples()  # stated once, tabulated once
    assert (row.qualifier, row.part) == (qualifier, part)
    assert corpus.text(report_id)[row.start : row.end] == row.text_span
    assert verb in row.text_span and obj in row.text_span and written in row.text_span
    s = corpus.sections
    (sec,) = s[(s.report_id == report_id) & (s.section_no == row.section_no)].itertuples()
    assert (None if pd.isna(sec.heading) else sec.heading, sec.part) == (section, part)


def test_commitments_leave_out_names_slogans_and_targets(corpus):
    c = corpus.commitments
    assert not c.text_span.str.contains("全会").any()  # 十八届三中全会: a name, not a count
    assert not c.text_span.str.contains("八项规定").any()
    assert not c.text_span.str.contains("主要预期").any()  # targets are in the targets table
    assert set(c.part) <= {"plan", "livelihood"}


def test_reports_without_targets_give_zero_rows(corpus, tmp_path):
    assert set(corpus.targets.report_id) == {"jianggan-2014-gov", "shangcheng-2020-gov", "jianggan-2020-gov",
                                              "xiacheng-2018-party", "xiacheng-2018-gov"}
    npc = corpus.select(report_types="npc_standing_committee_report")
    for table in (npc.targets, npc.actuals, npc.commitments):
        assert len(table) == 0 and "report_id" in table.columns
    plan = load_text(tmp_path, "各位代表:\n\n2019年工作重点\n\n新的一年,我们要坚持稳中求进,推动高质量发展。", name="plan.txt")
    assert len(plan.targets) == 0


def test_tabulate_writes_the_target_tables(tmp_path):
    from reportlib.run import cli

    assert cli.main(["tabulate", "--out", str(tmp_path)]) == 0
    t = pd.read_csv(tmp_path / "targets.csv")
    row = t[(t.report_id == "jianggan-2014-gov") & (t.indicator == "fixed_asset_investment")].iloc[0]
    assert (row.value, row.unit, row.direction, row.qualifier, row.qualifier_kind) == (10, "%", "increase", "以上", "floor")
    assert list(pd.read_csv(tmp_path / "actuals.csv").columns[:5]) == ["report_id", "place", "report_type", "year", "indicator"]
    assert (tmp_path / "commitments.csv").stat().st_size > 1000
