"""Who imposed the sanctions an actor evades, when the sentence does not say.

"Venezuela vende crudo a China para eludir las sanciones": the sanctions are the ones the article
has already shown someone imposing on Venezuela ("Estados Unidos restablecerá las sanciones
contra Venezuela").  The evader violates that one sanctioner; with none, or several, the
statement is left out (a missing statement costs less than a wrong one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kg.extract.pipeline import Raw

SANCTIONER = "sanctioner"
"""The rule ``object`` value whose placeholder this module resolves."""


def sanctioner_of(before: Iterable[Raw], evader: str) -> str | None:
    """The one actor that earlier statements show sanctioning ``evader``.

    Args:
        before: the statements read so far, in reading order.
        evader: the label of the actor said to evade sanctions.

    Returns:
        The sanctioner's label, or None when the article names none or more than one.
    """
    found = {
        r.subject
        for r in before
        if r.relation == "sanctions"
        and r.object == evader
        and not r.holding.negated
        and not r.subject.startswith("?")
    }
    return next(iter(found)) if len(found) == 1 else None
