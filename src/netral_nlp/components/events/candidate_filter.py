"""A trained filter over trigger candidates: keeps the ones that report a happening.

The lexicon proposes candidates; this scikit-learn model (trained by
``netral train events`` on the project's annotations) scores each candidate's
sentence, with the trigger marked, and drops the unlikely ones. Saved
through ``netral_nlp.linear_store`` (JSON + npz, no pickle) inside the pipeline folder.
"""

from __future__ import annotations

from pathlib import Path

from ... import linear_store
from .triggers import Candidate


def candidate_text(text: str, cand: Candidate) -> str:
    """The classifier's view of a candidate: type, key, position cues and marked sentence."""
    sentence = text[cand.sent_start : cand.start] + " [[ " + text[cand.start : cand.end]
    sentence += " ]] " + text[cand.end : cand.sent_end]
    flags = f"__type_{cand.type} __key_{cand.key.replace(':', '_')} __head_{int(cand.headline)}"
    return f"{flags} {sentence}"


def build_model(seed: int = 0):
    """TF-IDF word n-grams + balanced logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, lowercase=True),
        LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000, random_state=seed),
    )


class CandidateFilter:
    """Wraps the fitted model; ``keep`` answers per candidate."""

    def __init__(self, model, threshold: float = 0.3) -> None:
        self.model = model
        self.threshold = threshold

    def keep(self, text: str, candidates: list[Candidate]) -> list[Candidate]:
        if not candidates:
            return candidates
        probs = self.model.predict_proba([candidate_text(text, c) for c in candidates])[:, 1]
        return [c for c, p in zip(candidates, probs, strict=True) if p >= self.threshold]

    def save(self, folder: Path) -> None:
        linear_store.dump(self.model, folder)

    @classmethod
    def load(cls, folder: Path, threshold: float) -> CandidateFilter | None:
        """The saved filter, or None when the folder has none."""
        if not linear_store.exists(folder):
            return None
        return cls(linear_store.load(folder), threshold)
