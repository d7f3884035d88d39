"""The growth-target figures, in both languages, from the seeds' tables."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from reportlib.analysis import compare
from reportlib.show import figures, plots# noqa: E402


@pytest.fixture(autouse=True)
def style():
    figures.set_style()
    yield
    plt.close("all")


def texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts + ax.get_yticklabels() + ax.get_xticklabels()]


def test_target_heatmap_shows_every_target_and_the_dropped_ones(corpus):
    zh = texts(plots.target_heatmap(*compare.target_grid(corpus.targets, "zh"), "zh"))
    assert "10%以上" in zh and "8%左右" in zh and "−4%" in zh
    assert zh.count("未设定") == 2  # Jianggan 2020 dropped industrial value added and energy intensity
    assert "完成上级\n下达任务" in zh
    assert "江干区 2020 政府工作报告" in zh
    fig = plots.target_heatmap(*compare.target_grid(corpus.targets, "en"), "en")
    en = texts(fig)
    assert en.count("absent") == 2 and "≥10%" in en and "24500\nunits" in en  # the unit on its own line
    assert "Jianggan District 2020 Government report" in en
    # a decrease (energy intensity −4%) on the other side of a scale centred at zero
    mesh = fig.axes[0].collections[0]
    assert mesh.norm.vmin == -mesh.norm.vmax < 0
    (legend,) = fig.legends  # what grey, uncoloured and blank cells mean
    assert [t.get_text() for t in legend.get_texts()] == [
        "absent: set in the previous report of the type, not in this one", "no colour: a qualitative or level target",
        "blank: set in neither"]


def test_ambition_chart(corpus):
    fig = plots.ambition_chart(compare.ambition(corpus.targets, corpus.actuals), "en")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[:2] == ["GDP", "Service sector value added"]
    widths = sorted(round(p.get_width(), 2) for p in fig.axes[0].patches if p.get_height() > 0 and p.get_width() != 0)
    assert widths[0] == -6.1 and widths[-1] == 9.5  # Jianggan 2014 fiscal revenue; Shangcheng 2020 investment
    ambition = compare.ambition(corpus.targets, corpus.actuals)
    assert len(fig.axes[0].patches) == len(ambition)  # one bar per target, no empty dodge slots
    zero = (ambition.ambition_pp == 0).sum()  # Jianggan 2014 GDP: 7.5% after 7.5%
    assert zero == 1 and len(fig.axes[0].get_lines()) == zero + 1  # a stroke at zero, and the zero line


def test_type_comparison_chart(corpus):
    fig = plots.type_comparison_chart(compare.compare_report_types(corpus.actuals, "year"), "year", "zh")
    labels = texts(fig)
    assert "下城区 2017: 财政总收入" in labels and "上城区 2012: 地区生产总值" in labels
    assert [ax.get_title() for ax in fig.axes] == ["增长率", "总量"]


def test_empty_selections_draw_a_note_not_an_error(corpus):
    empty = pd.DataFrame(columns=["report_id"])
    for fig in (plots.ambition_chart(empty, "en"), plots.type_comparison_chart(empty, "year", "en"),
                plots.target_heatmap(*compare.target_grid(corpus.targets.iloc[0:0], "en"), "en")):
        assert [t.get_text() for ax in fig.axes for t in ax.texts] == ["No comparable data in the selected reports"]


def test_livelihood_figures(corpus):
    from reportlib.analysis import livelihood as lv

    heat = plots.domain_heatmap(lv.domain_matrix(corpus.livelihood), "en")
    assert [t.get_text() for t in heat.axes[0].get_yticklabels()] == ["Jianggan District", "Shangcheng District",
                                                                     "Xiacheng District"]
    assert "Housing" in texts(heat) and "4" in texts(heat)
    # per list: 江干区 has two lists (2014, 2020), each other place one
    per_list = lv.domain_matrix(corpus.livelihood, per_list=True)
    assert per_list.loc["江干区", "housing"] == 2.0 and per_list.loc["江干区", "health"] == 0.5
    heat = plots.domain_heatmap(per_list, "en", n_lists=lv.lists_per(corpus.livelihood))
    assert [t.get_text() for t in heat.axes[0].get_yticklabels()] == [
        "Jianggan District (2 lists)", "Shangcheng District (1 list)", "Xiacheng District (1 list)"]
    assert heat.axes[1].get_ylabel() == "Items per list" and "0.5" in texts(heat)
    items = plots.items_per_report_chart(corpus.livelihood_lists, "zh")
    assert "下城区 2018 政府工作报告" in texts(items)
    assert sorted(p.get_width() for p in items.axes[0].patches) == [10, 10, 12, 12]
    sel = plots.selection_chart(lv.selection_comparison(corpus.livelihood), "en")
    assert [t.get_text() for t in sel.axes[0].get_yticklabels()] == ["Chosen by deputies' vote (3 reports, 34 items)",
                                                                    "Chosen by the government (1 report, 10 items)"]
    # the 7 largest domains in their own colour-blind-safe colours, the other 5 as one grey
    colors = {tuple(round(c, 3) for c in p.get_facecolor()[:3]) for p in sel.axes[0].patches}
    assert len(colors) == plots.SELECTION_DOMAINS + 1 and (0.75, 0.75, 0.75) in colors
    legend = [t.get_text() for t in sel.axes[0].get_legend().get_texts()]
    assert legend[0] == "Housing" and legend[-1] == "Other domains" and len(legend) == 8
    q = plots.quantified_chart(lv.quantified_by_domain(corpus.livelihood, corpus.quantities), "zh")
    assert "住房保障" in texts(q)


def test_rhetoric_figures(corpus):
    from reportlib.analysis import rhetoric as rh

    tf = rh.term_frequencies(corpus, ["最多跑一次", "五水共治", "三改一拆"])
    heat = plots.term_heatmap(tf, corpus.reports, "en")
    assert "最多跑一次 (at most one trip (administrative reform))" in texts(heat)
    assert "Xiacheng District 2018 Government report" in texts(heat) and "6" in texts(heat)
    trends = plots.term_trends(tf, "zh")
    assert [ax.get_title() for ax in trends.axes] == ["江干区", "上城区", "下城区"]
    assert trends.axes[2].get_xlim() == (2017.0, 2019.0)  # one year: a sensible axis
    k = rh.keyness(corpus, lambda r: r.metadata.report_type == "party_committee_report",
                   lambda r: r.metadata.report_type == "government_work_report", cache=False)
    chart = plots.keyness_chart(k, 5, "en")
    assert len(chart.axes[0].patches) == 10 and any(t.startswith("党建 (") for t in texts(chart))  # glossed in English


def test_target_grid_is_what_the_heatmap_colours(corpus):
    cells, values = compare.target_grid(corpus.targets, "zh")
    assert list(cells.index) == list(values.index) and list(cells.columns) == list(values.columns)
    assert cells.loc["江干区 2014 政府工作报告", "地区生产总值"] == "7.5%"
    assert values.loc["江干区 2014 政府工作报告", "地区生产总值"] == 7.5
    assert (cells == "未设定").sum().sum() == 2


def test_corpus_overview_figures_in_both_languages(corpus):
    from reportlib.analysis.parts import part_shares, part_sizes

    zh, en = (texts(plots.report_sizes(corpus.reports, lg)) for lg in ("zh", "en"))
    assert "下城区 2018 党委全会报告" in zh and "Xiacheng District 2018 Party committee report" in en
    shares = part_shares(part_sizes(corpus.paragraphs), corpus.reports["report_id"])
    assert list(shares.columns) == ["review", "plan", "livelihood", "glossary", "other"]
    assert shares.loc["shangcheng-2013-npc", ["plan", "livelihood"]].tolist() == [0.0, 0.0]  # reviews only
    assert ((shares.sum(axis=1) - 1).abs() < 1e-5).all()
    fig = plots.report_parts(shares, corpus.reports, "en")
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == [
        "Review of the past year", "Plan for the coming year", "Livelihood projects", "Glossary", "Other"]


def test_achievement_and_escalation_figures(corpus):
    """Notebooks 05 and 06: the bundled districts joined with the open panel."""
    from reportlib import datasets
    from reportlib.show import across_reports

    reports, targets, actuals = datasets.combined(corpus)
    chains = compare.escalation_chains(compare.escalation(targets, reports), "gdp", limit=4)
    en = texts(across_reports.chain_chart(chains, "en"))
    assert "Jianggan District 2014 (now Shangcheng District, Qiantang District)" in en
    assert "Xiacheng District 2018 (now Gongshu District)" in en and "Shangcheng District 2020" in en
    zh = texts(across_reports.chain_chart(chains, "zh"))
    assert "江干区 2014 (今属 上城区、钱塘区)" in zh
    a = compare.achievement(targets, actuals, reports)
    rates = {by: compare.met_rates(a, by) for by in ("indicator", "qualifier_kind", "level")}
    fig = across_reports.met_rate_chart(rates, "en")
    assert [ax.get_title() for ax in fig.axes] == ["By indicator", "By qualifier", "By level"]
    assert len(fig.axes[0].patches) == across_reports.TOP_GROUPS  # the rest are in the table
    assert "Ceiling (≤)" in texts(fig) and fig.get_size_inches()[0] <= 7
    gaps = across_reports.gap_histogram(compare.growth_gaps(a), "en")
    assert gaps.axes[0].get_title().startswith("Within 0.5 pp above: ")
    empty = a.iloc[0:0]
    for fig in (across_reports.met_rate_chart({"level": compare.met_rates(empty, "level")}, "en"),
                across_reports.gap_histogram(compare.growth_gaps(empty), "en"),
                across_reports.escalation_chart(compare.escalation(targets.iloc[0:0]), "gdp", "en"),
                across_reports.chain_chart(chains.iloc[0:0], "en")):
        assert [t.get_text() for ax in fig.axes for t in ax.texts] == ["No comparable data in the selected reports"]


def test_reports_in_place_then_year_order_and_shares_in_percent(corpus):
    """Never file order: by place (romanized, so both languages agree), year, then type."""
    from reportlib.analysis.parts import part_shares, part_sizes

    expected = ["Jianggan District 2014 Government report", "Jianggan District 2020 Government report",
                "Shangcheng District 2013 Party committee report", "Shangcheng District 2013 Government report",
                "Shangcheng District 2013 People's congress SC report", "Shangcheng District 2013 CPPCC SC report",
                "Shangcheng District 2020 Government report", "Xiacheng District 2018 Party committee report",
                "Xiacheng District 2018 Government report"]
    sizes = plots.report_sizes(corpus.reports, "en")
    assert [t.get_text() for t in sizes.axes[0].get_yticklabels()] == expected
    parts = plots.report_parts(part_shares(part_sizes(corpus.paragraphs), corpus.reports["report_id"]), corpus.reports, "en")
    assert [t.get_text() for t in parts.axes[0].get_yticklabels()] == expected
    assert parts.axes[0].get_xlim() == (0, 100) and parts.axes[0].get_xlabel() == "Share (%)"
    zh = plots.report_sizes(corpus.reports, "zh")
    assert [t.get_text() for t in zh.axes[0].get_yticklabels()][:3] == ["江干区 2014 政府工作报告", "江干区 2020 政府工作报告",
                                                                        "上城区 2013 党委全会报告"]
    matrix = compare.target_matrix(corpus.targets, "en")
    # the reports that set targets; the party committee's before the government's of the same year
    assert list(matrix.report_id) == ["jianggan-2014-gov", "jianggan-2020-gov", "shangcheng-2020-gov",
                                      "xiacheng-2018-party", "xiacheng-2018-gov"]
