"""Burn's `tensor/float/ops/recip.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_recip_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.5, 1.0, 2.0], [3.0, -4.0, -5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.recip()
    expected = TensorData([[2.0, 1.0, 0.5], [0.33333, -0.25, -0.2]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
