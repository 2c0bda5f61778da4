"""Typed alert events, and the tiny bus notifiers subscribe to.

The detector publishes an `IncidentEvent` at each step of an incident's life; the outbox
(and through it Slack, webhook, email, console), the replay writer and the digest are
subscribers. The detector never imports any of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

Step = Literal["opened", "escalated", "resolved"]


def shown_target(target: str | None) -> str:
    """A target as people read it in alerts and the digest: one insulted by name only
    says so (no handle was written, so it may not be who the reader thinks). Events and
    the archive keep the classifier's own form, `name:Nadia Khalil`, so they join."""
    if not target:
        return "(no target named)"
    if target.startswith("name:"):
        return f"{target[5:]} (by name)"
    return target


@dataclass(frozen=True, slots=True)
class AttackExample:
    """One representative attack post, quoted in alerts (text is untrusted)."""

    post_id: int | None
    platform: str
    author: str
    text: str
    quote: str  # the sentence that carries the attack
    url: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class IncidentEvent:
    """One lifecycle step of an incident against one target.

    `kind` is "pileon" for many distinct accounts attacking one target, "flood" for one
    account attacking one target over and over (lower severity).
    """

    step: Step
    incident_id: int
    kind: str
    target: str
    fired_at: datetime
    began_at: datetime
    severity: int
    attackers: int
    attack_posts: int
    rate_per_hour: float
    baseline_per_hour: float
    platforms: tuple[str, ...] = ()
    examples: tuple[AttackExample, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("fired_at", "began_at"):
            data[key] = getattr(self, key).isoformat()
        for example in data["examples"]:
            example["created_at"] = example["created_at"].isoformat()
        data["platforms"] = list(self.platforms)
        return data


Subscriber = Callable[[IncidentEvent], None]


class EventBus:
    """Synchronous publish/subscribe: subscribers run in order of subscription."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.append(subscriber)

    def publish(self, event: IncidentEvent) -> None:
        for subscriber in self._subscribers:
            subscriber(event)
