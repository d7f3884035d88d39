"""Metadata the caller knows about each file: a catalog CSV and path templates.

Like quanteda's docvars, a researcher often knows what a text does not state: the place and
year from the folder a file sits in, or a catalog with one row per file. ``load_corpus(path,
metadata="catalog.csv", path_pattern="{place}/{year}.md")`` reads both:

* ``metadata``: a CSV (or a DataFrame) with a ``file`` column (or ``source_file``/``path``)
  holding each file's path relative to the folder given, and any other columns. The known
  columns (:data:`KNOWN`) are metadata; every other column is kept as a report column.
* ``path_pattern``: a template of the relative path with ``{field}`` placeholders for known
  columns (``{year}`` is the plan year, four digits); ``*`` matches any text, ``**`` any
  folders; a path that does not fit gives nothing.

What the text states wins: a caller's value fills only what the text leaves empty, and a
caller's value that disagrees with the text is reported as a warning naming both values.

>>> from_pattern("{place}/{year}.md", "杭州市/2015.md")
{'place': '杭州市', 'plan_year': 2015}
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from ..errors import ReportLibError

#: Columns of a catalog (and placeholders of a path pattern) that are report metadata.
KNOWN = ("place", "level", "report_type", "date", "plan_year", "review_year", "speaker", "speaker_title")
_INTEGER = ("plan_year", "review_year")
_FILE_COLUMNS = ("file", "source_file", "path")
#: Placeholders that name a known column by another name.
_ALIASES = {"year": "plan_year"}


def _value(field: str, text: str, where: str):
    if field in _INTEGER:
        try:
            return int(str(text).strip())
        except ValueError:
            raise ReportLibError(f"{where}: {field} must be a year, not {text!r}") from None
    return str(text).strip()


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    out, pos = [], 0
    for m in re.finditer(r"\{(\w+)\}|\*\*/?|\*", pattern):
        out.append(re.escape(pattern[pos : m.start()]))
        if m[1]:
            year = _ALIASES.get(m[1], m[1]) in _INTEGER
            out.append(f"(?P<{m[1]}>\\d{{4}})" if year else f"(?P<{m[1]}>[^/]+?)")
        elif m.group().startswith("**"):
            out.append(r"(?:.*/)?")
        else:
            out.append(r"[^/]*")
        pos = m.end()
    out.append(re.escape(pattern[pos:]))
    try:
        return re.compile("".join(out) + r"\Z")
    except re.error as e:
        raise ReportLibError(f"path pattern {pattern!r}: {e}") from None


def from_pattern(pattern: str, name: str) -> dict:
    """The fields a path template gives for one file (``name``: its path relative to the
    folder given); empty when the path does not fit the template. The template may fit the
    end of the path: ``{place}/{year}.md`` fits ``provincial/浙江省/2015.md``."""
    regex = _pattern_regex(pattern)
    m = regex.match(name) or next((regex.match(name[i + 1 :]) for i, ch in enumerate(name) if ch == "/"
                                   and regex.match(name[i + 1 :])), None)
    if m is None:
        return {}
    out = {}
    for field, text in m.groupdict().items():
        key = _ALIASES.get(field, field)
        out[key] = _value(key, text, f"path pattern {pattern!r} on {name}")
    return out


def read_catalog(metadata: str | os.PathLike | pd.DataFrame) -> dict[str, dict]:
    """``file -> {column: value}`` from a catalog CSV or DataFrame (empty cells left out)."""
    if isinstance(metadata, pd.DataFrame):
        df, where = metadata.astype(object), "metadata"
    else:
        p = Path(metadata)
        if not p.is_file():
            raise ReportLibError(f"{p}: no such metadata file")
        try:
            df = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (UnicodeDecodeError, pd.errors.ParserError) as e:
            raise ReportLibError(f"{p}: not a UTF-8 CSV file ({e})") from None
        where = str(p)
    column = next((c for c in _FILE_COLUMNS if c in df.columns), None)
    if column is None:
        raise ReportLibError(f"{where}: a metadata table needs a column naming each file ({', '.join(_FILE_COLUMNS)})")
    out: dict[str, dict] = {}
    for row in df.to_dict("records"):
        name = str(row.pop(column)).strip().replace("\\", "/")
        if name in out:
            raise ReportLibError(f"{where}: {name} is listed twice")
        values = {}
        for key, value in row.items():
            if value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == "":
                continue
            values[key] = _value(key, value, f"{where}, {name}") if key in KNOWN else value
        out[name] = values
    return out


def known_metadata(names: Sequence[str], metadata=None, path_pattern: str | None = None) -> dict[str, dict]:
    """What the caller knows of each file (``names``: paths relative to the folder given): the
    path pattern's fields, then the catalog's (a catalog value wins over the pattern's)."""
    out: dict[str, dict] = {}
    catalog: Mapping[str, dict] = read_catalog(metadata) if metadata is not None else {}
    unknown = set(catalog) - set(names)
    if unknown:
        shown = ", ".join(sorted(unknown)[:5])
        raise ReportLibError(f"the metadata lists files that are not in the corpus: {shown}"
                             + (f" (and {len(unknown) - 5} more)" if len(unknown) > 5 else ""))
    for name in names:
        values = from_pattern(path_pattern, name) if path_pattern else {}
        values.update(catalog.get(name, {}))
        if values:
            out[name] = values
    return out
