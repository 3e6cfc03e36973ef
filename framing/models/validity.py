"""How far to trust the measures: the figures ``python -m training.evaluate`` writes to ``data/validity.json``.

The Methodology view and ``docs/validity.md`` both show them through ``markdown_table``, so the app and the docs never
disagree, and no code reads figures out of prose.
"""
from __future__ import annotations

import json
from pathlib import Path

VALIDITY_FILE = Path(__file__).resolve().parents[2] / "data" / "validity.json"


def load(path: Path | None = None) -> dict:
    return json.loads((path or VALIDITY_FILE).read_text("utf-8"))


def _figure(value: float | None, fmt: str) -> str:
    return "–" if value is None else format(value, fmt)


def markdown_table(record: dict) -> str:
    """The figures as a Markdown table: what was checked, the figure with its interval, the baselines, the goal."""
    lines = ["| Task (dev data) | Measure | Framing Lens | Baselines | Goal |", "|---|---|---|---|---|"]
    for row in record["rows"]:
        fmt = row["format"]
        figure = f"**{_figure(row['value'], fmt)}**"
        if row.get("ci_low") is not None and row.get("ci_high") is not None:
            figure += f" ({_figure(row['ci_low'], fmt)}–{_figure(row['ci_high'], fmt)})"
        if row.get("detail"):
            figure += f"; {row['detail']}"
        baselines = "; ".join(f"{name} {_figure(value, fmt)}" for name, value in row.get("baselines", {}).items()) or "–"
        goal = "–"
        if row.get("goal") is not None:
            verdict = {True: "met", False: "**missed**", None: ""}[row.get("met")]
            goal = f"{'≥' if row['goal_direction'] == '>=' else '≤'} {_figure(row['goal'], fmt)}: {verdict}"
        lines.append(f"| {row['task']} | {row['measure']} | {figure} | {baselines} | {goal} |")
    return "\n".join(lines)


def provenance(record: dict) -> str:
    """One line on where the figures come from."""
    return (f"Measured {record['date']} at commit {record['commit']} by `{record['generated_by']}`; intervals: "
            f"{record['intervals']}.")
