"""Statistics: summaries, differences with intervals bootstrapped by article, distinctive words, filters.

Imports only the floors below (reading, language, models, scoring)."""
