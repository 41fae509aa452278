"""The project's gold files (seed and dev corpus) parse and are self-consistent."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.eval.gold import read_gold
from kg.eval.score import score_file
from kg.model import Statement

SHARED = Path(__file__).resolve().parents[3] / "shared"
GOLD_FILES = sorted([*SHARED.glob("gold/*.yaml"), *SHARED.glob("corpus/dev/*.yaml")])

pytestmark = pytest.mark.skipif(not GOLD_FILES, reason="../shared gold files are absent")


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_shared_parses_and_scores_itself_perfectly(
    path: Path, to_system: Callable[..., list[Statement]]
) -> None:
    gold = read_gold(path)
    assert gold.statements and gold.article.is_file()
    for system in (to_system(gold), to_system(gold, random.Random(path.stem))):
        sc = score_file(gold, system).scores
        assert (sc.precision, sc.recall, sc.modality_accuracy) == (1.0, 1.0, 1.0)
        assert sc.attribution_recall in (1.0, None) and sc.item_recall in (1.0, None)
        assert sc.time_accuracy in (1.0, None) and sc.entity_recall == 1.0
