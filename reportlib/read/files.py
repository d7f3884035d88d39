"""Which files a corpus is read from: folders walked, paths named as tables show them."""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path

from ..errors import ReportLibError, ReportLibWarning
from ..paths import bundled_data_dir
from .html import HTML_SUFFIXES, continuation_pages, is_continuation

PathLike = str | os.PathLike


#: The files a folder's reports are read from: plain text, Markdown (front matter read), web pages,
#: Word (.docx read; an old .doc collected so that it is refused with a message, never passed over)
#: and PDF (the text layer).
REPORT_SUFFIXES = (".txt", ".md", *HTML_SUFFIXES, ".docx", ".doc", ".pdf")


def report_files(folder: PathLike, skipped: list[tuple[Path, str]] | None = None) -> list[Path]:
    """Every report file below ``folder`` (any depth, hidden folders and files skipped), sorted
    by path: ``*.txt``, ``*.md``, web pages (``*.html``, ``*.htm``, ``*.shtml``, ``*.jhtml``,
    ``*.xhtml``), ``*.docx``, ``*.doc`` and ``*.pdf`` (suffixes in any case; Word's lock files ``~$*`` and
    the continuation pages of a web page, ``index_1.html`` …, which its first page reads, skipped).

    Paths that look like reports but cannot be read as files are left out and, with
    ``skipped``, appended to it with the reason: a symbolic link to nothing, a symbolic link to a
    folder (not followed, so a link loop cannot trap the walk), a FIFO, a device or a socket."""
    import stat

    root = Path(folder)
    found = []
    for f in root.rglob("*"):
        if any(part.startswith(".") for part in f.relative_to(root).parts) or f.name.startswith("~$"):
            continue
        if f.is_symlink() and f.is_dir():
            if skipped is not None:
                skipped.append((f, "a symbolic link to a folder, not followed"))
            continue
        if f.suffix.lower() not in REPORT_SUFFIXES or is_continuation(f):
            continue
        try:
            mode = f.stat().st_mode
        except (FileNotFoundError, RuntimeError, OSError):
            if skipped is not None:
                skipped.append((f, "a symbolic link to nothing" if f.is_symlink() else "cannot be examined"))
            continue
        if stat.S_ISREG(mode):
            found.append(f)
        elif not stat.S_ISDIR(mode) and skipped is not None:
            kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or \
                stat.S_ISBLK(mode) else "not a regular file"
            skipped.append((f, f"{kind}, not read"))
    return sorted(found)


def collect_files(paths: PathLike | Sequence[PathLike] | None) -> list[tuple[Path, str]]:
    """``(path, display name)`` of every file to load, in a stable order."""
    if paths is None:
        paths = [bundled_data_dir()]
    elif isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[Path] = []
    roots: list[Path] = []
    passed_over: list[tuple[Path, str]] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            found = report_files(p, passed_over)
            if not found:
                raise ReportLibError(f"{p}: no report files ({', '.join('*' + s for s in REPORT_SUFFIXES)}) in this folder")
            files.extend(found)
            roots.append(p.resolve())
        elif p.exists():
            files.append(p)
            roots.append(p.resolve().parent)
        else:
            raise ReportLibError(f"{p}: no such file or folder")
    for path, reason in sorted(passed_over):  # listed, never dropped in silence
        warnings.warn(f"skipped {path}: {reason}", ReportLibWarning, stacklevel=3)
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


def file_sha256(path: PathLike) -> str:
    """The sha256 of a file's bytes, read a megabyte at a time (hex)."""
    import hashlib

    h = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


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
