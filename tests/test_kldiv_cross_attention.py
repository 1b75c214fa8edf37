"""Tests for `KLDivLoss` (against torch.nn.functional.kl_div, every reduction, log targets,
gradients) and `CrossAttention` (against a torch composition on copied weights: MHA, GQA and MQA,
masks, quiet softmax, the cache, gradients), on every backend row, plus clear errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from gradcheck import gradcheck
from pyburn import Bool, Int, Tensor
from pyburn.config import ConfigError
from pyburn.nn.attention import CrossAttention, CrossAttentionCache, CrossAttentionConfig
from pyburn.nn.loss import KLDivLoss, KLDivLossConfig, MseLoss, Reduction
from pyburn.tensor import KindError, RankError, ShapeError

RNG = np.random.default_rng(7)


def torch_or_skip() -> Any:
    return pytest.importorskip("torch", reason="torch is not installed: nothing to compare with")


def tt(x: Any, grad: bool = False) -> Any:
    torch = torch_or_skip()
    return torch.tensor(np.asarray(x, dtype=np.float64), dtype=torch.float64, requires_grad=grad)


def floats(case: Any, x: Any) -> Any:
    return Tensor[case.B].from_data(np.asarray(x, dtype=np.float64), case.device)


def log_probs(shape: tuple[int, ...]) -> np.ndarray:
    x = RNG.normal(size=shape)
    return x - np.log(np.exp(x).sum(-1, keepdims=True))


def probs(shape: tuple[int, ...]) -> np.ndarray:
    return np.exp(log_probs(shape))


# --- KLDivLoss ------------------------------------------------------------------------------------
REDUCTIONS = [(Reduction.Mean, "mean"), (Reduction.Sum, "sum"),
              (Reduction.BatchMean, "batchmean"), (Reduction.Auto, "batchmean")]


pytestmark = pytest.mark.filterwarnings("ignore:reduction. 'mean' divides:UserWarning")


@pytest.mark.parametrize("log_target", [False, True])
def test_kldiv_matches_torch(backend: Any, log_target: bool) -> None:
    torch = torch_or_skip()
    case = backend.f64
    x, t = log_probs((4, 5)), probs((4, 5))
    t[0, 1] = 0.0  # a zero target contributes exactly 0 (torch's xlogy)
    if log_target:
        t = log_probs((4, 5))
    loss = KLDivLossConfig(log_target=log_target).init()
    for reduction, name in REDUCTIONS:
        got = loss.forward(floats(case, x), floats(case, t), reduction)
        assert list(got.shape) == [1]
        want = torch.nn.functional.kl_div(tt(x), tt(t), reduction=name, log_target=log_target)
        assert float(got.into_scalar()) == pytest.approx(want.item(), rel=1e-12, abs=1e-14)
    none = loss.forward_no_reduction(floats(case, x), floats(case, t)).to_numpy()
    want = torch.nn.functional.kl_div(tt(x), tt(t), reduction="none", log_target=log_target)
    np.testing.assert_allclose(none, want.numpy(), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("log_target", [False, True])
def test_kldiv_gradients_match_torch(backend: Any, log_target: bool) -> None:
    torch = torch_or_skip()
    case = backend.f64.ad
    x = log_probs((3, 4))
    t = log_probs((3, 4)) if log_target else np.clip(probs((3, 4)), 0.05, 0.95)
    loss = KLDivLossConfig(log_target=log_target).init()
    for reduction, name in REDUCTIONS:
        px, pt = floats(case, x).require_grad(), floats(case, t).require_grad()
        grads = loss.forward(px, pt, reduction).backward()
        tx, t_t = tt(x, True), tt(t, True)
        torch.nn.functional.kl_div(tx, t_t, reduction=name, log_target=log_target).backward()
        np.testing.assert_allclose(px.grad(grads).to_numpy(), tx.grad.numpy(), rtol=1e-10,
                                   atol=1e-14)
        np.testing.assert_allclose(pt.grad(grads).to_numpy(), t_t.grad.numpy(), rtol=1e-10,
                                   atol=1e-14)


@pytest.mark.parametrize("log_target", [False, True])
def test_kldiv_finite_differences(backend: Any, log_target: bool) -> None:
    loss = KLDivLossConfig(log_target=log_target).init()
    t = log_probs((2, 3)) if log_target else np.clip(probs((2, 3)), 0.05, 0.95)
    gradcheck(backend.f64.ad, loss.forward_no_reduction, log_probs((2, 3)), t)


def test_kldiv_burn_values_and_display(backend: Any) -> None:
    case = backend
    loss = KLDivLossConfig().init()
    got = loss.forward(case.tensor([[-1.0, -0.5], [-2.0, -0.2]]),
                       case.tensor([[0.4, 0.6], [0.1, 0.9]]))  # Auto = BatchMean
    assert float(got.into_scalar()) == pytest.approx(0.04095, abs=1e-5)
    assert str(KLDivLossConfig(log_target=True).init()) == "KLDivLoss {log_target: true}"
    assert KLDivLossConfig.from_json(KLDivLossConfig(log_target=True).to_json()).log_target


def test_kldiv_errors(backend: Any) -> None:
    case = backend
    loss = KLDivLossConfig().init()
    a, b = case.tensor([[0.1, 0.2]]), case.tensor([[0.1, 0.2, 0.3]])
    with pytest.raises(ShapeError, match=r"KLDivLoss.*\[1, 2\].*\[1, 3\]"):
        loss.forward(a, b)
    with pytest.raises(KindError, match="KLDivLoss.*targets must be a Float tensor"):
        loss.forward(a, Tensor[case.B, Int].from_data([[0, 1]], case.device))
    with pytest.raises(TypeError, match="KLDivLoss.forward: reduction must be a Reduction"):
        loss.forward(a, a, "batchmean")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="log_target"):
        KLDivLossConfig(log_target="yes").init()  # type: ignore[arg-type]
    # Burn: the other losses refuse BatchMean.
    with pytest.raises(ValueError, match="MseLoss: Reduction.BatchMean is not supported"):
        MseLoss().forward(a, a, Reduction.BatchMean)
    assert isinstance(loss, KLDivLoss)


# --- CrossAttention -------------------------------------------------------------------------------
def weights_of(ca: CrossAttention) -> dict[str, tuple[Any, Any]]:
    torch = torch_or_skip()
    out = {}
    for name in ("query", "key", "value", "output"):
        lin = getattr(ca, name)
        out[name] = (torch.tensor(lin.weight.val().to_numpy(), requires_grad=True),
                     torch.tensor(lin.bias.val().to_numpy(), requires_grad=True))
    return out


def torch_cross_attention(w: dict[str, tuple[Any, Any]], q: Any, c: Any, mask: Any,
                          n_heads: int, n_heads_kv: int, d_head: int, quiet: bool,
                          min_float: float = -1.0e4) -> Any:
    """The reference: Burn's cross-attention written with torch ops (GQA by repeat_interleave)."""
    torch = torch_or_skip()
    b, lq, _ = q.shape
    lk = c.shape[1]

    def proj(name: str, x: Any) -> Any:
        return x @ w[name][0] + w[name][1]

    qh = proj("query", q).reshape(b, lq, n_heads, d_head).transpose(1, 2)
    kh = proj("key", c).reshape(b, lk, n_heads_kv, d_head).transpose(1, 2)
    vh = proj("value", c).reshape(b, lk, n_heads_kv, d_head).transpose(1, 2)
    rep = n_heads // n_heads_kv
    kh, vh = kh.repeat_interleave(rep, dim=1), vh.repeat_interleave(rep, dim=1)
    scores = qh @ kh.transpose(-1, -2) / d_head ** 0.5
    if mask is not None:
        scores = scores.masked_fill(torch.tensor(mask)[:, None, None, :], min_float)
    if quiet:
        m = scores.max(-1, keepdim=True).values.clamp_min(0.0).detach()
        e = (scores - m).exp()
        weights = e / ((-m).exp() + e.sum(-1, keepdim=True))
    else:
        weights = scores.softmax(-1)
    out = (weights @ vh).transpose(1, 2).reshape(b, lq, n_heads * d_head)
    return proj("output", out)


@pytest.mark.parametrize("n_heads_kv,quiet,masked", [(4, False, False), (2, False, True),
                                                     (1, True, True), (4, True, False)])
def test_cross_attention_matches_torch(backend: Any, n_heads_kv: int, quiet: bool,
                                       masked: bool) -> None:
    torch = torch_or_skip()
    case = backend.f64.ad
    d_model, d_context, n_heads, d_head = 6, 5, 4, 3
    ca = CrossAttentionConfig(d_model, d_context, n_heads, n_heads_kv, d_head, dropout=0.0,
                              quiet_softmax=quiet).init(case.device)
    q_np, c_np = RNG.normal(size=(2, 3, d_model)), RNG.normal(size=(2, 4, d_context))
    mask_np = np.array([[False, False, True, True], [False, False, False, True]]) if masked \
        else None
    r = RNG.normal(size=(2, 3, d_model))
    q, c = floats(case, q_np).require_grad(), floats(case, c_np).require_grad()
    mask = None if mask_np is None else Tensor[case.B, Bool].from_data(mask_np, case.device)
    out = ca.forward(q, c, mask)
    grads = (out * floats(case, r)).sum().backward()

    w = weights_of(ca)
    tq, tc = tt(q_np, True), tt(c_np, True)
    want = torch_cross_attention(w, tq, tc, mask_np, n_heads, n_heads_kv, d_head, quiet)
    (want * tt(r)).sum().backward()
    np.testing.assert_allclose(out.to_numpy(), want.detach().numpy(), rtol=1e-12, atol=1e-13)
    np.testing.assert_allclose(q.grad(grads).to_numpy(), tq.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(c.grad(grads).to_numpy(), tc.grad.numpy(), rtol=1e-10, atol=1e-12)
    for name in ("query", "key", "value", "output"):
        lin = getattr(ca, name)
        np.testing.assert_allclose(lin.weight.grad(grads).to_numpy(), w[name][0].grad.numpy(),
                                   rtol=1e-10, atol=1e-12, err_msg=f"{name}.weight")
        np.testing.assert_allclose(lin.bias.grad(grads).to_numpy(), w[name][1].grad.numpy(),
                                   rtol=1e-10, atol=1e-12, err_msg=f"{name}.bias")


def test_cross_attention_finite_differences(backend: Any) -> None:
    case = backend.f64.ad
    ca = CrossAttentionConfig(4, 3, 2, 1, 2, dropout=0.0).init(case.device)
    mask = Tensor[case.B, Bool].from_data(np.array([[False, True, False]]), case.device)
    gradcheck(case, lambda q, c: ca.forward(q, c, mask), RNG.normal(size=(1, 2, 4)),
              RNG.normal(size=(1, 3, 3)))


def test_cross_attention_mask_and_cache(backend: Any) -> None:
    case = backend.f64
    ca = CrossAttentionConfig(6, 5, 2, 2, 3, dropout=0.0).init(case.device)
    q, c = floats(case, RNG.normal(size=(2, 3, 6))), RNG.normal(size=(2, 4, 5))
    mask = Tensor[case.B, Bool].from_data(np.array([[False, False, True, True]] * 2), case.device)
    c2 = c.copy()
    c2[:, 2:] = RNG.normal(size=(2, 2, 5))  # changes only masked positions
    out1 = ca.forward(q, floats(case, c), mask).to_numpy()
    np.testing.assert_allclose(out1, ca.forward(q, floats(case, c2), mask).to_numpy(), atol=1e-12)
    cache = CrossAttentionCache.new()
    for query in (q, floats(case, RNG.normal(size=(2, 3, 6)))):
        np.testing.assert_allclose(ca.forward_cache(query, floats(case, c), None, cache).to_numpy(),
                                   ca.forward(query, floats(case, c)).to_numpy(), atol=1e-12)
    assert not cache.k.is_empty() and list(cache.v.value.dims()) == [2, 2, 4, 3]


def test_cross_attention_dropout_acts_on_weights(backend: Any) -> None:
    """Dropout 1 zeroes every attention weight (on Autodiff, in training): only the output bias
    is left; without Autodiff dropout is off."""
    case = backend.f64.ad
    ca = CrossAttentionConfig(4, 4, 2, 2, 2, dropout=1.0).init(case.device)
    out = ca.forward(floats(case, RNG.normal(size=(1, 2, 4))),
                     floats(case, RNG.normal(size=(1, 3, 4))))
    bias = ca.output.bias.val().to_numpy()
    np.testing.assert_allclose(out.to_numpy(), np.broadcast_to(bias, (1, 2, 4)), atol=1e-15)


def test_cross_attention_config_and_display(backend: Any) -> None:
    cfg = CrossAttentionConfig(8, 6, 4, 2, 3).with_quiet_softmax(True)
    assert CrossAttentionConfig.from_json(cfg.to_json()) == cfg
    assert (cfg.dropout, cfg.min_float) == (0.1, -1.0e4)
    ca = cfg.init(backend.device)
    assert [ca.query.d_input, ca.query.d_output, ca.key.d_input, ca.key.d_output,
            ca.output.d_input, ca.output.d_output] == [8, 12, 6, 6, 12, 8]
    assert ca.scale == pytest.approx(1.0 / 3.0 ** 0.5)
    assert str(ca).startswith("CrossAttention {d_model: 8, d_context: 6, n_heads: 4, "
                              "n_heads_kv: 2, d_head: 3, dropout: 0.1, min_float: -10000, "
                              "quiet_softmax: true, params: ")


def test_cross_attention_errors(backend: Any) -> None:
    case = backend
    with pytest.raises(ValueError, match=r"n_heads=5, n_heads_kv=2"):
        CrossAttentionConfig(32, 32, 5, 2, 8).init(case.device)
    with pytest.raises(ValueError, match="d_head=0"):
        CrossAttentionConfig(32, 32, 4, 2, 0).init(case.device)
    ca = CrossAttentionConfig(6, 5, 2, 1, 3).init(case.device)
    q, c = case.tensor(np.zeros((2, 3, 6))), case.tensor(np.zeros((2, 4, 5)))
    with pytest.raises(ShapeError, match=r"query must be \[batch, seq_q, d_model=6\], got shape "
                                         r"\[2, 3, 5\]"):
        ca.forward(case.tensor(np.zeros((2, 3, 5))), c)
    with pytest.raises(ShapeError, match=r"context must be \[batch=2, seq_k, d_context=5\]"):
        ca.forward(q, case.tensor(np.zeros((1, 4, 5))))
    with pytest.raises(RankError, match="context"):
        ca.forward(q, case.tensor(np.zeros((4, 5))))
    with pytest.raises(ShapeError, match=r"mask must have shape \[batch, seq_k\] = \[2, 4\], "
                                         r"got \[2, 3\]"):
        ca.forward(q, c, Tensor[case.B, Bool].from_data(np.zeros((2, 3), bool), case.device))
    with pytest.raises(TypeError, match="mask must be a Bool tensor"):
        ca.forward(q, c, Tensor[case.B, Int].from_data(np.zeros((2, 4), int), case.device))
    with pytest.raises(TypeError, match="cache must be a CrossAttentionCache"):
        ca.forward_cache(q, c, None, None)  # type: ignore[arg-type]
