"""The classifiers package's exception root.

    ClassifierError        a model could not be loaded, trained or run
     └── ModelMismatch     the model directory's card does not match what the code expects
"""

from __future__ import annotations


class ClassifierError(Exception):
    """Base of every classifier error; `hint` says what the user can do."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class ModelMismatch(ClassifierError):
    """The model's card (label map, format version) is not what this code can serve."""
