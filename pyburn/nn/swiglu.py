"""`SwiGlu` (Burn's ``burn::nn::SwiGlu``): the Swish-gated linear unit of "GLU Variants Improve
Transformer" (Shazeer, 2020), ``silu(x W_inner + b_inner) * (x W_outer + b_outer)``, the gate
of LLaMA-style feed-forward blocks.

Two `Linear` layers ``d_input -> d_output`` (``linear_inner``, ``linear_outer``, Burn's record
names), by default without bias, initialized as `Linear`'s default.
"""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, RankError, ShapeError, Tensor
from pyburn.tensor import activation as F

from ._types import B
from .initializer import Initializer
from .linear import Linear, LinearConfig, LinearLayout

__all__ = ["SwiGluConfig", "SwiGlu"]


class SwiGluConfig(Config):
    """Burn's fields and defaults: no bias (the usual SwiGLU), Kaiming-uniform with gain
    ``1/sqrt(3)`` (as `LinearConfig`), the `Row` layout."""

    d_input: int
    d_output: int
    bias: bool = False
    initializer: Initializer = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0),
                                                           fan_out_only=False)
    layout: LinearLayout = LinearLayout.Row

    def init(self, device: Device | str | None = None, backend: Any = None) -> "SwiGlu":
        """Both linear layers on `device` (which names its backend)."""
        if self.d_input < 0 or self.d_output < 0:
            raise ValueError(f"SwiGluConfig.init: sizes must be >= 0, got d_input={self.d_input}, "
                             f"d_output={self.d_output}")
        linear = LinearConfig(self.d_input, self.d_output, self.bias, self.initializer,
                              self.layout)
        return SwiGlu(linear.init(device, backend), linear.init(device, backend))


class SwiGlu(Module):
    """``[..., d_input]`` -> ``[..., d_output]``."""

    linear_inner: Linear
    linear_outer: Linear

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        dims, d_input = x.dims(), self.linear_inner.d_input
        if len(dims) < 1:
            raise RankError(f"SwiGlu.forward: expected an input of rank >= 1, got shape {dims}")
        if dims[-1] != d_input:
            raise ShapeError(f"SwiGlu.forward: expected an input of shape [..., {d_input}], "
                             f"got {dims}")
        return F.silu(self.linear_inner.forward(x)) * self.linear_outer.forward(x)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"d_input": self.linear_inner.d_input, "d_output": self.linear_inner.d_output,
                "bias": self.linear_inner.bias is not None}
