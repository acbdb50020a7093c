"""Stages 6–7: decompose the draft into model parts and attach the enrichment."""
