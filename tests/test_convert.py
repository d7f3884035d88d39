"""Tables for Stata, Excel and R: `reportlib export TABLES_DIR --to stata|xlsx|parquet`."""

from __future__ import annotations

import pandas as pd
import pytest

import reportlib
from reportlib.run import cli


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    assert cli.main(["tabulate", "--out", str(out), "--quiet"]) == 0
    return out


def test_a_dta_reads_back_with_the_chinese_intact_and_the_labels_set(tables):
    assert cli.main(["export", str(tables), "--to", "stata"]) == 0
    path = tables / "stata" / "targets.dta"
    with pd.io.stata.StataReader(path) as reader:
        assert reader.data_label == "targets"
        labels = reader.variable_labels()
        df = reader.read()
    assert labels["target_year"] == "Year the target is set for" and labels["end_"] == "End offset in the clean text"
    row = df[(df.report_id == "jianggan-2014-gov") & (df.indicator == "gdp")].iloc[0]
    assert (row.place, row.value, row.unit, row.text_span) == ("江干区", 7.5, "%", "生产总值增长7.5%")
    reports = pd.read_stata(tables / "stata" / "reports.dta")
    assert reports.set_index("report_id").loc["xiacheng-2018-gov", "place_code"] == "330103"


def test_long_text_is_written_as_strl(tables):
    from reportlib.io.convert import export_tables

    export_tables(tables, "stata")
    with pd.io.stata.StataReader(tables / "stata" / "paragraphs.dta") as reader:
        df = reader.read()
    source = pd.read_csv(tables / "paragraphs.csv")
    longest = source.text.map(lambda t: len(str(t).encode("utf-8"))).max()
    assert longest > 2045  # beyond Stata's str2045: only strL holds it
    assert df.text.map(lambda t: len(t.encode("utf-8"))).max() == longest


def test_an_xlsx_has_a_readme_sheet_of_column_meanings(tables):
    assert cli.main(["export", str(tables), "--to", "xlsx"]) == 0
    sheets = pd.read_excel(tables / "xlsx" / "tables.xlsx", sheet_name=None)
    assert list(sheets)[:2] == ["README", "actuals"] and "livelihood" in sheets
    readme = sheets["README"].set_index(["table", "column"])
    assert readme.loc[("reports", "place_code"), "meaning"] == "Place code (GB/T 2260)"
    gdp = sheets["targets"].query("indicator == 'gdp' and report_id == 'jianggan-2014-gov'")
    assert gdp.value.tolist() == [7.5]


def test_parquet_for_r(tables, tmp_path):
    assert cli.main(["export", str(tables), "--to", "parquet", "--out", str(tmp_path)]) == 0
    livelihood = pd.read_parquet(tmp_path / "livelihood.parquet")
    assert len(livelihood) == len(pd.read_csv(tables / "livelihood.csv")) > 0


def test_a_folder_without_tables_is_refused(tmp_path, capsys):
    assert cli.main(["export", str(tmp_path), "--to", "stata"]) == 2
    assert "no tables (*.csv or *.parquet) in this folder" in capsys.readouterr().err
    with pytest.raises(reportlib.ReportLibError, match="unknown export target 'spss'"):
        from reportlib.io.convert import export_tables

        export_tables(tmp_path, "spss")
