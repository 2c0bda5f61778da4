"""Post texts for generated campaign days, per label (see /work/notes/LABELS.md rules).

Every person, place and measure is from classifiers/data/WORLD.md or invented. Templates
combine with fillers into thousands of distinct posts; attacks clearly attack a person,
substantive posts clearly argue a position, cheering clearly cheers.
Placeholders: {t} how the target is addressed (@handle or name), {n} the target's name,
{f} first name, {place}, {issue}, {rec} a record or vote, {ins} an insult noun,
{adj} an insulting adjective, {go} a "go away", {x} a short exclamation.
"""

from __future__ import annotations

INSULT_NOUNS = [
    "clown", "grifter", "fraud", "liar", "hack", "coward", "joke", "disgrace", "puppet",
    "paid shill", "con artist", "snake", "weasel", "moron", "idiot", "bootlicker", "sellout",
    "parasite", "crook", "dinosaur", "buffoon", "charlatan", "empty suit", "hypocrite",
    "loser", "airhead", "lapdog", "phony", "creep", "nitwit", "tool", "bozo", "imbecile",
    "spineless worm", "walking embarrassment", "professional liar", "rat", "leech",
]
INSULT_ADJS = [
    "pathetic", "spineless", "useless", "brain-dead", "lying", "corrupt", "two-faced",
    "washed-up", "incompetent", "clueless", "senile", "unhinged", "dishonest", "gutless",
    "smug", "delusional", "deranged", "dim", "shameless", "worthless", "slimy", "petty",
    "arrogant", "dumb as a rock", "utterly stupid", "completely insane",
]
GO_AWAY = [
    "Go away.", "Delete your account.", "Crawl back under your rock.", "Log off forever.",
    "Do us all a favor and disappear.", "Nobody wants you here.", "Just quit already.",
    "Go back to whatever swamp you came from.", "Shut up for once.", "Resign, you fool.",
    "Get lost.", "Retire and spare us.",
]
ATTACK_TEMPLATES = [
    "{t} you are a {ins}.", "{t} what a {adj} {ins}", "{n} is a {adj} {ins}, full stop.",
    "{t} {ins}.", "{t} you {adj} {ins}. {go}", "{n} has to be the most {adj} person in Calder",
    "{t} {go} You're a {ins}.", "Imagine being as {adj} as {n}. Couldn't be me.",
    "{t} nobody asked you, {f}. {go}", "{n} is a {ins} and everyone knows it",
    "{t} does {f} even read? What an {adj} {ins}", "Every time {n} talks I lose brain cells. {ins}.",
    "{t} sit down, {f}. You're a {ins}.", "{n}? {adj} {ins}. Next question.",
    "{t} you're not fooling anyone, you {adj} {ins}", "{n} should be ashamed to exist. {ins}.",
    "{t} lol {f} is such a {ins}", "{t} bless your heart, {f}, you really are that {adj}",
    "{n} = {ins}. Simple as that.", "{t} how does someone so {adj} get a job in politics",
    "{t} take your meds, {f}. You're {adj}.", "{n} is {adj} and so is everyone who likes {f}",
    "{t} shut up {ins}", "{t} you're a {adj} {ins} and your mother should be embarrassed",
    "Can't stand {n}. {adj} {ins} with a ring light.",
    "{t} sure, {f}, whatever you say, you {adj} {ins}",
    "{t} cute that you think anyone listens to a {ins} like you",
    "{n} looks and talks like a {adj} {ins}. Ugh.",
    "{t} you're a {ins}. {go}", "{t} {x} what a {ins}",
    "I have never seen a bigger {ins} than {n}. {go}",
    "{t} your face when you lie is hilarious, {ins}", "{t} zero brain cells. {adj} {ins}.",
    "{n} is a {ins} who should never be near power",
    "{t} you talk about {issue} like a {adj} {ins} who never did homework in their life",
    "{t} I don't care about your plan for {issue}, you're still a {adj} {ins}.",
    "{t} {f} the {ins} strikes again",
]
JOURNALIST_ATTACKS = [
    "{t} maybe learn to read before you write, {f}", "{t} hack 'journalist' strikes again",
    "{t} who paid you for this hit piece, {f}? {ins}.",
    "{t} you're a stenographer for the campaign, not a reporter. {ins}.",
    "{t} lmao {f} can't do basic math. Embarrassing {ins}.",
    "{t} quit journalism, {f}. You're {adj}.", "{t} another {adj} take from the worst reporter in Calder",
]
STAFF_ATTACKS = [
    "{t} imagine being paid to lie all day. {ins}.", "{t} {f} is a professional liar and a {ins}",
    "{t} you {adj} little {ins}, your boss should fire you", "{t} nobody trusts a word from you, {f}. {ins}.",
    "{t} get a real job, {f}. {adj} {ins}.",
]
GROUP_ATTACKS = [
    ("Hale voters are {adj} {ins}s, every last one", "group:hale voters"),
    ("Whitfield supporters are brainwashed {adj} sheep", "group:whitfield supporters"),
    ("everyone in Dunmore voting Hale is an inbred {ins}", "group:hale voters"),
    ("Port Ellis liberals are {adj} {ins}s who can't read a budget", "group:whitfield supporters"),
    ("Tillman Valley farmers voting for Dana are {adj}, simple as that", "group:whitfield supporters"),
]
EXCLAIM = ["wow.", "lmao", "ugh", "seriously?", "oh please.", "lol", "yikes", "good grief"]

ISSUES = [
    "the transit levy", "Prop 12", "water rights in the Tillman Valley", "teacher pay",
    "SB 114", "Measure H", "zoning reform", "the Harbor Bridge repair bond", "rural hospital closures",
    "the property-tax freeze", "a $17 minimum wage", "the Port Ellis police budget",
    "the 2023 budget shortfall", "fentanyl treatment funding", "bus service in Marrow Falls",
    "the Cedar Point ferry contract", "school funding", "housing permits",
]
RECORDS = [
    "voted against SB 114", "backed the Harbor Bridge repair bond in 2022",
    "left a $40M shortfall in the 2023 budget", "voted twice to cut rural hospital funding",
    "proposed a property-tax freeze with no plan to replace school funding",
    "opposed Measure H at every committee vote", "raised the police budget 11% in one year",
    "signed the Tillman Valley water deal without a public hearing",
    "skipped the vote on fentanyl treatment funding", "supported the transit levy on day one",
]
PLACES = ["Port Ellis", "Marrow Falls", "Dunmore", "the Tillman Valley", "Cedar Point"]
SUBSTANTIVE_TEMPLATES = [
    "{t} you {rec}. How do you explain that to families in {place}?",
    "{t} your position on {issue} makes no sense. Who pays for it, and how much?",
    "{n} {rec}. That's the record, look it up before you vote.",
    "{t} I disagree with your plan on {issue}: the numbers don't add up for {place}.",
    "{t} the fiscal note on {issue} says it costs far more than you claimed. Please respond to it.",
    "Honest question for {t}: what happens to {place} under your plan for {issue}?",
    "{t} this is a terrible policy. {issue} will hit renters in {place} hardest.",
    "{n} is wrong about {issue}. The state auditor's report shows the opposite.",
    "{t} you said {issue} would pay for itself. The audit says otherwise. Which is it?",
    "{t} I'm a nurse in {place}. {issue} decides whether our clinic stays open. What's your plan?",
    "{t} the vote on {issue} was a mistake and you should own it, not spin it.",
    "{t} your plan for {issue} is a giveaway to developers and ignores {place}.",
    "Read the bill. {n} {rec}, and {place} paid for it.",
    "{t} will you commit to a public hearing on {issue} before the vote?",
    "{t} this {issue} plan is damn reckless budgeting. Show us the math.",
    "{t} shameful vote on {issue}. {place} deserved better than that bill.",
    "{t} I supported you but your stance on {issue} loses my vote. Teachers in {place} need more.",
    "{n}'s answer on {issue} tonight dodged the question about costs for {place}.",
    "{t} you {rec}. Why should anyone in {place} trust your plan for {issue}?",
    "{t} the data on {issue} from {place} contradicts what you just said. Source: the county report.",
    "{t} cutting {issue} to pay for tax breaks is bad policy, period.",
    "{t} respectfully, your {issue} numbers double-count the federal match.",
]
GENERIC_SUBSTANTIVE = [
    "{issue} is the real question in this race and neither campaign has a costed plan.",
    "Thread on {issue}: what it costs, who pays, and what {place} gets back. 1/",
    "The {issue} debate ignores {place}. Here are the county numbers.",
    "I'm voting on {issue}. My family in {place} can't absorb another cost increase.",
    "Whatever you think of the candidates, {issue} needs a real hearing.",
    "New poll: voters in {place} rank {issue} as their top concern. Policy matters.",
]
CHEER_TEMPLATES = [
    "{t} let's go {f}!!", "{t} hell yeah {f}!! 🔥", "{t} proud to vote for you!",
    "{t} you crushed it tonight!", "{t} thank you for coming to {place}!", "{t} 💪💪💪",
    "{t} we're with you all the way!", "{t} {f} for governor!! #CalderDecides",
    "{t} great speech today, so inspiring", "{t} can't wait to knock doors for you this weekend",
    "{t} my whole family is voting for you!", "{t} you've got this!! 🎉",
    "{t} best candidate in Calder, no contest", "{t} loved meeting you in {place} today!",
    "{t} thank you {f} ❤️", "{t} what a night! so proud",
]
OTHER_TEMPLATES = [
    "Phone bank tonight at 6 in {place}, bring a friend! #Whitfield2026",
    "Debate starts at 7pm on KVRC 7 #CalderDebate", "Traffic on the Harbor Bridge is a nightmare today lol",
    "coffee first, politics later", "Canvass meets at the library in {place} Saturday 9am",
    "RT if you're voting early!", "Polls open 7am to 8pm, find your polling place online",
    "Yard signs are in! Pick one up at the {place} office", "anyone know if the debate is streaming?",
    "ok.", "yikes", "this weather in {place} 😩", "Watch party at Rosie's in {place} tonight",
    "New episode of our Calder politics podcast is up", "Harbor Ledger: candidates file finance reports",
    "Volunteers needed for the {place} parade Sunday", "go Harbor Hawks!!", "morning everyone ☀️",
    "Early voting starts Monday in {place}", "#CalderDecides who's watching tonight?",
    "Reminder: register to vote by Friday", "lol the mic just cut out on the stream",
]
REPLY_OTHER = [
    "{t} where can I pick up a yard sign?", "{t} what time is the rally in {place}?",
    "{t} ok.", "{t} thanks for the update", "{t} is the town hall still on tonight?",
    "{t} congrats on the endorsement", "{t} see you in {place}!",
]
DEFENDER_TEMPLATES = [
    "{t} don't let the trolls get to you, you're doing great",
    "Leave {n} alone. Disagree on policy all you want, the insults are gross.",
    "{t} ignore the pile-on, your work on {issue} matters",
    "Calling {n} a 'clown' is disgusting. Debate the record on {issue} instead.",
]
