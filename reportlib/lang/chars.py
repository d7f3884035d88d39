"""Character classes of Chinese text, in one place: Han characters and Chinese numerals.

The strings are the insides of a regex character class (``f"[{HAN}]"``); the compiled
patterns match one character.

>>> bool(CJK.match("区")), bool(CJK.match("A"))
(True, False)
>>> re.fullmatch(f"[{ORDINALS}]+是", "十是") is not None
True
"""

from __future__ import annotations

import re

#: The CJK Unified Ideographs block: the Han characters of running text.
HAN = "\u4e00-\u9fff"
#: HAN and Extension A (rare characters of names), used to tell Chinese text from other text.
HAN_WIDE = "\u3400-\u4dbf" + HAN
#: One Han character (of :data:`HAN_WIDE`).
CJK = re.compile(f"[{HAN_WIDE}]")

#: The digits one to nine.
DIGITS = "一二三四五六七八九"
#: The numerals that count the items of a list (一是 … 十是, 一、 … 十、).
ORDINALS = DIGITS + "十"
#: Zero as it is written in years and dates (二〇二四, 二○二四, 二零二四).
ZEROS = "〇○零"
#: Letters typed for 〇 in texts copied from scans or web pages (Greek, Cyrillic, Latin O).
ZERO_LOOKALIKES = "ΟОO"
#: The digits of a year written in Chinese numerals (二〇二四年, 二零二四年).
YEAR_DIGITS = "〇零" + DIGITS
#: The numerals of a date (二〇二四年一月十五日).
DATE_NUMERALS = ZEROS + DIGITS + "十"
