"""The lexicons the event decision was fitted with, saved in its folder and put back in
force when it is read (:mod:`netral_nlp.saved_lexicons`): its features are the cues of
``events/cues.json`` (hypothetical, past, context types, ...), the trigger lexicon's
entries and the shared qualifiers' labels. The proposer families travel beside it as
``proposers.json``."""

from __future__ import annotations

from ...saved_lexicons import SavedLexicons

EVENT_LEXICONS = SavedLexicons(
    ("events/cues.json", "events/triggers.json", "qualifiers/cues.json"),
    ("netral_nlp.components.events", "netral_nlp.components.qualifiers"),
)
