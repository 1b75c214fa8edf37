"""Burn's `crates/burn-nn/src/activation/thresholded_relu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_thresholded_relu_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    model = ThresholdedReluConfig().init()
    input = TestTensor.from_data(TensorData([[0.5, 1.5, -0.2]]), device)
    out = model.forward(input)
    expected = TensorData([[0.0, 1.5, 0.0]])
    out.to_data().assert_eq(expected, False)


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = ThresholdedReluConfig().init()
    assert_eq_(str(config), "ThresholdedRelu {alpha: 1}")
