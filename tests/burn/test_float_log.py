"""Burn's `tensor/float/ops/log.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_log_3d_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[[1.0, E], [E * E, E * E * E]], [[1.0, E], [E * E, E * E * E]]])
    tensor = TestTensor.from_data(data, device)
    permuted = tensor.permute([2, 0, 1])
    output = permuted.log()
    expected = TensorData([[[0.0, 2.0], [0.0, 2.0]], [[1.0, 3.0], [1.0, 3.0]]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_log_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.log()
    expected = TensorData([[-lim('f32', 'INFINITY'), 0.0, math_const('LN_2')], [1.09861, 1.38629, 1.60944]])
    output.into_data().assert_approx_eq(expected, Tolerance.default().set_half_precision_relative(1e-3))
