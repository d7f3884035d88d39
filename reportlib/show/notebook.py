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


def save_both(draw: Callable[[str], Figure], name: str, out_dir: str | os.PathLike, lang: str = "zh") -> Figure:
    """Draw a figure in each language (``draw(lang)``), save each as
    ``<out_dir>/figures/<name>_<lang>.pdf|svg|png`` and close it, except the one in ``lang``,
    which is returned (and shown by Jupyter at the end of the cell)."""
    import matplotlib.pyplot as plt

    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    shown = None
    for lg in LANGS:
        fig = draw(lg)
        figures.save_figure(fig, f"{name}_{lg}", out_dir)
        if lg == lang:
            shown = fig
        else:
            plt.close(fig)
    return shown
