"""Which files a corpus is read from: folders walked, paths named as tables show them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import ReportLibError
from ..paths import bundled_data_dir
from .html import HTML_SUFFIXES, continuation_pages, is_continuation

PathLike = str | os.PathLike


#: The files a folder's reports are read from: plain text, Markdown (front matter read), web pages,
#: Word (.docx read; an old .doc collected so that it is refused with a message, never passed over)
#: and PDF (the text layer).
REPORT_SUFFIXES = (".txt", ".md", *HTML_SUFFIXES, ".docx", ".doc", ".pdf")


def report_files(folder: PathLike) -> list[Path]:
    """Every report file below ``folder`` (any depth, hidden folders and files skipped), sorted
    by path: ``*.txt``, ``*.md``, web pages (``*.html``, ``*.htm``, ``*.shtml``, ``*.jhtml``,
    ``*.xhtml``), ``*.docx``, ``*.doc`` and ``*.pdf`` (suffixes in any case; Word's lock files ``~$*`` and
    the continuation pages of a web page, ``index_1.html`` …, which its first page reads, skipped)."""
    root = Path(folder)
    return sorted(
        f for f in root.rglob("*")
        if f.suffix.lower() in REPORT_SUFFIXES and f.is_file()
        and not any(part.startswith(".") for part in f.relative_to(root).parts)
        and not f.name.startswith("~$") and not is_continuation(f)
    )


def collect_files(paths: PathLike | Sequence[PathLike] | None) -> list[tuple[Path, str]]:
    """``(path, display name)`` of every file to load, in a stable order."""
    if paths is None:
        paths = [bundled_data_dir()]
    elif isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[Path] = []
    roots: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            found = report_files(p)
            if not found:
                raise ReportLibError(f"{p}: no report files ({', '.join('*' + s for s in REPORT_SUFFIXES)}) in this folder")
            files.extend(found)
            roots.append(p.resolve())
        elif p.exists():
            files.append(p)
            roots.append(p.resolve().parent)
        else:
            raise ReportLibError(f"{p}: no such file or folder")
    root = Path(os.path.commonpath([str(r) for r in roots]))
    seen: set[Path] = set()
    out = []
    for f in files:
        key = f.resolve()
        if key in seen:
            continue
        seen.add(key)
        out.append((f, key.relative_to(root).as_posix() if key.is_relative_to(root) else f.name))
    return out


def file_digest(path: PathLike, data: bytes | None = None) -> str:
    """The sha256 of a report file as it is read: its bytes (``data``, when given), and for a web
    page those of the pages that continue it (``index_1.html`` …), so that a changed continuation
    page changes the digest."""
    import hashlib

    p = Path(path)
    h = hashlib.sha256(p.read_bytes() if data is None else data)
    if p.suffix.lower() in HTML_SUFFIXES:
        for page in continuation_pages(p):
            h.update(b"\0page\0" + page.name.encode() + b"\0" + page.read_bytes())
    return h.hexdigest()
