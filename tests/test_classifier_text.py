"""Normalisation, targets, attack sentences and the label decision: pure functions."""

from __future__ import annotations

import pytest

from classifiers.normalize import dedupe_key, normalize
from classifiers.predict import decide
from classifiers.targets import attack_sentence, find_group, find_target, split_sentences

ALIASES = {
    "whitfield": "@DanaWhitfield",
    "dana whitfield": "@DanaWhitfield",
    "hale": "@MarcusHaleForGov",
}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "RT @someone: @DanaWhitfield you absolute 🤡 https://t.co/abc",
            "@USER you absolute clown URL",
        ),
        ("@a @b @c thanks!!!!!!", "@USER thanks!!!"),
        ("Fees &amp; taxes   up\n\nagain", "Fees & taxes up again"),
        ("truncated tweet htt…", "truncated tweet URL"),
        ("@user@mastodon.social soooooo bad", "@USER sooo bad"),
    ],
)
def test_normalize_masks_handles_links_and_noise(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Wade Brannigan took questions for an hour. that's leadership",
            "@USER took questions for an hour. that's leadership",
        ),
        ("Mayor Ben Wu is a liar", "Mayor @USER is a liar"),
        ("Gabe Nuñez and Dana Whitfield both lied", "@USER and @USER both lied"),
        ("Ask Dana Whitfield why", "Ask @USER why"),
        ("Jorge Medina's reporting is garbage", "@USER 's reporting is garbage"),
        # places, bodies, days and openers are not people
        ("See you at Calder County Hall on Monday", "See you at Calder County Hall on Monday"),
        ("Thank You so much", "Thank You so much"),
    ],
)
def test_normalize_masks_peoples_full_names_like_handles(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_names_are_kept_for_older_models_and_in_the_dedupe_key() -> None:
    text = "Wade Brannigan took questions"
    assert normalize(text, mask_names=False) == text
    # two posts about two people are two posts, and the splits stay as they were
    assert dedupe_key("Dana Whitfield is a fraud") != dedupe_key("Marcus Hale is a fraud")


def test_normalize_is_idempotent_and_dedupe_key_ignores_surface() -> None:
    text = "RT @x: @DanaWhitfield WOW... see https://x.co/1 🤡"
    assert normalize(normalize(text)) == normalize(text)
    assert dedupe_key("Clown.") == dedupe_key("@Hale clown")
    assert dedupe_key("clown") != dedupe_key("ok")


def test_target_order_reply_then_mention_then_alias() -> None:
    text = "@MarcusHaleForGov @DanaWhitfield what a fraud"
    assert find_target(text, author="@voter1", reply_to="@DanaWhitfield").value == "@DanaWhitfield"
    first = find_target(text, author="@MarcusHaleForGov")
    assert (first.value, first.kind) == ("@DanaWhitfield", "account")
    assert find_target("Whitfield is a fraud", aliases=ALIASES).value == "@DanaWhitfield"
    assert find_target("Dana Whitfield is a fraud", aliases=ALIASES).kind == "alias"
    assert find_target("what a fraud", aliases=ALIASES) is None


@pytest.mark.parametrize(
    ("text", "reply_to", "target"),
    [
        # attackers answering each other about their victim: the victim is the target
        ("@joe_r @CodyVanceAZ is a pathological liar", "@joe_r", "@CodyVanceAZ"),
        ("@joe_r @CodyVanceAZ's whole career is a con", "@joe_r", "@CodyVanceAZ"),
        ("u/dry_fork_dusty is bought and paid for", "u/old_joe", "u/dry_fork_dusty"),
        ("@teacherold Cody Vance is a spineless puppet", "@teacherold", "name:Cody Vance"),
        ("lol this. Lorna Fitch is too stupid for words", "@chuyagave", "name:Lorna Fitch"),
        # a reply that opens with someone else as its subject is about them, whatever
        # "you" comes later
        ("Dana Sullivan is the snake we all warned you about", "@realAndreN", "name:Dana Sullivan"),
        ("@joe_r @CodyVanceAZ is a liar and you know it", "@joe_r", "@CodyVanceAZ"),
        # the reply speaks to its reader
        ("@joe_r you and @CodyVanceAZ are both frauds", "@joe_r", "@joe_r"),
        ("@joe_r ur as dumb as Cody Vance", "@joe_r", "@joe_r"),
        # the handles a reply opens with are its addressees, not what it is about
        ("@joe_r @CodyVanceAZ what a clown", "@joe_r", "@joe_r"),
        # the name is the account replied to's own
        ("@JOyelaran Janet Oyelaran is a disgrace", "@JOyelaran", "@JOyelaran"),
        ("Dusty Kovac is a sleazebag", "u/dry_fork_dusty", "u/dry_fork_dusty"),
    ],
)
def test_a_reply_about_someone_else_targets_them(text: str, reply_to: str, target: str) -> None:
    assert find_target(text, author="@attacker", reply_to=reply_to).value == target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # spoken of, not to, and not named: not the account that shared the clip
        ("this woman is the worst moderator this city has ever seen", None),
        ("THIS LADY GIVES CREEPY WEASEL ENERGY", None),
        ("this woman Dana Whitfield is a liar", "name:Dana Whitfield"),
        # one word names whom it speaks of: not the addressee, unless the handle spells it
        ("Petrov is a moron. that's the post", None),
        ("Wow. Fairbanks is two-faced and sniveling", None),
        ("MARISOL IS A CREEP #WaterIsLife", None),
        ("Nobody is buying this", "@sharer"),
        ("Sharer is a clown", "@sharer"),
        # spoken to: the account replied to
        ("this guy again? you are a clown", "@sharer"),
        ("the audacity of this clown", "@sharer"),
    ],
)
def test_a_reply_about_an_unnamed_person_is_not_about_its_addressee(
    text: str, target: str | None
) -> None:
    found = find_target(text, author="@attacker", reply_to="@sharer")
    assert (found.value if found else None) == target


def test_a_reply_about_an_unnamed_person_is_not_about_the_account_it_mentions_to_answer() -> None:
    # an X reply opens with, and mentions, the account it answers: still not its subject
    found = find_target("@sharer this woman is the worst moderator", author="@attacker",
                        reply_to="@sharer", mentions=["@sharer"])
    assert found is None
    found = find_target("@sharer this woman is a liar, ask @ana", author="@attacker",
                        reply_to="@sharer", mentions=["@sharer", "@ana"])
    assert found is not None and found.value == "@ana"
    # spoken to: still the account answered, mentioned or not
    found = find_target("@sharer this guy again? you are a clown", author="@attacker",
                        reply_to="@sharer", mentions=["@sharer"])
    assert found is not None and found.value == "@sharer"


def test_reply_to_self_is_skipped_and_mentions_list_wins_over_text() -> None:
    found = find_target("lol", author="@me", reply_to="@me", mentions=["@me", "@them"])
    assert found.value == "@them"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Hale voters are inbred morons", "hale voters"),
        ("her voters can't even read", "her voters"),
        ("Measure H supporters are all entitled", "measure h supporters"),
        ("@DanaWhitfield your staff are clowns", "your staff"),
        ("typical libs, crying again", "libs"),
    ],
)
def test_group_targets(text: str, group: str) -> None:
    assert find_group(text) == group
    assert find_target(text, reply_to="@DanaWhitfield").value == f"group:{group}"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the post opens by insulting a person; her fans come second
        ("@ines@twincities.social is a greasy little weasel and her fans are worse",
         "@ines@twincities.social"),
        ("@joe_r @HanaOkonjo's a weasel and her fans are worse", "@HanaOkonjo"),
        ("Ines Carvalho is a weasel and her fans are worse", "name:Ines Carvalho"),
        # the group is what the post is about
        ("@DanaWhitfield your staff are clowns", "group:your staff"),
        ("her fans are worse than @ines@twincities.social", "group:her fans"),
        ("ugh. her fans are worse", "group:her fans"),
    ],
)
def test_a_post_that_opens_by_insulting_a_person_targets_her_not_her_group(
    text: str, target: str
) -> None:
    assert find_target(text, author="@attacker").value == target


def test_no_group_for_incidental_members() -> None:
    assert find_group("Hale wants to hire 4 deputies in Dunmore") is None
    assert find_group("The voters will decide in November.") is None


def test_attack_sentence_picks_highest_scoring_sentence() -> None:
    text = "The levy raises $40M a year. Buses run every 10 minutes. Also Hale is a clown."
    assert split_sentences(text)[-1] == "Also Hale is a clown."
    picked = attack_sentence(text, lambda sents: [1.0 if "clown" in s else 0.0 for s in sents])
    assert picked == "Also Hale is a clown."
    assert attack_sentence("clown.", lambda s: [1.0]) is None


def test_decide_threshold() -> None:
    scores = {"attack": 0.45, "substantive": 0.35, "other": 0.20}
    assert decide(scores) == "attack"
    assert decide(scores, 0.5) == "substantive"
    assert decide({"attack": 0.6, "substantive": 0.1, "other": 0.3}, 0.5) == "attack"


def test_a_dotted_handle_is_one_target_without_the_sentence_full_stop() -> None:
    from classifiers.targets import find_target

    found = find_target("what a clown you are, @mike.bsky.social.", "bob", None, (), {})
    assert found is not None and found.value == "@mike.bsky.social"
