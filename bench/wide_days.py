"""A broader family of generated days, for honest held-out evaluation of detection.

bench/generate_days.py's own days are what detection was tuned on; real days (and the
held-out days of issue 5) come from someone else's generator. This one varies what the
narrow family keeps fixed, so a detector that only fits the narrow family shows it:

- pile-ons of 6-300 accounts over 5 minutes to 3 hours, each account posting 1-3 times,
  with bell-shaped, front-loaded or accelerating ramps (slow start, then a rush);
- targets: candidates, staff, journalists, volunteers, and ordinary accounts never seen
  before the pile-on;
- attacks by reply, by @mention only, or by name only, in per-episode proportions;
- baseline incivility from calm (3%) to heated (25%), plus the optional debate night;
- decoys: substantive surges (also on staff and reporters), cheering surges with emoji
  cheers ("@X 💪💪💪", "thank you Marcus ❤️", which classifiers sometimes read as
  attacks: bench/alerts.py's noisy mode misreads them more often), one-account and
  two-account floods.

    python -m bench.generate_days --wide --seed 9000 --posts 5000 --out day.jsonl
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

import numpy as np

from bench import phrases as P
from bench.generate_days import (
    _NAME_ONLY,
    CANDIDATES,
    CAST,
    PLATFORMS,
    Episode,
    Person,
    _background,
    _Day,
    _finish,
    assemble,
)

EMOJI_CHEERS = [
    "{t} 💪💪💪",
    "{t} 🔥🔥🔥",
    "{t} ❤️❤️❤️",
    "thank you {f} ❤️",
    "{t} 👏👏👏 {f}!!",
    "{f} 🙌🙌",
    "{t} 🇺🇸💪",
    "{t} yesss 🎉🎉",
]
# Characters that make bench/alerts.py's noisy labeller misread a cheer as an attack.
EMOJI = ("💪", "🔥", "❤", "👏", "🙌", "🎉")


def _times(d: _Day, start: float, seconds: float, n: int, shape: str) -> np.ndarray:
    a, b = {"bell": (2.0, 2.5), "front": (1.3, 3.0), "accel": (3.0, 1.0), "flat": (1.0, 1.0)}[
        shape
    ]
    return np.sort(start + seconds * d.rng.beta(a, b, size=n))


def _attack(
    d: _Day, ts: float, person: Person, author: str, platform: str, modes: tuple[float, float]
) -> None:
    """One attack by reply (modes[0]), @mention only (modes[1]) or by name only (rest)."""
    templates = P.ATTACK_TEMPLATES
    if person.role == "journalist" and d.rng.random() < 0.6:
        templates = P.JOURNALIST_ATTACKS
    elif person.role in ("staff", "volunteer") and d.rng.random() < 0.5:
        templates = P.STAFF_ATTACKS
    roll = d.rng.random()
    if person.role == "user":  # nobody knows an unknown account's name: reply or mention
        roll *= modes[0] + modes[1]
    if roll < modes[0]:
        text, reply_to = d.fill(d.pick(templates), person, person.handle), person.handle
    elif roll < modes[0] + modes[1]:
        text, reply_to = d.fill(d.pick(templates), person, person.handle), None
    else:
        text, reply_to = d.fill(d.pick(_NAME_ONLY), person, person.name), None
    d.add(ts, author, platform, text, "attack", person.handle, reply_to)


def _pileon(d: _Day, start: float, person: Person) -> Episode:
    minutes = math.exp(d.rng.uniform(math.log(5), math.log(180)))
    attackers = int(math.exp(d.rng.uniform(math.log(6), math.log(300))))
    shape = d.pick(["bell", "bell", "front", "accel", "accel", "flat"])
    reply = float(d.rng.uniform(0.2, 0.9))
    modes = (reply, float(d.rng.uniform(0.0, 1.0 - reply)))
    fresh = float(d.rng.uniform(0.2, 0.9))
    platforms = [d.platform()]
    if d.rng.random() < 0.35:
        platforms.append(d.pick([p for p in PLATFORMS if p != platforms[0]]))
    authors = []
    for _ in range(attackers):
        author = d.fresh_user() if d.rng.random() < fresh else d.user()
        authors += [author] * int(d.rng.choice([1, 1, 1, 2, 2, 3]))
    times = _times(d, start, minutes * 60, len(authors), shape)
    d.rng.shuffle(authors)
    for ts, author in zip(times, authors, strict=True):
        _attack(d, float(ts), person, author, d.pick(platforms), modes)
    for ts in _times(d, start, minutes * 60, attackers // 5, "bell"):
        text = d.fill(d.pick(P.DEFENDER_TEMPLATES), person, person.handle)
        label = "substantive" if "record" in text or "policy" in text else "other"
        d.add(float(ts), d.user(), d.pick(platforms), text, label, person.handle, person.handle)
    speed = "fast" if minutes < 30 else ("medium" if minutes < 90 else "slow")
    ep = Episode("pileon", person.handle, f"{speed}-{shape}", attackers, platforms=platforms)
    return _finish(ep, times)


def _decoy(d: _Day, kind: str, start: float) -> Episode:
    if kind in ("flood", "flood2"):
        person = d.pick(CAST)
        accounts = [d.fresh_user() for _ in range(1 if kind == "flood" else 2)]
        platform = d.platform()
        n = int(d.rng.integers(12, 40)) * len(accounts)
        times = _times(d, start, float(d.rng.uniform(10, 60)) * 60, n, "bell")
        for i, ts in enumerate(times):
            _attack(d, float(ts), person, accounts[i % len(accounts)], platform, (0.9, 0.1))
        ep = Episode("flood", person.handle, kind, len(accounts), platforms=[platform])
        return _finish(ep, times)
    pool = CANDIDATES if kind == "cheer_surge" else CANDIDATES + CAST[3:9]
    person = d.pick(pool)
    n = int(math.exp(d.rng.uniform(math.log(30), math.log(250))))
    times = _times(d, start, float(d.rng.uniform(10, 90)) * 60, n, d.pick(["bell", "front"]))
    platform = d.platform()
    emoji = float(d.rng.uniform(0.2, 0.8))
    for ts in times:
        author = d.user() if d.rng.random() < 0.6 else d.fresh_user()
        if kind == "substantive_surge":
            d.substantive(float(ts), person, author, platform)
        elif d.rng.random() < emoji:
            text = d.fill(d.pick(EMOJI_CHEERS), person, person.handle)
            reply = person.handle if "{t}" in text or d.rng.random() < 0.5 else None
            d.add(float(ts), author, platform, text, "other", person.handle, reply)
        else:
            d.other(float(ts), person, author, platform, cheer=True)
    return _finish(Episode(kind, person.handle, "surge", n, platforms=[platform]), times)


def generate_wide_day(
    seed: int,
    *,
    posts: int = 5000,
    debate: bool = False,
    day: date | None = None,
    pileons: int | None = None,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """One wide-family day: (canonical posts in time order, truth)."""
    d = _Day(seed, day or date(2026, 10, 1) + timedelta(days=seed % 60))
    incivility = float(d.rng.uniform(0.15, 0.25) if debate else d.rng.uniform(0.03, 0.2))
    _background(d, posts, debate, incivility)
    t0 = d.day0.timestamp()
    count = int(d.rng.integers(3, 7)) if pileons is None else pileons
    decoys = ["substantive_surge", "cheer_surge", "flood", "flood2"]
    kinds = ["pileon"] * count + [d.pick(decoys) for _ in range(int(d.rng.integers(2, 6)))]
    d.rng.shuffle(kinds)
    slots = np.sort(d.rng.choice(np.arange(1, 19), size=len(kinds), replace=len(kinds) > 18))
    targets = list(CAST)
    d.rng.shuffle(targets)
    episodes = []
    for kind, slot in zip(kinds, slots, strict=True):
        start = max(t0 + 3600.0 * (3 + float(slot) + d.rng.random()), t0 + 5400)
        if kind != "pileon":
            episodes.append(_decoy(d, kind, start))
            continue
        if d.rng.random() < 0.2 or not targets:
            handle = d.fresh_user().replace(".", "_")  # X-style: no dots in the handle
            person = Person("@" + handle, "@" + handle, "user")
        else:
            person = targets.pop()
        episodes.append(_pileon(d, start, person))
    return assemble(d, seed, debate, episodes)
