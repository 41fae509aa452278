"""Objects a rule leaves to what the article said before: the unnamed author of a condemned
attack ("Egipto condenó el bombardeo") and what a clitic repeats ("También lo condenaron Irak
y Catar").

A rule whose ``object`` is ``event_agent`` or ``previous`` writes a placeholder as its object;
once the whole article is read, :func:`resolve_anaphora` replaces each placeholder by the one
actor the earlier statements point to, or drops the statement when they point to none or to
several (a missing statement costs less than a wrong one).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract.sanctioners import SANCTIONER, sanctioner_of

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kg.extract.pipeline import Raw

ANAPHORS = ("event_agent", "visitor", "previous", SANCTIONER)
"""Rule ``object`` values resolved after reading: an attack's author, a visit's visitor, a
clitic's antecedent, the imposer of sanctions evaded (kg/extract/sanctioners.py)."""

SUBJECT_ANAPHORS = ("event_agent", "antecedent")
"""Rule ``subject`` values resolved after reading: an attack's author; the one subject earlier
statements gave the same relation and object ("Moscú recibió 200 misiles" after "Irán entregó
misiles a Rusia": Irán)."""

ANTECEDENT_WINDOW = 40
"""How many earlier statements an antecedent subject may come from."""

# placeholder -> (the relation that tells the event, whether only a clause of its own tells it:
# "en respuesta al lanzamiento de misiles iraníes" is background, "su visita a China" is not)
_EVENTS = {"event_agent": ("attacks", True), "visitor": ("visits", False)}

EVENT_WINDOW = 8
"""How many sentences back an unnamed event may point ("condenaron el ataque")."""

CLITIC_WINDOW = 2
"""How many sentences back a clitic may point ("También lo condenaron …")."""

_UNIT = re.compile(r" [^ /]+/[^ /]+/([A-Z])")


def placeholder(kind: str) -> str:
    """The object written for a statement whose object is found after reading.

    Examples:
        >>> placeholder("event_agent")
        '?event_agent'
    """
    return f"?{kind}"


def is_placeholder(label: str) -> bool:
    """Whether a label is a placeholder object (never an entity: entity labels carry no "?").

    Examples:
        >>> is_placeholder("?previous"), is_placeholder("Israel")
        (True, False)
    """
    return label.startswith("?") and (label[1:] in ANAPHORS or label[1:] in SUBJECT_ANAPHORS)


def event_has_actor(encoded: str, end: int, reach: int = 3) -> bool:
    """Whether an event noun ending at ``end`` of an encoded sentence names its own actor: an
    actor, a place or a demonym among the next ``reach`` units of its phrase ("el ataque
    israelí", "el bombardeo de Teherán"); such an event is not an earlier one referred back to.

    Examples:
        >>> event_has_actor(" el/el/W ataque/ataque/N israeli/israeli/D0", 16)
        True
        >>> event_has_actor(" el/el/W ataque/ataque/N como/como/W una/uno/W", 24)
        False
    """
    for n, m in enumerate(_UNIT.finditer(encoded, end)):
        if n >= reach or m.group(1) in "CS":
            break
        if m.group(1) in "APD":
            return True
    return False


def resolve_anaphora(
    raws: list[Raw], sentence_starts: list[int], narrated: Iterable[str]
) -> list[Raw]:
    """Replace placeholder objects by what earlier statements say, or drop them.

    Args:
        raws: the article's raw statements, in reading order.
        sentence_starts: the start offset of each sentence of the article, in order.
        narrated: ids of the rules that tell an event in a clause of its own (not a noun
            phrase such as "los ataques israelíes"): only their attacks name an event's author.

    Returns:
        The statements, each placeholder resolved to exactly one actor or the statement left out.
    """
    index = {start: n for n, start in enumerate(sentence_starts)}
    tellers = frozenset(narrated)
    out: list[Raw] = []
    for raw in raws:
        if is_placeholder(raw.subject):  # a rule with subject "event_agent" or "antecedent"
            here = index.get(raw.sentence.start, 0)
            if raw.subject[1:] == "antecedent":
                agent = _antecedent(out, index, here, raw.relation, raw.object)
            else:
                agent = _event_agent(out, index, here, tellers, _EVENTS["event_agent"][0])
            if agent is None or agent == raw.object:
                continue
            raw = replace(raw, subject=agent)
        if not is_placeholder(raw.object):
            out.append(raw)
            continue
        here = index.get(raw.sentence.start, 0)
        kind = raw.object[1:]
        if kind in _EVENTS:
            relation, narrated_only = _EVENTS[kind]
            found = _event_agent(out, index, here, tellers if narrated_only else None, relation)
        elif kind == SANCTIONER:
            found = sanctioner_of(out, raw.subject)
        else:
            found = _previous(out, index, here, raw.relation)
        if found is not None and found != raw.subject:
            out.append(replace(raw, object=found))
    return out


def _event_agent(
    before: list[Raw],
    index: dict[int, int],
    here: int,
    tellers: frozenset[str] | None,
    relation: str,
) -> str | None:
    """The author of the most recent event of ``relation`` (an attack, a visit) told in a
    clause of its own, when there is one only."""
    by_sentence: dict[int, set[str]] = {}
    for r in before:
        n = index.get(r.sentence.start, -1)
        if (
            r.relation == relation
            and (tellers is None or r.rule in tellers)
            and here - EVENT_WINDOW <= n <= here
            and r.holding.modality in ("asserted", "reported")
            and not r.holding.negated
            and not is_placeholder(r.object)
        ):
            by_sentence.setdefault(n, set()).add(r.subject)
    if not by_sentence:
        return None
    authors = by_sentence[max(by_sentence)]
    return next(iter(authors)) if len(authors) == 1 else None


def _previous(before: list[Raw], index: dict[int, int], here: int, relation: str) -> str | None:
    """The object of the same relation in the nearest earlier sentence, when it is one only."""
    by_sentence: dict[int, set[str]] = {}
    for r in before:
        n = index.get(r.sentence.start, -1)
        if r.relation == relation and here - CLITIC_WINDOW <= n < here:
            by_sentence.setdefault(n, set()).add(r.object)
    if not by_sentence:
        return None
    objects = by_sentence[max(by_sentence)]
    return next(iter(objects)) if len(objects) == 1 else None


def _antecedent(
    before: list[Raw], index: dict[int, int], here: int, relation: str, obj: str
) -> str | None:
    """The one subject that earlier sentences' statements give ``relation`` towards ``obj``;
    None when there is none or more than one (the text does not say which)."""
    found = {
        r.subject
        for r in before[-ANTECEDENT_WINDOW:]
        if r.relation == relation and r.object == obj and index.get(r.sentence.start, here) < here
    }
    return found.pop() if len(found) == 1 else None
