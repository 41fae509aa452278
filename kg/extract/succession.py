"""Succession in office: whoever is replaced held, and whoever takes over holds, the same office.

"Rutte asumió el cargo en sustitución del noruego Jens Stoltenberg": the office the sentence
gives Rutte (secretary general of NATO) was Stoltenberg's.  "Rutte dirigió el Gobierno de los
Países Bajos hasta julio, cuando le sucedió Dick Schoof": Schoof leads the Netherlands now.
The office is copied only when the sentence gives the other person exactly one office, and
that person is the nearest one named before the cue, the clause's subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from kg.extract.context import Context, Mention, lexicon_words
from kg.extract.tokens import Token, fold

OFFICES = frozenset({"leader_of", "holds_position"})
KNOWN = ".office.known_position"  # an office the gazetteer knows, not one the sentence says
# Tokens between a handover verb and its office noun ("en agosto del año pasado la jefatura"),
# and between "a" and the successor's name ("a su hijo mayor, Hun Manet").
_HANDOVER_REACH = 8
_SUCCESSOR_REACH = 5


class OfficeRaw(Protocol):
    """What this module reads of a raw statement (pipeline.Raw)."""

    subject: str
    relation: str
    object: str
    role: str | None
    rule: str


@dataclass
class Passed:
    """An office passed on under the role the handover names ("la jefatura del Gobierno")."""

    subject: str
    relation: str
    object: str
    role: str | None
    rule: str


def _person(ctx: Context, m: Mention) -> bool:
    entity = ctx.registry.get(m.label)
    return entity is not None and entity.type == "Person"


def _words(ctx: Context, key: str) -> frozenset[str]:
    return lexicon_words(ctx.lexicon, key)


def succession_pairs(
    ctx: Context, tokens: list[Token], mentions: Sequence[Mention]
) -> list[tuple[str, str, bool, str | None]]:
    """(person whose office is known, the other person, the other is the successor, the role
    the cue names or None) per cue.

    "P … en sustitución de X", "P sustituyó/sucedió/relevó a X": X is P's predecessor;
    "P … cuando le sucedió X" (a past form): X is P's successor.
    """
    verbs = _words(ctx, "succession_verbs")
    nouns = _words(ctx, "succession_nouns")
    markers = ctx.grammar.object_markers | _words(ctx, "contracted_articles")
    people = sorted((a for m in mentions for a in m.actors() if _person(ctx, a)), key=lambda a: a.i)
    out: list[tuple[str, str, bool, str | None]] = []
    for n, t in enumerate(tokens):
        successor = False
        handed = handover_at(ctx, tokens, n)
        if handed is not None:
            after, successor = handed[0], True  # "cedió la jefatura del Gobierno a X"
        elif t.lemma in verbs and n + 1 < len(tokens) and tokens[n + 1].low in markers:
            after = n + 2  # "sustituyó a X"
        elif t.low in nouns and n > 0 and tokens[n - 1].low in ctx.grammar.locative:
            if n + 1 >= len(tokens) or tokens[n + 1].low not in ctx.grammar.of_words:
                continue
            after = n + 2  # "en sustitución de X"
        elif (
            t.lemma in verbs
            and n > 0
            and tokens[n - 1].low in _words(ctx, "object_clitics")
            and t.low.endswith(("o", "io"))
        ):
            after, successor = n + 1, True  # "le sucedió el independiente X"
        else:
            continue
        reach = _SUCCESSOR_REACH if handed is not None else 3
        other = next((a for a in people if after <= a.i <= after + reach), None)
        if other is not None and any(
            tokens[k].low in _words(ctx, "replacement_markers")
            for k in range(other.j, min(other.j + 4, len(tokens)))
        ):
            continue  # "sustituyó a X por Y": the subject is who appoints, not who succeeds
        before = [a for a in people if a.j <= n - (1 if successor else 0)]
        if other is None or not before:
            continue
        holder = before[-1]
        if holder.label != other.label:
            out.append((holder.label, other.label, successor, handed and handed[1]))
    return out


def handover_at(ctx: Context, tokens: list[Token], n: int) -> tuple[int, str | None] | None:
    """ "ceder (en agosto) la jefatura del Gobierno a X": where X may start, and the role the
    office noun names (roles.yaml ``handover_nouns``; None for "el poder", "el cargo")."""
    if tokens[n].lemma not in _words(ctx, "handover_verbs"):
        return None
    nouns = {
        tuple(fold(w).split()): r for w, r in (ctx.lexicon.get("handover_nouns") or {}).items()
    }
    markers = ctx.grammar.object_markers | _words(ctx, "contracted_articles")
    lows = [t.low for t in tokens]
    for k in range(n + 1, min(n + 1 + _HANDOVER_REACH, len(tokens))):
        if tokens[k].kind != "W":
            return None
        for words, role in nouns.items():
            end = k + len(words)
            if tuple(lows[k:end]) == words and end < len(tokens) and lows[end] in markers:
                return end + 1, role
    return None


def succession_offices(
    ctx: Context, tokens: list[Token], mentions: Sequence[Mention], raws: Sequence[Any]
) -> list[tuple[str, OfficeRaw, bool]]:
    """For each succession cue of a sentence: the other person, the office raw statement of
    the holder it copies (the sentence's only office of that holder), and whether the other
    person is the successor."""
    out: list[tuple[str, OfficeRaw, bool]] = []
    for holder, other, successor, role in succession_pairs(ctx, tokens, mentions):
        if any(
            r.subject == other and r.relation in OFFICES and not r.rule.endswith(KNOWN)
            for r in raws
        ):
            continue  # "sustituyó al jefe del ejército, X": X's own office is the one passed
        held = {
            (r.relation, r.object): r for r in raws if r.subject == holder and r.relation in OFFICES
        }
        if not held and role and holder in ctx.affiliation:
            # "cedió la jefatura del Gobierno a X": the giver's country's government
            country = ctx.affiliation[holder]
            rule = f"{ctx.grammar.lang}.office.handover"
            held = {("leader_of", country): Passed(holder, "leader_of", country, role, rule)}
        if len(held) != 1:
            continue  # no office, or several: which one passed on is not said
        office: OfficeRaw = next(iter(held.values()))
        if role:
            office = Passed(office.subject, office.relation, office.object, role, office.rule)
        out.append((other, office, successor))
    return out
