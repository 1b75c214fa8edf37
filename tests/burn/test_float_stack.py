"""Burn's `tensor/float/ops/stack.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_stack_ops_2d_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[1.0, 2.0, 3.0]], device)
    tensor_2 = TestTensor.from_data([[4.0, 5.0, 6.0]], device)
    output = TestTensor.stack([tensor_1, tensor_2], 0)
    expected = TensorData([[[1.0, 2.0, 3.0]], [[4.0, 5.0, 6.0]]])
    output.into_data().assert_eq(expected, False)


def test_should_support_stack_ops_2d_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[1.0, 2.0, 3.0]], device)
    tensor_2 = TestTensor.from_data([[4.0, 5.0, 6.0]], device)
    output = TestTensor.stack([tensor_1, tensor_2], 1)
    expected = TensorData([[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]])
    output.into_data().assert_eq(expected, False)


def test_should_support_stack_ops_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[[1.0, 2.0, 3.0]], [[1.1, 2.1, 3.1]]], device)
    tensor_2 = TestTensor.from_data([[[4.0, 5.0, 6.0]], [[4.1, 5.1, 6.1]]], device)
    output = TestTensor.stack([tensor_1, tensor_2], 0)
    expected = TensorData([[[[1.0000, 2.0000, 3.0000]], [[1.1000, 2.1000, 3.1000]]], [[[4.0000, 5.0000, 6.0000]], [[4.1000, 5.1000, 6.1000]]]])
    output.into_data().assert_eq(expected, False)


def test_should_panic_when_dimensions_are_not_the_same(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['stack']):
        device = device
        tensor_1 = TestTensor.from_data([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], device)
        tensor_2 = TestTensor.from_data([[4.0, 5.0]], device)
        _output = TestTensor.stack([tensor_1, tensor_2], 0)


def test_should_panic_when_list_of_vectors_is_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['stack']):
        tensors = []
        _output = TestTensor.stack(tensors, 0)


def test_should_panic_when_stack_exceeds_dimension(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['stack']):
        device = device
        tensor_1 = TestTensor.from_data([[[1.0, 2.0, 3.0]], [[1.1, 2.1, 3.1]]], device)
        tensor_2 = TestTensor.from_data([[[4.0, 5.0, 6.0]]], device)
        _output = TestTensor.stack([tensor_1, tensor_2], 3)
