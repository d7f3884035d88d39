"""The claim grammar on a table of real sentences: the seeds' and patterns common elsewhere."""

import json
from pathlib import Path

import pytest

from reportlib.lang.claims import parse_claims
from reportlib.lang.numbers import find_quantities
from reportlib.parse.clean import clean

CASES = json.loads((Path(__file__).parent / "fixtures" / "claim_cases.json").read_text(encoding="utf-8"))
FIELDS = ["indicator", "indicator_raw", "measure", "direction", "value", "value_high", "unit", "qualifier",
          "qualifier_kind", "is_sub"]


@pytest.mark.parametrize("case", CASES, ids=[c["source"] for c in CASES])
def test_claim_cases(case):
    sentence = "".join(p.text for p in clean(case["sentence"]).paragraphs)  # as the corpus sees it
    found = [{f: getattr(c, f) for f in FIELDS} for c in parse_claims(sentence)]
    assert found == case["claims"]


@pytest.mark.parametrize("case", CASES, ids=[c["source"] for c in CASES])
def test_claim_spans_hold_their_values(case):
    sentence = "".join(p.text for p in clean(case["sentence"]).paragraphs)
    for c in parse_claims(sentence):
        span = sentence[c.start : c.end]
        if "、" in span[: len(c.indicator_raw)]:  # an elided head filled in: 城、乡居民… -> 城居民…
            assert span[0] == c.indicator_raw[0] and c.indicator_raw[-4:] in span
        elif c.indicator_raw.startswith(("城镇", "农村")) and span.startswith("城乡"):  # 城乡居民收入分别增长8%和9%
            assert c.indicator_raw[2:] in span
        elif c.indicator_raw.startswith("第") and c.indicator_raw.endswith("产业"):  # 一二三产业分别增长…
            assert c.indicator_raw[1] in span[: span.index("产业")]
        else:
            assert span.startswith(c.indicator_raw)  # from where the indicator is named…
        if c.value is not None:
            assert any(q.value == c.value and q.unit == c.unit for q in find_quantities(span)), span  # …to its value
        else:
            assert span.endswith(c.qualifier)
