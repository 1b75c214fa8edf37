"""Burn's functional module ops and loss (`pyburn.tensor.module`, `pyburn.tensor.loss`), and the
tensor methods Burn's own tests exercised that pyburn lacked (`select_dim`, Burn's `nonzero`,
`is_close`/`all_close` with Burn's defaults, on Int too): every row, against torch and central
differences; bad input is refused naming the op."""

from __future__ import annotations

import numpy as np
import pytest

from gradcheck import gradcheck
from pyburn import Bool, Int, Tensor
from pyburn.tensor import KindError, RankError, ShapeError, loss, module
from pyburn.tensor.errors import IndexRangeError

torch = pytest.importorskip("torch")
F = torch.nn.functional
RNG = np.random.default_rng(7)


def _t(case, a, kind=None):
    T = Tensor[case.B] if kind is None else Tensor[case.B, kind]
    return T.from_data(a, device=case.device)


@pytest.mark.parametrize("x_shape", [[3], [2, 3], [2, 2, 3]], ids=["rank1", "rank2", "rank3"])
@pytest.mark.parametrize("with_bias", [True, False], ids=["bias", "nobias"])
def test_linear_matches_torch(backend, x_shape, with_bias):
    x, w, b = RNG.standard_normal(x_shape), RNG.standard_normal((3, 4)), RNG.standard_normal(4)
    got = module.linear(_t(backend, x), _t(backend, w), _t(backend, b) if with_bias else None)
    want = F.linear(torch.tensor(x), torch.tensor(w).T, torch.tensor(b) if with_bias else None)
    assert got.dims() == list(want.shape)   # Burn: a rank-1 input gives a rank-1 output
    np.testing.assert_allclose(got.to_numpy(), want.numpy(), rtol=1e-6, atol=1e-6)


def test_linear_gradients(ad_backend):
    x, w, b = RNG.standard_normal((2, 2, 3)), RNG.standard_normal((3, 4)), RNG.standard_normal(4)
    gradcheck(ad_backend.f64, module.linear, x, w, b)


def test_linear_refuses_bad_shapes(backend):
    w = _t(backend, np.zeros((3, 4)))
    with pytest.raises(ShapeError, match=r"linear: input's last dim .*\[3, 4\].*\[2, 5\]"):
        module.linear(_t(backend, np.zeros((2, 5))), w)
    with pytest.raises(ShapeError, match=r"linear: bias must have shape \[4\], got \[3\]"):
        module.linear(_t(backend, np.zeros((2, 3))), w, _t(backend, np.zeros(3)))
    with pytest.raises(RankError, match="linear: weight must have rank 2"):
        module.linear(_t(backend, np.zeros((2, 3))), _t(backend, np.zeros(3)))


def test_embedding_matches_torch(backend):
    w = RNG.standard_normal((5, 3))
    ids = np.array([[0, 4, 4], [2, 1, 0]])
    got = module.embedding(_t(backend, w), _t(backend, ids, Int))
    want = F.embedding(torch.tensor(ids), torch.tensor(w))
    assert got.dims() == [2, 3, 3]
    np.testing.assert_allclose(got.to_numpy(), want.numpy(), rtol=1e-6)


def test_embedding_gradients(ad_backend):
    ids = np.array([[0, 4, 4], [2, 1, 0]])   # repeated rows sum, row 3 gets zero
    gradcheck(ad_backend.f64, lambda w, i: module.embedding(w, i), RNG.standard_normal((5, 3)), ids)


def test_embedding_refuses_bad_input(backend):
    w = _t(backend, np.zeros((5, 3)))
    with pytest.raises(IndexRangeError, match="embedding: index 5 is out of range .* 5 rows"):
        module.embedding(w, _t(backend, np.array([[1, 5]]), Int))
    with pytest.raises(KindError, match="embedding: indices must be an Int tensor"):
        module.embedding(w, _t(backend, np.array([[1.0]])))
    with pytest.raises(RankError, match="embedding: weights must have rank 2"):
        module.embedding(_t(backend, np.zeros(5)), _t(backend, np.array([[1]]), Int))


def test_cross_entropy_with_logits_matches_torch(backend):
    logits = RNG.standard_normal((4, 3))
    probs = RNG.dirichlet(np.ones(3), size=4)
    got = loss.cross_entropy_with_logits(_t(backend, logits), _t(backend, probs))
    want = F.cross_entropy(torch.tensor(logits), torch.tensor(probs))
    assert got.dims() == [1]
    np.testing.assert_allclose(got.to_numpy(), [want.item()], rtol=1e-6)
    with pytest.raises(ShapeError, match=r"cross_entropy_with_logits: target_probs .*\[4, 3\]"):
        loss.cross_entropy_with_logits(_t(backend, logits), _t(backend, probs[:, :2]))


def test_cross_entropy_with_logits_gradients(ad_backend):
    probs = RNG.dirichlet(np.ones(3), size=4)
    gradcheck(ad_backend.f64, loss.cross_entropy_with_logits, RNG.standard_normal((4, 3)), probs)


def test_select_dim(backend):
    a = np.arange(24.0).reshape(2, 3, 4)
    t = _t(backend, a)
    np.testing.assert_array_equal(t.select_dim(1, 2).to_numpy(), a[:, 2])
    np.testing.assert_array_equal(t.select_dim(-1, -1).to_numpy(), a[..., -1])
    ints = _t(backend, a.astype(np.int64), Int)
    np.testing.assert_array_equal(ints.select_dim(0, 1).to_numpy(), a[1])
    with pytest.raises(IndexRangeError, match="select_dim: index 3 is out of range for dim 1"):
        t.select_dim(1, 3)


def test_select_dim_gradient(ad_backend):
    gradcheck(ad_backend.f64, lambda x: x.select_dim(1, 1), RNG.standard_normal((2, 3)))


def test_nonzero_is_one_tensor_per_dim(backend):
    a = np.array([[False, True, False], [True, True, False]])
    found = _t(backend, a, Bool).nonzero()
    assert len(found) == 2
    for got, want in zip(found, np.nonzero(a)):
        np.testing.assert_array_equal(got.to_numpy(), want)
    assert _t(backend, np.zeros(4, bool), Bool).nonzero() == []


def test_all_close_burn_defaults_infinities_and_int(backend):
    a = _t(backend, np.array([1.0, np.inf, -np.inf]))
    assert a.all_close(a, None, None)
    assert not a.all_close(_t(backend, np.array([1.0, np.inf, np.inf])))
    nan = _t(backend, np.array([np.nan]))
    assert not nan.all_close(nan)
    assert a.is_close(a + 1e-9).to_numpy().tolist() == [True, True, True]
    i = _t(backend, np.array([1, 2, 3]), Int)
    assert i.all_close(_t(backend, np.array([1, 2, 3]), Int))
    assert not i.all_close(_t(backend, np.array([1, 2, 4]), Int), None, None)
