"""What reportlib infers from one file, and why: the text behind ``reportlib inspect FILE``.

For a researcher adding a new report: how the file was decoded, which lines were dropped as
boilerplate, where each report starts, every header line and the role it was given, each
metadata value with the rule and line it came from, the section outline with parts, the
glossary size, what was extracted (targets, results, the livelihood list's frame and items,
each with its raw span, to check against the file) and the warnings.
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


def _given(x) -> bool:
    import pandas as pd

    return x is not None and not pd.isna(x)


def _number(value, high=None) -> str:
    if not _given(value):
        return "-"
    return f"{value:g}" + (f"–{high:g}" if _given(high) else "")


def _indicator(row) -> str:
    return str(row.indicator) if str(row.indicator) != "other" else f"other:{_clip(row.indicator_raw, 12)}"


def _extracted(tables: dict, report_id: str) -> list[str]:
    """The rows of the extraction tables for one report, one line each with its raw span."""
    def rows(name):
        t = tables[name]
        return t[t["report_id"] == report_id]

    out = []
    targets = rows("targets")
    out.append(f"  targets ({len(targets)}):")
    for t in targets.itertuples(index=False):
        sign = "−" if t.direction == "decrease" else ""
        qualifier = str(t.qualifier) if _given(t.qualifier) else ""
        value = f"{sign}{_number(t.value, t.value_high)}{t.unit if _given(t.unit) else ''}"
        out.append(f"    {t.target_year} {_indicator(t):24} {str(t.measure):11} {value:>14} {qualifier:8} "
                   f"[{t.raw_start}:{t.raw_end}] {_clip(t.text_span, 40)}")
    actuals = rows("actuals")
    out.append(f"  results ({len(actuals)}):")
    for a in actuals.itertuples(index=False):
        sign = "−" if a.direction == "decrease" else ""
        value = f"{sign}{_number(a.value, a.value_high)}{a.unit if _given(a.unit) else ''}"
        year = int(a.year) if _given(a.year) else "-"
        flag = "预计" if a.estimated else ""
        out.append(f"    {year} {_indicator(a):24} {str(a.measure):11} {value:>14} {flag:4} {str(a.period):6} "
                   f"[{a.raw_start}:{a.raw_end}] {_clip(a.text_span, 40)}")
    frames = rows("livelihood_lists")
    items = rows("livelihood")
    out.append(f"  livelihood lists ({len(frames)}) and items ({len(items)}):")
    for f in frames.itertuples(index=False):
        counts = ", ".join(f"{k} {getattr(f, k)}" for k in ("n_listed", "n_candidates", "n_to_adopt", "n_stated")
                           if _given(getattr(f, k)))
        selection = f.selection if _given(f.selection) else "-"
        out.append(f"    {f.kind} ({counts}; {selection}) [{f.raw_start}:{f.raw_end}] {_clip(f.statement, 40)}")
    for i in items.itertuples(index=False):
        out.append(f"      {i.item_no:>2} {i.marker:5} {str(i.domain):18} [{i.raw_start}:{i.raw_end}] {_clip(i.text, 40)}")
    return out


def explain_file(path: str | os.PathLike) -> str:
    """A readable account of what reportlib infers from ``path``."""
    from ..tables import registry

    raw = read_raw(path)
    parsed: ParsedFile = parse_file(raw)
    tables = registry.build_all(parsed.reports)
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
        out += _extracted(tables, r.report_id)
        for w in r.warnings:
            out.append(f"  warning: {w}")
    return "\n".join(out)

