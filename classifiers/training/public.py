"""The public research sets in ../shared/data, mapped to civmon's labels.

None of them uses civmon's three labels, so each mapping is a documented proxy. A mapped
label is one of the three, or `not_attack` ("substantive or other, we cannot tell which"):
training treats `not_attack` as a partial label and only pushes the attack score down.
`None` means the row is too ambiguous to use.

- OLID: OFF+TIN+IND or OFF+TIN+GRP -> attack; NOT -> not_attack; OFF+UNT and OFF+TIN+OTH
  (untargeted profanity, insults to things or organisations) -> unused.
- Habernal CMV: ad_hominem -> attack; delta_awarded_argument -> substantive; removed -> unused.
- Argotario: (voted fallacy, else intended) Ad Hominem -> attack; any other fallacy or
  No Fallacy -> substantive (an argument about the topic, however weak).
- Argotario relabelled: >= 2 of 3 annotators say ad hominem -> attack; 0 -> not_attack;
  1 -> unused.
- Theocharis: uncivil yes -> attack (noisy: also vulgar policy talk); no -> not_attack.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable, Iterator
from pathlib import Path

from classifiers.training.data import Example

NOT_ATTACK = "not_attack"
PUBLIC_LABELS = ("attack", "substantive", "other", NOT_ATTACK)
DEFAULT_SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"

csv.field_size_limit(10**8)


def map_olid(subtask_a: str, subtask_b: str, subtask_c: str) -> str | None:
    if subtask_a == "NOT":
        return NOT_ATTACK
    if subtask_a == "OFF" and subtask_b == "TIN" and subtask_c in ("IND", "GRP"):
        return "attack"
    return None


def map_habernal(label: str | None, body: str | None) -> str | None:
    if not body or body.strip() in ("[removed]", "[deleted]", ""):
        return None
    return {"ad_hominem": "attack", "delta_awarded_argument": "substantive"}.get(label or "")


def map_argotario(intended: str | None, voted: str | None) -> str | None:
    fallacy = voted if voted and voted not in ("-", "") else intended
    if not fallacy:
        return None
    return "attack" if fallacy == "Ad Hominem" else "substantive"


def map_argotario_votes(votes: list[str]) -> str | None:
    try:
        count = sum(int(v) for v in votes)
    except ValueError:
        return None
    return "attack" if count >= 2 else NOT_ATTACK if count == 0 else None


def map_theocharis(uncivil: str | None) -> str | None:
    return {"yes": "attack", "no": NOT_ATTACK}.get((uncivil or "").strip().lower())


def _olid(root: Path) -> Iterator[tuple[str, str | None]]:
    with open(root / "olid" / "olid-training-v1.0.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield row["tweet"], map_olid(row["subtask_a"], row["subtask_b"], row["subtask_c"])


def _habernal(root: Path) -> Iterator[tuple[str, str | None]]:
    path = root / "habernal_2018_cmv_adhominem" / "last_comments_ah_vs_delta.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield row["body"] or "", map_habernal(row["label"], row["body"])


def _argotario(root: Path) -> Iterator[tuple[str, str | None]]:
    with open(
        root / "argotario" / "arguments-en-2018-01-15.tsv", encoding="utf-8", newline=""
    ) as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            yield row["Text"] or "", map_argotario(row["Intended Fallacy"], row["Voted Fallacy"])
    with open(
        root / "argotario" / "ad_hominem_attacks_relabelled.csv", encoding="utf-8", newline=""
    ) as fh:
        votes = csv.reader(fh, delimiter=";")
        next(votes, None)
        for line in votes:
            if len(line) >= 6:
                yield line[2], map_argotario_votes(line[3:6])


def _theocharis(root: Path) -> Iterator[tuple[str, str | None]]:
    path = root / "theocharis_2020_incivility" / "training-data.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield row["text"], map_theocharis(row["uncivil"])


READERS: dict[str, Callable[[Path], Iterator[tuple[str, str | None]]]] = {
    "olid": _olid,
    "habernal": _habernal,
    "argotario": _argotario,
    "theocharis": _theocharis,
}


def load_public(
    root: Path, limits: dict[str, int], weight: float, seed: int
) -> tuple[list[Example], dict[str, dict[str, int]]]:
    """A seeded sample of at most `limits[name]` usable rows from each named set."""
    rng = random.Random(seed)
    examples: list[Example] = []
    counts: dict[str, dict[str, int]] = {}
    for name, limit in limits.items():
        if limit <= 0:
            continue
        usable = [(t, lab) for t, lab in READERS[name](root) if lab and t and t.strip()]
        rng.shuffle(usable)
        chosen = usable[:limit]
        counts[name] = {lab: sum(1 for _, x in chosen if x == lab) for lab in PUBLIC_LABELS}
        examples += [
            Example(text=t, label=lab, source=f"public/{name}", weight=weight) for t, lab in chosen
        ]
    return examples, counts


def unlabelled_tweets(root: Path, n: int, seed: int, exclude: set[str]) -> list[str]:
    """A seeded sample of `n` OLID tweets, labels ignored, none of them in `exclude`:
    real platform text (masked @USER and URL, typos, emoji) for a teacher to label during
    distillation."""
    if n <= 0:
        return []
    texts = sorted({t for t, _ in _olid(root) if t and t.strip() and t not in exclude})
    random.Random(seed).shuffle(texts)
    return texts[:n]
