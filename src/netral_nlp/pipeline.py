"""Building and loading the spaCy pipeline.

The shipped pipeline lives in ``models/netral_id`` (repository) and is packaged
into the wheel as ``netral_nlp/_models/netral_id``. Its ``config.cfg`` names
factories registered through entry points, so ``spacy.load(path)`` works once
the package is installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# spaCy is imported where a pipeline is made, not here: ``import netral_nlp`` stays cheap for
# a job's parent process, whose workers load the pipeline (``netral extract --n-process 2``)

MODEL_NAME = "netral_id"
#: where trained pipelines are written in a checkout (``models/`` at the repository root)
REPO_MODELS = Path(__file__).resolve().parents[2] / "models"

#: rule-based components in pipeline order; the trained ``ner`` goes before
#: ``netral_regions`` when a model provides it
COMPONENTS: tuple[str, ...] = (
    "netral_boilerplate",
    "netral_segmenter",
    "netral_qualifiers",
    "netral_regions",
    "netral_laws",
    "netral_people",
    "netral_dates",
    "netral_rules",
    "netral_events",
)


def _import_components() -> None:
    """Import the factories so they are registered without entry points too."""
    from . import (
        spans,  # noqa: F401  (registers extensions)
        tokenizer,  # noqa: F401  (registers netral.tokenizer.v1)
    )
    from .components import register_all

    register_all()


def shipped_model_path() -> Path:
    """Folder of the shipped pipeline: the installed copy, else the repository's."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_models" / MODEL_NAME, REPO_MODELS / MODEL_NAME):
        if (candidate / "config.cfg").exists():
            return candidate
    raise FileNotFoundError(
        f"no shipped pipeline found (looked for {MODEL_NAME} under netral_nlp/_models and models/); "
        "build it with `netral train ner` or pass a path"
    )


def build_pipeline(components: tuple[str, ...] = COMPONENTS, config: dict | None = None) -> Language:
    """A fresh pipeline (no trained NER) with the netral tokenizer and components."""
    import spacy

    _import_components()
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "netral.tokenizer.v1"}}})
    config = config or {}
    for name in components:
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


def load(path: str | Path | None = None, exclude: tuple[str, ...] = ()) -> Language:
    """Load a netral pipeline; ``None`` loads the shipped one.

    The tokenizer is rebuilt from the config (``netral.tokenizer.v1``, with the
    packaged special cases) rather than read back from disk: the installed rules
    win anyway (``NetralTokenizer.from_disk``). ``spacy.load(path)`` works too.
    """
    import spacy

    _import_components()
    target = Path(path) if path is not None else shipped_model_path()
    return spacy.load(target, exclude=["tokenizer", *exclude])


def update_pipeline(modify, source: str | Path | None = None, out: str | Path | None = None) -> Path:
    """Load a pipeline, let ``modify(nlp)`` replace one trained part, save it atomically.

    Every trainer goes through here, so training the NER keeps the rule
    classifier and vice versa. ``source`` defaults to the shipped pipeline (a
    fresh one when none exists yet); ``out`` defaults to ``source``.
    """
    import shutil
    import tempfile

    try:
        src = Path(source) if source is not None else shipped_model_path()
        nlp = load(src)
    except FileNotFoundError:
        src = REPO_MODELS / MODEL_NAME
        nlp = build_pipeline()
    modify(nlp)
    target = Path(out) if out is not None else src
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    tmp.chmod(0o755)
    nlp.to_disk(tmp)
    if target.exists():
        shutil.rmtree(target)
    tmp.rename(target)
    return target


def warm_up(nlp: Language) -> None:
    """Run a short article written for the purpose through ``nlp``, so that the tables
    components build on first use (villages, lexicons, the NER's first call) are built
    before timing starts or the first real article arrives.

    Then the objects alive now (the models, lexicons and tables: hundreds of thousands,
    kept for the process's life) are moved out of the garbage collector's reach
    (``gc.freeze``): every full collection during a job would walk them again, about 2 %
    of the whole pipeline's CPU time, and a forked worker no longer touches their pages."""
    import gc

    from .resources import read_text

    for _ in nlp.pipe([read_text("warm_up.txt")]):
        pass
    gc.collect()
    gc.freeze()
