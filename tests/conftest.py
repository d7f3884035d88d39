"""Shared fixtures: the bundled corpus, loaded once per test session."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import reportlib
from reportlib.paths import bundled_data_dir

DATA = bundled_data_dir()


@pytest.fixture(scope="session")
def corpus() -> reportlib.Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportlib.ReportLibWarning)
        return reportlib.load_corpus()


@pytest.fixture(scope="session")
def raw_text():
    """The decoded text of a bundled file by name prefix ("003")."""
    cache: dict[str, str] = {}

    def get(prefix: str) -> str:
        if prefix not in cache:
            (path,) = sorted(DATA.glob(f"{prefix}_*.txt"))
            cache[prefix] = reportlib.read_raw(path).text
        return cache[prefix]

    return get


def seed(prefix: str) -> Path:
    (path,) = sorted(DATA.glob(f"{prefix}_*.txt"))
    return path
