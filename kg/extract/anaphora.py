"""Generic nouns that refer back to an organisation named before: "el bloque", "la organización".

A news article names a body once ("la cumbre de los BRICS", "la Organización del Tratado de
Seguridad Colectiva") and then calls it by the head noun of one of its names: "se incorporaron
al bloque", "Armenia ha congelado su participación en la organización".  Such a noun phrase is
taken as a mention of the most recently named organisation one of whose names has that head
noun (BRICS is also the "bloque BRICS" and the "grupo BRICS"), so a noun never refers to a body
that it could not name.  A noun followed by a complement or a name ("el grupo de expertos", "el
bloque europeo", "el Grupo Wagner") introduces something else and is left alone.
"""

from __future__ import annotations

from kg.extract.context import Context, Mention, lexicon_words
from kg.extract.gazetteer import DEMONYM
from kg.extract.tokens import Token, fold

# Entity types an anaphoric organisation noun may stand for.
_ORG_TYPES = frozenset({"Organization", "Bloc"})


def head_noun(name: str, articles: frozenset[str]) -> str:
    """The first word of a name after its article, folded: "el bloque comunitario" -> bloque.

    Examples:
        >>> head_noun("la Organización del Tratado de Seguridad Colectiva", frozenset({"la"}))
        'organizacion'
    """
    words = fold(name).split()
    while words and words[0] in articles:
        words = words[1:]
    return words[0] if words else ""


def note_organisations(ctx: Context, tokens: list[Token], mentions: list[Mention]) -> None:
    """Remember, in reading order, the organisations a sentence names, including one named
    inside an event's name ("la cumbre de los BRICS" names BRICS)."""
    named: list[tuple[int, str]] = []
    for m in mentions:
        entity = ctx.registry.get(m.label)
        if entity is None:
            continue
        if entity.type in _ORG_TYPES:
            named.append((tokens[m.i].start, m.label))
        elif entity.type == "Event" and m.j - m.i > 1:
            inner = " ".join(t.text for t in tokens[m.i + 1 : m.j])
            for h in ctx.gaz.find(inner):
                rec = ctx.gaz.get(h.labels[0])
                if h.kind != DEMONYM and rec is not None and rec.entity.type in _ORG_TYPES:
                    named.append((tokens[m.i].start, h.labels[0]))
    for _, label in sorted(named):
        ctx.orgs.append(label)


def _fits(ctx: Context, label: str, noun: str, articles: frozenset[str]) -> bool:
    rec = ctx.gaz.get(label)
    names = ctx.gaz.names_of(label) if rec is not None else (label,)
    return any(head_noun(n, articles) == noun for n in names)


def org_anaphors(
    ctx: Context, tokens: list[Token], mentions: list[Mention], taken: set[int]
) -> list[Mention]:
    """Mentions for "el bloque", "al grupo", "esta organización": see the module docstring.

    Args:
        ctx: the article context; ``ctx.orgs`` holds the organisations named so far.
        tokens: the sentence's tokens.
        mentions: the sentence's mentions found so far (an organisation named earlier in the
            same sentence counts).
        taken: token positions already inside a mention or a gazetteer name (a demonym too).

    Returns:
        New mentions, kind "coref"; "al"/"del" stay outside them, as prepositions.
    """
    lex = ctx.lexicon
    nouns = lexicon_words(lex, "anaphoric_org_nouns")
    dets = lexicon_words(lex, "anaphoric_determiners")
    contracted = lexicon_words(lex, "contracted_articles")
    stops = lexicon_words(lex, "anaphor_complements")
    if not nouns:
        return []
    articles = ctx.grammar.slot_articles
    out: list[Mention] = []
    for n, t in enumerate(tokens):
        if n == 0 or n in taken or t.kind != "W" or t.is_upper or t.low not in nouns:
            continue
        det = tokens[n - 1]
        if det.low not in dets or (n - 1) in taken:
            continue
        if n + 1 < len(tokens):
            nxt = tokens[n + 1]
            if nxt.low in stops or (nxt.kind == "W" and nxt.is_upper) or (n + 1) in taken:
                continue  # "el grupo de expertos", "el bloque europeo": something else
        before = [m.label for m in sorted(mentions, key=lambda m: m.i) if m.j <= n]
        named = ctx.orgs + [
            x for x in before if x in ctx.registry and ctx.registry[x].type in _ORG_TYPES
        ]
        label = next((x for x in reversed(named) if _fits(ctx, x, t.low, articles)), None)
        if label is None:
            continue
        if label not in ctx.registry:
            label = ctx.known(label)  # named only inside an event's name so far
        start = n if det.low in contracted else n - 1
        out.append(Mention(start, n + 1, label, "coref"))
    return out


def note_topic(ctx: Context, tokens: list[Token], mentions: list[Mention]) -> None:
    """Record the person a sentence opens with as its subject ("Hun Sen conserva…", "El
    presidente Xi Jinping dijo…"), or None, and every person it names: what a later
    possessive may refer to, and who else it might."""
    people = [
        a.label
        for m in sorted(mentions, key=lambda m: m.i)
        for a in m.actors()
        if a.label in ctx.registry and ctx.registry[a.label].type == "Person"
    ]
    first = min(mentions, key=lambda m: m.i, default=None)
    person = None
    if first is not None and first.i <= 2 and people and people[0] == first.label:
        lead = {t.low for t in tokens[: first.i]}
        if not lead & ctx.grammar.prepositions:
            person = first.label
    ctx.topics.append((person, frozenset(people)))


def topic_person(ctx: Context, window: int = 3) -> str | None:
    """The person the sentences before this one are about: whom "sus hijos" refers to when the
    clause names nobody.  The last of the previous ``window`` sentences that opened with a
    person gives it, provided no other person is named from that sentence on (else it is
    ambiguous: "Putin recibió a Kim. Su hija…" says nothing of whose daughter)."""
    named: set[str] = set()
    for person, people in reversed(ctx.topics[-window - 1 : -1]):
        named |= people
        if person is not None:
            return person if named == {person} else None
    return None
