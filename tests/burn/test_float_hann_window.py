"""Burn's `tensor/float/ops/hann_window.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_hann_window_periodic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(hann_window(8, True, device), 1, 'hann_window(8, True, device)')
    expected = TensorData([0.0, 0.146447, 0.5, 0.853553, 1.0, 0.853553, 0.5, 0.146447])
    tolerance = Tolerance.default().set_half_precision_relative(1e-2)
    tensor.into_data().assert_approx_eq(expected, tolerance)


def test_should_support_hann_window_symmetric(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(hann_window(8, False, device), 1, 'hann_window(8, False, device)')
    expected = TensorData([0.0, 0.188255, 0.611260, 0.950484, 0.950484, 0.611260, 0.188255, 0.0])
    tolerance = Tolerance.default().set_half_precision_relative(1e-2)
    tensor.into_data().assert_approx_eq(expected, tolerance)


def test_should_support_hann_window_options_dtype(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(hann_window(4, True, device, dtype=DType.F32), 1, 'hann_window(4, True, device, dtype=DType.F32)')
    assert_eq_(tensor.dtype, DType.F32)


def test_should_support_hann_window_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(hann_window(0, True, device), 1, 'hann_window(0, True, device)')
    assert_eq_(tensor.dims(), [0])


def test_should_handle_hann_window_size_one_symmetric(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(hann_window(1, False, device), 1, 'hann_window(1, False, device)')
    expected = TensorData([1.0])
    tensor.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_handle_hann_window_size_one_periodic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = expect_rank(hann_window(1, True, device), 1, 'hann_window(1, True, device)')
    expected = TensorData([1.0])
    tensor.into_data().assert_approx_eq(expected, Tolerance.default())
