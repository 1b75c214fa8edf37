"""`RmsNorm` (Burn's ``burn::nn::RmsNorm``): ``x / sqrt(mean(x^2) + epsilon) * gamma`` over
the last dimension — LayerNorm without centering or shift, as ``torch.nn.RMSNorm(d_model,
eps=epsilon)``."""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.tensor import Device, Tensor

from .._types import B
from ..initializer import Initializer, resolve_device
from ._checks import check_epsilon, check_last_dim, check_positive, last_dim_shape

__all__ = ["RmsNormConfig", "RmsNorm"]


class RmsNormConfig(Config):
    """Burn's default ``epsilon`` 1e-5, which must be positive (it is the only guard against
    dividing by zero for an all-zero row)."""

    d_model: int
    epsilon: float = 1e-5

    def init(self, device: Device | str | None = None, backend: Any = None) -> "RmsNorm":
        op = "RmsNormConfig.init"
        check_positive(op, "d_model", self.d_model)
        check_epsilon(op, self.epsilon, positive=True)
        backend, dev = resolve_device(device, backend, op)
        return RmsNorm(Initializer.Ones().init_param([self.d_model], dev, backend),
                       float(self.epsilon))


class RmsNorm(Module):
    """Scales each row to unit root mean square, then by the learned ``gamma``. The statistics
    are computed in the input's own dtype (Burn widens them to f32, which only matters for
    half-precision inputs)."""

    gamma: Param[Any]
    epsilon: float = 1e-5

    @property
    def d_model(self) -> int:
        return int(self.gamma.shape[0])

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[..., d_model]`` -> the same shape."""
        dims = check_last_dim("RmsNorm", x, self.d_model)
        rms = ((x * x).mean_dim(len(dims) - 1) + self.epsilon).sqrt()
        return x / rms * self.gamma.val().reshape(last_dim_shape(len(dims), self.d_model))

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"d_model": self.d_model, "epsilon": self.epsilon}
