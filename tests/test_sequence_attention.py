"""`SequenceAttention`: one query's attention over a recurrent layer's outputs.

Each kind (additive, dot, general) against a hand computation in NumPy on every backend row
(with and without a query and a padding mask), against the same formula in torch ops with
torch autograd for every gradient (outputs, query, parameters) on the Autodiff rows, and by
finite differences; masked steps get exactly zero weight and zero gradient; bad input is a
clear error."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from pyburn import Bool, Tensor
from pyburn.nn import SequenceAttention, SequenceAttentionConfig
from pyburn.tensor import RankError, ShapeError
from gradcheck import gradcheck

KINDS = ["additive", "dot", "general"]
BATCH, SEQ, HIDDEN, QUERY = 3, 5, 4, 6


def _np_softmax(e: np.ndarray) -> np.ndarray:
    z = np.exp(e - e.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def weights_of(m: SequenceAttention) -> dict[str, np.ndarray]:
    out = {}
    for path, p in m.named_params():
        out[path] = p.to_data().as_numpy().astype(np.float64)
    return out


def by_hand(m: SequenceAttention, h: np.ndarray, q: np.ndarray | None,
            mask: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """The docstring's formulas in NumPy (Linear weights are ``[d_in, d_out]``)."""
    w = weights_of(m)
    if q is None:
        q = h[:, -1]
    if m.kind == "additive":
        hid = np.tanh(h @ w["key_proj.weight"] + (q @ w["query_proj.weight"]
                                                  + w["query_proj.bias"])[:, None, :])
        e = (hid @ w["score.weight"])[..., 0]
    elif m.kind == "dot":
        e = np.einsum("bsh,bh->bs", h, q)
    else:
        e = np.einsum("bsh,bh->bs", h, q @ w["query_proj.weight"])
    if mask is not None:
        e = np.where(mask, -np.inf, e)
    a = _np_softmax(e)
    return np.einsum("bs,bsh->bh", a, h), a


def make(case: Any, kind: str, with_query: bool) -> SequenceAttention:
    d_query = QUERY if (with_query and kind != "dot") else None
    return SequenceAttentionConfig(HIDDEN, d_query=d_query, kind=kind).init(case.device)


def data(kind: str, with_query: bool) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
    rng = np.random.default_rng(0)
    h = rng.normal(size=(BATCH, SEQ, HIDDEN))
    q = None
    if with_query:
        q = rng.normal(size=(BATCH, HIDDEN if kind == "dot" else QUERY))
    mask = np.zeros((BATCH, SEQ), dtype=bool)
    mask[0, 3:] = True          # a padded row
    mask[2, 0] = True           # a hole at the start
    return h, q, mask


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("with_query", [False, True], ids=["last_step", "query"])
@pytest.mark.parametrize("masked", [False, True], ids=["nomask", "mask"])
def test_matches_hand_computation(backend: Any, kind: str, with_query: bool,
                                  masked: bool) -> None:
    case = backend.f64
    m = make(case, kind, with_query)
    h, q, mask = data(kind, with_query)
    T = Tensor[case.B]
    mask_t = Tensor[case.B, Bool].from_data(mask, case.device) if masked else None
    context, weights = m.forward(T.from_data(h, case.device),
                                 None if q is None else T.from_data(q, case.device), mask_t)
    want_c, want_w = by_hand(m, h, q, mask if masked else None)
    assert context.dims() == [BATCH, HIDDEN] and weights.dims() == [BATCH, SEQ]
    np.testing.assert_allclose(weights.to_numpy(), want_w, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(context.to_numpy(), want_c, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(weights.to_numpy().sum(axis=1), 1.0, rtol=1e-12)
    if masked:
        assert (weights.to_numpy()[mask] == 0.0).all()


def torch_reference(torch: Any, m: SequenceAttention, h: Any, q: Any, mask: Any,
                    w: dict[str, Any]) -> tuple[Any, Any]:
    """The same attention in torch ops (``F.linear`` takes ``[out, in]``: our weights
    transposed), for autograd's gradients."""
    F = torch.nn.functional
    if m.kind == "additive":
        hid = torch.tanh(F.linear(h, w["key_proj.weight"].T)
                         + F.linear(q, w["query_proj.weight"].T,
                                    w["query_proj.bias"]).unsqueeze(1))
        e = F.linear(hid, w["score.weight"].T).squeeze(2)
    elif m.kind == "dot":
        e = torch.bmm(h, q.unsqueeze(2)).squeeze(2)
    else:
        e = torch.bmm(h, F.linear(q, w["query_proj.weight"].T).unsqueeze(2)).squeeze(2)
    e = e.masked_fill(mask, float("-inf"))
    a = torch.softmax(e, dim=1)
    return torch.bmm(a.unsqueeze(1), h).squeeze(1), a


@pytest.mark.parametrize("kind", KINDS)
def test_gradients_match_torch(ad_backend: Any, kind: str) -> None:
    torch = pytest.importorskip("torch")
    case = ad_backend.f64
    m = make(case, kind, True)
    h, q, mask = data(kind, True)
    ht = torch.tensor(h, requires_grad=True)
    qt = torch.tensor(q, requires_grad=True)
    wt = {k: torch.tensor(v, requires_grad=True) for k, v in weights_of(m).items()}
    ct, at = torch_reference(torch, m, ht, qt, torch.tensor(mask), wt)
    rng = np.random.default_rng(1)
    gc, ga = rng.normal(size=(BATCH, HIDDEN)), rng.normal(size=(BATCH, SEQ))
    ((ct * torch.tensor(gc)).sum() + (at * torch.tensor(ga)).sum()).backward()

    T = Tensor[case.B]
    hb = T.from_data(h, case.device).require_grad()
    qb = T.from_data(q, case.device).require_grad()
    c, a = m.forward(hb, qb, Tensor[case.B, Bool].from_data(mask, case.device))
    np.testing.assert_allclose(c.to_numpy(), ct.detach().numpy(), rtol=1e-12, atol=1e-12)
    grads = ((c * T.from_data(gc, case.device)).sum()
             + (a * T.from_data(ga, case.device)).sum()).backward()
    np.testing.assert_allclose(hb.grad(grads).to_numpy(), ht.grad.numpy(), rtol=1e-10,
                               atol=1e-12, err_msg="outputs")
    np.testing.assert_allclose(qb.grad(grads).to_numpy(), qt.grad.numpy(), rtol=1e-10,
                               atol=1e-12, err_msg="query")
    assert (hb.grad(grads).to_numpy()[mask] == 0.0).all(), "masked steps got a gradient"
    for path, param in m.named_params():
        np.testing.assert_allclose(param.val().grad(grads).to_numpy(), wt[path].grad.numpy(),
                                   rtol=1e-10, atol=1e-12, err_msg=path)


@pytest.mark.parametrize("kind", KINDS)
def test_finite_differences(ad_backend: Any, kind: str) -> None:
    case = ad_backend.f64
    m = make(case, kind, True)
    h, q, mask = data(kind, True)
    mask_t = Tensor[case.B, Bool].from_data(mask, case.device)
    gradcheck(case, lambda ht, qt: m.forward(ht, qt, mask_t)[0], h, q)
    gradcheck(case, lambda ht, qt: m.forward(ht, qt)[1], h, q)
    last = make(case, kind, False)      # query None: the last step's output is the query
    gradcheck(case, lambda ht: last.forward(ht)[0], h)


def test_records_and_display(backend: Any) -> None:
    d = backend.device
    additive = SequenceAttentionConfig(4, d_query=6).init(d)
    assert sorted(p for p, _ in additive.named_params()) == [
        "key_proj.weight", "query_proj.bias", "query_proj.weight", "score.weight"]
    assert str(additive) == ("SequenceAttention {kind: additive, d_hidden: 4, d_query: 6, "
                             "params: 48}")
    assert SequenceAttentionConfig(4, kind="dot").init(d).num_params() == 0
    general = SequenceAttentionConfig(4, 6, "general").init(d)
    again = SequenceAttentionConfig(4, 6, "general").init(d).load_record(general.into_record())
    h, q, _ = data("general", True)
    T = Tensor[backend.B]
    args = (T.from_data(h, d), T.from_data(q, d))
    np.testing.assert_array_equal(again.forward(*args)[0].to_numpy(),
                                  general.forward(*args)[0].to_numpy())


def test_bad_input(backend: Any) -> None:
    d = backend.device
    T = Tensor[backend.B]
    with pytest.raises(ValueError, match="SequenceAttentionConfig.init: kind must be one of"):
        SequenceAttentionConfig(4, kind="scaled").init(d)
    with pytest.raises(ValueError, match="kind='dot' .* d_query must equal d_hidden"):
        SequenceAttentionConfig(4, d_query=5, kind="dot").init(d)
    m = SequenceAttentionConfig(4, d_query=6).init(d)
    h = T.zeros([2, 3, 4], d)
    with pytest.raises(ShapeError, match=r"SequenceAttention.forward: expected outputs of shape "
                                         r"\[batch, seq, 4\], got \[2, 3, 5\]"):
        m.forward(T.zeros([2, 3, 5], d), T.zeros([2, 6], d))
    with pytest.raises(RankError, match="expected outputs of shape"):
        m.forward(T.zeros([2, 4], d), T.zeros([2, 6], d))
    with pytest.raises(ShapeError, match=r"expected query of shape \[2, 6\]"):
        m.forward(h, T.zeros([2, 4], d))
    with pytest.raises(ValueError, match="query=None uses the last output step"):
        m.forward(h)
    with pytest.raises(ShapeError, match="nothing to attend to"):
        m.forward(T.zeros([2, 0, 4], d), T.zeros([2, 6], d))
    with pytest.raises(TypeError, match="mask must be a Bool tensor"):
        m.forward(h, T.zeros([2, 6], d), T.zeros([2, 3], d))
    with pytest.raises(ShapeError, match=r"expected mask of shape \[2, 3\]"):
        m.forward(h, T.zeros([2, 6], d), Tensor[backend.B, Bool].from_data([[True]], d))
    full = Tensor[backend.B, Bool].from_data([[False, True, False], [True, True, True]], d)
    with pytest.raises(ValueError, match=r"mask hides every step of batch row\(s\) \[1\]"):
        m.forward(h, T.zeros([2, 6], d), full)
