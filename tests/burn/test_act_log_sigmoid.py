"""Burn's `tensor/float/activation/log_sigmoid.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_log_sigmoid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 7.0], [13.0, -3.0]])
    output = activation.log_sigmoid(tensor)
    expected = TensorData([[-3.132617e-1, -9.114665e-4], [-2.260327e-6, -3.0485873]])
    tolerance = Tolerance.rel_abs(0.01, 0.0001)
    output.into_data().assert_approx_eq(expected, tolerance)


def test_log_sigmoid_d1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([-10.0, 0.0, 10.0])
    output = activation.log_sigmoid(tensor)
    output.into_data().assert_approx_eq(TensorData([-10.0, -0.6931472, 0.0]), Tolerance.absolute(1e-3))
