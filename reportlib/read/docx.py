"""Word ``.docx`` files to text (python-docx, imported only when a ``.docx`` is read).

The text is the document body in order: each paragraph one line (headings included, as the
lines they are), each table row one line with its cells separated by a tab (a merged cell once).
Offsets of the tables of a ``.docx`` report refer to this text, which
``reportlib.read_raw(path).text`` returns. Headers, footers, footnotes and comments are not
part of the report and are left out.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import BinaryFileError

#: The part of the zip archive that makes it a Word document.
DOCUMENT_PART = "word/document.xml"


def is_docx(data: bytes) -> bool:
    """Whether ``data`` are a zip archive holding a Word document body."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return DOCUMENT_PART in z.namelist()
    except zipfile.BadZipFile:
        return False


def docx_text(data: bytes, path: Path) -> str:
    """The body text of a ``.docx`` document (see the module docstring)."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # a core dependency; only a broken install lacks it
        raise BinaryFileError(path, "reading .docx files needs python-docx: pip install python-docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # a damaged archive or XML: name the file, not a traceback
        raise BinaryFileError(path, f"a .docx that cannot be opened ({type(e).__name__}: {e})") from None
    lines: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(element, document).text)
        elif tag == "tbl":
            lines.extend(_table_lines(Table(element, document)))
    return "\n".join(line.replace("\r", "").rstrip() for line in lines) + "\n"


def _table_lines(table) -> list[str]:
    out = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:  # a merged cell appears once per grid column it spans
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        if any(cells):
            out.append("\t".join(cells))
    return out
