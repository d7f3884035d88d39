"""Loading the bundled corpus: 9 reports with the metadata their own texts state."""

import hashlib
import re

import pytest

import reportlib
from reportlib.parse.clean import fold_width

from .conftest import DATA, SHARED, checksums, seed, squeeze

# The metadata each report states about itself: tests/fixtures/metadata_cases.csv (test_metadata.py).
REPORT_IDS = ["jianggan-2014-gov", "shangcheng-2020-gov", "jianggan-2020-gov", "xiacheng-2018-party",
              "xiacheng-2018-gov", "shangcheng-2013-party", "shangcheng-2013-npc", "shangcheng-2013-gov",
              "shangcheng-2013-cppcc"]

#: The header line of each dated report that states its date, as printed in its file, and that date.
DATE_LINES = {
    "jianggan-2014-gov": ("2014年1月20日在江干区第十四届人民代表大会第三次会议上", "2014-01-20"),
    "xiacheng-2018-party": ("(2017年12月29日)", "2017-12-29"),
    "xiacheng-2018-gov": ("(2018年1月30日)", "2018-01-30"),
    "shangcheng-2013-party": ("(2013年1月5日)", "2013-01-05"),
    "shangcheng-2013-npc": ("(2013年1月23日)", "2013-01-23"),
    "shangcheng-2013-gov": ("(2013 年 1 月 21 日)", "2013-01-21"),
    "shangcheng-2013-cppcc": ("(2013年1月21日)", "2013-01-21"),
}
_WRITTEN_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def test_bundled_raw_files_match_data_sha256sums():
    sums = checksums()
    assert sorted(p.name for p in DATA.glob("*.txt")) == sorted(sums)
    for name, digest in sums.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest


def test_bundled_raw_files_are_byte_identical_to_their_sources():
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"the sources of the bundled files (a folder {seeds}) are not around")
    for name in checksums():
        assert (seeds / name).read_bytes() == (DATA / name).read_bytes(), name


def test_nine_reports_in_file_order(corpus):
    assert corpus.report_ids == REPORT_IDS
    assert len(corpus) == 9


def test_evidence_lines_come_from_the_raw_text_and_the_date_line_states_the_date(corpus):
    """Every metadata value that was read from a line points at a line of its own report; the
    date's evidence is the header line stating it, whose year, month and day are the date."""
    dated = {}
    for r in corpus:
        raw = r.raw.text
        start, end = r.paragraphs[0].raw_start, r.paragraphs[-1].raw_end
        for e in r.metadata.evidence:
            if e.paragraph is not None:
                p = r.paragraphs[e.paragraph]
                assert start <= p.raw_start < p.raw_end <= end
                assert e.line.startswith(p.text[:20]) or p.text.startswith(e.line[:20])
        evidence = [e for e in r.metadata.evidence if e.field == "date"]
        if r.metadata.date is None:
            assert evidence == []
            continue
        (e,) = evidence
        printed, date = DATE_LINES[r.report_id]
        assert squeeze(e.line) == squeeze(fold_width(printed)) == squeeze(r.paragraphs[e.paragraph].text)
        assert printed in raw[start:end]
        year, month, day = (int(n) for n in _WRITTEN_DATE.search(squeeze(printed)).groups())
        assert f"{year:04d}-{month:02d}-{day:02d}" == date == e.value == r.metadata.date
        dated[r.report_id] = r.metadata.date
    assert dated == {rid: date for rid, (_, date) in DATE_LINES.items()}
    assert (dated["jianggan-2014-gov"], dated["xiacheng-2018-party"]) == ("2014-01-20", "2017-12-29")


def test_reports_do_not_overlap_and_cover_their_files(corpus):
    by_file: dict[str, list] = {}
    for r in corpus:
        by_file.setdefault(r.source_file, []).append((r.paragraphs[0].raw_start, r.paragraphs[-1].raw_end))
    for spans in by_file.values():
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    # 003's two reports: the party report ends with its glossary, the government report starts at its title
    (party, gov) = [r for r in corpus if r.source_file.startswith("003")]
    assert party.paragraphs[-1].text.startswith("“四种形态”:")
    assert gov.paragraphs[0].text == "政府工作报告"


def test_warnings_for_reports_without_header():
    with pytest.warns(reportlib.ReportLibWarning, match="no header") as caught:
        corpus = reportlib.load_corpus()
    assert {str(w.message).split(" ")[0] for w in caught} == {"001_1414ce5ab7516e0e.txt", "002_4e54d764820ff8e8.txt"}
    rows = corpus.reports.set_index("report_id")
    assert rows.loc["shangcheng-2020-gov", "n_warnings"] == 1
    assert rows.loc["xiacheng-2018-gov", "n_warnings"] == 0


def test_place_sources(corpus):
    rows = corpus.reports.set_index("report_id")
    assert rows.loc["jianggan-2014-gov", "place_source"] == "header"
    assert rows.loc["shangcheng-2020-gov", "place_source"] == "body"  # "我代表上城区人民政府"
    assert rows.loc["jianggan-2020-gov", "place_source"] == "bare_name"  # "江干" ×8, "全区", "区委"
    assert rows.loc["xiacheng-2018-gov", "city"] == "杭州市"  # "在杭州市下城区第十五届…"


def test_tables_carry_provenance(corpus):
    """The raw span of every sentence holds the sentence (modulo the cleaning)."""
    for r in corpus:
        raw = r.raw.text
        s = corpus.sentences[corpus.sentences.report_id == r.report_id]
        for row in s.sample(n=min(40, len(s)), random_state=0).itertuples():
            source = fold_width(raw[row.raw_start : row.raw_end])
            assert squeeze(row.text) == squeeze(source).replace("**", "").replace("#", "")
            assert r.text[row.start : row.end] == row.text


def test_select(corpus):
    gov = corpus.select(report_types="government_work_report")
    assert gov.report_ids == ["jianggan-2014-gov", "shangcheng-2020-gov", "jianggan-2020-gov",
                              "xiacheng-2018-gov", "shangcheng-2013-gov"]
    assert corpus.select(places=["下城区"]).report_ids == ["xiacheng-2018-party", "xiacheng-2018-gov"]
    assert corpus.select(years=2020).report_ids == ["shangcheng-2020-gov", "jianggan-2020-gov"]
    assert corpus.select(places="上城区", years=[2013]).report_ids == corpus.select(years=2013).report_ids
    with pytest.raises(reportlib.ReportLibError, match="unknown report type"):
        corpus.select(report_types="gov")


def test_select_by_year_is_the_year_of_the_report_ids(corpus):
    # the year a report is delivered in, as its id says: the four Shangcheng reports of January 2013
    # (plan year 2013, reviewing 2012) are in 2013, not in 2012
    assert corpus.select(years=2013).report_ids == [
        "shangcheng-2013-party", "shangcheng-2013-npc", "shangcheng-2013-gov", "shangcheng-2013-cppcc"]
    assert corpus.select(years=2012).report_ids == []
    assert list(corpus.reports.loc[corpus.reports.place == "上城区", "year"]) == [2020, 2013, 2013, 2013, 2013]
    for rid, year in zip(corpus.reports.report_id, corpus.reports.year):
        assert rid.split("-")[1] == str(year)
        assert rid in corpus.select(years=year).report_ids


def test_loading_is_deterministic(tmp_path, corpus):
    a, b = tmp_path / "a", tmp_path / "b"
    corpus.to_csv(a)
    with pytest.warns(reportlib.ReportLibWarning):
        reportlib.load_corpus().to_csv(b)
    for name in reportlib.Corpus.TABLES:
        assert (a / f"{name}.csv").read_bytes() == (b / f"{name}.csv").read_bytes()


def test_duplicate_reports_get_unique_ids(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(seed("000").read_bytes())
    with pytest.warns(reportlib.ReportLibWarning, match="is taken"):
        corpus = reportlib.load_corpus(tmp_path)
    assert corpus.report_ids == ["jianggan-2014-gov", "jianggan-2014-gov-2"]
    assert list(corpus.reports.source_file) == ["a.txt", "b.txt"]


def test_a_list_of_files(tmp_path):
    with pytest.warns(reportlib.ReportLibWarning):
        corpus = reportlib.load_corpus([seed("004"), seed("001")])
    assert corpus.report_ids == ["shangcheng-2020-gov", "shangcheng-2013-party", "shangcheng-2013-npc",
                                 "shangcheng-2013-gov", "shangcheng-2013-cppcc"]


def test_back_to_the_source_from_the_row_itself(corpus):
    """corpus.source(row): the text of the file the row was read from, for a row of any table."""
    from reportlib.analysis import compare

    t = corpus.targets
    gdp = t[(t.report_id == "jianggan-2014-gov") & (t.indicator == "gdp")]
    row = gdp.iloc[0]
    assert "7.5%" in corpus.source(row) and corpus.source(row) == corpus.source(next(gdp.itertuples()))
    assert corpus.source(row.to_dict()) == corpus.source(row)
    item = corpus.livelihood[corpus.livelihood.report_id == "jianggan-2014-gov"].iloc[1]
    assert corpus.source(item) == "新增公共停车泊位1500个以上"
    r = compare.revisions(corpus.actuals, corpus.targets, corpus.reports)
    rev = r[(r.place == "上城区") & (r.indicator == "gdp") & (r.measure == "level") & (r.year == 2012)].iloc[0]
    assert "667.87" in corpus.source(rev, "later_") and "675" in corpus.source(rev, "first_")
    with pytest.raises(reportlib.ReportLibError, match="no 'raw_start'"):
        corpus.source({"report_id": "jianggan-2014-gov"})
