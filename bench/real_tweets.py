"""Real-tweet proxies for issue 4's published-study check: attack-versus-rest F1 of a
model on real tweets that training never saw.

    .venv/bin/python -m bench.real_tweets [--model DIR]

- Theocharis et al. (2020) tweets to US Congress members, the rows of
  `training-data.csv` that `civmon train`'s seeded public sample did not take; their
  `uncivil` label stands in for attack (noisy: it also covers vulgar policy talk).
- OLID's test set (OffensEval 2019): OFF+TIN+IND/GRP (an insult aimed at a person or a
  group) as attack, everything else as not.

Neither label is civmon's definition, so these are proxies, reported next to the
campaign test split; results go to bench/out/real_tweets.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from classifiers.metrics import binary_f1  # noqa: E402
from classifiers.predict import load_model  # noqa: E402
from classifiers.training.pipeline import DEFAULT_PUBLIC_LIMITS  # noqa: E402
from classifiers.training.public import DEFAULT_SHARED, READERS, load_public  # noqa: E402
from classifiers.training.trainer import TrainConfig  # noqa: E402


def theocharis_held_out(shared: Path) -> list[tuple[str, str]]:
    """(text, attack|not) for Theocharis rows outside the training sample."""
    public, _ = load_public(shared, DEFAULT_PUBLIC_LIMITS, 0.5, TrainConfig().seed)
    used = {e.text for e in public}
    return [
        (text, "attack" if label == "attack" else "not")
        for text, label in READERS["theocharis"](shared)
        if label and text.strip() and text not in used
    ]


def olid_test(shared: Path) -> list[tuple[str, str]]:
    """(text, attack|not) for OLID's test set, joined with its three label files."""
    root = shared / "olid"

    def labels(level: str) -> dict[str, str]:
        with open(root / f"labels-level{level}.csv", encoding="utf-8", newline="") as fh:
            return {row["id"]: row["label"] for row in csv.DictReader(fh)}

    a, b, c = labels("a"), labels("b"), labels("c")
    with open(root / "testset-levela.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        (
            row["tweet"],
            "attack"
            if (a.get(row["id"]), b.get(row["id"]), c.get(row["id"]))
            in {("OFF", "TIN", "IND"), ("OFF", "TIN", "GRP")}
            else "not",
        )
        for row in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="model directory (default: shipped)")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args()
    if not args.shared.exists():
        raise SystemExit(f"{args.shared} not found: the public sets are needed")
    model = load_model(args.model, cache_size=0)
    results: dict[str, object] = {"model_version": model.version}
    for name, rows in (
        ("theocharis_held_out", theocharis_held_out(args.shared)),
        ("olid_test", olid_test(args.shared)),
    ):
        predicted = [
            "attack" if p == "attack" else "not" for p in model.labels([t for t, _ in rows])
        ]
        gold = [g for _, g in rows]
        results[name] = {
            "n": len(rows),
            "attack_share": round(gold.count("attack") / len(rows), 3),
            "attack_vs_rest_f1": round(binary_f1(gold, predicted), 4),
        }
        f1 = binary_f1(gold, predicted)
        print(f"{name:<22} n={len(rows):>5}  attack-vs-rest F1 {f1:.3f}")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "real_tweets.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
