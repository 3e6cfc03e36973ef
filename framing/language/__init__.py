"""Language: word lists and the rules that say when a word counts, quotation and speakers, names in the text.

Imports only ``framing.reading``."""
