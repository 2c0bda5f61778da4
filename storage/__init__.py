"""storage: the archive every other part writes to and reads from.

Keeps every post once, with its raw payload, and the labels, incidents, notifications,
cursors and feedback around it, in SQLite (default) or PostgreSQL through SQLAlchemy 2.
Imports nothing from collectors, classifiers or alerts.
"""

from storage.db import Archive, open_archive
from storage.errors import DatabaseUnavailable, StorageError
from storage.posts import Post, StoreResult, store_posts

__all__ = [
    "Archive",
    "DatabaseUnavailable",
    "Post",
    "StorageError",
    "StoreResult",
    "open_archive",
    "store_posts",
]
