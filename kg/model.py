"""Records shared by every stage: entities, statements, articles (the JSONL of FORMATS.md)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote

BASE = "https://w3id.org/kg-geo/"
"""Namespace of every IRI kg mints: ontology terms under ``ontology#``, resources under ``id/``."""

ENTITY_TYPES: tuple[str, ...] = ("Country", "Bloc", "Person", "Organization", "City", "Event")

RELATIONS: tuple[str, ...] = (
    "meets", "visits", "hosts", "invites", "agrees_with", "cooperates_with", "allied_with",
    "supports", "supplies", "seeks", "trades_with", "sanctions", "vetoes", "violates",
    "at_war_with", "attacks", "threatens", "criticizes", "investigates", "leader_of",
    "holds_position", "member_of", "parent_of", "affiliated_with",
)  # fmt: skip
"""The 24 relation ids of ANNOTATION.md (ontology/kg.ttl carries the same ids; tested)."""

SYMMETRIC: frozenset[str] = frozenset(
    {"meets", "agrees_with", "cooperates_with", "allied_with", "trades_with", "at_war_with"}
)

MODALITIES: tuple[str, ...] = (
    "asserted", "reported", "alleged", "speculative", "hypothetical", "planned",
)  # fmt: skip
FACT_MODALITIES: frozenset[str] = frozenset({"asserted", "reported"})


def slug(text: str) -> str:
    """Return an IRI-safe, deterministic local name for ``text``.

    Every character outside ``[A-Za-z0-9-._~]`` is percent-encoded (after NFC normalisation and
    spaces turned into underscores), so an IRI minted from article text never breaks Turtle.

    Examples:
        >>> slug("Kim Jong Un")
        'Kim_Jong_Un'
        >>> slug('a <b> "c"\\n')
        'a_%3Cb%3E_%22c%22'
    """
    norm = unicodedata.normalize("NFC", text)
    norm = re.sub(r"\s+", "_", norm.strip())
    return quote(norm, safe="-._~") or "_"


def entity_iri(type_: str, label: str) -> str:
    """Return the IRI of an entity of ``type_`` named ``label``.

    Examples:
        >>> entity_iri("Country", "North Korea")
        'https://w3id.org/kg-geo/id/country/North_Korea'
    """
    return f"{BASE}id/{type_.lower()}/{slug(label)}"


@dataclass(frozen=True)
class Entity:
    """An actor or place: canonical English label, type, Wikidata id, aliases met in text."""

    label: str
    type: str
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return entity_iri(self.type, self.label)

    def to_ref(self) -> dict[str, Any]:
        """The entity as it appears inside a JSONL statement."""
        ref: dict[str, Any] = {"id": self.id, "label": self.label, "type": self.type}
        if self.wikidata:
            ref["wikidata"] = self.wikidata
        return ref

    @classmethod
    def from_ref(cls, ref: dict[str, Any]) -> Entity:
        return cls(label=ref["label"], type=ref["type"], wikidata=ref.get("wikidata"))


@dataclass(frozen=True)
class Item:
    """Something transferred or sought (``artillery shells``, 5000000, approximate)."""

    label: str
    quantity: int | float | None = None
    approximate: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "quantity": self.quantity, "approximate": self.approximate}


@dataclass(frozen=True)
class Evidence:
    """One sentence a statement came from: ``text[start:end] == sentence``."""

    article: str
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Statement:
    """A subject-relation-object statement and how the article holds it (FORMATS.md §1)."""

    subject: Entity
    relation: str
    object: Entity
    modality: str = "asserted"
    negated: bool = False
    attributed_to: tuple[Entity, ...] = ()
    denied_by: tuple[Entity, ...] = ()
    items: tuple[Item, ...] = ()
    time: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    role: str | None = None
    evidence: tuple[Evidence, ...] = ()
    rule: str = ""

    @property
    def is_fact(self) -> bool:
        """True only for what the article itself holds true: never a claim, denial or negation."""
        return self.modality in FACT_MODALITIES and not self.negated and not self.denied_by

    def to_dict(self) -> dict[str, Any]:
        """The statement as one JSONL object (FORMATS.md §1), keys in the documented order."""
        return {
            "subject": self.subject.to_ref(),
            "relation": self.relation,
            "object": self.object.to_ref(),
            "modality": self.modality,
            "negated": self.negated,
            "attributed_to": [e.to_ref() for e in self.attributed_to],
            "denied_by": [e.to_ref() for e in self.denied_by],
            "items": [i.to_dict() for i in self.items],
            "time": list(self.time),
            "start": self.start,
            "end": self.end,
            "role": self.role,
            "evidence": [e.to_dict() for e in self.evidence],
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Statement:
        return cls(
            subject=Entity.from_ref(d["subject"]),
            relation=d["relation"],
            object=Entity.from_ref(d["object"]),
            modality=d.get("modality", "asserted"),
            negated=bool(d.get("negated", False)),
            attributed_to=tuple(Entity.from_ref(e) for e in d.get("attributed_to", [])),
            denied_by=tuple(Entity.from_ref(e) for e in d.get("denied_by", [])),
            items=tuple(
                Item(i["label"], i.get("quantity"), bool(i.get("approximate", False)))
                for i in d.get("items", [])
            ),
            time=tuple(d.get("time", [])),
            start=d.get("start"),
            end=d.get("end"),
            role=d.get("role"),
            evidence=tuple(
                Evidence(e["article"], e["sentence"], e["start"], e["end"])
                for e in d.get("evidence", [])
            ),
            rule=d.get("rule", ""),
        )


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: ``article.text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """An article as read: decoded text, sentences with offsets, boilerplate lines set aside."""

    id: str
    text: str
    lang: str = "es"
    published: date | None = None
    source: str = ""
    sentences: tuple[Sentence, ...] = ()
    dropped: tuple[Sentence, ...] = field(default=())
    title: str | None = None

    @property
    def iri(self) -> str:
        return f"{BASE}id/article/{slug(self.id)}"
