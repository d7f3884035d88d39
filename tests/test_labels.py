"""Labels for figures in Chinese or English, and place names in report ids."""

import pytest

from reportlib.lang.labels import label, place_label, place_slug, report_label


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
