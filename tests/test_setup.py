"""The README's two commands: what they install (read from `make -n`, which prints and does not run)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def planned(target: str, tmp_path: Path) -> list[str]:
    out = subprocess.run(["make", "-n", target, f"VENV={tmp_path / 'venv'}"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    return [line for line in out.splitlines() if "pip install" in line]


def test_make_run_installs_no_test_only_packages(tmp_path):
    (install,) = planned("run", tmp_path)
    assert install.endswith("-e .") and "[test]" not in install


def test_make_test_adds_the_test_extra(tmp_path):
    installs = planned("test", tmp_path)
    assert installs[0].endswith("-e .") and installs[1].endswith('-e ".[test]"')
