"""Labelling archived posts: the wiring between the archive and the classifier.

`label_posts` turns posts into `PostLabel`s (label, scores, target, quote);
`classify_pending` stores one ClassificationRow per post for the current model version,
either for posts never labelled (`pending`) or for posts lacking a label from this model
(`rescore`). `labelling_job` is the scheduler's periodic pass; `replay_labeller` adapts the
same code for `civmon replay`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from alerts.replay import PostLabel
from civmon.config import Config
from classifiers.predict import Model, decide, load_model
from classifiers.targets import attack_sentence, find_target
from storage import Archive, Post
from storage.models import ClassificationRow, PostRow

log = logging.getLogger("civmon.labelling")
QUOTE_MIN_CHARS = 200  # posts shorter than this are quoted whole


def label_posts(
    model: Model,
    posts: Sequence[Post],
    aliases: Mapping[str, str] | None = None,
    attack_threshold: float | None = None,
) -> list[PostLabel]:
    """Label, score and (for attacks) target and quote each post, in order."""
    scores = model.predict([p.text for p in posts])
    out = []
    for post, score in zip(posts, scores, strict=True):
        label = decide(score, attack_threshold)
        target = quote = kind = None
        if label == "attack":
            found = find_target(
                post.text, post.author_handle, post.reply_to, post.mentions, aliases
            )
            if found:
                target, kind = found.value, found.kind
            if len(post.text) >= QUOTE_MIN_CHARS:
                quote = attack_sentence(
                    post.text, lambda s: [x["attack"] for x in model.predict(s)]
                )
        out.append(
            PostLabel(label=label, target=target, scores=score, quote=quote, target_kind=kind)
        )
    return out


def _insert_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert classification rows; one already there for (post, version) is left alone."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(ClassificationRow).on_conflict_do_nothing(
        index_elements=["post_id", "model_version"]
    )
    session.execute(statement, rows)


def classify_pending(
    archive: Archive,
    model: Model,
    *,
    aliases: Mapping[str, str] | None = None,
    attack_threshold: float | None = None,
    rescore: bool = False,
    batch_size: int = 256,
    limit: int | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> int:
    """Label posts that have no label (or, with `rescore`, none from this model version).
    Commits batch by batch, so a stopped run keeps what it did. Returns posts labelled."""
    done = 0
    while not should_stop() and (limit is None or done < limit):
        size = batch_size if limit is None else min(batch_size, limit - done)
        with archive.session() as session:
            labelled = select(ClassificationRow.id).where(ClassificationRow.post_id == PostRow.id)
            if rescore:
                labelled = labelled.where(ClassificationRow.model_version == model.version)
            rows = session.scalars(
                select(PostRow).where(~exists(labelled)).order_by(PostRow.id).limit(size)
            ).all()
            if not rows:
                break
            posts = [Post.from_row(r) for r in rows]
            labels = label_posts(model, posts, aliases, attack_threshold)
            _insert_rows(
                session,
                [
                    {
                        "post_id": row.id,
                        "model_version": model.version,
                        "label": lab.label,
                        "scores": lab.scores,
                        "target": lab.target,
                        "target_kind": lab.target_kind,
                        "attack_sentence": lab.quote,
                    }
                    for row, lab in zip(rows, labels, strict=True)
                ],
            )
        done += len(rows)
    return done


def model_for(config: Config) -> Model:
    """The model the config names (classifier.model_path), checked and loaded."""
    return load_model(config.model_dir())


@dataclass
class _ReplayLabeller:
    model: Model
    aliases: Mapping[str, str]
    threshold: float | None

    @property
    def version(self) -> str:
        return self.model.version

    def __call__(self, posts: Sequence[Post]) -> list[PostLabel]:
        return label_posts(self.model, posts, self.aliases, self.threshold)


def replay_labeller(config: Config) -> _ReplayLabeller:
    """The service's labelling as a replay `Labeller`."""
    return _ReplayLabeller(
        model_for(config), config.watched_aliases(), config.classifier.thresholds.attack
    )


def labelling_job(config: Config, archive: Archive) -> Callable[[], int]:
    """A no-argument pass for the scheduler: label whatever arrived since the last pass.
    The model loads once, on the first pass."""
    state: dict[str, Model] = {}

    def run() -> int:
        if "model" not in state:
            state["model"] = model_for(config)
        count = classify_pending(
            archive,
            state["model"],
            aliases=config.watched_aliases(),
            attack_threshold=config.classifier.thresholds.attack,
            batch_size=config.classifier.batch_size,
        )
        if count:
            log.info("labelled %d new post(s) with %s", count, state["model"].version)
        return count

    return run
