"""Burn's `tensor/float/ops/erf.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_erf_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.erf()
    expected = TensorData([[0.0000, 0.8427, 0.99532], [0.99998, 1.0000, 1.0000]])
    output.into_data().assert_approx_eq(expected, Tolerance.default().set_half_precision_absolute(2e-3))


def test_should_support_erf_ops_with_negative_number(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[-0.056, -0.043, -0.089], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.erf()
    expected = TensorData([[-0.06312324, -0.048490416, -0.10016122], [0.99998, 1.0000, 1.0000]])
    output.into_data().assert_approx_eq(expected, Tolerance.default().set_half_precision_absolute(3e-3))
