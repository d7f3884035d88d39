"""The one way a table is made from rows: columns in a fixed order, each with its declared type,
and the span of a row in the report's clean text and in its source file."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from ..parse.report import Report

#: The span columns every row that points into a text carries.
SPAN_COLUMNS = ("start", "end", "raw_start", "raw_end")


def frame(rows: list[dict], columns: Sequence[str], *, ints: Sequence[str] = (), nullable_ints: Sequence[str] = (),
          floats: Sequence[str] = (), bools: Sequence[str] = (),
          categories: Mapping[str, Sequence[str]] | None = None) -> pd.DataFrame:
    """A DataFrame of ``rows`` with exactly ``columns``, in that order: ``ints`` as int64,
    ``nullable_ints`` as Int64 (null where the text states nothing), ``floats`` as float64,
    ``bools`` as bool and each column of ``categories`` as a categorical of those categories, in
    that order (so that an empty table has the same types as a full one). Type names of columns
    the table does not have are ignored."""
    df = pd.DataFrame(rows, columns=list(columns))
    for cols, dtype in ((ints, "int64"), (nullable_ints, "Int64"), (floats, "float64"), (bools, "bool")):
        for col in cols:
            if col in df:
                df[col] = df[col].astype(dtype)
    for col, cats in (categories or {}).items():
        if col in df:
            df[col] = pd.Categorical(df[col], categories=list(cats))
    return df


def span(report: Report, start: int, end: int) -> dict[str, int]:
    """``start``/``end`` in the report's clean text and ``raw_start``/``raw_end`` in its file."""
    raw_start, raw_end = report.raw_span(start, end)
    return dict(start=start, end=end, raw_start=raw_start, raw_end=raw_end)
