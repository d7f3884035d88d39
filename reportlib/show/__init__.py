"""Figures: the house style, the plots of each analysis, notebook helpers."""
