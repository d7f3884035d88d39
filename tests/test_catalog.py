"""Metadata from the caller: a catalog CSV and path templates fill what the text leaves empty."""

import shutil
import warnings

import pandas as pd
import pytest

import reportlib
from reportlib.read.catalog import from_pattern, read_catalog

from .conftest import seed

# The main-targets sentence as a news item quotes it (the example), with no header.
EXCERPT = "今年经济社会发展的主要预期目标是:地区生产总值增长7%;一般公共预算收入增长6%;城镇新增就业1.2万人。\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "安吉县").mkdir()
    (tmp_path / "安吉县" / "2019.txt").write_text(EXCERPT, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    shutil.copy(seed("002"), tmp_path / "seeds" / seed("002").name)
    return tmp_path


def load(folder, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", reportlib.ReportLibWarning)
        corpus = reportlib.load_corpus(folder, **kw)
    return corpus, [str(w.message) for w in caught]


def test_a_path_pattern_gives_place_and_year_to_an_excerpt(folder):
    corpus, _ = load(folder, path_pattern="{place}/{year}.txt")
    r = corpus.reports.set_index("source_file").loc["安吉县/2019.txt"]
    assert (r.report_id, r.place, r.level, r.plan_year) == ("anji-2019-report", "安吉县", "county", 2019)
    t = corpus.targets[corpus.targets.report_id == "anji-2019-report"]
    assert t.set_index("indicator").loc["gdp", "value"] == 7.0
    assert set(t.target_year) == {2019} and set(t.place) == {"安吉县"}
    assert corpus.report("anji-2019-report").metadata.place_source == "catalog"


def test_a_catalog_adds_columns_and_the_text_wins_with_a_warning(folder):
    name = f"seeds/{seed('002').name}"
    catalog = folder / "catalog.csv"
    pd.DataFrame({"file": [name, "安吉县/2019.txt"], "plan_year": ["2019", "2019"], "place": ["", "安吉县"],
                  "collector": ["archive A", "news B"]}).to_csv(catalog, index=False)
    corpus, messages = load(folder, metadata=catalog)
    reports = corpus.reports.set_index("source_file")
    seeded = reports.loc[name]
    # the text says 2020 (jianggan-2020-gov); the catalog's 2019 is reported, not taken
    assert (seeded.report_id, seeded.plan_year, seeded.collector) == ("jianggan-2020-gov", 2020, "archive A")
    assert any("plan_year: the text says 2020, the caller's metadata 2019; kept 2020" in m for m in messages)
    assert reports.loc["安吉县/2019.txt", "collector"] == "news B"


def test_workers_and_the_cache_see_the_same_metadata(folder, tmp_path_factory):
    plain, _ = load(folder, path_pattern="{place}/{year}.txt")
    parallel, _ = load(folder, path_pattern="{place}/{year}.txt", jobs=2)
    cached, _ = load(folder, path_pattern="{place}/{year}.txt", cache=tmp_path_factory.mktemp("cache"))
    cols = ["report_id", "place", "level", "plan_year"]
    for other in (parallel, cached):
        pd.testing.assert_frame_equal(plain.reports[cols], other.reports[cols])
        assert other.report("anji-2019-report").metadata.plan_year == 2019  # parsed again, lazily
    assert list(cached.targets.report_id) == list(plain.targets.report_id)


def test_patterns_fit_the_end_of_a_path():
    assert from_pattern("{place}/{year}.md", "provincial/浙江省/2015.md") == {"place": "浙江省", "plan_year": 2015}
    assert from_pattern("**/{place}/*.md", "a/b/杭州市/report.md") == {"place": "杭州市"}
    assert from_pattern("{place}/{year}.md", "杭州市/notes.txt") == {}


def test_bad_metadata_is_named(folder, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,place\nx.txt,杭州市\n", encoding="utf-8")
    with pytest.raises(reportlib.ReportLibError, match="needs a column naming each file"):
        read_catalog(bad)
    missing = tmp_path / "missing.csv"
    missing.write_text("file,place\nnot/there.txt,杭州市\n", encoding="utf-8")
    with pytest.raises(reportlib.ReportLibError, match="not in the corpus: not/there.txt"):
        reportlib.load_corpus(folder, metadata=missing)
    year = tmp_path / "year.csv"
    year.write_text("file,plan_year\n安吉县/2019.txt,二〇一九\n", encoding="utf-8")
    with pytest.raises(reportlib.ReportLibError, match="plan_year must be a year"):
        reportlib.load_corpus(folder, metadata=year)
