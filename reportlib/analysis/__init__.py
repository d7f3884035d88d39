"""Analyses over the tables: comparisons, rhetoric, evaluation against gold tables, quality."""
