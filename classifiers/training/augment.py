"""Hashtag augmentation: teach the model that a campaign hashtag says nothing about tone.

Why: civmon collects posts *by* hashtag, so nearly every post it scores carries one, but in
the written set the candidates' own tags (#Whitfield2026, #HaleForCalder) sit mostly on
cheering. A model trained on it learned "hashtag -> other": appending #Whitfield2026 to
the dev and test attacks cut attack recall from 0.92 to 0.62. Re-tagging a share of the
training posts with hashtags drawn at random from the whole set, whatever their label,
breaks that shortcut; dev and test are left as written.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import replace

from classifiers.training.data import Example

HASHTAG = re.compile(r"#\w+")


def hashtags_of(examples: Sequence[Example]) -> list[str]:
    """Every distinct hashtag in the examples, in first-seen order."""
    return list(dict.fromkeys(tag for e in examples for tag in HASHTAG.findall(e.text)))


def with_hashtag(text: str, tag: str, rng: random.Random) -> str:
    """`text` with `tag` at its end (most often, as on X), its start, or after its first
    sentence."""
    roll = rng.random()
    if roll < 0.7:
        return f"{text.rstrip()} {tag}"
    if roll < 0.85:
        return f"{tag} {text.lstrip()}"
    cut = re.search(r"[.!?]\s", text)
    if not cut:
        return f"{text.rstrip()} {tag}"
    return f"{text[: cut.end()]}{tag} {text[cut.end() :]}"


def augment_hashtags(
    examples: Sequence[Example], tags: Sequence[str], share: float, seed: int
) -> list[Example]:
    """A copy of `examples` in which about `share` of the posts gained a random hashtag."""
    if not tags or share <= 0:
        return list(examples)
    rng = random.Random(seed)
    out = []
    for example in examples:
        if rng.random() < share:
            example = replace(example, text=with_hashtag(example.text, rng.choice(tags), rng))
        out.append(example)
    return out
