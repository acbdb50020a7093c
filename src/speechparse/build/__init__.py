"""Stages 6-8: the structure decomposed into model values, enriched, and the report built."""
