"""Truncated BPTT (pyburn.train.tbptt): a carried state continues the sequence exactly, and the
gradients of a chunk stop at its boundary: they equal those of an explicit computation that
starts the chunk from the previous final state as a constant, and differ from full BPTT."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pytest

from pyburn import Tensor
from pyburn.nn import GruConfig, LstmConfig, LstmState, StackedLstmConfig
from pyburn.optim import GradientsParams
from pyburn.train import StateCarrier, detach_state


def _tensor(case: Any, values: Any, track: bool = False) -> Any:
    t = Tensor[case.B].from_data(np.asarray(values), case.device)
    return t.require_grad() if track else t


def _param_grads(grads: Any, model: Any) -> dict[str, np.ndarray]:
    gp = GradientsParams.from_grads(grads, model)
    out = {}
    for path, param in model.named_params():
        g = gp.get(param.id)
        out[path] = np.zeros(param.val().dims()) if g is None else g.to_data().as_numpy()
    return out


@pytest.mark.parametrize("layer", ["lstm", "stacked-lstm", "gru"])
def test_gradients_stop_at_the_chunk_boundary(ad_backend: Any, layer: str) -> None:
    case = ad_backend.f64
    rng = np.random.default_rng(3)
    if layer == "lstm":
        model = LstmConfig(3, 4, True).init(case.device)
        run = model.forward
    elif layer == "stacked-lstm":
        model = StackedLstmConfig(3, 4, 2).init(case.device)
        run = model.forward
    else:
        model = GruConfig(3, 4, True).init(case.device)
        run = model.forward_with_state
    x = rng.normal(size=(2, 9, 3))
    r = _tensor(case, rng.normal(size=(2, 4, 4)))
    x1 = _tensor(case, x[:, :5], track=True)
    x2 = _tensor(case, x[:, 5:])

    out1, state1 = run(x1)
    carry = StateCarrier()
    carry.update(state1)
    out2, _ = run(x2, carry.state)
    grads = (out2 * r).sum().backward()
    truncated = _param_grads(grads, model)
    assert x1.grad(grads) is None                 # nothing flows back into the first chunk

    def constant(s: Any) -> Any:                  # the explicit computation: a fresh constant
        return Tensor[case.B].from_data(s.to_data(), case.device)
    start = (LstmState(constant(state1.cell), constant(state1.hidden))
             if isinstance(state1, LstmState) else constant(state1))
    out2e, _ = run(x2, start)
    explicit = _param_grads((out2e * r).sum().backward(), model)
    for path in truncated:
        np.testing.assert_allclose(truncated[path], explicit[path], rtol=1e-10, atol=1e-12,
                                   err_msg=path)

    out2f, _ = run(x2, state1)                    # full BPTT: the graph crosses the boundary
    full_grads = (out2f * r).sum().backward()
    full = _param_grads(full_grads, model)
    assert x1.grad(full_grads) is not None
    assert any(not np.allclose(full[p], truncated[p]) for p in full)

    whole, _ = run(_tensor(case, x))              # and the carried state continues exactly
    np.testing.assert_allclose(out2.to_data().as_numpy(),
                               whole.to_data().as_numpy()[:, 5:], rtol=1e-10, atol=1e-12)


class Pair(NamedTuple):
    a: Any
    b: Any


@dataclass(frozen=True)
class Holder:
    value: Any
    count: int


def test_detach_state_keeps_any_structure(ad_backend: Any) -> None:
    t = _tensor(ad_backend, [[1.0, 2.0]], track=True)
    y = t * 2.0
    state = {"lstm": LstmState(y, y), "tuple": (y, None, 3), "list": [y],
             "pair": Pair(y, y), "holder": Holder(y, 5)}
    out = detach_state(state)
    assert isinstance(out["lstm"], LstmState) and isinstance(out["pair"], Pair)
    assert out["tuple"][1:] == (None, 3) and out["holder"].count == 5
    loss = (out["lstm"].cell * t).sum()   # only the direct use of t has a gradient
    np.testing.assert_allclose(t.grad(loss.backward()).to_data().as_numpy(), [[2.0, 4.0]])
    assert detach_state(None) is None
    with pytest.raises(TypeError, match="detach_state: expected a tensor.*got object"):
        detach_state(object())


def test_state_carrier_reset() -> None:
    carry = StateCarrier()
    assert carry.state is None
    carry.update((1, 2))
    assert carry.state == (1, 2)
    carry.reset()
    assert carry.state is None
