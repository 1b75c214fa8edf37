"""Burn's `tensor/float/activation/quiet_softmax.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_quiet_softmax_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 7.0], [13.0, -3.0]])
    output = activation.quiet_softmax(tensor, 1)
    expected = TensorData([[2.47e-03, 9.975e-01], [1.0, 1.1254e-07]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_quiet_softmax_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 7.0], [13.0, -3.0]])
    output = activation.quiet_softmax(tensor, -1)
    expected = TensorData([[2.47e-03, 9.975e-01], [1.0, 1.1254e-07]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
