"""Web pages to text: the article body of a government portal's page, and its metadata.

Most local reports that researchers trace to a source are article pages of *.gov.cn content
management systems (``.html``, ``.shtml``, ``.htm``, ``.jhtml``): a portal header, breadcrumbs
(您的位置), an information table (信息索引号, 发布机构), the report, print/close links, related
news and a footer (主办单位, 备案号). What is read:

* **Characters.** The bytes are decoded as for a text file (UTF-8, else GB18030/GBK); the charset
  a ``<meta>`` declares is checked against them, and a page that declares the wrong one is read
  by its bytes, with a warning. Character references broken across source lines (``&ld`` ⏎
  ``quo;``) are joined before parsing; the parser decodes the others.
* **The article body.** trafilatura (on lxml) extracts the main text, tables included, without
  navigation, share bars, related lists or footers. It is checked against a plain walk of the
  page: the block of the page that holds the most Chinese text in paragraphs (``<p>``, ``<br>``
  lines, table rows). Every line of that block with ten or more Chinese characters must be in
  trafilatura's text; if one is missing, the plain walk's text is used instead, so that a page
  trafilatura misjudges loses nothing of the report. Either way ``<p>``, ``<br>``, headings and
  table rows become lines, and a table row's cells are separated by a tab. The article's heading
  (the first ``<h1>``, or an element whose class or id names a title, if its text is part of the
  page's title), which trafilatura counts as metadata, is kept as the first line.
* **Metadata.** ``source_url`` (``<link rel="canonical">``, ``og:url``, or a CMS ``url`` meta),
  ``source_title`` (the CMS ``ArticleTitle`` meta, ``og:title``, or ``<title>``) and
  ``published`` (``PubDate``, ``publishdate``, ``article:published_time`` …, as written) become
  report columns, like the front matter of a Markdown file.
* **Pages split over several files.** A CMS splits a long report into ``index.html``,
  ``index_1.html``, ``index_2.html`` …: a file ``<stem>_<n><suffix>`` (n = 1, 2, …) whose
  ``<stem><suffix>`` exists in the same folder is page n + 1 of that file. The first page is read
  with its continuation pages appended in order (up to the first missing number), and the
  continuation pages are not read as reports of their own.

Offsets of an HTML report's rows refer to the extracted text (all pages joined, one ``\\n``
between pages), which ``reportlib.read_raw(path).text`` returns.
"""

from __future__ import annotations

import html as _html
import re
from pathlib import Path

from ..errors import InputFileError
from ..lang.chars import CJK

#: The suffixes of web pages (a file of another suffix is a web page if it starts like one).
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".jhtml", ".xhtml")

_SNIFF = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])",
    re.I | re.S,
)
_DECLARED = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", re.I)
_BROKEN_ENTITY = re.compile(r"&(#?[A-Za-z0-9]{1,10})[ \t]*\r?\n[ \t]*([A-Za-z0-9]{0,10};)")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
_CONTINUATION = re.compile(r"^(?P<stem>.+)_(?P<n>[1-9]\d*)$")
#: Declared charsets by the encoding that decode() reports for such bytes.
_FAMILY = {"utf-8": "utf-8", "utf8": "utf-8", "gbk": "gb18030", "gb2312": "gb18030", "gb18030": "gb18030",
           "x-gbk": "gb18030", "cp936": "gb18030", "big5": "big5", "big5-hkscs": "big5", "cp950": "big5"}

_DROP = ("script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form",
         "iframe", "select", "button")
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section", "article",
          "blockquote", "pre", "center", "dd", "dt", "ul", "ol", "tbody", "thead"}
_CELL = {"td", "th"}
_INLINE = {"font", "span", "b", "strong", "em", "i", "u", "a", "small", "big", "sub", "sup", "label", "br", "img",
           "wbr", "abbr", "code", "s", "strike", "ins", "del", "mark", "q", "cite"}
_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "blockquote", "pre"}
_MIN_CHECKED_LINE = 10  # Chinese characters a line needs to be checked against trafilatura's text

_URL_META = (("link", "rel", "canonical", "href"), ("meta", "property", "og:url", "content"),
             ("meta", "name", "url", "content"))
_TITLE_META = (("meta", "name", "articletitle", "content"), ("meta", "property", "og:title", "content"),
               ("meta", "name", "title", "content"))
_DATE_META = tuple(("meta", "name", key, "content") for key in (
    "pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date", "date",
    "og:release_date")) + (("meta", "property", "article:published_time", "content"),)


def is_html(data: bytes) -> bool:
    """Whether ``data`` start like a web page (a doctype, ``<html>`` or ``<head>``)."""
    return bool(_SNIFF.match(data[:4096]))


def is_continuation(path: Path) -> bool:
    """Whether ``path`` is page 2, 3, … of a web page split over files (see the module docstring)."""
    m = _CONTINUATION.match(path.stem)
    return bool(m) and path.suffix.lower() in HTML_SUFFIXES and (path.parent / (m["stem"] + path.suffix)).is_file()


def continuation_pages(path: Path) -> list[Path]:
    """The files holding pages 2, 3, … of the web page ``path``, in order."""
    pages, n = [], 1
    while (page := path.with_name(f"{path.stem}_{n}{path.suffix}")).is_file():
        pages.append(page)
        n += 1
    return pages


def html_page(text: str, data: bytes, path: Path, encoding: str) -> tuple[str, dict[str, str], list[str]]:
    """The article text of one decoded page, its metadata fields and warnings."""
    warnings = []
    declared = _DECLARED.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        found = "utf-8" if encoding.startswith("utf-8") else encoding
        if _FAMILY.get(name, found) != found:
            warnings.append(f"the page declares charset={name} but its bytes are {encoding.upper()}; read as {encoding.upper()}")
    text = _BROKEN_ENTITY.sub(_join_entity, text)
    text = _XML_DECLARATION.sub("", text)
    from lxml import html as lxml_html  # imported only when a web page is read

    try:
        tree = lxml_html.document_fromstring(text)
    except Exception as e:  # lxml's parser errors: name the file
        raise InputFileError(path, f"a web page that cannot be parsed ({type(e).__name__}: {e})") from None
    fields = _metadata(tree)
    heading = _heading(tree, fields)
    walked = _walk_text(tree)
    extracted = _trafilatura_text(text)
    if extracted is None or _missing(walked, extracted):
        body = walked
        if extracted is not None:
            warnings.append("trafilatura's article text missed or ran together lines of the page's main text block; "
                            "read by a plain walk")
    else:
        body = extracted
    if heading and re.sub(r"\s+", "", heading) not in re.sub(r"\s+", "", body[: 4 * len(heading) + 200]):
        body = heading + "\n" + body  # the article's heading, which trafilatura counts as metadata
    return body, fields, warnings


def _heading(tree, fields: dict[str, str]) -> str | None:
    """The article's heading: the first ``<h1>``, or an element whose class or id names a title,
    whose text is part of the page's title (``<title>``, ``ArticleTitle``, ``og:title``); the
    first ``<h1>`` when the page has no title."""
    titles = [re.sub(r"\s+", "", t) for t in (fields.get("title"), _page_title(tree)) if t]
    candidates = list(tree.iter("h1")) + [
        e for e in tree.iter() if isinstance(e.tag, str) and e.tag not in ("title", "meta", "html", "body", "head")
        and "title" in f"{e.get('class') or ''} {e.get('id') or ''}".lower()]
    for element in candidates:
        text = " ".join(element.text_content().split())
        if not CJK.search(text) or len(text) > 80:
            continue
        if not titles or any(re.sub(r"\s+", "", text) in t for t in titles):
            return text
    return None


def _page_title(tree) -> str | None:
    node = tree.find(".//title")
    return node.text_content().strip() if node is not None and node.text_content().strip() else None


def _join_entity(m: re.Match[str]) -> str:
    joined = f"&{m.group(1)}{m.group(2)}"
    return joined if _html.unescape(joined) != joined else m.group()


def _first(tree, specs) -> str | None:
    for tag, attribute, value, target in specs:
        for element in tree.iter(tag):
            if (element.get(attribute) or "").strip().lower() == value:
                found = (element.get(target) or "").strip()
                if found:
                    return found
    return None


def _metadata(tree) -> dict[str, str]:
    fields = {}
    url = _first(tree, _URL_META)
    title = _first(tree, _TITLE_META)
    if title is None:
        title = _page_title(tree)
    published = _first(tree, _DATE_META)
    for key, value in (("source", url), ("title", title), ("published", published)):
        if value:
            fields[key] = " ".join(value.split())
    return fields


def _trafilatura_text(text: str) -> str | None:
    import trafilatura

    out = trafilatura.extract(text, output_format="txt", include_tables=True, include_comments=False,
                              include_images=False, include_links=False, favor_recall=True, deduplicate=False,
                              with_metadata=False)
    if not out:
        return None
    lines = []
    for line in out.splitlines():
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):  # a table row: cells tab-separated
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            line = "\t".join(c for c in cells if c)
        lines.append(line.rstrip())
    return "\n".join(lines).strip("\n") + "\n"


def _walk_text(tree) -> str:
    """The text of the page's densest block (see the module docstring), one line per block."""
    for element in list(tree.iter(*_DROP)):
        if element.getparent() is not None:
            element.drop_tree()
    best = _densest(tree)
    if best is None:
        best = tree.find(".//body") if tree.find(".//body") is not None else tree
    parts: list[str] = []
    _emit(best, parts)
    lines = ["\t".join(cell for cell in (" ".join(c.split()) for c in line.split("\t")) if cell)
             for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line) + "\n"


def _densest(tree):
    """The element that holds the most Chinese text as its own paragraphs: a paragraph (``<p>``,
    a heading, a list item, a ``<div>`` of text only) counts for its parent, loose text (lines
    between ``<br>``, inline tags such as ``<font>`` and ``<span>``) for the element it is in."""
    credit: dict = {}
    order: list = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _INLINE:
            continue
        own = [element.text or ""]
        for child in element:
            if isinstance(child.tag, str) and child.tag in _INLINE:
                own.append(child.text_content())
            own.append(child.tail or "")
        n = len(CJK.findall("".join(own)))
        if not n:
            continue
        leaf = element.tag in _PARAGRAPH or (element.tag == "div" and not _has_blocks(element))
        target = element.getparent() if leaf and element.getparent() is not None else element
        if target not in credit:
            order.append(target)
        credit[target] = credit.get(target, 0) + n
    if not credit:
        return None
    return max(order, key=lambda e: credit[e])  # the first of equals, in document order


def _has_blocks(element) -> bool:
    return any(isinstance(e.tag, str) and e.tag not in _INLINE for e in element.iterdescendants())


def _emit(element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _BLOCK:
        parts.append("\n")
    elif tag in _CELL:
        parts.append("\t")
    if element.text and tag:
        parts.append(element.text)
    for child in element:
        _emit(child, parts)
        if child.tail:
            parts.append(child.tail)
    if tag in _BLOCK:
        parts.append("\n")


def _missing(walked: str, extracted: str) -> bool:
    """Whether a line of the plain walk's text with enough Chinese is not a line of trafilatura's
    (missing, or run together with its neighbours: the page's line breaks lost)."""
    lines = {re.sub(r"\s+", "", line) for line in extracted.splitlines()}
    for line in walked.splitlines():
        if len(CJK.findall(line)) >= _MIN_CHECKED_LINE and re.sub(r"\s+", "", line) not in lines:
            return True
    return False
