"""The civmon network as a transformers model, so a stock pipeline can run it (bench only)."""

from __future__ import annotations

from pathlib import Path

import torch
from transformers import BertConfig, BertModel, BertPreTrainedModel
from transformers.modeling_outputs import SequenceClassifierOutput

from classifiers.labels import LABELS, ONNX_FILE, TORCH_FILE


class CivmonForSequenceClassification(BertPreTrainedModel):
    """MiniLM encoder + mean pooling + linear head, as `classifiers.torch_model`."""

    def __init__(self, config: BertConfig) -> None:
        config.id2label = dict(enumerate(LABELS))
        config.label2id = {label: i for i, label in enumerate(LABELS)}
        super().__init__(config)
        self.encoder = BertModel(config, add_pooling_layer=False)
        self.head = torch.nn.Linear(config.hidden_size, len(LABELS))

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None, **_: object
    ) -> SequenceClassifierOutput:
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-6)
        return SequenceClassifierOutput(logits=self.head(pooled))

    @classmethod
    def from_civmon(cls, model_dir: Path, config: BertConfig) -> CivmonForSequenceClassification:
        from classifiers.torch_model import state_dict_from_onnx

        model = cls(config)
        if (model_dir / TORCH_FILE).exists():
            from safetensors.torch import load_file

            state = load_file(str(model_dir / TORCH_FILE))
        else:
            state = state_dict_from_onnx(model_dir / ONNX_FILE)
        model.load_state_dict(state, strict=True)
        return model.eval()
