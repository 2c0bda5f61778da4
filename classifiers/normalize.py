"""One text normalisation, used both when training and when predicting.

Why: real platform text carries noise the model should not learn names from. Handles
become `@USER` (so the model learns the kind of sentence, not who is in it; runs of
leading handles collapse to one), links become `URL` (OLID's convention), retweet
prefixes go, HTML entities are decoded, long character runs shrink ("sooooo" -> "sooo"),
and emoji that carry tone become words, since the MiniLM vocabulary maps every emoji to
[UNK] ("🤡" -> "clown").
"""

from __future__ import annotations

import html
import re

_RT = re.compile(r"^\s*RT\s+@[\w.\-]+\s*:?\s*", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S*|\bhtt\S*…", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_][A-Za-z0-9_.\-]*(?:@[A-Za-z0-9.\-]+)?")
_USER_RUN = re.compile(r"(?:@USER\s*){2,}")
_URL_RUN = re.compile(r"(?:URL\s*){2,}")
_REPEAT = re.compile(r"(.)\1{3,}")
_SPACE = re.compile(r"\s+")
_VARIATION = re.compile("[\ufe0f\u200d]")

EMOJI_WORDS: dict[str, str] = {
    "🤡": "clown",
    "🐍": "snake",
    "🐀": "rat",
    "💩": "crap",
    "🤮": "vomit",
    "🤢": "sick",
    "🖕": "middle finger",
    "😂": "lol",
    "🤣": "lol",
    "😆": "lol",
    "🙄": "eye roll",
    "💙": "heart",
    "❤": "heart",
    "💖": "heart",
    "💕": "heart",
    "🥰": "love",
    "😍": "love",
    "🔥": "fire",
    "👏": "clap",
    "🇺🇸": "flag",
    "💯": "hundred",
    "🙏": "thank you",
    "😡": "angry",
    "🤬": "furious",
    "😠": "angry",
    "🤦": "facepalm",
    "🤔": "hmm",
    "👍": "thumbs up",
    "👎": "thumbs down",
    "🎉": "celebrate",
    "🥳": "celebrate",
    "✅": "check",
    "🗳": "vote",
    "🐑": "sheep",
    "🐖": "pig",
    "🐷": "pig",
    "🤥": "liar",
    "🧠": "brain",
    "👀": "eyes",
    "😭": "crying",
    "💀": "dead",
    "🙃": "sure",
    "😬": "yikes",
    "🥱": "boring",
    "💅": "sassy",
    "🐓": "chicken",
    "🐔": "chicken",
    "🦃": "turkey",
    "🗑": "trash",
    "🚮": "trash",
    "🍿": "popcorn",
    "🤷": "shrug",
    "😎": "cool",
    "💪": "strong",
    "✊": "solidarity",
    "📢": "announce",
    "📍": "at",
    "🚨": "alert",
    "⬇": "down",
    "👉": "see",
    "🤝": "deal",
    "😊": "smile",
    "🙂": "smile",
    "😁": "grin",
    "😉": "wink",
    "😘": "kiss",
    "🥴": "woozy",
    "🤪": "crazy",
    "😴": "sleepy",
    "🤓": "nerd",
    "👶": "baby",
    "🍼": "baby bottle",
    "🧂": "salty",
    "😤": "huff",
}
_EMOJI = re.compile("|".join(re.escape(e) for e in sorted(EMOJI_WORDS, key=len, reverse=True)))


def normalize(text: str) -> str:
    """The model's view of a post. Pure and cheap: runs on every post, train and predict."""
    text = text or ""
    if "&" in text:
        text = html.unescape(text)
    text = _RT.sub("", text)
    text = _URL.sub(" URL ", text)
    text = _HANDLE.sub(" @USER ", text)
    if not text.isascii():  # most posts are plain ASCII; skip the emoji passes for them
        text = _VARIATION.sub("", text)
        text = _EMOJI.sub(lambda m: f" {EMOJI_WORDS[m.group(0)]} ", text)
    text = _REPEAT.sub(r"\1\1\1", text)
    text = _SPACE.sub(" ", text).strip()
    text = _USER_RUN.sub("@USER ", text)
    text = _URL_RUN.sub("URL ", text)
    return text.strip()


def dedupe_key(text: str) -> str:
    """A coarse key under which near-identical posts collide (case, punctuation, handles,
    links and spacing ignored), so that copies cannot sit on both sides of a split."""
    key = normalize(text).lower()
    key = re.sub(r"@user|url", " ", key)
    key = re.sub(r"[^\w\s]", "", key)
    return _SPACE.sub(" ", key).strip()
