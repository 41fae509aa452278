"""Times lent by an event the text refers back to: "Francia y Armenia firmaron el martes un
contrato … El acuerdo fue rubricado por …" dates the signing on that Tuesday.

The nouns that refer back to an event, the relations each can stand for and the determiners that
make them refer back are data (``event_anaphora`` in ``lang/<xx>/time.yaml``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kg.errors import DataError
from kg.extract.langdata import load_lang_data
from kg.extract.tokens import fold
from kg.model import SYMMETRIC

if TYPE_CHECKING:
    from kg.extract.pipeline import Raw
    from kg.extract.tokens import Token

WINDOW = 3  # sentences back where the event referred to may be
# what a visitor does where they are: dated by the visit when the sentence names the place
DURING_VISIT = frozenset({"meets", "hosts", "agrees_with", "supplies", "invites"})
# one gathering ("la cita", "la cumbre") holds both: a meeting there dates the hosting
GATHERING = frozenset({"meets", "hosts"})
CONDEMNED_WINDOW = 8  # for a condemned event (as far as deferred.py looks) or a gathering


@dataclass(frozen=True)
class EventAnaphora:
    determiners: frozenset[str]
    nouns: dict[str, frozenset[str]]  # folded noun -> relations it can refer back to
    demonstratives: frozenset[str] = frozenset()  # "aquella visita": a visit told before


@cache
def load_event_anaphora(lang: str) -> EventAnaphora:
    """The ``event_anaphora`` section of a language's time data (empty when it has none)."""
    raw = load_lang_data(lang, "time.yaml").get("event_anaphora") or {}
    where = f"lang/{lang}/time.yaml: event_anaphora"
    if not isinstance(raw, dict) or not isinstance(raw.get("nouns", {}), dict):
        raise DataError(f"{where}: needs determiners (a list) and nouns (noun: [relations])")
    return EventAnaphora(
        frozenset(fold(str(w)) for w in raw.get("determiners") or []),
        {fold(str(n)): frozenset(map(str, rels)) for n, rels in (raw.get("nouns") or {}).items()},
        frozenset(fold(str(w)) for w in raw.get("demonstratives") or []),
    )


def recalls_visit(tokens: list[Token], data: EventAnaphora) -> bool:
    """Whether a sentence recalls a visit with a demonstrative ("durante aquella visita")."""
    return any(
        "visits" in data.nouns.get(tokens[n].low, ()) and tokens[n - 1].low in data.demonstratives
        for n in range(1, len(tokens))
    )


def referred_relations(tokens: list[Token], data: EventAnaphora) -> frozenset[str]:
    """Relations of the events a sentence refers back to ("el acuerdo", "aquella visita")."""
    out: set[str] = set()
    for n in range(1, len(tokens)):
        rels = data.nouns.get(tokens[n].low)
        if rels and tokens[n - 1].low in data.determiners:
            out |= rels
    return frozenset(out)


def same_event(r: Raw, d: Raw, home: Callable[[str], str]) -> bool:
    """Whether an earlier statement ``d`` can be the event ``r`` refers back to: the same
    subject, or the same two sides once people and cities stand for their countries (in either
    order when one relation is symmetric). "Choe visitó Moscú … aquella visita a Pyongyang, Putin"
    are two visits."""
    symmetric = r.relation in SYMMETRIC or d.relation in SYMMETRIC
    if r.subject == d.subject or (symmetric and r.subject in (d.subject, d.object)):
        return True
    mine = (home(r.subject), home(r.object))
    theirs = (home(d.subject), home(d.object))
    return mine == theirs or (symmetric and mine == theirs[::-1])


def lend_times(
    raws: list[Raw],
    sentence_index: dict[int, int],
    referred: dict[int, frozenset[str]],
    states: frozenset[str],
    home: Callable[[str], str],
    named: dict[int, set[str]] | None = None,
    recalled: frozenset[int] = frozenset(),
) -> None:
    """Give an undated event statement the times of the event its sentence refers back to: the
    latest dated statement of the same relation and sides in the few sentences before."""
    named = named or {}
    for r in raws:
        if r.relation in states or (r.time and not (r.weak_time and r.relation in DURING_VISIT)):
            continue  # a weak time (the clause's, not the match's) yields to a visit told there
        here = sentence_index[r.sentence.start]
        rels = referred.get(here, frozenset())
        if r.relation not in rels and r.relation not in DURING_VISIT | {"visits"}:
            continue
        donors = [
            d
            for d in raws
            if r.relation in rels
            and d.time
            and (
                (d.relation == r.relation and same_event(r, d, home))
                # "Putin, anfitrión de la cita, recibió…": a gathering's meetings and hosting
                or (
                    {r.relation, d.relation} <= GATHERING & rels
                    and d.relation != r.relation
                    and same_event(r, d, home)
                )
                # "condenó el bombardeo": the criticism is dated by the bombing it condemns
                or (r.relation == "criticizes" and d.relation in rels and d.subject == r.object)
            )
            and here - _window(r, d) <= sentence_index[d.sentence.start] < here
        ]
        if r.time and not donors:
            donors = _visits_here(r, raws, sentence_index, here, named.get(here, set()), home)
            if not donors:
                continue  # keep the weak time
        if not donors and r.relation in DURING_VISIT | {"visits"} and here in recalled:
            donors = _recalled_visit(r, raws, sentence_index, here, home)
        if not donors and r.relation in DURING_VISIT:
            donors = _visits_here(r, raws, sentence_index, here, named.get(here, set()), home)
        if donors:
            donor = max(donors, key=lambda d: d.order)
            # another relation of a gathering that lasts days: its month, not the donor's day
            cut = donor.relation != r.relation and {r.relation, donor.relation} <= GATHERING
            r.time = list(dict.fromkeys(t[:7] if cut else t for t in donor.time))


def _window(r: Raw, d: Raw) -> int:
    if d.relation != r.relation and (r.relation == "criticizes" or r.relation in GATHERING):
        return CONDEMNED_WINDOW  # a condemned attack, a gathering: told a paragraph before
    return WINDOW


def _visits_here(
    r: Raw,
    raws: list[Raw],
    sentence_index: dict[int, int],
    here: int,
    places: set[str],
    home: Callable[[str], str],
) -> list[Raw]:
    """Dated visits, told in this sentence or the two before, by one of ``r``'s sides to a place
    (or its country) this sentence names: "Rutte viajó el jueves a Kiev. En la capital
    ucraniana, … se reunió con Zelenski" dates the meeting on that Thursday."""
    return [
        d
        for d in raws
        if d.relation == "visits"
        and d.time
        and d.subject in (r.subject, r.object)
        and here - 2 <= sentence_index[d.sentence.start] <= here
        and (d.object in places or home(d.object) in places)
    ]


def _recalled_visit(
    r: Raw, raws: list[Raw], sentence_index: dict[int, int], here: int, home: Callable[[str], str]
) -> list[Raw]:
    """ "Ambos países firmaron en junio un tratado. Durante aquella visita a Pyongyang, Putin le
    regaló…": a demonstrative recalls the visit during which the sentence before dated a
    meeting or an agreement between the same two countries."""
    sides = {home(r.subject), home(r.object)}
    return [
        d
        for d in raws
        if d.time
        and d.relation in ("agrees_with", "meets")
        and sentence_index[d.sentence.start] == here - 1
        and {home(d.subject), home(d.object)} == sides
        and len(sides) == 2
    ]


def visit_dates_from_hosting(raws: list[Raw], home: Callable[[str], str]) -> None:
    """A guest received by a host at home was there then: "fue recibida el lunes en el Kremlin
    por Putin, tras reunirse el viernes en Moscú…" dates the visit to Moscow both days."""
    for r in raws:
        if r.relation != "visits":
            continue
        for d in raws:
            if (
                d.relation == "hosts"
                and d.sentence.start == r.sentence.start
                and d.object == r.subject
                and d.time
                and home(d.subject) == home(r.object)
            ):
                r.time = list(dict.fromkeys([*r.time, *d.time]))
