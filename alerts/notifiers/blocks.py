"""Slack Block Kit messages for incidents and the digest, with every untrusted string escaped.

Post text, authors, targets and even URLs come from strangers on the internet. In Slack
mrkdwn, `<...>` is control syntax: `<!channel>` pings everyone, `<@U123>` pings a person and
`<https://evil.example|bank.com>` shows one address and opens another. Escaping `&`, `<`
and `>` (Slack's own rule) turns all of these into plain text. Every untrusted value goes
through `esc` (or `link`, which also refuses non-http URLs) before it enters a message.

The functions take the event as JSON (what the outbox stores), not the dataclass, so a
message can be rebuilt from an outbox row long after the event was published.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from alerts.events import shown_target

MAX_QUOTE = 280  # characters of an attacking sentence shown in a message
MAX_SECTION = 2900  # Slack's limit for a section's text is 3000


def esc(text: object) -> str:
    """Escape one untrusted value for Slack mrkdwn: & < > become entities."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def link(url: str | None, label: str) -> str:
    """A Slack link to `url` labelled `label` (already-escaped), or the label alone.

    Only http(s) URLs become links; a URL containing `|`, `<` or `>` cannot close the link
    early or inject a label of its own.
    """
    if not url or not url.startswith(("https://", "http://")) or any(c in url for c in "|<> "):
        return label
    return f"<{esc(url)}|{label}>"


def _when(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M UTC")


_STEP_TITLE = {
    "opened": ":rotating_light: Pile-on against {target}",
    "escalated": ":arrow_double_up: Pile-on against {target} is growing (severity {severity})",
    "resolved": ":white_check_mark: Pile-on against {target} has calmed down",
}


def incident_title(event: dict[str, Any], *, escape: bool = True) -> str:
    """The one-line summary: the message's fallback `text` (mrkdwn, escaped) and, with
    `escape=False` and no emoji code, the header (plain_text, which Slack never parses)."""
    template = _STEP_TITLE.get(event["step"], "Incident update for {target}")
    kind = "Flood" if event.get("kind") == "flood" else "Pile-on"
    shown = shown_target(event["target"])
    target = esc(shown) if escape else shown
    title = template.format(target=target, severity=event["severity"]).replace("Pile-on", kind)
    return title if escape else title.split(" ", 1)[1]


def _facts(event: dict[str, Any]) -> list[dict[str, str]]:
    ratio = event["rate_per_hour"] / event["baseline_per_hour"] if event["baseline_per_hour"] else 0
    platforms = ", ".join(esc(p) for p in event.get("platforms") or []) or "—"
    facts = [
        ("Target", esc(shown_target(event["target"]))),
        ("Severity", str(event["severity"])),
        ("Attack posts", str(event["attack_posts"])),
        ("Distinct authors", str(event["attackers"])),
        ("Rate vs baseline", f"{event['rate_per_hour']:.1f}/h vs {event['baseline_per_hour']:.1f}/h"
         + (f" (×{ratio:.1f})" if ratio else "")),
        ("Began", _when(event["began_at"])),
        ("Platforms", platforms),
        ("Incident", f"#{event['incident_id']}"),
    ]
    return [{"type": "mrkdwn", "text": f"*{name}*\n{value}"} for name, value in facts]


def _example_block(example: dict[str, Any]) -> dict[str, Any]:
    quote = _clip(example.get("quote") or example.get("text") or "", MAX_QUOTE)
    who = esc(example.get("author", "?"))
    where = esc(example.get("platform", "?"))
    source = link(example.get("url"), "open post")
    text = f"> {esc(quote)}\n— {who} on {where} · {source}"
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:MAX_SECTION]}}


def incident_message(event: dict[str, Any], *, thread_note: str | None = None) -> dict[str, Any]:
    """`text` and `blocks` of a chat.postMessage / webhook body for one incident step.

    `thread_note` is a trusted line added on top, e.g. "Update on incident #7 opened ..."
    where the channel has no threads (incoming webhooks).
    """
    title = incident_title(event)
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text",
                                    "text": _clip(incident_title(event, escape=False), 150)}},
    ]
    if thread_note:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": thread_note}]})
    blocks.append({"type": "section", "fields": _facts(event)})
    examples = (event.get("examples") or [])[:3]
    if examples and event["step"] != "resolved":
        blocks.append({"type": "divider"})
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": "*Representative posts* (quoted, not endorsed)"}]})
        blocks.extend(_example_block(example) for example in examples)
    return {"text": title, "blocks": blocks}


def digest_message(summary: dict[str, Any]) -> dict[str, Any]:
    """A short Slack summary of the daily digest (`DigestSummary.as_json()`)."""
    day = esc(summary["day"])
    lines = [
        f"*{summary['total_posts']}* posts · attacks *{summary['attack_share']:.0%}* "
        f"(previous 7 days {summary['previous_attack_share']:.0%}) · substantive "
        f"*{summary['substantive_share']:.0%}* · incidents *{summary['incidents']}*",
    ]
    if summary.get("top_targets"):
        targets = ", ".join(f"{esc(t)} ({n})" for t, n in summary["top_targets"][:3])
        lines.append(f"Most attacked: {targets}")
    if summary.get("top_terms"):
        lines.append("Most discussed: " + ", ".join(esc(t) for t in summary["top_terms"][:5]))
    if summary.get("html_path"):
        lines.append(f"Full digest: `{esc(summary['html_path'])}`")
    text = f"Daily digest for {day}"
    return {
        "text": text,
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": text}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines)[:MAX_SECTION]}},
        ],
    }


def message_for(payload: dict[str, Any], *, thread_note: str | None = None) -> dict[str, Any]:
    """The Slack message for any outbox payload (incident step or digest)."""
    if payload.get("type") == "digest":
        return digest_message(payload["summary"])
    return incident_message(payload["event"], thread_note=thread_note)
