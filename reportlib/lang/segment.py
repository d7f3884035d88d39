"""Word segmentation with reportlib's dictionary: the curated lexicon, the bundled user
dictionary and stopwords, and :class:`Segmenter`, which wraps its **own** ``jieba.Tokenizer``
(never jieba's global one) so that slogans stay one token (最多跑一次, not 最多/跑/一次)."""

from __future__ import annotations

import csv
import functools
import hashlib
import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import ReportLibError
from ..paths import resource
from .chars import HAN

_CJK_WORD = re.compile(rf"^[{HAN}][{HAN}\w+]*$")


#: The columns of ``resources/lexicon.csv``.
LEXICON_COLUMNS = ("term", "category", "gloss_en", "source")


@functools.cache
def lexicon_entries() -> tuple[dict[str, str], ...]:
    """The curated lexicon ``resources/lexicon.csv``, one dict per term: term, category,
    gloss_en, source (standard concept, the corpus's glossaries, or the corpus's own quoted
    slogans). :func:`reportlib.analysis.rhetoric.lexicon` gives it as a table."""
    with resource("lexicon.csv").open(encoding="utf-8", newline="") as f:
        rows = tuple(csv.DictReader(f))
    if rows and tuple(rows[0]) != LEXICON_COLUMNS:
        raise ReportLibError(f"{resource('lexicon.csv')}: columns {tuple(rows[0])}, expected {LEXICON_COLUMNS}")
    return rows


def _read_words(source: str | os.PathLike | Iterable[str] | None) -> list[str]:
    if source is None:
        return []
    if isinstance(source, (str, os.PathLike)) and Path(source).is_file():
        lines = Path(source).read_text(encoding="utf-8-sig").splitlines()
        return [ln.split()[0] for ln in lines if ln.strip() and not ln.startswith("#")]
    if isinstance(source, (str, os.PathLike)):
        raise ReportLibError(f"{source}: no such dictionary or word list file")
    return [w for w in source if w and w.strip()]


@functools.cache
def default_stopwords() -> frozenset[str]:
    return frozenset(_read_words(resource("stopwords.txt")))


def lexicon_version() -> str:
    """A short hash of the lexicon, the bundled user dictionary and the stopwords."""
    h = hashlib.sha256()
    for name in ("lexicon.csv", "userdict.txt", "stopwords.txt"):
        h.update(resource(name).read_bytes())
    return h.hexdigest()[:12]


class Segmenter:
    """Word segmentation with reportlib's dictionary.

    ``userdict``: extra words, a file in jieba's user-dictionary format (``word [freq] [tag]``
    per line) or a list of words; ``stopwords``: extra stopwords, a file or a list.

    >>> Segmenter().cut("深化“最多跑一次”改革")  # doctest: +SKIP
    ['深化', '“', '最多跑一次', '”', '改革']
    """

    def __init__(self, userdict: str | os.PathLike | Iterable[str] | None = None,
                 stopwords: str | os.PathLike | Iterable[str] | None = None) -> None:
        self.user_words = _read_words(userdict)
        self.stopwords = default_stopwords() | frozenset(_read_words(stopwords))
        h = hashlib.sha256((lexicon_version() + "\n" + "\n".join(self.user_words)).encode("utf-8"))
        self.version = h.hexdigest()[:12]
        self._tokenizer = None

    @property
    def tokenizer(self):
        """The jieba.Tokenizer of this segmenter, built on first use."""
        if self._tokenizer is None:
            import jieba

            logger = jieba.default_logger
            level = logger.level
            logger.setLevel(logging.WARNING)  # jieba announces its dictionary loading at DEBUG
            try:
                tok = jieba.Tokenizer()
                tok.initialize()
            finally:
                logger.setLevel(level)
            words = [e["term"] for e in lexicon_entries()] + _read_words(resource("userdict.txt")) + self.user_words
            for word in sorted(set(words), key=len):
                tok.add_word(word)
                tok.suggest_freq(word, tune=True)
            self._tokenizer = tok
        return self._tokenizer

    def cut(self, text: str) -> list[str]:
        """Every token of ``text``, punctuation included."""
        return self.tokenizer.lcut(text)

    def words(self, text: str) -> list[str]:
        """Content words: Chinese tokens of two or more characters that are not stopwords."""
        return [t for t in self.cut(text) if len(t) > 1 and _CJK_WORD.match(t) and t not in self.stopwords]


@functools.cache
def default_segmenter() -> Segmenter:
    return Segmenter()


def segment(text: str) -> list[str]:
    """Tokens of ``text`` with the default segmenter."""
    return default_segmenter().cut(text)
