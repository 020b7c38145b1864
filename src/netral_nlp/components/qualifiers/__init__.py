"""Qualifiers: quoted, reported, hypothetical, negated, planned and headline text."""
