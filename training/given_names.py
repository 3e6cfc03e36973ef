"""Build data/lexicons/given_names.csv: the given names the 1990 US Census gives at least three times in four to men, or to women.

    pip install -r requirements-train.txt && python -m training.given_names

The Census's two first-name files (public domain) ship in the PyPI package ``names`` 0.3.0; their SHA-256 are
checked before they are read. Each file gives a name's share of its sex's population, in percent. A name's bearers
are that share times the population counted (1990: 121,239,418 men, 127,470,455 women). A name is kept with a
gender where at least ``SHARE`` of its bearers are of it ("Bernie": 79% men); names in between ("Jan", "Jessie",
"Casey") are left out, so no rule leans on them. ``framing.language.voice`` reads the file: "Mrs. Sanders" is not Bernie
Sanders.
"""
from __future__ import annotations

import csv
import hashlib
from importlib import resources
from pathlib import Path

from training.data import DataError

OUT = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "given_names.csv"
SHARE = 0.75
POPULATION = {"male": 121_239_418, "female": 127_470_455}  # 1990 Census, resident population by sex
FILES = {"male": ("dist.male.first", "0a5078ef6effe3b483d15b0f7f95047662126c9bfb624ecd5e5b978fc0f2470b"),
         "female": ("dist.female.first", "bd2f310fc4e5d5e5ea122c9d4342c9821145823118eb20db1647f305ec77b358")}


def census(sex: str) -> dict[str, float]:
    """Each first name's bearers of one sex, from the Census file as the package ships it."""
    name, expected = FILES[sex]
    data = resources.files("names").joinpath(name).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected:
        raise DataError(f"names/{name}: SHA-256 {digest[:12]}… is not the expected {expected[:12]}…")
    return {line.split()[0].title(): float(line.split()[1]) / 100 * POPULATION[sex]
            for line in data.decode("ascii").splitlines() if line.strip()}


def main() -> None:
    men, women = census("male"), census("female")
    rows = []
    for name in sorted(set(men) | set(women)):
        m, w = men.get(name, 0.0), women.get(name, 0.0)
        for gender, own in (("male", m), ("female", w)):
            if own / (m + w) >= SHARE:
                rows.append((name, gender, f"{own / (m + w):.2f}"))
    with OUT.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name", "gender", "share"])
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} names of {len(set(men) | set(women))}")


if __name__ == "__main__":
    main()
