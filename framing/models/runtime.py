"""Running a shipped ONNX model: one onnxruntime session on the CPU (the context reader, the tone-toward model)."""
from __future__ import annotations

from pathlib import Path


def cpu_session(path: Path, threads: int):
    """An onnxruntime session on the CPU with ``threads`` threads inside an operator and one between them, quiet."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
