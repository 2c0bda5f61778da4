"""Distillation: a 2-layer student learns the fine-tuned 6-layer model's answers.

Why: the fine-tuned MiniLM-L6 runs about 350 posts/s on a 2-core laptop CPU even fused
and in int8, and a campaign's whole hashtag traffic needs about 900. A student built from
the teacher's own embeddings and its first layers (top layers dropped, which loses the
least), each keeping its strongest feed-forward units, and trained on the teacher's
softened scores plus the gold labels keeps the accuracy at under a third of the cost.
The teacher also labels extra unlabelled real tweets (OLID), so the student learns how
the teacher reads platform text it was never shown.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from classifiers.labels import TOKENIZER_FILE
from classifiers.torch_model import MEAN, MEAN_QUERY, MiniLMClassifier
from classifiers.training.data import Example
from classifiers.training.trainer import (
    Rows,
    Schedule,
    Teacher,
    TrainConfig,
    TrainResult,
    begin,
    fit,
    logits_ids,
)


@dataclass
class DistillConfig:
    """Student hyper-parameters; written into the model card. `layers` empty = no student
    (the fine-tuned model itself is served)."""

    layers: list[int] = field(default_factory=lambda: [0, 1])
    intermediate_size: int = 1152  # feed-forward width kept per layer (the teacher's: 1536)
    pooling: str = MEAN_QUERY  # the last layer runs once, for the mean (see torch_model)
    epochs: int = 5
    lr: float = 1e-4
    head_lr: float = 3e-4
    warmup: float = 0.06
    temperature: float = 2.0
    alpha: float = 0.3
    unlabelled: int = 3000
    unlabelled_weight: float = 0.5
    max_minutes: float = 10.0


def teacher_layers(model: MiniLMClassifier) -> torch.nn.ModuleList:
    encoder: Any = model.encoder
    return encoder.encoder.layer  # type: ignore[no-any-return]


def student_of(
    teacher: MiniLMClassifier,
    layers: Sequence[int],
    intermediate_size: int | None = None,
    pooling: str = MEAN,
) -> MiniLMClassifier:
    """A copy of `teacher` keeping only the given encoder layers (in that order) and, when
    `intermediate_size` is given, only that many of each layer's feed-forward units: those
    with the largest product of input and output weight norms. With `mean-query` pooling
    the last kept layer runs once, for the mean of the token states; the head is kept."""
    depth = len(teacher_layers(teacher))
    if not layers or any(not 0 <= i < depth for i in layers):
        raise ValueError(f"student layers {list(layers)} are not layers of the teacher")
    student = copy.deepcopy(teacher)
    encoder: Any = student.encoder
    encoder.encoder.layer = torch.nn.ModuleList([encoder.encoder.layer[i] for i in layers])
    encoder.config.num_hidden_layers = len(layers)
    for index, layer in enumerate(encoder.encoder.layer):
        layer.attention.self.layer_idx = index  # cache slot; unused without a cache
    width = encoder.config.intermediate_size
    if intermediate_size and intermediate_size < width:
        for layer in encoder.encoder.layer:
            _narrow_feed_forward(layer, intermediate_size)
        encoder.config.intermediate_size = intermediate_size
    if pooling != student.pooling:
        head = student.head
        student = MiniLMClassifier(encoder, student.dropout.p, pooling=pooling)
        student.head = head
    return student


@torch.no_grad()
def _narrow_feed_forward(layer: Any, size: int) -> None:
    up, down = layer.intermediate.dense, layer.output.dense
    importance = up.weight.norm(dim=1) * down.weight.norm(dim=0)
    keep = importance.argsort(descending=True)[:size].sort().values
    narrow_up = torch.nn.Linear(up.in_features, size)
    narrow_up.weight.copy_(up.weight[keep])
    narrow_up.bias.copy_(up.bias[keep])
    narrow_down = torch.nn.Linear(size, down.out_features)
    narrow_down.weight.copy_(down.weight[:, keep])
    narrow_down.bias.copy_(down.bias)
    layer.intermediate.dense, layer.output.dense = narrow_up, narrow_down


def distill(
    teacher: MiniLMClassifier,
    base_path: Path,
    train_set: Sequence[Example],
    unlabelled: Sequence[str],
    dev_set: Sequence[Example],
    config: TrainConfig,
    student: DistillConfig,
    progress: bool = True,
    log: Callable[[str], None] = print,
) -> TrainResult:
    """Train a `student.layers` student of `teacher`; keep the best by dev macro-F1."""
    from classifiers.encode import load_tokenizer

    started = begin(config)
    tokenizer = load_tokenizer(base_path / TOKENIZER_FILE)
    rows = Rows.of(tokenizer, train_set, config.max_length, unlabelled, student.unlabelled_weight)
    dev = Rows.of(tokenizer, dev_set, config.max_length)
    log(f"distillation: teacher scores {len(rows.ids)} rows ({len(unlabelled)} unlabelled)")
    soft = Teacher(
        torch.from_numpy(logits_ids(teacher, rows.ids)), student.temperature, student.alpha
    )
    model = student_of(teacher, student.layers, student.intermediate_size, student.pooling)
    budget = TrainConfig(**{**config.__dict__, "max_minutes": student.max_minutes})
    steps = Schedule(student.epochs, student.lr, student.head_lr, student.warmup)
    return fit(
        model,
        rows,
        dev,
        budget,
        steps,
        started,
        teacher=soft,
        progress=progress,
        log=log,
        desc="distilling",
    )
