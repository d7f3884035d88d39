"""Figures of the growth-target analysis, each in Chinese or English (``lang``).

Each function takes library tables and returns a matplotlib Figure drawn in the house style
(call :func:`reportlib.figures.set_style` first); save it with
:func:`reportlib.figures.save_figure`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import compare
from .figures import WIDTH_DOUBLE
from .indicators import label as indicator_label
from .labels import label, place_label

_TEXT = {
    "target": {"zh": "增长目标(%)", "en": "Growth target (%)"},
    "ambition": {"zh": "目标 − 上年实绩(百分点)", "en": "Target − last year's result (percentage points)"},
    "growth": {"zh": "增长率(%)", "en": "Growth (%)"},
    "level_gap": {"zh": "与政府工作报告之差(%)", "en": "Difference from the government report (%)"},
    "rates": {"zh": "增长率", "en": "Growth rates"},
    "levels": {"zh": "总量", "en": "Levels"},
    "empty": {"zh": "所选报告中没有可比数据", "en": "No comparable data in the selected reports"},
}


def _empty(lang: str):
    """A figure saying that there is nothing to draw (an empty selection is not an error)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 1.5))
    ax.text(0.5, 0.5, _TEXT["empty"][lang], ha="center", va="center")
    ax.set_axis_off()
    return fig


def _t(key: str, lang: str) -> str:
    return _TEXT[key][lang]


def _report_name(place: str, year, report_type: str, lang: str) -> str:
    return f"{place_label(place, lang)} {year} {label('report_type', str(report_type), lang)}"


def _wrap(text: str, width: int = 4) -> str:
    """Break a long Chinese cell text into lines of ``width`` characters: 完成上级\n下达任务."""
    if sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") <= width + 1:
        return text
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def target_heatmap(targets: pd.DataFrame, lang: str = "zh"):
    """Reports × indicators: growth targets as colour, every target as written in its cell,
    and targets the place dropped since its previous report marked ``未设定``/``absent``."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    text = compare.target_matrix(targets, lang)
    if text.empty or len(text.columns) <= 4:
        return _empty(lang)
    # target_matrix already labels the report type in ``lang``
    rows = [f"{place_label(r.place, lang)} {r.target_year} {r.report_type}" for r in text.itertuples()]
    annot = text.drop(columns=["place", "target_year", "report_type", "report_id"])
    annot.index = rows
    growth = targets[(targets["measure"] == "growth") & (targets["unit"] == "%") & targets["value"].notna()
                     & (targets["indicator"].astype(str) != "other")]
    values = pd.DataFrame(np.nan, index=annot.index, columns=annot.columns)
    for r in growth.itertuples():
        row = rows[list(text.report_id).index(r.report_id)]
        col = indicator_label(str(r.indicator), lang)
        values.loc[row, col] = -r.value if r.direction == "decrease" else r.value
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 0.5 * len(rows) + 2.2))
    sns.heatmap(values, cmap="YlOrRd", ax=ax, linewidths=0.5, linecolor="white",
                cbar_kws={"label": _t("target", lang), "shrink": 0.7})
    ax.grid(False)
    top = np.nanmax(values.values) if np.isfinite(values.values).any() else 0
    for i, row in enumerate(annot.index):
        for j, col in enumerate(annot.columns):
            cell, value = annot.loc[row, col], values.loc[row, col]
            if not cell:
                continue
            absent = cell == compare.ABSENT[lang]
            if absent or np.isnan(value):  # dropped, qualitative or level targets have no colour
                ax.add_patch(plt.Rectangle((j, i), 1, 1, facecolor="0.93" if absent else "0.98", edgecolor="white"))
            color = "0.45" if absent else ("white" if np.isfinite(value) and value > 0.6 * top else "0.1")
            ax.text(j + 0.5, i + 0.5, _wrap(cell), ha="center", va="center", fontsize=6.5, color=color,
                    style="italic" if absent else "normal")
    ax.set(xlabel="", ylabel="")
    ax.tick_params(axis="x", labelrotation=35)
    for lab in ax.get_xticklabels():
        lab.set_horizontalalignment("right")
    return fig


def ambition_chart(ambition: pd.DataFrame, lang: str = "zh"):
    """One bar per target: how far it lies above (right) or below (left) the growth the same
    report claims for the year before."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    if ambition.empty:
        return _empty(lang)
    data = ambition.assign(
        indicator_label=[indicator_label(i, lang) for i in ambition["indicator"]],
        report=[_report_name(p, y, t, lang) for p, y, t in zip(ambition["place"], ambition["target_year"],
                                                                   ambition["report_type"])],
    )
    fig, ax = plt.subplots(figsize=(WIDTH_DOUBLE, 0.3 * len(data) + 1.5))
    sns.barplot(data=data, y="indicator_label", x="ambition_pp", hue="report", ax=ax, orient="h")
    ax.axvline(0, color="0.3", linewidth=0.8)
    ax.set(xlabel=_t("ambition", lang), ylabel="")
    ax.legend(title="", loc="best", fontsize=7)
    return fig


def type_comparison_chart(comparison: pd.DataFrame, year_label: str, lang: str = "zh"):
    """The same place and year in different report types: growth rates side by side (top),
    and each other report's levels relative to the government report's (bottom)."""
    import matplotlib.pyplot as plt

    if comparison.empty:
        return _empty(lang)
    types = [c for c in comparison.columns if c in {"government_work_report", "party_committee_report",
                                                    "npc_standing_committee_report", "cppcc_standing_committee_report"}]
    names = [f"{place_label(p, lang)} {y}: {indicator_label(i, lang)}"
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
                gap = (levels[t] / levels["government_work_report"] - 1) * 100
                ax.barh(y + 0.8 / len(others) * (k - (len(others) - 1) / 2), gap, height=0.8 / len(others),
                        label=label("report_type", t, lang), color=f"C{types.index(t)}")
            ax.set_yticks(y, levels["name"])
            ax.axvline(0, color="0.3", linewidth=0.8)
            ax.set(xlabel=_t("level_gap", lang), title=_t("levels", lang))
            ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
        ax.invert_yaxis()
    fig.tight_layout()
    return fig
