"""Word lists the loss and deployment rules of ``claims`` read, one row per meaning.

Data, not logic: each row is a regular-expression fragment over folded text (lower case,
ё → е, straight apostrophes) and an example of it in a sentence written for the row; a
test checks that every example holds its fragment. ``claims`` compiles them into its
patterns (``_EQUIPMENT``, ``_GROUND`` …). The kind triggers and force nouns stay in
``lexicon`` (``KIND_TRIGGERS``, ``FORCE_NOUNS``).

A checklist for adding a language: a row in each table below, with its example.
"""

from __future__ import annotations

#: What an amount may count that is not people: equipment, and strikes or munitions.
NOT_PEOPLE: tuple[tuple[str, str], ...] = (
    (r"tanks?|vehicles?|armou?red|apcs?|ifvs?|drones?|uavs?|guns?|howitzers?|artillery|mortars?",
     "destroyed 38 armoured vehicles"),
    (r"systems?|launchers?|helicopters?|aircraft|planes?|jets?|trucks?|cars?|boats?|pieces|missiles?",
     "shot down 12 helicopters"),
    (r"танк\w*|бронемашин\w*|бронетехник\w*|машин\w*|автомобил\w*|бмп|бтр|орудий|орудия|гаубиц\w*",
     "уничтожены три бронемашины"),
    (r"миномет\w*|дрон\w*|беспилотник\w*|бпла|самолет\w*|вертолет\w*|установ\w*|систем\w*",
     "сбиты 40 беспилотников"),
    (r"ракет\w*|техник\w*|единиц\w*|пушк\w*", "уничтожены 15 единиц техники"),
    (r"одиниц\w*|техні\w*|бронетехні\w*|гармат\w*|безпілотник\w*|літак\w*|гелікоптер\w*|бронемашин\w*",
     "знищено 12 одиниць техніки"),
    # Ukrainian spellings the Russian rows miss: "знищено танк та 11 автомобілів", "9 авіаударів"
    (r"автомобіл\w*|міномет\w*|вантажів\w*|рсзв|реактивн\w*|авіаудар\w*|бойов\w+\s+броньован\w*",
     "знищено танк та 11 автомобілів"),
    (r"air|airstrikes?|strikes?|attacks?|bombs?|shells?|rounds|munitions|shelling|guided",
     "34 air strikes using 62 guided bombs"),
    (r"удар\w*|авиаудар\w*|бомб\w*|снаряд\w*|обстрел\w*|атак\w*|обстріл\w*|авіабомб\w*",
     "нанесли 12 авиаударов"),
    # what else a side loses: "lost access to the pipeline", "потеряли доступ", "втратили ініціативу"
    (r"access|momentum|initiative|interest|patience|confidence|доступ\w*|инициатив\w*|ініціатив\w*",
     "Russia had lost access to the pipeline"),
    # a team's losses: "потеряла двух игроков", "втратила трьох гравців", "lost three points"
    (r"игрок\w*|гравц\w*|гравців|очк[аои]\w*|матч\w*|players?|points|goals?|matches",
     "команда потеряла двух игроков"),
)

#: Air defence at work: a sentence that says things were shot down or jammed counts
#: drones or missiles, and its bare amounts ("33 were intercepted and another 36 were
#: lost") are no losses of people. An amount with a force noun after it still is.
INTERCEPTIONS: tuple[tuple[str, str], ...] = (
    (r"intercept\w*|shot\s+down|downed|jamm(?:ed|ing)|electronic\s+warfare|air\s+defen[cs]e\w*",
     "33 were intercepted and another 36 were lost, probably jammed"),
    (r"сбит\w*|сбил\w*|перехвач\w*|подавлен\w*\s+(?:средствами\s+)?рэб|средствами\s+рэб|пво",
     "сбиты 20 беспилотников, еще 8 были подавлены средствами РЭБ"),
    (r"збит\w*|збил\w*|перехоплен\w*|локаційно\s+втрачен\w*|засобами\s+реб|ппо",
     "збито 15 дронів, ще 10 локаційно втрачено"),
)

#: Ground an amount may count instead of people: "captured 11 settlements", "30 km".
GROUND_COUNTED: tuple[tuple[str, str], ...] = (
    (r"settlements?|villages?|localities|locality|towns?|hamlets?|territory|territories",
     "captured 11 settlements"),
    (r"square|sq|km|miles?", "seized 45 square kilometers"),
    (r"населенн\w*|пункт\w*|сел\w*|деревн\w*|территори\w*|територі\w*|кв|км|квадратн\w*|поселк\w*",
     "освободили 10 населенных пунктов"),
)

#: Ground named near a capture or loss without a figure: control's, not a loss.
GROUND_NEAR: tuple[tuple[str, str], ...] = (
    (r"\b(?:settlements?|villages?|localities|towns?|territory|territories|ground|land)\b",
     "two villages that were captured by Ukraine"),
    (r"населенн\w*\s+пункт\w*|сел[оаеу]\b|сёл|деревн\w*|территори\w*|територі\w*",
     "потеряли контроль над территорией"),
)

#: Crews that are not forces: "направлены дополнительные бригады скорой помощи".
CIVIL_CREWS: tuple[tuple[str, str], ...] = (
    (r"ambulance|paramedic|rescue\w*|firefight\w*|fire\s+crews|medics?", "sent two ambulance crews"),
    (r"скор\w+\s+помощ\w*|мчс|спасател\w*|пожарн\w*|медик\w*", "направлены бригады скорой помощи"),
    (r"швидк\w+\s+допомог\w*|дснс|рятувальн\w*", "прибули бригади швидкої допомоги"),
)

#: People who are no forces: civilians, residents, refugees, evacuees, children, the press.
#: Where they are, arrive or are sent is no deployment (GOLD.md: forces sent, arrived, numbering
#: N in an area): "В Судже находятся около 50 мирных жителей". Matched word by word after the
#: amount or next to the verb; a word of these beside a force noun ("военных корреспондентов")
#: still names no force. Volunteers are left out: "добровольцы" and "volunteers" are often troops.
NOT_FORCES: tuple[tuple[str, str], ...] = (
    (r"civilians?|residents?|locals|inhabitants|villagers|townspeople|population|refugees|evacuees|displaced",
     "About 200 civilians remain in Sudzha"),
    (r"children|kids|minors|pupils|schoolchildren|students|orphans|families|pensioners|elderly",
     "About 150 children were sent to Kursk"),
    (r"journalists|reporters|correspondents|photographers|camera\w*|doctors|nurses|teachers|workers|hostages"
     r"|tourists|pilgrims|monks|nuns|priests|patients",
     "Dozens of journalists were sent to Sudzha"),
    (r"мирн\w*|гражданск\w*|жител\w*|жительниц\w*|беженц\w*|переселенц\w*|эвакуирован\w*|эвакуированн\w*",
     "В Судже находятся около 50 мирных жителей"),
    (r"дет(?:и|ей|ям|ьми)|ребен\w*|школьник\w*|студент\w*|сирот\w*|семей|семьи|пенсионер\w*|пожил\w*",
     "В Судже находятся около 40 детей"),
    (r"журналист\w*|корреспондент\w*|репортер\w*|фотограф\w*|съемочн\w*|врач\w*|медсест\w*|учител\w*"
     r"|рабоч\w*|заложник\w*|турист\w*|паломник\w*|монах\w*|священник\w*|пациент\w*|волонтер\w*",
     "В Суджу направлены 20 журналистов"),
    (r"цивільн\w*|мешкан\w*|біженц\w*|переселенц\w*|евакуйован\w*|діт(?:и|ей|ям|ьми)|дитин\w*|школяр\w*"
     r"|сиріт|родин\w*|сімей|пенсіонер\w*|літн\w*",
     "У Суджі перебувають близько 50 цивільних"),
    (r"журналіст\w*|кореспондент\w*|лікар\w*|медсестр\w*|вчител\w*|робітник\w*|заручник\w*|пацієнт\w*"
     r"|волонтер\w*|ченц\w*|священик\w*",
     "До Суджі прибули 30 журналістів"),
    # prisoners held or moved are captives, not forces sent
    (r"prisoners|pows|captives|пленн\w*|военнопленн\w*|полонен\w*|військовополонен\w*",
     "В Курской области находятся около 300 пленных военнослужащих ВСУ"),
)

#: A loss noun's (or a count's) predicate that states its amount: the amount then
#: belongs to the noun before it.
AMOUNT_PREDICATES: tuple[tuple[str, str], ...] = (
    (r"amounted\s+to|amount\s+to|reached|have\s+reached|totall?ed|stood\s+at|stand\s+at|numbered",
     "irrecoverable losses amounted to 3 100"),
    (r"are\s+estimated\s+at|were\s+estimated\s+at", "losses are estimated at 2,000"),
    (r"(?:has\s+|have\s+)?(?:risen|rose|increased|grown|grew|climbed)\s+(?:by|to)",
     "the number of troops has risen by about 2,000"),
    (r"(?:is|are|was|were|be)(?:\s+closer\s+to)?", "the total could be closer to 12,000"),
    (r"составил[аио]?|составляют|достигл[аио]?|превысил[аио]?", "потери составили 1 200 человек"),
    (r"сягнул[аио]?|сягають|становлять|становили|склал[аио]?|перевищил[аио]?",
     "втрати сягнули 20 842 осіб"),
    # a count in hundreds or thousands: "потери исчисляются сотнями", "втрати обчислюються тисячами"
    (r"исчисля(?:ются|лись|ется)|измеря(?:ются|лись|ется)|обчислю(?:ються|валися|ється)"
     r"|вимірю(?:ються|валися|ється)", "потери противника исчисляются сотнями"),
    # a count that grew to a new total: "число погибших … возросло до 7", "кількість загиблих зросла до 9"
    (r"(?:возросл|выросл|увеличил|зросл|збільшил)[аоиі]\w*\s+до", "число погибших возросло до семи"),
    # a count that fell to a new total: "численность группировки сократилась до 10 тысяч", "скоротилася до"
    (r"(?:сократил|уменьшил|снизил|скоротил|зменшил|знизил)[аоиі]\w*\s+до", "численность группировки сократилась до 10 тысяч"),
    (r"(?:has\s+|have\s+)?(?:fallen|fell|dropped|shrunk|shrank|decreased|declined)\s+to",
     "the number of troops has fallen to about 10,000"),
)

#: Russian and Ukrainian finite forms of death and injury: a predicate wherever it stands,
#: unlike the participles ("погибших", "раненые") that the adjective test keeps out.
FINITE_LOSS_VERBS: tuple[tuple[str, str], ...] = (
    (r"погиб(?:ла|ло|ли)?|убит[аыо]?|ранен[аыо]?|пострадал[аио]?", "мирный житель села погиб"),
    (r"загинул[аио]?|загинув|вбит[аио]?|поранен[аіо]?|постраждал[аио]?|постраждав",
     "корейців, які загинули"),
    (r"получил\w*\s+(?:[а-яё]+\s+)?ранени\w*", "мужчина и женщина получили осколочные ранения"),
    (r"(?:отримал|дістал|зазнал)\w*\s+(?:[а-яєіїґ']+\s+)?поранен\w*", "двоє чоловіків отримали осколкові поранення"),
)

#: What licenses a bare loss noun besides an adjective or "suffered": a cause or an existential.
LOSS_CAUSES: tuple[tuple[str, str], ...] = (
    (r"\b(?:led|lead|leading|leads)\s+to|\bcaus(?:ed|ing|es)|\bresult(?:ed|ing)?\s+in",
     "which have led to civilian fatalities"),
    (r"\bthere\s+(?:have|has|had)\s+(?:already\s+)?been", "there had already been casualties"),
    (r"привел\w*\s+к|призвел\w*\s+до", "обстрел привел к жертвам"),
)

#: Events whose place later casualty reports refer back to ("the attack", "в результате обстрела").
EVENTS: tuple[tuple[str, str], ...] = (
    (r"\b(?:attack|strike|shelling|bombardment|explosion|blast|airstrike|drone\s+hit|rocket\s+hit)s?\b",
     "a missile attack on the town"),
    (r"удар\w*|атак\w*|обстрел\w*|взрыв\w*|прил[её]т\w*", "нанесли удар по Рыльску"),
    (r"обстріл\w*|вибух\w*", "внаслідок обстрілу села"),
)


def alternation(rows: tuple[tuple[str, str], ...]) -> str:
    """The rows' fragments as one non-capturing alternation.

    >>> alternation(((r"a|b", "a b"), (r"c", "c")))
    '(?:a|b|c)'
    """
    return "(?:" + "|".join(pattern for pattern, _ in rows) + ")"
