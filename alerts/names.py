"""Which attacked account a bare name means: "Nadia Khalil" -> @nkhalil_ledger.

The classifier names a person insulted by name only as `name:Nadia Khalil` when no alias is
configured for them (reporters, volunteers, staff are rarely in config.yaml). Handles are
mostly built from their owner's name, so once an account has been attacked by handle (a
few times: see the detector's LINKABLE_ATTACKS), a name is taken to mean it when the
handle's letters hold it by one of `storage.handles.name_keys`' rules ("rachelkim",
"nkhalil_ledger", "SheriffHalvorsen", "@cactuskate_" for Kate Lindqvist): insults by name
and by reply then add up to one pile-on. (The first-name rule once cost false alarms,
when the classifier read praise that named a candidate as an attack; with names masked
in its input it no longer does.) A name that fits two attacked handles
at the first rule that fits any, or none, stays a target of its own.

A pile-on held by name only, where nobody tags the person (a Reddit thread about a
volunteer), has no attacked handle to link to; `PostingAccounts` then offers the account
that posted and spells the name, asked once, when the pile-on is about to be reported.
The accounts one person holds on two platforms spell a name alike and count as one fit.

Names typed in lower case ("tanya boyd is a moron") the classifier does not read at all.
`SpokenNames` knows them once it has read the same name capitalised; `HandleIndex.
spelled_in` knows them when two adjacent words spell an attacked handle.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from storage.handles import Fit, handle_letters, name_keys, plain

__all__ = ["HandleIndex", "PostingAccounts", "SpokenNames", "names_account", "spoken_words"]

MAX_HANDLES = 20_000  # a stream of one-off targets: start afresh
MAX_POSTERS = 200_000  # accounts PostingAccounts remembers (~35 MB) before it starts afresh
# The rules of `name_keys` PostingAccounts takes (first and last name, initial and last
# name): a first name alone fits too many of a day's thousands of accounts, and a last
# name alone fits a namesake ("Patty Santangelo" and @WSantangelo, third seed 5006).
POSTER_RULES = 2
# Words that make a name a title and a last name ("Commissioner Brandvold"), which a
# posting account fits by the last name (@hollisbrandvold): an official's handle holds it.
TITLES = frozenset({
    "mayor", "governor", "senator", "sheriff", "judge", "councilmember", "councilwoman",
    "councilman", "commissioner", "secretary", "representative", "rep", "congressman",
    "congresswoman", "supervisor", "superintendent", "chairman", "chairwoman", "treasurer",
    "auditor", "alderman", "assemblyman", "assemblywoman", "delegate", "trustee",
})
# Letters two handles must share, all of them, to be taken as one person's accounts on
# two platforms (@gailostrander, @gailostrander.bsky.social): "@theo@carroway.social" and
# "@theo@mastodon.social" are two Theos (third seed 5020).
SAME_PERSON_LETTERS = 8
_SPOKEN_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_LINK = re.compile(r"\S+://\S+")
MAX_NAMES = 50_000  # full names remembered by SpokenNames before it starts afresh
MIN_SURNAME = 5  # letters a surname needs to be looked up alone ("Pryor", not "Wu")
SURNAME_DOMINANCE = 3.0  # reads a surname's person needs over anyone else's read with it
# Words that are not looked up as a surname alone: titles and words that end a misread
# name ("Honestly Mayor", "Go Team"), and surnames that are everyday words of insults
# ("what a little weasel" must not mean an Emma Little read once).
NOT_SURNAMES = frozenset({
    "mayor", "governor", "senator", "sheriff", "judge", "councilmember", "councilwoman",
    "councilman", "commissioner", "president", "chair", "chairman", "supervisor",
    "candidate", "campaign", "people", "voters", "team", "staff", "press", "media",
    "today", "tonight", "again", "always", "everyone", "nobody",
    "little", "small", "young", "white", "black", "brown", "green", "strong", "early",
    "sharp", "sweet", "swift", "noble", "moody", "savage", "short", "power", "major",
    "bright", "grant", "sparks", "crook", "coward", "fox", "wolf", "snake", "crane",
})
# Letters two typed words must make together to be taken as a handle's ("tanya boyd" for
# @tanyaboyd, "mayor hendry" for @MayorHendry): shorter pairs ("ben wu", "dry fork") are
# in too many handles by chance.
MIN_SPELLED = 8
MIN_SPELLED_WORD = 3


class _Fits:
    """A name's `name_keys` and, rule by rule, the handles that fit it among the first
    `tested` handles added."""

    __slots__ = ("found", "keys", "tested")

    def __init__(self, keys: list[tuple[str, Fit]], found: list[set[str]]) -> None:
        self.keys = keys
        self.found = found
        self.tested = 0


class HandleIndex:
    """Attacked handles and their letters. `generation` changes with every new handle, so
    a caller may keep an answer of `handle_for` until it does."""

    def __init__(self) -> None:
        self._letters: dict[str, tuple[str, str]] = {}  # lower-case -> (as shown, letters)
        self._pieces: dict[str, set[str]] = {}  # MIN_SPELLED letters or more -> as shown
        self._added: list[tuple[str, str]] = []  # (as shown, letters), in the order added
        self._fits: dict[str, _Fits] = {}  # name -> what handle_for has found for it so far
        self.generation = 0

    def __contains__(self, handle: str) -> bool:
        return handle in self._letters or handle.lower() in self._letters

    def add(self, handle: str) -> bool:
        """Remember an attacked account ("@nkhalil_ledger", as displayed); False if it
        was known already or is not an account (a name, a group)."""
        key = handle.lower()
        if key in self._letters or not key.startswith(("@", "u/")):
            return False
        if len(self._letters) >= MAX_HANDLES:
            self._letters.clear()
            self._pieces.clear()
            self._added.clear()
            self._fits.clear()
        letters = handle_letters(key)
        self._letters[key] = (handle, letters)
        self._added.append((handle, letters))
        for start in range(len(letters) - MIN_SPELLED + 1):
            for end in range(start + MIN_SPELLED, len(letters) + 1):
                self._pieces.setdefault(letters[start:end], set()).add(handle)
        self.generation += 1
        return True

    def spelled_in(self, words: Sequence[str]) -> str | None:
        """The one handle that two adjacent words of a post (`spoken_words`) spell
        together, the way people type a person's name in lower case or with a title
        ("tanya boyd is a moron" -> @tanyaboyd, "creep energy from mayor hendry" ->
        @MayorHendry), else None. The classifier reads only capitalised names."""
        if not self._pieces:
            return None
        found: set[str] = set()
        for first, second in zip(words, words[1:], strict=False):
            if len(first) >= MIN_SPELLED_WORD and len(second) >= MIN_SPELLED_WORD:
                found |= self._pieces.get(first + second, set())
        return found.pop() if len(found) == 1 else None

    def handle_for(self, name: str) -> str | None:
        """The one attacked handle that `name` ("Nadia Khalil") fits, else None.

        Asked again after more handles were added, it tests only those: on a big day a
        name is looked up each time the index grows, and the index holds thousands."""
        if len(self._fits) >= MAX_NAMES:
            self._fits.clear()
        known = self._fits.get(name)
        if known is None:
            keys = name_keys(name)
            known = self._fits[name] = _Fits(keys, [set() for _ in keys])
        for shown, letters in self._added[known.tested:]:
            for (key, fits), found in zip(known.keys, known.found, strict=True):
                if fits(letters, key):
                    found.add(shown)
        known.tested = len(self._added)
        for found in known.found:
            if found:  # the first rule that fits any: one person's account(s), else none
                return self._one_person(found)
        return None

    def _one_person(self, found: set[str]) -> str | None:
        """The account among `found` added first, if all spell alike in SAME_PERSON_LETTERS
        letters or more: one person's accounts on several platforms (@GailOstrander,
        @gailostrander.bsky.social); else None, two people."""
        if len(found) == 1:
            return next(iter(found))
        if not one_person({self._letters[handle.lower()][1] for handle in found}, len(found)):
            return None
        return next(shown for shown, _ in self._added if shown in found)


def one_person(spellings: set[str], accounts: int) -> bool:
    """Whether `accounts` handles whose letters are `spellings` are one person's: one
    account, or several spelled alike in SAME_PERSON_LETTERS letters or more."""
    return accounts == 1 or (len(spellings) == 1
                             and len(next(iter(spellings))) >= SAME_PERSON_LETTERS)


class PostingAccounts:
    """The accounts that posted, for a name insulted by no handle: "Ray Lindgren" in a
    Reddit thread about him is @RayLindgren58 when that account posted today, though no one
    tagged it. Asked only when a pile-on by name is about to be reported (rarely), so
    remembering costs one set lookup a post and the letters are read when first asked."""

    __slots__ = ("_letters", "_shown", "seen")

    def __init__(self) -> None:
        self.seen: set[str] = set()  # every account remembered, as written (kept, not rebound)
        self._shown: list[str] = []  # as first written, in the order first seen
        self._letters: list[str] = []  # handle_letters of _shown[:len(_letters)]

    def add(self, author: str) -> None:
        """Remember an account that posted."""
        if author not in self.seen:
            if len(self.seen) >= MAX_POSTERS:
                self.seen.clear()
                self._shown.clear()
                self._letters.clear()
            self.seen.add(author)
            self._shown.append(author)

    def account_for(self, name: str, prefer: Callable[[str], bool] = bool) -> str | None:
        """The account of the one person whose handle spells `name` ("Ray Lindgren")
        by the first of POSTER_RULES any posting account fits (a title and a last name,
        "Commissioner Brandvold", by the last name), else None. The accounts
        one person holds on several platforms (@gailostrander, @gailostrander.bsky.social)
        spell it alike (SAME_PERSON_LETTERS or more) and count once: the first seen
        that `prefer` likes is taken (the detector prefers one insulted before), else
        the first seen."""
        letters = self._letters
        for author in self._shown[len(letters):]:
            letters.append(handle_letters(author))
        words = name.split()
        titled = len(words) == 2 and words[0].lower() in TITLES
        keys = name_keys(name, 3, start=2) if titled else name_keys(name, POSTER_RULES)
        for key, fits in keys:  # the last name alone (rule 3) for a title
            found = [i for i, own in enumerate(letters) if fits(own, key)]
            if not found:
                continue
            if not one_person({letters[i] for i in found}, len(found)):
                return None  # two people fit: neither
            shown = [self._shown[i] for i in found]
            return next((handle for handle in shown if prefer(handle)), shown[0])
        return None


class SpokenNames:
    """Whom an attack means when it writes a person's full name the way people type it:
    "cody vance is a liar", "CODY VANCE IS A COWARD", "gabe nunez". The classifier reads a
    name only when it is capitalised ("Cody Vance"); the rest it leaves without a target,
    and in a pile-on on a staffer or a volunteer that is many of the posts. Every name the
    classifier did read teaches whom it meant (`learn`); an attack with no target is then
    looked up (`find`), and so is a surname of MIN_SURNAME letters or more on its own
    (`find_named`: "Oyelaran is a bitter empty suit"). The detector gives neither to a
    busy target: a candidate's name is in half the day's posts, cheers misread included.
    A name two people share, or a post naming two people, means neither; a surname
    means the person read with it far more often than anyone else (`_surname_means`)."""

    def __init__(self) -> None:
        self._full: dict[tuple[str, str], tuple[str, str] | None] = {}
        self._surnames: dict[str, tuple[str, str] | None] = {}  # see find_named
        self._read_with: dict[str, dict[tuple[str, str], int]] = {}  # surname -> names' reads

    def learn(self, name: str, key: str, shown: str) -> None:
        """`name` ("Cody Vance") means the target `key` (shown as `shown`)."""
        words = spoken_words(name)
        if len(words) < 2:
            return
        if len(self._full) >= MAX_NAMES:
            self._full.clear()
            self._surnames.clear()
            self._read_with.clear()
        who = (key, shown)
        full = (words[-2], words[-1])
        self._full[full] = who if self._full.get(full, who) == who else None
        if len(words[-1]) >= MIN_SURNAME and words[-1] not in NOT_SURNAMES:
            reads = self._read_with.setdefault(words[-1], {})
            reads[full] = reads.get(full, 0) + 1
            self._surnames[words[-1]] = self._surname_means(reads)

    def _surname_means(self, reads: dict[tuple[str, str], int]) -> tuple[str, str] | None:
        """Whom a surname alone means: the person read with it SURNAME_DOMINANCE times
        as often as anyone else, else no one. The classifier misreads a word before a
        surname as a first name now and then ("Honestly Sullivan", "Lmao Sullivan" in a
        pile-on on Dana Sullivan, read a hundred times): one such read must not make
        "sullivan" mean no one (third seed 5015, where the replies to whoever shared her
        clip then made a pile-on on the sharer); two people read alike with one surname
        still make it mean neither."""
        totals: dict[tuple[str, str], int] = {}
        for full, count in reads.items():  # a name meaning two people counts on its own
            group = self._full.get(full) or ("", " ".join(full))  # keys are never ""
            totals[group] = totals.get(group, 0) + count
        (best, count), *rest = sorted(totals.items(), key=lambda item: -item[1])
        if rest and count < SURNAME_DOMINANCE * rest[0][1]:
            return None
        return best if best[0] else None

    def find(self, words: Sequence[str]) -> tuple[str, str] | None:
        """(key, shown) of the one learned person whose full name a post's words
        (`spoken_words`) hold, else None."""
        if not self._full:
            return None
        found = {self._full.get(pair) for pair in zip(words, words[1:], strict=False)}
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    def find_named(self, words: Sequence[str]) -> tuple[str, str] | None:
        """(key, shown) of the one learned person a post's words name, by full name or,
        unlike `find`, by surname alone ("what a petty nutjob Sullivan is"): asked of an
        attack with no target, and of a reply that does not address its reader (whose
        subject then is not the account replied to). None if no one, or more than one,
        is named."""
        found = self.find(words)
        if found is not None or not self._surnames:
            return found
        named = {self._surnames.get(word) for word in words if len(word) >= MIN_SURNAME}
        named.discard(None)
        return named.pop() if len(named) == 1 else None


def names_account(text: str, handle: str) -> bool:
    """Whether `text` holds a word of MIN_SURNAME letters or more that `handle` spells
    ("Fiske should be fired" and @LenaFiskeChecks), links aside (a link to the account's
    post spells it too)."""
    letters = handle_letters(handle.lower())
    return any(len(word) >= MIN_SURNAME and word.replace("-", "").replace("'", "") in letters
               for word in spoken_words(_LINK.sub(" ", text)))


def spoken_words(text: str) -> list[str]:
    """A post's words as SpokenNames and HandleIndex.spelled_in read them: lower case,
    without accents or apostrophes' tails ("O'Brien's" -> "o'brien")."""
    if text.isascii():  # most posts: no accents to fold, and 15x quicker than plain()
        return [w.lower().removesuffix("'s") for w in _SPOKEN_WORD.findall(text)]
    return [plain(w).removesuffix("'s").removesuffix("’s")
            for w in _SPOKEN_WORD.findall(text)]
