"""Burn's `tensor/int/ops/add.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_add_d2_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    tensor_2 = TestTensorInt.from_([[6, 7, 8], [9, 10, 11]])
    output = tensor_1 + tensor_2
    output.into_data().assert_eq(TensorData([[6, 8, 10], [12, 14, 16]]), False)


def test_add_broadcast_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2]])
    tensor_2 = TestTensorInt.from_([[3, 4, 5], [6, 7, 8]])
    output = tensor_1 + tensor_2
    output.into_data().assert_eq(TensorData([[3, 5, 7], [6, 8, 10]]), False)


def test_should_support_add_scalar_ops_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scalar = 2
    tensor = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    output = tensor + scalar
    output.into_data().assert_eq(TensorData([[2, 3, 4], [5, 6, 7]]), False)


def test_scalar_add_not_contiguous(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.arange(bslice(0, 32, 1, False), device).float()
    tensor = tensor.reshape([1, 4, 4, 2]).permute([0, 3, 1, 2])
    tensor = tensor.slice([bslice(0, 1, 1, False),bslice(0, 2, 1, False),bslice(0, 4, 1, False),bslice(0, 4, 1, False)])
    before = tensor
    after = tensor.add_scalar(0.0)
    before.into_data().assert_approx_eq(after.into_data(), Tolerance.default())


def test_scalar_add_not_contiguous_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.arange(bslice(0, 32, 1, False), device)
    tensor = tensor.reshape([1, 4, 4, 2]).permute([0, 3, 1, 2])
    tensor = tensor.slice([bslice(0, 1, 1, False),bslice(0, 2, 1, False),bslice(0, 4, 1, False),bslice(0, 4, 1, False)])
    before = tensor
    after = tensor.add_scalar(0)
    before.into_data().assert_eq(after.into_data(), True)


def test_int_add_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensorInt.from_([[1, 2], [3, 4]]).transpose()
    b = TestTensorInt.from_([[10, 20], [30, 40]]).transpose()
    output = a + b
    output.into_data().assert_eq(TensorData([[11, 33], [22, 44]]), False)


def test_int_add_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensorInt.from_([1, 2, 3, 4]).flip([0])
    b = TestTensorInt.from_([10, 20, 30, 40]).flip([0])
    output = a + b
    output.into_data().assert_eq(TensorData([44, 33, 22, 11]), False)


def test_int_add_scalar_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensorInt.from_([1, 2, 3, 4]).flip([0])
    output = a + 10
    output.into_data().assert_eq(TensorData([14, 13, 12, 11]), False)
