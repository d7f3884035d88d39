"""The parameters of a notebook: the type grammar of their comments, checking and casting values,
and the ``name=value`` and grid syntax of the command line.

A parameter's accepted types are read from its comment, ``# <type>: <meaning>``: alternatives
among ``None``, ``str``, ``int``, ``float``, ``bool``, ``list of str`` (``int``, ``float``) and
quoted values (``"zh" or "en"``), separated by ``,`` or ``or``.

>>> _type_spec('list of str or None: places to keep')
('list of str', 'None')
>>> _type_spec('"zh" or "en": language of the figures')
('"zh"', '"en"')
>>> _type_spec('the terms to count')
()
"""

from __future__ import annotations

import ast
import hashlib
import itertools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReportLibError

#: Parameters the runner sets itself.
RESERVED = ("out_dir",)


@dataclass(frozen=True)
class Parameter:
    """A parameter of a notebook's parameters cell."""

    name: str
    default: str
    help: str
    types: tuple[str, ...]  # alternatives: "None", "str", "int", "float", "bool", "list of str", '"zh"' …

    def describe(self) -> str:
        return f"{self.name} = {self.default}  # {self.help}"


_SIMPLE = {"None": type(None), "str": str, "int": int, "float": float, "bool": bool}


def _type_spec(help_text: str) -> tuple[str, ...]:
    """The alternatives of a ``<type>: <meaning>`` comment; () when the comment states no type."""
    spec = help_text.split(":", 1)[0] if ":" in help_text else ""
    alternatives = tuple(a.strip() for a in re.split(r",\s*|\s+or\s+", spec) if a.strip())
    known = all(a in _SIMPLE or re.fullmatch(r"list of (str|int|float)", a) or re.fullmatch(r'"[^"]*"', a)
                for a in alternatives)
    return alternatives if alternatives and known else ()


def notebook_parameters(notebook: str | os.PathLike) -> dict[str, Parameter]:
    """The parameters of a notebook's cell tagged ``parameters``, each with the types its comment
    states (``# list of str or None: places to keep``); a parameter whose comment states no
    type is an error naming it."""
    import papermill as pm

    found = pm.inspect_notebook(str(notebook))
    if not found:
        raise ReportLibError(f"{notebook}: no cell tagged 'parameters'")
    out = {name: Parameter(name, str(p["default"]), str(p["help"]), _type_spec(str(p["help"])))
           for name, p in found.items()}
    untyped = [p for p in out.values() if not p.types]
    if untyped:
        shown = "\n".join(f"  {p.describe()}" for p in untyped)
        raise ReportLibError(
            f"{Path(notebook).name}: the comment of a parameter states no type, so no value could be checked; "
            f"write it as `# <type>: <meaning>` with types among None, str, int, float, bool, "
            f"list of str|int|float, or quoted values (\"zh\" or \"en\"):\n{shown}")
    return out


def plain(value):
    """A value as plain Python (papermill would stringify numpy scalars, tuples and paths)."""
    if hasattr(value, "item") and callable(value.item) and not isinstance(value, (list, tuple, dict, str)):
        return value.item()
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, (list, tuple, set)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def _matches(value, alternative: str) -> bool:
    if alternative in _SIMPLE:
        kind = _SIMPLE[alternative]
        return isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    m = re.fullmatch(r"list of (str|int|float)", alternative)
    if m:
        kind = _SIMPLE[m[1]]
        return isinstance(value, list) and all(isinstance(v, kind) and not isinstance(v, bool) for v in value)
    return value == alternative[1:-1]  # a quoted literal


def _cast(value, alternatives: tuple[str, ...]):
    """``value`` made to fit one of the alternatives, or raise ValueError."""
    if not alternatives or any(_matches(value, a) for a in alternatives):
        return value
    for a in alternatives:
        m = re.fullmatch(r"list of (str|int|float)", a)
        if m and not isinstance(value, list):  # one value where a list is taken
            single = _cast(value, (m[1],))
            return [single]
        if a in ("int", "float") and isinstance(value, str):
            try:
                return _SIMPLE[a](value)
            except ValueError:
                continue
        if a == "float" and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if a == "str" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
    raise ValueError


def check_parameters(notebook: str | os.PathLike, values: dict) -> dict:
    """``values`` validated and cast for ``notebook``; a clear error for an unknown name or a
    wrong type, listing the parameters the notebook accepts."""
    accepted = notebook_parameters(notebook)
    listing = "\n".join(f"  {p.describe()}" for p in accepted.values() if p.name not in RESERVED)
    out = {}
    for name, value in values.items():
        if name in RESERVED:
            raise ReportLibError(f"{name} is set by the runner (use --out for the run folder)")
        if name not in accepted:
            raise ReportLibError(f"{Path(notebook).name} has no parameter {name!r}; it accepts:\n{listing}")
        value = plain(value)
        try:
            out[name] = _cast(value, accepted[name].types)
        except ValueError:
            raise ReportLibError(
                f"{Path(notebook).name}: {name}={value!r} is not {' or '.join(accepted[name].types)}; "
                f"it accepts:\n{listing}") from None
    return out


def split_by_notebook(notebooks: list, values: dict) -> tuple[dict, dict]:
    """Which of ``values`` each notebook takes: ``({notebook: {name: value}}, {notebook: [names
    it does not declare]})``. A name that none of the notebooks declares is an error naming it
    and the notebooks; a name that some lack applies to the others (``reportlib run`` says which
    notebooks ran without it)."""
    declared = {nb: notebook_parameters(nb) for nb in notebooks}
    for name in values:
        if name in RESERVED:
            raise ReportLibError(f"{name} is set by the runner (use --out for the run folder)")
        if notebooks and not any(name in accepted for accepted in declared.values()):
            names = ", ".join(Path(nb).name for nb in notebooks)
            if len(notebooks) == 1:
                check_parameters(notebooks[0], {name: values[name]})  # the error with the notebook's listing
            raise ReportLibError(f"no selected notebook has a parameter {name!r} ({names})")
    taken = {nb: {k: v for k, v in values.items() if k in declared[nb]} for nb in notebooks}
    lacking = {nb: [k for k in values if k not in declared[nb]] for nb in notebooks}
    return taken, {nb: names for nb, names in lacking.items() if names}


def _utf8(text: str, option: str) -> str:
    """A command-line argument as text; one that is not valid UTF-8 (decoded by Python with
    surrogate escapes) is refused, naming the bytes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        shown = text.encode("utf-8", "surrogateescape")
        raise ReportLibError(f"{option} {shown!r} is not valid UTF-8 text; give the value in UTF-8") from None
    return text


def parse_parameter(text: str) -> tuple[str, object]:
    """``name=value`` from the command line; the value is a Python literal when it parses as
    one (``years=[2018, 2019]``, ``lang='en'``), else a string (``lang=en``)."""
    name, sep, value = _utf8(text, "-p").partition("=")
    if not sep or not name.strip().isidentifier():
        raise ReportLibError(f"parameter {text!r} is not of the form name=value")
    return name.strip(), _literal(value)


def _literal(value: str):
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return value


def _split_top_level(text: str) -> list[str]:
    """``text`` split at the commas outside brackets and quotes: ``a,["x","y"],'b,c'`` gives
    three parts."""
    parts, depth, quote, start = [], 0, None, 0
    for i, ch in enumerate(text):
        if quote:
            if ch == quote and text[i - 1] != "\\":
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def parse_grid(text: str) -> tuple[str, list]:
    """``name=v1,v2,…`` from the command line: one run per value. Values are split at the commas
    outside brackets and quotes, so a literal list is one value (``places=["上城区","下城区"]``
    is one run with both places; ``years=[2013],[2020]`` two runs). A repeated value is an error
    (its runs would share a folder)."""
    name, sep, values = _utf8(text, "--grid").partition("=")
    if not sep or not name.strip().isidentifier() or not values:
        raise ReportLibError(f"grid {text!r} is not of the form name=v1,v2,...")
    parsed = [_literal(v.strip()) for v in _split_top_level(values) if v.strip()]
    seen = []
    for v in parsed:
        if v in seen:
            raise ReportLibError(f"grid {name.strip()} gives the value {v!r} twice")
        seen.append(v)
    return name.strip(), parsed


def expand_grid(grid: dict[str, list]) -> list[dict]:
    """Every combination of the grid's values ([{}] for no grid)."""
    names = list(grid)
    return [dict(zip(names, combo)) for combo in itertools.product(*(grid[n] for n in names))]


#: The longest readable part of a run folder's name; longer names are cut and get a hash.
SLUG_LENGTH = 60


def _slug(combo: dict) -> str:
    """The folder of one grid combination: ``lang=en,years=2018+2020``, readable where the values
    allow, and unique: where characters had to be replaced (``/``, spaces) or the name was cut,
    a short hash of the combination is appended (``s=a_b-1f3a9c2e``), so two combinations never
    share a folder."""
    def text(v):
        return "+".join(map(text, v)) if isinstance(v, list) else str(v)

    raw = ",".join(f"{k}={text(v)}" for k, v in combo.items())
    slug = re.sub(r"[\\/:*?\"<>|\s]+", "_", raw) or "run"
    if slug != raw or len(slug) > SLUG_LENGTH or slug.startswith("."):
        digest = hashlib.sha256(json.dumps(plain(combo), sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:8]
        slug = f"{slug[:SLUG_LENGTH].lstrip('.')}-{digest}"
    return slug