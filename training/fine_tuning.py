"""What fine-tuning MiniLM shares (the context reader, the tone-toward model): the optimiser and its schedule, and the
export to the int8 ONNX graph the app runs."""
from __future__ import annotations

import tempfile
from pathlib import Path


def one_cycle_adamw(model, recipe: dict, examples: int):
    """AdamW at the recipe's learning rate and weight decay, with a one-cycle linear schedule over every step of the
    recipe's epochs (its warm-up share rising, then falling): (optimiser, schedule), the schedule stepped per batch."""
    import math

    import torch

    steps = recipe["epochs"] * math.ceil(examples / recipe["batch"])
    optimiser = torch.optim.AdamW(model.parameters(), lr=recipe["learning_rate"], weight_decay=recipe["weight_decay"])
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=recipe["learning_rate"], total_steps=steps,
                                                   pct_start=recipe["warmup"], anneal_strategy="linear")
    return optimiser, schedule


def export_int8(model, inputs: dict, output: str, path: Path) -> None:
    """``model`` to ``path``: an ONNX graph with dynamic batch and length for every input (``inputs``: name -> an example
    tensor of shape (batch, tokens)), its linear layers and word-piece embeddings stored as 8-bit integers
    (onnxruntime's dynamic quantisation: a quarter of the size)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "full.onnx"
        torch.onnx.export(model, tuple(inputs.values()), str(full), input_names=list(inputs), output_names=[output],
                          dynamic_axes={**{name: {0: "batch", 1: "tokens"} for name in inputs}, output: {0: "batch"}},
                          opset_version=17, dynamo=False)
        quantize_dynamic(str(full), str(path), weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul", "Gather"])
