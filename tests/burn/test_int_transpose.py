"""Burn's `tensor/int/ops/transpose.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_transpose_ops_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_data([[[0, 1, 2], [3, 4, 5]], [[6, 7, 8], [9, 10, 11]]], device)
    output = tensor.transpose()
    expected = TensorData([[[0, 3], [1, 4], [2, 5]], [[6, 9], [7, 10], [8, 11]]])
    output.into_data().assert_eq(expected, False)


def test_should_support_swap_dims_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_data([[[0, 1, 2], [3, 4, 5]], [[6, 7, 8], [9, 10, 11]]], device)
    output = tensor.swap_dims(0, 2)
    expected = TensorData([[[0, 6], [3, 9]], [[1, 7], [4, 10]], [[2, 8], [5, 11]]])
    output.into_data().assert_eq(expected, False)
