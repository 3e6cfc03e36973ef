"""Training and evaluation: how the shipped models in data/models/ were made and how well they agree with people.

Nothing here runs in the app. Every data file read is listed in ``manifest.toml`` with its SHA-256 and checked
before it is read; every setting is in ``config.toml``. Run from the repository's root:

    python -m training.train_uncertainty   # the uncertainty regressions -> data/models/
    python -m training.train_tone --folds  # the news tone model, and one per fold (needs requirements-train.txt)
    python -m training.train_reader        # the context reader (needs requirements-train.txt)
    python -m training.evaluate            # validity on the dev halves -> data/validity.json
"""
