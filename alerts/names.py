"""Which attacked account a bare name means: "Nadia Khalil" -> @nkhalil_ledger.

The classifier names a person insulted by name only as `name:Nadia Khalil` when no alias is
configured for them (reporters, volunteers, staff are rarely in config.yaml). Handles are
mostly built from their owner's name, so once an account has been attacked by handle (a
few times: see the detector's LINKABLE_ATTACKS), a name is taken to mean it when the
handle's letters hold first and last name ("rachelkim", "cllr_benwu") or begin with
initial and last name ("nkhalil_ledger"), or failing those, hold a last name of at least
five letters ("SheriffHalvorsen" for "Alan Halvorsen") or are the first name alone
("@ines@twincities.social" for "Ines Carvalho"), or failing all those, hold a first name
of at least four letters ("@cactuskate_" for "Kate Lindqvist", "u/dry_fork_dusty" for
"Dusty Kovac", "@MarisolForAZ10"): insults by name and by reply then add up to one
pile-on. (The last rule once cost false alarms, when the classifier read praise that
named a candidate as an attack; with names masked in its input it no longer does.)
Accents do not count ("Nuñez" fits "nunez"). Only the handle's own part counts, not its
server or domain ("@ines@twincities.social" is "ines", "dstahl.bsky.social" is "dstahl",
Reddit's "u/dry_fork_dusty" is "dry_fork_dusty"). A name that fits two attacked handles
at the first rule that fits any, or none, stays a target of its own.
"""

from __future__ import annotations

import re
import unicodedata

from storage.handles import bare_handle

__all__ = ["HandleIndex", "SpokenNames"]

MIN_KEY = 5  # "bwu" would fit far too many handles
MAX_HANDLES = 20_000  # a stream of one-off targets: start afresh
_NOT_LETTERS = re.compile(r"[^a-z0-9]")
_SPOKEN_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
MAX_NAMES = 50_000  # full names remembered by SpokenNames before it starts afresh


class HandleIndex:
    """Attacked handles and their letters. `generation` changes with every new handle, so
    a caller may keep an answer of `handle_for` until it does."""

    def __init__(self) -> None:
        self._letters: dict[str, tuple[str, str]] = {}  # lower-case -> (as shown, letters)
        self.generation = 0

    def __contains__(self, handle: str) -> bool:
        return handle in self._letters or handle.lower() in self._letters

    def add(self, handle: str) -> None:
        """Remember an attacked account ("@nkhalil_ledger", as displayed)."""
        key = handle.lower()
        if key in self._letters or not key.startswith(("@", "u/")):
            return
        if len(self._letters) >= MAX_HANDLES:
            self._letters.clear()
        self._letters[key] = (handle, _NOT_LETTERS.sub("", _local_part(key)))
        self.generation += 1

    def handle_for(self, name: str) -> str | None:
        """The one attacked handle that `name` ("Nadia Khalil") fits, else None."""
        words = [w for w in (_NOT_LETTERS.sub("", _plain(w)) for w in name.split()) if w]
        if len(words) < 2:
            return None
        first, last = words[0], words[-1]
        rules = ((first + last, str.__contains__, MIN_KEY),
                 (first[0] + last, str.startswith, MIN_KEY),
                 (last, str.__contains__, MIN_KEY),
                 (first, str.__eq__, MIN_KEY - 1),  # the whole handle: "ines" is enough
                 (first, str.__contains__, MIN_KEY - 1))  # "@cactuskate_" for Kate
        for key, fits, shortest in rules:
            if len(key) < shortest:
                continue
            found = {shown for shown, letters in self._letters.values() if fits(letters, key)}
            if len(found) == 1:
                return found.pop()
            if found:
                return None  # two accounts fit: neither is safe to name
        return None


def _plain(word: str) -> str:
    """Lower-case letters without accents: "Nuñez" -> "nunez", as handles spell it."""
    folded = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in folded if not unicodedata.combining(c))


def _local_part(handle: str) -> str:
    """The account's own part of a handle: "@ines@twincities.social" -> "ines",
    "@dstahl.bsky.social" -> "dstahl", "@rachelkim_news" -> "rachelkim_news",
    "u/dry_fork_dusty" -> "dry_fork_dusty"."""
    name = bare_handle(handle).split("@", 1)[0]
    return name.split(".", 1)[0]


class SpokenNames:
    """Whom an attack means when it writes a person's full name the way people type it:
    "cody vance is a liar", "CODY VANCE IS A COWARD", "gabe nunez". The classifier reads a
    name only when it is capitalised ("Cody Vance"); the rest it leaves without a target,
    and in a pile-on on a staffer or a volunteer that is many of the posts. Every name the
    classifier did read teaches whom it meant (`learn`); an attack with no target is then
    looked up (`find`). Surnames alone are not looked up: a candidate's surname is in
    half the day's posts, and a nickname read as a name ("Wacky Walt") would make "walt"
    a person. A name two people share, or a post naming two people, means neither."""

    def __init__(self) -> None:
        self._full: dict[tuple[str, str], tuple[str, str] | None] = {}

    def learn(self, name: str, key: str, shown: str) -> None:
        """`name` ("Cody Vance") means the target `key` (shown as `shown`)."""
        words = _spoken_words(name)
        if len(words) < 2:
            return
        if len(self._full) >= MAX_NAMES:
            self._full.clear()
        who = (key, shown)
        full = (words[-2], words[-1])
        self._full[full] = who if self._full.get(full, who) == who else None

    def find(self, text: str) -> tuple[str, str] | None:
        """(key, shown) of the one learned person whose full name the text holds, else
        None."""
        if not self._full:
            return None
        words = _spoken_words(text)
        found = {self._full.get(pair) for pair in zip(words, words[1:], strict=False)}
        found.discard(None)
        return found.pop() if len(found) == 1 else None


def _spoken_words(text: str) -> list[str]:
    """Lower-case words without accents or apostrophes' tails: "O'Brien's" -> "o'brien"."""
    return [_plain(w).removesuffix("'s").removesuffix("’s")
            for w in _SPOKEN_WORD.findall(text)]
