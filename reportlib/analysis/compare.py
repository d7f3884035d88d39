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
    sector figures of 其中五大产业… are ``other``. A table without the text (the open panel of
    :mod:`reportlib.datasets`) gets an empty ``text_span`` and its raw offsets as the order."""
    rows = table[table["indicator"].astype(str) != "other"]
    if "text_span" not in rows.columns or "start" not in rows.columns:
        rows = rows.copy()
        if "text_span" not in rows.columns:
            rows["text_span"] = pd.Series(pd.NA, index=rows.index, dtype="object")
        if "start" not in rows.columns:
            rows["start"] = rows["raw_start"]
    return rows


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
    """One row per report (in place, year, type order), one column per canonical indicator; each cell
    the report's target(s) for it, ``absent`` (未设定) where the place's previous report of the
    same type had one, empty where neither did."""
    from ..lang.labels import in_report_order

    head = _headline(targets)
    reports = _report_order(targets)
    reports = reports.iloc[in_report_order(reports, year="target_year")]
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


def _sign(direction) -> float:
    """+1, or −1 for a decrease: values are signed so that a decrease is negative."""
    return -1.0 if direction == "decrease" else 1.0


def _signed(value, direction):
    return _sign(direction) * value


def _lower_is_harder(direction, qualifier_kind) -> bool:
    """Whether a smaller value is the more demanding target: a decrease to achieve (energy
    intensity down 4%) must be larger to ask for more, and a ceiling (prices within 3%) lower."""
    return direction == "decrease" or qualifier_kind == "ceiling"


def ambition(targets: pd.DataFrame, actuals: pd.DataFrame) -> pd.DataFrame:
    """Each growth target (in %) against the same report's claimed growth for the year before.

    Columns: ``report_id``, ``place``, ``report_type``, ``target_year``, ``indicator``,
    ``target`` and ``actual`` (signed: a decrease is negative), ``target_qualifier_kind``,
    ``actual_estimated``, ``harder_is`` (``higher`` or ``lower``: a decrease to achieve or a
    ceiling is more demanding when lower), ``ambition_pp``: how much more demanding the target is
    than last year's result, in percentage points, positive always meaning more demanding
    (target − actual for a target to exceed; actual − target for a decrease or a ceiling: energy
    intensity −4% after −7.8% is −3.8, a smaller cut). Targets without a matching result are
    left out.
    """
    t = _headline(targets)
    t = t[(t["measure"] == "growth") & (t["unit"] == "%") & t["value"].notna()]
    a = _headline(actuals)
    a = a[(a["measure"] == "growth") & (a["unit"] == "%")]
    a = a.drop_duplicates(["report_id", "indicator"])
    merged = t.merge(a[["report_id", "indicator", "value", "direction", "estimated", "year"]],
                     on=["report_id", "indicator"], suffixes=("", "_actual"))
    merged = merged[merged["year"].isna() | (merged["year"] == merged["target_year"] - 1)]
    lower = [_lower_is_harder(d, k) for d, k in zip(merged["direction"], merged["qualifier_kind"])]
    out = pd.DataFrame({
        "report_id": merged["report_id"], "place": merged["place"], "report_type": merged["report_type"],
        "target_year": merged["target_year"], "indicator": merged["indicator"].astype(str),
        "target": [_signed(v, d) for v, d in zip(merged["value"], merged["direction"])],
        "actual": [_signed(v, d) for v, d in zip(merged["value_actual"], merged["direction_actual"])],
        "target_qualifier_kind": merged["qualifier_kind"].astype(str), "actual_estimated": merged["estimated"],
        "harder_is": ["lower" if x else "higher" for x in lower],
    })
    sense = np.where(out["harder_is"] == "lower", -1.0, 1.0)
    out["ambition_pp"] = (sense * (out["target"] - out["actual"])).round(4) + 0.0  # no −0.0
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


# --- targets against the results claimed for them, results against their revisions, and the
# targets of a place against its parent's


#: How close a result must come to an approximate target (8%左右) to count as met: this many
#: percentage points for a rate (%), this share of the target for other units.
APPROX_TOLERANCE_PP = 0.5
APPROX_TOLERANCE_SHARE = 0.05

_RATE_UNITS = ("%", "‰", "个百分点")


def _report_years(targets: pd.DataFrame, actuals: pd.DataFrame, reports: pd.DataFrame | None) -> dict:
    """The year each report plans for: ``reports.plan_year`` (or ``year``) when given, else the
    year of its targets, else the year after the results it reviews."""
    years: dict = {}
    if reports is not None:
        for rid, plan, year in zip(reports["report_id"], reports["plan_year"], reports["year"]):
            years[rid] = plan if _given(plan) else year
    for rid, year in zip(targets["report_id"], targets["target_year"]):
        if _given(year):
            years.setdefault(rid, year)
    for rid, year in zip(actuals["report_id"], actuals["year"]):
        if _given(year):
            years.setdefault(rid, year + 1)
    return years


def _claims(actuals: pd.DataFrame, years: dict) -> pd.DataFrame:
    """Headline results for single years, the first of each report, indicator, measure, unit and year."""
    a = _headline(actuals)
    a = a[(a["period"].astype(str) == "year") & ~a["is_sub"].astype(bool) & a["year"].notna() & a["value"].notna()]
    a = a.drop_duplicates(["report_id", "indicator", "measure", "unit", "year"]).copy()
    a["indicator"] = a["indicator"].astype(str)
    a["report_year"] = a["report_id"].map(years)
    a["signed"] = [_signed(v, d) for v, d in zip(a["value"], a["direction"])]
    return a


def _met(kind: str, along: float, target: float, high, result: float, unit: str) -> object:
    if kind == "qualitative" or not _given(target):
        return pd.NA
    if kind == "ceiling":
        return bool(along * (result - target) <= 0)
    if kind == "approx":
        tolerance = APPROX_TOLERANCE_PP if unit in _RATE_UNITS else abs(target) * APPROX_TOLERANCE_SHARE
        return bool(abs(result - target) <= tolerance + 1e-9)
    if kind == "range" and _given(high):
        low, up = sorted((target, along * high))
        return bool(low - 1e-9 <= result <= up + 1e-9)
    return bool(along * (result - target) >= -1e-9)  # floor, and a plain target read as one to reach


def achievement(targets: pd.DataFrame, actuals: pd.DataFrame, reports: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each target against the result claimed for its year in the next report of the same place
    and type (the earliest later report that claims one).

    One row per place × report type × indicator × measure × year (with the place's ``place_code``
    and ``level``, from ``reports`` when given, else from the place table). Values are signed (a decrease
    is negative): ``target``, ``target_high`` (a range's upper end), ``qualifier_kind``,
    ``result``, ``estimated`` (the result is 预计, 初步核算 …), ``gap`` (result − target, in the
    target's unit: percentage points for rates), ``met``, decided by the qualifier: ``floor``
    and a plain target (``point``, read as a target to reach): the result reaches it in the
    target's direction; ``ceiling``: it does not exceed it; ``approx`` (左右): within
    :data:`APPROX_TOLERANCE_PP` percentage points (:data:`APPROX_TOLERANCE_SHARE` of the target
    for other units); ``range``: inside; ``qualitative``: null. ``reached`` says, for every
    quantified target, whether the result reached it in its direction. ``boundary_change`` is true
    when the place gained or lost area (``resources/place_changes.csv``) between the target's year
    and the result's report, so the result may be counted on other boundaries.

    Provenance: ``target_report_id``, ``target_text_span``, ``target_raw_start``/``target_raw_end``
    and the same for the result (``result_…``). ``reports`` (optional) gives each report's plan
    year; without it the year is read from the tables themselves.
    """
    from ..lang import places

    years = _report_years(targets, actuals, reports)
    codes = dict(zip(reports["report_id"], reports["place_code"])) if reports is not None and "place_code" in reports else {}
    levels = dict(zip(reports["report_id"], reports["level"])) if reports is not None and "level" in reports else {}
    t = _headline(targets)
    t = t[~t["is_sub"].astype(bool) & t["target_year"].notna()].copy()
    t["indicator"] = t["indicator"].astype(str)
    t = t.drop_duplicates(["report_id", "indicator", "measure"])
    t["match_measure"] = t["measure"].astype(str).replace({"qualitative": "growth"})
    claims = _claims(actuals, years)
    claims["match_measure"] = claims["measure"].astype(str)
    keys = ["place", "report_type", "indicator", "match_measure"]
    merged = t.merge(claims, on=keys, suffixes=("", "_r"))
    merged = merged[(merged["year"] == merged["target_year"]) & (merged["report_year"] > merged["target_year"])
                    & ((merged["measure"].astype(str) == "qualitative") | (merged["unit"] == merged["unit_r"]))]
    merged = merged.sort_values(["report_year", "start_r"], kind="stable")
    merged = merged.drop_duplicates(["report_id", "indicator", "measure"])
    rows = []
    for r in merged.itertuples(index=False):
        along = _sign(r.direction)
        target = along * r.value if _given(r.value) else None
        gap = round(r.signed - target, 4) if target is not None else None
        code = codes.get(r.report_id) or places.place_code(r.place, f"{int(r.target_year)}-01")
        rows.append(dict(
            place=r.place, place_code=code, level=levels.get(r.report_id) or getattr(places.place(code), "level", None),
            report_type=r.report_type, indicator=r.indicator, measure=r.measure, unit=r.unit,
            year=int(r.target_year), target=target, target_high=r.value_high if _given(r.value_high) else None,
            qualifier_kind=r.qualifier_kind, result=r.signed, estimated=r.estimated, gap=gap,
            met=_met(str(r.qualifier_kind), along, target, r.value_high, r.signed, str(r.unit)),
            reached=pd.NA if gap is None else bool(along * gap >= -1e-9),
            boundary_change=places.changed_between(code, f"{int(r.target_year)}-01", f"{int(r.report_year)}-13"),
            target_report_id=r.report_id, target_text_span=r.text_span, target_raw_start=r.raw_start,
            target_raw_end=r.raw_end, result_report_id=r.report_id_r, result_text_span=r.text_span_r,
            result_raw_start=r.raw_start_r, result_raw_end=r.raw_end_r,
        ))
    columns = ["place", "place_code", "level", "report_type", "indicator", "measure", "unit", "year", "target", "target_high",
               "qualifier_kind", "result", "estimated", "gap", "met", "reached", "boundary_change", "target_report_id",
               "target_text_span", "target_raw_start", "target_raw_end", "result_report_id", "result_text_span",
               "result_raw_start", "result_raw_end"]
    out = pd.DataFrame(rows, columns=columns)
    for column in ("met", "reached"):
        out[column] = out[column].astype("boolean")
    out = out.sort_values(["place", "report_type", "indicator", "measure", "year"], kind="stable")
    return out.reset_index(drop=True)


def revisions(actuals: pd.DataFrame, targets: pd.DataFrame | None = None,
              reports: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each result claimed again: the first claim for a place, indicator, measure, unit and year
    (often 预计, in the next year's report; reports ordered by the year they plan, then, with
    ``reports``, by delivery date) against every later or other claim, also across report types
    (the party committee's figure against the government's of the same year).

    Columns: ``place``, ``indicator``, ``measure``, ``unit``, ``year``, ``first`` and ``later``
    (signed values), ``revision`` (later − first), ``first_estimated``, ``later_estimated``,
    ``first_report_id``/``later_report_id``, their ``report_type``s, ``text_span``s and raw
    offsets. Claims of the same value in the same report type are left out.
    """
    empty_targets = pd.DataFrame(columns=["report_id", "target_year"])
    years = _report_years(targets if targets is not None else empty_targets, actuals, reports)
    claims = _claims(actuals, years)
    dates = dict(zip(reports["report_id"], reports["date"])) if reports is not None else {}
    claims["report_date"] = claims["report_id"].map(dates).fillna("")
    claims = claims.sort_values(["report_year", "report_date", "report_id", "start"], kind="stable")
    rows = []
    for key, group in claims.groupby(["place", "indicator", "measure", "unit", "year"], sort=True, observed=True):
        if len(group) < 2:
            continue
        first = group.iloc[0]
        for later in group.iloc[1:].itertuples(index=False):
            if later.report_type == first.report_type and later.signed == first.signed:
                continue
            rows.append(dict(
                place=key[0], indicator=key[1], measure=key[2], unit=key[3], year=int(key[4]),
                first=first.signed, later=later.signed, revision=round(later.signed - first.signed, 4),
                first_estimated=first.estimated, later_estimated=later.estimated,
                first_report_id=first.report_id, first_report_type=first.report_type,
                later_report_id=later.report_id, later_report_type=later.report_type,
                first_text_span=first.text_span, first_raw_start=first.raw_start, first_raw_end=first.raw_end,
                later_text_span=later.text_span, later_raw_start=later.raw_start, later_raw_end=later.raw_end,
            ))
    columns = ["place", "indicator", "measure", "unit", "year", "first", "later", "revision", "first_estimated",
               "later_estimated", "first_report_id", "first_report_type", "later_report_id", "later_report_type",
               "first_text_span", "first_raw_start", "first_raw_end", "later_text_span", "later_raw_start",
               "later_raw_end"]
    return pd.DataFrame(rows, columns=columns)


def escalation(targets: pd.DataFrame, reports: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each growth target (in %) of a place against its parent's for the same year, indicator and
    report type: district − city, city − province, province − national, in percentage points.

    Places are coded by :mod:`reportlib.lang.places` (``reports.place_code``/``parent_code`` when
    ``reports`` is given, else by name and year). Columns: ``year``, ``indicator``, ``place``,
    ``place_code``, ``level``, ``parent``, ``parent_code``, ``target`` and ``parent_target``
    (signed), their ``qualifier_kind``s, ``escalation_pp`` (target − parent target), and both
    sources: ``report_id``/``parent_report_id``, ``text_span``/``parent_text_span`` and raw
    offsets. The dated crosswalk is applied: ``current_code``/``current_place`` name the places
    that hold the place's area today (江干区 2020: 上城区;钱塘区, split in 2021), so rows can be
    grouped by today's boundaries; a place that did not change names itself.
    """
    from ..lang import places

    t = _headline(targets)
    t = t[(t["measure"].astype(str) == "growth") & (t["unit"] == "%") & t["value"].notna() & ~t["is_sub"].astype(bool)
          & t["target_year"].notna()].copy()
    t["indicator"] = t["indicator"].astype(str)
    t = t.drop_duplicates(["report_id", "indicator"])
    if reports is not None and "place_code" in reports.columns:
        codes = dict(zip(reports["report_id"], reports["place_code"]))
        t["place_code"] = t["report_id"].map(codes)
    else:
        t["place_code"] = [places.place_code(p, places.when(None, y)) for p, y in zip(t["place"], t["target_year"])]
    t = t[t["place_code"].notna()]
    t["parent_code"] = t["place_code"].map(places.parent_code)
    t["target"] = [_signed(v, d) for v, d in zip(t["value"], t["direction"])]
    parent = t[["place", "place_code", "report_type", "target_year", "indicator", "target", "qualifier_kind",
                "report_id", "text_span", "raw_start", "raw_end"]]
    parent = parent.rename(columns={c: f"parent_{c}" for c in parent.columns
                                    if c not in ("place_code", "report_type", "target_year", "indicator")})
    parent = parent.rename(columns={"place_code": "parent_code"})
    merged = t.merge(parent, on=["parent_code", "report_type", "target_year", "indicator"])
    out = pd.DataFrame({
        "year": merged["target_year"].astype(int), "indicator": merged["indicator"], "place": merged["place"],
        "place_code": merged["place_code"], "level": [getattr(places.place(c), "level", None) for c in merged["place_code"]],
        "parent": merged["parent_place"], "parent_code": merged["parent_code"], "report_type": merged["report_type"],
        "target": merged["target"], "parent_target": merged["parent_target"],
        "qualifier_kind": merged["qualifier_kind"], "parent_qualifier_kind": merged["parent_qualifier_kind"],
        "escalation_pp": (merged["target"] - merged["parent_target"]).round(4),
        "report_id": merged["report_id"], "text_span": merged["text_span"], "raw_start": merged["raw_start"],
        "raw_end": merged["raw_end"], "parent_report_id": merged["parent_report_id"],
        "parent_text_span": merged["parent_text_span"], "parent_raw_start": merged["parent_raw_start"],
        "parent_raw_end": merged["parent_raw_end"],
    })
    now = [places.current(c, f"{int(y)}-01") for c, y in zip(out["place_code"], out["year"])]
    out["current_code"] = [";".join(code for code, _ in n) for n in now]
    out["current_place"] = [";".join(name for _, name in n) for n in now]
    return out.sort_values(["year", "indicator", "parent_code", "place_code"], kind="stable").reset_index(drop=True)


def met_rates(achieved: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """Of the targets :func:`achievement` can decide (``met`` not null), how many were met, per
    group of ``by`` (e.g. ``"indicator"``, ``"qualifier_kind"``, ``"level"``): ``n``, ``n_met``,
    ``met_pct`` (%), and ``reached_pct`` (%, the result reached the target in its direction,
    whatever the qualifier). Groups ordered by ``n``, largest first, then by name."""
    keys = [by] if isinstance(by, str) else list(by)
    decided = achieved[achieved["met"].notna()]
    if decided.empty:
        return pd.DataFrame(columns=keys + ["n", "n_met", "met_pct", "reached_pct"])
    grouped = decided.groupby(keys, observed=True, sort=True)
    out = grouped.agg(n=("met", "size"), n_met=("met", "sum"), n_reached=("reached", "sum")).reset_index()
    out["n_met"] = out["n_met"].astype(int)
    out["met_pct"] = (100 * out["n_met"] / out["n"]).round(1)
    out["reached_pct"] = (100 * out.pop("n_reached").astype(int) / out["n"]).round(1)
    return out.sort_values(["n"] + keys, ascending=[False] + [True] * len(keys), kind="stable").reset_index(drop=True)


def growth_gaps(achieved: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`achievement` with a growth target in % and its result: ``gap`` in
    percentage points is what bunching just above the target is read from."""
    a = achieved[(achieved["measure"].astype(str) == "growth") & (achieved["unit"] == "%") & achieved["gap"].notna()]
    return a.reset_index(drop=True)


def bunching(gaps: pd.Series, width: float = 0.5) -> pd.DataFrame:
    """Shares (%) of results within ``width`` percentage points below the target
    (``[-width, 0)``) and above it (``[0, width)``): a much larger share just above than just
    below is the bunching that the literature reads as results reported to meet the target."""
    g = pd.Series(gaps, dtype=float).dropna()
    n = len(g)
    below = int(((g >= -width - 1e-9) & (g < -1e-9)).sum())
    above = int(((g >= -1e-9) & (g < width - 1e-9)).sum())
    return pd.DataFrame({"band": [f"[-{width:g}, 0)", f"[0, {width:g})"], "n": [below, above],
                         "pct": [round(100 * below / n, 1) if n else None, round(100 * above / n, 1) if n else None],
                         "of": [n, n]})


LEVEL_ORDER = ("national", "province", "city", "county", "district")


def escalation_chains(escalated: pd.DataFrame, indicator: str = "gdp", limit: int = 6) -> pd.DataFrame:
    """Chains of targets from the lowest places of :func:`escalation` up to the national level,
    for one ``indicator``: ``chain`` (the lowest place and the year, e.g. ``江干区 2014``),
    ``year``, ``indicator``, ``step`` (0 for the highest level reached), ``level``, ``place``, ``place_code``,
    ``target``, ``report_id``, and the chain's ``current_place`` (the crosswalk: where the lowest
    place's area is today). The ``limit`` chains kept start at the lowest level (districts before
    cities), then are the longest, then the latest, then by place code, so the choice is the same
    on every run."""
    from ..lang import places

    e = escalated[escalated["indicator"].astype(str) == indicator]
    up = {(r.place_code, r.year, r.report_type): r for r in e.itertuples(index=False)}
    children = {(r.parent_code, r.year, r.report_type) for r in e.itertuples(index=False)}
    chains = []
    for r in e.itertuples(index=False):
        if (r.place_code, r.year, r.report_type) in children:
            continue  # not the lowest place of its chain
        links = [r]
        while (links[-1].parent_code, r.year, r.report_type) in up:
            links.append(up[(links[-1].parent_code, r.year, r.report_type)])
        chains.append(links)
    depth = {lv: k for k, lv in enumerate(LEVEL_ORDER)}
    chains.sort(key=lambda links: (-depth.get(links[0].level, -1), -len(links), -links[0].year, links[0].place_code))
    rows = []
    for links in chains[:limit]:
        base = links[0]
        name = f"{base.place} {base.year}"
        steps = [(links[-1].parent, links[-1].parent_code, links[-1].parent_target, links[-1].parent_report_id)]
        steps += [(lk.place, lk.place_code, lk.target, lk.report_id) for lk in reversed(links)]
        for k, (place, code, target, rid) in enumerate(steps):
            level = getattr(places.place(code), "level", None)
            rows.append(dict(chain=name, year=int(base.year), indicator=indicator, step=k, level=level, place=place,
                             place_code=code, target=target, report_id=rid, current_place=base.current_place))
    return pd.DataFrame(rows, columns=["chain", "year", "indicator", "step", "level", "place", "place_code", "target",
                                       "report_id", "current_place"])


def select_rows(table: pd.DataFrame, places=None, years=None, indicators=None, with_parent: bool = False) -> pd.DataFrame:
    """The rows of an :func:`achievement`, :func:`revisions` or :func:`escalation` table whose
    ``place`` is in ``places`` (with ``with_parent``, or whose ``parent`` is), whose ``year`` is
    in ``years`` and whose ``indicator`` is in ``indicators``; None keeps all."""
    keep = pd.Series(True, index=table.index)
    if places is not None:
        keep &= table["place"].isin(list(places)) | (with_parent & table.get("parent", table["place"]).isin(list(places)))
    if years is not None:
        keep &= table["year"].isin([int(y) for y in years])
    if indicators is not None:
        keep &= table["indicator"].astype(str).isin(list(indicators))
    return table[keep].reset_index(drop=True)
