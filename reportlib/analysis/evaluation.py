"""Measure extraction against hand-coded rows: precision, recall, and the rows that differ.

Researchers who hand-code a sample of reports can check reportlib on their own material:

>>> gold = pd.read_csv("my_targets.csv")                                  # doctest: +SKIP
>>> s = score(corpus.targets, gold, keys=["report_id", "indicator", "value", "unit"])  # doctest: +SKIP
>>> s.precision, s.recall, s.missed                                       # doctest: +SKIP

Rows are matched as multisets on ``keys`` (values rounded to ``decimals``; empty, NaN and None
are all "missing"), so a duplicated extraction counts against precision.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

#: The keys of a match in the development gold sample (``tests/fixtures/gold_dev/``): the report,
#: indicator, measure, direction, value (and upper value), unit and qualifier kind; results also
#: their period.
TARGET_KEYS = ["source_file", "indicator", "measure", "direction", "value", "value_high", "unit", "qualifier_kind"]
ACTUAL_KEYS = TARGET_KEYS + ["period"]


@dataclass(frozen=True)
class Score:
    n_extracted: int
    n_gold: int
    n_matched: int
    missed: pd.DataFrame  # gold rows not extracted
    spurious: pd.DataFrame  # extracted rows not in the gold standard

    @property
    def precision(self) -> float:
        return self.n_matched / self.n_extracted if self.n_extracted else 1.0

    @property
    def recall(self) -> float:
        return self.n_matched / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return (f"precision {self.precision:.3f} ({self.n_matched}/{self.n_extracted}), "
                f"recall {self.recall:.3f} ({self.n_matched}/{self.n_gold})")


def _key(value, decimals: int):
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, str):
        v = value.strip()
        if v.lower() in ("true", "false"):
            return v.lower() == "true"
        try:
            return round(float(v), decimals)
        except ValueError:
            return v or None
    if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
        return bool(value)
    if isinstance(value, (int, float)):
        return round(float(value), decimals)
    return str(value)


def _keys(df: pd.DataFrame, keys: Sequence[str], decimals: int) -> list[tuple]:
    return [tuple(_key(v, decimals) for v in row) for row in df[list(keys)].itertuples(index=False)]


def score(extracted: pd.DataFrame, gold: pd.DataFrame, keys: Sequence[str], *, decimals: int = 4) -> Score:
    """Compare extracted rows with hand-coded ones on ``keys``."""
    missing = [k for k in keys if k not in extracted or k not in gold]
    if missing:
        raise KeyError(f"columns missing from the extracted or the gold table: {missing}")
    ex, go = _keys(extracted, keys, decimals), _keys(gold, keys, decimals)
    matched = Counter(ex) & Counter(go)
    left_gold, left_ex = Counter(go) - matched, Counter(ex) - matched

    def rows(df: pd.DataFrame, tuples: list[tuple], left: Counter) -> pd.DataFrame:
        take = []
        for i, t in enumerate(tuples):
            if left[t]:
                left[t] -= 1
                take.append(i)
        return df.iloc[take].reset_index(drop=True)

    return Score(len(ex), len(go), sum(matched.values()), rows(gold, go, left_gold), rows(extracted, ex, left_ex))


def comparable(df: pd.DataFrame) -> pd.DataFrame:
    """Values as numbers and 万-multiplied units as the tables give them (a hand-coder's 50万个 is
    500000 个; 万人, 亿元 and the other units of ``resources/units.csv`` stay as written), so a
    hand-coded table written as the text reads can be scored against the tables."""
    from ..lang.numbers import units

    df = df.copy()
    for col in ("value", "value_high"):
        df[col] = pd.to_numeric(df[col].replace("", None), errors="coerce")
    unit = df["unit"].fillna("").astype(str).str.replace("％", "%")
    for prefix, factor in (("万", 1e4), ("亿", 1e8)):
        m = unit.str.startswith(prefix) & ~unit.isin(list(units())) & (unit.str.len() > 1)
        df.loc[m, ["value", "value_high"]] = df.loc[m, ["value", "value_high"]] * factor
        unit = unit.where(~m, unit.str[1:])
    df["unit"] = unit.replace("", None)
    return df
