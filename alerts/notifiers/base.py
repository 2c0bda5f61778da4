"""The contract every notifier fulfils, and what the outbox hands it.

A notifier is a class with a `name` (the outbox channel) and one method,
`send(delivery) -> str | None`. It delivers one message or raises
`alerts.errors.DeliveryError` with `retry_after` (the service said when to come back) or
`permanent` (retrying cannot help: bad token, unknown channel). It returns an external
reference when the service gives one (Slack's message `ts`), which the outbox stores so
later steps of the same incident can reply in its thread. Notifiers never retry or sleep
themselves: the outbox owns the retry policy, so there is one policy for every channel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class Delivery:
    """One outbox row's message, as a notifier sees it.

    `payload` is {"type": "incident", "event": IncidentEvent.as_json()} or
    {"type": "digest", "summary": DigestSummary.as_json()}. `thread_ref` is the external
    reference of the incident's first delivered message on this channel, if any.
    """

    channel: str
    dedupe_key: str
    payload: dict[str, Any]
    thread_ref: str | None = None
    first_attempt: bool = True

    @property
    def kind(self) -> str:
        return str(self.payload.get("type", "incident"))

    @property
    def event(self) -> dict[str, Any]:
        return dict(self.payload.get("event") or {})


class Notifier(Protocol):
    """Delivers one message; see the module docstring for the contract."""

    name: str

    def send(self, delivery: Delivery) -> str | None: ...


def update_note(event: dict[str, Any]) -> str:
    """A trusted context line tying an update to its incident, for channels without threads."""
    return (f"Update on incident #{int(event['incident_id'])}, "
            f"which began {str(event['began_at'])[:16].replace('T', ' ')} UTC")
