"""Burn's `tensor/float/ops/blackman_window.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_blackman_window_options_dtype(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(blackman_window(4, True, device, dtype=DType.F32), 1, 'blackman_window(4, True, device, dtype=DType.F32)')
    assert_eq_(tensor.dtype, DType.F32)


def test_should_support_blackman_window_size_0_symmetric(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(blackman_window(0, False, device), 1, 'blackman_window(0, False, device)')
    assert_eq_(tensor.dims(), [0])


def test_should_support_blackman_window_size_0_periodic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(blackman_window(0, True, device), 1, 'blackman_window(0, True, device)')
    assert_eq_(tensor.dims(), [0])


def test_should_handle_blackman_window_size_1_symmetric(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(blackman_window(1, False, device), 1, 'blackman_window(1, False, device)')
    expected = TensorData([1.0])
    tensor.into_data().assert_eq(expected, False)


def test_should_handle_blackman_window_size_1_periodic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(blackman_window(1, True, device), 1, 'blackman_window(1, True, device)')
    expected = TensorData([1.0])
    tensor.into_data().assert_eq(expected, False)


def test_should_support_blackman_window_size_8_periodic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(blackman_window(8, True, device), 1, 'blackman_window(8, True, device)')
    expected = TensorData([0.0, 6.6447e-02, 3.4000e-01, 7.7355e-01, 1.0000e+00, 7.7355e-01, 3.4000e-01, 6.6447e-02])
    tolerance = Tolerance.default().set_half_precision_absolute(1e-3)
    tensor.into_data().assert_approx_eq(expected, tolerance)


def test_should_support_blackman_window_size_8_symmetric(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(blackman_window(8, False, device), 1, 'blackman_window(8, False, device)')
    expected = TensorData([0.0, 9.0453e-02, 4.5918e-01, 9.2036e-01, 9.2036e-01, 4.5918e-01, 9.0453e-02, 0.0])
    tolerance = Tolerance.default().set_half_precision_absolute(1e-3)
    tensor.into_data().assert_approx_eq(expected, tolerance)
