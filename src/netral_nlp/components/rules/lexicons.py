"""The lexicons a trained rule model was fitted with, saved and restored with it
(:mod:`netral_nlp.saved_lexicons`): the detector's, modality's and category's features
are cue lexicons."""

from __future__ import annotations

from ...saved_lexicons import Lexicons, SavedLexicons

__all__ = [
    "LEXICONS", "Lexicons", "current_lexicons", "put_in_force", "read_lexicons", "use_packaged_lexicons",
    "write_lexicons",
]

#: resource files whose content the rule models' features depend on
LEXICONS: tuple[str, ...] = (
    "rules/cues.json",
    "rules/categories.json",
    "rules/category_cues.json",
    "rules/subjects.json",
    "list_markers.json",
    "qualifiers/cues.json",
)

RULE_LEXICONS = SavedLexicons(LEXICONS, ("netral_nlp.components.rules", "netral_nlp.components.qualifiers"))

current_lexicons = RULE_LEXICONS.current
write_lexicons = RULE_LEXICONS.write
read_lexicons = RULE_LEXICONS.read
put_in_force = RULE_LEXICONS.put_in_force
use_packaged_lexicons = RULE_LEXICONS.use_packaged
