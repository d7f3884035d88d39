"""Political language: segmentation, term frequencies, slogans, keyword in context, keyness.

* :class:`Segmenter` (from :mod:`reportlib.lang.segment`) wraps its **own** ``jieba.Tokenizer``
  (never jieba's global one, so a researcher's other jieba work and ours cannot disturb each other), built lazily once, with the
  lexicon and ``resources/userdict.txt`` added so that slogans stay one token (最多跑一次, not
  最多/跑/一次). A researcher's user dictionary (a file in jieba's format or a list of words) and
  stopwords extend it.
* :func:`term_frequencies` counts terms in the clean text: a count is exactly the number of
  occurrences of the term (overlapping terms such as 民生 in 民生实事 are each counted), with
  the rate per 10,000 characters, per report or per part (review, plan, …).
* :func:`slogans` finds the vocabulary before one chooses terms: quoted phrases (“…”) and
  numeral formulas (三改一拆, 四个意识, 五水共治).
* :func:`kwic` gives keyword-in-context rows; :func:`keyness` the terms most distinctive of one
  group of reports against another (log-likelihood G², log ratio), as quanteda's
  ``textstat_keyness`` does.
* :func:`tokens` segments a corpus with a cache on disk keyed by text hash and dictionary
  version, so a second run does not segment again; :func:`iter_tokens` yields one report's
  words at a time, so a large corpus is never held as token lists all at once.

Numbers are never normalised here: 五水共治 stays 五水共治, not 5水共治.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import ReportLibError
from ..lang.chars import HAN, LIANG, ORDINALS
from ..lang.segment import LEXICON_COLUMNS, Segmenter, default_segmenter, lexicon_entries, segment
from ..paths import cache_dir
from ..tables.core import non_space

__all__ = ["Segmenter", "segment", "lexicon", "tokens", "iter_tokens", "term_frequencies", "slogans", "kwic", "keyness"]

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..parse.report import Report

#: Quoted phrases: “最多跑一次”, “五水共治”, “1+10” (no sentence punctuation inside).
_QUOTED = re.compile(r"“(?P<s>[^“”\n,;。:!?]{2,12})”")
_CN_NUM = ORDINALS + LIANG
#: Numeral formulas: 四个意识, 两个维护 / 三改一拆, 一岗双责 / 五水共治, 五气共治
_NOT_NUM = rf"(?![{_CN_NUM}百千万亿零〇])[{HAN}]"
_NUMERAL_SLOGANS = (
    re.compile(rf"[{_CN_NUM}]个{_NOT_NUM}{{2}}"),
    re.compile(rf"(?<![{_CN_NUM}百千万])[{_CN_NUM}]{_NOT_NUM}[{_CN_NUM}双]{_NOT_NUM}"),
    re.compile(rf"[{_CN_NUM}]{_NOT_NUM}共[治建享管]"),
)
#: Second halves of "N个…" that are counting, not slogans (三个方面, 十个街道).
_COUNTING = re.compile(r"个(?:方面|街道|社区|项目|重点|区块|片区|小区|平台|中心|部门|单位|工程|领域|环节|站点|月|小时|以上)")


def lexicon() -> pd.DataFrame:
    """The curated lexicon ``resources/lexicon.csv`` as a table: term, category, gloss_en, source
    (standard concept, the corpus's glossaries, or the corpus's own quoted slogans)."""
    return pd.DataFrame(lexicon_entries(), columns=LEXICON_COLUMNS)


def tokens(corpus: Corpus, segmenter: Segmenter | None = None, *, cache: str | os.PathLike | None | bool = True,
           include_glossary: bool = False) -> dict[str, list[str]]:
    """Content words of every report's body (:func:`body_text`), ``report_id -> words``, cached on disk.

    The cache key is the hash of the report's clean text and the segmenter's dictionary
    version; ``cache=False`` turns the cache off, a path puts it elsewhere. For a large corpus,
    :func:`iter_tokens` gives one report's words at a time instead of holding them all.
    """
    return dict(iter_tokens(corpus, segmenter, cache=cache, include_glossary=include_glossary))


def iter_tokens(reports: Iterable[Report], segmenter: Segmenter | None = None, *,
                cache: str | os.PathLike | None | bool = True, include_glossary: bool = False
                ) -> Iterator[tuple[str, list[str]]]:
    """``(report_id, content words)`` of one report's body (:func:`body_text`) after another
    (cached as :func:`tokens`)."""
    seg = segmenter or default_segmenter()
    folder = None if cache is False else (cache_dir() if cache is True or cache is None else Path(cache)) / "tokens"
    for r in reports:
        text = body_text(r, include_glossary)
        key = hashlib.sha256(f"{seg.version}\0{text}".encode("utf-8")).hexdigest()
        path = folder / f"{key[:2]}" / f"{key}.json" if folder else None
        if path is not None and path.is_file():
            yield r.report_id, json.loads(path.read_text(encoding="utf-8"))
            continue
        words = seg.words(text)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        yield r.report_id, words


def _report_columns(r: Report) -> dict:
    m = r.metadata
    return dict(report_id=r.report_id, place=m.place, report_type=m.report_type,
                year=m.year)


#: Parts left out of rates by default: a glossary (名词解释) defines terms rather than uses them.
NON_BODY_PARTS = ("glossary",)


def body_text(r: Report, include_glossary: bool = False) -> str:
    """The text whose words rates count: the report without its header lines (title, meeting,
    date, speaker) and, unless ``include_glossary``, without its glossary (名词解释), the same
    in every notebook. Paragraphs joined by a line break, as in ``Report.text``."""
    skip = () if include_glossary else NON_BODY_PARTS
    return "\n".join(p.text for i, (p, part) in enumerate(zip(r.paragraphs, r.structure.parts))
                     if i >= r.header_count and part not in skip)


def _units(r: Report, by: str, include_glossary: bool = False):
    """``(unit, text)`` pairs: the report's body (:func:`body_text`), or its text per part."""
    if by == "report":
        yield None, body_text(r, include_glossary)
    elif by == "part":
        texts: dict[str, list[str]] = {}
        for i, (p, part) in enumerate(zip(r.paragraphs, r.structure.parts)):
            if i >= r.header_count and (include_glossary or part not in NON_BODY_PARTS):
                texts.setdefault(part, []).append(p.text)
        for part, chunks in texts.items():
            yield part, "\n".join(chunks)
    else:
        raise ReportLibError(f"by must be 'report' or 'part', not {by!r}")


def _terms(terms: Sequence[str] | str | None, category: str | None) -> list[tuple[str, str]]:
    lex = lexicon()
    cats = dict(zip(lex["term"], lex["category"]))
    if terms is None:
        chosen = lex if category is None else lex[lex["category"] == category]
        if chosen.empty:
            raise ReportLibError(f"no lexicon term has category {category!r}; categories: "
                                 f"{', '.join(sorted(set(lex['category'])))}")
        return list(zip(chosen["term"], chosen["category"]))
    if isinstance(terms, str):
        terms = [terms]
    return [(t, cats.get(t, "")) for t in dict.fromkeys(terms)]


def term_frequencies(corpus: Corpus, terms: Sequence[str] | str | None = None, *, category: str | None = None,
                     by: str = "report", include_glossary: bool = False) -> pd.DataFrame:
    """How often terms occur: one row per report (``by="report"``) or report part
    (``by="part"``) and term.

    ``terms`` defaults to the lexicon (or its ``category``). Columns: ``report_id``,
    ``place``, ``report_type``, ``year``, ``part`` (with ``by="part"``), ``term``,
    ``category``, ``count`` (exact occurrences in the clean text), ``n_chars`` (non-space
    characters of the unit), ``per_10k`` (count per 10,000 characters). Counted in the body of
    each report (:func:`body_text`: no header lines, no glossary unless ``include_glossary``).
    """
    chosen = _terms(terms, category)
    rows = []
    for r in corpus:
        base = _report_columns(r)
        for part, text in _units(r, by, include_glossary):
            n_chars = non_space(text)
            for term, cat in chosen:
                count = text.count(term)
                row = dict(base, term=term, category=cat, count=count, n_chars=n_chars,
                           per_10k=round(count / n_chars * 10_000, 4) if n_chars else 0.0)
                if by == "part":
                    row["part"] = part
                rows.append(row)
    columns = ["report_id", "place", "report_type", "year"] + (["part"] if by == "part" else []) + [
        "term", "category", "count", "n_chars", "per_10k"]
    df = pd.DataFrame(rows, columns=columns)
    df["year"] = df["year"].astype("Int64")
    return df


def top_terms(frequencies: pd.DataFrame, n: int) -> list[str]:
    """The ``n`` terms of a :func:`term_frequencies` table with the highest mean rate per
    report (``per_10k``), ties broken by total count then by the table's order: what a figure
    shows when the table holds more terms than a page can (the rest stay in the table)."""
    if frequencies.empty or n <= 0:
        return []
    order = {t: k for k, t in enumerate(dict.fromkeys(frequencies["term"]))}
    g = frequencies.groupby("term", sort=False).agg(rate=("per_10k", "mean"), count=("count", "sum")).reset_index()
    g = g[g["count"] > 0]
    g["order"] = g["term"].map(order)
    g = g.sort_values(["rate", "count", "order"], ascending=[False, False, True], kind="stable")
    return list(g["term"].head(n))


def slogans(corpus: Corpus, min_reports: int = 1) -> pd.DataFrame:
    """Candidate slogans per report: quoted phrases and numeral formulas.

    Columns: ``report_id``, ``slogan``, ``kind`` (quoted, numeral), ``count_quoted`` (as a
    quoted phrase), ``count`` (every occurrence), ``n_reports`` (reports using it); only
    slogans used in at least ``min_reports`` reports.
    """
    found: dict[tuple[str, str], str] = {}
    numerals: Counter = Counter()
    for r in corpus:
        for m in _QUOTED.finditer(r.text):
            found.setdefault((r.report_id, m["s"]), "quoted")
        for pattern in _NUMERAL_SLOGANS:
            for m in pattern.finditer(r.text):
                s = m.group()
                # 一个… is an article, …届…次 a meeting's ordinal, 三个方面 a count
                if not (s.startswith("一个") or re.search("[届次]", s) or _COUNTING.match(r.text, m.start() + 1)):
                    numerals[s] += 1
                    found.setdefault((r.report_id, s), "numeral")
    texts = {r.report_id: r.text for r in corpus}
    # a formula that is not quoted anywhere counts as a slogan only when it recurs
    found = {k: kind for k, kind in found.items() if kind == "quoted" or numerals[k[1]] >= 2}
    rows = [dict(report_id=rid, slogan=s, kind=kind, count_quoted=texts[rid].count(f"“{s}”"), count=texts[rid].count(s))
            for (rid, s), kind in found.items()]
    df = pd.DataFrame(rows, columns=["report_id", "slogan", "kind", "count_quoted", "count"])
    df["n_reports"] = df.groupby("slogan")["report_id"].transform("nunique").astype("int64")
    df = df[df["n_reports"] >= min_reports]
    order = {rid: k for k, rid in enumerate(texts)}
    return df.sort_values(["report_id", "count", "slogan"], key=lambda s: s.map(order) if s.name == "report_id" else s,
                          ascending=[True, False, True]).reset_index(drop=True)


def kwic(corpus: Corpus, term: str, window: int = 20) -> pd.DataFrame:
    """Keyword in context: one row per occurrence of ``term``.

    Columns: ``report_id``, ``part``, ``left``, ``term``, ``right`` (``window`` characters on
    each side, within the paragraph), ``start``/``end`` (clean text), ``raw_start``/``raw_end``.
    """
    if not term:
        raise ReportLibError("kwic needs a term")
    rows = []
    for r in corpus:
        for i, (ps, pe) in enumerate(r.paragraph_spans):
            para = r.text[ps:pe]
            pos = para.find(term)
            while pos != -1:
                start, end = ps + pos, ps + pos + len(term)
                raw_start, raw_end = r.raw_span(start, end)
                rows.append(dict(report_id=r.report_id, part=r.structure.parts[i],
                                 left=para[max(0, pos - window) : pos], term=term,
                                 right=para[pos + len(term) : pos + len(term) + window],
                                 start=start, end=end, raw_start=raw_start, raw_end=raw_end))
                pos = para.find(term, pos + 1)
    return pd.DataFrame(rows, columns=["report_id", "part", "left", "term", "right", "start", "end", "raw_start",
                                       "raw_end"])


def _group(corpus: Corpus, group) -> set[str]:
    ids = set(corpus.report_ids)
    if callable(group):
        chosen = {r.report_id for r in corpus if group(r)}
    else:
        chosen = set(group)
        unknown = chosen - ids
        if unknown:
            raise ReportLibError(f"unknown report ids {sorted(unknown)}")
    return chosen


_NUMERAL = re.compile(r"^(?:[\d.%]+|[零〇一二三四五六七八九十百千万亿两]+)$|\d")


def keyness_exclusions() -> frozenset[str]:
    """The words :func:`keyness` leaves out by default: ``resources/keyness_exclude.txt`` (general
    words of time and procedure), every place name and short name of ``resources/places.csv`` and
    every unit of ``resources/units.csv`` (万元, 平方米; numerals are left out by rule)."""
    from ..lang.numbers import units
    from ..lang.places import places
    from ..paths import resource

    words = {w.strip() for w in resource("keyness_exclude.txt").read_text(encoding="utf-8").splitlines()
             if w.strip() and not w.startswith("#")}
    for p in places():
        words |= {p.name, p.short}
    words |= set(units())
    return frozenset(w for w in words if w)


def keyness(corpus: Corpus, group_a: Iterable[str] | Callable, group_b: Iterable[str] | Callable | None = None, *,
            segmenter: Segmenter | None = None, min_count: int = 3, cache=True,
            include_glossary: bool = False, exclude: Iterable[str] | None = None) -> pd.DataFrame:
    """Terms most distinctive of reports ``group_a`` against ``group_b`` (default: the rest).

    Groups are report ids or a predicate on a Report. Columns: ``term``, ``count_a``,
    ``count_b``, ``per_10k_a``, ``per_10k_b`` (per 10,000 tokens), ``g2`` (log-likelihood, signed:
    positive when the term is more frequent in A), ``p_value`` (chi-square, 1 df), ``log_ratio``
    (binary log of the ratio of relative frequencies, smoothed by 0.5), ``favours`` ("a"/"b").
    Terms with fewer than ``min_count`` occurrences in both groups together are left out.
    Words are counted in the reports' bodies (:func:`body_text`; ``include_glossary``). Place
    names, numerals and the general words of :func:`keyness_exclusions` are left out by default
    (they tell places and years apart, not political language); ``exclude`` gives other words to
    leave out instead (``exclude=()`` keeps every word).
    """
    a = _group(corpus, group_a)
    b = _group(corpus, group_b) if group_b is not None else set(corpus.report_ids) - a
    if not a or not b:
        raise ReportLibError("both groups need at least one report")
    ca, cb = Counter(), Counter()  # one report's words at a time, never the whole corpus's
    for rid, words in iter_tokens((r for r in corpus if r.report_id in a or r.report_id in b), segmenter, cache=cache,
                                  include_glossary=include_glossary):
        if rid in a:
            ca.update(words)
        if rid in b:
            cb.update(words)
    na, nb = sum(ca.values()), sum(cb.values())
    left_out = keyness_exclusions() if exclude is None else frozenset(exclude)
    rows = []
    for term in sorted(set(ca) | set(cb)):
        if term in left_out or (exclude is None and _NUMERAL.search(term)):
            continue
        x, y = ca[term], cb[term]
        if x + y < min_count:
            continue
        e1, e2 = na * (x + y) / (na + nb), nb * (x + y) / (na + nb)
        g2 = 2 * ((x * math.log(x / e1) if x else 0.0) + (y * math.log(y / e2) if y else 0.0))
        ra, rb = (x + 0.5) / (na + 0.5), (y + 0.5) / (nb + 0.5)
        sign = 1 if x / na >= y / nb else -1
        rows.append(dict(term=term, count_a=x, count_b=y, per_10k_a=round(x / na * 10_000, 3),
                         per_10k_b=round(y / nb * 10_000, 3), g2=round(sign * g2, 4),
                         p_value=math.erfc(math.sqrt(g2 / 2)), log_ratio=round(math.log2(ra / rb), 4),
                         favours="a" if sign > 0 else "b"))
    df = pd.DataFrame(rows, columns=["term", "count_a", "count_b", "per_10k_a", "per_10k_b", "g2", "p_value",
                                     "log_ratio", "favours"])
    return df.sort_values(["g2", "term"], ascending=[False, True], key=lambda s: s.abs() if s.name == "g2" else s
                          ).reset_index(drop=True)
