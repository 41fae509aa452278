"""Items transferred or sought: split a captured span into items, read quantities, label in English.

Spanish noun phrases are translated with the lexicon of ``lang/es/items.yaml`` (multiword nouns
first, then a head noun with its adjectives, proper names and complements: "misiles balísticos de
corto alcance" -> "short-range ballistic missiles", "unos 200 misiles Fath-360" -> 200 "Fath-360
missiles"); English spans are cleaned and kept as written. Word lists are data; this is the engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.errors import DataError
from kg.extract.langdata import check_words, load_lang_data
from kg.extract.timex import number_words
from kg.extract.tokens import fold
from kg.model import Item

_TOKEN = re.compile(r"[$€£¥]|\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
_CODE = re.compile(r"^(?=.*\d)[\w-]+$|^[A-Z]{2,}[\w-]*$")  # F-16, Su-35, GM200, HIMARS, ATACMS
_MAX_TOKENS = 60  # a captured span is short; anything longer is cut, keeping the work bounded
_NO_QUANTITY = frozenset({"un", "una", "a", "an"})  # articles, not counts


@dataclass(frozen=True)
class Noun:
    """An English translation of a Spanish noun form, and whether the form was plural."""

    singular: str
    plural: str
    is_plural: bool


@dataclass(frozen=True)
class ItemLexicon:
    """The compiled item data of one language (keys are tuples of folded words)."""

    lang: str
    data: dict[str, Any]
    nouns: dict[tuple[str, ...], Noun]
    adjectives: dict[tuple[str, ...], str]
    origins: dict[tuple[str, ...], str]  # demonyms and frames ("de fabricación rusa")
    verbs: dict[str, str]
    words: dict[str, frozenset[str]]  # folded word lists: determiners, drop, stop …
    vocabulary: frozenset[str]  # English common words (lower-cased on output)
    longest: int


def _key(text: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in _TOKEN.findall(text))


# --------------------------------------------------------------------------- Spanish inflection


def _strip_last_accent(word: str) -> str:
    for plain, accented in zip("aeiou", "áéíóú", strict=True):
        idx = word.rfind(accented)
        if idx >= len(word) - 3 and idx >= 0:
            return word[:idx] + plain + word[idx + 1 :]
    return word


def spanish_plural(word: str) -> str:
    """The plural of a Spanish noun or adjective by the regular rules.

    Examples:
        >>> [spanish_plural(w) for w in ["misil", "avión", "dron", "tanque", "obús", "iraní"]]
        ['misiles', 'aviones', 'drones', 'tanques', 'obuses', 'iraníes']
    """
    if word.endswith(("s", "x")) and not word.endswith(("ás", "és", "ís", "ós", "ús")):
        return word
    if word.endswith("z"):
        return word[:-1] + "ces"
    if word.endswith(("í", "ú")):
        return word + "es"
    if word[-1] in "aeiouáéó":
        return word + "s"
    return _strip_last_accent(word) + "es"


def spanish_forms(adjective: str) -> set[str]:
    """The gender and number forms of a Spanish adjective given in the masculine singular.

    Examples:
        >>> sorted(spanish_forms("ruso"))
        ['rusa', 'rusas', 'ruso', 'rusos']
        >>> sorted(spanish_forms("francés"))
        ['francesa', 'francesas', 'franceses', 'francés']
    """
    words = adjective.split()
    if words[0] in ("de", "del", "para", "a", "sin"):  # "de largo alcance" does not inflect
        return {adjective}
    last = words[-1]
    if last.endswith("o"):
        stems = {last, last[:-1] + "a", last + "s", last[:-1] + "as"}
    elif last.endswith(("e", "a", "í", "ú")) or last.endswith("ista"):
        stems = {last, spanish_plural(last)}
    else:  # consonant: "francés", "alemán", "militar", "español"
        plain = _strip_last_accent(last)
        stems = {last, spanish_plural(last)}
        if last.endswith(("és", "án", "ín", "ón", "ol", "or")):
            stems |= {plain + "a", plain + "as"}
    return {" ".join([*words[:-1], s]) for s in stems}


def _english_plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


# --------------------------------------------------------------------------- loading


def _split_pair(text: str) -> tuple[str, str | None]:
    sg, _, pl = str(text).partition("|")
    return sg.strip(), (pl.strip() or None)


def _nouns(table: dict[str, Any], where: str) -> dict[tuple[str, ...], Noun]:
    out: dict[tuple[str, ...], Noun] = {}
    for es, en in table.items():
        if not isinstance(en, str) or not en.strip():
            raise DataError(f"{where}: nouns: {es!r}: expected an English label, got {en!r}")
        es_sg, es_pl = _split_pair(es)
        en_sg, en_pl = _split_pair(en)
        words = es_sg.split()
        es_pl = es_pl or " ".join([spanish_plural(words[0]), *words[1:]])
        en_pl = en_pl or " ".join([*en_sg.split()[:-1], _english_plural(en_sg.split()[-1])])
        out.setdefault(_key(es_sg), Noun(en_sg, en_pl, False))
        if _key(es_pl) != _key(es_sg):
            out.setdefault(_key(es_pl), Noun(en_sg, en_pl, True))
    return out


def _inflected(table: dict[str, Any], where: str, section: str) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for es, en in (table or {}).items():
        if not isinstance(en, str):
            raise DataError(f"{where}: {section}: {es!r}: expected an English word, got {en!r}")
        for form in spanish_forms(str(es)):
            out.setdefault(_key(form), en)
    return out


def _compile(lang: str, data: dict[str, Any], where: str) -> ItemLexicon:
    check_words(data, where)
    nouns = _nouns(data.get("nouns") or {}, where)
    adjectives = _inflected(data.get("adjectives") or {}, where, "adjectives")
    origins = _inflected(data.get("demonyms") or {}, where, "demonyms")
    for frame, template in (data.get("frames") or {}).items():
        if "{}" not in str(template):
            raise DataError(f"{where}: frames: {frame!r}: the English needs a {{}} for the demonym")
        for demonym_key, demonym in list(origins.items()):
            origins[(*_key(str(frame)), *demonym_key)] = str(template).format(demonym)
    lists = ("split", "determiners", "drop", "approximators", "vague", "stop", "of", "for", "in",
             "money_before", "worth", "measures")  # fmt: skip
    words = {name: frozenset(fold(str(w)) for w in data.get(name) or []) for name in lists}
    vocabulary = {w.lower() for n in nouns.values() for w in f"{n.singular} {n.plural}".split()}
    vocabulary |= {w.lower() for v in (*adjectives.values(), *(data.get("vocabulary") or []))
                   for w in str(v).split()}  # fmt: skip
    keys = [*nouns, *adjectives, *origins]
    return ItemLexicon(
        lang=lang,
        data=data,
        nouns=nouns,
        adjectives=adjectives,
        origins=origins,
        verbs={fold(str(k)): str(v) for k, v in (data.get("verbs") or {}).items()},
        words=words,
        vocabulary=frozenset(vocabulary),
        longest=max((len(k) for k in keys), default=1),
    )


@cache
def load_item_lexicon(lang: str) -> ItemLexicon:
    """Load and compile ``lang/<lang>/items.yaml`` (cached).

    Raises:
        DataError: the file is missing or invalid.
    """
    where = f"lang/{lang}/items.yaml"
    data = dict(load_lang_data(lang, "items.yaml", required=True))
    if lang == "en" and "vocabulary" not in data:
        data["vocabulary"] = []
    return _compile(lang, data, where)


# --------------------------------------------------------------------------- tokens and quantities


@dataclass(frozen=True)
class _Tok:
    text: str
    low: str  # folded

    @property
    def is_name(self) -> bool:
        return bool(self.text[:1].isupper() or _CODE.match(self.text))


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(t, fold(t)) for t in _TOKEN.findall(text)[:_MAX_TOKENS]]


def _match(toks: list[_Tok], i: int, words: frozenset[str], longest: int = 4) -> int:
    """Length of the longest phrase of ``words`` starting at ``toks[i]`` (0 if none)."""
    for n in range(min(longest, len(toks) - i), 0, -1):
        if " ".join(t.low for t in toks[i : i + n]) in words:
            return n
    return 0


def _lookup(table: dict[tuple[str, ...], Any], toks: list[_Tok], i: int, longest: int) -> Any:
    for n in range(min(longest, len(toks) - i), 0, -1):
        hit = table.get(tuple(t.low for t in toks[i : i + n]))
        if hit is not None:
            return n, hit
    return 0, None


def _digits(text: str, lang: str) -> float | None:
    """A number written in digits, with the separators of ``lang`` ("11.000", "1,5", "800,000")."""
    thousands, decimal = (".", ",") if lang == "es" else (",", ".")
    if re.fullmatch(rf"\d{{1,3}}(?:\{thousands}\d{{3}})+", text):
        return float(text.replace(thousands, ""))
    if re.fullmatch(r"\d+", text):
        return float(text)
    if re.fullmatch(rf"\d+\{decimal}\d+", text):
        return float(text.replace(decimal, "."))
    if re.fullmatch(r"\d+[.,]\d{1,2}", text):  # "1.5 millones" written the other way
        return float(text.replace(",", "."))
    return None


def _quantity(toks: list[_Tok], i: int, lex: ItemLexicon) -> tuple[float | None, int]:
    """Read a quantity at ``toks[i]``: digits or number words, then multipliers."""
    words, mult = number_words(lex.lang)
    value: float | None = None
    j = i
    if j < len(toks) and toks[j].text[:1].isdigit():
        value = _digits(toks[j].text, lex.lang)
        if value is None:
            return None, 0
        j += 1
    else:
        total = 0.0
        while j < len(toks):
            n = _match(toks, j, frozenset(words), 3)
            if n:
                phrase = " ".join(t.low for t in toks[j : j + n])
                if (
                    phrase in _NO_QUANTITY
                    and value is None
                    and not (j + 1 < len(toks) and toks[j + 1].low in mult)
                ):
                    break
                total += words[phrase]
                value = total
                j += n
                if j < len(toks) and toks[j].low in ("y", "and") and j + 1 < len(toks):
                    if _match(toks, j + 1, frozenset(words), 1):
                        j += 1
                continue
            break
        if value is None and j < len(toks) and toks[j].low in mult:
            value = 1.0  # "mil soldados", "millones de …" with no count is vague; see below
            if toks[j].low not in ("mil", "thousand", "hundred"):
                return None, 0
    while value is not None and j < len(toks) and toks[j].low in mult:
        value *= mult[toks[j].low]
        j += 1
    return value, j - i


def _as_number(value: float) -> int | float:
    return int(value) if value == int(value) else value


# --------------------------------------------------------------------------- splitting


def _split(toks: list[_Tok], lex: ItemLexicon) -> list[list[_Tok]]:
    """Split a span at commas and coordinators ("y", "así como", "and", "as well as")."""
    words, _ = number_words(lex.lang)
    parts: list[list[_Tok]] = [[]]
    opener, closer = (fold(str(w)) for w in lex.data.get("item_range") or ("", ""))
    i, in_range = 0, False
    while i < len(toks):
        if toks[i].low == opener and not parts[-1]:  # "weapons, from fighter jets to tanks"
            i, in_range = i + 1, True
            continue
        if toks[i].low == closer and in_range and parts[-1]:
            parts.append([])
            i, in_range = i + 1, False
            continue
        n = _match(toks, i, lex.words["split"])
        between_numbers = (
            n == 1 and 0 < i < len(toks) - 1
            and toks[i - 1].low in words and toks[i + 1].low in words
        )  # fmt: skip
        if n and not between_numbers:
            parts.append([])
            i += n
            continue
        parts[-1].append(toks[i])
        i += 1
    return [p for p in parts if p]


def _match_words(toks: list[_Tok], i: int, lex: ItemLexicon) -> list[_Tok]:
    """The multiword number phrase at ``toks[i]`` ("una docena de"), or []."""
    words, _ = number_words(lex.lang)
    n = _match(toks, i, frozenset(words), 3)
    return toks[i : i + n] if n > 1 else []


def _strip_front(toks: list[_Tok], lex: ItemLexicon) -> tuple[list[_Tok], float | None, bool]:
    """Drop determiners, approximators and the quantity at the front; return what is left."""
    approximate = False
    quantity: float | None = None
    i = 0
    while i < len(toks):
        n = _match(toks, i, lex.words["approximators"])
        if n:
            approximate = True
            i += n
            continue
        if quantity is None and _match_words(toks, i, lex):  # "una docena de" before "una"
            quantity, n = _quantity(toks, i, lex)
            i += n
            continue
        n = _match(toks, i, lex.words["determiners"]) or _match(toks, i, lex.words["drop"])
        if n and not (toks[i].low in ("unos", "unas") and quantity is None):
            i += n
            continue
        if toks[i].low in ("unos", "unas"):  # "unos 200": approximate; "unos misiles": a determiner
            approximate = approximate or (i + 1 < len(toks) and _quantity(toks, i + 1, lex)[1] > 0)
            i += 1
            continue
        n = _match(toks, i, lex.words["vague"])
        if n:  # "decenas de", "dozens of": no count
            i += n
            continue
        if quantity is None:
            value, n = _quantity(toks, i, lex)
            if n:
                quantity = value
                i += n
                continue
        if toks[i].low in lex.words["of"] and quantity is not None:  # "millones de proyectiles"
            i += 1
            continue
        break
    return toks[i:], quantity, approximate


def _strip_money(
    toks: list[_Tok], quantity: float | None, lex: ItemLexicon
) -> tuple[list[_Tok], float | None]:
    """A sum of money names the item that follows it ("$60 billion military aid package",
    "40.000 millones de euros en ayuda militar"); a bare sum is itself the item ("dollars")."""
    money = {fold(str(k)): str(v) for k, v in (lex.data.get("money") or {}).items()}
    for k, tok in enumerate(toks[:6]):
        if tok.low in lex.words["money_before"]:  # "$60 billion": the symbol comes first
            value, n = _quantity(toks, k + 1, lex)
            rest = toks[:k] + toks[k + 1 + n :]
            label = money.get(tok.low, tok.text)
            quantity = value if n else quantity
            break
        if tok.low in money and (k == 0 or quantity is not None):
            rest = toks[:k] + toks[k + 1 :]
            label = money[tok.low]
            break
    else:
        return toks, quantity
    w = _match(rest, 0, lex.words["worth"], 3)
    if rest[w:]:
        return rest[w:], None
    return [_Tok(label, fold(label))], quantity


# --------------------------------------------------------------------------- Spanish noun phrases


@dataclass
class _Phrase:
    """An English noun phrase under construction."""

    head: Noun | None = None
    origins: list[str] | None = None
    names: list[str] | None = None
    mods: list[str] | None = None
    adjuncts: list[str] | None = None
    tail: str = ""  # "of Ream naval base", "to use long-range missiles"
    measure: bool = False  # a unit ("barriles", "toneladas"): its complement follows with "of"

    def render(self, singular: bool = False) -> str:
        head = ""
        if self.head is not None:
            head = self.head.singular if singular or not self.head.is_plural else self.head.plural
        parts = [*(self.origins or [])[::-1], *(self.names or []), *(self.mods or [])[::-1],
                 *(self.adjuncts or [])[::-1], head]  # fmt: skip
        text = " ".join(p for p in parts if p)
        return f"{text} {self.tail}".strip()


def _names_at(toks: list[_Tok], i: int, lex: ItemLexicon) -> int:
    n = 0
    while (
        i + n < len(toks)
        and toks[i + n].is_name
        and not _lookup(lex.nouns, [_Tok(toks[i + n].text, toks[i + n].low)], 0, 1)[0]
    ):
        n += 1
    return n


def _translate(toks: list[_Tok], lex: ItemLexicon, depth: int = 0) -> tuple[_Phrase, int]:
    """Translate the Spanish noun phrase at the start of ``toks``; return it and tokens used."""
    phrase = _Phrase(origins=[], names=[], mods=[], adjuncts=[])
    assert phrase.origins is not None and phrase.names is not None
    assert phrase.mods is not None and phrase.adjuncts is not None
    i, longest = 0, lex.longest
    while i < len(toks):  # prenominal adjectives and dropped words ("nuevas", "gran")
        n = _match(toks, i, lex.words["drop"]) or _match(toks, i, lex.words["determiners"])
        if n:
            i += n
            continue
        n, en = _lookup(lex.adjectives, toks, i, longest)
        if n and not _lookup(lex.nouns, toks, i, longest)[0]:
            phrase.mods.append(en)
            i += n
            continue
        break
    n, noun = _lookup(lex.nouns, toks, i, longest)
    if n:
        phrase.head, i = noun, i + n
        phrase.measure = " ".join(t.low for t in toks[i - n : i]) in lex.words["measures"]
    else:
        n = _names_at(toks, i, lex)
        if n:  # a bare name ("Taurus") or a name before its noun
            phrase.names.append(" ".join(t.text for t in toks[i : i + n]))
            i += n
            n, noun = _lookup(lex.nouns, toks, i, longest)
            if n:
                phrase.head, i = noun, i + n
        elif i < len(toks) and toks[i].text.isalpha() and depth == 0:
            return phrase, i  # unknown head: the caller keeps the Spanish words
        else:
            return phrase, i
    while i < len(toks):
        tok = toks[i]
        n = _match(toks, i, lex.words["drop"])
        if n:
            i += n
            continue
        n, en = _lookup(lex.origins, toks, i, longest)
        if n:
            phrase.origins.append(en)
            i += n
            continue
        n, en = _lookup(lex.adjectives, toks, i, longest)
        if n:
            phrase.mods.append(en)
            i += n
            continue
        n = _names_at(toks, i, lex)
        if n:
            phrase.names.append(" ".join(t.text for t in toks[i : i + n]))
            i += n
            continue
        if depth < 3 and tok.low in lex.words["of"] | lex.words["for"] | lex.words["in"]:
            used = _complement(toks, i, phrase, lex, depth)
            if used:
                i += used
                continue
        break
    return phrase, i


def _complement(toks: list[_Tok], i: int, phrase: _Phrase, lex: ItemLexicon, depth: int) -> int:
    """Attach the complement opened by the preposition ``toks[i]``; return tokens used."""
    assert phrase.names is not None and phrase.adjuncts is not None
    prep = toks[i].low
    j = i + 1
    if prep in lex.words["for"] and j < len(toks) and toks[j].low in lex.verbs:
        obj, used = _translate(toks[j + 1 :], lex, depth + 1)
        if obj.head is None and not obj.names:
            return 0
        phrase.tail = f"to {lex.verbs[toks[j].low]} {obj.render()}"
        return 2 + used
    has_det = prep in ("del", "al")
    while j < len(toks) and (toks[j].low in lex.words["determiners"]):
        has_det, j = True, j + 1
    if j >= len(toks) or toks[j].text[:1].isdigit():
        return 0
    n = _names_at(toks, j, lex)
    if n and prep in lex.words["of"] and not _lookup(lex.nouns, toks, j + n, lex.longest)[0]:
        phrase.names.append(" ".join(t.text for t in toks[j : j + n]))  # "base naval de Ream"
        return j + n - i
    sub, used = _translate(toks[j:], lex, depth + 1)
    if sub.head is None:
        return 0
    if (has_det or phrase.measure) and prep in lex.words["of"]:
        phrase.tail = f"of {sub.render()}"  # "liberación de los rehenes", "barriles de petróleo"
    elif prep in lex.words["in"] and has_det:
        return 0
    else:
        phrase.adjuncts.append(sub.render(singular=True))  # "proyectiles de artillería"
    return j + used - i


def _distribute(parts: list[list[_Tok]], lex: ItemLexicon) -> list[list[_Tok]]:
    """Share heads across conjuncts: "tecnología para sus satélites, sus submarinos" and
    "misiles Storm Shadow y SCALP" / "Storm Shadow and SCALP missiles"."""
    out = [list(p) for p in parts]
    first = out[0] if out else []
    for k, tok in enumerate(first):
        if tok.low in lex.words["for"] | lex.words["of"] and k + 1 < len(first):
            det = first[k + 1].low
            if det in lex.words["determiners"]:
                for p in out[1:]:
                    if p and p[0].low == det:
                        p[:0] = first[: k + 1]
            break
    for idx, part in enumerate(out):
        adjectives = lex.lang != "en" and idx > 0 and bool(part) and out[idx - 1]
        if adjectives and all(_lookup(lex.adjectives, [t], 0, 1)[0] for t in part):
            if _lookup(lex.nouns, out[idx - 1], 0, 1)[0]:  # "apoyo militar y financiero"
                part.insert(0, out[idx - 1][0])
            continue
        if not part or not part[-1].is_name:
            continue
        if lex.lang == "en":  # "Storm Shadow and SCALP missiles": the last conjunct's noun
            donor = out[idx + 1] if idx + 1 < len(out) else []
            if donor and not donor[-1].is_name and any(t.is_name for t in donor):
                part.append(donor[-1])
        elif idx and all(t.is_name for t in part):  # "misiles Storm Shadow y SCALP"
            donor = out[idx - 1]
            n, _ = _lookup(lex.nouns, donor, 0, lex.longest)
            if n and any(t.is_name for t in donor[n:]):
                part[:0] = donor[:n]
    return out


# --------------------------------------------------------------------------- items


def _cut(toks: list[_Tok], lex: ItemLexicon) -> list[_Tok]:
    """Cut at the first word that ends an item: a relative pronoun, a recipient's "a", …"""
    for k, tok in enumerate(toks):
        if k and (tok.low in lex.words["stop"] or tok.text in '.;:()«»"“”'):
            return toks[:k]
    return toks


def _english_label(toks: list[_Tok], lex: ItemLexicon) -> str:
    words: list[str] = []
    k = 0
    while k < len(toks):
        n = _match(toks, k, lex.words["vague"]) if k else 0
        if n:  # "return of dozens of Indian nationals"
            k += n
            continue
        tok = toks[k]
        k += 1
        text = tok.text
        if k == 1 and text[:1].isupper() and not text.isupper() and text.lower() in lex.vocabulary:
            text = text.lower()
        words.append(text)
    return re.sub(r"\s+([,'’])", r"\1", " ".join(words)).strip(" ,")


def _spanish_label(toks: list[_Tok], lex: ItemLexicon) -> str:
    phrase, used = _translate(toks, lex)
    if phrase.head is not None or phrase.names:
        return phrase.render()
    return " ".join(t.text for t in toks).strip(" ,")


def parse_items(text: str, lang: str) -> list[Item]:
    """Split a captured span into items with English labels and quantities.

    Args:
        text: The span a rule captured ("casi cinco millones de proyectiles de artillería").
        lang: Language code of a ``lang/<lang>/items.yaml`` file ("es", "en").

    Returns:
        One item per coordinated noun phrase, in text order, without duplicates.

    Raises:
        DataError: the language's item data is missing or invalid.

    Examples:
        >>> parse_items("municiones y misiles balísticos", "es")
        [Item(label='munitions', quantity=None, approximate=False), \
Item(label='ballistic missiles', quantity=None, approximate=False)]
        >>> parse_items("casi cinco millones de proyectiles de artillería", "es")
        [Item(label='artillery shells', quantity=5000000, approximate=True)]
        >>> parse_items("some 800,000 artillery shells", "en")
        [Item(label='artillery shells', quantity=800000, approximate=True)]
    """
    lex = load_item_lexicon(lang)
    items: list[Item] = []
    for part in _distribute(_split(_tokens(text), lex), lex):
        toks, quantity, approximate = _strip_front(part, lex)
        toks, quantity = _strip_money(toks, quantity, lex)
        toks = _cut(toks, lex)
        if not toks:
            continue
        label = _english_label(toks, lex) if lang == "en" else _spanish_label(toks, lex)
        if not label or not any(c.isalnum() for c in label):
            continue
        number = _as_number(quantity) if quantity is not None else None
        item = Item(label, number, approximate and number is not None)
        if all(i.label != item.label for i in items):
            items.append(item)
    return items
