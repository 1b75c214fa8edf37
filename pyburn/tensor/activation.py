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
    """``log(1 + exp(beta x)) / beta``, which never overflows, with gradient ``sigmoid(beta x)``
    everywhere (0.5 at 0).

    With ``p = max(z, 0)`` and ``n = min(z, 0)`` (``z = beta x``), softplus is
    ``p + log1p((exp(-p) - 1) + exp(n))``: no exp of a positive number, and ``exp(n)`` keeps full
    precision for very negative z. ``p`` and ``n`` have kinks at 0 that cancel only if both take
    the same side there: relu's gradient at 0 is 0 and clamp_max's (its bound included) is 1, both
    the left-hand derivatives, so the sum's gradient at 0 is the true 0.5. The usual
    ``relu(z) + log1p(exp(-|z|))`` gives 0 there (relu and abs each take 0)."""
    z = x * beta if beta != 1.0 else x
    positive, negative = z.relu(), z.clamp_max(0.0)
    out = positive + ((-positive).exp() - 1.0 + negative.exp()).log1p()
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
    sum to less than 1. ``exp(x - m) / (exp(-m) + sum(exp(x - m)))`` with ``m`` the max of x and
    0, so that a row masked out entirely (all ``-inf``) gives 0, not ``exp(-inf - -inf) = NaN``."""
    m = x.max_dim(dim).clamp_min(0.0).detach()  # the max over x and the extra zero logit
    e = (x - m).exp()
    return e / ((-m).exp() + e.sum_dim(dim))


def leaky_relu(x: T, negative_slope: float = 0.01) -> T:
    """``x`` where ``x >= 0``, else ``negative_slope * x``. As Burn (a mask on ``x < 0``), the
    gradient at 0 is 1 (torch takes the slope)."""
    return x.mask_where(x.lower_elem(0.0), x * negative_slope)


def _expm1_nonpositive(x: T) -> T:
    """``exp(x) - 1`` for ``x <= 0`` without the cancellation near 0 (``exp(-1e-300) - 1`` is 0).
    On [-1, 0] it is ``2 t / (1 - t)`` with ``t = tanh(x / 2)`` (no cancellation, and neither in
    its gradient); below -1, ``exp(x) - 1`` is exact enough and its gradient ``exp(x)`` keeps
    full precision where ``tanh(x / 2)`` has rounded to -1."""
    t = (x.clamp_min(-1.0) * 0.5).tanh()
    near = t * 2.0 / (1.0 - t)
    return near.mask_where(x.lower_elem(-1.0), x.exp() - 1.0)


def elu(x: T, alpha: float = 1.0) -> T:
    """As Burn, ``x <= 0`` takes the exponential branch, so the gradient at 0 is `alpha`. The
    branch reads ``min(x, 0)``: its ``exp`` never overflows, so the masked-out side cannot turn
    the gradient into ``0 * inf = NaN``."""
    negative = _expm1_nonpositive(x.clamp_max(0.0)) * alpha
    return x.mask_where(x.lower_equal_elem(0.0), negative)


def selu(x: T) -> T:
    """``scale * elu(x, alpha)`` except at 0: as Burn (a mask on ``x >= 0``), the gradient there
    is `scale`, the right-hand derivative (torch takes the left one, ``scale * alpha``)."""
    negative = _expm1_nonpositive(x.clamp_max(0.0)) * (_SELU_ALPHA * _SELU_SCALE)
    return (x * _SELU_SCALE).mask_where(x.lower_elem(0.0), negative)


def hard_sigmoid(x: T, alpha: float = 0.2, beta: float = 0.5) -> T:
    """``clamp(alpha x + beta, 0, 1)`` (Burn's defaults alpha 0.2, beta 0.5)."""
    return (x * alpha + beta).clamp(0.0, 1.0)


def hard_swish(x: T) -> T:
    return x * (x + 3.0).clamp(0.0, 6.0) / 6.0


def softsign(x: T) -> T:
    return x / (x.abs() + 1.0)


def prelu(x: T, alpha: T) -> T:
    """Leaky ReLU with a learned slope `alpha` (broadcast against x); as `leaky_relu` (and
    Burn), the gradient at 0 is 1 for x and 0 for alpha. One weight, or one per channel (dim 1)."""
    channels = x.shape[1] if x.rank > 1 else 1
    if alpha.rank == 1 and alpha.shape[0] not in (1, channels):
        from .errors import ShapeError
        raise ShapeError(f"prelu: {alpha.shape[0]} weights for {channels} channels (input shape "
                         f"{list(x.shape)})")
    return x.mask_where(x.lower_elem(0.0), x * alpha)


def celu(x: T, alpha: float = 1.0) -> T:
    """``max(0, x) + min(0, alpha (exp(x / alpha) - 1))``: ELU with a slope-continuous knee."""
    negative = _expm1_nonpositive((x / alpha).clamp_max(0.0)) * alpha
    return x.mask_where(x.lower_equal_elem(0.0), negative)


def glu(x: T, dim: int) -> T:
    """Gated linear unit: the first half of `dim` times the sigmoid of the second half."""
    n = x.shape[dim]
    if n % 2:
        from .errors import ShapeError
        raise ShapeError(f"glu: dim {dim} must have an even size, got {n}")
    return x.narrow(dim, 0, n // 2) * x.narrow(dim, n // 2, n // 2).sigmoid()


def hardtanh(x: T, min_val: float = -1.0, max_val: float = 1.0) -> T:
    return x.clamp(min_val, max_val)


def relu6(x: T) -> T:
    return x.clamp(0.0, 6.0)


def softmin(x: T, dim: int) -> T:
    """``softmax(-x)``: weights the smallest values most."""
    return softmax(-x, dim)


def threshold(x: T, threshold: float, value: float) -> T:
    """`x` where ``x > threshold``, `value` elsewhere (torch's ``F.threshold``)."""
    return x.mask_fill(x.lower_equal_elem(threshold), value)


def thresholded_relu(x: T, alpha: float = 1.0) -> T:
    """`x` where ``x > alpha``, 0 elsewhere (ONNX's ThresholdedRelu)."""
    return x.mask_fill(x.lower_equal_elem(alpha), 0.0)


def tanhshrink(x: T) -> T:
    return x - x.tanh()


def hard_shrink(x: T, lambda_: float = 0.5) -> T:
    """`x` where ``|x| > lambda_``, 0 elsewhere (``torch.nn.Hardshrink``); at ``|x| == lambda_``
    both the value and the gradient are 0, as in Burn and torch."""
    return x.mask_fill(x.abs().lower_equal_elem(lambda_), 0.0)


def shrink(x: T, lambda_: float = 0.5, bias: float = 0.5) -> T:
    """``x - bias`` where ``x > lambda_``, ``x + bias`` where ``x < -lambda_``, 0 elsewhere
    (ONNX's Shrink, whose `bias` need not equal `lambda_`). The sign carries no gradient, so the
    gradient is 1 outside the dead zone and 0 in it, its edges included."""
    return (x - x.sign() * bias).mask_fill(x.abs().lower_equal_elem(lambda_), 0.0)


def soft_shrink(x: T, lambda_: float = 0.5) -> T:
    """`shrink` with ``bias == lambda_`` (``torch.nn.Softshrink``): continuous at the edges."""
    return shrink(x, lambda_, lambda_)


__all__ = ["relu", "sigmoid", "tanh", "gelu", "gelu_tanh", "silu", "swish", "softplus",
           "log_sigmoid", "mish", "softmax", "log_softmax", "quiet_softmax", "leaky_relu", "elu",
           "selu", "hard_sigmoid", "hard_swish", "softsign", "prelu", "celu", "glu", "hardtanh",
           "relu6", "softmin", "threshold", "thresholded_relu", "tanhshrink", "hard_shrink",
           "shrink", "soft_shrink"]
