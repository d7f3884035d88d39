"""The runner: parameter validation and casting, grids, timeouts, manifest, reproducible outputs."""

import json
from pathlib import Path

import nbformat
import numpy as np
import pytest

from reportlib import ReportLibError
from reportlib.run import batch, parameters
from reportlib.paths import bundled_data_dir, notebooks_dir

pytestmark = pytest.mark.usefixtures("private_cache")

NB = {p.name[:2]: p for p in notebooks_dir().glob("*.ipynb")}


def test_parameters_are_read_from_the_parameters_cell():
    params = parameters.notebook_parameters(NB["02"])
    assert list(params) == ["data_dir", "places", "years", "indicators", "lang", "jobs", "cache", "out_dir"]
    assert params["places"].types == ("list of str", "None")
    assert params["jobs"].types == ("int",) and params["cache"].types == ("bool",)
    assert params["lang"].types == ('"zh"', '"en"')


def test_a_parameter_comment_without_a_type_is_an_error(tmp_path):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell('lang = "zh"  # "zh" or "en": figure labels\nterms = None  # the terms to count')
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    nb.metadata["kernelspec"] = {"name": batch.KERNEL_NAME, "display_name": "Python (reportlib)", "language": "python"}
    path = tmp_path / "untyped.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(ReportLibError, match=r"untyped.ipynb: the comment of a parameter states no type(.|\n)*"
                                             r"terms = None  # the terms to count"):
        batch.check_parameters(path, {"lang": "en"})
    # notebook 04's terms: a list of terms or one lexicon category
    assert parameters.notebook_parameters(NB["04"])["terms"].types == ("list of str", "str", "None")


@pytest.mark.parametrize(
    "values, expected",
    [
        ({"places": "上城区"}, {"places": ["上城区"]}),  # one value where a list is taken
        ({"years": "2018"}, {"years": [2018]}),
        ({"years": (2018, np.int64(2020))}, {"years": [2018, 2020]}),  # tuples and numpy scalars: plain Python
        ({"data_dir": Path("/tmp/reports")}, {"data_dir": "/tmp/reports"}),
        ({"lang": "en", "places": None}, {"lang": "en", "places": None}),
    ],
)
def test_values_are_cast_to_plain_python(values, expected):
    assert batch.check_parameters(NB["02"], values) == expected


@pytest.mark.parametrize(
    "values, message",
    [
        ({"nonsense": 1}, "has no parameter 'nonsense'; it accepts:\n  data_dir = None"),
        ({"years": "abc"}, "years='abc' is not list of int or None"),
        ({"lang": "fr"}, "lang='fr' is not \"zh\" or \"en\""),
        ({"out_dir": "/tmp"}, "out_dir is set by the runner"),
    ],
)
def test_bad_parameters_are_refused_before_anything_runs(values, message, tmp_path):
    with pytest.raises(ReportLibError, match=message.replace("(", r"\(").replace(")", r"\)")):
        batch.run_notebooks([NB["02"]], tmp_path / "run", values)
    assert not (tmp_path / "run").exists()


def test_grid_parsing():
    assert parameters.parse_grid("places=上城区,下城区") == ("places", ["上城区", "下城区"])
    assert batch.expand_grid({"lang": ["zh", "en"], "years": [2018]}) == [
        {"lang": "zh", "years": 2018}, {"lang": "en", "years": 2018}]
    with pytest.raises(ReportLibError, match="name=v1,v2"):
        parameters.parse_grid("places")


def test_a_grid_runs_in_parallel_and_the_manifest_lists_every_output(tmp_path):
    """Issue 6: reportlib run --grid places=上城区,下城区,江干区 03_livelihood_projects.ipynb --jobs 2"""
    run_dir, results = batch.run_notebooks([NB["03"]], tmp_path / "run", grid={"places": ["上城区", "下城区", "江干区"]},
                                           jobs=2)
    assert [r.ok for r in results] == [True, True, True]
    manifest = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))
    assert [r["folder"] for r in manifest["runs"]] == ["places=上城区", "places=下城区", "places=江干区"]
    assert [r["parameters"] for r in manifest["runs"]] == [{"places": ["上城区"]}, {"places": ["下城区"]},
                                                          {"places": ["江干区"]}]
    for run in manifest["runs"]:
        paths = {o["path"] for o in run["outputs"]}
        assert f"{run['folder']}/03_livelihood_projects.ipynb" in paths
        assert f"{run['folder']}/figures/03_domains_by_place_en.pdf" in paths
        for o in run["outputs"]:
            assert len(o["sha256"]) == 64 and (run_dir / o["path"]).stat().st_size == o["bytes"]
    sums = dict(reversed(line.split()) for line in (bundled_data_dir().parent / "SHA256SUMS").read_text().splitlines())
    assert {Path(i["path"]).name: i["sha256"] for i in manifest["inputs"]} == sums
    assert manifest["status"] == "ok" and manifest["versions"]["papermill"]
    lists = (run_dir / "places=下城区" / "tables" / "03_livelihood_lists.csv").read_text(encoding="utf-8")
    assert "xiacheng-2018-gov" in lists and "jianggan" not in lists


def _sleeper(folder, seconds):
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("out_dir = None  # str or None: run folder")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(f"import time\ntime.sleep({seconds})")]
    nb.metadata["kernelspec"] = {"name": batch.KERNEL_NAME, "display_name": "Python (reportlib)", "language": "python"}
    path = folder / "09_sleeper.ipynb"
    nbformat.write(nb, path)
    return path


def test_a_hung_cell_is_stopped(tmp_path):
    (result,) = batch.run_notebooks([_sleeper(tmp_path, 60)], tmp_path / "run", cell_timeout=2)[1]
    assert not result.ok and "Timeout" in result.error and result.seconds < 40


def test_a_hung_notebook_is_killed_by_the_outer_timeout(tmp_path):
    (result,) = batch.run_notebooks([_sleeper(tmp_path, 60)], tmp_path / "run", timeout=8, cell_timeout=120)[1]
    assert not result.ok and result.error == "timed out after 8 s and was stopped"


@pytest.mark.heavy
def test_two_runs_give_identical_tables_and_figures(tmp_path):
    outputs = []
    for k in ("a", "b"):
        run_dir, results = batch.run_notebooks([NB["01"]], tmp_path / k)
        assert results[0].ok
        outputs.append(sorted(p.relative_to(run_dir) for p in run_dir.glob("*/*") if p.parent.name in
                              ("figures", "tables")))
    assert outputs[0] == outputs[1] and len(outputs[0]) == 15  # 2 figures x 2 languages x 3 formats, 2 CSV, 1 LaTeX
    for rel in outputs[0]:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def _echo(folder, name, parameter_lines):
    """A small notebook that writes its parameters to <out_dir>/tables/<name>.json."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("\n".join(parameter_lines + ["out_dir = None  # str or None: run folder"]))
    params.metadata["tags"] = ["parameters"]
    names = [line.split("=")[0].strip() for line in parameter_lines]
    nb.cells = [params, nbformat.v4.new_code_cell(
        "import json, pathlib\n"
        f"p = pathlib.Path(out_dir, 'tables'); p.mkdir(parents=True, exist_ok=True)\n"
        f"(p / '{name}.json').write_text(json.dumps({{n: globals()[n] for n in {names!r}}}))")]
    nb.metadata["kernelspec"] = {"name": batch.KERNEL_NAME, "display_name": "Python (reportlib)", "language": "python"}
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def test_a_parameter_some_notebooks_lack_applies_to_the_others(tmp_path, capsys):
    """`reportlib run -p lang=en -p "years=[2018, 2020]"`: a notebook without `years` runs without it, and is named."""
    from reportlib.run.cli import main

    with_years = _echo(tmp_path, "07_with_years", ['lang = "zh"  # "zh" or "en": language',
                                                   "years = None  # list of int or None: years"])
    without = _echo(tmp_path, "08_without_years", ['lang = "zh"  # "zh" or "en": language'])
    run = tmp_path / "run"
    assert main(["run", str(with_years), str(without), "-p", "lang=en", "-p", "years=[2018, 2020]", "--out", str(run),
                 "--quiet"]) == 0
    assert json.loads((run / "tables" / "07_with_years.json").read_text()) == {"lang": "en", "years": [2018, 2020]}
    assert json.loads((run / "tables" / "08_without_years.json").read_text()) == {"lang": "en"}
    assert "note: years is not a parameter of 08_without_years.ipynb, which ran without it" in capsys.readouterr().out
    manifest = json.loads((run / "manifest.json").read_text())
    assert [r["parameters_not_taken"] for r in manifest["runs"]] == [[], ["years"]]
    # a parameter that no selected notebook has is still an error, before anything runs
    with pytest.raises(ReportLibError, match="no selected notebook has a parameter 'yeers'"):
        batch.run_notebooks([with_years, without], tmp_path / "run2", {"yeers": [2018]})
    assert not (tmp_path / "run2").exists()


def test_grid_values_never_share_a_folder(tmp_path):
    """`--grid 's=a b,a_b,a/b'`: three values, three folders, three results kept; a literal list
    is one value; a repeated value is refused before anything runs."""
    echo = _echo(tmp_path, "07_echo", ['s = None  # str, list of str or None: a value'])
    _, grid = parameters.parse_grid("s=a b,a_b,a/b")
    run_dir, results = batch.run_notebooks([echo], tmp_path / "run", grid={"s": grid})
    assert all(r.ok for r in results) and len({r.out_dir for r in results}) == 3
    got = sorted(json.loads((r.out_dir / "tables" / "07_echo.json").read_text())["s"] for r in results)
    assert got == ["a b", "a/b", "a_b"]
    assert sorted(p.name for p in run_dir.iterdir() if p.is_dir()) == sorted(r.out_dir.name for r in results)
    assert parameters.parse_grid('l=["a","b"]') == ("l", [["a", "b"]])
    assert parameters.parse_grid("years=[2013],[2020]") == ("years", [[2013], [2020]])
    long_value = "x" * 100
    assert len(parameters._slug({"s": long_value})) < 80
    with pytest.raises(ReportLibError, match="gives the value 'a' twice"):
        parameters.parse_grid("s=a,a")
