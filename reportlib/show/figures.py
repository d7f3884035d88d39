"""House style for figures, the CJK font, export to PDF/SVG/PNG, and labels in zh or en.

Chinese glyphs render on any machine: the package ships WenQuanYi Micro Hei (Apache-2.0, a
TrueType-outline CJK font, ``resources/fonts/``), registered in-process with
``font_manager.fontManager.addfont`` after the seaborn theme (which resets fonts); nothing is
written into matplotlib's installation or cache. PDFs embed it as Type 42 (TrueType), which
is valid for TrueType outlines (a CFF ``.otf`` CJK font would give a malformed Type 42 PDF);
SVGs carry glyph outlines as paths. Output is reproducible: no creation dates, fixed SVG ids.

>>> from reportlib.show import figures
>>> figures.set_style()                                          # doctest: +SKIP
>>> fig, ax = plt.subplots(); ax.set_title("政府工作报告")          # doctest: +SKIP
>>> figures.save_figure(fig, "01_sizes", out_dir)                # doctest: +SKIP
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..paths import FONTS_DIR

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT_FILE = FONTS_DIR / "WenQuanYiMicroHei.ttf"
FONT_NAME = "WenQuanYi Micro Hei"
FORMATS = ("pdf", "svg", "png")
#: Journal figure widths in inches (single and double column).
WIDTH_SINGLE, WIDTH_DOUBLE = 3.5, 7.0
#: The tallest a figure is drawn (inches): a journal page's text block, caption included.
MAX_HEIGHT = 9.0

_SAVE_METADATA = {
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None},
    "svg": {"Date": None},
    "png": {"Software": None},
}


def register_cjk_font() -> str:
    """Register the bundled CJK font with matplotlib (idempotent); returns its family name."""
    from matplotlib import font_manager

    if not any(Path(f.fname) == FONT_FILE for f in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(str(FONT_FILE))
    return FONT_NAME


def set_style(context: str = "paper", font_scale: float = 1.0) -> None:
    """Apply the house style: seaborn's whitegrid theme, a colour-blind-safe palette, the
    CJK font for every text, embedded TrueType fonts in PDF, reproducible SVG, and constrained
    layout, so that a figure drawn :data:`WIDTH_DOUBLE` wide is saved no wider."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    sns.set_theme(context=context, style="whitegrid", palette="colorblind", font_scale=font_scale)
    register_cjk_font()  # after the theme, which resets font settings
    plt.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [FONT_NAME, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.fonttype": "path",
        "svg.hashsalt": "reportlib",
        "savefig.dpi": 300,
        "savefig.bbox": "tight",
        "savefig.pad_inches": 0.02,
        # labels, legends and colour bars are fitted inside the figure's width (a journal's
        # column), never let to widen it when saved
        "figure.constrained_layout.use": True,
    })


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` the bundled font has no glyph for (they would print as boxes)."""
    from matplotlib.ft2font import FT2Font

    font = FT2Font(str(FONT_FILE))
    return {ch for ch in set(text) if not ch.isspace() and font.get_char_index(ord(ch)) == 0}


def save_figure(
    fig: Figure, name: str, out_dir: str | os.PathLike, *, formats: tuple[str, ...] = FORMATS, dpi: int = 300,
    subdir: str = "figures",
) -> list[Path]:
    """Save ``fig`` as ``<out_dir>/<subdir>/<name>.pdf|svg|png`` (PNG at ``dpi``); returns the paths."""
    folder = Path(out_dir) / subdir if subdir else Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        path = folder / f"{name}.{fmt}"
        tmp = folder / f".{name}.tmp.{fmt}"
        fig.savefig(tmp, format=fmt, dpi=dpi, metadata=_SAVE_METADATA.get(fmt))
        tmp.replace(path)
        paths.append(path)
    return paths
