"""Out-of-fold r of the news tone model under other settings, to choose them (training/config.toml, [tone]).

    pip install -r requirements-train.txt
    python -m training.sweep_tone '{}' '{"soft_weight": 50}' '{"unlabelled_news": 60000}'   # one line per setting

Each argument is a JSON object of [tone] settings to change; the rest stay the config's. The features are
``training.train_tone``'s, kept in training/.cache/ (about 20 minutes on two cores the first time); a setting's five
folds then take 1-3 minutes. Folds by article, as ``training.train_tone``. Nothing is written to data/models/.
The settings the features are made with (``train_tone.FEATURE_SETTINGS``: dims, free_scale, min_words) cannot be swept
here: change them in the config, and ``training.train_tone`` makes and keeps features for them.
"""
from __future__ import annotations

import argparse
import json

from training import train_tone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("settings", nargs="+", help='JSON objects of [tone] settings, e.g. \'{"soft_weight": 50}\'')
    args = parser.parse_args()
    changes = [json.loads(text) for text in args.settings]
    fixed = sorted({name for changed in changes for name in changed} & set(train_tone.FEATURE_SETTINGS))
    if fixed:
        parser.error(f"{', '.join(fixed)}: the kept features are made with these; change them in training/config.toml")
    kept = train_tone.Features.kept()
    shipped = dict(train_tone.SETTINGS)
    for changed in changes:
        train_tone.SETTINGS.clear()
        train_tone.SETTINGS.update(shipped, **changed)
        features = kept.with_news(train_tone.SETTINGS["unlabelled_news"])
        r = train_tone.out_of_fold(features)
        news = min(train_tone.SETTINGS["unlabelled_news"], kept.news_sentences)
        print(json.dumps(changed), f"({news:,} news sentences): out-of-fold r {r:.4f}", flush=True)


if __name__ == "__main__":
    main()
