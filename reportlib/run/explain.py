"""What reportlib infers from one file, and why: the text behind ``reportlib inspect FILE``.

For a researcher adding a new report: how the file was decoded, which lines were dropped as
boilerplate, where each report starts, every header line and the role it was given, each
metadata value with the rule and line it came from, the section outline with parts, the
glossary size and the warnings.
"""

from __future__ import annotations

import os

from ..parse.report import ParsedFile, parse_file
from ..read.decode import read_raw
from ..lang.labels import label

_FIELDS = ("title", "meeting", "date", "speaker", "speaker_title", "place", "report_type", "review_year",
           "plan_year", "is_abstract")


def _clip(s: str | None, n: int = 60) -> str:
    if s is None:
        return ""
    return s if len(s) <= n else s[: n - 1] + "…"


def explain_file(path: str | os.PathLike) -> str:
    """A readable account of what reportlib infers from ``path``."""
    raw = read_raw(path)
    parsed: ParsedFile = parse_file(raw)
    n_joins = sum(len(p.joins) for r in parsed.reports for p in r.paragraphs)
    out = [
        f"File: {path}",
        f"  read as {raw.source_format}" + (f" ({len(raw.page_starts)} pages)" if raw.page_starts else "")
        + f", encoding {raw.encoding}, {raw.script} characters, {len(raw.text):,} characters, "
        f"{len(parsed.reports)} report(s), {n_joins} page break(s) mended",
    ]
    for d in parsed.dropped:
        out.append(f"  dropped [{d.raw_start}:{d.raw_end}] {d.reason}: {_clip(d.text)}")
    if parsed.preamble:
        out.append("  before the first header (not part of any report): "
                   + " | ".join(_clip(p.text, 30) for p in parsed.preamble))
    if not parsed.header_blocks:
        out.append("  no report header found: the whole file is one report")
    for r in parsed.reports:
        md = r.metadata
        out += ["", f"Report {r.report_no} of {len(parsed.reports)}: {r.report_id}  "
                    f"(raw characters {r.paragraphs[0].raw_start}-{r.paragraphs[-1].raw_end}, "
                    f"{len(r.paragraphs)} paragraphs)"]
        if r.header_count:
            out.append("  header lines:")
            for i in range(r.header_count):
                out.append(f"    {r.header_roles[i]:8} | {r.paragraphs[i].text}")
        out.append("  inferred:")
        by_field = {}
        for e in md.evidence:
            by_field.setdefault(e.field, e)
        for name in _FIELDS:
            value = getattr(md, name)
            e = by_field.get(name)
            why = f"{e.rule}" + (f"  <- {_clip(e.line, 50)}" if e and e.line else "") if e else "not stated"
            out.append(f"    {name:13} {_clip(str(value) if value is not None else '-', 30):32} {why}")
        out.append("  outline (part, level, heading):")
        for s in r.structure.sections[1:]:
            number = f"{s.number} " if s.number else ""
            out.append(f"    [{s.part:10}] {'  ' * (s.level - 1)}{number}{_clip(s.heading or '(' + s.style + ')', 50)}")
        parts = {}
        for i, p in enumerate(r.paragraphs):
            parts[r.structure.parts[i]] = parts.get(r.structure.parts[i], 0) + len(p.text)
        out.append("  characters per part: " + ", ".join(f"{label('part', k, 'en')}: {v:,}" for k, v in parts.items()))
        if r.structure.glossary:
            out.append(f"  glossary: {len(r.structure.glossary)} entries, e.g. "
                       + "; ".join(g.term for g in r.structure.glossary[:5]))
        for w in r.warnings:
            out.append(f"  warning: {w}")
    return "\n".join(out)

