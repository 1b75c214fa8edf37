"""Burn's `tensor/float/activation/log_softmax.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_log_softmax_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 0.0], [0.0, 1.0]])
    output = activation.log_softmax(tensor, 1)
    expected = TensorData([[-0.3132617, -1.3132617], [-1.3132617, -0.3132617]])
    tolerance = Tolerance.rel_abs(0.01, 0.0001)
    output.into_data().assert_approx_eq(expected, tolerance)


def test_log_softmax_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 0.0], [0.0, 1.0]])
    output = activation.log_softmax(tensor, -1)
    expected = TensorData([[-0.3132617, -1.3132617], [-1.3132617, -0.3132617]])
    tolerance = Tolerance.rel_abs(0.01, 0.0001)
    output.into_data().assert_approx_eq(expected, tolerance)
