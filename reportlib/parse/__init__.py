"""Text to :class:`~reportlib.parse.report.Report`: cleaning, metadata, structure, ids."""
