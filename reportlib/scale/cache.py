"""A tabulated corpus kept as Parquet, so that loading the same files again takes a fraction
of the parse time: ``load_corpus(paths, cache=True)``.

The cache lives in ``<cache folder>/corpus/<key>/`` (the cache folder is ``$REPORTLIB_CACHE`` or
``outputs/.cache``): one ``<table>.parquet`` per table and a ``manifest.json`` (files with their
sha256, skipped files, warnings, reportlib version, and the sha256 of every table file, checked at
every load: a damaged entry is rebuilt with a warning). The key is a hash of every file's name and
contents, reportlib's code and resources (:func:`reportlib.paths.code_fingerprint`) and the
indicator vocabularies added with :func:`reportlib.lang.indicators.add_vocabulary`, so a changed
file, a new reportlib or a new vocabulary never reads stale tables. Deleting the folder is
always safe.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import errors as _errors
from ..lang import indicators
from ..errors import CorpusError, InputFileError, ReportLibError, ReportLibWarning
from ..io.folders import ensure_writable
from ..paths import cache_dir, code_fingerprint
from ..read.files import file_digest, file_sha256

if TYPE_CHECKING:
    from ..corpus import Corpus

_FORMAT = 1  # of the cache folder; a new layout gets new keys


def corpus_key(files: Sequence[tuple[Path, str]], known: Mapping[str, dict] | None = None) -> tuple[str, dict[str, str]]:
    """The cache key of these files (and of what the caller knows of them), and each file's
    sha256 (``name -> hex``)."""
    h = hashlib.sha256(f"reportlib-corpus-cache {_FORMAT} {code_fingerprint()}\n".encode())
    if known:
        h.update(b"known\0" + json.dumps(known, sort_keys=True, ensure_ascii=False, default=str).encode() + b"\0")
    for path, text in indicators.vocabulary_state():
        h.update(b"vocabulary\0" + text.encode() + b"\0")
    hashes = {}
    for path, name in files:
        try:
            digest = file_digest(path)
        except OSError as e:
            raise InputFileError(path, f"cannot be read ({e.strerror})") from None
        hashes[name] = digest
        h.update(f"{name}\0{digest}\n".encode())
    return h.hexdigest()[:32], hashes


def _verified(target: Path, quiet: bool = False) -> dict | None:
    """The manifest of a cache entry whose every table file is there with the checksum the
    manifest recorded; None when there is no entry. A damaged entry (manifest unreadable or
    missing, a table missing, truncated or altered) is deleted with a warning, to be rebuilt."""
    from ..corpus import Corpus

    if not target.exists():
        return None
    problem = None
    try:
        manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
        sums = manifest.get("tables") if isinstance(manifest, dict) else None
        if not isinstance(sums, dict) or set(sums) != set(Corpus.TABLES):
            problem = "its manifest records no checksums"
        else:
            for name in Corpus.TABLES:
                path = target / f"{name}.parquet"
                if not path.is_file():
                    problem = f"{path.name} is missing"
                    break
                if file_sha256(path) != sums[name]:
                    problem = f"{path.name} does not match its checksum (altered or truncated)"
                    break
    except FileNotFoundError:
        problem = "its manifest is missing"
    except (OSError, ValueError) as e:
        problem = f"its manifest cannot be read ({e})"
    if problem is None:
        return manifest
    if not quiet:
        warnings.warn(f"the corpus cache {target} is damaged: {problem}; it is rebuilt", ReportLibWarning, stacklevel=4)
    shutil.rmtree(target, ignore_errors=True)
    return None


def _error(kind: str, path: str, problem: str) -> InputFileError:
    cls = getattr(_errors, kind, InputFileError)
    return cls(path, problem) if isinstance(cls, type) and issubclass(cls, InputFileError) else InputFileError(path, problem)


def load_cached(files: Sequence[tuple[Path, str]], folder: Path | None = None, *, errors: str = "raise", jobs: int = 1,
                executor: str = "process", scheduler: str | None = None, known: Mapping[str, dict] | None = None) -> Corpus:
    """The corpus of ``files`` from the cache, tabulating (and caching) it first if needed."""
    from ..corpus import Corpus
    from .parallel import stream_tables
    from ..io.sinks import ParquetSink, read_parquet_table

    if errors not in ("raise", "warn"):
        raise ValueError("errors must be 'raise' or 'warn'")
    key, hashes = corpus_key(files, known)
    root = (folder or cache_dir()) / "corpus"
    target = root / key
    manifest_path = target / "manifest.json"
    manifest = _verified(target)
    if manifest is not None:
        skipped = [_error(*item) for item in manifest["skipped"]]
        if skipped and errors == "raise":
            raise skipped[0] if len(skipped) == 1 else CorpusError(skipped)
        for message in manifest["warnings"]:
            warnings.warn(message, ReportLibWarning, stacklevel=3)
    else:
        ensure_writable(root, f"cannot write the cache folder {root}",
                        "; set $REPORTLIB_CACHE to a writable folder, or load with cache=False")
        tmp = root / f".{key}.{os.getpid()}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        done = stream_tables(files, ParquetSink(tmp, Corpus.TABLES), jobs=jobs, executor=executor,
                             scheduler=scheduler, errors=errors, known=known)
        skipped = done.skipped
        from ..version import __version__

        manifest = {
            "format": _FORMAT, "key": key, "reportlib": __version__, "code": code_fingerprint(),
            "files": [[name, hashes[name]] for _, name in files],
            "skipped": [[type(e).__name__, str(e.path), e.problem] for e in skipped],
            "warnings": done.warnings, "n_reports": len(done.reports),
            "tables": {name: file_sha256(tmp / f"{name}.parquet") for name in Corpus.TABLES},
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        if target.exists() and _verified(target, quiet=True) is None:
            shutil.rmtree(target, ignore_errors=True)  # a damaged entry (say, its manifest deleted): replaced
        try:
            tmp.replace(target)
        except OSError:  # another process cached the same corpus meanwhile
            shutil.rmtree(tmp, ignore_errors=True)
            if not manifest_path.is_file():
                raise ReportLibError(f"{target}: cannot write the corpus cache") from None
    bad = {e.path for e in skipped}
    tables = {name: functools.partial(read_parquet_table, target / f"{name}.parquet") for name in Corpus.TABLES}
    paths = {name: path for path, name in files if Path(path) not in bad}
    return Corpus.from_tables(tables, paths, skipped, hashes, known)
