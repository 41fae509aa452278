"""Time expressions: find them in text and normalise them to ISO 8601 against the publication date.

The word lists and the patterns of each language live in ``lang/<xx>/time.yaml``; this module
compiles them once and resolves every kind of expression (full dates, months, years, weekdays,
"ayer", "hace tres meses", "tres días después" …) the same way for every language. Patterns are
alternations of literal words joined by bounded gaps, so matching is linear in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from kg.errors import DataError
from kg.extract.langdata import check_words, load_lang_data
from kg.extract.tokens import fold

_PLACEHOLDER = re.compile(r"\{([A-Z]+)\}")
_KINDS = ("date", "iso", "month_year", "month", "year", "weekday", "relative", "ago", "ahead",
          "shift", "anchored")  # fmt: skip
_SENTENCE_END = re.compile(r"[.;:!?\n]")
_WORDS = re.compile(r"[\w']+")
_FUTURE_WINDOW = 6  # words before a mention searched for a future verb or cue


@dataclass(frozen=True)
class TimeMention:
    """A time expression found in a text, normalised at the precision the text gives."""

    start: int  # character offsets in the text passed in
    end: int
    value: str  # ISO 8601: "2024-09-13", "2024-06" or "2024"
    anchor: str | None  # "start" for "desde …", "end" for "hasta …", else None
    text: str


@dataclass(frozen=True)
class TimeLexicon:
    """The compiled time data of one language."""

    lang: str
    data: dict[str, Any]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    anchors: dict[str, str]  # folded preposition -> "start" | "end"
    tables: dict[str, dict[str, Any]]  # mapping sections with folded, space-normalised keys
    lists: dict[str, frozenset[str]]  # list sections, folded and space-normalised


def _alternation(words: Any, names: bool = False) -> str:
    """A regex alternation of ``words``, longest first; spaces match any white space."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) or "(?!)"
    return f"(?-i:{alt})" if names else f"(?:{alt})"


def _fragments(data: dict[str, Any]) -> dict[str, str]:
    preps = data["prepositions"]
    all_preps = [*preps.get("start", []), *preps.get("end", []), *preps.get("other", [])]
    subs = data.get("shift_subordinators") or []
    sub = rf"(?:(?=\s+(?P<sub>{_alternation(subs)})(?!\w)))?" if subs else ""
    return {
        "P": rf"(?:(?P<prep>{_alternation(all_preps)})\s+)?"
        rf"(?:(?P<qual>{_alternation(data.get('qualifiers') or [])})(?:\s+|(?<=-)))?",
        "MONTH": rf"(?P<month>{_alternation(data['months'], names=True)})",
        "WEEKDAY": rf"(?P<weekday>{_alternation(data['weekdays'], names=True)})",
        "DAY": r"(?<![\d.,])(?P<day>[0-3]?\d)",
        "MNUM": r"(?P<mnum>[01]?\d)",
        "YEAR": r"(?<![\d.,])(?P<year>1[6-9]\d\d|20\d\d)(?![\d]|[.,]\d)",
        "ISO": r"(?<![\d.,])(?P<iso>(?:1[6-9]|20)\d\d-[01]\d-[0-3]\d)(?!\d)",
        "NUM": rf"(?P<num>\d{{1,3}}(?![\d.,])|{_alternation(data['numbers'])})",
        "UNIT": rf"(?P<unit>{_alternation(data['units'])})",
        "SEASON": rf"(?P<season>{_alternation(data.get('seasons') or [])})",
        "REL": rf"(?P<rel>{_alternation(data.get('relative') or {})})",
        "YREL": rf"(?P<yrel>{_alternation(data.get('year_relative') or {})})",
        "ANCH": rf"(?P<anch>{_alternation(data.get('anchored') or {})})",
        "PAST": rf"(?P<past>{_alternation(data.get('past') or [])})",
        "NEXT": rf"(?P<next>{_alternation(data.get('next') or [])})",
        "THIS": rf"(?P<this>{_alternation(data.get('this') or [])})",
        "DET": rf"(?:{_alternation(data.get('weekday_determiners') or [])})",
        "APPROX": rf"(?:{_alternation(data.get('approximators') or [])})",
        "AGO": rf"(?:{_alternation(data.get('ago') or [])})",
        "AHEAD": rf"(?:{_alternation(data.get('ahead') or [])})",
        "AGOREF": rf"(?P<agoref>{_alternation(data.get('ago_references') or {})})",
        "DIR": rf"(?P<dir>{_alternation(data.get('shift_words') or {})})",
        "SUB": sub,
    }


def _compile(lang: str, data: dict[str, Any], where: str) -> TimeLexicon:
    check_words(data, where)
    for key in ("months", "weekdays", "numbers", "units", "prepositions", "patterns"):
        if not isinstance(data.get(key), dict):
            raise DataError(f"{where}: missing or invalid mapping {key!r}")
    fragments = _fragments(data)
    compiled: list[tuple[str, re.Pattern[str]]] = []
    for kind, templates in data["patterns"].items():
        if kind not in _KINDS:
            raise DataError(
                f"{where}: patterns: unknown kind {kind!r} (known: {', '.join(_KINDS)})"
            )
        for template in templates:

            def fill(m: re.Match[str], t: str = str(template)) -> str:
                if m.group(1) not in fragments:
                    raise DataError(f"{where}: pattern {t!r}: unknown placeholder {m.group(0)}")
                return fragments[m.group(1)]

            body = _PLACEHOLDER.sub(fill, str(template).replace(" ", r"\s+"))
            try:
                compiled.append((kind, re.compile(rf"(?<!\w)(?=\w){body}(?!\w)", re.IGNORECASE)))
            except re.error as exc:
                raise DataError(f"{where}: pattern {template!r}: {exc}") from exc
    anchors = {fold(w): "start" for w in data["prepositions"].get("start", [])}
    anchors.update({fold(w): "end" for w in data["prepositions"].get("end", [])})
    tables = {
        name: {_norm(str(k)): v for k, v in value.items()}
        for name, value in data.items()
        if isinstance(value, dict)
    }
    lists = {
        name: frozenset(_norm(str(w)) for w in value)
        for name, value in data.items()
        if isinstance(value, list)
    }
    return TimeLexicon(lang, data, tuple(compiled), anchors, tables, lists)


@cache
def load_time_lexicon(lang: str) -> TimeLexicon:
    """Load and compile ``lang/<lang>/time.yaml`` (cached).

    Raises:
        DataError: the file is missing or invalid.
    """
    where = f"lang/{lang}/time.yaml"
    data = dict(load_lang_data(lang, "time.yaml", required=True))
    return _compile(lang, data, where)


@cache
def number_words(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    """The number words and multipliers of ``lang``, folded (shared with the items parser).

    Examples:
        >>> words, mult = number_words("es")
        >>> words["tres"], mult["millones"]
        (3, 1000000)
    """
    data = load_time_lexicon(lang).data
    words = {fold(str(k)): int(v) for k, v in data["numbers"].items()}
    mult = {fold(str(k)): int(v) for k, v in (data.get("multipliers") or {}).items()}
    return words, mult


# --------------------------------------------------------------------------- calendar helpers


def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _precision(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")


def _week_month(monday: date) -> str:
    """The month a Monday-to-Sunday week mostly falls in (the month of its Thursday)."""
    thursday = monday + timedelta(days=3)
    return _ym(thursday.year, thursday.month)


# --------------------------------------------------------------------------- resolution


@dataclass
class _Context:
    lex: TimeLexicon
    published: date | None
    latest: dict[str, tuple[int, str]] = field(default_factory=dict)  # precision -> (order, value)
    future: bool = False
    seen: int = 0

    def remember(self, value: str) -> None:
        self.seen += 1
        self.latest[_precision(value)] = (self.seen, value)

    def last(self, *precisions: str) -> str | None:
        """The latest value resolved at one of ``precisions`` (any precision when none given)."""
        found = [v for p, v in self.latest.items() if not precisions or p in precisions]
        return max(found)[1] if found else None


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _norm(text: str) -> str:
    return fold(" ".join(text.split()))


def _lookup(lex: TimeLexicon, table: str, key: str | None) -> Any:
    return lex.tables.get(table, {}).get(_norm(key or ""))


def _number(m: re.Match[str], ctx: _Context) -> int | None:
    raw = _group(m, "num")
    if raw is None:
        return None
    if raw.isdigit():
        return int(raw)
    value = _lookup(ctx.lex, "numbers", raw)
    return int(value) if value is not None else None


def _pick_month_year(month: int, m: re.Match[str], ctx: _Context, pub: date) -> int:
    if _group(m, "yrel"):
        return pub.year + int(_lookup(ctx.lex, "year_relative", _group(m, "yrel") or ""))
    if _group(m, "past"):
        return pub.year if month < pub.month else pub.year - 1
    if _group(m, "next"):
        return pub.year if month > pub.month else pub.year + 1
    if ctx.future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _resolve_date(m: re.Match[str], ctx: _Context) -> str | None:
    day = int(_group(m, "day") or 0)
    month_name = _group(m, "month")
    month = int(_lookup(ctx.lex, "months", month_name)) if month_name else None
    if month is None:
        month = int(_group(m, "mnum") or 0)
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if _group(m, "year"):
        found = _safe_date(int(_group(m, "year") or 0), month, day)
        return found.isoformat() if found else None
    pub = ctx.published
    if pub is None:
        return None
    past = next((d for y in (pub.year, pub.year - 1, pub.year - 2)
                 if (d := _safe_date(y, month, day)) and d <= pub), None)  # fmt: skip
    fut = next((d for y in (pub.year, pub.year + 1, pub.year + 2)
                if (d := _safe_date(y, month, day)) and d >= pub), None)  # fmt: skip
    if _group(m, "past"):
        chosen = past if past != pub else _safe_date(pub.year - 1, month, day)
    elif _group(m, "next") or ctx.future:
        chosen = fut
    elif past is None or fut is None:
        chosen = past or fut
    else:
        # A date close ahead is a scheduled event; one far behind would have carried its year.
        chosen = fut if (fut - pub).days * 2 < (pub - past).days else past
    return chosen.isoformat() if chosen else None


def _resolve_weekday(m: re.Match[str], ctx: _Context) -> str | None:
    pub = ctx.published
    if pub is None:
        return None
    wd = int(_lookup(ctx.lex, "weekdays", _group(m, "weekday") or ""))
    back = pub - timedelta(days=(pub.weekday() - wd) % 7)
    ahead = pub + timedelta(days=(wd - pub.weekday()) % 7)
    if _group(m, "this"):
        # "este domingo": the nearer of the two (a Monday's "este domingo" is yesterday, a
        # Wednesday's "este viernes" the coming one); a future verb makes it the coming one
        found = ahead if ctx.future or (ahead - pub) < (pub - back) else back
    elif _group(m, "past"):
        found = pub - timedelta(days=(pub.weekday() - wd - 1) % 7 + 1)
    elif _group(m, "next"):
        found = pub + timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)
    elif ctx.future:
        found = ahead
    else:
        found = back
    return found.isoformat()


def _at_offset(pub: date, unit: str, offset: int) -> str | None:
    if unit in ("day", "hour"):
        return (pub + timedelta(days=offset)).isoformat()
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=offset)
        return _week_month(monday)
    if unit == "month":
        return _ym(*_month_shift(pub.year, pub.month, offset))
    if unit == "year":
        return f"{pub.year + offset:04d}"
    if unit == "decade":
        return f"{pub.year + 10 * offset:04d}"
    return None


def _resolve_ago(m: re.Match[str], ctx: _Context, sign: int = -1) -> str | None:
    pub, n = ctx.published, _number(m, ctx)
    if pub is None or n is None:
        return None
    unit = str(_lookup(ctx.lex, "units", _group(m, "unit") or ""))
    if unit == "week":
        return (pub + timedelta(weeks=sign * n)).isoformat()
    value = _at_offset(pub, unit, sign * n)
    ref = _group(m, "agoref")
    if value and unit in ("year", "decade") and ref:
        precision = _lookup(ctx.lex, "ago_references", ref)
        if precision == "month":
            value = _ym(int(value), pub.month)
        elif precision == "day":
            found = _safe_date(int(value), pub.month, pub.day)
            value = found.isoformat() if found else _ym(int(value), pub.month)
    return value


def _shift_from(ctx: _Context, unit: str, n: int) -> str | None:
    if unit in ("hour", "day", "week"):
        last = ctx.last("day")
        if last is None:
            return None
        days = 0 if unit == "hour" else n * (7 if unit == "week" else 1)
        return (date.fromisoformat(last) + timedelta(days=days)).isoformat()
    if unit == "month":
        last = ctx.last("day", "month")
        if last is None:
            return None
        year, month = int(last[:4]), int(last[5:7])
        return _ym(*_month_shift(year, month, n))
    last = ctx.last()
    if last is None:
        return None
    step = 10 if unit == "decade" else 1
    return f"{int(last[:4]) + step * n:04d}"


def _resolve_shift(m: re.Match[str], ctx: _Context) -> str | None:
    unit = str(_lookup(ctx.lex, "units", _group(m, "unit") or ""))
    n = _number(m, ctx)
    if n is None:
        if unit != "hour":
            return None  # "días después": too vague
        n = 0
    word = _group(m, "dir") or ""
    sign = int(_lookup(ctx.lex, "shift_words", word))
    introduces = ctx.lex.lists.get("shift_introduces_event", frozenset())
    if _group(m, "sub") or fold(word) in introduces:
        sign = -sign  # the words name the other event: it lies on the other side of the anchor
    return _shift_from(ctx, unit, sign * n)


def _resolve(kind: str, m: re.Match[str], ctx: _Context) -> str | None:
    pub = ctx.published
    if kind == "date":
        return _resolve_date(m, ctx)
    if kind == "iso":
        found = _safe_date(*(int(p) for p in (_group(m, "iso") or "").split("-")))
        return found.isoformat() if found else None
    if kind == "month_year":
        month = int(_lookup(ctx.lex, "months", _group(m, "month") or ""))
        return _ym(int(_group(m, "year") or 0), month)
    if kind == "year":
        return _group(m, "year")
    if kind in ("ago", "ahead"):
        return _resolve_ago(m, ctx, -1 if kind == "ago" else 1)
    if kind == "shift":
        return _resolve_shift(m, ctx)
    if kind == "anchored":
        shift = _lookup(ctx.lex, "anchored", _group(m, "anch") or "")
        if shift == "same":
            return ctx.last()  # "acusó entonces a Pekín": the time just mentioned, as precise
        last = ctx.last("day")
        if last is None:
            return None
        days = int(shift)
        return (date.fromisoformat(last) + timedelta(days=days)).isoformat()
    if pub is None:
        return None
    if kind == "month":
        month = int(_lookup(ctx.lex, "months", _group(m, "month") or ""))
        return _ym(_pick_month_year(month, m, ctx, pub), month)
    if kind == "weekday":
        return _resolve_weekday(m, ctx)
    unit, offset = _lookup(ctx.lex, "relative", _group(m, "rel") or "")
    return _at_offset(pub, str(unit), int(offset))


# --------------------------------------------------------------------------- scanning


def _words_before(text: str, pos: int, limit: int = _FUTURE_WINDOW) -> list[str]:
    window = text[max(0, pos - 80) : pos]
    cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
    return _WORDS.findall(window[cut:])[-limit:]


def _has_phrase(words: list[str], phrases: frozenset[str] | list[str]) -> bool:
    """Whether the folded ``words`` contain one of the folded ``phrases`` as whole words."""
    joined = f" {' '.join(fold(w) for w in words)} "
    return any(f" {p} " in joined for p in phrases)


def _is_future(text: str, pos: int, lex: TimeLexicon) -> bool:
    words = _words_before(text, pos)
    # Only the clause the mention sits in: "no renovará la licencia que desde octubre permitía".
    boundaries = lex.lists.get("clause_boundaries", frozenset())
    cuts = [i for i, w in enumerate(words) if fold(w) in boundaries]
    if cuts:
        words = words[cuts[-1] + 1 :]
    suffixes = tuple(str(s) for s in lex.data.get("future_suffixes") or [])
    if suffixes and any(w.islower() and len(w) > 3 and w.endswith(suffixes) for w in words):
        return True
    return _has_phrase(words, lex.lists.get("future_cues", frozenset()))


def _acceptable(kind: str, m: re.Match[str], text: str, lex: TimeLexicon) -> bool:
    """Checks a pattern cannot make: a bare month needs context, "unos 2000" is no year."""
    groups = m.groupdict()
    if kind == "month" and not any(groups.get(g) for g in ("prep", "qual", "past", "next", "yrel")):
        return False
    if kind == "year":
        before = _words_before(text, m.start("year"), 2)
        after = _WORDS.findall(text[m.end("year") : m.end("year") + 30])[:1]
        if before and (_has_phrase(before, lex.lists.get("year_blocked_after", frozenset()))):
            return False
        if after and _has_phrase(after, lex.lists.get("year_blocked_before", frozenset())):
            return False
    durations = lex.lists.get("durations", frozenset())
    if kind == "shift" and _has_phrase(_words_before(text, m.start(), 2), durations):
        return False  # "durante casi cuatro décadas antes de …" is a duration, not a date
    if kind in ("relative", "anchored"):
        rel = fold(re.sub(r"\s+", " ", groups.get("rel") or groups.get("anch") or ""))
        blocked_after = [_norm(str(w)) for w in _lookup(lex, "relative_blocked_after", rel) or []]
        if not groups.get("prep") and _has_phrase(_words_before(text, m.start(), 1), blocked_after):
            return False
        blocked_before = _lookup(lex, "relative_blocked_before", rel) or []
        following = _WORDS.findall(text[m.end() : m.end() + 30])[:3]
        for phrase in blocked_before:
            if " ".join(fold(w) for w in following).startswith(fold(str(phrase))):
                return False
    return True


def _candidates(text: str, lex: TimeLexicon) -> list[tuple[str, re.Match[str]]]:
    found = [
        (kind, m)
        for kind, pattern in lex.patterns
        for m in pattern.finditer(text)
        if m.end() > m.start() and _acceptable(kind, m, text, lex)
    ]
    # Longest first, then leftmost: "el 26 de febrero de 2024" beats "2024" and "febrero".
    found.sort(key=lambda km: (km[1].start() - km[1].end(), km[1].start()))
    taken: list[tuple[str, re.Match[str]]] = []
    used = bytearray(len(text))  # occupied characters: linear, however many candidates
    for kind, m in found:
        if not any(used[m.start() : m.end()]):
            used[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            taken.append((kind, m))
    taken.sort(key=lambda km: km[1].start())
    return taken


def _mark_ranges(text: str, mentions: list[TimeMention], lex: TimeLexicon) -> list[TimeMention]:
    """ "de 2016 a 2022", "from 2016 to 2022": the first opens the range, the second closes it."""
    openers = {fold(str(w)) for w in lex.data.get("range_openers") or []}
    connectors = {fold(str(w)) for w in lex.data.get("range_connectors") or []}
    out = list(mentions)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        gap = fold(text[first.end : second.start].strip())
        head = fold(first.text.split()[0]) if first.text.split() else ""
        if gap in connectors and (first.anchor == "start" or head in openers):
            out[i] = TimeMention(first.start, first.end, first.value, "start", first.text)
            out[i + 1] = TimeMention(second.start, second.end, second.value, "end", second.text)
    return out


def find_times(text: str, published: date | None, lang: str) -> list[TimeMention]:
    """Find the time expressions of ``text`` and normalise them against ``published``.

    Relative expressions ("el viernes", "en junio", "hace tres meses") need ``published`` and are
    skipped without it; "tres días después" is resolved against the last time found before it,
    so pass a whole article rather than one sentence when you can.

    Args:
        text: The text to search (an article or a sentence).
        published: The article's publication date, or None.
        lang: Language code of a ``lang/<lang>/time.yaml`` file ("es", "en").

    Returns:
        The mentions in text order, without overlaps.

    Raises:
        DataError: the language's time data is missing or invalid.

    Examples:
        >>> [(t.text, t.value) for t in find_times("Llegó el viernes.", date(2024, 9, 13), "es")]
        [('el viernes', '2024-09-13')]
        >>> found = find_times("ministro hasta mayo", date(2024, 9, 13), "es")
        >>> [(t.value, t.anchor) for t in found]
        [('2024-05', 'end')]
        >>> [t.value for t in find_times("since February 24, 2022", None, "en")]
        ['2022-02-24']
    """
    lex = load_time_lexicon(lang)
    ctx = _Context(lex, published)
    mentions: list[TimeMention] = []
    for kind, m in _candidates(text, lex):
        ctx.future = kind in ("month", "date", "weekday") and _is_future(text, m.start(), lex)
        value = _resolve(kind, m, ctx)
        if not value:
            continue
        ctx.remember(value)
        prep = _group(m, "prep")
        anchor = lex.anchors.get(fold(re.sub(r"\s+", " ", prep))) if prep else None
        mentions.append(TimeMention(m.start(), m.end(), value, anchor, m.group(0)))
    return _mark_ranges(text, mentions, lex)
