"""Per-class precision / recall / F1, macro-F1 and the confusion matrix, in plain Python.

Used by `civmon evaluate`, by training (early stopping on dev macro-F1) and by the model
card, so every figure civmon reports is computed the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from classifiers.labels import LABELS


def report(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] = LABELS
) -> dict[str, Any]:
    """{"per_class": {label: {precision, recall, f1, support}}, "macro_f1", "accuracy",
    "confusion": {"labels": [...], "matrix": rows=gold, cols=predicted}, "n"}."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        matrix[index[g]][index[p]] += 1
    per_class = {}
    for i, label in enumerate(labels):
        tp = matrix[i][i]
        predicted_n = sum(row[i] for row in matrix)
        support = sum(matrix[i])
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    correct = sum(matrix[i][i] for i in range(len(labels)))
    return {
        "per_class": per_class,
        "macro_f1": sum(c["f1"] for c in per_class.values()) / len(labels),
        "accuracy": correct / len(gold) if gold else 0.0,
        "confusion": {"labels": list(labels), "matrix": matrix},
        "n": len(gold),
    }


def binary_f1(gold: Sequence[str], predicted: Sequence[str], positive: str = "attack") -> float:
    """F1 of one label against the rest (e.g. attack vs not attack)."""
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == positive)
    fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == positive != g)
    fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == positive != p)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def format_report(result: dict[str, Any]) -> str:
    """The report as an aligned text table, confusion matrix included."""
    lines = [f"{'label':<12} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8}"]
    for label, c in result["per_class"].items():
        lines.append(
            f"{label:<12} {c['precision']:>9.3f} {c['recall']:>7.3f} {c['f1']:>6.3f}"
            f" {c['support']:>8}"
        )
    lines.append(
        f"macro-F1 {result['macro_f1']:.3f}   accuracy {result['accuracy']:.3f}   n={result['n']}"
    )
    labels = result["confusion"]["labels"]
    lines.append("confusion (rows gold, columns predicted):")
    lines.append(" " * 12 + "".join(f"{label:>12}" for label in labels))
    for label, row in zip(labels, result["confusion"]["matrix"], strict=True):
        lines.append(f"{label:<12}" + "".join(f"{v:>12}" for v in row))
    return "\n".join(lines)
