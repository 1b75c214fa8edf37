"""`Fold4d` / `Unfold4d` (Burn's ``burn::nn::Fold4d`` and ``Unfold4d``): the layer forms of
`pyburn.tensor.module.fold4d` / `unfold4d`, as ``torch.nn.Fold`` / ``torch.nn.Unfold``.

`Unfold4d` extracts sliding blocks as columns, ``[batch, channels, height, width] ->
[batch, channels * kh * kw, blocks]``; `Fold4d` sums columns back into an image of
`output_size`, overlaps added. With the same settings `Fold4d` is `Unfold4d`'s adjoint (so
``fold(unfold(x))`` is `x` times how many blocks cover each pixel, not `x`).
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Tensor
from pyburn.tensor.module_ops.fold import UnfoldOptions, fold4d, unfold4d

from ._types import B

__all__ = ["Fold4dConfig", "Fold4d", "Unfold4dConfig", "Unfold4d"]


def _options(op: str, m: Any) -> UnfoldOptions:
    try:
        return UnfoldOptions(list(m.stride), list(m.padding), list(m.dilation))
    except ValueError as exc:
        raise ValueError(f"{op}: {str(exc).split(': ', 1)[-1]}") from None


class Fold4dConfig(Config):
    """`output_size` and `kernel_size` are ``[height, width]``; Burn's defaults: stride and
    dilation ``[1, 1]``, padding ``[0, 0]``."""

    output_size: list[int]
    kernel_size: list[int]
    stride: list[int] = [1, 1]
    dilation: list[int] = [1, 1]
    padding: list[int] = [0, 0]

    def init(self, device: Any = None, backend: Any = None) -> "Fold4d":
        """The layer (no parameters: `device`/`backend` are accepted and unused)."""
        _options("Fold4dConfig.init", self)
        for name in ("output_size", "kernel_size"):
            value = list(getattr(self, name))
            if len(value) != 2 or min(value) < 1:
                raise ValueError(f"Fold4dConfig.init: {name} must be two sizes >= 1, got "
                                 f"{value}")
        return Fold4d(list(self.output_size), list(self.kernel_size), list(self.stride),
                      list(self.dilation), list(self.padding))


class Fold4d(Module):
    """``[batch, channels * kh * kw, blocks] -> [batch, channels, *output_size]``."""

    output_size: list[int]
    kernel_size: list[int]
    stride: list[int]
    dilation: list[int]
    padding: list[int]

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        out: Tensor[B] = fold4d(x, self.output_size, self.kernel_size,
                                _options("Fold4d.forward", self))
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"output_size": list(self.output_size), "kernel_size": list(self.kernel_size),
                "stride": list(self.stride), "dilation": list(self.dilation),
                "padding": list(self.padding)}


class Unfold4dConfig(Config):
    """`kernel_size` is ``[height, width]``; Burn's defaults: stride and dilation ``[1, 1]``,
    padding ``[0, 0]``."""

    kernel_size: list[int]
    stride: list[int] = [1, 1]
    dilation: list[int] = [1, 1]
    padding: list[int] = [0, 0]

    def init(self, device: Any = None, backend: Any = None) -> "Unfold4d":
        """The layer (no parameters: `device`/`backend` are accepted and unused)."""
        _options("Unfold4dConfig.init", self)
        if len(self.kernel_size) != 2 or min(self.kernel_size) < 1:
            raise ValueError(f"Unfold4dConfig.init: kernel_size must be two sizes >= 1, got "
                             f"{list(self.kernel_size)}")
        return Unfold4d(list(self.kernel_size), list(self.stride), list(self.dilation),
                        list(self.padding))


class Unfold4d(Module):
    """``[batch, channels, height, width] -> [batch, channels * kh * kw, blocks]``."""

    kernel_size: list[int]
    stride: list[int]
    dilation: list[int]
    padding: list[int]

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        out: Tensor[B] = unfold4d(x, self.kernel_size, _options("Unfold4d.forward", self))
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"kernel_size": list(self.kernel_size), "stride": list(self.stride),
                "dilation": list(self.dilation), "padding": list(self.padding)}
