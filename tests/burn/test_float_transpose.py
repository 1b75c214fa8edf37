"""Burn's `tensor/float/ops/transpose.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_transpose_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], device)
    output = tensor.t()
    expected = TensorData([[[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]], [[6.0, 9.0], [7.0, 10.0], [8.0, 11.0]]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_transpose_maybe_fused_with_one(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], device)
    ones = TestTensor.ones([1, 1, 1], device)
    output = tensor.transpose()
    expected = TensorData([[[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]], [[6.0, 9.0], [7.0, 10.0], [8.0, 11.0]]])
    expected_ones = TensorData([[[1.0]]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
    ones.into_data().assert_approx_eq(expected_ones, Tolerance.default())


def test_should_support_swap_dims_no_op(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], device)
    output = tensor.swap_dims(0, 0)
    expected = TensorData([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_swap_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], device)
    output = tensor.swap_dims(0, 2)
    expected = TensorData([[[0.0, 6.0], [3.0, 9.0]], [[1.0, 7.0], [4.0, 10.0]], [[2.0, 8.0], [5.0, 11.0]]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_swap_dims_neg_index(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], device)
    output = tensor.swap_dims(-3, -1)
    expected = TensorData([[[0.0, 6.0], [3.0, 9.0]], [[1.0, 7.0], [4.0, 10.0]], [[2.0, 8.0], [5.0, 11.0]]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
