"""Notifiers: one class per channel, all with `send(Delivery) -> str | None`.

Built-ins are listed here; `build_notifiers` creates those that `alerts.channels`
configures. The outbox channel names are the keys: console, file, slack, webhook, email.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from alerts.notifiers.base import Delivery, Notifier
from alerts.notifiers.console import ConsoleNotifier, FileNotifier
from alerts.notifiers.email import EmailNotifier
from alerts.notifiers.slack import SlackBotNotifier, SlackWebhookNotifier
from alerts.notifiers.webhook import WebhookNotifier
from civmon.config import AlertChannels

__all__ = [
    "ConsoleNotifier", "Delivery", "EmailNotifier", "FileNotifier", "Notifier",
    "SlackBotNotifier", "SlackWebhookNotifier", "WebhookNotifier", "build_notifiers",
]


def build_notifiers(channels: AlertChannels, base_dir: Path = Path("."),
                    digest_recipients: Sequence[str] = ()) -> dict[str, Notifier]:
    """Channel name -> notifier, for every channel the config turns on.

    A bot token (with `slack_channel`) wins over a webhook URL: only the Web API can
    thread an incident's updates. `digest_recipients` (digest.recipients) adds an
    `email_digest` channel on the same SMTP server.
    """
    out: dict[str, Notifier] = {}
    if channels.console:
        out["console"] = ConsoleNotifier()
    if channels.file:
        path = Path(channels.file).expanduser()
        out["file"] = FileNotifier(path if path.is_absolute() else base_dir / path)
    token = channels.slack_bot_token.get_secret_value() if channels.slack_bot_token else ""
    hook = channels.slack_webhook_url.get_secret_value() if channels.slack_webhook_url else ""
    if token and channels.slack_channel:
        out["slack"] = SlackBotNotifier(token, channels.slack_channel,
                                        base_url=channels.slack_base_url)
    elif hook:
        out["slack"] = SlackWebhookNotifier(hook)
    if channels.webhook_url and channels.webhook_url.get_secret_value():
        out["webhook"] = WebhookNotifier(channels.webhook_url.get_secret_value())
    if channels.smtp_url and channels.smtp_url.get_secret_value() and channels.email_to:
        out["email"] = EmailNotifier(channels.smtp_url.get_secret_value(), channels.email_to)
    if channels.smtp_url and channels.smtp_url.get_secret_value() and digest_recipients:
        digest = EmailNotifier(channels.smtp_url.get_secret_value(), list(digest_recipients))
        digest.name = "email_digest"
        out["email_digest"] = digest
    return out
