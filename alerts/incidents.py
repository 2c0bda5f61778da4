"""Incidents: one open pile-on (or flood) per target, kept in the `incidents` table.

An incident is opened when the detector first sees a pile-on (or a single-account flood),
updated as it grows, and resolved after a quiet period. Everything the detector needs to
carry on after a restart -- the distinct attackers so far, when the target was last under
attack, a few example posts -- is written to the row, so a restarted service continues the
same incident instead of opening a second one.

`IncidentStore(None)` keeps incidents in memory only (unit tests, dry runs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from alerts.errors import AlertError
from alerts.events import AttackExample
from storage import Archive
from storage.models import IncidentRow

MAX_STORED_ATTACKERS = 5000
MAX_EXAMPLES = 3


@dataclass
class Incident:
    """The live state of one incident against one target."""

    id: int
    target: str
    kind: str  # pileon | flood
    severity: int
    opened_at: datetime
    began_at: datetime
    updated_at: datetime
    last_active: float  # epoch seconds of the last post that kept it elevated
    attackers: set[str] = field(default_factory=set)
    attack_posts: int = 0
    platforms: set[str] = field(default_factory=set)
    rate_per_hour: float = 0.0
    baseline_per_hour: float = 0.0
    examples: list[AttackExample] = field(default_factory=list)
    status: str = "open"
    checked_at: float = 0.0  # when "still elevated?" was last asked (not stored)
    peak: int = 0  # most attacks in one `window_minutes` window so far (not stored)

    @property
    def wants_examples(self) -> bool:
        return len(self.examples) < MAX_EXAMPLES

    def add_example(self, example: AttackExample) -> None:
        if self.wants_examples:
            self.examples.append(example)


def _example_json(example: AttackExample) -> dict[str, Any]:
    return {
        "post_id": example.post_id, "platform": example.platform, "author": example.author,
        "text": example.text, "quote": example.quote, "url": example.url,
        "created_at": example.created_at.isoformat(),
    }


def _example_from(data: dict[str, Any]) -> AttackExample:
    return AttackExample(
        post_id=data.get("post_id"), platform=data["platform"], author=data["author"],
        text=data["text"], quote=data["quote"], url=data.get("url"),
        created_at=datetime.fromisoformat(data["created_at"]),
    )


def _from_row(row: IncidentRow) -> Incident:
    details = row.details or {}
    began = details.get("began_at")
    return Incident(
        id=row.id, target=row.target, kind=row.kind, severity=row.severity,
        opened_at=row.opened_at, updated_at=row.updated_at,
        began_at=datetime.fromisoformat(began) if began else row.opened_at,
        last_active=float(details.get("last_active", row.updated_at.timestamp())),
        attackers=set(details.get("attackers", [])), attack_posts=row.attack_posts,
        platforms=set(row.platforms or []), rate_per_hour=row.rate_per_hour,
        baseline_per_hour=row.baseline_per_hour,
        examples=[_example_from(e) for e in details.get("examples", [])], status=row.status,
    )


class IncidentStore:
    """Reads and writes incidents; a thin layer so the detector never writes SQL."""

    def __init__(self, archive: Archive | None) -> None:
        self._archive = archive
        self._next_id = 1

    def open_incidents(self) -> list[Incident]:
        """Incidents still open in the database (after a restart), oldest first."""
        if self._archive is None:
            return []
        try:
            with self._archive.session() as session:
                rows = session.scalars(
                    select(IncidentRow).where(IncidentRow.status == "open").order_by(IncidentRow.id)
                ).all()
                return [_from_row(row) for row in rows]
        except SQLAlchemyError as exc:
            raise AlertError(f"could not read open incidents: {exc}") from None

    def create(self, incident: Incident) -> int:
        """Insert the incident and return its id."""
        if self._archive is None:
            incident.id = self._next_id
            self._next_id += 1
            return incident.id
        row = IncidentRow(target=incident.target, kind=incident.kind, status="open")
        self._fill(row, incident)
        try:
            with self._archive.session() as session:
                session.add(row)
                session.flush()
                incident.id = row.id
        except SQLAlchemyError as exc:
            raise AlertError(f"could not store an incident: {exc}") from None
        return incident.id

    def save(self, incident: Incident) -> None:
        """Write the incident's current state (growth, escalation, resolution)."""
        if self._archive is None:
            return
        try:
            with self._archive.session() as session:
                row = session.get(IncidentRow, incident.id)
                if row is None:
                    raise AlertError(f"incident {incident.id} vanished from the database")
                self._fill(row, incident)
        except SQLAlchemyError as exc:
            raise AlertError(f"could not update incident {incident.id}: {exc}") from None

    @staticmethod
    def _fill(row: IncidentRow, incident: Incident) -> None:
        row.kind = incident.kind
        row.status = incident.status
        row.severity = incident.severity
        row.opened_at = incident.opened_at
        row.updated_at = incident.updated_at
        row.resolved_at = incident.updated_at if incident.status == "resolved" else None
        row.attackers = len(incident.attackers)
        row.attack_posts = incident.attack_posts
        row.rate_per_hour = incident.rate_per_hour
        row.baseline_per_hour = incident.baseline_per_hour
        row.platforms = sorted(incident.platforms)
        row.details = {
            "began_at": incident.began_at.isoformat(),
            "last_active": incident.last_active,
            "attackers": sorted(incident.attackers)[:MAX_STORED_ATTACKERS],
            "examples": [_example_json(e) for e in incident.examples],
        }


def utc(ts: float) -> datetime:
    """Epoch seconds -> aware UTC datetime."""
    return datetime.fromtimestamp(ts, UTC)
