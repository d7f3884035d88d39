"""Chinese numerals in headings, dates and counts."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlib.numbers import parse_chinese_integer, parse_date


@pytest.mark.parametrize(
    "text, value",
    [("十", 10), ("十二", 12), ("二十", 20), ("九十九", 99), ("一百零五", 105), ("一千二百", 1200),
     ("两万", 20000), ("一万二千", 12000), ("一亿二千万", 120000000), ("二〇一四", 2014), ("二○一九", 2019),
     ("2014", 2014)],
)
def test_parse_chinese_integer(text, value):
    assert parse_chinese_integer(text) == value


@pytest.mark.parametrize("text", ["", "十大", "abc"])
def test_parse_chinese_integer_rejects(text):
    with pytest.raises(ValueError):
        parse_chinese_integer(text)


_DIGITS = "零一二三四五六七八九"


def _to_chinese(n: int) -> str:
    """Standard positional numeral for 1..99999 (test oracle)."""
    out, zero = "", False
    for unit, value in (("万", 10000), ("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        d, n = divmod(n, value)
        if d:
            out += ("零" if zero and out else "") + _DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out[1:] if out.startswith("一十") else out


@given(st.integers(min_value=1, max_value=99999))
def test_parse_chinese_integer_roundtrip(n):
    assert parse_chinese_integer(_to_chinese(n)) == n


@pytest.mark.parametrize(
    "text, iso",
    [("2014年1月20日在江干区第十四届人民代表大会第三次会议上", "2014-01-20"), ("(2017年12月29日)", "2017-12-29"),
     ("(二〇一九年一月十五日)", "2019-01-15"), ("2013年2月30日", None), ("2019年工作回顾", None)],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso
