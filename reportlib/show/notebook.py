"""What every analysis notebook does around its analysis: the set-up cell and the figures saved
in both languages.

>>> from reportlib.show import notebook
>>> corpus, OUT = notebook.setup(None, years=[2013])                  # doctest: +SKIP
>>> fig = notebook.save_both(lambda lg: plots.report_sizes(corpus.reports, lg),
...                          "01_report_sizes", OUT, lang="zh")       # doctest: +SKIP
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ReportLibError, ReportLibWarning
from ..lang.labels import LANGS
from ..load import load_corpus
from ..paths import default_output_dir
from . import figures

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..corpus import Corpus


def setup(data_dir: str | os.PathLike | None = None, *, places: Sequence[str] | None = None,
          report_types: Sequence[str] | None = None, years: Sequence[int] | None = None, jobs: int = 1,
          cache: bool = False, out_dir: str | os.PathLike | None = None,
          show_warnings: bool = False) -> tuple[Corpus, Path]:
    """The set-up cell of a notebook: the house style applied, the corpus under ``data_dir``
    (None: the bundled corpus) loaded and selected (:meth:`Corpus.select`: ``places``,
    ``report_types``, ``years`` by the ``year`` column), and the run folder (``out_dir``, or
    ``outputs/interactive``). Returns ``(corpus, out_dir)``.

    The selected reports' loading warnings (a missing header, a guessed year) are printed, one
    line per report, with ``show_warnings``, else counted in one line (every warning is in
    ``corpus.reports.warnings``).
    A selection that keeps no report is an error naming the arguments.
    """
    figures.set_style()
    out = Path(out_dir) if out_dir else default_output_dir() / "interactive"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReportLibWarning)  # kept in the reports table, shown below
        corpus = load_corpus(data_dir, jobs=jobs, cache=cache).select(places=places, report_types=report_types,
                                                                     years=years)
    if not len(corpus):
        raise ReportLibError(f"no report matches places={places!r}, report_types={report_types!r}, years={years!r}"
                             f" in {data_dir or 'the bundled corpus'}")
    warned = corpus.reports[corpus.reports["n_warnings"] > 0]
    if show_warnings:
        for r in warned.itertuples(index=False):
            print(f"warning: {r.source_file} ({r.report_id}): {r.warnings}")
    elif len(warned):
        print(f"{int(warned['n_warnings'].sum())} loading warnings in {len(warned)} reports"
              " (see corpus.reports.warnings, or notebook 01)")
    return corpus, out


#: Reports listed one by one in a caption up to this many places; more are summarised.
CAPTION_PLACES = 6


def describe_reports(reports, lang: str = "zh") -> str:
    """The reports a figure draws on, for its caption: each place with its years (9 份报告:江干区
    2014、2020年;…), or, beyond :data:`CAPTION_PLACES` places, their count, places and years."""
    from ..lang.labels import in_report_order, place_label

    reports = reports.iloc[in_report_order(reports)]
    n = len(reports)
    places = list(dict.fromkeys(reports["place"]))
    years = [int(y) for y in reports["year"].dropna()]
    if len(places) > CAPTION_PLACES:
        span = f"{min(years)}–{max(years)}" if years else ""
        return (f"{n:,} 份报告,{len(places)} 个地区,{span}年" if lang == "zh"
                else f"{n:,} reports of {len(places)} places, {span}")
    parts = []
    for place in places:
        ys = sorted({int(y) for y in reports.loc[reports["place"] == place, "year"].dropna()})
        if lang == "zh":
            parts.append(f"{place_label(place, lang)} {'、'.join(map(str, ys))}年")
        else:
            parts.append(f"{place_label(place, lang)} {', '.join(map(str, ys))}")
    return (f"{n} 份报告:" + ";".join(parts)) if lang == "zh" else f"{n} reports: " + "; ".join(parts)


def _captions() -> dict:
    import csv

    from ..paths import resource

    with resource("captions.csv").open(encoding="utf-8", newline="") as f:
        return {row["figure"]: row for row in csv.DictReader(f)}


def caption(name: str, lang: str, reports=None) -> str | None:
    """The caption of a notebook figure (``resources/captions.csv``) in ``lang``, naming the
    reports it draws on; None for a figure the file does not list."""
    row = _captions().get(name)
    if row is None:
        return None
    about = describe_reports(reports, lang) if reports is not None and len(reports) else ""
    return row[lang].format(reports=about).replace("。。", "。").replace(" .", ".").rstrip()


def save_both(draw: Callable[[str], Figure], name: str, out_dir: str | os.PathLike, lang: str = "zh",
              reports=None) -> Figure:
    """Draw a figure in each language (``draw(lang)``), save each as
    ``<out_dir>/figures/<name>_<lang>.pdf|svg|png`` with its caption as ``<name>_<lang>.txt``
    (what is plotted, the unit, and the reports of ``reports``, the table the figure draws on;
    ``resources/captions.csv``), and close it, except the one in ``lang``, which is returned
    (and shown by Jupyter at the end of the cell)."""
    import matplotlib.pyplot as plt

    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    shown = None
    for lg in LANGS:
        fig = draw(lg)
        figures.save_figure(fig, f"{name}_{lg}", out_dir)
        text = caption(name, lg, reports)
        if text is not None:
            (Path(out_dir) / "figures" / f"{name}_{lg}.txt").write_text(text + "\n", encoding="utf-8")
        if lg == lang:
            shown = fig
        else:
            plt.close(fig)
    return shown
