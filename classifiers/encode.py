"""Turning normalised text into token ids, the same way in training and at inference.

Long posts keep their head *and* their tail: a post that opens on policy and turns to an
insult in its last sentence must not lose that sentence to truncation. Batches are built
from posts of similar length (see `length_batches`) so that little time goes on padding.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from classifiers.normalize import normalize


def load_tokenizer(path: Path) -> Tokenizer:
    """The fast (Rust) tokenizer, with its own padding and truncation switched off."""
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def encode(
    tokenizer: Tokenizer, texts: Sequence[str], max_length: int, *, normalised: bool = False
) -> list[list[int]]:
    """Token ids ([CLS] ... [SEP]) of each text, normalised unless it already is, cut to
    head + tail when longer than `max_length`."""
    inputs = list(texts) if normalised else [normalize(t) for t in texts]
    encodings = tokenizer.encode_batch(inputs)
    out = []
    for enc in encodings:
        ids = enc.ids
        if len(ids) > max_length:
            body = ids[1:-1]
            keep = max_length - 2
            head = keep // 2
            ids = [ids[0], *body[:head], *body[len(body) - (keep - head) :], ids[-1]]
        out.append(ids)
    return out


def pad(batch: Sequence[Sequence[int]], pad_id: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """input_ids and attention_mask (int64) for one batch, padded to its longest row."""
    width = max(len(ids) for ids in batch)
    input_ids = np.full((len(batch), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(batch), width), dtype=np.int64)
    for row, ids in enumerate(batch):
        input_ids[row, : len(ids)] = ids
        mask[row, : len(ids)] = 1
    return input_ids, mask


def length_batches(
    lengths: Sequence[int], batch_tokens: int, max_batch: int
) -> Iterator[list[int]]:
    """Indices grouped by length: each batch holds up to `max_batch` rows and about
    `batch_tokens` tokens, so short tweets go in big batches and long comments in small."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    batch: list[int] = []
    for index in order:
        width = lengths[index]
        if batch and (len(batch) >= max_batch or (len(batch) + 1) * width > batch_tokens):
            yield batch
            batch = []
        batch.append(index)
    if batch:
        yield batch
