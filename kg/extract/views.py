"""The token views rules are matched on: a sentence encoded as a string in which every actor is
one token, the view without relative clauses and appositions, and the small readings of tokens
(items, clause boundaries, verbs) that matching needs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kg.extract.context import find_phrase, is_verb
from kg.extract.grammar import Grammar
from kg.extract.mentions import Mention
from kg.extract.tokens import Token


@dataclass
class Encoded:
    text: str
    positions: list[int]  # encoded unit -> token index
    offsets: list[int]  # encoded unit -> character offset in ``text``
    actors: dict[int, Mention]
    demonyms: dict[int, str]

    def token_at(self, char: int) -> int:
        """Token index of the encoded unit starting at or containing ``char``."""
        lo, hi = 0, len(self.offsets) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.offsets[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return self.positions[lo]


def _form(s: str) -> str:
    return s.replace("/", "∕").replace(" ", "_") or "_"


def _locative(tokens: list[Token], m: Mention, places: set[str], g: Grammar) -> bool:
    if m.members or m.label not in places:
        return False
    k = m.i - 1
    if k >= 0 and tokens[k].low in g.slot_articles:
        k -= 1
    return k >= 0 and tokens[k].low in g.locative


def encode(
    tokens: list[Token],
    mentions: list[Mention],
    demonyms: list[tuple[int, int, str]],
    g: Grammar,
    keep: set[int] | None = None,
    places: set[str] | None = None,
) -> Encoded:
    places = places or set()
    by_start = {m.i: m for m in mentions}
    dem_start = {i: (j, label) for i, j, label in demonyms}
    parts: list[str] = []
    positions: list[int] = []
    offsets: list[int] = []
    actors: dict[int, Mention] = {}
    dems: dict[int, str] = {}
    length = 0
    n = 0
    while n < len(tokens):
        if keep is not None and n not in keep:
            n += 1
            continue
        if n in by_start and _locative(tokens, by_start[n], places, g):
            # "en Kazán", "en el Kremlin": a place where something happens, not an actor
            idx = len(actors)
            actors[idx] = by_start[n]
            unit = f" @{idx}/@place/P"
            nxt = by_start[n].j
        elif n in by_start:
            m = by_start[n]
            idx = len(actors)
            actors[idx] = m
            unit = f" @{idx}/@/A"
            nxt = m.j
        elif n in dem_start:
            j, label = dem_start[n]
            idx = len(dems)
            dems[idx] = label
            t = tokens[n]
            unit = f" {_form(t.low)}/{_form(t.lemma)}/D{idx}"
            nxt = j
        else:
            t = tokens[n]
            kind = t.kind
            if kind == "W" and n > 0 and tokens[n - 1].low in g.determiners:
                kind = "N"  # after a determiner a word is a noun ("el apoyo"), never a verb
            unit = f" {_form(t.low)}/{_form(t.lemma)}/{kind}"
            nxt = n + 1
        positions.append(n)
        offsets.append(length)
        parts.append(unit)
        length += len(unit)
        n = nxt
    return Encoded("".join(parts), positions, offsets, actors, dems)


def reduced_view(tokens: list[Token], mentions: list[Mention], g: Grammar) -> set[int] | None:
    """Token indices left when relative clauses and appositions between commas are removed.

    "Shoigu, quien fue ministro de Defensa de Rusia hasta mayo, es ahora el secretario…"
    -> "Shoigu es ahora el secretario…".  None when there is nothing to remove.
    """
    inside = {n for m in mentions for n in range(m.i + 1, m.j)}
    commas = [n for n, t in enumerate(tokens) if t.kind == "C" and n not in inside]
    drop: set[int] = set()
    for a, b in zip(commas, commas[1:], strict=False):
        if b - a < 2 or b - a > 20:
            continue
        first = tokens[a + 1].low
        after_actor = any(m.j == a for m in mentions)
        if first in g.relative_starts or (
            first in g.determiners and a > 0 and tokens[a - 1].kind == "W" and after_actor
        ):
            drop.update(range(a, b))
        elif (
            after_actor
            and b - a <= 6
            and tokens[a + 1].kind == "W"
            and not tokens[a + 1].is_upper
            and first not in g.clause_breaks  # ", y Hezbolá, …": another clause, no description
        ):
            # "Putin, anfitrión de la cita, recibió…": a short description of the actor
            drop.update(range(a, b))
    # ", cuando sucedió a su padre, Heydar Alíyev,": a name in apposition to a dropped clause
    for a, b in zip(commas, commas[1:], strict=False):
        if a - 1 in drop and any(m.i == a + 1 and m.j == b for m in mentions):
            drop.update(range(a, b))
    if not drop:
        return None
    return {n for n in range(len(tokens)) if n not in drop}


def cite_spans(tokens: list[Token], mentions: list[Mention], g: Grammar) -> set[int]:
    """Participial citations ("citados por el diario The Wall Street Journal"): left out of
    rule matching (attribution reads them from the tokens)."""
    out: set[int] = set()
    for n in find_phrase(tokens, 0, len(tokens), g.cited_by):
        after = [m for m in mentions if n + 1 < m.i <= n + 5]
        if after:
            out.update(range(n, after[0].j))
    return out


def subject_inside(m: Any, enc: Encoded, dropped: set[int]) -> bool:
    if m.groupdict().get("SUBJ") is None:
        return False
    subj = enc.actors[int(m.group("SUBJ"))]
    trigger = enc.token_at(max(m.end() - 1, 0))
    return subj.i in dropped and trigger not in dropped


def demonyms_in(enc: Encoded, m: Any, cut: int) -> list[Mention | str]:
    """Countries named by demonyms among the item words before ``cut`` ("productos rusos")."""
    out: list[Mention | str] = []
    pos = m.start("ITEMS")
    for part in enc.text[m.start("ITEMS") : m.end("ITEMS")].split(" "):
        if part:
            tag = part.rsplit("/", 1)[-1]
            if tag.startswith("D") and tag[1:].isdigit() and enc.token_at(pos + 1) < cut:
                out.append(enc.demonyms[int(tag[1:])])
        pos += len(part) + 1
    return out


def trim_items(tokens: list[Token], a: int, b: int, g: Grammar) -> tuple[str, int]:
    """The items span up to the first word that starts another phrase (a verb participle,
    "para", "que"…): "misiles de largo alcance suministrados por" -> "misiles de largo alcance"."""
    end = a
    for n in range(a, b):
        t = tokens[n]
        if t.kind in ("S",) or (n > a and (t.low in g.item_stops or t.kind == "C")):
            if not (t.low in g.item_stops and tokens[n - 1].low in g.money_words):
                break  # "millones de dólares en ayuda militar": what the money buys goes on
        if (
            n > a
            and g.participle_endings
            and t.low.endswith(g.participle_endings)
            and len(t.low) > 5
            and is_verb(t, g)
        ):
            break
        if n > a and t.low in g.coordinators:
            k = n + 1
            while k < b and tokens[k].low in g.clitics:
                k += 1
            if k < b and is_verb(tokens[k], g):
                break  # "drones iraníes y calificó…", "… y se comprometió": another clause
        if n == a and t.kind == "Q":
            a += 1  # "«no ha entregado» misiles": the closing quote is not an item
            end = a
            continue
        end = n + 1
    if end <= a:
        return "", a
    return span_text(tokens, a, end), end


def new_clause(tokens: list[Token], a: int, b: int, g: Grammar) -> bool:
    """Whether a coordinator + a conjugated verb starts a new clause between tokens a and b."""
    for n in range(a + 1, b):
        if tokens[n].low in g.coordinators:
            k = n + 1
            while k < b and tokens[k].low in g.clitics:
                k += 1
            if k < b and is_verb(tokens[k], g):
                return True
    return False


def span_text(tokens: list[Token], a: int, b: int) -> str:
    out = tokens[a].text
    for n in range(a + 1, b):
        gap = " " if tokens[n].start > tokens[n - 1].end else ""
        out += gap + tokens[n].text
    return out
