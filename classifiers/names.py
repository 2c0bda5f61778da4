"""People's full names in a post's text ("Nadia Khalil", "Gabe Nuñez").

Two jobs share one reading of what a name is: `find_name` gives the target of an attack
that names someone without tagging them, and `name_spans` lets the model's input hide
names as it hides handles (`classifiers.normalize`), so that the model judges the sentence
and not who is in it. A name here is two capitalised words that are not a title, a
sentence opener, a place or an institution.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # with Latin accents: Nuñez, Désirée, Müller
_WORD = rf"[{_UP}][{_LOW}]+(?:[-'’][{_UP}][{_LOW}]+)?"  # Soto, Smith-Jones, O'Brien (not Soto's)
_CAPITALISED_RUN = re.compile(rf"(?<![\w@#'’-]){_WORD}(?:[ \t]+{_WORD})+(?![\w-]|['’][A-Z])")
# Capitalised pairs that are not one person: sentence openers, titles, places, bodies, days.
_NOT_FIRST_NAMES = {
    "i", "you", "we", "he", "she", "they", "it", "me", "us", "him", "them", "love", "the",
    "this", "that", "these", "those", "imagine", "why", "how", "what", "when",
    "where", "who", "just", "happy", "good", "great", "big", "new", "old", "north", "south",
    "east", "west", "our", "my", "your", "his", "her", "their", "its", "dear", "hey", "hi",
    "mr", "mrs", "ms", "dr", "mayor", "governor", "senator", "councilmember", "rep",
    "representative", "president", "judge", "sheriff", "candidate", "prop", "measure",
    "vote", "election", "breaking", "live", "watch", "read", "update", "thank", "thanks",
    "god", "oh", "wow", "so", "not", "no", "yes", "all", "every", "if", "and", "but", "or",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
_NOT_LAST_NAMES = {
    "county", "city", "hall", "council", "court", "news", "times", "post", "day", "street",
    "party", "house", "senate", "office", "school", "schools", "board", "department",
    "police", "university", "college", "campaign", "committee", "district", "state",
    "valley", "park", "river", "lake", "center", "centre", "avenue", "road", "debate",
    "night", "morning", "tonight", "today", "tomorrow", "yesterday", "is", "was", "are",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}

_NAME_WORD = re.compile(_WORD)


def find_name(text: str) -> str | None:
    """The first person's full name in the text ("Nadia Khalil"), or None."""
    for start, end in name_spans(text):
        return text[start:end]
    return None


def name_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each full name in `text`: in each run of capitalised words, the
    last pair that is not a title, opener, place or institution ("Ask Dana Whitfield",
    "Mayor Ben Wu", "Dana Whitfield County Hall": a name ends a run, so the last pair
    is tried first)."""
    for run in _CAPITALISED_RUN.finditer(text):
        words = list(_NAME_WORD.finditer(text, run.start(), run.end()))
        for first, last in reversed(list(zip(words, words[1:], strict=False))):
            if (
                first.group().lower() not in _NOT_FIRST_NAMES
                and last.group().lower() not in _NOT_LAST_NAMES
            ):
                yield first.start(), last.end()
                break
