"""Who an attack is aimed at, and which sentence of a long post carries it.

`find_target` is a pure function of the post and the configured aliases. Order:
1. a group named in the text ("her voters", "Hale supporters", "the union", "libs"),
   because an insult to a group is about the group even in a reply to its candidate --
   unless the post opens by insulting a person, tagged or named, and the group comes
   after ("@ines is a weasel and her fans are worse"): then it is that person;
2. the account replied to, unless it is the author, or unless the reply speaks of someone
   else and not to its reader: another account or a person's full name is what the
   sentence is about ("@joe_r @CodyVanceAZ is a liar", "@joe_r Cody Vance is a liar"), and
   no "you" addresses the account replied to. In a thread, attackers answer each other
   about their victim; the account at the top of such a reply is a fellow attacker. A
   reply that speaks of "this woman", "that guy", or opens with one capitalised word as
   its subject ("Petrov is a moron") that the addressee's handle does not spell, and has
   no "you", is about someone else -- the person in the clip its addressee shared -- so
   it goes on to rules 3-5 (rule 3 skipping the account it answers, which an X reply
   mentions) and may have no target at all;
3. the first @mention that is not the author;
4. a configured alias in the text ("Whitfield" -> @DanaWhitfield), longest first;
5. a person's full name in the text ("Nadia Khalil is a clown"): `name:Nadia Khalil`.
   The detector links it to the handle it fits (@nkhalil_ledger) once that account has
   been attacked by handle, so insults by name and by reply count as one pile-on.

`attack_sentence` splits a long post into sentences and returns the one the model scores
as most attacking, for alerts and the digest to quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from classifiers.names import find_name, name_spans
from storage.handles import account_handle, handle_letters, name_fits, plain

_MEMBER = re.compile(
    r"\b(voters?|supporters?|fans|base|followers|stans|bros|cult(?:ists)?|minions|groupies|"
    r"staff(?:ers?)?|volunteers?|canvassers?|door-knockers|phone bankers|organizers|interns|"
    r"donors|bots|crowd|members|residents|deputies|cops|unions?)\b",
    re.IGNORECASE,
)
_SLURS = re.compile(
    r"\b(libs|libtards|leftists|lefties|righties|repubs|maga (?:crowd|people|cult)|snowflakes|"
    r"union (?:thugs|bosses|goons))\b",
    re.IGNORECASE,
)
_FILLER = {
    "the",
    "a",
    "an",
    "all",
    "these",
    "those",
    "this",
    "that",
    "some",
    "most",
    "every",
    "each",
    "whole",
    "any",
    "many",
    "other",
    "real",
    "of",
    "and",
    "for",
    "to",
    "are",
    "is",
    "our",
    "my",
    "me",
    "i",
    "in",
    "at",
    "with",
    "on",
    "like",
    "by",
    "from",
    "just",
    "so",
}
_PRONOUNS = {"her", "his", "their", "your", "ur"}
_PREDICATE = re.compile(
    r"(?:\s+(?:in|at|on|from)\s+[\w\s]{0,20}?)?\s*(?:are|were|is|'re|’re|who|can't|cant|will|would|"
    r"have|all|just|seem|act|think|never|always|deserve|should|love|hate|[,:;.!?-])",
    re.IGNORECASE,
)
_SINGULAR_TO_PLURAL = {
    "voter": "voters",
    "supporter": "supporters",
    "staffer": "staffers",
    "volunteer": "volunteers",
    "canvasser": "canvassers",
    "union": "union",
}
# "@name", "@name@instance.social" (Mastodon) or Reddit's "u/name" written in the text.
_HANDLE = re.compile(
    r"(?<![\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_])?"
    r"(?:@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)?"
    r"|(?<![\w/])/?u/[A-Za-z0-9_\-]{3,20}(?![\w/])"
)
# "you" in any spelling: a reply that has it speaks to the account replied to.
_SECOND_PERSON = re.compile(
    r"(?<![\w'’])(?:you|your|yours|yourself|you['’]?re|you['’]?ve|you['’]?ll|u|ur|ya|y['’]?all)"
    r"(?![\w'’])",
    re.IGNORECASE,
)
# A person spoken of, not to: "this woman is the worst moderator" in reply to the account
# that shared the clip is about the woman in it.
_THIRD_PERSON = re.compile(
    r"\b(?:this|that)\s+(?:woman|guy|lady|dude|man|girl|person)\b", re.IGNORECASE
)
# A reply that opens by naming its subject with one word ("Petrov is a moron", "Wow.
# Fairbanks is two-faced", "MARISOL IS A CREEP"), after at most an interjection.
_ONE_WORD_SUBJECT = re.compile(
    r"(?:\W*(?:lol|lmao|wow|honestly|ok|okay|yeah|yep|ugh|omg)\b[\W_]*)?([A-Z][\w'’-]{2,})",
    re.IGNORECASE,
)
_NOT_A_NAME = {
    "the", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "who",
    "what", "why", "how", "when", "where", "nobody", "everyone", "everybody", "nothing",
    "someone", "somebody", "anyone", "anybody", "everything", "something", "dude", "bro",
    "man", "lol", "lmao", "honestly", "literally", "seriously", "wow", "yeah", "yep",
    "nope", "okay", "sure", "well", "also", "again", "here", "there", "now", "then",
    "today", "tonight", "imagine", "love", "god", "omg", "just", "not", "and", "but",
    "his", "her", "their", "its", "our", "my", "one", "guy", "lady", "woman", "she's",
    "he's", "it's", "that's", "this's", "there's", "what's", "who's", "everyone's",
}
# What follows a handle that is the subject of the sentence, not one of a reply's
# addressees: "@CodyVanceAZ is ...", "@CodyVanceAZ's ...".
_SUBJECT_OF = re.compile(
    r"['’]s\b|\s+(?:is|isn['’]?t|was|wasn['’]?t|has|had|does|doesn['’]?t|did|looks|sounds|"
    r"seems|should|needs|must|can['’]?t|cannot|will|won['’]?t|would|just|really|always|"
    r"never|literally|clearly|lied|lies|showed|proved)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


@dataclass(frozen=True)
class Target:
    """`value` is "@Handle" or "group:<phrase>"; `kind` is account, alias or group."""

    value: str
    kind: str


def _owner(words: list[str]) -> list[str]:
    """The owner words before a member noun: a possessive pronoun, or up to two capitalised
    words or numbers ("Hale", "Measure H", "Prop 12"); [] if there is none."""
    owner: list[str] = []
    for word in reversed(words):
        bare = word.removesuffix("'s").removesuffix("’s")
        if not owner and bare.lower() in _PRONOUNS:
            return [bare.lower()]
        if bare.lower() in _FILLER or not (
            bare[:1].isupper()
            or bare.isdigit()
            or len(owner) == 0
            and bare.islower()
            and len(bare) > 2
            and word == words[-1]
            and False
        ):
            break
        owner.insert(0, bare.lower())
        if len(owner) == 2:
            break
    return owner


def find_group(text: str) -> str | None:
    """The first group phrase in the text, lower-cased ("hale voters", "measure h
    supporters", "her staff"), or None. The phrase must name an owner (a possessive
    pronoun or a capitalised name) and be what the sentence is about: followed by a verb
    such as "are", "who", "can't" ("Hale voters are ...")."""
    for match in _MEMBER.finditer(text):
        if not _PREDICATE.match(text, match.end()):
            continue
        owner = _owner(re.findall(r"[\w'’-]+", text[: match.start()])[-2:])
        if owner:
            noun = match.group(1).lower()
            return " ".join([*owner, _SINGULAR_TO_PLURAL.get(noun, noun)])
    slur = _SLURS.search(text)
    return slur.group(1).lower() if slur else None


# Someone spoken of in the third person: "she's a fraud", "he sounds like a moron", "this
# guy is unhinged", "what an obnoxious little woman", "LEAVE HIM ALONE".
_SPOKEN_OF = re.compile(
    r"(?<![\w'’])(?:she|he|her|him|hers|herself|himself|she['’]?s|he['’]?s)(?![\w'’])"
    r"|\b(?:this|that|the|what\s+an?)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:woman|guy|lady|dude|man|girl|person)\b",
    re.IGNORECASE,
)


def speaks_of_someone(text: str) -> bool:
    """Whether a post speaks of a third person ("she", "this guy") and not to its reader:
    a reply that does is about someone other than the account it replies to."""
    return _SPOKEN_OF.search(text) is not None and not speaks_to_reader(text)


def speaks_to_reader(text: str) -> bool:
    """Whether a post addresses its reader ("you", "ur", "y'all"), handles aside: a reply
    that does is about the account replied to, whoever else it names."""
    if _SECOND_PERSON.search(text) is None:  # most posts: no need to take handles out
        return False
    return bool(_SECOND_PERSON.search(_HANDLE.sub(" ", text)))


def find_target(
    text: str,
    author: str | None = None,
    reply_to: str | None = None,
    mentions: Iterable[str] = (),
    aliases: Mapping[str, str] | None = None,
) -> Target | None:
    """The target of an attack post (see the module docstring for the order)."""
    me = account_handle(author).lower() if author else None
    group = find_group(text)
    if group:
        return _opening_subject(text, me) or Target(f"group:{group}", "group")
    not_about = {me}
    if reply_to and account_handle(reply_to).lower() != me:
        spoken_to = speaks_to_reader(text)
        spoken = _spoken_of(text, account_handle(reply_to), me, spoken_to)
        if spoken is not None:
            return spoken
        if spoken_to or not (_THIRD_PERSON.search(text) or opens_with_someone_else(text, reply_to)):
            return Target(account_handle(reply_to), "account")
        not_about.add(account_handle(reply_to).lower())  # an X reply mentions it too
    candidates = [account_handle(m) for m in mentions or _HANDLE.findall(text)]
    for handle in candidates:
        if handle.lower() not in not_about:
            return Target(handle, "account")
    for alias, handle in sorted((aliases or {}).items(), key=lambda kv: -len(kv[0])):
        # a whole word: "Priya Raman" is not the start of "Priya Raman-Holt"
        if re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w]|-\w)", text, re.IGNORECASE):
            return Target(account_handle(handle), "alias")
    name = find_name(text)
    return Target(f"name:{name}", "name") if name else None


def _opening_count(text: str, handles: Sequence[re.Match[str]]) -> int:
    """How many of `handles` (all of the text's, in order) the text opens with: "@a @b
    text" opens with 2."""
    at = count = 0
    for match in handles:
        if text[at : match.start()].strip():
            break
        count, at = count + 1, match.end()
    return count


def _opening_subject(text: str, me: str | None) -> Target | None:
    """The person a post opens by talking about: a handle it opens with (the last of
    several), or a full name it opens with, followed by "is", "'s", "should"... ("@ines
    is a weasel", "@a @b's career is a con", "Ines Carvalho is a weasel"); else None."""
    handles = list(_HANDLE.finditer(text))
    opening = _opening_count(text, handles)
    if opening:
        last = handles[opening - 1]
        handle = account_handle(last.group())
        if handle.lower() != me and _SUBJECT_OF.match(text, last.end()):
            return Target(handle, "account")
        return None
    for start, end in name_spans(text):
        if not text[:start].strip() and _SUBJECT_OF.match(text, end):
            return Target(f"name:{text[start:end]}", "name")
        break
    return None


def opens_with_someone_else(text: str, addressee: str) -> bool:
    """Whether a reply opens by naming someone other than its addressee with one word
    ("Petrov is a moron" in reply to the account that shared the clip; so too a quote of
    that account's post, alerts.replay.quote_about): a capitalised
    word that is not a common opener, followed by "is", "'s", "should"..., and not spelt
    in the addressee's handle ("Whitfield is a fraud" to @DanaWhitfield is hers)."""
    match = _ONE_WORD_SUBJECT.match(text)
    if match is None or not match.group(1)[:1].isupper():
        return False
    word = match.group(1)
    if word.lower() in _NOT_A_NAME or not _SUBJECT_OF.match(text, match.end()):
        return False
    letters = re.sub(r"[^a-z0-9]", "", plain(word))
    return letters not in handle_letters(addressee)


def _spoken_of(text: str, addressee: str, me: str | None, spoken_to: bool) -> Target | None:
    """Whom a reply to `addressee` speaks of instead, if anyone (rule 2 of the module
    docstring): an account the sentence is about ("@joe_r @CodyVanceAZ is a liar"), or
    else the first account tagged after the handles the reply opens with, neither being
    the addressee nor the author; else the first full name that is not the addressee's
    ("Cody Vance" is not @joe_r, but is @CodyVanceAZ). None when `spoken_to` (a "you"
    addresses the reader) -- unless the reply opens with someone else as its subject
    ("Dana Sullivan is the snake we all warned you about": that "you" is everyone)."""
    skip = {addressee.lower(), me}
    subject = _opening_subject(text, me)
    if subject is not None and (
        subject.value.lower() not in skip if subject.kind == "account"
        else not name_fits(subject.value[5:], addressee)
    ):
        return subject
    if spoken_to:
        return None
    handles = list(_HANDLE.finditer(text))
    for match in handles[_opening_count(text, handles):]:
        handle = account_handle(match.group())
        if handle.lower() not in skip:
            return Target(handle, "account")
    name = find_name(text)
    if name and not name_fits(name, addressee):
        return Target(f"name:{name}", "name")
    return None


def split_sentences(text: str) -> list[str]:
    """Sentences of a post (on . ! ? … and line breaks), empty pieces dropped."""
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def attack_sentence(
    text: str,
    attack_scores: Callable[[Sequence[str]], Sequence[float]],
    min_sentences: int = 2,
) -> str | None:
    """The sentence with the highest attack score, for posts of at least `min_sentences`
    sentences; None for short posts (the whole post is the quote)."""
    sentences = split_sentences(text)
    if len(sentences) < min_sentences:
        return None
    scores = list(attack_scores(sentences))
    return sentences[max(range(len(sentences)), key=scores.__getitem__)]
