"""Verbs coordinated with one another under one subject.

"Chevron podrá seguir extrayendo y exportando crudo": the coordinator before "exportando" joins
two verbs of the same form that share the subject, so it does not start another clause.  A
coordinator after anything else ("Venezuela «…» y acusó") still does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.grammar import Grammar
    from kg.extract.tokens import Token


def _form(word: str, g: Grammar) -> str | None:
    """The non-finite form a folded word has: "gerund", "infinitive" or None."""
    if len(word) < 5:
        return None
    if g.gerund_endings and word.endswith(g.gerund_endings):
        return "gerund"
    if g.infinitive_endings and word.endswith(g.infinitive_endings):
        return "infinitive"
    return None


def joins_verbs(tokens: list[Token], coord: int, verb: int, g: Grammar) -> bool:
    """Whether the coordinator at ``coord`` only joins a verb to the trigger verb at ``verb``.

    Args:
        tokens: the sentence's tokens.
        coord: position of the coordinator ("y", "e", "o").
        verb: position of the trigger verb.
        g: the language's grammar (its coordinators and non-finite endings).

    Returns:
        True when the coordinator stands right before the trigger, and right after a word with
        the trigger's own non-finite form ("extrayendo y exportando", "comprar y vender").

    Examples:
        >>> from kg.extract.grammar import load_grammar
        >>> from kg.extract.tokens import tokenize
        >>> toks = tokenize("seguir extrayendo y exportando crudo")
        >>> joins_verbs(toks, 2, 3, load_grammar("es"))
        True
        >>> toks = tokenize("Maduro dijo que y exportando")
        >>> joins_verbs(toks, 3, 4, load_grammar("es"))
        False
    """
    if coord != verb - 1 or coord < 1 or tokens[coord].low not in g.coordinators:
        return False
    prev, trig = tokens[coord - 1], tokens[verb]
    if prev.kind != "W" or trig.kind != "W":
        return False
    form = _form(trig.low, g)
    return form is not None and _form(prev.low, g) == form
