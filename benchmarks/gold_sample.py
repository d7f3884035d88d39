"""Draw the development gold sample: reports chosen at random, with a fixed seed, from the
development corpus (``../shared/corpora/cn-gov-reports``), before any rule is tuned on them.

The draw covers every level (national, province, city) and decade of the corpus, and at least
eight reports from Zhejiang (the province and its cities):

1. nine files at random from Zhejiang (浙江省, 杭州市, 宁波市, 温州市);
2. one file at random from every (level, decade) stratum not yet covered;
3. the rest at random from the whole corpus, up to 60 files.

Run ``python benchmarks/gold_sample.py [CORPUS]``: it prints the sample, one relative path per
line (the list hand-coded in ``tests/fixtures/gold_dev/``).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

SEED = 20261202
SIZE = 60
N_ZHEJIANG = 9
ZHEJIANG = ("provincial/浙江省/", "major-cities/杭州市/", "major-cities/宁波市/", "major-cities/温州市/")
LEVELS = {"national": "national", "provincial": "province", "major-cities": "city"}


def default_corpus() -> Path:
    return Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "cn-gov-reports"


def stratum(rel: str) -> tuple[str, str]:
    level = LEVELS[rel.split("/")[0]]
    year = int(re.match(r"\d{4}", rel.rsplit("/", 1)[1]).group())
    return level, f"{year // 10 * 10}s"


def draw(corpus: Path, seed: int = SEED, size: int = SIZE) -> list[str]:
    files = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*.md"))
    rng = random.Random(seed)
    chosen: list[str] = rng.sample([f for f in files if f.startswith(ZHEJIANG)], N_ZHEJIANG)
    strata = sorted({stratum(f) for f in files})
    for s in strata:
        if not any(stratum(f) == s for f in chosen):
            chosen.append(rng.choice([f for f in files if stratum(f) == s and f not in chosen]))
    rest = [f for f in files if f not in chosen]
    chosen += rng.sample(rest, size - len(chosen))
    return sorted(chosen)


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else default_corpus()
    for rel in draw(corpus):
        print(rel)
