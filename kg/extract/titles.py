"""Titles and offices: "el líder norcoreano Kim Jong Un", "Russian President Vladimir Putin",
"Shoigu, quien fue ministro de Defensa de Rusia hasta mayo": the person, the office statement
(leader_of / holds_position / affiliated_with) and, with no name, the holder on that date."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.extract.bodies import portfolio_at, sole_country
from kg.extract.context import Context, Mention, Office, lexicon_words, match_at, name_run
from kg.extract.gazetteer import DEMONYM, NAME, Hit
from kg.extract.grammar import Grammar
from kg.extract.tokens import Token, fold
from kg.extract.topic_titles import opens_clause, previous_opener, verb_follows

_COMPILED: dict[tuple[int, str], tuple[dict[str, Any], Any]] = {}


_LEADING = frozenset(
    {"President", "Prime Minister", "Supreme Leader", "King", "Queen", "Emir", "Chancellor"}
)


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


class TitleReader:
    """The title-reading half of SentenceMentions (a mixin: it reads and adds its mentions)."""

    ctx: Context
    tokens: list[Token]
    g: Grammar
    by_start: dict[int, tuple[int, Hit]]
    taken: set[int]
    mentions: list[Mention]
    offices: list[Office]
    _predicate_at: int

    if TYPE_CHECKING:

        def add(self, m: Mention, *, replace: bool = False) -> None: ...

        def resolve_hit(self, h: Hit) -> tuple[str, str, str | None]: ...

        def coref(self, tok: Token) -> str | None: ...

        def _rule(self, name: str) -> str: ...

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
        former = lexicon_words(lex, "former")
        adjectives = lexicon_words(lex, "title_adjectives")
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
                found = self._noun_at(k, person_nouns, org_nouns, preset, was)
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

    def _owned_title(self, k: int) -> bool:
        """Whether the title at ``k`` hangs from a person noun before it ("la esposa del
        presidente", "el portavoz del primer ministro"): a name after it is that person's."""
        toks = self.tokens
        b = k - 1
        if b >= 0 and toks[b].low in self.g.head_determiners:
            b -= 1
        if b < 1 or toks[b].low not in self.g.of_words:
            return False
        head = toks[b - 1].low
        lex = self.ctx.lexicon
        people = lexicon_words(lex, "household_nouns") | lexicon_words(lex, "person_nouns")
        return head in people or head in _first_words(lex)

    def _subject_title(self, k: int, n: int) -> bool:
        """ "El veterano dirigente, de 71 años, gobernó…": see topic_titles.py."""
        return opens_clause(self.ctx, self.tokens, k) and verb_follows(self.ctx, self.tokens, n)

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
            inner: str | None = None
            if match_at(toks, k, tuple(words)):
                n = k + len(words)
            else:
                # "el ministro ruso de Exteriores": the nationality inside the title
                inner, n = self._inner_demonym(k, words)
                if inner is None:
                    continue
            of, n = self._qualifier(n, allow_de_word=False)
            of = of or inner or (preset[0] if preset else None)
            portfolio = role == "Minister" and portfolio_at(toks, n, self.g)
            n = self._skip_portfolio(n)
            if n < len(toks) and toks[n].kind == "C":
                n_name = n + 1
            else:
                n_name = n
            person, end = self._person_at(n_name)
            if person is not None and n_name > n and self._owned_title(k):
                return None  # "el portavoz del presidente ruso, Dmitri Peskov": the spokesman
            if person is None and role is None and of is None and not self._subject_title(k, n):
                return None
            head = k - 1 if k > 0 and toks[k - 1].low in self.g.head_determiners else k
            if preset:
                head = preset[1]
            predicate = bare = False
            if person is None:
                person = self._predicate_subject(head)
                predicate = person is not None
                before = k - 1
                while before > 0 and toks[before].low in self._former_words:
                    before -= 1  # "el ex primer ministro"
                definite = before >= 0 and toks[before].low in self.g.definite
                if person is None and definite:
                    person = (
                        self._former_holder(role, of) if was else self._holder(role, of, leader)
                    )
                if (
                    person is None
                    and definite
                    and of is None
                    and role is not None
                    and n < len(toks)
                    and verb_follows(self.ctx, toks, n)
                ):
                    # "El secretario general denunció…": the one the article titled so before
                    person = self.ctx.roles.get(role)
                if person is None and of is None and role is None and self._subject_title(k, n):
                    person = previous_opener(self.ctx)  # "El veterano dirigente, de 71 años, …"
                    bare, head = True, 0  # an epithet: it says no office
                end = n
                if person is None:
                    return None
                kind = "coref"
            else:
                kind = "title"
            if of is None and not bare:
                of = self._office_of(person, role)
            if of is None and not was and (portfolio or (role or "").startswith("Minister ")):
                of = sole_country(self.ctx, person)  # "es ministro de la Función Pública"
            known = (
                self._known_role(person, of)
                if of is not None and role and not leader and not was
                else None
            )
            if of is not None and known in _LEADING:
                # "el canciller alemán, Olaf Scholz": the gazetteer's office on that date
                # (Chancellor) over the title's other reading (a foreign minister)
                self.offices.append(self._known_office(person, of, k))
            elif of is not None and not was:
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
                    Office(
                        person,
                        relation,
                        of,
                        role,
                        k,
                        self._rule("former_title"),
                        ended=self._term_end(person, role, of),
                    )
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
        was: bool = False,
    ) -> int | None:
        toks = self.tokens
        kinship = lexicon_words(self.ctx.lexicon, "kinship_nouns")
        for phrase, role in _office_nouns(self.ctx.lexicon):
            if not match_at(toks, k, phrase):
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
            if not was:  # "el antiguo jefe del Pentágono": no office held now
                self.offices.append(
                    Office(person, "holds_position", of, role, k, self._rule("noun_of"))
                )
            head = k - 1 if k > 0 and toks[k - 1].low in self.g.head_determiners else k
            self.add(Mention(preset[1] if preset else head, end, person, "title"), replace=True)
            return end
        for nouns, type_ in ((person_nouns, "Person"), (org_nouns, "Organization")):
            for phrase in nouns:
                if not match_at(toks, k, phrase) or toks[k].is_upper and type_ == "Organization":
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
                    if person is None and of is None and phrase[0] not in kinship:
                        # "el experto en seguridad marítima Jukka Salminen": a field, then the name
                        n = self._skip_field(n)
                        person, end = self._person_at(n, allow_new=True)
                    if person is None:
                        continue
                    if of is not None and not was:
                        self.offices.append(self._known_office(person, of, k))
                    head = k - 1 if k > 0 and toks[k - 1].low in self.g.head_determiners else k
                    if preset:
                        head = preset[1]
                    if phrase[0] in kinship:
                        head = n  # "su padre, Heydar Alíyev": the kinship is a relation, not a name
                    self.add(Mention(head, end, person, "title"), replace=True)
                    return end
                if (
                    of is None
                    and n + 1 < len(toks)
                    and toks[n].kind == "W"
                    and not toks[n].is_upper
                    and toks[n + 1].is_upper
                    and n not in self.by_start
                ):
                    n += 1  # "la consultora caraqueña Petroanálisis": an adjective, then the name
                end = name_run(toks, n, self.g.name_particles)
                if end > n and not (n in self.by_start and self.by_start[n][0] >= end):
                    label = " ".join(t.text for t in toks[n:end])
                    self.add(
                        Mention(n, end, self.ctx.new(label, "Organization"), "new"), replace=True
                    )
                    return end
        return None

    def _skip_field(self, n: int, most: int = 4) -> int:
        """Past a field of expertise after a person noun ("en seguridad marítima", "de
        política exterior"): a preposition and up to ``most`` lower-case words, when a
        capitalised word follows them; else ``n``."""
        toks = self.tokens
        if n >= len(toks) or toks[n].low not in self.g.prepositions:
            return n
        k = n + 1
        while k < len(toks) and k - n <= most and toks[k].kind == "W" and not toks[k].is_upper:
            k += 1
        return k if k > n + 1 and k < len(toks) and toks[k].is_upper else n

    def _skip_portfolio(self, n: int) -> int:
        """Past a named portfolio after the nationality: "el ministro francés de las Fuerzas
        Armadas, Sébastien Lecornu"."""
        toks = self.tokens
        if n >= len(toks) or toks[n].low not in self.g.of_words:
            return n
        k = n + 1
        if k < len(toks) and toks[k].low in self.g.slot_articles:
            k += 1
        for m in self.mentions:
            if m.i == k:
                return m.j
        # a portfolio no gazetteer names, closed by a comma: "de Economía, Bruno Le Maire"
        m_end = k
        joiners = self.g.coordinators | self.g.of_words | self.g.slot_articles
        while m_end < len(toks) and (
            toks[m_end].is_upper
            or (toks[m_end].low in joiners and m_end + 1 < len(toks) and toks[m_end + 1].is_upper)
        ):
            m_end += 1
        if m_end > k and m_end < len(toks) and toks[m_end].kind == "C":
            return m_end
        return n

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
            end = name_run(toks, n, self.g.name_particles)
            if h.kind == NAME or end <= j or any(k in self.by_start for k in range(j, end)):
                return None, n
            # "el general norcoreano Kim Yong Bok": a longer name than the short form "Kim"
        end = name_run(toks, n, self.g.name_particles)
        if end - n >= 1 and allow_new:
            if end - n == 1:
                found = self.coref(toks[n])
                if found:
                    return found, end
                return None, n
            label = " ".join(t.text for t in toks[n:end])
            return self.ctx.new(label, "Person"), end
        return None, n

    def _term_end(self, person: str, role: str | None, of: str) -> str | None:
        """When the gazetteer says ``person``'s term in that office ended (ISO date), if it
        knows exactly one such ended term."""
        ends = {
            p.end.isoformat()
            for p in getattr(self.ctx.gaz.get(person), "positions", ())
            if p.of == of and (role is None or p.role == role) and p.end is not None
        }
        return ends.pop() if len(ends) == 1 else None

    @property
    def _former_words(self) -> frozenset[str]:
        return lexicon_words(self.ctx.lexicon, "former")

    def _known_role(self, person: str, of: str) -> str | None:
        """The one role the gazetteer gives ``person`` in ``of`` on the publication date."""
        day = self.ctx.published
        roles = {
            p.role
            for p in getattr(self.ctx.gaz.get(person), "positions", ())
            if p.of == of and day is not None and p.holds_on(day)
        }
        return roles.pop() if len(roles) == 1 else None

    def _former_holder(self, role: str | None, of: str | None) -> str | None:
        """Whom "el exprimer ministro neerlandés" refers to: the one person the article has
        named whose term in that office (any leading office when the title names no role)
        ended before the publication date."""
        day = self.ctx.published
        if of is None or day is None:
            return None
        found = {
            label
            for label, entity in self.ctx.registry.items()
            if entity.type == "Person"
            and any(
                p.of == of
                and (p.role == role if role else p.role in _LEADING)
                and p.end is not None
                and p.end < day
                for p in getattr(self.ctx.gaz.get(label), "positions", ())
            )
        }
        return found.pop() if len(found) == 1 else None

    def _inner_demonym(self, k: int, words: list[str]) -> tuple[str | None, int]:
        """A title of several words with a demonym after its first ("ministro ruso de
        Exteriores"): the demonym's country and the index after the title; else (None, k)."""
        toks = self.tokens
        if len(words) < 2 or toks[k].low != words[0] or (k + 1) not in self.by_start:
            return None, k
        j, h = self.by_start[k + 1]
        if h.kind != DEMONYM or not match_at(toks, j, tuple(words[1:])):
            return None, k
        return self.ctx.known(h.labels[0]), j + len(words) - 1

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
