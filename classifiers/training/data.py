"""Training examples: the written campaign set, its fixed split, and human feedback.

The split is a pure function of each post's text and the seed: a post's side is decided
by hashing its dedupe key (classifiers.normalize.dedupe_key), so near-identical posts
always land on the same side, the split does not move when the written files grow, and
every label is spread about 80/10/10. Posts repeated across the written files are kept
once; a text written with two different labels is dropped (reported, never guessed).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from classifiers.errors import ClassifierError
from classifiers.labels import LABELS
from classifiers.normalize import dedupe_key

SPLITS = ("train", "dev", "test")
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PLATFORMS = ("x", "reddit", "bluesky", "mastodon")


@dataclass
class Example:
    """One labelled post. `weight` scales its loss; `source` says where it came from."""

    text: str
    label: str
    target: str | None = None
    platform: str | None = None
    hard: str | None = None
    source: str = "written"
    weight: float = 1.0
    extra: dict[str, object] = field(default_factory=dict)

    def to_json(self) -> str:
        row = {k: v for k, v in asdict(self).items() if k not in ("extra", "weight")}
        return json.dumps(row, ensure_ascii=False)


def read_jsonl(path: Path, source: str | None = None) -> list[Example]:
    """Examples from one JSONL file (`text` and `label` required; other fields kept)."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text, label = row["text"], row["label"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ClassifierError(
                f"{path}:{number}: not a labelled post ({exc})",
                'each line must be a JSON object with "text" and "label"',
            ) from None
        if label not in LABELS or not isinstance(text, str) or not text.strip():
            raise ClassifierError(
                f"{path}:{number}: label must be one of {LABELS} and text non-empty"
            )
        out.append(
            Example(
                text=text,
                label=label,
                target=row.get("target"),
                platform=row.get("platform"),
                hard=row.get("hard"),
                source=source or row.get("source") or path.stem,
            )
        )
    return out


def merge_unique(examples: Iterable[Example]) -> tuple[list[Example], dict[str, int]]:
    """One example per dedupe key; keys written with conflicting labels are dropped."""
    groups: dict[str, list[Example]] = {}
    for example in examples:
        groups.setdefault(dedupe_key(example.text) or example.text, []).append(example)
    kept: list[Example] = []
    stats: Counter[str] = Counter()
    for group in groups.values():
        if len({e.label for e in group}) > 1:
            stats["conflicting_dropped"] += len(group)
            continue
        stats["duplicates_dropped"] += len(group) - 1
        kept.append(group[0])
    return kept, dict(stats)


def split_of(text: str, seed: int, fractions: tuple[float, float] = (0.8, 0.9)) -> str:
    """'train', 'dev' or 'test' for this text, fixed by its dedupe key and the seed."""
    digest = hashlib.sha256(f"{seed}:{dedupe_key(text)}".encode()).digest()
    point = int.from_bytes(digest[:8], "big") / 2**64
    return "train" if point < fractions[0] else "dev" if point < fractions[1] else "test"


def split_written(written_dir: Path, seed: int) -> tuple[dict[str, list[Example]], dict[str, int]]:
    """Read every written/*.jsonl, dedupe, and split by seed."""
    files = sorted(written_dir.glob("*.jsonl"))
    if not files:
        raise ClassifierError(
            f"no written data in {written_dir}", "the written set is *.jsonl files"
        )
    rows: list[Example] = []
    for path in files:
        rows += read_jsonl(path, source=f"written/{path.stem}")
    kept, stats = merge_unique(rows)
    splits: dict[str, list[Example]] = {name: [] for name in SPLITS}
    for example in kept:
        splits[split_of(example.text, seed)].append(example)
    stats["read"] = len(rows)
    return splits, stats


def write_splits(
    splits: dict[str, list[Example]], out_dir: Path, prefix: str = "campaign"
) -> dict[str, Path]:
    """Write campaign-{train,dev,test}.jsonl, in a stable order (sorted by text)."""
    paths = {}
    for name, examples in splits.items():
        path = out_dir / f"{prefix}-{name}.jsonl"
        lines = sorted(e.to_json() for e in examples)
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        paths[name] = path
    return paths


def label_counts(examples: Sequence[Example]) -> dict[str, int]:
    counts = Counter(e.label for e in examples)
    return {label: counts.get(label, 0) for label in LABELS}


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
