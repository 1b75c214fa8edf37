"""The fused ``layer_norm`` op (what `LayerNorm` runs): finite differences for every input on
every backend row, its native kernels against the composite default, torch's LayerNorm as the
reference, and the untracked and beta-less cases."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from gradcheck import gradcheck
from pyburn import Tensor
from pyburn.module import Param
from pyburn.nn import LayerNorm
from pyburn.tensor.module_ops import layer_norm
from torch_compare import force_composite


def _inputs(seed: int, shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    g = np.random.default_rng(seed)
    return (g.standard_normal(shape) * 2.0 + 0.5, g.uniform(0.5, 1.5, shape[-1:]),
            g.standard_normal(shape[-1:]))


@pytest.mark.parametrize("shape", [(3, 4, 5), (2, 6)])
def test_layer_norm_finite_differences(ad_backend: Any, shape: tuple[int, ...]) -> None:
    case = ad_backend.f64
    x, gamma, beta = _inputs(0, shape)
    gradcheck(case, lambda x, g, b: layer_norm.apply(x, g, b, epsilon=1e-5), x, gamma, beta)
    gradcheck(case, lambda x, g: layer_norm.apply(x, g, None, epsilon=1e-5), x, gamma)
    # only some inputs tracked: the others get no gradient
    gradcheck(case, lambda x, g, b: layer_norm.apply(x, g, b, epsilon=1e-5), x, gamma, beta,
              wrt=[1])
    gradcheck(case, lambda x, g, b: layer_norm.apply(x, g, b, epsilon=1e-5), x, gamma, beta,
              wrt=[0])


def _run(case: Any, x: np.ndarray, gamma: np.ndarray, beta: np.ndarray | None) -> list[np.ndarray]:
    """Output, and on Autodiff rows the gradients of x, gamma (and beta) of a weighted sum."""
    t = [case.tensor(a) for a in (x, gamma)] + ([case.tensor(beta)] if beta is not None else [])
    if case.autodiff:
        t = [v.require_grad() for v in t]
    y = layer_norm.apply(t[0], t[1], t[2] if beta is not None else None, epsilon=1e-5)
    out = [y.to_numpy()]
    if case.autodiff:
        w = case.tensor(np.random.default_rng(9).standard_normal(x.shape))
        grads = (y * w).sum().backward()
        out += [v.grad(grads).to_numpy() for v in t]
    return out


@pytest.mark.parametrize("with_beta", [True, False])
def test_native_kernels_match_the_composite(backend: Any, monkeypatch: pytest.MonkeyPatch,
                                            with_beta: bool) -> None:
    """Each backend's kernel (Torch: native_layer_norm) against the default composite."""
    case = backend.f64
    x, gamma, beta = _inputs(1, (4, 3, 8))
    native = _run(case, x, gamma, beta if with_beta else None)
    force_composite(monkeypatch, layer_norm)
    composite = _run(case, x, gamma, beta if with_beta else None)
    assert len(native) == len(composite)
    for a, b in zip(native, composite):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("dtype,tol", [("float32", 2e-5), ("float64", 1e-10)])
def test_layer_norm_module_matches_torch(backend: Any, dtype: str, tol: float) -> None:
    torch = pytest.importorskip("torch")
    case = backend.with_float(dtype)
    x, gamma, beta = _inputs(2, (5, 7, 16))
    tt = getattr(torch, dtype)
    xt, gt, bt = (torch.tensor(a, dtype=tt, requires_grad=True) for a in (x, gamma, beta))
    yt = torch.nn.functional.layer_norm(xt, (16,), gt, bt, 1e-5)
    norm = LayerNorm(Param(case.tensor(gamma)), Param(case.tensor(beta)), 1e-5)
    xs = case.tensor(x).require_grad() if case.autodiff else case.tensor(x)
    y = norm(xs)
    np.testing.assert_allclose(y.to_numpy(), yt.detach().numpy(), rtol=tol, atol=tol)
    if case.autodiff:
        w = np.random.default_rng(4).standard_normal(x.shape)
        expected = torch.autograd.grad(yt, (xt, gt, bt), torch.tensor(w, dtype=tt))
        grads = (y * case.tensor(w)).sum().backward()
        got = [xs.grad(grads), norm.gamma.val().grad(grads), norm.beta.val().grad(grads)]  # type: ignore[union-attr]
        for g, e in zip(got, expected):
            assert g is not None
            np.testing.assert_allclose(g.to_numpy(), e.numpy(), rtol=10 * tol, atol=10 * tol)


def test_untracked_input_records_nothing(ad_backend: Any) -> None:
    """Constants in, a constant out: no tape node, nothing saved for a backward."""
    x, gamma, beta = _inputs(3, (2, 4))
    y = layer_norm.apply(*(ad_backend.tensor(a) for a in (x, gamma, beta)), epsilon=1e-5)
    assert not y.is_require_grad()
    assert isinstance(y, Tensor[ad_backend.B])


def test_layer_norm_refuses_a_wrong_last_dim(backend: Any) -> None:
    x, gamma, beta = _inputs(3, (2, 4))
    norm = LayerNorm(Param(backend.tensor(gamma)), Param(backend.tensor(beta)), 1e-5)
    with pytest.raises(Exception, match=r"LayerNorm.forward: expected an input of shape \[\.\.\., 4\], got \[2, 5\]"):
        norm(backend.tensor(np.zeros((2, 5))))
