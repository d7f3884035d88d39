"""The corpus as tidy tables (one row per report, section, paragraph, sentence, glossary entry).

Offsets: ``start``/``end`` are positions in the report's clean text (``corpus.text(report_id)``);
``raw_start``/``raw_end`` are positions in the decoded source file
(``reportlib.read_raw(path).text``), so ``raw_text[raw_start:raw_end]`` is the source of a row.
Rows follow the corpus order (source file, position in the file), then the position in the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from ..lang import places
from ..parse.metadata import LEVELS, REPORT_TYPES
from ..parse.structure import PARTS, STYLE_RANK, strip_quotes
from .frame import frame

if TYPE_CHECKING:
    from ..parse.report import Report

_KINDS = ("header", "heading", "body")
_STYLES = ("root", *STYLE_RANK, "synthetic")


REPORT_COLUMNS = ["report_id", "source_file", "report_no", "place", "level", "city", "province", "report_type", "title",
                  "subtitle", "meeting", "date", "speaker", "speaker_title", "speaker_role", "review_year", "plan_year",
                  "year", "is_abstract", "n_chars", "n_paragraphs", "n_sentences", "n_sections", "encoding", "source_format", "place_source",
                  "raw_start", "raw_end", "n_warnings", "warnings", "source_url", "source_title", "published", "front_matter", "script",
                  "place_code", "parent_code"]
SECTION_COLUMNS = ["report_id", "section_no", "parent_no", "level", "heading_style", "number", "heading", "part",
                   "paragraph_first", "paragraph_last", "start", "end", "raw_start", "raw_end", "n_chars"]
PARAGRAPH_COLUMNS = ["report_id", "paragraph_no", "section_no", "part", "kind", "text", "start", "end",
                     "raw_start", "raw_end", "n_chars", "n_joins"]
SENTENCE_COLUMNS = ["report_id", "sentence_no", "paragraph_no", "section_no", "part", "kind", "text", "start", "end",
                    "raw_start", "raw_end"]
GLOSSARY_COLUMNS = ["report_id", "entry_no", "term", "term_plain", "definition", "paragraph_no", "start", "end",
                    "raw_start", "raw_end"]


def non_space(text: str) -> int:
    """Characters that are not spaces or newlines (the only whitespace a clean text holds)."""
    return len(text) - text.count(" ") - text.count("\n")


def reports_table(reports: Sequence[Report]) -> pd.DataFrame:
    """One row per report.

    Columns: ``report_id`` (place-year-type, e.g. xiacheng-2018-gov), ``source_file``,
    ``report_no`` (position in the file, from 1), ``place`` (下城区), ``city`` and ``province``
    (when the text names them), ``report_type`` (government_work_report, party_committee_report,
    npc_standing_committee_report, cppcc_standing_committee_report, …), ``title``, ``meeting``,
    ``date`` (ISO), ``speaker``, ``speaker_title`` (区长, 区委书记, 人大常委会主任, 政协主席),
    ``speaker_role`` (as printed: 中共下城区委书记), ``review_year``, ``plan_year``, ``year``
    (the year the report is delivered in, as in its id: :func:`reportlib.lang.labels.report_year`),
    ``is_abstract`` (摘要 or web excerpt; null when the text cannot tell), ``n_chars``
    (non-space characters of the clean text), ``n_paragraphs``, ``n_sentences``, ``n_sections``,
    ``encoding`` (of a text file or web page; ``utf-8`` for a ``.docx``), ``source_format``
    (``txt``, ``md``, ``html``, ``docx``: what the file was read as, told by its content, a
    ``.txt`` that is a Word file or a web page being ``docx`` or ``html``), ``place_source``
    (header, body or bare_name), ``raw_start``/``raw_end`` (the report's span in its file),
    ``n_warnings``, ``warnings`` (``; ``-separated), ``source_url``, ``source_title`` and
    ``published`` (from a Markdown file's front matter or a web page's metadata),
    ``front_matter`` (all those fields as JSON), ``script`` (``simplified`` or ``traditional``:
    a Traditional text is tabulated from its Simplified conversion, offsets into the original),
    ``place_code`` and ``parent_code`` (GB/T 2260 codes of the place and its parent when it
    was delivered, from :mod:`reportlib.lang.places`; null for a place not in its table or
    whose name stays ambiguous).
    Null where the text does not state a value.
    """
    rows = []
    for r in reports:
        m = r.metadata
        body = r.text
        code = places.place_code(m.place, places.when(m.date, m.year), m.city, m.province)
        codes = {"place_code": code, "parent_code": places.parent_code(code)}
        rows.append(dict(
            report_id=r.report_id, source_file=r.source_file, report_no=r.report_no,
            place=m.place, level=m.level, city=m.city, province=m.province, report_type=m.report_type,
            title=m.title, subtitle=m.subtitle, meeting=m.meeting, date=m.date, speaker=m.speaker, speaker_title=m.speaker_title,
            speaker_role=m.speaker_role, review_year=m.review_year, plan_year=m.plan_year,
            year=m.year,
            is_abstract=m.is_abstract, n_chars=non_space(body),
            n_paragraphs=len(r.paragraphs), n_sentences=len(r.sentence_spans),
            n_sections=len(r.structure.sections) - 1, encoding=r.raw.encoding, source_format=r.raw.source_format, place_source=m.place_source,
            raw_start=r.paragraphs[0].raw_start, raw_end=r.paragraphs[-1].raw_end, n_warnings=len(r.warnings),
            warnings="; ".join(r.warnings), source_url=r.raw.front_matter.source_url,
            source_title=r.raw.front_matter.source_title, published=r.raw.front_matter.published,
            front_matter=r.raw.front_matter.as_json(), script=r.raw.script,
            **{**codes, **m.extra},  # a catalog's place_code wins over the table's
        ))
    columns = REPORT_COLUMNS + sorted({k for r in reports for k in r.metadata.extra} - set(REPORT_COLUMNS))
    df = frame(rows, columns, categories={"report_type": REPORT_TYPES, "level": LEVELS},
                ints=["report_no", "n_chars", "n_paragraphs", "n_sentences", "n_sections", "raw_start", "raw_end",
                      "n_warnings"],
                nullable_ints=["review_year", "plan_year", "year"])
    df["is_abstract"] = df["is_abstract"].astype("boolean")
    return df


def sections_table(reports: Sequence[Report]) -> pd.DataFrame:
    """One row per section.

    Columns: ``report_id``, ``section_no`` (0 is the root: header and front matter),
    ``parent_no``, ``level`` (1 = top), ``heading_style`` (cn 一、, cn_paren (一), arabic 1.,
    arabic_paren (1), plain/markdown unnumbered, synthetic for a livelihood list or glossary
    found without a heading), ``number`` (as written: 一, 3), ``heading``, ``part`` (review,
    plan, livelihood, glossary, other), ``paragraph_first``/``paragraph_last`` (descendants
    included), ``start``/``end``, ``raw_start``/``raw_end``, ``n_chars``.
    """
    rows = []
    for r in reports:
        spans = r.paragraph_spans
        for s in r.structure.sections:
            start, end = spans[s.first_paragraph][0], spans[s.last_paragraph][1]
            raw_start, raw_end = r.raw_span(start, end)
            rows.append(dict(
                report_id=r.report_id, section_no=s.no, parent_no=s.parent, level=s.level, heading_style=s.style,
                number=s.number, heading=s.heading, part=s.part, paragraph_first=s.first_paragraph,
                paragraph_last=s.last_paragraph, start=start, end=end, raw_start=raw_start, raw_end=raw_end,
                n_chars=non_space(r.text[start:end]),
            ))
    return frame(rows, SECTION_COLUMNS, categories={"heading_style": _STYLES, "part": PARTS},
                  ints=["section_no", "level", "paragraph_first", "paragraph_last", "start", "end",
                        "raw_start", "raw_end", "n_chars"], nullable_ints=["parent_no"])


def paragraphs_table(reports: Sequence[Report]) -> pd.DataFrame:
    """One row per paragraph (page breaks mended).

    Columns: ``report_id``, ``paragraph_no`` (from 0), ``section_no``, ``part``, ``kind``
    (header, heading, body), ``text``, ``start``/``end``, ``raw_start``/``raw_end``,
    ``n_chars``, ``n_joins`` (page breaks mended inside the paragraph).
    """
    rows = []
    for r in reports:
        st = r.structure
        for i, (p, (start, end)) in enumerate(zip(r.paragraphs, r.paragraph_spans)):
            rows.append(dict(
                report_id=r.report_id, paragraph_no=i, section_no=st.section_of[i], part=st.parts[i],
                kind=st.kinds[i], text=p.text, start=start, end=end, raw_start=p.raw_start, raw_end=p.raw_end,
                n_chars=len(p.text), n_joins=len(p.joins),
            ))
    return frame(rows, PARAGRAPH_COLUMNS, categories={"part": PARTS, "kind": _KINDS},
                  ints=["paragraph_no", "section_no", "start", "end", "raw_start", "raw_end", "n_chars", "n_joins"])


def sentences_table(reports: Sequence[Report]) -> pd.DataFrame:
    """One row per sentence of the headings and body (header lines excluded).

    A sentence ends at 。!? or … (closing quotes included); semicolons do not end one.
    Columns: ``report_id``, ``sentence_no`` (from 0, per report), ``paragraph_no``,
    ``section_no``, ``part``, ``kind``, ``text``, ``start``/``end``, ``raw_start``/``raw_end``.
    """
    rows = []
    for r in reports:
        st = r.structure
        for k, (i, start, end) in enumerate(r.sentence_spans):
            raw_start, raw_end = r.raw_span(start, end)
            rows.append(dict(
                report_id=r.report_id, sentence_no=k, paragraph_no=i, section_no=st.section_of[i], part=st.parts[i],
                kind=st.kinds[i], text=r.text[start:end], start=start, end=end, raw_start=raw_start, raw_end=raw_end,
            ))
    return frame(rows, SENTENCE_COLUMNS, categories={"part": PARTS, "kind": _KINDS},
                  ints=["sentence_no", "paragraph_no", "section_no", "start", "end", "raw_start", "raw_end"])


def glossary_table(reports: Sequence[Report]) -> pd.DataFrame:
    """One row per glossary entry (名词解释 / 注释 after a report).

    Columns: ``report_id``, ``entry_no`` (from 0), ``term`` (as written, quotes kept:
    “井长制”), ``term_plain`` (without quotation marks), ``definition``, ``paragraph_no``,
    ``start``/``end``, ``raw_start``/``raw_end``.
    """
    rows = []
    for r in reports:
        for k, g in enumerate(r.structure.glossary):
            raw_start, raw_end = r.raw_span(g.start, g.end)
            rows.append(dict(
                report_id=r.report_id, entry_no=k, term=g.term, term_plain=strip_quotes(g.term),
                definition=g.definition, paragraph_no=g.first_paragraph, start=g.start, end=g.end,
                raw_start=raw_start, raw_end=raw_end,
            ))
    return frame(rows, GLOSSARY_COLUMNS, ints=["entry_no", "paragraph_no", "start", "end", "raw_start", "raw_end"])
