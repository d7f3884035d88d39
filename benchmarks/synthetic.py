"""A synthetic corpus for benchmarks: the seeds' reports with their bodies recombined.

Each synthetic report keeps the header and part headings of one seed report (so its metadata
and structure stay parseable) and draws its body paragraphs from the same part of random seed
reports, with a fixed random seed: the same size always gives the same files.

    python benchmarks/synthetic.py 1000 outputs/benchmarks/corpus-1000
"""

from __future__ import annotations

import random
import sys
import warnings
from pathlib import Path

import reportlib


def build(n_reports: int, out_dir: str | Path, seed: int = 2026) -> Path:
    """Write ``n_reports`` synthetic report files into ``out_dir`` (reused if complete)."""
    out = Path(out_dir)
    if out.is_dir() and len(list(out.glob("*.txt"))) == n_reports:
        return out
    out.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportlib.ReportLibWarning)
        corpus = reportlib.load_corpus()
    by_part: dict[str, list[str]] = {}
    for r in corpus:
        for p, kind, part in zip(r.paragraphs, r.structure.kinds, r.structure.parts):
            if kind == "body":
                by_part.setdefault(part, []).append(p.text)
    rng = random.Random(seed)
    templates = list(corpus)
    for k in range(n_reports):
        r = templates[k % len(templates)]
        lines = []
        for p, kind, part in zip(r.paragraphs, r.structure.kinds, r.structure.parts):
            # headers and headings stay; each body paragraph is replaced by one of the same part
            lines.append(p.text if kind != "body" else rng.choice(by_part.get(part) or [p.text]))
        (out / f"{k:05d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    print(build(int(sys.argv[1]), sys.argv[2]))
