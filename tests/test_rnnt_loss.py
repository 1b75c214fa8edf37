"""RNN-T loss (pyburn.nn.loss.RNNTLoss) on every backend row: against a brute-force NumPy sum over
every alignment, against a cell-by-cell torch.logaddexp recursion (float64, forward and
gradients through torch's autograd), against torchaudio when it is installed, gradients against
central differences, Burn's own values (its torchaudio-derived losses and gradient spot checks,
which Burn's test port could not translate), padding, clear errors and the config."""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np
import pytest

from pyburn import Int, Tensor
from pyburn.nn.loss import Reduction, RNNTLoss, RNNTLossConfig
from pyburn.tensor import KindError, RankError, ShapeError

from gradcheck import gradcheck

RNG = np.random.default_rng(7)


def floats(case: Any, x: Any) -> Any:
    return Tensor[case.B].from_data(np.asarray(x, dtype=np.float64), case.device)


def ints(case: Any, x: Any) -> Any:
    return Tensor[case.B, Int].from_data(np.asarray(x, dtype=np.int64), case.device)


def log_softmax(x: np.ndarray) -> np.ndarray:
    shifted = x - x.max(-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(-1, keepdims=True))


def brute_force(logits: np.ndarray, targets: np.ndarray, t_lens: np.ndarray,
                u_lens: np.ndarray, blank: int = 0, is_logits: bool = True) -> np.ndarray:
    """``-log`` of the summed probability of every alignment, each enumerated: the first
    ``T + U - 1`` emissions hold the ``U`` labels in any positions, then the final blank."""
    lp = log_softmax(logits) if is_logits else logits
    out = []
    for n in range(lp.shape[0]):
        big_t, big_u = int(t_lens[n]), int(u_lens[n])
        paths = []
        for label_steps in itertools.combinations(range(big_t + big_u - 1), big_u):
            t = u = 0
            total = 0.0
            for step in range(big_t + big_u - 1):
                if step in label_steps:
                    total += lp[n, t, u, targets[n, u]]
                    u += 1
                else:
                    total += lp[n, t, u, blank]
                    t += 1
            paths.append(total + lp[n, big_t - 1, big_u, blank])
        m = max(paths)
        out.append(-(m + math.log(sum(math.exp(p - m) for p in paths))))
    return np.array(out)


def torch_rnnt(logits: Any, targets: np.ndarray, t_lens: np.ndarray, u_lens: np.ndarray,
               blank: int = 0) -> Any:
    """The alpha recursion one lattice cell at a time with ``torch.logaddexp``: an independent
    reference whose gradient comes from torch's autograd."""
    import torch
    lp = torch.log_softmax(logits, -1)
    losses = []
    for n in range(lp.shape[0]):
        big_t, big_u = int(t_lens[n]), int(u_lens[n])
        alpha: dict[tuple[int, int], Any] = {(0, 0): lp.new_zeros(())}
        for t in range(big_t):
            for u in range(big_u + 1):
                if (t, u) == (0, 0):
                    continue
                terms = []
                if t > 0:
                    terms.append(alpha[t - 1, u] + lp[n, t - 1, u, blank])
                if u > 0:
                    terms.append(alpha[t, u - 1] + lp[n, t, u - 1, int(targets[n, u - 1])])
                alpha[t, u] = terms[0] if len(terms) == 1 else torch.logaddexp(*terms)
        losses.append(-(alpha[big_t - 1, big_u] + lp[n, big_t - 1, big_u, blank]))
    return torch.stack(losses)


def random_case(n: int, t: int, u: int, v: int, blank: int, t_lens: list[int],
                u_lens: list[int], scale: float = 1.0) -> dict[str, Any]:
    targets = RNG.integers(0, v - 1, size=(n, u))
    targets = np.where(targets >= blank, targets + 1, targets)       # never the blank
    for i, length in enumerate(u_lens):
        targets[i, length:] = -1                                      # padding: any value
    return dict(logits=RNG.normal(size=(n, t, u + 1, v)) * scale, targets=targets,
                t_lens=np.array(t_lens), u_lens=np.array(u_lens), blank=blank)


CASES = {
    "one-sample": random_case(1, 3, 2, 4, 0, [3], [2]),
    "variable-lengths": random_case(3, 4, 3, 5, 0, [4, 2, 3], [3, 0, 1]),
    "blank-last": random_case(2, 3, 2, 4, 3, [3, 3], [2, 1]),
    "one-frame": random_case(2, 1, 2, 3, 0, [1, 1], [2, 1]),
    "no-labels": random_case(2, 3, 0, 3, 1, [3, 2], [0, 0]),
    "more-labels-than-frames": random_case(1, 2, 4, 6, 0, [2], [4]),
}


def run(case: Any, spec: dict[str, Any], logits: Any = None, is_logits: bool = True) -> Any:
    loss = RNNTLossConfig(blank=spec["blank"], logits=is_logits).init()
    x = floats(case, spec["logits"]) if logits is None else logits
    return loss.forward(x, ints(case, spec["targets"]), ints(case, spec["t_lens"]),
                        ints(case, spec["u_lens"]))


# --- forward against every alignment, torch and torchaudio ------------------------------------------
@pytest.mark.parametrize("name", list(CASES))
def test_matches_brute_force_over_all_alignments(backend: Any, name: str) -> None:
    spec = CASES[name]
    want = brute_force(spec["logits"], spec["targets"], spec["t_lens"], spec["u_lens"],
                       spec["blank"])
    got = run(backend.f64, spec)
    assert list(got.shape) == [spec["logits"].shape[0]]
    np.testing.assert_allclose(got.to_numpy(), want, rtol=1e-12)
    f32 = run(backend.with_float("float32"), spec)
    np.testing.assert_allclose(f32.to_numpy(), want, rtol=1e-5)


def test_log_probabilities_input(backend: Any) -> None:
    """``logits=False``: the inputs are used as log-probabilities as they are."""
    spec = CASES["variable-lengths"]
    log_probs = log_softmax(spec["logits"])
    got = run(backend.f64, {**spec, "logits": log_probs}, is_logits=False).to_numpy()
    np.testing.assert_allclose(got, brute_force(log_probs, spec["targets"], spec["t_lens"],
                                                spec["u_lens"], is_logits=False), rtol=1e-12)
    np.testing.assert_allclose(got, run(backend.f64, spec).to_numpy(), rtol=1e-12)


@pytest.mark.parametrize("name", list(CASES))
def test_matches_torch_forward_and_gradients(ad_backend: Any, name: str) -> None:
    torch = pytest.importorskip("torch")
    case = ad_backend.f64
    spec = CASES[name]
    cotangent = RNG.normal(size=spec["logits"].shape[0])
    x = floats(case, spec["logits"]).require_grad()
    loss = run(case, spec, logits=x)
    grad = x.grad(loss.mul(floats(case, cotangent)).sum().backward()).to_numpy()
    xt = torch.tensor(spec["logits"], requires_grad=True)
    want = torch_rnnt(xt, spec["targets"], spec["t_lens"], spec["u_lens"], spec["blank"])
    (want * torch.tensor(cotangent)).sum().backward()
    np.testing.assert_allclose(loss.to_numpy(), want.detach().numpy(), rtol=1e-12)
    np.testing.assert_allclose(grad, xt.grad.numpy(), rtol=1e-10, atol=1e-13)


def test_matches_torchaudio(ad_backend: Any) -> None:
    """torchaudio's fused kernel, where it is installed (it is not a dependency)."""
    torch = pytest.importorskip("torch")
    functional = pytest.importorskip("torchaudio.functional")
    case = ad_backend.with_float("float32")
    spec = CASES["variable-lengths"]
    x = floats(case, spec["logits"]).require_grad()
    loss = run(case, spec, logits=x)
    grad = x.grad(loss.sum().backward()).to_numpy()
    xt = torch.tensor(spec["logits"], dtype=torch.float32, requires_grad=True)
    want = functional.rnnt_loss(
        xt, torch.tensor(np.maximum(spec["targets"], 0), dtype=torch.int32),
        torch.tensor(spec["t_lens"], dtype=torch.int32),
        torch.tensor(spec["u_lens"], dtype=torch.int32), blank=spec["blank"], reduction="none")
    want.sum().backward()
    np.testing.assert_allclose(loss.to_numpy(), want.detach().numpy(), rtol=1e-5)
    np.testing.assert_allclose(grad, xt.grad.numpy(), atol=1e-5)


# --- gradients --------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["variable-lengths", "blank-last", "no-labels",
                                  "more-labels-than-frames"])
def test_gradients_by_finite_differences(ad_backend: Any, name: str) -> None:
    spec = CASES[name]
    loss = RNNTLossConfig(blank=spec["blank"]).init()
    gradcheck(ad_backend.f64, loss.forward, spec["logits"], spec["targets"], spec["t_lens"],
              spec["u_lens"])


def test_gradients_of_log_probabilities_by_finite_differences(ad_backend: Any) -> None:
    spec = CASES["blank-last"]
    loss = RNNTLossConfig(blank=spec["blank"], logits=False).init()
    gradcheck(ad_backend.f64, loss.forward, log_softmax(spec["logits"]), spec["targets"],
              spec["t_lens"], spec["u_lens"])


def test_ties_split_the_gradient(ad_backend: Any) -> None:
    """Equal logits make both predecessors of every lattice point equally likely: each must get
    half of the gradient (a max-based log-add-exp would hand all of it to one side)."""
    spec = {**CASES["one-sample"], "logits": np.zeros((1, 3, 3, 4))}
    gradcheck(ad_backend.f64, RNNTLossConfig().init().forward, spec["logits"], spec["targets"],
              spec["t_lens"], spec["u_lens"])


def test_padding_gets_exactly_zero_gradient(ad_backend: Any) -> None:
    case = ad_backend.f64
    spec = CASES["variable-lengths"]
    x = floats(case, spec["logits"]).require_grad()
    grad = x.grad(run(case, spec, logits=x).sum().backward()).to_numpy()
    for n, (big_t, big_u) in enumerate(zip(spec["t_lens"], spec["u_lens"])):
        assert np.all(grad[n, big_t:] == 0.0) and np.all(grad[n, :, big_u + 1:] == 0.0)
        assert np.any(grad[n, :big_t, :big_u + 1] != 0.0)
    np.testing.assert_allclose(grad.sum(-1), 0.0, atol=1e-14)   # log_softmax rows sum to 0


def test_large_logits_stay_finite(ad_backend: Any) -> None:
    torch = pytest.importorskip("torch")
    case = ad_backend.f64
    spec = random_case(2, 4, 3, 5, 0, [4, 3], [3, 2], scale=300.0)
    x = floats(case, spec["logits"]).require_grad()
    loss = run(case, spec, logits=x)
    grad = x.grad(loss.sum().backward()).to_numpy()
    xt = torch.tensor(spec["logits"], requires_grad=True)
    want = torch_rnnt(xt, spec["targets"], spec["t_lens"], spec["u_lens"])
    want.sum().backward()
    assert np.all(np.isfinite(loss.to_numpy())) and np.all(np.isfinite(grad))
    np.testing.assert_allclose(loss.to_numpy(), want.detach().numpy(), rtol=1e-12)
    np.testing.assert_allclose(grad, xt.grad.numpy(), atol=1e-10)


# --- Burn's own tests (crates/burn-nn/src/loss/rnnt.rs) ------------------------------------------------
def burn_logits(n: int, t: int, u: int, v: int) -> np.ndarray:
    """Burn's ``make_logits``: ``sin((b*11 + t*7 + u*13 + v*3) * 0.1)`` in float32."""
    b_, t_, u_, v_ = np.meshgrid(np.arange(n), np.arange(t), np.arange(u), np.arange(v),
                                 indexing="ij")
    return np.sin(((b_ * 11 + t_ * 7 + u_ * 13 + v_ * 3) * 0.1).astype(np.float32))


def burn_case(ad_backend: Any, n: int, t: int, u: int, v: int, targets: list[list[int]],
              t_lens: list[int], u_lens: list[int],
              reduction: Reduction | None = None) -> tuple[np.ndarray, np.ndarray]:
    case = ad_backend.with_float("float32")
    x = floats(case, burn_logits(n, t, u, v)).require_grad()
    loss = RNNTLossConfig().init()
    args = (x, ints(case, targets), ints(case, t_lens), ints(case, u_lens))
    out = loss.forward(*args) if reduction is None else loss.forward_with_reduction(*args,
                                                                                   reduction)
    grad = x.grad(out.sum().backward()).to_numpy()
    np.testing.assert_allclose(grad.sum(-1), 0.0, atol=1e-3)    # Burn's check_vocab_grad_sums
    return out.to_numpy(), grad


def test_burn_basic_b1(ad_backend: Any) -> None:
    loss, grad = burn_case(ad_backend, 1, 4, 3, 3, [[1, 2]], [4], [2])
    np.testing.assert_allclose(loss, [4.4491], atol=1e-3)
    np.testing.assert_allclose(grad[0, 0, 0], [-0.2041, -0.2246, 0.4287], atol=1e-3)
    np.testing.assert_allclose(grad[0, 2, 0], [0.0079, -0.0640, 0.0561], atol=1e-3)
    np.testing.assert_allclose(grad[0, 3, 2], [-0.6899, 0.3231, 0.3667], atol=1e-3)


def test_burn_batched_b2(ad_backend: Any) -> None:
    loss, grad = burn_case(ad_backend, 2, 5, 4, 4, [[1, 2, 3], [2, 1, 3]], [5, 5], [3, 3])
    np.testing.assert_allclose(loss, [7.9356, 7.2033], atol=1e-3)
    np.testing.assert_allclose(grad[0, 0, 0], [-0.3161, -0.3113, 0.2796, 0.3479], atol=1e-3)
    np.testing.assert_allclose(grad[1, 0, 0], [-0.2766, 0.2602, -0.2248, 0.2411], atol=1e-3)
    np.testing.assert_allclose(grad[0, 4, 3], [-0.8216, 0.2296, 0.2786, 0.3133], atol=1e-3)
    np.testing.assert_allclose(grad[1, 4, 3], [-0.7185, 0.2735, 0.2437, 0.2012], atol=1e-3)


def test_burn_variable_lengths_b3(ad_backend: Any) -> None:
    loss, grad = burn_case(ad_backend, 3, 6, 4, 5, [[1, 2, 3], [4, 1, 0], [2, 0, 0]],
                           [6, 4, 5], [3, 2, 1])
    np.testing.assert_allclose(loss, [10.7458, 8.0196, 8.3316], atol=1e-3)
    np.testing.assert_allclose(grad[0, 0, 0], [-0.4232, -0.3114, 0.1992, 0.2478, 0.2876],
                               atol=1e-3)
    np.testing.assert_allclose(grad[0, 5, 3], [-0.8016, 0.2170, 0.2172, 0.1991, 0.1683],
                               atol=1e-3)
    np.testing.assert_allclose(grad[1, 0, 0], [-0.2502, 0.2160, 0.2173, 0.2002, -0.3833],
                               atol=1e-3)
    assert np.all(grad[1, 4:] == 0.0)          # past sample 1's 4 frames
    assert np.all(grad[1, :4, 3] == 0.0)       # past sample 1's 2 labels
    assert np.all(grad[2, 5] == 0.0)           # past sample 2's 5 frames


@pytest.mark.parametrize("reduction, total, first_grad", [
    (Reduction.Sum, 15.1389, [-0.3161, -0.3113, 0.2796, 0.3479]),
    (Reduction.Mean, 7.5694, [-0.1581, -0.1557, 0.1398, 0.1739]),
    (Reduction.Auto, 7.5694, [-0.1581, -0.1557, 0.1398, 0.1739]),
])
def test_burn_reductions(ad_backend: Any, reduction: Reduction, total: float,
                         first_grad: list[float]) -> None:
    loss, grad = burn_case(ad_backend, 2, 5, 4, 4, [[1, 2, 3], [2, 1, 3]], [5, 5], [3, 3],
                           reduction)
    assert loss.shape == (1,)
    np.testing.assert_allclose(loss, [total], atol=1e-3)
    np.testing.assert_allclose(grad[0, 0, 0], first_grad, atol=1e-3)


def test_burn_uniform_probabilities(backend: Any) -> None:
    """Burn's single_token_uniform_probs and empty_target: with every probability 1/V, each
    alignment has probability V^-(T+U), and there are C(T+U-1, U) of them."""
    loss = RNNTLossConfig().with_logits(False).init()
    for big_t, big_u in [(2, 1), (3, 0), (4, 2)]:
        x = Tensor[backend.B].full([1, big_t, big_u + 1, 2], math.log(0.5), backend.device)
        got = loss.forward(x, ints(backend, np.ones((1, big_u))), ints(backend, [big_t]),
                           ints(backend, [big_u]))
        paths = math.comb(big_t + big_u - 1, big_u)
        assert float(got.into_scalar()) == pytest.approx(
            -math.log(paths * 0.5 ** (big_t + big_u)), abs=1e-5)


def test_burn_logits_equivalence(backend: Any) -> None:
    """Burn's logits_equivalence: the internal log_softmax equals an external one."""
    from pyburn.tensor import activation
    x = floats(backend, np.sin(np.arange(24) * 0.3).reshape(1, 2, 3, 4))
    args = (ints(backend, [[1, 2]]), ints(backend, [2]), ints(backend, [2]))
    fused = RNNTLossConfig(logits=True).init().forward(x, *args)
    manual = RNNTLossConfig(logits=False).init().forward(activation.log_softmax(x, 3), *args)
    np.testing.assert_allclose(fused.to_numpy(), manual.to_numpy(), atol=1e-12)


# --- errors, config, display -----------------------------------------------------------------------------
def test_bad_inputs_raise_clear_errors(backend: Any) -> None:
    loss = RNNTLossConfig().init()
    x = floats(backend, np.zeros((2, 3, 2, 3)))
    good_targets, lens = ints(backend, [[1], [2]]), ints(backend, [3, 3])
    with pytest.raises(ValueError, match=r"RNNTLoss.forward: blank index 5 must be less than "
                                         r"vocab_size 3"):
        RNNTLossConfig().with_blank(5).init().forward(x, good_targets, lens, ints(backend, [1, 1]))
    with pytest.raises(ShapeError, match=r"targets length 1 must equal batch_size 2"):
        loss.forward(x, ints(backend, [[1]]), lens, ints(backend, [1, 1]))
    with pytest.raises(ShapeError, match=r"logit_lengths length 1 must equal batch_size 2"):
        loss.forward(x, good_targets, ints(backend, [3]), ints(backend, [1, 1]))
    with pytest.raises(ShapeError, match=r"target_lengths length 1 must equal batch_size 2"):
        loss.forward(x, good_targets, lens, ints(backend, [1]))
    with pytest.raises(ShapeError, match=r"targets length dimension 2 must equal max_target_len "
                                         r"\(max_u\) 1"):
        loss.forward(x, ints(backend, [[1, 1], [2, 2]]), lens, ints(backend, [1, 1]))
    with pytest.raises(ValueError, match=r"logit_lengths must lie in \[1, 3\] .*got 4"):
        loss.forward(x, good_targets, ints(backend, [3, 4]), ints(backend, [1, 1]))
    with pytest.raises(ValueError, match=r"logit_lengths must lie in \[1, 3\] .*got 0"):
        loss.forward(x, good_targets, ints(backend, [0, 3]), ints(backend, [1, 1]))
    with pytest.raises(ValueError, match=r"target_lengths must lie in \[0, 1\] .*got 2"):
        loss.forward(x, good_targets, lens, ints(backend, [1, 2]))
    with pytest.raises(ValueError, match=r"targets must lie in \[0, 2\] .*got 3"):
        loss.forward(x, ints(backend, [[1], [3]]), lens, ints(backend, [1, 1]))
    # a label past the target length is padding, whatever its value
    padded = loss.forward(x, ints(backend, [[1], [-7]]), lens, ints(backend, [1, 0]))
    assert np.all(np.isfinite(padded.to_numpy()))
    with pytest.raises(RankError, match=r"RNNTLoss.forward: logits must have rank 4"):
        loss.forward(floats(backend, np.zeros((2, 3, 3))), good_targets, lens, lens)
    with pytest.raises(KindError, match=r"RNNTLoss.forward: targets must be an Int tensor"):
        loss.forward(x, floats(backend, [[1.0], [2.0]]), lens, lens)
    with pytest.raises(TypeError, match="RNNTLoss.forward_with_reduction: reduction must be"):
        loss.forward_with_reduction(x, good_targets, lens, ints(backend, [1, 1]),
                                    "mean")  # type: ignore[arg-type]


def test_config_defaults_builders_json_and_display() -> None:
    cfg = RNNTLossConfig()
    assert (cfg.blank, cfg.logits) == (0, True)
    built = cfg.with_blank(3).with_logits(False)
    assert RNNTLossConfig.from_json(built.to_json()) == built
    loss = built.init()
    assert isinstance(loss, RNNTLoss) and (loss.blank, loss.logits) == (3, False)
    assert str(loss) == "RNNTLoss {blank: 3, logits: false}"
    assert loss.num_params() == 0
    with pytest.raises(ValueError, match="RNNTLossConfig: blank must be a non-negative"):
        RNNTLossConfig(blank=-1).init()
