"""Write N realistic synthetic articles: sentence patterns recombined with real gazetteer names.

    python bench/synthetic.py OUT_DIR N [--seed 1]

English and Russian articles alternate. Each has a headline, a byline with a date, four to
eight body paragraphs mixing claims (figures, claimants, kinds) with filler, and sometimes a
newsletter box at the end. Names come from the shipped gazetteer, so matching, resolution
and claim extraction all do real work. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from pathlib import Path

from geo.gazetteer import load_gazetteer

EN_CLAIMS = (
    "{who} said {fig} North Korean soldiers were killed near {a}.",
    "According to {who}, {fig} Russian troops were wounded in fighting around {a} and {b}.",
    "{who} estimated that {fig} soldiers had been deployed to the Kursk region.",
    "At least {n} Ukrainian servicemen were taken prisoner near {a}, {who} said on Telegram.",
    "Russian forces lost up to {n} personnel near {a} over the past day, {who} said.",
    "\"We lost about {n} people near {a},\" a commander told reporters.",
    "{who} said {fig} troops went missing after an assault on {a}.",
)
RU_CLAIMS = (
    "{who_ru} заявил, что в районе {a_gen} погибли {n} военнослужащих.",
    "По данным {who_ru_gen}, под {a_ins} уничтожены более {n} солдат противника.",
    "В {a_loc} ранены {n} мирных жителей, сообщил губернатор.",
    "Около {n} военных пропали без вести у {a_gen}, сообщил {who_ru}.",
)
EN_FILLER = (
    "The claims could not be independently verified.",
    "Fighting in the area has intensified since the summer, analysts said.",
    "Residents described hearing explosions throughout the night.",
    "The ministry did not respond to a request for comment.",
)
RU_FILLER = (
    "Эти данные невозможно проверить независимо.",
    "Жители сообщили о взрывах в течение всей ночи.",
    "В ведомстве ситуацию не прокомментировали.",
)
WHO = ("Zelensky", "the GUR", "Ukraine's General Staff", "Russia's Defence Ministry", "Pentagon officials",
       "John Kirby", "South Korea's National Intelligence Service")
WHO_RU = (("Зеленский", "Зеленского"), ("Генштаб ВСУ", "Генштаба ВСУ"), ("Минобороны России", "Минобороны России"))
FIGS = ("{n}", "up to {n}", "more than {n}", "approximately {n}", "{n}-{m}", "some {n}", "several")
CHROME = "\n\nSubscribe to our newsletter\nEnter your email\n* indicates required\nSubscribe\n"


def _inflect(name: str, case: str) -> str:
    """A crude case form for the Russian templates (enough for synthetic text)."""
    if name.endswith("ка"):
        return name[:-1] + {"gen": "и", "ins": "ой", "loc": "е"}[case]
    if name.endswith(("ово", "ево", "ино")):
        return name[:-1] + {"gen": "а", "ins": "ым", "loc": "е"}[case]
    return name


def write_corpus(out: Path, n: int, *, seed: int = 1) -> list[Path]:
    """Write ``n`` articles into ``out``; return their paths."""
    rng = random.Random(seed)
    gaz = load_gazetteer()
    places = [p for p in gaz.settlements if p.population >= 100]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        russian = i % 2 == 1
        day = 1 + i % 28
        lines = []
        for _ in range(rng.randint(4, 8)):
            a, b = rng.choice(places), rng.choice(places)
            num = rng.choice((3, 12, 30, 150, 400, 1200, 3000))
            if russian:
                who, who_gen = rng.choice(WHO_RU)
                pattern = rng.choice(RU_CLAIMS + RU_FILLER)
                lines.append(pattern.format(who_ru=who, who_ru_gen=who_gen, n=num, a_gen=_inflect(a.name_local, "gen"),
                                            a_ins=_inflect(a.name_local, "ins"), a_loc=_inflect(a.name_local, "loc")))
            else:
                fig = rng.choice(FIGS).format(n=f"{num:,}", m=f"{num * 2:,}")
                pattern = rng.choice(EN_CLAIMS + EN_FILLER)
                lines.append(pattern.format(who=rng.choice(WHO), fig=fig, n=num, a=a.name, b=b.name))
        if russian:
            head = f"Бои в Курской области\n\n{day} февраля 2025\n\n"
        else:
            head = f"Fighting continues in Russia's Kursk region\n\nBy Staff Reporter February {day}, 2025\n\n"
        text = head + "\n\n".join(lines) + (CHROME if rng.random() < 0.3 else "\n")
        path = out / f"{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(write: Callable[..., list[Path]] = write_corpus, doc: str = __doc__) -> None:
    """Command-line entry (``bench/realistic.py`` shares it with its own ``write``)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write(args.out, args.n, seed=args.seed)


if __name__ == "__main__":
    main()
