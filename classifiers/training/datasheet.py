"""Statistics for classifiers/data/DATASHEET.md, computed from the split files.

.venv/bin/python -m classifiers.training.datasheet   # prints the markdown tables
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from classifiers.labels import LABELS
from classifiers.training.data import DATA_DIR, SPLITS, Example, read_jsonl


def _table(title: str, rows: dict[str, Counter[str]], keys: list[str]) -> list[str]:
    lines = [f"| {title} | " + " | ".join(keys) + " | total |", "|---" * (len(keys) + 2) + "|"]
    for name, counts in rows.items():
        lines.append(
            f"| {name} | "
            + " | ".join(str(counts.get(k, 0)) for k in keys)
            + f" | {sum(counts.values())} |"
        )
    return lines


def _length_band(example: Example) -> str:
    words = len(example.text.split())
    return "1-3" if words <= 3 else "4-15" if words <= 15 else "16-50" if words <= 50 else "51+"


def datasheet_tables(data_dir: Path = DATA_DIR) -> str:
    splits = {name: read_jsonl(data_dir / f"campaign-{name}.jsonl") for name in SPLITS}
    everything = [e for rows in splits.values() for e in rows]
    out = _table(
        "split", {n: Counter(e.label for e in rows) for n, rows in splits.items()}, list(LABELS)
    )
    out += [""] + _table(
        "platform",
        {
            p: Counter(e.label for e in everything if e.platform == p)
            for p in sorted({e.platform or "?" for e in everything})
        },
        list(LABELS),
    )
    bands = ["1-3", "4-15", "16-50", "51+"]
    out += [""] + _table(
        "label",
        {lab: Counter(_length_band(e) for e in everything if e.label == lab) for lab in LABELS},
        bands,
    )
    hard = Counter(e.hard or "(none)" for e in everything)
    share = 1 - hard["(none)"] / len(everything)
    out += [
        "",
        f"Hard cases: {len(everything) - hard['(none)']} of {len(everything)} ({share:.0%}).",
        "",
    ]
    out += _table(
        "hard kind",
        {
            k: Counter(e.label for e in everything if (e.hard or "(none)") == k)
            for k, _ in hard.most_common()
        },
        list(LABELS),
    )
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(datasheet_tables())
