"""The files source: picks up JSONL / twarc2 / CSV files dropped into a folder.

For teams that export from elsewhere: drop `*.jsonl`, `*.json`, `*.csv` (optionally
`.gz`) into `sources.files.folder`, and each round stores what is new. The line formats
are the pure parsers of collectors.files (canonical JSONL, twarc2 pages or tweets, CSV in
civmon's export layout); a line they reject is quarantined with its reason.

One query: the folder. Cursor (JSON): {"done": {file name: "size:mtime_ns"}} for files
finished, plus {"file", "sig", "line"} while one is half-read; a file is read in chunks of
`chunk_lines`, each chunk committed with the cursor, so a crash resumes at the chunk. A file
whose size or mtime changes is read again from the start (the upsert makes that exact).
`*.rejects.jsonl` files written by `civmon ingest` are ignored.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import IO, Any, ClassVar

from civmon.config import Config
from collectors.base import COLLECTOR_VERSION, Batch, MalformedItem, dump_cursor, load_cursor
from collectors.errors import SourceDisabled
from collectors.files import BadRecord, from_canonical, from_twarc2
from collectors.files.csvmap import row_to_post
from collectors.files.twarc2 import is_twarc2
from storage import Post

SUFFIXES = (".jsonl", ".json", ".ndjson", ".csv")


def _signature(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _is_csv(path: Path) -> bool:
    return path.name.lower().removesuffix(".gz").endswith(".csv")


def _open(path: Path) -> IO[bytes]:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]  # GzipFile is a binary IO
    return open(path, "rb")  # noqa: SIM115 - the caller closes it


class FolderCollector:
    """New and changed files in one folder, in name order."""

    name: ClassVar[str] = "files"
    chunk_lines: ClassVar[int] = 1000

    def __init__(self, config: Config) -> None:
        self.folder = config.resolve_path(config.sources.files.folder)
        if not self.folder.is_dir():
            raise SourceDisabled(f"no folder {self.folder}",
                                 "create it or set sources.files.folder in config.yaml")

    def queries(self) -> Sequence[str]:
        return [str(self.folder)]

    def _files(self) -> list[Path]:
        return sorted(p for p in self.folder.iterdir() if p.is_file()
                      and p.name.lower().removesuffix(".gz").endswith(SUFFIXES)
                      and not p.name.endswith(".rejects.jsonl"))

    def fetch(self, query: str, cursor: str | None) -> Batch:
        state = load_cursor(cursor)
        done: dict[str, str] = dict(state.get("done") or {})
        pending = [(p, _signature(p)) for p in self._files() if done.get(p.name) != _signature(p)]
        if not pending:
            return Batch([], dump_cursor({"done": done}))
        path, sig = pending[0]
        start = int(state.get("line") or 0) if (state.get("file"), state.get("sig")) == (
            path.name, sig) else 0
        items, rejected, consumed = self._read(path, start)
        if consumed >= self.chunk_lines:
            nxt = {"done": done, "file": path.name, "sig": sig, "line": start + consumed}
            return Batch(items, dump_cursor(nxt), more=True, rejected=rejected)
        done[path.name] = sig
        return Batch(items, dump_cursor({"done": done}), more=len(pending) > 1, rejected=rejected)

    def _read(self, path: Path, start: int) -> tuple[list[Any], list[tuple[str, str]], int]:
        """Up to chunk_lines rows from row `start`: items, rejects, rows consumed."""
        items: list[dict[str, Any]] = []
        rejected: list[tuple[str, str]] = []
        consumed = 0
        with _open(path) as stream:
            rows = self._csv_rows(stream) if _is_csv(path) else self._json_rows(stream)
            for number, record, error in islice(rows, start, start + self.chunk_lines):
                consumed += 1
                if error == "":
                    continue
                if error is not None:
                    rejected.append((f"{path.name}:{number}: {error}", str(record)))
                else:
                    items.append({"file": path.name, "line": number,
                                  "format": "csv" if _is_csv(path) else "json", "record": record})
        return items, rejected, consumed

    @staticmethod
    def _json_rows(stream: IO[bytes]) -> Iterator[tuple[int, Any, str | None]]:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                yield number, "", ""  # blank: counted, not a record
                continue
            try:
                yield number, json.loads(line), None
            except ValueError as exc:
                yield number, line.decode("utf-8", "replace").rstrip("\r\n"), f"not JSON: {exc}"

    @staticmethod
    def _csv_rows(stream: IO[bytes]) -> Iterator[tuple[int, Any, str | None]]:
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
        for number, row in enumerate(csv.DictReader(text), 2):
            yield number, row, None

    def to_post(self, raw: dict[str, Any]) -> list[Post]:
        return record_to_posts(raw)

    def close(self) -> None:
        pass


def record_to_posts(raw: dict[str, Any]) -> list[Post]:
    """Pure: one line (JSON object) or CSV row -> its posts, via collectors.files."""
    record = raw.get("record")
    try:
        if raw.get("format") == "csv":
            return [row_to_post(record, {}, COLLECTOR_VERSION)]  # type: ignore[arg-type]
        if is_twarc2(record):
            return from_twarc2(record, COLLECTOR_VERSION)
        return [from_canonical(record, COLLECTOR_VERSION, collector="files")]
    except BadRecord as exc:
        raise MalformedItem(f"{raw.get('file')}:{raw.get('line')}: {exc.reason}") from None
