"""The YAML front matter of a Markdown report: what the collector wrote about the file.

Reports saved from government websites as Markdown often open with a block such as::

    ---
    source: https://www.zj.gov.cn/art/2015/6/18/art_1229019379_1248.html
    title: 2015年政府工作报告
    ---

It is not part of the report's text: the cleaner starts after it, and its keys become report
columns (``source_url`` from ``source``/``url``/``link``, ``source_title`` from ``title``, every
key in ``front_matter`` as JSON), so nothing the collector recorded is lost. Offsets of the
report's rows still count from the start of the file.

>>> fm = split_front_matter("---\\nsource: https://example.gov.cn/a.html\\ntitle: 政府工作报告\\n---\\n各位代表:")
>>> fm.fields["title"], fm.source_url, fm.end
('政府工作报告', 'https://example.gov.cn/a.html', 60)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

#: The opening line of a front-matter block, at the very start of the file.
_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
#: Its closing line ("---" or YAML's "...").
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
#: A block longer than this is not front matter (a "---" rule further down the text is not its end).
_MAX_CHARS = 4000
_URL_KEYS = ("source", "url", "link", "source_url")
_TITLE_KEYS = ("title", "source_title")
_DATE_KEYS = ("published", "date", "pubdate", "publish_date")
#: "key: value" lines, for a block that is not valid YAML.
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")


@dataclass(frozen=True)
class FrontMatter:
    """The front matter of a file: its fields and where the report's text starts."""

    fields: dict[str, object] = field(default_factory=dict)
    end: int = 0  # offset in the file just after the closing line (0: no front matter)
    warning: str | None = None

    def _first(self, keys: tuple[str, ...]) -> str | None:
        for key in keys:
            value = self.fields.get(key)
            if isinstance(value, list):
                value = next((v for v in value if v not in (None, "")), None)
            if value not in (None, ""):
                return str(value).strip()
        return None

    @property
    def source_url(self) -> str | None:
        """The page the report was collected from (``source``, ``url`` or ``link``)."""
        return self._first(_URL_KEYS)

    @property
    def source_title(self) -> str | None:
        """The title the collector recorded (often the web page's title)."""
        return self._first(_TITLE_KEYS)

    @property
    def published(self) -> str | None:
        """When the source was published, as recorded (``published``, ``date`` …)."""
        return self._first(_DATE_KEYS)

    def as_json(self) -> str | None:
        """Every field as JSON (keys sorted, Chinese kept), or None without front matter."""
        if not self.fields:
            return None
        return json.dumps(self.fields, ensure_ascii=False, sort_keys=True, default=str)


def _plain(value: object) -> object:
    """YAML values as JSON-friendly plain values (dates become ISO strings)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def split_front_matter(text: str) -> FrontMatter:
    """The front matter at the start of ``text``, or an empty :class:`FrontMatter`.

    A block that is not valid YAML is read line by line as ``key: value`` (with a warning);
    a block without a closing line within the first 4,000 characters is not front matter.
    """
    m = _OPEN.match(text)
    if not m:
        return FrontMatter()
    close = _CLOSE.search(text, m.end(), min(len(text), m.end() + _MAX_CHARS))
    if not close:
        return FrontMatter()
    block = text[m.end() : close.start()]
    end = close.end()
    if text.startswith("\r\n", end):
        end += 2
    elif text.startswith(("\n", "\r"), end):
        end += 1
    import yaml  # PyYAML: imported only for files that have front matter

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        fields = {}
        for line in block.splitlines():
            kv = _KEY_VALUE.match(line.strip())
            if kv:
                fields[kv["key"]] = kv["value"].strip()
        return FrontMatter(fields, end, f"the front matter is not valid YAML{where}; read as key: value lines")
    if data is None:
        return FrontMatter({}, end)
    if not isinstance(data, dict):
        return FrontMatter({}, end, "the front matter is not a set of key: value fields; ignored")
    return FrontMatter({str(k): _plain(v) for k, v in data.items()}, end)
