"""`PositionWiseFeedForward` (Burn's ``burn::nn::transformer::PositionWiseFeedForward``): the
two-layer MLP applied to every position of a transformer's sequence, ``FFN(x) = act(x W1 + b1)
W2 + b2`` ("Attention Is All You Need", section 3.3), with GELU as Burn's default.

As in Burn, the activation is left out of records (Burn marks it ``#[module(skip)]`` so that
records written before the activation became configurable still load): a record holds
``linear_inner``, ``linear_outer`` and ``dropout`` only. Unlike Burn, the activation stays a
part of the module for everything else (device moves, optimizers), so a `PRelu` slope trains
and moves with the model; only saving it is not possible, exactly as Burn documents.
"""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module, ModuleRecord
from pyburn.tensor import Device, RankError, ShapeError, Tensor

from .._types import B
from ..activation import Activation, ActivationConfig
from ..dropout import Dropout, DropoutConfig
from ..initializer import Initializer, resolve_device
from ..linear import Linear, LinearConfig

__all__ = ["PositionWiseFeedForwardConfig", "PositionWiseFeedForward"]


class PositionWiseFeedForwardConfig(Config):
    """Burn's defaults: dropout 0.1, Kaiming-uniform with gain ``1/sqrt(3)`` (torch.nn.Linear's
    draw), GELU between the two linear layers."""

    d_model: int
    d_ff: int
    dropout: float = 0.1
    initializer: Initializer = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0),
                                                           fan_out_only=False)
    activation: ActivationConfig = ActivationConfig.Gelu()

    def init(self, device: Device | str | None = None,
             backend: Any = None) -> "PositionWiseFeedForward":
        """Both linear layers drawn with `initializer` (lazily)."""
        if self.d_model <= 0 or self.d_ff <= 0:
            raise ValueError(f"PositionWiseFeedForwardConfig.init: sizes must be positive, got "
                             f"d_model={self.d_model}, d_ff={self.d_ff}")
        backend, dev = resolve_device(device, backend, "PositionWiseFeedForwardConfig.init")
        return PositionWiseFeedForward(
            linear_inner=LinearConfig(self.d_model, self.d_ff,
                                      initializer=self.initializer).init(dev, backend),
            linear_outer=LinearConfig(self.d_ff, self.d_model,
                                      initializer=self.initializer).init(dev, backend),
            dropout=DropoutConfig(self.dropout).init(),
            activation=self.activation.init(dev, backend),
        )


class PositionWiseFeedForward(Module):
    """``linear_outer(dropout(activation(linear_inner(x))))`` on the last dimension."""

    linear_inner: Linear
    linear_outer: Linear
    dropout: Dropout
    activation: Activation

    @property
    def d_model(self) -> int:
        return self.linear_inner.d_input

    @property
    def d_ff(self) -> int:
        return self.linear_inner.d_output

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, seq, d_model]`` (any rank >= 1) -> the same shape."""
        dims = x.dims()
        if len(dims) < 1:
            raise RankError(f"PositionWiseFeedForward.forward: expected an input of rank >= 1, "
                            f"got shape {dims}")
        if dims[-1] != self.d_model:
            raise ShapeError(f"PositionWiseFeedForward.forward: expected an input of shape "
                             f"[..., {self.d_model}] (d_model), got {dims}")
        h = self.activation.forward(self.linear_inner.forward(x))
        return self.linear_outer.forward(self.dropout.forward(h))

    __call__ = forward

    # Burn's record layout: the activation is ``#[module(skip)]`` (see the module docstring).
    def into_record(self) -> ModuleRecord:
        record = super().into_record()
        record.pop("activation", None)
        return record

    def _load(self, record: Any, prefix: str, strict: bool) -> "PositionWiseFeedForward":
        if isinstance(record, dict) and "activation" not in record:
            record = {**record, "activation": self.activation.into_record()}
        return super()._load(record, prefix, strict)

    def display_fields(self) -> dict[str, Any]:
        return {"d_model": self.d_model, "d_ff": self.d_ff, "prob": self.dropout.prob}
