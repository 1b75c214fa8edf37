"""Burn's `tensor/float/ops/mul.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_mul_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_1 = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    data_2 = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device)
    tensor_2 = TestTensor.from_data(data_2, device)
    output = tensor_1 * tensor_2
    expected = TensorData([[0.0, 1.0, 4.0], [9.0, 16.0, 25.0]])
    output.into_data().assert_eq(expected, False)


def test_mul_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_1 = TensorData([[0.0, 1.0, 2.0]])
    data_2 = TensorData([[3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device)
    tensor_2 = TestTensor.from_data(data_2, device)
    output = tensor_1 * tensor_2
    expected = TensorData([[0.0, 4.0, 10.0], [0.0, 7.0, 16.0]])
    output.into_data().assert_eq(expected, False)


def test_mul_broadcast_2_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([0.0, 1.0, 2.0], device).reshape([3, 1])
    tensor_2 = TestTensor.from_data([3.0, 4.0, 5.0], device).reshape([1, 3])
    output = tensor_1 * tensor_2
    expected = TensorData([[0.0, 0.0, 0.0], [3.0, 4.0, 5.0], [6.0, 8.0, 10.0]])
    output.into_data().assert_eq(expected, False)


def test_mul_both_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]]).transpose()
    b = TestTensor.from_([[2.0, 3.0], [4.0, 5.0]]).transpose()
    output = a * b
    output.into_data().assert_eq(TensorData([[2.0, 12.0], [6.0, 20.0]]), False)


def test_should_support_mul_scalar_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    scalar = 2.0
    tensor = TestTensor.from_data(data, device)
    output = tensor * scalar
    expected = TensorData([[0.0, 2.0, 4.0], [6.0, 8.0, 10.0]])
    output.into_data().assert_eq(expected, False)
