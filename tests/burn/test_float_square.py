"""Burn's `tensor/float/ops/square.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_sqrt_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.square()
    expected = TensorData([[0.0, 1.0, 4.0], [9.0, 16.0, 25.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.relative(1e-4).set_half_precision_relative(1e-3))
