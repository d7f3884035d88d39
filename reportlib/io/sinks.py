"""Writing tables chunk by chunk, so that a corpus of any size is tabulated in bounded memory.

A sink receives the tables of one chunk of reports after another (in corpus order) and writes
them as it goes; :meth:`close` finishes the files and :meth:`abort` removes everything it wrote.

* :class:`CsvSink`: ``<out>/<table>.csv``, byte-identical to :meth:`Corpus.to_csv` (the header
  once, then each chunk's rows).
* :class:`ParquetSink`: ``<out>/<table>.parquet``, one row group per chunk. A column that is
  empty in one chunk and filled in another gets the filled type.
* :class:`MemorySink`: the tables as DataFrames, for an in-memory :class:`~reportlib.Corpus`.

Files are written under temporary names and renamed on :meth:`close`, so a failed run never
leaves a half-written table that looks complete.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ReportLibError

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("csv", "parquet")


@dataclass(frozen=True)
class CsvText:
    """A table already formatted as CSV: its header line and its rows (as :class:`CsvSink` writes them)."""

    header: str
    body: str

    @classmethod
    def of(cls, df: pd.DataFrame) -> CsvText:
        return cls(df.head(0).to_csv(index=False, lineterminator="\n"),
                   df.to_csv(index=False, header=False, lineterminator="\n") if len(df) else "")


class CsvSink:
    """Tables streamed to ``<out_dir>/<name>.csv``; ``encoding="utf-8-sig"`` adds a BOM for Excel.

    Workers may send a table as :class:`CsvText` (``render = "csv"``) instead of a DataFrame.
    """

    render = "csv"

    def __init__(self, out_dir: str | os.PathLike, names: Sequence[str], encoding: str = "utf-8") -> None:
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.names = list(names)
        self.bom = encoding == "utf-8-sig"
        self.encoding = "utf-8" if self.bom else encoding
        self._tmp = {n: self.out / f".{n}.csv.tmp" for n in self.names}
        self._files = {n: p.open("wb") for n, p in self._tmp.items()}
        self._started: set[str] = set()

    def write(self, tables: Mapping[str, pd.DataFrame]) -> None:
        for name in self.names:
            table, f = tables[name], self._files[name]
            if not isinstance(table, CsvText):
                table = CsvText.of(table)
            if name not in self._started:
                f.write((("\ufeff" if self.bom else "") + table.header).encode(self.encoding))
                self._started.add(name)
            f.write(table.body.encode(self.encoding))

    def close(self) -> list[Path]:
        paths = []
        for name in self.names:
            self._files[name].close()
            path = self.out / f"{name}.csv"
            self._tmp[name].replace(path)
            paths.append(path)
        return paths

    def abort(self) -> None:
        for name in self.names:
            self._files[name].close()
            self._tmp[name].unlink(missing_ok=True)


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        raise ReportLibError("writing Parquet needs pyarrow: pip install pyarrow") from None
    return pa, pq


class ParquetSink:
    """Tables streamed to ``<out_dir>/<name>.parquet`` (one row group per chunk, zstd-compressed).

    A table's schema is settled from its first chunks (a column empty in them all is kept as
    the null type); a later chunk that fills such a column widens the schema, and the row
    groups written so far are copied into the wider file, one at a time. Workers may send
    ``pyarrow.Table`` chunks (``render = "arrow"``) instead of DataFrames.
    """

    render = "arrow"
    SETTLE = 8  # chunks held back at most while a column is still untyped

    def __init__(self, out_dir: str | os.PathLike, names: Sequence[str], compression: str = "zstd") -> None:
        self.pa, self.pq = _pyarrow()
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.names = list(names)
        self.compression = compression
        self._tmp = {n: self.out / f".{n}.parquet.tmp" for n in self.names}
        self._pending: dict[str, list] = {n: [] for n in self.names}
        self._writers: dict[str, object] = {}
        self._schemas: dict[str, object] = {}

    def write(self, tables: Mapping[str, pd.DataFrame]) -> None:
        for name in self.names:
            table = tables[name]
            if not isinstance(table, self.pa.Table):
                table = self.pa.Table.from_pandas(table, preserve_index=False)
            if name in self._writers:
                self._append(name, table)
                continue
            pending = self._pending[name]
            pending.append(table)
            if len(pending) >= self.SETTLE or not any(self.pa.types.is_null(f.type) for f in self._unify(pending)):
                self._open(name)

    def _unify(self, tables):
        return self.pa.unify_schemas([t.schema for t in tables], promote_options="permissive")

    def _open(self, name: str) -> None:
        pending = self._pending.pop(name)
        schema = self._unify(pending).with_metadata(pending[0].schema.metadata)
        self._schemas[name] = schema
        self._writers[name] = self.pq.ParquetWriter(self._tmp[name], schema, compression=self.compression)
        for table in pending:
            self._append(name, table)

    def _append(self, name: str, table) -> None:
        if not table.num_rows:
            return
        schema = self._schemas[name]
        if not table.schema.equals(schema, check_metadata=False):
            wider = self._unify([self.pa.Table.from_pylist([], schema), table]).with_metadata(schema.metadata)
            if not wider.equals(schema, check_metadata=False):
                self._widen(name, wider)
                schema = wider
        self._writers[name].write_table(table.cast(schema))

    def _widen(self, name: str, schema) -> None:
        """Rewrite what was written of ``name`` with a wider schema (a column filled late)."""
        self._writers[name].close()
        old = self._tmp[name]
        new = old.with_name(old.name + ".w")
        writer = self.pq.ParquetWriter(new, schema, compression=self.compression)
        written = self.pq.ParquetFile(old)
        for i in range(written.num_row_groups):
            writer.write_table(written.read_row_group(i).cast(schema))
        written.close()
        old.unlink()
        new.replace(old)  # the writer's open file moves with it
        self._writers[name], self._schemas[name] = writer, schema

    def close(self) -> list[Path]:
        paths = []
        for name in self.names:
            if name not in self._writers:
                self._open(name)
            self._writers.pop(name).close()
            path = self.out / f"{name}.parquet"
            self._tmp[name].replace(path)
            paths.append(path)
        return paths

    def abort(self) -> None:
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()
        for path in self._tmp.values():
            path.unlink(missing_ok=True)
            path.with_name(path.name + ".w").unlink(missing_ok=True)


class MemorySink:
    """The chunks' tables concatenated in memory (:attr:`tables` after :meth:`close`)."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(names)
        self._chunks: dict[str, list[pd.DataFrame]] = {n: [] for n in self.names}
        self.tables: dict[str, pd.DataFrame] = {}

    def write(self, tables: Mapping[str, pd.DataFrame]) -> None:
        for name in self.names:
            self._chunks[name].append(tables[name])

    def close(self) -> list[Path]:
        self.tables = {name: concat(parts) for name, parts in self._chunks.items()}
        self._chunks.clear()
        return []

    def abort(self) -> None:
        self._chunks.clear()


def concat(parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Chunks of one table as one DataFrame with the dtypes of the filled chunks."""
    import pandas as pd

    filled = [p for p in parts if len(p)] or list(parts[:1])
    return pd.concat(filled, ignore_index=True) if len(filled) > 1 else filled[0].reset_index(drop=True)


def read_parquet_table(path: str | os.PathLike) -> pd.DataFrame:
    """A table written by :class:`ParquetSink` (or :meth:`Corpus.to_parquet`)."""
    import pandas as pd

    _pyarrow()
    return pd.read_parquet(path)


def make_sink(fmt: str, out_dir: str | os.PathLike, names: Sequence[str], encoding: str = "utf-8"):
    """A sink for ``fmt`` (``csv`` or ``parquet``)."""
    if fmt == "csv":
        return CsvSink(out_dir, names, encoding)
    if fmt == "parquet":
        return ParquetSink(out_dir, names)
    raise ReportLibError(f"unknown table format {fmt!r}; choose one of: {', '.join(FORMATS)}")
