"""The documentation keeps up with the code: relations, commands, the README's first commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, URIRef

from kg.cli import COMMANDS
from kg.model import BASE, RELATIONS

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
ONTOLOGY = f"{BASE}ontology#"


@pytest.fixture(scope="module")
def properties() -> set[str]:
    graph = Graph().parse(REPO / "ontology" / "kg.ttl", format="turtle")
    found = set()
    for kind in (OWL.ObjectProperty, RDF.Property):
        for node in graph.subjects(RDF.type, kind):
            if isinstance(node, URIRef) and str(node).startswith(ONTOLOGY):
                found.add(str(node).removeprefix(ONTOLOGY))
    return found


def annotation_relations(shared: Path) -> list[str]:
    """Relation ids of ANNOTATION.md's table: the rows after its ``| id | meaning |`` header."""
    lines = (shared / "ANNOTATION.md").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| id | meaning"))
    ids = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        ids.append(line.split("|")[1].strip())
    return ids


def test_docs_annotation_relations_are_ontology_properties(
    shared_dir: Path, properties: set[str]
) -> None:
    relations = annotation_relations(shared_dir)
    assert len(relations) == 24
    assert sorted(relations) == sorted(RELATIONS)
    assert set(relations) <= properties, set(relations) - properties


def test_docs_model_relations_are_ontology_properties(properties: set[str]) -> None:
    assert set(RELATIONS) <= properties, set(RELATIONS) - properties


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_docs_readme_documents_command(name: str) -> None:
    assert re.search(rf"^#+ .*`kg {name}\b", README, re.MULTILINE), f"README: no section for {name}"
    assert f"kg {name}" in README


def test_docs_readme_starts_with_make_demo_and_make_test() -> None:
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", README, re.DOTALL)
    # the first lines of the first code blocks, "$ " prompts and trailing comments left out
    commands = [
        line.partition("  #")[0].strip().removeprefix("$ ")
        for block in blocks
        for line in block.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    assert commands[:2] == ["make demo", "make test"]
