"""Burn's `tensor/bool/ops/mask.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_bool_mask_where_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([[True, False], [False, False]], device)
    mask = TestTensorBool.from_bool(TensorData([[True, False], [False, True]]), device)
    value = TestTensorBool.from_data(TensorData([[False, True], [True, False]]), device)
    output = tensor.mask_where(mask, value)
    expected = TensorData([[False, False], [False, False]])
    output.into_data().assert_eq(expected, False)


def test_should_support_bool_mask_fill_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([[False, True], [False, False]], device)
    mask = TestTensorBool.from_bool(TensorData([[True, False], [False, True]]), device)
    output = tensor.mask_fill(mask, True)
    expected = TensorData([[True, True], [False, True]])
    output.into_data().assert_eq(expected, False)
