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


@pytest.mark.heavy  # several notebook runs: in CI after the test command
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
    # 2 figures x 2 languages x (3 formats + a caption), 2 CSV, 1 LaTeX table in 2 languages
    assert outputs[0] == outputs[1] and len(outputs[0]) == 20
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


@pytest.mark.heavy  # several notebook runs: in CI after the test command
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


@pytest.mark.heavy  # several notebook runs: in CI after the test command
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


# --- output folders: never a researcher's file lost or replaced without a word


def _listing(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_a_run_never_writes_over_the_notebooks_it_runs(tmp_path):
    """`reportlib run notebooks/01_corpus_overview.ipynb --out notebooks`: refused, source untouched."""
    echo = _echo(tmp_path, "07_echo", ['lang = "zh"  # "zh" or "en": language'])
    before, listing = echo.read_bytes(), _listing(tmp_path)
    with pytest.raises(ReportLibError, match=r"holds the notebooks being run \(07_echo.ipynb\)"):
        batch.run_notebooks([echo], tmp_path)
    assert echo.read_bytes() == before and _listing(tmp_path) == listing  # nothing written


@pytest.mark.heavy  # several notebook runs: in CI after the test command
def test_a_run_never_mixes_its_outputs_with_a_users_files(tmp_path, capsys):
    from reportlib.run.cli import main

    echo = _echo(tmp_path, "07_echo", ['lang = "zh"  # "zh" or "en": language'])
    out = tmp_path / "mine"
    (out / "tables").mkdir(parents=True)
    (out / "tables" / "07_my_notes.csv").write_text("mine", encoding="utf-8")
    assert main(["run", str(echo), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "holds files that reportlib did not write (tables/07_my_notes.csv)" in err and "--force" in err
    assert _listing(out) == ["tables", "tables/07_my_notes.csv"]
    # an earlier run's folder may be run into again: its files are its manifest's
    run = tmp_path / "run"
    batch.run_notebooks([echo], run)
    _, results = batch.run_notebooks([echo], run)
    assert results[0].ok
    # --force writes beside the user's file, which stays, and is not listed as an output
    assert main(["run", str(echo), "--out", str(out), "--quiet", "--force"]) == 0
    assert (out / "tables" / "07_my_notes.csv").read_text(encoding="utf-8") == "mine"
    manifest = json.loads((out / "manifest.json").read_text())
    assert "tables/07_my_notes.csv" not in {o["path"] for o in manifest["runs"][0]["outputs"]}


def test_out_that_is_a_file_or_cannot_be_written_is_named(tmp_path, capsys):
    from reportlib.run.cli import main

    echo = _echo(tmp_path, "07_echo", ['lang = "zh"  # "zh" or "en": language'])
    a_file = tmp_path / "results.txt"
    a_file.write_text("x", encoding="utf-8")
    assert main(["run", str(echo), "--out", str(a_file), "--quiet"]) == 2
    assert f"--out {a_file} is a file, not a folder" in capsys.readouterr().err
    assert main(["run", str(echo), "--out", str(a_file / "sub"), "--quiet"]) == 2
    assert "cannot write to --out" in capsys.readouterr().err
    assert main(["tabulate", "--out", str(a_file), "--quiet"]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert a_file.read_text(encoding="utf-8") == "x" and not list(tmp_path.glob(".run-*"))


def test_an_argument_that_is_not_utf8_is_refused_before_anything_runs(tmp_path, capsys):
    from reportlib.run.cli import main

    echo = _echo(tmp_path, "07_echo", ['lang = "zh"  # "zh" or "en": language'])
    bad = b"lang=\xff\xfe".decode("utf-8", "surrogateescape")  # what Python makes of such argv bytes
    assert main(["run", str(echo), "-p", bad, "--out", str(tmp_path / "run"), "--quiet"]) == 2
    assert "is not valid UTF-8 text" in capsys.readouterr().err
    assert main(["run", str(echo), "--grid", bad, "--out", str(tmp_path / "run"), "--quiet"]) == 2
    assert not (tmp_path / "run").exists()


def test_a_second_run_into_a_locked_folder_is_refused_and_a_stale_lock_taken_over(tmp_path):
    import subprocess
    import sys

    from reportlib.io.folders import LOCK_NAME

    echo = _echo(tmp_path, "07_echo", ['lang = "zh"  # "zh" or "en": language'])
    run = tmp_path / "run"
    run.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (run / LOCK_NAME).write_text(json.dumps({"pid": holder.pid, "command": "reportlib run", "since": "now"}))
        with pytest.raises(ReportLibError, match=rf"being written by another process \(reportlib run, PID {holder.pid}"):
            batch.run_notebooks([echo], run)
        assert _listing(run) == [LOCK_NAME]  # nothing written beside it
    finally:
        holder.kill()
        holder.wait()
    # the holder is gone: its lock is stale and taken over; the run's own lock goes when it ends
    _, results = batch.run_notebooks([echo], run)
    assert results[0].ok and not (run / LOCK_NAME).exists()


def test_a_tabulation_is_locked_and_keeps_out_of_a_users_folder(tmp_path):
    from reportlib import tabulate
    from reportlib.io.folders import LOCK_NAME

    out = tmp_path / "tables"
    out.mkdir()
    (out / "draft.docx").write_bytes(b"mine")
    with pytest.raises(ReportLibError, match=r"holds files that reportlib did not write \(draft.docx\)"):
        tabulate(bundled_data_dir() / "000_0fdef7f98de9efbf.txt", out)
    assert _listing(out) == ["draft.docx"]
    done = tabulate(bundled_data_dir() / "000_0fdef7f98de9efbf.txt", tmp_path / "fresh")
    assert len(done.reports) == 1 and not (tmp_path / "fresh" / LOCK_NAME).exists()
    tabulate(bundled_data_dir() / "000_0fdef7f98de9efbf.txt", tmp_path / "fresh")  # its own tables: again


# --- cancelling stops everything


def _run_then_signal(tmp_path, signum, to_group: bool):
    """`reportlib run` of a notebook that sleeps, signalled once its kernel runs; returns the exit
    code, the PIDs of the run's processes (runner, papermill, kernel) and the run folder."""
    import os
    import subprocess
    import sys
    import time

    import psutil

    nb = _sleeper(tmp_path, 120)
    run = tmp_path / "run"
    proc = subprocess.Popen([sys.executable, "-m", "reportlib", "run", str(nb), "--out", str(run), "--quiet"],
                            start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    pids: set[int] = set()
    while time.time() < deadline:
        kids = psutil.Process(proc.pid).children(recursive=True)
        if any("ipykernel" in " ".join(k.cmdline()) for k in kids if k.is_running()):
            pids = {k.pid for k in kids}
            break
        time.sleep(0.3)
    assert pids, "the kernel did not start"
    time.sleep(2)  # the sleeping cell runs
    if to_group:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    code = proc.wait(timeout=60)
    err = proc.stderr.read().decode()
    gone, alive = psutil.wait_procs([psutil.Process(p) for p in pids if psutil.pid_exists(p)], timeout=10)
    return code, err, [p.pid for p in alive], run


@pytest.mark.heavy  # a notebook run per case: in CI after the test command
@pytest.mark.parametrize("signum, to_group, code", [(15, False, 143), (2, True, 130)], ids=["SIGTERM", "SIGINT-group"])
def test_cancelling_a_run_stops_every_child_and_writes_the_manifest(tmp_path, signum, to_group, code):
    got, err, alive, run = _run_then_signal(tmp_path, signum, to_group)
    assert got == code, err
    assert alive == []  # the runner, papermill and the kernel: none left running
    assert "cancelled" in err and "every notebook process stopped" in err
    manifest = json.loads((run / "manifest.json").read_text())
    assert manifest["status"] == "cancelled" and manifest["runs"][0]["status"] == "cancelled"
    assert not list(run.glob(".run-*")) and not (run / ".reportlib.lock").exists()
