"""Infer a report's metadata from its own text: where it starts, its place, type, date,
speaker and the years it reviews and plans.

Everything comes from the text; what the text does not state stays None. Each value is
recorded with the rule and the line it came from (:class:`Evidence`), which
``reportlib inspect`` prints so that a researcher adding a new report can see why.

A report *header* is a run of lines such as::

    政府工作报告                                          <- title
    2014年1月20日在江干区第十四届人民代表大会第三次会议上     <- meeting (with date)
    江干区人民政府区长  滕勇                                <- speaker

or title / ``——在…会议上的报告`` / ``(2017年12月29日)`` / ``中共下城区委书记 陈卫强``. Files that
hold several reports (yearbook sections) are split where a header starts.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from . import patterns, structure
from .numbers import parse_date
from .paths import resource

_CN = "一二三四五六七八九十"
_CJK = r"\u4e00-\u9fff"
#: A place as written in an organ's name: 江干区, 杭州市下城区, 义乌市, 浦东新区
_UNIT = rf"(?P<unit>[{_CJK}]{{2,14}}?(?:自治县|自治旗|新区|林区|特区|区|县|市|旗))"

#: Where a place is named (header lines first, then the body's self-references).
PLACE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "中共下城区委书记 陈卫强", "在中共上城区委九届六次全体(扩大)会议上"
    ("party committee name", re.compile(rf"中共{_UNIT}委")),
    # "政协上城区第四届委员会主席", "在政协第四届杭州市上城区委员会第二次会议上"
    ("CPPCC committee name", re.compile(rf"政协(?:第[{_CN}]+届)?{_UNIT}(?:第[{_CN}]+届)?委员会")),
    ("CPPCC committee name", re.compile(rf"政治协商会议(?:第[{_CN}]+届)?{_UNIT}(?:第[{_CN}]+届)?委员会")),
    # "江干区人民政府区长", "在杭州市下城区第十五届人民代表大会第二次会议上", "我代表上城区人民政府",
    # "杭州市上城区人民法院工作报告"
    ("government, congress or court name",
     re.compile(rf"(?:^|(?<=在)|(?<=我代表)|(?<=届)){_UNIT}(?:第[{_CN}]+届)?"
                r"(?:人民政府|人民代表大会|人大常委会|人民法院|人民检察院)")),
)
_PROVINCE = re.compile(r"^(?P<province>.{2,8}?(?:省|自治区))(?=.{2,})")
_CITY = re.compile(r"^(?P<city>.{2,8}?(?:市|自治州|地区|盟))(?=.{2,})")
#: Self-references that tell a place's level: 全区, 我区, 区委, 区政府 ...
_LEVEL_WORDS = {s: re.compile(rf"(?:全|我|本){s}|{s}委|{s}政府|{s}人大|{s}政协") for s in ("区", "县", "市", "旗")}

#: Statements of the plan year: "2020年全区经济社会发展的主要预期目标是", "2018年工作总体要求是",
#: "做好2020年工作", "2018年,我们将着力做好五个方面工作"
PLAN_YEAR_STATEMENTS = (
    re.compile(r"(?P<year>\d{4})年(?:全区|全县|全市|我区|我县|我市)?(?:国民)?(?:经济社会发展|经济和社会发展|经济发展)?"
               r"(?:的)?主要(?:预期)?(?:目标|指标)(?:是|为|:)"),
    re.compile(r"(?P<year>\d{4})年(?:全区|全县|全市)?(?:政府)?(?:工作)?(?:的)?总体要求(?:是|为|:)"),
    re.compile(r"做好(?P<year>\d{4})年(?:的)?(?:政府)?(?:各项)?工作"),
    re.compile(r"^(?P<year>\d{4})年,?(?:我们|区政府|县政府|市政府)?将(?:着力|重点)?(?:做好|抓好|突出)"),
)
#: Statements of the review year: "2019年,我们重点抓了以下六方面工作:", "回顾2019年"
REVIEW_YEAR_STATEMENTS = (
    re.compile(r"^(?P<year>\d{4})年,?我们(?:重点)?(?:抓了|做了|着力)"),
    re.compile(r"回顾(?P<year>\d{4})年"),
)
_PARTY_TITLE = re.compile(r"(?P<level>区|县|市|州|旗|党)委(?:员会)?(?P<title>副?书记)$")


def _known_report_types() -> tuple[str, ...]:
    with resource("report_types.csv").open(encoding="utf-8", newline="") as f:
        found = dict.fromkeys(row["report_type"] for row in csv.DictReader(f))
    order = ("government_work_report", "party_committee_report", "npc_standing_committee_report",
             "cppcc_standing_committee_report")
    return tuple(t for t in order if t in found) + tuple(t for t in found if t not in order)


#: Every report type ``resources/report_types.csv`` knows, the four main ones first.
REPORT_TYPES: tuple[str, ...] = _known_report_types()


@functools.cache
def report_type_rules() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """``(report_type, source, regex)`` from ``resources/report_types.csv``, in file order."""
    with resource("report_types.csv").open(encoding="utf-8", newline="") as f:
        return tuple((r["report_type"], r["source"], re.compile(r["pattern"])) for r in csv.DictReader(f))


@functools.cache
def report_type_suffixes() -> dict[str, str]:
    """``report_type -> id suffix`` (gov, party, npc, cppcc, …) from ``resources/report_types.csv``."""
    with resource("report_types.csv").open(encoding="utf-8", newline="") as f:
        return {row["report_type"]: row["id_suffix"] for row in csv.DictReader(f)}


@dataclass(frozen=True)
class Evidence:
    """Why a metadata value was inferred: the rule, and the line it was read from."""

    field: str
    value: object
    rule: str
    line: str | None = None
    paragraph: int | None = None  # index of the paragraph in the report


@dataclass(frozen=True)
class HeaderBlock:
    """The header lines of one report: paragraphs ``start:end`` of the file, with their roles."""

    start: int
    end: int
    roles: tuple[str, ...]  # title | meeting | date | speaker, one per paragraph


def line_role(text: str) -> str | None:
    """``meeting``, ``date`` or ``speaker`` for a header line, else None."""
    if patterns.MEETING_LINE.match(text):
        return "meeting"
    if patterns.DATE_LINE.match(text):
        return "date"
    if len(text) <= 46 and patterns.SPEAKER_LINE.match(text):
        return "speaker"
    return None


def _is_title(text: str, markdown_level: int) -> bool:
    return bool(markdown_level) or (
        len(text) <= 80 and not patterns.ends_sentence(text) and "。" not in text
        and not patterns.SALUTATION_LINE.match(text) and not patterns.enumerator(text)
    )


def find_header_blocks(texts: list[str], markdown_levels: list[int]) -> list[HeaderBlock]:
    """Every report header in a file's clean paragraphs.

    A header is a run of up to four meeting/date/speaker lines holding a meeting line, or a
    date and a speaker line (or a speaker line right under a report title), plus the title
    line just before it.
    """
    blocks: list[HeaderBlock] = []
    i, n = 0, len(texts)
    while i < n:
        roles: list[str] = []
        j = i
        while j < n and len(roles) < 4 and (role := line_role(texts[j])) and role not in roles:
            roles.append(role)
            j += 1
        prev_free = i - 1 >= (blocks[-1].end if blocks else 0)
        has_title = prev_free and i > 0 and _is_title(texts[i - 1], markdown_levels[i - 1])
        accepted = "meeting" in roles or {"date", "speaker"} <= set(roles) or (
            roles == ["speaker"] and has_title and patterns.REPORT_TITLE.search(texts[i - 1])
        )
        if roles and accepted:
            start = i - 1 if has_title else i
            blocks.append(HeaderBlock(start, j, tuple((["title"] if has_title else []) + roles)))
            i = j
        else:
            i = max(j, i + 1)
    return blocks


def split_place(unit: str) -> tuple[str | None, str | None, str]:
    """``(province, city, place)`` of a place as written: 杭州市下城区 -> (None, 杭州市, 下城区)."""
    province = city = None
    m = _PROVINCE.match(unit)
    if m:
        province, unit = m["province"], unit[m.end():]
    m = _CITY.match(unit)
    if m:
        city, unit = m["city"], unit[m.end():]
    return province, city, unit


@dataclass
class Metadata:
    """What the text says about one report (None where it does not say)."""

    title: str | None = None
    meeting: str | None = None
    date: str | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    speaker_role: str | None = None
    place: str | None = None
    city: str | None = None
    province: str | None = None
    place_source: str | None = None  # header | body | bare_name
    report_type: str | None = None
    review_year: int | None = None
    plan_year: int | None = None
    is_abstract: bool | None = None
    evidence: list[Evidence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def note(self, name: str, value: object, rule: str, line: str | None = None, paragraph: int | None = None):
        setattr(self, name, value)
        self.evidence.append(Evidence(name, value, rule, line, paragraph))


def _short_speaker_title(role: str, title: str) -> str:
    """区长 for 江干区人民政府区长; 区委书记 for 中共下城区委书记; 人大常委会主任; 政协主席."""
    m = _PARTY_TITLE.search(role)
    if m:
        return f"{m['level']}委{m['title']}"
    if "人大常委会" in role or "人民代表大会常务委员会" in role:
        return f"人大常委会{title}"
    if "政协" in role or "政治协商会议" in role:
        return f"政协{title}"
    return title


def _places_in(text: str) -> list[tuple[str, str]]:
    return [(m["unit"], rule) for rule, pattern in PLACE_PATTERNS for m in pattern.finditer(text)]


@functools.cache
def _place_name_tags() -> dict[str, str]:
    """jieba's word -> part-of-speech table (``ns`` marks place names), from its own tokenizer."""
    import jieba
    import jieba.posseg

    return jieba.posseg.POSTokenizer(jieba.Tokenizer()).word_tag_tab


def _bare_place(texts: list[str]) -> tuple[str, str] | None:
    """A place named only bare ("江干" in a web excerpt that never writes 江干区): the most
    frequent place name of jieba's dictionary (≥ 3 mentions) that the text does not write
    with a higher-level suffix, plus the level its self-references use (全区, 区委…)."""
    text = "\n".join(texts)
    levels = Counter({s: len(p.findall(text)) for s, p in _LEVEL_WORDS.items()})
    suffix, n_level = levels.most_common(1)[0]
    if n_level < 2:
        return None
    tags = _place_name_tags()
    grams = Counter(text[i : i + k] for k in (2, 3) for i in range(len(text) - k + 1))
    ranked = [
        (count, gram) for gram, count in grams.items()
        if count >= 3 and tags.get(gram) == "ns" and not re.search(rf"{gram}(?:省|市|自治区)", text)
    ]
    if not ranked:
        return None
    ranked.sort(reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    count, gram = ranked[0]
    return gram + suffix, f"bare name {gram} ×{count} and {suffix}-level self-references ({n_level})"


def infer_metadata(
    texts: list[str],
    markdown_levels: list[int],
    header: HeaderBlock | None,
    *,
    raw_title: str | None = None,
    web_page: bool = False,
) -> Metadata:
    """Metadata of one report from its clean paragraphs.

    ``header`` gives the roles of the first paragraphs (report-relative), ``raw_title`` the
    title line as printed (spaces kept), ``web_page`` whether web boilerplate was removed from
    the file (a header-less web page is an excerpt).
    """
    md = Metadata()
    header_count = len(header.roles) if header else 0
    roles = dict(enumerate(header.roles)) if header else {}

    # Header lines.
    for i, role in roles.items():
        t = texts[i]
        if role == "title":
            md.note("title", raw_title or t, "title line above the meeting line", t, i)
        elif role == "meeting":
            m = patterns.MEETING_LINE.match(t)
            md.note("meeting", m["meeting"], "meeting line (在…会议上)", t, i)
            if m["date"]:
                md.note("date", parse_date(m["date"]), "date in the meeting line", t, i)
        elif role == "date":
            md.note("date", parse_date(t), "date line", t, i)
        elif role == "speaker":
            m = patterns.SPEAKER_LINE.match(t)
            md.note("speaker", m["name"], "speaker line (title + name)", t, i)
            md.speaker_role = m["role"]
            md.note("speaker_title", _short_speaker_title(m["role"], m["title"]), "speaker line", t, i)
    body_start = header_count
    if not header and texts:
        h = structure.detect_heading(texts[0], markdown_levels[0])
        if h and h.style in ("plain", "markdown") and structure.heading_cue(h.text) is None:
            md.note("title", texts[0], "first line is a bare title (no header)", texts[0], 0)
            body_start = 1
        md.warnings.append(
            "no header (title, meeting, date, speaker lines) found, so date and speaker are null "
            "and place, type and years are inferred from the body"
        )

    # Place.
    for i in range(header_count):
        found = _places_in(texts[i])
        if found:
            unit, rule = found[0]
            md.province, md.city, place = split_place(unit)
            md.note("place", place, f"{rule} in the header", texts[i], i)
            md.place_source = "header"
            break
    if md.place is None:
        counts: Counter = Counter()
        first_line: dict[str, tuple[str, int, str]] = {}
        for i in range(body_start, len(texts)):
            for unit, rule in _places_in(texts[i]):
                counts[unit] += 1
                first_line.setdefault(unit, (texts[i], i, rule))
        if counts:
            unit, n = counts.most_common(1)[0]
            line, i, rule = first_line[unit]
            md.province, md.city, place = split_place(unit)
            md.note("place", place, f"{rule} in the body ({n}×)", line, i)
            md.place_source = "body"
        else:
            bare = _bare_place(texts[body_start:])
            if bare:
                md.note("place", bare[0], bare[1])
                md.place_source = "bare_name"

    # Report type: title, then speaker, then meeting, then the body.
    sources = {
        "title": [md.title] if md.title else [],
        "speaker": [md.speaker_role] if md.speaker_role else [],
        "meeting": [md.meeting] if md.meeting else [],
    }
    for source in ("title", "speaker", "meeting"):
        for report_type, rule_source, pattern in report_type_rules():
            if rule_source == source and any(pattern.search(s) for s in sources[source]):
                md.note("report_type", report_type, f"{source} matches /{pattern.pattern}/", sources[source][0])
                break
        if md.report_type:
            break
    if md.report_type is None:
        votes: Counter = Counter()
        where: dict[str, tuple[str, int]] = {}
        for i in range(body_start, len(texts)):
            for report_type, rule_source, pattern in report_type_rules():
                if rule_source == "body" and pattern.search(texts[i]):
                    votes[report_type] += 1
                    where.setdefault(report_type, (texts[i], i))
        if votes:
            (best, n), *rest = votes.most_common()
            if not rest or rest[0][1] < n:
                md.note("report_type", best, f"body self-reference ({n}×)", *where[best])

    _infer_years(md, texts, markdown_levels, body_start)

    # Abridged text?
    header_lines = [md.title or ""] + [texts[i] for i in range(header_count)]
    if any(patterns.ABSTRACT_MARK.search(s) for s in header_lines):
        md.note("is_abstract", True, "title or header says 摘要/节选", md.title)
    elif header or _opens_with_salutation(texts, body_start):
        md.note("is_abstract", False, "full header or opening salutation")
    elif web_page:
        md.note("is_abstract", True, "web page excerpt: boilerplate removed, no header, no opening salutation")
    return md


def _opens_with_salutation(texts: list[str], start: int) -> bool:
    return any(patterns.SALUTATION_START.match(t) for t in texts[start : start + 2])


def _infer_years(md: Metadata, texts: list[str], markdown_levels: list[int], start: int) -> None:
    heading_years: dict[str, tuple[int, str, int]] = {}
    statement_years: dict[str, tuple[int, str, int]] = {}
    for i in range(start, len(texts)):
        t = texts[i]
        h = structure.detect_heading(t, markdown_levels[i])
        if h:
            cue = structure.heading_cue(h.text)
            m = re.search(r"(?P<year>(?:19|20)\d{2})年", h.text)
            if cue in ("review", "plan") and m:
                heading_years.setdefault(cue, (int(m["year"]), t, i))
        for part, statements in (("plan", PLAN_YEAR_STATEMENTS), ("review", REVIEW_YEAR_STATEMENTS)):
            for pattern in statements:
                m = pattern.search(t)
                if m:
                    statement_years.setdefault(part, (int(m["year"]), t, i))
    for part, name in (("review", "review_year"), ("plan", "plan_year")):
        if part in heading_years:
            year, line, i = heading_years[part]
            md.note(name, year, f"{part} heading", line, i)
        elif part in statement_years:
            year, line, i = statement_years[part]
            md.note(name, year, f"{part} statement", line, i)
    if md.review_year is None or md.plan_year is None:
        # The paragraph opening the report: "2012年是…的一年" in a report dated 2013-01-05.
        for i in range(start, min(len(texts), start + 6)):
            cue = structure.opening_cue(texts[i], date=md.date, review_year=md.review_year, plan_year=md.plan_year)
            if cue == "other":
                continue
            m = re.match(r"(?P<year>\d{4})年", texts[i])
            if m and cue in ("review", "plan"):
                name = f"{cue}_year"
                if getattr(md, name) is None:
                    rule = "opening paragraph" + (f" vs. date {md.date}" if md.date else " cue words")
                    md.note(name, int(m["year"]), rule, texts[i][:60], i)
            break
    if md.review_year and md.plan_year and md.plan_year != md.review_year + 1:
        md.warnings.append(f"plan year {md.plan_year} is not the year after the review year {md.review_year}")
