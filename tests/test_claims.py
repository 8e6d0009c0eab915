"""Claims: kinds, figures in context, claimants, multi-claim sentences, links (EN and RU).

Every sentence is written for the test in the style of news text.
"""

from __future__ import annotations

import pytest

from geo.model import DatePrecision, Document, Kind, Link, Source
from geo.pipeline import process_document


def extract(resources, text: str, *, published: str | None = "2025-03-10", chrome=()):
    doc = Document(meta=Source(source="t.txt", sha256="0" * 64, published=published), text=text, chrome=chrome)
    result = process_document(doc, resources)
    for claim in result.claims:
        assert text[claim.start:claim.end] == claim.quote
    return result.claims


def numbers(claim):
    f = claim.figure
    return None if f is None else (f.low, f.best, f.high)


@pytest.mark.parametrize(("text", "kind", "figure_text", "expected"), [
    pytest.param("Ukraine's military said 1,250 Russian soldiers were killed near Sudzha.",
                 Kind.KILLED, "1,250", (None, 1250, None), id="plain"),
    pytest.param("Officials said four thousand troops had been deployed to the Kursk region.",
                 Kind.DEPLOYED, "four thousand", (None, 4000, None), id="words"),
    pytest.param("The GUR said up to 500 North Korean soldiers were wounded in the Kursk region.",
                 Kind.WOUNDED, "up to 500", (None, 500, 500), id="up-to"),
    pytest.param("Kyiv said more than 2,000 Russian troops were killed or wounded in Kursk Oblast.",
                 Kind.KILLED_OR_WOUNDED, "more than 2,000", (2000, 2000, None), id="more-than"),
    pytest.param("Под Суджей ранены более 100 военных, еще трое сдались в плен.",
                 Kind.CAPTURED, "трое", (None, 3, None), id="ru-сдались-в-плен"),
    pytest.param("Під Суджею поранено понад 100 окупантів, ще 20 потрапили в полон.",
                 Kind.CAPTURED, "20", (None, 20, None), id="uk-потрапили-в-полон"),
    pytest.param("Под Суджей ранены более 100 военных, еще 20 попали в плен.",
                 Kind.CAPTURED, "20", (None, 20, None), id="ru-попали-в-плен"),
    pytest.param("Budanov said about 11,000 North Korean troops were in the Kursk region.",
                 Kind.DEPLOYED, "about 11,000", (None, 11000, None), id="numbering-n-in-an-area"),
    pytest.param("About 1,000 North Korean soldiers arrived in the Kursk region last week, the GUR said.",
                 Kind.DEPLOYED, "About 1,000", (None, 1000, None), id="arrived-in"),
    pytest.param("Russian troops reportedly executed six Ukrainian POWs near Sudzha.",
                 Kind.KILLED, "six", (None, 6, None), id="executed-prisoners"),
    pytest.param("Ukrainian forces neutralised 80 Russian soldiers near Sudzha, the brigade said.",
                 Kind.KILLED_OR_WOUNDED, "80", (None, 80, None), id="neutralised"),
    pytest.param("Kyiv says Moscow has committed about 60,000 troops to the Kursk counteroffensive.",
                 Kind.DEPLOYED, "about 60,000", (None, 60000, None), id="committed-troops"),
    pytest.param("Pyongyang rotated about 2,000 soldiers into the Kursk region.",
                 Kind.DEPLOYED, "about 2,000", (None, 2000, None), id="rotated-into"),
    pytest.param("Some 12,000 North Korean soldiers are now in Russia, Seoul said.",
                 Kind.DEPLOYED, "Some 12,000", (None, 12000, None), id="are-now-in"),
    pytest.param("Zelensky said Ukrainian forces had taken several prisoners near Sudzha.",
                 Kind.CAPTURED, "several", (None, None, None), id="taken-several-prisoners"),
    pytest.param("The brigade said it took 40 prisoners in the Kursk region.",
                 Kind.CAPTURED, "40", (None, 40, None), id="took-40-prisoners"),
    pytest.param("Ukrainian units repelled the assault near Sudzha, killing and wounding about 150 soldiers.",
                 Kind.KILLED_OR_WOUNDED, "about 150", (None, 150, None), id="killing-and-wounding"),
    pytest.param("Zelensky said at least 40 Russian servicemen were taken prisoner near Sverdlikovo.",
                 Kind.CAPTURED, "at least 40", (40, 40, None), id="at-least"),
    pytest.param("The general staff said as many as 70 soldiers went missing in the Kursk region.",
                 Kind.MISSING, "as many as 70", (None, 70, 70), id="as-many-as"),
    pytest.param("Kirby said approximately 3,000 North Korean troops were killed in Kursk Oblast.",
                 Kind.KILLED, "approximately 3,000", (None, 3000, None), id="approximately"),
    pytest.param("U.S. officials estimate that 5,000-7,000 North Korean soldiers were sent to the Kursk region.",
                 Kind.DEPLOYED, "5,000-7,000", (5000, None, 7000), id="range-dash"),
    pytest.param("Seoul said 10,000 to 12,000 North Korean troops were deployed in Kursk Oblast.",
                 Kind.DEPLOYED, "10,000 to 12,000", (10000, None, 12000), id="range-to"),
    pytest.param("Ukraine said several North Korean soldiers were captured in the Kursk region.",
                 Kind.CAPTURED, "several", (None, None, None), id="vague-several"),
    pytest.param("The army lost up to a company of infantry near Plekhovo, the GUR said.",
                 Kind.KILLED_OR_WOUNDED, "up to a company of infantry", (None, None, None), id="vague-unit"),
    pytest.param("Минобороны России заявило, что ВСУ потеряли в Курской области до 30 военнослужащих.",
                 Kind.KILLED_OR_WOUNDED, "до 30", (None, 30, 30), id="ru-до"),
    pytest.param("По данным ГУР, в Курской области погибли более 200 северокорейских военных.",
                 Kind.KILLED, "более 200", (200, 200, None), id="ru-более"),
    pytest.param("Зеленский заявил, что в плен взяты свыше тысячи российских военнослужащих в Курской области.",
                 Kind.CAPTURED, "свыше тысячи", (1000, 1000, None), id="ru-свыше"),
    pytest.param("Губернатор сообщил, что около 15 мирных жителей получили ранения в Рыльске.",
                 Kind.WOUNDED, "около 15", (None, 15, None), id="ru-около"),
])
def test_figure_patterns_in_claims(resources, text, kind, figure_text, expected):
    claims = [c for c in extract(resources, text) if c.kind is kind]
    assert claims, [(c.kind, c.quote) for c in extract(resources, text)]
    assert claims[0].figure.text == figure_text
    assert numbers(claims[0]) == expected


def test_fraction_of_a_stated_total_is_derived(resources):
    text = ("North Korean troops have suffered 3,000 casualties in the Kursk region, "
            "two-thirds of whom have been killed, Zelensky said on Monday.")
    killed = [c for c in extract(resources, text) if c.kind is Kind.KILLED]
    assert killed[0].figure.text == "two-thirds"
    assert killed[0].figure.best == pytest.approx(2000, abs=0.5)


def test_fraction_of_a_lower_bound_is_a_lower_bound(resources):
    text = ('"Their losses in Kursk Oblast are more than six thousand. I believe half of them died," '
            "the president said.")
    killed = [c for c in extract(resources, text) if c.kind is Kind.KILLED]
    assert numbers(killed[0]) == (3000, 3000, None)


def test_fraction_of_a_range(resources):
    text = "Kyiv says about a quarter of the estimated 8,000 to 12,000 North Korean soldiers in Kursk Oblast have been wounded."
    wounded = [c for c in extract(resources, text) if c.kind is Kind.WOUNDED]
    assert numbers(wounded[0]) == (2000, None, 3000)


def test_two_claims_in_one_sentence(resources):
    text = ("Seoul's spy agency said at least 100 North Korean soldiers have been killed "
            "and another 1,000 wounded in the Kursk region.")
    claims = extract(resources, text)
    by_kind = {c.kind: c for c in claims}
    assert numbers(by_kind[Kind.KILLED]) == (100, 100, None)
    assert numbers(by_kind[Kind.WOUNDED]) == (None, 1000, None)
    assert by_kind[Kind.KILLED].quote != by_kind[Kind.WOUNDED].quote
    assert {c.claimant for c in claims} == {"South Korea's NIS"}


def test_two_claims_in_one_russian_sentence(resources):
    text = "Губернатор сообщил, что в Судже погибли трое мирных жителей, еще семеро получили ранения."
    kinds = {c.kind: numbers(c) for c in extract(resources, text)}
    assert kinds == {Kind.KILLED: (None, 3, None), Kind.WOUNDED: (None, 7, None)}


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param("According to Ukraine's General Staff, 120 Russian soldiers were killed in the Kursk region.",
                 "General Staff of the Armed Forces of Ukraine", id="according-to"),
    pytest.param("120 Russian soldiers were killed in the Kursk region, Zelenskyy said on Telegram.",
                 "Volodymyr Zelensky", id="after-said"),
    pytest.param("HUR said that 35 North Korean troops were wounded near Makhnovka.", "GUR", id="alias-hur"),
    pytest.param("White House spokesman John Kirby said some 1,000 North Korean soldiers were killed in Kursk.",
                 "John Kirby", id="title-dropped"),
    pytest.param("По словам Зеленского, в Курской области погибли 500 военных КНДР.",
                 "Volodymyr Zelensky", id="ru-по-словам"),
    pytest.param("В плен под Суджей попали 20 военнослужащих, сообщил Генштаб ВСУ.",
                 "General Staff of the Armed Forces of Ukraine", id="ru-inverted"),
])
def test_claimant_by_attribution(resources, text, claimant):
    claims = extract(resources, text)
    assert claims and claims[0].claimant == claimant


def test_he_added_goes_back_to_the_last_person(resources):
    text = ('Ukrainian President Volodymyr Zelensky spoke in Kyiv on Friday.\n'
            '"About 200 of their soldiers were captured in Kursk Oblast," he added.')
    claims = extract(resources, text)
    assert claims[0].kind is Kind.CAPTURED
    assert claims[0].claimant == "Volodymyr Zelensky"


def test_it_said_goes_back_to_the_last_body(resources):
    text = ("Fighting continued near Sudzha, according to Ukraine's Main Directorate of Intelligence.\n"
            "At least five North Korean soldiers went missing near Plekhovo, it said on Telegram.")
    missing = [c for c in extract(resources, text) if c.kind is Kind.MISSING]
    assert missing[0].claimant == "GUR"


def test_reportedly_names_nobody(resources):
    text = "Russian forces reportedly lost up to 300 soldiers near Malaya Loknya."
    claims = extract(resources, text)
    assert claims[0].claimant is None


def test_place_in_the_same_sentence_is_linked_by_sentence(resources, gaz):
    text = "The GUR said 40 Russian soldiers were killed near Guevo."
    (claim,) = extract(resources, text)
    ids = {p.place_id: p.link for p in claim.places}
    guevo = next(p.place_id for p in gaz.settlements if p.name_local == "Гуево")
    assert ids == {guevo: Link.SENTENCE}


def test_claim_tied_only_to_the_oblast_goes_on_the_region(resources):
    text = "Heavy fighting continued in the Kursk region.\nKyiv said 600 North Korean troops were killed last week."
    (claim,) = extract(resources, text)
    assert [p.place_id for p in claim.places] == ["kursk-oblast"]


def test_claim_about_forces_elsewhere_is_unplaced(resources):
    text = ("North Korean troops fought in the Kursk region.\n"
            "Officials said 5,000 more soldiers had been sent to eastern Russia for training.")
    deployed = [c for c in extract(resources, text) if c.kind is Kind.DEPLOYED]
    assert deployed and deployed[0].places == ()


def test_chrome_yields_no_claims(resources):
    body = "North Korean troops fought in the Kursk region.\n"
    teaser = "Drone strike kills 12 soldiers in Donetsk, officials say\n"
    text = body + teaser
    assert extract(resources, text, chrome=((len(body), len(text)),)) == ()


@pytest.mark.parametrize("text", [
    pytest.param("Despite the heavy losses, the offensive in the Kursk region went on.", id="despite-the-losses"),
    pytest.param("Commanders in the Kursk region are underreporting casualties, analysts say.", id="underreporting"),
    pytest.param("The soldiers took drastic steps to avoid capture in the Kursk region.", id="avoid-capture"),
    pytest.param("Casualty figures in the Kursk region are expected to rise.", id="expected-to"),
    pytest.param("Russia might also deploy the troops in other parts of the front, he said.", id="might"),
])
def test_statements_that_are_not_claims(resources, text):
    assert extract(resources, text) == ()


def test_reported_date_resolves_a_weekday(resources):
    text = "Zelensky said on Saturday that 300 North Korean soldiers were killed in Kursk Oblast."
    (claim,) = extract(resources, text, published="2024-12-16")
    assert claim.reported == "2024-12-14"


def test_verb_right_before_an_amount_governs_it(resources):
    text = ("Ukrainian forces killed 15 North Korean soldiers and injured 30 others near Makhnovka, "
            "Ukraine's special operations forces said.")
    claims = {c.kind: c for c in extract(resources, text)}
    assert numbers(claims[Kind.KILLED]) == (None, 15, None)
    assert numbers(claims[Kind.WOUNDED]) == (None, 30, None)
    assert claims[Kind.KILLED].claimant == "Ukraine's Special Operations Forces"  # its canonical name
    assert all(p.place_id != "kursk-oblast" for p in claims[Kind.KILLED].places)


def test_russian_impersonal_attribution_and_direction_word(resources):
    text = "Потери ВСУ на курском направлении за сутки составили до 200 военнослужащих, сообщили в Минобороны России."
    (claim,) = extract(resources, text)
    assert claim.kind is Kind.KILLED_OR_WOUNDED
    assert claim.claimant == "Russian Defense Ministry"


def test_claims_in_one_sentence_keep_their_own_claimants(resources):
    text = ("North Korea has sent around 11,000 troops to Kursk, according to U.S. estimates, "
            "and roughly 4,000 of them have been killed or wounded, Ukrainian officials say.")
    claims = {c.kind: c.claimant for c in extract(resources, text)}
    assert claims == {Kind.DEPLOYED: "U.S. estimates", Kind.KILLED_OR_WOUNDED: "Ukraine"}


def test_negated_report_is_not_a_claim(resources):
    assert extract(resources, "Fighting went on in the Kursk region. He did not give casualty figures.") == ()


def test_including_splits_a_total_from_its_part(resources):
    text = "Russia has lost 38,000 soldiers in Kursk Oblast, including 900 killed in action, according to Syrskyi."
    claims = {c.kind: c for c in extract(resources, text)}
    assert numbers(claims[Kind.KILLED_OR_WOUNDED]) == (None, 38000, None)
    assert numbers(claims[Kind.KILLED]) == (None, 900, None)
    assert claims[Kind.KILLED].quote != claims[Kind.KILLED_OR_WOUNDED].quote
    assert {c.claimant for c in claims.values()} == {"Oleksandr Syrskyi"}


def test_russian_list_of_losses_gives_one_claim_each(resources):
    text = ("Губернатор сообщил, что в Курской области погибли 12 мирных жителей, ранены 121 человек, "
            "в том числе 10 детей.")
    found = {(c.kind, numbers(c)) for c in extract(resources, text)}
    assert {(Kind.KILLED, (None, 12, None)), (Kind.WOUNDED, (None, 121, None)),
            (Kind.WOUNDED, (None, 10, None))} <= found


def test_russian_headline_with_its_speaker(resources):
    text = "Зеленский: в Курской области убиты или ранены около 3 тысяч военных КНДР"
    (claim,) = extract(resources, text)
    assert claim.kind is Kind.KILLED_OR_WOUNDED
    assert numbers(claim) == (None, 3000, None)
    assert claim.claimant == "Volodymyr Zelensky"


def test_a_section_label_is_not_a_claimant(resources):
    text = "Background: North Korean troops were deployed to Kursk in October, some 11,000 of them."
    (claim,) = extract(resources, text)
    assert claim.claimant is None


@pytest.mark.parametrize(("text", "kind", "figure", "subject"), [
    pytest.param("One civilian was killed in Sudzha.", Kind.KILLED, (None, 1, None), "civilian",
                 id="en-singular-person"),
    pytest.param("A woman was killed in Sudzha.", Kind.KILLED, None, "A woman", id="en-a-woman"),
    pytest.param("В Судже погиб мужчина.", Kind.KILLED, None, "мужчина", id="ru-verb-first"),
    pytest.param("В селе Снагость в результате атаки беспилотника погибла мирная жительница.",
                 Kind.KILLED, None, "мирная жительница", id="ru-verb-then-adjective-noun"),
    pytest.param("Под Суджей ранены трое военнослужащих.", Kind.WOUNDED, (None, 3, None), "военнослужащих",
                 id="ru-short-participle-first"),
])
def test_a_loss_of_one_person_is_a_claim(resources, text, kind, figure, subject):
    (claim,) = extract(resources, text)
    assert (claim.kind, numbers(claim), claim.subject) == (kind, figure, subject)


@pytest.mark.parametrize("text", [
    "Wounded soldiers were evacuated from Sudzha.",
    "Раненые военные эвакуированы из Суджи.",
])
def test_a_trigger_word_used_as_an_adjective_is_no_claim(resources, text):
    assert extract(resources, text) == ()


def test_a_determiner_before_estimated_names_nobody(resources):
    text = ("An estimated 11,000 to 12,000 North Korean soldiers were sent to Russia, "
            "according to Western officials.")
    (claim,) = extract(resources, text)
    assert claim.kind is Kind.DEPLOYED and claim.claimant == "Western officials"


def test_it_estimated_goes_back_to_the_last_body(resources):
    text = ("Ukraine's military intelligence agency said North Korean troops suffered losses near Plekhovo. "
            "It estimated that 30 North Korean soldiers were killed or wounded.")
    claims = extract(resources, text)
    assert [c.claimant for c in claims if c.figure] == ["GUR"]


def test_a_headline_statement_after_a_colon_is_not_a_claimant(resources):
    text = "Пушилин: ВСУ несут большие потери\n\nТекст статьи."
    assert [c.claimant for c in extract(resources, text)] == [None]


def test_russian_inverted_speaker_with_title_is_remembered_for_a_quote(resources):
    text = ("Об этом сообщил военный эксперт Андрей Марочко.\n\n"
            "\"В районе Суджи противник потерял до 40 военнослужащих убитыми и ранеными\", - сказал он.")
    (claim,) = extract(resources, text)
    assert (claim.kind, claim.claimant) == (Kind.KILLED_OR_WOUNDED, "Андрей Марочко")


def test_a_known_name_after_a_russian_title_is_the_known_claimant(resources):
    text = "Губернатор Курской области Алексей Смирнов сообщил, что под Суджей ранены двое мирных жителей."
    (claim,) = extract(resources, text)
    assert claim.claimant == "Alexei Smirnov"


@pytest.mark.parametrize("text", [
    "В районе Суджи уничтожены три бронемашины и два танка.",
    "Near Sudzha the army destroyed 38 armoured vehicles.",
])
def test_equipment_destroyed_is_not_people_killed(resources, text):
    assert [c for c in extract(resources, text) if c.figure is not None] == []


def test_a_figure_for_the_whole_front_is_tied_to_no_place(resources):
    text = ("Fighting took place near Makhnovka and Cherkasskaya Konopelka in the Kursk region. "
            "Russia lost 1,750 soldiers in the past 24 hours across the entire front line.")
    (claim,) = extract(resources, text)
    assert claim.figure.best == 1750 and claim.places == ()


def test_postradali_is_wounded(resources):
    (claim,) = extract(resources, "Пять человек пострадали в результате удара по Льгову.")
    assert (claim.kind, numbers(claim)) == (Kind.WOUNDED, (None, 5, None))


def test_according_to_the_statement_goes_back_to_its_issuer(resources):
    text = ("Ukraine's Special Operations Forces said they eliminated 17 North Korean soldiers near Kurilovka. "
            "Three North Korean soldiers were captured, according to the statement.")
    assert [c.claimant for c in extract(resources, text)] == ["Ukraine's Special Operations Forces"] * 2


def test_according_to_a_body_with_its_acronym(resources):
    text = "North Korea has sent about 11,000 troops to Russia, according to Ukraine's military intelligence (HUR)."
    (claim,) = extract(resources, text)
    assert claim.claimant == "GUR"


def test_a_title_is_not_read_as_a_head_noun(resources):
    text = "Of those, around 3,800 have been killed or wounded, President Volodymyr Zelensky said."
    (claim,) = extract(resources, text)
    assert claim.subject is None and claim.claimant == "Volodymyr Zelensky"


@pytest.mark.parametrize(("text", "part"), [
    pytest.param("Втрати ворога сягнули 9 тисяч осіб, з них 4 тисячі — безповоротні.", "4 тисячі", id="uk"),
    pytest.param("Потери противника составили 9 тысяч, из них 4 тысячи — безвозвратные.", "4 тысячи", id="ru"),
])
def test_a_part_named_after_a_dash_is_its_own_kind(resources, text, part):
    """"15 тысяч — безвозвратные": the dash stands for "are", the adjective says what the part counts."""
    claims = extract(resources, text)
    assert [(c.kind, c.figure.text) for c in claims if c.figure and c.figure.text == part] == [(Kind.KILLED, part)]


@pytest.mark.parametrize(("text", "kind", "figure"), [
    pytest.param("Українські військові знищили понад 50 солдатів КНДР біля Махнівки.", Kind.KILLED,
                 (50, 50, None), id="uk-active-verb-lower-bound"),
    pytest.param("Біля Плехового загинули близько 3 тисяч військових КНДР.", Kind.KILLED,
                 (None, 3000, None), id="uk-about-thousands"),
    pytest.param("Российские военные уничтожили до 40 военнослужащих ВСУ под Суджей.", Kind.KILLED,
                 (None, 40, 40), id="ru-active-verb"),
    pytest.param("Під Суджею поранено від 2 до 3 тисяч окупантів.", Kind.WOUNDED,
                 (2000, None, 3000), id="uk-range"),
    pytest.param("У Курській області загинув один військовий КНДР.", Kind.KILLED, (None, 1, None), id="uk-загинув"),
    pytest.param("Под Суджей расстреляли шестерых пленных.", Kind.KILLED, (None, 6, None), id="ru-расстреляли"),
    pytest.param("Біля Суджі розстріляли шістьох полонених.", Kind.KILLED, (None, 6, None), id="uk-розстріляли"),
    pytest.param("Дрон поранив трьох цивільних у Курській області.", Kind.WOUNDED, (None, 3, None), id="uk-поранив"),
    pytest.param("Обстрел ранил двоих жителей Рыльска.", Kind.WOUNDED, (None, 2, None), id="ru-ранил"),
    pytest.param("Удар дрона по автобусу в Курській області вбив дев'ять людей.", Kind.KILLED, (None, 9, None),
                 id="uk-вбив"),
    pytest.param("За добу на Курщині знешкоджено 120 окупантів.", Kind.KILLED_OR_WOUNDED,
                 (None, 120, None), id="uk-знешкоджено"),
    pytest.param("За сутки нейтрализованы 45 военнослужащих ВСУ.", Kind.KILLED_OR_WOUNDED,
                 (None, 45, None), id="ru-нейтрализованы"),
    pytest.param("Під Суджею ворог втратив 700 осіб убитими і пораненими.", Kind.KILLED_OR_WOUNDED,
                 (None, 700, None), id="uk-убитими-і-пораненими"),
    pytest.param("Росія перекинула до Курської області ще 1 500 військових.", Kind.DEPLOYED,
                 (None, 1500, None), id="uk-перекинула"),
])
def test_ukrainian_and_russian_active_verbs_and_figures(resources, text, kind, figure):
    (claim,) = extract(resources, text)
    assert (claim.kind, numbers(claim)) == (kind, figure)


def test_the_subject_is_what_the_figure_counts(resources):
    (claim,) = extract(resources, "Ukrainian troops killed 17 North Korean soldiers near Kurilovka.")
    assert claim.subject == "North Korean soldiers"


def test_an_inverted_speaker_with_a_title_and_a_district(resources):
    text = "Как сообщил глава Суджанского района Александр Богачев, в Мартыновке погибли четверо мирных жителей."
    (claim,) = extract(resources, text)
    assert (claim.claimant, numbers(claim)) == ("Александр Богачев", (None, 4, None))


def test_the_agency_refers_to_the_body_named_before(resources):
    text = ("Бойцы освободили село Малая Локня, сообщили в Минобороны России во вторник. "
            "По данным ведомства, за неделю противник потерял более 1,5 тысячи военнослужащих.")
    claims = {c.kind: c for c in extract(resources, text)}
    loss = claims[Kind.KILLED_OR_WOUNDED]
    assert (loss.claimant, numbers(loss)) == ("Russian Defense Ministry", (1500, 1500, None))
    assert {c.claimant for c in claims.values()} == {"Russian Defense Ministry"}


def test_a_dateline_is_not_the_headline():
    from geo.corpus import document_from_bytes

    text = ("Курская область, 5 марта 2025\n\nРоссийские войска освободили Малую Локню\n\n"
            "Бойцы освободили село Малая Локня, сообщили в Минобороны России.\n")
    doc = document_from_bytes(text.encode(), "a.txt")
    assert (doc.meta.title, doc.meta.published) == ("Российские войска освободили Малую Локню", "2025-03-05")


@pytest.mark.parametrize(("text", "kind", "figure"), [
    pytest.param("Russia has concentrated about 60,000 troops in the Kursk region, Syrskyi said.", Kind.DEPLOYED,
                 (None, 60000, None), id="concentrated"),
    pytest.param("В Курской области сосредоточено около 50 тысяч военных, заявил Сырский.", Kind.DEPLOYED,
                 (None, 50000, None), id="сосредоточено"),
    pytest.param("Kyiv says more than 38,000 Russian and North Korean soldiers have been killed or wounded "
                 "in the Kursk region.", Kind.KILLED_OR_WOUNDED, (38000, 38000, None), id="two-nationalities"),
])
def test_massed_forces_and_coordinated_nationalities(resources, text, kind, figure):
    (claim,) = extract(resources, text)
    assert (claim.kind, numbers(claim)) == (kind, figure)


@pytest.mark.parametrize("text", [
    "Heavy fighting went on in the Kursk region.\nRussian artillery killed two civilians in border villages, "
    "the Sumy Regional Military Administration said.",
    "Бои в Курской области продолжаются.\nВ результате обстрела Белгородской области погибли двое мирных жителей.",
    "Heavy fighting went on in the Kursk region.\nA drone strike on a bus in Sumy killed nine civilians.",
    "Бои в Курской области продолжаются.\nУдар дрона по автобусу в Сумах убил девять человек.",
    "Бої в Курській області тривають.\nУдар дрона по автобусу в Сумах вбив дев'ять людей.",
])
def test_a_claim_in_a_sentence_about_another_region_is_unplaced(resources, text):
    (claim,) = extract(resources, text)
    assert claim.places == ()


def test_a_statement_made_in_the_capital_keeps_its_place(resources):
    """"said in Kyiv": where it was said, not where it happened."""
    (claim,) = extract(resources, "President Zelensky said in Kyiv that 3,000 North Koreans were killed in Kursk.")
    assert [p.place_id for p in claim.places] == ["kursk-oblast"]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param("По словам Сырского, под Суджей погибли 60 военнослужащих КНДР.", "Oleksandr Syrskyi", id="genitive"),
    pytest.param("Вчера Зеленский сообщил, что в плен попали двое северокорейских военных.", "Volodymyr Zelensky",
                 id="temporal-opener"),
    pytest.param("За словами Буданова, під Суджею загинули 40 військових КНДР.", "Kyrylo Budanov",
                 id="uk-genitive"),
])
def test_a_known_claimant_in_another_case_or_after_a_time_word(resources, text, claimant):
    (claim,) = extract(resources, text)
    assert claim.claimant == claimant


def test_yesterday_is_the_day_before_publication(resources):
    (claim,) = extract(resources, "Вчера Зеленский сообщил, что в плен попали двое северокорейских военных.",
                       published="2025-01-11")
    assert (claim.reported, claim.reported_precision) == ("2025-01-10", DatePrecision.DAY)


# --- loss and deployment claims on real-world phrasing (issue 11, losses) ---------------------
# GOLD.md's conventions in each language the rule covers; sentences written for these tests.


def _by_kind(claims):
    return {(c.kind, numbers(c)) for c in claims if c.kind is not Kind.CONTROL}


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The general staff said irrecoverable losses amounted to 3 100 and medical losses to 4 800.",
                 {(Kind.KILLED, (None, 3100, None)), (Kind.WOUNDED, (None, 4800, None))}, id="en"),
    pytest.param("Безвозвратные потери противника составили 1 200 человек, санитарные — 2 400.",
                 {(Kind.KILLED, (None, 1200, None)), (Kind.WOUNDED, (None, 2400, None))}, id="ru"),
    pytest.param("Із них 5,1 тис. є безповоротними втратами, ще 7,3 тис. – санітарними.",
                 {(Kind.KILLED, (None, 5100, None)), (Kind.WOUNDED, (None, 7300, None))}, id="uk"),
    pytest.param("Ворог втратив 2 600 осіб: убито 900, поранено – 1 700.",
                 {(Kind.KILLED_OR_WOUNDED, (None, 2600, None)), (Kind.KILLED, (None, 900, None)),
                  (Kind.WOUNDED, (None, 1700, None))}, id="uk-list"),
])
def test_irrecoverable_losses_are_killed_and_sanitary_losses_wounded(resources, text, expected):
    assert _by_kind(extract(resources, text)) == expected


@pytest.mark.parametrize(("text", "kind", "figure"), [
    pytest.param("Kyiv said 900 soldiers were killed, injured or captured near Sudzha.",
                 Kind.KILLED_OR_WOUNDED, (None, 900, None), id="killed-injured-or-captured"),
    pytest.param("Ukraine said it had taken more than 300 captives in the Kursk region.",
                 Kind.CAPTURED, (300, 300, None), id="captives"),
    pytest.param("Сили оборони взяли в полон 120 окупантів на Курщині.", Kind.CAPTURED, (None, 120, None),
                 id="uk-в-полон"),
    pytest.param("Около 500 военных оказались в окружении под Суджей.", Kind.OTHER, (None, 500, None),
                 id="ru-encircled"),
    pytest.param("About 2,000 North Korean troops have moved into the Kursk region.", Kind.DEPLOYED,
                 (None, 2000, None), id="moved-into"),
    pytest.param("В Курской области находятся около 3 тысяч северокорейских военных.", Kind.DEPLOYED,
                 (None, 3000, None), id="ru-presence-with-figure"),
    pytest.param("Ten wounded people were taken to hospital in Rylsk.", Kind.WOUNDED, (None, 10, None),
                 id="amount-before-adjective"),
    pytest.param("Two elderly people have been killed in Rylsk.", Kind.KILLED, (None, 2, None),
                 id="adjective-before-noun"),
    pytest.param("Ukraine could have killed or wounded several hundred soldiers near Sudzha.",
                 Kind.KILLED_OR_WOUNDED, (None, None, None), id="could-have"),
    pytest.param("Nearly 1,000 North Korean soldiers were wounded in the Kursk region.", Kind.WOUNDED,
                 (None, 1000, 1000), id="nearly-is-an-upper-bound"),
    pytest.param("Втрати ворога перевищили 3,5 тис. осіб.", Kind.KILLED_OR_WOUNDED, (3500, 3500, None),
                 id="uk-exceeded"),
])
def test_loss_and_deployment_phrasing(resources, text, kind, figure):
    claims = [c for c in extract(resources, text) if c.kind is not Kind.CONTROL]
    assert [(c.kind, numbers(c)) for c in claims] == [(kind, figure)]


@pytest.mark.parametrize(("text", "kind"), [
    pytest.param("Ukrainian units near Sudzha had been encircled, the blogger claimed.", Kind.OTHER, id="encircled"),
    pytest.param("Россия перебрасывает силы с других направлений в Курскую область.", Kind.DEPLOYED,
                 id="ru-moving-forces"),
    pytest.param("Ворог намагається залучити туди військових з інших напрямків.", Kind.DEPLOYED,
                 id="uk-bringing-in-troops"),
    pytest.param("Мирный житель Рыльска погиб.", Kind.KILLED, id="ru-verb-last"),
    pytest.param("Жителька Суджі, яка загинула під час обстрілу, працювала вчителькою.", Kind.KILLED,
                 id="uk-relative-clause"),
    pytest.param("The shelling has led to civilian fatalities in Rylsk.", Kind.KILLED, id="led-to"),
    pytest.param("Enemy losses near Sudzha are very heavy, the commander said.", Kind.KILLED_OR_WOUNDED,
                 id="predicate-after"),
    pytest.param("A Ukrainian garrison in Sudzha was practically destroyed.", Kind.KILLED_OR_WOUNDED,
                 id="garrison-destroyed"),
])
def test_claims_without_a_figure(resources, text, kind):
    claims = [c for c in extract(resources, text) if c.kind is not Kind.CONTROL]
    assert [(c.kind, c.figure) for c in claims] == [(kind, None)]


@pytest.mark.parametrize("text", [
    pytest.param("Российские войска находятся в Курской области.", id="ru-merely-present"),
    pytest.param("В Рыльске никто не погиб.", id="ru-negated"),
    pytest.param("The soldiers were urged to commit suicide before being captured.", id="urged-to"),
    pytest.param("На место направлены дополнительные бригады скорой помощи.", id="ru-ambulance-crews"),
    pytest.param("Three tanks were destroyed near Sudzha.", id="equipment-destroyed"),
    pytest.param("Ukraine tried to reinforce them with a few armoured cars.", id="reinforced-with-equipment"),
])
def test_not_loss_or_deployment_claims(resources, text):
    assert [c for c in extract(resources, text) if c.kind is not Kind.CONTROL] == []


def test_settlements_captured_are_no_head_count(resources):
    claims = extract(resources, "Russian forces captured 11 settlements in the Kursk region.")
    assert not [c for c in claims if c.kind is Kind.CAPTURED]


@pytest.mark.parametrize("text", [
    pytest.param("Ukrainian forces killed 21 Russian soldiers near Plekhovo and captured two near Kurilovka, "
                 "the brigade said.", id="en"),
    pytest.param("ВСУ уничтожили 21 военного под Плеховом и взяли в плен двоих у Куриловки.", id="ru"),
    pytest.param("Під Плеховим загинули 21 окупант, а біля Курилівки в полон потрапили ще двоє.", id="uk"),
])
def test_each_figure_takes_the_village_of_its_own_clause(resources, gaz, text):
    claims = {c.kind: c for c in extract(resources, text) if c.kind is not Kind.CONTROL}
    names = {kind: {gaz.places[p.place_id].name for p in c.places} for kind, c in claims.items()}
    assert (numbers(claims[Kind.KILLED]), numbers(claims[Kind.CAPTURED])) == ((None, 21, None), (None, 2, None))
    assert names == {Kind.KILLED: {"Plekhovo"}, Kind.CAPTURED: {"Kurilovka"}}


@pytest.mark.parametrize("text", [
    pytest.param("Four people were killed in a drone attack on the village of Tetkino.\n"
                 "Seven wounded residents were taken to hospital, the governor said.", id="en"),
    pytest.param("Украинские войска нанесли удар по Рыльску.\nПо словам губернатора, пострадали пять человек.",
                 id="ru"),
])
def test_casualties_after_an_event_take_its_village(resources, gaz, text):
    wounded = [c for c in extract(resources, text) if c.kind is Kind.WOUNDED]
    villages = {gaz.places[p.place_id].name for p in wounded[0].places} - {gaz.region.name}
    assert villages in ({"Tetkino"}, {"Rylsk"})


@pytest.mark.parametrize("text", [
    pytest.param("Fighting continued near Sudzha.\n"
                 "Casualties among North Korean troops in the Ukraine war have reached about 2,000, Seoul said.",
                 id="en-the-war"),
    pytest.param("Бої тривають у Судже.\nВтрати північнокорейських військ у війні в Україні сягнули 4 тисяч осіб.",
                 id="uk-в-україні"),
])
def test_a_figure_for_the_whole_war_is_unplaced(resources, text):
    (claim,) = [c for c in extract(resources, text) if c.kind is Kind.KILLED_OR_WOUNDED]
    assert claim.places == ()


@pytest.mark.parametrize("text", [
    pytest.param("Over the past 24 hours Russia lost 300 soldiers in the Kursk region, Kyiv said.", id="en"),
    pytest.param("За минувшие сутки ВСУ потеряли в Курской области 120 военнослужащих.", id="ru"),
    pytest.param("За минулу добу ворог втратив на Курщині 120 окупантів.", id="uk"),
])
def test_a_daily_figure_is_dated_the_day_it_covers(resources, text):
    (claim,) = [c for c in extract(resources, text, published="2025-01-12") if c.kind is not Kind.CONTROL]
    assert (claim.reported, claim.reported_precision) == ("2025-01-11", DatePrecision.DAY)


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The number of North Korean troops in the Kursk region has risen by about 3,000, officials said.",
                 [(Kind.DEPLOYED, (None, 3000, None))], id="number-of-has-risen-by"),
    pytest.param("Russia sent 2,000 more troops to the Kursk region, bringing the total there to some 12,000.",
                 [(Kind.DEPLOYED, (None, 2000, None)), (Kind.DEPLOYED, (None, 12000, None))], id="bringing-the-total"),
    pytest.param("A 40,000-strong group of Russian troops is preparing an offensive in the Kursk region.",
                 [(Kind.DEPLOYED, (None, 40000, None))], id="n-strong"),
    pytest.param("Двоє чоловіків отримали осколкові поранення в Рильську.", [(Kind.WOUNDED, (None, 2, None))],
                 id="uk-отримали-поранення"),
    pytest.param("Мужчина и женщина получили осколочные ранения в Рыльске.", [(Kind.WOUNDED, None)],
                 id="ru-получили-ранения"),
    pytest.param("Ukrainian assault groups were dropped off in the village of Tetkino.", [(Kind.DEPLOYED, None)],
                 id="dropped-off"),
    pytest.param("We see an increase in the number of North Korean soldiers in the Kursk region.",
                 [(Kind.DEPLOYED, None)], id="increase-in-the-number"),
])
def test_counts_of_forces_and_wounds_received(resources, text, expected):
    claims = [c for c in extract(resources, text) if c.kind is not Kind.CONTROL]
    assert [(c.kind, numbers(c)) for c in claims] == expected


def test_trigger_alternatives_split_only_at_the_top_level():
    from geo.heads import top_level_alternatives
    assert top_level_alternatives(r"a(?:b|c)|[|x]d|e\|f") == ["a(?:b|c)", "[|x]d", r"e\|f"]


@pytest.mark.parametrize(("text", "kind"), [
    pytest.param("fifty soldiers were killed or wounded", Kind.KILLED_OR_WOUNDED, id="en"),
    pytest.param("пятьдесят военных погибли", Kind.KILLED, id="ru"),
    pytest.param("п'ятдесят військових потрапили в полон", Kind.CAPTURED, id="uk"),
])
def test_the_script_split_trigger_scan_finds_each_language(text, kind):
    from geo.claims import _raw_triggers
    from geo.text import fold
    folded = fold(text)
    assert [t.kind for t in _raw_triggers(folded, 0, len(folded))] == [kind]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Губернатор сообщил, что пострадали 12 человек, в том числе двое детей.",
                 [(Kind.WOUNDED, (None, 12, None)), (Kind.WOUNDED, (None, 2, None))], id="ru-в-том-числе-after"),
    pytest.param("Six people, including one child, were killed in Rylsk.", [(Kind.KILLED, (None, 6, None))],
                 id="including-before-the-verb"),
    pytest.param("Officials put the number of North Korean soldiers in Kursk – where fighting goes on – at about 8,000.",
                 [(Kind.DEPLOYED, (None, 8000, None))], id="put-the-number-at"),
    pytest.param("The army carried out 34 air strikes using 62 guided bombs, including two using rocket systems.", [],
                 id="strikes-are-not-people"),
    pytest.param("Moscow said it had retaken two villages that were captured by Ukraine.", [], id="captured-villages"),
])
def test_parts_anaphora_and_what_is_not_a_head_count(resources, text, expected):
    claims = [c for c in extract(resources, text) if c.kind is not Kind.CONTROL]
    assert [(c.kind, numbers(c)) for c in claims] == expected


@pytest.mark.parametrize("text", [
    pytest.param("The general staff denied that Ukrainian units near Sudzha were encircled.", id="en-denied"),
    pytest.param("Війська України не є в оточенні в Курській області, заявили в Генштабі.", id="uk-negated"),
])
def test_encirclement_said_or_denied_is_other(resources, text):
    claims = [c for c in extract(resources, text) if c.kind is not Kind.CONTROL]
    assert [(c.kind, c.figure) for c in claims] == [(Kind.OTHER, None)]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param("Под Суджей погибли 12 военнослужащих ВСУ.\nОб этом сообщили в Минобороны России.",
                 "Russian Defense Ministry", id="ru-back-reference"),
    pytest.param("Під Суджею загинули 40 окупантів. Про це повідомив Генштаб ЗСУ.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-back-reference"),
    pytest.param("Ukrainian forces killed 30 Russian soldiers near Sudzha.\nThis was reported by the ISW.",
                 "Institute for the Study of War", id="en-back-reference"),
])
def test_issue_11_the_next_sentence_names_the_claimant(resources, text, claimant):
    claims = extract(resources, text)
    assert claims and {c.claimant for c in claims} == {claimant}


def test_issue_11_figures_after_an_attribution_keep_its_claimant(resources):
    text = ("Втрати ворога в Курській області сягнули 20 тис. осіб, написав Олександр Сирський.\n"
            "З них убито 7 тис., поранено 12 тис.")
    claims = extract(resources, text)
    assert len(claims) >= 3 and {c.claimant for c in claims} == {"Oleksandr Syrskyi"}


def test_issue_11_the_origin_not_the_outlet(resources):
    text = "Российские войска уничтожили до 50 военнослужащих ВСУ под Суджей, сообщает ТАСС со ссылкой на Минобороны РФ."
    (claim,) = extract(resources, text)
    assert claim.claimant == "Russian Defense Ministry"


def test_issue_11_a_headline_takes_the_claimant_of_the_body(resources):
    text = ("Russia lost 500 soldiers near Sudzha in a week\n\n"
            "Russian forces lost 500 soldiers near Sudzha in the past week, Ukraine's General Staff said on Monday.")
    claims = extract(resources, text)
    assert len(claims) == 2 and {c.claimant for c in claims} == {"General Staff of the Armed Forces of Ukraine"}


def test_a_total_for_the_whole_country_is_its_own_unplaced_claim(resources, gaz):
    text = ("Fighting went on near Sudzha.\nOfficials put the number of North Korean soldiers in Kursk "
            "at about 8,000 out of a total of 10,000 in Russia.")
    claims = {numbers(c): c for c in extract(resources, text) if c.kind is Kind.DEPLOYED}
    assert set(claims) == {(None, 8000, None), (None, 10000, None)}
    assert [p.place_id for p in claims[(None, 8000, None)].places] == [gaz.region.place_id]
    assert claims[(None, 10000, None)].places == ()


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Significant concentrations of Russian troops are reported near Sudzha.", [Kind.DEPLOYED],
                 id="concentrations-of-troops"),
    pytest.param("The aim of the incursion was to force Russia to redeploy its troops from other sectors.", [],
                 id="force-to-redeploy-is-an-aim"),
])
def test_deployments_said_and_aimed_at(resources, text, expected):
    assert [c.kind for c in extract(resources, text) if c.kind is not Kind.CONTROL] == expected


@pytest.mark.parametrize("text", [
    pytest.param("In 1943 the Red Army liberated Kursk after a long battle.", id="en"),
    pytest.param("В 1943 году советские войска освободили Курск.", id="ru"),
    pytest.param("У 1943 році Червона армія звільнила Курськ.", id="uk"),
])
def test_another_wars_history_is_no_claim(resources, text):
    assert extract(resources, text) == ()


def test_a_war_named_only_for_comparison_keeps_the_claim(resources):
    text = "Ukraine seized 1,000 square kilometres of Kursk Oblast, the first occupation of Russian land since 1941."
    assert [c.kind for c in extract(resources, text)] == [Kind.CONTROL]


@pytest.mark.parametrize("text", [
    pytest.param("Ukrainian forces destroyed 40 Russian tanks near Sudzha.", id="en-equipment"),
    pytest.param("Українські захисники знищили два танки та 15 безпілотників.", id="uk-equipment"),
    pytest.param("Российские военные уничтожили три бронемашины ВСУ.", id="ru-equipment"),
    pytest.param("Russia plans to deploy 50,000 troops to the Kursk region, Zelensky said.", id="en-plan"),
    pytest.param("The plan was executed in two stages near Sudzha.", id="en-executed-plan"),
    pytest.param("Россия планирует перебросить 50 тысяч военных в Курскую область.", id="ru-plan"),
    pytest.param("Росія планує перекинути 50 тисяч військових до Курської області.", id="uk-plan"),
])
def test_equipment_and_plans_are_no_claims(resources, text):
    assert extract(resources, text) == ()


def test_people_destroyed_with_equipment_are_still_a_loss(resources):
    claims = extract(resources, "Ukrainian forces destroyed 40 Russian soldiers and two tanks near Sudzha.")
    assert [(c.kind, c.figure.text) for c in claims if c.figure] == [(Kind.KILLED_OR_WOUNDED, "40")]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param("Сводка Минобороны России\n\nЗа сутки противник потерял до 150 военнослужащих в Курской области.",
                 "Russian Defense Ministry", id="ru"),
    pytest.param("Зведення Генштабу ЗСУ\n\nЗа добу ворог втратив 300 осіб на Курщині.",
                 "General Staff of the Armed Forces of Ukraine", id="uk"),
    pytest.param("Russian Defence Ministry daily briefing\n\nUkraine lost up to 150 soldiers in the Kursk region.",
                 "Russian Defense Ministry", id="en"),
])
def test_a_headline_naming_a_bodys_document_is_the_source_of_its_claims(resources, text, claimant):
    """The whole article is that document: claims naming no source of their own are the body's."""
    assert [c.claimant for c in extract(resources, text)] == [claimant]


def test_a_claim_with_its_own_source_keeps_it_under_a_document_headline(resources):
    text = "Сводка Минобороны России\n\nПо словам Зеленского, в Курской области погибли 300 военных КНДР."
    assert [c.claimant for c in extract(resources, text)] == ["Volodymyr Zelensky"]
