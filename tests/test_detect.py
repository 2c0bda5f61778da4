"""Pile-on detection: what fires, what never fires, and an incident's life."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from alerts.detector import Detector, LabelledPost
from alerts.events import EventBus, IncidentEvent
from alerts.incidents import IncidentStore
from alerts.targets import CASCADE_SECONDS, TargetState
from civmon.config import AlertRules

if TYPE_CHECKING:
    from alerts.replay import PostLabel
    from storage import Post

T0 = datetime(2026, 10, 14, 6, 0, tzinfo=UTC)
ALIASES = {
    "rachel kim": "@rachelkim_news",
    "rachelkim_news": "@rachelkim_news",
    "danawhitfield": "@DanaWhitfield",
}


def post(
    minute: float, author: str, target: str | None, label: str = "attack", platform: str = "x"
) -> LabelledPost:
    return LabelledPost(
        post_id=f"{author}-{minute}",
        platform=platform,
        author=author,
        created_at=T0 + timedelta(minutes=minute),
        label=label,
        target=target,
        text=f"{target} you are a clown",
        quote="you are a clown",
    )


def background(hours: float = 4.0, seed: int = 1, per_hour: int = 600) -> list[LabelledPost]:
    """Ordinary chatter: insults at the candidates (~20/hour each), arguments, cheering."""
    rng = random.Random(seed)
    posts = []
    for _i in range(int(hours * per_hour)):
        minute = rng.uniform(0, hours * 60)
        roll = rng.random()
        author = f"user{rng.randrange(3000)}"
        if roll < 0.035:
            posts.append(post(minute, author, "@DanaWhitfield"))
        elif roll < 0.07:
            posts.append(post(minute, author, "@MarcusHaleForGov"))
        elif roll < 0.35:
            posts.append(post(minute, author, rng.choice(["@DanaWhitfield", None]), "substantive"))
        else:
            posts.append(post(minute, author, rng.choice(["@MarcusHaleForGov", None]), "other"))
    return posts


def run(
    posts: list[LabelledPost], store: IncidentStore | None = None, rules: AlertRules | None = None
) -> tuple[list[IncidentEvent], Detector]:
    bus, events = EventBus(), []
    bus.subscribe(events.append)
    detector = Detector(rules or AlertRules(), bus, store, ALIASES)
    detector.observe_many(sorted(posts, key=lambda p: p.created_at))
    return events, detector


def pileon(
    start: float,
    target: str,
    authors: int,
    minutes: float = 10.0,
    platforms: tuple[str, ...] = ("x",),
) -> list[LabelledPost]:
    return [
        post(
            start + minutes * i / authors,
            f"angry{i}",
            target,
            platform=platforms[i % len(platforms)],
        )
        for i in range(authors)
    ]


def test_many_distinct_attackers_open_a_pileon_early() -> None:
    posts = background() + pileon(150, "@rachelkim_news", 30)
    events, _ = run(posts)
    opened = [e for e in events if e.step == "opened"]
    assert [(e.kind, e.target) for e in opened] == [("pileon", "@rachelkim_news")]
    # opened while the pile-on was still small: in its first minutes
    assert opened[0].fired_at < T0 + timedelta(minutes=155)
    assert opened[0].attackers >= AlertRules().min_distinct_attackers


def test_a_slow_pileon_on_a_rarely_insulted_staffer_is_caught() -> None:
    # Six accounts over 25 minutes at a staffer nobody insults: expected 1 at the floor rate
    # (p = 6e-4). The floor overstates such a target's rate, so `quiet_max_poisson_p` holds.
    slow = pileon(200, "@owen_pratt_field", 6, minutes=25)
    events, _ = run(background() + slow)
    assert [(e.step, e.target) for e in events] == [("opened", "@owen_pratt_field")]
    # held to the busy targets' limit, the same evidence is not enough
    events, _ = run(background() + slow, rules=AlertRules(quiet_max_poisson_p=2e-4))
    assert events == []
    # ... and a bare name that fits no attacked handle is held to that limit: whom it
    # means is a guess
    named = [post(200 + 5 * i, f"angry{i}", "name:Owen Pratt") for i in range(6)]
    events, _ = run(background() + named)
    assert events == []


def test_one_account_flooding_is_a_flood_not_a_pileon() -> None:
    flood = [post(150 + i, "obsessed_guy", "@rachelkim_news") for i in range(25)]
    events, _ = run(background() + flood)
    kinds = {(e.kind, e.target) for e in events}
    assert kinds == {("flood", "@rachelkim_news")}
    flood_event = next(e for e in events if e.step == "opened")
    assert flood_event.attackers == 1 and flood_event.severity == 1
    assert flood_event.platforms == ("x",)


def test_a_flood_counts_its_account_not_the_targets_usual_insults() -> None:
    # Dana is insulted by passers-by all along; one account floods her for 25 minutes
    flood = [post(150 + i, "obsessed_guy", "@DanaWhitfield") for i in range(25)]
    events, detector = run(background() + flood)
    assert [(e.step, e.kind) for e in events] == [("opened", "flood")]
    incident = detector.open_incidents["@danawhitfield"]
    assert incident.attackers == {"obsessed_guy"} and incident.attack_posts == 25
    assert {x.author for x in incident.examples} == {"obsessed_guy"}


def test_a_flood_with_others_chiming_in_stays_a_flood_until_they_pile_on() -> None:
    # One account floods a reporter for 25 minutes; four others insult her once each
    # meanwhile. Counted with the flooder that is five accounts, but the four alone are
    # not a pile-on: still a flood. Six more arriving within minutes are.
    flood = [post(150 + i, "obsessed_guy", "@rachelkim_news") for i in range(25)]
    chimed = [post(158 + 4 * i, f"passerby{i}", "@rachelkim_news") for i in range(4)]
    events, _ = run(background() + flood + chimed)
    assert [(e.step, e.kind) for e in events if e.step != "resolved"] == [("opened", "flood")]
    joined = pileon(176, "@rachelkim_news", 6, minutes=3)
    events, _ = run(background() + flood + chimed + joined)
    steps = [e for e in events if e.step != "resolved"]
    assert [(e.step, e.kind) for e in steps] == [("opened", "flood"), ("escalated", "pileon")]
    assert joined[0].created_at < steps[-1].fired_at <= joined[-1].created_at
    assert steps[-1].attackers >= 5  # the flooder and the accounts of the pile-on window


def test_substantive_or_cheering_surges_never_fire() -> None:
    rng = random.Random(5)
    surge = []
    for i in range(200):  # 200 accounts argue with Hale's vote in 20 minutes ...
        label = "attack" if rng.random() < 0.08 else "substantive"  # ... 8% misclassified
        surge.append(post(150 + i / 10, f"voter{i}", "@MarcusHaleForGov", label))
    cheer = [
        post(200 + i / 10, f"fan{i}", "@DanaWhitfield", "attack" if i % 30 == 0 else "other")
        for i in range(300)
    ]
    events, _ = run(background() + surge + cheer)
    assert events == []


def test_a_busy_candidates_normal_insults_do_not_fire() -> None:
    # Dana is insulted ~60 times an hour all day long by different people: not news.
    rng = random.Random(9)
    steady = [
        post(rng.uniform(0, 480), f"critic{rng.randrange(5000)}", "@DanaWhitfield")
        for _ in range(480)
    ]
    events, detector = run(background(hours=8) + steady)
    assert events == []
    # ... but the same number of attackers would be a pile-on on a reporter
    events, _ = run(background(hours=8) + steady + pileon(300, "@rachelkim_news", 12))
    assert [e.target for e in events if e.step == "opened"] == ["@rachelkim_news"]


def test_a_debate_night_surge_on_both_candidates_does_not_fire() -> None:
    rng = random.Random(3)
    debate = []
    for _ in range(600):  # both candidates insulted 8x as often for an hour
        minute = rng.uniform(180, 240)
        target = rng.choice(["@DanaWhitfield", "@MarcusHaleForGov"])
        debate.append(post(minute, f"viewer{rng.randrange(20000)}", target))
    events, _ = run(background(hours=5) + debate)
    assert [e for e in events if e.kind == "pileon"] == []


def test_a_candidate_alerted_on_before_the_debate_still_counts_as_the_rivals_peer() -> None:
    # Wade is insulted four times an hour (above the floor, below the busy mark); a burst
    # of eight accounts at 14:00 opens a pile-on on him, which freezes his baseline, and
    # he stays hot until the debate at 15:50 lights up both him and Dana. Dana's surge is
    # the night's, as his is: no pile-on on her.
    rng = random.Random(5)
    wade = [post(m, f"grump{rng.randrange(5000)}", "@WadeB") for m in range(0, 480, 15)]
    wade += pileon(480, "@WadeB", 8, minutes=8)
    wade += [post(490 + 6 * i, f"heckler{i}", "@WadeB") for i in range(16)]  # 10 an hour
    debate = [post(590 + i, f"viewer{i}", "@DanaWhitfield") for i in range(60)]
    debate += [post(590.5 + i, f"viewer{i + 100}", "@WadeB") for i in range(60)]
    events, detector = run(background(hours=11) + wade + debate)
    opened = [e.target for e in events if e.step == "opened" and e.kind == "pileon"]
    assert opened == ["@WadeB"]
    assert "@wadeb" in detector.open_incidents  # still open through the debate


def test_a_pileon_on_a_candidate_does_not_hide_one_on_a_reporter_at_the_same_time() -> None:
    # Two hundred accounts pile on Dana for an hour; twenty minutes in, eleven others
    # start on a reporter nobody insults, slowly at first (four in six minutes, which
    # teach her baseline), then faster. Dana's surge is her own pile-on, not the day's:
    # it must not raise what the reporter is held to (independent seed 7000, where such a
    # candidate pile-on hid 19 accounts on a journalist for an hour and a half).
    dana = [post(150 + 60 * i / 200, f"mob{i}", "@DanaWhitfield") for i in range(200)]
    offsets = [0, 1, 4, 6, 20, 25, 27, 31, 32, 35, 35.1, 37, 42, 45, 48, 50]
    reporter = [post(170 + m, f"troll{i % 11}", "@rachelkim_news") for i, m in enumerate(offsets)]
    events, _ = run(background(hours=5) + dana + reporter)
    opened = [(e.target, e.fired_at) for e in events if e.step == "opened" and e.kind == "pileon"]
    assert [target for target, _ in opened] == ["@DanaWhitfield", "@rachelkim_news"]
    assert opened[1][1] < T0 + timedelta(minutes=170 + 32)  # before the reporter's midpoint


def run_with_own_posts(
    posts: list[LabelledPost], own: list[tuple[float, str]]
) -> list[IncidentEvent]:
    """`run`, with the targets' own posts (minute, handle) fed as `feed` feeds authors."""
    bus, events = EventBus(), []
    bus.subscribe(events.append)
    detector = Detector(AlertRules(), bus, None, ALIASES)
    stream: list[tuple[datetime, int, object]] = [(p.created_at, 1, p) for p in posts]
    stream += [(T0 + timedelta(minutes=m), 0, handle) for m, handle in own]
    for when, _, item in sorted(stream, key=lambda x: (x[0], x[1])):
        if isinstance(item, str):
            detector.observe_author(when, item)
        else:
            detector.observe(item)  # type: ignore[arg-type]
    return events


def test_a_candidates_own_posts_drawing_a_few_insults_each_time_are_her_normal() -> None:
    # Gil, insulted three times an hour, posts every two and a half hours from 09:00 on,
    # and each post draws seven insulting replies from seven accounts within ten minutes
    # (a third generator's candidates, whose posts are answered mostly by insults). The
    # first, with nothing learned yet, looks like a pile-on; after it, that is what his
    # posts draw. A real pile-on after a post, 25 accounts in 15 minutes, still is one.
    rng = random.Random(9)
    gil = [post(m + rng.random(), f"grump{rng.randrange(9000)}", "@GilM")
           for m in range(0, 720, 20)]
    own = [(180.0 + 150 * k, "@GilM") for k in range(4)]
    replies = [post(t + 1 + 1.5 * i, f"reply{int(t)}_{i}", "@GilM")
               for t, _ in own for i in range(7)]
    later = T0 + timedelta(minutes=240)
    events = run_with_own_posts(background(hours=12) + gil + replies, own)
    assert [e for e in events if e.step == "opened" and e.fired_at > later] == []
    # without his own posts, the same replies look like a pile-on after each post
    events, _ = run(background(hours=12) + gil + replies)
    assert len([e for e in events if e.step == "opened" and e.fired_at > later]) == 3
    mob = pileon(632, "@GilM", 25, minutes=15)
    events = run_with_own_posts(background(hours=12) + gil + replies + mob, own)
    opened = [e for e in events if e.step == "opened" and e.fired_at > later]
    assert [e.target for e in opened] == ["@GilM"]
    assert opened[0].fired_at < T0 + timedelta(minutes=632 + 7.5)  # before its midpoint


def test_a_pileon_on_an_account_right_after_its_own_post_is_not_excused() -> None:
    # An ordinary account nobody insults posts a gaffe; ten accounts pile on within
    # fifteen minutes. Its posts never drew insults before: nothing is excused.
    own = [(100.0, "@owen_pratt_field"), (200.0, "@owen_pratt_field")]
    mob = pileon(201, "@owen_pratt_field", 10, minutes=15)
    events = run_with_own_posts(background(hours=5) + mob, own)
    opened = [e for e in events if e.step == "opened"]
    assert [e.target for e in opened] == ["@owen_pratt_field"]
    assert opened[0].fired_at < T0 + timedelta(minutes=201 + 7.5)


def test_a_rarely_insulted_account_learns_what_its_posts_draw_too() -> None:
    # A candidate's second account is insulted less than the floor (one grumble every
    # ninety minutes), and each of its posts draws three insulting replies within minutes.
    # After two such posts, a post that draws five is what its posts draw, not a pile-on
    # (third seeds 5000 and 5009: a candidate under the floor learned nothing).
    grumbles = [post(m, f"grump{m}", "@renata_bsky") for m in range(0, 720, 90)]
    own = [(130.0, "@renata_bsky"), (310.0, "@renata_bsky"), (490.0, "@renata_bsky")]
    replies = [post(t + 2 * (i + 1), f"reply{int(t)}_{i}", "@renata_bsky")
               for t, _ in own[:2] for i in range(3)]
    replies += [post(491 + i, f"reply490_{i}", "@renata_bsky") for i in range(5)]
    events = run_with_own_posts(background(hours=12) + grumbles + replies, own)
    assert [e for e in events if e.kind == "pileon"] == []
    # without its own posts, the five replies open a pile-on
    events, _ = run(background(hours=12) + grumbles + replies)
    assert [e.target for e in events if e.step == "opened"] == ["@renata_bsky"]
    # and a real pile-on after its next post still is one
    mob = pileon(671, "@renata_bsky", 20, minutes=12)
    events = run_with_own_posts(background(hours=12) + grumbles + replies + mob,
                                [*own, (670.0, "@renata_bsky")])
    opened = [e for e in events if e.step == "opened" and e.kind == "pileon"]
    assert [e.target for e in opened] == ["@renata_bsky"]
    assert opened[0].fired_at < T0 + timedelta(minutes=671 + 6)


def test_a_quiet_account_learns_only_ordinary_replies_and_only_from_two_posts() -> None:
    # A reporter insulted about once an hour (under the floor) posts; two insults follow.
    # One such post teaches nothing yet: excusing it would hide a pile-on on him after
    # his next post. His second post draws two again: now his posts draw a little. His
    # third goes out as a slow pile-on on him starts, and draws nine: improbable for him,
    # so it is not learned as his normal (independent seed 7005, where @MarcusBellKBPT's
    # alert came after its midpoint when it was).
    span, name = CASCADE_SECONDS, "@marcus_bell_news"
    state = TargetState(name, AlertRules(), T0.timestamp(), 6 * 3600.0)

    def at(minute: float) -> float:
        return T0.timestamp() + 60 * minute

    def attacks(*minutes: float) -> None:
        for minute in minutes:
            state.add_attack(at(minute), post(minute, f"troll{minute}", name))

    attacks(5, 65)
    state.posted(at(100), span)
    attacks(103, 108)
    state.learn_cascades(at(125), span)
    assert state.cascade > 0.0  # learned, but one post is not enough to count
    assert state.cascade_allowance(at(105), at(115), span) == 0.0
    state.posted(at(200), span)
    attacks(203, 208)
    state.learn_cascades(at(245), span)
    learned = state.cascade
    assert state.cascade_allowance(at(240), at(250), span) == 0.0  # no post of his in it
    state.posted(at(260), span)
    assert state.cascade_allowance(at(255), at(265), span) > 0.0
    attacks(*(261 + 2 * i for i in range(9)))
    state.learn_cascades(at(285), span)
    assert state.cascade == learned


def test_lifecycle_opened_escalated_resolved() -> None:
    rules = AlertRules(quiet_minutes_to_resolve=30)
    posts = background(hours=6) + pileon(120, "@PriyaRamanCM", 60, minutes=20)
    events, detector = run(posts, rules=rules)
    mine = [e for e in events if e.target == "@PriyaRamanCM"]
    steps = [e.step for e in mine]
    assert steps[0] == "opened" and steps[-1] == "resolved"
    assert "escalated" in steps
    assert len({e.incident_id for e in mine}) == 1
    severities = [e.severity for e in mine if e.step != "resolved"]
    assert severities == sorted(severities) and len(set(severities)) == len(severities)
    resolved = mine[-1]
    assert resolved.attackers == 60
    last_attack = T0 + timedelta(minutes=120 + 20 * 59 / 60)
    assert resolved.fired_at >= last_attack + timedelta(minutes=30)
    assert "@priyaramancm" not in detector.open_incidents


def test_a_second_wave_after_the_first_calmed_is_a_new_alert() -> None:
    # A staffer is piled on, then insulted now and then (7.5 an hour: twice her floor, so
    # "still above baseline"), then piled on again three hours later. The first incident
    # must end once its attacks fall far below their peak, so the second wave is news.
    first = [post(100 + i / 4, f"wave1_{i}", "@owen_pratt_field") for i in range(40)]
    trickle = [post(115 + 8 * i, f"regular{i}", "@owen_pratt_field") for i in range(35)]
    second = [post(300 + i / 4, f"wave2_{i}", "@owen_pratt_field") for i in range(40)]
    events, _ = run(background(hours=7) + first + trickle + second)
    steps = [(e.step, round((e.fired_at - T0).total_seconds() / 60)) for e in events
             if e.step != "escalated"]
    assert [step for step, _ in steps][:3] == ["opened", "resolved", "opened"]
    assert steps[1][1] < 300 <= steps[2][1] < 305


def test_same_target_on_two_platforms_and_by_alias_is_one_incident() -> None:
    posts = background() + pileon(150, "@rachelkim_news", 20, platforms=("x", "bluesky"))
    posts += [post(152 + i / 2, f"named{i}", "Rachel Kim", platform="mastodon") for i in range(10)]
    events, _ = run(posts)
    ids = {e.incident_id for e in events}
    assert len(ids) == 1
    last = events[-1]
    assert last.target == "@rachelkim_news"
    assert set(last.platforms) == {"x", "bluesky", "mastodon"}


def test_one_persons_accounts_on_two_platforms_are_one_target_named_by_the_most_attacked(
) -> None:
    # A fact-checker nobody configured, insulted on X as @lenafiske_ by 3 accounts and on
    # Bluesky as @lenafiske.bsky.social by 4: her accounts spell alike (8 letters or more),
    # so it is one pile-on, opened at its fifth account and shown as the handle most of
    # them attacked by then (not the one insulted first).
    # Handles spelled alike in fewer letters (two @theo accounts) stay two people.
    posts = background()
    posts += [post(minute, f"x{i}", "@lenafiske_") for i, minute in enumerate((199, 202.2, 203.2))]
    posts += [post(199.5 + i, f"sky{i}", "@lenafiske.bsky.social", platform="bluesky")
              for i in range(4)]
    events, _ = run(posts)
    opened = [(e.target, e.attackers) for e in events if e.step == "opened"]
    assert opened == [("@lenafiske.bsky.social", 5)]
    assert {e.incident_id for e in events} == {events[0].incident_id}
    theos = background()
    theos += [post(200 + i, f"a{i}", "@theo@carroway.social", platform="mastodon")
              for i in range(3)]
    theos += [post(200.5 + i, f"b{i}", "@theo@mastodon.social", platform="mastodon")
              for i in range(3)]
    events, _ = run(theos)
    assert [e for e in events if e.step == "opened"] == []


def test_restart_continues_the_open_incident(archive) -> None:
    first = background(hours=3) + pileon(150, "@rachelkim_news", 20)
    events, detector = run(first, IncidentStore(archive))
    detector.flush()  # the end of a batch
    opened = [e for e in events if e.step == "opened"]
    assert len(opened) == 1
    # The service restarts; more attackers pile in a few minutes later.
    more = [post(175 + i / 4, f"late{i}", "@rachelkim_news") for i in range(30)]
    events2, detector = run(more, IncidentStore(archive))
    assert [e.step for e in events2 if e.step == "opened"] == []
    assert {e.incident_id for e in events2} == {opened[0].incident_id}
    incident = detector.open_incidents["@rachelkim_news"]
    assert len(incident.attackers) == 50


def test_insults_by_name_only_join_the_pileon_on_the_handle_they_fit() -> None:
    # A reporter nobody configured: 4 accounts reply to her, 5 more insult her by name.
    replies = pileon(200, "@nkhalil_ledger", 4, minutes=6)
    by_name = [post(207 + i, f"named{i}", "name:Nadia Khalil") for i in range(5)]
    events, detector = run(background() + replies + by_name)
    opened = [e for e in events if e.step == "opened"]
    assert [(e.target, e.kind) for e in opened] == [("@nkhalil_ledger", "pileon")]
    assert len(detector.open_incidents["@nkhalil_ledger"].attackers) == 9
    # a name that fits no attacked handle is a target of its own, named as the classifier
    # names it (so the incident joins its classifications)
    events, _ = run(background() + [post(200 + i, f"n{i}", "name:Ana Soto") for i in range(9)])
    assert {e.target for e in events} == {"name:Ana Soto"}


def test_a_spill_by_name_ahead_of_the_handles_third_attacker_counts_for_the_handle() -> None:
    # Four accounts insult a reporter by name on one platform; only then do four reply to
    # her account on another. Her account is linkable once three have: the insults by
    # name came first, and are hers too, so the pile-on opens there with all eight.
    by_name = [post(200 + i, f"named{i}", "name:Nadia Khalil", platform="bluesky")
               for i in range(4)]
    replies = pileon(204.5, "@nkhalil_ledger", 4, minutes=2)
    events, detector = run(background() + by_name + replies)
    opened = [e for e in events if e.step == "opened"]
    assert [(e.target, e.kind) for e in opened] == [("@nkhalil_ledger", "pileon")]
    assert opened[0].fired_at == replies[-1].created_at
    assert opened[0].began_at == by_name[0].created_at
    assert opened[0].attackers == 8
    assert opened[0].platforms == ("bluesky", "x")  # where it began, not only its latest posts
    # one insult by name is anyone's passing remark: it stays with the name
    events, _ = run(background() + by_name[:1] + replies)
    assert not [e for e in events if e.step == "opened"]


def test_insults_that_name_someone_as_people_type_join_their_pileon() -> None:
    # The classifier reads "Cody Vance" as a name; "cody vance", "CODY VANCE" and "Vance"
    # alone it leaves without a target. Once the name is read, the detector knows whom
    # they mean (a surname alone since the fifteenth session: third seed 5008's pile-on on
    # a reporter was mostly "Oyelaran is a bitter empty suit", and was missed).
    def typed(minute: float, author: str, text: str) -> LabelledPost:
        attack = post(minute, author, None)
        attack.text = text
        return attack

    replies = pileon(200, "@CodyVanceAZ", 4, minutes=4)
    by_name = [post(204, "named0", "name:Cody Vance")]
    typed_names = [typed(205 + i, f"typed{i}", text) for i, text in enumerate(
        ["cody vance is a liar", "CODY VANCE IS A COWARD", "ok cody vance, you lying hack",
         "Vance is a smug idiot", "what a clown"])]
    events, detector = run(background() + replies + by_name + typed_names)
    opened = [e for e in events if e.step == "opened"]
    assert [(e.target, e.kind) for e in opened] == [("@CodyVanceAZ", "pileon")]
    # 4 replies, the one by name, 3 typed full names and the surname; not "what a clown",
    # which names nobody
    assert len(detector.open_incidents["@codyvanceaz"].attackers) == 9


def test_a_candidates_name_typed_does_not_make_untargeted_insults_hers() -> None:
    # A busy target (a candidate insulted all day) gains nothing from names as typed: her
    # name is in half the day's posts, and bursts of them are what debate nights are made of
    posts = background() + [post(100 + i, f"named{i}", "name:Dana Whitfield") for i in range(3)]
    before, _ = run(posts)
    typed = [post(200 + 0.5 * i, f"typed{i}", None) for i in range(12)]
    for i, attack in enumerate(typed):
        attack.text = "dana whitfield is a fraud" if i % 2 else "Whitfield is a fraud"
    after, detector = run(posts + typed)
    assert [e.target for e in after if e.step == "opened"] == [
        e.target for e in before if e.step == "opened"]


def test_a_name_typed_in_lower_case_that_spells_a_quiet_accounts_handle_joins_its_pileon(
) -> None:
    # A volunteer nobody configured, whose name the classifier has never read capitalised:
    # three accounts reply to her, four more type her name ("tanya boyd"). Her handle
    # spells it, so those four are insults of her account too.
    def typed(minute: float, author: str) -> LabelledPost:
        attack = post(minute, author, None)
        attack.text = "tanya boyd is a moron who shouldn't be near a microphone"
        return attack

    replies = pileon(200, "@tanyaboyd", 3, minutes=3)
    typed_names = [typed(203.5 + i, f"typed{i}") for i in range(4)]
    events, detector = run(background() + replies + typed_names)
    opened = [e for e in events if e.step == "opened"]
    assert [(e.target, e.kind) for e in opened] == [("@tanyaboyd", "pileon")]
    assert opened[0].fired_at <= typed_names[-1].created_at
    assert len(detector.open_incidents["@tanyaboyd"].attackers) == 7
    # An account spoken to mostly in cheers (a candidate missing from config.yaml) is
    # named in lower case all day: typed names are not taken to mean it.
    cheers = [post(140 + i, f"fan{i}", "@tanyaboyd", label="other") for i in range(20)]
    typed_names = [typed(203.5 + i, f"typed{i}") for i in range(4)]  # targets not yet set
    events, detector = run(background() + cheers + replies + typed_names)
    assert [p.target for p in typed_names] == [None] * 4
    assert not [e for e in events if e.step == "opened"]
    # ... and so is one insulted now and then for hours before: a pile-on is what starts
    earlier = [post(20 + 40 * i, f"early{i}", "@tanyaboyd") for i in range(3)]
    typed_names = [typed(203.5 + i, f"typed{i}") for i in range(4)]
    events, detector = run(background() + earlier + replies + typed_names)
    assert [p.target for p in typed_names] == [None] * 4


class _Times:
    """Attack times of one target, as `TargetState.attacks` answers about them."""

    def __init__(self, times: list[float]) -> None:
        self.times = times

    def count_since(self, since: float) -> int:
        return sum(1 for t in self.times if t >= since)


class _Target:
    def __init__(self, minutes: list[float], busy: bool) -> None:
        self.attacks = _Times([m * 60.0 for m in minutes])
        self.quiet_since = float("-inf")
        self.busy = busy


def test_a_slow_pileon_that_opens_loudest_is_still_rising_on_a_quiet_target() -> None:
    from alerts.evidence import Evidence

    # five insults in the first 20 minutes, then six over the next half hour; none before
    minutes = [0, 4, 8, 12, 16, 22, 28, 34, 40, 46, 52]
    evidence = Evidence(AlertRules(), busy={})
    now, window = 52 * 60.0, 30 * 60.0
    n = _Target(minutes, busy=False).attacks.count_since(now - window)
    assert n == 6  # and 5 in the half hour before: not rising over 30 minutes alone
    assert evidence.rising(_Target(minutes, busy=False), n, now, window)
    # a candidate insulted all day must rise in the tested window itself
    assert not evidence.rising(_Target(minutes, busy=True), n, now, window)


class _Rate:
    def __init__(self, per_hour: float) -> None:
        self.rate = per_hour
        self.frozen = False

    def per_hour(self, now: float) -> float:
        return self.rate


class _Peer(_Target):
    def __init__(self, minutes: list[float], per_hour: float) -> None:
        super().__init__(minutes, busy=True)
        self.baseline = _Rate(per_hour)
        self.traffic = _Times([])


class _Conversation:
    """All posts, running at `surge` times their usual rate."""

    def __init__(self, surge: float) -> None:
        self.value = surge

    def surge(self, now: float, window: float, exclude: int = 0, z: float = 0.0) -> float:
        return self.value


def test_on_a_busy_night_a_peers_surge_counts_as_estimated() -> None:
    from alerts.evidence import Evidence

    # the rival: 30 insults in the last 30 minutes against a usual 20 an hour (10 expected)
    rival = _Peer([float(m) for m in range(30)], per_hour=20.0)
    target = _Peer([], per_hour=20.0)
    evidence = Evidence(AlertRules(), busy={"@rival": rival, "@target": target})
    now, window = 30 * 60.0, 30 * 60.0
    # a quiet conversation: the rival's surge is taken two standard deviations below
    evidence.posts = _Conversation(1.0)
    cautious = evidence.peer_surge(target, now, window)
    assert cautious > 1.0
    # a debate night (all posts at peer_night_surge or more): the estimate itself, 30/10
    evidence.posts = _Conversation(AlertRules().peer_night_surge)
    assert evidence.peer_surge(target, now, window) == pytest.approx(3.0)
    assert cautious < 3.0


def test_a_quiet_targets_expectation_follows_a_few_attacks_on_others_only_cautiously() -> None:
    from alerts.evidence import Evidence

    # Four hours at 15 attacks an hour on others (and 90 posts), then 11 attacks in ten
    # minutes: a "surge" of four on a small morning, much of it cheers the classifier
    # misread. A quiet staffer (1.1 an hour, below the floor) is held to the floor, not to
    # four times her own rate; a target above the floor follows the surge in full, and a
    # real surge (a debate night's 60 in ten minutes) lifts the quiet one too.
    rules = AlertRules()
    evidence = Evidence(rules, busy={})
    posts, attacks = evidence.start(0.0, 4 * 3600.0)
    hours = 4 * 3600.0
    for i in range(60):
        attacks.add(i * hours / 60)
    for i in range(360):
        posts.add(i * hours / 360)
    now, window = hours + 600.0, 600.0
    for i in range(11):
        attacks.add(hours + i * 50.0)

    def target(per_hour: float) -> _Peer:
        state = _Peer([], per_hour)
        state.name = "@someone"  # type: ignore[attr-defined]
        return state

    quiet, known = target(1.1), target(4.0)
    raw = attacks.surge(now, window)
    assert raw > 3.5
    assert evidence.expected_per_hour(quiet, now, window) == rules.baseline_floor_per_hour
    assert evidence.expected_per_hour(known, now, window) == pytest.approx(4.0 * raw)
    for i in range(49):
        attacks.add(hours + 550.0 + i)
    assert evidence.expected_per_hour(quiet, now, window) > 2 * rules.baseline_floor_per_hour


def test_a_busy_peers_open_pileon_excuses_a_quiet_target_only_on_a_busy_night() -> None:
    from alerts.evidence import Evidence

    # Dana, under an open pile-on (her baseline frozen), drew 60 insults in half an hour
    # against her usual 10 an hour. On an ordinary day that is her pile-on, not the day's:
    # a volunteer is not held to it. On a debate night (all posts at `peer_night_surge`)
    # it is the night's surge, and the volunteer is; so is a busy rival, always.
    dana = _Peer([170.0 + m / 2 for m in range(60)], per_hour=10.0)
    dana.baseline.frozen = True
    volunteer, rival = _Peer([], per_hour=1.0), _Peer([], per_hour=10.0)
    volunteer.busy = False
    evidence = Evidence(AlertRules(), busy={"@dana": dana, "@rival": rival})
    now, window = 200 * 60.0, 30 * 60.0
    evidence.posts = _Conversation(1.0)
    assert evidence.peer_surge(volunteer, now, window) == 1.0
    assert evidence.peer_surge(rival, now, window) > 5.0
    evidence.posts = _Conversation(AlertRules().peer_night_surge)
    assert evidence.peer_surge(volunteer, now, window) > 5.0
    dana.baseline.frozen = False
    evidence.posts = _Conversation(1.0)
    assert evidence.peer_surge(volunteer, now, window) > 5.0


def test_a_reply_the_classifier_was_unsure_of_counts_while_its_addressee_is_under_fire() -> None:
    # Three accounts attack a volunteer; then come replies the classifier scored attack
    # 0.40-0.47 ("you are a joke"): counted as attacks while she is under fire, so the
    # pile-on opens on the fifth account, not the seventh. Sure non-attacks (0.05) and the
    # same unsure replies to a quiet account or to a busy candidate count for nothing.
    from alerts.replay import PostLabel, feed
    from storage import Post

    def reply(minute: float, author: str, to: str, score: float) -> tuple[Post, PostLabel]:
        label = "attack" if score >= 0.5 else "other"
        text = "you are a clown" if label == "attack" else "you are a joke"
        return (Post("x", f"{author}-{minute}", author, f"@{to} {text}",
                     T0 + timedelta(minutes=minute), "test", "1", reply_to=f"@{to}",
                     mentions=(f"@{to}",)),
                PostLabel(label, f"@{to}" if label == "attack" else None,
                          {"attack": score, "other": 1.0 - score}))

    def run_feed(replies: list[tuple[Post, PostLabel]],
                 rules: AlertRules | None = None) -> tuple[list[IncidentEvent], Detector]:
        bus, events = EventBus(), []
        bus.subscribe(events.append)
        detector = Detector(rules or AlertRules(), bus, None, ALIASES)
        detector.observe_many(sorted(background(hours=3.3), key=lambda p: p.created_at))
        replies = sorted(replies, key=lambda r: r[0].created_at)
        feed(detector, [p for p, _ in replies], [label for _, label in replies],
             [None] * len(replies))
        return events, detector

    sure = [reply(200 + i, f"angry{i}", "ana_vol", 0.95) for i in range(3)]
    unsure = [reply(203 + i, f"unsure{i}", "ana_vol", 0.40 + 0.03 * i) for i in range(2)]
    events, detector = run_feed(sure + unsure)
    opened = [e for e in events if e.step == "opened"]
    assert [(e.target, e.attackers) for e in opened] == [("@ana_vol", 5)]
    assert opened[0].fired_at == unsure[-1][0].created_at
    # a candidate insulted all day (ten accounts in the last half hour) is never "under
    # fire": replies to her are what debate nights are made of
    later = T0 + timedelta(minutes=205)
    assert detector.under_fire("@ana_vol", later)
    assert len(set(detector._targets["@danawhitfield"].window_authors(
        later.timestamp() - 1800))) >= 3
    assert not detector.under_fire("@DanaWhitfield", later)
    # with the rule off (a score of 1.0), the two unsure replies are no attacks
    events, _ = run_feed(sure + unsure, AlertRules(under_fire_attack_score=1.0))
    assert not [e for e in events if e.step == "opened"]
    # scored surely not an attack: no
    events, _ = run_feed(sure + [reply(203 + i, f"fan{i}", "ana_vol", 0.05) for i in range(2)])
    assert not [e for e in events if e.step == "opened"]
    # the same unsure replies to someone not under fire (two attackers): no
    events, _ = run_feed(sure[:2] + [reply(203 + i, f"unsure{i}", "ana_vol", 0.45)
                                     for i in range(3)])
    assert not [e for e in events if e.step == "opened"]


def opened_after_feed(posts: list[tuple[Post, PostLabel]], hours: float = 3.3
                      ) -> list[tuple[str, int]]:
    """(target, attackers) of each pile-on opened when `posts` are fed (alerts.replay.feed,
    which sees every author and share) after `hours` of background."""
    from alerts.replay import feed

    bus, events = EventBus(), []
    bus.subscribe(events.append)
    detector = Detector(AlertRules(), bus, None, ALIASES)
    detector.observe_many(sorted(background(hours=hours), key=lambda p: p.created_at))
    feed(detector, [p for p, _ in posts], [label for _, label in posts], [None] * len(posts))
    return [(e.target, e.attackers) for e in events if e.step == "opened"]


def test_replies_to_whoever_shared_a_clip_that_speak_of_her_are_a_pileon_on_her() -> None:
    # @sharer posts a clip of the volunteer @ana_vol, tagging her; six accounts reply to
    # him about her ("she is a clown", no "you"), and the classifier, as it does, gives
    # each reply to the account replied to. They are her pile-on, not his. Replies that
    # speak to him ("you are a clown") stay his. Without the share, replies that speak
    # of "she" are about someone, but not him: no one's pile-on; "what a clown" is his.
    from alerts.replay import PostLabel
    from storage import Post

    share = Post("x", "share", "@sharer", "@ana_vol at the town hall last night. Yikes",
                 T0 + timedelta(minutes=195), "test", "1", mentions=("@ana_vol",))

    def reply(i: int, text: str) -> tuple[Post, PostLabel]:
        return (Post("x", f"r{i}", f"@angry{i}", f"@sharer {text}",
                     T0 + timedelta(minutes=200 + i), "test", "1", reply_to="@sharer",
                     mentions=("@sharer",)),
                PostLabel("attack", "@sharer", {"attack": 0.97, "other": 0.03}))

    about_her = [reply(i, "she is a clown and a fraud") for i in range(6)]
    no_label = PostLabel("other", None, {"attack": 0.01, "other": 0.99})
    assert opened_after_feed([(share, no_label), *about_her]) == [("@ana_vol", 5)]
    assert opened_after_feed(about_her) == []
    assert opened_after_feed([reply(i, "what a clown and a fraud") for i in range(6)]) == [
        ("@sharer", 5)]
    to_him = [reply(i, "you are a clown and a fraud") for i in range(6)]
    assert opened_after_feed([(share, no_label), *to_him]) == [("@sharer", 5)]
    # "she is a disgrace" in reply to a candidate insulted all day is about her
    from alerts.replay import reply_about

    detector = Detector(AlertRules(), EventBus(), None, ALIASES)
    detector.observe_many(sorted(background(hours=3.3), key=lambda p: p.created_at))
    to_dana = Post("x", "d1", "@angry9", "@DanaWhitfield she is a disgrace",
                   T0 + timedelta(minutes=200), "test", "1", reply_to="@DanaWhitfield")
    assert detector.busy("@DanaWhitfield") and not detector.busy("@sharer")
    assert reply_about(detector, to_dana, "@DanaWhitfield") == "@DanaWhitfield"
    assert reply_about(detector, about_her[0][0], "@sharer") is None


def test_a_pileon_by_name_in_a_reddit_thread_is_on_the_account_that_spells_it() -> None:
    # A Reddit thread about a volunteer nobody tags: "Lindgren needs a therapist", "Ray
    # Lindgren is unhinged". His account posted this morning, never insulted by handle:
    # the moderator is told it is @RayLindgren58, not "name:Ray Lindgren" (fourth seed
    # 8010). If he never posted, the name is all there is to tell.
    from alerts.replay import PostLabel
    from storage import Post

    own = Post("x", "own", "@RayLindgren58", "Lit drop done in Bellwether Falls!",
               T0 + timedelta(minutes=120), "test", "1")
    thread = Post("reddit", "t3_a", "u/tylervang13", "Kuehl volunteer says crew will "
                  "'watch the polls'", T0 + timedelta(minutes=195), "test", "1")
    no_label = PostLabel("other", None, {"attack": 0.01, "other": 0.99})

    def comment(i: int) -> tuple[Post, PostLabel]:
        return (Post("reddit", f"t1_{i}", f"u/angry{i}", "Ray Lindgren is not all there",
                     T0 + timedelta(minutes=200 + i), "test", "1", reply_to="u/tylervang13"),
                PostLabel("attack", "name:Ray Lindgren", {"attack": 0.97, "other": 0.03}))

    comments = [comment(i) for i in range(8)]
    assert (opened_after_feed([(own, no_label), (thread, no_label), *comments], hours=1.9)
            == [("@RayLindgren58", 5)])
    assert opened_after_feed([(thread, no_label), *comments], hours=1.9) == [
        ("name:Ray Lindgren", 5)]


def test_comments_on_a_reddit_thread_are_not_about_whoever_posted_it() -> None:
    # "ray lindgren is a lunatic", typed in lower case, under a thread linking a story about
    # him: the classifier, reading no name, gives each comment to the thread's poster, who
    # then looked piled on (fourth seed 8014, u/throwaway_np_550). A comment on the
    # submission speaks of what the thread is about; only "you" makes it the poster's.
    from alerts.replay import PostLabel
    from storage import Post

    def comment(i: int, text: str, parent: str = "t3_a") -> tuple[Post, PostLabel]:
        return (Post("reddit", f"t1_{i}", f"u/angry{i}", text,
                     T0 + timedelta(minutes=200 + i), "test", "1", reply_to="u/op_550",
                     raw={"reply_to_post": parent}),
                PostLabel("attack", "u/op_550", {"attack": 0.97, "other": 0.03}))

    about_him = [comment(i, "ray lindgren is a lunatic") for i in range(7)]
    assert opened_after_feed(about_him) == []
    to_op = [comment(i, "you are a lunatic for posting this") for i in range(7)]
    assert opened_after_feed(to_op) == [("u/op_550", 5)]
    # a reply to a comment is a conversation with its author, as on X
    under_comments = [comment(i, "what a lunatic", parent="t1_x") for i in range(7)]
    assert opened_after_feed(under_comments) == [("u/op_550", 5)]
    # the parent as the Reddit collector stores it (the API's data.parent_id)
    from dataclasses import replace

    from alerts.replay import comments_on_a_thread

    collected = replace(about_him[0][0], raw={"kind": "t1", "data": {"parent_id": "t3_a"}})
    assert comments_on_a_thread(collected)
    assert not comments_on_a_thread(replace(collected, raw={"data": {"parent_id": "t1_b"}}))
    assert not comments_on_a_thread(replace(collected, platform="x"))


def test_insults_quoting_a_reporters_post_are_a_pileon_on_her() -> None:
    # Quote posts are how a pile-on on X and Bluesky spreads: "Fiske should be fired for
    # being this STUPID <link to her post>", "what a hack" quoting it. The classifier,
    # finding nobody tagged or replied to, gives them no target (fourth seed 8004: the
    # fact-checker @LenaFiskeChecks was seen after her pile-on's midpoint).
    from alerts.replay import PostLabel
    from storage import Post

    link = "https://x.com/LenaFiskeChecks/status/2114439000918852172"

    def quote(i: int, text: str, raw: dict[str, Any] | None = None) -> tuple[Post, PostLabel]:
        return (Post("x", f"q{i}", f"@angry{i}", text, T0 + timedelta(minutes=200 + i),
                     "test", "1", raw=raw or {}),
                PostLabel("attack", None, {"attack": 0.97, "other": 0.03}))

    # the first names her (Fiske is in her handle); the rest quote her post once she
    # is under attack, by its link in the text or by the quoted post's author in raw
    dunks = [quote(0, f"Fiske should be fired for being this STUPID {link}")]
    dunks += [quote(i, f"what a hack {link}") for i in range(1, 4)]
    dunks += [quote(i, "what a hack", {"quoted_author": "@LenaFiskeChecks"})
              for i in range(4, 7)]
    assert opened_after_feed(dunks) == [("@LenaFiskeChecks", 5)]
    # quotes of an account nobody attacks, that do not name it, are not taken as its
    # pile-on: its post may have shared someone else's clip
    anonymous = [quote(i, f"what a hack {link}") for i in range(7)]
    assert opened_after_feed(anonymous) == []
    # nor when they open by naming someone else ("Okafor-Blake can't answer a single
    # question" quoting the account that posted her clip: third seed 5003)
    others = [quote(0, f"Fiske should be fired {link}")]
    others += [quote(i, f"Okafor-Blake can't answer a single question {link}")
               for i in range(1, 7)]
    assert opened_after_feed(others) == []


def test_a_pileon_still_in_its_first_window_excuses_no_rival_and_no_quiet_target() -> None:
    from alerts.evidence import Evidence

    # Gus, alerted on earlier (frozen at 3.5 an hour, under the busy mark), drew 30 insults
    # in the last half hour. Once his pile-on is older than the longest window that is
    # the night's surge, and busy Dana is held to it; while it is younger it is his own
    # pile-on, and a second one on Dana must still be seen. A volunteer is never held to it.
    gus = _Peer([170.0 + m for m in range(30)], per_hour=3.5)
    gus.busy = False
    dana, volunteer = _Peer([], per_hour=7.5), _Peer([], per_hour=1.0)
    volunteer.busy = False
    evidence = Evidence(AlertRules(), busy={"@dana": dana})
    evidence.posts = _Conversation(1.0)
    now, window = 200 * 60.0, 30 * 60.0
    evidence.piled_on = {"@gus": (gus, now - 120 * 60.0)}  # type: ignore[dict-item]
    assert evidence.peer_surge(dana, now, window) > 5.0
    assert evidence.peer_surge(volunteer, now, window) == 1.0
    evidence.piled_on = {"@gus": (gus, now - 20 * 60.0)}  # type: ignore[dict-item]
    assert evidence.peer_surge(dana, now, window) == 1.0



def test_on_a_debate_night_a_quiet_targets_pileon_is_judged_by_her_rate_before_it() -> None:
    from alerts.evidence import Evidence
    from alerts.targets import TargetState

    # Both candidates run at 20 times their usual 20 insults an hour (a debate night); the
    # moderator, insulted six times all evening, then draws an account every 46 seconds.
    # Her winsorised baseline learns from those attacks until an incident freezes it, and
    # scaled by the candidates' twentyfold surge the climbing rate kept the alert off for
    # all 30 accounts (blind seed 6002: @RosaDelgadoKTVS, 30 accounts in 23 minutes,
    # alerted after the midpoint). Her rate as it was before the window is what scales.
    rules = AlertRules()
    moderator = TargetState("@moderator", rules, 0.0, 3 * 3600.0)
    dana, marcus = _Peer([], per_hour=20.0), _Peer([], per_hour=20.0)
    evidence = Evidence(rules, busy={"@dana": dana, "@marcus": marcus})
    evidence.start(0.0, 3 * 3600.0)
    evidence.posts = _Conversation(rules.peer_night_surge)  # type: ignore[assignment]
    evidence.attacks = _Conversation(1.0)  # type: ignore[assignment]

    def attack(minute: float, author: str) -> None:
        moderator.traffic.add(minute * 60.0)
        moderator.add_attack(minute * 60.0, post(minute, author, "@moderator"))

    for i, minute in enumerate([60, 300, 560, 580, 590, 597]):
        attack(minute, f"critic{i}")
    fired_at = None
    for i in range(30):
        minute = 600 + i * 46 / 60
        for peer in (dana, marcus):  # 400 an hour each since the debate began at minute 570
            peer.attacks.times = [570 * 60.0 + k * 9.0 for k in range(int((minute - 570) * 60 / 9))]
        attack(minute, f"angry{i}")
        if evidence.pileon_window(moderator, minute * 60.0) is not None:
            fired_at = i + 1
            break
    assert fired_at is not None and fired_at <= 8
    assert moderator.baseline.per_hour_as_of(600 * 60.0, minute * 60.0) < 1.0


def test_a_reply_that_names_someone_else_without_addressing_its_reader_is_theirs() -> None:
    # "Dana Sullivan" has been insulted by name; replies to @sharer (who posted the clip)
    # then say "what a petty nutjob Sullivan is": they are about her, not the sharer. One
    # that says "you" is the sharer's, and so is one that tags him; a reply naming her to
    # an account her name fits is hers as it was. A busy candidate named so is no one's.
    from classifiers.targets import find_target

    def reply(minute: float, author: str, text: str, to: str) -> LabelledPost:
        found = find_target(text, author, to)
        p = post(minute, author, found.value if found else None)
        p.text = text
        return p

    named = [reply(m, f"a{m}", "Dana Sullivan is a disgrace", "@x") for m in (1, 2)]
    assert named[0].target == "name:Dana Sullivan"
    about = reply(3, "b1", "what a petty nutjob Sullivan is", "@sharer")
    assert about.target == "@sharer"  # what the classifier's rules say alone
    to_him = reply(4, "b2", "Sullivan is right and you are a clown", "@sharer")
    tagged = reply(5, "b3", "@sharer what a crank Sullivan is", "@sharer")
    hers = reply(6, "b4", "what a petty nutjob Sullivan is", "@DanaSullivan")
    _, detector = run(named + [about, to_him, tagged, hers])
    assert about.target == "name:Dana Sullivan"
    assert (to_him.target, tagged.target, hers.target) == ("@sharer", "@sharer", "@DanaSullivan")

    candidate = [post(m / 10, f"v{m}", "name:Gail Sutterby") for m in range(200)]
    clip = reply(40, "c1", "what a spineless weasel Sutterby is", "@sharer")
    run(candidate + [clip])
    assert clip.target is None
