"""Bulk import and export speed: `civmon ingest` against a bare sqlite3 executemany.

    .venv/bin/python bench/ingest.py [--posts 1000000] [--keep DIR]

Generates N canonical JSONL posts in a temporary folder (never in the repo), then in the
same run and on the same machine:
  1. ingest: civmon.ingest.Ingest into a fresh SQLite archive (parse, validate, upsert,
     one transaction per 2000-post batch), timed end to end;
  2. bare:   the same rows, already parsed and serialised outside the timer, inserted with
     sqlite3 executemany + commit per 2000 rows into a fresh database with the same schema
     (made by the same migrations), so only the database work is timed;
  3. export: `civmon export` of the ingested archive to JSONL, CSV and Parquet.
Targets (issue 2): ingest >= 50% of the bare rate; export >= 100k rows/s.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from civmon.ingest import Ingest  # noqa: E402
from collectors.files import from_canonical  # noqa: E402
from storage import open_archive  # noqa: E402
from storage.bulk import COLUMNS, sqlite_time  # noqa: E402

HASHTAGS = ("#CalderDecides", "#Whitfield2026", "#CalderDebate", "#HaleForCalder")
TARGETS = ("@DanaWhitfield", "@MarcusHaleForGov", "@PriyaRamanCM", "@rachelkim_news")
PHRASES = (
    "the transit levy will cost Port Ellis commuters more than it saves",
    "Hale voted against SB 114 and teachers noticed",
    "water rights in the Tillman Valley deserve a real plan",
    "Measure H is the first honest zoning reform in a decade",
)


def generate(path: Path, n: int, seed: int = 7) -> None:
    """Write n canonical posts of the fictional Calder race (classifiers/data/WORLD.md)."""
    rnd = random.Random(seed)
    start = datetime(2026, 10, 1, tzinfo=UTC)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            user = f"calder_voter{rnd.randrange(20000)}"
            target = rnd.choice(TARGETS)
            out.write(json.dumps({
                "id": str(1_800_000_000_000_000_000 + i), "platform": "x", "author": "@" + user,
                "text": f"{target} {rnd.choice(PHRASES)} {rnd.choice(HASHTAGS)} #{i}",
                "created_at": (start + timedelta(seconds=3 * i)).isoformat(),
                "url": f"https://twitter.com/{user}/status/{1_800_000_000_000_000_000 + i}",
                "lang": "en", "hashtags": [rnd.choice(HASHTAGS)], "mentions": [target],
                "raw": {"source": "bench", "n": i},
            }) + "\n")


def bare_rows(path: Path, batch: int) -> Iterator[list[tuple[object, ...]]]:
    """The rows ingest would write, parsed and serialised (outside any timer)."""
    now = sqlite_time(datetime.now(UTC))
    rows: list[tuple[object, ...]] = []
    with open(path, "rb") as lines:
        for line in lines:
            p = from_canonical(json.loads(line), "bench")
            rows.append((p.platform, p.native_id, p.author_handle, p.author_id, p.text,
                         sqlite_time(p.created_at), p.reply_to, p.conversation_id, p.url,
                         p.lang, json.dumps(list(p.hashtags)), json.dumps(list(p.mentions)),
                         json.dumps(p.raw), now, p.collector, p.collector_version))
            if len(rows) == batch:
                yield rows
                rows = []
    if rows:
        yield rows


def run_bare(path: Path, db: Path, batch: int = 2000) -> float:
    open_archive(f"sqlite:///{db}").dispose()  # same schema, same migrations
    conn = sqlite3.connect(db, isolation_level="")
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=30000"):
        conn.execute(f"PRAGMA {pragma}")
    sql = (f"INSERT INTO posts ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
           " ON CONFLICT (platform, native_id) DO NOTHING")
    elapsed, total = 0.0, 0
    for rows in bare_rows(path, batch):
        started = time.perf_counter()
        conn.executemany(sql, rows)
        conn.commit()
        elapsed += time.perf_counter() - started
        total += len(rows)
    conn.close()
    return total / elapsed


def run_ingest(path: Path, db: Path) -> tuple[float, dict[str, object]]:
    archive = open_archive(f"sqlite:///{db}")
    ingest = Ingest(archive)
    started = time.perf_counter()
    ingest.file(path)
    elapsed = time.perf_counter() - started
    archive.dispose()
    return ingest.summary.read / elapsed, ingest.summary.as_dict()


def run_export(db: Path, out_dir: Path) -> dict[str, float]:
    from civmon.export import ExportOptions, export_posts
    from storage.query import PostFilter

    archive = open_archive(f"sqlite:///{db}")
    rates = {}
    for fmt in ("jsonl", "csv", "parquet"):
        target = out_dir / f"export.{fmt}"
        started = time.perf_counter()
        with open(target, "wb") as out:
            count = export_posts(archive, PostFilter(), ExportOptions(format=fmt), out)
        rates[fmt] = count / (time.perf_counter() - started)
    archive.dispose()
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--skip-export", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="civmon-bench-") as tmp:
        folder = Path(tmp)
        source = folder / "posts.jsonl"
        generate(source, args.posts)
        print(f"generated {args.posts:,} posts ({source.stat().st_size / 1e6:.0f} MB) in {tmp}")
        bare = run_bare(source, folder / "bare.db")
        print(f"bare sqlite3 executemany: {bare:,.0f} rows/s")
        rate, summary = run_ingest(source, folder / "ingest.db")
        print(f"civmon ingest:            {rate:,.0f} posts/s = {rate / bare:.0%} of bare "
              f"(target >= 50%)  {summary}")
        if not args.skip_export:
            for fmt, export_rate in run_export(folder / "ingest.db", folder).items():
                print(f"civmon export {fmt:8s}   {export_rate:,.0f} rows/s (target >= 100,000)")


if __name__ == "__main__":
    main()
