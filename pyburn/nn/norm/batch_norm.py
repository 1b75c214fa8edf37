"""`BatchNorm` (Burn's ``burn::nn::BatchNorm``): normalize each channel of a ``[batch,
channels, ...]`` input by its statistics over the batch and every spatial position — as
``torch.nn.BatchNorm1d/2d/3d`` in one layer for any rank >= 2.

As Burn, the mode follows the backend, not a flag: on an Autodiff backend (training) the layer
normalizes with the batch's statistics and updates its running statistics in place; on a plain
backend (``model.valid()``, inference) it normalizes with the running statistics.
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module, Param, RunningState
from pyburn.tensor import Device, ShapeError, Tensor

from .._types import B
from ..initializer import Initializer, resolve_device
from ._checks import channel_shape, check_channels, check_epsilon, check_positive

__all__ = ["BatchNormConfig", "BatchNorm"]


class BatchNormConfig(Config):
    """Burn's defaults: ``epsilon`` 1e-5, ``momentum`` 0.1 (torch's convention:
    ``running = (1 - momentum) * running + momentum * batch``)."""

    num_features: int
    epsilon: float = 1e-5
    momentum: float = 0.1

    def init(self, device: Device | str | None = None, backend: Any = None) -> "BatchNorm":
        """``gamma`` ones, ``beta`` zeros, running mean zeros and running variance ones."""
        op = "BatchNormConfig.init"
        check_positive(op, "num_features", self.num_features)
        check_epsilon(op, self.epsilon)
        if not 0.0 <= self.momentum <= 1.0:
            raise ValueError(f"{op}: momentum must be in [0, 1], got {self.momentum}")
        backend, dev = resolve_device(device, backend, op)
        n = [self.num_features]
        return BatchNorm(Initializer.Ones().init_param(n, dev, backend),
                         Initializer.Zeros().init_param(n, dev, backend),
                         RunningState(Tensor[backend].zeros(n, device=dev)),
                         RunningState(Tensor[backend].ones(n, device=dev)),
                         float(self.momentum), float(self.epsilon))


class BatchNorm(Module):
    """``(x - mean) / sqrt(var + epsilon) * gamma + beta`` per channel (dim 1).

    Training normalizes with the biased batch variance and, as torch, feeds the *unbiased* one
    into ``running_var`` (Burn feeds the biased one; torch's is the one its checkpoints hold)."""

    gamma: Param[Any]
    beta: Param[Any]
    running_mean: RunningState[Any]
    running_var: RunningState[Any]
    momentum: float = 0.1
    epsilon: float = 1e-5

    @property
    def num_features(self) -> int:
        return int(self.gamma.shape[0])

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, num_features, ...]`` -> the same shape."""
        dims = check_channels("BatchNorm", x, self.num_features)
        c = self.num_features
        if type(x).backend.is_autodiff():
            mean, var = self._batch_stats(x, dims)
        else:
            mean, var = self.running_mean.val(), self.running_var.val()
        shape = channel_shape(len(dims), c)
        out = (x - mean.reshape(shape)) / (var.reshape(shape) + self.epsilon).sqrt()
        return out * self.gamma.val().reshape(shape) + self.beta.val().reshape(shape)

    __call__ = forward

    def _batch_stats(self, x: Any, dims: list[int]) -> tuple[Any, Any]:
        """The batch's mean and biased variance per channel (tracked: the gradient flows
        through them, as torch's training mode), after updating the running statistics."""
        c = self.num_features
        n = x.shape.num_elements() // c
        if n < 2:
            raise ShapeError(f"BatchNorm.forward: training needs more than 1 value per channel "
                             f"to estimate a variance, got shape {dims}")
        flat = x.swap_dims(0, 1).reshape([c, n])
        var, mean = flat.var_mean_bias(1)
        mean, var = mean.reshape([c]), var.reshape([c])
        m = self.momentum
        batch_mean, batch_var = mean.detach(), var.detach() * (n / (n - 1))
        self.running_mean.update(self.running_mean.val() * (1.0 - m) + batch_mean * m)
        self.running_var.update(self.running_var.val() * (1.0 - m) + batch_var * m)
        return mean, var

    def display_fields(self) -> dict[str, Any]:
        return {"num_features": self.num_features, "momentum": self.momentum,
                "epsilon": self.epsilon}
