"""Email through SMTP: a plain-text alert, and the digest with its HTML page attached.

`alerts.channels.smtp_url` is `smtp://user:password@host:587?from=civmon@example.org`
(STARTTLS when the server offers it), `smtps://...:465` (TLS from the start), or
`smtp://host:25` without login; recipients are `alerts.channels.email_to`. The body is
plain text, so post text cannot inject markup; the subject has line breaks removed.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from alerts.errors import DeliveryError
from alerts.events import shown_target
from alerts.notifiers.base import Delivery
from alerts.notifiers.console import _plain, console_text


class EmailNotifier:
    name = "email"

    def __init__(self, smtp_url: str, recipients: list[str], *, timeout: float = 20.0) -> None:
        parts = urlsplit(smtp_url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise DeliveryError("alerts.channels.smtp_url must look like "
                                "smtp://user:pass@host:587?from=addr", permanent=True)
        if not recipients:
            raise DeliveryError("alerts.channels.email_to is empty", permanent=True)
        self.tls = parts.scheme == "smtps"
        self.host = parts.hostname
        self.port = parts.port or (465 if self.tls else 25)
        self.user = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else None
        query = parse_qs(parts.query)
        self.sender = query.get("from", [self.user or f"civmon@{self.host}"])[0]
        self.recipients = list(recipients)
        self.timeout = timeout

    def build(self, delivery: Delivery) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = ", ".join(self.recipients)
        message["X-Civmon-Key"] = delivery.dedupe_key
        if delivery.kind == "digest":
            summary = delivery.payload["summary"]
            message["Subject"] = f"civmon daily digest {summary['day']}"
            message.set_content(console_text(delivery))
            html = summary.get("html_path")
            if html and Path(html).is_file():
                message.add_attachment(Path(html).read_bytes(), maintype="text",
                                       subtype="html", filename=Path(html).name)
        else:
            event = delivery.event
            target = shown_target(event["target"])
            message["Subject"] = _plain(
                f"civmon: {event['kind']} {event['step']} against {target}")[:200]
            message.set_content(console_text(delivery))
        return message

    def send(self, delivery: Delivery) -> str | None:
        message = self.build(delivery)
        try:
            if self.tls:
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    self.host, self.port, timeout=self.timeout,
                    context=ssl.create_default_context())
            else:
                smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            with smtp:
                if not self.tls and smtp.has_extn("starttls"):
                    smtp.starttls(context=ssl.create_default_context())
                if self.user and self.password:
                    smtp.login(self.user, self.password)
                smtp.send_message(message)
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(f"SMTP login refused ({exc.smtp_code})", permanent=True) from None
        except smtplib.SMTPResponseException as exc:
            permanent = 500 <= exc.smtp_code < 600
            raise DeliveryError(f"SMTP server said {exc.smtp_code}", permanent=permanent) from None
        except smtplib.SMTPRecipientsRefused:
            raise DeliveryError("SMTP server refused every recipient", permanent=True) from None
        except (TimeoutError, smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"could not send email via {self.host}: {exc}") from None
        return None
