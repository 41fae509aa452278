"""Reporters for evaluation results, one per output format, in a registry keyed by name."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from kg.eval.score import FileReport, RelationScores, Report, Scores

Reporter = Callable[[Report, bool, bool], str]
"""``(report, details, by_relation) -> text``."""

_COLUMNS: tuple[tuple[str, Callable[[Scores], float | None]], ...] = (
    ("P", lambda s: s.precision),
    ("R", lambda s: s.recall),
    ("F1", lambda s: s.f1),
    ("mod", lambda s: s.modality_accuracy),
    ("neg", lambda s: s.negation_accuracy),
    ("attr", lambda s: s.attribution_recall),
    ("item", lambda s: s.item_recall),
    ("time", lambda s: s.time_accuracy),
    ("entP", lambda s: s.entity_precision),
    ("entR", lambda s: s.entity_recall),
)


def fmt(value: float | None) -> str:
    """A measure with two decimals, ``-`` when undefined.

    Examples:
        >>> fmt(0.8571), fmt(None), fmt(1.0)
        ('0.86', '-', '1.00')
    """
    return "-" if value is None else f"{value:.2f}"


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in rows
    ]


def _score_row(name: str, s: Scores, teasers: str) -> list[str]:
    return [name, *(fmt(get(s)) for _, get in _COLUMNS), teasers]


def _relation_table(rows: tuple[RelationScores, ...]) -> list[str]:
    header = ["relation", "P", "R", "F1", "system", "support"]
    body = [
        [r.relation, fmt(r.precision), fmt(r.recall), fmt(r.f1), str(r.system), str(r.support)]
        for r in rows
    ]
    return _table([header, *body])


def _details(f: FileReport) -> list[str]:
    lines = [f"== {f.gold.name}"]
    for m in f.misses:
        tag = " (optional)" if m.optional else ""
        lines.append(
            f"  miss {m.gold_id}{tag}: {'|'.join(m.subject)} {'|'.join(m.relation)}"
            f" {'|'.join(m.object)}"
        )
        if m.sentence:
            lines.append(f"      near: {m.sentence}")
    for fp in f.false_positives:
        lines.append(
            f"  false positive: {fp.subject} {fp.relation} {fp.object} [{fp.modality}]"
            + (f" rule {fp.rule}" if fp.rule else "")
        )
        if fp.sentence:
            lines.append(f"      from: {fp.sentence}")
    for d in f.disagreements:
        lines.append(f"  {d.gold_id} {d.field}: expected {d.expected}; got {d.got or 'nothing'}")
    return lines


def render_text(report: Report, details: bool, by_relation: bool) -> str:
    """A compact table: one row per file, then the MICRO line; misses and relations on request."""
    header = ["file", *(name for name, _ in _COLUMNS), "teasers"]
    rows = [_score_row(f.gold.name, f.scores, ", ".join(f.teasers)) for f in report.files]
    all_teasers = sorted({t for f in report.files for t in f.teasers})
    rows.append(_score_row("MICRO", report.total, ", ".join(all_teasers)))
    lines = _table([header, *rows])
    if by_relation:
        lines += ["", *_relation_table(report.relations)]
    if details:
        for f in report.files:
            lines += ["", *_details(f)]
    lines += [f"skipped {why}" for why in report.skipped]
    return "\n".join(lines)


def _scores_json(s: Scores) -> dict[str, Any]:
    return {"counts": asdict(s), "measures": s.measures()}


def _relations_json(rows: tuple[RelationScores, ...]) -> list[dict[str, Any]]:
    return [{**asdict(r), "precision": r.precision, "recall": r.recall, "f1": r.f1} for r in rows]


def render_json(report: Report, details: bool, by_relation: bool) -> str:
    """The report as one JSON document; details and relation tables on request."""
    files = []
    for f in report.files:
        entry: dict[str, Any] = {
            "gold": str(f.gold),
            "article": str(f.article),
            **_scores_json(f.scores),
            "teasers": list(f.teasers),
        }
        if by_relation:
            entry["relations"] = _relations_json(f.relations)
        if details:
            entry["misses"] = [asdict(m) for m in f.misses]
            entry["false_positives"] = [asdict(p) for p in f.false_positives]
            entry["disagreements"] = [asdict(d) for d in f.disagreements]
        files.append(entry)
    doc: dict[str, Any] = {
        "files": files,
        "micro": _scores_json(report.total),
        "skipped": list(report.skipped),
    }
    if by_relation:
        doc["relations"] = _relations_json(report.relations)
    return json.dumps(doc, ensure_ascii=False, indent=2)


REPORTERS: dict[str, Reporter] = {"text": render_text, "json": render_json}
"""Output format name -> reporter."""


def render(
    report: Report, format: str = "text", *, details: bool = False, by_relation: bool = False
) -> str:
    """Render ``report`` in one of the REPORTERS formats.

    Raises:
        KeyError: unknown format (the CLI offers only REPORTERS' keys).
    """
    return REPORTERS[format](report, details, by_relation)
