"""The coverage report (reportlib quality) on the bundled corpus."""

from reportlib.run import cli
from reportlib.analysis.quality import quality_report, states_gdp_target


def test_coverage_of_the_bundled_corpus(corpus):
    q = quality_report(corpus)
    total = q.shares.set_index(["level", "decade"]).loc[("all", "all")]
    assert total.reports == 9 and total.place == 1.0 and total.plan_year == 1.0
    # five reports state a GDP target in their main-targets sentence, and all five give one
    assert (total.n_gdp_target, total.gdp_target) == (5, 1.0)
    # the four 2013 Shangcheng reports set no main targets (nor does the party's 2013 report)
    failing = set(q.failures[q.failures.check == "targets_passage"].report_id)
    assert failing == {"shangcheng-2013-party", "shangcheng-2013-npc", "shangcheng-2013-gov", "shangcheng-2013-cppcc"}


def test_what_states_a_gdp_target():
    assert states_gdp_target("2020年全区经济社会发展的主要预期目标是:地区生产总值增长6%左右;", 2020)
    assert not states_gdp_target("2019年全区经济社会发展的主要预期目标是:地区生产总值增长6%左右;", 2020)
    assert not states_gdp_target("年初确定的主要预期目标是:地区生产总值增长7%,实际增长7.2%。", 2020)
    assert not states_gdp_target("今年经济社会发展的主要预期目标是:城镇新增就业1.2万人。", 2020)


def test_the_command_prints_the_table(capsys, tmp_path):
    assert cli.main(["quality", "--failures", str(tmp_path / "f.csv")]) == 0
    out = capsys.readouterr().out
    assert "| all | all | 9 | 100.0% (9) |" in out
    assert "shangcheng-2013-gov" in (tmp_path / "f.csv").read_text(encoding="utf-8")
