"""Header detection and metadata rules, on the seeds' header lines and on formats common elsewhere."""

import pandas as pd
import pytest

from reportlib.parse.clean import fold_width
from reportlib.parse.metadata import find_header_blocks, infer_metadata, is_bare_name, line_role, place_level, split_place

from .conftest import cases, load_text, squeeze


@pytest.mark.parametrize("case", cases("metadata_cases.csv", id=("kind", "input", "field", "line"),
                                       keep=("input", "line")))
def test_metadata_cases(corpus, case):
    """``report``: the column ``field`` of the bundled report ``input`` is ``expected`` (empty:
    the text does not state it), and ``line``, where given, is a line of that report's part of
    its file stating it; ``line_role``, ``is_bare_name``: the function of ``input``;
    ``split_place``: the ``field`` part of ``input``; ``place_level``: the level of ``input`` in a
    report holding ``line``."""
    kind, given, field, expected = case["kind"], case["input"], case["field"], case["expected"]
    if kind == "report":
        row = corpus.reports.set_index("report_id").loc[given]
        value = None if pd.isna(row[field]) else row[field]
        assert value == expected
        if case["line"]:
            raw = corpus.report(given).raw.text[row.raw_start : row.raw_end]
            assert squeeze(fold_width(case["line"])) in squeeze(fold_width(raw))
    elif kind == "split_place":
        assert dict(zip(("province", "city", "place"), split_place(given)))[field] == expected
    elif kind == "place_level":
        assert place_level(given, [case["line"]] if case["line"] else [])[0] == expected
    else:
        assert {"line_role": line_role, "is_bare_name": is_bare_name}[kind](given) == expected


BODY = (
    "各位代表:\n\n现在,我代表县人民政府向大会报告工作,请予审议。\n\n一、2018年工作回顾\n\n"
    "2018年是全面贯彻党的十九大精神的开局之年。一年来,全县经济保持平稳增长。\n\n"
    "二、2019年主要目标任务\n\n2019年全县经济社会发展的主要预期目标是:地区生产总值增长7%左右。\n"
)


def test_county_report_with_chinese_numeral_date(tmp_path):
    corpus = load_text(tmp_path, "政府工作报告\n\n——二〇一九年一月十五日在安吉县第十七届人民代表大会第三次会议上\n\n"
                                 "安吉县人民政府代县长 王某某\n\n" + BODY)
    row = corpus.reports.iloc[0]
    assert (row.report_id, row.place, row.date, row.speaker, row.speaker_title) == (
        "anji-2019-gov", "安吉县", "2019-01-15", "王某某", "代县长")
    assert (row.review_year, row.plan_year, row.report_type) == (2018, 2019, "government_work_report")


def test_title_and_speaker_without_meeting_line(tmp_path):
    corpus = load_text(tmp_path, "政府工作报告\n\n区委副书记、区长 张三\n\n" + BODY)
    row = corpus.reports.iloc[0]
    assert (row.title, row.speaker, row.speaker_title, row.plan_year) == ("政府工作报告", "张三", "区长", 2019)


def test_court_report_type(tmp_path):
    corpus = load_text(tmp_path, "杭州市上城区人民法院工作报告\n\n——在上城区第十四届人民代表大会第二次会议上\n\n"
                                 "(2019年1月22日)\n\n上城区人民法院院长 李某\n\n" + BODY)
    row = corpus.reports.iloc[0]
    assert (row.report_type, row.report_id, row.city, row.place) == ("court_work_report", "shangcheng-2019-court",
                                                                     "杭州市", "上城区")


def test_a_yearbook_file_is_split_at_each_header(corpus):
    texts = [p.text for r in corpus if r.source_file.startswith("004") for p in r.paragraphs]
    blocks = find_header_blocks(texts, [0] * len(texts))
    assert [b.roles for b in blocks] == [("title", "meeting", "date", "speaker")] * 4
    assert [texts[b.start] for b in blocks][2] == "政府工作报告(摘要)"


def test_body_lines_are_not_headers():
    texts = ["各位代表:", "现在,我代表上城区人民政府向大会报告工作,请予审议。", "2019年工作回顾",
             "(一)经济运行态势良好。全区实现地区生产总值增长6%。"]
    assert find_header_blocks(texts, [0] * 4) == []


def test_nothing_is_guessed():
    md = infer_metadata(["一年来,区委常委会坚持实谋至上,有效推动各项事业取得新成绩。"], [0], None)
    assert (md.place, md.date, md.speaker, md.report_type, md.review_year, md.plan_year, md.is_abstract) == (None,) * 7
    assert md.warnings and "no header" in md.warnings[0]


def test_parenthesised_meeting_line_with_date(tmp_path):
    corpus = load_text(tmp_path, "2019年西湖区人民政府工作报告\n\n(2019年1月8日在西湖区第十六届人民代表大会第四次会议上)\n\n"
                                 "区长 李某某\n\n" + BODY)
    row = corpus.reports.iloc[0]
    assert (row.report_id, row.date, row.meeting, row.speaker, row.speaker_title) == (
        "xihu-2019-gov", "2019-01-08", "西湖区第十六届人民代表大会第四次会议", "李某某", "区长")


def test_markdown_footnotes_and_a_meeting_over_two_days(tmp_path):
    """A document collection's layout: a footnote on the title, its note under a two-day date,
    and the State Council named mid-sentence (real case: national/1964-part.md)."""
    corpus = load_text(
        tmp_path,
        "**1964年政府工作报告[^1]**\n\n(一九六四年十二月二十一日、二十二日)\n\n<!-- 本文来自文献选编 -->\n\n"
        "[^1]: (根据中共中央文件刊印)\n    这是在第三届全国人民代表大会第一次会议上作的报告。\n\n周恩来\n\n各位代表:\n\n"
        "根据中共中央的决定,我代表国务院向全国人民代表大会报告政府工作。\n\n"
        "一九六五年国民经济计划的主要指标是:工农业总产值增长百分之十一左右。\n",
        name="1964-part.md",
    )
    row = corpus.reports.iloc[0]
    assert (row.title, row.place, row.level, row.date, row.plan_year) == (
        "1964年政府工作报告", "全国", "national", "1964-12-21", 1965)
    assert "no header" not in row.warnings
