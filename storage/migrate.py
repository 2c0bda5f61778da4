"""Bringing a database to the newest schema.

TEMPORARY: creates missing tables directly. To be replaced by Alembic migrations
(storage/migrations) run programmatically, so that `civmon db upgrade` and every
open_archive() call apply the same versioned steps.
"""

from __future__ import annotations

from storage.db import Archive
from storage.models import Base


def upgrade(archive: Archive) -> None:
    Base.metadata.create_all(archive.engine)
