"""Slack messages: Block Kit content, escaping of hostile post text, threads, webhooks,
and slack_sdk failures translated into DeliveryError, against a fake Slack on 127.0.0.1."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from alerts.errors import DeliveryError
from alerts.notifiers import SlackBotNotifier, SlackWebhookNotifier
from alerts.notifiers.base import Delivery
from alerts.notifiers.blocks import esc, incident_message, link
from tests.fakes.slack import HOSTILE, FakeSlack, make_event


def delivery(step: str = "opened", thread: str | None = None, **kw: Any) -> Delivery:
    event = make_event(step, **kw)
    return Delivery(channel="slack", dedupe_key=f"slack:{event.incident_id}:{step}",
                    payload={"type": "incident", "incident_id": event.incident_id,
                             "event": event.as_json()}, thread_ref=thread)


def mrkdwn_texts(message: dict[str, Any]) -> list[str]:
    """Every string Slack parses as mrkdwn: the fallback text, sections, fields, context."""
    out = [message["text"]]
    for block in message["blocks"]:
        for part in [block.get("text"), *block.get("fields", []), *block.get("elements", [])]:
            if part and part.get("type") == "mrkdwn":
                out.append(part["text"])
    return out


def test_escape_turns_slack_control_syntax_into_text() -> None:
    assert esc("<!channel> & <@U123>") == "&lt;!channel&gt; &amp; &lt;@U123&gt;"
    assert link("https://ok.example/a", "open") == "<https://ok.example/a|open>"
    assert link("https://evil.example|bank.com", "open") == "open"
    assert link("javascript:alert(1)", "open") == "open"


def test_block_kit_message_has_the_facts_and_three_quoted_posts() -> None:
    message = incident_message(make_event("opened", target="@PriyaRamanCM").as_json())
    blob = json.dumps(message)
    assert message["blocks"][0]["type"] == "header"
    fields = " ".join(f["text"] for f in message["blocks"][1]["fields"])
    for fact in ("@PriyaRamanCM", "14", "6", "28.0/h vs 2.0/h", "×14.0", "2026-10-14 18:05",
                 "x, bluesky"):
        assert fact in fields
    quotes = [b for b in message["blocks"] if b.get("text", {}).get("text", "").startswith("> ")]
    assert len(quotes) == 3  # four examples, three shown
    assert "<https://x.example/p/0|open post>" in blob


@pytest.mark.parametrize("hostile", [
    "<!channel>", "<!here>", "<@U123>", "<https://evil.example|bank.com>", "a & b > c"])
def test_hostile_text_cannot_ping_or_phish(hostile: str) -> None:
    event = make_event(text=hostile, target=f"@x{hostile}").as_json()
    for text in mrkdwn_texts(incident_message(event)):
        no_links = re.sub(r"<https://x\.example/p/\d\|open post>", "", text)
        assert "<" not in no_links and ">" not in no_links.replace("&gt;", "").lstrip("> ")
        assert "&amp;lt;" not in text  # escaped once, not twice
    escaped = esc(hostile)
    assert any(escaped in t for t in mrkdwn_texts(incident_message(event)))


def test_bot_opens_a_thread_and_posts_updates_as_replies() -> None:
    with FakeSlack() as slack:
        bot = SlackBotNotifier("xoxb-test", "#alerts", base_url=slack.base_url)
        ts = bot.send(delivery("opened"))
        assert ts and slack.top_level()[0].ts == ts
        assert bot.send(delivery("escalated", thread=ts, severity=2)) == ts
        assert bot.send(delivery("resolved", thread=ts, severity=2)) == ts
        replies = slack.replies(ts)
        parent = slack.top_level()[0]
    assert len(slack.top_level()) == 1 and len(replies) == 2
    assert replies[0].reply_broadcast and not replies[1].reply_broadcast
    assert "growing" in replies[0].text and "calmed" in replies[1].text
    assert len(parent.edits) == 2  # the parent shows the latest state
    auth = [r.headers.get("Authorization") for r in slack.requests]
    assert all(a == "Bearer xoxb-test" for a in auth)


def test_bot_without_thread_names_the_incident() -> None:
    with FakeSlack() as slack:
        SlackBotNotifier("xoxb-t", "#alerts", base_url=slack.api_url).send(
            delivery("escalated", severity=2))
    assert "Update on incident #1" in json.dumps(slack.messages[0].blocks)


def test_webhook_posts_blocks_and_marks_updates() -> None:
    with FakeSlack() as slack:
        hook = SlackWebhookNotifier(slack.webhook_url)
        assert hook.send(delivery("opened")) is None
        hook.send(delivery("escalated", severity=2))
    first, second = slack.messages
    assert first.via == "webhook" and first.blocks[0]["type"] == "header"
    assert esc(HOSTILE) in json.dumps(first.blocks)
    assert "Update on incident #1" in json.dumps(second.blocks)


@pytest.mark.parametrize(("outcome", "retry_after", "permanent"), [
    ("429:42", 42.0, False), ("500", None, False), ("503", None, False),
    ("drop", None, False), ("403", None, True),
])
def test_failures_become_delivery_errors(outcome: str, retry_after: float | None,
                                         permanent: bool) -> None:
    with FakeSlack() as slack:
        for notifier in (SlackBotNotifier("xoxb-t", "#a", base_url=slack.base_url),
                         SlackWebhookNotifier(slack.webhook_url)):
            slack.fail(outcome)
            with pytest.raises(DeliveryError) as caught:
                notifier.send(delivery())
            assert caught.value.retry_after == retry_after
            assert caught.value.permanent is permanent
        assert slack.messages == []


def test_timeout_is_retryable() -> None:
    with FakeSlack(timeout_delay=1.5) as slack:
        slack.fail("timeout")
        with pytest.raises(DeliveryError) as caught:
            SlackBotNotifier("xoxb-t", "#a", base_url=slack.base_url, timeout=1).send(delivery())
    assert not caught.value.permanent and caught.value.retry_after is None


def test_bot_posts_the_digest_and_attaches_the_page(tmp_path) -> None:
    page = tmp_path / "digest-2026-10-14.html"
    page.write_text("<html>digest</html>")
    summary = {"day": "2026-10-14", "total_posts": 40, "attack_share": 0.3,
               "previous_attack_share": 0.1, "substantive_share": 0.4, "incidents": 1,
               "top_targets": [["<!here>", 12]], "top_terms": ["transit levy"],
               "html_path": str(page)}
    with FakeSlack() as slack:
        ts = SlackBotNotifier("xoxb-t", "#digest", base_url=slack.base_url).send(
            Delivery(channel="slack", dedupe_key="slack:digest:2026-10-14",
                     payload={"type": "digest", "summary": summary}))
        paths = [r.path.split("?")[0] for r in slack.requests]
    (message,) = slack.messages
    assert ts == message.ts and message.text == "Daily digest for 2026-10-14"
    body = json.dumps(message.blocks)
    assert "&lt;!here&gt; (12)" in body and "<!here>" not in body
    assert "30%" in body and "previous 7 days 10%" in body
    assert paths[1:] == ["/api/files.getUploadURLExternal", "/upload/F1",
                         "/api/files.completeUploadExternal"]
    assert slack.files[0]["filename"] == page.name
