"""Models: the shipped tone and uncertainty models, run on the CPU from files in ``data/models/``.

Imports only the floors below (reading, language)."""
