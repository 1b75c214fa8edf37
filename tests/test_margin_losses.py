"""The margin and embedding losses (CosineEmbedding, MultiMargin, TripletMargin, SoftMargin,
MarginRanking, HingeEmbedding) against torch.nn.functional: float64 values for every reduction
on every backend row, gradients against torch autograd and central differences on the Autodiff
rows, the gradient at each loss's kink (torch's subgradient), clear errors, configs and Burn's
display strings."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest

from gradcheck import gradcheck
from pyburn import Int, Tensor
from pyburn.nn.loss import (CosineEmbeddingLoss, CosineEmbeddingLossConfig,
                            HingeEmbeddingLossConfig, MarginRankingLossConfig,
                            MultiMarginLossConfig, Reduction, SoftMarginLoss,
                            TripletMarginLossConfig)
from pyburn.tensor import KindError, RankError, ShapeError

torch = pytest.importorskip("torch", reason="torch is not installed: nothing to compare with")
F = torch.nn.functional

RNG = np.random.default_rng(5)
SIGNS = np.array([1.0, -1.0, -1.0, 1.0, -1.0, 1.0])
WEIGHT = [0.5, 2.0, 1.0, 3.0]

# name -> the inputs (NumPy; float arrays are differentiable, int arrays are class targets)
INPUTS: dict[str, list[np.ndarray]] = {
    "cosine_embedding": [RNG.normal(size=(6, 4)), RNG.normal(size=(6, 4)),
                         SIGNS.astype(np.int64)],
    "multi_margin": [RNG.normal(size=(6, 4)), np.array([0, 3, 1, 1, 2, 3])],
    "multi_margin_p2_weight": [RNG.normal(size=(6, 4)), np.array([2, 0, 1, 3, 2, 0])],
    "triplet": [RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))],
    "triplet_p1": [RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))],
    "triplet_p3": [RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))],
    "soft_margin": [RNG.normal(size=(2, 3)) * 3.0, SIGNS.reshape(2, 3)],
    "margin_ranking": [RNG.normal(size=(2, 3)), RNG.normal(size=(2, 3)), SIGNS.reshape(2, 3)],
    "hinge_embedding": [RNG.normal(size=(6,)) * 2.0, SIGNS],
}
# The targets of these losses are floats but constants: no gradient is checked for them.
CONSTANT = {"soft_margin": [1], "margin_ranking": [2], "hinge_embedding": [1]}


def _with(loss: Any, reduction: Reduction | None) -> Callable[..., Any]:
    if reduction is None:
        return lambda *a: loss.forward_no_reduction(*a)
    return lambda *a: loss.forward(*a, reduction)


def ours(name: str, reduction: Reduction | None, device: Any = None) -> Callable[..., Any]:
    """The pyburn loss, as a function of the inputs' tensors."""
    if name == "cosine_embedding":
        config = CosineEmbeddingLossConfig(margin=0.2)
        if reduction is None:
            return lambda *a: config.init().forward_no_reduction(*a)
        return lambda *a: config.with_reduction(reduction).init().forward(*a)
    loss = {
        "multi_margin": lambda: MultiMarginLossConfig().init(),
        "multi_margin_p2_weight": lambda: MultiMarginLossConfig(
            margin=0.7, p=2, weight=WEIGHT).init(device),
        "triplet": lambda: TripletMarginLossConfig().init(),
        "triplet_p1": lambda: TripletMarginLossConfig(margin=0.5, p=1.0).init(),
        "triplet_p3": lambda: TripletMarginLossConfig(margin=1.5, p=3.0).init(),
        "soft_margin": lambda: SoftMarginLoss(),
        "margin_ranking": lambda: MarginRankingLossConfig(0.3).init(),
        "hinge_embedding": lambda: HingeEmbeddingLossConfig(0.8).init(),
    }[name]()
    return _with(loss, reduction)


def theirs(name: str, reduction: str) -> Callable[..., Any]:
    """The torch.nn.functional counterpart (``reduction`` is torch's string)."""
    return {
        "cosine_embedding": lambda a, b, y: F.cosine_embedding_loss(
            a, b, y, margin=0.2, reduction=reduction),
        "multi_margin": lambda x, y: F.multi_margin_loss(x, y, reduction=reduction),
        "multi_margin_p2_weight": lambda x, y: F.multi_margin_loss(
            x, y, p=2, margin=0.7, weight=torch.tensor(WEIGHT, dtype=torch.float64),
            reduction=reduction),
        "triplet": lambda a, p, n: F.triplet_margin_loss(a, p, n, eps=0.0,
                                                         reduction=reduction),
        "triplet_p1": lambda a, p, n: F.triplet_margin_loss(a, p, n, margin=0.5, p=1.0,
                                                            eps=0.0, reduction=reduction),
        "triplet_p3": lambda a, p, n: F.triplet_margin_loss(a, p, n, margin=1.5, p=3.0,
                                                            eps=0.0, reduction=reduction),
        "soft_margin": lambda x, y: F.soft_margin_loss(x, y, reduction=reduction),
        "margin_ranking": lambda a, b, y: F.margin_ranking_loss(a, b, y, margin=0.3,
                                                                reduction=reduction),
        "hinge_embedding": lambda x, y: F.hinge_embedding_loss(x, y, margin=0.8,
                                                               reduction=reduction),
    }[name]


def to_pyburn(case: Any, values: list[np.ndarray], track: bool = False) -> list[Any]:
    out = []
    for v in values:
        if v.dtype.kind == "f":
            t = Tensor[case.B].from_data(v, case.device)
            out.append(t.require_grad() if track else t)
        else:
            out.append(Tensor[case.B, Int].from_data(v, case.device))
    return out


def to_torch(values: list[np.ndarray], constant: list[int] = []) -> list[Any]:
    return [torch.tensor(v, dtype=torch.float64, requires_grad=i not in constant)
            if v.dtype.kind == "f" else torch.tensor(v) for i, v in enumerate(values)]


@pytest.mark.parametrize("name", list(INPUTS))
def test_values_match_torch(backend: Any, name: str) -> None:
    case = backend.f64
    values = INPUTS[name]
    for reduction, torch_name in [(None, "none"), (Reduction.Mean, "mean"),
                                  (Reduction.Sum, "sum"), (Reduction.Auto, "mean")]:
        got = ours(name, reduction, case.device)(*to_pyburn(case, values)).to_numpy()
        want = theirs(name, torch_name)(*to_torch(values, CONSTANT.get(name, []))) \
            .detach().numpy()
        if reduction is not None:
            assert got.shape == (1,), f"a reduced loss is a [1] tensor, got {got.shape}"
            want = want.reshape(1)
        # 1e-11: torch's cosine_embedding_loss adds 1e-12 to each squared norm
        np.testing.assert_allclose(got, want, rtol=1e-11, atol=1e-14,
                                   err_msg=f"{name}, reduction {torch_name}")


@pytest.mark.parametrize("name", list(INPUTS))
def test_gradients_match_torch_autograd(ad_backend: Any, name: str) -> None:
    case = ad_backend.f64
    values = INPUTS[name]
    constant = CONSTANT.get(name, [])
    tracked = to_pyburn(case, values, track=True)
    tracked = [t.detach() if i in constant else t for i, t in enumerate(tracked)]
    out = ours(name, None, case.device)(*tracked)
    cotangent = RNG.normal(size=tuple(out.shape))
    grads = (out * Tensor[case.B].from_data(cotangent, case.device)).sum().backward()
    torch_values = to_torch(values, constant)
    (theirs(name, "none")(*torch_values) * torch.tensor(cotangent)).sum().backward()
    for i, (t, tv) in enumerate(zip(tracked, torch_values)):
        if values[i].dtype.kind != "f" or i in constant:
            continue
        np.testing.assert_allclose(t.grad(grads).to_numpy(), tv.grad.numpy(), rtol=1e-10,
                                   atol=1e-12, err_msg=f"{name}: gradient of input {i}")


@pytest.mark.parametrize("name", list(INPUTS))
def test_gradients_by_finite_differences(ad_backend: Any, name: str) -> None:
    case = ad_backend.f64
    values = INPUTS[name]
    constant = CONSTANT.get(name, [])
    wrt = [i for i, v in enumerate(values) if v.dtype.kind == "f" and i not in constant]
    for reduction in (None, Reduction.Mean, Reduction.Sum):
        gradcheck(case, ours(name, reduction, case.device), *values, wrt=wrt)


# --- kinks: torch's subgradient ---------------------------------------------------------------
KINKS: dict[str, tuple[Callable[..., Any], Callable[..., Any], list[np.ndarray], list[int]]] = {
    # -y * (x1 - x2) + margin == 0 in the first element: torch's clamp_min passes the gradient
    "margin_ranking": (lambda a, b, y: MarginRankingLossConfig(0.5).init().forward(a, b, y),
                       lambda a, b, y: F.margin_ranking_loss(a, b, y, margin=0.5),
                       [np.array([1.0, 0.2]), np.array([0.5, 0.3]), np.array([1.0, -1.0])],
                       [2]),
    # margin - x == 0 for a dissimilar pair
    "hinge_embedding": (lambda x, y: HingeEmbeddingLossConfig(0.75).init().forward(x, y),
                        lambda x, y: F.hinge_embedding_loss(x, y, margin=0.75),
                        [np.array([0.75, 0.1, 2.0]), np.array([-1.0, -1.0, 1.0])], [1]),
    # x[y] - x[i] == margin: torch's kernel counts a term only where it is > 0
    "multi_margin": (lambda x, y: MultiMarginLossConfig().init().forward(x, y),
                     lambda x, y: F.multi_margin_loss(x, y),
                     [np.array([[0.0, 1.0, 0.5], [0.25, 0.0, 2.0]]), np.array([1, 2])], []),
    # cos - margin == 0 with orthogonal vectors (cos = 0, margin = 0)
    "cosine_embedding": (lambda a, b, y: CosineEmbeddingLoss.new().forward(a, b, y),
                         lambda a, b, y: F.cosine_embedding_loss(a, b, y),
                         [np.array([[1.0, 0.0], [0.3, 0.4]]),
                          np.array([[0.0, 2.0], [0.5, -0.1]]), np.array([-1, 1])], []),
    # d(a, p) - d(a, n) + margin == 0, and an anchor equal to its positive (distance 0)
    "triplet": (lambda a, p, n: TripletMarginLossConfig(margin=1.0).init().forward(a, p, n),
                lambda a, p, n: F.triplet_margin_loss(a, p, n, margin=1.0, eps=0.0),
                [np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([[3.0, 0.0], [1.0, 1.0]]),
                 np.array([[4.0, 0.0], [2.0, 3.0]])], []),
}


@pytest.mark.parametrize("name", list(KINKS))
def test_gradient_at_the_kink_is_torchs(ad_backend: Any, name: str) -> None:
    case = ad_backend.f64
    fn, fn_torch, values, constant = KINKS[name]
    tracked = [t if i in constant or values[i].dtype.kind != "f" else t.require_grad()
               for i, t in enumerate(to_pyburn(case, values))]
    grads = fn(*tracked).backward()
    torch_values = to_torch(values, constant)
    fn_torch(*torch_values).backward()
    for i, (t, tv) in enumerate(zip(tracked, torch_values)):
        if values[i].dtype.kind == "f" and i not in constant:
            got = t.grad(grads).to_numpy()
            assert np.all(np.isfinite(got)), f"{name}: gradient of input {i} is not finite"
            # 1e-10: torch's cosine_embedding_loss adds 1e-12 to each squared norm
            np.testing.assert_allclose(got, tv.grad.numpy(), rtol=1e-10, atol=1e-14,
                                       err_msg=f"{name}: gradient of input {i} at the kink")


# --- Burn's own examples, configs, display ----------------------------------------------------
def test_burn_examples(backend: Any) -> None:
    case = backend.f64
    T, TI = Tensor[case.B], Tensor[case.B, Int]
    d = case.device
    x = T.from_data([[0.1, 0.2, 0.7], [0.9, 0.05, 0.05]], d)
    y = TI.from_data([2, 0], d)
    np.testing.assert_allclose(MultiMarginLossConfig().with_p(2).init()
                               .forward_no_reduction(x, y).to_numpy(), [0.136667, 0.015],
                               rtol=1e-5)
    a = T.from_data([[0.0, 0.0], [1.0, 1.0], [0.0, 0.0]], d)
    p = T.from_data([[1.0, 1.0], [1.0, 2.0], [0.0, 0.0]], d)
    n = T.from_data([[1.0, 0.0], [0.0, 0.0], [5.0, 0.0]], d)
    np.testing.assert_allclose(TripletMarginLossConfig().init().forward_no_reduction(a, p, n)
                               .to_numpy(), [2 ** 0.5, 2 - 2 ** 0.5, 0.0], rtol=1e-12)


def test_cosine_embedding_reduction_comes_from_the_config(backend: Any) -> None:
    case = backend.f64
    values = INPUTS["cosine_embedding"]
    summed = CosineEmbeddingLossConfig().with_reduction(Reduction.Sum).init()
    per_pair = CosineEmbeddingLossConfig().init().forward_no_reduction(*to_pyburn(case, values))
    assert float(summed.forward(*to_pyburn(case, values)).into_scalar()) == \
        pytest.approx(float(per_pair.sum().into_scalar()), rel=1e-12)


def test_targets_other_than_plus_minus_one_cost_nothing(backend: Any) -> None:
    """As Burn and torch: a cosine embedding target of 0 contributes 0."""
    case = backend.f64
    x1, x2, _ = INPUTS["cosine_embedding"]
    target = np.array([0, 1, 0, -1, 2, 0])
    got = CosineEmbeddingLossConfig().init().forward_no_reduction(
        *to_pyburn(case, [x1, x2, target])).to_numpy()
    want = F.cosine_embedding_loss(torch.tensor(x1), torch.tensor(x2), torch.tensor(target),
                                   reduction="none").numpy()
    np.testing.assert_allclose(got, want, rtol=1e-12)


def test_configs_round_trip_and_display() -> None:
    configs = [CosineEmbeddingLossConfig(margin=0.5, reduction=Reduction.Sum),
               MultiMarginLossConfig(margin=0.5, p=2, weight=[1.0, 2.0]),
               TripletMarginLossConfig(margin=0.25, p=1.0), MarginRankingLossConfig(0.1),
               HingeEmbeddingLossConfig(2.0)]
    for config in configs:
        assert type(config).from_dict(config.to_dict()) == config
    assert str(CosineEmbeddingLossConfig().init()) == \
        "CosineEmbeddingLoss {margin: 0, reduction: Mean}"
    assert str(MultiMarginLossConfig().with_p(2).init()) == "MultiMarginLoss {margin: 1, p: 2}"
    assert str(TripletMarginLossConfig().init()) == "TripletMarginLoss {margin: 1, p: 2}"
    assert str(MarginRankingLossConfig(0.5).init()) == "MarginRankingLoss {margin: 0.5}"
    assert str(HingeEmbeddingLossConfig().init()) == "HingeEmbeddingLoss {margin: 1}"
    assert str(SoftMarginLoss()) == "SoftMarginLoss"


def test_bad_configs_are_refused() -> None:
    with pytest.raises(ValueError, match="MultiMarginLossConfig: only p = 1 or p = 2"):
        MultiMarginLossConfig(p=3).init()
    with pytest.raises(ValueError, match="MultiMarginLossConfig: margin must be non-negative"):
        MultiMarginLossConfig(margin=-1.0).init()
    with pytest.raises(ValueError, match="MarginRankingLossConfig: margin must be a non-neg"):
        MarginRankingLossConfig(-0.5).init()
    with pytest.raises(ValueError, match="TripletMarginLossConfig: p must be positive"):
        TripletMarginLossConfig(p=0.0).init()
    with pytest.raises(ValueError, match="HingeEmbeddingLossConfig: margin must be a number"):
        HingeEmbeddingLossConfig(float("nan")).init()


def test_bad_inputs_name_the_loss(backend: Any) -> None:
    d = backend.device
    T, TI = Tensor[backend.B], Tensor[backend.B, Int]
    with pytest.raises(ShapeError, match=r"CosineEmbeddingLoss: input1 shape \[2, 3\] and "
                                         r"input2 shape \[2, 4\] must be equal"):
        CosineEmbeddingLoss.new().forward(T.zeros([2, 3], d), T.zeros([2, 4], d),
                                          TI.ones([2], d))
    with pytest.raises(ShapeError, match=r"CosineEmbeddingLoss: target shape \[3\] must be "
                                         r"\[batch_size\] = \[2\]"):
        CosineEmbeddingLoss.new().forward(T.zeros([2, 3], d), T.zeros([2, 3], d),
                                          TI.ones([3], d))
    with pytest.raises(KindError, match="CosineEmbeddingLoss: target must be an Int tensor"):
        CosineEmbeddingLoss.new().forward(T.zeros([2, 3], d), T.zeros([2, 3], d),
                                          T.ones([2], d))
    with pytest.raises(RankError, match="MultiMarginLoss: input must have rank 2"):
        MultiMarginLossConfig().init().forward(T.zeros([3], d), TI.zeros([3], d))
    with pytest.raises(ShapeError, match=r"MultiMarginLoss: target shape \[3\] must be "
                                         r"\[batch_size\] = \[2\]"):
        MultiMarginLossConfig().init().forward(T.zeros([2, 4], d), TI.zeros([3], d))
    with pytest.raises(ShapeError, match="MultiMarginLoss: weight has 2 values, the input 4"):
        MultiMarginLossConfig(weight=[1.0, 2.0]).init().forward(T.zeros([2, 4], d),
                                                                TI.zeros([2], d))
    with pytest.raises(ShapeError, match=r"TripletMarginLoss: anchor shape \[2, 3\] and "
                                         r"negative shape \[2, 2\] must be equal"):
        TripletMarginLossConfig().init().forward(T.zeros([2, 3], d), T.zeros([2, 3], d),
                                                 T.zeros([2, 2], d))
    with pytest.raises(ShapeError, match=r"SoftMarginLoss: logits shape \[2\] and targets "
                                         r"shape \[2, 1\] must be equal"):
        SoftMarginLoss().forward(T.zeros([2], d), T.zeros([2, 1], d))
    with pytest.raises(KindError, match="MarginRankingLoss: target must be a Float tensor"):
        MarginRankingLossConfig().init().forward(T.zeros([2], d), T.zeros([2], d),
                                                 TI.ones([2], d))
    with pytest.raises(ShapeError, match=r"HingeEmbeddingLoss: input shape \[3\] and target "
                                         r"shape \[2\] must be equal"):
        HingeEmbeddingLossConfig().init().forward(T.zeros([3], d), T.ones([2], d))
