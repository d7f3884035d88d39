"""Large corpora: parallel and streamed tabulation, Parquet, the corpus cache, the Dask backend.

Every route must give the tables the plain ``load_corpus()`` gives: CSV files byte for byte,
DataFrames value for value (dtypes included).
"""

from __future__ import annotations

import filecmp
import importlib.util
import pickle
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import reportlib
from reportlib.run import cli
from reportlib.lang import indicators
from reportlib.corpus import Corpus
from reportlib.errors import CorpusError, EncodingError, InputFileError, ReportLibError
from reportlib import tabulate
from reportlib.paths import bundled_data_dir, project_root

from .conftest import DATA, seed

pytestmark = pytest.mark.filterwarnings("ignore::reportlib.ReportLibWarning")


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", project_root() / "benchmarks" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic_dir(tmp_path_factory) -> Path:
    """24 synthetic reports (9 seed headers recombined): ids collide, so -2, -3 … are needed."""
    return _synthetic().build(24, tmp_path_factory.mktemp("synthetic"))


@pytest.fixture(scope="module")
def reference(tmp_path_factory, synthetic_dir):
    """Tables of the synthetic corpus written the plain way: load_corpus().to_csv()."""
    out = tmp_path_factory.mktemp("reference")
    corpus = reportlib.load_corpus(synthetic_dir)
    corpus.to_csv(out)
    return corpus, out


def _same_files(a: Path, b: Path, suffix: str = "csv") -> list[str]:
    names = [f"{n}.{suffix}" for n in Corpus.TABLES]
    assert all((b / n).is_file() for n in names)
    return [n for n in names if not filecmp.cmp(a / n, b / n, shallow=False)]


def _assert_same_tables(a: Corpus, b: Corpus) -> None:
    for name in Corpus.TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


# --- synthetic corpus -------------------------------------------------------------------------
def test_synthetic_corpus_is_reproducible_and_keeps_the_seed_headers(tmp_path, synthetic_dir, reference):
    again = _synthetic().build(24, tmp_path / "again")
    assert not [p.name for p in sorted(synthetic_dir.glob("*.txt"))
                if p.read_bytes() != (again / p.name).read_bytes()]
    corpus, _ = reference
    reports = corpus.reports
    # file k takes the header of seed report k mod 9: 00009.txt is Jianggan's 2014 report again
    row = reports[reports["source_file"] == "00009.txt"].iloc[0]
    assert (row["place"], row["date"], row["report_id"]) == ("江干区", "2014-01-20", "jianggan-2014-gov-2")


# --- streamed, parallel tabulation ------------------------------------------------------------
@pytest.mark.parametrize("jobs,chunk_size", [(1, 16), (2, 1), (2, 5)])
def test_streamed_tables_are_byte_identical_to_to_csv(tmp_path, synthetic_dir, reference, jobs, chunk_size):
    _, ref_dir = reference
    done = tabulate(synthetic_dir, tmp_path, jobs=jobs, chunk_size=chunk_size)
    assert _same_files(ref_dir, tmp_path) == []
    assert len(done.reports) == 24 and not done.skipped


def test_ids_made_unique_across_chunks_with_a_warning(tmp_path, synthetic_dir):
    taken = "jianggan-2014-gov is taken by an earlier report; this one is jianggan-2014-gov-3"
    with pytest.warns(reportlib.ReportLibWarning, match=taken):
        done = tabulate(synthetic_dir, tmp_path, jobs=2, chunk_size=4)
    reports = done.reports.set_index("source_file")
    assert reports.loc["00000.txt", "report_id"] == "jianggan-2014-gov"
    assert reports.loc["00018.txt", "report_id"] == "jianggan-2014-gov-3"
    assert "this one is jianggan-2014-gov-3" in reports.loc["00018.txt", "warnings"]
    assert reports["report_id"].is_unique
    commitments = pd.read_csv(tmp_path / "commitments.csv")
    assert set(commitments["report_id"]) <= set(reports["report_id"])
    # the rows given the id jianggan-2014-gov-3 are those of file 00018.txt loaded on its own
    alone = reportlib.load_corpus(synthetic_dir / "00018.txt").commitments
    mine = commitments[commitments["report_id"] == "jianggan-2014-gov-3"]
    assert len(mine) > 3
    assert mine["text_span"].tolist() == alone["text_span"].tolist()
    assert mine["value"].fillna(-1).tolist() == alone["value"].fillna(-1).tolist()


def test_bundled_corpus_streams_to_the_same_csv(tmp_path, corpus):
    corpus.to_csv(tmp_path / "ref")
    tabulate(None, tmp_path / "new", jobs=2, chunk_size=1)
    assert _same_files(tmp_path / "ref", tmp_path / "new") == []


def test_bad_file_stops_the_run_and_writes_nothing(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(seed("000"), src)
    (src / "empty.txt").write_bytes(b"")
    (src / "sjis.txt").write_bytes("政府を代表して報告します。".encode("shift_jis") * 40)
    with pytest.raises(CorpusError) as e:
        tabulate(src, tmp_path / "out", jobs=2, chunk_size=1)
    assert "empty.txt: the file is empty" in str(e.value) and "sjis.txt" in str(e.value)
    assert list((tmp_path / "out").iterdir()) == []
    done = tabulate(src, tmp_path / "out", errors="warn", chunk_size=1)
    assert sorted(p.path.name for p in done.skipped) == ["empty.txt", "sjis.txt"]
    assert list(done.reports["report_id"]) == ["jianggan-2014-gov"]


def test_worker_errors_survive_pickling():
    e = pickle.loads(pickle.dumps(EncodingError("a.txt", "not UTF-8")))
    assert type(e) is EncodingError and e.path == Path("a.txt") and str(e) == "a.txt: not UTF-8"
    many = pickle.loads(pickle.dumps(CorpusError([e, InputFileError("b.txt", "no such file")])))
    assert "b.txt: no such file" in str(many)


@pytest.mark.parametrize("kwargs,message", [
    (dict(jobs=-1), r"jobs must be a whole number, 1 or more \(0: all cores\)"),
    (dict(jobs=2.5), "jobs must be a whole number"),
    (dict(executor="spark"), "unknown executor 'spark'"),
    (dict(scheduler="tcp://127.0.0.1:8786"), "a scheduler address is for the Dask executor"),
    (dict(fmt="xlsx"), "unknown table format 'xlsx'"),
])
def test_bad_settings_are_refused_before_anything_runs(tmp_path, kwargs, message):
    with pytest.raises(ReportLibError, match=message):
        tabulate(None, tmp_path / "out", **kwargs)
    assert not (tmp_path / "out").exists()


def test_vocabulary_reaches_the_workers(tmp_path):
    vocab = tmp_path / "v.csv"
    vocab.write_text("indicator,label_zh,label_en,aliases,heads\n"
                     "industrial_sales,工业销售产值,Industrial sales output,工业销售产值,\n", encoding="utf-8")
    indicators.add_vocabulary(vocab)
    try:
        tabulate(None, tmp_path / "out", jobs=2, chunk_size=1)
    finally:
        indicators.reset_vocabulary()
    actuals = pd.read_csv(tmp_path / "out" / "actuals.csv")
    sales = actuals[actuals["indicator"] == "industrial_sales"]
    # 规模以上工业销售产值642.04亿元 in Shangcheng's 2013 government report (file 004, chunk 5)
    assert ("shangcheng-2013-gov", 642.04) in set(zip(sales["report_id"], sales["value"]))


# --- in-memory parallel corpus ----------------------------------------------------------------
def test_load_corpus_with_jobs_gives_the_same_tables_and_parses_lazily(corpus):
    fast = reportlib.load_corpus(jobs=2)
    assert "_reports" not in fast.__dict__  # nothing parsed in this process yet
    _assert_same_tables(corpus, fast)
    assert len(fast) == 9 and fast.report_ids == corpus.report_ids
    r = fast.report("xiacheng-2018-gov")
    assert r.text == corpus.report("xiacheng-2018-gov").text
    assert "_reports" not in fast.__dict__  # only that report's file was parsed
    assert [x.report_id for x in fast] == corpus.report_ids


def test_select_on_a_table_backed_corpus(corpus):
    fast = reportlib.load_corpus(jobs=2)
    gov = fast.select(report_types="government_work_report", years=[2013, 2014])
    assert gov.report_ids == ["jianggan-2014-gov", "shangcheng-2013-gov"]
    assert set(gov.actuals["report_id"]) == {"jianggan-2014-gov", "shangcheng-2013-gov"}
    assert [r.report_id for r in gov] == gov.report_ids
    plain = corpus.select(report_types="government_work_report", years=[2013, 2014])
    pd.testing.assert_frame_equal(plain.actuals, gov.actuals)
    assert fast.select(years=2013).report_ids == corpus.select(years=2013).report_ids == [
        "shangcheng-2013-party", "shangcheng-2013-npc", "shangcheng-2013-gov", "shangcheng-2013-cppcc"]


# --- Parquet and the cache --------------------------------------------------------------------
def test_parquet_files_do_not_depend_on_jobs_and_read_back_equal(tmp_path, corpus):
    tabulate(None, tmp_path / "a", fmt="parquet", jobs=1, chunk_size=2)
    tabulate(None, tmp_path / "b", fmt="parquet", jobs=2, chunk_size=2)
    assert _same_files(tmp_path / "a", tmp_path / "b", "parquet") == []
    for name in Corpus.TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "a" / f"{name}.parquet"), getattr(corpus, name),
                                      obj=name)
    corpus.to_parquet(tmp_path / "c")
    targets = pd.read_parquet(tmp_path / "c" / "targets.parquet")
    assert targets["indicator"].dtype == "category"
    assert targets.loc[targets["text_span"] == "生产总值增长7.5%", "value"].tolist() == [7.5]


def test_cache_is_read_back_without_parsing(tmp_path, corpus, monkeypatch):
    first = reportlib.load_corpus(cache=tmp_path)
    (folder,) = (tmp_path / "corpus").iterdir()
    assert (folder / "manifest.json").is_file() and (folder / "targets.parquet").is_file()
    _assert_same_tables(corpus, first)

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed although cached")

    monkeypatch.setattr("reportlib.corpus.parse_file", no_parsing)
    monkeypatch.setattr("reportlib.scale.parallel.tabulate_chunk", no_parsing)
    with pytest.warns(reportlib.ReportLibWarning, match="no header"):  # the same warnings as a parse
        second = reportlib.load_corpus(cache=tmp_path)
    _assert_same_tables(corpus, second)
    assert second.report_ids == corpus.report_ids


def test_cache_key_follows_file_contents_and_vocabulary(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(seed("000"), src)
    shutil.copy(seed("003"), src)
    reportlib.load_corpus(src, cache=tmp_path / "c")
    reportlib.load_corpus(src, cache=tmp_path / "c")
    assert len(list((tmp_path / "c" / "corpus").iterdir())) == 1
    vocab = tmp_path / "v.csv"
    vocab.write_text("indicator,label_zh,label_en,aliases,heads\ntourism,旅游,Tourism,旅游收入,\n", encoding="utf-8")
    indicators.add_vocabulary(vocab)
    try:
        reportlib.load_corpus(src, cache=tmp_path / "c")
    finally:
        indicators.reset_vocabulary()
    assert len(list((tmp_path / "c" / "corpus").iterdir())) == 2
    cached = reportlib.load_corpus(src, cache=tmp_path / "c")
    # a file edited after loading: its report cannot be parsed silently from the new text
    path = src / seed("000").name
    path.write_bytes(path.read_bytes().replace("7.5%".encode(), "8.5%".encode()))
    with pytest.raises(ReportLibError, match="has changed since its tables were built"):
        cached.report("jianggan-2014-gov")
    changed = reportlib.load_corpus(src, cache=tmp_path / "c")
    assert len(list((tmp_path / "c" / "corpus").iterdir())) == 3
    gdp = changed.targets[(changed.targets["report_id"] == "jianggan-2014-gov") & (changed.targets["indicator"] == "gdp")]
    assert gdp["value"].tolist() == [8.5]


def test_cache_remembers_skipped_files(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(seed("000"), src)
    (src / "scan.txt").write_bytes(b"%PDF-1.7 binary")
    with pytest.warns(reportlib.ReportLibWarning, match="skipped .*scan.txt"):
        first = reportlib.load_corpus(src, cache=tmp_path / "c", errors="warn")
    with pytest.warns(reportlib.ReportLibWarning, match="skipped .*scan.txt"):
        again = reportlib.load_corpus(src, cache=tmp_path / "c", errors="warn")
    assert [type(e).__name__ for e in again.skipped] == ["BinaryFileError"] == [type(e).__name__ for e in first.skipped]
    with pytest.raises(reportlib.BinaryFileError, match="scan.txt: a PDF that cannot be read"):
        reportlib.load_corpus(src, cache=tmp_path / "c")


# --- command line -----------------------------------------------------------------------------
def test_cli_tabulate_parquet_with_jobs(tmp_path, capsys, corpus):
    assert cli.main(["tabulate", str(DATA), "--out", str(tmp_path), "--format", "parquet", "--jobs", "2", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "9 reports from 5 files" in out and "targets.parquet" in out
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "targets.parquet"), corpus.targets)


# --- Dask ---------------------------------------------------------------------------------------
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def dask_cluster():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    yield cluster
    cluster.close()


def test_dask_local_cluster_gives_the_same_files(tmp_path, synthetic_dir, reference):
    _, ref_dir = reference
    assert cli.main(["tabulate", str(synthetic_dir), "--out", str(tmp_path), "--executor", "dask", "--jobs", "2",
                     "--quiet"]) == 0
    assert _same_files(ref_dir, tmp_path) == []


def test_dask_scheduler_address(tmp_path, synthetic_dir, reference, dask_cluster):
    _, ref_dir = reference
    done = tabulate(synthetic_dir, tmp_path, executor="dask", scheduler=dask_cluster.scheduler_address, chunk_size=3)
    assert _same_files(ref_dir, tmp_path) == []
    assert len(done.reports) == 24
    fast = reportlib.load_corpus(synthetic_dir, executor="dask", scheduler=dask_cluster.scheduler_address)
    assert fast.report_ids == list(done.reports["report_id"])


def test_dask_worker_with_other_code_is_refused(tmp_path, dask_cluster, monkeypatch):
    monkeypatch.setattr("reportlib.scale.parallel.code_fingerprint", lambda: "0000000000000000")
    with pytest.raises(ReportLibError, match="a Dask worker runs other reportlib code"):
        tabulate(None, tmp_path, executor="dask", scheduler=dask_cluster.scheduler_address)
    assert not any(tmp_path.glob("*.csv"))


def test_parquet_sink_types_a_column_filled_only_late(tmp_path):
    from reportlib.io.sinks import ParquetSink

    sink = ParquetSink(tmp_path, ["t"])
    chunks = [pd.DataFrame({"report_id": [f"r{i}"], "province": [None], "value_high": [None]}) for i in range(10)]
    chunks[1]["province"] = ["浙江省"]          # filled while the schema is still being settled
    chunks[9]["value_high"] = [6.5]            # filled after the file was started: rewritten wider
    for df in chunks:
        sink.write({"t": df})
    (path,) = sink.close()
    back = pd.read_parquet(path)
    assert back["report_id"].tolist() == [f"r{i}" for i in range(10)]
    assert pd.isna(back["province"][0]) and back["province"][1] == "浙江省"
    assert back["value_high"].dtype == "float64"
    assert back["value_high"].iloc[9] == 6.5 and back["value_high"].iloc[:9].isna().all()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.parquet"]


def test_unreachable_dask_scheduler_is_named(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("reportlib.scale.parallel.DASK_CONNECT_TIMEOUT", "2s")
    assert cli.main(["tabulate", "--out", str(tmp_path), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_a_tabulation_cancelled_by_sigterm_stops_its_workers_and_leaves_no_partial_files(tmp_path):
    """`reportlib tabulate --jobs 2` hit by SIGTERM: both workers stopped, no .*.csv.tmp left."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import psutil

    src = tmp_path / "src"
    src.mkdir()
    seed = (bundled_data_dir() / "000_0fdef7f98de9efbf.txt").read_text(encoding="utf-8")
    for k in range(400):  # enough work for the signal to land while the workers run
        (src / f"{k:03d}.txt").write_text(seed, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "reportlib", "tabulate", str(src), "--out", str(out), "--jobs", "2",
                             "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline, workers = time.time() + 60, []
    while time.time() < deadline and len(workers) < 2:
        workers = psutil.Process(proc.pid).children()
        time.sleep(0.2)
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(1)
    os.kill(proc.pid, signal.SIGTERM)
    code = proc.wait(timeout=60)
    err = proc.stderr.read().decode()
    assert code == 128 + signal.SIGTERM, err
    assert "workers stopped" in err
    _, alive = psutil.wait_procs([w for w in workers if w.is_running()], timeout=10)
    assert alive == []
    assert sorted(p.name for p in out.iterdir()) == []  # no tables, no .tmp files, no lock


@pytest.mark.parametrize("damage", ["flip", "truncate", "delete_table", "delete_manifest"])
def test_a_damaged_cache_entry_is_rebuilt_with_a_warning(tmp_path, corpus, damage):
    """A flipped bit (大气 → 大洔), a truncated or deleted table, a deleted manifest: never served,
    never a raw ArrowInvalid or FileNotFoundError; the entry is rebuilt and the tables are right."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportlib.ReportLibWarning)
        reportlib.load_corpus(cache=tmp_path)
    (entry,) = (tmp_path / "corpus").iterdir()
    table = entry / "paragraphs.parquet"
    if damage == "flip":
        data = bytearray(table.read_bytes())
        data[len(data) // 2] ^= 0x01
        table.write_bytes(bytes(data))
    elif damage == "truncate":
        table.write_bytes(table.read_bytes()[:1000])
    elif damage == "delete_table":
        table.unlink()
    else:
        (entry / "manifest.json").unlink()
    with pytest.warns(reportlib.ReportLibWarning, match=r"the corpus cache .* is damaged: .*; it is rebuilt"):
        again = reportlib.load_corpus(cache=tmp_path)
    _assert_same_tables(corpus, again)
    with warnings.catch_warnings():
        warnings.simplefilter("error", reportlib.ReportLibWarning)  # rebuilt: served without a word
        warnings.filterwarnings("ignore", message=".*no header")
        _assert_same_tables(corpus, reportlib.load_corpus(cache=tmp_path))


def test_an_unwritable_cache_folder_is_named(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    with pytest.raises(ReportLibError, match=r"cannot write the cache folder .*cache/corpus: .*REPORTLIB_CACHE"):
        reportlib.load_corpus(cache=blocker)


def test_a_listener_that_is_no_dask_scheduler_is_named_not_waited_on(tmp_path, monkeypatch, capsys):
    """Something listens on the port but never answers as Dask does: a bounded wait, a message."""
    import socket
    import threading

    monkeypatch.setattr("reportlib.scale.parallel.DASK_CONNECT_TIMEOUT", "2s")
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held = []
    threading.Thread(target=lambda: held.append(server.accept()), daemon=True).start()
    address = f"tcp://127.0.0.1:{server.getsockname()[1]}"
    try:
        assert cli.main(["tabulate", "--out", str(tmp_path), "--executor", "dask", "--scheduler", address]) == 2
    finally:
        server.close()
    assert f"{address} accepts connections but does not answer as a Dask scheduler within 7 s" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_a_dask_scheduler_without_workers_is_named(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    monkeypatch.setattr("reportlib.scale.parallel.DASK_WORKER_TIMEOUT", 2.0)
    with LocalCluster(n_workers=0, dashboard_address=None) as empty:
        with pytest.raises(ReportLibError, match="has no workers: none arrived within 2 s"):
            tabulate(None, tmp_path, executor="dask", scheduler=empty.scheduler_address)
    assert not list(tmp_path.iterdir())  # no tables, no .tmp files, no lock
