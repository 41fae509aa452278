"""Matching system output against a gold file, exactly as FORMATS.md §2 says."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.eval.gold import ANY, Gold, GoldEntity, GoldStatement, normalise
from kg.model import SYMMETRIC, Entity, Statement


def entity_names(entity: Entity) -> frozenset[str]:
    """The normalised names of a system entity: its label and any aliases it carries.

    Examples:
        >>> sorted(entity_names(Entity("Iran", "Country", aliases=("Irán",))))
        ['iran']
    """
    return frozenset(normalise(n) for n in (entity.label, *entity.aliases))


def entity_matches(system: Entity, gold: GoldEntity) -> bool:
    """True when the names meet after normalisation, or both carry the same Wikidata id.

    Examples:
        >>> g = GoldEntity("Iran", "Country", "Q794", ("Irán",))
        >>> entity_matches(Entity("IRAN", "Country"), g)
        True
        >>> entity_matches(Entity("República Islámica", "Country", "Q794"), g)
        True
        >>> entity_matches(Entity("Iraq", "Country", "Q796"), g)
        False
    """
    if system.wikidata and gold.wikidata and system.wikidata == gold.wikidata:
        return True
    return not entity_names(system).isdisjoint(gold.names)


def name_matches(system: Entity, names: Iterable[str]) -> bool:
    """True when one of the system entity's names is one of ``names`` (normalised)."""
    return not entity_names(system).isdisjoint(normalise(n) for n in names)


def item_found(gold_label: str, system_labels: Iterable[str]) -> bool:
    """True when a system item's label equals, contains or is contained in ``gold_label``.

    Examples:
        >>> item_found("artillery shells", ["shells"])
        True
        >>> item_found("Fath-360 missiles", ["ballistic missiles"])
        False
    """
    g = normalise(gold_label)
    return any(g == s or g in s or s in g for s in map(normalise, system_labels) if s)


def time_refines(system_time: str, gold_time: str) -> bool:
    """True when ``system_time`` equals ``gold_time`` or is more precise inside it.

    Examples:
        >>> time_refines("2024-06-19", "2024-06"), time_refines("2024-06", "2024-06")
        (True, True)
        >>> time_refines("2024", "2024-06"), time_refines("2024-10", "2024-1")
        (False, False)
    """
    return system_time == gold_time or system_time.startswith(gold_time + "-")


class Matcher:
    """Matches system entities and statements against one gold file."""

    def __init__(self, gold: Gold) -> None:
        self.gold = gold
        self._by_name: dict[str, GoldEntity] = {}
        for entity in gold.entities:
            for name in entity.names:
                self._by_name.setdefault(name, entity)

    def resolve(self, name: str) -> GoldEntity:
        """The gold entity a name in a gold statement stands for (read_gold checked it exists)."""
        return self._by_name[normalise(name)]

    def end_matches(self, system: Entity, names: Sequence[str]) -> bool:
        """True when ``system`` is one of the acceptable gold entities (``"*"``: any entity)."""
        return any(name == ANY or entity_matches(system, self.resolve(name)) for name in names)

    def statement_matches(self, system: Statement, gold: GoldStatement) -> bool:
        """Relation among the gold's, both ends matching (either order when symmetric)."""
        if system.relation not in gold.relation:
            return False
        if self.end_matches(system.subject, gold.subject) and self.end_matches(
            system.object, gold.object
        ):
            return True
        return (
            system.relation in SYMMETRIC
            and self.end_matches(system.object, gold.subject)
            and self.end_matches(system.subject, gold.object)
        )

    def align(self, system: Sequence[Statement]) -> list[tuple[int, int]]:
        """Pair gold and system statements one to one, greedily in gold file order.

        Each gold statement (required or optional) takes the first still-free system statement
        that matches it.

        Returns:
            ``(gold index, system index)`` pairs, in gold order.
        """
        free = list(range(len(system)))
        pairs: list[tuple[int, int]] = []
        for gi, g in enumerate(self.gold.statements):
            for k, si in enumerate(free):
                if self.statement_matches(system[si], g):
                    pairs.append((gi, si))
                    del free[k]
                    break
        return pairs

    def is_teaser(self, system: Entity) -> bool:
        """True when the entity is one of the names met only outside the article."""
        return name_matches(system, self.gold.not_entities)

    def is_gold(self, system: Entity) -> bool:
        """True when the entity matches an entity of the gold file."""
        return any(entity_matches(system, e) for e in self.gold.entities)
