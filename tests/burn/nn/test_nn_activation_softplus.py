"""Burn's `crates/burn-nn/src/activation/softplus.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_softplus_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    model = SoftplusConfig().init()
    input = TestTensor.from_data(TensorData([[0.0, 1.0, -1.0]]), device)
    out = model.forward(input)
    expected = TensorData([[0.6931, 1.3133, 0.3133]])
    out.to_data().assert_approx_eq(expected, Tolerance.default())


def test_softplus_with_beta(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    model = SoftplusConfig().with_beta(2.0).init()
    input = TestTensor.from_data(TensorData([[0.0, 1.0]]), device)
    out = model.forward(input)
    expected = TensorData([[0.3466, 1.0635]])
    out.to_data().assert_approx_eq(expected, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = SoftplusConfig().init()
    assert_eq_(str(config), "Softplus {beta: 1}")
