"""The written set's merge and split, and the public sets' label mappings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifiers.errors import ClassifierError
from classifiers.training.data import (
    Example,
    merge_unique,
    read_jsonl,
    split_of,
    split_written,
    write_splits,
)
from classifiers.training.public import (
    DEFAULT_SHARED,
    NOT_ATTACK,
    load_public,
    map_argotario,
    map_argotario_votes,
    map_habernal,
    map_olid,
    map_theocharis,
)


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_split_is_fixed_by_seed_and_keeps_near_duplicates_together(tmp_path: Path) -> None:
    rows = [{"text": f"post number {i} about the levy", "label": "substantive"} for i in range(300)]
    rows += [{"text": "Clown.", "label": "attack"}, {"text": "@Hale clown", "label": "attack"}]
    _write(tmp_path / "a.jsonl", rows)
    splits, stats = split_written(tmp_path, seed=13)
    again, _ = split_written(tmp_path, seed=13)
    assert {k: [e.text for e in v] for k, v in splits.items()} == {
        k: [e.text for e in v] for k, v in again.items()
    }
    assert stats["duplicates_dropped"] == 1
    sizes = {k: len(v) for k, v in splits.items()}
    assert 200 < sizes["train"] < 270 and sizes["dev"] > 10 and sizes["test"] > 10
    assert split_of("Clown.", 13) == split_of("@Hale clown", 13)
    other_seed, _ = split_written(tmp_path, seed=14)
    assert [e.text for e in other_seed["test"]] != [e.text for e in splits["test"]]


def test_conflicting_labels_are_dropped_not_guessed() -> None:
    from classifiers.training.data import Example

    kept, stats = merge_unique(
        [Example("ok.", "other"), Example("OK", "attack"), Example("fine", "other")]
    )
    assert [e.text for e in kept] == ["fine"]
    assert stats["conflicting_dropped"] == 2


def test_split_files_round_trip(tmp_path: Path) -> None:
    _write(
        tmp_path / "w.jsonl",
        [
            {"text": f"t {i}", "label": "other", "platform": "x", "hard": None, "target": None}
            for i in range(40)
        ],
    )
    splits, _ = split_written(tmp_path, 13)
    paths = write_splits(splits, tmp_path)
    back = read_jsonl(paths["train"])
    assert sorted(e.text for e in back) == sorted(e.text for e in splits["train"])
    assert all(e.platform == "x" for e in back)


def test_bad_lines_name_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "a", "label": "other"}\n{"text": "b", "label": "rude"}\n')
    with pytest.raises(ClassifierError, match="bad.jsonl:2"):
        read_jsonl(bad)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("OFF", "TIN", "IND"), "attack"),
        (("OFF", "TIN", "GRP"), "attack"),
        (("OFF", "TIN", "OTH"), None),
        (("OFF", "UNT", "NULL"), None),
        (("NOT", "NULL", "NULL"), NOT_ATTACK),
    ],
)
def test_map_olid(args: tuple[str, str, str], expected: str | None) -> None:
    assert map_olid(*args) == expected


def test_map_habernal_argotario_theocharis() -> None:
    assert map_habernal("ad_hominem", "you clearly can't read") == "attack"
    assert map_habernal("delta_awarded_argument", "Here is the data...") == "substantive"
    assert map_habernal("ad_hominem", "[removed]") is None
    assert map_argotario("Ad Hominem", "-") == "attack"
    assert map_argotario("No Fallacy", "Ad Hominem") == "attack"
    assert map_argotario("Red Herring", "") == "substantive"
    assert map_argotario_votes(["1", "1", "0"]) == "attack"
    assert map_argotario_votes(["0", "0", "0"]) == NOT_ATTACK
    assert map_argotario_votes(["1", "0", "0"]) is None
    assert map_argotario_votes(["", "1", "1"]) is None
    assert map_theocharis("yes") == "attack"
    assert map_theocharis("no") == NOT_ATTACK
    assert map_theocharis("") is None


@pytest.mark.skipif(not DEFAULT_SHARED.exists(), reason="../shared/data is not beside the repo")
def test_load_public_samples_each_set_reproducibly() -> None:
    limits = {"olid": 50, "habernal": 20, "argotario": 20, "theocharis": 50}
    rows, counts = load_public(DEFAULT_SHARED, limits, weight=0.5, seed=3)
    again, _ = load_public(DEFAULT_SHARED, limits, weight=0.5, seed=3)
    assert [r.text for r in rows] == [r.text for r in again]
    assert {name: sum(c.values()) for name, c in counts.items()} == limits
    assert all(r.weight == 0.5 and r.source.startswith("public/") for r in rows)
    assert counts["olid"]["attack"] > 0 and counts["olid"][NOT_ATTACK] > 0
    assert counts["habernal"]["substantive"] > 0


def test_hashtag_augmentation_tags_a_share_of_every_label_reproducibly() -> None:
    import random
    from collections import Counter

    from classifiers.training.augment import augment_hashtags, hashtags_of, with_hashtag

    rows = [
        Example(f"post number {i} about the levy. second sentence here.", label)
        for i in range(600)
        for label in ("attack", "substantive", "other")
    ]
    tags = ["#Whitfield2026", "#HaleForCalder"]
    first = augment_hashtags(rows, tags, 0.35, seed=13)
    assert first == augment_hashtags(rows, tags, 0.35, seed=13)
    changed = [new for old, new in zip(rows, first, strict=True) if new.text != old.text]
    assert 0.3 < len(changed) / len(rows) < 0.4
    assert all(any(t in e.text for t in tags) for e in changed)
    share = Counter(e.label for e in changed)
    assert min(share.values()) > 0.8 * max(share.values())  # tags fall on every label alike
    assert [e.label for e in first] == [e.label for e in rows]
    assert hashtags_of([Example("a #One b #two #One", "other")]) == ["#One", "#two"]
    placed = {with_hashtag("One. Two.", "#x", random.Random(i)) for i in range(50)}
    assert placed == {"One. Two. #x", "#x One. Two.", "One. #x Two."}
