"""Fine-tuning the whole MiniLM with a 3-way head: seeded, class-weighted, early-stopped.

Why these choices: mean pooling matches how all-MiniLM-L6-v2 was trained; class weights
keep the smaller class (other) from being ignored; public rows may carry the partial label
`not_attack`, whose loss only asks that the attack score be low; batches group posts of
similar length so that short tweets do not pay for long comments' padding; the best
epoch by dev macro-F1 is kept, and training stops when dev stops improving or the time
budget runs out.
"""

from __future__ import annotations

import copy
import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from tqdm import tqdm

from classifiers.encode import encode, load_tokenizer, pad
from classifiers.labels import LABEL_TO_ID, LABELS, TOKENIZER_FILE
from classifiers.metrics import report
from classifiers.torch_model import MiniLMClassifier, load_pretrained
from classifiers.training.data import Example

PARTIAL = -1  # label id of `not_attack`: substantive or other
UNLABELLED = -2  # a row only the teacher labels (distillation)


@dataclass
class TrainConfig:
    """Hyper-parameters; every field is written into the model card."""

    max_length: int = 128
    epochs: int = 2
    batch_size: int = 32
    lr: float = 8e-5
    head_lr: float = 1e-3
    weight_decay: float = 0.01
    warmup: float = 0.1
    dropout: float = 0.1
    patience: int = 1
    seed: int = 13
    threads: int = 2
    max_minutes: float = 17.0
    evals_per_epoch: int = 2


@dataclass
class TrainResult:
    model: MiniLMClassifier
    best_dev_macro_f1: float
    best_step: int
    history: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    stopped: str = "epochs"


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def begin(config: TrainConfig) -> float:
    """Set threads and seeds for a run; returns its start (for the time budget)."""
    torch.set_num_threads(config.threads)
    seed_everything(config.seed)
    return time.monotonic()


def class_weights(examples: Sequence[Example]) -> torch.Tensor:
    """Inverse-frequency weights over the fully labelled rows, mean 1."""
    counts = np.array([sum(1 for e in examples if e.label == lab) for lab in LABELS], dtype=float)
    counts = np.maximum(counts, 1.0)
    weights = counts.sum() / (len(LABELS) * counts)
    return torch.tensor(weights / weights.mean(), dtype=torch.float32)


def loss_fn(
    logits: torch.Tensor, labels: torch.Tensor, weights: torch.Tensor, cw: torch.Tensor
) -> torch.Tensor:
    """Weighted NLL; rows labelled PARTIAL use -log(p(substantive) + p(other))."""
    logp = torch.log_softmax(logits, dim=-1)
    full = labels >= 0
    safe = labels.clamp(min=0)
    nll_full = -logp.gather(1, safe.unsqueeze(1)).squeeze(1) * cw[safe]
    nll_partial = -torch.logsumexp(logp[:, 1:], dim=1) * cw[1:].mean()
    nll = torch.where(full, nll_full, nll_partial)
    return (nll * weights).sum() / weights.sum()


def make_batches(lengths: Sequence[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar-length rows: shuffle, sort within pools of 50 batches."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = batch_size * 50
    batches = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lengths.__getitem__)
        batches += [chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


@torch.inference_mode()
def logits_ids(model: MiniLMClassifier, ids: list[list[int]], batch_size: int = 64) -> np.ndarray:
    """Raw logits for pre-encoded rows, in their order (batched by length)."""
    model.eval()
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    out = np.zeros((len(ids), len(LABELS)), dtype=np.float32)
    for start in range(0, len(order), batch_size):
        rows = order[start : start + batch_size]
        input_ids, mask = pad([ids[i] for i in rows])
        out[rows] = model(torch.from_numpy(input_ids), torch.from_numpy(mask)).numpy()
    return out


def predict_ids(model: MiniLMClassifier, ids: list[list[int]], batch_size: int = 64) -> np.ndarray:
    """Class probabilities for pre-encoded rows, in their order."""
    logits = torch.from_numpy(logits_ids(model, ids, batch_size))
    return torch.softmax(logits, dim=-1).numpy()


def train(
    base_path: Path,
    train_set: Sequence[Example],
    dev_set: Sequence[Example],
    config: TrainConfig,
    progress: bool = True,
    log: Callable[[str], None] = print,
) -> TrainResult:
    """Fine-tune from `base_path` on `train_set`; keep the best model by dev macro-F1."""
    started = begin(config)
    tokenizer = load_tokenizer(base_path / TOKENIZER_FILE)
    rows = Rows.of(tokenizer, train_set, config.max_length)

    from transformers import logging as hf_logging

    hf_logging.set_verbosity_error()  # the base checkpoint's unused pooler is expected
    model = load_pretrained(base_path, dropout=config.dropout)
    dev = Rows.of(tokenizer, dev_set, config.max_length)
    steps = Schedule(config.epochs, config.lr, config.head_lr, config.warmup)
    return fit(model, rows, dev, config, steps, started, progress=progress, log=log)


@dataclass
class Rows:
    """Encoded training rows: token ids, label ids (PARTIAL, or UNLABELLED for rows only a
    teacher speaks for), loss weights, and the labels' names for scoring."""

    ids: list[list[int]]
    labels: torch.Tensor
    weights: torch.Tensor
    gold: list[str]
    class_weights: torch.Tensor

    @classmethod
    def of(
        cls,
        tokenizer: Any,
        examples: Sequence[Example],
        max_length: int,
        unlabelled: Sequence[str] = (),
        unlabelled_weight: float = 0.5,
    ) -> Rows:
        texts = [e.text for e in examples] + list(unlabelled)
        labels = [LABEL_TO_ID.get(e.label, PARTIAL) for e in examples]
        weights = [e.weight for e in examples] + [unlabelled_weight] * len(unlabelled)
        return cls(
            ids=encode(tokenizer, texts, max_length),
            labels=torch.tensor(labels + [UNLABELLED] * len(unlabelled)),
            weights=torch.tensor(weights, dtype=torch.float32),
            gold=[e.label for e in examples],
            class_weights=class_weights([e for e in examples if e.source == "written"] or examples),
        )


@dataclass
class Schedule:
    """How long and how fast one fit runs: epochs, encoder and head learning rates, and the
    share of steps spent warming up."""

    epochs: int
    lr: float
    head_lr: float
    warmup: float


@dataclass
class Teacher:
    """Soft targets for distillation: the teacher's logits for every row, the softmax
    temperature, and how much of the loss the gold labels keep (`alpha`)."""

    logits: torch.Tensor
    temperature: float
    alpha: float

    def loss(
        self, logits: torch.Tensor, rows: list[int], hard: torch.Tensor, weights: torch.Tensor
    ) -> torch.Tensor:
        t = self.temperature
        soft = torch.softmax(self.logits[rows] / t, dim=-1)
        kd = torch.nn.functional.kl_div(
            torch.log_softmax(logits / t, dim=-1), soft, reduction="none"
        ).sum(-1) * (t * t)
        return self.alpha * hard + (1 - self.alpha) * (kd * weights).sum() / weights.sum()


def fit(
    model: MiniLMClassifier,
    rows: Rows,
    dev: Rows,
    config: TrainConfig,
    steps: Schedule,
    started: float,
    *,
    teacher: Teacher | None = None,
    progress: bool = True,
    log: Callable[[str], None] = print,
    desc: str = "training",
) -> TrainResult:
    """The training loop shared by fine-tuning and distillation: AdamW with linear warm-up
    and decay, gradient clipping, evaluation on dev a few times an epoch, the best state
    kept, early stopping and a time budget."""
    head = [p for n, p in model.named_parameters() if n.startswith("head.")]
    no_decay = [p for n, p in model.named_parameters() if not n.startswith("head.") and p.ndim < 2]
    decay = [p for n, p in model.named_parameters() if not n.startswith("head.") and p.ndim >= 2]
    optimizer = torch.optim.AdamW(
        [
            {"params": decay, "lr": steps.lr, "weight_decay": config.weight_decay},
            {"params": no_decay, "lr": steps.lr, "weight_decay": 0.0},
            {"params": head, "lr": steps.head_lr, "weight_decay": 0.0},
        ]
    )
    rng = random.Random(config.seed)
    steps_per_epoch = math.ceil(len(rows.ids) / config.batch_size)
    total = steps_per_epoch * steps.epochs
    warmup = max(1, int(total * steps.warmup))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup)))
    )
    lengths = [len(x) for x in rows.ids]
    eval_every = max(1, steps_per_epoch // max(1, config.evals_per_epoch))
    result = TrainResult(model=model, best_dev_macro_f1=-1.0, best_step=0)
    best_state: dict[str, torch.Tensor] | None = None
    bad_evals, step = 0, 0
    bar = tqdm(total=total, desc=desc, unit="batch", disable=not progress)
    for epoch in range(steps.epochs):
        model.train()
        for batch in make_batches(lengths, config.batch_size, rng):
            input_ids, mask = pad([rows.ids[i] for i in batch])
            logits = model(torch.from_numpy(input_ids), torch.from_numpy(mask))
            labels, weights = rows.labels[batch], rows.weights[batch]
            labelled = labels != UNLABELLED
            hard = (
                loss_fn(logits[labelled], labels[labelled], weights[labelled], rows.class_weights)
                if bool(labelled.any())
                else logits.sum() * 0.0
            )
            loss = teacher.loss(logits, batch, hard, weights) if teacher else hard
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            bar.update(1)
            bar.set_postfix(epoch=epoch + 1, loss=f"{loss.item():.3f}")
            result.history.append({"step": step, "loss": float(loss.item())})
            out_of_time = time.monotonic() - started > config.max_minutes * 60
            if step % eval_every == 0 or step == total or out_of_time:
                probs = predict_ids(model, dev.ids)
                f1 = report(dev.gold, [LABELS[i] for i in probs.argmax(1)])["macro_f1"]
                result.history.append({"step": step, "epoch": epoch + 1, "dev_macro_f1": f1})
                log(f"{desc} step {step}/{total} epoch {epoch + 1}: dev macro-F1 {f1:.4f}")
                model.train()
                if f1 > result.best_dev_macro_f1:
                    result.best_dev_macro_f1, result.best_step, bad_evals = f1, step, 0
                    best_state = copy.deepcopy(model.state_dict())
                else:
                    bad_evals += 1
                if bad_evals > config.patience:
                    result.stopped = "early stopping on dev macro-F1"
                    break
                if out_of_time:
                    result.stopped = f"time budget ({config.max_minutes} min)"
                    break
        else:
            continue
        break
    bar.close()
    if best_state is not None:
        model.load_state_dict(best_state)
    model.eval()
    result.seconds = time.monotonic() - started
    return result
