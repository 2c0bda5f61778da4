"""Keyed pseudonyms for shared exports: the same handle or id always maps to the same
token under one key, and cannot be reversed or recomputed without the key.

HMAC-SHA256 over a kind and the normalised value ('@Dana' and 'dana' are one account).
Handles inside post text (@name, @name@instance, @name.bsky.social) are replaced too.
The key is passed in by the caller (civmon.export reads it from CIVMON_PSEUDONYM_KEY).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from functools import lru_cache

_MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_])?"
                      r"(?:@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)?)")


class Pseudonymizer:
    """Replace handles and ids with keyed hashes."""

    def __init__(self, key: bytes) -> None:
        if not key:
            raise ValueError("a pseudonym key must not be empty")
        self._key = key
        self.handle = lru_cache(maxsize=200_000)(self._handle)  # type: ignore[method-assign]
        self.ident = lru_cache(maxsize=200_000)(self._ident)  # type: ignore[method-assign]

    def _digest(self, kind: str, value: str, length: int) -> str:
        mac = hmac.new(self._key, f"{kind}:{value}".encode(), hashlib.sha256)
        return mac.hexdigest()[:length]

    def _handle(self, handle: str) -> str:
        """'@Someone' -> '@u_<16 hex>'; a leading '@' is kept if there was one."""
        bare = handle.strip().lstrip("@").lower()
        token = "u_" + self._digest("handle", bare, 16)
        return "@" + token if handle.startswith("@") else token

    def _ident(self, value: str) -> str:
        """A post, author or conversation id -> 'id_<20 hex>' (same id, same token)."""
        return "id_" + self._digest("id", value, 20)

    def maybe_handle(self, handle: str | None) -> str | None:
        return None if handle is None else self.handle(handle)

    def maybe_ident(self, value: str | None) -> str | None:
        return None if value is None else self.ident(value)

    def text(self, text: str) -> str:
        """Every @handle in the text replaced by its pseudonym."""
        if "@" not in text:
            return text
        return _MENTION.sub(lambda m: self.handle("@" + m.group(1)), text)
