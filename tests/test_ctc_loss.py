"""CTCLoss (pyburn.nn.loss.ctc) on every backend row: per-sample losses and reductions against
torch.nn.functional.ctc_loss (float64 and float32), gradients through log_softmax against torch,
gradients w.r.t. the log-probabilities against central differences, Burn's closed-form cases
and its PyTorch comparison cases (its ``generate_logits`` / ``run_comparison`` helpers), -inf
handling (zero_infinity), a long sequence, speed, clear errors, config and display."""

from __future__ import annotations

import math
import time
from typing import Any

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from pyburn import Int, Tensor  # noqa: E402
from pyburn.nn.loss import CTCLoss, CTCLossConfig, Reduction  # noqa: E402
from pyburn.tensor import KindError, RankError, ShapeError, activation  # noqa: E402

from gradcheck import gradcheck  # noqa: E402

F = torch.nn.functional
TOL: dict[str, dict[str, Any]] = {"float64": dict(rtol=1e-10, atol=1e-10),
                                  "float32": dict(rtol=1e-4, atol=1e-4)}


def floats(case: Any, x: Any) -> Any:
    return Tensor[case.B].from_data(np.asarray(x, dtype=np.float64), case.device)


def ints(case: Any, x: Any) -> Any:
    return Tensor[case.B, Int].from_data(np.asarray(x, dtype=np.int64), case.device)


def sine_logits(t: int, n: int, c: int) -> np.ndarray:
    """Burn's ``generate_logits``: sin((t*7 + n*13 + c*3) * 0.1)."""
    ti, ni, ci = np.meshgrid(np.arange(t), np.arange(n), np.arange(c), indexing="ij")
    return np.sin((ti * 7 + ni * 13 + ci * 3) * 0.1)


# name -> (T, N, C, targets [N, S], input_lengths, target_lengths, blank)
CASES: dict[str, tuple[int, int, int, list[list[int]], list[int], list[int], int]] = {
    "mixed-lengths": (7, 4, 5, [[1, 1, 2], [3, 4, 0], [2, 0, 0], [1, 2, 1]],
                      [7, 6, 7, 5], [3, 2, 0, 3], 0),
    "repeated-labels": (8, 3, 4, [[1, 1, 1], [2, 2, 3], [3, 3, 3]], [8, 8, 6], [3, 3, 2], 0),
    "custom-blank": (6, 3, 5, [[0, 1, 1], [3, 0, 9], [2, 2, 0]], [6, 5, 4], [3, 2, 3], 4),
    "single-frame": (1, 2, 3, [[1], [0]], [1, 1], [1, 0], 0),
    "no-targets": (4, 2, 3, np.zeros((2, 0), dtype=np.int64).tolist(), [4, 2], [0, 0], 1),
    # Burn's pytorch_comparison_tests shapes
    "burn-uniform": (5, 3, 4, [[1, 2, 0], [1, 0, 0], [3, 2, 1]], [5, 5, 5], [2, 1, 3], 0),
    "burn-repeated": (8, 4, 6, [[1, 1, 2, 0], [2, 3, 2, 1], [5, 0, 0, 0], [1, 2, 3, 4]],
                      [8, 8, 8, 8], [3, 4, 1, 4], 0),
    "burn-long": (10, 2, 8, [[1, 3, 5, 7, 2], [2, 4, 6, 1, 3]], [10, 10], [5, 5], 0),
    "burn-mixed-input-lengths": (12, 3, 5, [[1, 4, 2, 0], [3, 1, 0, 0], [2, 4, 1, 3]],
                                 [12, 7, 10], [3, 2, 4], 0),
}


def torch_reference(logits: np.ndarray, targets: Any, il: Any, tl: Any, blank: int,
                    reduction: str, zero_infinity: bool = False,
                    dtype: Any = torch.float64) -> tuple[np.ndarray, np.ndarray]:
    """torch's loss and the gradient of ``sum(loss)`` w.r.t. the logits under log_softmax."""
    x = torch.tensor(logits, dtype=dtype, requires_grad=True)
    t = torch.tensor(np.asarray(targets, dtype=np.int64).reshape(len(il), -1))
    loss = F.ctc_loss(x.log_softmax(2), t, torch.tensor(il), torch.tensor(tl), blank=blank,
                      reduction=reduction, zero_infinity=zero_infinity)
    loss.sum().backward()
    assert x.grad is not None
    return loss.detach().numpy().reshape(-1), x.grad.numpy()


def ours(case: Any, loss: CTCLoss, logits: np.ndarray, targets: Any, il: Any, tl: Any,
         reduction: Reduction | None) -> tuple[np.ndarray, np.ndarray]:
    x = floats(case, logits).require_grad()
    args = (activation.log_softmax(x, 2), ints(case, np.asarray(targets).reshape(len(il), -1)),
            ints(case, il), ints(case, tl))
    out = loss.forward(*args) if reduction is None else loss.forward_with_reduction(
        *args, reduction)
    grad = x.grad(out.sum().backward())
    return out.to_numpy().reshape(-1), grad.to_numpy()


# --- against torch --------------------------------------------------------------------------
@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("name", list(CASES))
def test_matches_torch(backend: Any, name: str, dtype: str) -> None:
    """Per-sample losses (Burn's ``forward``) and both reductions, with the logits' gradient,
    equal torch's."""
    case = backend.with_float(dtype).ad
    t, n, c, targets, il, tl, blank = CASES[name]
    logits = np.random.default_rng(len(name)).normal(size=(t, n, c)) * 2.0
    loss = CTCLossConfig().with_blank(blank).init()
    tdtype = torch.float64 if dtype == "float64" else torch.float32
    for reduction, torch_name in [(None, "none"), (Reduction.Mean, "mean"),
                                  (Reduction.Auto, "mean"), (Reduction.Sum, "sum")]:
        got, grad = ours(case, loss, logits, targets, il, tl, reduction)
        want, want_grad = torch_reference(logits, targets, il, tl, blank, torch_name,
                                          dtype=tdtype)
        assert got.shape == ((n,) if reduction is None else (1,))
        np.testing.assert_allclose(got, want, **TOL[dtype])
        np.testing.assert_allclose(grad, want_grad, **TOL[dtype])


def test_burn_pytorch_comparison_values(backend: Any) -> None:
    """Burn's run_comparison cases on its sine logits (``generate_logits``): its
    PyTorch-recorded losses (float32), and the logits' gradients against torch."""
    recorded: dict[str, list[float]] = {
        "burn-uniform": [3.5236570835113525, 3.495313882827759, 4.262677192687988],
        "burn-repeated": [8.84203052520752, 9.023029327392578, 9.398024559020996,
                          9.008068084716797],
        "burn-long": [12.629399299621582, 12.298524856567383],
        "burn-mixed-input-lengths": [10.595505714416504, 6.8078508377075195, 7.705057144165039],
    }
    case = backend.with_float("float32").ad
    for name, expected in recorded.items():
        t, n, c, targets, il, tl, blank = CASES[name]
        logits = sine_logits(t, n, c)
        got, grad = ours(case, CTCLossConfig().init(), logits, targets, il, tl, None)
        np.testing.assert_allclose(got, expected, rtol=1e-3, atol=1e-3)
        _, want_grad = torch_reference(logits, targets, il, tl, blank, "none")
        np.testing.assert_allclose(grad, want_grad, rtol=1e-3, atol=1e-3)
    # Burn's test_ctc_loss_sum_reduction: the sum of the first case, and its gradient
    t, n, c, targets, il, tl, _ = CASES["burn-uniform"]
    total, _ = ours(case, CTCLossConfig().init(), sine_logits(t, n, c), targets, il, tl,
                    Reduction.Sum)
    np.testing.assert_allclose(total, [11.2816486359], rtol=1e-4)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_long_sequence_is_stable(backend: Any, dtype: str) -> None:
    """T=200: the log-space recursion neither underflows nor loses precision."""
    case = backend.with_float(dtype).ad
    rng = np.random.default_rng(1)
    t, n, c = 200, 3, 12
    logits = rng.normal(size=(t, n, c)) * 3.0
    targets = rng.integers(1, c, size=(n, 40))
    il, tl = [200, 180, 150], [40, 25, 1]
    got, grad = ours(case, CTCLossConfig().init(), logits, targets, il, tl, None)
    # float64 torch as the reference for both: in float32 our gradient is closer to it
    # (2e-5) than torch's own float32 one (4e-4), whose posterior is exp(alpha + beta + nll).
    want, want_grad = torch_reference(logits, targets, il, tl, 0, "none")
    assert np.all(np.isfinite(got)) and np.all(np.isfinite(grad))
    assert np.all(want > 100.0)     # a probability far below float32's tiny
    np.testing.assert_allclose(got, want, rtol=1e-10 if dtype == "float64" else 1e-5)
    np.testing.assert_allclose(grad, want_grad, **TOL[dtype])


def test_gradient_by_finite_differences(ad_backend: Any) -> None:
    """The gradient w.r.t. the log-probabilities themselves (not through a log_softmax): -the
    alignment posterior, which torch does not give (its backward returns the gradient as if a
    log_softmax followed, ``exp(log_probs) - posterior``)."""
    case = ad_backend.f64
    rng = np.random.default_rng(2)
    log_probs = rng.normal(size=(5, 3, 4)) - 1.5
    targets = np.array([[1, 1], [2, 3], [3, 0]])
    il, tl = np.array([5, 4, 3]), np.array([2, 2, 1])
    for reduction in (None, Reduction.Mean, Reduction.Sum):
        def fn(lp: Any, tg: Any, inp: Any, tgt: Any, reduction: Any = reduction) -> Any:
            loss = CTCLossConfig().with_blank(0).init()
            if reduction is None:
                return loss.forward(lp, tg, inp, tgt)
            return loss.forward_with_reduction(lp, tg, inp, tgt, reduction)
        gradcheck(case, fn, log_probs, targets, il, tl)


# --- Burn's closed-form cases ----------------------------------------------------------------
def test_burn_closed_form_cases(backend: Any) -> None:
    """Uniform probabilities: the loss is -log(#valid paths * p^T)."""
    case = backend
    rep = CTCLossConfig().init().forward(floats(case, np.full((3, 1, 2), math.log(0.5))),
                                         ints(case, [[1, 1]]), ints(case, [3]), ints(case, [2]))
    np.testing.assert_allclose(rep.to_numpy(), [3.0 * math.log(2.0)], rtol=1e-5)  # path 1,0,1
    custom = CTCLossConfig().with_blank(2).init().forward(
        floats(case, np.full((3, 1, 3), math.log(1 / 3))), ints(case, [[0, 1]]), ints(case, [3]),
        ints(case, [2]))
    np.testing.assert_allclose(custom.to_numpy(), [-math.log(5.0 / 27.0)], rtol=1e-5)
    finite = CTCLossConfig().with_zero_infinity(True).init().forward(
        floats(case, np.full((2, 1, 2), math.log(0.5))), ints(case, [[1]]), ints(case, [2]),
        ints(case, [1]))
    np.testing.assert_allclose(finite.to_numpy(), [-math.log(0.75)], rtol=1e-5)


def test_zero_infinity(backend: Any) -> None:
    """A target that needs more frames than the input has ([1, 1] in 2 frames) has loss +inf;
    zero_infinity makes it 0. Either way its gradient is 0, never NaN, and the other samples'
    losses and gradients are torch's."""
    case = backend.f64.ad
    logits = np.random.default_rng(3).normal(size=(4, 3, 3))
    targets, il, tl = [[1, 1], [1, 2], [2, 2]], [2, 4, 4], [2, 2, 2]
    for zero_infinity in (False, True):
        loss = CTCLossConfig().with_zero_infinity(zero_infinity).init()
        got, grad = ours(case, loss, logits, targets, il, tl, None)
        assert got[0] == (0.0 if zero_infinity else math.inf)
        assert np.all(np.isfinite(grad)) and np.all(grad[:, 0] == 0.0)
        want, want_grad = torch_reference(logits, targets, il, tl, 0, "none", zero_infinity=True)
        np.testing.assert_allclose(got[1:], want[1:], **TOL["float64"])
        np.testing.assert_allclose(grad, want_grad, **TOL["float64"])
    uniform = CTCLossConfig().init().forward(floats(case, np.full((2, 1, 3), math.log(1 / 3))),
                                             ints(case, [[1, 1]]), ints(case, [2]), ints(case, [2]))
    assert uniform.to_numpy()[0] == math.inf       # Burn's ..._produces_inf_when_disabled
    masked = CTCLossConfig().with_zero_infinity(True).init().forward(
        floats(case, np.full((2, 1, 3), math.log(1 / 3))), ints(case, [[1, 1]]), ints(case, [2]),
        ints(case, [2]))
    assert masked.to_numpy()[0] == 0.0              # Burn's ..._masks_inf_when_enabled


@pytest.mark.filterwarnings("ignore:divide by zero:RuntimeWarning")
def test_impossible_classes_give_finite_gradients(backend: Any) -> None:
    """Log-probabilities of -inf (a class of probability 0): the loss is torch's and the
    gradient is finite, minus the posterior torch gives where its own is not NaN."""
    case = backend.f64.ad
    probs = np.random.default_rng(7).random((6, 2, 4))
    probs[:, :, 3] = 0.0
    probs[2, :, 1] = 0.0
    probs /= probs.sum(2, keepdims=True)
    log_probs = np.log(probs)
    targets, il, tl = [[1, 2, 1], [2, 2, 0]], [6, 5], [3, 2]
    x = floats(case, log_probs).require_grad()
    loss = CTCLossConfig().init().forward(x, ints(case, targets), ints(case, il), ints(case, tl))
    grad = x.grad(loss.sum().backward()).to_numpy()
    xt = torch.tensor(log_probs, requires_grad=True)
    want = F.ctc_loss(xt, torch.tensor(targets), torch.tensor(il), torch.tensor(tl),
                      reduction="none")
    want.sum().backward()
    assert xt.grad is not None
    np.testing.assert_allclose(loss.to_numpy(), want.detach().numpy(), **TOL["float64"])
    assert np.all(np.isfinite(grad))
    in_input = np.arange(6)[:, None, None] < np.array(il)[None, :, None]
    minus_posterior = xt.grad.numpy() - probs * in_input
    known = np.isfinite(minus_posterior)
    assert not known.all()      # torch's NaNs: what this test is about
    np.testing.assert_allclose(grad[known], minus_posterior[known], **TOL["float64"])


def test_padding_values_and_empty_inputs(backend: Any) -> None:
    """What lies past a target's length is ignored (even -1 or a class out of range); an empty
    input with an empty target has loss 0, as torch."""
    case = backend.f64
    logits = np.random.default_rng(4).normal(size=(5, 3, 4))
    lp = activation.log_softmax(floats(case, logits), 2)
    loss = CTCLossConfig().init()
    padded_zero = loss.forward(lp, ints(case, [[1, 2, 0], [3, 0, 0], [1, 0, 0]]),
                               ints(case, [5, 4, 0]), ints(case, [2, 1, 0])).to_numpy()
    padded_junk = loss.forward(lp, ints(case, [[1, 2, -1], [3, 99, -7], [-1, -1, -1]]),
                               ints(case, [5, 4, 0]), ints(case, [2, 1, 0])).to_numpy()
    np.testing.assert_array_equal(padded_zero, padded_junk)
    want, _ = torch_reference(logits, [[1, 2, 0], [3, 0, 0], [1, 0, 0]], [5, 4, 0], [2, 1, 0],
                              0, "none")
    np.testing.assert_allclose(padded_zero, want, **TOL["float64"])
    assert padded_zero[2] == 0.0
    all_empty = loss.forward(lp, ints(case, np.zeros((3, 0))), ints(case, [0, 0, 0]),
                             ints(case, [0, 0, 0]))
    np.testing.assert_array_equal(all_empty.to_numpy(), [0.0, 0.0, 0.0])


def test_mean_divides_by_target_length(backend: Any) -> None:
    """Reduction.Mean is mean(loss / target_length) (torch; an empty target divides by 1)."""
    case = backend.f64
    logits = np.random.default_rng(5).normal(size=(6, 3, 4))
    args = (activation.log_softmax(floats(case, logits), 2),
            ints(case, [[1, 2, 3], [2, 0, 0], [0, 0, 0]]), ints(case, [6, 6, 6]),
            ints(case, [3, 1, 0]))
    loss = CTCLossConfig().init()
    per_sample = loss.forward(*args).to_numpy()
    mean = loss.forward_with_reduction(*args, Reduction.Mean).into_scalar()
    assert mean == pytest.approx(np.mean(per_sample / [3.0, 1.0, 1.0]), rel=1e-12)
    assert loss.forward_with_reduction(*args, Reduction.Sum).into_scalar() == \
        pytest.approx(per_sample.sum(), rel=1e-12)


def test_speed(plain_backend: Any) -> None:
    """T=100, N=8, C=30, targets of 20: well under a second for forward + backward."""
    if not plain_backend.id.startswith("numpy"):
        pytest.skip("the speed bound is for the NumPy backend")
    case = plain_backend.ad
    rng = np.random.default_rng(6)
    logits = rng.normal(size=(100, 8, 30))
    targets = rng.integers(1, 30, size=(8, 20))
    loss = CTCLossConfig().init()
    ours(case, loss, logits, targets, [100] * 8, [20] * 8, None)     # warm-up
    start = time.perf_counter()
    ours(case, loss, logits, targets, [100, 90, 80, 100, 70, 100, 95, 60], [20] * 8, None)
    assert time.perf_counter() - start < 1.0


# --- errors, config, display -------------------------------------------------------------------
def test_errors_name_the_problem(backend: Any) -> None:
    lp = floats(backend, np.zeros((2, 2, 3)))
    loss = CTCLossConfig().init()

    def call(log_probs: Any = lp, targets: Any = None, il: Any = None, tl: Any = None,
             blank: int = 0) -> None:
        CTCLossConfig().with_blank(blank).init().forward(
            log_probs, ints(backend, [[1], [2]]) if targets is None else targets,
            ints(backend, [2, 2]) if il is None else il, ints(backend, [1, 1]) if tl is None else tl)

    with pytest.raises(ValueError, match="CTCLoss.forward: blank index 5 must be less than "
                                         "num_classes 3"):
        call(blank=5)
    with pytest.raises(ShapeError, match="targets batch dimension 1 must equal batch_size 2"):
        call(targets=ints(backend, [[1]]))
    with pytest.raises(ShapeError, match="input_lengths length 1 must equal batch_size 2"):
        call(il=ints(backend, [2]))
    with pytest.raises(ShapeError, match="target_lengths length 3 must equal batch_size 2"):
        call(tl=ints(backend, [1, 1, 1]))
    with pytest.raises(ValueError, match=r"target_lengths\[1\] = 2 must be in \[0, 1\]"):
        call(tl=ints(backend, [1, 2]))
    with pytest.raises(ValueError, match=r"target_lengths\[0\] = -1"):
        call(tl=ints(backend, [-1, 1]))
    with pytest.raises(ValueError, match=r"input_lengths\[1\] = 0 must be >= "
                                         r"target_lengths\[1\] = 1"):
        call(il=ints(backend, [2, 0]))
    with pytest.raises(ValueError, match=r"input_lengths\[0\] = 3 exceeds the log_probs time "
                                         r"dimension 2"):
        call(il=ints(backend, [3, 2]))
    with pytest.raises(ValueError, match=r"targets\[1\] holds class 3, outside \[0, 3\)"):
        call(targets=ints(backend, [[1], [3]]))
    with pytest.raises(KindError, match="CTCLoss.forward: targets must be an Int tensor"):
        call(targets=floats(backend, [[1.0], [2.0]]))
    with pytest.raises(RankError, match=r"log_probs must have rank 3, got shape \[2, 3\]"):
        call(log_probs=floats(backend, np.zeros((2, 3))))
    with pytest.raises(RankError, match="input_lengths must have rank 1"):
        call(il=ints(backend, [[2, 2]]))
    with pytest.raises(TypeError, match="reduction must be a Reduction"):
        loss.forward_with_reduction(lp, ints(backend, [[1], [2]]), ints(backend, [2, 2]),
                                    ints(backend, [1, 1]), "mean")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="blank must be a non-negative class index, got -1"):
        CTCLossConfig(blank=-1).init()


def test_config_and_display(tmp_path: Any) -> None:
    config = CTCLossConfig().with_blank(3).with_zero_infinity(True)
    assert (config.blank, config.zero_infinity) == (3, True)
    assert (CTCLossConfig().blank, CTCLossConfig().zero_infinity) == (0, False)
    path = tmp_path / "ctc.json"
    config.save(str(path))
    assert CTCLossConfig.load(str(path)) == config
    assert CTCLossConfig.from_dict(config.to_dict()) == config
    assert str(config.init()) == "CTCLoss {blank: 3, zero_infinity: true}"
    assert str(CTCLossConfig().init()) == "CTCLoss {blank: 0, zero_infinity: false}"
    assert config.init().num_params() == 0
