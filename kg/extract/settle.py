"""What the rule and the discourse add to how a sentence holds a statement, once the cues have
spoken (modality.assess): a refusal right before the act, a speaker the sentence leaves unnamed,
a presupposed noun phrase, a modality or negation the rule forces."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.anaphora import topic_person
from kg.extract.hedges import noun_hedge
from kg.extract.modality import refused_before
from kg.extract.referents import clause_topic

if TYPE_CHECKING:
    from kg.extract.context import Context, Mention
    from kg.extract.modality import Cues, Holding
    from kg.extract.rules import Rule
    from kg.extract.tokens import Token


def settle(
    holding: Holding,
    rule: Rule,
    tokens: list[Token],
    mentions: list[Mention],
    i0: int,
    verb: int | None,
    ctx: Context,
    cues: Cues,
) -> None:
    """Adjust ``holding`` in place for the match starting at token ``i0`` whose trigger verb, if
    the rule names one, is at ``verb``."""
    if verb is not None and refused_before(tokens, verb, cues):
        # "Hungría se ha negado a enviar armas": it did not send them, nobody denies a claim
        holding.negated, holding.denied_by = True, []
        if holding.modality == "alleged" and not holding.attributed_to:
            holding.modality = "asserted"
    if holding.unnamed_speaker and not holding.attributed_to:
        speaker = topic_person(ctx)  # "Ferrer … Aun así, advierte de que…": Ferrer
        if speaker is not None:
            holding.attributed_to = [speaker]
            if holding.modality == "asserted":
                holding.modality = holding.unnamed_speaker
    if rule.presupposed:
        if holding.modality in ("speculative", "hypothetical", "planned"):
            # "advirtió de que, si la cooperación entre X e Y sigue…": the condition is on
            # what follows; the noun phrase is the article's own presupposition
            holding.modality, holding.attributed_to = "asserted", []
        holding.negated = False
        hedged = noun_hedge(tokens, i0, cues)  # "como sede de nuevas negociaciones"
        if hedged is not None:
            holding.modality = hedged
    if rule.modality:
        holding.modality = rule.modality
        if rule.modality == "asserted":  # the article's own voice ("X, de la Universidad Y")
            holding.attributed_to, holding.self_reported = [], False
        if rule.modality == "alleged" and not holding.attributed_to:
            # "Arabia Saudí condenó el bombardeo como una violación…": the clause's subject
            claimant = clause_topic(
                tokens, mentions, i0, ctx, frozenset(), cues.grammar, first=True
            )
            if claimant is not None:
                holding.attributed_to.append(claimant.state or claimant.label)
    if rule.negated:
        holding.negated = True
