"""What the daily digest says, read from the archive for one calendar day.

Each post counts with its latest label (the newest classification row), so relabelling
with a new model version changes the digest instead of double-counting. Days are UTC
calendar days: [day 00:00, day+1 00:00).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from alerts.digest.terms import top_terms
from alerts.events import shown_target
from storage import Archive
from storage.models import ClassificationRow, IncidentRow, PostRow

HISTORY_DAYS = 7
MAX_SUBSTANTIVE_TEXTS = 20000


@dataclass(frozen=True, slots=True)
class DayShare:
    """Labelled posts of one day: how many were attacks, substantive, other."""

    day: date
    attack: int = 0
    substantive: int = 0
    other: int = 0

    @property
    def labelled(self) -> int:
        return self.attack + self.substantive + self.other

    def share(self, label: str) -> float:
        return getattr(self, label) / self.labelled if self.labelled else 0.0


@dataclass(frozen=True, slots=True)
class TargetCount:
    target: str
    attacks: int
    authors: int


@dataclass(frozen=True, slots=True)
class IncidentLine:
    """One incident of the day, with up to three links to its attack posts."""

    id: int
    target: str
    kind: str
    status: str
    severity: int
    opened_at: datetime
    resolved_at: datetime | None
    attackers: int
    attack_posts: int
    platforms: tuple[str, ...]
    posts: tuple[tuple[str, str | None], ...]  # (quote, url)


@dataclass
class DigestData:
    day: date
    total_posts: int = 0
    by_platform: list[tuple[str, int]] = field(default_factory=list)
    by_hashtag: list[tuple[str, int]] = field(default_factory=list)
    history: list[DayShare] = field(default_factory=list)  # oldest first, `day` last
    targets: list[TargetCount] = field(default_factory=list)
    incidents: list[IncidentLine] = field(default_factory=list)
    terms: list[tuple[str, int]] = field(default_factory=list)
    timezone: str = "UTC"  # the zone whose calendar day this is

    @property
    def today(self) -> DayShare:
        return self.history[-1] if self.history else DayShare(self.day)

    @property
    def previous_attack_share(self) -> float:
        """Attack share over the previous days taken together (0 when they had no labels)."""
        before = self.history[:-1]
        labelled = sum(d.labelled for d in before)
        return sum(d.attack for d in before) / labelled if labelled else 0.0


def day_bounds(day: date, tz: tzinfo = UTC) -> tuple[datetime, datetime]:
    """[start, end) of a calendar day in `tz`, as aware datetimes (23 or 25 h around DST)."""
    start = datetime.combine(day, time(0), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def _latest_labels() -> Any:
    """Subquery: the newest classification id of each post."""
    return (select(func.max(ClassificationRow.id).label("id"))
            .group_by(ClassificationRow.post_id).subquery())


def _labelled(session: Session, start: datetime, end: datetime, *columns: Any,
              label: str | None = None) -> Any:
    """Rows of `columns` for posts created in [start, end), joined to their latest label."""
    latest = _latest_labels()
    query = (select(*columns)
             .join(ClassificationRow, ClassificationRow.post_id == PostRow.id)
             .join(latest, latest.c.id == ClassificationRow.id)
             .where(PostRow.created_at >= start, PostRow.created_at < end))
    if label is not None:
        query = query.where(ClassificationRow.label == label)
    return session.execute(query)


def _volume(session: Session, start: datetime, end: datetime) -> tuple[int, Counter, Counter]:
    platforms: Counter[str] = Counter()
    hashtags: Counter[str] = Counter()
    for platform, tags in session.execute(select(PostRow.platform, PostRow.hashtags)
                                          .where(PostRow.created_at >= start,
                                                 PostRow.created_at < end)):
        platforms[platform] += 1
        for tag in {("#" + str(t).lstrip("#")).lower() for t in tags or []}:
            hashtags[tag] += 1
    return sum(platforms.values()), platforms, hashtags


def _history(session: Session, day: date, tz: tzinfo) -> list[DayShare]:
    first = day - timedelta(days=HISTORY_DAYS)
    start, _ = day_bounds(first, tz)
    _, end = day_bounds(day, tz)
    counts: Counter[tuple[date, str]] = Counter()
    for created, label in _labelled(session, start, end, PostRow.created_at,
                                    ClassificationRow.label):
        counts[(created.astimezone(tz).date(), label)] += 1
    days = [first + timedelta(days=i) for i in range(HISTORY_DAYS + 1)]
    return [DayShare(d, counts[(d, "attack")], counts[(d, "substantive")], counts[(d, "other")])
            for d in days]


def _targets(session: Session, start: datetime, end: datetime, limit: int) -> list[TargetCount]:
    attacks: Counter[str] = Counter()
    authors: dict[str, set[str]] = {}
    rows = _labelled(session, start, end, ClassificationRow.target, PostRow.author_handle,
                     label="attack")
    for target, author in rows:
        name = shown_target(target)
        attacks[name] += 1
        authors.setdefault(name, set()).add(author)
    return [TargetCount(t, n, len(authors[t])) for t, n in attacks.most_common(limit)]


def _incident_posts(session: Session, row: IncidentRow) -> tuple[tuple[str, str | None], ...]:
    examples = (row.details or {}).get("examples") or []
    if examples:
        return tuple((str(e.get("quote") or e.get("text") or ""), e.get("url"))
                     for e in examples[:3])
    end = row.resolved_at or row.updated_at
    latest = _latest_labels()
    found = session.execute(
        select(ClassificationRow.attack_sentence, PostRow.text, PostRow.url)
        .join(PostRow, PostRow.id == ClassificationRow.post_id)
        .join(latest, latest.c.id == ClassificationRow.id)
        .where(ClassificationRow.label == "attack", ClassificationRow.target == row.target,
               PostRow.created_at >= row.opened_at - timedelta(hours=1),
               PostRow.created_at <= end)
        .order_by(PostRow.created_at).limit(3))
    return tuple((sentence or text, url) for sentence, text, url in found)


def _incidents(session: Session, start: datetime, end: datetime) -> list[IncidentLine]:
    rows = session.scalars(
        select(IncidentRow)
        .where(IncidentRow.opened_at < end,
               or_(IncidentRow.resolved_at.is_(None), IncidentRow.resolved_at >= start),
               IncidentRow.updated_at >= start)
        .order_by(IncidentRow.severity.desc(), IncidentRow.opened_at))
    return [IncidentLine(
        id=r.id, target=shown_target(r.target), kind=r.kind, status=r.status, severity=r.severity,
        opened_at=r.opened_at, resolved_at=r.resolved_at, attackers=r.attackers,
        attack_posts=r.attack_posts, platforms=tuple(r.platforms or ()),
        posts=_incident_posts(session, r)) for r in rows]


def _substantive_texts(session: Session, start: datetime, end: datetime) -> list[str]:
    rows = _labelled(session, start, end, PostRow.text, label="substantive")
    return [text for (text,) in rows.fetchmany(MAX_SUBSTANTIVE_TEXTS)]


def gather(archive: Archive, day: date, *, top: int = 10, tz: tzinfo = UTC) -> DigestData:
    """Everything the digest shows for the calendar `day` in `tz`, from the archive."""
    start, end = day_bounds(day, tz)
    with archive.session() as session:
        total, platforms, hashtags = _volume(session, start, end)
        return DigestData(
            day=day, total_posts=total,
            by_platform=platforms.most_common(),
            by_hashtag=hashtags.most_common(top),
            history=_history(session, day, tz),
            targets=_targets(session, start, end, top),
            incidents=_incidents(session, start, end),
            terms=top_terms(_substantive_texts(session, start, end), top),
            timezone=str(tz),
        )
