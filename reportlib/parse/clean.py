"""Cleaning a raw report text, with a map from every clean character back to the raw file.

What cleaning does, and nothing else (the text otherwise stays as written):

* folds full-width ASCII to half-width (``，`` → ``,``, ``７．５％`` → ``7.5%``, ideographic
  space → space) and drops invisible characters (zero-width spaces, stray BOMs);
* removes OCR residue inside numbers ("1$1.$2%" is 11.2%, "l0%" is 10%) and pinyin readings
  put in brackets after a character ("地区(qū)" is 地区);
* drops web boilerplate lines (breadcrumbs such as ``您的位置:首页``, CMS footers such as
  ``Produced By 大汉网络 …``; the patterns live in ``resources/boilerplate.csv``);
* removes markdown residue (leading ``#`` of headings, ``**`` bold markers), remembering that
  the line was a markdown heading;
* removes spaces that carry no meaning in Chinese text: between Chinese characters
  (``余 勇`` → ``余勇``), between numbers and Chinese or symbols (``2013 年``, ``8 %``) and
  inside grouped digits (``27 321 人`` → ``27321人``); spaces between Latin words stay;
* joins lines that a page break split (``…主要目标为:地区`` ⏎⏎ ``生产总值增长6%…``): a line
  that ends without sentence-final punctuation and is not a heading or header line continues
  on the next non-empty line, unless that line starts a new block (a heading, an item, a
  salutation).

The result is a list of :class:`Paragraph` objects (one per paragraph; a paragraph is one
source line, or several joined ones). Each carries ``offsets``: for every character of its
text, the index of the raw character it comes from, counted in characters of the decoded
file (Python ``str`` indices into :func:`reportlib.read.decode.read_raw`'s text).
"""

from __future__ import annotations

import csv
import functools
import html
import re
from array import array
from dataclasses import dataclass, field

from ..lang import patterns
from ..paths import resource

# Full-width ASCII (U+FF01..U+FF5E) to ASCII; spaces of every width to " "; invisible
# characters to "\0", which clean_line() then removes.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD.update({cp: 0x20 for cp in (0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B))})
_FOLD.update({cp: 0 for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD)})
_FOLD[0xFE6A] = ord("%")  # small percent sign
# Box-drawing and horizontal bars used as dashes ("──2000年1月22日在…会议上") read as the em dash.
_FOLD.update({0x2500: 0x2014, 0x2015: 0x2014, 0x2501: 0x2014})

_MARKDOWN_HEADING = re.compile(r"#{1,6}(?!#)\s*")
_DIGITS = re.compile(r"\d+")
_MAX_BOILERPLATE_LINE = 120


def fold_width(text: str) -> str:
    """Fold full-width ASCII and unusual spaces as the cleaner does (same length, except that
    invisible characters are removed).

    >>> fold_width("增长７．５％，")
    '增长7.5%,'
    """
    return text.translate(_FOLD).replace("\0", "")


@functools.cache
def boilerplate_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The web-boilerplate line patterns of ``resources/boilerplate.csv``: (regex, reason)."""
    with resource("boilerplate.csv").open(encoding="utf-8", newline="") as f:
        return tuple((re.compile(row["pattern"]), row["reason"]) for row in csv.DictReader(f))


@dataclass(frozen=True)
class Line:
    """One raw line after cleaning, before page-break joining."""

    text: str
    offsets: array  # raw index of each character of ``text``
    raw_end: int  # raw index just after the line's content (its newline, or the end of file)
    markdown_level: int = 0  # number of leading "#" in the raw line


@dataclass(frozen=True)
class Dropped:
    """A raw line removed by cleaning, kept for ``reportlib inspect``."""

    raw_start: int
    raw_end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Paragraph:
    """A clean paragraph: one source line, or several that a page break had split."""

    text: str
    offsets: array
    raw_end_of_line: int  # raw index of the newline after the paragraph's last line
    markdown_level: int = 0
    joins: tuple[int, ...] = field(default=())  # positions in ``text`` where lines were joined

    @property
    def raw_start(self) -> int:
        return self.offsets[0]

    @property
    def raw_end(self) -> int:
        return self.offsets[-1] + 1


#: Line breaks: newlines of every platform, and the HTML line break (outside a Markdown table row).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
_TABLE_ROW = re.compile(r"\s*\|")


def _split_raw_lines(raw: str, start: int = 0):
    """Yield ``(start, end)`` of each line's content from ``start``; lines end at \\n, \\r\\n,
    \\r or an HTML ``<br>``, except inside a Markdown table row, which stays one line (its
    ``<br>`` separates the lines of a cell)."""
    def pieces(a: int, b: int):
        if _TABLE_ROW.match(raw, a):
            yield a, b
            return
        for m in _HTML_BREAK.finditer(raw, a, b):
            yield a, m.start()
            a = m.end()
        yield a, b

    for m in _LINE_BREAK.finditer(raw, start):
        yield from pieces(start, m.start())
        start = m.end()
    yield from pieces(start, len(raw))


def _keep_space(left: str, right: str, following: str) -> bool:
    """Whether a run of spaces between ``left`` and ``right`` carries meaning.

    Only spaces between Latin letters or digits do ("Special Reports", "PM 2.5"), except
    grouped digits ("27 321": ``following`` is the text from ``right`` on)."""
    if not (left.isascii() and left.isalnum() and right.isascii() and right.isalnum()):
        return False
    if left.isdigit() and right.isdigit():
        group = _DIGITS.match(following)
        return group is None or len(group.group()) != 3
    return True


#: Characters that OCR or math markup leave inside numbers: "1$1.$2" (11.2), "l0" (10).
_OCR_IN_NUMBER = re.compile(r"(?<=[\d.])\$(?=[\d.])|(?<![A-Za-z])l(?=\d)|(?<=\d)l(?![A-Za-z])")
#: "<!-- 陈吉宁同志作政府工作报告。 -->": an HTML comment left in a page saved as Markdown.
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)")
#: A Markdown footnote mark: the reference in "1964年政府工作报告[^1]" and the label opening its
#: note, "[^1]: (根据中共中央文件刊印)"; the note's text is kept as a paragraph.
_FOOTNOTE_MARK = re.compile(r"^\[\^[^\]\s]{1,10}\]:\s*|\[\^[^\]\s]{1,10}\]")
#: "&mdash;", "&permil;", "&#8212;": HTML character references left in a text.
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#[xX][0-9A-Fa-f]{2,5});")
#: A markdown horizontal rule ("---", "***", "___") or a table's separator row ("| --- | :-: |").
_MARKDOWN_RULE = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*)$")
#: A markdown blockquote or bullet marker opening a line: "> 〔注〕…", "- **政府工作报告**".
_MARKDOWN_PREFIX = re.compile(r"^(?:>\s?|[-*+]\s+(?=\S))")


#: A pinyin reading put in brackets after a character ("地區(qū)", "汆(cuān)"): at least one
#: tone-marked vowel, so that Latin abbreviations in brackets ("(GDP)", "(PPP)") stay.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_NOTE = re.compile(
    rf"(?<=[\u3400-\u9fff])\((?=[a-zü{_TONED} ]*[{_TONED}])[a-zü{_TONED}]+(?: [a-zü{_TONED}]+)*\)"
)


def _substitute(chars: list[str], idx: list[int], pattern: re.Pattern[str], repl) -> tuple[list[str], list[int]]:
    """Replace every match of ``pattern`` in ``"".join(chars)`` by ``repl(match)``; each new
    character maps to the raw offset of the first character of its match."""
    s = "".join(chars)
    out_c: list[str] = []
    out_i: list[int] = []
    pos = 0
    for m in pattern.finditer(s):
        out_c += chars[pos : m.start()]
        out_i += idx[pos : m.start()]
        new = repl(m)
        out_c += list(new)
        out_i += [idx[m.start()]] * len(new)
        pos = m.end()
    if not pos:
        return chars, idx
    return out_c + chars[pos:], out_i + idx[pos:]


def _entity(m: re.Match[str]) -> str:
    value = html.unescape(m.group())
    return value.translate(_FOLD).replace("\0", "") if value != m.group() else value


def clean_line(raw: str, start: int, end: int) -> tuple[Line | None, Dropped | None]:
    """Clean ``raw[start:end]`` (one line without its newline).

    Returns ``(line, None)``, ``(None, dropped)`` for boilerplate, or ``(None, None)`` for a
    line that is empty after cleaning.
    """
    folded = raw[start:end].translate(_FOLD)
    chars = [c for c in folded]
    idx = list(range(start, end))
    keep = [i for i, c in enumerate(chars) if c != "\0"]
    chars = [chars[i] for i in keep]
    idx = [idx[i] for i in keep]

    # HTML residue: comments and character references.
    if "<!--" in folded:
        chars, idx = _substitute(chars, idx, _HTML_COMMENT, lambda m: "")
        if not "".join(chars).strip(" "):
            return None, Dropped(start, end, raw[start:end], "HTML comment")
    if "[^" in folded:
        chars, idx = _substitute(chars, idx, _FOOTNOTE_MARK, lambda m: "")
    if "&" in folded:
        chars, idx = _substitute(chars, idx, _ENTITY, _entity)
    if "<" in folded:  # a line break inside a table cell
        chars, idx = _substitute(chars, idx, _HTML_BREAK, lambda m: " ")
    if "(" in folded:  # a pinyin reading after a character: "地區(qū)"
        chars, idx = _substitute(chars, idx, _PINYIN_NOTE, lambda m: "")
    if "$" in folded or "l" in folded:  # OCR residue in numbers: "增长1$1.$2%", "增长l0%"
        chars, idx = _substitute(chars, idx, _OCR_IN_NUMBER, lambda m: "" if m.group() == "$" else "1")

    # Leading/trailing spaces.
    s = "".join(chars)
    lead = len(s) - len(s.lstrip(" "))
    chars, idx = chars[lead:], idx[lead:]
    s = s[lead:].rstrip(" ")
    chars, idx = chars[: len(s)], idx[: len(s)]
    if not s:
        return None, None
    if _MARKDOWN_RULE.match(s):
        return None, Dropped(start, end, raw[start:end], "markdown rule")
    # Markdown heading marker ("## 政府工作报告(摘要)").
    level = 0
    m = _MARKDOWN_HEADING.match(s)
    if m and m.end() < len(s):
        level = len(m.group().strip())
        chars, idx = chars[m.end():], idx[m.end():]
        s = s[m.end():]
    # Markdown bold markers ("**注释 国家可持续发展实验区：**原名为...").
    if "**" in s:
        drop = set()
        for mm in re.finditer(r"\*\*", s):
            drop.update((mm.start(), mm.start() + 1))
        keep = [i for i in range(len(chars)) if i not in drop]
        chars, idx = [chars[i] for i in keep], [idx[i] for i in keep]
        s = "".join(chars)

    stripped = s.strip(" ")
    if len(stripped) <= _MAX_BOILERPLATE_LINE:
        for pattern, reason in boilerplate_patterns():
            if pattern.search(stripped):
                return None, Dropped(start, end, raw[start:end], reason)
    m = _MARKDOWN_PREFIX.match(s)
    if m and m.end() < len(s):
        chars, idx = chars[m.end():], idx[m.end():]
        s = s[m.end():]

    # Spaces: keep a single one only where it separates Latin words or numbers.
    out_chars: list[str] = []
    out_idx: list[int] = []
    i, n = 0, len(chars)
    while i < n:
        c = chars[i]
        if c != " ":
            out_chars.append(c)
            out_idx.append(idx[i])
            i += 1
            continue
        j = i
        while j < n and chars[j] == " ":
            j += 1
        if out_chars and j < n and _keep_space(out_chars[-1], chars[j], s[j:]):
            out_chars.append(" ")
            out_idx.append(idx[i])
        i = j
    if not out_chars:
        return None, None
    return Line("".join(out_chars), array("i", out_idx), end, level), None


def _continues(paragraph: str, paragraph_md: int, line: Line) -> bool:
    """Whether ``line`` continues ``paragraph`` across a page break."""
    if paragraph_md or line.markdown_level:
        return False
    if line.text.startswith("|") or paragraph.endswith("|"):
        return False  # a Markdown table row is a paragraph of its own
    if patterns.MEETING_START.match(paragraph) and patterns.MEETING_END.match(line.text):
        # "——2014年2月19日在海口市第十五届人民代表大会" ⏎ "第五次会议上": one header line
        return bool(patterns.MEETING_LINE.match(paragraph + line.text))
    if line.text[0] in patterns.CONTINUATION_START:
        return not patterns.is_header_line(paragraph)
    if patterns.ends_sentence(paragraph) or patterns.is_heading_shaped(paragraph):
        return False
    return not patterns.starts_new_block(line.text)


def join_lines(lines: list[Line]) -> list[Paragraph]:
    """Group clean lines into paragraphs, mending page breaks (see the module docstring)."""
    paragraphs: list[Paragraph] = []
    text: str = ""
    offsets = array("i")
    md = 0
    joins: list[int] = []
    last_end = 0

    def flush() -> None:
        if text:
            paragraphs.append(Paragraph(text, offsets, last_end, md, tuple(joins)))

    for line in lines:
        if text and _continues(text, md, line):
            if text[-1].isascii() and text[-1].isalnum() and line.text[0].isascii() and line.text[0].isalnum():
                text += " "
                offsets.append(last_end)
            joins.append(len(text))
            text += line.text
            offsets.extend(line.offsets)
        else:
            flush()
            text, offsets, md, joins = line.text, array("i", line.offsets), line.markdown_level, []
        last_end = line.raw_end
    flush()
    return paragraphs


@dataclass(frozen=True)
class CleanText:
    """A cleaned file: its paragraphs and the boilerplate lines that were dropped."""

    paragraphs: tuple[Paragraph, ...]
    dropped: tuple[Dropped, ...]


def clean(raw: str, start: int = 0) -> CleanText:
    """Clean a whole raw file, from ``start`` on (the end of its front matter, if any).

    >>> c = clean("各位代表:\\n\\n建议主要目标为:地区\\n\\n生产总值增长8 %。")
    >>> [p.text for p in c.paragraphs]
    ['各位代表:', '建议主要目标为:地区生产总值增长8%。']
    """
    lines: list[Line] = []
    dropped: list[Dropped] = []
    for line_start, line_end in _split_raw_lines(raw, start):
        line, drop = clean_line(raw, line_start, line_end)
        if line is not None:
            lines.append(line)
        elif drop is not None:
            dropped.append(drop)
    return CleanText(tuple(join_lines(lines)), tuple(dropped))


def assemble(paragraphs: list[Paragraph] | tuple[Paragraph, ...]) -> tuple[str, array, list[tuple[int, int]]]:
    """Join paragraphs into one text with "\\n" between them.

    Returns the text, its raw offsets (each "\\n" maps to the raw newline ending the
    paragraph before it) and the ``(start, end)`` of each paragraph in the text.
    """
    parts: list[str] = []
    offsets = array("i")
    spans: list[tuple[int, int]] = []
    pos = 0
    for k, p in enumerate(paragraphs):
        if k:
            parts.append("\n")
            offsets.append(paragraphs[k - 1].raw_end_of_line)
            pos += 1
        parts.append(p.text)
        offsets.extend(p.offsets)
        spans.append((pos, pos + len(p.text)))
        pos += len(p.text)
    return "".join(parts), offsets, spans


def raw_span(offsets: array, start: int, end: int) -> tuple[int, int]:
    """The raw ``(start, end)`` covering clean characters ``start:end`` (end exclusive)."""
    if end <= start:
        pos = offsets[start] if start < len(offsets) else (offsets[-1] + 1 if offsets else 0)
        return pos, pos
    return offsets[start], offsets[end - 1] + 1
