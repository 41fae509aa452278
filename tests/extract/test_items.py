"""Items: splitting, quantities, Spanish-to-English labels, English clean-up, data validation."""

from __future__ import annotations

import time

import pytest

from kg.errors import DataError
from kg.extract import items as items_module
from kg.extract.items import load_item_lexicon, parse_items, spanish_forms, spanish_plural
from kg.model import Item

Q = tuple[str, int | float | None, bool]

# (id, text, [(label, quantity, approximate), ...]) — every Spanish items example of the gold
# files first (the gold gives the English), then unseen ones.
ES_CASES: list[tuple[str, str, list[Q]]] = [
    (
        "gold-seed-munitions-missiles",
        "municiones y misiles balísticos",
        [("munitions", None, False), ("ballistic missiles", None, False)],
    ),
    (
        "gold-seed-shells",
        "casi cinco millones de proyectiles de artillería",
        [("artillery shells", 5000000, True)],
    ),
    (
        "gold-seed-long-range",
        "misiles de largo alcance suministrados por Occidente",
        [("long-range missiles", None, False)],
    ),
    (
        "gold-seed-workers",
        "municiones, trabajadores de la construcción e incluso voluntarios",
        [
            ("munitions", None, False),
            ("construction workers", None, False),
            ("volunteers", None, False),
        ],
    ),
    (
        "gold-seed-products",
        "productos rusos y apoyo tecnológico",
        [("Russian products", None, False), ("technological support", None, False)],
    ),
    (
        "gold-seed-limousine",
        "una limusina rusa de lujo",
        [("Russian luxury limousine", None, False)],
    ),
    (
        "gold-es01-srbm",
        "misiles balísticos de corto alcance",
        [("short-range ballistic missiles", None, False)],
    ),
    ("gold-es01-fath", "unos 200 misiles Fath-360", [("Fath-360 missiles", 200, True)]),
    (
        "gold-es01-shahed",
        "drones Shahed de diseño iraní",
        [("Iranian-designed Shahed drones", None, False)],
    ),
    (
        "gold-es01-su35",
        "aviones de combate Su-35 y ayuda para su programa espacial",
        [("Su-35 fighter jets", None, False), ("space programme assistance", None, False)],
    ),
    (
        "gold-es01-air-defence",
        "más sistemas de defensa antiaérea",
        [("air defence systems", None, False)],
    ),
    (
        "gold-es03-tools",
        "máquinas herramienta y componentes electrónicos",
        [("machine tools", None, False), ("electronic components", None, False)],
    ),
    ("gold-es03-gas", "gas a precios muy reducidos", [("gas", None, False)]),
    (
        "gold-es04-investment",
        "nuevas inversiones en infraestructuras",
        [("infrastructure investments", None, False)],
    ),
    (
        "gold-es04-ream",
        "el uso exclusivo de la base naval de Ream",
        [("exclusive use of Ream naval base", None, False)],
    ),
    (
        "gold-es05-consultations",
        "las consultas previstas en el artículo 4",
        [("consultations", None, False)],
    ),
    (
        "gold-es06-missiles",
        "unos 200 misiles balísticos iraníes",
        [("Iranian ballistic missiles", 200, True)],
    ),
    (
        "gold-es06-funding",
        "financiación y armas",
        [("funding", None, False), ("weapons", None, False)],
    ),
    ("gold-es08-f16", "cazas F-16", [("F-16 fighter jets", None, False)]),
    (
        "gold-es08-gripen",
        "cuatro cazas Gripen de fabricación sueca",
        [("Swedish-made Gripen fighter jets", 4, False)],
    ),
    ("gold-es08-soldiers", "unos 600 soldados", [("soldiers", 600, True)]),
    (
        "gold-es09-authorisation",
        "autorización para usar misiles de largo alcance",
        [("authorisation to use long-range missiles", None, False)],
    ),
    ("gold-es09-drones", "más de 100 drones", [("drones", 100, True)]),
    (
        "gold-es09-aid",
        "decenas de miles de millones de dólares en ayuda militar",
        [("military aid", None, False)],
    ),
    (
        "gold-es10-caesar",
        "obuses autopropulsados CAESAR",
        [("CAESAR self-propelled howitzers", None, False)],
    ),
    (
        "gold-es10-bastion",
        "vehículos blindados Bastion",
        [("Bastion armoured vehicles", None, False)],
    ),
    (
        "gold-es10-radars",
        "tres radares de defensa aérea GM200",
        [("GM200 air defence radars", 3, False)],
    ),
    (
        "gold-es11-soldiers",
        "unos 11.000 soldados norcoreanos",
        [("North Korean soldiers", 11000, True)],
    ),
    (
        "gold-es11-aurus",
        "una segunda limusina Aurus de fabricación rusa",
        [("Russian-made Aurus limousine", None, False)],
    ),
    (
        "gold-es11-technology",
        "tecnología para sus satélites espía, sus submarinos y sus misiles balísticos",
        [
            ("spy satellite technology", None, False),
            ("submarine technology", None, False),
            ("ballistic missile technology", None, False),
        ],
    ),
    (
        "gold-es11-long-range-weapons",
        "armas de largo alcance",
        [("long-range weapons", None, False)],
    ),
    (
        "gold-es11-currency",
        "divisas y experiencia de combate real",
        [("foreign currency", None, False), ("real combat experience", None, False)],
    ),
    ("gold-es14-meeting", "una reunión de urgencia", [("emergency meeting", None, False)]),
    # unseen
    ("oil-gas", "petróleo y gas", [("oil", None, False), ("gas", None, False)]),
    ("lng", "gas natural licuado", [("liquefied natural gas", None, False)]),
    ("grain", "trigo y fertilizantes", [("wheat", None, False), ("fertilisers", None, False)]),
    ("humanitarian", "ayuda humanitaria", [("humanitarian aid", None, False)]),
    ("patriot", "sistemas antiaéreos Patriot", [("Patriot air defence systems", None, False)]),
    ("taurus", "misiles de crucero Taurus", [("Taurus cruise missiles", None, False)]),
    ("leopard", "tanques Leopard 2", [("Leopard 2 tanks", None, False)]),
    (
        "storm-shadow-scalp",
        "misiles Storm Shadow y SCALP",
        [("Storm Shadow missiles", None, False), ("SCALP missiles", None, False)],
    ),
    (
        "adjective-conjunct",
        "apoyo militar y financiero",
        [("military support", None, False), ("financial support", None, False)],
    ),
    ("for-complement", "piezas de repuesto para aviones", [("aircraft spare parts", None, False)]),
    ("barrels", "dos millones de barriles de petróleo", [("barrels of oil", 2000000, False)]),
    ("tonnes", "30.000 toneladas de trigo", [("tonnes of wheat", 30000, False)]),
    ("dozen", "una docena de cazas", [("fighter jets", 12, False)]),
    ("decimal", "1,5 millones de proyectiles", [("projectiles", 1500000, False)]),
    ("thousand", "dos mil soldados", [("soldiers", 2000, False)]),
    ("mil", "mil soldados", [("soldiers", 1000, False)]),
    ("twenty", "veinte drones", [("drones", 20, False)]),
    ("hundreds-vague", "cientos de drones", [("drones", None, False)]),
    ("money-bare", "más de 40.000 millones de euros", [("euros", 40000000000, True)]),
    (
        "money-valued",
        "ayuda militar por valor de 60.000 millones de dólares",
        [("military aid", None, False)],
    ),
    ("hostages", "la liberación de los rehenes", [("release of hostages", None, False)]),
    (
        "nationals",
        "el regreso de los ciudadanos indios",
        [("return of Indian nationals", None, False)],
    ),
    (
        "ifv",
        "vehículos de combate de infantería Bradley",
        [("Bradley infantry fighting vehicles", None, False)],
    ),
    ("kinzhal", "misiles hipersónicos Kinzhal", [("Kinzhal hypersonic missiles", None, False)]),
    (
        "made-in",
        "cazas F-16 de fabricación estadounidense",
        [("American-made F-16 fighter jets", None, False)],
    ),
    ("uranium", "uranio enriquecido", [("enriched uranium", None, False)]),
    ("dual-use", "bienes de doble uso", [("dual-use goods", None, False)]),
    ("security-guarantees", "garantías de seguridad", [("security guarantees", None, False)]),
    ("ceasefire", "un alto el fuego", [("ceasefire", None, False)]),
    ("recipient-cut", "armas a Ucrania", [("weapons", None, False)]),
    (
        "range-items",
        "desde drones hasta misiles",
        [("drones", None, False), ("missiles", None, False)],
    ),
    ("determiner-unos", "unos misiles", [("missiles", None, False)]),
    ("duplicates", "armas y armas", [("weapons", None, False)]),
    ("unknown-kept", "zanahorias", [("zanahorias", None, False)]),
    ("name-only", "Taurus", [("Taurus", None, False)]),
    ("empty", "", []),
    ("punctuation-only", " , y ; ", []),
]

EN_CASES: list[tuple[str, str, list[Q]]] = [
    (
        "gold-en02-components",
        "machine tools, microelectronics and other components",
        [
            ("machine tools", None, False),
            ("microelectronics", None, False),
            ("components", None, False),
        ],
    ),
    ("gold-en01-shells", "some 800,000 artillery shells", [("artillery shells", 800000, True)]),
    (
        "gold-en01-storm-shadow",
        "their own long-range Storm Shadow and SCALP missiles",
        [("long-range Storm Shadow missiles", None, False), ("SCALP missiles", None, False)],
    ),
    (
        "gold-en01-package",
        "a stalled $60 billion military aid package",
        [("stalled military aid package", None, False)],
    ),
    ("gold-en01-troops", "Western ground troops", [("Western ground troops", None, False)]),
    ("gold-en01-taurus", "Taurus cruise missiles", [("Taurus cruise missiles", None, False)]),
    (
        "gold-en02-goods",
        "the dual-use goods that keep the Russian war machine running",
        [("dual-use goods", None, False)],
    ),
    ("gold-en02-lethal", "lethal weapons", [("lethal weapons", None, False)]),
    ("gold-en03-worth", "billions of dollars' worth of weapons", [("weapons", None, False)]),
    (
        "gold-en04-return",
        "the return of dozens of Indian nationals who had been recruited",
        [("return of Indian nationals", None, False)],
    ),
    (
        "gold-en04-range",
        "weapons, from fighter jets to tanks",
        [("weapons", None, False), ("fighter jets", None, False), ("tanks", None, False)],
    ),
    ("gold-en06-cannon", "water cannon", [("water cannon", None, False)]),
    ("more-than", "more than 1,000 drones", [("drones", 1000, True)]),
    ("decimal-million", "more than 1.5 million shells", [("shells", 1500000, True)]),
    ("money-bare", "about $240 billion", [("dollars", 240000000000, True)]),
    ("recipient-cut", "humanitarian aid to Gaza", [("humanitarian aid", None, False)]),
    ("number-word", "two Patriot batteries", [("Patriot batteries", 2, False)]),
    ("dozen", "a dozen F-16 fighter jets", [("F-16 fighter jets", 12, False)]),
    ("vague", "tens of thousands of troops", [("troops", None, False)]),
    (
        "capital-common-word",
        "Weapons and ammunition",
        [("weapons", None, False), ("ammunition", None, False)],
    ),
    ("names", "HIMARS and ATACMS", [("HIMARS", None, False), ("ATACMS", None, False)]),
    (
        "as-well-as",
        "tanks as well as artillery",
        [("tanks", None, False), ("artillery", None, False)],
    ),
]


def _as_tuples(found: list[Item]) -> list[Q]:
    return [(i.label, i.quantity, i.approximate) for i in found]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in ES_CASES], ids=[c[0] for c in ES_CASES]
)
def test_items_spanish(text: str, expected: list[Q]) -> None:
    assert _as_tuples(parse_items(text, "es")) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in EN_CASES], ids=[c[0] for c in EN_CASES]
)
def test_items_english(text: str, expected: list[Q]) -> None:
    assert _as_tuples(parse_items(text, "en")) == expected


def test_items_quantities_are_ints_when_whole() -> None:
    (item,) = parse_items("unos 11.000 soldados", "es")
    assert isinstance(item.quantity, int)
    assert item.to_dict() == {"label": "soldiers", "quantity": 11000, "approximate": True}


@pytest.mark.parametrize(
    ("word", "plural"),
    [("misil", "misiles"), ("avión", "aviones"), ("dron", "drones"), ("obús", "obuses"),
     ("luz", "luces"), ("iraní", "iraníes"), ("crisis", "crisis"), ("tanque", "tanques")],
)  # fmt: skip
def test_items_spanish_plural(word: str, plural: str) -> None:
    assert spanish_plural(word) == plural


def test_items_spanish_adjective_forms() -> None:
    assert spanish_forms("alemán") == {"alemán", "alemana", "alemanes", "alemanas"}
    assert spanish_forms("militar") >= {"militar", "militares"}
    assert spanish_forms("de largo alcance") == {"de largo alcance"}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_items_lexicon_loads(lang: str) -> None:
    lex = load_item_lexicon(lang)
    assert lex.words["split"] and lex.words["determiners"]


def test_items_spanish_lexicon_is_broad() -> None:
    lex = load_item_lexicon("es")
    assert len(lex.nouns) > 400 and len(lex.adjectives) > 300 and len(lex.origins) > 300


def test_items_refuses_a_noun_without_english() -> None:
    with pytest.raises(DataError, match=r"test\.yaml: nouns: 'misil': expected an English label"):
        items_module._compile("es", {"nouns": {"misil": None}}, "test.yaml")


def test_items_refuses_booleans() -> None:
    with pytest.raises(DataError, match=r"test\.yaml: stop: True is not a word"):
        items_module._compile("en", {"stop": [True]}, "test.yaml")


def test_items_missing_language_is_a_data_error() -> None:
    with pytest.raises(DataError, match=r"lang/xx/items\.yaml"):
        parse_items("armas", "xx")


@pytest.mark.parametrize(
    "text",
    ["1" * 100_000, "y " * 50_000, ", " * 50_000, "de " * 50_000, "misiles de " * 10_000],
    ids=["digits", "coordinators", "commas", "prepositions", "nested-complements"],
)
def test_items_long_input_is_bounded(text: str) -> None:
    began = time.perf_counter()
    for lang in ("es", "en"):
        parse_items(text, lang)
    assert time.perf_counter() - began < 2.0


def test_items_money_spent_on_goods_names_the_goods() -> None:
    from datetime import date

    from kg.extract import extract
    from kg.read import read_text

    for text, lang in [
        ("Alemania ha entregado a Kiev miles de millones de euros en ayuda militar.", "es"),
        ("The United States has sent Ukraine 60 billion dollars in military aid.", "en"),
    ]:
        article = read_text(text, article_id="t", published=date(2024, 10, 3), lang=lang)
        labels = [i.label for s in extract(article) if s.relation == "supplies" for i in s.items]
        assert labels == ["military aid"], text
