"""`LayerNorm` (Burn's ``burn::nn::LayerNorm``): normalize the last dimension, then scale and
shift it by learned ``gamma`` and ``beta`` — as ``torch.nn.LayerNorm(d_model)``."""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.tensor import Device, Tensor
from pyburn.tensor.module_ops.layer_norm import layer_norm

from .._types import B
from ..initializer import Initializer, resolve_device
from ._checks import check_epsilon, check_last_dim, check_positive

__all__ = ["LayerNormConfig", "LayerNorm"]


class LayerNormConfig(Config):
    """`epsilon` keeps the division finite for constant inputs; `bias` adds ``beta``."""

    d_model: int
    epsilon: float = 1e-5
    bias: bool = True

    def init(self, device: Device | str | None = None, backend: Any = None) -> "LayerNorm":
        """``gamma`` starts at ones and ``beta`` at zeros, so a fresh layer only normalizes."""
        check_positive("LayerNormConfig.init", "d_model", self.d_model)
        check_epsilon("LayerNormConfig.init", self.epsilon)
        backend, dev = resolve_device(device, backend, "LayerNormConfig.init")
        gamma = Initializer.Ones().init_param([self.d_model], dev, backend)
        beta = Initializer.Zeros().init_param([self.d_model], dev, backend) if self.bias else None
        return LayerNorm(gamma, beta, float(self.epsilon))


class LayerNorm(Module):
    """``(x - mean) / sqrt(var + epsilon) * gamma + beta`` over the last dimension, with the
    biased (population) variance, as PyTorch and Burn."""

    gamma: Param[Any]
    beta: Param[Any] | None = None
    epsilon: float = 1e-5

    @property
    def d_model(self) -> int:
        return int(self.gamma.shape[0])

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[..., d_model]`` -> ``[..., d_model]``."""
        check_last_dim("LayerNorm", x, self.d_model)
        # One fused op (forward and backward), not a dozen small ones on the tape.
        beta = self.beta.val() if self.beta is not None else None
        out: Tensor[B] = layer_norm.apply(x, self.gamma.val(), beta, epsilon=self.epsilon)
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"d_model": self.d_model, "epsilon": self.epsilon, "bias": self.beta is not None}
