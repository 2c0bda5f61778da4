"""Generate realistic campaign days (canonical JSONL) with known pile-ons and decoys.

A day has background chatter with a diurnal rhythm (quiet at night, peaks at breakfast,
lunch and evening), baseline incivility aimed mostly at the candidates, and episodes:

- pile-ons of different speeds (10 minutes to 3 hours) and sizes on candidates, staff,
  journalists and volunteers, partly across two platforms, with some defenders replying;
- decoys that must never be called a pile-on: substantive surges (many accounts arguing
  with a vote), cheering surges, and single-account floods (one account, many insults);
- optionally a debate night: 19:00-21:30 local, traffic triples and candidates are
  insulted far more than usual.

The truth (each post's intended label and target, and each episode's start, midpoint and
end) goes to a sidecar `<day>.truth.json` for bench/alerts.py; the JSONL itself carries
only what a collector would see.

    python -m bench.generate_days --seed 7 --posts 30000 --debate --out days/d7.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np

from bench import phrases as P

ZONE = timezone(timedelta(hours=-7))
PLATFORMS = ["x", "bluesky", "mastodon", "reddit"]
PLATFORM_WEIGHTS = [0.55, 0.25, 0.1, 0.1]


@dataclass(frozen=True)
class Person:
    handle: str
    name: str
    role: str

    @property
    def first(self) -> str:
        return self.name.split()[0]


CAST = [
    Person("@DanaWhitfield", "Dana Whitfield", "candidate"),
    Person("@MarcusHaleForGov", "Marcus Hale", "candidate"),
    Person("@GailSutterLG", "Gail Sutter", "candidate"),
    Person("@PriyaRamanCM", "Priya Raman", "staff"),
    Person("@TomOkafor_press", "Tom Okafor", "staff"),
    Person("@lenabrooks_vol", "Lena Brooks", "volunteer"),
    Person("@rachelkim_news", "Rachel Kim", "journalist"),
    Person("@jmedina_reports", "Jorge Medina", "journalist"),
    Person("@nkhalil_ledger", "Nadia Khalil", "journalist"),
    Person("@AnaSoto_vol", "Ana Soto", "volunteer"),
    Person("@cllr_benwu", "Ben Wu", "staff"),
    Person("@owen_pratt_field", "Owen Pratt", "staff"),
]
CANDIDATES = [p for p in CAST if p.role == "candidate"]
# Who background incivility hits, with weights (candidates take most of it).
BACKGROUND_WEIGHTS = [30, 30, 6, 2, 2, 1, 2, 2, 1, 1, 1, 1]
# Relative volume per local hour 0..23.
HOURLY = [
    0.25,
    0.15,
    0.1,
    0.08,
    0.08,
    0.15,
    0.35,
    0.6,
    0.8,
    0.75,
    0.7,
    0.75,
    0.85,
    0.8,
    0.7,
    0.65,
    0.7,
    0.8,
    0.9,
    1.0,
    1.0,
    0.9,
    0.7,
    0.45,
]
_NAME_ONLY = [t for t in P.ATTACK_TEMPLATES if "{t}" not in t]
DEBATE = (19 * 60, 21 * 60 + 30)
_FIRST = [
    "jess",
    "mike",
    "sam",
    "kat",
    "dev",
    "lou",
    "ria",
    "ben",
    "tess",
    "omar",
    "nina",
    "raj",
    "lee",
    "gabe",
    "ivy",
    "max",
    "zoe",
    "hank",
    "june",
    "walt",
    "bea",
    "cruz",
]
_LAST = [
    "m",
    "_calder",
    "pe",
    "_votes",
    "44",
    "_tv",
    "88",
    "_real",
    "_dunmore",
    "x",
    "fan",
    "_ellis",
    "_1975",
    "_mf",
    "writes",
    "_w",
    "_valley",
    "_cp",
]


@dataclass
class Episode:
    kind: str  # pileon | substantive_surge | cheer_surge | flood
    target: str
    speed: str
    authors: int
    posts: int = 0
    platforms: list[str] = field(default_factory=list)
    start: str = ""
    midpoint: str = ""
    end: str = ""


class _Day:
    def __init__(self, seed: int, day: date) -> None:
        self.rng = np.random.default_rng(seed)
        self.day0 = datetime(day.year, day.month, day.day, tzinfo=ZONE)
        self.rows: list[tuple[float, dict[str, Any], str, str | None]] = []
        self.users = [self._handle(i) for i in range(6000)]
        ranks = np.arange(1, len(self.users) + 1)
        self.user_p = (1.0 / ranks**0.9) / np.sum(1.0 / ranks**0.9)
        self._fresh = 0
        self._user_buf: list[int] = []
        self._platform_buf: list[int] = []

    def _handle(self, i: int) -> str:
        return f"{_FIRST[i % len(_FIRST)]}{_LAST[(i // len(_FIRST)) % len(_LAST)]}{i // 400 or ''}"

    def pick(self, items: list[Any]) -> Any:
        return items[int(self.rng.integers(len(items)))]

    def user(self) -> str:
        if not self._user_buf:
            self._user_buf = list(self.rng.choice(len(self.users), size=50000, p=self.user_p))
        return self.users[self._user_buf.pop()]

    def fresh_user(self) -> str:
        self._fresh += 1
        number = int(self.rng.integers(100, 99999))
        return f"{self.pick(_FIRST)}{self.pick(['_', '.', ''])}{number}z{self._fresh}"

    def platform(self) -> str:
        if not self._platform_buf:
            self._platform_buf = list(self.rng.choice(4, size=50000, p=PLATFORM_WEIGHTS))
        return PLATFORMS[self._platform_buf.pop()]

    def fill(self, template: str, person: Person | None, address: str) -> str:
        name = person.name if person else address
        first = person.first if person else address
        return template.format(
            t=address,
            n=name,
            f=first,
            place=self.pick(P.PLACES),
            issue=self.pick(P.ISSUES),
            rec=self.pick(P.RECORDS),
            ins=self.pick(P.INSULT_NOUNS),
            adj=self.pick(P.INSULT_ADJS),
            go=self.pick(P.GO_AWAY),
            x=self.pick(P.EXCLAIM),
        )

    def add(
        self,
        ts: float,
        author: str,
        platform: str,
        text: str,
        label: str,
        target: str | None,
        reply_to: str | None = None,
    ) -> None:
        mentions = re.findall(r"@[A-Za-z0-9_]+", text)
        post = {
            "platform": platform,
            "author": author,
            "text": text,
            "created_at": datetime.fromtimestamp(ts, ZONE).isoformat(timespec="seconds"),
            "lang": "en",
            "hashtags": re.findall(r"#\w+", text),
            "mentions": mentions,
        }
        if reply_to:
            post["reply_to"] = reply_to
        self.rows.append((ts, post, label, target))

    # --- one post of each kind -----------------------------------------------------------

    def attack(
        self, ts: float, person: Person, author: str, platform: str, reply: float = 0.6
    ) -> None:
        templates = P.ATTACK_TEMPLATES
        if person.role == "journalist" and self.rng.random() < 0.6:
            templates = P.JOURNALIST_ATTACKS
        elif person.role in ("staff", "volunteer") and self.rng.random() < 0.5:
            templates = P.STAFF_ATTACKS
        mode = self.rng.random()
        if mode < reply:
            text, reply_to = self.fill(self.pick(templates), person, person.handle), person.handle
        elif mode < reply + 0.25:
            text, reply_to = self.fill(self.pick(templates), person, person.handle), None
        else:
            text, reply_to = self.fill(self.pick(_NAME_ONLY), person, person.name), None
        self.add(ts, author, platform, text, "attack", person.handle, reply_to)

    def substantive(self, ts: float, person: Person | None, author: str, platform: str) -> None:
        if person is None:
            self.add(
                ts,
                author,
                platform,
                self.fill(self.pick(P.GENERIC_SUBSTANTIVE), None, ""),
                "substantive",
                None,
            )
            return
        reply = person.handle if self.rng.random() < 0.7 else None
        text = self.fill(self.pick(P.SUBSTANTIVE_TEMPLATES), person, person.handle)
        self.add(ts, author, platform, text, "substantive", person.handle, reply)

    def other(
        self, ts: float, person: Person | None, author: str, platform: str, cheer: bool = False
    ) -> None:
        if person is None:
            self.add(
                ts,
                author,
                platform,
                self.fill(self.pick(P.OTHER_TEMPLATES), None, ""),
                "other",
                None,
            )
            return
        pool = P.CHEER_TEMPLATES if cheer else P.REPLY_OTHER
        text = self.fill(self.pick(pool), person, person.handle)
        self.add(ts, author, platform, text, "other", person.handle, person.handle)

    def sorted_rows(self) -> list[tuple[float, dict[str, Any], str, str | None]]:
        self.rows.sort(key=lambda r: r[0])
        return self.rows


def _volume(minute: int, debate: bool) -> float:
    hour, frac = divmod(minute / 60.0, 1.0)
    h = int(hour)
    level = HOURLY[h] * (1 - frac) + HOURLY[(h + 1) % 24] * frac
    if debate:
        level *= 1.0 + 2.0 * _debate_weight(minute)
    return level


def _debate_weight(minute: int) -> float:
    """0..1: how far into debate night this minute is (10-minute ramps)."""
    start, end = DEBATE
    return max(0.0, min(1.0, (minute - start + 10) / 10.0, (end + 10 - minute) / 10.0))


def _background(d: _Day, posts: int, debate: bool, incivility: float = 0.12) -> None:
    levels = np.array([_volume(m, debate) for m in range(1440)])
    counts = d.rng.poisson(levels / levels.sum() * posts)
    people = CAST
    weights = np.array(BACKGROUND_WEIGHTS, dtype=float)
    t0 = d.day0.timestamp()
    for minute, count in enumerate(counts):
        heat = _debate_weight(minute) if debate else 0.0
        p_attack = incivility + 0.14 * heat
        w = weights.copy()
        w[:2] *= 1.0 + 3.0 * heat
        cum = np.cumsum(w / w.sum())
        for _ in range(int(count)):
            ts = t0 + 60.0 * (minute + d.rng.random())
            author, platform, roll = d.user(), d.platform(), d.rng.random()
            if roll < p_attack:
                kind = d.rng.random()
                if kind < 0.08:
                    text, group = d.pick(P.GROUP_ATTACKS)
                    d.add(ts, author, platform, d.fill(text, None, ""), "attack", group)
                elif kind < 0.2:
                    victim = d.user()
                    text = d.fill(d.pick(P.ATTACK_TEMPLATES), None, "@" + victim)
                    d.add(ts, author, platform, text, "attack", "@" + victim, "@" + victim)
                else:
                    who = min(int(np.searchsorted(cum, d.rng.random())), len(people) - 1)
                    d.attack(ts, people[who], author, platform, 0.5)
            elif roll < p_attack + 0.30:
                person = d.pick(CAST[:3] + CAST[6:8]) if d.rng.random() < 0.5 else None
                d.substantive(ts, person, author, platform)
            else:
                r = d.rng.random()
                person = d.pick(CANDIDATES) if r < 0.35 else (d.pick(CAST) if r < 0.45 else None)
                d.other(ts, person, author, platform, cheer=r < 0.35)


def _episode_times(d: _Day, start: float, duration: float, n: int) -> np.ndarray:
    return np.sort(start + duration * d.rng.beta(2.0, 2.5, size=n))


def _finish(ep: Episode, times: np.ndarray) -> Episode:
    ep.posts = len(times)
    ep.start, ep.end = (
        datetime.fromtimestamp(float(t), ZONE).isoformat() for t in (times[0], times[-1])
    )
    ep.midpoint = datetime.fromtimestamp(float(np.median(times)), ZONE).isoformat()
    return ep


def _pileon(d: _Day, start: float, person: Person) -> Episode:
    speed = d.pick(["fast", "fast", "medium", "medium", "slow"])
    duration = {"fast": (10, 30), "medium": (30, 90), "slow": (90, 180)}[speed]
    minutes = float(d.rng.uniform(*duration))
    low = 25 if person.role == "candidate" else 8
    attackers = int(math.exp(d.rng.uniform(math.log(low), math.log(150))))
    platforms = [d.platform()]
    if d.rng.random() < 0.35:
        platforms.append(d.pick([p for p in PLATFORMS if p != platforms[0]]))
    authors, times_all = [], []
    for _ in range(attackers):
        author = d.fresh_user() if d.rng.random() < 0.6 else d.user()
        for _ in range(int(d.rng.choice([1, 1, 1, 2, 2, 3]))):
            authors.append(author)
    times = _episode_times(d, start, minutes * 60, len(authors))
    d.rng.shuffle(authors)
    for ts, author in zip(times, authors, strict=True):
        d.attack(float(ts), person, author, d.pick(platforms), reply=0.8)
        times_all.append(ts)
    for ts in _episode_times(d, start, minutes * 60, attackers // 5):
        text = d.fill(d.pick(P.DEFENDER_TEMPLATES), person, person.handle)
        label = "substantive" if "record" in text or "policy" in text else "other"
        d.add(float(ts), d.user(), d.pick(platforms), text, label, person.handle, person.handle)
    ep = Episode("pileon", person.handle, speed, attackers, platforms=platforms)
    return _finish(ep, np.array(times_all))


def _decoy(d: _Day, kind: str, start: float) -> Episode:
    if kind == "flood":
        person = d.pick(CAST)
        author, platform = d.fresh_user(), d.platform()
        times = _episode_times(
            d, start, float(d.rng.uniform(20, 60)) * 60, int(d.rng.integers(12, 40))
        )
        for ts in times:
            d.attack(float(ts), person, author, platform, reply=0.9)
        return _finish(Episode("flood", person.handle, "flood", 1, platforms=[platform]), times)
    person = d.pick(CANDIDATES if kind == "cheer_surge" else CANDIDATES + CAST[6:8])
    n = int(d.rng.integers(40, 150 if kind == "substantive_surge" else 220))
    times = _episode_times(d, start, float(d.rng.uniform(15, 60)) * 60, n)
    platform = d.platform()
    for ts in times:
        if kind == "cheer_surge":
            d.other(float(ts), person, d.user(), platform, cheer=True)
        else:
            d.substantive(float(ts), person, d.user(), platform)
    return _finish(Episode(kind, person.handle, "surge", n, platforms=[platform]), times)


def generate_day(
    seed: int,
    *,
    posts: int = 30000,
    debate: bool = False,
    day: date | None = None,
    pileons: int | None = None,
    wide: bool = False,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """One day: (canonical posts in time order, truth with labels and episodes).

    `wide` draws from a broader family of shapes (bench/wide_days.py): pile-on sizes
    6-300, 5 minutes to 3 hours, accelerating ramps, unknown targets, mention- or
    name-only attacks, incivility from calm to heated, emoji cheers and two-account
    floods -- the honest test for a detector tuned on the narrow family.
    """
    if wide:
        from bench.wide_days import generate_wide_day

        return generate_wide_day(seed, posts=posts, debate=debate, day=day, pileons=pileons)
    d = _Day(seed, day or date(2026, 10, 1) + timedelta(days=seed % 60))
    _background(d, posts, debate)
    t0 = d.day0.timestamp()
    count = int(d.rng.integers(3, 6)) if pileons is None else pileons
    kinds = ["pileon"] * count + ["substantive_surge", "cheer_surge", "flood"] * int(
        d.rng.integers(1, 3)
    )
    episodes = []
    slots = np.sort(d.rng.choice(np.arange(1, 19), size=len(kinds), replace=len(kinds) > 18))
    d.rng.shuffle(kinds)
    for kind, slot in zip(kinds, slots, strict=True):
        start = t0 + 3600.0 * (6 + float(slot) + d.rng.random()) - 3 * 3600
        start = max(start, t0 + 3600)
        if kind == "pileon":
            episodes.append(_pileon(d, start, d.pick(CAST)))
        else:
            episodes.append(_decoy(d, kind, start))
    return assemble(d, seed, debate, episodes)


def assemble(
    d: _Day, seed: int, debate: bool, episodes: list[Episode]
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The day's posts in time order with ids and urls, and the truth sidecar."""
    rows = d.sorted_rows()
    out, labels = [], {}
    for i, (_ts, post, label, target) in enumerate(rows):
        pid = f"{post['platform']}-{seed}-{i}"
        post = {
            "id": pid,
            **post,
            "url": f"https://{post['platform']}.example/{post['author']}/{i}",
        }
        out.append(post)
        labels[pid] = [label, target]
    truth = {
        "seed": seed,
        "debate": debate,
        "posts": len(out),
        "episodes": [asdict(e) for e in episodes],
        "labels": labels,
    }
    return out, truth


def write_day(posts: list[dict[str, Any]], truth: dict[str, Any], path: Path) -> Path:
    """Write the JSONL and its `.truth.json` sidecar; returns the sidecar path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for post in posts:
            fh.write(json.dumps(post, ensure_ascii=False) + "\n")
    sidecar = truth_path(path)
    sidecar.write_text(json.dumps(truth), encoding="utf-8")
    return sidecar


def truth_path(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".jsonl") + ".truth.json")


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value).astimezone(UTC)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--posts", type=int, default=30000)
    parser.add_argument("--debate", action="store_true")
    parser.add_argument("--pileons", type=int, default=None)
    parser.add_argument("--wide", action="store_true", help="the wide family (bench/wide_days.py)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    posts, truth = generate_day(
        args.seed, posts=args.posts, debate=args.debate, pileons=args.pileons, wide=args.wide
    )
    write_day(posts, truth, args.out)
    print(f"{args.out}: {len(posts)} posts, {len(truth['episodes'])} episodes")


if __name__ == "__main__":
    main()
