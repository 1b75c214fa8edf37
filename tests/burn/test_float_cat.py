"""Burn's `tensor/float/ops/cat.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_cat_ops_2d_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[1.0, 2.0, 3.0]], device)
    tensor_2 = TestTensor.from_data([[4.0, 5.0, 6.0]], device)
    output = TestTensor.cat([tensor_1, tensor_2], 0)
    expected = TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_cat_ops_2d_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[1.0, 2.0, 3.0]], device)
    tensor_2 = TestTensor.from_data([[4.0, 5.0, 6.0]], device)
    output = TestTensor.cat([tensor_1, tensor_2], 1)
    expected = TensorData([[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_cat_ops_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[[1.0, 2.0, 3.0]], [[1.1, 2.1, 3.1]]], device)
    tensor_2 = TestTensor.from_data([[[4.0, 5.0, 6.0]]], device)
    output = TestTensor.cat([tensor_1, tensor_2], 0)
    expected = TensorData([[[1.0, 2.0, 3.0]], [[1.1, 2.1, 3.1]], [[4.0, 5.0, 6.0]]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_panic_when_dimensions_are_not_the_same(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['cat']):
        device = device
        tensor_1 = TestTensor.from_data([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], device)
        tensor_2 = TestTensor.from_data([[4.0, 5.0]], device)
        TestTensor.cat([tensor_1, tensor_2], 0).into_data()


def test_should_panic_when_list_of_vectors_is_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['cat']):
        tensor = []
        TestTensor.cat(tensor, 0).into_data()


def test_should_panic_when_cat_exceeds_dimension(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['cat']):
        device = device
        tensor_1 = TestTensor.from_data([[[1.0, 2.0, 3.0]], [[1.1, 2.1, 3.1]]], device)
        tensor_2 = TestTensor.from_data([[[4.0, 5.0, 6.0]]], device)
        TestTensor.cat([tensor_1, tensor_2], 3).into_data()


def test_should_support_cat_ops_cast_dtype(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[[1.0, 2.0, 3.0]], [[1.1, 2.1, 3.1]]], device).cast(DType.F32)
    tensor_2 = TestTensor.from_data([[[4.0, 5.0, 6.0]]], device).cast(DType.F32)
    output = TestTensor.cat([tensor_1, tensor_2], 0)
    expected = TensorData([[[1.0, 2.0, 3.0]], [[1.1, 2.1, 3.1]], [[4.0, 5.0, 6.0]]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_cat_with_empty_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([[1.0, 2.0, 3.0]], device)
    tensor_2 = expect_rank(TestTensor.empty([1, 0], device), 2, 'TestTensor.empty([1, 0], device)')
    output = TestTensor.cat([tensor_1, tensor_2], 1)
    expected = TensorData([[1.0, 2.0, 3.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_cat_with_empty_tensor_first(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = expect_rank(TestTensor.empty([1, 0], device), 2, 'TestTensor.empty([1, 0], device)')
    tensor_2 = TestTensor.from_data([[4.0, 5.0, 6.0]], device)
    output = TestTensor.cat([tensor_1, tensor_2], 1)
    expected = TensorData([[4.0, 5.0, 6.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_cat_with_multiple_empty_tensors(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = expect_rank(TestTensor.empty([2, 0], device), 2, 'TestTensor.empty([2, 0], device)')
    tensor_2 = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0]], device)
    tensor_3 = expect_rank(TestTensor.empty([2, 0], device), 2, 'TestTensor.empty([2, 0], device)')
    tensor_4 = TestTensor.from_data([[5.0], [6.0]], device)
    output = TestTensor.cat([tensor_1, tensor_2, tensor_3, tensor_4], 1)
    expected = TensorData([[1.0, 2.0, 5.0], [3.0, 4.0, 6.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_cat_all_empty_tensors(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = expect_rank(TestTensor.empty([2, 0], device), 2, 'TestTensor.empty([2, 0], device)')
    tensor_2 = expect_rank(TestTensor.empty([2, 0], device), 2, 'TestTensor.empty([2, 0], device)')
    output = TestTensor.cat([tensor_1, tensor_2], 1)
    assert_eq_(output.shape().as_slice(), [2, 0])
