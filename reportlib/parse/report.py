"""Text to reports: clean a decoded file, split it at its report headers and analyse each report."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from functools import cached_property

from ..errors import InputFileError
from ..lang.chars import CJK
from ..read.decode import RawFile
from . import clean as text
from . import metadata, structure
from .ids import make_report_id


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
    cleaned = text.clean(raw.readable, raw.front_matter.end)
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
        if len(CJK.findall(preamble)) > 30:
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
            raw_title = _printed_title(raw.readable[p.raw_start : p.raw_end])
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
    from ..read.catalog import KNOWN

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
