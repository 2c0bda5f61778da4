"""The classifier as a torch module: MiniLM encoder, mean pooling, a 3-way linear head.

Used by training, by the ONNX export, and as the inference fallback when onnxruntime is
missing. Imports torch and transformers, so only those paths import this module.

A served directory need not hold torch weights: `state_dict_from_onnx` rebuilds them from
the int8 ONNX file (dequantised), because the export names every initializer after the
torch parameter it came from.
"""

from __future__ import annotations

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


class MiniLMClassifier(nn.Module):
    """Encoder + mean pooling over real tokens + dropout + linear head -> logits."""

    def __init__(self, encoder: nn.Module, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, len(LABELS))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-6)
        return self.head(self.dropout(pooled))


def build_classifier(encoder_config: dict[str, Any] | str | Path) -> MiniLMClassifier:
    """A classifier with random weights and the given encoder config (dict or folder)."""
    from transformers import BertConfig, BertModel

    if isinstance(encoder_config, dict):
        config = BertConfig(**encoder_config)
    else:
        config = BertConfig.from_pretrained(str(encoder_config), local_files_only=True)
    return MiniLMClassifier(BertModel(config, add_pooling_layer=False))


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
        elif name.startswith(("encoder.", "head.")):
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
