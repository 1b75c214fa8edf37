"""Burn's `tensor/int/ops/mul.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_mul_ops_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_1 = TensorData([[0, 1, 2], [3, 4, 5]])
    data_2 = TensorData([[0, 1, 2], [3, 4, 5]])
    device = device
    tensor_1 = TestTensorInt.from_data(data_1, device)
    tensor_2 = TestTensorInt.from_data(data_2, device)
    output = tensor_1 * tensor_2
    expected = TensorData([[0, 1, 4], [9, 16, 25]])
    output.into_data().assert_eq(expected, False)


def test_mul_broadcast_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_1 = TensorData([[0, 1, 2]])
    data_2 = TensorData([[3, 4, 5], [6, 7, 8]])
    device = device
    tensor_1 = TestTensorInt.from_data(data_1, device)
    tensor_2 = TestTensorInt.from_data(data_2, device)
    output = tensor_1 * tensor_2
    expected = TensorData([[0, 4, 10], [0, 7, 16]])
    output.into_data().assert_eq(expected, False)


def test_should_support_mul_scalar_ops_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0, 1, 2], [3, 4, 5]])
    scalar = 2
    tensor = TestTensorInt.from_data(data, device)
    output = tensor * scalar
    expected = TensorData([[0, 2, 4], [6, 8, 10]])
    output.into_data().assert_eq(expected, False)


def test_int_mul_flipped_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensorInt.from_([[1, 2], [3, 4]]).flip([0])
    b = TestTensorInt.from_([[10, 20], [30, 40]])
    output = a * b
    output.into_data().assert_eq(TensorData([[30, 80], [30, 80]]), False)


def test_int_mul_flipped_both_axes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensorInt.from_([[1, 2], [3, 4]]).flip([0, 1])
    b = TestTensorInt.from_([[5, 5], [5, 5]])
    output = a * b
    output.into_data().assert_eq(TensorData([[20, 15], [10, 5]]), False)
