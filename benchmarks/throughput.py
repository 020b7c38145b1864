"""Throughput of netral-nlp against spaCy's bare ``id`` tokenizer, measured in one run.

    python benchmarks/throughput.py                  # texts: ../shared/data dev+seeds, else corpora/
    python benchmarks/throughput.py --synthetic 200000   # + a 200,000-article stream, memory sampled
    python benchmarks/throughput.py --no-readme      # print only

All figures come from the same texts in the same run: words/s of
``spacy.blank("id")`` (the ceiling), of the netral tokenizer alone, of the
full shipped pipeline (``to_record`` included) with 1 and 2 worker processes
(start-up excluded: workers are started and have loaded the pipeline before
the clock starts), time per component, and peak RSS per process. Results go
into the "Throughput" section of benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import spacy

import netral_nlp
from netral_nlp.batch import LocalEngine
from netral_nlp.batch.records import DEFAULT_BATCH_SIZE
from netral_nlp.io import Item
from netral_nlp.schema import to_record

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
README = ROOT / "benchmarks" / "README.md"
TARGETS = {"ratio": 0.20, "speedup": 1.7, "rss_mb": 500.0}


# --------------------------------------------------------------------------- texts


def source_texts() -> tuple[list[str], str]:
    """dev + seeds from ../shared/data when present, else corpora/*.jsonl."""
    files = [SHARED / "dev.jsonl", SHARED / "seeds.jsonl"]
    if not all(f.exists() for f in files):
        files = sorted((ROOT / "corpora").glob("*.jsonl"))
    texts = []
    for path in files:
        with path.open(encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    label = ", ".join(str(f.relative_to(f.parents[1])) for f in files)
    return texts, label


def repeated(texts: list[str], min_words: int) -> list[str]:
    out: list[str] = []
    words = 0
    while words < min_words:
        for text in texts:
            out.append(text)
            words += len(text.split())
    return out


def count_words(texts) -> int:
    return sum(len(t.split()) for t in texts)


# --------------------------------------------------------------------------- measures


def time_tokenizer(nlp, texts: list[str], batch_size: int, repeat: int = 1) -> float:
    """Fastest of ``repeat`` passes (noise on a shared machine only ever slows a pass down)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def time_engine(n_process: int, texts: list[str], batch_size: int, repeat: int = 1) -> tuple[float, dict[int, float]]:
    """Seconds for the full pipeline (records made) with warm workers (fastest of ``repeat``
    passes), and the peak RSS of the processes that ran it."""
    items = [Item(f"t{n}", text) for n, text in enumerate(texts)]
    engine = LocalEngine(None, n_process=n_process, batch_size=batch_size, warm=True)
    best = float("inf")
    with engine:
        if n_process == 1:
            list(engine.run(items[:1]))  # load and warm the pipeline before the clock
        for _ in range(repeat):
            start = time.perf_counter()
            produced = sum(1 for _ in engine.run(items))
            best = min(best, time.perf_counter() - start)
            assert produced == len(items)
    return best, dict(engine.worker_rss)


def time_engine_in_child(n_process: int, texts: list[str], batch_size: int, repeat: int):
    """:func:`time_engine` in a fresh process: its peak RSS is then the engine's own, not
    this benchmark's (which also holds a pipeline for the per-step table)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(time_engine, n_process, texts, batch_size, repeat).result()


def time_components(nlp, texts: list[str], batch_size: int) -> dict[str, float]:
    """Seconds per step, each step run over a batch as nlp.pipe would (after a warm-up)."""
    for _ in nlp.pipe(texts[:batch_size]):
        pass  # components that build their tables on first use do it here
    times = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "to_record": 0.0}
    for offset in range(0, len(texts), batch_size):
        batch = texts[offset : offset + batch_size]
        start = time.perf_counter()
        docs = [nlp.make_doc(t) for t in batch]
        times["tokenizer"] += time.perf_counter() - start
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            times[name] += time.perf_counter() - start
        start = time.perf_counter()
        for doc in docs:
            to_record(doc).to_json_dict()
        times["to_record"] += time.perf_counter() - start
    return times


# --------------------------------------------------------------------------- synthetic stream


def synthetic_articles(n: int, texts: list[str], sentences_per: tuple[int, int] = (1, 2), seed: int = 13):
    """``n`` short articles of a few sentences drawn from the source texts' own sentences."""
    rng = random.Random(seed)
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if len(s.split()) >= 4]
    for k in range(n):
        body = " ".join(rng.choice(sentences) for _ in range(rng.randint(*sentences_per)))
        yield {"id": f"syn-{k:07d}", "text": body, "source": "synthetic"}


class RssSampler(threading.Thread):
    """Samples the RSS of a process tree every ``every`` seconds (psutil)."""

    def __init__(self, pid: int, every: float = 0.5, log_every: int = 120) -> None:
        super().__init__(daemon=True)
        import psutil

        self.root = psutil.Process(pid)
        self.every = every
        self.log_every = log_every
        self.samples: list[tuple[float, float, float]] = []  # (t, parent MB, largest worker MB)
        self.peak: dict[int, float] = {}
        self._halt = threading.Event()

    def run(self) -> None:
        import psutil

        start = time.perf_counter()
        while not self._halt.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
                rss = {}
                for proc in procs:
                    try:
                        rss[proc.pid] = proc.memory_info().rss / 2**20
                    except psutil.Error:
                        continue
            except psutil.Error:
                break
            for pid, value in rss.items():
                self.peak[pid] = max(value, self.peak.get(pid, 0.0))
            parent = rss.get(self.root.pid, 0.0)
            workers = max((v for p, v in rss.items() if p != self.root.pid), default=0.0)
            now = time.perf_counter() - start
            self.samples.append((now, parent, workers))
            if self.log_every and len(self.samples) % self.log_every == 0:
                print(f"  {now:7.0f} s  parent {parent:6.0f} MB  worker {workers:6.0f} MB", file=sys.stderr)
            self._halt.wait(self.every)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def run_synthetic(n: int, texts: list[str], n_process: int, batch_size: int) -> dict:
    """Stream ``n`` articles to a file, run ``netral extract`` on it, sample memory."""
    with tempfile.TemporaryDirectory(prefix="netral-synthetic-") as tmp:
        source = Path(tmp) / "synthetic.jsonl"
        words = 0
        with source.open("w", encoding="utf-8") as handle:
            for article in synthetic_articles(n, texts):
                words += len(article["text"].split())
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
        size_mb = source.stat().st_size / 2**20
        out = Path(tmp) / "out.jsonl"
        command = [
            str(Path(sys.executable).with_name("netral")), "extract", str(source), "-o", str(out),
            "--n-process", str(n_process), "--batch-size", str(batch_size),
        ]
        start = time.perf_counter()
        proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        sampler = RssSampler(proc.pid)
        sampler.start()
        _, stderr = proc.communicate()
        sampler.stop()
        seconds = time.perf_counter() - start
        with out.open("rb") as handle:
            written = sum(1 for _ in handle)
    samples = sampler.samples
    quarters = [samples[min(len(samples) - 1, int(q * (len(samples) - 1)))] for q in (0.1, 0.5, 0.9)]
    return {
        "articles": n,
        "words": words,
        "input_mb": round(size_mb, 1),
        "written": written,
        "seconds": round(seconds, 1),
        "words_per_s": round(words / seconds),
        "returncode": proc.returncode,
        "summary": stderr.strip().splitlines()[-1] if stderr.strip() else "",
        "peak_mb": {pid: round(v, 1) for pid, v in sampler.peak.items()},
        "parent_at_10_50_90": [round(s[1], 1) for s in quarters],
        "worker_at_10_50_90": [round(s[2], 1) for s in quarters],
        "n_process": n_process,
    }


# --------------------------------------------------------------------------- report


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = f", load average at start {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (
        f"{model}, {cores} cores available{load}, Python {platform.python_version()}, "
        f"spaCy {spacy.__version__}, netral-nlp {netral_nlp.__version__}"
    )


def ok(flag: bool) -> str:
    return "yes" if flag else "**no**"


def report(r: dict) -> str:
    lines = [
        "## Throughput",
        "",
        "Measured by `python benchmarks/throughput.py"
        + (f" --synthetic {r['synthetic']['articles']}" if r.get("synthetic") else "")
        + f"` on {r['date']}.",
        "",
        f"- Machine: {r['machine']}.",
        f"- Texts: {r['source']} repeated to {r['texts']:,} articles, {r['words']:,} words "
        f"(whitespace words); batch size {r['batch_size']}; each words/s figure is the fastest of "
        f"{r['repeat']} passes (the ceiling's too).",
        f"- Pipeline: {', '.join(r['pipe_names'])}.",
        "",
        "| measure | words/s | ratio / figure | target | met |",
        "|---|---:|---:|---:|:-:|",
        f"| spaCy `spacy.blank(\"id\")` tokenizer (ceiling) | {r['ceiling']:,.0f} | 1.00 | | |",
        f"| netral tokenizer alone | {r['netral_tokenizer']:,.0f} | {r['netral_tokenizer'] / r['ceiling']:.2f} | | |",
        f"| full pipeline + records, 1 process | {r['one']:,.0f} | {r['one'] / r['ceiling']:.2f} of ceiling "
        f"| >= {TARGETS['ratio']:.2f} | {ok(r['one'] / r['ceiling'] >= TARGETS['ratio'])} |",
        f"| full pipeline + records, 2 processes | {r['two']:,.0f} | {r['two'] / r['one']:.2f}x speed-up "
        f"| >= {TARGETS['speedup']:.1f}x | {ok(r['two'] / r['one'] >= TARGETS['speedup'])} |",
        f"| peak RSS, 1-process run (its own process) | | {r['rss_one']:,.0f} MB | <= {TARGETS['rss_mb']:.0f} MB "
        f"| {ok(r['rss_one'] <= TARGETS['rss_mb'])} |",
        f"| peak RSS per worker, 2-process run | | {', '.join(f'{v:,.0f}' for v in r['rss_workers'])} MB "
        f"| <= {TARGETS['rss_mb']:.0f} MB | {ok(max(r['rss_workers']) <= TARGETS['rss_mb'])} |",
        "",
        "Time per step (1 process, each step over a batch as `nlp.pipe` runs it):",
        "",
        "| step | seconds | share | words/s of the step alone |",
        "|---|---:|---:|---:|",
    ]
    total = sum(r["components"].values())
    for name, seconds in r["components"].items():
        rate = f"{r['words'] / seconds:,.0f}" if seconds > 0 else "-"
        lines.append(f"| {name} | {seconds:.2f} | {seconds / total:.0%} | {rate} |")
    syn = r.get("synthetic")
    if syn:
        peaks = sorted(syn["peak_mb"].values(), reverse=True)
        lines += [
            "",
            f"Synthetic stream: {syn['articles']:,} articles ({syn['words']:,} words, "
            f"{syn['input_mb']} MB of JSONL) generated from the same texts' sentences, run through "
            f"`netral extract --n-process {syn['n_process']}`: {syn['written']:,} records written in "
            f"{syn['seconds']:,} s ({syn['words_per_s']:,} words/s, start-up included), exit "
            f"{syn['returncode']}. Peak RSS per process: {', '.join(f'{p:,.0f}' for p in peaks)} MB; "
            f"parent RSS at 10/50/90 % of the run {syn['parent_at_10_50_90']} MB, largest worker "
            f"{syn['worker_at_10_50_90']} MB (flat = constant memory).",
            "",
            f"`netral extract` summary: `{syn['summary']}`",
        ]
    lines += [
        "",
        "Words/s are whitespace-separated words of the input texts per second of wall time.",
        "Ratios compare figures of the same run; absolute figures depend on the machine and its load.",
        "",
    ]
    return "\n".join(lines)


def write_section(section: str) -> None:
    """Replace (or add) the Throughput section of benchmarks/README.md."""
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n\n"
    pattern = re.compile(r"^## Throughput\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    README.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-words", type=int, default=150_000, help="repeat the texts up to this many words")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--repeat", type=int, default=3, help="passes per measure; the fastest counts")
    parser.add_argument("--synthetic", type=int, default=0, help="also stream this many synthetic articles")
    parser.add_argument("--synthetic-processes", type=int, default=2)
    parser.add_argument("--no-readme", action="store_true", help="print the section, do not write README")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()

    base, label = source_texts()
    texts = repeated(base, args.min_words)
    words = count_words(texts)
    nlp = netral_nlp.load()
    blank = spacy.blank("id")
    time_tokenizer(blank, texts[:50], args.batch_size)  # warm up
    results = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": machine(),
        "source": label,
        "texts": len(texts),
        "words": words,
        "batch_size": args.batch_size,
        "pipe_names": nlp.pipe_names,
    }
    results["repeat"] = args.repeat
    results["ceiling"] = words / time_tokenizer(blank, texts, args.batch_size, args.repeat)
    netral_tok = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "netral.tokenizer.v1"}}})
    results["netral_tokenizer"] = words / time_tokenizer(netral_tok, texts, args.batch_size, args.repeat)
    print(f"ceiling {results['ceiling']:,.0f} words/s", file=sys.stderr)
    seconds, rss = time_engine_in_child(1, texts, args.batch_size, args.repeat)
    results["one"] = words / seconds
    results["rss_one"] = max(rss.values())
    print(f"1 process {results['one']:,.0f} words/s", file=sys.stderr)
    seconds, rss = time_engine(2, texts, args.batch_size, args.repeat)
    results["two"] = words / seconds
    results["rss_workers"] = sorted(rss.values(), reverse=True)
    print(f"2 processes {results['two']:,.0f} words/s", file=sys.stderr)
    results["components"] = time_components(nlp, texts, args.batch_size)
    if args.synthetic:
        print(f"synthetic: {args.synthetic:,} articles ...", file=sys.stderr)
        results["synthetic"] = run_synthetic(
            args.synthetic, base, args.synthetic_processes, args.batch_size
        )
    section = report(results)
    print(section)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    if not args.no_readme:
        write_section(section)


if __name__ == "__main__":
    main()
