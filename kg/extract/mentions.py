"""Actor mentions in a sentence: gazetteer names, titles and roles, new names, coreference.

Every mention is a span of tokens resolved to an entity label of the article's registry.  Titles
("el líder norcoreano Kim Jong Un") also yield office statements (leader_of, holds_position,
affiliated_with), which the pipeline turns into Statements.
"""

from __future__ import annotations

from kg.extract.anaphora import note_organisations, note_topic, org_anaphors
from kg.extract.bodies import local_body
from kg.extract.context import (
    Context,
    Mention,
    Office,
    find_phrase,
    hit_spans,
    lexicon_words,
    match_at,
    name_run,
)
from kg.extract.gazetteer import DEMONYM, NAME, SEAT, SHORT, Hit
from kg.extract.pairs import note_actors, pair_mentions
from kg.extract.titles import TitleReader, _phrases, _title_table
from kg.extract.tokens import Token

__all__ = ["Context", "Mention", "Office", "SentenceMentions", "find_mentions"]


class SentenceMentions(TitleReader):
    """Find the actor mentions of one sentence, updating the article context."""

    def __init__(self, ctx: Context, tokens: list[Token], hits: list[Hit], offset: int) -> None:
        self.ctx = ctx
        self.tokens = tokens
        self.spans = hit_spans(tokens, hits, offset)
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
            if h.kind == SHORT and len(h.labels) == 1 and self.tokens[i].is_upper:
                # "el Senado" in an article about Cambodia: Cambodia's (bodies.py)
                here = [x.labels[0] for _, _, x in self.spans]
                local = local_body(self.ctx, label, here)
                if local and local != label:
                    return local, "name", None  # registered by local_body
            rec = gaz.get(label)
            if rec and rec.entity.type == "City" and rec.capital_of:
                # a capital acting stands for its state, or for the organisation it is the seat
                # of ("si Bruselas impone aranceles": the European Union, not Belgium)
                return self.ctx.known(label), "capital", rec.seat_of or rec.capital_of
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
        chamber = lexicon_words(self.ctx.lexicon, "chamber_words")
        if any(t.low in chamber or t.lemma in chamber for t in self.tokens):
            # "Rusia vetó en el Consejo de Seguridad una resolución": the UN's chamber
            for label in labels:
                rec = gaz.get(label)
                if rec and not rec.country:
                    return label
        here = {self.ctx.registry[m.label].label for m in self.mentions}
        for _, _, h in self.spans:
            if h.kind in (NAME, DEMONYM, SEAT):
                here.add(h.labels[0])
        # the country the sentence names, or the country of a person it names ("Shoigu, …
        # del Consejo de Seguridad"); else an international body: "Security Council
        # resolutions" after a paragraph on Russia are still the UN's
        here |= {self.ctx.affiliation[x] for x in list(here) if x in self.ctx.affiliation}
        for label in labels:
            rec = gaz.get(label)
            if rec and rec.country and rec.country in here:
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
        recent |= {self.ctx.affiliation[x] for x in recent if x in self.ctx.affiliation}
        for label in labels:
            rec = self.ctx.gaz.get(label)
            if rec and rec.country and rec.country in recent:
                return True
            if self.ctx.counts[label] > 0:
                return True
        return False

    def state_bodies(self) -> None:
        """ "el Gobierno de Malí", "la junta militar de Níger", "el régimen de Damasco": a
        state's own body acting is the state (as "el Gobierno camboyano" is)."""
        forces = _phrases(self.ctx.lexicon, "state_forces")
        toks = self.tokens
        for i, j, h in self.spans:
            if h.kind not in (NAME, SHORT) or i < 2 or toks[i - 1].low not in self.g.of_words:
                continue
            label, kind, state = self.resolve_hit(h)
            country = state or label
            entity = self.ctx.registry.get(country)
            if entity is None or entity.type != "Country":
                continue
            for phrase in forces:
                s = i - 1 - len(phrase)
                if s >= 0 and match_at(toks, s, phrase):
                    if s > 0 and toks[s - 1].low in self.g.head_determiners:
                        s -= 1
                    self.add(Mention(s, j, country, "collective"), replace=True)
                    break

    def org_names(self) -> None:
        """Capitalised runs headed by an organisation word become new Organizations."""
        heads = lexicon_words(self.ctx.lexicon, "org_heads")
        toks = self.tokens
        n = 0
        while n < len(toks):
            t = toks[n]
            if n in self.taken or t.kind != "W" or not t.is_upper or t.low not in heads:
                n += 1
                continue
            end = name_run(toks, n, self.g.name_particles, limit=8)
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
        # "del noruego Jens Stoltenberg": a contracted article stays outside, as a preposition
        contracted = lexicon_words(self.ctx.lexicon, "contracted_articles")
        for i, j, h in self.spans:
            if h.kind != DEMONYM or i == 0:
                continue
            if toks[i - 1].low not in self.g.slot_articles | contracted:
                continue
            if any(n in self.taken for n in range(i - 1, j)):
                continue
            person, end = self._person_at(j, allow_new=True)
            if person is None:
                continue
            country = self.ctx.known(h.labels[0])
            self.offices.append(self._known_office(person, country, i))
            start = i if toks[i - 1].low in contracted else i - 1
            self.add(Mention(start, end, person, "title"), replace=True)

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
            end = name_run(toks, n + 1, self.g.name_particles, limit=4)
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

    # -- the rest ---------------------------------------------------------------------------
    def coref(self, tok: Token) -> str | None:
        cands = self.ctx.surnames.get(tok.low, [])
        if not cands:
            return None
        return max(cands, key=lambda c: (self.ctx.counts[c], -cands.index(c)))

    def names(self) -> None:
        lex = self.ctx.lexicon
        collective = _phrases(lex, "collective_nouns")
        dets = lexicon_words(lex, "demonym_determiners")
        forces = lexicon_words(lex, "state_forces")
        toks = self.tokens
        for i, j, h in self.spans:
            if h.kind == DEMONYM:
                # "fuerzas rusas", "los homólogos norcoreanos", "los norcoreanos"
                for phrase in collective:
                    s = i - len(phrase)
                    if s >= 0 and match_at(toks, s, phrase):
                        s2 = (
                            s - 1
                            if s > 0 and toks[s - 1].low in self.g.head_determiners | dets
                            else s
                        )
                        self.add(Mention(s2, j, self.ctx.known(h.labels[0]), "collective"))
                        break
                    if match_at(toks, j, phrase):
                        # "Russian forces", "North Korean troops": the noun after the demonym
                        s2 = i - 1 if i > 0 and toks[i - 1].low in self.g.head_determiners else i
                        e = j + len(phrase)
                        self.add(Mention(s2, e, self.ctx.known(h.labels[0]), "collective"))
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
            if (
                h.kind == SHORT
                and len(h.labels) == 1
                and toks[i].is_upper
                and not local_body(self.ctx, h.labels[0], [x.labels[0] for _, _, x in self.spans])
            ):
                continue  # another country's body that cannot be named
            label, kind, state = self.resolve_hit(h)
            rec = self.ctx.gaz.get(label)
            common = [t for t in toks[i:j] if not t.is_upper and t.low in forces]
            if rec and rec.country and common:
                # "las fuerzas rusas", "Russian forces" acting: the state (ANNOTATION.md: demonyms
                # naming an actor); "Armed Forces of Ukraine", a name, stays the body
                label, kind = self.ctx.known(rec.country), "collective"
            self.add(Mention(i, j, label, kind, state))

    def own_country(self) -> None:
        """ "su país", "su Gobierno": the country of the person just named, else the country
        most recently named ("Choe aseguró que su país permanecerá…")."""
        toks = self.tokens
        phrases = {len(p): p for p in self.g.own_country}
        for n in find_phrase(toks, 0, len(toks), self.g.own_country):
            width = next(
                (w for w, p in sorted(phrases.items(), reverse=True) if match_at(toks, n, p)), 2
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
            state = self.ctx.known(country)
            self.add(Mention(start, m.j, state, "coref"), replace=True)
            # a person's government is the government that person leads
            role = self._role_of(m.label, country)
            self.offices.append(
                Office(m.label, "leader_of", state, role, k - 2, self._rule("government_of"))
            )

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
        ms = _absorb_acronyms(sorted(self.mentions, key=lambda m: m.i), self.tokens)
        out: list[Mention] = []
        n = 0
        while n < len(ms):
            run = [ms[n]]
            while n + 1 < len(ms):
                a, b = run[-1], ms[n + 1]
                between = [t.low for t in self.tokens[a.j : b.i]]
                if between and between[-1] in self.g.list_determiners:
                    between = between[:-1]  # "China y la India", "Irán y los Emiratos"
                if (
                    len(between) >= 2
                    and between[0] == ","
                    and between[1] in self.g.coordinators
                    and a.kind == b.kind == "title"
                ):
                    # "el ministro francés, Sébastien Lecornu, y su homólogo armenio, Suren
                    # Papikián": the comma closes an apposition, not a clause
                    between = between[1:]
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


def _absorb_acronyms(ms: list[Mention], tokens: list[Token]) -> list[Mention]:
    """ "el Ejército de Liberación Nacional (ELN)": the bracketed short name of the actor just
    named belongs to its mention, so that "X (X) y Y" is still a list and "X (X) acordaron" a
    subject followed by its verb."""
    out: list[Mention] = []
    for m in ms:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == m.label
            and m.i == prev.j + 1
            and tokens[prev.j].kind == "Q"
            and m.j < len(tokens)
            and tokens[m.j].kind == "Q"
        ):
            prev.j = m.j + 1
            continue
        out.append(m)
    return out


def find_mentions(
    ctx: Context, tokens: list[Token], hits: list[Hit], offset: int
) -> tuple[list[Mention], list[Office], list[tuple[int, int, str]]]:
    """All actor mentions of a sentence (coordinated ones grouped), offices, free demonyms."""
    sm = SentenceMentions(ctx, tokens, hits, offset)
    sm.names()
    sm.corefs()
    sm.state_bodies()
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
    named = sm.taken | {n for i, j, _ in sm.spans for n in range(i, j)}
    for m in org_anaphors(ctx, tokens, sm.mentions, named):
        sm.add(m)  # "se incorporaron al bloque": the organisation named before
    for m in pair_mentions(ctx, tokens, sm.mentions, named):
        sm.add(m)  # "ambos líderes": the two people named just before
    note_actors(ctx, sm.mentions)
    note_organisations(ctx, tokens, sm.mentions)
    note_topic(ctx, tokens, sm.mentions)
    for m in sm.mentions:
        ctx.counts[m.label] += 1
        ctx.recent.append(m.state or m.label)
    return sm.groups(), sm.offices, sm.demonyms()
