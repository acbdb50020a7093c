"""Stage 0: text helpers, character classes and the lexicon every later stage reads."""
