"""Canonical indicators (gdp, general_budget_revenue, …) for the phrases reports use.

The vocabulary is ``resources/indicators.csv``: for each indicator id its Chinese and English
labels, its *aliases* and its *heads* (``|``-separated), and the *unit_kinds* its values
take (currency, percent, people …; see ``resources/units.csv``). A phrase is an indicator when

* it is an alias, preceded only by modifiers (地方, 全社会, 规模以上, 城镇, 全区, …) and followed
  only by a measure word (岗位, 人数, 指标, 总额, 额, 涨幅, …): 地方财政收入, 全社会固定资产投资,
  新增城镇就业岗位, 城镇新增就业人数; or
* it ends with a head, a noun that names one indicator whatever precedes it:
  万元地区生产总值**能耗**, 城镇登记**失业率**.

Everything else is ``other``: 五大产业增加值 and 信息服务业增加值 are not the district's service
value added. To teach reportlib new phrases or indicators, write a CSV with the same columns and
load it with :func:`add_vocabulary` before building the tables.

>>> canonical("地方财政收入"), canonical("万元生产总值能耗"), canonical("五大产业增加值")
('general_budget_revenue', 'energy_intensity', 'other')
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import ReportLibError
from ..paths import resource
from .chars import HAN

#: Vocabularies added with add_vocabulary: (path, text), kept as text so that worker processes
#: and remote workers can be given the same state (:func:`vocabulary_state`).
_EXTRA_FILES: list[tuple[str, str]] = []

#: Words that may precede an alias without changing what it measures.
MODIFIERS = (
    "地方", "全社会", "全口径", "全区", "全县", "全市", "全镇", "全省", "全旗", "本级", "区级", "县级", "区属", "县属",
    "市属", "区本级", "市本级", "县本级", "规模以上", "规上", "限额以上", "限上", "全国", "全州", "全盟", "全自治区", "城市",
    "市区", "市级", "同口径", "可比口径",
    "城镇", "城乡", "农村", "全体", "全部", "完成", "实现", "其中", "预计", "全年", "累计",
)
#: Measure words that may follow an alias: 新增城镇就业**岗位**, 固定资产投资**额**, 居民消费价格**涨幅**.
SUFFIXES = ("岗位", "人数", "指标", "总额", "总量", "总值", "上涨幅度", "涨幅", "增幅", "增长速度", "增速", "增长率", "上涨",
            "实际增长", "增长", "降低率", "下降率", "水平", "到位", "实际金额", "人口", "额", "量", "数")
#: Measure words that make a value a rate of change: 居民消费价格涨幅控制在3%, 经济增长速度8%.
RATE_SUFFIXES = ("上涨幅度", "涨幅", "增幅", "增长速度", "增速", "上涨")

#: Before a head, words that make the phrase about a group, a sector or a clause, not the
#: indicator: 贫困群众人均可支配收入, 基本消除了可支配收入(低于…), 人均地区生产总值 (while
#: 北京市生产总值, 本地生产总值 are the jurisdiction's GDP).
_NOT_HEAD_PREFIX = re.compile(r"贫困|低收入|困难|脱贫|职工|农民工|退休|低保|了|消除|低于|高于")
#: … and a head that names an output takes only a place before it: 北京市生产总值, 本地生产总值,
#: 西藏生产总值 (not 人均地区生产总值, 海洋生产总值).
_PLACE_PREFIX = re.compile(rf"[{HAN}]{{1,6}}(?:市|省|自治区|自治州|县|州|旗|盟)|本地|本省|本市|本区|本县|西藏|新疆|内蒙古|宁夏|广西")
_OUTPUT_HEADS = ("生产总值",)
_MODIFIER = re.compile(f"(?:(?:{'|'.join(MODIFIERS)})的?)*")
_SUFFIX = re.compile(f"(?:{'|'.join(SUFFIXES)})?")


def _read(path: Path | str, text: str | None = None) -> list[dict[str, str]]:
    if text is None:
        text = Path(path).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    needed = {"indicator", "label_zh", "label_en", "aliases", "heads"}
    if rows and not needed <= set(rows[0]):
        raise ReportLibError(f"{path}: an indicator vocabulary needs the columns {sorted(needed)}")
    return rows


@functools.cache
def vocabulary() -> dict[str, dict[str, object]]:
    """``indicator -> {label_zh, label_en, aliases, heads}`` from ``resources/indicators.csv`` and
    any file added with :func:`add_vocabulary` (whose aliases extend, and labels replace, those of
    an indicator it shares)."""
    vocab: dict[str, dict[str, object]] = {}
    for path, text in ((resource("indicators.csv"), None), *_EXTRA_FILES):
        for row in _read(path, text):
            entry = vocab.setdefault(row["indicator"], {"aliases": (), "heads": ()})
            entry["label_zh"] = row["label_zh"] or entry.get("label_zh", row["indicator"])
            entry["label_en"] = row["label_en"] or entry.get("label_en", row["indicator"])
            entry["aliases"] += tuple(a for a in row["aliases"].split("|") if a and a not in entry["aliases"])
            entry["heads"] += tuple(h for h in row["heads"].split("|") if h and h not in entry["heads"])
            if row.get("unit_kinds"):
                entry["unit_kinds"] = tuple(row["unit_kinds"].split("|"))
    return vocab


def add_vocabulary(path: str | os.PathLike) -> None:
    """Add indicators or aliases from a CSV with the columns of ``resources/indicators.csv``
    (indicator, label_zh, label_en, aliases, heads; ``|`` between aliases).

    >>> add_vocabulary("my_indicators.csv")        # e.g. tourism_revenue,旅游总收入,Tourism revenue,旅游总收入|旅游收入,  # doctest: +SKIP
    >>> corpus = reportlib.load_corpus(); corpus.targets   # doctest: +SKIP
    """
    p = Path(path)
    if not p.is_file():
        raise ReportLibError(f"{p}: no such vocabulary file")
    text = p.read_text(encoding="utf-8-sig")
    _read(p, text)
    _EXTRA_FILES.append((str(p), text))
    _clear()


def reset_vocabulary() -> None:
    """Forget the files added with :func:`add_vocabulary`."""
    _EXTRA_FILES.clear()
    _clear()


def vocabulary_state() -> tuple[tuple[str, str], ...]:
    """The added vocabularies as ``(path, text)`` pairs: what a worker process needs to extract
    exactly as this process does (see :func:`use_vocabulary_state`)."""
    return tuple(_EXTRA_FILES)


def use_vocabulary_state(state: Sequence[tuple[str, str]]) -> None:
    """Make the added vocabularies those of ``state`` (from :func:`vocabulary_state`)."""
    state = [tuple(pair) for pair in state]
    if state != _EXTRA_FILES:
        _EXTRA_FILES[:] = state
        _clear()


def _clear() -> None:
    for f in (vocabulary, _alias_pattern, _owner, _head_words):
        f.cache_clear()


@functools.cache
def _alias_pattern() -> re.Pattern[str]:
    aliases = sorted({a for v in vocabulary().values() for a in v["aliases"] + v["heads"]}, key=len, reverse=True)
    return re.compile("|".join(re.escape(a) for a in aliases))


@functools.cache
def _head_words() -> frozenset[str]:
    """Every head, also those that are an alias too (生产总值 is both)."""
    return frozenset(h for v in vocabulary().values() for h in v["heads"])


@functools.cache
def _owner() -> dict[str, tuple[str, bool]]:
    """alias -> (indicator, is_head)."""
    out: dict[str, tuple[str, bool]] = {}
    for indicator, v in vocabulary().items():
        for a in v["aliases"]:
            out[a] = (indicator, False)
        for h in v["heads"]:
            out.setdefault(h, (indicator, True))
    return out


def _matches(phrase: str):
    """Every alias occurrence (overlapping ones included): (start, end, indicator, is_head)."""
    owner = _owner()
    aliases = sorted(owner, key=len, reverse=True)
    for alias in aliases:
        start = phrase.find(alias)
        while start != -1:
            indicator, is_head = owner[alias]
            yield start, start + len(alias), indicator, is_head
            start = phrase.find(alias, start + 1)


def canonical(phrase: str) -> str:
    """The indicator id a phrase names, or ``other``."""
    return resolve(phrase)[0]


def resolve(phrase: str) -> tuple[str, int]:
    """``(indicator, end)``: the indicator a phrase names and where its name ends in the phrase
    (the end of the alias and any measure word), or ``("other", len(phrase))``."""
    best: tuple[int, int, str] | None = None  # (alias length, end, indicator)
    for start, end, indicator, is_head in _matches(phrase):
        suffix = _SUFFIX.match(phrase, end)
        tail_ok = suffix.end() == len(phrase)
        head_ok = ((is_head or phrase[start:end] in _head_words()) and tail_ok and not _NOT_HEAD_PREFIX.search(phrase[:start])
                   and (phrase[start:end] not in _OUTPUT_HEADS or _PLACE_PREFIX.fullmatch(phrase[:start]) is not None))
        alias_ok = not is_head and _MODIFIER.fullmatch(phrase[:start]) is not None and tail_ok
        if head_ok or alias_ok:
            key = (end - start, suffix.end(), indicator)
            if best is None or key > best:
                best = key
    if best is None:
        return "other", len(phrase)
    return best[2], best[1]


def mentioned(text: str) -> list[tuple[str, str, int, int]]:
    """Indicators named anywhere in a longer text, left to right, as
    ``(indicator, phrase as written, start, end)``: 财政总收入和地方财政收入克服… names
    fiscal_revenue_total and general_budget_revenue. Only aliases count here (no heads), each
    preceded by modifiers only back to the previous separator."""
    found = []
    for m in _alias_pattern().finditer(text):
        indicator, is_head = _owner()[m.group()]
        if is_head:
            continue
        left = max(text.rfind(sep, 0, m.start()) for sep in "、和及与,;:") + 1
        if _MODIFIER.fullmatch(text[left : m.start()]) is None:
            continue
        end = _SUFFIX.match(text, m.end()).end()
        found.append((indicator, text[left:end], left, end))
    return found


def takes_unit(indicator: str, kind: str | None) -> bool:
    """Whether a value of this unit kind (``resources/units.csv``: currency, percent, people …;
    None for a bare number) can be the indicator's: 470个(项目) is not fixed-asset investment.
    An indicator without ``unit_kinds`` takes any."""
    allowed = vocabulary().get(indicator, {}).get("unit_kinds")
    return not allowed or (kind or "none") in allowed


def label(indicator: str, lang: str = "zh") -> str:
    """The label of an indicator id in Chinese or English."""
    v = vocabulary().get(indicator)
    if v is None:
        return indicator
    return str(v["label_zh"] if lang == "zh" else v["label_en"])
