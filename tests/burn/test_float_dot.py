"""Burn's `tensor/float/ops/dot.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([1.0, 2.0, 3.0], device)
    tensor_2 = TestTensor.from_data([0.0, -1.0, 4.0], device)
    output = tensor_1.dot(tensor_2)
    expected = TensorData([10.0])
    output.into_data().assert_eq(expected, False)


def test_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([1, 2, 3], device)
    tensor_2 = TestTensor.from_data([0, -1, 4], device)
    output = tensor_1.dot(tensor_2)
    expected = TensorData([10])
    output.into_data().assert_eq(expected, False)


def test_panics_for_different_sizes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['dot']):
        device = device
        tensor_1 = TestTensor.from_data([1, 2], device)
        tensor_2 = TestTensor.from_data([1, 2, 3], device)
        _output = tensor_1.dot(tensor_2)
