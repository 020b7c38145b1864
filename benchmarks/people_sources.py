"""What each source of people adds, out of fold (issue 15): rules alone vs rules + learned.

Grouped (by article) 5-fold CV over the real articles of ../shared/data: in
every fold the learned source (``netral train people``) is fitted on four
fifths (+ the project corpus) and predicts the fifth; the rules run as they
ship (with the general spaCy NER's windows, as before the learned source).
Only the pipes up to ``netral_people`` run: no later part changes an entity.
The table replaces the "People sources" section of benchmarks/README.md.

    python benchmarks/people_sources.py [--folds 5] [--seed 0] [--no-write] [--nergrit]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import readme_sections

from netral_nlp.evaluate import predict_records, score_records
from netral_nlp.learn import grouped_folds, real_articles
from netral_nlp.learn.data import project_articles
from netral_nlp.pipeline import load
from netral_nlp.train.people import train_model

README = Path(__file__).resolve().parents[1] / "benchmarks" / "README.md"
LABELS = ("OFFICIAL", "CANDIDATE", "REGION", "ORG")


def cross_validate(folds: int, seed: int, nergrit: bool = False) -> tuple[dict, dict, int]:
    records = real_articles()
    by_id = {r["id"]: r for r in records}
    nlp = load()
    for name in nlp.pipe_names[nlp.pipe_names.index("netral_people") + 1 :]:
        nlp.disable_pipe(name)
    people = nlp.get_pipe("netral_people")
    people.set_span_model(None)
    rules = predict_records(nlp, records)
    both = []
    for train_ids, test_ids in grouped_folds(list(by_id), folds, seed):
        people.set_span_model(train_model(nlp, [by_id[i] for i in train_ids] + project_articles(), seed,
                                             nergrit=nergrit))
        both += predict_records(nlp, [by_id[i] for i in test_ids])
        people.set_span_model(None)
    order = {r["id"]: k for k, r in enumerate(records)}
    both.sort(key=lambda r: order[r.id])
    return score_records(records, rules).entities, score_records(records, both).entities, len(records)


def table(rules, both) -> str:
    lines = ["| label | rules P | rules R | rules F1 | rules + learned P | R | F1 | learned adds (F1) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    rows = [(label, rules.strict[label], both.strict[label]) for label in LABELS]
    rows.append(("micro O/C/R", rules.micro(), both.micro()))
    for label, a, b in rows:
        lines.append(f"| {label} | {a.precision:.3f} | {a.recall:.3f} | {a.f1:.3f} | {b.precision:.3f} | "
                     f"{b.recall:.3f} | {b.f1:.3f} | {b.f1 - a.f1:+.3f} |")
    for name in ("role", "ballot_number", "code"):
        a, b = rules.fields[name], both.fields[name]
        lines.append(f"| {name} accuracy | {a.value:.3f} ({a.correct}/{a.total}) | | | "
                     f"{b.value:.3f} ({b.correct}/{b.total}) | | | {b.value - a.value:+.3f} |")
    return "\n".join(lines) + "\n"


def write_section(body: str) -> None:
    """Replace (or add) the People sources section of benchmarks/README.md."""
    readme_sections.write_section("People sources", "people-sources", body, README)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--nergrit", action="store_true",
                        help="features from NERGrit's word classes too (word_knowledge.py; off as shipped)")
    args = parser.parse_args(argv)
    if not real_articles():
        print("no real articles found (../shared/data)", file=sys.stderr)
        return 1
    started = time.perf_counter()
    rules, both, n = cross_validate(args.folds, args.seed, args.nergrit)
    body = (
        f"`python benchmarks/people_sources.py` on {dt.date.today()} ({time.perf_counter() - started:.0f} s): "
        f"grouped {args.folds}-fold CV over the {n} real articles, seed {args.seed}. *Rules*: the hand-written "
        "readers with the general spaCy NER's windows (precedence.py), as before the learned source; they were "
        "written reading these articles, so their figures are in-sample. *Rules + learned*: the learned source "
        "(components/people/learned.py) fitted on the other folds adds spans on text no rule span touches, and "
        "replaces the spaCy NER's windows; its ORG candidates are organisation head-word runs and bracketed "
        "acronyms. REGION comes from the gazetteer in both.\n\n" + table(rules, both)
    )
    print(body)
    if not args.no_write and not args.nergrit:  # the section describes the model as shipped
        write_section(body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
