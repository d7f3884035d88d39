"""Read report files, split files that hold several reports, and hold them in a :class:`Corpus`.

>>> import reportlib
>>> corpus = reportlib.load_corpus()            # the bundled corpus  # doctest: +SKIP
>>> corpus.reports[["report_id", "place", "date"]]                   # doctest: +SKIP

Files are read as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (which includes GBK
and GB2312, common for Chinese documents); anything else is refused with a message naming the
file and the problem (:mod:`reportlib.errors`). Offsets in every table refer to the decoded
text of the file as :func:`read_raw` returns it (``str`` indices; newlines as in the file).
"""

from __future__ import annotations

import codecs
import hashlib
import importlib
import os
import re
import warnings
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import labels, metadata, structure, text
from .errors import (
    BinaryFileError,
    CorpusError,
    EmptyFileError,
    EncodingError,
    InputFileError,
    NotChineseError,
    ReportLibError,
    ReportLibWarning,
)
from .frontmatter import FrontMatter, split_front_matter
from .paths import bundled_data_dir

if TYPE_CHECKING:  # pandas is imported when a table is first built
    import pandas as pd

PathLike = str | os.PathLike

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (a .docx, .xlsx or .epub?)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc/.xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF document"),
)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: Control characters other than tab and line breaks (category Cc): a sign of binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MIN_CJK = 20
_MIN_CJK_SHARE = 0.5  # of all letters
_ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16 (BOM)", "gb18030": "GB18030/GBK"}


@dataclass(frozen=True)
class RawFile:
    """A report file as read from disk: its decoded text and how it was decoded."""

    path: Path
    name: str  # as shown in tables: relative to the loaded folder (POSIX separators)
    text: str
    encoding: str  # utf-8 | utf-8-sig | utf-16 | gb18030
    warnings: tuple[str, ...] = ()
    front_matter: FrontMatter = field(default_factory=FrontMatter)  # a Markdown file's YAML block
    known: dict = field(default_factory=dict)  # what the caller knows of the file (reportlib.catalog)


def decode(data: bytes, path: PathLike = "<bytes>") -> tuple[str, str]:
    """Decode the bytes of a report file: ``(text, encoding)``.

    Raises :class:`EmptyFileError`, :class:`BinaryFileError`, :class:`EncodingError` or
    :class:`NotChineseError`, each naming ``path`` and the problem.
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
            raise EncodingError(
                path, "decodes as GB18030 only into unlikely characters (Big5 or another encoding?); convert it to UTF-8"
            )
    letters = sum(map(str.isalpha, text))
    if len(cjk) < _MIN_CJK or len(cjk) / max(letters, 1) < _MIN_CJK_SHARE:
        raise NotChineseError(
            path, f"only {len(cjk)} Chinese characters among {letters} letters: not a Chinese report"
        )
    return text, encoding


def _encodes_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def read_raw(path: PathLike, name: str | None = None, data: bytes | None = None, known: dict | None = None) -> RawFile:
    """Read and decode one report file (see :func:`decode`); ``data``, when given, are the
    file's bytes (read elsewhere, e.g. by the process that sends work to a cluster);
    ``known``, what the caller knows of it (:mod:`reportlib.catalog`)."""
    p = Path(path)
    try:
        if data is None:
            data = p.read_bytes()
    except FileNotFoundError:
        raise InputFileError(p, "no such file") from None
    except IsADirectoryError:
        raise InputFileError(p, "is a folder, not a file") from None
    except OSError as e:
        raise InputFileError(p, f"cannot be read ({e.strerror})") from None
    text_, encoding = decode(data, p)
    notes: tuple[str, ...] = ()
    if encoding in ("gb18030", "utf-16"):
        notes = (f"decoded as {_ENCODING_NAMES[encoding]}, not UTF-8",)
    front = split_front_matter(text_)
    if front.warning:
        notes += (front.warning,)
    return RawFile(p, name or p.name, text_, encoding, notes, front, dict(known or {}))


@dataclass
class Report:
    """One report: its clean paragraphs and text, metadata and structure, with offsets into its file."""

    report_id: str
    raw: RawFile
    report_no: int  # position in its file, from 1
    paragraphs: tuple[text.Paragraph, ...]
    header_roles: tuple[str, ...]  # title | meeting | date | speaker for the first paragraphs
    text: str  # the clean text: paragraphs separated by "\n"
    offsets: array  # raw offset (in the decoded file) of every character of ``text``
    paragraph_spans: list[tuple[int, int]]  # (start, end) of each paragraph in ``text``
    metadata: metadata.Metadata
    structure: structure.ReportStructure
    warnings: list[str] = field(default_factory=list)

    @property
    def source_file(self) -> str:
        return self.raw.name

    @property
    def header_count(self) -> int:
        return len(self.header_roles)

    @cached_property
    def sentence_spans(self) -> list[tuple[int, int, int]]:
        """``(paragraph_no, start, end)`` of every sentence outside the header, in ``text``."""
        return [
            (i, p_start + s, p_start + e)
            for i, (p_start, p_end) in enumerate(self.paragraph_spans)
            if i >= self.header_count
            for s, e in structure.split_sentences(self.text[p_start:p_end])
        ]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw ``(start, end)`` in the file of clean characters ``start:end``."""
        return text.raw_span(self.offsets, start, end)

    def __repr__(self) -> str:
        m = self.metadata
        return f"<Report {self.report_id}: {m.place} {m.report_type} {m.date} ({self.source_file} #{self.report_no})>"


@dataclass(frozen=True)
class ParsedFile:
    """A file split into reports, with what cleaning removed and what preceded the first header."""

    raw: RawFile
    reports: list[Report]
    dropped: tuple[text.Dropped, ...]
    preamble: tuple[text.Paragraph, ...]
    header_blocks: tuple[metadata.HeaderBlock, ...]


def parse_file(raw: RawFile) -> ParsedFile:
    """Clean a file, split it into reports and analyse each one (ids are provisional until
    the :class:`Corpus` makes them unique)."""
    cleaned = text.clean(raw.text, raw.front_matter.end)
    paragraphs = cleaned.paragraphs
    texts = [p.text for p in paragraphs]
    md_levels = [p.markdown_level for p in paragraphs]
    blocks = _merge_adjacent(metadata.find_header_blocks(texts, md_levels))
    file_warnings = list(raw.warnings)
    if not paragraphs:
        raise InputFileError(raw.path, "no text is left after removing web boilerplate")
    starts = [b.start for b in blocks] or [0]
    if starts[0] > 0:
        preamble = "".join(texts[: starts[0]])
        if len(_CJK.findall(preamble)) > 30:
            file_warnings.append(
                f"{len(preamble)} characters before the first report header are not part of any report: "
                f"{preamble[:40]}…"
            )
    reports: list[Report] = []
    bounds = list(zip(starts, starts[1:] + [len(paragraphs)]))
    for k, (start, end) in enumerate(bounds):
        block = blocks[k] if blocks else None
        header = metadata.HeaderBlock(0, block.end - block.start, block.roles) if block else None
        sub = paragraphs[start:end]
        sub_texts = texts[start:end]
        raw_title = None
        if header and header.roles[0] == "title":
            p = sub[0]
            raw_title = _printed_title(raw.text[p.raw_start : p.raw_end])
        md = metadata.infer_metadata(
            sub_texts, md_levels[start:end], header, raw_title=raw_title,
            web_page=any(d.reason.startswith("web") for d in cleaned.dropped),
            source_title=raw.front_matter.source_title if len(bounds) == 1 else None,
        )
        if raw.known:
            _apply_known(md, raw.known, sub_texts)
        roles = header.roles if header else ()
        clean_text, offsets, spans = text.assemble(sub)
        st = structure.analyse(
            sub_texts, md_levels[start:end], spans, len(roles),
            date=md.date, review_year=md.review_year, plan_year=md.plan_year,
        )
        reports.append(Report(make_report_id(md), raw, k + 1, tuple(sub), roles, clean_text, offsets, spans, md, st,
                              file_warnings + md.warnings))
    return ParsedFile(raw, reports, cleaned.dropped, paragraphs[: starts[0]], tuple(blocks))


def _apply_known(md: metadata.Metadata, known: dict, texts: list[str]) -> None:
    """Fill what the text leaves empty with what the caller knows; a disagreement is a warning
    (the text's value is kept). Columns that are not metadata go to ``md.extra``."""
    from .catalog import KNOWN

    for key, value in known.items():
        if key not in KNOWN:
            md.extra[key] = value
            continue
        stated = getattr(md, key)
        if stated is None:
            md.note(key, value, "caller metadata")
            if key == "place":
                md.place_source = "catalog"
        elif str(stated) != str(value):
            md.warnings.append(f"{key}: the text says {stated}, the caller's metadata {value}; kept {stated}")
    if "place" in known and md.level is None:
        md.level = metadata.place_level(md.place, texts)[0]


def _merge_adjacent(blocks: list[metadata.HeaderBlock]) -> list[metadata.HeaderBlock]:
    """Header blocks with no text between them are one header, printed twice (a meeting line,
    then the title, the meeting line again and the speaker)."""
    out: list[metadata.HeaderBlock] = []
    for b in blocks:
        if out and b.start <= out[-1].end:
            out[-1] = metadata.HeaderBlock(out[-1].start, b.end, out[-1].roles + b.roles)
        else:
            out.append(b)
    return out


def _printed_title(raw_line: str) -> str:
    """A title as printed: markdown residue removed, full width folded, spaces collapsed."""
    t = text.fold_width(raw_line).replace("**", "")
    t = re.sub(r"^\s*#{1,6}\s*", "", t)
    return re.sub(r"\s+", " ", t).strip()


def make_report_id(md: metadata.Metadata) -> str:
    """``<place>-<year>-<type>``: xiacheng-2018-gov. The year is the plan year, else the
    year of the date, else the year after the review year; ``unknown``/``undated``/``report``
    stand in for what the text does not state."""
    year = labels.report_year(md.plan_year, md.date, md.review_year)
    suffix = metadata.report_type_suffixes().get(md.report_type or "", "report")
    return f"{labels.place_slug(md.place)}-{year or 'undated'}-{suffix}"


#: The files a folder's reports are read from: plain text and Markdown (front matter read).
REPORT_SUFFIXES = (".txt", ".md")


def report_files(folder: PathLike) -> list[Path]:
    """Every report file below ``folder`` (any depth, hidden folders and files skipped), sorted
    by path: ``*.txt`` and ``*.md`` (suffixes in any case)."""
    root = Path(folder)
    return sorted(
        f for f in root.rglob("*")
        if f.suffix.lower() in REPORT_SUFFIXES and f.is_file()
        and not any(part.startswith(".") for part in f.relative_to(root).parts)
    )


def _collect_files(paths: PathLike | Sequence[PathLike] | None) -> list[tuple[Path, str]]:
    """``(path, display name)`` of every file to load, in a stable order."""
    if paths is None:
        paths = [bundled_data_dir()]
    elif isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[Path] = []
    roots: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            found = report_files(p)
            if not found:
                raise ReportLibError(f"{p}: no report files ({', '.join('*' + s for s in REPORT_SUFFIXES)}) in this folder")
            files.extend(found)
            roots.append(p.resolve())
        elif p.exists():
            files.append(p)
            roots.append(p.resolve().parent)
        else:
            raise ReportLibError(f"{p}: no such file or folder")
    root = Path(os.path.commonpath([str(r) for r in roots]))
    seen: set[Path] = set()
    out = []
    for f in files:
        key = f.resolve()
        if key in seen:
            continue
        seen.add(key)
        out.append((f, key.relative_to(root).as_posix() if key.is_relative_to(root) else f.name))
    return out


def _table(module: str, builder: str, *names: str) -> cached_property:
    """A Corpus table built on first use by ``reportlib.<module>.<builder>(reports)``, or taken
    from the tables the corpus was made with (:meth:`Corpus.from_tables`). A builder of several
    tables (``names``) returns them as a dict."""

    def build(self: Corpus) -> pd.DataFrame:
        stored = self.__dict__.get("_stored")
        if stored is not None:
            return {n: _resolve(stored[n]) for n in names} if len(names) > 1 else _resolve(stored[names[0]])
        return getattr(importlib.import_module(f"{__package__}.{module}"), builder)(self._reports)

    build.__doc__ = f"The table built by :func:`reportlib.{module}.{builder}`."
    return cached_property(build)


def _resolve(table):
    return table() if callable(table) else table


class Corpus:
    """A set of reports and their tables.

    Tables (pandas DataFrames, built on first use): ``reports``, ``sections``, ``paragraphs``,
    ``sentences``, ``glossary`` (documented in :mod:`reportlib.tables`), ``targets``,
    ``actuals``, ``commitments`` (:mod:`reportlib.targets`) and ``livelihood``,
    ``livelihood_lists``, ``quantities`` (:mod:`reportlib.livelihood`).

    A corpus loaded with ``jobs > 1`` or ``cache=True`` (:func:`load_corpus`) holds its tables
    and parses its reports from their files only when they are needed (iterating over the
    corpus, :meth:`report`, :meth:`text`).
    """

    TABLES = ("reports", "sections", "paragraphs", "sentences", "glossary", "targets", "actuals", "commitments",
              "livelihood", "livelihood_lists", "quantities")

    def __init__(self, reports: Iterable[Report], skipped: Iterable[InputFileError] = ()) -> None:
        # The order of every table: source file, then position in the file.
        self._reports = sorted(reports, key=lambda r: (r.source_file, r.report_no))
        self.skipped: list[InputFileError] = list(skipped)
        self._by_id = {r.report_id: r for r in self._reports}
        if len(self._by_id) != len(self._reports):
            raise ReportLibError("report ids are not unique; build a Corpus with load_corpus()")

    @classmethod
    def from_tables(cls, tables: Mapping[str, pd.DataFrame | Callable[[], pd.DataFrame]], files: Mapping[str, Path],
                    skipped: Iterable[InputFileError] = (), hashes: Mapping[str, str] | None = None,
                    known: Mapping[str, dict] | None = None) -> Corpus:
        """A corpus of tables already built (by worker processes, or read from a cache): a
        DataFrame, or a function returning one, for each of :attr:`TABLES`. ``files`` maps each
        ``source_file`` to its path, from which reports are parsed when needed; ``hashes``
        (``source_file -> sha256``), when given, make sure a file has not changed since;
        ``known``, what the caller knew of each file when the tables were built."""
        missing = [n for n in cls.TABLES if n not in tables]
        if missing:
            raise ReportLibError(f"tables missing: {', '.join(missing)}")
        self = cls.__new__(cls)
        self.skipped = list(skipped)
        self._stored = dict(tables)
        self._files = dict(files)
        self._hashes = dict(hashes or {})
        self._known = dict(known or {})
        self._parsed: dict[str, list[Report]] = {}
        return self

    @property
    def _lazy(self) -> bool:
        return "_stored" in self.__dict__ and "_reports" not in self.__dict__

    @cached_property
    def _reports(self) -> list[Report]:  # a corpus made from tables: its reports, parsed on first use
        return self._parse_files(list(dict.fromkeys(self.reports["source_file"])))

    @cached_property
    def _by_id(self) -> dict[str, Report]:
        return {r.report_id: r for r in self._reports}

    def _parse_files(self, names: Sequence[str]) -> list[Report]:
        """The reports of the files ``names`` with the ids and warnings the tables give them."""
        table = self.reports
        out: list[Report] = []
        for name in names:
            if name not in self._parsed:
                self._parsed[name] = self._parse_file(name, table[table["source_file"] == name])
            out.extend(self._parsed[name])
        return out

    def _parse_file(self, name: str, rows: pd.DataFrame) -> list[Report]:
        path = self._files.get(name)
        if path is None:
            raise ReportLibError(f"{name}: the corpus does not know where this file is")
        data = Path(path).read_bytes() if Path(path).is_file() else None
        if data is None:
            raise ReportLibError(f"{path}: the file is gone; its reports cannot be parsed")
        if name in self._hashes and hashlib.sha256(data).hexdigest() != self._hashes[name]:
            raise ReportLibError(f"{path}: the file has changed since its tables were built; load the corpus again")
        known = getattr(self, "_known", {}).get(name)
        parsed = {r.report_no: r for r in parse_file(read_raw(path, name, data, known=known)).reports}
        out = []
        for row in rows.itertuples(index=False):
            r = parsed.get(row.report_no)
            if r is None or not (row.report_id == r.report_id or row.report_id.startswith(f"{r.report_id}-")):
                raise ReportLibError(f"{path}: the file has changed since its tables were built; load the corpus again")
            if row.report_id != r.report_id:
                r.warnings.append(id_taken_warning(r.report_id, row.report_id))
                r.report_id = row.report_id
            out.append(r)
        return out

    # --- access -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.reports) if self._lazy else len(self._reports)

    def __iter__(self) -> Iterator[Report]:
        return iter(self._reports)

    def __repr__(self) -> str:
        files = self.reports["source_file"].nunique() if self._lazy else len({r.source_file for r in self})
        return f"<Corpus of {len(self)} reports from {files} files>"

    @property
    def report_ids(self) -> list[str]:
        return list(self.reports["report_id"]) if self._lazy else [r.report_id for r in self._reports]

    def report(self, report_id: str) -> Report:
        if self._lazy:  # parse only the report's file
            rows = self.reports[self.reports["report_id"] == report_id]
            if len(rows):
                return next(r for r in self._parse_files([rows["source_file"].iloc[0]]) if r.report_id == report_id)
        try:
            return self._by_id[report_id]
        except KeyError:
            ids = self.report_ids
            shown = ", ".join(ids[:20]) + (f", … ({len(ids)} in all)" if len(ids) > 20 else "")
            raise ReportLibError(f"no report {report_id!r}; the corpus has: {shown}") from None

    def text(self, report_id: str) -> str:
        """The clean text of one report."""
        return self.report(report_id).text

    def select(
        self,
        places: Sequence[str] | str | None = None,
        report_types: Sequence[str] | str | None = None,
        years: Sequence[int] | int | None = None,
    ) -> Corpus:
        """The reports of some places, report types and (plan) years; None keeps all.

        >>> corpus.select(places=["上城区"], report_types="government_work_report")  # doctest: +SKIP
        """
        def as_set(v):
            return None if v is None else {v} if isinstance(v, (str, int)) else set(v)

        places_, types_, years_ = as_set(places), as_set(report_types), as_set(years)
        if types_:
            unknown = types_ - set(metadata.REPORT_TYPES)
            if unknown:
                raise ReportLibError(f"unknown report type(s) {sorted(unknown)}; known: {', '.join(metadata.REPORT_TYPES)}")
        if self._lazy:
            return self._select_tables(places_, types_, years_)
        keep = [
            r for r in self._reports
            if (places_ is None or r.metadata.place in places_)
            and (types_ is None or r.metadata.report_type in types_)
            and (years_ is None or (r.metadata.plan_year or r.metadata.review_year) in years_)
        ]
        return Corpus(keep, self.skipped)

    def _select_tables(self, places_, types_, years_) -> Corpus:
        rep = self.reports
        keep = rep["report_id"].notna()
        if places_ is not None:
            keep &= rep["place"].isin(places_)
        if types_ is not None:
            keep &= rep["report_type"].isin(types_)
        if years_ is not None:
            keep &= rep["plan_year"].fillna(rep["review_year"]).isin(years_)
        ids = set(rep.loc[keep, "report_id"])
        parent = self

        def subset(name: str) -> Callable[[], pd.DataFrame]:
            def table() -> pd.DataFrame:
                df = getattr(parent, name)
                return df[df["report_id"].isin(ids)].reset_index(drop=True)
            return table

        return Corpus.from_tables({n: subset(n) for n in self.TABLES}, self._files, self.skipped, self._hashes)

    # --- tables (built on first use; columns documented where they are built) -----------
    reports = _table("tables", "reports_table", "reports")
    sections = _table("tables", "sections_table", "sections")
    paragraphs = _table("tables", "paragraphs_table", "paragraphs")
    sentences = _table("tables", "sentences_table", "sentences")
    glossary = _table("tables", "glossary_table", "glossary")
    targets = _table("targets", "targets_table", "targets")
    actuals = _table("targets", "actuals_table", "actuals")
    commitments = _table("targets", "commitments_table", "commitments")
    # The three livelihood tables are built together.
    _livelihood = _table("livelihood", "livelihood_tables", "livelihood", "livelihood_lists", "quantities")
    livelihood = property(lambda self: self._livelihood["livelihood"], doc="See reportlib.livelihood.livelihood_table.")
    livelihood_lists = property(lambda self: self._livelihood["livelihood_lists"],
                                doc="See reportlib.livelihood.livelihood_lists_table.")
    quantities = property(lambda self: self._livelihood["quantities"], doc="See reportlib.livelihood.quantities_table.")

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name."""
        return {name: getattr(self, name) for name in self.TABLES}

    def to_csv(self, out_dir: PathLike, encoding: str = "utf-8") -> list[Path]:
        """Write each table as ``<out_dir>/<name>.csv`` (header, stable row order); returns the paths.

        ``encoding="utf-8-sig"`` adds a BOM so that Excel shows the Chinese text correctly.
        """
        from .export import save_table

        return [save_table(df, name, out_dir, encoding=encoding) for name, df in self.tables().items()]

    def to_parquet(self, out_dir: PathLike) -> list[Path]:
        """Write each table as ``<out_dir>/<name>.parquet``; returns the paths. Read one back with
        ``pandas.read_parquet`` (categories, nullable integers and strings keep their types)."""
        from .sinks import ParquetSink

        sink = ParquetSink(out_dir, self.TABLES)
        sink.write(self.tables())
        return sink.close()


def _known(files, metadata, path_pattern) -> dict[str, dict]:
    if metadata is None and path_pattern is None:
        return {}
    from .catalog import known_metadata

    return known_metadata([name for _, name in files], metadata, path_pattern)


def load_corpus(paths: PathLike | Sequence[PathLike] | None = None, *, errors: str = "raise", jobs: int = 1,
                cache: bool | PathLike = False, executor: str = "process", scheduler: str | None = None,
                metadata: PathLike | pd.DataFrame | None = None, path_pattern: str | None = None) -> Corpus:
    """Load report files into a :class:`Corpus`.

    ``paths``: a folder (every ``*.txt`` below it), a file, or a list of them; None loads the
    bundled corpus. ``errors="raise"`` (default) refuses to load when any file is bad, listing
    every bad file and its problem; ``errors="warn"`` skips bad files with a warning and lists
    them in ``corpus.skipped``. Problems that do not stop loading (no header, GB18030 encoding)
    are issued as :class:`ReportLibWarning` and kept in the ``warnings`` column of ``reports``.

    For large corpora:

    * ``jobs``: tabulate with that many worker processes (0: one per core; :mod:`reportlib.parallel`); the
      corpus then holds the tables and parses a report's file only when the report itself is
      needed. ``executor="dask"`` (with ``scheduler``, a Dask scheduler address, or a local
      cluster of ``jobs`` workers) does the same on a Dask cluster.
    * ``cache=True`` (or a folder): keep the tables as Parquet under the cache folder
      (``$REPORTLIB_CACHE`` or ``outputs/.cache``), keyed by the files' contents, reportlib's
      code and the indicator vocabulary; the next load of the same files reads them back
      instead of parsing (:mod:`reportlib.cache`).

    What the caller knows of the files and the text may not state (:mod:`reportlib.catalog`):

    * ``metadata``: a CSV file (or DataFrame) with a ``file`` column (each file's path
      relative to the folder given) and known columns (place, level, report_type, date,
      plan_year, review_year, speaker, speaker_title); other columns become report columns;
    * ``path_pattern``: a template of the relative path, ``"{place}/{year}.md"``.

    A caller's value fills only what the text leaves empty; one that disagrees with the text
    is a warning naming both (the text's value is kept).

    The tables are the same whichever way the corpus is loaded.

    >>> corpus = load_corpus()  # doctest: +SKIP
    >>> len(corpus)             # doctest: +SKIP
    9
    >>> big = load_corpus("reports/", jobs=8, cache=True)  # doctest: +SKIP
    """
    in_workers = jobs != 1 or executor != "process" or scheduler is not None
    if cache is not False or in_workers:
        from .parallel import check_executor

        jobs = check_executor(jobs, executor, scheduler)  # refused before anything starts
    if cache is not False:
        from .cache import load_cached

        files = _collect_files(paths)
        return load_cached(files, None if cache is True else Path(cache), errors=errors, jobs=jobs,
                           executor=executor, scheduler=scheduler, known=_known(files, metadata, path_pattern))
    if in_workers:
        from .parallel import stream_tables
        from .sinks import MemorySink

        files = _collect_files(paths)
        known = _known(files, metadata, path_pattern)
        done = stream_tables(files, MemorySink(Corpus.TABLES), jobs=jobs, executor=executor, scheduler=scheduler,
                             errors=errors, known=known)
        return Corpus.from_tables(done.tables, {name: path for path, name in files}, done.skipped, known=known)
    if errors not in ("raise", "warn"):
        raise ValueError("errors must be 'raise' or 'warn'")
    reports: list[Report] = []
    failed: list[InputFileError] = []
    files = _collect_files(paths)
    known = _known(files, metadata, path_pattern)
    for path, name in files:
        try:
            reports.extend(parse_file(read_raw(path, name, known=known.get(name))).reports)
        except InputFileError as e:
            failed.append(e)
    if failed and errors == "raise":
        raise failed[0] if len(failed) == 1 else CorpusError(failed)
    for e in failed:
        warnings.warn(f"skipped {e}", ReportLibWarning, stacklevel=2)
    reports.sort(key=lambda r: (r.source_file, r.report_no))  # ids made unique in table order
    _make_ids_unique(reports)
    for r in reports:
        for w in r.warnings:
            warnings.warn(f"{r.source_file} #{r.report_no} ({r.report_id}): {w}", ReportLibWarning, stacklevel=2)
    return Corpus(reports, failed)


class UniqueIds:
    """Report ids made unique in corpus order: the first report keeps its id, later ones with
    the same id get ``-2``, ``-3``, … (used by :func:`load_corpus` and by the chunked
    tabulation of :mod:`reportlib.parallel`, which sees the reports a chunk at a time)."""

    def __init__(self) -> None:
        self._seen: Counter = Counter()

    def take(self, report_id: str) -> str:
        self._seen[report_id] += 1
        n = self._seen[report_id]
        return report_id if n == 1 else f"{report_id}-{n}"


def id_taken_warning(provisional: str, final: str) -> str:
    return f"report id {provisional} is taken by an earlier report; this one is {final}"


def _make_ids_unique(reports: list[Report]) -> None:
    ids = UniqueIds()
    for r in reports:
        final = ids.take(r.report_id)
        if final != r.report_id:
            r.warnings.append(id_taken_warning(r.report_id, final))
            r.report_id = final
