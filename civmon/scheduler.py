"""`civmon run`: the long-running service.

An APScheduler 3.x BackgroundScheduler runs each enabled source every
`sources.<name>.poll_interval_seconds` (coalesced, one instance at a time, with a misfire
grace), plus the later stages from `pipeline_jobs(app)` (classification, alert detection
and delivery, the daily digest) as periodic jobs. Before anything runs it takes the
database's scheduler lock (civmon.lock); a second `civmon run` on the same database exits
with a clear message.

SIGTERM / SIGINT set a stop flag that collectors check between batches, so the current
batch is committed (or not started) and the service stops cleanly.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler

from civmon.app import App
from civmon.collect import enabled_collectors, run_source
from civmon.lock import SchedulerLock
from collectors.base import Collector
from collectors.retry import RetryPolicy

log = logging.getLogger("civmon.run")
HEARTBEAT_SECONDS = 20


@dataclass(frozen=True)
class PeriodicJob:
    """A later-stage job the service runs every `interval_seconds`."""

    name: str
    interval_seconds: float
    func: Callable[[], Any]


def pipeline_jobs(app: App) -> list[PeriodicJob]:
    """The later stages `civmon run` schedules next to collection.

    Each stage's owner adds its entry here as a PeriodicJob whose func takes no argument
    and does one pass (classify pending posts, detect pile-ons and deliver the outbox,
    write the digest when due) using `app`. Collection never depends on these.
    """
    from alerts.digest import maybe_run_daily_digest
    from alerts.events import EventBus
    from alerts.live import detection_job
    from alerts.notifiers import build_notifiers
    from alerts.outbox import OutboxSubscriber, deliver_pending
    from civmon.labelling import labelling_job

    config, archive = app.config, app.archive
    notifiers = build_notifiers(config.alerts.channels, config.base_dir, config.digest.recipients)
    bus = EventBus()
    bus.subscribe(OutboxSubscriber(archive, notifiers.keys()))
    jobs = [
        PeriodicJob("classify", 5.0, labelling_job(config, archive)),
        PeriodicJob("detect", 10.0, detection_job(config, archive, bus)),
        PeriodicJob("deliver", 15.0, lambda: deliver_pending(archive, notifiers)),
        PeriodicJob("digest", 300.0, lambda: maybe_run_daily_digest(archive, config, notifiers)),
    ]
    if config.storage.retention_days:
        from storage.retention import purge_older_than

        days = config.storage.retention_days
        jobs.append(PeriodicJob("retention", 3600.0, lambda: purge_older_than(archive, days)))
    return jobs


class Service:
    """The scheduler, its lock and the stop flag; `run()` blocks until stopped."""

    def __init__(self, app: App, extra_jobs: list[PeriodicJob] | None = None,
                 policy: RetryPolicy | None = None, stop_after: float | None = None) -> None:
        self.app = app
        self.archive = app.archive
        self.extra_jobs = pipeline_jobs(app) if extra_jobs is None else extra_jobs
        self.stop_after = stop_after
        self.stopping = threading.Event()
        # Waits (429 resets, backoff) end early on SIGTERM, and the round then stops.
        self.policy = policy or RetryPolicy(sleep=self.stopping.wait, stopping=self.stopping.is_set)
        self.disabled: set[str] = set()
        self.lock = SchedulerLock(self.archive)
        self.scheduler = BackgroundScheduler(timezone=UTC, job_defaults={
            "coalesce": True, "max_instances": 1, "misfire_grace_time": 30})

    def request_stop(self, *_args: Any) -> None:
        if not self.stopping.is_set():
            log.info("stop requested; finishing the current batch")
        self.stopping.set()

    def _collect_job(self, collector: Collector, interval: float) -> Callable[[], None]:
        # Jobs never call into the scheduler: shutdown(wait=True) holds its lock while it
        # waits for running jobs. Disabling is done by the main loop (see run()).
        def job() -> None:
            started = time.monotonic()
            report = run_source(self.archive, collector, self.policy, self.stopping.is_set)
            if report.disabled:
                log.error("%s: disabled until restart: %s", collector.name, report.error)
                self.disabled.add(collector.name)
                return
            wait = max(interval - (time.monotonic() - started), 0)
            log.info("%s; next run in %.0fs", report.line(), wait)
        return job

    def _guarded(self, job: PeriodicJob) -> Callable[[], None]:
        """One stage failing must not stop collection. A user error (bad model path,
        unreachable database) is logged as one line with its hint, once until it changes;
        anything else with its traceback."""
        from civmon.cli import USER_ERRORS

        last: dict[str, str] = {}

        def run() -> None:
            try:
                job.func()
                last.pop("error", None)
            except USER_ERRORS as exc:
                message = str(getattr(exc, "message", exc))
                hint = getattr(exc, "hint", None)
                if last.get("error") != message:
                    log.error("%s failed: %s%s (retrying every %.0fs)", job.name, message,
                              f"; hint: {hint}" if hint else "", job.interval_seconds)
                last["error"] = message
            except Exception:
                log.exception("%s failed; it runs again in %.0fs", job.name, job.interval_seconds)
        return run

    def _heartbeat(self) -> None:
        if not self.lock.heartbeat():
            log.error("lost the scheduler lock to another process; stopping")
            self.request_stop()

    def _drop_disabled(self) -> None:
        for name in list(self.disabled):
            if self.scheduler.get_job(name):
                self.scheduler.remove_job(name)

    def setup(self) -> list[Collector]:
        """Take the lock and add every job; returns the collectors that will run."""
        self.lock.acquire()
        collectors, skipped = enabled_collectors(self.app.config)
        for line in skipped:
            log.warning(line)
        now = datetime.now(UTC)
        for collector in collectors:
            section = getattr(self.app.config.sources, collector.name, None)
            seconds = getattr(section, "poll_interval_seconds", 60)
            self.scheduler.add_job(self._collect_job(collector, seconds), "interval",
                                   seconds=seconds,
                                   id=collector.name, name=collector.name, next_run_time=now)
        for job in self.extra_jobs:
            self.scheduler.add_job(self._guarded(job), "interval", seconds=job.interval_seconds,
                                   id=f"stage:{job.name}", name=job.name)
        self.scheduler.add_job(self._heartbeat, "interval", seconds=HEARTBEAT_SECONDS,
                               id="lock-heartbeat")
        return collectors

    def run(self) -> int:
        """Block until SIGTERM/SIGINT (or `stop_after` seconds); 0 on a clean stop."""
        collectors = self.setup()
        previous = {sig: signal.signal(sig, self.request_stop)
                    for sig in (signal.SIGTERM, signal.SIGINT)}
        started = time.monotonic()
        log.info("civmon run: %d source(s) [%s], %d pipeline job(s); database %s",
                 len(collectors), ", ".join(c.name for c in collectors), len(self.extra_jobs),
                 self.archive.safe_url)
        try:
            self.scheduler.start()
            while not self.stopping.wait(0.2):
                self._drop_disabled()
                if self.stop_after is not None and time.monotonic() - started >= self.stop_after:
                    self.request_stop()
        finally:
            self.scheduler.shutdown(wait=True)
            for collector in collectors:
                collector.close()
            self.lock.release()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            log.info("civmon run: stopped cleanly")
        return 0
