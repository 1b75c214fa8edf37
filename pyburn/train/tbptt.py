"""Truncated backpropagation through time: carry a recurrent state across chunks, detached.

Backpropagating through a whole corpus is neither affordable nor needed. Truncated BPTT reads
it in chunks (`pyburn.data.TbpttStreams`), runs each chunk from the previous chunk's final
state, and cuts the graph there: the values flow forward across the boundary, the gradients
stop at it. The state can be any structure a layer returns (an `LstmState`, a tensor, a tuple
or list or dict of them, None), so one helper serves `Lstm`, `Gru`, stacked layers and models
whose state is a tuple of several of these.

    carry = StateCarrier()
    for batch in streams.batches(B, device):
        logits, state = model.forward(batch.inputs, carry.state)
        loss = ...; grads = loss.backward(); model = optim.step(lr, model, grads)
        carry.update(state)        # detached: the next chunk's graph starts here
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pyburn.tensor import Tensor

__all__ = ["detach_state", "StateCarrier"]


def detach_state(state: Any) -> Any:
    """`state` with every tensor in it detached from the autodiff graph; the structure (tuples,
    lists, dicts, dataclasses such as `LstmState`, None) is kept. Anything else is refused, so a
    state type this does not know about cannot silently keep its graph."""
    if state is None:
        return None
    if isinstance(state, Tensor):
        return state.detach()
    if isinstance(state, tuple) and hasattr(state, "_fields"):   # a NamedTuple
        return type(state)(*(detach_state(s) for s in state))
    if isinstance(state, (tuple, list)):
        return type(state)(detach_state(s) for s in state)
    if isinstance(state, dict):
        return {k: detach_state(v) for k, v in state.items()}
    if dataclasses.is_dataclass(state) and not isinstance(state, type):
        return dataclasses.replace(state, **{f.name: detach_state(getattr(state, f.name))
                                             for f in dataclasses.fields(state) if f.init})
    if isinstance(state, (int, float, bool, str)):
        return state
    raise TypeError(f"detach_state: expected a tensor, None, or a tuple/list/dict/dataclass of "
                    f"them, got {type(state).__name__}")


class StateCarrier:
    """Holds the state carried from one chunk to the next: `state` is None before the first
    chunk (the layer starts from zeros) and after `reset()` (a new epoch, a new document)."""

    def __init__(self) -> None:
        self.state: Any = None

    def update(self, state: Any) -> Any:
        """Keep `state`, detached, for the next chunk; returns it."""
        self.state = detach_state(state)
        return self.state

    def reset(self) -> None:
        self.state = None

    def __repr__(self) -> str:
        return f"StateCarrier(state={'None' if self.state is None else type(self.state).__name__})"
