"""Who claims it, in phrasings written for these tests (not taken from the development set):
the passive speaker, an announcement, the speaker after the outlet he told, a wire that
passes a report on, the topic before its speaker, and the document named before its maker.

Each text holds one claim; the tests assert who makes it (GOLD.md: the person or body that
makes the claim, not the outlet that reports it).
"""

from __future__ import annotations

import pytest

from geo.sides import side_of
from tests.test_probe_attribution import claimants


@pytest.mark.parametrize(("text", "expected"), [
    # the passive: the body after "by" speaks, whatever the verb
    pytest.param("The capture of Pogrebki was announced by the Russian Defence Ministry on Tuesday.",
                 "Russian Defense Ministry", id="en-announced-by"),
    # an announcement is a statement
    pytest.param("Минобороны объявило об овладении Суджей.", "Russian Defense Ministry", id="ru-объявило-об"),
    pytest.param("Минобороны России во вторник объявило, что войска освободили Погребки.",
                 "Russian Defense Ministry", id="ru-во-вторник-объявило"),
    pytest.param("Генштаб ЗСУ оголосив, що окупанти втратили за добу 1 200 військових.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-оголосив"),
    # the data and who published them
    pytest.param("По данным, опубликованным Минобороны России, подразделения группировки «Север» освободили "
                 "Погребки.", "Russian Defense Ministry", id="ru-по-данным-опубликованным"),
    pytest.param("За даними, оприлюдненими Генштабом, окупанти втратили за добу 1 200 військових.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-за-даними-оприлюдненими"),
    pytest.param("Ukrainian forces still hold Sudzha, per the General Staff.",
                 "General Staff of the Armed Forces of Ukraine", id="en-per"),
    pytest.param("Russia lost 1,200 soldiers near Sudzha per the General Staff's daily report.",
                 "General Staff of the Armed Forces of Ukraine", id="en-per-makers-report"),
    # GOLD.md: an unnamed source speaks for the body it is in, not for the outlet it told
    pytest.param("Российские войска освободили Погребки, сообщил ТАСС источник в силовых структурах.",
                 "Russian security forces", id="ru-сообщил-ТАСС-источник"),
    pytest.param("Российские войска освободили Погребки, рассказал «Известиям» источник в Минобороны.",
                 "Russian Defense Ministry", id="ru-рассказал-«Известиям»-источник"),
    pytest.param("ВСУ потеряли под Суджей до 200 военных, рассказал РИА Новости военный эксперт Андрей Марочко.",
                 "Андрей Марочко", id="ru-рассказал-РИА-эксперт"),
    pytest.param("Российские войска освободили Погребки, сообщил источник.", None, id="ru-bare-источник"),
    # a wire passing the report on is the source when nobody else is named
    pytest.param("Российские войска освободили Погребки, передает корреспондент ТАСС.", "TASS",
                 id="ru-передает-корреспондент"),
    pytest.param("Как передает РИА Новости, российские войска освободили Погребки.", "RIA Novosti",
                 id="ru-как-передает"),
    pytest.param("Российские войска освободили Погребки, передает «Интерфакс».", "Interfax", id="ru-передает-«X»"),
    pytest.param("Российские войска освободили Погребки. Об этом передает ТАСС.", "TASS", id="ru-об-этом-передает"),
    # … and not when the sentence names the one it passes on
    pytest.param("Российские войска освободили Погребки, передает ТАСС со ссылкой на Минобороны.",
                 "Russian Defense Ministry", id="ru-передает-со-ссылкой"),
    pytest.param("Об освобождении Погребков заявил Герасимов, передает ТАСС.", "Valery Gerasimov",
                 id="ru-заявил-X-передает-ТАСС"),
    # the topic first, the speaker after the verb
    pytest.param("Об освобождении Погребков заявил начальник Генштаба Валерий Герасимов.", "Valery Gerasimov",
                 id="ru-об-X-заявил"),
    pytest.param("О потерях ВСУ под Суджей в 200 человек сообщил командующий группировкой «Север».",
                 "командующий группировкой «Север»", id="ru-о-X-сообщил-title"),
    pytest.param("Про втрати ворога біля Суджі в 200 осіб повідомили в Генштабі ЗСУ.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-про-X-повідомили-в"),
    pytest.param("Об отступлении ВСУ из Суджи пишут российские военкоры.", "Russian milbloggers",
                 id="ru-об-X-пишут-военкоры"),
    # the statement named as such in the next sentence
    pytest.param("ВСУ удерживают позиции под Суджей. С таким заявлением выступил Сырский.", "Oleksandr Syrskyi",
                 id="ru-с-таким-заявлением"),
    pytest.param("Українські сили утримують позиції біля Суджі. Таку заяву зробив Сирський.", "Oleksandr Syrskyi",
                 id="uk-таку-заяву-зробив"),
    pytest.param("Ukrainian forces still hold Sudzha. That is what Syrskyi told journalists on Monday.",
                 "Oleksandr Syrskyi", id="en-that-is-what"),
    # a document before its maker, or after the maker's possessive
    pytest.param("Ukrainian forces still hold Sudzha, according to a post on Syrskyi's Telegram channel.",
                 "Oleksandr Syrskyi", id="en-post-on-X's-channel"),
    pytest.param("Ukrainian forces still hold Sudzha, according to a statement from Nazar Voloshyn.",
                 "Nazar Voloshyn", id="en-statement-from"),
    # where a statement was put is no maker
    pytest.param("Russian forces liberated Pogrebki, the ministry said in a statement on Telegram.", None,
                 id="en-statement-on-Telegram-no-body-before"),
    pytest.param("The Russian Defence Ministry said fighting went on. Russian forces liberated Nikolsky, the "
                 "ministry said in a statement on Telegram.", "Russian Defense Ministry",
                 id="en-statement-on-Telegram"),
    # a title, its body, then the person: the person
    pytest.param("Российские войска освободили Погребки, заявил официальный представитель Минобороны России "
                 "Игорь Конашенков.", "Igor Konashenkov", id="ru-представитель-body-person"),
    pytest.param("Russian forces liberated Pogrebki, the Russian Defence Ministry's Igor Konashenkov said.",
                 "Igor Konashenkov", id="en-body's-person"),
    # a participle opens the aside between the speaker and his verb
    pytest.param("Lawmaker Lee Seong-kweun, briefing reporters after a closed-door meeting, said some 2,700 North "
                 "Korean soldiers had been wounded in the Kursk region.", "Lee Seong-kweun", id="en-participle-aside"),
    pytest.param("Хинштейн, выступая на брифинге, заявил, что в Рыльске ранены трое мирных жителей.",
                 "Alexander Khinshtein", id="ru-деепричастие-aside"),
    pytest.param("Сирський, коментуючи ситуацію, зазначив, що ворог втратив біля Суджі 200 військових.",
                 "Oleksandr Syrskyi", id="uk-дієприслівник-aside"),
    # the body before an impersonal plural
    pytest.param("В Минобороны России заявили, что ВСУ потеряли за сутки до 300 военных.", "Russian Defense Ministry",
                 id="ru-в-X-заявили"),
    pytest.param("Раніше у ГУР заявляли, що КНДР направила до Росії близько 11 тисяч військових.", "GUR",
                 id="uk-у-X-заявляли"),
    pytest.param("У Генштабі ЗСУ підтвердили, що українські сили вийшли з Суджі.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-у-X-підтвердили"),
    pytest.param("У бригаді розповіли, що ворог втратив біля Суджі 50 військових.", "бригада", id="uk-у-бригаді"),
    pytest.param("В Судже уверены, что ВСУ потеряли за сутки до 300 военных.", None, id="ru-в-place-уверены"),
    pytest.param("В Курской области сообщили о гибели двух мирных жителей в Рыльске.", None, id="ru-в-region-сообщили"),
    # where the speaker said it is no part of his name
    pytest.param("Президент України Володимир Зеленський у вечірньому зверненні заявив, що втрати армії КНДР у "
                 "Курській області перевищили 4 тисячі осіб.", "Volodymyr Zelensky", id="uk-у-зверненні"),
    pytest.param("Сырский в своем телеграм-канале написал, что ВСУ удерживают позиции под Суджей.",
                 "Oleksandr Syrskyi", id="ru-в-телеграм-канале"),
    # an English title, its office, a rank, then the person
    pytest.param("Around 11,000 North Korean soldiers are deployed in the Kursk region, U.S. Secretary of State "
                 "Antony Blinken said.", "Antony Blinken", id="en-secretary-of-state-X"),
    pytest.param("Around 11,000 North Korean soldiers are deployed in the Kursk region, Pentagon press secretary "
                 "Maj. Gen. Pat Ryder told reporters.", "Pat Ryder", id="en-rank-abbreviations"),
    # a relative clause between the speaker and his verb
    pytest.param("The Russian Defence Ministry, which rarely comments on losses, said Ukrainian forces lost 300 "
                 "soldiers near Sudzha.", "Russian Defense Ministry", id="en-which-aside"),
    # informing is saying; the data testify; the platform is no part of the name
    pytest.param("Окупанти втратили за добу 1 200 військових, інформує Генштаб ЗСУ.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-інформує"),
    pytest.param("Як інформують у Генштабі ЗСУ, окупанти втратили за добу 1 200 військових.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-як-інформують-у"),
    pytest.param("Потери ВСУ за сутки составили до 300 военнослужащих, информирует Минобороны.",
                 "Russian Defense Ministry", id="ru-информирует"),
    pytest.param("Окупанти втратили за добу 1 200 військових, свідчать дані Генштабу.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-свідчать-дані"),
    pytest.param("Потери ВСУ за сутки составили до 300 военнослужащих, свидетельствуют данные Минобороны.",
                 "Russian Defense Ministry", id="ru-свидетельствуют-данные"),
    pytest.param("Окупанти втратили за добу 1 200 військових, ідеться в повідомленні Генерального штабу ЗСУ у "
                 "Facebook.", "General Staff of the Armed Forces of Ukraine", id="uk-у-Facebook"),
    pytest.param("По сведениям «Рыбаря», ВСУ оставили Суджу.", "Rybar", id="ru-по-сведениям-«X»"),
    # the officials and bodies the Kursk reporting quotes most, under one name in any language and case
    pytest.param("По словам Романа Старовойта, в Судже погибли двое мирных жителей.", "Roman Starovoit",
                 id="ru-Старовойта"),
    pytest.param("В ФСБ России заявили, что ВСУ потеряли под Суджей 30 военных.", "FSB", id="ru-в-ФСБ-заявили"),
    pytest.param("Як повідомляє Укрінформ, окупанти втратили за добу 1 200 військових.", "Ukrinform",
                 id="uk-як-повідомляє-Укрінформ"),
    pytest.param("За даними Центру протидії дезінформації, окупанти втратили біля Суджі 200 військових.",
                 "Center for Countering Disinformation", id="uk-за-даними-ЦПД"),
    # a name, its office set off by commas, then the verb
    pytest.param("“Our units hold their positions in Sudzha,” Oleksandr Syrskyi, Ukraine's top commander, wrote "
                 "on Telegram.", "Oleksandr Syrskyi", id="en-quote-name-office-wrote"),
    # where he spoke, before the speaker's name
    pytest.param("В интервью «Российской газете» Герасимов заявил, что ВСУ потеряли в Курской области 76 тысяч "
                 "человек.", "Valery Gerasimov", id="ru-в-интервью-«X»-Y-заявил"),
    pytest.param("У коментарі Укрінформу речник ОТУ «Курськ» заявив, що ворог втратив біля Суджі 200 військових.",
                 "речник ОТУ «Курськ»", id="uk-у-коментарі-X-речник"),
    # a Ukrainian name in an oblique case is named in the nominative
    pytest.param("За словами Дмитра Лиховія, противник втратив біля Суджі понад 150 військових.", "Дмитро Лиховій",
                 id="uk-за-словами-Дмитра-Лиховія"),
    pytest.param("За словами речника ОСУВ «Хортиця» Назара Волошина, ворог втратив біля Суджі 150 військових.",
                 "Назар Волошин", id="uk-за-словами-речника-Назара-Волошина"),
    # a noun that looks like a speech verb after a preposition or a determiner names nobody
    pytest.param("Peskov declined to comment on reports that Ukrainian troops had captured Sudzha.", None,
                 id="en-declined-to-comment-on-reports"),
    pytest.param("According to some estimates, up to 300 Russian soldiers died near Sudzha.", None,
                 id="en-according-to-some-estimates"),
    # the media at large, a described outlet, channels of a side
    pytest.param("Украинские военные взяли в плен 40 российских солдат, сообщили украинские СМИ.", "Ukrainian media",
                 id="ru-украинские-СМИ"),
    pytest.param("За даними ЗМІ, ЗСУ взяли в полон біля Суджі 40 російських військових.", None, id="uk-за-даними-ЗМІ"),
    pytest.param("Ukrainian forces captured 40 Russian soldiers near Sudzha, Ukrainian outlet Ukrainska Pravda "
                 "reported.", "Ukrainska Pravda", id="en-described-outlet"),
    pytest.param("Российские telegram-каналы сообщают, что ВСУ отступили из Суджи.", "Russian Telegram channels",
                 id="ru-российские-telegram-каналы"),
    # one titled person of a side is a new speaker, before or after an aside
    pytest.param("A senior Ukrainian military official said Russia had lost 500 soldiers near Sudzha.",
                 "senior Ukrainian military official", id="en-a-senior-official-said"),
    pytest.param("A senior Ukrainian military official, speaking on condition of anonymity, said Russia had lost 500 "
                 "soldiers near Sudzha.", "senior Ukrainian military official", id="en-a-senior-official-aside"),
    # an office speaks for its head
    pytest.param("Russia has lost up to 200 soldiers near Sudzha, Syrskyi's office said.", "Oleksandr Syrskyi",
                 id="en-X's-office"),
    # an outlet's name with a dot, and "in a conversation with" it, are no part of the speaker
    pytest.param("Как пояснил «Ленте.ру» военный эксперт Василий Дандыкин, ВСУ потеряли под Суджей до 500 человек.",
                 "Василий Дандыкин", id="ru-пояснил-«Ленте.ру»-эксперт"),
    pytest.param("Военный эксперт Василий Дандыкин в беседе с «Лентой.ру» отметил, что ВСУ потеряли под Суджей до "
                 "500 человек.", "Василий Дандыкин", id="ru-в-беседе-с"),
    # an expert's view is his claim
    pytest.param("Политолог Михаил Шеремет считает, что ВСУ потеряли под Суджей до 500 человек.", "Михаил Шеремет",
                 id="ru-политолог-считает"),
    pytest.param("Ворог втратив біля Суджі до 500 військових, вважає військовий експерт Олег Жданов.", "Олег Жданов",
                 id="uk-вважає-експерт"),
    pytest.param("Ворог втратив біля Суджі до 500 військових, — переконаний військовий експерт Олег Жданов.",
                 "Олег Жданов", id="uk-переконаний-експерт"),
    # judging by, proceeding from, in accordance with a source's data
    pytest.param("Судя по заявлениям Минобороны, ВСУ потеряли под Суджей 300 военных.", "Russian Defense Ministry",
                 id="ru-судя-по-заявлениям"),
    pytest.param("Исходя из данных Генштаба, ВСУ удерживают позиции под Суджей.",
                 "General Staff of the Armed Forces of Ukraine", id="ru-исходя-из-данных"),
    pytest.param("Відповідно до даних DeepState, окупанти просунулися біля Суджі та захопили Погребки.", "DeepState",
                 id="uk-відповідно-до-даних"),
    # another country's ministry is not the bare "Defence Ministry" (Moscow's in Kursk reporting)
    pytest.param("The UK Ministry of Defence said Russian forces had probably retaken Sudzha.", "UK Ministry of Defence",
                 id="en-UK-Ministry-of-Defence"),
    pytest.param("Russia has probably retaken Sudzha, Britain's defence ministry said in its daily intelligence update.",
                 "UK Ministry of Defence", id="en-Britain's-defence-ministry"),
    pytest.param("Russia has probably retaken Sudzha, the German Defence Ministry said.", "German Defence Ministry",
                 id="en-German-Defence-Ministry"),
    pytest.param("Британська розвідка: росіяни втратили біля Суджі до 300 військових", "UK Defence Intelligence",
                 id="uk-headline-британська-розвідка"),
    pytest.param("About 11,000 North Korean troops are in the Kursk region, South Korea's Defense Ministry said.",
                 "South Korean Defense Ministry", id="en-South-Korea's-Defense-Ministry"),
    pytest.param("Около 11 тысяч северокорейских военных находятся в Курской области, сообщило Минобороны Южной "
                 "Кореи.", "South Korean Defense Ministry", id="ru-Минобороны-Южной-Кореи"),
    pytest.param("North Korean troops helped liberate Sudzha, North Korea's official news agency said.",
                 "Korean Central News Agency", id="en-North-Korea's-official-news-agency"),
    # a name set off by commas, then the verb and a clause that ends on a village: the name speaks
    pytest.param("The Kremlin's spokesman, Dmitry Peskov, said Russian forces had retaken Sudzha.", "Dmitry Peskov",
                 id="en-appositive-then-clause"),
    pytest.param("Zelensky's chief of staff, Andriy Yermak, said Ukrainian troops still held Sudzha.", "Andriy Yermak",
                 id="en-appositive-then-clause-2"),
    # an aside of place or a sentence adverb between the speaker and his verb
    pytest.param("Ukraine, however, said Russian forces failed to retake Sudzha and lost 200 soldiers near Plekhovo.",
                 "Ukraine", id="en-however-aside"),
    pytest.param("Киев, в свою очередь, заявил, что ВСУ удерживают позиции под Суджей.", "Ukraine",
                 id="ru-в-свою-очередь"),
    pytest.param("Хинштейн, в своем телеграм-канале, сообщил о гибели двух мирных жителей в Рыльске.",
                 "Alexander Khinshtein", id="ru-в-телеграм-канале-aside"),
])
def test_the_claimant_in_a_new_phrasing(resources, text, expected):
    assert claimants(resources, text) == [expected]


def test_a_wire_passing_on_a_named_speaker_does_not_take_his_claims(resources):
    text = ("Втрати армії країни-агресора біля Суджі сягнули 2 000 осіб. Про це головнокомандувач ЗСУ Олександр "
            "Сирський написав у Telegram, передають Патріоти України.")
    assert claimants(resources, text) == ["Oleksandr Syrskyi"]


@pytest.mark.parametrize(("text", "expected"), [
    # a title after a quotation refers back to the person named before (GOLD.md)
    pytest.param("Ukraine's top commander Oleksandr Syrskyi said his forces were holding positions near Sudzha.\n\n"
                 "“The enemy has lost more than 500 soldiers near Sudzha over the past week,” the commander said.",
                 "Oleksandr Syrskyi", id="en-quote-the-commander-said"),
    pytest.param("“The enemy has lost more than 500 soldiers near Sudzha over the past week,” the regional governor "
                 "told journalists.", "regional governor", id="en-quote-bare-title"),
    # "in the ministry" before its verb: the body named before
    pytest.param("Минобороны России сообщило об освобождении Погребков.\n\nВ ведомстве также отметили, что ВСУ "
                 "потеряли за сутки до 300 военных.", "Russian Defense Ministry", id="ru-в-ведомстве-отметили"),
    pytest.param("Міноборони Росії заявило про звільнення Погребків.\n\nУ відомстві також зазначили, що ЗСУ втратили "
                 "за добу до 300 військових.", "Russian Defense Ministry", id="uk-у-відомстві-зазначили"),
])
def test_a_reference_back_in_the_next_paragraph(resources, text, expected):
    assert claimants(resources, text)[-1] == expected


@pytest.mark.parametrize("text", [
    pytest.param("Russian forces pushed Ukrainian troops out of Sudzha last week, two Ukrainian soldiers told the BBC.",
                 id="en-two-Ukrainian-soldiers-told"),
    pytest.param("Ukrainian soldiers told the BBC that Russian forces had pushed them out of Sudzha.",
                 id="en-Ukrainian-soldiers-told"),
])
def test_soldiers_of_a_country_are_not_its_government(resources, text):
    assert claimants(resources, text) != ["Ukraine"]


@pytest.mark.parametrize(("text", "expected"), [
    # a pronoun that closes a direct speech is not a person named inside it
    pytest.param("Zelensky said the situation was difficult.\n\n\"Syrskyi reported that the enemy lost 500 soldiers "
                 "near Sudzha. Our forces hold Sudzha,\" he said.", "Volodymyr Zelensky", id="en-quote-he-said"),
    pytest.param("Зеленский заявил, что ситуация сложная.\n\n«Сырский доложил об освобождении Суджи. Наши "
                 "подразделения удерживают Суджу», — сказал он.", "Volodymyr Zelensky", id="ru-«…»-сказал-он"),
    pytest.param("Зеленський заявив, що ситуація складна.\n\n- Сирський доповів, що ворог відступив. Наші "
                 "підрозділи утримують Суджу, — заявив він.", "Volodymyr Zelensky", id="uk-dash-speech-заявив-він"),
    # … and the person named inside it keeps what he is quoted as reporting (GOLD.md: the origin)
    pytest.param("Zelensky said the situation was difficult.\n\n\"Syrskyi reported that the enemy lost 500 soldiers "
                 "near Sudzha,\" he said.", "Oleksandr Syrskyi", id="en-relayed-inside-the-quote"),
    # a reference back to an analyst body, an outlet, a project, its analysts or its report
    pytest.param("The Institute for the Study of War said Russian forces had advanced near Sudzha.\n\nThe institute "
                 "also assessed that Ukrainian forces still held positions in Sudzha.", "Institute for the Study of War",
                 id="en-the-institute"),
    pytest.param("DeepState said Russian troops had occupied Martynovka.\n\nAccording to the project, Russian forces "
                 "also captured Pogrebki.", "DeepState", id="en-according-to-the-project"),
    pytest.param("Mediazona said at least 300 Russian soldiers had been killed in the Kursk region.\n\nThe outlet "
                 "said at least 500 more were killed.", "Mediazona", id="en-the-outlet"),
    pytest.param("Институт изучения войны (ISW) сообщил, что российские войска продвинулись под Суджей.\n\n"
                 "Аналитики института также отметили, что ВСУ удерживают позиции в Судже.",
                 "Institute for the Study of War", id="ru-аналитики-института-также"),
    pytest.param("The General Staff said Ukrainian forces repelled 30 attacks near Sudzha. Its report said Russia "
                 "lost 200 soldiers in the area.", "General Staff of the Armed Forces of Ukraine", id="en-its-report"),
    # a clause after an inverted verb is no title: the village at its end does not speak
    pytest.param("The Russian Defence Ministry said fighting went on.\n\nThe ministry, in a statement, said Russian "
                 "forces retook Sudzha.", "Russian Defense Ministry", id="en-in-a-statement-aside"),
    # a country's title refers back to the person named before
    pytest.param("Syrskyi said the situation was difficult.\n\nRussia has lost up to 200 soldiers near Sudzha, said "
                 "Ukraine's top general.", "Oleksandr Syrskyi", id="en-said-Ukraine's-top-general"),
    # a document of the body named before
    pytest.param("The Russian Defence Ministry said on Sunday its forces had liberated Pogrebki.\n\nUkraine lost up "
                 "to 300 soldiers in the Kursk region over the past day, the ministry's statement said.",
                 "Russian Defense Ministry", id="en-the-ministry's-statement-said"),
])
def test_the_last_claim_of_a_speaker_named_before(resources, text, expected):
    assert claimants(resources, text)[-1] == expected


@pytest.mark.parametrize(("claimant", "side"), [
    ("Alexander Khinshtein", "russia"), ("Roman Starovoit", "russia"), ("Igor Konashenkov", "russia"),
    ("FSB", "russia"), ("SBU", "ukraine"), ("Ukrinform", "ukraine"), ("Center for Countering Disinformation", "ukraine"),
])
def test_a_known_claimant_has_its_side(claimant, side):
    assert side_of(claimant).value == side


def test_a_speaker_after_as_opens_a_clause_of_its_own(resources):
    assert claimants(resources, "Ukraine says it still holds Sudzha as Russia claims gains") == ["Ukraine"]


_RU_SUMMARY_CLOSED_BY_ITS_SOURCE = """\
Сводка о ходе операции

МОСКВА, 10 марта 2025 года.

Подразделения группировки войск «Север» освободили населенный пункт Николаевка.

За сутки потери ВСУ на курском направлении составили более 200 военнослужащих.

Об этом сообщает пресс-служба Министерства обороны Российской Федерации.
"""

_RU_SOURCE_BETWEEN = """\
Сводка о ходе операции

МОСКВА, 10 марта 2025 года.

Подразделения группировки войск «Север» освободили населенный пункт Николаевка.

Как заявил Сырский, ВСУ потеряли под Суджей 200 военнослужащих.

Об этом сообщает пресс-служба Министерства обороны Российской Федерации.
"""


def test_a_closing_paragraph_names_the_source_of_the_claims_above(resources):
    assert claimants(resources, _RU_SUMMARY_CLOSED_BY_ITS_SOURCE) == ["Russian Defense Ministry"] * 2


def test_a_closing_paragraph_does_not_reach_past_a_sentence_with_a_source(resources):
    assert claimants(resources, _RU_SOURCE_BETWEEN) == [None, "Oleksandr Syrskyi"]
