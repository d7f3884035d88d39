"""Run the notebooks headlessly with papermill: the main job, grids of parameters, a manifest.

``reportlib run [NOTEBOOK ...] [-p name=value ...] [--grid name=v1,v2 ...] [--jobs N] [--out DIR]``

* Parameters are checked against each notebook's parameters cell before anything runs
  (:mod:`reportlib.run.parameters`). A parameter's accepted types are read from its comment,
  written ``# <type>: <meaning>`` (``list of str or None``, ``"zh" or "en"``, ``int``); a comment
  without a type, an unknown name or a wrong type is an error that lists the accepted parameters. Values are cast to plain Python types (numpy scalars, tuples,
  paths) and, where the notebook takes a list, a single value becomes a one-element list
  (``--grid places=上城区,下城区`` gives ``places=["上城区"]`` and ``places=["下城区"]``).
* Each notebook and parameter combination runs in its own process (a child Python that calls
  papermill, which starts its own kernel), up to ``--jobs`` at a time, with a per-cell timeout
  and an outer timeout after which the child and its kernel are killed.
* A run writes ``outputs/<run-id>/``: executed notebooks, ``figures/``, ``tables/`` (one folder
  per combination when there is a grid) and ``manifest.json`` (parameters, versions, input file
  hashes, output files with hashes, timings, status per notebook). A failing notebook keeps its
  partial executed copy and is reported with its cell and error; the others finish.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..read.files import file_sha256, report_files
from ..errors import ReportLibError
from ..paths import bundled_data_dir, default_output_dir, notebooks_dir

from ..io.folders import OutputLock, check_out_dir
from .parameters import _slug, check_parameters, expand_grid, plain, split_by_notebook

KERNEL_NAME = "reportlib"
KERNEL_DISPLAY_NAME = "Python (reportlib)"
#: Fixed timestamp for reproducible outputs (1 January 2020).
SOURCE_DATE_EPOCH = "1577836800"


# --- kernel --------------------------------------------------------------------------------


def ensure_kernel() -> str:
    """Make sure the ``reportlib`` kernel exists and runs this interpreter; register it in
    ``sys.prefix`` (this environment, never the user's or system folders) when missing."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    except NoSuchKernel:
        from ipykernel.kernelspec import install

        install(kernel_name=KERNEL_NAME, display_name=KERNEL_DISPLAY_NAME, prefix=sys.prefix)
        return KERNEL_NAME
    # Compare unresolved paths: every venv's bin/python links to the same base interpreter.
    python = Path(spec.argv[0])
    if python.is_absolute():
        prefix = os.path.normcase(os.path.abspath(sys.prefix))
        if os.path.normcase(str(python.parent.parent)) != prefix and python != Path(sys.executable):
            raise ReportLibError(
                f"the Jupyter kernel {KERNEL_NAME!r} ({spec.resource_dir}) runs {python}, not this environment "
                f"({sys.executable}). Remove it (jupyter kernelspec remove {KERNEL_NAME}) or re-register it: "
                f"{sys.executable} -m ipykernel install --sys-prefix --name {KERNEL_NAME}"
            )
    return KERNEL_NAME


# --- running -------------------------------------------------------------------------------


@dataclass
class NotebookResult:
    notebook: Path
    output: Path
    ok: bool
    seconds: float
    error: str | None = None  # "cell 7 of 01_x.ipynb (execution count 5, `df.loc[x]`): KeyError: 'x'"
    parameters: dict = field(default_factory=dict)
    out_dir: Path | None = None
    not_taken: list = field(default_factory=list)  # names of -p/--grid parameters the notebook does not declare
    status: str = ""  # "ok", "failed" or "cancelled" (empty: from ok)

    def __post_init__(self) -> None:
        if not self.status:
            self.status = "ok" if self.ok else "failed"


def new_run_dir(base: str | os.PathLike | None = None) -> Path:
    """A fresh ``outputs/<YYYYmmdd-HHMMSS>/`` folder."""
    base = Path(base) if base else default_output_dir()
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    run = base / stamp
    k = 1
    while run.exists():
        k += 1
        run = base / f"{stamp}-{k}"
    run.mkdir(parents=True)
    return run


def list_notebooks(folder: str | os.PathLike | None = None) -> list[Path]:
    folder = Path(folder) if folder else notebooks_dir()
    found = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if not found:
        raise ReportLibError(f"{folder}: no notebooks to run")
    return found


def _execute(spec: dict) -> dict:
    """Run one notebook with papermill (in a child process); the result as a dict."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    output = Path(spec["output"])
    start = time.perf_counter()
    try:
        pm.execute_notebook(spec["notebook"], spec["output"], parameters=spec["parameters"],
                            kernel_name=spec["kernel"], cwd=spec["cwd"], progress_bar=False, log_output=False,
                            execution_timeout=spec["cell_timeout"])
    except PapermillExecutionError as e:
        # cell_index counts the cells of the executed copy (papermill injects its parameters cell).
        first_line = next((line for line in (e.source or "").splitlines() if line.strip()), "")
        where = f"cell {e.cell_index} of {output.name} (execution count {e.exec_count}, `{first_line.strip()[:80]}`)"
        return dict(ok=False, seconds=time.perf_counter() - start, error=f"{where}: {e.ename}: {e.evalue}")
    except Exception as e:  # a kernel that dies, a cell that times out, a notebook that does not parse…
        return dict(ok=False, seconds=time.perf_counter() - start, error=f"{type(e).__name__}: {e}")
    return dict(ok=True, seconds=time.perf_counter() - start, error=None)


def _child_main(spec_path: str) -> int:
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    result = _execute(spec)
    Path(spec["result"]).write_text(json.dumps(result), encoding="utf-8")
    return 0


def run_notebook(notebook: Path, out_dir: Path, parameters: dict | None = None, timeout: int = 900,
                 cell_timeout: int = 600) -> NotebookResult:
    """Execute one notebook into ``out_dir/<name>.ipynb`` with ``out_dir`` injected, in a child process."""
    (result,) = _run_all([(notebook, out_dir, parameters or {})], jobs=1, timeout=timeout, cell_timeout=cell_timeout,
                         progress=False)
    return result


class RunCancelled(BaseException):
    """SIGINT or SIGTERM during a run: every child stopped; ``results`` holds what finished and
    ``cancelled`` results for the rest."""

    def __init__(self, signum: int, results: list[NotebookResult] | None = None) -> None:
        super().__init__(f"cancelled by signal {signum}")
        self.signum = signum
        self.results = results or []


def _kill_tree(pid: int, grace: float = 5.0) -> None:
    """Stop a process and every process below it (the notebook's runner, papermill, the kernel,
    which runs in a session of its own): SIGTERM, then SIGKILL after ``grace`` seconds."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return
    for proc in procs:
        try:
            proc.terminate()
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(procs, timeout=grace)
    for proc in alive:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(alive, timeout=grace)


def _clear(work: Path) -> None:
    for f in work.iterdir():
        f.unlink()
    work.rmdir()


def _run_all(specs: list[tuple[Path, Path, dict]], jobs: int, timeout: int, cell_timeout: int,
             progress: bool) -> list[NotebookResult]:
    kernel = ensure_kernel()
    pending = list(enumerate(specs))
    running: dict[int, tuple[subprocess.Popen, float, Path]] = {}
    results: dict[int, NotebookResult] = {}
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, PYTHONHASHSEED="0")
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(specs), desc="notebooks", unit="nb", file=sys.stderr)
    try:
        _loop(specs, pending, running, results, jobs, timeout, cell_timeout, kernel, env, bar)
    except (KeyboardInterrupt, RunCancelled) as stop:
        for k, (proc, started, work) in running.items():
            _kill_tree(proc.pid)
            proc.wait()
            if proc.stderr:
                proc.stderr.close()
            _clear(work)
            notebook, out_dir, parameters = specs[k]
            results[k] = NotebookResult(notebook, out_dir / notebook.name, False, time.perf_counter() - started,
                                        "cancelled while running", parameters, out_dir, status="cancelled")
        for k, (notebook, out_dir, parameters) in pending:
            results[k] = NotebookResult(notebook, out_dir / notebook.name, False, 0.0, "cancelled before it started",
                                        parameters, out_dir, status="cancelled")
        if bar:
            bar.close()
        signum = getattr(stop, "signum", signal.SIGINT)  # SIGTERM arrives as an Interrupted with its signum
        raise RunCancelled(signum, [results[k] for k in range(len(specs))]) from None
    if bar:
        bar.close()
    return [results[k] for k in range(len(specs))]


def _loop(specs, pending, running, results, jobs, timeout, cell_timeout, kernel, env, bar) -> None:
    while pending or running:
        while pending and len(running) < max(1, jobs):
            k, (notebook, out_dir, parameters) = pending.pop(0)
            out_dir.mkdir(parents=True, exist_ok=True)
            work = out_dir / f".run-{notebook.stem}"
            work.mkdir(exist_ok=True)
            spec = dict(notebook=str(notebook), output=str(out_dir / notebook.name), kernel=kernel,
                        cwd=str(notebook.parent), cell_timeout=cell_timeout, result=str(work / "result.json"),
                        parameters={"out_dir": str(out_dir), **parameters})
            (work / "spec.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
            proc = subprocess.Popen([sys.executable, "-m", "reportlib.run.batch", str(work / "spec.json")], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
            running[k] = (proc, time.perf_counter(), work)
        for k in list(running):
            proc, started, work = running[k]
            notebook, out_dir, parameters = specs[k]
            elapsed = time.perf_counter() - started
            if proc.poll() is None and elapsed <= timeout:
                continue
            if proc.poll() is None:  # the outer timeout: kill the child and its kernel
                _kill_tree(proc.pid, grace=1.0)
                proc.wait()
                outcome = dict(ok=False, seconds=elapsed, error=f"timed out after {timeout} s and was stopped")
            else:
                result_file = work / "result.json"
                stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
                outcome = json.loads(result_file.read_text(encoding="utf-8")) if result_file.exists() else dict(
                    ok=False, seconds=elapsed, error=f"the runner process failed: {stderr.strip()[-500:]}")
            if proc.stderr:
                proc.stderr.close()
            _clear(work)
            results[k] = NotebookResult(notebook, out_dir / notebook.name, outcome["ok"], outcome["seconds"],
                                        outcome["error"], parameters, out_dir)
            del running[k]
            if bar:
                bar.update(1)
        if running:
            time.sleep(0.1)


def run_notebooks(
    notebooks: Sequence[str | os.PathLike] | None = None,
    out_dir: str | os.PathLike | None = None,
    parameters: dict | None = None,
    grid: dict[str, list] | None = None,
    *,
    jobs: int = 1,
    timeout: int = 1800,
    cell_timeout: int = 600,
    progress: bool = False,
    force: bool = False,
) -> tuple[Path, list[NotebookResult]]:
    """Run notebooks (default: every notebook in ``notebooks/``) for every combination of the
    grid, into one run folder with a ``manifest.json``. Returns the folder and one result per
    run; failures do not stop the others. Parameters are validated before anything runs.

    ``out_dir`` (default: a new ``outputs/<date-time>/``) must not hold the notebooks being run
    or files reportlib did not write (an earlier run's folder may be reused), unless ``force``
    (:func:`reportlib.io.folders.check_out_dir`); it is locked while the run writes there, so a
    second run into it is refused."""
    paths = [Path(n).resolve() for n in notebooks] if notebooks else list_notebooks()
    for p in paths:
        if not p.is_file():
            raise ReportLibError(f"{p}: no such notebook")
    combos = expand_grid(grid or {})
    specs = []
    for combo in combos:
        taken, lacking = split_by_notebook(paths, {**(parameters or {}), **combo})
        for p in paths:
            specs.append((p, combo, check_parameters(p, taken[p]), lacking.get(p, [])))
    run_dir = check_out_dir(out_dir, sources=paths, force=force) if out_dir else new_run_dir()
    run_dir = run_dir.resolve()
    from ..scale.parallel import terminate_as_interrupt

    with OutputLock(run_dir, "reportlib run"), terminate_as_interrupt():  # SIGTERM stops the run like Ctrl-C
        before = _snapshot(run_dir)  # what is there already is not the run's output
        started = time.time()
        work = [(p, run_dir / _slug(combo) if grid else run_dir, values) for p, combo, values, _ in specs]
        try:
            results = _run_all(work, jobs=jobs, timeout=timeout, cell_timeout=cell_timeout, progress=progress)
        except RunCancelled as stop:  # every child stopped: say what finished and what did not
            write_manifest(run_dir, paths, parameters or {}, grid or {}, stop.results, time.time() - started, before)
            raise
        for result, (*_, lacking) in zip(results, specs):
            result.not_taken = lacking
        write_manifest(run_dir, paths, parameters or {}, grid or {}, results, time.time() - started, before)
    return run_dir, results


def _snapshot(folder: Path) -> dict[Path, tuple[int, int]]:
    """Every file below ``folder`` with its modification time and size."""
    out = {}
    for p in folder.rglob("*"):
        if p.is_file():
            st = p.stat()
            out[p] = (st.st_mtime_ns, st.st_size)
    return out


# --- manifest ------------------------------------------------------------------------------


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": sys.version.split()[0]}
    for pkg in ("reportlib", "pandas", "numpy", "matplotlib", "seaborn", "jieba", "papermill", "pypinyin"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def write_manifest(run_dir: Path, notebooks: list[Path], parameters: dict, grid: dict,
                   results: list[NotebookResult], seconds: float,
                   before: dict[Path, tuple[int, int]] | None = None) -> Path:
    """``manifest.json``: what ran, with which inputs and versions, and what it wrote (files
    already in the folder before the run, per ``before``, and left unchanged are not listed)."""
    before = before or {}

    def written(p: Path) -> bool:
        if p not in before:
            return True
        st = p.stat()
        return (st.st_mtime_ns, st.st_size) != before[p]

    data_dirs = {r.parameters.get("data_dir") for r in results} or {None}
    inputs = []
    for d in sorted(data_dirs, key=str):
        folder = Path(d) if d else bundled_data_dir()
        for f in report_files(folder) if folder.is_dir() else [folder]:
            inputs.append(dict(path=str(f), sha256=file_sha256(f), bytes=f.stat().st_size))
    runs = []
    for r in results:
        folder = r.out_dir or run_dir
        produced = [r.output] + sorted(p for sub in ("figures", "tables") for p in (folder / sub).glob(
            f"{r.notebook.stem.split('_')[0]}_*") if p.is_file())
        runs.append(dict(
            notebook=r.notebook.name, notebook_sha256=file_sha256(r.notebook), parameters=r.parameters,
            folder=str(folder.relative_to(run_dir)) if folder != run_dir else ".", status=r.status,
            error=r.error, seconds=round(r.seconds, 2), parameters_not_taken=r.not_taken,
            outputs=[dict(path=str(p.relative_to(run_dir)), sha256=file_sha256(p), bytes=p.stat().st_size)
                     for p in produced if p.exists() and written(p)],
        ))
    manifest = dict(run_id=run_dir.name, created=_dt.datetime.now().isoformat(timespec="seconds"),
                    seconds=round(seconds, 2), parameters=plain(parameters), grid=plain(grid), versions=_versions(),
                    inputs=inputs, notebooks=[n.name for n in notebooks], runs=runs,
                    status="cancelled" if any(r.status == "cancelled" for r in results)
                    else "ok" if all(r.ok for r in results) else "failed")
    path = run_dir / "manifest.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return path


if __name__ == "__main__":  # the child process of a run
    sys.exit(_child_main(sys.argv[1]))
