"""The domains of livelihood projects (housing, education, elderly care …): the taxonomy of
``resources/domains.csv`` with its zh/en labels and keywords, and the keyword classifier."""

from __future__ import annotations

import csv
import functools

from ..paths import resource


@functools.cache
def domains() -> dict[str, dict[str, object]]:
    """``domain -> {label_zh, label_en, keywords}`` from ``resources/domains.csv``."""
    with resource("domains.csv").open(encoding="utf-8", newline="") as f:
        return {
            row["domain"]: {"label_zh": row["label_zh"], "label_en": row["label_en"],
                            "keywords": tuple(k for k in row["keywords"].split("|") if k)}
            for row in csv.DictReader(f)
        }


def classify(text: str, title: str | None = None) -> tuple[str, list[str]]:
    """``(primary domain, every domain touched)`` of an item: keyword hits in the text, hits in
    the item's title counted twice; ``other`` when nothing matches.

    >>> classify("新增公共停车泊位1500个以上")
    ('transport_parking', ['transport_parking'])
    """
    scores = {}
    for domain, entry in domains().items():
        hits = sum(text.count(k) for k in entry["keywords"]) + sum(2 * (title or "").count(k) for k in entry["keywords"])
        if hits:
            scores[domain] = hits
    if not scores:
        return "other", ["other"]
    order = list(domains())
    ranked = sorted(scores, key=lambda d: (-scores[d], order.index(d)))
    return ranked[0], sorted(scores, key=order.index)


def domain_label(domain: str, lang: str = "zh") -> str:
    entry = domains().get(domain)
    return domain if entry is None else str(entry["label_zh"] if lang == "zh" else entry["label_en"])
