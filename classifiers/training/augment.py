"""Training-time augmentation: hashtags and typos, which say nothing about tone.

Why: civmon collects posts *by* hashtag, so nearly every post it scores carries one, but in
the written set the candidates' own tags (#Whitfield2026, #HaleForCalder) sit mostly on
cheering. A model trained on it learned "hashtag -> other": appending #Whitfield2026 to
the dev and test attacks cut attack recall from 0.92 to 0.62. Re-tagging a share of the
training posts with hashtags drawn at random from the whole set, whatever their label,
breaks that shortcut; dev and test are left as written.

Typos: insults on the platforms are misspelt as often as anything else ("you are a
disgrae", "what an iidot"), and a misspelt word is split by the tokenizer into pieces the
model never saw insulting anyone. Misspelling a word or two in a share of the training
posts, whatever their label, teaches the sentence over the spelling.
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


_WORD = re.compile(r"(?<![@#\w])[A-Za-z]{4,}(?![\w@])")
_MASKS = {"USER", "URL"}


def with_typo(text: str, rng: random.Random) -> str:
    """`text` with one word of four letters or more misspelt the way people misspell on
    a phone: a letter dropped, doubled or swapped with its neighbour (never the first).
    Capitalised words are left alone: names must stay whole to be masked."""
    words = [m for m in _WORD.finditer(text)
             if m.group() not in _MASKS and not m.group().istitle()]  # names stay whole
    if not words:
        return text
    word = rng.choice(words)
    w, i = word.group(), rng.randrange(1, len(word.group()) - 1)
    roll = rng.random()
    if roll < 0.4:
        typo = w[:i] + w[i + 1:]
    elif roll < 0.7:
        typo = w[:i] + w[i] + w[i:]
    else:
        typo = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    return text[: word.start()] + typo + text[word.end():]


def augment_typos(examples: Sequence[Example], share: float, seed: int) -> list[Example]:
    """A copy of `examples` in which about `share` of the posts gained a typo (and a
    quarter of those a second one)."""
    if share <= 0:
        return list(examples)
    rng = random.Random(seed)
    out = []
    for example in examples:
        if rng.random() < share:
            text = with_typo(example.text, rng)
            if rng.random() < 0.25:
                text = with_typo(text, rng)
            example = replace(example, text=text)
        out.append(example)
    return out
