"""Replay: a recorded stream through classification and detection on a simulated clock.

`run_replay` takes posts (any order), sorts them by time and, in batches, does what the
live service does with newly collected posts: store them in the archive, label them with
the classifier (stored as classification rows), and feed the detector in timestamp order.
The clock is each post's own `created_at`: nothing sleeps, so a day replays in as long as
classification takes. Every `opened` and `escalated` event is one line of the alerts file
(`AlertWriter`); `resolved` steps are not alerts.

The classifier is a `Labeller`: a callable from posts to `PostLabel`s with a `version`.
The CLI passes the real model's adapter; benchmarks and tests may pass a ground-truth one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

from sqlalchemy import insert, select, tuple_

from alerts.detector import Detector, LabelledPost, gc_paused
from alerts.events import IncidentEvent
from alerts.names import names_account
from alerts.shares import quoted_account
from classifiers.targets import opens_with_someone_else, speaks_of_someone, speaks_to_reader
from storage import Archive, Post, store_posts
from storage.handles import account_handle
from storage.models import ClassificationRow, PostRow
from storage.replies import parent_post_id, parent_to_author, quote_to_author

ALERT_FIELDS = ("target", "fired_at", "kind", "incident_id", "attackers", "attack_posts",
                "severity")


@dataclass(frozen=True, slots=True)
class PostLabel:
    """The classifier's verdict on one post."""

    label: str  # attack | substantive | other
    target: str | None = None  # who is attacked ("@handle" or "group:...")
    scores: dict[str, float] = field(default_factory=dict)
    quote: str | None = None  # the sentence that carries the attack
    target_kind: str | None = None  # account | alias | group


class Labeller(Protocol):
    """Labels a batch of posts, in order. `version` is stored with every label."""

    version: str

    def __call__(self, posts: Sequence[Post]) -> list[PostLabel]: ...


@dataclass
class ReplayStats:
    """What a replay did and where its time went (seconds)."""

    posts: int = 0
    duplicates: int = 0  # lines repeating a post already in the stream, skipped
    attacks: int = 0
    alerts: int = 0
    label_s: float = 0.0
    detect_s: float = 0.0
    store_s: float = 0.0
    total_s: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in vars(self).items()}


def addressee(post: Post) -> str | None:
    """Whom a post speaks to: the account replied to, else its first mention (not self)."""
    if post.reply_to:
        return account_handle(post.reply_to)
    if not post.mentions:
        return None
    me = post.author_handle.lstrip("@").lower()
    for mention in post.mentions:
        if mention.lstrip("@").lower() != me:
            return account_handle(mention)
    return None


def _parents_to_authors(posts: dict[tuple[str, str], Post]) -> list[Post]:
    """The posts, with a `reply_to` that names a post instead of an account (its id: the
    convention of many exports, where civmon's canonical format wants the handle replied
    to) replaced by that post's author, when the post is in the stream, or by None when
    it is not and the value cannot be a handle (`at://...`, `t1_...`, a long number).
    Left as it is, "1843" would become the account "@1843", and every reply to one post
    an attack on nobody real. The id itself is kept in `raw` as `reply_to_post`. The rule
    is `storage.replies.parent_to_author`, which `civmon ingest` and the files source
    apply too."""

    def author_of(platform: str, native_id: str) -> str | None:
        parent = posts.get((platform, native_id))
        return None if parent is None else parent.author_handle

    return [quote_to_author(parent_to_author(post, author_of), author_of)
            for post in posts.values()]


def to_labelled(post: Post, label: PostLabel, db_id: int | None = None) -> LabelledPost:
    """The detector's view of a post: attacks carry their target, others their addressee.
    An attack the classifier gave no target speaks of someone it does not name ("this
    woman is a disgrace" in reply to whoever shared the clip): not of its addressee."""
    target = label.target if label.label == "attack" else addressee(post)
    return LabelledPost(  # positional: once per attack, and 3x cheaper than keywords
        post.native_id, post.platform, post.author_handle, post.created_at, label.label,
        target, post.text, label.quote, post.url, db_id,
    )


def reply_about(detector: Detector, post: Post, target: str | None) -> str | None:
    """Whom an attack replying to `post.reply_to` is about, when the classifier gave it
    to that account or to no one and it does not speak to its reader (no "you"): the
    person whose clip, quote or screenshot that account shared (alerts.shares); else, if
    it speaks of a third person ("she is a clown", "this guy is unhinged") to an account
    that is not a busy target, not that account: no one, unless the detector reads a
    name in it; so too a comment on a Reddit thread that does not say "you" to its poster
    (`comments_on_a_thread`); else `target`."""
    to = account_handle(post.reply_to or "")
    if target is not None and target.lower() != to.lower():
        return target
    subject = detector.shared_subject(to, post.created_at)  # lookups before the regexes
    if subject is not None and subject.lower() != post.author_handle.lower():
        return target if speaks_to_reader(post.text) else subject
    if detector.busy(to):  # "he's a clown" to a candidate: most likely about him
        return target
    if comments_on_a_thread(post) and not speaks_to_reader(post.text):
        return None  # "ray lindgren is a lunatic" under a link about him: not its poster
    return None if speaks_of_someone(post.text) else target


def quote_about(detector: Detector, post: Post) -> str | None:
    """Whom an attack the classifier gave no target is about when it quotes (or links)
    one account's post: when that account's post shared someone else's clip
    (alerts.shares), that someone; else that account, unless the post opens by naming
    someone else, and only if the account is attacked already (`Detector.
    attacked_lately`) or the post names it ("Fiske" and @LenaFiskeChecks): a quote of
    whoever posted a candidate's clip may be about her, not the sharer."""
    quoted = quoted_account(post)
    if quoted is None:
        return None
    subject = detector.shared_subject(quoted, post.created_at)
    if subject is not None and subject.lower() != post.author_handle.lower():
        return subject
    if opens_with_someone_else(post.text, quoted):
        return None
    if detector.attacked_lately(quoted, post.created_at) or names_account(post.text, quoted):
        return quoted
    return None


def comments_on_a_thread(post: Post) -> bool:
    """Whether `post` is a Reddit comment on the submission itself (its parent a `t3_`
    id: `storage.replies.parent_post_id`): such a comment speaks of what the thread is
    about, and only by "you" of whoever posted it."""
    if post.platform != "reddit":
        return False
    parent = parent_post_id(post)
    return parent is not None and parent.startswith("t3_")


def feed(detector: Detector, posts: Sequence[Post], labels: Sequence[PostLabel],
         ids: Sequence[int | None], *, learn_only: bool = False) -> None:
    """Give the detector a labelled batch, in order: every post's author (a target's own
    post draws replies: `Detector.observe_author`), attacks as `LabelledPost`s, the rest
    (most of a stream) only as when they came and whom they address -- except a reply or
    mention the classifier was unsure of (`under_fire_attack_score`) to someone under
    fire (`Detector.under_fire`), which counts as an attack on them. A post that may
    share someone's post is remembered (`Detector.observe_share`), and an attack replying
    to it may be about that someone (`reply_about`)."""
    unsure = detector.rules.under_fire_attack_score
    author_posted, shared = detector.observe_author, detector.observe_share
    with gc_paused():
        for post, label, db_id in zip(posts, labels, ids, strict=True):
            author_posted(post.created_at, post.author_handle)
            if not post.reply_to and (post.mentions or "/status/" in post.text
                                      or "/post/" in post.text or "/@" in post.text):
                shared(post.created_at, post.author_handle, post.text, post.mentions)
            if label.label == "attack":
                labelled = to_labelled(post, label, db_id)
                if post.reply_to:
                    labelled.target = reply_about(detector, post, labelled.target)
                elif labelled.target is None:
                    labelled.target = quote_about(detector, post)
                detector.observe(labelled, learn_only=learn_only)
                continue
            if label.scores and label.scores.get("attack", 0.0) >= unsure:
                target = addressee(post)
                if target and detector.under_fire(target, post.created_at):
                    detector.observe(to_labelled(post, PostLabel("attack", target), db_id),
                                     learn_only=learn_only, teach=False)
                    continue
            reply_to = post.reply_to  # addressee(post), its common case inline
            if reply_to:
                detector.observe_traffic(post.created_at,
                                         reply_to if reply_to[0] == "@"
                                         else account_handle(reply_to))
            else:
                detector.observe_traffic(post.created_at,
                                         addressee(post) if post.mentions else None)


def alert_line(event: IncidentEvent) -> dict[str, Any]:
    """The replay output record for one event."""
    data = {
        "target": event.target, "fired_at": event.fired_at.isoformat(), "kind": event.kind,
        "incident_id": event.incident_id, "attackers": event.attackers,
        "attack_posts": event.attack_posts, "severity": event.severity,
    }
    return data


class AlertWriter:
    """Bus subscriber: one JSON line per opened or escalated incident event."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self.count = 0
        self.lines: list[dict[str, Any]] = []

    def __call__(self, event: IncidentEvent) -> None:
        if event.step == "resolved":
            return
        line = alert_line(event)
        self._stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        self._stream.flush()
        self.lines.append(line)
        self.count += 1


def _store(archive: Archive, batch: Sequence[Post], labels: Sequence[PostLabel],
           version: str) -> list[int | None]:
    """Store the batch and its labels; the posts' database ids, in batch order."""
    keys = [(p.platform, p.native_id) for p in batch]
    with archive.session() as session:
        store_posts(session, batch, track_edits=False)
        ids: dict[tuple[str, str], int] = {}
        for start in range(0, len(keys), 500):
            query = select(PostRow.platform, PostRow.native_id, PostRow.id).where(
                tuple_(PostRow.platform, PostRow.native_id).in_(keys[start:start + 500]))
            ids.update({(pl, nid): pid for pl, nid, pid in session.execute(query)})
        done = set(session.scalars(select(ClassificationRow.post_id).where(
            ClassificationRow.post_id.in_(list(ids.values())),
            ClassificationRow.model_version == version)))
        rows, seen = [], set()
        for key, label in zip(keys, labels, strict=True):
            pid = ids.get(key)
            if pid is None or pid in done or pid in seen:
                continue
            seen.add(pid)
            rows.append({
                "post_id": pid, "model_version": version, "label": label.label,
                "scores": label.scores, "target": label.target, "target_kind": label.target_kind,
                "attack_sentence": label.quote,
            })
        if rows:
            session.execute(insert(ClassificationRow), rows)
    return [ids.get(k) for k in keys]


def run_replay(
    posts: Iterable[Post],
    labeller: Labeller,
    detector: Detector,
    archive: Archive | None = None,
    *,
    batch_size: int = 512,
) -> ReplayStats:
    """Replay `posts` in timestamp order; events go to the detector's bus. A post the
    stream holds twice (same platform and id: overlapping exports joined) is replayed
    once, as it is stored once: counted twice, its attack would count twice. A reply
    whose `reply_to` is its parent post's id is read as a reply to the parent's author
    (`_parents_to_authors`)."""
    started = time.perf_counter()
    stats = ReplayStats()
    given = list(posts)
    unique: dict[tuple[str, str], Post] = {}
    for post in given:
        unique.setdefault((post.platform, post.native_id), post)
    ordered = sorted(_parents_to_authors(unique), key=lambda p: p.created_at)
    stats.duplicates = len(given) - len(ordered)
    for start in range(0, len(ordered), batch_size):
        batch = ordered[start:start + batch_size]
        t0 = time.perf_counter()
        labels = labeller(batch)
        t1 = time.perf_counter()
        ids: list[int | None] = [None] * len(batch)
        if archive is not None:
            ids = _store(archive, batch, labels, labeller.version)
        t2 = time.perf_counter()
        feed(detector, batch, labels, ids)
        stats.attacks += sum(label.label == "attack" for label in labels)
        detector.flush()
        t3 = time.perf_counter()
        stats.label_s += t1 - t0
        stats.store_s += t2 - t1
        stats.detect_s += t3 - t2
        stats.posts += len(batch)
    stats.total_s = time.perf_counter() - started
    return stats
