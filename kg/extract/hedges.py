"""Small readings of a clause that hedge or re-attribute a statement (helpers of modality.py).

"Alemania enviará tanques a Ucrania si…" (a condition after the match), "como sede de nuevas
negociaciones entre…" (a hedge right before a presupposed noun), "El Ejército, liderado por el
general X, acusó…" (the agent of an apposition does not speak for its head).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.context import find_phrase

if TYPE_CHECKING:
    from kg.extract.grammar import Grammar
    from kg.extract.mentions import Mention
    from kg.extract.modality import Cues
    from kg.extract.tokens import Token


def agent_apposition(tokens: list[Token], m: Mention, lo: int, g: Grammar) -> int | None:
    """The comma opening a ", liderado por X," apposition whose agent ``m`` is, else None."""
    agents = {p[-1] for p in g.cited_by}  # "por" of "citado por": the agent's preposition
    k = m.i - 1
    while k > lo and tokens[k].kind == "W" and tokens[k].low not in agents and m.i - k <= 3:
        k -= 1
    if k - 2 < lo or tokens[k].low not in agents:
        return None
    participle = tokens[k - 1]
    endings = g.participle_endings + g.participle_feminine_endings
    if participle.kind != "W" or not endings or not participle.low.endswith(endings):
        return None
    if tokens[k - 2].kind != "C" or m.j >= len(tokens) or tokens[m.j].kind != "C":
        return None
    return k - 2


def condition_after(tokens: list[Token], i1: int, cues: Cues) -> bool:
    """Whether a conditional "si" opens right after the match (", si bien" is "although")."""
    k = i1 + 1 if i1 < len(tokens) and tokens[i1].kind == "C" else i1
    if k < len(tokens) and tokens[k].low in cues.condition_leads:
        k += 1  # "se reunirá con Trump solo si Rusia acepta…"
    return (
        k + 1 < len(tokens)
        and cues.grammar.is_conditional(tokens[k].text)
        and tokens[k + 1].low not in cues.grammar.concessive_after_if
    )


def noun_hedge(tokens: list[Token], i0: int, cues: Cues) -> str | None:
    """The modality a hedge right before the noun at ``i0`` gives it, else None: "como sede de
    nuevas negociaciones entre…" (hypothetical), "la próxima reunión entre…" (planned)."""
    lo = max(0, i0 - 5)
    for name, phrases in cues.noun_hedges.items():
        for n in find_phrase(tokens, lo, i0, phrases):
            between = tokens[n:i0]
            if all(t.kind == "W" for t in between) and i0 - n <= 5:
                return name
    return None
