"""The most discussed issues in substantive posts: frequent terms, without a model.

A term's score is the number of posts it appears in (each post counts once), for single
words and two-word phrases, after removing English stop words, handles, links, hashtags'
`#` and numbers-only tokens. A word is dropped when a phrase containing it covers most of
its posts ("transit" under "transit levy"), so the list names issues, not fragments.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_NOISE = re.compile(r"https?://\S+|www\.\S+|@\w+")
_WORD = re.compile(r"[a-z][a-z0-9'’\-]*[a-z0-9]|[a-z]")
EXTRA_STOP = {"rt", "amp", "just", "like", "really", "people", "think", "know", "going",
              "said", "says", "did", "does", "doesn't", "don't", "it's", "i'm", "that's",
              "we're", "they're", "you're", "can't", "won't", "isn't", "also", "got", "get",
              "make", "want", "need", "thing", "things", "lot", "way", "yes", "yeah", "ok"}
STOP = frozenset(ENGLISH_STOP_WORDS) | EXTRA_STOP


def _tokens(text: str) -> list[str]:
    text = _NOISE.sub(" ", text.lower()).replace("#", " ")
    return [w.replace("’", "'") for w in _WORD.findall(text)]


_CLAUSE = re.compile(r"[.,;:!?()\[\]\"“”|/\n]+")


def _terms(text: str) -> set[str]:
    """Words and two-word phrases of one post; phrases never span punctuation."""
    terms: set[str] = set()
    for clause in _CLAUSE.split(text):
        words = _tokens(clause)
        terms.update(w for w in words if w not in STOP and len(w) > 2)
        terms.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False)
                     if a not in STOP and b not in STOP and len(a) > 1 and len(b) > 1)
    return terms


def top_terms(texts: Iterable[str], n: int = 10, *, min_posts: int = 2) -> list[tuple[str, int]]:
    """The `n` terms found in the most posts, as (term, number of posts)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_terms(text))
    ranked = [(t, c) for t, c in counts.most_common() if c >= min_posts]
    phrases = [(t, c) for t, c in ranked if " " in t]
    kept: list[tuple[str, int]] = []
    for term, count in ranked:
        if " " not in term and any(term in p.split() and pc >= 0.6 * count
                                   for p, pc in phrases):
            continue
        if " " in term and any(term != k and term in k for k, _ in kept):
            continue
        kept.append((term, count))
        if len(kept) == n:
            break
    return kept
