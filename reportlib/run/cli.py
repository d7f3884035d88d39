"""The ``reportlib`` command: thin wrappers around the library.

    reportlib tabulate [PATH ...] --out DIR [--format csv|parquet] [--jobs N] [--executor process|dask]
                                              write every table, one summary line per report
    reportlib export TABLES_DIR --to stata|xlsx|parquet [--out DIR]
                                              the tables for Stata, Excel or R
    reportlib inspect FILE                    what is inferred from one file, and why
    reportlib quality [PATH ...] [--failures FILE]
                                              how completely the corpus is read, per level and decade
    reportlib run [NOTEBOOK ...] [-p name=value ...] [--grid name=v1,v2 ...] [--jobs N] [--out DIR]
                                              execute the notebooks headlessly (the main job)

Errors reportlib raises on purpose are printed as one message (exit code 2), never as a
traceback.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from ..version import __version__
from ..errors import ReportLibError, ReportLibWarning


def _summary_line(row) -> str:
    import pandas as pd

    def v(x) -> str:
        return "-" if x is None or pd.isna(x) else str(x)

    speaker = f"{row.speaker}({v(row.speaker_title)})" if v(row.speaker) != "-" else "-"
    years = f"reviews {v(row.review_year)}, plans {v(row.plan_year)}"
    extra = []
    if row.encoding not in ("utf-8", "utf-8-sig"):
        extra.append(f"decoded as {row.encoding}")
    if row.is_abstract is True:
        extra.append("abstract")
    if row.n_warnings:
        extra.append(f"{row.n_warnings} warning(s)")
    return (f"{row.report_id:26} {v(row.place):6} {v(row.report_type):32} {v(row.date):10} {speaker:16} {years:26} "
            f"{row.n_chars:>7,} chars  [{row.source_file} #{row.report_no}]" + (f"  ({', '.join(extra)})" if extra else ""))


def cmd_tabulate(args: argparse.Namespace) -> int:
    from ..load import tabulate

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReportLibWarning)
        done = tabulate(args.paths or None, args.out, fmt=args.format, jobs=args.jobs, executor=args.executor,
                        scheduler=args.scheduler, errors="warn" if args.skip_bad else "raise",
                        excel=args.excel, force=args.force)
    if not args.quiet:
        for row in done.reports.itertuples(index=False):
            print(_summary_line(row))
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    print(f"{len(done.reports)} reports from {done.reports['source_file'].nunique()} files; "
          f"wrote {', '.join(p.name for p in done.paths)} to {args.out}")
    if done.skipped:
        print(f"skipped {len(done.skipped)} bad file(s):", file=sys.stderr)
        for e in done.skipped:
            print(f"  {e}", file=sys.stderr)
        return 1
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..io.convert import export_tables

    paths = export_tables(args.tables, args.to, args.out)
    print(f"wrote {', '.join(p.name for p in paths)} to {paths[0].parent if paths else args.out}")
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    from .explain import explain_file

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReportLibWarning)  # explain_file prints them itself
        print(explain_file(args.file))
    return 0


def cmd_quality(args: argparse.Namespace) -> int:
    from ..load import load_corpus
    from ..analysis.quality import quality_report

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReportLibWarning)
        corpus = load_corpus(args.paths or None, errors="warn", jobs=args.jobs)
    report = quality_report(corpus)
    print(report.to_markdown())
    if args.failures:
        report.failures.to_csv(args.failures, index=False)
        print(f"{len(report.failures)} failed checks listed in {args.failures}")
    else:
        for check, g in report.failures.groupby("check", sort=False):
            shown = ", ".join(g.report_id.head(10))
            print(f"{check}: {len(g)} report(s) fail: {shown}{' …' if len(g) > 10 else ''}")
    skipped = getattr(corpus, "skipped", [])
    if skipped:
        print(f"skipped {len(skipped)} unreadable file(s):", file=sys.stderr)
        for e in skipped:
            print(f"  {e}", file=sys.stderr)
    if caught and not args.quiet:
        print(f"{len(caught)} warning(s) while loading (reportlib tabulate lists them)", file=sys.stderr)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from .batch import run_notebooks
    from .parameters import parse_grid, parse_parameter

    parameters = dict(parse_parameter(p) for p in args.parameter)
    grid = dict(parse_grid(g) for g in args.grid)
    from .batch import RunCancelled

    try:
        run_dir, results = run_notebooks(args.notebooks or None, args.out, parameters, grid, jobs=args.jobs,
                                         timeout=args.timeout, cell_timeout=args.cell_timeout,
                                         progress=not args.quiet, force=args.force)
    except RunCancelled as stop:
        done = sum(r.status == "ok" for r in stop.results)
        print(f"cancelled (signal {stop.signum}): every notebook process stopped; {done} of {len(stop.results)} "
              "finished, the rest are marked cancelled in the run folder's manifest.json", file=sys.stderr)
        return 128 + int(stop.signum)
    print(f"run folder: {run_dir}  (manifest.json lists every output)")
    for r in results:
        status = "ok    " if r.ok else "FAILED"
        combo = ", ".join(f"{k}={v}" for k, v in r.parameters.items() if k in grid)
        print(f"  {status} {r.notebook.name}{f' [{combo}]' if combo else ''}  ({r.seconds:.1f} s)  -> {r.output}")
        if r.error:
            print(f"         {r.error}")
    lacking = sorted({(name, r.notebook.name) for r in results for name in r.not_taken})
    for name in dict.fromkeys(n for n, _ in lacking):
        names = ", ".join(nb for n, nb in lacking if n == name)
        print(f"note: {name} is not a parameter of {names}, which ran without it")
    failed = [r for r in results if not r.ok]
    if failed:
        print(f"{len(failed)} of {len(results)} notebook(s) failed", file=sys.stderr)
        return 1
    return 0


def cmd_notebooks(args: argparse.Namespace) -> int:
    import shutil

    from ..paths import notebooks_dir

    source = notebooks_dir()
    found = sorted(p for p in source.glob("*.ipynb") if not p.name.startswith("."))
    if not found:
        raise ReportLibError(f"no notebooks at {source}: reinstall reportlib")
    out = Path(args.dir)
    if out.exists() and not out.is_dir():
        raise ReportLibError(f"{out} is a file, not a folder")
    taken = [out / p.name for p in found if (out / p.name).exists()]
    if taken and not args.force:
        raise ReportLibError(f"{', '.join(str(t) for t in taken)} exist; use --force to replace them")
    out.mkdir(parents=True, exist_ok=True)
    for p in found:
        shutil.copyfile(p, out / p.name)
    print(f"copied {len(found)} notebooks to {out}: open them with `jupyter lab {out}` (kernel \"Python (reportlib)\"),"
          f" or run them with `reportlib run {out}/*.ipynb`; outputs go to ./outputs/ of the folder you run from")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportlib", description="Tabulate Chinese local government reports.")
    parser.add_argument("--version", action="version", version=f"reportlib {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("tabulate", help="write the corpus tables as CSV or Parquet files")
    p.add_argument("paths", nargs="*", type=Path, help="report files or folders (default: the bundled corpus)")
    p.add_argument("--out", required=True, type=Path, help="folder for reports.csv, sections.csv, …")
    p.add_argument("--format", choices=["csv", "parquet"], default="csv", help="table file format (default csv)")
    p.add_argument("--jobs", type=int, default=1,
                   help="worker processes (or workers of a local Dask cluster); 0: one per core; default 1")
    p.add_argument("--executor", choices=["process", "dask"], default="process",
                   help="process: worker processes on this machine; dask: a Dask cluster (pip install 'reportlib[dask]')")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    p.add_argument("--skip-bad", action="store_true", help="skip unreadable files instead of stopping (exit code 1)")
    p.add_argument("--excel", action="store_true", help="write CSV as UTF-8 with a BOM, which Excel needs for Chinese")
    p.add_argument("--quiet", action="store_true", help="no summary line per report")
    p.add_argument("--force", action="store_true", help="write into a folder that holds other files")
    p.set_defaults(func=cmd_tabulate)

    p = sub.add_parser("export", help="write tabulated tables for Stata (.dta 118), Excel (.xlsx) or Parquet (R)")
    p.add_argument("tables", help="a folder written by reportlib tabulate")
    p.add_argument("--to", required=True, choices=["stata", "xlsx", "parquet"], help="the target format")
    p.add_argument("--out", help="folder for the files (default: TABLES/<format>)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("inspect", help="show what is inferred from one file, and why")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_inspect)

    p = sub.add_parser("quality", help="how completely the corpus is read: shares per level and decade, failures")
    p.add_argument("paths", nargs="*", type=Path, help="report files or folders (default: the bundled corpus)")
    p.add_argument("--failures", type=Path, metavar="FILE", help="write every failed check (CSV) instead of a summary")
    p.add_argument("--jobs", type=int, default=1, help="worker processes for tabulating (0: one per core); default 1")
    p.add_argument("--quiet", action="store_true", help="no warning count")
    p.set_defaults(func=cmd_quality)

    p = sub.add_parser("run", help="execute the notebooks headlessly into outputs/<run>/")
    p.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: all of notebooks/)")
    p.add_argument("-p", "--parameter", action="append", default=[], metavar="NAME=VALUE",
                   help="a parameter for every notebook (a Python literal or a string); repeatable")
    p.add_argument("--grid", action="append", default=[], metavar="NAME=V1,V2",
                   help="run every notebook once per value (several --grid: every combination)")
    p.add_argument("--jobs", type=int, default=1, help="notebooks run at the same time, each in its own process")
    p.add_argument("--out", type=Path, help="run folder (default: outputs/<date-time>/)")
    p.add_argument("--timeout", type=int, default=1800, help="seconds before a notebook is stopped (default 1800)")
    p.add_argument("--cell-timeout", type=int, default=600, help="seconds before a cell is stopped (default 600)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--force", action="store_true",
                   help="write into a folder that holds the notebooks being run or files reportlib did not write")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("notebooks", help="copy the analysis notebooks into a folder of yours, to open and edit")
    p.add_argument("dir", type=Path, help="the folder (created if missing)")
    p.add_argument("--force", action="store_true", help="replace notebooks of the same names already there")
    p.set_defaults(func=cmd_notebooks)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ReportLibError as e:
        print(f"reportlib: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as e:  # Ctrl-C, or SIGTERM during a tabulation: workers stopped, nothing half-written
        signum = getattr(e, "signum", 2)
        print(f"reportlib: interrupted (signal {signum}): workers stopped, no partial table files left",
              file=sys.stderr)
        return 128 + signum


if __name__ == "__main__":
    sys.exit(main())
