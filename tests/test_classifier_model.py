"""The shipped model on fixed examples of every hard-case kind in LABELS.md.

Written for this test (not copied from the training set). Each kind must be right on
every example, except the few listed in KNOWN_MISSES (each named in the README).
"""

from __future__ import annotations

import json
import shutil
import time

import numpy as np
import pytest

from classifiers.predict import DEFAULT_MODEL_DIR, Model, load_model

A, S, O = "attack", "substantive", "other"  # noqa: E741 - short, as in the tables below

CASES: dict[str, list[tuple[str, str]]] = {
    "one_word": [
        ("clown.", A), ("ok.", O), ("fraud", A), ("thanks!", O), ("coward.", A), ("yes!!", O),
        ("@MarcusHaleForGov loser", A), ("@DanaWhitfield agreed", O),
    ],
    "nickname": [
        ("Hale-o-ween is back with another scary budget", A),
        ("lol Dana Whitewash strikes again", A),
        ("Marcus 'Hail Mary' Hale can't even finish a sentence", A),
        ("Lyin' Dana at it again #Whitfield2026", A),
    ],
    "sweet_putdown": [
        ("bless her heart, she really thinks she understands water law", A),
        ("sit down, sweetie, the grown-ups are talking about the budget", A),
        ("aww, Marcus learned a new word today. so proud of him", A),
        ("it's cute that Whitfield thinks anyone listens to her", A),
    ],
    "attack_on_journalist": [
        ("maybe learn to read before you write, Rachel", A),
        ("@rachelkim_news you are a hack with a press pass", A),
        ("Jorge Medina is a partisan stooge pretending to be a reporter", A),
        ("@jmedina_reports your piece left out the 2022 overrun figures, can you add them?", S),
    ],
    "turns_to_insult": [
        ("The levy raises $40M a year for buses and the fiscal note shows routes doubling in "
         "Marrow Falls. Fine. But Whitfield herself is a smug, lying airhead.", A),
        ("SB 114 would lift starting teacher pay to $52k, which I support in principle. "
         "Hale voting no just proves he's a spineless corporate puppet.", A),
    ],
    "surface_cue": [
        ("Hale's vote against SB 114 was shameful: 40 districts lose funding.", S),
        ("This budget is a disgrace to Port Ellis taxpayers: a $30M hole and no plan.", S),
        ("Hale is a shameful little man and a disgrace to the senate", A),
    ],
    "condemned_quote": [
        ("Calling her a 'crazy witch' is disgusting. Debate her on the levy.", S),
        ("People calling Hale 'inbred' need to stop. Argue about the tax freeze instead.", S),
    ],
    "profane_policy": [
        ("this levy is f***ing robbery, 0.5% on every grocery bill", S),
        ("the property tax freeze is a goddamn giveaway to landlords", S),
    ],
    "profane_cheer": [
        ("hell yeah Dana!!", O),
        ("fuck yes, see y'all at the rally tonight", O),
    ],
    "attack_on_staff_or_supporters": [
        ("Hale voters are inbred morons", A),
        ("@PriyaRamanCM you're a talentless hack running a clown campaign", A),
        ("Whitfield volunteers are smug brats who can't take no for an answer", A),
    ],
    "harsh_substantive": [
        ("Hale's tax freeze is a terrible idea: it guts $4M a year from Marrow Falls schools.", S),
        ("Whitfield's bridge bond ran $62M over budget. That record should worry every voter.", S),
    ],
    "policy_dressed_attack": [
        ("Hale's water plan makes sense only if you're as dumb as Hale", A),
        ("Sure the levy has numbers, but Whitfield is a pathological liar so who cares", A),
    ],
    "compliment_insult": [
        ("Wow Marcus, you're so brave to read a whole speech without your handlers!", A),
        ("Dana has a real gift: she can talk for an hour and say nothing at all", A),
    ],
    "banter": [
        ("@TomOkafor_press you still owe me a coffee for that debate prep lol", O),
        ("Priya you legend, the phone bank is packed tonight", O),
    ],
    "plain_other": [
        ("Doors open at 6pm at the Cedar Point library. Bring a friend!", O),
        ("RT to win a signed yard sign #Whitfield2026", O),
        ("Debate moved to Thursday at 7, KVRC 7 will stream it", O),
    ],
}


# Examples the shipped model gets wrong, each listed in the README's error analysis. Kept
# in CASES, excused here, and checked below to still be wrong: when a retrained model
# gets one right, the test fails until the entry is removed, so the list cannot go stale.
# Hard cases the shipped model gets wrong, each named in the README (none since
# civmon-minilm-20261127-cfa51390 read "@jmedina_reports your piece left out the 2022
# overrun figures, can you add them?" as the question it is).
KNOWN_MISSES: set[str] = set()


@pytest.fixture(scope="module")
def shipped() -> Model:
    return load_model(DEFAULT_MODEL_DIR)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_hard_cases(shipped: Model, kind: str) -> None:
    texts = [t for t, _ in CASES[kind]]
    got = shipped.labels(texts)
    pairs = zip(CASES[kind], got, strict=True)
    wrong = [
        (text, want, have)
        for (text, want), have in pairs
        if want != have and text not in KNOWN_MISSES
    ]
    assert not wrong, f"{kind}: {wrong}"


def test_known_misses_are_still_missed(shipped: Model) -> None:
    expected = {text: want for cases in CASES.values() for text, want in cases}
    texts = sorted(KNOWN_MISSES)
    fixed = [t for t, got in zip(texts, shipped.labels(texts), strict=True) if got == expected[t]]
    assert not fixed, f"now right, remove from KNOWN_MISSES: {fixed}"


def test_batches_run_side_by_side_keep_each_post_its_own_scores() -> None:
    texts = [t for cases in CASES.values() for t, _ in cases]  # every length and label
    alone = load_model(DEFAULT_MODEL_DIR, threads=1, max_batch=1, cache_size=0)
    lanes = load_model(DEFAULT_MODEL_DIR, threads=3, max_batch=4, cache_size=0)
    assert lanes.backend.lanes == 3
    want, got = alone.predict_proba(texts), lanes.predict_proba(texts)
    assert len(set(want.argmax(axis=1))) == 3  # posts differ, so a mix-up would show
    assert np.array_equal(got.argmax(axis=1), want.argmax(axis=1))
    # int8 activations are quantised per batch, so batch-mates move scores a little (most
    # by under 0.01; the borderline known miss by 0.06)
    assert np.abs(got - want).max() < 0.1


def test_shipped_model_is_small_loads_fast_and_has_a_card() -> None:
    size = sum(f.stat().st_size for f in DEFAULT_MODEL_DIR.iterdir() if f.is_file())
    assert size <= 30 * 1024 * 1024
    started = time.perf_counter()
    model = load_model(DEFAULT_MODEL_DIR)
    assert time.perf_counter() - started < 10  # the <= 2 s target is measured by the bench
    assert model.version.startswith("civmon-minilm-") and model.backend.name == "onnxruntime"
    metrics = model.card["metrics"]
    assert metrics["test"]["macro_f1"] > metrics["baseline"]["test"]["macro_f1"]


def test_a_model_trained_before_names_were_masked_still_sees_names(tmp_path) -> None:
    """Format 3 models were trained with people's names masked; a format 2 model in a
    user's models/ folder must get the input it was trained on, names and all."""
    old_dir = tmp_path / "old"
    shutil.copytree(DEFAULT_MODEL_DIR, old_dir)
    card = json.loads((old_dir / "card.json").read_text())
    card["format_version"] = 2
    (old_dir / "card.json").write_text(json.dumps(card))
    old, new = load_model(old_dir, cache_size=0), load_model(DEFAULT_MODEL_DIR, cache_size=0)
    assert (old.mask_names, new.mask_names) == (False, True)
    named, masked = "Wade Brannigan took questions", "@USER took questions"
    assert np.allclose(new.predict_proba([named]), new.predict_proba([masked]))
    assert not np.allclose(old.predict_proba([named]), old.predict_proba([masked]))
