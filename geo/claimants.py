"""One canonical name per claimant: the alias table, and the lookup that reads it.

The map's claimant filter and the exports group claims by this name, so every way an
article may spell a source (English, Russian and Ukrainian, any grammatical case:
"Минобороны России", "Министерства обороны РФ", "Міноборони Росії", "Russia's Defence
Ministry") must come out as one name ("Russian Defense Ministry"). The canonical names
are the natural English ones that annotators and readers use.

Data, not logic: ``CLAIMANTS`` lists each canonical name with its aliases as written;
``canonical_name`` folds them (``text.fold``) and compares Cyrillic words by their stem,
so one spelling of a name covers its case forms (``stem``). Adding a claimant is adding a row.
Pure: no I/O, built once at import.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from geo.regex_cache import compile_pattern
from geo.text import fold

#: Canonical name → aliases, as written in the press. Cyrillic aliases need only one case
#: form (the nominative): the others are matched by stem (``stem``).
CLAIMANTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Persons
    ("Volodymyr Zelensky", (
        "Zelensky", "Zelenskyy", "Zelenskiy", "Zelenski", "Zelenskyi", "Volodymyr Zelenskyy",
        "Volodymyr Zelenskiy", "President Zelensky", "President Zelenskyy", "Зеленский", "Владимир Зеленский",
        "Зеленський", "Володимир Зеленський",
        # his office, named with its country: "…, the Ukrainian president said", "Президент України заявив"
        "Ukrainian President", "Ukraine's President", "President of Ukraine", "Ukrainian leader", "Ukraine's leader",
        "президент Украины", "украинский президент", "президент України", "український президент",
    )),
    ("Oleksandr Syrskyi", (
        "Syrskyi", "Syrsky", "Syrskiy", "Oleksandr Syrsky", "Oleksandr Syrskiy", "Alexander Syrsky", "Сырский",
        "Александр Сырский", "Сирський", "Олександр Сирський",
        # his office, named with its army (in the Kursk fighting, from August 2024, he held it); a bare
        # "commander-in-chief" or "главком" refers back instead (lexicon.PERSON_REFERENCES)
        "Ukraine's commander-in-chief", "Ukrainian commander-in-chief", "commander-in-chief of Ukraine's armed forces",
        "commander-in-chief of the Ukrainian Armed Forces", "commander-in-chief of the Armed Forces of Ukraine",
        "главком ВСУ", "главнокомандующий ВСУ", "главнокомандующий Вооруженными силами Украины",
        "головком ЗСУ", "головнокомандувач ЗСУ", "головнокомандувач Збройних сил України",
        "Ukraine's top commander", "Ukraine's top general", "Ukraine's army chief", "Ukraine's military chief",
        "Ukrainian army chief", "Kyiv's top commander", "Kyiv's top general", "Kyiv's army chief",
    )),
    ("Kyrylo Budanov", ("Budanov", "Kyrylo Budanov", "Kirill Budanov", "Буданов", "Кирилл Буданов",
                        "Кирило Буданов")),
    ("Vladimir Putin", ("Putin", "Путин", "Владимир Путин", "Путін", "Володимир Путін",
                        # his office, named with its country: "…, the Kremlin leader said", "Президент РФ заявил"
                        "Russian President", "Russia's President", "President of Russia", "Russian leader",
                        "Russia's leader", "Kremlin leader", "Kremlin chief", "Russian dictator",
                        "президент России", "президент РФ", "российский президент", "российский лидер",
                        "кремлевский лидер", "глава Кремля", "президент Росії", "російський президент",
                        "російський диктатор", "очільник Кремля", "господар Кремля")),
    ("Valery Gerasimov", ("Gerasimov", "Valeriy Gerasimov", "Герасимов", "Валерий Герасимов",
                          "Валерій Герасимов",
                          # his office, named with its country: "…, Russia's chief of general staff said"
                          "Russia's chief of general staff", "Russia's chief of the general staff",
                          "Russian chief of general staff", "chief of the Russian General Staff",
                          "Russia's top general", "Russian army's top general", "Russia's army chief",
                          "начальник Генштаба ВС РФ", "начальник Генерального штаба ВС РФ",
                          "начальник Генштаба России", "начальник Генштабу ЗС РФ", "начальник Генштабу Росії")),
    ("Dmitry Peskov", ("Peskov", "Dmitri Peskov", "Песков", "Дмитрий Песков", "Дмитро Пєсков", "Пєсков")),
    ("Andrei Belousov", ("Belousov", "Andrey Belousov", "Белоусов", "Андрей Белоусов", "Білоусов",
                         "Андрій Білоусов")),
    ("Alexander Khinshtein", ("Khinshtein", "Aleksandr Khinshtein", "Alexander Khinshteyn", "Хинштейн",
                              "Александр Хинштейн", "Хінштейн", "Олександр Хінштейн")),
    ("Alexei Smirnov", ("Alexey Smirnov", "Aleksei Smirnov", "Смирнов", "Алексей Смирнов", "Олексій Смірнов")),
    ("Apti Alaudinov", ("Alaudinov", "Apty Alaudinov", "Алаудинов", "Апти Алаудинов", "Апті Алаудінов")),
    ("John Kirby", ("Kirby",)),
    # the officials the Kursk reporting quotes most, spelled as the wires and the three languages do
    ("Roman Starovoit", ("Starovoit", "Starovoyt", "Roman Starovoyt", "Старовойт", "Роман Старовойт")),
    ("Igor Konashenkov", ("Konashenkov", "Igor Konashenkov", "Конашенков", "Игорь Конашенков", "Ігор Конашенков")),
    ("Kim Jong Un", ("Kim Jong-un", "Kim Jong-Un", "Ким Чен Ын", "Кім Чен Ин")),
    ("Lee Seong-kweun", ("Lee Seong Kweun", "Lee Sung-kweun", "Lee Seong-kwon", "Ли Сон Гвон", "Лі Сон Гвон")),
    ("Sabrina Singh", ("Singh",)),
    ("Pat Ryder", ("Patrick Ryder", "Ryder")),
    # Ukrainian bodies
    ("General Staff of the Armed Forces of Ukraine", (
        "Ukraine's General Staff", "General Staff of Ukraine", "Ukrainian General Staff",
        # the wires' way of naming whose it is: "the General Staff in Kyiv said"
        "General Staff in Kyiv", "Kyiv's General Staff", "General Staff in Kiev",
        "General Staff of Ukraine's Armed Forces", "Ukrainian Armed Forces General Staff", "General Staff",
        "Генштаб", "Генштаб ВСУ", "Генштаб ЗСУ", "Генштаб України", "Генштаб Украины", "Генеральный штаб ВСУ",
        "Генеральный штаб Вооруженных сил Украины", "Генеральный штаб Украины", "Генеральний штаб",
        "Генеральний штаб ЗСУ", "Генеральний штаб України", "Генеральний штаб Збройних сил України",
    )),
    ("GUR", (
        "HUR", "DIU", "GUR MO", "HUR MO", "Main Directorate of Intelligence", "Main Intelligence Directorate",
        "Ukraine's Main Directorate of Intelligence", "Ukraine's Main Intelligence Directorate",
        "Ukrainian military intelligence", "Ukraine's military intelligence", "Defence Intelligence of Ukraine",
        "Defense Intelligence of Ukraine", "Ukraine's Defense Intelligence", "Ukraine's Defence Intelligence",
        "Ukrainian intelligence", "Ukraine's intelligence", "ГУР", "ГУР МО", "ГУР Минобороны Украины",
        "ГУР МО Украины", "Главное управление разведки", "Головне управління розвідки", "Українська розвідка",
        "Украинская разведка", "ГУР МО України",
    )),
    # Kyiv's special operations forces: "…, повідомили в ССО", "Ukraine's Special Operations Forces said"
    ("Ukraine's Special Operations Forces", (
        "Special Operations Forces of Ukraine", "Ukrainian Special Operations Forces", "SSO", "ССО", "ССО ЗСУ",
        "Сили спеціальних операцій", "Сили спеціальних операцій ЗСУ", "Силы специальных операций Украины",
        "ССО ВСУ", "Сили спецоперацій",
    )),
    # Kyiv's border guards, whose spokesman speaks for them: "…, повідомив речник ДПСУ"
    ("State Border Guard Service of Ukraine", (
        "Ukraine's State Border Guard Service", "Ukraine's border guard service", "Ukrainian State Border Guard Service",
        "State Border Guard Service", "ДПСУ", "Держприкордонслужба", "Держприкордонслужба України",
        "Державна прикордонна служба України", "ГПСУ", "Госпогранслужба Украины", "Госпогранслужба",
        "Государственная пограничная служба Украины",
    )),
    # the operational-strategic group of forces on the Kursk front, whose spokesman speaks for it
    ("Khortytsia", (
        "ОСУВ «Хортиця»", "ОСУВ Хортиця", "Khortytsia group", "Хортиця", "Khortytsia operational-strategic group",
        "Khortytsia group of forces", "ОСГВ «Хортица»", "ОСГВ Хортица", "группировка «Хортица»",
        "угруповання «Хортиця»", "угруповання військ «Хортиця»",
    )),
    ("Armed Forces of Ukraine", (
        "Ukrainian Armed Forces", "Ukraine's Armed Forces", "Ukrainian military", "Ukraine's military", "AFU",
        "ZSU", "ВСУ", "ЗСУ", "Вооруженные силы Украины", "Збройні сили України",
        # "…, a spokesman for the Ukrainian army said": the army speaks as the armed forces
        "Ukrainian army", "Ukraine's army", "Ukrainian Army", "українська армія", "украинская армия",
        # "…, признали украинские военные", "…, повідомили українські військові"
        "украинские военные", "українські військові",
    )),
    ("Ukraine", (
        "Ukrainian authorities", "Kyiv", "Kiev", "Ukrainian government", "Ukrainian officials", "Ukraine officials",
        "Ukrainian government officials", "Украина", "Киев", "Україна", "Київ", "украинские власти",
        "українська влада", "the Ukrainian side", "Ukrainian side", "украинская сторона", "українська сторона", "Ukrainian",
    )),
    # Kyiv's presidential office, a body of its own ("…, повідомили в Офісі президента"); its head
    # named with it speaks as himself ("Керівник Офісу президента Андрій Єрмак заявив")
    ("Office of the President of Ukraine", (
        "Office of the President", "Ukraine's Presidential Office", "Ukrainian Presidential Office",
        "Presidential Office of Ukraine", "Office of Ukraine's President", "Ukrainian President's Office",
        "Офіс президента", "Офіс Президента України", "Офіс президента України", "Офис президента",
        "Офис президента Украины",
    )),
    ("DeepState", ("Deep State", "DeepStateMap", "DeepStateUA", "DeepState UA", "DeepState map", "ДипСтейт",
                   "Дипстейт", "ДіпСтейт", "Діпстейт")),
    # Moscow's General Staff, named with its country (a bare "General Staff" is Kyiv's, above)
    ("Russian General Staff", (
        "Russia's General Staff", "General Staff of the Russian Armed Forces", "Russian Armed Forces General Staff",
        "General Staff of Russia", "Генштаб ВС РФ", "Генштаб РФ", "Генштаб России", "Генеральный штаб ВС РФ",
        "Генеральный штаб ВС России", "Генеральный штаб Вооруженных сил РФ", "Генеральный штаб Вооруженных сил России",
        "Генштаб ЗС РФ", "Генштаб Росії", "Генеральний штаб ЗС РФ", "Генеральний штаб Росії",
    )),
    # Kyiv's ministry, named with its country (a bare "Defense Ministry" is Moscow's, below)
    ("Ukrainian Defense Ministry", (
        "Ukrainian Defence Ministry", "Ukraine's Defense Ministry", "Ukraine's Defence Ministry",
        "Ministry of Defence of Ukraine", "Ministry of Defense of Ukraine", "Ukrainian Ministry of Defense",
        "Ukrainian Ministry of Defence", "Минобороны Украины", "Министерство обороны Украины", "Міноборони України",
        "Міністерство оборони України",
    )),
    # Russian bodies and channels
    ("Russian Defense Ministry", (
        "Russian Defence Ministry", "Russia's Defense Ministry", "Russia's Defence Ministry",
        # "…, the Russian ministry claimed": in reports on the fighting, the defence ministry
        "Russian ministry", "Russia's ministry", "Russian defense ministry", "Russian defence ministry",
        "Russian Ministry of Defense", "Russian Ministry of Defence", "Ministry of Defence of the Russian Federation",
        "Ministry of Defense of the Russian Federation", "Russian MoD", "Russia's MoD", "Defense Ministry in Moscow",
        "Defence Ministry in Moscow", "ministry in Moscow", "Moscow's Defense Ministry", "Moscow's Defence Ministry",
        # Bare, in reports on Kursk oblast these name Moscow's ministry (gold aliases do too).
        "Defense Ministry", "Defence Ministry", "Ministry of Defense", "Ministry of Defence", "MoD",
        "Минобороны России", "Минобороны РФ", "Минобороны", "Российское Минобороны", "Російське Міноборони",
        "російське Міністерство оборони", "российское Министерство обороны", "Министерство обороны России", "Министерство обороны РФ",
        "Министерство обороны Российской Федерации", "МО РФ", "Міноборони РФ", "Міноборони Росії",
        "Міністерство оборони РФ", "Міністерство оборони Росії", "Міністерство оборони Російської Федерації",
        # "the aggressor country's ministry of defence", as Ukrainian media often put it
        "Міністерство оборони країни-агресора", "Міноборони країни-агресора", "Минобороны страны-агрессора",
        # the wires' name for the ministry speaking: "Russia's military said its forces had retaken …"
        "Russian military", "Russia's military", "Russian army", "Russia's army",
    )),
    # the Kursk region's emergency headquarters, which reports shelling, casualties and evacuations
    # ("…, сообщил оперштаб Курской области", "По данным оперштаба, …"); another region's keeps its name
    ("Kursk Region Operational Headquarters", (
        "оперштаб", "оперштаб Курской области", "оперштаб региона", "оперативный штаб", "оперативный штаб Курской области",
        "оперативный штаб региона", "региональный оперштаб", "региональный оперативный штаб", "оперштаб Курської області",
        "оперативний штаб Курської області", "оперштаб Курщини", "Kursk operational headquarters",
        "Kursk region operational headquarters", "Kursk region's operational headquarters",
        "Kursk regional operational headquarters", "regional operational headquarters", "regional emergency headquarters",
        "Kursk region's emergency headquarters",
    )),
    ("Russian security forces", ("Russian security agencies", "Russia security agencies", "Russian security services",
                                 "Russia's security services", "Russian law enforcement", "силовые структуры",
                                 "российские силовики", "силовики", "російські силовики")),
    ("Russia", ("Russian authorities", "Moscow", "Kremlin", "the Kremlin", "Russian government", "Russian officials",
                             "Россия", "Москва", "Кремль", "российские власти", "Росія", "Москва",
                             "Кремль", "російська влада", "the Russian side", "Russian side", "российская сторона",
                             "російська сторона",
                             # the people for the state: "Раніше росіяни заявляли про захоплення …"
                             "россияне", "росіяни", "the Russians", "Russians",
                             # "Russian claims that …", as a speaker: the country's
                             "Russian")),
    ("Russian milbloggers", (
        "Russian military bloggers", "military bloggers", "Pro-Moscow military bloggers", "pro-Russian military bloggers",
        "Kremlin-allied military bloggers", "war bloggers", "pro-Russian war bloggers", "Russian war bloggers",
        "Russian military correspondents", "military correspondents", "Russian war correspondents", "milbloggers",
        "Russian milbloggers", "voenkors", "российские милблогеры", "милблогеры", "военкоры", "российские военкоры",
        "военкоров", "российских военкоров", "милблогеров", "воєнкори", "воєнкорів", "російські воєнкори",
        "мілблогери", "мілблогерів",
        "военные блогеры", "российские военные блогеры", "російські мілблогери", "мілблогери", "воєнкори",
        "російські воєнкори", "російські військові блогери", "військові блогери",
        # one of them: "A Russian milblogger claimed …", "военкор", "російський мілблогер"
        "Russian milblogger", "milblogger", "Russian military blogger", "military blogger",
        # "Pro-war Russian bloggers said …", "Kremlin-affiliated milbloggers claimed …" (ISW's words)
        "Russian bloggers", "pro-war bloggers", "pro-war Russian bloggers", "Russian pro-war bloggers",
        "Kremlin-affiliated milbloggers", "Kremlin-affiliated military bloggers", "Kremlin-affiliated milblogger",
        "pro-Kremlin milbloggers", "pro-Kremlin military bloggers", "pro-Kremlin war bloggers",
        "pro-Russian military blogger", "Russian war blogger", "war blogger", "военкор", "российский военкор",
        "милблогер", "мілблогер", "воєнкор", "російський воєнкор", "російський мілблогер",
        # the long form of "военкоры": "…, сообщили военные корреспонденты"
        "военные корреспонденты", "российские военные корреспонденты", "военный корреспондент",
        "військові кореспонденти", "російські військові кореспонденти", "військовий кореспондент",
    )),
    # Kyiv's bloggers, named with their side (a bare "military bloggers" is Moscow's, above)
    ("Ukrainian milbloggers", (
        "Ukrainian military bloggers", "Ukrainian war bloggers", "pro-Ukrainian military bloggers",
        "pro-Ukrainian war bloggers", "Ukrainian milbloggers", "украинские военные блогеры", "украинские милблогеры",
        "украинские военкоры", "українські військові блогери", "українські мілблогери", "українські воєнкори",
    )),
    ("Russian sources", ("other Russian sources", "российские источники", "російські джерела", "окупанти",
                         "російські окупанти")),
    ("Russian media", ("российские СМИ", "российские медиа", "російські ЗМІ", "російські медіа", "Russian state media",
                       "Russia's state media", "Russian state television", "Russian state TV", "российские госСМИ",
                       "российские государственные СМИ", "російські державні ЗМІ", "російські пропагандистські ЗМІ")),
    ("Ukrainian media", ("украинские СМИ", "украинские медиа", "українські ЗМІ", "українські медіа",
                         "Ukraine's media", "Ukrainian outlets", "Ukrainian news outlets")),
    ("Russian Telegram channels", ("Russian Telegram channels", "pro-Russian Telegram channels",
                                   "pro-Kremlin Telegram channels", "российские телеграм-каналы",
                                   "российские telegram-каналы", "російські телеграм-канали",
                                   "російські telegram-канали", "російські пабліки", "российские паблики")),
    ("TASS", ("TASS news agency", "Tass", "ТАСС", "агентство ТАСС")),
    ("Izvestia", ("Izvestiya", "Известия")),
    ("Kommersant", ("Коммерсантъ", "Коммерсант")),
    ("Meduza", ("Медуза",)),
    ("Mediazona", ("Медиазона", "Медіазона")),
    ("Ukrinform", ("Укрінформ", "Укринформ")),
    ("Suspilne", ("Суспільне", "Suspilne News")),
    ("Center for Countering Disinformation", ("Ukraine's Center for Countering Disinformation", "CCD",
                                              "Центр протидії дезінформації", "ЦПД", "Центр противодействия дезинформации")),
    ("RIA Novosti", ("RIA", "РИА Новости", "РІА Новини")),
    ("Interfax", ("Интерфакс", "Інтерфакс")),
    ("Yonhap", ("Yonhap news agency", "Yonhap News", "Ёнхап", "Йонхап", "агентство Ёнхап", "агентство Йонхап")),
    ("Rybar", ("Рыбарь", "Рибар")),
    ("Mash", ("Маш", "Mash Telegram channel")),
    ("Astra", ("Астра", "Astra Telegram channel")),
    ("Two Majors", ("Два майора",)),
    ("SBU", ("Security Service of Ukraine", "Ukraine's Security Service", "Ukrainian Security Service", "СБУ",
             "Служба безопасности Украины", "Служба безпеки України")),
    ("Rosgvardia", ("Росгвардия", "Росгвардія", "Russian National Guard")),
    ("FSB", ("Federal Security Service", "Russia's Federal Security Service", "Russian Federal Security Service",
             "Russia's FSB", "ФСБ", "ФСБ России", "ФСБ РФ", "ФСБ Росії", "Федеральная служба безопасности")),
    ("Akhmat", ("Ахмат",)),
    # Others
    ("Institute for the Study of War", (
        "ISW", "Institute for the Study of War (ISW)", "US Institute for the Study of War",
        "American Institute for the Study of War", "US-based Institute for the Study of War",
        "Институт изучения войны", "Американский институт изучения войны", "Інститут вивчення війни",
        "Американський інститут вивчення війни", "ISW analysts",
    )),
    ("South Korea's NIS", (
        "NIS", "National Intelligence Service", "South Korea's National Intelligence Service",
        "South Korean National Intelligence Service", "National Intelligence Service (NIS)",
        "South Korea's National Intelligence Service (NIS)", "South Korean intelligence", "South Korea's spy agency",
        "Seoul's spy agency", "South Korea's intelligence agency", "разведка Южной Кореи",
        "Национальная служба разведки", "Национальная разведывательная служба", "южнокорейская разведка",
        "Национальная разведывательная служба Южной Кореи", "розвідка Південної Кореї",
        "Національна розвідувальна служба", "південнокорейська розвідка",
    )),
    # Britain's ministry and its intelligence updates (a bare "Defence Ministry" is Moscow's, above)
    ("UK Ministry of Defence", ("UK Defence Ministry", "UK Defense Ministry", "British Ministry of Defence",
                                "British Defence Ministry", "Britain's Defence Ministry", "Britain's Ministry of Defence",
                                "UK MoD", "British MoD", "Міноборони Британії", "Міноборони Великої Британії",
                                "Міністерство оборони Великої Британії", "Минобороны Великобритании",
                                "Министерство обороны Великобритании")),
    ("UK Defence Intelligence", ("British Defence Intelligence", "UK intelligence", "British intelligence",
                                 "British military intelligence", "UK military intelligence",
                                 "британська розвідка", "британская разведка", "розвідка Великої Британії",
                                 "розвідка Британії", "британська військова розвідка")),
    ("South Korean Defense Ministry", ("South Korea's Defense Ministry", "South Korea's Defence Ministry",
                                       "Seoul's Defense Ministry", "Seoul's Defence Ministry",
                                       "South Korean Ministry of National Defense", "South Korean Defence Ministry",
                                       "Минобороны Южной Кореи", "Министерство обороны Южной Кореи",
                                       "Міноборони Південної Кореї", "Міністерство оборони Південної Кореї")),
    ("South Korea", ("Seoul", "South Korean government", "Republic of Korea", "South Korean officials",
                     "Южная Корея", "Сеул", "Південна Корея")),
    ("Korean Central News Agency", ("KCNA", "North Korea's official news agency", "North Korean state media",
                                    "North Korea's state media", "North Korean state news agency", "ЦТАК", "Центральное телеграфное агентство Кореи",
                                    "Центральне телеграфне агентство Кореї")),
    ("Korean Central Television", ("KCTV", "Центральное телевидение КНДР", "Центральное телевидение Кореи", "центральный ТВ-канал КНДР",
                                   "Центральне телебачення КНДР")),
    ("Pentagon", ("the Pentagon", "Pentagon officials", "U.S. Department of Defense", "US Department of Defense",
                  "Department of Defense", "DoD", "US DoD", "Пентагон")),
    ("US officials", ("U.S. officials", "United States officials", "American officials", "Top US officials",
                      "top U.S. officials", "U.S. government", "US government", "Washington", "американские чиновники",
                      "американські чиновники",
                      # the plural's oblique forms, which the stem of a case ending does not reach
                      "американских чиновников", "американських чиновників", "американские официальные лица",
                      "американских официальных лиц", "американські посадовці", "американських посадовців")),
    ("The New York Times", ("New York Times", "NYT")),
    ("US Department of Defense official", ("senior US Department of Defense official", "US military official",
                                           "US defense official", "senior US defense official",
                                           "US Defense Department official", "senior U.S. defense official",
                                           "U.S. defense official", "U.S. military official")),
)

#: A bare alias that names a kind of source without its side ("military bloggers", "военкоры")
#: is read as the side the press usually means; in a headline, the body may say it is the
#: other side's ("Military bloggers say …" over "Ukrainian military bloggers said …").
OTHER_SIDE = {"Russian milbloggers": "Ukrainian milbloggers"}
SIDELESS_ALIASES = ("military bloggers", "war bloggers", "milbloggers", "military correspondents",
                    "war correspondents", "voenkors", "военкоры", "военкоров", "милблогеров", "милблогеры", "военные блогеры", "мілблогери",
                    "воєнкори", "військові блогери", "milblogger", "military blogger", "war blogger", "военкор",
                    "милблогер", "мілблогер", "воєнкор")

#: The canonical names above that are outlets: news agencies, media, Telegram channels.
OUTLETS = frozenset({"Russian media", "TASS", "RIA Novosti", "Interfax", "Rybar", "Mash", "Astra", "Two Majors",
                     "Korean Central News Agency", "Korean Central Television", "The New York Times", "Izvestia",
                     "Kommersant", "Meduza", "Mediazona", "Ukrinform", "Suspilne", "Yonhap"})

#: The canonical names above that are analyst bodies: they assess evidence themselves
#: ("Geolocated footage published on December 5 indicates that …"), so an article that is
#: theirs, or that gives itself as their report, makes them the claimant of what the
#: evidence shows (GOLD.md: the body that makes the assessment, not the outlet).
ANALYSTS = frozenset({"Institute for the Study of War", "DeepState"})

#: The country of an outlet above, for "the country's X" and a bare "the X" it cites: "Yonhap
#: reported, citing the spy agency" is South Korea's (GOLD.md: the origin is the claimant).
OUTLET_COUNTRIES = {"TASS": "Russia", "RIA Novosti": "Russia", "Interfax": "Russia", "Izvestia": "Russia",
                    "Kommersant": "Russia", "Russian media": "Russia", "Ukrinform": "Ukraine", "Suspilne": "Ukraine",
                    "Ukrainian media": "Ukraine", "Yonhap": "South Korea", "Korean Central News Agency": "North Korea",
                    "Korean Central Television": "North Korea"}

#: The canonical names above that are people: "he said" refers back to them, "it said" not.
PERSONS = frozenset({
    "Volodymyr Zelensky", "Oleksandr Syrskyi", "Kyrylo Budanov", "Vladimir Putin", "Valery Gerasimov",
    "Dmitry Peskov", "Andrei Belousov", "Alexander Khinshtein", "Alexei Smirnov", "Apti Alaudinov", "John Kirby",
    "Roman Starovoit", "Igor Konashenkov", "Kim Jong Un", "Lee Seong-kweun", "Sabrina Singh", "Pat Ryder",
})

#: Cyrillic endings dropped to compare words by stem, longest first. Crude on purpose:
#: names and the nouns of body names are what it sees, and a collision needs two
#: aliases that differ only in their ending. No -ов/-ев/-ин: they end nominative
#: surnames (Буданов, Буданова must share the stem буданов).
_ENDINGS = tuple(sorted(
    "ами ями ого его ому ему ыми ими ой ей ий ый ая яя ое ее ые ие ых их ым им ом ем ам ям ах ях ою ею "
    "ої ій ую юю і ї а я о е у ю ы и ь й".split(), key=len, reverse=True))


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A Cyrillic word without its case ending; other words as they are.

    Cached, as are ``words_of`` and ``_key``: the same few hundred words and phrases are
    keyed again for every sentence of every article.

    >>> stem("министерства"), stem("сирського"), stem("isw")
    ('министерств', 'сирськ', 'isw')
    """
    if word.isascii() or len(word) <= 4:
        return word
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


#: A word of a name: letters and digits, with the dots, apostrophes and hyphens inside it.
_WORD = compile_pattern(r"[\w.'\-]+")


@lru_cache(maxsize=8192)
def words_of(phrase: str) -> tuple[str, ...]:
    """Folded words of a phrase: no leading article, possessive kept ("ukraine's").

    >>> words_of("the Russia’s Defence Ministry")
    ("russia's", 'defence', 'ministry')
    """
    words = _WORD.findall(fold(phrase).replace("(", " ").replace(")", " "))
    words = [w.strip(".-") for w in words]
    words = [w for w in words if w]
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return tuple(words)


@lru_cache(maxsize=8192)
def _key(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words_of(phrase))


def _index() -> dict[tuple[str, ...], str]:
    index: dict[tuple[str, ...], str] = {}
    for canonical, aliases in CLAIMANTS:
        for alias in (canonical, *aliases):
            index.setdefault(_key(alias), canonical)
    return index


_INDEX = _index()
#: A country or capital inside a longer phrase is not its government speaking: "Russia's
#: Kursk region", "Ukrainian analysts". Only the whole phrase names these.
_WHOLE_PHRASE_ONLY = frozenset({"Russia", "Ukraine", "South Korea", "US officials"})
_LONGEST = max(len(k) for k in _INDEX)
_CONJUNCTIONS = frozenset("and or & и или та і й".split())
CANONICAL_NAMES = frozenset(canonical for canonical, _ in CLAIMANTS)


@lru_cache(maxsize=4096)
def canonical_name(phrase: str) -> str | None:
    """The canonical name of a known claimant spelled as ``phrase``, else None.

    >>> canonical_name("Министерства обороны РФ"), canonical_name("Russia’s Defence Ministry")
    ('Russian Defense Ministry', 'Russian Defense Ministry')
    >>> canonical_name("Сирського"), canonical_name("the ISW")
    ('Oleksandr Syrskyi', 'Institute for the Study of War')
    >>> canonical_name("Ukrainian soldiers") is None
    True
    """
    return _INDEX.get(_key(phrase))


def is_sideless(phrase: str) -> bool:
    """Whether a phrase is one of ``SIDELESS_ALIASES`` (in any case form): a kind of source, no side.

    >>> is_sideless("Military bloggers"), is_sideless("военкорам"), is_sideless("Russian military bloggers")
    (True, True, False)
    """
    return _key(phrase) in _SIDELESS_KEYS


_SIDELESS_KEYS = frozenset(_key(alias) for alias in SIDELESS_ALIASES)


def is_joint(phrase: str) -> bool:
    """Whether a phrase names two sources together ("Ukrainian and South Korean officials").

    >>> is_joint("Ukrainian and South Korean officials"), is_joint("Минобороны России")
    (True, False)
    """
    return any(w in _CONJUNCTIONS for w in words_of(phrase))


#: Words that describe a source around its name without naming another one: "the
#: Russian language Astra Telegram channel", "DeepState analysts", "State news agency Tass".
DESCRIPTORS = frozenset(
    "state news agency wire service telegram channel channels analysts analyst project open-source osint "
    "intelligence monitoring group map maps team outlet media blog blogger bloggers account language russian "
    "ukrainian russia's ukraine's pro-russian pro-kremlin pro-ukrainian independent online popular data "
    "military war reporters reporter correspondent correspondents editor editors team's website portal "
    "агентств информационн телеграм-канал телеграм канал аналитик проект мониторингов групп карт "
    "российск украинск издани сайт портал эфир информагентств государственн северокорейск официальн "
    "некотор друг ряд нескольк інші інших "
    "some other several many a an the press пресс-служб прес-служб "
    # where the analysts work: "Ukrainian analysts at DeepState", "analysts from ISW"
    "at from "
    # written as one word: "повідомили в пресслужбі Генштабу", "сообщили в пресслужбе ведомства"
    "пресслужб "
    # an agency's reporter speaks for it: "передает корреспондент ТАСС", "кореспондент Укрінформу"
    "корреспондент кореспондент "
    # "North Korea's state media KCNA"
    "north korea's pyongyang's "
    # the data of a source are the source's: "Відповідно до даних DeepState"
    "данных даних данные дані "
    "washington-based us-based u.s.-based kyiv-based moscow-based london-based seoul-based "
    "агенці інформаційн телеграм-канал аналітик проєкт проект моніторингов груп карт російськ українськ "
    "видан ефір інформагентств державн північнокорейськ офіційн деяк інш кільк".split()
)


def named_within(phrase: str) -> str | None:
    """The known claimant a descriptive phrase names: the one known name it holds, when
    every other word only describes it ("Ukrainian open-source intelligence Telegram
    channel DeepState" → DeepState; "ВСУ несут большие потери" names nobody).

    >>> named_within("the Russian language Astra Telegram channel"), named_within("ВСУ несут потери")
    ('Astra', None)
    """
    key = _key(phrase)
    found = list(known_names_in(phrase))
    if len(found) != 1:
        return None
    at, name = found[0]
    width = next(n for n in range(len(key) - at, 0, -1) if _INDEX.get(key[at:at + n]) == name)
    others = key[:at] + key[at + width:]
    return name if all(w in DESCRIPTORS or stem(w) in DESCRIPTORS for w in others) else None


def known_names_in(phrase: str) -> Iterator[tuple[int, str]]:
    """Every known claimant named inside a longer phrase, as (word index, canonical name).

    The longest alias at a word wins: "Ukrainian open-source intelligence Telegram channel
    DeepState" names DeepState; "Russia's Defence Ministry and pro-Russian war bloggers"
    names the ministry first.

    >>> list(known_names_in("the Russian language Astra Telegram channel"))
    [(2, 'Astra')]
    """
    key = _key(phrase)
    i = 0
    while i < len(key):
        if key[i] in _CONJUNCTIONS:
            return  # "Ukrainian and South Korean officials": a joint source, not its second half
        for n in range(min(_LONGEST, len(key) - i), 0, -1):
            name = _INDEX.get(key[i:i + n])
            if name is not None and not (name in _WHOLE_PHRASE_ONLY and n < len(key)):
                yield i, name
                i += n
                break
        else:
            i += 1
