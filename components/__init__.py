"""Streamlit building blocks: one module per panel or view. They take DataFrames and draw."""
