"""A fake Slack on 127.0.0.1: the Web API methods civmon calls and an incoming webhook.

It records every request, keeps the messages it accepted (with thread replies and edits),
and can be scripted to fail: `server.fail("500", "429:30", "timeout", "drop")` makes the
next four message-posting requests return HTTP 500, return 429 with `Retry-After: 30`,
answer too late for the client's timeout, and close the connection without answering.
A failed request never counts as an accepted message.

    with FakeSlack() as slack:
        WebClient(token="xoxb-test", base_url=slack.api_url) ...
        slack.webhook_url  -> "http://127.0.0.1:PORT/services/T000/B000/XXXX"
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

WEBHOOK_PATH = "/services/T000/B000/XXXXXXXX"
POSTING = ("/api/chat.postMessage", WEBHOOK_PATH)


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class Message:
    ts: str
    channel: str
    text: str
    blocks: list[dict[str, Any]]
    thread_ts: str | None = None
    reply_broadcast: bool = False
    edits: list[dict[str, Any]] = field(default_factory=list)
    via: str = "api"


class FakeSlack:
    """Start with `with FakeSlack() as slack:`; see the module docstring."""

    def __init__(self, *, timeout_delay: float = 1.6) -> None:
        self.requests: list[Recorded] = []
        self.messages: list[Message] = []
        self.files: list[dict[str, Any]] = []
        self.timeout_delay = timeout_delay
        self._script: deque[str] = deque()
        self._lock = threading.Lock()
        self._ts = 1_790_000_000
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- control -----------------------------------------------------------------------

    def __enter__(self) -> FakeSlack:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return self.base_url + "/api/"

    @property
    def webhook_url(self) -> str:
        return self.base_url + WEBHOOK_PATH

    def fail(self, *outcomes: str) -> None:
        """Queue failures for the next message-posting requests (see module docstring)."""
        with self._lock:
            self._script.extend(outcomes)

    def top_level(self) -> list[Message]:
        return [m for m in self.messages if m.thread_ts is None]

    def replies(self, ts: str) -> list[Message]:
        return [m for m in self.messages if m.thread_ts == ts]

    # --- serving -------------------------------------------------------------------------

    def _next_outcome(self, path: str) -> str:
        with self._lock:
            if path in POSTING and self._script:
                return self._script.popleft()
        return "ok"

    def _new_ts(self) -> str:
        with self._lock:
            self._ts += 1
            return f"{self._ts}.000100"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                size = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(size)
                body = _decode(raw, self.headers.get("Content-Type", ""))
                with fake._lock:
                    fake.requests.append(Recorded("POST", self.path, dict(self.headers), body))
                outcome = fake._next_outcome(self.path)
                if outcome == "drop":
                    self.close_connection = True
                    self.connection.close()
                    return
                if outcome == "timeout":
                    time.sleep(fake.timeout_delay)
                    # The client may have given up first, as a timed-out client does.
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        self._reply(504, {"ok": False, "error": "timeout"})
                    return
                if outcome.startswith("429"):
                    after = outcome.partition(":")[2] or "1"
                    self._reply(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": after})
                    return
                if outcome != "ok":
                    self._reply(int(outcome), {"ok": False, "error": "fatal_error"})
                    return
                self._reply(*fake._route(self.path, body))

            def _reply(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
                payload = data if isinstance(data, bytes) else json.dumps(data).encode()
                self.send_response(status)
                kind = "text/plain" if isinstance(data, bytes) else "application/json"
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)

        return Handler

    def _route(self, path: str, body: Any) -> tuple[int, Any]:
        if path == WEBHOOK_PATH:
            self._store(body, via="webhook")
            return 200, b"ok"
        if path.startswith("/upload/"):
            return 200, b"OK"
        method = path.removeprefix("/api/")
        if method == "chat.postMessage":
            message = self._store(body)
            return 200, {"ok": True, "channel": message.channel, "ts": message.ts}
        if method == "chat.update":
            for message in self.messages:
                if message.ts == body.get("ts"):
                    message.edits.append(body)
                    return 200, {"ok": True, "ts": message.ts}
            return 200, {"ok": False, "error": "message_not_found"}
        if method == "files.getUploadURLExternal":
            file_id = f"F{len(self.files) + 1}"
            self.files.append({"id": file_id, "filename": body.get("filename")})
            upload = f"{self.base_url}/upload/{file_id}"
            return 200, {"ok": True, "file_id": file_id, "upload_url": upload}
        if method == "files.completeUploadExternal":
            return 200, {"ok": True, "files": json.loads(body.get("files", "[]"))}
        return 404, {"ok": False, "error": "unknown_method"}

    def _store(self, body: dict[str, Any], via: str = "api") -> Message:
        blocks = body.get("blocks") or []
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        message = Message(ts=self._new_ts(), channel=str(body.get("channel", "#webhook")),
                          text=str(body.get("text", "")), blocks=blocks,
                          thread_ts=body.get("thread_ts"),
                          reply_broadcast=bool(body.get("reply_broadcast")), via=via)
        with self._lock:
            self.messages.append(message)
        return message


def _decode(raw: bytes, content_type: str) -> Any:
    if "json" in content_type:
        return json.loads(raw or b"{}")
    if "x-www-form-urlencoded" in content_type:
        return dict(parse_qsl(raw.decode()))
    return {"_raw": len(raw)}


# --- sample alert events and a fake clock, for the notifier and outbox tests -----------

HOSTILE = "<!channel> wake up <@U123> & see <https://evil.example|bank.com> > now"


def make_event(step: str = "opened", incident_id: int = 1, severity: int = 1,
               target: str = "@DanaWhitfield", text: str = HOSTILE) -> Any:
    """An IncidentEvent built by hand; its examples carry hostile Slack markup."""
    from datetime import UTC, datetime, timedelta

    from alerts.events import AttackExample, IncidentEvent

    began = datetime(2026, 10, 14, 18, 5, tzinfo=UTC)
    examples = tuple(
        AttackExample(post_id=i, platform="x", author=f"<@U{i}>troll{i}",
                      text=f"intro. {text} #{i}", quote=f"{text} #{i}",
                      url=f"https://x.example/p/{i}", created_at=began + timedelta(minutes=i))
        for i in range(4)
    )
    return IncidentEvent(
        step=step, incident_id=incident_id, kind="pileon", target=target,  # type: ignore[arg-type]
        fired_at=began + timedelta(minutes=20 * severity), began_at=began, severity=severity,
        attackers=6 * severity, attack_posts=14 * severity, rate_per_hour=28.0 * severity,
        baseline_per_hour=2.0, platforms=("x", "bluesky"), examples=examples,
    )


class Clock:
    """A fake clock: `sleep` advances `now` instead of waiting."""

    def __init__(self) -> None:
        from datetime import UTC, datetime

        self.at = datetime(2026, 10, 14, 19, 0, tzinfo=UTC)
        self.slept: list[float] = []

    def now(self) -> Any:
        return self.at

    def sleep(self, seconds: float) -> None:
        from datetime import timedelta

        self.slept.append(seconds)
        self.at += timedelta(seconds=seconds)
