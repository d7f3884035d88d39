"""Exceptions and warnings of reportlib.

Every problem a researcher can act on is raised as a :class:`ReportLibError` (or a subclass)
whose message names the file and says what is wrong; the command line prints that message
instead of a traceback. Problems that do not stop loading (a report without a header, a file
decoded as GB18030) are :class:`ReportLibWarning` warnings and are also recorded in the
``warnings`` column of the ``reports`` table.
"""

from __future__ import annotations

from pathlib import Path


class ReportLibError(Exception):
    """Base class of every error reportlib raises on purpose."""


class InputFileError(ReportLibError):
    """A report file that cannot be read as a Chinese text.

    ``path`` is the offending file, ``problem`` a short statement of what is wrong.
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):  # picklable, so that worker processes can report bad files
        return type(self), (self.path, self.problem)


class EmptyFileError(InputFileError):
    """The file is empty or holds only whitespace."""


class BinaryFileError(InputFileError):
    """The file is binary (a PDF, a Word document, an image...), not plain text."""


class EncodingError(InputFileError):
    """The file is text but in none of the encodings reportlib reads."""


class NotChineseError(InputFileError):
    """The file decodes, but holds (almost) no Chinese text."""


class CorpusError(ReportLibError):
    """Several files failed; the message lists each one with its problem."""

    def __init__(self, errors: list[InputFileError]) -> None:
        self.errors = list(errors)
        lines = [f"{len(self.errors)} file(s) could not be loaded:"]
        lines += [f"  - {e}" for e in self.errors]
        lines.append("Fix or remove them, or load with errors='warn' (CLI: --skip-bad) to skip them.")
        super().__init__("\n".join(lines))

    def __reduce__(self):
        return type(self), (self.errors,)


class ReportLibWarning(UserWarning):
    """Something a researcher should know about, which did not stop loading."""
