"""Activation modules on every backend row, against torch.nn: forward and gradients (input, and
PRelu's learned slope) in float64 and float32, finite differences in float64, configs with
Burn's defaults, empty records for the parameterless ones, and use as fields of a user model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from pyburn.module import Module, Param  # noqa: E402
from pyburn.nn import (Gelu, HardSigmoid, HardSigmoidConfig, LeakyRelu,  # noqa: E402
                       LeakyReluConfig,
                       Linear, LinearConfig, PRelu, PReluConfig, Relu, Sigmoid, SiLU, Silu,
                       Softplus, SoftplusConfig, Swish, Tanh)
from pyburn.record import NamedMpkFileRecorder, FullPrecisionSettings  # noqa: E402
from pyburn.tensor import ShapeError  # noqa: E402

from gradcheck import gradcheck  # noqa: E402

TOL = {"float64": dict(rtol=1e-10, atol=1e-12), "float32": dict(rtol=1e-5, atol=1e-6)}
DTYPES = ["float64", "float32"]

CASES = [
    ("relu", lambda: Relu(), lambda: torch.nn.ReLU()),
    ("gelu", lambda: Gelu(), lambda: torch.nn.GELU()),
    ("gelu-tanh", lambda: Gelu.new_approximate(), lambda: torch.nn.GELU(approximate="tanh")),
    ("leaky-relu", lambda: LeakyReluConfig().init(), lambda: torch.nn.LeakyReLU(0.01)),
    ("leaky-relu-0.2", lambda: LeakyReluConfig(0.2).init(), lambda: torch.nn.LeakyReLU(0.2)),
    ("sigmoid", lambda: Sigmoid(), lambda: torch.nn.Sigmoid()),
    ("tanh", lambda: Tanh(), lambda: torch.nn.Tanh()),
    ("silu", lambda: SiLU(), lambda: torch.nn.SiLU()),
    ("hard-sigmoid-torch", lambda: HardSigmoidConfig(alpha=1 / 6, beta=0.5).init(),
     lambda: torch.nn.Hardsigmoid()),
    ("softplus", lambda: SoftplusConfig().init(), lambda: torch.nn.Softplus()),
    ("softplus-beta2", lambda: SoftplusConfig(beta=2.0).init(), lambda: torch.nn.Softplus(2.0)),
]


def inputs() -> np.ndarray:
    """Values on both sides of every kink, none on one (gradients there differ by convention),
    and within torch's softplus threshold."""
    x = np.random.default_rng(0).uniform(-4, 4, [2, 3, 4])
    x[np.abs(x) < 0.05] = 0.3
    x[np.abs(np.abs(x) - 3.0) < 0.05] = 1.1  # torch's Hardsigmoid kinks at +-3
    return x


def forward_backward(case: Any, dtype: str, module: Any, torch_module: Any,
                     seed: int) -> tuple[Any, Any, Any]:
    """Both modules on `inputs()` in `dtype`, outputs compared; on Autodiff rows, both backward
    passes of a random weighting of the output. Returns our input, torch's and our gradients
    (None on plain rows)."""
    tdtype = getattr(torch, dtype)
    x = inputs()
    tx = torch.tensor(x, dtype=tdtype, requires_grad=True)
    ty = torch_module(tx)
    xt = case.tensor(x)
    if case.autodiff:
        xt = xt.require_grad()
    y = module(xt)
    np.testing.assert_allclose(y.to_numpy(), ty.detach().numpy(), **TOL[dtype])
    if not case.autodiff:
        return xt, tx, None
    r = np.random.default_rng(seed).standard_normal(x.shape)
    (ty * torch.tensor(r, dtype=tdtype)).sum().backward()
    return xt, tx, (y * case.tensor(r)).sum().backward()


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name,make,make_torch", CASES, ids=[c[0] for c in CASES])
def test_activation_matches_torch(backend: Any, dtype: str, name: str, make: Any,
                                  make_torch: Any) -> None:
    case = backend.with_float(dtype)
    module = make()
    assert module.num_params() == 0 and module.into_record() == {}
    xt, tx, grads = forward_backward(case, dtype, module, make_torch(), seed=1)
    if grads is not None:
        # torch's Hardsigmoid backward multiplies by a float32 1/6 even in float64
        tol = dict(rtol=1e-7, atol=0) if name == "hard-sigmoid-torch" and dtype == "float64" \
            else TOL[dtype]
        np.testing.assert_allclose(xt.grad(grads).to_numpy(), tx.grad.numpy(), **tol)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("num_parameters", [1, 3])
def test_prelu_matches_torch(backend: Any, dtype: str, num_parameters: int) -> None:
    """Forward and both gradients (input and the learned slope), shared or per channel."""
    case = backend.with_float(dtype)
    tm = torch.nn.PReLU(num_parameters, init=0.25).to(getattr(torch, dtype))
    with torch.no_grad():
        tm.weight.copy_(torch.linspace(0.1, 0.6, num_parameters))
    prelu = PReluConfig(num_parameters).init(case.device)
    prelu = prelu.map(lambda _, p: p.with_value(case.tensor(tm.weight.detach().numpy())))
    xt, tx, grads = forward_backward(case, dtype, prelu, tm, seed=2)
    if grads is not None:
        np.testing.assert_allclose(xt.grad(grads).to_numpy(), tx.grad.numpy(), **TOL[dtype])
        np.testing.assert_allclose(prelu.alpha.val().grad(grads).to_numpy(),
                                   tm.weight.grad.numpy(), **TOL[dtype])


def test_activation_finite_differences(ad_backend: Any) -> None:
    case = ad_backend.f64
    x = inputs()
    for _, make, _ in CASES:
        gradcheck(case, make(), x)
    gradcheck(case, lambda x, a: PRelu(Param(a), 0.25)(x), x, np.array([0.1, 0.3, 0.7]))


def test_configs_defaults_and_display(backend: Any) -> None:
    """Burn's defaults and names (SiLU, with Silu/Swish as aliases)."""
    assert LeakyReluConfig().negative_slope == 0.01
    assert (HardSigmoidConfig().alpha, HardSigmoidConfig().beta) == (0.2, 0.5)
    assert SoftplusConfig().beta == 1.0
    assert (PReluConfig().num_parameters, PReluConfig().alpha) == (1, 0.25)
    assert Silu is SiLU and Swish is SiLU and Gelu().approximate is False
    prelu = PReluConfig(3, alpha=0.5).init(backend.device)
    np.testing.assert_array_equal(prelu.alpha.val().to_numpy(), [0.5, 0.5, 0.5])
    assert str(prelu) == "PRelu {num_parameters: 3, alpha_value: 0.5, params: 3}"
    assert str(LeakyReluConfig(0.2).init()) == "LeakyRelu {negative_slope: 0.2}"
    assert str(HardSigmoidConfig().init()) == "HardSigmoid {alpha: 0.2, beta: 0.5}"
    assert str(Relu()) == "Relu" and str(Gelu.new_approximate()) == "Gelu {\n  approximate: true\n}"
    assert isinstance(LeakyReluConfig(0.3).init(), LeakyRelu)
    with pytest.raises(ValueError, match="PReluConfig.init: num_parameters must be >= 1, got 0"):
        PReluConfig(0).init(backend.device)
    with pytest.raises(ValueError, match="SoftplusConfig.init: beta must be > 0, got 0"):
        SoftplusConfig(beta=0.0).init()


def test_prelu_errors(backend: Any) -> None:
    prelu = PReluConfig(3).init(backend.device)
    with pytest.raises(ShapeError, match=r"PRelu.forward: with 3 parameters, expected an input "
                                         r"of shape \[batch, 3, \.\.\.\], got \[2, 4\]"):
        prelu(backend.tensor(np.zeros([2, 4])))
    with pytest.raises(ShapeError, match=r"PRelu.forward: .*got \[3\]"):
        prelu(backend.tensor(np.zeros([3])))


class Net(Module):
    """Activation modules as fields, as the Burn Book's guide model holds ``activation: Relu``."""

    linear: Linear
    activation: Relu
    prelu: PRelu
    gelu: Gelu
    hard: HardSigmoid
    softplus: Softplus

    def forward(self, x: Any) -> Any:
        x = self.activation(self.linear(x))
        return self.softplus(self.hard(self.gelu(self.prelu(x))))


def test_activation_modules_as_fields(backend: Any, tmp_path: Path) -> None:
    """Only PRelu's slope is in the record (the others' records are empty, as Burn's
    ``EmptyRecord``); the settings are constants of the model, and a
    record round trip gives back the same outputs."""
    d = backend.device
    net = Net(LinearConfig(4, 3).init(d), Relu(), PReluConfig(3).init(d), Gelu(True),
              HardSigmoidConfig().init(), SoftplusConfig(2.0).init())
    record = net.into_record()
    assert set(record["prelu"]) == {"alpha"}
    assert all(record[k] == {} for k in ("activation", "gelu", "hard", "softplus"))  # empty
    assert net.num_params() == 4 * 3 + 3 + 3
    recorder = NamedMpkFileRecorder(FullPrecisionSettings)
    net.save_file(str(tmp_path / "net"), recorder)
    fresh = Net(LinearConfig(4, 3).init(d), Relu(), PReluConfig(3, alpha=0.9).init(d),
                Gelu(True), HardSigmoidConfig().init(), SoftplusConfig(2.0).init())
    loaded = fresh.load_file(str(tmp_path / "net"), recorder)
    x = backend.tensor(np.random.default_rng(3).standard_normal([2, 4]))
    np.testing.assert_array_equal(loaded(x).to_numpy(), net(x).to_numpy())
    if backend.autodiff:
        grads = net(x).sum().backward()
        assert net.prelu.alpha.val().grad(grads) is not None
