"""Burn's `tensor/float/linalg/diag.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_diag_2d_square(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0]], device)
    result = linalg.diag(tensor)
    expected = TensorData([1.0, 4.0])
    result.into_data().assert_eq(expected, False)


def test_diag_2d_tall(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]], device)
    result = linalg.diag(tensor)
    expected = TensorData([1.0, 4.0])
    result.into_data().assert_eq(expected, False)


def test_diag_2d_wide(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]], device)
    result = linalg.diag(tensor)
    expected = TensorData([1.0, 6.0])
    result.into_data().assert_eq(expected, False)


def test_diag_3d_batch_square(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]], device)
    result = linalg.diag(tensor)
    expected = TensorData([[1.0, 4.0], [5.0, 8.0]])
    result.into_data().assert_eq(expected, False)


def test_diag_3d_batch_tall(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]]], device)
    result = linalg.diag(tensor)
    expected = TensorData([[1.0, 4.0], [7.0, 10.0]])
    result.into_data().assert_eq(expected, False)


def test_diag_3d_batch_wide(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[7.0, 8.0, 9.0], [10.0, 11.0, 12.0]]], device)
    result = linalg.diag(tensor)
    expected = TensorData([[1.0, 5.0], [7.0, 11.0]])
    result.into_data().assert_eq(expected, False)


def test_diag_4d_batch_channel_square(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]], [[[9.0, 10.0], [11.0, 12.0]], [[13.0, 14.0], [15.0, 16.0]]]], device)
    result = linalg.diag(tensor)
    expected = TensorData([[[1.0, 4.0], [5.0, 8.0]], [[9.0, 12.0], [13.0, 16.0]]])
    result.into_data().assert_eq(expected, False)


def test_diag_4d_batch_channel_tall(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]], [[[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]]]], device)
    result = linalg.diag(tensor)
    expected = TensorData([[[1.0, 4.0]], [[7.0, 10.0]]])
    result.into_data().assert_eq(expected, False)


def test_diag_4d_batch_channel_wide(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]], [[9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]]], device)
    result = linalg.diag(tensor)
    expected = TensorData([[[1.0, 6.0], [9.0, 14.0]]])
    result.into_data().assert_eq(expected, False)


def test_diag_1x1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[5.0]], device)
    result = linalg.diag(tensor)
    expected = TensorData([5.0])
    result.into_data().assert_eq(expected, False)


def test_diag_single_row(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0]], device)
    result = linalg.diag(tensor)
    expected = TensorData([1.0])
    result.into_data().assert_eq(expected, False)


def test_diag_single_column(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0], [2.0], [3.0]], device)
    result = linalg.diag(tensor)
    expected = TensorData([1.0])
    result.into_data().assert_eq(expected, False)


def test_diag_zeros(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0], [2.0, 0.0]], device)
    result = linalg.diag(tensor)
    expected = TensorData([0.0, 0.0])
    result.into_data().assert_eq(expected, False)


def test_diag_batch_single_element(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[5.0]], [[7.0]]], device)
    result = linalg.diag(tensor)
    expected = TensorData([[5.0], [7.0]])
    result.into_data().assert_eq(expected, False)


def test_diag_batch_mixed_zeros(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0, 2.0], [3.0, 0.0]], [[0.0, 5.0], [6.0, 7.0]]], device)
    result = linalg.diag(tensor)
    expected = TensorData([[1.0, 0.0], [0.0, 7.0]])
    result.into_data().assert_eq(expected, False)


def test_diag_int_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([[1, 2], [3, 4]], device)
    result = linalg.diag(tensor)
    expected = TensorData([1, 4])
    result.into_data().assert_eq(expected, False)


def test_diag_int_3x3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([[1, 2, 3], [4, 5, 6], [7, 8, 9]], device)
    result = linalg.diag(tensor)
    expected = TensorData([1, 5, 9])
    result.into_data().assert_eq(expected, False)


def test_diag_1d_should_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['diag']):
        device = device
        tensor = TestTensor.from_data([1.0, 2.0, 3.0], device)
        _result = linalg.diag(tensor)
