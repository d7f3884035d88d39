"""The list grammar (lang/lists.py) that the structure parser and the livelihood table share."""

import pytest

from reportlib.lang import lists

from .conftest import load_text


@pytest.mark.parametrize("paragraph, marker", [
    ("1. 教育方面。新建幼儿园2所。", ("arabic", 1, "1.", 3)),
    ("(一)城市交通。", ("cn_paren", 1, "(一)", 3)),
    ("十二是推进垃圾分类。", ("shi", 12, "十二是", 3)),
    ("②改造养老照料中心10家。", ("circled", 2, "②", 1)),
    ("|3|交通领域|持续推进交通拥堵点改造|", ("table", 3, "3", 3)),
    ("1.5亿元用于道路建设。", None),  # a decimal is no item number
    ("多是老旧小区。", None),  # 多 is no numeral
])
def test_item_marker(paragraph, marker):
    m = lists.item_marker(paragraph)
    assert (m and (m.style, m.number, m.text, m.end)) == marker
    if m:
        assert paragraph[: m.end].strip() == m.text or m.style == "table"


def test_inline_runs_one_style_numbered_from_one():
    text = "一是办好十件民生实事。集中力量办好十件民生实事。1.加强食品安全监管;2.改善基层医疗卫生服务;3.促进创业就业。"
    (run,) = lists.inline_runs(text)
    assert [(m.group().strip(), n) for m, n in run] == [("1.", 1), ("2.", 2), ("3.", 3)]


def test_a_list_after_a_shi_heading_is_found_by_its_numbers(tmp_path):
    """A paragraph that opens with "一是…" (its own point) and then lists the projects as
    "1.…;2.…;3.…" after their cue: the projects are the numbered run, not the 一是."""
    corpus = load_text(tmp_path, (
        "2016年政府工作报告\n\n"
        "二、2016年工作安排\n\n"
        "(五)持续改善民生。\n\n"
        "一是办好三件民生实事。市本级投入50.8亿元,着力保障和改善民生,集中力量办好三件民生实事。"
        "1.加强食品安全监管;2.改善基层医疗卫生服务;3.促进创业就业。\n\n"
        "二是完善社会保障体系。扩大五险一金覆盖面。\n"))
    li = corpus.livelihood
    assert list(li.text) == ["加强食品安全监管", "改善基层医疗卫生服务", "促进创业就业。"]
    assert list(li.marker) == ["1.", "2.", "3."]
    (row,) = corpus.livelihood_lists.itertuples()
    assert (row.kind, row.n_listed, row.n_to_adopt) == ("plan_list", 3, 3)
