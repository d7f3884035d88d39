"""Report ids: ``<place>-<year>-<type>``, made unique in corpus order."""

from __future__ import annotations

from collections import Counter
from typing import Protocol

from ..lang import labels
from . import metadata



class _Identified(Protocol):  # a Report, as far as its id is concerned
    report_id: str
    warnings: list[str]


def make_report_id(md: metadata.Metadata) -> str:
    """``<place>-<year>-<type>``: xiacheng-2018-gov. The year is the plan year, else the
    year of the date, else the year after the review year; ``unknown``/``undated``/``report``
    stand in for what the text does not state."""
    year = md.year
    suffix = metadata.report_type_suffixes().get(md.report_type or "", "report")
    return f"{labels.place_slug(md.place)}-{year or 'undated'}-{suffix}"


class UniqueIds:
    """Report ids made unique in corpus order: the first report keeps its id, later ones with
    the same id get ``-2``, ``-3``, … (used by :func:`load_corpus` and by the chunked
    tabulation of :mod:`reportlib.scale.parallel`, which sees the reports a chunk at a time)."""

    def __init__(self) -> None:
        self._seen: Counter = Counter()

    def take(self, report_id: str) -> str:
        self._seen[report_id] += 1
        n = self._seen[report_id]
        return report_id if n == 1 else f"{report_id}-{n}"


def id_taken_warning(provisional: str, final: str) -> str:
    return f"report id {provisional} is taken by an earlier report; this one is {final}"


def make_ids_unique(reports: list[_Identified]) -> None:
    """Give later reports with an id already taken ``-2``, ``-3``, … and say so in their warnings."""
    ids = UniqueIds()
    for r in reports:
        final = ids.take(r.report_id)
        if final != r.report_id:
            r.warnings.append(id_taken_warning(r.report_id, final))
            r.report_id = final
