"""Burn's `tensor/int/ops/movedim.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_movedim_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4])
    permuted = tensor.movedim(0, 2)
    expected = TensorData([[[0, 12], [1, 13], [2, 14], [3, 15]], [[4, 16], [5, 17], [6, 18], [7, 19]], [[8, 20], [9, 21], [10, 22], [11, 23]]])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim(0, -1)
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim(0, 0)
    permuted.into_data().assert_eq(tensor.into_data(), True)


def test_vec_input_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4])
    permuted = tensor.movedim([0, 1], [1, 0])
    expected = TensorData([[[0, 1, 2, 3], [12, 13, 14, 15]], [[4, 5, 6, 7], [16, 17, 18, 19]], [[8, 9, 10, 11], [20, 21, 22, 23]]])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim([-3, -2], [-2, -3])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim([0, 1], [0, 1])
    permuted.into_data().assert_eq(tensor.into_data(), True)
