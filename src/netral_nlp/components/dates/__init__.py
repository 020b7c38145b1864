"""Dates: the ``netral_dates`` component and ``extract_dates`` for plain text."""

from .component import extract_dates

__all__ = ["extract_dates"]
