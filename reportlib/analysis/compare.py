"""Comparisons of targets and results: what the growth-target notebook shows, as tested functions.

* :func:`target_matrix`: place × year × indicator, each cell the target as written
  (``10%以上``, ``≥10%``), and ``absent`` where the place's previous report of the same type
  set that indicator and this one does not: a dropped GDP target is a finding, not a gap.
* :func:`dropped_targets`: those absences as rows.
* :func:`ambition`: each growth target against the result the same report claims for the
  year before, in percentage points (target − result; a decrease counts as negative growth).
* :func:`compare_report_types`: the same place and year in different report types side by
  side (the party committee's targets and estimates against the government's).

All take the ``targets``/``actuals`` tables and return new DataFrames.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..lang.indicators import label as indicator_label
from ..lang.labels import label, place_label
from ..lang.numbers import unit_label

_EN_QUALIFIER = {"approx": "≈", "floor": "≥", "ceiling": "≤"}
ABSENT = {"zh": "未设定", "en": "absent"}


def _given(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x)) and x is not pd.NA


def format_target(row, lang: str = "zh") -> str:
    """A target as a short label: 7.5%, 10%以上 / ≥10%, 8%左右 / ≈8%, 6–6.5%, −4%, 24500个;
    a qualitative target gives its phrase (zh) or "qualitative" (en)."""
    if not _given(row.value):
        return str(row.qualifier) if lang == "zh" else "qualitative"
    sign = "−" if row.direction == "decrease" else ""
    number = f"{row.value:g}" + (f"–{row.value_high:g}" if _given(row.value_high) else "")
    unit = "" if not _given(row.unit) else str(row.unit)
    if lang == "en":
        unit = unit if unit in ("%", "‰") else f" {unit_label(unit, 'en')}" if unit else ""
        return f"{_EN_QUALIFIER.get(row.qualifier_kind, '')}{sign}{number}{unit}"
    word = str(row.qualifier).split("…")[-1] if row.qualifier_kind in ("approx", "floor", "ceiling") else ""
    return f"{sign}{number}{unit}{word}"


def _headline(table: pd.DataFrame) -> pd.DataFrame:
    """Rows of canonical indicators: 其中地方财政收入… is the district's figure too, while the
    sector figures of 其中五大产业… are ``other``."""
    return table[table["indicator"].astype(str) != "other"]


def _report_order(targets: pd.DataFrame) -> pd.DataFrame:
    keys = targets[["report_id", "place", "report_type", "target_year"]].drop_duplicates("report_id")
    return keys.sort_values(["place", "report_type", "target_year", "report_id"], kind="stable").reset_index(drop=True)


def dropped_targets(targets: pd.DataFrame) -> pd.DataFrame:
    """Indicators a report leaves out that its place's previous report of the same type set.

    Columns: ``place``, ``report_type``, ``report_id``, ``target_year``,
    ``previous_report_id``, ``previous_year``, ``indicator``, ``previous_target`` (as written).
    Only canonical indicators count; "previous" is the latest earlier report in the table.
    """
    head = _headline(targets)
    rows = []
    reports = _report_order(targets)
    for (place, report_type), group in reports.groupby(["place", "report_type"], observed=True, sort=False):
        group = group.sort_values("target_year")
        for prev, cur in zip(group.itertuples(), group.iloc[1:].itertuples()):
            before = head[head.report_id == prev.report_id]
            now = set(head[head.report_id == cur.report_id]["indicator"].astype(str))
            for row in before.itertuples():
                if str(row.indicator) not in now:
                    rows.append(dict(place=place, report_type=report_type, report_id=cur.report_id,
                                     target_year=cur.target_year, previous_report_id=prev.report_id,
                                     previous_year=prev.target_year, indicator=str(row.indicator),
                                     previous_target=format_target(row)))
    columns = ["place", "report_type", "report_id", "target_year", "previous_report_id", "previous_year", "indicator",
               "previous_target"]
    return pd.DataFrame(rows, columns=columns).drop_duplicates(["report_id", "indicator"]).reset_index(drop=True)


def target_matrix(targets: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """One row per report (place, year, type), one column per canonical indicator; each cell
    the report's target(s) for it, ``absent`` (未设定) where the place's previous report of the
    same type had one, empty where neither did."""
    head = _headline(targets)
    reports = _report_order(targets)
    indicators = [i for i in targets["indicator"].cat.categories if i != "other" and i in set(head["indicator"].astype(str))]
    cells: dict[tuple[str, str], list[str]] = {}
    for row in head.itertuples():
        cells.setdefault((row.report_id, str(row.indicator)), []).append(format_target(row, lang))
    dropped = {(d.report_id, d.indicator) for d in dropped_targets(targets).itertuples()}
    out = []
    for r in reports.itertuples():
        line = {"place": r.place, "target_year": r.target_year,
                "report_type": label("report_type", str(r.report_type), lang), "report_id": r.report_id}
        for ind in indicators:
            text = "; ".join(cells.get((r.report_id, ind), []))
            line[indicator_label(ind, lang)] = text or (ABSENT[lang] if (r.report_id, ind) in dropped else "")
        out.append(line)
    return pd.DataFrame(out)


def target_grid(targets: pd.DataFrame, lang: str = "zh") -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the target heatmap draws: ``cells``, :func:`target_matrix` with one row label per
    report ("上城区 2020 政府工作报告") as index and the indicators as columns (the targets as
    written, ``absent``/未设定, or empty), and ``values``, the same grid holding each growth
    target in % (signed: a decrease is negative; NaN for qualitative and level targets)."""
    matrix = target_matrix(targets, lang)
    if matrix.empty or len(matrix.columns) <= 4:
        return pd.DataFrame(), pd.DataFrame()
    # target_matrix already labels the report type in ``lang``
    rows = [f"{place_label(r.place, lang)} {r.target_year} {r.report_type}" for r in matrix.itertuples()]
    cells = matrix.drop(columns=["place", "target_year", "report_type", "report_id"])
    cells.index = rows
    growth = targets[(targets["measure"] == "growth") & (targets["unit"] == "%") & targets["value"].notna()
                     & (targets["indicator"].astype(str) != "other")]
    values = pd.DataFrame(np.nan, index=cells.index, columns=cells.columns)
    row_of = dict(zip(matrix["report_id"], rows))
    for r in growth.itertuples():
        values.loc[row_of[r.report_id], indicator_label(str(r.indicator), lang)] = _signed(r.value, r.direction)
    return cells, values


def _signed(value, direction):
    return -value if direction == "decrease" else value


def ambition(targets: pd.DataFrame, actuals: pd.DataFrame) -> pd.DataFrame:
    """Each growth target (in %) against the same report's claimed growth for the year before.

    Columns: ``report_id``, ``place``, ``report_type``, ``target_year``, ``indicator``,
    ``target`` and ``actual`` (signed: a decrease is negative), ``target_qualifier_kind``,
    ``actual_estimated``, ``ambition_pp`` (target − actual, percentage points). Targets without
    a matching result are left out.
    """
    t = _headline(targets)
    t = t[(t["measure"] == "growth") & (t["unit"] == "%") & t["value"].notna()]
    a = _headline(actuals)
    a = a[(a["measure"] == "growth") & (a["unit"] == "%")]
    a = a.drop_duplicates(["report_id", "indicator"])
    merged = t.merge(a[["report_id", "indicator", "value", "direction", "estimated", "year"]],
                     on=["report_id", "indicator"], suffixes=("", "_actual"))
    merged = merged[merged["year"].isna() | (merged["year"] == merged["target_year"] - 1)]
    out = pd.DataFrame({
        "report_id": merged["report_id"], "place": merged["place"], "report_type": merged["report_type"],
        "target_year": merged["target_year"], "indicator": merged["indicator"].astype(str),
        "target": [_signed(v, d) for v, d in zip(merged["value"], merged["direction"])],
        "actual": [_signed(v, d) for v, d in zip(merged["value_actual"], merged["direction_actual"])],
        "target_qualifier_kind": merged["qualifier_kind"].astype(str), "actual_estimated": merged["estimated"],
    })
    out["ambition_pp"] = (out["target"] - out["actual"]).round(4)
    return out.reset_index(drop=True)


def compare_report_types(table: pd.DataFrame, year: str) -> pd.DataFrame:
    """The same place, year, indicator and measure in different report types, side by side.

    ``table`` is ``targets`` (``year="target_year"``) or ``actuals`` (``year="year"``). One
    row per place, year, indicator, measure and unit that at least two report types give
    values for; one column per report type, and ``spread`` (largest − smallest).
    """
    rows = table[table["value"].notna()].copy()
    rows["indicator"] = rows["indicator"].astype(str)
    rows["report_type"] = rows["report_type"].astype(str)
    rows["signed"] = [_signed(v, d) for v, d in zip(rows["value"], rows["direction"])]
    keys = ["place", year, "indicator", "indicator_raw", "measure", "unit"]
    rows["indicator_raw"] = rows["indicator"].where(rows["indicator"] != "other", rows["indicator_raw"])
    wide = rows.pivot_table(index=keys, columns="report_type", values="signed", aggfunc="first", observed=True)
    wide = wide[wide.notna().sum(axis=1) >= 2]
    wide.columns.name = None
    wide["spread"] = (wide.max(axis=1) - wide.min(axis=1)).round(4)
    wide = wide.reset_index().drop(columns="indicator_raw")
    return wide
