"""Where things are: the package, its resources, the bundled corpus, notebooks and outputs.

Every path is built from this file's location, never from the working directory, so the
library, the notebooks and the command line find the same files wherever they are started.
In a source checkout (editable install) the corpus and notebooks are the repository's
``data/raw/`` and ``notebooks/``; a wheel carries copies under ``reportlib/_bundled/``.
"""

from __future__ import annotations

import functools
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
FONTS_DIR = RESOURCES_DIR / "fonts"
_BUNDLED_DIR = PACKAGE_DIR / "_bundled"


def project_root() -> Path | None:
    """The source checkout holding this package, or None for a wheel install."""
    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").is_file() and (root / "data").is_dir() else None


def _first_existing(*candidates: Path) -> Path:
    for path in candidates:
        if path.exists():
            return path
    return candidates[0]


def bundled_data_dir() -> Path:
    """The folder of the bundled corpus (the raw seed files, byte-identical to their sources)."""
    root = project_root()
    repo = root / "data" / "raw" if root else _BUNDLED_DIR / "data" / "raw"
    return _first_existing(repo, _BUNDLED_DIR / "data" / "raw")


def notebooks_dir() -> Path:
    """The folder of the analysis notebooks."""
    root = project_root()
    repo = root / "notebooks" if root else _BUNDLED_DIR / "notebooks"
    return _first_existing(repo, _BUNDLED_DIR / "notebooks")


def default_output_dir() -> Path:
    """``outputs/`` of the source checkout, or of the working directory for a wheel install."""
    root = project_root()
    return (root if root else Path.cwd()) / "outputs"


def cache_dir() -> Path:
    """Where reportlib caches work (segmented texts, tabulated corpora): ``$REPORTLIB_CACHE``
    or ``outputs/.cache``. Everything in it can be deleted at any time."""
    import os

    env = os.environ.get("REPORTLIB_CACHE")
    return Path(env) if env else default_output_dir() / ".cache"


def resource(name: str) -> Path:
    """A data file shipped in ``reportlib/resources/`` (vocabularies a researcher can extend)."""
    return RESOURCES_DIR / name


@functools.cache
def code_fingerprint() -> str:
    """A short hash of reportlib's code and resources (fonts aside): what the tables depend on,
    besides the input files. Cached tables and remote workers are checked against it."""
    import hashlib

    h = hashlib.sha256()
    for path in sorted(p for pattern in ("**/*.py", "resources/*") for p in PACKAGE_DIR.glob(pattern) if p.is_file()):
        h.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]
