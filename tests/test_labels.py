"""Labels for figures in Chinese or English, and place names in report ids."""

import pytest

import pandas as pd

from reportlib.lang.labels import label, place_label, place_slug, report_label, report_labels


@pytest.mark.parametrize(
    "place, slug, en",
    [("下城区", "xiacheng", "Xiacheng District"), ("上城区", "shangcheng", "Shangcheng District"),
     ("江干区", "jianggan", "Jianggan District"), ("安吉县", "anji", "Anji County"), ("义乌市", "yiwu", "Yiwu City"),
     (None, "unknown", "Unknown")],
)
def test_places(place, slug, en):
    assert place_slug(place) == slug
    assert place_label(place, "en") == en


def test_labels():
    assert label("report_type", "cppcc_standing_committee_report", "zh") == "政协常委会工作报告"
    assert label("part", "livelihood", "en") == "Livelihood projects"
    assert label("part", "something new", "en") == "something new"
    assert report_label("下城区", "government_work_report", 2018, "zh") == "下城区 2018 政府工作报告"
    with pytest.raises(ValueError, match="lang"):
        label("part", "review", "fr")


def test_report_labels_read_the_year_column(corpus):
    """Figure labels show ``reports.year`` (the year of the ids, which select() uses), not a
    year of their own: a report delivered in December for the next year (year 2013, plan year
    2014) is labelled 2013; a report without a year is labelled "?"."""
    row = corpus.reports[corpus.reports.report_id == "jianggan-2014-gov"]
    december = row.assign(year=pd.array([2013], dtype="Int64"))
    undated = row.assign(year=pd.array([pd.NA], dtype="Int64"))
    assert report_labels(row, "zh") == ["江干区 2014 政府工作报告"]
    assert report_labels(december, "zh") == ["江干区 2013 政府工作报告"]
    assert report_labels(undated, "en") == ["Jianggan District ? Government report"]
