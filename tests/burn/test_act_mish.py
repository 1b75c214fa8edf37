"""Burn's `tensor/float/activation/mish.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_mish(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[-0.4240, -0.9574, -0.2215], [-0.5767, 0.7218, -0.1620]])
    output = activation.mish(tensor)
    expected = TensorData([[-0.19709, -0.30056, -0.11714], [-0.24132, 0.58235, -0.08877]])
    tolerance = Tolerance.default().set_half_precision_relative(1e-2)
    output.into_data().assert_approx_eq(expected, tolerance)
