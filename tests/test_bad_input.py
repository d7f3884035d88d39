"""Bad input: a clear error naming the file and the problem, or a report with a warning;
never a deep traceback, never a silently dropped report."""

import subprocess
import sys

import pytest

import reportlib
from reportlib.run import cli

from .conftest import seed

# A real paragraph of the Shangcheng 2020 report (001), without the header.
BODY = seed("001").read_text(encoding="utf-8")


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_gbk_file_is_decoded(tmp_path):
    path = write(tmp_path, "gbk.txt", BODY.encode("gbk"))
    with pytest.warns(reportlib.ReportLibWarning) as caught:
        corpus = reportlib.load_corpus(path)
        original = reportlib.load_corpus(seed("001"))
    assert any(str(w.message).startswith("gbk.txt") and "decoded as GB18030/GBK" in str(w.message) for w in caught)
    row = corpus.reports.iloc[0]
    assert (row.encoding, row.place, row.plan_year, row.report_type) == ("gb18030", "上城区", 2020, "government_work_report")
    assert corpus.text(row.report_id) == original.text("shangcheng-2020-gov")


def test_gbk_summary_says_so(tmp_path, capsys):
    write(tmp_path, "gbk.txt", BODY.encode("gb18030"))
    assert cli.main(["tabulate", str(tmp_path), "--out", str(tmp_path / "out")]) == 0
    assert "decoded as gb18030" in capsys.readouterr().out


def test_utf16_with_bom(tmp_path):
    path = write(tmp_path, "u16.txt", BODY.encode("utf-16"))  # with BOM
    with pytest.warns(reportlib.ReportLibWarning) as caught:
        corpus = reportlib.load_corpus(path)
    assert any("decoded as UTF-16" in str(w.message) for w in caught)
    assert corpus.reports.iloc[0].encoding == "utf-16"
    assert corpus.reports.iloc[0].place == "上城区"


def test_utf8_with_bom(tmp_path):
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    with pytest.warns(reportlib.ReportLibWarning, match="no header"):
        corpus = reportlib.load_corpus(path)
    assert corpus.reports.iloc[0].encoding == "utf-8-sig"
    assert corpus.paragraphs.iloc[0].text == "各位代表:"


@pytest.mark.parametrize(
    "name, data, error, message",
    [
        ("empty.txt", b"", reportlib.EmptyFileError, "the file is empty"),
        ("blank.txt", b" \n\r\n\t ", reportlib.EmptyFileError, "only whitespace"),
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", reportlib.BinaryFileError, "PDF"),
        ("report.txt", b"PK\x03\x04\x14\x00\x06\x00", reportlib.BinaryFileError, "zip"),
        ("noise.txt", bytes(range(256)) * 4, reportlib.BinaryFileError, "NUL bytes"),
        ("english.txt", b"Report on the work of the government, delivered at the session. " * 20,
         reportlib.NotChineseError, "not a Chinese report"),
        ("sjis.txt", "各位代表、私は政府を代表して報告します。今年の経済は安定した発展を遂げました。".encode("shift_jis") * 5,
         reportlib.EncodingError, "unlikely characters, and not as Big5"),
        ("latin1.txt", "Résumé café".encode("latin-1") * 50, reportlib.EncodingError, "not UTF-8 .*convert it to UTF-8"),
        # Korean in EUC-KR decodes as GBK into real but implausible characters: refused, the encoding named
        ("korean.txt", "대한민국 정부는 올해 경제 성장률 목표를 5퍼센트로 정했다. 지방 정부의 업무 보고서이다. ".encode("euc-kr") * 40,
         reportlib.EncodingError, "implausible characters .*it looks like Korean text in EUC-KR"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(tmp_path, name, data, error, message):
    path = write(tmp_path, name, data)
    with pytest.raises(error, match=message) as info:
        reportlib.load_corpus(path)
    assert name in str(info.value)
    assert info.value.path == path


def test_text_without_header_loads_as_one_report_with_null_metadata(tmp_path):
    # A paragraph with no header, no salutation, no named government.
    text = seed("003").read_text(encoding="utf-8").split("\n")[22]
    assert text.startswith("一年来，区委常委会坚持实谋至上")
    path = write(tmp_path, "fragment.txt", text.encode("utf-8"))
    with pytest.warns(reportlib.ReportLibWarning, match="no header"):
        corpus = reportlib.load_corpus(path)
    assert len(corpus) == 1
    row = corpus.reports.iloc[0]
    for column in ("title", "meeting", "date", "speaker", "place", "review_year", "plan_year", "is_abstract"):
        assert row[column] is None or str(row[column]) in ("<NA>", "nan"), column
    assert row.report_id == "unknown-undated-report"


def test_a_bad_file_in_a_folder_stops_loading_and_is_named(tmp_path):
    write(tmp_path, "good.txt", seed("000").read_bytes())
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "scan.txt", b"%PDF-1.4")
    with pytest.raises(reportlib.CorpusError) as info:
        reportlib.load_corpus(tmp_path)
    message = str(info.value)
    assert "2 file(s) could not be loaded" in message and "empty.txt" in message and "scan.txt" in message


def test_errors_warn_skips_bad_files_but_lists_them(tmp_path):
    write(tmp_path, "good.txt", seed("000").read_bytes())
    write(tmp_path, "empty.txt", b"")
    with pytest.warns(reportlib.ReportLibWarning, match="skipped .*empty.txt"):
        corpus = reportlib.load_corpus(tmp_path, errors="warn")
    assert corpus.report_ids == ["jianggan-2014-gov"]
    assert [e.path.name for e in corpus.skipped] == ["empty.txt"]


def test_missing_paths(tmp_path):
    with pytest.raises(reportlib.ReportLibError, match="no such file or folder"):
        reportlib.load_corpus(tmp_path / "nope")
    with pytest.raises(reportlib.ReportLibError, match=r"no report files \(\*\.txt, \*\.md, .*\*\.docx.*\)"):
        reportlib.load_corpus(tmp_path)


def test_cli_prints_the_problem_not_a_traceback(tmp_path):
    write(tmp_path, "empty.txt", b"")
    done = subprocess.run([sys.executable, "-m", "reportlib", "tabulate", str(tmp_path), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "empty.txt: the file is empty" in done.stderr


def test_cli_skip_bad_writes_the_good_reports(tmp_path, capsys):
    write(tmp_path, "good.txt", seed("000").read_bytes())
    write(tmp_path, "empty.txt", b"")
    assert cli.main(["tabulate", str(tmp_path), "--out", str(tmp_path / "o"), "--skip-bad"]) == 1
    captured = capsys.readouterr()
    assert "jianggan-2014-gov" in captured.out and "empty.txt: the file is empty" in captured.err
    assert (tmp_path / "o" / "reports.csv").read_text(encoding="utf-8").count("\n") == 2


def test_paths_that_are_not_regular_files_are_listed_not_read(tmp_path, monkeypatch):
    """Symbolic link loops, dangling links, FIFOs and devices are listed with their reason, never
    read (a FIFO would block, /dev/zero never end); an upper-case suffix is a report like any."""
    import os
    import warnings

    folder = tmp_path / "reports"
    folder.mkdir()
    write(folder, "UPPER.TXT", seed("000").read_bytes())
    os.symlink(folder, folder / "loop")
    os.symlink(tmp_path / "nowhere.txt", folder / "dangling.txt")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", reportlib.ReportLibWarning)
        corpus = reportlib.load_corpus(folder)
    skipped = sorted(str(w.message) for w in caught if str(w.message).startswith("skipped"))
    assert skipped == [f"skipped {folder / 'dangling.txt'}: a symbolic link to nothing",
                       f"skipped {folder / 'loop'}: a symbolic link to a folder, not followed",
                       f"skipped {folder / 'pipe.txt'}: a FIFO (named pipe), not read",
                       f"skipped {folder / 'zero.txt'}: a device, not read"]
    assert list(corpus.reports.report_id) == ["jianggan-2014-gov"]  # UPPER.TXT
    with pytest.raises(reportlib.InputFileError, match="/dev/zero: is a device, not a regular file"):
        reportlib.load_corpus("/dev/zero")


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(tmp_path, monkeypatch):
    path = write(tmp_path, "yearbook.txt", seed("000").read_bytes())
    monkeypatch.setenv("REPORTLIB_MAX_FILE_MB", "0.01")
    with pytest.raises(reportlib.InputFileError, match=r"yearbook.txt: is 0.0\d MB, over the 0.01 MB limit .*REPORTLIB_MAX_FILE_MB"):
        reportlib.load_corpus(path)
    monkeypatch.setenv("REPORTLIB_MAX_FILE_MB", "50")
    assert len(reportlib.load_corpus(path)) == 1


def test_a_common_word_is_no_place(tmp_path):
    """城市 in 城市建设 is no 城市区 or 城市市: without a real administrative name, place is null and
    the report says why."""
    path = write(tmp_path, "fragment.txt", ("各位代表:\n\n现在,我代表区人民政府向大会报告工作。\n\n一、过去一年工作回顾\n\n"
                                            "城市建设取得新进展,城市功能不断完善,城市区域面貌明显改善。\n").encode("utf-8"))
    with pytest.warns(reportlib.ReportLibWarning, match="no place found in the text"):
        corpus = reportlib.load_corpus(path)
    row = corpus.reports.iloc[0]
    assert row.place is None and "no place found" in row.warnings


def test_a_report_wrapped_in_a_csv_table_is_read_with_a_warning(tmp_path):
    import csv

    path = tmp_path / "export.txt"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "place", "year", "text"])
        for i, para in enumerate(p for p in seed("000").read_text(encoding="utf-8").split("\n")[:40] if p.strip()):
            w.writerow([i, "江干区", 2014, para])
    with pytest.warns(reportlib.ReportLibWarning, match=r"looks like a table \(a CSV file of 4 columns: id, place, year, text\)"):
        corpus = reportlib.load_corpus(path)
    assert "looks like a table" in corpus.reports.iloc[0].warnings
