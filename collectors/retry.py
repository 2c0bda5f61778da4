"""The one retry and rate-limit policy every source goes through.

- 429 (RateLimited): wait until the reset the server gave, capped at `max_rate_wait`,
  logged with the time we resume; without a reset, wait `default_rate_wait`. Never a
  tight loop: at least `min_wait` seconds.
- 5xx, timeouts, dropped connections, unreadable pages (TransientError): exponential
  backoff with full jitter, `attempts` tries in all, then give up this round (the error
  propagates; the cursor has not moved, the next round resumes).
- SourceDisabled (401/403, missing credentials) propagates at once.

Every wait of every collector (this policy's, and the waits client libraries would make on
their own, such as prawcore's rate limiter) goes through `sleep` below, which calls the
module attribute `SLEEP`: tests replace that one attribute.
Reset headers differ per platform; `reset_from_headers` reads them all.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar

from collectors.errors import RateLimited, TransientError

log = logging.getLogger("civmon.collect")
T = TypeVar("T")

# X: x-rate-limit-reset (epoch s); Reddit: x-ratelimit-reset (seconds from now);
# Bluesky: ratelimit-reset (epoch s); Mastodon: X-RateLimit-Reset (ISO 8601 time);
# anyone: Retry-After (seconds or an HTTP date). Header lookups are case-insensitive.
SLEEP: Callable[[float], None] = time.sleep


def sleep(seconds: float) -> None:
    """The single injectable sleep (see module docstring)."""
    SLEEP(seconds)


RESET_HEADERS = ("retry-after", "x-rate-limit-reset", "x-ratelimit-reset", "ratelimit-reset")


def _lower(headers: Mapping[str, str]) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in headers.items()}


def parse_reset(value: str, now: float) -> float | None:
    """One reset header value as an epoch time, whatever its format."""
    value = value.strip()
    try:
        number = float(value)
    except ValueError:
        number = None
    if number is not None:
        # An epoch time is large; a delay (Retry-After, Reddit) is small.
        return number if number > 1_000_000_000 else now + max(number, 0.0)
    for parse, text in ((datetime.fromisoformat, value.replace("Z", "+00:00")),
                        (parsedate_to_datetime, value)):
        try:
            moment = parse(text)
        except (ValueError, TypeError, IndexError):
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.timestamp()
    return None


def reset_from_headers(
    headers: Mapping[str, str] | None, now: float | None = None
) -> datetime | None:
    """When a rate limit resets, from any platform's headers; None if none given."""
    if not headers:
        return None
    now = time.time() if now is None else now
    lowered = _lower(headers)
    for name in RESET_HEADERS:
        if name in lowered:
            moment = parse_reset(lowered[name], now)
            if moment is not None:
                return datetime.fromtimestamp(moment, UTC)
    return None


@dataclass
class RetryPolicy:
    """How long to wait and when to give up; see the module docstring."""

    attempts: int = 4
    base_delay: float = 1.0
    max_backoff: float = 60.0
    max_rate_wait: float = 900.0
    default_rate_wait: float = 60.0
    min_wait: float = 1.0
    rate_limit_retries: int = 3
    sleep: Callable[[float], object] = sleep
    clock: Callable[[], float] = time.time
    rng: random.Random = field(default_factory=random.Random)
    # True when the service is stopping: a wait then ends the round instead of retrying.
    stopping: Callable[[], bool] = lambda: False

    def _wait(self, seconds: float) -> None:
        self.sleep(seconds)
        if self.stopping():
            raise TransientError("stopping: not retrying")

    def rate_wait(self, error: RateLimited) -> float:
        """Seconds to wait for a 429: until its reset, within [min_wait, max_rate_wait]."""
        if error.reset_at is None:
            wait = self.default_rate_wait
        else:
            wait = error.reset_at.timestamp() - self.clock()
        return min(max(wait, self.min_wait), self.max_rate_wait)

    def backoff(self, attempt: int) -> float:
        """Full-jitter exponential backoff for the `attempt`-th failure (1-based)."""
        ceiling = min(self.max_backoff, self.base_delay * 2 ** (attempt - 1))
        return max(self.min_wait / 10, self.rng.uniform(ceiling / 2, ceiling))

    def call(self, func: Callable[[], T], source: str) -> T:
        """Run `func`, retrying per the policy; re-raise when the round must give up."""
        failures = 0
        limited = 0
        while True:
            try:
                return func()
            except RateLimited as exc:
                limited += 1
                if limited > self.rate_limit_retries:
                    raise
                wait = self.rate_wait(exc)
                resume = datetime.fromtimestamp(self.clock() + wait, UTC).strftime("%H:%M:%S")
                log.warning("%s: rate limited (%s); waiting %.0fs until %s UTC",
                            source, exc.message, wait, resume)
                self._wait(wait)
            except TransientError as exc:
                failures += 1
                if failures >= self.attempts:
                    log.warning("%s: %s; giving up this round after %d tries",
                                source, exc.message, failures)
                    raise
                wait = self.backoff(failures)
                log.info("%s: %s; retry %d in %.1fs", source, exc.message, failures, wait)
                self._wait(wait)
