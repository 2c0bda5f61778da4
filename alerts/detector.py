"""Pile-on detection: many distinct accounts attacking one target, far above its baseline.

Input is a time-ordered stream of `LabelledPost`s (a post plus the classifier's label and
target). For each target the detector keeps the recent attacks in sliding windows
(`detect_windows_minutes`, e.g. 10, 30 and 90 minutes, so fast and slow pile-ons are both
seen early) and opens a *pile-on* when, in some window, all of these hold:

1. at least `min_distinct_attackers` distinct authors attacked the target;
2. the attack count, each author counted at most `per_author_cap` times, is at least
   `rate_multiplier` times what the target's own baseline predicts (see alerts.baseline:
   per-target EWMA with a floor, a time-of-day profile, scaled during global surges) for a
   `window_minutes` window; shorter windows need more, longer ones less (square root);
   plus, after the target's own posts, the attacks its posts usually draw (a candidate
   routinely insulted, whose every post draws a few insulting replies:
   `TargetState.learn_cascades`);
3. that count is improbable under the baseline: Poisson tail p <= `quiet_max_poisson_p`
   for a target expected at no more than the floor, else `max_poisson_p` scaled down with
   the square of its rate over the floor (busy targets are tested far more often);
4. attacks are at least `min_attack_share` of all posts addressed to the target in the
   window -- a surge of substantive criticism or cheering with a few misclassified posts
   never qualifies;
5. the rate is rising: the window has at least `growth_ratio` times the attacks of the
   window of the same length before it (for a target that is not busy, a longer window
   against the one before it will do: a slow pile-on that opens loudest);
6. the other busy targets (baseline >= `peer_min_per_hour`; for a busy target, also any
   target under an open pile-on, whose frozen baseline may be below that) are not
   surging alike: when both candidates are insulted far more than usual at once (debate
   night), the target is held to `rate_multiplier` times its baseline scaled by the
   peers' surge (as estimated, not its lower bound, while all posts run at
   `peer_night_surge` times their usual rate). A target that is not busy is not held to
   a busy peer's own open pile-on, except on such a night, and its baseline is the lower
   of its rate now and before the window (its own pile-on's first attacks must not raise
   the bar it is held to).

Whom an attack is against is the classifier's answer, corrected here where the stream
knows better: an attack with no target that types a name the classifier has read before
(in full or by surname) is that person's (`_typed_name`), and one given to the account it
replies to, untagged, that says no "you" and names someone else read before is theirs
(`_reply_subject`); neither goes to a busy target (a candidate's name is in half the
day's posts). Before either, `alerts.replay.reply_about` gives an attack replying to
whoever shared someone's post, and not speaking to its reader, to that someone
(`observe_share`, `shared_subject`; alerts.shares), and one that speaks of "she" or
"this guy" to an account that is not `busy`, to no one.

The tests themselves live in alerts/evidence.py; this module keeps the stream's state and
the incidents' lifecycle.

One account posting `flood_min_posts` attacks on one target within `window_minutes` opens a
lower-severity *flood* incident instead; it becomes a pile-on if the pile-on test later
passes. There is one open incident per target (targets are canonical handles, so the same
person attacked on two platforms is one incident). An open incident is updated as posts
arrive, publishes `escalated` only when its severity rises, and is resolved once the target
has been back near its baseline, or below `resolve_below_peak_share` of its peak count, for
`quiet_minutes_to_resolve`.
"""

from __future__ import annotations

import gc
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

from alerts.baseline import GlobalRate
from alerts.events import AttackExample, EventBus, IncidentEvent, Step
from alerts.evidence import Evidence, window_multiplier
from alerts.incidents import Incident, IncidentStore, utc
from alerts.names import (
    SAME_PERSON_LETTERS,
    HandleIndex,
    PostingAccounts,
    SpokenNames,
    spoken_words,
)
from alerts.shares import SharedPosts
from alerts.targets import CASCADE_SECONDS, LabelledPost, TargetState
from civmon.config import AlertRules
from classifiers.targets import speaks_to_reader
from storage.handles import account_handle, bare_handle, handle_letters, name_fits

__all__ = ["Detector", "LabelledPost", "gc_paused", "window_multiplier"]  # the last: evidence

FLOOD_SEVERITY = 1
PILEON_SEVERITY = 2
MAX_SEVERITY = 5
PRUNE_SECONDS = 1800.0  # how often per-author memory of quiet authors is dropped
ACTIVE_CHECK_SECONDS = 60.0  # how stale an open incident's last_active may get
# Attacks on a handle (within the horizon) before a bare name may be taken to mean it: a
# handle insulted once is one of thousands, and looking names up among those costs more
# than detection itself on a big day.
LINKABLE_ATTACKS = 3
# Accounts a name must have been insulted by, in the longest window, for its insults to
# count for the handle it turns out to mean: one is any passing insult of a candidate.
MIN_ABSORBED = 2
# Accounts that attacked a target in the last `window_minutes` for it to be "under fire":
# replies to it the classifier was unsure of then count as attacks (see under_fire).
UNDER_FIRE_ATTACKERS = 3


class Detector:
    """Feeds on labelled posts in time order; publishes IncidentEvents on the bus."""

    def __init__(
        self,
        rules: AlertRules,
        bus: EventBus,
        store: IncidentStore | None = None,
        aliases: dict[str, str] | None = None,
        profiles: dict[str, list[float]] | None = None,
    ) -> None:
        self.rules = rules
        self.bus = bus
        self.store = store or IncidentStore(None)
        self._aliases = {k.lower(): v for k, v in (aliases or {}).items()}
        self._keys: dict[str, tuple[str, str]] = {}  # target as written -> _canonical()
        self._alike: dict[str, tuple[str, str]] = {}  # handle letters -> first such handle
        self._spellings: dict[str, dict[str, int]] = {}  # key -> its handles' attacks
        self._handles = HandleIndex()  # attacked accounts, for targets named by name only
        self._names: dict[str, tuple[int, tuple[str, str]]] = {}  # name: -> (generation, key)
        self._spoken = SpokenNames()  # names as typed ("cody vance"), for untargeted attacks
        self._spelled = HandleIndex()  # every attacked account: for names typed in lower case
        self._named: dict[str, TargetState] = {}  # targets that are a name, not a handle
        self._busy: dict[str, TargetState] = {}  # targets insulted often enough to be peers
        self.evidence = Evidence(rules, self._busy, profiles)
        self._flood_window = rules.window_minutes * 60.0
        self._horizon = 2.0 * max([*self.evidence.windows, self._flood_window])
        self._targets: dict[str, TargetState] = {}
        self._open: dict[str, Incident] = {}
        self._dirty: dict[str, Incident] = {}  # grown since last saved
        for incident in self.store.open_incidents():
            self._open[self._key(incident.target)[0]] = incident
        self._origin: float | None = None
        self._posts: GlobalRate | None = None  # every post
        self._attacks: GlobalRate | None = None  # every attack, on anyone
        self._add_post: Callable[[float], None] = _not_started  # bound appends, see _tick
        self._add_attack: Callable[[float], None] = _not_started
        self._next_sweep = 0.0
        self._clock = 0.0
        self._next_prune = 0.0
        self._shared = SharedPosts()  # each author's latest share, see alerts.shares
        self._posting = PostingAccounts()  # who posted: a name's account (_link_poster)
        self._posted = self._posting.seen

    # --- input -----------------------------------------------------------------------

    def observe_many(self, posts: Iterable[LabelledPost], *, learn_only: bool = False) -> None:
        """`observe` each post, with the garbage collector paused (see `gc_paused`)."""
        with gc_paused():
            for post in posts:
                self.observe(post, learn_only=learn_only)

    def observe_traffic(self, created_at: datetime, target: str | None) -> None:
        """Take a post that is not an attack: all detection needs of it is when it came
        and whom it addresses (for the global rate and the target's attack share). The
        cheap way in for the bulk of a stream; `observe` of such a post does the same."""
        self._arrive(created_at, target, False)

    def observe_author(self, created_at: datetime, author: str) -> None:
        """Take the author of any post: a target posting draws replies (see
        `TargetState.learn_cascades`), and a name may turn out to be theirs (see
        `_link_poster`). A set and a dict lookup for everyone else."""
        if author not in self._posted:  # inline: every post passes here
            self._posting.add(author)
        known = self._keys.get(author)
        if known is not None:
            state = self._targets.get(known[0])
            if state is not None:
                state.posted(created_at.timestamp(), CASCADE_SECONDS)

    def observe_share(self, created_at: datetime, author: str, text: str,
                      mentions: Sequence[str]) -> None:
        """Take a post that is not a reply and tags an account or links a post: it may
        share a clip of someone, whom replies to its author then speak of (see
        alerts.shares)."""
        self._shared.remember(author, created_at.timestamp(), text, mentions)

    def busy(self, target: str) -> bool:
        """Whether `target` is insulted often enough to be a peer (rule 6: a candidate)."""
        return self._key(target)[0] in self._busy

    def attacked_lately(self, target: str, created_at: datetime) -> bool:
        """Whether `target` is a candidate (busy) or was attacked within the longest
        detection window: whom a quote of its post may be taken to attack (see
        alerts.replay.quote_about)."""
        key = self._key(target)[0]
        if key in self._busy:
            return True
        state = self._targets.get(key)
        since = created_at.timestamp() - self.evidence.windows[-1]
        return state is not None and state.attacks.count_since(since) > 0

    def shared_subject(self, addressee: str, created_at: datetime) -> str | None:
        """Whom `addressee`'s latest share was about, if it was recent (alerts.shares)."""
        return self._shared.subject(addressee, created_at.timestamp())

    def observe(self, post: LabelledPost, *, learn_only: bool = False,
                teach: bool = True) -> None:
        """Take one post. Posts should come in created_at order; a late one counts as seen
        now. `learn_only` (warming up after a restart) updates windows and baselines but
        opens, grows and publishes nothing. `teach` False keeps an attack out of the
        target's baseline (one counted only because its target is under fire)."""
        if post.label != "attack":
            self._arrive(post.created_at, post.target, False)
            return
        target = post.target
        if target is None:
            target = post.target = self._typed_name(post.text, post.created_at)
        elif target[0] == "@" or target[:2] == "u/":
            target = post.target = self._reply_subject(post.text, target)
        now, key, name, state = self._arrive(post.created_at, target, True)
        if state is None or target is None:
            return
        spellings = self._spellings.get(key)
        if spellings is not None:
            spellings[target] = spellings.get(target, 0) + 1
        if target[:5].lower() == "name:":
            self._spoken.learn(target[5:], key, name)
        if key[:5] == "name:":
            self._named[key] = state
        else:
            self._spelled.add(name)
        if (name not in self._handles and len(state.authors) >= LINKABLE_ATTACKS
                and self._handles.add(name)):
            self._absorb_names(key, state, now)
        flood = self._author_count(state, post.author, now)
        state.add_attack(now, post, learn=teach and flood <= self.rules.per_author_cap)
        if key not in self._busy and state.baseline.per_hour(now) >= self.rules.peer_min_per_hour:
            self._busy[key] = state
            state.busy = True
        if learn_only:
            return
        incident = self._open.get(key)
        if incident is None:
            self._maybe_open(key, state, post, now, flood)
        else:
            self._grow(incident, state, post, now)

    def under_fire(self, target: str, created_at: datetime) -> bool:
        """Whether `target`, a quiet target (its baseline no more than the floor), has just
        been attacked by UNDER_FIRE_ATTACKERS accounts or more (in the last
        `window_minutes`). A reply to someone under fire is far likelier an attack than
        the classifier's training posts were: "@CodyVanceAZ you are a joke" (attack 0.47)
        in the first minutes of a pile-on on him is one, and a pile-on on a quiet target
        is decided by its first few posts. A candidate, insulted all day, gets nothing
        from this: replies to them are what debate nights are made of."""
        now = created_at.timestamp()
        state = self._quiet_state(target, now)
        if state is None:
            return False
        authors = state.window_authors(now - self._flood_window)
        return (len(authors) >= UNDER_FIRE_ATTACKERS  # cheap, before the set
                and len(set(authors)) >= UNDER_FIRE_ATTACKERS)

    def _quiet_state(self, target: str, now: float) -> TargetState | None:
        """The state of `target` if it is a quiet one (not busy, its baseline no more
        than the floor), else None: whom `under_fire` and typed names may help."""
        state = self._targets.get(self._key(target)[0])
        if state is None or state.busy:
            return None
        if state.baseline.per_hour(now) > self.rules.baseline_floor_per_hour:
            return None
        return state

    def _absorb_names(self, key: str, state: TargetState, now: float) -> None:
        """An account just became linkable (see alerts.names): insults by a name that
        now means it, from the longest detection window, count as its own. A spill by
        name onto a second platform often runs ahead of the account's third attacker;
        without this its first posts would stay with the name, and the pile-on would be
        seen late. What the name's baseline learned joins the account's (a candidate
        insulted by name all morning is no news when linked). A name with an incident of
        its own keeps it."""
        since = now - self.evidence.windows[-1]
        if self._origin is None or now - self._horizon < self._origin:
            return  # too early: no baseline has learned enough to weigh them against
        for other_key, other in list(self._named.items()):
            times = other.attacks.times
            if not times or times[-1] < since:
                del self._named[other_key]  # back here with its next attack
                continue
            if other_key in self._open or not name_fits(other.name[5:], state.name):
                continue
            if len(set(other.window_authors(since))) < MIN_ABSORBED:
                continue
            if self._key(other.name)[0] == key:
                state.absorb(other, since, now)

    def _spelled_may_mean(self, handle: str, now: float) -> bool:
        """Whether a name typed in lower case may be taken to mean `handle` (see
        `_typed_name`): a quiet account (baseline at the floor, not busy), spoken to
        mostly in attacks, and first attacked within the longest detection window: a
        pile-on's first minutes. A candidate missing from config.yaml is named in lower
        case all day, in cheers the classifier misreads too, and is quiet at dawn while
        insulted now and then for hours: counting those brought false alarms on the
        independent days and one on the blind days."""
        state = self._quiet_state(handle, now)
        if state is None:
            return False
        since = now - self._horizon
        attacks = state.attacks.count_since(since)
        if attacks > state.attacks.count_since(now - self.evidence.windows[-1]):
            return False
        return 2 * attacks >= state.traffic.count_since(since)

    def _typed_name(self, text: str, created_at: datetime) -> str | None:
        """Whom an untargeted attack names the way people type names: a full name the
        classifier read capitalised before ("cody vance"; see SpokenNames), or its
        surname alone ("Oyelaran is a bitter empty suit"), unless that is a busy target,
        whose name is in half the day's posts; or two words that spell an attacked
        account ("tanya boyd" -> @tanyaboyd, "mayor hendry" -> @MayorHendry), if that
        account may be meant so (`_spelled_may_mean`); else None. The first posts of a
        pile-on on a volunteer often name her only so."""
        if not text:
            return None
        words = spoken_words(text)
        found = self._spoken.find_named(words)
        if found is not None:
            known = self._targets.get(found[0])
            return found[1] if known is not None and not known.busy else None
        handle = self._spelled.spelled_in(words)
        if handle is None or not self._spelled_may_mean(handle, created_at.timestamp()):
            return None
        return handle

    def _reply_subject(self, text: str, target: str) -> str | None:
        """Whom an attack given to the account it replies to is about: that account,
        unless the post neither tags it nor addresses its reader and names someone else
        the classifier has read by full name before ("what a petty nutjob Sullivan is",
        "heather pryor is a cultist" in reply to whoever shared the clip). Then it is
        that person's, or nobody's when that person is busy (a candidate's name is in
        half the day's posts, and `_typed_name` gives those to no one either)."""
        if not text or target.lower() in text.lower():
            return target
        found = self._spoken.find_named(spoken_words(text))
        if found is None or found[0] == self._key(target)[0] or speaks_to_reader(text):
            return target  # the cheap lookup first: most attacks name no one known
        shown = found[1]
        if shown[:5] == "name:" and name_fits(shown[5:], target):
            return target  # "Sullivan is a disgrace" to @DanaSullivan is hers
        known = self._targets.get(found[0])
        return shown if known is None or not known.busy else None

    def flush(self) -> None:
        """Write open incidents that grew since they were last saved (call once per batch:
        a restarted service then continues them with every attacker counted)."""
        for incident in self._dirty.values():
            if incident.status == "open":
                self.store.save(incident)
        self._dirty.clear()

    def advance(self, now: datetime | float) -> None:
        """Move the clock without a post: resolves incidents whose quiet period passed."""
        self._tick(now if isinstance(now, float) else now.timestamp())

    @property
    def open_incidents(self) -> dict[str, Incident]:
        return dict(self._open)

    # --- clock and bookkeeping ------------------------------------------------------------

    def _arrive(self, created_at: datetime, target: str | None,
                attack: bool) -> tuple[float, str, str, TargetState | None]:
        """What every post does: move the clock, count in the global rates, and count in
        its target's traffic. (now, key, display name, the target's state or None)."""
        now = created_at.timestamp()  # every post passes here: kept lean on purpose
        if now < self._clock:
            now = self._clock
        self._clock = now
        if now >= self._next_sweep:
            self._tick(now)
        if not target:
            self._add_post(now)
            if attack:
                self._add_attack(now)
            return now, "", "", None
        key, name = self._keys.get(target) or self._key(target)
        under_way = self._open.get(key)
        if under_way is None or under_way.kind != "pileon":
            # A pile-on in progress (and its defenders) is not what the conversation as
            # a whole is doing: counted, a big one on a small day would lower every other
            # target's expectation for hours afterwards.
            self._add_post(now)
            if attack:
                self._add_attack(now)
        state = self._targets.get(key)
        if state is None:
            state = self._targets[key] = TargetState(name, self.rules, self._origin or now,
                                                      self._horizon)
        state.traffic.add(now)
        return now, key, name, state

    def _tick(self, now: float) -> None:
        if self._posts is None:
            self._origin = now
            self._posts, self._attacks = self.evidence.start(now, self._horizon)
            self._add_post, self._add_attack = self._posts.add, self._attacks.add
            self._next_sweep = now + 60.0
        if now >= self._next_sweep:
            self._posts.catch_up(now)
            self._attacks.catch_up(now)  # type: ignore[union-attr]
            self._resolve_quiet(now)
            self._next_sweep = now + 60.0

    def _key(self, target: str) -> tuple[str, str]:
        """(lookup key, display name): aliases map to the watched account's handle."""
        known = self._keys.get(target)
        if known is None:
            if len(self._keys) > 100_000:  # a stream of one-off targets: start afresh
                self._keys.clear()
                self._names.clear()
                self._alike.clear()
            if target[:5].lower() == "name:":  # may fit a handle attacked later: see names
                seen = self._names.get(target)
                if seen is None or seen[0] != self._handles.generation:
                    seen = self._names[target] = (self._handles.generation,
                                                  self._canonical(target))
                return seen[1]
            known = self._keys[target] = self._canonical(target)
        return known

    def _canonical(self, target: str) -> tuple[str, str]:
        target = target.strip()
        if target.lower().startswith("group:"):
            return target.lower(), target.lower()
        if target.lower().startswith("name:"):  # insulted by name only: whose is it?
            name = " ".join(target[5:].split())
            handle = self._aliases.get(name.lower()) or self._handles.handle_for(name)
            return self._canonical(handle) if handle else ("name:" + name.lower(), "name:" + name)
        handle = account_handle(target)
        alias = self._aliases.get(bare_handle(handle).lower())
        if alias is not None:
            return alias.lower(), alias
        letters = handle_letters(handle.lower())
        if len(letters) < SAME_PERSON_LETTERS:
            return handle.lower(), handle
        first = self._alike.setdefault(letters, (handle.lower(), handle))
        if first[0] != handle.lower() and first[0] not in self._spellings:
            state = self._targets.get(first[0])  # one person's second platform: count both
            self._spellings[first[0]] = {first[1]: len(state.authors) if state else 0}
        return first

    def _author_count(self, state: TargetState, author: str, now: float) -> int:
        times = state.by_author.get(author)
        if times is None:
            if len(state.by_author) > 2000:
                self._prune_authors(state, now)
            times = state.by_author[author] = deque()
        times.append(now)
        while times[0] < now - self._flood_window:
            times.popleft()
        return len(times)

    def _prune_authors(self, state: TargetState, now: float) -> None:
        cut = now - self._flood_window
        for author in [a for a, t in state.by_author.items() if t[-1] < cut]:
            del state.by_author[author]

    # --- decisions --------------------------------------------------------------------------

    def _maybe_open(
        self, key: str, state: TargetState, post: LabelledPost, now: float, flood: int
    ) -> None:
        if self._origin is not None and now - self._origin < self.rules.warmup_minutes * 60:
            return
        found = self.evidence.pileon_window(state, now)
        if found is None and flood < self.rules.flood_min_posts:
            return
        if found is not None and key[:5] == "name:" and self._link_poster(state, post, now):
            return
        expected = self.evidence.expected_per_hour(state, now, self._flood_window)
        if found is not None:
            window, expected = found
            since = now - window
            attackers = set(state.window_authors(since))
            began = state.attacks.times[bisect_left(state.attacks.times, since,
                                                    state.attacks.start)]
            kind, count = "pileon", state.attacks.count_since(since)
            platforms = state.window_platforms(since)
        elif flood >= self.rules.flood_min_posts:
            attackers, kind, count = {post.author}, "flood", flood
            began = state.by_author[post.author][0]
            platforms = state.window_platforms(began, post.author)
        else:
            return
        incident = Incident(
            id=0, target=self._shown(key, state), kind=kind, severity=0, opened_at=utc(now),
            began_at=utc(began), updated_at=utc(now), last_active=now, attackers=attackers,
            attack_posts=count, platforms=platforms,
            rate_per_hour=count * 3600.0 / (found[0] if found else self._flood_window),
            baseline_per_hour=expected,
        )
        for recent in state.recent:
            if recent.author in attackers:
                incident.add_example(_example(recent))
        incident.severity = self._severity(incident)
        self.store.create(incident)
        self._open[key] = incident
        # A pile-on must not teach the baseline that pile-ons are normal; a flood cannot
        # (its account's posts past the cap are not learned), and freezing for one would
        # leave the baseline stuck at, say, its night level while the day's traffic grows.
        if kind == "pileon":
            self._freeze(key, state, now)
        self._publish("opened", incident)

    def _shown(self, key: str, state: TargetState) -> str:
        """The handle an incident names: of one person's accounts that spell alike on
        several platforms (one target, see `_canonical`), the one attacked most."""
        spellings = self._spellings.get(key)
        if not spellings:
            return state.name
        return max(spellings.items(), key=lambda item: item[1])[0]

    def _link_poster(self, state: TargetState, post: LabelledPost, now: float) -> bool:
        """Before a pile-on by name is reported: if an account that posted spells the
        name (alerts.names.PostingAccounts), make it linkable, let it absorb the name's
        insults (`_absorb_names`) and weigh the pile-on as that account's, against its
        baseline. True if so. Nobody may have tagged the person (a Reddit thread about
        a volunteer: "Lindgren needs a hobby", "ray lindgren is unhinged"), but a
        moderator needs the account, and a candidate's name must not be news that the
        candidate's account, insulted all day, is not."""
        if self._origin is None or now - self._horizon < self._origin:
            return False  # as in _absorb_names: too early to weigh a baseline
        handle = self._posting.account_for(
            state.name[5:], lambda shown: self._key(shown)[0] in self._targets)
        if handle is None or not self._handles.add(handle):
            return False
        key, name = self._key(handle)
        if self._key(state.name)[0] != key:
            return False  # the name fits an insulted account as well: it means neither
        target = self._targets.get(key)
        if target is None:
            target = self._targets[key] = TargetState(name, self.rules, self._origin, self._horizon)
        self._absorb_names(key, target, now)
        if key not in self._open:
            self._maybe_open(key, target, post, now, 0)
        return True

    def _grow(
        self, incident: Incident, state: TargetState, post: LabelledPost, now: float
    ) -> None:
        repeat = len(state.by_author[post.author]) > self.rules.per_author_cap
        # A flood is its account(s) posting again and again; someone else's one insult in
        # the meantime is the target's usual traffic, not part of it (unless a pile-on
        # follows: see the upgrade below).
        if incident.kind != "flood" or repeat or post.author in incident.attackers:
            incident.attackers.add(post.author)
            incident.attack_posts += 1
            incident.platforms.add(post.platform)
            if incident.wants_examples:
                incident.add_example(_example(post))
        incident.updated_at = utc(now)
        n = state.attacks.count_since(now - self._flood_window)
        incident.rate_per_hour = n * 3600.0 / self._flood_window
        if n > incident.peak:
            incident.peak = n
        # Still elevated? Checked at most once a minute of stream time (the quiet sweep runs
        # once a minute too): during a big pile-on this test ran on every post.
        if (n >= 3 and now - incident.last_active >= ACTIVE_CHECK_SECONDS
                and now - incident.checked_at >= ACTIVE_CHECK_SECONDS):
            incident.checked_at = now
            expected = self.evidence.expected_per_hour(state, now, self._flood_window)
            # ... and not fallen far below its own peak: a target piled on at 80 attacks in
            # half an hour and back to 4 is over it, though 4 is twice its frozen baseline
            # (left open, the incident swallowed a second wave hours later without a word).
            if (n >= 2.0 * expected * self._flood_window / 3600.0
                    and n >= self.rules.resolve_below_peak_share * incident.peak):
                incident.last_active = now
        upgraded = False
        found = None
        # A flood becomes a pile-on when others pile on: the test counts the flood's
        # account(s) as one attack each, like anyone else.
        if incident.kind == "flood" and not repeat:
            found = self.evidence.pileon_window(state, now, incident.attackers)
        if found is not None:
            joined = [a for a in state.window_authors(now - found[0])
                      if a not in incident.attackers]
            incident.attackers.update(joined)
            incident.attack_posts += len(joined)
            incident.platforms.update(state.window_platforms(now - found[0]))
            incident.kind, upgraded = "pileon", True
            incident.baseline_per_hour = found[1]
            self._freeze(self._key(incident.target)[0], state, now)
        severity = self._severity(incident)
        if severity > incident.severity or upgraded:
            incident.severity = max(severity, incident.severity)
            self.store.save(incident)
            self._publish("escalated", incident)
        else:
            self._dirty[self._key(incident.target)[0]] = incident

    def _freeze(self, key: str, state: TargetState, now: float) -> None:
        """A pile-on opened on `state`: its baseline holds still until the incident is
        resolved. A target neither busy nor quiet (a candidate cold at dawn) becomes a
        peer of the busy ones meanwhile (see `Evidence.peer_surge`); a quiet one (a
        volunteer) does not: against its floor, its pile-on would look like a surge that
        excuses every candidate's."""
        state.baseline.frozen = True
        if not state.busy and state.baseline.per_hour(now) > self.rules.baseline_floor_per_hour:
            self.evidence.piled_on[key] = (state, now)

    def _severity(self, incident: Incident) -> int:
        if incident.kind != "pileon":
            return FLOOD_SEVERITY
        steps = sum(1 for s in self.rules.severity_steps if len(incident.attackers) >= s)
        return min(PILEON_SEVERITY + steps, MAX_SEVERITY)

    def _resolve_quiet(self, now: float) -> None:
        quiet = self.rules.quiet_minutes_to_resolve * 60.0
        for key, incident in list(self._open.items()):
            if now - incident.last_active >= quiet:
                incident.status = "resolved"
                incident.updated_at = utc(now)
                self.store.save(incident)
                del self._open[key]
                self.evidence.piled_on.pop(key, None)
                if key in self._targets:
                    self._targets[key].baseline.frozen = False
                    self._targets[key].quiet_since = now
                self._publish("resolved", incident)
        if now >= self._next_prune:
            self._next_prune = now + PRUNE_SECONDS
            for state in self._targets.values():
                if len(state.by_author) > 200:
                    self._prune_authors(state, now)

    def _publish(self, step: Step, incident: Incident) -> None:
        self.bus.publish(IncidentEvent(
            step=step, incident_id=incident.id, kind=incident.kind, target=incident.target,
            fired_at=incident.updated_at, began_at=incident.began_at,
            severity=incident.severity, attackers=len(incident.attackers),
            attack_posts=incident.attack_posts, rate_per_hour=round(incident.rate_per_hour, 2),
            baseline_per_hour=round(incident.baseline_per_hour, 2),
            platforms=tuple(sorted(incident.platforms)), examples=tuple(incident.examples),
        ))


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while posts are fed: detection makes a few
    small objects per post and frees them by reference counting, and on a long stream the
    collector's rescans of everything alive (a replay holds the whole stream) cost as much
    as detection itself (measured on 300,000 posts)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _not_started(now: float) -> None:
    raise AssertionError("the first post starts the clock before anything is counted")


def _example(post: LabelledPost) -> AttackExample:
    return AttackExample(
        post_id=post.db_id, platform=post.platform, author=post.author, text=post.text,
        quote=post.quote or post.text, url=post.url, created_at=post.created_at,
    )
