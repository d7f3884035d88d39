"""Tables for papers: CSV with the machine names, LaTeX in both languages a reader can set."""

from __future__ import annotations

import re

from reportlib.analysis import compare, livelihood
from reportlib.io.export import save_table


def test_latex_tables_in_both_languages_with_readable_headers(corpus, tmp_path):
    ambition = compare.ambition(corpus.targets, corpus.actuals)
    save_table(ambition, "02_ambition", tmp_path, latex=True)
    csv_head = (tmp_path / "02_ambition.csv").read_text(encoding="utf-8").splitlines()[0]
    assert csv_head.startswith("report_id,place,report_type,target_year,indicator")  # machine names stay
    en = (tmp_path / "02_ambition_en.tex").read_text(encoding="utf-8")
    zh = (tmp_path / "02_ambition_zh.tex").read_text(encoding="utf-8")
    assert "Report & Place & Report type & Target year & Indicator & Target & Last year's result" in en
    assert "报告 & 地区 & 报告类型 & 目标年份 & 指标 & 目标 & 上年实绩" in zh
    # 万元工业增加值能耗 −4% after −7.8%: the minus typeset, the row in the reader's words
    assert ("jianggan-2014-gov & Jianggan District & Government report & 2014 & Industrial energy intensity & $-$4 "
            "& $-$7.8 & Point & yes & lower & $-$3.8") in en
    assert "江干区 & 政府工作报告 & 2014 & 单位工业增加值能耗 & $-$4 & $-$7.8 & 确数 & 是 & 更低 & $-$3.8" in zh
    for tex in (en, zh):
        header = tex.split("\\midrule")[0]
        assert not re.search(r"[a-z]+\\_[a-z]+", header), header  # no snake_case headers
        assert "−" not in tex and "\\begin{tabular}{lllrlrrllll}" not in tex
        assert "{lllrlrrlllr}" in tex  # numbers right-aligned


def test_the_wide_selection_table_is_typeset_with_domains_as_rows(corpus, tmp_path):
    items = corpus.livelihood
    wide = livelihood.selection_comparison(items)
    assert len(wide.columns) > 12  # too wide for a page
    long = livelihood.selection_by_domain(items)
    assert list(long.columns) == ["domain", "deputies_vote_items", "deputies_vote_pct", "government_items",
                                  "government_pct"]
    housing = long.set_index("domain").loc["housing"]
    assert (housing.deputies_vote_items, housing.government_items) == (8, 1)  # of 34 and 10 items
    assert (housing.deputies_vote_pct, housing.government_pct) == (23.5, 10.0)
    save_table(wide, "03_selection_comparison", tmp_path, latex=lambda lg: livelihood.selection_by_domain(items))
    en = (tmp_path / "03_selection_comparison_en.tex").read_text(encoding="utf-8")
    assert "Domain & Items (vote) & Share (vote) (\\%) & Items (government) & Share (government) (\\%)" in en
    assert "Housing & 8 & 23.5 & 1 & 10 \\\\" in en
