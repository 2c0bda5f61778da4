"""Alembic environment: runs on the connection storage.migrate hands it.

civmon runs migrations programmatically (storage.migrate), never through an alembic.ini,
so the database URL and connection come from the caller. SQLite gets batch mode, because
it cannot ALTER most things in place.
"""

from __future__ import annotations

from alembic import context

from storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # pragma: no cover - storage.migrate always passes one
        raise RuntimeError("run civmon migrations through storage.migrate, not the alembic CLI")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():  # pragma: no cover
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
