"""Tests for the pointwise regression losses of pyburn.nn.loss: LpLoss, SmoothL1Loss,
PoissonNllLoss, GaussianNLLLoss. Each against torch.nn.functional (or a NumPy reference where
torch has none), float64 on every backend row; gradients against torch autograd and central
differences on the Autodiff rows, kinks included; clear errors; Burn's display strings."""

from __future__ import annotations

import math
from typing import Any, Callable, Sequence

import numpy as np
import pytest

from gradcheck import gradcheck
from pyburn import Int, Tensor
from pyburn.nn.loss import (GaussianNLLLossConfig, LpLoss, LpLossConfig, PoissonNllLossConfig,
                            Reduction, SmoothL1Loss, SmoothL1LossConfig)
from pyburn.tensor import KindError, RankError, ShapeError

RNG = np.random.default_rng(18)
PRED = RNG.normal(size=(3, 4, 5))
TARGET = RNG.normal(size=(3, 4, 5))
COUNTS = RNG.poisson(2.0, size=(3, 4, 5)).astype(np.float64)
COUNTS[0, 0, :4] = [0.0, 1.0, 0.5, 1.5]   # around Stirling's t > 1 cut
RATES = RNG.gamma(2.0, size=(3, 4, 5))
VAR = RNG.uniform(0.2, 2.0, size=(3, 4, 5))
REDUCTIONS = [(Reduction.Mean, "mean"), (Reduction.Sum, "sum"), (Reduction.Auto, "mean")]


def torch_or_skip() -> Any:
    return pytest.importorskip("torch", reason="torch is not installed: nothing to compare with")


def F() -> Any:
    return torch_or_skip().nn.functional


def tt(x: Any, grad: bool = False) -> Any:
    torch = torch_or_skip()
    return torch.tensor(np.asarray(x, dtype=np.float64), requires_grad=grad)


def floats(case: Any, x: Any) -> Any:
    return Tensor[case.B].from_data(np.asarray(x, dtype=np.float64), case.device)


def scalar(t: Any) -> float:
    assert list(t.shape) == [1], f"a loss is a [1] tensor, got {list(t.shape)}"
    return float(t.into_scalar())


def matches_torch(case: Any, ours: Callable[..., Any], theirs: Callable[..., Any],
                  arrays: Sequence[np.ndarray], wrt: Sequence[int], rtol: float = 1e-12) -> None:
    """`ours(*tensors)` equals `theirs(*torch_tensors)` (element-wise losses); on Autodiff rows
    the gradients of a random weighting of them, w.r.t. the arguments `wrt`, equal torch's."""
    tracked = [floats(case, a) for a in arrays]
    if case.autodiff:
        tracked = [t.require_grad() if i in wrt else t for i, t in enumerate(tracked)]
    out = ours(*tracked)
    t_args = [tt(a, grad=i in wrt) for i, a in enumerate(arrays)]
    t_out = theirs(*t_args)
    np.testing.assert_allclose(out.to_numpy(), t_out.detach().numpy(), rtol=rtol, atol=1e-14,
                               err_msg="values")
    if not case.autodiff:
        return
    w = RNG.standard_normal(tuple(t_out.shape))
    grads = (out * floats(case, w)).sum().backward()
    t_grads = torch_or_skip().autograd.grad(t_out, [t_args[i] for i in wrt], tt(w))
    for i, t_grad in zip(wrt, t_grads):
        np.testing.assert_allclose(tracked[i].grad(grads).to_numpy(), t_grad.numpy(),
                                   rtol=1e-10, atol=1e-12, err_msg=f"gradient of argument {i}")


# --- LpLoss ------------------------------------------------------------------------------------
@pytest.mark.parametrize("p,name", [(1.0, "l1_loss"), (2.0, "mse_loss")])
def test_lp_matches_torch_l1_and_mse(backend: Any, p: float, name: str) -> None:
    case = backend.f64
    fn = getattr(F(), name)
    loss = LpLossConfig(p).init()
    for reduction, torch_name in REDUCTIONS:
        got = scalar(loss.forward(floats(case, PRED), floats(case, TARGET), reduction))
        assert got == pytest.approx(fn(tt(PRED), tt(TARGET), reduction=torch_name).item(),
                                    rel=1e-13)
    matches_torch(case, loss.forward_no_reduction, lambda a, b: fn(a, b, reduction="none"),
                  [PRED, TARGET], wrt=[0, 1])


@pytest.mark.parametrize("p", [0.5, 1.5, 3.0, 4.25])
def test_lp_general_p_matches_numpy(backend: Any, p: float) -> None:
    case = backend.f64
    loss = LpLossConfig(p).init()
    want = np.abs(PRED - TARGET) ** p
    got = loss.forward_no_reduction(floats(case, PRED), floats(case, TARGET)).to_numpy()
    np.testing.assert_allclose(got, want, rtol=1e-12)
    assert scalar(loss.forward(floats(case, PRED), floats(case, TARGET))) == \
        pytest.approx(want.mean(), rel=1e-12)
    assert scalar(loss.forward(floats(case, PRED), floats(case, TARGET), Reduction.Sum)) == \
        pytest.approx(want.sum(), rel=1e-12)


def test_lp_constructors() -> None:
    assert isinstance(LpLossConfig.l1(), LpLoss)
    assert LpLossConfig.l1().p == LpLossConfig(1.0).init().p == 1.0
    assert LpLossConfig.l2().p == LpLossConfig(2.0).init().p == 2.0


@pytest.mark.parametrize("dims", [[1], [0], [1, 2], [2, 1], [-2, -1], [0, 1, 2], [-1, 2], []])
def test_forward_reduce_dims_matches_numpy(backend: Any, dims: list[int]) -> None:
    case = backend.f64
    axes = tuple(sorted({d % 3 for d in dims}))
    cases: list[tuple[LpLoss | SmoothL1Loss, np.ndarray | None]] = [
        (LpLossConfig(3.0).init(), np.abs(PRED - TARGET) ** 3),
        (SmoothL1LossConfig(0.7).init(), None)]
    for loss, elementwise in cases:
        if elementwise is None:
            e = np.abs(PRED - TARGET)
            elementwise = np.where(e < 0.7, 0.5 * e * e / 0.7, e - 0.35)
        got = loss.forward_reduce_dims(floats(case, PRED), floats(case, TARGET), dims)
        want = elementwise.mean(axis=axes, keepdims=True) if axes else elementwise
        assert list(got.shape) == list(want.shape)
        np.testing.assert_allclose(got.to_numpy(), want, rtol=1e-12)


def test_lp_gradients(ad_backend: Any) -> None:
    case = ad_backend.f64
    for p in [0.5, 1.0, 1.5, 2.0, 3.0]:
        loss = LpLossConfig(p).init()
        matches_torch(case, loss.forward_no_reduction,
                      lambda a, b, p=p: (a - b).abs().pow(p), [PRED, TARGET], wrt=[0, 1])
        gradcheck(case, loss.forward_no_reduction, PRED[0], TARGET[0])
        gradcheck(case, lambda a, b, loss=loss: loss.forward_reduce_dims(a, b, [-1]),
                  PRED[0], TARGET[0])


@pytest.mark.parametrize("p", [0.5, 1.0, 1.5, 2.0])
def test_lp_gradient_at_zero_error_is_zero(ad_backend: Any, p: float) -> None:
    """At an exact prediction the gradient is 0: torch's too for p >= 1 (``sign(0) = 0``);
    for p < 1 the slope is infinite and ``|e|.pow(p)`` gives ``inf * 0 = NaN`` in torch, which
    would poison a model, so pyburn returns the minimum's 0."""
    case = ad_backend.f64
    x = floats(case, [1.0, 2.0, -1.0]).require_grad()
    loss = LpLossConfig(p).init().forward(x, floats(case, [1.0, 0.0, 0.0]), Reduction.Sum)
    grad = x.grad(loss.backward()).to_numpy()
    np.testing.assert_allclose(grad, [0.0, p * 2.0 ** (p - 1), -p], rtol=1e-12)


# --- SmoothL1Loss ------------------------------------------------------------------------------
@pytest.mark.parametrize("beta", [0.5, 1.0, 2.5])
def test_smooth_l1_matches_torch(backend: Any, beta: float) -> None:
    case = backend.f64
    f = F()
    a, b = PRED * 2.0, TARGET
    loss = SmoothL1LossConfig().with_beta(beta).init()
    for reduction, name in REDUCTIONS:
        got = scalar(loss.forward_with_reduction(floats(case, a), floats(case, b), reduction))
        want = f.smooth_l1_loss(tt(a), tt(b), reduction=name, beta=beta).item()
        assert got == pytest.approx(want, rel=1e-13)
    matches_torch(case, loss.forward,
                  lambda x, y: f.smooth_l1_loss(x, y, reduction="none", beta=beta),
                  [a, b], wrt=[0, 1])


@pytest.mark.parametrize("beta", [0.5, 1.0, 2.5])
def test_smooth_l1_kink_gradients(ad_backend: Any, beta: float) -> None:
    """Errors of exactly 0, +-beta (the switch from quadratic to linear) and beyond: the
    gradient is torch's (``+-1`` at the switch, where both pieces have slope 1) and central
    differences agree (the loss is C1 there)."""
    case = ad_backend.f64
    errors = np.array([0.0, beta, -beta, 0.5 * beta, -0.5 * beta, 2.0 * beta, -3.0 * beta])
    targets = np.linspace(-1.0, 1.0, errors.size)
    predictions = targets + errors
    loss = SmoothL1LossConfig(beta).init()
    f = F()
    matches_torch(case, loss.forward,
                  lambda x, y: f.smooth_l1_loss(x, y, reduction="none", beta=beta),
                  [predictions, targets], wrt=[0, 1])
    x = floats(case, predictions).require_grad()
    grad = x.grad(loss.forward_with_reduction(x, floats(case, targets), Reduction.Sum)
                  .backward()).to_numpy()
    np.testing.assert_allclose(grad, [0.0, 1.0, -1.0, 0.5, -0.5, 1.0, -1.0], atol=1e-12)
    gradcheck(case, loss.forward, predictions, targets, wrt=[0])
    gradcheck(case, lambda a, b: loss.forward_reduce_dims(a, b, [0]), predictions, targets)


def test_smooth_l1_is_huber_over_beta(backend: Any) -> None:
    from pyburn.nn.loss import HuberLossConfig
    case = backend.f64
    beta = 0.8
    smooth = SmoothL1LossConfig(beta).init().forward(floats(case, PRED), floats(case, TARGET))
    huber = HuberLossConfig(beta).init().forward_no_reduction(floats(case, PRED),
                                                              floats(case, TARGET))
    np.testing.assert_allclose(smooth.to_numpy(), huber.to_numpy() / beta, rtol=1e-12)


# --- PoissonNllLoss ----------------------------------------------------------------------------
@pytest.mark.parametrize("log_input", [True, False])
@pytest.mark.parametrize("full", [False, True])
def test_poisson_matches_torch(backend: Any, log_input: bool, full: bool) -> None:
    case = backend.f64
    f = F()
    x = PRED if log_input else RATES
    loss = PoissonNllLossConfig(log_input=log_input, full=full).init()
    for reduction, name in REDUCTIONS:
        got = scalar(loss.forward(floats(case, x), floats(case, COUNTS), reduction))
        want = f.poisson_nll_loss(tt(x), tt(COUNTS), log_input=log_input, full=full,
                                  reduction=name).item()
        assert got == pytest.approx(want, rel=1e-12)
    matches_torch(case, loss.forward_no_reduction,
                  lambda a, t: f.poisson_nll_loss(a, t, log_input=log_input, full=full,
                                                  reduction="none"),
                  [x, COUNTS], wrt=[0])


def test_poisson_zero_rate_uses_eps(backend: Any) -> None:
    """A rate of exactly 0 with ``log_input=False``: ``log(0 + eps)``, finite (torch too)."""
    case = backend.f64
    f = F()
    rates, counts = np.array([0.0, 0.0, 1.0]), np.array([0.0, 2.0, 3.0])
    for eps in [1e-8, 1e-3]:
        loss = PoissonNllLossConfig(log_input=False, eps=eps).init()
        got = loss.forward_no_reduction(floats(case, rates), floats(case, counts)).to_numpy()
        want = f.poisson_nll_loss(tt(rates), tt(counts), log_input=False, eps=eps,
                                  reduction="none").numpy()
        np.testing.assert_allclose(got, want, rtol=1e-12)


@pytest.mark.parametrize("log_input", [True, False])
def test_poisson_gradients(ad_backend: Any, log_input: bool) -> None:
    case = ad_backend.f64
    x = PRED[0] if log_input else RATES[0]
    for full in [False, True]:
        loss = PoissonNllLossConfig(log_input=log_input, full=full).init()
        gradcheck(case, loss.forward_no_reduction, x, COUNTS[0], wrt=[0])
        # targets that require a gradient stay finite through Stirling's cut at t = 1
        gradcheck(case, loss.forward_no_reduction, x, COUNTS[0] + 0.25)


def test_poisson_targets_gradient_matches_torch(ad_backend: Any) -> None:
    f = F()
    t = COUNTS + 0.3
    for full in [False, True]:
        loss = PoissonNllLossConfig(full=full).init()
        matches_torch(ad_backend.f64, loss.forward_no_reduction,
                      lambda a, b: f.poisson_nll_loss(a, b, full=full, reduction="none"),
                      [PRED, t], wrt=[0, 1])


# --- GaussianNLLLoss ---------------------------------------------------------------------------
@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("eps", [1e-6, 0.5])
def test_gaussian_nll_matches_torch(backend: Any, full: bool, eps: float) -> None:
    """``eps=0.5`` clamps about a sixth of VAR: values still match torch's."""
    case = backend.f64
    f = F()
    loss = GaussianNLLLossConfig(eps=eps, full=full).init()
    for reduction, name in REDUCTIONS:
        got = scalar(loss.forward(floats(case, PRED), floats(case, TARGET), floats(case, VAR),
                                  reduction))
        want = f.gaussian_nll_loss(tt(PRED), tt(TARGET), tt(VAR), full=full, eps=eps,
                                   reduction=name).item()
        assert got == pytest.approx(want, rel=1e-12)
    got_none = loss.forward_no_reduction(floats(case, PRED), floats(case, TARGET),
                                         floats(case, VAR))
    want_none = f.gaussian_nll_loss(tt(PRED), tt(TARGET), tt(VAR), full=full, eps=eps,
                                    reduction="none")
    np.testing.assert_allclose(got_none.to_numpy(), want_none.numpy(), rtol=1e-12)


def test_gaussian_nll_one_variance_per_row(backend: Any) -> None:
    """A var of shape ``[..., 1]`` is shared by the row (torch's homoscedastic case)."""
    case = backend.f64
    f = F()
    var = VAR[..., :1]
    loss = GaussianNLLLossConfig().init()
    got = loss.forward_no_reduction(floats(case, PRED), floats(case, TARGET), floats(case, var))
    assert list(got.shape) == list(PRED.shape)
    want = f.gaussian_nll_loss(tt(PRED), tt(TARGET), tt(var), reduction="none")
    np.testing.assert_allclose(got.to_numpy(), want.numpy(), rtol=1e-12)


def test_gaussian_nll_gradients(ad_backend: Any) -> None:
    case = ad_backend.f64
    f = F()
    for full in [False, True]:
        loss = GaussianNLLLossConfig(full=full).init()
        matches_torch(case, loss.forward_no_reduction,
                      lambda a, b, v: f.gaussian_nll_loss(a, b, v, full=full, reduction="none"),
                      [PRED, TARGET, VAR], wrt=[0, 1, 2])
        gradcheck(case, loss.forward_no_reduction, PRED[0], TARGET[0], VAR[0])
        gradcheck(case, loss.forward_no_reduction, PRED[0], TARGET[0], VAR[0, :, :1])


def test_gaussian_nll_clamped_var_gets_no_gradient(ad_backend: Any) -> None:
    """Below eps the loss does not depend on var (Burn's ``clamp_min``), so var's gradient is
    0 there; torch clamps untracked and passes the unclamped gradient. Central differences
    agree with pyburn."""
    case = ad_backend.f64
    eps = 0.5
    var = np.array([0.1, 0.3, 0.7, 2.0])
    mean, target = np.array([0.0, 1.0, -1.0, 0.5]), np.array([0.5, 0.0, 0.0, 0.0])
    loss = GaussianNLLLossConfig(eps=eps).init()
    v = floats(case, var).require_grad()
    out = loss.forward(floats(case, mean), floats(case, target), v, Reduction.Sum)
    grad = v.grad(out.backward()).to_numpy()
    want = 0.5 / var - 0.5 * (mean - target) ** 2 / var ** 2
    np.testing.assert_allclose(grad, np.where(var < eps, 0.0, want), rtol=1e-12, atol=1e-15)
    gradcheck(case, loss.forward_no_reduction, mean, target, var)


# --- Burn's values, display, config ------------------------------------------------------------
def test_burn_examples(backend: Any) -> None:
    case = backend
    pred, target = floats(case, [1.0, 2.0]), floats(case, [1.5, 1.0])
    var = floats(case, [0.5, 1.0])
    gauss = GaussianNLLLossConfig().init().forward_no_reduction(pred, target, var).to_numpy()
    np.testing.assert_allclose(gauss, [-0.096574, 0.5], rtol=1e-4)
    poisson = PoissonNllLossConfig().with_full(True).init().forward_no_reduction(
        floats(case, [0.0, 0.0, -40.0, 1.0, 2.0, 3.0]),
        floats(case, [1.0, 4.5, 2.5, 0.0, 0.0, 2.0])).to_numpy()
    np.testing.assert_allclose(poisson, [1.0, 4.9393, 101.1678, 2.7183, 7.3891, 14.7373],
                               rtol=1e-4)


def test_display_matches_burn() -> None:
    assert str(PoissonNllLossConfig().init()) == \
        "PoissonNllLoss {log_input: true, full: false, eps: 0.00000001}"
    assert str(GaussianNLLLossConfig().with_eps(0.5).init()) == \
        "GaussianNLLLoss {eps: 0.5, full: false}"
    assert str(LpLossConfig.l2()) == "LpLoss {p: 2}"
    assert str(SmoothL1LossConfig().with_beta(0.5).init()) == "SmoothL1Loss {beta: 0.5}"


def test_configs_round_trip_json() -> None:
    for config in [LpLossConfig(1.5), SmoothL1LossConfig(0.25),
                   PoissonNllLossConfig(log_input=False, full=True, eps=1e-4),
                   GaussianNLLLossConfig(eps=1e-3, full=True)]:
        assert type(config).from_dict(config.to_dict()) == config
    assert SmoothL1LossConfig().beta == 1.0
    assert PoissonNllLossConfig().to_dict() == {"log_input": True, "full": False, "eps": 1e-8}
    assert GaussianNLLLossConfig().to_dict() == {"eps": 1e-6, "full": False}


# --- errors ------------------------------------------------------------------------------------
@pytest.mark.parametrize("p", [0.0, -1.0, math.nan, math.inf])
def test_lp_refuses_bad_p(p: float) -> None:
    with pytest.raises(ValueError, match=r"LpLossConfig.init: the order of the norm p must be "
                                         r"a positive finite number"):
        LpLossConfig(p).init()


@pytest.mark.parametrize("value", [0.0, -1.0, math.nan])
def test_configs_refuse_non_positive_parameters(value: float) -> None:
    with pytest.raises(ValueError, match=r"SmoothL1LossConfig.init: beta must be a positive"):
        SmoothL1LossConfig().with_beta(value).init()
    with pytest.raises(ValueError, match=r"PoissonNllLossConfig.init: eps must be a positive"):
        PoissonNllLossConfig().with_eps(value).init()
    with pytest.raises(ValueError, match=r"GaussianNLLLossConfig.init: eps .* must be a positive"):
        GaussianNLLLossConfig().with_eps(value).init()


def test_shape_kind_and_reduction_errors(backend: Any) -> None:
    x, y = floats(backend, np.zeros((4, 3))), floats(backend, np.zeros(3))
    ints = Tensor[backend.B, Int].zeros([4, 3], backend.device)
    with pytest.raises(ShapeError, match=r"LpLoss.forward_no_reduction: predictions shape "
                                         r"\[4, 3\] and targets shape \[3\] must be equal"):
        LpLossConfig.l1().forward(x, y)
    with pytest.raises(ShapeError, match=r"SmoothL1Loss.forward: predictions shape \[4, 3\]"):
        SmoothL1LossConfig().init().forward_with_reduction(x, y)
    with pytest.raises(ShapeError, match=r"PoissonNllLoss.forward_no_reduction: predictions "
                                         r"shape \[4, 3\] and targets shape \[3\]"):
        PoissonNllLossConfig().init().forward(x, y)
    with pytest.raises(KindError, match=r"LpLoss.forward_no_reduction: targets must be a Float "
                                        r"tensor, got an Int"):
        LpLossConfig.l2().forward_no_reduction(x, ints)  # type: ignore[arg-type]
    with pytest.raises(KindError, match=r"GaussianNLLLoss.forward_no_reduction: var must be a "
                                        r"Float tensor"):
        GaussianNLLLossConfig().init().forward(x, x, ints)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="reduction must be a Reduction"):
        LpLossConfig.l2().forward(x, x, "mean")  # type: ignore[arg-type]


def test_reduce_dims_errors(backend: Any) -> None:
    x = floats(backend, np.zeros((2, 3)))
    with pytest.raises(RankError, match=r"LpLoss.forward_reduce_dims: dim 2 is out of range "
                                        r"for a rank-2 loss of shape \[2, 3\]"):
        LpLossConfig.l2().forward_reduce_dims(x, x, [2])
    with pytest.raises(RankError, match=r"SmoothL1Loss.forward_reduce_dims: dim -3 is out"):
        SmoothL1LossConfig().init().forward_reduce_dims(x, x, [0, -3])
    with pytest.raises(TypeError, match=r"LpLoss.forward_reduce_dims: dims must be a list"):
        LpLossConfig.l2().forward_reduce_dims(x, x, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"LpLoss.forward_reduce_dims: dims must be ints"):
        LpLossConfig.l2().forward_reduce_dims(x, x, [1.0])  # type: ignore[list-item]


def test_poisson_refuses_negative_counts_and_rates(backend: Any) -> None:
    pred, counts = floats(backend, [0.5, 1.0, 2.0]), floats(backend, [1.0, -0.5, 2.0])
    with pytest.raises(ValueError, match=r"PoissonNllLoss.forward_no_reduction: all targets "
                                         r"must be non-negative \(they are counts\), got a "
                                         r"minimum of -0.5"):
        PoissonNllLossConfig().init().forward(pred, counts)
    rates = floats(backend, [0.5, -1.0, 2.0])
    ok = floats(backend, [1.0, 0.0, 2.0])
    with pytest.raises(ValueError, match=r"all predictions must be non-negative when log_input "
                                         r"is false"):
        PoissonNllLossConfig(log_input=False).init().forward_no_reduction(rates, ok)
    # log-rates may be negative
    PoissonNllLossConfig().init().forward_no_reduction(rates, ok)


def test_gaussian_nll_refuses_bad_var(backend: Any) -> None:
    x = floats(backend, np.zeros((4, 3)))
    loss = GaussianNLLLossConfig().init()
    with pytest.raises(ShapeError, match=r"GaussianNLLLoss.forward_no_reduction: var shape "
                                         r"\[1, 3\] must equal the input shape \[4, 3\] or be "
                                         r"\[4, 1\]"):
        loss.forward(x, x, floats(backend, np.ones((1, 3))))
    with pytest.raises(ShapeError, match=r"var shape \[4\] must equal"):
        loss.forward(x, x, floats(backend, np.ones(4)))
    with pytest.raises(ShapeError, match=r"input shape \[4, 3\] and target shape \[3\]"):
        loss.forward(x, floats(backend, np.zeros(3)), x)
    with pytest.raises(ValueError, match=r"var must be non-negative .* got a minimum of -1"):
        loss.forward(x, x, floats(backend, -np.ones((4, 1))))
