"""Build: the assembled draft to the public model, then enrichment."""
