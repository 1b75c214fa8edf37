"""Burn's `tensor/float/ops/padding.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_padding_constant_2d_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    unpadded_floats = [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
    tensor = TestTensor.from_(unpadded_floats)
    padded_tensor = tensor.pad((2, 2, 2, 2), 1.1)
    expected = TensorData([[1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 0.0, 1.0, 2.0, 1.1, 1.1], [1.1, 1.1, 3.0, 4.0, 5.0, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_constant_4d_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    unpadded_floats = [[[[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]]]]
    tensor = TestTensor.from_(unpadded_floats)
    padded_tensor = tensor.pad((2, 2, 2, 2), 1.1)
    expected = TensorData([[[[1.1, 1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 0.0, 1.0, 1.1, 1.1], [1.1, 1.1, 2.0, 3.0, 1.1, 1.1], [1.1, 1.1, 4.0, 5.0, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1, 1.1]]]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_constant_asymmetric_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    unpadded_floats = [[[[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]]]]
    tensor = TestTensor.from_(unpadded_floats)
    padded_tensor = tensor.pad((2, 1, 4, 3), 1.1)
    expected = TensorData([[[[1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 0.0, 1.0, 1.1], [1.1, 1.1, 2.0, 3.0, 1.1], [1.1, 1.1, 4.0, 5.0, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1]]]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_reflect_2d_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    padded_tensor = tensor.pad((1, 1, 1, 1), PadMode.Reflect)
    expected = TensorData([[5.0, 4.0, 5.0, 6.0, 5.0], [2.0, 1.0, 2.0, 3.0, 2.0], [5.0, 4.0, 5.0, 6.0, 5.0], [2.0, 1.0, 2.0, 3.0, 2.0]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_reflect_width_only_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0, 4.0]])
    padded_tensor = tensor.pad((2, 2, 0, 0), PadMode.Reflect)
    expected = TensorData([[3.0, 2.0, 1.0, 2.0, 3.0, 4.0, 3.0, 2.0]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_reflect_4d_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]]])
    padded_tensor = tensor.pad((1, 1, 1, 1), PadMode.Reflect)
    expected = TensorData([[[[5.0, 4.0, 5.0, 6.0, 5.0], [2.0, 1.0, 2.0, 3.0, 2.0], [5.0, 4.0, 5.0, 6.0, 5.0], [8.0, 7.0, 8.0, 9.0, 8.0], [5.0, 4.0, 5.0, 6.0, 5.0]]]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_edge_2d_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    padded_tensor = tensor.pad((1, 1, 1, 1), PadMode.Edge)
    expected = TensorData([[1.0, 1.0, 2.0, 3.0, 3.0], [1.0, 1.0, 2.0, 3.0, 3.0], [4.0, 4.0, 5.0, 6.0, 6.0], [4.0, 4.0, 5.0, 6.0, 6.0]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_edge_width_only_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0, 4.0]])
    padded_tensor = tensor.pad((2, 3, 0, 0), PadMode.Edge)
    expected = TensorData([[1.0, 1.0, 1.0, 2.0, 3.0, 4.0, 4.0, 4.0, 4.0]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_edge_4d_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[[1.0, 2.0], [3.0, 4.0]]]])
    padded_tensor = tensor.pad((1, 1, 1, 1), PadMode.Edge)
    expected = TensorData([[[[1.0, 1.0, 2.0, 2.0], [1.0, 1.0, 2.0, 2.0], [3.0, 3.0, 4.0, 4.0], [3.0, 3.0, 4.0, 4.0]]]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_constant_default_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]])
    padded_tensor = tensor.pad((1, 1, 1, 1), PadMode.default())
    expected = TensorData([[0.0, 0.0, 0.0, 0.0], [0.0, 1.0, 2.0, 0.0], [0.0, 3.0, 4.0, 0.0], [0.0, 0.0, 0.0, 0.0]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_reflect_max_valid_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0, 4.0]])
    padded_tensor = tensor.pad((3, 3, 0, 0), PadMode.Reflect)
    expected = TensorData([[4.0, 3.0, 2.0, 1.0, 2.0, 3.0, 4.0, 3.0, 2.0, 1.0]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_reflect_asymmetric_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
    padded_tensor = tensor.pad((2, 1, 1, 2), PadMode.Reflect)
    expected = TensorData([[6.0, 5.0, 4.0, 5.0, 6.0, 5.0], [3.0, 2.0, 1.0, 2.0, 3.0, 2.0], [6.0, 5.0, 4.0, 5.0, 6.0, 5.0], [9.0, 8.0, 7.0, 8.0, 9.0, 8.0], [6.0, 5.0, 4.0, 5.0, 6.0, 5.0], [3.0, 2.0, 1.0, 2.0, 3.0, 2.0]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_reflect_exceeds_dimension_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['pad']):
        tensor = TestTensor.from_([[1.0, 2.0, 3.0]])
        _ = tensor.pad((3, 0, 0, 0), PadMode.Reflect)


def test_padding_edge_asymmetric_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    padded_tensor = tensor.pad((2, 1, 3, 1), PadMode.Edge)
    expected = TensorData([[1.0, 1.0, 1.0, 2.0, 3.0, 3.0], [1.0, 1.0, 1.0, 2.0, 3.0, 3.0], [1.0, 1.0, 1.0, 2.0, 3.0, 3.0], [1.0, 1.0, 1.0, 2.0, 3.0, 3.0], [4.0, 4.0, 4.0, 5.0, 6.0, 6.0], [4.0, 4.0, 4.0, 5.0, 6.0, 6.0]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_zero_padding_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]])
    padded_constant = tensor.pad((0, 0, 0, 0), PadMode.Constant(5.0))
    padded_reflect = tensor.pad((0, 0, 0, 0), PadMode.Reflect)
    padded_edge = tensor.pad((0, 0, 0, 0), PadMode.Edge)
    expected = TensorData([[1.0, 2.0], [3.0, 4.0]])
    padded_constant.into_data().assert_eq(expected, False)
    padded_reflect.into_data().assert_eq(expected, False)
    padded_edge.into_data().assert_eq(expected, False)


def test_padding_empty_tensor_constant_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(TestTensor.empty([0, 3], device), 2, 'TestTensor.empty([0, 3], device)')
    padded = tensor.pad((0, 0, 2, 2), 1.0)
    assert_eq_(padded.dims(), [4, 3])
    expected = TensorData([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]])
    padded.into_data().assert_eq(expected, False)


def test_padding_empty_tensor_edge_panics_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['empty', 'pad']):
        tensor = expect_rank(TestTensor.empty([0, 3], device), 2, 'TestTensor.empty([0, 3], device)')
        _ = tensor.pad((0, 0, 1, 1), PadMode.Edge)


def test_padding_empty_tensor_reflect_panics_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['empty', 'pad']):
        tensor = expect_rank(TestTensor.empty([0, 3], device), 2, 'TestTensor.empty([0, 3], device)')
        _ = tensor.pad((0, 0, 1, 1), PadMode.Reflect)


def test_padding_constant_pairs_2d_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    padded_tensor = tensor.pad([(2, 2), (2, 2)], 1.1)
    expected = TensorData([[1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 0.0, 1.0, 2.0, 1.1, 1.1], [1.1, 1.1, 3.0, 4.0, 5.0, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1], [1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_constant_single_dim_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]])
    padded_tensor = tensor.pad([(1, 1)], 0.0)
    expected = TensorData([[0.0, 1.0, 2.0, 0.0], [0.0, 3.0, 4.0, 0.0]])
    padded_tensor.into_data().assert_eq(expected, False)


def test_padding_constant_all_dims_4d_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[[1.0, 2.0], [3.0, 4.0]]]])
    padded = tensor.pad([(1, 1), (1, 1), (0, 0), (0, 0)], 0.0)
    assert_eq_(padded.dims(), [3, 3, 2, 2])
    expected = TensorData([[[[0.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]]], [[[0.0, 0.0], [0.0, 0.0]], [[1.0, 2.0], [3.0, 4.0]], [[0.0, 0.0], [0.0, 0.0]]], [[[0.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]]]])
    padded.into_data().assert_eq(expected, False)


def test_padding_constant_batch_dim_only_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, 2.0], [3.0, 4.0]]])
    padded = tensor.pad([(1, 1), (0, 0), (0, 0)], -1.0)
    assert_eq_(padded.dims(), [3, 2, 2])
    expected = TensorData([[[-1.0, -1.0], [-1.0, -1.0]], [[1.0, 2.0], [3.0, 4.0]], [[-1.0, -1.0], [-1.0, -1.0]]])
    padded.into_data().assert_eq(expected, False)


def test_padding_reflect_pairs_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
    padded = tensor.pad([(1, 1), (1, 1)], PadMode.Reflect)
    expected = TensorData([[5.0, 4.0, 5.0, 6.0, 5.0], [2.0, 1.0, 2.0, 3.0, 2.0], [5.0, 4.0, 5.0, 6.0, 5.0], [8.0, 7.0, 8.0, 9.0, 8.0], [5.0, 4.0, 5.0, 6.0, 5.0]])
    padded.into_data().assert_eq(expected, False)


def test_padding_edge_pairs_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]])
    padded = tensor.pad([(1, 1), (1, 1)], PadMode.Edge)
    expected = TensorData([[1.0, 1.0, 2.0, 2.0], [1.0, 1.0, 2.0, 2.0], [3.0, 3.0, 4.0, 4.0], [3.0, 3.0, 4.0, 4.0]])
    padded.into_data().assert_eq(expected, False)


def test_padding_reflect_batch_dim_3d_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, 2.0]], [[3.0, 4.0]], [[5.0, 6.0]]])
    padded = tensor.pad([(1, 1), (0, 0), (0, 0)], PadMode.Reflect)
    assert_eq_(padded.dims(), [5, 1, 2])
    expected = TensorData([[[3.0, 4.0]], [[1.0, 2.0]], [[3.0, 4.0]], [[5.0, 6.0]], [[3.0, 4.0]]])
    padded.into_data().assert_eq(expected, False)


def test_padding_edge_batch_dim_3d_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[1.0, 2.0]], [[3.0, 4.0]]])
    padded = tensor.pad([(2, 1), (0, 0), (0, 0)], PadMode.Edge)
    assert_eq_(padded.dims(), [5, 1, 2])
    expected = TensorData([[[1.0, 2.0]], [[1.0, 2.0]], [[1.0, 2.0]], [[3.0, 4.0]], [[3.0, 4.0]]])
    padded.into_data().assert_eq(expected, False)


def test_padding_too_many_pairs_panics_test(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['pad']):
        tensor = TestTensor.from_([[1.0, 2.0]])
        _ = tensor.pad([(1, 1), (1, 1), (1, 1)], 0.0)
