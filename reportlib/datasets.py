"""The open panel: targets and headline results of 1,659 real government work reports, shipped.

The development corpus (national reports 1954–2026, 27 provinces, 44 major cities; the files as
researchers find them on government websites) tabulated by reportlib, with no report text: one row
per target or headline result, with its report's id, place, GB/T 2260 code, level, year,
indicator, values, qualifier, the page it came from (``source_url``), the file it was read from
(``source_file``, relative to the corpus folder, with the file's SHA-256 in :func:`reports`) and
the character offsets of the source sentence in that file (``raw_start``, ``raw_end``: the text
is ``reportlib.read_raw(Path(corpus, source_file)).text[raw_start:raw_end]``, which for these UTF-8
Markdown files is the file's text as read).

>>> from reportlib import datasets
>>> targets = datasets.targets()                      # doctest: +SKIP
>>> targets[(targets.place == "浙江省") & (targets.target_year == 2021) & (targets.indicator == "gdp")]  # doctest: +SKIP

How accurate it is: :func:`info` gives the scores against the hand-coded gold sample of 60 of
these reports (``tests/fixtures/gold_dev/``), computed when the panel was built. The panel is
rebuilt by ``python benchmarks/make_panel.py`` from the corpus folder; the same corpus and code
give byte-identical files.

The tables have the columns of reportlib's ``targets`` and ``actuals`` tables (see
``Corpus.targets``), without ``text_span``, ``sentence_no``, ``start``/``end`` and ``page``, with
``place_code``, ``level``, ``source_file`` and ``source_url`` added (the files keep these in
``reports.csv`` only; the functions join them), so the functions of
:mod:`reportlib.analysis.compare` take them as they take a corpus's tables, alone or
concatenated with them (:func:`with_corpus`).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ReportLibError
from .paths import resource

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The panel's version: bumped when its columns or its definition of a row change.
PANEL_VERSION = "1.0"
PANEL_DIR = resource("panel")

REPORT_COLUMNS = ["report_id", "source_file", "source_sha256", "source_url", "place", "place_code", "parent_code",
                  "level", "city", "province", "report_type", "date", "review_year", "plan_year", "year"]
#: What the files hold: a target or result row keeps its report id and no report facts, which
#: :func:`targets` and :func:`actuals` join from ``reports.csv`` (:data:`JOINED`).
TARGET_COLUMNS = ["report_id", "target_year", "indicator", "indicator_raw", "value", "value_high", "unit", "direction",
                  "measure", "qualifier", "qualifier_kind", "is_sub", "raw_start", "raw_end"]
ACTUAL_COLUMNS = ["report_id", "year", "indicator", "indicator_raw", "measure", "direction", "value", "value_high",
                  "unit", "qualifier", "qualifier_kind", "estimated", "period", "is_sub", "raw_start", "raw_end"]
JOINED = ["place", "place_code", "level", "report_type", "source_file", "source_url"]
_STRINGS = ("place_code", "parent_code", "report_id", "source_file", "source_sha256", "source_url", "date", "unit",
            "qualifier", "indicator_raw")
_BOOLEANS = ("is_sub", "estimated")


# --- reading the shipped panel


def _read(name: str) -> pd.DataFrame:
    """A panel file as a table (a copy: the file is parsed once per process)."""
    return _parsed(name, PANEL_DIR).copy()


@functools.cache
def _parsed(name: str, folder: Path) -> pd.DataFrame:
    import pandas as pd

    path = folder / f"{name}.csv"
    if not path.is_file():
        raise ReportLibError(f"the open panel's {name}.csv is missing from {folder}: reinstall reportlib, or "
                             "rebuild it with `python benchmarks/make_panel.py`")
    frame = pd.read_csv(path, dtype={c: str for c in _STRINGS}, keep_default_na=False, na_values=[""])
    for column in _BOOLEANS:
        if column in frame.columns:
            frame[column] = frame[column].astype("boolean").astype(bool)
    for column in ("target_year", "year", "plan_year", "review_year", "raw_start", "raw_end"):
        if column in frame.columns:
            frame[column] = frame[column].astype("Int64")
    return frame


def reports() -> pd.DataFrame:
    """One row per report of the panel: id, source file (relative to the corpus folder) and its
    SHA-256, source URL, place, code, parent code, level, city, province, type, date, years."""
    return _read("reports")


def _joined(name: str) -> pd.DataFrame:
    rows = _read(name)
    facts = reports().set_index("report_id")[JOINED]
    rows = rows.join(facts, on="report_id")
    first = ["report_id", "place", "place_code", "level", "report_type"]
    return rows[first + [c for c in rows.columns if c not in first]]


def targets() -> pd.DataFrame:
    """Every target of the panel's reports: the columns of a corpus's ``targets`` table without
    the text (``text_span``, ``sentence_no``, ``start``, ``end``, ``page``), with the report's
    ``place_code``, ``level``, ``source_file`` and ``source_url``."""
    return _joined("targets")


def actuals() -> pd.DataFrame:
    """Every headline result (a canonical indicator, not ``other``) of the panel's reports, with
    the columns of :func:`targets`' kind."""
    return _joined("actuals")


def info() -> dict:
    """The panel's version, the corpus it was built from (files, reports, fingerprint), its row
    counts, and its measured accuracy on the hand-coded gold sample."""
    path = PANEL_DIR / "panel.json"
    if not path.is_file():
        raise ReportLibError(f"the open panel's panel.json is missing from {PANEL_DIR}")
    return json.loads(path.read_text(encoding="utf-8"))


def with_corpus(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """A corpus's ``targets`` or ``actuals`` (``name``) followed by the panel's rows of the same
    table from reports the corpus does not hold (by report id), columns of both kept."""
    import pandas as pd

    panel = {"targets": targets, "actuals": actuals, "reports": reports}[name]()
    panel = panel[~panel["report_id"].isin(set(table["report_id"]))]
    if table.empty:
        return panel.reset_index(drop=True)
    return pd.concat([table, panel], ignore_index=True)


def combined(corpus, panel: bool = True) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``(reports, targets, actuals)`` of a :class:`~reportlib.Corpus`, followed, with ``panel``,
    by the panel's rows of the reports the corpus does not hold: the bundled district reports
    then find their city, province and national targets in the panel (notebooks 05 and 06)."""
    tables = (corpus.reports, corpus.targets, corpus.actuals)
    if not panel:
        return tables
    return tuple(with_corpus(t, name) for t, name in zip(tables, ("reports", "targets", "actuals")))


# --- building it from a tabulated corpus


def fingerprint(corpus_dir: Path, files: Iterable[str]) -> dict[str, str]:
    """The SHA-256 of each file (paths relative to ``corpus_dir``)."""
    from .read.files import file_sha256

    return {f: file_sha256(Path(corpus_dir) / f) for f in sorted(set(files))}


def build(reports_table: pd.DataFrame, targets_table: pd.DataFrame, actuals_table: pd.DataFrame,
          corpus_dir: Path) -> dict[str, pd.DataFrame]:
    """The panel's three tables from a corpus's ``reports``, ``targets`` and ``actuals`` (as a
    corpus or ``reportlib tabulate`` gives them; ``source_file`` as given, made relative to
    ``corpus_dir``), sorted by report id and offset so that the same input gives the same rows."""
    corpus_dir = Path(corpus_dir).resolve()

    def relative(path) -> str:
        p = Path(str(path))
        try:
            return p.resolve().relative_to(corpus_dir).as_posix()
        except ValueError:
            return p.as_posix()

    reps = reports_table.copy()
    reps["source_file"] = [relative(p) for p in reps["source_file"]]
    sums = fingerprint(corpus_dir, reps["source_file"])
    reps["source_sha256"] = reps["source_file"].map(sums)
    reps = reps.sort_values("report_id", kind="stable")[REPORT_COLUMNS].reset_index(drop=True)
    by_id = reps.set_index("report_id")

    def attach(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
        out = table.sort_values(["report_id", "raw_start", "raw_end"], kind="stable")[columns]
        return out.join(by_id[["source_file"]], on="report_id").reset_index(drop=True)

    headline = actuals_table[actuals_table["indicator"].astype(str) != "other"]
    return {"reports": reps, "targets": attach(targets_table, TARGET_COLUMNS),
            "actuals": attach(headline, ACTUAL_COLUMNS)}


def _score(extracted: pd.DataFrame, gold: pd.DataFrame, keys: list[str]) -> dict:
    from .analysis.evaluation import comparable, score

    s = score(comparable(extracted), comparable(gold), keys)
    return {"gold_rows": s.n_gold, "extracted_rows": s.n_extracted, "matched": s.n_matched,
            "precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3)}


def describe(tables: dict[str, pd.DataFrame], gold_dir: Path | None = None) -> dict:
    """``panel.json``: the version, the corpus (files, reports, one SHA-256 over the files'
    paths and SHA-256s), row counts and, with ``gold_dir`` (the hand-coded ``targets.csv``,
    ``actuals.csv`` and ``reports.csv`` of a sample, by ``source_file``), the scores of the panel's
    rows of those reports (keys: :data:`reportlib.analysis.evaluation.TARGET_KEYS`, ``ACTUAL_KEYS``)."""
    import pandas as pd

    from .analysis.evaluation import ACTUAL_KEYS, TARGET_KEYS
    from .version import __version__

    reps = tables["reports"]
    files = reps.drop_duplicates("source_file")
    digest = hashlib.sha256("".join(f"{f}\t{h}\n" for f, h in zip(files["source_file"], files["source_sha256"]))
                            .encode()).hexdigest()
    meta = {
        "name": "reportlib open panel: the targets and headline results of Chinese government work reports",
        "version": PANEL_VERSION, "built_with": f"reportlib {__version__}",
        "corpus": {"files": int(len(files)), "reports": int(len(reps)), "sha256": digest},
        "rows": {name: int(len(frame)) for name, frame in tables.items()},
        "levels": {str(k): int(v) for k, v in reps["level"].value_counts().sort_index().items() if v},
        "years": [int(reps["year"].min()), int(reps["year"].max())],
    }
    if gold_dir is not None:
        gold_dir = Path(gold_dir)
        read = lambda name: pd.read_csv(gold_dir / name, dtype=str, keep_default_na=False)  # noqa: E731
        sample = set(read("reports.csv")["source_file"])
        accuracy = {"sample": f"{len(sample)} reports drawn at random with a fixed seed, hand-coded before any rule "
                              "was tuned on them; a match needs indicator, measure, direction, value, unit and "
                              "qualifier kind right (results also their period)"}
        for name, keys in (("targets", TARGET_KEYS), ("actuals", ACTUAL_KEYS)):
            rows = tables[name][tables[name]["source_file"].isin(sample)]
            accuracy[name] = _score(rows, read(f"{name}.csv"), keys)
        meta["accuracy"] = accuracy
    return meta


def write(tables: dict[str, pd.DataFrame], meta: dict, out_dir: Path = PANEL_DIR) -> list[Path]:
    """Write the tables as UTF-8 CSV (``\\n`` line ends) and ``panel.json``; return the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in tables.items():
        path = out_dir / f"{name}.csv"
        if name != "reports":  # source_file is kept in memory for scoring; the file joins it
            frame = frame.drop(columns="source_file")
        frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
        paths.append(path)
    path = out_dir / "panel.json"
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return paths + [path]
