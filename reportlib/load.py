"""Load report files into a :class:`~reportlib.corpus.Corpus` (:func:`load_corpus`), or write their
tables to files (:func:`tabulate`): in this process, in worker processes or on a Dask cluster
(:mod:`reportlib.scale.parallel`), or from a cache of tables (:mod:`reportlib.scale.cache`).

>>> import reportlib
>>> corpus = reportlib.load_corpus()            # the bundled corpus  # doctest: +SKIP

Files are read as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (which includes GBK
and GB2312, common for Chinese documents); anything else is refused with a message naming the
file and the problem (:mod:`reportlib.errors`, :mod:`reportlib.read.decode`).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus import Corpus
from .errors import CorpusError, InputFileError, ReportLibError, ReportLibWarning
from .parse.ids import make_ids_unique
from .parse.report import Report, parse_file
from .read.decode import read_raw
from .read.files import collect_files

if TYPE_CHECKING:
    import pandas as pd

    from .scale.parallel import Tabulation

PathLike = str | os.PathLike


def _known(files, metadata, path_pattern) -> dict[str, dict]:
    if metadata is None and path_pattern is None:
        return {}
    from .read.catalog import known_metadata

    return known_metadata([name for _, name in files], metadata, path_pattern)


def load_corpus(paths: PathLike | Sequence[PathLike] | None = None, *, errors: str = "raise", jobs: int = 1,
                cache: bool | PathLike = False, executor: str = "process", scheduler: str | None = None,
                metadata: PathLike | pd.DataFrame | None = None, path_pattern: str | None = None) -> Corpus:
    """Load report files into a :class:`Corpus`.

    ``paths``: a folder (every ``*.txt``, ``*.md`` and ``*.docx`` below it; a ``*.doc`` is refused), a file, or a list of them; None
    loads the bundled corpus. ``errors="raise"`` (default) refuses to load when any file is bad,
    listing every bad file and its problem; ``errors="warn"`` skips bad files with a warning and
    lists them in ``corpus.skipped``. Problems that do not stop loading (no header, GB18030
    encoding) are issued as :class:`ReportLibWarning` and kept in the ``warnings`` column of
    ``reports``.

    For large corpora:

    * ``jobs``: tabulate with that many worker processes (0: one per core;
      :mod:`reportlib.scale.parallel`); the corpus then holds the tables and parses a report's
      file only when the report itself is needed. ``executor="dask"`` (with ``scheduler``, a
      Dask scheduler address, or a local cluster of ``jobs`` workers) does the same on a Dask
      cluster.
    * ``cache=True`` (or a folder): keep the tables as Parquet under the cache folder
      (``$REPORTLIB_CACHE`` or ``outputs/.cache``), keyed by the files' contents, reportlib's
      code and the indicator vocabulary; the next load of the same files reads them back
      instead of parsing (:mod:`reportlib.scale.cache`).

    What the caller knows of the files and the text may not state (:mod:`reportlib.read.catalog`):

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
        from .scale.parallel import check_executor

        jobs = check_executor(jobs, executor, scheduler)  # refused before anything starts
    if cache is not False:
        from .scale.cache import load_cached

        files = collect_files(paths)
        return load_cached(files, None if cache is True else Path(cache), errors=errors, jobs=jobs,
                           executor=executor, scheduler=scheduler, known=_known(files, metadata, path_pattern))
    if in_workers:
        from .io.sinks import MemorySink
        from .scale.parallel import stream_tables

        files = collect_files(paths)
        known = _known(files, metadata, path_pattern)
        done = stream_tables(files, MemorySink(Corpus.TABLES), jobs=jobs, executor=executor, scheduler=scheduler,
                             errors=errors, known=known)
        return Corpus.from_tables(done.tables, {name: path for path, name in files}, done.skipped, known=known)
    if errors not in ("raise", "warn"):
        raise ValueError("errors must be 'raise' or 'warn'")
    reports: list[Report] = []
    failed: list[InputFileError] = []
    files = collect_files(paths)
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
    make_ids_unique(reports)
    for r in reports:
        for w in r.warnings:
            warnings.warn(f"{r.source_file} #{r.report_no} ({r.report_id}): {w}", ReportLibWarning, stacklevel=2)
    return Corpus(reports, failed)


def tabulate(paths=None, out_dir: str | os.PathLike = "tables", *, fmt: str = "csv", jobs: int = 1,
             executor: str = "process", scheduler: str | None = None, errors: str = "raise",
             excel: bool = False, encoding: str = "utf-8", chunk_size: int | None = None,
             force: bool = False) -> Tabulation:
    """Write every table of the corpus under ``paths`` to ``out_dir`` as ``<table>.csv`` or
    ``<table>.parquet`` (``fmt``), streaming: memory stays bounded whatever the corpus size.

    ``jobs``: worker processes (or Dask workers of a local cluster; 0: one per core); ``executor``: ``"process"``
    or ``"dask"``; ``scheduler``: a Dask scheduler address (default: a local cluster). The files
    are the same, byte for byte, whatever ``jobs`` and ``executor`` are; CSV files are also
    byte-identical to :meth:`Corpus.to_csv`. ``excel=True`` (``--excel``) writes CSV as UTF-8 with
    a BOM, which Excel needs for Chinese, as ``Corpus.to_csv(..., excel=True)`` does. ``chunk_size``: files per chunk (default
    :data:`reportlib.scale.parallel.CHUNK_FILES`). Returns a
    :class:`~reportlib.scale.parallel.Tabulation` (the reports table, the files written, the
    files skipped, the warnings). ``out_dir`` must not hold files other than reportlib's tables
    (and their exports), unless ``force``; it is locked while the tables are written, so a second
    tabulation into it is refused (:mod:`reportlib.io.folders`).

    >>> from reportlib import tabulate
    >>> done = tabulate("reports/", "tables/", jobs=8, fmt="parquet")  # doctest: +SKIP
    """
    from .io.folders import OutputLock, check_out_dir
    from .io.sinks import FORMATS, make_sink
    from .scale.parallel import check_executor, stream_tables

    jobs = check_executor(jobs, executor, scheduler)
    if fmt not in FORMATS:
        raise ReportLibError(f"unknown table format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    files = collect_files(paths)
    out = Path(out_dir)
    tables = set(Corpus.TABLES)

    def ours(path: Path) -> bool:  # the tables, and what `reportlib export` wrote beside them
        rel = path.relative_to(out)
        return (len(rel.parts) == 1 and path.stem in tables and path.suffix in (".csv", ".parquet")) or \
            rel.parts[0] in ("stata", "xlsx", "parquet")

    check_out_dir(out, force=force, ours=ours)
    with OutputLock(out, "reportlib tabulate"):
        sink = make_sink(fmt, out_dir, Corpus.TABLES, "utf-8-sig" if excel else encoding)
        more = {} if chunk_size is None else {"chunk_size": chunk_size}
        return stream_tables(files, sink, jobs=jobs, executor=executor, scheduler=scheduler, errors=errors, **more)
