"""Every table a corpus has, declared once: its name, the function that builds it, the tables it
needs and the columns it documents.

:class:`~reportlib.Corpus`, ``reportlib tabulate``, the sinks, the caches and the tests take the
list of tables from :data:`TABLES`. To add a table, write a module in ``reportlib/tables/`` with a
builder ``f(reports, *needed_tables) -> DataFrame`` (``report_id`` first, spans from
:func:`reportlib.tables.frame.span`) and add one :class:`Table` line below.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Table:
    """One table: ``name`` (also its file name, ``<name>.csv``), ``builder`` (``module:function``
    in :mod:`reportlib.tables`), the tables the builder receives after the reports (``needs``)
    and ``columns``, the name of the module's list of documented columns (the table's first
    columns, in order). A builder that makes several tables at once returns a dict of them;
    each of its tables names the same builder and ``key`` is its name in that dict. ``text`` and
    ``within`` declare what the row's span holds (checked for every table by the tests)."""

    name: str
    builder: str
    columns: str
    needs: tuple[str, ...] = ()
    key: str | None = None
    #: The column that is the row's source, verbatim: ``report.text[start:end]``.
    text: str | None = None
    #: Columns whose values (where not null) lie inside the row's span ``text[start:end]``.
    within: tuple[str, ...] = ()

    @property
    def module(self) -> str:
        return f"{__package__}.{self.builder.split(':')[0]}"

    def build_function(self):
        module, function = self.builder.split(":")
        return getattr(importlib.import_module(f"{__package__}.{module}"), function)

    @cached_property
    def documented_columns(self) -> list[str]:
        return list(getattr(importlib.import_module(self.module), self.columns))


TABLES: tuple[Table, ...] = (
    Table("reports", "core:reports_table", "REPORT_COLUMNS"),
    Table("sections", "core:sections_table", "SECTION_COLUMNS", within=("heading",)),
    Table("paragraphs", "core:paragraphs_table", "PARAGRAPH_COLUMNS", text="text"),
    Table("sentences", "core:sentences_table", "SENTENCE_COLUMNS", text="text"),
    Table("glossary", "core:glossary_table", "GLOSSARY_COLUMNS", within=("term", "definition")),
    Table("targets", "targets:targets_table", "TARGET_COLUMNS", text="text_span"),
    Table("actuals", "targets:actuals_table", "ACTUAL_COLUMNS", text="text_span"),
    Table("commitments", "targets:commitments_table", "COMMITMENT_COLUMNS", text="text_span"),
    Table("livelihood", "livelihood:livelihood_tables", "LIVELIHOOD_COLUMNS", key="livelihood", text="text"),
    Table("livelihood_lists", "livelihood:livelihood_tables", "LIST_COLUMNS", key="livelihood_lists",
          text="statement"),
    Table("quantities", "livelihood:livelihood_tables", "QUANTITY_COLUMNS", key="quantities", text="text_span"),
)

#: The tables' names, in the order they are listed and written.
NAMES: tuple[str, ...] = tuple(t.name for t in TABLES)


def table(name: str) -> Table:
    """The declaration of table ``name``."""
    for t in TABLES:
        if t.name == name:
            return t
    raise KeyError(f"no table {name!r}; the tables are: {', '.join(NAMES)}")


def build(reports, tables: dict, name: str, lookup) -> object:
    """Build table ``name`` from ``reports``; ``lookup(other)`` gives a table it needs, and
    ``tables`` (a cache by builder) keeps what a builder of several tables returned."""
    spec = table(name)
    if spec.builder not in tables:
        tables[spec.builder] = spec.build_function()(reports, *(lookup(n) for n in spec.needs))
    out = tables[spec.builder]
    return with_pages(out[spec.key] if spec.key else out, reports)


def with_pages(df, reports):
    """``df`` with a ``page`` column at the end: the page of a PDF report on which each row's
    ``raw_start`` lies (from 1), null for rows of other formats."""
    if "raw_start" not in df.columns or "page" in df.columns:
        return df
    import bisect

    import pandas as pd

    starts = {r.report_id: r.raw.page_starts for r in reports if r.raw.page_starts}
    if not starts:  # no PDF: an empty column, without a pass over the rows
        return df.assign(page=pd.array([pd.NA] * len(df), dtype="Int64"))
    pages = [bisect.bisect_right(starts[rid], pos) if rid in starts else None
             for rid, pos in zip(df["report_id"], df["raw_start"])]
    return df.assign(page=pd.array(pages, dtype="Int64"))


def build_all(reports) -> dict:
    """Every table of ``reports``, by name, in :data:`NAMES` order."""
    built: dict = {}
    done: dict = {}
    for name in NAMES:
        done[name] = build(reports, built, name, done.__getitem__)
    return done
