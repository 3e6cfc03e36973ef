"""Reading: articles from files and pasted text, cleaned, split into paragraphs and sentences, grouped into stories.

The lowest floor of the engine: it imports nothing else from ``framing``."""
