"""Actor mentions in a sentence: gazetteer names, titles and roles, new names, coreference.

Every mention is a span of tokens resolved to an entity label of the article's registry.  Titles
("el líder norcoreano Kim Jong Un") also yield office statements (leader_of, holds_position,
affiliated_with), which the pipeline turns into Statements.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kg.extract.gazetteer import DEMONYM, NAME, SEAT, SHORT, Gazetteer, Hit
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

    def register(self, entity: Entity) -> str:
        if entity.label not in self.registry:
            self.registry[entity.label] = entity
            if entity.type == "Person":
                for key in _name_keys(entity.label):
                    self.surnames.setdefault(key, []).append(entity.label)
        return entity.label

    def known(self, label: str) -> str:
        return self.register(self.gaz.entity(label))

    def new(self, label: str, type_: str) -> str:
        rec = self.gaz.get(label)
        if rec is not None:
            return self.register(rec.entity)
        return self.register(Entity(label, type_))


def _name_keys(label: str) -> list[str]:
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


_COMPILED: dict[tuple[int, str], tuple[dict[str, Any], Any]] = {}


def _compiled(lexicon: dict[str, Any], key: str, build: Any) -> Any:
    """Tables derived from a language's lexicon, built once (the lexicon is loaded once)."""
    slot = (id(lexicon), key)
    if slot not in _COMPILED:
        _COMPILED[slot] = (lexicon, build())  # keeping the lexicon keeps its id unique
    return _COMPILED[slot][1]


def _title_table(lexicon: dict[str, Any]) -> list[tuple[tuple[str, ...], str | None, bool]]:
    return _compiled(lexicon, "titles", lambda: _build_title_table(lexicon))  # type: ignore[no-any-return]


def _first_words(lexicon: dict[str, Any]) -> frozenset[str]:
    """Words a title, office, person or organisation noun can start with."""

    def build() -> frozenset[str]:
        words = {p[0] for p, _, _ in _title_table(lexicon)}
        for key in ("person_nouns", "org_nouns"):
            words |= {p[0] for p in _phrases(lexicon, key)}
        words |= {fold(w).split()[0] for w in lexicon.get("office_nouns") or {}}
        return frozenset(words)

    return _compiled(lexicon, "first_words", build)  # type: ignore[no-any-return]


def _build_title_table(lexicon: dict[str, Any]) -> list[tuple[tuple[str, ...], str | None, bool]]:
    table = []
    for t in lexicon.get("titles", []):
        for w in t["words"]:
            table.append((tuple(fold(w).split()), t.get("role"), bool(t.get("leader", False))))
    table.sort(key=lambda x: -len(x[0]))
    return table


def _phrases(lexicon: dict[str, Any], key: str) -> list[tuple[str, ...]]:
    def build() -> list[tuple[str, ...]]:
        return sorted((tuple(fold(w).split()) for w in lexicon.get(key, [])), key=lambda x: -len(x))

    return _compiled(lexicon, f"phrases:{key}", build)  # type: ignore[no-any-return]


def _office_nouns(lexicon: dict[str, Any]) -> list[tuple[tuple[str, ...], str]]:
    def build() -> list[tuple[tuple[str, ...], str]]:
        table = [
            (tuple(fold(w).split()), str(r)) for w, r in (lexicon.get("office_nouns") or {}).items()
        ]
        return sorted(table, key=lambda x: -len(x[0]))

    return _compiled(lexicon, "office_nouns", build)  # type: ignore[no-any-return]


def _match_at(tokens: list[Token], k: int, phrase: tuple[str, ...]) -> bool:
    if k + len(phrase) > len(tokens):
        return False
    return all(tokens[k + n].low == w for n, w in enumerate(phrase))


def _hit_spans(tokens: list[Token], hits: list[Hit], offset: int) -> list[tuple[int, int, Hit]]:
    spans = []
    starts = {t.start: n for n, t in enumerate(tokens)}
    ends = {t.end: n for n, t in enumerate(tokens)}
    for h in hits:
        i, j = starts.get(h.start + offset), ends.get(h.end + offset)
        if i is not None and j is not None:
            spans.append((i, j + 1, h))
    return spans


def _name_run(tokens: list[Token], k: int, particles: frozenset[str], limit: int = 5) -> int:
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


class SentenceMentions:
    """Find the actor mentions of one sentence, updating the article context."""

    def __init__(self, ctx: Context, tokens: list[Token], hits: list[Hit], offset: int) -> None:
        self.ctx = ctx
        self.tokens = tokens
        self.spans = _hit_spans(tokens, hits, offset)
        self.by_start = {i: (j, h) for i, j, h in self.spans}
        self.mentions: list[Mention] = []
        self.offices: list[Office] = []
        self.taken: set[int] = set()
        self._possessive = False
        self._predicate_at = -1
        self.g = ctx.grammar

    def _rule(self, name: str) -> str:
        """The id of an office rule made here, in the article's language: "es.office.title"."""
        return f"{self.g.lang}.office.{name}"

    # -- resolution of one gazetteer hit ---------------------------------------------------
    def resolve_hit(self, h: Hit) -> tuple[str, str, str | None]:
        gaz = self.ctx.gaz
        if h.kind in (NAME, SHORT):
            i = next((a for a, _, x in self.spans if x is h), 0)
            self._possessive = i > 0 and self.tokens[i - 1].low in self.g.possessives
            label = h.labels[0] if h.kind == NAME else self._disambiguate(h.labels)
            rec = gaz.get(label)
            if rec and rec.entity.type == "City" and rec.capital_of:
                return self.ctx.known(label), "capital", rec.capital_of
            return self.ctx.known(label), "name", None
        if h.kind == SEAT:
            return self.ctx.known(h.labels[0]), "seat", None
        return self.ctx.known(h.labels[0]), "demonym", None

    def _disambiguate(self, labels: tuple[str, ...]) -> str:
        """A short form shared by several bodies ("Consejo de Seguridad"): the one whose country
        the sentence or the recent context names; else an international one."""
        gaz = self.ctx.gaz
        named = [label for label in labels if self.ctx.counts[label] > 0]
        if named:
            return max(named, key=lambda x: self.ctx.counts[x])
        if self._possessive:
            # "Su ministerio de Exteriores acusó…": the country of the previous sentences
            for prev in reversed(self.ctx.recent[-8:]):
                for label in labels:
                    rec = gaz.get(label)
                    if rec and rec.country == prev:
                        return label
        here = {self.ctx.registry[m.label].label for m in self.mentions}
        for _, _, h in self.spans:
            if h.kind in (NAME, DEMONYM, SEAT):
                here.add(h.labels[0])
        # the country named in the sentence, else the most recently named one
        for label in labels:
            rec = gaz.get(label)
            if rec and rec.country and rec.country in here:
                return label
        for prev in reversed(self.ctx.recent[-8:]):
            for label in labels:
                rec = gaz.get(label)
                if rec and rec.country == prev:
                    return label
        for label in labels:
            rec = gaz.get(label)
            if rec and not rec.country:
                return label
        return labels[0]

    def _context_country(self, labels: tuple[str, ...]) -> bool:
        """A generic short form ("el bloque", "sus aliados") is taken only when the article
        has already named one of its candidates, or the country it belongs to."""
        recent = set(self.ctx.recent[-6:])
        for label in labels:
            rec = self.ctx.gaz.get(label)
            if rec and rec.country and rec.country in recent:
                return True
            if self.ctx.counts[label] > 0:
                return True
        return False

    def org_names(self) -> None:
        """Capitalised runs headed by an organisation word become new Organizations."""
        heads = {fold(w) for w in self.ctx.lexicon.get("org_heads", [])}
        toks = self.tokens
        n = 0
        while n < len(toks):
            t = toks[n]
            if n in self.taken or t.kind != "W" or not t.is_upper or t.low not in heads:
                n += 1
                continue
            end = _name_run(toks, n, self.g.name_particles, limit=8)
            while (
                n > 1
                and toks[n - 1].kind == "W"
                and toks[n - 1].is_upper
                and (n - 1) not in self.taken
            ):
                n -= 1  # "Real Instituto Elcano"
            if any(
                n <= m.i and m.j <= end and self.ctx.registry[m.label].type == "Person"
                for m in self.mentions
            ):
                n = end  # "Gobierno de Emmanuel Macron" names a person's government, not a body
                continue
            if end - n >= 2:
                label = " ".join(x.text for x in toks[n:end])
                self.add(Mention(n, end, self.ctx.new(label, "Organization"), "new"), replace=True)
                n = end
            else:
                n += 1

    def demonym_names(self) -> None:
        """ "el chino Xi Jinping", "el iraní Masud Pezeshkian": a nationality and a name."""
        toks = self.tokens
        for i, j, h in self.spans:
            if h.kind != DEMONYM or i == 0 or toks[i - 1].low not in self.g.slot_articles:
                continue
            if any(n in self.taken for n in range(i - 1, j)):
                continue
            person, end = self._person_at(j, allow_new=True)
            if person is None:
                continue
            country = self.ctx.known(h.labels[0])
            self.offices.append(self._known_office(person, country, i))
            self.add(Mention(i - 1, end, person, "title"), replace=True)

    def appositive_names(self) -> None:
        """New people named in apposition after a description: "El politólogo y aliado de
        Putin, Sergei Markov, sugiere…"."""
        lex = self.ctx.lexicon
        nouns = {p[-1] for p in _phrases(lex, "person_nouns")}
        nouns |= {p[0] for p, _, _ in _title_table(lex)}
        toks = self.tokens
        for n, t in enumerate(toks):
            if t.kind != "C" or n + 2 >= len(toks) or (n + 1) in self.taken:
                continue
            end = _name_run(toks, n + 1, self.g.name_particles, limit=4)
            if end - (n + 1) < 2 or any(k in self.taken for k in range(n + 1, end)):
                continue
            if end < len(toks) and toks[end].kind not in ("C", "S") and toks[end].is_upper:
                continue
            back = range(max(0, n - 8), n)
            if not any(toks[k].low in nouns for k in back):
                continue
            label = " ".join(x.text for x in toks[n + 1 : end])
            self.add(Mention(n + 1, end, self.ctx.new(label, "Person"), "new"))

    def add(self, m: Mention, *, replace: bool = False) -> None:
        """Add a mention; with ``replace`` it swallows the mentions it contains."""
        if replace:
            inside = [x for x in self.mentions if m.i <= x.i and x.j <= m.j]
            for x in inside:
                self.mentions.remove(x)
                self.taken.difference_update(range(x.i, x.j))
        if any(n in self.taken for n in range(m.i, m.j)):
            return
        self.mentions.append(m)
        self.taken.update(range(m.i, m.j))

    def _predicate_subject(self, head: int) -> str | None:
        m = self._predicate_mention(head)
        self._predicate_at = m.i if m else -1
        return m.label if m else None

    def _predicate_mention(self, head: int) -> Mention | None:
        """The person a predicate title belongs to: "Shoigu, quien fue ministro de Defensa",
        "Kim Jong Il, el padre de Kim, aún era el líder supremo"."""
        n = head - 1
        while n >= 0 and self.tokens[n].low in self.g.copula_adverbs:
            n -= 1
        if n < 0 or self.tokens[n].low not in self.g.copulas:
            return None
        best = None
        for m in self.mentions:
            if m.j > n or self.ctx.registry[m.label].type != "Person":
                continue
            if m.i > 0 and self.tokens[m.i - 1].low in self.g.prepositions:
                continue
            if best is None or m.i > best.i:
                best = m
        return best

    # -- titles -----------------------------------------------------------------------------
    def titles(self) -> None:
        lex = self.ctx.lexicon
        table = _title_table(lex)
        person_nouns = _phrases(lex, "person_nouns")
        org_nouns = _phrases(lex, "org_nouns")
        former = {fold(w) for w in lex.get("former", [])}
        adjectives = {fold(w) for w in lex.get("title_adjectives", [])}
        first = _first_words(lex)
        toks = self.tokens
        k = 0
        while k < len(toks):
            start = k
            # "Russian President Vladimir Putin", "Russia's foreign minister": the country first
            country, k = self._prequalifier(k, first)  # a name may include its article
            if country is None and toks[k].low in self.g.head_determiners:
                country, k = self._prequalifier(k + 1, first)
            preset = (country, start) if country else None
            if preset is None and start in self.taken:
                k = start + 1
                continue
            while k < len(toks) and toks[k].low in adjectives:
                k += 1
            was = False
            if k < len(toks) and toks[k].low in former:
                was, k = True, k + 1
            elif k < len(toks) and toks[k].low.startswith("ex") and len(toks[k].low) > 6:
                # "exministro de Defensa": read the title without its prefix
                was = any(toks[k].low[2:] == p[0] for p, _, _ in table)
            if k >= len(toks) or not (was or toks[k].low in first):
                k = start + 1
                continue
            found = self._title_at(k, table, was, preset)
            if found is None:
                found = self._noun_at(k, person_nouns, org_nouns, preset)
            if found is None or preset is None and not self._title_start_ok(start, k):
                k = start + 1
                continue
            k = found
        return None

    def _prequalifier(self, k: int, first: frozenset[str]) -> tuple[str | None, int]:
        """A nationality or country right before a title: ("Russia", index of the title)."""
        if k not in self.by_start:
            return None, k
        j, h = self.by_start[k]
        if h.kind == DEMONYM:
            country = h.labels[0]
        else:
            label, _, state = self.resolve_hit(h)
            country = state or label
        rec = self.ctx.gaz.get(country)
        if rec is None or rec.entity.type not in ("Country", "Organization", "Bloc"):
            return None, k
        n = j + 1 if j < len(self.tokens) and self.tokens[j].low in ("'s", "’s") else j
        if n < len(self.tokens) and self.tokens[n].low in first:
            return self.ctx.known(country), n
        return None, k

    def _title_start_ok(self, start: int, k: int) -> bool:
        return all(n not in self.taken for n in range(start, k))

    def _title_at(
        self,
        k: int,
        table: list[tuple[tuple[str, ...], str | None, bool]],
        was: bool,
        preset: tuple[str, int] | None = None,
    ) -> int | None:
        toks = self.tokens
        for phrase, role, leader in table:
            words = list(phrase)
            if was and toks[k].low.startswith("ex") and toks[k].low[2:] == words[0]:
                words[0] = toks[k].low
            if not _match_at(toks, k, tuple(words)):
                continue
            n = k + len(words)
            of, n = self._qualifier(n, allow_de_word=False)
            of = of or (preset[0] if preset else None)
            if n < len(toks) and toks[n].kind == "C":
                n_name = n + 1
            else:
                n_name = n
            person, end = self._person_at(n_name)
            if person is None and role is None and of is None:
                return None
            head = k - 1 if k > 0 and toks[k - 1].low in self.g.head_determiners else k
            if preset:
                head = preset[1]
            predicate = False
            if person is None:
                person = self._predicate_subject(head)
                predicate = person is not None
                definite = k > 0 and toks[k - 1].low in self.g.definite
                if person is None and definite:
                    person = self._holder(role, of, leader)
                end = n
                if person is None:
                    return None
                kind = "coref"
            else:
                kind = "title"
            if of is None:
                of = self._office_of(person, role)
            if of is not None and not was:
                relation = "leader_of" if leader else "holds_position"
                if role == "Minister" and not leader:
                    role = None
                self.offices.append(
                    Office(
                        person,
                        relation,
                        of,
                        role or self._role_of(person, of),
                        k,
                        self._rule("predicate" if predicate else "title"),
                        self._predicate_at if predicate else -1,
                    )
                )
            elif of is not None and was:
                relation = "leader_of" if leader else "holds_position"
                self.offices.append(
                    Office(person, relation, of, role, k, self._rule("former_title"))
                )
            if not predicate:
                self.add(Mention(head, end, person, kind), replace=True)
            return end
        return None

    def _noun_at(
        self,
        k: int,
        person_nouns: list[tuple[str, ...]],
        org_nouns: list[tuple[str, ...]],
        preset: tuple[str, int] | None = None,
    ) -> int | None:
        toks = self.tokens
        kinship = {fold(w) for w in self.ctx.lexicon.get("kinship_nouns", [])}
        for phrase, role in _office_nouns(self.ctx.lexicon):
            if not _match_at(toks, k, phrase):
                continue
            n = k + len(phrase)
            of, n = self._qualifier(n, allow_de_word=False)
            of = of or (preset[0] if preset else None)
            if n < len(toks) and toks[n].kind == "C":
                n += 1
            n = self._skip_adjunct(n)
            person, end = self._person_at(n, allow_new=True)
            if person is None or of is None:
                return None
            self.offices.append(
                Office(person, "holds_position", of, role, k, self._rule("noun_of"))
            )
            head = k - 1 if k > 0 and toks[k - 1].low in self.g.head_determiners else k
            self.add(Mention(preset[1] if preset else head, end, person, "title"), replace=True)
            return end
        for nouns, type_ in ((person_nouns, "Person"), (org_nouns, "Organization")):
            for phrase in nouns:
                if not _match_at(toks, k, phrase) or toks[k].is_upper and type_ == "Organization":
                    continue
                n = k + len(phrase)
                of, n = self._qualifier(n, allow_de_word=True)
                of = of or (preset[0] if preset else None)
                while (
                    n < len(toks) and toks[n].kind == "W" and toks[n].low in self.g.org_adjectives
                ):
                    n += 1
                if n < len(toks) and toks[n].kind == "C":
                    n += 1
                if type_ == "Person":
                    person, end = self._person_at(n, allow_new=True)
                    if person is None:
                        continue
                    if of is not None:
                        self.offices.append(self._known_office(person, of, k))
                    head = k - 1 if k > 0 and toks[k - 1].low in self.g.head_determiners else k
                    if preset:
                        head = preset[1]
                    if phrase[0] in kinship:
                        head = n  # "su padre, Heydar Alíyev": the kinship is a relation, not a name
                    self.add(Mention(head, end, person, "title"), replace=True)
                    return end
                end = _name_run(toks, n, self.g.name_particles)
                if end > n and not (n in self.by_start and self.by_start[n][0] >= end):
                    label = " ".join(t.text for t in toks[n:end])
                    self.add(
                        Mention(n, end, self.ctx.new(label, "Organization"), "new"), replace=True
                    )
                    return end
        return None

    def _skip_adjunct(self, n: int) -> int:
        """Past "ante la ONU ," between a title and its holder's name."""
        toks = self.tokens
        if n < len(toks) and toks[n].low in self.g.title_adjuncts:
            k = n + 1
            if k < len(toks) and toks[k].low in self.g.slot_articles:
                k += 1
            if k in self.by_start:
                k = self.by_start[k][0]
                if k < len(toks) and toks[k].kind == "C":
                    return k + 1
        return n

    def _qualifier(self, n: int, *, allow_de_word: bool) -> tuple[str | None, int]:
        """A country or body after a title: "ruso", "de Rusia", "del Consejo de Seguridad"."""
        toks = self.tokens
        if (
            allow_de_word
            and n + 1 < len(toks)
            and toks[n].low in self.g.of_words
            and toks[n + 1].kind == "W"
            and not toks[n + 1].is_upper
            and (
                n + 2 < len(toks)
                and (n + 2) in self.by_start
                and self.by_start[n + 2][1].kind == DEMONYM
            )
        ):
            n += 2  # "funcionario de seguridad ruso"
        if n in self.by_start and self.by_start[n][1].kind == DEMONYM:
            j, h = self.by_start[n]
            return self.ctx.known(h.labels[0]), j
        if n < len(toks) and toks[n].low in self.g.of_words:
            m = n + 1
            if m not in self.by_start and m < len(toks) and toks[m].low in self.g.slot_articles:
                m += 1
            if m in self.by_start and self.by_start[m][1].kind != DEMONYM:
                j, h = self.by_start[m]
                label, kind, state = self.resolve_hit(h)
                label = state or label
                rec = self.ctx.gaz.get(label)
                if rec is None or rec.entity.type in ("Country", "Organization", "Bloc"):
                    return label, j
        return None, n

    def _person_at(self, n: int, allow_new: bool = True) -> tuple[str | None, int]:
        toks = self.tokens
        if n in self.by_start:
            j, h = self.by_start[n]
            if h.kind == NAME:
                rec = self.ctx.gaz.get(h.labels[0])
                if rec and rec.entity.type == "Person":
                    return self.ctx.known(h.labels[0]), j
            return None, n
        end = _name_run(toks, n, self.g.name_particles)
        if end - n >= 1 and allow_new:
            if end - n == 1:
                found = self.coref(toks[n])
                if found:
                    return found, end
                return None, n
            label = " ".join(t.text for t in toks[n:end])
            return self.ctx.new(label, "Person"), end
        return None, n

    def _holder(self, role: str | None, of: str | None, leader: bool) -> str | None:
        if of is None:
            return None
        gaz = self.ctx.gaz
        if role is None and leader:
            people: list[str] = []
            for r in (
                "Supreme Leader",
                "President",
                "King",
                "Emir",
                "Prime Minister",
                "Secretary-General",
            ):
                people = gaz.holders(r, of, self.ctx.published)
                if people:
                    break
        else:
            people = gaz.holders(role, of, self.ctx.published)
        if len(people) == 1:
            return self.ctx.known(people[0])
        rec = gaz.get(of)
        if not people and role and leader and rec is not None and rec.entity.type == "Country":
            return self.ctx.new(f"{role} of {of}", "Person")
        return None

    def _known_office(self, person: str, of: str, k: int) -> Office:
        """A person described by nationality: the office the gazetteer knows they hold there
        ("su homólogo chino, Xi Jinping" -> leader_of China), else affiliated_with."""
        leaders = {
            "President",
            "Prime Minister",
            "Supreme Leader",
            "King",
            "Queen",
            "Emir",
            "Chancellor",
            "Secretary-General",
        }
        for p in self.ctx.gaz.positions_of(person, self.ctx.published):
            if p.of == of and p.holds_on(self.ctx.published):
                rel = "leader_of" if p.role in leaders else "holds_position"
                return Office(person, rel, of, p.role, k, self._rule("known_position"))
        return Office(person, "affiliated_with", of, None, k, self._rule("noun_demonym"))

    def _office_of(self, person: str, role: str | None) -> str | None:
        for p in self.ctx.gaz.positions_of(person, self.ctx.published):
            if role is None or p.role == role:
                return self.ctx.known(p.of) if self.ctx.gaz.get(p.of) else p.of
        return None

    def _role_of(self, person: str, of: str) -> str | None:
        for p in self.ctx.gaz.positions_of(person, self.ctx.published):
            if p.of == of:
                return p.role
        return None

    # -- the rest ---------------------------------------------------------------------------
    def coref(self, tok: Token) -> str | None:
        cands = self.ctx.surnames.get(tok.low, [])
        if not cands:
            return None
        return max(cands, key=lambda c: (self.ctx.counts[c], -cands.index(c)))

    def names(self) -> None:
        lex = self.ctx.lexicon
        collective = _phrases(lex, "collective_nouns")
        dets = {fold(w) for w in lex.get("demonym_determiners", [])}
        forces = {fold(w) for w in lex.get("state_forces", [])}
        toks = self.tokens
        for i, j, h in self.spans:
            if h.kind == DEMONYM:
                # "fuerzas rusas", "los homólogos norcoreanos", "los norcoreanos"
                for phrase in collective:
                    s = i - len(phrase)
                    if s >= 0 and _match_at(toks, s, phrase):
                        s2 = (
                            s - 1
                            if s > 0 and toks[s - 1].low in self.g.head_determiners | dets
                            else s
                        )
                        self.add(Mention(s2, j, self.ctx.known(h.labels[0]), "collective"))
                        break
                else:
                    if i > 0 and toks[i - 1].low in dets:
                        self.add(Mention(i - 1, j, self.ctx.known(h.labels[0]), "collective"))
                continue
            if h.kind == SHORT and not toks[j - 1].is_upper and not self._context_country(h.labels):
                continue  # "sus aliados": whose allies is not for a gazetteer to say
            if h.kind == SHORT and j < len(toks) and toks[j].kind == "W" and toks[j].is_upper:
                continue  # "la Guerra Fría": the start of another name
            if (
                j - i == 1
                and i > 1
                and toks[i - 1].kind == "W"
                and toks[i - 1].is_upper
                and (i - 1) not in self.taken
                and not any(i - 1 == a for a, _, _ in self.spans)
                and self.ctx.gaz.get(h.labels[0]) is not None
                and self.ctx.gaz.entity(h.labels[0]).type == "Person"
            ):
                continue  # a surname inside another person's name: "Sean Mnangagwa"
            label, kind, state = self.resolve_hit(h)
            rec = self.ctx.gaz.get(label)
            if rec and rec.country and not toks[i].is_upper and toks[i].low in forces:
                # "las fuerzas rusas" acting: the state (ANNOTATION.md demonyms naming an actor)
                label, kind = self.ctx.known(rec.country), "collective"
            self.add(Mention(i, j, label, kind, state))

    def own_country(self) -> None:
        """ "su país", "su Gobierno": the country of the person just named, else the country
        most recently named ("Choe aseguró que su país permanecerá…")."""
        from kg.extract.modality import find_phrase

        toks = self.tokens
        phrases = {len(p): p for p in self.g.own_country}
        for n in find_phrase(toks, 0, len(toks), self.g.own_country):
            width = next(
                (w for w, p in sorted(phrases.items(), reverse=True) if _match_at(toks, n, p)), 2
            )
            if any(k in self.taken for k in range(n, n + width)):
                continue
            country = None
            people = [
                m for m in self.mentions if m.j <= n and self.ctx.registry[m.label].type == "Person"
            ]
            if people:
                country = self.ctx.affiliation.get(max(people, key=lambda m: m.i).label)
            if country is None:
                for prev in reversed(self.ctx.recent[-8:]):
                    rec = self.ctx.gaz.get(prev)
                    if rec and rec.entity.type == "Country":
                        country = prev
                        break
            if country is not None:
                self.add(Mention(n, n + width, self.ctx.known(country), "coref"))

    def government_of(self) -> None:
        """ "el Gobierno de Nicolás Maduro": the country that person governs."""
        toks = self.tokens
        for m in list(self.mentions):
            k = m.i
            if (
                k < 2
                or toks[k - 1].low not in self.g.of_words
                or toks[k - 2].low not in self.g.government_of
            ):
                continue
            if self.ctx.registry[m.label].type != "Person":
                continue
            country = self.ctx.affiliation.get(m.label)
            if country is None:
                continue
            # "el Gobierno de X": the article belongs to the mention; "al/del" stay outside it
            start = k - 3 if k >= 3 and toks[k - 3].low in self.g.slot_articles else k - 2
            self.add(Mention(start, m.j, self.ctx.known(country), "coref"), replace=True)

    def corefs(self) -> None:
        toks = self.tokens
        for n, t in enumerate(toks):
            if n in self.taken or t.kind != "W" or not t.is_upper:
                continue
            if (
                n > 0
                and toks[n - 1].kind == "W"
                and toks[n - 1].is_upper
                and (n - 1) not in self.taken
                and n - 1 > 0
            ):
                continue  # part of a longer name: "Sean Mnangagwa" is not the president
            if (
                n + 1 < len(toks)
                and toks[n + 1].kind == "W"
                and toks[n + 1].is_upper
                and (n + 1) not in self.taken
            ):
                continue
            found = self.coref(t)
            if found:
                self.add(Mention(n, n + 1, found, "coref"))

    def demonyms(self) -> list[tuple[int, int, str]]:
        """Demonyms left as words (adjectives): token span and country label."""
        return [
            (i, j, self.ctx.known(h.labels[0]))
            for i, j, h in self.spans
            if h.kind == DEMONYM and not any(n in self.taken for n in range(i, j))
        ]

    def groups(self) -> list[Mention]:
        """Coordinated actors ("Rusia y China", "Reino Unido, Francia y Alemania") as groups."""
        ms = sorted(self.mentions, key=lambda m: m.i)
        out: list[Mention] = []
        n = 0
        while n < len(ms):
            run = [ms[n]]
            while n + 1 < len(ms):
                a, b = run[-1], ms[n + 1]
                between = [t.low for t in self.tokens[a.j : b.i]]
                if between and between[-1] in self.g.list_determiners:
                    between = between[:-1]  # "China y la India", "Irán y los Emiratos"
                if self._joins(between) and not (
                    between == [","] and not self._list_continues(ms, n + 1)
                ):
                    run.append(b)
                    n += 1
                else:
                    break
            if len(run) > 1:
                out.append(Mention(run[0].i, run[-1].j, run[0].label, "group", members=tuple(run)))
            else:
                out.append(run[0])
            n += 1
        return out

    def _joins(self, between: list[str]) -> bool:
        """ "y", "e", "," or "y sus" between two actors of one list."""
        if between == [","]:
            return True
        if not between or between[0] not in self.g.coordinators:
            return False
        return len(between) == 1 or (len(between) == 2 and between[1] in self.g.possessives)

    def _list_continues(self, ms: list[Mention], k: int) -> bool:
        """After "A , B" the list goes on only if it ends with "y|e C"."""
        while k + 1 < len(ms):
            between = [t.low for t in self.tokens[ms[k].j : ms[k + 1].i]]
            if between and between[-1] in self.g.list_determiners:
                between = between[:-1]
            if between and between != [","] and self._joins(between):
                return True
            if between != [","]:
                return False
            k += 1
        return False


def find_mentions(
    ctx: Context, tokens: list[Token], hits: list[Hit], offset: int
) -> tuple[list[Mention], list[Office], list[tuple[int, int, str]]]:
    """All actor mentions of a sentence (coordinated ones grouped), offices, free demonyms."""
    sm = SentenceMentions(ctx, tokens, hits, offset)
    sm.names()
    sm.corefs()
    sm.org_names()
    sm.titles()
    sm.demonym_names()
    sm.appositive_names()
    for o in sm.offices:
        rec = ctx.gaz.get(o.of)
        country = o.of if rec and rec.entity.type == "Country" else (rec.country if rec else None)
        if country:
            ctx.affiliation.setdefault(o.person, country)
    for label in {m.label for m in sm.mentions}:
        if label not in ctx.affiliation:
            for p in ctx.gaz.positions_of(label, ctx.published):
                rec = ctx.gaz.get(p.of)
                if rec and rec.entity.type == "Country":
                    ctx.affiliation[label] = p.of
                    break
    sm.own_country()
    sm.government_of()
    for m in sm.mentions:
        ctx.counts[m.label] += 1
        ctx.recent.append(m.state or m.label)
    return sm.groups(), sm.offices, sm.demonyms()
