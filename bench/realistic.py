"""Write N real-size synthetic news articles (2-8 KB, mean about 4 KB) in English, Russian and Ukrainian.

    python bench/realistic.py OUT_DIR N [--seed 1]

``bench/synthetic.py`` writes 0.7 KB articles of 75 words; real reporting is 2-8 KB, and
geo's cost per KB was 4x higher on real-size text (issue 14). The articles here are built
from sentence templates and the shipped gazetteer's names, never from dev texts, with the
density of the dev set's reporting: about 2.6 named settlements and 3 claims per KB
(losses, deployments, control of ground) with a claimant, a figure and a place, quotations
in the language's own quotation marks, background paragraphs without a claim, and page
chrome at the head (navigation, masthead, section label, byline, dateline, reading time)
and at the tail (photo captions, a newsletter box, "Read more" teasers, a copyright line).

Languages alternate en, ru, uk (the dev set is half English). Russian and Ukrainian
slots take a case form made by a crude rule, enough for the matcher to do real work.
Deterministic for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from geo.gazetteer import load_gazetteer
from geo.model import Place

__all__ = ["LANGUAGES", "article_text", "write_corpus"]

LANGUAGES = ("en", "ru", "uk")

# --- English -------------------------------------------------------------------------------

EN_CLAIMANTS = ("Zelensky", "Ukraine's General Staff", "Russia's Defence Ministry", "the Pentagon",
                "John Kirby", "South Korea's National Intelligence Service", "the GUR",
                "Oleksandr Syrskyi", "the regional governor", "the Institute for the Study of War")
EN_FIGURES = ("{n}", "up to {n}", "more than {n}", "about {n}", "at least {n}", "some {n}",
              "{n}-{m}", "nearly {n}")
EN_CLAIMS = (
    "{who} said {fig} North Korean soldiers had been killed in fighting near {a}.",
    "According to {who}, {fig} Russian troops were wounded during assaults on {a} and {b}.",
    "{who} estimated that {fig} soldiers had been deployed to the Kursk region, mostly around {a}.",
    "At least {n} Ukrainian servicemen were taken prisoner near {a}, {who} said on Telegram.",
    "Russian forces lost {fig} personnel near {a} over the past day, {who} said.",
    "{who} said Russian units had recaptured {a} and were advancing towards {b}.",
    "Ukrainian forces still control parts of {a}, {who} said in its daily update.",
    "{who} reported that {fig} civilians were wounded when drones struck {a} on {day}.",
    "{fig} troops went missing after a failed assault on {a}, according to {who}.",
    "Russian troops have liberated the settlement of {a} in the {district}, {who} reported.",
    "{who} claimed that Ukrainian units had advanced up to {km} kilometres north of {a}.",
)
EN_QUOTES = (
    "\u201cWe lost about {n} people near {a} in a single week,\u201d a Ukrainian commander told reporters.",
    "\u201cThe enemy is suffering heavy losses near {a} and {b},\u201d {who} said in a statement.",
    "\u201cOur units hold their positions around {a}; the situation is difficult but under control,\u201d "
    "{who} told journalists on {day}.",
    "\u201cThey keep sending small groups towards {a}, and most of them never come back,\u201d "
    "said a drone operator who gave only his call sign.",
)
EN_BACKGROUND = (
    "The claims could not be independently verified.",
    "Fighting in the area has intensified since the summer, analysts said.",
    "Residents described hearing explosions throughout the night.",
    "The ministry did not respond to a request for comment.",
    "Ukraine launched its cross-border incursion into the Kursk region in August 2024.",
    "Neither side discloses its own losses, and both are accused of inflating the other's.",
    "Evacuees from {a} were housed in temporary shelters in Kursk and Kurchatov.",
    "The road between {a} and {b} has been under drone fire for weeks, local officials said.",
    "Satellite images published by independent analysts showed damaged buildings in {a}.",
    "Western officials say the deployment marks a new stage in military cooperation between "
    "Moscow and Pyongyang.",
)
EN_HEADLINES = (
    "Fighting continues near {a} as Kyiv and Moscow trade claims",
    "North Korean troops suffer heavy losses in Russia's Kursk region, officials say",
    "Russia says it recaptured {a}; Ukraine disputes the claim",
    "Drone strikes hit {a} as battle for Kursk border area grinds on",
)
EN_HEAD_CHROME = ("Skip to content", "The Northern Ledger", "WORLD NEWS", "Share this article",
                  "Menu Search", "Home / News / Europe")
EN_TAIL_CHROME = (
    "Photo: Destroyed houses in {a}. (Ivan Petrov/AFP via Getty Images)",
    "Subscribe to our newsletter\nEnter your email\n* indicates required\nSubscribe",
    "Read more\nMoscow and Kyiv trade blame over stalled prisoner exchange\n"
    "Officials on both sides said talks would resume next week.\nAdvertisement",
    "Follow us on Telegram",
    "\u00a9 2025 The Northern Ledger. All rights reserved.",
)
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# --- Russian -------------------------------------------------------------------------------

RU_CLAIMANTS = (("Минобороны России", "Минобороны России"), ("Генштаб ВСУ", "Генштаба ВСУ"),
                ("Зеленский", "Зеленского"), ("губернатор Курской области", "губернатора Курской области"),
                ("командующий группировкой «Север»", "командующего группировкой «Север»"))
RU_FIGURES = ("{n}", "более {n}", "около {n}", "до {n}", "не менее {n}", "свыше {n}")
RU_CLAIMS = (
    "{who} заявил, что в районе {a_gen} погибли {fig} военнослужащих противника.",
    "По данным {who_gen}, под {a_ins} уничтожены {fig} солдат ВСУ и {n} единиц техники.",
    "В {a_loc} ранены {fig} мирных жителей, сообщил {who}.",
    "Около {n} военных пропали без вести у {a_gen}, сообщил {who}.",
    "{who} сообщил об освобождении населённого пункта {a} в {district_loc}.",
    "По словам {who_gen}, в Курскую область переброшены {fig} военнослужащих КНДР.",
    "Российские подразделения продвинулись на {km} км в направлении {a_gen}, заявил {who}.",
    "За сутки ВСУ потеряли {fig} человек в районе {a_gen} и {b_gen}, сообщает {who}.",
    "В плен у {a_gen} сдались {n} украинских военных, сообщил {who}.",
)
RU_QUOTES = (
    "«Противник несёт значительные потери под {a_ins} и отступает», — говорится в сообщении.",
    "«Ситуация в {a_loc} остаётся сложной, но контролируемой», — сказал {who} журналистам.",
    "«Мы потеряли около {n} человек за неделю боёв у {a_gen}», — рассказал командир роты.",
)
RU_BACKGROUND = (
    "Эти данные невозможно проверить независимо.",
    "Жители сообщили о взрывах в течение всей ночи.",
    "В ведомстве ситуацию не прокомментировали.",
    "Украинские войска вошли в Курскую область в августе 2024 года.",
    "Жителей {a_gen} эвакуировали в пункты временного размещения в Курске.",
    "Дорога между {a_ins} и {b_ins} несколько недель находится под обстрелами дронов.",
    "Ни одна из сторон не раскрывает собственных потерь.",
)
RU_HEADLINES = ("Бои в Курской области: ситуация у {a_gen}", "Минобороны сообщило об освобождении {a_gen}",
                "Под {a_ins} продолжаются ожесточённые бои")
RU_HEAD_CHROME = ("Перейти к содержанию", "Главная > Новости > Политика", "ЛЕНТА НОВОСТЕЙ", "Поделиться")
RU_TAIL_CHROME = (
    "Фото: разрушенные дома в {a_loc}. (Иван Петров/ТАСС)",
    "Подписывайтесь на наш канал в Telegram",
    "Читайте также\nВ Курской области восстановили подачу электричества\n"
    "Работы завершены в большинстве районов.\nРеклама",
    "© 2025 Все права защищены.",
)
RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
             "октября", "ноября", "декабря")

# --- Ukrainian -----------------------------------------------------------------------------

UK_CLAIMANTS = (("Генштаб ЗСУ", "Генштабу ЗСУ"), ("Зеленський", "Зеленського"),
                ("Олександр Сирський", "Олександра Сирського"), ("ГУР", "ГУР"))
UK_FIGURES = ("{n}", "понад {n}", "близько {n}", "до {n}", "щонайменше {n}")
UK_CLAIMS = (
    "{who} заявив, що в районі {a_gen} загинули {fig} північнокорейських військових.",
    "За даними {who_gen}, біля {a_gen} знищено {fig} російських окупантів.",
    "У {a_loc} поранено {fig} цивільних, повідомив {who}.",
    "Сили оборони звільнили {a} та просунулися на {km} км, заявив {who}.",
    "За словами {who_gen}, до Курської області перекинули {fig} військових КНДР.",
    "Протягом доби біля {a_gen} у полон потрапили {n} російських військових, повідомляє {who}.",
    "Росіяни втратили {fig} осіб у боях за {a} і {b}, йдеться у зведенні {who_gen}.",
)
UK_QUOTES = (
    "«Противник зазнає значних втрат під {a_ins}», — йдеться у повідомленні.",
    "«Ситуація біля {a_gen} складна, але контрольована», — сказав {who} журналістам.",
)
UK_BACKGROUND = (
    "Ці дані неможливо незалежно перевірити.",
    "Мешканці повідомляли про вибухи протягом усієї ночі.",
    "Українські війська зайшли в Курську область у серпні 2024 року.",
    "Жителів {a_gen} евакуювали до Курська.",
    "Жодна зі сторін не розкриває власних втрат.",
)
UK_HEADLINES = ("Бої на Курщині: ситуація біля {a_gen}", "ЗСУ просунулися в районі {a_gen}, — ISW")
UK_HEAD_CHROME = ("Перейти до вмісту", "Головна > Новини > Війна", "СТРІЧКА НОВИН", "Поділитися")
UK_TAIL_CHROME = (
    "Фото: зруйновані будинки в {a_loc}. (Іван Петренко/Укрінформ)",
    "Підписуйтесь на наш канал у Telegram",
    "Читайте також\nУ Києві відбулася зустріч з партнерами\nДеталі згодом.\nРеклама",
    "© 2025 Усі права захищені.",
)
UK_MONTHS = ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
             "жовтня", "листопада", "грудня")

# Crude case endings for the Russian and Ukrainian slots: (ending, genitive, instrumental, locative).
_RU_CASES = (("ка", "ки", "кой", "ке"), ("ово", "ова", "овом", "ове"), ("ево", "ева", "евом", "еве"),
             ("ино", "ина", "иным", "ине"), ("ое", "ого", "ым", "ом"), ("ий", "ого", "им", "ом"),
             ("ый", "ого", "ым", "ом"), ("на", "ны", "ной", "не"))
_UK_CASES = (("ка", "ки", "кою", "ці"), ("ово", "ового", "овим", "овому"),
             ("ове", "ового", "овим", "овому"), ("е", "ого", "им", "ому"))


@dataclass(frozen=True)
class _Forms:
    """A place name in the four slots the templates use."""

    nom: str
    gen: str
    ins: str
    loc: str


def _inflect(name: str, table: tuple[tuple[str, str, str, str], ...]) -> _Forms:
    """Case forms by the first ending of ``table`` that fits; undeclined otherwise."""
    for ending, gen, ins, loc in table:
        if name.endswith(ending) and " " not in name:
            stem = name[: -len(ending)]
            return _Forms(name, stem + gen, stem + ins, stem + loc)
    return _Forms(name, name, name, name)


def _ukrainian(name: str) -> str:
    """A Ukrainian-looking spelling of a Russian name (-ово → -ове, и → и/і, ы → и)."""
    text = name.replace("ы", "и").replace("Ы", "И").replace("э", "е")
    if text.endswith("ое"):
        text = text[:-2] + "е"
    elif text.endswith("ово"):
        text = text[:-1] + "е"
    return text


#: The districts along the border, where most reported fighting was; three names in four come
#: from them, as in the dev set's reporting (the rest from anywhere in the oblast).
FRONT_DISTRICTS = frozenset({"Sudzhansky District", "Korenevsky District", "Glushkovsky District",
                             "Rylsky District", "Belovsky District", "Bolshesoldatsky District",
                             "Lgovsky District", "Kurchatovsky District"})


def _pick(rng: random.Random, places: list[Place]) -> Place:
    """A place: three times in four from the front-line districts."""
    if rng.random() < 0.75:
        while (place := rng.choice(places)).admin2 not in FRONT_DISTRICTS:
            pass
        return place
    return rng.choice(places)


def _slots(lang: str, rng: random.Random, places: list[Place]) -> dict[str, str]:
    """Values for every template slot of ``lang``: places, claimant, figure, numbers, date."""
    a, b = _pick(rng, places), _pick(rng, places)
    n = rng.choice((2, 3, 7, 12, 30, 45, 150, 200, 400, 1200, 3000, 11000))
    slots = {"n": f"{n:,}" if lang == "en" else f"{n:,}".replace(",", " "), "km": str(rng.randint(1, 15)),
             "m": f"{n * 2:,}", "district": f"{a.admin2 or 'Kursk region'}"}
    if lang == "en":
        slots.update(a=a.name, b=b.name, who=rng.choice(EN_CLAIMANTS), day=rng.choice(EN_DAYS))
        slots["fig"] = rng.choice(EN_FIGURES).format(n=slots["n"], m=slots["m"])
        return slots
    table = _RU_CASES if lang == "ru" else _UK_CASES
    fa = _inflect(a.name_local if lang == "ru" else _ukrainian(a.name_local), table)
    fb = _inflect(b.name_local if lang == "ru" else _ukrainian(b.name_local), table)
    who, who_gen = rng.choice(RU_CLAIMANTS if lang == "ru" else UK_CLAIMANTS)
    figures = RU_FIGURES if lang == "ru" else UK_FIGURES
    slots.update(a=fa.nom, a_gen=fa.gen, a_ins=fa.ins, a_loc=fa.loc, b=fb.nom, b_gen=fb.gen,
                 b_ins=fb.ins, who=who, who_gen=who_gen, fig=rng.choice(figures).format(n=slots["n"]),
                 district_loc="Суджанском районе" if lang == "ru" else "Суджанському районі")
    return slots


@dataclass(frozen=True)
class _Language:
    """The templates of one language."""

    claims: tuple[str, ...]
    quotes: tuple[str, ...]
    background: tuple[str, ...]
    headlines: tuple[str, ...]
    head_chrome: tuple[str, ...]
    tail_chrome: tuple[str, ...]


_TEMPLATES = {
    "en": _Language(EN_CLAIMS, EN_QUOTES, EN_BACKGROUND, EN_HEADLINES, EN_HEAD_CHROME, EN_TAIL_CHROME),
    "ru": _Language(RU_CLAIMS, RU_QUOTES, RU_BACKGROUND, RU_HEADLINES, RU_HEAD_CHROME, RU_TAIL_CHROME),
    "uk": _Language(UK_CLAIMS, UK_QUOTES, UK_BACKGROUND, UK_HEADLINES, UK_HEAD_CHROME, UK_TAIL_CHROME),
}


def _dateline(lang: str, rng: random.Random) -> str:
    """A byline or date line as saved pages print it."""
    day, month, hour = rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 23)
    if lang == "en":
        return rng.choice((f"By Jane Morris, The Northern Ledger\n{EN_MONTHS[month - 1]} {day}, 2025 "
                           f"{hour % 12 + 1}:{rng.randint(10, 59)} PM\n4 min read",
                           f"KYIV, {EN_MONTHS[month - 1][:3]}. {day}, 2025 \u2014"))
    months = RU_MONTHS if lang == "ru" else UK_MONTHS
    return f"{day} {months[month - 1]} 2025, {hour:02d}:{rng.randint(10, 59)}"


def article_text(lang: str, rng: random.Random, places: list[Place]) -> str:
    """One article of ``lang``: head chrome, headline, dateline, body to a drawn size, tail chrome."""
    t = _TEMPLATES[lang]
    target = rng.triangular(2000, 8000, 2200)  # bytes; mean about 4 KB
    head = rng.sample(t.head_chrome, rng.randint(0, 3))
    parts = [*head, rng.choice(t.headlines).format(**_slots(lang, rng, places)), _dateline(lang, rng)]
    size = sum(len(p.encode()) for p in parts)
    while size < target:
        sentences = []
        for _ in range(rng.randint(1, 3)):
            slots = _slots(lang, rng, places)
            roll = rng.random()
            pool = t.claims if roll < 0.5 else t.quotes if roll < 0.6 else t.background
            sentence = rng.choice(pool).format(**slots)
            sentences.append(sentence[:1].upper() + sentence[1:])
        paragraph = " ".join(sentences)
        parts.append(paragraph)
        size += len(paragraph.encode()) + 2
    tail = rng.sample(t.tail_chrome, rng.randint(0, 3))
    parts += [line.format(**_slots(lang, rng, places)) for line in tail]
    return "\n\n".join(parts) + "\n"


def write_corpus(out: Path, n: int, *, seed: int = 1, start: int = 0) -> list[Path]:
    """Write ``n`` articles into ``out`` (names from ``start``); return their paths."""
    rng = random.Random(seed * 1_000_003 + start)
    gaz = load_gazetteer()
    places = sorted((p for p in gaz.settlements if p.population >= 50), key=lambda p: p.place_id)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        lang = LANGUAGES[i % len(LANGUAGES)]
        path = out / f"{i:06d}-{lang}.txt"
        path.write_text(article_text(lang, rng, places), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    import synthetic

    synthetic.main(write_corpus, __doc__)
