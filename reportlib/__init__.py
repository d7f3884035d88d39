"""reportlib: tabulate Chinese local government reports as tidy pandas tables.

>>> import reportlib
>>> corpus = reportlib.load_corpus()           # the bundled corpus (9 reports)  # doctest: +SKIP
>>> corpus.reports, corpus.sections, corpus.paragraphs, corpus.sentences, corpus.glossary  # doctest: +SKIP

Importing reportlib is light: pandas is imported when a table is first built; jieba,
matplotlib and papermill only by the modules that need them (``reportlib.show.figures``,
``reportlib.run.batch``).
"""

from __future__ import annotations

from .corpus import Corpus
from .load import load_corpus, tabulate
from .parse.report import Report
from .read.decode import read_raw
from .errors import (
    BinaryFileError,
    CorpusError,
    EmptyFileError,
    EncodingError,
    InputFileError,
    NotChineseError,
    ReportLibError,
    ReportLibWarning,
)

from .version import __version__

__all__ = [
    "BinaryFileError",
    "Corpus",
    "CorpusError",
    "EmptyFileError",
    "EncodingError",
    "InputFileError",
    "NotChineseError",
    "Report",
    "ReportLibError",
    "ReportLibWarning",
    "load_corpus",
    "read_raw",
    "tabulate",
    "__version__",
]
