"""Blind generator of held-out campaign days for checking issue 5's pile-on alerts.

Written from the text of issue 5 and the canonical JSONL format in the README alone, without
sight of civmon's detector, classifier, configuration, tests or any other generator. It plays the
part of an outside test-writer: realistic, varied days that are neither easy nor adversarial for
their own sake.

The race (fictional): Arizona's 10th congressional district, an open seat in the Sonoran desert
around Copper Wash, Agave Springs, Las Palomas and Dry Fork, in October 2026. State senator Wade
Brannigan (R, @WadeBrannigan) faces county supervisor Marisol Quintero (D, @MarisolForAZ10) and
Libertarian Dale Ostrander (@OstranderForAZ). Also on the Agave County ballot: Prop 412, a
groundwater management area. Arizona keeps standard time all year, so local time is UTC-07:00.
The cast also holds campaign staff, reporters (one of them the KTVS debate moderator),
volunteers, county officials, and a few people nobody discussed before until they go viral (some
with an account, some known only by name, e.g. a poll worker caught on video).

A day runs from local midnight for 24 hours and holds:

* background chatter on x, reddit, bluesky and mastodon with a diurnal rhythm (quiet at 3 am,
  peaks at lunch and in the evening); logistics, weather, sports, Spanish-language posts, replies
  and quote-posts; about a fifth is substantive issue talk;
* baseline incivility, mostly at the two main candidates (roughly 0.05-0.15 attacks a minute
  each), with a sprinkling at staff, reporters, officials and ordinary accounts in spats;
* 2-4 pile-ons: many distinct accounts attacking one person within minutes to two hours, in six
  profiles (small: 9-14 attackers in 12-25 min; flash: 18-45 in 8-20 min; fast: 12-30 in 15-35
  min; steady: 15-40 in 35-70 min; slow burn: 12-18 in 70-120 min; big: 40-80 in 15-50 min;
  candidates only get big ones), with an instigating quote-post, repeat posters, defenders,
  onlookers, sometimes a second wave, sometimes spilling onto a second platform;
* decoys: single-account floods (one account, 15-40 insults at one person, with at most one
  other account chiming in), substantive surges (harsh criticism of a record or policy),
  cheering surges (endorsements, rallies) and news surges (a story shared widely);
* with ``debate=True``: a debate 19:00-20:30 with a pre-show ramp and a long tail, adding about a
  fifth of the day's posts, over 40% of them attacks at the candidates, with short "moments"
  when one candidate's attack rate jumps; the moderator may be piled on (a real pile-on).

Labels follow the issue: ``attack`` (ad hominem; target = the attacked person), ``substantive``
(policies, records, votes, evidence, even harshly) and ``other``.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

TZ = dt.timezone(dt.timedelta(hours=-7))
FIRST_DAY = dt.date(2026, 9, 28)
DAY_S = 86400.0
RACE = "AZ-10 (fictional): Quintero (D) vs Brannigan (R) vs Ostrander (L), Prop 412"


# --------------------------------------------------------------------------- cast


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    handle: str | None
    platform: str | None
    role: str
    sub: str
    side: str
    aliases: tuple[str, ...]
    org: str

    @property
    def target(self) -> str:
        return self.handle or f"name:{self.name}"

    @property
    def obj(self) -> str:
        return "her" if self.sub == "she" else "him"

    @property
    def pos(self) -> str:
        return "her" if self.sub == "she" else "his"


def _p(key, name, handle, platform, role, sub, side, aliases, org) -> Person:
    return Person(key, name, handle, platform, role, sub, side, tuple(aliases), org)


# fmt: off
CAST: tuple[Person, ...] = (
    _p("quintero", "Marisol Quintero", "@MarisolForAZ10", "x", "candidate", "she", "Q",
       ["Marisol Quintero", "Quintero", "Marisol", "Supervisor Quintero"], "the Quintero campaign"),
    _p("brannigan", "Wade Brannigan", "@WadeBrannigan", "x", "candidate", "he", "B",
       ["Wade Brannigan", "Brannigan", "Wade", "Sen. Brannigan"], "the Brannigan campaign"),
    _p("ostrander", "Dale Ostrander", "@OstranderForAZ", "x", "candidate", "he", "L",
       ["Dale Ostrander", "Ostrander"], "the Ostrander campaign"),
    _p("raman", "Priya Raman-Holt", "@PriyaRamanHolt", "x", "staff", "she", "Q",
       ["Priya Raman-Holt", "Raman-Holt"], "Quintero's comms director"),
    _p("ocampo", "Jess Ocampo", "@jessocampo.bsky.social", "bluesky", "staff", "she", "Q",
       ["Jess Ocampo", "Ocampo"], "Quintero's field director"),
    _p("vance", "Cody Vance", "@CodyVanceAZ", "x", "staff", "he", "B",
       ["Cody Vance", "Vance"], "Brannigan's campaign manager"),
    _p("fitch", "Lorna Fitch", "@LornaFitch", "x", "staff", "she", "B",
       ["Lorna Fitch", "Fitch"], "Brannigan's spokeswoman"),
    _p("adeyemi", "Ben Adeyemi", "@BenAdeyemiNews", "x", "journalist", "he", "press",
       ["Ben Adeyemi", "Adeyemi"], "the Copper Wash Courier"),
    _p("strand", "Hallie Strand", "@halliestrand.bsky.social", "bluesky", "journalist", "she",
       "press", ["Hallie Strand", "Strand"], "KSGV public radio"),
    _p("delgado", "Rosa Delgado-Kim", "@RosaDelgadoKTVS", "x", "journalist", "she", "press",
       ["Rosa Delgado-Kim", "Delgado-Kim"], "KTVS 5"),
    _p("marsh", "Theo Marsh", "@theomarsh@journa.host", "mastodon", "journalist", "he", "press",
       ["Theo Marsh", "Marsh"], "the Sonoran Ledger"),
    _p("nunez", "Gabe Nuñez", "@gabe_knocks", "x", "volunteer", "he", "Q",
       ["Gabe Nuñez", "Gabe Nunez"], "a Quintero volunteer"),
    _p("pruitt", "Ellie Pruitt", "@elliepruitt_az", "x", "volunteer", "she", "B",
       ["Ellie Pruitt", "Pruitt"], "a Brannigan volunteer"),
    _p("kovac", "Dusty Kovac", "u/dry_fork_dusty", "reddit", "volunteer", "he", "N",
       ["Dusty Kovac", "the r/AgaveCounty mod"], "a moderator of r/AgaveCounty"),
    _p("oyelaran", "Janet Oyelaran", "@JOyelaran", "x", "official", "she", "N",
       ["Janet Oyelaran", "Recorder Oyelaran", "Oyelaran"], "the Agave County Recorder"),
    _p("hendry", "Tom Hendry", "@MayorHendry", "x", "official", "he", "N",
       ["Tom Hendry", "Mayor Hendry"], "the mayor of Copper Wash"),
    _p("padilla", "Art Padilla", "@SheriffPadilla", "x", "official", "he", "N",
       ["Art Padilla", "Sheriff Padilla"], "the Agave County sheriff"),
    _p("kate", "Kate Lindqvist", "@cactuskate_", "x", "ordinary", "she", "N",
       ["Kate Lindqvist"], "a Copper Wash resident"),
    _p("mike", "Mike Sorensen", "@mesquitemike@sonoran.social", "mastodon", "ordinary", "he", "Q",
       ["Mike Sorensen"], "a retired teacher in Las Palomas"),
    _p("tanya", "Tanya Boyd", "@tanyaboyd.bsky.social", "bluesky", "ordinary", "she", "Q",
       ["Tanya Boyd"], "a nurse in Dry Fork"),
    _p("sallis", "Derek Sallis", None, None, "private", "he", "N",
       ["Derek Sallis", "Sallis"], "a poll worker"),
    _p("archuleta", "Luis Archuleta", None, None, "private", "he", "N",
       ["Luis Archuleta", "Archuleta"], "a Dry Fork rancher"),
    _p("carla", "Carla Brannigan", None, None, "private", "she", "B",
       ["Carla Brannigan"], "Wade Brannigan's wife"),
    _p("tafoya", "Ramona Tafoya", None, None, "official", "she", "Q",
       ["Ramona Tafoya", "Gov. Tafoya", "Governor Tafoya"], "the governor"),
)
# fmt: on
BY_KEY = {p.key: p for p in CAST}
CANDIDATES = ("quintero", "brannigan", "ostrander")
VIRAL = ("kate", "mike", "tanya", "sallis", "archuleta")
POSTERS = tuple(p.key for p in CAST if p.handle and p.key not in VIRAL)

# who gets the background incivility that is not at a candidate (relative weights)
MINOR_TARGETS = {
    "raman": 12,
    "ocampo": 8,
    "vance": 12,
    "fitch": 10,
    "adeyemi": 15,
    "strand": 8,
    "delgado": 8,
    "marsh": 4,
    "nunez": 4,
    "pruitt": 4,
    "kovac": 3,
    "oyelaran": 12,
    "hendry": 6,
    "padilla": 6,
    "carla": 4,
    "tafoya": 10,
}

# --------------------------------------------------------------------------- places, issues

TOWNS = ["Copper Wash", "Agave Springs", "Las Palomas", "Dry Fork", "Saguaro Flats", "Tres Pozos"]
VENUES = [
    "the Copper Wash fairgrounds",
    "Agave Springs High gym",
    "the Las Palomas VFW",
    "the Dry Fork grange hall",
    "Sonoran Community College",
]
TAGS = [
    "#AZ10",
    "#AZ10",
    "#AZ10",
    "#Prop412",
    "#AgaveCounty",
    "#CopperWash",
    "#AZpolitics",
    "#VoteEarly",
    "#WaterIsLife",
    "#azleg",
]
CHEER_TAGS = {
    "quintero": ["#Quintero2026", "#TeamMarisol"],
    "brannigan": ["#Brannigan2026", "#WadeForAZ"],
    "ostrander": ["#Ostrander2026"],
}
UNIONS = [
    "Arizona Nurses Association",
    "Agave County Firefighters Local 4412",
    "Farm Bureau",
    "Sonoran Teachers Union",
    "Copper Miners Local 9",
    "Agave County Cattlemen",
]
LINKS = [
    "https://copperwashcourier.com/2026/10/{n}/az10-water-vote",
    "https://ksgv.org/news/{n}/prop-412-explained",
    "https://youtu.be/{s}",
    "https://www.ktvs5.com/politics/az10-{n}",
    "https://sonoranledger.org/data/{n}",
    "https://recorder.agavecounty.gov/early-voting",
    "https://bit.ly/{s}",
]
EMOJI = {
    "attack": ["🤡", "🙄", "💀", "🤮", "😂", "🐍", "🤥", "🖕"],
    "other": ["😅", "☀️", "🌵", "🗳️", "🙏", "😂", "🥵", "👀", "🍕", "🔥", "🙌", "💙", "❤️", "🇺🇸"],
    "substantive": ["📊", "👇", "🧵", "💧", "📉", "🤔"],
}
SLANG_PRE = ["lol ", "ngl ", "tbh ", "bro ", "yall ", "honestly ", "ok so ", "imo ", "fr "]
SLANG_POST = [" smh", " lmao", " fr", " lol", " tbh", " 🤷", " just saying", " period."]
ISSUES = [
    "groundwater pumping by the mega-dairies",
    "Prop 412",
    "the Silverbell Ridge mine expansion",
    "Colorado River cuts",
    "rent in Copper Wash",
    "the Dry Fork ER closure",
    "ESA vouchers",
    "heat deaths and cooling centers",
    "the I-10 widening",
    "abortion access",
    "fentanyl at the border",
    "the data center tax abatement",
    "wildfire crews",
]

# --------------------------------------------------------------------------- text banks
# {t} = how the target is named; {sub}/{obj}/{pos} = pronouns; {cand}, {cand2} = candidates;
# {town}, {venue}, {tag}, {issue}, {union}, {org}, {link}, {n} = fillers.

SUB, OTH = "substantive", "other"

CHATTER = [
    "anyone know if the {town} library drop box is open on sunday?",
    "it is 97 degrees in October. OCTOBER",
    "early voting at the {town} community center, line was maybe 10 min",
    "just got my ballot in the mail, filling it out at the kitchen table with coffee ☕",
    "volunteers needed saturday 9am, meet at the {town} field office, bring water",
    "my whole feed is {tag} today and honestly i'm here for it",
    "who else is watching the Suns game instead of doing anything productive",
    "phone banking tonight 6-8, pizza provided 🍕",
    "reminder: drop boxes close at 7pm on election day, not midnight",
    "yard sign count on my street: 4 to 3. the cul-de-sac is divided",
    "monsoon finally over and now it's the dust. love it here",
    "does anyone have the link to the candidate forum stream",
    "my grandma just asked who {cand} is. grandma it has been on tv for 3 months",
    "canvassing in {town} today, lots of dogs, zero bites, good day",
    "new to the district, where do I check my registration?",
    "the Courier paywall is killing me",
    "heading to the farmers market in {town}, anyone want anything",
    "trash pickup moved to thursday because of the road work on Main fyi",
    "I have gotten 14 political texts today. fourteen.",
    "Stop texting me, I already voted!! 😭",
    "good morning from {town} 🌵☀️",
    "the ads on youtube are getting unhinged, both sides",
    "who's going to the rally at {venue} tomorrow?",
    "parking at {venue} is a disaster, carpool if you can",
    "we're at the {town} fall festival registering voters, come say hi",
    "ok which one of you is flying a drone over the county building lol",
    "anyone else's mail ballot still not showing as received?",
    "check your ballot status on the recorder's site, takes 2 min {link}",
    "coffee, then canvassing, then a nap. in that order",
    "lost dog near the {town} post office, brown heeler mix, answers to Biscuit",
    "my kid asked why there are so many signs on the highway. good question kid",
    "the {town} city council meeting is 6pm tonight if you care about the park bond",
    "traffic on I-10 westbound is backed up past the {town} exit again",
    "is the debate on KTVS or only streaming?",
    "first time voter here, ballot is LONG. so many judges",
    "what's the deadline to request an early ballot again?",
    "This heat is absolutely f***ing ridiculous, it's fall",
    "we need a reddit megathread for all the {tag} stuff, it's everywhere",
    "the chile roaster is back at the {town} Bashas' which means fall has officially started",
    "if you're door knocking in {town} wear real shoes, the goatheads are brutal",
    "does anyone know what time results usually come in for Agave County?",
    "TIL there are 3 candidates in {tag}. who knew",
    "Friendly reminder to be nice to your poll workers, they're your neighbors",
    "Saw a {cand} sign and a {cand2} sign in the same yard. marriage goals",
    "the cardinals game is on. I will not be taking political questions",
    "anyone selling extra tickets to the high school game friday?",
    "Local news: the {town} splash pad is closing for the season on the 15th",
    "got my 'I voted' sticker, going to wear it all week",
    "is anyone livestreaming the forum at {venue}?",
    "The sunset over {town} tonight 😍 (no politics, just vibes)",
    "been on hold with the recorder's office for 25 min, they're swamped lol",
    "what's everyone bringing to the watch party",
    "ugh my neighbor's leaf blower at 7am on a saturday",
    "ok I finally read the whole Prop 412 pamphlet. my brain hurts",
    "Anyone have a spare clipboard? our canvass team is short two",
    "thread of the best yard signs in the district, go 👇",
    "Monsoon damage on the Dry Fork road is still not fixed btw",
    "voter registration table at the {town} Walmart until 4",
    "genuinely cannot tell if that mailer was satire",
    "Hot take: the county fair funnel cake is better than the state fair one",
    "does the {town} drop box take ballots from other precincts?",
    "polling place change in {town}: precinct 14 moved to the Methodist church",
]

CHATTER_ES = [
    "¿Alguien sabe dónde votar temprano en {town}?",
    "Ya llegó mi boleta por correo 🗳️",
    "Voluntarios este sábado en {town}, traigan agua y gorra",
    "Hace un calor tremendo hoy en {town} 🥵",
    "Recuerden: las urnas cierran a las 7 de la noche el día de la elección",
    "Mi abuela ya votó y ahora nos está llamando a todos para recordarnos jaja",
    "¿Alguien va al mitin en {venue} mañana?",
    "Buenos días {town} ☀️🌵",
    "¿Dónde reviso si mi boleta fue recibida?",
    "Hay un debate esta semana, ¿lo van a ver en KTVS?",
    "¡Vamos {cand}! Hoy estuvo lleno en {town} 🙌",
]

LOGISTICS_OFFICIAL = [
    "Early ballots for the Nov 3 election were mailed Oct 7. Track yours: {link}",
    "Drop boxes in {town} are open 24/7 through Election Day at 7pm.",
    "Reminder: signature curing deadline is 5 business days after the election.",
    "Our office is open Saturday 8am-5pm for in-person early voting at the county complex.",
    "Logic and accuracy testing of the tabulators is open to the public Thursday at 10am.",
    "Road closure on Main St in {town} Friday for the homecoming parade. Plan ahead.",
    "Cooling center at the {town} library is open until 7pm today. Stay safe.",
    "Deputies will be at the {town} fall festival today. Come say hi.",
]

CHEER = [
    "LET'S GO {cand}!! {ctag}",
    "{cand} just got the endorsement of the {union}. huge 🔥",
    "packed house for {cand} in {town} tonight 🙌",
    "so proud to knock doors for {cand} today {ctag}",
    "{cand} is the real deal. been saying it since the primary",
    "just chipped in $25 for {cand}, let's finish strong {ctag}",
    "the energy at {venue} right now!!! {ctag}",
    "{cand} took questions for an hour and didn't dodge one. that's leadership",
    "yard sign is UP. {ctag}",
    "Couldn't be more excited to vote for {cand} 🗳️💯",
    "{cand} remembered my mom's name from a meet and greet in June. class act",
    "WE ARE SO BACK {ctag}",
    "that new {cand} ad made me tear up ngl",
    "Best speech of the cycle from {cand} tonight",
    "{union} backing {cand} is a big deal in this district",
    "100 volunteers showed up in {town} this morning for {cand}!!",
    "{cand} 2026!!!! 🇺🇸🇺🇸",
    "so many first time volunteers at the {town} office today for {cand} 💙",
    "If you're on the fence, go see {cand} in person. you'll get it",
    "Proud to stand with {cand} {ctag} {tag}",
]

CHEER_PERSON = {
    "volunteer": [
        "{t} knocked on 10,000 doors this cycle. TEN THOUSAND. legend",
        "shoutout to {t}, absolute rockstar of the {town} canvass 🙌",
        "thank you {t} for driving my grandma to the polls ❤️",
        "{t} ran the whole {town} phone bank solo tonight. MVP",
        "everyone say thank you to {t}, 6 weekends straight of door knocking",
    ],
    "journalist": [
        "congrats {t} on the award!! well deserved",
        "{t} is why I still read local news. thank you",
        "everyone go follow {t}, best coverage of {tag} by miles",
        "{t}'s reporting on the water votes is the best work in the state this year",
        "subscribe to the paper that employs {t}. that's it, that's the post",
    ],
    "default": [
        "huge thanks to {t} for the help today ❤️",
        "{t} is a gem. this county is lucky",
        "shoutout to {t} 🙌",
    ],
}

# a surge of criticism of one person's record or policy: harsh, but never ad hominem
SURGE_SUBST = {
    "candidate": [
        "{t} voted for SB 1187 in 2023, exempting the big alfalfa farms from metering. "
        "that's the record {link}",
        "SB 1187 is the dumbest water bill in decades and {t} voted for it",
        "{t}'s record on water: 4 votes for exemptions in 6 years. a disgrace of a record",
        "Per campaign finance filings, dairy PACs gave {t} $180K in 2023, the year of the "
        "SB 1187 vote {link}",
        "{t}'s explanation of the SB 1187 vote doesn't match the committee minutes. Page 14: "
        "{link}",
        "if {t} wants to lead on water, explain the 2024 vote against well metering",
        "{t}'s new water plan caps pumping for new wells only. the mega-dairies already "
        "drilled theirs. toothless",
        "this plan from {t} is garbage policy: it protects the biggest users and leaves "
        "domestic wells dry",
        "{t}'s housing plan has no water supply math in it. none. read it {link}",
        "the data center deal {t} voted for: $40M in abatements for 35 jobs. terrible deal",
        "{t}'s budget numbers don't add up: $2.1B in new spending, $300M in offsets",
        "Read the whole bill {t} is bragging about. Section 4 exempts the mine {link}",
        "credit where due: {t} is right about the I-10 money, wrong about the timeline",
        "{t} says Prop 412 raises rates 40%. the county's own analysis says 3-6% {link}",
        "{t}'s answer on the Dry Fork ER today had no funding source. again",
    ],
    "official": [
        "{t}'s plan to close 3 drop boxes in Dry Fork will hurt rural voters, the nearest one "
        "would be 40 miles away",
        "the new signature check policy from {t}'s office is stricter than state law "
        "requires. statute here {link}",
        "{t}'s water rate hike hits fixed-income seniors hardest, the council packet shows it "
        "{link}",
        "the budget {t} proposed cuts library hours 20% to add 4 patrol positions. bad trade",
        "{t}'s office says results by Thursday. 2022 took 9 days. what changed? staffing "
        "numbers please",
        "consolidating polling places in an election year is reckless policy, {t}. reverse it",
        "the decision {t} announced today is terrible policy and the data in the memo says so",
    ],
}

SUBSTANTIVE = [
    "{cand}'s plan to cap groundwater pumping in the Willcox basin would finally put limits "
    "on the mega-dairies",
    "{cand} voted for SB 1187 in 2023, which exempted the big alfalfa farms from metering. "
    "that's the record {link}",
    "Prop 412 would create an active management area for the Agave basin. Read the text "
    "before you vote: {link}",
    "the Silverbell Ridge expansion brings ~600 jobs but uses 9,000 acre-feet a year. we need "
    "to talk about that tradeoff",
    "{cand}'s housing plan is mostly zoning reform, which is fine, but where's the money for "
    "water and sewer hookups?",
    "ESA vouchers cost the state close to $900M this year. Ask {cand} how they'd pay for it",
    "Dry Fork lost its ER in March. Neither {cand} nor {cand2} has put a funding source on the "
    "table",
    "{cand} promises to protect Medicaid, yet the county budget {cand} backed cut clinic hours "
    "in Tres Pozos. explain that",
    "the county's own analysis says Prop 412 raises residential water bills 3-6%, not 40%",
    "{cand} wants to fast-track the I-10 widening. Good, but the funding is 80% federal and "
    "that bill is stalled",
    "On {issue}: {cand}'s position has changed twice since the primary. Here are the quotes {link}",
    "Heat deaths in Agave County went from 11 to 38 in four years. What's the cooling center "
    "plan, {cand}?",
    "{cand} missed 14 of 22 water committee votes last session per the legislature's own record",
    "the data center abatement gave away $40M over 10 years for 35 permanent jobs. {cand} "
    "voted yes",
    "Both candidates keep saying 'protect our water' and neither says from whom",
    "Read the Ledger's breakdown of campaign money: 61% of {cand}'s PAC money is from out of "
    "state {link}",
    "Wildfire crews in the district are 30% understaffed. That's a federal budget question, "
    "which is literally this job",
    "{cand}'s border plan: more agents, no new wall. {cand2}'s: wall plus National Guard. "
    "cost estimates differ by 4x",
    "abortion access is on the ballot statewide; {cand} backs codifying Roe in federal law, "
    "{cand2} says leave it to the states",
    "rent in Copper Wash up 41% since 2020. {cand}'s plan is tax credits, which mostly go to "
    "landlords",
    "if Prop 412 passes, new wells over 35 gpm need a permit. existing domestic wells are exempt",
    "I'd like to hear {cand} on {issue}. the website says nothing specific",
    "fact: the mine expansion needs a federal land swap. whoever wins this seat votes on it",
    "{cand} co-sponsored the 2024 well-metering bill, then voted against the final version. why?",
    "The Colorado River shortage cuts hit Pinal and Agave farms first. This race matters for "
    "that negotiation",
    "Interesting data from the Ledger on {issue}: {link}",
    "School funding per pupil in the district is 44th in the nation. what are the candidates "
    "proposing?",
    "{cand}'s tax plan extends the 2017 cuts. CBO scores that at $4T. where's the offset?",
]

SUBSTANTIVE_HARSH = [
    "SB 1187 is the dumbest water bill this state has passed in decades and {cand} voted for it",
    "this housing plan is garbage. zoning reform without water is a fantasy",
    "{cand}'s tax plan is a joke, the numbers don't add up to anything",
    "Prop 412 is a disaster for small farmers, full stop. vote no",
    "the data center deal {cand} voted for was a terrible deal for the county",
    "that border plan is pure fantasy, it would cost $20B and do nothing",
    "cutting the heat relief budget in a county where 38 people died of heat is indefensible",
    "{cand}'s water plan is an insult to every family on a private well",
    "the voucher program is a black hole and {cand} wants to make it bigger. terrible policy",
    "{cand}'s vote on the mine swap was a sellout of the San Pedro. look it up {link}",
    "this 'plan' for the Dry Fork ER is three sentences long. it's not a plan, it's a slogan",
    "the I-10 proposal is a boondoggle and {cand} knows the money isn't there",
    "worst idea of the campaign so far: {cand}'s plan to sell state trust land for housing",
    "{cand}'s record on water is a disgrace: 4 votes for exemptions in 6 years",
]

ATTACK_3P = [
    "{t} is a liar and a coward",
    "{t} is the dumbest person I have ever seen run for anything",
    "{t} is bought and paid for, everyone knows it",
    "{t} has the spine of a wet noodle",
    "{t} is a fraud. always has been",
    "nobody trusts {t}, {sub}'s a snake",
    "{t} only cares about {pos} own career, never about us",
    "{t} is a grifter in a nice blazer",
    "{t} looks like {sub} sleeps in a tanning bed lmao",
    "{t} is a total clown 🤡",
    "{t} is too stupid to understand {pos} own talking points",
    "absolute creep energy from {t}",
    "{t} is a disgusting human being",
    "{t} is an embarrassment to this district",
    "{t} is a pathological liar",
    "{t} is a corrupt little weasel",
    "{t} is so fake it hurts. plastic person",
    "{t} is a spineless puppet",
    "imagine being as dumb as {t}",
    "{t} = clown. that's the tweet",
    "{t} is a sleazebag",
    "{t} is a hypocrite and a crook",
    "{t} has the charisma of a parking cone",
    "{t} is a lunatic, full stop",
    "{t} is human garbage",
    "{t} is a snake oil salesman",
    "{t} is a smug idiot",
    "{t} is a moron who shouldn't be allowed near a microphone",
    "{t} is completely unhinged",
    "{t} is a bitter, nasty person",
    "what a pathetic excuse for a human {t} is",
    "{t} is a two-faced phony",
    "{t} is a creep",
    "{t} is a loser. always will be",
    "can't stand {t}. smug, lying, useless",
    "{t} is a brain-dead zombie",
    "{t} is a greedy, dishonest hack",
    "somebody tell {t} that being a weasel isn't a personality",
]

ATTACK_2P = [
    "you are a liar and a coward",
    "you're an idiot",
    "you are the dumbest person in Arizona",
    "you are a disgrace",
    "nobody likes you. nobody.",
    "you're a fraud and everybody knows it",
    "shut up you clown 🤡",
    "you're pathetic",
    "you are a disgusting person",
    "go back to California",
    "you're a hack",
    "you're a corrupt little weasel",
    "what a loser",
    "you're an embarrassment",
    "you're a spineless puppet",
    "you look ridiculous and you sound dumber",
    "you are a joke",
    "you're unhinged",
    "get a real job you useless grifter",
    "delete your account you absolute moron",
    "you have the brain of a cactus",
    "you're a lying snake 🐍",
    "you are so stupid it's honestly impressive",
    "clown behavior from a clown",
    "no one asked you, you smug idiot",
    "you are a coward",
    "you're a terrible person",
    "imagine being you. yikes",
    "you are vile",
    "lol you're such a fake",
    "you're a nasty piece of work",
    "you absolute weirdo",
]

ATTACK_ROLE = {
    "candidate": [
        "{t} couldn't find Dry Fork on a map",
        "{t} is a fake cowboy with a fake tan",
        "{t} would sell this whole district to the highest bidder",
        "{t} is an empty suit",
        "{t} is a career liar who has never worked a real day",
        "{t} is a carpetbagger who moved here to run for office",
        "{t} is a coward who hides behind staff",
        "{t} is a spineless puppet for {pos} donors",
    ],
    "staff": [
        "{t} is a paid liar for {cand}",
        "{t} spins for a living, zero integrity",
        "{t} is the most obnoxious flack in the state",
        "{t} would sell {pos} own mother for a retweet",
        "{t} is {cand}'s attack dog and a nasty one",
        "{t} is a smug campaign hack",
    ],
    "journalist": [
        "{t} is a hack",
        "{t} isn't a journalist, {sub}'s a stenographer for {cand}",
        "{t} is a partisan hack pretending to be neutral",
        "{t} should be fired. lazy, biased, dishonest",
        "fake news {t} strikes again, what a clown",
        "{t} is a liar with a press badge",
        "{t} couldn't report the weather honestly",
    ],
    "volunteer": [
        "{t} is a brainwashed idiot",
        "{t} is a creep who shouldn't be knocking on anyone's door",
        "{t} is a cult member lol",
        "{t} is a loser with no life",
        "{t} is a nutjob",
        "{t} looks like a walking participation trophy",
    ],
    "official": [
        "{t} is a crook",
        "{t} is incompetent and corrupt",
        "{t} should be in jail",
        "{t} is a partisan hack who can't count",
        "{t} is a disgrace to the office",
    ],
    "ordinary": [
        "{t} is an idiot",
        "{t} is a troll with no life",
        "{t} is a moron",
        "{t} is an unhinged weirdo",
        "{t} is a bot and a dumb one",
    ],
    "private": [
        "{t} is a creep",
        "{t} is a partisan hack",
        "{t} is a moron",
        "{t} is a liar and everybody in town knows it",
    ],
}

ATTACK_ES = [
    "{t} es un mentiroso y un cobarde",
    "{t} es una vergüenza para el distrito",
    "{t} no sabe ni lo que dice, qué payaso 🤡",
    "{t} es un corrupto",
]

# pile-on stories: the trigger post by the target (or about them), then story-specific lines
STORIES = {
    "tweet": {
        "trigger": [
            (
                "honestly if you can't afford Copper Wash rent maybe move? not everything "
                "is the government's job",
                SUB,
            ),
            ("the people yelling about Prop 412 have never read it. sorry not sorry", OTH),
            ("Dry Fork doesn't need its ER back, it needs a road to Copper Wash's", SUB),
        ],
        "lines": [
            "deleted the tweet already? too late {t}, we all saw who you are",
            "{t} posting that and thinking it was fine tells you everything about {obj}",
            "screenshot is forever, {t}. you're a snob and a jerk",
            "{t} really showed {pos} true colors today. elitist trash",
            "that tweet is peak {t}. arrogant, clueless, mean",
        ],
    },
    "story": {
        "trigger": [
            ("NEW: {cand} campaign's water claims don't hold up, per county records {link}", SUB),
            ("My story on the {cand} PAC money is up. Thread 🧵 {link}", SUB),
            ("FACT CHECK: {cand}'s ad on {issue} is misleading. Details {link}", SUB),
        ],
        "lines": [
            "{t} writing that garbage 'fact check' proves {sub}'s a hack",
            "{t} is an activist, not a reporter. shameless",
            "everyone knows {t} is in the tank for {cand}. pathetic liar",
            "{t} should lose {pos} job over this hit piece, dishonest clown",
            "{t} is a propagandist with a byline",
        ],
    },
    "video": {
        "trigger": [
            ("this video from the {town} canvass is going around, context matters {link}", OTH),
            ("posting the full clip from {venue} so people can see it {link}", OTH),
        ],
        "lines": [
            "{t} in that video is a total lunatic",
            "{t} is a deranged weirdo, who sent {obj} out in public",
            "did you see {t} in that clip? what an unhinged freak",
            "{t} is a nasty, hateful person. the video proves it",
            "{t} is a psycho, full stop",
        ],
    },
    "count": {
        "trigger": [
            (
                "Update: 41,200 early ballots processed. Next results release Thursday "
                "5pm. Signature verification continues.",
                OTH,
            ),
            ("Our office will not be releasing partial counts before the statutory deadline.", OTH),
        ],
        "lines": [
            "{t} is a crook stalling the count",
            "{t} is corrupt to the bone, everyone sees it",
            "{t} is a lying partisan hack, resign",
            "{t} is too incompetent to run a lemonade stand let alone an election",
            "{t} is a criminal and should be treated like one",
        ],
    },
    "gaffe": {
        "trigger": [
            ("what I said at {venue} was taken out of context. here's the full answer {link}", OTH),
            ("Great conversation with voters in {town} today!", OTH),
        ],
        "lines": [
            "{t} said 'who cares about Dry Fork'. what a snob",
            "{t} is a smug elitist who looks down on all of us",
            "{t} is a liar AND an elitist, what a combo",
            "{t} just showed everyone what a fraud {sub} is",
            "{t} is a condescending phony. that clip says it all",
        ],
    },
}
STORY_FOR = {
    "candidate": ["gaffe", "tweet", "video"],
    "staff": ["tweet", "video"],
    "journalist": ["story"],
    "volunteer": ["video", "tweet"],
    "official": ["count"],
    "ordinary": ["tweet", "video"],
    "private": ["video"],
}

INSTIGATE = [
    'QT {src}: "{quote}" — lmao {t} is a clown',
    "Look at this. {t} is a disgrace 👇 {link}",
    "{t} everyone. this is who {sub} is. absolutely vile person {link}",
    "y'all need to see what {t} just did. what an idiot {link}",
]

DEFEND = [
    "leave {obj} alone, {sub}'s doing {pos} job",
    "dogpiling one person over one post is gross, log off",
    "y'all need to touch grass",
    "standing with {t} today ❤️",
    "reporting every one of these accounts",
    "disagree with {obj} all you want but this is harassment",
    "the replies here are a disgrace to this district",
    "{t} is a decent person and you all know it",
    "this is what happens when a big account sends their followers after someone",
    "blocking and reporting. stay safe {t} 🙏",
    "criticize the work, not the person",
]
DEFEND_ATTACK = [
    "@{a} you're a pathetic troll",
    "@{a} get a life you weirdo",
    "@{a} what a sad little man",
]
ONLOOK = [
    "the replies under {t} are a war zone today",
    "why is {t} trending",
    "what did {t} do now?",
    "oof, {t}'s mentions are rough right now 👀",
    "I miss when local politics was boring",
]
TARGET_REACT = [
    "muting this thread. have a nice day everyone",
    "I stand by what I said. and I'm logging off for a bit",
    "to the folks sending me messages: I read them, I'm ok, thanks ❤️",
    "Comments are off. Back to work.",
]

DEBATE_OTHER = [
    "ok debate drinking game: every time someone says 'water' 🍺",
    "watching the {tag} debate with my whole family, pray for me",
    "KTVS stream keeps buffering",
    "who's winning so far?",
    "{mod} needs to enforce the time limits",
    "Ostrander's tie tho",
    "this format is terrible, 60 seconds isn't enough for water policy",
    "closing statements now",
    "Whoever is running the KTVS mute button deserves a raise",
    "debate watch party at the {town} brewery is PACKED",
    "my mom is yelling at the TV again #AZ10Debate",
    "did they seriously not ask about the Dry Fork ER",
    "wait who is Ostrander",
    "the audience keeps clapping even though they were told not to lol",
    "popcorn ready 🍿 #AZ10Debate",
    "Both of them came to fight tonight",
    "first question is on water, of course",
    "the spin room is going to be wild after this",
    "LETS GOOO {cand} 🔥🔥 #AZ10Debate",
    "{cand} won that exchange, not even close",
    "I've never seen {cand} this fired up",
    "ok that line from {cand} was good, I'll admit it",
    "muting the word 'debate' for the next two hours",
    "it's hot in that studio, everyone is sweating",
]
DEBATE_SUBST = [
    "FACT CHECK: {cand} said SB 1187 'didn't exempt anyone.' It exempted 11 large farms {link}",
    "{cand} just said Prop 412 would raise water rates 40%. The county's analysis says 3-6%",
    "good question on the Dry Fork ER, neither answer had a funding source",
    "{cand}'s answer on the mine swap ignores that it needs a federal vote",
    "{cand} claims crime is up 30% in Copper Wash. The sheriff's own data says down 8%",
    "the voucher numbers {cand} just quoted are from 2023, it's doubled since",
    "{cand} is right that the I-10 money is federal, {cand2} is wrong about that",
    "On {issue}, {cand} gave the only specific answer of the night",
    "{cand}'s border answer was a word salad. no numbers, no plan",
    "Live fact-check thread 🧵 {link}",
]
DEBATE_ATTACK = [
    "{t} is sweating through {pos} shirt lmao",
    "{t} can't answer a single question without lying",
    "{t} looks like a deer in headlights",
    "{t} is a robot. a dumb robot",
    "{t} is getting destroyed and {sub} knows it, what a fraud",
    "{t}'s smirk is unbearable, smug jerk",
    "{t} is such a condescending ass",
    "{t} is lying through {pos} teeth",
    "{t} is a clown on that stage",
    "{t} is a nasty, bitter person and it shows tonight",
    "{t} has no idea what {sub}'s talking about, idiot",
    "{t} is a coward, dodged every question",
    "{t} looks like a melted candle under those lights",
    "{t} is so creepy when {sub} smiles",
    "{t} sounds like a drunk uncle at thanksgiving",
    "{t} is an embarrassment, turn it off",
    "{t} is a total phony, every word rehearsed",
]
DEBATE_MOD_ATTACK = [
    "{t} is a biased hack, let {cand} finish",
    "{t} is the worst moderator I've ever seen, clueless",
    "{t} is carrying water for {cand}, disgraceful hack",
]

SPAT_2P = [
    "you're an idiot",
    "you're a moron",
    "lol ok troll",
    "you're clearly too dumb to read",
    "go back to your basement loser",
    "you're a clown",
    "nobody asked you weirdo",
    "you're a paid shill, obviously",
    "are you always this stupid?",
]

CAST_POSTS = {
    "candidate": [
        ("Great crowd in {town} this morning. Thank you for coming out! {ctag}", OTH),
        ("Protecting our groundwater means metering the biggest users first. My plan: {link}", SUB),
        ("Proud to have the support of the {union}.", OTH),
        ("Early voting is open! Find your drop box: {link}", OTH),
        ("Knocking doors in {town} today with our amazing volunteers", OTH),
        ("My opponent voted to exempt the largest farms from metering. I never will.", SUB),
        ("Thank you {town}! Every vote counts. {tag}", OTH),
        ("Heading to {venue} for a town hall at 6. Come ask me anything.", OTH),
        ("Rural hospitals are a lifeline. Here's how I'd reopen the Dry Fork ER: {link}", SUB),
        ("On {issue}: here's what I'd actually do in Congress, in three steps {link}", SUB),
    ],
    "staff": [
        ("Statement from {org}: today's ad misstates the SB 1187 vote. Record here {link}", SUB),
        ("Tonight's lineup: {town} at 5, {venue} at 7. See you there.", OTH),
        ("For the record, here's the full transcript of the town hall: {link}", OTH),
        ("Media availability at 2pm in {town}. DM for details.", OTH),
        ("Our volunteers knocked 4,100 doors this weekend 💪", OTH),
    ],
    "journalist": [
        ("NEW: {cand} and {cand2} agree to a second debate, per both campaigns {link}", OTH),
        ("I'll be in {town} today talking to voters about {issue}. DMs open.", OTH),
        ("My story on {issue}, with the county's numbers: {link}", SUB),
        ("Correction: the figure is 38, not 36. Updated in the story.", OTH),
        ("Reminder that the KTVS debate is Thursday at 7. I'll be live-posting.", OTH),
        (
            "Early ballot returns in Agave County are running 12% ahead of 2022, per the "
            "recorder's data",
            SUB,
        ),
    ],
    "official": [(text, OTH) for text in LOGISTICS_OFFICIAL],
    "volunteer": [
        ("Canvass launch at 9 in {town}! 🌵", OTH),
        ("Our shift just knocked 200 doors. Feet hurt, heart full.", OTH),
        ("Reminder: the {town} office needs phone bankers tonight", OTH),
    ],
}


# --------------------------------------------------------------------------- randomness


class Rand:
    """Buffered uniforms from one numpy Generator: fast and deterministic for a seed."""

    def __init__(self, seed: int) -> None:
        self.gen = np.random.default_rng(seed)
        self._buf: list[float] = []

    def u(self) -> float:
        if not self._buf:
            self._buf = self.gen.random(4096).tolist()
            self._buf.reverse()
        return self._buf.pop()

    def pick(self, seq):
        return seq[int(self.u() * len(seq))]

    def chance(self, p: float) -> bool:
        return self.u() < p

    def between(self, lo: float, hi: float) -> float:
        return lo + (hi - lo) * self.u()

    def ints(self, lo: int, hi: int) -> int:
        """An integer in [lo, hi], both ends included."""
        return lo + int(self.u() * (hi - lo + 1))

    def weighted(self, items: list, weights: list[float]):
        total = sum(weights)
        x = self.u() * total
        for item, w in zip(items, weights, strict=True):
            x -= w
            if x < 0:
                return item
        return items[-1]


# --------------------------------------------------------------------------- crowd

PLATFORM_SHARE = {"x": 0.52, "reddit": 0.20, "bluesky": 0.18, "mastodon": 0.10}
LEAN_SHARE = {
    "x": (0.35, 0.40, 0.25),
    "reddit": (0.35, 0.25, 0.40),
    "bluesky": (0.65, 0.08, 0.27),
    "mastodon": (0.60, 0.05, 0.35),
}
NAME_A = [
    "desert",
    "copper",
    "sonoran",
    "cactus",
    "mesquite",
    "saguaro",
    "dusty",
    "agave",
    "canyon",
    "mesa",
    "coyote",
    "javelina",
    "roadrunner",
    "monsoon",
    "adobe",
    "ocotillo",
    "big",
    "lil",
    "real",
    "just",
    "az",
    "tucson",
    "pinal",
    "dryfork",
    "red",
    "old",
]
NAME_B = [
    "rat",
    "dan",
    "mom",
    "dad",
    "kate",
    "joe",
    "rider",
    "voter",
    "patriot",
    "sam",
    "barb",
    "rosa",
    "mike",
    "nana",
    "vet",
    "teacher",
    "nurse",
    "rancher",
    "hiker",
    "gal",
    "guy",
    "jen",
    "lupe",
    "chuy",
    "tom",
    "dee",
    "hank",
    "lena",
    "wes",
    "trish",
]
REDDIT_ADJ = ["Fun", "Lazy", "Brave", "Sad", "Odd", "Salty", "Quiet", "Witty", "Tired", "Spicy"]
REDDIT_NOUN = ["Ad", "Bird", "Cactus", "Owl", "Lizard", "Toaster", "Taco", "Moose", "Wrap"]
MASTO_INSTANCES = [
    "mastodon.social",
    "sonoran.social",
    "hachyderm.io",
    "mas.to",
    "journa.host",
    "tucson.social",
]


@dataclass
class Crowd:
    """Ordinary accounts per platform and lean ('Q', 'B', 'N'), with activity weights."""

    handles: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    cum: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def pick(self, r: Rand, platform: str, lean: str) -> str:
        hs, cum = self.handles[(platform, lean)], self.cum[(platform, lean)]
        x = r.u() * cum[-1]
        lo, hi = 0, len(cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if cum[mid] <= x:
                lo = mid + 1
            else:
                hi = mid
        return hs[lo]


def _handle(r: Rand, platform: str) -> str:
    a, b = r.pick(NAME_A), r.pick(NAME_B)
    num = str(r.ints(1, 9999)) if r.chance(0.6) else ""
    if platform == "x":
        style = r.ints(0, 3)
        core = [
            f"{a}_{b}{num}",
            f"{a.capitalize()}{b.capitalize()}{num}",
            f"{b}{a}{num}",
            f"{a}{b}_{num or 'az'}",
        ][style]
        return "@" + core[:15]
    if platform == "reddit":
        if r.chance(0.35):
            return f"u/{r.pick(REDDIT_ADJ)}-{r.pick(REDDIT_NOUN)}-{r.ints(1000, 9999)}"
        return f"u/{a}_{b}{num}"
    if platform == "bluesky":
        domain = "bsky.social" if r.chance(0.93) else r.pick(["com", "net", "dev"])
        return f"@{a}{b}{num}.{domain}"
    return f"@{a}{b}{num}@{r.pick(MASTO_INSTANCES)}"


def make_crowd(r: Rand, posts: int) -> Crowd:
    crowd = Crowd()
    taken = {p.handle for p in CAST if p.handle}
    total = max(400, int(posts * 0.45))
    for platform, share in PLATFORM_SHARE.items():
        for lean, lshare in zip("QBN", LEAN_SHARE[platform], strict=True):
            n = max(30, int(total * share * lshare))
            hs: list[str] = []
            while len(hs) < n:
                h = _handle(r, platform)
                if h.lower() not in taken:
                    taken.add(h.lower())
                    hs.append(h)
            weights = np.cumsum(r.gen.pareto(1.3, n) + 0.3).tolist()
            crowd.handles[(platform, lean)] = hs
            crowd.cum[(platform, lean)] = weights
    return crowd


def fresh_account(r: Rand, platform: str, taken: set[str]) -> str:
    """A brand-new account, as pile-ons and floods often bring."""
    while True:
        if platform == "x":
            h = "@" + r.pick(
                [
                    "TruthHammer",
                    "real_patriot",
                    "AZ_Watchdog",
                    "NoMoreLies",
                    "redpill",
                    "resist",
                    "DesertEagle",
                    "BlueWave",
                    "voter",
                ]
            )
            h = (h + str(r.ints(10, 99999999)))[:16]
        else:
            h = _handle(r, platform)
        if h.lower() not in taken:
            taken.add(h.lower())
            return h


# --------------------------------------------------------------------------- drafts


@dataclass
class Draft:
    t: float
    platform: str
    author: str
    text: str
    label: str
    target: str | None = None
    reply_to: str | None = None
    lang: str = "en"
    episode: int | None = None


@dataclass
class Day:
    r: Rand
    crowd: Crowd
    posts: int
    debate: bool
    drafts: list[Draft] = field(default_factory=list)
    episodes: list[dict] = field(default_factory=list)
    busy: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)

    def add(self, d: Draft) -> Draft:
        self.drafts.append(d)
        return d


def _fill(template: str, r: Rand, person: Person | None = None, ref: str = "", **extra: str) -> str:
    cand = BY_KEY[r.pick(["quintero", "brannigan", "quintero", "brannigan", "ostrander"])]
    cand2 = BY_KEY["brannigan" if cand.key != "brannigan" else "quintero"]
    values = {
        "t": ref,
        "sub": person.sub if person else "they",
        "obj": person.obj if person else "them",
        "pos": person.pos if person else "their",
        "org": person.org if person else "",
        "cand": r.pick(cand.aliases[:2]),
        "cand2": r.pick(cand2.aliases[:2]),
        "town": r.pick(TOWNS),
        "venue": r.pick(VENUES),
        "tag": r.pick(TAGS),
        "issue": r.pick(ISSUES),
        "union": r.pick(UNIONS),
        "mod": "Delgado-Kim",
        "ctag": r.pick(CHEER_TAGS[cand.key]),
        "link": _link(r),
        "n": str(r.ints(100, 999)),
    }
    values.update(extra)
    text = template.format(**values)
    if ref[:1].isalpha() and "/" not in ref and text.startswith(ref):
        return text[0].upper() + text[1:]
    return text


def _link(r: Rand) -> str:
    s = "".join(
        r.pick("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8)
    )
    return r.pick(LINKS).format(n=r.ints(1, 28), s=s)


PROTECTED = ("@", "#", "http", "u/", "r/")


def _mutate(text: str, r: Rand, label: str) -> str:
    """Typos, case, slang, emoji and hashtags, leaving handles, tags and links intact."""
    words = text.split(" ")
    if r.chance(0.12):
        _typo(words, r)
    if r.chance(0.05 if label != "attack" else 0.1):
        words = [w if w.startswith(PROTECTED) else w.upper() for w in words]
    elif r.chance(0.3):
        words = [w if w.startswith(PROTECTED) else w.lower() for w in words]
    text = " ".join(words)
    if r.chance(0.12):
        text = r.pick(SLANG_PRE) + text if r.chance(0.5) else text + r.pick(SLANG_POST)
    if r.chance(0.25):
        text += " " + r.pick(EMOJI[label]) * r.ints(1, 3)
    if r.chance(0.2) and "#" not in text:
        text += " " + r.pick(TAGS)
    if r.chance(0.06):
        text += r.pick(["!!", "!!!", "...", "?!"])
    return text


def _typo(words: list[str], r: Rand) -> None:
    idx = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha() and w.islower()]
    if not idx:
        return
    i = r.pick(idx)
    w = words[i]
    j = r.ints(1, len(w) - 2)
    kind = r.ints(0, 2)
    if kind == 0:
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    elif kind == 1:
        words[i] = w[:j] + w[j + 1 :]
    else:
        words[i] = w[:j] + w[j] + w[j:]


def _reply_prefix(platform: str, handle: str | None, r: Rand) -> str:
    if not handle:
        return ""
    if platform in ("x", "mastodon") or (platform == "bluesky" and r.chance(0.3)):
        return handle + " "
    return ""


def _ref(person: Person, platform: str, r: Rand, handle_p: float = 0.55) -> str:
    if person.handle and person.platform == platform and r.chance(handle_p):
        return person.handle
    if r.chance(0.6):
        return person.aliases[0]
    return r.pick(person.aliases)


def _lean_against(person: Person, r: Rand) -> str:
    if person.side == "Q":
        return "B" if r.chance(0.85) else "N"
    if person.side == "B":
        return "Q" if r.chance(0.85) else "N"
    return r.pick("QBN")


# --------------------------------------------------------------------------- time


def _diurnal(r: Rand) -> np.ndarray:
    hourly = np.array(
        [
            1.2,
            0.7,
            0.4,
            0.3,
            0.3,
            0.6,
            1.4,
            2.4,
            3.0,
            3.2,
            3.2,
            3.3,
            3.6,
            3.2,
            3.0,
            3.0,
            3.1,
            3.4,
            3.8,
            4.2,
            4.4,
            4.0,
            3.0,
            2.0,
        ]
    )
    hourly = hourly * np.exp(r.gen.normal(0.0, 0.12, 24))
    minutes = np.arange(1440) / 60.0
    w = np.interp(minutes, np.arange(24) + 0.5, hourly, period=24)
    return w / w.sum()


def sample_times(r: Rand, weights: np.ndarray, n: int) -> list[float]:
    mins = r.gen.choice(len(weights), size=n, p=weights)
    secs = mins * 60.0 + r.gen.random(n) * 60.0
    return sorted(secs.tolist())


def _shape_times(r: Rand, start: float, dur: float, n: int, waves: bool) -> list[float]:
    """Arrival times that grow, peak and tail off (beta shape), optionally in two waves."""
    a, b = r.between(1.2, 2.4), r.between(2.0, 3.8)
    xs = r.gen.beta(a, b, n)
    if waves and n >= 16:
        k = n // 3
        xs[:k] = 0.55 + 0.45 * r.gen.beta(1.5, 2.5, k)
    xs = np.sort(xs)
    xs = (xs - xs[0]) / max(1e-9, xs[-1] - xs[0])
    return (start + xs * dur).tolist()


def _free(day: Day, key: str, a: float, b: float, pad: float = 2700.0) -> bool:
    return all(b + pad < s or a - pad > e for s, e in day.busy.get(key, []))


def _slot(
    day: Day,
    key: str,
    dur: float,
    lo: float = 6.5 * 3600,
    hi: float = 23.3 * 3600,
    avoid_debate: bool = False,
) -> float | None:
    r = day.r
    for _ in range(60):
        start = r.between(lo, max(lo + 1, hi - dur))
        if avoid_debate and day.debate and start + dur > 17.5 * 3600 and start < 23.5 * 3600:
            continue
        if _free(day, key, start, start + dur):
            day.busy.setdefault(key, []).append((start, start + dur))
            return start
    return None


# --------------------------------------------------------------------------- episodes

PROFILES = {
    "small": ((9, 14), (12, 25)),
    "flash": ((18, 45), (8, 20)),
    "fast": ((12, 30), (15, 35)),
    "steady": ((15, 40), (35, 70)),
    "slow_burn": ((12, 18), (70, 120)),
    "big": ((40, 80), (15, 50)),
}
PROFILE_W = {"small": 0.15, "flash": 0.2, "fast": 0.25, "steady": 0.2, "slow_burn": 0.1, "big": 0.1}


def _episode(day: Day, kind: str, target: Person, drafts: list[Draft], **extra) -> dict:
    idx = len(day.episodes)
    for d in drafts:
        d.episode = idx
    ep = {
        "kind": kind,
        "target": target.target,
        "name": target.name,
        "role": target.role,
        "_drafts": drafts,
        **extra,
    }
    day.episodes.append(ep)
    return ep


def _pileon_platforms(target: Person, r: Rand) -> tuple[str, str | None]:
    primary = target.platform or r.weighted(["x", "reddit", "bluesky"], [0.6, 0.25, 0.15])
    second = None
    if r.chance(0.4):
        second = r.pick([p for p in ("x", "reddit", "bluesky", "mastodon") if p != primary])
    return primary, second


def _attack_text(day: Day, target: Person, platform: str, story: str | None, direct: bool) -> str:
    r = day.r
    if direct:
        body = r.pick(ATTACK_2P)
        return _mutate(body, r, "attack")
    ref = _ref(target, platform, r, handle_p=0.5)
    options = ATTACK_3P + ATTACK_ROLE[target.role] * 2
    if story and r.chance(0.45):
        options = STORIES[story]["lines"]
    cand = _side_candidate(target, r)
    return _mutate(_fill(r.pick(options), r, target, ref, cand=cand), r, "attack")


def _side_candidate(target: Person, r: Rand) -> str:
    """For staff/volunteers their own candidate; for press/officials the one attackers hate."""
    if target.side == "Q":
        return "Quintero"
    if target.side == "B":
        return "Brannigan"
    return r.pick(["Quintero", "Brannigan"])


def _attack_post(
    day: Day,
    t: float,
    author: str,
    platform: str,
    target: Person,
    story: str | None,
    instigator: str | None,
) -> Draft:
    r = day.r
    same = target.handle is not None and target.platform == platform
    direct = same and r.chance(0.5)
    reply_to = target.handle if direct else None
    if not direct and instigator and platform == _platform_of(instigator) and r.chance(0.2):
        reply_to = instigator
    elif not direct and platform == "reddit" and r.chance(0.4):
        reply_to = day.crowd.pick(r, "reddit", "N")
    text = _attack_text(day, target, platform, story, direct)
    text = _reply_prefix(platform, reply_to, r) + text
    return day.add(Draft(t, platform, author, text, "attack", target.target, reply_to))


def _platform_of(handle: str) -> str:
    if handle.startswith("u/"):
        return "reddit"
    if handle.count("@") == 2:
        return "mastodon"
    return "bluesky" if "." in handle else "x"


def _trigger(day: Day, target: Person, story: str, t: float) -> None:
    r = day.r
    tpl, label = r.pick(STORIES[story]["trigger"])
    text = _fill(tpl, r, target)
    if target.handle:
        day.add(Draft(t, target.platform, target.handle, text, label))
    else:
        platform = r.pick(["x", "reddit"])
        author = day.crowd.pick(r, platform, "N")
        ref = target.aliases[0]
        day.add(
            Draft(t, platform, author, f"{ref}, {target.org}, in this clip: {_link(r)}", "other")
        )


def make_pileon(
    day: Day, target: Person, profile: str, lo: float = 6.5 * 3600, hi: float = 23.3 * 3600
) -> dict | None:
    r = day.r
    (a_lo, a_hi), (d_lo, d_hi) = PROFILES[profile]
    n_att = r.ints(a_lo, a_hi)
    dur = r.between(d_lo, d_hi) * 60.0
    start = _slot(day, target.key, dur + 1200, lo, hi, avoid_debate=target.role == "candidate")
    if start is None:
        return None
    start += r.between(60, 1200)
    story = r.pick(STORY_FOR[target.role])
    _trigger(day, target, story, start - r.between(90, 1500))
    primary, second = _pileon_platforms(target, r)
    firsts = _shape_times(r, start, dur, n_att, waves=r.chance(0.2))
    drafts = _pileon_attacks(day, target, story, primary, second, firsts, dur)
    _pileon_side_posts(day, target, primary, drafts)
    platforms = sorted({d.platform for d in drafts})
    return _episode(
        day,
        "pileon",
        target,
        drafts,
        profile=profile,
        story=story,
        attackers=len({d.author for d in drafts}),
        platforms=platforms,
    )


def _pileon_attacks(
    day: Day,
    target: Person,
    story: str,
    primary: str,
    second: str | None,
    firsts: list[float],
    dur: float,
) -> list[Draft]:
    r = day.r
    inst_platform = primary
    instigator = day.crowd.pick(r, inst_platform, _lean_against(target, r))
    ref = _ref(target, inst_platform, r, handle_p=0.8)
    src = target.handle if target.handle and target.platform == inst_platform else target.name
    quote = _fill(r.pick(STORIES[story]["trigger"])[0], r, target)[:80]
    text = _fill(r.pick(INSTIGATE), r, target, ref, src=src, quote=quote)
    drafts = [
        day.add(
            Draft(
                firsts[0],
                inst_platform,
                instigator,
                _mutate(text, r, "attack"),
                "attack",
                target.target,
            )
        )
    ]
    seen = {instigator}
    for t in firsts[1:]:
        platform = second if second and r.chance(0.3) else primary
        author = _new_attacker(day, target, platform, seen)
        drafts.append(_attack_post(day, t, author, platform, target, story, instigator))
        while r.chance(0.22):
            t2 = min(t + r.gen.exponential(dur * 0.15), firsts[0] + dur * 1.05)
            drafts.append(_attack_post(day, t2, author, platform, target, story, instigator))
            t = t2
    return drafts


def _new_attacker(day: Day, target: Person, platform: str, seen: set[str]) -> str:
    r = day.r
    for _ in range(20):
        if r.chance(0.18):
            author = fresh_account(r, platform, day.taken)
        else:
            author = day.crowd.pick(r, platform, _lean_against(target, r))
        if author not in seen and author != target.handle:
            seen.add(author)
            return author
    author = fresh_account(r, platform, day.taken)
    seen.add(author)
    return author


def _pileon_side_posts(day: Day, target: Person, platform: str, attacks: list[Draft]) -> None:
    """Defenders, onlookers and the target's own reaction, in and after the pile-on."""
    r = day.r
    t0, t1 = attacks[0].t, max(d.t for d in attacks)
    for _ in range(int(len(attacks) * r.between(0.1, 0.35))):
        t = r.between(t0, t1 + 600)
        author = day.crowd.pick(r, platform, target.side if target.side in "QB" else "N")
        ref = _ref(target, platform, r, handle_p=0.4)
        if r.chance(0.12):
            victim = r.pick(attacks)
            if victim.platform == platform and victim.author.startswith("@"):
                text = _fill(r.pick(DEFEND_ATTACK), r, a=victim.author[1:])
                text = _mutate(text, r, "attack")
                day.add(Draft(t, platform, author, text, "attack", victim.author, victim.author))
                continue
        reply_to = target.handle if target.platform == platform and r.chance(0.5) else None
        text = _mutate(_fill(r.pick(DEFEND), r, target, ref), r, "other")
        day.add(
            Draft(
                t,
                platform,
                author,
                _reply_prefix(platform, reply_to, r) + text,
                "other",
                None,
                reply_to,
            )
        )
    for _ in range(r.ints(1, 4)):
        ref = _ref(target, platform, r, handle_p=0.5)
        author = day.crowd.pick(r, platform, "N")
        day.add(
            Draft(
                r.between(t0, t1),
                platform,
                author,
                _mutate(_fill(r.pick(ONLOOK), r, target, ref), r, "other"),
                "other",
            )
        )
    if target.handle and r.chance(0.5):
        day.add(
            Draft(
                r.between(t0, t1 + 1800),
                target.platform,
                target.handle,
                r.pick(TARGET_REACT),
                "other",
            )
        )


def make_flood(day: Day, target: Person) -> dict | None:
    r = day.r
    n = r.ints(15, 40)
    dur = r.between(10, 50) * 60.0
    start = _slot(day, target.key, dur, avoid_debate=target.role == "candidate")
    if start is None:
        return None
    platform = target.platform or "x"
    author = fresh_account(r, platform, day.taken)
    times = sorted(r.between(start, start + dur) for _ in range(n - 1))
    drafts = []
    repeat = _attack_text(day, target, platform, None, False)
    for t in [start, *times]:
        direct = target.platform == platform and r.chance(0.6)
        text = repeat if r.chance(0.15) else _attack_text(day, target, platform, None, direct)
        reply_to = target.handle if direct else None
        text = _reply_prefix(platform, reply_to, r) + text
        drafts.append(day.add(Draft(t, platform, author, text, "attack", target.target, reply_to)))
    extra = 0
    if r.chance(0.5):
        other = day.crowd.pick(r, platform, _lean_against(target, r))
        for _ in range(r.ints(1, 2)):
            t = r.between(start, start + dur)
            _attack_post(day, t, other, platform, target, None, None)
            extra += 1
    return _episode(
        day, "flood", target, drafts, author=author, piggyback_posts=extra, platforms=[platform]
    )


def _surge_posts(
    day: Day, target: Person, kind: str, n: int, start: float, dur: float, rider_p: float
) -> list[Draft]:
    r = day.r
    drafts: list[Draft] = []
    cheering = kind == "cheer_surge"
    for t in _shape_times(r, start, dur, n, waves=False):
        platform = r.weighted(list(PLATFORM_SHARE), list(PLATFORM_SHARE.values()))
        lean = target.side if (cheering and target.side in "QB") else r.pick("QBN")
        if not cheering and target.side in "QB":
            lean = _lean_against(target, r)
        author = day.crowd.pick(r, platform, lean)
        reply_to = target.handle if target.platform == platform and r.chance(0.35) else None
        ref = _ref(target, platform, r, handle_p=0.0 if reply_to else 0.6)
        if r.chance(rider_p):
            _attack_post(day, t, author, platform, target, None, None)
            continue
        text, label = _surge_text(day, target, kind, ref)
        text = _reply_prefix(platform, reply_to, r) + text
        drafts.append(day.add(Draft(t, platform, author, text, label, None, reply_to)))
    return drafts


def _surge_text(day: Day, target: Person, kind: str, ref: str) -> tuple[str, str]:
    r = day.r
    if kind == "cheer_surge":
        if target.role == "candidate":
            ctag = r.pick(CHEER_TAGS[target.key])
            return _mutate(
                _fill(r.pick(CHEER), r, target, ref, cand=ref, ctag=ctag), r, "other"
            ), "other"
        pool = CHEER_PERSON.get(target.role, CHEER_PERSON["default"])
        return _mutate(_fill(r.pick(pool), r, target, ref), r, "other"), "other"
    if kind == "news_surge":
        tpl = r.pick(
            [
                "must-read from {t} on {issue} {link}",
                "{t} with the scoop: {link}",
                "great reporting by {t} here {link}",
                "via {t}: {issue} numbers {link}",
            ]
        )
        return _mutate(_fill(tpl, r, target, ref), r, "substantive"), "substantive"
    if r.chance(0.2):
        pool = SUBSTANTIVE_HARSH if r.chance(0.5) else SUBSTANTIVE
        text = _fill(r.pick(pool), r)
    else:
        text = _fill(r.pick(SURGE_SUBST[target.role]), r, target, ref)
    return _mutate(text, r, "substantive"), "substantive"


def make_surge(day: Day, target: Person, kind: str, scale: float) -> dict | None:
    r = day.r
    sizes = {"substantive_surge": (30, 90), "cheer_surge": (40, 120), "news_surge": (25, 60)}
    lo, hi = sizes[kind]
    n = max(12, int(r.ints(lo, hi) * scale))
    dur = r.between(20, 80) * 60.0
    start = _slot(day, target.key, dur, avoid_debate=target.role == "candidate")
    if start is None:
        return None
    rider = {"substantive_surge": 0.05, "cheer_surge": 0.03, "news_surge": 0.0}[kind]
    if target.role != "candidate":
        rider = 0.0
    drafts = _surge_posts(day, target, kind, n, start, dur, rider)
    return _episode(day, kind, target, drafts, platforms=sorted({d.platform for d in drafts}))


# --------------------------------------------------------------------------- debate


def _debate_weights() -> np.ndarray:
    minutes = np.arange(1440) / 60.0
    knots = [
        (0, 0),
        (18.0, 0),
        (18.75, 0.25),
        (19.0, 0.5),
        (19.2, 1.0),
        (20.5, 1.0),
        (21.0, 0.45),
        (21.5, 0.25),
        (23.0, 0.05),
        (24, 0.0),
    ]
    xs, ys = zip(*knots, strict=True)
    w = np.interp(minutes, xs, ys)
    return w / w.sum()


def make_debate(day: Day, n: int) -> None:
    r = day.r
    times = sample_times(r, _debate_weights(), n)
    targets = {"quintero": 0.45, "brannigan": 0.45, "ostrander": 0.07, "delgado": 0.03}
    keys, ws = list(targets), list(targets.values())
    per: dict[str, list[Draft]] = {k: [] for k in CANDIDATES}
    for t in times:
        platform = r.weighted(list(PLATFORM_SHARE), list(PLATFORM_SHARE.values()))
        roll = r.u()
        if roll < 0.42:
            target = BY_KEY[r.weighted(keys, ws)]
            d = _debate_attack(day, t, platform, target)
            if target.key in per:
                per[target.key].append(d)
        elif roll < 0.60:
            _debate_plain(day, t, platform, DEBATE_SUBST, "substantive")
        else:
            _debate_plain(day, t, platform, DEBATE_OTHER, "other")
    moments = _debate_moments(day, per)
    for key in CANDIDATES:
        if per[key]:
            _episode(day, "debate_incivility", BY_KEY[key], per[key], moments=moments.get(key, []))


def _debate_attack(day: Day, t: float, platform: str, target: Person) -> Draft:
    r = day.r
    author = day.crowd.pick(r, platform, _lean_against(target, r))
    if target.role == "journalist":
        ref = _ref(target, platform, r)
        text = _fill(r.pick(DEBATE_MOD_ATTACK), r, target, ref, cand=_side_candidate(target, r))
        return day.add(
            Draft(t, platform, author, _mutate(text, r, "attack"), "attack", target.target)
        )
    direct = target.platform == platform and r.chance(0.3)
    reply_to = target.handle if direct else None
    if direct:
        text = r.pick(ATTACK_2P)
    else:
        pool = DEBATE_ATTACK if r.chance(0.7) else ATTACK_3P
        text = _fill(r.pick(pool), r, target, _ref(target, platform, r, handle_p=0.35))
    text = _mutate(text, r, "attack")
    if r.chance(0.3) and "#AZ10Debate" not in text:
        text += " #AZ10Debate"
    text = _reply_prefix(platform, reply_to, r) + text
    return day.add(Draft(t, platform, author, text, "attack", target.target, reply_to))


def _debate_plain(day: Day, t: float, platform: str, pool: list[str], label: str) -> None:
    r = day.r
    author = day.crowd.pick(r, platform, r.pick("QBN"))
    text = _mutate(_fill(r.pick(pool), r), r, label)
    if r.chance(0.4) and "#AZ10Debate" not in text:
        text += " #AZ10Debate"
    day.add(Draft(t, platform, author, text, label))


def _debate_moments(day: Day, per: dict[str, list[Draft]]) -> dict[str, list[dict]]:
    """Short stretches when one candidate's attack rate jumps (a gaffe, a zinger)."""
    r = day.r
    out: dict[str, list[dict]] = {}
    for _ in range(r.ints(3, 5)):
        key = r.pick(["quintero", "brannigan"])
        t0 = r.between(19.25 * 3600, 20.4 * 3600)
        dur = r.between(2, 5) * 60.0
        base = sum(1 for d in per[key] if t0 - 600 <= d.t <= t0 + 600) / 20.0
        extra = int(round(base * dur / 60.0 * r.between(0.5, 0.9)))
        for _ in range(extra):
            platform = r.weighted(list(PLATFORM_SHARE), list(PLATFORM_SHARE.values()))
            per[key].append(_debate_attack(day, r.between(t0, t0 + dur), platform, BY_KEY[key]))
        out.setdefault(key, []).append(
            {"start": t0, "minutes": round(dur / 60, 1), "extra_attacks": extra}
        )
    return out


# --------------------------------------------------------------------------- background


def make_background(day: Day, n: int, weights: np.ndarray) -> None:
    r = day.r
    recent: dict[str, list[str]] = {p: [] for p in PLATFORM_SHARE}
    plats, pw = list(PLATFORM_SHARE), list(PLATFORM_SHARE.values())
    minor, minor_w = list(MINOR_TARGETS), list(MINOR_TARGETS.values())
    for t in sample_times(r, weights, n):
        platform = r.weighted(plats, pw)
        roll = r.u()
        if roll < 0.065:
            target = BY_KEY[r.weighted(list(CANDIDATES), [0.46, 0.46, 0.08])]
            d = _bg_attack(day, t, platform, target)
        elif roll < 0.075:
            d = _bg_attack(day, t, platform, BY_KEY[r.weighted(minor, minor_w)])
        elif roll < 0.082 and len(recent[platform]) > 5:
            d = _bg_spat(day, t, platform, recent[platform])
        elif roll < 0.30:
            d = _bg_plain(day, t, platform, "substantive", recent[platform])
        else:
            d = _bg_plain(day, t, platform, "other", recent[platform])
        recent[platform].append(d.author)
        if len(recent[platform]) > 60:
            del recent[platform][:20]


def _bg_attack(day: Day, t: float, platform: str, target: Person) -> Draft:
    r = day.r
    author = day.crowd.pick(r, platform, _lean_against(target, r))
    if r.chance(0.04):
        text = _fill(r.pick(ATTACK_ES), r, target, target.aliases[0])
        return day.add(Draft(t, platform, author, text, "attack", target.target, None, "es"))
    if r.chance(0.08) and target.role != "journalist":
        # attacks a candidate while replying to a reporter's post
        journo = BY_KEY[r.pick(["adeyemi", "delgado"])]
        if platform == "x":
            text = _attack_text(day, target, platform, None, False)
            return day.add(
                Draft(
                    t,
                    platform,
                    author,
                    f"{journo.handle} {text}",
                    "attack",
                    target.target,
                    journo.handle,
                )
            )
    return _attack_post(day, t, author, platform, target, None, None)


def _bg_spat(day: Day, t: float, platform: str, recent: list[str]) -> Draft:
    r = day.r
    victim = r.pick(recent)
    author = day.crowd.pick(r, platform, r.pick("QBN"))
    if author == victim:
        return _bg_plain(day, t, platform, "other", recent)
    text = _mutate(r.pick(SPAT_2P), r, "attack")
    text = _reply_prefix(platform, victim, r) + text
    return day.add(Draft(t, platform, author, text, "attack", victim, victim))


def _bg_plain(day: Day, t: float, platform: str, label: str, recent: list[str]) -> Draft:
    r = day.r
    lean = r.weighted(list("QBN"), list(LEAN_SHARE[platform]))
    author = day.crowd.pick(r, platform, lean)
    lang = "en"
    if label == "other":
        if r.chance(0.05):
            tpl, lang = r.pick(CHATTER_ES), "es"
        elif r.chance(0.12):
            tpl = r.pick(CHEER)
        else:
            tpl = r.pick(CHATTER)
    else:
        tpl = r.pick(SUBSTANTIVE_HARSH) if r.chance(0.2) else r.pick(SUBSTANTIVE)
    text = _fill(tpl, r)
    if lang == "en":
        text = _mutate(text, r, label)
    reply_to = None
    if recent and r.chance(0.3):
        reply_to = r.pick(recent)
        if reply_to == author:
            reply_to = None
    elif label == "substantive" and platform == "x" and r.chance(0.2):
        reply_to = BY_KEY[r.pick(CANDIDATES[:2])].handle
    if reply_to is None and platform != "reddit" and r.chance(0.05):
        text = f'"{text[:70]}" ← this. {_link(r)}'
    text = _reply_prefix(platform, reply_to, r) + text
    return day.add(Draft(t, platform, author, text, label, None, reply_to, lang))


def make_cast_posts(day: Day, weights: np.ndarray) -> None:
    r = day.r
    counts = {
        "candidate": (5, 12),
        "staff": (2, 7),
        "journalist": (2, 8),
        "official": (1, 4),
        "volunteer": (1, 4),
    }
    for key in POSTERS:
        p = BY_KEY[key]
        lo, hi = counts[p.role]
        for t in sample_times(r, weights, r.ints(lo, hi)):
            tpl, label = r.pick(CAST_POSTS[p.role])
            ctag = r.pick(CHEER_TAGS.get(p.key, ["#AZ10"]))
            text = _fill(tpl, r, p, p.aliases[0], ctag=ctag)
            day.add(Draft(t, p.platform, p.handle, text, label))


# --------------------------------------------------------------------------- plan


def plan_episodes(day: Day) -> None:
    r = day.r
    scale = min(1.0, day.posts / 5000.0) ** 0.5
    _plan_pileons(day)
    for _ in range(r.ints(1, 2)):
        target = BY_KEY[
            r.weighted(
                [
                    "quintero",
                    "brannigan",
                    "raman",
                    "vance",
                    "fitch",
                    "adeyemi",
                    "strand",
                    "oyelaran",
                    "delgado",
                ],
                [2, 2, 1, 1, 1, 1.5, 1, 1.5, 1],
            )
        ]
        make_flood(day, target)
    for _ in range(r.ints(1, 2)):
        key = r.weighted(["quintero", "brannigan", "oyelaran", "hendry"], [3, 3, 1, 1])
        make_surge(day, BY_KEY[key], "substantive_surge", scale)
    for _ in range(r.ints(1, 2)):
        key = r.weighted(
            ["quintero", "brannigan", "ostrander", "nunez", "adeyemi"], [3, 3, 1, 1, 0.5]
        )
        make_surge(day, BY_KEY[key], "cheer_surge", scale)
    if r.chance(0.5):
        make_surge(day, BY_KEY[r.pick(["adeyemi", "strand", "marsh"])], "news_surge", scale)


PILEON_TARGETS = {
    "raman": 2,
    "ocampo": 1.5,
    "vance": 2,
    "fitch": 1.5,
    "adeyemi": 2,
    "strand": 1.5,
    "delgado": 1,
    "marsh": 1,
    "nunez": 1.5,
    "pruitt": 1.5,
    "kovac": 1,
    "oyelaran": 1.5,
    "hendry": 0.7,
    "padilla": 0.7,
    "kate": 1,
    "mike": 0.6,
    "tanya": 0.8,
    "sallis": 0.8,
    "archuleta": 0.6,
    "quintero": 1.5,
    "brannigan": 1.5,
}


def _plan_pileons(day: Day) -> None:
    r = day.r
    n = r.ints(2, 4)
    chosen: list[str] = []
    if day.debate and r.chance(0.5):
        make_pileon(
            day, BY_KEY["delgado"], r.pick(["flash", "fast", "big"]), 19.3 * 3600, 20.9 * 3600
        )
        chosen.append("delgado")
    keys = [k for k in PILEON_TARGETS if k not in chosen]
    while len(chosen) < n and keys:
        key = r.weighted(keys, [PILEON_TARGETS[k] for k in keys])
        keys.remove(key)
        target = BY_KEY[key]
        profile = (
            "big"
            if target.role == "candidate"
            else r.weighted(list(PROFILE_W), list(PROFILE_W.values()))
        )
        if make_pileon(day, target, profile):
            chosen.append(key)


# --------------------------------------------------------------------------- output

B32 = "234567abcdefghijklmnopqrstuvwxyz"
SUBREDDITS = ["AgaveCounty", "AgaveCounty", "arizona", "CopperWash", "phoenix", "AZpolitics"]


def _tid(us: int) -> str:
    v = us << 10
    return "".join(B32[(v >> (5 * i)) & 31] for i in range(12, -1, -1))


def _b36(v: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while v:
        v, m = divmod(v, 36)
        out = digits[m] + out
    return out or "0"


def _did(handle: str) -> str:
    raw = hashlib.sha1(handle.encode()).digest()
    return "did:plc:" + base64.b32encode(raw).decode().lower()[:24]


def _stamp(platform: str, when: dt.datetime) -> str:
    utc = when.astimezone(dt.UTC)
    if platform == "x":
        return utc.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if platform == "bluesky":
        return utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    if platform == "reddit":
        return utc.isoformat(timespec="seconds")
    return when.isoformat(timespec="seconds")


def _identity(
    platform: str, author: str, epoch: int, seq: int, r: Rand, threads: list[str]
) -> tuple[str, str]:
    if platform == "x":
        pid = str(((epoch * 1000 + r.ints(0, 999) - 1288834974657) << 22) | seq)
        return pid, f"https://x.com/{author[1:]}/status/{pid}"
    if platform == "mastodon":
        user, inst = author[1:].split("@")
        pid = str(((epoch * 1000 + r.ints(0, 999)) << 16) | (seq & 0xFFFF))
        return pid, f"https://{inst}/@{user}/{pid}"
    if platform == "bluesky":
        rkey = _tid(epoch * 1_000_000 + seq)
        return (
            f"at://{_did(author)}/app.bsky.feed.post/{rkey}",
            f"https://bsky.app/profile/{author[1:]}/post/{rkey}",
        )
    sub_thread = r.pick(threads)
    cid = _b36(0x7FFFFFFF + seq * 37 + r.ints(0, 36))
    sub, thread = sub_thread.split("/")
    return f"t1_{cid}", f"https://www.reddit.com/r/{sub}/comments/{thread}/comment/{cid}/"


MENTION_RE = {
    "x": re.compile(r"(?<![\w@/])@\w{1,15}\b"),
    "bluesky": re.compile(r"(?<![\w@/])@[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+"),
    "mastodon": re.compile(r"(?<![\w@/])@\w+(?:@[\w-]+(?:\.[\w-]+)+)?"),
    "reddit": re.compile(r"(?<![\w/])u/[\w-]+"),
}
HASHTAG_RE = re.compile(r"(?<![\w#&])#\w+")


def finalize(day: Day, start: dt.datetime) -> tuple[list[dict], dict]:
    r = day.r
    day.drafts.sort(key=lambda d: d.t)
    threads = [f"{r.pick(SUBREDDITS)}/{_b36(r.ints(10**9, 2 * 10**9))}" for _ in range(12)]
    base = int(start.timestamp())
    out: list[dict] = []
    labels: dict[str, list] = {}
    ids: dict[int, str] = {}
    for seq, d in enumerate(day.drafts):
        sec = int(d.t)
        when = start + dt.timedelta(seconds=sec)
        pid, url = _identity(d.platform, d.author, base + sec, seq, r, threads)
        post = {
            "id": pid,
            "platform": d.platform,
            "author": d.author,
            "text": d.text,
            "created_at": _stamp(d.platform, when),
        }
        if d.reply_to:
            post["reply_to"] = d.reply_to
        post.update(
            url=url,
            lang=d.lang,
            hashtags=HASHTAG_RE.findall(d.text),
            mentions=list(dict.fromkeys(MENTION_RE[d.platform].findall(d.text))),
        )
        out.append(post)
        labels[pid] = [d.label, d.target]
        ids[id(d)] = pid
    episodes = [_episode_truth(ep, start, ids) for ep in day.episodes]
    episodes.sort(key=lambda e: e["start"])
    return out, {"episodes": episodes, "labels": labels}


def _iso(start: dt.datetime, secs: float) -> str:
    return (start + dt.timedelta(seconds=int(secs))).isoformat(timespec="seconds")


def _episode_truth(ep: dict, start: dt.datetime, ids: dict[int, str]) -> dict:
    drafts = sorted(ep.pop("_drafts"), key=lambda d: d.t)
    secs = [float(int(d.t)) for d in drafts]
    out = {
        "kind": ep.pop("kind"),
        "target": ep.pop("target"),
        "start": _iso(start, secs[0]),
        "midpoint": _iso(start, float(np.median(secs))),
        "end": _iso(start, secs[-1]),
        "size": len(drafts),
        "authors": len({d.author for d in drafts}),
        "minutes": round((secs[-1] - secs[0]) / 60.0, 1),
    }
    if "moments" in ep:
        ep["moments"] = [{**m, "start": _iso(start, m["start"])} for m in ep["moments"]]
    out.update(ep)
    out["post_ids"] = [ids[id(d)] for d in drafts]
    return out


def generate_blind_day(
    seed: int, *, posts: int = 5000, debate: bool = False
) -> tuple[list[dict], dict]:
    """One simulated campaign day: (canonical posts in time order, ground truth)."""
    r = Rand(seed)
    date = FIRST_DAY + dt.timedelta(days=seed % 35)
    start = dt.datetime.combine(date, dt.time(0, 0), tzinfo=TZ)
    day = Day(r, make_crowd(r, posts), posts, debate)
    day.taken = {h.lower() for hs in day.crowd.handles.values() for h in hs}
    weights = _diurnal(r)
    plan_episodes(day)
    if debate:
        make_debate(day, int(posts * 0.2))
    make_cast_posts(day, weights)
    make_background(day, max(0, posts - len(day.drafts)), weights)
    out, truth = finalize(day, start)
    truth.update(
        seed=seed,
        debate=debate,
        posts=len(out),
        date=date.isoformat(),
        timezone="America/Phoenix (UTC-07:00)",
        race=RACE,
        people=_people(),
    )
    return out, truth


def _people() -> dict[str, dict]:
    return {
        p.target: {
            "name": p.name,
            "role": p.role,
            "platform": p.platform,
            "aliases": list(p.aliases),
            "about": p.org,
        }
        for p in CAST
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Write a held-out generated campaign day.")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--posts", type=int, default=5000)
    ap.add_argument("--debate", action="store_true")
    ap.add_argument("--out", required=True, help="JSONL path; truth goes to *.truth.json")
    args = ap.parse_args(argv)
    posts, truth = generate_blind_day(args.seed, posts=args.posts, debate=args.debate)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for post in posts:
            fh.write(json.dumps(post, ensure_ascii=False) + "\n")
    stem = out.name[: -len(".jsonl")] if out.name.endswith(".jsonl") else out.stem
    truth_path = out.with_name(stem + ".truth.json")
    truth_path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{out}: {len(posts)} posts, {len(truth['episodes'])} episodes -> {truth_path}")


if __name__ == "__main__":
    main()
