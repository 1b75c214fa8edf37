"""`ActivationConfig` / `Activation` (Burn's ``burn::nn::activation``): an activation chosen
by configuration, so a model's config file can say ``"Relu"`` or ``{"LeakyRelu": {...}}`` and
the model builds it — the way Burn's LSTM takes its gate and cell activations.

The math lives in `pyburn.tensor.activation`; this module only picks a function and, for
`PRelu`, holds the learned slope.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from pyburn.config import EnumConfig
from pyburn.config._init_with import init_with
from pyburn.module import Module, Param
from pyburn.tensor import Device, ShapeError, Tensor
from pyburn.tensor import activation as F

from ._keyword_fields import KeywordFields
from ._types import B
from .initializer import Initializer, resolve_device
from .linear import LinearLayout
from .swiglu import SwiGlu, SwiGluConfig

__all__ = ["ActivationConfig", "Activation"]


class ActivationConfig(EnumConfig):
    """Which activation to build. Variants with settings carry Burn's defaults."""

    class Relu(EnumConfig.Variant):
        pass

    class LeakyRelu(EnumConfig.Variant):
        negative_slope: float = 0.01

    class Gelu(EnumConfig.Variant):
        pass

    class Sigmoid(EnumConfig.Variant):
        pass

    class Tanh(EnumConfig.Variant):
        pass

    class Silu(EnumConfig.Variant):
        """``x * sigmoid(x)``; also known as Swish (``ActivationConfig.Swish`` is this class)."""

    class Softplus(EnumConfig.Variant):
        beta: float = 1.0

    class Elu(EnumConfig.Variant):
        alpha: float = 1.0

    class HardSigmoid(EnumConfig.Variant):
        """``clamp(alpha * x + beta, 0, 1)``; torch.nn.Hardsigmoid is ``alpha = 1/6``."""

        alpha: float = 0.2
        beta: float = 0.5

    class Softsign(EnumConfig.Variant):
        pass

    class Selu(EnumConfig.Variant):
        pass

    class Mish(EnumConfig.Variant):
        pass

    class PRelu(EnumConfig.Variant):
        """A leaky ReLU whose slope is learned: one per channel (dim 1), or one shared."""

        num_parameters: int = 1
        alpha: float = 0.25

    class Identity(EnumConfig.Variant):
        """Passes the input through (``torch.nn.Identity``)."""

    class GeluApproximate(EnumConfig.Variant):
        """GELU's tanh approximation (``torch.nn.GELU(approximate="tanh")``)."""

    class HardSwish(EnumConfig.Variant):
        """``x * relu6(x + 3) / 6``."""

    class Celu(EnumConfig.Variant):
        alpha: float = 1.0

    class ThresholdedRelu(EnumConfig.Variant):
        """``x`` where ``x > alpha``, else 0."""

        alpha: float = 1.0

    class HardShrink(KeywordFields, EnumConfig.Variant):
        """``x`` where ``|x| > lambda``, else 0 (JSON key ``lambda``, as Burn)."""

        lambda_: float = 0.5

    class SoftShrink(KeywordFields, EnumConfig.Variant):
        """``x -+ lambda`` outside ``[-lambda, lambda]``, 0 inside."""

        lambda_: float = 0.5

    class Shrink(KeywordFields, EnumConfig.Variant):
        """``x -+ bias`` outside ``[-lambda, lambda]``, 0 inside (ONNX's Shrink)."""

        lambda_: float = 0.5
        bias: float = 0.5

    class SwiGlu(EnumConfig.Variant):
        """``silu(x W1 + b1) * (x W2 + b2)``, two `Linear` layers ``d_input -> d_output``; the
        fields are `SwiGluConfig`'s."""

        d_input: int
        d_output: int
        bias: bool = False
        initializer: Initializer = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0),
                                                               fan_out_only=False)
        layout: LinearLayout = LinearLayout.Row

    Swish: Any  # set below: an alias, not a variant of its own (one JSON name per activation)

    @classmethod
    def from_(cls, config: Any) -> "ActivationConfig":
        """Burn's ``From<XConfig> for ActivationConfig`` (``config.into()``): the variant with
        the layer config's settings, e.g. ``LeakyReluConfig(0.2)`` ->
        ``ActivationConfig.LeakyRelu(negative_slope=0.2)``. A variant is returned as is."""
        if isinstance(config, ActivationConfig):
            return config
        from . import activation_modules as m, activation_modules_extra as x
        variants: dict[type, Any] = {
            m.PReluConfig: cls.PRelu, m.LeakyReluConfig: cls.LeakyRelu, SwiGluConfig: cls.SwiGlu,
            m.HardSigmoidConfig: cls.HardSigmoid, m.SoftplusConfig: cls.Softplus,
            x.EluConfig: cls.Elu, x.CeluConfig: cls.Celu,
            x.ThresholdedReluConfig: cls.ThresholdedRelu, x.HardShrinkConfig: cls.HardShrink,
            x.SoftShrinkConfig: cls.SoftShrink, x.ShrinkConfig: cls.Shrink}
        variant = variants.get(type(config))
        if variant is None:
            raise TypeError(f"ActivationConfig.from_: expected an ActivationConfig or one of "
                            f"{', '.join(t.__name__ for t in variants)}, got "
                            f"{type(config).__name__}")
        fields = {f.name: getattr(config, f.name) for f in dataclasses.fields(config)}
        result: ActivationConfig = variant(**fields)
        return result

    def init(self, device: Device | str | None = None, backend: Any = None) -> "Activation":
        """The activation layer; only `PRelu` and `SwiGlu` have parameters, so only they need
        the device."""
        v: Any = self
        alpha = None
        if isinstance(v, ActivationConfig.SwiGlu):
            swiglu = SwiGluConfig(v.d_input, v.d_output, v.bias, v.initializer, v.layout)
            return Activation(self, swiglu=swiglu.init(device, backend))
        if isinstance(v, ActivationConfig.PRelu):
            if v.num_parameters < 1:
                raise ValueError(f"ActivationConfig.PRelu: num_parameters must be >= 1, got "
                                 f"{v.num_parameters}")
            backend, dev = resolve_device(device, backend, "ActivationConfig.init")
            alpha = Initializer.Constant(value=v.alpha).init_param([v.num_parameters], dev, backend)
        return Activation(self, alpha)

    def init_with(self, record: Any, device: Device | str | None = None,
                  backend: Any = None) -> "Activation":
        """`Config.init_with` for this enum config: PRelu's alpha from a record, never drawn."""
        module: Activation = init_with(self, record, device, backend)
        return module


ActivationConfig.Swish = ActivationConfig.Silu


class Activation(Module):
    """Applies the configured activation elementwise (`PRelu` per channel on dim 1; `SwiGlu`
    maps the last dim ``d_input -> d_output``)."""

    config: ActivationConfig
    alpha: Param[Any] | None = None
    swiglu: SwiGlu | None = None

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """Any shape -> the same shape."""
        c: Any = self.config
        if isinstance(c, ActivationConfig.Relu):
            return F.relu(x)
        if isinstance(c, ActivationConfig.LeakyRelu):
            return F.leaky_relu(x, c.negative_slope)
        if isinstance(c, ActivationConfig.Gelu):
            return F.gelu(x)
        if isinstance(c, ActivationConfig.Sigmoid):
            return F.sigmoid(x)
        if isinstance(c, ActivationConfig.Tanh):
            return F.tanh(x)
        if isinstance(c, ActivationConfig.Silu):
            return F.silu(x)
        if isinstance(c, ActivationConfig.Softplus):
            return F.softplus(x, c.beta)
        if isinstance(c, ActivationConfig.Elu):
            return F.elu(x, c.alpha)
        if isinstance(c, ActivationConfig.HardSigmoid):
            return F.hard_sigmoid(x, c.alpha, c.beta)
        if isinstance(c, ActivationConfig.Softsign):
            return F.softsign(x)
        if isinstance(c, ActivationConfig.Selu):
            return F.selu(x)
        if isinstance(c, ActivationConfig.Mish):
            return F.mish(x)
        if isinstance(c, ActivationConfig.PRelu):
            return F.prelu(x, self._slope(x))
        if isinstance(c, ActivationConfig.Identity):
            return x
        if isinstance(c, ActivationConfig.GeluApproximate):
            return F.gelu_tanh(x)
        if isinstance(c, ActivationConfig.HardSwish):
            return F.hard_swish(x)
        if isinstance(c, ActivationConfig.Celu):
            return F.celu(x, c.alpha)
        if isinstance(c, ActivationConfig.ThresholdedRelu):
            return F.thresholded_relu(x, c.alpha)
        if isinstance(c, ActivationConfig.HardShrink):
            return F.hard_shrink(x, c.lambda_)
        if isinstance(c, ActivationConfig.SoftShrink):
            return F.soft_shrink(x, c.lambda_)
        if isinstance(c, ActivationConfig.Shrink):
            return F.shrink(x, c.lambda_, c.bias)
        if isinstance(c, ActivationConfig.SwiGlu):
            assert self.swiglu is not None, "ActivationConfig.SwiGlu.init builds the layers"
            return self.swiglu.forward(x)
        raise TypeError(f"Activation.forward: unknown activation {c!r}")  # pragma: no cover

    __call__ = forward

    def _slope(self, x: Any) -> Any:
        """PRelu's alpha shaped to broadcast against `x`: ``[1, C, 1, ...]`` (torch's channel
        dim), or all ones for a single shared slope."""
        assert self.alpha is not None
        alpha = self.alpha.val()
        n = int(self.alpha.shape[0])
        rank = len(x.dims())
        if n == 1:
            return alpha.reshape([1] * max(rank, 1))
        if rank < 2 or x.dims()[1] != n:
            raise ShapeError(f"Activation.forward: PRelu with {n} parameters expects an input of "
                             f"shape [batch, {n}, ...], got {x.dims()}")
        return alpha.reshape([1, n] + [1] * (rank - 2))

    def display_fields(self) -> dict[str, Any]:
        c: Any = self.config
        fields: dict[str, Any] = {"kind": type(c).__name__}
        fields.update({f.name: getattr(c, f.name) for f in dataclasses.fields(c)})
        return fields
