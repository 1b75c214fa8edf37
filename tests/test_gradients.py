"""Every differentiable op's backward, checked by central differences in float64, on every
Autodiff row of the matrix.

Each row of `CASES` states an op once (a function of tensors and its NumPy inputs); `gradcheck`
compares ``backward()`` with finite differences. Inputs avoid points where an op is not
differentiable (ties for max/min/sort, zero for abs/relu, clamp bounds, remainder jumps): those
points, and overflow, inf and NaN, are test_special_points.py's.
`test_every_differentiable_op_is_checked` traces which Autodiff ops the cases run on tracked
inputs: an op added to the Autodiff backend without a case here fails the suite.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import pytest

from gradcheck import differentiable_ops, gradcheck, make_tensor, traced_ops
import pyburn as pb
from pyburn import Int, Tensor, activation


# --- inputs ---------------------------------------------------------------------------------
def u(*shape: int, lo: float = -2.0, hi: float = 2.0, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).uniform(lo, hi, shape)


def apart(*shape: int, seed: int = 0, spacing: float = 0.3) -> np.ndarray:
    """Distinct values (no ties) around zero, none closer than `spacing` to another or to 0."""
    n = math.prod(shape)
    values = (np.arange(n) - n // 2 + 0.5) * spacing
    return np.random.default_rng(seed).permutation(values).reshape(shape)


def away(*shape: int, gap: float = 0.2, hi: float = 2.0, seed: int = 0) -> np.ndarray:
    """Random values with ``|x| >= gap`` (both signs)."""
    rng = np.random.default_rng(seed)
    return rng.uniform(gap, hi, shape) * rng.choice([-1.0, 1.0], shape)


def positive(*shape: int, lo: float = 0.5, hi: float = 2.0, seed: int = 0) -> np.ndarray:
    return u(*shape, lo=lo, hi=hi, seed=seed)


def idx(values: Any) -> np.ndarray:
    return np.asarray(values, dtype=np.int64)


def mask(values: Any) -> np.ndarray:
    return np.asarray(values, dtype=bool)


def remainder_inputs() -> tuple[np.ndarray, np.ndarray]:
    """x, y with x / y well inside (k, k+1): remainder is smooth there."""
    rng = np.random.default_rng(3)
    y = rng.uniform(0.8, 2.0, (2, 3)) * rng.choice([-1.0, 1.0], (2, 3))
    q = rng.integers(-3, 3, (2, 3)) + rng.uniform(0.2, 0.8, (2, 3))
    return q * y, y


@dataclass(frozen=True)
class Case:
    name: str
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    wrt: tuple[int, ...] | None = None
    options: dict[str, float] = field(default_factory=dict)


def case(name: str, fn: Callable[..., Any], *args: Any, wrt: tuple[int, ...] | None = None,
         **options: float) -> Case:
    return Case(name, fn, args, wrt, options)


REM_X, REM_Y = remainder_inputs()
# both sides of the shrinks' dead zone [-0.5, 0.5], none within 0.1 of its edges
SHRINK_X = np.array([[-1.2, -0.3, 0.1, 0.8], [1.7, -0.7, 0.2, -2.0], [0.35, 0.9, -0.1, 1.3]])
PROD_ZEROS = np.array([[0.5, 0.0, 1.5, -2.0], [0.0, 1.2, 0.0, 0.7], [1.1, -0.9, 1.3, 0.6]])

CASES: list[Case] = [
    # arithmetic, with broadcasting on both sides
    case("add", lambda x, y: x + y, u(2, 3), u(2, 3, seed=1)),
    case("add_broadcast", lambda x, y: x.add(y), u(2, 3), u(3, seed=1)),
    case("add_broadcast_both", lambda x, y: x + y, u(2, 1), u(1, 3, seed=1)),
    case("sub_broadcast", lambda x, y: x - y, u(4, 1, 3), u(2, 3, seed=1)),
    case("mul_broadcast", lambda x, y: x * y, u(2, 3), u(2, 1, seed=1)),
    case("div", lambda x, y: x / y, u(2, 3), away(3, gap=0.5, seed=1)),
    case("remainder", lambda x, y: x % y, REM_X, REM_Y),
    case("powf", lambda x, y: x.powf(y), positive(2, 3), u(2, 3, seed=1)),
    case("powf_broadcast_exponent", lambda x, y: x ** y, positive(2, 3), u(1, 3, seed=1)),
    case("rpow", lambda x: 2.0 ** x, u(2, 3)),
    case("max_pair", lambda x, y: x.max_pair(y), apart(2, 3), apart(2, 3, seed=1) + 0.1),
    case("min_pair", lambda x, y: x.min_pair(y), apart(2, 3), apart(2, 3, seed=1) + 0.1),
    case("matmul", lambda x, y: x @ y, u(3, 4), u(4, 2, seed=1)),
    case("matmul_batched", lambda x, y: x.matmul(y), u(2, 3, 4), u(2, 4, 2, seed=1)),
    case("matmul_broadcast", lambda x, y: x @ y, u(2, 1, 2, 3), u(3, 3, 2, seed=1)),
    case("add_scalar", lambda x: x + 1.5, u(2, 3)),
    case("sub_scalar", lambda x: x - 1.5, u(2, 3)),
    case("rsub_scalar", lambda x: 1.5 - x, u(2, 3)),
    case("mul_scalar", lambda x: x * -2.5, u(2, 3)),
    case("div_scalar", lambda x: x / 4.0, u(2, 3)),
    case("rdiv_scalar", lambda x: 3.0 / x, away(2, 3, gap=0.5)),
    case("remainder_scalar", lambda x: x % 1.0, np.floor(u(2, 3) * 3) + u(2, 3, lo=0.2, hi=0.8, seed=1)),
    case("powf_scalar", lambda x: x.powf_scalar(2.5), positive(2, 3)),
    case("powi_scalar", lambda x: x ** 3, u(2, 3)),
    case("square", lambda x: x.square(), u(2, 3)),
    case("clamp", lambda x: x.clamp(-0.5, 0.5), apart(3, 4, spacing=0.17)),
    case("clamp_min", lambda x: x.clamp_min(0.1), apart(3, 4, spacing=0.17)),
    case("clamp_max", lambda x: x.clamp_max(-0.1), apart(3, 4, spacing=0.17)),
    case("neg", lambda x: -x, u(2, 3)),
    # unary math
    case("exp", lambda x: x.exp(), u(2, 3)),
    case("log", lambda x: x.log(), positive(2, 3, lo=0.2)),
    case("log1p", lambda x: x.log1p(), u(2, 3, lo=-0.5)),
    case("erf", lambda x: x.erf(), u(2, 3)),
    case("sqrt", lambda x: x.sqrt(), positive(2, 3, lo=0.2)),
    case("recip", lambda x: x.recip(), away(2, 3, gap=0.5)),
    case("abs", lambda x: x.abs(), away(2, 3)),
    case("cos", lambda x: x.cos(), u(2, 3, lo=-3, hi=3)),
    case("sin", lambda x: x.sin(), u(2, 3, lo=-3, hi=3)),
    case("tan", lambda x: x.tan(), u(2, 3, lo=-1.2, hi=1.2)),
    case("tanh", lambda x: x.tanh(), u(2, 3)),
    case("sinh", lambda x: x.sinh(), u(2, 3)),
    case("cosh", lambda x: x.cosh(), u(2, 3)),
    case("asin", lambda x: x.asin(), u(2, 3, lo=-0.9, hi=0.9)),
    case("acos", lambda x: x.acos(), u(2, 3, lo=-0.9, hi=0.9)),
    case("atan", lambda x: x.atan(), u(2, 3)),
    case("asinh", lambda x: x.asinh(), u(2, 3)),
    case("acosh", lambda x: x.acosh(), positive(2, 3, lo=1.2, hi=3.0)),
    case("atanh", lambda x: x.atanh(), u(2, 3, lo=-0.9, hi=0.9)),
    case("atan2", lambda y, x: y.atan2(x), u(2, 3), away(2, 3, seed=1)),
    case("hypot", lambda x, y: x.hypot(y), away(2, 3), away(2, 3, seed=1)),
    case("cumprod", lambda x: x.cumprod(1), u(2, 4)),
    case("cummax", lambda x: x.cummax(1), apart(2, 4)),
    case("cross", lambda x, y: x.cross(y, 1), u(2, 3), u(2, 3, seed=1)),
    case("pad_reflect", lambda x: x.pad((1, 2), pb.PadMode.Reflect), u(2, 4)),
    case("gather_nd", lambda x: x.gather_nd(Tensor[x.backend, Int].from_data(
        [[1, 0], [0, 2]], x.device)), u(2, 3)),
    case("linalg.det", lambda x: pb.linalg.det(x), (u(3, 3) + np.eye(3) * 3)[None]),
    case("relu", lambda x: x.relu(), away(2, 3)),
    case("sigmoid", lambda x: x.sigmoid(), u(2, 3, lo=-4, hi=4)),
    # dtype and device
    case("cast_same", lambda x: x.cast("float64") * x, u(2, 3)),
    case("cast_roundtrip", lambda x: x.cast("float32").cast("float64"), u(2, 3),
         eps=1e-2, rtol=1e-4, atol=1e-4),
    case("to_device", lambda x: x.to_device(x.device) * 2.0, u(2, 3)),
    # layout
    case("reshape", lambda x: x.reshape([3, 2]), u(2, 3)),
    case("flatten_squeeze_unsqueeze", lambda x: x.flatten(0, 1).unsqueeze_dim(0).squeeze_dim(0), u(2, 3, 1)),
    case("permute", lambda x: x.permute([2, 0, 1]), u(2, 3, 2)),
    case("swap_dims", lambda x: x.swap_dims(0, 2), u(2, 3, 2)),
    case("transpose", lambda x: x.transpose(), u(2, 3)),
    case("movedim", lambda x: x.movedim(0, 2), u(2, 3, 2)),
    case("expand", lambda x: x.expand([2, 3, 4]), u(3, 1)),
    case("flip", lambda x: x.flip([0, 1]), u(2, 3)),
    case("slice", lambda x: x.slice([(1, 3), slice(0, 4, 2)]), u(3, 4)),
    case("slice_negative_step", lambda x: x[::-1, 3:0:-2], u(3, 4)),
    case("getitem", lambda x: x[None, 1, ..., 2], u(3, 4, 5)),
    case("narrow_chunk_split", lambda x: x.chunk(2, 1)[1] * x.split(2, 1)[0] + x.narrow(1, 0, 2), u(3, 4)),
    case("slice_assign", lambda x, v: x.slice_assign([(0, 2), (1, 3)], v), u(3, 4), u(2, 2, seed=1)),
    case("slice_assign_broadcast_value", lambda x, v: x.slice_assign([(0, 3), slice(3, 0, -1)], v),
         u(3, 4), u(1, 3, seed=1)),
    case("slice_fill", lambda x: x.slice_fill([(1, 2)], 5.0), u(3, 4)),
    case("cat", lambda x, y, z: Tensor.cat([x, y, z], 1), u(2, 3), u(2, 1, seed=1), u(2, 2, seed=2)),
    case("cat_with_constant", lambda x, c: Tensor.cat([c, x, c], 0), u(2, 3), u(1, 3, seed=1), wrt=(0,)),
    case("stack", lambda x, y: Tensor.stack([x, y], 1), u(2, 3), u(2, 3, seed=1)),
    case("repeat_dim", lambda x: x.repeat_dim(1, 3), u(2, 2)),
    case("repeat", lambda x: x.repeat([2, 1, 3]), u(2, 1, 2)),
    case("iter_dim_unbind", lambda x: list(x.iter_dim(1))[2] * x.unbind(1)[0].unsqueeze_dim(1), u(2, 3)),
    case("gather", lambda x, i: x.gather(1, i), u(3, 4), idx([[0, 3, 3], [1, 1, 2], [2, 0, 0]])),
    case("scatter", lambda x, i, v: x.scatter(1, i, v), u(3, 4), idx([[0, 3, 3], [1, 1, 2], [2, 0, 0]]),
         u(3, 3, seed=1)),
    case("select", lambda x, i: x.select(0, i), u(3, 4), idx([2, 0, 2, 1])),
    case("select_tensor_index", lambda x, i: x[:, i], u(3, 4), idx([3, 3, 0])),
    case("select_assign", lambda x, i, v: x.select_assign(1, i, v), u(3, 4), idx([1, 3, 1]), u(3, 3, seed=1)),
    case("mask_where", lambda x, m, v: x.mask_where(m, v), u(2, 3), mask([[True, False, True], [False, False, True]]),
         u(2, 3, seed=1)),
    case("mask_where_broadcast", lambda x, m, v: x.mask_where(m, v), u(2, 3), mask([True, False, True]),
         u(3, seed=1)),
    case("mask_where_mask_broadcasts_x", lambda x, m, v: x.mask_where(m, v), u(3),
         mask([[True, False, True], [False, False, True]]), u(2, 3, seed=1)),
    case("mask_fill", lambda x, m: x.mask_fill(m, -1.0), u(2, 3), mask([[True, False, True], [False, False, True]])),
    case("mask_fill_mask_broadcasts_x", lambda x, m: x.mask_fill(m, -1.0), u(1, 3),
         mask([[True, False, True], [False, False, True]])),
    case("triu_tril", lambda x: x.triu(1) + x.tril(-1) * 2.0, u(2, 3, 3)),
    # reductions
    case("sum", lambda x: x.sum(), u(2, 3)),
    case("sum_dim", lambda x: x.sum_dim(1), u(2, 3, 2)),
    case("mean", lambda x: x.mean(), u(2, 3)),
    case("mean_dim", lambda x: x.mean_dim(0), u(2, 3)),
    case("prod", lambda x: x.prod(), u(2, 3, lo=0.5, hi=1.5)),
    case("prod_one_zero", lambda x: x.prod(), np.array([[0.5, 0.0, 1.5], [-2.0, 1.2, 0.7]])),
    case("prod_two_zeros", lambda x: x.prod(), np.array([[0.5, 0.0, 1.5], [0.0, 1.2, 0.7]])),
    case("prod_dim_with_zeros", lambda x: x.prod_dim(1), PROD_ZEROS),
    case("prod_dim_0", lambda x: x.prod_dim(0), PROD_ZEROS),
    case("max_dim", lambda x: x.max_dim(1), apart(3, 4)),
    case("min_dim", lambda x: x.min_dim(0), apart(3, 4)),
    case("max_min", lambda x: x.max() + x.min(), apart(3, 4)),
    case("max_dim_with_indices", lambda x: x.max_dim_with_indices(1)[0], apart(3, 4)),
    case("min_dim_with_indices", lambda x: x.min_dim_with_indices(-1)[0], apart(3, 4)),
    case("cumsum", lambda x: x.cumsum(1), u(2, 4)),
    case("cumsum_dim0", lambda x: x.cumsum(0), u(3, 2)),
    case("sort", lambda x: x.sort(1), apart(3, 4)),
    case("sort_descending", lambda x: x.sort(0, descending=True), apart(3, 4)),
    case("sort_with_indices", lambda x: x.sort_with_indices(1)[0], apart(3, 4)),
    case("topk", lambda x: x.topk(2, dim=1), apart(3, 4)),
    # Tensor-level composites
    case("var", lambda x: x.var(1), u(3, 4)),
    case("var_bias", lambda x: x.var_bias(0), u(3, 4)),
    case("var_mean", lambda x: x.var_mean(1), u(3, 4)),
    case("var_mean_bias", lambda x: x.var_mean_bias(1), u(3, 4)),
    case("float_from_bool_mask_product", lambda x: x * (x > 0.0).float(), away(2, 3)),
] + [
    # every activation: composites of the ops above
    case("activation.relu", activation.relu, away(3, 4)),
    case("activation.sigmoid", activation.sigmoid, u(3, 4, lo=-5, hi=5)),
    case("activation.tanh", activation.tanh, u(3, 4)),
    case("activation.gelu", activation.gelu, u(3, 4, lo=-3, hi=3)),
    case("activation.gelu_tanh", activation.gelu_tanh, u(3, 4, lo=-3, hi=3)),
    case("activation.silu", activation.silu, u(3, 4, lo=-4, hi=4)),
    case("activation.swish", activation.swish, u(3, 4)),
    case("activation.softplus", activation.softplus, away(3, 4, hi=5)),
    case("activation.softplus_beta", lambda x: activation.softplus(x, 2.0), away(3, 4)),
    case("activation.log_sigmoid", activation.log_sigmoid, away(3, 4, hi=5)),
    case("activation.mish", activation.mish, away(3, 4, hi=3)),
    case("activation.softmax", lambda x: activation.softmax(x, 1), apart(3, 4)),
    case("activation.log_softmax", lambda x: activation.log_softmax(x, 0), apart(3, 4)),
    case("activation.quiet_softmax", lambda x: activation.quiet_softmax(x, -1), apart(3, 4)),
    case("activation.leaky_relu", lambda x: activation.leaky_relu(x, 0.1), away(3, 4)),
    case("activation.elu", activation.elu, away(3, 4)),
    case("activation.selu", activation.selu, away(3, 4)),
    case("activation.hard_sigmoid", activation.hard_sigmoid, u(3, 4, lo=-2.4, hi=2.4)),
    case("activation.hard_swish", activation.hard_swish, u(3, 4, lo=-2.9, hi=2.9)),
    case("activation.softsign", activation.softsign, away(3, 4)),
    case("activation.prelu", activation.prelu, away(3, 4), u(4, seed=1)),
    case("activation.celu", lambda x: activation.celu(x, 2.0), away(3, 4)),
    case("activation.glu", lambda x: activation.glu(x, 1), u(3, 4)),
    case("activation.hardtanh", activation.hardtanh, u(3, 4, lo=-0.9, hi=0.9)),
    case("activation.relu6", activation.relu6, away(3, 4)),
    case("activation.softmin", lambda x: activation.softmin(x, 1), apart(3, 4)),
    case("activation.threshold", lambda x: activation.threshold(x, 0.0, 0.0), away(3, 4)),
    case("activation.thresholded_relu", lambda x: activation.thresholded_relu(x, 0.5), away(3, 4)),
    case("activation.tanhshrink", activation.tanhshrink, u(3, 4)),
    case("activation.hard_shrink", lambda x: activation.hard_shrink(x, 0.5), SHRINK_X),
    case("activation.soft_shrink", lambda x: activation.soft_shrink(x, 0.5), SHRINK_X),
    case("activation.shrink", lambda x: activation.shrink(x, 0.5, 0.25), SHRINK_X),
]


@pytest.mark.parametrize("spec", CASES, ids=[c.name for c in CASES])
def test_gradient_matches_finite_differences(ad_backend, spec):
    gradcheck(ad_backend.f64, spec.fn, *spec.args, wrt=spec.wrt, **spec.options)


# --- ops whose gradient is zero (piecewise constant) or that are not differentiable ---------------
@pytest.mark.parametrize("name", ["sign", "floor", "ceil", "round", "trunc"])
def test_piecewise_constant_ops_are_constants(ad_backend, name):
    x = Tensor[ad_backend.B].from_data(u(2, 3), device=ad_backend.device).require_grad()
    out = getattr(x, name)()
    assert not out.is_require_grad()  # the output is a constant: no node, nothing recorded
    grads = (out * x).sum().backward()
    np.testing.assert_allclose(x.grad(grads).to_numpy(), out.to_numpy(), rtol=1e-6)


def test_non_float_results_end_the_graph(ad_backend):
    x = Tensor[ad_backend.B].from_data(apart(2, 3), device=ad_backend.device).require_grad()
    for out in (x.argmax(1), x.argsort(0), x.int(), x > 0.0, x.is_nan()):
        assert out.kind.prefix != "float"
        assert not out.float().is_require_grad()


# --- coverage: every differentiable op of the Autodiff backend has a case ------------------------
def covered_ops() -> dict[str, set[str]]:
    """For each case, the Autodiff ops it runs on tracked inputs (on Autodiff[NumPy<float64>])."""
    from pyburn.backend import Autodiff, NumPy
    B = Autodiff[NumPy["float64"]]
    row = type("Row", (), {"B": B, "device": B.default_device()})()
    out = {}
    for spec in CASES:
        wrt = spec.wrt
        tensors = [make_tensor(row, a, wrt is None or i in wrt) for i, a in enumerate(spec.args)]
        out[spec.name] = traced_ops(spec.fn, *tensors)
    return out


def test_every_differentiable_op_is_checked(capsys):
    covered = set().union(*covered_ops().values())
    wanted = differentiable_ops()
    missing = sorted(wanted - covered)
    assert not missing, f"Autodiff ops without a finite-difference check in test_gradients.py: {missing}"
    with capsys.disabled():
        print(f"\n[gradients] {len(wanted)} differentiable Autodiff ops, all covered by "
              f"{len(CASES)} finite-difference cases")


def test_every_activation_has_a_gradient_case():
    names = {c.name.split(".", 1)[1] for c in CASES if c.name.startswith("activation.")}
    assert set(activation.__all__) <= names, sorted(set(activation.__all__) - names)


def test_gradcheck_catches_a_wrong_backward(ad_backend):
    """The checker itself: a deliberately wrong gradient (detach one factor) must fail."""
    with pytest.raises(AssertionError, match="analytic vs central differences"):
        gradcheck(ad_backend.f64, lambda x: x * x.detach(), u(2, 3))
