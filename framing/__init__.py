"""Framing Lens engine, pure Python (no Streamlit), in floors that follow the pipeline; imports only go down:

reading → language → models → scoring → statistics, and the command line (``framing.cli``) on top.
"""
