"""Burn's `tensor/float/linalg/cosine_similarity.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_cosine_similarity_basic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    x1 = TestTensor.from_([[1.0, 2.0, 3.0], [0.5, 1.5, 2.5]])
    x2 = TestTensor.from_([[1.5, 2.5, 3.5], [0.7, 1.7, 2.7]])
    expected = TensorData([[0.99983203], [0.99987257]])
    linalg.cosine_similarity(x1, x2, 1, None).into_data().assert_approx_eq(expected, Tolerance.default())
    linalg.cosine_similarity(x1, x2, 1, (1e-8)).into_data().assert_approx_eq(expected, Tolerance.default())


def test_cosine_similarity_orthogonal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    x1 = TestTensor.from_([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    x2 = TestTensor.from_([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    expected = TensorData([[0.0], [0.0]])
    linalg.cosine_similarity(x1, x2, 1, None).into_data().assert_eq(expected, False)


def test_cosine_similarity_parallel(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    x1 = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    x2 = TestTensor.from_([[2.0, 4.0, 6.0], [8.0, 10.0, 12.0]])
    expected = TensorData([[1.0], [1.0]])
    linalg.cosine_similarity(x1, x2, 1, None).into_data().assert_approx_eq(expected, Tolerance.default())


def test_cosine_similarity_opposite(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    x1 = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    x2 = TestTensor.from_([[-1.0, -2.0, -3.0], [-4.0, -5.0, -6.0]])
    expected = TensorData([[-1.0], [-1.0]])
    linalg.cosine_similarity(x1, x2, 1, None).into_data().assert_approx_eq(expected, Tolerance.default())


def test_cosine_similarity_different_dimension(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    x1 = TestTensor.from_([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]])
    x2 = TestTensor.from_([[[2.0, 3.0], [4.0, 5.0]], [[6.0, 7.0], [8.0, 9.0]]])
    expected = TensorData([[[0.9959688], [0.9958376]], [[0.9955946], [0.9955169]]])
    tolerance = Tolerance.default().set_half_precision_relative(7e-3)
    linalg.cosine_similarity(x1, x2, 2, None).into_data().assert_approx_eq(expected, tolerance)
    linalg.cosine_similarity(x1, x2, -1, None).into_data().assert_approx_eq(expected, tolerance)


def test_cosine_similarity_near_zero(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    x1 = TestTensor.from_([[1e-10, 2e-10, 3e-10], [4e-10, 5e-10, 6e-10]])
    x2 = TestTensor.from_([[2e-10, 4e-10, 6e-10], [8e-10, 10e-10, 12e-10]])
    expected = TensorData([[0.0028], [0.0154]])
    epsilon = (1e-2)
    tolerance = Tolerance.absolute(0.2)
    linalg.cosine_similarity(x1, x2, 1, epsilon).into_data().assert_approx_eq(expected, tolerance)
