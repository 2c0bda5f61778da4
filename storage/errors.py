"""The storage package's exception root.

    StorageError             the archive could not be opened, migrated, read or written
     └── DatabaseUnavailable the database URL points at nothing reachable

SQLAlchemy and driver errors are translated into these at the boundary (storage.db).
"""

from __future__ import annotations


class StorageError(Exception):
    """Base of every error raised by storage; `hint` says what to do about it."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class DatabaseUnavailable(StorageError):
    """The database server or file cannot be reached or opened."""
