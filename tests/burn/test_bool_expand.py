"""Burn's `tensor/bool/ops/expand.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_expand_2d_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([False, True, False])
    expanded_tensor = tensor.expand([3, 3])
    expected_data = TensorData([[False, True, False], [False, True, False], [False, True, False]])
    expanded_tensor.into_data().assert_eq(expected_data, False)


def test_expand_bool_after_flip(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([True, False, False]).flip([0])
    output = tensor.expand([2, 3])
    output.into_data().assert_eq(TensorData([[False, False, True], [False, False, True]]), False)
