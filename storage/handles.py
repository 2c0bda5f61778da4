"""How an account is written: "@name" on X, Bluesky and Mastodon, "u/name" on Reddit.

The collectors write handles this way. A handle from a file, a config or a classifier may
come without its "@", so whatever compares handles passes them through `account_handle`
first; a Reddit user stays "u/name" (never "@u/name", which matches no author).

Handles are mostly built from their owner's name, so `name_keys` and `name_fits` say when
"Nadia Khalil" may be @nkhalil_ledger: the classifier asks whether a name in a reply is
the account replied to, and the detector which attacked account a bare name means.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = ["Fit", "account_handle", "bare_handle", "handle_letters", "linked_posts",
           "name_fits", "name_keys", "plain"]

_REDDIT = re.compile(r"/?u/(?=\w)", re.IGNORECASE)
_POST_LINK = re.compile(
    r"(?:twitter\.com|x\.com)/(\w{1,15})/status/(\d+)"
    r"|bsky\.app/profile/([\w.-]+)/post/(\w*)"
    r"|https?://([\w-]+(?:\.[\w-]+)+)/@(\w+)/(\d{6,})",  # a Mastodon status: @user@server
    re.IGNORECASE,
)


def account_handle(name: str) -> str:
    """ "lena" -> "@lena"; "@lena" and "@lena@social.example" as they are; "u/lena" and
    "/u/lena" -> "u/lena"."""
    name = name.strip()
    if name.startswith("@"):
        return name
    prefix = _REDDIT.match(name)
    if prefix:
        return "u/" + name[prefix.end():]
    return "@" + name


def linked_posts(text: str) -> list[tuple[str, str]]:
    """(author handle, post id) of each post `text` links: x.com/NAME/status/ID,
    bsky.app/profile/NAME/post/RKEY, SERVER/@NAME/ID on Mastodon (six digits or more, so a
    blog's /@name/slug is not a post)."""
    return [(f"@{x}", xid) if x else (f"@{b}", rkey) if b else (f"@{user}@{server}", mid)
            for x, xid, b, rkey, server, user, mid in _POST_LINK.findall(text)]


def bare_handle(handle: str) -> str:
    """The handle without its "@" or "u/": what an alias table is keyed by."""
    handle = account_handle(handle)
    return handle[2:] if handle.startswith("u/") else handle[1:]


# --- which handle a person's name fits ------------------------------------------------------

MIN_KEY = 5  # "bwu" would fit far too many handles
_NOT_LETTERS = re.compile(r"[^a-z0-9]")
Fit = Callable[[str, str], bool]  # (handle's letters, key) -> fits


def plain(word: str) -> str:
    """Lower-case letters without accents: "Nuñez" -> "nunez", as handles spell it."""
    folded = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in folded if not unicodedata.combining(c))


def handle_letters(handle: str) -> str:
    """The letters and digits of the account's own part of a handle, lower-case:
    "@ines@twincities.social" -> "ines", "@dstahl.bsky.social" -> "dstahl",
    "@rachelkim_news" -> "rachelkimnews", "u/dry_fork_dusty" -> "dryforkdusty"."""
    own = bare_handle(handle).lower().split("@", 1)[0].split(".", 1)[0]
    return _NOT_LETTERS.sub("", own)


def name_keys(name: str, rules: int = 5, start: int = 0) -> list[tuple[str, Fit]]:
    """How a handle may hold `name` ("Nadia Khalil"), most telling first: first and last
    name ("rachelkim", "cllr_benwu"), initial and last name at the start
    ("nkhalil_ledger"), a last name of five letters or more ("SheriffHalvorsen"), the
    first name as the whole handle ("ines"), a first name of four letters or more
    ("cactuskate_"); only rules `start` to `rules` - 1 of these five (counted before
    keys too short are dropped). [] for a single word."""
    words = [w for w in (_NOT_LETTERS.sub("", plain(w)) for w in name.split()) if w]
    if len(words) < 2:
        return []
    first, last = words[0], words[-1]
    keys: list[tuple[str, Fit, int]] = [
        (first + last, str.__contains__, MIN_KEY),
        (first[0] + last, str.startswith, MIN_KEY),
        (last, str.__contains__, MIN_KEY),
        (first, str.__eq__, MIN_KEY - 1),  # the whole handle: "ines" is enough
        (first, str.__contains__, MIN_KEY - 1),  # "@cactuskate_" for Kate
    ]
    return [(key, fits) for key, fits, shortest in keys[start:rules] if len(key) >= shortest]


def name_fits(name: str, handle: str) -> bool:
    """Whether `handle` could be the account of the person called `name`."""
    letters = handle_letters(handle)
    return any(fits(letters, key) for key, fits in name_keys(name))
