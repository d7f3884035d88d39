"""Character classes of Chinese text, in one place: Han characters and Chinese numerals.

The strings are the insides of a regex character class (``f"[{HAN}]"``); the compiled
pattern matches one character. Every module that matches Han characters or Chinese numerals
takes its class from here.

>>> bool(CJK.match("区")), bool(CJK.match("A"))
(True, False)
>>> re.fullmatch(f"[{ORDINALS}]+是", "十是") is not None
True
>>> re.fullmatch(f"[{DATE_NUMERALS}]{{4}}年", "二○一三年") is not None
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
#: The numerals that count the items of a list or a session (一是 … 十是, 第十四届).
ORDINALS = DIGITS + "十"
#: ORDINALS and 百: numbered headings run past ten (十二、, 第一百部分 never, but 百 is allowed).
HEADING_NUMERALS = ORDINALS + "百"
#: 两, "two" before a counter (两个, 两山).
LIANG = "两"
#: Zero as it is written in years and dates (二〇二四, 二○二四, 二零二四).
ZEROS = "〇○零"
#: Letters typed for 〇 in texts copied from scans or web pages (Greek, Cyrillic, Latin O).
ZERO_LOOKALIKES = "ΟОO"
#: The digits of a year written in Chinese numerals (二〇二四年, 二零二四年).
YEAR_DIGITS = ZEROS + DIGITS
#: The numerals of a date written in Chinese (二〇一三年一月二十一日), with the Arabic 0 and the
#: letters typed for 〇 that copied texts mix in.
DATE_NUMERALS = ZEROS + "0" + ORDINALS + ZERO_LOOKALIKES
#: DATE_NUMERALS and 两: every numeral character of a date, a year or a small count.
NUMERALS = DATE_NUMERALS + LIANG
#: The characters of a Chinese number below ten thousand (三千五百, 一百零五, 两千).
NUMBER_CHARS = ZEROS + DIGITS + LIANG + "十百千"
