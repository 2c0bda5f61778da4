"""`civmon export`: filtered posts to CSV, canonical JSONL or Parquet, streamed.

Rows come from storage.query.stream_posts (server-side cursor, constant memory) and are
written as they arrive; Parquet is written one row group at a time. JSONL is the canonical
format (collectors.files.canonical) plus the derived keys label, target and label_model,
which ingest ignores, so an export re-ingests into the same posts.

`--pseudonymize` replaces author handles, reply_to, mentions, @handles in text, targets,
and post / author / conversation ids with keyed HMAC-SHA256 tokens (key from the
environment variable CIVMON_PSEUDONYM_KEY), and drops url and raw, which name the author.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

import orjson
from orjson import Fragment

from civmon.errors import CivmonError
from storage import Archive
from storage.bulk import dumps
from storage.pseudonym import Pseudonymizer
from storage.query import PostFilter, stream_jsonl_lines, stream_posts

FORMATS = ("jsonl", "csv", "parquet")
KEY_VARIABLE = "CIVMON_PSEUDONYM_KEY"
COLUMNS = (
    "platform", "id", "author", "author_id", "text", "created_at", "reply_to",
    "conversation_id", "url", "lang", "hashtags", "mentions", "label", "target",
    "label_model", "raw",
)
ROW_GROUP = 100_000


@dataclass
class ExportOptions:
    format: str = "jsonl"
    pseudonymizer: Pseudonymizer | None = None
    row_group: int = ROW_GROUP


def pseudonymizer_from_env() -> Pseudonymizer:
    """The Pseudonymizer keyed by CIVMON_PSEUDONYM_KEY, or a CivmonError saying to set it."""
    key = os.environ.get(KEY_VARIABLE, "")
    if not key:
        raise CivmonError(
            f"--pseudonymize needs a key: the environment variable {KEY_VARIABLE} is not set",
            f"export {KEY_VARIABLE}=<a long random secret>; keep it to get the same "
            "pseudonyms in later exports, never share it",
        )
    return Pseudonymizer(key.encode())


Fields = Sequence[Any]  # one row's values in query order; JSON columns still JSON text


def _rows(archive: Archive, flt: PostFilter, pseudo: Pseudonymizer | None) -> Iterator[Fields]:
    rows = stream_posts(archive, flt)
    if pseudo is None:
        return rows
    return (_pseudonymize(list(row), pseudo) for row in rows)


def _pseudonymize(f: list[Any], p: Pseudonymizer) -> list[Any]:
    f[1], f[2], f[3] = p.ident(f[1]), p.handle(f[2]), p.maybe_ident(f[3])
    f[4], f[6], f[7] = p.text(f[4]), p.maybe_handle(f[6]), p.maybe_ident(f[7])
    f[8], f[12] = None, "{}"
    f[11] = dumps([p.handle(m) for m in json.loads(f[11] or "[]")])
    f[14] = p.maybe_handle(f[14])
    return f


def _jsonl_line(f: Fields) -> bytes:
    """One canonical line; the stored JSON columns are copied in as they are."""
    record = {
        "id": f[1], "platform": f[0], "author": f[2], "author_id": f[3], "text": f[4],
        "created_at": f[5], "reply_to": f[6], "conversation_id": f[7], "url": f[8],
        "lang": f[9], "hashtags": Fragment(f[10] or "[]"), "mentions": Fragment(f[11] or "[]"),
        "raw": Fragment(f[12] or "{}"), "label": f[13], "target": f[14], "label_model": f[15],
    }
    try:
        return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # a string orjson refuses (lone surrogate): let json escape it
        record.update(hashtags=json.loads(f[10] or "[]"), mentions=json.loads(f[11] or "[]"),
                      raw=json.loads(f[12] or "{}"))
        return (json.dumps(record) + "\n").encode()


def _jsonl(rows: Iterator[Fields], out: IO[bytes], _: ExportOptions) -> int:
    count, chunk = 0, []
    for f in rows:
        chunk.append(_jsonl_line(f))
        count += 1
        if len(chunk) >= 5000:
            out.write(b"".join(chunk))
            chunk = []
    out.write(b"".join(chunk))
    return count


def _jsonl_from_sqlite(archive: Archive, flt: PostFilter, out: IO[bytes]) -> int:
    """The plain JSONL export on SQLite: lines built by the database (storage.query)."""
    count, chunk = 0, []
    for line in stream_jsonl_lines(archive, flt):
        chunk.append(line)
        count += 1
        if len(chunk) >= 5000:
            out.write(("\n".join(chunk) + "\n").encode())
            chunk = []
    if chunk:
        out.write(("\n".join(chunk) + "\n").encode())
    return count


def _csv(rows: Iterator[Fields], out: IO[bytes], _: ExportOptions) -> int:
    """Spreadsheet-friendly: hashtags and mentions space-separated, no raw column.

    Rows are gathered in chunks and written by Arrow's C CSV writer (text fields quoted),
    which is faster per row than the csv module.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    names = list(COLUMNS[:-1])  # raw is the last column and stays out
    out.write((",".join(names) + "\n").encode())
    options = pacsv.WriteOptions(include_header=False, quoting_style="needed")
    spaced: dict[str, str] = {}  # JSON list text -> space-separated; the same lists recur

    def words(value: str | None) -> str:
        key = value or "[]"
        joined = spaced.get(key)
        if joined is None:
            if len(spaced) > 50_000:
                spaced.clear()
            joined = spaced[key] = " ".join(orjson.loads(key))
        return joined

    def write(group: list[tuple[Any, ...]]) -> None:
        arrays = [pa.array(column, type=pa.string()) for column in zip(*group, strict=True)]
        pacsv.write_csv(pa.Table.from_arrays(arrays, names=names), out, write_options=options)

    count, group = 0, []
    for f in rows:
        group.append((*f[:10], words(f[10]), words(f[11]), *f[13:]))
        if len(group) >= 20_000:
            write(group)
            count, group = count + len(group), []
    if group:
        write(group)
    return count + len(group)


def _parquet(rows: Iterator[Fields], out: IO[bytes], options: ExportOptions) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    string, strings = pa.string(), pa.list_(pa.string())
    types = {"created_at": pa.timestamp("us", tz="UTC"), "hashtags": strings, "mentions": strings}
    schema = pa.schema([(name, types.get(name, string)) for name in COLUMNS])
    writer = pq.ParquetWriter(out, schema, compression="zstd")
    count = 0
    try:
        group: list[tuple[Any, ...]] = []
        for f in rows:
            tags, mentions = orjson.loads(f[10] or "[]"), orjson.loads(f[11] or "[]")
            group.append((*f[:10], tags, mentions, *f[13:], f[12]))  # raw last, as in COLUMNS
            if len(group) >= options.row_group:
                writer.write_table(_table(group, schema, pa))
                count += len(group)
                group = []
        if group or count == 0:
            writer.write_table(_table(group, schema, pa))
            count += len(group)
    finally:
        writer.close()
    return count


def _table(group: list[tuple[Any, ...]], schema: Any, pa: Any) -> Any:
    columns: list[Sequence[Any]] = (
        list(zip(*group, strict=True)) if group else [[] for _ in COLUMNS]
    )
    arrays = [
        pa.array(list(values), type=pa.string()).cast(field.type) if field.name == "created_at"
        else pa.array(list(values), type=field.type)
        for values, field in zip(columns, schema, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


WRITERS: dict[str, Callable[[Iterator[Fields], IO[bytes], ExportOptions], int]] = {
    "jsonl": _jsonl, "csv": _csv, "parquet": _parquet,
}


def export_posts(archive: Archive, flt: PostFilter, options: ExportOptions, out: IO[bytes]) -> int:
    """Write the filtered posts to `out` in options.format; return how many were written."""
    if options.format not in WRITERS:
        raise CivmonError(f"unknown export format {options.format!r}", f"use one of {FORMATS}")
    # A Parquet row group holds ~100k small lists, which makes the cyclic garbage collector
    # rescan them over and over (measured: export at half speed). The rows hold no cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        plain = options.pseudonymizer is None
        if options.format == "jsonl" and plain and archive.dialect == "sqlite":
            return _jsonl_from_sqlite(archive, flt, out)
        return WRITERS[options.format](_rows(archive, flt, options.pseudonymizer), out, options)
    finally:
        if collecting:
            gc.enable()
