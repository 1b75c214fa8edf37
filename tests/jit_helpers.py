"""Shared by the jit tests: run a training step eagerly and jitted side by side, compare."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from pyburn.jit import Jit, jit
from pyburn.module import Module
from pyburn.nn.loss import MseLoss, Reduction
from pyburn.optim import GradientsParams


def materialize(model: Module) -> Module:
    """Initialize lazy parameters now (their random draws must not happen inside a step)."""
    for p in model.params():
        p.val()
    return model


def mse_step(model: Any, optim: Any, x: Any, y: Any, lr: float) -> tuple[Any, Any]:
    """The canonical step: forward, MSE, backward, optimizer update; returns (model, loss)."""
    loss = MseLoss().forward(model(x), y, Reduction.Mean)
    grads = GradientsParams.from_grads(loss.backward(), model)
    return optim.step(lr, model, grads), loss


def numpy_of(t: Any) -> np.ndarray:
    return np.asarray(t.to_data().to_numpy())


def assert_models_equal(case: Any, a: Module, b: Module, exact: bool) -> None:
    pa, pb = dict(a.named_params()), dict(b.named_params())
    assert list(pa) == list(pb)
    for name in pa:
        va, vb = numpy_of(pa[name].val()), numpy_of(pb[name].val())
        if exact:
            assert np.array_equal(va, vb), f"{case}: parameter {name} differs"
        else:
            np.testing.assert_allclose(va, vb, rtol=1e-5, atol=1e-6, err_msg=f"{case}: {name}")


def run_side_by_side(case: Any, make: Callable[[], tuple[Module, Any]],
                     batches: list[tuple[Any, ...]], lrs: list[float],
                     step: Callable[..., Any] = mse_step, seed: int = 7,
                     jitted: Jit[Any] | None = None) -> Jit[Any]:
    """Train two copies (same init) with the eager and the jitted step, drawing from the same
    seed, and check losses and parameters after every step: bit-identical on NumPy rows."""
    B = case.B
    exact = "numpy" in case.id
    B.seed(seed)
    model_e, optim_e = make()
    B.seed(seed)
    model_j, optim_j = make()
    js = jitted if jitted is not None else jit(step)
    losses_e, losses_j = [], []
    for lr, batch in zip(lrs, batches):
        B.seed(seed)
        model_e, loss_e = step(model_e, optim_e, *batch, lr)
        B.seed(seed)
        model_j, loss_j = js(model_j, optim_j, *batch, lr)
        seed += 1
        losses_e.append(numpy_of(loss_e))
        losses_j.append(numpy_of(loss_j))
        assert_models_equal(case, model_e, model_j, exact)
    if exact:
        assert all(np.array_equal(a, b) for a, b in zip(losses_e, losses_j)), (losses_e, losses_j)
    else:
        np.testing.assert_allclose(np.array(losses_e), np.array(losses_j), rtol=1e-5, atol=1e-6)
    assert js.stats().replays > 0, js.stats()
    return js
