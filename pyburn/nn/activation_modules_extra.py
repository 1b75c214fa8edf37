"""More activation modules of Burn's ``burn::nn``: the ELU family, the shrinks, the clamps and
the parameterless rest, each a `Module` over a `pyburn.tensor.activation` function, as in
`activation_modules`. Those with settings are built by their config (``CeluConfig(2.0).init()``;
no device: they hold no parameters), the others directly (``HardSwish()``). Records are empty.

Burn's field ``lambda`` is ``lambda_`` in Python; configs keep Burn's ``with_lambda`` builder and
Burn's JSON key (see `_keyword_fields`). The learned or random ones live in their own files
(`RRelu` in ``rrelu.py``, `SwiGlu` in ``swiglu.py``).
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import RankError, ShapeError, Tensor
from pyburn.tensor import activation as F

from ._keyword_fields import KeywordFields
from ._types import B

__all__ = ["Celu", "CeluConfig", "Elu", "EluConfig", "GLU", "HardShrink", "HardShrinkConfig",
           "SoftShrink", "SoftShrinkConfig", "Shrink", "ShrinkConfig", "HardSwish",
           "ThresholdedRelu", "ThresholdedReluConfig", "Threshold", "ThresholdConfig", "Hardtanh",
           "HardtanhConfig", "Relu6", "Mish", "Softsign", "Tanhshrink", "LogSigmoid", "Selu"]


class _Elementwise(Module):
    """An activation applied elementwise: any shape in, the same shape out (``module(x)`` is
    ``module.forward(x)``, as for every `Module`). Displayed by name alone unless it has
    settings, as Burn's."""

    def display_fields(self) -> dict[str, Any]:
        return {}


# -- the ELU family ---------------------------------------------------------------------------

class EluConfig(Config):
    """Burn's default ``alpha`` 1.0, as ``torch.nn.ELU``."""

    alpha: float = 1.0

    def init(self) -> "Elu":
        return Elu(float(self.alpha))


class Elu(_Elementwise):
    """``x`` for ``x > 0``, else ``alpha * (exp(x) - 1)``; ``torch.nn.ELU(alpha)``."""

    alpha: float = 1.0

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.elu(x, self.alpha)

    def display_fields(self) -> dict[str, Any]:
        return {"alpha": self.alpha}


class CeluConfig(Config):
    """Burn's default ``alpha`` 1.0, as ``torch.nn.CELU``; ``alpha`` must be nonzero (the
    formula divides by it)."""

    alpha: float = 1.0

    def init(self) -> "Celu":
        if self.alpha == 0.0:
            raise ValueError("CeluConfig.init: alpha must be nonzero (celu divides x by alpha), "
                             "got 0.0")
        return Celu(float(self.alpha))


class Celu(_Elementwise):
    """``max(0, x) + min(0, alpha * (exp(x / alpha) - 1))``; ``torch.nn.CELU(alpha)``. Unlike
    ELU its slope is 1 on both sides of 0 for every alpha."""

    alpha: float = 1.0

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.celu(x, self.alpha)

    def display_fields(self) -> dict[str, Any]:
        return {"alpha": self.alpha}


class Selu(_Elementwise):
    """Scaled ELU with the self-normalizing constants; ``torch.nn.SELU``."""

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.selu(x)


# -- the shrinks: a dead zone [-lambda, lambda] mapped to 0 -----------------------------------

class HardShrinkConfig(KeywordFields, Config):
    """Burn's default ``lambda`` 0.5, as ``torch.nn.Hardshrink``."""

    lambda_: float = 0.5

    def init(self) -> "HardShrink":
        return HardShrink(float(self.lambda_))


class HardShrink(_Elementwise):
    """``x`` where ``|x| > lambda``, else 0 (the edges included)."""

    lambda_: float = 0.5

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.hard_shrink(x, self.lambda_)

    def display_fields(self) -> dict[str, Any]:
        return {"lambda": self.lambda_}


class SoftShrinkConfig(KeywordFields, Config):
    """Burn's default ``lambda`` 0.5, as ``torch.nn.Softshrink``; it must be >= 0 (torch's rule:
    a negative one leaves no dead zone and breaks continuity)."""

    lambda_: float = 0.5

    def init(self) -> "SoftShrink":
        if not self.lambda_ >= 0.0:
            raise ValueError(f"SoftShrinkConfig.init: lambda must be >= 0, got {self.lambda_}")
        return SoftShrink(float(self.lambda_))


class SoftShrink(_Elementwise):
    """``x - lambda`` above ``lambda``, ``x + lambda`` below ``-lambda``, 0 between."""

    lambda_: float = 0.5

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.soft_shrink(x, self.lambda_)

    def display_fields(self) -> dict[str, Any]:
        return {"lambda": self.lambda_}


class ShrinkConfig(KeywordFields, Config):
    """ONNX's Shrink, Burn's defaults ``lambda`` 0.5 and ``bias`` 0.5 (`SoftShrink` when they
    are equal; ONNX lets them differ)."""

    lambda_: float = 0.5
    bias: float = 0.5

    def init(self) -> "Shrink":
        return Shrink(float(self.lambda_), float(self.bias))


class Shrink(_Elementwise):
    """``x - bias`` above ``lambda``, ``x + bias`` below ``-lambda``, 0 between."""

    lambda_: float = 0.5
    bias: float = 0.5

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.shrink(x, self.lambda_, self.bias)

    def display_fields(self) -> dict[str, Any]:
        return {"lambda": self.lambda_, "bias": self.bias}


class Tanhshrink(_Elementwise):
    """``x - tanh(x)``; ``torch.nn.Tanhshrink``."""

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.tanhshrink(x)


# -- thresholds and clamps --------------------------------------------------------------------

class ThresholdedReluConfig(Config):
    """ONNX's ThresholdedRelu, Burn's default ``alpha`` 1.0."""

    alpha: float = 1.0

    def init(self) -> "ThresholdedRelu":
        return ThresholdedRelu(float(self.alpha))


class ThresholdedRelu(_Elementwise):
    """``x`` where ``x > alpha``, else 0; ``torch.nn.Threshold(alpha, 0.0)``."""

    alpha: float = 1.0

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.thresholded_relu(x, self.alpha)

    def display_fields(self) -> dict[str, Any]:
        return {"alpha": self.alpha}


class ThresholdConfig(Config):
    """Both fields required, as Burn's (and ``torch.nn.Threshold(threshold, value)``)."""

    threshold: float
    value: float

    def init(self) -> "Threshold":
        return Threshold(float(self.threshold), float(self.value))


class Threshold(_Elementwise):
    """``x`` where ``x > threshold``, else `value`."""

    threshold: float
    value: float

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.threshold(x, self.threshold, self.value)

    def display_fields(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "value": self.value}


class HardtanhConfig(Config):
    """Burn's defaults ``min_val`` -1.0, ``max_val`` 1.0, as ``torch.nn.Hardtanh``."""

    min_val: float = -1.0
    max_val: float = 1.0

    def init(self) -> "Hardtanh":
        if not self.min_val <= self.max_val:
            raise ValueError(f"HardtanhConfig.init: min_val must be <= max_val, got "
                             f"min_val={self.min_val}, max_val={self.max_val}")
        return Hardtanh(float(self.min_val), float(self.max_val))


class Hardtanh(_Elementwise):
    """``clamp(x, min_val, max_val)``."""

    min_val: float = -1.0
    max_val: float = 1.0

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.hardtanh(x, self.min_val, self.max_val)

    def display_fields(self) -> dict[str, Any]:
        return {"min_val": self.min_val, "max_val": self.max_val}


class Relu6(_Elementwise):
    """``clamp(x, 0, 6)``; ``torch.nn.ReLU6``."""

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.relu6(x)


class HardSwish(_Elementwise):
    """``x * relu6(x + 3) / 6``; ``torch.nn.Hardswish``."""

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.hard_swish(x)


# -- smooth ones ------------------------------------------------------------------------------

class Mish(_Elementwise):
    """``x * tanh(softplus(x))``; ``torch.nn.Mish``."""

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.mish(x)


class Softsign(_Elementwise):
    """``x / (1 + |x|)``; ``torch.nn.Softsign``."""

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.softsign(x)


class LogSigmoid(_Elementwise):
    """``log(sigmoid(x)) = -softplus(-x)``, without overflow; ``torch.nn.LogSigmoid``."""

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        return F.log_sigmoid(x)


# -- gated ------------------------------------------------------------------------------------

class GLU(Module):
    """Gated linear unit over `dim` (negative counts from the end): ``a * sigmoid(b)`` where
    ``a`` and ``b`` are the two halves of the input along `dim`; ``torch.nn.GLU(dim)``, Burn's
    ``GLU::new(dim)``. The output is the input's shape with `dim` halved."""

    dim: int

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        dims = x.dims()
        rank = len(dims)
        if not -rank <= self.dim < rank:
            raise RankError(f"GLU.forward: dim {self.dim} is out of range for an input of rank "
                            f"{rank} (shape {dims}); expected -{rank} <= dim < {rank}")
        dim = self.dim % rank
        if dims[dim] % 2:
            raise ShapeError(f"GLU.forward: the size along dim {self.dim} must be even, got "
                             f"{dims[dim]} (shape {dims})")
        return F.glu(x, dim)

    def display_fields(self) -> dict[str, Any]:
        return {"dim": self.dim}

    def __repr__(self) -> str:
        """Burn's default module display (GLU has no custom one): one attribute a line."""
        return f"GLU {{\n  dim: {self.dim}\n}}"
