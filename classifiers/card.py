"""The model card: what a model directory claims to be, checked before it is served.

`card.json` holds the label map, the format version, the model version string, the
encoding settings (max length) and the training record (base model, data hashes,
hyper-parameters, metrics). `check_card` refuses a directory this code cannot serve, with
a message that says what differs and what to do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from classifiers.errors import ClassifierError, ModelMismatch
from classifiers.labels import CARD_FILE, LABELS, SERVED_FORMAT_VERSIONS


def read_card(model_dir: Path) -> dict[str, Any]:
    """card.json of `model_dir`, or ClassifierError if it is missing or unreadable."""
    path = model_dir / CARD_FILE
    try:
        card = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ClassifierError(
            f"no model card at {path}",
            "point classifier.model_path at a directory written by `civmon train`",
        ) from None
    except (OSError, json.JSONDecodeError) as exc:
        raise ClassifierError(f"cannot read the model card {path}: {exc}") from None
    if not isinstance(card, dict):
        raise ClassifierError(f"the model card {path} is not a JSON object")
    return card


def check_card(card: dict[str, Any], model_dir: Path) -> None:
    """Raise ModelMismatch unless the card's label map and format match this code."""
    hint = "retrain with `civmon train`, or use the model shipped with this civmon version"
    labels = card.get("labels")
    if labels != list(LABELS):
        raise ModelMismatch(
            f"model {model_dir} has label map {labels!r}; this civmon expects {list(LABELS)!r}",
            hint,
        )
    version = card.get("format_version")
    if version not in SERVED_FORMAT_VERSIONS:
        raise ModelMismatch(
            f"model {model_dir} has format version {version!r}; this civmon serves "
            f"format versions {', '.join(map(str, SERVED_FORMAT_VERSIONS))}",
            hint,
        )
    model_version = card.get("model_version")
    if not isinstance(model_version, str) or not model_version:
        raise ModelMismatch(f"model {model_dir} has no model_version in its card", hint)
    max_length = card.get("max_length")
    if not isinstance(max_length, int) or max_length < 8:
        raise ModelMismatch(f"model {model_dir} has no valid max_length in its card", hint)


def write_card(model_dir: Path, card: dict[str, Any]) -> Path:
    """Write card.json (sorted, indented: it is read by people and diffed in git)."""
    path = model_dir / CARD_FILE
    path.write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path
