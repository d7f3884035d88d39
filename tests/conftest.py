"""Shared fixtures and helpers: the bundled corpus (loaded once per test session), the case
tables of ``tests/fixtures``, and the helpers and checks several test modules use."""

from __future__ import annotations

import contextlib
import csv
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

import reportlib
from reportlib.paths import bundled_data_dir

DATA = bundled_data_dir()
FIXTURES = Path(__file__).parent / "fixtures"
#: The folder next to the repository: the sources of the bundled files (``seeds``) and the
#: development corpora (``corpora``), where they are around.
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    """Kernels inherit the environment: their token cache goes to a temporary folder, so that a
    test neither reads nor fills the user's cache (modules that run notebooks use it for every
    test with ``pytestmark = pytest.mark.usefixtures("private_cache")``)."""
    monkeypatch.setenv("REPORTLIB_CACHE", str(tmp_path / "cache"))


@pytest.fixture(scope="session")
def corpus() -> reportlib.Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportlib.ReportLibWarning)
        return reportlib.load_corpus()


def seed(prefix: str) -> Path:
    (path,) = sorted(DATA.glob(f"{prefix}_*.txt"))
    return path


def checksums() -> dict[str, str]:
    """``data/SHA256SUMS``: bundled file name -> its SHA-256."""
    lines = (DATA.parent / "SHA256SUMS").read_text().splitlines()
    return {name: digest for digest, name in (line.split() for line in lines)}


def load_text(tmp_path: Path, text: str, name: str = "report.txt") -> reportlib.Corpus:
    """The corpus of one file holding ``text``, its warnings silenced."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportlib.ReportLibWarning)
        return reportlib.load_corpus(path)


def gold(path: Path) -> pd.DataFrame:
    """A hand-coded table, every cell a string as written ("" where empty)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


_INTEGER = re.compile(r"-?\d+")


def _cell(text: str, keep: bool):
    if text == "":
        return None
    if keep:
        return text
    if _INTEGER.fullmatch(text):
        return int(text)
    return {"True": True, "False": False}.get(text, text)


def cases(name: str, *, id: tuple[str, ...], keep: tuple[str, ...] = ()) -> list:
    """The rows of the case table ``tests/fixtures/<name>`` (a CSV file), one ``pytest.param``
    holding a dict per row: an empty cell is None, an integer-looking cell an int, ``True`` and
    ``False`` are booleans, except in the columns ``keep`` (strings as written). The test id
    joins the row's non-empty ``id`` cells."""
    with (FIXTURES / name).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    params, seen = [], set()
    for n, row in enumerate(rows, start=2):
        assert None not in row and None not in row.values(), f"{name}, line {n}: wrong number of cells"
        case = {column: _cell(value, column in keep) for column, value in row.items()}
        label = "-".join(str(case[c])[:40] for c in id if case[c] is not None)
        assert label not in seen, f"{name}, line {n}: the id {label!r} is taken"
        seen.add(label)
        params.append(pytest.param(case, id=label))
    return params


def squeeze(text: str) -> str:
    return "".join(text.split())


def folds_back(report, start: int, end: int, raw_start: int, raw_end: int) -> None:
    """The raw span ``raw_start:raw_end`` is where the clean characters ``start:end`` of
    ``report`` come from, and cleaned line by line (full-width folded, HTML references decoded,
    Markdown marks and page numbers dropped) it gives the same text, whitespace aside."""
    from reportlib.parse.clean import clean_line

    assert (raw_start, raw_end) == report.raw_span(start, end)
    assert all(raw_start <= o < raw_end for o in report.offsets[start:end])
    raw = report.raw.readable  # the Simplified conversion of a Traditional file (same offsets)
    # the lines the raw span touches, cleaned whole, then cut to the span
    first = raw.rfind("\n", 0, raw_start) + 1
    cleaned = []
    pos = first
    while pos < raw_end:
        stop = raw.find("\n", pos)
        stop = len(raw) if stop < 0 else stop
        line, _ = clean_line(raw, pos, stop)
        if line is not None:
            cleaned += [c for c, o in zip(line.text, line.offsets) if raw_start <= o < raw_end]
        pos = stop + 1
    assert squeeze("".join(cleaned)) == squeeze(report.text[start:end])


def check_table_contract(corpus: reportlib.Corpus, name: str) -> None:
    """What every registered table promises (README 'Extending reportlib'): ``report_id`` first,
    the documented columns present and in order, rows in corpus order, and each row's span
    holding its source text, both in the clean report text and in the raw file."""
    from reportlib.tables import registry

    spec = registry.table(name)
    df = corpus.table(name)
    assert len(df), f"{name}: no rows on this corpus, so nothing is checked"
    assert df.columns[0] == "report_id"
    documented = spec.documented_columns
    assert list(df.columns[: len(documented)]) == documented, f"{name}: documented columns first, in order"
    order = {rid: k for k, rid in enumerate(corpus.reports["report_id"])}
    positions = df["report_id"].map(order)
    assert positions.notna().all(), f"{name}: rows of reports the corpus does not have"
    assert positions.is_monotonic_increasing, f"{name}: rows not in corpus order"
    if "start" not in df.columns:
        assert name == "reports"
        return
    reports = {r.report_id: r for r in corpus}
    for row in df.itertuples(index=False):
        report = reports[row.report_id]
        clean = report.text[row.start : row.end]
        if spec.text is not None:
            value = getattr(row, spec.text)
            if isinstance(value, str):
                assert clean == value, f"{name} {row.report_id}: text[start:end] != {spec.text}"
        for column in spec.within:
            value = getattr(row, column)
            if isinstance(value, str):
                assert squeeze(value) in squeeze(clean), f"{name} {row.report_id}: {column} {value!r} outside its span"
        folds_back(report, row.start, row.end, row.raw_start, row.raw_end)


@contextlib.contextmanager
def jupyter(module: str, root_dir: Path, *options: str, wait: float = 90):
    """A Jupyter server (``jupyter_server``) or JupyterLab (``jupyterlab``) on a free localhost port
    serving ``root_dir`` with a fresh token, in the project's kernel: ``(base_url, token)``,
    stopped at the end."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request
    import uuid

    from reportlib.run.batch import ensure_kernel

    ensure_kernel()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = uuid.uuid4().hex
    proc = subprocess.Popen(
        [sys.executable, "-m", module, "--no-browser", "--allow-root", f"--port={port}", "--ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root_dir}", *options],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + wait
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail(f"{module} did not start")
            time.sleep(0.5)
    try:
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
