"""Framing Lens analysis engine: corpus, segmentation, scoring, aggregation. No Streamlit here."""
