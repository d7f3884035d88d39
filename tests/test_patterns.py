"""Each line-shape pattern on the real (cleaned) lines it is written for."""

import pytest

from reportlib.lang import patterns


@pytest.mark.parametrize(
    "line, style, number",
    [
        ("一、2013年政府工作回顾", "cn", "一"),
        ("十二、加强政府自身建设", "cn", "十二"),
        ("(一)坚持稳中求进,综合实力进一步增强", "cn_paren", "一"),
        ("(四)务实进取,学习实践,着力增强依法履职的能力水平", "cn_paren", "四"),
        ("1. 完成旧住宅小区改造面积14.69万平方米;实行10个老旧小区“小区管家”服务。", "arabic", "1"),
        ("12. 开展送演出进基层60场。", "arabic", "12"),
        ("(1)生活小区雨污分流改造项目。", "arabic_paren", "1"),
        ("第二部分 今后五年的主要任务", "part", "二"),
    ],
)
def test_enumerators(line, style, number):
    assert patterns.enumerator(line)[:2] == (style, number)


@pytest.mark.parametrize("line", ["1.5亿元用于民生", "2018年是贯彻党的十九大精神开局之年", "十大产业:指文化创意", "5G:第五代移动通信技术"])
def test_not_enumerators(line):
    assert patterns.enumerator(line) is None


@pytest.mark.parametrize(
    "line, date, meeting",
    [
        ("2014年1月20日在江干区第十四届人民代表大会第三次会议上", "2014年1月20日", "江干区第十四届人民代表大会第三次会议"),
        ("——在区委十届三次全会上的报告", None, "区委十届三次全会"),
        ("——在中共上城区委九届六次全体(扩大)会议上的报告", None, "中共上城区委九届六次全体(扩大)会议"),
        ("——在政协第四届杭州市上城区委员会第二次会议上的报告", None, "政协第四届杭州市上城区委员会第二次会议"),
        ("——在杭州市下城区第十五届人民代表大会第二次会议上", None, "杭州市下城区第十五届人民代表大会第二次会议"),
        # common elsewhere: the date and meeting in parentheses, or a Chinese-numeral date
        ("(2019年1月8日在西湖区第十六届人民代表大会第四次会议上)", "2019年1月8日", "西湖区第十六届人民代表大会第四次会议"),
        ("——二〇一九年一月八日在西湖区第十六届人民代表大会第四次会议上", "二〇一九年一月八日", "西湖区第十六届人民代表大会第四次会议"),
    ],
)
def test_meeting_line(line, date, meeting):
    m = patterns.MEETING_LINE.match(line)
    assert (m["date"], m["meeting"]) == (date, meeting)


@pytest.mark.parametrize(
    "line, role, name",
    [
        ("江干区人民政府区长滕勇", "江干区人民政府区长", "滕勇"),
        ("中共下城区委书记陈卫强", "中共下城区委书记", "陈卫强"),
        ("上城区人大常委会主任丁晓芳", "上城区人大常委会主任", "丁晓芳"),
        ("政协上城区第四届委员会主席余勇", "政协上城区第四届委员会主席", "余勇"),
        ("区委副书记、区长张三", "区委副书记、区长", "张三"),
    ],
)
def test_speaker_line(line, role, name):
    m = patterns.SPEAKER_LINE.match(line)
    assert (m["role"], m["name"]) == (role, name)


def test_header_and_salutation_lines():
    assert patterns.DATE_LINE.match("(2017年12月29日)")["date"] == "2017年12月29日"
    assert patterns.DATE_LINE.match("二〇一九年一月十五日")
    assert patterns.SALUTATION_LINE.match("各位代表:")
    assert patterns.SALUTATION_LINE.match("同志们:")
    assert not patterns.SALUTATION_LINE.match("各位代表!过去一年所取得的成绩来之不易")
    assert patterns.REPORT_TITLE.search("政府工作报告(摘要)")


@pytest.mark.parametrize(
    "line, shaped",
    [
        ("一、2013年政府工作回顾", True),
        ("二、深度聚焦我区发展不平衡不充分问题,精准发力谱写发展新篇章", True),
        ("2019年工作回顾", True),
        ("江干区人民政府区长滕勇", True),
        # a sentence cut by a page break (003), not a heading
        ("建议今年全区经济社会发展主要目标为:地区", False),
        ("十项为民办实事工程较好完成。", False),
    ],
)
def test_heading_shaped(line, shaped):
    assert patterns.is_heading_shaped(line) is shaped
