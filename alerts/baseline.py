"""What "normal" looks like for one target, so a pile-on is judged against its own past.

Candidates are insulted all day; a journalist almost never. Each target therefore keeps its
own attack-rate baseline, and the detector only cares about attacks far above it.

The baseline is an exponentially weighted moving average (EWMA) of the attack rate in
fixed bins (5 minutes), with three guards:

- *bias correction* from the moment the detector started: a target first seen hours into
  the stream has an honest near-zero past, so its baseline is the configured floor, while a
  busy candidate seen from the first minutes gets its real rate within a few bins instead
  of starting from zero and looking like a surge;
- *winsorising*: a bin is counted at most `cap_multiplier` times the current baseline plus
  three Poisson standard deviations (so ordinary fluctuations of a sparse count pass and the
  estimate stays unbiased), so an ongoing pile-on does not teach the baseline that pile-ons
  are normal;
- *freezing*: while an incident is open the baseline holds still;
- *time of day*: a per-hour profile (from earlier days in the archive, see
  `seed_profile`) raises the baseline for hours when a target is usually busy.

`GlobalRate` is the same EWMA over *all* posts. When the whole conversation surges (a
debate night) every target's expectation scales with it, so a candidate's debate-night
insults are not a pile-on, while a pile-on (a handful of posts in a big day) barely moves
the global rate.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import deque

BIN_SECONDS = 300.0
MARKS = 24  # bins of baseline history kept (two hours): longer than the longest window
EXPIRY_SECONDS = 60.0  # how stale a TimeSeries' start may get before old times are dropped


class Ewma:
    """A bias-corrected EWMA of events per hour, in bins of BIN_SECONDS, updated lazily."""

    __slots__ = ("_alpha", "_cap", "_floor", "_keep", "_origin_bin", "_bin", "_count", "_raw",
                 "_per_hour", "_marks", "frozen")

    def __init__(
        self, halflife_minutes: float, origin: float, cap_multiplier: float,
        floor_per_hour: float = 0.0,
    ) -> None:
        bins_per_halflife = halflife_minutes * 60.0 / BIN_SECONDS
        self._keep = 0.5 ** (1.0 / bins_per_halflife)  # weight kept by the past, per bin
        self._alpha = 1.0 - self._keep
        self._cap = cap_multiplier
        self._floor = floor_per_hour * BIN_SECONDS / 3600.0
        self._origin_bin = int(origin // BIN_SECONDS)
        self._bin = self._origin_bin
        self._count = 0.0  # events in the current, still open bin
        self._raw = 0.0  # uncorrected average over closed bins, events per bin
        self._per_hour: float | None = None  # per_hour() until the next bin closes
        # (bin, the estimate per hour while it was open), last MARKS: see per_hour_as_of
        self._marks: deque[tuple[int, float]] = deque(maxlen=MARKS)
        self.frozen = False  # True while the target is under attack: learn nothing from it

    def _close_to(self, now: float) -> None:
        current = int(now // BIN_SECONDS)
        if current <= self._bin:
            return
        self._marks.append((self._bin, self._corrected_per_bin() * 3600.0 / BIN_SECONDS))
        self._per_hour = None
        if self.frozen:  # every bin counts as exactly the current estimate
            level = self._corrected_per_bin()
            self._bin = current
            self._raw = level * (1.0 - self._keep ** (current - self._origin_bin))
            self._count = 0.0
            return
        value = self._count
        if self._cap != math.inf:
            level = max(self._corrected_per_bin(), self._floor)
            value = min(value, level * self._cap + 3.0 * math.sqrt(level) + 1.0)
        self._raw = self._keep * self._raw + self._alpha * value
        gap = current - self._bin - 1  # empty bins in between
        if gap:
            self._raw *= self._keep**gap
        self._bin = current
        self._count = 0.0

    def _corrected_per_bin(self) -> float:
        closed = self._bin - self._origin_bin
        if closed <= 0:
            return 0.0
        return self._raw / (1.0 - self._keep**closed)

    def add(self, now: float, weight: float = 1.0) -> None:
        if now >= (self._bin + 1) * BIN_SECONDS:  # most events fall in the open bin
            self._close_to(now)
        self._count += weight

    def absorb(self, other: Ewma, now: float) -> None:
        """Add `other`'s learned rate to this one: the same events, learned under two
        names until now (a person insulted by name and by handle)."""
        self._close_to(now)
        other._close_to(now)
        closed = self._bin - self._origin_bin
        level = self._corrected_per_bin() + other._corrected_per_bin()
        self._raw = level * (1.0 - self._keep**closed) if closed > 0 else 0.0
        self._count += other._count
        self._per_hour = None

    def per_hour_as_of(self, then: float, now: float) -> float:
        """The baseline as it stood at `then` (up to MARKS bins back): what was normal
        before a window's own attacks began to raise it, as the winsorised average still
        does in part until an incident freezes it."""
        current = self.per_hour(now)
        wanted = int(then // BIN_SECONDS)
        if self._marks and wanted < self._marks[0][0]:
            return self._marks[0][1]
        for closed, value in self._marks:  # (bin, the estimate while that bin was open)
            if closed >= wanted:
                return value
        return current

    def per_hour(self, now: float) -> float:
        """The baseline rate in events per hour as of `now` (closed bins only)."""
        if now >= (self._bin + 1) * BIN_SECONDS:
            self._close_to(now)
        if self._per_hour is None:
            self._per_hour = self._corrected_per_bin() * 3600.0 / BIN_SECONDS
        return self._per_hour


class TimeSeries:
    """Sorted event times with a moving start, for O(log n) window counts.

    Old times are dropped lazily, at most once a minute: a count over any window inside
    the horizon is the same whether or not older times are still in the list."""

    __slots__ = ("times", "start", "_horizon", "_next_expiry")

    def __init__(self, horizon_seconds: float) -> None:
        self.times: list[float] = []
        self.start = 0
        self._horizon = horizon_seconds
        self._next_expiry = -math.inf

    def add(self, now: float) -> None:
        self.times.append(now)
        if now >= self._next_expiry:
            self.expire(now)

    def expire(self, now: float) -> None:
        self._next_expiry = now + EXPIRY_SECONDS
        cut = now - self._horizon
        if self.start < len(self.times) and self.times[self.start] < cut:
            self.start = bisect_left(self.times, cut, self.start)
            if self.start > 4096 and self.start * 2 > len(self.times):
                del self.times[: self.start]
                self.start = 0

    def count_since(self, since: float) -> int:
        return len(self.times) - bisect_left(self.times, since, self.start)


class GlobalRate:
    """Events per hour across all targets: a slow baseline and recent windows, to tell a
    global surge (a debate night) from trouble at one target.

    Every post is one `add`, so adding is only a list append (callers on the hot path may
    keep `add` bound); the EWMA and the expiry catch up from the list when the rate is
    read, or at least once a minute through `catch_up`, a whole 5-minute bin at a time."""

    __slots__ = ("_ewma", "times", "_start", "_fed", "_horizon", "origin", "add")

    def __init__(self, halflife_minutes: float, origin: float, horizon_seconds: float) -> None:
        self._ewma = Ewma(halflife_minutes, origin, cap_multiplier=math.inf)
        self.times: list[float] = []
        self._start = 0  # first time inside the horizon
        self._fed = 0  # times before this index are in the EWMA
        self._horizon = horizon_seconds
        self.origin = origin
        self.add = self.times.append  # the list object is kept for good: see catch_up

    def catch_up(self, now: float) -> None:
        """Feed the EWMA every time added since, bin by bin, then drop expired times."""
        times, i, n = self.times, self._fed, len(self.times)
        while i < n:
            end = bisect_left(times, (times[i] // BIN_SECONDS + 1.0) * BIN_SECONDS, i, n)
            self._ewma.add(times[i], end - i)
            i = end
        self._fed = n
        cut = now - self._horizon
        if self._start < n and times[self._start] < cut:  # all expired: _start == n
            self._start = bisect_left(times, cut, self._start)
            if self._start > 4096 and self._start * 2 > n:
                del times[: self._start]  # in place: `add` stays bound to this list
                self._fed -= self._start
                self._start = 0

    def count_since(self, since: float) -> int:
        return len(self.times) - bisect_left(self.times, since, self._start)

    def surge(self, now: float, window: float, exclude: int = 0, z: float = 0.0) -> float:
        """How many times busier (or quieter) the last `window` seconds were than usual,
        not counting `exclude` events (the target's own, so a pile-on does not explain
        itself). `z` > 0 takes a cautious lower bound of the recent count (`z` standard
        deviations below it), for counts too small to trust as they stand."""
        if self._fed < len(self.times):
            self.catch_up(now)
        usual = self._ewma.per_hour(now)
        if usual <= 0.0:
            return 1.0
        span = min(window, max(now - self.origin, BIN_SECONDS))
        n = max(self.count_since(now - window) - exclude, 0)
        return cautious_count(n, z) * 3600.0 / span / usual


def cautious_count(n: int, z: float) -> float:
    """A count taken `z` standard deviations (Poisson: sqrt n) below itself, never below
    0: how many events there surely were, for counts too small to trust as they stand."""
    return max(n - z * math.sqrt(n), 0.0)


def poisson_tail(n: int, lam: float) -> float:
    """P(X >= n) for X ~ Poisson(lam): how surprising n events are when lam were expected."""
    if n <= 0:
        return 1.0
    if lam <= 0.0:
        return 0.0
    log_term = -lam + n * math.log(lam) - math.lgamma(n + 1)
    total, k, term = 0.0, n, math.exp(log_term)
    while term > 1e-300 and (k - n) < 10_000:
        total += term
        k += 1
        term *= lam / k
        if term < total * 1e-12:
            break
    return min(total, 1.0)


def binomial_tail(k: int, n: int, q: float) -> float:
    """P(X >= k) for X ~ Binomial(n, q): how surprising it is that k of n events fell on
    one side when each would with probability q."""
    if k <= 0:
        return 1.0
    if k > n or q <= 0.0:
        return 0.0
    if q >= 1.0:
        return 1.0
    term = math.exp(math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
                    + k * math.log(q) + (n - k) * math.log1p(-q))
    total, odds = 0.0, q / (1.0 - q)
    for i in range(k, n + 1):  # each term from the one before: no lgamma per term
        total += term
        term *= (n - i) / (i + 1) * odds
        if term < total * 1e-12:
            break
    return min(total, 1.0)


def hour_profile_value(profile: list[float] | None, now: float) -> float:
    """The time-of-day baseline (events/hour) for the hour of `now` in UTC, or 0."""
    if not profile:
        return 0.0
    return profile[int(now // 3600) % 24]
