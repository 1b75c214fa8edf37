"""Burn's `tensor/float/ops/hamming_window.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_hamming_window_periodic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(hamming_window(8, True, device), 1, 'hamming_window(8, True, device)')
    expected = TensorData([0.086957, 0.220669, 0.543478, 0.866288, 1.0, 0.866288, 0.543478, 0.220669])
    tolerance = Tolerance.default().set_half_precision_relative(1e-2)
    tensor.into_data().assert_approx_eq(expected, tolerance)


def test_should_support_hamming_window_symmetric(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(hamming_window(8, False, device), 1, 'hamming_window(8, False, device)')
    expected = TensorData([0.086957, 0.258842, 0.645064, 0.954790, 0.954790, 0.645064, 0.258842, 0.086957])
    tolerance = Tolerance.default().set_half_precision_relative(1e-2)
    tensor.into_data().assert_approx_eq(expected, tolerance)


def test_should_support_hamming_window_options_dtype(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(hamming_window(4, True, device, dtype=DType.F32), 1, 'hamming_window(4, True, device, dtype=DType.F32)')
    assert_eq_(tensor.dtype, DType.F32)


def test_should_support_hamming_window_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(hamming_window(0, True, device), 1, 'hamming_window(0, True, device)')
    assert_eq_(tensor.dims(), [0])


def test_should_handle_hamming_window_size_one_symmetric(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(hamming_window(1, False, device), 1, 'hamming_window(1, False, device)')
    expected = TensorData([1.0])
    tensor.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_handle_hamming_window_size_one_periodic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(hamming_window(1, True, device), 1, 'hamming_window(1, True, device)')
    expected = TensorData([1.0])
    tensor.into_data().assert_approx_eq(expected, Tolerance.default())
