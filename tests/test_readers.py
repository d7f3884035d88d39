"""Reports held as researchers hold them (web pages, Word, PDF, Traditional characters): the same
tables as from the plain text, offsets into the text that ``read_raw`` returns, clear refusals."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import reportlib
from reportlib.read.decode import read_raw
from reportlib.run import cli

from . import documents
from .conftest import check_table_contract, seed

COMPARED = {
    "targets": ["indicator", "measure", "direction", "value", "value_high", "unit", "qualifier_kind", "text_span"],
    "actuals": ["indicator", "measure", "value", "unit", "period", "estimated", "text_span"],
    "livelihood": ["item_no", "title", "text", "domain"],
}
REPORT = "jianggan-2014-gov"


def _load(*paths: Path) -> reportlib.Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportlib.ReportLibWarning)
        return reportlib.load_corpus(list(paths))


@pytest.fixture(scope="module")
def plain_text() -> str:
    return read_raw(seed("000")).text


@pytest.fixture(scope="module")
def formats(tmp_path_factory, plain_text) -> dict[str, Path]:
    """The bundled 江干区 2014 report in every format reportlib reads."""
    folder = tmp_path_factory.mktemp("formats")
    shutil.copyfile(seed("000"), folder / "report.txt")
    (folder / "traditional.txt").write_text(documents.to_traditional(plain_text), encoding="utf-8")
    documents.to_html(plain_text, folder / "report.shtml")
    documents.to_html(plain_text, folder / "gbk.htm", charset="gbk")
    traditional = documents.to_traditional(plain_text).replace("\xa0", " ").replace("爲", "為")  # as Big5 has them
    documents.to_html(traditional, folder / "big5.html", charset="big5", encoding="big5hkscs")
    documents.to_docx(plain_text, folder / "report.docx")
    documents.to_pdf(plain_text, folder / "report.pdf")
    documents.to_pdf(plain_text, folder / "yearbook.pdf", columns=2)
    return {p.name: p for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def plain(formats) -> reportlib.Corpus:
    return _load(formats["report.txt"])


@pytest.mark.parametrize("name", ["traditional.txt", "report.shtml", "gbk.htm", "big5.html", "report.docx",
                                  "report.pdf", "yearbook.pdf"])
def test_each_format_gives_the_tables_of_the_plain_text(formats, plain, name):
    other = _load(formats[name])
    assert list(other.reports.report_id) == [REPORT]
    for table, columns in COMPARED.items():
        a, b = plain.table(table), other.table(table)
        assert len(b) == len(a) > 0, table
        assert b[columns].equals(a[columns]), (name, table)
    gdp = other.targets[other.targets.indicator == "gdp"]
    assert list(gdp.value) == [7.5]  # 生产总值增长7.5%


@pytest.mark.parametrize("name", ["traditional.txt", "report.shtml", "report.docx", "yearbook.pdf"])
def test_offsets_point_into_the_text_read_raw_returns(formats, name):
    corpus = _load(formats[name])
    for table in ("targets", "actuals", "livelihood"):
        check_table_contract(corpus, table)
    raw = read_raw(formats[name]).text
    gdp = corpus.targets[corpus.targets.indicator == "gdp"].iloc[0]
    source = raw[gdp.raw_start : gdp.raw_end].replace("\n", "")
    assert source == ("生產總值增長7.5%" if name == "traditional.txt" else "生产总值增长7.5%")


def test_a_folder_of_every_format_is_tabulated_as_one_set_of_tables(formats, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("report.txt", "traditional.txt", "report.shtml", "report.docx", "yearbook.pdf"):
        shutil.copyfile(formats[name], folder / name)
    out = tmp_path / "tables"
    assert cli.main(["tabulate", str(folder), "--out", str(out), "--quiet"]) == 0
    reports = pd.read_csv(out / "reports.csv").set_index("source_file")
    assert reports.loc["report.shtml", "source_format"] == "html"
    assert reports.loc["report.docx", "source_format"] == "docx"
    assert reports.loc["yearbook.pdf", "source_format"] == "pdf"
    assert reports.loc["traditional.txt", ["source_format", "script"]].tolist() == ["txt", "traditional"]
    assert reports.loc["report.txt", "script"] == "simplified"
    assert reports.place.tolist() == ["江干区"] * 5 and reports.date.tolist() == ["2014-01-20"] * 5
    targets = pd.read_csv(out / "targets.csv")
    gdp = targets[targets.indicator == "gdp"].merge(reports.reset_index()[["report_id", "source_file"]])
    assert sorted(gdp.value) == [7.5] * 5
    page = gdp[gdp.source_file == "yearbook.pdf"].page.tolist()
    assert page == [_page_holding(formats["yearbook.pdf"], "生产总值增长7.5%")]
    assert gdp[gdp.source_file != "yearbook.pdf"].page.isna().all()


def _page_holding(pdf: Path, text: str) -> int:
    """The page (from 1) whose text, as pdfplumber reads it, holds ``text``."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, 1):
            halves = (page.crop((0, 0, page.width / 2, page.height)), page.crop((page.width / 2, 0, page.width, page.height)))
            if any(text in "".join(half.extract_text().split()) for half in halves):
                return number
    raise AssertionError(f"{text} on no page of {pdf}")


# --- web pages


def test_a_portal_page_keeps_the_report_and_drops_the_portal(formats, plain_text):
    raw = read_raw(formats["report.shtml"])
    assert raw.source_format == "html" and raw.encoding == "utf-8"
    text = raw.text
    assert text.startswith("政府工作报告\n")
    # the reader drops the portal's navigation, breadcrumbs, scripts, share bar, related news, footer
    for chrome in ("首页", "走进某某", "您的位置", "统计代码", "分享到", "相关新闻", "常务会议", "主办单位", "ICP备"):
        assert chrome not in text, chrome
    assert "&ld" not in text and "&nbsp;" not in text and "“四新五化”" in text  # entities decoded, also a broken one
    corpus = _load(formats["report.shtml"])
    # what it keeps of the article's frame (information table, page metadata, print links) the
    # cleaner drops as web boilerplate, as for a page saved as text
    clean = corpus.text(REPORT)
    assert clean.startswith("政府工作报告\n2014年1月20日在江干区第十四届人民代表大会第三次会议上\n")
    for chrome in ("信息索引号", "主题分类", "浏览次数", "打印本页", "关闭窗口"):
        assert chrome not in clean, chrome
    row = corpus.reports.iloc[0]
    assert row.source_url == "http://www.example.gov.cn/art/2014/2/8/art_1.html"  # canonical before og:url
    assert row.source_title == "政府工作报告" and row.published == "2014-02-08 09:30"
    assert row.title == "政府工作报告" and row.speaker == "滕勇"


@pytest.mark.parametrize("layout", ["table", "govcn"])
def test_other_portal_layouts_give_the_tables_of_the_plain_text(tmp_path, plain_text, plain, layout):
    page = documents.to_html_layout(plain_text, tmp_path / f"{layout}.html", layout)
    raw = read_raw(page)
    corpus = _load(page)
    for table, columns in COMPARED.items():
        assert corpus.table(table)[columns].equals(plain.table(table)[columns]), table
    row = corpus.reports.iloc[0]
    assert (row.title, row.date, row.speaker) == ("政府工作报告", "2014-01-20", "滕勇")
    for chrome in ("首页", "政务公开", "政府信息公开指南", "相关稿件", "ICP备", "主办单位"):
        assert chrome not in raw.text, chrome
    if layout == "table":  # trafilatura runs the <br> lines together here: the plain walk reads it
        assert raw.encoding == "gb18030" and any("read by a plain walk" in w for w in raw.warnings)
    else:
        assert row.source_url == "https://www.gov.cn/guowuyuan/2014-02/08/content_1.htm"
        assert row.published == "2014-02-08-09:30:00"


def test_a_page_that_trafilatura_misjudges_loses_nothing(tmp_path, plain_text):
    # the article's container carries a class that trafilatura takes for a comment section
    page, = documents.to_html(plain_text, tmp_path / "misjudged.html")
    page.write_text(page.read_text(encoding="utf-8").replace('class="TRS_Editor"', 'class="comment-list"'),
                    encoding="utf-8")
    raw = read_raw(page)
    assert any("read by a plain walk" in w for w in raw.warnings)
    assert "分享到" not in raw.text and "相关新闻" not in raw.text and "首页" not in raw.text
    corpus = _load(page)
    plain = _load(seed("000"))
    for table, columns in COMPARED.items():
        assert corpus.table(table)[columns].equals(plain.table(table)[columns]), table


def test_a_page_declaring_the_wrong_charset_is_read_by_its_bytes(tmp_path, plain_text):
    gbk, = documents.to_html(plain_text, tmp_path / "wrong.html", charset="utf-8", encoding="gbk")
    raw = read_raw(gbk)
    assert raw.encoding == "gb18030"
    assert any("declares charset=utf-8 but its bytes are GB18030" in w for w in raw.warnings)
    assert _load(gbk).targets.query("indicator == 'gdp'").value.tolist() == [7.5]


def test_a_page_split_over_files_is_read_as_one_report(tmp_path, plain_text):
    folder = tmp_path / "site"
    folder.mkdir()
    first, *_ = documents.to_html(plain_text, folder / "index.html", pages=3)
    corpus = _load(folder)
    assert corpus.reports.source_file.tolist() == ["index.html"]  # index_1/index_2 continue it
    raw = read_raw(first)
    assert any("3 pages joined: index_1.html, index_2.html appended" in w for w in raw.warnings)
    one = _load(first)
    assert len(one.livelihood) == 10 and len(one.targets) == 10  # the ten projects and targets of all pages
    assert one.targets.query("indicator == 'gdp'").value.tolist() == [7.5]


def test_a_changed_continuation_page_is_not_served_from_the_cache(tmp_path, plain_text):
    folder = tmp_path / "site"
    folder.mkdir()
    _, *continuations = documents.to_html(plain_text, folder / "index.html", pages=4)
    second, = (page for page in continuations if "生产总值增长7.5%" in page.read_text(encoding="utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportlib.ReportLibWarning)
        first = reportlib.load_corpus(folder, cache=tmp_path / "cache")
        second.write_text(second.read_text(encoding="utf-8").replace("生产总值增长7.5%", "生产总值增长8%"),
                          encoding="utf-8")
        again = reportlib.load_corpus(folder, cache=tmp_path / "cache")
    assert first.targets.query("indicator == 'gdp'").value.tolist() == [7.5]
    assert again.targets.query("indicator == 'gdp'").value.tolist() == [8.0]


def test_a_txt_that_is_a_web_page_is_read_as_one(formats, tmp_path):
    disguised = tmp_path / "download.txt"
    shutil.copyfile(formats["report.shtml"], disguised)
    corpus = _load(disguised)
    assert corpus.reports.source_format.tolist() == ["html"]
    assert corpus.targets.query("indicator == 'gdp'").value.tolist() == [7.5]


def test_a_page_without_a_report_is_refused_naming_the_file(tmp_path):
    page = tmp_path / "list.html"
    page.write_text("<html><head><title>Notice</title></head><body><p>Page not found.</p></body></html>")
    with pytest.raises(reportlib.InputFileError, match=r"list\.html.*in the page's article text"):
        reportlib.load_corpus(tmp_path)


# --- Traditional characters


def test_a_traditional_text_is_converted_and_keeps_its_original_spans(formats):
    raw = read_raw(formats["traditional.txt"])
    assert raw.script == "traditional"
    assert "地區生產總值" in raw.text and "地区生产总值" in raw.readable and len(raw.readable) == len(raw.text)
    corpus = _load(formats["traditional.txt"])
    assert corpus.reports.loc[0, ["place", "speaker", "script"]].tolist() == ["江干区", "滕勇", "traditional"]
    item = corpus.livelihood.iloc[0]
    assert "“" not in raw.text[item.raw_start : item.raw_end]  # the original's corner brackets, not converted


def test_a_big5_file_is_read_as_traditional_text(formats, tmp_path, plain):
    big5 = tmp_path / "big5.txt"
    text = formats["traditional.txt"].read_text(encoding="utf-8")
    big5.write_bytes(text.replace("\xa0", " ").replace("爲", "為").encode("big5hkscs"))  # as Big5 writes them
    raw = read_raw(big5)
    assert (raw.encoding, raw.script) == ("big5", "traditional")
    assert "decoded as Big5, not UTF-8" in raw.warnings
    corpus = _load(big5)
    assert corpus.targets[COMPARED["targets"]].equals(plain.targets[COMPARED["targets"]])


def test_pinyin_readings_in_brackets_are_removed(tmp_path, plain_text):
    annotated = plain_text.replace("生产总值增长7.5%", "生(shēng)产总值增长7.5%")
    corpus = reportlib.load_corpus([_write(tmp_path / "annotated.txt", annotated)])
    gdp = corpus.targets.query("indicator == 'gdp'").iloc[0]
    assert gdp.text_span == "生产总值增长7.5%" and gdp.value == 7.5
    assert "(GDP)" in _clean("地区生产总值(GDP)增长")  # Latin abbreviations in brackets stay


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _clean(line: str) -> str:
    from reportlib.parse.clean import clean_line

    return clean_line(line, 0, len(line))[0].text


# --- PDF


def test_inspect_says_how_a_file_was_read(formats, capsys):
    assert cli.main(["inspect", str(formats["yearbook.pdf"])]) == 0
    assert "read as pdf (8 pages), encoding utf-8, simplified characters" in capsys.readouterr().out
    assert cli.main(["inspect", str(formats["traditional.txt"])]) == 0
    out = capsys.readouterr().out
    assert "read as txt, encoding utf-8, traditional characters" in out and "place" in out and "江干区" in out


def test_pdf_running_heads_and_page_numbers_are_dropped(formats):
    raw = read_raw(formats["yearbook.pdf"])
    import pdfplumber

    with pdfplumber.open(formats["yearbook.pdf"]) as document:
        n_pages = len(document.pages)
    assert raw.source_format == "pdf" and len(raw.page_starts) == n_pages > 1 and raw.page_starts[0] == 0
    assert "某某区年鉴" not in raw.text and "- 2 -" not in raw.text
    # two columns read column by column: the review's first sentences are in order
    assert "2013年是形势复杂、任务艰巨的一年,也是我区狠抓落实、奋力转型的一年。" in raw.text


def test_without_the_pdf_extra_a_pdf_is_refused_saying_how_to_install_it(formats, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "pdfplumber", None)  # as if not installed
    with pytest.raises(reportlib.BinaryFileError, match=r"report\.pdf: reading PDF files needs pdfplumber: "
                                                         r"pip install 'reportlib\[pdf\]'"):
        read_raw(formats["report.pdf"])


def test_a_scanned_pdf_is_refused_naming_the_page(tmp_path):
    documents.to_scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(reportlib.InputFileError, match=r"scan\.pdf: PDF page 1 is an image without a text layer"):
        reportlib.load_corpus(tmp_path)


def test_a_pdf_without_unicode_maps_is_refused_not_tabulated(formats, tmp_path):
    documents.without_tounicode(formats["report.pdf"], tmp_path / "cid.pdf")
    with pytest.raises(reportlib.InputFileError, match=r"cid\.pdf: PDF page 1: the text decodes to '\(cid:\d+\)'"):
        reportlib.load_corpus(tmp_path)


def test_a_damaged_pdf_is_refused_naming_the_file(formats, tmp_path):
    data = formats["report.pdf"].read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[:2000])
    with pytest.raises(reportlib.InputFileError, match=r"cut\.pdf"):
        reportlib.load_corpus(tmp_path)


# --- Word


def test_a_docx_table_is_read_row_by_row_with_cells_tab_separated(tmp_path, plain_text):
    path = documents.to_docx(plain_text, tmp_path / "r.docx", table=[["指标", "2014年目标"], ["地区生产总值增长", "10%"]])
    assert "指标\t2014年目标\n地区生产总值增长\t10%\n" in read_raw(path).text


def test_a_word_file_is_told_by_its_content_not_its_suffix(tmp_path, formats):
    disguised = tmp_path / "report.txt"
    shutil.copyfile(formats["report.docx"], disguised)
    corpus = _load(disguised)
    assert list(corpus.reports.source_format) == ["docx"]
    assert list(corpus.reports.report_id) == [REPORT]


def test_an_old_doc_is_refused_with_how_to_convert_it(tmp_path):
    path = tmp_path / "报告.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(reportlib.InputFileError) as e:
        reportlib.load_corpus(tmp_path)
    assert "报告.doc" in str(e.value) and "convert-to docx" in str(e.value)


def test_a_docx_without_chinese_text_is_refused_naming_the_file(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Minutes of the meeting. " * 20)
    document.save(tmp_path / "minutes.docx")
    with pytest.raises(reportlib.NotChineseError, match=r"minutes\.docx.*in the document body"):
        reportlib.load_corpus(tmp_path)


def test_a_damaged_docx_is_refused_naming_the_file(tmp_path, formats):
    data = formats["report.docx"].read_bytes()
    (tmp_path / "broken.docx").write_bytes(data[: len(data) // 2])
    with pytest.raises(reportlib.InputFileError, match=r"broken\.docx"):
        reportlib.load_corpus(tmp_path)
