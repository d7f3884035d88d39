"""Comparisons of livelihood projects across reports: items per domain, lists chosen by the
deputies' vote against the government's, how concrete each domain's promises are. Pure
functions over the ``livelihood`` and ``quantities`` tables."""

from __future__ import annotations

import pandas as pd

from ..lang.domains import domains


def domain_matrix(livelihood: pd.DataFrame, by: str = "place", per_list: bool = False) -> pd.DataFrame:
    """Items per ``by`` (place, report_id, selection …) and primary domain: a count table with
    one column per domain of the taxonomy that occurs, in taxonomy order. ``per_list``: items
    per list instead (each row divided by its number of lists, :func:`lists_per`), so that a
    place with two lists is not read as promising twice as much."""
    if livelihood.empty:
        return pd.DataFrame()
    table = pd.crosstab(livelihood[by], livelihood["domain"].astype(str))
    table = table[[d for d in domains() if d in table.columns]]
    if per_list:
        table = table.div(lists_per(livelihood, by).reindex(table.index), axis=0).round(2)
    return table


def lists_per(livelihood: pd.DataFrame, by: str = "place") -> pd.Series:
    """The number of lists (reports with items) per ``by``: what :func:`domain_matrix` divides by
    and what its figure annotates (n)."""
    return livelihood.groupby(by, observed=True)["report_id"].nunique().rename("n_lists")


def selection_comparison(livelihood: pd.DataFrame) -> pd.DataFrame:
    """Lists chosen by the deputies' vote against lists chosen by the government.

    One row per selection mode: ``reports``, ``items``, ``items_per_report``, then the share of
    items in each primary domain (columns ``share_<domain>``).
    """
    if livelihood.empty:
        return pd.DataFrame()
    g = livelihood.groupby("selection")
    out = pd.DataFrame({"reports": g["report_id"].nunique(), "items": g.size()})
    out["items_per_report"] = (out["items"] / out["reports"]).round(2)
    shares = pd.crosstab(livelihood["selection"], livelihood["domain"].astype(str), normalize="index").round(4)
    shares = shares[[d for d in domains() if d in shares.columns]].add_prefix("share_")
    return out.join(shares).reset_index()


def selection_by_domain(livelihood: pd.DataFrame) -> pd.DataFrame:
    """:func:`selection_comparison` the long way round, for a paper's table: one row per primary
    domain (taxonomy order), for each selection mode the items and their share of the mode's
    items in % (``deputies_vote_items``, ``deputies_vote_pct``, ``government_items``,
    ``government_pct``)."""
    columns = ["domain", "deputies_vote_items", "deputies_vote_pct", "government_items", "government_pct"]
    if livelihood.empty:
        return pd.DataFrame(columns=columns)
    counts = pd.crosstab(livelihood["domain"].astype(str), livelihood["selection"].astype(str))
    counts = counts.reindex(columns=["deputies_vote", "government"], fill_value=0)
    order = [d for d in domains() if d in counts.index] + [d for d in counts.index if d not in domains()]
    counts = counts.reindex(order)
    out = pd.DataFrame({"domain": counts.index})
    for mode in ("deputies_vote", "government"):
        n = counts[mode].to_numpy()
        total = n.sum()
        out[f"{mode}_items"] = n.astype(int)
        out[f"{mode}_pct"] = (100 * n / total).round(1) if total else 0.0
    return out[columns]


def quantified_by_domain(livelihood: pd.DataFrame, quantities: pd.DataFrame) -> pd.DataFrame:
    """How concrete the promises of each domain are: ``items``, ``quantified_items`` (with at
    least one quantity), ``share_quantified`` and ``quantities`` per primary domain."""
    if livelihood.empty:
        return pd.DataFrame(columns=["domain", "items", "quantified_items", "share_quantified", "quantities"])
    keys = ["report_id", "item_no"]
    counted = quantities.groupby(keys).size().rename("n").reset_index()
    merged = livelihood[keys + ["domain"]].merge(counted, on=keys, how="left").fillna({"n": 0})
    merged["domain"] = merged["domain"].astype(str)
    g = merged.groupby("domain")
    out = pd.DataFrame({"items": g.size(), "quantified_items": g["n"].apply(lambda n: int((n > 0).sum())),
                        "quantities": g["n"].sum().astype(int)})
    out["share_quantified"] = (out["quantified_items"] / out["items"]).round(4)
    order = [d for d in domains() if d in out.index]
    return out.loc[order, ["items", "quantified_items", "share_quantified", "quantities"]].reset_index()
