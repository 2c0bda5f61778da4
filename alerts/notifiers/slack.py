"""Slack: an incoming webhook, or the Web API with a bot token (threads, digest file).

With a bot token (`chat.postMessage`), an incident's first message opens a thread; later
steps are posted as replies in it (an escalation is also broadcast to the channel) and the
parent is edited to show the latest state. An incoming webhook has no threads, so each
update is a new message that names the incident it belongs to.

slack_sdk's own retry handlers are switched off: the outbox is the one place that retries.
Every slack_sdk or urllib failure is translated here into `DeliveryError` with
`retry_after` (429 and its Retry-After header), or `permanent` (Slack said the request
itself is wrong: bad token, unknown channel, invalid blocks).
"""

from __future__ import annotations

import logging
import socket
from pathlib import Path
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.webhook import WebhookClient

from alerts.errors import DeliveryError
from alerts.notifiers.base import Delivery, update_note
from alerts.notifiers.blocks import incident_message, message_for

log = logging.getLogger(__name__)

# Web API errors after which trying again cannot help.
_PERMANENT = {
    "invalid_auth", "not_authed", "account_inactive", "token_revoked", "channel_not_found",
    "not_in_channel", "is_archived", "invalid_blocks", "invalid_blocks_format",
    "msg_too_long", "no_text", "missing_scope", "restricted_action",
}


def _retry_after(headers: Any) -> float | None:
    headers = headers or {}
    value = headers.get("Retry-After") or headers.get("retry-after")
    if isinstance(value, list):
        value = value[0] if value else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except (TypeError, ValueError):
        return None


def _from_status(where: str, status: int, error: str, headers: Any) -> DeliveryError:
    """The DeliveryError for an HTTP status and Slack error code."""
    if status == 429 or error == "ratelimited":
        return DeliveryError(f"{where}: rate limited by Slack", retry_after=_retry_after(headers))
    if status >= 500 or status in (408,):
        return DeliveryError(f"{where}: Slack returned HTTP {status}")
    permanent = error in _PERMANENT or status in (400, 401, 403, 404, 410)
    return DeliveryError(f"{where}: Slack refused the message ({status} {error})",
                         permanent=permanent)


def _translate(where: str, exc: Exception) -> DeliveryError:
    """Any failure of one Slack call as a DeliveryError (timeouts and resets are retryable)."""
    if isinstance(exc, SlackApiError):
        response = exc.response
        error = str(response.get("error", "")) if isinstance(response.data, dict) else ""
        return _from_status(where, response.status_code, error, response.headers)
    if isinstance(exc, (TimeoutError, socket.timeout, URLError, ConnectionError)):
        return DeliveryError(f"{where}: could not reach Slack ({exc})")
    if isinstance(exc, SlackClientError):
        return DeliveryError(f"{where}: {exc}", permanent=True)
    return DeliveryError(f"{where}: {type(exc).__name__}: {exc}")


class SlackWebhookNotifier:
    """Posts Block Kit messages to one incoming webhook URL (no threads)."""

    name = "slack"

    def __init__(self, url: str, *, timeout: float = 10.0) -> None:
        self._client = WebhookClient(url, timeout=int(max(1, timeout)), retry_handlers=[])

    def send(self, delivery: Delivery) -> str | None:
        note = None
        if delivery.kind == "incident" and delivery.event.get("step") != "opened":
            note = update_note(delivery.event)
        body = message_for(delivery.payload, thread_note=note)
        try:
            response = self._client.send(text=body["text"], blocks=body["blocks"])
        except Exception as exc:  # slack_sdk raises urllib/socket errors as they come
            raise _translate("Slack webhook", exc) from None
        if response.status_code != 200:
            raise _from_status("Slack webhook", response.status_code, response.body,
                               response.headers)
        return None


class SlackBotNotifier:
    """Posts with a bot token through the Web API; incident updates go into the thread."""

    name = "slack"

    def __init__(self, token: str, channel: str, *, base_url: str | None = None,
                 timeout: float = 10.0) -> None:
        base = (base_url or WebClient.BASE_URL).rstrip("/") + "/"
        if not base.endswith("/api/"):
            base += "api/"
        self._client = WebClient(token=token, base_url=base, timeout=int(max(1, timeout)),
                                 retry_handlers=[])
        self.channel = channel

    def _call(self, where: str, method: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = getattr(self._client, method)(**kwargs)
        except Exception as exc:
            raise _translate(f"Slack {where}", exc) from None
        return dict(response.data) if isinstance(response.data, dict) else {}

    def send(self, delivery: Delivery) -> str | None:
        if delivery.kind == "digest":
            return self._send_digest(delivery)
        event = delivery.event
        thread = delivery.thread_ref if event.get("step") != "opened" else None
        note = None if thread or event.get("step") == "opened" else update_note(event)
        body = incident_message(event, thread_note=note)
        data = self._call("chat.postMessage", "chat_postMessage", channel=self.channel,
                          text=body["text"], blocks=body["blocks"], thread_ts=thread,
                          reply_broadcast=bool(thread and event.get("step") == "escalated"),
                          unfurl_links=False, unfurl_media=False)
        if thread:
            self._refresh_parent(thread, event)
            return thread
        return str(data.get("ts")) if data.get("ts") else None

    def _refresh_parent(self, ts: str, event: dict[str, Any]) -> None:
        """Best effort: show the latest state on the thread's first message.

        Not retried: the reply (the real notification) is already delivered, and retrying
        the whole row would post it twice.
        """
        body = incident_message(event)
        try:
            self._call("chat.update", "chat_update", channel=self.channel, ts=ts,
                       text=body["text"], blocks=body["blocks"])
        except DeliveryError as exc:
            log.warning("could not update the incident's first Slack message: %s", exc.message)

    def _send_digest(self, delivery: Delivery) -> str | None:
        body = message_for(delivery.payload)
        data = self._call("chat.postMessage", "chat_postMessage", channel=self.channel,
                          text=body["text"], blocks=body["blocks"])
        ts = str(data.get("ts")) if data.get("ts") else None
        html = delivery.payload.get("summary", {}).get("html_path")
        if ts and html and Path(html).is_file():
            try:  # best effort, like _refresh_parent: the summary itself is delivered
                self._call("files.upload", "files_upload_v2", channel=self.channel,
                           thread_ts=ts, file=html, filename=Path(html).name,
                           title=body["text"])
            except DeliveryError as exc:
                log.warning("could not attach the digest file in Slack: %s", exc.message)
        return ts
