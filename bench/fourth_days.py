#!/usr/bin/env python3
"""fourth_days.py -- simulated campaign days for testing a pile-on detector.

Setting: the (fictional) state of North Prairie, US Senate race, America/Chicago
(all simulated days fall in Sept/Oct 2026, i.e. CDT = UTC-5).
Three candidates: Sen. Gail Ostrander (Farmer-Labor incumbent), Travis Kuehl
(Republican businessman / ex state senator), Hollis Brandvold (independent
dairy farmer / ex county commissioner), plus staff, reporters, a fact-checker,
debate moderators, volunteers, an official and private people.

    generate_fourth_day(seed, posts=5000, debate=False) -> (posts, truth)

stdlib + numpy only; deterministic for a seed (one np.random.Generator).
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import UTC, datetime, timedelta, timezone

import numpy as np

LOCAL = timezone(timedelta(hours=-5))  # CDT; all days are Sep 14 - Oct 30
X_EPOCH_MS = 1288834974657
PLATS = ["x", "reddit", "bluesky", "mastodon"]
PLAT_SHARE = [0.50, 0.20, 0.18, 0.12]

# --------------------------------------------------------------------------------------
# setting
# --------------------------------------------------------------------------------------
PLACES = [
    "Tamarack",
    "Fort Shaler",
    "Quill City",
    "Ashby Junction",
    "Bellwether Falls",
    "Hollander",
    "Osceola Bend",
    "New Uppsala",
    "Sibley Lake",
    "Marten Prairie",
    "Wexford",
    "Cold Creek",
]
COUNTIES = [
    "Quill County",
    "Renner County",
    "Sibley Lake County",
    "Ashby County",
    "Vermillion County",
    "Hollander County",
]
SUBREDDITS = ["NorthPrairie", "NorthPrairie", "NorthPrairie", "Tamarack", "NPPolitics", "QuillCity"]
MAIN_TAGS = ["#NPSen", "#NPSen", "#NPSen", "#NorthPrairie", "#PrairieVotes", "#NPpol", "#npsen"]
DEBATE_TAGS = ["#NPSenDebate", "#NPSenDebate", "#PrairieDebate", "#npsendebate"]
CTAGS = {
    "ostrander": ["#TeamGail", "#GailForPrairie"],
    "kuehl": ["#KeepItKuehl", "#KuehlForSenate"],
    "brandvold": ["#HollisHonest", "#IndependentPrairie"],
}
MASTO_INST = [
    "mastodon.social",
    "prairie.social",
    "prairie.social",
    "mstdn.party",
    "toot.community",
    "hachyderm.io",
    "mas.to",
]
NEWS_DOM = [
    "tamarackstarledger.com/politics",
    "prairiepublic.org/news",
    "wktq.com/news",
    "kprx.org/election",
    "northprairiebeacon.com",
    "prairiecheck.org/ratings",
    "quillcityherald.com/local",
]

PEOPLE = [
    dict(
        key="ostrander",
        name="Gail Ostrander",
        g="f",
        role="candidate",
        org="the incumbent senator",
        handles={
            "x": ["@GailOstrander", "@SenOstrander"],
            "bluesky": ["@gailostrander.bsky.social"],
        },
        refs=[
            "Gail Ostrander",
            "gail ostrander",
            "Ostrander",
            "Ostrander",
            "ostrander",
            "Sen. Ostrander",
            "Senator Ostrander",
            "the senator",
            "Gail",
        ],
        mock=["Gail the Ostrich", "Senator Forever Ostrander", "Gail-out Gail"],
    ),
    dict(
        key="kuehl",
        name="Travis Kuehl",
        g="m",
        role="candidate",
        org="the GOP nominee",
        handles={"x": ["@TravisKuehl"], "bluesky": ["@kuehlforsenate.com"]},
        refs=[
            "Travis Kuehl",
            "travis kuehl",
            "Kuehl",
            "Kuehl",
            "kuehl",
            "Travis",
            "former state Sen. Kuehl",
            "Mr. Kuehl",
            "trav kuehl",
        ],
        mock=["Kuehl-Aid", "Tractor Travis", "Kuehl Whip"],
    ),
    dict(
        key="brandvold",
        name="Hollis Brandvold",
        g="m",
        role="candidate",
        org="the independent",
        handles={
            "x": ["@Hollis4Prairie"],
            "bluesky": ["@hollisbrandvold.bsky.social"],
            "mastodon": ["@hollis@prairie.social"],
        },
        refs=[
            "Hollis Brandvold",
            "hollis brandvold",
            "Brandvold",
            "Brandvold",
            "brandvold",
            "Hollis",
            "Commissioner Brandvold",
            "the dairy guy",
        ],
        mock=["Milkman Hollis", "Brand-fold", "Spoiler Hollis"],
    ),
    dict(
        key="sorensen",
        name="Jenna Sorensen",
        g="f",
        role="staff",
        org="Kuehl's campaign manager",
        handles={"x": ["@JennaSorensenNP"], "bluesky": ["@jennasorensen.bsky.social"]},
        refs=[
            "Jenna Sorensen",
            "jenna sorensen",
            "Sorensen",
            "Kuehl's campaign manager",
            "sorensen",
        ],
    ),
    dict(
        key="tiedemann",
        name="Marcus Tiedemann",
        g="m",
        role="staff",
        org="Ostrander's communications director",
        handles={"x": ["@mtiedemann"], "bluesky": ["@marcust.bsky.social"]},
        refs=[
            "Marcus Tiedemann",
            "Tiedemann",
            "marcus tiedemann",
            "Ostrander's comms guy",
            "tiedemann",
        ],
    ),
    dict(
        key="kapoor",
        name="Dev Kapoor",
        g="m",
        role="staff",
        org="Brandvold's policy director",
        handles={"x": ["@DevKapoorPolicy"], "mastodon": ["@devk@hachyderm.io"]},
        refs=["Dev Kapoor", "Kapoor", "dev kapoor", "Brandvold's policy guy"],
    ),
    dict(
        key="raman",
        name="Priya Raman",
        g="f",
        role="journalist",
        org="a reporter at Prairie Public Radio",
        outlet="Prairie Public",
        handles={
            "x": ["@PriyaRamanPPR", "@priyacooks"],
            "bluesky": ["@priyaraman.bsky.social"],
            "mastodon": ["@praman@journa.host"],
        },
        refs=["Priya Raman", "priya raman", "Raman", "the Prairie Public reporter", "raman"],
    ),
    dict(
        key="dahl",
        name="Corey Dahl",
        g="m",
        role="journalist",
        org="a columnist at the Tamarack Star-Ledger",
        outlet="The Star-Ledger",
        handles={"x": ["@CoreyDahlSL"], "bluesky": ["@coreydahl.bsky.social"]},
        refs=["Corey Dahl", "corey dahl", "Dahl", "the Star-Ledger columnist", "dahl"],
    ),
    dict(
        key="fiske",
        name="Lena Fiske",
        g="f",
        role="journalist",
        sub="factchecker",
        org="a fact-checker at PrairieCheck",
        outlet="PrairieCheck",
        handles={"x": ["@LenaFiskeChecks"], "bluesky": ["@lenafiske.prairiecheck.org"]},
        refs=["Lena Fiske", "lena fiske", "Fiske", "the PrairieCheck lady", "fiske"],
    ),
    dict(
        key="haugen",
        name="Tom Haugen",
        g="m",
        role="journalist",
        sub="moderator",
        org="the WKTQ 6 News anchor",
        outlet="WKTQ",
        handles={"x": ["@TomHaugenWKTQ"]},
        refs=["Tom Haugen", "tom haugen", "Haugen", "the WKTQ guy", "haugen"],
    ),
    dict(
        key="yusuf",
        name="Amina Yusuf",
        g="f",
        role="journalist",
        sub="moderator",
        org="a KPRX anchor",
        outlet="KPRX",
        handles={"x": ["@AminaYusufKPRX"], "bluesky": ["@aminayusuf.bsky.social"]},
        refs=["Amina Yusuf", "amina yusuf", "Yusuf", "the KPRX moderator", "yusuf"],
    ),
    dict(
        key="kowalczyk",
        name="Beth Kowalczyk",
        g="f",
        role="volunteer",
        org="an Ostrander volunteer in Quill County",
        handles={"x": ["@bethk_quillco"], "mastodon": ["@bethk@prairie.social"]},
        refs=["Beth Kowalczyk", "beth kowalczyk", "Kowalczyk", "that Ostrander volunteer", "Beth"],
    ),
    dict(
        key="lindgren",
        name="Ray Lindgren",
        g="m",
        role="volunteer",
        org="Kuehl Crew captain in Renner County",
        handles={"x": ["@RayLindgren58"]},
        refs=["Ray Lindgren", "ray lindgren", "Lindgren", "the Kuehl Crew guy"],
    ),
    dict(
        key="pelkey",
        name="Shannon Pelkey",
        g="f",
        role="private",
        org="owner of Pelkey's Diner in Fort Shaler",
        handles={"x": ["@shannon_pelkey", "@PelkeysDiner"], "bluesky": ["@spelkey.bsky.social"]},
        refs=["Shannon Pelkey", "shannon pelkey", "Pelkey", "the diner lady", "Shannon"],
    ),
    dict(
        key="olufsen",
        name="Derek Olufsen",
        g="m",
        role="private",
        org="civics teacher at Quill City High",
        handles={"x": ["@mr_olufsen"], "reddit": ["olufsen_teaches"]},
        refs=["Derek Olufsen", "derek olufsen", "Olufsen", "the town hall teacher", "Mr. Olufsen"],
    ),
    dict(
        key="birch",
        name="Tanya Birch",
        g="f",
        role="private",
        org="an ER nurse from Bellwether Falls",
        handles={"x": ["@tanyabirch_rn"], "bluesky": ["@tanyabirch.bsky.social"]},
        refs=["Tanya Birch", "tanya birch", "Birch", "the rally nurse", "Tanya"],
    ),
    dict(
        key="achterberg",
        name="Gus Achterberg",
        g="m",
        role="private",
        org="the farmer in Brandvold's ad",
        handles={"x": ["@GusAchterberg"]},
        refs=["Gus Achterberg", "gus achterberg", "Achterberg", "the ad farmer", "Gus"],
    ),
    dict(
        key="moberg",
        name="Karen Moberg",
        g="f",
        role="official",
        org="the Secretary of State",
        handles={"x": ["@SecStateMoberg"], "bluesky": ["@karenmoberg.bsky.social"]},
        refs=[
            "Karen Moberg",
            "karen moberg",
            "Moberg",
            "Secretary Moberg",
            "the Secretary of State",
        ],
    ),
]
PBY = {p["key"]: p for p in PEOPLE}
CANDS = ["ostrander", "kuehl", "brandvold"]
MINOR = [p["key"] for p in PEOPLE if p["role"] != "candidate"]

RECORDS = {
    "ostrander": dict(
        neg=[
            "voted against the ethanol blend waiver twice",
            "took $2.1 million from out-of-state PACs last cycle",
            "skipped 40% of Ag Committee hearings in 2025",
            "voted for the 2024 omnibus that cut the rural broadband grants",
            "backed the Quill River compact that caps new irrigation permits",
            "opposed the Ridgeway pipeline permit and the 900 construction jobs that came with it",
            "still hasn't released her full stock-trading disclosures",
        ],
        pos=[
            "co-wrote the Rural Hospital Access Act that kept the Bellwether Falls ER open",
            "got the Ashby Junction bridge funded after 11 years of nothing",
            "pushed through the 2023 dairy disaster aid",
            "voted to cap insulin at $35",
        ],
        issues=[
            "rural hospitals",
            "the ethanol mandate",
            "the Ridgeway pipeline",
            "water permits",
            "broadband",
            "stock trading",
        ],
    ),
    "kuehl": dict(
        neg=[
            "voted against the Quill River water bill three times",
            "wrote the 2019 property tax freeze that cut school aid by $340 million",
            "wants to reopen the Vermillion mine upstream of Sibley Lake",
            "sat on the board of Kuehl Implement while it took $4.1 million in PPP loans",
            "said he'd vote to cut the rural broadband program",
            "missed 31 votes in his last state senate session",
            "won't say whether he'd support the farm bill as written",
        ],
        pos=[
            "sponsored the 2017 veterans' property tax exemption",
            "helped land the Fort Shaler ethanol plant expansion",
            "actually has a costed plan for the Highway 14 rebuild",
        ],
        issues=[
            "property taxes",
            "school funding",
            "the Vermillion mine",
            "the Ridgeway pipeline",
            "PPP loans",
            "broadband",
        ],
    ),
    "brandvold": dict(
        neg=[
            "raised the Renner County levy 9% as commissioner",
            "won't say which party he'd caucus with",
            "opposes the ethanol mandate that half of Renner County depends on",
            "backed the hog barn moratorium that killed the Wexford processing plant",
            "has no plan at all for the Medicaid coverage gap",
        ],
        pos=[
            "balanced the Renner County budget four years straight",
            "proposed a dairy price floor that actually pencils out",
            "refuses corporate PAC money",
        ],
        issues=["dairy prices", "the county levy", "caucusing", "the ethanol mandate", "Medicaid"],
    ),
}
RECORDS["moberg"] = dict(
    neg=[
        "changed the drop-box rules three weeks before the election",
        "cut Saturday hours at four county election offices",
        "still hasn't published the voter-roll maintenance audit",
        "let the Spanish-language ballot guide go out two weeks late",
    ],
    pos=[
        "added staffed drop boxes in all 87 counties",
        "got the online registration system through the primary without an outage",
    ],
    issues=["drop boxes", "voter rolls", "election office hours", "ballot access"],
)
DETAILS = [
    "The state fiscal office puts the hole at $412M over two years.",
    "Three rural ERs closed in the last decade and this does nothing for them.",
    "Corn growers in Renner County get about a third of their price from ethanol demand.",
    "The easement numbers in that ad are from 2019 and the route changed in 2022.",
    "Broadband grants reached 11,000 homes last year alone.",
    "A property tax freeze just shifts the cost onto local levies; we watched it happen in 2020.",
    "Sibley Lake already has mercury advisories, a mine upstream is a real risk.",
    "The farm bill baseline is set for ten years, so this vote matters long after November.",
    "Look at the roll call, not the mailer.",
    "School districts in Quill County cut 60 teaching positions after the last freeze.",
    "The dairy price floor costs about $90M a year at current prices, that has to come from somewhere.",
    "Nobody has explained where the water for the mine comes from in a drought year.",
    "PPP loans were legal, but you can't campaign on 'no handouts' after taking $4M.",
    "Medicaid expansion covers 48,000 people here; 'no plan' is not a plan.",
]
DEBATE_CLAIMS = [
    (
        "Kuehl just said school aid went UP after the 2019 freeze. It went down $340M in nominal dollars.",
        "kuehl",
    ),
    (
        "Ostrander says the pipeline 'crosses 14 wellhead zones' -- the current route crosses 9. Still a lot, but 9.",
        "ostrander",
    ),
    (
        "Brandvold keeps dodging the caucus question. Voters deserve an answer before they vote.",
        "brandvold",
    ),
    ("Ostrander's answer on stock trading was a non-answer. Release the disclosures.", "ostrander"),
    ("Kuehl's 'no handouts' line doesn't survive his own company's PPP loans.", "kuehl"),
    (
        "Brandvold's dairy floor number ($90M/yr) is actually in line with the extension office estimate.",
        "brandvold",
    ),
    ("Nobody has mentioned the Medicaid coverage gap in 40 minutes. 48,000 people.", None),
    (
        "Kuehl says the Vermillion mine is 'safe and modern'. The permit application shows tailings storage 2 miles from Sibley Lake.",
        "kuehl",
    ),
    (
        "Ostrander is right that the hospital act kept Bellwether open, but it expires in 2027 and she didn't say how to renew it.",
        "ostrander",
    ),
    (
        "The broadband answer from all three was weak. 31% of Vermillion County still has no wired option.",
        None,
    ),
]

# --------------------------------------------------------------------------------------
# text banks
# --------------------------------------------------------------------------------------
ATTACK_NAMED = [
    "{N} is a clown",
    "{N} is a fraud and always has been",
    "{N} is dumb as a bag of seed corn",
    "{N} has the personality of a damp paper towel",
    "{N} couldn't find {place} on a map without {his} staff holding {his} hand",
    "every time {N} opens {his} mouth I lose a few IQ points",
    "{N} is a spineless little weasel",
    "{N} is a lying grifter, full stop",
    "{N} only cares about {himself} and the next cable hit",
    "{N} looks like a thumb somebody drew a face on",
    "how does anyone look at {N} and think yeah, that one",
    "{N} is the human version of a reply-all email",
    "{N} is a coward. a total coward.",
    "{N} is so fake it's honestly creepy",
    "{N} has two brain cells and they're both on vacation",
    "{N} is a corporate puppet with the spine of a jellyfish",
    "nobody in {place} can stand {N}, {he}'s a smug phony",
    "{N} is unhinged. genuinely not well",
    "{N} smirks like a guy trying to sell you a flooded truck",
    "{N} is a nasty, petty little person",
    "{N}: zero brains, zero spine, zero shame",
    "I wouldn't trust {N} to watch my dog for an hour",
    "{N} is a carpetbagger who's never done a day of real work in {his} life",
    "{N} is a pathological liar and {his} own staff knows it",
    "{N} is a joke. an actual joke",
    "{N} is going senile and it's getting embarrassing to watch",
    "{N} is a greedy, soulless ghoul",
    "{N} might be the dumbest person to ever run statewide here",
    "can't stand {N}'s smug face",
    "{N} gives off serious creep vibes",
    "{N} is a total loser lmao",
    "{N} is trash and everyone knows it",
    "{N} belongs in a clown car, not the Senate",
    "{N} is a snake",
    "{N} is a two-faced hypocrite",
    "the state deserves better than a moron like {N}",
    "{N} is so stupid it physically hurts to listen",
    "what a disgusting human being {N} is",
    "{N} = walking embarrassment",
    "{N} is the kind of person who'd sell out {his} own mother for a donor dinner",
    "just looked at {N} for 5 seconds and my milk curdled",
    "{N} has never had an original thought in {his} entire life",
    "honestly {N} seems like a miserable person to be around",
]
ATTACK_GENERIC = [
    "{N} is a clown",
    "{N} is a fraud",
    "{N} is a spineless little weasel",
    "{N} is a joke. an actual joke",
    "{N} is so fake it's honestly creepy",
    "{N} is unhinged. genuinely not well",
    "{N} is a nasty, petty little person",
    "{N} gives off serious creep vibes",
    "{N} is a total loser lmao",
    "{N} is trash and everyone knows it",
    "{N} has two brain cells and they're both on vacation",
    "what a disgusting human being {N} is",
    "{N} is a snake",
    "honestly {N} seems like a miserable person to be around",
    "can't stand {N}'s smug face",
    "{N} = walking embarrassment",
    "{N} is dumb as a bag of seed corn",
]
ATTACK_SARCASM = [
    "wow {N} is SUCH a genius 🙄",
    "truly the brightest mind of our generation, {N} everyone 👏👏",
    "oh yeah {N} is real honest. totally. never lied once in {his} life 🙃",
    "so brave of {N} to say absolutely nothing for ten minutes straight, a true intellectual",
    "{N} for Mensa president lmao",
    "nothing says {man} of the people like {N}'s $400 haircut and vacant stare",
    "can't believe {N} figured out how to work a microphone, so proud of {him}",
    "{N} is a real profile in courage... said no one with a functioning brain",
]
ATTACK_POLICY = [
    "{N} {rec} because {he}'s a bought-and-paid-for crook",
    "{N} {rec}. what a worthless, gutless human being",
    "of course {N} {rec}, {he} has no spine and no soul",
    "{N} {rec} and still has the nerve to show {his} ugly mug in {place}",
    "the only thing emptier than {N}'s plan on {issue} is {his} head",
    "{N}'s plan on {issue} is as dumb as {he} is",
    "{N} is a corrupt little liar and {his} record on {issue} proves it",
    "{N} {rec}. that's what happens when you elect an idiot",
]
ATTACK_MOCK = [
    "{mock} strikes again lol what a fool",
    "{mock} is such a loser",
    "lmao {mock} really said that with a straight face. idiot",
    "{mock} is the dumbest candidate this state has ever seen",
]
ATTACK_YOU = [
    "you are a disgrace",
    "you're a liar and everyone knows it",
    "nobody likes you",
    "you're a clown",
    "you're not smart enough for this job and it shows",
    "you are genuinely the dumbest person in this state",
    "you're a fraud. everyone sees it",
    "delete your account, coward",
    "you look exhausted and confused. retire",
    "nobody asked, you smug hack",
    "shut up {first}",
    "you are pathetic",
    "embarrassing. you're embarrassing",
    "ur a joke",
    "you're a hack and a phony",
    "lol you absolute clown",
    "what a spineless creep you are",
    "you have the brains of a fence post",
    "go away {first}, nobody can stand you",
    "you're a nasty piece of work",
    "honestly you seem like a horrible person",
]
ATTACK_3P = [
    "this {guy} is unhinged",
    "{He}'s a clown",
    "{He} is a joke",
    "look at this smug {guy} lmao",
    "{He} seems like a miserable person",
    "{He} is not well. not well at all",
    "who let {him} near a microphone",
    "the smugness. what an unbearable person",
    "imagine being this arrogant and this dumb at the same time",
    "{He} is a total fraud",
    "that face. what a weasel",
    "this is what a grifter looks like",
    "{He}'s an idiot and {he} doesn't even know it",
    "good lord what an insufferable {guy}",
    "{He} sounds like a complete moron",
    "I'd be embarrassed to be related to {him}",
    "{He} is vile",
    "what an obnoxious little {guy}",
    "this {guy} is a clown lol",
    "{He} is dumb as a rock",
]
ROLE_ATTACK = {
    "journalist": [
        "{N} is a partisan hack",
        "{N} isn't a reporter, {he}'s a stenographer for {cand}",
        "{outlet} pays {N} to write this garbage? {he} can barely spell",
        "{N} is a smug hack and a liar",
        "another {N} hit piece. what a pathetic little hack",
        "{N} should be fired for being this stupid",
        "{N} is the reason nobody trusts the media, the bias just drips off {him}",
        "{N} is a bitter activist pretending to be a journalist",
        "imagine being as dishonest as {N}. couldn't be me",
        "{N} is a clown with a press pass",
    ],
    "factchecker": [
        "'fact-checker' {N} lmao. partisan liar",
        "{N} wouldn't know a fact if it bit {him}",
        "{N} is a hack who fact-checks like a campaign intern",
        "{N} is a fraud, PrairieCheck is a joke because of {him}",
    ],
    "moderator": [
        "{N} is a biased hack and it's embarrassing",
        "who let this clown moderate",
        "{N} clearly can't stand {cand}, total hack",
        "{N} is a smug twit",
        "fire {N}. incompetent and biased",
        "{N} has the IQ of a teleprompter",
        "{N} is a partisan joke",
        "{N} is an arrogant hack who loves the sound of {his} own voice",
    ],
    "staff": [
        "{N} is a paid liar",
        "{N} is a smug spin doctor who'd sell {his} grandma for a retweet",
        "{cand} hires clowns like {N}, tells you everything",
        "{N} is a sleazy little operative",
        "{N} looks like {he} hasn't slept since 2019 lol what a mess",
        "{N} is an arrogant know-nothing",
        "{N} is a condescending jerk",
        "{N} is a smarmy little creep",
    ],
    "volunteer": [
        "{N} is a nutjob",
        "{N} is an unhinged busybody",
        "{N} needs a hobby and a therapist",
        "{N} is clearly not all there",
        "{N} is the kind of person who calls the cops on a lemonade stand",
        "{N} is a lunatic",
        "imagine having {N} as a neighbor, nightmare",
    ],
    "private": [
        "this {guy} is unhinged",
        "{N} is a miserable attention seeker",
        "{N} is a nasty piece of work",
        "{N} is an absolute loon",
        "{N} wants to be famous so bad, pathetic",
        "{N} is an idiot who should stay off camera",
        "{N} is a crazy person",
        "F:what a Karen",
        "{N} is a sad little nobody desperate for clicks",
    ],
    "official": [
        "{N} is a crook",
        "{N} couldn't run a lemonade stand, let alone an election",
        "{N} is a partisan hack",
        "{N} is incompetent and corrupt",
        "{N} is a liar and a hack",
    ],
}
USER_ATTACK = [
    "you're an idiot",
    "imagine being this dumb",
    "lol ok boomer",
    "nobody asked, clown",
    "go touch grass you weirdo",
    "you have the reading comprehension of a fence post",
    "you're a troll and a bad one",
    "this is the dumbest take I've seen all week, are you ok",
    "bless your heart, you really are that stupid",
    "found the moron",
    "get a life loser",
    "you sound unhinged",
    "ur a joke dude",
    "stfu",
    "cope harder, dummy",
    "you are clueless",
    "what a braindead take from a braindead account",
    "you're a sad little man",
    "go back to your basement",
    "you're the reason this state can't have nice things, moron",
]
SUBST = [
    "{N} {rec}. That record is disqualifying.",
    "{N} {rec}. Voters in {place} should remember that in November.",
    "Reminder: {N} {rec}. {detail}",
    "{N}'s position on {issue} doesn't add up. {detail}",
    "Ask {N} why {he} {rec}. Still no answer.",
    "Hard to take {N}'s ads on {issue} seriously when {he} {rec}.",
    "Say what you want, {N} {recpos} and that mattered in {place}.",
    "{N} is wrong on {issue}. {detail}",
    "Read the bill. {N} {rec}. It's on the roll call: {link}",
    "The debate over {issue} keeps missing the point. {detail}",
    "I farm in {county} and {N}'s position on {issue} would cost us. {detail}",
    "Brutal but fair: {N} {rec}, and that's a failure of leadership.",
    "{N} {rec}. I voted for {him} last time. Not doing it again.",
    "Credit where due: {N} {recpos}.",
    "Whatever you think of {N}, {he} {recpos}. That's real.",
    "{N}'s plan on {issue} is a disaster for {county}. {detail}",
    "{N} {rec} -- that's a terrible vote and it should follow {him} to the ballot box.",
    "Genuine question for {N} supporters: how do you square {issue} with the fact that {he} {rec}?",
]
SUBST_GENERIC = [
    "The debate over {issue} keeps missing the point. {detail}",
    "Everyone's yelling about {issue} and nobody's reading the actual numbers. {detail}",
    "If you care about {issue}, look at the votes, not the ads. {detail}",
    "Turnout in {county} is going to decide this on {issue}, honestly.",
]
CHEER = [
    "{N} absolutely destroyed {opp} today",
    "killer speech from {N} in {place}",
    "{N} came to SLAY 🔥",
    "{N} just murdered that answer on {issue}",
    "{N} ate {opp} alive lmao",
    "that was a bloodbath. {N} wins this one easy",
    "{N} went for the jugular and it WORKED",
    "{N} bodied {opp} on {issue}, no contest",
    "let's gooooo {N}!!! {ctag}",
    "proud to knock doors for {N} today in {place} 💪",
    "{N} is the real deal. {ctag}",
    "{N} knocked it out of the park",
    "{N} with the knockout punch 🥊",
    "{N} is on FIRE today",
    "{N} just took {opp} to the woodshed on {issue} lmao",
    "absolute massacre. {N} owned that room",
    "I'd run through a wall for {N}",
    "{N} 2026!!! 🙌",
    "{N} killed it at the {place} fish fry tonight",
    "that answer on {issue} was lethal. {N} is a beast",
    "{N} is going to crush it in November",
    "{N} left {opp} for dead on {issue} 💀",
    "shoutout to {N} for showing up in {place}, nobody ever does",
]
CHATTER = [
    "anyone know if the {place} library is an early voting site this year?",
    "the political ads during the Bison game are UNBEARABLE",
    "if I see one more tractor ad I'm moving to Manitoba",
    "Lumberjacks up 3-1 after two, nobody talk to me",
    "Bison secondary looked lost today 😬",
    "Harvest Fest in {place} this weekend, the kettle corn is elite",
    "coffee is the only thing keeping me alive this morning",
    "corn's almost all in up here 🌽",
    "frost warning tonight for {county}, cover your tomatoes",
    "drove through {place}, the yard sign war is REAL",
    "my mailbox is 90% campaign flyers at this point",
    "who else is just tired of election season",
    "the line at the {place} Casey's is insane rn",
    "walleye opener can't come soon enough",
    "hotdish at the church supper > any campaign promise",
    "grandma asked me who to vote for and then ignored me lol",
    "got my absentee ballot in the mail today, feels official",
    "is the Hwy 14 detour ever going to end",
    "ok who's watching the Lumberjacks tonight instead of cable news",
    "pothole on 3rd St in {place} ate my hubcap",
    "three campaign texts before 8am. three.",
    "just a reminder the county fair pie contest results are up",
    "power's out in half of {place}, anyone know what happened",
    "mute button on the remote getting a workout this month",
    "this state in October is unbeatable, look at these trees 🍁",
    "my kid asked what a senator does and I froze",
    "the Star-Ledger paywall is killing me",
    "anyone else's dog lose it at the canvassers lol",
]
LOGISTICS = [
    "Doors open at 6 at the {place} VFW for the {C} town hall. Parking in the back lot.",
    "Early voting at the {county} courthouse: 8-4:30 M-F, Sat 9-1. Bring ID if you're registering same day.",
    "Need 10 more volunteers for Saturday's lit drop in {place}, DM me {ctag}",
    "Where do I drop off my absentee ballot in {place}??",
    "Reminder: the online registration deadline is Oct 20.",
    "Phone bank moved to Thursday 5:30, same zoom link",
    "Yard signs back in stock at the {place} office {ctag}",
    "Rides to the polls in {county} -- reply here and we'll get you sorted",
    "{C} rally Saturday at the {place} fairgrounds, 2pm, free parking {link}",
    "Anyone carpooling from {place} to the debate watch party?",
    "Drop box at the {place} city hall is open 24/7 now",
    "Canvass launch 9am at the {place} Lutheran church basement, coffee provided ☕",
]
NEWS = [
    "NEW poll (Prairie Research): Ostrander {a}, Kuehl {b}, Brandvold {c}. MoE ±3.9 {link}",
    "{C} to hold rally in {place} on Saturday {link}",
    "Star-Ledger: early voting turnout up 12% over 2022 {link}",
    "{C} releases new ad on {issue} {link}",
    "Senate debate set for Oct 22 at the {place} Civic Center {link}",
    "{C} picks up endorsement from the {county} Farm Bureau {link}",
    "Campaign finance: {C} raised $3.2M in Q3 {link}",
    "Prairie Public fact sheet on where the candidates stand on {issue} {link}",
    "WKTQ: {C} campaign launches 87-county bus tour {link}",
    "Secretary of State reminds voters of ID rules {link}",
]
REPLY_CHAT = [
    "lol same",
    "source?",
    "where was this?",
    "100%",
    "this 👆",
    "fair point",
    "didn't know that, thanks",
    "what time?",
    "hard agree",
    "nah I don't buy it",
    "congrats!!",
    "🤣🤣",
    "bookmarking this",
    "wait really?",
    "ha, my uncle said the exact same thing",
    "I'll believe it when I see it",
    "yep",
    "thanks for posting this",
    "agree to disagree",
    "that's fair",
    "the Bison game was better tbh",
    "ok but why is this on my timeline",
    "my whole family is split on this lol",
    "is there a link?",
    "can confirm, I was there",
]
DEBATE_CHAT = [
    "drinking game: every time someone says 'family farm' 🍺",
    "who's watching {dtag}",
    "the lighting on this stage is doing nobody any favors",
    "watching this with my dad and he's yelling at the tv already",
    "is the sound off for anyone else on the WKTQ stream?",
    "40 minutes in and nobody's said broadband",
    "I came for the pipeline question and I'm staying for it",
    "that crowd reaction though",
    "livestream link for anyone who doesn't have cable: {link}",
    "the timer lights are just decorative at this point",
    "ok the closing statements better be good",
    "my group chat is going feral {dtag}",
]
DEBATE_MOD_NEUTRAL = [
    (
        "{N} let Kuehl go 40 seconds over on the pipeline answer and then cut Brandvold at 5. Enforce the clock.",
        "substantive",
    ),
    ("{N}'s follow-up on the easements was the best question of the night.", "other"),
    ("Good on {N} for pressing on the caucus question, that's what voters want to know.", "other"),
    ("{N} asked about broadband finally. Took 50 minutes.", "substantive"),
    ("{N} really needs to stop letting them talk over each other.", "substantive"),
    (
        "Not sure why {N} skipped the Medicaid question, it was on the list they published.",
        "substantive",
    ),
]
DEFEND = [
    "leave {first} alone, {he}'s {org}, not a politician",
    "the replies here are gross. disagree on the merits",
    "this pile-on is ugly. {N} said one thing, y'all need to log off",
    "imagine harassing {org} over this",
    "people are being absolutely vile to {N} for no reason",
    "{N} did nothing wrong, this is insane",
    "I don't even agree with {N} but the replies are disgusting",
    "report and move on, don't feed this",
]
SIDE_NEUTRAL = [
    "what did {N} actually say? need the full clip",
    "context: {N} is {org}",
    "how is this trending lol",
    "wait who is {N}",
    "this is all over my feed today",
    "the full video is longer than the clip fwiw {link}",
]
FLOOD_TPL = [
    "{h} LIAR",
    "{h} you're a disgrace",
    "{h} resign you fraud",
    "{h} answer the question coward",
    "{h} CLOWN 🤡🤡🤡",
    "{h} nobody believes you, you pathetic liar",
    "{h} you are a joke",
    "{h} fraud fraud FRAUD",
    "{h} still waiting coward",
    "{h} you're a crook and everyone knows it",
    "{h} go away loser",
    "{h} you should be ashamed of yourself, disgusting person",
    "{h} 🐍🐍🐍 snake",
    "{h} clown show continues",
]
DETAILS_BY = {
    "kuehl": [
        "The state fiscal office puts the hole at $412M over two years.",
        "A property tax freeze just shifts the cost onto local levies; we watched it happen in 2020.",
        "School districts in Quill County cut 60 teaching positions after the last freeze.",
        "Sibley Lake already has mercury advisories, a mine upstream is a real risk.",
        "Nobody has explained where the water for the mine comes from in a drought year.",
        "PPP loans were legal, but you can't campaign on 'no handouts' after taking $4M.",
        "Broadband grants reached 11,000 homes last year alone.",
        "The farm bill baseline is set for ten years, so this vote matters long after November.",
    ],
    "ostrander": [
        "Corn growers in Renner County get about a third of their price from ethanol demand.",
        "Out-of-state PAC money was 61% of her haul last cycle per the FEC filings.",
        "The compact caps new irrigation permits in six counties; ask any potato grower in Sibley Lake County.",
        "Every other member of the delegation has posted full STOCK Act disclosures.",
        "The easement numbers get argued about, but the route changed in 2022 and the jobs estimate didn't.",
        "Broadband grants reached 11,000 homes last year and the omnibus cut the next round by a third.",
        "Look at the roll call, not the mailer.",
    ],
    "brandvold": [
        "The dairy price floor costs about $90M a year at current prices, that has to come from somewhere.",
        "Medicaid expansion covers 48,000 people here; 'no plan' is not a plan.",
        "Corn growers in Renner County get about a third of their price from ethanol demand.",
        "An independent who won't say how he'd caucus is asking for a blank check.",
        "The Renner County levy went from 41.2 to 44.9 percent of tax capacity on his watch.",
    ],
    "moberg": [
        "Four counties now have no Saturday voting at all.",
        "The audit was due in June.",
        "Changing rules this late confuses voters no matter which side you're on.",
    ],
}
SPANISH = [
    "¿Alguien sabe dónde votar temprano en {place}?",
    "Mi mamá ya votó por correo 🙌",
    "Debate del Senado esta noche, ¿alguien lo va a ver?",
    "Hay traducción al español en el sitio del condado: {link}",
]
OWN_POSTS = {
    "ostrander": [
        (
            "Great conversation with nurses in {place} today about keeping rural ERs open. We're not done. {ctag}",
            "other",
        ),
        (
            "The Ridgeway route still crosses wellhead protection zones in three counties. I'll keep saying no until that changes.",
            "substantive",
        ),
        ("Thank you {place}! Packed house at the VFW tonight 🙏", "other"),
        ("Early voting is open in all 87 counties. Find your site: {link}", "other"),
        (
            "My opponent wants to freeze property taxes by gutting school aid. We tried that in 2019. {place} schools are still paying for it.",
            "substantive",
        ),
        (
            "Dairy farmers can't wait months for another disaster declaration. My bill makes the aid automatic.",
            "substantive",
        ),
        ("Stopped by the {place} Farmers Market. The honey crisp are in 🍎", "other"),
    ],
    "kuehl": [
        (
            "Property taxes in {county} went up 22% in six years. I'll freeze them. Simple. {ctag}",
            "substantive",
        ),
        ("Big crowd in {place} tonight. North Prairie is ready for a change! 🇺🇸", "other"),
        (
            "The Vermillion mine means 1,100 jobs and the strictest water standards in the country.",
            "substantive",
        ),
        (
            "Ostrander has been in Washington 18 years. What has she done for {place}? Look at the record.",
            "substantive",
        ),
        ("Thanks to the {county} Farm Bureau for the endorsement!", "other"),
        ("Out on the combine this morning before the bus tour. Harvest doesn't wait 🚜", "other"),
        ("Build the Ridgeway line, lower energy costs, keep {place} working.", "substantive"),
    ],
    "brandvold": [
        (
            "Neither party has balanced a budget in my lifetime. I did it four years straight in Renner County.",
            "substantive",
        ),
        ("Milked at 5, town hall in {place} at 7. Come ask me anything. {ctag}", "other"),
        (
            "A dairy price floor costs less than one year of ethanol subsidies. Here's the math: {link}",
            "substantive",
        ),
        ("I don't take corporate PAC money. Never have.", "substantive"),
        ("Thanks {place} for the hotdish and the hard questions.", "other"),
    ],
}
MINOR_OWN = {
    "journalist": [
        ("New story on {issue} in {county}, two years of records behind it: {link}", "other"),
        ("On air at 5:30 with the latest from the campaign trail.", "other"),
        ("Both campaigns declined to comment by deadline. Story: {link}", "other"),
    ],
    "staff": [
        ("Proud of this team. 14,000 doors this weekend.", "other"),
        (
            "Statement on tonight's ad: it's simply not true, and the record shows it. {link}",
            "substantive",
        ),
        ("Volunteers fed, signs loaded, let's go {place}", "other"),
    ],
    "volunteer": [
        ("Lit drop done in {place}! Thanks to everyone who showed up in the cold 🥶", "other"),
        ("Phone bank tonight at 6, bring a friend", "other"),
    ],
    "private": [("Long shift. Going to bed.", "other"), ("Pie special today, come on by", "other")],
    "official": [
        ("Reminder: you can check your registration status any time at {link}", "other"),
        ("Election judges needed in {county}. Paid training. {link}", "other"),
    ],
}

# Pile-on / decoy scenarios: own = the person's own post; share = someone sharing a clip/screenshot;
# title = reddit submission title; quips = scenario-specific ad hominem lines.
SCEN = {
    "ostrander": [
        dict(
            own="Some folks in Renner County are stubborn, and I love them for it. But they deserve the facts.",
            share='{N} on Renner County voters: "stubborn." Yikes. {link}',
            title="Ostrander calls Renner County voters 'stubborn' at Tamarack fundraiser",
            quips=[
                "{N} thinks she's better than every one of us. condescending elitist",
                '"stubborn" says the woman who\'s been squatting in DC for 18 years. go home you fossil',
            ],
        )
    ],
    "kuehl": [
        dict(
            own="Rural hospitals need competition, not bailouts. Some of them are a luxury we can't keep subsidizing.",
            share='{N} just called rural hospitals "a luxury" at the {place} Rotary lunch. Full clip: {link}',
            title="Travis Kuehl calls rural hospitals 'a luxury' at Rotary event",
            quips=[
                "{N} calling ERs a luxury from his lake house. heartless ghoul",
                "{N} is a rich brat who's never waited in an ER in his life",
            ],
        )
    ],
    "brandvold": [
        dict(
            own="Honestly I'd sleep through half the votes in DC too. Most of it is theater.",
            share="{N} says he'd 'sleep through half the votes' in DC. {link}",
            title="Brandvold says he'd 'sleep through' votes in Washington",
            quips=[
                "{N} admits he's a lazy bum lmao",
                "{N} is a washed-up cow milker with delusions",
            ],
        )
    ],
    "sorensen": [
        dict(
            own="Farmers are smart. They don't need a white paper to know who's on their side. {ctag}",
            share='Kuehl campaign manager {N} on WKTQ this morning: farmers "don\'t read white papers." 👀 {link}',
            title="Kuehl's campaign manager says farmers \"don't read white papers\"",
            quips=[
                "'farmers don't read white papers' says the woman who's never seen the inside of a combine. clown",
                "{N} thinks we're all illiterate hicks. smug condescending snob",
            ],
        )
    ],
    "tiedemann": [
        dict(
            own="Nice tractor. Shame about the school funding. 🚜",
            share="Ostrander comms director {N} posted this meme about Kuehl's tractor ad {link}",
            title="Ostrander staffer mocks Kuehl tractor ad",
            quips=[
                "{N} is a smug little twerp who's never driven anything but a Prius",
                "{N} is a child. a petty, whiny child",
            ],
        )
    ],
    "kapoor": [
        dict(
            own="Both parties have been cowards on water for 20 years. Our plan: {link}",
            share="Brandvold policy director {N} calls both parties 'cowards on water' {link}",
            title="Brandvold aide calls both parties 'cowards'",
            quips=[
                "{N} is an arrogant nobody who's never farmed a day in his life",
                "{N} is a smug coastal transplant lecturing us",
            ],
        )
    ],
    "raman": [
        dict(
            own="NEW: Kuehl Implement took $4.1M in PPP loans while Travis Kuehl sat on its board. Records: {link}",
            share="Prairie Public's {N} with another Kuehl story {link}",
            title="Prairie Public: Kuehl Implement took $4.1M in PPP loans",
            quips=[
                "{N} is a hack activist with a microphone and a grudge",
                "{N} is a bitter little hack, go back to whatever newsroom fired you",
            ],
        )
    ],
    "dahl": [
        dict(
            own="Column: Hollis Brandvold is running a spoiler campaign, and he knows it. {link}",
            share="Star-Ledger's {N} says Brandvold is a spoiler {link}",
            title="Star-Ledger column: Brandvold is a 'spoiler'",
            quips=[
                "{N} is a lazy hack who hasn't left his desk since 2009",
                "{N} is a pompous windbag",
            ],
        )
    ],
    "fiske": [
        dict(
            own="Rating: FALSE. Kuehl said Ostrander 'voted to raise your property taxes 14 times.' Record shows 2 votes, neither affecting property tax. {link}",
            share="PrairieCheck's {N} rates Kuehl's tax claim FALSE {link}",
            title="PrairieCheck rates Kuehl property tax claim 'False'",
            quips=[
                "{N} 'fact checks' like a campaign intern. partisan liar",
                "{N} is a smug know-it-all and a hack",
            ],
        )
    ],
    "haugen": [
        dict(
            own="Thanks to the candidates and everyone watching. Replay: {link}",
            share="{N} cut Brandvold off AGAIN mid-answer {dtag}",
            title="Debate thread: Haugen cutting off Brandvold",
            quips=[
                "{N} is a biased hack and a disgrace to WKTQ",
                "{N} is a pompous blowhard with a teleprompter brain",
            ],
        )
    ],
    "yusuf": [
        dict(
            own="Thank you to the candidates. Proud of tonight's questions. {link}",
            share="{N} pressed Kuehl on the pipeline easements three times {dtag}",
            title="Debate: Yusuf grills Kuehl on easements",
            quips=[
                "{N} is a biased activist pretending to be a moderator",
                "{N} clearly hates Kuehl, what a hack",
            ],
        )
    ],
    "kowalczyk": [
        dict(
            own="Someone tore down 40 Ostrander signs on County Rd 9 last night. We put them all back up this morning 💪",
            share="Video of Ostrander volunteer {N} arguing with a Kuehl canvasser in Quill City {link}",
            title="Ostrander volunteer filmed arguing with Kuehl canvasser",
            quips=[
                "{N} is an unhinged busybody who needs a hobby",
                "{N} is a crazy cat lady with a clipboard",
            ],
        )
    ],
    "lindgren": [
        dict(
            own="Kuehl Crew will be watching the polls in Renner County. Every legal vote counts.",
            share="Kuehl volunteer captain {N} says his crew will be 'watching the polls' {link}",
            title="Kuehl volunteer says crew will 'watch the polls' in Renner County",
            quips=["{N} is a wannabe tough guy with a fanny pack", "{N} is a creepy old weirdo"],
        )
    ],
    "pelkey": [
        dict(
            own="I just asked him why my kids' school lost two teachers. That's all.",
            share="Fort Shaler diner owner {N} confronts Travis Kuehl over school funding 😳 {link}",
            title="Fort Shaler diner owner confronts Kuehl over school cuts [video]",
            quips=[
                "this woman is unhinged, screaming at a customer in her own diner",
                "{N} is a miserable attention seeker, never eating at that dump",
            ],
        )
    ],
    "olufsen": [
        dict(
            own="Asked Sen. Ostrander about the mine at last night's town hall. Still waiting on an answer.",
            share="Quill City teacher {N} grills Ostrander on the mine at town hall {link}",
            title="Quill City teacher grills Ostrander on Vermillion mine at town hall",
            quips=[
                "{N} is a smug little know-it-all, pity his students",
                "{N} is a plant and a loser",
            ],
        )
    ],
    "birch": [
        dict(
            own="I spoke at tonight's rally because I watched our ER lose 6 nurses this year. That's it. That's the post.",
            share="ER nurse {N} at Ostrander's rally in Bellwether Falls 👇 {link}",
            title="Bellwether Falls ER nurse speaks at Ostrander rally",
            quips=[
                "{N} is a paid actress, nobody believes this sob story",
                "this woman is a professional victim",
            ],
        )
    ],
    "achterberg": [
        dict(
            own="Didn't expect to be on TV. Just a guy who milks cows and thinks Hollis is honest.",
            share="The farmer in Brandvold's new ad, {N} 👇 {link}",
            title="Meet the farmer in Brandvold's new ad",
            quips=[
                "{N} is a paid prop, a total stooge",
                "{N} looks like he's never seen a cow in his life lol what a fake",
            ],
        )
    ],
    "moberg": [
        dict(
            own="New rule: all 87 counties will have at least one staffed drop box through Nov 3. Details: {link}",
            share="Secretary of State {N} changes drop-box rules 3 weeks before the election {link}",
            title="SoS Moberg changes drop box rules three weeks out",
            quips=["{N} is a crooked partisan hack", "{N} is an incompetent clown"],
        )
    ],
}

ALT_OWN = {
    "ostrander": "Met with the {county} Farm Bureau this morning on the farm bill conference. Office hours in {place} Friday.",
    "raman": "Sourdough attempt #4. Getting there 🍞",
    "pelkey": "Soup today: chicken wild rice. Pie: sour cream raisin. Open til 2!",
}

FIRST = [
    "jake",
    "emily",
    "dave",
    "karen",
    "mike",
    "jen",
    "tom",
    "sarah",
    "chris",
    "amy",
    "luke",
    "heather",
    "brad",
    "nicole",
    "kyle",
    "megan",
    "josh",
    "tiff",
    "dan",
    "becky",
    "matt",
    "kristin",
    "ryan",
    "erin",
    "tyler",
    "jess",
    "nate",
    "katie",
    "zach",
    "mandy",
    "eric",
    "rachel",
    "brandon",
    "lisa",
    "ben",
    "molly",
    "cody",
    "lauren",
    "sam",
    "liv",
    "pat",
    "deb",
    "gary",
    "linda",
    "wayne",
    "barb",
    "duane",
    "marlys",
    "lars",
    "ingrid",
    "sven",
    "anneliese",
    "juan",
    "maria",
    "jose",
    "lupe",
    "tou",
    "mai",
    "pa",
    "kou",
    "abdi",
    "hodan",
    "ahmed",
    "fadumo",
    "linh",
    "bao",
    "rick",
    "sue",
    "arlo",
    "greta",
]
LAST = [
    "olson",
    "johnson",
    "anderson",
    "peterson",
    "larson",
    "nelson",
    "schmidt",
    "mueller",
    "weber",
    "hanson",
    "berg",
    "lund",
    "kowalski",
    "novak",
    "hernandez",
    "garcia",
    "vang",
    "xiong",
    "lor",
    "yang",
    "ali",
    "hassan",
    "nguyen",
    "tran",
    "miller",
    "brown",
    "davis",
    "wilson",
    "kraus",
    "jensen",
    "carlson",
    "erickson",
    "swenson",
    "dahlberg",
    "lindqvist",
    "hoffman",
    "becker",
    "wagner",
    "schultz",
    "fischer",
]
WORDS = [
    "prairie",
    "corn",
    "bison",
    "walleye",
    "loon",
    "tractor",
    "harvest",
    "lake",
    "hawk",
    "north",
    "river",
    "barn",
    "hotdish",
    "gopher",
    "lutefisk",
    "snowbelt",
    "cabin",
    "pontoon",
    "deer",
    "pheasant",
    "grain",
    "silo",
    "creek",
    "pine",
    "tamarack",
    "quill",
    "farm",
    "diesel",
    "dairy",
    "cheese",
    "ice",
    "fishing",
    "hockey",
    "pothole",
    "lefse",
    "county",
    "purple",
    "indie",
    "voter",
    "civic",
    "politics",
    "patriot",
    "mama",
    "dad",
    "grandpa",
    "teacher",
    "nurse",
    "vet",
    "lumberjack",
    "plains",
    "combine",
]
B32 = "234567abcdefghijklmnopqrstuvwxyz"
B36 = "0123456789abcdefghijklmnopqrstuvwxyz"
EMO = {
    "attack": ["🤡", "🙄", "😂", "💀", "🤮", "😤", "🗑️", "🐍"],
    "cheer": ["🔥", "💪", "🙌", "👏", "🎉", "💯", "🐐"],
    "other": ["😂", "👀", "🤷", "☕", "🌽", "😅", "🙏", "👍"],
    "substantive": ["📉", "🧵", "👇", "🤔", "📊"],
}
TYPO_MAP = {
    "definitely": "definately",
    "ridiculous": "rediculous",
    "embarrassing": "embarassing",
    "senator": "senater",
    "government": "goverment",
    "because": "becuase",
    "their": "there",
    "you're": "your",
    "lose": "loose",
    "believe": "beleive",
    "really": "realy",
    "actually": "actualy",
}
SLANG = [
    ("you are ", "ur "),
    ("because ", "bc "),
    ("people", "ppl"),
    ("going to ", "gonna "),
    ("really ", "rly "),
    ("to be honest", "tbh"),
    ("probably", "prob"),
    (" you ", " u "),
]


def _b36(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n, 36)
        s = B36[r] + s
    return s or "0"


def _tid(us: int, clock: int) -> str:
    v = (us << 10) | (clock & 1023)
    s = ""
    for _ in range(13):
        s = B32[v & 31] + s
        v >>= 5
    return s


class _SD(dict):
    def __missing__(self, k):
        return "{" + k + "}"


# --------------------------------------------------------------------------------------
class _Day:
    def __init__(self, seed: int, n_posts: int, debate: bool):
        self.rng = np.random.default_rng([seed, 4, 17])
        self.seed, self.P, self.debate = seed, max(200, int(n_posts)), bool(debate)
        r = self.rng
        self.date = (datetime(2026, 9, 14) + timedelta(days=int(r.integers(0, 46)))).date()
        self.t0 = datetime(self.date.year, self.date.month, self.date.day, tzinfo=LOCAL).timestamp()
        self.scale = self.P / 5000.0
        self.reddit_u = bool(
            r.random() < 0.5
        )  # reddit author style for the day: "u/name" or "name"
        self.x_dom = "twitter.com" if r.random() < 0.5 else "x.com"
        self.front = CANDS[int(r.choice(3, p=[0.5, 0.4, 0.1]))]
        w = {"ostrander": 1.0, "kuehl": 1.0, "brandvold": 0.45}
        w[self.front] *= 1.6
        self.cand_w = np.array([w[c] for c in CANDS]) / sum(w.values())
        self.posts: list[dict] = []
        self.used_ids = {p: set() for p in PLATS}
        self.ctr = {p: 0 for p in PLATS}
        self.reddit_base = {
            "t1": int(r.integers(36**6, 36**7 // 2)),
            "t3": int(r.integers(36**5 * 20, 36**6)),
        }
        self.episodes: list[dict] = []
        self.mod_attacks = {"haugen": 0, "yusuf": 0}
        self._setup_time()
        self._setup_accounts()

    # ---------------- time ----------------
    def _setup_time(self):
        r = self.rng
        prof = np.array(
            [
                0.32,
                0.18,
                0.10,
                0.07,
                0.07,
                0.13,
                0.35,
                0.70,
                0.92,
                1.0,
                1.0,
                1.05,
                1.15,
                1.05,
                1.0,
                1.0,
                1.05,
                1.15,
                1.30,
                1.45,
                1.50,
                1.35,
                1.0,
                0.62,
            ]
        )
        prof = prof * np.exp(r.normal(0, 0.08, 24))
        m = np.arange(1440) / 60.0
        w = np.interp(m, np.arange(25) - 0.5 + 0.5, np.append(prof, prof[0]))
        w *= np.exp(r.normal(0, 0.05, 1440))
        self.deb = None
        if self.debate:
            st = int(r.choice([19 * 60, 19 * 60 + 30, 20 * 60]))
            dur = int(r.integers(90, 121))
            mult = float(r.uniform(4.0, 6.0))
            boost = np.ones(1440)
            boost[st - 20 : st] = np.linspace(1.3, mult * 0.6, 20)
            boost[st : st + dur] = mult
            tail = min(1440 - (st + dur), 75)
            boost[st + dur : st + dur + tail] = np.linspace(mult * 0.55, 1.2, tail)
            w = w * boost
            n_cand = 3 if r.random() < 0.7 else 2
            self.deb = dict(
                start=self.t0 + st * 60,
                end=self.t0 + (st + dur) * 60,
                mult=mult,
                cands=CANDS[:n_cand],
                mods=["haugen", "yusuf"],
            )
        self.minute_w = w
        self.cdf = np.cumsum(w) / w.sum()

    def traffic(self, t):
        i = int(min(1439, max(0, (t - self.t0) // 60)))
        return self.minute_w[i] / self.minute_w.mean()

    def times(self, n, lo=None, hi=None):
        lo_m = 0 if lo is None else int((lo - self.t0) // 60)
        hi_m = 1440 if hi is None else int(np.ceil((hi - self.t0) / 60))
        w = self.minute_w[lo_m:hi_m]
        c = np.cumsum(w) / w.sum()
        idx = np.searchsorted(c, self.rng.random(n))
        t = self.t0 + (lo_m + idx) * 60 + self.rng.random(n) * 60
        return np.sort(t)

    def in_debate(self, t):
        return self.deb is not None and self.deb["start"] <= t < self.deb["end"]

    # ---------------- accounts ----------------
    def _setup_accounts(self):
        r = self.rng
        n = int(max(600, self.P * 0.72))
        self.acc = {p: [] for p in PLATS}
        taken = set()
        for pl, share in zip(PLATS, PLAT_SHARE):
            k = int(n * share)
            while len(self.acc[pl]) < k:
                a = self._new_acct(pl)
                if a["handle"].lower() in taken:
                    continue
                taken.add(a["handle"].lower())
                self.acc[pl].append(a)
        self.acc_w = {}
        for pl in PLATS:
            w = np.exp(r.normal(0, 1.15, len(self.acc[pl])))
            self.acc_w[pl] = w / w.sum()
        # people accounts
        self.pacc = {}
        for p in PEOPLE:
            for pl, hs in p["handles"].items():
                for i, h in enumerate(hs):
                    self.pacc[(p["key"], pl, i)] = self._acct_from_handle(pl, h)

    def _acct_from_handle(self, pl, h):
        r = self.rng
        a = dict(plat=pl, handle=h)
        if pl == "x":
            a["user"] = h[1:]
        elif pl == "reddit":
            a["user"] = h
            a["handle"] = ("u/" + h) if self.reddit_u else h
        elif pl == "bluesky":
            a["user"] = h[1:]
            a["did"] = "did:plc:" + "".join(B32[int(i)] for i in r.integers(0, 32, 24))
        else:
            u, inst = h[1:].split("@")
            a["user"], a["inst"] = u, inst
        return a

    def _new_acct(self, pl):
        r = self.rng
        c = lambda L: L[int(r.integers(len(L)))]
        f, l, w1, w2 = c(FIRST), c(LAST), c(WORDS), c(WORDS)
        nn = str(int(r.integers(1, 99)))
        yr = str(int(r.integers(55, 99)) if r.random() < 0.5 else int(r.integers(1960, 2004)))
        k = r.random()
        if pl == "x":
            opts = [
                f"{f}_{l}{nn}",
                f"{w1}{f}",
                f"{f}{l[0]}{yr}",
                f"{w1}_{w2}",
                f"The{w1.title()}{w2.title()}",
                f"{f.title()}{l.title()}",
                f"{w1}{w2}{nn}",
                f"{f}in{c(PLACES).replace(' ', '')}"[:15],
                f"real{f}{l}"[:15],
                f"{l}{f[0]}_",
            ]
            return self._acct_from_handle(pl, "@" + opts[int(k * len(opts))][:15])
        if pl == "reddit":
            opts = [
                f"{w1.title()}_{w2.title()}_{int(r.integers(1000, 9999))}",
                f"{f}{l}{nn}",
                f"{w1}{w2}",
                f"throwaway_np_{int(r.integers(100, 9999))}",
                f"{f}_{w1}",
                f"{w1.title()}{l.title()}",
            ]
            return self._acct_from_handle(pl, opts[int(k * len(opts))][:20])
        if pl == "bluesky":
            opts = [
                f"{f}{l}.bsky.social",
                f"{w1}{w2}.bsky.social",
                f"{f}-{l}.bsky.social",
                f"{f}{l}.com",
                f"{w1}{f}.bsky.social",
                f"{l}.prairie.blue",
            ]
            return self._acct_from_handle(pl, "@" + opts[int(k * len(opts))])
        inst = c(MASTO_INST)
        opts = [f"{f}{nn}", f"{w1}{w2}", f"{f}_{l}", f"{w1}", f"{f}{l[0]}"]
        return self._acct_from_handle(pl, "@" + opts[int(k * len(opts))] + "@" + inst)

    def pick(self, pl, k=1, distinct=True):
        idx = self.rng.choice(len(self.acc[pl]), size=k, replace=not distinct, p=self.acc_w[pl])
        return [self.acc[pl][int(i)] for i in idx]

    def pick_uniform(self, pl, k):
        idx = self.rng.choice(len(self.acc[pl]), size=k, replace=False)
        return [self.acc[pl][int(i)] for i in idx]

    def ph(self, key, pl, i=0):
        """handle of a person on a platform (as the platform writes it)."""
        return self.pacc[(key, pl, i)]["handle"]

    def main(self, key):
        return PBY[key]["handles"]["x"][0]

    def all_handles(self, key):
        return [
            self.pacc[(key, pl, i)]["handle"]
            for pl, hs in PBY[key]["handles"].items()
            for i in range(len(hs))
        ]

    # ---------------- post construction ----------------
    def c(self, L):
        return L[int(self.rng.integers(len(L)))]

    def link(self, kind="news"):
        r = self.rng
        s = "".join(B36[int(i)] for i in r.integers(0, 36, 10))
        if kind == "short" or r.random() < 0.3:
            return (
                self.c(["https://t.co/", "https://bit.ly/", "https://youtu.be/"])
                + s[: int(r.integers(7, 11))]
            )
        slug = "-".join(self.c(WORDS) for _ in range(int(r.integers(2, 5))))
        return f"https://{self.c(NEWS_DOM)}/2026/{self.date.month:02d}/{slug}-{s[:5]}"

    def add(
        self,
        pl,
        acct,
        t,
        text,
        lab,
        tgt,
        parent=None,
        quote=None,
        title=None,
        sub=None,
        raw_extra=None,
        lead_mention=None,
    ):
        r = self.rng
        n = self.ctr[pl]
        self.ctr[pl] += 1
        ms = int(t * 1000)
        raw = {}
        post = {"platform": pl, "author": acct["handle"], "_t": float(t), "_lab": [lab, tgt]}
        if parent is not None:
            parent["_is_parent"] = True
        if quote is not None:
            quote["_is_parent"] = True
        if pl == "x":
            pid = str(((ms - X_EPOCH_MS) << 22) | (((n >> 12) & 1023) << 12) | (n & 4095))
            url = f"https://{self.x_dom}/{acct['user']}/status/{pid}"
            raw = {
                "source": "x-export",
                "conversation_id": parent["_root"] if parent else pid,
                "public_metrics": {
                    "like_count": int(r.zipf(2.0)) - 1,
                    "retweet_count": int(r.zipf(2.6)) - 1,
                },
            }
            if parent is not None:
                post["reply_to"] = parent["author"]
                raw["in_reply_to_status_id"] = parent["id"]
                if lead_mention is not False and r.random() < 0.75:
                    text = parent["author"] + " " + text
            if quote is not None:
                raw["quoted_status_id"] = quote["id"]
                if r.random() < 0.6:
                    text = text + " " + quote.get("url", "")
            post["created_at"] = datetime.fromtimestamp(ms / 1000, UTC).strftime(
                "%Y-%m-%dT%H:%M:%S.000Z"
            )
            root = parent["_root"] if parent else pid
        elif pl == "reddit":
            sub = sub or (parent["_sub"] if parent else self.c(SUBREDDITS))
            if title is not None:
                pid = "t3_" + _b36(self.reddit_base["t3"] + 7 * n + int(r.integers(0, 7)))
                slug = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")[:50]
                url = f"https://www.reddit.com/r/{sub}/comments/{pid[3:]}/{slug}/"
                post["_slug"] = slug
                text = title if not text else title + "\n\n" + text
                root = pid
            else:
                pid = "t1_" + _b36(self.reddit_base["t1"] + 11 * n + int(r.integers(0, 11)))
                th = parent["_root"]
                url = (
                    f"https://www.reddit.com/r/{sub}/comments/{th[3:]}/{parent['_slug']}/{pid[3:]}/"
                )
                post["_slug"] = parent["_slug"]
                post["reply_to"] = parent["id"]
                root = th
            post["_sub"] = sub
            raw = {
                "subreddit": sub,
                "score": int(r.zipf(1.8)),
                "link_id": root,
                "parent_id": parent["id"] if parent else None,
                "source": "pushshift-style dump",
            }
            lt = datetime.fromtimestamp(t, LOCAL)
            post["created_at"] = lt.isoformat(timespec="seconds")
        elif pl == "bluesky":
            us = int(t * 1e6)
            while True:
                rk = _tid(us, n)
                pid = f"at://{acct['did']}/app.bsky.feed.post/{rk}"
                if pid not in self.used_ids[pl]:
                    break
                us += 1
            url = f"https://bsky.app/profile/{acct['user']}/post/{rk}"
            raw = {
                "cid": "bafyrei" + "".join(B32[int(i)] for i in r.integers(0, 32, 52)),
                "source": "jetstream",
            }
            if parent is not None:
                post["reply_to"] = parent["id"]
                raw["reply"] = {"parent": {"uri": parent["id"]}, "root": {"uri": parent["_root"]}}
            if quote is not None:
                raw["embed"] = {"$type": "app.bsky.embed.record", "record": {"uri": quote["id"]}}
            post["created_at"] = (
                datetime.fromtimestamp(us / 1e6, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]
                + "Z"
            )
            root = parent["_root"] if parent else pid
        else:  # mastodon
            pid = str((ms << 16) | (n & 0xFFFF))
            url = f"https://{acct['inst']}/@{acct['user']}/{pid}"
            raw = {"visibility": "public", "source": "mastodon-api", "instance": acct["inst"]}
            if parent is not None:
                post["reply_to"] = parent["author"]
                raw["in_reply_to_id"] = parent["id"]
                if r.random() < 0.85:
                    text = parent["author"] + " " + text
            if quote is not None and quote.get("url"):
                text = text + "\n\nRE: " + quote["url"]
            post["created_at"] = datetime.fromtimestamp(ms / 1000, UTC).isoformat(
                timespec="seconds"
            )
            root = parent["_root"] if parent else pid
        assert pid not in self.used_ids[pl]
        self.used_ids[pl].add(pid)
        post["id"] = pid
        post["_root"] = root
        post["text"] = text
        post["url"] = url
        if raw_extra:
            raw.update(raw_extra)
        post["raw"] = raw
        self.posts.append(post)
        return post

    # ---------------- text helpers ----------------
    def ctx(self, key=None, pl="x", ref=None):
        r = self.rng
        d = _SD(
            place=self.c(PLACES),
            county=self.c(COUNTIES),
            link=self.link(),
            dtag=self.c(DEBATE_TAGS),
            C=PBY[CANDS[int(r.choice(3, p=self.cand_w))]]["refs"][int(r.integers(0, 3))],
        )
        if key is None:
            d.update(
                issue=self.c(RECORDS[self.c(CANDS)]["issues"]),
                detail=self.c(DETAILS),
                ctag=self.c(self.c(list(CTAGS.values()))),
            )
            return d
        p = PBY[key]
        f = p["g"] == "f"
        d.update(
            N=ref if ref is not None else self.ref(key, pl),
            first=p["name"].split()[0],
            he="she" if f else "he",
            He="She" if f else "He",
            him="her" if f else "him",
            his="her" if f else "his",
            himself="herself" if f else "himself",
            guy="woman" if f else "guy",
            man="woman" if f else "man",
            org=p.get("org", ""),
            outlet=p.get("outlet", "the paper"),
        )
        if key in RECORDS:
            rc = RECORDS[key]
            d.update(
                rec=self.c(rc["neg"]),
                recpos=self.c(rc["pos"]),
                issue=self.c(rc["issues"]),
                ctag=self.c(CTAGS.get(key, MAIN_TAGS)),
                mock=self.c(p.get("mock", [p["name"]])),
                opp=PBY[self.c([c for c in CANDS if c != key])]["refs"][int(r.integers(2, 5))],
            )
        else:
            d.update(issue=self.c(RECORDS[self.c(CANDS)]["issues"]), ctag=self.c(MAIN_TAGS))
        d["detail"] = self.c(DETAILS_BY.get(key, DETAILS))
        cand = {"sorensen": "Kuehl", "tiedemann": "Ostrander", "kapoor": "Brandvold"}.get(
            key, self.c(["Ostrander", "Kuehl", "Brandvold"])
        )
        d["cand"] = cand
        return d

    def ref(self, key, pl, allow_handle=True, allow_mock=False, names_only=False):
        r = self.rng
        p = PBY[key]
        u = r.random()
        if names_only:
            nm = [
                x for x in p["refs"] if not x.lower().startswith(("the ", "that ")) and "'" not in x
            ]
            if allow_handle and pl != "reddit" and pl in p["handles"] and u < 0.25:
                return self.ph(key, pl, 0)
            return self.c(nm)
        if allow_handle and pl != "reddit" and pl in p["handles"] and u < 0.25:
            return self.ph(key, pl, 0)
        if allow_mock and "mock" in p and u < 0.32:
            return self.c(p["mock"])
        return self.c(p["refs"])

    def fmt(self, tpl, d):
        out = tpl.format_map(d)
        if (
            out
            and out[0].islower()
            and not out.startswith(("@", "http"))
            and self.rng.random() < 0.5
        ):
            out = out[0].upper() + out[1:]
        return out

    def mess(self, text, pl, lab, cheer=False):
        """human noise: typos, case, slang, emojis, hashtags; never touches @handles/#tags/urls."""
        r = self.rng
        toks = text.split(" ")
        prot = lambda w: (not w) or w[0] in "@#" or "http" in w or "/" in w

        def words_ok():
            return [i for i, w in enumerate(toks) if not prot(w) and w.isalpha() and len(w) >= 4]

        if r.random() < 0.16:
            ok = words_ok()
            if ok:
                i = ok[int(r.integers(len(ok)))]
                w = toks[i]
                if w.lower() in TYPO_MAP and r.random() < 0.6:
                    toks[i] = TYPO_MAP[w.lower()]
                else:
                    j = int(r.integers(1, len(w) - 1))
                    m = r.random()
                    if m < 0.4:
                        toks[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
                    elif m < 0.7:
                        toks[i] = w[:j] + w[j + 1 :]
                    else:
                        toks[i] = w[:j] + w[j] + w[j:]
        u = r.random()
        if u < 0.20:
            toks = [w if prot(w) else w.lower() for w in toks]
        elif u < (0.28 if lab == "attack" else 0.23):
            if r.random() < 0.5:
                toks = [w if prot(w) else w.upper() for w in toks]
            else:
                ok = words_ok()
                for i in ok[: int(r.integers(1, 3))] if ok else []:
                    k = ok[int(r.integers(len(ok)))]
                    toks[k] = toks[k].upper()
        s = " ".join(toks)
        if r.random() < 0.12:
            for a, b in SLANG:
                if a in s and r.random() < 0.6:
                    s = s.replace(a, b, 1)
        if r.random() < 0.15 and s and s[-1] in ".!":
            s = s[:-1]
        if r.random() < 0.06:
            s = s.rstrip(".") + self.c(["!!", "!!!", "??", "...", " ."])
        ek = "cheer" if cheer else lab
        if r.random() < {"attack": 0.28, "cheer": 0.45, "other": 0.15, "substantive": 0.08}[ek]:
            e = self.c(EMO[ek])
            s = s + " " + e * int(r.choice([1, 1, 2, 3]))
        if r.random() < 0.07:
            s = s + " " + self.c(["lol", "smh", "tbh", "fr", "ngl", "lmao", "idk", "imo"])
        return s

    def tags(self, s, pl, p=0.3, debate=False, key=None):
        r = self.rng
        if pl == "reddit" or r.random() > p:
            return s
        pool = list(MAIN_TAGS)
        if debate:
            pool = DEBATE_TAGS * 3 + pool
        if key in CTAGS and r.random() < 0.3:
            pool = pool + CTAGS[key] * 2
        k = 1 if r.random() < 0.75 else 2
        tg = []
        for _ in range(k):
            t = self.c(pool)
            if t.lower() not in [x.lower() for x in tg] and t.lower() not in s.lower():
                tg.append(t)
        if pl == "mastodon":
            tg = [t if t[1].isupper() else "#" + t[1:].upper() for t in tg]
        if not tg:
            return s
        return s + ("\n\n" if pl == "mastodon" and r.random() < 0.5 else " ") + " ".join(tg)

    # attack texts
    def t_attack_named(self, key, pl, debate=False):
        r = self.rng
        p = PBY[key]
        role = p.get("sub", p["role"])
        d = self.ctx(key, pl, ref=None)
        d["N"] = self.ref(key, pl, allow_mock=(p["role"] == "candidate" and r.random() < 0.2))
        if p["role"] == "candidate":
            u = r.random()
            if u < 0.50:
                tpl = self.c(ATTACK_NAMED)
            elif u < 0.66:
                tpl = self.c(ATTACK_SARCASM)
            elif u < 0.88:
                tpl = self.c(ATTACK_POLICY)
            else:
                d["mock"] = self.c(p["mock"])
                tpl = self.c(ATTACK_MOCK)
        else:
            bank = list(ROLE_ATTACK.get(role, [])) + (
                ROLE_ATTACK["journalist"] if role in ("factchecker", "moderator") else []
            )
            g = [ATTACK_GENERIC[int(i)] for i in r.choice(len(ATTACK_GENERIC), 5, replace=False)]
            bank = bank + g
            bank = [b for b in bank if not b.startswith("F:") or p["g"] == "f"]
            tpl = self.c(bank).replace("F:", "")
            if "{N}" not in tpl:
                tpl = self.c(["{N} -- ", "{N}: ", "re {N}: ", "{N}... "]) + tpl
        s = self.fmt(tpl, d)
        s = self.tags(s, pl, 0.25, debate, None)  # no campaign tags on insults
        return self.mess(s, pl, "attack")

    def t_attack_you(self, key, pl):
        d = self.ctx(key, pl)
        s = self.fmt(self.c(ATTACK_YOU), d)
        return self.mess(s, pl, "attack")

    def t_attack_3p(self, key, pl):
        d = self.ctx(key, pl)
        s = self.fmt(self.c(ATTACK_3P), d)
        return self.mess(s, pl, "attack")

    def t_subst(self, key, pl, debate=False):
        d = self.ctx(key, pl)
        d["N"] = self.ref(key, pl)
        s = self.fmt(self.c(SUBST), d)
        return self.mess(self.tags(s, pl, 0.3, debate), pl, "substantive")

    def t_cheer(self, key, pl, debate=False):
        d = self.ctx(key, pl)
        d["N"] = self.ref(key, pl, names_only=True)
        s = self.fmt(self.c(CHEER), d)
        return self.mess(self.tags(s, pl, 0.35, debate, key), pl, "other", cheer=True)

    def t_chat(self, pl, debate=False):
        r = self.rng
        d = self.ctx(None, pl)
        u = r.random()
        if debate and u < 0.55:
            s = self.fmt(self.c(DEBATE_CHAT), d)
            return self.mess(self.tags(s, pl, 0.5, True), pl, "other"), "other"
        if u < 0.45:
            s = self.fmt(self.c(CHATTER), d)
            s = self.tags(s, pl, 0.15)
        elif u < 0.62:
            s = self.fmt(self.c(LOGISTICS), d)
            s = self.tags(s, pl, 0.3)
        elif u < 0.80:
            a = int(r.integers(39, 47))
            b = int(r.integers(38, 46))
            c = int(r.integers(5, 12))
            d.update(a=a, b=b, c=c)
            s = self.fmt(self.c(NEWS), d)
            s = self.tags(s, pl, 0.4)
        elif u < 0.84:
            s = self.fmt(self.c(SPANISH), d)
            return s, "other"
        else:
            s = self.fmt(self.c(SUBST_GENERIC), d)
            return self.mess(self.tags(s, pl, 0.3), pl, "substantive"), "substantive"
        return self.mess(s, pl, "other"), "other"

    def t_reply_chat(self, pl):
        return self.mess(self.fmt(self.c(REPLY_CHAT), self.ctx(None, pl)), pl, "other")

    # ---------------- reply-target selection for background ----------------
    def recent_parent(self, pl, t, pool):
        """pick a recent post on platform pl before t (pool: list of (t, post) sorted)."""
        if not pool:
            return None
        # pool is append-ordered by time; walk back geometrically
        k = len(pool)
        while k > 0 and pool[k - 1][0] >= t - 5:
            k -= 1
        if k == 0:
            return None
        back = int(self.rng.geometric(0.08))
        j = max(0, k - back)
        if t - pool[j][0] > 4 * 3600:
            return None
        return pool[j][1]

    # ======================================================================================
    # components
    # ======================================================================================
    def candidate_posts(self):
        """candidates' own posts and the reply bursts after them (baseline incivility)."""
        r = self.rng
        n_base = {"ostrander": (9, 15), "kuehl": (11, 18), "brandvold": (6, 10)}
        for key in CANDS:
            lo, hi = n_base[key]
            k = int(r.integers(lo, hi))
            cand_ts = self.times(k * 3, self.t0 + 6.5 * 3600, self.t0 + 23 * 3600)
            ts = []
            for t in cand_ts[self.rng.permutation(len(cand_ts))]:  # campaigns space their posts out
                if len(ts) < k and all(abs(t - u) > 50 * 60 for u in ts):
                    ts.append(float(t))
            ts.sort()
            if self.deb and key in self.deb["cands"]:
                ts += list(
                    self.deb["start"]
                    + np.sort(r.random(int(r.integers(3, 7))))
                    * (self.deb["end"] - self.deb["start"])
                )
            for t in ts:
                pl = "x" if r.random() < 0.78 else "bluesky"
                hi_ = 1 if (key == "ostrander" and pl == "x" and r.random() < 0.25) else 0
                acct = self.pacc[(key, pl, hi_)]
                tpl, lab = self.c(OWN_POSTS[key])
                d = self.ctx(key, pl)
                txt = self.tags(self.fmt(tpl, d), pl, 0.5, self.in_debate(t), key)
                post = self.add(pl, acct, t, txt, lab, None)
                self.reply_burst(key, post, t)

    def reply_burst(self, key, post, t):
        r = self.rng
        pl = post["platform"]
        deb = self.in_debate(t)
        base = {"ostrander": 8.0, "kuehl": 8.0, "brandvold": 4.5}[key]
        if key == self.front:
            base *= 1.5
        lam = (
            base
            * self.scale
            * (pl == "x" and 1.0 or 0.55)
            * min(self.traffic(t), 3.0 if not deb else 4.0) ** 0.8
        )
        n = int(r.poisson(lam))
        patt = 0.19 if key == self.front else 0.14
        if deb:
            patt += 0.05
        for dt in np.sort(r.exponential(14 * 60, n)):
            tt = t + 20 + dt
            if tt >= self.t0 + 86400:
                continue
            a = self.pick(pl)[0]
            u = r.random()
            if u < patt:
                v = r.random()
                txt = self.t_attack_you(key, pl) if v < 0.45 else self.t_attack_named(key, pl, deb)
                self.add(pl, a, tt, txt, "attack", self.main(key), parent=post)
            elif u < patt + 0.22:
                self.add(pl, a, tt, self.t_subst(key, pl, deb), "substantive", None, parent=post)
            elif u < patt + 0.45:
                self.add(pl, a, tt, self.t_cheer(key, pl, deb), "other", None, parent=post)
            else:
                self.add(pl, a, tt, self.t_reply_chat(pl), "other", None, parent=post)

    def minor_posts(self):
        r = self.rng
        for p in PEOPLE:
            if p["role"] == "candidate":
                continue
            k = {
                "journalist": (2, 6),
                "staff": (1, 5),
                "volunteer": (0, 3),
                "private": (0, 2),
                "official": (1, 3),
            }[p["role"]]
            n = int(r.integers(k[0], k[1] + 1))
            for t in self.times(n, self.t0 + 7 * 3600, self.t0 + 22.5 * 3600):
                pl = self.c(list(p["handles"].keys()))
                if pl == "reddit":
                    continue
                tpl, lab = self.c(MINOR_OWN[p["role"]])
                post = self.add(
                    pl,
                    self.pacc[(p["key"], pl, 0)],
                    t,
                    self.fmt(tpl, self.ctx(p["key"], pl)),
                    lab,
                    None,
                )
                for dt in np.sort(r.exponential(20 * 60, int(r.poisson(2.0 * self.scale)))):
                    a = self.pick(pl)[0]
                    if r.random() < 0.3:
                        txt = self.mess(
                            self.fmt(self.c(SUBST_GENERIC), self.ctx(None, pl)), pl, "substantive"
                        )
                        self.add(pl, a, t + 30 + dt, txt, "substantive", None, parent=post)
                    else:
                        self.add(
                            pl, a, t + 30 + dt, self.t_reply_chat(pl), "other", None, parent=post
                        )
            # journalists now and then get a lone insult from a grumpy reader (0-2/day, hours apart)
            if p["role"] == "journalist" and p.get("sub") != "moderator":
                for t in self.times(int(r.integers(0, 3)), self.t0 + 8 * 3600, self.t0 + 22 * 3600):
                    pl = "x"
                    self.add(
                        pl,
                        self.pick(pl)[0],
                        t,
                        self.t_attack_named(p["key"], pl),
                        "attack",
                        self.main(p["key"]),
                    )

    # ---------------- pile-on ----------------
    def pileon(self, key, t_start, size, dur, mode, plats, speed, debate_related=False):
        r = self.rng
        p = PBY[key]
        sc = self.c(SCEN[key])
        tgt = self.main(key)
        d0 = self.ctx(key, plats[0])
        triggers, parents = [], {}
        tgt_posts = {}
        # the target's own post(s)
        hidx = 1 if mode == "second_account" else 0
        if mode == "second_account":
            # the person's main account said the thing; the crowd finds and swarms the second account
            triggers.append(
                self.add(
                    "x",
                    self.pacc[(key, "x", 0)],
                    t_start - r.uniform(1800, 5400),
                    self.fmt(sc["own"], self.ctx(key, "x")),
                    "other",
                    None,
                )
            )
        for pl in plats:
            if pl in p["handles"] and pl != "reddit" and (mode != "reddit" or pl != plats[0]):
                i = hidx if len(p["handles"][pl]) > hidx else 0
                own_txt = ALT_OWN[key] if (i == 1 and key in ALT_OWN) else sc["own"]
                tp = self.add(
                    pl,
                    self.pacc[(key, pl, i)],
                    t_start - r.uniform(240, 1500),
                    self.fmt(own_txt, self.ctx(key, pl)),
                    "other",
                    None,
                )
                tgt_posts[pl] = tp
                triggers.append(tp)
        sharers = {}
        if mode in ("clip", "cross", "reddit") or not tgt_posts:
            for pl in plats:
                if pl == "reddit":
                    a = self.pick(pl)[0]
                    body = "" if r.random() < 0.6 else self.link()
                    sp = self.add(
                        pl,
                        a,
                        t_start - r.uniform(120, 900),
                        body,
                        "other",
                        None,
                        title=sc["title"],
                        sub="NorthPrairie",
                    )
                else:
                    a = self.pick(pl)[0]
                    d = self.ctx(key, pl)
                    d["N"] = (
                        self.ph(key, pl) if (pl in p["handles"] and r.random() < 0.5) else p["name"]
                    )
                    q = tgt_posts.get(pl)
                    sp = self.add(
                        pl,
                        a,
                        t_start - r.uniform(60, 600),
                        self.fmt(sc["share"], d),
                        "other",
                        None,
                        quote=q,
                    )
                sharers[pl] = sp
                triggers.append(sp)
        # attack times: ramp-up then tail
        ab = [(1.4, 2.6), (1.8, 2.2), (1.3, 1.8), (2.0, 3.0)][int(r.integers(4))]
        ts = np.sort(t_start + dur * r.beta(ab[0], ab[1], size))
        ts[0] = t_start
        # platform per attack
        if len(plats) == 1:
            pls = [plats[0]] * size
        else:
            share0 = r.uniform(0.5, 0.75)
            pls = [plats[0] if r.random() < share0 else plats[1] for _ in range(size)]
        # authors: >= 5 distinct, some repeat attackers (per platform)
        n_auth = max(5, int(round(size * r.uniform(0.65, 0.95))))
        by_pl = {}
        for pl in pls:
            by_pl[pl] = by_pl.get(pl, 0) + 1
        authors = []
        order = {pl: [] for pl in by_pl}
        for pl, cnt in by_pl.items():
            na = max(1, int(round(n_auth * cnt / size)))
            na = min(na, cnt)
            pool = self.pick_uniform(pl, na)
            seq = pool + [pool[int(i)] for i in r.integers(0, na, cnt - na)]
            seq = [seq[int(i)] for i in r.permutation(len(seq))]
            order[pl] = seq
        ptr = {pl: 0 for pl in by_pl}
        for pl in pls:
            authors.append(order[pl][ptr[pl]])
            ptr[pl] += 1
        if len({a["handle"] for a in authors}) < 5:  # top up distinct authors if needed
            for i in range(size):
                authors[i] = self.pick_uniform(pls[i], 1)[0]
        ids, thread_posts = [], {pl: [] for pl in plats}
        for i in range(size):
            pl, a, t = pls[i], authors[i], float(ts[i])
            u = r.random()
            parent, quote = None, None
            if pl == "reddit":
                th = sharers["reddit"]
                parent = th if (not thread_posts[pl] or u < 0.55) else self.c(thread_posts[pl])
                v = r.random()
                if v < 0.45:
                    txt = self.t_attack_3p(key, pl)
                elif v < 0.6:
                    txt = self.mess(
                        self.fmt(self.c(sc["quips"]), self.ctx(key, pl, ref=self.c(p["refs"]))),
                        pl,
                        "attack",
                    )
                else:
                    txt = self.t_attack_named(key, pl)
            elif mode in ("direct", "second_account") and pl in tgt_posts and u < 0.62:
                parent = tgt_posts[pl]
                txt = self.t_attack_you(key, pl) if r.random() < 0.55 else self.t_attack_3p(key, pl)
            elif pl in sharers and u < 0.6:
                parent = (
                    sharers[pl]
                    if (not thread_posts[pl] or r.random() < 0.75)
                    else self.c(thread_posts[pl])
                )
                v = r.random()
                if v < 0.55:
                    txt = self.t_attack_3p(key, pl)
                elif v < 0.75:
                    txt = self.mess(
                        self.fmt(self.c(sc["quips"]), self.ctx(key, pl, ref=self.c(p["refs"]))),
                        pl,
                        "attack",
                    )
                else:
                    txt = self.t_attack_named(key, pl)
            elif pl in tgt_posts and u < 0.8:
                parent = tgt_posts[pl]
                txt = self.t_attack_you(key, pl)
            else:
                # top-level mention / quote-post naming the person
                q = tgt_posts.get(pl) or sharers.get(pl)
                quote = q if (q is not None and r.random() < 0.5) else None
                if r.random() < 0.3:
                    d = self.ctx(key, pl)
                    txt = self.mess(self.fmt(self.c(sc["quips"]), d), pl, "attack")
                else:
                    txt = self.t_attack_named(key, pl)
            post = self.add(pl, a, t, txt, "attack", tgt, parent=parent, quote=quote)
            ids.append(post["id"])
            if parent is not None or pl == "reddit":
                thread_posts[pl].append(post)
        # side posts: defenders, neutral questions, substantive takes (not part of the episode)
        n_side = int(size * r.uniform(0.2, 0.5))
        for t in np.sort(t_start + dur * 1.2 * r.random(n_side)):
            pl = self.c(plats)
            a = self.pick(pl)[0]
            par = sharers.get(pl) or tgt_posts.get(pl)
            if pl == "reddit":
                par = sharers["reddit"]
            d = self.ctx(key, pl)
            d["N"] = self.c(p["refs"][:3])
            v = r.random()
            if v < 0.45:
                txt, lab = self.fmt(self.c(DEFEND), d), "other"
            elif v < 0.75:
                txt, lab = self.fmt(self.c(SIDE_NEUTRAL), d), "other"
            else:
                if key in RECORDS:
                    txt = self.fmt(self.c(SUBST), d)
                else:
                    txt = f"{self.c(p['refs'][:3])}'s point about {d['issue']} is debatable. {d['detail']}"
                lab = "substantive"
            self.add(
                pl,
                a,
                float(t),
                self.mess(txt, pl, lab),
                lab,
                None,
                parent=par if (pl == "reddit" or r.random() < 0.7) else None,
            )
        self.episodes.append(
            dict(
                kind="pileon",
                key=key,
                ids=ids,
                mode=mode,
                platforms=list(plats),
                speed=speed,
                trigger_ids=[x["id"] for x in triggers],
                debate_related=debate_related,
                second_account=(mode == "second_account"),
            )
        )

    # ---------------- flood ----------------
    def flood(self, key, t_start, n, dur):
        r = self.rng
        p = PBY[key]
        pls = [pl for pl in ("x", "bluesky", "mastodon") if pl in p["handles"]]
        pl = pls[0] if r.random() < 0.7 else self.c(pls)
        a = self.pick_uniform(pl, 1)[0]
        h = self.ph(key, pl)
        ts = np.sort(t_start + dur * r.random(n))
        ts[0] = t_start
        ids = []
        own = None
        if r.random() < 0.5:
            tpl, lab = self.c(
                OWN_POSTS.get(key, MINOR_OWN.get(p["role"], [("Busy day.", "other")]))
            )
            own = self.add(
                pl,
                self.pacc[(key, pl, 0)],
                t_start - r.uniform(300, 3000),
                self.fmt(tpl, self.ctx(key, pl)),
                lab,
                None,
            )
        for t in ts:
            if own is not None and r.random() < 0.5:
                txt = (
                    self.mess(self.c(FLOOD_TPL).replace("{h} ", "").format_map(_SD()), pl, "attack")
                    if r.random() < 0.5
                    else self.t_attack_you(key, pl)
                )
                post = self.add(
                    pl, a, float(t), txt, "attack", self.main(key), parent=own, lead_mention=True
                )
            else:
                txt = (
                    self.c(FLOOD_TPL).replace("{h}", h)
                    if r.random() < 0.6
                    else self.t_attack_named(key, pl)
                )
                txt = self.mess(txt, pl, "attack")
                post = self.add(pl, a, float(t), txt, "attack", self.main(key))
            ids.append(post["id"])
        self.episodes.append(
            dict(kind="flood", key=key, ids=ids, platforms=[pl], flooder=a["handle"])
        )

    # ---------------- decoys ----------------
    def surge(self, kind, key, t_start, n, dur):
        r = self.rng
        p = PBY[key]
        ids = []
        plats = ["x"] * 6 + ["bluesky"] * 2 + ["reddit", "mastodon"]
        thread = None
        if r.random() < 0.5:
            thread = self.add(
                "reddit",
                self.pick("reddit")[0],
                t_start - 300,
                "",
                "other",
                None,
                title=self.fmt(
                    {
                        "substantive_surge": "[Star-Ledger] Records: {N}'s voting history on {issue}",
                        "cheer_surge": "{N}'s speech in {place} tonight was something else",
                        "news_surge": "{N} campaign announcement thread",
                        "support_surge": "Thread: {N} and the reaction online",
                    }[kind],
                    self.ctx(key, "reddit", ref=p["name"]),
                ),
                sub="NorthPrairie",
            )
        authors_used = set()
        ts = np.sort(t_start + dur * r.beta(1.6, 2.4, n))
        for t in ts:
            pl = self.c(plats)
            if pl == "reddit" and thread is None:
                pl = "x"
            a = self.pick_uniform(pl, 1)[0]
            while a["handle"] in authors_used:
                a = self.pick_uniform(pl, 1)[0]
            authors_used.add(a["handle"])
            par = thread if pl == "reddit" else None
            if kind == "substantive_surge":
                txt, lab = self.t_subst(key, pl), "substantive"
            elif kind == "cheer_surge":
                if key in CANDS:
                    txt = self.t_cheer(key, pl)
                else:
                    d = self.ctx(key, pl)
                    d["N"] = self.ref(key, pl)
                    txt = self.mess(
                        self.fmt(
                            self.c(
                                [
                                    "{N} absolutely killed it tonight",
                                    "{N} just destroyed every talking point Kuehl has 🔥",
                                    "{N} brought the house down in {place}",
                                    "whoever put {N} on that stage is a genius, {he} slayed",
                                    "{N} murdered that speech, not a dry eye in the room",
                                    "{N} is a hero. that's it. that's the tweet",
                                    "I'd run through a wall for {N} after that speech",
                                    "{N} ate and left no crumbs",
                                ]
                            ),
                            d,
                        ),
                        pl,
                        "other",
                        cheer=True,
                    )
                lab = "other"
            elif kind == "support_surge":
                d = self.ctx(key, pl)
                d["N"] = self.ref(key, pl)
                txt, lab = (
                    self.mess(
                        self.fmt(
                            self.c(
                                DEFEND
                                + [
                                    "sending love to {N} today ❤️",
                                    "{N} is one of the good ones",
                                    "standing with {N}. the harassment has to stop",
                                ]
                            ),
                            d,
                        ),
                        pl,
                        "other",
                    ),
                    "other",
                )
            else:
                d = self.ctx(key, pl)
                d["C"] = self.ref(key, pl, allow_handle=False)
                d.update(
                    a=int(r.integers(40, 47)), b=int(r.integers(38, 45)), c=int(r.integers(5, 11))
                )
                txt, lab = (
                    self.mess(
                        self.tags(self.fmt(self.c(NEWS[1:4] + NEWS[5:7] + NEWS[8:9]), d), pl, 0.4),
                        pl,
                        "other",
                    ),
                    "other",
                )
            post = self.add(pl, a, float(t), txt, lab, None, parent=par)
            ids.append(post["id"])
        # a substantive surge on a candidate carries a couple of baseline insults (<=2 authors): still no pile-on
        if kind == "substantive_surge" and key in CANDS:
            for t in t_start + dur * r.random(int(r.integers(0, 3))):
                self.add(
                    "x",
                    self.pick("x")[0],
                    float(t),
                    self.t_attack_named(key, "x"),
                    "attack",
                    self.main(key),
                )
        self.episodes.append(dict(kind=kind, key=key, ids=ids))

    # ---------------- ordinary-user arguments ----------------
    def arguments(self, n_threads):
        r = self.rng
        for t in self.times(n_threads, self.t0 + 6 * 3600, self.t0 + 86400 - 600):
            pl = PLATS[int(r.choice(4, p=[0.55, 0.25, 0.12, 0.08]))]
            A, B = self.pick(pl, 2)
            if A["handle"] == B["handle"]:
                continue
            key = CANDS[int(r.choice(3, p=self.cand_w))]
            if pl == "reddit":
                th = self.add(
                    pl,
                    self.pick(pl)[0],
                    t - r.uniform(600, 7200),
                    "",
                    "other",
                    None,
                    title=self.fmt(
                        self.c(
                            [
                                "Discussion: {C} and {issue}",
                                "Who are you voting for and why?",
                                "Thoughts on the Senate race in {county}?",
                            ]
                        ),
                        self.ctx(None, pl),
                    ),
                )
                if r.random() < 0.6:
                    first = self.add(
                        pl, A, t, self.t_subst(key, pl), "substantive", None, parent=th
                    )
                else:
                    first = self.add(pl, A, t, self.t_cheer(key, pl), "other", None, parent=th)
            else:
                if r.random() < 0.6:
                    first = self.add(pl, A, t, self.t_subst(key, pl), "substantive", None)
                else:
                    first = self.add(pl, A, t, self.t_cheer(key, pl), "other", None)
            # B attacks A; A hits back or not; sometimes C piles in on A (max 2 attackers on A)
            tt = t + r.uniform(60, 1200)
            b1 = self.add(
                pl,
                B,
                tt,
                self.mess(self.c(USER_ATTACK), pl, "attack"),
                "attack",
                A["handle"],
                parent=first,
            )
            last = b1
            for _ in range(int(r.integers(0, 4))):
                tt += r.uniform(30, 900)
                who, other = (A, B) if last["author"] == B["handle"] else (B, A)
                if r.random() < 0.6:
                    last = self.add(
                        pl,
                        who,
                        tt,
                        self.mess(self.c(USER_ATTACK), pl, "attack"),
                        "attack",
                        other["handle"],
                        parent=last,
                    )
                else:
                    last = self.add(pl, who, tt, self.t_reply_chat(pl), "other", None, parent=last)
            if r.random() < 0.3:
                C = self.pick(pl)[0]
                if C["handle"] not in (A["handle"], B["handle"]):
                    self.add(
                        pl,
                        C,
                        t + r.uniform(300, 2400),
                        self.mess(self.c(USER_ATTACK), pl, "attack"),
                        "attack",
                        A["handle"],
                        parent=first,
                    )

    # ---------------- background ----------------
    def background(self, n):
        r = self.rng
        ts = self.times(n)
        pls = r.choice(4, size=n, p=PLAT_SHARE)
        pools = {pl: [] for pl in PLATS}
        threads = []  # reddit submissions: (t, post)
        for t, pi in zip(ts, pls):
            pl = PLATS[int(pi)]
            t = float(t)
            deb = self.in_debate(t)
            a = self.pick(pl)[0]
            if pl == "reddit":
                live = [th for th in threads[-40:] if t - th[0] < 6 * 3600]
                if not live or r.random() < 0.09:
                    title = self._reddit_title(deb)
                    post = self.add(
                        pl,
                        a,
                        t,
                        "" if r.random() < 0.7 else self.link(),
                        "other",
                        None,
                        title=title,
                    )
                    threads.append((t, post))
                    continue
                th = live[-1 - min(len(live) - 1, int(r.geometric(0.35)) - 1)][1]
                parent = th if (r.random() < 0.55 or not th.get("_kids")) else self.c(th["_kids"])
            else:
                parent = self.recent_parent(pl, t, pools[pl]) if r.random() < 0.33 else None
            txt, lab, tgt = self._bg_content(pl, t, deb, parent)
            post = self.add(pl, a, t, txt, lab, tgt, parent=parent)
            if pl == "reddit":
                th.setdefault("_kids", []).append(post)
            else:
                pools[pl].append((t, post))

    def _reddit_title(self, deb):
        d = self.ctx(None, "reddit")
        d["C"] = PBY[self.c(CANDS)]["name"]
        if deb and self.rng.random() < 0.6:
            return self.fmt(
                self.c(
                    [
                        "Senate Debate Megathread",
                        "Post-debate discussion",
                        "[Live] North Prairie Senate debate",
                    ]
                ),
                d,
            )
        return self.fmt(
            self.c(
                [
                    "{C} campaign stop in {place} today",
                    "Early voting locations in {county}?",
                    "New poll has the Senate race within 3",
                    "Where do the candidates stand on {issue}?",
                    "{C}'s new ad is everywhere",
                    "Anyone else getting 5 campaign texts a day?",
                    "Hwy 14 detour megathread",
                    "Lumberjacks game thread",
                    "[Star-Ledger] {C} and {issue}",
                    "Is it me or is this the nastiest Senate race in years?",
                ]
            ),
            d,
        )

    def _bg_content(self, pl, t, deb, parent):
        r = self.rng
        u = r.random()
        if deb:
            probs = dict(att=0.17, cheer=0.17, subst=0.24, mod=0.06, chat=0.36)
            cands = self.deb["cands"]
            cw = np.array([self.cand_w[CANDS.index(c)] for c in cands])
            cw = cw / cw.sum()
        else:
            probs = dict(att=0.05, cheer=0.07, subst=0.15, mod=0.0, chat=0.73)
            cands, cw = CANDS, self.cand_w
        key = cands[int(r.choice(len(cands), p=cw))]
        acc = 0.0
        for cat, pr in probs.items():
            acc += pr
            if u < acc:
                break
        if cat == "att":
            return self.t_attack_named(key, pl, deb), "attack", self.main(key)
        if cat == "cheer":
            return self.t_cheer(key, pl, deb), "other", None
        if cat == "subst":
            if deb and r.random() < 0.5:
                s, _ = self.c(DEBATE_CLAIMS)
                return (
                    self.mess(self.tags(s, pl, 0.5, True), pl, "substantive"),
                    "substantive",
                    None,
                )
            return self.t_subst(key, pl, deb), "substantive", None
        if cat == "mod":
            mk = self.c(self.deb["mods"])
            d = self.ctx(mk, pl)
            d["N"] = self.ref(mk, pl)
            if self.mod_attacks[mk] < 3 and r.random() < 0.08:
                self.mod_attacks[mk] += 1
                return self.t_attack_named(mk, pl, True), "attack", self.main(mk)
            tpl, lab = self.c(DEBATE_MOD_NEUTRAL)
            return self.mess(self.tags(self.fmt(tpl, d), pl, 0.5, True), pl, lab), lab, None
        if parent is not None and r.random() < 0.6:
            return self.t_reply_chat(pl), "other", None
        txt, lab = self.t_chat(pl, deb)
        return txt, lab, None

    # ======================================================================================
    def plan_and_build(self):
        r = self.rng
        sc = self.scale
        self.candidate_posts()
        self.minor_posts()
        # ---- pile-ons ----
        n_pile = int(r.integers(1, 5)) if not self.debate else int(r.integers(1, 3))
        specs = []
        busy = []  # (key, start, end)
        if self.debate and r.random() < 0.85:
            key = self.c(["haugen", "yusuf", "fiske", "sorensen", "tiedemann", "kapoor", "yusuf"])
            if key in ("haugen", "yusuf", "fiske"):
                t0 = self.deb["start"] + r.uniform(0.15, 0.7) * (
                    self.deb["end"] - self.deb["start"]
                )
            else:
                t0 = self.deb["end"] + r.uniform(0, 1800)
            size = int(max(8, r.integers(20, 61) * min(1.5, sc**0.5)))
            dur = float(min(r.uniform(25, 100) * 60, self.t0 + 86400 - 900 - t0))
            specs.append(
                dict(key=key, t=t0, size=size, dur=dur, speed="debate", debate_related=True)
            )
            busy.append((key, t0 - 3600, t0 + dur + 3600))
            n_pile = max(0, n_pile - 1)
        speeds = ["flash", "fast", "medium", "slow"]
        keys_avail = [k for k in PBY if k not in ("haugen", "yusuf")]
        for _ in range(n_pile):
            speed = self.c(speeds)
            if r.random() < 0.3:
                key = CANDS[int(r.choice(3, p=self.cand_w))]
            else:
                key = self.c([k for k in MINOR if k not in ("haugen", "yusuf")])
            if any(b[0] == key for b in busy):
                continue
            is_c = key in CANDS
            if speed == "flash":
                dur = r.uniform(5, 20)
                size = int(r.integers(20, 33) if is_c else r.integers(6, 17))
            elif speed == "fast":
                dur = r.uniform(20, 45)
                size = int(r.integers(26, 41) if is_c else r.integers(10, 28))
            elif speed == "medium":
                dur = r.uniform(45, 90)
                size = int(r.integers(34, 56) if is_c else r.integers(14, 38))
            else:
                dur = r.uniform(90, 150)
                size = int(r.integers(45, 66) if is_c else r.integers(22, 58))
            size = max(6, int(round(size * min(1.6, max(0.6, sc**0.5)))))
            dur *= 60
            hi = (self.deb["start"] - 3 * 3600) if self.debate else self.t0 + 22.5 * 3600 - dur
            for _try in range(20):
                t0 = float(self.times(1, self.t0 + 7 * 3600, max(self.t0 + 8 * 3600, hi))[0])
                if all(not (b[1] < t0 + dur and t0 < b[2]) for b in busy):
                    break
            busy.append((key, t0 - 1800, t0 + dur + 1800))
            specs.append(dict(key=key, t=t0, size=size, dur=dur, speed=speed, debate_related=False))
        for s in specs:
            p = PBY[s["key"]]
            modes = ["direct", "clip", "clip", "reddit"]
            if len(p["handles"].get("x", [])) > 1:
                modes += ["second_account"] * 2
            non_x = [pl for pl in p["handles"] if pl in ("bluesky", "mastodon")]
            if non_x:
                modes += ["cross"] * 2
            mode = self.c(modes)
            if mode == "cross":
                plats = ["x", self.c(non_x)]
                if r.random() < 0.5:
                    plats = plats[::-1]
            elif mode == "reddit":
                plats = ["reddit", "x"] if r.random() < 0.6 else ["reddit"]
            elif mode == "clip" and r.random() < 0.3:
                plats = ["x", "bluesky"]
            else:
                plats = ["x"]
            self.pileon(
                s["key"], s["t"], s["size"], s["dur"], mode, plats, s["speed"], s["debate_related"]
            )
        # ---- flood ----
        if r.random() < 0.75:
            key = self.c(
                CANDS + ["sorensen", "raman", "fiske", "moberg", "kowalczyk", "dahl", "tiedemann"]
            )
            for _try in range(20):
                t0 = float(self.times(1, self.t0 + 6 * 3600, self.t0 + 22 * 3600)[0])
                if all(not (b[0] == key and b[1] < t0 + 7200 and t0 < b[2]) for b in busy):
                    break
            n = int(r.integers(10, 41))
            dur = float(r.uniform(30, 120) * 60)
            busy.append((key, t0 - 1800, t0 + dur + 1800))
            self.flood(key, t0, n, dur)
        # ---- decoys ----
        n_dec = int(r.integers(1, 4))
        for _ in range(n_dec):
            kind = self.c(
                [
                    "substantive_surge",
                    "substantive_surge",
                    "cheer_surge",
                    "news_surge",
                    "support_surge",
                ]
            )
            if kind == "support_surge":
                key = self.c(["birch", "pelkey", "kowalczyk", "olufsen", "raman"])
            elif kind == "cheer_surge":
                key = self.c(CANDS + ["birch"])
            elif kind == "substantive_surge":
                key = self.c(CANDS + CANDS + ["moberg"])
            else:
                key = self.c(CANDS)
            for _try in range(20):
                t0 = float(self.times(1, self.t0 + 7 * 3600, self.t0 + 22 * 3600)[0])
                if all(not (b[0] == key and b[1] < t0 + 7200 and t0 < b[2]) for b in busy):
                    break
            n = max(12, int(r.integers(20, 61) * min(1.5, sc**0.5)))
            dur = float(r.uniform(20, 110) * 60)
            self.surge(kind, key, t0, n, dur)
        # ---- ordinary-user arguments: ~10% of attacks ----
        n_att = sum(1 for p in self.posts if p["_lab"][0] == "attack")
        bg_left = self.P - len(self.posts)
        exp_bg_att = bg_left * (0.05 * 0.72 + (0.1 if self.debate else 0.0))
        n_thr = int(max(2, (n_att + exp_bg_att) * 0.11 / 2.3))
        self.arguments(n_thr)
        # ---- background fills the rest ----
        left = self.P - len(self.posts)
        if left > 0:
            self.background(left)
        # debate-heat decoy episodes (baseline incivility at debating candidates)
        if self.deb:
            for key in self.deb["cands"]:
                pile_ids = {i for e in self.episodes for i in e["ids"]}
                ids = [
                    p["id"]
                    for p in self.posts
                    if p["_lab"] == ["attack", self.main(key)]
                    and self.deb["start"] <= p["_t"] < self.deb["end"]
                    and p["id"] not in pile_ids
                ]
                self.episodes.append(
                    dict(
                        kind="debate_heat",
                        key=key,
                        ids=ids,
                        platforms=["x", "reddit", "bluesky", "mastodon"],
                    )
                )

    # ======================================================================================
    def finalize(self):
        posts = self.posts
        if len(posts) > self.P:  # trim background-ish overflow (never episode posts)
            keep_ids = {i for e in self.episodes for i in e["ids"]}
            extra = len(posts) - self.P
            drop = set()
            for p in reversed(posts):
                if extra == 0:
                    break
                if p["id"] not in keep_ids and not p.get("_is_parent"):
                    drop.add(id(p))
                    extra -= 1
            posts = [p for p in posts if id(p) not in drop]
        by_id = {p["id"]: p for p in posts}
        hre = re.compile(r"(?<![\w/])#\w+")
        mre = re.compile(
            r"(?<![\w/])@[A-Za-z0-9_][A-Za-z0-9_.\-]*(?:@[A-Za-z0-9_.\-]*[A-Za-z0-9])?"
        )
        out, labels = [], {}
        for p in posts:
            o = {
                "id": p["id"],
                "platform": p["platform"],
                "author": p["author"],
                "text": p["text"],
                "created_at": p["created_at"],
            }
            if "reply_to" in p:
                o["reply_to"] = p["reply_to"]
            o["url"] = p["url"]
            if p["platform"] != "reddit":
                o["lang"] = "es" if re.search(r"[¿¡ñ]|votó|alguien", p["text"]) else "en"
                o["hashtags"] = list(dict.fromkeys(hre.findall(p["text"])))
                ments = [m.rstrip(".") for m in mre.findall(p["text"])]
                if (
                    p["platform"] in ("x", "mastodon")
                    and "reply_to" in p
                    and p["reply_to"].startswith("@")
                ):
                    ments.append(p["reply_to"])
                o["mentions"] = list(dict.fromkeys(ments))
            o["raw"] = p["raw"]
            out.append(o)
            labels[p["id"]] = list(p["_lab"])
        # export order: per platform (like concatenated exports), time-ordered inside, reddit newest-first
        order = {pl: i for i, pl in enumerate(["reddit", "x", "mastodon", "bluesky"])}
        tmap = {p["id"]: p["_t"] for p in posts}
        out.sort(
            key=lambda o: (
                order[o["platform"]],
                -tmap[o["id"]] if o["platform"] == "reddit" else tmap[o["id"]],
            )
        )
        iso = lambda t: datetime.fromtimestamp(t, UTC).isoformat(timespec="seconds")
        eps = []
        for e in self.episodes:
            ids = [i for i in e["ids"] if i in by_id]
            if not ids:
                continue
            ts = sorted(tmap[i] for i in ids)
            n = len(ts)
            mid = ts[n // 2] if n % 2 else (ts[n // 2 - 1] + ts[n // 2]) / 2
            p = PBY[e["key"]]
            ep = dict(
                kind=e["kind"],
                target=self.main(e["key"]),
                handles=self.all_handles(e["key"]),
                start=iso(ts[0]),
                midpoint=iso(mid),
                end=iso(ts[-1]),
                post_ids=ids,
                size=n,
                authors=len({by_id[i]["author"] for i in ids}),
                name=p["name"],
                role=p["role"],
                duration_min=round((ts[-1] - ts[0]) / 60, 1),
                platforms=sorted({by_id[i]["platform"] for i in ids}),
            )
            for k in (
                "mode",
                "speed",
                "trigger_ids",
                "debate_related",
                "second_account",
                "flooder",
            ):
                if k in e:
                    ep[k] = e[k]
            if e["kind"] == "pileon":
                ep["attacked_handles"] = sorted(
                    {self._which_handle(by_id[i]) for i in ids} - {None}
                )
            eps.append(ep)
        eps.sort(key=lambda e: e["start"])
        people = {}
        for p in PEOPLE:
            hs = {}
            for pl, lst in p["handles"].items():
                hs[pl] = self.ph(p["key"], pl, 0)
            people[self.main(p["key"])] = dict(
                name=p["name"],
                role=p["role"],
                handles=hs,
                all_handles=self.all_handles(p["key"]),
                about=p.get("org", ""),
            )
        truth = dict(
            labels=labels,
            episodes=eps,
            people=people,
            meta=dict(
                generator="fourth_days",
                seed=self.seed,
                posts=len(out),
                debate=self.debate,
                date=str(self.date),
                timezone="America/Chicago",
                utc_offset="-05:00",
                setting="North Prairie US Senate race (fictional)",
                front_runner=self.main(self.front),
                day_start=iso(self.t0),
                day_end=iso(self.t0 + 86400),
                debate_window=(
                    [iso(self.deb["start"]), iso(self.deb["end"])] if self.deb else None
                ),
                debate_candidates=([self.main(k) for k in self.deb["cands"]] if self.deb else None),
                reply_to_style={
                    "x": "handle",
                    "mastodon": "handle",
                    "reddit": "parent fullname (t1_/t3_)",
                    "bluesky": "parent at:// uri",
                },
            ),
        )
        return out, truth

    def _which_handle(self, post):
        # which of the target's handles the post addressed (reply_to or mention), if any
        return post.get("reply_to") if str(post.get("reply_to", "")).startswith("@") else None


def generate_fourth_day(
    seed: int, posts: int = 5000, debate: bool = False
) -> tuple[list[dict], dict]:
    day = _Day(int(seed), int(posts), bool(debate))
    day.plan_and_build()
    return day.finalize()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--posts", type=int, default=5000)
    ap.add_argument("--debate", action="store_true")
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    posts, truth = generate_fourth_day(a.seed, a.posts, a.debate)
    with open(a.out, "w", encoding="utf-8") as f:
        for p in posts:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    tp = a.out[:-6] + ".truth.json" if a.out.endswith(".jsonl") else a.out + ".truth.json"
    with open(tp, "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    print(f"wrote {len(posts)} posts to {a.out}, truth to {tp}", flush=True)


if __name__ == "__main__":
    main()
