"""The TF-IDF + logistic-regression baseline, trained on the same data as the model.

It is what a cheap model gets; the card shows it beside the fine-tuned figures so that
what fine-tuning buys is visible. Partial `not_attack` rows cannot be used by a plain
classifier, so the baseline sees only fully labelled rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from classifiers.labels import LABELS
from classifiers.normalize import normalize
from classifiers.training.data import Example


def train_baseline(train_set: Sequence[Example], seed: int = 13) -> Pipeline:
    """Word 1-2-grams + character 2-5-grams, class-balanced logistic regression."""
    rows = [e for e in train_set if e.label in LABELS]
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True
                ),
            ),
        ]
    )
    model = Pipeline(
        [
            ("tfidf", features),
            (
                "lr",
                LogisticRegression(
                    C=4.0, max_iter=2000, class_weight="balanced", random_state=seed
                ),
            ),
        ]
    )
    model.fit(
        [normalize(e.text) for e in rows],
        [e.label for e in rows],
        lr__sample_weight=[e.weight for e in rows],
    )
    return model


def baseline_predict(model: Pipeline, texts: Sequence[str]) -> list[str]:
    return [str(x) for x in model.predict([normalize(t) for t in texts])]
