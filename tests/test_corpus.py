"""Loading the bundled corpus: 9 reports with the metadata their own texts state."""

import hashlib
from pathlib import Path

import pandas as pd
import pytest

import reportlib
from reportlib.paths import bundled_data_dir

N = None  # not stated in the text

# What each text says about itself (header lines, salutations, part headings); see the comments
# for the line each value comes from.
EXPECTED = {
    # 000: "2014年1月20日在江干区第十四届人民代表大会第三次会议上" / "江干区人民政府区长  滕勇"
    "jianggan-2014-gov": dict(source_file="000_0fdef7f98de9efbf.txt", report_no=1, place="江干区",
                              report_type="government_work_report", title="政府工作报告",
                              meeting="江干区第十四届人民代表大会第三次会议", date="2014-01-20", speaker="滕勇",
                              speaker_title="区长", review_year=2013, plan_year=2014, is_abstract=False),
    # 001: no header; "我代表上城区人民政府", "2019年工作回顾", "2020年重点工作"
    "shangcheng-2020-gov": dict(source_file="001_1414ce5ab7516e0e.txt", report_no=1, place="上城区",
                                report_type="government_work_report", title=N, meeting=N, date=N, speaker=N,
                                speaker_title=N, review_year=2019, plan_year=2020, is_abstract=False),
    # 002: web page "前景目标"; "2020年全区经济社会发展的主要预期目标是"; no review part
    "jianggan-2020-gov": dict(source_file="002_4e54d764820ff8e8.txt", report_no=1, place="江干区",
                              report_type="government_work_report", title="前景目标", meeting=N, date=N, speaker=N,
                              speaker_title=N, review_year=N, plan_year=2020, is_abstract=True),
    # 003 #1: "——在区委十届三次全会上的报告" / "(2017年12月29日)" / "中共下城区委书记 陈卫强"
    "xiacheng-2018-party": dict(source_file="003_170c4223534303fa.txt", report_no=1, place="下城区",
                                report_type="party_committee_report", title="开启新时代全域中央商务区建设新征程",
                                meeting="区委十届三次全会", date="2017-12-29", speaker="陈卫强",
                                speaker_title="区委书记", review_year=2017, plan_year=2018, is_abstract=False),
    # 003 #2: "——在杭州市下城区第十五届人民代表大会第二次会议上" / "(2018年1月30日)" / "下城区人民政府区长 柴世民"
    "xiacheng-2018-gov": dict(source_file="003_170c4223534303fa.txt", report_no=2, place="下城区",
                              report_type="government_work_report", title="政府工作报告",
                              meeting="杭州市下城区第十五届人民代表大会第二次会议", date="2018-01-30", speaker="柴世民",
                              speaker_title="区长", review_year=2017, plan_year=2018, is_abstract=False),
    # 004 #1: "…(摘要)" / "(2013年1月5日)" / "中共上城区委书记 陈红英"; "2012年是…的一年"; the four
    # reports of 004 state no plan year: delivered in January 2013, they plan 2013
    "shangcheng-2013-party": dict(source_file="004_a7b482f5ab2a16e2.txt", report_no=1, place="上城区",
                                  report_type="party_committee_report",
                                  title="科学发展 智慧增长 为谱写上城人民美好生活新篇章而奋斗(摘要)",
                                  meeting="中共上城区委九届六次全体(扩大)会议", date="2013-01-05", speaker="陈红英",
                                  speaker_title="区委书记", review_year=2012, plan_year=2013, is_abstract=True),
    "shangcheng-2013-npc": dict(source_file="004_a7b482f5ab2a16e2.txt", report_no=2, place="上城区",
                                report_type="npc_standing_committee_report",
                                title="杭州市上城区第十四届人民代表大会 常务委员会工作报告(摘要)",
                                meeting="上城区第十四届人民代表大会第二次会议", date="2013-01-23", speaker="丁晓芳",
                                speaker_title="人大常委会主任", review_year=2012, plan_year=2013, is_abstract=True),
    "shangcheng-2013-gov": dict(source_file="004_a7b482f5ab2a16e2.txt", report_no=3, place="上城区",
                                report_type="government_work_report", title="政府工作报告(摘要)",
                                meeting="上城区第十四届人民代表大会第二次会议", date="2013-01-21", speaker="缪承潮",
                                speaker_title="区长", review_year=2012, plan_year=2013, is_abstract=True),
    # 004 #4: "政协上城区第四届委员会主席 余 勇"
    "shangcheng-2013-cppcc": dict(source_file="004_a7b482f5ab2a16e2.txt", report_no=4, place="上城区",
                                  report_type="cppcc_standing_committee_report",
                                  title="中国人民政治协商会议第四届 杭州市上城区委员会常务委员会工作报告(摘要)",
                                  meeting="政协第四届杭州市上城区委员会第二次会议", date="2013-01-21", speaker="余勇",
                                  speaker_title="政协主席", review_year=2012, plan_year=2013, is_abstract=True),
}


def test_bundled_raw_files_are_byte_identical_to_their_sources():
    data = bundled_data_dir()
    sums = dict(reversed(line.split()) for line in (data.parent / "SHA256SUMS").read_text().splitlines())
    assert sorted(p.name for p in data.glob("*.txt")) == sorted(sums)
    for name, digest in sums.items():
        assert hashlib.sha256((data / name).read_bytes()).hexdigest() == digest
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if seeds.is_dir():  # the workplace copy of the sources, when it is around
        for name in sums:
            assert (seeds / name).read_bytes() == (data / name).read_bytes()


def test_nine_reports_in_file_order(corpus):
    assert corpus.report_ids == list(EXPECTED)
    assert len(corpus) == 9


@pytest.mark.parametrize("report_id", list(EXPECTED))
def test_report_metadata(corpus, report_id):
    row = corpus.reports.set_index("report_id").loc[report_id]
    for column, expected in EXPECTED[report_id].items():
        value = row[column]
        value = None if pd.isna(value) else value
        assert value == expected, column


def test_evidence_lines_come_from_the_raw_text(corpus, raw_text):
    """Every metadata value that was read from a line points at a line of its own report."""
    for r in corpus:
        raw = r.raw.text
        start, end = r.paragraphs[0].raw_start, r.paragraphs[-1].raw_end
        for e in r.metadata.evidence:
            if e.paragraph is not None:
                p = r.paragraphs[e.paragraph]
                assert start <= p.raw_start < p.raw_end <= end
                assert e.line.startswith(p.text[:20]) or p.text.startswith(e.line[:20])
        if r.metadata.date:
            year, month, day = (int(x) for x in r.metadata.date.split("-"))
            assert f"{year}" in raw[start:end] and f"{month}" in raw[start:end]


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
    from reportlib.parse.clean import fold_width

    for r in corpus:
        raw = r.raw.text
        s = corpus.sentences[corpus.sentences.report_id == r.report_id]
        for row in s.sample(n=min(40, len(s)), random_state=0).itertuples():
            source = fold_width(raw[row.raw_start : row.raw_end])
            squeezed = "".join(source.split()).replace("**", "").replace("#", "")
            assert "".join(row.text.split()) == squeezed
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
        (tmp_path / name).write_bytes((bundled_data_dir() / "000_0fdef7f98de9efbf.txt").read_bytes())
    with pytest.warns(reportlib.ReportLibWarning, match="is taken"):
        corpus = reportlib.load_corpus(tmp_path)
    assert corpus.report_ids == ["jianggan-2014-gov", "jianggan-2014-gov-2"]
    assert list(corpus.reports.source_file) == ["a.txt", "b.txt"]


def test_a_list_of_files(tmp_path):
    with pytest.warns(reportlib.ReportLibWarning):
        corpus = reportlib.load_corpus([bundled_data_dir() / "004_a7b482f5ab2a16e2.txt",
                                        bundled_data_dir() / "001_1414ce5ab7516e0e.txt"])
    assert corpus.report_ids == ["shangcheng-2020-gov", "shangcheng-2013-party", "shangcheng-2013-npc",
                                 "shangcheng-2013-gov", "shangcheng-2013-cppcc"]
