"""Run the notebooks headlessly with papermill: the main job.

Each notebook is executed in the project's Jupyter kernel (``reportlib``, registered for the
environment reportlib runs in) with its working directory set to the notebook's folder, and
with ``out_dir`` set to the run's output folder ``outputs/<run-id>/``. A notebook that fails is
reported with its failing cell; the others still run.
"""

from __future__ import annotations

import ast
import datetime as _dt
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import ReportLibError
from .paths import default_output_dir, notebooks_dir

KERNEL_NAME = "reportlib"
KERNEL_DISPLAY_NAME = "Python (reportlib)"


@dataclass(frozen=True)
class NotebookResult:
    notebook: Path
    output: Path
    ok: bool
    seconds: float
    error: str | None = None  # "cell 7 of 01_x.ipynb (execution count 5, `df.loc[x]`): KeyError: 'x'"


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


def parse_parameter(text: str) -> tuple[str, object]:
    """``name=value`` from the command line; the value is a Python literal when it parses as
    one (``years=[2018, 2019]``, ``lang='en'``), else a string (``lang=en``)."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip().isidentifier():
        raise ReportLibError(f"parameter {text!r} is not of the form name=value")
    try:
        parsed = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        parsed = value
    return name.strip(), parsed


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


def run_notebook(notebook: Path, out_dir: Path, parameters: dict | None = None, timeout: int = 900) -> NotebookResult:
    """Execute one notebook into ``out_dir/<name>.ipynb`` with ``out_dir`` injected."""
    import time

    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    output = out_dir / notebook.name
    params = {"out_dir": str(out_dir), **(parameters or {})}
    start = time.perf_counter()
    try:
        pm.execute_notebook(
            str(notebook), str(output), parameters=params, kernel_name=ensure_kernel(), cwd=str(notebook.parent),
            progress_bar=False, log_output=False, execution_timeout=timeout,
        )
    except PapermillExecutionError as e:
        # cell_index counts the cells of the executed copy (papermill injects its parameters cell).
        first_line = next((line for line in (e.source or "").splitlines() if line.strip()), "")
        where = f"cell {e.cell_index} of {output.name} (execution count {e.exec_count}, `{first_line.strip()[:80]}`)"
        return NotebookResult(notebook, output, False, time.perf_counter() - start, f"{where}: {e.ename}: {e.evalue}")
    except Exception as e:  # a kernel that dies, a notebook that does not parse...
        return NotebookResult(notebook, output, False, time.perf_counter() - start, f"{type(e).__name__}: {e}")
    return NotebookResult(notebook, output, True, time.perf_counter() - start)


def run_notebooks(
    notebooks: Sequence[str | os.PathLike] | None = None,
    out_dir: str | os.PathLike | None = None,
    parameters: dict | None = None,
) -> tuple[Path, list[NotebookResult]]:
    """Run notebooks (default: every notebook in ``notebooks/``) into one run folder.

    Returns the run folder and one result per notebook; failures do not stop the others.
    """
    paths = [Path(n) for n in notebooks] if notebooks else list_notebooks()
    for p in paths:
        if not p.is_file():
            raise ReportLibError(f"{p}: no such notebook")
    run_dir = Path(out_dir) if out_dir else new_run_dir()
    run_dir.mkdir(parents=True, exist_ok=True)
    return run_dir, [run_notebook(p.resolve(), run_dir.resolve(), parameters) for p in paths]
