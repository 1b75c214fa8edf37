"""Burn's `crates/burn-nn/src/activation/soft_shrink.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_soft_shrink_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    model = SoftShrinkConfig().init()
    input = TestTensor.from_data([[0.5, -0.5, -1.0], [8.0, 0.3, 0.0]], device)
    out = model.forward(input)
    expected = TensorData([[0.0, 0.0, -0.5], [7.5, 0.0, 0.0]])
    assert_eq_(out.into_data(), expected)


def test_soft_shrink_with_lambda(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    model = SoftShrinkConfig().with_lambda(0.25).init()
    input = TestTensor.from_data([[0.125, -0.125, -0.5], [0.75, 0.1, 0.0]], device)
    out = model.forward(input)
    expected = TensorData([[0.0, 0.0, -0.25], [0.5, 0.0, 0.0]])
    assert_eq_(out.into_data(), expected)


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = SoftShrinkConfig().init()
    assert_eq_(str(config), "SoftShrink {lambda: 0.5}")
