"""Livelihood projects: items in every list style, the list's frame, domains and quantities."""

import pandas as pd
import pytest

from reportlib.parse.clean import fold_width
from reportlib.lang.domains import classify
from reportlib.tables.livelihood import inline_items

from .conftest import cases, load_text, squeeze


def items(corpus, report_id):
    li = corpus.livelihood
    return li[li.report_id == report_id].reset_index(drop=True)


def frame(corpus, report_id, kind="plan_list"):
    ll = corpus.livelihood_lists
    (row,) = ll[(ll.report_id == report_id) & (ll.kind == kind)].itertuples()
    return row


@pytest.mark.parametrize("case", cases("livelihood_cases.csv", id=("kind", "report_id", "item_no", "text"),
                                       keep=("marker", "title", "text", "expected")))
def test_livelihood_cases(corpus, case):
    """``item``: the livelihood item ``item_no`` of the bundled report has that marker, title,
    domain, selection and text, the text the report prints right after the marker;
    ``inline_items``: the items :func:`inline_items` finds in ``text`` (``expected``, " | "
    between items); ``classify``: the domain of ``text`` (with ``title``) and its domains
    (``expected``, "|" between them)."""
    if case["kind"] == "item":
        li = corpus.livelihood
        (row,) = li[(li.report_id == case["report_id"]) & (li.item_no == case["item_no"])].itertuples()
        title = None if pd.isna(row.title) else row.title
        assert (row.marker, title, row.domain, row.selection, row.text) == (
            case["marker"], case["title"], case["domain"], case["selection"], case["text"])
        text = corpus.text(case["report_id"])
        assert text[row.start : row.end] == case["text"] and text[: row.start].endswith(case["marker"])
    elif case["kind"] == "inline_items":
        text = case["text"]
        expected = case["expected"].split(" | ") if case["expected"] else []
        assert [text[s:e] for _, _, s, e in inline_items(text)] == expected
    else:
        args = (case["text"], case["title"]) if case["title"] else (case["text"],)
        assert classify(*args) == (case["domain"], case["expected"].split("|"))


def test_jianggan_2014_ten_items_in_one_paragraph(corpus):
    """000: "一是…;二是…;…十是…" inside one paragraph, chosen by the government."""
    it = items(corpus, "jianggan-2014-gov")
    assert list(it.item_no) == list(range(1, 11)) and list(it.marker[:3]) == ["一是", "二是", "三是"]
    assert set(it.selection) == {"government"} and it.title.isna().all()
    row = frame(corpus, "jianggan-2014-gov")
    assert (row.n_listed, row.selection) == (10, "government")
    assert "梳理出一批事关群众切身利益的实事" in row.statement


def test_shangcheng_2020_twelve_candidates_by_vote(corpus):
    """001: "1.建设…。2.加快…" run together in one paragraph; the deputies vote."""
    it = items(corpus, "shangcheng-2020-gov")
    assert list(it.item_no) == list(range(1, 13)) and set(it.selection) == {"deputies_vote"}
    assert list(it.marker) == [f"{n}." for n in range(1, 13)]
    row = frame(corpus, "shangcheng-2020-gov")
    assert (row.n_listed, row.n_candidates, row.selection) == (12, 12, "deputies_vote")
    assert "形成2020年12个民生实事候选项目" in row.statement


def test_jianggan_2020_ten_names_by_vote(corpus):
    """002: "(1)…(2)…" names only; "四是" inside item (4) is a typo of the source, not a list."""
    it = items(corpus, "jianggan-2020-gov")
    assert list(it.item_no) == list(range(1, 11)) and list(it.marker[:2]) == ["(1)", "(2)"]
    assert it.text[3] == "四是老旧小区综合提升改造项目。"  # verbatim, the typo kept
    row = frame(corpus, "jianggan-2020-gov")
    assert (row.n_listed, row.n_to_adopt, row.selection) == (10, 10, "deputies_vote")


def test_xiacheng_2018_twelve_candidates_ten_to_adopt(corpus):
    """003: "1. …" ⏎ "2. …" one per line after a page-broken lead."""
    it = items(corpus, "xiacheng-2018-gov")
    assert list(it.item_no) == list(range(1, 13)) and list(it.marker[:2]) == ["1.", "2."]
    assert it.title.isna().all()
    row = frame(corpus, "xiacheng-2018-gov")
    assert (row.n_listed, row.n_candidates, row.n_to_adopt, row.selection) == (12, 12, 10, "deputies_vote")


def test_item_texts_are_verbatim_spans(corpus):
    for r in corpus:
        for row in items(corpus, r.report_id).itertuples():
            assert r.text[row.start : row.end] == row.text
            assert squeeze(fold_width(r.raw.text[row.raw_start : row.raw_end])) == squeeze(row.text)


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


def test_domain_matrix_and_comparisons(corpus):
    from reportlib.analysis.livelihood import domain_matrix, quantified_by_domain, selection_comparison

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


def test_the_list_frame_counts_and_is_no_promise(tmp_path):
    """"候选项目12个,提请本次大会票决确定10件": the candidates and the projects to adopt are the
    list's frame (livelihood_lists), not promises in commitments."""
    corpus = load_text(tmp_path, HEAD + "三、扎实办好民生实事\n\n根据民生实事项目人大代表票决制度,区政府广泛征集,形成"
                       "候选项目12个,提请本次大会票决确定10件:\n\n1. 新建幼儿园3所。\n\n2. 新增公共停车泊位800个。\n\n"
                       "3. 改造老旧小区20个。\n")
    row = corpus.livelihood_lists[corpus.livelihood_lists.kind == "plan_list"].iloc[0]
    assert (row.n_listed, row.n_candidates, row.n_to_adopt, row.selection) == (3, 12, 10, "deputies_vote")
    spans = list(corpus.commitments.text_span)
    assert not any("候选项目" in s or "票决确定" in s for s in spans), spans
    assert any("新建幼儿园3所" in s for s in spans)  # the items' own promises stay
