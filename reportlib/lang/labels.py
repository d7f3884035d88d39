"""Labels in Chinese or English for report types, parts, places and column names.

The vocabulary lives in ``resources/labels.csv`` (kind, id, zh, en), which a researcher can
extend; places are romanized with pypinyin (下城区 -> Xiacheng District), imported only when a
place is first romanized.

>>> label("report_type", "government_work_report", "zh")
'政府工作报告'
>>> place_label("下城区", "en")
'Xiacheng District'
"""

from __future__ import annotations

import csv
import functools
import re

from ..paths import resource

LANGS = ("zh", "en")
#: Suffixes of place names, longest first: 朝阳区 -> 朝阳 + 区, 浙江省 -> 浙江 + 省.
PLACE_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "新区", "林区", "特区", "地区", "省", "区", "县",
                  "市", "旗", "州", "盟")


@functools.cache
def _labels() -> dict[tuple[str, str], dict[str, str]]:
    with resource("labels.csv").open(encoding="utf-8", newline="") as f:
        return {(r["kind"], r["id"]): {"zh": r["zh"], "en": r["en"]} for r in csv.DictReader(f)}


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")


def label(kind: str, value: str, lang: str = "zh") -> str:
    """The label of a vocabulary value (``kind`` is report_type, part, column, …); the value
    itself when the vocabulary does not know it."""
    _check_lang(lang)
    entry = _labels().get((kind, value))
    return entry[lang] if entry else value


@functools.cache
def _nationalities() -> tuple[str, ...]:
    """Names of nationalities that autonomous places carry (广西壮族自治区, 恩施土家族苗族自治州),
    longest first, from ``resources/nationalities.txt``."""
    text = resource("nationalities.txt").read_text(encoding="utf-8")
    names = [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]
    return tuple(sorted(set(names), key=len, reverse=True))


def split_suffix(place: str) -> tuple[str, str]:
    """``(stem, suffix)``: 下城区 -> (下城, 区), 广西壮族自治区 -> (广西, 壮族自治区); a
    one-character stem keeps its suffix (市中区 stays)."""
    for suffix in PLACE_SUFFIXES:
        if place.endswith(suffix) and len(place) - len(suffix) >= 2:
            stem = place[: -len(suffix)]
            if suffix.startswith("自治"):  # the nationalities are part of the suffix
                changed = True
                while changed:
                    changed = False
                    for name in _nationalities():
                        if stem.endswith(name) and len(stem) - len(name) >= 2:
                            stem, suffix, changed = stem[: -len(name)], name + suffix, True
                            break
            return stem, suffix
    return place, ""


@functools.cache
def _slugs() -> dict[str, str]:
    """Romanizations that differ from plain pinyin (陕西 shaanxi, 全国 china), from ``resources/places.csv``."""
    with resource("places.csv").open(encoding="utf-8", newline="") as f:
        return {row["name"]: row["slug"] for row in csv.DictReader(f) if row.get("slug")}


def romanize(text: str) -> str:
    """Toneless pinyin, lower case, no separators: 下城 -> xiacheng."""
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(text, style=Style.NORMAL, errors="ignore", v_to_u=False)
    return re.sub(r"[^a-z0-9]", "", "".join(syllables).lower())


def place_slug(place: str | None) -> str:
    """The place part of a report id: 下城区 -> xiacheng; None -> unknown."""
    if not place:
        return "unknown"
    if place in _slugs():
        return _slugs()[place]
    return romanize(split_suffix(place)[0]) or "unknown"


def place_label(place: str | None, lang: str = "zh") -> str:
    """A place for a figure: the Chinese name, or its romanization with an English suffix."""
    _check_lang(lang)
    if not place:
        return "未知" if lang == "zh" else "Unknown"
    if lang == "zh":
        return place
    stem, suffix = split_suffix(place)
    name = romanize(stem).capitalize()
    return f"{name} {label('place_suffix', suffix, 'en')}" if suffix else name


def _stated(x) -> bool:
    """None, NaN and pandas.NA all mean "not stated"."""
    return x is not None and str(x) not in ("<NA>", "nan", "NaT", "None")


def report_year(plan_year, date, review_year) -> int | None:
    """The year a report is for: its plan year, else its date's year, else the year after the
    one it reviews (the year in its id)."""
    if _stated(plan_year):
        return int(plan_year)
    if _stated(date):
        return int(str(date)[:4])
    if _stated(review_year):
        return int(review_year) + 1
    return None


def report_label(place, report_type, year, lang: str = "zh") -> str:
    """下城区 2018 政府工作报告 / Xiacheng District 2018 Government work report."""
    type_label = label("report_type", report_type, lang) if isinstance(report_type, str) else "?"
    place_text = place_label(place if isinstance(place, str) else None, lang)
    return f"{place_text} {int(year) if _stated(year) else '?'} {type_label}"


def report_labels(reports, lang: str = "zh") -> list[str]:
    """A label for each row of a ``reports`` table (its place, type and ``year``), in its order,
    for figure axes."""
    return [report_label(r.place, r.report_type, r.year, lang) for r in reports.itertuples(index=False)]


#: The order of report types within a place and year: the party committee's plenary comes first
#: (December or January), then the government's report and the congresses' standing committees.
REPORT_TYPE_ORDER = ("party_committee_report", "government_work_report", "npc_standing_committee_report",
                     "cppcc_standing_committee_report", "court_work_report", "procuratorate_work_report")


def report_sort_key(place, year, report_type=None, report_id: str = "") -> tuple:
    """The order in which tables and figures list reports: by place (its romanization, so both
    languages agree), then year, then type (:data:`REPORT_TYPE_ORDER`), never file order."""
    kind = str(report_type)
    rank = REPORT_TYPE_ORDER.index(kind) if kind in REPORT_TYPE_ORDER else len(REPORT_TYPE_ORDER)
    y = int(year) if _stated(year) else 10_000
    return (place_slug(place if isinstance(place, str) else None), str(place), y, rank, str(report_id))


def in_report_order(rows, place: str = "place", year: str = "year", report_type: str = "report_type") -> list[int]:
    """The positions of ``rows`` (a DataFrame with those columns) in :func:`report_sort_key` order."""
    cols = [rows[c] if c in rows else [None] * len(rows) for c in (place, year, report_type)]
    ids = rows["report_id"] if "report_id" in rows else [""] * len(rows)
    keys = [report_sort_key(p, y, t, i) for p, y, t, i in zip(*cols, ids)]
    return sorted(range(len(keys)), key=keys.__getitem__)
