"""What detection remembers about one target, and the post type it is fed.

`TargetState` holds one target's sliding windows: its attack times and authors, all posts
addressed to it, its attack-rate baseline, each author's recent attacks (for floods), the
last few attack posts (examples for alerts), and its own recent posts with what they usually
draw (`learn_cascades`). The detector decides; this only remembers.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from dataclasses import dataclass
from datetime import datetime

from alerts.baseline import Ewma, TimeSeries, poisson_tail
from civmon.config import AlertRules

CASCADE_LEARNING = 0.5  # weight of a target's latest post in what its posts usually draw
CASCADE_SECONDS = 20 * 60.0  # how long after a target's own post its replies count as drawn
CASCADE_MEMORY = 3 * 3600.0  # own posts remembered this long (longer than any window)
CASCADE_SURPRISE = 1e-3  # a quiet target's post drew improbably many: not learned from
CASCADE_QUIET_POSTS = 2  # posts a quiet target learns from before its allowance counts


@dataclass(slots=True)  # not frozen: a frozen dataclass costs 2x to build, once per post
class LabelledPost:
    """What detection needs to know about one classified post (treat it as read-only).

    `target` is who the post attacks (attacks) or addresses (reply_to / first mention, for
    other labels); posts addressed to nobody still count towards the global rate.
    """

    post_id: str
    platform: str
    author: str
    created_at: datetime
    label: str  # attack | substantive | other
    target: str | None
    text: str = ""
    quote: str | None = None
    url: str | None = None
    db_id: int | None = None


class TargetState:
    """Sliding-window memory for one target."""

    __slots__ = ("name", "attacks", "authors", "platforms", "traffic", "baseline", "by_author",
                 "recent", "quiet_since", "busy", "own_posts", "cascade", "cascades_learned",
                 "cascade_posts", "floor")

    def __init__(self, name: str, rules: AlertRules, origin: float, horizon: float) -> None:
        self.name = name
        self.attacks = TimeSeries(horizon)
        self.authors: list[str] = []  # parallel to attacks.times
        self.platforms: list[str] = []  # parallel to attacks.times
        self.traffic = TimeSeries(horizon)  # every post addressed to the target
        self.baseline = Ewma(rules.baseline_halflife_minutes, origin, rules.rate_multiplier,
                             rules.baseline_floor_per_hour)
        self.by_author: dict[str, deque[float]] = {}
        self.recent: deque[LabelledPost] = deque(maxlen=3)
        self.quiet_since = 0.0  # when its last incident was resolved
        self.busy = False  # insulted often enough to be compared with the other busy ones
        self.own_posts: deque[float] = deque()  # when the target itself last posted
        self.cascade = 0.0  # attacks its own post usually draws (see `learn_cascades`)
        self.cascades_learned = float("-inf")  # own posts up to this time are learned from
        self.cascade_posts = 0  # how many of its posts it has learned from
        self.floor = rules.baseline_floor_per_hour

    def add_attack(self, now: float, post: LabelledPost, learn: bool = True) -> None:
        """Remember one attack; `learn` False keeps it out of the baseline (an account
        already past `per_author_cap` recent attacks: a flood teaches nothing)."""
        before = self.attacks.start
        self.attacks.add(now)
        self.authors.append(post.author)
        self.platforms.append(post.platform)
        if self.attacks.start < before:  # the time list was compacted: keep lists parallel
            del self.authors[: len(self.authors) - len(self.attacks.times)]
            del self.platforms[: len(self.platforms) - len(self.attacks.times)]
        if learn:
            self.baseline.add(now)
        self.recent.append(post)

    def posted(self, now: float, span: float) -> None:
        """The target itself posted at `now` (see `learn_cascades`)."""
        self.learn_cascades(now, span)
        own = self.own_posts
        while own and own[0] < now - CASCADE_MEMORY:
            own.popleft()
        own.append(now)

    def learn_cascades(self, now: float, span: float) -> None:
        """Learn, from each of the target's own posts whose `span` has passed, how many
        attacks beyond its baseline that span drew: a candidate's post draws a few
        insulting replies every time, which is her normal and not a pile-on. Not from a
        post followed by another within `span` (their replies mix), a post into a fight
        under way (more attacks in the span before it than usual), or while a pile-on on
        it is open (a frozen baseline): a pile-on must not teach that pile-ons are what
        its target's posts draw. A target that was at or under the floor when it posted (a
        candidate's second account, a reporter) does not learn from a post whose replies
        were improbable (`CASCADE_SURPRISE`) even at its rate after them: a journalist who
        posts into the start of his own slow pile-on must not learn it as his normal."""
        own, learned = self.own_posts, self.cascades_learned
        for i, start in enumerate(own):
            if start <= learned or start > now - span:
                continue
            self.cascades_learned = start
            if i + 1 < len(own) and own[i + 1] < start + span or self.baseline.frozen:
                continue
            usual = self.baseline.per_hour(start) * span / 3600.0  # its rate now
            if usual <= 0.0:
                continue
            at = self.attacks.count_since
            before, drawn = at(start - span) - at(start), at(start) - at(start + span)
            if before > usual + self.cascade + 2.0:
                continue
            then = self.baseline.per_hour_as_of(start, now) * span / 3600.0  # before replies
            if (then <= self.floor * span / 3600.0
                    and poisson_tail(drawn, usual + self.cascade) < CASCADE_SURPRISE):
                continue
            self.cascade += CASCADE_LEARNING * (max(drawn - usual, 0.0) - self.cascade)
            self.cascade_posts += 1

    def cascade_allowance(self, since: float, now: float, span: float) -> float:
        """Attacks expected between `since` and `now` from the target's own posts: what a
        post usually draws, for the part of its `span` that falls in the window. A target
        at or under the floor needs `CASCADE_QUIET_POSTS` posts learned first: one post
        that drew two insults must not hide a reporter's pile-on."""
        if self.cascade <= 0.0 or not self.own_posts:
            return 0.0
        if self.cascade_posts < CASCADE_QUIET_POSTS and self.baseline.per_hour(now) <= self.floor:
            return 0.0
        overlap = sum(max(0.0, min(now, t + span) - max(since, t)) for t in self.own_posts)
        return self.cascade * overlap / span

    def window_authors(self, since: float) -> list[str]:
        first = bisect_left(self.attacks.times, since, self.attacks.start)
        return self.authors[first:]

    def window_platforms(self, since: float, author: str | None = None) -> set[str]:
        """The platforms of the attacks since `since` (of `author`'s only, if given)."""
        first = bisect_left(self.attacks.times, since, self.attacks.start)
        if author is None:
            return set(self.platforms[first:])
        return {p for a, p in zip(self.authors[first:], self.platforms[first:], strict=True)
                if a == author}

    def absorb(self, other: TargetState, since: float, now: float) -> None:
        """Take `other`'s attacks since `since` as this target's own, and forget them
        there: they were insults by a name now known to be this account's. They count in
        the windows, the author counts and the examples; `other`'s learned rate adds to
        this target's baseline (what was usual for the name is usual for the person)."""
        first = bisect_left(other.attacks.times, since, other.attacks.start)
        if first == len(other.attacks.times):
            return
        self.baseline.absorb(other.baseline, now)
        start = self.attacks.start
        mine = zip(self.attacks.times[start:], self.authors[start:], self.platforms[start:],
                   strict=True)
        theirs = zip(other.attacks.times[first:], other.authors[first:],
                     other.platforms[first:], strict=True)
        merged = sorted([*mine, *theirs])
        self.attacks.times[start:] = [t for t, _, _ in merged]
        self.authors[start:] = [author for _, author, _ in merged]
        self.platforms[start:] = [platform for _, _, platform in merged]
        start = self.traffic.start
        self.traffic.times[start:] = sorted([
            *self.traffic.times[start:],
            *other.traffic.times[bisect_left(other.traffic.times, since, other.traffic.start):],
        ])
        for author, times in other.by_author.items():
            recent = [t for t in times if t >= since]
            if recent:
                self.by_author[author] = deque(sorted([*self.by_author.get(author, ()),
                                                       *recent]))
        latest = sorted([*self.recent, *other.recent], key=lambda p: p.created_at)
        self.recent.clear()
        self.recent.extend(latest)  # maxlen 3: the latest three stay
        start = other.attacks.start
        del other.attacks.times[start:], other.authors[start:], other.platforms[start:]
        other.by_author.clear()
        other.recent.clear()
