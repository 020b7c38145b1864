"""Out-of-fold error classes of the rule detector over the real articles.

Grouped (by article) k-fold, as ``generalisation.py``, but for the rules
component only and cheaper: candidates are found once, then the rule models
(:func:`netral_nlp.train.rules.fit_models`) are refitted per fold and the
detector's choice is scored with the record format's rule match. Every miss
and false positive is put in one class, so that a change to detection can be
aimed at the largest:

- ``no candidate``: no candidate overlaps the gold rule by half the shorter span;
- ``in another's candidate``: the only candidates that do stand for another gold
  rule (annotators split a sentence the finder keeps whole);
- ``below threshold``: the gold rule's own candidate scored under the threshold;
- ``lost an overlap``: it passed but a more probable overlapping candidate won;
- ``false positive``: a chosen rule overlapping no gold rule, by candidate kind;
- ``under half``: a chosen rule overlapping a gold rule by less than half (a false
  positive for the scorer; the gold rule it touches is in one of the miss classes).

    python benchmarks/rule_errors.py [--folds 5] [--seed 0] [--show FILE] [--write]

``--show`` writes every miss and false positive (article, class, probability,
text) to FILE for reading; ``--write`` puts the tables into the "Rule detection
errors" section of benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import readme_sections

from netral_nlp.components.qualifiers.index import QualifierIndex
from netral_nlp.components.rules.candidates import find_candidates
from netral_nlp.components.rules.detector import choose_rules
from netral_nlp.components.rules.features import candidate_texts, category_text
from netral_nlp.components.rules.items import Item
from netral_nlp.components.rules.labelling import MIN_SHARE, match_gold
from netral_nlp.components.rules.lexicons import use_packaged_lexicons
from netral_nlp.evaluate.matching import greedy_match, overlap_score
from netral_nlp.learn import grouped_folds, real_articles
from netral_nlp.learn.data import project_articles
from netral_nlp.pipeline import load
from netral_nlp.train.rules import CandidateExample, fit_models, sentence_examples

PROBABILITY_BINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
NEEDED = ("netral_boilerplate", "netral_segmenter", "netral_qualifiers")


@dataclass
class Article:
    """One article's gold rules, candidates and their labelled training examples."""

    id: str
    text: str
    gold: list[dict[str, Any]]
    items: list[Item]
    examples: list[CandidateExample]
    gold_of: dict[int, int]  # candidate index -> index of the gold rule it stands for


def articles_of(nlp, records: list[dict[str, Any]]) -> list[Article]:
    use_packaged_lexicons()
    out = []
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n not in NEEDED]):
        for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
            text = record["text"]
            gold = [r for r in record.get("rules") or [] if "start" in r]
            items = find_candidates(doc)
            matched = match_gold(items, gold)
            features = candidate_texts(text, items, QualifierIndex.of(doc))
            examples = [
                CandidateExample(str(record["id"]), features[i], category_text(text, item), int(i in matched),
                                 matched[i].get("modality") if i in matched else None,
                                 matched[i].get("category") if i in matched else None)
                for i, item in enumerate(items)
            ]
            gold_of = {i: next(k for k, g in enumerate(gold) if g is matched[i]) for i in matched}
            out.append(Article(str(record["id"]), text, gold, items, examples, gold_of))
    return out


def out_of_fold(
    real: list[Article], extra: list[Article], folds: int, seed: int
) -> tuple[dict[str, list[float]], float]:
    """Article id -> the detector's probability for each candidate, from the fold that left
    it out; and the models' threshold."""
    by_id = {a.id: a for a in real}
    sentences = sentence_examples()
    probs: dict[str, list[float]] = {}
    threshold = 0.5
    for train_ids, test_ids in grouped_folds(list(by_id), folds, seed):
        train = [e for i in train_ids for e in by_id[i].examples] + [e for a in extra for e in a.examples]
        models = fit_models(train, sentences, seed)
        threshold = models.threshold
        for i in test_ids:
            probs[i] = models.probabilities([e.text for e in by_id[i].examples])
    return probs, threshold


def _span(item: Item) -> dict[str, int]:
    return {"start": item.start, "end": item.end}


def _overlap(a: dict[str, int], b: dict[str, int]) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def classify(article: Article, probs: list[float], threshold: float) -> tuple[Counter, list[dict]]:
    """Counts of every class in one article, and one row per error for reading."""
    counts: Counter = Counter()
    rows: list[dict] = []
    chosen = choose_rules(article.items, probs, threshold)
    index = {id(item): i for i, item in enumerate(article.items)}
    predicted = [_span(item) for item, _ in chosen]
    pairs = greedy_match(article.gold, predicted, lambda g, p: overlap_score(g, p, MIN_SHARE))
    matched_gold, matched_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    counts["true positive"] += len(pairs)
    own = {g: i for i, g in article.gold_of.items()}
    for k, gold in enumerate(article.gold):
        if k in matched_gold:
            continue
        near = [i for i, item in enumerate(article.items) if overlap_score(gold, _span(item), MIN_SHARE)]
        if not near:
            kind = "miss: no candidate"
        elif k not in own:
            kind = "miss: in another's candidate"
        elif probs[own[k]] < threshold:
            kind = "miss: below threshold"
        else:
            kind = "miss: lost an overlap"
        counts[kind] += 1
        best = own.get(k, near[0] if near else None)
        rows.append({"article": article.id, "class": kind, "text": article.text[gold["start"]:gold["end"]],
                     "probability": round(probs[best], 3) if best is not None else None})
    for j, (item, prob) in enumerate(chosen):
        if j in matched_pred:
            continue
        partial = any(_overlap(_span(item), g) for g in article.gold)
        kind = "under half" if partial else f"false positive: {item.kind}"
        counts[kind] += 1
        rows.append({"article": article.id, "class": kind, "text": article.text[item.start:item.end],
                     "probability": round(prob, 3), "candidate": index[id(item)]})
    return counts, rows


def histogram(real: list[Article], probs: dict[str, list[float]]) -> str:
    lines = ["| probability | rules | not rules |", "|---|---:|---:|"]
    for low, high in zip(PROBABILITY_BINS, PROBABILITY_BINS[1:], strict=False):
        pos = neg = 0
        for article in real:
            for example, p in zip(article.examples, probs[article.id], strict=True):
                if low <= p < high:
                    pos += example.is_rule
                    neg += not example.is_rule
        lines.append(f"| {low:.1f}-{min(high, 1.0):.1f} | {pos} | {neg} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=Path, default=None, help="write every error to this JSONL file")
    parser.add_argument("--write", action="store_true", help="rewrite the README section")
    args = parser.parse_args(argv)
    records = real_articles()
    if not records:
        print("no real articles found (../shared/data): nothing to analyse", file=sys.stderr)
        return 1
    started = time.perf_counter()
    nlp = load()
    real = articles_of(nlp, records)
    extra = articles_of(nlp, project_articles())
    probs, threshold = out_of_fold(real, extra, args.folds, args.seed)
    counts: Counter = Counter()
    rows: list[dict] = []
    for article in real:
        found, errors = classify(article, probs[article.id], threshold)
        counts += found
        rows += errors
    tp = counts["true positive"]
    misses = sum(v for k, v in counts.items() if k.startswith("miss"))
    wrong = sum(v for k, v in counts.items() if k.startswith("false positive")) + counts["under half"]
    p, r = tp / max(1, tp + wrong), tp / max(1, tp + misses)
    body = (
        f"`python benchmarks/rule_errors.py` on {dt.date.today()} ({args.folds}-fold grouped, seed {args.seed}, "
        f"{len(real)} articles, {tp + misses} gold rules, threshold {threshold}, "
        f"{time.perf_counter() - started:.0f} s): out-of-fold item P {p:.3f} R {r:.3f} "
        f"F1 {2 * p * r / max(1e-9, p + r):.3f}. Every miss and false positive in one class "
        "(see the script's docstring).\n\n| class | count |\n|---|---:|\n"
        + "".join(f"| {kind} | {n} |\n" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        + "\nCandidates by out-of-fold probability:\n\n" + histogram(real, probs) + "\n"
    )
    print(body)
    if args.show:
        with args.show.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.write:
        readme_sections.write_section("Rule detection errors", "rule_errors", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
