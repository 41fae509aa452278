"""One statement per proposition: merge what several sentences say of the same one.

Attributions, denials, items, times and evidence are merged; a statement someone denies is
``alleged`` whatever else is said of it; otherwise its modality is the one the article gives it
last.  A negation reported from someone ("su país «no ha entregado» misiles") is that
someone's denial, not the article's own negation.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.mentions import Context
from kg.extract.pipeline import Denial, Raw
from kg.model import SYMMETRIC, Article, Entity, Evidence, Item, Statement

CLAIMS = ("alleged", "reported")


def _key(r: Raw) -> tuple[str, str, str, bool]:
    a, b = r.subject, r.object
    if r.relation in SYMMETRIC and b < a:
        a, b = b, a
    return (a, r.relation, b, r.holding.negated)


def _entity(label: str, ctx: Context) -> Entity:
    if label in ctx.registry:
        e = ctx.registry[label]
    elif ctx.gaz.get(label) is not None:
        e = ctx.gaz.entity(label)
    else:
        e = Entity(label, "Organization")
    return Entity(e.label, e.type, e.wikidata)


def _merge_items(items: list[Item]) -> tuple[Item, ...]:
    out: dict[str, Item] = {}
    for it in items:
        prev = out.get(it.label)
        if prev is None or (prev.quantity is None and it.quantity is not None):
            out[it.label] = it
    return tuple(out.values())


def merge(
    raws: Sequence[Raw], denials: Sequence[Denial], ctx: Context, article: Article
) -> list[Statement]:
    """Merge raw statements into one Statement per proposition, in article order."""
    claimed = {_key(r)[:3] for r in raws if not r.holding.negated}
    for r in raws:
        h = r.holding
        if h.negated and h.attributed_to and _key(r)[:3] in claimed:
            # A speaker saying that what the article claims did not happen denies it
            # ("su país «no ha entregado» misiles"); a speaker's own "no" to a plan stays a
            # reported negation ("Germany said it had no plans to deploy soldiers").
            h.negated = False
            h.denied_by = list(dict.fromkeys([*h.denied_by, *h.attributed_to]))
            h.attributed_to = []
            h.modality = "alleged"
    groups: dict[tuple[str, str, str, bool], list[Raw]] = {}
    for r in sorted(raws, key=lambda r: (r.sentence.start, r.order)):
        groups.setdefault(_key(r), []).append(r)
    _fold_visits(groups, ctx)

    merged: list[tuple[int, Statement]] = []
    for (_, relation, _, negated), rs in groups.items():
        first = rs[0]
        attributed = list(dict.fromkeys(x for r in rs for x in r.holding.attributed_to))
        denied = list(dict.fromkeys(x for r in rs for x in r.holding.denied_by))
        modality = rs[-1].holding.modality
        if any(r.holding.modality in CLAIMS for r in rs) and modality == "asserted":
            modality = next(
                r.holding.modality for r in reversed(rs) if r.holding.modality in CLAIMS
            )
        for d in denials:
            if _denial_applies(d, first, modality):
                denied.extend(x for x in d.deniers if x not in denied)
        if denied:
            modality = "alleged"
        attributed = [x for x in attributed if x not in denied]
        evidence: dict[int, Evidence] = {}
        for r in rs:
            evidence.setdefault(
                r.sentence.start,
                Evidence(article.id, r.sentence.text, r.sentence.start, r.sentence.end),
            )
        stmt = Statement(
            subject=_entity(first.subject, ctx),
            relation=relation,
            object=_entity(first.object, ctx),
            modality=modality,
            negated=negated,
            attributed_to=tuple(_entity(x, ctx) for x in attributed),
            denied_by=tuple(_entity(x, ctx) for x in denied),
            items=_merge_items([i for r in rs for i in r.items]),
            time=tuple(sorted(dict.fromkeys(t for r in rs for t in r.time))),
            start=next((r.start for r in rs if r.start), None),
            end=next((r.end for r in rs if r.end), None),
            role=next((r.role for r in rs if r.role), None),
            evidence=tuple(evidence[k] for k in sorted(evidence)),
            rule=first.rule,
        )
        merged.append((first.sentence.start, stmt))
    merged.sort(key=lambda x: (x[0], x[1].relation, x[1].subject.label, x[1].object.label))
    return drop_subsumed_affiliations([s for _, s in merged])


SPECIFIC_TIES = frozenset({"leader_of", "holds_position", "member_of"})
"""Relations that say more than affiliated_with between the same two ends (ANNOTATION.md)."""


def drop_subsumed_affiliations(statements: list[Statement]) -> list[Statement]:
    """affiliated_with only when nothing more specific ties the same ends: "el noruego Jens
    Stoltenberg" is affiliated with Norway unless the article makes him its leader or minister.
    """
    tied = {
        (s.subject.label, s.object.label)
        for s in statements
        if s.relation in SPECIFIC_TIES and not s.negated
    }
    return [
        s
        for s in statements
        if s.relation != "affiliated_with" or (s.subject.label, s.object.label) not in tied
    ]


def _fold_visits(groups: dict[tuple[str, str, str, bool], list[Raw]], ctx: Context) -> None:
    """A visit to a city and to its country, by the same visitor in the same sentences, is one
    visit: to the city ("se reunió en Kazán…, en su primera visita a Rusia")."""
    for key in list(groups):
        subject, relation, place, negated = key
        if relation != "visits":
            continue
        rec = ctx.gaz.get(place)
        country = (rec.capital_of or rec.country) if rec and rec.entity.type == "City" else None
        other = (subject, relation, country, negated) if country else None
        cities = [
            k
            for k in groups
            if k[:2] == (subject, relation)
            and k[3] == negated
            and _country_of(k[2], ctx) == country
        ]
        same_sentence = other in groups and {r.sentence.start for r in groups[other]} <= {
            r.sentence.start for r in groups[key]
        }
        if other in groups and other != key and len(cities) == 1 and same_sentence:
            moved = groups.pop(other)
            for r in moved:
                r.object = place  # the visit is to the city the article names
            groups[key] = sorted(groups[key] + moved, key=lambda r: (r.sentence.start, r.order))


def _country_of(label: str, ctx: Context) -> str | None:
    rec = ctx.gaz.get(label)
    if rec is None or rec.entity.type != "City":
        return None
    return rec.capital_of or rec.country


def _denial_applies(d: Denial, r: Raw, modality: str) -> bool:
    """A denial covers claims (not the article's own assertions or speculation) against the
    deniers: of its relation among them, or any accusation whose subject is a denier."""
    if modality not in CLAIMS and not r.holding.denied_by:
        return False
    if d.relation is None:
        return r.subject in d.deniers
    if d.relation != r.relation:
        return False
    ends = {r.subject, r.object}
    return r.subject in d.deniers and (len(d.deniers) == 1 or ends <= set(d.deniers))
