"""Burn's `tensor/bool/ops/movedim.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_movedim_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4]).greater_elem(10)
    permuted = tensor.movedim(0, 2)
    expected = TensorData([[[False, True], [False, True], [False, True], [False, True]], [[False, True], [False, True], [False, True], [False, True]], [[False, True], [False, True], [False, True], [True, True]]])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim(0, -1)
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim(0, 0)
    permuted.into_data().assert_eq(tensor.into_data(), False)


def test_vec_input_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4]).greater_elem(10)
    permuted = tensor.movedim([0, 1], [1, 0])
    expected = TensorData([[[False, False, False, False], [True, True, True, True]], [[False, False, False, False], [True, True, True, True]], [[False, False, False, True], [True, True, True, True]]])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim([-3, -2], [-2, -3])
    permuted.into_data().assert_eq(expected, False)
    permuted = tensor.movedim([0, 1], [0, 1])
    permuted.into_data().assert_eq(tensor.into_data(), False)
