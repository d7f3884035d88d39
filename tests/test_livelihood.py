"""Livelihood projects: items in every list style, the list's frame, domains and quantities."""

import warnings

import pytest

import reportlib
from reportlib.tables.livelihood import classify, inline_items


def items(corpus, report_id):
    li = corpus.livelihood
    return li[li.report_id == report_id].reset_index(drop=True)


def frame(corpus, report_id, kind="plan_list"):
    ll = corpus.livelihood_lists
    (row,) = ll[(ll.report_id == report_id) & (ll.kind == kind)].itertuples()
    return row


def test_jianggan_2014_ten_items_in_one_paragraph(corpus):
    """000: "一是…;二是…;…十是…" inside one paragraph, chosen by the government."""
    it = items(corpus, "jianggan-2014-gov")
    assert list(it.item_no) == list(range(1, 11)) and list(it.marker[:3]) == ["一是", "二是", "三是"]
    assert it.text[0] == "新开工建设安置房50万平方米、竣工40万平方米,回迁安置5000套以上"
    assert it.text[1] == "新增公共停车泊位1500个以上"
    assert it.text[9] == "开展普及性应急救护培训10000人次、红十字现场救护员培训800人次。"
    assert set(it.selection) == {"government"} and it.title.isna().all()
    assert list(it.domain[:3]) == ["housing", "transport_parking", "environment_water"]
    row = frame(corpus, "jianggan-2014-gov")
    assert (row.n_listed, row.selection) == (10, "government")
    assert "梳理出一批事关群众切身利益的实事" in row.statement


def test_shangcheng_2020_twelve_candidates_by_vote(corpus):
    """001: "1.建设…。2.加快…" run together in one paragraph; the deputies vote."""
    it = items(corpus, "shangcheng-2020-gov")
    assert len(it) == 12 and set(it.selection) == {"deputies_vote"}
    assert it.title[0] == "建设“美好家园”"
    assert it.text[0].startswith("建设“美好家园”。加快老旧小区微更新,开工110万平方米")
    assert it.text[0].endswith("全区新增车位1700个。")
    assert it.text[11] == "建设智慧餐饮共治平台。实现餐饮食品安全的智能管理和风险智能预警。"
    assert (it.domain[1], it.domain[3], it.domain[4], it.domain[11]) == ("education", "elderly_care", "childcare",
                                                                         "food_safety")
    row = frame(corpus, "shangcheng-2020-gov")
    assert (row.n_listed, row.n_candidates, row.selection) == (12, 12, "deputies_vote")
    assert "形成2020年12个民生实事候选项目" in row.statement


def test_jianggan_2020_ten_names_by_vote(corpus):
    """002: "(1)…(2)…" names only; "四是" inside item (4) is a typo of the source, not a list."""
    it = items(corpus, "jianggan-2020-gov")
    assert list(it.item_no) == list(range(1, 11)) and list(it.marker[:2]) == ["(1)", "(2)"]
    assert it.title[0] == "生活小区雨污分流改造项目" and it.text[0] == "生活小区雨污分流改造项目。"
    assert it.text[3] == "四是老旧小区综合提升改造项目。"
    assert it.text[9] == "养老服务提升工程项目。"  # the closing sentence on the vote is not part of it
    row = frame(corpus, "jianggan-2020-gov")
    assert (row.n_listed, row.n_to_adopt, row.selection) == (10, 10, "deputies_vote")


def test_xiacheng_2018_twelve_candidates_ten_to_adopt(corpus):
    """003: "1. …" ⏎ "2. …" one per line after a page-broken lead."""
    it = items(corpus, "xiacheng-2018-gov")
    assert len(it) == 12 and list(it.marker[:2]) == ["1.", "2."]
    assert it.text[0] == "完成旧住宅小区改造面积14.69万平方米;实行10个老旧小区“小区管家”服务。"
    assert it.text[5] == "完成1200套临时租赁住房。"
    assert it.text[11] == "开展送演出进基层60场。"
    assert (it.domain[6], it.domain[9]) == ("health", "public_safety")
    row = frame(corpus, "xiacheng-2018-gov")
    assert (row.n_listed, row.n_candidates, row.n_to_adopt, row.selection) == (12, 12, 10, "deputies_vote")


def test_item_texts_are_verbatim_spans(corpus):
    from reportlib.parse.clean import fold_width

    for r in corpus:
        for row in items(corpus, r.report_id).itertuples():
            assert r.text[row.start : row.end] == row.text
            raw = "".join(fold_width(r.raw.text[row.raw_start : row.raw_end]).split())
            assert raw == "".join(row.text.split())


def test_review_statements(corpus):
    assert frame(corpus, "jianggan-2014-gov", "review_statement").statement == "十件为民办实事项目如期完成。"
    row = frame(corpus, "shangcheng-2013-gov", "review_statement")
    assert (row.statement, row.n_stated, row.n_listed) == ("十项为民办实事工程较好完成。", 10, 0)
    assert not (corpus.livelihood.report_id == "shangcheng-2013-gov").any()  # a mention gives no items


def test_quantities(corpus):
    q = corpus.quantities
    (park,) = q[(q.report_id == "jianggan-2014-gov") & (q.item_no == 2)].itertuples()
    assert (park.verb, park.object, park.value, park.unit, park.qualifier, park.text_span) == (
        "新增", "公共停车泊位", 1500, "个", "以上", "1500个")
    (care,) = q[(q.report_id == "shangcheng-2020-gov") & (q.item_no == 4) & (q.unit == "家")].itertuples()
    assert (care.verb, care.object, care.value, care.domain) == ("改造", "社区级居家养老服务照料中心", 10, "elderly_care")
    assert q.groupby("report_id").size().to_dict() == {"jianggan-2014-gov": 18, "shangcheng-2020-gov": 27,
                                                       "xiacheng-2018-gov": 25}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("确保年内完成:一是新增泊位100个;二是改造公厕5座;三是新建幼儿园2所。", ["新增泊位100个", "改造公厕5座", "新建幼儿园2所。"]),
        ("现提交大会审议:1.建设“美好家园”。加快改造。2.加快校舍建设。", ["建设“美好家园”。加快改造。", "加快校舍建设。"]),
        ("办好十件实事。(1)生活小区改造项目。(2)交通出行项目。对票选确定的实事,区政府将确保办好。",
         ["生活小区改造项目。", "交通出行项目。"]),
        ("①新建托育机构3家;②改造养老照料中心10家。", ["新建托育机构3家", "改造养老照料中心10家。"]),
        ("城市建设取得新进展,1.5亿元用于道路。", []),  # a decimal is not an item number
    ],
)
def test_inline_items(text, expected):
    assert [text[s:e] for _, _, s, e in inline_items(text)] == expected


def load_text(tmp_path, text):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportlib.ReportLibWarning)
        return reportlib.load_corpus(path)


HEAD = "各位代表:\n\n一、2019年工作回顾\n\n2019年,全县经济保持平稳增长。十件民生实事全面完成。\n\n二、2020年工作安排\n\n2020年是全面建成小康社会收官之年。\n\n"


def test_items_as_numbered_headings_under_a_livelihood_heading(tmp_path):
    """Common elsewhere: a part of its own, items as "(一)…" headings with their own paragraphs."""
    corpus = load_text(tmp_path, HEAD + "三、扎实办好十件民生实事\n\n经县人大代表票决,今年办好以下十件民生实事:\n\n"
                       "(一)教育提升工程\n\n新建幼儿园3所,改造中小学校舍2万平方米。\n\n"
                       "(二)养老服务工程\n\n新建居家养老服务照料中心12家。\n\n(三)道路畅通工程\n\n新增公共停车泊位800个。\n")
    it = corpus.livelihood
    assert list(it.title) == ["教育提升工程", "养老服务工程", "道路畅通工程"]
    assert it.text[1] == "养老服务工程\n新建居家养老服务照料中心12家。"
    assert list(it.domain) == ["education", "elderly_care", "transport_parking"]
    assert set(it.selection) == {"deputies_vote"}
    row = corpus.livelihood_lists[corpus.livelihood_lists.kind == "plan_list"].iloc[0]
    assert (row.n_listed, row.n_to_adopt) == (3, 10)


def test_items_as_paragraphs_with_a_domain_lead(tmp_path):
    """Common elsewhere: "1. 教育方面。…" paragraphs, in an appendix after the report."""
    corpus = load_text(tmp_path, HEAD + "各位代表,让我们共同努力!\n\n附件:2020年县政府民生实事项目\n\n"
                       "1. 教育方面。新建公办幼儿园2所,新增学位600个。\n\n2. 医疗卫生方面。改造乡镇卫生院3家。\n\n"
                       "3. 就业方面。新增城镇就业5000人。\n")
    it = corpus.livelihood
    assert list(it.title) == ["教育方面", "医疗卫生方面", "就业方面"]
    assert list(it.domain) == ["education", "health", "employment"]
    assert set(it.selection) == {"government"}
    q = corpus.quantities
    assert list(zip(q.item_no, q.value, q.unit)) == [(1, 2, "所"), (1, 600, "个"), (2, 3, "家"), (3, 5000, "人")]


def test_classify():
    assert classify("为80周岁以上老年人提供居家养老服务包") == ("elderly_care", ["elderly_care"])
    assert classify("建设智慧餐饮共治平台。实现餐饮食品安全的智能管理", "建设智慧餐饮共治平台")[0] == "food_safety"
    assert classify("开展主题活动") == ("other", ["other"])


def test_domain_matrix_and_comparisons(corpus):
    from reportlib.tables.livelihood import domain_matrix, quantified_by_domain, selection_comparison

    m = domain_matrix(corpus.livelihood)
    assert m.loc["江干区"].sum() == 20 and m.loc["下城区"].sum() == 12 and m.loc["上城区"].sum() == 12
    assert m.loc["下城区", "housing"] == 3 and m.loc["江干区", "housing"] == 4
    s = selection_comparison(corpus.livelihood).set_index("selection")
    assert (s.loc["deputies_vote", "reports"], s.loc["deputies_vote", "items"]) == (3, 34)
    assert (s.loc["government", "reports"], s.loc["government", "items"]) == (1, 10)
    q = quantified_by_domain(corpus.livelihood, corpus.quantities).set_index("domain")
    # Jianggan 2020 lists names only: its ten items carry no quantity
    assert q["items"].sum() == 44 and q["quantified_items"].sum() == 44 - 10 - 2
    assert q.loc["transport_parking", "quantities"] == 3


PLAN = ("各位代表:\n\n一、2019年工作回顾\n\n2019年,全县经济保持平稳增长。\n\n二、2020年工作安排\n\n"
        "2020年是全面建成小康社会收官之年。\n\n(一)增进民生福祉\n\n今年将办好以下十件民生实事:\n\n")


@pytest.mark.parametrize("end", ["。", ""])  # items as sentences, or as heading-like lines
def test_items_numbered_like_sections_after_a_lead(tmp_path, end):
    """Common elsewhere: "一、…二、…" items after the lead; the next section is not an item."""
    corpus = load_text(tmp_path, PLAN + f"一、新建幼儿园3所{end}\n\n二、新增停车泊位500个{end}\n\n三、改造老旧小区20个{end}\n\n"
                       "(二)加强社会治理\n\n推进平安建设。")
    it = corpus.livelihood
    assert list(it.text) == [f"新建幼儿园3所{end}", f"新增停车泊位500个{end}", f"改造老旧小区20个{end}"]
    assert list(it.domain) == ["education", "transport_parking", "housing"]
    s = corpus.sections
    assert s[s.heading == "加强社会治理"].part.tolist() == ["plan"]
