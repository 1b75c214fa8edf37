"""Burn's `tensor/float/activation/threshold.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_threshold_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[-1.0, 0.5, 1.0], [1.5, 2.0, -3.0]])
    output = activation.threshold(tensor, 1.0, 20.0)
    expected = TensorData([[20.0, 20.0, 20.0], [1.5, 2.0, 20.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_threshold_zero_matches_relu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([-2.0, 0.0, 3.0])
    output = activation.threshold(tensor, 0.0, 0.0)
    expected = TensorData([0.0, 0.0, 3.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
