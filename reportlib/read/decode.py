"""Bytes to text: sniff what a report file is and decode it (:func:`read_raw`).

Files are read as UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 (which includes GBK
and GB2312, common for Chinese documents), or Big5 (with the Hong Kong supplement) when the text
is in Traditional characters; anything else is refused with a message naming the
file and the problem (:mod:`reportlib.errors`). Offsets in every table refer to the decoded
text of the file as :func:`read_raw` returns it (``str`` indices; newlines as in the file).

A Word ``.docx`` file (a zip archive holding ``word/document.xml``, whatever its suffix) is read
by :mod:`reportlib.read.docx`; its offsets refer to the body text that reader returns. An old
``.doc`` is refused with a message saying how to convert it. A web page is read by
:mod:`reportlib.read.html` (the article text), a PDF by :mod:`reportlib.read.pdf` (the text layer,
page by page). A text in Traditional characters is
kept as it is and cleaned from its Simplified conversion (:mod:`reportlib.read.script`), so its
offsets, too, refer to the text as read.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BinaryFileError, EmptyFileError, EncodingError, InputFileError, NotChineseError
from ..paths import resource
from .docx import docx_text, is_docx
from .frontmatter import FrontMatter, split_front_matter
from .html import HTML_SUFFIXES, continuation_pages, html_page, is_html
from .pdf import is_pdf, pdf_text
from .script import detect_script, to_simplified
from ..lang.chars import CJK as _CJK

PathLike = str | os.PathLike

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (a .docx, .xlsx or .epub?)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc/.xls); reportlib reads Word's .docx: convert it"
     " (libreoffice --headless --convert-to docx FILE, or Save As .docx in Word), then load the .docx"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF document"),
)
#: Control characters other than tab and line breaks (category Cc): a sign of binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MIN_CJK = 20
_MIN_CJK_SHARE = 0.5  # of all letters
_ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16 (BOM)", "gb18030": "GB18030/GBK",
                   "big5": "Big5"}


@dataclass(frozen=True)
class RawFile:
    """A report file as read from disk: its decoded text and how it was decoded."""

    path: Path
    name: str  # as shown in tables: relative to the loaded folder (POSIX separators)
    text: str
    encoding: str  # utf-8 | utf-8-sig | utf-16 | gb18030 | big5
    warnings: tuple[str, ...] = ()
    front_matter: FrontMatter = field(default_factory=FrontMatter)  # a Markdown file's YAML block
    known: dict = field(default_factory=dict)  # what the caller knows of the file (reportlib.read.catalog)
    source_format: str = "txt"  # txt | md | html | docx | pdf: what the file was read as (by content, then suffix)
    script: str = "simplified"  # simplified | traditional (reportlib.read.script)
    page_starts: tuple[int, ...] = ()  # a PDF: the offset in ``text`` where each page starts

    @functools.cached_property
    def readable(self) -> str:
        """The text cleaning reads: ``text`` itself, or the Simplified conversion of a Traditional
        file, of the same length (so offsets into either are offsets into ``text``)."""
        return to_simplified(self.text) if self.script == "traditional" else self.text


def decode(data: bytes, path: PathLike = "<bytes>", chinese: bool = True) -> tuple[str, str]:
    """Decode the bytes of a report file: ``(text, encoding)``.

    Raises :class:`EmptyFileError`, :class:`BinaryFileError`, :class:`EncodingError` or
    :class:`NotChineseError`, each naming ``path`` and the problem (``chinese=False``: the text is
    markup, whose Chinese share its reader checks after extraction).
    """
    if not data.strip():
        raise EmptyFileError(path, "the file is empty" if not data else "the file holds only whitespace")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryFileError(path, f"this is {what}, not plain text; save the report as a .txt file (UTF-8)")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise EncodingError(path, "the file is UTF-32; convert it to UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise EncodingError(path, f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({e.reason} at byte {e.start})") from None
    elif data.startswith(codecs.BOM_UTF8):
        try:
            text, encoding = data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise EncodingError(path, f"starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte {e.start + 3})") from None
    elif b"\x00" in data:
        raise BinaryFileError(
            path, "the file contains NUL bytes: it is binary, or UTF-16 without a byte-order mark; save it as UTF-8 text"
        )
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as utf8_error:
            try:
                text, encoding = data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError:
                raise EncodingError(
                    path,
                    f"not UTF-8 (invalid byte at offset {utf8_error.start}), UTF-16 or GB18030/GBK; convert it to UTF-8",
                ) from None
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 100):
        raise BinaryFileError(path, f"{controls} control characters: this is a binary file, not plain text")
    cjk = _CJK.findall(text)
    if encoding == "gb18030" and cjk:
        simplified = sum(1 for ch in cjk if _encodes_gb2312(ch))
        if simplified / len(cjk) < 0.9:
            big5 = _big5(data)
            if big5 is None:
                raise EncodingError(
                    path, "decodes as GB18030 only into unlikely characters, and not as Big5 Traditional text "
                          "(another encoding?); convert it to UTF-8"
                )
            text, encoding = big5, "big5"
            cjk = _CJK.findall(text)
    if encoding == "gb18030" and cjk and _common_share(cjk) < MIN_COMMON_SHARE:
        raise EncodingError(path, f"decodes as GB18030/GBK only into text of implausible characters "
                                  f"({_common_share(cjk):.0%} among the 500 most common, against ~70% in Chinese "
                                  f"prose): {_likely_encoding(data)}; convert it to UTF-8")
    if chinese:
        check_chinese(text, path)
    return text, encoding


#: The least share of a GB18030 decode's characters that must be among the most common 500
#: (``resources/common_hanzi.txt``): real reports have about 70%, EUC-KR Korean read as GBK far less.
MIN_COMMON_SHARE = 0.35


@functools.cache
def _common_hanzi() -> frozenset[str]:
    text = resource("common_hanzi.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")).strip())


def _common_share(cjk: list[str]) -> float:
    common = _common_hanzi()
    sample = cjk[:20_000]
    return sum(ch in common for ch in sample) / len(sample)


def _likely_encoding(data: bytes) -> str:
    """What the bytes more likely are: Korean (EUC-KR) or Japanese (Shift-JIS) when they decode
    so into mostly Hangul or kana."""
    for codec, name, block in (("euc-kr", "Korean text in EUC-KR", ("\uac00", "\ud7a3")),
                               ("shift_jis", "Japanese text in Shift-JIS", ("\u3040", "\u30ff"))):
        try:
            decoded = data.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = [ch for ch in decoded if ch.isalpha()]
        if letters and sum(block[0] <= ch <= block[1] for ch in letters) / len(letters) > 0.5:
            return f"it looks like {name}, not Chinese"
    return "another encoding, or not Chinese"


def _big5(data: bytes) -> str | None:
    """``data`` decoded as Big5 (with the Hong Kong supplement), when that gives a text in
    Traditional characters; None otherwise."""
    try:
        text = data.decode("big5hkscs")
    except UnicodeDecodeError:
        return None
    return text if detect_script(text) == "traditional" else None


def check_chinese(text: str, path: PathLike, what: str = "") -> None:
    """Refuse a text with too few Chinese characters to be a report (:class:`NotChineseError`);
    ``what`` says where the text came from (" in the document body")."""
    cjk = len(_CJK.findall(text))
    letters = sum(map(str.isalpha, text))
    if cjk < _MIN_CJK or cjk / max(letters, 1) < _MIN_CJK_SHARE:
        if not text.strip():
            raise EmptyFileError(path, f"no text{what}")
        raise NotChineseError(path, f"only {cjk} Chinese characters among {letters} letters{what}: not a Chinese report")


def _encodes_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def max_file_bytes() -> int:
    """The largest report file read: 50 MB, or ``$REPORTLIB_MAX_FILE_MB`` megabytes (a report is
    rarely over 1 MB; a larger file is a compilation to split, or not a report)."""
    try:
        return int(float(os.environ.get("REPORTLIB_MAX_FILE_MB", "50")) * 2**20)
    except ValueError:
        raise InputFileError("$REPORTLIB_MAX_FILE_MB", "must be a number of megabytes") from None


def check_regular(p: Path) -> None:
    """Refuse what is not a regular file of a sensible size, before reading it: a FIFO or a
    device would block or never end (``/dev/zero``), a huge file fill the memory."""
    import stat

    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputFileError(p, "no such file" if not p.is_symlink() else "a symbolic link to nothing") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputFileError(p, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else "a device" if stat.S_ISCHR(st.st_mode)
                or stat.S_ISBLK(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file")
        raise InputFileError(p, f"is {kind}, not a regular file: not read")
    limit = max_file_bytes()
    if st.st_size > limit:
        raise InputFileError(p, f"is {st.st_size / 2**20:.2f} MB, over the {limit / 2**20:.3g} MB limit for one report "
                                "file (split it, or set $REPORTLIB_MAX_FILE_MB)")


def read_raw(path: PathLike, name: str | None = None, data: bytes | None = None, known: dict | None = None) -> RawFile:
    """Read and decode one report file (see :func:`decode`); ``data``, when given, are the
    file's bytes (read elsewhere, e.g. by the process that sends work to a cluster);
    ``known``, what the caller knows of it (:mod:`reportlib.read.catalog`)."""
    p = Path(path)
    try:
        if data is None:
            check_regular(p)
            data = p.read_bytes()
    except FileNotFoundError:
        raise InputFileError(p, "no such file") from None
    except IsADirectoryError:
        raise InputFileError(p, "is a folder, not a file") from None
    except OSError as e:
        raise InputFileError(p, f"cannot be read ({e.strerror})") from None
    if is_docx(data):
        text_ = docx_text(data, p)
        check_chinese(text_, p, " in the document body")
        return RawFile(p, name or p.name, text_, "utf-8", (), FrontMatter(), dict(known or {}), "docx",
                       detect_script(text_))
    if is_pdf(data):
        text_, starts = pdf_text(data, p)
        check_chinese(text_, p, " in the PDF's text layer")
        return RawFile(p, name or p.name, text_, "utf-8", (), FrontMatter(), dict(known or {}), "pdf",
                       detect_script(text_), starts)
    if p.suffix.lower() in HTML_SUFFIXES or is_html(data):
        return _read_html(p, name, data, known)
    text_, encoding = decode(data, p)
    notes = _encoding_notes(encoding)
    front = split_front_matter(text_)
    if front.warning:
        notes += (front.warning,)
    table = _csv_shape(text_)
    if table:
        notes += (f"looks like a table ({table}), not a report's text: its rows are read as paragraphs, with the "
                  "other columns' values in them; save the text column alone as a .txt file",)
    source_format = "md" if front.end or p.suffix.lower() == ".md" else "txt"
    return RawFile(p, name or p.name, text_, encoding, notes, front, dict(known or {}), source_format,
                   detect_script(text_))


def _csv_shape(text: str) -> str | None:
    """"a CSV file of 5 columns" when the first lines of ``text`` are rows of one delimiter
    (comma, tab, semicolon) with the same number of fields (3 or more), quoted as CSV writes
    them; None for prose, whose commas are Chinese (full-width or folded) and uneven."""
    import csv
    import io

    lines = [line for line in text.splitlines()[:6] if line.strip()]
    if len(lines) < 3:
        return None
    for delimiter, name in ((",", "CSV"), ("\t", "tab-separated"), (";", "semicolon-separated")):
        try:
            rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
        except csv.Error:
            continue
        widths = {len(r) for r in rows}
        if len(widths) == 1 and min(widths) >= 3 and text.count(delimiter) >= 2 * len(lines):
            header = rows[0]
            if all(len(cell) <= 40 for cell in header):  # a header row of column names
                return f"a {name} file of {len(header)} columns: {', '.join(header[:4])}"
    return None


def _encoding_notes(encoding: str) -> tuple[str, ...]:
    """The note a file decoded other than as UTF-8 carries."""
    return () if encoding.startswith("utf-8") else (f"decoded as {_ENCODING_NAMES[encoding]}, not UTF-8",)


def _read_html(p: Path, name: str | None, data: bytes, known: dict | None) -> RawFile:
    """A web page, with the pages that continue it (:mod:`reportlib.read.html`)."""
    pages = [(p, data)] + [(page, page.read_bytes()) for page in continuation_pages(p)]
    texts, notes, fields, encodings = [], [], {}, []
    for k, (page, page_data) in enumerate(pages):
        markup, encoding = decode(page_data, page, chinese=False)
        body, page_fields, page_notes = html_page(markup, page_data, page, encoding)
        texts.append(body)
        encodings.append(encoding)
        notes += [f"{page.name}: {note}" if k else note for note in page_notes]
        if not k:
            fields = page_fields
    if len(pages) > 1:
        notes.append(f"{len(pages)} pages joined: " + ", ".join(page.name for page, _ in pages[1:]) + " appended")
    text_ = "\n".join(texts)
    check_chinese(text_, p, " in the page's article text")
    encoding = encodings[0]
    return RawFile(p, name or p.name, text_, encoding, _encoding_notes(encoding) + tuple(notes), FrontMatter(fields), dict(known or {}), "html",
                   detect_script(text_))
