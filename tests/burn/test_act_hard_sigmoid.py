"""Burn's `tensor/float/activation/hard_sigmoid.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_hard_sigmoid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 7.0], [13.0, -3.0]])
    output = activation.hard_sigmoid(tensor, 0.2, 0.5)
    expected = TensorData([[0.7, 1.0], [1.0, 0.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_hard_sigmoid_overflow(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([lim('FloatElem', 'MAX'), lim('FloatElem', 'MIN')])
    output = activation.hard_sigmoid(tensor, 0.2, 0.5)
    expected = TensorData([1.0, 0.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
