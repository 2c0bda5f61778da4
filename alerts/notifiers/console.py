"""Notifiers for the demo and for logs: plain text on the console, JSON lines in a file.

The console line is plain text for a terminal (control characters stripped, so a post
cannot move the cursor or recolour the screen); the file keeps the outbox payload as one
JSON object per line, for piping into other tools.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from alerts.events import shown_target
from alerts.notifiers.base import Delivery


def _plain(text: object) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in str(text))


def console_text(delivery: Delivery) -> str:
    """A few readable lines for one outbox payload."""
    if delivery.kind == "digest":
        s = delivery.payload["summary"]
        return (f"[civmon] digest {s['day']}: {s['total_posts']} posts, "
                f"attacks {s['attack_share']:.0%}, incidents {s['incidents']}")
    e = delivery.event
    target = _plain(shown_target(e["target"]))
    lines = [
        f"[civmon] {e['kind']} {e['step']}: {target} (incident #{e['incident_id']}, "
        f"severity {e['severity']}) {e['attack_posts']} attack posts from {e['attackers']} "
        f"account{'' if e['attackers'] == 1 else 's'}, "
        f"{e['rate_per_hour']:.1f}/h vs baseline {e['baseline_per_hour']:.1f}/h, "
        f"since {e['began_at'][:16]} on {', '.join(_plain(p) for p in e.get('platforms', []))}",
    ]
    for x in (e.get("examples") or [])[:3]:
        lines.append(f"    > {_plain(x.get('quote') or x.get('text'))[:200]} "
                     f"({_plain(x.get('author'))}, {_plain(x.get('url') or 'no link')})")
    return "\n".join(lines)


class ConsoleNotifier:
    name = "console"

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    def send(self, delivery: Delivery) -> str | None:
        stream = self.stream or sys.stdout
        print(console_text(delivery), file=stream, flush=True)
        return None


class FileNotifier:
    """Appends each payload as one JSON line (with its dedupe_key) to a file."""

    name = "file"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def send(self, delivery: Delivery) -> str | None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"dedupe_key": delivery.dedupe_key, **delivery.payload},
                          ensure_ascii=False)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")
        return None
