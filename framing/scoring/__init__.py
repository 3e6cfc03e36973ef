"""Scoring: every measure of every sentence, per article and cached by content, assembled into the sentence table.

``measures.MEASURES`` is the one list of measures. Imports only the floors below (reading, language, models)."""
