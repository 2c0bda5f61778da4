"""Fake platform APIs (X, Reddit, Bluesky, Mastodon) on 127.0.0.1, answering like the real
APIs: shared HTTP plumbing and fault script.

Each platform module (x, reddit, bluesky, mastodon) has a `Fake*` class that answers like
the real API: the same paths, JSON shapes, rate-limit headers and error bodies, so tests
drive the real client libraries (tweepy, praw, atproto, Mastodon.py) over HTTP.

Every fake keeps a list of published posts (`publish(n)`) and can be scripted to misbehave
on its data endpoint (`inject(kind, times)`), the faults being:

    429          rate limited, with the platform's reset header
    429-noreset  rate limited, no reset header at all
    500          server error with the platform's error body
    timeout      answers only after `slow_seconds` (longer than the client's timeout)
    malformed    200 with a body that is not JSON
    repeat       replays the previous data response (a page served twice)
    401          rejects the credentials
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

FAULTS = ("429", "429-noreset", "500", "timeout", "malformed", "repeat", "401")


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    # Every value of each query parameter (`query` keeps the last): lists such as
    # getProfiles' actors=a&actors=b.
    query_lists: dict[str, list[str]] = field(default_factory=dict)

    def form(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(self.body.decode()).items()}

    def json(self) -> Any:
        return json.loads(self.body or b"{}")


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] | None = None

    def encoded(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps(self.body).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # One buffered write per response and no Nagle: otherwise every keep-alive request
    # waits ~40 ms for a delayed ACK between the header and body segments.
    wbufsize = 1 << 16
    disable_nagle_algorithm = True

    def log_message(self, *args: Any) -> None:  # keep test output quiet
        pass

    def _serve(self, method: str) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        query = parse_qs(parts.query)
        request = Request(
            method, parts.path, {k: v[-1] for k, v in query.items()},
            {k.lower(): v for k, v in self.headers.items()},
            self.rfile.read(length) if length else b"", query,
        )
        reply = self.server.fake.dispatch(request)  # type: ignore[attr-defined]
        body = reply.encoded()
        try:
            self.send_response(reply.status)
            headers = {"Content-Type": "application/json; charset=utf-8", **(reply.headers or {})}
            if self.headers.get("Connection", "").lower() == "close":
                # Say so, as real servers do (prawcore's token request asks for it): a
                # silent close leaves the client a pooled connection that fails next time.
                headers["Connection"] = "close"
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client timed out and left
            pass

    def do_GET(self) -> None:  # noqa: N802
        self._serve("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._serve("POST")


class FakeApi:
    """HTTP plumbing, request log and fault script shared by every platform fake."""

    #: Path prefixes the faults apply to (the data endpoints); set by each platform.
    data_paths: tuple[str, ...] = ()

    def __init__(self, slow_seconds: float = 0.5) -> None:
        self.slow_seconds = slow_seconds
        self.requests: list[Request] = []
        self._faults: list[list[Any]] = []  # [kind, remaining]
        self._last_data: Reply | None = None
        self.lock = threading.RLock()
        self.clock: Callable[[], float] = time.time
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.fake = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeApi:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def inject(self, kind: str, times: int = 1, after: int = 0) -> None:
        """Misbehave on `times` data requests, after `after` more good ones (see the
        module docstring); faults queue up in the order injected."""
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}; one of {FAULTS}")
        with self.lock:
            if after:
                self._faults.append([None, after])
            self._faults.append([kind, times])

    def faults_pending(self) -> bool:
        with self.lock:
            return any(kind is not None and left > 0 for kind, left in self._faults)

    def data_requests(self) -> list[Request]:
        return [r for r in self.requests if r.path.startswith(self.data_paths)]

    def _next_fault(self) -> str | None:
        with self.lock:
            while self._faults and self._faults[0][1] <= 0:
                self._faults.pop(0)
            if not self._faults:
                return None
            self._faults[0][1] -= 1
            kind = self._faults[0][0]
            return None if kind is None else str(kind)

    def dispatch(self, request: Request) -> Reply:
        with self.lock:
            self.requests.append(request)
        is_data = request.path.startswith(self.data_paths)
        fault = self._next_fault() if is_data else None
        if fault == "timeout":
            time.sleep(self.slow_seconds)
        elif fault == "repeat" and self._last_data is not None:
            return self._last_data
        elif fault == "malformed":
            return Reply(200, b'{"data": [{"id": "1", "text": "cut off', self.rate_headers())
        elif fault in ("429", "429-noreset"):
            return self.rate_limited(with_reset=fault == "429")
        elif fault in ("500", "401"):
            return self.error(int(fault))
        with self.lock:
            reply = self.route(request)
        if is_data and reply.status == 200:
            self._last_data = reply
        return reply

    # --- what each platform provides ----------------------------------------------------

    def route(self, request: Request) -> Reply:
        raise NotImplementedError

    def rate_headers(self) -> dict[str, str]:
        return {}

    def rate_limited(self, with_reset: bool) -> Reply:
        raise NotImplementedError

    def error(self, status: int) -> Reply:
        raise NotImplementedError

    def published_ids(self) -> set[str]:
        """The archive's native ids of every post published so far."""
        raise NotImplementedError
