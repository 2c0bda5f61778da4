"""Training civmon's classifier: data, fine-tuning, export, baseline, model card.

Imported only by `civmon train` and `civmon evaluate` (heavy: torch, transformers,
scikit-learn). Serving a model needs none of it (see classifiers.predict).
"""
