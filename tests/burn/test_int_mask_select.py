"""Burn's `tensor/int/ops/mask_select.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_mask_select_int_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([10, 20, 30, 40])
    mask = TestTensorBool.from_([True, False, False, True])
    output = tensor.mask_select(mask)
    output.into_data().assert_eq(TensorData([10, 40]), False)


def test_mask_select_int_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 2, 3], [4, 5, 6]])
    mask = TestTensorBool.from_([[False, True, False], [True, False, True]])
    output = tensor.mask_select(mask)
    output.into_data().assert_eq(TensorData([2, 4, 6]), False)
