"""The :class:`Corpus`: a set of reports and their tables, and a subset of them by place, type and year.

>>> import reportlib
>>> corpus = reportlib.load_corpus()            # the bundled corpus  # doctest: +SKIP
>>> corpus.reports[["report_id", "place", "year"]]                   # doctest: +SKIP

Loading (plain, parallel, cached) is :mod:`reportlib.load`; decoding files is
:mod:`reportlib.read.decode`; splitting them into reports is :mod:`reportlib.parse.report`.
"""

from __future__ import annotations

import numbers
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputFileError, ReportLibError
from .parse import metadata
from .parse.ids import id_taken_warning
from .parse.report import Report, parse_file
from .read.decode import read_raw
from .read.files import file_digest
from .tables import registry

if TYPE_CHECKING:  # pandas is imported when a table is first built
    import pandas as pd

PathLike = str | os.PathLike


def _resolve(table):
    return table() if callable(table) else table


def _table_property(spec: registry.Table) -> property:
    def get(self: Corpus) -> pd.DataFrame:
        return self.table(spec.name)

    get.__doc__ = f"The ``{spec.name}`` table, built by :func:`reportlib.tables.{spec.builder.replace(':', '.')}`."
    return property(get)


class Corpus:
    """A set of reports and their tables.

    Every table of :data:`reportlib.tables.registry.TABLES` is an attribute, built on first use
    (pandas DataFrames): ``reports``, ``sections``, ``paragraphs``, ``sentences``, ``glossary``
    (documented in :mod:`reportlib.tables.core`), ``targets``, ``actuals``, ``commitments``
    (:mod:`reportlib.tables.targets`) and ``livelihood``, ``livelihood_lists``, ``quantities``
    (:mod:`reportlib.tables.livelihood`).

    A corpus loaded with ``jobs > 1`` or ``cache=True`` (:func:`reportlib.load_corpus`) holds its
    tables and parses its reports from their files only when they are needed (iterating over
    the corpus, :meth:`report`, :meth:`text`).
    """

    #: The names of the tables, in the order they are listed and written.
    TABLES = registry.NAMES

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
        if name in self._hashes and file_digest(path, data) != self._hashes[name]:
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

    def source(self, row, prefix: str = "") -> str:
        """The source text of a row of any table, as it stands in the file: ``row`` is a row of
        a table (``itertuples()``, ``.iloc[k]`` or a dict) with ``report_id``, ``raw_start`` and
        ``raw_end``; ``prefix`` reads the columns of one side of a comparison row
        (``"target_"``, ``"result_"``, ``"parent_"``, ``"first_"``, ``"later_"``).

        >>> row = corpus.targets.iloc[0]                        # doctest: +SKIP
        >>> corpus.source(row)                                  # doctest: +SKIP
        '地区生产总值增长7.5%'
        """
        def get(name: str):
            key = f"{prefix}{name}"
            value = row.get(key) if hasattr(row, "get") else getattr(row, key, None)  # a Series or dict, or a tuple
            if value is None or (isinstance(value, float) and value != value):
                raise ReportLibError(f"the row has no {key!r}; give a row of a table with report_id, raw_start and"
                                     " raw_end (or the prefix of one side of a comparison row)")
            return value

        report_id = get("report_id")
        start, end = int(get("raw_start")), int(get("raw_end"))
        return self.report(str(report_id)).raw.text[start:end]

    def select(
        self,
        places: Sequence[str] | str | None = None,
        report_types: Sequence[str] | str | None = None,
        years: Sequence[int] | int | None = None,
    ) -> Corpus:
        """The reports of some places, report types and years; an argument left None keeps all,
        a single value or a list of values keeps the reports that have one of them.

        ``places``: the ``place`` column of ``reports``:

        >>> corpus.select(places="上城区").report_ids            # doctest: +SKIP
        ['shangcheng-2013-npc', 'shangcheng-2013-cppcc', …, 'shangcheng-2020-gov']

        ``report_types``: the ``report_type`` column (one of :data:`reportlib.parse.metadata.REPORT_TYPES`;
        an unknown type is an error naming the known ones):

        >>> corpus.select(report_types=["government_work_report"])  # doctest: +SKIP

        ``years``: the ``year`` column, the year a report is delivered in, which its id also
        names (its plan year, else its date's year, else the year after the one it reviews;
        :func:`reportlib.lang.labels.report_year`), so ``shangcheng-2013-*`` is in 2013:

        >>> corpus.select(years=2013).report_ids               # doctest: +SKIP
        ['shangcheng-2013-gov', 'shangcheng-2013-party', 'shangcheng-2013-npc', 'shangcheng-2013-cppcc']
        >>> corpus.select(places=["上城区", "江干区"], years=range(2014, 2021))  # doctest: +SKIP

        The arguments combine (a report is kept when it matches all of them).
        """
        def as_set(v):
            return None if v is None else {v} if isinstance(v, (str, numbers.Integral)) else set(v)

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
            and (years_ is None or r.metadata.year in years_)
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
            keep &= rep["year"].isin(years_)
        ids = set(rep.loc[keep, "report_id"])
        parent = self

        def subset(name: str) -> Callable[[], pd.DataFrame]:
            def table() -> pd.DataFrame:
                df = getattr(parent, name)
                return df[df["report_id"].isin(ids)].reset_index(drop=True)
            return table

        return Corpus.from_tables({n: subset(n) for n in self.TABLES}, self._files, self.skipped, self._hashes)

    # --- tables (declared in reportlib.tables.registry; columns documented where they are built)
    def table(self, name: str) -> pd.DataFrame:
        """The table ``name`` (one of :attr:`TABLES`), built on first use."""
        built = self.__dict__.setdefault("_built", {})
        if name not in built:
            stored = self.__dict__.get("_stored")
            if stored is not None:
                built[name] = _resolve(stored[name])
            else:
                built[name] = registry.build(self._reports, self.__dict__.setdefault("_builders", {}), name,
                                             self.table)
        return built[name]

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name."""
        return {name: self.table(name) for name in self.TABLES}

    def to_csv(self, out_dir: PathLike, *, excel: bool = False, encoding: str = "utf-8") -> list[Path]:
        """Write each table as ``<out_dir>/<name>.csv`` (header, stable row order); returns the paths.

        ``excel=True`` (the command line's ``--excel``) writes UTF-8 with a BOM, which Excel needs
        to show the Chinese text; ``encoding`` names another encoding.
        """
        from .io.export import save_table

        if excel:
            encoding = "utf-8-sig"
        return [save_table(df, name, out_dir, encoding=encoding) for name, df in self.tables().items()]

    def to_parquet(self, out_dir: PathLike) -> list[Path]:
        """Write each table as ``<out_dir>/<name>.parquet``; returns the paths. Read one back with
        ``pandas.read_parquet`` (categories, nullable integers and strings keep their types)."""
        from .io.sinks import ParquetSink

        sink = ParquetSink(out_dir, self.TABLES)
        sink.write(self.tables())
        return sink.close()


for _spec in registry.TABLES:
    setattr(Corpus, _spec.name, _table_property(_spec))
del _spec
