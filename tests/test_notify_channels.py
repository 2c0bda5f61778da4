"""The other channels: generic JSON webhook, SMTP email, console and JSONL file, and
building notifiers from the config."""

from __future__ import annotations

import io
import json
import smtplib
from pathlib import Path

import pytest

from alerts.errors import DeliveryError
from alerts.notifiers import (
    ConsoleNotifier,
    EmailNotifier,
    FileNotifier,
    SlackBotNotifier,
    SlackWebhookNotifier,
    WebhookNotifier,
    build_notifiers,
)
from alerts.notifiers.base import Delivery
from civmon.config import parse_config
from tests.fakes.slack import HOSTILE, FakeSlack, make_event


def delivery(step: str = "opened") -> Delivery:
    event = make_event(step, text=HOSTILE + "\x1b[31m\nred")
    return Delivery(channel="x", dedupe_key=f"x:1:{step}:1",
                    payload={"type": "incident", "incident_id": 1, "event": event.as_json()})


def test_webhook_posts_the_payload_as_json() -> None:
    with FakeSlack() as receiver:
        WebhookNotifier(receiver.webhook_url).send(delivery())
        (request,) = receiver.requests
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Idempotency-Key"] == "x:1:opened:1"
    assert request.body["source"] == "civmon" and request.body["type"] == "incident"
    assert request.body["event"]["target"] == "@DanaWhitfield"
    assert len(request.body["event"]["examples"]) == 4


@pytest.mark.parametrize(("outcome", "retry_after", "permanent"), [
    ("429:9", 9.0, False), ("502", None, False), ("drop", None, False), ("400", None, True)])
def test_webhook_failures(outcome: str, retry_after: float | None, permanent: bool) -> None:
    with FakeSlack() as receiver:
        receiver.fail(outcome)
        with pytest.raises(DeliveryError) as caught:
            WebhookNotifier(receiver.webhook_url).send(delivery())
    assert (caught.value.retry_after, caught.value.permanent) == (retry_after, permanent)


def test_console_strips_control_characters() -> None:
    out = io.StringIO()
    ConsoleNotifier(out).send(delivery())
    text = out.getvalue()
    assert "pileon opened: @DanaWhitfield (incident #1, severity 1)" in text
    assert "\x1b" not in text and text.count("    > ") == 3


def test_file_appends_json_lines(tmp_path: Path) -> None:
    notifier = FileNotifier(tmp_path / "sub" / "alerts.jsonl")
    notifier.send(delivery("opened"))
    notifier.send(delivery("resolved"))
    lines = [json.loads(x) for x in (tmp_path / "sub" / "alerts.jsonl").read_text().splitlines()]
    assert [x["event"]["step"] for x in lines] == ["opened", "resolved"]
    assert lines[0]["event"]["examples"][0]["quote"].startswith("<!channel>")


class FakeSMTP:
    sent: list = []
    fail_with: Exception | None = None

    def __init__(self, host: str, port: int, timeout: float = 0, **_: object) -> None:
        self.host, self.port, self.logged_in = host, port, None

    def __enter__(self) -> FakeSMTP:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def has_extn(self, name: str) -> bool:
        return False

    def login(self, user: str, password: str) -> None:
        self.logged_in = (user, password)

    def send_message(self, message) -> None:
        if FakeSMTP.fail_with:
            raise FakeSMTP.fail_with
        FakeSMTP.sent.append((self.host, self.port, self.logged_in, message))


@pytest.fixture
def smtp(monkeypatch: pytest.MonkeyPatch) -> type[FakeSMTP]:
    FakeSMTP.sent, FakeSMTP.fail_with = [], None
    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    return FakeSMTP


def test_email_sends_plain_text(smtp) -> None:
    notifier = EmailNotifier("smtp://bot%40c.org:s3cret@mail.test:2525?from=alerts@c.org",
                             ["team@c.org", "cm@c.org"])
    notifier.send(delivery())
    ((host, port, login, message),) = smtp.sent
    assert (host, port, login) == ("mail.test", 2525, ("bot@c.org", "s3cret"))
    assert message["From"] == "alerts@c.org" and message["To"] == "team@c.org, cm@c.org"
    assert message["Subject"] == "civmon: pileon opened against @DanaWhitfield"
    assert message.get_content_type() == "text/plain" and "<!channel>" in message.get_content()


@pytest.mark.parametrize(("error", "permanent"), [
    (smtplib.SMTPAuthenticationError(535, b"no"), True),
    (smtplib.SMTPResponseException(451, b"later"), False),
    (smtplib.SMTPServerDisconnected("gone"), False),
    (TimeoutError("slow"), False),
])
def test_email_failures(smtp, error: Exception, permanent: bool) -> None:
    smtp.fail_with = error
    with pytest.raises(DeliveryError) as caught:
        EmailNotifier("smtp://mail.test", ["a@b.c"]).send(delivery())
    assert caught.value.permanent is permanent


def test_email_config_errors_are_clear() -> None:
    with pytest.raises(DeliveryError, match="smtp://user:pass@host"):
        EmailNotifier("http://mail.test", ["a@b.c"])
    with pytest.raises(DeliveryError, match="email_to is empty"):
        EmailNotifier("smtp://mail.test", [])


def test_build_notifiers_from_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-placeholder")
    raw = {"alerts": {"channels": {
        "console": True, "file": "out/alerts.jsonl", "slack_bot_token": "${SLACK_BOT_TOKEN}",
        "slack_channel": "#alerts", "slack_webhook_url": "http://127.0.0.1:9/hook",
        "webhook_url": "http://127.0.0.1:9/json", "smtp_url": "smtp://mail.test",
        "email_to": ["team@c.org"]}}}
    config = parse_config(raw, base_dir=tmp_path)
    built = build_notifiers(config.alerts.channels, tmp_path, ["boss@c.org"])
    assert sorted(built) == ["console", "email", "email_digest", "file", "slack", "webhook"]
    assert isinstance(built["slack"], SlackBotNotifier)  # the token wins: threads
    assert built["file"].path == tmp_path / "out" / "alerts.jsonl"  # type: ignore[attr-defined]
    assert built["email_digest"].recipients == ["boss@c.org"]  # type: ignore[attr-defined]
    only_hook = parse_config({"alerts": {"channels": {
        "console": False, "slack_webhook_url": "http://127.0.0.1:9/hook"}}})
    (slack,) = build_notifiers(only_hook.alerts.channels).values()
    assert isinstance(slack, SlackWebhookNotifier)


def test_digest_email_attaches_the_page(smtp, tmp_path: Path) -> None:
    page = tmp_path / "digest-2026-10-14.html"
    page.write_text("<html>digest</html>")
    summary = {"day": "2026-10-14", "total_posts": 5, "attack_share": 0.2, "incidents": 0,
               "html_path": str(page)}
    EmailNotifier("smtp://mail.test", ["a@b.c"]).send(
        Delivery(channel="email", dedupe_key="email:digest:2026-10-14",
                 payload={"type": "digest", "summary": summary}))
    message = smtp.sent[0][3]
    assert message["Subject"] == "civmon daily digest 2026-10-14"
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == page.name
    assert attachment.get_content() == "<html>digest</html>"
