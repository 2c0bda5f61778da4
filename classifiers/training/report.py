"""MODEL_CARD.md: the card.json record written out for people."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from classifiers.metrics import format_report


def _row(name: str, m: dict[str, Any]) -> str:
    pc = m["per_class"]
    return (
        f"| {name} | {m['macro_f1']:.3f} | {pc['attack']['f1']:.3f} | "
        f"{pc['substantive']['f1']:.3f} | {pc['other']['f1']:.3f} | {m['accuracy']:.3f}"
        f" | {m['n']} |"
    )


def render(card: dict[str, Any]) -> str:
    m = card["metrics"]
    data = card["data"]
    hp = card["hyperparameters"]
    lines = [
        f"# Model card: {card['model_version']}",
        "",
        f"Created {card['created']}. Labels (output order): {', '.join(card['labels'])}. "
        f"Format version {card['format_version']}.",
        "",
        "## Model",
        f"- Base: `{card['base_model']['name']}` from the "
        f"`{card['base_model']['package']}` package "
        f"(weights sha256 `{card['base_model']['weights_sha256']}`), whole encoder fine-tuned, "
        "mean pooling, dropout, linear 3-way head (the teacher).",
        *_student_lines(card),
        f"- Served as dynamic-int8 ONNX (`model.int8.onnx`), inputs normalised by "
        f"`classifiers.normalize`, max {card['max_length']} tokens (head + tail of long posts).",
        "",
        "## Results",
        "| split | macro-F1 | attack F1 | substantive F1 | other F1 | accuracy | n |",
        "|---|---|---|---|---|---|---|",
        _row("dev (int8, served)", m["dev"]),
        _row("test (int8, served)", m["test"]),
        _row("dev (fp32, before export)", m["dev_fp32"]),
        *(
            [_row("dev + a hashtag on every post (int8)", m["dev_hashtag"])]
            if "dev_hashtag" in m
            else []
        ),
        *(
            [
                _row("fine-tuned teacher dev (fp32)", m["teacher"]["dev"]),
                _row("fine-tuned teacher test (fp32)", m["teacher"]["test"]),
            ]
            if m.get("teacher")
            else []
        ),
        _row("baseline TF-IDF+LR dev", m["baseline"]["dev"]),
        _row("baseline TF-IDF+LR test", m["baseline"]["test"]),
        "",
        "Test confusion matrix (int8):",
        "```",
        format_report(m["test"]),
        "```",
        "",
        "## Data",
        f"- Written campaign set: {data['written_stats']}",
    ]
    for name, s in data["splits"].items():
        lines.append(
            f"- {name}: `{s['file']}` n={s['n']} labels={s['labels']} sha256 `{s['sha256']}`"
        )
    for name, f in data["written"].items():
        lines.append(f"- written/{name}: {f['lines']} lines, sha256 `{f['sha256']}`")
    lines.append(
        f"- Public sets (train only, loss weight {hp['public_weight']}): {data['public'] or 'none'}"
    )
    lines.append(f"- Human feedback rows (train only): {data['feedback']}")
    lines += ["", "## Hyper-parameters", "```"]
    lines += [f"{k}: {v}" for k, v in sorted(hp.items())]
    lines += [
        "```",
        "",
        "## Training",
        f"{card['training']['seconds']} s, best step {card['training']['best_step']}, "
        f"stopped by {card['training']['stopped']}.",
        "",
    ]
    lines += _curve(card["training"])
    if card.get("distillation"):
        d = card["distillation"]
        lines += [
            "",
            "## Distillation",
            f"{d['seconds']} s, best step {d['best_step']}, stopped by {d['stopped']}; "
            f"{d['unlabelled_rows']} unlabelled tweets labelled by the teacher.",
            "",
            *_curve(d),
        ]
    return "\n".join(lines) + "\n"


def _curve(training: dict[str, Any]) -> list[str]:
    return [
        f"- step {point['step']} (epoch {point['epoch']}): dev macro-F1 {point['dev_macro_f1']:.4f}"
        for point in training["dev_curve"]
    ]


def _student_lines(card: dict[str, Any]) -> list[str]:
    """What is served when it is a distilled student rather than the fine-tuned model."""
    if not card.get("distillation"):
        return []
    d = card["distillation"]
    encoder = card["encoder_config"]
    pooling = encoder.get("pooling", "mean")
    how = (
        "its last layer run once, for the mean of the token states (mean-query pooling)"
        if pooling == "mean-query"
        else "mean pooling"
    )
    return [
        f"- Served: a {encoder['num_hidden_layers']}-layer student distilled from the "
        f"fine-tuned 6-layer model (teacher layers {d['layers']} kept with "
        f"{encoder['intermediate_size']} feed-forward units each, its embeddings and head; "
        f"{how}), trained on the teacher's softened scores and the gold labels, at the cost "
        "shown under Results (teacher rows).",
    ]


def write_model_card(model_dir: Path, card: dict[str, Any]) -> Path:
    path = model_dir / "MODEL_CARD.md"
    path.write_text(render(card), encoding="utf-8")
    return path
