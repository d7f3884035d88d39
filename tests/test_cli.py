"""The reportlib command: tabulate, inspect; and the import stays light."""

import subprocess
import sys

import pandas as pd
import pytest

import reportlib

from reportlib.run import cli
from reportlib.paths import bundled_data_dir
from reportlib.tables import registry

from .conftest import seed


def test_tabulate_the_bundled_folder(tmp_path, capsys):
    out = tmp_path / "tables"
    assert cli.main(["tabulate", str(bundled_data_dir()), "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert len([line for line in printed if line.startswith(("jianggan", "shangcheng", "xiacheng"))]) == 9
    assert printed[0].startswith("jianggan-2014-gov") and "2014-01-20" in printed[0] and "滕勇(区长)" in printed[0]
    assert printed[-1].startswith("9 reports from 5 files")
    # one file per registered table, named in the closing line in the registry's order
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.csv" for name in registry.NAMES)
    assert printed[-1].endswith("wrote " + ", ".join(f"{name}.csv" for name in registry.NAMES) + f" to {out}")
    reports = pd.read_csv(out / "reports.csv", dtype=str)
    row = reports.set_index("report_id").loc["xiacheng-2018-party"]
    assert (row.place, row.date, row.speaker, row.speaker_title, row.review_year, row.plan_year) == (
        "下城区", "2017-12-29", "陈卫强", "区委书记", "2017", "2018")
    assert (out / "reports.csv").read_bytes().startswith(b"report_id,source_file,report_no,place")


def test_tabulate_twice_gives_identical_files(tmp_path):
    for k in ("a", "b"):
        assert cli.main(["tabulate", "--out", str(tmp_path / k)]) == 0
    for f in (tmp_path / "a").iterdir():
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes()


def test_tabulate_excel_bom(tmp_path):
    assert cli.main(["tabulate", str(seed("000")), "--out", str(tmp_path / "cli"), "--excel"]) == 0
    assert (tmp_path / "cli" / "reports.csv").read_bytes().startswith(b"\xef\xbb\xbfreport_id")
    # one spelling in Python and on the command line, the same bytes
    import reportlib

    corpus = reportlib.load_corpus(seed("000"))
    corpus.to_csv(tmp_path / "api", excel=True)
    reportlib.tabulate(seed("000"), tmp_path / "tab", excel=True)
    for name in ("reports.csv", "targets.csv"):
        cli_bytes = (tmp_path / "cli" / name).read_bytes()
        assert (tmp_path / "api" / name).read_bytes() == cli_bytes == (tmp_path / "tab" / name).read_bytes()


def test_inspect_shows_the_matched_header_lines(capsys):
    assert cli.main(["inspect", str(seed("004"))]) == 0
    out = capsys.readouterr().out
    assert "4 report(s)" in out
    assert "meeting  | ——在中共上城区委九届六次全体(扩大)会议上的报告" in out
    assert "speaker  | 政协上城区第四届委员会主席余勇" in out
    assert "speaker_title 政协主席" in out
    assert "glossary: 31 entries" in out


def test_inspect_explains_a_headerless_web_page(capsys):
    assert cli.main(["inspect", str(seed("002"))]) == 0
    out = capsys.readouterr().out
    assert "dropped" in out and "web breadcrumb: 您的位置:首页" in out and "Produced By" in out
    assert "no report header found" in out
    assert "bare name 江干" in out


def test_import_is_light():
    heavy = ('jieba', 'matplotlib', 'papermill', 'pandas', 'lxml', 'trafilatura', 'docx', 'pdfplumber', 'pdfminer', 'opencc')
    code = f"import sys, reportlib; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_console_script_is_installed():
    done = subprocess.run([sys.executable, "-m", "reportlib", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("reportlib ")


@pytest.mark.parametrize("argv", [["tabulate"], ["nonsense"]])
def test_usage_errors(argv):
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == 2


def test_paths_do_not_depend_on_the_working_directory(tmp_path):
    done = subprocess.run([sys.executable, "-m", "reportlib", "tabulate", "--out", "out"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert pd.read_csv(tmp_path / "out" / "reports.csv").shape[0] == 9


def test_run_exits_non_zero_and_names_the_failing_cell(tmp_path, capsys):
    from .test_notebooks import _failing_notebook

    broken = _failing_notebook(tmp_path)
    assert cli.main(["run", str(broken), "--out", str(tmp_path / "run")]) == 1
    captured = capsys.readouterr()
    assert "FAILED 00_broken.ipynb" in captured.out and "cell 3 of 00_broken.ipynb" in captured.out
    assert "`raise KeyError('no such report')`" in captured.out and "KeyError" in captured.out
    assert "1 of 1 notebook(s) failed" in captured.err


def test_notebooks_are_copied_out_and_never_over_a_users_file(tmp_path, capsys):
    out = tmp_path / "mine"
    assert cli.main(["notebooks", str(out)]) == 0
    names = sorted(p.name for p in out.glob("*.ipynb"))
    assert names[:2] == ["01_corpus_overview.ipynb", "02_growth_targets.ipynb"] and len(names) == 6
    assert "copied 6 notebooks" in capsys.readouterr().out
    (out / "01_corpus_overview.ipynb").write_text("my edits", encoding="utf-8")
    assert cli.main(["notebooks", str(out)]) == 2
    assert "use --force" in capsys.readouterr().err
    assert (out / "01_corpus_overview.ipynb").read_text(encoding="utf-8") == "my edits"
    assert cli.main(["notebooks", str(out), "--force"]) == 0
    assert (out / "01_corpus_overview.ipynb").read_text(encoding="utf-8") != "my edits"


def test_inspect_shows_what_was_extracted_with_its_span(capsys):
    """What a researcher checks on a newly added report: every target, result, list frame and
    item, each with its raw span."""
    assert cli.main(["inspect", str(seed("003"))]) == 0
    out = capsys.readouterr().out
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "targets (6):" in lines and "results (16):" in lines
    assert "2018 gdp growth 6% [17834:17846] 地区生产总值增长6%" in lines
    assert "2018 fixed_asset_investment growth 15% 左右 [7444:7457] 固定资产投资增长15%左右" in lines  # the party report
    assert "2017 gdp growth 7.6% year [12352:12376] 地区生产总值903.48亿元,同口径增长7.6%" in lines
    assert any(line.startswith("plan_list (n_listed 12, n_candidates 12, n_to_adopt 10; deputies_vote) [22943:23032]")
               for line in lines)
    assert "6 6. housing [23239:23253] 完成1200套临时租赁住房。" in lines
    raw = reportlib.read_raw(seed("003")).text
    # the spans point into the file; this one crosses a page break the cleaner mended
    assert raw[23239:23253] == "完成1200套临时租赁住房。" and raw[17834:17846] == "地区\n\n生产总值增长6%"
