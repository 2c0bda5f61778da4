"""`civmon ingest`: stream import files into the archive, batch by batch.

Each batch of about 2000 posts is stored in one transaction, so a crash, Ctrl-C or SIGKILL
leaves only whole batches behind; rerunning the same command skips what is stored (the
upsert counts it as duplicate) and finishes the rest. A bad line never stops the file: it
is written to `<input>.rejects.jsonl` with file, line, reason and the line itself.

A `reply_to` holding the parent post's id becomes the parent's author, as in `civmon replay`
(`storage.replies`): the parent is looked up in the batch, then in the archive, where
earlier batches and files already are; a parent that only comes later is not found.

Memory stays constant whatever the file size: one line is parsed at a time and one batch
is held. (A writer thread overlapping parsing and storing was tried and measured slower:
sqlite3 hands the GIL back and forth on every row.)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from civmon import __version__
from civmon.errors import CivmonError
from collectors.files import FileReader, Record, to_canonical
from storage import Archive, StoreResult
from storage.posts import Post, store_posts
from storage.replies import resolve_parents

BATCH_SIZE = 2000
Progress = Callable[[int, int], None]  # (bytes done, bytes total) of the current file
OnReject = Callable[[str, int, str], None]  # (file, line, reason)


@dataclass
class IngestSummary:
    """What an ingest did: lines read, posts new / duplicate / edited, lines rejected."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    edited: int = 0
    rejected: int = 0
    rejects_files: list[Path] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"read": self.read, "new": self.new, "duplicate": self.duplicate,
                "edited": self.edited, "rejected": self.rejected,
                "rejects_files": [str(p) for p in self.rejects_files]}


def rejects_path(path: Path) -> Path:
    return path.with_name(path.name + ".rejects.jsonl")


class _Rejects:
    """The rejects file of one input, created on the first reject (a rerun starts it over)."""

    def __init__(self, source: Path, on_reject: OnReject | None) -> None:
        self.source, self.path = source, rejects_path(source)
        self.on_reject = on_reject
        self._file: IO[str] | None = None
        self.count = 0
        self.path.unlink(missing_ok=True)

    def add(self, line: int, reason: str, raw: str) -> None:
        if self._file is None:
            self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - closed below
        self.count += 1
        entry = {"file": str(self.source), "line": line, "reason": reason, "raw": raw}
        self._file.write(json.dumps(entry) + "\n")  # ASCII: survives any bad bytes in raw
        if self.on_reject is not None:
            self.on_reject(str(self.source), line, reason)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


class Ingest:
    """Import files into one archive; `summary` accumulates over every file."""

    def __init__(self, archive: Archive, fmt: str = "auto", mapping: dict[str, str] | None = None,
                 batch_size: int = BATCH_SIZE, on_reject: OnReject | None = None) -> None:
        self.archive, self.format, self.mapping = archive, fmt, mapping
        self.batch_size = batch_size
        self.on_reject = on_reject
        self.summary = IngestSummary()

    def file(self, path: Path, progress: Progress | None = None) -> None:
        """Import one file; progress is called once per batch."""
        if not path.is_file():
            raise CivmonError(f"no such file: {path}", "pass a .jsonl, .json or .csv file")
        try:
            self._file(path, progress)
        except OSError as exc:
            raise CivmonError(f"cannot import {path}: {exc.strerror or exc}",
                              "check the file and that its folder is writable "
                              "(the rejects file is written next to it)") from None

    def _file(self, path: Path, progress: Progress | None) -> None:
        reader = FileReader(path, self.format, __version__, self.mapping)
        rejects = _Rejects(path, self.on_reject)
        batch: list[Record] = []
        size = 0
        try:
            for record in reader:
                self.summary.read += 1
                if record.error is not None:
                    rejects.add(record.line, record.error, record.raw)
                    continue
                batch.append(record)
                size += len(record.posts)
                if size >= self.batch_size:
                    self._store(batch, rejects)
                    batch, size = [], 0
                    if progress is not None:
                        progress(reader.position, reader.size)
            if batch:
                self._store(batch, rejects)
            if progress is not None:
                progress(reader.size, reader.size)
        finally:
            self.summary.rejected += rejects.count
            rejects.close()
        if rejects._file is not None:
            self.summary.rejects_files.append(rejects.path)

    def _store(self, batch: list[Record], rejects: _Rejects) -> None:
        """One transaction per batch; if the database refuses it, retry line by line."""
        try:
            result = self._store_posts([p for r in batch for p in r.posts])
        except (OperationalError, InterfaceError) as exc:  # the database, not the data
            raise _database_failed(exc) from None
        except (SQLAlchemyError, UnicodeError, ValueError):
            result = StoreResult()
            for record in batch:
                result += self._store_one(record, rejects)
        self.summary.new += result.new
        self.summary.duplicate += result.duplicate
        self.summary.edited += result.edited

    def _store_posts(self, posts: list[Post]) -> StoreResult:
        """One transaction: a `reply_to` holding a parent post's id becomes the parent's
        author (`storage.replies`), as in `civmon replay`, then the posts are stored."""
        with self.archive.session() as session:
            return store_posts(session, resolve_parents(session, posts))

    def _store_one(self, record: Record, rejects: _Rejects) -> StoreResult:
        try:
            return self._store_posts(record.posts)
        except (OperationalError, InterfaceError) as exc:
            raise _database_failed(exc) from None
        except (SQLAlchemyError, UnicodeError, ValueError) as exc:
            reason = f"the database refused it: {str(exc).splitlines()[0][:300]}"
            raw = "\n".join(json.dumps(to_canonical(p), default=str)
                            for p in record.posts)
            rejects.add(record.line, reason, raw)
            return StoreResult()


def _database_failed(exc: SQLAlchemyError) -> CivmonError:
    return CivmonError(
        f"the database failed during the import: {getattr(exc, 'orig', None) or exc}",
        "the batch in progress was not stored; rerun the same command to resume",
    )
