"""``netral train ner|rules|dates|events|people``: each command delegates to netral_nlp.train.<part>.

Conventions every trainer follows (one ``@app.command`` per part, the work in
``netral_nlp/train/<part>.py``):

- Reproducible: a ``--seed`` option (fixed default) seeds ``random``, numpy,
  spaCy (``spacy.util.fix_random_seed``) and torch when used; data splits come
  from ``netral_nlp.corpus.split_records(records, seed=...)`` (sorted by id,
  then shuffled, so file order does not matter).
- ``--data``: annotated JSONL files or folders in the record format (default:
  ``annotations/``), read with ``netral_nlp.evaluate.read_records`` (validated
  ArticleRecords); ``netral_nlp.corpus`` turns them into a DocBin
  (``to_docbin``) or a ``datasets.DatasetDict`` (``to_dataset_dict``).
- ``--backbone DIR``: a transformers checkpoint in a LOCAL directory only;
  never download from a hub.
- ``--out``: default is the shipped pipeline; write through
  ``netral_nlp.pipeline.update_pipeline(modify, source, out)`` so training one
  part keeps the others.
- At the end print the dev figures with the shared scorer, on gold records
  never used for fitting:
  ``report = netral_nlp.evaluate.evaluate_pipeline(nlp, dev_records)`` (or
  ``score_records(gold, pred)``), then ``print_report(report)`` or
  ``headline_text(report)`` / ``report.headline()`` for a one-line summary.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import typer

app = typer.Typer(no_args_is_help=True)

#: options every trainer of a learned part shares
GOLD_DATA = typer.Option(None, "--data", help="gold JSONL files or folders (default: ../shared/data seeds+dev+train when present, plus annotations/articles.jsonl)")
OUT = typer.Option(None, "--out", help="pipeline folder to write (default: the shipped pipeline)")
SOURCE = typer.Option(None, "--source", help="pipeline to start from (default: the shipped one)")
SEED = typer.Option(0, "--seed", help="random seed")


@app.command("rules")
def train_rules(
    data: list[Path] = GOLD_DATA,
    backbone: Path = typer.Option(None, "--backbone", help="local Hugging Face checkpoint: fine-tune the transformers backend"),
    out: Path = typer.Option(None, "--out", help="pipeline folder to write (default: the shipped pipeline for sklearn, models/netral_id_transformers for transformers)"),
    source: Path = SOURCE,
    folds: int = typer.Option(5, "--folds", help="cross-validation folds (sklearn; 0 to skip)"),
    epochs: int = typer.Option(4, "--epochs", help="fine-tuning epochs (transformers)"),
    seed: int = SEED,
) -> None:
    """Train the rule detector, modality and category models and install them in the pipeline."""
    from ..train.rules import run

    kwargs = {}
    if backbone is not None:
        kwargs["epochs"] = epochs
        if out is None:
            from ..pipeline import REPO_MODELS

            out = REPO_MODELS / "netral_id_transformers"
    summary = run(data=data, backbone=backbone, out=out, source=source, folds=folds, seed=seed, **kwargs)
    typer.echo(json.dumps(summary, indent=2, ensure_ascii=False))


@app.command("ner")
def train_ner_command(
    data: Path = typer.Option(Path("../shared/data/ner"), "--data", help="folder with nergrit/{train,valid,test}.tsv (or the tsv files themselves); a missing folder is skipped"),
    annotations: Path = typer.Option(Path("annotations"), "--annotations", help="gold records (*.jsonl) added to the training data"),
    out: Path = OUT,
    source: Path = SOURCE,
    epochs: int = typer.Option(20, "--epochs", help="training epochs (best validation epoch is kept)"),
    seed: int = SEED,
) -> None:
    """Train the statistical NER (PERSON/PLACE/ORG) and insert it before netral_regions."""
    from ..train.ner import install_ner, train_ner

    corpus = data if data.exists() else None
    if corpus is None:
        typer.echo(f"no NER corpus at {data}: training on annotations only", err=True)
    result = train_ner(data=corpus, annotations=annotations, epochs=epochs, seed=seed, log=lambda m: typer.echo(m, err=True))
    target = install_ner(result.nlp, source=source, out=out)
    summary = {"out": str(target), "n_train": result.n_train, "epochs_run": result.epochs_run, "scores": result.scores}
    typer.echo(json.dumps(summary, indent=2, ensure_ascii=False))


#: the learned parts trained by one linear model each (``netral_nlp.train.<part>.run``)
LINEAR_PARTS = {
    "dates": "Train the date-kind decision and install it in the pipeline.",
    "people": "Train the learned source of OFFICIAL, CANDIDATE and ORG spans (runs the rules left) and install it.",
}


def _linear_part_command(part: str) -> None:
    """Register ``netral train <part>``: the four shared options, then ``train.<part>.run``."""

    def command(
        data: list[Path] = GOLD_DATA,
        out: Path = OUT,
        source: Path = SOURCE,
        seed: int = SEED,
    ) -> None:
        run = importlib.import_module(f"netral_nlp.train.{part}").run
        typer.echo(json.dumps(run(data=data, source=source, out=out, seed=seed), indent=2, ensure_ascii=False))

    app.command(part, help=LINEAR_PARTS[part])(command)


for _part in LINEAR_PARTS:
    _linear_part_command(_part)


@app.command("events")
def train_events_command(
    data: list[Path] = GOLD_DATA,
    out: Path = OUT,
    source: Path = SOURCE,
    seed: int = SEED,
    sentences: Path = typer.Option(
        None, "--sentences", help="written event sentences (default: annotations/event_sentences.jsonl)"
    ),
) -> None:
    """Train the event decision, its supervision and sanction models and the region ranker, and install them.

    The decision is type or none over the widened trigger lexicon; the written sentences
    also teach the supervision and sanction models."""
    from ..train.events import run

    summary = run(data=data, source=source, out=out, seed=seed, sentences=sentences)
    typer.echo(json.dumps(summary, indent=2, ensure_ascii=False))
