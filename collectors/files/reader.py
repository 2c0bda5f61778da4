"""Reading an import file as a stream of records, one per line (or CSV row).

Constant memory: one line at a time, gzip or plain. Each record carries its line number and
the line itself, and either the posts it maps to or the reason it was rejected, so the
ingest driver can report `file:line: reason` and write the rejects file.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from collectors.files.canonical import from_canonical
from collectors.files.csvmap import row_to_post
from collectors.files.errors import BadRecord
from collectors.files.twarc2 import from_twarc2, is_twarc2
from storage.posts import Post

try:  # orjson parses a line about 4x faster; json decides anything orjson refuses
    import orjson

    def _loads(line: bytes) -> Any:
        try:
            return orjson.loads(line)
        except orjson.JSONDecodeError:
            return json.loads(line.decode("utf-8"))  # NaN, >64-bit ints, lone surrogates
except ImportError:  # pragma: no cover - orjson is a dependency, but optional here

    def _loads(line: bytes) -> Any:
        return json.loads(line.decode("utf-8"))

FORMATS = ("auto", "jsonl", "twarc2", "csv")


@dataclass(slots=True)
class Record:
    """One line of the input: its posts, or why it was rejected."""

    line: int
    raw: str
    posts: list[Post] = field(default_factory=list)
    error: str | None = None


def detect_format(path: Path) -> str:
    """'csv' for .csv / .csv.gz, else 'auto' (JSON lines, canonical or twarc2 per line)."""
    name = path.name.lower().removesuffix(".gz")
    return "csv" if name.endswith(".csv") else "auto"


class FileReader:
    """Iterate `Record`s of one file; `position` and `size` (bytes) drive a progress bar."""

    def __init__(
        self, path: Path, fmt: str, collector_version: str, mapping: dict[str, str] | None = None
    ) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
        self.path = path
        self.format = detect_format(path) if fmt == "auto" else fmt
        self.version = collector_version
        self.mapping = mapping or {}
        self.size = path.stat().st_size
        self._raw: IO[bytes] | None = None

    @property
    def position(self) -> int:
        return self._raw.tell() if self._raw is not None and not self._raw.closed else self.size

    def _open(self) -> IO[bytes]:
        self._raw = open(self.path, "rb")  # noqa: SIM115 - closed in __iter__
        if self.path.suffix.lower() == ".gz":
            return gzip.GzipFile(fileobj=self._raw)  # type: ignore[return-value]
        return self._raw

    def __iter__(self) -> Iterator[Record]:
        stream = self._open()
        try:
            if self.format == "csv":
                yield from self._csv(stream)
            else:
                yield from self._jsonl(stream)
        finally:
            stream.close()
            if self._raw is not None:
                self._raw.close()

    def _jsonl(self, stream: IO[bytes]) -> Iterator[Record]:
        parse = {"jsonl": self._canonical, "twarc2": self._twarc2, "auto": self._auto}[self.format]
        loads, version = _loads, self.version
        for number, line in enumerate(stream, 1):
            try:
                obj = loads(line)
                if type(obj) is dict and "platform" in obj and self.format != "twarc2":
                    posts = [from_canonical(obj, version)]  # the common case, without detours
                else:
                    posts = parse(obj)
            except BadRecord as exc:
                yield Record(number, _decode(line), error=exc.reason)
            except UnicodeDecodeError as exc:
                reason = f"not UTF-8: {exc.reason} at byte {exc.start}"
                yield Record(number, _decode(line), error=reason)
            except ValueError as exc:  # JSONDecodeError
                if line.strip():
                    yield Record(number, _decode(line), error=f"not valid JSON: {exc}")
            else:
                yield Record(number, "", posts)

    def _canonical(self, obj: Any) -> list[Post]:
        return [from_canonical(obj, self.version)]

    def _twarc2(self, obj: Any) -> list[Post]:
        return from_twarc2(obj, self.version)

    def _auto(self, obj: Any) -> list[Post]:
        return self._twarc2(obj) if is_twarc2(obj) else self._canonical(obj)

    def _csv(self, stream: IO[bytes]) -> Iterator[Record]:
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
        reader = csv.DictReader(text)
        last = 1
        for row in reader:
            number, last = last + 1, reader.line_num
            try:
                yield Record(number, "", [row_to_post(row, self.mapping, self.version)])
            except BadRecord as exc:
                yield Record(number, json.dumps(row, ensure_ascii=False), error=exc.reason)


def _decode(line: bytes) -> str:
    return line.decode("utf-8", errors="replace").rstrip("\r\n")
