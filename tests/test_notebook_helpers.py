"""The two calls every notebook makes: the set-up cell and a figure saved in both languages."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from reportlib import ReportLibError
from reportlib.show import notebook, plots


def test_setup_selects_by_year_and_names_the_run_folder(tmp_path, capsys):
    corpus, out = notebook.setup(None, places=["上城区"], years=[2013], out_dir=tmp_path)
    assert out == tmp_path
    assert corpus.report_ids == ["shangcheng-2013-party", "shangcheng-2013-npc", "shangcheng-2013-gov",
                                 "shangcheng-2013-cppcc"]
    assert plt.rcParams["pdf.fonttype"] == 42  # the house style is applied
    assert capsys.readouterr().out == ""      # these four have headers: no loading warning


def test_setup_prints_or_counts_the_loading_warnings(capsys):
    notebook.setup(None, years=[2020])
    assert capsys.readouterr().out == "2 loading warnings in 2 reports (see corpus.reports.warnings, or notebook 01)\n"
    notebook.setup(None, years=[2020], show_warnings=True)
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 2 and all(line.startswith("warning: 00") and "-2020-gov): no header" in line for line in printed)


def test_setup_refuses_an_empty_selection():
    with pytest.raises(ReportLibError, match=r"no report matches places=\['上城区'\], report_types=None, years=\[2018\]"):
        notebook.setup(None, places=["上城区"], years=[2018])


def test_save_both_saves_two_languages_and_keeps_one_open(corpus, tmp_path):
    plt.close("all")
    fig = notebook.save_both(lambda lg: plots.report_sizes(corpus.reports, lg), "sizes", tmp_path, "en")
    assert sorted(p.name for p in (tmp_path / "figures").iterdir()) == [
        f"sizes_{lg}.{ext}" for lg in ("en", "zh") for ext in ("pdf", "png", "svg")]
    assert plt.get_fignums() == [fig.number]  # the Chinese one is closed
    assert "Xiacheng District 2018 Government report" in [t.get_text() for t in fig.axes[0].get_yticklabels()]
    with pytest.raises(ValueError, match="lang must be one of"):
        notebook.save_both(lambda lg: plots.report_sizes(corpus.reports, lg), "sizes", tmp_path, "fr")
