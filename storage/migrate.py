"""Bringing a database to the newest schema with the Alembic migrations in
storage/migrations, run programmatically (there is no alembic.ini to find).

Every open_archive() call and `civmon db upgrade` apply the same versioned steps: a fresh
database is created at the newest revision; an older one is upgraded; a database made by
the pre-migration skeleton (tables but no alembic_version) is stamped as the first revision
and upgraded from there. A database *newer* than this code is refused, not touched.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from storage.db import Archive
from storage.errors import StorageError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
FIRST_REVISION = "0001"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config pointing at storage/migrations, optionally bound to a connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision this code knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "storage/migrations/versions is empty"
    return head


def current_revision(archive: Archive) -> str | None:
    """The revision the database is at, or None for a database Alembic never touched."""
    with archive.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(archive: Archive, revision: str = "head") -> tuple[str | None, str]:
    """Apply pending migrations; return (revision before, revision after).

    Cheap when there is nothing to do (one query), so it runs on every open_archive().
    """
    before = current_revision(archive)
    target = head_revision() if revision == "head" else revision
    if before == target:
        return before, target
    script = ScriptDirectory.from_config(alembic_config())
    if before is not None and before not in {s.revision for s in script.walk_revisions()}:
        raise StorageError(
            f"{archive.safe_url} is at schema revision {before}, which this civmon does not know",
            "the database was upgraded by a newer civmon; upgrade civmon itself",
        )
    with archive.engine.begin() as conn:
        config = alembic_config(conn)
        if before is None and "posts" in inspect(conn).get_table_names():
            command.stamp(config, FIRST_REVISION)  # made by the skeleton's create_all
        command.upgrade(config, revision)
    return before, current_revision(archive) or target
