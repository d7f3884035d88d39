"""PDF files to text, page by page (pdfplumber on pdfminer.six; the ``reportlib[pdf]`` extra).

Attachments, yearbooks and county bulletins come as PDF. What is read:

* **Reading order.** Each page's characters are grouped into lines top to bottom. A page set in
  two columns (a yearbook) is read column by column: when a vertical gutter near the middle of
  the page separates two bodies of text that no line crosses, the left column is read first.
* **Running heads and page numbers.** The first and last line of each page are dropped when
  they recur (digits aside) on at least half of the pages of a document of three or more pages
  (a running head such as "某某区年鉴·2015" or "政府工作报告"), or are a page number ("3",
  "- 3 -", "第3页", "3/12").
* **Lines.** A printed line that runs to the right edge of its column continues on the next
  one unless that one is indented (a new paragraph) or set apart below it (a footer), so a wrapped paragraph is one line of the
  text, joined without a space; other printed lines (headings, the last line of a paragraph,
  table rows) are lines of their own. The cleaner then joins what a page or column break split,
  as it does for a ``.txt`` file.
* **Refusals.** A page that carries an image but no text layer (a scan), and text that decodes to
  ``(cid:N)`` or U+FFFD (fonts without a ToUnicode map, common in government PDFs set with
  GBK-EUC fonts), are refused with a message naming the page: such text would be tabulated as
  garbage. Run OCR, or export the text from the original document, first.

Offsets of a PDF report's rows refer to the extracted text (pages joined by one ``\\n``), which
``reportlib.read_raw(path).text`` returns; ``page_starts`` gives where each page starts in it, and
every row of a PDF report has a ``page`` column (the page its span starts on).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

from ..errors import BinaryFileError, InputFileError

_CID = re.compile(r"\(cid:\d+\)|\ufffd")
_PAGE_NUMBER = re.compile(r"^(?:[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4}\s*/\s*\d{1,4})$")
_MIN_PAGES_FOR_HEADS = 3


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` are a PDF document."""
    return data[:1024].lstrip().startswith(b"%PDF")


def pdf_text(data: bytes, path: Path) -> tuple[str, tuple[int, ...]]:
    """The text of a PDF and the offset at which each page starts in it (see the module docstring)."""
    try:
        import pdfplumber
    except ImportError:
        raise BinaryFileError(path, "reading PDF files needs pdfplumber: pip install 'reportlib[pdf]'") from None
    pages: list[list[str]] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                lines = _page_lines(page)
                if not lines and page.images:
                    raise InputFileError(path, f"PDF page {number} is an image without a text layer (a scan?); "
                                               "run OCR on it first, reportlib reads a PDF's text layer only")
                garbled = sum(len(m.group()) for line in lines for m in _CID.finditer(line))
                if garbled:
                    sample = next(m.group() for line in lines for m in _CID.finditer(line))
                    raise InputFileError(path, f"PDF page {number}: the text decodes to {sample!r} glyph codes, not "
                                               "characters (its font has no ToUnicode map); export the text from the "
                                               "original document or run OCR, then load that")
                pages.append(lines)
    except InputFileError:
        raise
    except Exception as e:  # pdfminer's parser errors on a damaged file: name the file
        raise BinaryFileError(path, f"a PDF that cannot be read ({type(e).__name__}: {e})") from None
    pages = _drop_running_lines(pages)
    starts, parts, pos = [], [], 0
    for lines in pages:
        starts.append(pos)
        chunk = "".join(line + "\n" for line in lines)
        parts.append(chunk)
        pos += len(chunk)
    return "".join(parts), tuple(starts)


def _page_lines(page) -> list[str]:
    chars = [c for c in page.chars if c.get("text", "").strip() or c.get("text") == " "]
    if not chars:
        return []
    rows = _rows(chars)
    gutter = _gutter(rows, float(page.width))
    if gutter is None:
        return _paragraph_lines(rows)
    # Rows that run across the gutter (a running head, a title over both columns, a centred page
    # number) divide the page into bands; each band is read left column, then right column.
    lines: list[str] = []
    left: list[list[dict]] = []
    right: list[list[dict]] = []
    for row in rows:
        if _spans(row, gutter):
            lines += _paragraph_lines(left) + _paragraph_lines(right) + [_row_text(row)]
            left, right = [], []
            continue
        part = [c for c in row if c["x1"] <= gutter]
        if part:
            left.append(part)
        part = [c for c in row if c["x1"] > gutter]
        if part:
            right.append(part)
    return lines + _paragraph_lines(left) + _paragraph_lines(right)


def _spans(row, gutter: float) -> bool:
    """Whether a printed row runs across ``gutter`` (a character on it, or characters close on
    both sides)."""
    before = [c for c in row if c["x1"] <= gutter]
    after = [c for c in row if c["x0"] >= gutter]
    if len(before) + len(after) < len(row):
        return True
    if not before or not after:
        return False
    return after[0]["x0"] - before[-1]["x1"] < _em(row) * 1.5


def _gutter(rows, width: float) -> float | None:
    """An x between 35% and 65% of the page width that at most a tenth of the rows cross, with
    text on both sides on five rows or more (a two-column page), or None."""
    lo, hi, step = width * 0.35, width * 0.65, 2.0
    grid = [lo + k * step for k in range(int((hi - lo) / step) + 1)]
    crossing = [sum(1 for row in rows if any(c["x0"] < x < c["x1"] for c in row)) for x in grid]
    free = [x for x, n in zip(grid, crossing) if n <= len(rows) / 10]
    if not free:
        return None
    gutter = min(free, key=lambda x: abs(x - width / 2))
    both = sum(1 for row in rows if any(c["x1"] <= gutter for c in row) and any(c["x0"] >= gutter for c in row))
    return gutter if both >= 5 else None


def _paragraph_lines(rows: list[list[dict]]) -> list[str]:
    """The rows of one column as lines, a row that runs to the column's right edge joined with
    the next one when that one is not indented (a paragraph that the typesetting wrapped)."""
    if not rows:
        return []
    left = min(row[0]["x0"] for row in rows)
    ends = sorted(row[-1]["x1"] for row in rows)
    right = ends[int(len(ends) * 0.7)]  # the column's right edge: where most full lines end
    lines: list[str] = []
    joining, bottom = False, 0.0
    for row in rows:
        text = _row_text(row)
        if not text:
            continue
        em = _em(row)
        near = _top(row) - bottom <= em * 1.6  # the next line of the paragraph, not a footer below it
        if joining and near and row[0]["x0"] <= left + em * 0.8 and lines:
            lines[-1] += text
        else:
            lines.append(text)
        joining = abs(row[-1]["x1"] - right) <= em * 1.5
        bottom = max(c["bottom"] for c in row)
    return lines


def _em(row) -> float:
    widths = sorted(c["x1"] - c["x0"] for c in row if "\u3400" <= c["text"] <= "\u9fff")
    return widths[len(widths) // 2] if widths else max(_height(row), 1.0)


def _top(row) -> float:
    return min(c["top"] for c in row)


def _height(row) -> float:
    return max(max(c["bottom"] - c["top"] for c in row), 1.0)


def _rows(chars) -> list[list[dict]]:
    """Characters grouped into printed lines (by their vertical position), top to bottom, each
    left to right."""
    rows: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (round(c["top"], 0), c["x0"])):
        height = max(c["bottom"] - c["top"], 1.0)
        if rows and abs(c["top"] - rows[-1][0]["top"]) <= height * 0.5:
            rows[-1].append(c)
        else:
            rows.append([c])
    for row in rows:
        row.sort(key=lambda c: c["x0"])
    return rows


def _row_text(row) -> str:
    """A printed line's text; a gap wider than most of a character becomes a space."""
    text = []
    for k, c in enumerate(row):
        if k and c["x0"] - row[k - 1]["x1"] > max(c["x1"] - c["x0"], 1.0) * 0.6 and not text[-1].endswith(" "):
            text.append(" ")
        text.append(c["text"])
    return "".join(text).strip()


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))

    recurring: set[str] = set()
    if len(pages) >= _MIN_PAGES_FOR_HEADS:
        edges = Counter()
        for lines in pages:
            edges.update({key(line) for line in lines[:1] + lines[-1:]})
        recurring = {k for k, n in edges.items() if n >= len(pages) / 2}
    out = []
    for lines in pages:
        lines = list(lines)
        for _ in range(2):  # a head and a page number can both sit at the top (or bottom)
            if lines and (key(lines[0]) in recurring or _PAGE_NUMBER.match(lines[0].strip())):
                lines.pop(0)
            if lines and (key(lines[-1]) in recurring or _PAGE_NUMBER.match(lines[-1].strip())):
                lines.pop()
        out.append(lines)
    return out
