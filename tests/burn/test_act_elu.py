"""Burn's `tensor/float/activation/elu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_elu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 7.0], [13.0, -3.0]])
    output = activation.elu(tensor, 1.0)
    expected = TensorData([[1.0, 7.0], [13.0, -0.950213]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_elu_alpha(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([0.0, -1.0, -2.0])
    output = activation.elu(tensor, 2.0)
    expected = TensorData([0.0, -1.264241, -1.729329])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
