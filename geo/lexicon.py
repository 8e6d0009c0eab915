"""Word lists the claim extractor reads: triggers of each kind, speech verbs, attribution.

Data, not logic: every list is a tuple of regular-expression fragments over folded text
(lower case, ё → е, straight apostrophes), or a set of folded word stems. The rules that
use them live in ``claims`` and ``attribution``. A checklist for adding a language: kind
triggers (``KIND_TRIGGERS``), force nouns (``FORCE_NOUNS``), speech verbs
(``SPEECH_VERBS``), attribution phrases (``ACCORDING_TO``), back-references
(``BACK_REFERENCES``), relays (``RELAYS``), continuations (``CONTINUATIONS``), nouns that
refer back (``BODY_REFERENCES``, ``PERSON_REFERENCES``, ``REFERENCE_MODIFIERS``),
pronouns (``PRONOUNS``), hedges (``HEDGES``), and the claimants' names in the language
(``claimants.CLAIMANTS``, ``claimants.DESCRIPTORS``).
"""

from __future__ import annotations

from geo.model import Kind

# Ordered: the first pattern that matches at a position wins, so the combined
# "killed or wounded" comes before "killed" and "wounded".
KIND_TRIGGERS: tuple[tuple[Kind, str], ...] = (
    # Contact lost with a counted group of people: they are unaccounted for, GOLD.md's
    # ``missing``, not killed or wounded ("lost contact with about 40 soldiers near X",
    # "потеряли связь с 30 военнослужащими", "втратили зв'язок із 25 бійцями", "связь с 30
    # бойцами потеряна"). Its own entry, first, so that "lost"/"потеряли" below do not read it;
    # a claim only with an amount (``claims._figureless_ok``), and a place lost contact with
    # is no ground lost (``control_lexicon.NOT_GROUND``).
    (Kind.MISSING,
     r"\blost\s+(?:all\s+)?(?:contact|communications?|touch)\s+with|\blosing\s+(?:all\s+)?(?:contact|touch)\s+with"
     r"|(?:потерял\w*|утратил\w*|потеряв\w*)\s+(?:всякую\s+)?связь\s+(?:с|со)(?!\w)"
     r"|(?:втратил\w*|втратив)\s+(?:будь-який\s+)?зв'язок\s+(?:з|із|зі)(?!\w)"
     r"|связь\s+(?:с|со)(?=\s[^.;]{0,80}?(?<!\w)потерян)|зв'язок\s+(?:з|із|зі)(?=\s[^.;]{0,80}?(?<!\w)втрачен)"),
    # GOLD.md: irrecoverable losses are the dead, sanitary (medical) losses the wounded;
    # the adjective alone carries the kind ("25,2 тис. є безповоротними втратами, 36,2 тис. –
    # санітарними"). First, so that "losses" after them is not read on its own.
    (Kind.KILLED,
     r"(?:irretrievabl[ey]|irrecoverabl[ey]|irreversibl[ey])(?:\s+lost|\s+losses)?"
     r"|безвозвратн\w*(?:\s+потер\w*)?|безповоротн\w*(?:\s+втрат\w*)?"
     # a loss verb whose kind follows its amount: "втратили близько 200 осіб убитими"
     r"|(?:потерял\w*|втратил\w*|втратив)(?=(?:\s+(?:\d[\d,.]*\d|[\w.'’-]+)){0,5}?(?<!\sи)(?<!\sі)(?<!\sта)(?<!\sй)\s+(?:убит|вбит)(?:ыми|ими)(?!\s+(?:и|і|та|й)\s|,\s*(?:ранен|поранен)))"
     # the military code of the dead (GOLD.md): "120 «двухсотых»", "200-ті", "двохсотих"
     r"|двухсот(?:ые|ых|ыми|ый|ым)|двохсот(?:і|их|ими|ий)"
     # the same in digits: "15 «200-х»", "40 «200-тих»"
     r"|(?<![\d.,])200-?(?:е|х|ые|ых|ыми|ті|тих|ими|ий|й|ых)(?!\w)"
     # the same in English: "Russia has lost between 18,000 and 20,000 soldiers killed" (not across a
     # comma: "lost 300 troops, 100 of them killed" is a loss of which some were killed)
     r"|\blost\b(?=(?:\s+(?:\d[\d,.]*\d|[\w.'’-]+)){1,6}?\s+killed\b(?!,?\s+(?:(?:and|or|and/or)\s+)?(?:wounded|injured)))"),
    (Kind.WOUNDED,
     r"(?:sanitary|medical)\s+losses|санитарн\w*(?:\s+потер\w*)?|санітарн\w*(?:\s+втрат\w*)?"
     # the military code of the wounded (GOLD.md): "300 «трехсотых»", "трьохсотих"
     r"|тр[её]хсот(?:ые|ых|ыми|ый|ым)|трьохсот(?:і|их|ими|ий)"
     r"|(?<![\d.,])300-?(?:е|х|ые|ых|ыми|ті|тих|ими|ий|й)(?!\w)"
     r"|(?:потерял\w*|втратил\w*|втратив)(?=(?:\s+(?:\d[\d,.]*\d|[\w.'’-]+)){0,5}?(?<!\sи)(?<!\sі)(?<!\sта)(?<!\sй)\s+(?:ранеными|пораненими)(?!\s+(?:и|і|та|й)\s|,\s*(?:убит|вбит)))"),
    (Kind.KILLED_OR_WOUNDED,
     # "killed, injured or captured" reads as killed or wounded (GOLD.md)
     r"(?:killed|dead),?\s+(?:wounded|injured),?\s+(?:or|and)\s+(?:captured|taken\s+prisoner|missing)"
     r"|(?:killed|dead|died)\W{0,3}(?:or|and|and/or)\W{0,3}(?:wounded|injured)"
     # "killing and wounding around 300 soldiers"
     r"|killing\W{0,3}(?:or|and)\W{0,3}(?:wounding|injuring)"
     r"|(?:wounded|injured)\W{0,3}(?:or|and)\W{0,3}(?:killed|dead)"
     r"|casualt(?:y|ies)|losses|\blost\b"
     # the participle with its amount: "attacked near X, losing 100 soldiers" (not "losing ground")
     r"|\blosing\b(?=\s+(?:about|around|some|roughly|nearly|almost|up\s+to|more\s+than|over|at\s+least|\d))"
     # the present, a rate with its amount: "ВСУ ежедневно теряют до 200 военных", "ворог щодня
     # втрачає від 100 до 150 військових" (without an amount, "теряют позиции", no loss)
     r"|(?:теря(?:ет|ют)|втрача(?:є|ють))(?=(?:\s+[\w'’-]+){0,3}?\s+(?:\d|до\s|от\s|від\s|около|порядка|более|свыше"
     r"|понад|близько|майже|почти|приблизно|десятк|сотн|сотен|тысяч|тисяч))"
     r"|потерял\w*|потеряв\w*|втратил\w*|втратив"
     # "ВСУ лишились 1,5 тыс. военнослужащих": a loss of people (a force noun must follow its figure)
     r"|лишил(?:ись|ась|ся)"
     r"|(?:убит|погиб)\w*\s+(?:и|или)\s+ранен\w*|ранен\w*\s+(?:и|или)\s+(?:убит|погиб)\w*"
     r"|потер(?:и|ь|ям|ях|ями)|втрат(?:и|а|ами|ах|ам|у)?\b|[ув]бит\w*\s+(?:і|та|й|або)\s+поранен\w*"
     r"|выведен\w*\s+из\s+строя|виведен\w*\s+з\s+ладу|\bdestroyed\b"
     # "neutralised": put out of action, dead or wounded (знешкоджено 120 окупантів)
     r"|\bneutrali[sz](?:ed|ing)\b|нейтрализова\w*|нейтрализован\w*|знешкод\w*|нейтралізова\w*|нейтралізува\w*"
     # hit: "уражено 85 одиниць особового складу" (people only where a force noun follows the amount)
     r"|уражено|уразил\w*|уразили|поражено"),
    (Kind.KILLED,
     r"\bkilled\b|\bkill(?:s|ing)?\b|\bkia\b|\bdied\b|\bdead\b|\bdeaths?\b|death toll|fatalit(?:y|ies)|lost their lives|perished"
     r"|self-destruction|suicide|blew themselves up|\beliminat(?:ed|es|ing|ion)\b|\bliquidated\b"
     r"|claimed\s+the\s+lives\s+of|took\s+the\s+lives\s+of|унес\w*\s+жизн\w*|забрал\w*\s+жизн\w*"
     r"|забрал\w*\s+життя|забрав\s+життя|shot\s+(?:dead|to\s+death)|расстрел\w*|розстріл\w*|казнил\w*|казнен\w*|стратил\w*|стратив|страчен\w*"
     # executed people, not plans: "executed six Ukrainian POWs", "were executed"
     r"|\bexecut(?:ed|ing)\b(?=\s+(?:[\w'’-]+\s+){0,3}?(?:pows?|prisoners|captives|soldiers|troops|servicem[ae]n"
     r"|civilians|men|people)\b)|(?<=were\s)executed\b|(?<=been\s)executed\b"
     # the noun: "сообщил о гибели двух мирных жителей", "повідомив про загибель трьох військових"
     r"|гибел[иьюя]\w*|загибел[іьюя]\w*"
     # the dead found: "The bodies of 40 Ukrainian soldiers were found near Sudzha"
     r"|\bbodies\s+of\b(?=\s+(?:about|around|some|at\s+least|more\s+than|over|nearly|\d|two|three|four|five|six|seven"
     r"|eight|nine|ten|dozens|hundreds))"
     r"|погиб\w*|убит\w*|уничтожен\w*|ликвидирован\w*|загинул\w*|загинув|загибл\w*|вбит\w*|знищен\w*"
     # the active verbs: "уничтожили 50 военных", "знищили понад 50 солдатів"
     r"|уничтожил\w*|ликвидировал\w*|убил[аи]?\b|знищил\w*|знищив|знищено|ліквідовано|ліквідува\w*"
     # the victims, counted: "число жертв удара по Рыльску выросло до 15", "кількість жертв зросла до 15",
     # "жертвами обстрела стали трое мирных жителей"
     r"|жертв(?<=число\sжертв)|жертв(?<=количество\sжертв)|жертв(?<=кількість\sжертв)"
     r"|жертвами(?=\s+(?:[\w'-]+\s+){0,3}?(?:стали|стал[аио]|стала|стали|став|стало))"
     # the gerund: "отразили атаку, уничтожив до 50 военнослужащих", "ліквідувавши 20 окупантів"
     r"|уничтожив(?:ши)?\b|ликвидировав(?:ши)?\b|вбивши\b"
     r"|вбил[аи]?\b|вбив\b|вбито"),
    (Kind.WOUNDED,
     r"\bwounded\b|\bwounding\b|\bwounds(?=\s+\d)|\binjured\b|\binjuring\b|\binjuries\b"
     # "получили осколочные ранения": the kind of wound may stand between
     r"|получил\w*\s+(?:[а-яё]+\s+)?ранени\w*|ранен\w*|отримал\w*\s+(?:[а-яєіїґ']+\s+)?поранен\w*|поранен\w*"
     # "ще троє дістали поранення", "троє зазнали поранень"
     r"|(?:дістал\w*|зазнал\w*)\s+(?:[а-яєіїґ']+\s+)?поранен\w*"
     # the active verbs: "дрон поранив трьох цивільних", "обстрел ранил двоих"
     r"|поранил[аио]?\b|поранив\b|ранил[аио]?\b"
     r"|пострадал\w*|пострадавш\w*|травмирован\w*|постраждал\w*"),
    (Kind.CAPTURED,
     r"\bcaptured\b|taken prisoner|prisoners? of war|\bpows?\b|\bcapture\b|\bsurrendered\b"
     # "had taken several prisoners", "took 40 prisoners"
     r"|\b(?:took|taken|take|taking)\s+(?!part\b|place\b|control\b)(?:[\w,.-]+\s+){0,4}?prisoners?\b"
     r"|\bcaptives?\b|taken\s+captive"
     r"|потрапи\w*\s+[ув]\s+полон\w*|попал\w*\s+в\s+плен\w*"
     # the verb of taking prisoners: "бійці полонили 15 російських військових", "пленили двоих"
     r"|полонил[аио]?\b|полонив\b|пленил[аио]?\b"
     # the passive after its amount: "ще 12 взято в полон", "еще 15 взяты в плен"
     r"|(?:взят|узят)[оаиыі]?\s+(?:[ув]\s+полон\w*|в\s+плен\w*)"
     r"|в\s+плен\w*|пленн\w*|пленен\w*|про\s+полон(?!\w)|сдал\w*(?:ся|сь)|полонен\w*|[ув]\s+полон\w*|полонених"
     # "до полону потрапили 27 російських військових", "взяли до полону"
     r"|до\s+полону"
     # Ukrainian surrender with its captivity ("ще 10 здалися в полон"; not "здалися" as "seemed")
     r"|здал(?:ися|ася|ись)\s+[ув]\s+полон\w*|здався\s+[ув]\s+полон\w*"),
    (Kind.MISSING,
     r"\bmissing\b|unaccounted for|пропал\w*\s+без\s+вести|пропавш\w*\s+без\s+вести|зникл\w*\s+безвісти"),
    (Kind.DEPLOYED,
     r"\b(?:re)?deployed\b|\b(?:re)?deploy(?:s|ing)?\b|\b(?:re)?deployments?\b|\bsent\b|\bsending\b|\btransferred\b"
     r"|\btransferring\b|\bdispatched\b|\barrived\b|\bstationed\b|\breplenished\b|\breinforc\w+"
     r"|\bconcentrat(?:ed|ing)\b|\b(?:a)?massed\b|\b(?:a)?massing\b|сосредоточ\w*|сконцентрирова\w*|стянул\w*|стянуты"
     r"|зосереди\w*|зосереджен\w*"
     # massing, Ukrainian and Russian: "Ворог скупчує сили на Курщині", "противник накапливает силы у Суджи"
     r"|скупчу\w*|скупчи(?:в|ла|ли)\b|накаплива\w*|накопил\w*"
     r"|\buse\b|\busing\b|\bbeing\s+used\b"
     r"|переброшен\w*|перебросил\w*|направлен(?:ы|о|а)?\b|развернут\w*|прибыл\w*|отправлен\w*|задействован\w*"
     # the active of committing forces: "противник задействовал до 20 бригад"
     r"|задействова(?:л|ла|ли)\b"
     r"|перекинут\w*|перекинул\w*|перекинув|направил\w*|відправлен\w*|відправил\w*|прибули|розгорнут\w*"
     # Ukrainian "направив до Росії 1 500 військових", "направили на Курщину"
     r"|направи(?:в|ла|ли)\b|направлен[оі]\b|відправив|відправила|відправили"
     # the present and the past of sending: "подтягивает резервы и направляет их под Суджу"
     r"|направля(?:ет|ют|л|ла|ли)\b|направляє\b|направляють\b"
     # movement of forces: "moved into", "began entering", "переброску резервов", "перемещает силы"
     r"|\bmov(?:ed|ing|es?)\s+into\b"
     # "has moved some of its best units into the region": the forces between verb and "into"
     r"|\b(?:mov(?:ed|ing|es?)|shift(?:ed|ing|s)?)\b(?=\s+(?:[\w'’,.-]+\s+){0,4}?(?:troops|soldiers|forces|units|brigades"
     # where from may stand before where to: "has moved about 15,000 troops from Zaporizhzhia to Kursk"
     r"|servicemen|reserves|reinforcements|personnel)\s+(?:from\s+(?:[\w'’-]+\s+){1,3})?(?:into|to)\b)"
     r"|\b(?:began|begin|started|start)\s+entering\b|\bconcentrations?\b"
     # the forces as a pronoun: "gathering reserves and moving them to Kursk" (claims looks for the noun before)
     r"|\b(?:mov(?:ed|ing|es?)|shift(?:ed|ing|s)?)\b(?=\s+them\s+(?:into|to)\b)"
     # forces committed to a fight: "Moscow has committed about 60,000 troops to the counteroffensive"
     r"|\bcommitted\b(?=\s+(?:[\w,.'’-]+\s+){0,4}?(?:troops|soldiers|forces|servicemen|personnel|reserves"
     r"|brigades|battalions|regiments|units)\b)"
     # forces drawn into a fight: "up to 50,000 troops have been pulled into the Kursk operation"
     r"|\b(?:pulled|drawn|thrown|poured)\s+into\b"
     # forces thrown at a place: "Russia has thrown 60,000 troops at Kursk", "threw its reserves against"
     r"|\b(?:thrown|threw|throwing)\b(?=\s+(?:[\w,.'’-]+\s+){0,4}?(?:troops|soldiers|forces|servicemen|reserves"
     r"|brigades|battalions|units|marines|paratroopers)\s+(?:at|into|against|to)\b)"
     # rotated into a place (GOLD.md): "Pyongyang has rotated fresh troops into Kursk"
     r"|\brotat(?:ed|ing|es|e)\b(?=\s+(?:[\w'’,.-]+\s+){0,4}?into\b)"
     # Russia's ally entering Kursk is a deployment (GOLD.md): "North Korean Troops Enter Kursk"
     r"|(?<=north\skorean\s)(?:troops|soldiers|forces|units)\s+(?:have\s+|had\s+)?enter(?:s|ed|ing)?\b"
     # (each noun its own branch, starting with its Cyrillic letter: claims sorts the branches by script)
     r"|военные(?<=северокорейские\sвоенные)\s+(?:вошли|зашли)\b|войска(?<=северокорейские\sвойска)\s+(?:вошли|зашли)\b"
     r"|військові(?<=північнокорейські\sвійськові)\s+(?:увійшли|зайшли)\b"
     r"|війська(?<=північнокорейські\sвійська)\s+(?:увійшли|зайшли)\b"
     r"|переброск\w*|перебрасыва\w*|перекидыва\w*|перекида\w*|перемеща\w*|перемещен\w*|переміщу\w*|переміщен\w*|перекида\w*|стягу\w*|стягнул\w*"
     # pulled up and built up: "ВСУ стягивают резервы к Судже", "ворог накопичує сили біля Суджі"
     r"|стягива\w*|накопичу\w*|накопичи(?:в|ла|ли)\b"
     r"|залучи\w*|залуча\w*|прибува\w*|\bholed\s+up\b|\bhunker\w*\s+down\b|\bdropped\s+off\b|\bairdropped\b"
     r"|высадил\w*|высажен\w*|висадил\w*|висаджен\w*"
     # presence counts only with a figure ("в регионе находится несколько тысяч военных")
     r"|находится|находятся|находились|перебуває|перебувають|перебували"
     # the strength of a force: "численность группировки достигла 60 тысяч", "угруповання налічує 60 тисяч"
     # (an adjective may stand between: "численность украинской группировки", "чисельність ворожого угруповання")
     r"|численност\w*(?=\s+(?:[а-яё]+(?:ой|ей|ых|их|ого|его)\s+)?(?:группировк|войск|военн|контингент|сил\b|подразделени))"
     r"|чисельніст\w*(?=\s+(?:[а-яєіїґ']+(?:ого|ої|их)\s+)?(?:угруповання|військ|контингент|сил\b|підрозділ))"
     r"|насчитыва\w*|налічу\w*"
     # a force of a strength: "угруповання чисельністю до 50 тисяч осіб", "группировка численностью
     # около 60 тысяч"; forces fighting, counted: "На Курщині воюють близько 12 тисяч солдатів"
     r"|чисельністю(?=\s+(?:до|понад|близько|майже|приблизно|\d))|численностью(?=\s+(?:до|более|около|свыше|почти"
     r"|порядка|\d))|(?:воюют|воюет|воюють|воює|сражаются)(?=\s+(?:около|порядка|более|свыше|до|почти|близько|понад"
     r"|майже|приблизно|\d))"

     # forces that number N: "Ukraine's forces in Kursk now number about 10,000" (numbering N in an area)
     r"|\bnumber(?:s|ed)?\b(?=\s+(?:about|around|some|roughly|approximately|up\s+to|more\s+than|over|at\s+least"
     r"|nearly|almost|\d))"
     # a count of forces: "the number of North Korean troops … has risen by about 2,000"
     r"|\b(?:total\s+)?number\s+of(?=\s+(?:[\w'’-]+\s+){0,3}(?:troops|soldiers|forces|north\s+koreans|personnel))"),
    # GOLD.md: encircled or cut-off troops are "other"
    (Kind.OTHER,
     r"\bcut\s+off\b|\bencircle(?:d|ment)\b|\bsurrounded\b|в\s+окружени\w*|окружен\w*|в\s+котл\w*"
     r"|в\s+оточенн\w*|оточен\w*|в\s+котлі"),
)

#: Deployment words that assert nothing alone: presence with a figure is "numbering N in
#: an area" (GOLD.md), without one it is forces "merely present".
PRESENCE_TRIGGERS = (r"находи\w*|перебува\w*|численност\w*|чисельніст\w*|насчитыва\w*|налічу\w*"
                     r"|number\s+of|total\s+number\s+of"
                     r"|(?:are|were)\s+(?:now\s+|currently\s+|already\s+|still\s+)?in")
# "some 12,000 North Korean troops are in Kursk", "… remain in the Kursk region": numbering N
# in an area (GOLD.md). Looked for only in a sentence with an amount: "are" and "were" would
# open every sentence to the search of the other triggers.
PRESENCE_IN_AREA = (r"\b(?:are|were|remain|remains|remained)\s+(?:now\s+|currently\s+|already\s+|still\s+)?"
                    # "12,000 North Korean soldiers are fighting in the Kursk region": numbering N there too,
                    # beside whom they fight between ("… are fighting alongside Russian troops in Kursk")
                    r"(?:(?:fighting|stationed|based|operating)\s+(?:alongside\s+(?:[\w'’-]+\s+){1,3})?)?in"
                    # "… remain in the Sudzha area": a named town's area as well
                    r"(?=\s+(?:russia|kursk|the\s+(?:kursk\s+)?(?:region|area|oblast)|the\s+[\w'’-]+\s+(?:area|district)\b))"
                    # and the Russian and Ukrainian: "Около 2 тыс. военных ВСУ остаются в районе Суджи"
                    r"|(?<!\w)(?:остаются|остается|остаётся|залишаються|залишається)"
                    r"(?=\s+(?:в|на|у)\s+(?:курск|курськ|курщин|район|приграничн|прикордонн|росси|росії))"
                    # a side that has N troops there: "North Korea has between 11,000 and 12,000 troops in Russia"
                    r"|\b(?:has|have|had)(?=\s+(?:about|around|some|roughly|approximately|between|up\s+to|more\s+than"
                    r"|over|nearly|almost|at\s+least|\d)[^.;:]{0,40}?\s(?:troops|soldiers|forces|personnel|servicemen)"
                    r"\s+(?:stationed\s+|deployed\s+)?(?:in|inside)\s+(?:russia|kursk|the\s+(?:kursk\s+)?(?:region|area|oblast)))"
                    # the Russian and Ukrainian of it: "Около 12 тысяч военных КНДР воюют в Курской области"
                    r"|(?<!\w)(?:воюют|сражаются|воюють|б'ються|бьются)(?=\s+(?:в|на|у)\s+(?:курск|курськ|курщин|росси|росії))"
                    # the verb left out after the amount: "at least 10,000 right now in the Kursk Oblast"
                    r"|(?<=\d\s)(?:right\s+now|now|currently|already)\s+in(?=\s+(?:the\s+)?kursk)")

# Nouns for the people a claim is about; an amount followed by one is a head count.
FORCE_NOUNS = (
    r"soldiers?|troops?|forces|personnel|servicem[ae]n|service\s+members|fighters|paratroopers"
    r"|infantry|marines|military|army|units?|m[ae]n|wom[ae]n|conscripts|mercenaries|north\s+koreans"
    r"|russians|ukrainians|koreans|people|persons?|civilians?|residents?|children|child|teenagers?"
    r"|pensioners?|officers?|commanders?|others|prisoners|pows|battalions?|brigades?|troop"
    # ISW's "elements of the 76th Airborne Division", and the larger units
    r"|elements(?=\s+of\b)|regiments?|divisions?"
    r"|военнослужащ\w*|солдат\w*|бойц\w*|военн\w*|человек|человека|военнопленн\w*|мобилизованн\w*|наемник\w*"
    r"|жител\w*|мирн\w*|гражданск\w*|детей|ребен\w*|пленн\w*|штурмовик\w*|десантник\w*"
    r"|мужчин\w*|женщин\w*|пенсионер\w*|подрост\w*|офицер\w*|командир\w*"
    r"|військов\w*|військовослужбовц\w*|окупант\w*|бійц\w*|цивільн\w*|мешкан\w*|чоловік\w*"
    r"|жінк\w*|жінок|дітей|полонен\w*"
    # the demonym nouns as well as the adjectives: "еще 40 северокорейцев", "ще 40 північнокорейців"
    r"|северокорейск\w*|северокорейц\w*|північнокорейськ\w*|північнокорейц\w*|корейц\w*|десантник\w*|срочник\w*|военнослужбовц\w*|вояк\w*|осіб|людей"
    r"|garrisons?|reserves|reinforcements|(?:assault\s+)?groups?|captives|силы|сил|сили|резерв\w*"
    # replacements sent to a unit: "В Курскую область прибыло пополнение", "прибуло поповнення"
    r"|пополнени\w*|поповненн\w*"
    r"|угруповання|группировк\w*|солдатів|росіян\w*|россиян\w*|подразделени\w*|підрозділ\w*"
    # the kinds of soldiers reports count (accu6): "120 recruits", "40 пограничников", "200 строковиків"
    r"|recruits|volunteers|border\s+guards|guards|militants|боевик\w*|бойовик\w*|пограничник\w*|прикордонник\w*"
    r"|росгвардейц\w*|контрактник\w*|строковик\w*|морпех\w*|морпіх\w*|резервист\w*|добровольц\w*|спецназовц\w*"
)

SPEECH_VERBS = (
    r"said|says|stated|states|estimated|estimates|reported|reports|noted|notes|told|claimed(?!\s+the\s+lives)|claims"
    # "Russian sources claim that …"
    r"|claim(?=\s+(?:that|to\s+have)\b)"
    r"|added|adds|announced|wrote|writes|confirmed|confirms|admits|admitted|acknowledges|indicated|suggested|suggests|revealed|highlighted"
    r"|described|emphasized|emphasised|believes|believed|assessed|assesses|alleged|warned|explained"
    r"|echoed|cited|put|puts|estimate|say|acknowledged|admitted|insisted|asserted|declared"
    r"|suggest|indicate|indicates|show|shows|showed|believe|spoke|speaking"
    r"|заявил\w*|сообщил\w*|сообщает|сообщают|отметил\w*|добавил\w*|написал\w*|рассказал\w*"
    r"|сказал\w*|пояснил\w*|сообщал\w*|заявлял\w*|писал\w*|повідомляв\w*|заявляв\w*|писав\w*"
    r"|подчеркнул\w*|уточнил\w*|указал\w*|оценил\w*|оценивает|заявляет|утверждает|признал\w*"
    r"|повідомил\w*|заявив|заявила|заявили|зазначив|зазначила|додав|додала|написав|написала"
    r"|повідомив|повідомляє|повідомляють|сказав|сказала|розповів|розповіла"
    # present-tense and reporting verbs of channels and agencies: "отмечает «Рыбарь»",
    # "мілблогери стверджують", "the military posted", "Russia has accused Kyiv of"
    r"|отмечает|отмечают|пишет|пишут|утверждают|заявляют|уточняет|добавляет|подчеркивает|обвинил\w*"
    r"|опубликовал\w*|стверджу\w*|заявляють|зазначає|зазначають|пише|пишуть|додає|наголошу\w*"
    r"|звинувати\w*|опублікува\w*|оприлюдни\w*|posted|posts|published|publishes|accused|accuses"
    r"|предупредил\w*|предупрежда\w*|попереди\w*|попереджа\w*"
    # a report up the chain and an admission: "доложил Путину Герасимов", "визнав Сирський"
    r"|доложил\w*|докладывает|доповів|доповіла|доповіли|доповідає|визнав|визнала|визнали|визнає"
    # a confirmation is a statement: "Генштаб ЗСУ підтвердив відступ …", "Минобороны подтвердило …"
    r"|подтвердил\w*|подтверждает|подтверждают|підтвердив|підтвердила|підтвердили|підтверджує|підтверджують"
    r"|saying|claiming|noting|adding|reporting"
    # more verbs of saying, in the past of each language: "stressed", "pointed out",
    # "наголосив Мисник", "підкреслив", "зазначили в штабі", "заметил", "констатировал"
    r"|stressed|underlined|underscored|pointed\s+out|reiterated|argued|specified|remarked"
    r"|наголоси\w*|підкресли\w*|зауважи\w*|уточни\w*|поясни\w*|відзначи\w*|зазначили|додали|написали|сказали"
    r"|розповіли|заметил\w*|констатировал\w*|опроверг\w*|спростува\w*"
    # an estimate is a statement: "Розвідка Південної Кореї оцінює втрати КНДР у 3 тисячі"
    r"|оцінює|оцінюють|оцінила|оцінив|оцінили|оценива\w*"
    # an announcement is a statement: "Минобороны объявило об овладении Суджей", "Генштаб
    # оголосив, що …"
    r"|объявил\w*|объявля\w*|оголоси\w*|оголошу\w*"
    # "…, информирует Минобороны", "Як інформує Генштаб ЗСУ", "Командувач поінформував, що …"
    r"|информиру(?:ет|ют)|информировал\w*|інформу(?:є|ють)|поінформува\w*|проінформува\w*"
    # an expert's view is his claim: "Политолог X считает, что …", "…, вважає експерт Олег Жданов"
    r"|считает|считают|полагает|полагают|уверен|уверена|уверены|вважає|вважають|переконаний|переконана"
    r"|переконані|впевнений|впевнена|thinks"
    # "South Korea's spy agency gave a lower figure. It said …": giving a figure is saying it
    r"|gave\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+)?(?:figure|estimate|tally|toll|number|count)s?"
    # an assurance is a statement: "…, запевнили в Генштабі", "Минобороны заверило, что …"
    r"|запевни\w*|запевня\w*|заверил\w*|заверя\w*|assured|assures"
    # a report on what was done is a statement: "Минобороны России отчиталось об освобождении …",
    # "Міноборони РФ прозвітувало про …"; a summing up too: "— підсумував Сирський", "summed up"
    r"|отчитал\w*|отчитыва\w*|прозвітува\w*|відзвітува\w*|звітує|звітують"
    r"|резюмировал\w*|резюмува\w*|підсумува\w*|констатува\w*|summed\s+up|summari[sz]ed|briefed"
)

# When a statement was made, between its verb and its speaker: "заявил в пятницу Сырский",
# "повідомили у п'ятницю в Генштабі", "сообщил накануне губернатор", "заявив 12 березня Сирський",
# "сообщили в минувшую пятницу в Минобороны" (the time is no speaker).
_WEEKDAYS_SAID = (r"понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье"
                  r"|понеділок|вівторок|середу|четвер|п['’ʼ]?ятницю|суботу|неділю")
SAID_WHEN = (
    rf"(?:в|во|у)\s+(?:(?:минувш|прошл|минул)\w*\s+)?(?:{_WEEKDAYS_SAID})"
    r"|вчера|вчора|учора|сегодня|сьогодні|накануне|напередодні"
    r"|\d{1,2}\s+(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр"
    r"|січн|лют|берез|квітн|травн|червн|липн|серпн|вересн|жовтн|листопад|грудн)[а-яіїє]*"
    r"|на\s+(?:прошлой|минувшей|этой)\s+неделе|(?:минулого|цього)\s+тижня|на\s+(?:минулому|цьому)\s+тижні"
)

ACCORDING_TO = (
    r"according\s+to|per (?=(?:the\s+)?(?-i:[A-Z]))|as\s+reported\s+by|reported\s+by|claimed\s+by|cited\s+by|echoed\s+by|estimate\s+(?:from|by)"
    # a passive announcement: "The capture of X was announced by the Russian Defence Ministry"
    r"|announced\s+by|confirmed\s+by|stated\s+by"
    r"|figures?\s+(?:from|by)|data\s+from|maps?\s+(?:from|by)|reports?\s+(?:from|by)|assessments?\s+(?:from|by)"
    r"|по\s+данным|по\s+словам|по\s+информации|по\s+оценк\w+|по\s+сведениям|за\s+відомостями"
    # "Судя по заявлениям Минобороны, …", "Исходя из данных Генштаба, …", "Судячи з даних DeepState"
    r"|судя\s+по\s+(?:заявлениям|сообщениям|сводке|сводкам|картам|оценкам)|исходя\s+из\s+(?:данных|сводки|сообщений)"
    r"|судячи\s+(?:з|із)\s+(?:даних|заяв|повідомлень|зведення|карт)"
    # the data testify: "…, свидетельствуют данные Минобороны", "…, свідчать дані Генштабу"
    r"|(?:свидетельству(?:ют|ет)|показывают|показыва[её]т)\s+данные|(?:свідчать|свідчить|показують)\s+дані"
    # the data and who published them: "по данным, опубликованным Минобороны России", "за даними,
    # оприлюдненими Генштабом"
    r"|по\s+данным,\s+(?:опубликованным|обнародованным|приведенным|представленным|предоставленным)"
    r"|за\s+даними,\s+(?:опублікованими|оприлюдненими|наведеними|наданими)"
    # the outlet told may stand between: "сообщили «Известиям» в Минобороны", "повідомили журналістам у штабі",
    # "сообщили РИА Новости в силовых структурах"
    r"|(?:сообщили|заявили|отметили|уточнили|подсчитали|подтвердил\w*|подтвержден\w*|признали|добавили|рассказали"
    # an assurance after the claim: "…, заверили в Минобороны", "…, запевнили в Генштабі ЗСУ"
    r"|заверили|заверяют|отчитались)"
    rf"\s+(?:«[^«»\n]{{1,40}}»\s+|(?-i:[A-ZА-ЯЁ])[\w-]*\s+(?-i:[A-ZА-ЯЁ])[\w-]*\s+|[\w-]+\s+|(?:{SAID_WHEN})\s+)?в"
    r"|(?:повідомили|заявили|зазначили|підтвердили|підтверджен\w*|визнали|додали|розповіли|запевнили|запевняють|відзвітували)"
    rf"\s+(?:«[^«»\n]{{1,40}}»\s+|(?-i:[A-ZА-ЯЁІЇЄҐ])[\w'’-]*\s+(?-i:[A-ZА-ЯЁІЇЄҐ])[\w'’-]*\s+|[\w-]+\s+"
    rf"|(?:{SAID_WHEN})\s+)?(?:в|у)"
    # the present tense of a body's reports: "утверждают в Минобороны России", "стверджують у Міноборони РФ"
    r"|(?:сообщают|заявляют|утверждают|отмечают|уточняют|подчеркивают|информируют|уверяют|заверяют)\s+в"
    r"|(?:повідомляють|заявляють|стверджують|зазначають|наголошують|уточнюють|інформують)\s+(?:в|у)"
    r"|согласно|згідно\s+з|згідно\s+із|відповідно\s+до"
    # "…, следует из данных DeepState", "випливає з даних ISW"
    r"|следует\s+из\s+(?:данных|сообщения|сводки|карты|отчета|доклада)"
    r"|випливає\s+(?:з|із)\s+(?:даних|повідомлення|зведення|карти|звіту)"
    r"|как\s+сообщил\w*|как\s+сообщает|как\s+заявил\w*|за\s+даними|за\s+словами|як\s+повідомил\w*"
    r"|за\s+інформацією|за\s+оцінками|як\s+повідомля\w*|як\s+зазнача\w*|як\s+заяви\w*"
    # a count and whose it is: "По подсчетам «Медузы», …", "За підрахунками Медіазони, …", "by a count of"
    r"|по\s+подсч[её]там|за\s+підрахунками|по\s+расч[её]там|за\s+розрахунками|by\s+(?:a|the)\s+count\s+(?:of|by)"
)

# A wire passing a report on: "…, передает ТАСС", "как передает РИА Новости", "…, передають
# Патріоти України". The outlet is the source only when the sentence names no other
# ("Об этом заявил Сырский, передает ТАСС" is Syrskyi's). Present tense only: "передали
# позиции" hands ground over.
PASSED_ON = r"переда[её]т|передают|передає|передають"

# The impersonal plural that puts the body before the verb: "В Минобороны России заявили, что …",
# "Раніше у ГУР заявляли, що …", "В штабе группировки также отметили …" (the body speaks).
IMPERSONAL_SPEECH = (
    r"заявили|сообщили|отметили|уточнили|подчеркнули|добавили|рассказали|пояснили|признали|подтвердили"
    r"|заявляли|сообщали|отмечали|заявляют|сообщают|отмечают|утверждают|считают|уверены"
    r"|повідомили|зазначили|наголосили|додали|розповіли|пояснили|визнали|підтвердили|уточнили"
    r"|заявляли|повідомляли|заявляють|повідомляють|зазначають|стверджують|вважають|переконані"
    # "…, запевнили в Генштабі", "в Минобороны заверили, что …"
    r"|запевнили|запевняють|заверили|заверяют"
    # "В Минобороны России отчитались об …", "У Міноборони РФ відзвітували …"
    r"|отчитались|отчитываются|відзвітували|прозвітували|звітують|уверяют|уверяли"
)

# "Reportedly", "Reports indicate": the text says someone claims it, but not who.
HEDGES = (
    r"reportedly|reports?\s+(?:indicate|suggest|say|said)|it\s+(?:is|was|has\s+been)\s+reported"
    r"|recent\s+estimates|estimates\s+suggest|allegedly|по\s+некоторым\s+данным|по\s+сообщениям|якобы"
    r"|предположительно|нібито|за\s+повідомленнями"
)

PRONOUNS = {
    "he": "person", "she": "person", "it": "body", "they": "plural",
    "он": "person", "она": "person", "они": "plural", "він": "person", "вона": "person", "вони": "plural",
}

# Words that make a trigger hypothetical, negated in passing or reported in the abstract.
BLOCKERS_BEFORE = (
    r"rather\s+than|instead\s+of|to\s+avoid|avoid|to\s+be|might|may|could|would|will|expected\s+to"
    # the future: "будут уничтожены", "буде знищено"
    r"|будет|будут|буде|будуть"
    # a plan is no claim (GOLD.md): "Russia plans to deploy 50,000 troops"
    r"|plan\w*\s+to|intend\w*\s+to|prepar\w*\s+to|ready\s+to|планиру\w+|намерен\w*|планує\w*|планують"
    # an exchange of prisoners is no capture: "Обмен пленными состоялся", "prisoner swap"
    r"|обмен\w*|обмін\w*|exchang\w*|swap\w*"
    r"|did\s+not\s+\w+|didn't\s+\w+|does\s+not\s+\w+|doesn't\s+\w+|not\s+detail|underreporting|underreport|investigate|the\s+high|despite\s+the"
    r"|by\s+the|of\s+the|amid|fearing|fear\s+of|threat\s+of|risk\s+of|if|unless|чтобы\s+не|могут|может"
    # a threat is no claim: "опинилися під загрозою оточення", "ВСУ грозит окружение", "risk being encircled"
    r"|risks?\s+being|at\s+risk\s+of|угроз\w*|загроз\w*|грозит|грозят|загрожу\w*"
    # an indirect question: "did not say how many soldiers had died", "не уточнил, сколько погибло"
    r"|how\s+many|сколько|скільки"
    r"|могли|избежать|во\s+избежание|не\s+(?:привел|привела|привели|назвал|назвала|назвали|раскрыл\w*|сообщил\w*)|clarify|whether|did\s+not\s+say|не\s+уточнил\w*"
    # the Ukrainian of avoiding: "вийшли з Суджі, щоб уникнути оточення"
    r"|уникнути|уникаючи|щоб\s+не|аби\s+не|запобігти|во\s+уникнення|для\s+уникнення"
)

# A refusal to confirm, with the rest of its clause after it: what it governs is the other
# side's claim, not its speaker's ("He did not confirm that Sudzha had been lost", "Генштаб не
# подтвердил, что …"). A denial is a claim of its own ("denied that its units were
# encircled" is the state of those units, GOLD.md), so it is not listed here.
NON_CONFIRMATIONS = (
    r"(?<!\w)(?:did\s+not\s+confirm|has\s+not\s+confirmed|have\s+not\s+confirmed|would\s+not\s+confirm"
    r"|could\s+not\s+confirm|refused\s+to\s+confirm|не\s+подтвер\w*|не\s+підтвер\w*)"
    # its scope ends at a comma (not the one before "что"/"що") or a relative clause
    # ("… with Ukrainian troops who are inside …")
    r"(?!\w)(?:(?![;]|,(?!\s+(?:что|що)\s)|\s(?:who|which|где|котор\w*|які|яка|який|яке|де)\s)[^.!?])*$"
)

# What opens an item of a list, one item a line: a dash, a bullet, the symbols and emoji Telegram
# posts use for one ("▪️ до 180 военнослужащих;", "🔹 210 окупантів"), a number ("1) …", "2. …").
# (An asterisk only with a space after it: "**Потери ВСУ**:" is a lead in bold, no item.)
LIST_BULLET = r"(?:\*[ \t]+|[-–—•·▪◦●■►▶➖🔹🔸🔺🔻✅✔]\ufe0f?[ \t]*|\d{1,2}[.)][ \t]+)"

# Head nouns that make an attribution anonymous unless a proper name modifies them.
ANONYMOUS_HEADS = (r"estimates?|reports?|data|figures?|sources?|assessments?|analysts|experts|media|observers"
                   # "За даними ЗМІ", "сообщили СМИ": the media at large
                   r"|сми|змі"
                   # evidence, not a speaker: "Geolocated footage indicated that …"
                   r"|footage|imagery|images|videos?|photos|photographs|maps?|charts?")

# A speaker named only by a role, with no name, body or side of his own (GOLD.md: the claimant is
# null when the text does not say who): "…, a lawmaker said", "one official said", "сообщил
# депутат", "по словам источника", "повідомив посадовець". With a side or a country the role is
# one ("a South Korean lawmaker"); a source in a body speaks for it ("a source in the ministry");
# "the lawmaker" refers back to the one named before. The role nouns, then the words that may
# stand before them and name nobody ("a senior official", "один из депутатов").
GENERIC_SPEAKERS = (
    r"lawmakers?|legislators?|parliamentarians?|mps?|members?\s+of\s+parliament|deputies|officials?|sources?"
    r"|insiders?|spokes(?:man|men|woman|women|person|people)|press\s+secretary|representatives?|analysts?"
    r"|experts?|observers?|diplomats?|commanders?|officers?|aides?|advis[eo]rs?|interlocutors?"
    # "according to a person familiar with the matter", "people briefed on the talks"
    r"|(?:person|persons|people|someone|those)\s+(?:familiar\s+with|briefed\s+on|with\s+knowledge\s+of)"
    r"\s+(?:the\s+)?(?:matter|situation|plans?|talks|issue|discussions|operation|briefing|decision|intelligence)"
    r"|депутат\w*|парламентари\w*|чиновник\w*|источник\w*|собеседник\w*|представител\w*|пресс-секретар\w*"
    r"|аналитик\w*|эксперт\w*|наблюдател\w*|дипломат\w*|командир\w*|офицер\w*|инсайдер\w*|советник\w*"
    r"|нардеп\w*|посадов(?:ець|ця|цю|ці|ців)|джерел\w*|співрозмовник\w*|представник\w*|прес-секретар\w*"
    r"|аналітик\w*|експерт\w*|спостерігач\w*|офіцер\w*|інсайдер\w*|радник\w*"
)
GENERIC_SPEAKER_MODIFIERS = (
    r"one|another|some|several|senior|top|high-ranking|high|ranking|former|unnamed|anonymous|local|government"
    r"|military|defen[cs]e|intelligence|security|parliamentary|opposition|knowledgeable|well-placed|informed"
    r"|один|одна|одно|из|высокопоставленн\w*|неназванн\w*|анонимн\w*|осведомленн\w*|информированн\w*|военн\w*"
    r"|местн\w*|правительственн\w*|государственн\w*|народн\w*|з|із|високопосадов\w*|неназван\w*|анонімн\w*"
    r"|поінформован\w*|обізнан\w*|військов\w*|місцев\w*|урядов\w*|державн\w*"
)

# The canonical claimant names and their aliases live in ``geo.claimants`` (CLAIMANTS).

# Nouns that refer back to a body named earlier ("the ministry said", "в ведомстве
# отметили", "The channel added"), as folded stems (``claimants.stem``): the speaker
# is the last body named before.
BODY_REFERENCES = frozenset(
    "ministry department agency service channel directorate command office staff army military tank "
    # "The institute also assessed", "According to the project", "The outlet said"
    "institute project outlet newspaper publication website portal "
    "министерств ведомств агентств служб канал штаб командовани управлени "
    "институт проект издани портал "
    "міністерств відомств агенці агентств служб канал штаб командуванн управлінн "
    "інститут проєкт проект видан портал "
    # "За даними видання, …" (stem of видання: виданн)
    "виданн".split()
)
# Titles that refer back to a person named earlier ("the general", "главком ВСУ"), as
# folded stems: the speaker is the last person named before.
PERSON_REFERENCES = frozenset(
    "general president governor commander commander-in-chief minister spokesman spokeswoman spokesperson "
    "official head mayor chief leader руководител керівник очільниц мэр мер "
    "главком главнокомандующ губернатор президент генерал министр командующ глав спикер "
    # "Головком заявив, що …": the short form of головнокомандувач
    "головком головкома "
    # "Российский лидер заявил", "the Russian dictator said": a leader named before
    "лидер лідер диктатор dictator "
    "головнокомандувач головнокомандувач губернатор президент генерал міністр командувач очільник речник".split()
)
# Words that may stand before such a noun without naming anyone: "the acting governor",
# "оборонное ведомство", "главком ВСУ" (its own army named after the title).
REFERENCE_MODIFIERS = frozenset(
    "the its his her this that acting interim former top senior military defense defence russian ukrainian "
    "врио оборонн военн российск украинск всу рф зсу росії україни воєнн військов оборонн "
    # "глава региона", "очільник області": the region a title governs names nobody new
    "регион регіон област район держав "
    # "глава государства": the state a title heads names nobody new
    "государств "
    # "Аналитики института отметили", "аналітики проєкту": the body's analysts speak for it
    "analysts аналитик аналитиков аналітик аналітиків "
    # "Ukraine's top general", "Russia's defence minister": the country names nobody new
    "ukraine's russia's kyiv's moscow's".split()
)

# A sentence that opens with one of these names the source of the sentence before it:
# "… погибли двое. Об этом сообщил губернатор", "This was reported by the General Staff".
BACK_REFERENCES = (
    r"this\s+(?:was|is|has\s+been)\s+(?:reported|stated|announced|said|confirmed|claimed)"
    r"|this\s+is\s+according\s+to|that\s+(?:was|is)\s+according\s+to|such\s+(?:figures|data)\s+were"
    r"|об\s+этом|о\s+чем|о\s+чём|это\s+(?:сообщил|заявил|написал)\w*|такие\s+данные"
    r"|про\s+це|таку\s+інформацію|такі\s+дані|це\s+(?:повідомив|заявив|написав)\w*"
    # the statement named as such: "С таким заявлением выступил Сырский", "Таку заяву зробив
    # Сирський", "That is what Syrskyi told journalists", "These figures were given by …"
    r"|с\s+(?:таким|этим|соответствующим)\s+заявлением|такое\s+заявление|соответствующее\s+заявление"
    r"|з\s+(?:такою|цією|відповідною)\s+заявою|таку\s+заяву|відповідну\s+заяву"
    r"|that\s+is\s+what|this\s+is\s+what|these\s+(?:figures|numbers|data)\s+were"
    # the figures named as such: "Эти данные привел Герасимов", "Ці цифри навів Сирський", "The figures
    # were given by …"
    r"|эти\s+(?:данные|цифры)|такие\s+цифры|ці\s+(?:дані|цифри)|такі\s+цифри"
    # the information named as such: "Соответствующую информацию опубликовало Минобороны", "Відповідні
    # дані оприлюднив Генштаб", "Інформацію про це оприлюднив …"
    r"|соответствующ\w+\s+(?:информаци\w+|данные|сведения)|такую\s+информацию|информацию\s+об\s+этом"
    r"|відповідн\w+\s+(?:інформаці\w+|дані)|інформацію\s+про\s+це"
    r"|the\s+(?:figures|numbers|data)\s+(?:come|came|comes)\s+from"
    r"|the\s+(?:figures|numbers|data)\s+(?:were|was)\s+(?:given|provided|cited|released|published)"
)

# "ТАСС со ссылкой на Минобороны", "Reuters, citing Syrskyi": the cited source is the
# claimant, not the one who relays it.
RELAYS = (
    r"citing|quoting|со\s+ссылкой\s+на|ссылаясь\s+на|(?:з|із|зі)\s+посиланням\s+на|посилаючись\s+на"
)

# A sentence that opens with one of these goes on with the claim before it ("Of them,
# 7,000 were killed"; "Крім того, …"): it keeps that claim's claimant.
CONTINUATIONS = (
    r"of\s+them|of\s+these|of\s+those|among\s+them|among\s+the\s+\w+|in\s+addition|additionally|besides"
    r"|also|moreover|furthermore|at\s+the\s+same\s+time|another|the\s+rest|in\s+total|in\s+all"
    r"|из\s+них|среди\s+них|кроме\s+того|также|помимо\s+этого|при\s+этом|еще|ещё|всего|в\s+том\s+числе"
    r"|з\s+них|серед\s+них|крім\s+того|також|окрім\s+цього|при\s+цьому|ще|загалом|окремо\s+зазначено"
    r"|зокрема|в\s+частности"
)


# Regions and countries around Kursk oblast, folded (stems for the Cyrillic ones): named
# next to a village, they put it elsewhere; named in a sentence without Kursk, they put
# the sentence's claims elsewhere.
OTHER_REGIONS_LATIN = (
    "belgorod|bryansk|oryol|orel|voronezh|lipetsk|tula|kaluga|smolensk|moscow|rostov|"
    "sumy|kharkiv|kharkov|chernihiv|chernigov|poltava|donetsk|luhansk|lugansk|zaporizhzhia|"
    "zaporizhia|zaporozhye|kherson|dnipropetrovsk|mykolaiv|odesa|odessa|kyiv|kiev|zhytomyr|"
    "crimea|leningrad|tver|ryazan|tambov|penza|samara|saratov|volgograd|krasnodar"
)
OTHER_REGIONS_CYRILLIC = (
    "белгородск|брянск|орловск|воронежск|липецк|тульск|калужск|смоленск|московск|ростовск|"
    "сумск|сумськ|харьковск|харківськ|черниговск|чернігівськ|полтавск|полтавськ|донецк|донецьк|"
    "луганск|луганськ|запорожск|запорізьк|херсонск|херсонськ|днепропетровск|"
    "дніпропетровськ|николаевск|одесск|одеськ|киевск|київськ|житомирск|тамбовск|тверск|рязанск|"
    # the regions' everyday names: "на Сумщині", "в Белгородчине", "Донеччина"
    "сумщин|харківщин|харьковщин|чернігівщин|черниговщин|полтавщин|донеччин|донетчин|луганщин|"
    "брянщин|білгородщин|белгородчин|белгородщин|київщин|житомирщин|орловщин|запоріжж|херсонщин"
)
#: The everyday names among them, a region on their own ("на Харківщині", "в Белгородчине"):
#: no "область" follows them.
OTHER_REGIONS_EVERYDAY = (
    "сумщин|харківщин|харьковщин|чернігівщин|черниговщин|полтавщин|донеччин|донетчин|луганщин|"
    "брянщин|білгородщин|белгородчин|белгородщин|київщин|житомирщин|орловщин|херсонщин|запоріжж"
)
REGION_NOUN = r"(?:region|oblast|province|area|district|raion|rayon)"

# A sentence about another war: "In 1943 the Red Army liberated Kursk", "в 1943 году советские
# войска освободили Курск". Its claims are history, not reports of this fighting. Only a year
# after "in" (not "the first since 1941") and the armies of that war mark it.
HISTORIC = (
    r"(?<!\w)(?:in|в|у)\s+(?:19\d\d|20(?:0\d|1[0-3]))(?!\d)"
    r"|red\s+army|soviet\s+(?:troops|forces|army|soldiers)|wehrmacht|nazi\s+(?:troops|forces|germany)"
    r"|красн\w+\s+арми\w*|советск\w+\s+(?:войск\w*|арми\w*|солдат\w*)|вермахт\w*|фашист\w*"
    r"|червон\w+\s+арм\w*|радянськ\w+\s+(?:військ\w*|арм\w*|солдат\w*)"
    # other wars named: "a memorial to the 85 soldiers killed in Afghanistan", "погибших в годы
    # Великой Отечественной", "the Battle of Kursk", "на Курской дуге"
    r"|(?:in|в|у)\s+(?:afghanistan|афганистан\w*|афганістан\w*)|afghan\s+war|афганск\w+\s+войн\w*"
    r"|афганськ\w+\s+війн\w*|(?:second\s+)?world\s+war|великой\s+отечественной|великої\s+вітчизняної"
    r"|втор\w+\s+миров\w+|друг\w+\s+світов\w+|battle\s+of\s+kursk|курск\w+\s+битв\w*|курськ\w+\s+битв\w*"
    r"|курск\w+\s+дуг\w*|курськ\w+\s+дуз\w*"
)
