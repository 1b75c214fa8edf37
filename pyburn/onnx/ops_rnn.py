"""ONNX LSTM and GRU onto pyburn's `Lstm` / `Gru`, one module per direction.

ONNX stacks a layer's gates in one matrix per direction: ``W [dirs, G*H, input]``,
``R [dirs, G*H, H]``, ``B [dirs, 2*G*H]`` (input biases, then recurrent ones), in the order
i, o, f, c for the LSTM and z, r, h for the GRU. pyburn keeps one `GateController` per gate whose
`Linear`s hold the transposes (``[input, H]``), and both biases apart, so every number has a
place and nothing is summed away: the imported layer trains like one built in pyburn.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .program import Node, Program, kwargs

LSTM_GATES = {"input_gate": 0, "output_gate": 1, "forget_gate": 2, "cell_gate": 3}  # i o f c
GRU_GATES = {"update_gate": 0, "reset_gate": 1, "new_gate": 2}                      # z r h
_DEFAULT_ACTS = {"LSTM": ["Sigmoid", "Tanh", "Tanh"], "GRU": ["Sigmoid", "Tanh"]}


def _gate_arrays(gates: dict[str, int], w: np.ndarray, r: np.ndarray, b: np.ndarray | None,
                 hidden: int) -> dict[str, np.ndarray]:
    """One direction's ONNX matrices as pyburn record paths."""
    count = len(gates)
    arrays: dict[str, np.ndarray] = {}
    for name, k in gates.items():
        rows = slice(k * hidden, (k + 1) * hidden)
        arrays[f"{name}.input_transform.weight"] = w[rows].T.copy()
        arrays[f"{name}.hidden_transform.weight"] = r[rows].T.copy()
        if b is not None:
            arrays[f"{name}.input_transform.bias"] = b[rows].copy()
            arrays[f"{name}.hidden_transform.bias"] = b[count * hidden:][rows].copy()
    return {k: v.astype(np.float32) for k, v in arrays.items()}


def _check(node: Node) -> tuple[str, int, int]:
    """(direction, hidden size, layout) after refusing what pyburn's layers do not compute."""
    acts = node.attrs.get("activations")
    if acts is not None:
        names = [a.decode() if isinstance(a, bytes) else str(a) for a in acts]
        default = _DEFAULT_ACTS[node.op_type]
        if names not in (default, default * 2):
            raise node.error(f"activations={names}: only the default {default} are supported")
    if node.attrs.get("clip") is not None:
        raise node.error("clip is not supported (ONNX clips the gate inputs; pyburn's clip "
                         "bounds the state)")
    if int(node.attrs.get("input_forget", 0)):
        raise node.error("input_forget=1 is not supported")
    if node.input(4) is not None:
        raise node.error("sequence_lens is not supported (pad the batch to one length)")
    if node.op_type == "LSTM" and node.input(7) is not None:
        raise node.error("peephole weights (P) are not supported")
    direction = node.attrs.get("direction", b"forward")
    direction = direction.decode() if isinstance(direction, bytes) else str(direction)
    if direction not in ("forward", "reverse", "bidirectional"):
        raise node.error(f"direction={direction!r}")
    return direction, int(node.attrs["hidden_size"]), int(node.attrs.get("layout", 0))


def _initial(prog: Program, node: Node, i: int, d: int, layout: int) -> str | None:
    value = node.input(i)
    if value is None or (value.const is not None and not value.const.any()):
        return None   # zeros (exporters write them for a default state): any batch size
    x = prog.expr(value, node)
    return f"{x}[{d}]" if layout == 0 else f"{x}[:, {d}]"


def recurrent(node: Node, prog: Program) -> None:
    direction, hidden, layout = _check(node)
    lstm = node.op_type == "LSTM"
    w = node.const_input(1, "W")
    r = node.const_input(2, "R")
    b = node.const_input(3, "B")
    assert w is not None and r is not None
    dirs = 2 if direction == "bidirectional" else 1
    d_input = int(w.shape[2])
    x = prog.expr(node.need(0), node)
    batch_first = layout == 1
    seq_dim = 1 if batch_first else 0
    ys: list[str] = []
    hs: list[str] = []
    cs: list[str] = []
    for d in range(dirs):
        reverse = direction == "reverse" or d == 1
        arrays = _gate_arrays(LSTM_GATES if lstm else GRU_GATES, w[d], r[d],
                              None if b is None else b[d], hidden)
        if lstm:
            prog.imports.update({"pyburn.nn:Lstm", "pyburn.nn:LstmConfig",
                                 "pyburn.nn:LstmState"})
            # ONNX's layout 0 is sequence-first; Burn's default is batch-first
            cfg = (f"LstmConfig({d_input}, {hidden}, bias={b is not None}, "
                   f"batch_first={batch_first}{kwargs(reverse=(reverse, False))})")
            ref = prog.add_field("lstm", "Lstm", f"{cfg}.init(device)", arrays,
                                 comment=f"{node.name} ({'reverse' if reverse else 'forward'})")
            h0, c0 = _initial(prog, node, 5, d, layout), _initial(prog, node, 6, d, layout)
            state = "None"
            if h0 is not None or c0 is not None:
                like = h0 or c0
                state = (f"LstmState({c0 or f'{like}.zeros_like()'}, "
                         f"{h0 or f'{like}.zeros_like()'})")
            y, st = prog.fresh("y"), prog.fresh("state")
            prog.emit(f"{y}, {st} = {ref}({x}{'' if state == 'None' else ', ' + state})")
            ys.append(y)
            hs.append(f"{st}.hidden")
            cs.append(f"{st}.cell")
        else:
            linear_before_reset = int(node.attrs.get("linear_before_reset", 0))
            prog.imports.update({"pyburn.nn:Gru", "pyburn.nn:GruConfig"})
            cfg = (f"GruConfig({d_input}, {hidden}, bias={b is not None}, "
                   f"reset_after={bool(linear_before_reset)}, batch_first={batch_first})")
            ref = prog.add_field("gru", "Gru", f"{cfg}.init(device)", arrays,
                                 comment=f"{node.name} ({'reverse' if reverse else 'forward'})")
            h0 = _initial(prog, node, 5, d, layout)
            y, h = prog.fresh("y"), prog.fresh("h")
            # pyburn's Gru has no `reverse`: run it on the time-reversed sequence
            src = f"{x}.flip([{seq_dim}])" if reverse else x
            prog.emit(f"{y}, {h} = {ref}.forward_with_state({src}{', ' + h0 if h0 else ''})")
            if reverse:
                prog.emit(f"{y} = {y}.flip([{seq_dim}])")
            ys.append(y)
            hs.append(h)
    prog.imports.add("pyburn:Tensor")
    dir_dim = 2 if batch_first else 1
    outputs: list[Any] = [
        f"Tensor.cat([{', '.join(f'{y}.unsqueeze_dim({dir_dim})' for y in ys)}], {dir_dim})",
        f"Tensor.stack([{', '.join(hs)}], {1 if batch_first else 0})",
    ]
    if lstm:
        outputs.append(f"Tensor.stack([{', '.join(cs)}], {1 if batch_first else 0})")
    for i, expr in enumerate(outputs):
        if i < len(node.outputs) and prog.consumers.get(node.outputs[i]):   # read later
            prog.define(node, i, expr)


CONVERTERS = {"LSTM": recurrent, "GRU": recurrent}
