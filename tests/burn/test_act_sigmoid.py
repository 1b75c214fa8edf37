"""Burn's `tensor/float/activation/sigmoid.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_sigmoid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 7.0], [13.0, -3.0]])
    output = activation.sigmoid(tensor)
    expected = TensorData([[0.731059, 0.999089], [0.999998, 0.047426]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_sigmoid_d1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([-10.0, 0.0, 10.0])
    output = activation.sigmoid(tensor)
    output.into_data().assert_approx_eq(TensorData([0.0, 0.5, 1.0]), Tolerance.absolute(1e-3))


def test_sigmoid_overflow(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([lim('FloatElem', 'MAX'), lim('FloatElem', 'MIN')])
    output = activation.sigmoid(tensor)
    expected = TensorData([1.0, 0.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
