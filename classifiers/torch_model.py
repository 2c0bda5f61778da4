"""The classifier as a torch module: MiniLM encoder, pooling, a 3-way linear head.

Two poolings. `mean`: the mean of the last layer's token states over real tokens (how
MiniLM was trained; the fine-tuned teacher uses it). `mean-query`: the mean is taken one
layer earlier, and the last layer runs once per post, for that mean: it is the query (and
the residual) that reads every token's keys and values. The last layer then skips the
attention output, feed-forward and layer norms of every token, about 40% of the 2-layer
student's work (measured: 1.7x more posts/s per core). It is close to mean pooling from
the start: the shipped mean-pooled student, switched with no retraining, gave the same
label on 99.4% of dev posts.

Used by training, by the ONNX export, and as the inference fallback when onnxruntime is
missing. Imports torch and transformers, so only those paths import this module.

A served directory need not hold torch weights: `state_dict_from_onnx` rebuilds them from
the int8 ONNX file (dequantised), because the export names every initializer after the
torch parameter it came from.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from classifiers.labels import LABELS

# The export's fused Attention nodes keep each layer's query, key and value projections
# packed in one [hidden, 3 * hidden] weight and one bias, named after the layer.
QKV_WEIGHT = "qkv_weight"
QKV_BIAS = "qkv_bias"


MEAN = "mean"
MEAN_QUERY = "mean-query"
POOLINGS = (MEAN, MEAN_QUERY)
ENCODER_KEYS = (
    "vocab_size",
    "hidden_size",
    "num_hidden_layers",
    "num_attention_heads",
    "intermediate_size",
    "hidden_act",
    "max_position_embeddings",
    "type_vocab_size",
    "layer_norm_eps",
    "pad_token_id",
)


class MeanQueryLayer(nn.Module):
    """A BERT layer (its own weights, `layer`) computed for one position: the mean of the
    input token states, which attends to every real token and is not itself attended."""

    def __init__(self, layer: nn.Module, heads: int) -> None:
        super().__init__()
        self.layer = layer
        self.heads = heads

    def forward(self, hidden: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        layer: Any = self.layer
        attention = layer.attention
        batch, length, width = hidden.shape
        size = width // self.heads

        def split(x: torch.Tensor) -> torch.Tensor:  # [batch, heads, positions, size]
            return x.view(batch, -1, self.heads, size).transpose(1, 2)

        weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
        first = (hidden * weights).sum(dim=1, keepdim=True) / weights.sum(dim=1, keepdim=True)
        query = split(attention.self.query(first))
        key, value = split(attention.self.key(hidden)), split(attention.self.value(hidden))
        scores = query @ key.transpose(-1, -2) / math.sqrt(size)
        padding = (1.0 - attention_mask[:, None, None, :].to(scores.dtype)) * -10000.0
        probs = torch.softmax(scores + padding, dim=-1)
        probs = nn.functional.dropout(probs, attention.self.dropout.p, self.training)
        context = (probs @ value).transpose(1, 2).reshape(batch, 1, width)
        attended = attention.output(context, first)
        return layer.output(layer.intermediate(attended), attended)[:, 0]  # type: ignore[no-any-return]


class MiniLMClassifier(nn.Module):
    """Encoder + pooling (`mean` or `mean-query`) + dropout + linear head -> logits.

    With `mean-query`, the encoder's last layer moves to `last` (a MeanQueryLayer), so its
    parameters are named `last.layer.*`."""

    def __init__(self, encoder: nn.Module, dropout: float = 0.1, pooling: str = MEAN) -> None:
        super().__init__()
        if pooling not in POOLINGS:
            raise ValueError(f"unknown pooling {pooling!r}; known: {', '.join(POOLINGS)}")
        self.pooling = pooling
        self.encoder = encoder
        bert: Any = encoder
        config = bert.config
        self.last: MeanQueryLayer | None = None
        if pooling == MEAN_QUERY:
            layers = list(bert.encoder.layer)
            self.last = MeanQueryLayer(layers[-1], config.num_attention_heads)
            bert.encoder.layer = nn.ModuleList(layers[:-1])
            config.num_hidden_layers = len(layers) - 1
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(config.hidden_size, len(LABELS))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        if self.last is not None:
            return self.head(self.dropout(self.last(hidden, attention_mask)))
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-6)
        return self.head(self.dropout(pooled))

    def encoder_config(self) -> dict[str, Any]:
        """What `build_classifier` needs to rebuild this network (for the model card): the
        encoder's settings, counting the mean-query layer, and the pooling."""
        bert: Any = self.encoder
        config: dict[str, Any] = bert.config.to_dict()
        out = {k: config[k] for k in ENCODER_KEYS if k in config}
        if self.last is not None:
            out["num_hidden_layers"] += 1
        return out | {"pooling": self.pooling}


def build_classifier(encoder_config: dict[str, Any] | str | Path) -> MiniLMClassifier:
    """A classifier with random weights and the given encoder config (a dict as written by
    `encoder_config()`, or a model folder)."""
    from transformers import BertConfig, BertModel

    pooling = MEAN
    if isinstance(encoder_config, dict):
        settings = dict(encoder_config)
        pooling = settings.pop("pooling", MEAN)
        config = BertConfig(**settings)
    else:
        config = BertConfig.from_pretrained(str(encoder_config), local_files_only=True)
    return MiniLMClassifier(BertModel(config, add_pooling_layer=False), pooling=pooling)


def load_pretrained(base_path: Path, dropout: float = 0.1) -> MiniLMClassifier:
    """A classifier whose encoder starts from the base model's weights (offline)."""
    from transformers import BertModel

    encoder = BertModel.from_pretrained(
        str(base_path), local_files_only=True, add_pooling_layer=False
    )
    return MiniLMClassifier(encoder, dropout=dropout)


def state_dict_from_onnx(path: Path) -> dict[str, torch.Tensor]:
    """Torch parameters from an exported (possibly int8) ONNX file, dequantised.

    Initializers are named `<param>` (stored as is), `<param>.T` (stored transposed, for
    MatMul), `<layer>.attention.self.qkv_weight` / `qkv_bias` (query, key and value packed
    by the fuser), or `<name>_quantized` with `<name>_scale` / `<name>_zero_point`.
    """
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    arrays = {init.name: numpy_helper.to_array(init) for init in model.graph.initializer}
    state: dict[str, torch.Tensor] = {}
    for name, value in arrays.items():
        if name.endswith(("_scale", "_zero_point")):
            continue
        if name.endswith("_quantized"):
            base = name[: -len("_quantized")]
            scale = arrays[base + "_scale"].astype(np.float32)
            zero = arrays[base + "_zero_point"].astype(np.float32)
            value = (value.astype(np.float32) - zero) * scale
            name = base
        for suffix in (".T", "_Transposed"):  # ours, and onnxruntime's for Gemm weights
            if name.endswith(suffix):
                name, value = name[: -len(suffix)], value.T
        if name.endswith((QKV_WEIGHT, QKV_BIAS)):
            state.update(_unpack_qkv(name, value))
        elif name.startswith(("encoder.", "last.", "head.")):
            state[name] = _tensor(value)
    return state


def _tensor(value: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(np.array(value, dtype=np.float32, order="C"))


def _unpack_qkv(name: str, value: np.ndarray) -> dict[str, torch.Tensor]:
    """query/key/value weights (Linear layout, [out, in]) or biases from a packed one."""
    prefix, kind = name.rsplit(".", 1)
    parts = np.split(value, 3, axis=-1)
    suffix = "weight" if kind == QKV_WEIGHT else "bias"
    return {
        f"{prefix}.{proj}.{suffix}": _tensor(part.T if part.ndim == 2 else part)
        for proj, part in zip(("query", "key", "value"), parts, strict=True)
    }
