"""Chinese numerals in headings, dates and counts."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlib.lang.numbers import parse_chinese_integer, parse_date


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


# --- numbers with multipliers and units ---------------------------------------------------

from reportlib.lang.numbers import find_quantities, parse_number  # noqa: E402


@pytest.mark.parametrize(
    "text, value",
    [("420", 420), ("7.5", 7.5), ("1,500", 1500), ("27321", 27321), ("3万", 30000), ("1.5亿", 1.5e8), ("两万", 20000),
     ("一千二百", 1200)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text, found",
    [
        ("地区生产总值420亿元,增长7.5%", [(420, None, "亿元"), (7.5, None, "%")]),
        ("新增城镇就业岗位3万个", [(30000, None, "个")]),  # 万 multiplies a count…
        ("新增就业2.1万人", [(2.1, None, "万人")]),  # …but stays in a unit of its own
        ("实际利用外资2.8亿美元", [(2.8, None, "亿美元")]),
        ("增长6%—6.5%", [(6, 6.5, "%")]),
        ("增长6-6.5%", [(6, 6.5, "%")]),
        ("服务业增加值占比提高1个百分点", [(1, None, "个百分点")]),
        ("十件民生实事", [(10, None, "件")]),
        ("十大产业、一流城区、PM2.5、IPv6、5G", []),  # words and names, not quantities
        ("2018年", [(2018, None, None)]),  # a year has no unit
    ],
)
def test_find_quantities(text, found):
    assert [(q.value, q.value_high, q.unit) for q in find_quantities(text)] == found


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["亿元", "个", "%", "人", "万平方米"]))
def test_quantities_roundtrip(n, unit):
    grouped = f"{n:,}"
    (q,) = find_quantities(f"新增{grouped}{unit}")
    assert (q.value, q.unit) == (n, unit)


@given(st.decimals(min_value=0, max_value=9999, places=2, allow_nan=False), st.sampled_from(["万", "亿"]))
def test_multipliers(d, mult):
    (q,) = find_quantities(f"{d}{mult}个")
    assert q.value == pytest.approx(float(d) * (10**4 if mult == "万" else 10**8))
    assert q.unit == "个"
