"""Figures of the growth-target analysis, each in Chinese or English (``lang``).

Each function takes library tables and returns a matplotlib Figure drawn in the house style
(call :func:`reportlib.show.figures.set_style` first); save it with
:func:`reportlib.show.figures.save_figure`.
"""

from __future__ import annotations

import re
import textwrap

import numpy as np
import pandas as pd

from ..analysis import compare
from .figures import MAX_HEIGHT, WIDTH_DOUBLE
from ..lang.indicators import label as indicator_label
from ..lang.labels import in_report_order, label, place_label
from ..lang.domains import domain_label, domains
from ..lang.segment import lexicon_entries
from ..lang.chars import HAN

_HAN = re.compile(f"[{HAN}]")




def _slant_xlabels(ax, degrees: int) -> None:
    """Slanted x tick labels, right-aligned to their ticks."""
    ax.tick_params(axis="x", labelrotation=degrees)
    for lab in ax.get_xticklabels():
        lab.set_horizontalalignment("right")

def _empty(lang: str):
    """A figure saying that there is nothing to draw (an empty selection is not an error)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 1.5))
    ax.text(0.5, 0.5, _t("empty", lang), ha="center", va="center")
    ax.set_axis_off()
    return fig


def _t(key: str, lang: str) -> str:
    """An axis or legend text of the figures, from ``resources/labels.csv`` (kind ``figure``)."""
    return label("figure", key, lang)


def _report_name(place: str, year, report_type: str, lang: str) -> str:
    return f"{place_label(place, lang)} {year} {label('report_type', str(report_type), lang)}"


def _wrap(text: str, width: int = 4) -> str:
    """Break a long Chinese cell text into lines of ``width`` characters: 完成上级\n下达任务."""
    if len(_HAN.findall(text)) <= width + 1:
        return text
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def target_heatmap(cells: pd.DataFrame, values: pd.DataFrame, lang: str = "zh"):
    """Reports × indicators: growth targets as colour, every target as written in its cell,
    and targets the place dropped since its previous report marked ``未设定``/``absent``; the
    grid is :func:`reportlib.analysis.compare.target_grid` (``cells, values``) in ``lang``."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    if cells.empty or cells.columns.empty:
        return _empty(lang)
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, min(0.5 * len(cells) + 2.6, MAX_HEIGHT)))
    finite = values.values[np.isfinite(values.values)]
    low, top = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if low < 0:  # decreases (energy intensity −4%) on the blue side of a scale centred at zero
        bound = max(abs(low), abs(top))
        sns.heatmap(values, cmap="RdBu_r", vmin=-bound, vmax=bound, ax=ax, linewidths=0.5,  # symmetric: white at 0
                    linecolor="white", cbar_kws={"label": _t("target", lang), "shrink": 0.7})
    else:
        sns.heatmap(values, cmap="YlOrRd", ax=ax, linewidths=0.5, linecolor="white",
                    cbar_kws={"label": _t("target", lang), "shrink": 0.7})
    ax.grid(False)
    strong = 0.6 * max(abs(low), abs(top))
    for i, row in enumerate(cells.index):
        for j, col in enumerate(cells.columns):
            cell, value = cells.loc[row, col], values.loc[row, col]
            if not cell:
                continue
            absent = cell == compare.ABSENT[lang]
            if absent or np.isnan(value):  # dropped, qualitative or level targets have no colour
                ax.add_patch(plt.Rectangle((j, i), 1, 1, facecolor="0.85" if absent else "0.97", edgecolor="white"))
            color = "0.3" if absent else ("white" if np.isfinite(value) and abs(value) > strong else "0.1")
            text = _fit_cell(cell)
            ax.text(j + 0.5, i + 0.5, text, ha="center", va="center", fontsize=6.5 if len(text) <= 7 else 5.5,
                    color=color, style="italic" if absent else "normal")
    ax.set(xlabel="", ylabel="")
    _slant_xlabels(ax, 35)
    keys = [plt.Rectangle((0, 0), 1, 1, facecolor="0.85", edgecolor="0.6", linewidth=0.5),
            plt.Rectangle((0, 0), 1, 1, facecolor="0.97", edgecolor="0.6", linewidth=0.5),
            plt.Rectangle((0, 0), 1, 1, facecolor="white", edgecolor="0.6", linewidth=0.5)]
    fig.legend(keys, [_t("key_absent", lang), _t("key_uncoloured", lang), _t("key_blank", lang)], fontsize=6.5,
               loc="outside lower center", ncols=3, frameon=False)
    return fig


def _fit_cell(text: str) -> str:
    """A cell's text on lines that fit the cell: 24500 units → 24500⏎units, long Chinese wrapped."""
    if _HAN.search(text):
        return _wrap(text)
    return text.replace(" ", "\n", 1) if len(text) > 7 and " " in text else text


def _wrap_label(text: str, width: int = 42) -> str:
    """A long axis label on two or more lines (English; Chinese labels are short enough)."""
    return textwrap.fill(text, width) if len(text) > width and " " in text else text


def _mark_zeros(ax, values, ys, colors) -> None:
    """A bar of length zero drawn as a short stroke at zero, so that it is seen, not missed."""
    for v, y, c in zip(values, ys, colors):
        if v == 0:
            ax.plot([0, 0], [y - 0.3, y + 0.3], color=c, linewidth=2.5, solid_capstyle="butt", zorder=3)


def ambition_chart(ambition: pd.DataFrame, lang: str = "zh"):
    """One bar per target: how much more (right) or less (left) demanding it is than the growth the
    same report claims for the year before (:func:`reportlib.analysis.compare.ambition`); one row
    per target that exists (no empty slots), reports in place, year, type order, one colour per
    report, a zero drawn as a stroke."""
    import matplotlib.pyplot as plt

    if ambition.empty:
        return _empty(lang)
    ambition = ambition.iloc[in_report_order(ambition, year="target_year")].reset_index(drop=True)
    reports = [_report_name(p, y, t, lang) for p, y, t in zip(ambition["place"], ambition["target_year"],
                                                                  ambition["report_type"])]
    palette = {r: f"C{k % 10}" for k, r in enumerate(dict.fromkeys(reports))}
    colors = [palette[r] for r in reports]
    y = np.arange(len(ambition))
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, min(0.24 * len(ambition) + 1.6, MAX_HEIGHT)))
    ax.barh(y, ambition["ambition_pp"], color=colors, height=0.7)
    _mark_zeros(ax, ambition["ambition_pp"], y, colors)
    ax.set_yticks(y, [_wrap_label(indicator_label(i, lang)) for i in ambition["indicator"]], fontsize=7)
    ax.invert_yaxis()
    ax.axvline(0, color="0.3", linewidth=0.8)
    ax.set(xlabel=_t("ambition", lang), ylabel="")
    keys = [plt.Rectangle((0, 0), 1, 1, color=c) for c in palette.values()]
    ax.legend(keys, list(palette), title="", fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig


def type_comparison_chart(comparison: pd.DataFrame, year_label: str, lang: str = "zh"):
    """The same place and year in different report types: growth rates side by side (top),
    and each other report's levels relative to the government report's (bottom)."""
    import matplotlib.pyplot as plt

    if comparison.empty:
        return _empty(lang)
    types = [c for c in comparison.columns if c in {"government_work_report", "party_committee_report",
                                                    "npc_standing_committee_report", "cppcc_standing_committee_report"}]
    names = [_wrap_label(f"{place_label(p, lang)} {y}: {indicator_label(i, lang)}", 36)
             for p, y, i in zip(comparison["place"], comparison[year_label], comparison["indicator"])]
    data = comparison.assign(name=names)
    growth = data[data["measure"] == "growth"]
    levels = data[data["measure"] == "level"]
    others = [t for t in types if t != "government_work_report"]
    panels = [p for p, n in (("growth", len(growth)), ("levels", len(levels) if "government_work_report" in types else 0)) if n]
    heights = [max(len(growth if p == "growth" else levels), 1) for p in panels]
    fig, axes = plt.subplots(len(panels), 1, figsize=(WIDTH_DOUBLE, 0.32 * sum(heights) + 1.2 * len(panels)),
                             gridspec_kw={"height_ratios": heights}, squeeze=False)
    markers = ["o", "s", "^", "D"]
    for ax, panel in zip(axes[:, 0], panels):
        if panel == "growth":
            y = np.arange(len(growth))
            for k, t in enumerate(types):  # offset per type, so that equal values stay visible
                ax.scatter(growth[t], y + 0.2 * (k - (len(types) - 1) / 2), marker=markers[k % 4],
                           label=label("report_type", t, lang), zorder=3)
            ax.set_yticks(y, growth["name"])
            ax.set(xlabel=_t("growth", lang), title=_t("rates", lang))
            ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
        else:
            y = np.arange(len(levels))
            for k, t in enumerate(others):
                gap = ((levels[t] / levels["government_work_report"] - 1) * 100).round(6)
                ys = y + 0.8 / len(others) * (k - (len(others) - 1) / 2)
                ax.barh(ys, gap, height=0.8 / len(others), label=label("report_type", t, lang),
                        color=f"C{types.index(t)}")
                _mark_zeros(ax, gap, ys, [f"C{types.index(t)}"] * len(ys))
            ax.set_yticks(y, levels["name"])
            ax.axvline(0, color="0.3", linewidth=0.8)
            ax.set(xlabel=_t("level_gap", lang), title=_t("levels", lang))
            ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
        ax.invert_yaxis()
    return fig


def domain_colors() -> dict[str, tuple]:
    """A fixed colour per domain of the taxonomy (tab20, in taxonomy order), the same in every figure."""
    import seaborn as sns

    palette = sns.color_palette("tab20", 20)
    return {d: palette[k % 20] for k, d in enumerate(domains())}


def items_per_report_chart(lists: pd.DataFrame, lang: str = "zh"):
    """Items each livelihood list gives, with the number to adopt where the text states one."""
    import matplotlib.pyplot as plt

    plans = lists[lists["kind"] == "plan_list"]
    if plans.empty:
        return _empty(lang)
    plans = plans.iloc[in_report_order(plans, year="plan_year")]
    names = [_report_name(p, y, t, lang) for p, y, t in zip(plans["place"], plans["plan_year"], plans["report_type"])]
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 0.4 * len(plans) + 1.3))
    y = np.arange(len(plans))
    colors = ["C0" if s == "deputies_vote" else "C1" for s in plans["selection"]]
    ax.barh(y, plans["n_listed"].astype(float), color=colors, label=_t("listed", lang))
    adopt = plans["n_to_adopt"].astype("Float64")
    ax.scatter(adopt, y, marker="D", color="0.15", zorder=3, label=_t("to_adopt", lang))
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set(xlabel=_t("items", lang))
    handles = [plt.Rectangle((0, 0), 1, 1, color="C0"), plt.Rectangle((0, 0), 1, 1, color="C1"),
               ax.collections[0]]
    ax.legend(handles, [_t("deputies_vote", lang), _t("government", lang), _t("to_adopt", lang)], fontsize=7,
              loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig


def domain_heatmap(matrix: pd.DataFrame, lang: str = "zh", n_lists: pd.Series | None = None):
    """Items per place (rows) and domain (columns), counts or, from
    ``livelihood.domain_matrix(..., per_list=True)``, items per list; ``n_lists`` (places → lists,
    ``livelihood.lists_per``) labels each row with its number of lists."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    if matrix.empty:
        return _empty(lang)
    from ..lang.labels import report_sort_key

    data = matrix.loc[sorted(matrix.index, key=lambda p: report_sort_key(p, None))].copy()  # place order, as elsewhere
    if n_lists is not None:
        data.index = [f"{place_label(p, lang)} ({_t('n_lists', lang).format(n=int(n_lists.get(p, 0)))})"
                      .replace("1 lists", "1 list") for p in data.index]
    else:
        data.index = [place_label(p, lang) for p in data.index]
    data.columns = [domain_label(d, lang) for d in data.columns]
    whole = bool((data.fillna(0) % 1 == 0).all().all())
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, min(0.45 * len(data) + 2.4, MAX_HEIGHT)))
    sns.heatmap(data, annot=True, fmt="g" if not whole else ".0f", cmap="Blues", ax=ax, linewidths=0.5,
                linecolor="white", cbar_kws={"label": _t("items" if whole else "items_per_list", lang), "shrink": 0.7},
                annot_kws={"fontsize": 7})
    ax.grid(False)
    ax.set(xlabel="", ylabel="")
    ax.tick_params(axis="y", labelrotation=0)
    _slant_xlabels(ax, 35)
    return fig


#: Domains drawn in their own colour in :func:`selection_chart`; the rest are one grey "other domains".
SELECTION_DOMAINS = 7


def selection_chart(comparison: pd.DataFrame, lang: str = "zh"):
    """Domain shares (%) of the items in lists chosen by the deputies' vote and by the
    government: the :data:`SELECTION_DOMAINS` largest domains in a colour-blind-safe palette
    (neighbours distinct), the others together in grey (every domain is in the table)."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    if comparison.empty:
        return _empty(lang)
    shares = comparison.set_index("selection")[[c for c in comparison.columns if c.startswith("share_")]]
    weights = comparison.set_index("selection")["items"]
    overall = shares.mul(weights, axis=0).sum().sort_values(ascending=False, kind="stable")
    keep = list(overall.index[:SELECTION_DOMAINS])
    rest = [c for c in shares.columns if c not in keep]
    shown = shares[keep].copy()
    if rest:
        shown["share_other_domains"] = shares[rest].sum(axis=1)
    colours = sns.color_palette("colorblind", len(keep)) + ([(0.75, 0.75, 0.75)] if rest else [])
    shown.columns = [domain_label(c.removeprefix("share_"), lang) if c != "share_other_domains"
                     else _t("other_domains", lang) for c in shown.columns]
    shown.index = [f"{_t(s, lang)} ({_t('n_reports_items', lang).format(reports=r, items=n)})"
                   .replace("1 reports", "1 report") for s, r, n in zip(shown.index, comparison["reports"], comparison["items"])]
    shown = shown * 100
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 0.6 * len(shown) + 1.8))
    shown.plot(kind="barh", stacked=True, ax=ax, width=0.7, color=colours, edgecolor="white", linewidth=0.5)
    ax.set(xlabel=_t("share_items", lang), ylabel="", xlim=(0, 100))
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig


def quantified_chart(table: pd.DataFrame, lang: str = "zh"):
    """Items per domain, split into those with a quantified promise and those without."""
    import matplotlib.pyplot as plt

    if table.empty:
        return _empty(lang)
    names = [domain_label(d, lang) for d in table["domain"]]
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 0.35 * len(table) + 1.3))
    y = np.arange(len(table))
    quantified = table["quantified_items"].astype(float)
    ax.barh(y, quantified, color="C2", label=_t("quantified", lang))
    ax.barh(y, table["items"].astype(float) - quantified, left=quantified, color="0.8", label=_t("not_quantified", lang))
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set(xlabel=_t("items", lang))
    ax.legend(fontsize=7, loc="lower right")
    return fig


def term_label(term: str, lang: str = "zh") -> str:
    """A term as a figure shows it: itself in Chinese; in English with its lexicon gloss, else
    its pinyin (党组织 (dangzuzhi))."""
    if lang == "zh":
        return term
    gloss = next((e["gloss_en"] for e in lexicon_entries() if e["term"] == term), None)
    if gloss:
        return f"{term} ({gloss})"
    from ..lang.labels import romanize

    reading = romanize(term)
    return f"{term} ({reading})" if reading else term


def term_heatmap(frequencies: pd.DataFrame, reports: pd.DataFrame, lang: str = "zh"):
    """Terms (rows) × reports (columns): occurrences per 10,000 characters, counts in the cells."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    from ..lang.labels import report_labels

    if frequencies.empty:
        return _empty(lang)
    names = dict(zip(reports["report_id"], report_labels(reports, lang)))
    reports = reports.iloc[in_report_order(reports)]
    order = [rid for rid in reports["report_id"] if rid in set(frequencies["report_id"])]
    rates = frequencies.pivot_table(index="term", columns="report_id", values="per_10k", sort=False)[order]
    counts = frequencies.pivot_table(index="term", columns="report_id", values="count", sort=False)[order]
    rates.columns = [names[c] for c in rates.columns]
    # long English glosses wrapped, so that the labels leave the cells room in the column's width
    rates.index = [textwrap.fill(term_label(t, lang), 48) for t in rates.index]
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, min(0.3 * len(rates) + 2.6, MAX_HEIGHT)))
    sns.heatmap(rates, annot=counts.values.astype(int), fmt="d", cmap="Purples", ax=ax, linewidths=0.5,
                linecolor="white", cbar_kws={"label": _t("per_10k", lang), "shrink": 0.7}, annot_kws={"fontsize": 7})
    ax.grid(False)
    ax.set(xlabel="", ylabel="")
    _slant_xlabels(ax, 40)
    return fig


def term_trends(frequencies: pd.DataFrame, lang: str = "zh"):
    """Rate of each term over the years, one line per term, one panel per place, one legend
    below; pass a few terms (``rhetoric.top_terms``): ten colours tell ten lines apart."""
    import matplotlib.pyplot as plt

    data = frequencies.dropna(subset=["year"])
    if data.empty:
        return _empty(lang)
    data = data.groupby(["place", "year", "term"], as_index=False, sort=False)[["count", "n_chars"]].sum()
    data["per_10k"] = data["count"] / data["n_chars"] * 10_000
    places = list(dict.fromkeys(data["place"]))
    colors = {t: f"C{k % 10}" for k, t in enumerate(dict.fromkeys(data["term"]))}  # one colour per term in every panel
    fig, axes = plt.subplots(1, len(places), figsize=(WIDTH_DOUBLE, 4.2), sharey=True, squeeze=False)
    for ax, place in zip(axes[0], places):
        sub = data[data["place"] == place]
        for term, line in sub.groupby("term", sort=False):
            line = line.sort_values("year")
            ax.plot(line["year"].astype(int), line["per_10k"], marker="o", label=term_label(term, lang),
                    color=colors[term])
        years = sub["year"].astype(int)
        ax.set(title=place_label(place, lang), xlabel=_t("year", lang), xlim=(years.min() - 1, years.max() + 1))
        ax.xaxis.get_major_locator().set_params(integer=True)
    axes[0][0].set_ylabel(_t("per_10k", lang))
    handles, labels = axes[0][0].get_legend_handles_labels()
    for ax in axes[0][1:]:  # every place's terms in one legend
        for h, lab in zip(*ax.get_legend_handles_labels()):
            if lab not in labels:
                handles.append(h)
                labels.append(lab)
    fig.legend(handles, labels, fontsize=7, loc="outside lower center", ncols=2 if lang == "en" else 4)
    return fig


def keyness_chart(table: pd.DataFrame, n: int = 12, lang: str = "zh", groups: tuple[str, str] | None = None):
    """The ``n`` most distinctive terms of each group (by log-likelihood), as log ratios, with a
    legend naming the two groups (``groups``: their names in ``lang``, default 甲组/乙组, A/B);
    English labels gloss each term (:func:`term_label`)."""
    import matplotlib.pyplot as plt

    if table.empty:
        return _empty(lang)
    top = pd.concat([table[table["favours"] == "a"].head(n), table[table["favours"] == "b"].head(n)])
    top = top.sort_values("log_ratio")
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, min(0.22 * len(top) + 1.6, MAX_HEIGHT)))
    ax.barh([term_label(t, lang) for t in top["term"]], top["log_ratio"],
            color=["C0" if f == "a" else "C1" for f in top["favours"]])
    ax.axvline(0, color="0.3", linewidth=0.8)
    ax.set(xlabel=_t("log_ratio", lang), ylabel="")
    ax.tick_params(axis="y", labelsize=7)
    names = groups or (label("value", "a", lang), label("value", "b", lang))
    keys = [plt.Rectangle((0, 0), 1, 1, color="C0"), plt.Rectangle((0, 0), 1, 1, color="C1")]
    ax.legend(keys, [_t("more_in", lang).format(group=g) for g in names], fontsize=7, loc="lower right")
    return fig


# --- corpus overview ------------------------------------------------------------------------
def report_sizes(reports: pd.DataFrame, lang: str = "zh"):
    """One bar per report (the ``reports`` table): its length in thousands of characters,
    coloured by report type."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    from ..lang.labels import report_labels

    if reports.empty:
        return _empty(lang)
    reports = reports.iloc[in_report_order(reports)]
    sizes = reports.assign(
        report=report_labels(reports, lang),
        type_label=[label("report_type", t, lang) for t in reports["report_type"].astype(str)],
        thousands=reports["n_chars"] / 1000,
    )
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 0.32 * len(sizes) + 1.2))
    sns.barplot(data=sizes, y="report", x="thousands", hue="type_label", dodge=False, ax=ax)
    ax.set(xlabel=label("column", "n_chars_thousands", lang), ylabel="")
    ax.legend(title=label("column", "report_type", lang), loc="lower right")
    return fig


def report_parts(shares: pd.DataFrame, reports: pd.DataFrame, lang: str = "zh"):
    """One stacked bar per report: the share of its body in each part
    (:func:`reportlib.analysis.parts.part_shares`; ``reports`` gives the bars' labels)."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    from ..lang.labels import report_labels

    if shares.empty:
        return _empty(lang)
    reports = reports.iloc[in_report_order(reports)]
    names = dict(zip(reports["report_id"], report_labels(reports, lang)))
    ranked = [i for i in reports["report_id"] if i in set(shares.index)]
    grid = shares.reindex(ranked + [i for i in shares.index if i not in set(ranked)]) * 100
    grid.index = [names.get(i, i) for i in grid.index]
    grid.columns = [label("part", str(p), lang) for p in grid.columns]
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 0.32 * len(grid) + 1.2))
    grid.plot(kind="barh", stacked=True, ax=ax, width=0.8, color=sns.color_palette("colorblind", len(grid.columns)))
    ax.invert_yaxis()
    ax.set(xlabel=label("column", "share_pct", lang), ylabel="", xlim=(0, 100))
    ax.legend(title=label("column", "part", lang), bbox_to_anchor=(1.01, 1), loc="upper left")
    return fig
