"""One contract for every table the registry declares, checked on the bundled corpus (and, in
tests/test_dev_corpus.py, on the development corpus's gold sample)."""

from __future__ import annotations

import pandas as pd
import pytest

import reportlib
from reportlib.tables import registry

from .conftest import check_table_contract


@pytest.mark.parametrize("name", registry.NAMES)
def test_table_contract(corpus, name):
    check_table_contract(corpus, name)


@pytest.mark.parametrize("name", registry.NAMES)
def test_a_table_is_the_same_when_built_again(corpus, name):
    again = reportlib.Corpus(list(corpus))
    pd.testing.assert_frame_equal(again.table(name), corpus.table(name))


def test_the_corpus_has_every_registered_table_and_only_those(corpus):
    assert reportlib.Corpus.TABLES == registry.NAMES
    assert set(corpus.tables()) == set(registry.NAMES)
    for spec in registry.TABLES:
        assert getattr(reportlib.Corpus, spec.name).__doc__.startswith(f"The ``{spec.name}`` table")
    with pytest.raises(KeyError, match="no table 'target'; the tables are: reports, sections"):
        registry.table("target")


def test_the_readme_lists_every_table():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The tables", 1)[1].split("\n## ", 1)[0]
    listed = [line.split("|")[1].strip().strip("`") for line in section.splitlines()
              if line.startswith("| `")]
    assert listed == list(registry.NAMES)
