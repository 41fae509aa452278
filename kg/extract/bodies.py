"""Bodies and countries the text leaves to context: "el Senado", "ministro de la Función
Pública", "Finlandia se adhirió en abril".

The gazetteer gives short forms such as "Senado" or "Congreso" to the bodies of one country
(the United States Senate).  In an article about another country the same words name that
country's body, so a short form is kept for the gazetteer's body only when its country is in
the context; otherwise it names "<body> of <country>" for the country the context gives (the
sentence's countries first, then the most recently named one).  Likewise a minister of a named
portfolio serves the one country of the context, and a state that joined with no body named
joined the one membership body the article names; with two candidates, nothing is said.
"""

from __future__ import annotations

from kg.extract.context import Context
from kg.extract.grammar import Grammar
from kg.extract.tokens import Token

# How many recent mentions say which country the article is about at this point.
_RECENT = 8


def _countries(ctx: Context, here: list[str]) -> list[str]:
    """Countries in context, nearest first: the sentence's, then the recent mentions'."""
    out: list[str] = []
    for label in [*here, *reversed(ctx.recent[-_RECENT:])]:
        rec = ctx.gaz.get(label)
        if rec is not None and rec.entity.type == "City" and rec.capital_of:
            label, rec = rec.capital_of, ctx.gaz.get(rec.capital_of)
        if rec is not None and rec.entity.type == "Country" and label not in out:
            out.append(label)
        elif label in ctx.affiliation and ctx.affiliation[label] not in out:
            out.append(ctx.affiliation[label])
    return out


def local_body(ctx: Context, label: str, here: list[str]) -> str:
    """The body a bare short form names in this context, when not the gazetteer's own.

    Args:
        ctx: the article context.
        label: the gazetteer body the short form resolved to ("United States Senate").
        here: gazetteer labels the sentence names (countries, demonyms' countries, capitals).

    Returns:
        ``label`` itself when its country is in context or nothing says otherwise; the label
        of the context country's body ("Senate of Cambodia"); or "" when the body belongs to
        another country but cannot be named (the mention is then dropped).
    """
    rec = ctx.gaz.get(label)
    if rec is None or rec.entity.type != "Organization" or not rec.country:
        return label
    countries = _countries(ctx, here)
    if not countries or rec.country in countries:
        return label
    if not label.startswith(rec.country + " "):
        return ""
    head = label[len(rec.country) + 1 :]
    return ctx.new(f"{head} of {countries[0]}", "Organization")


def sole_country(ctx: Context, person: str) -> str | None:
    """The country a minister with no country named serves: the person's known affiliation,
    else the one country of the recent context ("Hun Many es ministro de la Función Pública"
    after sentences on Cambodia); None when the context names several."""
    if person in ctx.affiliation:
        return ctx.affiliation[person]
    countries = _countries(ctx, [])
    return countries[0] if len(countries) == 1 else None


def portfolio_at(tokens: list[Token], n: int, g: Grammar) -> bool:
    """ "de (la) Función Pública" at ``n``: a ministry's portfolio named in capitals."""
    if n >= len(tokens) or tokens[n].low not in g.of_words:
        return False
    k = n + 1
    if k < len(tokens) and tokens[k].low in g.slot_articles:
        k += 1
    return k < len(tokens) and tokens[k].kind == "W" and tokens[k].is_upper


# Gazetteer kinds of bodies that states join as members.
_MEMBERSHIP_KINDS = frozenset({"igo", "alliance", "bloc"})


def member_body(ctx: Context) -> str | None:
    """The body "se adhirió", "se incorporó" with no object refers to: the one membership
    body (an intergovernmental organisation, alliance or bloc) the article has named so far;
    None when it has named none or several."""
    bodies = set()
    for label in ctx.registry:
        rec = ctx.gaz.get(label)
        if ctx.counts[label] == 0:
            continue  # only met inside another name ("el estado de la Unión")
        if rec is not None and (rec.kind in _MEMBERSHIP_KINDS or rec.entity.type == "Bloc"):
            bodies.add(label)
    return bodies.pop() if len(bodies) == 1 else None
