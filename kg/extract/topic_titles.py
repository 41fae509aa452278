"""Bare titles as clause subjects: "El primer ministro viajó a Pekín", "El veterano dirigente,
de 71 años, gobernó Camboya".

With no name, a definite title that opens a clause and is followed by its verb refers back:
a title with a role ("el primer ministro") to the person the article last gave that role,
by a title or by an office statement (``ctx.roles``); a title with no role of its own ("el
dirigente", "el mandatario") to the person the previous sentence opened with, provided that
sentence named no other person before it.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.extract.context import Context, is_verb, lexicon_words
from kg.extract.grammar import Grammar
from kg.extract.tokens import Token

# Tokens an apposition between the title and its verb may span (", de 71 años,").
_APPOSITION = 6
_OFFICES = frozenset({"leader_of", "holds_position"})
# Office rules whose holder need not hold the office now (the pipeline marks a successor itself).
_NOT_CURRENT = (".office.former_title", ".office.succession")


def _verb_at(ctx: Context, tokens: list[Token], n: int) -> bool:
    """A conjugated verb at ``n``, after a clitic or two ("se reunió", "se lo dijo")."""
    while n < len(tokens) and tokens[n].low in ctx.grammar.clitics:
        n += 1
    return n < len(tokens) and is_verb(tokens[n], ctx.grammar)


def verb_follows(ctx: Context, tokens: list[Token], n: int) -> bool:
    """Whether the clause's verb comes at ``n``, or right after a short apposition there."""
    if n >= len(tokens):
        return False
    if _verb_at(ctx, tokens, n):
        return True
    if tokens[n].kind != "C":
        return False
    for k in range(n + 1, min(n + 1 + _APPOSITION, len(tokens) - 1)):
        if tokens[k].kind == "C":
            return _verb_at(ctx, tokens, k + 1)
        if tokens[k].kind != "W" or tokens[k].is_upper:
            return False  # a name inside: "el líder, Kim Jong Un," is not an apposition
    return False


def opens_clause(ctx: Context, tokens: list[Token], k: int) -> bool:
    """Whether the title at ``k`` opens the sentence after a definite article and adjectives
    only ("El veterano dirigente"), so that it is the subject of the first clause."""
    adjectives = lexicon_words(ctx.lexicon, "title_adjectives")
    n = k
    while n > 0 and tokens[n - 1].low in adjectives:
        n -= 1
    first = tokens[0].low
    return n == 1 and first in ctx.grammar.definite and first not in ctx.grammar.possessives


def previous_opener(ctx: Context) -> str | None:
    """The person the previous sentence opened with, if it named that person first."""
    if not ctx.topics:
        return None
    person, _ = ctx.topics[-1]
    return person


def note_roles(
    ctx: Context, raws: Iterable[tuple[str, str, str, str | None, str | None, str]]
) -> None:
    """Let current offices stated in a sentence name their role's holder for later bare titles:
    "ceder la jefatura del Gobierno a Hun Manet" makes Hun Manet "el primer ministro".

    Args:
        ctx: the article context, whose ``roles`` is updated.
        raws: (subject, relation, object, role, end, rule) of the sentence's statements;
            only offices of a state or of an international body count ("presidente del
            Senado" is not "el presidente");
            former offices (an end date, a former title) and offices passed on by succession
            (the pipeline notes a successor itself) are left out.
    """
    for subject, relation, of, role, end, rule in raws:
        entity = ctx.registry.get(of)
        record = ctx.gaz.get(of)
        # a state, or a body of no state ("el secretario general" of NATO); not a state's own
        # organ ("presidente del Senado" is not "el presidente")
        international = (
            entity is not None
            and entity.type in ("Organization", "Bloc")
            and record is not None
            and not record.country
        )
        if (
            entity is not None
            and (entity.type == "Country" or international)
            and relation in _OFFICES
            and role
            and end is None
            and not rule.endswith(_NOT_CURRENT)  # a predecessor's office, or a former one
        ):
            ctx.roles[role] = subject


def embedded_start(tokens: list[Token], lo: int, before: int, g: Grammar) -> int:
    """Where the clause whose subject a coordinated verb at ``before + 1`` shares begins: after
    the last "que" before it when that verb is an imperfect subjunctive (a subordinate
    clause's mood), else ``lo`` (the main clause's subject: "Maduro respondió que … y acusó")."""
    mood = g.subjunctive_endings
    if before + 1 >= len(tokens) or not mood or not tokens[before + 1].low.endswith(mood):
        return lo
    for k in range(before - 1, lo - 1, -1):
        if tokens[k].low in g.reported_clause_starts:
            return k + 1
    return lo
