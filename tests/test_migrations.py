"""Alembic migrations: a fresh database is created at the newest revision, the models and
the migrations agree, and `civmon db upgrade|current` report it, on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect, text

from civmon.cli import cli
from storage import StorageError, open_archive
from storage.db import Archive
from storage.migrate import current_revision, head_revision, upgrade
from storage.models import Base

ROOT = Path(__file__).resolve().parent.parent


def test_a_fresh_database_is_created_at_the_newest_revision(archive) -> None:
    assert current_revision(archive) == head_revision()
    tables = set(inspect(archive.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables and "alembic_version" in tables


def test_the_migrations_match_the_models(archive) -> None:
    """Someone changed storage/models.py without adding a migration if this fails."""
    with archive.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_upgrade_is_a_no_op_when_current(archive) -> None:
    assert upgrade(archive) == (head_revision(), head_revision())


def test_a_skeleton_database_without_alembic_is_stamped_and_kept(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Archive(url)
    Base.metadata.create_all(old.engine)
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO collector_cursors (source, query, value, updated_at) "
                          "VALUES ('x', '#CalderDecides', '42', '2026-10-01 00:00:00')"))
    old.dispose()
    archive = open_archive(url)
    assert current_revision(archive) == head_revision()
    with archive.engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM collector_cursors")).scalar() == "42"
    archive.dispose()


def test_a_database_from_a_newer_civmon_is_refused(tmp_path: Path) -> None:
    archive = open_archive(f"sqlite:///{tmp_path / 'new.db'}")
    with archive.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'fffffffff'"))
    with pytest.raises(StorageError, match="does not know"):
        upgrade(archive)
    archive.dispose()


def test_cli_db_current_and_upgrade(tmp_path: Path) -> None:
    runner = CliRunner()
    common = ["--config", str(ROOT / "config.yaml"), "--db", f"sqlite:///{tmp_path / 'c.db'}"]
    before = runner.invoke(cli, ["db", "current", *common])
    assert before.exit_code == 0 and "revision (none)" in before.output
    assert "run `civmon db upgrade`" in before.output
    done = runner.invoke(cli, ["db", "upgrade", *common])
    assert done.exit_code == 0 and f"upgraded from (empty) to {head_revision()}" in done.output
    again = runner.invoke(cli, ["db", "upgrade", *common])
    assert "already at the newest revision" in again.output
    after = runner.invoke(cli, ["db", "current", *common])
    assert f"revision {head_revision()} (newest" in after.output
