"""Activation functions (Burn's ``burn::tensor::activation``), numerically stable, differentiable
on any Autodiff backend through the ops they are written with."""

from __future__ import annotations

import math
from typing import Any, TypeVar

T = TypeVar("T", bound=Any)

_SELU_ALPHA = 1.6732632423543772
_SELU_SCALE = 1.0507009873554805


def relu(x: T) -> T:
    return x.relu()


def sigmoid(x: T) -> T:
    return x.sigmoid()


def tanh(x: T) -> T:
    return x.tanh()


def gelu(x: T) -> T:
    """Exact GELU, ``x * Phi(x)`` (torch's default ``approximate='none'``)."""
    x._require_kind("gelu", type(x).kind)
    return x._new(x._ops.gelu(x._p))


def gelu_tanh(x: T) -> T:
    """GELU's tanh approximation (torch's ``approximate='tanh'``)."""
    inner = (x + x * x * x * 0.044715) * math.sqrt(2.0 / math.pi)
    return x * (inner.tanh() + 1.0) * 0.5


def silu(x: T) -> T:
    """``x * sigmoid(x)``, also called swish."""
    return x * x.sigmoid()


swish = silu


def softplus(x: T, beta: float = 1.0) -> T:
    """``log(1 + exp(beta x)) / beta`` as ``relu(bx) + log1p(exp(-|bx|))``: never overflows."""
    bx = x * beta if beta != 1.0 else x
    out = bx.relu() + (-bx.abs()).exp().log1p()
    return out / beta if beta != 1.0 else out


def log_sigmoid(x: T) -> T:
    return -softplus(-x)


def mish(x: T) -> T:
    return x * softplus(x).tanh()


def softmax(x: T, dim: int) -> T:
    """Softmax over `dim`, shifted by the (detached) max so exp never overflows."""
    shifted = x - x.max_dim(dim).detach()
    e = shifted.exp()
    return e / e.sum_dim(dim)


def log_softmax(x: T, dim: int) -> T:
    shifted = x - x.max_dim(dim).detach()
    return shifted - shifted.exp().sum_dim(dim).log()


def quiet_softmax(x: T, dim: int) -> T:
    """Softmax with an extra zero logit (attention that may attend to nothing): outputs can
    sum to less than 1. ``exp(x - m) / (exp(-m) + sum(exp(x - m)))``."""
    m = x.max_dim(dim).detach()
    e = (x - m).exp()
    return e / ((-m).exp() + e.sum_dim(dim))


def leaky_relu(x: T, negative_slope: float = 0.01) -> T:
    return x.relu() - (-x).relu() * negative_slope


def elu(x: T, alpha: float = 1.0) -> T:
    negative = (x.clamp_max(0.0).exp() - 1.0) * alpha
    return x.mask_where(x.lower_equal_elem(0.0), negative)


def selu(x: T) -> T:
    return elu(x, _SELU_ALPHA) * _SELU_SCALE


def hard_sigmoid(x: T, alpha: float = 0.2, beta: float = 0.5) -> T:
    """``clamp(alpha x + beta, 0, 1)`` (Burn's defaults alpha 0.2, beta 0.5)."""
    return (x * alpha + beta).clamp(0.0, 1.0)


def hard_swish(x: T) -> T:
    return x * (x + 3.0).clamp(0.0, 6.0) / 6.0


def softsign(x: T) -> T:
    return x / (x.abs() + 1.0)


def prelu(x: T, alpha: T) -> T:
    """Leaky ReLU with a learned slope `alpha` (broadcast against x)."""
    return x.relu() - (-x).relu() * alpha


__all__ = ["relu", "sigmoid", "tanh", "gelu", "gelu_tanh", "silu", "swish", "softplus",
           "log_sigmoid", "mish", "softmax", "log_softmax", "quiet_softmax", "leaky_relu", "elu",
           "selu", "hard_sigmoid", "hard_swish", "softsign", "prelu"]
