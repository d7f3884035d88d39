"""The vocabulary files researchers extend: every row well-formed, every regex compiles and
matches the real example it was written for."""

import csv
import re

import pytest

from reportlib.paths import RESOURCES_DIR

FILES = sorted(RESOURCES_DIR.glob("*.csv"))
OPTIONAL = {"example", "aliases", "heads", "keywords", "slug", "unit_kinds",  # "other" has no aliases or keywords; most indicators have no heads; most places romanize
            "note", "valid_from", "valid_to", "parent_code"}  # places: open-ended validity; the national level has no parent


def rows(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_rows_have_exactly_the_header_fields(path):
    for row in rows(path):
        assert None not in row, f"{path.name}: extra fields (unquoted comma?) in {row}"
        assert all(v is not None and v != "" for k, v in row.items() if k not in OPTIONAL), row


@pytest.mark.parametrize("path", [p for p in FILES if "pattern" in rows(p)[0]], ids=lambda p: p.name)
def test_patterns_match_their_examples(path):
    from reportlib.parse.clean import fold_width

    for row in rows(path):
        assert re.compile(row["pattern"]).search(fold_width(row["example"])), row


def test_every_report_type_has_labels_and_an_id_suffix():
    from reportlib.lang.labels import label
    from reportlib.parse.metadata import REPORT_TYPES, report_type_suffixes

    for report_type in REPORT_TYPES:
        assert label("report_type", report_type, "zh") != report_type
        assert label("report_type", report_type, "en") != report_type
        assert report_type_suffixes()[report_type].isalpha()
    assert len(set(report_type_suffixes().values())) == len(REPORT_TYPES)
