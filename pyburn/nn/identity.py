"""`Identity` (Burn's ``burn::nn::Identity``): a layer that returns its input, for a slot a
model must fill (``ActivationConfig.Identity``, an optional normalization) when nothing should
happen there. No parameters, an empty record; ``torch.nn.Identity``."""

from __future__ import annotations

from typing import Any

from pyburn.module import Module

__all__ = ["Identity"]


class Identity(Module):
    """``forward(x)`` is `x` itself, any tensor (or any value)."""

    def forward(self, x: Any) -> Any:
        return x

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {}
