"""Table files for the software researchers analyse in: Stata, Excel and Parquet (R's arrow).

:func:`export_tables` reads a folder that ``reportlib tabulate`` wrote (CSV or Parquet) and
writes every table again as

* ``stata``: ``<table>.dta``, format 118 (Unicode, so the Chinese survives), long text as strL,
  English variable labels (``resources/columns.csv``) and the table's name as the data label;
  a column named as a word Stata reserves gets ``_`` appended (``end`` → ``end_``);
  numbers stay numbers, missing strings are empty (Stata has no missing string);
* ``xlsx``: one workbook ``tables.xlsx`` with a ``README`` sheet (every column of every table
  with its meaning) and one sheet per table (openpyxl);
* ``parquet``: ``<table>.parquet`` (pyarrow), which R reads with ``arrow::read_parquet``.
"""

from __future__ import annotations

import csv
import functools
import os
from pathlib import Path

from ..errors import ReportLibError
from ..paths import resource

TARGETS = ("stata", "xlsx", "parquet")
#: Longest string Stata keeps as str# (bytes); longer text is written as strL.
_STATA_STR_MAX = 2045
#: Words Stata reserves as variable names (Stata's manual, [U] 11.3).
STATA_RESERVED = frozenset("""aggregate array boolean break byte case catch class colvector complex const continue
default delegate delete do double else eltypedef end enum explicit export external float for friend function global
goto if in inline int local long NULL pragma protected quad rowvector short strL typedef typename using virtual
with _all _b _coef _cons _N _n _pi _pred _rc _se _skip""".split())
#: Words Stata reserves as variable names (Stata's manual, [U] 11.3).
STATA_RESERVED = frozenset("""aggregate array boolean break byte case catch class colvector complex const continue
default delegate delete do double else eltypedef end enum explicit export external float for friend function global
goto if in inline int local long NULL pragma protected quad rowvector short strL typedef typename using virtual
with _all _b _coef _cons _N _n _pi _pred _rc _se _skip""".split())
#: Excel's row limit (a longer table is refused, not cut).
_EXCEL_ROWS = 1_048_575


@functools.cache
def column_labels() -> dict[str, str]:
    """The English meaning of each column name (``resources/columns.csv``)."""
    with resource("columns.csv").open(encoding="utf-8", newline="") as f:
        return {row["column"]: row["label"] for row in csv.DictReader(f)}


def label(column: str) -> str:
    """A column's meaning, or its name in words for a column the file does not list."""
    return column_labels().get(column) or column.replace("_", " ").capitalize()


def stata_name(column: str) -> str:
    """The Stata variable name of a column: itself, or with ``_`` appended for a word Stata
    reserves (``end`` → ``end_``)."""
    return f"{column}_" if column in STATA_RESERVED else column


def read_tables(folder: str | os.PathLike) -> dict:
    """The tables of a folder written by ``reportlib tabulate`` (``*.csv`` or ``*.parquet``)."""
    import pandas as pd

    root = Path(folder)
    if not root.is_dir():
        raise ReportLibError(f"{root}: no such folder of tables")
    files = sorted(root.glob("*.parquet")) or sorted(root.glob("*.csv"))
    if not files:
        raise ReportLibError(f"{root}: no tables (*.csv or *.parquet) in this folder; write them with reportlib tabulate")
    tables = {}
    for path in files:
        if path.suffix == ".parquet":
            tables[path.stem] = pd.read_parquet(path)
        else:
            tables[path.stem] = pd.read_csv(path, encoding="utf-8-sig", dtype={"place_code": str, "parent_code": str},
                                            low_memory=False)
    return tables


def _for_stata(df):
    import pandas as pd

    out = pd.DataFrame(index=df.index)
    strl = []
    for column in df.columns:
        s = df[column]
        if pd.api.types.is_bool_dtype(s) or str(s.dtype) == "boolean" or (
                s.dtype == object and s.dropna().map(type).eq(bool).all() and s.notna().any()):
            out[column] = s.astype("float64") if s.isna().any() else s.astype("int8")  # 1/0, missing .
        elif pd.api.types.is_numeric_dtype(s):
            out[column] = s.astype("float64") if str(s.dtype) in ("Int64", "Int32", "Float64") else s
        else:
            text = s.astype("string").fillna("").astype(object)
            out[column] = text
            if text.map(lambda v: len(v.encode("utf-8"))).max() > _STATA_STR_MAX:
                strl.append(column)
    return out, strl


def export_tables(folder: str | os.PathLike, to: str, out_dir: str | os.PathLike | None = None) -> list[Path]:
    """Write the tables of ``folder`` for ``to`` (``stata``, ``xlsx`` or ``parquet``) into
    ``out_dir`` (default: ``folder/<to>``); returns the files written."""
    import pandas as pd

    if to not in TARGETS:
        raise ReportLibError(f"unknown export target {to!r}; choose one of: {', '.join(TARGETS)}")
    tables = read_tables(folder)
    out = Path(out_dir) if out_dir is not None else Path(folder) / to
    out.mkdir(parents=True, exist_ok=True)
    written = []
    if to == "stata":
        for name, df in tables.items():
            data, strl = _for_stata(df)
            data = data.rename(columns=stata_name)
            strl = [stata_name(c) for c in strl]
            long = [c for c in data.columns if len(c) > 32]
            if long:
                raise ReportLibError(f"{name}: column names longer than Stata's 32 characters: {', '.join(long)}")
            path = out / f"{name}.dta"
            data.to_stata(path, version=118, write_index=False, convert_strl=strl, data_label=name,
                          variable_labels={stata_name(c): label(c)[:80] for c in df.columns})
            written.append(path)
    elif to == "xlsx":
        for name, df in tables.items():
            if len(df) > _EXCEL_ROWS:
                raise ReportLibError(f"{name}: {len(df):,} rows, more than an Excel sheet holds; export to stata or parquet")
        path = out / "tables.xlsx"
        readme = pd.DataFrame([(name, column, label(column)) for name, df in tables.items() for column in df.columns],
                              columns=["table", "column", "meaning"])
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            readme.to_excel(writer, sheet_name="README", index=False)
            for name, df in tables.items():
                df.to_excel(writer, sheet_name=name[:31], index=False)
        written.append(path)
    else:
        for name, df in tables.items():
            path = out / f"{name}.parquet"
            df.to_parquet(path, index=False)
            written.append(path)
    return written
