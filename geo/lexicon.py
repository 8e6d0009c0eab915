"""Word lists the claim extractor reads: triggers of each kind, speech verbs, aliases.

Data, not logic: every list is a tuple of regular-expression fragments over folded text
(lower case, ё → е, straight apostrophes). The rules that use them live in ``claims`` and
``attribution``. A checklist for adding a language: kind triggers (``KIND_TRIGGERS``),
force nouns (``FORCE_NOUNS``), speech verbs (``SPEECH_VERBS``), attribution phrases
(``ACCORDING_TO``), pronouns (``PRONOUNS``) and hedges (``HEDGES``).
"""

from __future__ import annotations

from geo.model import Kind

# Ordered: the first pattern that matches at a position wins, so the combined
# "killed or wounded" comes before "killed" and "wounded".
KIND_TRIGGERS: tuple[tuple[Kind, str], ...] = (
    # GOLD.md: irrecoverable losses are the dead, sanitary (medical) losses the wounded;
    # the adjective alone carries the kind ("25,2 тис. є безповоротними втратами, 36,2 тис. –
    # санітарними"). First, so that "losses" after them is not read on its own.
    (Kind.KILLED,
     r"(?:irretrievabl[ey]|irrecoverabl[ey]|irreversibl[ey])(?:\s+lost|\s+losses)?"
     r"|безвозвратн\w*(?:\s+потер\w*)?|безповоротн\w*(?:\s+втрат\w*)?"),
    (Kind.WOUNDED,
     r"(?:sanitary|medical)\s+losses|санитарн\w*(?:\s+потер\w*)?|санітарн\w*(?:\s+втрат\w*)?"),
    (Kind.KILLED_OR_WOUNDED,
     # "killed, injured or captured" reads as killed or wounded (GOLD.md)
     r"(?:killed|dead),?\s+(?:wounded|injured),?\s+(?:or|and)\s+(?:captured|taken\s+prisoner|missing)"
     r"|(?:killed|dead|died)\W{0,3}(?:or|and|and/or)\W{0,3}(?:wounded|injured)"
     r"|(?:wounded|injured)\W{0,3}(?:or|and)\W{0,3}(?:killed|dead)"
     r"|casualt(?:y|ies)|losses|\blost\b|потерял\w*|потеряв\w*|втратил\w*"
     r"|(?:убит|погиб)\w*\s+(?:и|или)\s+ранен\w*|ранен\w*\s+(?:и|или)\s+(?:убит|погиб)\w*"
     r"|потер(?:и|ь|ям|ях|ями)|втрат(?:и|а|ами|ах|ам|у)?\b|вбит\w*\s+(?:і|та)\s+поранен\w*"
     r"|выведен\w*\s+из\s+строя|\bdestroyed\b"),
    (Kind.KILLED,
     r"\bkilled\b|\bkill(?:s|ing)?\b|\bkia\b|\bdied\b|\bdead\b|\bdeaths?\b|death toll|fatalit(?:y|ies)|lost their lives|perished"
     r"|self-destruction|suicide|blew themselves up|\beliminat(?:ed|es|ing|ion)\b|\bliquidated\b"
     r"|shot\s+(?:dead|to\s+death)"
     r"|погиб\w*|убит\w*|уничтожен\w*|ликвидирован\w*|загинул\w*|загибл\w*|вбит\w*|знищен\w*"
     # the active verbs: "уничтожили 50 военных", "знищили понад 50 солдатів"
     r"|уничтожил\w*|ликвидировал\w*|убил[аи]?\b|знищил\w*|знищив|знищено|ліквідовано|ліквідува\w*"
     r"|вбил[аи]?\b|вбито"),
    (Kind.WOUNDED,
     r"\bwounded\b|\bwounding\b|\bwounds(?=\s+\d)|\binjured\b|\binjuring\b|\binjuries\b"
     # "получили осколочные ранения": the kind of wound may stand between
     r"|получил\w*\s+(?:[а-яё]+\s+)?ранени\w*|ранен\w*|отримал\w*\s+(?:[а-яєіїґ']+\s+)?поранен\w*|поранен\w*"
     r"|пострадал\w*|травмирован\w*|постраждал\w*"),
    (Kind.CAPTURED,
     r"\bcaptured\b|taken prisoner|prisoners? of war|\bpows?\b|\bcapture\b|\bsurrendered\b"
     r"|\bcaptives?\b|taken\s+captive"
     r"|в\s+плен\w*|пленн\w*|пленен\w*|сдал\w*ся|полонен\w*|[ув]\s+полон\w*|полонених"),
    (Kind.MISSING,
     r"\bmissing\b|unaccounted for|пропал\w*\s+без\s+вести|пропавш\w*\s+без\s+вести|зникл\w*\s+безвісти"),
    (Kind.DEPLOYED,
     r"\b(?:re)?deployed\b|\b(?:re)?deploy(?:s|ing)?\b|\b(?:re)?deployments?\b|\bsent\b|\bsending\b|\btransferred\b"
     r"|\btransferring\b|\bdispatched\b|\barrived\b|\bstationed\b|\breplenished\b|\breinforc\w+"
     r"|\bconcentrated\b|\b(?:a)?massed\b|\bamassing\b|сосредоточ\w*|сконцентрирова\w*|стянул\w*|стянуты"
     r"|зосереди\w*|зосереджен\w*"
     r"|\buse\b|\busing\b|\bbeing\s+used\b"
     r"|переброшен\w*|перебросил\w*|направлен(?:ы|о|а)?\b|развернут\w*|прибыл\w*|отправлен\w*|задействован\w*"
     r"|перекинут\w*|направил\w*|відправлен\w*|прибули|розгорнут\w*"
     # movement of forces: "moved into", "began entering", "переброску резервов", "перемещает силы"
     r"|\bmov(?:ed|ing|es?)\s+into\b|\b(?:began|begin|started|start)\s+entering\b|\bconcentrations?\b"
     r"|переброск\w*|перемеща\w*|перемещен\w*|переміщу\w*|переміщен\w*|перекида\w*|стягу\w*|стягнул\w*"
     r"|залучи\w*|залуча\w*|прибува\w*|\bholed\s+up\b|\bhunker\w*\s+down\b"
     # presence counts only with a figure ("в регионе находится несколько тысяч военных")
     r"|находится|находятся|находились|перебуває|перебувають|перебували"
     # a count of forces: "the number of North Korean troops … has risen by about 2,000"
     r"|\b(?:total\s+)?number\s+of(?=\s+(?:[\w'’-]+\s+){0,3}(?:troops|soldiers|forces|north\s+koreans|personnel))"),
    # GOLD.md: encircled or cut-off troops are "other"
    (Kind.OTHER,
     r"\bcut\s+off\b|\bencircle(?:d|ment)\b|\bsurrounded\b|в\s+окружени\w*|окружен\w*|в\s+котл\w*"
     r"|в\s+оточенн\w*|оточен\w*|в\s+котлі"),
)

#: Deployment words that assert nothing alone: presence with a figure is "numbering N in
#: an area" (GOLD.md), without one it is forces "merely present".
PRESENCE_TRIGGERS = r"находи\w*|перебува\w*|number\s+of|total\s+number\s+of"

# Nouns for the people a claim is about; an amount followed by one is a head count.
FORCE_NOUNS = (
    r"soldiers?|troops?|forces|personnel|servicem[ae]n|service\s+members|fighters|paratroopers"
    r"|infantry|marines|military|army|units?|m[ae]n|wom[ae]n|conscripts|mercenaries|north\s+koreans"
    r"|russians|ukrainians|koreans|people|persons?|civilians?|residents?|children|child|teenagers?"
    r"|pensioners?|officers?|commanders?|others|prisoners|pows|battalions?|brigades?|troop"
    r"|военнослужащ\w*|солдат\w*|бойц\w*|военн\w*|человек|военнопленн\w*|мобилизованн\w*|наемник\w*"
    r"|жител\w*|мирн\w*|гражданск\w*|детей|ребен\w*|пленн\w*|штурмовик\w*|десантник\w*"
    r"|мужчин\w*|женщин\w*|пенсионер\w*|подрост\w*|офицер\w*|командир\w*"
    r"|військов\w*|військовослужбовц\w*|окупант\w*|бійц\w*|цивільн\w*|мешкан\w*|чоловік\w*"
    r"|жінк\w*|жінок|дітей|полонен\w*"
    r"|северокорейск\w*|корейц\w*|десантник\w*|срочник\w*|военнослужбовц\w*|вояк\w*|осіб|людей"
    r"|garrisons?|reserves|reinforcements|(?:assault\s+)?groups?|captives|силы|сил|сили|резерв\w*"
    r"|угруповання|группировк\w*|солдатів|росіян\w*|россиян\w*"
)

SPEECH_VERBS = (
    r"said|says|stated|states|estimated|estimates|reported|reports|noted|notes|told|claimed|claims"
    r"|added|adds|announced|wrote|writes|confirmed|indicated|suggested|suggests|revealed|highlighted"
    r"|described|emphasized|emphasised|believes|believed|assessed|assesses|alleged|warned|explained"
    r"|echoed|cited|put|puts|estimate|say|acknowledged|admitted|insisted|asserted|declared"
    r"|suggest|indicate|indicates|show|shows|showed|believe|spoke|speaking"
    r"|заявил\w*|сообщил\w*|сообщает|сообщают|отметил\w*|добавил\w*|написал\w*|рассказал\w*"
    r"|сказал\w*|пояснил\w*"
    r"|подчеркнул\w*|уточнил\w*|указал\w*|оценил\w*|оценивает|заявляет|утверждает|признал\w*"
    r"|повідомил\w*|заявив|заявила|заявили|зазначив|зазначила|додав|додала|написав|написала"
    r"|повідомив|повідомляє|повідомляють|сказав|сказала|розповів|розповіла"
)

ACCORDING_TO = (
    r"according\s+to|as\s+reported\s+by|reported\s+by|cited\s+by|echoed\s+by|estimate\s+(?:from|by)"
    r"|figures?\s+(?:from|by)|data\s+from|по\s+данным|по\s+словам|по\s+информации|по\s+оценк\w+"
    r"|(?:сообщили|заявили|отметили|уточнили|подсчитали)\s+в"
    r"|как\s+сообщил\w*|как\s+сообщает|как\s+заявил\w*|за\s+даними|за\s+словами|як\s+повідомил\w*"
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
    r"|did\s+not\s+\w+|didn't\s+\w+|does\s+not\s+\w+|doesn't\s+\w+|not\s+detail|underreporting|underreport|investigate|the\s+high|despite\s+the"
    r"|by\s+the|of\s+the|amid|fearing|fear\s+of|threat\s+of|risk\s+of|if|unless|чтобы\s+не|могут|может"
    r"|могли|избежать|во\s+избежание|не\s+(?:привел|привела|привели|назвал|назвала|назвали|раскрыл\w*|сообщил\w*)|clarify|whether|did\s+not\s+say|не\s+уточнил\w*"
)

# Canonical names of claimants; each alias is folded text. The first entry is shown.
CLAIMANT_ALIASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Volodymyr Zelensky", (
        "zelensky", "zelenskyy", "zelenskiy", "zelenski", "zelenskyi", "volodymyr zelensky",
        "volodymyr zelenskyy", "volodymyr zelenskiy", "president zelensky", "president zelenskyy",
        "зеленский", "зеленского", "зеленський", "зеленського", "владимир зеленский",
        "володимир зеленський",
    )),
    ("GUR", (
        "gur", "hur", "diu", "gur mo", "hur mo", "main directorate of intelligence",
        "main intelligence directorate", "ukraine's main directorate of intelligence",
        "ukraine's main intelligence directorate", "ukrainian military intelligence",
        "ukraine's military intelligence", "defence intelligence of ukraine",
        "defense intelligence of ukraine", "ukraine's defense intelligence", "ukraine's defence intelligence",
        "ukrainian intelligence", "ukraine's intelligence", "the gur", "the hur",
        "гур", "гур мо", "гур минобороны украины", "главное управление разведки", "гур мо украины",
        "головне управління розвідки", "українська розвідка", "украинская разведка",
    )),
    ("South Korea's National Intelligence Service", (
        "nis", "national intelligence service", "south korea's nis", "south korea's national intelligence service",
        "south korean national intelligence service", "national intelligence service (nis)",
        "south korea's national intelligence service (nis)", "south korean intelligence",
        "south korea's spy agency", "seoul's spy agency", "разведка южной кореи",
        "национальная служба разведки", "национальная разведывательная служба", "разведки южной кореи",
        "южнокорейская разведка", "южнокорейской разведки",
    )),
    ("Pentagon", (
        "pentagon", "the pentagon", "pentagon officials", "u.s. department of defense",
        "us department of defense", "department of defense", "dod", "пентагон",
    )),
    ("Russian Defence Ministry", (
        "russian defence ministry", "russian defense ministry", "russia's defence ministry",
        "russia's defense ministry", "russian ministry of defence", "russian ministry of defense",
        "russian mod", "минобороны россии", "минобороны рф", "министерство обороны россии",
        "министерство обороны рф", "мо рф", "минобороны", "міноборони рф", "міноборони росії",
    )),
    ("Ukraine's General Staff", (
        "ukraine's general staff", "general staff of ukraine", "ukrainian general staff",
        "general staff of the armed forces of ukraine", "the general staff", "general staff",
        "генштаб всу", "генштаб зсу", "генеральный штаб всу", "генеральний штаб зсу", "генштаб",
        "генеральный штаб вооруженных сил украины", "генеральний штаб",
    )),
    ("South Korea", ("south korea", "seoul", "south korean government", "republic of korea", "южная корея")),
    ("John Kirby", ("kirby", "john kirby")),
    ("Kyrylo Budanov", ("budanov", "kyrylo budanov", "буданов", "кирилл буданов", "кирило буданов")),
    ("Vladimir Putin", ("putin", "vladimir putin", "путин", "владимир путин", "путін")),
    ("Oleksandr Syrskyi", ("syrskyi", "syrsky", "oleksandr syrskyi", "oleksandr syrsky", "сырский",
                           "александр сырский", "сирський", "олександр сирський")),
    ("Alexander Khinshtein", ("khinshtein", "alexander khinshtein", "хинштейн", "александр хинштейн")),
    ("Alexei Smirnov", ("alexei smirnov", "alexey smirnov", "смирнов", "алексей смирнов")),
    ("Valery Gerasimov", ("gerasimov", "valery gerasimov", "герасимов", "валерий герасимов")),
    ("Dmitry Peskov", ("peskov", "dmitry peskov", "песков", "дмитрий песков")),
    ("Apti Alaudinov", ("alaudinov", "apti alaudinov", "алаудинов", "апти алаудинов")),
)

# Head nouns that make an attribution anonymous unless a proper name modifies them.
ANONYMOUS_HEADS = r"estimates?|reports?|data|figures?|sources?|assessments?|analysts|experts|media|observers"


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
    "сумск|сумськ|харьковск|харківськ|черниговск|чернігівськ|полтавск|полтавськ|донецк|"
    "луганск|луганськ|запорожск|запорізьк|херсонск|херсонськ|днепропетровск|"
    "дніпропетровськ|николаевск|одесск|одеськ|киевск|київськ|житомирск|тамбовск|тверск|рязанск"
)
REGION_NOUN = r"(?:region|oblast|province|area|district|raion|rayon)"
