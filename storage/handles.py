"""How an account is written: "@name" on X, Bluesky and Mastodon, "u/name" on Reddit.

The collectors write handles this way. A handle from a file, a config or a classifier may
come without its "@", so whatever compares handles passes them through `account_handle`
first; a Reddit user stays "u/name" (never "@u/name", which matches no author).
"""

from __future__ import annotations

import re

__all__ = ["account_handle", "bare_handle"]

_REDDIT = re.compile(r"/?u/(?=\w)", re.IGNORECASE)


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


def bare_handle(handle: str) -> str:
    """The handle without its "@" or "u/": what an alias table is keyed by."""
    handle = account_handle(handle)
    return handle[2:] if handle.startswith("u/") else handle[1:]
