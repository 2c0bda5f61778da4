"""collectors.files: import posts from files researchers already hold.

Formats (`civmon ingest --format`):
- `jsonl`  civmon's canonical JSONL, one post per line (collectors.files.canonical);
- `twarc2` twarc2 output, raw API pages or flattened tweets (collectors.files.twarc2);
- `csv`    CSV with a header and a field=column mapping (collectors.files.csvmap);
- `auto`   .csv files as CSV; JSON lines as twarc2 or canonical, decided per line.

Every format is a pure function from one record to storage.Post(s) that raises BadRecord
with a reason; collectors.files.reader streams a file into records.
"""

from collectors.files.canonical import from_canonical, to_canonical
from collectors.files.csvmap import parse_mapping
from collectors.files.errors import BadRecord
from collectors.files.reader import FORMATS, FileReader, Record
from collectors.files.twarc2 import from_twarc2

__all__ = [
    "FORMATS",
    "BadRecord",
    "FileReader",
    "Record",
    "from_canonical",
    "from_twarc2",
    "parse_mapping",
    "to_canonical",
]
