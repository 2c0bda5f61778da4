#!/usr/bin/env python3
"""third_days.py - simulated campaign days for a fictional East Coast mayoral race.

The city of Port Carroway (fictional, ~1.1M people, America/New_York) elects a mayor
on 2026-11-03 with a top-two runoff on 2026-12-01.  Each generated day is 24 local
hours (a local calendar day: 25 h on 2026-11-01, the DST change) of posts on X,
Reddit, Bluesky and Mastodon in the canonical JSONL shape, plus a ground truth.

    generate_third_day(seed, posts=5000, debate=False) -> (posts, truth)
    python third_days.py --seed N --posts 5000 [--debate] --out day.jsonl

Python 3.11+, stdlib + numpy, deterministic for a seed.  See NOTES.md.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from datetime import date as Date

import numpy as np

TZ_NAME = "America/New_York"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MIN = 60_000
HOUR = 3_600_000
PLATFORMS = ("x", "reddit", "bluesky", "mastodon")
PLAT_SHARE = np.array([0.44, 0.20, 0.21, 0.15])
REPLY_P = {"x": 0.36, "reddit": 0.62, "bluesky": 0.36, "mastodon": 0.30}

# --------------------------------------------------------------------------------------
# time zone: US Eastern rule (second Sunday of March .. first Sunday of November)
# --------------------------------------------------------------------------------------
_DST_CACHE: dict[int, tuple[int, int]] = {}


def _nth_sunday(year: int, month: int, n: int) -> Date:
    d = Date(year, month, 1)
    return d + timedelta(days=(6 - d.weekday()) % 7 + 7 * (n - 1))


def _dst_bounds(year: int) -> tuple[int, int]:
    b = _DST_CACHE.get(year)
    if b is None:
        s = datetime.combine(
            _nth_sunday(year, 3, 2), datetime.min.time(), UTC
        ) + timedelta(hours=7)
        e = datetime.combine(
            _nth_sunday(year, 11, 1), datetime.min.time(), UTC
        ) + timedelta(hours=6)
        b = (int((s - EPOCH).total_seconds() * 1000), int((e - EPOCH).total_seconds() * 1000))
        _DST_CACHE[year] = b
    return b


def utc_offset_ms(t_ms: int) -> int:
    year = (EPOCH + timedelta(milliseconds=int(t_ms))).year
    s, e = _dst_bounds(year)
    return -4 * HOUR if s <= t_ms < e else -5 * HOUR


def iso_local_us(us: int) -> str:
    """ISO 8601 in local Eastern time with offset; microsecond-exact."""
    off = utc_offset_ms(us // 1000)
    tz = timezone(timedelta(milliseconds=off))
    return (EPOCH + timedelta(microseconds=int(us))).astimezone(tz).isoformat()


def _fmt_created(t_ms: int, plat: str) -> str:
    if plat in ("x", "mastodon"):
        dt = EPOCH + timedelta(milliseconds=t_ms)
        return dt.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (t_ms % 1000)
    if plat == "reddit":
        return (EPOCH + timedelta(seconds=t_ms // 1000)).isoformat()
    off = utc_offset_ms(t_ms)
    dt = (EPOCH + timedelta(milliseconds=t_ms)).astimezone(timezone(timedelta(milliseconds=off)))
    return dt.isoformat(timespec="milliseconds")


def local_midnight_ms(d: Date) -> int:
    base = int(
        (datetime.combine(d, datetime.min.time(), UTC) - EPOCH).total_seconds() * 1000
    )
    for off in (-4 * HOUR, -5 * HOUR):
        t = base - off
        if utc_offset_ms(t) == off:
            return t
    return base + 5 * HOUR


def local_hour(t_ms: int) -> float:
    return ((t_ms + utc_offset_ms(t_ms)) % (24 * HOUR)) / HOUR


# --------------------------------------------------------------------------------------
# diurnal clock
# --------------------------------------------------------------------------------------
WEEKDAY_CURVE = [
    1.15,
    0.70,
    0.40,
    0.24,
    0.16,
    0.25,
    0.60,
    1.25,
    1.80,
    1.90,
    1.80,
    1.95,
    2.35,
    2.20,
    1.85,
    1.75,
    1.85,
    2.05,
    2.25,
    2.60,
    2.80,
    2.70,
    2.20,
    1.65,
]
WEEKEND_CURVE = [
    1.45,
    1.00,
    0.60,
    0.34,
    0.20,
    0.20,
    0.35,
    0.65,
    1.10,
    1.55,
    1.90,
    2.10,
    2.30,
    2.25,
    2.10,
    2.00,
    2.00,
    2.10,
    2.25,
    2.45,
    2.60,
    2.55,
    2.25,
    1.85,
]


class Clock:
    def __init__(self, d: Date, rng: np.random.Generator):
        self.t0 = local_midnight_ms(d)
        self.t1 = local_midnight_ms(d + timedelta(days=1))
        self.rng = rng
        n = (self.t1 - self.t0) // MIN
        starts = self.t0 + np.arange(n, dtype=np.int64) * MIN
        s, e = _dst_bounds(d.year)
        off = np.where((starts >= s) & (starts < e), -4 * HOUR, -5 * HOUR)
        h = ((starts + off) % (24 * HOUR)) / HOUR
        curve = WEEKEND_CURVE if d.weekday() >= 5 else WEEKDAY_CURVE
        xp = np.arange(25) - 0.5
        fp = np.array([curve[-1]] + curve)
        w = np.interp(h, xp, fp)
        w *= np.exp(rng.normal(0, 0.08, n))  # texture
        self.w = w
        self.cdf = np.concatenate([[0.0], np.cumsum(w)])
        self.n = n

    def local(self, hh: float) -> int:
        """ms of local clock time hh (hours after local midnight, wall clock)."""
        t = self.t0 + int(hh * HOUR)
        # correct for a DST change earlier in the day
        t += utc_offset_ms(self.t0) - utc_offset_ms(t)
        return t

    def sample(self, k: int, lo: int | None = None, hi: int | None = None) -> np.ndarray:
        lo = self.t0 if lo is None else max(self.t0, lo)
        hi = self.t1 if hi is None else min(self.t1, hi)
        if k <= 0 or hi <= lo:
            return np.zeros(0, dtype=np.int64)
        a = np.interp((lo - self.t0) / MIN, np.arange(self.n + 1), self.cdf)
        b = np.interp((hi - self.t0) / MIN, np.arange(self.n + 1), self.cdf)
        u = self.rng.uniform(a, b, k)
        x = np.interp(u, self.cdf, np.arange(self.n + 1))
        t = self.t0 + (x * MIN).astype(np.int64)
        return np.clip(t, lo, hi - 1)


# --------------------------------------------------------------------------------------
# word banks
# --------------------------------------------------------------------------------------
FIRST_F = ["Linda", "Sharon", "Barbara", "Brenda", "Fran", "Gail", "Kathy", "Donna", "Patty", "Maria", "Ana", "Keisha", "Tanya", "Jess", "Megan", "Priya", "Aisha", "Rosa", "Carmen", "Nicole", "Heather", "Amber", "Kelly", "Tiffany", "Lauren", "Emily", "Chloe", "Sofia", "Grace", "Mei", "Hana", "Olivia", "Dana", "Beth", "Wendy", "Bonnie", "Penny", "Ruth", "Jackie", "Lucia", "Imani", "Fatima", "Sasha", "Nora", "Vera", "Molly", "Carla", "Brooke", "Tasha"]
FIRST_M = ["Brad", "Pete", "Carl", "Dave", "Mike", "Steve", "Gary", "Frank", "Tony", "Greg", "Rick", "Doug", "Bill", "Ray", "Kevin", "Jason", "Brian", "Marcus", "Andre", "Luis", "Carlos", "Jamal", "Tyrone", "Kenji", "Omar", "Ravi", "Sean", "Connor", "Liam", "Noah", "Ethan", "Dylan", "Tyler", "Kyle", "Derek", "Chad", "Troy", "Barry", "Phil", "Walt", "Hank", "Sal", "Vinnie", "Joe", "Nick", "Paulo", "Dmitri", "Theo", "Felix", "Ben"]
LAST = ["Garrow", "Mahoney", "Kowalski", "Russo", "Delgado", "Brennan", "Okonkwo", "Sullivan", "Ferreira", "Nakamura", "Pham", "Carver", "Lindqvist", "Moretti", "Haskins", "Whitlock", "Ramos", "Fitzgerald", "Osei", "Kaplan", "Dubois", "Reyes", "Abernathy", "Kim", "Castillo", "Hoang", "Byrne", "Santangelo", "Wojcik", "Adeyemi", "Pryor", "Gallagher", "Vasquez", "Becker", "Lyons", "Marsh", "Thornton", "Quigley", "Barros", "Tran", "Doyle", "Petrakis", "Nolan", "Hendricks", "Caruso", "Ostrowski", "Baptiste", "Ng", "Morales", "Harrington", "Schultz", "Mensah", "Flanagan", "Cho", "Donnelly", "Rinaldi", "Silva", "Kowal", "Yates", "Pereira"]
WORDS = ["harbor", "gull", "dock", "pier", "tide", "salt", "brick", "ferry", "stoop", "lantern", "rowhouse", "anchor", "buoy", "fog", "crab", "oyster", "canal", "tugboat", "wharf", "marsh", "beacon", "cobble", "trolley", "bagel", "pretzel", "boardwalk", "lighthouse", "seawall", "drizzle", "rust", "copper", "maple", "birch", "quarry", "mill", "foundry", "signal", "transit", "bike", "bus", "corner", "deli", "coffee", "night", "early", "tired", "angry", "happy", "lazy", "civic", "local", "eastside", "westend", "northshore", "dockside", "fulton", "water", "market", "union", "garden", "tram", "rooftop", "porch", "alley", "sparrow", "heron", "pigeon", "barge", "kayak"]
MASTO_INST = (
    ["carroway.social"] * 5
    + ["mastodon.social"] * 3
    + ["harbor.town"] * 2
    + [
        "pcvoice.social",
        "hachyderm.io",
        "mas.to",
        "mstdn.social",
        "eastcoast.social",
        "tech.lgbt",
        "urbanists.social",
    ]
)
BSKY_CUSTOM_TLD = ["com", "net", "org", "me", "blog", "dev", "xyz"]

NBHD = [
    "Eastside",
    "Harborview",
    "Fulton Heights",
    "Dockside",
    "Old Mill",
    "Northshore",
    "Bellamy Park",
    "Westend",
    "Saltmarsh",
    "Union Yards",
    "Chapel Hill",
    "Lantern Row",
    "Quarry Flats",
    "South Docks",
]
STATION = [
    "Dock St",
    "Fulton Ave",
    "Harborview",
    "Union Yards",
    "Mill Road",
    "Bellamy Park",
    "Northshore Terminal",
    "City Hall",
    "Ferry Plaza",
    "Chapel St",
    "Saltmarsh Junction",
]
LINES = [
    "the Red Line",
    "Line 2",
    "the Blue Line",
    "the Harbor Shuttle",
    "the 14 bus",
    "the streetcar",
]
SITE = [
    "Eastside Library",
    "Harborview Rec Center",
    "Fulton Heights Middle School",
    "Old Mill Community Center",
    "Northshore Fire Hall",
    "Bellamy Park Senior Center",
    "the Union Yards Y",
    "Dockside Branch Library",
    "City Hall rotunda",
    "Saltmarsh Elementary",
]
STREET = [
    "Fulton Ave",
    "Water St",
    "Mill Road",
    "Chapel St",
    "Harbor Blvd",
    "Bellamy Ave",
    "Union St",
    "Quarry Rd",
    "Lantern Row",
    "Pier St",
    "Dock St",
    "Marsh Lane",
]
PARK = [
    "Bellamy Park",
    "Harbor Green",
    "the Quarry Flats dog park",
    "Lighthouse Point",
    "Mill Pond Park",
]
RESTAURANT = [
    "Sal's Pizza",
    "the Crab Shack on Pier 4",
    "Dockside Diner",
    "Lucky Pho",
    "Marisol's",
    "the Fulton Deli",
    "Bagel Barge",
    "Harbor Noodle",
    "Mama Osei's Kitchen",
    "The Rusty Anchor",
]
FOOD = [
    "pizza",
    "crab cakes",
    "bagels",
    "pho",
    "tacos",
    "jerk chicken",
    "dumplings",
    "oyster po'boys",
    "pupusas",
    "cannoli",
    "bánh mì",
    "fried clams",
]
TEAMS = ["Gulls", "Anchors"]
OPPONENTS = ["Boston", "Philly", "Baltimore", "Hartford", "Providence", "Jersey"]
HIGHWAY = ["I-95", "the Harbor Expressway", "Route 9", "the bypass"]
BRIDGE = ["Fulton", "Mill River", "Harbor", "Quarry"]
UNIONS = [
    "the Teachers Union",
    "SEIU Local 1199",
    "the Building Trades Council",
    "the Nurses Association",
    "the Firefighters Local 7",
    "Transit Workers Local 22",
]
INTEREST = [
    "developers",
    "the real estate lobby",
    "the police union",
    "the stadium owners",
    "the parking operators",
    "out-of-town landlords",
    "the port authority contractors",
]
JOB = [
    "nurse",
    "teacher",
    "bus driver",
    "renter",
    "small business owner",
    "line cook",
    "retiree",
    "union electrician",
    "grad student",
    "homeowner",
    "parent of two",
]
ISSUES = {
    "housing": [
        "rent stabilization",
        "the Harborview rezoning",
        "the vacancy tax",
        "inclusionary zoning",
        "the 4,000-unit Dockside plan",
        "eviction defense funding",
        "shelter capacity",
        "ADU permits",
        "public housing repairs",
        "the right-to-counsel program",
    ],
    "policing": [
        "the $412M police budget",
        "the civilian review board",
        "police overtime",
        "the body camera policy",
        "911 response times in Eastside",
        "the ShotSpotter contract",
        "the consent decree",
        "the crisis response teams",
    ],
    "budget": [
        "the $180M deficit",
        "the 3.1% property tax increase",
        "pension obligations",
        "the stadium bond",
        "the rainy-day fund",
        "the city's credit rating",
        "the parking meter lease",
        "the hiring freeze",
    ],
    "transit": [
        "the Line 2 extension",
        "the Fulton Ave bus lanes",
        "fare-free buses",
        "the ferry subsidy",
        "the CTA maintenance backlog",
        "the downtown congestion fee",
        "the Water St bike lanes",
        "bus frequency on the 14",
    ],
    "schools": [
        "the school closure plan",
        "the teachers' contract",
        "universal pre-K",
        "Eastside High's boiler",
        "school resource officers",
        "reading scores",
        "the school bus driver shortage",
        "the capital plan for Saltmarsh Elementary",
    ],
}
ISSUE_ITEMS = [i for v in ISSUES.values() for i in v]
ISSUE_STATS = {
    "housing": [
        "rents up 27% in five years",
        "1 in 5 units sitting vacant",
        "3,100 eviction filings last year",
        "only 212 affordable units finished",
        "a 14-month permit backlog",
        "2 of 9 promised shelters open",
    ],
    "policing": [
        "response times up 4 minutes",
        "overtime up 41%",
        "$31M in settlements since 2022",
        "clearance rates under 40%",
        "a $9M consultant contract",
    ],
    "budget": [
        "$62M over budget",
        "$23M in unpaid pension contributions",
        "a $9M consultant contract",
        "costs up 38% since 2022",
        "a downgrade warning from Moody's",
    ],
    "transit": [
        "ridership down 11%",
        "buses late 31% of the time",
        "a $1.2B maintenance backlog",
        "costs up 38% since 2022",
        "the 14 running every 22 minutes at rush hour",
    ],
    "schools": [
        "a 9% reading-score drop",
        "11 schools over capacity",
        "$48M in deferred repairs",
        "220 unfilled bus driver jobs",
    ],
}
ISSUE_TAGS = {
    "housing": "#HousingNow",
    "policing": "#PCPD",
    "budget": "#PCbudget",
    "transit": "#PCtransit",
    "schools": "#PCschools",
}
STATS = [
    "costs up 38% since 2022",
    "a 14-month permit backlog",
    "1 in 5 units sitting vacant",
    "$62M over budget",
    "response times up 4 minutes",
    "ridership down 11%",
    "overtime up 41%",
    "3,100 eviction filings last year",
    "only 212 affordable units finished",
    "a 9% reading-score drop",
    "$23M in unpaid pension contributions",
    "buses late 31% of the time",
    "a $9M consultant contract",
    "rents up 27% in five years",
    "2 of 9 promised shelters open",
]
VOTES = ["8-7", "unanimous", "9-6", "a 7-7 tie broken by the council president"]
MONEY = ["$40k", "$75k", "$120k", "$18k", "$250k"]


def _month_name(d: Date) -> str:
    return d.strftime("%B")


# ---- attacks -------------------------------------------------------------------------
ADJ = ["spineless", "clueless", "pathetic", "useless", "smug", "two-faced", "brain-dead", "incompetent", "delusional", "lying", "self-serving", "dim", "gutless", "slimy", "shameless", "arrogant", "dumb", "corrupt", "creepy", "unhinged", "washed-up", "fake", "sleazy", "weak", "whiny", "petty", "sniveling", "insufferable", "dishonest", "empty-headed", "talentless", "deranged", "bitter", "pompous", "sad", "cringe", "thin-skinned", "worthless", "witless", "vile", "dense", "sanctimonious", "phony", "clownish"]
NOUN_ANY = [
    "clown",
    "joke",
    "embarrassment",
    "moron",
    "idiot",
    "loser",
    "creep",
    "snake",
    "coward",
    "weasel",
    "airhead",
    "bozo",
    "fool",
    "blowhard",
    "disgrace",
    "windbag",
    "phony",
    "dope",
    "dunce",
    "buffoon",
    "nitwit",
    "muppet",
    "tool",
    "goofball",
    "dimwit",
    "hypocrite",
    "jackass",
    "dingbat",
    "numbskull",
    "liar",
    "fraud",
    "lunatic",
]
NOUN_POL = [
    "grifter",
    "hack",
    "puppet",
    "empty suit",
    "dinosaur",
    "con artist",
    "shill",
    "crook",
    "charlatan",
    "leech",
    "stooge",
    "lightweight",
    "sellout",
    "parasite",
]
NOUN = NOUN_ANY + NOUN_POL
POL_ROLES = ("candidate", "campaign_staff", "reporter", "moderator", "city_official")
ROLE_NOUN = {
    "candidate": [
        "empty suit",
        "career politician",
        "puppet",
        "fraud",
        "con artist",
        "sellout",
        "hypocrite",
        "professional liar",
        "corporate stooge",
    ],
    "campaign_staff": [
        "paid liar",
        "spin doctor",
        "flack",
        "lapdog",
        "bootlicker",
        "professional excuse-maker",
        "errand runner",
        "PR hack",
    ],
    "reporter": [
        "hack",
        "stenographer",
        "so-called journalist",
        "propagandist",
        "clickbait merchant",
        "activist with a press pass",
        "hack writer",
        "gossip columnist",
    ],
    "moderator": [
        "hack",
        "partisan hack",
        "joke of a moderator",
        "talking head",
        "teleprompter reader",
        "botox news anchor",
    ],
    "volunteer": [
        "cultist",
        "bootlicker",
        "groupie",
        "brainwashed drone",
        "unpaid clown",
        "try-hard",
    ],
    "city_official": ["bureaucrat", "paper pusher", "crony", "hack", "empty suit"],
    "influencer": ["clout chaser", "reply guy", "engagement farmer", "keyboard warrior", "troll"],
    "resident": [
        "weirdo",
        "main character",
        "attention seeker",
        "crank",
        "keyboard warrior",
        "troll",
        "loser",
    ],
    "private_person": ["psycho", "nutjob", "entitled brat", "lunatic", "menace", "weirdo", "crank"],
}
INTEL3 = [
    "has the IQ of a parking meter",
    "couldn't read a budget if you paid {him}",
    "is dumber than a bag of harbor rocks",
    "couldn't find City Hall with a map and a tour guide",
    "has two brain cells and they're both on vacation",
    "thinks a spreadsheet is a bedsheet",
    "can't string two sentences together",
    "makes a goldfish look like a genius",
    "has never had an original thought",
    "isn't smart enough to run a lemonade stand",
    "gets outsmarted by revolving doors",
    "is running on zero brain cells",
    "can't count past ten without a calculator",
    "has the reading level of a cereal box",
    "is not the brightest bulb on Harbor Blvd",
    "would lose a debate to a traffic cone",
    "thinks the deficit is a type of yoga",
    "has a brain like a screen door",
]
INTEL2 = [
    "have the IQ of a parking meter",
    "couldn't read a budget if someone paid you",
    "are dumber than a bag of harbor rocks",
    "couldn't find City Hall with a map",
    "have two brain cells and they're both on vacation",
    "can't string two sentences together",
    "make a goldfish look like a genius",
    "have never had an original thought",
    "aren't smart enough to run a lemonade stand",
    "would lose a debate to a traffic cone",
    "have the reading level of a cereal box",
    "are running on zero brain cells",
]
CHAR3 = [
    "would sell out {his} own mother for a vote",
    "hasn't told the truth once this whole campaign",
    "is a snake and everybody knows it",
    "stabs everyone in the back eventually",
    "is rotten to the core",
    "has no spine and no shame",
    "lies as easy as breathing",
    "is the most two-faced person in Carroway politics",
    "will say anything to anyone",
    "is a bully who hides behind staffers",
    "treats people like garbage",
    "is fake from head to toe",
    "has been lying since day one",
    "has zero integrity",
    "would throw {his} own team under the bus",
    "is the definition of a hypocrite",
]
CHAR2 = [
    "would sell out your own mother for a vote",
    "haven't told the truth once",
    "are a snake and everybody knows it",
    "are rotten to the core",
    "have no spine and no shame",
    "lie as easy as breathing",
    "will say anything to anyone",
    "treat people like garbage",
    "are fake from head to toe",
    "have zero integrity",
    "are the definition of a hypocrite",
]
MOTIVE3 = [
    "is only in it for the donors",
    "is bought and paid for by developers",
    "is just a clout chaser",
    "just wants a book deal",
    "is doing it all for the cameras",
    "only cares about the next job",
    "is a puppet for the real estate lobby",
    "works for whoever pays the most",
    "is farming engagement like always",
    "only shows up when there's a camera",
    "is auditioning for cable news",
    "cares about {himself} and nobody else",
]
MOTIVE2 = [
    "are only in it for the donors",
    "are bought and paid for",
    "are just a clout chaser",
    "only show up when there's a camera",
    "are auditioning for cable news",
    "only care about yourself",
    "work for whoever pays the most",
    "are farming engagement",
]
LOOKS = [
    "that haircut",
    "that smirk",
    "that permanent smug face",
    "that cheap suit",
    "those fake teeth",
    "that botox forehead",
    "that voice",
    "that combover",
    "that spray tan",
    "those dead eyes",
    "that weird grin",
    "that sweater vest",
    "those clown glasses",
    "that face",
    "that fleece vest",
]
LOOKSLIKE = [
    "a melted candle",
    "a substitute teacher who gave up",
    "a used car salesman",
    "a thumb in a suit",
    "a wax figure left in the sun",
    "an off-brand muppet",
    "a ferret in a blazer",
    "a stock photo of a divorce lawyer",
    "a mannequin that learned to lie",
    "somebody's disappointing uncle",
    "a potato with a press secretary",
    "a deflated parade balloon",
    "a haunted Ken doll",
    "a LinkedIn profile come to life",
    "a lost mall cop",
]
IDENT = [
    "typical out-of-touch rich kid",
    "trust fund baby",
    "carpetbagger",
    "suburban transplant",
    "senile dinosaur",
    "Ivy League snob",
    "limousine liberal",
    "country club phony",
    "nepo baby",
    "entitled yuppie",
    "washed-up old hack",
    "professional victim",
    "spoiled rich brat",
    "tourist who moved here in 2019",
    "out-of-towner who thinks they own the place",
]
ANNOY = [
    "a parking ticket",
    "a pothole",
    "a car alarm at 3am",
    "a wet sock",
    "a group project",
    "a broken escalator",
    "a reply-all email",
    "a dead phone battery",
    "a delayed Red Line train",
]
EMBARR = [
    "embarrassment",
    "disaster",
    "punchline",
    "cautionary tale",
    "dumpster fire",
    "trainwreck",
]

T3 = [
    "{N} is a {adj} {noun}",
    "{N} is such a {noun}",
    "{N} is the most {adj} {noun} in this city",
    "{N} {intel}",
    "{N} {char}",
    "{N} looks like {lookslike}",
    "{N} with {looks} 🤮",
    "can't take {N} seriously with {looks}",
    "what a {adj} {noun} {N} is",
    "imagine being as {adj} as {N}",
    "{N} = {noun}",
    "{N} is a {noun}. that's the post",
    "{N} is a {adj} {noun} and everyone knows it",
    "somebody tell {N} {he}'s a {noun}",
    "{N} is a walking {embarr}",
    "{N} is {adj} and {adj2}",
    "{N} is a {noun} who {char}",
    "how is {N} this {adj}",
    "{N} has never been anything but a {adj} {noun}",
    "{N} couldn't be more of a {noun} if {he} tried",
    "every time {N} opens {his} mouth {he} proves {he}'s a {noun}",
    "{N}'s entire personality is being a {noun}",
    "{N} is the {noun} we all warned you about",
    "{N}: {adj}. {adj2}. {noun}.",
    "friendly reminder that {N} is a {adj} {noun}",
    "no one is more {adj} than {N}",
    "{N} is a {noun} in a {cheap}",
    "{N} is the human version of {annoy}",
    "honestly {N} is a {noun}",
    "{N} makes me sick. what a {noun}",
    "{N} is a {adj} little {noun}",
    "{N} has the charisma of {annoy}",
    "{N} gives {adj} {noun} energy",
    "{N} being a {noun} again, shocking",
    "why does anyone listen to {N}, {he}'s a {noun}",
    "{N} is a {noun} with {looks}",
    "{N} is a {adj} {noun}, next question",
    "the most {adj} {noun} in Carroway is {N} and it isn't close",
    "{N} is a {adj} {noun}. full stop",
    "{N} is an absolute {noun}",
    "can we talk about how {adj} {N} is",
    "{N} is so {adj} it hurts",
    "everything about {N} screams {noun}",
    "{N} is a certified {noun}",
    "{N} was born a {noun} and will die a {noun}",
    "{N}'s face when {he} realizes everyone thinks {he}'s a {noun}",
    "never met a bigger {noun} than {N}",
    "{N} needs to go away forever, {adj} {noun}",
    "{N} is the worst person on this app",
    "{N} is embarrassing and {he} doesn't even know it",
]
T3_POL = [
    "{N} {motive}",
    "{N} is a {noun} and {his} fans are worse",
    "{N} is a {noun}, {his} whole career is a {embarr}",
    "{N} isn't fit to run a bake sale, {adj} {noun}",
    "{N} should be embarrassed to show {his} face in this city",
    "imagine voting for {N}. {adj} {noun}",
    "{N} has been a {adj} {noun} since {his} first day in office",
    "{N} is a {ident}",
    "Carroway deserves better than this {adj} {noun} {N}",
]
T2 = [
    "you're a {adj} {noun}",
    "you are such a {noun}",
    "you {adj} {noun}",
    "log off, {noun}",
    "nobody asked you, {noun}",
    "sit down you {adj} {noun}",
    "you {intel2}",
    "you {char2}",
    "you {motive2}",
    "you look like {lookslike}",
    "you're a {ident}",
    "what a {adj} {noun} you are",
    "delete your account, {noun}",
    "you should be ashamed of yourself, you {noun}",
    "imagine being this {adj}",
    "you are the most {adj} person in Carroway",
    "get lost {noun}",
    "you're an embarrassment to this city",
    "you're not fooling anyone, {noun}",
    "go away you {adj} {noun}",
    "shut up {noun}",
    "quit before you embarrass yourself more, {noun}",
    "you're a {noun} and everyone can see it",
    "how are you this {adj}",
    "the audacity of this {noun}",
    "touch grass, {noun}",
    "ratio + you're a {noun}",
    "you have the charisma of {annoy}",
    "nobody likes you, {noun}",
    "you are a walking {embarr}",
    "you're {adj} and {adj2}",
    "stop talking you {adj} {noun}",
    "what a {noun}. seriously",
    "you {adj} little {noun}",
    "you're a {noun} with {looks}",
    "hey {noun}, nobody wants you here",
    "you're a {adj} {noun}, go home",
    "absolute {noun} behavior from you",
    "you are genuinely the most {adj} {noun} on here",
    "keep talking, {noun}, you're only proving it",
]
SARC = [
    "wow {N}, truly a genius 🙄",
    "{N} really thinks {he}'s smart lmao",
    "another masterclass in stupidity from {N}",
    "so proud of {N} for learning to use a phone",
    "can't wait for {N} to embarrass us again tomorrow",
    "{N} never misses a chance to look like a {noun}",
    "oh great, {N} has thoughts. brilliant as always 🙄",
    "shocking, {N} said something dumb again",
    "{N} out here proving the {noun} allegations",
    "Nobel prize for being a {noun} goes to {N}",
    "{N} is a visionary. a visionary {noun} 😂",
    "yes {N}, very smart, much wow 🙄",
    "another day, another {adj} take from our favorite {noun} {N}",
]
SARC2 = [
    "wow, truly a genius 🙄",
    "so brave of you to be this {adj} in public",
    "incredible. you're a {noun} AND proud of it",
    "very smart, much wow 🙄",
    "congrats on being the biggest {noun} in the city today",
    "genius. absolute genius. {noun}.",
]
DEBATE3 = [
    "{N} is sweating through {his} {cheap} up there, what a {noun}",
    "{N} can't answer a single question, {adj} {noun}",
    "mute {N}'s mic, nobody wants to hear this {noun}",
    "{N} is getting destroyed and is too {adj} to notice",
    "{N} just lied again. {adj} {noun}",
    "{N} looks like {lookslike} on that stage",
    "{N} is a {noun}, this debate proves it",
    "every answer from {N} is word salad. {adj} {noun}",
    "{N} blinking like a {noun} in headlights",
    "watching {N} try to think is painful. {noun}",
    "{N} is the worst {noun} on that stage",
]
ROLE3 = {
    "reporter": [
        "{N} is a {adj} hack who writes fan fiction and calls it news",
        "{N} couldn't report the weather without spinning it",
        "{N} is a stenographer for the campaigns, {adj} {noun}",
        "{N} is an activist with a press pass",
        "{N} should lose {his} press pass, {adj} hack",
        "{N} is the worst reporter in Carroway and it isn't close",
    ],
    "campaign_staff": [
        "{N} gets paid to lie and is bad even at that",
        "{N} is a {adj} spin doctor",
        "{N} is the {boss} campaign's chief {noun}",
        "{N} is a professional excuse-maker, {adj} {noun}",
    ],
    "moderator": [
        "{N} is a {adj} hack, get {him} off the stage",
        "{N} is in the tank for {cand}, {adj} {noun}",
        "{N} is the worst moderator this city has ever seen, useless {noun}",
        "{N} is a {adj} talking head with a teleprompter brain",
    ],
    "volunteer": [
        "{N} is a brainwashed groupie for {cand}",
        "{N} is a {adj} cultist knocking on doors",
        "{N} is the most annoying {noun} in {nbhd}",
    ],
    "private_person": [
        "{N} is an entitled {noun}",
        "{N} is unhinged, what a {noun}",
        "{N} should be banned from {place} for life, {adj} {noun}",
        "{N} is the worst person in Carroway",
        "{N} is a menace, {adj} {noun}",
    ],
    "resident": [
        "{N} has main character syndrome, {adj} {noun}",
        "{N} is a {adj} attention seeker",
        "{N} is the worst poster in this city",
    ],
}
ROLE2 = {
    "reporter": [
        "you're a hack and everyone knows it",
        "you write fan fiction and call it news, {noun}",
        "fake journalist. {adj} {noun}",
        "you should lose your press pass, {adj} hack",
    ],
    "campaign_staff": [
        "you get paid to lie and you're bad at it",
        "spin harder, {noun}",
        "you paid {noun}",
    ],
    "moderator": [
        "worst moderator ever, you {adj} hack",
        "you're a partisan hack, get off the stage",
    ],
    "volunteer": ["you're a brainwashed groupie", "get a life you {adj} cultist"],
    "private_person": ["you're unhinged", "you entitled {noun}"],
    "resident": [
        "you have main character syndrome, {noun}",
        "you're the worst poster in this city, {noun}",
    ],
}
ES3 = [
    "{N} es un payaso 🤡",
    "qué vergüenza {N}, mentiroso",
    "{N} no sirve para nada",
    "{N} es una vergüenza para esta ciudad",
    "{N} es un mentiroso y un cobarde",
    "cállate {N}, payaso",
    "{N} es un fraude total",
]
ES2 = ["eres un payaso 🤡", "mentiroso", "qué vergüenza, no sirves para nada", "cállate, fraude"]
PT3 = ["{N} é um palhaço", "que vergonha, {N}", "{N} é um mentiroso"]
OPENERS = [
    "lol ",
    "lmao ",
    "bro ",
    "ngl ",
    "honestly ",
    "yikes. ",
    "oh look, ",
    "fr ",
    "istg ",
    "ok but ",
    "reminder: ",
    "say it with me: ",
    "not gonna lie, ",
    "jesus. ",
    "every single day ",
    "wow. ",
    "🙄 ",
    "😂😂 ",
    "PSA: ",
    "imagine voting for this. ",
    "again?? ",
    "nah ",
    "ugh. ",
    "sorry but ",
    "yeah so ",
]
CLOSERS = [
    ".",
    "!",
    "!!",
    " lol",
    " lmao",
    " 🤡",
    " 🐍",
    " 🤮",
    " 💩",
    " 🙄",
    " 🗑️",
    " get lost",
    " 🤡🤡🤡",
    " clown behavior",
    " L + ratio",
    " touch grass",
    " sit down",
    " nobody likes you",
    " resign",
    " do better",
    " embarrassing",
    " yikes",
    " fr fr",
    " smh",
    " 💀",
    " 🥱",
    " 👎",
    " 😂",
    " bye",
    " and I'm tired of pretending otherwise",
    " no offense",
    " (all offense)",
    " end of story",
]
CHEAP = [
    "cheap suit",
    "fleece vest",
    "thrift store blazer",
    "clip-on tie",
    "campaign t-shirt",
    "borrowed blazer",
]
MISSPELL = {
    "you're": "your",
    "idiot": "idot",
    "embarrassment": "embarassment",
    "embarrassing": "embarassing",
    "ridiculous": "rediculous",
    "stupid": "stoopid",
    "because": "bc",
    "your": "ur",
    "you": "u",
    "loser": "looser",
    "liar": "lier",
    "definitely": "definately",
    "their": "there",
    "pathetic": "pathetc",
    "seriously": "srsly",
    "people": "ppl",
    "honestly": "honestly",
    "really": "rly",
    "about": "abt",
    "though": "tho",
    "clueless": "cluless",
    "moron": "moran",
    "incompetent": "incompetant",
    "disgrace": "disgrase",
    "nobody": "noone",
    "tomorrow": "tmrw",
}
_MIS_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in MISSPELL) + r")\b", re.I)
_PROTECT = re.compile(r"(https?://\S+|@[\w.\-]+(?:@[\w.\-]+)?|\bu/[\w\-]+|#\w+)")
_SLOT = re.compile(r"\{(\w+)\}")

# ---- substantive ----------------------------------------------------------------------
SUB3 = [
    "{C}'s plan for {I} doesn't add up. where does the money come from?",
    "{C} voted against {I} in {year} and now campaigns on it. the record matters",
    "if {C} wins, {I} is dead. that's a real cost for renters in {nbhd}",
    "read the fine print on {I}: it helps {interest} more than tenants",
    "{C}'s answer on {I} at the forum was vague. I want numbers",
    "under {C}, {I} got worse, not better. look at the audit: {stat}",
    "harsh but fair: {C}'s record on {I} is a failure. {stat}",
    "{C} keeps promising {I} without a funding source. that's a slogan, not a plan",
    "compare the plans: {C} wants to expand {I}, {C2} wants to cut it. clear choice",
    "honest question for {C}: how do you pay for {I} without raising property taxes?",
    "disastrous vote by {C} on {I}. renters will pay for it",
    "I like {C} on {I} but the plan for {I2} is weak",
    "{I} polls at the top of every survey and {C} barely mentions it",
    "the {I} debate is really about who pays. {C} won't say",
    "{C} is right about {I}. {stat} is not acceptable",
    "{C}'s position on {I} changed three times this year. which one is it?",
    "the {I} plan from {C} wouldn't break ground until 2031. too slow",
    "property taxes are up and {I} still isn't funded. explain that, {C}",
    "{C} took {money} from {interest} and then voted for {I}. voters should know that",
    "I went to the {nbhd} forum. {C} had specifics on {I}, {C2} had talking points",
    "{I} is a giveaway to {interest} and {C} signed off on it",
    "every candidate says they'll fix {I}. only {C} has put a number on it",
    "the {I} vote was {vote}. {C} was on the wrong side of it",
    "{C}'s record on {I} is indefensible: {stat}",
    "reckless. {C} wants to gut {I} with no replacement",
    "{C} promised {I} in the last campaign too. {stat}. what changed?",
    "{C}'s budget math on {I} is off by tens of millions, the comptroller said so",
    "a mayor who voted against {I} twice shouldn't get a third chance at it. look at {C}'s record",
    "{C}'s {I} proposal is the most serious one in the race, even if the price tag is high",
    "the {I} numbers {C} keeps citing are from 2021. {stat} now",
]
SUB0 = [
    "nobody is talking about {I} and it's the biggest issue in this race",
    "{I} is the whole ballgame for working families in this city",
    "the comptroller's numbers on {I} are brutal: {stat}",
    "we spent years on {I} and got {stat}. time for a different approach",
    "thread on {I} and what each candidate actually proposes 🧵",
    "data point: {stat}. whoever wins has to deal with {I} on day one",
    "as a {job} in {nbhd}, {I} is the thing that actually affects my life",
    "the council vote on {I} was {vote}. worth knowing who voted how",
    "{I} and {I2} are connected and nobody in this race is treating them that way",
    "if you care about {I}, read the budget book before you vote. {stat}",
    "my rent went up again. {I} is not an abstract debate for me",
    "the real question on {I} is enforcement, not the headline number",
    "the city has {stat} and we're arguing about slogans. fix {I}",
    "unpopular opinion: {I} matters more than {I2} this cycle",
    "every mailer mentions {I} and none of them mention the cost",
]
SUB2 = [
    "you voted against {I} in {year}. explain that to renters in {nbhd}",
    "your {I} plan has no funding source. where does the money come from?",
    "you promised {I} four years ago. {stat}. what happened?",
    "your record on {I} is a failure and you know it: {stat}",
    "how do you square your {I} vote with what you're saying now?",
    "with respect, your answer on {I} is wrong. {stat}",
    "you took {money} from {interest}. then you voted for {I}. that's the record",
    "this is a terrible plan for {I}. it hurts {nbhd} the most",
]
SUB_REPLY = [
    "that's not what the audit says. {stat}",
    "the {I} numbers are in the budget book, p. {n}",
    "they did vote for it, check the council minutes",
    "cite your sources on {I} please",
    "this ignores that {stat}",
    "the {I} plan was amended in committee, the old numbers are wrong",
    "{I} worked in Providence and Philly, the evidence is pretty clear",
    "the problem with {I} is enforcement, not funding",
    "agree on {I}, disagree on {I2}",
    "the comptroller report literally says {stat}",
    "this is the best explainer on {I} I've seen",
]
SUB_ES = [
    "La renta en {nbhd} subió y nadie tiene un plan real para la vivienda",
    "Necesitamos vivienda asequible, no promesas.",
    "¿Cómo va a pagar {C} por sus promesas? Nadie lo explica",
    "Los autobuses en {nbhd} llegan tarde siempre. El transporte es el tema de esta elección",
]

# ---- other / chatter ------------------------------------------------------------------
CHAT = {
    "transit": [
        "{line} stuck at {station} again. {n} minutes and counting",
        "bus 14 just blew past my stop at {station} 🙃",
        "ferry delayed, fog on the harbor again",
        "the {station} escalator has been broken since {month} I swear",
        "shoutout to the bus driver who waited for me at {station} this morning 🙏",
        "why does {line} smell like that today",
        "{line} every 20 min on a weekday is not a serious transit system",
        "anyone else's train just sitting outside {station}?",
        "biked across the {bridge} bridge, the wind almost took me out",
        "CTA app says 3 min, it's been 15. classic",
        "parking on {street} during street cleaning is a blood sport",
        "traffic on {highway} backed up to {nbhd}, avoid",
        "new bus shelter at {station}! only took 4 years",
        "the CTA is a joke today",
        "{line} is single-tracking again, pack a snack",
        "someone left a full lasagna on the {station} platform and honestly respect",
    ],
    "weather": [
        "fog on the harbor this morning is unreal",
        "{temp} degrees in {monthname}?? ok",
        "rain all day in {nbhd}, umbrellas inside out everywhere",
        "wind off the bay is brutal today",
        "first real cold morning. scarf season",
        "sunset over {nbhd} tonight 😍",
        "the leaves in {park} are peaking right now, go",
        "forecast says rain all weekend, great",
        "nor'easter watch for the weekend, stock up on bagels",
        "it's sweater weather and I'm thriving",
    ],
    "sports": [
        "Gulls by {n} on Sunday, calling it now",
        "the {team} secondary is a crime scene",
        "{team} game at {time}, where's everyone watching in {nbhd}?",
        "Anchors power play is cursed, {n} straight games",
        "LETS GO {TEAM}",
        "how are the {team} this bad at home",
        "hockey season is here and I'm already stressed",
        "{team} vs {opp} tonight, the bars on {street} are going to be packed",
        "trade deadline rumors have me refreshing all day",
        "the Gulls kicker owes me money",
    ],
    "food": [
        "best {food} in {nbhd}? go",
        "the line at {restaurant} is around the block again",
        "new bakery on {street} is legit, get the cardamom bun",
        "{restaurant} closing after 40 years, end of an era 😢",
        "farmers market at {park} this saturday, cider donuts are back",
        "hot take: {restaurant} is overrated",
        "Halloween decorations on {street} are out of control this year 🎃",
        "{food} from {restaurant} hits different at midnight",
        "whoever keeps parking in the bike lane on {street}: we see you",
    ],
    "civic": [
        "early voting at {site} is open until 7 today",
        "where do I drop off my mail ballot in {nbhd}?",
        "poll worker training at {site} tonight, they still need people",
        "sample ballot is up on the BOE site, it's long this year",
        "line at {site} early voting was 20 min this morning, not bad",
        "does anyone know if {site} is still a polling place?",
        "candidate forum at {site} tonight at {time}, housing and transit",
        "{cname} town hall in {nbhd} tonight, anyone going?",
        "got three campaign mailers today, all with the same stock photo of the harbor",
        "canvassers came by twice today lol, I'm voting, I promise",
        "my ballot is in. feels good 🗳️",
        "the comptroller race is so under the radar",
        "who's running for council district {n}? never heard of any of them",
        "BOE website down again, come on",
        "311 marked my pothole report fixed. it is not fixed",
        "{cname} signs going up all over {nbhd}",
        "saw {cname} at {restaurant} shaking hands, pretty normal guy/gal honestly",
        "volunteering at the {site} polling place next week, ask me anything",
    ],
    "jokes": [
        "the only thing every candidate agrees on is that parking is bad",
        "my cat has more ground game than some of these campaigns",
        "every mayoral ad this year is someone walking by the harbor looking concerned",
        "somebody run on fixing the {station} escalator, instant landslide",
        "I'd vote for whoever brings back the {food} truck on {street}",
        "Carroway politics is the same 40 people yelling at each other and I love it",
        "if one more candidate says 'world-class waterfront' I'm walking into the harbor",
        "election season means 80% of my texts are from numbers I don't know",
        "ranked my top 5 campaign yard signs by font choice, thread 🧵",
        "the gulls at {park} have more coherent policy than this council",
    ],
    "misc": [
        "anyone know why there are helicopters over {nbhd}?",
        "power out on {street}? anyone else",
        "lost dog near {park}, brown lab, answers to Biscuit, pls share",
        "looking for a plumber in {nbhd} who won't charge $400 to look at a sink",
        "is the {park} farmers market still on this weekend?",
        "free flu shots at {site} today",
        "the new mural on {street} is gorgeous",
        "road closure on {street} all day, heads up",
        "anyone selling two tickets to the {team} game?",
        "my landlord finally fixed the heat. miracles happen",
    ],
}
CHAT_TAGS = {
    "transit": ["#CTAfail", "#PCtransit", "#PortCarroway"],
    "weather": ["#PCweather", "#PortCarroway"],
    "sports": ["#PortCarroway", "#CarrowaySports"],
    "food": ["#CarrowayEats", "#PortCarroway"],
    "civic": ["#CarrowayVotes", "#PCMayor", "#PCpol"],
    "jokes": ["#PortCarroway", "#PCpol"],
    "misc": ["#PortCarroway", "#PCnews"],
}
CHAT_W = {
    "transit": 0.2,
    "weather": 0.1,
    "sports": 0.14,
    "food": 0.12,
    "civic": 0.2,
    "jokes": 0.1,
    "misc": 0.14,
}
REPLY_CHAT = [
    "lol true",
    "this ^",
    "source?",
    "100%",
    "wait really?",
    "same",
    "thank you for posting this",
    "ok that's fair",
    "hard disagree but ok",
    "good point",
    "ha",
    "seconding this",
    "where is this?",
    "that's wild",
    "lmao",
    "💯",
    "😂😂",
    "yep",
    "no way",
    "I was there, can confirm",
    "do you have a link?",
    "this is the most Carroway thing ever",
    "fair enough",
    "respectfully, no",
    "huh, didn't know that",
    "following",
    "saving this",
    "bump",
    "agreed",
    "🙏",
    "ugh same",
    "wild",
    "classic CTA",
    "yikes",
    "god I love this city",
    "not wrong",
    "this made my day",
    "🤣",
    "say more",
    "big if true",
    "no notes",
    "lol ok",
    "real",
    "can confirm, {station} is cursed",
    "I'll be there",
    "see you there!",
]
CHAT_FOREIGN = [
    ("es", "¿Dónde puedo votar temprano en {nbhd}?"),
    ("es", "La votación anticipada en {site} está abierta hasta las 7"),
    ("es", "Hoy llueve todo el día en {nbhd}"),
    ("es", "¡Vamos {team}!"),
    ("es", "¿Alguien sabe si el autobús 14 está funcionando?"),
    ("es", "Los precios de la renta en {nbhd} están imposibles"),
    ("es", "jajaja qué día más largo"),
    ("pt", "Alguém sabe onde votar em {nbhd}?"),
    ("pt", "Que frio hoje no porto"),
    ("pt", "Vamos {team}!"),
    ("ht", "Ki kote m ka vote bonè nan {nbhd}?"),
    ("ht", "Lapli ap tonbe tout jounen an"),
    ("zh", "今天港口的雾好大"),
    ("zh", "提前投票排队大概二十分钟"),
    ("vi", "Ai biết chỗ bỏ phiếu sớm ở {nbhd} không?"),
    ("vi", "Hôm nay mưa cả ngày"),
    ("fr", "Quelqu'un sait où voter à {nbhd} ?"),
    ("pl", "Ktoś wie, gdzie głosować w {nbhd}?"),
]
SPAT_OTHER = [
    "that's not what I said",
    "lol ok buddy",
    "source?",
    "you clearly didn't read the article",
    "whatever man",
    "cope",
    "read a book",
    "you're moving the goalposts",
    "ok and?",
    "I'm done with this",
    "go look at the numbers yourself",
    "blocked",
    "imagine caring this much",
    "lmao sure",
]
CHEER = [
    "{N} 🔥🔥🔥",
    "{queen} 👑",
    "absolute legend",
    "{N} for mayor 🙌",
    "our next mayor!!",
    "so proud to vote for {N}",
    "💪💪💪",
    "let's gooo {N}",
    "{N} ate and left no crumbs",
    "this is leadership",
    "obsessed with this",
    "iconic",
    "{N} is {HIM}",
    "slay",
    "chef's kiss 🤌",
    "GOAT 🐐",
    "unstoppable",
    "what a speech",
    "{N} killed it tonight",
    "absolutely murdered that speech 🔥",
    "savage 😂🔥 love it",
    "beast mode",
    "{N} the GOAT",
    "I'd run through a wall for {N}",
    "crying at this 😭❤️",
    "Carroway deserves this",
    "❤️❤️❤️",
    "👏👏👏",
    "yes yes YES",
    "finally a candidate who gets it",
    "sign me up to knock doors",
    "best rally I've been to",
    "the crowd was electric tonight",
    "frame this",
    "{mother}",
    "W",
    "huge W",
    "massive W for {N}",
    "{N} cooked 🔥",
    "the way {N} just owned that room",
    "{N} is so real for this",
    "we love {N} in {nbhd} 💙",
    "{N}!!!! 🙌🙌",
    "proud to stand with {N}",
    "this is why I'm voting {N}",
    "{N} is a force of nature",
    "literally shaking, {N} is incredible",
    "🔥",
    "🙌🙌🙌",
    "👑",
    "legend behavior",
]
DEFEND = [
    "leave {him} alone, this is harassment",
    "y'all need to log off",
    "disagree with {him} all you want but the insults are gross",
    "this pile-on is disgusting",
    "reporting every one of these replies",
    "imagine spending your {weekday} harassing a stranger",
    "the replies here are why nobody wants to run for office",
    "criticize the work, not the person",
    "wow the replies. be better, Carroway",
    "sending love to {N}, this is ugly",
    "none of you would say this to {his} face",
    "this is what a harassment campaign looks like",
    "blocking everyone in these replies",
    "{N} did nothing to deserve this",
    "it's one post, people. relax",
    "get a grip, all of you",
    "stand with {N} 💙",
    "this is so out of proportion",
    "half of these accounts were made this week lol",
    "you can make your point without the name-calling",
]
DEFEND_ATTACK = [
    "you people are pathetic, get a life",
    "look at all these {adj} trolls piling on",
    "the {adj} clowns in these replies need to log off forever",
    "you're a {adj} coward hiding behind an anon account",
]
ONLOOK = [
    "the replies on this are wild",
    "main character of the day is {N} apparently",
    "why is everyone talking about {N}",
    "what did {N} do?",
    "who had {N} trending on their bingo card",
    "this is getting ugly",
    "muting this thread",
    "the ratio is insane",
    "context?",
    "I'm just here for the replies 🍿",
    "oh no {N} is trending",
    "logging on to see {N} everywhere",
    "can someone explain the {N} thing",
    "the timeline today is exhausting",
    "every post on my feed is about {N} now",
    "somebody screenshot this before it's deleted",
    "yikes",
    "👀",
    "this site is a lot today",
    "the {N} discourse has reached every platform",
    "oof",
    "not the {N} drama again",
    "I leave for one hour and {N} is trending??",
    "this is the most online this city has ever been",
]
SELF_REPLY = [
    "I'm logging off for a bit.",
    "To everyone in my replies: I hear you, and I'm not going anywhere.",
    "Thank you to everyone sending kind messages today.",
    "I've muted this thread. If you want to talk policy, my inbox is open.",
    "Wow. Ok. I could have said that better.",
    "Deleting my earlier post, it wasn't worded well. Apologies.",
    "going private for a while, this is too much",
]
QT_OTHER = [
    "this you? 😂",
    "of all the takes today",
    "someone check on this person",
    "the worst take I've seen all week",
    "imagine posting this with your chest",
    "Carroway, it's your move",
    "well that's a choice",
    "screenshotting this for posterity",
    "ok who wants to tell {him}",
    "😬😬😬",
    "I have so many questions",
]
QT_ATTACK = [
    "this {adj} {noun} wants to run our city",
    "{N} is a {adj} {noun} and this post proves it",
    "look at this {noun}. just look at it",
    "of course {N} posted this. {adj} {noun}",
]
GAFFES = [
    "Honestly if you can't afford {nbhd}, there are plenty of nice towns an hour away.",
    "I've never needed the bus, but I hear it works great for people who do.",
    "The harbor smell is part of our charm. People need to toughen up.",
    "Teachers get summers off, they can handle a few more students per class.",
    "Renters are not really stakeholders the way homeowners are.",
    "Crime in {nbhd} is mostly a perception problem.",
    "Fun fact: I've never been to {nbhd}! Excited to visit someday.",
    "Potholes build character 😄",
    "I don't debate people who haven't run a business.",
    "If people wanted better schools they'd move to better districts.",
    "Honestly the ferry is a luxury, not a necessity.",
]
STAFF_TRIG = [
    "Tonight's poll is garbage and everyone knows it. {boss} is up by 10.",
    "Resurfaced: my post from 2019, '{nbhd} is a lost cause, just bulldoze it'. I was young and dumb.",
    "Reporters who ask about {I} are doing the other campaign's work for free.",
    "Fun night at {restaurant} with the team! (yes we expensed it 😂)",
    "If you're still undecided at this point, honestly, stay home.",
]
REPORTER_TRIG = [
    "NEW from me: {headline} {link}",
    "My story on {cname}'s donors is up. {link}",
    "{cname} campaign didn't respond to requests for comment. {link}",
    "Scoop: {headline} {link}",
]
VOL_TRIG = [
    "Knocked {n} doors for {cname} today! {nbhd} is ready 💪",
    "Had a voter tell me {cname2} is the only honest one. Sorry, it's {cname} all the way 😂",
    "I'll say it: if you vote for {cname2} you don't care about this city.",
    "Canvassing selfie! Rain can't stop us ☔",
    "Phone banking tonight, 300 calls, 2 hang-ups, 1 marriage proposal",
]
HOT_TAKES = [
    "Hot take: people who don't drive shouldn't get a vote on parking.",
    "Unpopular opinion: the harbor ferry should be for residents only.",
    "I don't tip at coffee shops and I'm not sorry.",
    "Honestly {nbhd} was better before all the new people moved in.",
    "If you're on your phone in the early voting line you should be sent home.",
    "Real Carroway people don't eat at {restaurant}. Fight me.",
    "Kids should not be allowed on the ferry after 6pm.",
    "Poll workers are volunteers so they don't have to be nice to you. Deal with it.",
    "Anyone who puts up a yard sign is a narcissist, sorry not sorry.",
    "Renters should have to pass a test before they vote on housing.",
]
PRIVATE_SCEN = [  # (scenario text, nickname word, gender)
    (
        "woman at the {site} early voting site ripping down yard signs and screaming at volunteers 😳 [video]",
        "Sign Lady",
        "f",
    ),
    (
        "this man parked his truck across the {street} bike lane and told the cyclist to 'move to Holland' [video]",
        "Bike Lane",
        "m",
    ),
    (
        "lady on the ferry lecturing a teenager for 10 minutes about who to vote for [video]",
        "Ferry",
        "f",
    ),
    (
        "guy at {restaurant} threw his drink at a canvasser over a campaign button [video]",
        "Button",
        "m",
    ),
    (
        "man at the {nbhd} council meeting calling everyone in the room communists for 20 minutes straight [video]",
        "Council",
        "m",
    ),
    (
        "woman blocking the {site} parking lot because 'poll workers shouldn't get the good spots' [video]",
        "Parking Lot",
        "f",
    ),
    ("this guy at the {team} tailgate screaming at a poll volunteer [video]", "Tailgate", "m"),
    (
        "landlord in {nbhd} caught on camera tearing down tenant union flyers [video]",
        "Landlord",
        "m",
    ),
]
HEADLINES = [
    "{cname}'s campaign took {money} from {interest}, filings show",
    "Audit finds {I}: {stat}",
    "City Hall quietly approved $14M in overtime for {I}",
    "{cname} missed 11 of the last 20 council votes",
    "Inside the fight over {I}",
    "Poll: {cname} leads with {pct}%, {cname2} second",
    "{cname}'s company owed $40k in back taxes, records show",
    "Board of Elections extends early voting hours in {nbhd}",
    "Documents show {cname}'s office knew about {I} problems in {year}",
    "{cname} donor got no-bid contract tied to {I}",
]
NEWS_SHARE = [
    "{headline} {link}",
    "wow 👀 {link}",
    "must read {link}",
    "this is a big story {link}",
    "big if true {link}",
    "read this before you vote {link}",
    "👀",
    "ok this is a lot",
    "the Courier cooking today",
    "good reporting on this",
    "this explains a lot",
    "huge scoop",
    "everyone should read this",
    "well well well",
    "not surprised tbh",
    "huh.",
    "sharing for the people in {nbhd}",
    "the comments on this story are something",
]
NEWS_SUB = [
    "the key line in this story: {stat}. that's the whole problem with {I}",
    "if this is accurate it changes how I see {I}",
    "this story is really about {I} and who pays for it",
    "{cname} needs to explain the {I} part of this story",
]
DEBATE_OTHER = [
    "who's watching #CarrowayDebate",
    "drinking game: every time someone says 'affordability' take a sip",
    "the moderator's mic is way too loud",
    "{cname}'s closing was solid",
    "my whole group chat is live-texting this debate",
    "they skipped the transit question entirely??",
    "the audience was told not to clap and is clapping",
    "{cname} vs {cname2} is the only matchup that matters tonight",
    "waiting for someone to mention {I}",
    "stream keeps buffering, anyone have a working link?",
    "this debate is somehow both boring and chaotic",
    "the split screen is doing {cname} no favors",
    "who won? genuinely asking",
    "post-debate spin room is open",
    "{cname} finally said something specific",
    "I came for the housing answers and got a lecture on potholes",
    "the camera operator deserves a raise",
    "everyone's podium looks different heights lol",
    "polls close in {n} days, watch this and make a plan",
    "{cname} got a real laugh there, not bad",
]
DEBATE_SUB = [
    "fact check: the deficit is $180M, not the number {cname} just said",
    "{cname} just claimed {stat} about {I}. the audit says otherwise",
    "{cname}'s answer on {I} was the most specific of the night",
    "nobody answered the {I} question directly",
    "{cname} is right that {I} is underfunded, wrong about the fix",
    "{cname} has voted against {I} three times. that answer was misleading",
    "the {I} exchange was the only substantive 5 minutes of the debate",
]
DEBATE_TRIG_MOD = [
    "{mod} just cut {cname} off mid-answer for the third time",
    "{mod} read the wrong question and then argued with {cname} about it",
    "did {mod} really just misstate the deficit number on air",
    "{mod} laughing at {cname}'s answer on a live broadcast, wow",
]
CAND_POSTS = [
    "Great conversations with neighbors in {nbhd} this morning. Let's get to work.",
    "See you at the {site} forum tonight at {time}!",
    "Early voting is open! Find your site at {link} #CarrowayVotes",
    "Thank you to {union} for the endorsement!",
    "Grateful for every volunteer who knocked doors today 💙",
    "Coffee with small business owners on {street}. They deserve a City Hall that picks up the phone.",
    "Happy to join the {nbhd} cleanup this morning. Bring gloves!",
]
CAND_SUB_POSTS = [
    "My plan for {I}: real funding, real timelines, real accountability. Read it at {link}",
    "{stat}. That's why {I} is my first priority as mayor.",
    "We're going to fix {I}. It isn't complicated, it takes will.",
    "My opponent voted against {I}. I'll fight for it. Simple as that.",
]
REPORTER_POSTS = [
    "NEW from me: {headline} {link}",
    "At the {site} forum tonight, posting highlights here.",
    "Correction to my earlier post: the vote on {I} was {vote}.",
    "Early voting turnout so far is up 12% over 2022, per the BOE.",
    "Reading the new campaign finance filings, stay tuned.",
]
ORG_POSTS = {
    "@PCElections": [
        "Early voting sites are open 8am-7pm today. Wait times: {link}",
        "Reminder: mail ballots must be postmarked by Election Day.",
        "Poll worker training at {site} tonight, 6pm.",
    ],
    "@CarrowayTransit": [
        "{line} service delayed at {station} due to a signal problem. Expect 15-min delays.",
        "Service on {line} has resumed with residual delays.",
        "Weekend track work: shuttle buses replace {line} between {station} and {station2}.",
    ],
    "@PCPDNews": [
        "Road closure on {street} this afternoon for utility work.",
        "Traffic advisory: expect delays near {site} tonight.",
    ],
}
STAFF_POSTS = [
    "Great energy in {nbhd} today, {n} doors knocked 💪",
    "Our opponents are lying about {I}. Here are the facts: {link}",
    "Volunteer shift sign-ups for the weekend are live: {link}",
    "Poll after poll, the momentum is ours.",
]
INFLU_POSTS = [
    "Carroway mayoral race power rankings, week {n} 🧵",
    "ranking every candidate's yard sign font. you're welcome",
    "the {I} debate in one meme",
    "the most Carroway thing happened on {line} today",
    "live from the {site} forum 🍿",
]
SPORTS_CHEER = [
    "{P} YOU BEAUTIFUL MAN",
    "{P} is HIM",
    "what a throw by {P} 🔥",
    "{P} for mayor honestly",
    "LETS GOOOO {TEAM}",
    "{TEAM} WIN!!!",
    "we're so back",
    "{P} MVP",
    "the bars on {street} are SHAKING",
    "{P} just cooked {opp}",
    "i love this team",
    "{P} 🐐",
    "that's our {pos}!!",
    "I'm crying, {P} is incredible",
    "{opp} fans real quiet now",
    "best game of the year",
    "{P} is the best thing to happen to this city",
]

B32S = "234567abcdefghijklmnopqrstuvwxyz"
B36 = "0123456789abcdefghijklmnopqrstuvwxyz"
PR = {
    "she": {"he": "she", "him": "her", "his": "her", "himself": "herself", "He": "She"},
    "he": {"he": "he", "him": "him", "his": "his", "himself": "himself", "He": "He"},
}


def _b36(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n, 36)
        s = B36[r] + s
    return s or "0"


def _b32s(n: int, width: int) -> str:
    out = []
    for _ in range(width):
        out.append(B32S[n & 31])
        n >>= 5
    return "".join(reversed(out))


# --------------------------------------------------------------------------------------
# people
# --------------------------------------------------------------------------------------
class Person:
    def __init__(
        self, name, role, handles, pr, primary=None, nicks=(), titles=(), descr=None, extra=None
    ):
        self.name = name
        self.role = role
        self.handles = dict(handles)
        self.pr = pr
        parts = name.split()
        self.first, self.surname = parts[0], parts[-1]
        self.nicks = list(nicks)
        self.titles = list(titles)
        self.descr = descr or (
            ["this woman", "this lady"] if pr == "she" else ["this guy", "this dude", "this man"]
        )
        self.extra = extra or {}
        if handles:
            self.key = self.handles[primary] if primary else next(iter(self.handles.values()))
        else:
            self.key = "name:" + name

    def aliases(self):
        out = [h for h in self.handles.values() if h != self.key]
        for a in [self.name, self.surname] + self.nicks + self.titles:
            if a not in out and a != self.key:
                out.append(a)
        return out


def _cast():
    P = Person
    c = {}

    def add(p, group):
        p.extra["group"] = group
        c[p.key] = p
        return p

    add(
        P(
            "Renata Okafor-Blake",
            "candidate",
            {"x": "@RenataOB4Mayor", "bluesky": "@renataokaforblake.com"},
            "she",
            "x",
            ["Renata", "ROB", "Okafor-Blake"],
            ["Councilwoman Okafor-Blake", "Councilmember Okafor-Blake"],
            extra={"bio": "District 3 councilmember, front-runner", "tag": "#TeamRenata"},
        ),
        "cand",
    )
    add(
        P(
            "Thomas Whitcombe",
            "candidate",
            {"x": "@MayorWhitcombe", "bluesky": "@tomwhitcombe.bsky.social"},
            "he",
            "x",
            ["Whitcombe", "Mayor Tom", "Tommy W"],
            ["the mayor", "Mayor Whitcombe"],
            extra={"bio": "incumbent mayor", "tag": "#Whitcombe4PC"},
        ),
        "cand",
    )
    add(
        P(
            "Gil Marchetti",
            "candidate",
            {"x": "@GilMarchetti"},
            "he",
            "x",
            ["Gil", "Car Wash Gil", "Gilly", "Marchetti"],
            ["Mr. Marchetti"],
            extra={"bio": "businessman, owns a chain of car washes", "tag": "#GilGetsItDone"},
        ),
        "cand",
    )
    add(
        P(
            "Dara Nguyen-Pryce",
            "candidate",
            {
                "x": "@DaraForPC",
                "bluesky": "@daranguyenpryce.bsky.social",
                "mastodon": "@dara@carroway.social",
            },
            "she",
            "x",
            ["Dara", "DNP", "Nguyen-Pryce"],
            ["Ms. Nguyen-Pryce"],
            extra={"bio": "tenant organizer", "tag": "#DaraForPC"},
        ),
        "cand",
    )
    add(
        P(
            "Jess Albright",
            "campaign_staff",
            {"x": "@jalbright_pc"},
            "she",
            "x",
            ["Albright"],
            [],
            extra={"boss": "@RenataOB4Mayor", "bio": "Okafor-Blake campaign manager"},
        ),
        "staff",
    )
    add(
        P(
            "Marcus Lin",
            "campaign_staff",
            {"bluesky": "@marcuslin.bsky.social", "x": "@MarcusLinComms"},
            "he",
            "bluesky",
            ["Lin"],
            [],
            extra={"boss": "@RenataOB4Mayor", "bio": "Okafor-Blake communications director"},
        ),
        "staff",
    )
    add(
        P(
            "Pat Doherty",
            "campaign_staff",
            {"x": "@PDohertyPC"},
            "he",
            "x",
            ["Doherty"],
            [],
            extra={"boss": "@MayorWhitcombe", "bio": "Whitcombe campaign spokesman"},
        ),
        "staff",
    )
    add(
        P(
            "Kayla Ruiz",
            "campaign_staff",
            {"x": "@kaylaruiz_", "bluesky": "@kaylaruiz.bsky.social"},
            "she",
            "x",
            ["Ruiz"],
            [],
            extra={"boss": "@MayorWhitcombe", "bio": "Whitcombe digital director"},
        ),
        "staff",
    )
    add(
        P(
            "Brent Kowalczyk",
            "campaign_staff",
            {"x": "@BrentK_Media"},
            "he",
            "x",
            ["Kowalczyk", "Brent K"],
            [],
            extra={"boss": "@GilMarchetti", "bio": "Marchetti spokesman"},
        ),
        "staff",
    )
    add(
        P(
            "Sam Achebe",
            "campaign_staff",
            {"mastodon": "@sam@carroway.social", "bluesky": "@samachebe.bsky.social"},
            "he",
            "mastodon",
            ["Achebe"],
            [],
            extra={"boss": "@DaraForPC", "bio": "Nguyen-Pryce field director"},
        ),
        "staff",
    )
    add(
        P(
            "Lena Hoffmann",
            "reporter",
            {"bluesky": "@lenahoffmann.bsky.social", "x": "@LenaHoffmannCC"},
            "she",
            "bluesky",
            ["Hoffmann"],
            [],
            extra={"bio": "Carroway Courier city hall reporter", "outlet": "carrowaycourier.com"},
        ),
        "press",
    )
    add(
        P(
            "Diego Alvarez",
            "reporter",
            {"x": "@DiegoAlvarezWPCR", "mastodon": "@dalvarez@mastodon.social"},
            "he",
            "x",
            ["Alvarez"],
            [],
            extra={"bio": "WPCR politics reporter", "outlet": "wpcr.org"},
        ),
        "press",
    )
    add(
        P(
            "Nadia Petrov",
            "reporter",
            {"reddit": "u/harborledger_nadia", "mastodon": "@nadia@harbor.town"},
            "she",
            "reddit",
            ["Petrov"],
            [],
            extra={"bio": "Harbor Ledger editor", "outlet": "harborledger.news"},
        ),
        "press",
    )
    add(
        P(
            "Chris Oyelaran",
            "reporter",
            {"x": "@ChrisOyelaran"},
            "he",
            "x",
            ["Oyelaran"],
            [],
            extra={"bio": "Courier columnist", "outlet": "carrowaycourier.com"},
        ),
        "press",
    )
    add(
        P(
            "Angela Fairbanks",
            "moderator",
            {"x": "@AngelaFairbanks", "bluesky": "@angelafairbanks.bsky.social"},
            "she",
            "x",
            ["Fairbanks"],
            [],
            extra={"bio": "WPCT-TV anchor, debate moderator", "outlet": "wpct.com"},
        ),
        "mod",
    )
    add(
        P(
            "Bob Castellano",
            "moderator",
            {"x": "@BobCastellano7"},
            "he",
            "x",
            ["Castellano"],
            [],
            extra={"bio": "Channel 7 anchor, runoff debate moderator", "outlet": "ch7carroway.com"},
        ),
        "mod",
    )
    add(
        P(
            "Harold Vance",
            "city_official",
            {"x": "@CouncilPresVance"},
            "he",
            "x",
            ["Vance"],
            ["Council President Vance"],
            extra={"bio": "City Council President"},
        ),
        "official",
    )
    add(
        P(
            "Mei Tanaka",
            "city_official",
            {"x": "@ComptrollerTanaka", "bluesky": "@meitanaka.bsky.social"},
            "she",
            "x",
            ["Tanaka"],
            ["Comptroller Tanaka"],
            extra={"bio": "City Comptroller"},
        ),
        "official",
    )
    add(
        P(
            "Tess Moreno",
            "volunteer",
            {"x": "@tessforrenata"},
            "she",
            "x",
            ["Moreno"],
            [],
            extra={"for": "@RenataOB4Mayor", "bio": "Okafor-Blake volunteer"},
        ),
        "vol",
    )
    add(
        P(
            "Omar Haddad",
            "volunteer",
            {"reddit": "u/omar_knocks_doors"},
            "he",
            "reddit",
            ["Haddad"],
            [],
            extra={"for": "@DaraForPC", "bio": "Nguyen-Pryce volunteer"},
        ),
        "vol",
    )
    add(
        P(
            "Ruth Ellery",
            "volunteer",
            {"bluesky": "@ruthellery.bsky.social"},
            "she",
            "bluesky",
            ["Ellery"],
            [],
            extra={"for": "@MayorWhitcombe", "bio": "71-year-old Whitcombe volunteer"},
        ),
        "vol",
    )
    add(
        P(
            "Carroway Curmudgeon",
            "influencer",
            {"x": "@CarrowayCurmudgeon"},
            "he",
            "x",
            ["the Curmudgeon"],
            [],
            extra={"bio": "anonymous local dunk account, 80k followers"},
        ),
        "influ",
    )
    add(
        P(
            "Harbor Watch",
            "influencer",
            {"reddit": "u/harborwatch"},
            "he",
            "reddit",
            ["harborwatch"],
            [],
            extra={"bio": "r/PortCarroway power user"},
        ),
        "influ",
    )
    add(
        P(
            "The Stoop",
            "influencer",
            {"bluesky": "@thestoop.bsky.social"},
            "she",
            "bluesky",
            ["the Stoop"],
            [],
            extra={"bio": "local meme account"},
        ),
        "influ",
    )
    add(
        P(
            "PC Meme Lord",
            "influencer",
            {"x": "@PCMemeLord"},
            "he",
            "x",
            ["Meme Lord"],
            [],
            extra={"bio": "meme account"},
        ),
        "influ",
    )
    add(
        P(
            "Gull Watcher",
            "influencer",
            {"mastodon": "@gullwatcher@carroway.social"},
            "she",
            "mastodon",
            ["gullwatcher"],
            [],
            extra={"bio": "local Mastodon admin and gossip"},
        ),
        "influ",
    )
    return c


ORG_ACCOUNTS = {"@PCElections": "x", "@CarrowayTransit": "x", "@PCPDNews": "x"}
DEBATES = [
    (Date(2026, 10, 8), "@AngelaFairbanks", 4),
    (Date(2026, 10, 20), "@DiegoAlvarezWPCR", 3),
    (Date(2026, 10, 29), "@AngelaFairbanks", 4),
    (Date(2026, 11, 17), "@BobCastellano7", 2),
]
ELECTION = Date(2026, 11, 3)


# --------------------------------------------------------------------------------------
# generator
# --------------------------------------------------------------------------------------
class _Day:
    def __init__(self, seed: int, posts: int, debate: bool):
        self.seed = int(seed)
        self.n_bg = max(200, int(posts))
        self.s = self.n_bg / 5000.0
        self.debate = bool(debate)
        self.r = random.Random(self.seed * 1_000_003 + 11)
        self.g = np.random.default_rng([self.seed, 31337])
        self.posts: list[dict] = []
        self.ids: set = set()
        self.handle_plat: dict[str, str] = {}  # lower handle -> platform
        self.handle_canon: dict[str, str] = {}  # lower handle -> canonical spelling
        self.did: dict[str, str] = {}
        self.last_by: dict[str, dict] = {}
        self.people: dict[str, Person] = {}
        self.episodes: list[dict] = []
        self.used_targets: set = set()
        self.debate_info = None
        self.heat_rate = {}
        self._last_cat = "housing"
        self._pick_date()
        self.clock = Clock(self.date, self.g)
        self._setup_cast()
        self._setup_pool()

    # ---------------- setup ----------------
    def _pick_date(self):
        r = self.r
        if self.debate:
            d, mod, ncand = DEBATES[self.seed % len(DEBATES)]
            self.date, self.moderator_key, self.n_debaters = d, mod, ncand
        else:
            debate_days = {d for d, _, _ in DEBATES}
            pool = [Date(2026, 10, 1) + timedelta(days=i) for i in range(56)]
            pool = [d for d in pool if d not in debate_days]
            self.date = r.choice(pool)
            self.moderator_key = None
        self.phase = (
            "general"
            if self.date < ELECTION
            else ("election_day" if self.date == ELECTION else "runoff")
        )

    def _setup_cast(self):
        self.cast = _cast()
        for p in self.cast.values():
            self.people[p.key] = p
            for plat, h in p.handles.items():
                self._register(h, plat)
        for h, plat in ORG_ACCOUNTS.items():
            self._register(h, plat)
        cands = [p for p in self.cast.values() if p.role == "candidate"]
        if self.phase == "runoff":
            self.active = [p for p in cands if p.key in ("@RenataOB4Mayor", "@MayorWhitcombe")]
        else:
            self.active = cands
        if self.debate:
            order = ["@RenataOB4Mayor", "@MayorWhitcombe", "@GilMarchetti", "@DaraForPC"]
            self.debaters = [self.cast[k] for k in order[: self.n_debaters]]
        self.front = self.cast["@RenataOB4Mayor"]
        self.influencers = [p for p in self.cast.values() if p.role == "influencer"]

    def _register(self, h: str, plat: str):
        self.handle_plat[h.lower()] = plat
        self.handle_canon[h.lower()] = h

    def new_handle(self, plat: str) -> str:
        r = self.r
        for _ in range(50):
            f = r.choice(FIRST_F + FIRST_M)
            l = r.choice(LAST)
            w1, w2 = r.choice(WORDS), r.choice(WORDS)
            nn = str(r.randint(1, 99))
            k = r.random()
            if plat == "x":
                opts = [
                    f + l,
                    f"{f.lower()}_{l.lower()[:6]}{nn}",
                    w1 + w2,
                    f"{f.lower()}{w1}{r.randint(1, 9)}",
                    f"the{w1}{nn}",
                    f"{w1}_{f.lower()}",
                    f"{f}{l}{nn}",
                    f"{w1.capitalize()}{w2.capitalize()}",
                    f"{f[0]}{l}",
                    f"real{f}{l[0]}",
                    f"{l.lower()}{r.randint(1950, 2005)}",
                ]
                h = re.sub(r"[^A-Za-z0-9_]", "", r.choice(opts))[:15]
                h = "@" + h
            elif plat == "bluesky":
                if k < 0.1:
                    h = f"@{f.lower()}{l.lower()}.{r.choice(BSKY_CUSTOM_TLD)}"
                elif k < 0.14:
                    h = f"@{w1}.{l.lower()}.{r.choice(BSKY_CUSTOM_TLD)}"
                else:
                    base = r.choice(
                        [f"{f}{l}", f"{w1}{f}", f"{f}-{w1}", f"{w1}{w2}", f"{f}{nn}", f"{l}{w1}"]
                    ).lower()
                    h = "@" + re.sub(r"[^a-z0-9-]", "", base) + ".bsky.social"
            elif plat == "mastodon":
                user = r.choice(
                    [
                        f"{f.lower()}{nn}",
                        w1 + w2,
                        f"{f.lower()}_{l.lower()}",
                        f"{w1}{f.lower()}",
                        f.lower(),
                        f"{l.lower()}",
                    ]
                )
                user = re.sub(r"[^a-z0-9_]", "", user)
                h = f"@{user}@{r.choice(MASTO_INST)}"
            else:
                opts = [
                    f"{w1.capitalize()}_{w2.capitalize()}{r.randint(100, 9999)}",
                    f"{w1}{w2}{nn}",
                    f"{f}{l}",
                    f"throwaway_{w1}{nn}",
                    f"{f}{l}{nn}",
                    f"{w1}-{w2}",
                    f"{l.lower()}_{w1}",
                    f"Ok_{w1.capitalize()}_{r.randint(1000, 9999)}",
                ]
                h = "u/" + re.sub(r"[^A-Za-z0-9_-]", "", r.choice(opts))
            if h.lower() not in self.handle_plat and len(h) > 3:
                self._register(h, plat)
                return h
        h = {"x": "@user", "bluesky": "@user", "mastodon": "@user", "reddit": "u/user"}[plat]
        h = h + str(len(self.handle_plat))
        if plat == "bluesky":
            h += ".bsky.social"
        if plat == "mastodon":
            h += "@mastodon.social"
        self._register(h, plat)
        return h

    def _setup_pool(self):
        self.pool = {}
        self.pool_w = {}
        for i, plat in enumerate(PLATFORMS):
            n = max(40, int(PLAT_SHARE[i] * self.n_bg * 0.5))
            hs = [self.new_handle(plat) for _ in range(n)]
            w = 1.0 / (np.arange(n) + 4.0) ** 0.95
            w = w * np.exp(self.g.normal(0, 0.3, n))
            self.pool[plat] = hs
            self.pool_w[plat] = np.cumsum(w / w.sum())
        self._pool_buf = {p: [] for p in PLATFORMS}

    def pool_author(self, plat: str) -> str:
        buf = self._pool_buf[plat]
        if not buf:
            cdf = self.pool_w[plat]
            idx = np.minimum(np.searchsorted(cdf, self.g.random(1024) * cdf[-1]), len(cdf) - 1)
            hs = self.pool[plat]
            buf.extend(hs[i] for i in idx)
        return buf.pop()

    def pick_plat(self, share=None) -> str:
        share = PLAT_SHARE if share is None else share
        return PLATFORMS[int(self.g.choice(4, p=share))]

    # ---------------- posts ----------------
    def _new_id(self, plat: str, t: int, author: str, top: bool):
        r = self.r
        while True:
            if plat == "x":
                i = str(((t - 1288834974657) << 22) | r.getrandbits(22))
                url = f"https://x.com/{author[1:]}/status/{i}"
            elif plat == "mastodon":
                i = str((t << 16) | r.getrandbits(16))
                user, inst = author[1:].split("@", 1)
                url = f"https://{inst}/@{user}/{i}"
            elif plat == "bluesky":
                did = self.did.get(author)
                if did is None:
                    did = "did:plc:" + "".join(r.choice(B32S) for _ in range(24))
                    self.did[author] = did
                rkey = _b32s(((t * 1000 + r.randrange(1000)) << 10) | r.getrandbits(10), 13)
                i = f"at://{did}/app.bsky.feed.post/{rkey}"
                url = f"https://bsky.app/profile/{author[1:]}/post/{rkey}"
            else:
                c = _b36(r.randrange(36**6, 36**7))
                i = ("t3_" if top else "t1_") + c
                url = None
            if i not in self.ids:
                self.ids.add(i)
                return i, url

    def add(
        self,
        plat,
        author,
        text,
        t,
        label="other",
        target=None,
        reply_to=None,
        parent=None,
        lang=None,
        quote=None,
    ):
        t = int(t)
        t = min(max(t, self.clock.t0), self.clock.t1 - 1)
        if plat == "reddit":
            t -= t % 1000
        if parent is not None and reply_to is None:
            reply_to = parent["author"]
        if reply_to is not None and parent is None:
            parent = self.last_by.get(reply_to)
        if reply_to == author:
            reply_to = None
            parent = None
        top = reply_to is None
        pid, url = self._new_id(plat, t, author, top)
        if plat == "reddit":
            if parent is not None and parent.get("_sub"):
                sub, sid = parent["_sub"]
            else:
                sub = "CarrowayPolitics" if self.r.random() < 0.3 else "PortCarroway"
                sid = pid[3:] if top else _b36(self.r.randrange(36**6, 36**7))
            if top:
                slug = "_".join(re.findall(r"[a-z0-9]+", text.lower())[:6]) or "post"
                url = f"https://www.reddit.com/r/{sub}/comments/{sid}/{slug}/"
            else:
                url = f"https://www.reddit.com/r/{sub}/comments/{sid}/comment/{pid[3:]}/"
        if quote is not None and plat in ("x", "mastodon"):
            text = f"{text} {quote['url']}"
        if lang is None:
            lang = "en" if re.search(r"[A-Za-z]", text) else "und"
        p = {
            "id": pid,
            "platform": plat,
            "author": author,
            "text": text,
            "_t": t,
            "_label": label,
            "_target": target,
            "url": url,
            "lang": lang,
        }
        if reply_to is not None:
            p["reply_to"] = reply_to
        if plat == "reddit":
            p["_sub"] = (sub, sid)
        self.posts.append(p)
        self.last_by[author] = p
        return p

    # ---------------- text ----------------
    def fill(self, tmpl: str, ctx: dict | None = None) -> str:
        r = self.r
        ctx = dict(ctx) if ctx else {}
        if "{I" in tmpl or "{stat}" in tmpl or "{headline}" in tmpl:
            cat = ctx.get("_cat") or r.choice(list(ISSUES))
            ctx.setdefault("I", r.choice(ISSUES[cat]))
            ctx.setdefault("stat", r.choice(ISSUE_STATS[cat]))
            ctx.setdefault("I2", r.choice(ISSUES[r.choice([c for c in ISSUES if c != cat])]))
            self._last_cat = cat

        def rep(m):
            k = m.group(1)
            v = ctx.get(k)
            if v is None:
                v = self._slot(k)
            if isinstance(v, (list, tuple)):
                v = r.choice(v)
            elif callable(v):
                v = v()
            return str(v)

        for _ in range(3):
            if "{" not in tmpl:
                break
            tmpl = _SLOT.sub(rep, tmpl)
        if "he the" in tmpl:
            tmpl = re.sub(r"\b([Tt])he the\b", r"\1he", tmpl)
        return tmpl

    def _slot(self, k):
        r = self.r
        if k in ("adj", "adj2"):
            return ADJ
        if k == "noun":
            return NOUN
        table = {
            "intel": INTEL3,
            "intel2": INTEL2,
            "char": CHAR3,
            "char2": CHAR2,
            "motive": MOTIVE3,
            "motive2": MOTIVE2,
            "looks": LOOKS,
            "lookslike": LOOKSLIKE,
            "ident": IDENT,
            "annoy": ANNOY,
            "embarr": EMBARR,
            "cheap": CHEAP,
            "nbhd": NBHD,
            "station": STATION,
            "station2": STATION,
            "line": LINES,
            "site": SITE,
            "street": STREET,
            "park": PARK,
            "restaurant": RESTAURANT,
            "place": RESTAURANT,
            "food": FOOD,
            "team": TEAMS,
            "opp": OPPONENTS,
            "highway": HIGHWAY,
            "bridge": BRIDGE,
            "union": UNIONS,
            "interest": INTEREST,
            "job": JOB,
            "I": ISSUE_ITEMS,
            "I2": ISSUE_ITEMS,
            "stat": STATS,
            "vote": VOTES,
            "money": MONEY,
            "headline": HEADLINES,
        }
        if k in table:
            return table[k]
        if k == "TEAM":
            return r.choice(TEAMS).upper()
        if k == "n":
            return r.randint(2, 45)
        if k == "pct":
            return r.randint(24, 41)
        if k == "temp":
            return r.randint(38, 79)
        if k == "year":
            return r.choice(["2021", "2022", "2023", "2024", "2025"])
        if k == "time":
            return r.choice(["6pm", "6:30", "7pm", "7:30", "8pm", "noon", "5:30"])
        if k == "month":
            return r.choice(["June", "July", "August", "the spring", "Labor Day"])
        if k == "monthname":
            return _month_name(self.date)
        if k == "weekday":
            return self.date.strftime("%A")
        if k in ("cname", "cname2", "C", "C2", "cand"):
            return self.cand_name(self.r.choice(self.active))
        if k == "link":
            return self.link()
        if k == "boss":
            return self.cand_name(self.r.choice(self.active))
        return k

    def link(self):
        r = self.r
        dom = r.choice(
            [
                "carrowaycourier.com",
                "wpcr.org",
                "harborledger.news",
                "ch7carroway.com",
                "pcvotes.gov",
                "renataforpc.com",
                "whitcombe2026.com",
            ]
        )
        return f"https://{dom}/{r.choice(['news', 'politics', 'local', '2026'])}/{r.randrange(10**5, 10**6)}"

    def cand_name(self, p: Person) -> str:
        r = self.r.random()
        if r < 0.55:
            return p.surname
        if r < 0.85:
            return p.name
        return self.r.choice(p.nicks[:2] or [p.surname])

    def name_ref(self, p: Person) -> str:
        r = self.r
        opts = [(p.name, 3), (p.surname, 4)]
        for n in p.nicks:
            opts.append((n, 1.3))
        for t in p.titles:
            opts.append((t, 0.7))
        if p.role in ("candidate", "city_official"):
            opts.append((p.first, 0.8 if p.role == "candidate" else 0.1))
        if p.role in ("resident",) and p.handles:
            h = next(iter(p.handles.values()))
            opts = [(f"{h}", 3), (f"that {h} guy" if p.pr == "he" else f"that {h} woman", 2)]
        tot = sum(w for _, w in opts)
        x = r.random() * tot
        for v, w in opts:
            x -= w
            if x <= 0:
                return v
        return p.name

    def style(self, text: str, caps_p=0.07, lower_p=0.38) -> str:
        r = self.r
        x = r.random()
        mis = r.random() < 0.14
        typo = r.random() < 0.07
        parts = _PROTECT.split(text)
        for i in range(0, len(parts), 2):
            s = parts[i]
            if not s:
                continue
            if mis:
                s = _MIS_RE.sub(
                    lambda m: MISSPELL[m.group(1).lower()] if r.random() < 0.7 else m.group(1), s
                )
            if typo:
                ws = s.split(" ")
                cand = [j for j, w in enumerate(ws) if len(w) > 4 and w.isalpha()]
                if cand:
                    j = r.choice(cand)
                    w = ws[j]
                    q = r.randrange(len(w) - 1)
                    ws[j] = w[:q] + w[q + 1] + w[q] + w[q + 2 :]
                    s = " ".join(ws)
            if x < caps_p:
                s = s.upper()
            elif x < caps_p + lower_p:
                s = s.lower()
            parts[i] = s
        out = "".join(parts)
        if x >= caps_p + lower_p and out and out[0].islower() and r.random() < 0.5:
            out = out[0].upper() + out[1:]
        return out

    def attack_text(
        self, p: Person, plat: str, form: str, debate=False, extra_tag=None
    ) -> tuple[str, str]:
        """returns (text, lang). form: r2 (second person reply), m3 (@mention), n3 (by name), p3 (descriptor)."""
        r = self.r
        role = p.role if p.role in ROLE_NOUN else "resident"
        pol = role in POL_ROLES
        nouns = (NOUN if pol else NOUN_ANY) if r.random() < 0.62 else ROLE_NOUN[role]
        ctx = dict(PR[p.pr])
        ctx["noun"] = nouns
        ctx["boss"] = (
            self.cand_name(self.cast[p.extra["boss"]])
            if "boss" in p.extra
            else self.cand_name(self.front)
        )
        ctx["cand"] = (
            self.cand_name(self.cast[p.extra["for"]])
            if "for" in p.extra
            else self.cand_name(self.front)
        )
        lang = "en"
        y = r.random()
        if form == "r2":
            if y < 0.025:
                return self.style(r.choice(ES2)), "es"
            if y < 0.12:
                pool = SARC2
            elif y < 0.3 and role in ROLE2:
                pool = ROLE2[role]
            else:
                pool = T2
            core = self.fill(r.choice(pool), ctx)
        else:
            if form == "m3":
                ref = p.handles[plat]
            elif form == "p3":
                ref = r.choice(p.descr)
            else:
                ref = self.name_ref(p)
            ctx["N"] = ref
            if y < 0.025:
                return self.style(self.fill(r.choice(ES3), ctx)), "es"
            if y < 0.035:
                return self.style(self.fill(r.choice(PT3), ctx)), "pt"
            if debate and role == "candidate" and y < 0.35:
                pool = DEBATE3
            elif y < 0.14:
                pool = SARC
            elif y < 0.32 and role in ROLE3:
                pool = ROLE3[role]
            elif pol and y < 0.45:
                pool = T3_POL
            else:
                pool = T3
            tmpl = r.choice(pool)
            if form == "p3":
                tmpl = tmpl.replace("{N}'s", "{his}")
            core = self.fill(tmpl, ctx)
            if form == "p3" and core[:1].islower() and r.random() < 0.5:
                core = core[0].upper() + core[1:]
        if r.random() < 0.3:
            core = r.choice(OPENERS) + core
        if r.random() < 0.55:
            cl = r.choice(CLOSERS)
            if cl[:2].strip().isalpha() and core[-1:].isalnum() and r.random() < 0.6:
                cl = r.choice([".", ",", " -", "..."]) + cl
            core = core + cl
        if r.random() < 0.1 and plat != "reddit":
            core += " " + r.choice(["🤡", "🐍", "🤮", "🙄", "😂", "💩", "🤡🤡", "🙄🙄", "😭", "🗑️"])
        tag = extra_tag if (extra_tag and r.random() < 0.35) else None
        if tag is None and plat != "reddit" and r.random() < 0.08:
            tag = r.choice(["#CarrowayVotes", "#PCMayor", "#PCpol"])
        if tag:
            core += " " + tag
        if plat == "reddit" and r.random() < 0.25:
            core = (
                core
                + ". "
                + self.fill(
                    r.choice(
                        [
                            "not sure how anyone defends this",
                            "this sub is too nice to {him} honestly",
                            "and I say that as someone who lives in {nbhd}",
                            "downvote me all you want",
                        ]
                    ),
                    ctx,
                )
            )
        return self.style(core), lang

    # ---------------- background ----------------
    def people_entry(self, p: Person):
        self.people.setdefault(p.key, p)

    def build_background(self):
        r, g = self.r, self.g
        self.cand_posts = {}  # key -> plat -> list of posts
        specials = 0
        # cast posts ---------------------------------------------------------
        cast_posts = []
        for p in self.cast.values():
            if p.role == "candidate":
                k = r.randint(5, 11) if p in self.active else r.randint(0, 2)
            elif p.role in ("reporter",):
                k = r.randint(3, 8)
            elif p.role in ("campaign_staff", "city_official", "influencer"):
                k = r.randint(1, 5)
            elif p.role == "moderator":
                k = r.randint(0, 2)
            else:
                k = r.randint(0, 3)
            k = max(0, int(round(k * min(3.0, self.s**0.5))))
            for t in self.clock.sample(k, self.clock.local(6.5), self.clock.local(23.5)):
                plat = r.choice(list(p.handles))
                cast_posts.append((int(t), p, plat))
        for h, plat in ORG_ACCOUNTS.items():
            for t in self.clock.sample(
                r.randint(2, 6), self.clock.local(5.5), self.clock.local(22.0)
            ):
                cast_posts.append((int(t), h, plat))
        cast_posts.sort(key=lambda x: x[0])
        for t, p, plat in cast_posts:
            if isinstance(p, str):
                self.add(plat, p, self.fill(r.choice(ORG_POSTS[p])), t)
                continue
            label = "other"
            if p.role == "candidate":
                if r.random() < 0.4:
                    text, label = self.fill(r.choice(CAND_SUB_POSTS)), "substantive"
                else:
                    text = self.fill(r.choice(CAND_POSTS))
                if p.extra.get("tag") and r.random() < 0.5 and plat != "reddit":
                    text += " " + p.extra["tag"]
            elif p.role == "reporter":
                text = self.fill(r.choice(REPORTER_POSTS))
                label = "substantive" if "vote on" in text else "other"
            elif p.role == "campaign_staff":
                text = self.fill(r.choice(STAFF_POSTS))
                label = "substantive" if "lying about" in text else "other"
            elif p.role == "influencer":
                text = self.fill(r.choice(INFLU_POSTS))
            elif p.role == "city_official":
                text = self.fill(
                    r.choice(
                        [
                            "Council votes Thursday on {I}. Public comment opens at 5pm.",
                            "Our office's review of {I} found {stat}. Full report: {link}",
                            "Thank you to the {nbhd} civic association for hosting me tonight.",
                        ]
                    )
                )
                label = "substantive" if ("review" in text or "votes" in text) else "other"
            elif p.role == "moderator":
                text = self.fill(
                    r.choice(
                        [
                            "Join us at 7 for the mayoral debate, live on air and online.",
                            "Prepping questions. Send me what you want the candidates asked about {I}.",
                            "Great turnout at the {site} forum tonight.",
                        ]
                    )
                )
            else:
                text = self.fill(
                    r.choice(VOL_TRIG),
                    {
                        "cname": self.cand_name(self.front),
                        "cname2": self.cand_name(self.r.choice(self.active)),
                    },
                )
            post = self.add(plat, p.handles[plat], text, t, label)
            self.cand_posts.setdefault(p.key, {}).setdefault(plat, []).append(post)
            specials += 1
        # baseline attacks at candidates --------------------------------------
        if self.phase == "runoff":
            mu = {
                "@RenataOB4Mayor": (80, 115),
                "@MayorWhitcombe": (75, 110),
                "@GilMarchetti": (2, 6),
                "@DaraForPC": (2, 6),
            }
        else:
            mu = {
                "@RenataOB4Mayor": (70, 110),
                "@MayorWhitcombe": (45, 80),
                "@GilMarchetti": (30, 55),
                "@DaraForPC": (12, 30),
            }
        boost = 1.3 if self.phase == "election_day" else 1.0
        self.base_att = {}
        for key, (lo, hi) in mu.items():
            p = self.cast[key]
            n = int(g.poisson(r.uniform(lo, hi) * self.s * boost))
            haters = [
                (pl, self.pool_author(pl))
                for pl in (self.pick_plat() for _ in range(r.randint(4, 8)))
            ]
            made = 0
            times = self.clock.sample(n)
            for t in times:
                t = int(t)
                clustered = False
                plat = None
                cps = self.cand_posts.get(key, {})
                if r.random() < 0.4 and cps:
                    plat = r.choice(list(cps))
                    prior = [cp for cp in cps[plat] if cp["_t"] < t]
                    if prior:
                        cp = prior[-1] if r.random() < 0.7 else r.choice(prior)
                        t = (
                            cp["_t"]
                            + int(r.expovariate(1 / 22.0) * MIN)
                            + r.randint(10_000, 60_000)
                        )
                        clustered = True
                if r.random() < 0.25:
                    plat, author = r.choice(haters)
                else:
                    plat = plat if clustered else self.pick_plat()
                    author = self.pool_author(plat)
                self.one_attack(p, plat, author, t, prefer_reply=clustered)
                made += 1
            self.base_att[key] = made
            specials += made
        # insults at staff / reporters / officials / moderators -------------------
        for p in list(self.cast.values()):
            lam = {
                "campaign_staff": 1.3,
                "reporter": 1.6,
                "city_official": 0.8,
                "moderator": 0.25,
                "volunteer": 0.15,
                "influencer": 0.8,
            }.get(p.role, 0)
            n = int(g.poisson(lam * self.s))
            for t in self.clock.sample(n, self.clock.local(7), self.clock.local(23.9)):
                plat = self.pick_plat()
                self.one_attack(p, plat, self.pool_author(plat), int(t))
                specials += 1
        # spats --------------------------------------------------------------------
        n_sp = int(g.poisson(self.n_bg / 380))
        for t in self.clock.sample(n_sp, self.clock.local(6), self.clock.local(23.8)):
            plat = self.pick_plat()
            a, b = self.pool_author(plat), self.pool_author(plat)
            if a == b:
                continue
            pa = self.resident(a, plat)
            pb = self.resident(b, plat)
            t = int(t)
            k = r.randint(3, 8)
            cur, other = (pa, pb), (pb, pa)
            for i in range(k):
                src, dst = (pa, pb) if i % 2 == 0 else (pb, pa)
                if r.random() < 0.45:
                    txt, lang = self.attack_text(dst, plat, "r2")
                    self.add(plat, src.key, txt, t, "attack", dst.key, reply_to=dst.key, lang=lang)
                    self.people_entry(dst)
                else:
                    self.add(
                        plat,
                        src.key,
                        self.style(r.choice(SPAT_OTHER)),
                        t,
                        "other",
                        reply_to=dst.key,
                    )
                t += int(r.uniform(0.5, 9) * MIN)
                specials += 1
        # background cheering -------------------------------------------------------
        n_ch = int(g.poisson(0.016 * self.n_bg))
        for t in self.clock.sample(n_ch):
            p = r.choice(self.active)
            plat = self.pick_plat()
            self.cheer(p, plat, self.pool_author(plat), int(t))
            specials += 1
        # generic chatter + substantive ----------------------------------------------
        n_gen = max(0, self.n_bg - specials)
        self.sub_target = r.uniform(0.16, 0.23)
        p_sub = min(0.45, self.sub_target * self.n_bg * 1.04 / max(1, n_gen))
        times = np.sort(self.clock.sample(n_gen))
        plats = g.choice(4, size=n_gen, p=PLAT_SHARE)
        recent = {pl: [] for pl in PLATFORMS}
        cast_by_plat = {pl: [] for pl in PLATFORMS}
        for cp in sorted((x for x in self.posts), key=lambda x: x["_t"]):
            cast_by_plat[cp["platform"]].append(cp)
        cw = list(CHAT_W.items())
        cats = [c for c, _ in cw]
        cws = np.array([w for _, w in cw])
        cws = cws / cws.sum()
        catseq = g.choice(len(cats), size=n_gen, p=cws)
        for i in range(n_gen):
            plat = PLATFORMS[plats[i]]
            t = int(times[i])
            author = self.pool_author(plat)
            parent = None
            rec = recent[plat]
            if rec and r.random() < REPLY_P[plat]:
                if r.random() < 0.1 and cast_by_plat[plat]:
                    prior = [c for c in cast_by_plat[plat][-40:] if c["_t"] < t]
                    parent = r.choice(prior) if prior else None
                if parent is None:
                    j = len(rec) - 1 - min(len(rec) - 1, int(r.expovariate(1 / 12.0)))
                    parent = rec[j]
                if parent["author"] == author:
                    parent = None
            psub = parent is not None and parent["_label"] == "substantive"
            sub_p = p_sub * (2.2 if psub else (0.7 if parent is not None else 0.95))
            if r.random() < sub_p:
                text, lang = self.substantive_text(plat, parent if psub else None)
                post = self.add(plat, author, text, t, "substantive", parent=parent, lang=lang)
            else:
                text, lang = self.chatter_text(plat, parent, cats[catseq[i]])
                post = self.add(plat, author, text, t, "other", parent=parent, lang=lang)
            rec.append(post)
            if len(rec) > 200:
                del rec[:100]

    def resident(self, handle: str, plat: str) -> Person:
        p = self.people.get(handle)
        if p is None:
            pr = self.r.choice(["he", "she"])
            p = Person(
                handle,
                "resident",
                {plat: handle},
                pr,
                plat,
                [],
                [],
                descr=["this guy", "this dude"] if pr == "he" else ["this woman", "this lady"],
            )
            p.extra["group"] = "resident"
        return p

    def one_attack(
        self,
        p: Person,
        plat: str,
        author: str,
        t: int,
        prefer_reply=False,
        debate=False,
        tag=None,
        reply_pool=None,
    ):
        r = self.r
        has = plat in p.handles
        x = r.random()
        reply_to = None
        if has and (prefer_reply or x < 0.3):
            form = "r2"
            reply_to = p.handles[plat]
        elif has and x < 0.6:
            form = "m3"
        else:
            form = "n3"
            if reply_pool and r.random() < 0.35:
                reply_to = r.choice(reply_pool)
        txt, lang = self.attack_text(p, plat, form, debate=debate, extra_tag=tag)
        if form == "r2" and plat != "reddit" and r.random() < 0.15:
            txt = f"{p.handles[plat]} {txt}"
        self.people_entry(p)
        return self.add(plat, author, txt, t, "attack", p.key, reply_to=reply_to, lang=lang)

    def cheer(self, p: Person, plat: str, author: str, t: int, reply=None, tag=None):
        r = self.r
        ctx = {
            "queen": "queen" if p.pr == "she" else "king",
            "HIM": "HER" if p.pr == "she" else "HIM",
            "mother": "mother" if p.pr == "she" else "father",
        }
        has = plat in p.handles
        x = r.random()
        reply_to = None
        if has and (reply or x < 0.45):
            ctx["N"] = (
                r.choice([p.first, p.surname, p.handles[plat]]) if r.random() < 0.5 else p.first
            )
            reply_to = p.handles[plat]
        elif has and x < 0.7:
            ctx["N"] = p.handles[plat]
        else:
            ctx["N"] = r.choice([p.name, p.surname, p.first] + p.nicks[:1])
        tm = r.choice(CHEER)
        if "tonight" in tm and local_hour(t) < 16.5:
            tm = tm.replace(" tonight", " today")
        if p.role != "candidate" and (
            "mayor" in tm or "voting" in tm or "vote" in tm or "rally" in tm or "knock" in tm
        ):
            tm = r.choice(
                ["{N} 🔥🔥🔥", "absolute legend", "{queen} 👑", "so proud of {N}", "W", "❤️❤️❤️"]
            )
        txt = self.fill(tm, ctx)
        if r.random() < 0.3:
            txt += " " + r.choice(["🔥", "🙌", "💙", "❤️", "💪", "👏👏", "🔥🔥", "✨"])
        if tag and r.random() < 0.4:
            txt += " " + tag
        elif p.extra.get("tag") and r.random() < 0.15 and plat != "reddit":
            txt += " " + p.extra["tag"]
        return self.add(
            plat, author, self.style(txt, caps_p=0.12, lower_p=0.3), t, "other", reply_to=reply_to
        )

    def substantive_text(self, plat, parent=None, target: Person | None = None, second=False):
        r = self.r
        if r.random() < 0.03:
            return self.fill(r.choice(SUB_ES)), "es"
        if parent is not None and r.random() < 0.5:
            return self.style(self.fill(r.choice(SUB_REPLY)), caps_p=0.0, lower_p=0.3), "en"
        c1 = target or r.choice(self.active)
        others = [c for c in self.active if c is not c1] or [c1]
        ctx = {
            "C": self.cand_name(c1)
            if (target is None or plat not in target.handles or r.random() < 0.6)
            else target.handles[plat],
            "C2": self.cand_name(r.choice(others)),
        }
        if second:
            tmpl = r.choice(SUB2)
        elif target is None and r.random() < 0.35:
            tmpl = r.choice(SUB0)
        else:
            tmpl = r.choice(SUB3)
        txt = self.fill(tmpl, ctx)
        if plat == "reddit" and r.random() < 0.45:
            txt += " " + self.fill(r.choice(SUB0 + SUB_REPLY))
        if plat != "reddit" and r.random() < 0.15:
            txt += " " + r.choice(
                [
                    "#CarrowayVotes",
                    "#PCMayor",
                    "#PCpol",
                    ISSUE_TAGS[self._last_cat],
                    ISSUE_TAGS[self._last_cat],
                ]
            )
        return self.style(txt, caps_p=0.01, lower_p=0.3), "en"

    def chatter_text(self, plat, parent, cat):
        r = self.r
        if r.random() < 0.035:
            lang, tmpl = r.choice(CHAT_FOREIGN)
            return self.fill(tmpl), lang
        if parent is not None and r.random() < 0.55:
            txt = self.fill(r.choice(REPLY_CHAT))
        else:
            txt = self.fill(r.choice(CHAT[cat]))
            if plat == "reddit" and r.random() < 0.3:
                txt += ". " + self.fill(r.choice(CHAT[r.choice(list(CHAT))]))
            if plat != "reddit" and r.random() < 0.2:
                txt += " " + r.choice(CHAT_TAGS[cat])
        return self.style(txt, caps_p=0.02, lower_p=0.35), "en"

    # ---------------- episodes ----------------
    def _record(self, kind, target_key, core_posts, **extra):
        core = sorted(core_posts, key=lambda p: p["_t"])
        ts = [p["_t"] for p in core]
        n = len(ts)
        med_us = ts[n // 2] * 1000 if n % 2 else (ts[n // 2 - 1] + ts[n // 2]) * 500
        authors = []
        seen = set()
        for p in core:
            if p["author"] not in seen:
                seen.add(p["author"])
                authors.append(p["author"])
        ep = {
            "kind": kind,
            "target": target_key,
            "start": iso_local_us(ts[0] * 1000),
            "midpoint": iso_local_us(med_us),
            "end": iso_local_us(ts[-1] * 1000),
            "post_ids": [p["id"] for p in core],
            "size": n,
            "authors": authors,
            "n_authors": len(authors),
            "duration_min": round((ts[-1] - ts[0]) / MIN, 1),
            "platforms": sorted({p["platform"] for p in core}),
        }
        ep.update(extra)
        self.episodes.append(ep)
        return ep

    @staticmethod
    def _shape(g, n, shape):
        if shape == "front":
            k = g.uniform(2.5, 4.5)
            u = g.uniform(0, 1, n)
            x = -np.log(1 - u * (1 - math.exp(-k))) / k
        elif shape == "accel":
            x = g.uniform(0, 1, n) ** (1 / g.uniform(2.0, 3.2))
        elif shape == "steady":
            x = g.beta(1.3, 1.3, n)
        else:
            x = g.beta(2.5, 2.5, n)
        x = np.sort(x)
        if n > 1 and x[-1] > x[0]:
            x = (x - x[0]) / (x[-1] - x[0])
        else:
            x = np.zeros(n)
        return x

    def _start_time(self, dur_ms, lo_h=7.0, hi_h=22.5):
        hi = min(self.clock.local(hi_h), self.clock.t1 - int(dur_ms * 1.35) - 5 * MIN)
        lo = self.clock.local(lo_h)
        if hi <= lo:
            hi = lo + MIN
        return int(self.clock.sample(1, lo, hi)[0])

    def private_person(self, gender):
        r = self.r
        firsts = FIRST_F if gender == "f" else FIRST_M
        return r.choice(firsts), r.choice(LAST)

    def choose_pileon_target(self, kind):
        r = self.r
        c = self.cast
        if kind == "candidate":
            opts = [p for p in self.active if p.key not in self.used_targets]
            w = [3 if p is self.front else (2 if p.key == "@MayorWhitcombe" else 1) for p in opts]
            return r.choices(opts, w)[0] if opts else None
        roles = {
            "staff": "campaign_staff",
            "reporter": "reporter",
            "volunteer": "volunteer",
            "influencer": "influencer",
            "official": "city_official",
        }
        if kind in roles:
            opts = [
                p for p in c.values() if p.role == roles[kind] and p.key not in self.used_targets
            ]
            if kind == "staff":
                opts = [p for p in opts if p.extra.get("boss") in [a.key for a in self.active]]
            if kind == "volunteer" and r.random() < 0.5:
                plat = self.pick_plat()
                h = self.new_handle(plat)
                gender = r.choice("fm")
                f, l = self.private_person(gender)
                who = r.choice(self.active)
                p = Person(
                    f"{f} {l}",
                    "volunteer",
                    {plat: h},
                    "she" if gender == "f" else "he",
                    plat,
                    [l],
                    [],
                    extra={
                        "for": who.key,
                        "bio": f"{who.surname} volunteer, first seen today",
                        "group": "vol",
                    },
                )
                return p
            return r.choice(opts) if opts else None
        if kind == "ordinary":
            plat = PLATFORMS[int(self.g.choice(4, p=[0.45, 0.2, 0.25, 0.1]))]
            h = self.new_handle(plat)
            p = self.resident(h, plat)
            p.extra["bio"] = "ordinary account, no posts before today"
            return p
        if kind == "private":
            scen, nick, gender = r.choice(PRIVATE_SCEN)
            firsts = FIRST_F if gender == "f" else FIRST_M
            same = [f for f in firsts if f[0] == nick[0]]
            f = r.choice(same) if same and r.random() < 0.8 else r.choice(firsts)
            l = r.choice(LAST)
            nn = f"{nick} {f}"
            p = Person(
                f"{f} {l}",
                "private_person",
                {},
                "she" if gender == "f" else "he",
                None,
                [nn],
                [],
                extra={
                    "scenario": scen,
                    "bio": "private person in a viral video",
                    "group": "private",
                },
            )
            if p.key in self.people:
                return None
            return p
        return None

    def make_pileon(self, tkind, profile=None, when=None, debate_ctx=None):
        r, g = self.r, self.g
        p = self.choose_pileon_target(tkind)
        if p is None or p.key in self.used_targets:
            return None
        self.used_targets.add(p.key)
        self.people_entry(p)
        if profile is None:
            profile = r.choices(["quick", "medium", "slow", "big"], [0.3, 0.3, 0.18, 0.22])[0]
            if tkind == "candidate" and profile == "quick":
                profile = "medium"
        A, Dm, shapes = {
            "quick": ((6, 12), (10, 30), ["front", "bell", "accel"]),
            "medium": ((15, 40), (20, 60), ["front", "bell", "accel"]),
            "slow": ((15, 35), (90, 180), ["bell", "accel", "steady"]),
            "big": ((50, 200), (30, 120), ["front", "bell", "accel"]),
            "debate_big": ((80, 200), (20, 45), ["front", "bell"]),
            "debate_mod": ((20, 60), (15, 45), ["front", "bell", "accel"]),
        }[profile]
        if tkind == "candidate" and profile == "medium":
            A = (20, 40)
        if tkind == "candidate" and profile == "slow":
            A, Dm = (35, 60), (90, 150)
        if profile == "debate_big":
            rate = self.heat_rate.get(
                p.key, 0.0
            )  # debate-night attacks per minute at this candidate
            D = int(r.uniform(*Dm) * MIN)
            lo = max(80, int(1.5 * rate * D / MIN))
            A = (lo, min(300, max(lo + 30, 200)))
        nA = r.randint(*A)
        if profile != "debate_big":
            D = int(r.uniform(*Dm) * MIN)
        shape = r.choice(shapes)
        t0 = when if when is not None else self._start_time(D)
        # platforms ------------------------------------------------------------
        if p.handles:
            if r.random() < 0.75:
                p0 = next(pl for pl, h in p.handles.items() if h == p.key)
            else:
                p0 = r.choice(list(p.handles))
        else:
            p0 = PLATFORMS[int(g.choice(4, p=[0.5, 0.25, 0.15, 0.1]))]
        spill = r.random() < (0.45 if profile in ("big", "debate_big") else 0.35)
        p1 = r.choice([pl for pl in PLATFORMS if pl != p0]) if spill else None
        # trigger ---------------------------------------------------------------
        trig, reveal, influ_qt = None, None, None
        reply_pool = []
        ctxs = {
            "cname": self.cand_name(self.cast[p.extra["for"]])
            if "for" in p.extra
            else self.cand_name(self.front),
            "cname2": self.cand_name(r.choice(self.active)),
            "boss": self.cand_name(self.cast[p.extra["boss"]])
            if "boss" in p.extra
            else self.cand_name(self.front),
        }
        lead = int(r.uniform(3, 25) * MIN)
        if debate_ctx is not None:
            clipper_plat = p0 if p0 in ("x", "bluesky") else "x"
            clipper = self.pool_author(clipper_plat)
            if p.role == "moderator":
                txt = self.fill(
                    r.choice(DEBATE_TRIG_MOD),
                    {
                        "mod": p.surname
                        if r.random() < 0.6
                        else p.handles.get(clipper_plat, p.name),
                        "cname": self.cand_name(r.choice(self.debaters)),
                    },
                )
            else:
                txt = f'{self.cand_name(p)} on stage just now: "{self.fill(r.choice(GAFFES))}" 😬 [clip] #CarrowayDebate'
            trig = self.add(clipper_plat, clipper, txt, t0 - int(r.uniform(1, 4) * MIN), "other")
            reply_pool.append((clipper_plat, clipper))
        elif p.role == "private_person":
            poster_plat = p0
            poster = r.choice([i for i in self.influencers if poster_plat in i.handles] or [None])
            poster = (
                poster.handles[poster_plat]
                if poster and r.random() < 0.5
                else self.pool_author(poster_plat)
            )
            trig = self.add(poster_plat, poster, self.fill(p.extra["scenario"]), t0 - lead, "other")
            reply_pool.append((poster_plat, poster))
            rplat = poster_plat
            revealer = self.pool_author(rplat)
            reveal = self.add(
                rplat,
                revealer,
                self.fill(
                    r.choice(
                        [
                            "{his} name is {full} btw, {he}'s on the {nbhd} neighborhood association board",
                            "that's {full}. everyone in {nbhd} knows {him}",
                            "apparently it's {full} from {nbhd}",
                            'people are calling {him} "{nick}" lmao. it\'s {full}',
                        ]
                    ),
                    {"full": p.name, "nick": p.nicks[0], **PR[p.pr]},
                ),
                t0 + int(r.uniform(0.02, 0.2) * D),
                "other",
                parent=trig,
            )
            reply_pool.append((rplat, revealer))
        else:
            src_plat = p0 if p0 in p.handles else r.choice(list(p.handles))
            if p.role == "candidate":
                txt = self.fill(r.choice(GAFFES))
            elif p.role == "campaign_staff":
                txt = self.fill(r.choice(STAFF_TRIG), ctxs)
            elif p.role == "reporter":
                txt = self.fill(r.choice(REPORTER_TRIG), ctxs)
            elif p.role == "volunteer":
                txt = self.fill(r.choice(VOL_TRIG), ctxs)
            elif p.role == "city_official":
                txt = self.fill(
                    "Our office's review of {I} is out. Some of you won't like it. {link}"
                )
            else:
                txt = self.fill(r.choice(HOT_TAKES))
            trig = self.add(
                src_plat,
                p.handles[src_plat],
                txt,
                t0 - lead,
                "substantive" if p.role == "reporter" and r.random() < 0.3 else "other",
            )
            if r.random() < 0.6:
                qi = [i for i in self.influencers if p0 in i.handles and i.key != p.key]
                qa = r.choice(qi).handles[p0] if qi and r.random() < 0.6 else self.pool_author(p0)
                if r.random() < 0.4:
                    ctx = {"N": r.choice([p.handles.get(p0, p.name), p.surname]), **PR[p.pr]}
                    influ_qt = ("attack", qa, self.style(self.fill(r.choice(QT_ATTACK), ctx)))
                else:
                    influ_qt = ("other", qa, self.fill(r.choice(QT_OTHER), PR[p.pr]))
                reply_pool.append((p0, qa))
        # attackers ------------------------------------------------------------------
        offs = self._shape(g, nA, shape) * D
        lag = r.uniform(0.1, 0.4) * D
        sshare = r.uniform(0.15, 0.35)
        attackers = []
        for k in range(nA):
            plat = p0
            if spill and offs[k] > lag and r.random() < sshare / max(0.2, 1 - lag / D):
                plat = p1
            fresh = r.random() < (0.55 if profile in ("big", "debate_big", "medium") else 0.4)
            author = self.new_handle(plat) if fresh else self.pool_author(plat)
            while author in [a for a, _ in attackers]:
                author = self.new_handle(plat)
            attackers.append((author, plat))
        core = []
        if influ_qt is not None:
            lab, qa, txt = influ_qt
            if lab == "attack":
                q = self.add(p0, qa, txt, t0, "attack", p.key, quote=trig)
                core.append(q)
            else:
                self.add(p0, qa, txt, t0 - int(r.uniform(0.5, 2) * MIN), "other", quote=trig)
        tag = None
        if r.random() < 0.25 and p.role in ("candidate", "reporter", "campaign_staff", "moderator"):
            tag = r.choice(
                [
                    f"#Resign{p.surname.replace('-', '')}",
                    f"#Fire{p.surname.replace('-', '')}",
                    f"#{p.surname.replace('-', '')}Gate",
                    f"#{p.surname.replace('-', '')}MustGo",
                ]
            )
        if debate_ctx is not None:
            tag = tag or "#CarrowayDebate"
        for k, (author, plat) in enumerate(attackers):
            reps = 1 + (r.random() < 0.22) + (r.random() < 0.08)
            tt = [t0 + int(offs[k])]
            for _ in range(reps - 1):
                tt.append(min(t0 + D, tt[0] + int(r.uniform(0.05, 0.45) * D) + 20_000))
            for t in tt:
                if t == t0 and k == 0 and core:
                    t += 15_000
                core.append(
                    self.pileon_post(
                        p, plat, author, t, trig, reply_pool, tag, debate_ctx is not None
                    )
                )
        # make sure the first attack is at t0 (start = first attack)
        # defenders, onlookers, target reaction -------------------------------------------
        n = len(core)
        plats_used = [pl for _, pl in attackers]
        side = []
        for _ in range(int(n * r.uniform(0.08, 0.25)) + 1):
            plat = r.choice(plats_used)
            t = t0 + int(r.uniform(0.05, 1.25) * D)
            au = self.pool_author(plat)
            victims = [a for a, pl in attackers if pl == plat]
            if r.random() < 0.1 and victims:
                v = r.choice(victims)
                vp = self.resident(v, plat)
                txt, lang = self.attack_text(vp, plat, "r2")
                txt = self.style(self.fill(r.choice(DEFEND_ATTACK))) if r.random() < 0.6 else txt
                self.people_entry(vp)
                side.append(self.add(plat, au, txt, t, "attack", vp.key, reply_to=v))
                continue
            ctx = {"N": p.name if not p.handles or r.random() < 0.5 else p.surname, **PR[p.pr]}
            rt = (
                r.choice(victims)
                if victims and r.random() < 0.5
                else (p.handles.get(plat) if r.random() < 0.5 else None)
            )
            side.append(
                self.add(
                    plat,
                    au,
                    self.style(self.fill(r.choice(DEFEND), ctx), caps_p=0.02),
                    t,
                    "other",
                    reply_to=rt,
                )
            )
        for _ in range(int(n * r.uniform(0.1, 0.3)) + 1):
            plat = r.choice(plats_used + [self.pick_plat()])
            t = t0 + int(r.uniform(0.0, 1.4) * D)
            ref = (
                p.handles.get(plat)
                if (p.handles.get(plat) and r.random() < 0.3)
                else (
                    p.nicks[0]
                    if (not p.handles and p.nicks and r.random() < 0.4)
                    else (p.surname if r.random() < 0.5 else p.name)
                )
            )
            ctx = {"N": ref, **PR[p.pr]}
            side.append(
                self.add(
                    plat,
                    self.pool_author(plat),
                    self.style(self.fill(r.choice(ONLOOK), ctx)),
                    t,
                    "other",
                )
            )
        if p.handles and r.random() < 0.5:
            plat = next(iter(p.handles))
            side.append(
                self.add(
                    plat,
                    p.handles[plat],
                    r.choice(SELF_REPLY),
                    t0 + int(r.uniform(0.3, 1.2) * D),
                    "other",
                )
            )
        if p.role == "candidate" and r.random() < 0.6:
            staff = [s for s in self.cast.values() if s.extra.get("boss") == p.key]
            if staff:
                s = r.choice(staff)
                pl = next(iter(s.handles))
                side.append(
                    self.add(
                        pl,
                        s.handles[pl],
                        self.fill(
                            "The attacks on {N} today are disgusting. Talk about {I}, not {his} appearance.",
                            {"N": p.first, **PR[p.pr]},
                        ),
                        t0 + int(r.uniform(0.2, 1.0) * D),
                        "other",
                    )
                )
        return self._record(
            "pileon",
            p.key,
            core,
            profile=profile,
            shape=shape,
            trigger_post_id=trig["id"] if trig else None,
            target_role=p.role,
            spill_platform=p1,
            related_post_ids=[x["id"] for x in side] + ([reveal["id"]] if reveal else []),
            debate_related=debate_ctx is not None,
        )

    def pileon_post(self, p: Person, plat, author, t, trig, reply_pool, tag, debate):
        r = self.r
        has = plat in p.handles
        x = r.random()
        reply_to = None
        rp = [a for pl, a in reply_pool if pl == plat]
        if not p.handles:  # known only by name
            if rp and x < 0.6:
                form, reply_to = "n3", r.choice(rp)
            elif rp and x < 0.7:
                form, reply_to = "p3", r.choice(rp)
            else:
                form = "n3"
        elif has:
            if x < 0.45:
                form, reply_to = "r2", p.handles[plat]
            elif x < 0.68:
                form = "m3"
            elif x < 0.85:
                form = "n3"
            elif rp:
                form, reply_to = ("n3" if r.random() < 0.7 else "p3"), r.choice(rp)
            else:
                form = "n3"
        else:
            form = "n3"
            if rp and x < 0.3:
                reply_to = r.choice(rp)
        txt, lang = self.attack_text(p, plat, form, debate=debate, extra_tag=tag)
        if form == "r2" and plat != "reddit" and r.random() < 0.15:
            txt = f"{p.handles[plat]} {txt}"
        quote = (
            trig
            if (
                trig is not None
                and reply_to is None
                and trig["platform"] == plat
                and r.random() < 0.25
            )
            else None
        )
        return self.add(
            plat,
            author,
            txt,
            t,
            "attack",
            p.key,
            reply_to=reply_to,
            parent=trig if (reply_to and trig is not None and trig["author"] == reply_to) else None,
            lang=lang,
            quote=quote,
        )

    # ---- decoys ----
    def make_flood(self):
        r = self.r
        kinds = r.choices(
            ["candidate", "reporter", "staff", "resident", "official"],
            [0.35, 0.25, 0.15, 0.15, 0.1],
        )[0]
        if kinds == "candidate":
            p = r.choice(self.active)
        elif kinds == "resident":
            plat = self.pick_plat()
            p = self.resident(self.pool_author(plat), plat)
        else:
            role = {"reporter": "reporter", "staff": "campaign_staff", "official": "city_official"}[
                kinds
            ]
            p = r.choice([x for x in self.cast.values() if x.role == role])
        if p.key in self.used_targets:
            return None
        plat = r.choice(list(p.handles)) if p.handles and r.random() < 0.7 else self.pick_plat()
        flooder = self.new_handle(plat) if r.random() < 0.5 else self.pool_author(plat)
        n = r.randint(15, 40)
        D = int(r.uniform(30, 150) * MIN)
        t0 = self._start_time(D, 6.0, 23.0)
        ts = sorted(
            t0 + int(x) for x in self._shape(self.g, n, r.choice(["steady", "front", "bell"])) * D
        )
        core = []
        self.people_entry(p)
        for t in ts:
            core.append(self.one_attack(p, plat, flooder, t, prefer_reply=r.random() < 0.5))
        helper = None
        if r.random() < 0.5:
            helper = self.pool_author(plat)
            for _ in range(r.randint(1, 3)):
                core.append(self.one_attack(p, plat, helper, t0 + int(r.uniform(0.1, 1.0) * D)))
        # a couple of bystanders telling the flooder to stop
        for _ in range(r.randint(0, 3)):
            self.add(
                plat,
                self.pool_author(plat),
                self.style(
                    r.choice(
                        [
                            "bro it's been an hour, log off",
                            "reported.",
                            "this account has posted the same thing 30 times lol",
                            "somebody is obsessed",
                            "blocked, get help",
                        ]
                    )
                ),
                t0 + int(r.uniform(0.3, 1.1) * D),
                "other",
                reply_to=flooder,
            )
        return self._record("flood", p.key, core, flooder=flooder, helper=helper)

    def make_sub_surge(self):
        r, g = self.r, self.g
        p = (
            r.choice(self.active)
            if r.random() < 0.8
            else r.choice([x for x in self.cast.values() if x.role == "city_official"])
        )
        n = r.randint(20, 80)
        D = int(r.uniform(20, 90) * MIN)
        t0 = self._start_time(D)
        rep = self.r.choice([x for x in self.cast.values() if x.role == "reporter"])
        rplat = next(iter(rep.handles))
        story = self.add(
            rplat,
            rep.handles[rplat],
            self.fill(
                "NEW: {headline} {link}",
                {"cname": self.cand_name(p) if p.role == "candidate" else p.name},
            ),
            t0 - int(r.uniform(2, 15) * MIN),
            "substantive",
        )
        offs = self._shape(g, n, r.choice(["front", "bell"])) * D
        core = []
        authors = []
        for k in range(n):
            plat = self.pick_plat([0.42, 0.28, 0.18, 0.12])
            au = self.pool_author(plat) if r.random() < 0.75 else self.new_handle(plat)
            for t in [t0 + int(offs[k])] + (
                [t0 + int(min(D, offs[k] + r.uniform(2, 20) * MIN))] if r.random() < 0.1 else []
            ):
                has = plat in p.handles
                x = r.random()
                if has and x < 0.4:
                    txt, lang = self.substantive_text(plat, None, p, second=True)
                    core.append(
                        self.add(
                            plat, au, txt, t, "substantive", reply_to=p.handles[plat], lang=lang
                        )
                    )
                elif x < 0.55 and plat == rplat:
                    txt, lang = self.substantive_text(plat, None, p)
                    core.append(self.add(plat, au, txt, t, "substantive", parent=story, lang=lang))
                else:
                    txt, lang = self.substantive_text(plat, None, p)
                    core.append(self.add(plat, au, txt, t, "substantive", lang=lang))
        return self._record("substantive_surge", p.key, core, trigger_post_id=story["id"])

    def make_cheer_surge(self):
        r, g = self.r, self.g
        if r.random() < 0.78:
            p = r.choice(self.active)
        else:
            p = r.choice(
                [
                    x
                    for x in self.cast.values()
                    if x.role in ("volunteer", "reporter", "city_official")
                ]
            )
        n = r.randint(30, 150)
        D = int(r.uniform(20, 120) * MIN)
        t0 = self._start_time(D, 9.0, 22.0)
        evening = local_hour(t0) >= 16.5
        plat0 = next(iter(p.handles))
        trigs = [
            "Honored to be endorsed by {union}. Let's win this.",
            "Rally at {park} in 30 minutes, come through!",
            "We just crossed 10,000 volunteers. You did this.",
            "Thank you all for the birthday wishes today 🥹",
        ]
        if evening:
            trigs += [
                "Thank you {nbhd}!! What a crowd tonight 💙",
                "What a night. Thank you, Carroway.",
            ]
        else:
            trigs += [
                "Thank you {nbhd}!! What a crowd this morning 💙",
                "Packed house at {site}. Thank you!",
            ]
        if p.role != "candidate":
            trigs = [
                "Thank you all so much for the kind words today 🥹",
                "I did not expect this post to blow up. Thank you!!",
            ]
        trig = self.add(
            plat0,
            p.handles[plat0],
            self.fill(r.choice(trigs)),
            t0 - int(r.uniform(1, 10) * MIN),
            "other",
        )
        self._cheer_evening = evening
        offs = self._shape(g, n, r.choice(["front", "bell"])) * D
        core = []
        tag = p.extra.get("tag")
        for k in range(n):
            plat = plat0 if r.random() < 0.65 else self.pick_plat()
            au = self.pool_author(plat) if r.random() < 0.7 else self.new_handle(plat)
            core.append(
                self.cheer(
                    p,
                    plat,
                    au,
                    t0 + int(offs[k]),
                    reply=(plat == plat0 and r.random() < 0.6),
                    tag=tag,
                )
            )
        # a few grumbles
        for _ in range(r.randint(0, 4)):
            plat = r.choice(PLATFORMS)
            self.add(
                plat,
                self.pool_author(plat),
                self.fill(
                    r.choice(
                        [
                            "the cult is out in force tonight lol",
                            "why is my timeline all {N} stans",
                            "every reply is just fire emojis",
                        ]
                    ),
                    {"N": p.surname},
                ),
                t0 + int(r.uniform(0, D)),
                "other",
            )
        return self._record("cheer_surge", p.key, core, trigger_post_id=trig["id"])

    def make_news_surge(self):
        r, g = self.r, self.g
        p = (
            r.choice(self.active)
            if r.random() < 0.75
            else r.choice([x for x in self.cast.values() if x.role == "city_official"])
        )
        rep = r.choice([x for x in self.cast.values() if x.role == "reporter"])
        rplat = next(iter(rep.handles))
        n = r.randint(30, 120)
        D = int(r.uniform(30, 180) * MIN)
        t0 = self._start_time(D, 6.0, 21.5)
        nm = self.cand_name(p) if p.role == "candidate" else p.name
        headline = self.fill(
            r.choice(HEADLINES), {"cname": nm, "cname2": self.cand_name(r.choice(self.active))}
        )
        link = f"https://{rep.extra.get('outlet', 'carrowaycourier.com')}/news/{r.randrange(10**5, 10**6)}"
        story = self.add(
            rplat,
            rep.handles[rplat],
            f"NEW from me: {headline} {link}",
            t0 - int(r.uniform(1, 5) * MIN),
            "other",
        )
        offs = self._shape(g, n, "front") * D
        core = []
        for k in range(n):
            plat = self.pick_plat()
            au = self.pool_author(plat)
            if r.random() < 0.25:
                txt = self.fill(r.choice(NEWS_SUB), {"cname": nm})
                lab = "substantive"
            else:
                txt = self.fill(r.choice(NEWS_SHARE), {"headline": headline, "link": link})
                lab = "other"
            q = story if (plat == rplat and r.random() < 0.4) else None
            core.append(
                self.add(
                    plat,
                    au,
                    self.style(txt, caps_p=0.01),
                    t0 + int(offs[k]),
                    lab,
                    quote=q if (q and r.random() < 0.5) else None,
                    parent=q if (q and r.random() < 0.5) else None,
                )
            )
        return self._record("news_surge", p.key, core, trigger_post_id=story["id"])

    def make_sports_surge(self):
        r, g = self.r, self.g
        team = r.choice(TEAMS)
        if team == "Gulls":
            name, pos = r.choice([("Jaylen Brooks", "QB"), ("Dante Okoro", "running back")])
        else:
            name, pos = r.choice([("Mikko Lahti", "captain"), ("Ryan Ostrowski", "goalie")])
        p = Person(
            name,
            "athlete",
            {},
            "he",
            None,
            [name.split()[-1]],
            [],
            extra={"bio": f"Carroway {team} {pos}", "group": "athlete"},
        )
        if p.key in self.used_targets:
            return None
        self.people_entry(p)
        n = r.randint(40, 150)
        D = int(r.uniform(60, 150) * MIN)
        t0 = self._start_time(D, 12.0, 21.0)
        offs = self._shape(g, n, "accel") * D
        core = []
        for k in range(n):
            plat = self.pick_plat([0.55, 0.2, 0.15, 0.1])
            txt = self.fill(
                r.choice(SPORTS_CHEER),
                {
                    "P": r.choice([name, name.split()[-1], name.split()[-1].upper()]),
                    "TEAM": team.upper(),
                    "pos": pos,
                },
            )
            core.append(
                self.add(
                    plat,
                    self.pool_author(plat),
                    self.style(txt, caps_p=0.25, lower_p=0.3),
                    t0 + int(offs[k]),
                    "other",
                )
            )
        return self._record("sports_surge", p.key, core, team=team)

    # ---- debate ----
    def build_debate(self):
        r, g = self.r, self.g
        ck = self.clock
        t_pre, t_on, t_off = ck.local(18.0), ck.local(19.0), ck.local(20.5)
        E = int(self.n_bg * r.uniform(0.2, 0.3))
        mod = self.cast[self.moderator_key]
        self.people_entry(mod)
        deb = self.debaters
        base_w = np.array(
            [
                1.7
                if c is self.front
                else (
                    1.2
                    if c.key == "@MayorWhitcombe"
                    else (0.9 if c.key == "@GilMarchetti" else 0.5)
                )
                for c in deb
            ]
        ) * np.exp(g.normal(0, 0.3, len(deb)))
        base_w = base_w / base_w.sum()
        moments = [t_on + 2 * MIN, t_off - 8 * MIN] + [
            int(x) for x in g.uniform(t_on + 10 * MIN, t_off - 12 * MIN, 4)
        ]
        n_pre, n_on = int(E * 0.15), int(E * 0.6)
        n_tail = E - n_pre - n_on
        tp = t_pre + (g.beta(2, 1, n_pre) * (t_on - t_pre)).astype(np.int64)
        mix = g.random(n_on) < 0.25
        ton = np.where(
            mix,
            np.array(moments)[g.integers(0, len(moments), n_on)]
            + (g.normal(0, 3, n_on) * MIN).astype(np.int64),
            g.uniform(t_on, t_off, n_on).astype(np.int64),
        )
        ton = np.clip(ton, t_on, t_off - 1)
        tt = t_off + (g.exponential(50, n_tail) * MIN).astype(np.int64)
        tt = np.clip(tt, t_off, ck.t1 - 1)
        times = np.concatenate([tp, ton, tt])
        # candidate live posts
        live = {}
        for c in deb:
            for t in g.uniform(t_pre, t_off + 30 * MIN, r.randint(3, 6)):
                pl = next(iter(c.handles))
                post = self.add(
                    pl,
                    c.handles[pl],
                    self.fill(
                        r.choice(
                            [
                                "Ready for tonight. Let's talk about {I}. #CarrowayDebate",
                                "If you're just tuning in: my plan for {I} is at {link}",
                                "Thank you Carroway. Onward. #CarrowayDebate",
                                "Fact: {stat}. That's the record I'm running against. #CarrowayDebate",
                            ]
                        )
                    ),
                    int(t),
                    "substantive" if r.random() < 0.4 else "other",
                )
                live.setdefault(c.key, []).append(post)
        heat = {c.key: [] for c in deb}
        gaffes = []
        for k in range(r.randint(2, 4)):
            c = deb[int(g.choice(len(deb), p=base_w))]
            gt = int(g.uniform(t_on + 8 * MIN, t_off - 5 * MIN))
            gaffes.append({"candidate": c.key, "time": iso_local_us(gt * 1000)})
            dur = r.uniform(4, 8)
            extra = int(r.uniform(6, 14) * dur / 6 * (E / 1250))
            for t in g.uniform(gt, gt + dur * MIN, extra):
                pl = self.pick_plat([0.55, 0.15, 0.2, 0.1])
                au = self.pool_author(pl) if r.random() < 0.8 else self.new_handle(pl)
                heat[c.key].append(
                    self.one_attack(c, pl, au, int(t), debate=True, tag="#CarrowayDebate")
                )
        self.debate_share = {}
        for t in times:
            t = int(t)
            pl = self.pick_plat([0.55, 0.15, 0.2, 0.1])
            au = self.pool_author(pl) if r.random() < 0.8 else self.new_handle(pl)
            pa = 0.42 if t_on <= t < t_off else (0.2 if t < t_on else 0.32)
            x = r.random()
            if x < pa:
                c = deb[int(g.choice(len(deb), p=base_w))]
                heat[c.key].append(
                    self.one_attack(
                        c,
                        pl,
                        au,
                        t,
                        prefer_reply=(pl in c.handles and r.random() < 0.2),
                        debate=True,
                        tag="#CarrowayDebate",
                    )
                )
            elif x < pa + 0.18:
                txt = self.fill(r.choice(DEBATE_SUB), {"cname": self.cand_name(r.choice(deb))})
                self.add(pl, au, self.style(txt, caps_p=0.02), t, "substantive")
            elif x < pa + 0.26:
                c = r.choice(deb)
                self.cheer(c, pl, au, t, tag="#CarrowayDebate")
            else:
                txt = self.fill(
                    r.choice(DEBATE_OTHER),
                    {
                        "cname": self.cand_name(r.choice(deb)),
                        "cname2": self.cand_name(r.choice(deb)),
                    },
                )
                if "#CarrowayDebate" not in txt and pl != "reddit" and r.random() < 0.5:
                    txt += " #CarrowayDebate"
                self.add(pl, au, self.style(txt, caps_p=0.04), t, "other")
        # mild moderator grumbling (distinct accounts, spread out)
        for t in g.uniform(t_on, t_off + 15 * MIN, int(g.poisson(r.uniform(5, 12)))):
            pl = self.pick_plat([0.55, 0.15, 0.2, 0.1])
            self.one_attack(
                mod, pl, self.pool_author(pl), int(t), debate=True, tag="#CarrowayDebate"
            )
        self.heat_rate = {
            c.key: sum(1 for x in heat[c.key] if t_on <= x["_t"] < t_off) / 90.0 for c in deb
        }
        for c in deb:
            if heat[c.key]:
                self._record(
                    "debate_heat",
                    c.key,
                    heat[c.key],
                    note="debate-night baseline incivility, not a pile-on",
                )
        self.debate_info = {
            "start": iso_local_us(t_on * 1000),
            "end": iso_local_us(t_off * 1000),
            "preshow": iso_local_us(t_pre * 1000),
            "moderator": mod.key,
            "candidates": [c.key for c in deb],
            "gaffes": gaffes,
            "extra_posts": E,
        }
        return t_on, t_off

    # ---- assemble ----
    def build(self):
        r = self.r
        self.build_background()
        tkinds = [
            "candidate",
            "staff",
            "reporter",
            "volunteer",
            "ordinary",
            "private",
            "influencer",
            "official",
        ]
        tw = [0.22, 0.15, 0.17, 0.12, 0.17, 0.11, 0.04, 0.02]
        n_pile = r.choices([1, 2, 3, 4], [0.3, 0.35, 0.25, 0.1])[0]
        if self.debate:
            t_on, t_off = self.build_debate()
            if r.random() < 0.8:
                if r.random() < 0.5:
                    ep = self._debate_pileon_mod(t_on, t_off)
                else:
                    ep = self._debate_pileon_cand(t_on, t_off)
                n_pile -= 1 if ep else 0
            for c in self.debaters:
                self.used_targets.add(c.key)  # other pile-ons on debate day avoid debaters
            self.used_targets.add(self.moderator_key)
        made = 0
        tries = 0
        while made < n_pile and tries < 20:
            tries += 1
            k = r.choices(tkinds, tw)[0]
            if self.make_pileon(k) is not None:
                made += 1
        if not any(e["kind"] == "pileon" for e in self.episodes):
            self.make_pileon("ordinary")
        # decoys
        dec = []
        if r.random() < 0.7:
            dec.append(self.make_flood)
            if r.random() < 0.25:
                dec.append(self.make_flood)
        if r.random() < 0.6:
            dec.append(self.make_sub_surge)
            if r.random() < 0.2:
                dec.append(self.make_sub_surge)
        if r.random() < 0.6:
            dec.append(self.make_cheer_surge)
            if r.random() < 0.2:
                dec.append(self.make_cheer_surge)
        if r.random() < 0.5:
            dec.append(self.make_news_surge)
        if r.random() < (0.6 if self.date.weekday() in (0, 3, 5, 6) else 0.2):
            dec.append(self.make_sports_surge)
        while len(dec) < 2:
            dec.append(
                r.choice(
                    [
                        self.make_flood,
                        self.make_sub_surge,
                        self.make_cheer_surge,
                        self.make_news_surge,
                    ]
                )
            )
        for f in dec:
            f()
        return self.finish()

    def _debate_pileon_mod(self, t_on, t_off):
        mod = self.cast[self.moderator_key]
        when = int(self.g.uniform(t_on + 10 * MIN, t_off - 10 * MIN))
        self._forced = mod
        return self.make_pileon("__forced__", profile="debate_mod", when=when, debate_ctx=True)

    def _debate_pileon_cand(self, t_on, t_off):
        r = self.r
        c = self.debaters[0] if r.random() < 0.5 else r.choice(self.debaters)
        when = int(self.g.uniform(t_on + 15 * MIN, t_off + 60 * MIN))
        self._forced = c
        return self.make_pileon("__forced__", profile="debate_big", when=when, debate_ctx=True)

    def finish(self):
        posts = sorted(self.posts, key=lambda p: (p["_t"], p["id"]))
        hre = re.compile(r"#\w*[A-Za-z]\w*")
        mre = re.compile(r"@[\w.\-]+(?:@[\w.\-]+)?|\bu/[\w\-]+")
        out = []
        labels = {}
        for p in posts:
            text = p["text"]
            mentions = []
            for m in mre.findall(text):
                m = m.rstrip(".-")
                c = self.handle_canon.get(m.lower())
                if c and self.handle_plat.get(m.lower()) == p["platform"] and c not in mentions:
                    mentions.append(c)
            q = {
                "id": p["id"],
                "platform": p["platform"],
                "author": p["author"],
                "text": text,
                "created_at": _fmt_created(p["_t"], p["platform"]),
            }
            if "reply_to" in p:
                q["reply_to"] = p["reply_to"]
            q["url"] = p["url"]
            q["lang"] = p["lang"]
            q["hashtags"] = list(dict.fromkeys(hre.findall(text)))
            q["mentions"] = mentions
            out.append(q)
            labels[p["id"]] = [p["_label"], p["_target"]]
        people = {}
        for k, p in self.people.items():
            people[k] = {
                "name": p.name,
                "role": p.role,
                "aliases": p.aliases(),
                "handles": dict(p.handles),
            }
            if p.extra.get("bio"):
                people[k]["bio"] = p.extra["bio"]
        # episodes in time order
        self.episodes.sort(key=lambda e: e["start"])
        self.episodes.sort(key=lambda e: datetime.fromisoformat(e["start"]))
        truth = {
            "seed": self.seed,
            "debate": self.debate,
            "posts": len(out),
            "posts_param": self.n_bg,
            "date": self.date.isoformat(),
            "timezone": TZ_NAME,
            "day_start": iso_local_us(self.clock.t0 * 1000),
            "day_end": iso_local_us(self.clock.t1 * 1000),
            "phase": self.phase,
            "candidates": [c.key for c in self.active],
            "race": "Port Carroway mayoral race (fictional), general 2026-11-03, runoff 2026-12-01",
            "people": people,
            "episodes": self.episodes,
            "labels": labels,
        }
        if self.debate_info:
            truth["debate_night"] = self.debate_info
        return out, truth


def _patch_forced():
    orig = _Day.choose_pileon_target

    def choose(self, kind):
        if kind == "__forced__":
            return self._forced
        return orig(self, kind)

    _Day.choose_pileon_target = choose


_patch_forced()


def generate_third_day(
    seed: int, *, posts: int = 5000, debate: bool = False
) -> tuple[list[dict], dict]:
    """(canonical posts sorted by time, ground truth)"""
    return _Day(seed, posts, debate).build()


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Generate a simulated Port Carroway campaign day (canonical JSONL + truth)."
    )
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--posts", type=int, default=5000)
    ap.add_argument("--debate", action="store_true")
    ap.add_argument(
        "--out", required=True, help="output .jsonl; truth goes to <stem>.truth.json beside it"
    )
    a = ap.parse_args(argv)
    posts, truth = generate_third_day(a.seed, posts=a.posts, debate=a.debate)
    with open(a.out, "w", encoding="utf-8") as f:
        for p in posts:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    stem = a.out[:-6] if a.out.endswith(".jsonl") else a.out
    tpath = stem + ".truth.json"
    with open(tpath, "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    pil = [e for e in truth["episodes"] if e["kind"] == "pileon"]
    print(
        f"{a.out}: {len(posts)} posts, {len(pil)} pile-ons, {len(truth['episodes']) - len(pil)} other episodes; truth -> {tpath}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
