"""Enrichment: figures, quoted terms, keywords, title parts and organisations.

Each module reads text only; none knows about blocks or the report being built.
"""
