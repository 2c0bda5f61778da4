"""The command-line contract: classify (file, stdin, --pending, --rescore), evaluate,
feedback, and a clean error for a mismatched model. Uses the shipped model."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from civmon.cli import cli
from civmon.modelops import feedback_examples
from classifiers.labels import LABELS
from classifiers.predict import DEFAULT_MODEL_DIR
from storage import Post, store_posts
from storage.models import ClassificationRow, FeedbackRow, PostRow

CONFIG = """
campaigns:
  - name: Whitfield for Governor
    hashtags: ["#Whitfield2026"]
    accounts:
      - handle: "@DanaWhitfield"
        aliases: ["Whitfield", "Dana Whitfield"]
        role: candidate
classifier:
  model_path: {model}
  thresholds:
    attack: 0.5
"""


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(CONFIG.format(model=DEFAULT_MODEL_DIR))
    return path


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_classify_jsonl_keeps_fields_and_adds_label_scores_target(
    tmp_path: Path, config_file: Path
) -> None:
    src = tmp_path / "in.jsonl"
    rows = [
        {"text": "Whitfield is a lying, brain-dead grifter.", "id": 7, "reply_to": None},
        {"text": "The transit levy adds 0.5% to sales tax; here is the fiscal note.", "id": 8},
        {"text": "see everyone at the rally at noon!", "id": 9, "extra": {"a": 1}},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    code, out, _ = run("classify", str(src), "--config", str(config_file))
    assert code == 0
    got = [json.loads(line) for line in out.splitlines()]
    assert [g["id"] for g in got] == [7, 8, 9] and got[2]["extra"] == {"a": 1}
    for g in got:
        assert g["label"] in LABELS and set(g["scores"]) == set(LABELS)
        assert abs(sum(g["scores"].values()) - 1) < 1e-4
    assert [g["label"] for g in got] == ["attack", "substantive", "other"]
    assert got[0]["target"] == "@DanaWhitfield" and got[1]["target"] is None


def test_classify_plain_text_from_stdin_without_config(tmp_path: Path) -> None:
    code, out, _ = run(
        "classify",
        "-",
        "--config",
        str(tmp_path / "none.yaml"),
        input="@MarcusHaleForGov you absolute clown\nthanks all!\n",
    )
    assert code == 0
    got = [json.loads(line) for line in out.splitlines()]
    assert [g["text"] for g in got] == ["@MarcusHaleForGov you absolute clown", "thanks all!"]
    assert got[0]["label"] == "attack" and got[0]["target"] == "@MarcusHaleForGov"


def test_mismatched_model_is_a_clean_error(tmp_path: Path) -> None:
    bad = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL_DIR, bad)
    card = json.loads((bad / "card.json").read_text())
    (bad / "card.json").write_text(json.dumps(card | {"labels": ["a", "b", "c"]}))
    result = CliRunner().invoke(
        cli, ["classify", "-", "--model", str(bad), "--config", "x.yaml"], input="hi\n"
    )
    assert result.exit_code == 1
    assert "label map" in result.stderr and "hint:" in result.stderr


def test_evaluate_json_reports_model_baseline_and_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from classifiers.training import evaluate as evaluate_module
    from classifiers.training.data import Example

    # The real baseline trains on ~5,000 rows (25 s); a small set keeps the test fast.
    small = [
        Example(t, lab)
        for t, lab in [
            ("you idiot", "attack"),
            ("what a moron", "attack"),
            ("the levy budget", "substantive"),
            ("tax rates and costs", "substantive"),
            ("see you tonight", "other"),
            ("thanks!", "other"),
        ]
    ]
    monkeypatch.setattr(evaluate_module, "training_data_of", lambda model: small)
    data = tmp_path / "eval.jsonl"
    rows = [
        ("Hale is a spineless weasel", "attack"),
        ("clown.", "attack"),
        ("SB 114 raised teacher pay 4%; Hale voted no.", "substantive"),
        ("Doors open at 6pm, bring a friend!", "other"),
        ("ok.", "other"),
        ("this levy is f***ing robbery, 0.5% on groceries", "substantive"),
    ]
    data.write_text("".join(json.dumps({"text": t, "label": lab}) + "\n" for t, lab in rows))
    code, out, _ = run("evaluate", str(data), "--json", "--config", str(tmp_path / "none.yaml"))
    assert code == 0
    result = json.loads(out)
    assert set(result["model"]["per_class"]) == set(LABELS)
    assert {"macro_f1", "accuracy", "confusion", "attack_f1"} <= set(result["model"])
    assert sum(map(sum, result["model"]["confusion"]["matrix"])) == len(rows)
    assert isinstance(result["worst_errors"], list)
    assert result["baseline"]["trained_on"] == 6 and 0.0 <= result["baseline"]["macro_f1"] <= 1.0
    code, text, _ = run(
        "evaluate", str(data), "--no-baseline", "--config", str(tmp_path / "n.yaml")
    )
    assert code == 0 and "macro-F1" in text and "confusion" in text


def _posts() -> list[Post]:
    base = datetime(2026, 10, 1, tzinfo=UTC)
    texts = [
        ("@DanaWhitfield you are a pathetic liar and a coward", "@DanaWhitfield"),
        ("Hale voters are inbred morons", None),
        ("The bridge bond cost $212M against a $150M estimate.", None),
        ("great turnout in Marrow Falls tonight!", None),
    ]
    return [
        Post(
            platform="x",
            native_id=str(i),
            author_handle="@voter",
            text=t,
            created_at=base + timedelta(minutes=i),
            collector="test",
            collector_version="1",
            reply_to=reply,
        )
        for i, (t, reply) in enumerate(texts)
    ]


def test_classify_pending_then_rescore_on_each_backend(
    archive, db_url: str, config_file: Path, tmp_path: Path
) -> None:
    with archive.session() as s:
        store_posts(s, _posts())
    code, _, err = run("classify", "--pending", "--db", db_url, "--config", str(config_file))
    assert code == 0 and "labelled 4" in err
    with archive.session() as s:
        rows = {r.post_id: r for r in s.scalars(select(ClassificationRow))}
        ids = {p.native_id: p.id for p in s.scalars(select(PostRow))}
    version = json.loads((DEFAULT_MODEL_DIR / "card.json").read_text())["model_version"]
    assert {r.model_version for r in rows.values()} == {version}
    first, group = rows[ids["0"]], rows[ids["1"]]
    assert (first.label, first.target, first.target_kind) == ("attack", "@DanaWhitfield", "account")
    assert (group.label, group.target, group.target_kind) == (
        "attack",
        "group:hale voters",
        "group",
    )
    assert rows[ids["2"]].label == "substantive" and rows[ids["2"]].target is None
    assert abs(sum(first.scores.values()) - 1) < 1e-4
    code, _, err = run("classify", "--pending", "--db", db_url, "--config", str(config_file))
    assert "labelled 0" in err

    newer = tmp_path / "newer"
    shutil.copytree(DEFAULT_MODEL_DIR, newer)
    card = json.loads((newer / "card.json").read_text())
    (newer / "card.json").write_text(json.dumps(card | {"model_version": "civmon-test-newer"}))
    code, _, err = run(
        "classify", "--rescore", "--model", str(newer), "--db", db_url, "--config", str(config_file)
    )
    assert code == 0 and "relabelled 4" in err
    with archive.session() as s:
        versions = sorted(s.scalars(select(ClassificationRow.model_version)))
    assert versions.count("civmon-test-newer") == 4 and versions.count(version) == 4


def test_feedback_is_stored_and_merged_into_training(
    archive, db_url: str, config_file: Path
) -> None:
    with archive.session() as s:
        store_posts(s, _posts())
        post_id = s.scalars(select(PostRow.id).where(PostRow.native_id == "3")).one()
    code, out, _ = run(
        "feedback",
        str(post_id),
        "attack",
        "--target",
        "@x",
        "--db",
        db_url,
        "--config",
        str(config_file),
    )
    assert code == 0 and f"post {post_id} is attack" in out
    run("feedback", str(post_id), "other", "--db", db_url, "--config", str(config_file))
    with archive.session() as s:
        assert len(s.scalars(select(FeedbackRow)).all()) == 2
    examples = feedback_examples(archive)
    assert [(e.text, e.label) for e in examples] == [
        ("great turnout in Marrow Falls tonight!", "other")
    ]
    code, _, err = run("feedback", "999999", "attack", "--db", db_url, "--config", str(config_file))
    assert code == 1 and "no post with id 999999" in err


def test_scheduler_job_and_replay_labeller_use_the_same_labelling(
    sqlite_archive, config_file: Path
) -> None:
    from civmon.config import load_config
    from civmon.labelling import labelling_job, replay_labeller

    config = load_config(config_file)
    job = labelling_job(config, sqlite_archive)
    assert job() == 0
    with sqlite_archive.session() as s:
        store_posts(s, _posts())
    assert job() == 4 and job() == 0
    labeller = replay_labeller(config)
    labels = labeller(_posts())
    assert labeller.version.startswith("civmon-")
    assert [lab.label for lab in labels] == ["attack", "attack", "substantive", "other"]
    assert labels[0].target_kind == "account" and labels[1].target == "group:hale voters"


def test_long_attack_stores_the_sentence_that_carries_it(sqlite_archive, config_file: Path) -> None:
    from civmon.config import load_config
    from civmon.labelling import labelling_job

    text = (
        "The transit levy adds half a cent to the sales tax and the fiscal note says it raises "
        "$40M a year. The route maps show two new lines in Marrow Falls and one in Dunmore. "
        "Whitfield is a lying, brain-dead fraud and everyone knows it."
    )
    post = Post(
        platform="reddit",
        native_id="long",
        author_handle="u/x",
        text=text,
        created_at=datetime(2026, 10, 2, tzinfo=UTC),
        collector="test",
        collector_version="1",
    )
    with sqlite_archive.session() as s:
        store_posts(s, [post])
    labelling_job(load_config(config_file), sqlite_archive)()
    with sqlite_archive.session() as s:
        row = s.scalars(select(ClassificationRow)).one()
    assert row.label == "attack" and row.target == "@DanaWhitfield" and row.target_kind == "alias"
    assert row.attack_sentence == "Whitfield is a lying, brain-dead fraud and everyone knows it."
