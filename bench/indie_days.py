"""Independent generator of simulated campaign days (the "indie" generator).

This module was written from the issue's specification alone, WITHOUT looking at the
detector, the classifiers, the other day generators or their phrase banks, so that it
can be used to estimate how well the pile-on detector and the text classifier generalise
to days written by someone else.

The fictional race: the mayoral election of Kestrel Falls, Wisconsin (local time
America/Chicago). Council Member Priya Lindqvist faces businessman Garrett Boone, with
independent Walt Kessinger trailing. Around them: campaign staff, four local reporters
(one on Bluesky, one on Mastodon), volunteers and a few local officials.

A day holds:

* background chatter from a large, heavy-tailed account pool with a diurnal rhythm in local
  time, on x / bluesky / reddit / mastodon in unequal shares; the cast post themselves and
  draw reply cascades; baseline incivility falls mostly on the two main candidates;
* optionally a debate night: a 2.5-3 hour evening window with much more volume and much
  heavier (asymmetric) incivility at both main candidates;
* episodes: pile-ons (many distinct accounts attacking one person, minutes to three hours,
  from ~6 accounts on a volunteer to 250+ on a candidate) and decoys: substantive surges,
  cheering surges and single-account floods.

Labels: ``attack`` (ad hominem, with the attacked person's handle as target),
``substantive`` (engages with policy, records, votes, evidence - even harshly) and
``other`` (cheering, logistics, chatter).

Usage::

    python -m bench.indie_days --seed 7000 --posts 5000 [--debate] --out day.jsonl

writes ``day.jsonl`` (canonical JSONL) and ``day.truth.json`` beside it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

TZ = ZoneInfo("America/Chicago")
CITY = "Kestrel Falls"
STATE = "Wisconsin"
SUB = "r/KestrelFalls"

PLATFORMS = ["x", "bluesky", "reddit", "mastodon"]
PLATFORM_SHARE = [0.52, 0.21, 0.16, 0.11]
MASTO_INSTANCES = ["mastodon.social", "twincities.social", "toot.community", "mstdn.party",
                   "union.place", "badgerstate.social"]

# --------------------------------------------------------------------------------------
# Cast
# --------------------------------------------------------------------------------------


@dataclass
class Person:
    name: str
    handle: str
    role: str  # candidate | minor | staff | journalist | volunteer | official
    side: str  # A (Lindqvist), B (Boone), K (Kessinger), N (none)
    pron: str  # she | he | they
    home: str = "x"
    policies: list[str] = field(default_factory=list)
    nicks: list[str] = field(default_factory=list)
    title: str = ""

    @property
    def first(self) -> str:
        return self.name.split()[0]

    @property
    def last(self) -> str:
        return self.name.split()[-1]


CAST: list[Person] = [
    Person("Priya Lindqvist", "@PriyaLindqvist", "candidate", "A", "she",
           policies=["Harborfront rezoning plan", "rent stabilization ordinance",
                     "2% transit levy", "lead-pipe replacement bond",
                     "vote against the police overtime budget", "curbside composting mandate",
                     "Fourth Street bike lane plan", "vote to raise the hotel tax"],
           nicks=["Levy Lindqvist", "Priya the Taxer", "Lyin' Lindqvist"],
           title="Council Member"),
    Person("Garrett Boone", "@GarrettBoone", "candidate", "B", "he",
           policies=["property tax freeze", "stadium TIF deal",
                     "plan to sell the water utility", "record on the Boone Freight layoffs",
                     "'safe streets' camera program", "pledge to cut 300 city jobs",
                     "school voucher pilot", "plan to privatize snow removal"],
           nicks=["Baboon Boone", "Garrett the Grifter", "Boone-doggle"],
           title="businessman"),
    Person("Walt Kessinger", "@WaltKessinger", "minor", "K", "he",
           policies=["plan to abolish the parking authority", "ferry restoration idea",
                     "flat-fee property tax"],
           nicks=["Wacky Walt", "Walt the Perennial"], title="independent candidate"),
    Person("Tomás Ferreira", "@TFerreiraCM", "staff", "A", "he",
           policies=["campaign's mailer about the tax freeze"],
           title="Lindqvist's campaign manager"),
    Person("Jada Whitlock", "@JadaWhitlock", "staff", "A", "she",
           policies=["press release on the levy numbers"], title="Lindqvist's comms director"),
    Person("Colin Marsh", "@ColinMarshPR", "staff", "B", "he",
           policies=["statement on the Boone Freight layoffs"], title="Boone's spokesman"),
    Person("Rachel Dunmore", "@RDunmoreField", "staff", "B", "she",
           policies=["door-hanger claims about the transit levy"], title="Boone's field director"),
    Person("Hana Okonjo", "@HanaOkonjo", "journalist", "N", "she",
           policies=["story on the levy poll", "piece on Boone's tax returns"],
           title="Kestrel Falls Ledger reporter"),
    Person("Derek Stahl", "@dstahl.bsky.social", "journalist", "N", "he", home="bluesky",
           policies=["report on the stadium deal", "interview with Lindqvist"],
           title="Lakeshore Public Radio"),
    Person("Ines Carvalho", "@ines@twincities.social", "journalist", "N", "she",
           home="mastodon",
           policies=["analysis of the water utility sale", "fact-check of the debate"],
           title="North Star Dispatch"),
    Person("Marcus Bell", "@MarcusBellKBPT", "journalist", "N", "he",
           policies=["debate questions", "segment on the rent ordinance"],
           title="KBPT 6 News anchor"),
    Person("Kim Tran", "@knockdoors_kim", "volunteer", "A", "she"),
    Person("Pete Sorensen", "@PhonebankPete", "volunteer", "B", "he"),
    Person("Sunita Rao", "@sunita.bsky.social", "volunteer", "A", "she", home="bluesky"),
    Person("Ollie Grant", "@ollie_canvasses", "volunteer", "B", "they"),
    Person("Dot Mueller", "@GrandmaDotVotes", "volunteer", "A", "she"),
    Person("Renata Ruiz", "@CouncilPresRuiz", "official", "N", "she",
           policies=["budget amendment", "decision to delay the zoning vote"],
           title="council president"),
    Person("Alan Halvorsen", "@SheriffHalvorsen", "official", "N", "he",
           policies=["jail overtime budget", "new body-camera policy"], title="county sheriff"),
    Person("Maureen Osei", "@KFCityClerk", "official", "N", "she",
           policies=["decision to close two early-voting sites", "ballot drop box schedule"],
           title="city clerk"),
    Person("David Ng", "@SchoolBoardNg", "official", "N", "he",
           policies=["school closure plan", "bus contract"], title="school board chair"),
]
BY_HANDLE = {p.handle: p for p in CAST}
CAND_A = CAST[0]
CAND_B = CAST[1]
MINOR = CAST[2]
MODERATOR = BY_HANDLE["@MarcusBellKBPT"]

ROLE_NOUNS = {
    "candidate": ["empty suit", "career politician", "puppet", "wannabe mayor", "crook",
                  "fake populist", "phony"],
    "minor": ["crank", "attention seeker", "spoiler", "perennial loser", "kook"],
    "staff": ["flack", "spin doctor", "paid liar", "hired gun", "yes-man", "propaganda intern"],
    "journalist": ["hack", "stenographer", "propagandist", "so-called journalist",
                   "press-pass clown", "activist with a byline"],
    "volunteer": ["useful idiot", "bootlicker", "cult member", "shill", "sucker"],
    "official": ["rubber stamp", "paper-pusher", "bureaucrat", "crony", "do-nothing"],
    "crowd": ["troll", "bot", "loser", "keyboard warrior", "basement dweller"],
}
NOUNS = ["clown", "grifter", "liar", "fraud", "sellout", "joke", "moron", "coward", "snake",
         "weasel", "hypocrite", "loser", "buffoon", "phony", "crook", "idiot", "dope", "creep",
         "leech", "clown show", "embarrassment", "con artist", "dimwit", "nitwit"]
ADJS = ["pathetic", "spineless", "brain-dead", "two-faced", "smug", "clueless", "corrupt",
        "shameless", "useless", "greasy", "lying", "dim", "sleazy", "gutless", "unhinged",
        "incompetent", "sniveling", "self-important", "empty-headed", "slimy", "deranged"]
MOCK_EMOJI = ["🤡", "🤡🤡", "😂😂😂", "🙄", "💩", "🐍", "🤮", "🥴", "😭😭", "🤣", "🗑️", "👎👎",
              "🤡🎪", "🐀", "🧠❌"]
CHEER_EMOJI = ["🎉", "💙", "🔥🔥", "🙌", "❤️", "💪", "✅", "🗳️", "👏👏", "⭐", "🥳", "🙏"]
DONORS = ["the developers", "the downtown money", "the Madison lobbyists", "the landlord PAC",
          "big ag", "the stadium people", "the out-of-state billionaires", "the unions"]
PLACES = ["Eastgate", "North Kestrel", "the Old Mill district", "Riverside Park",
          "the Millrace Bridge", "Hollis Street", "the south side", "Cedar Flats"]
CAMPAIGN_TAGS = ["#KestrelFalls", "#KFVotes", "#KFMayor", "#wipolitics", "#KFElection"]
SIDE_TAGS = {"A": ["#PriyaForKF", "#Lindqvist4Mayor"], "B": ["#BooneForKF", "#BackBoone"],
             "K": ["#WaltWho", "#Kessinger2026"], "N": []}
DEBATE_TAG = "#KFDebate"

# --------------------------------------------------------------------------------------
# Text banks.  Slots: {noun} {adj} {emoji} {first} {name} {sub} {obj} {pos} {sub_is}
# {city} {state} {place} {donor} {opp} {policy} {pct} {money} {year} {n} {cand} {vol}
# --------------------------------------------------------------------------------------

ATTACK_YOU = [
    "you are a {adj} {noun} and everyone in this town knows it",
    "imagine being this {adj}. couldn't be me",
    "nobody asked you, {noun}",
    "log off, {noun} {emoji}",
    "you're a liar. you were a liar last week and you'll be a liar tomorrow",
    "what a {adj} little {noun} you are",
    "do you practice being this stupid or does it come naturally?",
    "you have the spine of a wet noodle",
    "every time you open your mouth the average IQ in {city} drops ten points",
    "go back under whatever rock you crawled out from",
    "sellout. plain and simple. always has been",
    "you'd sell your own grandmother for a retweet",
    "you are an embarrassment to this city",
    "clown behavior. honk honk 🤡",
    "grifter gonna grift {emoji}",
    "you look like you've never done a day of honest work in your life",
    "the smuggest face in {state} politics, congrats",
    "bless your heart, you really think you're smart",
    "nobody likes you. not even your own people",
    "you're a fraud and a coward",
    "is there a single honest bone in your body? asking for all of {city}",
    "ok boomer, go take your nap",
    "you're not a leader, you're a punchline",
    "dumbest take of the year and it's not even close. impressive, {noun}",
    "did you get your opinions out of a fortune cookie?",
    "pathetic. absolutely pathetic",
    "shut up {noun}",
    "two-faced snake 🐍🐍🐍",
    "you only care about yourself and everybody can see it",
    "{first}, you're a walking conflict of interest with a bad haircut",
    "that fake smile isn't fooling anyone",
    "you are the human version of a pothole on {place}",
    "nobody would hire you for a real job",
    "such a {adj} {noun}. unreal",
    "go away. nobody wants you here",
    "i've met smarter parking meters",
    "the audacity of this {noun} 😂😂",
    "lying is just your native language at this point",
    "delete your account, {noun}",
    "hope you enjoy being the laughingstock of the whole state",
    "you'd lie about the weather if it got you a vote",
    "brain the size of a peanut and an ego the size of the Millrace Bridge",
    "you are a walking red flag 🚩🚩",
    "hey {noun}, your mask is slipping",
    "spineless. gutless. useless.",
    "keep crying, {noun} 😭",
    "take your {adj} nonsense and go home",
    "you make used car salesmen look honest",
    "everyone can see you're bought and paid for by {donor}",
    "how much are they paying you to be this {adj}?",
    "you're a parasite and you know it",
    "ratio + L + nobody likes you",
    "oh look, the {noun} is talking again 🙄",
    "you are a disgrace",
    "bet you couldn't find {place} on a map",
    "you're as fake as your tan",
    "just a {adj} {noun} in a cheap suit",
    "clown. {emoji}",
    "imagine being this proud of being wrong",
    "you're a weasel and you always will be",
    "liar liar liar liar liar",
    "u r so dumb its actually impressive",
    "congrats on being the most hated person in {city}",
    "{first} the fraud strikes again",
    "honestly who raised you",
    "go cry to your donors, {noun}",
    "you reek of lobbyist cologne",
    "absolute {noun}. block me, coward",
    "you are a snake oil salesman with a ring light",
    "were you dropped on your head as a child? serious question",
    "the lights are on but nobody's home huh",
    "you're a nasty, petty little person",
    "lmao you are such a {noun}",
    "you have zero shame and even less brains",
    "clown makeup suits you {emoji}",
    "not one person in {place} trusts you, {noun}",
    "you couldn't organize a two-car parade",
    "ur a joke. a bad one",
    "sit down {noun}, the adults are talking",
    "your whole career is a scam and you're the scammer",
    "the most {adj} person on this app and that's saying something",
    "what a creep. seriously, what a creep",
    "you'd be funny if you weren't so pathetic",
]

ATTACK_3P = [
    "{name} is a {adj} {noun}. that's it, that's the post",
    "can't believe anyone takes {name} seriously",
    "{name} wouldn't know the truth if it bit {obj}",
    "{name} is the dumbest person in {city} politics and it isn't close",
    "every word out of {name}'s mouth is a lie",
    "{name}: grifter, liar, sellout. pick three",
    "somebody take {name}'s phone away 🤡",
    "{name} looks like a melted candle",
    "{name} is a total embarrassment",
    "{name}? {sub_is} a coward. always has been",
    "lmao {name} really thinks {sub_is} smart",
    "how is {name} this stupid in public",
    "{name} = clown {emoji}",
    "{name} is a bought-and-paid-for puppet of {donor}",
    "{name} has the charisma of a wet mop",
    "remember when {name} pretended to care about {city}? lol",
    "{name} is a {noun}. full stop",
    "i'd trust a raccoon with my wallet before {name}",
    "{name}'s whole personality is being smug",
    "{name} is such a fake. everything about {obj} is fake",
    "most punchable face in {state}: {name}",
    "{name} should be ashamed but {sub_is} too shameless for that",
    "{name} is rotten to the core",
    "{name} couldn't run a lemonade stand",
    "no one alive is more two-faced than {name}",
    "{name} is a liar and a creep",
    "what a {adj} {noun} {name} turned out to be",
    "{name} is a disgrace to {pos} family",
    "LMAO {name} is a JOKE",
    "{name} is dumber than a bag of hammers",
    "{name} is the worst kind of {noun}",
    "{name} is a parasite on this city",
    "anyone who listens to {name} deserves what they get. what a {noun}",
    "{name} should crawl back to wherever {sub} came from",
    "{name} is so corrupt it's almost funny",
    "{name} has never had an original thought in {pos} life",
    "{name} is a spineless {noun}",
    "can we talk about how creepy {name} is",
    "{name} is a failed {noun} and a worse human being",
    "{name} needs to go away forever {emoji}",
    "watching {name} try to act like a normal human is painful 😬",
    "{name} is a con artist with a ring light",
    "{name} is a sock puppet for {donor}",
    "{name} is the kind of {noun} who'd lie to a nun",
    "yet another day of {name} being a {adj} {noun}",
    "friendly reminder that {name} is a fraud",
    "{name} is a greasy little weasel and {pos} fans are worse",
    "nobody in {place} can stand {name}. nobody",
    "{name} is what happens when a {noun} gets a microphone",
    "{name} has the brain of a goldfish {emoji}",
    "{name} is a clown in a cheap blazer",
    "honestly {name} is just a miserable person",
]

ATTACK_ROLE_YOU = {
    "candidate": [
        "you're not fit to run a bake sale, let alone {city}",
        "nobody is voting for a {adj} {noun} like you",
        "worst candidate this city has ever seen, and we had the guy who got arrested",
        "you are a career politician with the morals of a pickpocket",
    ],
    "minor": [
        "you're a joke candidate and a joke person",
        "nobody knows who you are and the ones who do can't stand you",
    ],
    "staff": [
        "paid liar. hope the check clears",
        "you'd spin your own mother's funeral",
        "enjoy unemployment in november, flack",
        "you're a professional liar and a bad one",
    ],
    "journalist": [
        "call yourself a journalist? you're a {adj} hack",
        "stenographer for {opp}. pathetic",
        "you're a propagandist with a press pass",
        "worst reporter in the state, no contest",
        "nobody reads your garbage, hack",
        "learn to write before you pretend to be a reporter",
    ],
    "volunteer": [
        "get a real job, {noun}",
        "useful idiot 🤡",
        "enjoy licking boots for free",
        "brainwashed cult member, sad",
    ],
    "official": [
        "worst {title} in the history of this county",
        "you're a corrupt little bureaucrat",
        "rubber-stamp {noun}. resign",
    ],
    "crowd": [
        "go troll somewhere else, loser",
        "imagine being this dumb on a public forum",
        "nobody cares what you think, bot",
    ],
}

SUBST_YOU = [
    "the fiscal note says your {policy} would cost ${money}M over five years. where does that "
    "money come from?",
    "you voted for the {policy} in {year} and now you're against it. which is it?",
    "the numbers behind your {policy} don't add up: there's a ${money}M gap nobody has explained",
    "your claim about the {policy} is wrong. the audit says otherwise, page {n}",
    "your {policy} is a disaster for renters, here's why: the costs get passed straight through",
    "I read the whole draft of the {policy}. section {n} exempts the biggest developers. why?",
    "what's the funding source for the {policy}? the budget office says it's unfunded after "
    "{year2}",
    "respectfully, something like the {policy} failed in Eau Claire and Duluth. what's "
    "different here?",
    "you keep saying the {policy} creates jobs. the state labor data shows the opposite",
    "your record on the {policy} is indefensible: three votes, three reversals",
    "the {policy} puts the whole burden on {place} while the wealthier wards get the benefits",
    "show us the study behind the {policy}. the one your campaign cited is from {year}",
    "the ridership numbers you quoted for the {policy} are pre-pandemic",
    "you say the {policy} saves ${money}M, but the clerk's estimate is roughly {pct}% higher "
    "costs",
    "will you commit to publishing the full contract for the {policy} before the election?",
    "the {policy} has no sunset clause and no audit requirement. that's a real problem",
    "your answer on the {policy} last night dodged the question about enforcement",
    "how does the {policy} affect property taxes in {place}? the county assessor says +{pct}%",
    "the {policy} was written with zero input from the neighborhood associations",
    "you promised a cost-benefit analysis of the {policy} in {year}. we're still waiting",
    "harsh but fair: the {policy} is poorly drafted and will end up in court",
    "your own budget shows the {policy} cutting {n} positions from the library system",
    "the {policy} is a giveaway. the city takes the risk and the investors take the upside",
    "your {policy} ignores the {pct}% vacancy rate downtown. the demand isn't there",
]

SUBST_3P = [
    "{name}'s {policy} is going to gut the rainy-day fund. this is a terrible plan",
    "thread on why the {policy} is a bad deal for {city} taxpayers 🧵 1/{n}",
    "{name} has flip-flopped on the {policy} twice. voters deserve a straight answer",
    "the fiscal note on the {policy} shows a ${money}M hole by {year2}. {name} hasn't "
    "addressed it",
    "harsh but fair: {name}'s record on the {policy} is a mess",
    "fact check: {name} said the {policy} would save ${money}M. the clerk's numbers say it "
    "costs more",
    "{name} voted no on the {policy} {n} times. that's the record, look it up",
    "the {policy} helps landlords far more than tenants. read the fine print",
    "{name}'s {policy} would raise average rents in {place} by about {pct}%",
    "if you care about the budget, {name}'s {policy} should worry you. the math is bad",
    "the {policy} is the single worst policy idea of this campaign and {name} owns it",
    "I went through the {policy} line by line. the enforcement section is basically empty",
    "{name} keeps citing a {year} study for the {policy}. it's outdated and the sample is tiny",
    "the {policy} shifts ${money}M from street repair to consultants. that's {name}'s priority?",
    "neighbors in {place}: the {policy} means {n} fewer bus runs a day. that matters",
    "{name}'s {policy} was tried in Green Bay in {year} and quietly repealed",
    "the {policy} numbers {name} quoted are off by about {pct}%. source: city finance dept",
    "reminder that the {policy} has no independent oversight. ask {name} why",
    "{name} can defend the {policy} all day but the audit is brutal",
    "the {policy} is a real threat to the water rates. this isn't partisan, it's arithmetic",
    "say what you want about {name}, the {policy} is the actual issue and it's bad policy",
    "the {policy}: {pct}% of the benefit goes to the top tenth of property owners",
    "{name}'s {policy} breaks {pos} own campaign promise from {year}",
    "comparing the {policy} to what Madison did: their version had a cap. {name}'s doesn't",
    "the council minutes from {year} show {name} pushing the {policy} with no cost estimate",
    "love the goal, hate the {policy}. it'll cost more and deliver less",
]

SUBST_GENERAL = [
    "the levy question on the ballot is 0.2% not 2%, read the actual ballot language",
    "the city budget is ${money}M and public safety is about {pct}% of it, for context",
    "has anyone compared the two housing plans side by side? the differences are big",
    "the water utility sale needs a referendum under the city charter, section {n}",
    "early voting turnout in {place} is down {pct}% from {year}, that's worth looking into",
    "neither candidate has explained how they'd pay for the lead-pipe work",
    "the stadium deal's TIF district runs for {n} years. that's a long time to forgo taxes",
    "the rent ordinance caps increases at {pct}% plus inflation. that's the actual text",
    "property assessments went up {pct}% this year, so 'freeze' means different things",
    "both campaigns are fudging the crime stats. the county data is public, go read it",
    "the bus contract renewal is ${money}M and nobody on the ballot is talking about it",
    "source? the budget doc I have says the opposite",
]

OTHER_CHEER = [
    "so proud to support {cand}! {emoji}",
    "{cand} crushed it today {emoji}",
    "yard sign is up! {tag}",
    "LET'S GOOO {cand} {emoji}",
    "{cand} for mayor, all day every day",
    "just chipped in $25 for {cand}. every bit helps {emoji}",
    "{cand} came to our block party and actually listened. that's my mayor",
    "can't wait to vote for {cand} {emoji}",
    "we love you {cand}! ❤️",
    "{cand} is the real deal. {tag}",
    "proud to knock doors for {cand} this weekend",
    "huge crowd for {cand} at {place} tonight {emoji}",
    "met {cand} at the farmers market, so kind to my kids",
    "my whole family is voting {cand} {emoji}",
    "{cand} 2026!!! {emoji}",
    "best speech of the campaign from {cand}, hands down",
    "this is why I'm with {cand} 👇",
    "congrats on the endorsement {cand}!! {emoji}",
    "{cand} bringing the energy {emoji}",
    "rooting for you {cand}, keep going",
]

OTHER_LOGISTICS = [
    "canvass meetup at {place} 10am saturday, bring water and comfy shoes",
    "early voting at the Hollis Street library is open until 6 today",
    "anyone know if the {place} polling place moved this year?",
    "phone bank tonight 6-8pm, pizza provided 🍕",
    "need 3 more drivers for rides to the polls on sunday, DM me",
    "where do I pick up a yard sign?",
    "reminder: you can register at the polls in {state}, bring proof of address",
    "the candidate forum at the VFW starts at 7, doors at 6:30",
    "lit drop this afternoon in {place}, meet at the church lot",
    "absentee ballots need to be back by 8pm on election day, don't wait",
    "the clerk's office has extended hours this week {tag}",
    "volunteer training thursday at 5:30, link in bio",
    "if you got a mailer with the wrong polling place, call the clerk's office",
    "parking for the rally is at the Old Mill lot, not the school",
    "sample ballots are posted on the county site now",
    "bus route 4 is free on election day btw",
    "carpool from {place} to the debate watch party leaving at 6:45",
    "anyone have a spare clipboard? canvassing tomorrow",
    "doors knocked today: {n}. feet: destroyed {emoji}",
    "ballot drop box at city hall is open 24/7 until tuesday",
]

OTHER_CHATTER = [
    "who's watching the debate tonight?",
    "the Millrace Bridge traffic is a nightmare again",
    "Otters won 4-2 last night! {emoji}",
    "coffee at Lantern Roasters hits different in october",
    "is it just me or is this campaign season endless",
    "my feed is 90% mayor race right now lol",
    "first frost tonight, cover your tomatoes",
    "anyone else get three campaign mailers today?",
    "me pretending to understand TIF financing at the family dinner [image]",
    "the leaves on River Road are unreal right now 🍂",
    "just saw a deer on Hollis Street, {city} is wild",
    "honestly the local news has been pretty good this cycle",
    "campaign ads during the Packers game should be illegal 😩",
    "brewing a pot of chili and ignoring politics for an hour",
    "how many yard signs is too many yard signs? asking for my neighbor",
    "the fish fry at St. Casimir's friday is the real civic event",
    "so many political texts today my phone is tired",
    "whoever is in charge of the {place} potholes, we see you",
    "the vibe at the coffee shop is 50% debate talk, 50% deer season",
    "can we all agree the debate stage looked great",
    "me checking the polls every ten minutes [gif]",
    "the library book sale is this weekend, unrelated but important",
    "bought cheese curds, feeling civic",
    "I miss when my timeline was just dog pictures",
    "snow in the forecast already?? {emoji}",
    "this race is going to be close, feels like",
    "Ledger's new poll drops tomorrow apparently",
    "somebody tell the geese on the river it's election season",
    "ok who else is doing the election night potluck",
    "lol my kid asked if the mayor is like a king",
]

OTHER_THANKS = [
    "thank you to every volunteer who knocked doors today {emoji}",
    "shoutout to {vol} for 200 doors this weekend!",
    "huge thanks to the clerk's office for the extended hours",
    "thanks to everyone who came out to {place} tonight, what a turnout",
    "grateful for the poll workers, they never get enough credit",
    "thanks for the info, that was really helpful",
    "appreciate you {vol}, you're the best",
    "thank you {cand} for showing up in {place} when nobody else did",
]

OTHER_REPLY = [
    "agreed 100%", "this is the way", "where did you see that?", "lol fair", "same here",
    "ha, my neighbor said the same thing", "thanks, good to know", "wait really?",
    "I hadn't thought of it that way", "ok but what time does it start", "👀", "following",
    "yep, saw that too", "hard agree", "good point honestly", "link?", "😂😂 true",
    "see you there!", "omg same", "ok this made me laugh",
]

# posts by the cast themselves
SUBST_ROLE = {
    "journalist": [
        "your {policy} left out the margin of error. with n={n}0 it's about +/-{pct}%",
        "the {policy} repeats the campaign's number without checking it against the budget",
        "your {policy} misstates the levy rate. the ballot language says 0.2%",
        "the {policy} should have mentioned the {year} audit, it changes the picture",
        "good reporting overall but the {policy} gets the TIF timeline wrong",
        "the chart in your {policy} uses a truncated axis, the change is smaller than it looks",
        "why does the {policy} quote only one side on the water sale?",
        "the {policy} cites the council vote as {n}-3. the minutes say otherwise",
    ],
    "staff": [
        "the {policy} claims ${money}M in savings. the fiscal note doesn't support that",
        "the {policy} leaves out that the council vote was in {year}, not this year",
        "can the campaign release the source for the numbers in the {policy}?",
        "the {policy} misrepresents the levy: it's 0.2%, not 2%",
        "the {policy} cherry-picks the crime data, the county numbers show a {pct}% drop",
    ],
}

CAST_POSTS = {
    "candidate": [
        "Thank you, {place}! What a crowd tonight. We're going to win this together. {tag}",
        "Today I laid out my plan on the {policy}. Read it and tell me what you think.",
        "Knocked doors in {place} this morning. The number one issue? Housing costs.",
        "Early voting is open. Make a plan, bring a friend, vote. {tag}",
        "Honored to be endorsed by the Kestrel Falls Firefighters Local {n}.",
        "The {policy} is about one thing: making {city} work for working families.",
        "Grateful to our {n} volunteers who made calls tonight. You are this campaign.",
        "See you at the forum tonight at 7. Bring your hardest questions.",
        "Coffee and conversation at Lantern Roasters, 8am tomorrow. Come say hi.",
        "We just crossed {n} individual donors, most under $50. Thank you. {tag}",
    ],
    "minor": [
        "Neither party-machine candidate will tell you the truth about the parking authority.",
        "Town hall in {place} tonight, everyone welcome. {tag}",
    ],
    "staff": [
        "Big day on the trail. Thanks to everyone who came out in {place}. {tag}",
        "Statement from the campaign on today's news coming shortly.",
        "Our field team knocked {n} doors this weekend. Incredible.",
        "Reminder to press: the candidate's schedule for tomorrow is posted.",
    ],
    "journalist": [
        "NEW: my story on the {policy}, with documents. Link below.",
        "Heading to the forum at the VFW, will be live-posting.",
        "Correction on my earlier post: the figure is ${money}M, not {n}M.",
        "Both campaigns have been asked for comment on the {policy}.",
        "Early voting numbers are in: {n} ballots cast so far in {city}.",
    ],
    "volunteer": [
        "Canvass crew assemble! {place} at 10am {emoji}",
        "{n} doors today with the best team in {city} {emoji}",
        "Phone bank tonight, come hang out and make some calls",
    ],
    "official": [
        "Reminder: early voting hours this week are 8am-6pm at City Hall.",
        "The council meets Tuesday at 6pm. Agenda posted online.",
        "Public notice: the {policy} comment period closes Friday.",
    ],
}

DEBATE_ATTACK_3P = [
    "{name} looks like a deer in headlights up there 😂 {dtag}",
    "{name} is LYING on live TV {dtag}",
    "{name} sweating through that suit lmao {dtag}",
    "{name} can't answer a simple question, what a clown {dtag}",
    "{name} sounds like a malfunctioning robot tonight {dtag}",
    "how is {name} allowed on a debate stage. embarrassing {dtag}",
    "{name} just smirked through that whole answer, what a smug little {noun}",
    "{name} is getting destroyed and is too dim to notice {dtag}",
    "every time {name} talks I lose brain cells {dtag}",
    "{name} is such a fake, even {pos} voice is fake {dtag}",
    "{name} looks like {sub} got dressed in the dark {dtag}",
    "that was the dumbest answer in debate history, {name} {emoji}",
    "{name} = {adj} {noun}, confirmed live on KBPT {dtag}",
    "{name} interrupting again. rude, arrogant {noun} {dtag}",
]

DEBATE_SUBST = [
    "{name} just said the {policy} costs nothing. the fiscal note says ${money}M {dtag}",
    "fact check: {name}'s number on the {policy} is from {year}, it's out of date {dtag}",
    "good question on the {policy} and {name} completely dodged it {dtag}",
    "{name}'s answer on the {policy} contradicts {pos} {year} vote {dtag}",
    "the {policy} exchange was the substantive part of the night. {name} had no numbers",
    "{name} claims the {policy} creates {n} jobs. there's no study behind that {dtag}",
]

DEBATE_OTHER = [
    "drinking game: every time someone says 'common sense' {dtag}",
    "who won the debate? reply below {dtag}",
    "the moderator is doing a solid job tonight {dtag}",
    "watch party at the Brass Otter is PACKED {emoji} {dtag}",
    "okay that closing statement from {cand} was good {dtag}",
    "{cand} won that exchange, no question {emoji} {dtag}",
    "live-posting the debate, follow along {dtag}",
    "my dog has fallen asleep during the debate, relatable {dtag}",
    "whoever picked the stage lighting deserves a raise {dtag}",
    "that was the best 90 minutes of local TV in years {dtag}",
    "so proud of {cand} tonight {emoji} {dtag}",
    "audience is not supposed to clap, they keep clapping lol {dtag}",
]

PILEON_EXTRA = [
    "after {trigger}? you're done, {noun}",
    "{trigger} is the dumbest thing I've seen all year. what a {noun}",
    "saw {trigger}. {adj} {noun}, as always",
    "{trigger} tells you everything about this {noun}",
    "the {trigger} thing proves you're a {adj} {noun}",
]
PILEON_TRIGGERS = {
    "candidate": ["that interview", "the hot-mic clip", "that awful ad", "the rally video",
                  "that post about the vets", "the podcast appearance"],
    "minor": ["that rant at the forum", "the parking authority video"],
    "staff": ["that statement", "your tweet about the polls", "the press call"],
    "journalist": ["your article", "that poll story", "your 'analysis'", "that headline",
                   "the interview you did"],
    "volunteer": ["your little canvassing video", "that post", "your photo with the candidate"],
    "official": ["the drop box decision", "that press conference", "the budget vote"],
}
PILEON_SIDELINE = [
    "whoa, what did I miss?", "oh this is gonna be a long night", "muting this thread",
    "can everyone take a breath", "somebody screenshot this before it's deleted",
    "the replies on this one 👀", "grabbing popcorn",
]
DEFENDER = [
    "leave {obj} alone, this is harassment", "reporting every account in these replies",
    "this pile-on is disgusting, {first} did nothing wrong",
    "y'all need to log off and touch grass", "standing with {first} today 💙",
    "disagree all you want but the insults are gross",
]
CHEER_TRIGGERS = ["the union endorsement", "the rally at Riverside Park", "the new ad",
                  "the town hall", "the Ledger endorsement", "the forum answer on housing"]

TYPO_SWAPS = [("you're", "your"), ("you're", "ur"), ("the ", "teh "), ("because", "bc"),
              ("really", "rly"), ("people", "ppl"), ("about", "abt"), ("going to", "gonna"),
              ("don't", "dont"), ("it's", "its"), ("can't", "cant"), ("that", "taht")]

MENTION_RE = re.compile(
    r"@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?")
HASHTAG_RE = re.compile(r"#\w+")

HOUR_WEIGHTS = np.array([0.35, 0.2, 0.12, 0.08, 0.08, 0.15, 0.4, 0.8, 1.0, 1.0, 0.85, 0.8,
                         0.9, 0.75, 0.7, 0.7, 0.8, 0.9, 1.0, 1.15, 1.2, 1.1, 0.85, 0.6])

# --------------------------------------------------------------------------------------
# Accounts
# --------------------------------------------------------------------------------------

FIRSTS = ["kayla", "mike", "jen", "tom", "deb", "raj", "lena", "carlos", "beth", "nate",
          "tasha", "gus", "mo", "ash", "jo", "val", "ben", "kris", "rosa", "hank", "dee", "luis",
          "amy", "sam", "kev", "tia", "ray", "nina", "cody", "pam", "omar", "liz", "finn",
          "greta", "walt", "ivy", "abe", "june", "drew", "mei", "sven", "ingrid", "marco",
          "keisha", "bo", "ruth", "dale", "yusuf", "hao", "britt", "arlo", "nell", "vic"]
WORDS = ["otter", "river", "mill", "lake", "prairie", "badger", "cheddar", "pine", "north",
         "snow", "bridge", "ice", "walleye", "loon", "maple", "rust", "frost", "harbor",
         "county", "bluff", "curd", "kestrel", "hawk", "birch", "ferry", "dairy", "canoe"]
TAILS = ["dad", "mom", "fan", "guy", "gal", "watcher", "voter", "nerd", "lover", "native",
         "local", "realist", "skeptic", "mama", "papa"]


@dataclass
class Account:
    handle: str
    platform: str
    lean: str  # A | B | K | N
    tox: float
    weight: float


class Names:
    def __init__(self, rng: np.random.Generator):
        self.rng = rng
        self.used: set[str] = set(BY_HANDLE)

    def _base(self) -> str:
        r = self.rng
        f = str(r.choice(FIRSTS))
        w = str(r.choice(WORDS))
        t = str(r.choice(TAILS))
        n = int(r.integers(1, 999))
        k = int(r.integers(0, 9))
        if k == 0:  # (drawn only here, so that seeds keep their days)
            return f"{f}{chr(97 + int(r.integers(0, 26)))}{n}"
        shapes = ("", f"{w}_{f}", f"{f}_{w}{n}", f"{w.title()}{t.title()}",
                  f"real{f}{n}", f"{f}{w}", f"kf_{t}{n}", f"{w}{t}{n % 100}", f"{f}{f[0]}{n}")
        return shapes[k]

    def make(self, platform: str) -> str:
        for _ in range(1000):
            b = self._base()
            if platform == "x":
                h = "@" + b[:15]
            elif platform == "bluesky":
                suffix = ".bsky.social" if self.rng.random() < 0.9 else ".com"
                h = "@" + b.lower().replace("_", "-") + suffix
            elif platform == "mastodon":
                h = "@" + b.lower() + "@" + str(self.rng.choice(MASTO_INSTANCES))
            else:
                h = "u/" + (b if self.rng.random() < 0.5 else b.title().replace("_", "-"))
            if h not in self.used:
                self.used.add(h)
                return h
        raise RuntimeError("could not make a unique handle")


def make_pool(rng: np.random.Generator, names: Names, size: int) -> list[Account]:
    pool = []
    plats = rng.choice(len(PLATFORMS), size=size, p=PLATFORM_SHARE)
    leans = rng.choice(["A", "B", "K", "N"], size=size, p=[0.38, 0.36, 0.04, 0.22])
    tox = rng.beta(0.7, 8.0, size=size)
    trolls = rng.random(size) < 0.04
    tox[trolls] = rng.uniform(0.35, 0.75, size=int(trolls.sum()))
    weight = rng.lognormal(0.0, 1.25, size=size)
    for i in range(size):
        plat = PLATFORMS[int(plats[i])]
        pool.append(Account(names.make(plat), plat, str(leans[i]), float(tox[i]),
                            float(weight[i])))
    return pool


# --------------------------------------------------------------------------------------
# Day builder
# --------------------------------------------------------------------------------------


def _pron(p: Person | None) -> dict[str, str]:
    pron = p.pron if p else "they"
    return {
        "she": {"sub": "she", "obj": "her", "pos": "her", "sub_is": "she's"},
        "he": {"sub": "he", "obj": "him", "pos": "his", "sub_is": "he's"},
        "they": {"sub": "they", "obj": "them", "pos": "their", "sub_is": "they're"},
    }[pron]


@dataclass
class Raw:
    t: float  # epoch seconds (UTC)
    platform: str
    author: str
    text: str
    reply_to: str | None
    label: str
    target: str | None
    ep: int | None = None


class Day:
    def __init__(self, seed: int, posts: int, debate: bool, day: datetime.date):
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.n_bg = posts
        self.debate = debate
        self.day = day
        self.t0 = datetime.datetime(day.year, day.month, day.day, tzinfo=TZ).timestamp()
        nxt = day + datetime.timedelta(days=1)
        self.t1 = datetime.datetime(nxt.year, nxt.month, nxt.day, tzinfo=TZ).timestamp()
        self.names = Names(self.rng)
        self.pool = make_pool(self.rng, self.names, max(400, int(posts * 0.45)))
        w = np.array([a.weight for a in self.pool])
        self.pool_p = w / w.sum()
        self.raws: list[Raw] = []
        self.episodes: list[dict] = []
        self.busy: dict[str, list[tuple[float, float]]] = {}
        # per-day hourly jitter of the diurnal curve
        hw = HOUR_WEIGHTS * self.rng.lognormal(0.0, 0.15, size=24)
        self.hour_p = hw / hw.sum()
        self.debate_win: tuple[float, float] | None = None

    # ---- small helpers -------------------------------------------------------------
    def ch(self, seq):
        return seq[int(self.rng.integers(0, len(seq)))]

    def p(self, prob: float) -> bool:
        return bool(self.rng.random() < prob)

    def diurnal_time(self, lo_h: float = 0.0, hi_h: float = 24.0) -> float:
        for _ in range(100):
            h = int(self.rng.choice(24, p=self.hour_p))
            s = (h + self.rng.random()) * 3600.0
            if lo_h * 3600 <= s < hi_h * 3600:
                return self.t0 + s
        return self.t0 + self.rng.uniform(lo_h, hi_h) * 3600.0

    def clip_t(self, t: float) -> float:
        return float(min(max(t, self.t0 + 1.0), self.t1 - 1.0))

    def pool_acct(self, lean: str | None = None, platform: str | None = None) -> Account:
        for _ in range(60):
            a = self.pool[int(self.rng.choice(len(self.pool), p=self.pool_p))]
            if (lean is None or a.lean == lean) and (platform is None or a.platform == platform):
                return a
        return self.pool[int(self.rng.integers(0, len(self.pool)))]

    def add(self, raw: Raw) -> None:
        # round to what the platform's timestamp can show, so the output sorts exactly
        t = self.clip_t(raw.t)
        raw.t = round(t, 3) if raw.platform == "bluesky" else float(round(t))
        self.raws.append(raw)

    # ---- text composition ----------------------------------------------------------
    def ctx(self, target: Person | None, author_lean: str = "N") -> dict[str, str]:
        r = self.rng
        fav = {"A": CAND_A, "B": CAND_B, "K": MINOR}.get(author_lean) or self.ch([CAND_A, CAND_B])
        opp_side = {"A": CAND_B, "B": CAND_A}.get(author_lean) or self.ch([CAND_A, CAND_B])
        role = target.role if target else "crowd"
        pol_src = target.policies if target and target.policies else (
            CAND_A.policies + CAND_B.policies)
        vols = [p for p in CAST if p.role == "volunteer"]
        year = int(r.integers(2014, 2025))
        c = {
            "noun": self.ch(NOUNS + ROLE_NOUNS[role] * 2),
            "adj": self.ch(ADJS),
            "emoji": self.ch(MOCK_EMOJI),
            "first": target.first if target else "",
            "city": CITY, "state": STATE,
            "place": self.ch(PLACES),
            "donor": self.ch(DONORS),
            "opp": opp_side.last,
            "policy": self.ch(pol_src),
            "pct": str(int(r.integers(3, 41))),
            "money": f"{r.uniform(1.2, 48):.1f}",
            "year": str(year),
            "year2": str(int(r.integers(2027, 2032))),
            "n": str(int(r.integers(2, 60))),
            "cand": fav.handle if self.p(0.6) else fav.name,
            "vol": self.ch(vols).handle,
            "tag": self.ch(CAMPAIGN_TAGS + SIDE_TAGS.get(author_lean, [])),
            "title": target.title if target else "",
            "dtag": DEBATE_TAG if self.p(0.6) else "",
            "name": "",
        }
        c.update(_pron(target))
        return c

    def style(self, text: str, label: str) -> str:
        r = self.rng
        if r.random() < 0.12:
            for a, b in TYPO_SWAPS:
                if a in text and r.random() < 0.5:
                    text = text.replace(a, b, 1)
        caps = {"attack": 0.08, "other": 0.03, "substantive": 0.01}[label]
        if r.random() < caps:
            text = _recase(text, str.upper)
        elif r.random() < 0.15:
            text = _recase(text, str.lower)
        if label == "attack" and r.random() < 0.15:
            text += " " + self.ch(MOCK_EMOJI)
        elif label == "other" and r.random() < 0.12:
            text += " " + self.ch(CHEER_EMOJI)
        if r.random() < 0.05:
            text = self.ch(["lol ", "smh ", "ok so ", "honestly ", "yikes. "]) + text
        text = re.sub(r"\s+", " ", text).strip()
        return text

    def tags(self, text: str, lean: str, prob: float = 0.22) -> str:
        if self.rng.random() < prob:
            pool = CAMPAIGN_TAGS + SIDE_TAGS.get(lean, [])
            text += " " + self.ch(pool)
        if self.debate_win and self.rng.random() < 0.05:
            text += " " + DEBATE_TAG
        return text

    def attack_text(self, target: Person | None, lean: str, mode: str,
                    crowd_handle: str | None = None, extra: list[str] | None = None) -> str:
        """mode: reply_handle | reply_bare | mention | name."""
        c = self.ctx(target, lean)
        role = target.role if target else "crowd"
        if mode in ("reply_handle", "reply_bare"):
            bank = ATTACK_YOU + ATTACK_ROLE_YOU[role] * 3 + (extra or []) * 4
            text = self.ch(bank).format(**c)
            if mode == "reply_handle":
                h = target.handle if target else crowd_handle
                text = f"{h} {text}"
            return text
        if target is None:  # crowd, mention
            c["name"] = crowd_handle or "this guy"
            return self.ch(ATTACK_3P).format(**c)
        if mode == "mention":
            c["name"] = target.handle
        else:
            opts = [target.name, target.name, target.last, target.first] + target.nicks
            c["name"] = self.ch(opts)
        text = self.ch(ATTACK_3P).format(**c)
        if mode == "mention" and self.p(0.25):
            text = self.ch(["lmao look at this 👇 ", "QT: ", "this you? ", "🚨 "]) + text
        return text

    def subst_text(self, target: Person | None, lean: str, mode: str,
                   policy: str | None = None) -> str:
        c = self.ctx(target, lean)
        if policy:
            c["policy"] = policy
        if target is None:
            if self.p(0.5):
                return self.ch(SUBST_GENERAL).format(**c)
            tgt = self.ch([CAND_A, CAND_B, CAND_A, CAND_B, MINOR])
            c = self.ctx(tgt, lean)
            c["name"] = self.ch([tgt.name, tgt.last])
            return self.ch(SUBST_3P).format(**c)
        if target.role in SUBST_ROLE:
            text = self.ch(SUBST_ROLE[target.role]).format(**c)
            if mode == "reply_bare":
                return text
            if mode == "name":
                return f"{target.name}: {text}"
            return f"{target.handle} {text}"
        if mode in ("reply_handle", "reply_bare"):
            text = self.ch(SUBST_YOU).format(**c)
            return f"{target.handle} {text}" if mode == "reply_handle" else text
        c["name"] = target.handle if mode == "mention" else self.ch([target.name, target.last])
        return self.ch(SUBST_3P).format(**c)

    def other_text(self, lean: str, kind: str | None = None) -> str:
        c = self.ctx(None, lean)
        c["emoji"] = self.ch(CHEER_EMOJI)
        kind = kind or self.ch(["cheer", "logistics", "chatter", "chatter", "logistics",
                                "thanks", "cheer", "chatter"])
        bank = {"cheer": OTHER_CHEER, "logistics": OTHER_LOGISTICS, "chatter": OTHER_CHATTER,
                "thanks": OTHER_THANKS, "reply": OTHER_REPLY}[kind]
        return self.ch(bank).format(**c)

    # ---- background ------------------------------------------------------------------
    def pick_cast(self) -> Person:
        weights = {"candidate": 10.0, "minor": 1.5, "journalist": 2.0, "staff": 1.0,
                   "official": 1.2, "volunteer": 0.3}
        ws = np.array([weights[p.role] for p in CAST])
        ws = ws / ws.sum()
        return CAST[int(self.rng.choice(len(CAST), p=ws))]

    def attack_target_for(self, acct: Account) -> Person:
        u = self.rng.random()
        if u < 0.80:
            if acct.lean == "A":
                return CAND_B if self.p(0.9) else MINOR
            if acct.lean == "B":
                return CAND_A if self.p(0.9) else MINOR
            if acct.lean == "K":
                return self.ch([CAND_A, CAND_B])
            return self.ch([CAND_A, CAND_B, CAND_A, CAND_B, MINOR])
        others = [p for p in CAST if p.role in ("staff", "journalist", "official")]
        if u < 0.97:
            return self.ch(others)
        return self.ch([p for p in CAST if p.role == "volunteer"])

    def bg_post(self, t: float, acct: Account, addressee: Person | None,
                reply_to_crowd: Account | None = None) -> None:
        """One background post by acct at t, possibly addressed to a cast member."""
        plat = acct.platform
        if reply_to_crowd is not None:
            p_att = min(0.8, acct.tox * 0.7)
            u = self.rng.random()
            if u < p_att:
                mode = "reply_handle" if self.p(0.4) and plat != "reddit" else "reply_bare"
                text = self.attack_text(None, acct.lean, mode, crowd_handle=reply_to_crowd.handle)
                lab, tgt = "attack", reply_to_crowd.handle
            elif u < p_att + 0.2:
                text, lab, tgt = self.subst_text(None, acct.lean, ""), "substantive", None
            else:
                text, lab, tgt = self.other_text(acct.lean, "reply"), "other", None
            self.add(Raw(t, plat, acct.handle, self.style(text, lab), reply_to_crowd.handle,
                         lab, tgt))
            return
        if addressee is not None:
            cand = addressee.role == "candidate"
            p_att = min(0.9, acct.tox * (1.8 if cand else 0.45))
            if addressee.side != "N" and addressee.side == acct.lean:
                p_att *= 0.1  # people rarely insult their own side
            p_sub = 0.25 if addressee.role in ("candidate", "minor", "official") else 0.12
            u = self.rng.random()
            reply = self.p(0.7)
            if reply:
                mode = "reply_bare" if plat == "reddit" or self.p(0.35) else "reply_handle"
            else:
                mode = "name" if plat == "reddit" or self.p(0.25) else "mention"
            rt = addressee.handle if reply else None
            if u < p_att:
                text = self.attack_text(addressee, acct.lean, mode)
                lab, tgt = "attack", addressee.handle
            elif u < p_att + p_sub:
                text = self.subst_text(addressee, acct.lean, mode)
                lab, tgt = "substantive", None
            else:
                text = self.other_text(acct.lean, self.ch(["reply", "cheer", "thanks",
                                                           "reply", "chatter"]))
                if mode == "reply_handle" or mode == "mention":
                    text = f"{addressee.handle} {text}"
                lab, tgt = "other", None
            text = self.tags(text, acct.lean, 0.12)
            self.add(Raw(t, plat, acct.handle, self.style(text, lab), rt, lab, tgt))
            return
        # standalone
        p_att = min(0.85, acct.tox * 0.9)
        u = self.rng.random()
        if u < p_att:
            tgt_p = self.attack_target_for(acct)
            mode = "name" if plat == "reddit" or self.p(0.35) else "mention"
            text = self.attack_text(tgt_p, acct.lean, mode)
            lab, tgt = "attack", tgt_p.handle
        elif u < p_att + 0.2:
            text, lab, tgt = self.subst_text(None, acct.lean, ""), "substantive", None
        else:
            text, lab, tgt = self.other_text(acct.lean), "other", None
        text = self.tags(text, acct.lean)
        self.add(Raw(t, plat, acct.handle, self.style(text, lab), None, lab, tgt))

    def background(self) -> None:
        n = self.n_bg
        # cast's own posts
        per_role = {"candidate": (8, 16), "minor": (2, 6), "staff": (1, 5),
                    "journalist": (3, 9), "volunteer": (0, 3), "official": (0, 3)}
        cast_posts: list[tuple[float, Person]] = []
        for p in CAST:
            lo, hi = per_role[p.role]
            for _ in range(int(self.rng.integers(lo, hi + 1))):
                t = self.diurnal_time(6.0, 23.5)
                c = self.ctx(p, p.side)
                c["emoji"] = self.ch(CHEER_EMOJI)
                c["tag"] = self.ch(CAMPAIGN_TAGS + SIDE_TAGS.get(p.side, []))
                text = self.ch(CAST_POSTS[p.role]).format(**c)
                lab = "substantive" if "{policy}" in text or "plan on" in text else "other"
                self.add(Raw(t, p.home, p.handle, text, None, lab, None))
                cast_posts.append((t, p))
        budget = n - len(cast_posts)
        # reply cascades under cast posts (~30% of the background)
        role_w = {"candidate": 10.0, "minor": 2.5, "journalist": 3.0, "staff": 1.5,
                  "official": 2.0, "volunteer": 0.6}
        cw = np.array([role_w[p.role] for _, p in cast_posts])
        n_casc = int(budget * 0.30)
        counts = self.rng.multinomial(n_casc, cw / cw.sum()) if cast_posts else []
        for (t, p), k in zip(cast_posts, counts, strict=False):
            delays = self.rng.exponential(1800.0, size=int(k))
            for d in delays:
                acct = self.pool_acct()
                self.bg_post(t + 20 + float(d), acct, p)
        # ambient posts
        for _ in range(budget - n_casc):
            t = self.diurnal_time()
            acct = self.pool_acct()
            u = self.rng.random()
            if u < 0.22:
                other = self.pool_acct(platform=acct.platform)
                if other.handle == acct.handle:
                    other = self.pool_acct(platform=acct.platform)
                self.bg_post(t, acct, None, reply_to_crowd=other)
            elif u < 0.40:
                self.bg_post(t, acct, self.pick_cast())
            else:
                self.bg_post(t, acct, None)

    # ---- debate night ------------------------------------------------------------------
    def debate_night(self) -> None:
        r = self.rng
        start_h = float(self.ch([19.0, 19.0, 19.5, 20.0]))
        length = float(r.uniform(1.25, 1.6))  # the debate itself (hours)
        pre, post = 0.33, float(r.uniform(0.6, 1.0))
        w0 = self.t0 + (start_h - pre) * 3600
        ds = self.t0 + start_h * 3600
        de = ds + length * 3600
        w1 = de + post * 3600
        self.debate_win = (w0, w1)
        n_extra = int(self.n_bg * r.uniform(0.3, 0.5))
        attack_share = float(r.uniform(0.28, 0.4))
        subst_share = float(r.uniform(0.15, 0.25))
        share_a = float(r.uniform(0.3, 0.7))  # asymmetric split of the abuse
        moments = ds + np.sort(r.uniform(0.05, 0.95, size=int(r.integers(4, 8)))) * (de - ds)
        fresh: list[Account] = []
        for _ in range(int(n_extra * 0.15)):
            plat = PLATFORMS[int(r.choice(4, p=PLATFORM_SHARE))]
            lean = str(r.choice(["A", "B", "N"], p=[0.4, 0.4, 0.2]))
            fresh.append(Account(self.names.make(plat), plat, lean, 0.2, 1.0))
        for _ in range(n_extra):
            u = r.random()
            if u < 0.1:
                t = w0 + r.uniform(0, ds - w0)
            elif u < 0.55:
                t = ds + r.uniform(0, de - ds)
            elif u < 0.8:
                t = float(self.ch(list(moments))) + r.exponential(180.0)
            else:
                t = de + r.exponential(post * 3600 / 2.5)
            t = min(t, w1 + r.uniform(0, 600))
            acct = self.ch(fresh) if fresh and self.p(0.3) else self.pool_acct()
            plat = acct.platform
            u = r.random()
            if u < attack_share:
                if acct.lean in ("A", "B") and self.p(0.6):
                    tp = CAND_B if acct.lean == "A" else CAND_A
                else:  # who had the worse night decides where the rest goes
                    tp = CAND_A if self.p(share_a) else CAND_B
                if self.p(0.04):
                    tp = MINOR
                c = self.ctx(tp, acct.lean)
                mode = self.ch(["mention", "mention", "name", "reply_handle", "reply_bare"])
                if plat == "reddit":
                    mode = "name"
                if mode.startswith("reply"):
                    text = self.attack_text(tp, acct.lean, mode)
                    rt = tp.handle
                else:
                    c["name"] = tp.handle if mode == "mention" else self.ch(
                        [tp.name, tp.last] + tp.nicks)
                    text = self.ch(DEBATE_ATTACK_3P + ATTACK_3P[:15]).format(**c)
                    rt = None
                lab, tgt = "attack", tp.handle
            elif u < attack_share + subst_share:
                tp = self.ch([CAND_A, CAND_B])
                c = self.ctx(tp, acct.lean)
                c["name"] = tp.handle if self.p(0.5) and plat != "reddit" else tp.last
                text = self.ch(DEBATE_SUBST).format(**c)
                lab, tgt, rt = "substantive", None, None
            else:
                c = self.ctx(None, acct.lean)
                c["emoji"] = self.ch(CHEER_EMOJI)
                text = self.ch(DEBATE_OTHER + OTHER_CHATTER[:3]).format(**c)
                if self.p(0.05):
                    text = f"{MODERATOR.handle} " + text
                lab, tgt, rt = "other", None, None
            if DEBATE_TAG not in text and self.p(0.4):
                text += " " + DEBATE_TAG
            self.add(Raw(t, plat, acct.handle, self.style(text, lab), rt, lab, tgt))

    # ---- episodes -----------------------------------------------------------------------
    def place(self, target: str, dur: float, avoid_debate: bool) -> float | None:
        for _ in range(80):
            start = self.diurnal_time(6.5, 23.0)
            end = start + dur * 1.3 + 900
            if end > self.t1 - 300:
                continue
            if avoid_debate and self.debate_win:
                a, b = self.debate_win
                if start < b + 1800 and end > a - 1800:
                    continue
            clash = any(start < e + 3600 and end > s - 3600 for s, e in
                        self.busy.get(target, []))
            if clash:
                continue
            self.busy.setdefault(target, []).append((start, end))
            return start
        return None

    def _finish_episode(self, kind: str, target: str, speed: str, idx: int) -> None:
        eps = [r for r in self.raws if r.ep == idx]
        if not eps:
            return
        ts = sorted(r.t for r in eps)
        self.episodes.append({
            "kind": kind, "target": target, "speed": speed,
            "authors": len({r.author for r in eps}), "posts": len(eps),
            "platforms": sorted({r.platform for r in eps}),
            "start": ts[0], "midpoint": float(np.median(ts)), "end": ts[-1],
        })

    def _crowd(self, n: int, lean: str | None, primary: str, fresh_share: float) -> list[Account]:
        out: list[Account] = []
        seen: set[str] = set()
        for _ in range(n):
            if self.p(fresh_share):
                plat = primary if self.p(0.8) else PLATFORMS[int(
                    self.rng.choice(4, p=PLATFORM_SHARE))]
                a = Account(self.names.make(plat), plat, lean or "N", 0.5, 1.0)
            else:
                a = self.pool_acct(lean)
                tries = 0
                while a.handle in seen and tries < 20:
                    a = self.pool_acct(lean)
                    tries += 1
                if a.handle in seen:
                    plat = primary
                    a = Account(self.names.make(plat), plat, lean or "N", 0.5, 1.0)
            seen.add(a.handle)
            out.append(a)
        return out

    def _times(self, start: float, dur: float, n: int) -> np.ndarray:
        shape = self.ch(["front", "front", "sym", "back", "waves"])
        if shape == "front":
            x = self.rng.beta(1.3, 3.2, size=n)
        elif shape == "sym":
            x = self.rng.beta(2.2, 2.2, size=n)
        elif shape == "back":
            x = self.rng.beta(2.8, 1.5, size=n)
        else:
            a = self.rng.beta(2, 5, size=n) * 0.6
            b = 0.45 + self.rng.beta(2, 3, size=n) * 0.55
            x = np.where(self.rng.random(n) < 0.5, a, b)
        return start + x * dur

    def pileon(self, idx: int) -> None:
        r = self.rng
        cls = str(r.choice(["candidate", "staff", "journalist", "volunteer", "official",
                            "minor"], p=[0.34, 0.17, 0.24, 0.13, 0.08, 0.04]))
        victim = self.ch([p for p in CAST if p.role == cls])
        speeds = {"flash": (8, 25), "fast": (25, 70), "steady": (70, 130), "slow": (130, 180)}
        if cls == "volunteer":
            speed = self.ch(["flash", "fast", "fast", "steady"])
        else:
            speed = self.ch(["flash", "fast", "fast", "steady", "steady", "slow"])
        dur = float(r.uniform(*speeds[speed])) * 60.0
        if cls == "candidate":
            lo = {"flash": 60, "fast": 80, "steady": 110, "slow": 150}[speed]
            n_auth = int(r.integers(lo, 270))
        elif cls == "minor":
            n_auth = int(r.integers(25, 70))
        elif cls == "staff":
            n_auth = int(r.integers(15, 81))
        elif cls == "journalist":
            n_auth = int(r.integers(15, 141))
        elif cls == "volunteer":
            n_auth = int(r.integers(6, 26))
        else:
            n_auth = int(r.integers(10, 51))
        start = self.place(victim.handle, dur, avoid_debate=cls in ("candidate", "minor"))
        if start is None:
            return
        if victim.side in ("A", "B"):
            lean = "B" if victim.side == "A" else "A"
        else:
            lean = self.ch(["A", "B"])
        primary = victim.home if victim.home != "x" or self.p(0.8) else self.ch(
            ["bluesky", "reddit"])
        crowd = self._crowd(n_auth, lean, primary, float(r.uniform(0.3, 0.7)))
        firsts = self._times(start, dur, n_auth)
        trigger = self.ch(PILEON_TRIGGERS[cls])
        extra = [s.replace("{trigger}", trigger) for s in PILEON_EXTRA]
        hashtag = None
        if cls in ("candidate", "minor", "journalist") and self.p(0.4):
            hashtag = "#" + self.ch(["Fire", "Dump", "Resign", "Bye", "Fraud"]) + victim.last
        gap_mean = max(90.0, min(600.0, dur / 5))
        for acct, t_first in zip(crowd, firsts, strict=True):
            k = int(r.choice([1, 2, 3], p=[0.55, 0.3, 0.15]))
            ts = t_first + np.concatenate([[0.0], np.cumsum(r.exponential(gap_mean, k - 1))])
            for t in ts:
                t = min(float(t), start + dur * 1.15)
                plat = acct.platform
                u = r.random()
                if u < 0.06:  # onlookers in the thread
                    text = self.ch(PILEON_SIDELINE)
                    rt = victim.handle if self.p(0.5) else None
                    self.add(Raw(t, plat, acct.handle, self.style(text, "other"), rt, "other",
                                 None, idx))
                    continue
                if plat == "reddit":
                    mode = self.ch(["reply_bare", "reply_bare", "name", "name", "mention"])
                else:
                    mode = str(r.choice(["reply_handle", "reply_bare", "mention", "name"],
                                        p=[0.46, 0.2, 0.26, 0.08]))
                text = self.attack_text(victim, acct.lean, mode, extra=extra)
                if hashtag and self.p(0.35):
                    text += " " + hashtag
                rt = victim.handle if mode.startswith("reply") else None
                self.add(Raw(t, plat, acct.handle, self.style(text, "attack"), rt, "attack",
                             victim.handle, idx))
        # a few defenders show up (background, not part of the episode)
        for _ in range(int(n_auth * r.uniform(0.04, 0.15))):
            acct = self.pool_acct(victim.side if victim.side in ("A", "B") else None)
            c = self.ctx(victim, acct.lean)
            text = f"{victim.handle} " + self.ch(DEFENDER).format(**c)
            t = start + r.uniform(0.2, 1.2) * dur
            self.add(Raw(t, acct.platform, acct.handle, self.style(text, "other"),
                         victim.handle if self.p(0.6) else None, "other", None))
        self._finish_episode("pileon", victim.handle, speed, idx)

    def substantive_surge(self, idx: int) -> None:
        r = self.rng
        tgt = self.ch([CAND_A, CAND_B, CAND_A, CAND_B, MINOR] +
                      [p for p in CAST if p.role == "official"])
        policy = self.ch(tgt.policies)
        dur = float(r.uniform(30, 150)) * 60
        speed = "fast" if dur < 4200 else ("steady" if dur < 7800 else "slow")
        n_auth = int(r.integers(30, 181))
        start = self.place(tgt.handle, dur, avoid_debate=True)
        if start is None:
            return
        lean = "B" if tgt.side == "A" else ("A" if tgt.side == "B" else None)
        crowd = self._crowd(n_auth, lean, "x", float(r.uniform(0.2, 0.5)))
        firsts = self._times(start, dur, n_auth)
        for acct, t_first in zip(crowd, firsts, strict=True):
            k = int(r.choice([1, 2], p=[0.75, 0.25]))
            for j in range(k):
                t = float(t_first) + j * r.exponential(600)
                t = min(t, start + dur * 1.15)
                plat = acct.platform
                if plat == "reddit":
                    mode = self.ch(["reply_bare", "name", "name"])
                else:
                    mode = str(r.choice(["reply_handle", "reply_bare", "mention", "name"],
                                        p=[0.4, 0.15, 0.3, 0.15]))
                rt = tgt.handle if mode.startswith("reply") else None
                if self.p(0.04):  # a few tempers flare
                    text = self.attack_text(tgt, acct.lean, mode)
                    lab, tg = "attack", tgt.handle
                else:
                    pol = policy if self.p(0.8) else None
                    text = self.subst_text(tgt, acct.lean, mode, pol)
                    lab, tg = "substantive", None
                self.add(Raw(t, plat, acct.handle, self.style(text, lab), rt, lab, tg, idx))
        self._finish_episode("substantive_surge", tgt.handle, speed, idx)

    def cheer_surge(self, idx: int) -> None:
        r = self.rng
        tgt = self.ch([CAND_A, CAND_B, CAND_A, CAND_B, MINOR] +
                      [p for p in CAST if p.role in ("volunteer", "staff")])
        dur = float(r.uniform(20, 120)) * 60
        speed = "flash" if dur < 1500 else ("fast" if dur < 4200 else "steady")
        n_auth = int(r.integers(40, 251)) if tgt.role in ("candidate", "minor") else int(
            r.integers(20, 80))
        start = self.place(tgt.handle, dur, avoid_debate=False)
        if start is None:
            return
        lean = tgt.side if tgt.side in ("A", "B", "K") else None
        crowd = self._crowd(n_auth, lean, "x", float(r.uniform(0.2, 0.5)))
        firsts = self._times(start, dur, n_auth)
        trig = self.ch(CHEER_TRIGGERS)
        for acct, t_first in zip(crowd, firsts, strict=True):
            k = int(r.choice([1, 2], p=[0.8, 0.2]))
            for j in range(k):
                t = min(float(t_first) + j * r.exponential(400), start + dur * 1.15)
                c = self.ctx(tgt, acct.lean)
                c["emoji"] = self.ch(CHEER_EMOJI)
                c["cand"] = tgt.handle if self.p(0.75) else tgt.name
                c["vol"] = tgt.handle
                if tgt.role in ("candidate", "minor"):
                    text = self.ch(OTHER_CHEER).format(**c)
                    if self.p(0.2):
                        text += f" after {trig}!"
                else:
                    text = self.ch(OTHER_THANKS[1:2] + OTHER_THANKS[6:7] +
                                   ["congrats {vol}!! {emoji}", "so proud of you {vol} {emoji}",
                                    "{vol} is a rockstar {emoji}"]).format(**c)
                rt = tgt.handle if self.p(0.45) else None
                if rt and tgt.handle not in text:
                    text = f"{tgt.handle} " + text if self.p(0.6) else text
                text = self.tags(text, acct.lean, 0.35)
                self.add(Raw(t, acct.platform, acct.handle, self.style(text, "other"), rt,
                             "other", None, idx))
        self._finish_episode("cheer_surge", tgt.handle, speed, idx)

    def flood(self, idx: int) -> None:
        r = self.rng
        weights = {"candidate": 45, "minor": 5, "journalist": 25, "staff": 15,
                   "volunteer": 10, "official": 5}
        ws = np.array([weights[p.role] for p in CAST], dtype=float)
        victim = CAST[int(r.choice(len(CAST), p=ws / ws.sum()))]
        n = int(r.integers(15, 41))
        dur = float(r.uniform(15, 55)) * 60
        start = self.place(victim.handle, dur, avoid_debate=False)
        if start is None:
            return
        lean = "B" if victim.side == "A" else ("A" if victim.side == "B" else "N")
        if self.p(0.5):
            acct = self.pool_acct(lean)
        else:
            plat = "x" if self.p(0.7) else self.ch(["bluesky", "reddit", "mastodon"])
            acct = Account(self.names.make(plat), plat, lean, 0.9, 1.0)
        ts = np.sort(start + r.uniform(0, dur, size=n))
        for t in ts:
            mode = str(r.choice(["reply_handle", "reply_bare", "mention", "name"],
                                p=[0.55, 0.15, 0.22, 0.08]))
            text = self.attack_text(victim, acct.lean, mode)
            rt = victim.handle if mode.startswith("reply") else None
            self.add(Raw(float(t), acct.platform, acct.handle, self.style(text, "attack"), rt,
                         "attack", victim.handle, idx))
        speed = "flash" if dur < 1800 else "fast"
        self._finish_episode("flood", victim.handle, speed, idx)

    # ---- assemble -------------------------------------------------------------------------
    def build(self) -> tuple[list[dict], dict]:
        r = self.rng
        if self.debate:
            self.debate_night()
        self.background()
        plan = (["pileon"] * int(r.integers(2, 7)) + ["substantive_surge"] * int(r.integers(1, 4))
                + ["cheer_surge"] * int(r.integers(1, 4)) + ["flood"] * int(r.integers(1, 4)))
        order = list(r.permutation(len(plan)))
        for idx, j in enumerate(order):
            kind = plan[int(j)]
            getattr(self, kind)(idx)
        return self.finish()

    def fmt_time(self, t: float, platform: str) -> str:
        if platform == "mastodon":
            return datetime.datetime.fromtimestamp(t, TZ).isoformat(timespec="seconds")
        dt = datetime.datetime.fromtimestamp(t, datetime.UTC)
        if platform == "bluesky":
            return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"
        return dt.isoformat(timespec="seconds")

    def url(self, platform: str, author: str, i: int) -> str:
        key = (self.seed * 1_000_003 + i * 7919) % (36 ** 7)
        if platform == "x":
            return f"https://x.com/{author.lstrip('@')}/status/{18_400_000_000_000 + key}"
        if platform == "bluesky":
            return f"https://bsky.app/profile/{author.lstrip('@')}/post/3l{_b36(key)}"
        if platform == "mastodon":
            user, _, inst = author.lstrip("@").partition("@")
            return f"https://{inst or 'mastodon.social'}/@{user}/{113_000_000_000 + key}"
        return f"https://www.reddit.com/{SUB}/comments/1k{_b36(key % 36**4)}/comment/{_b36(key)}/"

    def finish(self) -> tuple[list[dict], dict]:
        self.raws.sort(key=lambda x: x.t)
        posts: list[dict] = []
        labels: dict[str, list] = {}
        for i, rw in enumerate(self.raws):
            pid = f"{rw.platform}-{self.seed}-{i}"
            text = rw.text
            mentions = []
            for m in MENTION_RE.findall(text):
                if m not in mentions:
                    mentions.append(m)
            hashtags = []
            for h in HASHTAG_RE.findall(text):
                if h not in hashtags:
                    hashtags.append(h)
            post = {
                "id": pid, "platform": rw.platform, "author": rw.author, "text": text,
                "created_at": self.fmt_time(rw.t, rw.platform),
                "url": self.url(rw.platform, rw.author, i), "lang": "en",
                "hashtags": hashtags, "mentions": mentions,
            }
            if rw.reply_to:
                post["reply_to"] = rw.reply_to
            posts.append(post)
            labels[pid] = [rw.label, rw.target if rw.label == "attack" else None]
        eps = []
        for e in sorted(self.episodes, key=lambda e: e["start"]):
            e = dict(e)
            for k in ("start", "midpoint", "end"):
                e[k] = datetime.datetime.fromtimestamp(e[k], TZ).isoformat(timespec="seconds")
            eps.append(e)
        truth = {"seed": self.seed, "debate": self.debate, "posts": len(posts),
                 "day": self.day.isoformat(), "timezone": "America/Chicago",
                 "debate_window": None, "episodes": eps, "labels": labels}
        if self.debate_win:
            truth["debate_window"] = [
                datetime.datetime.fromtimestamp(t, TZ).isoformat(timespec="seconds")
                for t in self.debate_win]
        return posts, truth


def _recase(text: str, fn) -> str:
    """Change the case of the words but leave @handles as typed."""
    out, pos = [], 0
    for m in MENTION_RE.finditer(text):
        out.append(fn(text[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(fn(text[pos:]))
    return "".join(out)


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def generate_indie_day(seed: int, *, posts: int = 5000, debate: bool = False,
                       day: datetime.date | None = None) -> tuple[list[dict], dict]:
    """Generate one simulated campaign day; returns (posts, truth)."""
    if day is None:
        day = datetime.date(2026, 10, 1) + datetime.timedelta(days=seed % 60)
    return Day(seed, posts, debate, day).build()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7000)
    ap.add_argument("--posts", type=int, default=5000)
    ap.add_argument("--debate", action="store_true")
    ap.add_argument("--day", type=datetime.date.fromisoformat, default=None)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    posts, truth = generate_indie_day(a.seed, posts=a.posts, debate=a.debate, day=a.day)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with a.out.open("w", encoding="utf-8") as f:
        for p in posts:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    stem = a.out.name[:-6] if a.out.name.endswith(".jsonl") else a.out.stem
    truth_path = a.out.with_name(stem + ".truth.json")
    truth_path.write_text(json.dumps(truth, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {len(posts)} posts, {len(truth['episodes'])} episodes -> {a.out}, "
          f"{truth_path}")


if __name__ == "__main__":
    main()
