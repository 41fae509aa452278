"""A counted apposition after a statement's object: "…contra Hamás y en el Líbano contra
Hezbolá, dos grupos armados que reciben armas de Irán".

The relative clause speaks of both groups, though only the last one stands right before it.
Only for rules whose object opens the pattern (the relative clause is the trigger). When the
object is followed by ", dos|tres|ambos <actor noun>", and it names fewer actors than
counted, the nearest earlier actors of the same entity type in the sentence complete the count;
when the sentence has too few of them, the object is left as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.extract.context import lexicon_words
from kg.extract.tokens import fold

if TYPE_CHECKING:
    from kg.extract.context import Context, Mention
    from kg.extract.tokens import Token


def counted(tokens: list[Token], end: int, lexicon: dict[str, Any]) -> int:
    """The count an apposition starting at token ``end`` (a comma) gives, or 0: a count word and
    a noun that names actors (roles.yaml ``apposition_counts``, ``apposition_actor_nouns``; not
    "dos días después").

    Examples:
        >>> from kg.extract.langdata import load_lang_data
        >>> from kg.extract.tokens import tokenize
        >>> lex = load_lang_data("es", "roles.yaml")
        >>> counted(tokenize("contra Hezbolá, dos grupos armados que"), 2, lex)
        2
        >>> counted(tokenize("acusó a Israel, dos días después"), 3, lex)
        0
    """
    counts = {fold(str(k)): int(v) for k, v in (lexicon.get("apposition_counts") or {}).items()}
    nouns = lexicon_words(lexicon, "apposition_actor_nouns")
    articles = lexicon_words(lexicon, "demonym_determiners")
    n = end
    if n >= len(tokens) or tokens[n].kind != "C":
        return 0
    n += 1
    if n < len(tokens) and tokens[n].low in articles:
        n += 1
    if n + 1 >= len(tokens) or tokens[n].low not in counts:
        return 0
    return counts[tokens[n].low] if tokens[n + 1].low in nouns else 0


def complete_list(
    tokens: list[Token],
    mentions: list[Mention],
    obj: Mention,
    objects: list[Mention | str],
    ctx: Context,
) -> list[Mention | str]:
    """The object's actors, completed by the earlier actors a counted apposition covers.

    Args:
        tokens: the sentence's tokens.
        mentions: the sentence's mentions, in order.
        obj: the object mention matched by the rule.
        objects: the actors the rule would give (the object's own, possibly trimmed).
        ctx: the article context (entity types).

    Returns:
        ``objects`` with the missing earlier actors in front, or ``objects`` unchanged.
    """
    want = counted(tokens, obj.j, ctx.lexicon)
    if want <= len(objects) or not objects or isinstance(objects[0], str):
        return objects
    kind = ctx.registry[objects[0].label].type
    have = {o.label for o in objects if not isinstance(o, str)}
    earlier = [
        a
        for m in mentions
        if m.j <= obj.i
        for a in m.actors()
        if ctx.registry[a.label].type == kind and a.label not in have
    ]
    missing = want - len(objects)
    if len(earlier) < missing:
        return objects
    return [*earlier[-missing:], *objects]
