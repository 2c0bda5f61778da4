"""Only one scheduler per database: a database-level lock taken by `civmon run`.

PostgreSQL: a session advisory lock (pg_try_advisory_lock) held on a dedicated connection
for the life of the service. The server drops it the moment that connection dies, so a
killed service never blocks the next one.

SQLite has no advisory locks, and holding a write transaction open would block the
service's own writers, so the `service_locks` row is the lock: taken with one atomic
INSERT ... ON CONFLICT DO NOTHING, kept alive by a heartbeat, released by deleting it. A
row whose heartbeat is older than `stale_after` seconds, or whose holder is a dead process
on this same host, is taken over (one atomic conditional UPDATE), so a SIGKILLed service
blocks the next start for at most `stale_after` seconds, never forever.

On both backends the row says who holds the lock (host, pid, since when), for the message
a second `civmon run` prints before it exits.
"""

from __future__ import annotations

import os
import socket
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from civmon.errors import CivmonError
from storage import Archive
from storage.models import ServiceLockRow, utcnow

LOCK_NAME = "scheduler"
ADVISORY_KEY = 0x6369766D6F6E  # "civmon"


class LockHeld(CivmonError):
    """Another scheduler already runs against this database."""

    exit_code = 3


def _rowcount(result: Any) -> int:
    """Rows an INSERT/UPDATE touched (a CursorResult attribute the typing hides)."""
    return int(result.rowcount)


def holder_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _pid_dead(holder: str) -> bool:
    host, _, pid = holder.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class SchedulerLock:
    """Acquire with `acquire()` (raises LockHeld), keep with `heartbeat()`, `release()`."""

    def __init__(self, archive: Archive, stale_after: float = 90.0, name: str = LOCK_NAME) -> None:
        self.archive = archive
        self.name = name
        self.stale_after = stale_after
        self.holder = holder_id()
        self._pg: Connection | None = None

    def acquire(self) -> None:
        if self.archive.dialect == "postgresql":
            self._acquire_advisory()
            self._write_row(force=True)
        elif not self._write_row(force=False):
            self._refuse(self._current_holder())

    def _acquire_advisory(self) -> None:
        conn = self.archive.engine.connect()
        got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_KEY}).scalar()
        conn.commit()
        if not got:
            conn.close()
            self._refuse(self._current_holder())
        self._pg = conn

    def _refuse(self, holder: tuple[str, object] | None) -> None:
        who = "another process"
        if holder:
            who = f"{holder[0]} (since {holder[1]:%Y-%m-%d %H:%M:%S} UTC)"
        raise LockHeld(
            f"another civmon scheduler is already running against {self.archive.safe_url}: {who}",
            "stop it first (one scheduler per database); `civmon collect --once` can still run",
        )

    def _current_holder(self) -> tuple[str, object] | None:
        with self.archive.session() as session:
            row = session.execute(select(ServiceLockRow.holder, ServiceLockRow.acquired_at)
                                  .where(ServiceLockRow.name == self.name)).first()
        return (row[0], row[1]) if row else None

    def _write_row(self, force: bool) -> bool:
        """Take the row: insert it, or take over a stale/dead/forced one. True if ours."""
        now = utcnow()
        values = {"holder": self.holder, "acquired_at": now, "heartbeat_at": now}
        dialect_insert = pg_insert if self.archive.dialect == "postgresql" else sqlite_insert
        with self.archive.session() as session:
            stmt = dialect_insert(ServiceLockRow).values(name=self.name, **values)
            if _rowcount(session.execute(stmt.on_conflict_do_nothing())) == 1:
                return True
            current = session.execute(select(ServiceLockRow.holder)
                                      .where(ServiceLockRow.name == self.name)).scalar()
            takeover = (update(ServiceLockRow).where(ServiceLockRow.name == self.name)
                        .values(**values))
            if not force and not (current and _pid_dead(current)):
                stale = now - timedelta(seconds=self.stale_after)
                takeover = takeover.where(ServiceLockRow.heartbeat_at < stale)
            return _rowcount(session.execute(takeover)) == 1

    def heartbeat(self) -> bool:
        """Refresh the row; False if someone took the lock over (the caller should stop)."""
        with self.archive.session() as session:
            result = session.execute(
                update(ServiceLockRow)
                .where(ServiceLockRow.name == self.name, ServiceLockRow.holder == self.holder)
                .values(heartbeat_at=utcnow()))
            return _rowcount(result) == 1

    def release(self) -> None:
        with self.archive.session() as session:
            session.execute(delete(ServiceLockRow).where(
                ServiceLockRow.name == self.name, ServiceLockRow.holder == self.holder))
        if self._pg is not None:
            self._pg.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_KEY})
            self._pg.commit()
            self._pg.close()
            self._pg = None
