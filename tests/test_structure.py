"""Sections from the heading hierarchy, parts, livelihood lists, glossaries and sentences."""

import pandas as pd
import pytest

from reportlib.parse.structure import detect_heading, heading_cue, opening_cue, split_sentences

from .conftest import cases, squeeze


def sections(corpus, report_id):
    s = corpus.sections
    return s[s.report_id == report_id].reset_index(drop=True)


def _none(value):
    return None if pd.isna(value) else value


@pytest.mark.parametrize("case", cases("structure_cases.csv", id=("kind", "report_id", "text", "review_year", "plan_year"),
                                       keep=("text", "number", "heading")))
def test_structure_cases(corpus, case):
    """``section``: the section of the bundled report whose heading line (``text``, as printed in
    the raw file) starts it has that level, style, number, heading and part; ``heading_cue``: the
    part a heading announces, given the years; ``detect_heading``: the heading a paragraph is
    or starts with (``heading_style`` empty: none)."""
    if case["kind"] == "section":
        raw = corpus.report(case["report_id"]).raw.text
        s = sections(corpus, case["report_id"])
        s = s[s.heading_style != "root"]
        line_starts = [raw.rfind("\n", 0, start) + 1 for start in s.raw_start]
        (row,) = [row for row, at in zip(s.itertuples(), line_starts) if raw.startswith(case["text"], at)]
        assert (row.level, row.heading_style, _none(row.number), _none(row.heading), row.part) == (
            case["level"], case["heading_style"], case["number"], case["heading"], case["part"])
    elif case["kind"] == "heading_cue":
        assert heading_cue(case["text"], review_year=case["review_year"], plan_year=case["plan_year"]) == case["part"]
    else:
        h = detect_heading(case["text"], case["markdown_level"] or 0)
        if case["heading_style"] is None:
            assert h is None
        else:
            assert (h.style, h.number, h.text, h.standalone) == (
                case["heading_style"], case["number"], case["heading"], case["standalone"])


def test_jianggan_2014_outline(corpus):
    s = sections(corpus, "jianggan-2014-gov")
    top = s[s.level == 1]
    assert list(top.number) == ["一", "二", "三", "四"]
    assert list(top.heading) == ["2013年政府工作回顾", "2014年政府工作思路和目标要求", "2014年主要工作安排", "全面深化政府自身建设"]
    assert list(top.part) == ["review", "plan", "plan", "plan"]
    first = s[s.parent_no == top.iloc[0].section_no]
    assert list(first.number) == ["一", "二", "三", "四", "五", "六"]
    assert first.iloc[0].heading == "坚持稳中求进,综合实力进一步增强"
    assert set(first.heading_style) == {"cn_paren"} and set(first.level) == {2}


def test_shangcheng_2020_part_headings_above_numbered_sections(corpus):
    s = sections(corpus, "shangcheng-2020-gov")
    top = s[s.level == 1]
    assert list(top.heading) == ["2019年工作回顾", "2020年重点工作"]
    assert list(top.part) == ["review", "plan"]
    plan_children = s[s.parent_no == top.iloc[1].section_no]
    assert plan_children.iloc[0].heading == "全力以赴优化营商环境,打造创新发展新高地"
    assert list(plan_children.number) == ["一", "二", "三", "四", "五"]


def test_party_report_run_in_headings_and_unlabelled_plan_part(corpus):
    """003: "(一)认真做好…各项工作。全面推进…" opens a section; "二、深度聚焦…" has no plan cue but
    its first paragraph "2018年是…开局之年" puts it in the plan."""
    s = sections(corpus, "xiacheng-2018-party")
    run_in = s[(s.level == 2) & (s.number == "一")].iloc[0]
    assert run_in.heading == "认真做好迎接党的十九大、学习宣传贯彻党的十九大精神各项工作"
    assert run_in.part == "review"
    second = s[(s.level == 1) & (s.number == "二")].iloc[0]
    assert second.heading.startswith("深度聚焦我区发展不平衡不充分问题") and second.part == "plan"
    glossary = s[s.part == "glossary"]
    assert list(glossary.heading) == ["《区委工作报告》名词解释"]


def test_markdown_headings_of_the_yearbook(corpus):
    """004: "### (一) …", "## (二) …", "#### (四) …" are one level despite their markdown."""
    s = sections(corpus, "shangcheng-2013-gov")
    numbered = s[s.heading_style == "cn_paren"]
    assert list(numbered.heading) == ["区域经济稳步发展", "环境品质稳步提升", "民生事业稳步改善", "自身建设稳步推进"]
    assert set(numbered.level) == {1}
    assert set(numbered.part) == {"review"}


@pytest.mark.parametrize(
    "report_id, first_words, n_paragraphs",
    [
        # 000: "一是…;二是…;…十是…" inside one paragraph
        ("jianggan-2014-gov", "各位代表!民生连着民心", 1),
        # 001: "1.建设…。2.加快…" run together in one paragraph
        ("shangcheng-2020-gov", "根据民生实事项目人大代表票决制度", 1),
        # 002: "(1)…(2)…" names only
        ("jianggan-2020-gov", "各位代表!新的一年", 1),
        # 003: lead, "1. …" ⏎ "2. …" one per line (12), and the closing sentence on the vote
        ("xiacheng-2018-gov", "办好民生实事项目。", 14),
    ],
)
def test_livelihood_lists_are_their_own_section(corpus, report_id, first_words, n_paragraphs):
    s = sections(corpus, report_id)
    (lv,) = s[s.part == "livelihood"].itertuples()
    p = corpus.paragraphs
    block = p[(p.report_id == report_id) & (p.section_no == lv.section_no)]
    assert block.iloc[0].text.startswith(first_words)
    assert len(block) == n_paragraphs
    assert set(block.part) == {"livelihood"}


def test_xiacheng_livelihood_block_holds_twelve_items_and_the_vote(corpus):
    p = corpus.paragraphs
    block = p[(p.report_id == "xiacheng-2018-gov") & (p.part == "livelihood")]
    assert block.iloc[1].text == "1.完成旧住宅小区改造面积14.69万平方米;实行10个老旧小区“小区管家”服务。"
    assert block.iloc[12].text == "12.开展送演出进基层60场。"
    assert block.iloc[13].text.startswith("对区人大代表票决确定的10件民生实事项目")


def test_review_mentions_of_projects_are_not_lists(corpus):
    p = corpus.paragraphs
    (row,) = p[p.text == "十项为民办实事工程较好完成。"].itertuples()
    assert row.part == "review"


def test_parts_of_reports_without_headings(corpus):
    """004's party abstract has no headings: the review, then its glossary (注释 …)."""
    p = corpus.paragraphs
    party = p[(p.report_id == "shangcheng-2013-party") & (p.kind != "header")]
    assert party.iloc[0].text.startswith("2012年是宏观经济形势错综复杂的一年")
    assert list(dict.fromkeys(party.part)) == ["review", "glossary"]
    assert not (p[p.report_id == "jianggan-2020-gov"].part == "review").any()


GLOSSARY_COUNTS = {"xiacheng-2018-party": 25, "xiacheng-2018-gov": 26, "shangcheng-2013-party": 31, "shangcheng-2013-gov": 15}


def test_glossary_entries(corpus):
    g = corpus.glossary
    assert g.groupby("report_id").size().to_dict() == GLOSSARY_COUNTS
    first = g[g.report_id == "xiacheng-2018-party"].iloc[0]
    assert (first.term, first.term_plain) == ("“1+10”重点项目", "1+10重点项目")
    assert first.definition.startswith("“1”即杭州中心项目,“10”即白石路拓宽改建")
    # "**注释 国家可持续发展实验区：**原名为…" -- the marker is not part of the term
    inline = g[g.report_id == "shangcheng-2013-party"].iloc[0]
    assert inline.term == "国家可持续发展实验区" and inline.definition.startswith("原名为“国家社会发展综合实验区”")
    # a page break inside a definition is mended: "…其中“5”指" ⏎⏎ "5条主要道路:延安路…"
    (entry,) = g[g.term == "“51131”南宋皇城街巷综保工程"].itertuples()
    assert "其中“5”指5条主要道路:延安路" in entry.definition
    assert not (g.term == "5条主要道路").any()
    # every entry's span is its term, the separator ":" and its definition (whitespace aside:
    # a definition continued over several lines is joined)
    for r in corpus:
        for row in g[g.report_id == r.report_id].itertuples():
            span = r.text[row.start : row.end]
            assert span.startswith(f"{row.term}:"), row.term
            assert squeeze(span[len(row.term) + 1 :]) == squeeze(row.definition), row.term


def test_sentences(corpus):
    s = corpus.sentences
    gov = s[s.report_id == "jianggan-2014-gov"]
    assert gov.iloc[0].text == "各位代表:"
    target = gov[gov.text.str.startswith("综合考虑发展趋势和目标导向")].iloc[0]
    assert target.text.endswith("计划生育率96%以上。") and target.part == "plan"
    assert "服务业增加值增长8%;" in target.text  # "8 %" in the raw text


@pytest.mark.parametrize(
    "text, expected",
    [("各位代表!过去一年成绩来之不易。“零进京”“零登记”。", ["各位代表!", "过去一年成绩来之不易。", "“零进京”“零登记”。"]),
     ("一是新开工建设安置房50万平方米;二是新增公共停车泊位1500个以上", ["一是新开工建设安置房50万平方米;二是新增公共停车泊位1500个以上"])],
)
def test_split_sentences(text, expected):
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_opening_paragraph_cues():
    """The part of a paragraph opening a report or a top-level section: its leading year against
    the date, else its words; the opening formula is "other"."""
    assert opening_cue("2012年是宏观经济形势错综复杂的一年", date="2013-01-05") == "review"
    assert opening_cue("2018年是贯彻党的十九大精神开局之年", date="2017-12-29") == "plan"
    assert opening_cue("现在,我代表区人民政府向大会报告工作,请予审议") == "other"
