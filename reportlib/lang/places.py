"""Places and their codes: GB/T 2260 administrative-division codes, parents, and dated changes.

``resources/places.csv`` lists, from public facts, every place of the bundled and development
corpora and the places their boundaries changed into: ``code`` (GB/T 2260; the national level is
``100000``, as mapping services code it, not a GB/T 2260 code), ``name``, ``short``, ``level``,
``parent_code``, ``valid_from`` and ``valid_to`` (``YYYY-MM``, the month of the State Council's
approval; empty: before the corpora, or still valid). ``resources/place_changes.csv`` is the
dated crosswalk of the changes they span: Hangzhou's 2021 reorganisation (下城区 into 拱墅区;
江干区 split between 上城区 and the new 钱塘区; 萧山区 and 余杭区 giving parts to 钱塘区 and
临平区), 富阳 and 临安 becoming districts, 萧山 and 余杭 before them, and 重庆's 1997 elevation.

A report's place is found by name (or short name) among the places valid when it was delivered,
narrowed by the city or province the text names; a name that stays ambiguous, or is not in the
table, gets no code (never a guess). Extend the CSV files for other places.

>>> place_code("江干区", "2014-01-20")
'330104'
>>> place_code("重庆市", "1996-02-01"), place_code("重庆市", "2020-01-11")
('510200', '500000')
>>> parent_code("330104")
'330100'
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass

from ..paths import resource

#: The code of the national level (not part of GB/T 2260).
NATIONAL_CODE = "100000"


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    short: str
    level: str
    parent_code: str | None
    valid_from: str  # YYYY-MM, "" for "before the corpora"
    valid_to: str  # YYYY-MM (exclusive), "" for "still valid"

    def valid_at(self, when: str) -> bool:
        """Whether the place existed at ``when`` (``YYYY-MM`` or a longer ISO date)."""
        month = when[:7]
        return (not self.valid_from or self.valid_from <= month) and (not self.valid_to or month < self.valid_to)


@dataclass(frozen=True)
class Change:
    date: str
    from_code: str
    from_name: str
    to_code: str
    to_name: str
    extent: str  # whole | part
    note: str


@functools.cache
def places() -> tuple[Place, ...]:
    """Every place of ``resources/places.csv``."""
    with resource("places.csv").open(encoding="utf-8", newline="") as f:
        return tuple(Place(r["code"], r["name"], r["short"], r["level"], r["parent_code"] or None, r["valid_from"],
                           r["valid_to"]) for r in csv.DictReader(f))


@functools.cache
def changes() -> tuple[Change, ...]:
    """The dated crosswalk of ``resources/place_changes.csv``, oldest first."""
    with resource("place_changes.csv").open(encoding="utf-8", newline="") as f:
        rows = [Change(**r) for r in csv.DictReader(f)]
    return tuple(sorted(rows, key=lambda c: (c.date, c.from_code, c.to_code)))


@functools.cache
def _by_code() -> dict[str, Place]:
    return {p.code: p for p in places()}


def place(code: str | None) -> Place | None:
    """The place of a code, or None."""
    return _by_code().get(code) if code else None


def when(date: str | None, year: int | float | None) -> str | None:
    """The ``YYYY-MM`` a report speaks for: its delivery date, else January of its year."""
    if date:
        return str(date)[:7]
    if year is not None and year == year:  # not NaN
        return f"{int(year):04d}-01"
    return None


def place_code(name: str | None, date: str | None, city: str | None = None, province: str | None = None) -> str | None:
    """The code of the place named ``name`` at ``date`` (``YYYY-MM…``; None: any time), narrowed
    by the ``city`` and ``province`` the report names; None when unknown or ambiguous."""
    if not name:
        return None
    found = [p for p in places() if name in (p.name, p.short) and (date is None or p.valid_at(date))]
    if len(found) > 1:
        for context in (city, province):
            if context:
                narrowed = [p for p in found if _within(p, context)]
                if narrowed:
                    found = narrowed
    if len({p.code for p in found}) != 1:
        return None
    return found[0].code


def _within(p: Place, name: str) -> bool:
    parent = place(p.parent_code)
    while parent is not None:
        if name in (parent.name, parent.short):
            return True
        parent = place(parent.parent_code)
    return False


def parent_code(code: str | None) -> str | None:
    """The code of the place's parent (district → city → province → national)."""
    p = place(code)
    return p.parent_code if p else None


def successors(code: str) -> list[Change]:
    """The changes that moved all or part of the place ``code`` into others, oldest first."""
    return [c for c in changes() if c.from_code == code]


def current(code: str | None, since: str | None = None) -> tuple[tuple[str, str], ...]:
    """The places that hold the area of ``code`` today, following the crosswalk from ``since``
    (``YYYY-MM``; None: from the start): ``((code, name), …)``, the place itself when it did not
    change. A place that merged into another or was split gives its successors, oldest change first
    and whole before part, e.g. 江干区 (2021 split) gives 上城区 and 钱塘区.

    >>> current("330104")
    (('330102', '上城区'), ('330114', '钱塘区'))
    >>> current("330102")
    (('330102', '上城区'),)
    """
    if not code:
        return ()
    p = place(code)
    moves = [c for c in successors(code) if since is None or c.date >= since[:7]]
    if not moves or (not any(c.extent == "whole" for c in moves) and (p is None or not p.valid_to)):
        # the place lives on (it may have given parts away): its own area today is itself
        return ((code, p.name if p else code),)
    out: list[tuple[str, str]] = []
    for c in sorted(moves, key=lambda c: (c.date, c.extent != "whole", c.to_code)):
        for pair in current(c.to_code, c.date):
            if pair not in out:
                out.append(pair)
    return tuple(out)


def changed_between(code: str | None, start: str, end: str) -> bool:
    """Whether the place ``code`` lost or gained area by a change dated in ``[start, end)``
    (``YYYY-MM``): its figures before and after may cover different ground."""
    if not code:
        return False
    return any(start <= c.date < end and code in (c.from_code, c.to_code) for c in changes())
