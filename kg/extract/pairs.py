"""Pair anaphora: "ambos líderes", "los dos países" stand for the two actors just named.

News prose names two parties ("Putin fue recibido por su homólogo chino, Xi Jinping") and then
goes on with them as a pair: "ambos líderes firmaron una declaración", "los dos países negocian
un tratado".  The noun says what kind of actor the pair is (roles.yaml ``pair_nouns``: people
for "líderes", states for "países"); the pair is taken only when exactly two actors of that kind
were named in the sentence so far, or else in the nearest of the two sentences before that
names two or more (exactly two, and no other actor of that kind named after it).
With three candidates, or one, the phrase is left alone: precision comes before recall.
"""

from __future__ import annotations

from kg.extract.context import Context, Mention
from kg.extract.tokens import Token, fold

# How many earlier sentences a pair phrase may reach back to ("Es el primer viaje del
# mandatario" may come between the two names and "ambos líderes").
_WINDOW = 2


def _table(ctx: Context) -> tuple[list[tuple[str, ...]], dict[tuple[str, ...], str]]:
    lex = ctx.lexicon
    dets = sorted((tuple(fold(w).split()) for w in lex.get("pair_determiners", [])), key=len)
    nouns = {tuple(fold(w).split()): str(t) for w, t in (lex.get("pair_nouns") or {}).items()}
    return dets[::-1], nouns


def _kind(ctx: Context, m: Mention) -> tuple[str, str] | None:
    """The actor a mention names as a (label, type) pair: a capital or seat as its state."""
    label = m.state or m.label
    entity = ctx.registry.get(label)
    return (label, entity.type) if entity is not None else None


def _two(named: list[str]) -> tuple[str, str] | None:
    distinct = list(dict.fromkeys(named))
    return (distinct[0], distinct[1]) if len(distinct) == 2 else None


def _before(ctx: Context, type_: str, seen: set[str]) -> tuple[str, str] | None:
    """The two actors of ``type_`` the nearest earlier sentence naming two or more names,
    provided it names exactly two and the sentences after it name only those."""
    for sentence in reversed(ctx.actors[-_WINDOW:]):
        named = [x for x in sentence if ctx.registry[x].type == type_]
        if len(set(named)) >= 2:
            pair = _two(named)
            return pair if pair is not None and seen <= set(pair) else None
        seen |= set(named)
        if len(seen) > 1:
            return None  # one here, another there: never named as a pair
    return None


def pair_mentions(
    ctx: Context, tokens: list[Token], mentions: list[Mention], taken: set[int]
) -> list[Mention]:
    """Group mentions for "ambos países", "los dos presidentes": see the module docstring.

    Args:
        ctx: the article context; ``ctx.actors`` holds what earlier sentences named.
        tokens: the sentence's tokens.
        mentions: the sentence's mentions found so far.
        taken: token positions already inside a mention or a gazetteer name.

    Returns:
        One group mention (kind "group", two members of kind "coref") per pair phrase resolved.
    """
    dets, nouns = _table(ctx)
    if not dets or not nouns:
        return []
    lows = [t.low for t in tokens]
    out: list[Mention] = []
    for n in range(len(tokens)):
        det = next((d for d in dets if tuple(lows[n : n + len(d)]) == d), None)
        if det is None or any(k in taken for k in range(n, n + len(det))):
            continue
        k = n + len(det)
        found = next(((w, t) for w, t in nouns.items() if tuple(lows[k : k + len(w)]) == w), None)
        if found is None:
            continue
        words, type_ = found
        end = k + len(words)
        if any(x in taken for x in range(k, end)):
            continue
        if end < len(tokens) and tokens[end].kind == "W" and tokens[end].is_upper:
            continue  # "los dos países Bálticos": a name follows, not a reference back
        here = [
            kt[0]
            for m in sorted(mentions, key=lambda m: m.i)
            for a in m.actors()
            if a.j <= n and (kt := _kind(ctx, a)) is not None and kt[1] == type_
        ]
        pair = _two(here) if len(set(here)) >= 2 else _before(ctx, type_, set(here))
        if pair is None:
            continue
        members = tuple(Mention(n, end, label, "coref") for label in pair)
        out.append(Mention(n, end, pair[0], "group", members=members))
    return out


def note_actors(ctx: Context, mentions: list[Mention]) -> None:
    """Remember the actors a sentence names, in reading order, for a later pair phrase."""
    named = [
        kt[0]
        for m in sorted(mentions, key=lambda m: m.i)
        for a in m.actors()
        if (kt := _kind(ctx, a)) is not None
    ]
    ctx.actors.append(tuple(named))
