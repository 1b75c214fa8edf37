"""Burn's `tensor/float/ops/add.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_add_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensor.from_([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor_2 = TestTensor.from_([[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]])
    output = tensor_1 + tensor_2
    output.into_data().assert_eq(TensorData([[6.0, 8.0, 10.0], [12.0, 14.0, 16.0]]), False)


def test_add_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensor.from_([[0.0, 1.0, 2.0]])
    tensor_2 = TestTensor.from_([[3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
    output = tensor_1 + tensor_2
    output.into_data().assert_eq(TensorData([[3.0, 5.0, 7.0], [6.0, 8.0, 10.0]]), False)


def test_add_different_strides_rhs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensor.from_([[0.0, 1.0], [2.0, 3.0]]) * 1
    tensor_2 = TestTensor.from_([[4.0, 5.0], [6.0, 7.0]]) * 1
    output = tensor_1 + tensor_2.transpose()
    output.into_data().assert_eq(TensorData([[4.0, 7.0], [7.0, 10.0]]), False)


def test_add_different_strides_lhs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensor.from_([[0.0, 1.0], [2.0, 3.0]]) * 1
    tensor_2 = TestTensor.from_([[4.0, 5.0], [6.0, 7.0]]) * 1
    output = tensor_1.transpose() + tensor_2
    output.into_data().assert_eq(TensorData([[4.0, 7.0], [7.0, 10.0]]), False)


def test_add_different_strides_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensor.from_([[0.0, 1.0], [2.0, 3.0]]) * 1
    tensor_2 = TestTensor.from_([[4.0, 5.0]]) * 1
    output = tensor_1.transpose() + tensor_2
    output.into_data().assert_eq(TensorData([[4.0, 7.0], [5.0, 8.0]]), False)


def test_should_support_add_scalar_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scalar = 2.0
    tensor = TestTensor.from_([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    output = tensor + scalar
    output.into_data().assert_eq(TensorData([[2.0, 3.0, 4.0], [5.0, 6.0, 7.0]]), False)


def test_add_maybe_fused_not_contiguous(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor1 = TestTensorInt.arange(bslice(0, 8, 1, False), device).float()
    tensor2 = TestTensorInt.arange(bslice(8, 16, 1, False), device).float()
    tensor1 = tensor1.reshape([2, 4])
    tensor2 = tensor2.reshape([4, 2])
    tensor2 = tensor2.swap_dims(0, 1)
    output = tensor1 + tensor2
    output.into_data().assert_eq(TensorData([[8.0, 11.0, 14.0, 17.0], [13.0, 16.0, 19.0, 22.0]]), False)


def test_add_narrowed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = list(rmap((bslice(0, 16, 1, False)), lambda i: i))
    device = device
    a = TestTensor.from_data(TensorData(data, [4, 4]), device)
    b = TestTensor.from_data(TensorData(data, [4, 4]), device)
    a_narrow = a.narrow(0, 1, 2)
    b_narrow = b.narrow(0, 1, 2)
    output = a_narrow + b_narrow
    output.into_data().assert_eq(TensorData([[8.0, 10.0, 12.0, 14.0], [16.0, 18.0, 20.0, 22.0]]), False)


def test_add_scalar_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]]).transpose()
    output = a + 10.0
    output.into_data().assert_eq(TensorData([[11.0, 13.0], [12.0, 14.0]]), False)


def test_add_maybe_fused_not_contiguous_broadcasted(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor1 = TestTensorInt.arange(bslice(0, 8, 1, False), device).float()
    tensor2 = TestTensorInt.arange(bslice(8, 10, 1, False), device).float()
    tensor1 = tensor1.reshape([2, 4])
    tensor2 = tensor2.reshape([1, 2])
    tensor2 = tensor2.swap_dims(0, 1)
    output = tensor2 + tensor1
    output.into_data().assert_eq(TensorData([[8.0, 9.0, 10.0, 11.0], [13.0, 14.0, 15.0, 16.0]]), False)
