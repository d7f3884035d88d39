"""Extraction measured on the development corpus (``../shared/corpora/cn-gov-reports``).

The gold sample: 60 reports drawn at random with a fixed seed (``benchmarks/gold_sample.py``),
hand-coded before any rule was tuned on them (``tests/fixtures/gold_dev/``, see its CODING.md),
scored with :func:`reportlib.analysis.evaluation.score`. The whole-corpus checks (every file, ~2 minutes)
carry the ``corpus`` marker and run in CI after the test command (``pytest -m corpus``).

Skipped, with the reason printed, where the corpus is absent.
"""

from __future__ import annotations

import re
import warnings
import os
from pathlib import Path

import pandas as pd
import pytest

import reportlib
from reportlib.analysis.evaluation import ACTUAL_KEYS, TARGET_KEYS, comparable, score
from reportlib.tables import registry

from .conftest import FIXTURES, SHARED, check_table_contract, gold

#: ``../shared/corpora`` next to the repository, or the folder that REPORTLIB_CORPORA names.
CORPORA = Path(os.environ.get("REPORTLIB_CORPORA") or SHARED / "corpora")
CORPUS = CORPORA / "cn-gov-reports"
GOLD = FIXTURES / "gold_dev"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the development corpus is not at {CORPUS}")

@pytest.fixture(scope="module")
def sample():
    files = sorted(gold(GOLD / "reports.csv").source_file)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportlib.ReportLibWarning)
        corpus = reportlib.load_corpus([CORPUS / f for f in files])
    source = dict(zip(corpus.reports.report_id, corpus.reports.source_file))
    for name in ("targets", "actuals", "livelihood"):
        getattr(corpus, name)["source_file"] = getattr(corpus, name).report_id.map(source)
    return corpus


@pytest.mark.parametrize("name", registry.NAMES)
def test_table_contract_on_the_gold_sample(sample, name):
    check_table_contract(sample, name)


def test_the_sample_is_drawn_as_documented():
    reports = gold(GOLD / "reports.csv")
    assert len(reports) == 60 and reports.source_file.is_unique
    assert reports.source_file.str.startswith(("provincial/浙江省/", "major-cities/杭州市/", "major-cities/宁波市/",
                                               "major-cities/温州市/")).sum() >= 8
    assert set(reports.level) == {"national", "province", "city"}


def test_targets_f1_on_the_gold_sample(sample):
    s = score(comparable(sample.targets), comparable(gold(GOLD / "targets.csv")), TARGET_KEYS)
    assert s.n_gold == 529
    assert s.f1 >= 0.97 and s.precision >= 0.99, (s, s.missed, s.spurious)


def test_headline_results_f1_on_the_gold_sample(sample):
    extracted = sample.actuals[sample.actuals.indicator != "other"]  # the sample codes canonical results
    s = score(comparable(extracted), comparable(gold(GOLD / "actuals.csv")), ACTUAL_KEYS)
    assert s.n_gold == 939
    assert s.f1 >= 0.95, (s, s.missed, s.spurious)


def test_livelihood_items_f1_on_the_gold_sample(sample):
    items = sample.livelihood
    coded = gold(GOLD / "livelihood.csv")
    # an item matches the hand-coded item of the same report and number whose opening words it holds
    texts = {(r.source_file, str(r.item_no)): re.sub(r"\s", "", r.text) for r in items.itertuples()}
    coded["key"] = [str(r.item_no) if re.sub(r"\s", "", r.item_start)[:6] in texts.get((r.source_file, str(r.item_no)), "")
                    else f"unmatched {r.item_no}" for r in coded.itertuples()]
    items = items.assign(key=items.item_no.astype(str))
    s = score(items, coded, ["source_file", "key"])
    assert s.n_gold == 145
    assert s.f1 >= 0.95, (s, s.missed, s.spurious)


def test_metadata_of_the_gold_sample(sample):
    got = sample.reports.drop_duplicates("source_file").set_index("source_file")
    coded = gold(GOLD / "reports.csv").set_index("source_file")
    for col in ("place", "level", "plan_year", "date", "speaker"):
        truth = coded[col].replace("", None)
        found = got[col].astype("string").reindex(truth.index)
        stated = truth.notna()
        right = (found[stated] == truth[stated].astype("string")).mean()
        assert right >= 0.97, (col, right, pd.DataFrame({"coded": truth, "found": found})[found != truth])


@pytest.mark.parametrize("source_file, field, value", [
    ("major-cities/郑州市/2021.md", "speaker", "侯红"),  # "郑州市人民政府代市长 侯 红": padding spaces
    ("major-cities/郑州市/2021.md", "speaker_title", "代市长"),
    ("provincial/四川省/2017.md", "plan_year", 2018),  # named 2017, delivered 2018-01-26
    ("provincial/四川省/2017.md", "date", "2018-01-26"),
    ("national/2012.md", "place", "全国"),
    ("national/2012.md", "level", "national"),
    ("major-cities/青岛市/2023.md", "date", "2022-12-29"),  # delivered in December: plans 2023
    ("major-cities/青岛市/2023.md", "plan_year", 2023),
])
def test_metadata_values(sample, source_file, field, value):
    row = sample.reports.set_index("source_file").loc[source_file]
    assert row[field] == value


def test_values_read_from_real_sentences(sample):
    t = sample.targets
    # "居民消费价格涨幅控制在3%左右": a price rise is a growth rate, with its qualifier
    cpi = t[(t.source_file == "major-cities/重庆市/2011.md") & (t.indicator == "cpi")].iloc[0]
    assert (cpi.measure, cpi.value, cpi.qualifier_kind) == ("growth", 4.0, "approx")
    # "城乡居民收入分别增长13.5%和18%": two targets, urban and rural
    income = t[(t.source_file == "major-cities/重庆市/2011.md") & (t.indicator == "resident_income")]
    assert sorted(income.value) == [13.5, 18.0]
    # "今年计划国内生产总值比上年增长12%": an old-style plan without a cue
    gdp = t[(t.source_file == "provincial/浙江省/1994.md") & (t.indicator == "gdp")].iloc[0]
    assert (gdp.value, gdp.target_year) == (12.0, 1994)
    a = sample.actuals
    # "2010年达到590.55亿元,比上年增长17.5%" after "年均增长12.4%": the year's figures and the term's apart
    hk = a[(a.source_file == "major-cities/海口市/2011.md") & (a.indicator == "gdp")].set_index("value")
    assert hk.loc[590.55, "period"] == "year" and hk.loc[12.4, "period"] == "multi_year"
    # "初步核算": preliminary figures
    zz = a[(a.source_file == "major-cities/郑州市/2021.md") & (a.indicator == "gdp") & (a.measure == "growth")]
    assert zz.estimated.all()


def test_a_numbered_list_inside_a_shi_point():
    """广州市 2016: "一是办好十件民生实事。…集中力量办好十件民生实事。1.加强食品安全监管;2.…;10.推动体育惠民。"
    gives the ten projects numbered 1 to 10, not the point 一是."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportlib.ReportLibWarning)
        corpus = reportlib.load_corpus([CORPUS / "major-cities/广州市/2016.md"])
    li = corpus.livelihood
    assert list(li.item_no) == list(range(1, 11))
    assert (li.text.iloc[0], li.text.iloc[-1]) == ("加强食品安全监管", "推动体育惠民。")
    ll = corpus.livelihood_lists
    (row,) = ll[ll.n_listed > 0].itertuples()
    assert (row.n_listed, row.n_to_adopt) == (10, 10)


# --- the whole corpus (CI runs these after the test command) -------------------------------

@pytest.fixture(scope="module")
def whole():
    from reportlib.analysis.quality import quality_report

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportlib.ReportLibWarning)
        corpus = reportlib.load_corpus(CORPUS, errors="warn", jobs=2)
    return corpus, quality_report(corpus)


def _share(report, check: str) -> float:
    p = report.per_report
    applies = p[p[f"applies_{check}"]]
    return applies[check].mean()


@pytest.mark.corpus
def test_every_file_loads(whole):
    corpus, _ = whole
    assert corpus.skipped == []
    assert corpus.reports.source_file.nunique() == len(list(CORPUS.rglob("*.md")))


@pytest.mark.corpus
def test_gdp_target_where_the_targets_sentence_states_one(whole):
    _, report = whole
    assert _share(report, "gdp_target") >= 0.99, report.failures[report.failures.check == "gdp_target"]


@pytest.mark.corpus
def test_place_and_plan_year_right(whole):
    corpus, _ = whole
    r = corpus.reports.drop_duplicates("source_file")
    folder_place = r.source_file.str.split("/").str[-2].where(~r.source_file.str.startswith("national/"), "全国")
    assert (r.place.astype("string") == folder_place).mean() >= 0.99
    # the file name gives the year of delivery; a report delivered from October on plans the next
    # year, and a few files are named by the year they review (tests/fixtures/dev_corpus_years.csv,
    # each checked against the date line of the text)
    named = r.source_file.str.extract(r"/(\d{4})[^/]*\.md$")[0].astype(float)
    checked = pd.read_csv(FIXTURES / "dev_corpus_years.csv").set_index("source_file")
    truth = named.copy()
    listed = r.source_file.isin(checked.index)
    truth[listed] = r.source_file[listed].map(checked.plan_year)
    right = (r.plan_year.astype(float) == truth).mean()
    assert right >= 0.99, r[r.plan_year.astype(float) != truth][["source_file", "plan_year", "date"]]


@pytest.mark.corpus
def test_levels_follow_the_folders(whole):
    corpus, _ = whole
    r = corpus.reports
    folder = r.source_file.str.split("/").str[0]
    assert set(r[folder == "national"].level) == {"national"}
    assert set(r[folder == "provincial"].level) == {"province"}
    # major cities: prefecture-level cities and the four municipalities, never a county or district
    assert set(r[folder == "major-cities"].level) == {"city", "province"}
    assert set(r[r.level == "province"][folder == "major-cities"].place) == {"北京市", "天津市", "上海市", "重庆市"}


@pytest.mark.corpus
def test_date_and_speaker_where_stated(whole):
    _, report = whole
    assert _share(report, "date") >= 0.97
    assert _share(report, "speaker") >= 0.97


@pytest.mark.corpus
def test_every_report_has_a_place_code(whole):
    corpus, _ = whole
    r = corpus.reports
    assert r.place_code.notna().all(), r[r.place_code.isna()][["report_id", "place", "date"]]
    assert (r[r.level == "city"].parent_code.str[2:] == "0000").all()  # a city's parent is a province


def _written(value, text: str) -> bool:
    """The value is a quantity of the span, cleaned as the cleaner cleans it: 7.5%, 7万个 for
    70000, 百分之八 for 8, ２$1.$2％ (OCR residue) for 21.2."""
    from reportlib.lang.numbers import find_quantities
    from reportlib.parse.clean import clean_line

    line, _ = clean_line(text, 0, len(text))
    quantities = find_quantities(line.text) if line is not None else []
    found = {round(v, 6) for q in quantities for v in (q.value, q.value_high) if v is not None}
    return round(abs(value), 6) in found


@pytest.mark.corpus
def test_achievement_and_escalation_rows_trace_to_two_source_spans(whole):
    from reportlib.analysis import compare
    from reportlib.read.decode import read_raw

    corpus, _ = whole
    raw = {}

    def source(report_id, start, end):
        if report_id not in raw:
            raw[report_id] = read_raw(corpus.report(report_id).raw.path).text
        return raw[report_id][start:end].replace("\n", "")

    a = compare.achievement(corpus.targets, corpus.actuals, corpus.reports)
    assert len(a) > 5000 and a.met.notna().mean() > 0.9
    for row in a.itertuples(index=False):
        if pd.notna(row.target):
            assert _written(row.target, source(row.target_report_id, row.target_raw_start, row.target_raw_end)), row
        assert _written(row.result, source(row.result_report_id, row.result_raw_start, row.result_raw_end)), row
    e = compare.escalation(corpus.targets, corpus.reports)
    assert set(e.level) == {"province", "city"} and len(e) > 3000
    for row in e.itertuples(index=False):
        assert _written(row.target, source(row.report_id, row.raw_start, row.raw_end)), row
        assert _written(row.parent_target, source(row.parent_report_id, row.parent_raw_start, row.parent_raw_end)), row


@pytest.mark.corpus
def test_the_shipped_panel_is_what_the_corpus_gives_byte_for_byte(whole, tmp_path):
    """``python benchmarks/make_panel.py`` rebuilds the shipped files identically."""
    from reportlib import datasets

    corpus, _ = whole
    tables = datasets.build(corpus.reports, corpus.targets, corpus.actuals, CORPUS)
    written = datasets.write(tables, datasets.describe(tables, GOLD), tmp_path)
    for path in written:
        assert path.read_bytes() == (datasets.PANEL_DIR / path.name).read_bytes(), f"{path.name} differs: rebuild it"
    # every panel row's offsets point into its source file at a sentence that states its value
    targets = datasets.targets()
    texts: dict[str, str] = {}
    for row in targets[targets.value.notna()].sample(500, random_state=1).itertuples():
        text = texts.setdefault(row.source_file, reportlib.read_raw(CORPUS / row.source_file).text)
        assert _written(row.value, text[row.raw_start:row.raw_end].replace("\n", "")), row
