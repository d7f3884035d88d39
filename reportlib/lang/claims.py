"""Quantified claims about indicators in one sentence: the grammar shared by targets and results.

A claim is an indicator with a value (or a qualitative statement) as a report writes it:

=====================================================  =========================================
sentence                                               claims
=====================================================  =========================================
地区生产总值420亿元,增长7.5%                              gdp level 420 亿元; gdp growth 7.5 %
财政总收入、地方财政收入增长6%                             two claims sharing 6 % (shared value)
财政总收入152亿元、一般公共预算收入82亿元,分别增长11.71%、9.27%   two levels, then two growths in order (分别)
全社会固定资产投资增长10%以上                              growth 10 %, qualifier 以上 (floor)
万元工业增加值能耗下降4%                                   industrial_energy_intensity, decrease 4 %
失业率控制在4.5%以内                                       level 4.5 %, qualifier 控制在…以内 (ceiling)
增长6%—6.5%                                               range 6 – 6.5
其中五大产业增加值增长8%                                   other (五大产业增加值), a sub-claim (其中)
城镇新增就业人数和固定资产投资指标完成上级下达任务           two qualitative claims
比上年(指2011年,下同)增长7.0%                             the parenthesis is not a value
=====================================================  =========================================

The sentence is split into segments at ``;`` and clauses at ``,`` (never inside brackets or
quotes). A clause without an indicator of its own continues the last one named in its
segment (``…420亿元,增长7.5%``); ``分别`` distributes a list of values over the indicators
named before it in the segment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import indicators
from .numbers import Quantity, find_quantities, units
from .chars import HAN, LIANG, ORDINALS

_BRACKET = r"(?:\(\s*\))?"  # a parenthesis blanked by mask_brackets: 比上年(指2011年,下同)增长
#: Verbs of change, with an optional aim and comparison: 力争增长, 同比增长, 比上年增长, 同口径分别增长
_CHANGE = re.compile(
    rf"(?P<aim>力争|确保|争取)?(?:(?:按|同比|比上年|较上年|比去年|(?<![可对相])(?:比|较)(?!重|例|价)[^,;:。、]{{1,14}}?|同口径|分别|年均|平均每年|每年|平均|均|实际|名义|累计)"
    rf"{_BRACKET})*"
    r"(?P<verb>增长|下降|降低|减少|削减|减排|提高|提升|回落|上涨|增加|上升|下调|涨幅)(?:幅度)?(?:为|达到|达)?(?:近|约)?$"
)
_DECREASE = {"下降", "降低", "减少", "削减", "减排", "回落", "下调"}
#: Verbs before a level: 实现420亿元, 达到300亿元, 为97.8%, 控制在4.5%以内
_LEVEL_VERB = re.compile(
    r"(?P<aim>力争|确保|争取)?(?:分别)?(?P<verb>实现|完成|达到|达|为|突破|超过|超|保持在|控制在|稳定在|低于|不低于|不少于|"
    r"不超过|不高于|高于|(?:提高|提升|增加|增长|跃升|上升|扩大|下降|降低|减少|回落)(?:到|至)|跃上|跨上|迈上|跨过|越过|降至|降到|升至|处于)"
    r"(?:\d{4}年的?|“十.五”末的?)?(?:近|约)?$"
)
_AIM_ONLY = re.compile(r"(?P<aim>力争|确保|争取)$")
#: A multiple of a base: "是2000年的2.2倍", "是“十五”末的2.6倍" (a growth over several years).
_MULTIPLE = re.compile(r"(?:是|为|相当于)[^,;:。、]{1,12}?的$")
_BARE_MEASURES = ("增加值", "总量", "总额")
#: After a value that continues the last indicator, a noun means it counts something else.
_OTHER_NOUN_AFTER = re.compile(r"(?!左右|上下|以上|以下|以内|之内|增长|下降|比|同比|较|和|及|与|是|为|的|占|、|,|;|。|:)[" + HAN + "]")
#: Words opening a clause that are not part of the indicator's name.
_LEAD = re.compile(
    r"^(?:[—–]+|(?:全力|努力|奋力)?(?:争取|力争|确保)|努力|[" + ORDINALS + "]+是|按[^,;:]{0,6}(?:口径|计算)|扣除[^,;:]{0,8}?后|“十.{0,2}五”(?:时期|期间)?|年均|年末|前三季度|上半年|(?:过去|近)?[五三两十](?:年来|年间|年)|去年|上年|当年|我省|我市|我区|我县|本市|本区|本县|其中|全年|预计|今年|明年|全区|全县|全市|共|累计|实现|完成|力争|确保|争取|同时|此外|并|且|另外|"
    r"\d{4}年|全年预计|预计全年|\(\s*\))+"
)
_TRAILING_CHANGE = re.compile(r"(?:实际)?(?:增长|下降|提高|降低|增加|减少)$")
_QUALIFIER_AFTER = re.compile(r"^(?P<q>左右|上下|以上|以下|以内|之内|内)")
_FLOOR_BEFORE = ("不低于", "不少于", "超过", "高于", "突破", "超", "跨上", "迈上", "跨过", "越过")
_CEILING_BEFORE = ("不超过", "不高于", "低于", "控制在")
#: Who sets a target a report promises to meet: 国家, 省, 国家和省, 上级.
_AUTHORITY = r"(?:国家|中央|省|市|区|县|上级|省市)(?:[和、及]?(?:国家|省|市|区|县|上级))*"
#: Qualitative targets: "…完成上级下达任务", "完成省下达的节能减排任务" (the object named inside),
#: "…与经济增长同步", "“水、气、废”等环境指标持续优化", "进出口促稳提质", "两位数增长".
QUALITATIVE = re.compile(
    rf"(?:全面|确保|力争|努力)*完成(?:{_AUTHORITY}(?:下达|确定|考核|规定|控|定|达)?|下达|确定|考核|“[^”]{{1,8}}”规划|规划)(?:给我[省市区县])?的?(?:年度)?"
    r"(?P<obj>[^,;。]{0,20})(?:目标任务|目标要求|计划任务|任务|指标|目标)"
    rf"|控制在{_AUTHORITY}?(?:下达|确定|考核|规定|调控)?的?(?:目标|指标|范围|标准|计划)(?:以|之)?内?|控制在{_AUTHORITY}(?:定|规定)?标准"
    r"|(?:与|和)(?:经济增长|经济发展|GDP增长|生产总值增长|全国|全省)(?:基本)?(?:保持)?同步|同步增长|(?:增长)?快于经济增长|与上年持平|基本持平"
    r"|(?:保持)?基本平衡|继续(?:下降|降低|减少|改善|优化|提高|提升)"
    r"|持续(?:优化|改善|好转|下降|缩小|提升|提高)|稳步(?:提高|提升|增长|下降)|稳中有(?:升|增|降)|稳增提质|促稳提质|量稳质升|稳中提质"
    r"|稳定增长|恢复性增长|较快增长|两位数增长|翻一番|翻番"
    r"|保持(?:在)?(?:合理区间|基本稳定|稳定)|基本稳定|总体稳定|进一步(?:提高|优化|改善|下降|降低|减少|缩小|提升)"
    rf"|低于(?:全国|全省|全市|{_AUTHORITY})?的?(?:平均水平|上年水平)"
)
_QUALITATIVE_DOWN = re.compile(r"下降|降低|减少|缩小|稳中有降")
_QUALITATIVE_UP = re.compile(r"提高|提升|增长|同步|快于|稳中有[升增]|稳增|翻")  # 改善, 优化: level
_CIRCUMSTANCE = re.compile(r"^在.*(?:情况|背景|形势|前提|条件)下")
#: 占全区一般公共预算收入60.37%: a share, not the indicator's value (but 服务业增加值占地区生产总值比重
#: 提高1个百分点 names a share indicator).
_SHARE = re.compile(r"占(?!比)(?![^,;]*(?:比重|比例))[^,;]*$")
_PERCENT_UNITS = {"%", "‰", "个百分点", "百分点"}
_OPEN, _CLOSE = "(“《[", ")”》]"


@dataclass(frozen=True)
class Claim:
    """One indicator's value (or qualitative statement) in a sentence.

    ``start``/``end`` delimit the words that make the claim in the sentence: from where its
    indicator is named to the end of its value (or qualitative phrase).
    """

    indicator: str
    indicator_raw: str
    measure: str  # growth | level | qualitative
    direction: str  # increase | decrease | level
    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: str
    qualifier_kind: str  # point | approx | floor | ceiling | range | qualitative
    is_sub: bool
    start: int
    end: int


def split_outside_brackets(text: str, seps: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` between separators, ignoring separators inside brackets or quotes."""
    end = len(text) if end is None else end
    spans, depth, left = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            spans.append((left, i))
            left = i + 1
    spans.append((left, end))
    return [(a, b) for a, b in spans if b > a]


def mask_brackets(text: str) -> str:
    """``text`` with the content of round brackets blanked (same length): 比上年(指2011年,下同)增长."""
    out, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
            out.append(ch)
        elif ch == ")" and depth:
            depth -= 1
            out.append(ch)
        else:
            out.append(" " if depth else ch)
    return "".join(out)


#: A list whose last item sums it up is one indicator: "商贸、金融、文创、健康、信息五大产业",
#: "节能减排、水和大气环境质量等约束性指标".
_GROUP_NOUN = re.compile(rf"等|[{ORDINALS}{LIANG}]+(?:大|个|类|项)")
#: "一二三产业" (and 一、二、三产业): the primary, secondary and tertiary sectors.
_SECTORS = re.compile(r"^(?:第)?([一二三])、?([一二三])、?([一二三])?产(业)?(增加值)?$")


def _shared_head(part: str, last: str) -> str:
    """An elided item completed with the head it shares with the last item of the list:
    城、乡居民人均可支配收入 (城 -> 城居民人均可支配收入), 货物、服务进出口总额 (货物 -> 货物进出口总额),
    农业、规模以上工业、服务业增加值 (规模以上工业 -> 规模以上工业增加值); unchanged when no
    completion names a canonical indicator."""
    own = indicators.canonical(part)
    if own != "other":  # 规模以上工业 (itself industrial value added) + 增加值 of the last
        longer = [part + last[-j:] for j in (3, 2) if len(last) > j and last.endswith(("增加值", "总额", "收入"))]
        return next((c for c in longer if indicators.canonical(c) == own), part)
    candidates = [part + last[len(part):]] if len(last) > len(part) else []
    candidates += [part + last[-j:] for j in range(2, len(last))]
    return next((c for c in candidates if indicators.canonical(c) != "other"), part)


def _phrase_indicators(phrase: str, offset: int) -> list[tuple[str, str, int]]:
    """Indicators a phrase names: ``(indicator, raw, start)``. "财政总收入、地方财政收入" names two;
    "资源效率、环境效率和劳动生产率" three (other); "商贸、金融、文创、健康、信息五大产业" one (other)."""
    sectors = _SECTORS.match(phrase)
    if sectors:  # 一二三产业分别增长4%、10%和9%
        tail = "产业" + (sectors[5] or "")
        return [(indicators.canonical(f"第{n}{tail}"), f"第{n}{tail}", offset) for n in sectors.groups()[:3] if n]
    parts = [(a, b) for a, b in split_outside_brackets(phrase, "、和及与")]
    if len(parts) > 1:
        last = phrase[parts[-1][0] : parts[-1][1]]
        resolved = []
        for a, b in parts:
            part = phrase[a:b]
            if (a, b) != parts[-1]:
                part = _shared_head(part, last)
            resolved.append((part, a) + indicators.resolve(part))
        if "等" in last:  # "地区生产总值、公共财政预算收入等指标增幅…": about the group
            return [("other", phrase, offset)]
        listed = "、" in phrase and not _GROUP_NOUN.search(last)
        if any(r[2] != "other" for r in resolved) or listed:
            return [(ind, raw[:end] if ind != "other" else raw, offset + a) for raw, a, ind, end in resolved]
    indicator, end = indicators.resolve(phrase)
    return [(indicator, phrase[:end] if indicator != "other" else phrase, offset)]


_VERB_INSIDE = re.compile(rf"^([{HAN}]{{1,8}}?)(?:完成|实现)(增加值)$")
#: The base a change starts from, after the indicator: 国内生产总值[由4638亿元](增加到7670亿元).
_FROM_BASE = re.compile(rf"(?<=[{HAN}])(?:由|从)[^,;:。由从]*$")
#: Words that may close an indicator phrase without belonging to it: 均增长, 实现恢复性增长.
_TRAIL = re.compile(
    r"(?:\(\s*\)|均|都|分别|也|实现|保持|继续|有所|力争|确保|争取|要|预期|计划|预计|仍然|仍|依然|再次|首次|连续|一举|全年|共|总共|合计"
    r"|(?:五年|三年|[" + ORDINALS + "]+年)?累计|近|约|逾|连跨|跨上|迈上|跨过|在[^,;:]{1,20}(?:情况|形势|背景|条件)下)+$"
)


def _clean_phrase(text: str) -> tuple[str, int]:
    """Strip connectors, opening and closing words from an indicator phrase: (phrase, offset of
    its start)."""
    lead = 0
    m = re.match(r"^[、和及与,\s]+", text)
    if m:
        lead = m.end()
    m = _LEAD.match(text, lead)
    if m:
        lead = m.end()
    phrase = _TRAIL.sub("", _FROM_BASE.sub("", text[lead:].strip())).strip()
    phrase = _VERB_INSIDE.sub(r"\1\2", phrase)  # 工业完成增加值970亿元 -> 工业增加值
    start = lead + (len(text[lead:]) - len(text[lead:].lstrip()))
    plan = _PLAN_LEAD.match(phrase)
    if plan and indicators.canonical(phrase) == "other" and indicators.canonical(phrase[plan.end():]) != "other":
        return phrase[plan.end():], start + plan.end()  # 国家计划要求今年的国民生产总值
    return phrase, start


#: Words of an old-style plan before the indicator: "今年计划国内生产总值…", "国家计划要求今年的国民生产总值…".
_PLAN_LEAD = re.compile(r"^(?:[^,;:]{0,8}?(?:计划|要求|预计|预期|争取|力争))+(?:今年|明年|全年|本年)?的?")


def qualifier_of(before: str, after: str, prefix: str) -> tuple[str, str, int]:
    """``(qualifier, kind, length of the qualifier after the value)``."""
    m = _QUALIFIER_AFTER.match(after)
    word = m["q"] if m else ""
    pre = next((w for w in _CEILING_BEFORE + _FLOOR_BEFORE if before.endswith(w)), "")
    aim = prefix
    if word in ("左右", "上下") or before.endswith(("近", "约")):
        kind = "approx"
    elif word == "以上" or pre in _FLOOR_BEFORE:
        kind = "floor"
    elif word in ("以下", "以内", "之内", "内") or pre in _CEILING_BEFORE:
        kind = "ceiling"
    else:
        kind = "point"
    parts = [p for p in (aim, pre) if p]
    qualifier = "".join(parts) + ("…" if parts and word else "") + word
    return qualifier, kind, len(word)


@dataclass
class _Named:
    """An indicator named in a segment."""

    indicator: str
    raw: str
    start: int
    is_sub: bool


@dataclass
class _Segment:
    """What a segment (between semicolons) has said so far."""

    current: list[_Named]  # the indicators a clause without its own continues
    named: list[_Named]  # every indicator named, in order
    pending: list[_Named]  # indicators given a level but no growth yet (for 分别增长)
    last_measure: str | None = None


def parse_claims(sentence: str) -> list[Claim]:
    """Every claim in one (clean) sentence, in order.

    >>> [(c.indicator, c.measure, c.value, c.unit) for c in parse_claims("地区生产总值420亿元,增长7.5%;")]
    [('gdp', 'level', 420.0, '亿元'), ('gdp', 'growth', 7.5, '%')]
    """
    masked = mask_brackets(sentence)
    claims: list[Claim] = []
    carried: list[_Named] = []
    for seg_start, seg_end in split_outside_brackets(sentence, ";。"):
        # a segment that opens without naming an indicator goes on with the last one named:
        # "生产总值年均增长12.4%,五年翻了一番;2010年达到590.55亿元"
        seg = _Segment(list(carried), [], [])
        for c_start, c_end in split_outside_brackets(sentence, ",:", seg_start, seg_end):
            clause = masked[c_start:c_end]
            if not _CIRCUMSTANCE.match(clause.strip()):
                claims += _clause_claims(clause, c_start, seg)
        carried = seg.current
    claims = [c for c in claims if c.value is None or indicators.takes_unit(c.indicator, _unit_kind(c.unit))]
    return _split_total(_merge_aims(claims))


def _unit_kind(unit: str | None) -> str | None:
    return units().get(unit) if unit else None


def _split_total(claims: list[Claim]) -> list[Claim]:
    """"公共财政预算收入122.7亿元…其中地方公共财政预算收入54.8亿元": where a sentence names a
    budget revenue and its local (地方) part, the first is the total fiscal revenue."""
    local = {c.indicator_raw.split("地方", 1)[1] for c in claims
             if c.indicator == "general_budget_revenue" and "地方" in c.indicator_raw}
    if not local:
        return claims
    return [replace(c, indicator="fiscal_revenue_total")
            if c.indicator == "general_budget_revenue" and "地方" not in c.indicator_raw
            and any(c.indicator_raw.endswith(x) for x in local) else c for c in claims]


def _name(seg: _Segment, phrase: str, start: int, is_sub: bool) -> list[_Named]:
    names = [_Named(ind, raw, s, is_sub) for ind, raw, s in _phrase_indicators(phrase, start)]
    seg.current = names
    seg.named += names
    return names


def _clause_claims(clause: str, offset: int, seg: _Segment) -> list[Claim]:
    """The claims of one clause (``offset``: its start in the sentence), updating ``seg``."""
    is_sub = clause.lstrip().startswith("其中")
    quantities = [q for q in find_quantities(clause) if _is_value(q, clause)]
    if not quantities:
        out = []
        q = QUALITATIVE.search(clause)
        phrase, off = _clean_phrase(clause[: q.start()] if q else clause)
        if q:
            if _QUALITATIVE_DOWN.search(q.group()) or re.search(r"(?:下降|降低|减少)率?$", phrase):
                direction = "decrease"
            elif (_QUALITATIVE_UP.search(q.group()) and not q.group().startswith(("完成", "全面", "确保", "力争")))\
                    or re.search(r"(?:增长|提高|增加)$", phrase):
                direction = "increase"
            else:
                direction = "level"
            phrase = _TRAILING_CHANGE.sub("", phrase)
            # Only an indicator named here has a qualitative target: "…,全面完成省市下达的各项目标任务"
            # closes a list of targets and is about all of them, not about the last one; but
            # "完成省下达的节能减排任务" names its object inside.
            obj = q.groupdict().get("obj") or ""
            if not phrase and re.sub(r"各项|全年|年度|主要|约束性|目标|指标|任务|的", "", obj):
                phrase, off = obj, q.start("obj")
            names = _name(seg, phrase, offset + off, is_sub) if phrase else []
            out = [Claim(n.indicator, n.raw, "qualitative", direction, None, None, None, q.group(), "qualitative",
                         n.is_sub, n.start, offset + q.end()) for n in names]
        else:
            mentioned = indicators.mentioned(phrase)
            if mentioned:
                seg.current = [_Named(i, raw, offset + off + s, is_sub) for i, raw, s, _ in mentioned]
                seg.named += seg.current
        return out

    # 分别: a list of values, one per indicator named before ("分别增长11.71%、9.27%"); a list
    # joined by 和/、 is read the same way where the indicators can be paired with the values
    # ("达到21785元和9460元", "增长11.6%和16%" after "分别为825亿元和491亿元").
    listed = len(quantities) > 1 and all(
        re.fullmatch(r"(?:左右|上下|以上|以内)?[、和及与,\s]*", clause[a.end : b.start]) for a, b in zip(quantities, quantities[1:])
    )
    if listed:
        respectively = "分别" in clause
        before = clause[: quantities[0].start].rstrip()
        change = _CHANGE.search(before) or (_MULTIPLE.search(before) if quantities[0].unit == "倍" else None)
        verb = change or _LEVEL_VERB.search(before)
        n = len(quantities)
        phrase, off = _clean_phrase(before[: verb.start()] if verb else before)
        saved = (seg.current, list(seg.named))
        if phrase:  # "财政总收入和一般公共预算收入分别增长8%和7%"
            _name(seg, phrase, offset + off, is_sub)
            pool = seg.current if len(seg.current) == n else _urban_rural(seg.current, n)
        elif respectively:
            pool = seg.pending if change and len(seg.pending) == n else seg.named[-n:] if len(seg.named) >= n else []
        else:
            pool = seg.pending if change and len(seg.pending) == n else []
        if len(pool) == n and len({p.raw for p in pool}) == n:
            out = [_claim(name, q, clause, offset, before, change, None) for name, q in zip(pool, quantities)]
            last = out[-1]
            if last.qualifier_kind in ("approx", "floor", "ceiling") and all(c.qualifier_kind == "point" for c in out[:-1]):
                # 分别增长4%、9%和6%左右: the closing qualifier is about every value
                out = [replace(c, qualifier=last.qualifier, qualifier_kind=last.qualifier_kind) for c in out[:-1]] + [last]
            seg.pending = [] if change else list(pool)
            seg.last_measure = "growth" if change else "level"
            return out
        if respectively:
            return []  # cannot tell which value belongs to which indicator
        seg.current, seg.named = saved

    out: list[Claim] = []
    pos = 0
    for q in quantities:
        before = clause[pos : q.start].rstrip()
        q_after = _QUALIFIER_AFTER.match(clause[q.end :])
        after = q.end + (q_after.end() if q_after else 0)
        if _SHARE.search(before):  # 占全区一般公共预算收入60.37%: a share, not a value
            pos = after
            continue
        change = _CHANGE.search(before) or (_MULTIPLE.search(before) if q.unit == "倍" else None)
        level_verb = None if change else _LEVEL_VERB.search(before)
        aim = None if change or level_verb else _AIM_ONLY.search(before)
        verb = change or level_verb or aim
        phrase, off = _clean_phrase(before[: verb.start()] if verb else before)
        if not phrase and _OTHER_NOUN_AFTER.match(clause, after):
            pos = after  # "增长6.2%,470个项目开工": the number counts something else
            continue
        if phrase in _BARE_MEASURES and len(seg.current) == 1:
            phrase = ""  # "第三产业发展加速,完成增加值880亿元": the value of the indicator just named
        names = _name(seg, phrase, offset + pos + off, is_sub) if phrase else seg.current
        if not names:
            pos = after
            continue
        if not change and not level_verb and not phrase and seg.last_measure == "growth" and is_percent(q.unit):
            change = aim  # "确保增长7%,力争8%": the second value continues the growth
        out += [_claim(name, q, clause, offset, before, change, verb) for name in names]
        if change:
            seg.pending = [p for p in seg.pending if p not in names]
            seg.last_measure = "growth"
        else:
            seg.pending += [n for n in names if n not in seg.pending]
            seg.last_measure = "level"
        pos = after
    return out


def _urban_rural(names: list[_Named], n: int) -> list[_Named]:
    """城乡居民收入分别增长8%和9%: one 城乡 indicator stands for its urban and rural halves."""
    if n == 2 and len(names) == 1 and "城乡" in names[0].raw:
        one = names[0]
        return [_Named(one.indicator, one.raw.replace("城乡", side, 1), one.start, one.is_sub) for side in ("城镇", "农村")]
    return []


def _claim(name: _Named, q: Quantity, clause: str, offset: int, before: str, change, verb) -> Claim:
    aim = verb["aim"] if verb is not None and verb.re.groupindex.get("aim") and verb["aim"] else ""
    if change is not None and change.re is _CHANGE:
        measure = "growth"
        direction = "decrease" if change["verb"] in _DECREASE else "increase"
    elif change is not None:  # a multiple of a base (是2000年的2.2倍), an aim continuing a growth
        measure, direction = "growth", "increase"
    elif name.raw.endswith(indicators.RATE_SUFFIXES) and is_percent(q.unit):
        measure, direction = "growth", "increase"  # 居民消费价格涨幅控制在3%, 经济增长速度8%
    else:
        measure, direction = "level", "level"
    qualifier, kind, qlen = qualifier_of(before, clause[q.end :], aim)
    if q.value_high is not None:
        kind = "range"
    return Claim(name.indicator, name.raw, measure, direction, q.value, q.value_high, q.unit, qualifier, kind,
                 name.is_sub, min(name.start, offset + q.start), offset + q.end + qlen)


#: A base value a change starts from: 从2007年的3340亿元(跃上7000亿元), 由上年的439亿元(跃升到555.5亿元).
_BASE = re.compile(r"(?:从|由)(?:\d{4}年|上年|去年|“十.五”末|[^,;:。]{0,6}末)?的?(?:不到|近|约)?$")


def _is_value(q: Quantity, clause: str) -> bool:
    """A quantity that can be an indicator's value: it has a unit, and is not a year, an
    ordinal or the base a change starts from."""
    if _BASE.search(clause[: q.start]) and re.match(
            r"(?:[、和][\d.]+[^\d,;:。、]{0,3})*(?:[^,;:。\d]{0,4}?)(?:提高|提升|增加|增长|跃升|跃上|上升|扩大|下降|降低|减少|到|至)",
            clause[q.end :]):
        return False
    if q.unit is None and re.search(r"指数(?:为|控制在|保持在|达到|在)?$", clause[: q.start]):
        return 50 <= q.value <= 200  # 居民消费价格指数103左右: an index, without a unit
    if q.unit is None or q.unit not in units():
        return False
    if q.chinese and q.value == 1 and units()[q.unit] == "count":
        return False  # 一个千亿级台阶, 一批
    if clause[max(0, q.start - 1) : q.start] == "第":
        return False
    return not (q.unit in ("年",) or clause[q.end : q.end + 1] in ("年", "月"))


def _merge_aims(claims: list[Claim]) -> list[Claim]:
    """"确保增长7%,力争8%" is one target: a range from the assured to the aimed value."""
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        if (prev and prev.indicator_raw == c.indicator_raw and prev.measure == c.measure and prev.value is not None
                and c.value is not None and prev.value_high is None and c.value > prev.value and prev.unit == c.unit
                and (prev.qualifier.startswith("确保") or prev.qualifier_kind == "point") and c.qualifier.startswith("力争")):
            out[-1] = Claim(prev.indicator, prev.indicator_raw, prev.measure, prev.direction, prev.value, c.value,
                            prev.unit, "确保…力争" if prev.qualifier.startswith("确保") else "…力争", "range", prev.is_sub, prev.start, c.end)
            continue
        out.append(c)
    return out


def is_percent(unit: str | None) -> bool:
    return unit in _PERCENT_UNITS
