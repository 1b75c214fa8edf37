"""Burn's `tensor/float/linalg/matvec.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_matvec_basic_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    matrix = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0]], device)
    vector = TestTensor.from_data([5.0, 6.0], device)
    result = linalg.matvec(matrix, vector)
    expected = TensorData([17.0, 39.0])
    result.into_data().assert_approx_eq(expected, Tolerance.default())


def test_matvec_basic_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    matrix = TestTensorInt.from_ints([[2, 0, -1], [1, 3, 2]], device)
    vector = TestTensorInt.from_ints([3, -2, 4], device)
    result = linalg.matvec(matrix, vector)
    expected = TensorData([2, 5])
    result.into_data().assert_eq(expected, False)


def test_matvec_batched(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    matrix = TestTensor.from_data([[[1.0, 0.0, 2.0], [3.0, 1.0, -1.0]], [[-2.0, 1.0, 0.0], [0.5, -1.5, 2.0]]], device)
    vector = TestTensor.from_data([[1.0, -1.0, 0.5], [2.0, 0.0, -1.0]], device)
    result = linalg.matvec(matrix, vector)
    expected = TensorData([[2.0, 1.5], [-4.0, -1.0]])
    result.into_data().assert_approx_eq(expected, Tolerance.default())


def test_matvec_vector_broadcasts_over_batches(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    matrix = TestTensor.from_data([[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[-1.0, 0.0, 2.0], [3.0, 1.0, -2.0]]], device)
    vector = TestTensor.from_data([[1.0, 0.0, -1.0]], device)
    result = linalg.matvec(matrix, vector)
    expected = TensorData([[-2.0, -2.0], [-3.0, 5.0]])
    result.into_data().assert_approx_eq(expected, Tolerance.default())


def test_matvec_matrix_broadcasts_over_vector_batches(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    matrix = TestTensor.from_data([[[1.0, 0.0, 2.0], [3.0, -1.0, 1.0]]], device)
    vector = TestTensor.from_data([[2.0, 1.0, 0.0], [1.0, -1.0, 3.0]], device)
    result = linalg.matvec(matrix, vector)
    expected = TensorData([[2.0, 5.0], [7.0, 7.0]])
    result.into_data().assert_approx_eq(expected, Tolerance.default())


def test_matvec_invalid_inner_dim_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['matvec']):
        device = device
        matrix = TestTensor.zeros([2, 3], device)
        vector = TestTensor.zeros([4], device)
        _ = linalg.matvec(matrix, vector)


def test_matvec_mismatched_batches_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['matvec']):
        device = device
        matrix = TestTensor.zeros([2, 3, 4], device)
        vector = TestTensor.zeros([3, 4], device)
        _ = linalg.matvec(matrix, vector)
