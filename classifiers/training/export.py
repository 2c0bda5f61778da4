"""Export a trained classifier to int8 ONNX for serving.

Steps: torch (eager attention, whose graph the fuser recognises) -> fp32 ONNX (dynamic
batch and sequence axes) -> initializers renamed after their torch parameters (so
classifiers.torch_model can rebuild the torch model from the served file) -> onnxruntime's
transformer fuser (one Attention node per layer, SkipLayerNorm, BiasGelu, EmbedLayerNorm:
1.5x faster on a 2-core CPU, measured) -> dynamic int8 quantisation, weights int8 with
one scale per output channel, activations quantised on the fly.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from classifiers.torch_model import QKV_BIAS, QKV_WEIGHT, MiniLMClassifier


def _digest(array: np.ndarray) -> str:
    data = np.ascontiguousarray(array, dtype=np.float32)
    return hashlib.sha1(data.tobytes() + str(data.shape).encode()).hexdigest()


def rename_initializers(model: onnx.ModelProto, classifier: MiniLMClassifier) -> int:
    """Name each initializer after the torch parameter with the same values (`.T` when it
    is the transpose, as for Linear weights feeding MatMul). Returns how many were renamed."""
    by_value: dict[str, str] = {}
    for name, param in classifier.state_dict().items():
        value = param.detach().cpu().numpy()
        by_value.setdefault(_digest(value), name)
        if value.ndim == 2:
            by_value.setdefault(_digest(value.T), name + ".T")
    return _rename(model, lambda init: by_value.get(_digest(numpy_helper.to_array(init))))


def rename_fused_attention(model: onnx.ModelProto, classifier: MiniLMClassifier) -> int:
    """Name each fused Attention node's packed QKV weight and bias after its layer
    (`encoder.encoder.layer.N.attention.self.qkv_weight`), found by the query bias that
    opens the packed bias; returns how many were renamed."""
    encoder: Any = classifier.encoder
    layer_of: dict[str, int] = {}
    hidden = encoder.config.hidden_size
    for index, layer in enumerate(encoder.encoder.layer):
        layer_of[_digest(layer.attention.self.query.bias.detach().numpy())] = index
    arrays = {init.name: numpy_helper.to_array(init) for init in model.graph.initializer}
    names: dict[str, str] = {}
    for node in model.graph.node:
        if node.op_type != "Attention" or len(node.input) < 3:
            continue
        weight, bias = node.input[1], node.input[2]
        index = layer_of.get(_digest(arrays[bias][:hidden]), -1) if bias in arrays else -1
        if index >= 0:
            prefix = f"encoder.encoder.layer.{index}.attention.self."
            names[weight], names[bias] = prefix + QKV_WEIGHT, prefix + QKV_BIAS
    return _rename(model, lambda init: names.get(init.name))


def _rename(model: onnx.ModelProto, new_name: Callable[[Any], str | None]) -> int:
    mapping: dict[str, str] = {}
    taken = {init.name for init in model.graph.initializer}
    for init in model.graph.initializer:
        target = new_name(init)
        if target and target != init.name and target not in taken:
            mapping[init.name] = target
            taken.add(target)
            init.name = target
    for node in model.graph.node:
        for i, name in enumerate(node.input):
            if name in mapping:
                node.input[i] = mapping[name]
    return len(mapping)


def fuse(path: Path, classifier: MiniLMClassifier, out_path: Path) -> dict[str, int]:
    """Run onnxruntime's BERT fuser over the fp32 file; returns the fused-op counts."""
    from onnxruntime.transformers import optimizer

    config: Any = classifier.encoder.config
    logging.getLogger("onnxruntime.transformers").setLevel(logging.ERROR)
    fused = optimizer.optimize_model(
        str(path),
        model_type="bert",
        num_heads=config.num_attention_heads,
        hidden_size=config.hidden_size,
        opt_level=0,
    )
    rename_fused_attention(fused.model, classifier)
    fused.save_model_to_file(str(out_path))
    return {k: v for k, v in fused.get_fused_operator_statistics().items() if v}


def export_int8(classifier: MiniLMClassifier, out_path: Path) -> dict[str, int]:
    """Write the classifier as a fused int8 ONNX model at `out_path`; returns the fused
    operator counts (for the model card)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    classifier = classifier.eval()
    encoder: Any = classifier.encoder
    attention = encoder.config._attn_implementation
    encoder.set_attn_implementation("eager")
    ids = torch.ones(2, 16, dtype=torch.long)
    mask = torch.ones(2, 16, dtype=torch.long)
    axes = {0: "batch", 1: "sequence"}
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model.fp32.onnx"
        try:
            torch.onnx.export(
                classifier,
                (ids, mask),
                str(fp32),
                input_names=["input_ids", "attention_mask"],
                output_names=["logits"],
                opset_version=17,
                dynamo=False,
                dynamic_axes={
                    "input_ids": axes,
                    "attention_mask": axes,
                    "logits": {0: "batch"},
                },
            )
        finally:
            encoder.set_attn_implementation(attention)
        proto = onnx.load(str(fp32))
        rename_initializers(proto, classifier)
        named = Path(tmp) / "model.named.onnx"
        onnx.save(proto, str(named))
        fused_path = Path(tmp) / "model.fused.onnx"
        fused = fuse(named, classifier, fused_path)
        # Per-channel weight scales: per-tensor scales cost ~1.2 macro-F1 points on
        # dev (0.915 vs 0.927 fp32); per-channel matches fp32, at the same speed.
        root = logging.getLogger()
        level, root.level = root.level, logging.ERROR  # its "consider pre-processing" hint
        try:
            quantize_dynamic(
                str(fused_path),
                str(out_path),
                weight_type=QuantType.QInt8,
                per_channel=True,
                extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
            )
        finally:
            root.setLevel(level)
    return fused
