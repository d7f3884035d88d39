"""Figures: Chinese glyphs render with the bundled font, and PDFs embed it as valid TrueType."""

import io
import shutil
import subprocess
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from fontTools.ttLib import TTFont  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from reportlib.show import figures  # noqa: E402
from reportlib.lang.labels import label, report_labels  # noqa: E402


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, corpus):
    """A figure whose labels come from the corpus (places, report types, parts), saved in every format."""
    out = tmp_path_factory.mktemp("fig")
    figures.set_style()
    names = report_labels(corpus.reports, "zh")
    title = "各报告" + label("column", "n_chars", "zh") + "与" + label("part", "livelihood", "zh")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)" before drawing a box
        fig, ax = plt.subplots(figsize=(figures.WIDTH_DOUBLE, 4))
        ax.barh(names, corpus.reports["n_chars"])
        ax.set_title(title)
        paths = figures.save_figure(fig, "fonts", out)
    plt.close(fig)
    return paths, names + [title]


def test_every_format_is_written(rendered):
    paths, _ = rendered
    assert [p.suffix for p in paths] == [".pdf", ".svg", ".png"]
    assert all(p.stat().st_size > 1000 for p in paths)
    assert paths[2].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_pdf_embeds_the_truetype_cjk_font_with_every_glyph(rendered):
    paths, texts = rendered
    reader = PdfReader(paths[0], strict=True)  # strict: a malformed PDF raises
    page = reader.pages[0]
    drawn = set("".join(texts)) - {" "}
    cjk_fonts = 0
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        assert font["/Subtype"] != "/Type3"
        if font["/Subtype"] != "/Type0":
            continue
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        # Type 42 (CIDFontType2) must carry TrueType outlines in FontFile2: no CFF inside (the
        # mismatch poppler reports as "Mismatch between font type and embedded font file").
        assert descendant["/Subtype"] == "/CIDFontType2"
        assert "/FontFile2" in descriptor and "/FontFile3" not in descriptor
        embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
        assert "glyf" in embedded and "CFF " not in embedded
        assert "WenQuanYi" in font["/BaseFont"]
        cmap = embedded.getBestCmap()
        glyf = embedded["glyf"]
        for ch in drawn & {chr(c) for c in cmap}:
            assert glyf[cmap[ord(ch)]].numberOfContours != 0, ch
        cjk_fonts += 1
        drawn -= {chr(c) for c in cmap}
    assert cjk_fonts >= 1
    assert not drawn, f"characters drawn without an embedded glyph: {sorted(drawn)}"
    extracted = "".join(page.extract_text().split())
    for t in texts:
        assert "".join(t.split()) in extracted


def test_missing_glyphs():
    assert figures.missing_glyphs("江干区政府工作报告 2014 (万元) %") == set()
    assert figures.missing_glyphs("\U0001f600") == {"\U0001f600"}


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_poppler_accepts_the_pdf(rendered):
    done = subprocess.run(["pdffonts", str(rendered[0][0])], capture_output=True, text=True)
    assert done.returncode == 0 and "Mismatch" not in done.stderr
    assert "CID TrueType" in done.stdout and " yes " in done.stdout


def test_saved_figures_are_reproducible(tmp_path):
    figures.set_style()
    outputs = []
    for k in range(2):
        fig, ax = plt.subplots()
        ax.plot([1, 2, 3])
        ax.set_title("上城区")
        outputs.append(figures.save_figure(fig, "same", tmp_path / str(k), formats=("pdf", "svg")))
        plt.close(fig)
    for a, b in zip(*outputs):
        assert a.read_bytes() == b.read_bytes()


def test_style_keeps_the_cjk_font_after_the_seaborn_theme():
    figures.set_style()
    assert plt.rcParams["font.sans-serif"][0] == figures.FONT_NAME
    assert plt.rcParams["pdf.fonttype"] == 42
