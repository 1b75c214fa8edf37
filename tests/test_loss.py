"""Tests for pyburn.nn.loss: every loss against torch.nn.functional (float64, every backend row),
gradients against central differences (Autodiff rows), numerical stability, Burn's padding and
smoothing semantics, clear errors and Burn's display strings."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest

from pyburn import Int, Tensor
from pyburn.nn.loss import (BinaryCrossEntropyLossConfig, CrossEntropyLoss,
                            CrossEntropyLossConfig, HuberLossConfig, MseLoss, Reduction)
from pyburn.tensor import KindError, RankError, ShapeError

RNG = np.random.default_rng(0)
LOGITS = RNG.normal(size=(6, 4)) * 2.0
TARGETS = np.array([0, 3, 1, 1, 2, 3])
MULTI = (RNG.random((6, 4)) > 0.5).astype(np.int64)
WEIGHTS = [0.5, 2.0, 1.0, 3.0]


def torch_or_skip() -> Any:
    return pytest.importorskip("torch", reason="torch is not installed: nothing to compare with")


def F() -> Any:
    return torch_or_skip().nn.functional


def tt(x: Any, dtype: Any = None) -> Any:
    torch = torch_or_skip()
    return torch.tensor(np.asarray(x), dtype=dtype or torch.float64)


def floats(case: Any, x: Any) -> Any:
    return Tensor[case.B].from_data(np.asarray(x, dtype=np.float64), case.device)


def ints(case: Any, x: Any) -> Any:
    return Tensor[case.B, Int].from_data(np.asarray(x, dtype=np.int64), case.device)


def scalar(t: Any) -> float:
    assert list(t.shape) == [1], f"a loss is a [1] tensor, got {list(t.shape)}"
    return float(t.into_scalar())


# --- MSE -----------------------------------------------------------------------------------------------
def test_mse_matches_torch(backend: Any) -> None:
    case = backend.f64
    f = F()
    a, b = RNG.normal(size=(3, 5)), RNG.normal(size=(3, 5))
    loss = MseLoss()
    for reduction, name in [(Reduction.Mean, "mean"), (Reduction.Sum, "sum"),
                            (Reduction.Auto, "mean")]:
        got = scalar(loss.forward(floats(case, a), floats(case, b), reduction))
        assert got == pytest.approx(f.mse_loss(tt(a), tt(b), reduction=name).item(), rel=1e-13)
    elementwise = loss.forward_no_reduction(floats(case, a), floats(case, b)).to_numpy()
    np.testing.assert_allclose(elementwise, f.mse_loss(tt(a), tt(b), reduction="none").numpy(),
                               rtol=1e-13)


def test_mse_burn_example(backend: Any) -> None:
    """Burn's own unit test values."""
    logits, targets = floats(backend, [[1.0, 2.0], [3.0, 4.0]]), floats(backend, [[2.0, 1.0], [3.0, 2.0]])
    loss = MseLoss.new()
    np.testing.assert_array_equal(loss.forward_no_reduction(logits, targets).to_numpy(),
                                  [[1.0, 1.0], [0.0, 4.0]])
    assert scalar(loss.forward(logits, targets, Reduction.Auto)) == 1.5
    assert scalar(loss.forward(logits, targets, Reduction.Sum)) == 6.0


# --- Huber -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("delta", [0.5, 1.0, 2.5])
def test_huber_matches_torch(backend: Any, delta: float) -> None:
    case = backend.f64
    f = F()
    a, b = RNG.normal(size=(4, 5)) * 2, RNG.normal(size=(4, 5))
    loss = HuberLossConfig(delta).init()
    for reduction, name in [(Reduction.Mean, "mean"), (Reduction.Sum, "sum")]:
        got = scalar(loss.forward(floats(case, a), floats(case, b), reduction))
        want = f.huber_loss(tt(a), tt(b), reduction=name, delta=delta).item()
        assert got == pytest.approx(want, rel=1e-13)
    np.testing.assert_allclose(
        loss.forward_no_reduction(floats(case, a), floats(case, b)).to_numpy(),
        f.huber_loss(tt(a), tt(b), reduction="none", delta=delta).numpy(), rtol=1e-13)


def test_huber_burn_example(backend: Any) -> None:
    predict, targets = floats(backend, [-2.0, -0.5, 0.0, 0.3, 1.0]), floats(backend, [0.0] * 5)
    huber = HuberLossConfig(0.5).init()
    np.testing.assert_allclose(huber.forward_no_reduction(predict, targets).to_numpy(),
                               [0.875, 0.125, 0.0, 0.045, 0.375], rtol=1e-6)
    assert scalar(huber.forward(predict, targets)) == pytest.approx(0.284, rel=1e-6)
    assert scalar(huber.forward(predict, targets, Reduction.Sum)) == pytest.approx(1.42, rel=1e-6)


# --- cross-entropy -------------------------------------------------------------------------------------------
CE_CASES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "default": ({}, {}),
    "weights": ({"weights": WEIGHTS}, {"weight": WEIGHTS}),
    "smoothing": ({"smoothing": 0.1}, {"label_smoothing": 0.1}),
    "weights-smoothing": ({"weights": WEIGHTS, "smoothing": 0.25},
                          {"weight": WEIGHTS, "label_smoothing": 0.25}),
    "pad": ({"pad_tokens": [1]}, {"ignore_index": 1}),
    "pad-weights-smoothing": ({"pad_tokens": [3], "weights": WEIGHTS, "smoothing": 0.3},
                              {"ignore_index": 3, "weight": WEIGHTS, "label_smoothing": 0.3}),
    "pad-outside-classes": ({"pad_tokens": [-100]}, {"ignore_index": -100}),
}


@pytest.mark.parametrize("name", list(CE_CASES))
def test_cross_entropy_matches_torch(backend: Any, name: str) -> None:
    """Burn's weighted mean, label smoothing and pad tokens are torch's weight,
    label_smoothing and ignore_index."""
    case = backend.f64
    f = F()
    ours, theirs = CE_CASES[name]
    targets = TARGETS.copy()
    if name == "pad-outside-classes":
        targets[[1, 4]] = -100
    if "weight" in theirs:
        theirs = {**theirs, "weight": tt(theirs["weight"])}
    loss = CrossEntropyLossConfig(**ours).init(case.device)
    got = scalar(loss.forward(floats(case, LOGITS), ints(case, targets)))
    want = f.cross_entropy(tt(LOGITS), tt(targets, torch_or_skip().int64), **theirs).item()
    assert got == pytest.approx(want, rel=1e-12)


def test_cross_entropy_several_pad_tokens_are_dropped(backend: Any) -> None:
    case = backend.f64
    cfg = CrossEntropyLossConfig(pad_tokens=[1, 2], weights=WEIGHTS, smoothing=0.1)
    keep = ~np.isin(TARGETS, [1, 2])
    full = scalar(cfg.init(case.device).forward(floats(case, LOGITS), ints(case, TARGETS)))
    kept = scalar(cfg.init(case.device).forward(floats(case, LOGITS[keep]),
                                                ints(case, TARGETS[keep])))
    assert full == pytest.approx(kept, rel=1e-13)
    assert CrossEntropyLossConfig(pad_tokens=[]).init().forward(
        floats(case, LOGITS), ints(case, TARGETS)).into_scalar() == pytest.approx(
        CrossEntropyLoss.new().forward(floats(case, LOGITS), ints(case, TARGETS)).into_scalar())


@pytest.mark.filterwarnings("ignore:invalid value:RuntimeWarning")
def test_cross_entropy_all_padding_is_nan(backend: Any) -> None:
    loss = CrossEntropyLoss.new(2, backend.device)
    out = loss.forward(floats(backend, [[0.7, 0.2, 0.1], [0.1, 0.2, 0.7]]), ints(backend, [2, 2]))
    assert np.isnan(scalar(out))


def test_cross_entropy_probabilities(backend: Any) -> None:
    """``logits=False``: the inputs are probabilities, clamped to sqrt(tiny) before the log."""
    case = backend.f64
    f = F()
    probs = np.array([[0.1, 0.2, 0.7, 0.0, 0.0], [0.7, 0.1, 0.1, 0.1, 0.0],
                      [0.2, 0.2, 0.2, 0.2, 0.2], [0.0, 0.3, 0.3, 0.2, 0.2]])
    targets = np.array([2, 0, 4, 1])
    eps = np.sqrt(np.finfo(np.float64).tiny)
    for smoothing in (None, 0.1):
        loss = CrossEntropyLossConfig(logits=False, smoothing=smoothing).init(case.device)
        got = scalar(loss.forward(floats(case, probs), ints(case, targets)))
        log_p = tt(np.log(np.maximum(probs, eps)))
        want = -(log_p * f.one_hot(tt(targets, torch_or_skip().int64), 5)
                 * (1 - (smoothing or 0)) + log_p * (smoothing or 0) / 5).sum(1).mean().item()
        assert got == pytest.approx(want, rel=1e-12) and np.isfinite(got)
    # Burn's float32 reference values for these inputs
    f32 = backend.with_float("float32")
    default = CrossEntropyLossConfig().init(f32.device)
    assert scalar(default.forward(floats(f32, probs), ints(f32, targets))) == pytest.approx(1.354197, rel=1e-5)
    as_probs = CrossEntropyLossConfig(logits=False).init(f32.device)
    assert scalar(as_probs.forward(floats(f32, probs), ints(f32, targets))) == pytest.approx(0.88169014, rel=1e-5)
    smoothed = CrossEntropyLossConfig(logits=False, smoothing=0.1).init(f32.device)
    assert scalar(smoothed.forward(floats(f32, probs), ints(f32, targets))) == pytest.approx(1.7929223, rel=1e-5)


def test_cross_entropy_is_stable_for_huge_logits(backend: Any) -> None:
    case = backend.f64
    f = F()
    big = LOGITS * 1e4
    got = scalar(CrossEntropyLossConfig(smoothing=0.1).init().forward(floats(case, big),
                                                                       ints(case, TARGETS)))
    want = f.cross_entropy(tt(big), tt(TARGETS, torch_or_skip().int64), label_smoothing=0.1).item()
    assert np.isfinite(got) and got == pytest.approx(want, rel=1e-12)
    f32 = backend.with_float("float32")
    out = CrossEntropyLoss.new().forward(floats(f32, [[1e4, -1e4, 0.0]]), ints(f32, [1]))
    assert scalar(out) == pytest.approx(2e4, rel=1e-6)


def test_cross_entropy_weights_follow_the_logits_backend(ad_backend: Any) -> None:
    """Weights built on the Autodiff device still work for inner-backend logits (model.valid())."""
    case = ad_backend.f64
    loss = CrossEntropyLossConfig(weights=WEIGHTS).init(case.device)
    tracked = scalar(loss.forward(floats(case, LOGITS), ints(case, TARGETS)))
    inner = Tensor[case.inner].from_data(LOGITS, case.device)
    plain = scalar(loss.forward(inner, Tensor[case.inner, Int].from_data(TARGETS, case.device)))
    assert tracked == pytest.approx(plain, rel=1e-14)


# --- binary cross-entropy -----------------------------------------------------------------------------------
PROBS = 1.0 / (1.0 + np.exp(-LOGITS))


@pytest.mark.parametrize("weights", [None, WEIGHTS])
@pytest.mark.parametrize("smoothing", [None, 0.1])
@pytest.mark.parametrize("logits", [False, True])
def test_bce_multilabel_matches_torch(backend: Any, logits: bool, smoothing: float | None,
                                      weights: list[float] | None) -> None:
    case = backend.f64
    f = F()
    cfg = BinaryCrossEntropyLossConfig(weights=weights, smoothing=smoothing, logits=logits)
    x = LOGITS if logits else PROBS
    got = scalar(cfg.init(case.device).forward(floats(case, x), ints(case, MULTI)))
    t = MULTI * (1 - (smoothing or 0)) + (smoothing or 0) / 4
    w = None if weights is None else tt(weights)
    fn = f.binary_cross_entropy_with_logits if logits else f.binary_cross_entropy
    assert got == pytest.approx(fn(tt(x), tt(t), weight=w).item(), rel=1e-12)


@pytest.mark.parametrize("logits", [False, True])
def test_bce_binary_weights_by_label(backend: Any, logits: bool) -> None:
    """1-D targets: ``weights[target]`` per sample, as in Burn's test (torch gets the gathered
    weights)."""
    case = backend.f64
    f = F()
    x = LOGITS[:, 0] if logits else PROBS[:, 0]
    t = MULTI[:, 0]
    cfg = BinaryCrossEntropyLossConfig(weights=[3.0, 7.0], smoothing=0.2, logits=logits)
    got = scalar(cfg.init(case.device).forward(floats(case, x), ints(case, t)))
    fn = f.binary_cross_entropy_with_logits if logits else f.binary_cross_entropy
    want = fn(tt(x), tt(t * 0.8 + 0.1), weight=tt(np.array([3.0, 7.0])[t])).item()
    assert got == pytest.approx(want, rel=1e-12)


def test_bce_burn_examples(backend: Any) -> None:
    logits = [0.8271, 0.9626, 0.3796, 0.2355]
    targets = ints(backend, [0, 1, 0, 1])
    probs = floats(backend, 1 / (1 + np.exp(-np.array(logits))))
    assert scalar(BinaryCrossEntropyLossConfig().init().forward(probs, targets)) == \
        pytest.approx(0.7491, rel=1e-4)
    assert scalar(BinaryCrossEntropyLossConfig(logits=True).init().forward(
        floats(backend, logits), targets)) == pytest.approx(0.7491, rel=1e-4)
    assert scalar(BinaryCrossEntropyLossConfig(weights=[3.0, 7.0]).init(backend.device).forward(
        probs, targets)) == pytest.approx(3.1531, rel=1e-4)


def test_bce_saturates_instead_of_inf(backend: Any) -> None:
    """Probabilities 0 and 1 give log(0): clamped at -100 (torch too); logits of +-500 stay
    finite through log_sigmoid."""
    f = F()
    wrong = BinaryCrossEntropyLossConfig().init().forward(floats(backend, [0.0, 1.0, 0.0, 1.0]),
                                                          ints(backend, [1, 0, 1, 0]))
    assert scalar(wrong) == pytest.approx(100.0)
    right = BinaryCrossEntropyLossConfig().init().forward(floats(backend, [1.0, 0.0]),
                                                          ints(backend, [1, 0]))
    assert scalar(right) == 0.0
    x = np.array([500.0, -500.0, 30.0, -30.0])
    t = np.array([0, 1, 1, 0])
    got = scalar(BinaryCrossEntropyLossConfig(logits=True).init().forward(
        floats(backend.f64, x), ints(backend.f64, t)))
    want = f.binary_cross_entropy_with_logits(tt(x), tt(t)).item()
    assert got == pytest.approx(want, rel=1e-12)


# --- gradients against central differences -------------------------------------------------------------------
def numeric_grad(f: Callable[[np.ndarray], float], x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    g = np.zeros_like(x)
    for i in np.ndindex(*x.shape):
        hi, lo = x.copy(), x.copy()
        hi[i] += eps
        lo[i] -= eps
        g[i] = (f(hi) - f(lo)) / (2 * eps)
    return g


def check_grad(case: Any, loss_fn: Callable[[Any], Any], x: np.ndarray,
               atol: float = 1e-7) -> None:
    tracked = floats(case, x).require_grad()
    grads = loss_fn(tracked).backward()
    analytic = tracked.grad(grads).to_numpy()
    numeric = numeric_grad(lambda v: scalar(loss_fn(floats(case, v))), x)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=atol)


GRAD_CASES: dict[str, Callable[[Any], Callable[[Any], Any]]] = {
    "mse": lambda case: lambda x: MseLoss().forward(x, floats(case, LOGITS * 0.3)),
    "mse-sum": lambda case: lambda x: MseLoss().forward(x, floats(case, LOGITS * 0.3),
                                                        Reduction.Sum),
    "huber": lambda case: lambda x: HuberLossConfig(0.7).init().forward(
        x, floats(case, LOGITS * 0.2)),
    "ce": lambda case: lambda x: CrossEntropyLoss.new().forward(x, ints(case, TARGETS)),
    "ce-all-options": lambda case: lambda x: CrossEntropyLossConfig(
        pad_tokens=[3], weights=WEIGHTS, smoothing=0.2).init(case.device).forward(
        x, ints(case, TARGETS)),
    "ce-probs": lambda case: lambda x: CrossEntropyLossConfig(logits=False, smoothing=0.1).init(
        ).forward(x.sigmoid(), ints(case, TARGETS)),
    "bce": lambda case: lambda x: BinaryCrossEntropyLossConfig(weights=WEIGHTS).init(
        case.device).forward(x.sigmoid(), ints(case, MULTI)),
    "bce-logits": lambda case: lambda x: BinaryCrossEntropyLossConfig(
        logits=True, smoothing=0.1).init().forward(x, ints(case, MULTI)),
}


@pytest.mark.parametrize("name", list(GRAD_CASES))
def test_loss_gradients_by_finite_differences(ad_backend: Any, name: str) -> None:
    case = ad_backend.f64
    check_grad(case, GRAD_CASES[name](case), LOGITS.copy())


def test_bce_gradient_is_finite_at_saturated_probabilities(ad_backend: Any) -> None:
    """Probabilities of exactly 0 or 1 (a saturated float32 sigmoid): the clamped log keeps
    the loss at 100 and the gradient finite (Burn's backward would give NaN there)."""
    case = ad_backend.with_float("float32")
    p = floats(case, [1.0, 0.0, 1.0, 0.0, 0.5]).require_grad()
    loss = BinaryCrossEntropyLossConfig().init().forward(p, ints(case, [0, 1, 1, 0, 1]))
    assert scalar(loss) == pytest.approx((100.0 + 100.0 + np.log(2.0)) / 5, rel=1e-6)
    grad = p.grad(loss.backward()).to_numpy()
    np.testing.assert_allclose(grad, [0.0, 0.0, -0.2, 0.2, -0.4], rtol=1e-6)


def test_bce_with_logits_gradient_at_zero_logits(ad_backend: Any) -> None:
    """Logit 0 (a zero-initialised head) is log_sigmoid's kink: the gradient is sigmoid(0) - t,
    as torch's ``binary_cross_entropy_with_logits`` gives, not a one-sided 0."""
    import torch
    case = ad_backend.f64
    x = floats(case, [0.0, 0.0, 0.0]).require_grad()
    targets = [1, 0, 1]
    loss = BinaryCrossEntropyLossConfig(logits=True).init().forward(x, ints(case, targets))
    grad = x.grad(loss.backward()).to_numpy()
    xt = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    torch.nn.functional.binary_cross_entropy_with_logits(
        xt, torch.tensor(targets, dtype=torch.float64)).backward()
    assert xt.grad is not None
    np.testing.assert_allclose(grad, xt.grad.numpy(), rtol=1e-12)
    np.testing.assert_allclose(grad, [-1 / 6, 1 / 6, -1 / 6], rtol=1e-12)


def test_pad_rows_get_zero_gradient(ad_backend: Any) -> None:
    """Burn's test: padded samples get no gradient and do not scale the others."""
    case = ad_backend.with_float("float32")
    logits = floats(case, [[2.0, 0.0, -1.0], [0.0, 0.0, 0.0]]).require_grad()
    loss = CrossEntropyLoss.new(2, case.device).forward(logits, ints(case, [0, 2]))
    grad = logits.grad(loss.backward()).to_numpy()
    np.testing.assert_allclose(grad, [[-0.1562053, 0.1141952, 0.04201007], [0.0, 0.0, 0.0]],
                               rtol=1e-4)


# --- errors and display -----------------------------------------------------------------------------------------
def test_shape_and_kind_errors(backend: Any) -> None:
    x = floats(backend, np.zeros((4, 3)))
    with pytest.raises(ShapeError, match=r"MseLoss: predictions shape \[4, 3\] and targets shape \[3\]"):
        MseLoss().forward(x, floats(backend, np.zeros(3)))
    with pytest.raises(KindError, match="HuberLoss: targets must be a Float tensor, got an Int"):
        HuberLossConfig(1.0).init().forward(x, ints(backend, np.zeros((4, 3))))
    ce = CrossEntropyLoss.new()
    with pytest.raises(ShapeError, match=r"CrossEntropyLoss: targets shape \[3\] .* \[4, 3\] "
                                         r"\(expected \[4\]\)"):
        ce.forward(x, ints(backend, [0, 1, 2]))
    with pytest.raises(KindError, match="CrossEntropyLoss: targets must be an Int tensor"):
        ce.forward(x, floats(backend, [0.0, 1.0, 2.0, 0.0]))
    with pytest.raises(RankError, match=r"CrossEntropyLoss: logits must have rank 2, got shape \[3\]"):
        ce.forward(floats(backend, [0.0, 1.0, 2.0]), ints(backend, [0]))
    with pytest.raises(ShapeError, match=r"4 class weights for logits of shape \[4, 3\]"):
        CrossEntropyLossConfig(weights=WEIGHTS).init().forward(x, ints(backend, [0, 1, 2, 0]))
    bce = BinaryCrossEntropyLossConfig(weights=[1.0, 2.0]).init()
    with pytest.raises(ShapeError, match=r"BinaryCrossEntropyLoss.forward: logits shape \[4, 3\] and "
                                         r"targets shape \[4\]"):
        bce.forward(x, ints(backend, [0, 1, 1, 0]))
    with pytest.raises(ShapeError, match=r"number of classes \(3"):
        bce.forward(x, ints(backend, np.zeros((4, 3))))
    with pytest.raises(TypeError, match="reduction must be a Reduction"):
        MseLoss().forward(x, x, "mean")  # type: ignore[arg-type]


def test_config_validation() -> None:
    with pytest.raises(ValueError, match=r"interval \[0, 1\]"):
        CrossEntropyLossConfig(smoothing=1.5).init()
    with pytest.raises(ValueError, match="positive"):
        CrossEntropyLossConfig(weights=[1.0, 0.0]).init()
    with pytest.raises(ValueError, match=r"interval \[0, 1\]"):
        BinaryCrossEntropyLossConfig(smoothing=-0.1).init()
    with pytest.raises(ValueError, match="non-negative"):
        HuberLossConfig(-1.0).init()
    assert CrossEntropyLossConfig.from_dict(CrossEntropyLossConfig(
        pad_tokens=[0], weights=[1.0, 2.0], smoothing=0.1).to_dict()).pad_tokens == [0]


def test_display_matches_burn() -> None:
    assert str(CrossEntropyLossConfig(weights=[3.0, 7.0, 0.9], smoothing=0.5).init()) == \
        "CrossEntropyLoss {pad_tokens: None, weights: Tensor {rank: 1, shape: [3]}, " \
        "smoothing: 0.5, logits: true}"
    assert str(BinaryCrossEntropyLossConfig(weights=[3.0, 7.0, 0.9]).init()) == \
        "BinaryCrossEntropyLoss {weights: Tensor {rank: 1, shape: [3]}, smoothing: None, " \
        "logits: false}"
    assert str(HuberLossConfig(0.5).init()) == "HuberLoss {delta: 0.5, lin_bias: 0.125}"
    assert str(MseLoss()) == "MseLoss"
