"""Activation modules (Burn's ``burn::nn::{Relu, Gelu, LeakyRelu, ...}``): each activation as a
`Module`, so that a model can hold it as a field (``activation: Relu``) as the Burn Book's guide
model does. Those without settings are built directly (``Relu()``); those with settings by
their config (``LeakyReluConfig(0.2).init()``), and `PRelu`, whose slope is learned, by
``PReluConfig().init(device)``. Parameterless ones have empty records.

The math is `pyburn.tensor.activation`'s; `ActivationConfig` picks one of them by
configuration instead.
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.tensor import Device, ShapeError, Tensor
from pyburn.tensor import activation as F

from ._types import B
from .initializer import Initializer, resolve_device

__all__ = ["Relu", "Gelu", "LeakyRelu", "LeakyReluConfig", "Sigmoid", "Tanh", "SiLU", "Silu",
           "Swish", "HardSigmoid", "HardSigmoidConfig", "PRelu", "PReluConfig", "Softplus",
           "SoftplusConfig"]


class Relu(Module):
    """``max(x, 0)``; ``torch.nn.ReLU``."""

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.relu(x)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {}


class Sigmoid(Module):
    """``1 / (1 + exp(-x))``; ``torch.nn.Sigmoid``."""

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.sigmoid(x)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {}


class Tanh(Module):
    """``torch.nn.Tanh``."""

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.tanh(x)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {}


class SiLU(Module):
    """``x * sigmoid(x)`` (Swish); Burn's ``SiLU``, ``torch.nn.SiLU``."""

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.silu(x)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {}


Silu = SiLU    # Python spelling, as ActivationConfig.Silu
Swish = SiLU   # its other name, as ActivationConfig.Swish


class Gelu(Module):
    """``x * Phi(x)``; with ``approximate`` the tanh approximation. ``torch.nn.GELU()`` /
    ``GELU(approximate="tanh")``; Burn's ``Gelu::new()`` / ``Gelu::new_approximate()``."""

    approximate: bool = False

    @classmethod
    def new_approximate(cls) -> "Gelu":
        return cls(approximate=True)

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.gelu_tanh(x) if self.approximate else F.gelu(x)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"approximate": self.approximate}

    def __repr__(self) -> str:
        """Burn's default module display (Gelu has no custom one): one attribute a line."""
        return f"Gelu {{\n  approximate: {str(self.approximate).lower()}\n}}"


class LeakyReluConfig(Config):
    """Burn's default slope 0.01, as ``torch.nn.LeakyReLU``."""

    negative_slope: float = 0.01

    def init(self) -> "LeakyRelu":
        return LeakyRelu(float(self.negative_slope))


class LeakyRelu(Module):
    """``x`` for ``x >= 0``, else ``negative_slope * x``."""

    negative_slope: float = 0.01

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.leaky_relu(x, self.negative_slope)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"negative_slope": self.negative_slope}


class HardSigmoidConfig(Config):
    """Burn's defaults ``alpha`` 0.2, ``beta`` 0.5 (ONNX's); ``torch.nn.Hardsigmoid`` is
    ``alpha = 1/6, beta = 0.5``."""

    alpha: float = 0.2
    beta: float = 0.5

    def init(self) -> "HardSigmoid":
        return HardSigmoid(float(self.alpha), float(self.beta))


class HardSigmoid(Module):
    """``clamp(alpha * x + beta, 0, 1)``."""

    alpha: float = 0.2
    beta: float = 0.5

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.hard_sigmoid(x, self.alpha, self.beta)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"alpha": self.alpha, "beta": self.beta}


class SoftplusConfig(Config):
    """Burn's default ``beta`` 1.0. There is no ``threshold`` (torch's switch to ``x`` above
    20): the formula never overflows, and above it differs from ``x`` by under 2e-9."""

    beta: float = 1.0

    def init(self) -> "Softplus":
        if not self.beta > 0:
            raise ValueError(f"SoftplusConfig.init: beta must be > 0, got {self.beta}")
        return Softplus(float(self.beta))


class Softplus(Module):
    """``log(1 + exp(beta * x)) / beta``; ``torch.nn.Softplus(beta)``."""

    beta: float = 1.0

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.softplus(x, self.beta)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"beta": self.beta}


class PReluConfig(Config):
    """Burn's defaults: one slope shared by every channel, starting at 0.25 (as
    ``torch.nn.PReLU(num_parameters=1, init=0.25)``)."""

    num_parameters: int = 1
    alpha: float = 0.25

    def init(self, device: Device | str | None = None, backend: Any = None) -> "PRelu":
        if self.num_parameters < 1:
            raise ValueError(f"PReluConfig.init: num_parameters must be >= 1, got "
                             f"{self.num_parameters}")
        backend, dev = resolve_device(device, backend, "PReluConfig.init")
        alpha = Initializer.Constant(value=self.alpha).init_param([self.num_parameters], dev,
                                                                   backend)
        return PRelu(alpha, float(self.alpha))


class PRelu(Module):
    """A leaky ReLU with a learned slope: one shared, or one per channel (dim 1)."""

    alpha: Param[Any]
    alpha_value: float = 0.25

    @property
    def num_parameters(self) -> int:
        return int(self.alpha.shape[0])

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """Any shape (``[batch, num_parameters, ...]`` for per-channel slopes) -> the same."""
        n, dims = self.num_parameters, x.dims()
        if n == 1:
            return F.prelu(x, self.alpha.val().reshape([1] * max(len(dims), 1)))
        if len(dims) < 2 or dims[1] != n:
            raise ShapeError(f"PRelu.forward: with {n} parameters, expected an input of shape "
                             f"[batch, {n}, ...], got {dims}")
        return F.prelu(x, self.alpha.val().reshape([1, n] + [1] * (len(dims) - 2)))

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"num_parameters": self.num_parameters, "alpha_value": self.alpha_value}
