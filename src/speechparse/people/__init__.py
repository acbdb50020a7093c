"""Recognisers for people: speaker designations, names, titles and reporter bylines.

They read a line or a compact view and answer what it holds; the structure stage asks them
while classifying lines, so they sit below it and import nothing from it.
"""
