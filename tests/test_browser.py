"""JupyterLab as a researcher uses it, in a headless browser: open notebook 01 in the project's
kernel, Run All, no error, the figures render. Debian's Chromium (``apt-get install chromium``,
which ``.ci/run`` does) driven by Playwright's Python package (the test extra); skipped, saying
why, where either is missing. A screenshot goes to ``outputs/browser/``."""

from __future__ import annotations

import shutil

import pytest

from reportlib.paths import default_output_dir, notebooks_dir

from .conftest import jupyter

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.heavy,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)"),
]
#: What Chromium needs on a machine with no network but the package registries (and as root).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def lab(tmp_path):
    """JupyterLab on localhost serving a copy of notebook 01 (Run All saves into the copy)."""
    shutil.copy(notebooks_dir() / "01_corpus_overview.ipynb", tmp_path)
    with jupyter("jupyterlab", tmp_path, "--LabApp.expose_app_in_browser=True") as running:
        yield running


def test_notebook_01_runs_all_in_jupyterlab_and_its_figures_render(lab):
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    base, token = lab
    shots = default_output_dir() / "browser"
    shots.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{base}/lab/tree/01_corpus_overview.ipynb?token={token}")
        page.wait_for_function("window.jupyterapp && document.querySelector('.jp-Notebook .jp-Cell')",
                               timeout=120_000)
        # the kernel the notebook names, started by JupyterLab itself
        page.wait_for_selector(".jp-Toolbar-kernelName:has-text('Python (reportlib)')", timeout=120_000)
        page.wait_for_function("""() => { const w = window.jupyterapp.shell.currentWidget;
                                  return w && w.sessionContext && w.sessionContext.session &&
                                         w.sessionContext.session.kernel &&
                                         w.sessionContext.session.kernel.status === 'idle'; }""", timeout=120_000)
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        n_code = page.locator(".jp-CodeCell").count()
        # every code cell executed: a number in its prompt, none still running ([*])
        page.wait_for_function(
            f"""() => {{ const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(e => e.textContent);
                     return p.length === {n_code} && p.every(t => /\\[\\d+\\]/.test(t)); }}""", timeout=300_000)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").all_inner_texts()
        assert not [e for e in errors if "Traceback" in e or "Error" in e], errors
        assert page.locator(".jp-RenderedText:has-text('Traceback')").count() == 0
        images = page.locator(".jp-OutputArea-output img")
        assert images.count() >= 2  # the report sizes and the parts of each report
        widths = images.evaluate_all("imgs => imgs.map(i => i.naturalWidth)")
        assert all(w > 300 for w in widths), widths  # decoded and drawn, not broken images
        images.first.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "01_corpus_overview.png"))
        browser.close()
    assert (shots / "01_corpus_overview.png").stat().st_size > 10_000
