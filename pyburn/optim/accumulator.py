"""`GradientsAccumulator` (Burn's ``optim::grad_accum``): sum gradients over several batches.

For an effective batch larger than memory allows: run several forward/backward passes,
accumulate their `GradientsParams`, then take one optimizer step with the sum. Burn sums (it
does not average); divide the learning rate, or the loss, by the number of batches for a mean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .grads import GradientsParams

if TYPE_CHECKING:
    from pyburn.module import Module


class GradientsAccumulator:
    """``acc.accumulate(model, grads)`` several times, then ``grads = acc.grads()``."""

    __slots__ = ("_grads",)

    def __init__(self) -> None:
        self._grads = GradientsParams()

    def accumulate(self, module: "Module", grads: GradientsParams) -> None:
        """Add `grads` of `module`'s parameters to the running sum (gradients of other ids in
        `grads` are ignored, as Burn's visitor only sees the module's parameters)."""
        pending = grads.copy()  # each gradient counted once, even for a parameter seen twice
        for _, param in module.named_params():
            new = pending.remove(param.id)
            if new is None:
                continue
            old = self._grads.get(param.id)
            self._grads.register(param.id, new if old is None else old.add(new))

    def grads(self) -> GradientsParams:
        """The accumulated gradients; the accumulator starts over empty."""
        out, self._grads = self._grads, GradientsParams()
        return out

    def is_empty(self) -> bool:
        return self._grads.is_empty()

    def __repr__(self) -> str:
        return f"GradientsAccumulator({len(self._grads)} tensors)"
