"""`civmon evaluate`: a model's figures on a labelled file, beside the baseline's.

The baseline (TF-IDF + logistic regression) is trained on the same data as the model:
the campaign train split, plus the public sample the model's card records.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from classifiers.labels import LABELS
from classifiers.metrics import format_report
from classifiers.predict import Model, decide
from classifiers.training.data import DATA_DIR, Example, read_jsonl
from classifiers.training.pipeline import evaluate_labels
from classifiers.training.public import DEFAULT_SHARED, load_public


def training_data_of(
    model: Model, split_dir: Path = DATA_DIR, shared_dir: Path = DEFAULT_SHARED
) -> list[Example]:
    """The model's training data as its card describes it (without archive feedback)."""
    train_file = split_dir / "campaign-train.jsonl"
    rows = read_jsonl(train_file) if train_file.exists() else []
    hp = model.card.get("hyperparameters", {})
    limits = hp.get("public_limits") or {}
    if any(limits.values()) and shared_dir.exists():
        public, _ = load_public(
            shared_dir, limits, hp.get("public_weight", 0.5), hp.get("seed", 13)
        )
        rows += public
    return rows


def evaluate_file(
    model: Model,
    path: Path,
    n_errors: int = 10,
    baseline: bool = True,
    threshold: float | None = None,
) -> dict[str, Any]:
    """Figures for `model` on a JSONL file of {text, label}; worst errors first."""
    examples = read_jsonl(path)
    scores = model.predict([e.text for e in examples])
    predicted = [decide(s, threshold) for s in scores]
    gold = [e.label for e in examples]
    result: dict[str, Any] = {"file": str(path), "model_version": model.version}
    result["model"] = evaluate_labels(gold, predicted)
    errors: list[dict[str, Any]] = [
        {
            "text": e.text,
            "gold": g,
            "predicted": p,
            "confidence": round(s[p], 4),
            "scores": {k: round(v, 4) for k, v in s.items()},
        }
        for e, g, p, s in zip(examples, gold, predicted, scores, strict=True)
        if g != p
    ]
    errors.sort(key=lambda x: x["confidence"], reverse=True)
    result["worst_errors"] = errors[:n_errors]
    if baseline:
        train = training_data_of(model)
        if train:
            from classifiers.training.baseline import baseline_predict, train_baseline

            fitted = train_baseline(train)
            result["baseline"] = evaluate_labels(
                gold, baseline_predict(fitted, [e.text for e in examples])
            )
            result["baseline"]["trained_on"] = len(train)
        else:
            result["baseline"] = None
    return result


def format_evaluation(result: dict[str, Any]) -> str:
    lines = [
        f"{result['file']} with {result['model_version']}",
        "",
        format_report(result["model"]),
        f"attack-vs-rest F1 {result['model']['attack_vs_rest_f1']:.3f}",
    ]
    base = result.get("baseline")
    if base:
        lines += [
            "",
            f"baseline TF-IDF + LR (trained on {base['trained_on']} rows): "
            f"macro-F1 {base['macro_f1']:.3f}, "
            + ", ".join(f"{lab} F1 {base['per_class'][lab]['f1']:.3f}" for lab in LABELS),
        ]
    if result["worst_errors"]:
        lines += ["", "worst errors (most confident first):"]
        for err in result["worst_errors"]:
            text = err["text"].replace("\n", " ")
            text = text if len(text) <= 120 else text[:117] + "..."
            lines.append(
                f"  gold {err['gold']:<11} predicted {err['predicted']:<11} "
                f"({err['confidence']:.2f})  {text}"
            )
    return "\n".join(lines)
