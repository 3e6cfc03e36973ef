"""How far to trust the measures: the figures ``python -m training.evaluate`` writes to ``data/validity.json``.

The Methodology view and ``docs/validity.md`` both show them through ``markdown_table``, so the app and the docs never
disagree, and no code reads figures out of prose.
"""
from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VALIDITY_FILE = ROOT / "data" / "validity.json"
MEASURED = ("framing", "data/lexicons", "data/models")  # what the figures rest on: the engine, its lists and its models
SHOWN_CHANGED = 5  # files named where the figures say what has changed since they were measured


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


@cache  # the files do not change while the app runs
def measured_files(root: Path = ROOT) -> dict[str, str]:
    """The SHA-256 of every file the figures rest on (``MEASURED``), by its path from ``root``."""
    paths = (p for top in MEASURED for p in (root / top).rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(paths)}


def read_by(modules, root: Path = ROOT) -> dict[str, str]:
    """``measured_files`` that a run could have read: the engine's modules among ``modules`` (a run's
    ``sys.modules.values()``) but this one, which only writes and shows the figures, and every list and model."""
    loaded = {Path(m.__file__).resolve() for m in modules if getattr(m, "__file__", None)} - {Path(__file__).resolve()}
    return {path: digest for path, digest in measured_files(root).items()
            if not path.startswith("framing/") or (root / path).resolve() in loaded}


def changed_since(record: dict, root: Path = ROOT) -> list[str] | None:
    """The files the figures were measured with that are no longer as they were (changed or removed), or None where
    the record does not say what they were."""
    then = record.get("files")
    if not then:
        return None
    now = measured_files(root)
    return sorted(path for path, digest in then.items() if now.get(path) != digest)


def provenance(record: dict) -> str:
    """One line on where the figures come from."""
    return (f"Measured {record['date']} at commit {record['commit']} by `{record['generated_by']}`; intervals: "
            f"{record['intervals']}.")


def freshness(record: dict, root: Path = ROOT) -> str:
    """One line on whether the engine, its lists and its models are still those the figures were measured with."""
    changed = changed_since(record, root)
    if changed is None:
        return "Which engine files the figures were measured with is not recorded."
    if not changed:
        return "The engine, its lists and its models are as they were measured."
    named = ", ".join(f"`{path}`" for path in changed[:SHOWN_CHANGED])
    more = f" and {len(changed) - SHOWN_CHANGED:,} more" if len(changed) > SHOWN_CHANGED else ""
    return (f"Since then {len(changed):,} of the files they rest on {'have' if len(changed) > 1 else 'has'} changed "
            f"({named}{more}), so the figures may have moved: `python -m training.evaluate` measures them again.")
