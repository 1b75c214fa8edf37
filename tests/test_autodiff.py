"""The Autodiff decorator's semantics (Burn Book, "Autodiff"): the Gradients container, leaves,
detach, require_grad, grad/grad_remove/grad_replace, inner/from_inner, errors, graph release and
memory over a training loop. Gradient *values* of each op are checked in test_gradients.py."""

from __future__ import annotations

import gc
import tracemalloc
import weakref
from typing import Any

import numpy as np
import pytest

from pyburn import Distribution, Int, Tensor, activation
from pyburn.tensor import CustomOp
from pyburn.tensor.errors import GradientError, KindError
from pyburn_autodiff import ADPrimitive, Gradients, Node


def leaf(case: Any, values: Any, track: bool = True) -> Any:
    t = Tensor[case.B].from_data(values, device=case.device)
    return t.require_grad() if track else t


def grad_np(t: Any, grads: Gradients) -> np.ndarray:
    g = t.grad(grads)
    assert g is not None
    return g.to_numpy()


# --- accumulation and broadcasting ---------------------------------------------------------------
def test_fan_out_accumulates(ad_backend):
    a = np.array([0.5, -1.0, 2.0])
    x = leaf(ad_backend, a)
    y = x * x + x.exp() + x + x.reshape([3, 1]).sum_dim(1).reshape([3]) * 3.0
    grads = y.sum().backward()
    np.testing.assert_allclose(grad_np(x, grads), 2 * a + np.exp(a) + 1 + 3, rtol=1e-5)


def test_same_leaf_on_both_sides(ad_backend):
    x = leaf(ad_backend, [1.5, -2.0])
    grads = (x * x).sum().backward()
    np.testing.assert_allclose(grad_np(x, grads), [3.0, -4.0])
    grads = (x / x).sum().backward()
    np.testing.assert_allclose(grad_np(x, grads), [0.0, 0.0], atol=1e-7)


def test_broadcasting_reduces_gradients_to_input_shape(ad_backend):
    x = leaf(ad_backend, np.ones(3))
    y = leaf(ad_backend, np.arange(6.0).reshape(2, 3))
    col = leaf(ad_backend, np.ones((2, 1)))
    row = leaf(ad_backend, np.ones((1, 3)))
    grads = ((x + y) * col * row).sum().backward()
    np.testing.assert_allclose(grad_np(x, grads), [2.0, 2.0, 2.0])  # summed over the new dim
    np.testing.assert_allclose(grad_np(y, grads), np.ones((2, 3)))
    np.testing.assert_allclose(grad_np(col, grads), (1 + np.arange(6.0).reshape(2, 3)).sum(1, keepdims=True))
    np.testing.assert_allclose(grad_np(row, grads), (1 + np.arange(6.0).reshape(2, 3)).sum(0, keepdims=True))
    assert x.grad(grads).shape == (3,) and col.grad(grads).shape == (2, 1)


def test_backward_on_a_batched_root_seeds_ones(ad_backend):
    """Burn's ``backward`` takes any tensor and seeds the walk with ones of its shape (its LSTM
    test calls it on an ``[8, 10, 32]`` output): the gradients are those of ``root.sum()``."""
    a = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -3.0]])
    x = leaf(ad_backend.f64, a)
    w = leaf(ad_backend.f64, [[2.0], [-1.0], [0.5]])
    root = (x @ w).tanh() * x  # [2, 3]
    grads = root.backward()
    summed = ((x @ w).tanh() * x).sum().backward()
    np.testing.assert_allclose(grad_np(x, grads), grad_np(x, summed), rtol=1e-12)
    np.testing.assert_allclose(grad_np(w, grads), grad_np(w, summed), rtol=1e-12)
    np.testing.assert_allclose(grad_np(x, (x * 3.0).backward()), np.full((2, 3), 3.0))


def test_scalar_root_of_shape_1_or_0d(ad_backend):
    x = leaf(ad_backend, [1.0, 2.0])
    assert (x * 2.0).sum().shape == (1,)
    np.testing.assert_allclose(grad_np(x, (x * 2.0).sum().backward()), [2.0, 2.0])
    root0d = (x * 2.0).sum().reshape([])
    assert root0d.shape == ()
    np.testing.assert_allclose(grad_np(x, root0d.backward()), [2.0, 2.0])


# --- ties and kinks: documented conventions --------------------------------------------------------
def test_conventions_at_non_differentiable_points(ad_backend):
    x = leaf(ad_backend, [0.0, 1.0, -1.0])
    np.testing.assert_allclose(grad_np(x, x.abs().sum().backward()), [0.0, 1.0, -1.0])  # sign
    np.testing.assert_allclose(grad_np(x, x.relu().sum().backward()), [0.0, 1.0, 0.0])
    a, b = leaf(ad_backend, [1.0, 2.0, 3.0]), leaf(ad_backend, [1.0, 1.0, 4.0])
    grads = a.max_pair(b).sum().backward()
    np.testing.assert_allclose(grad_np(a, grads), [1.0, 1.0, 0.0])  # a tie goes to self, as Burn
    np.testing.assert_allclose(grad_np(b, grads), [0.0, 0.0, 1.0])
    grads = b.min_pair(a).sum().backward()
    np.testing.assert_allclose(grad_np(b, grads), [1.0, 1.0, 0.0])
    np.testing.assert_allclose(grad_np(a, grads), [0.0, 0.0, 1.0])
    t = leaf(ad_backend, [[2.0, 5.0, 5.0]])
    np.testing.assert_allclose(grad_np(t, t.max_dim(1).sum().backward()), [[0.0, 1.0, 0.0]])


@pytest.mark.parametrize("beta", [0.5, 1.0, 2.0, 3.0])
def test_softplus_and_log_sigmoid_gradients_at_zero(ad_backend, beta):
    """Their stable forms are sums of kinked pieces (relu, abs or clamp); the true derivative,
    ``sigmoid(beta x)``, is 0.5 at 0, and the pieces' one-sided choices must add up to it."""
    x = leaf(ad_backend.f64, [0.0, -0.0, 1e-300, 2.0, -2.0])
    sig = 1.0 / (1.0 + np.exp(-beta * np.array([0.0, 0.0, 0.0, 2.0, -2.0])))
    np.testing.assert_allclose(grad_np(x, activation.softplus(x, beta).backward()), sig, rtol=1e-12)
    np.testing.assert_allclose(grad_np(x, activation.log_sigmoid(x).backward()),
                               1.0 - 1.0 / (1.0 + np.exp(-np.array([0.0, 0.0, 0.0, 2.0, -2.0]))),
                               rtol=1e-12)


# --- leaves, detach, require_grad ----------------------------------------------------------------
def test_no_grad_leaves_and_intermediates_have_no_gradient(ad_backend):
    x = leaf(ad_backend, [1.0, 2.0])
    c = leaf(ad_backend, [3.0, 4.0], track=False)
    mid = x * c
    grads = (mid * 2.0).sum().backward()
    np.testing.assert_allclose(grad_np(x, grads), [6.0, 8.0])
    assert c.grad(grads) is None
    assert mid.grad(grads) is None  # only leaves collect gradients
    assert len(grads) == 1


def test_detach(ad_backend):
    a = np.array([1.0, -2.0, 3.0])
    x = leaf(ad_backend, a)
    d = x.detach()
    assert not d.is_require_grad() and x.is_require_grad()
    assert d.primitive.node is None and d.primitive.inner is x.primitive.inner  # no copy
    grads = (x * d).sum().backward()
    np.testing.assert_allclose(grad_np(x, grads), a)  # d is a constant
    assert d.grad(grads) is None
    assert leaf(ad_backend, a, track=False).detach().primitive.node is None


def test_require_grad_family(ad_backend):
    x = leaf(ad_backend, [1.0], track=False)
    assert not x.is_require_grad()
    t = x.require_grad()
    assert t.is_require_grad() and not x.is_require_grad()  # tensors are values
    assert t.require_grad().primitive.node is t.primitive.node  # already a leaf: the same node
    assert not t.set_require_grad(False).is_require_grad()
    assert x.set_require_grad(True).is_require_grad()
    y = t * 2.0
    assert y.is_require_grad()  # tracked through its input
    fresh = y.require_grad()  # an op result becomes a new leaf, cut from its history
    assert fresh.primitive.node is not y.primitive.node and fresh.primitive.node.is_leaf
    grads = (fresh * 3.0).sum().backward()
    np.testing.assert_allclose(grad_np(fresh, grads), [3.0])
    assert t.grad(grads) is None


def test_require_grad_on_int_and_plain_backends_is_a_no_op(backend):
    ints = Tensor[backend.B, Int].from_data([1, 2], device=backend.device)
    assert ints.require_grad() is ints and not ints.is_require_grad() and ints.detach() is ints
    if not backend.autodiff:
        x = Tensor[backend.B].from_data([1.0], device=backend.device)
        assert x.require_grad() is x and x.detach() is x and not x.is_require_grad()
        assert x.set_require_grad(True) is x


# --- the Gradients container -------------------------------------------------------------------
def test_grad_is_an_inner_backend_tensor(ad_backend):
    x = leaf(ad_backend, [1.0, 2.0])
    grads = (x * x).sum().backward()
    g = x.grad(grads)
    assert type(g).backend is ad_backend.B.inner
    assert g.dtype == ad_backend.B.float_elem
    assert isinstance(grads, Gradients) and len(grads) == 1 and x.primitive.node in grads
    assert repr(grads) == "Gradients(1 tensors)"
    assert list(grads.ids()) == [x.primitive.node.id]


def test_grad_remove_and_grad_replace(ad_backend):
    x, y = leaf(ad_backend, [1.0, 2.0]), leaf(ad_backend, [3.0])
    grads = (x * y).sum().backward()
    removed = x.grad_remove(grads)
    np.testing.assert_allclose(removed.to_numpy(), [3.0, 3.0])
    assert x.grad(grads) is None and x.grad_remove(grads) is None and len(grads) == 1
    inner = Tensor[ad_backend.B.inner]
    x.grad_replace(grads, inner.from_data([7.0, 8.0], device=ad_backend.device))
    np.testing.assert_allclose(grad_np(x, grads), [7.0, 8.0])
    with pytest.raises(GradientError, match=r"grad_replace: gradient shape \[3\] does not match the tensor shape \[2\]"):
        x.grad_replace(grads, inner.from_data([1.0, 2.0, 3.0], device=ad_backend.device))
    with pytest.raises(TypeError, match="grad_replace: expected a Tensor"):
        x.grad_replace(grads, x)
    with pytest.raises(GradientError, match="grad_replace: the tensor is not tracked"):
        x.detach().grad_replace(grads, inner.from_data([1.0, 2.0], device=ad_backend.device))


def test_gradients_are_independent_per_backward(ad_backend):
    x = leaf(ad_backend, [2.0])
    g1 = (x * 3.0).sum().backward()
    g2 = (x * x).sum().backward()
    np.testing.assert_allclose(grad_np(x, g1), [3.0])
    np.testing.assert_allclose(grad_np(x, g2), [4.0])


# --- inner / from_inner ------------------------------------------------------------------------
def test_inner_and_from_inner(ad_backend):
    B = ad_backend.B
    x = leaf(ad_backend, [[1.0, 2.0]])
    i = x.inner()
    assert type(i).backend is B.inner and i.primitive is x.primitive.inner
    np.testing.assert_allclose(i.to_numpy(), [[1.0, 2.0]])
    back = Tensor[B].from_inner(i * 2.0)
    assert type(back).backend is B and not back.is_require_grad()
    np.testing.assert_allclose(back.to_numpy(), [[2.0, 4.0]])
    ints = Tensor[B, Int].from_data([1, 2], device=ad_backend.device)
    assert type(ints.inner()).backend is B.inner and ints.inner().kind is Int
    assert Tensor[B, Int].from_inner(ints.inner()).kind is Int
    with pytest.raises(TypeError, match="from_inner: expected a tensor of"):
        Tensor[B].from_inner(x)


def test_inner_needs_an_autodiff_backend(plain_backend):
    x = Tensor[plain_backend.B].from_data([1.0], device=plain_backend.device)
    with pytest.raises(GradientError, match="inner: backend .* has no autodiff"):
        x.inner()
    with pytest.raises(GradientError, match="from_inner: backend .* has no autodiff"):
        Tensor[plain_backend.B].from_inner(x)


# --- errors ----------------------------------------------------------------------------------
def test_backward_errors(ad_backend):
    with pytest.raises(GradientError, match="backward: the tensor is not tracked"):
        leaf(ad_backend, [1.0], track=False).backward()
    with pytest.raises(KindError, match="backward: only Float tensors have gradients"):
        Tensor[ad_backend.B, Int].from_data([1], device=ad_backend.device).backward()
    with pytest.raises(KindError, match="grad: only Float tensors have gradients"):
        Tensor[ad_backend.B, Int].from_data([1], device=ad_backend.device).grad(Gradients())


def test_backward_on_a_plain_backend(plain_backend):
    x = Tensor[plain_backend.B].from_data([1.0], device=plain_backend.device)
    with pytest.raises(GradientError, match=r"backward: backend .* has no autodiff; use Autodiff\["):
        x.backward()
    with pytest.raises(GradientError, match="grad: backend .* has no autodiff"):
        x.grad(None)


def test_second_backward_on_a_released_graph_raises(ad_backend):
    x = leaf(ad_backend, [1.0, 2.0])
    y = x * 2.0
    loss = y.sum()
    loss.backward()
    with pytest.raises(GradientError, match="already used by a previous backward.*detach"):
        loss.backward()
    with pytest.raises(GradientError, match="already used"):
        (y * 3.0).sum().backward()  # y's part of the graph is gone too
    grads = (x * 3.0).sum().backward()  # leaves stay usable in new graphs
    np.testing.assert_allclose(grad_np(x, grads), [3.0, 3.0])


# --- costs and identity --------------------------------------------------------------------------
def _live_nodes() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if type(o) is Node)


def test_untracked_ops_record_nothing(ad_backend):
    a = leaf(ad_backend, np.ones((4, 4)), track=False)
    before = _live_nodes()
    out = a
    for _ in range(10):
        out = activation.softmax((out @ a).tanh() + out.exp().sum_dim(1), 1)[:, :4].reshape([4, 4])
    assert isinstance(out.primitive, ADPrimitive) and out.primitive.node is None
    assert _live_nodes() == before


def test_autodiff_types_are_cached_and_validated():
    from pyburn.backend import Autodiff, NumPy
    assert Autodiff[NumPy] is Autodiff[NumPy]
    assert Autodiff[NumPy]["float64"] is Autodiff[NumPy["float64"]]
    assert Autodiff[NumPy].inner is NumPy and Autodiff[NumPy].is_autodiff() and not NumPy.is_autodiff()
    assert Tensor[Autodiff[NumPy]] is Tensor[Autodiff[NumPy]]
    assert repr(Autodiff[NumPy]) == "Autodiff<NumPy>" and Autodiff[NumPy].name() == "autodiff<numpy>"
    with pytest.raises(TypeError, match="already has autodiff"):
        Autodiff[Autodiff[NumPy]]
    with pytest.raises(TypeError, match="takes a concrete backend class"):
        Autodiff[int]


# --- custom ops with several outputs ---------------------------------------------------------------
def _sincos_reference(B: Any, ctx: Any, x: Any) -> Any:
    return B.float_sin(x), B.float_cos(x)


sincos = CustomOp("test_sincos", _sincos_reference, n_outputs=2)


@sincos.define_backward
def _sincos_backward(B: Any, ctx: Any, grad: Any) -> Any:
    g_sin, g_cos = grad
    (x,) = ctx.inputs
    total = None
    if g_sin is not None:
        total = B.float_mul(g_sin, B.float_cos(x))
    if g_cos is not None:
        part = B.float_neg(B.float_mul(g_cos, B.float_sin(x)))
        total = part if total is None else B.float_add(total, part)
    return (total,)


def test_multi_output_custom_op_gradients(ad_backend):
    a = np.array([0.3, -1.2, 2.0])
    x = leaf(ad_backend, a)
    s, c = sincos.apply(x)
    np.testing.assert_allclose(s.to_numpy(), np.sin(a), rtol=1e-6)
    grads = (s * 2.0 + c * 3.0).sum().backward()
    np.testing.assert_allclose(grad_np(x, grads), 2 * np.cos(a) - 3 * np.sin(a), rtol=1e-5)
    s, c = sincos.apply(x)
    grads = c.sum().backward()  # only one output used: the other's gradient arrives as None
    np.testing.assert_allclose(grad_np(x, grads), -np.sin(a), rtol=1e-5)
    s, c = sincos.apply(x)
    grads = (s * c).sum().backward()  # both outputs reach the node through one product
    np.testing.assert_allclose(grad_np(x, grads), np.cos(2 * a), rtol=1e-5, atol=1e-6)


# --- memory over a training loop -------------------------------------------------------------------
def test_training_loop_memory_is_flat():
    """1,000 SGD steps of a 2-layer MLP: traced memory and live Node count stay flat, because
    backward releases the graph and the step rebuilds leaves from inner tensors."""
    from pyburn.backend import Autodiff, NumPy
    B = Autodiff[NumPy]
    B.seed(0)
    x = Tensor[B].random([32, 8], Distribution.Normal(0.0, 1.0))
    y = (x.sum_dim(1) * 0.3).tanh()
    params = [Tensor[B].random([8, 16], Distribution.Normal(0.0, 0.3)), Tensor[B].zeros([16]),
              Tensor[B].random([16, 1], Distribution.Normal(0.0, 0.3)), Tensor[B].zeros([1])]
    params = [p.require_grad() for p in params]
    lr = 0.05

    def step(params: list[Any]) -> tuple[list[Any], float]:
        w1, b1, w2, b2 = params
        out = activation.relu(x @ w1 + b1) @ w2 + b2
        loss = ((out - y) ** 2).mean()
        grads = loss.backward()
        return [Tensor[B].from_inner(p.inner() - p.grad(grads) * lr).require_grad()
                for p in params], loss.into_scalar()

    samples, losses, nodes = np.zeros(1000), np.zeros(1000), {}  # allocated before tracing
    tracemalloc.start()
    try:
        for i in range(1000):
            params, losses[i] = step(params)
            samples[i] = tracemalloc.get_traced_memory()[0]
            if i in (99, 999):  # outside the windows compared: gc.collect() shifts the baseline
                nodes[i] = _live_nodes()
    finally:
        tracemalloc.stop()
    early, late = np.mean(samples[100:200]), np.mean(samples[900:1000])
    assert late <= early + 16 * 1024, f"memory grew from {early:.0f} to {late:.0f} bytes"
    assert nodes[999] == nodes[99], f"Node objects accumulate: {nodes}"
    assert losses[-1] < losses[0] * 0.5  # and it trains


def test_backward_releases_the_graph(ad_backend):
    x = leaf(ad_backend, np.ones(3))
    hidden = x * 2.0
    ref = weakref.ref(hidden.primitive.node)
    loss = hidden.tanh().sum()
    loss.backward()
    assert hidden.primitive.node.parents == ()  # interior nodes dropped their parents and vjp
    del hidden, loss
    gc.collect()
    assert ref() is None
