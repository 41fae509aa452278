"""Scores of system statements against gold files: counts per file, micro-averaged totals."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from kg.eval.gold import ANY, Gold, GoldStatement, normalise
from kg.eval.match import Matcher, entity_matches, item_found, time_refines
from kg.model import Article, Entity, Statement


def ratio(part: int, whole: int) -> float | None:
    """``part / whole``, or None when there is nothing to divide (shown as "-").

    Examples:
        >>> ratio(3, 4), ratio(0, 0)
        (0.75, None)
    """
    return part / whole if whole else None


def harmonic(p: float | None, r: float | None) -> float | None:
    """F1 of a precision and a recall; None when either is undefined.

    Examples:
        >>> harmonic(1.0, 0.5)
        0.6666666666666666
        >>> harmonic(0.0, 0.0), harmonic(None, 1.0)
        (0.0, None)
    """
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Scores:
    """Counts behind every measure of FORMATS §2; adding two sums them (micro-averaging)."""

    system: int = 0
    system_matched: int = 0
    required: int = 0
    required_matched: int = 0
    pairs: int = 0
    modality_right: int = 0
    negation_right: int = 0
    attribution_found: int = 0
    attribution_total: int = 0
    items_found: int = 0
    items_total: int = 0
    times_found: int = 0
    times_total: int = 0
    entities: int = 0
    entities_right: int = 0
    gold_entities: int = 0
    gold_entities_found: int = 0

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    @property
    def precision(self) -> float | None:
        return ratio(self.system_matched, self.system)

    @property
    def recall(self) -> float | None:
        return ratio(self.required_matched, self.required)

    @property
    def f1(self) -> float | None:
        return harmonic(self.precision, self.recall)

    @property
    def modality_accuracy(self) -> float | None:
        return ratio(self.modality_right, self.pairs)

    @property
    def negation_accuracy(self) -> float | None:
        return ratio(self.negation_right, self.pairs)

    @property
    def attribution_recall(self) -> float | None:
        return ratio(self.attribution_found, self.attribution_total)

    @property
    def item_recall(self) -> float | None:
        return ratio(self.items_found, self.items_total)

    @property
    def time_accuracy(self) -> float | None:
        return ratio(self.times_found, self.times_total)

    @property
    def entity_precision(self) -> float | None:
        return ratio(self.entities_right, self.entities)

    @property
    def entity_recall(self) -> float | None:
        return ratio(self.gold_entities_found, self.gold_entities)

    def measures(self) -> dict[str, float | None]:
        """Every measure by the name ``--min-<name>`` floors use."""
        return {name: get(self) for name, get in MEASURES.items()}


MEASURES: dict[str, Callable[[Scores], float | None]] = {
    "precision": lambda s: s.precision,
    "recall": lambda s: s.recall,
    "f1": lambda s: s.f1,
    "modality": lambda s: s.modality_accuracy,
    "negation": lambda s: s.negation_accuracy,
    "attribution": lambda s: s.attribution_recall,
    "items": lambda s: s.item_recall,
    "time": lambda s: s.time_accuracy,
    "entity_precision": lambda s: s.entity_precision,
    "entity_recall": lambda s: s.entity_recall,
}
"""Measure name -> how to compute it from counts."""


@dataclass(frozen=True)
class RelationScores:
    """Precision and recall of one relation (gold counted under its first relation)."""

    relation: str
    system: int = 0
    system_matched: int = 0
    support: int = 0
    required_matched: int = 0

    def __add__(self, other: RelationScores) -> RelationScores:
        return RelationScores(
            self.relation,
            self.system + other.system,
            self.system_matched + other.system_matched,
            self.support + other.support,
            self.required_matched + other.required_matched,
        )

    @property
    def precision(self) -> float | None:
        return ratio(self.system_matched, self.system)

    @property
    def recall(self) -> float | None:
        return ratio(self.required_matched, self.support)

    @property
    def f1(self) -> float | None:
        return harmonic(self.precision, self.recall)


@dataclass(frozen=True)
class Miss:
    """A gold statement no system statement matched, with a sentence naming both ends."""

    gold_id: str
    subject: tuple[str, ...]
    relation: tuple[str, ...]
    object: tuple[str, ...]
    optional: bool
    sentence: str | None


@dataclass(frozen=True)
class FalsePositive:
    """A system statement that matched no gold statement, with its evidence sentence."""

    subject: str
    relation: str
    object: str
    modality: str
    rule: str
    sentence: str | None


@dataclass(frozen=True)
class Disagreement:
    """A matched pair whose modality, negation, attribution, items or time differ."""

    gold_id: str
    field: str
    expected: str
    got: str


@dataclass(frozen=True)
class FileReport:
    """Scores of one gold file and what the curator needs to look at."""

    gold: Path
    article: Path
    scores: Scores
    relations: tuple[RelationScores, ...] = ()
    teasers: tuple[str, ...] = ()
    misses: tuple[Miss, ...] = ()
    false_positives: tuple[FalsePositive, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()


@dataclass(frozen=True)
class Report:
    """Every file's report; totals and the relation table are micro-averaged over files."""

    files: tuple[FileReport, ...] = field(default=())
    skipped: tuple[str, ...] = field(default=())  # "<gold file>: <why>", not scored

    @property
    def total(self) -> Scores:
        return sum((f.scores for f in self.files), Scores())

    @property
    def relations(self) -> tuple[RelationScores, ...]:
        return merge_relations(r for f in self.files for r in f.relations)

    def below(self, floors: Mapping[str, float | None]) -> list[str]:
        """Describe each floor the micro-averaged totals do not reach (an undefined measure fails).

        Args:
            floors: measure name (a key of MEASURES) -> lowest acceptable value; None is no floor.
        """
        measures = self.total.measures()
        failed = []
        for name, floor in floors.items():
            if floor is None:
                continue
            value = measures[name]
            if value is None or value < floor:
                shown = "undefined" if value is None else f"{value:.3f}"
                failed.append(f"{name} {shown} is below the floor {floor:.3f}")
        return failed


def merge_relations(rows: Iterable[RelationScores]) -> tuple[RelationScores, ...]:
    """Sum rows of the same relation, sorted by relation id."""
    merged: dict[str, RelationScores] = {}
    for row in rows:
        merged[row.relation] = merged[row.relation] + row if row.relation in merged else row
    return tuple(merged[r] for r in sorted(merged))


def score_file(
    gold: Gold, system: Sequence[Statement], article: Article | None = None
) -> FileReport:
    """Score system statements against one gold file (FORMATS.md §2).

    Args:
        gold: the gold file.
        system: what the extractor produced for its article.
        article: the article as read, used to point misses at a sentence naming both ends.
    """
    matcher = Matcher(gold)
    pairs = matcher.align(system)
    matched_gold = {gi for gi, _ in pairs}
    matched_system = {si for _, si in pairs}
    required = [g for g in gold.statements if not g.optional]
    counts = Scores(
        system=len(system),
        system_matched=len(pairs),
        required=len(required),
        required_matched=sum(1 for gi in matched_gold if not gold.statements[gi].optional),
        pairs=len(pairs),
    )
    disagreements: list[Disagreement] = []
    for gi, si in pairs:
        counts += _pair_scores(matcher, gold.statements[gi], system[si], disagreements)
    counts += _entity_scores(matcher, system)
    sentences = [s.text for s in article.sentences] if article is not None else []
    return FileReport(
        gold=gold.path,
        article=gold.article,
        scores=counts,
        relations=_relation_scores(gold, system, pairs),
        teasers=tuple(sorted({e.label for e in _system_entities(system) if matcher.is_teaser(e)})),
        misses=tuple(
            _miss(matcher, g, sentences)
            for gi, g in enumerate(gold.statements)
            if gi not in matched_gold
        ),
        false_positives=tuple(
            _false_positive(s) for si, s in enumerate(system) if si not in matched_system
        ),
        disagreements=tuple(disagreements),
    )


def _pair_scores(
    matcher: Matcher, g: GoldStatement, s: Statement, out: list[Disagreement]
) -> Scores:
    modality_ok = s.modality in g.modality
    negation_ok = s.negated == g.negated
    missing_attr = [n for n in g.attributed_to if not _named(matcher, n, s.attributed_to)]
    missing_attr += [n for n in g.denied_by if not _named(matcher, n, s.denied_by)]
    labels = [i.label for i in s.items]
    missing_items = [i.label for i in g.items if not item_found(i.label, labels)]
    missing_times = [t for t in g.time if not any(time_refines(st, t) for st in s.time)]
    if not modality_ok:
        out.append(Disagreement(g.id, "modality", "|".join(g.modality), s.modality))
    if not negation_ok:
        out.append(Disagreement(g.id, "negated", str(g.negated), str(s.negated)))
    if missing_attr:
        got = ", ".join(e.label for e in (*s.attributed_to, *s.denied_by))
        out.append(Disagreement(g.id, "attribution", ", ".join(missing_attr), got))
    if missing_items:
        out.append(Disagreement(g.id, "items", ", ".join(missing_items), ", ".join(labels)))
    if missing_times:
        out.append(Disagreement(g.id, "time", ", ".join(missing_times), ", ".join(s.time)))
    n_attr = len(g.attributed_to) + len(g.denied_by)
    return Scores(
        modality_right=int(modality_ok),
        negation_right=int(negation_ok),
        attribution_found=n_attr - len(missing_attr),
        attribution_total=n_attr,
        items_found=len(g.items) - len(missing_items),
        items_total=len(g.items),
        times_found=len(g.time) - len(missing_times),
        times_total=len(g.time),
    )


def _named(matcher: Matcher, name: str, entities: Sequence[Entity]) -> bool:
    gold_entity = matcher.resolve(name)
    return any(entity_matches(e, gold_entity) for e in entities)


def _system_entities(system: Sequence[Statement]) -> list[Entity]:
    seen: dict[tuple[str, str, str | None], Entity] = {}
    for s in system:
        for e in (s.subject, s.object, *s.attributed_to, *s.denied_by):
            seen.setdefault((e.type, e.label, e.wikidata), e)
    return list(seen.values())


def _entity_scores(matcher: Matcher, system: Sequence[Statement]) -> Scores:
    found = _system_entities(system)
    right = sum(1 for e in found if matcher.is_gold(e) and not matcher.is_teaser(e))
    # Each end of a required statement is a group of acceptable entities; an entity that must
    # appear on its own counts once, and a list end counts only when none of its members does.
    singles: set[str] = set()
    groups: set[frozenset[str]] = set()
    for g in matcher.gold.statements:
        if g.optional:
            continue
        ends = [g.subject, g.object, *([n] for n in (*g.attributed_to, *g.denied_by))]
        for end in ends:
            if ANY in end:
                continue
            labels = frozenset(matcher.resolve(n).label for n in end)
            if len(labels) == 1:
                singles |= labels
            else:
                groups.add(labels)
    groups = {grp for grp in groups if grp.isdisjoint(singles)}

    def hit(label: str) -> bool:
        gold_entity = matcher.resolve(label)
        return any(entity_matches(e, gold_entity) for e in found)

    n_found = sum(1 for label in singles if hit(label))
    n_found += sum(1 for grp in groups if any(hit(label) for label in grp))
    return Scores(
        entities=len(found),
        entities_right=right,
        gold_entities=len(singles) + len(groups),
        gold_entities_found=n_found,
    )


def _relation_scores(
    gold: Gold, system: Sequence[Statement], pairs: list[tuple[int, int]]
) -> tuple[RelationScores, ...]:
    matched_system = {si for _, si in pairs}
    matched_gold = {gi for gi, _ in pairs}
    rows: list[RelationScores] = []
    for si, s in enumerate(system):
        rows.append(RelationScores(s.relation, system=1, system_matched=int(si in matched_system)))
    for gi, g in enumerate(gold.statements):
        if not g.optional:
            rows.append(
                RelationScores(g.relation[0], support=1, required_matched=int(gi in matched_gold))
            )
    return merge_relations(rows)


def _words(text: str) -> str:
    return " " + re.sub(r"\W+", " ", normalise(text)).strip() + " "


def _miss(matcher: Matcher, g: GoldStatement, sentences: Sequence[str]) -> Miss:
    def names(end: Sequence[str]) -> list[str]:
        if ANY in end:
            return []
        return [_words(n) for label in end for n in matcher.resolve(label).names]

    wanted = [ns for ns in (names(g.subject), names(g.object)) if ns]
    hint = None
    if wanted:
        for text in sentences:
            words = _words(text)
            if all(any(n in words for n in ns) for ns in wanted):
                hint = text
                break
    return Miss(g.id, g.subject, g.relation, g.object, g.optional, hint)


def _false_positive(s: Statement) -> FalsePositive:
    sentence = s.evidence[0].sentence if s.evidence else None
    return FalsePositive(s.subject.label, s.relation, s.object.label, s.modality, s.rule, sentence)
