"""What the extractor knows of an article while it reads it: the mentions and offices found,
the entities met, and the small token helpers the mention readers share."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from kg.extract.gazetteer import Gazetteer, Hit
from kg.extract.grammar import Grammar
from kg.extract.tokens import Token, fold
from kg.model import Entity

ROMAN = frozenset("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI".split())


@dataclass
class Mention:
    i: int  # first token
    j: int  # one past the last token
    label: str  # entity label in the article registry
    kind: str  # name | capital | seat | demonym | title | new | coref | collective | group
    state: str | None = None  # the state a capital or seat stands for when it acts
    members: tuple[Mention, ...] = ()

    def actors(self) -> tuple[Mention, ...]:
        return self.members or (self,)


@dataclass(frozen=True)
class Office:
    """An office statement found with a title: leader_of / holds_position / affiliated_with."""

    person: str
    relation: str
    of: str
    role: str | None
    token: int  # token index of the title, to find "hasta mayo" after it
    rule: str
    subject_at: int = -1  # for a predicate ("Kim Jong Il … era el líder"): where the person is
    ended: str | None = None  # a former office: when the gazetteer says it ended


@dataclass
class Context:
    """What the article has met so far: entities, mentions counts, surnames, recent countries."""

    gaz: Gazetteer
    published: date | None
    lexicon: dict[str, Any]
    grammar: Grammar
    registry: dict[str, Entity] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    surnames: dict[str, list[str]] = field(default_factory=dict)
    recent: list[str] = field(default_factory=list)  # labels of recent mentions, newest last
    affiliation: dict[str, str] = field(default_factory=dict)  # person -> country of office
    # role -> the person the article last gave it with a name ("el secretario general de la
    # OTAN, Mark Rutte"): whom a bare "el secretario general" refers to later
    roles: dict[str, str] = field(default_factory=dict)
    orgs: list[str] = field(default_factory=list)  # organisations in the order named (anaphora.py)
    # per sentence: the person it opens with (or None) and the people it names (anaphora.py)
    topics: list[tuple[str | None, frozenset[str]]] = field(default_factory=list)
    # per sentence: the actors it names, in reading order (pairs.py: "ambos países")
    actors: list[tuple[str, ...]] = field(default_factory=list)

    def register(self, entity: Entity) -> str:
        if entity.label not in self.registry:
            self.registry[entity.label] = entity
            if entity.type == "Person":
                for key in name_keys(entity.label):
                    self.surnames.setdefault(key, []).append(entity.label)
        return entity.label

    def known(self, label: str) -> str:
        return self.register(self.gaz.entity(label))

    def new(self, label: str, type_: str) -> str:
        rec = self.gaz.get(label)
        if rec is not None:
            return self.register(rec.entity)
        return self.register(Entity(label, type_))


def name_keys(label: str) -> list[str]:
    parts = label.split()
    if len(parts) < 2:
        return []
    # a key of two letters ("Un" of Kim Jong Un) would catch the article "Un"
    keys = [fold(parts[-1])] if len(parts[-1]) > 2 else []
    # East Asian names put the family name first: "Kim Jong Un", "Choe Son Hui", "Park Ji-hoon".
    if (len(parts) == 3 and all(len(p) <= 5 for p in parts)) or (
        len(parts) == 2 and "-" in parts[1]
    ):
        keys.append(fold(parts[0]))
    return keys


def match_at(tokens: list[Token], k: int, phrase: tuple[str, ...]) -> bool:
    if k + len(phrase) > len(tokens):
        return False
    return all(tokens[k + n].low == w for n, w in enumerate(phrase))


def hit_spans(tokens: list[Token], hits: list[Hit], offset: int) -> list[tuple[int, int, Hit]]:
    spans = []
    starts = {t.start: n for n, t in enumerate(tokens)}
    ends = {t.end: n for n, t in enumerate(tokens)}
    for h in hits:
        i, j = starts.get(h.start + offset), ends.get(h.end + offset)
        if i is not None and j is not None:
            spans.append((i, j + 1, h))
    return spans


def name_run(tokens: list[Token], k: int, particles: frozenset[str], limit: int = 5) -> int:
    """End of a run of capitalised words starting at k ("Sergei Markov", "Kim Yong Bok")."""
    n = k
    while n < len(tokens) and n - k < limit:
        t = tokens[n]
        if t.kind == "W" and t.is_upper and (not t.text.isupper() or n > k and t.text in ROMAN):
            n += 1  # "Mohamed VI": a regnal number ends the name
        elif (
            t.low in particles
            and n > k
            and n + 1 < len(tokens)
            and tokens[n + 1].is_upper
            and tokens[n + 1].kind == "W"
        ):
            n += 1
        else:
            break
    return n


Phrase = tuple[str, ...]


@cache
def _by_first_word(phrases: tuple[Phrase, ...]) -> dict[str, tuple[Phrase, ...]]:
    index: dict[str, list[Phrase]] = {}
    for p in phrases:
        index.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in index.items()}


def find_phrase(tokens: list[Token], lo: int, hi: int, phrases: tuple[Phrase, ...]) -> list[int]:
    """Positions in [lo, hi) where one of ``phrases`` starts (on folded forms).

    Examples:
        >>> from kg.extract.tokens import tokenize
        >>> find_phrase(tokenize("Se espera que no llegue."), 0, 5, (("se", "espera", "que"),))
        [0]
    """
    index = _by_first_word(phrases)
    out = []
    for n in range(max(lo, 0), min(hi, len(tokens))):
        for p in index.get(tokens[n].low, ()):
            if n + len(p) <= len(tokens) and all(tokens[n + k].low == w for k, w in enumerate(p)):
                out.append(n)
                break
    return out


def clause_bounds(tokens: list[Token], i0: int, i1: int) -> tuple[int, int]:
    lo = i0
    while lo > 0 and tokens[lo - 1].kind != "S":
        lo -= 1
    hi = i1
    while hi < len(tokens) and tokens[hi].kind != "S":
        hi += 1
    return lo, hi


def is_verb(t: Token, g: Grammar) -> bool:
    """A conjugated verb, as far as its lemma tells: "calificó" -> "calificar"."""
    return (
        t.kind == "W"
        and bool(g.verb_lemma_endings)
        and t.low != t.lemma
        and t.lemma.endswith(g.verb_lemma_endings)
        # its lemma plus a plural ending ("radares", "militares") is a noun or an adjective
        and t.low not in (t.lemma + "s", t.lemma + "es")
    )


_WORDS: dict[tuple[int, str], tuple[dict[str, Any], frozenset[str]]] = {}


def lexicon_words(lexicon: dict[str, Any], key: str) -> frozenset[str]:
    """A word list of a language's lexicon (roles.yaml), folded once and kept: the readers ask
    for it on every sentence.

    Examples:
        >>> sorted(lexicon_words({"former": ["Ex", "exministro"]}, "former"))
        ['ex', 'exministro']
    """
    slot = (id(lexicon), key)
    if slot not in _WORDS:
        _WORDS[slot] = (lexicon, frozenset(fold(str(w)) for w in lexicon.get(key, [])))
    return _WORDS[slot][1]
