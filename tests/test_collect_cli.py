"""`civmon collect --once` and `civmon run` end to end, configured only through config.yaml
base URLs and environment credentials: a crash between fetch and commit, the service under
faults, SIGTERM, and one scheduler per database."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

import collectors.bluesky
import collectors.mastodon
import collectors.reddit
import collectors.x  # noqa: F401 - imported once here, so forked children start warm
from civmon.cli import cli
from civmon.collect import KILL_HOOK_ENV
from collectors import retry
from storage import Archive, open_archive
from storage.models import PostRow, ServiceLockRow
from tests.fakes import harness
from tests.fakes.base import FakeApi

ROOT = Path(__file__).resolve().parent.parent
CIVMON = [sys.executable, "-c", "from civmon.cli import main; main()"]


@pytest.fixture
def fakes() -> dict[str, FakeApi]:
    started = harness.start()
    yield started
    for fake in started.values():
        fake.close()


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CIVMON_CONFIG", "CIVMON_DB")}
    env.update(harness.ENV, PYTHONPATH=str(ROOT), **extra)
    return env


def _exact(archive: Archive, fakes: dict[str, FakeApi]) -> None:
    with archive.session() as session:
        for name, fake in fakes.items():
            ids = list(session.scalars(select(PostRow.native_id).where(PostRow.platform == name)))
            assert set(ids) == fake.published_ids(), f"{name}: lost or foreign posts"
            assert len(ids) == len(set(ids)), f"{name}: duplicates"


def test_collect_once_archives_everything_then_only_new(
        fakes: dict[str, FakeApi], tmp_path: Path, db_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retry, "SLEEP", lambda s: None)
    config = harness.write_config(tmp_path / "config.yaml", fakes)
    for fake in fakes.values():
        fake.publish(30)
    runner = CliRunner()
    args = ["collect", "--once", "--config", str(config), "--db", db_url]
    first = runner.invoke(cli, args, env=harness.ENV)
    assert first.exit_code == 0, first.output
    for fake in fakes.values():
        fake.publish(3)
    second = runner.invoke(cli, args, env=harness.ENV)
    assert second.exit_code == 0, second.output
    assert "x: fetched 3, new 3, duplicate 0" in second.output
    assert re.search(r"reddit: fetched \d+, new 6, duplicate \d+", second.output)
    archive = open_archive(db_url)
    try:
        _exact(archive, fakes)
    finally:
        archive.dispose()


def test_collect_needs_once_and_reports_missing_credentials(tmp_path: Path) -> None:
    fake = harness.start(("x",))["x"]
    try:
        config = harness.write_config(tmp_path / "config.yaml", {"x": fake})
        runner = CliRunner()
        plain = runner.invoke(cli, ["collect", "--config", str(config)])
        nothing = runner.invoke(cli, ["collect", "--once", "--config", str(config),
                                      "--db", f"sqlite:///{tmp_path / 'c.db'}"])
    finally:
        fake.close()
    assert plain.exit_code == 2 and "--once" in plain.output
    assert nothing.exit_code == 2
    assert "x: disabled, environment variable X_BEARER_TOKEN is not set" in nothing.output


def test_killed_between_fetch_and_commit_then_rerun_is_exact(
        fakes: dict[str, FakeApi], tmp_path: Path, db_url: str) -> None:
    """SIGKILL right after a page is fetched, before its commit; the rerun loses nothing."""
    config = harness.write_config(tmp_path / "config.yaml", fakes, x_page_size=10)
    counts = {"x": 25, "reddit": 105, "bluesky": 130, "mastodon": 60}
    for name, fake in fakes.items():
        fake.publish(counts[name])
    archive = open_archive(db_url)  # migrate once, here
    try:
        for name in harness.PLATFORMS:  # the 2nd fetch is the 2nd page of each source
            status = _forked_collect(["--source", name, "--config", str(config), "--db", db_url])
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, name
        with archive.session() as session:
            partial = session.scalar(select(func.count()).select_from(PostRow))
        assert 0 < partial < sum(len(f.published_ids()) for f in fakes.values())
        rerun = CliRunner().invoke(cli, ["collect", "--once", "--config", str(config),
                                         "--db", db_url], env=harness.ENV)
        assert rerun.exit_code == 0, rerun.output
        _exact(archive, fakes)
    finally:
        archive.dispose()


def _forked_collect(args: list[str]) -> int:
    """`civmon collect --once ARGS` in a forked child armed to SIGKILL itself after its 2nd
    fetch (before that page's commit); returns the child's wait status. Forking skips the
    interpreter start-up a fresh subprocess pays on every run."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        try:
            os.environ.update(harness.ENV)
            os.environ[KILL_HOOK_ENV] = "2"
            cli.main(["collect", "--once", *args], standalone_mode=False)
        finally:
            os._exit(70)
    return os.waitpid(pid, 0)[1]


def _wait_for(predicate, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.2)


def test_run_under_faults_loses_nothing_and_a_second_run_refuses(
        fakes: dict[str, FakeApi], tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'civmon.db'}"
    config = harness.write_config(tmp_path / "config.yaml", fakes, database_url=db_url,
                                  timeout=0.4)
    for fake in fakes.values():
        fake.publish(20)
    archive = open_archive(db_url)
    service = subprocess.Popen([*CIVMON, "run", "--config", str(config)], env=_env(),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        def locked() -> bool:
            with archive.session() as session:
                return session.scalar(select(func.count()).select_from(ServiceLockRow)) == 1
        _wait_for(locked)
        second = subprocess.run([*CIVMON, "run", "--config", str(config)], env=_env(),
                                capture_output=True, text=True, timeout=120)
        assert second.returncode == 3
        assert "another civmon scheduler is already running" in second.stderr
        for fault in ("500", "timeout", "malformed", "repeat", "500"):
            for fake in fakes.values():
                fake.publish(4)
                fake.inject(fault)
            time.sleep(1.0)

        def caught_up() -> bool:
            with archive.session() as session:
                total = session.scalar(select(func.count()).select_from(PostRow))
            return total == sum(len(f.published_ids()) for f in fakes.values())
        _wait_for(caught_up, timeout=90)
        service.send_signal(signal.SIGTERM)
        output, _ = service.communicate(timeout=60)
    finally:
        if service.poll() is None:
            service.kill()
    try:
        assert service.returncode == 0, output
        assert "stopped cleanly" in output
        _exact(archive, fakes)
        with archive.session() as session:  # the lock was released
            assert session.scalar(select(func.count()).select_from(ServiceLockRow)) == 0
    finally:
        archive.dispose()
