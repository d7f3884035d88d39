"""The open panel shipped in ``reportlib/resources/panel/`` (``reportlib.datasets``): real rows of
real reports, no report text, provenance to the file and the page, and the analyses of
``reportlib.analysis.compare`` on it alone and joined with the bundled corpus.

That the shipped files are what ``benchmarks/make_panel.py`` builds from the development corpus,
byte for byte, is checked in ``tests/test_dev_corpus.py`` (it needs the corpus)."""

from __future__ import annotations

import pandas as pd
import pytest

from reportlib import datasets
from reportlib.analysis import compare
from reportlib.lang import places


@pytest.fixture(scope="module")
def panel():
    return datasets.reports(), datasets.targets(), datasets.actuals()


def test_the_panel_covers_the_development_corpus(panel):
    reports, targets, actuals = panel
    meta = datasets.info()
    assert meta["version"] == datasets.PANEL_VERSION
    assert meta["corpus"]["files"] == 1659 and len(reports) == meta["corpus"]["reports"] == 1661
    assert (len(targets), len(actuals)) == (meta["rows"]["targets"], meta["rows"]["actuals"])
    assert meta["levels"] == {"city": 787, "national": 59, "province": 815}
    assert reports.report_id.is_unique and reports.place_code.notna().all()
    assert set(actuals.indicator) - {"other"} == set(actuals.indicator)  # headline results only


def test_its_accuracy_is_the_gold_sample_score(panel):
    accuracy = datasets.info()["accuracy"]
    assert accuracy["targets"]["gold_rows"] == 529 and accuracy["targets"]["f1"] >= 0.97
    assert accuracy["actuals"]["gold_rows"] == 939 and accuracy["actuals"]["f1"] >= 0.95


def test_a_province_target_with_its_source(panel):
    _, targets, _ = panel
    (row,) = targets[(targets.report_id == "zhejiang-2021-gov") & (targets.indicator == "gdp")].itertuples()
    assert (row.place, row.place_code, row.level, row.target_year) == ("浙江省", "330000", "province", 2021)
    assert (row.value, row.unit, row.qualifier, row.qualifier_kind) == (6.5, "%", "以上", "floor")
    assert row.source_file == "provincial/浙江省/2021.md" and row.source_url.startswith("https://www.zj.gov.cn/")
    assert row.raw_end - row.raw_start == len("生产总值增长6.5%以上")


def test_no_report_text_is_shipped(panel):
    for frame in panel:
        assert "text_span" not in frame.columns
    _, targets, actuals = panel
    for frame in (targets, actuals):
        # the names of indicators and qualifiers as written, never a sentence
        assert frame.indicator_raw.str.len().max() <= 40 and frame.qualifier.dropna().str.len().max() <= 40


def test_achievement_on_the_panel(panel):
    reports, targets, actuals = panel
    a = compare.achievement(targets, actuals, reports)
    (row,) = a[(a.place == "浙江省") & (a.year == 2021) & (a.indicator == "gdp") & (a.measure == "growth")].itertuples()
    assert (row.target, row.result, row.gap, row.met, row.estimated) == (6.5, 8.5, 2.0, True, False)
    assert (row.target_report_id, row.result_report_id) == ("zhejiang-2021-gov", "zhejiang-2022-gov")
    assert (row.result_raw_start, row.result_raw_end) == (421, 441)


def test_escalation_from_the_nation_to_a_district(panel, corpus):
    reports = datasets.with_corpus(corpus.reports, "reports")
    targets = datasets.with_corpus(corpus.targets, "targets")
    e = compare.escalation(targets, reports)
    chain = e[(e.year == 2014) & (e.indicator == "gdp") & e.place.isin(["浙江省", "杭州市", "江干区"])]
    got = {r.place: (r.parent, r.target, r.parent_target, r.escalation_pp) for r in chain.itertuples()}
    assert got == {"浙江省": ("全国", 8.0, 7.5, 0.5), "杭州市": ("浙江省", 8.5, 8.0, 0.5), "江干区": ("杭州市", 7.5, 8.5, -1.0)}
    # the district's row points into the bundled report, its parent's into the panel's
    jianggan = chain[chain.place == "江干区"].iloc[0]
    assert jianggan.report_id == "jianggan-2014-gov" and jianggan.parent_report_id == "hangzhou-2014-gov"
    assert "7.5%" in jianggan.text_span and pd.isna(jianggan.parent_text_span)
    # the crosswalk: 江干区 was split in 2021 between 上城区 and the new 钱塘区
    assert (jianggan.current_code, jianggan.current_place) == ("330102;330114", "上城区;钱塘区")
    y2020 = e[(e.year == 2020) & (e.indicator == "gdp") & (e.level == "district")]
    assert dict(zip(y2020.place, y2020.escalation_pp)) == {"上城区": -1.5, "江干区": -1.0}


def test_with_corpus_keeps_the_corpus_rows_first(corpus):
    joined = datasets.with_corpus(corpus.targets, "targets")
    assert joined.iloc[: len(corpus.targets)].report_id.tolist() == corpus.targets.report_id.tolist()
    assert joined.report_id.str.startswith("zhejiang-").any()


def test_places_today_follow_the_crosswalk():
    assert places.current("330103") == (("330105", "拱墅区"),)
    assert places.current("330183") == (("330111", "富阳区"),)
    assert places.current("510200") == (("500000", "重庆市"),)
    assert places.current("330109") == (("330109", "萧山区"),)  # gave parts away, lives on
    assert places.changed_between("330102", "2020-01", "2022-01")  # 上城区, enlarged 2021-03
    assert not places.changed_between("330102", "2014-01", "2016-01")


def test_a_missing_panel_file_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets, "PANEL_DIR", tmp_path)
    with pytest.raises(datasets.ReportLibError, match="targets.csv is missing"):
        datasets.targets()
