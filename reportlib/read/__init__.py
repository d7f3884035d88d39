"""Bytes to text: decoding, file collection, front matter, the caller's metadata."""
