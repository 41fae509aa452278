"""Relation rules kept as data: load, validate and compile lang/<xx>/relations.yaml.

A rule pattern is a sequence of elements separated by spaces, matched against the tokens of a
sentence in which every actor mention has been collapsed to one token:

    {SUBJ} {OBJ}     an actor (a coordinated list "Rusia y China" gives one statement each)
    {PAIR}           a coordinated pair of actors ("entre Putin y Kim"): subject and object
    {SDEM} {ODEM}    a demonym naming the subject or object ("sanciones occidentales")
    {PLACE}          "en <city>" as the object: where something happens ("se reunieron en Pekín")
    {ITEMS}          1-12 words captured as the items transferred or sought
    {CLASS}          any word whose lemma or form is in the word class CLASS
    ..  ...  ....    0-2, 0-5 or 0-10 words (no actor, no punctuation but quotes)
    ***              0-12 tokens of anything but a full stop (actors included)
    a|al             alternatives; a trailing ? makes an element optional; "," a comma
    !con             not followed within the next six tokens by "con"
    !^del|de_su      not followed right away by "del" or "de su" (words of a phrase joined by _)

Each element compiles to a bounded regular expression over an encoded token string, so matching
is linear in the sentence length for a fixed rule (no nested unbounded repetition).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from kg.errors import DataError
from kg.extract.deferred import ANAPHORS, SUBJECT_ANAPHORS
from kg.extract.tokens import fold
from kg.model import ENTITY_TYPES, MODALITIES, RELATIONS

if TYPE_CHECKING:
    from kg.extract.grammar import Grammar

SLOTS = ("SUBJ", "OBJ", "PAIR", "SDEM", "ODEM", "ITEMS", "PLACE")
# "antecedent": the subject an earlier sentence gave the same relation and object ("Moscú
# recibió 200 misiles" after "Irán entregó misiles a Rusia"); object "clitic": whom a "le"/"les"
# in the match stands for, the actor named before it; "first_topic": the clause's first actor
# ("…, y su decisión"); "member_body": the one membership body the article has named, which
# "se adhirió" with no object joined (bodies.py); an object may also be left to earlier
# sentences (kg/extract/deferred.py), and so may the subject "event_agent": the author of the
# attack a condemnation speaks of
ROLE_OPTIONS = {
    "subject": ("topic", "items_demonym", *SUBJECT_ANAPHORS),
    "object": ("topic", "clitic", "first_topic", "member_body", *ANAPHORS),
}

# One encoded token: " <form>/<lemma>/<tag>"; tags: W word, N noun (after a determiner),
# D demonym, A actor, P place (an actor after "en"), C comma,
# Q quote or bracket, S full stop.  Forms and lemmas never contain " " or "/".
_ANY_FORM = r"[^ /]+"
# A place ("en Gaza", "en el Kremlin": tag P) is passed over by gaps like a word, and can still
# fill an actor slot ("su conflicto en Ucrania").
_GAP_TOKEN = rf" {_ANY_FORM}/{_ANY_FORM}/[WNDQP]\d*"
_WIDE_TOKEN = rf" {_ANY_FORM}/{_ANY_FORM}/[WNDQCAP]\d*"
# A word gap never crosses a conditional "si" or a coordinated "y que": what follows is
# another clause ("impondrá sanciones al sector petrolero si Maduro no publica…" does not
# sanction Maduro; "afirmó que Ucrania atacó una refinería y que Occidente…" attacks no West).
# (the "si" is read by what follows it, so that an emphatic "sí ha enviado" still passes)
_IF_OPENS = r"@|(?:el|la|los|las|lo|un|una|no|se|le|les|su|sus|ya|hay|continua|sigue)/"
_CLAUSE_GAP_TOKEN = rf"(?! si/[^ ]* (?:{_IF_OPENS}))(?! (?:y|e|o|ni|pero)/[^ ]* que/){_GAP_TOKEN}"


@dataclass(frozen=True)
class Example:
    text: str
    expect: dict[str, Any] | None  # None: the rule must not fire on this text


@dataclass(frozen=True)
class Rule:
    id: str
    relation: str
    pattern: str
    regex: re.Pattern[str]
    # words a sentence must contain for the rule to have a chance (a quick pre-filter)
    required: frozenset[str] = frozenset()
    # the same rule in a coordinated clause, whose subject is the clause's topic:
    # "Estados Unidos acusó … y anunció nuevas sanciones contra Iran Air"
    coordinated: re.Pattern[str] | None = None
    subject: str | None = None  # "topic" or "items_demonym" when not in the pattern
    object: str | None = None
    # the object the text leaves implied, a gazetteer label: taken only when the article has
    # already named it ("…el Consejo de Seguridad…; Rusia vetó la resolución")
    implied_object: str | None = None
    modality: str | None = None  # forced modality ("planned" for "se comprometieron a …")
    presupposed: bool = False  # a noun phrase or participle: held true whatever the clause says
    negated: bool = False
    one_clause: bool = False  # no conjugated verb between the trigger and the object
    role: str | None = None
    subject_after: frozenset[str] = frozenset()  # prepositions a leading {SUBJ} may follow
    subject_types: frozenset[str] = frozenset()  # empty: any entity type
    object_types: frozenset[str] = frozenset()
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True)
class RuleSet:
    lang: str
    classes: dict[str, frozenset[str]]
    rules: tuple[Rule, ...]
    not_goods: frozenset[str] = frozenset()
    # commodities: selling them is trade ("vende su crudo a China"), not a supply of arms or aid
    trade_goods: frozenset[str] = frozenset()
    sale_words: frozenset[str] = frozenset()  # folded lemmas that make a transfer a sale
    # relations whose claim criticises its subject: the speaker criticizes them (derived.py)
    accusations: frozenset[str] = frozenset()


def _alt(words: list[str]) -> str:
    return "|".join(sorted({re.escape(fold(w)) for w in words}, key=lambda w: (-len(w), w)))


def _word_in(words: list[str], tags: str = "WND") -> str:
    alt = _alt(words)
    return rf" (?:(?:{alt})/{_ANY_FORM}|{_ANY_FORM}/(?:{alt}))/[{tags}]\d*"


def _words_rx(words: frozenset[str]) -> str:
    """An alternation of folded words, or a pattern that never matches when there are none."""
    return _alt(sorted(words)) if words else "(?!)"


def compile_pattern(
    pattern: str,
    classes: dict[str, frozenset[str]],
    where: str,
    grammar: Grammar | None = None,
) -> str:
    """Compile a rule pattern to a regular expression over encoded tokens.

    Examples:
        >>> from kg.extract.grammar import load_grammar
        >>> rx = compile_pattern("{SUBJ} vetar {OBJ}", {}, "x", load_grammar("es"))
        >>> m = re.search(rx, " @0/@/A vetaron/vetar/W la/el/W @1/@/A")
        >>> (m.group("SUBJ"), m.group("OBJ"))
        ('0', '1')
    """
    parts: list[str] = []
    seen: set[str] = set()
    elements = pattern.split()
    articles = _words_rx(grammar.slot_articles if grammar else frozenset())
    intensifiers = _words_rx(grammar.slot_intensifiers if grammar else frozenset())
    locative = _words_rx(grammar.locative if grammar else frozenset())
    for pos, el in enumerate(elements):
        optional = el.endswith("?") and len(el) > 1
        if optional:
            el = el[:-1]
        m = re.fullmatch(r"\{([A-Z_0-9]+)\}", el)
        if m:
            name = m.group(1)
            if name in SLOTS:
                if name in seen:
                    raise DataError(f"{where}: slot {{{name}}} used twice")
                seen.add(name)
                if name == "ITEMS":
                    # lazy inside a pattern; greedy at its end (trimmed afterwards); never
                    # across a clause ("que no vean…") or a preposition that starts another role
                    lazy = "" if pos == len(elements) - 1 else "?"
                    item = rf"(?! (?:que|a|al|para|porque|cuando|donde)/){_GAP_TOKEN}"
                    rx = rf"(?P<ITEMS>(?:{item}){{1,12}}{lazy})"
                elif name == "PLACE":
                    # a place where something happens: "se reunieron en Pekín"
                    rx = (
                        rf" (?:{locative})/{_ANY_FORM}/W(?: (?:{articles})/{_ANY_FORM}/W)?"
                        rf" @(?P<PLACE>\d+)/@place/P"
                    )
                elif name in ("SDEM", "ODEM"):
                    rx = rf" {_ANY_FORM}/{_ANY_FORM}/D(?P<{name}>\d+)"
                else:
                    # an actor may follow a determiner: "a la ONU", "con el Kremlin"
                    rx = (
                        rf"(?: (?:{articles})/{_ANY_FORM}/W)?"
                        rf"(?: (?:{intensifiers})/{_ANY_FORM}/[WN])?"
                        rf" @(?P<{name}>\d+)/@(?:place)?/[AP]"
                    )
                    nxt = elements[pos + 1] if pos + 1 < len(elements) else ""
                    if nxt.startswith(("...", "{")) or nxt[:1].isalpha():
                        # the comma that closes an apposition: "Putin, …, fue recibido"
                        rx += r"(?: ,/,/C)?"
            elif name in classes:
                # verb classes (…_V) never match a word right after a determiner ("el apoyo")
                rx = _word_in(sorted(classes[name]), "WD" if name.endswith("_V") else "WND")
                if "SUBJ" in seen and "V" not in seen and not optional:
                    seen.add("V")  # the trigger: what the subject's gap must reach
                    rx = f"(?P<V>{rx})"
            else:
                known = ", ".join(sorted(classes))
                raise DataError(f"{where}: unknown word class {{{name}}} (known: {known})")
        elif el == "..":
            rx = rf"(?:{_CLAUSE_GAP_TOKEN}){{0,2}}?"
        elif el == "...":
            rx = rf"(?:{_CLAUSE_GAP_TOKEN}){{0,5}}?"
        elif el == "....":
            rx = rf"(?:{_CLAUSE_GAP_TOKEN}){{0,10}}?"
        elif el == "***":
            rx = rf"(?:{_WIDE_TOKEN}){{0,12}}?"
        elif el == ",":
            rx = r" ,/,/C"
        elif el.startswith("!^") and len(el) > 2:
            # not followed right away by one of these words or phrases (words joined by "_")
            alts = [
                "".join(rf" {re.escape(fold(w))}/{_ANY_FORM}/[A-Z]\d*" for w in a.split("_"))
                for a in el[2:].split("|")
            ]
            rx = rf"(?!{'|'.join(alts)})"
        elif el.startswith("!") and len(el) > 1:
            # not followed, within the next 6 tokens of the clause, by one of these words
            alt = _alt(el[1:].split("|"))
            rx = rf"(?!(?:{_WIDE_TOKEN}){{0,6}}? (?:{alt})/)"
        elif el in ("«", "»", '"', "(", ")"):
            rx = rf" {re.escape(el)}/{_ANY_FORM}/Q"
        else:
            words = el.split("|")
            if not all(re.fullmatch(r"[\wÀ-ÿ'-]+", w) for w in words):
                raise DataError(f"{where}: cannot read pattern element {el!r}")
            rx = _word_in(words)
        parts.append(f"(?:{rx})?" if optional else rx)
    return "".join(parts)


def required_words(pattern: str, classes: dict[str, frozenset[str]]) -> frozenset[str]:
    """The most selective set of words one of which any match must contain (as form or lemma).

    Examples:
        >>> sorted(required_words("{SUBJ} ... vetar|vetó ... {OBJ}", {}))
        ['vetar', 'veto']
    """
    best: frozenset[str] | None = None
    for el in pattern.split():
        if el.endswith("?") or el.startswith("!") or el in ("...", "..", "....", "***", ","):
            continue
        m = re.fullmatch(r"\{([A-Z_0-9]+)\}", el)
        if m:
            if m.group(1) not in classes:
                continue
            words = classes[m.group(1)]
        elif el[:1].isalpha():
            words = frozenset(fold(w) for w in el.split("|"))
        else:
            continue
        if best is None or len(words) < len(best):
            best = words
    return best or frozenset()


def _examples(raw: Any, where: str) -> tuple[Example, ...]:
    out = []
    for i, ex in enumerate(raw or []):
        if not isinstance(ex, dict) or "text" not in ex:
            raise DataError(f"{where}: examples[{i}]: needs text and expect (or expect: none)")
        expect = ex.get("expect")
        if expect is not None and not isinstance(expect, dict):
            raise DataError(f"{where}: examples[{i}]: expect must be a mapping or null")
        out.append(Example(str(ex["text"]), expect))
    return tuple(out)


def parse_rules(data: Any, name: str, lang: str) -> RuleSet:
    """Validate the YAML of a relations file and compile its rules."""
    from kg.extract.grammar import load_grammar

    grammar = load_grammar(lang)
    if not isinstance(data, dict) or "rules" not in data:
        raise DataError(f"{name}: needs a top-level 'rules' list")
    classes = {
        str(k): frozenset(fold(str(w)) for w in v) for k, v in (data.get("classes") or {}).items()
    }
    for cls, words in classes.items():
        several = sorted(w for w in words if " " in w)
        if several:
            # a class matches one token; a phrase belongs in the pattern itself
            raise DataError(f"{name}: classes: {cls}: {several[0]!r} is not one word")
    rules: list[Rule] = []
    ids: set[str] = set()
    for i, raw in enumerate(data["rules"]):
        rid = raw.get("id") if isinstance(raw, dict) else None
        where = f"{name}: rule {rid or f'#{i}'}"
        if not rid or not isinstance(raw, dict):
            raise DataError(f"{where}: needs an id")
        if rid in ids:
            raise DataError(f"{where}: duplicate rule id")
        ids.add(rid)
        rel = raw.get("relation")
        if rel not in RELATIONS:
            raise DataError(f"{where}: unknown relation {rel!r} (known: {', '.join(RELATIONS)})")
        mod = raw.get("modality")
        if mod is not None and mod not in MODALITIES:
            raise DataError(f"{where}: unknown modality {mod!r} (known: {', '.join(MODALITIES)})")
        pattern = raw.get("pattern")
        if not isinstance(pattern, str):
            raise DataError(f"{where}: needs a pattern string")
        rx = compile_pattern(pattern, classes, where, grammar)
        has = {s for s in SLOTS if "{" + s + "}" in pattern}
        subj = raw.get("subject")
        coordinated = None
        if pattern.startswith("{SUBJ} ... ") and subj is None:
            rest = pattern[len("{SUBJ} ... ") :]
            joiners = "|".join(sorted(grammar.coordinators))
            if joiners:
                coordinated = re.compile(
                    compile_pattern(f"{joiners} {rest}", classes, where, grammar)
                )
        obj = raw.get("object")
        if subj is not None and subj not in ROLE_OPTIONS["subject"]:
            raise DataError(f"{where}: subject must be one of {ROLE_OPTIONS['subject']}")
        if not ({"SUBJ", "PAIR", "SDEM"} & has or subj):
            raise DataError(f"{where}: pattern has no {{SUBJ}}/{{PAIR}}/{{SDEM}} and no subject:")
        implied = raw.get("implied_object")
        if implied is not None and (not isinstance(implied, str) or obj is not None):
            raise DataError(f"{where}: implied_object must be one label, without object:")
        if not ({"OBJ", "PAIR", "ODEM", "PLACE"} & has or obj or implied):
            raise DataError(
                f"{where}: pattern has no {{OBJ}}/{{PAIR}}/{{ODEM}}/{{PLACE}}, "
                "no object: and no implied_object:"
            )
        types = {}
        for key in ("subject_types", "object_types"):
            vals = raw.get(key) or []
            bad = [v for v in vals if v not in ENTITY_TYPES]
            if bad:
                raise DataError(
                    f"{where}: {key}: unknown type {bad[0]!r} (known: {', '.join(ENTITY_TYPES)})"
                )
            types[key] = frozenset(vals)
        rules.append(
            Rule(
                id=rid,
                relation=rel,
                pattern=pattern,
                regex=re.compile(rx),
                required=required_words(pattern, classes),
                coordinated=coordinated,
                subject=subj,
                object=obj,
                implied_object=implied,
                modality=mod,
                presupposed=bool(raw.get("presupposed", False)),
                negated=bool(raw.get("negated", False)),
                one_clause=bool(raw.get("one_clause", False)),
                role=raw.get("role"),
                subject_after=frozenset(fold(str(w)) for w in raw.get("subject_after") or []),
                subject_types=types["subject_types"],
                object_types=types["object_types"],
                examples=_examples(raw.get("examples"), where),
            )
        )
    not_goods = frozenset(str(w).lower() for w in data.get("not_goods") or [])
    return RuleSet(
        lang=lang,
        classes=classes,
        rules=tuple(rules),
        not_goods=not_goods,
        trade_goods=frozenset(fold(str(w)) for w in data.get("trade_goods") or []),
        sale_words=frozenset(fold(str(w)) for w in data.get("sale_words") or []),
        accusations=_accusations(data.get("accusations"), name),
    )


def _accusations(raw: Any, name: str) -> frozenset[str]:
    found = frozenset(str(r) for r in raw or [])
    unknown = sorted(found - set(RELATIONS))
    if unknown:
        raise DataError(f"{name}: accusations: unknown relation {unknown[0]!r}")
    return found


@cache
def load_rules(lang: str) -> RuleSet:
    """Load the relation rules of a language (kg/extract/lang/<lang>/relations.yaml)."""
    path = resources.files("kg.extract") / "lang" / lang / "relations.yaml"
    if not path.is_file():
        raise DataError(f"no relation rules for language {lang!r}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError(f"relations.yaml ({lang}): invalid YAML: {exc}".replace("\n", " ")) from exc
    return parse_rules(data, f"lang/{lang}/relations.yaml", lang)
