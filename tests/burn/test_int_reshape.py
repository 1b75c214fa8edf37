"""Burn's `tensor/int/ops/reshape.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_reshape_maybe_fused_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.arange(bslice(0, 32, 1, False), device)
    tensor0 = TestTensorInt.zeros([8, 4, 8], device)
    tensor1 = tensor.reshape([1, 4, 8])
    output = tensor0 + tensor1
    expected = TensorData([[[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15], [16, 17, 18, 19, 20, 21, 22, 23], [24, 25, 26, 27, 28, 29, 30, 31]], [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15], [16, 17, 18, 19, 20, 21, 22, 23], [24, 25, 26, 27, 28, 29, 30, 31]], [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15], [16, 17, 18, 19, 20, 21, 22, 23], [24, 25, 26, 27, 28, 29, 30, 31]], [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15], [16, 17, 18, 19, 20, 21, 22, 23], [24, 25, 26, 27, 28, 29, 30, 31]], [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15], [16, 17, 18, 19, 20, 21, 22, 23], [24, 25, 26, 27, 28, 29, 30, 31]], [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15], [16, 17, 18, 19, 20, 21, 22, 23], [24, 25, 26, 27, 28, 29, 30, 31]], [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15], [16, 17, 18, 19, 20, 21, 22, 23], [24, 25, 26, 27, 28, 29, 30, 31]], [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15], [16, 17, 18, 19, 20, 21, 22, 23], [24, 25, 26, 27, 28, 29, 30, 31]]])
    output.into_data().assert_eq(expected, False)


def test_should_support_reshape_maybe_fused_2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_data([[[0, 2], [1, 2]]], device)
    tensor1 = tensor.reshape([2, 2, 1])
    tensor2 = TestTensorInt.full([2, 2, 4], 4, device)
    output = tensor2 + tensor1
    expected_tensor1 = TensorData([[[4, 4, 4, 4], [6, 6, 6, 6]], [[5, 5, 5, 5], [6, 6, 6, 6]]])
    output.into_data().assert_eq(expected_tensor1, False)


def test_should_support_reshape_maybe_fused_3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_data([[[0, 2], [1, 2]]], device)
    tensor1 = tensor.reshape([2, 2, 1])
    _tensor2 = TestTensorInt.full([2, 2, 3], 5, device)
    expected_tensor1 = TensorData([[[0], [2]], [[1], [2]]])
    tensor1.into_data().assert_eq(expected_tensor1, False)


def test_should_support_reshape_maybe_fused_4(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_data([[[0, 2], [1, 2]]], device)
    tensor2 = TestTensorInt.full([2, 2, 4], 4, device)
    tensor2 = tensor2.swap_dims(0, 1)
    tensor1 = tensor.reshape([2, 2, 1])
    output = tensor2 + tensor1
    expected_tensor1 = TensorData([[[4, 4, 4, 4], [6, 6, 6, 6]], [[5, 5, 5, 5], [6, 6, 6, 6]]])
    output.into_data().assert_eq(expected_tensor1, False)


def test_should_support_reshape_maybe_fused_5(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_data([[[0], [1], [2], [3]]], device)
    tensor1 = tensor.reshape([2, 1, 2])
    tensor2 = TestTensorInt.full([2, 4, 2], 0, device)
    output = tensor2 + tensor1 + tensor
    expected_tensor1 = TensorData([[[0, 1], [1, 2], [2, 3], [3, 4]], [[2, 3], [3, 4], [4, 5], [5, 6]]])
    output.into_data().assert_eq(expected_tensor1, False)


def test_should_support_reshape_maybe_fused_6(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor1 = TestTensorInt.arange(bslice(0, 32, 1, False), device)
    tensor1 = tensor1.reshape([2, 4, 4])
    tensor2 = TestTensorInt.arange(bslice(0, 16, 1, False), device)
    tensor2 = tensor2.reshape([1, 4, 4])
    tensor3 = TestTensorInt.arange(bslice(0, 8, 1, False), device)
    tensor3 = tensor3.reshape([4, 1, 2])
    tensor3 = tensor3.swap_dims(0, 2)
    out = tensor1 + tensor2 + tensor3
    expected = TensorData([[[0, 4, 8, 12], [8, 12, 16, 20], [16, 20, 24, 28], [24, 28, 32, 36]], [[17, 21, 25, 29], [25, 29, 33, 37], [33, 37, 41, 45], [41, 45, 49, 53]]])
    out.to_data().assert_eq(expected, False)


def test_should_support_multiple_reshapes_cloned_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    lhs = TestTensorInt.arange(bslice(0, 4, 1, False), device).reshape([2, 2])
    rhs = lhs
    lhs = lhs.reshape([2, 2, 1])
    rhs = rhs.reshape([1, 2, 2])
    p = lhs.mul(rhs)
    s = p.sum_dim(1)
    out = s.reshape([2, 2])
    out.into_data().assert_eq(TensorData([[2, 3], [6, 11]]), False)


def test_should_support_reshape_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0, 1, 2])
    tensor = TestTensorInt.from_data(data, device)
    output = tensor.reshape([1, 3])
    expected = TensorData([[0, 1, 2]])
    output.into_data().assert_eq(expected, False)
