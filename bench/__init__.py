"""Performance benchmarks only: run from the repository root as ``python -m bench.<name>`` (see docs/performance.md)."""
