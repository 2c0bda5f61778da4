"""The civmon network as a transformers model, so a stock pipeline can run it (bench only)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import torch
from transformers import BertConfig, BertModel, BertPreTrainedModel
from transformers.modeling_outputs import SequenceClassifierOutput
from transformers.models.bert.modeling_bert import BertLayer

from classifiers.labels import LABELS, ONNX_FILE, TORCH_FILE


class CivmonForSequenceClassification(BertPreTrainedModel):
    """MiniLM encoder + pooling + linear head, as `classifiers.torch_model`, written the
    plain way. `mean-query` pooling runs the whole last layer over the mean followed by
    every token (the mean not attended) and keeps the mean's row; civmon computes only
    that row, which gives the same result."""

    def __init__(self, config: BertConfig, pooling: str = "mean") -> None:
        config.id2label = dict(enumerate(LABELS))
        config.label2id = {label: i for i, label in enumerate(LABELS)}
        super().__init__(config)
        inner = copy.deepcopy(config)
        self.last: BertLayer | None = None
        if pooling == "mean-query":
            inner.num_hidden_layers -= 1
            self.last = BertLayer(config)
        self.encoder = BertModel(inner, add_pooling_layer=False)
        self.head = torch.nn.Linear(config.hidden_size, len(LABELS))

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None, **_: object
    ) -> SequenceClassifierOutput:
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-6)
        if self.last is not None:
            sequence = torch.cat([pooled[:, None], hidden], dim=1)
            keys = torch.cat([torch.zeros_like(attention_mask[:, :1]), attention_mask], dim=1)
            lowest = torch.finfo(hidden.dtype).min
            blocked = (1.0 - keys[:, None, None, :].to(hidden.dtype)) * lowest
            out: Any = self.last(sequence, blocked)
            pooled = (out[0] if isinstance(out, tuple) else out)[:, 0]
        return SequenceClassifierOutput(logits=self.head(pooled))

    @classmethod
    def from_civmon(cls, model_dir: Path, encoder_config: dict[str, Any]
                    ) -> CivmonForSequenceClassification:
        """The model in `model_dir`, from its card's `encoder_config`."""
        from classifiers.torch_model import state_dict_from_onnx

        settings = dict(encoder_config)
        pooling = str(settings.pop("pooling", "mean"))
        model = cls(BertConfig(**settings), pooling)
        if (model_dir / TORCH_FILE).exists():
            from safetensors.torch import load_file

            state = load_file(str(model_dir / TORCH_FILE))
        else:
            state = state_dict_from_onnx(model_dir / ONNX_FILE)
        state = {k.replace("last.layer.", "last.", 1): v for k, v in state.items()}
        model.load_state_dict(state, strict=True)
        return model.eval()
