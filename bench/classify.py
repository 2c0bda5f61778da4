"""Benchmark: civmon's `predict` against a plain transformers pipeline, same model.

    .venv/bin/python bench/classify.py [--model DIR] [--posts 10000] [--pipeline-posts 1000]

Posts: 10,000 distinct tweet-length texts (real tweets from OLID and Theocharis et al. in
../shared/data, topped up with the written campaign set), so neither the cache nor
in-batch de-duplication can help. Each side runs in its own fresh process, which reports
its model load time, its throughput and its peak memory (ru_maxrss):
  - civmon: `load_model(DIR).predict(posts)` (int8 ONNX, length-bucketed batches), called
    on 512 posts at a time as the service's jobs do;
  - civmon (one call): one `predict` call over all 10,000 (longer runs of similar length
    to batch together, so less padding);
  - pipeline: `transformers.pipeline("text-classification")` over the same fine-tuned
    network in fp32 torch, one post at a time (weights from model.safetensors when the
    directory keeps them, else dequantised from the int8 file), on the first
    --pipeline-posts posts (a rate; one-at-a-time over all 10,000 takes minutes).
Another run, `civmon (stream)`, feeds a hashtag-like stream where 40% of posts repeat an
earlier one (retweets), with the cache on (emptied before each pass).

Each civmon run times --repeat passes (default 3) in its process after a warm-up and
reports the median pass with the slowest and fastest: a shared 2-core machine swings by
±15% between identical passes, and one pass says little. Results go to
bench/out/classify.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"
THREADS = int(os.environ.get("CIVMON_BENCH_THREADS", "2"))


def tweet_texts(n: int) -> list[str]:
    """n distinct texts of at most 280 characters, deterministic."""
    texts: list[str] = []
    seen: set[str] = set()

    def add(text: str) -> None:
        text = text.strip()
        if text and len(text) <= 280 and text not in seen:
            seen.add(text)
            texts.append(text)

    csv.field_size_limit(10**8)
    olid = SHARED / "olid" / "olid-training-v1.0.tsv"
    if olid.exists():
        with open(olid, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                add(row["tweet"])
    theo = SHARED / "theocharis_2020_incivility" / "training-data.csv"
    if theo.exists():
        with open(theo, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                add(row["text"])
    for path in sorted((ROOT / "classifiers" / "data" / "written").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                add(json.loads(line)["text"])
    if len(texts) < n:
        raise SystemExit(f"only {len(texts)} distinct tweet-length texts available")
    step = len(texts) / n
    return [texts[int(i * step)] for i in range(n)]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_civmon(
    model_dir: str, n: int, stream: bool, repeat: int, chunk: int = 512
) -> dict[str, object]:
    texts = tweet_texts(n)
    if stream:  # 40% of the stream repeats an earlier post, as retweets do
        texts = [texts[i] if i % 5 >= 2 else texts[i // 2] for i in range(n)]
    started = time.perf_counter()
    from classifiers.predict import load_model

    model = load_model(model_dir, threads=THREADS, cache_size=8192 if stream else 0)
    load_s = time.perf_counter() - started
    model.predict(texts[:64])  # warm-up: first-run allocations
    passes = []
    for _ in range(repeat):
        model._cache.clear()  # each pass starts cold, as a fresh service would
        started = time.perf_counter()
        for start in range(0, n, chunk):  # as the service does: batches of new posts
            model.predict(texts[start : start + chunk])
        passes.append(time.perf_counter() - started)
    return _result(n, passes, load_s, model.backend.name)


def _result(n: int, passes: list[float], load_s: float, backend: str) -> dict[str, object]:
    """One run's figures, in the same shape for both contenders: the median pass, and the
    rate of every pass."""
    rates = sorted(n / seconds for seconds in passes)
    return {"posts": n, "seconds": statistics.median(passes),
            "posts_per_s": statistics.median(rates), "passes_posts_per_s": rates,
            "load_s": load_s, "peak_mb": peak_mb(), "backend": backend}


def worker_pipeline(model_dir: str, n: int) -> dict[str, float]:
    texts = tweet_texts(n)
    started = time.perf_counter()
    import torch
    from transformers import BertTokenizerFast, pipeline

    from bench.hf_model import CivmonForSequenceClassification

    torch.set_num_threads(THREADS)
    card = json.loads((Path(model_dir) / "card.json").read_text())
    model = CivmonForSequenceClassification.from_civmon(Path(model_dir), card["encoder_config"])
    tokenizer = BertTokenizerFast(tokenizer_file=str(Path(model_dir) / "tokenizer.json"))
    classify = pipeline(
        "text-classification", model=model, tokenizer=tokenizer, device="cpu", top_k=None
    )
    load_s = time.perf_counter() - started
    classify(texts[0])
    started = time.perf_counter()
    for text in texts:
        classify(text, truncation=True, max_length=card["max_length"])
    return _result(n, [time.perf_counter() - started], load_s,
                   "transformers pipeline, fp32, batch 1")


def run_worker(args: list[str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    if done.returncode != 0:
        raise SystemExit(f"worker {args} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(ROOT / "classifiers" / "model"))
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--pipeline-posts", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per civmon run")
    parser.add_argument("--worker", choices=["civmon", "one-call", "stream", "pipeline"])
    args = parser.parse_args()
    if args.worker in ("civmon", "one-call", "stream"):
        chunk = args.posts if args.worker == "one-call" else 512
        stream = args.worker == "stream"
        print(json.dumps(worker_civmon(args.model, args.posts, stream, args.repeat, chunk)))
        return
    if args.worker == "pipeline":
        print(json.dumps(worker_pipeline(args.model, args.pipeline_posts)))
        return
    common = ["--model", args.model, "--posts", str(args.posts), "--repeat", str(args.repeat)]
    results = {
        "civmon": run_worker([*common, "--worker", "civmon"]),
        "civmon (one call)": run_worker([*common, "--worker", "one-call"]),
        "civmon (stream)": run_worker([*common, "--worker", "stream"]),
        "pipeline": run_worker(
            [*common, "--pipeline-posts", str(args.pipeline_posts), "--worker", "pipeline"]
        ),
    }
    results["speedup"] = results["civmon"]["posts_per_s"] / results["pipeline"]["posts_per_s"]
    results["cpu_count"] = os.cpu_count()
    results["threads"] = THREADS
    results["load_average_1m"] = os.getloadavg()[0]
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "classify.json").write_text(json.dumps(results, indent=2))
    print(f"{'run':<19}{'posts':>7}{'posts/s':>10}{'passes':>14}{'load s':>8}{'peak MB':>9}"
          "  backend")
    for name in ("civmon", "civmon (one call)", "civmon (stream)", "pipeline"):
        r = results[name]
        spread = f"{min(r['passes_posts_per_s']):.0f}-{max(r['passes_posts_per_s']):.0f}"
        print(
            f"{name:<19}{r['posts']:>7}{r['posts_per_s']:>10.1f}{spread:>14}{r['load_s']:>8.2f}"
            f"{r['peak_mb']:>9.0f}  {r['backend']}"
        )
    print(
        f"speed-up over the pipeline: {results['speedup']:.1f}x "
        f"({THREADS} threads, load average {results['load_average_1m']:.1f})"
    )


if __name__ == "__main__":
    main()
