"""What each report is made of: characters per part (review, plan, livelihood, glossary, other)."""

from __future__ import annotations

import pandas as pd

from ..parse.structure import PARTS


def part_sizes(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Characters per report and part, with each part's share of the report's body.

    Takes the ``paragraphs`` table; header lines are left out. Columns: ``report_id``,
    ``part``, ``n_chars``, ``share`` (0–1). Every report has a row for every part (zeros
    included), in the order of ``PARTS``.
    """
    body = paragraphs[paragraphs["kind"] != "header"]
    grid = (
        body.groupby(["report_id", "part"], observed=False, sort=False)["n_chars"].sum()
        .unstack("part", fill_value=0)
        .reindex(columns=list(PARTS), fill_value=0)
    )
    order = list(dict.fromkeys(paragraphs["report_id"]))
    grid = grid.reindex(order, fill_value=0)
    out = grid.stack().rename("n_chars").reset_index()
    out.columns = ["report_id", "part", "n_chars"]
    totals = out.groupby("report_id", sort=False)["n_chars"].transform("sum")
    out["share"] = (out["n_chars"] / totals.where(totals > 0)).fillna(0.0).round(6)
    out["part"] = pd.Categorical(out["part"], categories=list(PARTS))
    out["n_chars"] = out["n_chars"].astype("int64")
    return out


def part_shares(parts: pd.DataFrame, report_ids) -> pd.DataFrame:
    """:func:`part_sizes` as a grid: one row per report (in the order of ``report_ids``), one
    column per part (in the order of ``PARTS``), each cell the part's share of the report's body."""
    grid = parts.pivot(index="report_id", columns="part", values="share")
    return grid.reindex(index=list(report_ids), columns=list(PARTS)).fillna(0.0)
