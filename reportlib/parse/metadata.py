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
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..lang import patterns, years
from ..lang.labels import report_year
from . import structure
from .clean import fold_width
from ..lang.numbers import DATE_PATTERN, parse_date
from ..paths import resource
from ..lang.chars import HAN as _CJK, ORDINALS as _CN

#: What a place's name ends with, longest first: 新疆维吾尔自治区, 恩施土家族苗族自治州, 浦东新区, 义乌市.
UNIT_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "新区", "林区", "特区", "地区", "省", "市", "区", "县",
                 "旗", "州", "盟")
_UNIT_SUFFIX = "|".join(UNIT_SUFFIXES)
#: A place as written in an organ's name: 江干区, 杭州市下城区, 义乌市, 浦东新区, 浙江省, 广西壮族自治区
_UNIT = rf"(?P<unit>(?![在我])[{_CJK}]{{2,14}}?(?:{_UNIT_SUFFIX}))"  # not "在上城区"
#: The whole country, as the State Council's report names it (place ``全国``, level ``national``).
NATIONAL = "全国"
_NATIONAL_ORGAN = re.compile(r"全国人民代表大会|国务院|中华人民共和国")
#: Heads of government a speaker line names after the place: 广东省省长, 郑州市人民政府代市长, 自治区主席.
_HEAD_TITLE = r"(?:人民政府)?(?:常务副|代|副)?(?:省长|市长|区长|县长|旗长|州长|盟长|主席)"

#: Where a place is named (header lines first, then the body's self-references).
PLACE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "中共下城区委书记 陈卫强", "在中共上城区委九届六次全体(扩大)会议上"
    ("party committee name", re.compile(rf"中共{_UNIT}委")),
    # "政协上城区第四届委员会主席", "在政协第四届杭州市上城区委员会第二次会议上"
    ("CPPCC committee name", re.compile(rf"政协(?:第[{_CN}]+届)?{_UNIT}(?:第[{_CN}]+届)?委员会")),
    ("CPPCC committee name", re.compile(rf"政治协商会议(?:第[{_CN}]+届)?{_UNIT}(?:第[{_CN}]+届)?委员会")),
    # "江干区人民政府区长", "在杭州市下城区第十五届人民代表大会第二次会议上", "我代表上城区人民政府",
    # "杭州市上城区人民法院工作报告", "在广东省第九届人民代表大会第三会议上"
    ("government, congress or court name",
     re.compile(rf"(?:^|(?<=在)|(?<=我代表)|(?<=届)|(?<=\()|(?<=[—-])|(?<=\d日)){_UNIT}(?:第[{_CN}]+届)?"
                r"(?:人民政府|人民代表大会|人大常委会|人民法院|人民检察院)")),
    # "广东省省长 卢瑞华", "郑州市人民政府代市长 侯 红", "海南省省长沈晓明"
    ("head of government's title", re.compile(rf"^{_UNIT}{_HEAD_TITLE}")),
)
#: A place in a title as collected: "青海省2005年政府工作报告", "沈阳市2001年政府工作报告",
#: "江苏省政府2023年政府工作报告", "2011年黑龙江省人民政府工作报告", "昆明市人民政府2016年《政府工作报告》"
_TITLE_PLACE = re.compile(
    rf"(?:^|\d{{4}}年|日|\s)\s*{_UNIT}(?=\d{{4}}年|人民政府|政府|第[{_CN}]+届|{_HEAD_TITLE}|《?政府工作报告)"
)
#: A speaker in a title as collected: "2000年1月22日广东省省长卢瑞华 在…", "湖北省政府工作报告(2020年1月12日 王晓东)",
#: "韩正市长在上海市第十二届人民代表大会第五次会议上的政府工作报告(2007年)"
_TITLE_SPEAKER = (
    re.compile(rf"(?:省长|市长|区长|县长|旗长|州长|盟长|主席|总理)(?P<name>{patterns.NAME})(?=\s*在)"),
    re.compile(rf"\(\s*{DATE_PATTERN}\s*(?P<name>{patterns.NAME})\s*\)"),
    re.compile(rf"^(?P<name>[{_CJK}]{{2,3}})(?P<title>省长|市长|区长|县长|主席|总理)在"),
)
_PROVINCE = re.compile(r"^(?P<province>.{2,8}?(?:省|自治区))(?=.{2,})")
_CITY = re.compile(r"^(?P<city>.{2,8}?(?:市|自治州|地区|盟))(?=.{2,})")
#: Self-references that tell a place's level: 全区, 我区, 区委, 区政府 ...; an autonomous region
#: says 自治区党委 and 自治区人民政府, and also 全区.
_LEVEL_WORDS = {
    "自治区": re.compile(r"自治区(?:党委|人民政府|政府|人大|政协)|全自治区"),
    "省": re.compile(r"(?:全|我|本)省|省委|省政府|省人民政府|省人大|省政协"),
    "市": re.compile(r"(?:全|我|本)市|市委|市政府|市人民政府|市人大|市政协"),
    "区": re.compile(r"(?:全|我|本)区|(?<!自治)区委|(?<!自治)区政府|(?<!自治)区人民政府|(?<!自治)区人大|(?<!自治)区政协"),
    "县": re.compile(r"(?:全|我|本)县|县委|县政府|县人民政府|县人大|县政协"),
    "旗": re.compile(r"(?:全|我|本)旗|旗委|旗政府|旗人民政府"),
}
#: "在省委、金华市委和市委的坚强领导下": the organs a report says it works under.
_LEADERSHIP = re.compile(r"在(?P<who>[^。;!?,]{2,60}?)(?:的)?(?:坚强|正确|有力|直接|统一)?领导下")
#: A named city's party committee or government among them: 金华市委, 中共金华市委, 金华市政府.
_NAMED_CITY_ORGAN = re.compile(
    rf"(?:^|[、,和及与]|中共)(?P<city>(?:(?!省|政|府|人大|和|及|与|委|党|中共|我|们|在|让|全)[{_CJK}]){{2,4}}?市)(?:委|人民政府|政府)"
)
LEVELS = ("national", "province", "city", "district", "county")


@functools.cache
def provincial_units() -> dict[str, dict[str, str]]:
    """China's provincial-level units from ``resources/places.csv``: name -> {short, level, kind, slug}.

    The four municipalities (北京市 …) are provincial-level although their names end with 市."""
    with resource("places.csv").open(encoding="utf-8", newline="") as f:
        return {row["name"]: row for row in csv.DictReader(f) if row["level"] == "province"}


def place_level(place: str | None, texts: Sequence[str] = ()) -> tuple[str | None, str]:
    """``(level, rule)`` of a place: national, province, city, district or county.

    By its name (省/自治区 and the municipalities are provincial-level; 自治州, 地区, 盟 are
    prefecture-level cities; 县, 旗, 特区, 林区 counties; 区 and 新区 districts); a 市 is a
    prefecture-level city unless the report says it works under another named city
    ("在省委、金华市委和市委的领导下"), which makes it a county-level city (level county).
    """
    if not place:
        return None, "no place"
    if place == NATIONAL:
        return "national", "the State Council"
    if place in provincial_units() or place.endswith(("省", "自治区", "特别行政区")):
        return "province", "a provincial-level name"
    if place.endswith(("自治州", "地区", "盟")) or (place.endswith("州") and not place.endswith("市")):
        return "city", "a prefecture-level name (自治州, 地区, 盟)"
    if place.endswith(("县", "旗", "特区", "林区")):
        return "county", "a county-level name (县, 旗, 特区, 林区)"
    if place.endswith("区"):
        return "district", "a district (区)"
    if place.endswith("市"):
        for t in texts:
            for m in _LEADERSHIP.finditer(t):
                for c in _NAMED_CITY_ORGAN.finditer(m["who"]):
                    if c["city"] != place and not place.endswith(c["city"]) and not c["city"].endswith(place):
                        return "county", f"a county-level city: works under {c['city']} ({m.group()[:40]})"
        return "city", "a city (市)"
    return None, "unknown suffix"


#: Statements of the plan year: "2020年全区经济社会发展的主要预期目标是", "2018年工作总体要求是",
#: "做好2020年工作", "2018年,我们将着力做好五个方面工作"
PLAN_YEAR_STATEMENTS = (
    re.compile(r"(?<!到)(?<!至)(?P<year>\d{4})年(?:全[省市区县旗州国]|我[省市区县旗州国]|本[省市区县])?(?:国民)?"
               r"(?:经济社会发展|经济和社会发展|经济发展|发展|政府工作)?(?:的)?主要(?:预期)?(?:目标|指标)(?:任务)?(?:建议)?(?:是|为|:)"),
    re.compile(r"(?P<year>\d{4})年(?:全[省市区县旗州国])?(?:政府)?(?:工作)?(?:的)?总体要求(?:是|为|:)"),
    re.compile(r"做好(?P<year>\d{4})年(?:的)?(?:政府)?(?:各项)?工作"),
    re.compile(r"^(?P<year>\d{4})年,?(?:我们|区政府|县政府|市政府|省政府)?将(?:着力|重点)?(?:做好|抓好|突出)"),
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
    roles: tuple[str, ...]  # title | subtitle | meeting | date | speaker_role | speaker, one per paragraph


def line_role(text: str) -> str | None:
    """``meeting``, ``date`` or ``speaker`` for a header line, else None."""
    if patterns.MEETING_LINE.match(text):
        return "meeting"
    if patterns.DATE_LINE.match(text):
        return "date"
    if len(text) <= 46 and patterns.SPEAKER_LINE.match(text):
        return "speaker"
    return None


@functools.cache
def surnames() -> frozenset[str]:
    """Chinese surnames (``resources/surnames.txt``), single and compound."""
    words = []
    for line in resource("surnames.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words += line.split()
    return frozenset(words)


_BARE_NAME = re.compile(rf"^{patterns.NAME}$")


def is_bare_name(text: str) -> bool:
    """A header line that is only a person's name: "唐良智", "王鸿举", "买买提明·卡德" (a surname
    first; salutations and part headings are not names)."""
    if not _BARE_NAME.match(text) or patterns.SALUTATION_LINE.match(text) or "·" not in text and len(text) > 4:
        return False
    return "·" in text or text[0] in surnames() or text[:2] in surnames()


def _is_title(text: str, markdown_level: int) -> bool:
    return bool(markdown_level) or (
        len(text) <= 80 and not patterns.ends_sentence(text) and "。" not in text
        and not patterns.SALUTATION_LINE.match(text) and not patterns.enumerator(text)
    )


def find_header_blocks(texts: list[str], markdown_levels: list[int]) -> list[HeaderBlock]:
    """Every report header in a file's clean paragraphs.

    A header is a run of up to four meeting/date/speaker lines (in any order; a line that is
    only a name counts as the speaker after a meeting or date line) holding a meeting line, or a
    date and a speaker line (or a speaker line right under a report title), plus the title line
    just before it (two lines: a title and its subtitle, "1990年政府工作报告" / "为…而奋斗"). At
    the very start of a file, a run of any of these lines is a header.
    """
    blocks: list[HeaderBlock] = []
    i, n = 0, len(texts)
    while i < n:
        roles: list[str] = []
        j = i
        while j < n and len(roles) < 4:
            role = line_role(texts[j])
            if role is None and len(texts[j]) <= 30 and patterns.SPEAKER_ROLE_LINE.match(texts[j]) and (
                    roles or j == 0 or j + 1 < n and is_bare_name(texts[j + 1])):
                role = "speaker_role"  # "东莞市人民政府市长", the name (if any) on the next line
            elif role is None and {"meeting", "date", "speaker_role"} & set(roles) and "speaker" not in roles and (
                    is_bare_name(texts[j])):
                role = "speaker"
            if role is None and j == 0 and j + 1 < n and is_bare_name(texts[j]) and (
                    patterns.SALUTATION_LINE.match(texts[j + 1]) or line_role(texts[j + 1])):
                role = "speaker"  # a name alone opening the file, above the salutation or the date
            if role is None or role in roles:
                break
            roles.append(role)
            j += 1
        if not roles:
            i += 1
            continue
        free = blocks[-1].end if blocks else 0
        titles = 0
        if i - 1 >= free and _is_title(texts[i - 1], markdown_levels[i - 1]):
            titles = 1
            if (i - 2 >= free and _is_title(texts[i - 2], markdown_levels[i - 2])
                    and patterns.REPORT_TITLE.search(texts[i - 2]) and not patterns.REPORT_TITLE.search(texts[i - 1])):
                titles = 2
        start = i - titles
        accepted = "meeting" in roles or {"date", "speaker"} <= set(roles) or start == 0 or (
            roles == ["speaker"] and titles and patterns.REPORT_TITLE.search(texts[start])
        )
        if accepted:
            head = ["title", "subtitle"][:titles]
            blocks.append(HeaderBlock(start, j, tuple(head + roles)))
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
    subtitle: str | None = None
    meeting: str | None = None
    date: str | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    speaker_role: str | None = None
    place: str | None = None
    level: str | None = None
    city: str | None = None
    province: str | None = None
    place_source: str | None = None  # header | front_matter | body | bare_name | catalog | path
    report_type: str | None = None
    review_year: int | None = None
    plan_year: int | None = None
    is_abstract: bool | None = None
    extra: dict[str, object] = field(default_factory=dict)  # columns given by the caller (a catalog, a path pattern)
    evidence: list[Evidence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        """The year the report is delivered in, the year of its id and of ``reports.year``
        (:func:`reportlib.lang.labels.report_year`: the plan year, else the date's year, else
        the year after the one reviewed)."""
        return report_year(self.plan_year, self.date, self.review_year)

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


def _speaker_title_of(role: str) -> str | None:
    """The title a role ends with (省长 for 广东省省长), or None."""
    m = re.search(f"(?:{'|'.join(patterns.SPEAKER_TITLES)})$", role or "")
    return _short_speaker_title(role, m.group()) if m else None


#: Words jieba tags as place names that name no place: 城市, 城镇, 新区, 中原 …
_GENERIC_PLACE_WORDS = frozenset("城市 城镇 中国 新区 都市 中原 湖区 山区 长三角 粤港澳 珠三角 京津冀 全国 内地 边疆 沿海 新建 高城 上市".split())
#: Characters that never occur inside a place's name as a report writes it ("市长在上海市" is not a place).
_NOT_IN_PLACE = re.compile(r"[在的我是了向把被将从对这其]")


def normalise_unit(unit: str) -> str | None:
    """A place as found, checked and completed: None for a bare level word (自治区, 本市) or a
    phrase that is not a name; a provincial-level short name with its suffix becomes the full
    name (新疆自治区 -> 新疆维吾尔自治区)."""
    if _NOT_IN_PLACE.search(unit):
        return None
    suffix = next((s for s in UNIT_SUFFIXES if unit.endswith(s)), "")
    stem = unit[: len(unit) - len(suffix)]
    if len(stem) < 1 or stem in ("全", "本", "我", "该", "各", "自治", "特别行政", "城", "市", "县", "区") or stem in _GENERIC_PLACE_WORDS:
        return None
    if unit not in provincial_units() and suffix in ("省", "自治区", "特别行政区"):
        short = {row["short"]: name for name, row in provincial_units().items()}
        return short.get(stem, unit)
    return unit


def _places_in(text: str) -> list[tuple[str, str]]:
    found = []
    for rule, pattern in PLACE_PATTERNS:
        for m in pattern.finditer(text):
            unit = normalise_unit(m["unit"])
            if unit:
                found.append((unit, rule, m.start("unit")))
    return [(u, rule) for u, rule, _ in sorted(found, key=lambda f: f[2])]


@functools.cache
def _place_name_tags() -> dict[str, str]:
    """jieba's word -> part-of-speech table (``ns`` marks place names), from its own tokenizer."""
    import jieba
    import jieba.posseg

    return jieba.posseg.POSTokenizer(jieba.Tokenizer()).word_tag_tab


def _level_suffix(text: str) -> tuple[str, int] | None:
    """The suffix of the place a text speaks for, from its self-references (全省, 区委, 自治区党委 …),
    with their count; None below two."""
    counts = Counter({s: len(p.findall(text)) for s, p in _LEVEL_WORDS.items()})
    others = max(n for s, n in counts.items() if s not in ("自治区", "区"))
    if counts["自治区"] >= 2 and counts["自治区"] + counts["区"] > others:  # an autonomous region also says 全区
        return "自治区", counts["自治区"] + counts["区"]
    suffix, n = counts.most_common(1)[0]
    return (suffix, n) if n >= 2 else None


#: The suffixes of the levels above a place's own: a bare name that the text writes with one of
#: them (浙江省 in a district's report) is not the place the report speaks for.
_HIGHER = {"区": ("省", "市", "自治区"), "县": ("省", "市", "自治区"), "旗": ("省", "市", "自治区", "盟"),
           "市": ("省", "自治区"), "省": ("国",), "自治区": ("国",)}


def _bare_place(texts: list[str]) -> tuple[str, str] | None:
    """A place the body names without an organ, with the suffix its self-references use
    (全省 → …省, 全市 → …市): for a province or autonomous region, its full or short name; else
    the most frequent place name of jieba's dictionary (≥ 3 mentions: "江干" in a web excerpt
    that never writes 江干区, 长沙 in a report that says 全市) that the text does not write with
    a higher level's suffix (浙江省 in a district's report)."""
    text = "\n".join(texts)
    level = _level_suffix(text)
    if level is None:
        return None
    suffix, n_level = level
    if suffix in ("省", "自治区"):
        # a provincial-level unit: its full name, else its short name (浙江, 内蒙古), most often
        units = [(name, row["short"]) for name, row in provincial_units().items() if name.endswith(suffix)]
        counts = Counter({name: text.count(name) for name, _ in units})
        shorts = Counter({name: text.count(short) for name, short in units})
        for found, least, how in ((counts, 2, "full name"), (shorts, 3, "short name")):
            ranked = found.most_common(2)
            if ranked and ranked[0][1] >= least and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
                unit, count = ranked[0]
                return unit, f"{how} of {unit} ×{count} and {suffix}-level self-references ({n_level})"
    tags = _place_name_tags()
    grams = Counter(text[i : i + k] for k in (2, 3, 4) for i in range(len(text) - k + 1))
    ranked = [
        (count, gram) for gram, count in grams.items()
        if count >= 3 and tags.get(gram) == "ns" and gram not in _GENERIC_PLACE_WORDS
        and not re.search(rf"{gram}(?:{'|'.join(_HIGHER[suffix])})", text)
    ]
    if not ranked:
        return None
    ranked.sort(reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    count, gram = ranked[0]
    short = {row["short"]: name for name, row in provincial_units().items()}
    name = short.get(gram, gram + suffix) if suffix in ("省", "自治区", "市") and gram in short else gram + suffix
    return name, f"bare name {gram} ×{count} and {suffix}-level self-references ({n_level})"


def _title_evidence(title: str) -> dict[str, tuple[object, str]]:
    """What a collected title (front matter) states: place, date, speaker, year."""
    t = re.sub(r"\s+", "", fold_width(title)) if title else ""
    out: dict[str, tuple[object, str]] = {}
    if not t:
        return out
    if _NATIONAL_ORGAN.search(t) and "全国人民代表大会" in t or "国务院" in t:
        out["place"] = (NATIONAL, "the State Council or the National People's Congress")
    else:
        found = _places_in(t) or [(u, "place in the title") for m in _TITLE_PLACE.finditer(t)
                                  if (u := normalise_unit(m["unit"]))]
        if found:
            out["place"] = (found[0][0], found[0][1])
    date = parse_date(t)
    if date:
        out["date"] = (date, "date in the title")
    for pattern in _TITLE_SPEAKER:
        m = pattern.search(t)
        if m:
            out["speaker"] = (m["name"], "speaker in the title")
            break
    m = re.search(r"(?P<year>(?:19|20)\d{2})年", t)
    if m and not date:
        out["year"] = (int(m["year"]), "year in the title")
    return out


def infer_metadata(
    texts: list[str],
    markdown_levels: list[int],
    header: HeaderBlock | None,
    *,
    raw_title: str | None = None,
    web_page: bool = False,
    source_title: str | None = None,
) -> Metadata:
    """Metadata of one report from its clean paragraphs.

    ``header`` gives the roles of the first paragraphs (report-relative), ``raw_title`` the
    title line as printed (spaces kept), ``web_page`` whether web boilerplate was removed from
    the file (a header-less web page is an excerpt), ``source_title`` the title its collector
    recorded (Markdown front matter), read for what the text itself does not state.
    """
    md = Metadata()
    header_count = len(header.roles) if header else 0
    roles = dict(enumerate(header.roles)) if header else {}

    # Header lines.
    for i, role in roles.items():
        t = texts[i]
        if role == "title" and md.title is None:
            md.note("title", (raw_title if i == 0 else None) or t, "title line above the meeting line", t, i)
        elif role == "subtitle":
            md.note("subtitle", t, "second title line", t, i)
        elif role == "meeting":
            m = patterns.MEETING_LINE.match(t)
            md.note("meeting", m["meeting"], "meeting line (在…会议上)", t, i)
            if m["date"] or m["date_after"]:
                md.note("date", parse_date(m["date"] or m["date_after"]), "date in the meeting line", t, i)
            if m["name"] and md.speaker is None:
                md.note("speaker", m["name"], "speaker named in the meeting line", t, i)
                if m["role"]:
                    md.speaker_role = m["role"]
                    md.note("speaker_title", _speaker_title_of(m["role"]), "meeting line", t, i)
        elif role == "date":
            m = patterns.DATE_LINE.match(t)
            md.note("date", parse_date(m["date"]), "date line", t, i)
            if m["name"] and md.speaker is None:
                md.note("speaker", m["name"], "speaker named in the date line", t, i)
        elif role == "speaker_role":
            m = patterns.SPEAKER_ROLE_LINE.match(t)
            md.speaker_role = m["role"]
            md.note("speaker_title", _short_speaker_title(m["role"], m["title"]), "a line that is only a role", t, i)
        elif role == "speaker":
            m = patterns.SPEAKER_LINE.match(t)
            if m:
                md.note("speaker", m["name"], "speaker line (title + name)", t, i)
                if m["date"] and md.date is None:
                    md.note("date", parse_date(m["date"]), "date in the speaker line", t, i)
                md.speaker_role = m["role"]
                md.note("speaker_title", _short_speaker_title(m["role"], m["title"]), "speaker line", t, i)
            else:
                md.note("speaker", t, "a line that is only a name, in the header", t, i)
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
    from_title = _title_evidence(source_title or "")
    for name in ("date", "speaker"):
        if getattr(md, name) is None and name in from_title:
            value, rule = from_title[name]
            md.note(name, value, f"{rule} (front matter)", source_title)

    # Place: the header, the collected title, the body's organs, then names without an organ.
    head = [texts[i] for i in range(header_count)]
    if any("全国人民代表大会" in t or "国务院" in t for t in head):
        md.note("place", NATIONAL, "the State Council or the National People's Congress in the header",
                next(t for t in head if "全国人民代表大会" in t or "国务院" in t))
        md.place_source = "header"
    for i in range(header_count):
        found = _places_in(texts[i]) if md.place is None else []
        if found:
            unit, rule = found[0]
            md.province, md.city, place = split_place(unit)
            md.note("place", place, f"{rule} in the header", texts[i], i)
            md.place_source = "header"
            break
    if md.place is None and "place" in from_title:
        unit, rule = from_title["place"]
        md.province, md.city, place = split_place(unit)
        md.note("place", place, f"{rule} (front matter)", source_title)
        md.place_source = "front_matter"
    if md.place is None:
        counts: Counter = Counter()
        first_line: dict[str, tuple[str, int, str]] = {}
        for i in range(body_start, len(texts)):
            if "我代表国务院" in texts[i]:  # "根据中共中央的决定,我代表国务院向…报告政府工作"
                counts[NATIONAL] += 5
                first_line.setdefault(NATIONAL, (texts[i], i, "我代表国务院"))
            for unit, rule in _places_in(texts[i]):
                counts[unit] += 1
                first_line.setdefault(unit, (texts[i], i, rule))
        level = _level_suffix("\n".join(texts[body_start:]))
        if level and any(u.endswith(level[0]) for u in counts):
            # the place the report speaks for (全市, 市委 …), not its province that it also names
            counts = Counter({u: n for u, n in counts.items() if u.endswith(level[0]) or u == NATIONAL})
        if counts:
            unit, n = counts.most_common(1)[0]
            line, i, rule = first_line[unit]
            md.province, md.city, place = split_place(unit) if unit != NATIONAL else (None, None, NATIONAL)
            md.note("place", place, f"{rule} in the body ({n}×)", line, i)
            md.place_source = "body"
        else:
            bare = _bare_place(texts[body_start:])
            if bare:
                md.province, md.city, place = split_place(bare[0])
                md.note("place", place, bare[1])
                md.place_source = "bare_name"
    if md.place:
        level, rule = place_level(md.place, texts)
        if level:
            md.note("level", level, rule)
        if level == "province" and md.province is None:
            md.province = md.place
    else:  # 城市建设 names no 城市区: a place needs a real administrative name, never a common word
        md.warnings.append("no place found in the text (no 区, 县, 市 or 省 government, congress or committee named), "
                           "so place is null; a catalog can give it (metadata=…)")

    # Report type: title, then speaker, then meeting, then the body.
    sources = {
        "title": [t for t in (md.title, source_title) if t],
        "speaker": [md.speaker_role] if md.speaker_role else [],
        "meeting": [md.meeting] if md.meeting else [],
    }
    for source in ("title", "speaker", "meeting"):
        for report_type, rule_source, pattern in report_type_rules():
            hit = next((s for s in sources[source] if pattern.search(s)), None)
            if rule_source == source and hit:
                md.note("report_type", report_type, f"{source} matches /{pattern.pattern}/", hit)
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
    if md.plan_year is None and md.review_year is None and md.date is None and "year" in from_title:
        year, rule = from_title["year"]
        md.note("plan_year", year, f"{rule} (front matter)", source_title)

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


def _year_before_cue(heading: str, part: str) -> int | None:
    """The year a heading gives its review or plan words: the last year named before them
    ("一、1994年回顾和1995年工作的基本要求": review 1994; "过去五年及2017年工作回顾": 2017)."""
    m = structure.part_cues().get((part, "heading"))
    hit = m.search(heading) if m else None
    if not hit:
        return None
    before = years.years_in(heading[: hit.start()])
    return before[-1] if before else None


#: Words of a review near the start: "过去五年", "五年来", "一年来", "回顾".
_REVIEW_WORDS = re.compile(r"过去(?:的)?(?:一|五|5)年|(?:五|一)年来|回顾")
_REVIEW_HEADING = re.compile(r"回顾|成就|成果|成绩|取得|以来|进展")


def _infer_years(md: Metadata, texts: list[str], markdown_levels: list[int], start: int) -> None:
    """The plan and review years, from what the text states, in this order of trust:

    1. the date: a report delivered from January to September plans its own year, one
       delivered in October to December the next (厦门, 2002-12-03: plans 2003);
    2. statements: "2020年全区经济社会发展的主要预期目标是", "做好2020年工作" (plan),
       "2019年,我们重点抓了…", "回顾2019年" (review);
    3. headings whose words say review or plan (一、2013年政府工作回顾, 二、2014年工作安排);
    4. the paragraph opening the report (2012年是…的一年) against the known years;
    5. the other year: the review year is the year before the plan year, when the report
       reviews at all (a review heading, 一年来, 过去一年, 过去五年 near the start).
    """
    statement_years: dict[str, tuple[int, str, int]] = {}
    heading_years: dict[str, list[tuple[int, str, int]]] = {"review": [], "plan": []}
    reviews = False
    for i in range(start, len(texts)):
        t = texts[i]
        h = structure.detect_heading(t, markdown_levels[i])
        if h and h.standalone:
            for part in ("review", "plan"):
                year = _year_before_cue(h.text, part)
                if year:
                    heading_years[part].append((year, t, i))
            reviews = reviews or structure._cue("review", "heading", h.text) or bool(_REVIEW_HEADING.search(h.text))
        elif i < start + 8 and (structure._cue("review", "opening", t) or _REVIEW_WORDS.search(t)):
            reviews = True
        for part, statements in (("plan", PLAN_YEAR_STATEMENTS), ("review", REVIEW_YEAR_STATEMENTS)):
            for pattern in statements:
                m = pattern.search(t)
                if m and part not in statement_years:
                    statement_years[part] = (int(m["year"]), t, i)
    if md.date:
        year, month = int(md.date[:4]), int(md.date[5:7])
        md.note("plan_year", year + 1 if month >= 10 else year,
                "the date: delivered in " + ("October-December, plans the next year" if month >= 10 else "its own year"))
    elif "plan" in statement_years:
        year, line, i = statement_years["plan"]
        md.note("plan_year", year, "plan statement", line, i)
    elif heading_years["plan"]:
        # the nearest year a plan heading names after the years reviewed (not 2035年远景目标)
        after = max((y for y, *_ in heading_years["review"]), default=0)
        later = [y for y in heading_years["plan"] if y[0] > after] or heading_years["plan"]
        year, line, i = min(later)
        md.note("plan_year", year, "plan heading", line, i)
    if "review" in statement_years:
        year, line, i = statement_years["review"]
        md.note("review_year", year, "review statement", line, i)
    else:
        past = [y for y in heading_years["review"] if md.plan_year is None or y[0] < md.plan_year]
        if past:
            year, line, i = max(past)
            md.note("review_year", year, "review heading", line, i)
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
    if md.plan_year is None and md.review_year is not None:
        md.note("plan_year", md.review_year + 1, "the year after the review year")
    if md.review_year is None and md.plan_year is not None and reviews:
        md.note("review_year", md.plan_year - 1, "the year before the plan year (the report has a review)")
    if md.review_year and md.plan_year and md.plan_year != md.review_year + 1:
        md.warnings.append(f"plan year {md.plan_year} is not the year after the review year {md.review_year}")
