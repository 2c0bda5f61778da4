"""The real training code on a tiny slice: it learns, exports, serves, and is checked.

The learning test fine-tunes the real all-MiniLM-L6-v2 for a few steps on trivially
separable posts. The export / serving tests use a tiny random BERT (same tokenizer), so
they take a second; they check the plumbing, not accuracy.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from classifiers.card import write_card
from classifiers.errors import ClassifierError, ModelMismatch
from classifiers.labels import FORMAT_VERSION, LABELS, ONNX_FILE, TOKENIZER_FILE
from classifiers.predict import load_model
from classifiers.training.data import Example
from classifiers.training.pipeline import base_model_path
from classifiers.training.trainer import TrainConfig, loss_fn, make_batches, train

ATTACK = ["you are an idiot", "what a moron", "idiot clown loser", "stupid idiot", "moron loser"]
SUBSTANTIVE = [
    "the levy budget costs $40M",
    "the bus plan budget",
    "tax rate and budget numbers",
    "the bridge bond budget",
    "budget costs per mile",
]
OTHER = [
    "see you at the rally",
    "thanks everyone, great rally",
    "rally at noon",
    "thank you all",
    "great rally tonight",
]
TINY = {
    "vocab_size": 30522,
    "hidden_size": 32,
    "num_hidden_layers": 2,
    "num_attention_heads": 2,
    "intermediate_size": 64,
    "max_position_embeddings": 64,
    "type_vocab_size": 2,
}


def separable() -> list[Example]:
    rows = [(t, "attack") for t in ATTACK] + [(t, "substantive") for t in SUBSTANTIVE]
    rows += [(t, "other") for t in OTHER]
    return [Example(text=t, label=lab) for t, lab in rows] * 2


def test_training_learns_a_separable_set() -> None:
    data = separable()
    config = TrainConfig(
        max_length=16,
        epochs=4,
        batch_size=10,
        lr=2e-4,
        head_lr=1e-2,
        warmup=0.05,
        patience=10,
        seed=1,
        threads=2,
    )
    result = train(base_model_path(), data, data[:15], config, progress=False, log=lambda _: None)
    losses = [h["loss"] for h in result.history if "loss" in h]
    assert np.mean(losses[-3:]) < np.mean(losses[:3]) * 0.7
    assert result.best_dev_macro_f1 == pytest.approx(1.0)


def test_loss_handles_partial_not_attack_labels() -> None:
    import torch

    logits = torch.tensor([[5.0, 0.0, 0.0], [0.0, 5.0, 0.0], [0.0, 0.0, 5.0]])
    labels = torch.tensor([-1, -1, -1])
    weights = torch.ones(3)
    per_row = [
        float(loss_fn(logits[i : i + 1], labels[i : i + 1], weights[:1], torch.ones(3)))
        for i in range(3)
    ]
    assert per_row[0] > 4.0 and per_row[1] < 0.05 and per_row[2] < 0.05


def test_batches_cover_every_row_once() -> None:
    import random

    lengths = [random.Random(i).randint(3, 100) for i in range(205)]
    batches = make_batches(lengths, 32, random.Random(0))
    assert sorted(i for b in batches for i in b) == list(range(205))
    assert max(len(b) for b in batches) <= 32


def _tiny_model(out: Path, pooling: str) -> Path:
    """A served model directory holding a tiny random network, exported like a real one."""
    import torch

    from classifiers.torch_model import build_classifier
    from classifiers.training.export import export_int8

    torch.manual_seed(0)
    classifier = build_classifier(TINY | {"pooling": pooling})
    with torch.no_grad():  # distinct values everywhere, as in a trained model
        for param in classifier.parameters():
            param.add_(torch.randn_like(param) * 0.02)
    export_int8(classifier, out / ONNX_FILE)
    shutil.copy(base_model_path() / TOKENIZER_FILE, out / TOKENIZER_FILE)
    write_card(
        out,
        {
            "format_version": FORMAT_VERSION,
            "labels": list(LABELS),
            "model_version": "civmon-test-tiny",
            "max_length": 32,
            "encoder_config": classifier.encoder_config(),
        },
    )
    torch.save(classifier.state_dict(), out / "reference.pt")
    return out


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tiny_model(tmp_path_factory.mktemp("tiny-model"), "mean")


@pytest.fixture(scope="module")
def tiny_mean_query_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tiny_model(tmp_path_factory.mktemp("tiny-mean-query"), "mean-query")


def test_served_model_scores_and_batches(tiny_model_dir: Path) -> None:
    model = load_model(tiny_model_dir, cache_size=0)
    texts = ["short", "a much longer post " * 40, "", "@someone 🤡", "short"]
    scores = model.predict(texts)
    assert model.version == "civmon-test-tiny"
    assert [set(s) for s in scores] == [set(LABELS)] * 5
    assert all(abs(sum(s.values()) - 1) < 1e-5 for s in scores)
    assert scores[0] == scores[4]
    one_by_one = [model.predict([t])[0] for t in texts]
    for a, b in zip(scores, one_by_one, strict=True):
        # int8 activations are quantised per batch, so batch-mates move scores a little
        assert max(abs(a[k] - b[k]) for k in LABELS) < 0.03


def test_export_fuses_attention_and_names_packed_weights(tiny_model_dir: Path) -> None:
    import onnx

    graph = onnx.load(str(tiny_model_dir / ONNX_FILE)).graph
    ops = [node.op_type for node in graph.node]
    assert ops.count("QAttention") == TINY["num_hidden_layers"]
    names = {init.name for init in graph.initializer}
    for layer in range(TINY["num_hidden_layers"]):
        assert f"encoder.encoder.layer.{layer}.attention.self.qkv_weight_quantized" in names


def test_mean_query_layer_is_a_whole_bert_layer_run_for_the_mean() -> None:
    """MeanQueryLayer computes one row of transformers' own BertLayer run over the mean of
    the token states followed by the tokens, the mean's key masked out."""
    import torch
    from transformers.models.bert.modeling_bert import BertLayer

    from classifiers.torch_model import MEAN_QUERY, build_classifier

    torch.manual_seed(0)
    model = build_classifier(TINY | {"pooling": MEAN_QUERY}).eval()
    with torch.no_grad():
        for param in model.parameters():
            param.add_(torch.randn_like(param) * 0.05)
    assert model.last is not None and len(model.encoder.encoder.layer) == 1
    ids = torch.randint(1000, 30000, (3, 9))
    mask = torch.ones(3, 9, dtype=torch.long)
    mask[1, 5:] = 0  # padded rows: padding must not leak into the mean or the attention
    mask[2, 2:] = 0
    with torch.no_grad():
        hidden = model.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).float()
        mean = (hidden * weights).sum(1, keepdim=True) / weights.sum(1, keepdim=True)
        keys = torch.cat([torch.zeros(3, 1, dtype=torch.long), mask], dim=1)
        blocked = (1.0 - keys[:, None, None, :].float()) * torch.finfo(torch.float32).min
        layer: BertLayer = model.last.layer  # type: ignore[assignment]
        out = layer(torch.cat([mean, hidden], dim=1), blocked)
        whole = (out[0] if isinstance(out, tuple) else out)[:, 0]
        assert torch.allclose(model(ids, mask), model.head(whole), atol=1e-5)
    config = model.encoder_config()
    assert config["num_hidden_layers"] == TINY["num_hidden_layers"]
    assert config["pooling"] == MEAN_QUERY
    rebuilt = build_classifier(config)  # what the torch fallback does with the card
    rebuilt.load_state_dict(model.state_dict())
    with torch.no_grad():
        assert torch.equal(rebuilt.eval()(ids, mask), model(ids, mask))


@pytest.mark.parametrize("model_dir", ["tiny_model_dir", "tiny_mean_query_dir"])
def test_torch_fallback_matches_onnx(model_dir: str, request: pytest.FixtureRequest) -> None:
    """The torch fallback rebuilds every parameter from the int8 file (up to int8 weight
    rounding) and scores like onnxruntime (up to int8 activation rounding)."""
    import torch

    tiny_model_dir = request.getfixturevalue(model_dir)
    fallback = load_model(tiny_model_dir, backend="torch")
    assert fallback.backend.name == "torch"
    reference = torch.load(tiny_model_dir / "reference.pt")
    rebuilt = fallback.backend.model.state_dict()  # type: ignore[attr-defined]
    assert set(rebuilt) == set(reference)
    for name, value in reference.items():
        scale = float(value.abs().max())
        assert torch.allclose(rebuilt[name], value, atol=0.01 * scale), name
    texts = ["Hale voters are idiots", "the levy costs $40M", "see you at the rally"]
    onnx = load_model(tiny_model_dir, backend="onnx").predict_proba(texts)
    assert np.abs(fallback.predict_proba(texts) - onnx).max() < 0.05


def test_mismatched_card_is_refused(tiny_model_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    shutil.copytree(tiny_model_dir, bad)
    card = json.loads((bad / "card.json").read_text())
    write_card(bad, card | {"labels": ["toxic", "ok", "other"]})
    with pytest.raises(ModelMismatch, match="label map") as info:
        load_model(bad)
    assert "civmon train" in (info.value.hint or "")
    write_card(bad, card | {"format_version": FORMAT_VERSION + 1})
    with pytest.raises(ModelMismatch, match="format version"):
        load_model(bad)
    (bad / "card.json").unlink()
    with pytest.raises(ClassifierError, match="no model card"):
        load_model(bad)


def test_distilled_student_learns_the_teachers_answers() -> None:
    """A 1-layer student of a tiny 2-layer teacher, trained on the teacher's scores alone
    (alpha 0: gold labels ignored), comes to give the teacher's answers."""
    import time

    import torch

    from classifiers.torch_model import build_classifier
    from classifiers.training.distill import DistillConfig, distill, student_of
    from classifiers.training.trainer import Rows, Schedule, fit, seed_everything

    seed_everything(3)
    data = separable()
    config = TrainConfig(max_length=16, batch_size=10, patience=100, seed=3, threads=2)
    tokenizer_dir = base_model_path()
    from classifiers.encode import load_tokenizer

    rows = Rows.of(load_tokenizer(tokenizer_dir / TOKENIZER_FILE), data, 16)
    teacher = fit(
        build_classifier(TINY),
        rows,
        rows,
        config,
        Schedule(40, 3e-3, 1e-2, 0.05),
        time.monotonic(),
        progress=False,
        log=lambda _: None,
    )
    assert teacher.best_dev_macro_f1 == pytest.approx(1.0)

    student = student_of(teacher.model, [1])
    assert len(student.encoder.encoder.layer) == 1
    assert torch.equal(
        student.encoder.encoder.layer[0].output.dense.weight,
        teacher.model.encoder.encoder.layer[1].output.dense.weight,
    )
    with pytest.raises(ValueError, match="not layers"):
        student_of(teacher.model, [5])

    # The student's gold labels are wrong (every attack called `other`), so only a student
    # that learns from the teacher scores 1.0 against the true labels on dev.
    settings = DistillConfig(layers=[0], epochs=40, lr=3e-3, head_lr=1e-2, alpha=0.0)
    wrong = [Example(e.text, "other" if e.label == "attack" else e.label) for e in data]
    result = distill(
        teacher.model,
        tokenizer_dir,
        wrong,
        ["unlabelled post"],
        data,
        config,
        settings,
        progress=False,
        log=lambda _: None,
    )
    # the one layer kept is the student's last, run once for the mean of the embeddings
    assert len(result.model.encoder.encoder.layer) == 0 and result.model.last is not None
    assert result.best_dev_macro_f1 == pytest.approx(1.0)
    losses = [h["loss"] for h in result.history if "loss" in h]
    assert np.mean(losses[-3:]) < np.mean(losses[:3]) * 0.5


def test_student_keeps_the_strongest_feed_forward_units() -> None:
    import torch

    from classifiers.torch_model import build_classifier
    from classifiers.training.distill import student_of

    torch.manual_seed(0)
    teacher = build_classifier(TINY)
    layer = teacher.encoder.encoder.layer[0]
    with torch.no_grad():  # unit 5 is made the strongest, unit 7 the weakest
        layer.intermediate.dense.weight[5] *= 10
        layer.intermediate.dense.weight[7] *= 0.01
    student = student_of(teacher, [0], intermediate_size=32)
    narrow = student.encoder.encoder.layer[0]
    assert student.encoder.config.intermediate_size == 32
    assert narrow.intermediate.dense.out_features == narrow.output.dense.in_features == 32
    rows = {tuple(r.tolist()) for r in narrow.intermediate.dense.weight}
    assert tuple(layer.intermediate.dense.weight[5].tolist()) in rows
    assert tuple(layer.intermediate.dense.weight[7].tolist()) not in rows
    ids = torch.tensor([[101, 2023, 102]])
    assert student(ids, torch.ones_like(ids)).shape == (1, 3)
