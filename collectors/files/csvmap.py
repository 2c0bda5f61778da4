"""CSV with a header, mapped onto the canonical fields.

The mapping says which CSV column holds each canonical field, e.g.
`id=tweet_id,author=screen_name,created_at=time`; unmapped canonical fields are looked up
under their own name, so a CSV written by `civmon export --format csv` needs no mapping.
A field may also be a constant: `platform=:reddit`. Columns not mapped are kept in raw.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from collectors.files.canonical import DERIVED, KNOWN, from_canonical
from collectors.files.errors import BadRecord
from storage.posts import Post

COLLECTOR = "ingest:csv"
_SPLIT = re.compile(r"[\s,]+")


def parse_mapping(spec: str | None) -> dict[str, str]:
    """'field=column,field=:constant' -> {field: column}; ValueError naming a bad part."""
    mapping: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in (spec or "").split(","))):
        field, sep, column = part.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not column:
            raise ValueError(f"mapping part {part!r} is not field=column")
        if field not in KNOWN:
            known = ", ".join(sorted(KNOWN))
            raise ValueError(f"unknown field {field!r} in mapping; fields: {known}")
        mapping[field] = column
    return mapping


def _list(value: str) -> list[str]:
    value = value.strip()
    if value.startswith("["):
        try:
            parsed = json.loads(value)
        except ValueError:
            raise BadRecord(f"not a JSON list: {value[:40]!r}") from None
        return parsed if isinstance(parsed, list) else [value]
    return [v for v in _SPLIT.split(value) if v]


def _time(value: str) -> str:
    """Accept ISO 8601 and Unix epoch seconds (common in CSV dumps)."""
    if re.fullmatch(r"\d{9,11}(\.\d+)?", value.strip()):
        return datetime.fromtimestamp(float(value), UTC).isoformat()
    return value


def row_to_post(
    row: dict[str, str | None], mapping: dict[str, str], collector_version: str
) -> Post:
    """One csv.DictReader row -> Post, or BadRecord."""
    record: dict[str, Any] = {}
    used: set[str] = set()
    for field in KNOWN - {"raw"}:
        column = mapping.get(field, field)
        if column.startswith(":"):
            record[field] = column[1:]
            continue
        value = row.get(column)
        used.add(column)
        if value is None or value == "":
            continue
        if field in ("hashtags", "mentions"):
            record[field] = _list(value)
        elif field == "created_at":
            record[field] = _time(value)
        else:
            record[field] = value
    if None in row:
        raise BadRecord("row has more fields than the header")
    raw_column = mapping.get("raw", "raw")
    raw: dict[str, Any] = {}
    if row.get(raw_column):
        try:
            raw = json.loads(row[raw_column] or "{}")
        except ValueError:
            raise BadRecord(f"column {raw_column!r} is not JSON") from None
    used.add(raw_column)
    skip = used | DERIVED
    extra = {k: v for k, v in row.items() if k not in skip and v not in (None, "")}
    record["raw"] = {**extra, **raw} if isinstance(raw, dict) else {**extra, "raw": raw}
    return from_canonical(record, collector_version, COLLECTOR)
