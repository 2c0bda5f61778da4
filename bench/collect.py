"""Collection throughput: posts/s archived from the fake X server with 100-post pages.

Runs the real path end to end: tweepy over HTTP (through the base-URL transport adapter)
to tests/fakes/x.py on 127.0.0.1, the pure mapper, store_posts and the cursor update in one
transaction per page. Reports the first round (everything new) and a second round after
more posts were published (only the new ones). Target: not below 2,000 posts/s.

    nice .venv/bin/python -m bench.collect --posts 20000 [--db postgresql://...]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from civmon.collect import enabled_collectors, run_round
from civmon.config import parse_config
from storage import open_archive
from tests.fakes import harness
from tests.fakes.x import FakeX

TARGET = 2000.0


def measure(posts: int, db_url: str, page_size: int = 100) -> dict[str, float]:
    fake = FakeX()
    archive = open_archive(db_url)
    os.environ.setdefault("X_BEARER_TOKEN", harness.ENV["X_BEARER_TOKEN"])
    try:
        fake.publish(posts)
        config = parse_config(harness.config({"x": fake}, x_page_size=page_size))
        collectors, skipped = enabled_collectors(config)
        if skipped:
            raise SystemExit("; ".join(skipped))
        started = time.perf_counter()
        first = run_round(archive, collectors)[0]
        first_s = time.perf_counter() - started
        fake.publish(posts // 10)
        started = time.perf_counter()
        second = run_round(archive, collectors)[0]
        second_s = time.perf_counter() - started
        for collector in collectors:
            collector.close()
    finally:
        fake.close()
        archive.dispose()
    if first.new != posts or second.new != posts // 10:
        raise SystemExit(f"archive is not exact: {first.line()} / {second.line()}")
    return {"posts": posts, "page_size": page_size, "pages": len(fake.data_requests()),
            "first_round_s": round(first_s, 3), "posts_per_s": round(posts / first_s, 1),
            "second_round_new": second.new, "second_round_s": round(second_s, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20000)
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--db", default=None, help="database URL (default: a fresh SQLite file)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db_url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        result = measure(args.posts, db_url, args.page_size)
    result["target_posts_per_s"] = TARGET
    print(json.dumps(result, indent=2))
    return 0 if result["posts_per_s"] >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
