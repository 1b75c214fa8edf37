"""Gradients where formulas break, on every Autodiff row, against torch autograd in float64.

test_gradients.py checks every backward by finite differences *away* from trouble. This suite
goes to the trouble: 0 and -0, ±tiny (1e-300), ±1, ±50 and ±1e4 (where exp, softplus, sigmoid
and softmax overflow), ±inf and NaN, kinks (relu, abs, clamp bounds) and ties (max/min pairs,
max_dim, sort, duplicate indices, mask_where). Binary ops run on every pair of those values.

Each row of `TABLE` states an op once with its torch twin. The forward value and the gradient of
``sum(out * r)`` (random cotangent r) must equal torch's, NaN for NaN and inf for inf. Where
pyburn follows Burn and Burn's choice at a tie or kink differs from torch's, the row carries an
explicit `expect` (the gradient Burn's rule gives, written in NumPy) and says `why`: nothing is
skipped. docs/autodiff.md states the resulting conventions and the NaN/inf policy.

`test_every_differentiable_op_has_special_points` fails when an op is added to the Autodiff
backend without a row here (each row names the ops it checks, and must really run them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pytest

from gradcheck import differentiable_ops, first_output, float_positions, make_tensor, traced_ops
from pyburn import Tensor, activation

torch = pytest.importorskip("torch")
F = torch.nn.functional

INF, NAN, TINY = np.inf, np.nan, 1e-300
FINITE = np.array([0.0, -0.0, TINY, -TINY, 1.0, -1.0, 50.0, -50.0, 1e4, -1e4])
SPECIAL = np.concatenate([FINITE, [INF, -INF, NAN]])


def pairs(values: np.ndarray = SPECIAL) -> tuple[np.ndarray, np.ndarray]:
    """Every (x, y) pair of `values`, as two flat arrays: the diagonal holds the ties."""
    x, y = np.meshgrid(values, values, indexing="ij")
    return x.ravel().copy(), y.ravel().copy()


def with_values(*extra: float) -> np.ndarray:
    return np.concatenate([SPECIAL, extra])


def idx(values: Any) -> np.ndarray:
    return np.asarray(values, dtype=np.int64)


def mask(values: Any) -> np.ndarray:
    return np.asarray(values, dtype=bool)


# Rows of a matrix, each a trouble spot for softmax-like ops and reductions.
ROWS = np.array([
    [0.0, 0.0, 0.0],          # all tied
    [1e4, -1e4, 0.0],         # exp overflows / underflows
    [-1e4, -1e4, -1e4],       # every exp underflows unless shifted
    [50.0, 50.0, -50.0],      # a tie at the max
    [TINY, -TINY, 0.0],
    [INF, 0.0, 1.0],
    [-INF, 0.0, 1.0],         # a masked-out logit (attention masks)
    [NAN, 0.0, 1.0],
    [-INF, -INF, -INF],       # everything masked out
])
FINITE_ROWS = ROWS[:5]
# Products: zeros (one, two), tiny, huge, and the non-finite values.
PROD_ROWS = np.array([
    [2.0, 0.0, 3.0], [0.0, 0.0, 3.0], [TINY, TINY, 1e4], [1e4, -1e4, 50.0],
    [INF, 2.0, 1.0], [INF, 0.0, 1.0], [NAN, 0.0, 1.0], [-0.0, 5.0, -2.0],
])
# Ties (first of several equal maxima/minima), signed zeros, and non-finite values per row.
TIE_ROWS = np.array([
    [1.0, 3.0, 3.0, -1.0], [2.0, 2.0, 2.0, 2.0], [0.0, -0.0, -1.0, -0.0],
    [-INF, -INF, 5.0, 5.0], [INF, 1.0, INF, NAN], [NAN, 1.0, NAN, 2.0],
])


# --- the conventions where pyburn (as Burn) and torch differ: explicit expected gradients ---------
def first_index_scatter(r: np.ndarray, x: np.ndarray, dim: int, pick: Callable[..., Any]) -> np.ndarray:
    """The gradient of a max/min over `dim` that sends it to the first extremum (NaN counts as
    the extremum, as NumPy's and torch's argmax do)."""
    index = np.expand_dims(pick(x, axis=dim), dim)
    grad = np.zeros_like(x)
    np.put_along_axis(grad, index, np.broadcast_to(r, index.shape), axis=dim)
    return grad


def _max_dim_expect(r: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, ...]:
    return (first_index_scatter(r, x, 1, np.argmax),)


def _min_dim_expect(r: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, ...]:
    return (first_index_scatter(r, x, 0, np.argmin),)


def _max_min_expect(r: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, ...]:
    flat = x.ravel()
    grad = np.zeros_like(flat)
    grad[np.argmax(flat)] += r[0]
    grad[np.argmin(flat)] += r[0]
    return (grad.reshape(x.shape),)


def _max_pair_expect(r: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, ...]:
    to_y = x < y                      # Burn: x.mask_where(x.lower(y), y)
    return np.where(to_y, 0.0, r), np.where(to_y, r, 0.0)


def _min_pair_expect(r: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, ...]:
    to_y = x > y                      # Burn: x.mask_where(y.lower(x), y)
    return np.where(to_y, 0.0, r), np.where(to_y, r, 0.0)


def _clamp_expect(lo: float | None, hi: float | None) -> Callable[..., tuple[np.ndarray, ...]]:
    def expect(r: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, ...]:
        with np.errstate(invalid="ignore"):
            out = (x < lo) if lo is not None else np.zeros(x.shape, bool)
            out |= (x > hi) if hi is not None else False
        return (np.where(out, 0.0, r),)   # Burn: mask_fill where x < min or x > max
    return expect


def _leaky_relu_expect(r: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, ...]:
    return (r * np.where(x < 0.0, 0.1, 1.0),)   # Burn: mask x < 0; NaN takes the x side


def _prelu_expect(r: np.ndarray, x: np.ndarray, a: np.ndarray) -> tuple[np.ndarray, ...]:
    negative = x < 0.0
    # alpha's gradient is (r masked to x < 0) * x: the discarded +inf and NaN rows still multiply
    # it (0 * inf, 0 * NaN), as with any mask_where/torch.where branch (docs/autodiff.md).
    return r * np.where(negative, a, 1.0), (np.where(negative, r, 0.0) * x).sum(0)


def _remainder_expect(r: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, ...]:
    return r, -np.floor(x / y) * r    # Burn's rule for d/dy: -floor(x / y)


def _abs_expect(r: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, ...]:
    return (r * np.sign(x),)          # Burn: grad * sign(x); sign(NaN) is NaN


def _hard_swish_expect(r: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, ...]:
    inner = (2.0 * x + 3.0) / 6.0     # x * hard_sigmoid(x): its clamp keeps the bounds
    return (r * np.where(x < -3.0, 0.0, np.where(x > 3.0, 1.0, inner)),)


_SELU_ALPHA, _SELU_SCALE = 1.6732632423543772, 1.0507009873554805


def _selu_expect(r: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, ...]:
    with np.errstate(over="ignore", invalid="ignore"):
        left = _SELU_SCALE * _SELU_ALPHA * np.exp(np.minimum(x, 0.0))
    local = np.where(x < 0.0, left, _SELU_SCALE)   # Burn: mask x >= 0 takes the right side
    return (r * np.where(np.isnan(x), NAN, local),)  # the masked-out branch reads a NaN input


@dataclass(frozen=True)
class Point:
    name: str
    ops: tuple[str, ...]          # the Autodiff ops whose special points this row checks
    fn: Callable[..., Any]        # pyburn
    ref: Callable[..., Any]       # torch: the value, and the gradient unless `expect` is given
    args: tuple[Any, ...]
    expect: Callable[..., tuple[np.ndarray, ...]] | None = None  # (r, *args) -> float args' grads
    why: str = ""                 # Burn's rule where it differs from torch
    rtol: float = 1e-12


def point(name: str, ops: str, fn: Callable[..., Any], ref: Callable[..., Any], *args: Any,
          expect: Callable[..., tuple[np.ndarray, ...]] | None = None, why: str = "",
          rtol: float = 1e-12) -> Point:
    assert (expect is None) == (not why), f"{name}: an `expect` needs a `why`, and only it"
    return Point(name, tuple("float_" + o for o in ops.split()), fn, ref, args, expect, why, rtol)


def nan_at_nan(grad: Callable[[Any], Any]) -> Callable[..., tuple[np.ndarray, ...]]:
    """torch's gradient, NaN where the input is NaN: a mask_where branch that the forward
    discards still reads the NaN (its gradient is 0 * NaN), in pyburn as in Burn."""
    def expect(r: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, ...]:
        t = torch.from_numpy(x.copy()).requires_grad_()
        grad(t).backward(torch.from_numpy(r))
        return (np.where(np.isnan(x), NAN, t.grad.numpy()),)
    return expect


NAN_BRANCH = ("at a NaN input the gradient is NaN: the discarded branch reads the NaN "
              "(0 * NaN), as in Burn; torch's fused kernel passes r")


def _shrink_expect(ref: Callable[[Any, float], Any]) -> Callable[..., tuple[np.ndarray, ...]]:
    """torch's shrink gradient (0 in the dead zone [-0.5, 0.5], r outside), but r at NaN."""
    def expect(r: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, ...]:
        t = torch.from_numpy(x.copy()).requires_grad_()
        ref(t, 0.5).backward(torch.from_numpy(r))
        return (np.where(np.isnan(x), r, t.grad.numpy()),)
    return expect


SHRINK_NAN = ("Burn zeroes the dead zone with a mask on |x| <= lambda, which NaN fails, so the "
              "gradient r passes at NaN (as threshold's); torch's kernel gives 0 there")


PX, PY = pairs()
FX, FY = pairs(FINITE)
POW_BASE, POW_EXP = pairs(np.array([0.0, -0.0, TINY, 0.5, 1.0, 2.0, -1.0, -2.0, 50.0, INF, -INF, NAN]))
POW_EXP = np.where(np.isin(POW_EXP, [TINY]), 2.5, POW_EXP)  # a non-integer exponent
REM_X, REM_Y = pairs(np.array([0.0, -0.0, TINY, -TINY, 1.0, -1.0, 2.5, -3.0, 1e4, INF, -INF, NAN]))
IDX = idx([[0, 2, 2], [1, 1, 1], [2, 0, 0]])  # duplicates: their gradients add up

_AT = ~((FX == 0) & (FY == 0))      # atan2's gradient at the origin is 0/0
ATAN2_POINTS = (FX[_AT], FY[_AT])

TABLE: list[Point] = [
    # arithmetic, on every pair of special values (0 * inf, inf - inf, x / 0, 0 / 0, ...)
    point("add", "add", lambda x, y: x + y, lambda x, y: x + y, PX, PY),
    point("sub", "sub", lambda x, y: x - y, lambda x, y: x - y, PX, PY),
    point("mul", "mul", lambda x, y: x * y, lambda x, y: x * y, PX, PY),
    point("div", "div", lambda x, y: x / y, lambda x, y: x / y, PX, PY),
    point("remainder", "remainder", lambda x, y: x % y, torch.remainder, REM_X, REM_Y,
          expect=_remainder_expect, why="d/dy is Burn's -floor(x / y); it differs from torch's "
          "only at y = ±inf or x = ±inf, where torch uses Python's floor division (-1 for "
          "1 // -inf, NaN for inf // 1)"),
    point("powf", "powf", lambda x, y: x.powf(y), torch.pow, POW_BASE, POW_EXP),
    point("rpow", "powf", lambda x: 2.0 ** x, lambda x: 2.0 ** x, SPECIAL),
    point("max_pair", "max_pair", lambda x, y: x.max_pair(y), torch.maximum, PX, PY,
          expect=_max_pair_expect, why="a tie goes to x (Burn's max_pair masks x < y); torch "
          "splits it in halves"),
    point("min_pair", "min_pair", lambda x, y: x.min_pair(y), torch.minimum, PX, PY,
          expect=_min_pair_expect, why="a tie goes to x (Burn's min_pair masks y < x); torch "
          "splits it in halves"),
    point("matmul", "matmul", lambda x, y: x @ y, torch.matmul,
          np.array([[0.0, INF, 1.0], [1e4, -1e4, TINY], [NAN, 1.0, 0.0]]),
          np.array([[1.0, 0.0], [0.0, 2.0], [-INF, 1e4]])),
    point("matmul_finite", "matmul", lambda x, y: x @ y, torch.matmul,
          np.array([[0.0, 1e4, -1e4], [TINY, 50.0, -0.0]]), np.array([[1e4, 0.0], [-1e4, TINY], [1.0, -1.0]])),
    # with a scalar
    point("add_scalar", "add_scalar", lambda x: x + 1.5, lambda x: x + 1.5, SPECIAL),
    point("sub_scalar", "sub_scalar", lambda x: x - 1e4, lambda x: x - 1e4, SPECIAL),
    point("mul_scalar", "mul_scalar", lambda x: x * -2.5, lambda x: x * -2.5, SPECIAL),
    point("mul_scalar_zero", "mul_scalar", lambda x: x * 0.0, lambda x: x * 0.0, SPECIAL),
    point("div_scalar", "div_scalar", lambda x: x / 4.0, lambda x: x / 4.0, SPECIAL),
    point("div_scalar_zero", "div_scalar", lambda x: x / 0.0, lambda x: x / 0.0, SPECIAL),
    point("remainder_scalar", "remainder_scalar", lambda x: x % 1.0, lambda x: torch.remainder(x, 1.0),
          with_values(2.0, -3.0, 0.5)),
    point("remainder_scalar_negative", "remainder_scalar", lambda x: x % -1.5,
          lambda x: torch.remainder(x, -1.5), with_values(3.0, -1.5, 0.75)),
    point("powf_scalar_0", "powf_scalar", lambda x: x.powf_scalar(0.0), lambda x: x ** 0.0, SPECIAL),
    # torch's scalar x ** -0.5 is 1 / sqrt(x): -inf at -0 and NaN at -inf, where IEEE pow (NumPy,
    # torch's tensor pow) gives +inf and 0. Those two points of 0.5 are in the "powf" row.
    point("powf_scalar_half", "powf_scalar", lambda x: x.powf_scalar(0.5), lambda x: x ** 0.5,
          SPECIAL[~np.isin(SPECIAL, [-INF]) & ~((SPECIAL == 0.0) & np.signbit(SPECIAL))]),
    point("powf_scalar_1", "powf_scalar", lambda x: x.powf_scalar(1.0), lambda x: x ** 1.0, SPECIAL),
    point("powf_scalar_2", "powf_scalar", lambda x: x.powf_scalar(2.0), lambda x: x ** 2.0, SPECIAL),
    point("powf_scalar_3", "powf_scalar", lambda x: x ** 3, lambda x: x ** 3, SPECIAL),
    point("powf_scalar_2.5", "powf_scalar", lambda x: x.powf_scalar(2.5), lambda x: x ** 2.5, SPECIAL),
    point("powf_scalar_-1", "powf_scalar", lambda x: x.powf_scalar(-1.0), lambda x: x ** -1.0, SPECIAL),
    point("clamp", "clamp", lambda x: x.clamp(-1.0, 1.0), lambda x: x.clamp(-1.0, 1.0), SPECIAL,
          expect=_clamp_expect(-1.0, 1.0), why="the gradient passes unless x < min or x > max "
          "(Burn's mask_fill), so a NaN input passes it; torch keeps it only where "
          "min <= x <= max, false for NaN (both pass it at the bounds)"),
    point("clamp_min", "clamp", lambda x: x.clamp_min(0.0), lambda x: x.clamp_min(0.0), SPECIAL,
          expect=_clamp_expect(0.0, None), why="as clamp"),
    point("clamp_max", "clamp", lambda x: x.clamp_max(0.0), lambda x: x.clamp_max(0.0), SPECIAL,
          expect=_clamp_expect(None, 0.0), why="as clamp"),
    point("neg", "neg", lambda x: -x, lambda x: -x, SPECIAL),
    # unary math
    point("exp", "exp", lambda x: x.exp(), torch.exp, SPECIAL),
    point("log", "log", lambda x: x.log(), torch.log, SPECIAL),
    point("log1p", "log1p", lambda x: x.log1p(), torch.log1p, with_values(-1.0 + 1e-12, -1.0 - 1e-12)),
    point("erf", "erf", lambda x: x.erf(), torch.erf, with_values(3.0, -6.0, 30.0)),
    point("sqrt", "sqrt", lambda x: x.sqrt(), torch.sqrt, SPECIAL),
    point("recip", "recip", lambda x: x.recip(), torch.reciprocal, SPECIAL),
    point("abs", "abs", lambda x: x.abs(), torch.abs, SPECIAL, expect=_abs_expect,
          why="Burn's grad * sign(x): 0 at 0 as torch, NaN at NaN (torch's sgn gives 0)"),
    point("cos", "cos", lambda x: x.cos(), torch.cos, with_values(np.pi, np.pi / 2)),
    point("sin", "sin", lambda x: x.sin(), torch.sin, with_values(np.pi, np.pi / 2)),
    point("tan", "tan", lambda x: x.tan(), torch.tan, with_values(np.pi / 2, np.pi)),
    point("sinh", "sinh", lambda x: x.sinh(), torch.sinh, with_values(800.0, -800.0)),
    point("cosh", "cosh", lambda x: x.cosh(), torch.cosh, with_values(800.0, -800.0)),
    point("asin", "asin", lambda x: x.asin(), torch.asin, with_values(1.0, -1.0, 0.5)),
    point("acos", "acos", lambda x: x.acos(), torch.acos, with_values(1.0, -1.0, 0.5)),
    point("atan", "atan", lambda x: x.atan(), torch.atan, with_values(1e200, -1e200)),
    point("asinh", "asinh", lambda x: x.asinh(), torch.asinh, with_values(1e200, -1e200)),
    point("acosh", "acosh", lambda x: x.acosh(), torch.acosh, with_values(1.0, 2.0, 1e200)),
    point("atanh", "atanh", lambda x: x.atanh(), torch.atanh, with_values(1.0, -1.0, 0.5)),
    point("atan2", "atan2", lambda y, x: y.atan2(x), torch.atan2, *ATAN2_POINTS),
    point("tanh", "tanh", lambda x: x.tanh(), torch.tanh, with_values(20.0, -20.0, 400.0)),
    point("relu", "relu", lambda x: x.relu(), torch.relu, SPECIAL),
    point("sigmoid", "sigmoid", lambda x: x.sigmoid(), torch.sigmoid, with_values(40.0, -40.0, 800.0, -800.0)),
    # dtype and device
    point("cast", "cast", lambda x: x.cast("float32").cast("float64"),
          lambda x: x.to(torch.float32).to(torch.float64), with_values(1e39, 1e-46, 0.1)),
    point("to_device", "to_device", lambda x: x.to_device(x.device), lambda x: x * 1.0, SPECIAL),
    # layout: non-finite values and ties must travel, not leak into other positions
    point("reshape", "reshape", lambda x: x.reshape([13, 1]), lambda x: x.reshape(13, 1), SPECIAL),
    point("permute", "permute", lambda x: x.permute([1, 0]), lambda x: x.permute(1, 0), ROWS),
    point("expand", "expand", lambda x: x.expand([4, 13]), lambda x: x.expand(4, 13), SPECIAL.reshape(1, 13)),
    point("flip", "flip", lambda x: x.flip([0, 1]), lambda x: x.flip(0, 1), ROWS),
    point("slice", "slice", lambda x: x[1:7, ::2], lambda x: x[1:7, ::2], ROWS),
    point("slice_assign", "slice_assign", lambda x, v: x.slice_assign([(0, 2), (1, 3)], v),
          lambda x, v: torch.cat([torch.cat([x[:2, :1], v], 1), x[2:, :3]], 0), ROWS[:, :3],
          np.array([[NAN, INF], [0.0, -INF]])),
    point("cat", "cat", lambda x, y: Tensor.cat([x, y], 0), lambda x, y: torch.cat([x, y], 0),
          ROWS, FINITE_ROWS),
    point("repeat_dim", "repeat_dim", lambda x: x.repeat_dim(1, 2), lambda x: x.repeat(1, 2), ROWS),
    point("gather", "gather", lambda x, i: x.gather(1, i), lambda x, i: torch.gather(x, 1, i),
          ROWS[5:8], IDX),
    point("scatter", "scatter", lambda x, i, v: x.scatter(1, i, v), lambda x, i, v: x.scatter_add(1, i, v),
          ROWS[5:8], IDX, ROWS[:3]),
    point("select", "select", lambda x, i: x.select(0, i), lambda x, i: torch.index_select(x, 0, i),
          ROWS, idx([5, 7, 5, 0])),
    point("select_assign", "select_assign", lambda x, i, v: x.select_assign(1, i, v),
          lambda x, i, v: x.index_add(1, i, v), ROWS, idx([2, 0, 2]), ROWS[::-1].copy()),
    point("mask_where", "mask_where", lambda x, m, v: x.mask_where(m, v), lambda x, m, v: torch.where(m, v, x),
          PX.reshape(13, 13), np.eye(13, dtype=bool) | (np.arange(13) % 2 == 0), PY.reshape(13, 13)),
    point("mask_fill", "mask_fill", lambda x, m: x.mask_fill(m, NAN), lambda x, m: x.masked_fill(m, NAN),
          ROWS, np.isnan(ROWS) | (ROWS == 0.0)),
    # reductions
    point("sum", "sum", lambda x: x.sum(), lambda x: x.sum().reshape(1), FINITE),
    point("sum_nonfinite", "sum", lambda x: x.sum(), lambda x: x.sum().reshape(1), SPECIAL),
    point("sum_dim", "sum_dim", lambda x: x.sum_dim(1), lambda x: x.sum(1, keepdim=True), ROWS),
    point("mean_dim", "mean_dim", lambda x: x.mean_dim(1), lambda x: x.mean(1, keepdim=True), ROWS),
    point("prod", "prod", lambda x: x.prod(), lambda x: x.prod().reshape(1), PROD_ROWS[:2]),
    point("prod_one_zero", "prod", lambda x: x.prod(), lambda x: x.prod().reshape(1), PROD_ROWS[0]),
    point("prod_dim", "prod_dim", lambda x: x.prod_dim(1), lambda x: x.prod(1, keepdim=True), PROD_ROWS),
    point("max_dim", "max_dim", lambda x: x.max_dim(1), lambda x: x.max(1, keepdim=True).values, TIE_ROWS,
          expect=_max_dim_expect, why="the first maximum of a slice gets the gradient (Burn scatters "
          "it at argmax); torch's max(dim) also picks one, but not necessarily the first"),
    point("min_dim", "min_dim", lambda x: x.min_dim(0), lambda x: x.min(0, keepdim=True).values, TIE_ROWS,
          expect=_min_dim_expect, why="as max_dim, at the first minimum"),
    point("max_min", "max_dim min_dim", lambda x: x.max() + x.min(),
          lambda x: (x.max() + x.min()).reshape(1), TIE_ROWS[:3], expect=_max_min_expect,
          why="max() is max_dim over the flattened tensor (as Burn): the first maximum gets it "
          "all; torch's max() shares it evenly between tied maxima"),
    point("cumsum", "cumsum", lambda x: x.cumsum(1), lambda x: x.cumsum(1), ROWS),
    point("sort", "sort", lambda x: x.sort(1), lambda x: torch.sort(x, dim=1, stable=True).values, TIE_ROWS),
    point("sort_descending", "sort", lambda x: x.sort(0, descending=True),
          lambda x: torch.sort(x, dim=0, descending=True, stable=True).values, TIE_ROWS),
    point("topk", "gather slice", lambda x: x.topk(2, dim=1),
          lambda x: torch.sort(x, dim=1, descending=True, stable=True).values[:, :2], TIE_ROWS),
] + [
    # every activation
    point("activation.relu", "relu", activation.relu, torch.relu, SPECIAL),
    point("activation.sigmoid", "sigmoid", activation.sigmoid, torch.sigmoid, SPECIAL),
    point("activation.tanh", "tanh", activation.tanh, torch.tanh, SPECIAL),
    point("activation.gelu", "erf mul", activation.gelu, F.gelu, with_values(-8.0, -40.0)),
    point("activation.gelu_tanh", "tanh mul", activation.gelu_tanh,
          lambda x: F.gelu(x, approximate="tanh"), with_values(-8.0, 8.0)),
    point("activation.silu", "sigmoid mul", activation.silu, F.silu, with_values(-40.0, -800.0)),
    point("activation.swish", "sigmoid mul", activation.swish, F.silu, SPECIAL),
    point("activation.softplus", "relu clamp exp log1p", activation.softplus, F.softplus,
          with_values(-40.0, -800.0, 15.0)),
    point("activation.softplus_beta", "relu clamp exp log1p", lambda x: activation.softplus(x, 2.0),
          lambda x: F.softplus(x, beta=2.0), with_values(-20.0, -400.0, 7.5)),
    point("activation.log_sigmoid", "relu clamp exp log1p", activation.log_sigmoid, F.logsigmoid,
          with_values(-40.0, 40.0, 800.0, -15.0)),
    point("activation.mish", "relu clamp exp log1p tanh", activation.mish, F.mish,
          with_values(-40.0, 15.0)),
    point("activation.softmax", "exp div sum_dim", lambda x: activation.softmax(x, 1),
          lambda x: torch.softmax(x, 1), ROWS),
    point("activation.log_softmax", "exp log sum_dim", lambda x: activation.log_softmax(x, 1),
          lambda x: torch.log_softmax(x, 1), ROWS),
    point("activation.quiet_softmax", "exp div sum_dim", lambda x: activation.quiet_softmax(x, 1),
          lambda x: torch.softmax(torch.cat([x, torch.zeros(len(x), 1, dtype=x.dtype)], 1), 1)[:, :-1],
          ROWS),
    point("activation.leaky_relu", "mask_where", lambda x: activation.leaky_relu(x, 0.1),
          lambda x: F.leaky_relu(x, 0.1), SPECIAL, expect=_leaky_relu_expect,
          why="at 0 the gradient is 1 (Burn masks x < 0); torch takes the slope"),
    point("activation.elu", "mask_where tanh exp", activation.elu, F.elu, SPECIAL,
          expect=nan_at_nan(F.elu), why=NAN_BRANCH),
    point("activation.elu_alpha", "mask_where tanh exp", lambda x: activation.elu(x, 0.5),
          lambda x: F.elu(x, 0.5), SPECIAL, expect=nan_at_nan(lambda x: F.elu(x, 0.5)), why=NAN_BRANCH),
    point("activation.selu", "mask_where tanh exp", activation.selu, F.selu, SPECIAL, expect=_selu_expect,
          why="at 0 the gradient is scale (Burn's selu masks x >= 0), the right-hand derivative; "
          "torch takes the left one, scale * alpha"),
    point("activation.hard_sigmoid", "clamp", activation.hard_sigmoid,
          lambda x: (x * 0.2 + 0.5).clamp(0.0, 1.0), with_values(2.5, -2.5),
          expect=lambda r, x: (_clamp_expect(-2.5, 2.5)(r, x)[0] * 0.2,),
          why="as clamp: the gradient 0.2 passes at the bounds (torch's hardsigmoid: 0 there) "
          "and at NaN"),
    point("activation.hard_swish", "clamp", activation.hard_swish, F.hardswish,
          with_values(3.0, -3.0), expect=_hard_swish_expect,
          why="Burn's x * hard_sigmoid(x) keeps the clamp's gradient at its bounds: 1.5 at 3 "
          "and -0.5 at -3 (the middle piece's one-sided derivatives), NaN at NaN; torch takes "
          "the outer pieces there (1 and 0)"),
    # The quotient rule cancels at large |x|: relative error about |x| * 1e-16 (2e-12 at 1e4).
    point("activation.softsign", "abs div", activation.softsign, F.softsign, SPECIAL, rtol=1e-11),
    point("activation.celu", "mask_where tanh exp", lambda x: activation.celu(x, 2.0),
          lambda x: F.celu(x, 2.0), SPECIAL, expect=nan_at_nan(lambda x: F.celu(x, 2.0)),
          why=NAN_BRANCH),
    point("activation.glu", "sigmoid mul", lambda x: activation.glu(x, 1),
          lambda x: F.glu(x, 1), SPECIAL[:12].reshape(2, 6)),
    point("activation.hardtanh", "clamp", activation.hardtanh, F.hardtanh, with_values(1.0, -1.0),
          expect=_clamp_expect(-1.0, 1.0),
          why="Burn's hardtanh is clamp: the gradient passes at the bounds and at NaN"),
    point("activation.relu6", "clamp", activation.relu6, F.relu6, with_values(6.0, 0.5),
          expect=_clamp_expect(0.0, 6.0),
          why="Burn's relu6 is clamp: the gradient passes at the bounds and at NaN"),
    point("activation.softmin", "exp div sum_dim", lambda x: activation.softmin(x, 1),
          lambda x: F.softmin(x, 1), ROWS),
    point("activation.threshold", "mask_fill", lambda x: activation.threshold(x, 0.0, 0.0),
          lambda x: F.threshold(x, 0.0, 0.0), SPECIAL),
    point("activation.thresholded_relu", "mask_fill",
          lambda x: activation.thresholded_relu(x, 0.5), lambda x: F.threshold(x, 0.5, 0.0),
          SPECIAL),
    point("activation.tanhshrink", "tanh sub", activation.tanhshrink, F.tanhshrink, SPECIAL),
    point("activation.hard_shrink", "abs mask_fill", lambda x: activation.hard_shrink(x, 0.5),
          lambda x: F.hardshrink(x, 0.5), with_values(0.5, -0.5, 0.25),
          expect=_shrink_expect(F.hardshrink), why=SHRINK_NAN),
    point("activation.soft_shrink", "abs sign mask_fill", lambda x: activation.soft_shrink(x, 0.5),
          lambda x: F.softshrink(x, 0.5), with_values(0.5, -0.5, 0.25),
          expect=_shrink_expect(F.softshrink), why=SHRINK_NAN),
    point("activation.shrink", "abs sign mask_fill", lambda x: activation.shrink(x, 0.5, 0.25),
          lambda x: torch.where(x > 0.5, x - 0.25, torch.where(x < -0.5, x + 0.25, x * 0.0)),
          with_values(0.5, -0.5, 0.25), expect=_shrink_expect(F.softshrink), why=SHRINK_NAN),
    point("activation.prelu", "mask_where mul", activation.prelu,
          lambda x, a: torch.where(x >= 0, x, x * a), SPECIAL.reshape(13, 1), np.array([0.25]),
          expect=_prelu_expect, why="as leaky_relu: 1 at 0 for x, and 0 for alpha"),
]


def cotangent(shape: tuple[int, ...], seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


def torch_arg(value: Any, track: bool) -> Any:
    if not isinstance(value, np.ndarray):
        return value
    t = torch.from_numpy(value.copy())
    return t.requires_grad_() if track and value.dtype.kind == "f" else t


def assert_same(ours: np.ndarray, theirs: np.ndarray, what: str, rtol: float) -> None:
    """Equal up to `rtol`, NaN where NaN, and the same infinities."""
    np.testing.assert_allclose(ours, theirs, rtol=rtol, atol=0.0, equal_nan=True, err_msg=what)


@pytest.mark.parametrize("spec", TABLE, ids=[p.name for p in TABLE])
def test_gradient_at_special_points(ad_backend, spec):
    case = ad_backend.f64
    floats = float_positions(spec.args)
    tensors = [make_tensor(case, a, True) for a in spec.args]
    with np.errstate(all="ignore"):
        out = first_output(spec.fn(*tensors))
        r = cotangent(tuple(out.shape))
        grads = (out * Tensor[case.B].from_data(r, device=case.device)).sum().backward()
        ours = [tensors[i].grad(grads) for i in floats]

        targs = [torch_arg(a, True) for a in spec.args]
        tout = spec.ref(*targs)
        tout.backward(torch.from_numpy(r))
    assert_same(out.to_numpy(), tout.detach().numpy(), f"{spec.name}: value vs torch", spec.rtol)
    if spec.expect is not None:
        with np.errstate(all="ignore"):
            expected = list(spec.expect(r, *[spec.args[i] for i in floats]))
        source = f"Burn's convention ({spec.why})"
    else:
        expected = [targs[i].grad.numpy() for i in floats]
        source = "torch autograd"
    for i, g, e in zip(floats, ours, expected):
        assert g is not None, f"{spec.name}: argument {i} got no gradient"
        assert_same(g.to_numpy(), e, f"{spec.name}: gradient of argument {i} vs {source}", spec.rtol)


# --- coverage ---------------------------------------------------------------------------------
def traced_by_row() -> dict[str, set[str]]:
    from pyburn.backend import Autodiff, NumPy
    B = Autodiff[NumPy["float64"]]
    row = type("Row", (), {"B": B, "device": B.default_device()})()
    traced = {}
    with np.errstate(all="ignore"):
        for spec in TABLE:
            tensors = [make_tensor(row, a, True) for a in spec.args]
            traced[spec.name] = traced_ops(spec.fn, *tensors)
    return traced


def test_every_row_runs_the_ops_it_names():
    traced = traced_by_row()
    wrong = {p.name: sorted(set(p.ops) - traced[p.name]) for p in TABLE if set(p.ops) - traced[p.name]}
    assert not wrong, f"rows that name ops they do not run on a tracked input: {wrong}"


def test_every_differentiable_op_has_special_points(capsys):
    named = {op for p in TABLE for op in p.ops}
    missing = sorted(differentiable_ops() - named)
    assert not missing, f"Autodiff ops without a row in test_special_points.py: {missing}"
    with capsys.disabled():
        print(f"\n[special points] {len(differentiable_ops())} differentiable Autodiff ops and "
              f"{len(activation.__all__)} activations, {len(TABLE)} rows, "
              f"{sum(p.expect is not None for p in TABLE)} of them Burn conventions")


def test_every_activation_has_special_points():
    names = {p.name.split(".", 1)[1] for p in TABLE if p.name.startswith("activation.")}
    assert set(activation.__all__) <= names, sorted(set(activation.__all__) - names)
