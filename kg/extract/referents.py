"""Whom a phrase refers to when the rule does not name it: the clause's topic, what a clitic
stands for, an earlier statement's subject, the person a possessive means, a capital acting as
its state; and whether a list of actors straddles two clauses."""

from __future__ import annotations

from kg.extract.context import Context, Mention, clause_bounds, is_verb
from kg.extract.grammar import Grammar
from kg.extract.tokens import Token
from kg.extract.topic_titles import embedded_start


def clause_topic(
    tokens: list[Token],
    mentions: list[Mention],
    before: int,
    ctx: Context,
    types: frozenset[str],
    g: Grammar,
    *,
    first: bool = False,
) -> Mention | None:
    """Who a possessive or a gerund refers to: the nearest actor before the match that is not
    inside a prepositional phrase ("Rusia desarrolla su cooperación con Irán"); with ``first``,
    the clause's first such actor, the subject a coordinated verb shares ("Maduro respondió que
    Venezuela … y acusó a la Casa Blanca")."""
    lo = clause_bounds(tokens, before, before)[0]
    if first:
        lo = embedded_start(tokens, lo, before, g)  # "después de que X viajara … y cerrara"
    order = sorted(mentions, key=lambda m: m.i if first else -m.i)
    for m in order:
        if m.i >= before or m.i < lo:
            continue
        k = m.i - 1
        while k > 0 and tokens[k].low in g.slot_articles | g.slot_intensifiers:
            k -= 1  # "por el propio Putin" is inside a phrase too
        if k >= 0 and tokens[k].low in g.prepositions:
            continue
        if in_source(tokens, m.i, g):
            continue  # "Según la consultora Petroanálisis, …": a source, not who acts
        actor = m.actors()[0]
        entity = ctx.registry.get(actor.state or actor.label)
        if entity is None or entity.type in ("Event", "City") and not actor.state:
            continue  # places and events are no topic that acts
        if types and entity.type not in types:
            continue
        return actor
    return None


def in_source(tokens: list[Token], at: int, g: Grammar) -> bool:
    """Whether the actor at ``at`` is inside a source phrase ("según la consultora X"), with
    no comma closing the phrase before it ("Según Kiev, Rusia…": Rusia is outside)."""
    for k in range(at - 1, max(-1, at - 5), -1):
        if tokens[k].kind == "C":
            return False
        if tokens[k].low in g.source_markers:
            return True
    return False


def clitic_referent(
    tokens: list[Token],
    mentions: list[Mention],
    i0: int,
    i1: int,
    subjects: list[Mention | str],
    ctx: Context,
    g: Grammar,
) -> Mention | None:
    """Whom the first "le"/"les" of a match stands for: the nearest actor named before it in
    the sentence that is not the subject nor a place ("Zelenski criticó la reacción de sus
    aliados y les pidió armas" -> his allies)."""
    at = next((n for n in range(i0, i1) if tokens[n].low in g.indirect_clitics), None)
    if at is None:
        return None
    taken = {s if isinstance(s, str) else s.label for s in subjects}
    for m in sorted(mentions, key=lambda m: -m.i):
        if m.j > at or (m.i > 0 and tokens[m.i - 1].low in g.reported_clause_starts):
            continue  # "dijo que Venezuela no cederá y les pidió…": a subordinate subject
        for actor in m.actors():
            entity = ctx.registry.get(actor.state or actor.label)
            if entity is None or actor.label in taken or (actor.state or "") in taken:
                continue
            if entity.type in ("City", "Event") and not actor.state:
                continue
            return actor
    return None


def straddles(tokens: list[Token], m: Mention, g: Grammar) -> bool:
    """Whether a list of actors stands between two conjugated verbs ("bombardeó Beirut y Estados
    Unidos atacó…"): its last member is then the next clause's subject, not one of the list."""
    if len(m.members) < 2 or m.i == 0 or m.j >= len(tokens):
        return False
    k = m.i - 1
    while k > 0 and tokens[k].low in g.slot_articles | g.object_markers:
        k -= 1
    after = m.j
    while after < len(tokens) - 1 and tokens[after].low in g.clitics:
        after += 1  # "Kiev y Zelenski les pidió…"
    return is_verb(tokens[k], g) and is_verb(tokens[after], g)


def verb_between(tokens: list[Token], a: int, b: int, g: Grammar) -> bool:
    """Whether a conjugated verb stands strictly between tokens a and b."""
    return any(is_verb(t, g) for t in tokens[a + 1 : b])


def last_person(ctx: Context, besides: set[str]) -> str | None:
    """The person most recently named (other than ``besides``): whom a possessive refers to."""
    for label in reversed(ctx.recent[-12:]):
        entity = ctx.registry.get(label)
        if entity is not None and entity.type == "Person" and label not in besides:
            return label
    return None


def resolve_actor(x: Mention | str, relation: str, side: str, ctx: Context) -> str:
    """A capital stands for its state when it acts; it stays a place as what is visited."""
    if isinstance(x, str):
        return x
    rec = ctx.gaz.get(x.label)
    if (
        side == "subject"
        and rec is not None
        and rec.parties
        and relation in ("violates", "attacks")
    ):
        return ctx.known(rec.parties[0])  # "la invasión rusa de Ucrania viola…": the aggressor
    if x.state and not (relation == "visits" and side == "object"):
        return ctx.known(x.state) if ctx.gaz.get(x.state) else x.state
    return x.label
