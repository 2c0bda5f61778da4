"""Opening the archive: one engine per database URL, SQLite tuned for a single writer.

SQLite (the default) runs in WAL mode with a busy timeout so the service and a CLI command
can share the file; PostgreSQL is used as is. A fresh database is brought to the newest
schema automatically (see storage.migrate).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from storage.errors import DatabaseUnavailable, StorageError


def _normalise_url(url: str) -> str:
    """Accept the common spellings: postgres:// and postgresql:// use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`, or StorageError saying what is wrong with the URL."""
    url = _normalise_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(
            f"not a database URL: {url!r}",
            "use sqlite:///path/to/civmon.db or postgresql://user:pass@host/dbname",
        ) from None
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Archive:
    """The post archive behind one database URL."""

    def __init__(self, url: str) -> None:
        self.url = _normalise_url(url)
        self.engine = make_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def check(self) -> None:
        """Connect once, or raise DatabaseUnavailable with a hint."""
        try:
            with self.engine.connect():
                pass
        except OperationalError as exc:
            raise DatabaseUnavailable(
                f"cannot open the database {self.safe_url}: {exc.orig}",
                "check storage.database_url in config.yaml or --db; is the server running?",
            ) from None

    @property
    def safe_url(self) -> str:
        """The URL with any password masked, for messages and logs."""
        return make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def open_archive(url: str, *, upgrade: bool = True) -> Archive:
    """Open (and by default create or upgrade) the archive at `url`."""
    archive = Archive(url)
    archive.check()
    if upgrade:
        from storage.migrate import upgrade as run_upgrade

        try:
            run_upgrade(archive)
        except SQLAlchemyError as exc:
            raise StorageError(f"could not migrate {archive.safe_url}: {exc}") from None
    return archive
