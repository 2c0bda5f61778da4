"""The three labels and the model-directory format this code serves.

The label order is the order of the model's output logits; a model whose card lists a
different map is refused on load (see classifiers.card).
"""

from __future__ import annotations

LABELS: tuple[str, ...] = ("attack", "substantive", "other")
LABEL_TO_ID: dict[str, int] = {name: i for i, name in enumerate(LABELS)}

# Bump when the model directory layout, the input normalisation or the encoding changes
# in a way an older model cannot be served with. 2: the card's encoder_config may name a
# pooling (a civmon that only knew mean pooling would rebuild a mean-query model wrongly
# in its torch fallback); version 1 cards (mean pooling) are still served. 3: people's
# full names are masked in the input like handles (`normalize(mask_names=True)`); older
# cards are served with names left as they are, the input they were trained on.
FORMAT_VERSION = 3
SERVED_FORMAT_VERSIONS = (1, 2, 3)
NAMES_MASKED_SINCE = 3

CARD_FILE = "card.json"
ONNX_FILE = "model.int8.onnx"
TORCH_FILE = "model.safetensors"
TOKENIZER_FILE = "tokenizer.json"
