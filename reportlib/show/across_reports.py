"""Figures of targets across reports (notebooks 05 and 06): met rates, the distribution of
result − target, revisions, and targets against the parent's, each in Chinese or English.

Each takes tables of :mod:`reportlib.analysis.compare` and returns a matplotlib Figure at most
:data:`~reportlib.show.figures.WIDTH_DOUBLE` wide; save both languages with
:func:`reportlib.show.notebook.save_both`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..analysis import compare
from ..lang.indicators import label as indicator_label
from ..lang.labels import label, place_label
from .figures import WIDTH_DOUBLE
from .plots import _empty, _t

#: Bars shown per panel of :func:`met_rate_chart`; the rest are in the table.
TOP_GROUPS = 10
#: The range of :func:`gap_histogram` (percentage points); results farther out are counted at its edges.
GAP_RANGE = 5.0


def _group_label(by: str, value, lang: str) -> str:
    if by == "indicator":
        return indicator_label(str(value), lang)
    return label(by, str(value), lang)


def _edge_ticks(ax) -> None:
    """x ticks every point from −GAP_RANGE to GAP_RANGE, the outer ones marked ≤/≥ (values beyond are drawn there)."""
    ticks = np.arange(-GAP_RANGE, GAP_RANGE + 1, 1)
    ax.set_xticks(ticks, [f"≤{t:g}" if t == -GAP_RANGE else f"≥{t:g}" if t == GAP_RANGE else f"{t:g}" for t in ticks])


def met_rate_chart(rates: dict[str, pd.DataFrame], lang: str = "zh"):
    """One panel per grouping (``{"indicator": compare.met_rates(a, "indicator"), …}``): the share
    of targets met per group, largest groups first (at most :data:`TOP_GROUPS`), with ``n``."""
    import matplotlib.pyplot as plt

    panels = [(by, t.head(TOP_GROUPS)) for by, t in rates.items() if len(t)]
    if not panels:
        return _empty(lang)
    rows = max(len(t) for _, t in panels)
    fig, axes = plt.subplots(1, len(panels), figsize=(WIDTH_DOUBLE, 0.24 * rows + 1.4), squeeze=False,
                             gridspec_kw={"width_ratios": [1.4 if by == "indicator" else 1 for by, _ in panels]})
    titles = {"indicator": "by_indicator", "qualifier_kind": "by_qualifier", "level": "by_level"}
    for ax, (by, t) in zip(axes[0], panels):
        y = np.arange(len(t))
        ax.barh(y, t["met_pct"], color="C0")
        for k, (pct, n) in enumerate(zip(t["met_pct"], t["n"])):
            ax.text(min(pct, 100) + 2, k, f"n={n}", va="center", fontsize=6)
        ax.set_yticks(y, [_group_label(by, v, lang) for v in t[by]], fontsize=7)
        ax.set_xlim(0, 125)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.invert_yaxis()
        ax.set(xlabel=_t("met_pct", lang), title=_t(titles.get(by, by), lang))
    return fig


def gap_histogram(gaps: pd.DataFrame, lang: str = "zh"):
    """The distribution of result − target for growth targets in % (``compare.growth_gaps``), in
    half-point bins with an edge at zero (results are stated to a tenth of a point, so each bin
    holds five of those values), so that bunching just above the target shows as a step at the
    zero line; gaps beyond ±:data:`GAP_RANGE` are counted in the outer bins; the shares within
    0.5 points either side in the title."""
    import matplotlib.pyplot as plt

    g = gaps["gap"].astype(float).clip(-GAP_RANGE, GAP_RANGE) if len(gaps) else pd.Series(dtype=float)
    if g.empty:
        return _empty(lang)
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 2.8))
    bins = np.arange(-GAP_RANGE, GAP_RANGE + 0.5, 0.5)
    ax.hist(g.clip(upper=GAP_RANGE - 0.01), bins=bins, color="C0", edgecolor="white", linewidth=0.4)
    ax.axvline(0, color="C3", linewidth=1)
    _edge_ticks(ax)
    shares = compare.bunching(gaps["gap"])
    ax.set_title(_t("bunching", lang).format(above=shares["pct"].iloc[1], below=shares["pct"].iloc[0]), fontsize=8)
    ax.set(xlabel=_t("gap", lang), ylabel=_t("n_targets", lang))
    return fig


def revision_chart(revised: pd.DataFrame, lang: str = "zh"):
    """Growth rates claimed twice (``compare.revisions``, unit %): later − first figure, one dot
    per result, estimates (预计) first claimed marked apart."""
    import matplotlib.pyplot as plt

    r = revised[(revised["measure"].astype(str) == "growth") & (revised["unit"] == "%")] if len(revised) else revised
    if r.empty:
        return _empty(lang)
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 2.4))
    rng = np.random.default_rng(0)  # a fixed jitter: the same figure on every run
    for k, (estimated, part) in enumerate(r.groupby(r["first_estimated"].astype(bool), sort=True)):
        name = _t("estimate_later" if estimated else "other_claims", lang)
        ax.scatter(part["revision"].clip(-GAP_RANGE, GAP_RANGE), k + rng.uniform(-0.25, 0.25, len(part)), s=10,
                   alpha=0.7, label=f"{name} (n={len(part)})")
    ax.axvline(0, color="0.3", linewidth=0.8)
    ax.set_yticks([])
    ax.set(xlabel=_t("revision", lang), xlim=(-GAP_RANGE - 0.2, GAP_RANGE + 0.2))
    _edge_ticks(ax)
    ax.legend(fontsize=7, loc="upper left")
    return fig


def escalation_chart(escalated: pd.DataFrame, indicator: str = "gdp", lang: str = "zh"):
    """For one indicator, target − parent's target by level pair (province − nation, city −
    province, district − city): a box per pair with every target as a dot, and ``n``."""
    import matplotlib.pyplot as plt

    e = escalated[escalated["indicator"].astype(str) == indicator]
    levels = [lv for lv in compare.LEVEL_ORDER if lv in set(e["level"])]
    if not levels:
        return _empty(lang)
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 0.55 * len(levels) + 1.3))
    data = [e.loc[e["level"] == lv, "escalation_pp"].astype(float).to_numpy() for lv in levels]
    ax.boxplot(data, orientation="horizontal", widths=0.5, showfliers=False)
    rng = np.random.default_rng(0)
    for k, values in enumerate(data, start=1):
        ax.scatter(values, k + rng.uniform(-0.18, 0.18, len(values)), s=6, alpha=0.4, color="C0", zorder=3)
        ax.text(1.01, k, f"n={len(values)}", transform=ax.get_yaxis_transform(), va="center", fontsize=7)
    ax.set_yticks(range(1, len(levels) + 1), [label("level_pair", lv, lang) for lv in levels])
    ax.axvline(0, color="C3", linewidth=0.8)
    ax.invert_yaxis()
    ax.set(xlabel=_t("escalation", lang), title=indicator_label(indicator, lang))
    return fig


def escalation_trend(escalated: pd.DataFrame, indicator: str = "gdp", lang: str = "zh"):
    """Median target − parent's target per year and level pair, with the interquartile band;
    a year with one target of a level shows as a dot."""
    import matplotlib.pyplot as plt

    e = escalated[escalated["indicator"].astype(str) == indicator]
    if e.empty:
        return _empty(lang)
    stats = e.groupby(["level", "year"], observed=True)["escalation_pp"].quantile([0.25, 0.5, 0.75]).unstack()
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 2.8))
    for k, lv in enumerate(lv for lv in compare.LEVEL_ORDER if lv in stats.index.get_level_values(0)):
        s = stats.loc[lv]
        ax.plot(s.index, s[0.5], marker="o", markersize=2.5, linewidth=1, color=f"C{k}",
                label=label("level_pair", lv, lang))
        ax.fill_between(s.index, s[0.25], s[0.75], color=f"C{k}", alpha=0.2, linewidth=0)
    ax.axhline(0, color="0.3", linewidth=0.8)
    ax.set(xlabel=_t("year", lang), ylabel=_t("escalation", lang), title=_t("median_iqr", lang))
    ax.legend(fontsize=7, loc="best")
    return fig


def chain_chart(chains: pd.DataFrame, lang: str = "zh"):
    """Targets down a chain of levels (``compare.escalation_chains``): one line per chain from
    the national (or highest) target to the lowest place's, labelled with the place and year, and
    where the place was later merged or split, the places that hold its area today."""
    import matplotlib.pyplot as plt

    if chains.empty:
        return _empty(lang)
    levels = [lv for lv in compare.LEVEL_ORDER if lv in set(chains["level"])]
    x = {lv: k for k, lv in enumerate(levels)}
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 3.2))
    ends = []
    for k, (name, c) in enumerate(chains.groupby("chain", sort=False)):
        c = c.sort_values("step")
        xs = [x[lv] for lv in c["level"]]
        jitter = 0.04 * (k - (chains["chain"].nunique() - 1) / 2)  # equal targets stay apart
        ax.plot([v + jitter for v in xs], c["target"], marker="o", markersize=3.5, linewidth=1.2, color=f"C{k % 10}")
        base = c.iloc[-1]
        text = f"{place_label(base.place, lang)} {base.year}"
        now = [p for p in str(base.current_place).split(";") if p]
        if now and now != [base.place]:
            joined = ("、" if lang == "zh" else ", ").join(place_label(p, lang) for p in now)
            text += f" ({_t('now', lang)} {joined})"
        ends.append([xs[-1], float(base.target), text, f"C{k % 10}"])
    low, high = ax.get_ylim()
    step = 0.07 * (high - low)  # labels at the same level at least this far apart
    for level_x in sorted({e[0] for e in ends}):
        at = sorted((e for e in ends if e[0] == level_x), key=lambda e: e[1])
        ys = [e[1] for e in at]
        for i in range(1, len(ys)):
            ys[i] = max(ys[i], ys[i - 1] + step)
        for e, y in zip(at, ys):
            ax.annotate(e[2], (level_x, e[1]), xytext=(level_x + 0.12, y), textcoords="data", va="center", fontsize=7,
                        color=e[3], arrowprops={"arrowstyle": "-", "color": e[3], "linewidth": 0.5})
    ax.set_xticks(range(len(levels)), [label("level", lv, lang) for lv in levels])
    ax.set_xlim(-0.2, len(levels) - 1 + 1.9)  # room for the labels at the right
    indicators = set(chains["indicator"]) if "indicator" in chains else {"gdp"}
    ax.set(ylabel=_t("gdp_target", lang) if indicators <= {"gdp"} else _t("target", lang))
    return fig
