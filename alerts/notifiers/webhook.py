"""A generic JSON webhook: POST the outbox payload as JSON to one URL.

The body is {"source": "civmon", "dedupe_key": ..., "type": "incident"|"digest", ...the
payload}. Receivers should use `dedupe_key` to drop the rare repeat (see alerts.outbox).
Texts are sent as they are (JSON is not markup); the receiver must escape them where it
renders them.
"""

from __future__ import annotations

import json
import urllib.request
from urllib.error import HTTPError, URLError

from alerts.errors import DeliveryError
from alerts.notifiers.base import Delivery
from alerts.notifiers.slack import _retry_after


class WebhookNotifier:
    name = "webhook"

    def __init__(self, url: str, *, timeout: float = 10.0) -> None:
        if not url.startswith(("https://", "http://")):
            raise DeliveryError("alerts.channels.webhook_url must be an http(s) URL",
                                permanent=True)
        self.url = url
        self.timeout = timeout

    def send(self, delivery: Delivery) -> str | None:
        body = {"source": "civmon", "dedupe_key": delivery.dedupe_key, **delivery.payload}
        request = urllib.request.Request(
            self.url, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json", "User-Agent": "civmon",
                     "Idempotency-Key": delivery.dedupe_key},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except HTTPError as exc:
            status = exc.code
            if status == 429:
                raise DeliveryError("webhook: rate limited (429)",
                                    retry_after=_retry_after(exc.headers)) from None
            permanent = 400 <= status < 500 and status not in (408, 409)
            raise DeliveryError(f"webhook: HTTP {status}", permanent=permanent) from None
        except (URLError, TimeoutError, ConnectionError) as exc:
            raise DeliveryError(f"webhook: could not reach the receiver ({exc})") from None
        return None
