"""Writing tables for papers: CSV files with a header, UTF-8, stable row order, ``\\n`` line ends.

Figures are saved by :func:`reportlib.figures.save_figure`; both write into ``<out_dir>/``
(``figures/`` and ``tables/`` under a notebook run's output folder).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def save_table(df: pd.DataFrame, name: str, out_dir: str | os.PathLike, *, encoding: str = "utf-8") -> Path:
    """Write ``df`` as ``<out_dir>/<name>.csv`` (no index) and return the path.

    The same DataFrame always gives the same bytes, so runs can be compared with ``cmp``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.csv"
    tmp = path.with_suffix(".csv.tmp")
    df.to_csv(tmp, index=False, encoding=encoding, lineterminator="\n")
    tmp.replace(path)
    return path
