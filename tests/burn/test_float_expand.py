"""Burn's `tensor/float/ops/expand.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_expand_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([1.0, 2.0, 3.0], device)
    output = tensor.expand([3, 3])
    output.into_data().assert_eq(TensorData([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]), False)
    tensor = TestTensor.from_data([4.0, 7.0, 2.0, 3.0], device)
    output = tensor.expand([2, 4])
    output.into_data().assert_eq(TensorData([[4.0, 7.0, 2.0, 3.0], [4.0, 7.0, 2.0, 3.0]]), False)


def test_expand_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0]], device)
    output = tensor.expand([3, 2, 2])
    expected = TensorData([[[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0, 4.0]]])
    output.into_data().assert_eq(expected, False)


def test_expand_higher_dimensions(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0]], device)
    output = tensor.expand([2, 3, 4])
    expected = TensorData([[[1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]], [[1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]]])
    output.into_data().assert_eq(expected, False)


def test_expand_sum_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0]], device)
    output = tensor.expand([3, 2, 2]).sum_dim(0)
    expected = TensorData([[[3.0, 6.0], [9.0, 12.0]]])
    output.into_data().assert_eq(expected, False)


def test_broadcast_single(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([1.0], device)
    output = tensor.expand([2, 3])
    output.into_data().assert_eq(TensorData([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]), False)


def test_should_fail_expand_incompatible_shapes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['expand']):
        tensor = TestTensor.from_data([1.0, 2.0, 3.0], device)
        _expanded_tensor = tensor.expand([2, 2])


def test_expand_after_transpose(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]]).transpose()
    output = tensor.expand([3, 2, 2])
    output.into_data().assert_eq(TensorData([[[1.0, 3.0], [2.0, 4.0]], [[1.0, 3.0], [2.0, 4.0]], [[1.0, 3.0], [2.0, 4.0]]]), False)


def test_expand_after_flip_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 2.0, 3.0]).flip([0])
    output = tensor.expand([2, 3])
    output.into_data().assert_eq(TensorData([[3.0, 2.0, 1.0], [3.0, 2.0, 1.0]]), False)


def test_expand_after_flip_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]]).flip([0])
    output = tensor.expand([3, 2, 2])
    output.into_data().assert_eq(TensorData([[[3.0, 4.0], [1.0, 2.0]], [[3.0, 4.0], [1.0, 2.0]], [[3.0, 4.0], [1.0, 2.0]]]), False)


def test_expand_after_narrow(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([0.0, 1.0, 2.0, 3.0, 4.0]).narrow(0, 1, 3)
    output = tensor.expand([2, 3])
    output.into_data().assert_eq(TensorData([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]), False)
