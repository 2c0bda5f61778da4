"""The alerts package's exception root.

    AlertError             detection, notification or digest failed
     └── DeliveryError     a notifier could not deliver; `retry_after` (seconds) if the
                           service said when to try again, `permanent` if retrying is useless
"""

from __future__ import annotations


class AlertError(Exception):
    """Base of every alerts error; `hint` says what the user can do."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class DeliveryError(AlertError):
    """A notification was not delivered this time."""

    def __init__(
        self, message: str, *, retry_after: float | None = None, permanent: bool = False
    ) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.permanent = permanent
