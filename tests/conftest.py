"""Shared fixtures: a fresh database on SQLite *and* PostgreSQL, a clean environment, no
network.

PostgreSQL comes from CIVMON_TEST_POSTGRES_URL (set by .ci/run). Without it, the fixture
starts a throwaway server with .ci/postgres.sh when PostgreSQL binaries are installed;
otherwise PostgreSQL tests are skipped locally and *fail* under CI=true.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storage import Archive, open_archive

ROOT = Path(__file__).resolve().parent.parent
_SECRET_VARS = (
    "X_BEARER_TOKEN", "REDDIT_CLIENT_ID", "REDDIT_CLIENT_SECRET", "BLUESKY_HANDLE",
    "BLUESKY_APP_PASSWORD", "SLACK_WEBHOOK_URL", "SLACK_BOT_TOKEN", "CIVMON_PSEUDONYM_KEY",
    "CIVMON_CONFIG", "CIVMON_DB", "CIVMON_SMTP_URL", "CIVMON_WEBHOOK_URL",
)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's secrets or config, and no test may use a hub."""
    for name in _SECRET_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse any connection that is not to this machine."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else address
        local = isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1"))
        if self.family in (socket.AF_INET, socket.AF_INET6) and not local:
            raise OSError(f"test tried to reach the network: {address!r}")
        return real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)


# --- databases ---------------------------------------------------------------------------

_server_url: str | None = None
_counter = itertools.count()


def _postgres_server_url() -> str | None:
    """URL of a running PostgreSQL server for tests, starting one if we can."""
    global _server_url
    if _server_url:
        return _server_url
    url = os.environ.get("CIVMON_TEST_POSTGRES_URL")
    installed = shutil.which("initdb") or list(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not url and installed:
        done = subprocess.run(
            [str(ROOT / ".ci" / "postgres.sh")], capture_output=True, text=True, check=False
        )
        url = done.stdout.strip() if done.returncode == 0 else None
    _server_url = url
    return url


@pytest.fixture(scope="session")
def postgres_server() -> str:
    url = _postgres_server_url()
    if not url:
        message = "PostgreSQL is not available (set CIVMON_TEST_POSTGRES_URL or install postgresql)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return url


def _fresh_postgres_database(server_url: str) -> tuple[str, str]:
    name = f"civmon_test_{os.getpid()}_{next(_counter)}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://", 1),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    return url, name


def _drop_postgres_database(server_url: str, name: str) -> None:
    admin = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://", 1),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'civmon.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    url, name = _fresh_postgres_database(server)
    try:
        yield url
    finally:
        _drop_postgres_database(server, name)


@pytest.fixture
def archive(db_url: str) -> Iterator[Archive]:
    """An opened, migrated, empty archive on each backend."""
    opened = open_archive(db_url)
    try:
        yield opened
    finally:
        opened.dispose()


@pytest.fixture
def sqlite_archive(tmp_path: Path) -> Iterator[Archive]:
    """An archive on SQLite only, for tests that are about something else."""
    opened = open_archive(f"sqlite:///{tmp_path / 'civmon.db'}")
    try:
        yield opened
    finally:
        opened.dispose()
