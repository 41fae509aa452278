"""Statements a claim implies about its speaker: saying that someone violates a norm criticises
them ("Guterres reiteró que la invasión rusa viola la Carta" -> Guterres criticizes Russia).

Which relations carry that charge is data (``accusations`` in ``lang/<xx>/relations.yaml``); the
derived statement keeps the claim's sentence and is the article's own report of what was said.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract.modality import Holding

if TYPE_CHECKING:
    from kg.extract.context import Context
    from kg.extract.pipeline import Raw

_ACTORS = frozenset({"Person", "Country", "Organization", "Bloc"})


def speakers_criticize(
    raws: list[Raw], accusations: frozenset[str], ctx: Context, lang: str
) -> list[Raw]:
    """For each statement of an accusing relation that a speaker holds (attributed to them by
    a speech verb, not denied, not negated), the speaker criticizes its subject.

    Examples:
        >>> speakers_criticize([], frozenset({"violates"}), None, "es")  # type: ignore[arg-type]
        []
    """
    out: list[Raw] = []
    for r in raws:
        h = r.holding
        if r.relation not in accusations or h.negated or h.denied_by or not h.cue:
            continue  # a source ("según la Aduana") reports; a speaker ("reiteró que") charges
        for speaker in h.attributed_to:
            entity = ctx.registry.get(speaker)
            if entity is None or entity.type not in _ACTORS or speaker == r.subject:
                continue
            out.append(
                replace(
                    r,
                    subject=speaker,
                    relation="criticizes",
                    object=r.subject,
                    holding=Holding(),
                    rule=f"{lang}.criticizes.says_{r.relation}",
                    items=[],
                    role=None,
                )
            )
    return out
