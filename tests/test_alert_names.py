"""A bare name means the attacked handle it fits, and only one."""

from __future__ import annotations

from alerts.names import HandleIndex, PostingAccounts, SpokenNames, names_account, spoken_words
from classifiers.targets import find_name, find_target


def test_a_name_fits_the_handle_its_letters_begin() -> None:
    index = HandleIndex()
    for handle in ["@nkhalil_ledger", "@AnaSoto_vol", "@rachelkim_news", "@voter123"]:
        index.add(handle)
    assert index.handle_for("Nadia Khalil") == "@nkhalil_ledger"  # initial + last name
    assert index.handle_for("Ana Soto") == "@AnaSoto_vol"  # first + last, case kept
    assert index.handle_for("Rachel Kim") == "@rachelkim_news"
    assert index.handle_for("Jorge Medina") is None  # not attacked by handle yet
    index.add("@cllr_benwu")
    assert index.handle_for("Ben Wu") == "@cllr_benwu"  # first + last inside the handle
    assert index.handle_for("Al Wu") is None  # "alwu", "awu": too short to tell
    assert index.handle_for("Soto") is None


def test_a_name_fits_by_last_name_or_a_first_name_handle_on_its_own_server() -> None:
    index = HandleIndex()
    for handle in ["@SheriffHalvorsen", "@ines@twincities.social", "@dstahl.bsky.social",
                   "@ines_fan99"]:
        index.add(handle)
    assert index.handle_for("Alan Halvorsen") == "@SheriffHalvorsen"  # the last name
    assert index.handle_for("Ines Carvalho") == "@ines@twincities.social"  # the whole handle
    assert index.handle_for("Dan Stahl") == "@dstahl.bsky.social"  # not "...bskysocial"
    assert index.handle_for("Twin Cities") is None  # a server is not its accounts' name
    assert index.handle_for("Social Media") is None
    index.add("@HalvorsenForSheriff")
    assert index.handle_for("Alan Halvorsen") is None  # two handles hold the last name


def test_a_name_fits_a_handle_holding_its_first_name_when_nothing_better_does() -> None:
    index = HandleIndex()
    for handle in ["@cactuskate_", "u/dry_fork_dusty", "@MarisolForAZ10", "@gabe_knocks"]:
        index.add(handle)
    assert index.handle_for("Kate Lindqvist") == "@cactuskate_"
    assert index.handle_for("Dusty Kovac") == "u/dry_fork_dusty"
    assert index.handle_for("Marisol Quintero") == "@MarisolForAZ10"
    assert index.handle_for("Gabe Nuñez") == "@gabe_knocks"
    assert index.handle_for("Al Kovac") is None  # "al" is in too many words to tell
    index.add("@katefan88")
    assert index.handle_for("Kate Lindqvist") is None  # two handles hold "kate"
    index.add("@DustyKovacAZ")  # asked again, only the new handle is tested: it fits better
    assert index.handle_for("Dusty Kovac") == "@DustyKovacAZ"


def test_a_name_that_fits_two_handles_fits_neither() -> None:
    index = HandleIndex()
    index.add("@AnaSoto_vol")
    index.add("@AnaSoto")  # the same letters begin both
    index.add("@anasoto_vol")  # the first one again, spelled otherwise: not a second
    assert index.handle_for("Ana Soto") is None
    other = HandleIndex()
    other.add("@AnaSoto_vol")
    other.add("@anasoto_vol")
    assert other.handle_for("Ana Soto") == "@AnaSoto_vol"


def test_one_persons_accounts_on_two_platforms_are_one_fit_not_two() -> None:
    # a candidate insulted by handle on X and on Bluesky: her name means the first linked
    index = HandleIndex()
    for handle in ["@gailostrander.bsky.social", "@GailOstrander", "@SenOstrander"]:
        index.add(handle)
    assert index.handle_for("Gail Ostrander") == "@gailostrander.bsky.social"
    index.add("@GailOstranderFan")  # someone else holds the whole name too
    assert index.handle_for("Gail Ostrander") is None
    # short handles spelled alike are two people: Theo on one server, Theo on another
    theos = HandleIndex()
    theos.add("@theo@carroway.social")
    theos.add("@theo@mastodon.social")
    assert theos.handle_for("Theo Cho") is None


def test_a_name_means_the_one_posting_account_that_spells_it() -> None:
    posting = PostingAccounts()
    for author in ["u/tylervang13", "@RayLindgren58", "@voter123", "u/mr_olufsen",
                   "@katefan88", "@gailostrander.bsky.social", "@GailOstrander"]:
        posting.add(author)
    posting.add("@RayLindgren58")  # posting again changes nothing
    assert posting.account_for("Ray Lindgren") == "@RayLindgren58"  # first and last name
    assert posting.account_for("Ray Lindgren") == "@RayLindgren58"
    assert posting.account_for("Derek Olufsen") is None  # a last name alone: a namesake?
    assert posting.account_for("Kate Lindqvist") is None  # a first name alone: never
    posting.add("@theo@carroway.social")
    assert posting.account_for("Theo Cho") is None  # not even the whole handle
    # a title and a last name: an official, whose handle holds the last name
    posting.add("@hollisbrandvold.bsky.social")
    assert posting.account_for("Commissioner Brandvold") == "@hollisbrandvold.bsky.social"
    assert posting.account_for("Hollis Brandvold") == "@hollisbrandvold.bsky.social"
    assert posting.account_for("Commissioner Medina") is None
    assert posting.account_for("Jorge Medina") is None  # never posted
    # one person's accounts: the first seen, unless the caller prefers another
    assert posting.account_for("Gail Ostrander") == "@gailostrander.bsky.social"
    assert posting.account_for("Gail Ostrander",
                               lambda handle: handle == "@GailOstrander") == "@GailOstrander"
    posting.add("@lindgren_farms")  # a namesake holds the last name only
    assert posting.account_for("Ray Lindgren") == "@RayLindgren58"
    posting.add("@RayLindgrenFan")
    assert posting.account_for("Ray Lindgren") is None  # two people hold the whole name


def test_find_name_takes_a_person_not_a_place_title_or_opener() -> None:
    assert find_name("I have never seen a bigger snake than Ana Soto.") == "Ana Soto"
    assert find_name("Mayor Ben Wu is a liar") == "Ben Wu"
    assert find_name("Ask Dana Whitfield why") == "Dana Whitfield"
    assert find_name("Jorge Medina's reporting is garbage") == "Jorge Medina"
    for text in ["Calder County is run by clowns", "The Governor is a clown",
                 "Happy Thanksgiving you clowns", "what a fraud", "#MarcusHale Is a joke"]:
        assert find_name(text) is None, text


def test_a_name_is_the_last_resort_target() -> None:
    aliases = {"whitfield": "@DanaWhitfield"}
    assert find_target("Nadia Khalil = coward.").value == "name:Nadia Khalil"
    assert find_target("you = coward.", reply_to="@x1").value == "@x1"
    assert find_target("Dana Whitfield = coward.", aliases=aliases).value == "@DanaWhitfield"


def test_reddit_and_mastodon_handles_are_targets_as_written() -> None:
    # "u/name" in a Reddit reply or its text is that user, not "@u/name"
    assert find_target("you clown", author="u/a", reply_to="u/dry_fork_dusty").value == (
        "u/dry_fork_dusty"
    )
    assert find_target("u/dry_fork_dusty is a clown", author="u/a").value == "u/dry_fork_dusty"
    # a Mastodon handle keeps its server, so it is the same account as the author field
    target = find_target("@theomarsh@journa.host you hack", author="@a")
    assert target.value == "@theomarsh@journa.host"
    assert find_target("mail me at bob@example.com, clown", author="@a") is None


def test_a_name_fits_a_reddit_handle() -> None:
    index = HandleIndex()
    index.add("u/dusty_kovac")
    assert index.handle_for("Dusty Kovac") == "u/dusty_kovac"


def test_names_with_accents_are_found_and_fit_handles_spelt_without() -> None:
    assert find_target("Gabe Nuñez is a total clown").value == "name:Gabe Nuñez"
    index = HandleIndex()
    for handle in ["@gabe_nunez", "@voter123"]:
        index.add(handle)
    assert index.handle_for("Gabe Nuñez") == "@gabe_nunez"


def test_an_alias_is_a_whole_name_not_the_start_of_a_longer_one() -> None:
    aliases = {"priya raman": "@PriyaRamanCM"}
    assert find_target("Priya Raman is a liar", aliases=aliases).value == "@PriyaRamanCM"
    assert find_target("Priya Raman's a liar", aliases=aliases).value == "@PriyaRamanCM"
    # another person: Priya Raman-Holt, named in full
    target = find_target("Priya Raman-Holt is a liar", aliases=aliases)
    assert target.value == "name:Priya Raman-Holt"


def test_a_name_as_people_type_it_means_the_person_the_classifier_read_it_as() -> None:
    spoken = SpokenNames()

    def find(text: str) -> tuple[str, str] | None:
        return spoken.find(spoken_words(text))

    assert find("cody vance is a liar") is None  # nobody learned yet
    spoken.learn("Cody Vance", "@codyvanceaz", "@CodyVanceAZ")
    spoken.learn("Priya Raman-Holt", "name:priya raman-holt", "name:Priya Raman-Holt")
    spoken.learn("Gabe Nuñez", "@gabe_knocks", "@gabe_knocks")
    cody = ("@codyvanceaz", "@CodyVanceAZ")
    assert find("cody vance is a liar") == cody  # lower case
    assert find("CODY VANCE IS A COWARD") == cody  # shouting
    assert find("cody vance's staff is a joke") == cody
    assert find("priya raman-holt = clown") == ("name:priya raman-holt", "name:Priya Raman-Holt")
    assert find("gabe nunez is a psycho") == ("@gabe_knocks", "@gabe_knocks")  # accents or not
    assert find("Vance is a smug idiot") is None  # a surname alone is not enough
    assert find("cody vance and gabe nuñez are both frauds") is None  # two: neither


def test_a_full_name_two_people_share_means_neither() -> None:
    spoken = SpokenNames()
    spoken.learn("Kate Lindqvist", "@cactuskate_", "@cactuskate_")
    spoken.learn("Kate Lindqvist", "@katelindqvist_mn", "@KateLindqvist_MN")
    spoken.learn("Ben Wu", "@cllr_benwu", "@cllr_benwu")
    assert spoken.find(spoken_words("kate lindqvist is a fraud")) is None
    assert spoken.find(spoken_words("ben wu is a fraud")) == ("@cllr_benwu", "@cllr_benwu")


def test_two_typed_words_that_spell_one_attacked_handle_mean_it() -> None:
    index = HandleIndex()
    for handle in ["@tanyaboyd.bsky.social", "@MayorHendry", "@cllr_benwu", "u/dry_fork_dusty"]:
        index.add(handle)

    def spelled(text: str) -> str | None:
        return index.spelled_in(spoken_words(text))

    assert spelled("tanya boyd is a moron") == "@tanyaboyd.bsky.social"
    assert spelled("TANYA BOYD IS A MORON") == "@tanyaboyd.bsky.social"
    assert spelled("absolute creep energy from mayor hendry") == "@MayorHendry"
    assert spelled("tanyaboyd is a moron") is None  # one word: not a name as typed
    assert spelled("ben wu is a fraud") is None  # "benwu": too short to tell from chance
    assert spelled("dry fork deserves better") is None  # "dryfork": too short as well
    assert spelled("tanya boyd and mayor hendry, both frauds") is None  # two: neither
    assert HandleIndex().spelled_in(spoken_words("tanya boyd is a moron")) is None


def test_a_surname_alone_means_the_one_person_read_with_it_but_a_title_never_does() -> None:
    # "Chris Oyelaran" read once: "Oyelaran is a bitter empty suit" means him. A name the
    # classifier misread ("Honestly Mayor") must not make every "mayor" in an insult
    # someone; a surname two people share, or one of four letters, means no one.
    names = SpokenNames()
    names.learn("Chris Oyelaran", "@chrisoyelaran", "@ChrisOyelaran")
    names.learn("Honestly Mayor", "name:honestly mayor", "name:Honestly Mayor")
    names.learn("Ben Wu", "name:ben wu", "name:Ben Wu")
    assert names.find_named(spoken_words("Oyelaran is a bitter empty suit")) == (
        "@chrisoyelaran", "@ChrisOyelaran")
    assert names.find(spoken_words("Oyelaran is a bitter empty suit")) is None
    assert names.find_named(spoken_words("the mayor is a clown")) is None
    assert names.find_named(spoken_words("Wu is a clown")) is None
    names.learn("Ada Oyelaran", "name:ada oyelaran", "name:Ada Oyelaran")
    assert names.find_named(spoken_words("oyelaran is a clown")) is None
    assert names.find_named(spoken_words("chris oyelaran is a clown")) == (
        "@chrisoyelaran", "@ChrisOyelaran")


def test_a_surname_means_the_person_read_with_it_far_more_than_a_misread_name() -> None:
    # The classifier read "Dana Sullivan" three times, and once "Honestly Sullivan" (a
    # word before her surname taken for a first name): "sullivan" alone is still hers
    # (third seed 5015, where it had come to mean no one). Two people read about as
    # often with one surname still make it mean neither.
    names = SpokenNames()
    dana = ("name:dana sullivan", "name:Dana Sullivan")
    for _ in range(3):
        names.learn("Dana Sullivan", *dana)
    names.learn("Honestly Sullivan", "name:honestly sullivan", "name:Honestly Sullivan")
    assert names.find_named(spoken_words("what a petty nutjob Sullivan is")) == dana
    names.learn("Honestly Sullivan", "name:honestly sullivan", "name:Honestly Sullivan")
    assert names.find_named(spoken_words("oh look, sullivan is unhinged")) is None  # 3 to 2
    for _ in range(3):
        names.learn("Dana Sullivan", *dana)
    assert names.find_named(spoken_words("oh look, sullivan is unhinged")) == dana
    for _ in range(3):
        names.learn("Mike Sullivan", "name:mike sullivan", "name:Mike Sullivan")
    assert names.find_named(spoken_words("oh look, sullivan is unhinged")) is None
    assert names.find_named(spoken_words("dana sullivan is unhinged")) == dana


def test_a_surname_that_is_an_everyday_word_of_insults_is_never_looked_up_alone() -> None:
    names = SpokenNames()
    names.learn("Emma Little", "name:emma little", "name:Emma Little")
    assert names.find_named(spoken_words("what a little weasel")) is None
    assert names.find_named(spoken_words("emma little is a weasel")) == (
        "name:emma little", "name:Emma Little")


def test_a_post_names_an_account_by_a_word_its_handle_spells() -> None:
    link = "https://x.com/LenaFiskeChecks/status/2114439000918852172"
    assert names_account(f"Fiske should be fired for being this STUPID {link}",
                         "@LenaFiskeChecks")
    assert names_account("lena fiske is a hack", "@lenafiske.prairiecheck.org")
    # the link to her post is not her name; a word under five letters is too common
    assert not names_account(f"what a hack {link}", "@LenaFiskeChecks")
    assert not names_account("go away Lena", "@LenaFiskeChecks")
    assert not names_account("Okafor-Blake can't answer a question", "@peterooftop4")
