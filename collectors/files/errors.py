"""Why one record of an import file was rejected.

    collectors.CollectorError
     └── BadRecord          one line (or CSV row) cannot become a post; `reason` says why

The ingest driver catches BadRecord per line, writes the line to the rejects file with
file:line and the reason, and goes on with the next line.
"""

from __future__ import annotations

from collectors.errors import CollectorError


class BadRecord(CollectorError):
    """A record that cannot be mapped to a storage.Post."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
