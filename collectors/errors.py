"""The collectors package's exception root.

    CollectorError          a source could not be collected
     ├── SourceDisabled     credentials missing or rejected (401/403): skip this source
     ├── RateLimited        the server said 429; `reset_at` says when to try again
     └── TransientError     5xx, timeout, connection reset: back off and retry later

tweepy, prawcore, atproto, Mastodon.py and requests errors are translated into these at the
boundary of each collector, so the polling loop handles one family of errors.
"""

from __future__ import annotations

from datetime import datetime


class CollectorError(Exception):
    """Base of every collector error; `hint` says what the user can do."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class SourceDisabled(CollectorError):
    """The source cannot run: missing or rejected credentials."""


class RateLimited(CollectorError):
    """The server asked us to slow down."""

    def __init__(self, message: str, reset_at: datetime | None = None) -> None:
        super().__init__(message)
        self.reset_at = reset_at


class TransientError(CollectorError):
    """A failure worth retrying: server error, timeout, dropped connection."""
