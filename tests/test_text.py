"""Cleaning, page-break joins and the offset map back to the raw text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlib.parse.clean import assemble, clean, fold_width

from .conftest import seed


def paragraphs(raw: str) -> list[str]:
    return [p.text for p in clean(raw).paragraphs]


# (raw text, clean paragraphs): each case from a real line of the corpus or common elsewhere.
CASES = [
    # full-width punctuation and digits (common elsewhere): "7．5%" is 7.5%
    ("地区生产总值增长７．５％，服务业增加值增长８％。", ["地区生产总值增长7.5%,服务业增加值增长8%。"]),
    # 000: a space before % and between a number and its unit
    ("预计全年实现地区生产总值420亿元,增长7.5 %;", ["预计全年实现地区生产总值420亿元,增长7.5%;"]),
    # 004: grouped digits and spaces around numbers
    ("新增就业 27 321 人;计划生育符合率 98.3%。", ["新增就业27321人;计划生育符合率98.3%。"]),
    ("(2013 年 1 月 21 日)", ["(2013年1月21日)"]),
    # 004: a two-character name padded to three characters
    ("政协上城区第四届委员会主席 余 勇", ["政协上城区第四届委员会主席余勇"]),
    # 000: no-break spaces
    ("江干区人民政府区长 \xa0滕勇", ["江干区人民政府区长滕勇"]),
    # spaces between Latin words stay; separate numbers stay apart
    ("Special Reports", ["Special Reports"]),
    ("2013 2014", ["2013 2014"]),
    # 004: markdown residue
    ("## 政府工作报告(摘要)", ["政府工作报告(摘要)"]),
    ("**省创新型城区：**根据《浙江省人民政府关于建设创新型城市（县、区）的指导意见》规定。",
     ["省创新型城区:根据《浙江省人民政府关于建设创新型城市(县、区)的指导意见》规定。"]),
    # 002: web boilerplate
    ("您的位置:首页\n> 走进江干 > 前景目标\n前景目标\n\nProduced By 大汉网络 大汉版通发布系统", ["前景目标"]),
    # invisible characters
    ("最多\u200b跑一次\ufeff", ["最多跑一次"]),
    # a page break inside a sentence is mended, a heading is not joined to its body
    ("建议今年全区经济社会发展主要目标为:地区\n\n生产总值增长6%。", ["建议今年全区经济社会发展主要目标为:地区生产总值增长6%。"]),
    ("一、2017年工作回顾\n\n一年来,区委常委会坚持实谋至上。", ["一、2017年工作回顾", "一年来,区委常委会坚持实谋至上。"]),
    ("形成了以下12件候选项目:\n1. 完成旧住宅小区改造\n2. 全力推进校园建设", ["形成了以下12件候选项目:", "1.完成旧住宅小区改造", "2.全力推进校园建设"]),
    # Windows and old Mac line ends
    ("各位代表:\r\n\r\n现在,我代表区人民政府\r\n\r\n向大会报告工作。", ["各位代表:", "现在,我代表区人民政府向大会报告工作。"]),
]


@pytest.mark.parametrize("raw, expected", CASES)
def test_clean_cases(raw, expected):
    assert paragraphs(raw) == expected


def _real_paragraphs(prefix: str):
    raw = seed(prefix).read_text(encoding="utf-8")
    return raw, clean(raw).paragraphs


def test_page_break_join_in_003():
    """003: "…主要目标为:地区" ⏎⏎ "生产总值增长6%…" becomes one paragraph, mapped back to both lines."""
    raw, paras = _real_paragraphs("003")
    (p,) = [p for p in paras if "主要目标为:地区生产总值增长6%" in p.text]
    assert p.text.startswith("建议今年全区经济社会发展主要目标为:地区生产总值增长6%,其中五大产业增加值增长8%;")
    assert len(p.joins) == 1
    j = p.joins[0]
    assert raw[p.offsets[j - 2] : p.offsets[j - 1] + 1] == "地区"
    assert raw[p.offsets[j - 1] + 1 : p.offsets[j]] == "\n\n"  # the page break in the raw text
    assert raw[p.offsets[j] : p.offsets[j] + 4] == "生产总值"
    # mid-word breaks are mended too: "…组建区委宣讲团，区" ⏎⏎ "领导带头…"
    assert any("组建区委宣讲团,区领导带头赴街道" in q.text for q in paras)
    assert sum(len(q.joins) for q in paras) == 26


def test_page_break_join_in_004():
    """004: "…逐步企稳回升,全年" ⏎⏎⏎ "分别完成85.87亿元和54.10亿元" is one sentence again."""
    _, paras = _real_paragraphs("004")
    assert any("逐步企稳回升,全年分别完成85.87亿元和54.10亿元" in p.text for p in paras)


def test_headings_are_never_joined_in_the_corpus():
    for prefix in ("000", "001", "002", "003", "004"):
        _, paras = _real_paragraphs(prefix)
        for p in paras:
            for j in p.joins:
                assert not p.text[j:].startswith(("一、", "二、", "三、", "(一)", "(二)", "各位代表", "——"))


def _check_offsets(raw: str) -> None:
    text, offsets, spans = assemble(clean(raw).paragraphs)
    assert len(offsets) == len(text)
    assert all(a < b for a, b in zip(offsets, offsets[1:]))
    for ch, i in zip(text, offsets):
        if ch in " \n":
            assert raw[i].isspace() or raw[i] in "\u3000"
        else:
            assert fold_width(raw[i]) == ch


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_offsets_map_back_on_the_corpus(prefix):
    _check_offsets(seed(prefix).read_text(encoding="utf-8"))


_ALPHABET = st.sampled_from(list("各位代表增长亿元区委一二三、。,:;!？，：（）()１２３４５6789.%％ \u3000\xa0\n\r#*—“”abcAB\u200b"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200))
def test_offsets_always_map_back(raw):
    _check_offsets(raw)
