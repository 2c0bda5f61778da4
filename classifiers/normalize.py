"""One text normalisation, used both when training and when predicting.

Why: real platform text carries noise the model should not learn names from. Handles
become `@USER` (so the model learns the kind of sentence, not who is in it; runs of
leading handles collapse to one), and so do people's full names ("Wade Brannigan took
questions for an hour" is praise whoever took them: a model that saw the campaign's own
cast insulted by name learned names as a cue for attack), links become `URL` (OLID's
convention), retweet prefixes go, HTML entities are decoded, long character runs shrink
("sooooo" -> "sooo"), and emoji that carry tone become words, since the MiniLM
vocabulary maps every emoji to [UNK] ("🤡" -> "clown").
"""

from __future__ import annotations

import html
import re

from classifiers.names import name_spans

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


def normalize(text: str, *, mask_names: bool = True) -> str:
    """The model's view of a post. Pure and cheap: runs on every post, train and predict.
    `mask_names=False` is the view of models trained before names were masked (card
    format version 2 and older)."""
    text = text or ""
    if "&" in text:
        text = html.unescape(text)
    text = _RT.sub("", text)
    text = _URL.sub(" URL ", text)
    if mask_names:
        text = _mask_names(text)
    text = _HANDLE.sub(" @USER ", text)
    if not text.isascii():  # most posts are plain ASCII; skip the emoji passes for them
        text = _VARIATION.sub("", text)
        text = _EMOJI.sub(lambda m: f" {EMOJI_WORDS[m.group(0)]} ", text)
    text = _REPEAT.sub(r"\1\1\1", text)
    text = _SPACE.sub(" ", text).strip()
    text = _USER_RUN.sub("@USER ", text)
    text = _URL_RUN.sub("URL ", text)
    return text.strip()


def _mask_names(text: str) -> str:
    spans = list(name_spans(text))
    for start, end in reversed(spans):
        text = f"{text[:start]}@USER{text[end:]}"
    return text


def dedupe_key(text: str) -> str:
    """A coarse key under which near-identical posts collide (case, punctuation, handles,
    links and spacing ignored), so that copies cannot sit on both sides of a split. Names
    are kept: two posts about different people are two posts (and the splits stay as
    they were before names were masked)."""
    key = normalize(text, mask_names=False).lower()
    key = re.sub(r"@user|url", " ", key)
    key = re.sub(r"[^\w\s]", "", key)
    return _SPACE.sub(" ", key).strip()
