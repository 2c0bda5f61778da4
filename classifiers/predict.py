"""Serving the classifier: `load_model(path).predict(texts) -> [{label: score}]`.

onnxruntime runs the int8 model (fast on a laptop CPU); when onnxruntime is missing, or
the directory holds only torch weights, torch runs the same network (slower). Posts are
batched by length, identical texts are scored once, and a small cache remembers recent
texts, because a hashtag stream repeats itself (retweets, copy-paste campaigns).

On onnxruntime each batch runs on one core and `threads` batches run side by side: for a
network this small, splitting one batch's operators over cores spends more time
synchronising than computing (measured: about 10% more posts/s at 512 posts a call).

The model directory's card is checked on load: a label map or format this code does not
serve is refused with ModelMismatch.
"""

from __future__ import annotations

import math
import os
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from classifiers.card import check_card, read_card
from classifiers.encode import encode, length_batches, load_tokenizer, pad
from classifiers.errors import ClassifierError
from classifiers.labels import LABELS, NAMES_MASKED_SINCE, ONNX_FILE, TOKENIZER_FILE, TORCH_FILE
from classifiers.normalize import normalize

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "model"


class _Backend(Protocol):
    name: str
    lanes: int  # batches it can run side by side, each from its own thread

    def logits(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray: ...


class _OnnxBackend:
    name = "onnxruntime"

    def __init__(self, path: Path, threads: int) -> None:
        import onnxruntime as ort

        self.lanes = threads
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # one core per batch; `lanes` batches at once
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        try:
            self.session = ort.InferenceSession(
                str(path), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise ClassifierError(
                f"cannot load {path}: {exc}", "retrain with `civmon train`"
            ) from None

    def logits(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        feed = {"input_ids": input_ids, "attention_mask": attention_mask}
        return np.asarray(self.session.run(["logits"], feed)[0], dtype=np.float32)


class _TorchBackend:
    name = "torch"
    lanes = 1  # torch spreads one batch over its own threads

    def __init__(self, model_dir: Path, card: dict[str, Any], threads: int) -> None:
        import torch

        from classifiers.torch_model import build_classifier, state_dict_from_onnx

        torch.set_num_threads(threads)
        self.torch = torch
        self.model = build_classifier(card["encoder_config"])
        if (model_dir / TORCH_FILE).exists():
            from safetensors.torch import load_file

            state = load_file(str(model_dir / TORCH_FILE))
        else:
            state = state_dict_from_onnx(model_dir / ONNX_FILE)
        missing, unexpected = self.model.load_state_dict(state, strict=False)
        if missing or unexpected:
            raise ClassifierError(
                f"torch weights in {model_dir} do not fit the network: missing {missing[:3]}, "
                f"unexpected {unexpected[:3]}",
                "retrain with `civmon train`",
            )
        self.model.eval()

    def logits(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        with self.torch.inference_mode():
            out = self.model(
                self.torch.from_numpy(input_ids), self.torch.from_numpy(attention_mask)
            )
        return out.numpy().astype(np.float32)


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


class Model:
    """A loaded, card-checked classifier. `predict` is safe to call from one thread."""

    _pool: ThreadPoolExecutor | None = None

    def __init__(
        self,
        model_dir: Path,
        *,
        backend: str = "auto",
        threads: int | None = None,
        batch_tokens: int = 1024,
        max_batch: int = 32,
        cache_size: int = 8192,
    ) -> None:
        self.path = Path(model_dir)
        self.card = read_card(self.path)
        check_card(self.card, self.path)
        self.version: str = self.card["model_version"]
        self.max_length: int = self.card["max_length"]
        # the input the model was trained on: names masked from format version 3 on
        self.mask_names: bool = self.card["format_version"] >= NAMES_MASKED_SINCE
        tokenizer_path = self.path / TOKENIZER_FILE
        if not tokenizer_path.exists():
            raise ClassifierError(
                f"no {TOKENIZER_FILE} in {self.path}", "retrain with `civmon train`"
            )
        self.tokenizer = load_tokenizer(tokenizer_path)
        threads = threads or min(4, os.cpu_count() or 1)
        self.backend: _Backend = self._open_backend(backend, threads)
        self.batch_tokens, self.max_batch = batch_tokens, max_batch
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    def _open_backend(self, backend: str, threads: int) -> _Backend:
        onnx_path = self.path / ONNX_FILE
        if backend in ("auto", "onnx") and onnx_path.exists():
            try:
                return _OnnxBackend(onnx_path, threads)
            except ImportError:
                if backend == "onnx":
                    raise ClassifierError(
                        "onnxruntime is not installed", "pip install onnxruntime"
                    ) from None
        if backend == "onnx":
            raise ClassifierError(f"no {ONNX_FILE} in {self.path}", "retrain with `civmon train`")
        if "encoder_config" not in self.card:
            raise ClassifierError(
                f"model {self.path} cannot run on torch: no encoder_config in its card"
            )
        try:
            return _TorchBackend(self.path, self.card, threads)
        except ImportError:
            raise ClassifierError(
                "neither onnxruntime nor torch can be imported", "pip install onnxruntime"
            ) from None

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Scores as an array (len(texts), 3) in LABELS order; rows sum to 1."""
        keys = [normalize(t, mask_names=self.mask_names) for t in texts]
        if not keys:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        fresh = list(dict.fromkeys(k for k in keys if k not in self._cache))
        scored = dict(zip(fresh, self._score(fresh), strict=True)) if fresh else {}
        rows = [scored[k] if k in scored else self._cache[k] for k in keys]
        self._remember(scored)
        return np.stack(rows)

    def _score(self, normalised: list[str]) -> np.ndarray:
        ids = encode(self.tokenizer, normalised, self.max_length, normalised=True)
        out = np.zeros((len(ids), len(LABELS)), dtype=np.float32)
        lanes = self.backend.lanes
        # A small call still gets one batch per lane, so that no core sits idle.
        rows = min(self.max_batch, max(4, math.ceil(len(ids) / lanes)))
        batches = list(length_batches([len(x) for x in ids], self.batch_tokens, rows))

        def run(batch: list[int]) -> None:
            input_ids, mask = pad([ids[i] for i in batch])
            out[batch] = _softmax(self.backend.logits(input_ids, mask))

        if lanes > 1 and len(batches) > 1:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(lanes, thread_name_prefix="civmon-classify")
            list(self._pool.map(run, batches))  # re-raises the first batch's error
        else:
            for batch in batches:
                run(batch)
        return out

    def _remember(self, scored: dict[str, np.ndarray]) -> None:
        """Keep the newest `cache_size` texts' scores (least recently scored go first)."""
        if self._cache_size <= 0:
            return
        self._cache.update(scored)
        for key in scored:
            self._cache.move_to_end(key)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def predict(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """One {attack, substantive, other} score dict per text, summing to 1."""
        return [
            {label: float(p) for label, p in zip(LABELS, row, strict=True)}
            for row in self.predict_proba(texts)
        ]

    def labels(self, texts: Sequence[str]) -> list[str]:
        """The arg-max label of each text."""
        return [LABELS[int(i)] for i in self.predict_proba(texts).argmax(axis=1)]


def decide(scores: dict[str, float], attack_threshold: float | None = None) -> str:
    """The label for one score dict: the arg-max, except that `attack` needs at least
    `attack_threshold` (when given); below it the better of the other two wins."""
    best = max(LABELS, key=scores.__getitem__)
    if attack_threshold is None:
        return best
    if scores["attack"] >= attack_threshold:
        return "attack"
    return best if best != "attack" else max(LABELS[1:], key=scores.__getitem__)


def load_model(path: str | Path | None = None, **options: Any) -> Model:
    """Load and check the model at `path` (default: the model shipped with civmon)."""
    return Model(Path(path) if path else DEFAULT_MODEL_DIR, **options)


_default: Model | None = None


def predict(texts: Sequence[str]) -> list[dict[str, float]]:
    """Scores from the shipped default model (loaded once, on first use)."""
    global _default
    if _default is None:
        _default = load_model()
    return _default.predict(texts)
