"""The notebooks run headlessly through papermill; a failing notebook is reported, the others finish."""

import re

import nbformat
import pandas as pd
import pytest
from pypdf import PdfReader

from reportlib.run import batch, parameters
from reportlib.paths import notebooks_dir

pytestmark = pytest.mark.usefixtures("private_cache")

NOTEBOOKS = sorted(notebooks_dir().glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_committed_clean_with_parameters(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert "parameters" in code[0].metadata.get("tags", [])
    assert nb.metadata.kernelspec.name == batch.KERNEL_NAME
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_share_one_set_up_call_and_one_year(path):
    nb = nbformat.read(path, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    setup = code[1]
    # years select reports by reports.year, or (05, 06) the rows of targets set for those years
    assert setup.count("notebook.setup(") == 1 and ("years=years" in setup or "select_rows(" in setup)
    assert "load_corpus" not in setup and "set_style" not in setup
    every = "\n".join(code)
    # figures in both languages through one helper; years only through the set-up call (reports.year)
    assert "for lg in" not in every and "save_figure" not in every and "plt.subplots" not in every
    assert re.search(r"\[\"(?:plan_year|target_year|review_year)\"\]\.isin", every) is None
    assert every.count("notebook.save_both(") >= 2


def _failing_notebook(folder):
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("out_dir = None  # str or None: run folder")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("raise KeyError('no such report')")]
    nb.metadata["kernelspec"] = {"name": batch.KERNEL_NAME, "display_name": "Python (reportlib)", "language": "python"}
    path = folder / "00_broken.ipynb"
    nbformat.write(nb, path)
    return path


def test_main_job_runs_every_notebook_and_reports_a_failure(tmp_path):
    broken = _failing_notebook(tmp_path)
    run_dir = tmp_path / "run"
    _, results = batch.run_notebooks([broken, *NOTEBOOKS], run_dir, jobs=2)  # two at a time, as on 2 cores
    bad, *good = results
    assert not bad.ok
    assert "KeyError" in bad.error and "no such report" in bad.error and "cell" in bad.error
    assert bad.output.exists()  # the partial executed copy is kept
    assert all(r.ok for r in good), [r.error for r in good]
    overview = run_dir / "01_corpus_overview.ipynb"
    executed = nbformat.read(overview, as_version=4)
    assert any(c.get("outputs") for c in executed.cells if c.cell_type == "code")
    for name in ("01_report_sizes", "01_report_parts"):
        for lang in ("zh", "en"):
            for ext in ("pdf", "svg", "png"):
                assert (run_dir / "figures" / f"{name}_{lang}.{ext}").stat().st_size > 0
    reports = pd.read_csv(run_dir / "tables" / "01_reports.csv")
    assert len(reports) == 9 and reports.loc[0, "report_id"] == "jianggan-2014-gov"
    for name in ("02_target_heatmap", "02_ambition", "02_results_by_report_type"):
        for lang in ("zh", "en"):  # every figure of the growth-target notebook in both languages
            assert (run_dir / "figures" / f"{name}_{lang}.pdf").stat().st_size > 0
    for name in ("03_items_per_report", "03_domains_by_place", "03_selection", "03_quantified_by_domain"):
        for lang in ("zh", "en"):
            assert (run_dir / "figures" / f"{name}_{lang}.svg").stat().st_size > 0
    lists = pd.read_csv(run_dir / "tables" / "03_livelihood_lists.csv")
    plan = lists[lists.kind == "plan_list"].set_index("report_id")
    assert plan.loc["xiacheng-2018-gov", ["n_listed", "n_candidates", "n_to_adopt"]].tolist() == [12, 12, 10]
    for name in ("04_term_heatmap", "04_term_trends", "04_keyness_party_vs_government"):
        for lang in ("zh", "en"):
            assert (run_dir / "figures" / f"{name}_{lang}.pdf").stat().st_size > 0
    kwic = pd.read_csv(run_dir / "tables" / "04_kwic.csv")
    assert len(kwic) == 17 and set(kwic.term) == {"最多跑一次"}
    ambition = pd.read_csv(run_dir / "tables" / "02_ambition.csv")
    row = ambition[(ambition.report_id == "jianggan-2014-gov") & (ambition.indicator == "gdp")].iloc[0]
    assert (row.target, row.actual, row.ambition_pp) == (7.5, 7.5, 0.0)
    _check_achievement_and_escalation(run_dir, bundled=True)
    _check_every_figure_fits_a_page_in_both_languages(run_dir)


def _check_every_figure_fits_a_page_in_both_languages(run_dir):
    """Every figure of the run: PDF, SVG and PNG in Chinese and English, at most 7 in wide (a
    journal's double column) and 9 in tall."""
    pdfs = sorted((run_dir / "figures").glob("*.pdf"))
    stems = {p.stem.rsplit("_", 1)[0] for p in pdfs}
    assert len(stems) >= 18, stems
    for stem in stems:
        for lang in ("zh", "en"):
            for ext in ("pdf", "svg", "png"):
                assert (run_dir / "figures" / f"{stem}_{lang}.{ext}").stat().st_size > 0, (stem, lang, ext)
    for stem in stems:  # a caption next to each, to paste into the paper
        for lang in ("zh", "en"):
            assert (run_dir / "figures" / f"{stem}_{lang}.txt").read_text(encoding="utf-8").strip(), (stem, lang)
    sizes = (run_dir / "figures" / "01_report_sizes_zh.txt").read_text(encoding="utf-8")
    assert sizes == "各报告的篇幅(千字),按报告类型着色。9 份报告:江干区 2014、2020年;上城区 2013、2020年;下城区 2018年。\n"
    chains = (run_dir / "figures" / "06_target_chains_en.txt").read_text(encoding="utf-8")
    assert chains.startswith("Growth targets (%) of one year") and "1,670 reports of " in chains
    for pdf in pdfs:
        box = PdfReader(pdf).pages[0].mediabox
        assert float(box.width) <= 7 * 72 + 0.5 and float(box.height) <= 9 * 72 + 0.5, (pdf.name, box)


def _check_achievement_and_escalation(run_dir, bundled: bool):
    """Notebooks 05 and 06: real rows in their tables, every figure in both languages at most 7 in wide."""
    achieved = pd.read_csv(run_dir / "tables" / "05_achievement.csv")
    (row,) = achieved[(achieved.place == "浙江省") & (achieved.year == 2021) & (achieved.indicator == "gdp")
                      & (achieved.measure == "growth")].itertuples()
    assert (row.target, row.qualifier_kind, row.result, row.gap, row.met) == (6.5, "floor", 8.5, 2.0, True)
    assert (row.target_report_id, row.result_report_id) == ("zhejiang-2021-gov", "zhejiang-2022-gov")
    escalated = pd.read_csv(run_dir / "tables" / "06_escalation.csv", dtype={"place_code": str})
    (row,) = escalated[(escalated.place == "杭州市") & (escalated.year == 2021) & (escalated.indicator == "gdp")].itertuples()
    assert (row.parent, row.target, row.parent_target, row.escalation_pp) == ("浙江省", 7.0, 6.5, 0.5)
    if bundled:  # the bundled districts joined with the open panel: 全国 → 浙江省 → 杭州市 → 江干区 in 2014
        chains = pd.read_csv(run_dir / "tables" / "06_target_chains.csv")
        chain = chains[chains.chain == "江干区 2014"].sort_values("step")
        assert list(zip(chain.place, chain.target)) == [("全国", 7.5), ("浙江省", 8.0), ("杭州市", 8.5), ("江干区", 7.5)]
        assert set(chain.current_place) == {"上城区;钱塘区"}
    names = ("05_met_rates", "05_result_minus_target", "05_revisions", "06_target_chains", "06_escalation_by_level",
             "06_escalation_over_time")
    for name in names:
        for lang in ("zh", "en"):
            page = PdfReader(run_dir / "figures" / f"{name}_{lang}.pdf").pages[0]
            assert float(page.mediabox.width) <= 7 * 72 + 0.5, (name, lang, page.mediabox)


def test_parameters_reach_the_notebook(tmp_path):
    (overview,) = [p for p in NOTEBOOKS if p.name.startswith("01_")]
    result = batch.run_notebook(overview, tmp_path, {"places": ["上城区"], "years": [2013], "lang": "en"})
    assert result.ok, result.error
    reports = pd.read_csv(tmp_path / "tables" / "01_reports.csv")
    # years select by reports.year, the year of the ids: the four Shangcheng reports of January 2013
    assert list(reports.report_id) == ["shangcheng-2013-party", "shangcheng-2013-npc", "shangcheng-2013-gov",
                                       "shangcheng-2013-cppcc"]
    assert set(reports.year) == {2013} and set(reports.review_year) == {2012}
    en = "".join(PdfReader(tmp_path / "figures" / "01_report_parts_en.pdf").pages[0].extract_text().split())
    assert "ShangchengDistrict2013Governmentreport" in en and "上城区" not in en
    zh = "".join(PdfReader(tmp_path / "figures" / "01_report_parts_zh.pdf").pages[0].extract_text().split())
    assert "上城区2013政府工作报告" in zh  # both languages saved, whichever is shown


@pytest.mark.parametrize(
    "text, parsed",
    [("lang=en", ("lang", "en")), ("places=['上城区', '下城区']", ("places", ["上城区", "下城区"])),
     ("years=[2018, 2019]", ("years", [2018, 2019])), ("data_dir=None", ("data_dir", None))],
)
def test_parse_parameter(text, parsed):
    assert parameters.parse_parameter(text) == parsed


def test_parse_parameter_rejects_nonsense():
    with pytest.raises(batch.ReportLibError, match="name=value"):
        parameters.parse_parameter("lang")


def test_rhetoric_notebook_with_a_custom_term_list(tmp_path):
    (notebook,) = [p for p in NOTEBOOKS if p.name.startswith("04_")]
    terms = ["最多跑一次", "五水共治", "高质量发展"]
    result = batch.run_notebook(notebook, tmp_path, {"terms": terms, "kwic_term": "五水共治", "lang": "en"})
    assert result.ok, result.error
    tf = pd.read_csv(tmp_path / "tables" / "04_term_frequencies.csv")
    assert list(dict.fromkeys(tf.term)) == terms
    assert tf.set_index(["report_id", "term"]).loc[("xiacheng-2018-gov", "最多跑一次"), "count"] == 5  # the body: the glossary's entry not counted
    assert len(pd.read_csv(tmp_path / "tables" / "04_kwic.csv")) == 5


@pytest.mark.heavy
def test_notebooks_load_large_corpora_on_workers_with_the_cache(tmp_path):
    """jobs and cache reach load_corpus: the rhetoric notebook, which needs the texts, gives the
    same counts from a corpus tabulated by workers and cached as Parquet."""
    (notebook,) = [p for p in NOTEBOOKS if p.name.startswith("04_")]
    terms = ["最多跑一次", "五水共治"]
    for run in ("first", "cached"):
        result = batch.run_notebook(notebook, tmp_path / run, {"terms": terms, "kwic_term": "五水共治", "jobs": 2,
                                                               "cache": True, "lang": "en"})
        assert result.ok, result.error
        tf = pd.read_csv(tmp_path / run / "tables" / "04_term_frequencies.csv")
        assert tf.set_index(["report_id", "term"]).loc[("xiacheng-2018-gov", "最多跑一次"), "count"] == 5
    assert len(list((tmp_path / "cache" / "corpus").iterdir())) == 1
    with pytest.raises(Exception, match="jobs"):
        batch.run_notebooks([notebook], tmp_path / "bad", {"jobs": "many"})


@pytest.mark.corpus
def test_achievement_and_escalation_notebooks_on_the_development_corpus(tmp_path):
    """Notebooks 05 and 06 with ``data_dir`` on the development corpus (no panel added: the
    corpus holds those reports), tabulated once by two workers and read from the cache after."""
    from .test_dev_corpus import CORPUS

    if not CORPUS.is_dir():
        pytest.skip(f"the development corpus is not at {CORPUS}")
    chosen = [p for p in NOTEBOOKS if p.name.startswith(("05_", "06_"))]
    _, results = batch.run_notebooks(chosen, tmp_path, {"data_dir": str(CORPUS), "jobs": 2, "cache": True})
    assert all(r.ok for r in results), [r.error for r in results]
    _check_achievement_and_escalation(tmp_path, bundled=False)
    executed = nbformat.read(tmp_path / "05_target_achievement.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert "from 1661 reports (1661 in the corpus)" in printed
