"""What is claimed, on sentences written for these tests in the style of wires, ministries and
Telegram-sourced reports (not copied from the development articles): equipment counted by air
defence is no loss of people, a withdrawal written as a noun is control of ground, and the
look-alikes of both stay out.
"""

from __future__ import annotations

import pytest

from geo.model import Kind
from tests.test_probe_claims import claims, numbers
from tests.test_probe_figures import readings


def sides(resources, text: str):
    """The kind and subject of every claim of a text."""
    return [(c.kind, c.subject) for c in claims(resources, text)]


def control_claims(resources, text: str):
    return [c for c in claims(resources, text) if c.kind is Kind.CONTROL]


@pytest.mark.parametrize("text", [
    pytest.param("Russia launched 87 drones overnight. The Ukrainian Air Force said 33 were intercepted and "
                 "another 36 were lost to electronic warfare.", id="en-intercepted-and-lost"),
    pytest.param("Over the Kursk region, 14 drones were shot down and 6 more were lost, the ministry said.",
                 id="en-shot-down-and-more-lost"),
    pytest.param("Ukraine launched 60 drones at the Kursk region; 24 were shot down and another 36 were lost, "
                 "probably jammed, the ministry said.", id="en-lost-probably-jammed"),
    pytest.param("Ukraine lost 12 Western-supplied tanks near Sudzha in a week, according to the Russian Defense "
                 "Ministry.", id="en-hyphenated-adjective-before-tanks"),
    pytest.param("Ночью над Курской областью ПВО сбила 20 беспилотников, еще 8 были подавлены средствами РЭБ.",
                 id="ru-сбила-подавлены"),
    pytest.param("Над Курщиною збито 15 ударних дронів, ще 10 локаційно втрачено, повідомили Повітряні сили.",
                 id="uk-збито-локаційно-втрачено"),
])
def test_equipment_lost_to_air_defence_is_no_loss_of_people(resources, text):
    assert claims(resources, text) == ()


@pytest.mark.parametrize(("text", "kind", "figure"), [
    # people still count beside equipment and in a sentence about air defence
    pytest.param("Ukrainian forces lost 300 soldiers and 12 tanks near Sudzha, the Russian Defense Ministry said.",
                 Kind.KILLED_OR_WOUNDED, (None, 300, None), id="en-soldiers-and-tanks"),
    pytest.param("Air defence shot down a drone over Rylsk, and two people were injured by its debris, the "
                 "governor said.", Kind.WOUNDED, (None, 2, None), id="en-injured-by-a-downed-drone"),
    pytest.param("Над Рыльском сбит беспилотник, погибли двое мирных жителей, сообщил губернатор.",
                 Kind.KILLED, (None, 2, None), id="ru-погибли-после-сбития"),
    pytest.param("Air defence units lost 20 soldiers near Sudzha, the Ukrainian General Staff said.",
                 Kind.KILLED_OR_WOUNDED, (None, 20, None), id="en-air-defence-lost-soldiers"),
])
def test_people_still_count_where_air_defence_is_named(resources, text, kind, figure):
    assert [(c.kind, numbers(c)) for c in claims(resources, text)] == [(kind, figure)]


@pytest.mark.parametrize(("text", "subject"), [
    pytest.param("Минобороны России сообщило о выходе ВСУ из Суджи Курской области.", "ВСУ", id="ru-о-выходе-ВСУ-из"),
    pytest.param("Военкоры сообщают о выходе подразделений ВСУ из района Суджи в Курской области.",
                 "подразделений ВСУ", id="ru-о-выходе-подразделений-из-района"),
    pytest.param("Военкоры написали об отходе украинских подразделений из Суджи в Курской области.",
                 "украинских подразделений", id="ru-об-отходе"),
    pytest.param("Генштаб ЗСУ підтвердив відхід українських підрозділів з Суджі на Курщині.",
                 "українських підрозділів", id="uk-відхід-з"),
    pytest.param("The Ukrainian command confirmed the withdrawal of Ukrainian units from Sudzha in the Kursk region.",
                 "Ukrainian units", id="en-withdrawal-of-units-from"),
    pytest.param("Ukrainian forces have pulled back from Sudzha in the Kursk region, Syrskyi said.",
                 "Ukrainian forces", id="en-pulled-back-from"),
    # a report of a taking written as a noun names no side before it: the speaker is no side
    pytest.param("Минобороны России сообщило о захвате Суджи в Курской области.", None, id="ru-о-захвате-no-side"),
    pytest.param("Moscow announced the fall of Sudzha in the Kursk region on Friday.", None, id="en-fall-of-no-side"),
    # a source that opens the clause is no side, nor is "partly"
    pytest.param("По данным военкоров, ВСУ частично контролируют Гуево в Курской области.", "ВСУ",
                 id="ru-по-данным-частично"),
])
def test_a_withdrawal_written_as_a_noun_is_control_with_its_side(resources, text, subject):
    found = claims(resources, text)
    assert [(c.kind, c.subject) for c in found] == [(Kind.CONTROL, subject)]
    assert found[0].places


@pytest.mark.parametrize("text", [
    pytest.param("Минобороны сообщило о выходе из строя двух украинских танков под Суджей в Курской области.",
                 id="ru-выход-из-строя"),
    pytest.param("Россия объявила о выходе из договора о ракетах, заявил МИД.", id="ru-выход-из-договора"),
    pytest.param("The withdrawal of Ukrainian troops from Sudzha would be a disaster, analysts warned.",
                 id="en-withdrawal-would-be"),
    pytest.param("Ukrainian officials discussed a possible withdrawal of troops from the Kursk region.",
                 id="en-possible-withdrawal"),
    pytest.param("Residents have pulled back from the border villages of the Kursk region.", id="en-residents"),
    pytest.param("Kyiv said that negotiators pulled back from the talks on the Kursk region.", id="en-from-talks"),
])
def test_withdrawal_look_alikes_are_no_claim(resources, text):
    assert control_claims(resources, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # "half" written apart from the scale it halves, as Ukrainian reports write it
    pytest.param("Ворог втратив понад пів тисячі військових.", [("понад пів тисячі", 500, 500, None)],
                 id="uk-понад-пів-тисячі"),
    pytest.param("Ворог втратив пів тисячі військових.", [("пів тисячі", None, 500, None)], id="uk-пів-тисячі"),
    pytest.param("Загинули близько пів сотні окупантів.", [("близько пів сотні", None, 50, None)],
                 id="uk-близько-пів-сотні"),
    pytest.param("Бої тривали пів року.", [], id="uk-пів-року-no-amount"),
    pytest.param("Пол был залит водой.", [], id="ru-пол-the-floor"),
    # vague counts keep their text, numbers null (GOLD.md: "several")
    pytest.param("Ворог втратив кількадесят військових.", [("кількадесят", None, None, None)], id="uk-кількадесят"),
    pytest.param("Russia lost a couple of dozen soldiers.", [("a couple of dozen", None, None, None)],
                 id="en-a-couple-of-dozen"),
    # an approximation keeps its word
    pytest.param("Противник потерял ориентировочно 300 военнослужащих.", [("ориентировочно 300", None, 300, None)],
                 id="ru-ориентировочно"),
])
def test_figures_as_reports_write_them(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(("text", "subject"), [
    pytest.param("Ukrainian military bloggers said Kyiv's forces still held positions in Sudzha in the Kursk region.",
                 "Kyiv's forces", id="en-said-then-the-side"),
    pytest.param("Russia's defence ministry said Wednesday it had retaken Sudzha in the Kursk region.", "it",
                 id="en-said-a-weekday"),
    pytest.param("Geolocated footage indicates that Russian forces recently advanced into central Sudzha.",
                 "Russian forces", id="en-recently"),
    pytest.param("Сирський доповів про завершення звільнення Суджі на Курщині.", None, id="uk-про-завершення"),
])
def test_the_side_of_a_control_claim_is_not_its_speaker(resources, text, subject):
    assert sides(resources, text) == [(Kind.CONTROL, subject)]


@pytest.mark.parametrize("text", [
    pytest.param("Moscow pressed a counteroffensive to push Ukrainian troops out of the Kursk region.",
                 id="en-counteroffensive-to-push"),
    pytest.param("Russia launched an operation to retake Sudzha in the Kursk region, Kyiv said.",
                 id="en-operation-to-retake"),
])
def test_an_operations_aim_is_no_control_claim(resources, text):
    assert control_claims(resources, text) == []


@pytest.mark.parametrize(("text", "subject"), [
    # a side's flag raised over a place is the place taken
    pytest.param("Над Суджей поднят российский флаг, сообщили в Минобороны России.", None, id="ru-поднят-флаг"),
    pytest.param("Над Суджею піднято український прапор, повідомив Сирський.", None, id="uk-піднято-прапор"),
    pytest.param("Russian troops raised the Russian flag over Sudzha in the Kursk region, the Defense Ministry said.",
                 "Russian troops", id="en-raised-the-flag-over"),
    pytest.param("Кремль: ВСУ выдавлены из Курской области.", "ВСУ", id="ru-выдавлены-из"),
    pytest.param("Українські військові продовжують утримувати позиції в Суджі на Курщині, заявив Сирський.",
                 "Українські військові", id="uk-продовжують-утримувати"),
    # part of a town held
    pytest.param("Противник удерживает несколько домов на южной окраине Суджи, сообщили военкоры.", "Противник",
                 id="ru-удерживает-домов"),
])
def test_flags_raised_and_parts_of_a_town_held(resources, text, subject):
    found = claims(resources, text)
    assert [(c.kind, c.subject) for c in found] == [(Kind.CONTROL, subject)]


@pytest.mark.parametrize("text", [
    pytest.param("Над зданием школы в Курске подняли флаг в честь праздника.", id="ru-flag-of-a-holiday"),
    pytest.param("Fans raised a flag over the stadium in Kursk before the match.", id="en-fans-flag"),
    pytest.param("Противник удерживает инициативу у Суджи, сообщили военкоры.", id="ru-удерживает-инициативу"),
])
def test_flag_and_holding_look_alikes_are_no_claim(resources, text):
    assert control_claims(resources, text) == []


@pytest.mark.parametrize(("text", "kind", "figure"), [
    # the kinds of soldiers reports count are heads, so the amount is the claim's figure
    pytest.param("About 120 Russian recruits were killed near Sudzha, the Ukrainian General Staff said.",
                 Kind.KILLED, (None, 120, None), id="en-recruits"),
    pytest.param("Понад 200 російських строковиків вважаються зниклими безвісти на Курщині, повідомив омбудсман.",
                 Kind.MISSING, (200, 200, None), id="uk-строковиків-зниклими"),
    pytest.param("В Курской области в плен попали 40 российских пограничников, сообщил Генштаб ВСУ.",
                 Kind.CAPTURED, (None, 40, None), id="ru-пограничников"),
    pytest.param("Ukrainian forces captured 45 Russian border guards in the Kursk region, Zelensky said.",
                 Kind.CAPTURED, (None, 45, None), id="en-border-guards"),
])
def test_more_kinds_of_soldiers_are_counted(resources, text, kind, figure):
    found = claims(resources, text)
    assert [(c.kind, numbers(c)) for c in found] == [(kind, figure)]
    assert found[0].subject is not None


@pytest.mark.parametrize(("text", "expected"), [
    # a Ukrainian date or unit after a number is no amount
    pytest.param("Загалом з 6 серпня росіяни втратили на Курщині понад 40 тисяч військових.",
                 [("понад 40 тисяч", 40000, 40000, None)], id="uk-з-6-серпня"),
    pytest.param("До 15 березня ворог втратив 40 тисяч військових.", [("40 тисяч", None, 40000, None)],
                 id="uk-до-15-березня"),
    pytest.param("За 3 доби ворог втратив 400 військових.", [("400", None, 400, None)], id="uk-3-доби"),
    pytest.param("Протягом 2 років загинули 40 військових.", [("40", None, 40, None)], id="uk-2-років"),
    pytest.param("Війська просунулися на 5 кілометрів.", [], id="uk-5-кілометрів"),
    pytest.param("ЗСУ контролюють 30 відсотків району.", [], id="uk-30-відсотків"),
])
def test_ukrainian_dates_and_units_are_no_amounts(text, expected):
    assert readings(text) == expected


def test_a_running_total_is_dated_at_publication_not_at_its_start(resources):
    (claim,) = claims(resources, "Загалом з 6 серпня росіяни втратили на Курщині понад 40 тисяч військових, "
                                 "повідомив Генштаб.")
    assert (claim.reported, numbers(claim)) == ("2025-03-10", (40000, 40000, None))


def test_a_front_total_does_not_take_the_village_of_an_attack(resources):
    text = ("Как сообщил губернатор, в результате атаки дрона на Рыльск ранения получили три человека.\n\n"
            "Ранее в Минобороны сообщили, что с начала операции ВСУ потеряли на курском направлении "
            "более 65 тысяч военнослужащих.")
    found = {c.figure.best: c for c in claims(resources, text) if c.figure is not None}
    rylsk = {p.place_id for p in found[3].places} - {"kursk-oblast"}
    assert rylsk
    assert not rylsk & {p.place_id for p in found[65000].places}


@pytest.mark.parametrize(("text", "expected"), [
    # a possessive between "of" and the total, and a bound before the share
    pytest.param("A third of the brigade's 2,000 troops were killed.",
                 [("A third of the brigade's 2,000", None, 666.67, None)], id="en-of-the-brigades"),
    pytest.param("A third of Pyongyang's 11,000 troops have been killed or wounded.",
                 [("A third of Pyongyang's 11,000", None, 3666.67, None)], id="en-of-pyongyangs"),
    pytest.param("Up to a third of the 2,000 troops were killed.",
                 [("Up to a third of the 2,000", None, 666.67, 666.67)], id="en-up-to-a-third"),
    pytest.param("More than half of the unit's 600 soldiers were wounded.",
                 [("More than half of the unit's 600", 300, 300, None)], id="en-more-than-half"),
])
def test_a_share_of_a_total_read_through_a_possessive_and_a_bound(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(("text", "figure"), [
    pytest.param("Ukraine has moved elements of four brigades to the Kursk direction, according to Russian sources.",
                 (None, None, None), id="en-moved-brigades-to"),
    pytest.param("Russia has shifted several airborne units to the Kursk region from Zaporizhzhia, the ISW said.",
                 (None, None, None), id="en-shifted-units-to"),
])
def test_forces_moved_or_shifted_to_a_place_are_deployed(resources, text, figure):
    assert [(c.kind, numbers(c)) for c in claims(resources, text)] == [(Kind.DEPLOYED, figure)]


def test_troops_moving_to_positions_are_no_deployment(resources):
    assert claims(resources, "The troops moved to new positions near Sudzha after the shelling.") == ()


@pytest.mark.parametrize(("text", "subject"), [
    # an adverb between the side and its verb keeps the verb a verb
    pytest.param("Russian forces recently seized Sverdlikovo in the Kursk region, the ISW assessed.", "Russian forces",
                 id="en-recently-seized"),
    # control lost
    pytest.param("ВСУ утратили контроль над Суджей в Курской области, сообщили военкоры.", "ВСУ",
                 id="ru-утратили-контроль-над"),
    pytest.param("ЗСУ втратили контроль над частиною Суджі на Курщині, визнали в Генштабі.", "ЗСУ",
                 id="uk-втратили-контроль-над"),
])
def test_control_seized_recently_or_lost(resources, text, subject):
    assert sides(resources, text) == [(Kind.CONTROL, subject)]


@pytest.mark.parametrize("text", [
    pytest.param("Ukraine is trying to hold on to the recently captured territory near Sudzha.", id="en-the-recently"),
    pytest.param("Sudzha, once held by Ukraine, is now in ruins.", id="en-once-held"),
    pytest.param("Kyiv's forces are defending newly seized positions near Sudzha.", id="en-newly-seized"),
])
def test_a_participle_before_its_noun_is_no_claim(resources, text):
    assert control_claims(resources, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a number before a singular unit noun names the unit ("95 бригада" is the 95th brigade)
    pytest.param("Сили оборони знищили 27 окупантів на Курщині — 95 бригада.", [("27", None, 27, None)],
                 id="uk-95-бригада-source"),
    pytest.param("The 47 brigade said it repelled the attack.", [], id="en-47-brigade"),
    # a count of units keeps its plural, and its text (GOLD.md: numbers null)
    pytest.param("Россия перебросила 3 бригады в Курскую область.", [("3 бригады", None, None, None)],
                 id="ru-3-бригады"),
    pytest.param("Ворог втратив 1 батальйон.", [("1 батальйон", None, None, None)], id="uk-1-батальйон"),
])
def test_a_units_number_is_no_count_of_units(text, expected):
    assert readings(text) == expected


def test_a_headline_source_unit_makes_no_claim_of_its_own(resources):
    found = claims(resources, "Сили оборони знищили 27 окупантів на Курщині — 95 бригада")
    assert [(c.kind, numbers(c)) for c in found] == [(Kind.KILLED, (None, 27, None))]


@pytest.mark.parametrize("text", [
    pytest.param("A total of 84 Ukrainian prisoners of war were returned in the swap.", id="en-pows-returned"),
    pytest.param("В ходе обмена на родину вернулись 150 российских военнослужащих, попавших в плен в Курской области.",
                 id="ru-вернулись-попавших-в-плен"),
])
def test_prisoners_returned_in_an_exchange_are_no_capture(resources, text):
    assert [c for c in claims(resources, text) if c.kind is Kind.CAPTURED] == []


def test_a_capture_beside_ground_freed_still_stands(resources):
    text = "Ukrainian forces freed three villages and captured 40 Russian soldiers near Sudzha, Zelensky said."
    assert (Kind.CAPTURED, (None, 40, None)) in [(c.kind, numbers(c)) for c in claims(resources, text)]


@pytest.mark.parametrize(("text", "subject"), [
    # the side of ground held in the passive is the holder, not the ground
    pytest.param("Around 2,000 civilians remain in Sudzha under Ukrainian control, the ICRC said.", "Ukrainian",
                 id="en-under-ukrainian-control"),
    pytest.param("The three villages lie north of the Ukraine-controlled Sudzha.", "Ukraine", id="en-ukraine-controlled"),
    pytest.param("Суджа перешла под контроль российских войск, сообщило Минобороны России.", "российских войск",
                 id="ru-перешла-под-контроль"),
    pytest.param("Суджа остается под контролем украинских военных, заявил Сырский.", "украинских военных",
                 id="ru-под-контролем-военных"),
    # a time or a place before the side is no part of it
    pytest.param("In February, the army regained control of Pogrebki in the Kursk region.", "the army",
                 id="en-in-february-the-army"),
    pytest.param("В начале августа украинские войска вторглись на территорию Курской области.", "украинские войска",
                 id="ru-в-начале-августа"),
])
def test_the_side_of_ground_held_or_taken(resources, text, subject):
    assert sides(resources, text) == [(Kind.CONTROL, subject)]


@pytest.mark.parametrize(("text", "kind", "figure"), [
    # a count that rose to a new total, however far its noun stands from the number
    pytest.param("Число пострадавших в результате атаки на Рыльск возросло до 12, сообщил губернатор.", Kind.WOUNDED,
                 (None, 12, None), id="ru-число-пострадавших-возросло"),
    pytest.param("Число погибших в результате атаки на Рыльск возросло до 7, сообщил губернатор.", Kind.KILLED,
                 (None, 7, None), id="ru-число-погибших-far"),
    pytest.param("Кількість загиблих унаслідок удару по Рильську зросла до дев'яти, повідомили в ОВА.", Kind.KILLED,
                 (None, 9, None), id="uk-кількість-загиблих-зросла"),
])
def test_a_count_that_rose_to_a_total(resources, text, kind, figure):
    assert [(c.kind, numbers(c)) for c in claims(resources, text)] == [(kind, figure)]


@pytest.mark.parametrize("text", [
    pytest.param("The 95th brigade has been deployed in the Kursk region since August, its commander said.",
                 id="en-brigade-has-been-deployed"),
    pytest.param("Ukrainian troops were sent to the Kursk region in August, the General Staff said.",
                 id="en-troops-were-sent"),
])
def test_forces_deployed_in_the_passive(resources, text):
    assert [c.kind for c in claims(resources, text)] == [Kind.DEPLOYED]


@pytest.mark.parametrize("text", [
    pytest.param("Ukrainian troops deployed in the Kursk region are tired, the commander said.", id="en-participle"),
    pytest.param("North Korean soldiers are being used as cannon fodder in Kursk, Zelensky said.", id="en-being-used"),
    pytest.param("A senior North Korean officer was dispatched to Kursk to investigate the losses.", id="en-one-officer"),
    pytest.param("Russian troops are sending North Korean soldiers into battle with minimal protection.",
                 id="en-are-sending-into-battle"),
    pytest.param("Sappers have cleared 20 hectares of land near Sudzha of mines.", id="en-sappers-cleared"),
])
def test_forces_operating_and_deminers_are_no_claim(resources, text):
    assert [c.kind for c in claims(resources, text) if c.kind in (Kind.DEPLOYED, Kind.CONTROL)] == []


@pytest.mark.parametrize("text", [
    # the Kursk front named as a direction ties a claim to the oblast (GOLD.md: "Kursk oblast")
    pytest.param("Минобороны России: ВСУ за сутки потеряли на курском направлении до 145 военнослужащих.",
                 id="ru-на-курском-направлении"),
    pytest.param("За минулу добу на Курському напрямку ворог втратив 150 осіб, повідомив Генштаб.",
                 id="uk-на-курському-напрямку"),
    pytest.param("Russia lost 200 troops on the Kursk axis, the General Staff said.", id="en-kursk-axis"),
    # a Ukrainian sentence that names Kursk beside another region is still about Kursk
    pytest.param("Російські війська атакують біля Суджі на Курщині.\n\nВорог втратив 100 осіб у Курській та Сумській "
                 "областях, повідомив Генштаб.", id="uk-курській-та-сумській"),
])
def test_the_kursk_direction_and_a_ukrainian_kursk_tie_a_claim_to_the_oblast(resources, text):
    (found,) = [c for c in claims(resources, text) if c.figure is not None]
    assert "kursk-oblast" in [p.place_id for p in found.places]


def test_a_sentence_about_another_region_only_stays_unplaced(resources):
    text = "Російські війська атакують біля Суджі на Курщині.\n\nНа Сумщині ворог втратив 100 осіб, повідомив Генштаб."
    assert [c.places for c in claims(resources, text) if c.figure is not None] == [()]
