"""Build data/lexicons/nicknames.csv: a given name's nicknames ("Charles": "Chuck"), each a shorter form that few
people bear as their own name.

    pip install -r requirements-train.txt && python -m training.nicknames

The pairs are the hand-curated dataset of Carlton Northern and Nick Crews (Apache-2.0), as the PyPI package
``nicknames`` 1.0.1 ships it (``names.csv``, "charles,has_nickname,chuck"); its SHA-256 is checked before it is read.
A pair is kept where the nickname is shorter than the name and fewer people bear it as their own first name in the
1990 US Census (``training.given_names``) than bear the name: so not "Eric" → "Rick" (as long), nor "Jonathan" →
"John" (John is far commoner as a name of its own): on the dev corpus those had made "Eric Wilson" Rick Wilson and
"John Lewis" Jonathan Lewis. ``framing.language.voice.merge_aliases`` reads the file: "Chuck Schumer" and "Charles
Schumer" are one person where the corpus gives no other name the nickname could be.
"""
from __future__ import annotations

import csv
import hashlib
import io
from importlib import resources
from pathlib import Path

from training.data import DataError
from training.given_names import census

OUT = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "nicknames.csv"
SOURCE = ("names.csv", "f370c99f12a564f4f074192ba690f242b7857d53a4ea60257366e365cc63a276")


def main() -> None:
    name, expected = SOURCE
    data = resources.files("nicknames").joinpath(name).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected:
        raise DataError(f"nicknames/{name}: SHA-256 {digest[:12]}… is not the expected {expected[:12]}…")
    bearers: dict[str, float] = {}  # first name (lower case) → its bearers in the 1990 Census, both sexes
    for sex in ("male", "female"):
        for first, n in census(sex).items():
            bearers[first.lower()] = bearers.get(first.lower(), 0.0) + n
    listed = {(row["name1"].strip().lower(), row["name2"].strip().lower())
              for row in csv.DictReader(io.StringIO(data.decode("utf-8"))) if row["relationship"] == "has_nickname"}
    pairs = sorted((name, nickname) for name, nickname in listed
                   if len(nickname) < len(name) and bearers.get(nickname, 0.0) < bearers.get(name, 0.0))
    with OUT.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name", "nickname"])
        writer.writerows(pairs)
    print(f"{OUT}: {len(pairs)} pairs of {len(listed)} listed")


if __name__ == "__main__":
    main()
