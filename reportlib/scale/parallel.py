"""Tabulating a corpus in chunks on several cores, or on a Dask cluster, in bounded memory.

Files are taken in corpus order in chunks of :data:`CHUNK_FILES`. A worker reads, parses and
tabulates one chunk and returns its tables; the calling process gives every report its final
id and passes the chunks, in order, to a sink (:mod:`reportlib.io.sinks`), so at most a few
chunks are ever in memory and no process holds every report. The chunk size never depends on
the number of workers, so the tables are the same, byte for byte, whatever ``jobs`` is.

Executors:

* ``"process"`` (default): ``jobs`` worker processes on this machine (``jobs=1``: this process).
* ``"dask"``: a Dask cluster (``pip install 'reportlib[dask]'``): a ``LocalCluster`` of
  ``jobs`` single-threaded worker processes, or the scheduler at ``scheduler``
  (``tcp://host:8786``). Workers receive the files' bytes, so they need no shared disk, but
  they must run the same reportlib (checked: a worker with other code is refused).

>>> from reportlib import tabulate
>>> result = tabulate("reports/", "tables/", jobs=8, fmt="parquet")  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..lang import indicators
from ..errors import CorpusError, InputFileError, ReportLibError, ReportLibWarning
from ..paths import code_fingerprint

if TYPE_CHECKING:
    import pandas as pd

#: Files per chunk: small enough to keep memory low, large enough that sending work to a
#: worker costs little. Fixed, so that outputs do not depend on the number of workers.
CHUNK_FILES = 16
EXECUTORS = ("process", "dask")
DASK_CONNECT_TIMEOUT = "20s"  # how long to try reaching a Dask scheduler
DASK_WORKER_TIMEOUT = 20.0  # seconds to wait for a scheduler's first worker
DASK_TASK_TIMEOUT = 900.0  # seconds one chunk may take on a worker
_TEMP_ID = "\x00{}"  # a report's id inside a worker, until the caller gives the final one
_TEMP_PATTERN = re.compile("^\x00[0-9]+(?=,)", re.MULTILINE)  # report_id is every table's first column


@dataclass
class Chunk:
    """Files to tabulate together: ``(path, name)`` pairs, and their bytes for remote workers."""

    no: int
    files: list[tuple[str, str]]
    data: list[bytes] | None = None
    known: dict[str, dict] = field(default_factory=dict)  # what the caller knows of these files, by name


@dataclass
class ChunkResult:
    """What a worker returns: the chunk's tables (report ids temporary), each report's
    provisional id, file name, position and warnings, and the files it could not read."""

    no: int
    tables: dict[str, pd.DataFrame]
    reports: list[tuple[str, str, int, list[str]]]
    skipped: list[InputFileError]
    code: str = field(default_factory=code_fingerprint)


def tabulate_chunk(chunk: Chunk, vocabulary: Sequence[tuple[str, str]] = (), render: str | None = None) -> ChunkResult:
    """Read, parse and tabulate one chunk (this runs in a worker). ``render="csv"``: return
    every table but ``reports`` as CSV text already (:class:`~reportlib.io.sinks.CsvText`);
    ``"arrow"``: as ``pyarrow.Table``; so that the workers do the formatting too."""
    from ..corpus import Corpus
    from ..parse.report import parse_file
    from ..read.decode import read_raw

    indicators.use_vocabulary_state(vocabulary)
    reports, skipped = [], []
    for k, (path, name) in enumerate(chunk.files):
        try:
            raw = read_raw(path, name, None if chunk.data is None else chunk.data[k], known=chunk.known.get(name))
            reports.extend(parse_file(raw).reports)
        except InputFileError as e:
            skipped.append(e)
    reports.sort(key=lambda r: (r.source_file, r.report_no))
    keys = [(r.report_id, r.source_file, r.report_no, list(r.warnings)) for r in reports]
    for k, r in enumerate(reports):
        r.report_id = _TEMP_ID.format(k)
    tables = Corpus(reports).tables()
    if render == "csv":
        from ..io.sinks import CsvText

        for name, df in tables.items():
            text = CsvText.of(df)
            # a stray NUL in a report could look like a temporary id: then the parent maps the DataFrame
            if name != "reports" and len(_TEMP_PATTERN.findall(text.body)) == len(df):
                tables[name] = text
    elif render == "arrow":
        import pyarrow as pa

        tables = {n: df if n == "reports" else pa.Table.from_pandas(df, preserve_index=False) for n, df in tables.items()}
    return ChunkResult(chunk.no, tables, keys, skipped)


class ReportIds:
    """Final report ids for chunk after chunk, in corpus order (:class:`~reportlib.parse.ids.UniqueIds`)."""

    def __init__(self) -> None:
        from ..parse.ids import UniqueIds

        self._ids = UniqueIds()

    def finish(self, result: ChunkResult) -> tuple[dict[str, pd.DataFrame], list[str]]:
        """The chunk's tables with final ids, and the warnings of its reports."""
        from ..parse.ids import id_taken_warning
        from ..io.sinks import CsvText

        mapping, finals, notes, messages = {}, [], [], []
        for k, (provisional, source_file, report_no, report_warnings) in enumerate(result.reports):
            final = self._ids.take(provisional)
            if final != provisional:
                report_warnings = [*report_warnings, id_taken_warning(provisional, final)]
            mapping[_TEMP_ID.format(k)] = final
            finals.append(final)
            notes.append(report_warnings)
            messages += [f"{source_file} #{report_no} ({final}): {w}" for w in report_warnings]
        tables = {}
        for name, df in result.tables.items():
            if isinstance(df, CsvText):
                # temporary ids (NUL + number) start every row; the worker counted them
                df = CsvText(df.header, _TEMP_PATTERN.sub(lambda m: mapping[m[0]], df.body))
            elif not hasattr(df, "iloc"):  # a pyarrow.Table
                df = _arrow_ids(df, finals)
            else:
                df = df.copy()
                df["report_id"] = df["report_id"].map(mapping).astype(df["report_id"].dtype)
            tables[name] = df
        reports = tables["reports"]
        reports["warnings"] = ["; ".join(w) for w in notes]
        reports["n_warnings"] = [len(w) for w in notes]
        return tables, messages


def _arrow_ids(table, finals: list[str]):
    """``table`` with its temporary report ids (NUL + k) replaced by ``finals[k]``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not table.num_rows:
        return table
    i = table.schema.get_field_index("report_id")
    column = table.column(i)
    k = pc.cast(pc.utf8_slice_codeunits(column, 1), pa.int64())
    return table.set_column(i, table.field(i), pc.take(pa.array(finals, type=column.type), k))


def chunk_files(files: Sequence[tuple[Path, str]], size: int = CHUNK_FILES,
                known: Mapping[str, dict] | None = None) -> list[Chunk]:
    if size < 1:
        raise ReportLibError("chunk size must be at least 1")
    known = known or {}
    return [Chunk(i // size, [(str(p), n) for p, n in files[i : i + size]],
                  known={n: known[n] for _, n in files[i : i + size] if n in known})
            for i in range(0, len(files), size)]


def _with_bytes(chunk: Chunk) -> Chunk:
    from ..read.decode import check_regular

    data = []
    for path, _ in chunk.files:
        try:
            check_regular(Path(path))  # no FIFO, device or oversized file read for a remote worker
            data.append(Path(path).read_bytes())
        except OSError as e:
            raise InputFileError(path, f"cannot be read ({e.strerror})") from None
    return Chunk(chunk.no, chunk.files, data, chunk.known)


def _ordered(submit: Callable, chunks: Sequence[Chunk], window: int, result: Callable) -> Iterator[ChunkResult]:
    """Results in chunk order, with at most ``window`` chunks submitted and not yet consumed."""
    pending: deque = deque()
    todo = iter(chunks)
    for chunk in todo:
        pending.append(submit(chunk))
        if len(pending) >= window:
            break
    while pending:
        done = result(pending.popleft())
        for chunk in todo:
            pending.append(submit(chunk))
            break
        yield done


def preload() -> None:
    """Load what parsing loads lazily and slowly (jieba's part-of-speech dictionary, about a
    second; pypinyin), so that processes forked afterwards do not each load it again."""
    from ..lang import labels
    from ..parse import metadata

    metadata._place_name_tags()
    labels.romanize("上城")


def all_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def check_executor(jobs: int, executor: str, scheduler: str | None) -> int:
    """Refuse settings that cannot work, before anything is started or written; returns the
    number of workers (``jobs=0``: all cores)."""
    if executor not in EXECUTORS:
        raise ReportLibError(f"unknown executor {executor!r}; choose one of: {', '.join(EXECUTORS)}")
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 0:
        raise ReportLibError(f"jobs must be a whole number, 1 or more (0: all cores), not {jobs!r}")
    if scheduler is not None and executor != "dask":
        raise ReportLibError("a scheduler address is for the Dask executor (executor='dask'; CLI: --executor dask)")
    return jobs or all_cores()


def run_chunks(chunks: Sequence[Chunk], *, jobs: int = 1, executor: str = "process",
               scheduler: str | None = None, render: str | None = None) -> Iterator[ChunkResult]:
    """Tabulate ``chunks`` with ``jobs`` workers; results come back in chunk order."""
    jobs = check_executor(jobs, executor, scheduler)
    vocabulary = indicators.vocabulary_state()
    if executor == "dask":
        yield from _run_dask(chunks, jobs, scheduler, vocabulary, render)
    elif jobs == 1 or len(chunks) == 1:
        for chunk in chunks:
            yield tabulate_chunk(chunk, vocabulary, render)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork (Linux): workers inherit the loaded modules and need no `if __name__ == "__main__"`
        # guard in a researcher's script; spawn elsewhere (macOS, Windows).
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        context = multiprocessing.get_context(method)
        if method == "fork":
            preload()  # forked workers start with the dictionaries loaded
        import psutil

        before = {c.pid for c in psutil.Process().children()}
        pool = ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=context)
        try:
            yield from _ordered(lambda c: pool.submit(tabulate_chunk, c, vocabulary, render), chunks, 2 * jobs,
                                lambda f: f.result())
        except BaseException:  # cancelled (SIGINT, SIGTERM) or failed: no worker outlives the parent
            pool.shutdown(wait=False, cancel_futures=True)
            workers = [c for c in psutil.Process().children() if c.pid not in before]
            for w in workers:
                w.kill()
            psutil.wait_procs(workers, timeout=10)
            raise
        pool.shutdown()


def _connect(Client, scheduler: str):
    """A client of the scheduler at ``scheduler``, or a :class:`ReportLibError` saying which wait
    failed: the connection, or the handshake with something that listens there but is not a Dask
    scheduler (which would otherwise hang in ``Client()`` past its own timeout). The attempt runs
    in a thread that is given up after the timeout and a few seconds."""
    import threading

    seconds = float(DASK_CONNECT_TIMEOUT.rstrip("s"))
    box: dict = {}

    def attempt() -> None:
        try:
            box["client"] = Client(scheduler, timeout=DASK_CONNECT_TIMEOUT)
        except BaseException as e:  # noqa: BLE001 - handed to the caller
            box["error"] = e

    thread = threading.Thread(target=attempt, name="reportlib-dask-connect", daemon=True)
    thread.start()
    thread.join(seconds + 5)
    if thread.is_alive():
        raise ReportLibError(f"{scheduler} accepts connections but does not answer as a Dask scheduler within "
                             f"{seconds + 5:g} s (another service on that port?)")
    error = box.get("error")
    if isinstance(error, (OSError, TimeoutError)):
        raise ReportLibError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    if error is not None:
        raise error
    return box["client"]


def _run_dask(chunks, jobs, scheduler, vocabulary, render) -> Iterator[ChunkResult]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ReportLibError("the Dask executor needs dask.distributed: pip install 'reportlib[dask]'") from None
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = _connect(Client, scheduler)
    try:
        if scheduler is not None:
            try:
                client.wait_for_workers(1, timeout=DASK_WORKER_TIMEOUT)
            except (TimeoutError, OSError):
                raise ReportLibError(f"the Dask scheduler at {scheduler} has no workers: none arrived within "
                                     f"{DASK_WORKER_TIMEOUT:g} s; start them with `dask worker {scheduler}`") from None
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        here = code_fingerprint()

        def result(future) -> ChunkResult:
            try:
                done = future.result(timeout=DASK_TASK_TIMEOUT)
            except TimeoutError:
                raise ReportLibError(f"a chunk of report files took over {DASK_TASK_TIMEOUT:g} s on a Dask worker "
                                     "(a stuck or overloaded worker?)") from None
            if done.code != here:
                raise ReportLibError(
                    f"a Dask worker runs other reportlib code (fingerprint {done.code}, here {here}); "
                    "install the same reportlib on every worker")
            return done

        submit = lambda c: client.submit(tabulate_chunk, _with_bytes(c), vocabulary, render, pure=False)  # noqa: E731
        yield from _ordered(submit, chunks, 2 * n_workers, result)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@dataclass
class Tabulation:
    """What :func:`tabulate` did: the ``reports`` table, the files written, the files skipped,
    the warnings issued."""

    reports: pd.DataFrame
    paths: list[Path]
    skipped: list[InputFileError]
    warnings: list[str]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)  # filled for an in-memory sink


class Interrupted(KeyboardInterrupt):
    """SIGTERM handled as Ctrl-C (``signum`` says which), so that workers are stopped and
    temporary files removed before the process ends."""

    def __init__(self, signum: int = 2) -> None:
        super().__init__(f"interrupted by signal {signum}")
        self.signum = signum


@contextlib.contextmanager
def terminate_as_interrupt():
    """Within the block, SIGTERM raises :class:`Interrupted` in the main thread (elsewhere,
    nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise Interrupted(signum)

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def stream_tables(files: Sequence[tuple[Path, str]], sink, *, jobs: int = 1, executor: str = "process",
                  scheduler: str | None = None, errors: str = "raise", chunk_size: int = CHUNK_FILES,
                  known: Mapping[str, dict] | None = None) -> Tabulation:
    """Tabulate report files (``(path, name)`` pairs in corpus order) chunk by chunk into ``sink``
    (``known``: what the caller knows of each file, by name; see :mod:`reportlib.read.catalog`).

    ``errors="raise"`` stops with every bad file listed (and nothing written); ``"warn"``
    skips them with a warning. Warnings are issued as :class:`ReportLibWarning`, as
    :func:`~reportlib.load_corpus` issues them.
    """
    from ..io.sinks import concat

    if errors not in ("raise", "warn"):
        raise ValueError("errors must be 'raise' or 'warn'")
    chunks = chunk_files(files, chunk_size, known)
    ids = ReportIds()
    reports, skipped, messages = [], [], []
    try:
        with terminate_as_interrupt():
            for result in run_chunks(chunks, jobs=jobs, executor=executor, scheduler=scheduler,
                                     render=getattr(sink, "render", None)):
                tables, notes = ids.finish(result)
                sink.write(tables)
                reports.append(tables["reports"])
                skipped += result.skipped
                messages += notes
        if skipped and errors == "raise":
            raise skipped[0] if len(skipped) == 1 else CorpusError(skipped)
        written = sink.close()
    except BaseException:
        sink.abort()
        raise
    messages = [f"skipped {e}" for e in skipped] + messages
    for m in messages:
        warnings.warn(m, ReportLibWarning, stacklevel=3)
    return Tabulation(concat(reports), written, skipped, messages, getattr(sink, "tables", {}))

