"""Text to values, no Report and no pandas: numerals and units, line shapes, years, indicators,
the claims grammar, labels."""
