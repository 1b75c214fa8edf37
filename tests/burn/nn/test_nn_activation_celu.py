"""Burn's `crates/burn-nn/src/activation/celu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_celu_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    model = CeluConfig().init()
    input = TestTensor.from_data(TensorData([[0.5, -0.5, -1.0]]), device)
    out = model.forward(input)
    expected = TensorData([[0.5, -0.393469, -0.632121]])
    out.to_data().assert_approx_eq(expected, Tolerance.default())


def test_celu_with_alpha(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    model = CeluConfig().with_alpha(2.0).init()
    input = TestTensor.from_data(TensorData([[0.0, -2.0]]), device)
    out = model.forward(input)
    expected = TensorData([[0.0, -1.264241]])
    out.to_data().assert_approx_eq(expected, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = CeluConfig().init()
    assert_eq_(str(config), "Celu {alpha: 1}")
