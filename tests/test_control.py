"""Control of ground: who took, holds or left which villages (EN, RU, UK).

Every sentence is written for the test in the style of news text.
"""

from __future__ import annotations

import re

import pytest

from geo.control import find_control
from geo.control_lexicon import PREDICATES, Stance
from geo.model import Kind
from geo.text import fold
from tests.test_claims import extract


def control_claims(resources, text):
    return [c for c in extract(resources, text) if c.kind is Kind.CONTROL]


def village_names(resources, claim):
    places = resources.gazetteer.places
    return sorted(places[p.place_id].name for p in claim.places if p.place_id.startswith("inid"))


@pytest.mark.parametrize("predicate", PREDICATES, ids=lambda p: p.example[:40])
def test_every_lexicon_example_is_found_by_its_own_pattern(predicate):
    folded = fold(predicate.example)
    assert re.search(rf"(?<!\w)(?:{predicate.pattern})", folded), predicate.example


@pytest.mark.parametrize("predicate", PREDICATES, ids=lambda p: p.example[:40])
def test_every_lexicon_example_reads_as_a_control_statement(predicate):
    text = predicate.example
    spans = find_control(text, fold(text), (0, len(text)), [])
    assert spans, text
    assert spans[0].stance is predicate.stance


@pytest.mark.parametrize(("text", "villages"), [
    pytest.param("Russian forces have liberated the settlements of Plekhovo and Sverdlikovo, the ministry said.",
                 ["Plekhovo", "Sverdlikovo"], id="en-liberated-two"),
    pytest.param("Ukrainian troops took control of Sudzha after three days of fighting.",
                 ["Sudzha"], id="en-took-control"),
    pytest.param("Российские военные освободили Плехово в Курской области.",
                 ["Plekhovo"], id="ru-liberated"),
    pytest.param("ВСУ установили контроль над Суджей, заявил командующий.",
                 ["Sudzha"], id="ru-established-control"),
    pytest.param("Сили оборони звільнили Суджу від окупантів.",
                 ["Sudzha"], id="uk-liberated"),
])
def test_a_side_took_a_village(resources, text, villages):
    claims = control_claims(resources, text)
    assert len(claims) == 1
    assert village_names(resources, claims[0]) == villages
    assert claims[0].figure is None


def test_a_list_after_a_colon_is_one_claim_with_every_village(resources):
    text = ("The units of the group captured three settlements: Plekhovo, Sverdlikovo and Lebedevka, "
            "according to the ministry.")
    claims = control_claims(resources, text)
    assert len(claims) == 1
    assert village_names(resources, claims[0]) == ["Lebedevka", "Plekhovo", "Sverdlikovo"]


def test_a_list_one_village_a_line_belongs_to_the_claim_before_it(resources):
    text = ("Войска установили контроль над тремя населенными пунктами:\n"
            "  • Плехово\n  • Свердликово\n\nВ других районах было спокойно.")
    claims = control_claims(resources, text)
    assert len(claims) == 1
    assert village_names(resources, claims[0]) == ["Plekhovo", "Sverdlikovo"]


def test_these_settlements_go_back_to_the_villages_of_the_claim_before(resources):
    text = ("Российские войска освободили Плехово и Свердликово.\n"
            "Информация об освобождении этих населенных пунктов подтверждена в министерстве.")
    claims = control_claims(resources, text)
    assert len(claims) == 2
    assert village_names(resources, claims[1]) == ["Plekhovo", "Sverdlikovo"]


@pytest.mark.parametrize(("text", "stance"), [
    pytest.param("Ukrainian forces have withdrawn from Sudzha, the general staff said.", Stance.LEFT, id="en-withdrew"),
    pytest.param("Ukraine controls about 600 square kilometres of the Kursk region.", Stance.HOLDS, id="en-controls"),
    pytest.param("Ukrainian troops still hold part of the Kursk region.", Stance.HOLDS, id="en-hold-part"),
    pytest.param("ВСУ контролируют 40 населенных пунктов Курской области.", Stance.HOLDS, id="ru-controls"),
    pytest.param("Противник отступает из Суджи.", Stance.LEFT, id="ru-retreats"),
    pytest.param("Українські підрозділи вийшли з Суджі.", Stance.LEFT, id="uk-left"),
    pytest.param("Ukrainian troops abandoned the town of Sudzha after a week of shelling.", Stance.LEFT, id="en-abandoned"),
    pytest.param("Kyiv confirms withdrawal from the town of Sudzha", Stance.LEFT, id="en-withdrawal-noun"),
    pytest.param("Минобороны заявило о взятии поселка Суджа.", Stance.TOOK, id="ru-взятие"),
    pytest.param("Російські війська окупували селище Суджа.", Stance.TOOK, id="uk-окупували"),
    pytest.param("ВСУ оккупировали поселок Суджа в августе.", Stance.TOOK, id="ru-оккупировали"),
    pytest.param("Российские войска взяли поселок Суджа.", Stance.TOOK, id="ru-взяли"),
    pytest.param("Ukrainian units are still holding out in the town, DeepState said.", Stance.HOLDS,
                 id="en-holding-out"),
    pytest.param("Russian assault groups advanced into the town of Sudzha, the milbloggers said.", Stance.TOOK,
                 id="en-advanced-into"),
    pytest.param("По данным военкоров, ВСУ оставили поселок Суджа.", Stance.LEFT, id="ru-abandoned"),
    pytest.param("Окупанти покинули Суджу після двох тижнів боїв.", Stance.LEFT, id="uk-abandoned"),
])
def test_holding_and_leaving_ground_are_control_claims(resources, text, stance):
    assert len(control_claims(resources, text)) == 1
    spans = find_control(text, fold(text), (0, len(text)), [])
    assert spans[0].stance is stance


@pytest.mark.parametrize("text", [
    pytest.param("Ukrainian units captured 40 Russian soldiers near Sudzha.", id="en-captured-people"),
    pytest.param("Russian troops attempted to capture the village of Plekhovo.", id="en-attempt"),
    pytest.param("Kyiv's forces failed to retake the town.", id="en-failed"),
    pytest.param("The officials held talks in the Kursk region on Monday.", id="en-held-talks"),
    pytest.param("ВСУ пытались захватить село Плехово.", id="ru-attempt"),
    pytest.param("Российские войска не освободили Суджу.", id="ru-negated"),
    pytest.param("Війська ЗСУ намагаються захопити село.", id="uk-attempt"),
    pytest.param("Thousands of residents abandoned their homes in Sudzha.", id="en-residents-homes"),
    pytest.param("Russian assault groups advanced towards Sudzha on Monday.", id="en-advanced-towards"),
    pytest.param("Штурмовики взяли поселок в кольцо.", id="ru-encircled-is-not-taken"),
    pytest.param("If Ukraine withdraws from Sudzha, it loses its bargaining chip.", id="en-condition"),
    pytest.param("Analysts expect Russia to recapture Sudzha within weeks.", id="en-forecast"),
    pytest.param("Если ВСУ покинут Суджу, они потеряют козырь.", id="ru-condition"),
    pytest.param("Якщо ЗСУ вийдуть із Суджі, вони втратять козир.", id="uk-condition"),
    pytest.param("Бойцы взяли в плен 30 военных в поселке.", id="ru-prisoners-are-not-ground"),
    pytest.param("Жители оставили свои дома и уехали в Курск.", id="ru-residents-homes"),
    pytest.param("Ворог покинув техніку та поранених.", id="uk-equipment"),
])
def test_attempts_denials_and_people_are_not_control(resources, text):
    assert control_claims(resources, text) == []


def test_a_loss_read_from_ground_words_gives_way_to_control(resources):
    claims = extract(resources, "Ukrainian forces have captured 11 settlements in the Kursk region, Russian sources said.")
    assert [c.kind for c in claims] == [Kind.CONTROL]


def test_prisoners_and_ground_in_one_sentence_are_two_claims(resources):
    claims = extract(resources, "Russian troops recaptured Plekhovo and captured 12 Ukrainian soldiers there.")
    assert sorted(c.kind for c in claims) == sorted([Kind.CONTROL, Kind.CAPTURED])


def test_the_side_is_the_subject_as_written(resources):
    claims = control_claims(resources, "Russian forces have regained control of Sverdlikovo.")
    assert claims[0].subject == "Russian forces"


@pytest.mark.parametrize("text", [
    pytest.param("Officials said 40% of the region had been captured by the end of the month.", id="en-passive"),
    pytest.param("Analysts mapped the land the brigade took during the raid.", id="en-ground-before-took"),
    pytest.param("Город в Курской области под контролем ВСУ.", id="ru-under-control-after-ground"),
    pytest.param("Україна створила військову комендатуру в Суджі.", id="uk-commandant-office"),
    pytest.param("The army has recaptured around 40 square kilometres near the border.", id="en-around-is-no-preposition"),
])
def test_ground_may_stand_before_the_predicate_or_after_an_approximation(resources, text):
    assert len(control_claims(resources, text)) == 1


@pytest.mark.parametrize("text", [
    pytest.param("Shelling hit villages west of the currently held territories.", id="en-attributive-held"),
    pytest.param("Officials did not count any recaptured territory in the report.", id="en-attributive-any"),
    pytest.param("Russia is still fighting to push Ukrainian forces out of the town.", id="en-fighting-to"),
    pytest.param("It is unlikely the brigade can hold the village for long.", id="en-unlikely-can"),
    pytest.param("За словами мера, у місті залишилося мало цілих будівель.", id="uk-remained-is-not-left"),
])
def test_adjectives_aims_and_modal_verbs_are_not_control(resources, text):
    assert control_claims(resources, text) == []


def test_a_list_that_crosses_into_another_region_is_split_and_the_far_part_unplaced(resources):
    text = ("За неделю освобождены населенные пункты: в Курской области — Плехово, "
            "в Донецкой Народной Республике — Новоселовка и Ивановка.")
    claims = control_claims(resources, text)
    assert len(claims) == 2
    kursk, far = sorted(claims, key=lambda c: c.start)
    assert village_names(resources, kursk) == ["Plekhovo"]
    assert far.places == ()


@pytest.mark.parametrize("text", [
    pytest.param("Сили оборони контролюють до двох вулиць у селищі.", id="uk-up-to-two-streets"),
    pytest.param("Shelling hit the Ukraine-controlled Sudzha overnight.", id="en-hyphenated-controlled"),
])
def test_approximations_and_hyphenated_holders_keep_the_claim(resources, text):
    assert len(control_claims(resources, text)) == 1


def test_gains_are_control_and_no_gains_are_not(resources):
    assert len(control_claims(resources, "Ukrainian forces have made territorial gains in the Kursk region.")) == 1
    assert control_claims(resources, "Ukrainian forces have made no gains in the Kursk region.") == []


def test_a_control_claim_inside_dashes_ends_at_the_closing_dash(resources):
    text = ("Officials put the number of troops in the region – where Ukrainian units control "
            "several villages – at about 5,000.")
    claims = control_claims(resources, text)
    assert [c.quote for c in claims] == ["Ukrainian units control several villages"]


def test_a_run_on_line_costs_work_in_proportion_to_its_length(monkeypatch):
    """Every clause search is bounded: doubling a line with no stop doubles the characters scanned."""
    import geo.control as control

    scanned = []
    real_start = control._clause_start

    def counting_start(text, start, pos):
        cut = real_start(text, start, pos)
        scanned.append(pos - cut)
        return cut

    monkeypatch.setattr(control, "_clause_start", counting_start)
    for n in (200, 400):
        scanned.clear()
        text = "troops liberated the village and " * n
        find_control(text, fold(text), (0, len(text)), [])
        assert max(scanned) <= control._REACH
        assert len(scanned) == n


def test_two_statements_in_one_sentence_do_not_share_words(resources):
    text = ("Ukrainian forces have seized 40 square kilometres of the region, and other sources "
            "reported that Ukrainian forces captured Plekhovo.")
    claims = sorted(control_claims(resources, text), key=lambda c: c.start)
    assert [c.quote for c in claims] == [
        "Ukrainian forces have seized 40 square kilometres of the region",
        "Ukrainian forces captured Plekhovo",
    ]
    assert village_names(resources, claims[0]) == []
    assert village_names(resources, claims[1]) == ["Plekhovo"]


@pytest.mark.parametrize("text", [
    pytest.param("The unit killed 21 soldiers near Plekhovo and captured two near Sverdlikovo.", id="en-active-after-place"),
    pytest.param("Бойцы уничтожили 20 военных у Плехово и захватили двоих у Свердликово.", id="ru-active-after-place"),
])
def test_an_active_verb_does_not_take_ground_named_before_it(resources, text):
    assert control_claims(resources, text) == []


@pytest.mark.parametrize("predicate", PREDICATES, ids=lambda p: p.example[:40])
def test_every_predicate_match_holds_an_anchor_stem(predicate):
    """The anchor pre-check may skip a sentence only when no predicate could match in it."""
    from geo.control_lexicon import ANCHORS

    match = re.search(rf"(?<!\w)(?:{predicate.pattern})", fold(predicate.example))
    assert any(stem in match.group() for stem in ANCHORS), match.group()


@pytest.mark.parametrize("text", [
    pytest.param("Fighting went on near Sudzha, which is occupied by Ukrainian forces.", id="en"),
    pytest.param("Бои шли у Суджи, которая находится под контролем ВСУ.", id="ru"),
    pytest.param("Бої тривали біля Суджі, яка перебуває під контролем ЗСУ. Курська область.", id="uk"),
])
def test_a_relative_clause_is_about_the_village_before_it(resources, text):
    """"Sudzha, which is occupied by Ukraine": the village before the comma is the clause's ground."""
    [claim] = control_claims(resources, text)
    assert village_names(resources, claim) == ["Sudzha"]



@pytest.mark.parametrize(("text", "quotes"), [
    pytest.param("Ukraine has lost a third of the land it had seized, which at its height was about 500 square miles.",
                 ["Ukraine has lost a third of the land it had seized", "which at its height was about 500 square miles"],
                 id="en-size-after-relative"),
    pytest.param("Analysts said the grey zone near the border has grown to 90 square kilometres.",
                 ["the grey zone near the border has grown to 90 square kilometres"], id="en-zone"),
    pytest.param("Ukrainian troops hold 300 square miles; the 450 square miles claimed by Kyiv were never confirmed.",
                 ["Ukrainian troops hold 300 square miles", "the 450 square miles claimed by Kyiv were never confirmed"],
                 id="en-claimed-by"),
    pytest.param("Площадь захваченной территории достигла 700 кв. км, заявил командир.",
                 ["Площадь захваченной территории достигла 700 кв. км"], id="ru-area"),
    pytest.param("Площа окупованої території перевищила 40 кв. км, повідомили аналітики.",
                 ["Площа окупованої території перевищила 40 кв. км"], id="uk-area"),
])
def test_the_size_of_ground_taken_or_held_is_a_control_claim(resources, text, quotes):
    """An area figure said of ground taken, held or claimed is a claim about ground (GOLD.md: control)."""
    assert [c.quote for c in control_claims(resources, text)] == quotes


@pytest.mark.parametrize("text", [
    pytest.param("The oblast's territory is 29,997 square kilometres.", id="en-size-of-a-region"),
    pytest.param("The reservoir covers 12 square kilometres north of the town.", id="en-size-of-a-lake"),
    pytest.param("Площадь области составляет 29 997 кв. км.", id="ru-size-of-a-region"),
    pytest.param("Площа області становить 29 997 кв. км.", id="uk-size-of-a-region"),
])
def test_a_size_said_of_no_ground_taken_is_no_claim(resources, text):
    assert control_claims(resources, text) == []
