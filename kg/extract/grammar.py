"""A language's function words, from lang/<xx>/grammar.yaml: the engine's only view of grammar.

The extraction code names no word of any language; prepositions, determiners, relative
pronouns, copulas and the like come from here, so a language is added as data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.errors import DataError
from kg.extract.langdata import check_words, load_lang_data
from kg.extract.tokens import fold

Phrase = tuple[str, ...]

WORD_KEYS = (
    "prepositions", "determiners", "slot_articles", "slot_intensifiers", "list_determiners",
    "coordinators", "clause_breaks", "relative_starts", "clitics", "copulas", "copula_adverbs",
    "name_particles", "locative", "of_words", "title_adjuncts", "org_adjectives", "item_stops",
    "citing", "report_nouns", "possessives", "government_of", "definite", "conditional_if",
    "object_markers", "head_determiners", "purpose", "subject_relatives",
    "reported_clause_starts", "indirect_clitics", "money_words", "source_markers",
    "concessive_after_if", "continuation_futures",
)  # fmt: skip
SUFFIX_KEYS = (
    "participle_endings", "participle_feminine_endings", "verb_lemma_endings", "future_endings",
    "gerund_endings",
    "infinitive_endings", "subjunctive_endings",
)  # fmt: skip
PHRASE_KEYS = ("cited_by", "own_country")


@dataclass(frozen=True)
class Grammar:
    """Function words of one language, folded (lower case, no accents) unless said otherwise."""

    lang: str
    prepositions: frozenset[str]
    determiners: frozenset[str]
    slot_articles: frozenset[str]
    slot_intensifiers: frozenset[str]
    list_determiners: frozenset[str]
    coordinators: frozenset[str]
    clause_breaks: frozenset[str]
    relative_starts: frozenset[str]
    clitics: frozenset[str]
    copulas: frozenset[str]
    copula_adverbs: frozenset[str]
    name_particles: frozenset[str]
    locative: frozenset[str]
    of_words: frozenset[str]
    title_adjuncts: frozenset[str]
    org_adjectives: frozenset[str]
    item_stops: frozenset[str]
    citing: frozenset[str]
    report_nouns: frozenset[str]
    possessives: frozenset[str]
    government_of: frozenset[str]
    definite: frozenset[str]
    conditional_if: frozenset[str]  # as written (accents kept): Spanish "si" is not "sí"
    object_markers: frozenset[str]  # Spanish personal "a": "acusó a Irán de haber entregado"
    head_determiners: frozenset[str]  # included in a title's mention ("el presidente ruso")
    purpose: frozenset[str]  # "viajará a Madrid para reunirse": Madrid is no subject
    subject_relatives: frozenset[str]  # "Rusia, que vetó…": the verb's subject is the antecedent
    reported_clause_starts: frozenset[str]  # "dijo que…", "said they…": reported speech follows
    indirect_clitics: frozenset[str]  # "les pidió armas": the object is named before ("le", "les")
    money_words: frozenset[str]  # "dólares en ayuda militar": items go on past "en"
    source_markers: frozenset[str]  # "Según la consultora X, …": X is a source, not a topic
    concessive_after_if: frozenset[str]  # ", si bien": no condition ("although")
    continuation_futures: frozenset[str]  # "seguirá siendo", "permanecerá": no plan, a state
    participle_endings: tuple[str, ...]
    verb_lemma_endings: tuple[str, ...]
    future_endings: tuple[str, ...]  # as written: "rá" (visitará)
    participle_feminine_endings: tuple[str, ...]  # "liderada por": a participle still
    gerund_endings: tuple[str, ...]  # "extrayendo y exportando": two verbs of one form
    infinitive_endings: tuple[str, ...]  # "comprar y vender"
    subjunctive_endings: tuple[str, ...]  # "de que X viajara … y cerrara": a subordinate's mood
    cited_by: tuple[Phrase, ...]
    own_country: tuple[Phrase, ...]

    def is_conditional(self, written: str) -> bool:
        """Whether a token is the conditional "if" of the language ("si", not "sí")."""
        return written.lower() in self.conditional_if


@cache
def load_grammar(lang: str) -> Grammar:
    """Load and check lang/<lang>/grammar.yaml (cached).

    A key left out is an empty list: the behaviour it drives is off for that language.

    Raises:
        DataError: the file is missing, a key is unknown, or a value is not a list of words.

    Examples:
        >>> g = load_grammar("es")
        >>> "que" in g.relative_starts and g.is_conditional("si") and not g.is_conditional("sí")
        True
    """
    where = f"lang/{lang}/grammar.yaml"
    data = load_lang_data(lang, "grammar.yaml", required=True)
    check_words(data, where)
    keys = (*WORD_KEYS, *SUFFIX_KEYS, *PHRASE_KEYS)
    unknown = sorted(set(data) - set(keys))
    if unknown:
        raise DataError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(keys)})")
    values: dict[str, object] = {}
    for key in keys:
        raw = data.get(key, [])
        if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
            raise DataError(f"{where}: {key}: expected a list of words")
        if key in WORD_KEYS:
            keep = key == "conditional_if"
            values[key] = frozenset(w.lower() if keep else fold(w) for w in raw)
        elif key in SUFFIX_KEYS:
            values[key] = tuple(w if key == "future_endings" else fold(w) for w in raw)
        else:
            values[key] = tuple(tuple(fold(w).split()) for w in raw)
    return Grammar(lang=lang, **values)  # type: ignore[arg-type]
