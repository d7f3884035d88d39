"""Build the open panel shipped in ``reportlib/resources/panel/`` from the development corpus.

    python benchmarks/make_panel.py [CORPUS] [--check]

CORPUS defaults to ``../shared/corpora/cn-gov-reports`` next to the repository. The script loads
every file (two worker processes), keeps the targets and headline results of every report without
their text (ids, place, code, level, year, indicator, values, qualifier, source URL, source file
and offsets; see ``reportlib.datasets``), scores them against the hand-coded gold sample
(``tests/fixtures/gold_dev/``) and writes ``reports.csv``, ``targets.csv``, ``actuals.csv`` and
``panel.json``. The same corpus and code give byte-identical files; ``--check`` builds into a
temporary folder and exits 1, naming the files, if they differ from the shipped ones.
"""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
import warnings
from pathlib import Path

import reportlib
from reportlib import datasets

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "gold_dev"


def build(corpus_dir: Path) -> tuple[dict, dict]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportlib.ReportLibWarning)
        corpus = reportlib.load_corpus(corpus_dir, errors="warn", jobs=2)
    if corpus.skipped:
        raise SystemExit(f"{len(corpus.skipped)} files could not be read: {corpus.skipped[:3]} …")
    tables = datasets.build(corpus.reports, corpus.targets, corpus.actuals, corpus_dir)
    return tables, datasets.describe(tables, GOLD)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpora" / "cn-gov-reports")
    parser.add_argument("--check", action="store_true", help="compare with the shipped panel instead of writing it")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"no corpus folder at {args.corpus}")
    tables, meta = build(args.corpus)
    if not args.check:
        for path in datasets.write(tables, meta):
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        written = datasets.write(tables, meta, Path(tmp))
        differ = [p.name for p in written if not filecmp.cmp(p, datasets.PANEL_DIR / p.name, shallow=False)]
    print("the shipped panel is up to date" if not differ else f"differ from the shipped panel: {', '.join(differ)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
