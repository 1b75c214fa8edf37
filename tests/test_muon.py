"""Muon against a torch float64 transcription of the reference algorithm (Nesterov momentum,
quintic Newton-Schulz, shape-adjusted learning rate, decoupled weight decay), step by step on every
Autodiff row; its state through records and bytes; clear errors."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from pyburn import Tensor
from pyburn.module import Module, Param
from pyburn.optim import (AdjustLrFn, GradientsParams, MomentumConfig, MuonConfig,
                          WeightDecayConfig)
from pyburn.record import RecordError


class Mat(Module):
    w: Param[Any]

    def forward(self, x: Any) -> Any:
        return (x @ self.w.val()).tanh()


def torch_muon_steps(w0: np.ndarray, xs: list[np.ndarray], lr: float, wd: float | None,
                     adjust: str, ns_steps: int = 5) -> np.ndarray:
    """The reference: torch autograd for the gradient, Keller Jordan's Muon update in float64."""
    torch = pytest.importorskip("torch")
    w = torch.tensor(w0, dtype=torch.float64, requires_grad=True)
    buf = None
    a, b, c = 3.4445, -4.775, 2.0315
    for x in xs:
        loss = (torch.tensor(x) @ w).tanh().sum()
        (g,) = torch.autograd.grad(loss, w)
        buf = g.clone() if buf is None else 0.95 * buf + g
        g = g + 0.95 * buf                              # Nesterov, dampening 0
        transpose = g.shape[0] > g.shape[1]
        X = g.T if transpose else g
        X = X / X.norm().clamp_min(1e-7)
        for _ in range(ns_steps):
            A = X @ X.T
            X = a * X + (b * A + c * A @ A) @ X
        update = X.T if transpose else X
        rows, cols = w.shape
        ratio = (math.sqrt(max(1.0, rows / cols)) if adjust == "Original"
                 else 0.2 * math.sqrt(max(rows, cols)))
        with torch.no_grad():
            if wd is not None:
                w.mul_(1.0 - lr * wd)
            w.sub_(lr * ratio * update)
    return w.detach().numpy()


@pytest.mark.parametrize("shape", [(4, 6), (7, 3), (5, 5)])
@pytest.mark.parametrize("adjust,wd", [("Original", None), ("MatchRmsAdamW", 0.1)])
def test_steps_equal_reference(ad_backend: Any, shape: tuple[int, int], adjust: str,
                               wd: float | None) -> None:
    case = ad_backend.f64
    rng = np.random.default_rng(0)
    w0 = rng.normal(size=shape)
    xs = [rng.normal(size=(3, shape[0])) for _ in range(3)]
    config = MuonConfig().with_adjust_lr_fn(AdjustLrFn[adjust])
    if wd is not None:
        config = config.with_weight_decay(WeightDecayConfig(wd))
    optim = config.init()
    model = Mat(Param(Tensor[case.B].from_data(w0, case.device)))
    for x in xs:
        loss = model.forward(Tensor[case.B].from_data(x, case.device)).sum()
        model = optim.step(0.02, model, GradientsParams.from_grads(loss.backward(), model))
    expected = torch_muon_steps(w0, xs, 0.02, wd, adjust)
    np.testing.assert_allclose(model.w.val().to_numpy(), expected, rtol=1e-10, atol=1e-12)


def test_update_is_nearly_orthogonal(backend: Any) -> None:
    """Newton-Schulz pushes singular values into roughly [0.7, 1.2] whatever the gradient's."""
    case = backend.f64
    g = np.random.default_rng(1).normal(size=(8, 16)) * np.logspace(-1, 0.5, 8)[:, None]
    update = MuonConfig().build().zeropower_via_newtonschulz(
        Tensor[case.B].from_data(g, case.device)).to_numpy()
    s = np.linalg.svd(update, compute_uv=False)
    assert s.min() > 0.6 and s.max() < 1.25, s


def test_adjust_lr_fn_ratios() -> None:
    assert AdjustLrFn.Original.adjustment_ratio([1024, 512]) == pytest.approx(math.sqrt(2.0))
    assert AdjustLrFn.Original.adjustment_ratio([512, 1024]) == 1.0
    assert AdjustLrFn.MatchRmsAdamW.adjustment_ratio([512, 1024]) == pytest.approx(
        0.2 * math.sqrt(1024))
    assert AdjustLrFn.Original.adjustment_ratio([7]) == 1.0


def test_state_round_trips_through_bytes_and_resumes_exactly(ad_backend: Any) -> None:
    case = ad_backend.f64
    rng = np.random.default_rng(2)
    model = Mat(Param(Tensor[case.B].from_data(rng.normal(size=(4, 3)), case.device)))
    optim = MuonConfig().init()

    def grads(m: Mat, seed: int) -> GradientsParams:
        x = Tensor[case.B].from_data(np.random.default_rng(seed).normal(size=(2, 4)), case.device)
        return GradientsParams.from_grads(m.forward(x).sum().backward(), m)

    model = optim.step(0.01, model, grads(model, 0))
    reloaded = MuonConfig().init().from_bytes(optim.into_bytes())
    a = optim.step(0.01, model, grads(model, 1)).w.val().to_numpy()
    b = reloaded.step(0.01, model, grads(model, 1)).w.val().to_numpy()
    np.testing.assert_array_equal(a, b)
    f32 = Mat(Param(Tensor[case.B].from_data(rng.normal(size=(4, 3)).astype(np.float32),
                                             case.device)))
    optim32 = MuonConfig().init()
    f32 = optim32.step(0.01, f32, grads(f32, 0))
    again = MuonConfig().init().from_bytes(optim32.into_bytes())
    stepped = again.step(0.01, f32, grads(f32, 1)).w.val()
    assert stepped.dtype == f32.w.val().dtype
    np.testing.assert_array_equal(stepped.to_numpy(),
                                  optim32.step(0.01, f32, grads(f32, 1)).w.val().to_numpy())
    with pytest.raises(RecordError, match="momentum"):
        MuonConfig().init().load_record({k: {} for k in optim.to_record()})


def test_config_round_trips_json() -> None:
    config = MuonConfig(momentum=MomentumConfig(0.9, 0.0, False), ns_steps=3,
                        adjust_lr_fn=AdjustLrFn.MatchRmsAdamW)
    assert MuonConfig.from_json(config.to_json()) == config
    assert '"MatchRmsAdamW"' in config.to_json()


def test_refuses_non_matrix_parameters(ad_backend: Any) -> None:
    case = ad_backend
    with pytest.raises(ValueError, match=r"Muon.step: Newton-Schulz iteration requires 2D tensors, "
                                         r"got 1D \(shape \[3\]\)"):
        MuonConfig().build().step(0.01, Tensor[case.B].zeros([3], device=case.device),
                                  Tensor[case.B].ones([3], device=case.device), None)
    with pytest.raises(ValueError, match="ns_steps must be >= 0"):
        MuonConfig(ns_steps=-1).init()
