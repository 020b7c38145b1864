"""netral_dates against dateparser on the same articles: value P/R/F1 and articles/second.

Usage: python benchmarks/dates_vs_dateparser.py [--data FILE.jsonl ...] [--repeat N]

Articles come from ../shared/data/{dev,seeds}.jsonl when present, else
corpora/*.jsonl (gold from annotations/ where the ids match). Both systems run
in this process, one after the other, on the same texts.

Scoring:
- netral_dates, "value F1": the record format's rule (a prediction matches a
  gold date when the spans overlap, each pair at most once, greedily by largest
  overlap; a match counts when the ISO value is equal).
- both systems, "start-date F1": a hit counts when its span overlaps a gold
  mention and its date equals the gold start date (for a month-only gold value,
  its year and month). This is the only rule dateparser can be held to: it has
  no ranges and no month-only values. Its hit offsets are found by searching
  each matched string in the text from the previous hit on.
- speed: netral is timed on a pipeline of tokenizer + boilerplate + segmenter
  + dates (raw text in, dates out, as dateparser is), on tokenizer + dates
  only, and as the dates component alone on docs already segmented; each is
  the best of --repeat runs (dateparser too), so a busy machine slows all alike.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_articles(paths: list[Path] | None) -> tuple[list[dict], str]:
    """Articles with gold ``dates`` (possibly empty) and a description of the source."""
    if paths:
        return [r for p in paths for r in read_jsonl(p)], ", ".join(str(p) for p in paths)
    shared = [SHARED / "dev.jsonl", SHARED / "seeds.jsonl"]
    if all(p.exists() for p in shared):
        return [r for p in shared for r in read_jsonl(p)], "../shared/data dev.jsonl + seeds.jsonl"
    gold = {r["id"]: r for p in sorted((ROOT / "annotations").glob("*.jsonl")) for r in read_jsonl(p)}
    articles = []
    for path in sorted((ROOT / "corpora").glob("*.jsonl")):
        for r in read_jsonl(path):
            r.setdefault("dates", gold.get(r.get("id"), {}).get("dates", []))
            articles.append(r)
    return articles, "corpora/*.jsonl (+ annotations/)"


def greedy_pairs(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping (pred, gold) index pairs, each used once, largest overlap first."""
    candidates = []
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0:
                candidates.append((overlap, i, j))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def start_equal(date_iso: str, gold_value: str) -> bool:
    """A point date (YYYY-MM-DD) against a gold value's start (day or month)."""
    start = gold_value.split("/", 1)[0]
    return date_iso[: len(start)] == start


class Tally:
    def __init__(self) -> None:
        self.tp = self.n_pred = self.n_gold = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    def prf(self) -> tuple[float, float, float]:
        return prf(self.tp, self.n_pred, self.n_gold)


def score_netral(records: Iterable[dict], articles: list[dict]) -> tuple[Tally, Tally]:
    value, start = Tally(), Tally()
    for record, article in zip(records, articles, strict=True):
        pred, gold = record["dates"], article.get("dates", [])
        pairs = greedy_pairs([(d["start"], d["end"]) for d in pred], [(g["start"], g["end"]) for g in gold])
        value.add(sum(pred[i]["value"] == gold[j]["value"] for i, j in pairs), len(pred), len(gold))
        start.add(
            sum(start_equal(pred[i]["value"].split("/")[0], gold[j]["value"]) for i, j in pairs),
            len(pred),
            len(gold),
        )
    return value, start


def dateparser_hits(text: str, found: list | None) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) for each dateparser hit, located in the text in order."""
    hits, cursor = [], 0
    for matched, when in found or []:
        at = text.find(matched, cursor)
        if at < 0:
            at = text.find(matched)
        if at < 0:
            continue
        hits.append((at, at + len(matched), when.date().isoformat()))
        cursor = at + len(matched)
    return hits


def score_dateparser(all_hits: list[list[tuple[int, int, str]]], articles: list[dict]) -> Tally:
    tally = Tally()
    for hits, article in zip(all_hits, articles, strict=True):
        gold = article.get("dates", [])
        pairs = greedy_pairs([(s, e) for s, e, _ in hits], [(g["start"], g["end"]) for g in gold])
        tally.add(sum(start_equal(hits[i][2], gold[j]["value"]) for i, j in pairs), len(hits), len(gold))
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", nargs="*", type=Path, help="JSONL files with text and gold dates")
    parser.add_argument("--repeat", type=int, default=5, help="timing repeats (the best run is kept)")
    args = parser.parse_args(argv)

    from dateparser.search import search_dates

    from netral_nlp.pipeline import build_pipeline
    from netral_nlp.schema import to_record

    articles, source = load_articles(args.data)
    if not articles:
        print("no articles found", file=sys.stderr)
        return 1
    texts = [a["text"] for a in articles]

    nlp = build_pipeline(components=("netral_boilerplate", "netral_segmenter", "netral_dates"))
    for text in texts[:3]:
        nlp(text)  # warm-up: compiled patterns, lexicons
    best = float("inf")
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        docs = [nlp(text) for text in texts]
        best = min(best, time.perf_counter() - start)
    netral_rate = len(texts) / best
    records = [to_record(doc).to_json_dict() for doc in docs]

    def rate(run) -> float:
        best = float("inf")
        for _ in range(max(1, args.repeat)):
            start = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - start)
        return len(texts) / best

    tokenizer_rate = rate(lambda: [nlp.make_doc(text) for text in texts])
    lean = build_pipeline(components=("netral_dates",))
    lean_rate = rate(lambda: [lean(text) for text in texts])
    lean_value, _ = score_netral([to_record(lean(text)).to_json_dict() for text in texts], articles)

    from netral_nlp.components.dates.component import extract_dates

    text_rate = rate(lambda: [extract_dates(text) for text in texts])
    text_value, text_start = score_netral(
        [{"dates": extract_dates(text)} for text in texts], articles
    )

    dates = nlp.get_pipe("netral_dates")
    ready = []
    for text in texts:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name != "netral_dates":
                doc = proc(doc)
        ready.append(doc)
    start = time.perf_counter()
    for doc in ready:
        dates(doc)
    component_rate = len(texts) / (time.perf_counter() - start)

    search_dates(texts[0][:200], languages=["id"])  # warm-up: dateparser loads its language data
    found: list = []

    def run_dateparser() -> None:
        found[:] = [search_dates(text, languages=["id"]) for text in texts]

    dateparser_rate = rate(run_dateparser)
    hits = [dateparser_hits(text, f) for text, f in zip(texts, found, strict=True)]

    value, start_n = score_netral(records, articles)
    start_d = score_dateparser(hits, articles)
    n_gold = sum(len(a.get("dates", [])) for a in articles)

    print(f"articles: {len(articles)} ({source}); gold date mentions: {n_gold}")
    print()
    print("| system | predicted | value P / R / F1 | start-date P / R / F1 | articles/s |")
    print("|---|---|---|---|---|")
    vp, vr, vf = value.prf()
    sp, sr, sf = start_n.prf()
    print(
        f"| netral_dates (tokenizer+boilerplate+segmenter+dates) | {value.n_pred} | "
        f"{vp:.3f} / {vr:.3f} / {vf:.3f} | {sp:.3f} / {sr:.3f} / {sf:.3f} | {netral_rate:.1f} |"
    )
    lp, lr, lf = lean_value.prf()
    print(
        f"| netral_dates (tokenizer+dates, no boilerplate/segmenter) | {lean_value.n_pred} | "
        f"{lp:.3f} / {lr:.3f} / {lf:.3f} | | {lean_rate:.1f} |"
    )
    tp_, tr_, tf_ = text_value.prf()
    sp_, sr_, sf_ = text_start.prf()
    print(
        f"| netral extract_dates (same code on plain text: boilerplate+segments+dates, no spaCy) | "
        f"{text_value.n_pred} | {tp_:.3f} / {tr_:.3f} / {tf_:.3f} | {sp_:.3f} / {sr_:.3f} / {sf_:.3f} | {text_rate:.1f} |"
    )
    print(f"| netral_dates component alone (on segmented docs) | | | | {component_rate:.1f} |")
    print(f"| (netral tokenizer alone, for reference) | | | | {tokenizer_rate:.1f} |")
    dp, dr, df = start_d.prf()
    print(
        f"| dateparser search_dates(languages=['id']) | {start_d.n_pred} | n/a | "
        f"{dp:.3f} / {dr:.3f} / {df:.3f} | {dateparser_rate:.1f} |"
    )
    print()
    print(
        f"speed vs dateparser: extract_dates on text {text_rate / dateparser_rate:.1f}x; "
        f"spaCy pipeline {netral_rate / dateparser_rate:.1f}x; "
        f"tokenizer+dates {lean_rate / dateparser_rate:.1f}x; component alone {component_rate / dateparser_rate:.1f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
