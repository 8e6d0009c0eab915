"""What is claimed, on sentences written for these tests in the style of wires, ministries,
Telegram-sourced reports and regional outlets (not copied from the development articles):
contact lost with counted soldiers is GOLD.md's ``missing`` (not a loss, and no claim at all
without a count or with a place), "killed, wounded and missing" together is one killed-or-
wounded claim, a clearing completed is control (one under way or of mines is not), forces
pulled up or built up are deployed, and "losing N soldiers" is a loss; with the look-alikes
of each.
"""

from __future__ import annotations

import pytest

from geo.figures import find_amounts
from geo.model import Kind
from tests.test_probe_claims import claims, numbers

RU = "Бои в Курской области.\n\n"
UK = "Бої на Курщині.\n\n"


def kinds_and_figures(resources, text: str):
    return [(c.kind, numbers(c)) for c in claims(resources, text)]


@pytest.mark.parametrize(("text", "figure"), [
    pytest.param("Ukrainian troops lost contact with about 40 soldiers near Sudzha, the brigade said.",
                 (None, 40, None), id="en-lost-contact-with-n"),
    pytest.param("The Ukrainian General Staff has lost contact with two companies in the Kursk region.",
                 (None, None, None), id="en-lost-contact-with-companies"),
    pytest.param(RU + "Командование ВСУ потеряло связь с 40 военнослужащими под Суджей, пишут военкоры.",
                 (None, 40, None), id="ru-потеряло-связь-с-n"),
    pytest.param(RU + "Связь с 30 военнослужащими ВСУ под Суджей потеряна, сообщили военкоры.",
                 (None, 30, None), id="ru-связь-с-n-потеряна"),
    pytest.param(UK + "Командування втратило зв'язок з 12 бійцями біля Суджі.", (None, 12, None),
                 id="uk-втратило-звязок-з-n"),
    pytest.param(UK + "Зв'язок із 25 бійцями біля Суджі втрачено, їхня доля невідома, повідомили рідні.",
                 (None, 25, None), id="uk-звязок-із-n-втрачено"),
])
def test_contact_lost_with_counted_soldiers_is_missing(resources, text, figure):
    assert kinds_and_figures(resources, text) == [(Kind.MISSING, figure)]


@pytest.mark.parametrize("text", [
    pytest.param("Russia lost 300 soldiers near Sudzha, the General Staff said.", id="en-lost"),
    pytest.param(RU + "ВСУ потеряли 300 военнослужащих под Суджей.", id="ru-потеряли"),
    pytest.param(UK + "Ворог втратив 300 осіб біля Суджі.", id="uk-втратив"),
])
def test_a_loss_is_still_a_loss(resources, text):
    assert kinds_and_figures(resources, text) == [(Kind.KILLED_OR_WOUNDED, (None, 300, None))]


@pytest.mark.parametrize("text", [
    pytest.param("Russian forces lost 1,500 troops killed, wounded and missing in the Kursk region over the week, "
                 "the General Staff said.", id="en-killed-wounded-and-missing"),
    pytest.param(RU + "ВСУ потеряли 1500 военнослужащих убитыми, ранеными и пропавшими без вести под Суджей.",
                 id="ru-убитыми-ранеными-и-пропавшими"),
    pytest.param(UK + "Ворог втратив 1500 осіб убитими, пораненими та зниклими безвісти біля Суджі.",
                 id="uk-убитими-пораненими-та-зниклими"),
])
def test_killed_wounded_and_missing_together_is_one_loss(resources, text):
    assert kinds_and_figures(resources, text) == [(Kind.KILLED_OR_WOUNDED, (None, 1500, None))]


def test_killed_alone_after_the_amount_stays_killed(resources):
    assert kinds_and_figures(resources, RU + "ВСУ потеряли 300 военнослужащих убитыми под Суджей.") == [
        (Kind.KILLED, (None, 300, None))]


@pytest.mark.parametrize(("text", "subject"), [
    pytest.param(RU + "Российские войска завершили зачистку Суджи, сообщило Минобороны.", "Российские войска",
                 id="ru-завершили-зачистку"),
    pytest.param(RU + "Зачистка Гуево завершена, сообщили в Минобороны России.", None, id="ru-зачистка-завершена"),
    pytest.param(UK + "Російські війська завершили зачистку Суджі, заявили в Міноборони РФ.", "Російські війська",
                 id="uk-завершили-зачистку"),
    pytest.param("Russian forces completed the clearing of Sudzha, the ministry said.", "Russian forces",
                 id="en-completed-the-clearing-of"),
    pytest.param("Russian troops finished mopping up Sudzha on Friday.", "Russian troops", id="en-finished-mopping-up"),
])
def test_a_clearing_completed_is_control(resources, text, subject):
    assert [(c.kind, c.subject) for c in claims(resources, text)] == [(Kind.CONTROL, subject)]


@pytest.mark.parametrize("text", [
    pytest.param(RU + "ВСУ стягивают резервы к Судже, пишут военкоры.", id="ru-стягивают-резервы"),
    pytest.param(UK + "Ворог накопичує сили біля Суджі, повідомив речник угруповання.", id="uk-накопичує-сили"),
])
def test_forces_pulled_up_or_built_up_are_deployed(resources, text):
    assert kinds_and_figures(resources, text) == [(Kind.DEPLOYED, None)]


@pytest.mark.parametrize(("text", "figure"), [
    pytest.param("Ukrainian troops attacked in the Belgorod region, losing 100 soldiers, the Russian Defense "
                 "Ministry said.", (None, 100, None), id="en-losing-n"),
    pytest.param("Ukrainian units attacked near Sudzha, losing up to 40 servicemen and two tanks, the Russian "
                 "ministry said.", (None, 40, 40), id="en-losing-up-to-n"),
])
def test_losing_an_amount_of_soldiers_is_a_loss(resources, text, figure):
    assert kinds_and_figures(resources, text) == [(Kind.KILLED_OR_WOUNDED, figure)]


@pytest.mark.parametrize(("text", "figure"), [
    pytest.param(RU + "На курском направлении ВСУ ежедневно теряют до 200 военнослужащих.", (None, 200, 200),
                 id="ru-теряют-до-n"),
    pytest.param(UK + "На Курщині ворог щодня втрачає від 100 до 150 військових.", (100, None, 150),
                 id="uk-втрачає-від-до"),
    # a count in hundreds: the text kept, numbers null (GOLD.md: "dozens", "thousands")
    pytest.param(RU + "Потери ВСУ под Суджей исчисляются сотнями.", (None, None, None), id="ru-исчисляются-сотнями"),
    pytest.param(UK + "Втрати окупантів під Суджею обчислюються сотнями.", (None, None, None),
                 id="uk-обчислюються-сотнями"),
])
def test_losses_as_a_rate_or_counted_in_hundreds(resources, text, figure):
    assert kinds_and_figures(resources, text) == [(Kind.KILLED_OR_WOUNDED, figure)]


@pytest.mark.parametrize(("text", "kind", "figure"), [
    pytest.param(RU + "Число погибших мирных жителей в Судже возросло до 7.", Kind.KILLED, (None, 7, None),
                 id="ru-число-погибших-мирных-жителей"),
    pytest.param(UK + "Кількість полонених росіян на Курщині перевищила 800.", Kind.CAPTURED, (800, 800, None),
                 id="uk-кількість-полонених-росіян"),
])
def test_a_count_of_people_named_by_their_participle_and_noun(resources, text, kind, figure):
    assert kinds_and_figures(resources, text) == [(kind, figure)]


@pytest.mark.parametrize(("text", "figure"), [
    pytest.param(UK + "Протягом минулої доби ліквідовано 90 окупантів, ще 12 взято в полон.", (None, 12, None),
                 id="uk-ще-n-взято-в-полон"),
    pytest.param(RU + "За сутки уничтожено до 100 военнослужащих ВСУ, еще 15 взяты в плен.", (None, 15, None),
                 id="ru-еще-n-взяты-в-плен"),
])
def test_a_capture_in_the_passive_after_its_amount(resources, text, figure):
    assert [numbers(c) for c in claims(resources, text) if c.kind is Kind.CAPTURED] == [figure]


@pytest.mark.parametrize("text", [
    pytest.param(UK + "Минулої доби ворог втратив біля Суджі 70 осіб, повідомив Генштаб.", id="uk-минулої-доби"),
    pytest.param(UK + "Протягом минулої доби ліквідовано 90 окупантів, повідомляє Генштаб ЗСУ.",
                 id="uk-протягом-минулої-доби"),
    pytest.param(UK + "Упродовж останньої доби ворог втратив 70 осіб.", id="uk-упродовж-останньої-доби"),
    pytest.param(RU + "В течение минувших суток ВСУ потеряли до 100 военнослужащих, сообщило Минобороны.",
                 id="ru-в-течение-минувших-суток"),
    pytest.param(RU + "За прошедший день ВСУ потеряли до 100 военнослужащих, сообщило Минобороны.",
                 id="ru-за-прошедший-день"),
])
def test_the_past_day_in_the_genitive_dates_a_claim_the_day_before(resources, text):
    assert [c.reported for c in claims(resources, text)] == ["2025-03-09"]


@pytest.mark.parametrize(("text", "places"), [
    pytest.param("Russian troops have established a foothold in Pogrebki, military bloggers said.", 1,
                 id="en-established-a-foothold-in"),
    pytest.param("Ukrainian troops have dug in on the outskirts of Sudzha.", 1, id="en-dug-in-on-the-outskirts"),
    pytest.param("The Russian flag now flies over Sudzha, the Kremlin said.", 1, id="en-flag-flies-over"),
    pytest.param("The Russian flag was raised over Sudzha on Friday.", 1, id="en-flag-was-raised-over"),
    pytest.param("Ukrainian units have been largely pushed out of the Kursk region, according to Russian military "
                 "bloggers.", 1, id="en-largely-pushed-out-of"),
])
def test_ground_held_or_taken_in_news_phrasing(resources, text, places):
    found = claims(resources, text)
    assert [(c.kind, len(c.places)) for c in found] == [(Kind.CONTROL, places)]


def test_losses_of_people_and_equipment_together_stay_a_loss(resources):
    found = claims(resources, RU + "Минобороны России сообщило о значительных потерях украинских военнослужащих и "
                                   "техники под Суджей.")
    assert [(c.kind, c.figure) for c in found] == [(Kind.KILLED_OR_WOUNDED, None)]


def figures_and_oblast(resources, text: str):
    """Each claim's best figure and whether it is tied to the oblast."""
    return [(numbers(c)[1] if c.figure else None, [p.place_id for p in c.places] == ["kursk-oblast"])
            for c in claims(resources, text)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(RU + "ВСУ за сутки потеряли на курском направлении до 120 военнослужащих, на белгородском — до 40.",
                 [(120, True), (40, False)], id="ru-на-белгородском-до-n"),
    pytest.param(UK + "На Сумщині ворог втратив 50 осіб, а на Курщині — 70.", [(50, False), (70, True)],
                 id="uk-а-на-Курщині-n"),
    pytest.param("Russia has lost 40,000 troops in the Kursk region and 20,000 in the Belgorod region, Zelensky said.",
                 [(40000, True), (20000, False)], id="en-and-n-in-another-region"),
])
def test_the_same_loss_in_another_place_with_its_words_left_out(resources, text, expected):
    assert figures_and_oblast(resources, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("Russia lost 300 soldiers and 12 tanks near Sudzha.", id="en-and-n-tanks"),
    pytest.param("Ukraine lost 300 soldiers near Sudzha and 2 in 2023.", id="en-and-n-in-a-year"),
    pytest.param(RU + "ВСУ потеряли 200 военнослужащих, а в 2024 году — 300.", id="ru-а-в-году-n"),
])
def test_a_second_amount_that_is_no_parallel_loss(resources, text):
    assert len(claims(resources, text)) == 1


@pytest.mark.parametrize("text", [
    pytest.param(RU + "Всего за сутки ВСУ потеряли в зоне СВО более 1300 военнослужащих.", id="ru-в-зоне-СВО"),
    pytest.param(UK + "Загалом з початку повномасштабного вторгнення Росія втратила понад 800 тисяч військових.",
                 id="uk-з-початку-повномасштабного-вторгнення"),
    pytest.param(UK + "На всіх напрямках ворог втратив за добу 1 300 осіб.", id="uk-на-всіх-напрямках"),
])
def test_a_figure_for_the_whole_war_is_unplaced(resources, text):
    assert [c.places for c in claims(resources, text)] == [()]


def test_the_whole_war_named_beside_kursk_keeps_kursk(resources):
    found = claims(resources, RU + "С начала СВО в Курской области погибли 50 мирных жителей.")
    assert [[p.place_id for p in c.places] for c in found] == [["kursk-oblast"]]


def test_a_gerund_of_destroying_counts_the_dead(resources):
    text = RU + "Российские военные отразили три атаки ВСУ у Суджи, уничтожив до 50 украинских военнослужащих."
    assert kinds_and_figures(resources, text) == [(Kind.KILLED, (None, 50, 50))]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(RU + "В Минобороны заверили, что ВСУ потеряли под Суджей до 200 военнослужащих.",
                 "Russian Defense Ministry", id="ru-в-X-заверили"),
    pytest.param("Ukrainian forces still hold Sudzha, the General Staff assured.",
                 "General Staff of the Armed Forces of Ukraine", id="en-assured"),
])
def test_an_assurance_is_a_statement(resources, text, claimant):
    assert [c.claimant for c in claims(resources, text)] == [claimant]


def test_a_control_claim_ends_before_a_ukrainian_однак(resources):
    found = claims(resources, UK + "Росіяни заявили про «звільнення» Суджі, однак у ЗСУ це спростовують.")
    assert [c.quote for c in found] == ["про «звільнення» Суджі"]


def test_a_share_of_a_counted_force_lost_is_a_loss_not_ground(resources):
    found = claims(resources, "Kyiv said Moscow had lost half of the 11,000 North Koreans it deployed.")
    assert [(c.kind, numbers(c)) for c in found] == [(Kind.KILLED_OR_WOUNDED, (None, 5500, None)),
                                                     (Kind.DEPLOYED, (None, 11000, None))]


def test_a_share_of_ground_lost_is_still_control(resources):
    found = claims(resources, "Ukraine has lost half of the territory it seized in the Kursk region.")
    assert [c.kind for c in found] == [Kind.CONTROL]


def test_a_units_commander_is_no_amount_of_troops(resources):
    found = claims(resources, "Russian forces captured five Ukrainian soldiers near Sudzha, including a company "
                              "commander.")
    assert [numbers(c) for c in found] == [(None, 5, None)]


@pytest.mark.parametrize("text", [
    pytest.param(RU + "Над Суджей вновь развевается российский флаг.", id="ru-над-X-развевается-флаг"),
    pytest.param(UK + "Над Суджею знову майорить український прапор.", id="uk-над-X-майорить-прапор"),
    pytest.param(RU + "В ходе боев за Суджу российские войска освободили Гуево.", id="ru-в-ходе-боев-за-X-освободили"),
    pytest.param(RU + "Минобороны объявило об освобождении Гуево.", id="ru-об-освобождении"),
    pytest.param(UK + "Генштаб повідомив про звільнення Суджі.", id="uk-про-звільнення"),
])
def test_a_flag_flying_over_a_place_and_a_liberation_reported_are_control(resources, text):
    assert [c.kind for c in claims(resources, text)] == [Kind.CONTROL]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("ВСУ потеряли между 300 и 400 военных.", [("между 300 и 400", 300, None, 400)], id="ru-между-и"),
    pytest.param("Ворог втратив між 300 і 400 осіб.", [("між 300 і 400", 300, None, 400)], id="uk-між-і"),
    pytest.param("Ворог втратив між 300 та 400 осіб.", [("між 300 та 400", 300, None, 400)], id="uk-між-та"),
    pytest.param("Russia lost under 2,000 troops.", [("under 2,000", None, 2000, 2000)], id="en-under-n"),
    pytest.param("The unit came under fire.", [], id="en-under-fire"),
    pytest.param("Бої точилися між двома селами.", [("двома", None, 2, None)], id="uk-між-no-range"),
])
def test_ranges_and_bounds_as_reports_write_them(text, expected):
    assert [(a.figure.text, a.figure.low, a.figure.best, a.figure.high) for a in find_amounts(text)] == expected


@pytest.mark.parametrize(("text", "figure"), [
    pytest.param("About 12,000 North Korean soldiers are fighting in the Kursk region, Zelensky said.",
                 (None, 12000, None), id="en-n-are-fighting-in"),
    pytest.param(UK + "На Курщині воюють близько 12 тисяч північнокорейських солдатів, заявив Зеленський.",
                 (None, 12000, None), id="uk-воюють-n"),
    pytest.param(RU + "В Курской области воюют около 12 тысяч военных КНДР.", (None, 12000, None), id="ru-воюют-n"),
    pytest.param(UK + "У Курській області діє угруповання чисельністю до 50 тисяч осіб.", (None, 50000, 50000),
                 id="uk-чисельністю-до-n"),
    pytest.param("North Korean troops have arrived in the Kursk region, the Pentagon said.", None,
                 id="en-troops-have-arrived"),
])
def test_forces_counted_in_an_area_or_arrived_are_deployed(resources, text, figure):
    assert kinds_and_figures(resources, text) == [(Kind.DEPLOYED, figure)]


@pytest.mark.parametrize("text", [
    pytest.param(UK + "Українські бійці полонили 15 російських військових біля Суджі.", id="uk-полонили"),
    pytest.param(RU + "Российские десантники пленили 6 украинских военных под Суджей.", id="ru-пленили"),
])
def test_prisoners_taken_by_the_verb(resources, text):
    assert [c.kind for c in claims(resources, text)] == [Kind.CAPTURED]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(UK + "Загинули двоє цивільних у Рильську, ще троє дістали поранення, повідомив губернатор.",
                 [(Kind.KILLED, (None, 2, None)), (Kind.WOUNDED, (None, 3, None))], id="uk-ще-n-дістали-поранення"),
    pytest.param(UK + "У Рильську троє людей зазнали поранень.", [(Kind.WOUNDED, (None, 3, None))],
                 id="uk-n-зазнали-поранень"),
])
def test_ukrainian_wounds_received(resources, text, expected):
    assert kinds_and_figures(resources, text) == expected


@pytest.mark.parametrize(("text", "subject"), [
    pytest.param("Ukraine no longer holds any territory in the Kursk region, Russian officials claim.", "Ukraine",
                 id="en-no-longer-holds"),
    pytest.param("Ukrainian troops are no longer in Sudzha, Syrskyi confirmed.", "Ukrainian troops",
                 id="en-are-no-longer-in"),
    pytest.param(RU + "ВСУ больше не контролируют ни одного населенного пункта в Курской области, заявил Герасимов.",
                 "ВСУ", id="ru-больше-не-контролируют"),
    pytest.param(UK + "ЗСУ більше не перебувають у Суджі, підтвердив Сирський.", "ЗСУ", id="uk-більше-не-перебувають-у"),
])
def test_ground_no_longer_held_is_ground_left(resources, text, subject):
    assert [(c.kind, c.subject) for c in claims(resources, text)] == [(Kind.CONTROL, subject)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(RU + "Потери противника под Суджей: 15 «200-х» и 30 «300-х», пишет военкор.",
                 [(Kind.KILLED, (None, 15, None)), (Kind.WOUNDED, (None, 30, None))], id="ru-200-х-300-х"),
    pytest.param(UK + "Ворог за добу втратив 25 «200-тих» і 60 «300-тих».",
                 [(Kind.KILLED, (None, 25, None)), (Kind.WOUNDED, (None, 60, None))], id="uk-втратив-200-тих"),
    pytest.param(RU + "ВСУ потеряли 15 «двухсотых» под Суджей.", [(Kind.KILLED, (None, 15, None))],
                 id="ru-потеряли-n-двухсотых"),
    pytest.param(RU + "В 200-х годах здесь была крепость.", [], id="ru-200-х-годах"),
])
def test_the_military_codes_in_digits_are_kinds(resources, text, expected):
    assert kinds_and_figures(resources, text) == expected


@pytest.mark.parametrize(("text", "figure"), [
    pytest.param(RU + "Число жертв удара по Рыльску выросло до 15.", (None, 15, None), id="ru-число-жертв-выросло-до"),
    pytest.param(UK + "Кількість жертв удару по Суджі зросла до 15.", (None, 15, None), id="uk-кількість-жертв-зросла-до"),
    pytest.param(RU + "Жертвами обстрела Рыльска стали трое мирных жителей.", (None, 3, None), id="ru-жертвами-стали"),
])
def test_victims_counted_are_the_dead(resources, text, figure):
    assert kinds_and_figures(resources, text) == [(Kind.KILLED, figure)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(UK + "КНДР відправила на Курщину 12 тисяч військових, третина з них загинула, заявив Буданов.",
                 [(Kind.DEPLOYED, (None, 12000, None)), (Kind.KILLED, (None, 4000, None))], id="uk-третина-з-них"),
    pytest.param(RU + "КНДР направила 12 тысяч военных, треть из них погибла.",
                 [(Kind.DEPLOYED, (None, 12000, None)), (Kind.KILLED, (None, 4000, None))], id="ru-треть-из-них"),
    # the unit that lost is no amount: the share is the figure, no size is stated
    pytest.param(UK + "Бригада втратила третину особового складу біля Суджі.",
                 [(Kind.KILLED_OR_WOUNDED, (None, None, None))], id="uk-бригада-втратила-третину"),
])
def test_a_share_of_the_people_named_before(resources, text, expected):
    assert kinds_and_figures(resources, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Ворог втратив дві третини з 12 тисяч військових.", ("дві третини з 12 тисяч", 8000.0)),
    pytest.param("Загинула чверть особового складу.", ("чверть", None)),
])
def test_ukrainian_fractions(text, expected):
    amount = find_amounts(text)[0]
    assert (amount.figure.text, amount.figure.best) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Of the 11,000 North Korean troops sent to Kursk, about 300 have been killed and 2,700 wounded.",
                 [(Kind.DEPLOYED, (None, 11000, None)), (Kind.KILLED, (None, 300, None)),
                  (Kind.WOUNDED, (None, 2700, None))], id="en-of-the-n-sent"),
    pytest.param(RU + "Из 12 тысяч военных КНДР, переброшенных в Курскую область, погибли около 4 тысяч.",
                 [(Kind.DEPLOYED, (None, 12000, None)), (Kind.KILLED, (None, 4000, None))], id="ru-из-n-переброшенных"),
    pytest.param(UK + "З 12 тисяч північнокорейських військових на Курщині близько половини вбиті або поранені.",
                 [(Kind.KILLED_OR_WOUNDED, (None, 6000, None))], id="uk-з-n-близько-половини"),
])
def test_the_total_a_sentence_opens_with_is_no_loss(resources, text, expected):
    assert kinds_and_figures(resources, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(RU + "Потери ВСУ составили 300 человек убитыми и 500 ранеными.",
                 [(Kind.KILLED, (None, 300, None)), (Kind.WOUNDED, (None, 500, None))], id="ru-n-убитыми-и-m-ранеными"),
    pytest.param(RU + "Безвозвратные потери противника превысили 20 тысяч человек, санитарные — 40 тысяч.",
                 [(Kind.KILLED, (20000, 20000, None)), (Kind.WOUNDED, (None, 40000, None))],
                 id="ru-безвозвратные-превысили"),
    pytest.param(UK + "Безповоротні втрати ворога становлять 20 тисяч, санітарні — 40 тисяч.",
                 [(Kind.KILLED, (None, 20000, None)), (Kind.WOUNDED, (None, 40000, None))],
                 id="uk-безповоротні-становлять"),
    pytest.param(RU + "ВСУ потеряли свыше 60 тысяч военнослужащих, из которых более 20 тысяч — безвозвратно.",
                 [(Kind.KILLED_OR_WOUNDED, (60000, 60000, None)), (Kind.KILLED, (20000, 20000, None))],
                 id="ru-из-которых-n-безвозвратно"),
])
def test_the_kind_the_words_after_an_amount_give(resources, text, expected):
    assert kinds_and_figures(resources, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("Russia lost 300 troops, 100 of them killed, near Sudzha.", id="en-lost-n-m-of-them-killed"),
    pytest.param(RU + "ВСУ потеряли 300 военных, из них 100 убитыми.", id="ru-потеряли-n-из-них-m-убитыми"),
])
def test_a_loss_of_which_some_were_killed_is_two_claims(resources, text):
    assert kinds_and_figures(resources, text) == [(Kind.KILLED_OR_WOUNDED, (None, 300, None)),
                                                  (Kind.KILLED, (None, 100, None))]


def test_ukrainian_vehicles_are_no_people(resources):
    found = claims(resources, UK + "Загалом за минулу добу знешкоджено 134 окупанти, знищено танк та 11 автомобілів.")
    assert [numbers(c) for c in found] == [(None, 134, None)]


def test_an_encirclement_denied_is_still_the_claim_of_whoever_made_it(resources):
    found = claims(resources, "Syrskyi denied that Ukrainian troops were encircled in Kursk.")
    assert [c.kind for c in found] == [Kind.OTHER]


@pytest.mark.parametrize("text", [
    # contact lost with no count: a report on communications, not of people missing
    pytest.param("Ukrainian troops lost contact with units in Sudzha.", id="en-units-no-count"),
    pytest.param(RU + "ВСУ потеряли связь с подразделениями, оборонявшими Суджу.", id="ru-подразделения-no-count"),
    pytest.param(UK + "Підрозділ втратив зв'язок із сусідами біля Суджі.", id="uk-сусіди-no-count"),
    # a place lost contact with
    pytest.param(RU + "Мы потеряли связь с Суджей.", id="ru-связь-с-place"),
    # a clearing under way or of mines
    pytest.param(RU + "Российские штурмовики ведут зачистку Суджи.", id="ru-ведут-зачистку"),
    pytest.param(RU + "Саперы завершили зачистку Суджи от мин.", id="ru-саперы-от-мин"),
    # a collection point is no deployment
    pytest.param(UK + "Накопичувальні пункти біля Суджі працюють.", id="uk-накопичувальні-пункти"),
    # losing a war is no loss
    pytest.param("Ukraine is losing the war of attrition in Kursk.", id="en-losing-the-war"),
    # the present of losing without an amount is no loss
    pytest.param(RU + "ВСУ теряют позиции под Суджей.", id="ru-теряют-позиции"),
    pytest.param(RU + "Противник теряет инициативу.", id="ru-теряет-инициативу"),
    pytest.param(RU + "Российские дроны сотнями атакуют позиции ВСУ под Суджей.", id="ru-дроны-сотнями"),
    # a foothold sought or positions near are no control
    pytest.param("Russian troops are trying to gain a foothold in Pogrebki.", id="en-trying-to-gain-a-foothold"),
    pytest.param("Russian forces hope to establish a foothold on the outskirts of Sudzha.", id="en-hope-to-establish"),
    pytest.param("Russian troops dug in near Sudzha.", id="en-dug-in-near"),
    pytest.param("A Russian flag was seen at the rally in Kursk.", id="en-flag-seen"),
    # civilians counted, equipment and other wars
    pytest.param(RU + "Более 150 тысяч жителей Курской области покинули свои дома.", id="ru-n-тысяч-жителей-покинули"),
    pytest.param("Russia has lost more than 300 tanks in Kursk, according to Oryx.", id="en-lost-more-than-n-tanks"),
    pytest.param("A memorial to the 85 soldiers killed in Afghanistan was unveiled in Kursk.", id="en-another-war"),
    pytest.param(RU + "На Курской дуге погибли сотни тысяч солдат.", id="ru-курская-дуга"),
    pytest.param("Thousands of Soviet soldiers died in the Battle of Kursk.", id="en-battle-of-kursk"),
    # a fight for a liberation and flags at a parade
    pytest.param(RU + "Продолжаются бои за освобождение Суджи.", id="ru-бои-за-освобождение"),
    pytest.param(UK + "Тривають бої за звільнення Суджі.", id="uk-бої-за-звільнення"),
    pytest.param("Russian troops are fighting for the liberation of Sudzha.", id="en-fighting-for-the-liberation"),
    pytest.param(RU + "На параде развевались российские флаги.", id="ru-флаги-на-параде"),
    # residents arriving and days of fighting are no deployment
    pytest.param("Residents have arrived in Kursk from the border villages.", id="en-residents-arrived"),
    pytest.param("Ukrainian troops have been fighting in Kursk for 200 days.", id="en-fighting-for-n-days"),
    pytest.param(RU + "ВСУ воюют в Курской области уже 200 дней.", id="ru-воюют-n-дней"),
    pytest.param("Russia could deploy up to 100,000 North Korean troops, analysts said.", id="en-could-deploy"),
    # no longer holding what is no ground, no longer able to hold, residents no longer there
    pytest.param("The Kremlin said it no longer controlled the situation in the market.", id="en-no-longer-situation"),
    pytest.param("Ukraine is no longer in a position to hold Sudzha, analysts said.", id="en-no-longer-in-a-position"),
    pytest.param(RU + "Жители больше не находятся в Судже.", id="ru-жители-больше-не"),
    # no victims, or victims still being counted
    pytest.param(RU + "Обстрел Рыльска обошелся без жертв.", id="ru-без-жертв"),
    pytest.param(RU + "Жертвы среди мирного населения уточняются.", id="ru-жертвы-уточняются"),
    # a threat of encirclement
    pytest.param(UK + "Українські підрозділи під Суджею опинилися під загрозою оточення.", id="uk-під-загрозою-оточення"),
    pytest.param(RU + "ВСУ грозит окружение под Суджей, считают военкоры.", id="ru-грозит-окружение"),
    pytest.param("Ukrainian troops in Sudzha risk being encircled, analysts said.", id="en-risk-being-encircled"),
])
def test_look_alikes_are_no_claim(resources, text):
    """Each group is the look-alike of a rule above: no claim of any kind."""
    assert not claims(resources, text)
