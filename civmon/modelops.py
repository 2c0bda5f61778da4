"""Training and feedback from the CLI: the archive's human corrections go into training.

Wiring only: the training itself is classifiers.training.pipeline.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import click
from sqlalchemy import select

from civmon.app import App
from civmon.errors import CivmonError, ConfigError
from storage import Archive
from storage.models import FeedbackRow, PostRow

SHIPPED_MODEL = Path(__file__).resolve().parent.parent / "classifiers" / "model"


def add_feedback(
    archive: Archive, post_id: int, label: str, target: str | None, note: str | None
) -> int:
    """Store a correction of one post's label; returns the feedback row id."""
    with archive.session() as session:
        if session.get(PostRow, post_id) is None:
            raise CivmonError(
                f"no post with id {post_id} in {archive.safe_url}",
                "post ids are the archive's ids, as in `civmon classify --pending` output",
            )
        row = FeedbackRow(post_id=post_id, label=label, target=target, note=note)
        session.add(row)
        session.flush()
        return int(row.id)


def feedback_examples(archive: Archive) -> list[Any]:
    """The latest correction of each corrected post, as training examples."""
    from classifiers.training.data import Example

    latest: dict[int, tuple[str, str | None, str]] = {}
    with archive.session() as session:
        query = (
            select(FeedbackRow.post_id, FeedbackRow.label, FeedbackRow.target, PostRow.text)
            .join(PostRow, PostRow.id == FeedbackRow.post_id)
            .order_by(FeedbackRow.id)
        )
        for post_id, label, target, text in session.execute(query):
            latest[post_id] = (label, target, text)
    return [
        Example(text=text, label=label, target=target, source="feedback")
        for label, target, text in latest.values()
    ]


def run_train(
    app: App,
    out_dir: Path,
    *,
    epochs: int | None,
    max_minutes: float | None,
    seed: int | None,
    public: bool,
    feedback: bool,
    keep_torch: bool,
    ship: bool,
    progress: bool,
    distil: bool = True,
) -> Path:
    """`civmon train`: merge feedback, train, and optionally install as the shipped model."""
    # Idle OpenMP threads must sleep, not spin: on a shared 2-core laptop spinning threads
    # steal the CPU the other thread needs (measured: 3x the CPU time per step).
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from classifiers.training.pipeline import TrainOptions, run_training

    options = TrainOptions(out_dir=out_dir, keep_torch=keep_torch)
    if epochs is not None:
        options.config.epochs = epochs
    if max_minutes is not None:
        options.config.max_minutes = max_minutes
    if seed is not None:
        options.config.seed = seed
    if not distil:
        options.student.layers = []
    if not public:
        options.public_limits = {name: 0 for name in options.public_limits}
    rows = []
    if feedback:
        try:
            rows = feedback_examples(app.archive)
        except ConfigError:
            click.echo("no config: training without archive feedback", err=True)
    click.echo(f"human feedback rows merged: {len(rows)}", err=True)
    path = run_training(
        options, feedback=rows, log=lambda m: click.echo(m, err=True), progress=progress
    )
    if ship:
        install(path, SHIPPED_MODEL)
    return path


def install(model_dir: Path, target: Path) -> None:
    """Replace the shipped model with `model_dir` (torch weights are not shipped)."""
    from classifiers.labels import TORCH_FILE

    for old in target.glob("*"):
        if old.is_file() and old.name != ".gitattributes":
            old.unlink()
    for item in model_dir.iterdir():
        if item.is_file() and item.name != TORCH_FILE:
            shutil.copy(item, target / item.name)
