"""Burn's `tensor/bool/ops/transpose.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_transpose_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_data([[[False, True, False], [False, False, False]], [[False, False, True], [False, False, True]]], device)
    output = tensor.transpose()
    expected = TensorData([[[False, False], [True, False], [False, False]], [[False, False], [False, False], [True, True]]])
    output.into_data().assert_eq(expected, False)


def test_should_support_swap_dims_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_data([[[False, True, False], [False, False, False]], [[False, False, True], [False, False, True]]], device)
    output = tensor.swap_dims(0, 2)
    expected = TensorData([[[False, False], [False, False]], [[True, False], [False, False]], [[False, True], [False, True]]])
    output.into_data().assert_eq(expected, False)
