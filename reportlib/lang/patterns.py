"""Line shapes of Chinese government reports, shared by the cleaner, the report splitter and
the structure parser.

Every pattern applies to one *cleaned* line (full-width punctuation folded to ASCII, spaces
inside Chinese text removed, markdown residue gone). Each is named and commented with the real
line it is for; ``tests/test_patterns.py`` checks them on those lines.
"""

from __future__ import annotations

import re

from .numbers import DATE_PATTERN
from .chars import DATE_NUMERALS, HAN as _CJK, HEADING_NUMERALS as _CN_NUM, ORDINALS, YEAR_DIGITS, ZEROS


# --- enumerators (section numbers and list items) -------------------------------------------

#: "一、2013年政府工作回顾", "十二、..." (level 1 in GB/T 9704 official documents)
ENUM_CN = re.compile(rf"^(?P<num>[{_CN_NUM}]+)\s*[、.]\s*")
#: "(一)坚持稳中求进,综合实力进一步增强" (level 2)
ENUM_CN_PAREN = re.compile(rf"^\(\s*(?P<num>[{_CN_NUM}]+)\s*\)\s*[、.]?\s*")
#: "1. 完成旧住宅小区改造面积14.69万平方米" or "1、..." but not "1.5亿元" (level 3)
ENUM_ARABIC = re.compile(r"^(?P<num>\d{1,2})\s*[.、](?!\d)\s*")
#: "(1)生活小区雨污分流改造项目。" (level 4)
ENUM_ARABIC_PAREN = re.compile(r"^\(\s*(?P<num>\d{1,2})\s*\)\s*")
#: "①..." circled numbers
ENUM_CIRCLED = re.compile(r"^(?P<num>[\u2460-\u2473])\s*")
#: "第一部分 ...", "第二章 ..."
ENUM_PART = re.compile(rf"^第(?P<num>[{_CN_NUM}]+)(?:部分|章|篇)\s*")
#: "一是牢牢把握全域拥江发展这个工作主线。" -- an item inside running text, never a heading
ITEM_SHI = re.compile(rf"^(?P<num>[{_CN_NUM}]+)是")
#: "——必须持续克难攻坚。" -- a dash item (or a header subtitle "——在...会议上的报告")
DASH_ITEM = re.compile(r"^[—–]{1,2}|^-{2}")

#: Enumerator styles in the order of the official hierarchy, with their patterns.
ENUMERATORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", ENUM_PART),
    ("cn", ENUM_CN),
    ("cn_paren", ENUM_CN_PAREN),
    ("arabic", ENUM_ARABIC),
    ("arabic_paren", ENUM_ARABIC_PAREN),
    ("circled", ENUM_CIRCLED),
)


def enumerator(line: str) -> tuple[str, str, int] | None:
    """``(style, number as written, end of the enumerator)`` if the line starts with one."""
    for style, pattern in ENUMERATORS:
        m = pattern.match(line)
        if m:
            return style, m["num"], m.end()
    return None


# --- punctuation ----------------------------------------------------------------------------

#: A line ending with one of these ends its sentence (after width folding).
TERMINAL_PUNCTUATION = frozenset("。!?;:…”’」』")
#: Punctuation inside a sentence; a line holding any of it is not a bare title or heading.
SENTENCE_PUNCTUATION = frozenset(",;:。!?、")
#: A line starting with one of these continues the previous line.
CONTINUATION_START = frozenset(",、;:。!?)”’」』%")


def ends_sentence(line: str) -> bool:
    return bool(line) and line[-1] in TERMINAL_PUNCTUATION


def is_bare_title(line: str, max_chars: int = 25) -> bool:
    """A short line without sentence punctuation: a title, part heading or speaker line.

    "政府工作报告", "2019年工作回顾", "前景目标" are bare titles;
    "建议今年全区经济社会发展主要目标为:地区" is not (it is a sentence cut by a page break).
    """
    return 0 < len(line) <= max_chars and not (set(line) & SENTENCE_PUNCTUATION)


# --- header lines ---------------------------------------------------------------------------

#: The last day of a meeting held over several: "5日至6日", "二十一日、二十二日".
_LATER_DAY = rf"(?:[至、和][\d{ZEROS}{ORDINALS}]{{1,3}}日)"
#: Chinese numerals of a loose date ("19年2月24日" with a two-digit year, "5日至6日").
_LOOSE_DATE = (rf"[\d{DATE_NUMERALS}]{{1,4}}年[\d{ZEROS}{ORDINALS}]{{1,3}}月"
               rf"(?:[\d{ZEROS}{ORDINALS}]{{1,3}}日{_LATER_DAY}?)?")
#: Titles a speaker line ends with, longest first.
SPEAKER_TITLES = (
    "常务副区长", "常务副县长", "常务副市长", "常务副省长", "代区长", "代县长", "代市长", "代省长", "代主席", "代旗长",
    "代州长", "代盟长", "副区长", "副县长", "副市长", "副省长", "副总理", "代总理", "区长", "县长", "市长", "省长", "旗长",
    "州长", "盟长", "镇长", "乡长", "总理", "副书记", "书记", "副主任", "主任", "副主席", "主席", "检察长", "院长", "秘书长",
    "部长",
)
#: A person's name: 滕勇, 买买提明·卡德, 雪克来提·扎克尔 (names of some nationalities have a middle dot).
NAME = rf"(?:[{_CJK}]{{1,6}}(?:·[{_CJK}]{{1,10}}){{1,3}}|[{_CJK}]{{2,4}})"
#: "江干区人民政府区长 滕勇", "中共下城区委书记 陈卫强", "政协上城区第四届委员会主席 余 勇",
#: "国务院总理　李鹏", "省长:郝鹏", "市  长  买买提明·卡德", "自治区代主席 乌云其木格", "河北省省长 钮茂生(2002年1月24日)"
#: (the cleaner has removed the spaces: "中共下城区委书记陈卫强")
SPEAKER_LINE = re.compile(
    rf"^(?P<role>[{_CJK}()、,·]{{0,40}}?(?P<title>{'|'.join(SPEAKER_TITLES)}))[:]?"
    rf"(?P<name>{NAME}|[{_CJK}]{{5,6}})(?:\((?P<date>{DATE_PATTERN})\))?$"
)
#: A speaker's role on a line of its own, the name on the next one: "东莞市人民政府市长" ⏎ "吕成蹊".
SPEAKER_ROLE_LINE = re.compile(rf"^(?P<role>[{_CJK}()、,·]{{0,40}}?(?P<title>{'|'.join(SPEAKER_TITLES)}))$")
#: "——2014年1月20日在江干区第十四届人民代表大会第三次会议上", "——在区委十届三次全会上的报告",
#: "——在政协第四届杭州市上城区委员会第二次会议上的报告", and common elsewhere
#: "(2019年1月8日在西湖区第十六届人民代表大会第四次会议上)", "2001年2月14日在沈阳市第十二届人民代表大会
#: 第四次会议通过", "——1955年7月5日至6日在第一届全国人民代表大会第二次会议上", the speaker's name inside
#: the parentheses "(2021年1月25日在吉林省第十三届人民代表大会第四次会议上 韩俊)", the date after it
#: "在四川省第十一届人民代表大会第四次会议上(2011年1月18日)", or the speaker after it
#: "——2018年1月26日在海南省第六届人民代表大会第一次会议上海南省省长沈晓明"
MEETING_LINE = re.compile(
    rf"^(?:(?P<title>[^—–\-()]{{2,30}}?报告)\s*)?\(?(?:[—–\-]+\s*)?(?=在|\d|[{YEAR_DIGITS}])(?:在)?"
    rf"(?:(?P<date>{DATE_PATTERN}){_LATER_DAY}?|{_LOOSE_DATE})?[\s,]*"
    rf"(?:在|(?<=日))(?P<meeting>[^。!?;]{{2,80}}?(?:会议|全会|大会|常委会|会))"
    r"(?:上(?:的(?:工作)?(?:报告|讲话|发言)|作的报告|所作的报告|作(?:政府)?工作报告)?|(?:上)?通过|(?=\)|$))\)?"
    rf"(?:(?P<role>[{_CJK}、·]{{0,30}}?(?:{'|'.join(SPEAKER_TITLES)}))?[:]?(?P<name>{NAME})(?:讲话|作报告)?)??\)?"
    rf"(?:\((?P<date_after>{DATE_PATTERN})\))?$"
)
#: The first line of a meeting line that a line break cut: "——2014年2月19日在海口市第十五届人民代表大会"
#: (then "第五次会议上"), "**——2010年7月22日在佛山市第十三届**", "——在太原市第十二届".
#: The rest of such a line: "第五次会议上", "人民代表大会第四次会议上", "次会议上)".
MEETING_END = re.compile(r"^[^。!?;:,]{0,24}?(?:会议|全会|大会|会)(?:上|通过)[^。!?;:,]{0,12}\)?$")
MEETING_START = re.compile(rf"^\(?(?:[—–\-]+\s*)?(?:在)?(?:{DATE_PATTERN}|{_LOOSE_DATE})?在[^。!?;:]{{2,40}}$")
#: "(2017年12月29日)", "(2013年1月21日)", "二〇一九年一月十五日", with the speaker "(2005年1月16日 宋秀岩)"
#: or a note "(1999年12月29日,征求意见稿)"
DATE_LINE = re.compile(rf"^\(?(?P<date>{DATE_PATTERN}){_LATER_DAY}?(?:(?P<name>{NAME})|,[^()]{{1,12}})?\)?$")
#: "各位代表:", "同志们:", "各位委员、同志们:"
SALUTATION_LINE = re.compile(
    r"^(?:各位代表|各位委员|各位同志|同志们|代表们|委员们|各位来宾|同志们、朋友们)"
    r"(?:[、,](?:各位代表|各位委员|同志们|各位来宾|朋友们))*\s*[:!]?$"
)
#: The salutation word opening a paragraph: "各位代表!过去一年...", "各位代表,同志们!新的..."
SALUTATION_START = re.compile(r"^(?P<who>各位代表|各位委员|同志们|代表们|委员们)")
#: A report title: "政府工作报告", "## 政府工作报告(摘要)", "1990年政府工作报告", "重庆市人民政府工作报告",
#: "杭州市上城区第十四届人民代表大会常务委员会工作报告(摘要)",
#: "关于浙江省国民经济和社会发展第十个五年计划纲要的报告"
REPORT_TITLE = re.compile(r"(?:工作报告|的报告)(?:\((?:摘要|节选|摘登|摘编|全文)\))?$")
#: Markers of an abridged text in a title or header line.
ABSTRACT_MARK = re.compile(r"摘要|节选|摘登|摘编|节录")


def is_header_line(line: str) -> bool:
    """Meeting, date or speaker line of a report header."""
    return bool(MEETING_LINE.match(line) or DATE_LINE.match(line) or SPEAKER_LINE.match(line))


def starts_new_block(line: str) -> bool:
    """Whether ``line`` must start a new paragraph even if the previous line seems unfinished:
    an enumerated heading or item, a dash item, a salutation, a header line or a report title."""
    return bool(
        enumerator(line)
        or ITEM_SHI.match(line)
        or DASH_ITEM.match(line)
        or SALUTATION_LINE.match(line)
        or is_header_line(line)
        or REPORT_TITLE.search(line)
    )


def is_heading_shaped(line: str) -> bool:
    """A line that ends without punctuation because it is a heading, title or header line,
    not because a page break cut it: "一、2013年政府工作回顾", "(一)坚持“破”“立”同步，城中村改造进程加快",
    "2019年工作回顾", "江干区人民政府区长滕勇"."""
    if ends_sentence(line):
        return False
    e = enumerator(line)
    if e and len(line) <= 60:
        return True
    return is_bare_title(line) or is_header_line(line)
