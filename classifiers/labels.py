"""The three labels and the model-directory format this code serves.

The label order is the order of the model's output logits; a model whose card lists a
different map is refused on load (see classifiers.card).
"""

from __future__ import annotations

LABELS: tuple[str, ...] = ("attack", "substantive", "other")
LABEL_TO_ID: dict[str, int] = {name: i for i, name in enumerate(LABELS)}

# Bump when the model directory layout, the input normalisation or the encoding changes
# in a way an older model cannot be served with.
FORMAT_VERSION = 1

CARD_FILE = "card.json"
ONNX_FILE = "model.int8.onnx"
TORCH_FILE = "model.safetensors"
TOKENIZER_FILE = "tokenizer.json"
