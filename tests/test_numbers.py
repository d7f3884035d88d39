"""Chinese numerals in headings, dates and counts."""

import re
import pytest
from hypothesis import given, settings
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


@pytest.mark.parametrize("text", ["", "十大", "abc", "万万", "十十", "万", "亿", "一亿亿", "一百零", "一千零二百",
                                  "一百五", "一万五"])
def test_parse_chinese_integer_rejects(text):
    """Malformed numerals (and the colloquial 一百五 for 150) are refused, never guessed."""
    with pytest.raises(ValueError):
        parse_chinese_integer(text)


@pytest.mark.parametrize("text, value", [("一万亿", 10**12), ("三千零五十", 3050), ("一千零十", 1010),
                                         ("一亿零一万", 100010000), ("十万零五", 100005), ("两千", 2000),
                                         ("九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九", 10**16 - 1)])
def test_large_and_gapped_numerals(text, value):
    assert parse_chinese_integer(text) == value


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


# --- against an independent oracle ------------------------------------------------------

@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_every_integer_below_ten_to_the_sixteen_reads_back(n):
    """The oracle writes the numeral (an2cn), the parser reads it."""
    cn2an = pytest.importorskip("cn2an", reason="cn2an (the test extra) is the independent oracle")
    assert parse_chinese_integer(cn2an.an2cn(n)) == n


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="零一二三四五六七八九十百千万亿", min_size=1, max_size=10))
def test_the_parser_agrees_with_a_strict_oracle(text):
    """On any string of numeral characters: never a value where cn2an's strict mode refuses,
    never a different value; where the oracle reads a string that is not the canonical numeral
    of its value (十亿九万 for 十亿零九万, 四万零百), the parser may refuse it; a bare 百 or 千
    (before 万 or 亿: 突破千亿元) reads as one hundred or thousand, where the oracle refuses it. Digit-by-digit
    strings (years such as 二〇一四) are read digit by digit and left out here."""
    cn2an = pytest.importorskip("cn2an", reason="cn2an (the test extra) is the independent oracle")
    if all(ch in "零一二三四五六七八九" for ch in text):
        return
    try:
        expected = cn2an.cn2an(text, "strict")
    except ValueError:
        expected = None
    try:
        got = parse_chinese_integer(text)
    except ValueError:
        got = None
    if got is None and expected is not None:
        assert cn2an.an2cn(expected) != text, text  # a canonical numeral is always read
    elif expected is None and re.fullmatch("[百千](?:万|亿|万亿)?", text):
        assert got == {"百": 100, "千": 1000}[text[0]] * {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}[text[1:]]
    else:
        assert got == expected, text


@pytest.mark.parametrize("text, expected", [
    ("每千人拥有医疗卫生机构床位数5.5张", [(5.5, "张")]),  # the denominator of a rate is no count
    ("财政收入突破千亿元,达1000.5亿元", [(1000.0, "亿元"), (1000.5, "亿元")]),  # 千亿: a round number
    ("外贸出口突破百亿美元", [(100.0, "亿美元")]),
])
def test_round_numbers_and_rate_denominators(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected
