"""read_gold: parsing FORMATS.md §2 into records, and one-line GoldErrors for bad files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kg.errors import GoldError
from kg.eval.gold import Gold, GoldItem, read_gold

GoldWriter = Callable[[str], Gold]


def test_gold_read_tiny_file(tiny: Gold) -> None:
    assert tiny.published == date(2024, 9, 13)
    assert tiny.language == "es"
    assert tiny.article.name == "tiny.txt" and tiny.article.is_file()
    assert tiny.not_entities == ("China",)
    g01, g02, g03, g04 = tiny.statements
    assert g01.items == (GoldItem("artillery shells", 5000, True),)
    assert g01.denied_by == ("Russia", "North Korea")
    assert g01.time == ("2024-06",)
    assert g02.modality == ("asserted", "reported")
    assert g03.object == ("Pyongyang", "North Korea")
    assert g04.optional and g04.role == "President" and not g03.optional


def test_gold_read_lists_and_any(write_gold: GoldWriter) -> None:
    gold = write_gold(
        "  - {id: x, subject: [Russia, '*'], relation: [supplies, supports], object: Iran,"
        " modality: asserted, time: [2024-06-19, 2000], items: [drones]}\n"
    )
    (s,) = gold.statements
    assert s.subject == ("Russia", "*")
    assert s.relation == ("supplies", "supports")
    assert s.time == ("2024-06-19", "2000")  # YAML's date and int read back as ISO strings
    assert s.items == (GoldItem("drones"),)


def test_gold_read_article_under_seeds(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "seeds" / "000_x.txt").write_text("Texto.", encoding="utf-8")
    path = tmp_path / "gold" / "g.yaml"
    path.write_text("article: {file: 000_x.txt}\nentities: []\nstatements: []\n", "utf-8")
    assert read_gold(path).article == (tmp_path / "seeds" / "000_x.txt").resolve()
    path.write_text("article: {file: ../seeds/000_x.txt}\n", "utf-8")
    assert read_gold(path).article.name == "000_x.txt"


STATEMENT = "  - {id: g01, subject: Russia, relation: supplies, object: Iran, modality: asserted}\n"


@pytest.mark.parametrize(
    ("statements", "message"),
    [
        pytest.param(
            STATEMENT.replace("supplies", "supply"),
            "statements[0] (g01): unknown relation 'supply' (did you mean 'supplies'? known: meets",
            id="relation",
        ),
        pytest.param(
            STATEMENT.replace("asserted", "claimed"),
            "statements[0] (g01): unknown modality 'claimed'",
            id="modality",
        ),
        pytest.param(
            STATEMENT.replace("subject: Russia, ", ""),
            "statements[0] (g01): missing field 'subject'",
            id="missing-subject",
        ),
        pytest.param(
            STATEMENT.replace("object: Iran", "object: Iraq"),
            "statements[0] (g01).object: 'Iraq' is not an entity of this file",
            id="unknown-entity",
        ),
        pytest.param(
            STATEMENT.replace("}", ", attributed_to: ['*']}"),
            "statements[0] (g01).attributed_to: '*' is not an entity of this file",
            id="any-attribution",
        ),
        pytest.param(
            STATEMENT + STATEMENT.replace("g01", "g02").replace("}", ", items: [{quantity: 3}]}"),
            "statements[1] (g02).items[0]: an item is a label or a mapping",
            id="item-without-label",
        ),
        pytest.param(
            STATEMENT.replace("}", ", time: [June]}"),
            "statements[0] (g01).time: 'June' is not an ISO year, year-month or date",
            id="time",
        ),
        pytest.param(
            STATEMENT.replace("}", ", negated: 'no'}"),
            "statements[0] (g01): 'negated' must be true or false",
            id="negated",
        ),
        pytest.param("  - just a string\n", "statements[0]: a statement is a mapping", id="str"),
    ],
)
def test_gold_read_rejects_bad_statements(
    write_gold: GoldWriter, tmp_path: Path, statements: str, message: str
) -> None:
    with pytest.raises(GoldError) as info:
        write_gold(statements)
    text = str(info.value)
    assert text.startswith(str(tmp_path / "g.yaml") + ": ")
    assert message in text
    assert "\n" not in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(
            "article: {file: a.txt\nentities: []\n", "not valid YAML at line 2", id="yaml"
        ),
        pytest.param("- a\n- b\n", "a gold file is a mapping", id="not-mapping"),
        pytest.param("entities: []\n", "article: missing field 'article'", id="no-article"),
        pytest.param("article: {language: es}\n", "article: missing field 'file'", id="no-file"),
        pytest.param(
            "article: {file: nowhere.txt}\n",
            "article.file: article 'nowhere.txt' not found",
            id="article-missing",
        ),
        pytest.param(
            "article: {file: a.txt, published: 13/09/2024}\n",
            "article.published: '13/09/2024' is not a date",
            id="published",
        ),
        pytest.param(
            "article: {file: a.txt, language: fr}\n",
            "unknown language 'fr'",
            id="language",
        ),
        pytest.param(
            "article: {file: a.txt}\nentities:\n  - {label: Russia, type: Nation}\n",
            "entities[0] (Russia): unknown type 'Nation'",
            id="entity-type",
        ),
        pytest.param(
            "article: {file: a.txt}\nentities:\n"
            "  - {label: Russia, type: Country, wikidata: 159}\n",
            "wikidata 159 is not an id like Q159",
            id="wikidata",
        ),
        pytest.param(
            "article: {file: a.txt}\nentities:\n"
            "  - {label: Russia, type: Country, aliases: [Rusia]}\n"
            "  - {label: Iran, type: Country, aliases: [Irán, Rusia]}\n",
            "entities[1] (Iran): name 'rusia' also names 'Russia'",
            id="shared-name",
        ),
    ],
)
def test_gold_read_rejects_bad_files(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "a.txt").write_text("Texto.", encoding="utf-8")
    path = tmp_path / "g.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=r"^.*g\.yaml: ") as info:
        read_gold(path)
    assert message in str(info.value)


def test_gold_read_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no such gold file"):
        read_gold(tmp_path / "none.yaml")
