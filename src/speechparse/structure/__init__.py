"""Stages 3–5: lines, blocks and the assembled draft (title, lead, speeches, bylines)."""
