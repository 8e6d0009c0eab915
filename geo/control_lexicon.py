"""The words that say a side took, holds or left ground: data for ``geo.control``.

Every predicate is a small pattern over folded text (lower case, ё → е, straight
apostrophes), what it says about the side named as its subject (``Stance``), whether it
needs ground after it to be a claim about ground ("captured" needs "the village" or a
place; "liberated" does not), and a sentence it is written for. The tests read the
examples: each must be found by its own pattern, so the lexicon cannot drift from what
it claims to match.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Stance(StrEnum):
    """What a control statement says about the side it names as its subject."""

    TOOK = "took"
    HOLDS = "holds"
    LEFT = "left"


@dataclass(frozen=True, slots=True)
class Predicate:
    """One way of saying that a side took, holds or left ground.

    pattern        regular expression over folded text, matched at a word start
    stance         what it says of the subject side
    needs_ground   True when the words also speak of people or things ("captured 40
                   soldiers", "took part"): then ground must follow within the clause
    example        a sentence the pattern is written for (checked by the tests)
    after_holding  True for words that only give a size ("was 350 square miles"): they are
                   a claim when a word of ground taken or held stands before them in the
                   sentence (``GROUND_HELD``: "the territory it had captured, which was …")
    """

    pattern: str
    stance: Stance
    needs_ground: bool
    example: str
    after_holding: bool = False


#: An area figure: "350 square miles", "1,150 sq km", "189 square kilometres".
AREA_LATIN = r"\d[\d.,\u00a0 ]*\s*(?:square\s+(?:km|kilomet\w+|miles?)|sq\.?\s*(?:km|mi(?:les?)?)|km²)(?!\w)"
#: "13 кв. км", "1150 км кв.", "200 квадратних кілометрів".
AREA_CYRILLIC = r"\d[\d.,\u00a0 ]*\s*(?:кв\.?\s*км|км\s*кв\b\.?|км²|квадратн\w+\s+(?:кило|кіло)метр\w*)"
#: Bounds before an area figure, one script each (a predicate is matched with its script's
#: alternation): "roughly 20 square kilometres", "более 100 кв. км".
_AREA_BOUND_LATIN = r"(?:(?:about|around|roughly|some|nearly|almost|over|more\s+than|up\s+to|at\s+least)\s+)?"
_AREA_BOUND_CYRILLIC = r"(?:(?:около|более|почти|свыше|порядка|понад|майже|близько|приблизно)\s+)?"
#: A word of ground taken or held, before a size that makes it a claim ("the zone …
#: has surpassed 189 square kilometres", "the land it had seized … was 500 square miles").
GROUND_HELD = (r"captured|taken|seized|held|controlled|occupied|gained|lost|zones?\b|footholds?|bridgeheads?"
               r"|плацдарм\w*|захвач\w*|занят\w*"
               r"|контрол\w*|зон[аыуе]\b|оккупирован\w*|захоплен\w*|зайнят\w*|окупован\w*")


# Order matters where patterns overlap at one position: the longer phrase comes first.
PREDICATES: tuple[Predicate, ...] = (
    # English: taking ground
    Predicate(r"(?:took|taken|take|takes|taking|gained|gain|gains|gaining|regained|regain|regaining|"
              r"established|establish|re-?established|re-?establish|assumed|seized)\s+"
              r"(?:full\s+|complete\s+|total\s+|effective\s+)?control\s+(?:of|over)",
              Stance.TOOK, False, "Russian troops took control of the village on Monday."),
    # not a fight "for the liberation of" a place
    Predicate(r"liberat(?:ed|es|e|ing)|(?<!for\sthe\s)liberation\s+of", Stance.TOOK, False,
              "The battlegroup liberated two settlements in the region."),
    Predicate(r"(?:re)?captur(?:ed|es|e|ing)|capturing\s+of", Stance.TOOK, True,
              "Ukrainian units captured the village and its railway station."),
    Predicate(r"retook|retak(?:en|es|e|ing)|(?:took|taken|take|takes|taking)(?:\s+back)?",
              Stance.TOOK, True, "The army has taken another village from the enemy."),
    Predicate(r"(?:re)?seiz(?:ed|es|e|ing)|seizure\s+of", Stance.TOOK, True,
              "Kyiv's forces seized 300 square kilometres."),
    Predicate(r"reclaim(?:ed|s|ing)?|regained|regain(?:s|ing)?|won\s+back|gained|returned", Stance.TOOK, True,
              "Moscow has regained most of the lost territory."),
    Predicate(r"clear(?:ed|s|ing)\s+(?:the\s+)?(?:village|villages|settlement|settlements|town|area)",
              Stance.TOOK, True, "The marines cleared the villages of two border hamlets."),
    Predicate(r"enter(?:ed|s|ing)", Stance.TOOK, True, "Ukrainian troops entered the town on Tuesday."),
    # a clearing completed: "completed the clearing of the village", "finished mopping up the town"
    Predicate(r"(?:complet(?:ed|es|e|ing)|finish(?:ed|es|ing)?)\s+(?:the\s+)?(?:clearing|clearance|mopping[- ]up"
              r"|mop-up)(?:\s+operations?)?(?:\s+(?:of|in|at))?", Stance.TOOK, True,
              "Russian forces completed the clearing of the village, the ministry said."),
    # "cleared Martynovka of Ukrainian forces"; not a way, a road, rubble or mines
    Predicate(r"clear(?:ed|s|ing)(?!\s+(?:the\s+)?(?:way|path|roads?|rubble|debris|mines?|snow)\b)"
              r"(?!\s+(?:over|up|out|away|above|off)\b)", Stance.TOOK, True,
              "Russian forces cleared two border villages of Ukrainian units, the ministry said."),
    Predicate(r"(?:advanc(?:ed|es|e|ing)|push(?:ed|es|ing)?|penetrat(?:ed|ing))\s+"
              r"(?:(?:up\s+to|at\s+least|about|some|around|nearly|almost|more\s+than|over)\s+)?"
              r"[\d.,–-]+\s*(?:km|kilomet\w+|miles?)|advance\s+of\s+[\d.,–-]+\s*(?:km|kilomet\w+|miles?)"
              r"|(?:advanc(?:ed|es|e|ing)|push(?:ed|es|ing)?)\s+(?:deep|deeper)\s+into",
              Stance.TOOK, False, "The brigade advanced up to 12 km into the region."),
    # "advanced into central X" enters it; "advanced towards/near X" does not (GOLD.md)
    Predicate(r"(?:advanc(?:ed|es|ing)|push(?:ed|es|ing)|broke|broken)\s+into",
              Stance.TOOK, True, "Geolocated footage shows that the assault group advanced into the village."),
    Predicate(r"invad(?:ed|es|ing)\s+(?:the\s+)?(?:territory|land|region|oblast)",
              Stance.TOOK, False, "Ukrainian forces invaded the territory of the region in August."),
    Predicate(r"(?:area|territory|zone)\s+(?:of\s+)?(?:[\w'-]+\s+){0,2}(?:advances|gains)",
              Stance.TOOK, False, "The area of Russian advances now totals 30 square kilometres."),
    Predicate(r"made\s+(?!no\s|few\s|little\s)(?:[\w-]+\s+){0,2}gains|gained\s+ground", Stance.TOOK, False,
              "Russian units made territorial gains near the border."),
    # a side's flag raised over a place: "raised the Russian flag over the town"
    Predicate(r"(?:raised|hoisted|planted|raising|hoisting|planting)\s+(?:the\s+|a\s+|their\s+|its\s+)?"
              r"(?:russian|ukrainian|national|state)\s+flags?\s+(?:over|above|in|on|at)",
              Stance.TOOK, False, "Russian troops raised the Russian flag over the town, the ministry said."),
    # the flag as the subject: "The Russian flag now flies over the town", "was raised over"
    Predicate(r"(?:russian|ukrainian|national)\s+flags?\s+(?:now\s+|again\s+)?(?:flies|flew|is\s+flying|was\s+flying"
              r"|waves|(?:was|has\s+been|had\s+been|were|have\s+been)\s+(?:raised|hoisted|planted))\s+(?:over|above|in|on|at)",
              Stance.TOOK, False, "The Russian flag now flies over the town, the Kremlin said."),
    # a foothold gained or held: "have established a foothold in the village" (not one "near" it)
    Predicate(r"(?:establish(?:ed|es|ing)?|gain(?:ed|s|ing)?|secur(?:ed|es|ing)|won|(?:still\s+)?ha(?:ve|s|d))\s+"
              r"(?:a\s+|their\s+|its\s+)?(?:small\s+|firm\s+|new\s+)?foothold\s+(?:in|on|inside)(?!\w)",
              Stance.HOLDS, False, "Russian troops have established a foothold in the village, bloggers said."),
    Predicate(r"dug\s+in\s+(?:in|on|inside)(?!\w)", Stance.HOLDS, False,
              "Ukrainian troops have dug in on the outskirts of the town."),
    # English: the size of ground taken or held, with no other predicate in its clause
    Predicate(r"(?:surpass\w*|exceed\w*|reach\w*|total\w*|amount\w*\s+to|gr[eo]wn?\s+to|stood\s+at|stands\s+at"
              r"|covered|covers|(?:is|was|were)(?:\s+now)?)\s+" + _AREA_BOUND_LATIN + AREA_LATIN, Stance.HOLDS, False,
              "The grey zone on the map has now surpassed 120 square kilometres.", after_holding=True),
    # what is left of ground held: "Ukraine's foothold had shrunk to around 300 square kilometres"
    Predicate(r"(?:(?:shr[au]nk|fallen|fell|dropped|decreased|been\s+reduced|narrowed)\s+to|remains?|remained)\s+"
              + _AREA_BOUND_LATIN + AREA_LATIN, Stance.HOLDS, False,
              "DeepState said Ukraine's foothold in the region had shrunk to around 300 square kilometres.",
              after_holding=True),
    # a settlement that fell: "the fall of Sudzha", "claims that Gornal had fallen", "the town
    # fell to Russian troops" (a figure that fell, "losses have fallen", names no ground before it)
    Predicate(r"fall\s+of", Stance.TOOK, True, "Moscow announced the fall of the town on Friday."),
    Predicate(r"(?:had|has|have)\s+fallen(?!\s+(?:by|below|from|sharply|to\s+[\d.,]))"
              r"|fell\s+to\s+(?:the\s+)?(?:russian|ukrainian|russia|ukraine|kyiv|moscow|enemy)",
              Stance.TOOK, True, "Kyiv dismissed the claims that the town had fallen."),
    Predicate(AREA_LATIN + r"\s+(?:claimed|held|controlled)\s+by", Stance.HOLDS, False,
              "The army holds less than the 400 square miles claimed by Moscow."),
    # English: holding ground
    Predicate(r"[\w'-]+-controlled|under\s+(?:the\s+)?(?:full\s+|complete\s+)?(?:[\w'-]+\s+){0,2}control",
              Stance.HOLDS, False, "The border town remains under Ukrainian control."),
    Predicate(r"(?:in\s+)?control(?:s|led|ling)?(?:\s+(?:of|over))?", Stance.HOLDS, True,
              "Ukraine controls about 500 square kilometres of the region."),
    Predicate(r"(?:still\s+)?(?:hold(?:s|ing)?|held)\s+out\s+(?:in|at)", Stance.HOLDS, False,
              "The defenders are still holding out in the town."),
    Predicate(r"(?:still\s+)?(?:holds?|holding|held)", Stance.HOLDS, True,
              "Ukrainian troops still hold part of the region."),
    Predicate(r"maintain(?:s|ed|ing)?\s+(?:their\s+|its\s+)?(?:positions|control)", Stance.HOLDS, False,
              "Ukrainian forces maintain positions in the town, the think tank said."),
    Predicate(r"occupied\s+by", Stance.HOLDS, False, "The town, which is occupied by the enemy, is quiet."),
    Predicate(r"occup(?:ied|ies|y|ying)", Stance.HOLDS, True, "Ukrainian units occupy the southern part of the town."),
    Predicate(r"(?:are|is|remain\w*|were|was)\s+(?:still\s+)?inside", Stance.HOLDS, True,
              "Ukrainian troops who are inside a portion of the region keep fighting."),
    Predicate(r"in\s+the\s+hands\s+of", Stance.HOLDS, False, "The town is in the hands of the Russian army."),
    # English: leaving ground
    Predicate(r"withdr(?:ew|awn|awing|aws|aw|awal)\s+from|pull(?:ed|s|ing)?\s+out\s+of|pull-?out\s+from"
              # the verb, not the noun: "after the retreat from X" states no withdrawal of its own
              r"|(?<!the\s)(?<!a\s)(?<!its\s)(?<!their\s)(?<!'s\s)retreat(?:ed|s|ing)?\s+"
              r"(?:from|to)|(?:were|was|been|being)\s+(?:fully\s+|completely\s+|largely\s+|mostly\s+|entirely\s+"
              r"|almost\s+(?:completely\s+|entirely\s+)?)?(?:expelled|ousted|driven\s+out"
              r"|pushed\s+out|forced\s+out|kicked\s+out|dislodged)",
              Stance.LEFT, False, "Ukrainian forces have withdrawn from the village."),
    # the withdrawal as a noun with its side between: "confirmed the withdrawal of Ukrainian
    # units from X"; and "pulled back from", "fell back from"
    Predicate(r"(?:withdrawal|pull-?out|pullback)\s+of\s+(?:[\w'’-]+\s+){1,4}?from"
              r"|(?:pull(?:ed|s|ing)?|fell|fall(?:en|s|ing)?)\s+back\s+from",
              Stance.LEFT, True, "Kyiv confirmed the withdrawal of Ukrainian units from the town."),
    Predicate(r"(?:push(?:ed|es|ing)?|driv(?:e|en|ing)|drove|forc(?:ed|ing))\s+(?:[\w'-]+\s+){1,4}"
              r"(?:out\s+of|from)", Stance.TOOK, True,
              "Russian forces pushed Ukrainian troops out of the town."),
    Predicate(r"lost|los(?:e|es|ing)", Stance.LEFT, True, "Ukraine has lost a quarter of the territory it captured."),
    # ground no longer held: "Ukraine no longer holds any territory in the region", "troops are no
    # longer in the town" (a denial of holding is a statement of leaving)
    Predicate(r"no\s+longer\s+(?:holds?|held|controls?|controlled|occup(?:y|ies|ied)"
              r"|(?:(?:is|are|was|were)\s+)?(?:present\s+)?in(?!\s+a\s+position))",
              Stance.LEFT, True, "Ukraine no longer holds any territory in the region, Russian officials claim."),
    # not "left" or "fled": civilians leave and flee villages too
    Predicate(r"abandon(?:ed|s|ing)?|surrender(?:ed|s|ing)?",
              Stance.LEFT, True, "Ukrainian troops abandoned the village after a week of shelling."),
    # troops made to leave ("units were forced to leave"), not civilians who leave a village
    Predicate(r"(?:troops|forces|units|soldiers|servicem[ae]n|brigades?|battalions?|fighters|defenders|army)\s+"
              r"(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:forced|ordered|compelled)\s+to\s+leave",
              Stance.LEFT, True, "Ukrainian units were forced to leave the village under heavy shelling."),
    # Russian: taking ground
    Predicate(r"(?:взял\w*|взят\w*|взять|установил\w*|установлен\w*|восстановил\w*|перешл\w*|переш[её]л\w*)\s+"
              r"(?:полный\s+)?(?:под\s+)?контрол\w*", Stance.TOOK, False,
              "Российские войска установили контроль над селом."),
    # not a fight for it: "бои за освобождение Суджи"
    Predicate(r"освобо(?:дил\w*|дит\w*)|(?<!за\s)освобожд\w+", Stance.TOOK, False,
              "ВС РФ освободили два населенных пункта."),
    Predicate(r"захват(?:ил\w*|ить|ят|ывают)|захвачен\w*", Stance.TOOK, True,
              "ВСУ захватили несколько сел в области."),
    # the event as a noun, its ground in the genitive after it: "информация о захвате Суджи"
    # (a threat or an attempt, "угроза захвата", "попытка захвата", is kept out by ``BLOCKERS``;
    # an aim, "к захвату", "для захвата", by the form)
    Predicate(r"(?<!для\s)(?<!до\s)захват(?:а|е|ом)?(?!\w)", Stance.TOOK, True,
              "Минобороны сообщило о захвате двух сел в области."),
    # "взяли Суджу", "о взятии села"; not "взяли в плен" (people) or "взяли в кольцо" (encircled)
    Predicate(r"(?:взял[аио]?|взят[аоы]?|взяти[еяюи])(?!\w)(?!\s+(?:под|під)\s)"
              r"(?!(?:\s+\S+){0,2}\s+в\s+(?:полу)?(?:кольц|окружени|оцеплени|плен))", Stance.TOOK, True,
              "Штурмовики взяли село после недели боев."),
    # the ministries' word for taking a village: "овладели населенным пунктом", "об овладении Суджей"
    Predicate(r"овладе(?:л[аио]?|вают|ни[еия]|нии|ть)(?!\w)", Stance.TOOK, True,
              "Подразделения группировки овладели населенным пунктом."),
    Predicate(r"закрепил\w*\s+(?:в|во|на|у)(?!\w)", Stance.HOLDS, True, "Бойцы закрепились в селе."),
    Predicate(r"занял\w*|занят(?:ы|о|а)?\b|заняв", Stance.TOOK, True, "Подразделения заняли поселок."),
    Predicate(r"(?:вош(?:ли|ел|ла)|зашли|ворвал\w*)\s+в", Stance.TOOK, True, "Штурмовики вошли в село."),
    Predicate(r"продвинул\w*(?:\s+на)?|продвижени\w*\s+на\s+[\d.,–-]+", Stance.TOOK, True,
              "Войска продвинулись вглубь области на 20 км."),
    Predicate(r"вторгл\w*\s+(?:на|в)", Stance.TOOK, True, "Войска вторглись на территорию области."),
    Predicate(r"выбил\w*|вытеснил\w*|выдавил\w*|выбит\w*|вытеснен\w*|выдавлен\w*", Stance.TOOK, True,
              "Бойцы выбили противника из поселка."),
    Predicate(r"зачистил\w*|зачищен\w*", Stance.TOOK, True, "Штурмовики зачистили село."),
    # a clearing completed, Russian and Ukrainian alike: "завершили зачистку села", "зачистка
    # поселка завершена", "зачистку селища завершено" (not one under way: "ведут зачистку")
    Predicate(r"(?:заверш\w*|закончил\w*|окончил\w*)\s+зачистк\w*", Stance.TOOK, True,
              "Штурмовики завершили зачистку села от противника."),
    Predicate(r"зачистк[аиу]\s+(?:[\w'-]+\s+){1,4}?(?:заверш(?:ена|ено|ен|ил\w*)|закончен\w*|окончен\w*)(?!\w)",
              Stance.TOOK, False, "Зачистка поселка завершена, сообщили в Минобороны."),
    # a side's flag raised over a place: "Над Суджей поднят российский флаг", "подняли флаг России над селом"
    Predicate(r"(?:поднят\w*|подняли|поднял[аио]?|водрузил\w*|водружен\w*|установил\w*|установлен\w*)\s+"
              r"(?:российск\w+\s+|украинск\w+\s+|государственн\w+\s+)флаг\w*"
              r"|(?:поднят\w*|подняли|поднял[аио]?|водрузил\w*|водружен\w*)\s+флаг\w*\s+(?:россии|рф|украины)",
              Stance.TOOK, False, "Над селом поднят российский флаг, сообщили в Минобороны."),
    # the flag flying over a place: "Над Суджей вновь развевается российский флаг", "над селищем
    # майорить український прапор" (not flags at a parade: "на параде развевались флаги")
    Predicate(r"над\s+[\w'-]+(?:\s+[\w'-]+){0,2}?\s+(?:(?:вновь|снова|уже|знову|вже)\s+)?"
              r"(?:развева\w+|ре[её]т|реют|майор(?:ить|іє|ять|ів|іли))\s+"
              r"(?:российск\w+|украинск\w+|українськ\w+|український|російськ\w+)\s+(?:флаг|прапор)\w*"
              r"|(?:российск\w+|украинск\w+|українськ\w+|український|російськ\w+)\s+(?:флаг|прапор)\w*\s+"
              r"(?:(?:вновь|снова|уже|знову|вже)\s+)?(?:развева\w+|ре[её]т|реют|майор(?:ить|іє|ять|ів|іли))\s+над",
              Stance.TOOK, False, "Над селом вновь развевается российский флаг."),
    # "очистили Курскую область от ВСУ"; not a clearance of mines or rubble
    Predicate(r"(?:очистил\w*|очищен\w*|очистили|очищено)(?!(?:\s+\S+){0,4}\s+(?:от|від)\s+(?:мин|мін|взрывоопасн|вибухонебезпечн|завал|снег|сніг|мусор|смітт))",
              Stance.TOOK, True, "Российские войска очистили село от противника."),
    # "отбили у противника село" (won back); not "отбили атаку" (repelled an attack)
    Predicate(r"отбил[иао]?(?:\s+(?:у|от)\s+(?:противника|врага|всу|украинских\s+\w+|неприятеля))?(?!\w)(?!(?:\s+\S+){0,2}\s+(?:атак|контратак|штурм|попытк|наступлени|натиск))",
              Stance.TOOK, True, "Штурмовики отбили у противника село."),
    Predicate(r"(?:превысил\w*|превышает|составил\w*|составляет|достиг\w*|перевищил\w*|перевищує|становить"
              r"|становил\w*|сягнул\w*|досягл\w*|досяг)\s+" + _AREA_BOUND_CYRILLIC + AREA_CYRILLIC, Stance.HOLDS, False,
              "Площадь серой зоны превысила 120 кв. км.", after_holding=True),
    # what is left: "под контролем ВСУ остается около 200 кв. км", "під контролем ЗСУ залишається
    # близько 200 кв. км", "плацдарм сократился до 80 кв. км"
    Predicate(r"(?:оста[её]тся|остаются|оставалось|оставалась|залишається|залишаються|залишалося"
              r"|сократил\w*\s+до|уменьшил\w*\s+до|скороти\w*\s+до|зменши\w*\s+до)\s+"
              + _AREA_BOUND_CYRILLIC + AREA_CYRILLIC, Stance.HOLDS, False,
              "По данным DeepState, под контролем ВСУ в области остается около 200 кв. км.", after_holding=True),
    # control lost: "ВСУ утратили контроль над Суджей", "ЗСУ втратили контроль над частиною Суджі"
    Predicate(r"(?:утратил\w*|потерял\w*|лишил\w*\s+|втратил\w*|втратив)\s+контрол\w*(?:\s+(?:над|за))?",
              Stance.LEFT, False, "Противник утратил контроль над селом."),
    # ground lost, the place its object: "ЗСУ втратили Суджу", "Украина потеряла село" (not "потеряли
    # 300 военнослужащих": people are no ground; nor "часть личного состава")
    Predicate(r"(?:потерял[аио]?|утратил[аио]?|втратил[аио]?|втратив)(?!\w)"
              r"(?!\s+(?:част\w*|половин\w*)\s+(?:личн|техн|состав|особов|бойц|бійц|солдат|військов|военн|люд))",
              Stance.LEFT, True, "ЗСУ втратили село після тижня боїв."),
    # ground no longer held: "ВСУ больше не контролируют ни одного населенного пункта", "ЗСУ більше не
    # перебувають у Суджі"
    Predicate(r"(?:больше|більше)\s+не\s+(?:контролиру\w*|удержива\w*|наход\w+\s+(?:в|во|на)|контролю\w*|утриму\w*"
              r"|перебува\w+\s+(?:в|у|на))(?!\w)", Stance.LEFT, True,
              "ВСУ больше не контролируют ни одного населенного пункта в области."),
    # Russian: holding ground
    Predicate(r"контролиру\w*|под\s+(?:полным\s+)?(?:\w+\s+)?контрол\w*|контрол\w*\s+над", Stance.HOLDS, True,
              "ВСУ контролируют 90 населенных пунктов."),
    # not the initiative: "удерживаем инициативу"
    Predicate(r"(?:удержива\w*|удерж(?:ал|али|ат)\w*)(?!\s+инициатив)", Stance.HOLDS, True,
              "Войска удерживают рубежи у села."),
    Predicate(r"в\s+руках", Stance.HOLDS, False, "Поселок остается в руках противника."),
    # a side's own words: "Мы держим плацдарм", "ВСУ держат позиции у Суджи"
    Predicate(r"держ(?:им|ат|ит|ал[иао]?)\s+(?:оборону|позици\w*|плацдарм\w*|рубеж\w*)", Stance.HOLDS, False,
              "«Мы держим плацдарм и будем держать его», — подчеркнул министр."),
    # Russian: leaving ground
    Predicate(r"отступ(?:ает|ают|ил\w*|лени\w*|ать)|отош(?:ли|ел)|отвел\w*\s+войска|покинул\w*"
              r"|(?:вышли|вышел)\s+из", Stance.LEFT, False, "Противник отступает с занятых территорий."),
    # the noun needs its ground: "выход из Суджи", not "выход из строя", "из окружения", "из договора"
    Predicate(r"выход\w*\s+из", Stance.LEFT, True, "Военкоры сообщили о выходе из села."),
    # the withdrawal as a reported noun, its side between: "сообщило о выходе ВСУ из Суджи",
    # "об отходе подразделений ВСУ из района села" (a noun after "о": the report of an event)
    Predicate(r"(?<=\bо\s)(?:выход|отход|отступлени)[еия]?\s+(?:[\w'-]+\s+){1,4}?(?:из|с|со)(?!\w)"
              r"|(?<=\bоб\s)(?:отход|отступлени)[еия]?\s+(?:[\w'-]+\s+){1,4}?(?:из|с|со)(?!\w)",
              Stance.LEFT, True, "Военкоры сообщают о выходе подразделений ВСУ из района села."),
    Predicate(r"оставил\w*|оставлен\w*|сдал[иао]?(?!\w)|сдан[аоы]?(?!\w)", Stance.LEFT, True,
              "После недели боев ВСУ оставили село."),
    # troops taken out by their command: "подразделения выведены из Суджи", "вывели войска из села"
    # not "выведены из строя" (put out of action: a loss)
    Predicate(r"(?:выведен[аоы]?\s+из|вывел\w*\s+(?:\w+\s+){0,2}из)(?!\w)(?!\s+стро)", Stance.LEFT, False,
              "Украинские подразделения выведены из поселка."),
    # Ukrainian: taking ground
    Predicate(r"(?:взял\w*|взяли|взято|встановил\w*|встановлено|перейшл\w*|перейшов)\s+"
              r"(?:повний\s+)?(?:під\s+)?контрол\w*", Stance.TOOK, False,
              "Українські військові взяли під контроль позиції в селі."),
    Predicate(r"звільн(?:ил\w*|ив|ено|ені|ити|яють)|(?<!за\s)звільненн\w*", Stance.TOOK, False,
              "Сили оборони звільнили село від окупантів."),
    Predicate(r"захопил\w*|захоплен\w*|захопити|захопле\w*", Stance.TOOK, True,
              "Росіяни захопили кілька населених пунктів."),
    Predicate(r"закріпил\w*\s+(?:в|на|у)(?!\w)", Stance.HOLDS, True, "Бійці закріпилися в селі."),
    # a side's flag raised over a place: "над адміністрацією селища піднято український прапор"
    Predicate(r"(?:піднят\w*|підняли|підняв|встановил\w*|встановлен\w*|встановили)\s+"
              r"(?:український\s+|українськ\w+\s+|російськ\w+\s+|державн\w+\s+)прапор\w*"
              r"|(?:піднят\w*|підняли|підняв)\s+прапор\w*\s+(?:україни|росії|рф)",
              Stance.TOOK, False, "Над селищем піднято український прапор, повідомив командир."),
    # "окупували Свердликове": the act of taking ("окупована Суджа" is a noun's adjective)
    Predicate(r"окупува(?:в|ла|ли|ти)(?!\w)|оккупировал[аио]?(?!\w)", Stance.TOOK, True,
              "Росіяни окупували село після тижня боїв."),
    Predicate(r"зайнял\w*|зайняли|зайнято", Stance.TOOK, True, "Бійці зайняли селище."),
    # "повідомлення про взяття Суджі" (the noun of "взяли"), "оволоділи селом"
    Predicate(r"взятт(?:я|ю|ям)(?!\w)(?!\s+(?:під|в)\s)|оволоді(?:ли|в|ла|ння|нні)(?!\w)", Stance.TOOK, True,
              "Генштаб повідомив про взяття селища."),
    Predicate(r"(?:увійшл\w*|увійти|зайшл\w*|вдерл\w*)\s+(?:в|у|до)", Stance.TOOK, True,
              "Штурмовики могли увійти в населений пункт."),
    Predicate(r"просунул\w*(?:\s+на)?|просуванн\w*\s+на\s+[\d.,–-]+", Stance.TOOK, True,
              "Сили оборони просунулися на 5 км вглиб області."),
    Predicate(r"витіснил\w*|вибили|витіснен\w*", Stance.TOOK, True, "Окупанти витіснили наших бійців з села."),
    # the passive and the singular, as the Russian row has them: "Окупантів вибито з села", "вибиті з"
    Predicate(r"вибит[оіа]?(?!\w)|вибив|вибила", Stance.TOOK, True, "Окупантів вибито з села, повідомив Генштаб."),
    # "відбили Лебедівку" (won back); not "відбили атаку" (repelled an attack)
    Predicate(r"(?:відбил[иао]?|відбив)(?:\s+(?:у|в)\s+(?:ворога|противника|окупантів|зсу|росіян))?(?!\w)(?!(?:\s+\S+){0,2}\s+(?:атак|контратак|штурм|спроб|наступ|натиск))",
              Stance.TOOK, True, "Бійці відбили у ворога село."),
    Predicate(r"(?:створ\w*|утвор\w*|созда\w*|созд\w*|організ\w*|организ\w*)\s+(?:[\w'-]+\s+){0,3}комендатур\w*",
              Stance.HOLDS, False,
              "Україна створила військову комендатуру в місті."),
    # Ukrainian: holding ground
    # "позиції … військові продовжують їх контролювати": the pronoun stands for the ground named before
    Predicate(r"(?:продовжу\w*|продолжа\w*)\s+(?:їх|их)\s+(?:контрол\w*|утриму\w*|удержива\w*)", Stance.HOLDS, False,
              "Утримувати позиції важко, але військові продовжують їх контролювати."),
    Predicate(r"контролю\w*|під\s+(?:повним\s+)?(?:\w+\s+)?контрол\w*|контрол\w*\s+над", Stance.HOLDS, True,
              "Сили оборони контролюють дві вулиці в селищі."),
    # not the initiative: "Ми утримуємо ініціативу на цьому напрямку"
    Predicate(r"утриму\w*(?!\s+ініціатив)|тримають\s+оборону|займають\s+(?:\w+\s*){0,2}позиції", Stance.HOLDS, False,
              "Війська утримують позиції на півночі області."),
    Predicate(r"в\s+руках|у\s+руках", Stance.HOLDS, False, "Місто в руках у противника."),
    Predicate(r"трима(?:ємо|ють|є|ли|в)\s+(?:позиції|плацдарм\w*|рубежі)", Stance.HOLDS, False,
              "«Ми тримаємо плацдарм на Курщині», — сказав командир."),
    # Ukrainian: leaving ground
    Predicate(r"відступ\w*|відійшл\w*|відход\w*|(?:вийшл\w*|вийшов|вихід\w*)\s+(?:\w+\s+){0,3}(?:з|із)\b"
              r"|залишил[иа]?(?!\w)", Stance.LEFT, False, "Українські підрозділи вийшли з села."),
    # the noun "відхід" (the verb's forms are above): "підтвердив відхід українських підрозділів з …"
    Predicate(r"відхід\s+(?:[\w'-]+\s+){0,4}?(?:з|із|зі)(?!\w)", Stance.LEFT, True,
              "Генштаб підтвердив відхід українських підрозділів з селища."),
    Predicate(r"покинул[иао]?(?!\w)|покинув|здал[иао]?(?!\w)|здан[аоі]?(?!\w)", Stance.LEFT, True,
              "Після тижня боїв окупанти покинули село."),
    Predicate(r"(?:виведен[аоі]?\s+|вивел[иао]?\s+(?:\w+\s+){0,2}|вивів\s+(?:\w+\s+){0,2})(?:з|із)(?!\w)(?!\s+ладу)",
              Stance.LEFT, False, "Українські підрозділи виведені з селища."),
)

#: Nouns of ground: after a predicate that ``needs_ground`` they make it a claim about ground.
GROUND_NOUNS = (
    r"villages?|settlements?|towns?|localit(?:y|ies)|hamlets?|territor(?:y|ies)|land|lands|square|sq\b|km\b"
    r"|kilomet\w+|miles?|region|oblast"
    # a share of ground, not of a counted force: "lost half of the 11,000 North Koreans it deployed"
    r"|(?:part|portion|half)\s+of(?!\s+(?:the\s+|its\s+|their\s+|his\s+)?(?:estimated\s+)?\d)|areas?|footholds?|positions?|city"
    r"|checkpoint|outskirts|sliver|chunk|pocket|swath|strip|streets?|footholds?|salients?|bridgeheads?|enclaves?"
    # part of a town held: "удерживает несколько домов на окраине", "тримають околиці", "holds several houses"
    r"|houses|buildings|blocks|окраин\w*|околиц\w*|домов|дома\b|будинк\w*|квартал(?:ы|ов|і|ів)?\b"
    r"|(?<!their\s)(?<!its\s)ground\b|улиц\w*|вулиц\w*"
    r"|населенн\w+\s+пункт\w*|сел[оаеіу]\b|сел\b|сел(?:ом|ами|ах)|деревн\w*|поселок\w*|поселк\w*|хутор\w*"
    r"|город\w*|территори\w*|км\b|кв\.|километр\w*|позици\w*|рубеж\w*|област\w*|район\w*|част\w*\s+"
    r"|вглубь|плацдарм\w*|населен\w+\s+пункт\w*|селищ\w*|міст[оа]\w*|територі\w*|позиці\w*|вглиб"
    # an area: "около 6% изначально занятой площади", "площа, яку контролюють"
    r"|площад(?:ь|и|ью)\b|площ[аіу]\b"
)

#: Words before a predicate that make it an aim, an attempt or a denial rather than a claim.
BLOCKERS = (
    r"attempt\w*\s+to|tr(?:y|ied|ies|ying)\s+to|fail\w*\s+to|seek\w*\s+to|sought\s+to|aim\w*\s+(?:to|at)"
    r"|plan\w*\s+to|intend\w*\s+to|bid\s+to|efforts?\s+to|in\s+order\s+to|order\w*\s+(?:\w+\s+){1,3}to|goal\s+of"
    r"|would|will|could|should|must|cannot|can't|did\s+not|didn't|has\s+not|have\s+not|hasn't|haven't|never"
    r"|no\s+longer|vow\w*\s+to|promis\w*\s+to|threat\w*\s+to|wants?\s+to|hop(?:e|es|ed|ing)\s+to"
    r"|fight\w*\s+to|struggl\w*\s+to|battl\w*\s+to|unlikely|can|may|might|ability\s+to|unable\s+to"
    r"|in\s+a\s+position\s+to"
    # a condition or a forecast: "if Ukraine withdraws from X", "analysts expect Russia to retake X"
    r"|if|unless|expect\w*\s+(?:[\w'’-]+\s+){0,3}to|likely\s+to|если|якщо|ожида\w+|очіку\w+"
    r"|попыт\w+|пыта\w+|намер\w+|планиру\w+|чтобы|стрем\w+|хотят|не\s+удалось|не\s+смогл\w*"
    r"|спроб\w+|намага\w+|щоб|не\s+змогл\w*|не\s+вдалося|планують|хочуть"
    # the future: "в ближайшее время будет освобождена и Суджа", "незабаром буде звільнено"
    r"|будет|будут|буде|будуть"
    # a noun of an aim or a threat before the event's noun: "угроза захвата Суджи", "план
    # освобождения", "загроза захоплення"
    r"|угроз\w*|загроз\w*|риск\w*|ризик\w*|опасност\w*|небезпек\w*|план(?:а|ы|ов|ом|у|и|ів)?|целью|метою"
    r"|threat\w*\s+of|risks?\s+of|danger\s+of|prospects?\s+of|attempt\w*\s+(?:at|of)|plans?\s+(?:for|of)"
    # a fear is no report: "Kyiv fears the fall of Sudzha", "в Киеве опасаются захвата Суджи"
    r"|fear\w*|опаса\w*|боятся|боится|боїться|бояться|побою\w*"
    # a preparation: "войска готовятся к захвату Суджи", "preparing for the capture of"
    r"|подготовк\w*|підготовк\w*|готовят\w*|готовит\w*|готують\w*|готуєть\w*|prepar\w*\s+(?:for|to)"
    # an operation's aim: "pressed a counteroffensive to push Ukrainian troops out of the region",
    # "launched an operation to retake", "a drive to recapture"
    r"|(?:counter-?)?offensives?\s+to|operations?\s+to|campaign\s+to|mission\s+to|drive\s+to|push\s+to"
    r"|(?:counter-?)?attacks?\s+to|assaults?\s+to|orders?\s+to|tasked\s+with"
    # a possibility before the event's noun: "discussed a possible withdrawal of troops from …"
    r"|possible|potential|возможн(?:ый|ого|ом|ое|ая|ой|ую)|можлив(?:ий|ого|ому|е|а|у|ої|ий)"
)

#: Heads of a subject that is no side: civilians who leave or return to a village, and a
#: situation or a fire "under control", make no control claim ("Гражданское население
#: покинуло Суджу", "Цивільні мешканці покинули село", "the situation is under control").
NOT_A_SIDE = (
    r"residents?|civilians?|population|refugees|evacuees|families|journalists|locals|situation|fire"
    r"|жител\w*|население|мирн\w*|беженц\w*|гражданск\w*|семь[ия]|семей|ситуаци\w*|пожар\w*"
    r"|мешкан\w*|населення|цивільн\w*|біженц\w*|родин[иа]?|ситуаці\w*"
    # deminers clear land of mines, not of a side: "Sappers have cleared 20 hectares near X of mines"
    r"|sappers|deminers|de-miners|сапер\w*|пиротехник\w*|піротехнік\w*"
)

#: Back-references to the ground of an earlier claim ("these settlements", "этих населенных пунктов").
ANAPHORA = (
    r"th(?:ese|ose)\s+(?:villages|settlements|localities)|the\s+(?:village|settlement|town)\b(?!\s+of)"
    r"|эт(?:их|и|ого|от|ом)\s+населенн\w+\s+пункт\w*|ц(?:их|і|ього|ей)\s+населен\w+\s+пункт\w*"
)

#: Words right before a predicate that deny it: "did not", "не освобождены", "не звільнили".
NEGATION = r"(?:\bnot|n't|\bне|\bні)\s+$"

#: Positions or lines held that name no ground: "We hold our positions", "Мы удерживаем позиции",
#: "Ми утримуємо свої рубежі". GOLD.md: control is about named ground, so such a statement is a
#: claim only when its sentence names a settlement or the region (``NAMED_AREA``).
UNNAMED_POSITIONS = (r"\s*(?:(?:our|their|its|the|all|свои|наши|все|свої|наші|всі)\s+)?"
                     r"(?:positions?|lines?|defen[cs]es?|позици\w*|позиці\w*|рубеж\w*|оборон\w*)(?!\w)")
#: Words that name the area a position lies in: the oblast, a district, a bridgehead, or a
#: settlement named before ("позиції в селищі", "positions in the village").
NAMED_AREA = (r"kursk|oblast|region|district|bridgehead|salient|курск|курськ|курщин|област|регион|район"
              r"|плацдарм|выступ|виступ|(?<!\w)(?:villages?|towns?|settlements?|city|сел[оаеіу]\b|селищ|поселк"
              r"|поселок|город|міст[оіа]|деревн|хутор|населен\w+\s+пункт)")

#: The stems of an advance: gained ground in depth is control ("advanced 30 km into the region"),
#: one near or towards a place is not (GOLD.md: "продвинулись на 2 км у Суджи").
#: (A push is an advance only by a distance: "pushed Ukrainian troops out of X" is not one.)
ADVANCE = (r"advanc|penetrat|продвин|продвиж|просун|просуван"
           r"|push\w*\s+(?:\d|up\s+to|at\s+least|about|some|around|nearly|almost|more\s+than|over|deep)")
#: Where an advance is near or towards a place rather than into it, the place right after.
NEAR_A_PLACE = (r"(?<!\w)(?:near|towards?|outside|around|close\s+to|in\s+the\s+(?:area|vicinity|direction)\s+of"
                r"|у|под|около|возле|вблизи|біля|поблизу|під|навколо|в\s+районе|в\s+сторону|в\s+направлении"
                r"|[ув]\s+районі|[ув]\s+напрямку|[ув]\s+бік)\s+(?:(?:the\s+)?(?:village|town|settlement)\s+of\s+"
                r"|(?:села|поселка|города|села|селища|міста)\s+)?$")
#: Words that take an advance into the ground: "advanced 2 km into the village", "вглубь".
INTO_GROUND = r"(?<!\w)(?:into|inside|deep|deeper|вглубь|вглиб|углиб)(?!\w)"

#: A share right after a predicate: "под контролем ВСУ остается менее 10% от ранее захваченной ими
#: территории", "controls less than 10 percent of the territory it captured". The ground it is a
#: share of may lie further on in the clause than other ground (``GROUND_NOUNS``).
SHARE = (r"(?:[\w'-]+\s+){0,4}?(?:(?:less\s+than|more\s+than|about|around|some|only|just|under|over|nearly|almost"
         r"|менее|менш\s+ніж|меньше|более|около|лишь|всего|почти|близько|майже|лише|понад)\s+)*"
         r"\d[\d.,]*\s*(?:%|percent|per\s+cent|процент\w*|відсот\w*)")
#: How many words after the share its ground may lie.
SHARE_GROUND_WORDS = 8

#: Words after a predicate that end the search for its ground: a preposition (the place of
#: the act, not what was taken), or people and things ("captured 40 soldiers", "lost tanks").
NOT_GROUND = (
    r"in|near|at|during|since|after|before|on|by|with|for|to|into|amid|as|while|and|but|that"
    r"|в|во|на|у|под|около|возле|после|до|при|за|для|от|и|а|но|что|під|біля|поблизу|після|та|і|що"
    r"|lives?|contact|power|prisoners?|soldiers?|troops|servicem[ae]n|civilians?|people|equipment|tanks?"
    r"|vehicles?|drones?|weapons?|part\b(?!\s+of)|place|photos?|images?|video|пленн\w*|полон\w*"
    r"|военн\w*|солдат\w*|військов\w*|техник\w*|техні\w*"
    # contact lost is no ground lost: "потеряли связь с Суджей", "втратили зв'язок із селом"
    r"|связ\w*|зв'яз\w*|контакт\w*"
)

#: Words before a participle that make it describe a noun rather than state a claim:
#: "the currently held territories", "any recaptured territory".
ATTRIBUTIVE = (r"(?<!\w)(?:(?:the|its|their|these|those|any|all)\s+(?:(?:newly|recently|currently|previously|once)\s+)?"
               # an adverb alone only after a preposition or a comma: "of recently seized land",
               # "Sudzha, once held by Ukraine"; not after the side ("Russian forces recently seized X")
               r"|(?:[,(]\s*|\b(?:of|in|from|on|at|to|for|with|and)\s+)(?:recently|currently|previously|once)\s+"
               r"|newly\s+)$")

#: Literal stems one of which every predicate above contains (folded text). A sentence with
#: none of them holds no control statement, so the predicate patterns are not tried on it
#: (one automaton pass over the document instead of two alternations per sentence). A test
#: checks that every predicate's example contains a stem; the stems may be loose ("tak",
#: "los"): a false hit only costs the pattern scan it would have cost anyway.
ANCHORS: tuple[str, ...] = (
    # English
    "control", "liberat", "captur", "took", "tak", "seiz", "reclaim", "gain", "won back", "returned", "clear",
    "maintain",
    "enter", "advanc", "push", "penetrat", "invad", "hold", "held", "occup", "inside", "hands", "withdr",
    "pull", "retreat", "broke", "expelled", "ousted", "driv", "drove", "forc", "lost", "los", "abandon", "surrend",
    "leave", "fall of", "fallen", "fell to", "back from", "pullout", "pull-out", "flag",
    # a clearing, a foothold, ground no longer held, a flag flying (accu9)
    "mop", "foothold", "dug in", "no longer", "больше не", "більше не", "майорит", "майоріє", "майорять", "майорів",
    "майоріл", "развева", "реет", "реют",
    # an area figure, in any language: "square miles", "sq km", "km²", "кв. км", "квадратних"
    "square", "sq", "km²", "км²", "кв", "квадратн",
    # Russian
    "контрол", "освобо", "захват", "заня", "вош", "зашли", "ворвал", "продви", "вторгл", "выби", "вытесн",
    "выдавил", "зачист", "зачищ", "удерж", "руках", "отступ", "отош", "отвел", "покинул", "вышл", "вышел",
    "выход", "отход", "выдавлен", "утратил", "потерял", "втратил", "втратив", "флаг", "оставил", "оставлен", "сдал", "сдан", "взял", "взят", "закрепил", "отбил", "выведен", "вывел", "очист", "очищ",
    # Ukrainian
    "звільн", "захоп", "зайня", "увійш", "увійт", "зайшл", "вдерл", "просун", "просуван", "витісн", "вибили", "вибит", "вибив", "вибила",
    "комендатур", "утриму", "тримают", "займают", "відступ", "відійшл", "відход", "вийшл", "вийшов", "вихід",
    "овладе", "взятт", "оволоді", "відхід", "прапор",
    "залишил", "покинув", "здал", "здан", "закріпил", "окупува", "оккупировал", "відбил", "відбив", "виведен", "продовжу", "продолжа",
    "вивел", "вивів", "держим", "держат", "держит", "держал", "трима",
)
