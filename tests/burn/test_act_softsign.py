"""Burn's `tensor/float/activation/softsign.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_softsign(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 7.0], [13.0, -3.0]])
    output = activation.softsign(tensor)
    expected = TensorData([[0.5, 0.875], [0.928571, -0.75]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_softsign_zero(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([0.0])
    output = activation.softsign(tensor)
    expected = TensorData([0.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
