"""Burn's `tensor/float/activation/selu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_selu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, 1.0, -1.0], [2.0, -2.0, 0.5]])
    output = activation.selu(tensor)
    expected = TensorData([[0.0, 1.0507, -1.1113], [2.1014, -1.5202, 0.5254]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_selu_zero(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([0.0])
    output = activation.selu(tensor)
    expected = TensorData([0.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
