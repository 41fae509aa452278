"""When a statement happened, from the time expressions of its sentence: the comma-bounded
stretch around the match, a leading adverbial, a date in apposition, the clause's only time; not
what a relative clause inside the match dates."""

from __future__ import annotations

from typing import Any

from kg.extract.context import clause_bounds
from kg.extract.tokens import Token
from kg.model import Sentence

STATES = frozenset(
    {"allied_with", "trades_with", "member_of", "leader_of", "holds_position", "affiliated_with",
     "parent_of"}
)  # fmt: skip
"""Relations that are standing states, not events: they take only a time said right by them."""


def clause_times(
    tokens: list[Token],
    i0: int,
    i1: int,
    s: Sentence,
    times: list[Any],
    relation: str = "",
    breakers: frozenset[str] = frozenset(),
    relatives: frozenset[str] = frozenset(),
    fallback: bool = True,
    complements: frozenset[str] = frozenset(),
    prepositions: frozenset[str] = frozenset(),
) -> list[str]:
    """Times of the comma-bounded stretch around the match, plus a leading adverbial
    ("En febrero, Putin le regaló…"); failing those, the clause's only time not cut off by a
    clause break ("Putin visitó Corea del Norte por segunda vez, siendo la primera en 2000")."""
    lo = i0
    while lo > 0 and tokens[lo - 1].kind not in ("S", "C"):
        lo -= 1
    # "El Kremlin negó este miércoles que Rusia haya suministrado…": the day is the denial's
    said = [
        n
        for n in range(lo, i0)
        if tokens[n].low in complements and not (n > 0 and tokens[n - 1].low in prepositions)
    ]  # not "tres días después de que X viajara": a time of the event itself
    if said:
        lo = said[-1] + 1
    hi = i1
    while hi < len(tokens) and tokens[hi].kind not in ("S", "C"):
        hi += 1
    spans = [(tokens[lo].start, tokens[hi - 1].end if hi > 0 else s.end)]
    first_comma = next((n for n, t in enumerate(tokens) if t.kind == "C"), None)
    if first_comma is not None and first_comma < lo and first_comma <= 6 and not said:
        spans.append((tokens[0].start, tokens[first_comma].start))
    # "Arabia Saudí, que normalizó el año pasado sus relaciones…, condenó": not the relative's
    nested = relative_spans(tokens, i0, i1, relatives)
    out = []
    for t in times:
        c = t.start + s.start
        if any(a <= c < b for a, b in spans) and not any(a <= c < b for a, b in nested):
            out.append(t.value)
    # "… compradores como la India y China, que han multiplicado sus importaciones desde
    # 2022": a relative right after the object saying since when the state holds
    comma = next((n for n in range(i1, min(i1 + 8, len(tokens))) if tokens[n].kind in "CS"), -1)
    if (
        not out
        and relation in STATES
        and 0 <= comma < len(tokens) - 1
        and tokens[comma].kind == "C"
        and tokens[comma + 1].low in relatives
    ):
        close = next((n for n in range(comma + 1, len(tokens)) if tokens[n].kind in "CS"), None)
        lo_r = tokens[comma + 1].start
        hi_r = tokens[close].start if close is not None else s.end
        out = [t.value for t in times if t.anchor == "start" and lo_r <= t.start + s.start < hi_r]
    if not out and fallback and relation not in STATES:
        a, b = clause_bounds(tokens, i0, i1)
        # a time before the match counts only if no clause break stands between them ("Francia
        # retiró sus tropas en diciembre, mientras Rusia envió instructores": not Rusia's)
        breaks = [n for n in range(a, i0) if tokens[n].low in breakers or n in said]
        if breaks:
            a = breaks[-1] + 1
        # "Egipto, que apoya al Ejército sudanés, acogerá la próxima semana…": a match read
        # inside a relative takes no time from the main clause around it
        rel = next(
            (
                n
                for n in range(i0, i1 - 1)
                if tokens[n].kind == "C" and tokens[n + 1].low in relatives
            ),
            None,
        )
        if rel is not None:
            a = rel + 1
            b = next((n for n in range(i1, b) if tokens[n].kind in ("C", "S")), b)
        lo_c, hi_c = tokens[a].start, tokens[b - 1].end if b > 0 else s.end
        inside = {
            t.value
            for t in times
            if lo_c <= t.start + s.start < hi_c
            and not t.anchor
            and not any(a <= t.start + s.start < b for a, b in nested)
        }
        if len(inside) == 1:
            out = list(inside)
    return list(dict.fromkeys(out))


def appositive_time(tokens: list[Token], end: int, s: Sentence, times: list[Any]) -> list[str]:
    """A date in apposition right after token ``end``: ", en octubre pasado," (a whole
    comma-bounded stretch that is that date), else nothing."""
    if end + 1 >= len(tokens) or tokens[end].kind != "C":
        return []
    close = next((n for n in range(end + 1, len(tokens)) if tokens[n].kind in "CS"), None)
    if close is None or close == end + 1:
        return []
    a, b = tokens[end + 1].start - s.start, tokens[close - 1].end - s.start
    return [t.value for t in times if t.start == a and t.end == b]


def relative_spans(
    tokens: list[Token], i0: int, i1: int, starts: frozenset[str]
) -> list[tuple[int, int]]:
    """Character spans of the comma-bounded relative clauses inside a match (", que …,")."""
    out = []
    for k in range(i0, i1 - 1):
        if tokens[k].kind == "C" and tokens[k + 1].low in starts:
            close = next((n for n in range(k + 1, i1) if tokens[n].kind == "C"), None)
            if close is not None:
                out.append((tokens[k].start, tokens[close].end))
    return out
