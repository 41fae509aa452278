"""Curation: why the extractor made a statement, and what it left on the table.

:func:`explain` traces each merged statement back to the sentences, rules, cue words and
mentions it came from; :func:`review` lists sentences with several actors and no statement,
capitalised names nothing resolved, and statements about entities the gazetteer lacks, so a
curator knows which rule or gazetteer entry to add next.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from kg.errors import DataError
from kg.extract.langdata import load_lang_data
from kg.extract.mentions import Context, Mention
from kg.extract.pipeline import Extractor, Raw
from kg.extract.rules import load_rules
from kg.extract.tokens import Token, fold
from kg.model import Article, Entity, Evidence, Sentence, Statement

CODE_RULES: dict[str, str] = {
    "war.named_event": "a war named in the gazetteer with its parties ('la guerra en Ucrania')",
    "office.title": "a title before a name ('el presidente ruso Vladimir Putin')",
    "office.predicate": "a title as predicate ('Shoigu, quien fue ministro de Defensa')",
    "office.former_title": "a former title ('el exministro de Defensa ruso X')",
    "office.noun_of": "an office noun with its body ('el secretario del Consejo de X, Y')",
    "office.known_position": "a nationality noun; the gazetteer knows the office held there",
    "office.noun_demonym": "a noun with a nationality ('el funcionario ruso X'): affiliation",
    "office.government_of": "a person's government ('el Gobierno de Nicolás Maduro'): leader",
    "office.succession": "the office of the one succeeded ('en sustitución del noruego X')",
    "office.handover": "an office handed over ('cedió la jefatura del Gobierno a su hijo, X')",
    "criticizes.says_violates": "a speaker who says someone violates a norm criticizes them",
}
"""Descriptions of the rules made in code (kg/extract/pipeline.py, mentions.py), by rule id."""


@dataclass(frozen=True)
class MentionInfo:
    """An actor mention in a sentence: ``surface`` at [start, end) resolved to ``label``."""

    surface: str
    label: str
    kind: str  # name | capital | seat | title | new | coref | collective | demonym
    start: int
    end: int


@dataclass(frozen=True)
class Source:
    """One match a statement came from: the rule, how the sentence holds it, the sentence."""

    rule: str
    pattern: str
    modality: str
    negated: bool
    cue: str
    attributed_to: tuple[str, ...]
    denied_by: tuple[str, ...]
    mentions: tuple[MentionInfo, ...]
    evidence: Evidence


@dataclass(frozen=True)
class Explanation:
    """A merged statement and every match it came from, in article order."""

    statement: Statement
    sources: tuple[Source, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"statement": self.statement.to_dict(), "sources": [asdict(s) for s in self.sources]}


@dataclass(frozen=True)
class SilentSentence:
    """A sentence with two or more distinct actors from which no statement came."""

    sentence: Sentence
    actors: tuple[str, ...]


@dataclass(frozen=True)
class UnresolvedName:
    """A capitalised word run, not at a sentence start, that no mention covers."""

    text: str
    count: int
    starts: tuple[int, ...]


@dataclass(frozen=True)
class NewEntity:
    """An entity the article introduced (not in the gazetteer) as a statement's subject/object."""

    entity: Entity
    side: str  # subject | object
    statement: Statement
    start: int  # offset of the statement's first evidence sentence


@dataclass(frozen=True)
class Review:
    """What the extractor left on the table in one article, each list sorted by position."""

    article: str
    silent: tuple[SilentSentence, ...] = ()
    unresolved: tuple[UnresolvedName, ...] = ()
    new_entities: tuple[NewEntity, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "silent": [asdict(s) for s in self.silent],
            "unresolved": [asdict(u) for u in self.unresolved],
            "new_entities": [
                {
                    "entity": n.entity.to_ref(),
                    "side": n.side,
                    "start": n.start,
                    "statement": n.statement.to_dict(),
                }
                for n in self.new_entities
            ],
        }


@dataclass
class _Seen:
    sentence: Sentence
    tokens: list[Token]
    mentions: list[Mention]
    demonyms: list[tuple[int, int, str]]


class _Recorder(Extractor):
    """The extractor, also keeping each sentence's tokens and mentions (for curation only)."""

    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        self.seen: list[_Seen] = []

    def _matches(
        self,
        tokens: list[Token],
        mentions: list[Mention],
        demonyms: list[tuple[int, int, str]],
        s: Sentence,
        times: list[Any],
        ctx: Context,
    ) -> list[Raw]:
        self.seen.append(_Seen(s, tokens, mentions, demonyms))
        return super()._matches(tokens, mentions, demonyms, s, times, ctx)


@dataclass
class _Run:
    statements: list[Statement]
    groups: dict[tuple[str, str, str, bool], list[Raw]]
    raws: list[Raw]
    seen: list[_Seen]
    ctx: Context
    patterns: dict[str, str] = field(default_factory=dict)


def _run(article: Article) -> _Run:
    """Extract as kg.extract.extract does, keeping raws, mentions and merge groups."""
    from kg.extract.merge import _fold_visits, _key, merge

    if article.lang not in ("es", "en"):
        raise DataError(f"{article.source or article.id}: no rules for language {article.lang!r}")
    rec = _Recorder(article.lang)
    raws, denials, ctx = rec.run(article)
    statements = merge(raws, denials, ctx, article)
    groups: dict[tuple[str, str, str, bool], list[Raw]] = {}
    for r in sorted(raws, key=lambda r: (r.sentence.start, r.order)):
        groups.setdefault(_key(r), []).append(r)
    _fold_visits(groups, ctx)
    by_key = {
        (rs[0].subject, rel, rs[0].object, neg): rs for (_, rel, _, neg), rs in groups.items()
    }
    patterns = {r.id: r.pattern for r in load_rules(article.lang).rules}
    return _Run(statements, by_key, raws, rec.seen, ctx, patterns)


def _mentions(seen: _Seen, text: str) -> tuple[MentionInfo, ...]:
    toks = seen.tokens
    spans = [(m.i, m.j, m.label, m.kind) for g in seen.mentions for m in g.actors()]
    spans += [(i, j, label, "demonym") for i, j, label in seen.demonyms]
    out = []
    for i, j, label, kind in sorted(spans):
        a, b = toks[i].start, toks[j - 1].end
        out.append(MentionInfo(text[a:b], label, kind, a, b))
    return tuple(out)


def _names(entity: Entity, ctx: Context) -> set[str]:
    rec = ctx.gaz.get(entity.label)
    known = ctx.registry.get(entity.label)
    names = {entity.label, *(rec.entity.aliases if rec else ()), *(known.aliases if known else ())}
    return {fold(n) for n in names}


def _matches_filter(entity: Entity, wanted: str | None, ctx: Context) -> bool:
    return wanted is None or fold(wanted).strip() in _names(entity, ctx)


def explain(
    article: Article,
    *,
    subject: str | None = None,
    relation: str | None = None,
    object: str | None = None,  # the Statement field it filters on
) -> list[Explanation]:
    """Explain the statements of ``article`` that match the filters.

    Args:
        article: an article as read by :func:`kg.read.read_article`.
        subject: keep statements whose subject has this label or alias (case and accents
            ignored: "corea del norte" matches North Korea).
        relation: keep statements with this relation id.
        object: as ``subject``, for the object.

    Returns:
        One Explanation per matching statement, in article order; empty when none matches.

    Raises:
        DataError: the article's language has no rules, or a data file is invalid.

    Examples:
        >>> from kg.read import read_text
        >>> [e] = explain(read_text("Francia apoya a Ucrania.", lang="es"), relation="supports")
        >>> e.statement.subject.label, e.sources[0].rule
        ('France', 'es.supports.verb_a')
    """
    run = _run(article)
    seen = {s.sentence.start: s for s in run.seen}
    out = []
    for st in run.statements:
        if relation is not None and st.relation != relation:
            continue
        if not (
            _matches_filter(st.subject, subject, run.ctx)
            and _matches_filter(st.object, object, run.ctx)
        ):
            continue
        rs = run.groups.get((st.subject.label, st.relation, st.object.label, st.negated), [])
        sources = tuple(_source(r, run, seen[r.sentence.start], article) for r in rs)
        out.append(Explanation(st, sources))
    return out


def _source(r: Raw, run: _Run, seen: _Seen, article: Article) -> Source:
    s = r.sentence
    h = r.holding
    made_here = CODE_RULES.get(r.rule.split(".", 1)[-1], "rule made in code")
    pattern = run.patterns.get(r.rule) or made_here
    return Source(
        rule=r.rule,
        pattern=pattern,
        modality=h.modality,
        negated=h.negated,
        cue=h.cue,
        attributed_to=tuple(h.attributed_to),
        denied_by=tuple(h.denied_by),
        mentions=_mentions(seen, article.text),
        evidence=Evidence(article.id, s.text, s.start, s.end),
    )


def review(article: Article) -> Review:
    """List what the extractor left on the table in ``article``.

    Args:
        article: an article as read by :func:`kg.read.read_article`.

    Returns:
        Sentences with two or more distinct actors and no statement; capitalised word runs
        (not at a sentence start, not months, weekdays and the like of lang/<xx>/review.yaml)
        that resolved to no entity, with counts; statements about entities not in the
        gazetteer.  Each list is sorted by position in the article.

    Raises:
        DataError: the article's language has no rules, or a data file is invalid.

    Examples:
        >>> from kg.read import read_text
        >>> r = review(read_text("Francia y Alemania celebraron el aniversario.", lang="es"))
        >>> [s.actors for s in r.silent]
        [('France', 'Germany')]
    """
    run = _run(article)
    stated = {r.sentence.start for r in run.raws}
    silent = []
    for seen in run.seen:
        actors = _actors(seen, run.ctx)
        if len(actors) >= 2 and seen.sentence.start not in stated:
            silent.append(SilentSentence(seen.sentence, actors))
    ignore, links = _review_data(article.lang)
    runs: dict[str, list[int]] = {}
    for seen in run.seen:
        for text, start in _unresolved_runs(seen, article.text, ignore, links):
            runs.setdefault(text, []).append(start)
    unresolved = sorted(
        (UnresolvedName(text, len(starts), tuple(starts)) for text, starts in runs.items()),
        key=lambda u: u.starts[0],
    )
    new = []
    for st in run.statements:
        start = st.evidence[0].start if st.evidence else 0
        for side, entity in (("subject", st.subject), ("object", st.object)):
            if run.ctx.gaz.get(entity.label) is None:
                new.append(NewEntity(entity, side, st, start))
    new.sort(key=lambda n: (n.start, n.side != "subject", n.entity.label, n.statement.relation))
    return Review(article.id, tuple(silent), tuple(unresolved), tuple(new))


def _locative(tokens: list[Token], m: Mention) -> bool:
    k = m.i - 1
    if k >= 0 and tokens[k].low in ("el", "la"):
        k -= 1
    return k >= 0 and tokens[k].low == "en"


def _actors(seen: _Seen, ctx: Context) -> tuple[str, ...]:
    """Distinct actors of a sentence: a capital acting stands for its state; places and events
    are not actors."""
    mentions, tokens = seen.mentions, seen.tokens
    out: list[str] = []
    for g in mentions:
        for m in g.actors():
            label = m.state or m.label
            entity = ctx.registry.get(label)
            if entity is not None and entity.type in ("City", "Event"):
                continue
            if _locative(tokens, m) and (m.kind in ("capital", "seat") or m.state):
                continue  # "en Estocolmo", "en el Kremlin": where, not who
            if label not in out:
                out.append(label)
    return tuple(out)


def _review_data(lang: str) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """Words never reported as names, and the links inside a name ("de la"), from review.yaml."""
    data = load_lang_data(lang, "review.yaml")
    where = f"lang/{lang}/review.yaml"
    groups = data.get("ignore") or {}
    if not isinstance(groups, dict):
        raise DataError(f"{where}: ignore: expected a mapping of word lists")
    words: set[str] = set()
    for name, items in [*groups.items(), ("name_links", data.get("name_links") or [])]:
        if not isinstance(items, list) or not all(isinstance(w, str) for w in items):
            raise DataError(f"{where}: {name}: expected a list of words")
        if name != "name_links":
            words.update(part for w in items for part in fold(w).split())
    links = sorted({tuple(fold(w).split()) for w in data.get("name_links") or []}, key=len)
    return frozenset(words), tuple(reversed(links))


def _unresolved_runs(
    seen: _Seen, text: str, ignore: frozenset[str], links: tuple[tuple[str, ...], ...]
) -> Iterable[tuple[str, int]]:
    """Capitalised runs ("Olaf Müller", "Plaza de la Revolución") outside every mention."""
    toks = seen.tokens
    covered = {n for g in seen.mentions for n in range(g.i, g.j)}
    covered.update(n for i, j, _ in seen.demonyms for n in range(i, j))

    def capital(n: int) -> bool:
        return n < len(toks) and n not in covered and toks[n].kind == "W" and toks[n].is_upper

    def link(n: int) -> int:
        """Where the word after a name link starting at n is ("de la" -> n + 2), else n."""
        for words in links:
            if tuple(t.low for t in toks[n : n + len(words)]) == words:
                return n + len(words)
        return n

    n = 0
    while n < len(toks):
        if not capital(n):
            n += 1
            continue
        end = n + 1
        while capital(end) or (link(end) > end and capital(link(end))):
            end = link(end) + 1
        at_start = n == 0 or toks[n - 1].kind in ("S", "Q")
        words = [t.low for t in toks[n:end] if t.is_upper]
        if not at_start and not all(w in ignore for w in words):
            yield text[toks[n].start : toks[end - 1].end], toks[n].start
        n = end


# -- rendering ---------------------------------------------------------------------------------
def _holding(modality: str, negated: bool, by: Iterable[str], denied: Iterable[str]) -> str:
    parts = [modality + (", negated" if negated else "")]
    if by := list(by):
        parts.append("attributed to " + ", ".join(by))
    if denied := list(denied):
        parts.append("denied by " + ", ".join(denied))
    return "; ".join(parts)


def _explanation_text(e: Explanation) -> str:
    st = e.statement
    holding = _holding(
        st.modality,
        st.negated,
        (x.label for x in st.attributed_to),
        (x.label for x in st.denied_by),
    )
    lines = [f"{st.subject.label} {st.relation} {st.object.label}  [{holding}]"]
    if st.items:
        items = (f"{i.label} ({'~' if i.approximate else ''}{i.quantity})" for i in st.items)
        lines.append("  items: " + ", ".join(items).replace(" (None)", ""))
    if st.time:
        lines.append("  time: " + ", ".join(st.time))
    for s in e.sources:
        ev = s.evidence
        lines.append(f"  from sentence [{ev.start}:{ev.end}]: {ev.sentence}")
        lines.append(f"    rule: {s.rule}  pattern: {s.pattern}")
        cue = f"  cue: {s.cue}" if s.cue else "  cue: none"
        by = _holding(s.modality, s.negated, s.attributed_to, s.denied_by)
        lines.append(f"    holding: {by}{cue}")
        for m in s.mentions:
            lines.append(f"    mention [{m.start}:{m.end}] {m.surface} -> {m.label} ({m.kind})")
    return "\n".join(lines)


def _review_text(r: Review) -> str:
    lines = [f"{r.article}: {len(r.silent)} sentences with actors and no statement"]
    for s in r.silent:
        actors = ", ".join(s.actors)
        lines.append(f"  [{s.sentence.start}:{s.sentence.end}] ({actors}) {s.sentence.text}")
    lines.append(f"{r.article}: {len(r.unresolved)} capitalised names not resolved")
    for u in r.unresolved:
        lines.append(f"  {u.count}x {u.text}  at {', '.join(map(str, u.starts))}")
    lines.append(f"{r.article}: {len(r.new_entities)} statements about new entities")
    for n in r.new_entities:
        st = n.statement
        triple = f"{st.subject.label} {st.relation} {st.object.label}"
        lines.append(f"  [{n.start}] {n.entity.label} ({n.entity.type}, {n.side} of: {triple})")
    return "\n".join(lines)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


EXPLAIN_FORMATS: dict[str, Callable[[list[Explanation]], str]] = {
    "text": lambda es: "\n\n".join(_explanation_text(e) for e in es),
    "json": lambda es: _json([e.to_dict() for e in es]),
}
REVIEW_FORMATS: dict[str, Callable[[Review], str]] = {
    "text": _review_text,
    "json": lambda r: _json(r.to_dict()),
}
