"""Segmentation, term counts, slogans, KWIC and keyness on the seeds."""

import pytest

from reportlib.analysis import rhetoric as rh
from reportlib.lang.numbers import find_quantities

from .conftest import squeeze


@pytest.fixture(scope="module")
def seg():
    return rh.Segmenter()


def test_slogans_stay_one_token(seg):
    assert seg.cut("深化“最多跑一次”改革,推进五水共治和三改一拆,增强四个意识") == [
        "深化", "“", "最多跑一次", "”", "改革", ",", "推进", "五水共治", "和", "三改一拆", ",", "增强", "四个意识"]


@pytest.mark.parametrize("report_id", ["shangcheng-2020-gov", "jianggan-2020-gov", "xiacheng-2018-party",
                                       "xiacheng-2018-gov"])
def test_most_one_trip_is_counted_as_a_unit(corpus, seg, report_id):
    text = corpus.text(report_id)
    assert seg.cut(text).count("最多跑一次") == text.count("最多跑一次") > 0


def test_our_tokenizer_leaves_jiebas_global_one_alone(seg):
    import jieba

    seg.cut("最多跑一次")
    assert seg.tokenizer is not jieba.dt
    assert "最多跑一次" not in jieba.dt.FREQ or not jieba.dt.initialized


def test_a_user_dictionary_changes_the_segmentation():
    text = "奋力开启新时代全域中央商务区建设新征程"
    assert "全域中央商务区建设" not in rh.Segmenter().cut(text)
    assert "全域中央商务区建设" in rh.Segmenter(userdict=["全域中央商务区建设"]).cut(text)


def test_user_files(tmp_path):
    words = tmp_path / "mine.txt"
    words.write_text("# my terms\n全域中央商务区建设 10 n\n", encoding="utf-8")
    stops = tmp_path / "stop.txt"
    stops.write_text("征程\n", encoding="utf-8")
    s = rh.Segmenter(userdict=words, stopwords=stops)
    assert s.words("奋力开启全域中央商务区建设新征程") == ["奋力", "开启", "全域中央商务区建设"]
    assert s.version != rh.Segmenter().version
    with pytest.raises(rh.ReportLibError, match="no such dictionary"):
        rh.Segmenter(userdict=tmp_path / "missing.txt")


# Counts read from the texts (plain substring counts of the clean text; these terms cannot
# overlap another occurrence of themselves).
COUNTS = {
    ("最多跑一次", "shangcheng-2020-gov"): 4, ("最多跑一次", "jianggan-2020-gov"): 3,
    ("最多跑一次", "xiacheng-2018-party"): 3, ("最多跑一次", "xiacheng-2018-gov"): 5,
    ("三改一拆", "jianggan-2014-gov"): 3, ("高质量发展", "shangcheng-2020-gov"): 7,
    ("枫桥经验", "jianggan-2014-gov"): 2, ("五水共治", "shangcheng-2020-gov"): 2,
}


def test_term_frequencies(corpus):
    tf = rh.term_frequencies(corpus, ["最多跑一次", "三改一拆", "高质量发展", "枫桥经验", "五水共治"])
    got = tf.set_index(["term", "report_id"])["count"]
    for key, n in COUNTS.items():
        assert got[key] == n
    for row in tf.itertuples():  # counted in the body: no header lines, no glossary (名词解释)
        text = rh.body_text(corpus.report(row.report_id))
        assert row.count == text.count(row.term)
        assert row.per_10k == round(row.count / sum(1 for ch in text if not ch.isspace()) * 10_000, 4)
    # the glossary's entry "“最多跑一次”改革:…" counts only when asked for
    with_glossary = rh.term_frequencies(corpus, ["最多跑一次"], include_glossary=True).set_index("report_id")["count"]
    assert (with_glossary["xiacheng-2018-party"], with_glossary["xiacheng-2018-gov"]) == (4, 6)
    # raw texts agree once page breaks and spaces are removed
    r = corpus.report("xiacheng-2018-gov")
    assert squeeze(r.raw.text[r.paragraphs[0].raw_start : r.paragraphs[-1].raw_end]).count("最多跑一次") == 6


#: Where "最多跑一次" occurs, by part (read in the texts: the review's sections, the plan's,
#: the glossary's entry "“最多跑一次”改革:…"); the parts a report does not have are absent.
BY_PART = {
    "shangcheng-2020-gov": {"other": 0, "review": 3, "plan": 1, "livelihood": 0},
    "jianggan-2020-gov": {"plan": 3, "livelihood": 0},
    "xiacheng-2018-party": {"other": 0, "review": 2, "plan": 1},
    "xiacheng-2018-gov": {"other": 0, "review": 2, "plan": 3, "livelihood": 0},
}


def test_term_frequencies_by_part_add_up_to_the_report_counts(corpus):
    terms = ["最多跑一次", "三改一拆", "高质量发展", "枫桥经验", "五水共治"]
    by_part = rh.term_frequencies(corpus, terms, by="part")
    whole = rh.term_frequencies(corpus, terms).set_index(["report_id", "term"])
    sums = by_part.groupby(["report_id", "term"])[["count", "n_chars"]].sum()
    assert sums.index.sort_values().equals(whole.index.sort_values())
    for key, row in whole.iterrows():  # each unit's count and size add up to the report's
        assert (sums.loc[key, "count"], sums.loc[key, "n_chars"]) == (row["count"], row["n_chars"]), key
    assert set(by_part.part) == {"review", "plan", "livelihood", "other"}  # the glossary only when asked for
    glossary = rh.term_frequencies(corpus, ["最多跑一次"], by="part", include_glossary=True)
    in_glossaries = glossary[(glossary.part == "glossary") & (glossary["count"] > 0)]
    assert in_glossaries.set_index("report_id")["count"].to_dict() == {"xiacheng-2018-party": 1, "xiacheng-2018-gov": 1}
    trips = by_part[by_part.term == "最多跑一次"]
    for report_id, counts in BY_PART.items():
        got = trips[trips.report_id == report_id].set_index("part")["count"].to_dict()
        assert got == counts, report_id
        assert sum(counts.values()) == COUNTS[("最多跑一次", report_id)]
    assert trips[~trips.report_id.isin(list(BY_PART))]["count"].sum() == 0


def test_lexicon_categories(corpus):
    tf = rh.term_frequencies(corpus, category="environment")
    assert set(tf.category) == {"environment"} and "五水共治" in set(tf.term)
    with pytest.raises(rh.ReportLibError, match="no lexicon term has category"):
        rh.term_frequencies(corpus, category="nonsense")


def test_slogans_found_in_the_seeds(corpus):
    s = rh.slogans(corpus)
    totals = s.groupby("slogan")["count"].sum()
    assert (totals["五水共治"], totals["三改一拆"], totals["最多跑一次"]) == (5, 4, 17)
    assert set(s[s.slogan == "最多跑一次"].report_id) == {"shangcheng-2020-gov", "jianggan-2020-gov",
                                                         "xiacheng-2018-party", "xiacheng-2018-gov"}
    assert "一长五标" in set(s[s.kind == "numeral"].slogan)  # 垃圾桶“一长五标准”
    assert not s.slogan.str.contains("届").any()


def test_numerals_in_slogans_are_never_rewritten(corpus):
    from reportlib.lang.promises import promises
    from reportlib.parse.clean import clean

    for slogan in ("五水共治", "三改一拆", "最多跑一次", "四个意识"):
        assert any(slogan in r.text for r in corpus)  # the cleaned corpus keeps them as written
        assert [p.text for p in clean(f"深化“{slogan}”工作。").paragraphs] == [f"深化“{slogan}”工作。"]
        assert promises(f"深化“{slogan}”工作") == []  # and they are no promised quantities
    assert [q.value for q in find_quantities("五水共治")] == []


def test_kwic(corpus):
    k = rh.kwic(corpus, "枫桥经验", window=8)
    assert k.groupby("report_id").size().to_dict() == {"jianggan-2014-gov": 2, "shangcheng-2020-gov": 1,
                                                       "jianggan-2020-gov": 1, "xiacheng-2018-gov": 1}
    row = k[k.report_id == "xiacheng-2018-gov"].iloc[0]
    assert row.left.endswith("推进") and row.right.startswith("城市版建设")
    raw = corpus.report("xiacheng-2018-gov").raw.text
    assert raw[row.raw_start : row.raw_end] == "枫桥经验"


def test_keyness_party_against_government(corpus, tmp_path):
    k = rh.keyness(corpus, lambda r: r.metadata.report_type == "party_committee_report",
                   lambda r: r.metadata.report_type == "government_work_report", cache=tmp_path)
    top = k[k.favours == "a"].head(4)
    assert set(top.term) <= {"党建", "党员", "党组织", "干部", "价值观"}
    row = k.set_index("term").loc["党建"]
    assert (row.count_a, row.count_b) == (7, 0) and row.g2 > 20 and row.p_value < 1e-5
    # five more in the party reports' glossaries, counted only when asked for
    k = rh.keyness(corpus, lambda r: r.metadata.report_type == "party_committee_report",
                   lambda r: r.metadata.report_type == "government_work_report", cache=tmp_path, include_glossary=True)
    assert tuple(k.set_index("term").loc["党建", ["count_a", "count_b"]]) == (12, 0)
    assert (k.g2.abs().diff().dropna() <= 0).all()  # ordered by strength
    with pytest.raises(rh.ReportLibError, match="unknown report ids"):
        rh.keyness(corpus, ["nope"])


def test_tokens_are_cached(corpus, tmp_path, monkeypatch):
    first = rh.tokens(corpus, cache=tmp_path)
    assert len(list((tmp_path / "tokens").rglob("*.json"))) == len(corpus)
    monkeypatch.setattr(rh.Segmenter, "words", lambda self, text: pytest.fail("segmented again"))
    assert rh.tokens(corpus, cache=tmp_path) == first
    monkeypatch.undo()
    other = rh.Segmenter(userdict=["全域中央商务区建设"])  # another dictionary: another cache entry
    assert "全域中央商务区建设" in rh.tokens(corpus, other, cache=tmp_path)["xiacheng-2018-party"]


def test_figures_show_the_top_terms_and_the_table_keeps_all(corpus):
    rhetoric = rh
    from reportlib.show import figures, plots

    figures.set_style()

    freq = rhetoric.term_frequencies(corpus)
    used = freq[freq.groupby("term")["count"].transform("sum") > 0]
    top = rhetoric.top_terms(used, 5)
    means = used.groupby("term")["per_10k"].mean().sort_values(ascending=False)
    assert top == list(means.index[:5]) and len(used.term.unique()) > 20
    heat = plots.term_heatmap(used[used.term.isin(top)], corpus.reports, "zh")
    assert sorted(t.get_text() for t in heat.axes[0].get_yticklabels()) == sorted(top)  # in the lexicon's order
    trends = plots.term_trends(used[used.term.isin(top)], "en")
    (legend,) = trends.legends
    assert len(legend.get_texts()) == 5  # one legend for every panel, each term once
    colours = {}
    for ax in trends.axes:
        for line in ax.get_lines():
            assert colours.setdefault(line.get_label(), line.get_color()) == line.get_color()


def test_keyness_leaves_out_places_and_numerals_and_names_its_groups(corpus, tmp_path):
    from reportlib.show import figures, plots

    party = lambda r: r.metadata.report_type == "party_committee_report"  # noqa: E731
    government = lambda r: r.metadata.report_type == "government_work_report"  # noqa: E731
    k = rh.keyness(corpus, party, government, cache=tmp_path)
    everything = rh.keyness(corpus, party, government, cache=tmp_path, exclude=())
    # 下城 (a place), 十九 (the 19th congress), 明年 (next year) tell places and years apart
    for word in ("下城", "十九", "明年"):
        assert word in set(everything.term) and word not in set(k.term), word
    assert {"下城", "上城", "万元", "平方米"} <= rh.keyness_exclusions()  # places and units
    figures.set_style()
    fig = plots.keyness_chart(k, 5, "en", groups=("Party committee report", "Government report"))
    (legend,) = [ax.get_legend() for ax in fig.axes if ax.get_legend()]
    assert [t.get_text() for t in legend.get_texts()] == ["more frequent in Party committee report",
                                                          "more frequent in Government report"]
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "党组织 (dangzuzhi)" in labels  # no gloss in the lexicon: its pinyin
