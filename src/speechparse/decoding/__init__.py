"""Stages 1–2: bytes to text (decode) and the one-char-for-one folded view (fold)."""
