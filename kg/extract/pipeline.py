"""The extraction pipeline: article -> sentences -> mentions -> rule matches -> statements.

Each sentence is tokenised, its actors found (gazetteer, titles, coreference), and encoded as a
string of tokens in which every actor is one token; the language's rules are matched on that
string (and on a second view without relative clauses and appositions), and every match becomes
a raw statement whose modality comes from the cues around it.  merge.py then makes one
statement per proposition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from kg.errors import DataError
from kg.extract.anaphora import topic_person
from kg.extract.apposition import complete_list
from kg.extract.bodies import member_body
from kg.extract.clause_times import STATES, appositive_time, clause_times
from kg.extract.context import clause_bounds
from kg.extract.coordination import joins_verbs
from kg.extract.deferred import ANAPHORS, event_has_actor, placeholder, resolve_anaphora
from kg.extract.derived import speakers_criticize
from kg.extract.event_times import (
    lend_times,
    load_event_anaphora,
    recalls_visit,
    referred_relations,
    visit_dates_from_hosting,
)
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.grammar import Grammar, load_grammar
from kg.extract.items import parse_items
from kg.extract.langdata import load_lang_data
from kg.extract.mentions import Context, Mention, Office, find_mentions
from kg.extract.modality import (
    Cues,
    Holding,
    assess,
    load_cues,
    sentence_denials,
)
from kg.extract.referents import (
    clause_topic,
    clitic_referent,
    last_person,
    resolve_actor,
    straddles,
    verb_between,
)
from kg.extract.rules import Rule, RuleSet, load_rules
from kg.extract.settle import settle
from kg.extract.succession import succession_offices
from kg.extract.timex import find_times
from kg.extract.tokens import Token, fold, tokenize
from kg.extract.topic_titles import note_roles
from kg.extract.views import (
    Encoded,
    cite_spans,
    demonyms_in,
    encode,
    new_clause,
    reduced_view,
    subject_inside,
    trim_items,
)
from kg.model import Article, Item, Sentence


@dataclass
class Raw:
    """A statement as one sentence gives it, before merging."""

    subject: str
    relation: str
    object: str
    holding: Holding
    rule: str
    sentence: Sentence
    items: list[Item] = field(default_factory=list)
    time: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None
    role: str | None = None
    order: int = 0
    weak_time: bool = False  # the time is the clause's, not the match's own stretch


@dataclass
class Denial:
    deniers: list[str]
    relation: str | None
    sentence: Sentence


class Extractor:
    """Extract statements from articles of one language."""

    def __init__(self, lang: str, gazetteer: Gazetteer | None = None) -> None:
        self.lang = lang
        self.gaz = gazetteer or load_gazetteer()
        self.rules: RuleSet = load_rules(lang)
        self.cues: Cues = load_cues(lang)
        self.lexicon: dict[str, Any] = load_lang_data(lang, "roles.yaml")
        self.grammar: Grammar = load_grammar(lang)
        self.anaphora = load_event_anaphora(lang)
        # each rule with its regex, and its coordinated-clause variant where it has one
        self.regexes: list[tuple[Rule, re.Pattern[str], bool]] = [
            (rule, rx, coord)
            for rule in self.rules.rules
            for rx, coord in ((rule.regex, False), (rule.coordinated, True))
            if rx is not None
        ]

    def run(self, article: Article) -> tuple[list[Raw], list[Denial], Context]:
        ctx = Context(self.gaz, article.published, self.lexicon, self.grammar)
        raws: list[Raw] = []
        denials: list[Denial] = []
        # Times are found over the whole text: "tres días después" counts from a date met before.
        all_times = find_times(article.text, article.published, self.lang)
        referred: dict[int, frozenset[str]] = {}  # sentence index -> events it refers back to
        named: dict[int, set[str]] = {}  # sentence index -> actors and places it names
        recalled: set[int] = set()  # sentences recalling a visit ("durante aquella visita")
        for s in article.sentences:
            tokens = tokenize(s.text, s.start, self.lang)
            if recalls_visit(tokens, self.anaphora):
                recalled.add(len(referred))
            referred[len(referred)] = referred_relations(tokens, self.anaphora)
            hits = self.gaz.find(s.text)
            mentions, offices, demonyms = find_mentions(ctx, tokens, hits, s.start)
            named[len(named)] = {
                x for m in mentions for a in m.actors() for x in (a.label, a.state) if x
            } | {label for _, _, label in demonyms}
            times = [
                replace(t, start=t.start - s.start, end=t.end - s.start)
                for t in all_times
                if s.start <= t.start < s.end
            ]
            here = self._offices(offices, tokens, s, times, ctx)
            here.extend(self._matches(tokens, mentions, demonyms, s, times, ctx))
            here.extend(self._wars(mentions, s, ctx, tokens, times))
            for other, office, successor in succession_offices(ctx, tokens, mentions, here):
                # "en sustitución de X", "le sucedió X": the same office, held by the other
                rule = f"{self.lang}.office.succession"
                passed = (office.relation, office.object)
                here.append(Raw(other, *passed, Holding(), rule, s, role=office.role))
                if successor and office.role:
                    ctx.roles[office.role] = other  # the successor is "el primer ministro" now
            raws.extend(here)
            note_roles(
                ctx, ((r.subject, r.relation, r.object, r.role, r.end, r.rule) for r in here)
            )
            for deniers, rel in sentence_denials(tokens, mentions, self.cues):
                denials.append(Denial(deniers, rel, s))
        # objects left to earlier sentences ("condenaron el bombardeo"): see deferred.py
        narrated = [r.id for r in self.rules.rules if not r.presupposed]
        raws = resolve_anaphora(raws, [s.start for s in article.sentences], narrated)
        raws.extend(speakers_criticize(raws, self.rules.accusations, ctx, self.lang))
        for n, r in enumerate(raws):
            r.order = n
        index = {s.start: n for n, s in enumerate(article.sentences)}
        home = lambda label: self._home(label, ctx)  # noqa: E731
        lend_times(raws, index, referred, STATES, home, named, frozenset(recalled))
        visit_dates_from_hosting(raws, home)
        return raws, denials, ctx

    # -- offices from titles ----------------------------------------------------------------
    def _offices(
        self,
        offices: list[Office],
        tokens: list[Token],
        s: Sentence,
        times: list[Any],
        ctx: Context,
    ) -> list[Raw]:
        out = []
        for o in offices:
            if o.person == o.of or o.of not in ctx.registry and self.gaz.get(o.of) is None:
                continue
            if o.of not in ctx.registry:
                ctx.known(o.of)
            start, end = None, o.ended
            title_char = tokens[o.token].start - s.start
            for t in times:
                if t.start >= title_char and t.start - title_char < 80:
                    if t.anchor == "end":
                        end = t.value
                    elif t.anchor == "start":
                        start = t.value
            when: list[str] = []
            if o.subject_at >= 0:
                # "cuando Kim Jong Il … aún era el líder supremo": when the clause says
                anchored = {t.value for t in times if t.anchor}
                when = [
                    v
                    for v in clause_times(tokens, o.subject_at, o.token + 1, s, times)
                    if v not in anchored
                ]
            out.append(
                Raw(
                    o.person,
                    o.relation,
                    o.of,
                    Holding(),
                    o.rule,
                    s,
                    time=when,
                    start=start,
                    end=end,
                    role=o.role,
                )
            )
        return out

    # -- wars named by the gazetteer -------------------------------------------------------
    def _wars(
        self,
        mentions: list[Mention],
        s: Sentence,
        ctx: Context,
        tokens: list[Token] | None = None,
        times: list[Any] | None = None,
    ) -> list[Raw]:
        """A named war ("la guerra en Ucrania") states that its parties are at war; a date in
        apposition right after it dates it ("la guerra entre Israel y Hamás, en octubre
        pasado,")."""
        out = []
        for m in mentions:
            for a in m.actors():
                rec = self.gaz.get(a.label)
                if rec is None or len(rec.parties) < 2:
                    continue
                when = appositive_time(tokens or [], a.j, s, times or [])
                first, *others = [ctx.known(p) for p in rec.parties if self.gaz.get(p)]
                for other in others:
                    rule = f"{self.lang}.war.named_event"
                    out.append(Raw(first, "at_war_with", other, Holding(), rule, s, time=when))
        return out

    # -- rule matches -----------------------------------------------------------------------
    def _matches(
        self,
        tokens: list[Token],
        mentions: list[Mention],
        demonyms: list[tuple[int, int, str]],
        s: Sentence,
        times: list[Any],
        ctx: Context,
    ) -> list[Raw]:
        cited = cite_spans(tokens, mentions, self.grammar)
        everything = {n for n in range(len(tokens)) if n not in cited}
        places = {
            m.label
            for m in mentions
            if m.label in ctx.registry
            and ctx.registry[m.label].type in ("City", "Country")
            or m.kind == "seat"
        }
        g = self.grammar
        views = [encode(tokens, mentions, demonyms, g, everything, places)]
        keep = reduced_view(tokens, mentions, g)
        dropped: set[int] = set()
        if keep is not None:
            views.append(encode(tokens, mentions, demonyms, g, keep - cited, places))
            dropped = set(range(len(tokens))) - keep
        out: list[Raw] = []
        seen: set[tuple[str, str, str, str]] = set()
        flat = [a for m in mentions for a in m.actors()]
        words = {t.low for t in tokens} | {t.lemma for t in tokens}
        for enc in views:
            for rule, regex, coord in self.regexes:
                if rule.required and rule.required.isdisjoint(words):
                    continue  # the rule's trigger words are not in the sentence
                pos = 0
                ends: set[int] = set()
                while True:
                    m = regex.search(enc.text, pos)
                    if m is None:
                        break
                    pos = m.start() + 1
                    if m.end() in ends:
                        continue  # same trigger and object: the leftmost subject was taken
                    if dropped and enc is views[0] and subject_inside(m, enc, dropped):
                        # "Shoigu, que … del Consejo de Seguridad, viajara": not the council
                        ends.add(m.end())
                        continue
                    found = self._statements(
                        rule, m, enc, tokens, mentions, flat, s, times, ctx, coord
                    )
                    if found:  # a subject that gave nothing leaves the next one its turn
                        ends.add(m.end())
                    for raw in found:
                        key = (raw.subject, raw.relation, raw.object, rule.id)
                        if key not in seen:
                            seen.add(key)
                            out.append(raw)
        return out

    def _statements(
        self,
        rule: Rule,
        m: Any,
        enc: Encoded,
        tokens: list[Token],
        mentions: list[Mention],
        flat: list[Mention],
        s: Sentence,
        times: list[Any],
        ctx: Context,
        coordinated: bool = False,
    ) -> list[Raw]:
        groups = m.groupdict()
        i0 = enc.token_at(m.start())
        i1 = enc.token_at(max(m.end() - 1, m.start())) + 1
        subj_start = i0
        subjects: list[Mention | str] = []
        objects: list[Mention | str] = []
        if groups.get("SUBJ") is not None:
            sm = enc.actors[int(groups["SUBJ"])]
            if rule.pattern.startswith("{SUBJ}") and self._in_phrase(tokens, sm, rule):
                return []  # "viajará a Madrid para reunirse": Madrid is no subject
            kept = [p for p in enc.positions if p >= sm.j]  # what this view reads after it
            nxt = (
                kept[1]
                if len(kept) > 1 and tokens[kept[0]].kind == "C"
                else kept[0]
                if kept
                else sm.j
            )
            if nxt < len(tokens) and tokens[nxt].low in self.grammar.clause_breaks and nxt < i1 - 1:
                return []  # "…en Israel, donde se reunió con…": the actor closes another phrase
            if groups.get("V") is not None:
                verb = enc.token_at(m.start("V") + 1)
                gap = [p for p in kept if p < verb]
                if gap and tokens[gap[0]].kind == "C":
                    gap = gap[1:]
                if gap and tokens[gap[0]].low in self.grammar.subject_relatives:
                    gap = gap[1:]  # "Rusia, que durante la guerra vetó…": Rusia is the subject
                if any(tokens[p].low in self.grammar.relative_starts for p in gap):
                    return []  # "Moscú, a la que reprocha…": the verb has another subject
                if any(
                    tokens[p].low in self.grammar.coordinators
                    and not joins_verbs(tokens, p, verb, self.grammar)
                    for p in gap
                ):
                    return []  # "… que Venezuela «…» y acusó": the verb is coordinated
            subjects = list(sm.actors())
            if straddles(tokens, sm, self.grammar):
                subjects = subjects[-1:]  # "bombardeó Beirut y Estados Unidos atacó…"
            subj_start = sm.i
        if groups.get("OBJ") is not None:
            om = enc.actors[int(groups["OBJ"])]
            if groups.get("V") is not None and new_clause(
                tokens, enc.token_at(m.start("V") + 1), om.i, self.grammar
            ):
                return []  # "condenó la ofensiva y pidió a Francia…": Francia belongs to "pidió"
            if rule.pattern.startswith("{OBJ}") and self._in_phrase(tokens, om, rule, True):
                return []  # "viajó a Washington, donde fue recibido…": no guest
            objects = list(om.actors())
            if straddles(tokens, om, self.grammar):
                objects = objects[:-1]  # "bombardeó Beirut y Estados Unidos atacó…"
            if rule.pattern.startswith("{OBJ}"):  # "Hamás y … Hezbolá, dos grupos que reciben…"
                objects = complete_list(tokens, mentions, om, objects, ctx)
        if groups.get("PLACE") is not None:
            objects = [enc.actors[int(groups["PLACE"])]]
        if groups.get("PAIR") is not None:
            members = enc.actors[int(groups["PAIR"])].actors()
            if len(members) < 2:
                return []
            subjects, objects = [members[0]], list(members[1:])
        if groups.get("SDEM") is not None:
            subjects = [enc.demonyms[int(groups["SDEM"])]]
        if rule.one_clause and groups.get("V") is not None:
            target = groups.get("OBJ") is not None and "OBJ" or "ODEM"
            if verb_between(
                tokens, enc.token_at(m.start("V") + 1), enc.token_at(m.start(target)), self.grammar
            ):
                return []  # "atacó depósitos, dijo el ministro sirio": another clause's
        if groups.get("ODEM") is not None:
            objects = [enc.demonyms[int(groups["ODEM"])]]
        items_text = ""
        if groups.get("ITEMS") is not None:
            a = enc.token_at(m.start("ITEMS") + 1)
            b = enc.token_at(m.end("ITEMS") - 1) + 1
            while a < b - 1 and any(t.start <= tokens[a].start - s.start < t.end for t in times):
                a += 1  # "recibió en las últimas semanas unos 200 misiles": the time is no item
            items_text, cut = trim_items(tokens, a, b, self.grammar)
            if m.end("ITEMS") == m.end():
                i1 = max(min(i1, cut), i0 + 1)  # the match ends where its items end
            if rule.subject == "items_demonym":
                subjects = demonyms_in(enc, m, cut)[:1]
        if rule.subject == "topic" or coordinated:
            topic = clause_topic(
                tokens, mentions, i0, ctx, rule.subject_types, self.grammar, first=coordinated
            )
            if topic is None and rule.subject == "topic" and rule.subject_types == {"Person"}:
                # "Otro de sus hijos, Hun Many, …": the person the article is about
                person = topic_person(ctx)
                if person is not None:
                    subjects = [person]
            elif topic is not None:
                subjects = [topic]
                subj_start = topic.i
            if not subjects:
                return []
        if rule.object in ("topic", "first_topic"):
            found: Mention | str | None = clause_topic(
                tokens,
                mentions,
                i0,
                ctx,
                rule.object_types,
                self.grammar,
                first=rule.object == "first_topic",  # "…, y su decisión": the clause's subject
            )
            if found is None and rule.object_types == {"Person"}:
                # "Su caída…: su padre, Hafez al Asad, gobernó…": the person named before
                found = last_person(ctx, {s if isinstance(s, str) else s.label for s in subjects})
            if found is None:
                return []
            objects = [found]
        if rule.object == "clitic":
            found_obj = clitic_referent(tokens, mentions, i0, i1, subjects, ctx, self.grammar)
            if found_obj is None:
                return []
            objects = [found_obj]
        if rule.subject == "antecedent":
            # "Moscú recibió 200 misiles": from whom an earlier sentence said; not "recibió a
            # una delegación" (a guest) nor when the clause names another actor
            clause_end = clause_bounds(tokens, i0, i1)[1]
            obj_end = enc.actors[int(groups["OBJ"])].j if groups.get("OBJ") is not None else i1
            if (
                groups.get("ITEMS") is None
                or tokens[enc.token_at(m.start("ITEMS") + 1)].low in self.grammar.object_markers
                or any(obj_end <= x.i < clause_end for x in mentions)
            ):
                return []
            subjects = [placeholder("antecedent")]  # found once the article is read
        if rule.object == "member_body":
            objects = [b for b in [member_body(ctx)] if b]  # "Finlandia se adhirió en 2023"
        if rule.subject == "event_agent":
            subjects = [placeholder("event_agent")]  # "condenó el bombardeo como una violación…"
        if rule.implied_object and not objects:
            implied = ctx.gaz.entity(rule.implied_object).label
            if implied in ctx.registry:  # named in the article so far
                objects = [implied]
        if rule.object in ANAPHORS:
            if rule.object != "previous" and event_has_actor(enc.text, m.end()):
                return []  # "condenó el ataque israelí": the event names its own author
            objects = [placeholder(rule.object)]
        if not subjects or not objects:
            return []
        subj_end = enc.actors[int(groups["SUBJ"])].j if groups.get("SUBJ") is not None else None
        holding = assess(tokens, flat, i0, i1, subj_start, self.cues, subj_end, rule.relation)
        trigger = enc.token_at(m.start("V") + 1) if groups.get("V") is not None else None
        settle(holding, rule, tokens, mentions, i0, trigger, ctx, self.cues)
        items = parse_items(items_text, self.lang) if items_text else []
        if groups.get("ITEMS") is not None and not items and rule.relation == "seeks":
            return []  # asking someone to act is no request for goods
        if (
            items
            and rule.relation in ("supplies", "seeks")
            and all(self._not_goods(i.label) for i in items)
        ):
            return []  # "entregó los documentos de adhesión": no transfer of goods
        if rule.relation in ("supplies", "seeks"):
            # "envió observadores y ayuda humanitaria": only the aid is supplied
            items = [i for i in items if not self._not_goods(i.label)]
        relation = rule.relation
        if relation == "supplies" and self._sale_of_commodities(items, tokens[i0:i1]):
            relation = "trades_with"  # "vende su crudo a China": commerce, not a supply
        # "mientras", "but": a time before them is another clause's; "y" may join one event
        breakers = self.grammar.clause_breaks - self.grammar.coordinators
        relatives = self.grammar.subject_relatives | self.grammar.relative_starts
        said, preps = self.grammar.reported_clause_starts, self.grammar.prepositions
        when = clause_times(
            tokens, i0, i1, s, times, rule.relation, breakers, relatives, False, said, preps
        )
        weak = not when  # the clause's only time, farther from the match, is a weaker reading
        when = when or clause_times(
            tokens, i0, i1, s, times, rule.relation, breakers, relatives, True, said, preps
        )
        weak = weak and bool(when)
        if rule.relation == "affiliated_with":
            when = []  # a nationality or membership said in passing has no date of its own
        out = []
        # the statement's own subjects: when they are all who speak, each speaks for itself
        speakers = {resolve_actor(x, rule.relation, "subject", ctx) for x in subjects}
        for subj in subjects:
            for obj in objects:
                ol = resolve_actor(obj, rule.relation, "object", ctx)
                sl = resolve_actor(subj, rule.relation, "subject", ctx)
                if sl == ol or not self._types_ok(rule, sl, ol, ctx):
                    continue
                if rule.relation == "visits" and self._at_home(sl, ol, ctx):
                    continue  # meeting in one's own capital is no visit
                h = Holding(
                    holding.modality,
                    holding.negated,
                    # "Germany, Poland, Spain and Italy said they had no plans…": each speaks
                    # for itself
                    [sl]
                    if holding.self_reported
                    or (sl in holding.attributed_to and set(holding.attributed_to) <= speakers)
                    else list(holding.attributed_to),
                    list(holding.denied_by),
                    holding.cue,
                )
                out.append(
                    Raw(
                        sl,
                        relation,
                        ol,
                        h,
                        rule.id,
                        s,
                        list(items),
                        list(when),
                        role=rule.role,
                        weak_time=weak,
                    )
                )
        return out

    def _sale_of_commodities(self, items: list[Item], span: list[Token]) -> bool:
        """Whether a transfer is a sale (a sale word in the match) of commodities only."""
        goods, sale = self.rules.trade_goods, self.rules.sale_words
        return (
            bool(items)
            and any(t.lemma in sale or t.low in sale for t in span)
            and all(any(fold(w) in goods for w in i.label.split()) for i in items)
        )

    def _not_goods(self, label: str) -> bool:
        """Whether an item is no goods ("documentos", "observadores")."""
        return label.lower() in self.rules.not_goods or (
            label.split()[0].lower() in self.rules.not_goods if label.split() else False
        )

    def _home(self, label: str, ctx: Context) -> str:
        """The country a person (by office) or a city stands for; else the label itself."""
        rec = self.gaz.get(label)
        if rec is not None and rec.entity.type == "City":
            return rec.capital_of or rec.country or label
        return ctx.affiliation.get(label, label)

    def _in_phrase(
        self, tokens: list[Token], m: Mention, rule: Rule, marked_only: bool = False
    ) -> bool:
        """Whether an actor that opens a pattern is inside a prepositional phrase instead; with
        ``marked_only``, only a destination before a comma or a purpose ("a Madrid para")."""
        if m.i == 0:
            return False
        before = tokens[m.i - 1].low
        after = tokens[m.j].low if m.j < len(tokens) else ""
        g = self.grammar
        markers = g.object_markers - rule.subject_after
        other = g.prepositions - rule.subject_after - g.object_markers
        # "viajará a Moscú en enero para firmar…": a time between the place and the purpose
        ahead = tokens[m.j : m.j + 4]
        purpose_ahead = any(
            t.low in g.purpose and all(x.kind == "W" for x in ahead[:n])
            for n, t in enumerate(ahead)
        )
        return (not marked_only and before in other) or (
            before in markers
            and (after in g.purpose | g.coordinators or after == "," or purpose_ahead)
        )

    def _at_home(self, subj: str, place: str, ctx: Context) -> bool:
        rec = self.gaz.get(place)
        country = (
            place
            if rec is None or rec.entity.type == "Country"
            else (rec.capital_of or rec.country)
        )
        home = (
            subj
            if subj in ctx.registry and ctx.registry[subj].type == "Country"
            else ctx.affiliation.get(subj)
        )
        return country is not None and home == country

    def _types_ok(self, rule: Rule, subj: str, obj: str, ctx: Context) -> bool:
        st = ctx.registry[subj].type if subj in ctx.registry else None
        ot = ctx.registry[obj].type if obj in ctx.registry else None
        # Places and events do not act; an event is an object only of what violates it, and a
        # city (not a capital acting: those became states) only what is visited or attacked.
        if st in ("City", "Event"):
            return False
        if ot == "Event" and rule.relation != "violates":
            return False
        if ot == "City" and rule.relation not in ("visits", "attacks"):
            return False
        if rule.subject_types and st not in rule.subject_types:
            return False
        return not (rule.object_types and ot not in rule.object_types)


def extract_raw(article: Article) -> tuple[list[Raw], list[Denial], Context]:
    from kg.extract import languages

    if article.lang not in languages():
        raise DataError(f"{article.source or article.id}: no rules for language {article.lang!r}")
    return Extractor(article.lang).run(article)
