"""`CosineSimilarity` and `PairwiseDistance` (pyburn.nn.distance) against torch.nn's modules of
the same names: float64 values on every backend row, gradients against torch autograd and
central differences on the Autodiff rows (zero vectors included), the per-norm eps clamp of
``linalg.cosine_similarity``, configs, display strings and errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from gradcheck import gradcheck
from pyburn import Int, Tensor, linalg
from pyburn.nn import (CosineSimilarity, CosineSimilarityConfig, PairwiseDistance,
                       PairwiseDistanceConfig)
from pyburn.tensor import KindError, RankError, ShapeError

torch = pytest.importorskip("torch", reason="torch is not installed: nothing to compare with")

RNG = np.random.default_rng(11)
X1, X2 = RNG.normal(size=(4, 5)), RNG.normal(size=(4, 5))
X3D1, X3D2 = RNG.normal(size=(2, 3, 4)), RNG.normal(size=(2, 3, 4))


def floats(case: Any, x: np.ndarray, track: bool = False) -> Any:
    t = Tensor[case.B].from_data(x, case.device)
    return t.require_grad() if track else t


def compare(case: Any, ours: Any, theirs: Any, a: np.ndarray, b: np.ndarray,
            rtol: float = 1e-12, grads: bool = True) -> None:
    """Values on every row; on Autodiff rows the gradients of a random weighting of the
    outputs w.r.t. both inputs, against torch autograd."""
    ta = torch.tensor(a, requires_grad=True)
    tb = torch.tensor(b, requires_grad=True)
    want = theirs(ta, tb)
    x, y = floats(case, a, case.autodiff), floats(case, b, case.autodiff)
    got = ours.forward(x, y)
    assert list(got.shape) == list(want.shape)
    np.testing.assert_allclose(got.to_numpy(), want.detach().numpy(), rtol=rtol, atol=1e-14)
    if not (case.autodiff and grads):
        return
    w = RNG.normal(size=tuple(want.shape))
    (want * torch.tensor(w)).sum().backward()
    grads = (got * Tensor[case.B].from_data(w, case.device)).sum().backward()
    np.testing.assert_allclose(x.grad(grads).to_numpy(), ta.grad.numpy(), rtol=1e-10,
                               atol=1e-12, err_msg="gradient of x1")
    np.testing.assert_allclose(y.grad(grads).to_numpy(), tb.grad.numpy(), rtol=1e-10,
                               atol=1e-12, err_msg="gradient of x2")


@pytest.mark.parametrize("dim", [1, -1, 0])
def test_cosine_similarity_matches_torch(backend: Any, dim: int) -> None:
    compare(backend.f64, CosineSimilarityConfig(dim=dim).init(),
            torch.nn.CosineSimilarity(dim=dim), X1, X2)


@pytest.mark.parametrize("dim", [0, 1, 2, -2])
def test_cosine_similarity_rank3_matches_torch(backend: Any, dim: int) -> None:
    compare(backend.f64, CosineSimilarityConfig(dim=dim).init(),
            torch.nn.CosineSimilarity(dim=dim), X3D1, X3D2)


def test_cosine_similarity_zero_and_tiny_vectors(backend: Any) -> None:
    """Each norm is clamped by eps on its own (torch's rule since 1.12, and Burn's): a zero
    row gives 0 and a finite gradient, a row shorter than eps is divided by eps.

    Below eps torch's gradient still flows through the norm (it clamps without autograd);
    pyburn's is the derivative of the function it computes, so there it is checked by finite
    differences instead."""
    zero = X1.copy()
    zero[0] = 0.0
    compare(backend.f64, CosineSimilarityConfig(eps=1e-4).init(),
            torch.nn.CosineSimilarity(dim=1, eps=1e-4), zero, X2)
    compare(backend.f64, CosineSimilarity(), torch.nn.CosineSimilarity(), zero, X2)
    tiny = X1.copy()
    tiny[1] *= 1e-6
    compare(backend.f64, CosineSimilarityConfig(eps=1e-4).init(),
            torch.nn.CosineSimilarity(dim=1, eps=1e-4), tiny, X2, grads=False)
    if backend.autodiff:
        gradcheck(backend.f64, CosineSimilarityConfig(eps=1e-4).init().forward, tiny, X2,
                  eps=1e-9)


def test_linalg_cosine_similarity_defaults_to_the_dtypes_tiny(backend: Any) -> None:
    case = backend.f64
    a = np.array([[1e-150, 0.0], [3.0, 4.0]])     # a norm far below 1e-8, above float64's tiny
    b = np.array([[2.0, 0.0], [4.0, 3.0]])
    got = linalg.cosine_similarity(floats(case, a), floats(case, b), 1).to_numpy()
    np.testing.assert_allclose(got, [[1.0], [24.0 / 25.0]], rtol=1e-12)


@pytest.mark.parametrize("p", [1.0, 2.0, 3.0, 0.5, float("inf")])
@pytest.mark.parametrize("keepdim", [False, True])
def test_pairwise_distance_matches_torch(backend: Any, p: float, keepdim: bool) -> None:
    compare(backend.f64, PairwiseDistanceConfig(p=p, keepdim=keepdim).init(),
            torch.nn.PairwiseDistance(p=p, keepdim=keepdim), X1, X2)


def test_pairwise_distance_eps_and_rank3(backend: Any) -> None:
    compare(backend.f64, PairwiseDistanceConfig(eps=0.1).init(),
            torch.nn.PairwiseDistance(eps=0.1), X3D1, X3D2)


def test_zero_distance_has_a_zero_gradient(ad_backend: Any) -> None:
    """With eps 0 and equal rows the distance is 0; its gradient is 0 (torch's subgradient),
    not the NaN of the root's backward at 0."""
    b = X2.copy()
    b[2] = X1[2]
    compare(ad_backend.f64, PairwiseDistanceConfig(eps=0.0).init(),
            torch.nn.PairwiseDistance(eps=0.0), X1, b)


@pytest.mark.parametrize("layer", ["cos", "cos-dim0", "l2", "l1", "l3", "linf"])
def test_gradients_by_finite_differences(ad_backend: Any, layer: str) -> None:
    module: Any = {"cos": CosineSimilarity(), "cos-dim0": CosineSimilarity(0),
                   "l2": PairwiseDistance(), "l1": PairwiseDistanceConfig(p=1.0).init(),
                   "l3": PairwiseDistanceConfig(p=3.0).init(),
                   "linf": PairwiseDistanceConfig(p=float("inf")).init()}[layer]
    gradcheck(ad_backend.f64, module.forward, X1, X2)


def test_configs_and_display() -> None:
    for config in (CosineSimilarityConfig(dim=-1, eps=1e-6),
                   PairwiseDistanceConfig(p=1.0, eps=0.0, keepdim=True)):
        assert type(config).from_dict(config.to_dict()) == config
    assert str(CosineSimilarityConfig().init()) == "CosineSimilarity {dim: 1, eps: 0.00000001}"
    assert str(PairwiseDistanceConfig().init()) == "PairwiseDistance {p: 2, eps: 0.000001}"


def test_errors(backend: Any) -> None:
    T = Tensor[backend.B]
    d = backend.device
    with pytest.raises(ShapeError, match=r"CosineSimilarity.forward: x1 shape \[2, 3\] and "
                                         r"x2 shape \[2, 4\] must be equal"):
        CosineSimilarity().forward(T.zeros([2, 3], d), T.zeros([2, 4], d))
    with pytest.raises(RankError, match=r"CosineSimilarity.forward: dim 2 is out of range"):
        CosineSimilarityConfig(dim=2).init().forward(T.zeros([2, 3], d), T.zeros([2, 3], d))
    with pytest.raises(ShapeError, match=r"PairwiseDistance.forward: x1 shape \[2, 3\] and "
                                         r"x2 shape \[3, 3\] must be equal"):
        PairwiseDistance().forward(T.zeros([2, 3], d), T.zeros([3, 3], d))
    with pytest.raises(KindError, match="PairwiseDistance.forward: x2 must be a Float tensor, "
                                        "got an Int tensor of shape"):
        PairwiseDistance().forward(T.zeros([2, 3], d), Tensor[backend.B, Int].zeros([2, 3], d))
    with pytest.raises(ValueError, match="PairwiseDistanceConfig: p must be positive"):
        PairwiseDistanceConfig(p=0.0).init()
    with pytest.raises(ValueError, match="CosineSimilarityConfig: eps must be positive"):
        CosineSimilarityConfig(eps=0.0).init()
