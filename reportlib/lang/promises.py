"""Quantified promises in one clause: a verb, the thing promised and a number with its unit
(新增公共停车泊位1500个以上), the grammar that commitments and livelihood quantities share.

>>> [(p.verb, p.object, p.value, p.unit) for p in promises_in("新建幼儿园3所,改造老旧小区20个")]
[('新建', '幼儿园', 3.0, '所'), ('改造', '老旧小区', 20.0, '个')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import claims as _claims
from .chars import ORDINALS
from .numbers import find_quantities, units

#: Verbs of a commitment, longest first: 新开工建设安置房50万平方米, 新增公共停车泊位1500个以上.
#: Words that are also nouns inside names (服务 in 服务中心, 安置 in 安置房) are left out.
_COMMITMENT_VERB = re.compile(
    "新开工建设|开工建设|改造提升|提升改造|升级改造|升级完善|回迁安置|新培育|实际利用|新开工|新改造|新改建|新增|新建|开工|竣工|"
    "建成|建好|完成|改造|升级|完善|实施|开展|推进|"
    "打造|培育|引进|招引|引育|交付|提供|创建|创成|安装|举办|承办|实现|发放|培训|扶持|设立|组织|启动|整治|配备|投入|"
    "吸引|签约|惠及|帮扶|筹集|出让|拆除|征收|征迁|收购|腾退|收储|清淤|保障|利用|认定|建立|覆盖|缩短|压缩|减免|补贴|资助|"
    "救助|走访|排查|化解|整改|开通|启用|迁建|加装|增配|接管|消除|扩绿|交地|建设|提升|治理|开设|新设|推出|招聘|选派|加快|培训"
)
#: A change or level verb right before the number: 金融业增加值增长13%以上, 比例分别达90%
_VALUE_VERB = re.compile(
    r"(?:分别|均|同比)?(?P<verb>增长|下降|减少|降低|提高|增加|突破|达到|达|控制在|保持在|超过|不低于|不超过|低于|高于|扩大到)$"
)
#: The noun after a quantity, up to punctuation or the next quantity: 13条[河道清淤和治理], 18条[道路]及5个…
_TAIL = re.compile(r"(?:\d[^,;:。、“”\d]*|[^,;:。、“”]*?(?=[及和与]?\d|[,;:。、“”]|$))")
_OBJECT_EDGES = re.compile(rf"^(?:[、和及与对为,\s]|[{ORDINALS}]+是|确保|力争|实现|全年)+|(?:[、和及与的\s]|分别|均|各)+$")


def _inside_quotes(text: str, pos: int) -> bool:
    return text.count("“", 0, pos) > text.count("”", 0, pos)


def _unbracket(text: str) -> tuple[str, list[int]]:
    """``text`` without bracketed asides, and the position in ``text`` of each kept character:
    新(改)建社区卫生服务中心(站)2个 -> 新建社区卫生服务中心2个."""
    kept, index, depth = [], [], 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif not depth:
            kept.append(ch)
            index.append(i)
    return "".join(kept), index


@dataclass(frozen=True)
class Promise:
    """A quantity a clause promises: 新增(verb) 公共停车泊位(object) 1500 个 以上."""

    verb: str
    object: str
    value: float
    value_high: float | None
    unit: str
    qualifier: str
    qualifier_kind: str
    start: int  # of the number, in the clause
    end: int


def promises(clause: str) -> list[Promise]:
    """The quantified promises of one clause. Quantities are counted ones written in Arabic
    digits: official documents write Chinese numerals for fixed expressions and names
    (十八届三中全会, 中央八项规定, 三个方面), which are not promises; ages (90岁以上老人) qualify
    a group rather than count it.

    >>> [(p.verb, p.object, p.value, p.unit, p.qualifier) for p in promises("二是新增公共停车泊位1500个以上")]
    [('新增', '公共停车泊位', 1500.0, '个', '以上')]
    """
    view, index = _unbracket(clause)
    out: list[Promise] = []
    verb = obj = ""
    pos = 0
    for q in find_quantities(view):
        if (q.chinese or q.unit not in units() or units()[q.unit] == "age" or _inside_quotes(view, q.start)
                or view[max(0, q.start - 1) : q.start] == "第"):
            continue
        before = view[pos : q.start]
        value_verb = _VALUE_VERB.search(before)
        first_verb = _COMMITMENT_VERB.search(before)
        if value_verb:  # 金融业增加值增长13%: the object precedes the verb
            verb, lead = value_verb["verb"], before[: value_verb.start()]
        elif first_verb and first_verb.end() == len(before.rstrip()) and _OBJECT_EDGES.sub("", before[: first_verb.start()]):
            verb, lead = first_verb.group(), before  # 红十字现场救护员培训800人次: a verb-final object
        elif first_verb:
            verb, lead = first_verb.group(), before[first_verb.end() :]
        else:
            lead = before  # 新增创新型平台10家、创新型企业400家: the verb carries over
        qualifier, kind, qlen = _claims.qualifier_of(before, view[q.end :], "")
        after = q.end + qlen
        tail = _TAIL.match(view, after).group()
        lead, tail = _OBJECT_EDGES.sub("", lead), _OBJECT_EDGES.sub("", tail)
        # Counted things follow a measure word (23条主干道, 13条河道); amounts follow their object.
        new_obj = (tail or lead) if units()[q.unit] == "count" else (lead or tail)
        obj = new_obj or obj  # "安置房50万平方米、竣工40万平方米": the object carries over
        out.append(Promise(verb, obj, q.value, q.value_high, q.unit, qualifier,
                           "range" if q.value_high is not None else kind, index[q.start], index[q.end - 1] + 1))
        pos = after + (len(tail) if new_obj == tail and tail else 0)
    return out


def promises_in(text: str) -> list[Promise]:
    """:func:`promises` of every clause of a longer text (an item, a sentence), with offsets in
    ``text``; clauses end at , ; : 。 outside brackets and quotes."""
    out = []
    for a, b in _claims.split_outside_brackets(text, ",;:。"):
        out += [replace(p, start=p.start + a, end=p.end + a) for p in promises(text[a:b])]
    return out
