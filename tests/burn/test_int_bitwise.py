"""Burn's `tensor/int/ops/bitwise.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_apply_bitwise_and_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[3, 4, 5], [9, 3, 8]])
    tensor_2 = TestTensorInt.from_([[6, 7, 8], [9, 10, 15]])
    output = tensor_1.bitwise_and(tensor_2)
    output.into_data().assert_eq(TensorData([[2, 4, 0], [9, 2, 8]]), False)


def test_should_apply_bitwise_and_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([13, 7])
    tensor_2 = TestTensorInt.from_([11, 3])
    output = tensor_1.bitwise_and(tensor_2)
    output.into_data().assert_eq(TensorData([9, 3]), False)


def test_should_apply_bitwise_and_scalar_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[3, 4, 5], [9, 3, 8]])
    scalar = 5
    output = tensor_1.bitwise_and_scalar(scalar)
    output.into_data().assert_eq(TensorData([[1, 4, 5], [1, 1, 0]]), False)


def test_should_apply_bitwise_not_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[3, 4, 5], [9, 3, 8]])
    output = tensor_1.bitwise_not()
    output.into_data().assert_eq(TensorData([[-4, -5, -6], [-10, -4, -9]]), False)


def test_should_apply_bitwise_or_scalar_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[3, 4, 5], [9, 3, 8]])
    scalar = 5
    output = tensor_1.bitwise_or_scalar(scalar)
    output.into_data().assert_eq(TensorData([[7, 5, 5], [13, 7, 13]]), False)


def test_should_apply_bitwise_or_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[3, 4, 5], [9, 3, 8]])
    tensor_2 = TestTensorInt.from_([[6, 7, 8], [9, 10, 15]])
    output = tensor_1.bitwise_or(tensor_2)
    output.into_data().assert_eq(TensorData([[7, 7, 13], [9, 11, 15]]), False)


def test_should_apply_bitwise_or_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([13, 7])
    tensor_2 = TestTensorInt.from_([11, 3])
    output = tensor_1.bitwise_or(tensor_2)
    output.into_data().assert_eq(TensorData([15, 7]), False)


def test_should_apply_bitwise_xor_scalar_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[3, 4, 5], [9, 3, 8]])
    scalar = 5
    output = tensor_1.bitwise_xor_scalar(scalar)
    output.into_data().assert_eq(TensorData([[6, 1, 0], [12, 6, 13]]), False)


def test_should_apply_bitwise_xor_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[3, 4, 5], [9, 3, 8]])
    tensor_2 = TestTensorInt.from_([[6, 7, 8], [9, 10, 15]])
    output = tensor_1.bitwise_xor(tensor_2)
    output.into_data().assert_eq(TensorData([[5, 3, 13], [0, 9, 7]]), False)


def test_should_apply_bitwise_xor_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([13, 7])
    tensor_2 = TestTensorInt.from_([11, 3])
    output = tensor_1.bitwise_xor(tensor_2)
    output.into_data().assert_eq(TensorData([6, 4]), False)


def test_should_apply_bitwise_left_shift_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    if (lim('IntElem', 'MAX')) < 512:
        return
    tensor_1 = TestTensorInt.from_([[3, 4, 5], [9, 3, 8]])
    tensor_2 = TestTensorInt.from_([[1, 2, 3], [4, 5, 6]])
    output = tensor_1.bitwise_left_shift(tensor_2)
    output.into_data().assert_eq(TensorData([[6, 16, 40], [144, 96, 512]]), False)


def test_should_apply_bitwise_left_shift_scalar_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[3, 4, 5], [9, 3, 8]])
    scalar = 2
    output = tensor_1.bitwise_left_shift_scalar(scalar)
    output.into_data().assert_eq(TensorData([[12, 16, 20], [36, 12, 32]]), False)


def test_should_apply_bitwise_right_shift_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[3, 4, 5], [9, 3, 8]])
    tensor_2 = TestTensorInt.from_([[1, 2, 3], [4, 5, 6]])
    output = tensor_1.bitwise_right_shift(tensor_2)
    output.into_data().assert_eq(TensorData([[1, 1, 0], [0, 0, 0]]), False)


def test_should_apply_bitwise_right_shift_scalar_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[3, 4, 5], [9, 3, 8]])
    scalar = 2
    output = tensor_1.bitwise_right_shift_scalar(scalar)
    output.into_data().assert_eq(TensorData([[0, 1, 1], [2, 0, 2]]), False)
