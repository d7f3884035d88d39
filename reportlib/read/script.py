"""Traditional characters: telling a Traditional text from a Simplified one, and converting it.

Hong Kong and Taiwan outlets republish mainland reports in Traditional characters (地區生產總值
增長7%). Such a text is read as it is (``RawFile.text`` and every ``raw_start``/``raw_end`` refer
to the Traditional original) and cleaned from its Simplified conversion, which has the same
length: character ``i`` of the conversion comes from character ``i`` of the original, so the
offsets of one are the offsets of the other.

Detection counts the Chinese characters that OpenCC's ``t2s`` conversion changes: in a Simplified
report they are a handful (乾隆, 著), in a Traditional one a quarter or more. The conversion is
OpenCC's ``t2s`` (phrase-aware), line by line; a line whose conversion would change its length is
converted character by character instead. The corner brackets of Traditional typesetting
(「」『』) become the quotation marks that Simplified texts use (“”‘’).
"""

from __future__ import annotations

import functools

from ..lang.chars import CJK

#: A text is Traditional when at least this share of its Chinese characters change under t2s.
TRADITIONAL_SHARE = 0.05

_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


#: Detection reads this many Chinese characters from the start of the text.
SAMPLE_CHARS = 5000


def traditional_share(text: str) -> float:
    """The share of the first :data:`SAMPLE_CHARS` Chinese characters of ``text`` that t2s
    conversion changes."""
    chinese = CJK.findall(text[: SAMPLE_CHARS * 3])[:SAMPLE_CHARS]
    if not chinese:
        return 0.0
    sample = "".join(chinese)
    converted = _converter().convert(sample)
    if len(converted) != len(sample):
        converted = "".join(_char(c) for c in sample)
    return sum(a != b for a, b in zip(sample, converted)) / len(sample)


def detect_script(text: str) -> str:
    """``"traditional"`` or ``"simplified"`` (see :data:`TRADITIONAL_SHARE`)."""
    return "traditional" if traditional_share(text) >= TRADITIONAL_SHARE else "simplified"


def to_simplified(text: str) -> str:
    """``text`` in Simplified characters, of the same length (see the module docstring).

    >>> to_simplified("「十四五」規劃,地區生產總值增長7%")
    '“十四五”规划,地区生产总值增长7%'
    """
    out = []
    for line in text.split("\n"):
        converted = _converter().convert(line)
        if len(converted) != len(line):
            converted = "".join(_char(c) for c in line)
        out.append(converted)
    return "\n".join(out).translate(_QUOTES)


def _char(c: str) -> str:
    converted = _converter().convert(c)
    return converted if len(converted) == 1 else c
